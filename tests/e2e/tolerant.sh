#!/usr/bin/env bash
# The tolerant checker in a real session (issue 12): a forgiven typo is
# Correct with a spelling note on its own line after the verdict; an answer
# with two figures is asked again; one value inside a range answer is Close
# (Hard) with the range shown; a range in words is Correct; the review log
# keeps what was typed.
source "$(dirname "$0")/lib.sh" "$@"

export DRILL_DB=$T/tolerant.db
export DRILL_DECKS=$E2E_DECKS/tolerant

step "a typo is forgiven and named; two figures are asked again; one value of a range is close"
run_in 'I think it\xe2\x80\x99s fruglaity\n$1M for L6, $10M for L7\n$3M\n:quit\n' --seed 5
expect_exit 0
expect_out "› I think it’s fruglaity
✓ Correct.
(spelling: Frugality)
Good · next review in 10 minutes"
expect_out "the answer gives more than one figure (\$1M, \$10M): type the one you mean; try again."
expect_out "≈ Close.
(the answer is a range: \$1M-\$5M)
Answer: \$1M-\$5M a year
Hard · next review in"
sql_eq "SELECT group_concat(card_id || '|' || rating || '|' || answer || '|' || correct, ';')
	FROM (SELECT * FROM reviews ORDER BY id)" \
	"tol-frugality|3|I think it’s fruglaity|1;tol-band|2|\$3M|0" "reviews as typed"

step "a range in words is correct, with no note"
export DRILL_DB=$T/words.db
run_in 'frugal\nbetween one and five million a year\n:quit\n' --seed 5
expect_exit 0
expect_no_out "(spelling"
expect_no_out "(the answer is a range"
expect_eq "$(count "✓ Correct." "$OUT")" 2 "both answers correct"

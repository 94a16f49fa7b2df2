#!/usr/bin/env bash
# drill mock --show N prints a saved mock (its scorecard, the main answer
# and every finding, by round) and --delete N removes one, its findings
# too, in one transaction. An unknown or malformed N is an error that names
# it, exit 1, and changes nothing.
source "$(dirname "$0")/lib.sh" "$@"

export DRILL_DECKS=$DRILL_SOURCE_DIR/decks
sed '1,/^---$/d' "$DRILL_TEST_DATA/coach/l6-weak-round.txt" >"$T/weak.txt"
{
	cat "$T/weak.txt"
	echo .
	echo "The team did most of it, I think."
	echo .
	echo "We compared failed orders before and after: 1,850 orders a month at \$92, so 1,850 × \$92 × 12 = \$2.04M a year."
	echo .
	echo "Our finance team validated the figure."
} >"$T/mock.txt"

step "--help documents --show and --delete"
run mock --help
expect_exit 0
expect_out "--show N"
expect_out "--delete N"

step "two saved mocks"
run mock --seed 7 --level L6 --principle ownership <"$T/mock.txt"
expect_exit 0
expect_out "Saved as mock #1"
DRILL_NOW=2026-03-03T09:00:00Z run mock --seed 7 --level L6 --principle ownership <"$T/mock.txt"
expect_exit 0
expect_out "Saved as mock #2"
sql_eq "SELECT count(*) FROM mocks" 2
nf1=$(sql "SELECT count(*) FROM mock_findings WHERE mock_id = 1")
[ "$nf1" -gt 0 ] || fail "mock 1 has no findings to show"

step "--show 1: scorecard, answer and findings as saved"
run mock --show 1
expect_exit 0
expect_eq "$ERR" "" "stderr of --show"
score=$(sql "SELECT score FROM mocks WHERE id = 1")
expect_out "Mock #1, 2026-03-02 09:00: L6, Ownership (mock-ownership-outage-l6)"
expect_out "Scorecard: $score/100"
expect_out "45 words, not timed; 2 of 3 follow-ups defended"
expect_out "Answer:"
expect_out "  $(head -1 "$T/weak.txt")"
expect_out "Findings, main answer ($(sql "SELECT count(*) FROM mock_findings WHERE mock_id = 1 AND round = 0")):"
expect_out 'round_number     "$2M"'
# every saved finding is printed, quote and all
while IFS='|' read -r kind quote; do
	if [ -n "$quote" ]; then
		expect_out "$(printf '  %-16s "%s"' "$kind" "$quote")"
	else
		expect_out "  $kind"
	fi
done < <(sql "SELECT kind, quote FROM mock_findings WHERE mock_id = 1")
for r in $(sql "SELECT DISTINCT round FROM mock_findings WHERE mock_id = 1 AND round > 0"); do
	expect_out "Findings, follow-up $r ("
done
no_escapes "$OUT" "mock --show output"
run mock --show '#2'
expect_exit 0
expect_out "Mock #2, 2026-03-03 09:00"

step "unknown or malformed numbers are errors that name them"
before=$(checksum "$DRILL_DB")
run mock --show 7
expect_exit 1
expect_eq "$ERR" "drill mock: no mock interview #7 (drill mock --history lists them)" "stderr"
expect_eq "$OUT" "" "stdout"
run mock --delete 7
expect_exit 1
expect_eq "$ERR" "drill mock: no mock interview #7 (drill mock --history lists them)" "stderr"
run mock --show x
expect_exit 1
expect_err "--show takes a mock's number"
expect_err '"x"'
run mock --delete 0
expect_exit 1
expect_err "--delete takes a mock's number"
run mock --show 1 --delete 1
expect_exit 1
expect_err "each go alone"
expect_eq "$(checksum "$DRILL_DB")" "$before" "database checksum after refused commands"

step "--delete 1 removes the mock and its findings, and nothing else"
nf2=$(sql "SELECT count(*) FROM mock_findings WHERE mock_id = 2")
run mock --delete 1
expect_exit 0
expect_out "Deleted mock #1"
sql_eq "SELECT count(*) FROM mocks WHERE id = 1" 0
sql_eq "SELECT count(*) FROM mock_findings WHERE mock_id = 1" 0
sql_eq "SELECT count(*) FROM mocks WHERE id = 2" 1
sql_eq "SELECT count(*) FROM mock_findings WHERE mock_id = 2" "$nf2"
run mock --history
expect_exit 0
expect_out "#2"
expect_no_out "#1 "
run mock --show 1
expect_exit 1
expect_err "no mock interview #1"
run mock --delete 1
expect_exit 1
expect_err "no mock interview #1"

step "a delete that fails half-way leaves the mock and its findings"
sql "CREATE TRIGGER keep_mocks BEFORE DELETE ON mocks BEGIN SELECT RAISE(ABORT, 'kept by the test'); END" >/dev/null
run mock --delete 2
expect_exit 2
expect_err "nothing was deleted"
sql_eq "SELECT count(*) FROM mocks WHERE id = 2" 1
sql_eq "SELECT count(*) FROM mock_findings WHERE mock_id = 2" "$nf2"

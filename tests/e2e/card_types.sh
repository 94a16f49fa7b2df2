#!/usr/bin/env bash
# Each card type served and graded on piped input, checked in the output
# and in the review log: recall (1-4, a/h/g/e, words; a bad grade is asked
# again), text (correct -> Good; wrong -> Again with the expected answer),
# number ($936K; an unreadable answer is asked again; close -> Hard),
# choice (letters; the shuffle is reproducible with --seed), calc (a test
# deck with fixed inputs, and the bundled impact deck with drawn numbers).
source "$(dirname "$0")/lib.sh" "$@"

# fresh NAME DECKDIR: a new database with that deck folder.
fresh() {
	export DRILL_DB=$T/$1.db
	export DRILL_DECKS=$2
}

# review_of ID: "rating|answer|correct" of the card's only review.
review_of() {
	sql "SELECT rating || '|' || coalesce(answer, '') || '|' || coalesce(correct, 'null')
	     FROM reviews WHERE card_id = '$1'"
}

step "recall: 1-4, a/h/g/e and words; bad grades asked again"
fresh recall "$E2E_DECKS/study"
run_in '\n1\n\n2\n\n5\nx\n0\n3\n\n4\n\na\n\nH\n\ngood\n\nEasy\n' --new 8 --limit 8
expect_exit 0
expect_eq "$(count "Grade with 1-4 or a/h/g/e." "$OUT")" 3 "bad grades asked again"
expect_out "Answer: Answer one"
sql_eq "SELECT group_concat(rating, '') FROM (SELECT rating FROM reviews ORDER BY id)" \
	"12341234" "ratings of the eight recall cards"
sql_eq "SELECT count(*) FROM reviews WHERE answer IS NULL AND correct IS NULL" 8 \
	"self-graded reviews store no answer"
expect_out "Session over: 8 reviews, 75% recalled"

types=$E2E_DECKS/types
# Input that answers the types deck in file order: recall, text, number,
# choice, calc. The choice letter is filled in per run.
step "text: a correct answer is Good"
fresh text-right "$types"
run_in '\n3\n  customer   OBSESSION \n:quit\n' --seed 5
expect_exit 0
expect_out "✓ Correct."
sql_eq "SELECT rating || '|' || answer || '|' || correct FROM reviews WHERE card_id = 't-text'" \
	"3|customer OBSESSION|1" "review of the text card"

step "text: a wrong answer (a reject pattern) is Again, with the expected answer"
fresh text-wrong "$types"
run_in '\n3\ncustomer service obsession\n:quit\n' --seed 5
expect_exit 0
expect_out "✗ Not quite.
Answer: Customer Obsession
Why: Leaders start with the customer and work backwards."
expect_eq "$(review_of t-text)" "1|customer service obsession|0" "review of the text card"

step "number: \$936K is right; an unreadable answer is asked again"
fresh number-right "$types"
run_in '\n3\nCustomer obsession\nlots of money\n\n$936K\n:quit\n' --seed 5
expect_exit 0
expect_out "cannot read \"lots of money\" as an amount; try again."
expect_out "Type an answer (or :skip, :hint, :help)."
expect_eq "$(review_of t-number)" "3|\$936K|1" "review of the number card"
for typed in '936,000' '0.936M' '936 thousand'; do
	fresh "number-$typed" "$types"
	run_in "\\n3\\nCustomer obsession\\n$typed\\n:quit\\n" --seed 5
	expect_eq "$(review_of t-number)" "3|$typed|1" "review of the number card answered $typed"
done

step "number: close is Hard, wrong is Again with the expected answer"
fresh number-close "$types"
run_in '\n3\nCustomer obsession\n$950K\n:quit\n' --seed 5
expect_out "≈ Close."
expect_eq "$(review_of t-number)" "2|\$950K|0" "review of a close number"
fresh number-wrong "$types"
run_in '\n3\nCustomer obsession\n$500K\n:quit\n' --seed 5
expect_out "✗ Not quite.
Answer: \$936K"
expect_eq "$(review_of t-number)" "1|\$500K|0" "review of a wrong number"

# letter_of TEXT OUT: the letter shown for the option TEXT.
letter_of() {
	printf '%s\n' "$2" | sed -n "s/^  \([a-z]\)) $1\$/\1/p" | head -n1
}

step "choice: options shuffled reproducibly with --seed, answered by letter"
fresh choice-1 "$types"
run_in '\n3\nCustomer obsession\n$936K\n:quit\n' --seed 11
options_1=$(printf '%s\n' "$OUT" | grep '^  [a-d]) L[4-7]$')
expect_eq "$(printf '%s\n' "$options_1" | wc -l)" 4 "options listed"
fresh choice-2 "$types"
run_in '\n3\nCustomer obsession\n$936K\n:quit\n' --seed 11
expect_eq "$(printf '%s\n' "$OUT" | grep '^  [a-d]) L[4-7]$')" "$options_1" "options with the same seed"
right=$(letter_of L7 "$OUT")
wrong=$(letter_of L4 "$OUT")
[ -n "$right" ] && [ -n "$wrong" ] || fail "cannot find the options in: $OUT"
seen_orders=$options_1
for seed in 12 13 14 15 16 17; do
	fresh "choice-seed-$seed" "$types"
	run_in '\n3\nCustomer obsession\n$936K\n:quit\n' --seed $seed
	seen_orders=$(printf '%s\n%s\n' "$seen_orders" "$(printf '%s\n' "$OUT" | grep '^  [a-d]) L[4-7]$')")
done
[ "$(printf '%s\n' "$seen_orders" | sort -u | wc -l)" -gt 4 ] || fail "seven seeds gave one option order"

fresh choice-right "$types"
run_in "\\n3\\nCustomer obsession\\n\$936K\\nz\\n$right\\n:quit\\n" --seed 11
expect_out "Answer with a letter from a to d."
expect_out "✓ Correct."
expect_eq "$(review_of t-choice)" "3|L7|1" "review of a right choice keeps the option, not the letter"
fresh choice-wrong "$types"
run_in "\\n3\\nCustomer obsession\\n\$936K\\n$wrong\\n:quit\\n" --seed 11
expect_out "✗ Not quite.
Answer: L7"
expect_eq "$(review_of t-choice)" "1|L4|0" "review of a wrong choice keeps the option, not the letter"

step "calc: fixed inputs (10 hours x 50 x \$100), right and wrong"
fresh calc-right "$types"
run_in "\\n3\\nCustomer obsession\\n\$936K\\n$right\\nlots\\n\$50K\\n:quit\\n" --seed 11
expect_out "A script saves 10 hours of work each time it runs; it runs 50 times a year and an hour costs \$100."
expect_out "try again."
expect_eq "$(review_of t-calc)" "3|\$50K|1" "review of a right calc answer"
fresh calc-wrong "$types"
run_in "\\n3\\nCustomer obsession\\n\$936K\\n$right\\n\$5,000\\n:quit\\n" --seed 11
expect_out "✗ Not quite."
expect_out "\$50K"
expect_out "  1. "
expect_eq "$(review_of t-calc)" "1|\$5,000|0" "review of a wrong calc answer"

step "calc: the bundled impact deck, drawn numbers reproducible with --seed"
fresh impact-1 "$DRILL_SOURCE_DIR/decks"
zeros=$(printf '0\\n%.0s' $(seq 12))
run_in "$zeros" --deck impact --seed 42 --limit 1
expect_exit 0
first=$OUT
sql_eq "SELECT count(*) FROM reviews" 1 "reviews of the impact session"
card=$(sql "SELECT card_id FROM reviews")
sql_eq "SELECT type FROM cards WHERE id = '$card'" calc "type of the first impact card"
sql_eq "SELECT rating || '|' || correct FROM reviews" "1|0" "grade of answering 0"
fresh impact-2 "$DRILL_SOURCE_DIR/decks"
run_in "$zeros" --deck impact --seed 42 --limit 1
expect_eq "$OUT" "$first" "the same session with the same seed"
# Answer each figure with the value the first run revealed.
mapfile -t figures < <(printf '%s\n' "$first" |
	sed -n -e 's/^  ✗ it is .* = \([^ ]*\)$/\1/p' -e 's/^[a-z][a-z ]*: \(\$[0-9.,]*[KMB]\?\)$/\1/p')
[ ${#figures[@]} -ge 1 ] || fail "no figures found in: $first"
answers=""
for f in "${figures[@]}"; do answers="$answers$f\\n"; done
fresh impact-3 "$DRILL_SOURCE_DIR/decks"
run_in "$answers" --deck impact --seed 42 --limit 1
expect_exit 0
expect_out "✓ Correct."
sql_eq "SELECT rating || '|' || correct FROM reviews" "3|1" "grade of the revealed figures"

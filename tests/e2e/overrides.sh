#!/usr/bin/env bash
# "I was right" and "that was wrong" (issue 10): :right and :wrong replace
# the newest auto-graded review in one transaction (one row per answer,
# the original grade kept in reviews.overridden); refused after a
# self-graded card or once the card was graded again. :undo takes a
# :suspend back. Leeches: flagged (or suspended) when the lapses reach
# leech_lapses, kept across re-imports, cleared when the card is edited.
source "$(dirname "$0")/lib.sh" "$@"

use_decks types
run import
expect_exit 0

# fresh NAME: a new database with the types deck.
fresh() {
	export DRILL_DB=$T/$1.db DRILL_NOW=2026-03-02T09:00:00Z
	run import
	expect_exit 0
}

# row ID: the review of card ID as rating:overridden:answer:correct.
row() {
	sql "SELECT rating || ':' || coalesce(overridden, '-') || ':' || coalesce(answer, '-') || ':' ||
	            coalesce(correct, '-') FROM reviews WHERE card_id = '$1' ORDER BY id"
}

step ":right turns a wrong answer into Good, in place, and the card is not asked again"
fresh right
run_in ':skip\ncustomer service\n:right\n:quit\n' --new 5
expect_exit 0
expect_out "✗ Not quite."
expect_out "Regraded t-text: Good · next review in 10 minutes (was Again)."
expect_eq "$(row t-text)" "3:1:customer service:1" "t-text's review after :right"
sql_eq "SELECT count(*) FROM reviews" 1 "one row per answer"
sql_eq "SELECT c.state = r.a_state AND c.due = r.a_due AND c.reps = r.a_reps AND c.lapses = r.a_lapses
        FROM cards c JOIN reviews r ON r.card_id = c.id WHERE c.id = 't-text'" 1 \
	"t-text holds the replacement's after-state"
sql_eq "SELECT b_state || ':' || b_reps || ':' || reviewed_at FROM reviews" "0:0:1772442000000" \
	"before-state and time kept"
fresh right2
run_in ':skip\ncustomer service\n:right\n:skip\n:skip\n:skip\n' --new 5
expect_eq "$(count "works backwards" "$OUT")" 1 "times t-text was shown after :right"

step ":wrong turns a right answer into Again, and the card comes back"
fresh wrong
run_in ':skip\n:skip\n936K\n:wrong\n:skip\n:skip\n936K\n' --new 5
expect_exit 0
expect_out "Regraded t-number: Again · next review in 1 minute (was Good)."
expect_eq "$(row t-number)" "1:3:936K:0
3:-:936K:1" "t-number's reviews (the corrected one, then the re-ask)"

step ":right and :wrong are refused when they do not apply"
fresh refuse
run_in '\n3\n:right\n:quit\n' --new 1
expect_out ":right works right after an answer drill checked (text, number, choice, calc); there is none to change now."
expect_eq "$(row t-recall)" "3:-:-:-" "the self-graded review"
fresh refuse2
run_in ':skip\nCustomer Obsession\n:right\n:wrong\n:wrong\n:quit\n' --new 2
expect_out "That answer was already graded as right."
expect_out "Regraded t-text: Again"
expect_out "That answer was already regraded."

step ":right is refused once another session graded the card again"
fresh stale
mkfifo "$T/in"
"$DRILL" --new 5 <"$T/in" >"$T/a.out" 2>&1 &
pid=$!
bg $pid
exec 3>"$T/in"
printf ':skip\ncustomer service\n' >&3
wait_for_sql "SELECT count(*) FROM reviews" 1
run_in 'Customer Obsession\n' --new 0 # t-text is in learning: due now
expect_exit 0
sql_eq "SELECT count(*) FROM reviews WHERE card_id = 't-text'" 2 "reviews of t-text"
printf ':right\n:quit\n' >&3
exec 3>&-
wait $pid || fail "the first session failed: $(cat "$T/a.out")"
expect_contains "$(cat "$T/a.out")" "Cannot regrade card t-text: card t-text was graded again since." "the first session"
sql_eq "SELECT group_concat(rating || ':' || coalesce(overridden, '-')) FROM reviews" "1:-,3:-" \
	"reviews after the refused :right"

step ":undo right after :suspend takes the suspension back"
fresh unsuspend
run_in ':suspend\n:undo\n\n3\n' --new 1
expect_exit 0
expect_out "Suspended t-recall"
expect_out "Undone: card t-recall is no longer suspended."
sql_eq "SELECT suspended FROM cards WHERE id = 't-recall'" 0 "t-recall suspended"
expect_eq "$(row t-recall)" "3:-:-:-" "t-recall graded after the undone suspension"

step "Tab completion and :help know :right and :wrong"
fresh help
run_in ':help\n:quit\n' --new 1
expect_out ":right"
expect_out ":wrong"
expect_out "the last answer was right after all"

step "a card that lapses leech_lapses times becomes a leech, kept across re-imports"
fresh leech
run config leech_lapses 1
run config learning_steps "" # Good takes a new card straight to review
run_in ':skip\nCustomer Obsession\n' --new 2 # t-text, first review: Good
export DRILL_NOW=2026-04-02T09:00:00Z
run_in 'nothing like it\n:quit\n' --new 0 # due, forgotten: a lapse
expect_exit 0
expect_out "This card has lapsed 1 time: it is now a leech. Rewrite it, or see drill cards is:leech."
expect_out "New leech: t-text"
sql_eq "SELECT leech || ':' || suspended || ':' || lapses FROM cards WHERE id = 't-text'" "1:0:1" \
	"t-text flagged, not suspended"
touch "$T/decks/types.deck"
run import
sql_eq "SELECT leech FROM cards WHERE id = 't-text'" 1 "the flag after re-importing the same content"
sed -i 's/works backwards?/works backwards from?/' "$T/decks/types.deck"
run import
expect_out "1 updated"
sql_eq "SELECT leech FROM cards WHERE id = 't-text'" 0 "the flag after editing the card"

step "leech_action suspend suspends the leech; :undo takes both back"
fresh leech-suspend
run config leech_lapses 1
run config leech_action suspend
run config learning_steps ""
run_in ':skip\nCustomer Obsession\n' --new 2
export DRILL_NOW=2026-04-02T09:00:00Z
run_in 'nothing like it\n:undo\n:quit\n' --new 0
expect_out "it is now a leech and is suspended"
sql_eq "SELECT leech || ':' || suspended FROM cards WHERE id = 't-text'" "0:0" "t-text after :undo"
run_in 'nothing like it\n:quit\n' --new 0
sql_eq "SELECT leech || ':' || suspended FROM cards WHERE id = 't-text'" "1:1" "t-text after the lapse"
run config leech_action bogus
expect_exit 1
expect_err "leech_action is flag or suspend"

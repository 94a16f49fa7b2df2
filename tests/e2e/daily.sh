#!/usr/bin/env bash
# The daily session a candidate can trust (issue 9): one rule for "due
# today" in sessions and stats; new cards interleaved across decks; siblings
# buried for the study day; a failed card re-asked after three others, or
# waited for; a card graded by another session meanwhile is not shown
# again; honest grades after :undo and in walkthroughs; the card header;
# "nothing to study" says why; text wrapped between words.
source "$(dirname "$0")/lib.sh" "$@"

use_decks daily
run import
expect_exit 0

# fresh NAME: a new database with the daily decks imported.
fresh() {
	export DRILL_DB=$T/$1.db DRILL_NOW=${2:-2026-12-10T09:00:00Z} DRILL_DECKS=$T/decks
	unset DRILL_NOW_STEP
	run import
	expect_exit 0
}

# headers: the card ids of the session's card headers, in order.
headers() {
	printf '%s\n' "$OUT" | sed -n 's/^\[.* · \([a-z0-9-]*\)\]$/\1/p' | paste -sd, -
}

step "a review card due at 17:00 is due all day, from the morning on"
# Repro of the issue: graded at 17:00, the card was hidden at 09:00 on its
# day while stats counted it as due today.
fresh dueday 2026-12-10T17:00:00Z
run config learning_steps ""
expect_exit 0
run_in '\n4\n' --new 1 --deck alpha
expect_exit 0
sql_eq "SELECT state FROM cards WHERE id = 'a1'" 2 "a1 in review after Easy with no steps"
due=$(sql "SELECT due / 1000 FROM cards WHERE id = 'a1'")
morning=$(python3 -c "import sys, time; t = int(sys.argv[1]); print(time.strftime('%Y-%m-%dT09:00:00Z', time.gmtime(t)))" "$due")
expect_eq "$(date -u -d "@$due" +%H:%M)" "17:00" "a1's due time of day"
export DRILL_NOW=$morning
run stats
expect_exit 0
expect_out "Due today: 1 review card; learning: 0 now, 0 later today"
run_in ':quit\n' --new 0
expect_exit 0
expect_out "drill: 1 due today, 0 learning now, 0 new."
expect_out "Alpha one?"

step "a learning card is due within the 20-minute learn-ahead window, at start too"
fresh learnahead
run_in '\n3\n' --new 1 --deck alpha # Good: the 10-minute step
sql_eq "SELECT state FROM cards WHERE id = 'a1'" 1 "a1 learning"
export DRILL_NOW=2026-12-10T09:05:00Z
run stats
expect_out "learning: 1 now, 0 later today"
run_in ':quit\n' --new 0
expect_out "drill: 0 due today, 1 learning now, 0 new."
expect_out "[alpha · learning · 1 left · a1]"
run config learning_steps 2h
run_in '\n1\n' --new 1 --deck beta # Again: two hours away
export DRILL_NOW=2026-12-10T09:10:00Z
run stats
expect_out "learning: 1 now, 1 later today"
run_in ':quit\n' --new 0 --deck beta
expect_exit 0
expect_out "Nothing due now, and --new 0 takes no new cards."
expect_out "The next card is due in 2 hours (at 11:05)."

step "new cards are interleaved across decks; new_order deck and a list change that"
# Easy takes a new card straight to review, so none comes back.
fresh order
run_in "$(printf '\\n4\\n%.0s' $(seq 4))" --new 4
expect_eq "$(headers)" "a1,b1,a2,b2" "new cards, interleaved (the default)"
fresh order-deck
run config new_order deck
run_in "$(printf '\\n4\\n%.0s' $(seq 4))" --new 4
expect_eq "$(headers)" "a1,a2,a3,a4" "new cards, deck after deck"
fresh order-list
run config new_order beta
run_in "$(printf '\\n4\\n%.0s' $(seq 5))" --new 5
# b4 is a sibling of alpha's a6, the first of group "pair": only a6 is new.
expect_eq "$(headers)" "b1,b2,b3,a1,a2" "beta first, then the rest"
run config new_order "beta,,x"
expect_exit 1
expect_err "new_order is interleave, deck, or deck keys separated by commas"

step "grading a card buries its siblings for the rest of the study day"
fresh siblings
run config new_order deck
# Recall cards only, each graded Easy (straight to review).
sqlite3 "$DRILL_DB" "UPDATE cards SET suspended = 1 WHERE id IN ('a5', 'a8')"
run_in "$(printf '\\n4\\n%.0s' $(seq 20))" --new 20
expect_contains "$(headers)" "a6" "cards shown"
expect_not_contains "$(headers)" "a7" "cards shown"
expect_not_contains "$(headers)" "b4" "cards shown"
run stats
sql_eq "SELECT count(*) FROM reviews WHERE card_id IN ('a7', 'b4')" 0 "reviews of the buried siblings"
# A second session the same day still leaves them alone.
export DRILL_NOW=2026-12-10T15:00:00Z
run_in "$(printf '\\n4\\n%.0s' $(seq 20))" --new 20
expect_not_contains "$(headers)" "a7" "cards shown in the afternoon"
expect_not_contains "$(headers)" "b4" "cards shown in the afternoon"
# The next study day the next sibling of the group comes.
export DRILL_NOW=2026-12-11T09:00:00Z
run_in "$(printf '\\n4\\n%.0s' $(seq 30))" --new 20
expect_contains "$(headers)" "a7" "cards shown the next day"
expect_not_contains "$(headers)" "b4" "cards shown the next day (a7 buried it)"

step "a failed card comes back after three other cards"
fresh reask
export DRILL_NOW_STEP=30 # the clock moves 30 s with every line read
run_in '\n1\n\n3\n\n3\n\n3\n\n3\n\n3\n' --new 5 --deck alpha
expect_exit 0
expect_eq "$(headers)" "a1,a2,a3,a4,a1,a5" "order with a1 failed (1-minute step)"
expect_out "[alpha · new · 5 left · a2]"

step "when only a later re-ask is left, the session says when and lets you wait or end"
fresh wait
run config learning_steps 1h
run_in '\n1\nn\n' --new 1 --deck alpha
expect_exit 0
expect_out "Nothing else is due now. A card you missed comes back in 1 hour (at 10:00)."
expect_out "Wait for it? y/N"
expect_eq "$(headers)" "a1" "cards shown when not waiting"
run_in '\n1\ny\n\n3\n' --new 1 --deck beta
expect_eq "$(headers)" "b1,b1" "cards shown when waiting (a fixed clock serves it at once)"
sql_eq "SELECT group_concat(rating) FROM (SELECT rating FROM reviews WHERE card_id = 'b1' ORDER BY id)" \
	"1,3" "b1's grades"

step "the header names deck, state, what is left (re-asks too) and the card id"
fresh header
run_in '\n1\n:quit\n' --new 4
expect_out "[alpha · new · 4 left · a1]"
# b1, a2, b2 and the re-ask of a1.
expect_out "[beta · new · 4 left · b1]"

step "a card graded by another session meanwhile is not shown again"
fresh concurrent
mkfifo "$T/in"
"$DRILL" --new 2 <"$T/in" >"$T/b.out" 2>&1 &
pid=$!
bg $pid
exec 3>"$T/in"
for _ in $(seq 100); do grep -q "Alpha one?" "$T/b.out" 2>/dev/null && break; sleep 0.05; done
grep -q "Alpha one?" "$T/b.out" || fail "the background session did not show a1: $(cat "$T/b.out")"
run_in ':skip\n\n3\n' --new 2 # the other session grades b1
expect_exit 0
sql_eq "SELECT count(*) FROM reviews WHERE card_id = 'b1'" 1 "reviews of b1"
printf '\n3\n' >&3
exec 3>&-
wait $pid || fail "the background session failed: $(cat "$T/b.out")"
expect_not_contains "$(cat "$T/b.out")" "Beta one?" "the background session"
expect_contains "$(cat "$T/b.out")" "Session over: 1 review" "the background session"
sql_eq "SELECT count(*) FROM reviews WHERE card_id = 'b1'" 1 "reviews of b1 afterwards"

step "a card asked again after :undo, its answer seen, earns Good at most"
fresh undocap
run_in '\n1\n:undo\n\n4\n' --new 1 --deck alpha
expect_exit 0
expect_out "Good · next review"
expect_out "(at most Good: you saw the answer before :undo)"
sql_eq "SELECT group_concat(rating) FROM reviews" 3 "a1's kept grade"

step "a right figure after a wrong walkthrough step is Hard, and says so"
fresh walk
run config new_order deck
run_in "$(printf ':skip\n%.0s' $(seq 6))"'\n1\n50000\n' --new 8 --deck alpha
expect_exit 0
expect_out "Hard · next review"
expect_out "(Hard: the figure is right, but step 1 was not)"
sql_eq "SELECT rating || ':' || correct FROM reviews WHERE card_id = 'a8'" "2:1" "a8's grade"

step "nothing to study says why"
fresh nothing
run config new_per_day 1
run_in '\n4\n' --deck beta
run_in ':quit\n' --deck beta
expect_out "Nothing due now, and today's new cards are done (new_per_day is 1); drill study --new 10 takes ten more."
expect_out "The next card is due in "
run_in "$(printf ':skip\n%.0s' $(seq 5))"'\n\n4\n' --deck alpha --new 10 # grades a6
sql_eq "SELECT card_id FROM reviews WHERE rating = 4 AND card_id LIKE 'a%'" a6 "the alpha card graded"
sqlite3 "$DRILL_DB" "UPDATE cards SET suspended = 1 WHERE id IN ('a1', 'a2', 'a3', 'a4', 'a5', 'a8')"
run_in ':quit\n' --deck alpha --new 5
expect_out "Nothing to study now: of the 8 cards that match, 6 are suspended (drill unsuspend ID) and 1 buried until tomorrow (a sibling was reviewed today); 1 more is not due yet."
cp "$E2E_DECKS/openonly/open.deck" "$T/decks/"
run_in ':quit\n' --deck open
expect_exit 0
expect_out "the cards that match are open interview questions; practise them with drill mock."
rm "$T/decks/open.deck"

step "text is wrapped between words to \$COLUMNS, never inside a number"
fresh wrap
COLUMNS=80 run_in ':quit\n' --new 4 --deck alpha
run config new_order deck
export COLUMNS=60
run_in ':skip\n:skip\n:skip\n:quit\n' --new 4 --deck alpha
unset COLUMNS
long=$(printf '%s\n' "$OUT" | awk '{ if (length($0) > 60) print }')
expect_eq "$long" "" "lines over 60 columns"
expect_contains "$OUT" "140,000" "the wrapped prompt"
expect_contains "$OUT" "A team of twelve engineers saves four hours a week each; at" "the first line of the prompt"

step "an answer a pattern gives up on is not graded wrong: shown, and graded by you"
export DRILL_DB=$T/limits.db DRILL_NOW=2026-12-10T09:00:00Z DRILL_DECKS=$E2E_DECKS/limits
long="twenty five thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion twenty five thirty forty fifty sixty seventy eighty ninety"
run_in "$long\n3\n" --new 1
expect_exit 0
expect_out "The answer could not be checked: a pattern of this card gave up (PCRE2's match limit). It is not counted wrong: grade it yourself against the answer below."
expect_out "Answer: twenty five percent"
expect_out "Good · next review"
expect_no_out "✗ Not quite."
sql_eq "SELECT rating || ':' || coalesce(correct, '-') || ':' || (answer = '$long') FROM reviews" "3:-:1" \
	"the self-graded review keeps the typed answer"

step "--limit caps what the header says is left"
fresh limit
run_in '\n4\n\n4\n' --new 4 --limit 2
expect_out "[alpha · new · 2 left · a1]"
expect_out "[beta · new · 1 left · b1]"
expect_out "Session over: 2 reviews"

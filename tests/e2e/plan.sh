#!/usr/bin/env bash
# The interview date (issue 17): the settings and their validation, drill
# plan (text and --json, checked against the database), predicted recall
# now against FSRS-6 retrievability computed here from the cards table, the
# session following the plan (new cards needed, --new overrides, the
# opening line), the final pass counting as due today in the one rule
# (session, stats, cards is:due), and plain FSRS after the date.
source "$(dirname "$0")/lib.sh" "$@"

export DRILL_DECKS=$E2E_DECKS/study
jq_() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

step "no date: drill plan says how to set one"
run import
expect_exit 0
run plan
expect_exit 0
expect_out "No interview date is set: drill config interview_date YYYY-MM-DD sets one."
run plan --json
expect_eq "$(printf '%s' "$OUT" | jq_ 'd["interview_date"]')" None "plan --json without a date"

step "settings: validation, none clears, defaults listed"
run config interview_date 2026-02-30
expect_exit 1
expect_err "drill config: interview_date is a date written YYYY-MM-DD (e.g. 2027-01-20), or none to clear it, not \"2026-02-30\""
run config interview_margin_days 400
expect_exit 1
expect_err "interview_margin_days must be a whole number of days from 0 to 365"
run config review_budget 0
expect_exit 1
expect_err "review_budget is auto or a whole number of reviews a day from 1 to 100000, not \"0\""
run config
expect_out "interview_date"
expect_out "interview_margin_days"
expect_out "review_budget"
run config interview_date 2026-03-20
expect_exit 0
run config interview_date none
expect_exit 0
run plan
expect_out "No interview date is set"
run config interview_margin_days 7
expect_exit 0
run config learning_steps ""
expect_exit 0
run config new_per_day 1
expect_exit 0
run config interview_date 2026-03-12
expect_exit 0
run config interview_date
expect_out "2026-03-12"

step "drill plan: 10 days left, 8 unseen cards, 3 new a day to see them by 03-05"
run plan --json
expect_exit 0
J=$OUT
expect_eq "$(printf '%s' "$J" | jq_ 'd["days_left"]')" 10 "days_left"
expect_eq "$(printf '%s' "$J" | jq_ 'd["cards"]')" "{'total': 8, 'unseen': 8, 'learning': 0, 'review': 0}" "cards"
expect_eq "$(printf '%s' "$J" | jq_ 'd["new_per_day_needed"]')" 3 "new_per_day_needed"
expect_eq "$(printf '%s' "$J" | jq_ 'd["review_budget"]')" 50 "budget auto without reviews"
expect_eq "$(printf '%s' "$J" | jq_ 'd["predicted_recall_now"]')" 0.0 "recall now, nothing seen"
expect_eq "$(printf '%s' "$J" | jq_ 'len(d["days"])')" 10 "one row a day up to the date"
expect_eq "$(printf '%s' "$J" | jq_ 'd["days"][0]')" "{'date': '2026-03-02', 'due': 0, 'new': 3}" "first day"
expect_eq "$(printf '%s' "$J" | jq_ 'sum(x["new"] for x in d["days"] if x["date"] < "2026-03-05")')" 8 "every card seen by the date minus the margin"
expect_eq "$(printf '%s' "$J" | jq_ 'd["final_pass"]')" "{'start': '2026-03-11', 'cards': 8}" "final pass"
expect_eq "$(printf '%s' "$J" | jq_ 'd["predicted_recall_planned"] > 0.9')" True "recall with the plan"
run plan
expect_exit 0
expect_out "Interview on 2026-03-12: 10 days left (margin 7 days, budget 50 reviews a day)."
expect_out "Cards: 8 studied: 8 unseen, 0 learning, 0 in review."
expect_out "New cards a day needed: 3 (to see every card by 2026-03-05; new_per_day is 1)."
expect_out "Final pass: from 2026-03-11, every one of the 8 cards once more"

step "the session takes the cards the plan needs (3, not new_per_day 1) and says so"
run_in "$(printf '\\n3\\n%.0s' $(seq 8))"
expect_exit 0
expect_out "0 due today, 0 learning now, 3 new. 10 days to the interview: recall on the day 0% now,"
sql_eq "SELECT count(*) FROM reviews WHERE b_state = 0" 3 "new cards seen on the first day"

step "--new overrides the plan"
export DRILL_NOW=2026-03-03T09:00:00Z
run_in "$(printf '\\n3\\n%.0s' $(seq 8))" --new 1
expect_exit 0
sql_eq "SELECT count(*) FROM reviews WHERE b_state = 0" 4 "one more new card with --new 1"

step "predicted_recall_now is the mean FSRS-6 retrievability on the day (unseen count 0)"
run plan --json
J=$OUT
want=$(sql "SELECT group_concat(stability || ':' || last_day) FROM cards WHERE state = 2")
expect_eq "$(printf '%s' "$J" | python3 -c "
import json, sys, math
d = json.load(sys.stdin)
decay = 0.1542                       # w20, the default
factor = 0.9 ** (-1 / decay) - 1
date = 20524                         # 2026-03-12 as days since 1970-01-01
rs = [(1 + factor * (date - int(l)) / float(s)) ** -decay
      for s, l in (x.split(':') for x in '$want'.split(','))]
want = sum(rs) / 8
print(abs(d['predicted_recall_now'] - want) < 1e-6, len(rs))")" "True 4" "predicted_recall_now against the formula"

step "the final pass: every review card not reviewed since 03-11 is due, in the one rule"
export DRILL_NOW=2026-03-11T09:00:00Z
run config interview_margin_days 2
run stats --json
expect_eq "$(printf '%s' "$OUT" | jq_ 'd["due"]["today"]')" \
	"$(sql "SELECT count(*) FROM cards WHERE state = 2 AND suspended = 0 AND retired = 0")" \
	"stats: every review card is due in the pass"
expect_eq "$(printf '%s' "$OUT" | jq_ 'sorted(d["readiness"].keys())')" \
	"['days_left', 'decks', 'interview_date', 'on_track', 'predicted_recall_now', 'predicted_recall_planned']" "readiness keys"
expect_eq "$(printf '%s' "$OUT" | jq_ 'd["readiness"]["days_left"]')" 1 "readiness days left"
expect_eq "$(printf '%s' "$OUT" | jq_ 'd["readiness"]["decks"]["study"]["cards"]')" 8 "readiness per deck"
run cards is:due
expect_exit 0
expect_eq "$(printf '%s\n' "$OUT" | grep -c '^s-0' || true)" 4 "cards is:due lists the pass cards"
run stats
expect_out "Readiness: 1 day to the interview on 2026-03-12; recall on the day"
run_in "$(printf '\\n3\\n%.0s' $(seq 12))" --new 0
expect_exit 0
expect_out "4 due today, 0 learning now, 0 new. 1 day to the interview:"
expect_out "final pass"
sql_eq "SELECT count(*) FROM reviews WHERE day = 20523" 4 "the pass reviewed every seen card"
run stats --json
expect_eq "$(printf '%s' "$OUT" | jq_ 'd["due"]["today"]')" 0 "reviewed since the pass began: not due again"

step "after the date, plain FSRS: no pass, new_per_day again"
export DRILL_NOW=2026-03-13T09:00:00Z
run plan
expect_out "The interview date 2026-03-12 is past: sessions schedule by plain FSRS again."
run_in "$(printf '\\n3\\n%.0s' $(seq 12))"
expect_exit 0
expect_no_out "to the interview"
sql_eq "SELECT count(*) FROM reviews WHERE b_state = 0 AND day = 20525" 1 "new_per_day after the date"

#!/usr/bin/env bash
# drill stats (text and --json, counts checked against the database),
# drill config (list, get, set, bad values), drill reschedule (replaying
# the log with unchanged settings moves nothing; changed steps move cards)
# and drill why CARD.
source "$(dirname "$0")/lib.sh" "$@"

export DRILL_DECKS=$E2E_DECKS/study

step "stats before any database exists reads nothing and creates nothing"
run stats
expect_exit 0
expect_out "Nothing studied yet: there is no database at $DRILL_DB."
[ ! -e "$DRILL_DB" ] || fail "drill stats created $DRILL_DB"
run stats --json
expect_exit 0
expect_eq "$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["database"])')" \
	None "stats --json without a database"
[ ! -e "$DRILL_DB" ] || fail "drill stats --json created $DRILL_DB"

step "stats on a new database"
run import
expect_exit 0
run stats
expect_exit 0
expect_out "Due today: 0 review cards; learning: 0 now, 0 later today"
expect_out "Due tomorrow: 0    next 7 days: 0"
expect_out "Reviewed today: 0"
expect_out "Streak: 0 days"
expect_out "Retention (30 days): no reviews of mature cards yet"

step "three days of study in a row"
day=1
for now in 2026-03-02T09:00:00Z 2026-03-03T09:00:00Z 2026-03-04T09:00:00Z; do
	export DRILL_NOW=$now
	run_in "$(printf '\\n3\\n%.0s' $(seq 8))" --new 2
	expect_exit 0
	day=$((day + 1))
done
sql_eq "SELECT count(DISTINCT day) FROM reviews" 3 "study days in the log"

step "stats --json is valid JSON and matches the database"
run stats --json
expect_exit 0
printf '%s\n' "$OUT" >"$T/stats.json"
python3 -m json.tool "$T/stats.json" >/dev/null || fail "stats --json is not valid JSON: $OUT"
json() {
	python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' \
		"$T/stats.json" "$1"
}
today=$(sql "SELECT max(day) FROM reviews")
end_today=$(python3 -c 'import calendar; print((calendar.timegm((2026, 3, 5, 4, 0, 0)) * 1000))')
expect_eq "$(json 'd["reviewed_today"]')" "$(sql "SELECT count(*) FROM reviews WHERE day = $today")" \
	"reviewed_today"
expect_eq "$(json 'd["streak_days"]')" 3 "streak_days"
expect_eq "$(json 'd["due"]["today"]')" \
	"$(sql "SELECT count(*) FROM cards WHERE state = 2 AND retired = 0 AND suspended = 0 AND due < $end_today")" \
	"review cards due today (before the 04:00 rollover)"
now_ms=$(python3 -c 'import calendar; print((calendar.timegm((2026, 3, 4, 9, 0, 0)) * 1000))')
expect_eq "$(json 'd["due"]["learning_now"]')" \
	"$(sql "SELECT count(*) FROM cards WHERE state IN (1, 3) AND retired = 0 AND suspended = 0 AND due <= $now_ms + 1200000")" \
	"learning cards due within the 20-minute learn-ahead window"
expect_eq "$(json 'd["due"]["learning_later_today"]')" \
	"$(sql "SELECT count(*) FROM cards WHERE state IN (1, 3) AND retired = 0 AND suspended = 0 AND due > $now_ms + 1200000 AND due < $end_today")" \
	"learning cards due later today"
expect_eq "$(json 'd["retention_30d"]["total"]')" \
	"$(sql "SELECT count(*) FROM reviews WHERE b_state = 2")" "retention total"
expect_eq "$(json '[x["deck"] for x in d["decks"]]')" "['study']" "decks"
for state in 0:new 1:learning 2:review 3:relearning; do
	expect_eq "$(json "d['decks'][0]['${state#*:}']")" \
		"$(sql "SELECT count(*) FROM cards WHERE state = ${state%%:*} AND retired = 0 AND suspended = 0")" \
		"cards in state ${state#*:}"
done
expect_eq "$(json 'sum(d["decks"][0][k] for k in ("new", "learning", "review", "relearning", "suspended", "retired"))')" \
	8 "cards of the deck, all states"

step "stats as text says the same"
run stats
expect_exit 0
expect_out "Reviewed today: $(json 'd["reviewed_today"]')"
expect_out "Streak: 3 days"
expect_eq "$(printf '%s\n' "$OUT" | grep '^study ' | awk '{print $2, $3, $4, $5}')" \
	"$(json '" ".join(str(d["decks"][0][k]) for k in ("new", "learning", "review", "relearning"))')" \
	"the study row of the deck table"

step "config: list, get, set, bad values"
run config
expect_exit 0
for key in retention learning_steps relearning_steps weights max_interval fuzz rollover new_per_day; do
	expect_out "$key"
done
run config retention
expect_exit 0
expect_eq "$OUT" 0.9 "default retention"
run config retention 0.85
expect_exit 0
run config retention
expect_eq "$OUT" 0.85 "retention after set"
sql_eq "SELECT value FROM config WHERE key = 'retention'" 0.85 "stored retention"
run config retention 1.5
expect_exit 1
expect_err "retention must be from 0.70 to 0.99"
sql_eq "SELECT value FROM config WHERE key = 'retention'" 0.85 "retention after a bad value"
run config no_such_key
expect_exit 1
expect_eq "$OUT" "" "stdout for an unknown key"
run config no_such_key 3
expect_exit 1
run config fuzz maybe
expect_exit 1
expect_err "fuzz is on or off"
# Regression: options after KEY (and after CARD for why) were taken as
# arguments, so the documented "drill config KEY --db PATH" was a usage error.
run config retention --db "$DRILL_DB"
expect_exit 0
expect_eq "$OUT" 0.85 "config KEY --db PATH (options after the key)"
# Regression: "-5" was taken for an option, so the message was getopt's.
run config new_per_day -5
expect_exit 1
expect_err "drill config: new_per_day must be a whole number from 0 to 100000"
expect_not_contains "$ERR" "invalid option" "stderr"
run config --db "$DRILL_DB" rollover -1
expect_exit 1
expect_err "rollover must be an hour from 0 to 23"
# A percent is a retention too, stored as the fraction every reader expects.
run config retention 90%
expect_exit 0
sql_eq "SELECT value FROM config WHERE key = 'retention'" 0.9 "retention set as 90%"
run config retention 85
expect_exit 1
expect_err "retention must be from 0.70 to 0.99 (or 70% to 99%)"
run config retention 0.85
for key in new_order leech_lapses leech_action; do
	run config "$key"
	expect_exit 0
done
run config leech_lapses 0
expect_exit 1
expect_err "leech_lapses must be a whole number from 1 to 100"

step "config new_per_day limits the new cards of a session"
export DRILL_DB=$T/limit.db DRILL_NOW=2026-03-02T09:00:00Z
run config new_per_day 2
expect_exit 0
run_in "$(printf '\\n3\\n%.0s' $(seq 8))"
expect_exit 0
expect_out "drill: 0 due today, 0 learning now, 2 new."
run_in "$(printf '\\n3\\n%.0s' $(seq 8))"
expect_out "Nothing due now, and today's new cards are done (new_per_day is 2); drill study --new 10 takes ten more."
sql_eq "SELECT count(DISTINCT card_id) FROM reviews" 2 "cards introduced on one day"
export DRILL_DB=$T/drill.db DRILL_NOW=2026-03-04T09:00:00Z

step "reschedule with unchanged settings reproduces the log exactly"
run config retention 0.9
before=$(sql "SELECT id, state, printf('%.17g', stability), due FROM cards ORDER BY id")
run reschedule
expect_exit 0
nreviewed=$(sql "SELECT count(DISTINCT card_id) FROM reviews")
expect_eq "$OUT" "Rescheduled $nreviewed cards with reviews: 0 moved." "reschedule report"
expect_eq "$(sql "SELECT id, state, printf('%.17g', stability), due FROM cards ORDER BY id")" \
	"$before" "cards after a no-op reschedule"

step "reschedule with another desired retention moves cards and says so"
run config retention 0.75
expect_exit 0
run reschedule
expect_exit 0
expect_contains "$OUT" "Rescheduled $nreviewed cards with reviews: " "reschedule report"
moved=$(printf '%s\n' "$OUT" | sed -n 's/.*: \([0-9]*\) moved.*/\1/p')
[ -n "$moved" ] && [ "$moved" -gt 0 ] || fail "no card moved: $OUT"
changed=$(diff <(printf '%s\n' "$before") \
	<(printf '%s\n' "$(sql "SELECT id, state, printf('%.17g', stability), due FROM cards ORDER BY id")") |
	grep -c '^>' || true)
expect_eq "$changed" "$moved" "cards whose row changed"

step "why CARD prints the card's history"
run why s-01
expect_exit 0
expect_out "s-01 (recall, $E2E_DECKS/study/study.deck:6)"
expect_eq "$(printf '%s\n' "$OUT" | grep -c '^2026-03-0[234] ')" \
	"$(sql "SELECT count(*) FROM reviews WHERE card_id = 's-01'")" "history rows"
expect_contains "$(printf "%s\n" "$OUT" | grep "^2026-03-02 ")" " good " "the first history row"
run why s-08
expect_exit 0
expect_out "(no reviews yet)"
run why no-such-card
expect_exit 1
expect_err "no card with id \"no-such-card\""
run why s-01 --db "$DRILL_DB"
expect_exit 0

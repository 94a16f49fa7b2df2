#!/usr/bin/env bash
# drill cards (listing, every query term, combinations, --json, errors,
# never creating a database) and drill suspend / unsuspend (what changed,
# all or nothing). Leech flags, overridden grades and sibling groups are
# set up with sqlite3, since no deck field or session command sets them
# in this test.
source "$(dirname "$0")/lib.sh" "$@"

use_decks study types

# ids ARGS...: drill cards --json ARGS, the ids listed, space-separated.
ids() {
	run cards --json "$@"
	expect_exit 0
	printf '%s\n' "$OUT" | python3 -c \
		'import json, sys; print(" ".join(c["id"] for c in json.load(sys.stdin)["cards"]))'
}

# expect_ids "TERMS" "IDS" [WHAT]: the query (split on spaces) lists IDS.
expect_ids() {
	local got
	# shellcheck disable=SC2086 # one word per term on purpose
	got=$(ids $1)
	expect_eq "$got" "$2" "${3:-drill cards $1}"
}

# sql_ids WHERE: ids of the cards not retired that WHERE selects, in
# deck key then file order (as drill cards lists them).
sql_ids() {
	sql "SELECT group_concat(id, ' ') FROM (SELECT c.id FROM cards c JOIN decks d
	     ON d.id = c.deck_id WHERE c.retired = 0 AND ($1) ORDER BY d.key, c.line)"
}

study_ids="s-01 s-02 s-03 s-04 s-05 s-06 s-07 s-08"
types_ids="t-recall t-text t-number t-choice t-calc"

step "without a database: 0 cards, and none is created"
run cards
expect_exit 0
expect_eq "$OUT" "0 cards" "drill cards without a database"
run cards --json
expect_exit 0
expect_eq "$(printf '%s' "$OUT" | python3 -c 'import json, sys; print(json.load(sys.stdin))')" \
	"{'cards': []}" "drill cards --json without a database"
run cards is:due star
expect_exit 0
expect_eq "$OUT" "0 cards" "a query without a database"
run cards --db "$T/other.db"
expect_exit 0
run cards colour:red
expect_exit 1
expect_err 'drill cards: unknown search term "colour:red"'
run suspend s-01
expect_exit 1
expect_err 'drill suspend: no card has the id "s-01" (there is no database yet)'
run unsuspend s-01
expect_exit 1
[ ! -e "$DRILL_DB" ] || fail "a command created $DRILL_DB"
[ ! -e "$T/other.db" ] || fail "drill cards --db created $T/other.db"

step "every card after an import, in deck and file order"
run import
expect_exit 0
run cards
expect_exit 0
expect_eq "$(printf '%s\n' "$OUT" | head -1 | tr -s ' ')" "id deck type state due lapses prompt" "header"
expect_eq "$(printf '%s\n' "$OUT" | tail -1)" "13 cards" "count line"
expect_eq "$(printf '%s\n' "$OUT" | sed '1d;$d' | cut -d' ' -f1 | tr '\n' ' ')" \
	"$study_ids $types_ids " "ids in deck and file order"
expect_contains "$(printf '%s\n' "$OUT" | grep '^t-recall ' | tr -s ' ')" \
	"t-recall types recall new - 0 What does STAR stand for?" "row of a new card"
expect_ids "" "$study_ids $types_ids"

step "a long prompt is cut to the width, whole in --json"
row=$(printf '%s\n' "$OUT" | grep '^t-text ')
expect_contains "$row" "Which leadership" "the row of t-text"
expect_contains "$row" "…" "the row of t-text"
[ "$(printf '%s' "$row" | wc -m)" -le 80 ] || fail "a row is wider than 80 columns: $row"
COLUMNS=200 run cards type:text
expect_contains "$OUT" "Which leadership principle starts from the customer and works backwards?" \
	"the row with COLUMNS=200"
ids type:text >/dev/null
expect_contains "$OUT" '"prompt": "Which leadership principle starts from the customer and works backwards?"' \
	"--json"

step "studying: day 1, then day 8"
run_in '\n1\n\n3\n\n4\n' --deck study --new 3
expect_exit 0
run_in '\n3\ncustomer focus\n' --deck types --new 2
expect_exit 0
expect_out "Customer Obsession"
export DRILL_NOW=2026-03-08T09:00:00Z
# s-04 and s-05 are siblings; s-04 is studied today, so s-05 waits.
sql "UPDATE cards SET grp = 'g1' WHERE id IN ('s-04', 's-05')" >/dev/null
run_in '\n3\n\n3\n\n1\n\n3\n' --deck study --new 1
expect_exit 0
# What the checks below rely on:
sql_eq "SELECT group_concat(id || ':' || state || ':' || lapses, ' ') FROM
	(SELECT id, state, lapses FROM cards WHERE state <> 0 ORDER BY id)" \
	"s-01:1:0 s-02:2:0 s-03:3:1 s-04:1:0 t-recall:1:0 t-text:1:0" "states after studying"
sql_eq "SELECT count(*) FROM reviews WHERE card_id = 's-04'" 1 "reviews of s-04 (on day 8)"

step "is: terms"
expect_ids "is:new" "s-05 s-06 s-07 s-08 t-number t-choice t-calc"
expect_ids "is:learning" "s-01 s-03 s-04 t-recall t-text"
expect_ids "is:review" "s-02"
expect_eq "$(ids is:learning)" "$(sql_ids 'c.state IN (1, 3)')" "is:learning against the database"
# Due now: review cards before the study day ends (04:00 tomorrow),
# (re)learning cards within 20 minutes; not suspended, not buried.
now=$(python3 -c 'import calendar; print(calendar.timegm((2026, 3, 8, 9, 0, 0)) * 1000)')
day_end=$(python3 -c 'import calendar; print(calendar.timegm((2026, 3, 9, 4, 0, 0)) * 1000)')
due_rule="c.suspended = 0 AND c.type <> 'open' AND ((c.state = 2 AND c.due < $day_end)
	  OR (c.state IN (1, 3) AND c.due <= $now + 1200000))"
expect_ids "is:due" "s-01 s-03 s-04 t-recall t-text"
expect_eq "$(ids is:due)" "$(sql_ids "$due_rule")" "is:due against the database"
expect_ids "is:buried" "s-05"
expect_ids "is:suspended" ""
run cards is:leech
expect_exit 0
expect_eq "$OUT" "0 cards" "no leech yet"
sql "UPDATE cards SET leech = 1 WHERE id IN ('s-03', 't-number')" >/dev/null
expect_ids "is:leech" "s-03 t-number"
expect_ids "is:leech is:learning" "s-03"

step "is:flagged: an overridden grade since the card's content last changed"
expect_ids "is:flagged" ""
# What :right does: the review row is replaced by one with the new grade
# and the auto-grade it replaced.
override() { # CARD ANSWER WAS NOW AT_MS
	sql "INSERT INTO reviews(card_id, session_id, reviewed_at, day, rating, answer, correct,
	     duration_ms, retrievability, b_state, b_stability, b_difficulty, b_due, b_last_review,
	     b_last_day, b_reps, b_lapses, b_learning_steps, b_scheduled_days, a_state,
	     a_stability, a_difficulty, a_due, a_last_review, a_last_day, a_reps, a_lapses,
	     a_learning_steps, a_scheduled_days, overridden)
	     SELECT card_id, session_id, $5, day, $4, '$2', correct, duration_ms, retrievability,
	     b_state, b_stability, b_difficulty, b_due, b_last_review, b_last_day, b_reps, b_lapses,
	     b_learning_steps, b_scheduled_days, a_state, a_stability, a_difficulty, a_due,
	     a_last_review, a_last_day, a_reps, a_lapses, a_learning_steps, a_scheduled_days, $3
	     FROM reviews WHERE card_id = '$1' ORDER BY id LIMIT 1" >/dev/null
}
day1=$(python3 -c 'import calendar; print(calendar.timegm((2026, 3, 2, 9, 0, 5)) * 1000)')
override t-text "customer focus" 1 3 "$day1"
override s-02 "" 2 4 "$day1"
# s-02 changed after its override: the pattern was already fixed.
sql "UPDATE cards SET content_at = $day1 + 1000 WHERE id = 's-02'" >/dev/null
expect_ids "is:flagged" "t-text"
run cards is:flagged
expect_exit 0
expect_out "    2026-03-02 09:00  answer \"customer focus\" was graded again, overridden to good"
expect_out "1 card"
run cards is:flagged --json
expect_exit 0
printf '%s\n' "$OUT" >"$T/flagged.json"
python3 - "$T/flagged.json" <<'PY' || fail "is:flagged --json: $(cat "$T/flagged.json")"
import json, sys
cards = json.load(open(sys.argv[1]))["cards"]
assert [c["id"] for c in cards] == ["t-text"], cards
assert cards[0]["overrides"] == [{"answer": "customer focus", "was": "again", "now": "good",
                                  "at": "2026-03-02T09:00:05Z"}], cards[0]["overrides"]
PY
run cards --json
expect_not_contains "$OUT" '"overrides"' "--json without is:flagged"

step "deck:, tag:, type:, group:"
expect_ids "deck:study" "$study_ids"
expect_ids "deck:types" "$types_ids"
expect_eq "$(ids "deck:card types")" "$types_ids" "deck:NAME (the name, in any case)"
expect_ids "deck:Study" "$study_ids" "deck:Study (the name Study)"
expect_ids "deck:STUDY" "$study_ids" "deck:STUDY (the name, any case)"
expect_ids "deck:nosuch" ""
expect_ids "deck:study deck:types" ""
expect_ids "tag:recall" "$study_ids"
expect_ids "tag:RECALL" "$study_ids"
expect_ids "tag:e2e" "$study_ids $types_ids"
expect_ids "tag:e2" ""
expect_ids "tag:recall tag:e2e" "$study_ids"
expect_ids "type:recall" "$study_ids t-recall"
expect_ids "type:text" "t-text"
expect_ids "type:calc" "t-calc"
expect_ids "type:open" ""
expect_ids "group:g1" "s-04 s-05"
expect_ids "group:g2" ""

step "lapses and reps"
expect_ids "lapses>0" "s-03"
expect_ids "lapses>=1" "s-03"
expect_ids "lapses=1" "s-03"
expect_ids "lapses<1" "$(sql_ids 'c.lapses < 1')"
expect_ids "lapses<=0" "$(sql_ids 'c.lapses <= 0')"
expect_ids "reps>=2" "$(sql_ids 'c.reps >= 2')"
expect_ids "reps>=2" "s-01 s-02 s-03" "reps>=2 (the cards studied twice)"
expect_ids "reps=1" "s-04 t-recall t-text"
expect_ids "reps>1 reps<3" "s-01 s-02 s-03"
expect_ids "reps>3" ""

step "free words: the prompt or the answer, ignoring case; never a field name"
expect_ids "star" "t-recall t-text" "star (in STAR, and in starts: any part of a word)"
expect_ids "STAR" "t-recall t-text"
expect_ids "stand" "t-recall"
expect_ids "situation" "t-recall" "a word of the answer"
expect_eq "$(ids "question one")" "s-01" "a phrase"
expect_eq "$(ids "one question")" "" "a phrase in another order"
expect_ids "question one" "s-01" "two words, each anywhere"
expect_eq "$(ids "an hour costs")" "t-calc" "a phrase across a continuation line of the record"
expect_eq "$(ids "QUESTION   one")" "s-01" "a phrase with other white space"
expect_ids "\$936K" "t-number" "an amount in the answer"
expect_ids "1.2m" "t-number"
expect_ids "prompt" "" "the field name prompt"
expect_ids "explain" "" "the field name explain"
expect_ids "hint" "" "the field name hint"
expect_eq "$(ids "first hint")" "" "the text of a hint"
expect_eq "$(ids "t-recall")" "" "an id"
run cards prompt
expect_exit 0
expect_eq "$OUT" "0 cards" "no match is not an error"

step "combinations: every term must hold"
expect_ids "deck:study is:learning" "s-01 s-03 s-04"
expect_ids "deck:study is:due question" "s-01 s-03 s-04"
expect_ids "tag:recall lapses>0 three" "s-03"
expect_ids "tag:recall lapses>0 four" ""
expect_ids "type:recall is:new deck:study group:g1" "s-05"
expect_ids "is:learning is:leech lapses=1 deck:study tag:e2e" "s-03"

step "unknown terms: an error naming the term, exit 1, nothing listed"
for term in colour:red is:bogus 'lapses>x' 'reps<=-1' type:essay 'deck:' 'tag>2' 'lapse>3' is:; do
	run cards "$term"
	expect_exit 1
	expect_eq "$OUT" "" "stdout for $term"
	expect_err "drill cards:"
	expect_err "\"$term\""
done
run cards star ""
expect_exit 1
expect_err "an empty search term"
run cards --bogus
expect_exit 1
expect_err "drill cards: see drill cards --help"
run cards -- -star
expect_exit 0
expect_eq "$OUT" "0 cards" "a free word after --"
run cards --help
expect_exit 0
expect_out "usage: drill cards [QUERY...] [--json] [--db PATH]"
expect_out "is:flagged"

step "text listing: state markers, local due times; --json: UTC"
run cards deck:study
expect_exit 0
expect_contains "$(printf '%s\n' "$OUT" | grep '^s-03 ' | tr -s ' ')" \
	"s-03 study recall relearning (leech) 2026-03-08 09:10 1 Question three" "row of s-03"
expect_contains "$(printf '%s\n' "$OUT" | grep '^s-05 ' | tr -s ' ')" \
	"s-05 study recall new (buried) - 0 Question five" "row of s-05"
expect_out "8 cards"
# A POSIX zone (no zoneinfo needed): UTC+5:30.
TZ=IST-5:30 run cards 'lapses>0'
expect_contains "$OUT" "2026-03-08 14:40" "due time at UTC+5:30"
TZ=IST-5:30 run cards 'lapses>0' --json
expect_contains "$OUT" '"due": "2026-03-08T09:10:00Z"' "--json due in UTC"

step "--json: the documented shape, matching the database"
run cards --json
expect_exit 0
printf '%s\n' "$OUT" >"$T/cards.json"
sql "SELECT c.id, c.state, c.due, c.reps, c.lapses, c.suspended, c.leech FROM cards c" >"$T/cards.db"
python3 - "$T/cards.json" "$T/cards.db" <<'PY' || fail "drill cards --json: $(head -c 2000 "$T/cards.json")"
import datetime, json, sys
doc = json.load(open(sys.argv[1]))
assert list(doc) == ["cards"], list(doc)
db = {}
for line in open(sys.argv[2]):
    i, state, due, reps, lapses, susp, leech = line.rstrip("\n").split("|")
    db[i] = (int(state), int(due), int(reps), int(lapses), susp == "1", leech == "1")
keys = ["id", "deck", "type", "state", "due", "lapses", "reps", "suspended", "leech", "prompt"]
names = ["new", "learning", "review", "relearning"]
assert len(doc["cards"]) == 13
for c in doc["cards"]:
    assert list(c) == keys, (c["id"], list(c))
    state, due, reps, lapses, susp, leech = db[c["id"]]
    assert c["state"] == names[state], c
    assert c["type"] in ("recall", "text", "number", "choice", "calc", "open"), c
    assert c["deck"] in ("study", "types"), c
    if state == 0:
        assert c["due"] is None, c
    else:
        t = datetime.datetime.strptime(c["due"], "%Y-%m-%dT%H:%M:%SZ")
        assert int(t.replace(tzinfo=datetime.timezone.utc).timestamp()) * 1000 == due, c
    assert (c["reps"], c["lapses"]) == (reps, lapses), c
    assert c["suspended"] is susp and c["leech"] is leech, c
    assert isinstance(c["prompt"], str) and c["prompt"], c
PY

step "suspend and unsuspend: what changed"
run suspend s-01 s-02
expect_exit 0
expect_eq "$OUT" "Suspended 2 cards: s-01 and s-02." "suspend output"
sql_eq "SELECT group_concat(id, ' ') FROM cards WHERE suspended = 1" "s-01 s-02" "suspended cards"
expect_ids "is:suspended" "s-01 s-02"
expect_ids "is:due" "s-03 s-04 t-recall t-text" "is:due leaves suspended cards out"
run cards is:suspended
expect_contains "$(printf '%s\n' "$OUT" | grep '^s-01 ' | tr -s ' ')" "learning (suspended)" "row of s-01"
run suspend s-01 s-06 s-06
expect_exit 0
expect_eq "$OUT" "Suspended 1 card: s-06.
s-01 was already suspended." "suspend output with an already suspended card"
run suspend s-01 s-02
expect_exit 0
expect_eq "$OUT" "s-01 and s-02 were already suspended." "suspend of suspended cards"

step "suspend: an unknown id changes nothing, not even the other cards"
before=$(sql "SELECT group_concat(id || ':' || suspended, ' ') FROM cards")
run suspend s-07 nosuch s-08 other
expect_exit 1
expect_eq "$OUT" "" "stdout of a refused suspend"
expect_err 'drill suspend: no card has the id "nosuch" or "other"; no card was changed'
sql_eq "SELECT group_concat(id || ':' || suspended, ' ') FROM cards" "$before" "suspended flags"
sql_eq "SELECT suspended FROM cards WHERE id IN ('s-07', 's-08')" "0
0" "s-07 and s-08 after the refused suspend"
run unsuspend s-01 nosuch
expect_exit 1
expect_err 'drill unsuspend: no card has the id "nosuch"; no card was changed'
sql_eq "SELECT suspended FROM cards WHERE id = 's-01'" 1 "s-01 after the refused unsuspend"
run suspend
expect_exit 1
expect_err "drill suspend: which cards?"
run unsuspend --bogus s-01
expect_exit 1
expect_err "drill unsuspend: see drill unsuspend --help"
# Every line on stderr says which command wrote it.
expect_eq "$(printf '%s\n' "$ERR" | grep -vc '^drill unsuspend: ')" 0 "stderr lines without the prefix"
sql_eq "SELECT suspended FROM cards WHERE id = 's-01'" 1 "s-01 after a bad option"
run suspend --help
expect_exit 0
expect_out "usage: drill suspend ID..."
run unsuspend --help
expect_exit 0
expect_out "usage: drill unsuspend ID..."

step "unsuspend"
run unsuspend s-01 s-02 s-03
expect_exit 0
expect_eq "$OUT" "Unsuspended 2 cards: s-01 and s-02.
s-03 was not suspended." "unsuspend output"
run unsuspend s-06 --db "$DRILL_DB"
expect_exit 0
expect_eq "$OUT" "Unsuspended 1 card: s-06." "unsuspend with --db after the id"
expect_ids "is:suspended" ""
sql_eq "SELECT count(*) FROM cards WHERE suspended = 1" 0 "suspended cards at the end"

step "retired cards are not listed"
awk '/^id: s-08$/ {skip = 1} skip && /^$/ {skip = 0; next} !skip' "$T/decks/study.deck" >"$T/study.new"
mv "$T/study.new" "$T/decks/study.deck"
run import
expect_exit 0
sql_eq "SELECT retired FROM cards WHERE id = 's-08'" 1 "s-08 retired"
run cards
expect_out "12 cards"
expect_no_out "s-08"
run cards s-08 "question eight"
expect_eq "$OUT" "0 cards" "a retired card's prompt"
run suspend s-08
expect_exit 0
expect_eq "$OUT" "Suspended 1 card: s-08." "a retired card can still be suspended by id"

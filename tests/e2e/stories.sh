#!/usr/bin/env bash
# Story files end to end (docs/stories.md): list, check (the engine's
# figure, level fit, a wrong calculation and a result that disagrees with
# the engine), the principle matrix in text and JSON, a broken folder that
# loads nothing, the "stories" deck in a study session (cards kept across an
# unchanged edit, a new card when a figure changes), a user deck named
# "stories" refused, and drill story new with a scripted editor.
source "$(dirname "$0")/lib.sh" "$@"

export DRILL_DECKS=$E2E_DECKS/types
S=$T/stories
mkdir -p "$S"
cp "$DRILL_TEST_DATA"/stories/*.story "$S/"
export DRILL_STORIES=$S

step "story --help"
run story --help
expect_exit 0
expect_out "usage: drill story COMMAND"

step "list"
run story list
expect_exit 0
expect_out "checkout-latency  L7  Cut checkout latency across 12 teams"
expect_out "6 stories in $S."

step "list --json"
run story list --json
expect_exit 0
[ "$(printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["stories"]), d["stories"][0]["annual"])')" = "6 17472000.0" ] ||
	fail "story list --json: $OUT"

step "check: the engine's figure, the band and the level fit"
run story check checkout-latency
expect_exit 0
expect_out 'annual  $17.47M a year by the engine: $10M to $50M, the L7 range (band l7)'
expect_out "fits the L7 story range"
expect_no_out "payment-retries"

step "check --json on every story"
run story check --json
expect_exit 0
printf '%s' "$OUT" >"$T/check.json"
python3 - "$T/check.json" <<'EOF' || fail "story check --json"
import json, sys
d = json.load(open(sys.argv[1]))
by = {s["id"]: s for s in d["stories"]}
assert len(by) == 6, by.keys()
assert by["checkout-latency"]["band"] == "l7" and by["checkout-latency"]["fits_level"] is True
assert by["tech-lead-program"]["annual"] is None and by["tech-lead-program"]["fits_level"] is None
assert by["incident-reviews"]["band"] == "below_l6", by["incident-reviews"]
for s in d["stories"]:
    for f in s["findings"]:
        assert set(f) == {"kind", "quote", "message"}, f
EOF

step "check: a wrong calculation exits 1, a result that disagrees is inconsistent"
cat >"$S/zz-wrong.story" <<'EOF'
id: wrong-sum
title: Cut the support backlog
level: L6
principles: Customer Obsession
situation: Support tickets took 9 days to close and customers complained.
task: I owned bringing the backlog down within a quarter.
action: I led the triage rota with four engineers and built a macro library.
result: We deflected 1,200 tickets a month at $9 each, so 1,200 x $9 x 12 = $150,000 a year,
  and I report $250K a year in savings.
impact: labor hours=2 occurrences=1200 rate=45
EOF
run story check wrong-sum
expect_exit 1
expect_out "arithmetic"
expect_out "a calculation is wrong"
expect_out 'inconsistent   "$150,000": "$150,000" is not your story'"'"'s figure: its impact: lines compute $108K a year'
rm "$S/zz-wrong.story"

step "matrix: counts, statuses and the bank against the level's target"
run story matrix
expect_exit 0
expect_out "Dive Deep"
expect_out "3 covered"
expect_out "Bank: 6 stories; an L6 candidate keeps 15-20."
run story matrix --json --level L7
expect_exit 0
printf '%s' "$OUT" >"$T/matrix.json"
python3 - "$T/matrix.json" <<'EOF' || fail "story matrix --json"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["target"] == 3
assert len(d["principles"]) == 16
p = {x["name"]: x for x in d["principles"]}
assert p["Dive Deep"]["status"] == "covered" and len(p["Dive Deep"]["stories"]) == 3
assert p["Frugality"]["status"] == "thin"
assert p["Learn and Be Curious"]["status"] == "missing" and p["Learn and Be Curious"]["stories"] == []
assert d["bank"] == {"stories": 6, "level": "L7", "target": "20-25"}, d["bank"]
EOF

step "a study session imports the stories deck"
run study --deck stories --limit 0
expect_exit 0
n=$(sql "SELECT count(*) FROM cards c JOIN decks d ON d.id = c.deck_id WHERE d.key = 'stories' AND NOT c.retired")
[ "$n" -gt 20 ] || fail "only $n story cards"
sql_eq "SELECT file FROM cards WHERE id LIKE 'story-checkout-latency-figure-%'" "$S/checkout.story" \
	"a story card remembers its file"
sql_eq "SELECT count(DISTINCT grp) FROM cards WHERE id LIKE 'story-checkout-latency-%'" 1 \
	"a story's cards are one sibling group"

step "the figure card is judged like a number card"
run_in '17.5M\n' study --tag figure --new 1 --limit 1
expect_exit 0
fig=$(sql "SELECT id FROM cards WHERE id LIKE 'story-%-figure-%' AND state <> 0")
[ -n "$fig" ] || fail "no figure card was graded"
sql_eq "SELECT count(*) FROM reviews WHERE card_id = '$fig'" 1 "the figure card's review"

step "an edit that changes nothing keeps every card and its progress"
before=$(sql "SELECT group_concat(id) FROM (SELECT id FROM cards WHERE file IS NOT NULL AND NOT retired ORDER BY id)")
printf '\n# a comment added\n' >>"$S/platform.story"
run study --deck stories --limit 0
expect_exit 0
after=$(sql "SELECT group_concat(id) FROM (SELECT id FROM cards WHERE file IS NOT NULL AND NOT retired ORDER BY id)")
[ "$before" = "$after" ] || fail "card ids changed on an edit that changed no card"
sql_eq "SELECT count(*) FROM reviews WHERE card_id = '$fig'" 1 "progress kept"

step "a changed figure makes a new figure card and retires the old one"
old=$(sql "SELECT id FROM cards WHERE id LIKE 'story-checkout-latency-figure-%' AND NOT retired")
sed -i 's/after=3.1% aov=65/after=3.3% aov=65/' "$S/checkout.story"
run study --deck stories --limit 0
expect_exit 0
new=$(sql "SELECT id FROM cards WHERE id LIKE 'story-checkout-latency-figure-%' AND NOT retired")
[ -n "$new" ] && [ "$new" != "$old" ] || fail "figure card id did not change: $old -> $new"
sql_eq "SELECT retired FROM cards WHERE id = '$old'" 1 "the old figure card retired"

step ":edit on a story card opens the story file and reads the folder again"
cat >"$T/edit.sh" <<EOF
#!/bin/sh
# records how it was called, then changes every share in the file
printf '%s\n' "\$*" >"$T/edit-args"
for f; do :; done
sed -i 's/attribution=[0-9]*%/attribution=55%/' "\$f"
EOF
chmod +x "$T/edit.sh"
retired=$(sql "SELECT count(*) FROM cards WHERE retired")
EDITOR=$T/edit.sh run_in ':edit\n:quit\n' study --tag defense --new 20
expect_exit 0
expect_out "Re-read your stories:"
edited=$(tail -n 1 "$T/edit-args" | awk '{print $NF}')
case "$edited" in "$S"/*.story) ;; *) fail "the editor did not get a story file: $(cat "$T/edit-args")" ;; esac
grep -q "attribution=55%" "$edited" || fail "the story file was not edited"
[ "$(sql "SELECT count(*) FROM cards WHERE retired")" -gt "$retired" ] ||
	fail "no card retired after the share changed"
sql_eq "SELECT count(*) FROM cards WHERE NOT retired AND file = '$edited' AND source LIKE '%You claim 55%'" \
	"$(grep -c 'attribution=55%' "$edited")" "new attribution cards, one per impact line with a share"

step "a broken story folder is not loaded and changes nothing"
cards=$(checksum_cards=$(sql "SELECT count(*) || '/' || sum(retired) FROM cards"); echo "$checksum_cards")
cp "$DRILL_TEST_DATA/stories-bad/broken.story" "$S/"
run story check
expect_exit 1
expect_err "broken.story:"
expect_err "were not loaded"
run study --deck stories --limit 0
expect_err "your story files were not loaded"
sql_eq "SELECT count(*) || '/' || sum(retired) FROM cards" "$cards" "nothing changed"
rm "$S/broken.story"

step "a user deck named stories is refused"
mkdir -p "$T/decks"
printf 'deck: Mine\n\nid: x1\ntype: recall\nprompt: p\nanswer: a\n' >"$T/decks/stories.deck"
run import "$T/decks/stories.deck"
expect_exit 1
expect_err 'the deck name "stories" is kept for the cards of your story files'

step "story new with an editor that fills the template"
cat >"$T/fill.sh" <<'EOF'
#!/bin/sh
# the last argument is the file: fill the required fields
f=$(eval echo "\${$#}")
sed -i -e 's/^title: $/title: Rebuilt the on-call rota/' -e 's/^level: $/level: L6/' \
	-e 's/^principles: $/principles: Ownership/' \
	-e 's/^situation: $/situation: Pages woke the same two people every week./' \
	-e 's/^task: $/task: I owned making on-call fair within a quarter./' \
	-e 's/^action: $/action: I led a rota redesign with five engineers./' \
	-e 's/^result: $/result: Night pages per person fell from 9 to 3 a month./' "$f"
EOF
chmod +x "$T/fill.sh"
EDITOR=$T/fill.sh run story new oncall-rota
expect_exit 0
expect_out "Saved $S/oncall-rota.story"
run story list
expect_out "oncall-rota  L6  Rebuilt the on-call rota"

step "story new left as it was writes nothing"
EDITOR=true run story new
expect_exit 0
expect_out "Nothing written"
[ ! -e "$S/my-story.story" ] || fail "an untouched template was kept"

step "mock --story: a principle the story lists, at its level, figures checked against the file"
cp "$DRILL_TEST_DATA"/stories/checkout.story "$S/checkout.story"
run_in 'Situation: checkout was slow. Task: I owned the fix. Action: I led twelve teams through a latency budget. Result: conversion rose from 2.3%% to 3.1%%, worth $25M a year, and we attribute 50%% of it to this work, over three years.\n.\nThe finance partner rebuilt the model and signed it off.\n.\n\n.\n\n.\n' mock --story checkout-latency --seed 3
expect_exit 0
expect_out "Mock interview: L7"
expect_out '(Tell it with your story "Cut checkout latency across 12 teams".)'
expect_out "Against your story file (checkout-latency): 3 disagreements."
expect_out '"$25M" is not your story'"'"'s figure: its impact: lines compute $17.47M a year'
expect_out '"50%" is not the share in your story file, which claims 70%'
expect_out '"over three years" is longer than your story'
expect_no_out '"2.3%" is not the share'
sql_eq "SELECT card_id FROM mocks ORDER BY id DESC LIMIT 1" "story-checkout-latency" "the mock is saved"
sql_eq "SELECT count(*) FROM mock_findings WHERE kind = 'inconsistent' AND mock_id = (SELECT max(id) FROM mocks)" 3 \
	"the disagreements are saved with the mock"

step "mock --story told as the file has it: no disagreement"
run_in 'Result: conversion rose from 2.3%% to 3.1%%, $17.5M a year, 70%% of it credited to this work.\n.\n' mock --story checkout-latency --principle "dive"
expect_exit 0
expect_out "Mock interview: L7, Dive Deep"
expect_out "the figures you told agree with it."

step "mock --story: an unknown story, a principle it does not list"
run mock --story nope
expect_exit 1
expect_err 'no story with id "nope"'
run mock --story checkout-latency --principle frugality
expect_exit 1
expect_err 'does not list a principle like "frugality"'

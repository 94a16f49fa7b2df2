#!/usr/bin/env bash
# A card's life in its deck file: editing its text keeps its progress
# (reviews and state kept, hash changed, reported as updated); removing it
# retires it (history kept, never served); putting it back revives it with
# its history. Changes on disk are also picked up when a session starts.
source "$(dirname "$0")/lib.sh" "$@"

use_decks types
deck=$T/decks/types.deck

step "import and grade the recall and the text card"
run import "$T/decks"
expect_exit 0
run_in '\n3\nCustomer obsession\n' --limit 2
expect_exit 0
expect_out "Session over: 2 reviews"
sql_eq "SELECT card_id || ':' || rating FROM reviews ORDER BY id" "t-recall:3
t-text:3" "reviews"
recall_state=$(card_state t-recall)
text_state=$(card_state t-text)
recall_hash=$(sql "SELECT hash FROM cards WHERE id = 't-recall'")
expect_eq "$(sql "SELECT state FROM cards WHERE id = 't-recall'")" 1 "state after Good on a new card"

step "editing the card's text keeps its progress"
sed -i 's/^prompt: What does STAR stand for?$/prompt: What do the four letters of STAR stand for?/' "$deck"
grep -q 'four letters of STAR' "$deck" || fail "the sed edit did not apply"
run import "$T/decks"
expect_exit 0
expect_out "Imported 1 deck: 0 added, 1 updated, 4 unchanged, 0 retired."
new_hash=$(sql "SELECT hash FROM cards WHERE id = 't-recall'")
[ "$new_hash" != "$recall_hash" ] || fail "the content hash did not change ($new_hash)"
expect_eq "$(card_state t-recall)" "$recall_state" "state of the edited card"
sql_eq "SELECT count(*) FROM reviews WHERE card_id = 't-recall'" 1 "reviews of the edited card"
expect_contains "$(sql "SELECT source FROM cards WHERE id = 't-recall'")" \
	"four letters of STAR" "stored source of the edited card"

step "the edited text is what the next session shows"
export DRILL_NOW=2026-03-09T09:00:00Z
run_in '\n3\n' --limit 1 --deck types
expect_exit 0
expect_out "What do the four letters of STAR stand for?"
expect_no_out "What does STAR stand for?"

step "removing a card from its file retires it, history kept"
# Delete the t-text record: from its id line to the next blank line.
awk '/^id: t-text$/ {skip = 1} skip && /^$/ {skip = 0; next} !skip' "$deck" >"$deck.new"
mv "$deck.new" "$deck"
grep -q 't-text' "$deck" && fail "the awk edit did not remove t-text"
text_state=$(card_state t-text)
run import "$T/decks"
expect_exit 0
expect_out "Imported 1 deck: 0 added, 0 updated, 4 unchanged, 1 retired."
sql_eq "SELECT retired FROM cards WHERE id = 't-text'" 1 "retired flag"
sql_eq "SELECT count(*) FROM reviews WHERE card_id = 't-text'" 1 "reviews of the retired card"

step "a retired card is never served, even when long overdue"
export DRILL_NOW=2027-03-02T09:00:00Z
reviews_before=$(sql "SELECT count(*) FROM reviews")
# Answer everything: recall cards, the number, the choice, the calc.
run_in '\n3\n$936K\na\n$50K\n\n3\n\n3\n' --seed 3
expect_exit 0
expect_no_out "starts from the customer"
sql_eq "SELECT count(*) FROM reviews WHERE card_id = 't-text'" 1 "reviews of the retired card"
[ "$(sql "SELECT count(*) FROM reviews")" -gt "$reviews_before" ] || fail "the session graded nothing"
run stats --json
expect_exit 0
expect_contains "$OUT" '"retired": 1' "stats --json"

step "putting it back revives it with its history"
cp "$E2E_DECKS/types/types.deck" "$deck"
run import "$T/decks"
expect_exit 0
expect_out "Imported 1 deck: 1 added, 1 updated, 3 unchanged, 0 retired (some added cards were revived with their history)."
sql_eq "SELECT retired FROM cards WHERE id = 't-text'" 0 "retired flag after revival"
expect_eq "$(card_state t-text)" "$text_state" "state of the revived card"
sql_eq "SELECT count(*) FROM reviews WHERE card_id = 't-text'" 1 "reviews of the revived card"

step "a session start imports decks changed on disk"
sed -i 's/^hint: Four words; the first one is Situation.$/hint: Four words, starting with Situation./' "$deck"
touch -d '2030-01-01 00:00:00' "$deck" # a new mtime even within the same second
recall_state=$(card_state t-recall)
cat >"$T/decks/extra.deck" <<'EOF'
deck: Extra

id: x-new
type: recall
prompt: a card added on disk
answer: picked up
EOF
run_in ':quit\n' --deck extra
expect_exit 0
expect_out "Imported deck changes: 1 added, 1 updated, 0 retired."
sql_eq "SELECT count(*) FROM cards WHERE id = 'x-new'" 1 "card of the new deck"
expect_eq "$(card_state t-recall)" "$recall_state" "state of the card edited on disk"
expect_contains "$(sql "SELECT source FROM cards WHERE id = 't-recall'")" "starting with Situation" \
	"stored source after the refresh"

step "a deck touched but not changed is skipped, and its new mtime remembered"
# Regression: the stored mtime was left as it was, so every later session
# re-read and re-hashed the deck.
touch -d '2026-03-01 12:00:00' "$deck"
want=$(stat -c %Y "$deck")
run_in ':quit\n' --deck types
expect_exit 0
expect_no_out "Imported deck changes"
sql_eq "SELECT file_mtime FROM decks WHERE key = 'types'" "$want" "stored mtime of a touched deck"

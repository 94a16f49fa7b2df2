#!/usr/bin/env bash
# Anki import (issue 18): packages built by tests/anki/make_fixtures.py —
# a legacy .apkg (schema 11) and a schema-18 .colpkg (zstd, protobuf
# configs, unicase names) with Basic, reversed, typed and Cloze notes and a
# review log — a corrupt zip, a truncated one, a package holding only the
# placeholder collection; Anki's text export; the round trip through
# drill export --format anki-txt.
source "$(dirname "$0")/lib.sh" "$@"

command -v zstd >/dev/null || fail "the zstd command is needed to build the fixtures (apt-get install zstd)"
FX=$T/fx
python3 "$DRILL_SOURCE_DIR/tests/anki/make_fixtures.py" "$FX" || fail "could not build the fixtures"
DECKS=$XDG_DATA_HOME/drill/decks

# rows DB: the imported cards and reviews, for comparing two imports.
rows() {
	sql "SELECT id, state, printf('%.6f', stability), printf('%.6f', difficulty), due, reps,
	            lapses, suspended FROM cards WHERE id LIKE 'anki-%' ORDER BY id;
	     SELECT card_id, reviewed_at, rating, duration_ms, b_state, a_state FROM reviews
	     ORDER BY card_id, reviewed_at" "$1"
}

step "a legacy .apkg: notes, cards, reviews, media and unmapped notes reported"
run import "$FX/legacy.apkg"
expect_exit 0
expect_out "Imported $FX/legacy.apkg (collection.anki2): 4 notes, 6 cards (6 added, 0 updated, 0 unchanged, 0 retired), 9 reviews."
expect_out "4 review-log entries skipped: manual changes, rescheduling or cramming"
expect_out "3 review cards without a complete history: memory state from interval and ease."
expect_out "2 media files skipped (drill shows text only): diagram.png voice.mp3"
expect_out "1 note not imported:"
expect_out "note 1700000000005 (Basic): its front is empty once reduced to text"
expect_out "wrote $DECKS/anki-leadership-ownership.deck"
[ -f "$DECKS/anki-default.deck" ] || fail "no deck file for Anki's Default deck"
sql_eq "SELECT count(*) FROM cards WHERE id LIKE 'anki-%'" 6 "imported cards"
sql_eq "SELECT count(*) FROM reviews" 9 "imported reviews"
sql_eq "SELECT type FROM cards WHERE id = 'anki-1700000000003-0'" "text" "the typed note's card"
grep -q '^accept: ^\\s\*Customer\\s+Obsession\\s\*\$$' "$DECKS/anki-default.deck" ||
	fail "the typed answer is not an escaped pattern: $(cat "$DECKS/anki-default.deck")"
grep -q '^prompt: \[\.\.\.\] means acting on behalf of the entire company\.$' "$DECKS/anki-leadership-ownership.deck" ||
	fail "cloze 1 as a prompt: $(cat "$DECKS/anki-leadership-ownership.deck")"
grep -q '^prompt: Ownership means acting on behalf of the \[scope\]\.$' "$DECKS/anki-leadership-ownership.deck" ||
	fail "cloze 2 with its hint"
grep -q '^  | - long term$' "$DECKS/anki-leadership-ownership.deck" || fail "a list item as a line"
grep -q '^answer: Situation, Task,$' "$DECKS/anki-leadership-ownership.deck" || fail "<br> as a line break"
grep -q '^tags: star, interview$' "$DECKS/anki-leadership-ownership.deck" || fail "the note's tags"
# The card with a complete log is replayed: six grades, one lapse; the
# manual and cram entries are not reviews.
sql_eq "SELECT state, reps, lapses FROM cards WHERE id = 'anki-1700000000001-0'" "2|6|1" "replayed card"
sql_eq "SELECT group_concat(rating, '') FROM (SELECT rating FROM reviews WHERE card_id = 'anki-1700000000001-0' ORDER BY reviewed_at)" "333134" "its ratings"
# Review cards without a usable log: stability = interval (retention 0.9).
sql_eq "SELECT state, printf('%.1f', stability), suspended FROM cards WHERE id = 'anki-1700000000002-1'" "2|12.0|1" "reversed card: from interval, suspended"
sql_eq "SELECT state, printf('%.1f', stability), datetime(due / 1000, 'unixepoch') FROM cards WHERE id = 'anki-1700000000003-0'" "2|20.0|2026-02-20 00:00:00" "typed card: from interval, due as in Anki"
# A reset to new drops what came before: two learning grades remain.
sql_eq "SELECT state, reps FROM cards WHERE id = 'anki-1700000000004-1'" "1|2" "cloze 2 after a reset"
sql_eq "SELECT state FROM cards WHERE id = 'anki-1700000000002-0'" 0 "a new card stays new"
run stats
expect_exit 0
expect_eq "$ERR" "" "stderr of drill stats after the import (the generated decks refresh cleanly)"

step "the schema-18 .colpkg gives the same rows (unicase, protobuf, zstd)"
XDG_DATA_HOME=$T/modern-data DRILL_DB=$T/modern.db run import "$FX/modern.colpkg"
expect_exit 0
expect_out "(collection.anki21b): 4 notes, 6 cards (6 added, 0 updated, 0 unchanged, 0 retired), 9 reviews."
expect_eq "$(rows "$T/modern.db")" "$(rows "$DRILL_DB")" "rows from the .colpkg against the .apkg"

step "importing again updates instead of duplicating, and says when a deck file was edited"
echo "# my note" >>"$DECKS/anki-default.deck"
run import "$FX/legacy.apkg"
expect_exit 0
expect_out "6 cards (0 added, 0 updated, 6 unchanged, 0 retired), 0 reviews (9 already imported)."
expect_out "$DECKS/anki-default.deck had been edited since drill wrote it; your changes were overwritten"
expect_no_out "anki-leadership-ownership.deck had been edited"
grep -q "my note" "$DECKS/anki-default.deck" && fail "the edited deck file was not rewritten"
sql_eq "SELECT count(*) FROM reviews" 9 "reviews after the second import"

step "drill's own reviews of an imported card are kept and replayed with Anki's"
export DRILL_NOW=2026-03-10T09:00:00Z
run_in '\n3\n:quit\n' --deck anki-leadership-ownership --new 1
expect_exit 0
sql_eq "SELECT count(*) FROM reviews" 10 "reviews after a session"
run import "$FX/legacy.apkg"
expect_exit 0
sql_eq "SELECT count(*) FROM reviews" 10 "reviews after importing again"
export DRILL_NOW=2026-03-02T09:00:00Z

step "refused, with nothing changed: corrupt, truncated, placeholder-only packages"
before=$(checksum "$DRILL_DB")
decks_before=$(ls "$DECKS" | paste -sd' ' -)
for f in corrupt truncated; do
	run import "$FX/$f.apkg"
	expect_exit 1
	expect_err "drill import: $FX/$f.apkg: error: not an Anki package: it is not a zip file (or a damaged one); nothing was imported"
done
run import "$FX/dummy.apkg"
expect_exit 1
expect_err "holds only the placeholder collection that current Anki writes for old versions"
run import "$FX/dummy-nometa.apkg"
expect_exit 1
expect_err '(one "please update" note)'
expect_eq "$(checksum "$DRILL_DB")" "$before" "the database after refused packages"
expect_eq "$(ls "$DECKS" | paste -sd' ' -)" "$decks_before" "the deck files after refused packages"

step "a deck key owned by another deck file is refused"
mkdir -p "$T/mine"
printf 'deck: Mine\n\nid: mine-1\nprompt: Q?\nanswer: A\n' >"$T/mine/anki-default.deck"
DRILL_DB=$T/clash.db run import "$T/mine"
expect_exit 0
DRILL_DB=$T/clash.db run import "$FX/legacy.apkg"
expect_exit 1
expect_err "the Anki deck \"Default\" would be deck \"anki-default\", but $T/mine/anki-default.deck already has that name"
expect_eq "$(sqlite3 "$T/clash.db" "SELECT count(*) FROM cards")" 1 "cards after the refused import"

step "Anki's text export: headers, separators, guid column or a hash"
cat >"$T/notes.txt" <<'TXT'
#separator:semicolon
#html:true
#deck:Interview::Basics
#tags:imported
#columns:Front;Back
What is a <i>bar raiser</i>?;"An interviewer; from outside the team"
"Two&nbsp;pizza team?";"A team small enough<br>to feed with two pizzas"
TXT
run import "$T/notes.txt"
expect_exit 0
expect_out "Imported $T/notes.txt (text): 2 notes, 2 cards (2 added"
[ -f "$DECKS/anki-interview-basics.deck" ] || fail "no deck file for the text import"
grep -q '^prompt: What is a bar raiser?$' "$DECKS/anki-interview-basics.deck" || fail "HTML of a text import"
grep -q '^answer: An interviewer; from outside the team$' "$DECKS/anki-interview-basics.deck" || fail "a quoted field"
grep -q '^  | to feed with two pizzas$' "$DECKS/anki-interview-basics.deck" || fail "<br> in a text import"
grep -q '^tags: imported$' "$DECKS/anki-interview-basics.deck" || fail "#tags:"
grep -qE '^id: anki-[0-9a-f]{16}-0$' "$DECKS/anki-interview-basics.deck" || fail "ids from a hash of the first field"
printf '#separator:tab\n#html:false\n#guid column:1\n#notetype column:2\n#deck column:3\nabc\tCloze\tText deck\t{{c1::Ownership}} is a principle\t\nabd\tBasic (type in the answer)\tText deck\t1 + 1?\t2\n' >"$T/tab.txt"
run import "$T/tab.txt"
expect_exit 0
expect_out "2 notes, 2 cards"
grep -q '^id: anki-abc-0$' "$DECKS/anki-text-deck.deck" || fail "id from the guid column"
grep -q '^type: text$' "$DECKS/anki-text-deck.deck" || fail "typed note type from the notetype column"

step "round trip: drill export --format anki-txt, then drill import, gives the same cards"
export DRILL_DB=$T/rt.db
run import
expect_exit 0
run export --format anki-txt -o "$T/rt.txt"
expect_exit 0
export DRILL_DB=$T/rt2.db
run import "$T/rt.txt"
expect_exit 0
expect_out "3 notes, 3 cards (3 added"
run export --format anki-txt -o "$T/rt2.txt"
expect_exit 0
# The same note types, decks, fronts and backs (ids gain an anki- prefix,
# tags the deck's "anki" tag).
expect_eq "$(cut -f2-5 "$T/rt2.txt")" "$(cut -f2-5 "$T/rt.txt")" "cards after the round trip"
run import "$T/rt.txt"
expect_exit 0
expect_out "(0 added, 0 updated, 3 unchanged, 0 retired)"
# A second round keeps the ids: a guid that is already an anki- id stays.
expect_eq "$(cut -f1 "$T/rt2.txt" | tail -n +7 | paste -sd' ' -)" "anki-t-recall-0 anki-t-text-0 anki-t-number-0" "ids after one round"
export DRILL_DB=$T/rt3.db
run import "$T/rt2.txt"
expect_exit 0
run export --format anki-txt -o "$T/rt3.txt"
expect_exit 0
expect_same_file "$T/rt2.txt" "$T/rt3.txt"

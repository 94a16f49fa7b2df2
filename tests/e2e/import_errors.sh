#!/usr/bin/env bash
# drill import of bad decks: every error is reported as path:line[:col]:
# message exactly as in the golden file (tests/data/decks/bad/NAME.expected),
# the exit status is 1 and the database is byte-identical afterwards.
# Also: all or nothing across decks, ids owned by another deck, --check,
# unreadable paths, and the counts of a good import.
source "$(dirname "$0")/lib.sh" "$@"

bad=$E2E_DECKS/bad

step "a good import first, so that there is something to keep unchanged"
run import "$E2E_DECKS/types"
expect_exit 0
expect_out "Imported 1 deck: 5 added, 0 updated, 0 unchanged, 0 retired."
sql_eq "SELECT count(*) FROM cards" 5 "cards after the good import"
before=$(checksum "$DRILL_DB")
rows=$(sql "SELECT count(*) FROM decks; SELECT count(*) FROM cards; SELECT count(*) FROM reviews")

# Paths in the messages are as given, so run from the folder of the decks.
cd "$bad" || fail "no folder $bad"
ngolden=0
for deck in *.deck dupes errors-and-dupes; do
	name=${deck%.deck}
	step "import $deck: the exact diagnostics of $name.expected"
	[ -f "$name.expected" ] || fail "no golden file $bad/$name.expected"
	run import "$deck"
	expect_exit 1
	expect_eq "$OUT" "" "stdout of a failed import"
	printf '%s\n' "$ERR" >"$T/$name.got"
	expect_same_file "$name.expected" "$T/$name.got"
	expect_eq "$(checksum "$DRILL_DB")" "$before" "database checksum after importing $deck"
	ngolden=$((ngolden + 1))
done
[ $ngolden -ge 6 ] || fail "only $ngolden golden files were checked"

step "a PCRE2 compile error gives PCRE2's message and the column"
run import patterns.deck
expect_err "patterns.deck:9:14: error: accept pattern does not compile: missing closing parenthesis"

step "all or nothing: a good new deck next to a bad one is not imported either"
mkdir -p "$T/mixed"
cat >"$T/mixed/fresh.deck" <<'EOF'
deck: Fresh

id: fresh-one
type: recall
prompt: a new card
answer: new
EOF
cp values.deck "$T/mixed/"
run import "$T/mixed"
expect_exit 1
expect_err "error: method \"convertion\" is not in the catalogue"
expect_err "the database was not changed"
expect_not_contains "$ERR" "fresh.deck" "stderr (the good deck has no error)"
expect_eq "$(checksum "$DRILL_DB")" "$before" "database checksum after the mixed import"
expect_eq "$(sql "SELECT count(*) FROM decks; SELECT count(*) FROM cards; SELECT count(*) FROM reviews")" \
	"$rows" "row counts after the mixed import"
sql_eq "SELECT count(*) FROM cards WHERE id = 'fresh-one'" 0 "card of the good deck"

step "an id that another deck of the collection owns is refused"
cat >"$T/other.deck" <<'EOF'
deck: Other
description: reuses an id of the types deck

id: t-recall
type: recall
prompt: not the same card
answer: no
EOF
run import "$T/other.deck"
expect_exit 1
expect_eq "$ERR" "drill import: $T/other.deck:4: error: duplicate id \"t-recall\" (already in deck \"types\")
drill import: 1 error; the database was not changed" "stderr"
expect_eq "$(checksum "$DRILL_DB")" "$before" "database checksum after a stolen id"

step "every error and every duplicate id in one run, the database's ids too"
# Regression: ids were compared only between decks that had no other
# error, so a duplicate showed up only once the other errors were fixed.
cat >"$T/other2.deck" <<'EOF'
deck: Other again

id: t-recall
type: recall
prompt: reuses an id of the types deck, and a field is unknown
answer: no
colour: blue

id: o-twice
type: flashcard
prompt: the type is unknown

id: o-twice
type: recall
prompt: the same id as the card with the unknown type
answer: yes
EOF
run import "$T/other2.deck"
expect_exit 1
expect_eq "$ERR" "drill import: $T/other2.deck:7: error: unknown field \"colour\"
drill import: $T/other2.deck:10:7: error: unknown card type \"flashcard\" (recall, text, number, choice, calc, open)
drill import: $T/other2.deck:13: error: duplicate id \"o-twice\" (first defined at $T/other2.deck:9)
drill import: $T/other2.deck:3: error: duplicate id \"t-recall\" (already in deck \"types\")
drill import: 4 errors; the database was not changed" "stderr"
expect_eq "$(checksum "$DRILL_DB")" "$before" "database checksum after errors and duplicates"
run import --check errors-and-dupes
expect_exit 1
expect_err "second.deck:9: error: duplicate id \"shared-ok\""
expect_err "second.deck:15:7: error: unknown card type"
expect_err "drill import: 6 errors; nothing to import"

step "the session's re-import of changed decks reports them all too"
mkdir -p "$T/bundled"
cp "$E2E_DECKS/types/"*.deck "$T/bundled/"
run import --db "$T/session.db" "$T/bundled"
expect_exit 0
session_before=$(checksum "$T/session.db")
cat >>"$T/bundled/types.deck" <<'EOF'

id: t-recall
type: recall
prompt: the same id as the first card, in a record with an error
answer: again
colour: red
EOF
line=$(grep -n '^colour: red' "$T/bundled/types.deck" | cut -d: -f1)
first=$(grep -n '^id: t-recall' "$T/bundled/types.deck" | head -1 | cut -d: -f1)
DRILL_DECKS=$T/bundled run_in "" study --db "$T/session.db"
expect_err "types.deck:$line: error: unknown field \"colour\""
expect_err "types.deck:$((line - 4)): error: duplicate id \"t-recall\" (first defined at $T/bundled/types.deck:$first)"
expect_err "the changed decks were not imported"
expect_eq "$(sql "SELECT count(*) FROM cards" "$T/session.db")" 5 "cards after the failed re-import"

step "--check changes nothing and needs no database"
run import --check "$E2E_DECKS/types" --db "$T/never.db"
expect_exit 0
expect_out "1 deck checked: no errors."
[ ! -e "$T/never.db" ] || fail "import --check created a database"
run import --check syntax.deck
expect_exit 1
expect_err "drill import: 8 errors; nothing to import"

step "a path that does not exist is an environment error"
run import "$T/no-such.deck"
expect_exit 2
expect_err "drill import: $T/no-such.deck: error: No such file or directory"
expect_eq "$(checksum "$DRILL_DB")" "$before" "database checksum after a missing file"

step "importing the same deck again changes nothing"
run import "$E2E_DECKS/types"
expect_exit 0
expect_out "Imported 1 deck: 0 added, 0 updated, 5 unchanged, 0 retired."

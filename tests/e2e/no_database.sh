#!/usr/bin/env bash
# Commands that only read never create a database. Without one, drill why
# finds the card in the bundled decks (no reviews yet), coach --question
# and mock --list read the bundled decks' open questions, mock --history
# says there are no mocks, and mock --show / --delete find none. The path
# given by DRILL_DB (or the default one) still does not exist afterwards,
# and the answers match those of a database that holds the same decks.
source "$(dirname "$0")/lib.sh" "$@"

export DRILL_DECKS=$DRILL_SOURCE_DIR/decks
sed '1,/^---$/d' "$DRILL_TEST_DATA/coach/l6-weak-round.txt" >"$T/weak.txt"

# no_db WHAT: neither the database nor anything beside it was made.
no_db() {
	[ ! -e "$DRILL_DB" ] || fail "$1 created the database $DRILL_DB"
	local made
	made=$(find "$T" -maxdepth 1 -name 'drill.db*' -o -maxdepth 1 -name '.drill.db*')
	[ -z "$made" ] || fail "$1 left files beside the database: $made"
	[ ! -e "$XDG_DATA_HOME" ] || fail "$1 created $XDG_DATA_HOME"
}

step "why CARD: a bundled card has no reviews yet"
run why lvl-horizon-l6
expect_exit 0
expect_out "lvl-horizon-l6 (text, $DRILL_DECKS/levels.deck:"
expect_out "now: new, no reviews yet (there is no database at $DRILL_DB yet)"
expect_eq "$ERR" "" "stderr"
no_db "why"

step "why CARD: an unknown card is an error"
run why no-such-card
expect_exit 1
expect_eq "$ERR" 'drill why: no card with id "no-such-card"' "stderr"
no_db "why (unknown card)"

step "the default database path is not created either"
saved_db=$DRILL_DB
unset DRILL_DB
run why lvl-horizon-l6
expect_exit 0
expect_out "no reviews yet (there is no database at $XDG_DATA_HOME/drill/drill.db yet)"
export DRILL_DB=$saved_db
no_db "why (default path)"

step "coach --question reads the bundled decks"
run coach --question mock-customer-impact --level L6 "$T/weak.txt"
expect_exit 0
expect_out "Question (mock-customer-impact)"
expect_out "Key points: 0 of 5 covered"
expect_eq "$ERR" "" "stderr"
coach_out=$OUT
no_db "coach --question"
run coach --question no-such-card "$T/weak.txt"
expect_exit 1
expect_err 'no open card "no-such-card"'
no_db "coach --question (unknown card)"

step "mock --list: every open question of the bundled decks"
run mock --list
expect_exit 0
expect_eq "$ERR" "" "stderr"
nopen=$(cat "$DRILL_DECKS"/*.deck | grep -c '^type: open$')
[ "$nopen" -gt 0 ] || fail "no open cards in the bundled decks"
expect_eq "$(printf '%s\n' "$OUT" | grep -c .)" "$nopen" "lines of mock --list"
expect_out "mock-customer-impact"
list_out=$OUT
no_db "mock --list"

step "mock --history, --show and --delete: no mocks"
run mock --history
expect_exit 0
expect_eq "$OUT" "No mock interviews yet: run drill mock." "stdout"
no_db "mock --history"
run mock --show 1
expect_exit 1
expect_eq "$ERR" "drill mock: no mock interview #1 (drill mock --history lists them)" "stderr"
no_db "mock --show"
run mock --delete 1
expect_exit 1
expect_err "no mock interview #1"
no_db "mock --delete"

step "the same answers as from a database holding the bundled decks"
run import
expect_exit 0
[ -f "$DRILL_DB" ] || fail "import made no database"
run coach --question mock-customer-impact --level L6 "$T/weak.txt"
expect_exit 0
expect_eq "$OUT" "$coach_out" "coach --question with a database"
run mock --list
expect_exit 0
expect_eq "$OUT" "$list_out" "mock --list with a database"
run why lvl-horizon-l6
expect_exit 0
expect_out "(no reviews yet)"

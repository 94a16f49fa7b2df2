#!/usr/bin/env bash
# Every text file drill reads may start with a UTF-8 byte-order mark (some
# editors write one): a deck to import, an answer to coach, a calculation to
# audit, a review history to replay. Each is read as if the mark were not
# there. Regression: a deck with a mark was reported as having no header,
# audit echoed the mark, coach counted it as a word and replay took it as
# part of the first card's id.
source "$(dirname "$0")/lib.sh" "$@"

BOM=$'\xef\xbb\xbf'

# with_bom FILE OUT: OUT is FILE with a byte-order mark in front.
with_bom() {
	{ printf '%s' "$BOM"; cat "$1"; } >"$2"
}

# same_run NAME ARGS...: drill ARGS on $T/plain.txt and on $T/bom.txt
# (the word FILE in ARGS stands for the file) print the same and exit alike.
same_run() {
	local name=$1 plain bom rc_plain
	shift
	run "${@/FILE/$T/plain.txt}"
	plain=$OUT rc_plain=$RC
	run "${@/FILE/$T/bom.txt}"
	bom=$OUT
	expect_eq "$RC" "$rc_plain" "$name: exit status with a byte-order mark"
	expect_not_contains "$bom" "$BOM" "$name: output"
	if [ "$bom" != "$plain" ]; then
		diff <(printf '%s\n' "$plain") <(printf '%s\n' "$bom") >&2 || true
		fail "$name: output differs with a byte-order mark"
	fi
}

step "the fixture deck really starts with a byte-order mark"
expect_eq "$(head -c 3 "$E2E_DECKS/bom/bom.deck" | od -An -tx1 | tr -d ' \n')" efbbbf "first bytes"

step "import a deck that starts with a byte-order mark"
run import "$E2E_DECKS/bom"
expect_exit 0
expect_out "Imported 1 deck: 2 added"
sql_eq "SELECT name FROM decks WHERE key = 'bom'" "Byte-order mark"
sql_eq "SELECT group_concat(c.id, ' ') FROM cards c JOIN decks d ON d.id = c.deck_id WHERE d.key = 'bom'" \
	"bom-recall bom-text"
run import --check "$E2E_DECKS/bom/bom.deck"
expect_exit 0

step "audit FILE and audit - with a byte-order mark"
cp "$DRILL_TEST_DATA/audit/checkout.txt" "$T/plain.txt"
with_bom "$T/plain.txt" "$T/bom.txt"
same_run audit audit FILE
same_run "audit --json" audit FILE --json
run audit - <"$T/bom.txt"
plain_stdin=$OUT
run audit "$T/plain.txt"
expect_eq "$plain_stdin" "$OUT" "audit - with a byte-order mark"

step "coach FILE with a byte-order mark"
sed '1,/^---$/d' "$DRILL_TEST_DATA/coach/l6-strong-checkout.txt" >"$T/plain.txt"
with_bom "$T/plain.txt" "$T/bom.txt"
same_run coach coach FILE --json
same_run "coach as text" coach FILE

step "fsrs replay reads a history with a byte-order mark"
printf 'a\t1700000000\t3\na\t1700100000\t3\n' >"$T/plain.txt"
with_bom "$T/plain.txt" "$T/bom.txt"
run fsrs replay --no-steps <"$T/plain.txt"
plain=$OUT
run fsrs replay --no-steps <"$T/bom.txt"
expect_exit 0
expect_eq "$OUT" "$plain" "replay of a history with a byte-order mark"

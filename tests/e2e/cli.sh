#!/usr/bin/env bash
# The command line: --help for drill and for every command it lists,
# --version, unknown commands and options, bad option values, a bad
# DRILL_NOW, and plain output (no escape codes) when not on a terminal or
# when NO_COLOR is set.
source "$(dirname "$0")/lib.sh" "$@"

step "drill --help lists every command"
for flag in --help -h help; do
	run $flag
	expect_exit 0
	expect_out "usage: drill [COMMAND] [OPTIONS]"
done
commands=$(printf '%s\n' "$OUT" | sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p')
for c in study import stats config reschedule why; do
	expect_contains "$commands" "$c" "the commands of drill --help"
done
[ "$(printf '%s\n' "$commands" | wc -l)" -ge 6 ] || fail "too few commands in drill --help"
no_escapes "$OUT" "drill --help"

step "drill COMMAND --help for each of them: usage on stdout, exit 0, no database"
for c in $commands; do
	run "$c" --help
	expect_exit 0
	expect_contains "$OUT" "usage: drill" "drill $c --help"
	expect_contains "$OUT" "$c" "drill $c --help"
	expect_eq "$ERR" "" "stderr of drill $c --help"
	run "$c" -h
	expect_exit 0
done
[ ! -e "$DRILL_DB" ] || fail "a --help opened the database"

step "--version"
run --version
expect_exit 0
[[ "$OUT" =~ ^drill\ [^[:space:]]+$ ]] || fail "--version printed [$OUT]"

step "unknown commands and options are user errors (exit 1)"
run frobnicate
expect_exit 1
expect_err 'drill: unknown command "frobnicate" (see drill --help)'
expect_eq "$OUT" "" "stdout of an unknown command"
run --frobnicate
expect_exit 1
for c in study import stats config reschedule why; do
	run "$c" --no-such-option
	expect_exit 1
done
run study --limit many
expect_exit 1
expect_err '--limit needs a whole number'
run study --new -3
expect_exit 1
run study --seed -1
expect_exit 1
expect_err '--seed needs a whole number'
run study unexpected
expect_exit 1
run stats extra
expect_exit 1
run why
expect_exit 1
run why a b
expect_exit 1
run reschedule extra
expect_exit 1
[ ! -e "$DRILL_DB" ] || fail "a command with bad arguments created the database"

step "a --deck or --tag that matches nothing is a user error, not an empty session"
use_decks types
run study --deck no-such-deck
expect_exit 1
expect_err 'drill study: no deck called "no-such-deck"; the decks are: types'
run study --tag no-such-tag
expect_exit 1
expect_err 'drill study: no card has the tag "no-such-tag"'
run_in ':quit\n' study --deck types
expect_exit 0
rm -f "$DRILL_DB" "$DRILL_DB"-wal "$DRILL_DB"-shm

step "DRILL_NOW accepts unix seconds and ISO 8601, refuses anything else"
for now in 1772442000 2026-03-02 2026-03-02T09:00:00Z "2026-03-02 09:00:00" 2026-03-02T10:00:00+01:00; do
	DRILL_NOW=$now run stats
	expect_exit 0
done
DRILL_NOW="next tuesday" run stats
expect_exit 1
expect_err 'DRILL_NOW="next tuesday" is neither unix seconds nor ISO 8601'

step "not a terminal: a whole session without escape codes, with or without NO_COLOR"
answers='\n3\nCustomer obsession\n$936K\na\n$50K\n:help\n:hint\n:quit\n'
run_in "$answers" --seed 1
expect_exit 0
expect_out "Session over:"
no_escapes "$OUT$ERR" "a session on a pipe"
TERM=xterm-256color run_in "$answers" --seed 1
no_escapes "$OUT$ERR" "a session on a pipe with TERM set"
NO_COLOR=1 run_in "$answers" --seed 1
no_escapes "$OUT$ERR" "a session with NO_COLOR"
for c in stats "stats --json" config "why t-recall" "import --check $E2E_DECKS/bad/values.deck"; do
	# shellcheck disable=SC2086
	run $c
	no_escapes "$OUT$ERR" "drill $c"
done

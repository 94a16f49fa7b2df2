#!/usr/bin/env bash
# The interactive path under a pseudo-terminal (driven by pty_drive.py):
# the session starts, shows its prompt, grades, completes commands with
# Tab, keeps readline history under XDG_STATE_HOME, uses colour unless
# NO_COLOR is set, and ends cleanly on :quit, Ctrl-D and Ctrl-C.
source "$(dirname "$0")/lib.sh" "$@"

if ! python3 -c 'import os, pty; os.openpty()' 2>/dev/null; then
	echo "SKIP $E2E_NAME: no pseudo-terminal available (python3 pty)"
	exit 0
fi
export DRILL_DECKS=$E2E_DECKS/study TERM=xterm
run import
expect_exit 0

# drive NAME STEPS [ENV...]: runs drill under a pty; sets OUT (the
# transcript) and RC.
drive() {
	local name=$1 steps=$2
	shift 2
	RC=0
	printf '%s\n' "$steps" |
		env "$@" python3 "$E2E_HERE/pty_drive.py" "$T/$name.pty" -- "$DRILL" --seed 1 || RC=$?
	OUT=$(cat "$T/$name.pty" 2>/dev/null || true)
	ERR=""
	if [ "$RC" = 125 ]; then
		echo "SKIP $E2E_NAME: no pseudo-terminal available"
		exit 0
	fi
	e2e_check_sanitizer "$OUT"
}

# SGR sequences (colour, bold); readline's own mode switches are allowed.
has_colour() {
	printf '%s' "$1" | grep -qP '\x1b\[[0-9;]*m'
}

step "start, show the question and the prompt, grade, :quit"
drive quit 'expect Question one
expect ›
send \r
expect Answer one
expect ›
send 3\r
expect Question two
expect ›
send :quit\r
expect Session over
expect 1 review'
expect_exit 0
sql_eq "SELECT card_id || ':' || rating FROM reviews" "s-01:3" "reviews after the pty session"
has_colour "$OUT" || fail "no colour on a terminal without NO_COLOR: $(printf '%s' "$OUT" | cat -v)"
[ -f "$XDG_STATE_HOME/drill/history" ] || fail "no history file under $XDG_STATE_HOME/drill"
grep -qx ':quit' "$XDG_STATE_HOME/drill/history" || fail "history lacks :quit: $(cat "$XDG_STATE_HOME/drill/history")"

step "NO_COLOR: no colour even on a terminal"
drive nocolor 'expect ›
send :quit\r
expect Session over' NO_COLOR=1
expect_exit 0
! has_colour "$OUT" || fail "colour despite NO_COLOR: $(printf '%s' "$OUT" | cat -v)"

step "Ctrl-D ends the session cleanly with a summary"
drive ctrl-d 'expect ›
send \x04
expect Session over
expect 0 reviews'
expect_exit 0

step "Ctrl-C ends the session cleanly with a summary"
drive ctrl-c 'expect ›
send \x03
expect Session over
expect 0 reviews'
expect_exit 0

step "Tab completes session commands"
drive tab 'expect Question
expect ›
send :susp\t\r
expect Suspended
expect ›
send :quit\r
expect Session over'
expect_exit 0
expect_contains "$OUT" "Suspended s-" "the transcript"
sql_eq "SELECT count(*) FROM cards WHERE suspended = 1" 1 "cards suspended through completion"

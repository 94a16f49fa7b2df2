#!/usr/bin/env bash
# The interactive path under a pseudo-terminal (driven by pty_drive.py):
# the session starts, shows its prompt, grades, completes commands with
# Tab, keeps readline history under XDG_STATE_HOME, uses colour unless
# NO_COLOR is set, and ends cleanly on :quit, Ctrl-D and Ctrl-C; and an
# interactive mock interview, with its clock and :edit.
source "$(dirname "$0")/lib.sh" "$@"

if ! python3 -c 'import os, pty; os.openpty()' 2>/dev/null; then
	echo "SKIP $E2E_NAME: no pseudo-terminal available (python3 pty)"
	exit 0
fi
export DRILL_DECKS=$E2E_DECKS/study TERM=xterm
run import
expect_exit 0

# drive NAME STEPS [ENV...]: runs drill (with the words of $DRIVE_CMD
# first, when set) under a pty; sets OUT (the transcript) and RC.
drive() {
	local name=$1 steps=$2
	shift 2
	RC=0
	# shellcheck disable=SC2086 # DRIVE_CMD is a list of words
	printf '%s\n' "$steps" |
		env "$@" python3 "$E2E_HERE/pty_drive.py" "$T/$name.pty" -- "$DRILL" ${DRIVE_CMD:-} --seed 1 ||
		RC=$?
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

step "in a terminal a quick typed answer is Easy; a quick choice is only Good"
export DRILL_DECKS=$E2E_DECKS/types DRILL_DB=$T/grades.db
run import
DRIVE_CMD="--new 5" drive grades 'expect What does STAR
expect ›
send \r
expect Grade:
send 3\r
expect works backwards
expect ›
send customer obsession\r
expect Easy · next review
expect minus
expect ›
send 936K\r
expect Easy · next review
expect Which level
expect ›
send c\r
expect Good · next review
expect ›
send :quit\r
expect Session over'
expect_exit 0
expect_contains "$OUT" "(Easy: answered within 5 s)" "the transcript"

step "Tab completes :right and :wrong, which regrade the newest checked answer"
export DRILL_DB=$T/regrade.db
run import
DRIVE_CMD="--new 5" drive regrade 'expect What does STAR
expect ›
send \r
expect Grade:
send 3\r
expect works backwards
expect ›
send customer obsession\r
expect minus
expect ›
send :wro\t\r
expect Regraded t-text: Again
expect ›
send :quit\r
expect Session over'
expect_exit 0
sql_eq "SELECT rating || ':' || overridden FROM reviews WHERE card_id = 't-text'" "1:4" \
	"t-text after :wrong completed with Tab"
export DRILL_DB=$T/drill.db

step "an interactive mock: the clock in the prompt, :edit finishes the answer, a follow-up, a scorecard"
export DRILL_DECKS=$DRILL_SOURCE_DIR/decks
cat >"$T/answer.txt" <<'ANSWER'
Situation: Our checkout service was slow and customers abandoned carts; the team owned the service.
Task: I had to bring the page load under one second within a quarter.
Action: I led six engineers, we profiled the queries, added caching and worked with two partner teams.
Result: Load time fell from 4.2 to 0.8 seconds and we recovered revenue.
ANSWER
printf '#!/bin/sh\ncat "%s" > "$1"\n' "$T/answer.txt" >"$T/editor.sh"
chmod +x "$T/editor.sh"
DRIVE_CMD="mock --level L6" drive mock 'expect The clock starts now
expect /3:00] >
send Situation: typed before the editor took over.\r
expect /3:00] >
send :edit\r
expect Load time fell
expect Clock: 0:
expect Follow-up 1 of 1
expect >
send We recovered $1.2M a year, measured before and after the change.\r
expect >
send .\r
expect Scorecard
expect Saved as mock #1' EDITOR="$T/editor.sh"
expect_exit 0
sql_eq "SELECT count(*) FROM mocks" 1 "mocks saved"
sql_eq "SELECT answer LIKE '%Load time fell%' AND answer NOT LIKE '%typed before%' FROM mocks" 1 \
	"the saved answer is the edited one"
sql_eq "SELECT asked || ':' || defended || ':' || (seconds IS NOT NULL) FROM mocks" "1:1:1" \
	"follow-ups asked and defended, and the answer timed"

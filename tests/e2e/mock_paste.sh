#!/usr/bin/env bash
# drill mock takes an answer of several paragraphs as one answer, however
# it arrives: typed or pasted line by line on a terminal without bracketed
# paste (TERM=dumb), pasted in one piece where readline brackets pastes
# (TERM=xterm), or piped. Every answer ends with a line holding only "."
# (or Ctrl-D); blank lines are part of it.
#
# Regression (issue 14): interactively an answer ended at its first blank
# line, the paragraphs after it were taken as the replies to the
# follow-ups, and a 26/100 scorecard was saved.
source "$(dirname "$0")/lib.sh" "$@"

if ! python3 -c 'import os, pty; os.openpty()' 2>/dev/null; then
	echo "SKIP $E2E_NAME: no pseudo-terminal available (python3 pty)"
	exit 0
fi
export DRILL_DECKS=$DRILL_SOURCE_DIR/decks

# drive NAME STEPS [ENV...]: drill mock under a pty; sets OUT and RC.
drive() {
	local name=$1 steps=$2
	shift 2
	RC=0
	printf '%s\n' "$steps" |
		env "$@" python3 "$E2E_HERE/pty_drive.py" "$T/$name.pty" -- \
			"$DRILL" mock --seed 7 --level L6 --principle ownership || RC=$?
	OUT=$(tr -d '\000' <"$T/$name.pty" 2>/dev/null || true)
	ERR=""
	if [ "$RC" = 125 ]; then
		echo "SKIP $E2E_NAME: no pseudo-terminal available"
		exit 0
	fi
	e2e_check_sanitizer "$OUT"
}

P1="Situation: our order pipeline kept failing on peak days and every failed order was a lost sale."
P2="Task: I had to make it reliable before the holiday season."
P3="Action: I led the team through a redesign of the queueing layer and we added retries and alerting."
P4="Result: failed orders fell from 1,850 to 120 a month, which at \$92 an order is \$1.91M a year, measured against the same months of the year before."
# the replies to the follow-ups this answer draws (attribution, validation)
F1="About 70% of that is ours, because the holdout region without the redesign stayed flat."
F2="Our finance partner checked the model against the order logs."

# the saved answer holds all four paragraphs, with their blank lines
check_saved() {
	local id=$1 what=$2
	sql_eq "SELECT answer LIKE 'Situation:%' AND answer LIKE '%before the holiday season.' || char(10) || char(10) || 'Action:%' AND answer LIKE '%Result: failed orders fell%' FROM mocks WHERE id = $id" 1 \
		"$what: the whole answer saved as one"
	sql_eq "SELECT asked || ':' || defended || ':' || words FROM mocks WHERE id = $id" "2:2:70" \
		"$what: follow-ups asked and defended, words of the main answer"
	sql_eq "SELECT count(*) FROM mock_findings WHERE mock_id = $id AND round = 0 AND kind = 'missing_star'" 0 \
		"$what: no STAR part missing"
}

step "TERM=dumb: paragraphs typed (or pasted) line by line, blank lines and all"
drive dumb "expect The clock starts now
expect a line holding only \".\"
expect /3:00] >
send $P1\\r
expect /3:00] >
send \\r
expect /3:00] >
send $P2\\r
expect /3:00] >
send \\r
expect /3:00] >
send $P3\\r
expect /3:00] >
send \\r
expect /3:00] >
send $P4\\r
expect /3:00] >
send \\r
expect /3:00] >
send .\\r
expect Clock: 0:
expect Follow-up 1 of 2
expect (End with a line holding only \".\".)
expect >
send $F1\\r
expect >
send \\r
expect >
send .\\r
expect Defended: a share
expect Follow-up 2 of 2
expect >
send $F2\\r
expect >
send .\\r
expect Defended: someone checked
expect Saved as mock #1" TERM=dumb
expect_exit 0
if printf '%s' "$OUT" | grep -q $'\x1b\[?2004h'; then
	fail "bracketed paste turned on under TERM=dumb"
fi
check_saved 1 "TERM=dumb"

step "TERM=xterm: a bracketed paste arrives as one piece, \".\" inside it ends the answer"
paste="$P1\\r\\r$P2\\r\\r$P3\\r\\r$P4\\r.\\r"
drive xterm "expect The clock starts now
expect /3:00] >
send \\x1b[200~$paste\\x1b[201~\\r
expect Clock: 0:
expect Follow-up 1 of 2
expect >
send \\x1b[200~$F1\\r\\x1b[201~\\r
expect >
send .\\r
expect Defended: a share
expect Follow-up 2 of 2
expect >
send $F2\\r
expect >
send .\\r
expect Saved as mock #2" TERM=xterm
expect_exit 0
printf '%s' "$OUT" | grep -q $'\x1b\[?2004h' || fail "readline did not turn bracketed paste on under TERM=xterm"
check_saved 2 "TERM=xterm"

step "piped: the same answer, with the same rule"
{
	printf '%s\n\n%s\n\n%s\n\n%s\n.\n' "$P1" "$P2" "$P3" "$P4"
	printf '%s\n\n.\n%s\n.\n' "$F1" "$F2"
} >"$T/mock.txt"
run mock --seed 7 --level L6 --principle ownership <"$T/mock.txt"
expect_exit 0
expect_out 'Reading answers from standard input; each ends with a line holding only "."'
check_saved 3 "piped"

step "Ctrl-D ends an answer too; a reply with no text is not defended"
drive ctrld "expect /3:00] >
send $P1\\r
expect /3:00] >
send \\r
expect /3:00] >
send $P4\\r
expect /3:00] >
send \\x04
expect Follow-up 1 of
expect >
send \\x04
expect No answer: counted as not defended.
expect Follow-up 2 of
expect >
send \\x04
expect Saved as mock #4" TERM=dumb
expect_exit 0
sql_eq "SELECT answer LIKE '%Result: failed orders fell%' AND defended = 0 FROM mocks WHERE id = 4" 1 \
	"Ctrl-D: the answer before it saved, the follow-ups not defended"

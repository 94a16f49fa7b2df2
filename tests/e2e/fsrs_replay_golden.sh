#!/usr/bin/env bash
# drill fsrs replay: a fixed history (many interleaved cards, every rating,
# same-day and same-second reviews, a 300-review card with CRLF lines,
# comments, blank lines, years 1 and 9999, a 256-byte id, UTF-8 ids, leading
# zeros, no final newline) and its output, byte for byte, under three sets of
# options; then a file of bad lines and its exact messages. The golden files
# in tests/data/replay/ were written by the replay before issue 20 made it
# faster: the output must not change by a byte.
source "$(dirname "$0")/lib.sh" "$@"

G=$DRILL_TEST_DATA/replay

# golden NAME TZ ARGS...: replays history.tsv and compares with NAME.out.
golden() {
	local name=$1 tz=$2
	shift 2
	step "$name: TZ=$tz drill fsrs replay $*"
	RC=0
	TZ=$tz "$DRILL" fsrs replay "$@" <"$G/history.tsv" >"$T/$name.out" 2>"$T/$name.err" || RC=$?
	expect_exit 0
	[ ! -s "$T/$name.err" ] || fail "$name: stderr: $(cat "$T/$name.err")"
	cmp "$G/$name.out" "$T/$name.out" ||
		fail "$name: output differs from $G/$name.out: $(diff "$G/$name.out" "$T/$name.out" | head -5)"
}

golden default UTC
golden nosteps_fuzz UTC --no-steps --fuzz --retention 0.85 --rollover 0
golden new_york America/New_York --rollover 6

step "bad lines: the exact messages, exit 1, nothing on stdout"
RC=0
TZ=UTC "$DRILL" fsrs replay <"$G/bad.tsv" >"$T/bad.out" 2>"$T/bad.err" || RC=$?
expect_exit 1
[ ! -s "$T/bad.out" ] || fail "bad lines: wrote to stdout"
cmp "$G/bad.err" "$T/bad.err" ||
	fail "bad lines: stderr differs: $(diff "$G/bad.err" "$T/bad.err" | head -5)"

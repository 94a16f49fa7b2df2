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

step "the same output from a pipe (read into memory) as from a file (read twice in chunks)"
RC=0
cat "$G/history.tsv" | TZ=UTC "$DRILL" fsrs replay >"$T/pipe.out" || RC=$?
expect_exit 0
cmp "$G/default.out" "$T/pipe.out" || fail "pipe: output differs from the file's"

step "a UTF-8 byte-order mark is dropped, from a file and from a pipe"
printf '\357\273\277' >"$T/bom.tsv"
cat "$G/history.tsv" >>"$T/bom.tsv"
RC=0
TZ=UTC "$DRILL" fsrs replay <"$T/bom.tsv" >"$T/bom.out" || RC=$?
expect_exit 0
cmp "$G/default.out" "$T/bom.out" || fail "BOM in a file: output differs"
RC=0
cat "$T/bom.tsv" | TZ=UTC "$DRILL" fsrs replay >"$T/bom_pipe.out" || RC=$?
expect_exit 0
cmp "$G/default.out" "$T/bom_pipe.out" || fail "BOM in a pipe: output differs"

step "bad lines from a pipe: the same messages, nothing on stdout"
RC=0
cat "$G/bad.tsv" | TZ=UTC "$DRILL" fsrs replay >"$T/bad_pipe.out" 2>"$T/bad_pipe.err" || RC=$?
expect_exit 1
[ ! -s "$T/bad_pipe.out" ] || fail "bad lines from a pipe: wrote to stdout"
cmp "$G/bad.err" "$T/bad_pipe.err" || fail "bad lines from a pipe: stderr differs"

step "a bad last line after many good ones (the replay is under way when it is found): nothing on stdout"
{ for i in $(seq 1 40); do cat "$G/history.tsv"; echo; done; printf 'z\t1\t9\n'; } >"$T/late_bad.tsv"
RC=0
TZ=UTC "$DRILL" fsrs replay <"$T/late_bad.tsv" >"$T/late_bad.out" 2>"$T/late_bad.err" || RC=$?
expect_exit 1
[ ! -s "$T/late_bad.out" ] || fail "late bad line: wrote $(wc -c <"$T/late_bad.out") bytes to stdout"
grep -q '^drill fsrs replay: line [0-9]*: ' "$T/late_bad.err" || fail "late bad line: $(head -3 "$T/late_bad.err")"

if [ -w /dev/full ]; then
	step "a write error is exit 2 with a message"
	RC=0
	TZ=UTC "$DRILL" fsrs replay <"$G/history.tsv" >/dev/full 2>"$T/full.err" || RC=$?
	expect_exit 2
	grep -q '^drill fsrs replay: cannot write the output: ' "$T/full.err" || fail "write error: $(cat "$T/full.err")"
fi

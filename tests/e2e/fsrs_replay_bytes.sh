#!/usr/bin/env bash
# drill fsrs replay reads its input as bytes, not as a C string: a NUL byte
# is a bad line, and nothing after it is silently dropped.
source "$(dirname "$0")/lib.sh" "$@"

step "regression: a NUL byte made the replay stop there, keep what came before and exit 0"
printf 'a\t1700000000\t3\n\0b\t1\t9\na\t1700000100\t3\n' >"$T/nul.tsv"
run fsrs replay <"$T/nul.tsv"
expect_exit 1
expect_eq "$OUT" "" "stdout of a refused history"
expect_eq "$ERR" "drill fsrs replay: line 2: contains a NUL byte; the history must be text" "stderr"

step "a NUL byte in a comment line is part of the comment"
printf '# \0\na\t1700000000\t3\na\t1700000100\t3\n' >"$T/comment.tsv"
run fsrs replay <"$T/comment.tsv"
expect_exit 0
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" 3 "lines of output (header and two reviews)"

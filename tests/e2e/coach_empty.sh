#!/usr/bin/env bash
# drill coach on an empty answer is an error (exit 1) with a message that
# says what to do, whether the input is empty or only white space, on
# standard input or in a file. Regression: it analysed nothing and printed
# a report of findings about an answer of 0 words, exit 0.
source "$(dirname "$0")/lib.sh" "$@"

export DRILL_DECKS=$DRILL_SOURCE_DIR/decks
msg="drill coach: the answer is empty; type or pipe a STAR answer (or give a file: drill coach FILE)"

step "nothing on standard input"
run coach </dev/null
expect_exit 1
expect_eq "$ERR" "$msg" "stderr"
expect_eq "$OUT" "" "stdout"

step "only white space on standard input, also with - and --json"
run_in "  \n\t\n\r\n   " coach
expect_exit 1
expect_eq "$ERR" "$msg" "stderr"
expect_eq "$OUT" "" "stdout"
run_in "\n\n" coach - --json
expect_exit 1
expect_eq "$ERR" "$msg" "stderr"
expect_eq "$OUT" "" "stdout"

step "an empty file, and one of blank lines"
: >"$T/empty.txt"
run coach "$T/empty.txt"
expect_exit 1
expect_eq "$ERR" "drill coach: the answer in $T/empty.txt is empty; write a STAR answer in it" "stderr"
printf '\n \n\t\n' >"$T/blank.txt"
run coach --level L7 "$T/blank.txt"
expect_exit 1
expect_err "the answer in $T/blank.txt is empty"

step "with --question too"
run coach --question mock-customer-impact </dev/null
expect_exit 1
expect_eq "$ERR" "$msg" "stderr"

step "one word is an answer (too short, but analysed)"
run_in "Result." coach
expect_exit 0
expect_out "too_short"

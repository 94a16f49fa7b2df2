#!/usr/bin/env bash
# Key points written as amount conditions (point: label => money >= $10M)
# are checked against every figure of the answer, read by the amount
# reader: the bundled mock deck's "strategic impact above $10M" is covered
# by "$42 million" (issue 14: as a pattern it was not), not by "$9.5M".
# A deck whose condition cannot be read is refused with file:line:col.
source "$(dirname "$0")/lib.sh" "$@"
export DRILL_DECKS=$DRILL_SOURCE_DIR/decks

step "\$42 million covers strategic impact above \$10M"
cat >"$T/big.txt" <<'ANSWER'
Situation: six business units each ran their own checkout for 30 million customers.
Task: I owned one checkout for every unit.
Action: I led four teams and we built one platform that other divisions adopted.
Result: revenue grew by $42 million a year, measured against a holdout.
ANSWER
run coach --question mock-co-platform-l7 --level L7 "$T/big.txt"
expect_exit 0
expect_out "[x] strategic impact above \$10M"
expect_no_out "no figure of the answer meets"

step "\$9.5M does not, and the finding says which condition"
sed 's/\$42 million/$9.5M/' "$T/big.txt" >"$T/small.txt"
run coach --question mock-co-platform-l7 --level L7 "$T/small.txt"
expect_exit 0
expect_out "[ ] strategic impact above \$10M"
expect_out "Key point not covered: strategic impact above \$10M (no figure of the answer meets money >= \$10M)."
run coach --question mock-co-platform-l7 --level L7 --json "$T/small.txt"
expect_exit 0
printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.load(sys.stdin)
pts = {p["label"]: p["covered"] for p in d["points"]}
assert pts["strategic impact above $10M"] is False, pts
' || fail "JSON points: $OUT"

step "a condition that cannot be read is a deck error with its line and column"
mkdir -p "$T/decks"
cat >"$T/decks/bad.deck" <<'DECK'
deck: Bad points

id: bad-open
type: open
prompt: Tell me about your biggest result.
point: big money => dollars >= $10M
point: a share => percent >= lots
DECK
run import --check "$T/decks/bad.deck"
expect_exit 1
expect_err "bad.deck:6:21: error: point condition: an amount condition starts with money, percent or count, not \"dollars\""
expect_err "bad.deck:7:30: error: point condition: cannot read \"lots\" as a percent"

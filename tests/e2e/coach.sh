#!/usr/bin/env bash
# drill coach and drill mock end to end: a corpus answer analysed as text
# and as JSON, the exit statuses, a question's key points, and a piped
# mock interview whose scorecard lands in the database and in --history.
source "$(dirname "$0")/lib.sh" "$@"

export DRILL_DECKS=$DRILL_SOURCE_DIR/decks
CORPUS=$DRILL_TEST_DATA/coach

# answer FILE: the answer of a corpus file, without its header.
answer() {
	sed '1,/^---$/d' "$CORPUS/$1"
}

answer l6-weak-round.txt >"$T/weak.txt"
answer l6-strong-checkout.txt >"$T/strong.txt"
answer l7-round-up-to.txt >"$T/l7.txt"

step "coach --help"
run coach --help
expect_exit 0
expect_out "usage: drill coach"

step "a weak L6 answer, as text"
run coach "$T/weak.txt"
expect_exit 0
expect_out "L6 answer: 45 words"
expect_out 'round_number     "$2M"'
expect_out "no_attribution"
expect_out "Follow-ups to prepare for:"
expect_out "Walk me through your impact calculation"
expect_no_out "overreach"
no_escapes "$OUT" "coach output"

step "the same answer on standard input"
run coach - <"$T/weak.txt"
expect_exit 0
expect_out 'round_number     "$2M"'

step "a strong answer has no findings"
run coach "$T/strong.txt"
expect_exit 0
expect_out "No findings."

step "JSON, validated and read back"
run coach --json --level L7 "$T/l7.txt"
expect_exit 0
printf '%s' "$OUT" >"$T/out.json"
python3 -m json.tool "$T/out.json" >/dev/null || fail "coach --json is not valid JSON"
python3 - "$T/out.json" <<'PY' || fail "coach --json has the wrong shape"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["level"] == "L7", d["level"]
assert isinstance(d["words"], int) and d["words"] > 0
assert abs(d["minutes"] - d["words"] / 150) < 0.01
assert set(d["star"]) == {"situation", "task", "action", "result"}
assert all(isinstance(v, bool) for v in d["star"].values())
kinds = [f["kind"] for f in d["findings"]]
for k in ("round_number", "up_to", "no_method", "no_attribution", "too_short"):
    assert k in kinds, (k, kinds)
assert "overreach" not in kinds and "undersell" not in kinds, kinds
for f in d["findings"]:
    assert set(f) >= {"kind", "quote", "message"}, f
    assert f["message"]
up = [f for f in d["findings"] if f["kind"] == "up_to"]
assert up[0]["quote"] == "up to $50M", up
assert 1 <= len(d["followups"]) <= 3
PY

step "a question's key points"
run coach --question mock-customer-impact --level L6 "$T/weak.txt"
expect_exit 0
expect_out "Question (mock-customer-impact)"
expect_out "Key points: 0 of 5 covered"
expect_out "missing_point"

step "exit statuses"
run coach --level L8 "$T/weak.txt"
expect_exit 1
expect_err "--level is L6 or L7"
run coach --frobnicate "$T/weak.txt"
expect_exit 1
run coach "$T/weak.txt" "$T/strong.txt"
expect_exit 1
run coach --question no-such-card "$T/weak.txt"
expect_exit 1
expect_err 'no open card "no-such-card"'
run coach "$T/does-not-exist.txt"
expect_exit 2
expect_err "cannot read"

step "a piped mock interview"
{
	cat "$T/weak.txt"
	echo .
	echo "The team did most of it, I think."
	echo .
	echo "We compared failed orders before and after: 1,850 orders a month at \$92, so 1,850 × \$92 × 12 = \$2.04M a year."
	echo .
	echo "Our finance team validated the figure."
} >"$T/mock.txt"
run mock --seed 7 --level L6 --principle ownership <"$T/mock.txt"
expect_exit 0
expect_out "Mock interview: L6, Ownership (mock-ownership-outage-l6)"
expect_out "Follow-up 1 of 3: How do you know you can attribute"
expect_out "Not defended"
expect_out "Scorecard: "
expect_out "defense        6/10  2 of 3 follow-ups"
sql_eq "SELECT level, card_id, asked, defended, words FROM mocks" "L6|mock-ownership-outage-l6|3|2|45"
sql_eq "SELECT count(*) FROM mock_findings WHERE round = 0 AND kind = 'round_number' AND quote = '\$2M'" "1"
score=$(sql "SELECT score FROM mocks")
expect_out "Scorecard: $score/100"

step "mock --history"
run mock --history
expect_exit 0
expect_out "#1"
expect_out "mock-ownership-outage-l6"
expect_out "round_number     in 1 of 1 mocks"

step "a mock with no answer saves nothing"
run mock --seed 7 --level L7 </dev/null
expect_exit 1
expect_out "No answer given; nothing saved."
sql_eq "SELECT count(*) FROM mocks" "1"

step "an answer over 1 MB is refused, by coach and by mock"
# Regression: the analysis was quadratic, so a long answer ran for minutes.
python3 - "$T" <<'PY'
import sys
t = sys.argv[1]
star = open(t + "/strong.txt").read()
big = (star * 800)[:1468006]  # 1.4 MB
open(t + "/big.txt", "w").write(big)
open(t + "/max.txt", "w").write((star * 800)[:1 << 20])  # exactly 1 MB
open(t + "/mock-big.txt", "w").write(big + "\n.\n")
open(t + "/mock-big-followup.txt", "w").write(star + "\n.\n" + big + "\n.\n")
PY
run coach "$T/big.txt"
expect_exit 1
expect_err "drill coach: the answer is 1.4 MB; the most drill reads is 1 MB: shorten it"
expect_eq "$OUT" "" "coach stdout for an answer over 1 MB"
run coach - <"$T/big.txt"
expect_exit 1
expect_err "drill coach: the answer is 1.4 MB; the most drill reads is 1 MB"
run coach "$T/max.txt"
expect_exit 0
expect_out "L6 answer: "
printf x >>"$T/max.txt"
run coach - <"$T/max.txt"
expect_exit 1
expect_err "drill coach: the answer is 1048577 bytes; the most drill reads is 1 MB (1048576 bytes)"
run mock --seed 7 --level L6 --principle ownership <"$T/mock-big.txt"
expect_exit 1
expect_err "drill mock: the answer is 1.4 MB; the most drill reads is 1 MB"
expect_out "Nothing saved."
run mock --seed 7 --level L6 --principle ownership <"$T/mock-big-followup.txt"
expect_exit 1
expect_err "drill mock: the answer is 1.4 MB; the most drill reads is 1 MB"
sql_eq "SELECT count(*) FROM mocks" "1"

step "no question matches"
run mock --principle "no such principle" </dev/null
expect_exit 1
expect_err "no open question"
run mock --minutes 0
expect_exit 1

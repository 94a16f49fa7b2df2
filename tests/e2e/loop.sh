#!/usr/bin/env bash
# drill loop end to end (docs/stories.md) on tests/data/stories: the text
# tables, the JSON shape (every story shows the principle it is told for,
# none twice, names canonical, uncovered and suggestion consistent), a
# forced --principles list, more slots than principles, the level's
# stressed principles, a missing and a broken folder, and bad arguments
# (a "drill loop: " line on stderr, nothing on stdout, exit 1). No command
# here writes a database.
source "$(dirname "$0")/lib.sh" "$@"

S=$T/stories
mkdir -p "$S"
cp "$DRILL_TEST_DATA"/stories/*.story "$S/"
export DRILL_STORIES=$S

run story list --json
expect_exit 0
printf '%s' "$OUT" >"$T/list.json"

# check_plan FILE N K [LIST]: the JSON plan's shape and rules.
check_plan() {
	python3 - "$T/list.json" "$@" <<'EOF' || fail "loop --json: $(cat "$2")"
import json, sys
bank = {s["id"]: s for s in json.load(open(sys.argv[1]))["stories"]}
d = json.load(open(sys.argv[2]))
n, k = int(sys.argv[3]), int(sys.argv[4])
listed = sys.argv[5].split("|") if len(sys.argv) > 5 else None
names = {p for s in bank.values() for p in s["principles"]}
assert list(d) == ["interviewers", "uncovered", "suggestion"], list(d)
assert len(d["interviewers"]) == n, d
told, asked, open_ = [], [], []
for iv in d["interviewers"]:
    assert list(iv) == ["principles", "stories"], iv
    assert len(iv["principles"]) == len(iv["stories"]) <= k, iv
    if listed is None:
        assert len(iv["principles"]) == k, iv
    assert len(set(iv["principles"])) == len(iv["principles"]), iv
    for p, s in zip(iv["principles"], iv["stories"]):
        asked.append(p)
        if s is None:
            if p not in open_:
                open_.append(p)
            continue
        assert p in bank[s]["principles"], (p, s)
        told.append(s)
assert len(told) == len(set(told)), "a story told twice: %s" % told
if listed is not None:
    assert sorted(asked) == sorted(listed), (asked, listed)
elif n * k <= 16:
    assert len(set(asked)) == len(asked), asked
assert sorted(d["uncovered"]) == sorted(open_), (d["uncovered"], open_)
if open_:
    assert d["suggestion"] in open_, d["suggestion"]
else:
    assert d["suggestion"] is None, d["suggestion"]
print(len(told))
EOF
}

step "loop --help"
run loop --help
expect_exit 0
expect_out "usage: drill loop [--interviewers N]"

step "the default loop: 5 interviewers x 2 at the bank's level (L6), as a table"
run loop
expect_exit 0
expect_out "Loop: 5 interviewers, 2 principles each, at L6."
expect_out "Interviewer 5"
expect_out "  Deliver Results                  checkout-latency    no       0"
expect_out "  Ownership                        incident-reviews    yes      2"
expect_out "6 of 10 principles covered, no story told twice."
expect_out "The 6 stories chosen have 4 coach findings (drill story check); 3 fit L6."
expect_out "Write next: a story that shows Insist on the Highest Standards (none of yours does)."
[ "$(count '(no story)' "$OUT")" = 4 ] || fail "four principles without a story: $OUT"
[ -z "$ERR" ] || fail "stderr: $ERR"

step "--json: the shape, no story twice, each story shows its principle"
run loop --json
expect_exit 0
printf '%s' "$OUT" >"$T/plan.json"
expect_eq "$(check_plan "$T/plan.json" 5 2)" 6 "stories told"
expect_out '"suggestion": "Insist on the Highest Standards"'

step "--principles: exactly those, spread in turn; a name with its own ';'"
run loop --json --interviewers 2 --per-interviewer 2 \
	--principles "earn trust; DD; Have Backbone; Disagree and Commit"
expect_exit 0
printf '%s' "$OUT" >"$T/forced.json"
expect_eq "$(check_plan "$T/forced.json" 2 2 "Earn Trust|Dive Deep|Have Backbone; Disagree and Commit")" 3 \
	"stories told"
python3 - "$T/forced.json" <<'EOF' || fail "forced list: $OUT"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["interviewers"][0]["principles"] == ["Earn Trust", "Have Backbone; Disagree and Commit"], d
assert d["interviewers"][1]["principles"] == ["Dive Deep"], d
assert d["interviewers"][0]["stories"][1] == "marketplace-launch", d
assert d["uncovered"] == [] and d["suggestion"] is None, d
EOF

step "--principles: findings first; a story that fits only when they tie"
# Earn Trust: checkout-latency (L7, no findings) or incident-reviews (fits L6, 2 findings)
run loop --json --interviewers 1 --per-interviewer 1 --principles "Earn Trust"
expect_exit 0
expect_out '"checkout-latency"'
# Invent and Simplify: payment-retries and build-costs both fit L6 with no finding: the earlier
run loop --json --interviewers 1 --per-interviewer 1 --principles "IAS" --level L6
expect_exit 0
expect_out '"payment-retries"'

step "--principles longer than the bank can cover: the rest uncovered, with a suggestion"
run loop --json --interviewers 3 --per-interviewer 2 \
	--principles "Think Big; Are Right, A Lot; Have Backbone; Frugality; Learn and Be Curious"
expect_exit 0
printf '%s' "$OUT" >"$T/short.json"
expect_eq "$(check_plan "$T/short.json" 3 2 "Think Big|Are Right, A Lot|Have Backbone; Disagree and Commit|Frugality|Learn and Be Curious")" 2 \
	"stories told"
expect_out '"suggestion": "Learn and Be Curious"'
run loop --interviewers 3 --per-interviewer 2 \
	--principles "Think Big; Are Right, A Lot; Have Backbone; Frugality; Learn and Be Curious"
expect_exit 0
expect_out "Loop: 3 interviewers, the principles you listed, at L6."
expect_out "No story left for:"
expect_out "Write next: a story that shows Learn and Be Curious (none of yours does)."
expect_out "2 of 5 principles covered, no story told twice."

step "a list shorter than the interviewers: those left ask nothing"
run loop --json --interviewers 2 --principles "Frugality"
expect_exit 0
printf '%s' "$OUT" >"$T/one.json"
expect_eq "$(check_plan "$T/one.json" 2 2 "Frugality")" 1 "stories told"
expect_out '"principles": [],'
run loop --interviewers 2 --principles "Frugality"
expect_exit 0
expect_out "  (nothing to ask: your list has fewer principles than the interviewers)"
expect_out "1 of 1 principle covered."

step "10 interviewers x 4: more slots than principles, still no story twice"
run loop --json --interviewers 10 --per-interviewer 4
expect_exit 0
printf '%s' "$OUT" >"$T/big.json"
expect_eq "$(check_plan "$T/big.json" 10 4)" 6 "stories told"
python3 - "$T/big.json" <<'EOF' || fail "10 x 4: $OUT"
import json, sys, collections
d = json.load(open(sys.argv[1]))
c = collections.Counter(p for iv in d["interviewers"] for p in iv["principles"])
assert len(c) == 16 and set(c.values()) == {2, 3} and list(c.values()).count(3) == 8, c
EOF

step "--level L7: the principles stressed at L7 first, after the fewest findings"
# Ownership and Hire and Develop the Best (stressed 2nd and 4th at L7) have
# only stories with findings, so stories without any cover the principles
# stressed next.
run loop --json --level L7 --interviewers 4 --per-interviewer 1
expect_exit 0
printf '%s' "$OUT" >"$T/l7.json"
expect_eq "$(check_plan "$T/l7.json" 4 1)" 4 "stories told"
python3 - "$T/l7.json" <<'EOF' || fail "L7: $OUT"
import json, sys
d = json.load(open(sys.argv[1]))
asked = [iv["principles"][0] for iv in d["interviewers"]]
assert asked == ["Think Big", "Deliver Results", "Invent and Simplify", "Customer Obsession"], asked
EOF
run loop --level l7 --interviewers 1 --per-interviewer 1
expect_exit 0
expect_out "  Think Big     marketplace-launch  yes      0"

step "no folder yet: what to prepare, nothing covered"
run loop --stories "$T/none" --interviewers 2 --per-interviewer 1
expect_exit 0
expect_out "No stories in $T/none yet: drill story new writes one."
expect_out "0 of 2 principles covered."
expect_out "Write next: a story that shows Think Big (none of yours does)."
run loop --stories "$T/none" --json --interviewers 1 --per-interviewer 1
expect_exit 0
expect_out '"suggestion": "Think Big"'

step "a folder with an error: every problem, then exit 1 and no plan"
mkdir -p "$T/broken"
printf 'id: x\ntitle: t\nlevel: L9\nprinciples: DD\nsituation: s\ntask: t\naction: a\nresult: r\n' \
	>"$T/broken/a.story"
run loop --stories "$T/broken"
expect_exit 1
expect_err "drill loop: $T/broken/a.story:3: error: level \"L9\" must be L6 or L7"
expect_err "drill loop: the stories in $T/broken were not loaded"
expect_eq "$OUT" "" "stdout"

step "bad arguments: one clear line each, exit 1, nothing on stdout"
bad() {
	local want=$1
	shift
	run loop "$@"
	expect_exit 1
	expect_err "$want"
	expect_eq "$OUT" "" "stdout of loop $*"
	case "$ERR" in
	"drill loop: "*) ;;
	*) fail "stderr does not start with 'drill loop: ': $ERR" ;;
	esac
}
bad '--interviewers is a whole number from 1 to 10 (a loop has 4 to 6), not "0"' --interviewers 0
bad '--interviewers is a whole number from 1 to 10 (a loop has 4 to 6), not "11"' --interviewers 11
bad '--interviewers is a whole number from 1 to 10 (a loop has 4 to 6), not "5x"' --interviewers 5x
bad '--per-interviewer is a whole number from 1 to 4 (an interviewer asks 2 or 3), not "5"' \
	--per-interviewer 5
bad "--principles: unknown leadership principle 'Dive Deeper': did you mean 'Dive Deep'?" \
	--principles "Ownership; Dive Deeper"
bad "--principles: leadership principle 'Dive Deep' is named twice; name it once" \
	--principles "DD; Dive Deep"
bad "--principles: no principle named" --principles " ; "
bad "--principles names 3 principles but the loop asks 2 (1 x 2): raise --interviewers" \
	--interviewers 1 --per-interviewer 2 --principles "DD; ET; CO"
bad '--level is L6 or L7, not "L8"' --level L8
bad 'unexpected argument "now"' now

step "drill loop reads; it never makes a database"
[ ! -e "$DRILL_DB" ] || fail "drill loop made $DRILL_DB"

#!/usr/bin/env bash
# drill packet end to end (docs/stories.md, "drill packet"): the Markdown
# of the sample folder against a golden file at a fixed clock and HC date;
# the JSON shape and that it holds the same content; the timeline left out
# without --hc; an HC date in the past (allowed, and said); a bad date, no
# folder, an empty folder and a folder with errors; --out writing the whole
# file or nothing (a write that fails part-way leaves the old file as it
# was and no temporary file), keeping an existing file's permissions; and
# no database made.
source "$(dirname "$0")/lib.sh" "$@"

export DRILL_NOW=2026-11-26T09:00:00Z
GOLDEN=$DRILL_TEST_DATA/packet/golden.md
cd "$T"
cp -r "$DRILL_TEST_DATA/stories" stories

step "packet --help"
run packet --help
expect_exit 0
expect_out "usage: drill packet [--hc DATE] [--out FILE] [--json] [--stories DIR]"

step "the Markdown packet matches the golden file"
run packet --stories stories --hc 2027-06-01
expect_exit 0
expect_eq "$ERR" "" "stderr"
printf '%s\n' "$OUT" >"$T/packet.md"
expect_same_file "$GOLDEN" "$T/packet.md"
[ ! -e "$DRILL_DB" ] || fail "drill packet made a database"

step "--json: the shape, and the same content as the Markdown"
run packet --stories stories --hc 2027-06-01 --json
expect_exit 0
printf '%s' "$OUT" >"$T/packet.json"
python3 - "$T/packet.json" "$T/packet.md" <<'EOF' || fail "packet --json"
import json, sys
d = json.load(open(sys.argv[1]))
md = open(sys.argv[2]).read()
assert set(d) == {"date", "stories_dir", "stories", "impact_table", "three_p", "endorsements",
                  "principles", "narrative", "slides", "hc", "timeline", "gaps"}, sorted(d)
assert d["date"] == "2026-11-26" and d["stories"] == 6
t = d["impact_table"]
assert [r["story"] for r in t["rows"]] == ["checkout-latency", "payment-retries",
    "marketplace-launch", "build-costs", "incident-reviews"], t["rows"]
for r in t["rows"]:
    assert set(r) == {"story", "title", "baseline", "after", "net_annual", "method", "source"}, r
    assert r["title"] in md and r["after"] in md
    if r["baseline"] is not None:
        assert r["baseline"] in md
assert abs(t["total"] - sum(r["net_annual"] for r in t["rows"])) < 1e-3
assert abs(t["total"] - 30477600) < 1e-3
assert t["without_impact"] == ["tech-lead-program"]
p = d["three_p"]
assert set(p) == {"performance", "product_impact", "peer_advocacy"}
assert [k["text"] for k in p["performance"]] == ["conversion rate: 2.3% → 3.1%",
    "abandonment rate: 22% → 20.5%", "monthly cost: $410K → $265K"], p["performance"]
for k in p["performance"]:
    assert set(k) == {"story", "measure", "kind", "before", "after", "text"}, k
assert p["product_impact"]["total"] == t["total"]
assert p["product_impact"]["largest"] == "checkout-latency"
assert p["product_impact"]["largest_band"] == "l7"
assert p["peer_advocacy"] == {"endorsements": 3, "with_metric": 1, "target": 2, "met": False}
e = d["endorsements"]
assert set(e) == {"count", "with_metric", "target", "items"}
assert (e["count"], e["with_metric"], e["target"]) == (3, 1, 2)
assert e["items"][0] == {"story": "checkout-latency", "name": "Dana Ito",
                         "title": "Director of Payments", "metric": "$17.5M a year"}, e["items"]
assert [i["metric"] for i in e["items"][1:]] == [None, None]
pr = d["principles"]
assert pr["target"] == 3
assert pr["consistent"] == [{"name": "Dive Deep",
    "stories": ["checkout-latency", "payment-retries", "incident-reviews"]}], pr
assert [x["name"] for x in pr["one_short"]] == ["Customer Obsession", "Ownership",
    "Invent and Simplify", "Earn Trust"]
n = d["narrative"]
assert n["story"] == "checkout-latency" and n["text"] in md
assert list(n["slots"]) == ["identified", "built", "delivered", "realised", "unlocked"]
holes = [k for k, v in n["slots"].items() if v["placeholder"]]
assert holes == ["built", "unlocked"], holes
assert all(n["slots"][k]["text"].startswith("[…") for k in holes)
assert [s["title"] for s in d["slides"]] == ["Problem and market size",
    "Execution and KPI delta", "Financial impact and strategic unlock"]
for s in d["slides"]:
    for pt in s["points"]:
        assert set(pt) == {"text", "from", "placeholder"} and pt["text"] in md, pt
assert d["hc"] == {"date": "2027-06-01", "days_away": 187, "latest_safe_start": "2027-02-01",
                   "phase": "before", "window": None,
                   "status": "Data gathering starts in 12 days."}, d["hc"]
assert d["timeline"] == [
    {"step": "Data gathering", "start": "2026-12-08", "end": "2027-04-07", "days": 120},
    {"step": "Packet review by the product leader", "start": "2027-04-07",
     "end": "2027-05-07", "days": 30},
    {"step": "Peer-advocacy signatures", "start": "2027-05-07", "end": "2027-05-22", "days": 15},
    {"step": "Debrief rehearsal", "start": "2027-05-22", "end": "2027-06-01", "days": 10},
], d["timeline"]
for s in d["timeline"]:
    assert f"| {s['step']} | {s['start']} | {s['end']} | {s['days']} |" in md, s
assert [g["section"] for g in d["gaps"]] == ["endorsements", "endorsements", "endorsements",
    "impact_table", "narrative", "narrative", "slides"], d["gaps"]
for i, g in enumerate(d["gaps"], 1):
    assert f"{i}. {g['message']}\n" in md, g
EOF

step "without --hc the timeline is left out and listed as a gap"
run packet --stories stories
expect_exit 0
expect_no_out "## Timeline"
expect_out "No HC date: run drill packet --hc YYYY-MM-DD for the dated timeline."
run packet --stories stories --json
expect_exit 0
[ "$(printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["timeline"], d["hc"], d["gaps"][4]["section"])')" = "None None timeline" ] ||
	fail "packet --json without --hc: $OUT"

step "an HC date in the past is allowed, and said"
run packet --stories stories --hc 2026-06-01
expect_exit 0
expect_err "drill packet: the HC date 2026-06-01 is 178 days before today (2026-11-26): the timeline is in the past"
expect_out "| Data gathering | 2025-12-08 | 2026-04-07 | 120 |"
expect_out "This HC date is 178 days in the past."
expect_out "The HC date 2026-06-01 is 178 days before today (2026-11-26): give the date of the next HC meeting."

step "an HC date too close: past the latest safe start"
run packet --stories stories --hc 2027-01-15
expect_exit 0
expect_out 'Today falls in the window "Packet review by the product leader", which closes on 2026-12-21, in 25 days.'
expect_out "HC is 50 days away, past the latest safe start (2026-09-17, 120 days before HC)"

step "a bad date"
for bad in 2027-02-30 2027-6-1 tomorrow 1850-01-01; do
	run packet --stories stories --hc "$bad"
	expect_exit 1
	expect_err "drill packet: --hc \"$bad\""
	expect_eq "$OUT" "" "stdout for --hc $bad"
done
run packet --stories stories --hc 2027-02-30
expect_err 'drill packet: --hc "2027-02-30": February 2027 has 28 days'

step "no stories: no folder, an empty folder"
run packet --stories "$T/nowhere"
expect_exit 1
expect_err "drill packet: there is no story folder at $T/nowhere"
mkdir "$T/empty"
run packet --stories "$T/empty"
expect_exit 1
expect_err "drill packet: no stories in $T/empty: write one with drill story new"

step "a folder with errors is not read"
mkdir "$T/bad"
cp "$DRILL_TEST_DATA/stories-bad/broken.story" "$T/bad/"
run packet --stories "$T/bad"
expect_exit 1
expect_err "broken.story:"
expect_err "were not loaded"
expect_eq "$OUT" "" "stdout with a broken folder"

step "--out writes the packet whole, with the folder's stories"
run packet --stories stories --hc 2027-06-01 --out "$T/out.md"
expect_exit 0
expect_out "Wrote the packet to $T/out.md: 7 gaps to close."
expect_same_file "$GOLDEN" "$T/out.md"
run packet --stories stories --hc 2027-06-01 --json --out "$T/out.json"
expect_exit 0
cmp -s "$T/out.json" "$T/packet.json" || python3 -c 'import json,sys; assert json.load(open(sys.argv[1])) == json.load(open(sys.argv[2]))' "$T/out.json" "$T/packet.json" ||
	fail "--json --out differs from --json"

step "--out over an existing file keeps its permissions"
chmod 600 "$T/out.md"
run packet --stories stories --out "$T/out.md"
expect_exit 0
expect_eq "$(stat -c %a "$T/out.md")" 600 "permissions of the replaced file"
grep -q "No HC date" "$T/out.md" || fail "--out did not replace the file"

step "a write that fails part-way leaves the old file and no temporary file"
printf 'the old packet\n' >"$T/keep.md"
# a 1 KB file-size limit, with SIGXFSZ ignored so that write() fails with EFBIG
RC=0
(trap '' XFSZ; ulimit -f 1; exec "$DRILL" packet --stories stories --hc 2027-06-01 --out "$T/keep.md") \
	>"$T/.out" 2>"$T/.err" || RC=$?
OUT=$(cat "$T/.out")
ERR=$(cat "$T/.err")
e2e_check_sanitizer "$ERR"
expect_exit 2
expect_err "drill packet: cannot write $T/keep.md:"
expect_err "(nothing was written)"
expect_eq "$(cat "$T/keep.md")" "the old packet" "the file after a failed write"
left=$(find "$T" -maxdepth 1 -name 'keep.md.tmp-*' | wc -l)
expect_eq "$left" 0 "temporary files left behind"

step "--out into a folder that does not exist"
run packet --stories stories --out "$T/no/such/dir/p.md"
expect_exit 2
expect_err "drill packet: cannot write $T/no/such/dir/p.md: No such file or directory (nothing was written)"

step "bad arguments"
run packet --stories stories extra
expect_exit 1
expect_err 'drill packet: unexpected argument "extra"'
run packet --stories stories --out ""
expect_exit 1
expect_err "drill packet: --out needs a file name"

step "drill --help lists packet"
run --help
expect_out "packet"

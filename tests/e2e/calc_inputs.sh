#!/usr/bin/env bash
# drill calc reads a percent without a % sign one way only: above 1 it is
# a percent (attribution=70 is 70%), up to 1 a fraction (attribution=0.8 is
# 80%), and a fraction is never taken silently: stderr says how it was
# read. Regression: attribution=0.8 was read as 0.8% and attribution=1 as
# 1%, so name=value pairs built from the JSON "inputs" (fractions) gave
# another result. Round trip: for every method of drill calc --list --json,
# a calculation with typical values, run again with name=value pairs built
# from its JSON inputs, gives the same JSON.
source "$(dirname "$0")/lib.sh" "$@"

step "a bare number up to 1 is a fraction, and stderr says so"
run calc market markets=8 revenue_per_market=12M attribution=0.8 penetration=65%
expect_exit 0
expect_eq "$ERR" "drill calc: attribution 0.8 → 80%, read as a fraction" "stderr"
expect_out "attribution         80%"
expect_out "attribution band    strong (80%)"
expect_out "annual impact       \$49.9M"

step "a bare number above 1 is a percent, with nothing on stderr"
run calc market markets=8 revenue_per_market=12M attribution=70 penetration=65%
expect_exit 0
expect_eq "$ERR" "" "stderr"
expect_out "attribution band    strong (70%)"
run calc conversion traffic=150K before=2.3 after=3.1 aov=65
expect_exit 0
expect_eq "$ERR" "" "stderr"
expect_out "annual impact       \$936K"

step "1 is 100%; written with its sign, 1% is 1%"
run calc platform products=4 revenue_per_product=2.5M attribution=1
expect_exit 0
expect_eq "$ERR" "drill calc: attribution 1 → 100%, read as a fraction" "stderr"
expect_out "annual impact       \$10M"
run calc platform products=4 revenue_per_product=2.5M attribution=1%
expect_exit 0
expect_eq "$ERR" "" "stderr"
expect_out "annual impact       \$100K"

step "the note goes to stderr with --json too; stdout stays JSON"
run calc conversion traffic=150K before=0.023 after=0.031 aov=65 --json
expect_exit 0
expect_eq "$ERR" "drill calc: before 0.023 → 2.3%, read as a fraction
drill calc: after 0.031 → 3.1%, read as a fraction" "stderr"
printf '%s\n' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["annual"] == 936000, d' ||
	fail "JSON of a calc with fractions"

step "round trip: every method, name=value pairs from the JSON inputs"
# Typical values, written the way people type them. A method missing here
# fails the test: add it.
declare -A typical=(
	[conversion]="traffic=150K before=2.3% after=3.1% aov=\$65 attribution=75%"
	[funnel]="starts=40K abandon_before=70% abandon_after=62% aov=\$80 attribution=60%"
	[platform]="products=4 revenue_per_product=\$2.5M attribution=40%"
	[market]="markets=8 revenue_per_market=\$12M attribution=75% penetration=65%"
	[churn]="at_risk=2,400 annual_value=\$18K churn_share=40% retention=55% attribution=70%"
	[recovery]="traffic=80K conversion=2.5% aov=\$70"
	[downtime]="uptime_before=99.2% uptime_after=99.8% cost_per_hour=\$850K attribution=80%"
	[cloud]="cost_before=\$180K cost_after=\$125K attribution=90%"
	[labor]="hours=24 occurrences=52 rate=\$150"
	[nps]="points=8 value_per_point=\$12 customers=50K attribution=50%"
	[retention]="customers=20K retention_before=82% retention_after=87% lifetime_value=\$4,500"
	[cycle_time]="team_cost=\$6M before=6 after=4"
	[productivity]="engineers=340 loaded_cost=\$220K improvement=43% maintenance=\$2.1M"
	[opportunity]="market_size=\$400M share=3% attribution=60%"
	[licensing]="cost_before=\$1.2M cost_after=\$700K"
	[error_reduction]="cost_per_incident=\$45K incidents_prevented=30 attribution=80%"
	[time_to_market]="revenue_opportunity=\$20M time_advantage=15%"
	[referral]="referrals=1,200 cac_savings=\$350"
	[ab_test]="traffic=500K control=3.2% variant=3.6% value=\$90"
	[automation]="process_cost=\$400 efficiency=85% volume=12K"
	[total]="part1=\$187K part2=\$145K part3=\$380K"
	[yearly_average]="total=\$9M years=3"
)
run calc --list --json
expect_exit 0
printf '%s\n' "$OUT" >"$T/list.json"
methods=$(python3 -c 'import json,sys; print(" ".join(m["name"] for m in json.load(open(sys.argv[1]))["methods"]))' "$T/list.json")
[ -n "$methods" ] || fail "no methods in calc --list --json"
nmethods=0
for m in $methods; do
	[ -n "${typical[$m]:-}" ] || fail "no typical values for method $m: add them to this test"
	# shellcheck disable=SC2086 # the values are words on purpose
	run calc "$m" ${typical[$m]} --json
	expect_exit 0
	expect_eq "$ERR" "" "stderr of calc $m with typical values"
	printf '%s\n' "$OUT" >"$T/$m.1.json"
	# name=value from "inputs", numbers written as JSON wrote them.
	mapfile -t pairs < <(python3 - "$T/$m.1.json" "$T/list.json" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]), parse_float=str, parse_int=str)
for name, value in run["inputs"].items():
    print(f"{name}={value}")
PY
)
	[ ${#pairs[@]} -gt 0 ] || fail "no inputs in the JSON of calc $m"
	run calc "$m" "${pairs[@]}" --json
	expect_exit 0
	printf '%s\n' "$OUT" >"$T/$m.2.json"
	a1=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["annual"])' "$T/$m.1.json")
	a2=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["annual"])' "$T/$m.2.json")
	expect_eq "$a2" "$a1" "annual of calc $m ${pairs[*]}"
	expect_same_file "$T/$m.1.json" "$T/$m.2.json"
	# Every percent input of at most 100% came back as a fraction, and
	# stderr said so, once per such input.
	nfrac=$(python3 - "$T/$m.1.json" "$T/list.json" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
kinds = {}
for meth in json.load(open(sys.argv[2]))["methods"]:
    if meth["name"] == run["method"]:
        kinds = {i["name"]: i["kind"] for i in meth["inputs"]}
print(sum(1 for n, v in run["inputs"].items() if kinds.get(n) == "percent" and abs(v) <= 1))
PY
)
	expect_eq "$(count "read as a fraction" "$ERR")" "$nfrac" "fraction notes of calc $m ${pairs[*]}"
	nmethods=$((nmethods + 1))
done
[ $nmethods -ge 20 ] || fail "only $nmethods methods were checked"

#!/usr/bin/env bash
# drill calc and drill audit: the real binary, text and JSON, errors and
# exit codes. Neither command touches the database.
set -euo pipefail

drill=$1
here=$(cd "$(dirname "$0")" && pwd)
data=${DRILL_TEST_DATA:-$here/../data}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export DRILL_DB=$tmp/drill.db

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# run EXPECTED_STATUS CMD...: runs CMD, stdout to $tmp/out, stderr to $tmp/err.
run() {
	local want=$1 got=0
	shift
	"$@" >"$tmp/out" 2>"$tmp/err" || got=$?
	[ "$got" -eq "$want" ] || {
		cat "$tmp/out" "$tmp/err" >&2
		fail "$* exited $got, want $want"
	}
}

has() { grep -qF -- "$1" "$tmp/$2" || { cat "$tmp/$2" >&2; fail "$2 lacks: $1"; }; }
lacks() { ! grep -qF -- "$1" "$tmp/$2" || fail "$2 has: $1"; }

# json_get FILE PYTHON-EXPR: validates FILE as JSON and prints EXPR of it (d).
json_get() {
	python3 -m json.tool "$1" >/dev/null || fail "$1 is not valid JSON"
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

# --- calc, text ---
run 0 "$drill" calc conversion traffic=150K before=2.3% after=3.1% aov=65
has "150,000 × (3.1% − 2.3%) = 1,200" out
has "1,200 × \$65 = \$78K" out
has "\$78K × 12 = \$936K" out
has "annual impact       \$936K" out
has "level               below_l6" out
has "attribution band    direct (100%)" out
has "conservative claim  \$900K" out
has "attribution  100% (default)" out
[ ! -s "$tmp/err" ] || fail "calc wrote to stderr"

run 0 "$drill" calc market markets=8 revenue_per_market=12M attribution=75% penetration=65%
has "annual impact       \$46.8M" out
has "level               l7 " out
has "attribution band    strong (75%)" out
has "conservative claim  \$40M" out

run 0 "$drill" calc productivity engineers=340 loaded_cost=220K improvement=43% maintenance=2.1M
has "340 × \$220K × 43% = \$32.16M" out
has "\$32.16M − \$2.1M = \$30.06M" out
has "attribution band    none" out

run 0 "$drill" calc total labor=187K quality=145K release=380K
has "\$187K + \$145K + \$380K = \$712K" out
has "labor    \$187K" out

# --- calc, JSON ---
run 0 "$drill" calc conversion traffic=150K before=2.3% after=3.1% aov=\$65 attribution=75 --json
cp "$tmp/out" "$tmp/conv.json"
[ "$(json_get "$tmp/conv.json" 'sorted(d.keys())')" = \
  "['annual', 'attribution_band', 'conservative', 'inputs', 'level', 'method', 'steps']" ] ||
	fail "calc JSON keys"
[ "$(json_get "$tmp/conv.json" 'd["method"]')" = conversion ] || fail "method"
[ "$(json_get "$tmp/conv.json" 'd["inputs"]["before"]')" = 0.023 ] || fail "percent input as fraction"
[ "$(json_get "$tmp/conv.json" 'd["inputs"]["traffic"]')" = 150000 ] || fail "traffic"
[ "$(json_get "$tmp/conv.json" 'd["annual"]')" = 702000 ] || fail "annual"
[ "$(json_get "$tmp/conv.json" 'd["level"]')" = below_l6 ] || fail "level"
[ "$(json_get "$tmp/conv.json" 'd["attribution_band"]')" = strong ] || fail "band"
[ "$(json_get "$tmp/conv.json" 'd["conservative"]')" = 700000 ] || fail "conservative"
[ "$(json_get "$tmp/conv.json" 'len(d["steps"])')" = 4 ] || fail "steps"
[ "$(json_get "$tmp/conv.json" 'sorted(d["steps"][0].keys())')" = "['expression', 'label', 'value']" ] ||
	fail "step keys"
[ "$(json_get "$tmp/conv.json" 'd["steps"][1]["value"]')" = 78000 ] || fail "step value"

run 0 "$drill" calc labor hours=24 occurrences=52 rate=150 --json
[ "$(json_get "$tmp/out" 'd["attribution_band"]')" = None ] || fail "no attribution: null"
[ "$(json_get "$tmp/out" 'd["annual"]')" = 187200 ] || fail "labor annual"

run 0 "$drill" calc --list
has "conversion: " out
has "yearly_average: " out
has "attribution" out
run 0 "$drill" calc --list --json
[ "$(json_get "$tmp/out" 'len(d["methods"]) >= 14')" = True ] || fail "list JSON"
[ "$(json_get "$tmp/out" '[m["name"] for m in d["methods"]][0]')" = conversion ] || fail "list order"

run 0 "$drill" calc --help
has "usage: drill calc" out

# --- calc, errors: named input, the method's inputs listed, exit 1 ---
run 1 "$drill" calc conversion traffic=150K before=2.3% after=3.1%
has 'missing input "aov"' err
has "inputs of conversion:" err
has "attribution" err
[ ! -s "$tmp/out" ] || fail "error printed to stdout"

run 1 "$drill" calc conversion traffic=150K before=2.3% after=3.1% aov=65 colour=red
has 'unknown input "colour"' err
has "inputs of conversion:" err

run 1 "$drill" calc conversion traffic=150K before=2.3% after=3.1% aov=1..2M
has 'input "aov": cannot read "1..2M" as an amount' err

run 1 "$drill" calc conversion traffic=150K before=2.3% after=3.1% aov=15%
has 'cannot read "15%" as money: it is a percent' err

run 1 "$drill" calc conversion traffic=150K before=3.1% after=2.3% aov=65
has "after (2.3%) must be above before (3.1%)" err

run 1 "$drill" calc conversion traffic=150K traffic=1 before=2.3% after=3.1% aov=65
has 'input "traffic" is given twice' err

run 1 "$drill" calc convertion traffic=1
has 'unknown method "convertion"' err
has "conversion" err

run 1 "$drill" calc
has "usage:" err

run 1 "$drill" calc conversion --bogus
has 'unknown option "--bogus"' err

# --- audit ---
run 1 "$drill" audit "$data/audit/enterprise.txt"
has "wrong" out
has "the left side is \$680.8M, not \$6.8M" out
has "imprecise" out
has "4 steps: 2 ok, 1 imprecise, 1 wrong, 0 unreadable" out

run 0 "$drill" audit "$data/audit/checkout.txt"
has "3 steps: 3 ok, 0 imprecise, 0 wrong, 0 unreadable" out
lacks "wrong " out

run 0 "$drill" audit - <"$data/audit/checkout.txt"
has "3 steps: 3 ok" out
run 0 "$drill" audit <"$data/audit/checkout.txt"
has "3 steps: 3 ok" out

run 1 "$drill" audit "$data/audit/enterprise.txt" --json
cp "$tmp/out" "$tmp/audit.json"
[ "$(json_get "$tmp/audit.json" 'sorted(d["steps"][0].keys())')" = \
  "['computed', 'line', 'stated', 'status', 'text']" ] || fail "audit JSON keys"
[ "$(json_get "$tmp/audit.json" '[s["status"] for s in d["steps"]]')" = \
  "['context', 'context', 'context', 'context', 'wrong', 'imprecise', 'ok', 'ok']" ] ||
	fail "audit statuses"
[ "$(json_get "$tmp/audit.json" 'd["steps"][4]["line"]')" = 5 ] || fail "audit line"
[ "$(json_get "$tmp/audit.json" 'd["steps"][4]["stated"]')" = 6800000 ] || fail "stated"
[ "$(json_get "$tmp/audit.json" 'd["steps"][4]["computed"]')" = 680800000 ] || fail "computed"
[ "$(json_get "$tmp/audit.json" 'd["steps"][0]["computed"]')" = None ] || fail "context: null"

printf 'Monthly savings: $180K - $125K = $55K\n' >"$tmp/one.txt"
run 0 "$drill" audit "$tmp/one.txt"
has "ok" out

run 2 "$drill" audit "$tmp/does-not-exist.txt"
has "cannot read" err

run 1 "$drill" audit a b
run 0 "$drill" audit --help
has "usage: drill audit" out

# --- amounts of 1e15 (a quadrillion) and more: refused, never printed cut off ---
# Regression: "1" and 60 zeros was read as about 1e46 and results were
# printed cut off mid-digit; a run of unary minus signs crashed audit.
too_large="drill works with amounts below 1e15 (a quadrillion)"
run 1 "$drill" calc cloud cost_before=1000000000000000000 cost_after=0
has "input \"cost_before\": \"1000000000000000000\" is too large: $too_large" err
[ ! -s "$tmp/out" ] || fail "a refused input printed a result"

run 1 "$drill" calc cloud cost_before=900000000000000 cost_after=1
has "cloud: step 2 (annual savings) comes to \$1.08e+16: $too_large; check the inputs" err
[ ! -s "$tmp/out" ] || fail "a result too large was printed"

run 1 "$drill" calc total a=999999999999999 b=999999999999999
has "comes to \$2e+15: $too_large" err

run 0 "$drill" calc cloud cost_before=\$999B cost_after=0 --json
[ "$(json_get "$tmp/out" 'd["annual"]')" = 11988000000000 ] || fail "largest annual in range"

z60=000000000000000000000000000000000000000000000000000000000000
printf 'a: 1%s x 10 = 1\nb: $999B x 1,000,000 = $1\nc: 999,999,999,999,999 = 999,999,999,999,999\n' \
	"$z60" >"$tmp/huge.txt"
run 0 "$drill" audit "$tmp/huge.txt"
has "\"1000000000000000000000000000000000000...\" is too large: $too_large" out
has "the left side is \$9.99e+17, too large: $too_large" out
has "3 steps: 1 ok, 0 imprecise, 0 wrong, 2 unreadable" out
lacks "100,000,000,000" out
run 0 "$drill" audit "$tmp/huge.txt" --json
[ "$(json_get "$tmp/out" '[s["status"] for s in d["steps"]]')" = \
  "['unreadable', 'unreadable', 'ok']" ] || fail "audit of huge numbers: statuses"
[ "$(json_get "$tmp/out" 'd["steps"][2]["computed"]')" = 999999999999999 ] || fail "largest exact"

python3 -c 'print("x: " + "-" * 100000 + "1 = 1")' >"$tmp/signs.txt"
run 0 "$drill" audit "$tmp/signs.txt"
has "signs and parentheses nested too deep (32 at most)" out
has "1 step: 0 ok, 0 imprecise, 0 wrong, 1 unreadable" out

echo "calc.sh: all passed"

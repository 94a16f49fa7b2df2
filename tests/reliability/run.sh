#!/usr/bin/env bash
# Runs every reliability script on one drill binary and prints their summary
# lines (see README.md in this folder).
#
#   tests/reliability/run.sh [--long] [--strict] [--seed N] [--keep] [--only NAME,...] DRILL
#
#   --long     the long run (hundreds of kills; minutes) instead of the short CI run
#   --strict   checks of known, open bugs fail too (also DRILL_RELIABILITY_STRICT=1)
#   --seed N   seed of every random choice (default 1)
#   --keep     keep each script's scratch folder (kept anyway on a failure)
#   --only     run only these scripts: kill_session, kill_import, concurrent,
#              refused, firstrun_race
#
# Exit status: 0 when every script passed, 1 when one failed, 2 on bad usage.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
scripts=(kill_session kill_import concurrent refused firstrun_race)
opts=()
only=""
drill=""

usage() {
	sed -n '4,14p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case $1 in
	--long | --strict | --keep) opts+=("$1") ;;
	--seed)
		[ $# -ge 2 ] || usage
		opts+=(--seed "$2")
		shift
		;;
	--only)
		[ $# -ge 2 ] || usage
		only=$2
		shift
		;;
	-h | --help) usage ;;
	-*) echo "run.sh: unknown option $1" >&2 && usage ;;
	*)
		[ -z "$drill" ] || usage
		drill=$1
		;;
	esac
	shift
done
[ -n "$drill" ] || usage
if [ ! -x "$drill" ]; then
	echo "run.sh: no executable drill at $drill (build it first, e.g. make build)" >&2
	exit 2
fi

if [ -n "$only" ]; then
	IFS=, read -r -a scripts <<<"$only"
fi

failed=()
summaries=()
for s in "${scripts[@]}"; do
	if [ ! -f "$here/$s.py" ]; then
		echo "run.sh: no script $s (the scripts: kill_session kill_import concurrent refused firstrun_race)" >&2
		exit 2
	fi
	echo "== $s"
	start=$SECONDS
	out=$(python3 "$here/$s.py" "${opts[@]}" "$drill" 2>&1 | tee /dev/stderr)
	rc=${PIPESTATUS[0]}
	summaries+=("$(printf '%s\n' "$out" | grep "^$s: " | tail -1) [$((SECONDS - start)) s]")
	[ "$rc" = 0 ] || failed+=("$s")
done

echo
echo "== summary"
printf '%s\n' "${summaries[@]}"
if [ ${#failed[@]} -gt 0 ]; then
	echo "FAILED: ${failed[*]}"
	exit 1
fi
echo "all passed"

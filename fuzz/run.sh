#!/usr/bin/env bash
# Builds the fuzz targets with clang, libFuzzer, ASan and UBSan (the code
# under test instrumented too) and runs each one for a while.
#
#   bash fuzz/run.sh [BUILD_DIR [SECONDS [TARGET...]]]
#
# BUILD_DIR defaults to build-fuzz, SECONDS (per target) to 15, the targets
# to all of them. Each target starts from its committed corpus
# (fuzz/corpus/NAME) plus what earlier runs found (BUILD_DIR/fuzz-corpus/NAME,
# where new inputs go); a crash, leak, hang or sanitizer report is written
# to BUILD_DIR/fuzz-crashes/ and makes the script exit 1. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-build-fuzz}
seconds=${2:-15}
shift $(($# < 2 ? $# : 2))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(deck story amount audit coach replay answer wrap anki)

# Longest input per target: long enough for deep nesting and big decks,
# answers and amounts are a line.
max_len() {
	case $1 in
	deck | story | audit | coach) echo 200000 ;;
	replay) echo 100000 ;;
	*) echo 4096 ;;
	esac
}

# Seconds one input may take before it counts as a hang (the coach is
# linear in the answer's length: about a second for 1 MB, much less for
# what fits in -max_len).
timeout_for() {
	echo 10
}

if ! command -v clang >/dev/null 2>&1; then
	echo "fuzz: clang is missing; install it with: sh scripts/deps.sh fuzz" >&2
	exit 2
fi
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	-DDRILL_FUZZ=ON -DDRILL_TESTS=OFF >/dev/null
cmake --build "$build" -j "${JOBS:-2}" --target fuzz_all

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
printf '%-8s %10s %8s %8s %8s %s\n' target execs exec/s cov ft corpus
for t in "${targets[@]}"; do
	bin=$build/fuzz/fuzz_$t
	corpus=$build/fuzz-corpus/$t
	crashes=$build/fuzz-crashes
	log=$build/fuzz-logs/$t.log
	[ -x "$bin" ] || { echo "fuzz: no target $t" >&2; exit 2; }
	mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
	rc=0
	"$bin" -max_total_time="$seconds" -max_len="$(max_len "$t")" \
		-timeout="$(timeout_for "$t")" -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$crashes/$t-" "$corpus" "fuzz/corpus/$t" >"$log" 2>&1 || rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
	ft=$(grep -o 'ft: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
	n=$(find "$corpus" -type f | wc -l)
	printf '%-8s %10s %8s %8s %8s %s\n' "$t" "${execs:-?}" "${speed:-?}" "${cov:-?}" \
		"${ft:-?}" "$n"
	if [ "$rc" -ne 0 ]; then
		failed+=("$t")
		echo "fuzz: fuzz_$t failed (exit $rc); the end of $log:" >&2
		tail -n 40 "$log" >&2
		ls -1 "$crashes"/"$t"-* 2>/dev/null | sed 's/^/fuzz: input: /' >&2 || true
	fi
done
if [ ${#failed[@]} -gt 0 ]; then
	echo "fuzz: FAILED: ${failed[*]} (reproduce: $build/fuzz/fuzz_NAME INPUT)" >&2
fi
echo "fuzz: ${seconds}s per target"
echo "fuzz: $((${#targets[@]} - ${#failed[@]})) passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]

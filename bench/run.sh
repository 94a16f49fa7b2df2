#!/usr/bin/env bash
# Runs every benchmark and prints their figures.
#
#   bench/run.sh BUILD_DIR
#
# BUILD_DIR is configured as a Release build without sanitizers when it has
# no CMakeCache.txt yet; an existing sanitizer build is used as it is, with a
# warning (its figures include the sanitizers' overhead). Builds the
# `benchmarks` target, then runs each benchmark in turn. Add new benchmarks
# at the end, one block each.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: bench/run.sh BUILD_DIR}

if [ ! -f "$build/CMakeCache.txt" ]; then
	cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DDRILL_SANITIZE=OFF \
		-DDRILL_TESTS=OFF >/dev/null
fi
if grep -q '^DRILL_SANITIZE:BOOL=ON' "$build/CMakeCache.txt"; then
	echo "bench/run.sh: warning: $build is a sanitizer build; the figures include its overhead" >&2
fi
cmake --build "$build" --target benchmarks -j2 >/dev/null

# The study path on 100,000 cards and 1,000,000 reviews (issue #2 targets).
echo "== bench_session"
"$build/bench/bench_session" "$build/drill"

# The FSRS-6 scheduler: 1,000,000 reviews, and the same through ts-fsrs in
# Node (installed from the npm registry on first use, pinned by the lock file).
echo "== bench_fsrs"
if [ ! -d "$root/tests/fsrs/node_modules/ts-fsrs" ] && command -v npm >/dev/null; then
	(cd "$root/tests/fsrs" && npm ci --silent) || echo "bench/run.sh: npm ci failed; C figures only" >&2
fi
if [ -d "$root/tests/fsrs/node_modules/ts-fsrs" ] && command -v node >/dev/null; then
	"$build/bench/bench_fsrs"
else
	"$build/bench/bench_fsrs" --no-node
fi

# The coach on 10 KB, 100 KB and 1 MB of answer text (issue #11: linear).
echo "== bench_coach"
"$build/bench/bench_coach"
"$build/bench/bench_coach" --amount-point

# drill cards on 100,000 cards and 1,000,000 reviews (issue #10).
echo "== bench_cards"
bash "$root/bench/bench_cards.sh" "$build/drill"

# The loop planner: 40 stories x 16 principles x 8 interviewers (issue 16:
# under 100 ms), and the largest input it takes.
echo "== bench_loop"
"$build/bench/bench_loop"

# drill fsrs replay end to end (read, schedule, write) beside ts-fsrs in
# Node, 10,000 x 20 and 50,000 x 20 reviews (issue 20: at least 50x).
echo "== bench_replay"
bash "$root/bench/bench_replay.sh" "$build/drill"

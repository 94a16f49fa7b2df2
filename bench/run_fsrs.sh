#!/usr/bin/env bash
# Builds bench_fsrs in Release and runs it: 1,000,000 reviews through drill's
# FSRS-6 module and through ts-fsrs 5.4.2 in Node, with both times and the
# ratio. Usage: bench/run_fsrs.sh [BUILD_DIR] [bench_fsrs options...]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-release}
shift || true

if [ ! -d "$root/tests/fsrs/node_modules/ts-fsrs" ]; then
	echo "run_fsrs: installing ts-fsrs (npm ci in tests/fsrs)" >&2
	(cd "$root/tests/fsrs" && npm ci --silent)
fi
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DDRILL_SANITIZE=OFF \
	-DDRILL_TESTS=OFF >/dev/null
cmake --build "$build" --target bench_fsrs -j2 >/dev/null
exec "$build/bench/bench_fsrs" "$@"

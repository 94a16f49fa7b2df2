#!/usr/bin/env bash
# drill fsrs replay end to end (issue 20): reading the TSV, scheduling,
# writing every step, side by side with ts-fsrs 5.4.2 in Node doing the same
# (bench/ts_replay_tsv.mjs). For each size (cards x reviews per card) prints
# the best of RUNS times of both, the ratio, drill's user and system time
# (system time is nearly all read and write), its peak memory, and checks
# that both replays scheduled the same intervals.
#
#   bench/bench_replay.sh DRILL [RUNS] [CARDSxPER ...]   (default 10000x20 50000x20)
#
# The input is a synthetic history, cards interleaved in time order, read
# from a file on stdin; the output goes to a file. drill runs with TZ=UTC
# and --rollover 0, the days ts-fsrs counts. Node's time is measured inside
# the script (from the first read to the last write, without starting
# Node and loading ts-fsrs), drill's is the whole process.
set -euo pipefail

drill=${1:?usage: bench_replay.sh DRILL [RUNS] [CARDSxPER ...]}
runs=${2:-5}
shift 2 || shift $#
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000x20 50000x20)
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TZ=UTC

node_ok=0
if command -v node >/dev/null && [ -d "$here/../tests/fsrs/node_modules/ts-fsrs" ]; then
	node_ok=1
else
	echo "bench_replay: no node or ts-fsrs (npm ci in tests/fsrs); drill figures only" >&2
fi

for size in "${sizes[@]}"; do
	cards=${size%x*}
	per=${size#*x}
	awk -v n="$cards" -v k="$per" 'BEGIN {
		s = 20260301
		for (c = 0; c < n; c++) {
			s = (s * 1103515245 + 12345) % 2147483648
			t = 1700000000 + s % (365 * 86400)
			for (j = 0; j < k; j++) {
				s = (s * 1103515245 + 12345) % 2147483648
				g = s % 100
				if (j > 0) {
					if (g % 5 == 0) t += 60 * (1 + s % 120)
					else t += 86400 * (1 + s % (4 * (j + 1))) + s % 3600
				}
				printf "c%d\t%d\t%d\n", c, t, g < 10 ? 1 : g < 25 ? 2 : g < 85 ? 3 : 4
			}
		}
	}' | sort -s -t "$(printf '\t')" -k2,2n >"$tmp/in.tsv"
	n=$(wc -l <"$tmp/in.tsv")
	echo "-- $cards cards x $per reviews = $n reviews ($(wc -c <"$tmp/in.tsv") bytes)"

	best=
	for ((i = 0; i < runs; i++)); do
		TIMEFORMAT='%3R %3U %3S'
		t=$({ time "$drill" fsrs replay --rollover 0 <"$tmp/in.tsv" >"$tmp/drill.out"; } 2>&1)
		read -r real user sys <<<"$t"
		if [ -z "$best" ] || awk -v a="$real" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
			best="$real $user $sys"
		fi
	done
	read -r dreal duser dsys <<<"$best"
	mem=$(/usr/bin/time -f %M "$drill" fsrs replay --rollover 0 <"$tmp/in.tsv" 2>&1 >/dev/null)
	printf 'drill:   %8.3f s (best of %d; user %.3f s, system %.3f s = %.0f%% of user+system), peak memory %.1f MB, %.0f ns/review\n' \
		"$dreal" "$runs" "$duser" "$dsys" "$(awk -v u="$duser" -v s="$dsys" 'BEGIN { print (u + s > 0) ? 100 * s / (u + s) : 0 }')" \
		"$(awk -v k="$mem" 'BEGIN { print k / 1024 }')" "$(awk -v t="$dreal" -v n="$n" 'BEGIN { print t * 1e9 / n }')"
	[ "$node_ok" = 1 ] || continue

	nbest=
	nwall=
	for ((i = 0; i < (runs < 3 ? runs : 3); i++)); do
		TIMEFORMAT='%3R'
		t=$({ time node "$here/ts_replay_tsv.mjs" "$tmp/in.tsv" "$tmp/node.out" 2>"$tmp/node.err" >/dev/null; } 2>&1)
		r=$(awk '$1 == "result"' "$tmp/node.err")
		set -- $r
		if [ -z "$nbest" ] || awk -v a="$2" -v b="$nbest" 'BEGIN { exit !(a < b) }'; then
			nbest=$2
		fi
		if [ -z "$nwall" ] || awk -v a="$t" -v b="$nwall" 'BEGIN { exit !(a < b) }'; then
			nwall=$t
		fi
		ndays=$3
		version=$4
	done
	nmem=$(/usr/bin/time -f %M node "$here/ts_replay_tsv.mjs" "$tmp/in.tsv" "$tmp/node.out" 2>&1 >/dev/null | tail -n 1)
	printf 'ts-fsrs: %8.3f s (best of %d, in Node, ts-fsrs %s), peak memory %.1f MB\n' \
		"$nbest" "$((runs < 3 ? runs : 3))" "$version" "$(awk -v k="$nmem" 'BEGIN { print k / 1024 }')"
	printf 'ts-fsrs: %8.3f s for the whole node process (start, load ts-fsrs, replay)\n' "$nwall"
	printf 'ratio:   %8.1fx (ts-fsrs from first read to last write / drill process)\n' \
		"$(awk -v a="$nbest" -v b="$dreal" 'BEGIN { print (b > 0) ? a / b : 0 }')"
	printf 'ratio:   %8.1fx (both processes, end to end)\n' \
		"$(awk -v a="$nwall" -v b="$dreal" 'BEGIN { print (b > 0) ? a / b : 0 }')"
	ddays=$(awk -F'\t' 'NR > 1 { s += $8 } END { print s }' "$tmp/drill.out")
	[ "$ddays" = "$ndays" ] && [ "$(wc -l <"$tmp/drill.out")" = "$(wc -l <"$tmp/node.out")" ] ||
		{ echo "bench_replay: the two replays disagree (intervals $ddays vs $ndays)" >&2; exit 1; }
	echo "the two replays agree (sum of intervals $ddays)"
done

#!/usr/bin/env bash
# drill fsrs replay: the real binary against the committed ts-fsrs vectors,
# then day rollover, fuzz, and bad input (line N, exit 1, nothing on stdout).
set -euo pipefail

drill=$1
here=$(cd "$(dirname "$0")" && pwd)
data=${DRILL_TEST_DATA:-$here/../data}
vectors=$data/fsrs_vectors.tsv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TZ=UTC

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# compare_config CFG NSEQ [replay options...]
# Feeds the first NSEQ histories of vector configuration CFG to the replay,
# interleaved by time, and checks each output line against ts-fsrs.
compare_config() {
	local cfg=$1 nseq=$2
	shift 2
	# One line per review: sort key, replay input, expected output.
	awk -F'\t' -v c="$cfg" -v n="$nseq" '
		$1 == "R" && $2 == c && $3 < n {
			secs = sprintf("%.0f", $4 / 1000)
			due = sprintf("%.0f", $12 / 1000)
			printf "%s\tc%s_%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", secs, c, $3,
				secs, $5, $7, $8, $9, $10, $11, due
		}' "$vectors" | sort -s -n -k1,1 >"$tmp/joined"
	[ -s "$tmp/joined" ] || fail "config $cfg has no vectors"
	cut -f2-4 "$tmp/joined" >"$tmp/in"
	cut -f2- "$tmp/joined" >"$tmp/want"
	"$drill" fsrs replay --rollover 0 "$@" <"$tmp/in" >"$tmp/out" ||
		fail "replay of config $cfg exited $?"
	head -n 1 "$tmp/out" | grep -qx \
		"$(printf 'card_id\tunix_seconds\trating\tstate_after\tstability\tdifficulty\tretrievability_before\tinterval_days\tdue_unix')" ||
		fail "config $cfg: wrong header line"
	tail -n +2 "$tmp/out" >"$tmp/got"
	[ "$(wc -l <"$tmp/got")" -eq "$(wc -l <"$tmp/want")" ] ||
		fail "config $cfg: $(wc -l <"$tmp/got") lines, expected $(wc -l <"$tmp/want")"
	paste "$tmp/want" "$tmp/got" | awk -F'\t' -v c="$cfg" '
		function close_enough(a, b) {
			if (a == "-" || b == "-") return a == b
			d = a - b
			return d <= 1e-8 && d >= -1e-8
		}
		BEGIN { split("new learning review relearning", names, " ") }
		{
			# want: id secs rating state S D R ivl due; got: the replay columns
			ok = $1 == $10 && $2 == $11 && $3 == $12 && names[$4 + 1] == $13 &&
				close_enough($5, $14) && close_enough($6, $15) &&
				close_enough($7, $16) && $8 == $17 && $9 == $18
			if (!ok) { print "config " c ", review " NR ": want " $1 " " $2 " " $3 " " $4 " " $5 " " $6 " " $7 " " $8 " " $9 > "/dev/stderr"
				print "   got " $10 " " $11 " " $12 " " $13 " " $14 " " $15 " " $16 " " $17 " " $18 > "/dev/stderr"
				bad++ }
		}
		END { exit bad > 0 }' || fail "config $cfg differs from ts-fsrs"
}

compare_config 0 12
compare_config 1 12 --no-steps
compare_config 2 10 --retention 0.8
compare_config 3 10 --retention 0.95 --no-steps
fsrs45=$(awk -F'\t' '$1 == "C" && $3 == "fsrs45_weights" { print $9 }' "$vectors")
[ -n "$fsrs45" ] || fail "no fsrs45_weights configuration in the vectors"
cfg45=$(awk -F'\t' '$1 == "C" && $3 == "fsrs45_weights" { print $2 }' "$vectors")
compare_config "$cfg45" 8 --params "$fsrs45"

# Day rollover: 17:00 and 20:00 UTC on 2026-02-28 are 02:00 and 05:00 on
# March 1 in Tokyo. With a 4 a.m. rollover they fall on different days, so
# the second review sees a day's forgetting; with rollover 0 they do not.
printf 'x\t1772298000\t3\nx\t1772308800\t3\n' >"$tmp/roll"
r_at() {
	TZ=$1 "$drill" fsrs replay --no-steps "${@:2}" <"$tmp/roll" | awk -F'\t' 'NR == 3 { print $7 }'
}
[ "$(r_at Asia/Tokyo --rollover 4)" != 1 ] || fail "rollover 4 in Tokyo should split the day"
[ "$(r_at Asia/Tokyo --rollover 0)" = 1 ] || fail "rollover 0 in Tokyo should keep one day"
[ "$(r_at UTC --rollover 0)" = 1 ] || fail "UTC rollover 0 should keep one day"
[ "$(r_at UTC)" = 1 ] || fail "UTC with the default rollover should keep one day"

# Fuzz: deterministic, and it changes some intervals.
awk -F'\t' '$1 == "R" && $2 == 1 && $3 < 20 {
	printf "c%s\t%.0f\t%s\n", $3, $4 / 1000, $5 }' "$vectors" >"$tmp/fz_in"
"$drill" fsrs replay --no-steps --fuzz <"$tmp/fz_in" >"$tmp/fz1"
"$drill" fsrs replay --no-steps --fuzz <"$tmp/fz_in" >"$tmp/fz2"
"$drill" fsrs replay --no-steps <"$tmp/fz_in" >"$tmp/nofz"
cmp -s "$tmp/fz1" "$tmp/fz2" || fail "fuzzed replay is not deterministic"
! cmp -s "$tmp/fz1" "$tmp/nofz" || fail "--fuzz changed nothing"

# Bad input: every bad line reported with its number, exit 1, empty stdout.
expect_bad() {
	local name=$1 want=$2
	shift 2
	local rc=0
	"$drill" fsrs replay "$@" <"$tmp/bad" >"$tmp/bad_out" 2>"$tmp/bad_err" || rc=$?
	[ "$rc" -eq 1 ] || fail "$name: exit $rc, expected 1"
	[ ! -s "$tmp/bad_out" ] || fail "$name: wrote to stdout"
	grep -q -- "$want" "$tmp/bad_err" || fail "$name: stderr lacks \"$want\": $(cat "$tmp/bad_err")"
}
printf 'a\t1700000000\t3\na\t1700000100\t3\nb\t1700000000\t5\n' >"$tmp/bad"
expect_bad rating '^drill fsrs replay: line 3: rating "5"'
printf '# history\n\na\t1700000000\t3\na\t1699999999\t1\n' >"$tmp/bad"
expect_bad order '^drill fsrs replay: line 4: card "a" at 1699999999 is earlier than its review on line 3'
printf 'a\t1700000000\t3\nb\tyesterday\t2\nc 1700000000 3\n' >"$tmp/bad"
expect_bad time '^drill fsrs replay: line 2: unix_seconds "yesterday"'
expect_bad fields '^drill fsrs replay: line 3: expected 3 tab-separated fields'
printf 'a\t1700000000\t3\n' >"$tmp/bad"
expect_bad retention 'retention 1.5 is outside' --retention 1.5
expect_bad params 'w7 = 0.9 is outside' --params \
	0.212,1.2931,2.3065,8.2956,6.4133,0.8334,3.0194,0.9,1.8722,0.1666,0.796,1.4835,0.0614,0.2629,1.6483,0.6014,1.8729,0.5425,0.0912,0.0658,0.1542
expect_bad rollover 'rollover' --rollover 25

"$drill" fsrs --help | grep -q 'drill fsrs replay' || fail "fsrs --help"
echo "fsrs_replay: ok"

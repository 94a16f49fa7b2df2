#!/usr/bin/env bash
# Two sessions on one database at once. First interleaved through fifos
# (A grades, then B, then A... while both hold the database open), then two
# piped sessions racing flat out, then two first runs racing to create and
# migrate the same new database. Every session completes and every review
# is saved.
source "$(dirname "$0")/lib.sh" "$@"

use_decks study
run import
expect_exit 0

step "two sessions open at once, grading in turn"
mkfifo "$T/a" "$T/b"
"$DRILL" --seed 1 --new 8 <"$T/a" >"$T/a.out" 2>&1 &
pa=$!
bg $pa
"$DRILL" --seed 2 --new 8 <"$T/b" >"$T/b.out" 2>&1 &
pb=$!
bg $pb
exec 3>"$T/a" 4>"$T/b"
total=0
for _ in 1 2 3; do
	printf '\n3\n' >&3
	total=$((total + 1))
	wait_for_sql "SELECT count(*) FROM reviews" $total
	printf '\n2\n' >&4
	total=$((total + 1))
	wait_for_sql "SELECT count(*) FROM reviews" $total
done
exec 3>&- 4>&- # end of input: both sessions finish
sa=0
sb=0
wait $pa || sa=$?
wait $pb || sb=$?
expect_eq "$sa" 0 "exit status of session A ($(cat "$T/a.out"))"
expect_eq "$sb" 0 "exit status of session B ($(cat "$T/b.out"))"
grep -q "Session over: 3 reviews" "$T/a.out" || fail "session A: $(cat "$T/a.out")"
grep -q "Session over: 3 reviews" "$T/b.out" || fail "session B: $(cat "$T/b.out")"
sql_eq "SELECT count(*) FROM sessions WHERE ended_at IS NOT NULL" 2 "sessions ended"
sql_eq "SELECT group_concat(n) FROM (SELECT count(*) AS n FROM reviews GROUP BY session_id)" \
	"3,3" "reviews per session"
sql_eq "SELECT group_concat(rating, '') FROM (SELECT rating FROM reviews ORDER BY id)" \
	"323232" "ratings in commit order"

pids=()
step "two piped sessions racing on one database"
# Regression: the read-only check of the file had no busy timeout, so a
# session starting while the other committed failed with "database is locked".
export DRILL_DB=$T/race.db
run import
expect_exit 0
answers=$(printf '\\n3\\n%.0s' $(seq 8))
for who in 1 2; do
	printf '%b' "$answers" | "$DRILL" --seed $who --new 8 --limit 8 >"$T/race$who.out" 2>&1 &
	pids[who]=$!
	bg $!
done
s1=0
s2=0
wait "${pids[1]}" || s1=$?
wait "${pids[2]}" || s2=$?
expect_eq "$s1" 0 "exit status of racer 1 ($(cat "$T/race1.out"))"
expect_eq "$s2" 0 "exit status of racer 2 ($(cat "$T/race2.out"))"
# The racers may or may not overlap (one can be done before the other
# starts and then finds nothing due): what each reported must be saved.
n1=$(sed -n 's/^Session over: \([0-9]*\) review.*/\1/p' "$T/race1.out")
n2=$(sed -n 's/^Session over: \([0-9]*\) review.*/\1/p' "$T/race2.out")
[ -n "$n1$n2" ] || fail "no racer studied: $(cat "$T/race1.out" "$T/race2.out")"
sql_eq "SELECT count(*) FROM reviews" $((${n1:-0} + ${n2:-0})) "reviews of both racers"
sql_eq "SELECT count(*) FROM sessions WHERE ended_at IS NOT NULL" \
	$(( (${n1:+1} + 0) + (${n2:+1} + 0) )) "racing sessions ended"

step "two first runs creating the same database at once"
# Regressions: both applied 0001 ("table config already exists"); the switch
# to WAL failed with "database is locked"; the file check read half before
# and half after the other's migration ("holds other data").
for round in 1 2 3 4 5; do
	export DRILL_DB=$T/new$round.db
	for who in 1 2; do
		printf '\n3\n' | "$DRILL" --seed $who --limit 1 >"$T/new$round-$who.out" 2>&1 &
		pids[who]=$!
		bg $!
	done
	s1=0
	s2=0
	wait "${pids[1]}" || s1=$?
	wait "${pids[2]}" || s2=$?
	expect_eq "$s1" 0 "exit status of first run 1, round $round ($(cat "$T/new$round-1.out"))"
	expect_eq "$s2" 0 "exit status of first run 2, round $round ($(cat "$T/new$round-2.out"))"
	sql_eq "SELECT count(*) FROM reviews" 2 "reviews of both first runs, round $round"
	sql_eq "SELECT count(*) FROM cards" 8 "cards after two first runs, round $round"
done

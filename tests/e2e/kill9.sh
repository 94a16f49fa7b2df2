#!/usr/bin/env bash
# A session killed with SIGKILL between answers keeps every graded review:
# answers go in slowly through a fifo, and after N grades are visible in the
# database (each one committed with its card's new state) the process gets
# kill -9 while a fourth answer is half typed. Exactly N reviews remain, the
# database is intact and consistent, and the next session goes on from there.
source "$(dirname "$0")/lib.sh" "$@"

use_decks study
run import
expect_exit 0
n=3

mkfifo "$T/in"
"$DRILL" --seed 1 --new 8 <"$T/in" >"$T/session.out" 2>&1 &
pid=$!
bg $pid
exec 3>"$T/in"

step "grade $n cards one at a time, each visible in the database before the next"
for i in $(seq $n); do
	printf '\n3\n' >&3
	wait_for_sql "SELECT count(*) FROM reviews" "$i"
done
printf '\n4' >&3 # the answer being typed when the process dies
sleep 0.2
kill -0 $pid 2>/dev/null || fail "the session ended before it was killed: $(cat "$T/session.out")"
kill -9 $pid
status=0
wait $pid || status=$?
exec 3>&-
expect_eq "$status" 137 "exit status of the killed session"

step "exactly $n reviews survive, each with its card's new state"
sql_eq "PRAGMA integrity_check" ok "integrity check"
sql_eq "SELECT count(*) FROM reviews" $n "reviews after kill -9"
sql_eq "SELECT group_concat(card_id) FROM (SELECT card_id FROM reviews ORDER BY id)" \
	"s-01,s-02,s-03" "cards reviewed"
sql_eq "SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id
        WHERE c.state = r.a_state AND c.due = r.a_due AND c.reps = r.a_reps
          AND c.stability = r.a_stability" $n "cards that hold their review's state"
sql_eq "SELECT state FROM cards WHERE id = 's-04'" 0 "the card whose answer was cut off"
sql_eq "SELECT count(*) FROM sessions WHERE ended_at IS NULL" 1 "the killed session, never ended"

step "the next session works on the same database"
# The three graded cards are on their 10-minute learning step: within the
# learn-ahead window, so they come first.
run_in '\n3\n' --limit 1 --new 8
expect_exit 0
expect_out "drill: 0 due today, 3 learning now, 5 new."
expect_out "Question one"
sql_eq "SELECT count(*) FROM reviews" $((n + 1)) "reviews after the next session"

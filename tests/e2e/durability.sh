#!/usr/bin/env bash
# Nothing lost, nothing hangs (issue 11): a database left with a hot
# rollback journal is recovered, not refused; every grade reaches the disk
# (fdatasync) before its verdict is printed; a lock held by another program
# past the busy timeout is waited for visibly, and an answer that still
# cannot be saved is said to be lost, never shown as graded.
source "$(dirname "$0")/lib.sh" "$@"

export DRILL_DECKS=$E2E_DECKS/study

step "a hot rollback journal left by a killed writer is rolled back, not refused"
# The repro of the issue: the database in rollback-journal mode, a writer
# that updates every card with a tiny cache (so pages spill into the file)
# and dies without committing.
export DRILL_DECKS=$DRILL_SOURCE_DIR/decks
run import
expect_exit 0
export DRILL_DECKS=$E2E_DECKS/study
sqlite3 "$DRILL_DB" 'PRAGMA journal_mode = DELETE' >/dev/null
before=$(sql "SELECT sum(stability), group_concat(substr(source, 1, 3), '') FROM cards")
python3 - "$DRILL_DB" <<'PY'
import os, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA cache_size = 2")
con.execute("BEGIN IMMEDIATE")
con.execute("UPDATE cards SET stability = stability + 1, source = 'x' || source")
os._exit(0)  # no commit, no rollback: the journal stays hot
PY
[ -s "$DRILL_DB-journal" ] || fail "the writer left no journal"
run stats
expect_exit 0
expect_out "Due today:"
expect_eq "$(sql "SELECT sum(stability), group_concat(substr(source, 1, 3), '') FROM cards")" \
	"$before" "cards after the rollback"
sql_eq "PRAGMA integrity_check" ok "integrity after the rollback"
[ ! -e "$DRILL_DB-journal" ] || fail "the journal is still there"

step "a killed first run leaves no database or a whole one, never a locked-out file"
export DRILL_DB=$T/first.db
for i in $(seq 15); do
	rm -f "$DRILL_DB" "$DRILL_DB"-*
	"$DRILL" import "$DRILL_SOURCE_DIR/decks" >/dev/null 2>&1 &
	pid=$!
	sleep "0.0$((i % 10))"
	kill -9 $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	run config new_per_day
	expect_exit 0
	expect_eq "$OUT" 20 "config after kill $i"
	sql_eq "PRAGMA integrity_check" ok "integrity after kill $i"
	sql_eq "PRAGMA journal_mode" wal "journal mode after kill $i"
done
export DRILL_DB=$T/drill.db

step "every grade is on disk (fdatasync) before its verdict is printed"
if ! command -v strace >/dev/null 2>&1; then
	fail "strace is needed for this check (scripts/deps.sh installs it)"
fi
export DRILL_DB=$T/sync.db
run import
expect_exit 0
ASAN_OPTIONS=$ASAN_OPTIONS:detect_leaks=0 \
	strace -f -qq -e trace=fsync,fdatasync,write -o "$T/trace" \
	"$DRILL" --new 5 < <(printf '\n3\n%.0s' 1 2 3 4 5) >"$T/sync.out" 2>&1 ||
	fail "the traced session failed: $(cat "$T/sync.out")"
sql_eq "SELECT count(*) FROM reviews" 5 "reviews of the traced session"
python3 - "$T/trace" <<'PY' || fail "a verdict was printed before its grade was synced (trace above)"
import re, sys
syncs, verdicts, unsynced = 0, 0, []
pending = 0
for line in open(sys.argv[1]):
    if re.search(r"\b(fsync|fdatasync)\(", line):
        syncs += 1
        pending = 0
    elif re.search(r"\bwrite\(1, .*next review", line):
        verdicts += 1
        # A write holds the grade line; its grade's commit must have synced.
        if syncs == 0 or pending:
            unsynced.append(line.strip()[:120])
        pending = 1
print("syncs %d, grade lines written %d" % (syncs, verdicts))
if verdicts != 5 or unsynced:
    print("\n".join(unsynced))
    sys.exit(1)
PY
export DRILL_DB=$T/drill.db

step "a lock held past the busy timeout: waited for visibly, then the answer is said to be lost"
export DRILL_DB=$T/lock.db DRILL_BUSY_TIMEOUT_MS=200
run import
expect_exit 0
python3 - "$DRILL_DB" "$T/locked" <<'PY' &
import os, sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(30)
PY
holder=$!
bg $holder
for _ in $(seq 100); do [ -e "$T/locked" ] && break; sleep 0.05; done
run_in '\n3\n:quit\n' --new 1
expect_exit 2
expect_out "Waiting for the database (another program is writing to it)…"
expect_err "drill study: your answer to s-01 was not saved: "
expect_err "another program still holds a lock on it"
expect_no_out "Good · next review"
kill $holder 2>/dev/null || true
wait $holder 2>/dev/null || true
sql_eq "SELECT count(*) FROM reviews" 0 "reviews saved while the lock was held"

step "a lock released while drill waits: the grade is saved, then shown"
rm -f "$T/locked"
mkfifo "$T/in"
"$DRILL" --new 1 <"$T/in" >"$T/wait.out" 2>&1 &
pid=$!
bg $pid
exec 3>"$T/in"
python3 - "$DRILL_DB" "$T/locked" "$T/wait.out" <<'PY' &
import os, sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
for _ in range(600):  # until drill says it waits, at most 30 s
    if "Waiting for the database" in open(sys.argv[3]).read():
        break
    time.sleep(0.05)
con.execute("ROLLBACK")
PY
holder=$!
bg $holder
for _ in $(seq 100); do [ -e "$T/locked" ] && break; sleep 0.05; done
printf '\n3\n:quit\n' >&3
exec 3>&-
wait $holder || true
wait $pid || fail "the waiting session failed: $(cat "$T/wait.out")"
expect_contains "$(cat "$T/wait.out")" "Waiting for the database" "the waiting session"
expect_contains "$(cat "$T/wait.out")" "Good · next review" "the waiting session"
sql_eq "SELECT count(*) FROM reviews" 1 "reviews saved after the wait"
unset DRILL_BUSY_TIMEOUT_MS

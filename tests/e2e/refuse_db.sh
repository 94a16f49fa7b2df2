#!/usr/bin/env bash
# Files drill must refuse without touching them: a drill database with a
# newer schema (PRAGMA user_version = 99), a file that is not SQLite, an
# SQLite database of another program, a directory. Each is refused with a
# clear message and exit status 2 by every command that opens the
# database, and stays byte-identical.
source "$(dirname "$0")/lib.sh" "$@"

# refused FILE MESSAGE: every command refuses FILE with MESSAGE, untouched.
refused() {
	local file=$1 message=$2 sum listing
	sum=$(checksum "$file")
	listing=$(ls -A "$(dirname "$file")")
	for cmd in "study" "import $E2E_DECKS/types" "stats" "config" "reschedule" "why t-recall"; do
		# shellcheck disable=SC2086 # cmd is split into words on purpose
		run_in '\n3\n' $cmd --db "$file"
		expect_exit 2
		expect_eq "$OUT" "" "stdout of drill $cmd on a refused file"
		expect_err "drill ${cmd%% *}: $file $message"
		expect_eq "$(checksum "$file")" "$sum" "checksum of $file after drill $cmd"
	done
	# Regression: refusing a WAL file used to leave -wal and -shm beside it.
	expect_eq "$(ls -A "$(dirname "$file")")" "$listing" "the folder of $file after every command"
}

step "a drill database whose schema is newer than this drill"
run import "$E2E_DECKS/types"
expect_exit 0
ours=$(sql "PRAGMA user_version")
[ "$ours" -ge 1 ] || fail "no schema version in a new database"
sqlite3 "$DRILL_DB" "PRAGMA user_version = 99"
sql_eq "PRAGMA user_version" 99 "user_version set by the test"
refused "$DRILL_DB" "has schema version 99, newer than this drill understands ($ours); upgrade drill to use it (the file was left untouched)"
sql_eq "SELECT count(*) FROM cards" 5 "cards in the refused database"

step "a file that is not an SQLite database"
for _ in $(seq 200); do echo "This is a text file, not a database at all."; done >"$T/notes.txt"
refused "$T/notes.txt" "is not a drill database (not an SQLite file); left untouched"

step "an SQLite database of another program"
sqlite3 "$T/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1)"
refused "$T/other.db" "is not a drill database (it holds other data); left untouched"
sqlite3 "$T/appid.db" "PRAGMA application_id = 1234; PRAGMA user_version = 1"
refused "$T/appid.db" "is not a drill database (it holds other data); left untouched"

step "a directory where the database should be"
mkdir "$T/dir.db"
run stats --db "$T/dir.db"
expect_exit 2
expect_err "drill stats: $T/dir.db is not a regular file"

step "an empty file is taken as a new database"
: >"$T/empty.db"
run stats --db "$T/empty.db"
expect_exit 0
expect_out "Nothing studied yet"
[ ! -s "$T/empty.db" ] || fail "drill stats wrote into an empty file"
run import "$E2E_DECKS/types" --db "$T/empty.db"
expect_exit 0
DRILL_DB=$T/empty.db sql_eq "PRAGMA user_version" "$ours" "schema version of the initialised empty file"

step "a WAL database a crash left mid-checkpoint (file shorter than its header) is recovered, not refused"
# Regression: the header check took such a file for a truncated one; the
# WAL beside it still holds the pages the checkpoint was writing.
export DRILL_DB=$T/midckpt.db
run import "$E2E_DECKS/types"
expect_exit 0
python3 - "$DRILL_DB" "$T/crashed" <<'PY'
import os, shutil, sqlite3, struct, sys
db, out = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db, isolation_level=None)
con.execute("PRAGMA wal_autocheckpoint = 0")
con.execute("BEGIN")
for i in range(200):
    con.execute("INSERT INTO config(key, value) VALUES (?, ?)", ("pad%d" % i, "x" * 3000))
con.execute("COMMIT")
pages = con.execute("PRAGMA page_count").fetchone()[0]
os.makedirs(out)
for sfx in ("", "-wal"):
    shutil.copy(db + sfx, os.path.join(out, "d.db" + sfx))
con.close()
# As if the checkpoint had written page 1 (the new size) and died.
with open(os.path.join(out, "d.db"), "r+b") as f:
    head = bytearray(f.read(100))
    assert pages * 4096 > os.path.getsize(os.path.join(out, "d.db"))
    head[28:32] = struct.pack(">I", pages)
    head[92:96] = head[24:28]
    f.seek(0)
    f.write(head)
PY
DRILL_DB=$T/crashed/d.db run stats
expect_exit 0
expect_out "Due today:"
DRILL_DB=$T/crashed/d.db sql_eq "SELECT count(*) FROM config WHERE key LIKE 'pad%'" 200 "rows the WAL held"
DRILL_DB=$T/crashed/d.db sql_eq "PRAGMA integrity_check" ok "integrity after recovery"

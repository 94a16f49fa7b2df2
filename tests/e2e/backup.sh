#!/usr/bin/env bash
# Backups (issue 18): drill backup writes a copy with SQLite's backup API
# into $XDG_STATE_HOME/drill/backups (folder 0700, files 0600, named
# STEM-HASH8-YYYYMMDD-HHMMSS.db), rotated to 7 daily, 4 weekly and 6
# monthly (at a fixed clock here); drill backs up by itself before import,
# reschedule, restore and a schema upgrade, and after a session that
# graded something, once a day; drill restore needs --yes off a terminal
# and backs up first.
source "$(dirname "$0")/lib.sh" "$@"

B=$XDG_STATE_HOME/drill/backups

# backups [DB]: the names of DB's backups (the default database's), oldest
# first ("-2" after the plain name of the same second).
backups() {
	local stem
	stem=$(basename "${1:-$DRILL_DB}" .db)
	find "$B" -maxdepth 1 -name "$stem-*.db" -printf '%f\n' 2>/dev/null |
		sed -E 's/^(.*-[0-9]{8}-[0-9]{6})\.db$/\1-1.db \0/; t; s/^.*$/& &/' |
		sort -V | cut -d' ' -f2
}
# dates: the YYYYMMDD of each backup of the default database, on one line.
dates() {
	backups | sed -E 's/.*-([0-9]{8})-[0-9]{6}(-[0-9]+)?\.db$/\1/' | paste -sd' ' -
}

step "drill import backs up first (not a new, empty database), into a private folder"
run import
expect_exit 0
expect_eq "$(backups | wc -l)" 0 "backups after the first import into a new database"
[ ! -e "$B" ] || fail "the backups folder was made for an empty database"
run import
expect_exit 0
expect_eq "$(backups | wc -l)" 1 "backups after the second import"
name=$(backups)
[[ $name =~ ^drill-[0-9a-f]{8}-20260302-090000\.db$ ]] || fail "backup name: $name"
expect_eq "$(stat -c %a "$B")" 700 "mode of the backups folder"
expect_eq "$(stat -c %a "$B/$name")" 600 "mode of a backup"
# The copy is one self-contained file (no WAL) and a drill database.
expect_eq "$(sql 'PRAGMA journal_mode' "$B/$name")" delete "journal mode of the copy"
expect_eq "$(sql 'PRAGMA quick_check' "$B/$name")" ok "the copy's integrity"

step "drill backup: a copy of the data as it is"
run backup
expect_exit 0
expect_out "Backed up to $B/drill-"
new=$(backups | tail -n 1)
expect_eq "$(sql 'SELECT count(*) FROM cards' "$B/$new")" "$(sql 'SELECT count(*) FROM cards')" "cards in the copy"
expect_eq "$new" "${name%.db}-2.db" "a second backup in the same second"
run backup --list
expect_exit 0
expect_eq "$(count "$B/drill-" "$OUT")" 2 "backups listed"

step "two databases share the folder: each rotates its own backups"
DRILL_DB=$T/other.db run import
expect_exit 0
DRILL_DB=$T/other.db run import
expect_exit 0
expect_eq "$(backups "$T/other.db" | wc -l)" 1 "the other database's backups"

step "rotation at a fixed clock keeps 7 daily, 4 weekly and 6 monthly"
# A backup each day at 09:00 from 2026-03-03 to 2026-09-30 (212 days).
d=2026-03-03
while [ "$d" != 2026-10-01 ]; do
	DRILL_NOW=${d}T09:00:00Z run backup
	expect_exit 0
	d=$(date -u -d "$d + 1 day" +%F)
done
# Daily: 24..30 Sep. Weekly (ISO weeks, newest of each): the 30th, Sun 27
# (a daily one too), Sun 20 and Sun 13 Sep. Monthly: Sep's (the 30th) and
# the last backup of Aug..Apr; March's is the seventh month back.
expect_eq "$(dates)" "20260430 20260531 20260630 20260731 20260831 20260913 20260920 20260924 20260925 20260926 20260927 20260928 20260929 20260930" "backups kept"
expect_eq "$(backups "$T/other.db" | wc -l)" 1 "the other database's backups after the rotation"

step "the settings change the rotation"
run config backup_weekly 0
expect_exit 0
run config backup_monthly 1
expect_exit 0
run config backup_daily 0
expect_exit 1
expect_err "backup_daily must be a whole number from 1 to 1000"
DRILL_NOW=2026-10-01T09:00:00Z run backup
expect_exit 0
expect_eq "$(dates)" "20260925 20260926 20260927 20260928 20260929 20260930 20261001" "backups kept with weekly 0, monthly 1"

step "restore refuses without --yes off a terminal, and other files"
before=$(checksum "$DRILL_DB")
old=$B/$(backups | head -n 1)
run restore "$old" </dev/null
expect_exit 1
expect_err "drill restore: restoring replaces the database $DRILL_DB; add --yes to confirm"
printf 'not a database\n' >"$T/junk.db"
run restore --yes "$T/junk.db"
expect_exit 1
expect_err "drill restore: $T/junk.db is not a drill database"
run restore --yes "$T/missing.db"
expect_exit 1
expect_err "drill restore: cannot read the backup $T/missing.db"
expect_eq "$(checksum "$DRILL_DB")" "$before" "the database after refused restores"

step "restore backs up first, then brings the old content back"
run suspend t-recall
expect_exit 0
sql_eq "SELECT suspended FROM cards WHERE id = 't-recall'" 1
export DRILL_NOW=2026-10-02T09:00:00Z
cp "$B/$(backups | tail -n 1)" "$T/keep.db"
run restore --yes "$T/keep.db"
expect_exit 0
expect_out "Restored $DRILL_DB from $T/keep.db; the database as it was is backed up in $B/drill-"
sql_eq "SELECT suspended FROM cards WHERE id = 't-recall'" 0 "t-recall after the restore"
pre=$(backups | grep 20261002)
expect_eq "$(sql "SELECT suspended FROM cards WHERE id = 't-recall'" "$B/$pre")" 1 "t-recall in the backup made before the restore"

step "restore from a file in the backups folder: the rotation spares it and the backup before"
run restore --yes "$B/$pre"
expect_exit 0
sql_eq "SELECT suspended FROM cards WHERE id = 't-recall'" 1 "t-recall restored from the backup before"
expect_eq "$(backups | grep -c 20261002)" 2 "today's backups (before each restore)"

step "restore is safe with other connections: a reader keeps its snapshot, a writer's lock is waited for"
run suspend t-recall
expect_exit 0
printf 'BEGIN;\nSELECT count(*) FROM cards;\n.shell sleep 2\nSELECT suspended FROM cards WHERE id = %s;\nCOMMIT;\nSELECT suspended FROM cards WHERE id = %s;\n' \
	"'t-recall'" "'t-recall'" | sqlite3 "$DRILL_DB" >"$T/reader.out" &
reader=$!
bg $reader
sleep 0.5
run restore --yes "$T/keep.db"
expect_exit 0
wait $reader
expect_eq "$(paste -sd' ' "$T/reader.out")" "5 1 0" "what the reader saw: its snapshot, then the restored data"
sql_eq "PRAGMA integrity_check" ok "the database after a restore under a reader"
sql_eq "PRAGMA journal_mode" wal "journal mode after a restore"
printf 'BEGIN IMMEDIATE;\n.shell sleep 2\nCOMMIT;\n' | sqlite3 "$DRILL_DB" &
writer=$!
bg $writer
sleep 0.5
DRILL_BUSY_TIMEOUT_MS=300 run restore --yes "$T/keep.db"
expect_exit 2
expect_err "drill restore: cannot restore $T/keep.db into $DRILL_DB: another program still holds a lock on it; close it and try again"
wait $writer

step "reschedule backs up first"
export DRILL_NOW=2026-10-03T09:00:00Z
run reschedule
expect_exit 0
expect_eq "$(backups | grep -c 20261003)" 1 "backups made by reschedule"

step "a session backs up at its end, once a day, and only when it graded something"
export DRILL_NOW=2026-10-04T09:00:00Z
run_in ':quit\n' --new 1
expect_exit 0
expect_eq "$(backups | grep -c 20261004)" 0 "backups after a session that graded nothing"
run_in '\n3\n:quit\n' --new 1
expect_exit 0
expect_eq "$(backups | grep -c 20261004)" 1 "backups after a session that graded a card"
sql_eq "SELECT count(*) FROM reviews" 1 "the review saved"
expect_eq "$(sql 'SELECT count(*) FROM reviews' "$B/$(backups | tail -n 1)")" 1 "the review in the backup"
run_in '\n3\n:quit\n' --new 1
expect_exit 0
expect_eq "$(backups | grep -c 20261004)" 1 "backups after a second session that day"

step "a schema upgrade backs up the old database first"
old=$T/old.db
cat "$DRILL_SOURCE_DIR"/schema/0001_*.sql | sqlite3 "$old"
sqlite3 "$old" "PRAGMA application_id = 1146243404; PRAGMA user_version = 1;"
run stats --db "$old"
expect_exit 0
expect_eq "$(backups "$old" | wc -l)" 1 "backups of the old database"
expect_eq "$(sql 'PRAGMA user_version' "$B/$(backups "$old")")" 1 "schema version of its backup"
[ "$(sql 'PRAGMA user_version' "$old")" -gt 1 ] || fail "the old database was not upgraded"

step "no upgrade when the backup cannot be written"
cat "$DRILL_SOURCE_DIR"/schema/0001_*.sql | sqlite3 "$T/old2.db"
sqlite3 "$T/old2.db" "PRAGMA application_id = 1146243404; PRAGMA user_version = 1;"
touch "$T/not-a-folder"
XDG_STATE_HOME=$T/not-a-folder run stats --db "$T/old2.db"
expect_exit 2
expect_err "drill stats: $T/old2.db (schema version 1) needs an upgrade, and drill backs it up first, but cannot"
expect_eq "$(sql 'PRAGMA user_version' "$T/old2.db")" 1 "schema version of the database not backed up"

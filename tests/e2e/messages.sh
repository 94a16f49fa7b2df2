#!/usr/bin/env bash
# Messages that say what is wrong and what to do (issue 11): a database in
# a read-only folder, a full disk, and a DRILL_NOW outside the years 1 to
# 9999. The read-only folder needs a user that permissions apply to (as
# root: nobody, through setpriv); the full disk a small tmpfs in a mount
# namespace (unshare). Without them those steps say why they are skipped.
source "$(dirname "$0")/lib.sh" "$@"

export DRILL_DECKS=$E2E_DECKS/study

step "DRILL_NOW outside the years 1 to 9999 is refused, not overflowed"
for bad in 9999999999999999 -9999999999999 253402300800 -62135596801 10000-01-01 0000-12-31; do
	DRILL_NOW=$bad run stats
	expect_exit 1
	expect_err "drill stats: DRILL_NOW=\"$bad\" is neither unix seconds nor ISO 8601 within the years 1 to 9999"
done
for good in 253402300799 -62135596800 9999-12-31T12:00:00Z 0001-01-02; do
	DRILL_NOW=$good run_in ':quit\n' --new 1
	expect_exit 0
done
DRILL_NOW_STEP=-1 run stats
expect_exit 1
expect_err 'DRILL_NOW_STEP="-1" is not a number of seconds from 0 to 86400'

step "a database in a read-only folder: the message names the folder and what to do"
as_user=()
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null 2>&1; then
		as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
	fi
fi
if [ "$(id -u)" = 0 ] && [ ${#as_user[@]} = 0 ]; then
	echo "SKIP (step): running as root without setpriv; permissions do not apply"
else
	# Everything nobody needs must be readable by nobody: the source tree
	# may sit in a private folder (a CI checkout under mktemp -d).
	chmod 755 "$T" "$HOME"
	mkdir -p "$T/ro" "$T/rodecks"
	cp "$E2E_DECKS/study/study.deck" "$T/rodecks/"
	cp "$DRILL" "$T/rodecks/drill"
	chmod -R a+rX "$T/rodecks"
	export DRILL_DECKS=$T/rodecks
	DRILL_AS=$T/rodecks/drill
	[ "$(id -u)" = 0 ] && chown 65534:65534 "$T/ro"
	"${as_user[@]}" "$DRILL_AS" import --db "$T/ro/d.db" >/dev/null 2>"$T/ro.err" ||
		fail "could not set up the read-only case: $(cat "$T/ro.err")"
	chmod 555 "$T/ro"
	RC=0
	"${as_user[@]}" "$DRILL_AS" stats --db "$T/ro/d.db" >"$T/.out" 2>"$T/.err" || RC=$?
	OUT=$(cat "$T/.out")
	ERR=$(cat "$T/.err")
	e2e_check_sanitizer "$ERR"
	expect_exit 2
	expect_err "drill stats: cannot open $T/ro/d.db: its folder $T/ro is read-only, and drill keeps a journal beside the database; make the folder writable or use a database elsewhere (--db PATH)"
	expect_not_contains "$ERR" "attempt to write a readonly database" "stderr"
	RC=0
	"${as_user[@]}" "$DRILL_AS" import --db "$T/ro/new.db" >"$T/.out" 2>"$T/.err" || RC=$?
	ERR=$(cat "$T/.err")
	expect_exit 2
	expect_err "drill import: cannot create $T/ro/new.db: its folder $T/ro is read-only; make it writable or use a database elsewhere (--db PATH)"
	chmod 755 "$T/ro"
	export DRILL_DECKS=$E2E_DECKS/study
fi

step "a full disk: the message says so, and that nothing saved before was lost"
if unshare -m true 2>/dev/null; then
	ns=(unshare -m)
elif unshare -rm true 2>/dev/null; then
	ns=(unshare -rm)
else
	ns=()
fi
if [ ${#ns[@]} = 0 ]; then
	echo "SKIP (step): no mount namespace (unshare) to make a small file system in"
else
	mkdir -p "$T/small"
	cat >"$T/full.sh" <<EOF
set -u
mount -t tmpfs -o size=400k drilltest "$T/small" || exit 77
export DRILL_DB=$T/small/d.db
"$DRILL" import >/dev/null || exit 3
# Fill the file system but for room to open the database (its -shm):
# the grade's write into the -wal is what fails.
avail=\$(df -k --output=avail "$T/small" | tail -1)
dd if=/dev/zero of="$T/small/filler" bs=1k count=\$((avail - 40)) >/dev/null 2>&1
printf '\n3\n:quit\n' | "$DRILL" --new 1 >"$T/full.out" 2>"$T/full.err"
echo \$? >"$T/full.rc"
rm -f "$T/small/filler" # room for the reader's -shm
sqlite3 "$T/small/d.db" 'SELECT count(*) FROM reviews' >"$T/full.reviews" 2>&1
exit 0
EOF
	RC=0
	"${ns[@]}" bash "$T/full.sh" || RC=$?
	if [ "$RC" = 77 ]; then
		echo "SKIP (step): cannot mount a tmpfs here"
	else
		expect_exit 0
		OUT=$(cat "$T/full.out")
		ERR=$(cat "$T/full.err")
		RC=$(cat "$T/full.rc")
		e2e_check_sanitizer "$ERR"
		expect_exit 2
		expect_err "drill study: your answer to s-01 was not saved: "
		expect_err "the disk is full; free some space and run drill again (nothing saved before was lost)"
		expect_no_out "Good · next review"
		expect_eq "$(cat "$T/full.reviews")" 0 "reviews saved on the full disk"
	fi
fi

# lib.sh: shared set-up and checks for the end-to-end tests. Sourced, never
# run by itself (ctest skips it): `source "$(dirname "$0")/lib.sh" "$@"`.
#
# Every test gets a fresh temporary directory ($T, removed on exit unless
# E2E_KEEP=1), an isolated HOME and XDG directories that do not exist yet, a
# fixed clock (DRILL_NOW) and time zone, and DRILL_DB pointing into $T.
# The helpers fail the test with a message saying what was expected.
#
# Usage of the test scripts: bash tests/e2e/NAME.sh /path/to/drill
# (DRILL_SOURCE_DIR and DRILL_TEST_DATA default to this source tree.)

set -euo pipefail

if [ $# -lt 1 ] || [ ! -x "$1" ]; then
	echo "usage: bash $0 /path/to/drill (got: ${1:-nothing})" >&2
	exit 2
fi
DRILL=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
E2E_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${DRILL_SOURCE_DIR:=$(cd "$E2E_HERE/../.." && pwd)}"
: "${DRILL_TEST_DATA:=$DRILL_SOURCE_DIR/tests/data}"
E2E_NAME=$(basename "$0" .sh)
E2E_DECKS=$DRILL_TEST_DATA/decks
E2E_PIDS=()

T=$(mktemp -d "${TMPDIR:-/tmp}/drill-e2e-$E2E_NAME.XXXXXX")

e2e_cleanup() {
	local rc=$?
	local p
	for p in "${E2E_PIDS[@]}"; do
		kill -9 "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
	if [ "${E2E_KEEP:-0}" = 1 ]; then
		echo "$E2E_NAME: kept $T" >&2
	else
		rm -rf "$T"
	fi
	if [ $rc -eq 0 ]; then
		echo "PASS $E2E_NAME"
	fi
	exit $rc
}
trap e2e_cleanup EXIT

# A machine on which drill never ran: nothing exists under HOME.
export HOME=$T/home
export XDG_DATA_HOME=$T/home/xdg-data
export XDG_STATE_HOME=$T/home/xdg-state
export XDG_CONFIG_HOME=$T/home/xdg-config
export XDG_CACHE_HOME=$T/home/xdg-cache
export TZ=UTC
export LC_ALL=C.UTF-8
export DRILL_NOW=2026-03-02T09:00:00Z
export DRILL_DB=$T/drill.db
export DRILL_DECKS=$E2E_DECKS/types
unset DRILL_INTERACTIVE NO_COLOR VISUAL EDITOR COLUMNS
# A sanitizer report must not pass for drill's own exit status 1 or 2.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=86
export UBSAN_OPTIONS=${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}print_stacktrace=1:halt_on_error=1:exitcode=86
mkdir -p "$HOME"

# fail MESSAGE...: ends the test.
fail() {
	echo "FAIL $E2E_NAME: $*" >&2
	exit 1
}

# step TEXT: says what is being checked (helps reading a failure).
step() {
	echo "-- $*"
}

# run ARGS...: runs drill with the caller's stdin; sets OUT, ERR and RC.
# Fails at once on a sanitizer report.
run() {
	RC=0
	"$DRILL" "$@" >"$T/.out" 2>"$T/.err" || RC=$?
	OUT=$(cat "$T/.out")
	ERR=$(cat "$T/.err")
	e2e_check_sanitizer "$ERR"
}

# run_in TEXT ARGS...: run with TEXT (printf %b escapes allowed) on stdin.
run_in() {
	local input=$1
	shift
	run "$@" < <(printf '%b' "$input")
}

e2e_check_sanitizer() {
	case "$1" in
	*"ERROR: AddressSanitizer"* | *"ERROR: LeakSanitizer"* | *"runtime error:"*)
		printf '%s\n' "$1" >&2
		fail "sanitizer report (above)"
		;;
	esac
	if [ "${RC:-0}" = 86 ]; then
		fail "drill exited 86 (a sanitizer stopped it)"
	fi
}

e2e_show() {
	printf -- '--- stdout:\n%s\n--- stderr:\n%s\n---\n' "$OUT" "$ERR" >&2
}

# expect_exit N: the last run's exit status.
expect_exit() {
	if [ "$RC" != "$1" ]; then
		e2e_show
		fail "expected exit status $1, got $RC"
	fi
}

# expect_contains HAYSTACK NEEDLE [WHAT]
expect_contains() {
	case "$1" in
	*"$2"*) ;;
	*)
		printf -- '--- %s:\n%s\n---\n' "${3:-text}" "$1" >&2
		fail "${3:-text} does not contain: $2"
		;;
	esac
}

# expect_not_contains HAYSTACK NEEDLE [WHAT]
expect_not_contains() {
	case "$1" in
	*"$2"*)
		printf -- '--- %s:\n%s\n---\n' "${3:-text}" "$1" >&2
		fail "${3:-text} contains, but should not: $2"
		;;
	esac
}

# expect_out NEEDLE / expect_err NEEDLE: about the last run.
expect_out() { expect_contains "$OUT" "$1" "stdout"; }
expect_err() { expect_contains "$ERR" "$1" "stderr"; }
expect_no_out() { expect_not_contains "$OUT" "$1" "stdout"; }

# expect_eq ACTUAL EXPECTED WHAT
expect_eq() {
	if [ "$1" != "$2" ]; then
		fail "$3: expected [$2], got [$1]"
	fi
}

# expect_same_file EXPECTED ACTUAL: byte for byte, with a diff when not.
expect_same_file() {
	if ! cmp -s "$1" "$2"; then
		diff -u "$1" "$2" >&2 || true
		fail "$2 differs from $1"
	fi
}

# count NEEDLE TEXT: how many lines of TEXT contain NEEDLE.
count() {
	printf '%s\n' "$2" | grep -cF -- "$1" || true
}

# sql QUERY [DB]: the query's result (rows on lines, columns separated by |).
sql() {
	local db=${2:-$DRILL_DB} out
	[ -f "$db" ] || fail "sql: no database at $db"
	if ! out=$(sqlite3 -batch -bail -noheader "$db" "$1" 2>&1); then
		fail "sql failed on $db: $1: $out"
	fi
	printf '%s' "$out"
}

# sql_eq QUERY EXPECTED [WHAT]
sql_eq() {
	local got
	got=$(sql "$1")
	if [ "$got" != "$2" ]; then
		fail "${3:-$1}: expected [$2], got [$got]"
	fi
}

# checksum FILE
checksum() {
	sha256sum "$1" | cut -d' ' -f1
}

# no_escapes TEXT WHAT: no terminal escape sequences at all.
no_escapes() {
	if printf '%s' "$1" | grep -q $'\033'; then
		printf '%s\n' "$1" | cat -v >&2
		fail "$2 contains escape sequences"
	fi
}

# use_decks DIR...: copies test deck folders into $T/decks (so tests may
# edit them) and points DRILL_DECKS there.
use_decks() {
	rm -rf "$T/decks"
	mkdir -p "$T/decks"
	local d
	for d in "$@"; do
		cp "$E2E_DECKS/$d"/*.deck "$T/decks/"
	done
	export DRILL_DECKS=$T/decks
}

# card_state ID: the card's scheduling columns, printed exactly.
card_state() {
	sql "SELECT state, printf('%.17g', stability), printf('%.17g', difficulty), due,
	            last_review, last_day, reps, lapses, learning_steps, scheduled_days,
	            suspended, retired
	     FROM cards WHERE id = '$1'"
}

# wait_for_sql QUERY EXPECTED [SECONDS]: polls until the query returns
# EXPECTED (used to follow a session fed through a fifo; not a timing check).
wait_for_sql() {
	local deadline=$((SECONDS + ${3:-20})) got=""
	while [ $SECONDS -lt $deadline ]; do
		got=$(sqlite3 -batch -noheader "$DRILL_DB" "$1" 2>/dev/null || true)
		[ "$got" = "$2" ] && return 0
		sleep 0.05
	done
	fail "waited for [$1] to be [$2]; last got [$got]"
}

# bg PID: remember a background process so cleanup kills it.
bg() {
	E2E_PIDS+=("$1")
}

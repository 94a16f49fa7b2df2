#!/usr/bin/env bash
# drill stats' charts (issue 17): golden output at a fixed DRILL_NOW on an
# empty database and on one holding a single review (Unicode and ASCII);
# every line within 80 columns; --deck; then a synthetic history of review
# rows inserted with sqlite3 into a real database, and every figure of
# --json checked against SQL run on the same database by
# tests/e2e/stats_check.py, which works out the study days on its own.
source "$(dirname "$0")/lib.sh" "$@"

export DRILL_DECKS=$E2E_DECKS/study DRILL_NOW=2026-03-20T09:00:00Z
GOLDEN=$DRILL_TEST_DATA/stats

# golden NAME ARGS...: drill stats ARGS prints exactly tests/data/stats/NAME.
golden() {
	local name=$1
	shift
	run stats "$@"
	expect_exit 0
	printf '%s\n' "$OUT" >"$T/$name"
	if [ "${STATS_GOLDEN_UPDATE:-0}" = 1 ]; then
		cp "$T/$name" "$GOLDEN/$name"
	fi
	expect_same_file "$GOLDEN/$name" "$T/$name"
}

# fits TEXT WHAT: no line wider than 80 columns (code points; the charts
# use no wide characters).
fits() {
	printf '%s\n' "$1" | python3 -c '
import sys
for n, line in enumerate(sys.stdin.read().split("\n"), 1):
    if len(line) > 80:
        sys.exit("line %d is %d columns: %s" % (n, len(line), line))
' || fail "$2: a line is wider than 80 columns"
}

step "an empty database: every chart drawn, nothing counted"
run import
expect_exit 0
golden empty.txt
golden empty_ascii.txt --ascii
fits "$OUT" "stats --ascii"

step "one review"
run_in '\n3\n' --new 1 --limit 1
expect_exit 0
sql_eq "SELECT count(*) FROM reviews" 1 "reviews"
# The answer took real time; the golden file needs a fixed one (4.2 s). The
# log refuses UPDATE, so the row is copied, changed, and put back.
sql "CREATE TEMP TABLE r AS SELECT * FROM reviews; UPDATE r SET duration_ms = 4200;
     DELETE FROM reviews; INSERT INTO reviews SELECT * FROM r;" >/dev/null
golden one.txt
fits "$OUT" "stats"
golden one_ascii.txt --ascii
no_escapes "$OUT" "stats --ascii"
if printf '%s' "$OUT" | LC_ALL=C grep -q '[^ -~]'; then
	fail "stats --ascii printed a byte outside printable ASCII"
fi

step "a locale that is not UTF-8 draws in ASCII"
LC_ALL=C run stats
expect_exit 0
expect_eq "$OUT" "$(cat "$GOLDEN/one_ascii.txt")" "stats under LC_ALL=C"
LC_ALL= LC_CTYPE= LANG=C.UTF-8 run stats
expect_eq "$OUT" "$(cat "$GOLDEN/one.txt")" "stats under LANG=C.UTF-8"

step "--deck: a deck by key; an unknown deck is refused with the list"
run stats --deck study --json
expect_exit 0
expect_contains "$OUT" '"deck": "study"' "stats --deck study --json"
run stats --deck nosuch
expect_exit 1
expect_err 'drill stats: no deck "nosuch"; the decks are: study'
expect_eq "$OUT" "" "stdout for an unknown deck"

step "a synthetic history: --json against SQL"
python3 "$E2E_HERE/stats_check.py" populate "$DRILL_DB" || fail "could not build the history"
run stats --json
expect_exit 0
printf '%s\n' "$OUT" >"$T/stats.json"
python3 "$E2E_HERE/stats_check.py" check "$DRILL_DB" "$T/stats.json" 2026-03-20T09:00:00Z 4 ||
	fail "stats --json disagrees with SQL (above)"
run stats
expect_exit 0
fits "$OUT" "stats on the history"
expect_out "Leeches: 2 (drill cards is:leech lists them)"
run stats --ascii
fits "$OUT" "stats --ascii on the history"
run stats --deck study
expect_exit 0
expect_out "study "

step "--json on the history with --deck names the deck"
run stats --json --deck study
expect_exit 0
printf '%s\n' "$OUT" >"$T/deck.json"
python3 "$E2E_HERE/stats_check.py" check "$DRILL_DB" "$T/deck.json" 2026-03-20T09:00:00Z 4 ||
	fail "stats --json --deck study disagrees with SQL (above)"

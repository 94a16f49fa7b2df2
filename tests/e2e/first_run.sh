#!/usr/bin/env bash
# First run on an empty machine: no XDG directories, no database. drill
# creates the default database (mode 0600) under $XDG_DATA_HOME, imports
# the bundled decks, runs a session on piped answers and saves the reviews.
source "$(dirname "$0")/lib.sh" "$@"

export DRILL_DECKS=$DRILL_SOURCE_DIR/decks
unset DRILL_DB
db=$XDG_DATA_HOME/drill/drill.db
[ ! -e "$XDG_DATA_HOME" ] || fail "the test expected no XDG data directory yet"

# The bundled decks as files: how many decks and cards the import must find.
ndecks=$(ls "$DRILL_DECKS"/*.deck | wc -l)
ncards=$(cat "$DRILL_DECKS"/*.deck | grep -c '^id:')
[ "$ndecks" -gt 0 ] && [ "$ncards" -gt 0 ] || fail "no bundled decks in $DRILL_DECKS"

step "a session on piped answers, three grades"
# Alternating "1" and "a" is a valid answer or grade for every card type
# (unreadable ones are asked again), so this works whatever the decks hold.
answers=""
for _ in $(seq 40); do answers="${answers}1\na\n"; done
run_in "$answers" --seed 1 --limit 3
expect_exit 0
expect_out "Imported deck changes: $ncards added, 0 updated, 0 retired."
expect_out "drill: 0 due today, 0 learning now, 20 new. Type :help for commands."
expect_out "Session over: 3 reviews"
no_escapes "$OUT" "the output of a session on a pipe"

step "the default database: path, mode, directories"
[ -f "$db" ] || fail "no database at $db"
expect_eq "$(stat -c %a "$db")" 600 "mode of $db"
expect_eq "$(stat -c %a "$XDG_DATA_HOME/drill")" 700 "mode of $XDG_DATA_HOME/drill"
[ ! -e "$HOME/.local" ] || fail "created ~/.local although XDG_DATA_HOME is set"
[ ! -e "$XDG_STATE_HOME/drill/history" ] || fail "history written by a non-interactive session"

DRILL_DB=$db
step "the database holds the bundled decks and the three reviews"
sql_eq "SELECT count(*) FROM decks" "$ndecks" "decks imported"
sql_eq "SELECT count(*) FROM cards WHERE retired = 0" "$ncards" "cards imported"
sql_eq "SELECT count(*) FROM reviews" 3 "reviews saved"
sql_eq "SELECT count(DISTINCT card_id) FROM reviews" 3 "cards reviewed"
sql_eq "SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id
        WHERE c.state = r.a_state AND c.due = r.a_due AND r.b_state = 0" 3 \
	"each card holds the state its review produced"
sql_eq "SELECT count(*) FROM sessions WHERE ended_at IS NOT NULL" 1 "session ended"
sql_eq "SELECT count(*) FROM reviews WHERE session_id = (SELECT id FROM sessions)" 3 \
	"reviews tied to the session"
sql_eq "PRAGMA journal_mode" wal "journal mode"
[ "$(sql 'PRAGMA user_version')" -ge 1 ] || fail "schema version not recorded"

step "a second run imports nothing again and goes on where it stopped"
run_in "$answers" --seed 1 --limit 2
expect_exit 0
expect_no_out "Imported deck changes"
expect_out "Session over: 2 reviews"
sql_eq "SELECT count(*) FROM reviews" 5 "reviews after the second session"
sql_eq "SELECT count(*) FROM sessions" 2 "sessions"

step "without XDG_DATA_HOME the database goes to ~/.local/share/drill"
unset XDG_DATA_HOME DRILL_DB
run stats
expect_exit 0
expect_out "there is no database at $HOME/.local/share/drill/drill.db"
[ ! -e "$HOME/.local/share/drill" ] || fail "drill stats created ~/.local/share/drill"
run import
expect_exit 0
[ -f "$HOME/.local/share/drill/drill.db" ] || fail "no database at ~/.local/share/drill/drill.db"
expect_eq "$(stat -c %a "$HOME/.local/share/drill/drill.db")" 600 "mode of the fallback database"

step "--db wins over DRILL_DB, which wins over the default"
export DRILL_DB=$T/env.db
run import --db "$T/option.db"
expect_exit 0
[ -f "$T/option.db" ] && [ ! -e "$T/env.db" ] || fail "--db did not take precedence over DRILL_DB"
run import
[ -f "$T/env.db" ] || fail "DRILL_DB was not used"

#!/usr/bin/env bash
# Failure paths on purpose: a write that fails half-way through an import or
# a grade leaves nothing half-done. A trigger makes the Nth write fail (as a
# full disk or an I/O error would), and the database must be exactly as it
# was before the command.
source "$(dirname "$0")/lib.sh" "$@"

use_decks study
run import
expect_exit 0
sql_eq "SELECT count(*) FROM cards" 8

step "an import whose sixth card cannot be written changes nothing"
# Edit every card (so each must be rewritten) and add two new ones.
sed -i 's/^prompt: Question/prompt: Reworded question/' "$T/decks/study.deck"
printf '\nid: s-new-1\nprompt: New one\nanswer: One\n\nid: s-new-2\nprompt: New two\nanswer: Two\n' \
	>>"$T/decks/study.deck"
sql "CREATE TABLE fail_after(n INTEGER); INSERT INTO fail_after VALUES (5);
     CREATE TRIGGER fail_nth BEFORE UPDATE OF source ON cards
     WHEN (SELECT n FROM fail_after) <= 0
     BEGIN SELECT RAISE(ABORT, 'injected write failure'); END;
     CREATE TRIGGER count_down AFTER UPDATE OF source ON cards
     BEGIN UPDATE fail_after SET n = n - 1; END;"
before=$(sql "SELECT group_concat(id || ':' || hash || ':' || retired, ',') FROM cards ORDER BY id")
run import
expect_exit 2
expect_err "injected write failure"
expect_err "nothing was imported"
sql_eq "SELECT group_concat(id || ':' || hash || ':' || retired, ',') FROM cards ORDER BY id" "$before" \
	"cards after a failed import"
sql_eq "SELECT count(*) FROM cards WHERE source LIKE '%Reworded%'" 0
sql_eq "SELECT n FROM fail_after" 5 "the trigger's own counter (rolled back too)"

step "with the failure gone the same import goes through"
sql "DROP TRIGGER fail_nth; DROP TRIGGER count_down; DROP TABLE fail_after;"
run import
expect_exit 0
expect_out "2 added, 8 updated"

step "a grade whose card update fails leaves no review behind, and the session stops"
sql "CREATE TRIGGER fail_grade BEFORE UPDATE OF reps ON cards
     WHEN NEW.id = 's-02'
     BEGIN SELECT RAISE(ABORT, 'injected write failure'); END;"
state_before=$(card_state s-02)
run_in '\n3\n\n3\n\n3\n' --seed 1 --new 10
expect_exit 2
expect_err "your answer to s-02 was not saved"
sql_eq "SELECT count(*) FROM reviews WHERE card_id = 's-01'" 1 "the grade before the failure"
sql_eq "SELECT count(*) FROM reviews WHERE card_id = 's-02'" 0 "the failed grade"
expect_eq "$(card_state s-02)" "$state_before" "card s-02 after the failed grade"
sql_eq "SELECT count(*) FROM reviews" 1 "no grade after the failure"

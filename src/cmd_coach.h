/*
 * cmd_coach: what `drill coach` and `drill mock` share — finding the open
 * cards of the bundled decks, turning a card into the coach's question,
 * and printing an analysis as text or JSON.
 *
 * Owns: nothing that outlives a call except the objects it returns. Reads
 * deck files and prints; never exits. Used by cmd_coach.c and cmd_mock.c.
 *
 * Ownership: const char * arguments are borrowed. cmd_coach_load_decks
 * returns decks the caller frees with cmd_coach_free_decks; questions
 * filled by cmd_coach_question borrow from their card and are released
 * with cmd_coach_question_clear.
 */
#ifndef DRILL_CMD_COACH_H
#define DRILL_CMD_COACH_H

#include <stdbool.h>
#include <stdio.h>

#include <jansson.h>

#include "coach.h"
#include "deck.h"

/*
 * Parses every *.deck file of the bundled decks folder (paths_decks()).
 * Decks with errors are skipped; their diagnostics go to dl. Returns 0, or
 * -1 (after nothing was loaded) when the folder cannot be found or read,
 * with its path or the reason in dl.
 */
int cmd_coach_load_decks(struct deck ***out, size_t *n, struct diag_list *dl);
void cmd_coach_free_decks(struct deck **decks, size_t n);

/* The open card called id, or NULL. Borrowed from decks. */
const struct card *cmd_coach_find_card(struct deck *const *decks, size_t n, const char *id);

/* The coach's question for an open card; points borrow the card's patterns. */
void cmd_coach_question(const struct card *c, struct coach_question *q);
void cmd_coach_question_clear(struct coach_question *q);

/* The level an open card asks for: its level: field, else fallback. */
enum coach_level cmd_coach_card_level(const struct card *c, enum coach_level fallback);

/* Prints an analysis as the text report; with followups, the questions
 * the answer invites. */
void cmd_coach_print(FILE *f, const struct coach_result *r, const struct coach_question *q,
		     bool followups);

/* The analysis as a JSON object (new reference). card_id may be NULL. */
json_t *cmd_coach_json(const struct coach_result *r, const struct coach_question *q,
		       const char *card_id);

#endif

/*
 * cmd_coach: what `drill coach` and `drill mock` share — the open cards
 * of the collection, turning a card into the coach's question, and
 * printing an analysis as text or JSON.
 *
 * Owns: nothing that outlives a call except the objects it returns. Reads
 * the database and prints; never exits. Used by cmd_coach.c and cmd_mock.c.
 *
 * Ownership: const char * arguments are borrowed. cmd_coach_open_cards
 * returns cards the caller frees with cmd_coach_free_cards; questions
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

struct app;
struct store;

/*
 * Every active open card of the database, parsed, after importing the
 * decks changed on disk; with s NULL (no database yet, which the commands
 * that only read never create) every open card of the bundled decks, read
 * directly. Returns EXIT_OK with *out (free it with cmd_coach_free_cards),
 * or an exit status after printing why.
 */
int cmd_coach_open_cards(const struct app *app, struct store *s, struct card ***out,
			 size_t *n);
void cmd_coach_free_cards(struct card **v, size_t n);
/* The card called id, or NULL. Borrowed from v. */
const struct card *cmd_coach_find_card(struct card *const *v, size_t n, const char *id);

/* The coach's question for an open card; points borrow the card's patterns. */
void cmd_coach_question(const struct card *c, struct coach_question *q);
void cmd_coach_question_clear(struct coach_question *q);

/* The level an open card asks for: its level: field, else fallback. */
enum coach_level cmd_coach_card_level(const struct card *c, enum coach_level fallback);

/* Prints an analysis as the text report; with followups, the questions
 * the answer invites. */
void cmd_coach_print(FILE *f, const struct coach_result *r, const struct coach_question *q,
		     bool followups);

/*
 * Says that an answer of bytes bytes is over SLURP_MAX_TEXT, the most drill
 * reads: "drill coach: the answer is 1.4 MB; the most drill reads is 1 MB
 * ..." (in bytes when it is just over).
 */
void cmd_coach_too_long(size_t bytes);

/* The analysis as a JSON object (new reference). card_id may be NULL. */
json_t *cmd_coach_json(const struct coach_result *r, const struct coach_question *q,
		       const char *card_id);

#endif

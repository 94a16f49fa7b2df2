/*
 * deck: the deck file format (docs/deck-format.md) parsed into cards.
 *
 * Owns: struct deck and struct card and everything they point to.
 * Pure: parses a buffer the caller read; never touches files, prints or
 * exits. Problems go to a diag_list as "file:line:col" records and parsing
 * carries on so that one run reports every error. Validation is complete:
 * patterns compile, examples are accepted and counterexamples rejected,
 * calc cards name real methods and inputs.
 *
 * Ownership: deck_parse and deck_parse_card return objects the caller frees
 * with deck_free / card_free (both accept NULL). const char * arguments are
 * borrowed for the call.
 */
#ifndef DRILL_DECK_H
#define DRILL_DECK_H

#include <stdbool.h>
#include <stddef.h>

#include "amount.h"
#include "calc.h"
#include "check.h"
#include "diag.h"
#include "impact.h"
#include "util.h"

enum card_type {
	CARD_RECALL,
	CARD_TEXT,
	CARD_NUMBER,
	CARD_CHOICE,
	CARD_CALC,
	CARD_OPEN
};

#define CARD_TYPE_COUNT 6

/* A key point of an open question: "label => pattern". */
struct card_point {
	char *label;          /* owned */
	struct check_re *re;  /* owned */
};

/*
 * One card. Every string is owned by the card. Fields that do not apply to
 * the card's type are NULL, empty or zero.
 */
struct card {
	char *id;            /* unique in the collection */
	enum card_type type;
	int line;            /* line of the record's first field in its file */
	char *source;        /* the record's lines as written (stored, re-parsed on serve) */
	char hash[17];       /* hex digest of the record's content */

	char *prompt;        /* the question; for calc, the scenario template */
	char *answer;        /* expected answer as written */
	char *explain;
	char *hint;
	struct strv tags;    /* the card's own tags (deck tags not included) */
	char *group;         /* sibling group name, or NULL */
	struct strv examples;        /* answers that must be accepted */
	struct strv counterexamples; /* answers that must be rejected */

	/* text */
	struct check_re **accept; /* owned array of owned patterns */
	size_t naccept;
	struct check_re **reject;
	size_t nreject;

	/* number: value of answer in base units of unit */
	enum amount_kind unit;
	double value;
	double tolerance; /* relative, 0.01 = 1%; number and calc */

	/* choice */
	struct strv options; /* as written; answer is one of them */

	/* calc */
	const struct impact_method *method; /* borrowed from the catalogue */
	struct calc_range *ranges;          /* owned, nranges long */
	size_t nranges;
	char *ask;        /* "annual" or a step label */
	bool walkthrough;

	/* open */
	char *principle;
	char *level; /* "L6", "L7" or "any" */
	char *notes;
	struct card_point *points; /* owned, npoints long */
	size_t npoints;
};

struct deck {
	char *key;         /* file name without directory and ".deck" */
	char *path;        /* as given */
	char *name;        /* deck: */
	char *description; /* may be NULL */
	struct strv tags;
	struct card *cards; /* owned array */
	size_t ncards;
};

/*
 * Parses a whole deck file. Returns 0 and sets *out (even when there were
 * warnings), or -1 with *out NULL when any error was added to dl.
 */
int deck_parse(const char *path, const char *buf, size_t len,
	       struct deck **out, struct diag_list *dl);

/*
 * Parses one card record (as stored in card->source) that starts at line
 * first_line of path. Returns 0 and sets *out, or -1 with errors in dl.
 */
int deck_parse_card(const char *path, int first_line, const char *buf,
		    size_t len, struct card **out, struct diag_list *dl);

/*
 * The values of the fields names[0..n) of the first record in buf (as
 * stored in card->source), joined the way deck_parse joins continuation
 * lines, without checking the record: a light way to show or search a
 * stored card. out[i] is NULL when the record has no such field; the
 * caller frees each.
 */
void deck_record_values(const char *buf, size_t len, const char *const *names, size_t n,
			char **out);

/*
 * Checks ids across decks: adds an error for every id defined twice.
 * Returns the number of duplicates.
 */
size_t deck_check_ids(struct deck *const *decks, size_t n, struct diag_list *dl);

void deck_free(struct deck *d);
void card_free(struct card *c);

const char *card_type_name(enum card_type t);
int card_type_from_name(const char *name); /* -1 if unknown */

#endif

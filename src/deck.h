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
 * A buffer may start with a UTF-8 byte-order mark; it is skipped, and line
 * and column numbers count from the character after it.
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

/*
 * A key point of an open question: "label => pattern", or "label =>
 * KIND OP AMOUNT", an amount condition ("money >= $10M") that a figure of
 * the answer must meet. Exactly one of re and cond is set.
 */
struct card_point {
	char *label;		 /* owned */
	struct check_re *re;	 /* owned; NULL for an amount condition */
	struct amount_cond cond; /* kind AMOUNT_ANY for a pattern */
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
	char *file;          /* the file the record was generated from when it is not the
				deck's own (a story file), or NULL */
	struct strv examples;        /* answers that must be accepted */
	struct strv counterexamples; /* answers that must be rejected */

	/* text */
	struct check_re **accept; /* owned array of owned patterns */
	size_t naccept;
	struct check_re **reject;
	size_t nreject;
	struct strv concepts; /* concept: lines as written ("a | b | c") */
	struct strv vocab;    /* the card's words (answer, examples, accept and concept
				 words, minus reject words), for word forms and typos */
	struct strv avoid;    /* the words of its reject patterns */

	/* number: the answer in base units of unit */
	enum amount_kind unit;
	struct amount_range range; /* one value, a span or a bound */
	double value;		   /* range.lo.value */
	bool single;		   /* single: yes, a value inside a span is right */
	double tolerance; /* relative, 0.01 = 1%; number and calc */
	double close;	  /* number: the close band (close:), or -1 for the default */

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

/* A card record's id and where it starts, for the duplicate check. */
struct deck_id {
	char *id; /* owned */
	int line; /* line of the record's first field */
};

/*
 * A parsed deck. ids lists the id of every card record in file order, the
 * records that had errors included (a record without a valid id is left
 * out), so that duplicates are found even in a deck that has other errors;
 * in a deck without errors it names the same cards as cards.
 */
struct deck {
	char *key;         /* file name without directory and ".deck" */
	char *path;        /* as given */
	char *name;        /* deck: */
	char *description; /* may be NULL */
	struct strv tags;
	struct card *cards; /* owned array */
	size_t ncards;
	struct deck_id *ids; /* owned array, nids long */
	size_t nids;
};

/*
 * Parses a whole deck file. Returns 0 and sets *out (even when there were
 * warnings), or -1 with *out NULL when any error was added to dl.
 */
int deck_parse(const char *path, const char *buf, size_t len,
	       struct deck **out, struct diag_list *dl);

/*
 * deck_parse for a caller that must see every card id even when the deck
 * has errors (the importer, which reports every problem of every deck in
 * one run): *out is always set. Returns 0 when there were no errors; -1
 * when there were, and then *out holds only the cards that parsed, with
 * ids complete: check it, never import it.
 */
int deck_parse_partial(const char *path, const char *buf, size_t len,
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
 * Checks ids across decks (by their ids lists, so decks from
 * deck_parse_partial count in full): adds an error for every id that a
 * deck defines when an earlier deck (in path order) already does. An id
 * defined twice in one deck is left to deck_parse, which reports it.
 * Returns the number of duplicates reported.
 */
size_t deck_check_ids(struct deck *const *decks, size_t n, struct diag_list *dl);

void deck_free(struct deck *d);
void card_free(struct card *c);

const char *card_type_name(enum card_type t);
int card_type_from_name(const char *name); /* -1 if unknown */

#endif

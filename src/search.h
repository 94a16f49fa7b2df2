/*
 * search: the query language of `drill cards` (docs/cards.md) — terms
 * parsed into a struct, and the test of one card against it.
 *
 * Owns: struct search and its strings; the list of fields and is: words.
 * Pure: no I/O, no clock, no globals. The facts that depend on the time
 * or the review log (due, buried, flagged) are worked out by the store
 * and handed in with the card; the prompt and answer text by the caller.
 *
 * Every term must hold. A term is a field term when it starts with
 * letters followed by ':', '<', '>' or '=' (deck:KEY, tag:T, type:T,
 * group:G, is:WORD, lapses>N, reps<=N...); an unknown field, an unknown
 * is: word or a bad number is an error that names the term. Anything
 * else is a free word (or phrase, when the shell passed one argument with
 * spaces), which must occur in the card's prompt or answer, ignoring the
 * case of ASCII letters; white space in a phrase matches any white space.
 *
 * Ownership: const char * arguments are borrowed for the call.
 * search_parse fills a struct the caller releases with search_free (safe
 * on a zeroed struct); search_excerpt returns a string the caller frees.
 */
#ifndef DRILL_SEARCH_H
#define DRILL_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* The is: words, as bits of struct search.is. */
enum search_is {
	SEARCH_IS_NEW = 1u << 0,       /* state new */
	SEARCH_IS_DUE = 1u << 1,       /* due now by the study-day rule */
	SEARCH_IS_LEARNING = 1u << 2,  /* state learning or relearning */
	SEARCH_IS_REVIEW = 1u << 3,    /* state review */
	SEARCH_IS_SUSPENDED = 1u << 4,
	SEARCH_IS_BURIED = 1u << 5,    /* a sibling was reviewed this study day */
	SEARCH_IS_LEECH = 1u << 6,
	SEARCH_IS_FLAGGED = 1u << 7    /* a grade was overridden since the card last changed */
};

/* Inclusive bounds on a count; {0, INT64_MAX} lets every card through.
 * lo > hi (lapses>3 lapses<2) matches nothing. */
struct search_range {
	int64_t lo, hi;
};

struct search {
	struct strv decks;  /* deck: values; each names the card's deck (key, or name ignoring case) */
	struct strv tags;   /* tag: values; the card carries each (ignoring ASCII case) */
	struct strv types;  /* type: values, each a valid card type name */
	struct strv groups; /* group: values; the card's group is each (exact) */
	unsigned is;        /* SEARCH_IS_* bits, all of which must hold */
	struct search_range lapses, reps;
	struct strv words;  /* free words and phrases, as given */
};

/*
 * Parses terms[0..n) into *q (zeroed first; all terms must hold). Returns
 * 0, or -1 with *q released and a message naming the bad term in err.
 */
int search_parse(const char *const *terms, size_t n, struct search *q, char *err,
		 size_t errlen);
void search_free(struct search *q);

/* What the terms test about one card; every string borrowed. */
struct search_card {
	const char *deck_key;
	const char *deck_name;
	const char *type;    /* "recall", "text", ... */
	const char *tags;    /* ",tag,tag," (deck and card tags), as stored */
	const char *group;   /* NULL when none */
	int state;           /* enum fsrs_state: 0 new .. 3 relearning */
	int64_t lapses, reps;
	bool suspended, leech;
	bool due, buried, flagged; /* at the moment asked about, from the store */
	const char *prompt;  /* NULL when absent; read only for free words */
	const char *answer;  /* NULL when absent; read only for free words */
};

/* Every term but the free words holds for c (prompt and answer unread). */
bool search_match_facts(const struct search *q, const struct search_card *c);
/* Every term holds for c, free words included. */
bool search_match(const struct search *q, const struct search_card *c);
/*
 * Each piece (between white space) of each free word of q occurs somewhere
 * in text, ignoring ASCII case: a quick test on a card's whole record that
 * every match passes, so that the fields need only be extracted from the
 * records that pass it.
 */
bool search_words_in(const struct search *q, const char *text);
/* needle occurs in haystack, ignoring the case of ASCII letters; a run of
 * white space in needle matches any run of white space in haystack. */
bool search_contains(const char *haystack, const char *needle);

/*
 * text on one line (each run of white space made one space, none at
 * either end), cut to at most cols display columns (wrap.h) with "…" at
 * the cut; cols <= 0: not cut. Caller frees.
 */
char *search_excerpt(const char *text, int cols);

#endif

/*
 * anki: Anki's notes, cards and review log turned into drill's decks,
 * cards and reviews (docs/anki.md).
 *
 * Owns: the in-memory model of an Anki collection (struct anki_col, filled
 * by ankistore.h from a package or by anki_parse_text from Anki's text
 * export), and every mapping rule: note types to card types (Basic and
 * reversed: recall; "type in the answer": text with the answer as an
 * escaped pattern; Cloze: one recall card per cloze number), templates
 * rendered with their fields, HTML reduced to plain text, media
 * references found and dropped, deck names to deck keys, card ids, the
 * deck file text, which review-log entries count as reviews, and the FSRS
 * memory state of a review card without history (from its interval and
 * ease). Pure: no I/O, no clock, no globals; problems come back as text.
 *
 * Ownership: const char * arguments are borrowed for the call; structs
 * filled by anki_* functions own their strings and are released with the
 * matching *_free function (safe on a zeroed struct).
 */
#ifndef DRILL_ANKI_H
#define DRILL_ANKI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fsrs.h"
#include "util.h"

struct anki_template {
	int ord;    /* 0-based */
	char *name;
	char *qfmt; /* front template */
	char *afmt; /* back template */
};

struct anki_notetype {
	int64_t id;
	char *name;
	bool cloze;                  /* kind Cloze */
	struct strv fields;          /* field names in order */
	struct anki_template *tmpls; /* ntmpls long */
	size_t ntmpls;
};

struct anki_deck {
	int64_t id;
	char *name; /* "Parent::Child" */
};

struct anki_note {
	int64_t id;  /* Anki's note id (ms of creation); 0 for a text import */
	char *key;   /* what card ids are made of: the note id in decimal, the
			guid of a text import, or a hash of its first field */
	int64_t mid; /* note type id */
	char *flds;  /* the fields, separated by 0x1f */
	char *tags;  /* space-separated */
	int64_t did; /* a text import's deck for the note; 0 in a package */
};

/* Anki's card types and queues (cards.type, cards.queue). */
enum { ANKI_NEW = 0, ANKI_LEARN = 1, ANKI_REVIEW = 2, ANKI_RELEARN = 3 };
enum { ANKI_QUEUE_SUSPENDED = -1 };

struct anki_card {
	int64_t id;
	int64_t nid;
	int64_t did;    /* deck */
	int64_t odid;   /* original deck while in a filtered deck, else 0 */
	int ord;        /* template ordinal, or cloze number - 1 */
	int type;       /* ANKI_NEW .. ANKI_RELEARN */
	int queue;      /* -1 suspended, ... */
	int64_t due;    /* review: days since the collection's creation */
	int ivl;        /* days (negative: seconds, in learning) */
	int factor;     /* ease in permille (2500 = 250%) */
	int reps, lapses;
};

/* One review-log entry (revlog). */
struct anki_rev {
	int64_t id;     /* unix ms of the review */
	int64_t cid;    /* card */
	int ease;       /* 1..4; 0: not a grade (manual, rescheduled, cram) */
	int type;       /* 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled */
	int64_t ivl;    /* days (negative: seconds) */
	int64_t lastivl;
	int factor;     /* permille */
	int64_t time;   /* ms spent on the answer */
};

struct anki_col {
	int64_t crt; /* the collection's creation, unix seconds (review due days count from it) */
	struct anki_notetype *types;
	size_t ntypes;
	struct anki_deck *decks;
	size_t ndecks;
	struct anki_note *notes; /* by id (a package's; a text import's in file order) */
	size_t nnotes;
	struct anki_card *cards;
	size_t ncards;
	struct anki_rev *revs; /* by card, then time */
	size_t nrevs;
};
void anki_col_free(struct anki_col *c);

/* One drill card made from an Anki card. */
struct anki_out {
	char *id;        /* anki-KEY-ORD; a text import's guid "anki-..." as it is */
	char *deck_key;  /* anki-SLUG */
	char *deck_name; /* Anki's deck name */
	const char *type; /* "recall" or "text" (static) */
	char *prompt;
	char *answer;
	char *accept;    /* text cards: the pattern; else NULL */
	char *tags;      /* comma-separated, "" when none */
	size_t card;     /* index into col->cards; SIZE_MAX for a text import */
	size_t note;     /* index into col->notes */
};

struct anki_map {
	struct anki_out *v;
	size_t n;
	struct strv problems; /* "note 123 (Image Occlusion): why", one per note */
	struct strv media;    /* file names referenced and skipped, each once */
	int notes;            /* notes mapped (with one card at least) */
};
void anki_map_free(struct anki_map *m);

/*
 * Maps every card of col (a text import passes col->ncards == 0: then each
 * note yields its cards by the note type's rules). Cards whose note or
 * note type is missing, whose note type is not Basic-like or Cloze, or
 * whose front is empty once reduced to text are left out and their note
 * named in m->problems with the reason.
 */
void anki_map_col(const struct anki_col *col, struct anki_map *m);

/* The deck file text for the cards of m in deck key (in m's order),
 * headed by the deck name and a description naming source. */
char *anki_deck_text(const struct anki_map *m, const char *key, const char *source);

/* "anki-" and the deck name in lower case, "::" and other runs of
 * characters outside [a-z0-9] turned into one '-' (at most 60 bytes); a
 * name without an ASCII letter or digit gives "anki-deck-" and 8 hex
 * digits of its hash. */
char *anki_deck_key(const char *name);

/* HTML to plain text: line breaks for <br>, <div>, <p> and list items
 * ("- "), entities decoded, other tags dropped, [sound:...] and <img>
 * removed with their file names added to media (may be NULL). */
char *anki_html_text(const char *html, struct strv *media);

/* A caseless pattern that accepts exactly text (white space runs as \s+),
 * anchored, every other character taken literally. */
char *anki_literal_pattern(const char *text);

/*
 * Anki's text export (File > Export > Notes in Plain Text) read into col:
 * the headers #separator: (tab, comma, semicolon, pipe, space, or the
 * character), #html:, #columns:, #deck:, #tags:, #notetype:, and the
 * column headers #guid column:, #notetype column:, #deck column:,
 * #tags column:; without #separator: the first line decides (tab, then
 * semicolon, then comma). Fields may be quoted with "" (doubled inside).
 * Note types named like Anki's stock ones are understood: a name with
 * "cloze" is Cloze, one with "type" a typed answer, others Basic. Without
 * #html:false, fields are HTML. Returns 0, or -1 with a message in err.
 */
int anki_parse_text(const char *name, const char *buf, size_t len, struct anki_col *col,
		    char *err, size_t errlen);

/*
 * The FSRS memory state Anki gives a review card it has no usable history
 * for: the stability at which interval days leave the desired retention
 * r (stability = interval when r is 0.9), and the difficulty at which a
 * Good review at that retention multiplies the stability by the ease
 * (factor permille), clamped to [1, 10].
 */
void anki_memory_from_sm2(const struct fsrs_params *p, int interval_days, int factor,
			  double *stability, double *difficulty);

/*
 * Which entries of one card's review log (n entries, by time) count for
 * FSRS, as Anki's FSRS counts them: entries with ease 0 (manual changes,
 * rescheduling, cram without rescheduling) are not reviews; a reset to new
 * (a manual entry with interval 0) drops everything before it. Sets
 * keep[i]; returns whether the kept history is complete (starts with a
 * learning entry), so that replaying it from a new card is right.
 */
bool anki_rev_keep(const struct anki_rev *revs, size_t n, bool *keep);

#endif

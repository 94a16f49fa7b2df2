/*
 * store: drill's SQLite database (the only file that includes sqlite3.h).
 *
 * Owns: the connection, the embedded migrations (schema/NNNN_*.sql, see
 * schema.h), and every SQL statement, each prepared once and reused. Verbs
 * name the domain, not the SQL. One short transaction per graded review;
 * one transaction per import (the importer brackets it with store_begin /
 * store_commit); nothing else writes.
 *
 * Never prints. Errors come back as a status and a message kept in the
 * store (store_errmsg), valid until the next call.
 *
 * Ownership: const char * arguments are borrowed for the call. Structs
 * filled by store_* functions own their strings; release them with the
 * matching *_clear function (safe on a zeroed struct).
 */
#ifndef DRILL_STORE_H
#define DRILL_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fsrs.h"
#include "util.h"

struct store;
struct deck;
struct card;

enum store_status {
	STORE_OK = 0,
	STORE_ERR = -1,      /* SQLite or file error; see the message */
	STORE_NEWER = -2,    /* schema newer than this program: refused, untouched */
	STORE_NOT_DRILL = -3, /* the file is not a drill database: refused, untouched */
	STORE_CONFLICT = -4,  /* the card changed since it was read; nothing written */
	STORE_BUSY = -5,      /* another process held the lock past the timeout */
	STORE_NOT_FOUND = -6  /* a card id that is not in the database */
};

/*
 * Opens the database at path and applies missing migrations in one
 * transaction. An existing file is first judged by its header alone
 * (read(2), no SQLite connection): a file that is not SQLite, truncated,
 * another program's, or of a newer schema is refused and left exactly as
 * it was, with nothing created beside it. One that passes is opened
 * read-write, so SQLite recovers a hot journal or WAL, and checked again.
 * A missing file (or an empty one) is created only with STORE_OPEN_CREATE
 * (else STORE_NOT_FOUND): built under a temporary name in the same folder,
 * mode 0600, and put in place once its first transaction has committed.
 * Returns STORE_OK and sets *out, or a negative status with *out NULL and
 * a message in err.
 */
enum { STORE_OPEN_CREATE = 1 }; /* flags of store_open */
int store_open(const char *path, unsigned flags, struct store **out, char *err, size_t errlen);
/* How long any statement waits for another process's lock (ms; 0 or less:
 * the default, 5 s). One setting for the whole process. */
void store_set_busy_timeout(int ms);
void store_close(struct store *s);
const char *store_errmsg(const struct store *s);
/* The schema version this program creates and understands. */
int store_schema_version(void);

/*
 * Called by store_open just before it upgrades an existing database to a
 * newer schema (from > 0), with the connection open at the old version:
 * the automatic backup before a migration. A non-zero return stops the
 * upgrade and the open fails with the message fn put in err. One hook for
 * the whole process; NULL removes it.
 */
typedef int (*store_migrate_hook)(struct store *s, const char *path, int from, void *ctx,
				  char *err, size_t errlen);
void store_set_migrate_hook(store_migrate_hook fn, void *ctx);

/* ---- backups (SQLite's online backup API) ---- */
/*
 * Copies the whole database to a new file dest (mode 0600, rollback
 * journal mode, so the copy is one self-contained file), written under a
 * temporary name in dest's folder and renamed to dest once complete and
 * synced. Safe while other connections read or write: the copy is of one
 * consistent moment. An existing dest is replaced.
 */
int store_backup_to(struct store *s, const char *dest);
/*
 * Replaces the content of the open database with the drill database at
 * src, through the backup API (other connections see the change at their
 * next transaction), then upgrades it if its schema is older. src is
 * first checked: a drill database, not newer than this program, passing
 * PRAGMA quick_check; otherwise refused with nothing changed
 * (STORE_NOT_DRILL, STORE_NEWER, STORE_ERR).
 */
int store_restore_from(struct store *s, const char *src);

int store_begin(struct store *s); /* BEGIN IMMEDIATE */
int store_commit(struct store *s);
void store_rollback(struct store *s);

/* ---- settings ---- */
/* *value is NULL when the key is unset; the caller frees it. */
int store_config_get(struct store *s, const char *key, char **value);
int store_config_set(struct store *s, const char *key, const char *value);

/* ---- decks and import ---- */
struct store_deck {
	int64_t id;
	char *key;       /* file name without .deck */
	char *path;      /* absolute path of the last import */
	char *name;
	char *file_hash; /* digest of the file at the last import */
	int64_t mtime;   /* unix seconds */
	int64_t size;    /* bytes */
};
void store_deck_clear(struct store_deck *d);
/* Every deck, in key order; *out is an array the caller frees with store_decks_free. */
int store_decks(struct store *s, struct store_deck **out, size_t *n);
void store_decks_free(struct store_deck *v, size_t n);

/* A number larger than every generation stored so far, for one import. */
int store_import_generation(struct store *s, int64_t *gen);
/* Inserts or updates a deck's row; sets *deck_id. */
int store_deck_save(struct store *s, const struct deck *d, const char *abspath,
		    const char *file_hash, int64_t mtime, int64_t size,
		    int64_t now_ms, int64_t *deck_id);

/* Records a deck file's new mtime and size when its content is unchanged. */
int store_deck_touch(struct store *s, int64_t deck_id, int64_t mtime, int64_t size);

enum store_change {
	STORE_UNCHANGED,
	STORE_ADDED,
	STORE_UPDATED, /* text changed; progress kept */
	STORE_REVIVED  /* was retired, is back in a deck */
};
/* Saves a parsed card under deck_id, marking it seen by generation gen.
 * tags is the ",deck-tag,card-tag," string. */
int store_card_save(struct store *s, int64_t deck_id, const struct card *c,
		    const char *tags, int64_t gen, int64_t now_ms,
		    enum store_change *change);
/* The deck key (caller frees; NULL when the id is unknown) and retired flag of a card. */
int store_card_owner(struct store *s, const char *id, char **deck_key, bool *retired);
/* Retires the cards of deck_id not seen by generation gen; counts them. */
int store_retire_unseen(struct store *s, int64_t deck_id, int64_t gen,
			int64_t now_ms, int *retired);

/* ---- studying ---- */
struct store_card {
	char *id;
	char *type;
	char *source;    /* the card's record, for deck_parse_card */
	int line;        /* first line of the record in its deck */
	char *deck_key;
	char *deck_path;
	char *group;     /* sibling group, NULL when none */
	bool suspended;
	bool retired;
	bool leech;
	struct fsrs_card sched;
};
void store_card_clear(struct store_card *c);
/* *found is false (and c untouched) when no card has that id. */
int store_card_load(struct store *s, const char *id, struct store_card *c, bool *found);

struct store_filter {
	const char *deck; /* deck key or name, or NULL */
	const char *tag;  /* a tag, or NULL */
};

/*
 * The moment a study question is asked about, and so what "due" means
 * (docs/fsrs.md, "Due today"): a review card is due when its due time
 * falls before the next study day starts; a (re)learning card when it is
 * due within the learn-ahead window. A new or review card is buried when
 * another card of its sibling group was reviewed on the study day.
 */
struct store_when {
	int64_t now;         /* unix ms */
	int64_t day;         /* local study day number of now */
	int64_t day_end;     /* unix ms at which the next study day starts */
	int64_t learn_ahead; /* ms */
	int64_t pass_start;  /* unix ms at which the final pass before the interview
				date began (a review card not reviewed since is due);
				0: no final pass today */
};

/* One card of a study queue. */
struct store_pick {
	char *id;
	char *group;     /* NULL when none */
	char *deck_key;  /* new cards only; NULL otherwise */
	int state;       /* enum fsrs_state */
	int64_t due;     /* unix ms */
	double rank;     /* review cards: -(elapsed days / stability), the sort key */
	/* review cards only (for the final pass's order, plan_gain_per_second): */
	double stability, difficulty;
	int64_t last_day;    /* day number of the last review */
	int64_t last_review; /* unix ms */
	double seconds;      /* mean answer time in seconds during a final pass; 0: unknown */
};
struct store_picks {
	struct store_pick *v;
	size_t n, cap;
};
/* Frees a pick's strings and zeroes it. */
void store_pick_clear(struct store_pick *p);
void store_picks_free(struct store_picks *p);

/* What is due at w, counted as the session and `drill stats` show it. */
struct store_due_counts {
	int64_t review;      /* review cards due today */
	int64_t learn_now;   /* (re)learning cards due within the learn-ahead window */
	int64_t learn_later; /* (re)learning cards due later in the study day */
};
/*
 * Appends every active card due at w (not buried, not an open question),
 * in the order a session asks them: (re)learning cards by due time, then
 * review cards least retrievable first (largest elapsed days / stability),
 * ties by id. Counts them in *counts as well (learn_later: the
 * (re)learning cards due later in the study day, not appended). One pass
 * over the cards_due index.
 */
int store_due(struct store *s, const struct store_filter *f, const struct store_when *w,
	      struct store_picks *out, struct store_due_counts *counts);
/*
 * Appends new cards that may be introduced at w: not buried, the first
 * (in deck order) of each sibling group, at most per_deck of each deck;
 * in deck key order, then file order (deck_key is set).
 */
int store_new(struct store *s, const struct store_filter *f, const struct store_when *w,
	      size_t per_deck, struct store_picks *out);

int store_count_due_at(struct store *s, const struct store_filter *f,
		       const struct store_when *w, struct store_due_counts *out);

/* *buried: another card of group was reviewed on day (so id, if new or in
 * review, waits for the next study day). */
int store_card_buried(struct store *s, const char *id, const char *group, int64_t day,
		      bool *buried);

/* The cards a filter matches, for saying why there is nothing to study. */
struct store_census {
	int64_t cards;     /* active (not retired) cards matching */
	int64_t open;      /* of which open questions (drill mock) */
	int64_t suspended; /* of which suspended */
	int64_t buried;    /* of which buried at w */
	int64_t fresh;     /* new cards that could be introduced (not buried) */
	int64_t next_due;  /* earliest due time of a studiable non-new card; 0: none */
};
int store_census(struct store *s, const struct store_filter *f, const struct store_when *w,
		 struct store_census *out);

/* Ids of the active cards of a type ("open", ...) in deck order. */
int store_ids_of_type(struct store *s, const char *type, struct strv *ids);
/* How many new cards were first reviewed on day. */
int store_new_seen_on(struct store *s, int64_t day, int *count);

int store_session_start(struct store *s, const char *kind, int64_t now_ms, int64_t *id);
int store_session_end(struct store *s, int64_t id, int64_t now_ms);

struct store_review {
	int64_t id;            /* set by store_save_review; filled by readers */
	const char *card_id;   /* borrowed */
	int64_t session_id;    /* 0: none */
	int64_t at;            /* unix ms */
	int64_t day;           /* local day number */
	int rating;            /* 1..4 */
	const char *answer;    /* borrowed; NULL when self-graded */
	int correct;           /* 1, 0, or -1 when self-graded */
	int64_t duration_ms;
	double retrievability; /* NAN for a new card */
	struct fsrs_card before, after;
	int overridden;        /* the auto-grade :right/:wrong replaced; 0: none */
	enum store_leech {
		STORE_LEECH_KEEP = 0, /* leave the card's leech flag as it is */
		STORE_LEECH_FLAG,     /* this review makes the card a leech */
		STORE_LEECH_SUSPEND,  /* ... and suspends it (leech_action suspend) */
		STORE_LEECH_CLEAR,    /* clears the flag (an undone or overridden lapse) */
		STORE_LEECH_UNSUSPEND /* clears the flag and the suspension it made */
	} leech;               /* written only, never read back */
};
/*
 * Appends the review and sets the card's state to r->after (and its leech
 * flag, r->leech), in one transaction that reaches the disk before this
 * returns (synchronous=FULL). If another session graded the card since
 * r->before was read (reps or last_review differ), writes nothing and
 * returns STORE_CONFLICT. A lock still held by another process when the
 * busy timeout runs out returns STORE_BUSY.
 */
int store_save_review(struct store *s, struct store_review *r);
/*
 * Deletes review id and restores its card's "before" state, in one
 * transaction; leech is KEEP, or CLEAR / UNSUSPEND when that review made
 * the card a leech. *card_id (caller frees) names the card. Refused with
 * STORE_CONFLICT, nothing changed, when the card was graded again since
 * (by another session): its state is no longer the review's after-state.
 */
int store_undo_review(struct store *s, int64_t review_id, enum store_leech leech,
		      char **card_id);
/*
 * Replaces review id by r (same card, time, answer and before-state; a new
 * rating and after-state; r->overridden the replaced auto-grade), in one
 * transaction, and sets the card to r->after. Refused with STORE_CONFLICT
 * when the card was graded again since. Sets r->id.
 */
int store_override_review(struct store *s, int64_t review_id, struct store_review *r);
int store_set_suspended(struct store *s, const char *card_id, bool suspended);
/* Suspends or unsuspends every card of ids in one transaction; an unknown
 * id changes nothing and is named in the message (STORE_NOT_FOUND).
 * *changed counts the cards whose flag changed. */
int store_set_suspended_all(struct store *s, const char *const *ids, size_t n,
			    bool suspended, int *changed);
/*
 * Inside the caller's transaction (an Anki import): appends r to the
 * review log unless card r->card_id already has a review at r->at (a
 * package imported again); *added says which. The card's state is left
 * alone (set it with store_set_sched).
 */
int store_import_review(struct store *s, const struct store_review *r, bool *added);
/* Sets a card's scheduling state (reschedule). */
int store_set_sched(struct store *s, const char *card_id, const struct fsrs_card *sched);

/*
 * Calls fn for every review of card_id (every card when NULL), ordered by
 * card then time. The row's strings are valid during the call only. fn
 * returns 0 to go on, anything else to stop (returned as is).
 */
typedef int (*store_review_fn)(void *ctx, const struct store_review *r);
int store_each_review(struct store *s, const char *card_id, store_review_fn fn, void *ctx);

/* ---- statistics ---- */
/* In the statistics, deck is a deck key or name, or NULL for every deck. */
/* Active non-new cards due before the given time (later days' due counts). */
int store_count_due(struct store *s, const char *deck, int64_t before_ms, int64_t *count);
/* Cards (not retired) that carry tag. */
int store_count_tagged(struct store *s, const char *tag, int64_t *count);
/* Earliest due time of an active non-new card matching f (NULL: any), 0 when none. */
int store_next_due(struct store *s, const struct store_filter *f, int64_t *due);
int store_reviews_on(struct store *s, const char *deck, int64_t day, int64_t *count);
/* Distinct review days, newest first, at most max of them. */
int store_review_days(struct store *s, const char *deck, int64_t *days, size_t max, size_t *n);
/* Reviews since day of cards that were in Review state: passed (rating > 1) and total. */
int store_retention(struct store *s, const char *deck, int64_t since_day, int64_t *passed,
		    int64_t *total);

/* ---- the interview plan ---- */
/* Studied cards: active, not suspended, not open questions. */
int store_count_studied(struct store *s, int64_t *count);
/* Mean reviews a day over the newest ndays days with reviews, up to day;
 * 0 without reviews. */
int store_mean_reviews(struct store *s, int64_t day, int ndays, double *mean);
/* One studied card for the plan. */
struct store_plan_card {
	char *deck_key;
	struct fsrs_card sched;
	double seconds; /* mean answer time of its timed reviews, seconds; 0: none */
};
/* Every studied card, by deck key then line; free with store_plan_cards_free. */
int store_plan_cards(struct store *s, struct store_plan_card **out, size_t *n);
void store_plan_cards_free(struct store_plan_card *v, size_t n);

struct store_deck_stats {
	char *key;
	char *name;
	int64_t by_state[4]; /* new, learning, review, relearning (active cards) */
	int64_t suspended;
	int64_t retired;
	int64_t passed;      /* answers to its review cards since since_day not graded Again */
	int64_t answered;    /* answers to its review cards since since_day */
};
/* Every deck in key order; passed and answered count from since_day on. */
int store_deck_stats(struct store *s, int64_t since_day, struct store_deck_stats **out,
		     size_t *n);
void store_deck_stats_free(struct store_deck_stats *v, size_t n);

/*
 * counts[i] (i < nbounds - 1): active non-new cards (not suspended, not
 * retired, not open questions) whose due time falls in [bounds[i],
 * bounds[i + 1]); bounds are unix ms in increasing order. One pass over
 * the cards_by_due index. No burying: a later day's buried cards are not
 * known yet.
 */
int store_due_per_day(struct store *s, const char *deck, const int64_t *bounds,
		      size_t nbounds, int64_t *counts);

/* The answers of one study day. */
struct store_day_reviews {
	int64_t by_state[4];   /* answers by the card's state before them (enum fsrs_state):
				  new, learning, review, relearning */
	int64_t passed[2];     /* of the review-state answers, not graded Again:
				  [0] young (interval before < 21 days), [1] mature */
	int64_t total[2];      /* review-state answers, young and mature */
};
/* out[i] (zeroed first) for day first_day + i, i < ndays. */
int store_reviews_by_day(struct store *s, const char *deck, int64_t first_day, size_t ndays,
			 struct store_day_reviews *out);

/* A card with lapses, for the leech list. */
struct store_lapsed {
	char *id;
	char *deck_key;
	char *type;
	int64_t lapses;
	bool leech;
	bool suspended;
};
/* Cards not retired, most lapses first (ties by id), at most limit (0: no
 * limit): the leeches when leeches_only, else every card with a lapse. */
int store_lapsed_cards(struct store *s, const char *deck, bool leeches_only, size_t limit,
		       struct store_lapsed **out, size_t *n);
void store_lapsed_free(struct store_lapsed *v, size_t n);

/* Answers since a day by card type, in type order. */
struct store_answer_time {
	char *type;
	int64_t answers;
	double mean_ms; /* mean duration_ms */
};
int store_answer_times(struct store *s, const char *deck, int64_t since_day,
		       struct store_answer_time **out, size_t *n);
void store_answer_times_free(struct store_answer_time *v, size_t n);

/* ---- browsing (drill cards) ---- */
/* One card as drill cards sees it; the strings are valid during the call only. */
struct store_card_row {
	const char *id;
	const char *deck_key;
	const char *deck_name;
	const char *type;
	const char *tags;     /* ",tag,tag," */
	const char *group;    /* NULL when none */
	const char *source;   /* the card's record */
	int line;             /* of the record in its deck file */
	int state;            /* enum fsrs_state */
	int64_t due;          /* unix ms */
	int reps, lapses;
	bool suspended, leech;
	bool due_now;         /* active, due at w (STORE_DUE_AT) and not buried */
	bool buried;          /* a sibling was reviewed on w's study day (new or review cards) */
	bool flagged;         /* want_flagged only: a grade overridden since content_at */
};
typedef int (*store_card_row_fn)(void *ctx, const struct store_card_row *r);
/*
 * Calls fn for every card that is not retired and matches f (NULL: all),
 * in no particular order (sort by deck_key and line), with the study-day
 * facts at w. flagged is worked out only when want_flagged (it reads the
 * whole review log). fn returns 0 to go on, anything else to stop
 * (returned as is).
 */
int store_each_card(struct store *s, const struct store_filter *f, const struct store_when *w,
		    bool want_flagged, store_card_row_fn fn, void *ctx);

/* A grade that :right or :wrong replaced. */
struct store_override {
	char *answer; /* as typed; NULL when self-graded */
	int was;      /* the auto-grade replaced, 1..4 */
	int now;      /* the grade that stands, 1..4 */
	int64_t at;   /* unix ms of the answer */
};
/* The overridden grades of card_id since its content last changed, oldest
 * first; free with store_overrides_free. */
int store_card_overrides(struct store *s, const char *card_id, struct store_override **out,
			 size_t *n);
void store_overrides_free(struct store_override *v, size_t n);

/* ---- mock interviews (drill mock; schema/0002_mock.sql) ---- */
struct store_mock {
	int64_t id;        /* set by store_mock_save */
	int64_t at;        /* unix ms when the mock started */
	char *level;       /* "L6" or "L7" */
	char *card_id;     /* the open card asked */
	char *principle;   /* its leadership principle, "" when none */
	int score;         /* 0..100 */
	int64_t words;     /* spoken words of the main answer */
	int64_t seconds;   /* time taken on the main answer; -1 when not timed */
	int asked;         /* defense follow-ups asked */
	int defended;      /* of those, answered with what was missing */
	char *kinds;       /* read only: the main answer's finding kinds, "a, b" */
};
void store_mock_clear(struct store_mock *m);
/* One coach finding saved with a mock; strings borrowed for the call. */
struct store_mock_finding {
	int round;         /* 0: the main answer; k: follow-up k */
	const char *kind;  /* "no_attribution", ... */
	const char *quote; /* the phrase of the answer, "" when none */
};
/* Saves m (kinds ignored), the main answer and its findings in one
 * transaction; sets m->id. */
int store_mock_save(struct store *s, struct store_mock *m, const char *answer,
		    const struct store_mock_finding *f, size_t nf);
/* The newest limit mocks, newest first; free with store_mocks_free. */
int store_mocks(struct store *s, size_t limit, struct store_mock **out, size_t *n);
void store_mocks_free(struct store_mock *v, size_t n);
/* Each finding kind of the main answers, with how many mocks it appeared
 * in, most frequent first; *total is the number of mocks. */
struct store_mock_recurring {
	char *kind;
	int64_t mocks;
};
int store_mock_recurring(struct store *s, struct store_mock_recurring **out,
			 size_t *n, int64_t *total);
void store_mock_recurring_free(struct store_mock_recurring *v, size_t n);

/* One saved mock in full (drill mock --show): m with its kinds, the main
 * answer as typed, and every finding in round order. */
struct store_mock_saved {
	int round;   /* 0: the main answer; k: follow-up k */
	char *kind;  /* "no_attribution", ... */
	char *quote; /* "" when none */
};
struct store_mock_detail {
	struct store_mock mock;
	char *answer;
	struct store_mock_saved *findings; /* nfindings long */
	size_t nfindings;
};
void store_mock_detail_clear(struct store_mock_detail *d);
/* Reads mock id; *found is false (and out zeroed) when there is none. */
int store_mock_get(struct store *s, int64_t id, struct store_mock_detail *out, bool *found);
/* Deletes mock id and its findings in one transaction; *found is false
 * when there was no such mock (nothing changed). */
int store_mock_delete(struct store *s, int64_t id, bool *found);

#endif

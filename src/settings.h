/*
 * settings: the user's study settings, kept in the database's config
 * table and changed with `drill config` — desired retention, learning and
 * relearning steps, FSRS weights, maximum interval, fuzz, the hour a new
 * day starts, new cards per day, leeches, the interview date with its
 * margin and daily review budget, and how many backups are kept.
 *
 * Owns: the list of keys with their defaults and validation, and turning
 * them into scheduler parameters. Reads and writes only through the store;
 * reads the local time zone (localtime_r) for day numbers; never prints.
 */
#ifndef DRILL_SETTINGS_H
#define DRILL_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fsrs.h"
#include "rotate.h"

struct store;

/* How new cards are taken from several decks (setting new_order). */
enum settings_new_order {
	SETTINGS_NEW_INTERLEAVE, /* round-robin over the decks, each in file order */
	SETTINGS_NEW_DECK,       /* deck after deck, by deck key */
	SETTINGS_NEW_LIST        /* the decks of new_first first, then interleaved */
};

struct settings {
	struct fsrs_params fsrs; /* validated */
	int rollover;            /* hour 0..23 at which a new day starts */
	int new_per_day;         /* new cards introduced per day */
	enum settings_new_order new_order;
	char new_first[256];     /* SETTINGS_NEW_LIST: "key,key" as set; else "" */
	int leech_lapses;        /* lapses that make a card a leech */
	bool leech_suspend;      /* leech_action: suspend (true) or only flag */
	bool has_interview;      /* interview_date is set */
	int64_t interview_day;   /* its study day number (settings_day numbering) */
	char interview_date[11]; /* "YYYY-MM-DD"; "" when none */
	int margin_days;         /* interview_margin_days */
	int review_budget;       /* review_budget as set; 0: auto */
	/* Worked out by settings_load from the database when a date is set: */
	int budget;              /* reviews a day: review_budget, or auto (the mean of
				    the last 14 study days, at least PLAN_MIN_BUDGET) */
	int64_t pass_day;        /* first study day of the final pass (plan_pass_start) */
	struct rotate_policy backups; /* backup_daily, backup_weekly, backup_monthly */
};

struct settings_key {
	const char *name;
	const char *dflt; /* text of the default value */
	const char *help;
};

/* The keys, in display order; *n is set to their number. */
const struct settings_key *settings_keys(size_t *n);

/* Loads and validates every setting; with an interview date, works out
 * the budget and the final pass's first day from the cards and the review
 * history (auto: the newest 14 days with reviews). 0, or -1 with a
 * message in err. */
int settings_load(struct store *s, struct settings *out, char *err, size_t errlen);

/* The stored text of key (its default when unset); caller frees. NULL if
 * the key is unknown or the store failed (message in err). */
char *settings_get(struct store *s, const char *name, char *err, size_t errlen);

/*
 * Validates value for key and stores it (normalised). Returns 0, 1 when the
 * key or value is wrong (message in err), 2 when the store failed.
 */
int settings_set(struct store *s, const char *name, const char *value, char *err,
		 size_t errlen);

/* The local day number of unix_ms, with the day starting at rollover. */
int64_t settings_day(int64_t unix_ms, int rollover);
/*
 * Replays one logged review of card_id on *state (in place), as drill
 * reschedule and the Anki import do: the review's study day, never before
 * the card's last day, and the card's own fuzz seed. Returns fsrs_review's
 * status.
 */
int settings_replay_review(const struct settings *st, const char *card_id,
			   struct fsrs_card *state, int64_t at_ms, enum fsrs_rating rating);
/* Unix ms at which local study day `day` (settings_day numbering) starts. */
int64_t settings_day_start(int64_t day, int rollover);

/* (Re)learning cards due within this many ms count as due now. */
#define SETTINGS_LEARN_AHEAD_MS (20 * 60 * 1000)

struct store_when;
/* Fills w for the moment now_ms: its study day and that day's end, the
 * learn-ahead window, and when the day falls in the final pass before the
 * interview date, the pass's start (the one "due" rule, docs/fsrs.md). */
void settings_when(const struct settings *st, int64_t now_ms, struct store_when *w);

#endif

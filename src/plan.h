/*
 * plan: the interview-date plan (docs/fsrs.md, "The interview date") —
 * from the studied cards' FSRS states, the scheduler parameters, today's
 * study day, the interview day, the margin and the daily review budget,
 * everything `drill plan` reports: days left, the cards by state, the new
 * cards a day needed to see every card by the date minus the margin, the
 * predicted recall on the day now and if the plan is followed, the plan
 * day by day and the final pass; and the final pass's order (expected
 * gain in recall on the day per second of review).
 *
 * Pure: no I/O, no clock, no globals, no randomness; days are study-day
 * numbers (settings_day numbering: the local calendar date, the day
 * starting at the rollover hour). Used by settings (the final pass's first
 * day), the session, drill plan, drill stats and the simulation benchmark.
 *
 * Ownership: inputs are borrowed for the call. plan_compute fills a
 * struct plan whose days array belongs to the caller, released with
 * plan_clear (safe on a zeroed struct).
 */
#ifndef DRILL_PLAN_H
#define DRILL_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fsrs.h"

/* A review budget never goes below this when it is worked out from the
 * history (setting review_budget auto). */
#define PLAN_MIN_BUDGET 50
/* Seconds a review is assumed to take when a card has no timed review. */
#define PLAN_DEFAULT_SECONDS 15.0

/* One studied card (not open, suspended or retired). */
struct plan_card {
	struct fsrs_card sched; /* its FSRS state now */
	double seconds;         /* mean answer time, seconds; <= 0: unknown */
};

struct plan_in {
	const struct fsrs_params *p; /* validated */
	int64_t today;               /* study day number of now */
	int64_t date;                /* study day number of the interview */
	int margin;                  /* days before the date every card should be seen */
	int budget;                  /* reviews a day the user can afford, >= 1 */
	int new_per_day;             /* the new_per_day setting */
	int new_seen_today;          /* new cards already introduced today */
	const struct plan_card *cards;
	size_t ncards;
};

/* One day of the plan. */
struct plan_day {
	int64_t day;    /* study day number */
	int due;        /* reviews planned: due cards and final-pass cards */
	int fresh;      /* new cards planned */
	bool pass;      /* a day of the final pass */
};

struct plan {
	int64_t days_left;        /* date - today; <= 0: the date is today or past */
	int total, unseen, learning, review; /* studied cards; learning counts relearning */
	int new_per_day_needed;   /* to see every unseen card by date - margin (or by the
				     date when fewer days are left than the margin) */
	bool short_of_margin;     /* fewer days left than the margin */
	double recall_now;        /* mean R at the start of the date, nothing more studied
				     (unseen cards 0); 0 without cards */
	double recall_planned;    /* the same when the plan is followed (expected outcomes) */
	int64_t pass_start;       /* first day of the final pass */
	int pass_cards;           /* cards the final pass serves (all studied cards) */
	struct plan_day *days;    /* today .. date - 1 */
	size_t ndays;
	double *card_recall;      /* per input card (same order): its recall on the day if
				     the plan is followed; ncards long (NULL without cards) */
};

/* First day of the final pass: as many days before the date as the
 * budget needs to see ncards cards once more (rounded up; at least 1). */
int64_t plan_pass_start(int64_t date, int64_t ncards, int budget);

/* new_per_day_needed for unseen cards, today, the date and the margin. */
int plan_new_needed(int64_t unseen, int64_t today, int64_t date, int margin);

/*
 * Expected gain in recall on day `date` per second if card c is reviewed
 * on day `day` (recalled with probability R, relearned the same day when
 * forgotten), against leaving it alone. 0 for a New card.
 */
double plan_gain_per_second(const struct fsrs_params *p, const struct fsrs_card *c,
			    double seconds, int64_t day, int64_t date);

/* Fills *out (days allocated) from in. A date not after today gives
 * days_left <= 0, no days and recall_planned = recall_now. */
void plan_compute(const struct plan_in *in, struct plan *out);
void plan_clear(struct plan *pl);

/* "YYYY-MM-DD" (a real calendar date, years 1..9999) to its day number.
 * 0, or -1 when text is not such a date. */
int plan_parse_date(const char *text, int64_t *day);
/* Day number to "YYYY-MM-DD" (buf of at least 11 bytes). */
void plan_format_date(int64_t day, char *buf, size_t len);

#endif

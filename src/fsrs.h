/*
 * fsrs: the FSRS-6 scheduler, computed exactly as ts-fsrs 5.4.2 computes it.
 *
 * Owns: the 21 model weights and their bounds, the card states, the memory
 * update (stability, difficulty, retrievability), learning and relearning
 * steps, interval rounding, ordering and fuzz, and local day numbers.
 * See ../shared/FSRS6.md (beside the repository) and docs/fsrs.md.
 *
 * Never: reads the clock, does I/O, keeps globals or draws its own random
 * numbers. The review time, its day number and a fuzz seed are arguments.
 * Floating point follows the ts-fsrs operation order; build with
 * -ffp-contract=off and without -ffast-math.
 *
 * Used by: the session (every grade), the store's reschedule and history
 * replay, `drill fsrs replay`, the parity test and the benchmark.
 *
 * Ownership: every pointer argument is borrowed for the call; nothing is
 * allocated and nothing is retained. Error texts go into a caller buffer.
 */
#ifndef DRILL_FSRS_H
#define DRILL_FSRS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FSRS_NWEIGHTS 21
#define FSRS_MAX_STEPS 8
#define FSRS_MS_PER_DAY INT64_C(86400000)
#define FSRS_MAX_INTERVAL 36500 /* days; upper bound of max_interval */

enum fsrs_state { FSRS_NEW = 0, FSRS_LEARNING = 1, FSRS_REVIEW = 2, FSRS_RELEARNING = 3 };
enum fsrs_rating { FSRS_AGAIN = 1, FSRS_HARD = 2, FSRS_GOOD = 3, FSRS_EASY = 4 };

/* What fsrs_review can refuse. FSRS_OK is 0; the others are negative. */
enum fsrs_status {
	FSRS_OK = 0,
	FSRS_ERR_RATING = -1, /* rating outside 1..4 */
	FSRS_ERR_CARD = -2,   /* state unknown, or memory state out of range */
	FSRS_ERR_TIME = -3    /* now_day before the card's last_day */
};

/*
 * A card's scheduling state. Zero-initialised means New.
 * Invariants (fsrs_card_is_valid): state is one of the four; a New card has
 * S = D = 0; otherwise S >= 0.001 and 1 <= D <= 10, both finite; the
 * counters are non-negative.
 */
struct fsrs_card {
	enum fsrs_state state;
	double stability;      /* days until R falls to 0.9; 0 when New */
	double difficulty;     /* 1..10; 0 when New */
	int64_t due;           /* unix ms UTC of the next review */
	int64_t last_review;   /* unix ms UTC; 0 when never reviewed */
	int64_t last_day;      /* day number (fsrs_day_number) of last_review */
	int32_t reps;          /* reviews so far, including learning steps */
	int32_t lapses;        /* Again answers given in the Review state */
	int32_t learning_steps; /* index of the current (re)learning step */
	int32_t scheduled_days; /* whole days from last_review to due; 0 for a step */
};

/*
 * Scheduler settings. Fill with fsrs_params_default, then change fields;
 * weights go through fsrs_params_set_weights (which validates and migrates),
 * and the whole is checked with fsrs_params_validate before use.
 *
 * w holds the FSRS-6 weights after validation and migration. One clamp is
 * left to review time, as ts-fsrs and fsrs-rs do it: with two or more
 * relearning steps, w17 and w18 are capped by a ceiling derived from w11,
 * w13, w14 and the number of steps (FSRS6.md 2.2). That cap depends on the
 * steps, not on the weights alone, so it is not an error.
 */
struct fsrs_params {
	double w[FSRS_NWEIGHTS]; /* model weights w0..w20 */
	double retention;        /* desired retention, 0.70..0.99; default 0.9 */
	int32_t max_interval;    /* days, 1..36500; default 36500 */
	bool short_term;         /* same-day formula and steps; default true */
	bool fuzz;               /* spread intervals; default false */
	int32_t learning_steps[FSRS_MAX_STEPS];   /* minutes; default 1, 10 */
	size_t nlearning;                         /* 0: no learning steps */
	int32_t relearning_steps[FSRS_MAX_STEPS]; /* minutes; default 10 */
	size_t nrelearning;                       /* 0: no relearning steps */
};

/* The ts-fsrs 5.4.2 defaults (fuzz off, short-term on). */
void fsrs_params_default(struct fsrs_params *p);

/*
 * Sets p->w from n user-supplied weights: 21 (FSRS-6), 19 (FSRS-5) or
 * 17 (FSRS-4.5). Every given weight must be finite and inside the range
 * that fsrs-rs and ts-fsrs clamp it to (w19 has 0.01 as lower bound when
 * p->short_term, else 0; w17 and w18 are checked against 2); a weight
 * outside is an error naming it, e.g. "w7 = 0.9 is outside [0.001, 0.75]",
 * instead of the silent clamp ts-fsrs applies. Older vectors are then
 * migrated as ts-fsrs does (19: append w19 = 0, w20 = 0.5; 17: rework
 * w4..w6 with toFixed(8), append 0, 0, 0, 0.5) and the result is clamped,
 * which only touches values the migration itself produced.
 * Returns 0, or -1 with p unchanged and a message in err.
 */
int fsrs_params_set_weights(struct fsrs_params *p, const double *w, size_t n,
			    char *err, size_t errlen);

/*
 * Checks every field: retention, max_interval, steps (1 minute to 36500
 * days each, at most FSRS_MAX_STEPS) and the weights as above.
 * Returns 0, or -1 with a message naming the field in err.
 */
int fsrs_params_validate(const struct fsrs_params *p, char *err, size_t errlen);
bool fsrs_params_is_valid(const struct fsrs_params *p);

/*
 * Parses a step list such as "1m,10m", "10m", "1h,1d" or "" (no steps) into
 * minutes. Each step is a positive whole number with unit m, h or d; spaces
 * around commas are allowed. Unlike ts-fsrs (parseInt), "1.5m" and "0m" are
 * errors. Returns 0 and sets *n, or -1 with a message in err.
 */
int fsrs_parse_steps(const char *text, int32_t *out, size_t max, size_t *n,
		     char *err, size_t errlen);

/* Writes up to FSRS_MAX_STEPS steps back as text ("1m,10m", "" for none) in the largest exact
 * unit. Returns the length the full text needs, as snprintf does. */
size_t fsrs_format_steps(const int32_t *steps, size_t n, char *buf, size_t len);

/*
 * The day a review belongs to: days since 1970-01-01 in local time, where a
 * day starts at rollover_hour (0..23) local time. utc_offset_seconds is the
 * local offset east of UTC at that instant (tm_gmtoff). Floor division, so
 * times before 1970 work. With offset 0 and rollover 0 this is
 * floor(unix_ms / 86400000), the UTC calendar day ts-fsrs uses.
 */
int64_t fsrs_day_number(int64_t unix_ms, int32_t utc_offset_seconds, int rollover_hour);

/*
 * Reviews a card: *before answered g at now_ms, on day now_day.
 * Elapsed days are now_day - before->last_day (0 for a New card); a later
 * day before an earlier one is FSRS_ERR_TIME (callers replaying local days
 * across a DST change may clamp now_day to before->last_day first).
 * fuzz_seed only matters when p->fuzz: one uniform number is drawn from it
 * for the whole review (see fsrs_fuzz_seed). On success fills *after (which
 * may alias before), sets *retrievability_before (may be NULL) to R at the
 * moment of the review, or NAN for a New card, and returns FSRS_OK; on
 * error leaves both untouched. p must satisfy fsrs_params_is_valid.
 */
int fsrs_review(const struct fsrs_params *p, const struct fsrs_card *before,
		int64_t now_ms, int64_t now_day, enum fsrs_rating g,
		uint64_t fuzz_seed, struct fsrs_card *after,
		double *retrievability_before);

/*
 * What every review derives from the parameters: the decay and its
 * constants, w17/w18 after the relearning-step ceiling, the interval
 * modifier. fsrs_model_init computes it once so that fsrs_review_model can
 * review any number of cards without recomputing it (a replay of many
 * reviews, issue 20). Plain data: p is borrowed and must outlive it
 * unchanged.
 */
struct fsrs_model {
	const struct fsrs_params *p; /* borrowed */
	const double *w;	     /* p->w */
	double decay;		     /* -w20 */
	double factor;		     /* computeDecayFactor */
	double w17, w18;	     /* effective short-term weights */
	double d0_easy; /* init_difficulty(Easy), unclamped: the mean-reversion target */
	double exp_w8;	/* Math.exp(w8) of next_recall_stability */
	double ivl_mod; /* calculate_interval_modifier, from the retention */
	double u;	/* fuzz draw of the review under way (fsrs_review_model) */
};

/* Fills *m from p, which must satisfy fsrs_params_is_valid. */
void fsrs_model_init(struct fsrs_model *m, const struct fsrs_params *p);

/* fsrs_review with the parameters' model already computed: the same results. */
int fsrs_review_model(const struct fsrs_model *m, const struct fsrs_card *before, int64_t now_ms,
		      int64_t now_day, enum fsrs_rating g, uint64_t fuzz_seed,
		      struct fsrs_card *after, double *retrievability_before);

/*
 * A fuzz seed from a stable card key (its integer id, or rng_hash of its
 * text id) and the review number (reps after the review), so replaying a
 * history gives the same fuzz every time.
 */
uint64_t fsrs_fuzz_seed(uint64_t card_key, int32_t review_number);

/*
 * The fuzz window ts-fsrs uses for an interval of ivl days (before fuzz),
 * with elapsed days and the maximum interval: the fuzzed interval is
 * lo + floor(u * (hi - lo + 1)) for u uniform in [0, 1). Intervals below
 * 2.5 days are not fuzzed (lo = hi = ivl).
 */
void fsrs_fuzz_range(int32_t ivl, int64_t elapsed_days, int32_t max_interval,
		     int32_t *lo, int32_t *hi);

/*
 * Retrievability of a card on day now_day (calendar days, like the
 * scheduler), for "least retrievable first" ordering. 0 for a New card.
 */
double fsrs_retrievability(const struct fsrs_params *p, const struct fsrs_card *card,
			   int64_t now_day);

bool fsrs_card_is_valid(const struct fsrs_card *card);

/* "new", "learning", "review", "relearning" and "again" .. "easy";
 * "?" for a value out of range. The _from_name functions return -1 if
 * unknown and accept the names case-insensitively. */
const char *fsrs_state_name(enum fsrs_state s);
const char *fsrs_rating_name(enum fsrs_rating g);
int fsrs_state_from_name(const char *name);
int fsrs_rating_from_name(const char *name);
/* A sentence for an fsrs_status value. */
const char *fsrs_status_text(int status);

/* ECMAScript Math.round (ties toward +infinity) and ts-fsrs's roundTo(x, 8);
 * exposed for the tests. */
double fsrs_js_round(double x);
double fsrs_round8(double x);

#endif

/*
 * coach: reads one typed interview answer the way a bar raiser listens and
 * reports what it finds: length against the level's timing, STAR structure,
 * the question's key points, credibility signals (round figures, vague
 * time frames, no measurement method, no attribution, "up to", percentages
 * without absolute numbers), scope against the level and the arithmetic.
 * It also picks the defense follow-ups the answer invites.
 *
 * Owns: struct coach (its compiled cue patterns) and struct coach_result.
 * Pure: no I/O, no clock, no globals that change, never prints or exits.
 * Figures are read with the amount reader, arithmetic is checked with audit.
 * Used by `drill coach` and `drill mock`.
 *
 * Ownership: const char * arguments and the question are borrowed for the
 * call. coach_new and coach_analyse return objects the caller frees with
 * coach_free / coach_result_free (both accept NULL). Every quote in a result
 * is a copy of bytes of the analysed answer.
 */
#ifndef DRILL_COACH_H
#define DRILL_COACH_H

#include <stdbool.h>
#include <stddef.h>

#include "amount.h"
#include "check.h"

enum coach_level { COACH_L6, COACH_L7 };

/* The four STAR parts, in the order an answer tells them. */
enum coach_part { COACH_SITUATION, COACH_TASK, COACH_ACTION, COACH_RESULT, COACH_NPARTS };

/* What a finding is about. The public names are coach_kind_name's. */
enum coach_kind {
	COACH_MISSING_STAR,    /* a STAR part has no label and no cue */
	COACH_MISSING_POINT,   /* a key point of the question is not covered */
	COACH_ROUND_NUMBER,    /* "$5M", "over $2M": sounds estimated */
	COACH_VAGUE_TIMEFRAME, /* "eventually", or figures with no period */
	COACH_NO_METHOD,       /* figures but no measurement method named */
	COACH_NO_ATTRIBUTION,  /* no share of the outcome claimed as a % */
	COACH_UP_TO,	       /* "up to $X" instead of "at least $X" */
	COACH_OVERREACH,       /* L6 answer reaching for L7 scope */
	COACH_UNDERSELL,       /* L7 answer at L6 scope */
	COACH_ARITHMETIC,      /* a written calculation that does not add up */
	COACH_TOO_LONG,	       /* longer than the level's timing */
	COACH_TOO_SHORT,       /* shorter than the level's timing */
	COACH_NO_ABSOLUTE,     /* a percentage with no absolute number near it */
	COACH_NO_VALIDATION,   /* dollar claims nobody else checked */
	COACH_NO_FIGURES,      /* no dollar figure and no percentage at all */
	COACH_STAR_BALANCE,    /* one part crowds out the others */
	COACH_NO_OWNERSHIP,    /* no first-person action: "we" throughout */
	COACH_NO_OUTCOME,      /* a Result that holds no measured change */
	COACH_INCONSISTENT,    /* stated figures that cannot all be true */
	COACH_UNVERIFIABLE,    /* L7: a claim nobody could check */
	COACH_IC_SCOPE,	       /* L6: only the candidate's own hands-on work */
	COACH_NKINDS
};

/*
 * A key point of the question, everything borrowed: label, and either a
 * compiled pattern the answer must match or an amount condition ("money
 * >= $10M") that a figure of the answer, read by the amount reader, must
 * meet.
 */
struct coach_point {
	const char *label;
	const struct check_re *re;	/* NULL when cond is set */
	const struct amount_cond *cond; /* NULL: the point is the pattern re */
};

/* The question answered; everything borrowed from the caller. */
struct coach_question {
	const char *prompt;		  /* may be NULL */
	const struct coach_point *points; /* npoints long */
	size_t npoints;
};

struct coach_options {
	enum coach_level level;
	const struct coach_question *question; /* NULL: no key points to check */
	bool followup; /* a short defense answer: no STAR and no length checks */
};

enum coach_figure_kind {
	COACH_FIG_MONEY,     /* dollars */
	COACH_FIG_PERCENT,   /* fraction: 15% -> 0.15 */
	COACH_FIG_ENGINEERS, /* people: engineers, developers, reports */
	COACH_FIG_TEAMS	     /* teams, business units, departments */
};

/* What a figure does in its clause. */
enum coach_figure_role {
	COACH_ROLE_OUTCOME,    /* a change the answer claims: "saved $1.2M" */
	COACH_ROLE_CONTEXT,    /* the setting: a market, a budget, a company */
	COACH_ROLE_BASELINE,   /* the "before" of a change: "from $180K" */
	COACH_ROLE_COST,       /* the cost of the problem: "every minute cost $50K" */
	COACH_ROLE_PROJECTION, /* a forecast: "expected to save", "will reach" */
	COACH_ROLE_RATE,       /* a rate with its own base: "3.40% to 3.47%" */
	COACH_ROLE_SHARE,      /* a share: an attribution, "a 5% holdout" */
	COACH_ROLE_COUNT       /* people or teams */
};

/* A figure found in the answer, read with the amount reader. */
struct coach_figure {
	enum coach_figure_kind kind;
	enum coach_figure_role role;
	double value;  /* base units (dollars, fraction, count) */
	bool claim;    /* an outcome claimed, not context (money only) */
	size_t offset; /* byte offset of the figure's text in the answer */
	size_t len;    /* its length in bytes */
};

struct coach_finding {
	enum coach_kind kind;
	char *quote;   /* owned; the phrase of the answer it is about, "" when
			  it is about something absent or the whole answer */
	size_t offset; /* byte offset of quote in the answer (0 when "") */
	char *message; /* owned; one or two sentences of advice */
	bool wrong;    /* arithmetic: the audit found the line wrong (not only imprecise) */
};

/*
 * The analysis of one answer. Shares add up to at most 1: words the coach
 * cannot place in a part are counted in no share.
 */
struct coach_result {
	enum coach_level level;
	size_t words;			 /* spoken words; STAR labels are not counted */
	double minutes;			 /* words / COACH_WORDS_PER_MINUTE */
	bool star[COACH_NPARTS];	 /* part present (label or cue) */
	size_t star_words[COACH_NPARTS]; /* words placed in each part */
	double star_share[COACH_NPARTS]; /* star_words / words, 0..1 */
	bool labelled;			 /* the answer uses "Situation:"-style labels */
	bool *covered;			 /* owned; npoints long: key point i matched */
	size_t npoints;
	bool has_method;	      /* a measurement method is named */
	bool has_attribution;	      /* a share of the outcome is claimed as a % */
	bool has_timeframe;	      /* figures are tied to a period */
	bool has_validation;	      /* finance or stakeholders checked the numbers */
	struct coach_figure *figures; /* owned, nfigures long, by offset */
	size_t nfigures;
	struct coach_finding *findings; /* owned, nfindings long */
	size_t nfindings;
};

#define COACH_WORDS_PER_MINUTE 150

/* A defense follow-up question; both strings are static. */
struct coach_followup {
	const char *key;      /* "attribution", "calculation", "period", ... */
	const char *question; /* what the interviewer asks */
};

/* The follow-up of that key ("attribution", "period", ...), or NULL. */
const struct coach_followup *coach_followup_of(const char *key);

struct coach;

/* Compiles the cue patterns. Returns 0 and sets *out, or -1 (a cue pattern
 * does not compile, a bug) with *out NULL and the reason in err. */
int coach_new(struct coach **out, char *err, size_t errlen);
void coach_free(struct coach *c);

/*
 * Analyses text[0..len) (UTF-8). Always succeeds and sets *out: an empty
 * answer is a result with findings too.
 */
void coach_analyse(const struct coach *c, const char *text, size_t len,
		   const struct coach_options *opt, struct coach_result **out);
void coach_result_free(struct coach_result *r);

/*
 * Chooses one to max (at most 3 useful) follow-ups from what r lacks, most
 * telling first, into out[]. Returns how many were written (at least 1 when
 * max > 0).
 */
size_t coach_followups(const struct coach_result *r, const struct coach_followup **out, size_t max);

/*
 * Whether the defense answer text[0..len) supplies what follow-up fu
 * asked for, judged by what that follow-up asks:
 *   attribution  a share of the outcome stated as a percentage ("60% of
 *                the lift", "we claim 60%") and a reason (a holdout, an
 *                A/B test, "because", what else changed);
 *   calculation  a written calculation ("1,850 x $92 x 12 = $2.04M", or
 *                in words: "$165K times 12 is $1.98M") that the audit
 *                finds right: at least one step that adds up, none wrong;
 *   period       a length of time, a rate per period or a date ("over 6
 *                months", "per year", "since March", "in 2024");
 *   validation   someone other than the candidate who checked the numbers
 *                ("our finance partner validated the model"), not denied
 *                ("nobody checked it");
 *   numbers      a figure written in digits that is not a year;
 *   hindsight    at least 15 words.
 * answer is the analysis of the same text (coach_analyse with followup
 * set). why, when not NULL, receives one clause saying what was found or
 * what is missing (cut to whylen bytes, NUL-terminated).
 */
bool coach_followup_answered(const struct coach_followup *fu, const char *text, size_t len,
			     const struct coach_result *answer, char *why, size_t whylen);

/* A mock interview's scorecard, out of 100. */
struct coach_score {
	int structure;	 /* 0..25: 5 per STAR part present, 5 for the length */
	int credibility; /* 0..40: minus 8 per distinct credibility finding kind */
	int level_fit;	 /* 0..15: 0 with an overreach or undersell finding */
	int points;	 /* 0..10: share of the question's key points covered */
	int defense;	 /* 0..10: share of follow-ups answered (10 if none asked) */
	int total;	 /* the sum, 0..100 */
};

/* Scores the main answer r and the defense (defended of asked follow-ups). */
void coach_score(const struct coach_result *r, size_t asked, size_t defended,
		 struct coach_score *out);

/* The minimum and maximum words for the level's timing. */
void coach_level_words(enum coach_level level, size_t *min, size_t *max);

const char *coach_kind_name(enum coach_kind k);		      /* "missing_star", ... */
int coach_kind_from_name(const char *name);		      /* -1 if unknown */
const char *coach_part_name(enum coach_part p);		      /* "situation", ... */
const char *coach_level_name(enum coach_level l);	      /* "L6", "L7" */
int coach_level_from_name(const char *name);		      /* "L6"/"l7"; -1 if not */
const char *coach_figure_kind_name(enum coach_figure_kind k); /* "money", ... */
const char *coach_figure_role_name(enum coach_figure_role r); /* "outcome", ... */

#endif

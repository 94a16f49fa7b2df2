/*
 * packet: the promotion packet a story bank supports (docs/stories.md,
 * "drill packet"): the one-page impact table, the Three-P checklist
 * (performance, product impact, peer advocacy), the endorsements against
 * the target of two that name a metric, the principle consistency check,
 * the narrative template and the three-slide outline filled from the
 * strongest story, the timeline back-scheduled from the HC date, and every
 * gap, most important first.
 *
 * Owns: struct packet and the text it holds; the packet's rules: which
 * story is the strongest, what counts as a metric in an endorsement, the
 * four timeline windows (docs/coverage.md, "Where the sources disagree"),
 * the order of the gaps; and the calendar arithmetic on day numbers.
 * Pure: every figure comes from the impact engine's results already in
 * the stories; the caller passes today's date and the HC date as day
 * numbers; nothing is read, printed or allocated outside the packet.
 * Used by `drill packet` (src/cmd_packet.c), which renders the packet as
 * Markdown and as JSON.
 *
 * Ownership: packet_build returns a packet that borrows the stories of
 * its set (the set must outlive the packet); free it with packet_free,
 * which accepts NULL. const char * arguments are borrowed for the call.
 */
#ifndef DRILL_PACKET_H
#define DRILL_PACKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "amount.h"
#include "story.h"

/* Written endorsements that name a metric a packet needs. */
#define PACKET_ENDORSEMENTS_TARGET 2

/*
 * The four windows of the timeline, in days, run back to back and ending
 * at the HC meeting (docs/coverage.md): data gathering starts
 * PACKET_DAYS_FULL days before HC. PACKET_LATEST_START (120 days before
 * HC) is the latest safe start: it keeps the last three windows whole and
 * leaves 65 days for data.
 */
#define PACKET_DAYS_DATA 120
#define PACKET_DAYS_REVIEW 30
#define PACKET_DAYS_SIGNATURES 15
#define PACKET_DAYS_REHEARSAL 10
#define PACKET_DAYS_FULL                                                                           \
	(PACKET_DAYS_DATA + PACKET_DAYS_REVIEW + PACKET_DAYS_SIGNATURES + PACKET_DAYS_REHEARSAL)
#define PACKET_LATEST_START 120
#define PACKET_STEP_COUNT 4

/* "2027-06-01" and its NUL. */
#define PACKET_DATE_MAX 11

/*
 * A KPI measured before and after: the before/after inputs of one impact:
 * line ("conversion before=2.3% after=3.1%"), as the engine read them.
 */
struct packet_kpi {
	const struct story *story;	     /* borrowed */
	char measure[64];		     /* "conversion rate", from the input's help */
	enum amount_kind kind;		     /* the inputs' kind */
	double before, after;		     /* base units (percents as fractions) */
	char before_text[AMOUNT_FORMAT_MAX]; /* "2.3%": amount_format_exact */
	char after_text[AMOUNT_FORMAT_MAX];
};

/*
 * One row of the impact table: a story with impact: lines. baseline and
 * after join the parts of its lines with "; ": for a line whose method
 * has before/after inputs, "measure: value" of each; for other lines no
 * baseline and, as after, the engine's first step ("hours saved per year:
 * 15,600 hours").
 */
struct packet_row {
	const struct story *story; /* borrowed */
	char *baseline;		   /* owned; NULL when no line has a before input */
	char *after;		   /* owned; never NULL */
	double annual;		   /* dollars per year: the story's engine figure */
	char *method;		   /* owned: "conversion", "cloud + labor" */
	const char *source;	   /* borrowed: the story's validated:, or NULL */
};

/* One endorsement with the metric found in what it credits. */
struct packet_endorsement {
	const struct story *story;	   /* borrowed */
	const struct story_endorsement *e; /* borrowed */
	char *metric; /* owned: the first metric of e->credit as written ("$17.5M"), or NULL */
};

/*
 * One slot of the narrative or one point of a slide: text filled from a
 * story field, or a placeholder "[…what is missing]" when the files do not
 * say it (each placeholder is also a gap).
 */
struct packet_part {
	char *text;	  /* owned */
	bool placeholder; /* text is a "[…]" placeholder */
	const char *from; /* static: the story field it was filled from ("situation",
			     "title", "action", "impact"), NULL for a placeholder */
};

/* The narrative template's five slots, in the order of the sentence. */
enum packet_slot {
	PACKET_IDENTIFIED,
	PACKET_BUILT,
	PACKET_DELIVERED,
	PACKET_REALISED,
	PACKET_UNLOCKED,
	PACKET_SLOT_COUNT
};

#define PACKET_SLIDE_COUNT 3
#define PACKET_SLIDE_POINTS 2
struct packet_slide {
	const char *title; /* static: "Problem and market size" */
	struct packet_part points[PACKET_SLIDE_POINTS];
};

/* One window of the timeline: [start, end) in day numbers; end is the
 * day the next window starts (the HC day for the last one). */
struct packet_step {
	const char *name; /* static: "Data gathering" */
	int64_t start, end;
};

/* The parts of a packet a gap belongs to, as written in JSON. */
enum packet_section {
	PACKET_SEC_IMPACT,	 /* "impact_table" */
	PACKET_SEC_ENDORSEMENTS, /* "endorsements" */
	PACKET_SEC_SOURCE,	 /* "impact_table" too: a row without validated: */
	PACKET_SEC_PERFORMANCE,	 /* "three_p" */
	PACKET_SEC_PRINCIPLES,	 /* "principles" */
	PACKET_SEC_TIMELINE,	 /* "timeline" */
	PACKET_SEC_NARRATIVE,	 /* "narrative" */
	PACKET_SEC_SLIDES	 /* "slides" */
};

struct packet_gap {
	enum packet_section section;
	char *message; /* owned: what is missing and what to do */
};

/* Where today falls on the timeline. */
enum packet_phase {
	PACKET_BEFORE,	  /* before data gathering starts */
	PACKET_IN_WINDOW, /* inside window `window` */
	PACKET_HC_DAY,	  /* today is the HC day */
	PACKET_PAST	  /* the HC date is before today */
};

/*
 * A packet. Invariants (packet_is_valid): rows are the stories with
 * impact: lines in set order and total is the sum of their annual
 * figures; with_metric counts the endorsements whose metric is not NULL;
 * strongest is NULL exactly when the set is empty; with has_hc the steps
 * run back to back from hc - PACKET_DAYS_FULL to hc.
 */
struct packet {
	const struct story_set *set; /* borrowed */
	int64_t today;		     /* day number (packet_day) */

	struct packet_row *rows; /* owned array: the impact table */
	size_t nrows;
	double total;			/* dollars per year: the table's total */
	const struct story **no_impact; /* owned array of borrowed: stories left out */
	size_t nno_impact;

	struct packet_kpi *kpis; /* owned array: performance, in story order */
	size_t nkpis;

	struct packet_endorsement *endorsements; /* owned array, in story order */
	size_t nendorsements;
	size_t with_metric;

	struct story_coverage coverage; /* the principle consistency check */

	const struct story *strongest; /* borrowed: the narrative's story */
	struct packet_part slots[PACKET_SLOT_COUNT];
	char *narrative; /* owned: the template as one sentence */
	struct packet_slide slides[PACKET_SLIDE_COUNT];

	bool has_hc;
	int64_t hc;	      /* day number of the HC meeting */
	int64_t latest_start; /* hc - PACKET_LATEST_START */
	struct packet_step steps[PACKET_STEP_COUNT];
	enum packet_phase phase;
	int window; /* with PACKET_IN_WINDOW: index into steps */

	struct packet_gap *gaps; /* owned array, most important first */
	size_t ngaps;
};

/*
 * Builds the packet of set as of day today; with has_hc, the timeline
 * back-scheduled from day hc (any day: one before today gives a timeline
 * in the past, phase PACKET_PAST, and a gap). An empty set gives a packet
 * whose first gap says so. Never fails; free the packet with packet_free.
 */
struct packet *packet_build(const struct story_set *set, int64_t today, bool has_hc, int64_t hc);
void packet_free(struct packet *p);

/* The invariants above. */
bool packet_is_valid(const struct packet *p);

/* "impact_table", "endorsements", "three_p", ... (the JSON key). */
const char *packet_section_name(enum packet_section s);

/*
 * The strongest story of set: the largest annual figure by the engine
 * (the flagship the packet argues from; the first in set order on a tie);
 * with no impact: line anywhere, the first story at the highest level.
 * NULL for an empty set.
 */
const struct story *packet_strongest(const struct story_set *set);

/*
 * The metric an endorsement names: the first figure in credit that the
 * amount reader finds (amount_next_figure) and that is written with a
 * digit, or is money or a percent in words; a year ("in 2023") is not
 * one. Returns true and copies it as written into buf.
 */
bool packet_metric(const char *credit, char *buf, size_t len);

/* Day numbers: days since 1970-01-01 in the proleptic Gregorian calendar. */
int64_t packet_day(int year, int month, int day);
void packet_civil(int64_t day, int *year, int *month, int *mday);
/* "2027-06-01"; buf holds PACKET_DATE_MAX bytes. */
void packet_date_format(int64_t day, char buf[PACKET_DATE_MAX]);
/*
 * Reads a date as YYYY-MM-DD (or YYYY/MM/DD) with a year from 1900 to
 * 2100 and a day that exists in its month. Returns 0 with *day set, or -1
 * with a message in err ("\"2027-02-30\": February 2027 has 28 days").
 */
int packet_date_parse(const char *text, int64_t *day, char *err, size_t errlen);

#endif

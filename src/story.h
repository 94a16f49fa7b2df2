/*
 * story: story files (docs/stories.md) parsed and validated. A story file
 * is in the record syntax of decks (record.h) with no header record: every
 * record is one STAR story with a stable id, its level, the leadership
 * principles it shows, and optionally the drill calc lines that compute
 * its annual figure, how that was validated and who endorses it.
 *
 * Owns: struct story, struct story_set and everything they point to; the
 * story fields and their rules. Pure: parses a buffer the caller read;
 * never touches files, prints or exits. Every problem goes to a diag_list
 * as "file:line" and parsing carries on, so that one run reports them all.
 * Impact lines are read as `drill calc` reads its arguments (calc.h) and
 * run by the impact engine. Used by the story commands and the session.
 *
 * Ownership: story_parse appends stories the set owns; free the set with
 * story_set_free (it accepts an empty set). const char * arguments are
 * borrowed for the call.
 */
#ifndef DRILL_STORY_H
#define DRILL_STORY_H

#include <stdbool.h>
#include <stddef.h>

#include "calc.h"
#include "diag.h"
#include "impact.h"
#include "principles.h"

/* A single-valued field as written (continuations joined). */
struct story_field {
	char *value; /* owned; NULL when the field is absent */
	int line;    /* line of the field in its file; 0 when absent */
};

/* One endorsement: line, "Name, Title: what they credit". */
struct story_endorsement {
	char *name;   /* owned: "Dana Ito" */
	char *title;  /* owned: "Director of Payments" (may contain commas) */
	char *credit; /* owned: "credits the $17M a year to this work" */
	int line;
};

/*
 * One impact: line, "METHOD name=value ...", read by calc_read_args and
 * run by calc_args_run. values[0..args.n) are what was read: a catalogue
 * method's inputs in catalogue order (defaults filled in), or the named
 * components of "total" in the order written (args.names).
 */
struct story_impact {
	char *text;				/* owned: the line as written */
	int line;
	const struct impact_method *method;	/* borrowed from the catalogue */
	double values[CALC_ARGS_MAX];		/* base units; percents as fractions */
	struct calc_args args;			/* names, kinds, defaults, the total form */
	struct impact_result result;		/* the engine's steps; the last is annual */
	double annual;				/* dollars per year: result.annual */
};

/*
 * A story. Invariants (story_is_valid): level is 6 or 7; 1 <= nprinciples
 * <= PRINCIPLE_COUNT, every index in range and none twice; when_from and
 * when_to are both 0 or both YYYYMM with months 1..12 and from <= to;
 * has_annual exactly when nimpacts > 0, and then annual is the sum of the
 * impacts' annual figures; the required fields are non-empty.
 */
struct story {
	char *id;   /* owned; record_id_valid */
	char *path; /* owned; the file as given to story_parse */
	int line;   /* line of the record's first field */
	struct story_field title, level_text, principles_text, when, situation, task, action,
	    result, validated, estimate_differently;
	int level;			   /* 6 or 7 */
	int principles[PRINCIPLE_COUNT];   /* indices (principles.h), in the order written */
	size_t nprinciples;
	int when_from, when_to;		   /* YYYYMM, e.g. 202403; 0 when absent */
	struct story_impact *impacts;	   /* owned array */
	size_t nimpacts;
	struct story_endorsement *endorsements; /* owned array */
	size_t nendorsements;
	double annual;			   /* dollars per year: the impacts' sum */
	bool has_annual;		   /* nimpacts > 0 */
	char *source;			   /* owned; the record as written, comments included */
	char hash[17];			   /* digest of the record's content (record_hash) */
};

/* Where a story id is defined: for the duplicate check across files. */
struct story_ref {
	char *id;   /* owned */
	char *path; /* owned */
	int line;
};

/*
 * Stories from one or more files. refs lists the id of every record whose
 * id is well formed, the records with errors included (those are not in
 * v), so that a duplicate is found whatever else is wrong.
 */
struct story_set {
	struct story **v; /* owned array of owned stories, in file then record order */
	size_t n;
	size_t cap;
	struct story_ref *refs; /* owned array */
	size_t nrefs;
	size_t refcap;
};

/*
 * Parses one file's buffer (a UTF-8 byte-order mark is skipped) and
 * appends its stories to set; a record with errors adds none. Every
 * problem goes to dl as path:line. Returns 0 when this file had no
 * errors, else -1. Duplicate ids are left to story_check_ids.
 */
int story_parse(const char *path, const char *buf, size_t len, struct story_set *set,
		struct diag_list *dl);

/*
 * After all files: every id defined twice in the set (in one file or two)
 * is an error at its later place, citing the first as path:line. Returns
 * the number of duplicates.
 */
size_t story_check_ids(const struct story_set *set, struct diag_list *dl);

void story_set_free(struct story_set *set);

/*
 * The principle coverage of a bank of stories (drill story matrix): how
 * many distinct stories show each principle, and its status against the
 * target of STORY_TARGET stories ("principle consistency").
 */
#define STORY_TARGET 3
enum story_status { STORY_MISSING, STORY_THIN, STORY_COVERED };
struct story_coverage {
	size_t count[PRINCIPLE_COUNT];
	enum story_status status[PRINCIPLE_COUNT];
	size_t missing, thin, covered;
	int level;	      /* the bank's level: 6 or 7 */
	size_t bank_min, bank_max; /* stories a candidate at that level keeps */
};
/*
 * Fills cov for set. level is 6 or 7 to force the bank's level, or 0 for
 * the most common level of the stories (7 on a tie or an empty set): L6
 * keeps 15-20 stories, L7 20-25.
 */
void story_coverage(const struct story_set *set, int level, struct story_coverage *cov);
/* Does st show principle p? */
bool story_shows(const struct story *st, int p);
/* "missing", "thin", "covered" */
const char *story_status_name(enum story_status s);

/* The story with this id, or NULL. */
const struct story *story_find(const struct story_set *set, const char *id);

/* The invariants above. */
bool story_is_valid(const struct story *s);

/*
 * A short stable hash of s[0..len): 8 lower-case hex digits and a NUL,
 * for card ids like story-ID-figure-HASH8. The same bytes always give the
 * same digits, on every machine.
 */
void story_hash8(const char *s, size_t len, char out[9]);

#endif

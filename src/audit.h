/*
 * audit: checks a worked impact calculation as people write it in a
 * packet, one step a line ("Monthly revenue: 1,200 x $65 = $78K").
 *
 * Owns: the reading of such lines (label, arithmetic with x * / + - and
 * parentheses, %, K/M/B, $, thousands separators, ignored words, "=" and
 * the stated result) and the verdict on each. Pure: no I/O, no globals.
 * Used by `drill audit` and the coach.
 *
 * Ownership: text is borrowed for the call; the report and everything in
 * it belong to the caller and are freed with audit_report_free.
 */
#ifndef DRILL_AUDIT_H
#define DRILL_AUDIT_H

#include <stddef.h>

#include "amount.h"

/*
 * AUDIT_CONTEXT: no "=" with a number on each side; echoed as is.
 * AUDIT_OK: the left side, rounded to the precision the result is written
 *   with, is the stated result ($45M stated for 45.05M).
 * AUDIT_IMPRECISE: not that, but within 1% of the left side.
 * AUDIT_WRONG: further off; computed holds the right value.
 * AUDIT_UNREADABLE: has "=" and numbers but the arithmetic cannot be read.
 */
enum audit_status { AUDIT_CONTEXT, AUDIT_OK, AUDIT_IMPRECISE, AUDIT_WRONG, AUDIT_UNREADABLE };

struct audit_step {
	size_t line; /* 1-based line number in the text */
	char *text;  /* the line as written, owned */
	enum audit_status status;
	double stated;	       /* the result after "=", base units (0 for context) */
	double computed;       /* the left side recomputed (0 unless OK/IMPRECISE/WRONG) */
	enum amount_kind kind; /* kind of the stated result (count when bare) */
	char *message;	       /* owned; why not ok, or NULL */
};

/* One step per non-blank line, in order. */
struct audit_report {
	struct audit_step *steps; /* owned, n long */
	size_t n;
};

void audit_text(const char *text, size_t len, struct audit_report *out); /* out owned by caller */
void audit_report_free(struct audit_report *r);
const char *audit_status_name(enum audit_status s); /* "context", "ok", ... */

/* The worst status among the steps: wrong > unreadable > imprecise > ok > context. */
enum audit_status audit_report_worst(const struct audit_report *r);

#endif

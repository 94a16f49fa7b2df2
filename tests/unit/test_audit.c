/*
 * Tests for the audit of worked calculations (src/audit.c). The blocks
 * below carry the arithmetic of the framework's worked examples (seed 000)
 * exactly as written there, slips included, under labels of our own.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "audit.h"
#include "util.h"

#define C AUDIT_CONTEXT
#define OK AUDIT_OK
#define IMP AUDIT_IMPRECISE
#define BAD AUDIT_WRONG
#define UNR AUDIT_UNREADABLE

/* A whole worked calculation and the status of each non-blank line. */
struct audit_block {
	const char *name;
	const char *text;
	enum audit_status want[16];
	size_t n;
};

static const struct audit_block audit_seed_blocks[] = {
    {"one-click checkout",
     "Context: one-click checkout on mobile\n"
     "- Conversion before: 2.3%\n"
     "- Conversion after: 3.1%\n"
     "- Visitors: 150K monthly\n"
     "- Order value: $65\n"
     "- Extra orders: 150K \xc3\x97 (3.1% - 2.3%) = 1,200 monthly\n"
     "- Revenue a month: 1,200 \xc3\x97 $65 = $78K\n"
     "- Revenue a year: $78K \xc3\x97 12 = $936K\n"
     "- Claim: $900K annually\n",
     {C, C, C, C, C, OK, OK, OK, C},
     9},
    {"international platform",
     "- Revenue impact: 8 \xc3\x97 $12M \xc3\x97 75% \xc3\x97 65% = $46.8M annually\n"
     "- Claim: $40M+ annually\n",
     {OK, C},
     2},
    {"churn from latency (first product is 0.3% off)",
     "- Protected: 2,400 \xc3\x97 $180K \xc3\x97 23% \xc3\x97 89% = $88.7M\n"
     "- Attributed: $88.7M \xc3\x97 15% = $13.3M\n"
     "- Claim at L6: $2.3M\n",
     {IMP, OK, C},
     3},
    {"reliability",
     "- Uptime: 99.2% to 99.8%\n"
     "- Hours saved: 0.6% \xc3\x97 8,760 hours = 53 hours\n"
     "- Protected: 53 \xc3\x97 $850K = $45M\n"
     "- Claim: $35M annually\n",
     {C, OK, OK, C},
     4},
    {"database costs",
     "- Saved a month: $55K\n"
     "- Saved a year: $55K \xc3\x97 12 = $660K\n"
     "- Sum: $660K + $400K = $1.06M annually\n",
     {C, OK, OK},
     3},
    {"region consolidation", "- Sum: $13M + $28M + $4M = $45M annually\n", {OK}, 1},
    {"test automation",
     "- Hours: 24 \xc3\x97 52 = 1,248 hours\n"
     "- Labor: 1,248 \xc3\x97 $150 = $187K annually\n"
     "- Sum: $187K + $145K + $380K = $712K annually\n",
     {OK, OK, OK},
     3},
    {"deployment platform",
     "- Hours: 480 \xc3\x97 8 \xc3\x97 12 = 46,080 hours annually\n"
     "- Labor: 46,080 \xc3\x97 $160 = $7.37M annually\n"
     "- Sum: $7.37M + $3.2M + $12.4M = $23M annually\n",
     {OK, OK, OK},
     3},
    {"mobile satisfaction",
     "- Value: 18 \xc3\x97 $12 \xc3\x97 240K = $51.8M\n"
     "- Attributed: $51.8M \xc3\x97 8% = $4.1M\n",
     {OK, OK},
     2},
    {"enterprise experience (churn line off by 100x)",
     "- Retention: 78% to 94%\n"
     "- Churn avoided: (1,850 \xc3\x97 16%) \xc3\x97 $2.3M = $6.8M annually\n"
     "- Total: $22.3M annually\n",
     {C, BAD, C},
     3},
    {"checkout abandonment",
     "- Extra orders: 89K \xc3\x97 15% = 13,350\n"
     "- Revenue a month: 13,350 \xc3\x97 $127 = $1.7M\n"
     "- Revenue a year: $1.7M \xc3\x97 12 = $20.4M\n"
     "- Attributed: $20.4M \xc3\x97 12% = $2.45M annually\n",
     {OK, OK, OK, OK},
     4},
    {"ci/cd",
     "- Value: $2.8M \xc3\x97 56% = $1.57M\n"
     "- Sum: $1.57M + $890K = $2.46M annually\n",
     {OK, OK},
     2},
    {"engineering platform",
     "- Value: 340 \xc3\x97 $220K \xc3\x97 43% = $32.2M\n"
     "- Upkeep: -$2.1M\n"
     "- Net: $32.2M + $18.7M - $2.1M = $48.8M annually\n",
     {OK, C, OK},
     3},
    {"ml platform",
     "- Opportunity: $180M \xc3\x97 15% = $27M\n"
     "- Attributed: $27M \xc3\x97 70% = $18.9M annually when fully realized\n"
     "- Sum: $18.9M + $12.3M = $31.2M\n",
     {OK, OK, OK},
     3},
    {"patents (no arithmetic written)",
     "- Licensing: $8.7M over 3 years\n"
     "- Total: $34.8M over 3-year period\n"
     "- Per year: $11.6M\n",
     {C, C, C},
     3},
    {"partners", "- Acquisition savings: 2,300 \xc3\x97 $890 = $2.05M\n", {OK}, 1},
};

/* Calculations of our own, one verdict per line. */
static const struct audit_block audit_own_blocks[] = {
    {"slips of our own",
     "Monthly savings: $180K - $125K = $65K\n"
     "Sum: $13M + $28M + $4M = $46M\n"
     "Hours: 0.6% x 8,760 = 52\n"
     "Hours: 0.6% x 8,760 = 52.6\n"
     "Labor: 1,248 x $150 = $188K\n"
     "Labor: 1,248 x $150 = $187,200\n"
     "Value: $2.8M x 56% = $1.6M\n",
     {BAD, BAD, BAD, OK, IMP, OK, OK},
     7},
    {"operators and bullets",
     "1. Step: 5 x 2 = 10\n"
     "* 3*4 = 12\n"
     "\xe2\x80\xa2 3 \xc2\xb7 4 = 12\n"
     "10 \xe2\x88\x92 4 = 6\n"
     "10 \xc3\xb7 4 = 2.5\n"
     "10 / 4 = 2.5\n"
     "3x4 = 12\n"
     "-(2 + 3) x 2 = -10\n"
     "$1M - $3M = -$2M\n"
     "(3.2 - 1.4) / 3.2 = 56%\n"
     "(67% - 52%) = 15%\n"
     "$150/hour x 10 hours = $1,500\n"
     "~$78K x 12 = ~$936K\n"
     "2 x ((3 + 4) x 5) = 70\n",
     {OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK},
     14},
    {"what is not a step",
     "Text Only\n"
     "Formula: revenue = traffic x aov\n"
     "Result = big\n"
     "Bad: 5 x (3 + = 7\n"
     "Bad: 5 / 0 = 1\n"
     "Bad: (5 x 2 = 10\n"
     "Bad: 5 x 2 = ten 10\n",
     {C, C, C, UNR, UNR, UNR, UNR},
     7},
    {"chained equals: first against last",
     "Total: 2 x 3 = 6 = 6\n"
     "Total: 2 x 3 = 6 = 7\n",
     {OK, BAD},
     2},
};

static void
audit_check_blocks(const struct audit_block *blocks, size_t nblocks)
{
	for (size_t b = 0; b < nblocks; b++) {
		const struct audit_block *blk = &blocks[b];
		struct audit_report r;

		audit_text(blk->text, strlen(blk->text), &r);
		if (r.n != blk->n)
			fail_msg("%s: %zu steps, want %zu", blk->name, r.n, blk->n);
		for (size_t i = 0; i < r.n; i++)
			if (r.steps[i].status != blk->want[i])
				fail_msg("%s: line %zu \"%s\": %s (%s), want %s", blk->name,
					 r.steps[i].line, r.steps[i].text,
					 audit_status_name(r.steps[i].status),
					 r.steps[i].message ? r.steps[i].message : "",
					 audit_status_name(blk->want[i]));
		audit_report_free(&r);
	}
}

static void
test_audit_seed_examples(void **state)
{
	(void)state;
	audit_check_blocks(audit_seed_blocks, ARRAY_LEN(audit_seed_blocks));
}

static void
test_audit_own_examples(void **state)
{
	(void)state;
	audit_check_blocks(audit_own_blocks, ARRAY_LEN(audit_own_blocks));
}

/* The wrong churn line says what the left side really is. */
static void
test_audit_wrong_gives_value(void **state)
{
	const char *text =
	    "Intro\n\n- Churn avoided: (1,850 \xc3\x97 16%) \xc3\x97 $2.3M = $6.8M annually\r\n";
	struct audit_report r;

	(void)state;
	audit_text(text, strlen(text), &r);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.steps[1].line, 3);
	assert_string_equal(
	    r.steps[1].text,
	    "- Churn avoided: (1,850 \xc3\x97 16%) \xc3\x97 $2.3M = $6.8M annually");
	assert_int_equal(r.steps[1].status, AUDIT_WRONG);
	assert_true(fabs(r.steps[1].computed - 680.8e6) < 1);
	assert_true(fabs(r.steps[1].stated - 6.8e6) < 1e-6);
	assert_int_equal(r.steps[1].kind, AMOUNT_MONEY);
	assert_string_equal(r.steps[1].message, "the left side is $680.8M, not $6.8M");
	assert_null(r.steps[0].message);
	assert_int_equal(audit_report_worst(&r), AUDIT_WRONG);
	audit_report_free(&r);
}

static void
test_audit_imprecise_message(void **state)
{
	const char *text = "2,400 x $180K x 23% x 89% = $88.7M";
	struct audit_report r;

	(void)state;
	audit_text(text, strlen(text), &r);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.steps[0].status, AUDIT_IMPRECISE);
	assert_string_equal(r.steps[0].message, "the left side is $88.43M; $88.7M is 0.3% off");
	assert_int_equal(audit_report_worst(&r), AUDIT_IMPRECISE);
	audit_report_free(&r);
}

static void
test_audit_kinds(void **state)
{
	const char *text = "24 x 52 = 1,248 hours\n(3.2 - 1.4) / 3.2 = 56%\n89K x 15% = 13,350\n";
	struct audit_report r;

	(void)state;
	audit_text(text, strlen(text), &r);
	assert_int_equal(r.n, 3);
	assert_int_equal(r.steps[0].kind, AMOUNT_HOURS);
	assert_int_equal(r.steps[1].kind, AMOUNT_PERCENT);
	assert_true(fabs(r.steps[1].stated - 0.56) < 1e-12);
	assert_true(fabs(r.steps[1].computed - 0.5625) < 1e-12);
	assert_int_equal(r.steps[2].kind, AMOUNT_COUNT);
	assert_int_equal(audit_report_worst(&r), AUDIT_OK);
	audit_report_free(&r);
}

static void
test_audit_empty_and_odd_input(void **state)
{
	struct audit_report r;
	char deep[200];

	(void)state;
	audit_text("", 0, &r);
	assert_int_equal(r.n, 0);
	assert_int_equal(audit_report_worst(&r), AUDIT_CONTEXT);
	audit_report_free(&r);
	audit_report_free(NULL);

	/* Only len bytes are read: the second line is cut off. */
	audit_text("1 + 1 = 2\n1 + 1 = 3", 12, &r);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.steps[0].status, AUDIT_OK);
	assert_int_equal(r.steps[1].status, AUDIT_CONTEXT);
	audit_report_free(&r);

	/* Deep nesting is refused, not recursed into without bound. */
	memset(deep, '(', 100);
	strcpy(deep + 100, "1 = 1");
	audit_text(deep, strlen(deep), &r);
	assert_int_equal(r.steps[0].status, AUDIT_UNREADABLE);
	audit_report_free(&r);
}

/* The status and message of the one step in text. */
static enum audit_status
audit_one(const char *text, char *msg, size_t msglen)
{
	struct audit_report r;
	enum audit_status st;

	audit_text(text, strlen(text), &r);
	assert_int_equal(r.n, 1);
	st = r.steps[0].status;
	snprintf(msg, msglen, "%s", r.steps[0].message ? r.steps[0].message : "");
	audit_report_free(&r);
	return st;
}

/*
 * Regression: a long run of unary signs recursed once per sign and
 * overflowed the stack (SIGSEGV); only parentheses were bounded. Every
 * nesting, signs and parentheses alike, is now refused past 32.
 */
static void
test_audit_sign_chain(void **state)
{
	static const char *const units[] = {"-", "+", "\xe2\x88\x92", "- ", "-(", "(+"};
	size_t n = 100000;
	char msg[256];

	(void)state;
	for (size_t u = 0; u < ARRAY_LEN(units); u++) {
		size_t ul = strlen(units[u]);
		char *text = xmalloc(3 + n * ul + 8);
		size_t o = 0;

		memcpy(text, "x: ", 3);
		o = 3;
		for (size_t i = 0; i < n; i++, o += ul)
			memcpy(text + o, units[u], ul);
		strcpy(text + o, "1 = 1");
		assert_int_equal(audit_one(text, msg, sizeof(msg)), AUDIT_UNREADABLE);
		if (strstr(msg, "nested too deep") == NULL)
			fail_msg("unit \"%s\": message \"%s\"", units[u], msg);
		free(text);
	}
	/* 32 levels are still read: an even number of minus signs is +1. */
	assert_int_equal(audit_one("--------------------------------1 = 1", msg, sizeof(msg)),
			 AUDIT_OK);
	assert_int_equal(audit_one("-(-(-(-(2)))) x 3 = 6", msg, sizeof(msg)), AUDIT_OK);
	assert_int_equal(audit_one("---------------------------------1 = 1", msg, sizeof(msg)),
			 AUDIT_UNREADABLE);
}

/*
 * Regression: numbers of 1e15 or more were read cut to 47 digits and
 * results printed cut off mid-digit ("the left side is 100,000,...,184").
 * Such a number, stated or on the left, or a left side that multiplies
 * past 1e15, makes the line unreadable with a message saying so.
 */
static void
test_audit_too_large(void **state)
{
	static const struct {
		const char *text;
		enum audit_status status;
		const char *message; /* exact; NULL: none */
	} cases[] = {
	    {"a: 1000000000000000000000000000000000000000000000000000000000000 x 10 = 1", UNR,
	     "\"1000000000000000000000000000000000000...\" is too large: drill works with "
	     "amounts below 1e15 (a quadrillion)"},
	    {"b: 2 x 3 = 1000000000000000000000000000000000000000000000000000000000000", UNR,
	     "\"1000000000000000000000000000000000000...\" is too large: drill works with "
	     "amounts below 1e15 (a quadrillion)"},
	    {"c: $2,000,000B / 2 = $1,000,000B", UNR,
	     "\"$1,000,000B\" is too large: drill works with amounts below 1e15 (a quadrillion)"},
	    {"d: $999B x 1,000,000 = $1", UNR,
	     "the left side is $9.99e+17, too large: drill works with amounts below 1e15 (a "
	     "quadrillion)"},
	    {"e: 999,999,999,999,999 + 1 = 5", UNR,
	     "the left side is 1e+15, too large: drill works with amounts below 1e15 (a "
	     "quadrillion)"},
	    {"f: 1 = 0.0000000000000000000000000000000000000000000001", UNR,
	     "\"0.00000000000000000000000000000000000...\" has more than 40 digits: drill reads "
	     "40 at most"},
	    {"g: 999,999,999,999,999 = 999,999,999,999,999", OK, NULL},
	    {"h: $999,999B - $1B = $999,998B", OK, NULL},
	    {"i: 999,999,999,999,999 = 1", BAD,
	     "the left side is 999,999,999,999,999, not 1"},
	    /* large intermediate results are fine when the left side ends in range */
	    {"j: $900B x 1,000 / 1,000 = $900B", OK, NULL},
	};
	char msg[256];

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		enum audit_status st = audit_one(cases[i].text, msg, sizeof(msg));
		if (st != cases[i].status ||
		    strcmp(msg, cases[i].message != NULL ? cases[i].message : "") != 0)
			fail_msg("\"%s\": %s \"%s\", want %s \"%s\"", cases[i].text,
				 audit_status_name(st), msg, audit_status_name(cases[i].status),
				 cases[i].message != NULL ? cases[i].message : "");
	}
}

static void
test_audit_status_names(void **state)
{
	(void)state;
	assert_string_equal(audit_status_name(AUDIT_CONTEXT), "context");
	assert_string_equal(audit_status_name(AUDIT_OK), "ok");
	assert_string_equal(audit_status_name(AUDIT_IMPRECISE), "imprecise");
	assert_string_equal(audit_status_name(AUDIT_WRONG), "wrong");
	assert_string_equal(audit_status_name(AUDIT_UNREADABLE), "unreadable");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_audit_seed_examples),
	    cmocka_unit_test(test_audit_own_examples),
	    cmocka_unit_test(test_audit_wrong_gives_value),
	    cmocka_unit_test(test_audit_imprecise_message),
	    cmocka_unit_test(test_audit_kinds),
	    cmocka_unit_test(test_audit_empty_and_odd_input),
	    cmocka_unit_test(test_audit_sign_chain),
	    cmocka_unit_test(test_audit_too_large),
	    cmocka_unit_test(test_audit_status_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

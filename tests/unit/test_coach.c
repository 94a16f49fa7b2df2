/*
 * Tests for the coach: every answer of the corpus in tests/data/coach
 * (with the finding kinds it must and must not produce), then focused
 * tables for the rules.
 */
#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "amount.h"
#include "check.h"
#include "coach.h"
#include "slurp.h"
#include "util.h"

#define COACH_CORPUS DRILL_TEST_DATA "/coach"
#define COACH_CORPUS_MIN 30
#define COACH_MAX_POINTS 8

static struct coach *test_coach;

static int
test_setup(void **state)
{
	char err[256];
	(void)state;
	if (coach_new(&test_coach, err, sizeof(err)) != 0) {
		print_error("coach_new: %s\n", err);
		return -1;
	}
	return 0;
}

static int
test_teardown(void **state)
{
	(void)state;
	coach_free(test_coach);
	test_coach = NULL;
	return 0;
}

static struct coach_result *
test_analyse(const char *text, enum coach_level level, bool followup)
{
	struct coach_options opt = {level, NULL, followup};
	struct coach_result *r = NULL;
	coach_analyse(test_coach, text, strlen(text), &opt, &r);
	assert_non_null(r);
	return r;
}

static size_t
test_count_kind(const struct coach_result *r, enum coach_kind k)
{
	size_t n = 0;
	for (size_t i = 0; i < r->nfindings; i++)
		if (r->findings[i].kind == k)
			n++;
	return n;
}

/* Properties every result holds, whatever the answer. */
static void
test_check_invariants(const char *name, const char *text, size_t len, const struct coach_result *r)
{
	double shares = 0;
	for (int p = 0; p < COACH_NPARTS; p++) {
		assert_true(r->star_share[p] >= 0 && r->star_share[p] <= 1);
		shares += r->star_share[p];
	}
	if (shares > 1.0 + 1e-9) {
		print_error("%s: STAR shares add up to %f\n", name, shares);
		fail();
	}
	assert_true(fabs(r->minutes - (double)r->words / COACH_WORDS_PER_MINUTE) < 1e-9);
	for (size_t i = 0; i < r->nfindings; i++) {
		const struct coach_finding *f = &r->findings[i];
		size_t ql = strlen(f->quote);
		assert_non_null(f->message);
		assert_true(f->message[0] != '\0');
		assert_true((unsigned)f->kind < COACH_NKINDS);
		/* a quote is the bytes of the answer at its offset */
		if (ql > 0 &&
		    (f->offset + ql > len || memcmp(text + f->offset, f->quote, ql) != 0)) {
			print_error("%s: quote \"%s\" is not at offset %zu\n", name, f->quote,
				    f->offset);
			fail();
		}
	}
	for (size_t i = 0; i < r->nfigures; i++)
		assert_true(r->figures[i].offset + r->figures[i].len <= len);
}

/* ------------------------------------------------------------------ */
/* the corpus                                                          */

struct test_case {
	enum coach_level level;
	bool must[COACH_NKINDS];
	bool must_not[COACH_NKINDS];
	char *labels[COACH_MAX_POINTS];
	struct check_re *res[COACH_MAX_POINTS];	    /* NULL for a condition */
	struct amount_cond conds[COACH_MAX_POINTS]; /* kind AMOUNT_ANY for a pattern */
	size_t npoints;
	const char *answer; /* inside the file's buffer */
};

static char *
test_trim(char *s)
{
	char *e;
	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

static void
test_parse_kinds(const char *name, char *list, bool *set)
{
	for (char *tok = strtok(list, ","); tok != NULL; tok = strtok(NULL, ",")) {
		char *k = test_trim(tok);
		int kind;
		if (*k == '\0')
			continue;
		kind = coach_kind_from_name(k);
		if (kind < 0) {
			print_error("%s: unknown finding kind \"%s\"\n", name, k);
			fail();
		}
		set[kind] = true;
	}
}

/* Parses the header of a corpus file in place; buf stays owned by the caller. */
static void
test_parse_case(const char *name, char *buf, struct test_case *tc)
{
	char *line = buf;

	memset(tc, 0, sizeof(*tc));
	tc->level = COACH_L6;
	for (;;) {
		char *nl = strchr(line, '\n');
		char *val;
		if (nl == NULL) {
			print_error("%s: no \"---\" line ends the header\n", name);
			fail();
		}
		*nl = '\0';
		if (strcmp(test_trim(line), "---") == 0) {
			tc->answer = nl + 1;
			return;
		}
		val = strchr(line, ':');
		if (line[0] == '#' || line[0] == '\0') {
			/* comment */
		} else if (val == NULL) {
			print_error("%s: bad header line \"%s\"\n", name, line);
			fail();
		} else {
			*val++ = '\0';
			if (strcmp(line, "level") == 0) {
				int l = coach_level_from_name(test_trim(val));
				assert_true(l >= 0);
				tc->level = (enum coach_level)l;
			} else if (strcmp(line, "must") == 0) {
				test_parse_kinds(name, val, tc->must);
			} else if (strcmp(line, "must_not") == 0) {
				test_parse_kinds(name, val, tc->must_not);
			} else if (strcmp(line, "point") == 0) {
				char *arrow = strstr(val, "=>");
				char err[128];
				size_t col;
				assert_non_null(arrow);
				assert_true(tc->npoints < COACH_MAX_POINTS);
				*arrow = '\0';
				tc->labels[tc->npoints] = test_trim(val);
				int cond =
				    amount_cond_parse(test_trim(arrow + 2), &tc->conds[tc->npoints],
						      err, sizeof(err), &col);
				if (cond < 0) {
					print_error("%s: point condition: %s\n", name, err);
					fail();
				}
				if (cond == 0 &&
				    check_re_compile(test_trim(arrow + 2), &tc->res[tc->npoints],
						     err, sizeof(err), &col) != 0) {
					print_error("%s: point pattern: %s\n", name, err);
					fail();
				}
				tc->npoints++;
			} else {
				print_error("%s: unknown header field \"%s\"\n", name, line);
				fail();
			}
		}
		line = nl + 1;
	}
}

/* Runs one corpus file; returns the number of broken expectations. */
static int
test_run_case(const char *name, const char *path, enum coach_level *level)
{
	size_t len;
	char *buf = slurp(path, &len);

	assert_non_null(buf);
	struct test_case tc;
	struct coach_point points[COACH_MAX_POINTS];
	struct coach_question q = {NULL, points, 0};
	struct coach_options opt;
	struct coach_result *r = NULL;
	int bad = 0;

	test_parse_case(name, buf, &tc);
	*level = tc.level;
	for (size_t i = 0; i < tc.npoints; i++) {
		points[i].label = tc.labels[i];
		points[i].re = tc.res[i];
		points[i].cond = tc.conds[i].kind != AMOUNT_ANY ? &tc.conds[i] : NULL;
	}
	q.npoints = tc.npoints;
	opt.level = tc.level;
	opt.question = tc.npoints > 0 ? &q : NULL;
	opt.followup = false;
	coach_analyse(test_coach, tc.answer, strlen(tc.answer), &opt, &r);
	test_check_invariants(name, tc.answer, strlen(tc.answer), r);

	for (int k = 0; k < COACH_NKINDS; k++) {
		size_t n = test_count_kind(r, (enum coach_kind)k);
		if (tc.must[k] && n == 0) {
			print_error("%s: expected a %s finding, got none\n", name,
				    coach_kind_name((enum coach_kind)k));
			bad++;
		}
		if (tc.must_not[k] && n > 0) {
			print_error("%s: unexpected %s finding\n", name,
				    coach_kind_name((enum coach_kind)k));
			bad++;
		}
	}
	if (bad > 0)
		for (size_t i = 0; i < r->nfindings; i++)
			print_error("    got %s \"%s\": %s\n", coach_kind_name(r->findings[i].kind),
				    r->findings[i].quote, r->findings[i].message);
	coach_result_free(r);
	for (size_t i = 0; i < tc.npoints; i++)
		check_re_free(tc.res[i]);
	free(buf);
	return bad;
}

static int
test_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
test_corpus(void **state)
{
	DIR *d = opendir(COACH_CORPUS);
	struct dirent *de;
	struct strv names = {0};
	int bad = 0;
	size_t levels[2] = {0, 0};

	(void)state;
	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);
		if (n > 4 && strcmp(de->d_name + n - 4, ".txt") == 0)
			strv_push(&names, de->d_name);
	}
	closedir(d);
	qsort(names.v, names.n, sizeof(*names.v), test_name_cmp);
	if (names.n < COACH_CORPUS_MIN) {
		print_error("corpus has %zu answers, want at least %d\n", names.n,
			    COACH_CORPUS_MIN);
		fail();
	}
	for (size_t i = 0; i < names.n; i++) {
		char *path = xasprintf("%s/%s", COACH_CORPUS, names.v[i]);
		enum coach_level level;
		bad += test_run_case(names.v[i], path, &level);
		levels[level]++;
		free(path);
	}
	/* both levels are represented */
	assert_true(levels[0] >= 10);
	assert_true(levels[1] >= 10);
	strv_free(&names);
	assert_int_equal(bad, 0);
}

/* ------------------------------------------------------------------ */
/* focused tables                                                      */

static void
test_names(void **state)
{
	(void)state;
	for (int k = 0; k < COACH_NKINDS; k++)
		assert_int_equal(coach_kind_from_name(coach_kind_name((enum coach_kind)k)), k);
	assert_int_equal(coach_kind_from_name("no_such_kind"), -1);
	assert_string_equal(coach_kind_name(COACH_MISSING_STAR), "missing_star");
	assert_string_equal(coach_kind_name(COACH_TOO_SHORT), "too_short");
	assert_string_equal(coach_part_name(COACH_RESULT), "result");
	assert_int_equal(coach_level_from_name("l7"), COACH_L7);
	assert_int_equal(coach_level_from_name("L6"), COACH_L6);
	assert_int_equal(coach_level_from_name("L8"), -1);
	assert_string_equal(coach_level_name(COACH_L7), "L7");
}

static void
test_level_words(void **state)
{
	size_t lo, hi;
	(void)state;
	coach_level_words(COACH_L6, &lo, &hi);
	assert_int_equal(lo, 300);
	assert_int_equal(hi, 450);
	coach_level_words(COACH_L7, &lo, &hi);
	assert_int_equal(lo, 450);
	assert_int_equal(hi, 600);
}

/* n copies of "word " with a STAR skeleton, as one string. */
static char *
test_words(size_t n)
{
	struct sbuf b = {0};
	sbuf_adds(&b, "Situation: x. Task: x. Action: I led x. Result: x.");
	for (size_t i = 4; i < n; i++)
		sbuf_adds(&b, " word");
	return sbuf_take(&b);
}

static void
test_length(void **state)
{
	static const struct {
		enum coach_level level;
		size_t words;
		bool short_, long_;
	} cases[] = {
	    {COACH_L6, 299, true, false},  {COACH_L6, 300, false, false},
	    {COACH_L6, 450, false, false}, {COACH_L6, 451, false, true},
	    {COACH_L7, 449, true, false},  {COACH_L7, 450, false, false},
	    {COACH_L7, 600, false, false}, {COACH_L7, 601, false, true},
	};
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char *t = test_words(cases[i].words);
		struct coach_result *r = test_analyse(t, cases[i].level, false);
		/* "I led x" is 3 words, labels are not counted */
		assert_int_equal(r->words, cases[i].words + 2);
		free(t);
		coach_result_free(r);
		t = test_words(cases[i].words - 2);
		r = test_analyse(t, cases[i].level, false);
		assert_int_equal(r->words, cases[i].words);
		assert_int_equal(test_count_kind(r, COACH_TOO_SHORT) > 0, cases[i].short_);
		assert_int_equal(test_count_kind(r, COACH_TOO_LONG) > 0, cases[i].long_);
		free(t);
		coach_result_free(r);
	}
}

static void
test_star(void **state)
{
	static const struct {
		const char *text;
		bool s, t, a, r;
		bool labelled;
	} cases[] = {
	    {"Situation: a b c. Task: d e. Action: f g h. Result: i j.", 1, 1, 1, 1, 1},
	    {"**Situation:** a b c.\n**Result:** i j.", 1, 0, 0, 1, 1},
	    {"Context: a. Goal: b. Actions: c. Outcome: d.", 1, 1, 1, 1, 1},
	    {"I led the redesign of the cache.", 0, 0, 1, 0, 0},
	    {"My goal was to cut latency. As a result we saved 4 hours a week.", 0, 1, 0, 1, 0},
	    /* the opening sentence of a story is its situation */
	    {"Our search service answered in 3 seconds at peak load for most users. "
	     "I led a rewrite of the index.",
	     1, 0, 1, 0, 0},
	    /* a label inside a sentence is not a label */
	    {"The situation: was tense. I decided to wait.", 0, 0, 1, 0, 0},
	};
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct coach_result *r = test_analyse(cases[i].text, COACH_L6, false);
		test_check_invariants("star", cases[i].text, strlen(cases[i].text), r);
		assert_int_equal(r->star[COACH_SITUATION], cases[i].s);
		assert_int_equal(r->star[COACH_TASK], cases[i].t);
		assert_int_equal(r->star[COACH_ACTION], cases[i].a);
		assert_int_equal(r->star[COACH_RESULT], cases[i].r);
		assert_int_equal(r->labelled, cases[i].labelled);
		/* a missing task is reported only in a labelled answer */
		assert_int_equal(test_count_kind(r, COACH_MISSING_STAR),
				 4 - cases[i].s - cases[i].t - cases[i].a - cases[i].r -
				     (!cases[i].t && !cases[i].labelled));
		coach_result_free(r);
	}
}

static void
test_shares(void **state)
{
	const char *t = "Situation: one two three four. Task: five six. "
			"Action: seven eight nine ten eleven twelve. Result: x y.";
	struct coach_result *r = test_analyse(t, COACH_L6, false);
	(void)state;
	assert_int_equal(r->words, 14);
	assert_int_equal(r->star_words[COACH_SITUATION], 4);
	assert_int_equal(r->star_words[COACH_TASK], 2);
	assert_int_equal(r->star_words[COACH_ACTION], 6);
	assert_int_equal(r->star_words[COACH_RESULT], 2);
	assert_true(fabs(r->star_share[COACH_ACTION] - 6.0 / 14.0) < 1e-9);
	coach_result_free(r);
}

/* One sentence, one rule: does the kind appear, and what does it quote? */
static void
test_rules(void **state)
{
	static const struct {
		enum coach_level level;
		const char *text;
		enum coach_kind kind;
		bool expect;
		const char *quote; /* NULL: do not check */
	} cases[] = {
	    {COACH_L6, "Result: we saved $2M a year.", COACH_ROUND_NUMBER, 1, "$2M"},
	    {COACH_L6, "Result: we saved $2.34M a year.", COACH_ROUND_NUMBER, 0, NULL},
	    {COACH_L6, "Result: we saved over $2.3M a year.", COACH_ROUND_NUMBER, 1, "over $2.3M"},
	    {COACH_L6, "Result: we saved at least $2M a year.", COACH_ROUND_NUMBER, 0, NULL},
	    {COACH_L6, "Result: conservatively we saved $2M a year.", COACH_ROUND_NUMBER, 0, NULL},
	    {COACH_L6, "Result: it saves up to $4M a year.", COACH_UP_TO, 1, "up to $4M"},
	    {COACH_L6, "Result: it saves up to $4M a year.", COACH_ROUND_NUMBER, 1, "up to $4M"},
	    {COACH_L6, "Result: it saves up to $4.3M a year.", COACH_ROUND_NUMBER, 0, NULL},
	    {COACH_L6, "Result: latency fell by up to 40%.", COACH_UP_TO, 1, "up to 40%"},
	    {COACH_L6, "Result: we saved $2.34M.", COACH_VAGUE_TIMEFRAME, 1, "$2.34M"},
	    {COACH_L6, "Result: we saved $2.34M per year.", COACH_VAGUE_TIMEFRAME, 0, NULL},
	    {COACH_L6, "Result: we saved $2.34M over 6 months.", COACH_VAGUE_TIMEFRAME, 0, NULL},
	    {COACH_L6, "It eventually paid off.", COACH_VAGUE_TIMEFRAME, 1, "eventually"},
	    {COACH_L6, "Result: we saved $2.34M a year.", COACH_NO_METHOD, 1, "$2.34M"},
	    {COACH_L6, "Result: we saved $2.34M a year, A/B tested.", COACH_NO_METHOD, 0, NULL},
	    {COACH_L6, "Result: we saved $2.34M a year, measured before/after.", COACH_NO_METHOD, 0,
	     NULL},
	    {COACH_L6, "Result: we saved $2.34M a year.", COACH_NO_ATTRIBUTION, 1, "$2.34M"},
	    {COACH_L6, "Result: we saved $2.34M a year, 70% attributed to our change.",
	     COACH_NO_ATTRIBUTION, 0, NULL},
	    {COACH_L6, "Result: we saved $2.34M a year and I credit the team.",
	     COACH_NO_ATTRIBUTION, 1, "credit"},
	    {COACH_L6, "Result: we saved $2.34M a year, the whole saving came from the new cache.",
	     COACH_NO_ATTRIBUTION, 0, NULL},
	    {COACH_L6, "Result: we saved $2.34M a year; two-thirds of that comes from the service I "
	     "built.", COACH_NO_ATTRIBUTION, 0, NULL},
	    {COACH_L6, "Result: we saved $2.34M a year; it excludes $30K a month of vendor price "
	     "cuts that would have happened without us.", COACH_NO_ATTRIBUTION, 0, NULL},
	    {COACH_L6, "Situation: most of the volume came from debug logs. Result: we saved "
	     "$2.34M a year.", COACH_NO_ATTRIBUTION, 1, "$2.34M"},
	    {COACH_L6, "Result: costs came down by 56%, a saving of $470,000 a year.",
	     COACH_NO_ABSOLUTE, 0, NULL},
	    {COACH_L6, "Result: response time dropped to 180 milliseconds, roughly a 95% "
	     "improvement.", COACH_NO_ABSOLUTE, 0, NULL},
	    {COACH_L6, "Result: delays went down by 20%, which saved $50K every month.",
	     COACH_NO_ABSOLUTE, 1, "20%"},
	    {COACH_L6, "Result: revenue was 2.9% higher in the test group than in the holdout.",
	     COACH_NO_ABSOLUTE, 0, NULL},
	    {COACH_L6, "Result: stale items fell from 9% of impressions to under 1%.",
	     COACH_NO_ABSOLUTE, 0, NULL},
	    {COACH_L6, "Action: I set alerts on any mismatch above 0.1% and ran both for weeks.",
	     COACH_NO_ABSOLUTE, 0, NULL},
	    {COACH_L6, "Action: I built the back end. We launched and we shipped it in May. Result: "
	     "200 users.", COACH_IC_SCOPE, 1, "I built"},
	    {COACH_L6, "Action: I dug into the old code and rebuilt the page. Result: 200 users.",
	     COACH_IC_SCOPE, 1, "I dug into the old code"},
	    {COACH_L6, "Action: I worked closely with design and dug into the data. Result: 200 users.",
	     COACH_IC_SCOPE, 0, NULL},
	    {COACH_L6, "Action: I wrote a guide with before-and-after examples. Result: we saved "
	     "$2.34M a year.", COACH_NO_METHOD, 1, "$2.34M"},
	    {COACH_L6, "Action: to measure it, we compared this year's cohort with last year's. "
	     "Result: we saved $2.34M a year.", COACH_NO_METHOD, 0, NULL},
	    {COACH_L6, "Result: taking that calculated risk saved us $2.34M a year.", COACH_NO_METHOD,
	     1, "$2.34M"},
	    {COACH_L6, "Action: we kept ten stores on the old flow as the control. Result: we saved "
	     "$2.34M a year.", COACH_NO_METHOD, 0, NULL},
	    {COACH_L6, "Result: our finance partner estimated the protected bookings at $2.34M a "
	     "year.", COACH_NO_METHOD, 0, NULL},
	    {COACH_L6, "I was asked to fix the slow page and I owned it end to end. I rewrote the "
	     "queries, I added a cache, and within a month page load fell from 4 s to 1.2 s for "
	     "every user. I also added a load test to CI so it cannot regress again.",
	     COACH_NO_OUTCOME, 0, NULL},
	    {COACH_L6, "Result: company revenue grew 18% last year thanks to my pricing engine.",
	     COACH_UNVERIFIABLE, 1, "company revenue"},
	    {COACH_L6, "Situation: I proposed a company-wide fix. Result: delays fell 15%.",
	     COACH_UNVERIFIABLE, 0, NULL},
	    {COACH_L7, "Result: my team of seven cut fraud losses by $7.3M a year.", COACH_UNDERSELL, 0,
	     NULL},
	    {COACH_L7, "Result: my team of seven cut fraud losses by $2.3M a year.", COACH_UNDERSELL, 1,
	     NULL},
	    {COACH_L6, "Result: it significantly improved scalability, and response time dropped by "
	     "20%.", COACH_VAGUE_TIMEFRAME, 1, "significantly"},
	    {COACH_L6, "Action: I moved the jobs to spot capacity, which was much cheaper. Result: "
	     "we saved $2.34M a year.", COACH_VAGUE_TIMEFRAME, 0, NULL},
	    {COACH_L6, "Result: that led to a 20% upsell the next quarter.", COACH_VAGUE_TIMEFRAME, 0,
	     NULL},
	    {COACH_L6, "Result: in the quarter, repeat revenue was $3.1M higher than a year before.",
	     COACH_VAGUE_TIMEFRAME, 0, NULL},
	    {COACH_L6, "Result: P95 latency went from 8s to 120ms, a 98.5% improvement.",
	     COACH_INCONSISTENT, 0, NULL},
	    {COACH_L6, "Result: P95 latency went from 8s to 4s, a 98.5% improvement.",
	     COACH_INCONSISTENT, 1, "98.5%"},
	    {COACH_L6, "Result: deploy time went from 4 hours to 20 minutes. Incidents fell by 40%.",
	     COACH_NO_METHOD, 0, NULL},
	    {COACH_L6, "Result: deploy time went from 4 hours to 20 minutes. Cloud cost fell by 40%.",
	     COACH_NO_METHOD, 1, "40%"},
	    {COACH_L6, "Result: that is 12,000 x 35% x $9 per ticket = $45,800 a month.",
	     COACH_ARITHMETIC, 1, "12,000 x 35% x $9 per ticket = $45,800"},
	    {COACH_L6, "Result: the total cost = $5M a year, measured.", COACH_ARITHMETIC, 0, NULL},
	    {COACH_L6, "Result: clicks rose 1.4 points x 30 million searches = 420,000 a month.",
	     COACH_ARITHMETIC, 0, NULL},
	    {COACH_L6, "Result: clicks rose 1.4 points x 30 million searches = 42,000 a month.",
	     COACH_ARITHMETIC, 1, "1.4 points x 30 million searches = 42,000"},
	    {COACH_L6, "Result: it saves as much as $2M a year.", COACH_ROUND_NUMBER, 1,
	     "as much as $2M"},
	    {COACH_L6, "Result: it saves about $2.35M a year per site.", COACH_ROUND_NUMBER, 0, NULL},
	    {COACH_L6, "Action: I found that 58% came from the router. Result: delays fell from 9 to "
	     "4 days.", COACH_NO_ABSOLUTE, 0, NULL},
	    {COACH_L6, "Result: we saved $2.34M a year, and I claim 85% for the router.",
	     COACH_NO_ATTRIBUTION, 0, NULL},
	    {COACH_L6, "Action: if conversion on boosted queries fell by more than 0.5%, we would "
	     "cap it.", COACH_NO_ABSOLUTE, 0, NULL},
	    {COACH_L6, "Result: we reduced tickets by 85% and improved performance, with P95 "
	     "latency dropping from 5s to under 1s.", COACH_NO_ABSOLUTE, 1, "85%"},
	    {COACH_L6, "Result: churn fell from 3.4% to 2.7%, while the holdout stayed at 3.4%.",
	     COACH_NO_ABSOLUTE, 0, NULL},
	    {COACH_L6, "Result: distance went down 4.1%, from 2.1 million miles to 2.01 million.",
	     COACH_NO_ABSOLUTE, 0, NULL},
	    {COACH_L7, "Result: retention rose, worth $14.3M a year; the plan drove 60% of it, the "
	     "discount about 45%, and the delivery day roughly 15%.", COACH_INCONSISTENT, 1, "60%"},
	    {COACH_L7, "Result: retention rose, worth $14.3M a year; the plan drove 60% of it, the "
	     "discount about 25%, and the delivery day roughly 15%.", COACH_INCONSISTENT, 0, NULL},
	    {COACH_L6, "Task: my goal was to cut the bill, without losing logs, by at least $500K a "
	     "year. Result: we cut it by $630K a year.", COACH_INCONSISTENT, 0, NULL},
	    {COACH_L6, "Result: we fixed it within 36 hours, and the launch processed 50,000 orders "
	     "with zero duplicate charges.", COACH_NO_OUTCOME, 0, NULL},
	    {COACH_L6, "Result: the launch was ultimately successful, and we processed 50,000 "
	     "orders.", COACH_VAGUE_TIMEFRAME, 0, NULL},
	    {COACH_L6, "Result: it saves 70% of the $12 a ticket cost, $2.02M a year.",
	     COACH_NO_ATTRIBUTION, 1, "$2.02M"},
	    {COACH_L6, "Action: I sampled 2,000 tickets and found that 80% fell into eleven "
	     "categories.", COACH_NO_ABSOLUTE, 0, NULL},
	    {COACH_L6, "Action: I offered a 15% price premium and tested a discount of about 17%. "
	     "Result: uptake went from 22% to 35%.", COACH_NO_ABSOLUTE, 0, NULL},
	    {COACH_L6, "Result: 60% of hires came from referrals, 35% from the campus program.",
	     COACH_NO_ABSOLUTE, 0, NULL},
	    {COACH_L6, "Result: revenue per visitor was 1.6% higher in the treatment group.",
	     COACH_NO_ABSOLUTE, 0, NULL},
	    {COACH_L6, "Result: we hired 29 people, 107% of plan.", COACH_INCONSISTENT, 0, NULL},
	    {COACH_L6, "Action: we kept a control group of 60 agents on the old console.",
	     COACH_OVERREACH, 0, NULL},
	    {COACH_L6, "Action: I led a group of 60 engineers.", COACH_OVERREACH, 1, NULL},
	    {COACH_L6, "Action: chargebacks arrive up to 90 days late.", COACH_UP_TO, 0, NULL},
	    {COACH_L6, "Result: it saves up to 30% of the time.", COACH_UP_TO, 1, "up to 30%"},
	    {COACH_L6, "Situation: we processed about $9.4B a year in card payments. Result: fraud "
	     "fell by $18.3M a year.", COACH_ROUND_NUMBER, 0, NULL},
	    {COACH_L6, "Action: I spent a lot of time with the risk team.", COACH_VAGUE_TIMEFRAME, 0,
	     NULL},
	    {COACH_L6, "Result: it saved a lot of time.", COACH_VAGUE_TIMEFRAME, 1, "saved a lot of time"},
	    {COACH_L6, "Action: I reproduced the bug and wrote the fix; my team reviewed it. "
	     "Result: 200 users.", COACH_IC_SCOPE, 1, "I reproduced"},
	    {COACH_L6, "Action: I wrote the fix and coached my reports through the rollout. "
	     "Result: 200 users.", COACH_IC_SCOPE, 0, NULL},
	    {COACH_L6, "Result: we saved $2.34M a year.", COACH_NO_VALIDATION, 1, "$2.34M"},
	    {COACH_L6, "Result: we saved $2.34M a year, validated by finance.", COACH_NO_VALIDATION,
	     0, NULL},
	    {COACH_L6, "Result: churn fell by 12%.", COACH_NO_ABSOLUTE, 1, "12%"},
	    {COACH_L6, "Result: churn fell by 12%, from 4,100 to 3,600 accounts.",
	     COACH_NO_ABSOLUTE, 0, NULL},
	    {COACH_L6, "Result: churn fell by 12% in 2024.", COACH_NO_ABSOLUTE, 1, "12%"},
	    {COACH_L6, "Result: it was great.", COACH_NO_FIGURES, 1, ""},
	    {COACH_L6, "Result: we saved $14.2M a year.", COACH_OVERREACH, 1, "$14.2M"},
	    {COACH_L6, "Result: we saved $14.2M a year, A/B tested.", COACH_OVERREACH, 0, NULL},
	    {COACH_L6, "Situation: a $40.5M business. Result: we saved $1.27M a year.",
	     COACH_OVERREACH, 0, NULL},
	    {COACH_L6, "Action: I led 51 engineers.", COACH_OVERREACH, 1, "51 engineers"},
	    {COACH_L6, "Action: I led 50 engineers.", COACH_OVERREACH, 0, NULL},
	    {COACH_L6, "Action: I led a team of 60.", COACH_OVERREACH, 1, "team of 60"},
	    {COACH_L6, "Action: I coordinated five teams.", COACH_OVERREACH, 1, "five teams"},
	    {COACH_L6, "Action: I coordinated three teams.", COACH_OVERREACH, 0, NULL},
	    {COACH_L7, "Action: I led 120 engineers.", COACH_OVERREACH, 0, NULL},
	    {COACH_L7, "Result: we saved $4.91M a year.", COACH_UNDERSELL, 1, "$4.91M"},
	    {COACH_L7, "Result: we saved $5.12M a year.", COACH_UNDERSELL, 0, NULL},
	    {COACH_L7, "Action: I led my team. Result: we saved $12.3M a year.", COACH_UNDERSELL, 0,
	     NULL},
	    {COACH_L7, "Action: I led my team and two partner teams.", COACH_UNDERSELL, 0, NULL},
	    {COACH_L6, "Result: we saved $4.91M a year.", COACH_UNDERSELL, 0, NULL},
	    {COACH_L6, "Result: 1,200 × $65 = $78K a month.", COACH_ARITHMETIC, 0, NULL},
	    {COACH_L6, "Result: 1,200 × $65 = $98K a month.", COACH_ARITHMETIC, 1,
	     "1,200 × $65 = $98K"},
	    /* regression: the result's "million" was dropped, so 720 was wrong */
	    {COACH_L6, "Result: 60 million × 12 = 720 million calls a year.", COACH_ARITHMETIC, 0,
	     NULL},
	    {COACH_L6, "Result: 60 million × 12 = 520 million calls a year.", COACH_ARITHMETIC, 1,
	     "60 million × 12 = 520 million"},
	    /* issue 14's examples: context is not a claim; a claim is not context */
	    {COACH_L6, "Situation: every minute of outage cost roughly $50K.", COACH_NO_METHOD, 0,
	     NULL},
	    {COACH_L7, "Result: the platform created $300M in annual business value.",
	     COACH_NO_VALIDATION, 1, "$300M"},
	    /* a rate with its before and after, and a holdout, have their base */
	    {COACH_L6, "Result: conversion went from 3.40% to 3.47% over 6 weeks against a 5% holdout.",
	     COACH_NO_ATTRIBUTION, 0, NULL},
	    /* a denied method is none; a written calculation is one */
	    {COACH_L6, "Result: revenue grew $1.23M a year, but we never really measured it formally.",
	     COACH_NO_METHOD, 1, "$1.23M"},
	    {COACH_L6, "Result: we saved $165K a month, so $165K × 12 = $1.98M a year.", COACH_NO_METHOD,
	     0, NULL},
	    {COACH_L6, "Result: $1.98M × 80% = $1.584M a year is our share.", COACH_NO_ATTRIBUTION, 0,
	     NULL},
	    /* "we" throughout; a Result with no measured change; a vague adverb */
	    {COACH_L6, "Action: we rebuilt the queue and we added alerting.", COACH_NO_OWNERSHIP, 1,
	     "we"},
	    {COACH_L6, "Action: I rebuilt the pipeline. Result: feedback was very positive and I am "
		       "confident it will pay off.",
	     COACH_NO_OUTCOME, 1, "feedback was very positive and I am confident it will pay off"},
	    {COACH_L6, "Result: checkout latency improved significantly.", COACH_VAGUE_TIMEFRAME, 1,
	     "significantly"},
	    /* figures that disagree without an "=" */
	    {COACH_L6, "Situation: we were losing 73% of carts, costing us $2.3M a year in lost revenue. "
		       "Action: I led the redesign. Result: abandonment came down to 61%, and $1.8M "
		       "of additional revenue per year.",
	     COACH_INCONSISTENT, 1, "$1.8M"},
	    /* a percentage change against its own before and after */
	    {COACH_L6, "Result: we cut the fleet from 400 hosts to 260, a 50% reduction.",
	     COACH_INCONSISTENT, 1, "50%"},
	    {COACH_L6, "Result: we cut the fleet from 400 hosts to 260, a 35% reduction.",
	     COACH_INCONSISTENT, 0, NULL},
	    {COACH_L6, "Result: latency went from 3 seconds to 800 ms, and cost fell by 40% a year.",
	     COACH_INCONSISTENT, 0, NULL},
	};
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct coach_result *r = test_analyse(cases[i].text, cases[i].level, false);
		bool found = false, quoted = cases[i].quote == NULL;
		for (size_t k = 0; k < r->nfindings; k++) {
			if (r->findings[k].kind != cases[i].kind)
				continue;
			found = true;
			if (cases[i].quote != NULL &&
			    strcmp(r->findings[k].quote, cases[i].quote) == 0)
				quoted = true;
		}
		if (found != cases[i].expect || (cases[i].expect && !quoted)) {
			print_error("case %zu: \"%s\": %s %s (quote \"%s\")\n", i, cases[i].text,
				    coach_kind_name(cases[i].kind),
				    cases[i].expect ? "expected" : "not expected",
				    cases[i].quote ? cases[i].quote : "");
			for (size_t k = 0; k < r->nfindings; k++)
				print_error("    got %s \"%s\"\n",
					    coach_kind_name(r->findings[k].kind),
					    r->findings[k].quote);
			fail();
		}
		test_check_invariants("rules", cases[i].text, strlen(cases[i].text), r);
		coach_result_free(r);
	}
}

static void
test_figures(void **state)
{
	const char *t = "Situation: a $12.5M business. Action: I led a team of 9 "
			"and 2 partner teams. Result: we saved $1,250,000 a year, 15% of spend.";
	struct coach_result *r = test_analyse(t, COACH_L6, false);
	(void)state;
	assert_int_equal(r->nfigures, 5);
	assert_int_equal(r->figures[0].kind, COACH_FIG_MONEY);
	assert_true(fabs(r->figures[0].value - 12.5e6) < 1e-3);
	assert_false(r->figures[0].claim);
	assert_int_equal(r->figures[1].kind, COACH_FIG_ENGINEERS);
	assert_true(r->figures[1].value == 9);
	assert_int_equal(r->figures[2].kind, COACH_FIG_TEAMS);
	assert_true(r->figures[2].value == 2);
	assert_int_equal(r->figures[3].kind, COACH_FIG_MONEY);
	assert_true(fabs(r->figures[3].value - 1.25e6) < 1e-3);
	assert_true(r->figures[3].claim);
	assert_int_equal(r->figures[4].kind, COACH_FIG_PERCENT);
	assert_true(fabs(r->figures[4].value - 0.15) < 1e-9);
	coach_result_free(r);
}

static void
test_points(void **state)
{
	struct check_re *re[2];
	char err[128];
	size_t col;
	struct coach_point pts[2] = {{0}};
	struct coach_question q = {"How do you measure impact?", pts, 2};
	struct coach_options opt = {COACH_L6, &q, false};
	struct coach_result *r;
	const char *t = "Result: NPS rose from 31 to 38 across 12,000 users.";

	(void)state;
	assert_int_equal(check_re_compile("\\bnps\\b", &re[0], err, sizeof(err), &col), 0);
	assert_int_equal(check_re_compile("\\bfeedback\\b", &re[1], err, sizeof(err), &col), 0);
	pts[0].label = "names a metric";
	pts[0].re = re[0];
	pts[1].label = "feedback loop";
	pts[1].re = re[1];
	coach_analyse(test_coach, t, strlen(t), &opt, &r);
	assert_int_equal(r->npoints, 2);
	assert_true(r->covered[0]);
	assert_false(r->covered[1]);
	assert_int_equal(test_count_kind(r, COACH_MISSING_POINT), 1);
	for (size_t i = 0; i < r->nfindings; i++)
		if (r->findings[i].kind == COACH_MISSING_POINT)
			assert_non_null(strstr(r->findings[i].message, "feedback loop"));
	coach_result_free(r);
	check_re_free(re[0]);
	check_re_free(re[1]);
}

/*
 * Regression (issue 14): a key point about an amount was a pattern, so
 * "strategic impact above $10M" written as "\$\d{2,}m" missed "$42
 * million". Written as an amount condition it is checked against every
 * figure the amount reader finds; a pattern point keeps working beside it.
 */
static void
test_points_amount(void **state)
{
	static const struct {
		const char *text;
		bool big, metric;
	} cases[] = {
	    {"Result: revenue grew by $42 million a year, and NPS rose.", 1, 1},
	    {"Result: revenue grew by forty-two million dollars a year.", 1, 0},
	    {"Result: we saved $10M a year.", 1, 0},
	    {"Result: we saved $9.5M a year; NPS rose 12 points.", 0, 1},
	    {"Result: 42 million users, and 12% of them paid $8 a month.", 0, 0},
	    {"Result: between $8M and $12M a year.", 0, 0},
	    {"", 0, 0},
	};
	struct check_re *re;
	struct amount_cond big;
	char err[128];
	size_t col;
	struct coach_point pts[2];
	struct coach_question q = {"What was the strategic impact?", pts, 2};
	struct coach_options opt = {COACH_L7, &q, false};

	(void)state;
	assert_int_equal(check_re_compile("\\bnps\\b", &re, err, sizeof(err), &col), 0);
	assert_int_equal(amount_cond_parse("money >= $10M", &big, err, sizeof(err), &col), 1);
	pts[0].label = "strategic impact above $10M";
	pts[0].re = NULL;
	pts[0].cond = &big;
	pts[1].label = "names a metric";
	pts[1].re = re;
	pts[1].cond = NULL;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct coach_result *r;
		size_t missing = 0;
		coach_analyse(test_coach, cases[i].text, strlen(cases[i].text), &opt, &r);
		test_check_invariants("points", cases[i].text, strlen(cases[i].text), r);
		assert_int_equal(r->npoints, 2);
		if (r->covered[0] != cases[i].big || r->covered[1] != cases[i].metric)
			fail_msg("case %zu \"%s\": covered %d %d, want %d %d", i, cases[i].text,
				 r->covered[0], r->covered[1], cases[i].big, cases[i].metric);
		for (size_t k = 0; k < r->nfindings; k++) {
			const char *m = r->findings[k].message;
			if (r->findings[k].kind != COACH_MISSING_POINT)
				continue;
			missing++;
			if (strstr(m, "strategic impact above $10M") != NULL)
				assert_non_null(strstr(m, "money >= $10M"));
		}
		assert_int_equal(missing, (size_t)(!cases[i].big + !cases[i].metric));
		coach_result_free(r);
	}
	/* an answer with a NUL byte: the figures after it are still read */
	{
		static const char t[] = "Result: \0 we grew $42M a year.";
		struct coach_result *r;
		coach_analyse(test_coach, t, sizeof(t) - 1, &opt, &r);
		assert_true(r->covered[0]);
		coach_result_free(r);
	}
	check_re_free(re);
}

static void
test_followup_mode(void **state)
{
	/* a defense answer is judged on credibility only */
	struct coach_result *r =
	    test_analyse("We ran an A/B test for 4 weeks on 10% of traffic.", COACH_L6, true);
	(void)state;
	assert_int_equal(test_count_kind(r, COACH_TOO_SHORT), 0);
	assert_int_equal(test_count_kind(r, COACH_MISSING_STAR), 0);
	assert_int_equal(test_count_kind(r, COACH_NO_FIGURES), 0);
	assert_true(r->has_method);
	coach_result_free(r);
}

static void
test_followups(void **state)
{
	static const struct {
		const char *text;
		size_t max;
		const char *keys[3]; /* expected, in order; NULL ends */
	} cases[] = {
	    {"Result: we saved $2.34M.", 3, {"attribution", "calculation", "period"}},
	    {"Result: we saved $2.34M a year, A/B tested, 80% attributed to our work.",
	     3,
	     {"validation", NULL, NULL}},
	    {"Result: we saved $2.34M a year, A/B tested, 80% attributed to our work, "
	     "validated by finance.",
	     3,
	     {"hindsight", NULL, NULL}},
	    {"Result: everyone was happier.", 3, {"numbers", NULL, NULL}},
	    {"Result: we saved $2.34M.", 1, {"attribution", NULL, NULL}},
	    {"Result: we saved $2.34M.", 9, {"attribution", "calculation", "period"}},
	};
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		const struct coach_followup *fu[9];
		struct coach_result *r = test_analyse(cases[i].text, COACH_L6, false);
		size_t n = coach_followups(r, fu, cases[i].max), want = 0;
		while (want < 3 && cases[i].keys[want] != NULL)
			want++;
		if (n != want)
			print_error("case %zu: %zu follow-ups, want %zu\n", i, n, want);
		assert_int_equal(n, want);
		for (size_t k = 0; k < n; k++) {
			assert_string_equal(fu[k]->key, cases[i].keys[k]);
			assert_non_null(fu[k]->question);
		}
		coach_result_free(r);
	}
}

static void
test_odd_input(void **state)
{
	static const char *const texts[] = {
	    "",
	    "   \n\n ",
	    "\xff\xfe broken UTF-8 $2M \xc3",
	    "=",
	    "$",
	    "%",
	    "Situation:",
	    "Result: = = = $",
	    "up to",
	    "team of",
	    "$999999999999999999999M",
	};
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(texts); i++) {
		for (int lv = COACH_L6; lv <= COACH_L7; lv++) {
			struct coach_result *r =
			    test_analyse(texts[i], (enum coach_level)lv, false);
			test_check_invariants("odd", texts[i], strlen(texts[i]), r);
			coach_result_free(r);
		}
	}
}

/*
 * A follow-up reply is judged by what the follow-up asked for.
 * Regressions (issue 14): a "walk me through your calculation" reply with
 * a correct written calculation was "not defended" (no method word),
 * while a paragraph with no number was "defended" (it said "measured");
 * an attribution share with no reason counted as an answer.
 */
static void
test_followup_answered(void **state)
{
	static const struct {
		const char *key;
		const char *answer;
		bool ok;
		const char *why; /* a part of what it says */
	} cases[] = {
	    /* attribution: a share as a percentage, and a reason */
	    {"attribution",
	     "About 70% of the lift is ours, because the holdout without the change grew "
	     "only a third as much.",
	     1, "a share (\"About 70%\") with a reason"},
	    {"attribution", "About 60% of it, measured with an A/B test over 6 months.", 1,
	     "a share"},
	    {"attribution",
	     "We claim 60%: marketing ran a win-back campaign in the same quarter, so the rest "
	     "is theirs.",
	     1, "a share"},
	    {"attribution", "About 70% of the lift is attributed to our change.", 0,
	     "\"About 70%\" is stated with no reason"},
	    {"attribution", "The team did most of the work, because we built it.", 0,
	     "no share stated as a percentage"},
	    {"attribution", "Conversion grew 20% over 6 months, because of our change.", 0,
	     "no share stated as a percentage"},
	    {"attribution", "We own all of it; 150% of the target, since nobody else worked on it.",
	     0, "no share"},
	    /* calculation: a written calculation the audit finds right */
	    {"calculation",
	     "We lost 1,850 orders a month at $92, so 1,850 × $92 × 12 = $2.04M a year.", 1,
	     "the calculation adds up (\"1,850 × $92 × 12 = $2.04M\")"},
	    {"calculation", "$165K × 12 = $1.98M, and $1.98M × 80% = $1.584M.", 1, "adds up"},
	    {"calculation", "We saved $165K a month times 12 months, which is $1.98M a year.", 1,
	     "adds up"},
	    {"calculation", "1,200 × $65 = $78K a month, measured before and after.", 1, "adds up"},
	    {"calculation", "1,200 × $65 = $98K a month.", 0,
	     "\"1,200 × $65 = $98K\" does not add up: "},
	    {"calculation", "$165K × 12 = $1.98M, then $1.98M × 80% = $1.8M.", 0,
	     "does not add up"},
	    {"calculation",
	     "We measured it carefully before and after the change, compared it with the "
	     "baseline and the finance team looked at the dashboards.",
	     0, "no written calculation"},
	    {"calculation", "We saved $165K a month, which is $1.98M a year.", 0,
	     "no written calculation"},
	    {"calculation", "It felt like a lot.", 0, "no written calculation"},
	    /* a long calculation is quoted in part, cut on a whole character */
	    {"calculation",
	     "1,850 orders every month × $92 × 12 months × 80% × 95% × 1.05 = $1.6M.", 1,
	     "adds up (\"1,850 orders every month × $92 × 12 months × 80% × 95% ...\")"},
	    /* period */
	    {"period", "That is $936K per year and it recurs.", 1, "a period (\"per year\")"},
	    {"period", "We measured it over the 6 months after launch.", 1, "6 months"},
	    {"period", "It is measured since March, every quarter.", 1, "a period"},
	    {"period", "It will pay off eventually, and it recurs.", 0, "no period"},
	    /* validation: someone who checked */
	    {"validation", "Our finance partner validated the model.", 1,
	     "someone checked the numbers (\"finance\")"},
	    {"validation", "The CFO's team checked it against the invoices.", 1, "someone checked"},
	    {"validation", "I checked it twice myself and I am confident in it.", 0,
	     "nobody is named"},
	    {"validation", "Our customers loved the new checkout flow.", 0, "nobody is named"},
	    {"validation", "Nobody in finance checked it, to be honest.", 0, "says nobody checked"},
	    {"validation", "Finance didn't review it, but our data scientist re-ran the analysis.",
	     1, "data scientist"},
	    /* numbers */
	    {"numbers", "Churn fell from 4.1% to 3.2% of 12,000 accounts.", 1, "figures"},
	    {"numbers", "People liked it a lot in 2024.", 0, "no figures"},
	    {"numbers", "People liked it.", 0, "no figures"},
	    /* hindsight: some substance */
	    {"hindsight",
	     "I would have set up the baseline before the change, not after, "
	     "and asked finance to check the model earlier.",
	     1, "words"},
	    {"hindsight", "Nothing.", 0, "1 word:"},
	};
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct coach_followup fu = {cases[i].key, "?"};
		struct coach_result *r = test_analyse(cases[i].answer, COACH_L6, true);
		char why[256];
		bool ok = coach_followup_answered(&fu, cases[i].answer, strlen(cases[i].answer), r,
						  why, sizeof(why));
		if (ok != cases[i].ok || strstr(why, cases[i].why) == NULL) {
			print_error("case %zu: %s: \"%s\": %s, \"%s\"; want %s, \"%s\"\n", i,
				    cases[i].key, cases[i].answer, ok ? "defended" : "not defended",
				    why, cases[i].ok ? "defended" : "not defended", cases[i].why);
			fail();
		}
		/* why may be left out, or cut short */
		assert_int_equal(coach_followup_answered(&fu, cases[i].answer,
							 strlen(cases[i].answer), r, NULL, 0),
				 cases[i].ok);
		assert_int_equal(coach_followup_answered(&fu, cases[i].answer,
							 strlen(cases[i].answer), r, why, 8),
				 cases[i].ok);
		assert_true(strlen(why) < 8);
		assert_true(check_utf8_valid(why, strlen(why)));
		coach_result_free(r);
	}
}

static void
test_score(void **state)
{
	struct coach_score sc;
	struct coach_result *r;
	char *strong;
	size_t len;
	(void)state;

	/* an empty answer scores only what it cannot lose */
	r = test_analyse("", COACH_L6, false);
	coach_score(r, 0, 0, &sc);
	assert_int_equal(sc.structure, 0);
	assert_int_equal(sc.credibility, 40 - 8); /* no_figures */
	assert_int_equal(sc.level_fit, 15);
	assert_int_equal(sc.points, 10);
	assert_int_equal(sc.defense, 10);
	assert_int_equal(sc.total, 0 + 32 + 15 + 10 + 10);
	coach_score(r, 3, 1, &sc);
	assert_int_equal(sc.defense, 3);
	coach_score(r, 2, 5, &sc); /* defended is capped at asked */
	assert_int_equal(sc.defense, 10);
	coach_result_free(r);

	/* many credibility problems floor at 0, an overreach costs the fit */
	r = test_analyse("Result: we saved up to $20M and maybe over $3M eventually. "
			 "Growth rose 40%.",
			 COACH_L6, false);
	coach_score(r, 0, 0, &sc);
	assert_int_equal(sc.credibility, 0);
	assert_int_equal(sc.level_fit, 0);
	assert_true(sc.total >= 0 && sc.total <= 100);
	coach_result_free(r);

	/* the strong corpus answer loses nothing but the follow-ups */
	strong = slurp(COACH_CORPUS "/l6-strong-checkout.txt", &len);
	assert_non_null(strong);
	assert_true(len > 0);
	r = test_analyse(strstr(strong, "\n---\n") + 5, COACH_L6, false);
	coach_score(r, 1, 0, &sc);
	assert_int_equal(sc.structure, 25);
	assert_int_equal(sc.credibility, 40);
	assert_int_equal(sc.level_fit, 15);
	assert_int_equal(sc.defense, 0);
	assert_int_equal(sc.total, 90);
	coach_result_free(r);
	free(strong);
}

/*
 * Regression: one byte that is not valid UTF-8 anywhere in the answer made
 * PCRE2 refuse every subject that held it, so the labels, figures and cues
 * before and after it were all lost. The answer is now checked once and the
 * rest of it read; quotes are still the answer's own bytes.
 */
static void
test_invalid_utf8_elsewhere(void **state)
{
	static const char text[] = "\xff Situation: our checkout lost orders. Result: we saved "
				   "$2.34M a year, up to $3M. \xc3";
	struct coach_result *r;
	size_t money = 0;
	(void)state;

	r = test_analyse(text, COACH_L6, false);
	test_check_invariants("invalid UTF-8", text, strlen(text), r);
	assert_true(r->labelled);
	assert_true(r->star[COACH_SITUATION] && r->star[COACH_RESULT]);
	for (size_t i = 0; i < r->nfigures; i++)
		money += r->figures[i].kind == COACH_FIG_MONEY;
	assert_int_equal(money, 2);
	assert_int_equal(test_count_kind(r, COACH_UP_TO), 1);
	coach_result_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_names),
	    cmocka_unit_test(test_level_words),
	    cmocka_unit_test(test_length),
	    cmocka_unit_test(test_star),
	    cmocka_unit_test(test_shares),
	    cmocka_unit_test(test_rules),
	    cmocka_unit_test(test_figures),
	    cmocka_unit_test(test_points),
	    cmocka_unit_test(test_points_amount),
	    cmocka_unit_test(test_followup_mode),
	    cmocka_unit_test(test_followups),
	    cmocka_unit_test(test_odd_input),
	    cmocka_unit_test(test_followup_answered),
	    cmocka_unit_test(test_score),
	    cmocka_unit_test(test_corpus),
	    cmocka_unit_test(test_invalid_utf8_elsewhere),
	};
	return cmocka_run_group_tests(tests, test_setup, test_teardown);
}

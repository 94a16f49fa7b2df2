/* Tests for calculation drills (src/calc.c). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "calc.h"
#include "util.h"

struct calc_range_case {
	const char *text;
	enum amount_kind kind;
	double lo, hi, step;
};

static const struct calc_range_case calc_range_cases[] = {
    {"50K..500K step 10K", AMOUNT_COUNT, 50000, 500000, 10000},
    {"50K .. 500K  step  10K", AMOUNT_COUNT, 50000, 500000, 10000},
    {"2%..4% step 0.1%", AMOUNT_PERCENT, 0.02, 0.04, 0.001},
    {"2..4 step 0.1", AMOUNT_PERCENT, 0.02, 0.04, 0.001},
    {"$1M..$2M step $250K", AMOUNT_MONEY, 1e6, 2e6, 250000},
    {"1.5..3.5 STEP 0.5", AMOUNT_WEEKS, 1.5, 3.5, 0.5},
    {"$65", AMOUNT_MONEY, 65, 65, 0},
    {"  75%  ", AMOUNT_PERCENT, 0.75, 0.75, 0},
    {"10..10 step 1", AMOUNT_COUNT, 10, 10, 0},
};

static void
test_calc_range_parse(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(calc_range_cases); i++) {
		const struct calc_range_case *c = &calc_range_cases[i];
		struct calc_range r = {.input = 7};
		char err[200] = "";

		if (calc_range_parse(c->text, c->kind, &r, err, sizeof(err)) != 0)
			fail_msg("\"%s\": %s", c->text, err);
		assert_int_equal(r.input, 7);
		if (fabs(r.lo - c->lo) > 1e-12 * c->lo || fabs(r.hi - c->hi) > 1e-12 * c->hi ||
		    fabs(r.step - c->step) > 1e-12 * c->step)
			fail_msg("\"%s\": %g..%g step %g", c->text, r.lo, r.hi, r.step);
	}
}

static const struct {
	const char *text;
	enum amount_kind kind;
	const char *want;
} calc_range_bad[] = {
    {"50K..500K", AMOUNT_COUNT, "needs a step"},
    {"500K..50K step 10K", AMOUNT_COUNT, "runs backwards"},
    {"1..2 step 0", AMOUNT_COUNT, "step above 0"},
    {"abc", AMOUNT_COUNT, "cannot read \"abc\""},
    {"$65 step 5", AMOUNT_MONEY, "has a step but no"},
    {"2%..4% step $1", AMOUNT_PERCENT, "it is money"},
    {"1%..$4 step 1%", AMOUNT_PERCENT, "it is money"},
    {"0..1B step 0.5", AMOUNT_COUNT, "too many steps"},
    {"..5 step 1", AMOUNT_COUNT, "cannot read"},
    {"", AMOUNT_COUNT, "cannot read"},
};

static void
test_calc_range_bad(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(calc_range_bad); i++) {
		struct calc_range r = {0};
		char err[200] = "";

		if (calc_range_parse(calc_range_bad[i].text, calc_range_bad[i].kind, &r, err,
				     sizeof(err)) == 0)
			fail_msg("\"%s\" was accepted", calc_range_bad[i].text);
		if (strstr(err, calc_range_bad[i].want) == NULL)
			fail_msg("\"%s\": \"%s\" lacks \"%s\"", calc_range_bad[i].text, err,
				 calc_range_bad[i].want);
	}
}

/* The conversion card of the docs: traffic, before, after ranges; aov fixed. */
static size_t
calc_conversion_ranges(struct calc_range *r)
{
	static const struct {
		const char *name, *text;
	} spec[] = {
	    {"traffic", "50K..500K step 10K"},
	    {"before", "2%..4% step 0.1%"},
	    {"after", "2%..4% step 0.1%"},
	    {"aov", "$65"},
	};
	const struct impact_method *m = impact_method_find("conversion");

	for (size_t i = 0; i < ARRAY_LEN(spec); i++) {
		int idx = impact_input_index(m, spec[i].name);
		assert_true(idx >= 0);
		assert_int_equal(
		    calc_range_parse(spec[i].text, m->inputs[idx].kind, &r[i], NULL, 0), 0);
		r[i].input = idx;
	}
	return ARRAY_LEN(spec);
}

static void
test_calc_draw(void **state)
{
	const struct impact_method *m = impact_method_find("conversion");
	struct calc_range ranges[4];
	size_t n = calc_conversion_ranges(ranges);
	double a[IMPACT_MAX_INPUTS], b[IMPACT_MAX_INPUTS];
	bool seen[46] = {false}; /* traffic 50K..500K is 46 grid points */
	size_t distinct = 0;

	(void)state;
	for (uint64_t seed = 1; seed <= 300; seed++) {
		struct rng r1, r2;
		struct impact_result res;

		rng_seed(&r1, seed);
		rng_seed(&r2, seed);
		calc_draw(m, ranges, n, &r1, a);
		calc_draw(m, ranges, n, &r2, b);
		/* reproducible */
		assert_memory_equal(a, b, sizeof(double) * m->ninputs);
		/* on the grid, within the range */
		assert_true(a[0] >= 50000 && a[0] <= 500000);
		assert_true(fabs(a[0] / 10000 - round(a[0] / 10000)) < 1e-9);
		assert_true(a[1] >= 0.02 - 1e-12 && a[1] <= 0.04 + 1e-12);
		assert_true(fabs(a[1] * 1000 - round(a[1] * 1000)) < 1e-9);
		assert_true(a[3] == 65);
		assert_true(a[4] == 1.0); /* attribution: the default */
		/* a draw that makes no sense (after <= before) is never handed out */
		assert_true(a[2] > a[1]);
		assert_int_equal(impact_run(m, a, &res, NULL, 0), 0);
		if (!seen[(int)round((a[0] - 50000) / 10000)]) {
			seen[(int)round((a[0] - 50000) / 10000)] = true;
			distinct++;
		}
	}
	/* different seeds give different scenarios */
	assert_true(distinct > 30);
}

static void
test_calc_draw_varies_and_covers(void **state)
{
	const struct impact_method *m = impact_method_find("labor");
	struct calc_range r = {0};
	double v[IMPACT_MAX_INPUTS];
	size_t count[5] = {0};
	struct rng rng;

	(void)state;
	assert_int_equal(calc_range_parse("1..5 step 1", AMOUNT_HOURS, &r, NULL, 0), 0);
	r.input = 0;
	rng_seed(&rng, 42);
	for (int i = 0; i < 5000; i++) {
		calc_draw(m, &r, 1, &rng, v);
		assert_true(v[0] >= 1 && v[0] <= 5 && v[0] == floor(v[0]));
		count[(int)v[0] - 1]++;
		/* inputs with neither range nor default stay NAN */
		assert_true(isnan(v[1]) && isnan(v[2]));
	}
	/* uniform over the grid, both ends included */
	for (int k = 0; k < 5; k++)
		assert_true(count[k] > 800 && count[k] < 1200);
}

static void
test_calc_draw_impossible(void **state)
{
	const struct impact_method *m = impact_method_find("conversion");
	struct calc_range r[3] = {{0}};
	double v[IMPACT_MAX_INPUTS];
	struct impact_result res;
	struct rng rng;
	char err[200];

	(void)state;
	assert_int_equal(calc_range_parse("10K..20K step 1K", AMOUNT_COUNT, &r[0], NULL, 0), 0);
	assert_int_equal(calc_range_parse("5%..6% step 0.5%", AMOUNT_PERCENT, &r[1], NULL, 0), 0);
	assert_int_equal(calc_range_parse("1%..2% step 0.5%", AMOUNT_PERCENT, &r[2], NULL, 0), 0);
	r[0].input = 0;
	r[1].input = 1;
	r[2].input = 2;
	rng_seed(&rng, 7);
	calc_draw(m, r, 3, &rng, v); /* after is always below before */
	assert_true(isnan(v[3]));    /* aov has no range */
	v[3] = 65;
	assert_int_equal(impact_run(m, v, &res, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "must be above"));
}

static void
test_calc_template(void **state)
{
	const struct impact_method *m = impact_method_find("conversion");
	char err[200] = "";

	(void)state;
	assert_int_equal(calc_template_check("{traffic} visitors, AOV {aov}, {before} to {after}",
					     m, err, sizeof(err)),
			 0);
	assert_int_equal(calc_template_check("no placeholders", m, err, sizeof(err)), 0);
	assert_int_equal(calc_template_check("Traffic {traffc}", m, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "placeholder {traffc} is not an input of conversion"));
	assert_non_null(strstr(err, "traffic, before, after, aov, attribution"));
	assert_int_equal(calc_template_check("Traffic {traffic", m, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "unclosed \"{\" at column 9"));
	assert_int_equal(calc_template_check("empty {}", m, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "placeholder {}"));
}

static void
test_calc_render(void **state)
{
	const struct impact_method *m = impact_method_find("conversion");
	double v[] = {150000, 0.023, 0.031, 65, 0.75};
	char *s;

	(void)state;
	s = calc_render("{traffic} visitors at {aov}; {before} -> {after}, credit {attribution}.",
			m, v);
	assert_string_equal(s, "150,000 visitors at $65; 2.3% -> 3.1%, credit 75%.");
	free(s);
	s = calc_render("{nope} and {traffic", m, v);
	assert_string_equal(s, "{nope} and {traffic");
	free(s);
	v[0] = 1234567;
	v[3] = 12.5;
	s = calc_render("{traffic} at {aov}", m, v);
	assert_string_equal(s, "1,234,567 at $12.5");
	free(s);
	s = calc_render("", m, v);
	assert_string_equal(s, "");
	free(s);
}

/* The exact figure of a drill can be recomputed from the rendered text. */
static void
test_calc_render_is_exact(void **state)
{
	const struct impact_method *m = impact_method_find("cloud");
	struct calc_range r[2] = {{0}};
	double v[IMPACT_MAX_INPUTS];
	struct rng rng;

	(void)state;
	assert_int_equal(calc_range_parse("$100K..$2M step $1K", AMOUNT_MONEY, &r[0], NULL, 0), 0);
	assert_int_equal(calc_range_parse("$50K..$90K step $1K", AMOUNT_MONEY, &r[1], NULL, 0), 0);
	r[1].input = 1;
	rng_seed(&rng, 3);
	for (int i = 0; i < 200; i++) {
		struct amount a;
		char *s;

		calc_draw(m, r, 2, &rng, v);
		s = calc_render("{cost_before}", m, v);
		assert_int_equal(amount_parse(s, AMOUNT_MONEY, &a, NULL, 0), 0);
		if (a.value != v[0])
			fail_msg("\"%s\" is not %.17g", s, v[0]);
		free(s);
	}
}

static const struct {
	double expected, given, tolerance;
	enum calc_verdict want;
} calc_judge_cases[] = {
    {936000, 936000, 0.01, CALC_CORRECT},
    {936000, 945000, 0.01, CALC_CORRECT}, /* 0.96% */
    {936000, 927000, 0.01, CALC_CORRECT},
    {936000, 950000, 0.01, CALC_CLOSE}, /* 1.5% */
    {936000, 980000, 0.01, CALC_CLOSE}, /* 4.7% */
    {936000, 990000, 0.01, CALC_WRONG}, /* 5.8% */
    {936000, 900000, 0.01, CALC_CLOSE}, /* 3.8%: the rounded claim */
    {936000, 9360000, 0.01, CALC_WRONG},
    {936000, -936000, 0.01, CALC_WRONG},
    {1e6, 1.08e6, 0.02, CALC_CLOSE}, /* close is 5 x 2% = 10% */
    {1e6, 1.11e6, 0.02, CALC_WRONG},
    {1200, 1200, 0, CALC_CORRECT},
    {1200.0000000000002, 1200, 0, CALC_CORRECT}, /* binary noise */
    {1200, 1201, 0, CALC_CLOSE},
    {1200, 1201, -1, CALC_CLOSE},
    {0, 0, 0.01, CALC_CORRECT},
    {0, 1, 0.01, CALC_WRONG},
    {0, 1e-6, 0.01, CALC_WRONG},
    {-2.1e6, -2.1e6, 0.01, CALC_CORRECT},
    {-2.1e6, -2.2e6, 0.01, CALC_CLOSE},
    {936000, NAN, 0.01, CALC_WRONG},
    {936000, INFINITY, 0.01, CALC_WRONG},
};

static void
test_calc_judge(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(calc_judge_cases); i++) {
		enum calc_verdict v =
		    calc_judge(calc_judge_cases[i].expected, calc_judge_cases[i].given,
			       calc_judge_cases[i].tolerance);
		if (v != calc_judge_cases[i].want)
			fail_msg("case %zu: %s, want %s", i, calc_verdict_name(v),
				 calc_verdict_name(calc_judge_cases[i].want));
	}
	assert_string_equal(calc_verdict_name(CALC_CLOSE), "close");
}

/* Splits a line at spaces into words (at most 32), for calc_read_args. */
static size_t
split_words(char *line, const char **words)
{
	size_t n = 0;

	for (char *t = strtok(line, " "); t != NULL && n < 32; t = strtok(NULL, " "))
		words[n++] = t;
	return n;
}

/* Reading name=value words: the method form, defaults and fraction notes. */
static void
test_calc_read_args(void **state)
{
	(void)state;
	char line[] = "traffic=150K before=0.023 after=3.1 aov=$65";
	const char *words[32];
	size_t n = split_words(line, words);
	struct calc_args a;
	struct impact_result res;
	char err[256] = "", note[256];

	assert_int_equal(calc_read_args(impact_method_find("conversion"), words, n, &a, err,
					sizeof(err)),
			 0);
	assert_false(a.total);
	assert_int_equal(a.n, 5);
	assert_int_equal(a.bad, n);
	assert_string_equal(a.names[4], "attribution");
	assert_true(a.defaulted[4]);
	assert_true(fabs(a.values[0] - 150000) < 1e-9);
	assert_true(fabs(a.values[1] - 0.023) < 1e-12);
	assert_true(fabs(a.values[2] - 0.031) < 1e-12);
	/* before=0.023 is a fraction (noted); after=3.1 is a percent (not). */
	assert_true(calc_args_note(&a, words, 1, note, sizeof(note)));
	assert_string_equal(note, "before 0.023 \xe2\x86\x92 2.3%, read as a fraction");
	assert_false(calc_args_note(&a, words, 2, note, sizeof(note)));
	assert_false(calc_args_note(&a, words, 0, note, sizeof(note)));
	assert_int_equal(calc_args_run(&a, &res, err, sizeof(err)), 0);
	assert_true(fabs(res.annual - 936000) < 1e-6);
}

/* The free-named sum form of "total", as drill calc total reads it. */
static void
test_calc_read_args_total(void **state)
{
	(void)state;
	char line[] = "labor=187K quality=145K release=380K";
	const char *words[32];
	size_t n = split_words(line, words);
	struct calc_args a;
	struct impact_result res;
	char err[256] = "";

	assert_int_equal(calc_read_args(impact_method_find("total"), words, n, &a, err,
					sizeof(err)),
			 0);
	assert_true(a.total);
	assert_int_equal(a.n, 3);
	assert_string_equal(a.names[2], "release");
	assert_int_equal(calc_args_run(&a, &res, err, sizeof(err)), 0);
	assert_true(fabs(res.annual - 712000) < 1e-6);
	assert_string_equal(res.steps[0].expression, "$187K + $145K + $380K");
}

/* Every refusal, with the word that failed and whether the inputs list helps. */
static const struct {
	const char *method, *line, *want;
	size_t bad;
	bool list_inputs;
} calc_args_bad[] = {
    {"conversion", "traffic=150K before=2.3% after=3.1%",
     "missing input \"aov\" (average order value)", 3, true},
    {"conversion", "traffic=150K colour=red", "unknown input \"colour\"", 1, true},
    {"conversion", "traffic=150K traffic=1", "input \"traffic\" is given twice", 1, true},
    {"conversion", "traffic", "\"traffic\" is not name=value", 0, true},
    {"conversion", "aov=15%", "input \"aov\": cannot read \"15%\" as money: it is a percent",
     0, true},
    {"total", "", "give the components as name=value (e.g. labor=187K quality=145K)", 0,
     false},
    {"total", "a=1 a=2", "component \"a\" is given twice", 1, false},
    {"total", "a=1 =2", "\"=2\" is not name=value", 1, false},
    {"total", "a=1 b=5%", "component \"b\": cannot read \"5%\" as money: it is a percent", 1,
     false},
    {"total", "a=1 b=2 c=3 d=4 e=5 f=6 g=7 h=8 i=9 j=10 k=11 l=12 m=13 n=14 o=15 p=16 q=17",
     "at most 16 components", 0, false},
    {"total", "a_component_name_that_goes_on_and_on_and_on_for_ever=1",
     "component name \"a_component_name_that_goes_on_and_on_and_on_for_ever\" is too long: "
     "47 characters at most",
     0, false},
};

static void
test_calc_read_args_bad(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(calc_args_bad); i++) {
		char line[256];
		const char *words[32];
		size_t n;
		struct calc_args a;
		char err[256] = "";

		snprintf(line, sizeof(line), "%s", calc_args_bad[i].line);
		n = split_words(line, words);
		assert_int_equal(calc_read_args(impact_method_find(calc_args_bad[i].method), words,
						n, &a, err, sizeof(err)),
				 -1);
		assert_string_equal(err, calc_args_bad[i].want);
		assert_int_equal(a.bad, calc_args_bad[i].bad);
		assert_int_equal(a.list_inputs, calc_args_bad[i].list_inputs);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_calc_range_parse),
	    cmocka_unit_test(test_calc_range_bad),
	    cmocka_unit_test(test_calc_draw),
	    cmocka_unit_test(test_calc_draw_varies_and_covers),
	    cmocka_unit_test(test_calc_draw_impossible),
	    cmocka_unit_test(test_calc_template),
	    cmocka_unit_test(test_calc_render),
	    cmocka_unit_test(test_calc_render_is_exact),
	    cmocka_unit_test(test_calc_judge),
	    cmocka_unit_test(test_calc_read_args),
	    cmocka_unit_test(test_calc_read_args_total),
	    cmocka_unit_test(test_calc_read_args_bad),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

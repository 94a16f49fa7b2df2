/*
 * Tests for the impact catalogue (src/impact.c). Every expected figure was
 * worked out by hand from the method's formula, not taken from the seeds.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "audit.h"
#include "impact.h"
#include "util.h"

#define NO_STEP (-1.0)

/* method on inputs (NAN: take the default) gives steps[] and annual. */
struct impact_case {
	const char *method;
	double in[IMPACT_MAX_INPUTS];
	double steps[IMPACT_MAX_STEPS]; /* the first nsteps are checked */
	size_t nsteps;
	double annual;
};

static const struct impact_case impact_cases[] = {
    /* 150,000 x 0.8% = 1,200; x $65 = $78,000; x 12 = $936,000; x 100% */
    {"conversion", {150000, 0.023, 0.031, 65, NAN}, {1200, 78000, 936000, 936000}, 4, 936000},
    {"conversion", {150000, 0.023, 0.031, 65, 0.75}, {1200, 78000, 936000, 702000}, 4, 702000},
    /* 200,000 x 0.5% = 1,000; x $80 = $80,000; x 12 = $960,000; x 50% */
    {"conversion", {200000, 0.02, 0.025, 80, 0.5}, {1000, 80000, 960000, 480000}, 4, 480000},
    /* 89,000 x 15 pts = 13,350; x $127 = $1,695,450; x 12 = $20,345,400; x 12% */
    {"funnel", {89000, 0.67, 0.52, 127, 0.12}, {13350, 1695450, 20345400, 2441448}, 4, 2441448},
    /* 4 x $1.5M = $6M; x 80% = $4.8M */
    {"platform", {4, 1.5e6, 0.8}, {6e6, 4.8e6}, 2, 4.8e6},
    {"platform", {3, 2e6, NAN}, {6e6, 6e6}, 2, 6e6},
    /* 8 x $12M = $96M; x 75% = $72M; x 65% = $46.8M */
    {"market", {8, 12e6, 0.75, 0.65}, {96e6, 72e6, 46.8e6}, 3, 46.8e6},
    /* 2,400 x $180K = $432M; x 23% x 89% = $88,430,400; x 15% = $13,264,560 */
    {"churn", {2400, 180000, 0.23, 0.89, 0.15}, {432e6, 88430400, 13264560}, 3, 13264560},
    /* 50,000 x 2% = 1,000; x $65 = $65,000; x 12 = $780,000 */
    {"recovery", {50000, 0.02, 65}, {1000, 65000, 780000}, 3, 780000},
    /* 0.6% x 8,760 = 52.56 h; x $850K = $44,676,000; x 80% = $35,740,800 */
    {"downtime", {0.992, 0.998, 850000, 0.8}, {52.56, 44676000, 35740800}, 3, 35740800},
    /* 0.09% x 8,760 = 7.884 h; x $100K = $788,400 */
    {"downtime", {0.999, 0.9999, 100000, NAN}, {7.884, 788400, 788400}, 3, 788400},
    /* $180K - $125K = $55K; x 12 = $660K */
    {"cloud", {180000, 125000, NAN}, {55000, 660000, 660000}, 3, 660000},
    {"cloud", {100000, 60000, 0.5}, {40000, 480000, 240000}, 3, 240000},
    /* 24 h x 52 = 1,248 h; x $150 = $187,200 */
    {"labor", {24, 52, 150}, {1248, 187200}, 2, 187200},
    /* 18 x $12 x 240,000 = $51,840,000; x 8% = $4,147,200 */
    {"nps", {18, 12, 240000, 0.08}, {51840000, 4147200}, 2, 4147200},
    /* 1,850 x 16 pts = 296; x $2.3M = $680.8M */
    {"retention", {1850, 0.78, 0.94, 2.3e6}, {296, 680.8e6}, 2, 680.8e6},
    /* (3.2 - 1.4) / 3.2 = 56.25%; x $2.8M = $1,575,000 */
    {"cycle_time", {2.8e6, 3.2, 1.4}, {0.5625, 1575000}, 2, 1575000},
    /* 340 x $220K x 43% = $32,164,000; - $2.1M = $30,064,000 */
    {"productivity", {340, 220000, 0.43, 2.1e6}, {32164000, 30064000}, 2, 30064000},
    {"productivity", {10, 200000, 0.2, NAN}, {400000, 400000}, 2, 400000},
    /* a doubling of output is allowed: 5 x $100K x 150% */
    {"productivity", {5, 100000, 1.5, 0}, {750000, 750000}, 2, 750000},
    /* $180M x 15% = $27M; x 70% = $18.9M */
    {"opportunity", {180e6, 0.15, 0.7}, {27e6, 18.9e6}, 2, 18.9e6},
    /* $1.2M - $900K = $300K */
    {"licensing", {1.2e6, 900000}, {300000}, 1, 300000},
    /* $50K x 12 = $600K; x 75% = $450K */
    {"error_reduction", {50000, 12, 0.75}, {600000, 450000}, 2, 450000},
    /* $20M x 15% = $3M */
    {"time_to_market", {20e6, 0.15}, {3e6}, 1, 3e6},
    /* 2,300 x $890 = $2,047,000 */
    {"referral", {2300, 890}, {2047000}, 1, 2047000},
    /* 100,000 x 0.4 pts = 400; x $50 = $20,000; x 12 = $240,000 */
    {"ab_test", {100000, 0.03, 0.034, 50}, {400, 20000, 240000}, 3, 240000},
    /* $2,000 x 80% = $1,600; x 500 = $800,000 */
    {"automation", {2000, 0.8, 500}, {1600, 800000}, 2, 800000},
    /* $187K + $145K + $380K = $712K */
    {"total", {187000, 145000, 380000, NAN, NAN, NAN}, {712000}, 1, 712000},
    /* $32.2M + $18.7M - $2.1M = $48.8M */
    {"total", {32.2e6, 18.7e6, -2.1e6, 0, 0, 0}, {48.8e6}, 1, 48.8e6},
    /* $34.8M / 3 = $11.6M */
    {"yearly_average", {34.8e6, 3}, {11.6e6}, 1, 11.6e6},
};

static bool
impact_close(double got, double want)
{
	return fabs(got - want) <= 1e-9 * fabs(want) + 1e-12;
}

static void
impact_fill(const struct impact_method *m, const double *in, double *v)
{
	for (size_t i = 0; i < m->ninputs; i++)
		v[i] = isnan(in[i]) ? m->inputs[i].dflt : in[i];
}

static void
test_impact_methods(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(impact_cases); i++) {
		const struct impact_case *c = &impact_cases[i];
		const struct impact_method *m = impact_method_find(c->method);
		struct impact_result r;
		double v[IMPACT_MAX_INPUTS];
		char err[200] = "";

		assert_non_null(m);
		impact_fill(m, c->in, v);
		if (impact_run(m, v, &r, err, sizeof(err)) != 0)
			fail_msg("case %zu (%s): %s", i, c->method, err);
		if (r.nsteps != c->nsteps)
			fail_msg("case %zu (%s): %zu steps, want %zu", i, c->method, r.nsteps,
				 c->nsteps);
		for (size_t j = 0; j < c->nsteps; j++)
			if (!impact_close(r.steps[j].value, c->steps[j]))
				fail_msg("case %zu (%s) step %zu \"%s\": %.17g, want %.17g", i,
					 c->method, j + 1, r.steps[j].label, r.steps[j].value,
					 c->steps[j]);
		if (!impact_close(r.annual, c->annual))
			fail_msg("case %zu (%s): annual %.17g, want %.17g", i, c->method, r.annual,
				 c->annual);
		assert_true(r.annual == r.steps[r.nsteps - 1].value);
	}
}

/* Every method of the catalogue has at least one hand-worked case. */
static void
test_impact_every_method_tested(void **state)
{
	(void)state;
	for (size_t i = 0; i < impact_method_count(); i++) {
		const struct impact_method *m = impact_method_at(i);
		bool found = false;

		for (size_t j = 0; j < ARRAY_LEN(impact_cases); j++)
			if (strcmp(impact_cases[j].method, m->name) == 0)
				found = true;
		if (!found)
			fail_msg("method %s has no test case", m->name);
	}
}

/* The public names from the issue, in order. */
static const struct {
	const char *method;
	const char *inputs;
} impact_interface[] = {
    {"conversion", "traffic before after aov attribution"},
    {"funnel", "starts abandon_before abandon_after aov attribution"},
    {"platform", "products revenue_per_product attribution"},
    {"market", "markets revenue_per_market attribution penetration"},
    {"churn", "at_risk annual_value churn_share retention attribution"},
    {"recovery", "traffic conversion aov"},
    {"downtime", "uptime_before uptime_after cost_per_hour attribution"},
    {"cloud", "cost_before cost_after attribution"},
    {"labor", "hours occurrences rate"},
    {"nps", "points value_per_point customers attribution"},
    {"retention", "customers retention_before retention_after lifetime_value"},
    {"cycle_time", "team_cost before after"},
    {"productivity", "engineers loaded_cost improvement maintenance"},
    {"opportunity", "market_size share attribution"},
    {"licensing", "cost_before cost_after"},
    {"error_reduction", "cost_per_incident incidents_prevented attribution"},
    {"time_to_market", "revenue_opportunity time_advantage"},
    {"referral", "referrals cac_savings"},
    {"ab_test", "traffic control variant value"},
    {"automation", "process_cost efficiency volume"},
    {"total", "part1 part2 part3 part4 part5 part6"},
    {"yearly_average", "total years"},
};

static void
test_impact_interface(void **state)
{
	(void)state;
	assert_int_equal(impact_method_count(), ARRAY_LEN(impact_interface));
	for (size_t i = 0; i < ARRAY_LEN(impact_interface); i++) {
		const struct impact_method *m = impact_method_find(impact_interface[i].method);
		char names[256] = "";

		assert_non_null(m);
		assert_ptr_equal(impact_method_at(i), m);
		for (size_t j = 0; j < m->ninputs; j++) {
			strcat(names, j ? " " : "");
			strcat(names, m->inputs[j].name);
			assert_int_equal(impact_input_index(m, m->inputs[j].name), (int)j);
			if (strcmp(m->inputs[j].name, "attribution") == 0) {
				assert_true(m->inputs[j].has_default);
				assert_true(m->inputs[j].dflt == 1.0);
				assert_int_equal(m->inputs[j].kind, AMOUNT_PERCENT);
			}
		}
		assert_string_equal(names, impact_interface[i].inputs);
		assert_int_equal(impact_input_index(m, "nope"), -1);
	}
	assert_null(impact_method_find("convertion"));
	assert_null(impact_method_at(impact_method_count()));
	{
		const struct impact_method *m = impact_method_find("productivity");
		int k = impact_input_index(m, "maintenance");
		assert_true(m->inputs[k].has_default && m->inputs[k].dflt == 0);
	}
}

static void
test_impact_expressions(void **state)
{
	const struct impact_method *m = impact_method_find("conversion");
	double v[] = {150000, 0.023, 0.031, 65, 1};
	struct impact_result r;

	(void)state;
	assert_int_equal(impact_run(m, v, &r, NULL, 0), 0);
	assert_string_equal(r.steps[0].label, "additional monthly conversions");
	assert_string_equal(r.steps[0].expression, "150,000 \xc3\x97 (3.1% \xe2\x88\x92 2.3%)");
	assert_string_equal(r.steps[1].expression, "1,200 \xc3\x97 $65");
	assert_string_equal(r.steps[2].expression, "$78K \xc3\x97 12");
	assert_string_equal(r.steps[3].expression, "$936K \xc3\x97 100%");
	assert_int_equal(r.steps[0].kind, AMOUNT_COUNT);
	assert_int_equal(r.steps[3].kind, AMOUNT_MONEY);
	assert_int_equal(impact_step_index(&r, "Monthly Revenue"), 1);
	assert_int_equal(impact_step_index(&r, "annual impact"), 3);
	assert_int_equal(impact_step_index(&r, "weekly revenue"), -1);
}

/*
 * The steps the engine writes are arithmetic a reader can check: audit
 * finds every "label: expression = value" line of every case ok (earlier
 * steps are written with 4 digits so that the 3-digit result checks out).
 */
static void
test_impact_steps_pass_audit(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(impact_cases); i++) {
		const struct impact_case *c = &impact_cases[i];
		const struct impact_method *m = impact_method_find(c->method);
		struct impact_result r;
		struct audit_report rep;
		struct sbuf text = {0};
		double v[IMPACT_MAX_INPUTS];

		impact_fill(m, c->in, v);
		assert_int_equal(impact_run(m, v, &r, NULL, 0), 0);
		for (size_t j = 0; j < r.nsteps; j++) {
			char num[64];
			amount_format(r.steps[j].value, r.steps[j].kind, num, sizeof(num));
			sbuf_printf(&text, "%s: %s = %s\n", r.steps[j].label, r.steps[j].expression,
				    num);
		}
		audit_text(text.buf, text.len, &rep);
		assert_int_equal(rep.n, r.nsteps);
		for (size_t j = 0; j < rep.n; j++)
			if (rep.steps[j].status != AUDIT_OK)
				fail_msg("case %zu: \"%s\": %s (%s)", i, rep.steps[j].text,
					 audit_status_name(rep.steps[j].status),
					 rep.steps[j].message ? rep.steps[j].message : "");
		audit_report_free(&rep);
		sbuf_free(&text);
	}
}

static void
test_impact_sum(void **state)
{
	double parts[] = {7.37e6, 3.2e6, 12.4e6};
	double costs[] = {32.2e6, 18.7e6, -2.1e6};
	struct impact_result r;
	char err[200];

	(void)state;
	assert_int_equal(impact_sum(parts, 3, &r, err, sizeof(err)), 0);
	assert_true(impact_close(r.annual, 22.97e6));
	assert_string_equal(r.steps[0].expression, "$7.37M + $3.2M + $12.4M");
	assert_int_equal(impact_sum(costs, 3, &r, err, sizeof(err)), 0);
	assert_true(impact_close(r.annual, 48.8e6));
	assert_string_equal(r.steps[0].expression, "$32.2M + $18.7M \xe2\x88\x92 $2.1M");
	assert_int_equal(impact_sum(parts, 0, &r, err, sizeof(err)), -1);
	parts[1] = NAN;
	assert_int_equal(impact_sum(parts, 3, &r, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "component 2"));
	/* Regression: a total of 1e15 or more was printed cut off mid-digit. */
	parts[0] = parts[1] = parts[2] = 999e12;
	assert_int_equal(impact_sum(parts, 3, &r, err, sizeof(err)), -1);
	assert_string_equal(err, "step 1 (total impact) comes to $3e+15: drill works with amounts "
				 "below 1e15 (a quadrillion); check the inputs");
	assert_int_equal(r.nsteps, 0);
}

/* Inputs that make no sense are refused with a message naming them. */
struct impact_bad_case {
	const char *method;
	double in[IMPACT_MAX_INPUTS];
	const char *want;
};

static const struct impact_bad_case impact_bad_cases[] = {
    {"conversion", {150000, 0.031, 0.023, 65, 1}, "after (2.3%) must be above before (3.1%)"},
    {"conversion", {150000, 0.03, 0.03, 65, 1}, "after (3%) must be above before (3%)"},
    {"conversion", {150000, 0.02, 0.03, 65, 0}, "attribution must be above 0%"},
    {"conversion", {150000, 0.02, 0.03, 65, 1.2}, "attribution (120%) cannot be above 100%"},
    {"conversion", {-5, 0.02, 0.03, 65, 1}, "traffic (-5) cannot be negative"},
    {"conversion", {150000, 0.02, 0.03, NAN, 1}, "input aov is missing"},
    {"conversion", {INFINITY, 0.02, 0.03, 65, 1}, "input traffic is not a finite number"},
    {"funnel",
     {89000, 0.52, 0.67, 127, 1},
     "abandon_before (52%) must be above abandon_after (67%)"},
    {"downtime",
     {0.998, 0.992, 850000, 1},
     "uptime_after (99.2%) must be above uptime_before (99.8%)"},
    {"cloud", {125000, 180000, 1}, "cost_before ($125K) must be above cost_after ($180K)"},
    {"retention", {1850, 0.94, 0.78, 2.3e6}, "retention_after (78%) must be above"},
    {"cycle_time", {2.8e6, 1.4, 3.2}, "before (1.4 weeks) must be above after (3.2 weeks)"},
    {"cycle_time", {2.8e6, 0, 0}, "must be above"},
    {"productivity", {10, 200000, 0.2, -1e6}, "maintenance (-$1M) cannot be negative"},
    {"licensing", {900000, 1.2e6}, "cost_before ($900K) must be above cost_after ($1.2M)"},
    {"ab_test", {100000, 0.034, 0.03, 50}, "variant (3%) must be above control (3.4%)"},
    {"yearly_average", {34.8e6, 0}, "years (0 years) must be above 0"},
    {"market", {8, 12e6, 0.75, 1.5}, "penetration (150%) cannot be above 100%"},
    /* Regression: results of 1e15 or more were printed cut off mid-digit. */
    {"cloud", {900e12, 1, 1}, "step 2 (annual savings) comes to $1.08e+16: drill works with "
			      "amounts below 1e15 (a quadrillion); check the inputs"},
    {"platform", {1e6, 1e9, 1}, "step 1 (enabled revenue) comes to $1e+15"},
    {"labor", {1e15, 1, 1}, "hours (1e+15 hours) is too large: drill works with amounts below"},
};

static void
test_impact_bad(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(impact_bad_cases); i++) {
		const struct impact_bad_case *c = &impact_bad_cases[i];
		const struct impact_method *m = impact_method_find(c->method);
		struct impact_result r;
		char err[200] = "";

		if (impact_run(m, c->in, &r, err, sizeof(err)) == 0)
			fail_msg("case %zu (%s) ran: %g", i, c->method, r.annual);
		if (strstr(err, c->want) == NULL)
			fail_msg("case %zu (%s): \"%s\" lacks \"%s\"", i, c->method, err, c->want);
		assert_int_equal(r.nsteps, 0);
	}
}

/* annual falls in band level. */
static const struct {
	double annual;
	enum impact_level level;
	const char *name;
} impact_level_cases[] = {
    {-5e6, IMPACT_BELOW_L6, "below_l6"},
    {0, IMPACT_BELOW_L6, "below_l6"},
    {999999.99, IMPACT_BELOW_L6, "below_l6"},
    {1e6, IMPACT_L6, "l6"},
    {999999.9999999, IMPACT_L6, "l6"}, /* binary noise on the boundary */
    {4999999.99, IMPACT_L6, "l6"},
    {5e6, IMPACT_L6_STRETCH, "l6_stretch"},
    {7999999.99, IMPACT_L6_STRETCH, "l6_stretch"},
    {8e6, IMPACT_BETWEEN, "between"},
    {9999999.99, IMPACT_BETWEEN, "between"},
    {10e6, IMPACT_L7, "l7"},
    {49999999.99, IMPACT_L7, "l7"},
    {50e6, IMPACT_L7_STRATEGIC, "l7_strategic"},
    {2e9, IMPACT_L7_STRATEGIC, "l7_strategic"},
};

static void
test_impact_levels(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(impact_level_cases); i++) {
		enum impact_level l = impact_level_of(impact_level_cases[i].annual);
		if (l != impact_level_cases[i].level)
			fail_msg("%.10g: %s, want %s", impact_level_cases[i].annual,
				 impact_level_name(l), impact_level_cases[i].name);
		assert_string_equal(impact_level_name(l), impact_level_cases[i].name);
	}
}

static const struct {
	const char *text; /* as typed, read as a percent */
	enum impact_attribution band;
	const char *name;
} impact_attr_cases[] = {
    {"100%", IMPACT_ATTR_DIRECT, "direct"},
    {"90%", IMPACT_ATTR_DIRECT, "direct"},
    {"89.9%", IMPACT_ATTR_STRONG, "strong"},
    {"89%", IMPACT_ATTR_STRONG, "strong"},
    {"70%", IMPACT_ATTR_STRONG, "strong"},
    {"69.99%", IMPACT_ATTR_CONSERVATIVE, "conservative"},
    {"50%", IMPACT_ATTR_CONSERVATIVE, "conservative"},
    {"49.9%", IMPACT_ATTR_UNSUPPORTED, "unsupported"},
    {"12%", IMPACT_ATTR_UNSUPPORTED, "unsupported"},
    {"0%", IMPACT_ATTR_UNSUPPORTED, "unsupported"},
};

static void
test_impact_attribution(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(impact_attr_cases); i++) {
		struct amount a;
		enum impact_attribution b;

		assert_int_equal(
		    amount_parse(impact_attr_cases[i].text, AMOUNT_PERCENT, &a, NULL, 0), 0);
		b = impact_attribution_of(a.value);
		if (b != impact_attr_cases[i].band)
			fail_msg("%s: %s, want %s", impact_attr_cases[i].text,
				 impact_attribution_name(b), impact_attr_cases[i].name);
		assert_string_equal(impact_attribution_name(b), impact_attr_cases[i].name);
	}
	/* products of fractions landing on a boundary */
	assert_int_equal(impact_attribution_of(0.7 * 1.0), IMPACT_ATTR_STRONG);
	assert_int_equal(impact_attribution_of(0.1 * 9), IMPACT_ATTR_DIRECT);
}

static const struct {
	double annual, claim;
} impact_conservative_cases[] = {
    {936000, 900000},	{46.8e6, 40e6},	  {13264560, 13e6}, {1.06e6, 1e6},    {2.45e6, 2e6},
    {1.99e6, 1.9e6},	{900000, 900000}, {1e6, 1e6},	    {10e6, 10e6},     {19.9e6, 19e6},
    {99.9e6, 90e6},	{712000, 700000}, {187200, 180000}, {150, 150},	      {0, 0},
    {-936000, -900000}, {35740800, 30e6}, {2441448, 2e6},   {999999, 900000}, {0.5, 0.5},
};

static void
test_impact_conservative(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(impact_conservative_cases); i++) {
		double got = impact_conservative(impact_conservative_cases[i].annual);
		if (!impact_close(got, impact_conservative_cases[i].claim))
			fail_msg("%.10g: %.10g, want %.10g", impact_conservative_cases[i].annual,
				 got, impact_conservative_cases[i].claim);
		assert_true(fabs(got) <= fabs(impact_conservative_cases[i].annual) * (1 + 1e-12));
	}
}

/*
 * Steps that commute: a market expansion may apply penetration before
 * attribution. The step records the other order; the next step is the
 * same either way. Every step's text is written at 4 digits.
 */
static void
test_impact_other_order(void **state)
{
	const struct impact_method *m = impact_method_find("market");
	const double v[] = {3, 7e6, 0.65, 0.55};
	struct impact_result r;
	char err[256];

	(void)state;
	assert_int_equal(impact_run(m, v, &r, err, sizeof(err)), 0);
	assert_false(r.steps[0].has_alt);
	assert_true(r.steps[1].has_alt);
	assert_string_equal(r.steps[1].alt_label, "realised potential");
	assert_true(fabs(r.steps[1].alt_value - 11.55e6) < 1e-6);
	assert_string_equal(r.steps[1].alt_expression, "$21M \xc3\x97 55%");
	assert_string_equal(r.steps[1].alt_next_expression, "$11.55M \xc3\x97 65%");
	assert_true(fabs(r.steps[1].alt_value * 0.65 - r.steps[2].value) < 1e-6);
	assert_string_equal(r.steps[1].text, "$13.65M");
	assert_string_equal(r.steps[2].text, "$7.508M");
	assert_false(r.steps[2].has_alt);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_impact_other_order),
	    cmocka_unit_test(test_impact_methods),
	    cmocka_unit_test(test_impact_every_method_tested),
	    cmocka_unit_test(test_impact_interface),
	    cmocka_unit_test(test_impact_expressions),
	    cmocka_unit_test(test_impact_steps_pass_audit),
	    cmocka_unit_test(test_impact_sum),
	    cmocka_unit_test(test_impact_bad),
	    cmocka_unit_test(test_impact_levels),
	    cmocka_unit_test(test_impact_attribution),
	    cmocka_unit_test(test_impact_conservative),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

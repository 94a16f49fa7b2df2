/* impact: see impact.h. Each method's math is written out in docs/impact.md. */
#include "impact.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

#define IMPACT_TIMES " \xc3\x97 "     /* " × " */
#define IMPACT_MINUS " \xe2\x88\x92 " /* " − " */

/* The state of one run: the method, its inputs and the result being built. */
struct impact_ctx {
	const struct impact_method *m;
	const double *v;
	struct impact_result *r;
	char *err;
	size_t errlen;
	char in[IMPACT_MAX_INPUTS][AMOUNT_FORMAT_MAX]; /* inputs as written, exact */
};

struct impact_entry {
	struct impact_method m; /* first member: a method pointer is an entry pointer */
	int (*run)(struct impact_ctx *c);
};

/* Inputs shared by several methods. */
#define IMPACT_ATTRIBUTION                                                                         \
	{                                                                                          \
		"attribution", AMOUNT_PERCENT, "share of the result credited to the work", 1.0,    \
		    true                                                                           \
	}
#define IMPACT_AOV                                                                                 \
	{                                                                                          \
		"aov", AMOUNT_MONEY, "average order value", 0, false                               \
	}

static int impact_run_conversion(struct impact_ctx *c);
static int impact_run_funnel(struct impact_ctx *c);
static int impact_run_platform(struct impact_ctx *c);
static int impact_run_market(struct impact_ctx *c);
static int impact_run_churn(struct impact_ctx *c);
static int impact_run_recovery(struct impact_ctx *c);
static int impact_run_downtime(struct impact_ctx *c);
static int impact_run_cloud(struct impact_ctx *c);
static int impact_run_labor(struct impact_ctx *c);
static int impact_run_nps(struct impact_ctx *c);
static int impact_run_retention(struct impact_ctx *c);
static int impact_run_cycle_time(struct impact_ctx *c);
static int impact_run_productivity(struct impact_ctx *c);
static int impact_run_opportunity(struct impact_ctx *c);
static int impact_run_licensing(struct impact_ctx *c);
static int impact_run_error_reduction(struct impact_ctx *c);
static int impact_run_time_to_market(struct impact_ctx *c);
static int impact_run_referral(struct impact_ctx *c);
static int impact_run_ab_test(struct impact_ctx *c);
static int impact_run_automation(struct impact_ctx *c);
static int impact_run_total(struct impact_ctx *c);
static int impact_run_yearly_average(struct impact_ctx *c);

static const struct impact_entry impact_catalogue[] = {
    {{"conversion",
      "Conversion uplift from a new feature",
      "traffic x (after - before) x aov x 12 x attribution",
      5,
      {{"traffic", AMOUNT_COUNT, "monthly visitors", 0, false},
       {"before", AMOUNT_PERCENT, "conversion rate before", 0, false},
       {"after", AMOUNT_PERCENT, "conversion rate after", 0, false},
       IMPACT_AOV,
       IMPACT_ATTRIBUTION}},
     impact_run_conversion},
    {{"funnel",
      "Checkout funnel: fewer abandoned checkouts",
      "starts x (abandon_before - abandon_after) x aov x 12 x attribution",
      5,
      {{"starts", AMOUNT_COUNT, "checkouts begun each month", 0, false},
       {"abandon_before", AMOUNT_PERCENT, "abandonment rate before", 0, false},
       {"abandon_after", AMOUNT_PERCENT, "abandonment rate after", 0, false},
       IMPACT_AOV,
       IMPACT_ATTRIBUTION}},
     impact_run_funnel},
    {{"platform",
      "Products a platform enabled",
      "products x revenue_per_product x attribution",
      3,
      {{"products", AMOUNT_COUNT, "new products enabled", 0, false},
       {"revenue_per_product", AMOUNT_MONEY, "annual revenue of one product", 0, false},
       IMPACT_ATTRIBUTION}},
     impact_run_platform},
    {{"market",
      "Market expansion a platform enabled",
      "markets x revenue_per_market x attribution x penetration",
      4,
      {{"markets", AMOUNT_COUNT, "new markets entered", 0, false},
       {"revenue_per_market", AMOUNT_MONEY, "annual revenue potential of one market", 0, false},
       IMPACT_ATTRIBUTION,
       {"penetration", AMOUNT_PERCENT, "share of the potential actually reached", 0, false}}},
     impact_run_market},
    {{"churn",
      "Revenue kept by preventing churn",
      "at_risk x annual_value x churn_share x retention x attribution",
      5,
      {{"at_risk", AMOUNT_COUNT, "customers at risk of leaving", 0, false},
       {"annual_value", AMOUNT_MONEY, "annual value of one customer", 0, false},
       {"churn_share", AMOUNT_PERCENT, "share of the churn the problem caused", 0, false},
       {"retention", AMOUNT_PERCENT, "share of those customers kept", 0, false},
       IMPACT_ATTRIBUTION}},
     impact_run_churn},
    {{"recovery",
      "Revenue recovered with traffic won back",
      "traffic x conversion x aov x 12",
      3,
      {{"traffic", AMOUNT_COUNT, "monthly visits recovered", 0, false},
       {"conversion", AMOUNT_PERCENT, "conversion rate of those visits", 0, false},
       IMPACT_AOV}},
     impact_run_recovery},
    {{"downtime",
      "Revenue protected by less downtime",
      "(uptime_after - uptime_before) x 8,760 h x cost_per_hour x attribution",
      4,
      {{"uptime_before", AMOUNT_PERCENT, "availability before", 0, false},
       {"uptime_after", AMOUNT_PERCENT, "availability after", 0, false},
       {"cost_per_hour", AMOUNT_MONEY, "cost of one hour of downtime", 0, false},
       IMPACT_ATTRIBUTION}},
     impact_run_downtime},
    {{"cloud",
      "Cloud cost optimisation",
      "(cost_before - cost_after) x 12 x attribution",
      3,
      {{"cost_before", AMOUNT_MONEY, "monthly cost before", 0, false},
       {"cost_after", AMOUNT_MONEY, "monthly cost after", 0, false},
       IMPACT_ATTRIBUTION}},
     impact_run_cloud},
    {{"labor",
      "Labor saved by automating a task",
      "hours x occurrences x rate",
      3,
      {{"hours", AMOUNT_HOURS, "hours saved each time", 0, false},
       {"occurrences", AMOUNT_COUNT, "times a year", 0, false},
       {"rate", AMOUNT_MONEY, "loaded cost of one hour", 0, false}}},
     impact_run_labor},
    {{"nps",
      "Revenue tied to a satisfaction gain",
      "points x value_per_point x customers x attribution",
      4,
      {{"points", AMOUNT_POINTS, "NPS points gained", 0, false},
       {"value_per_point", AMOUNT_MONEY, "annual value of one point for one customer", 0, false},
       {"customers", AMOUNT_COUNT, "customers affected", 0, false},
       IMPACT_ATTRIBUTION}},
     impact_run_nps},
    {{"retention",
      "Customers kept by better retention",
      "customers x (retention_after - retention_before) x lifetime_value",
      4,
      {{"customers", AMOUNT_COUNT, "customer base", 0, false},
       {"retention_before", AMOUNT_PERCENT, "retention rate before", 0, false},
       {"retention_after", AMOUNT_PERCENT, "retention rate after", 0, false},
       {"lifetime_value", AMOUNT_MONEY, "value of one customer", 0, false}}},
     impact_run_retention},
    {{"cycle_time",
      "Team capacity freed by a shorter cycle time",
      "team_cost x (before - after) / before",
      3,
      {{"team_cost", AMOUNT_MONEY, "annual loaded cost of the team", 0, false},
       {"before", AMOUNT_WEEKS, "cycle time before", 0, false},
       {"after", AMOUNT_WEEKS, "cycle time after", 0, false}}},
     impact_run_cycle_time},
    {{"productivity",
      "Engineering productivity gain",
      "engineers x loaded_cost x improvement - maintenance",
      4,
      {{"engineers", AMOUNT_COUNT, "engineers affected", 0, false},
       {"loaded_cost", AMOUNT_MONEY, "annual loaded cost of one engineer", 0, false},
       {"improvement", AMOUNT_PERCENT, "productivity improvement", 0, false},
       {"maintenance", AMOUNT_MONEY, "annual cost of running the platform", 0, true}}},
     impact_run_productivity},
    {{"opportunity",
      "Market opportunity a platform opens",
      "market_size x share x attribution",
      3,
      {{"market_size", AMOUNT_MONEY, "addressable market, annual", 0, false},
       {"share", AMOUNT_PERCENT, "market share the company can win", 0, false},
       IMPACT_ATTRIBUTION}},
     impact_run_opportunity},
    {{"licensing",
      "Licensing costs cut",
      "cost_before - cost_after",
      2,
      {{"cost_before", AMOUNT_MONEY, "annual licensing cost before", 0, false},
       {"cost_after", AMOUNT_MONEY, "annual licensing cost after", 0, false}}},
     impact_run_licensing},
    {{"error_reduction",
      "Cost of incidents prevented",
      "cost_per_incident x incidents_prevented x attribution",
      3,
      {{"cost_per_incident", AMOUNT_MONEY, "cost of one incident", 0, false},
       {"incidents_prevented", AMOUNT_COUNT, "incidents prevented each year", 0, false},
       IMPACT_ATTRIBUTION}},
     impact_run_error_reduction},
    {{"time_to_market",
      "Revenue from reaching the market sooner",
      "revenue_opportunity x time_advantage",
      2,
      {{"revenue_opportunity", AMOUNT_MONEY, "annual revenue at stake", 0, false},
       {"time_advantage", AMOUNT_PERCENT, "share of it won by being earlier", 0, false}}},
     impact_run_time_to_market},
    {{"referral",
      "Acquisition cost saved through referrals",
      "referrals x cac_savings",
      2,
      {{"referrals", AMOUNT_COUNT, "customers gained by referral each year", 0, false},
       {"cac_savings", AMOUNT_MONEY, "acquisition cost saved per customer", 0, false}}},
     impact_run_referral},
    {{"ab_test",
      "A/B test winner rolled out to all traffic",
      "traffic x (variant - control) x value x 12",
      4,
      {{"traffic", AMOUNT_COUNT, "monthly visitors", 0, false},
       {"control", AMOUNT_PERCENT, "conversion rate of the control", 0, false},
       {"variant", AMOUNT_PERCENT, "conversion rate of the winning variant", 0, false},
       {"value", AMOUNT_MONEY, "value of one conversion", 0, false}}},
     impact_run_ab_test},
    {{"automation",
      "Manual process automated",
      "process_cost x efficiency x volume",
      3,
      {{"process_cost", AMOUNT_MONEY, "cost of one manual run", 0, false},
       {"efficiency", AMOUNT_PERCENT, "share of that cost automation removes", 0, false},
       {"volume", AMOUNT_COUNT, "runs each year", 0, false}}},
     impact_run_automation},
    {{"total",
      "Total of several impact components",
      "part1 + part2 + ... + part6",
      6,
      {{"part1", AMOUNT_MONEY, "first component", 0, false},
       {"part2", AMOUNT_MONEY, "second component", 0, false},
       {"part3", AMOUNT_MONEY, "third component", 0, true},
       {"part4", AMOUNT_MONEY, "fourth component", 0, true},
       {"part5", AMOUNT_MONEY, "fifth component", 0, true},
       {"part6", AMOUNT_MONEY, "sixth component", 0, true}}},
     impact_run_total},
    {{"yearly_average",
      "Yearly average of a multi-year total",
      "total / years",
      2,
      {{"total", AMOUNT_MONEY, "value over the whole period", 0, false},
       {"years", AMOUNT_YEARS, "length of the period", 0, false}}},
     impact_run_yearly_average},
};

size_t
impact_method_count(void)
{
	return ARRAY_LEN(impact_catalogue);
}

const struct impact_method *
impact_method_at(size_t i)
{
	return i < ARRAY_LEN(impact_catalogue) ? &impact_catalogue[i].m : NULL;
}

const struct impact_method *
impact_method_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(impact_catalogue); i++)
		if (strcmp(impact_catalogue[i].m.name, name) == 0)
			return &impact_catalogue[i].m;
	return NULL;
}

int
impact_input_index(const struct impact_method *m, const char *name)
{
	for (size_t i = 0; i < m->ninputs; i++)
		if (strcmp(m->inputs[i].name, name) == 0)
			return (int)i;
	return -1;
}

static int impact_fail(struct impact_ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
impact_fail(struct impact_ctx *c, const char *fmt, ...)
{
	va_list ap;

	if (c->err != NULL && c->errlen > 0) {
		va_start(ap, fmt);
		vsnprintf(c->err, c->errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static int impact_step(struct impact_ctx *c, const char *label, enum amount_kind kind, double value,
		       const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/*
 * Appends a step; its value as written (4 digits, so that the arithmetic
 * shown still checks out) is kept in its text for later steps and displays.
 * A value of AMOUNT_MAX or more fails the run: it could not be printed
 * or read back.
 */
static int
impact_step(struct impact_ctx *c, const char *label, enum amount_kind kind, double value,
	    const char *fmt, ...)
{
	struct impact_result *r = c->r;
	struct impact_step *s;
	va_list ap;

	if (r->nsteps >= IMPACT_MAX_STEPS)
		return impact_fail(c, "too many steps");
	if (!(fabs(value) < AMOUNT_MAX)) {
		char v[AMOUNT_FORMAT_MAX];
		amount_format(value, kind, v, sizeof(v));
		return impact_fail(c, "step %zu (%s) comes to %s: %s; check the inputs",
				   r->nsteps + 1, label, v, AMOUNT_MAX_TEXT);
	}
	s = &r->steps[r->nsteps];
	snprintf(s->label, sizeof(s->label), "%s", label);
	va_start(ap, fmt);
	vsnprintf(s->expression, sizeof(s->expression), fmt, ap);
	va_end(ap);
	s->value = amount_clean(value);
	s->kind = kind;
	amount_format_sig(s->value, kind, 4, s->text, sizeof(s->text));
	s->has_alt = false;
	r->nsteps++;
	return 0;
}

/*
 * The other order for the last step (see impact_step.has_alt): it
 * multiplied the step before it by this_factor; the other way multiplies
 * it by next_factor, times next_value, and the next step by this_factor.
 */
static void
impact_alt(struct impact_ctx *c, const char *label, const char *this_factor,
	   const char *next_factor, double next_value)
{
	size_t n = c->r->nsteps;
	struct impact_step *s = &c->r->steps[n - 1];
	char text[AMOUNT_FORMAT_MAX], prev[AMOUNT_FORMAT_MAX];

	snprintf(prev, sizeof(prev), "%s", c->r->steps[n - 2].text);
	s->has_alt = true;
	snprintf(s->alt_label, sizeof(s->alt_label), "%s", label);
	s->alt_value = amount_clean(c->r->steps[n - 2].value * next_value);
	snprintf(s->alt_expression, sizeof(s->alt_expression), "%s" IMPACT_TIMES "%s", prev,
		 next_factor);
	amount_format_sig(s->alt_value, s->kind, 4, text, sizeof(text));
	snprintf(s->alt_next_expression, sizeof(s->alt_next_expression), "%s" IMPACT_TIMES "%s",
		 text, this_factor);
}

/* The last step's value and its text. */
static double
impact_last(const struct impact_ctx *c)
{
	return c->r->steps[c->r->nsteps - 1].value;
}

static const char *
impact_last_text(const struct impact_ctx *c)
{
	return c->r->steps[c->r->nsteps - 1].text;
}

/* The closing step shared by methods with an attribution input. */
static int
impact_attribute(struct impact_ctx *c, int attribution)
{
	return impact_step(c, "annual impact", AMOUNT_MONEY, impact_last(c) * c->v[attribution],
			   "%s" IMPACT_TIMES "%s", impact_last_text(c), c->in[attribution]);
}

/* Fails unless input hi is above input lo ("after must be above before"). */
static int
impact_require_above(struct impact_ctx *c, int hi, int lo)
{
	if (c->v[hi] > c->v[lo])
		return 0;
	return impact_fail(c, "%s (%s) must be above %s (%s)", c->m->inputs[hi].name, c->in[hi],
			   c->m->inputs[lo].name, c->in[lo]);
}

static int
impact_run_conversion(struct impact_ctx *c)
{
	const double *v = c->v;
	int rc = impact_require_above(c, 2, 1);

	if (rc == 0)
		rc = impact_step(c, "additional monthly conversions", AMOUNT_COUNT,
				 v[0] * (v[2] - v[1]), "%s" IMPACT_TIMES "(%s" IMPACT_MINUS "%s)",
				 c->in[0], c->in[2], c->in[1]);
	if (rc == 0)
		rc = impact_step(c, "monthly revenue", AMOUNT_MONEY, impact_last(c) * v[3],
				 "%s" IMPACT_TIMES "%s", impact_last_text(c), c->in[3]);
	if (rc == 0)
		rc = impact_step(c, "annual revenue", AMOUNT_MONEY, impact_last(c) * 12,
				 "%s" IMPACT_TIMES "12", impact_last_text(c));
	if (rc == 0)
		rc = impact_attribute(c, 4);
	return rc;
}

static int
impact_run_funnel(struct impact_ctx *c)
{
	const double *v = c->v;
	int rc = impact_require_above(c, 1, 2);

	if (rc == 0)
		rc = impact_step(c, "additional monthly orders", AMOUNT_COUNT, v[0] * (v[1] - v[2]),
				 "%s" IMPACT_TIMES "(%s" IMPACT_MINUS "%s)", c->in[0], c->in[1],
				 c->in[2]);
	if (rc == 0)
		rc = impact_step(c, "monthly revenue", AMOUNT_MONEY, impact_last(c) * v[3],
				 "%s" IMPACT_TIMES "%s", impact_last_text(c), c->in[3]);
	if (rc == 0)
		rc = impact_step(c, "annual revenue", AMOUNT_MONEY, impact_last(c) * 12,
				 "%s" IMPACT_TIMES "12", impact_last_text(c));
	if (rc == 0)
		rc = impact_attribute(c, 4);
	return rc;
}

static int
impact_run_platform(struct impact_ctx *c)
{
	int rc = impact_step(c, "enabled revenue", AMOUNT_MONEY, c->v[0] * c->v[1],
			     "%s" IMPACT_TIMES "%s", c->in[0], c->in[1]);

	if (rc == 0)
		rc = impact_attribute(c, 2);
	return rc;
}

static int
impact_run_market(struct impact_ctx *c)
{
	const double *v = c->v;
	int rc = impact_step(c, "market potential", AMOUNT_MONEY, v[0] * v[1],
			     "%s" IMPACT_TIMES "%s", c->in[0], c->in[1]);

	if (rc == 0)
		rc = impact_step(c, "attributed potential", AMOUNT_MONEY, impact_last(c) * v[2],
				 "%s" IMPACT_TIMES "%s", impact_last_text(c), c->in[2]);
	if (rc == 0) /* penetration first, then attribution: the same result */
		impact_alt(c, "realised potential", c->in[2], c->in[3], v[3]);
	if (rc == 0)
		rc = impact_step(c, "annual impact", AMOUNT_MONEY, impact_last(c) * v[3],
				 "%s" IMPACT_TIMES "%s", impact_last_text(c), c->in[3]);
	return rc;
}

static int
impact_run_churn(struct impact_ctx *c)
{
	const double *v = c->v;
	int rc = impact_step(c, "revenue at risk", AMOUNT_MONEY, v[0] * v[1],
			     "%s" IMPACT_TIMES "%s", c->in[0], c->in[1]);

	if (rc == 0)
		rc = impact_step(c, "revenue protected", AMOUNT_MONEY, impact_last(c) * v[2] * v[3],
				 "%s" IMPACT_TIMES "%s" IMPACT_TIMES "%s", impact_last_text(c),
				 c->in[2], c->in[3]);
	if (rc == 0)
		rc = impact_attribute(c, 4);
	return rc;
}

static int
impact_run_recovery(struct impact_ctx *c)
{
	const double *v = c->v;
	int rc = impact_step(c, "recovered monthly orders", AMOUNT_COUNT, v[0] * v[1],
			     "%s" IMPACT_TIMES "%s", c->in[0], c->in[1]);

	if (rc == 0)
		rc = impact_step(c, "monthly revenue", AMOUNT_MONEY, impact_last(c) * v[2],
				 "%s" IMPACT_TIMES "%s", impact_last_text(c), c->in[2]);
	if (rc == 0)
		rc = impact_step(c, "annual impact", AMOUNT_MONEY, impact_last(c) * 12,
				 "%s" IMPACT_TIMES "12", impact_last_text(c));
	return rc;
}

static int
impact_run_downtime(struct impact_ctx *c)
{
	const double *v = c->v;
	int rc = impact_require_above(c, 1, 0);

	if (rc == 0)
		rc = impact_step(c, "downtime hours prevented", AMOUNT_HOURS, (v[1] - v[0]) * 8760,
				 "(%s" IMPACT_MINUS "%s)" IMPACT_TIMES "8,760 hours", c->in[1],
				 c->in[0]);
	if (rc == 0)
		rc = impact_step(c, "revenue protected", AMOUNT_MONEY, impact_last(c) * v[2],
				 "%s" IMPACT_TIMES "%s", impact_last_text(c), c->in[2]);
	if (rc == 0)
		rc = impact_attribute(c, 3);
	return rc;
}

static int
impact_run_cloud(struct impact_ctx *c)
{
	const double *v = c->v;
	int rc = impact_require_above(c, 0, 1);

	if (rc == 0)
		rc = impact_step(c, "monthly savings", AMOUNT_MONEY, v[0] - v[1],
				 "%s" IMPACT_MINUS "%s", c->in[0], c->in[1]);
	if (rc == 0)
		rc = impact_step(c, "annual savings", AMOUNT_MONEY, impact_last(c) * 12,
				 "%s" IMPACT_TIMES "12", impact_last_text(c));
	if (rc == 0)
		rc = impact_attribute(c, 2);
	return rc;
}

static int
impact_run_labor(struct impact_ctx *c)
{
	int rc = impact_step(c, "hours saved per year", AMOUNT_HOURS, c->v[0] * c->v[1],
			     "%s" IMPACT_TIMES "%s", c->in[0], c->in[1]);

	if (rc == 0)
		rc = impact_step(c, "annual impact", AMOUNT_MONEY, impact_last(c) * c->v[2],
				 "%s" IMPACT_TIMES "%s", impact_last_text(c), c->in[2]);
	return rc;
}

static int
impact_run_nps(struct impact_ctx *c)
{
	const double *v = c->v;
	int rc =
	    impact_step(c, "satisfaction value", AMOUNT_MONEY, v[0] * v[1] * v[2],
			"%s" IMPACT_TIMES "%s" IMPACT_TIMES "%s", c->in[0], c->in[1], c->in[2]);

	if (rc == 0)
		rc = impact_attribute(c, 3);
	return rc;
}

static int
impact_run_retention(struct impact_ctx *c)
{
	const double *v = c->v;
	int rc = impact_require_above(c, 2, 1);

	if (rc == 0)
		rc = impact_step(c, "customers retained", AMOUNT_COUNT, v[0] * (v[2] - v[1]),
				 "%s" IMPACT_TIMES "(%s" IMPACT_MINUS "%s)", c->in[0], c->in[2],
				 c->in[1]);
	if (rc == 0)
		rc = impact_step(c, "annual impact", AMOUNT_MONEY, impact_last(c) * v[3],
				 "%s" IMPACT_TIMES "%s", impact_last_text(c), c->in[3]);
	return rc;
}

static int
impact_run_cycle_time(struct impact_ctx *c)
{
	const double *v = c->v;
	int rc = impact_require_above(c, 1, 2);

	if (rc == 0)
		rc = impact_step(c, "cycle time reduction", AMOUNT_PERCENT, (v[1] - v[2]) / v[1],
				 "(%s" IMPACT_MINUS "%s) / %s", c->in[1], c->in[2], c->in[1]);
	if (rc == 0)
		rc = impact_step(c, "annual impact", AMOUNT_MONEY, v[0] * impact_last(c),
				 "%s" IMPACT_TIMES "%s", c->in[0], impact_last_text(c));
	return rc;
}

static int
impact_run_productivity(struct impact_ctx *c)
{
	const double *v = c->v;
	int rc =
	    impact_step(c, "productivity value", AMOUNT_MONEY, v[0] * v[1] * v[2],
			"%s" IMPACT_TIMES "%s" IMPACT_TIMES "%s", c->in[0], c->in[1], c->in[2]);

	if (rc == 0)
		rc = impact_step(c, "annual impact", AMOUNT_MONEY, impact_last(c) - v[3],
				 "%s" IMPACT_MINUS "%s", impact_last_text(c), c->in[3]);
	return rc;
}

static int
impact_run_opportunity(struct impact_ctx *c)
{
	int rc = impact_step(c, "revenue opportunity", AMOUNT_MONEY, c->v[0] * c->v[1],
			     "%s" IMPACT_TIMES "%s", c->in[0], c->in[1]);

	if (rc == 0)
		rc = impact_attribute(c, 2);
	return rc;
}

static int
impact_run_licensing(struct impact_ctx *c)
{
	int rc = impact_require_above(c, 0, 1);

	if (rc == 0)
		rc = impact_step(c, "annual impact", AMOUNT_MONEY, c->v[0] - c->v[1],
				 "%s" IMPACT_MINUS "%s", c->in[0], c->in[1]);
	return rc;
}

static int
impact_run_error_reduction(struct impact_ctx *c)
{
	int rc = impact_step(c, "incident cost avoided", AMOUNT_MONEY, c->v[0] * c->v[1],
			     "%s" IMPACT_TIMES "%s", c->in[0], c->in[1]);

	if (rc == 0)
		rc = impact_attribute(c, 2);
	return rc;
}

static int
impact_run_time_to_market(struct impact_ctx *c)
{
	return impact_step(c, "annual impact", AMOUNT_MONEY, c->v[0] * c->v[1],
			   "%s" IMPACT_TIMES "%s", c->in[0], c->in[1]);
}

static int
impact_run_referral(struct impact_ctx *c)
{
	return impact_step(c, "annual impact", AMOUNT_MONEY, c->v[0] * c->v[1],
			   "%s" IMPACT_TIMES "%s", c->in[0], c->in[1]);
}

static int
impact_run_ab_test(struct impact_ctx *c)
{
	const double *v = c->v;
	int rc = impact_require_above(c, 2, 1);

	if (rc == 0)
		rc = impact_step(c, "additional monthly conversions", AMOUNT_COUNT,
				 v[0] * (v[2] - v[1]), "%s" IMPACT_TIMES "(%s" IMPACT_MINUS "%s)",
				 c->in[0], c->in[2], c->in[1]);
	if (rc == 0)
		rc = impact_step(c, "monthly value", AMOUNT_MONEY, impact_last(c) * v[3],
				 "%s" IMPACT_TIMES "%s", impact_last_text(c), c->in[3]);
	if (rc == 0)
		rc = impact_step(c, "annual impact", AMOUNT_MONEY, impact_last(c) * 12,
				 "%s" IMPACT_TIMES "12", impact_last_text(c));
	return rc;
}

static int
impact_run_automation(struct impact_ctx *c)
{
	const double *v = c->v;
	int rc = impact_step(c, "saving per run", AMOUNT_MONEY, v[0] * v[1], "%s" IMPACT_TIMES "%s",
			     c->in[0], c->in[1]);

	if (rc == 0)
		rc = impact_step(c, "annual impact", AMOUNT_MONEY, impact_last(c) * v[2],
				 "%s" IMPACT_TIMES "%s", impact_last_text(c), c->in[2]);
	return rc;
}

/*
 * The sum of values[0..n) as one step, "$187K + $145K + $380K"; zero parts
 * after the second are left out of the expression (they are unset parts).
 */
static int
impact_sum_step(struct impact_ctx *c, const double *values, size_t n)
{
	char expr[sizeof(c->r->steps[0].expression)] = "", one[AMOUNT_FORMAT_MAX];
	size_t len = 0;
	double sum = 0;

	for (size_t i = 0; i < n; i++) {
		if (i >= 2 && values[i] == 0)
			continue;
		amount_format_exact(fabs(values[i]), AMOUNT_MONEY, one, sizeof(one));
		len += (size_t)snprintf(
		    expr + len, len < sizeof(expr) ? sizeof(expr) - len : 0, "%s%s",
		    len == 0 ? (values[i] < 0 ? "-" : "") : (values[i] < 0 ? IMPACT_MINUS : " + "),
		    one);
		if (len >= sizeof(expr))
			return impact_fail(c, "too many components to write out");
		sum += values[i];
	}
	return impact_step(c, "total impact", AMOUNT_MONEY, sum, "%s", expr);
}

static int
impact_run_total(struct impact_ctx *c)
{
	return impact_sum_step(c, c->v, c->m->ninputs);
}

static int
impact_run_yearly_average(struct impact_ctx *c)
{
	if (!(c->v[1] > 0))
		return impact_fail(c, "years (%s) must be above 0", c->in[1]);
	return impact_step(c, "annual impact", AMOUNT_MONEY, c->v[0] / c->v[1], "%s / %s", c->in[0],
			   c->in[1]);
}

/* Inputs every method shares rules for: finite, not negative, rates <= 100%. */
static int
impact_check_inputs(struct impact_ctx *c)
{
	const struct impact_method *m = c->m;

	for (size_t i = 0; i < m->ninputs; i++) {
		const struct impact_input *in = &m->inputs[i];
		double x = c->v[i];
		bool signed_ok = strncmp(in->name, "part", 4) == 0;

		if (isnan(x))
			return impact_fail(c, "input %s is missing", in->name);
		if (!isfinite(x))
			return impact_fail(c, "input %s is not a finite number", in->name);
		if (!(fabs(x) < AMOUNT_MAX))
			return impact_fail(c, "%s (%s) is too large: %s", in->name, c->in[i],
					   AMOUNT_MAX_TEXT);
		if (x < 0 && !signed_ok)
			return impact_fail(c, "%s (%s) cannot be negative", in->name, c->in[i]);
		if (in->kind == AMOUNT_PERCENT && x > 1 && strcmp(in->name, "improvement") != 0)
			return impact_fail(c, "%s (%s) cannot be above 100%%", in->name, c->in[i]);
		if (strcmp(in->name, "attribution") == 0 && x == 0)
			return impact_fail(c, "attribution must be above 0%%");
	}
	return 0;
}

int
impact_run(const struct impact_method *m, const double *values, struct impact_result *out,
	   char *err, size_t errlen)
{
	const struct impact_entry *e = NULL;
	struct impact_ctx c;
	int rc;

	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < ARRAY_LEN(impact_catalogue); i++)
		if (m == &impact_catalogue[i].m || strcmp(m->name, impact_catalogue[i].m.name) == 0)
			e = &impact_catalogue[i];
	memset(&c, 0, sizeof(c));
	c.m = m;
	c.v = values;
	c.r = out;
	c.err = err;
	c.errlen = errlen;
	if (e == NULL)
		return impact_fail(&c, "method \"%s\" is not in the catalogue", m->name);
	for (size_t i = 0; i < m->ninputs; i++)
		amount_format_exact(values[i], m->inputs[i].kind, c.in[i], sizeof(c.in[i]));
	rc = impact_check_inputs(&c);
	if (rc == 0)
		rc = e->run(&c);
	if (rc == 0)
		out->annual = out->steps[out->nsteps - 1].value;
	else
		memset(out, 0, sizeof(*out));
	return rc;
}

int
impact_sum(const double *values, size_t n, struct impact_result *out, char *err, size_t errlen)
{
	struct impact_ctx c;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	memset(&c, 0, sizeof(c));
	c.r = out;
	c.err = err;
	c.errlen = errlen;
	if (n == 0)
		return impact_fail(&c, "nothing to add up");
	for (size_t i = 0; i < n && rc == 0; i++)
		if (!isfinite(values[i]))
			rc = impact_fail(&c, "component %zu is not a finite number", i + 1);
		else if (!(fabs(values[i]) < AMOUNT_MAX))
			rc = impact_fail(&c, "component %zu is too large: %s", i + 1,
					 AMOUNT_MAX_TEXT);
	if (rc == 0)
		rc = impact_sum_step(&c, values, n);
	if (rc == 0)
		out->annual = out->steps[0].value;
	else
		memset(out, 0, sizeof(*out));
	return rc;
}

int
impact_step_index(const struct impact_result *r, const char *label)
{
	for (size_t i = 0; i < r->nsteps; i++)
		if (strcasecmp(r->steps[i].label, label) == 0)
			return (int)i;
	return -1;
}

/* Boundaries: a figure within one part in 10^12 of one counts as on it. */
static bool
impact_at_least(double x, double bound)
{
	return x >= bound * (1 - 1e-12);
}

/* The bands, lowest first (as the enums count): each starts at its floor,
 * in dollars or as a fraction. */
static const struct impact_band {
	double floor;
	const char *name; /* the JSON value */
	const char *text; /* the band in words */
} impact_levels[] = {
	[IMPACT_BELOW_L6] = {0, "below_l6", "under $1M, below the L6 minimum"},
	[IMPACT_L6] = {1e6, "l6", "$1M to $5M, the L6 range"},
	[IMPACT_L6_STRETCH] = {5e6, "l6_stretch", "$5M to $8M, an L6 stretch"},
	[IMPACT_BETWEEN] = {8e6, "between", "$8M to $10M, above L6 stretch and below the L7 minimum"},
	[IMPACT_L7] = {10e6, "l7", "$10M to $50M, the L7 range"},
	[IMPACT_L7_STRATEGIC] = {50e6, "l7_strategic", "$50M and more, L7 strategic"},
}, impact_attributions[] = {
	[IMPACT_ATTR_UNSUPPORTED] = {0, "unsupported", "below 50%"},
	[IMPACT_ATTR_CONSERVATIVE] = {0.50, "conservative", "50% to 69%"},
	[IMPACT_ATTR_STRONG] = {0.70, "strong", "70% to 89%"},
	[IMPACT_ATTR_DIRECT] = {0.90, "direct", "90% to 100%"},
};

/* The highest band whose floor x reaches; bands[0] is the lowest. */
static size_t
impact_band_of(const struct impact_band *bands, size_t n, double x)
{
	size_t i = n - 1;

	while (i > 0 && !impact_at_least(x, bands[i].floor))
		i--;
	return i;
}

enum impact_level
impact_level_of(double annual)
{
	return (enum impact_level)impact_band_of(impact_levels, ARRAY_LEN(impact_levels), annual);
}

const char *
impact_level_text(enum impact_level l)
{
	return (size_t)l < ARRAY_LEN(impact_levels) ? impact_levels[l].text : "";
}

const char *
impact_level_name(enum impact_level l)
{
	return (size_t)l < ARRAY_LEN(impact_levels) ? impact_levels[l].name : "?";
}

enum impact_attribution
impact_attribution_of(double fraction)
{
	return (enum impact_attribution)impact_band_of(impact_attributions,
						       ARRAY_LEN(impact_attributions), fraction);
}

const char *
impact_attribution_name(enum impact_attribution a)
{
	return (size_t)a < ARRAY_LEN(impact_attributions) ? impact_attributions[a].name : "?";
}

/*
 * Rounds the size of the figure down to one significant digit, or two when
 * the first digit is 1: $936K -> $900K, $46.8M -> $40M, $13.3M -> $13M,
 * $1.06M -> $1M, $2.45M -> $2M. Negative figures shrink toward zero.
 */
double
impact_conservative(double annual)
{
	double a = fabs(annual), p, lead;
	int digits;

	if (a == 0 || !isfinite(a))
		return annual;
	a = amount_clean(a);
	p = pow(10, floor(log10(a)));
	lead = floor(a / p * (1 + 1e-12));
	if (lead >= 10) { /* log10 rounded down a power of ten */
		p *= 10;
		lead = floor(a / p * (1 + 1e-12));
	}
	digits = lead == 1 ? 2 : 1;
	if (digits == 2)
		p /= 10;
	a = amount_clean(floor(a / p * (1 + 1e-12)) * p);
	return annual < 0 ? -a : a;
}

/*
 * Unit tests for the promotion packet (src/packet.c): the calendar and
 * the HC date reader, the timeline windows and where today falls on them,
 * the impact table and the KPIs, what counts as a metric in an
 * endorsement, the strongest story, the narrative's and the slides'
 * placeholders, and every gap in its order.
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

#include "packet.h"
#include "slurp.h"
#include "story.h"
#include "util.h"

#define ELLIPSIS "\xe2\x80\xa6"

/* Parses text as t.story, which must have no errors, into set. */
static void
parse_ok(const char *text, struct story_set *set)
{
	struct diag_list dl = {0};
	int rc = story_parse("t.story", text, strlen(text), set, &dl);

	story_check_ids(set, &dl);
	if (dl.errors > 0) {
		char *m = diag_format(&dl.v[0]);
		fail_msg("unexpected diagnostic: %s", m);
	}
	assert_int_equal(rc, 0);
	diag_list_free(&dl);
}

/* The sample folder of tests/data/stories. */
static void
read_sample(struct story_set *set)
{
	static const char *const files[] = {"checkout.story", "growth.story", "platform.story"};
	struct diag_list dl = {0};

	for (size_t i = 0; i < ARRAY_LEN(files); i++) {
		char *path = xasprintf("%s/stories/%s", DRILL_TEST_DATA, files[i]);
		size_t len;
		char *buf = slurp(path, &len);
		if (buf == NULL)
			fail_msg("cannot read %s", path);
		assert_int_equal(story_parse(path, buf, len, set, &dl), 0);
		free(buf);
		free(path);
	}
	assert_int_equal(dl.n, 0);
	diag_list_free(&dl);
}

/* A story with every required field; id, level, principles and extra lines vary. */
static char *
story(const char *id, const char *level, const char *principles, const char *extra)
{
	return xasprintf("id: %s\n"
			 "title: Story %s\n"
			 "level: %s\n"
			 "principles: %s\n"
			 "situation: Checkout was slow. Nobody owned it.\n"
			 "task: t\n"
			 "action: I traced the slow calls. Then I fixed them.\n"
			 "result: r\n"
			 "%s\n",
			 id, id, level, principles, extra);
}

static struct packet *
build(const char *text, struct story_set *set, bool has_hc, int64_t hc)
{
	struct packet *p;

	parse_ok(text, set);
	p = packet_build(set, packet_day(2026, 11, 26), has_hc, hc);
	assert_true(packet_is_valid(p));
	return p;
}

/* Every gap of p, "section: message", one a line. */
static char *
gaps(const struct packet *p)
{
	struct sbuf b = {0};

	for (size_t i = 0; i < p->ngaps; i++)
		sbuf_printf(&b, "%s: %s\n", packet_section_name(p->gaps[i].section),
			    p->gaps[i].message);
	return sbuf_take(&b);
}

static void
assert_contains(const char *hay, const char *needle)
{
	if (strstr(hay, needle) == NULL)
		fail_msg("expected to find [%s] in:\n%s", needle, hay);
}

static void
assert_lacks(const char *hay, const char *needle)
{
	if (strstr(hay, needle) != NULL)
		fail_msg("did not expect [%s] in:\n%s", needle, hay);
}

static const char *
date(int64_t day, char buf[PACKET_DATE_MAX])
{
	packet_date_format(day, buf);
	return buf;
}

/* ------------------------------------------------------------------ */
/* the calendar                                                        */

static void
test_days(void **state)
{
	(void)state;
	char d[PACKET_DATE_MAX];

	assert_int_equal(packet_day(1970, 1, 1), 0);
	assert_int_equal(packet_day(1969, 12, 31), -1);
	assert_int_equal(packet_day(2000, 3, 1), 11017);
	assert_int_equal(packet_day(2026, 11, 26), 20783);
	assert_int_equal(packet_day(2028, 3, 1) - packet_day(2028, 2, 28), 2); /* leap year */
	assert_int_equal(packet_day(2100, 3, 1) - packet_day(2100, 2, 28), 1); /* not one */
	assert_string_equal(date(20783, d), "2026-11-26");
	/* every day from 1900 to 2100 comes back as it went in */
	for (int64_t day = packet_day(1900, 1, 1); day <= packet_day(2100, 12, 31); day++) {
		int y, m, dd;
		packet_civil(day, &y, &m, &dd);
		assert_int_equal(packet_day(y, m, dd), day);
	}
}

static void
test_date_parse(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		const char *want; /* the date, or the error */
	} cases[] = {
	    {"2027-06-01", "2027-06-01"},
	    {"2027/06/01", "2027-06-01"},
	    {"2028-02-29", "2028-02-29"},
	    {"2027-02-29", "\"2027-02-29\": February 2027 has 28 days"},
	    {"2027-04-31", "\"2027-04-31\": April 2027 has 30 days"},
	    {"2027-13-01", "\"2027-13-01\": month 13 is not 01 to 12"},
	    {"2027-00-10", "\"2027-00-10\": month 00 is not 01 to 12"},
	    {"1899-12-31", "\"1899-12-31\": the year must be from 1900 to 2100"},
	    {"2027-6-1", "\"2027-6-1\" is not a date: write YYYY-MM-DD, e.g. 2027-06-01"},
	    {"2027-06/01", "\"2027-06/01\" is not a date: write YYYY-MM-DD, e.g. 2027-06-01"},
	    {"20270601", "\"20270601\" is not a date: write YYYY-MM-DD, e.g. 2027-06-01"},
	    {"2027-06-01x", "\"2027-06-01x\" is not a date: write YYYY-MM-DD, e.g. 2027-06-01"},
	    {"", "\"\" is not a date: write YYYY-MM-DD, e.g. 2027-06-01"},
	    {"next June", "\"next June\" is not a date: write YYYY-MM-DD, e.g. 2027-06-01"},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char err[160] = "", d[PACKET_DATE_MAX];
		int64_t day = 12345;
		int rc = packet_date_parse(cases[i].text, &day, err, sizeof(err));
		if (rc == 0)
			assert_string_equal(date(day, d), cases[i].want);
		else
			assert_string_equal(err, cases[i].want);
	}
}

/* ------------------------------------------------------------------ */
/* the timeline                                                        */

static void
test_timeline_dates(void **state)
{
	(void)state;
	struct story_set set = {0};
	char *text = story("a", "L6", "Dive Deep", "");
	struct packet *p = build(text, &set, true, packet_day(2027, 6, 1));
	static const char *const want[PACKET_STEP_COUNT][3] = {
	    {"Data gathering", "2026-12-08", "2027-04-07"},
	    {"Packet review by the product leader", "2027-04-07", "2027-05-07"},
	    {"Peer-advocacy signatures", "2027-05-07", "2027-05-22"},
	    {"Debrief rehearsal", "2027-05-22", "2027-06-01"},
	};
	static const int days[PACKET_STEP_COUNT] = {120, 30, 15, 10};
	char d[PACKET_DATE_MAX], *g;

	assert_true(p->has_hc);
	for (int i = 0; i < PACKET_STEP_COUNT; i++) {
		assert_string_equal(p->steps[i].name, want[i][0]);
		assert_string_equal(date(p->steps[i].start, d), want[i][1]);
		assert_string_equal(date(p->steps[i].end, d), want[i][2]);
		assert_int_equal(p->steps[i].end - p->steps[i].start, days[i]);
	}
	/* 175 days back to back; the latest safe start is 120 days out */
	assert_int_equal(p->hc - p->steps[0].start, 175);
	assert_string_equal(date(p->latest_start, d), "2027-02-01");
	assert_int_equal(p->hc - p->latest_start, 120);
	assert_int_equal(p->phase, PACKET_BEFORE);
	g = gaps(p);
	assert_lacks(g, "timeline:");
	free(g);
	packet_free(p);
	story_set_free(&set);
	free(text);
}

/* Where today falls: before, in each window, late, the HC day, past. */
static void
test_timeline_phase(void **state)
{
	(void)state;
	int64_t today = packet_day(2026, 11, 26);
	static const struct {
		int64_t days_to_hc; /* hc - today */
		enum packet_phase phase;
		int window;
		const char *gap; /* a timeline gap that contains this, or NULL */
	} cases[] = {
	    {176, PACKET_BEFORE, -1, NULL},
	    {175, PACKET_IN_WINDOW, 0, NULL},
	    {120, PACKET_IN_WINDOW, 0, NULL}, /* the latest safe start itself */
	    {119, PACKET_IN_WINDOW, 0, "HC is 119 days away, past the latest safe start"},
	    {55, PACKET_IN_WINDOW, 1, "HC is 55 days away"},
	    {26, PACKET_IN_WINDOW, 1, "HC is 26 days away"},
	    {25, PACKET_IN_WINDOW, 2, "HC is 25 days away"},
	    {10, PACKET_IN_WINDOW, 3, "HC is 10 days away"},
	    {1, PACKET_IN_WINDOW, 3, "HC is 1 day away"},
	    {0, PACKET_HC_DAY, -1, "The HC meeting is today"},
	    {-1, PACKET_PAST, -1, "The HC date 2026-11-25 is 1 day before today (2026-11-26)"},
	    {-30, PACKET_PAST, -1, "is 30 days before today"},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct story_set set = {0};
		char *text = story("a", "L6", "Dive Deep", "");
		struct packet *p = build(text, &set, true, today + cases[i].days_to_hc);
		char *g = gaps(p);
		assert_int_equal(p->phase, cases[i].phase);
		if (cases[i].phase == PACKET_IN_WINDOW)
			assert_int_equal(p->window, cases[i].window);
		if (cases[i].gap != NULL)
			assert_contains(g, cases[i].gap);
		else
			assert_lacks(g, "timeline:");
		free(g);
		packet_free(p);
		story_set_free(&set);
		free(text);
	}
}

static void
test_timeline_missing(void **state)
{
	(void)state;
	struct story_set set = {0};
	char *text = story("a", "L6", "Dive Deep", "");
	struct packet *p = build(text, &set, false, 0);
	char *g = gaps(p);

	assert_false(p->has_hc);
	assert_contains(g, "timeline: No HC date: run drill packet --hc YYYY-MM-DD");
	free(g);
	packet_free(p);
	story_set_free(&set);
	free(text);
}

/* ------------------------------------------------------------------ */
/* the impact table and the KPIs                                       */

static void
test_impact_table(void **state)
{
	(void)state;
	struct story_set set = {0};
	struct packet *p;
	char *a = story("conv", "L7", "Dive Deep",
			"impact: conversion traffic=4M before=2.3% after=3.1% aov=65 "
			"attribution=70%\nvalidated: finance rebuilt it");
	char *b = story("two", "L6", "Frugality",
			"impact: cloud cost_before=410K cost_after=265K attribution=90%\n"
			"impact: labor hours=6 occurrences=2600 rate=95");
	char *c = story("ab", "L6", "Dive Deep",
			"impact: ab_test traffic=100K control=2% variant=2.5% value=40");
	char *d =
	    story("cycle", "L6", "Dive Deep", "impact: cycle_time team_cost=2M before=6 after=4");
	char *e = story("none", "L6", "Ownership", "");
	char *f = story("sum", "L6", "Ownership", "impact: total labor=187K quality=145K");
	char *all = xasprintf("%s\n%s\n%s\n%s\n%s\n%s", a, b, c, d, e, f);

	p = build(all, &set, false, 0);
	assert_int_equal(p->nrows, 5);
	assert_string_equal(p->rows[0].story->id, "conv");
	assert_string_equal(p->rows[0].baseline, "conversion rate: 2.3%");
	assert_string_equal(p->rows[0].after, "conversion rate: 3.1%");
	assert_string_equal(p->rows[0].method, "conversion");
	assert_string_equal(p->rows[0].source, "finance rebuilt it");
	assert_true(fabs(p->rows[0].annual - 17472000) < 1e-3);

	/* two lines: both methods; the line without a pair gives its first step */
	assert_string_equal(p->rows[1].baseline, "monthly cost: $410K");
	assert_string_equal(p->rows[1].after,
			    "monthly cost: $265K; hours saved per year: 15,600 hours");
	assert_string_equal(p->rows[1].method, "cloud + labor");
	assert_null(p->rows[1].source);
	assert_true(fabs(p->rows[1].annual - (1566000 + 1482000)) < 1e-3);

	assert_string_equal(p->rows[2].baseline, "conversion rate: 2%");
	assert_string_equal(p->rows[2].after, "conversion rate: 2.5%");
	assert_string_equal(p->rows[3].baseline, "cycle time: 6 weeks");
	assert_string_equal(p->rows[3].after, "cycle time: 4 weeks");

	/* a total: no baseline, its one step */
	assert_string_equal(p->rows[4].story->id, "sum");
	assert_null(p->rows[4].baseline);
	assert_string_equal(p->rows[4].after, "total impact: $332K");
	assert_string_equal(p->rows[4].method, "total");

	/* the story without impact: lines is left out, and named */
	assert_int_equal(p->nno_impact, 1);
	assert_string_equal(p->no_impact[0]->id, "none");
	{
		double sum = 0;
		for (size_t i = 0; i < p->nrows; i++)
			sum += p->rows[i].annual;
		assert_true(fabs(p->total - sum) < 1e-3);
	}

	/* the KPIs: every before/after pair, in story order */
	assert_int_equal(p->nkpis, 4);
	assert_string_equal(p->kpis[0].measure, "conversion rate");
	assert_int_equal(p->kpis[0].kind, AMOUNT_PERCENT);
	assert_true(fabs(p->kpis[0].before - 0.023) < 1e-12);
	assert_true(fabs(p->kpis[0].after - 0.031) < 1e-12);
	assert_string_equal(p->kpis[1].measure, "monthly cost");
	assert_string_equal(p->kpis[1].before_text, "$410K");
	assert_string_equal(p->kpis[2].story->id, "ab");
	assert_string_equal(p->kpis[3].after_text, "4 weeks");

	packet_free(p);
	story_set_free(&set);
	free(all);
	free(a);
	free(b);
	free(c);
	free(d);
	free(e);
	free(f);
}

/* ------------------------------------------------------------------ */
/* endorsements                                                        */

static void
test_metric(void **state)
{
	(void)state;
	static const struct {
		const char *credit;
		const char *metric; /* NULL: none */
	} cases[] = {
	    {"credits the $17.5M a year to this work", "$17.5M a year"},
	    {"credits her with the $12M cost reduction", "$12M"},
	    {"says churn fell by 4% after her fix", "4%"},
	    {"counts 40 hours a week saved for his team", "40 hours a week"},
	    {"credits her with twelve million dollars saved", "twelve million dollars"},
	    {"credits fifteen percent fewer pages", "fifteen percent"},
	    {"the marketplace was Priya's proposal and she carried it through the pilot", NULL},
	    {"credits Priya with the tech-lead path and its results", NULL},
	    {"she led the launch in 2023", NULL},      /* a year is not a metric */
	    {"credits four engineers she grew", NULL}, /* a count in words only */
	    {"credits 4 engineers she grew", "4"},     /* in digits it is one */
	    {"a great partner since 2019, who saved $2M", "$2M"},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char buf[128] = "";
		bool found = packet_metric(cases[i].credit, buf, sizeof(buf));
		if (cases[i].metric == NULL) {
			if (found)
				fail_msg("%s: found \"%s\", expected no metric", cases[i].credit,
					 buf);
		} else {
			if (!found)
				fail_msg("%s: no metric found", cases[i].credit);
			assert_string_equal(buf, cases[i].metric);
		}
	}
}

static void
test_endorsements(void **state)
{
	(void)state;
	struct story_set set = {0};
	struct packet *p;
	char *a =
	    story("a", "L7", "Dive Deep",
		  "impact: labor hours=10 occurrences=1000 rate=100\n"
		  "endorsement: Dana Ito, Director of Payments: credits the $1M a year to this\n"
		  "endorsement: Marco Silva, VP, International: backed the plan");
	char *b = story("b", "L6", "Ownership",
			"endorsement: Lena Park, Engineering Manager: grew the team");
	char *all = xasprintf("%s\n%s", a, b);
	char *g;

	p = build(all, &set, false, 0);
	assert_int_equal(p->nendorsements, 3);
	assert_int_equal(p->with_metric, 1);
	assert_string_equal(p->endorsements[0].story->id, "a");
	assert_string_equal(p->endorsements[0].e->name, "Dana Ito");
	assert_string_equal(p->endorsements[0].metric, "$1M a year");
	assert_string_equal(p->endorsements[1].e->title, "VP, International");
	assert_null(p->endorsements[1].metric);
	assert_null(p->endorsements[2].metric);
	g = gaps(p);
	assert_contains(g, "endorsements: 1 of your 3 endorsements names a metric; a packet "
			   "needs 2 that do.\n");
	/* each one without a metric, with the story's figure to ask for */
	assert_contains(g, "endorsements: Marco Silva's endorsement of a (t.story:11) names no "
			   "metric: ask for one that credits a figure to you, such as its $1M a "
			   "year.\n");
	assert_contains(g, "endorsements: Lena Park's endorsement of b (t.story:21) names no "
			   "metric: ask for one that credits a figure to you.\n");
	free(g);
	packet_free(p);
	story_set_free(&set);
	free(all);
	free(a);
	free(b);
}

/* Two endorsements with a metric meet the target: no endorsement gap. */
static void
test_endorsements_met(void **state)
{
	(void)state;
	struct story_set set = {0};
	char *a = story("a", "L7", "Dive Deep",
			"endorsement: Dana Ito, Director: credits the $1M saving\n"
			"endorsement: Marco Silva, VP: credits 12% more orders");
	struct packet *p = build(a, &set, false, 0);
	char *g = gaps(p);

	assert_int_equal(p->with_metric, 2);
	assert_lacks(g, "endorsements:");
	free(g);
	packet_free(p);
	story_set_free(&set);
	free(a);
}

static void
test_endorsements_none(void **state)
{
	(void)state;
	struct story_set set = {0};
	char *a = story("a", "L7", "Dive Deep", "");
	struct packet *p = build(a, &set, false, 0);
	char *g = gaps(p);

	assert_int_equal(p->nendorsements, 0);
	assert_contains(g, "endorsements: No endorsements: a packet needs 2 written ones");
	free(g);
	packet_free(p);
	story_set_free(&set);
	free(a);
}

/* ------------------------------------------------------------------ */
/* the strongest story, the narrative, the slides                      */

static void
test_strongest(void **state)
{
	(void)state;
	struct story_set set = {0};
	char *a =
	    story("small", "L7", "Dive Deep", "impact: labor hours=1 occurrences=1000 rate=100");
	char *b =
	    story("big", "L6", "Dive Deep", "impact: labor hours=9 occurrences=1000 rate=100");
	char *c =
	    story("tie", "L7", "Dive Deep", "impact: labor hours=9 occurrences=1000 rate=100");
	char *d = story("l6", "L6", "Dive Deep", "");
	char *e = story("l7", "L7", "Dive Deep", "");
	char *all = xasprintf("%s\n%s\n%s", a, b, c);
	char *none = xasprintf("%s\n%s", d, e);
	struct story_set empty = {0};

	parse_ok(all, &set);
	/* the largest figure, whatever its level; the first on a tie */
	assert_string_equal(packet_strongest(&set)->id, "big");
	story_set_free(&set);
	memset(&set, 0, sizeof(set));
	/* no figure anywhere: the first story at the highest level */
	parse_ok(none, &set);
	assert_string_equal(packet_strongest(&set)->id, "l7");
	story_set_free(&set);
	assert_null(packet_strongest(&empty));
	free(all);
	free(none);
	free(a);
	free(b);
	free(c);
	free(d);
	free(e);
}

static void
test_narrative(void **state)
{
	(void)state;
	struct story_set set = {0};
	char *a = story("a", "L7", "Dive Deep",
			"impact: conversion traffic=4M before=2.3% after=3.1% aov=65 "
			"attribution=70%\nvalidated: finance rebuilt it");
	struct packet *p = build(a, &set, true, packet_day(2027, 6, 1));
	char *g = gaps(p);

	assert_string_equal(p->strongest->id, "a");
	assert_string_equal(
	    p->narrative, "I identified that checkout was slow, built [" ELLIPSIS
			  "the cross-functional team], delivered \"Story a\", and realised "
			  "$17.47M a year, which unlocked [" ELLIPSIS "the strategic capability].");
	assert_string_equal(p->slots[PACKET_IDENTIFIED].from, "situation");
	assert_true(p->slots[PACKET_BUILT].placeholder);
	assert_null(p->slots[PACKET_BUILT].from);
	assert_string_equal(p->slots[PACKET_DELIVERED].from, "title");
	assert_false(p->slots[PACKET_REALISED].placeholder);
	assert_string_equal(p->slots[PACKET_REALISED].text, "$17.47M a year");
	assert_true(p->slots[PACKET_UNLOCKED].placeholder);

	/* the slides */
	assert_string_equal(p->slides[0].title, "Problem and market size");
	assert_string_equal(p->slides[0].points[0].text, "Checkout was slow");
	assert_true(p->slides[0].points[1].placeholder);
	assert_string_equal(p->slides[0].points[1].text, "[" ELLIPSIS "the market size]");
	assert_string_equal(p->slides[1].points[0].text, "I traced the slow calls");
	assert_string_equal(p->slides[1].points[1].text, "conversion rate: 2.3% \xe2\x86\x92 3.1%");
	assert_string_equal(p->slides[2].points[0].text,
			    "$17.47M a year by the engine; validated: finance rebuilt it");
	assert_true(p->slides[2].points[1].placeholder);

	/* every placeholder is a gap, after the more important ones */
	assert_string_equal(
	    g, "endorsements: No endorsements: a packet needs 2 written ones from "
	       "senior leaders, each naming a metric they credit to you; add "
	       "endorsement: lines (Name, Title: what they credit) to the stories they "
	       "back.\n"
	       "principles: No principle appears in 3 stories yet; the closest is Dive "
	       "Deep (1): add a story that shows it.\n"
	       "narrative: Narrative, \"built\": the story files do not name the "
	       "cross-functional team you built for a (who, from which functions).\n"
	       "narrative: Narrative, \"which unlocked\" (and slide 3): the files do not "
	       "say what strategic capability a unlocked for the business.\n"
	       "slides: Slide 1 needs the market size: a's impact: lines give none (the "
	       "market and opportunity methods do).\n");
	free(g);
	packet_free(p);
	story_set_free(&set);
	free(a);
}

/* A story without figures: realised, the KPI and slide 3's figure are placeholders. */
static void
test_narrative_no_figure(void **state)
{
	(void)state;
	struct story_set set = {0};
	char *a = story("a", "L6", "Dive Deep", "");
	struct packet *p = build(a, &set, false, 0);
	char *g = gaps(p);

	assert_true(p->slots[PACKET_REALISED].placeholder);
	assert_string_equal(p->slots[PACKET_REALISED].text, "[" ELLIPSIS "the annual figure]");
	assert_contains(p->narrative, "and realised [" ELLIPSIS "the annual figure], which");
	assert_true(p->slides[1].points[1].placeholder);
	assert_string_equal(p->slides[1].points[1].text, "[" ELLIPSIS "the KPI, before and after]");
	assert_true(p->slides[2].points[0].placeholder);
	assert_contains(g, "narrative: Narrative, \"realised\": a has no impact: line, so there "
			   "is no figure to claim.\n");
	assert_contains(g, "slides: Slide 2 needs the KPI delta: a's impact: lines measure no "
			   "KPI before and after.\n");
	free(g);
	packet_free(p);
	story_set_free(&set);
	free(a);
}

/* The market method fills slide 1's market size; the first sentence and its case. */
static void
test_slides_market(void **state)
{
	(void)state;
	struct story_set set = {0};
	const char *text =
	    "id: m\ntitle: Marketplace\nlevel: L7\nprinciples: Think Big\n"
	    "situation: AWS bills doubled in 2023! Then it got worse.\n"
	    "task: t\naction: I built\n  a model of three markets; then I argued for it.\n"
	    "result: r\n"
	    "impact: market markets=3 revenue_per_market=9M attribution=60% penetration=40%\n";
	struct packet *p = build(text, &set, false, 0);

	assert_string_equal(p->slides[0].points[1].text, "market potential: $27M a year");
	assert_false(p->slides[0].points[1].placeholder);
	/* an acronym keeps its case; '!' ends the sentence and stays */
	assert_string_equal(p->slots[PACKET_IDENTIFIED].text, "that AWS bills doubled in 2023!");
	assert_string_equal(p->slides[1].points[0].text,
			    "I built a model of three markets; then I argued for it");
	packet_free(p);
	story_set_free(&set);
}

/* ------------------------------------------------------------------ */
/* the gaps on the sample folder, most important first                  */

static void
test_gaps_sample(void **state)
{
	(void)state;
	struct story_set set = {0};
	struct packet *p;
	char *g;

	read_sample(&set);
	p = packet_build(&set, packet_day(2026, 11, 26), true, packet_day(2027, 6, 1));
	assert_true(packet_is_valid(p));
	assert_string_equal(p->strongest->id, "checkout-latency");
	assert_int_equal(p->nrows, 5);
	assert_true(fabs(p->total - 30477600) < 1e-3);
	assert_int_equal(p->coverage.covered, 1);
	g = gaps(p);
	assert_string_equal(
	    g, "endorsements: 1 of your 3 endorsements names a metric; a packet needs 2 that do.\n"
	       "endorsements: Marco Silva's endorsement of marketplace-launch (growth.story:21) "
	       "names no metric: ask for one that credits a figure to you, such as its $6.48M a "
	       "year.\n"
	       "endorsements: Lena Park's endorsement of tech-lead-program (growth.story:38) names "
	       "no metric: ask for one that credits a figure to you.\n"
	       "impact_table: incident-reviews (platform.story:24) has no validated: line: say how "
	       "its $972K a year was checked and by whom (Finance, an A/B test), so that the "
	       "figure can be audited.\n"
	       "narrative: Narrative, \"built\": the story files do not name the cross-functional "
	       "team you built for checkout-latency (who, from which functions).\n"
	       "narrative: Narrative, \"which unlocked\" (and slide 3): the files do not say what "
	       "strategic capability checkout-latency unlocked for the business.\n"
	       "slides: Slide 1 needs the market size: checkout-latency's impact: lines give none "
	       "(the market and opportunity methods do).\n");
	free(g);
	packet_free(p);
	story_set_free(&set);
}

/* No figure at all comes first; no KPI and no principle in three stories follow. */
static void
test_gaps_order(void **state)
{
	(void)state;
	struct story_set set = {0};
	char *a = story("a", "L6", "Dive Deep", "endorsement: A Lee, Director: credits $1M");
	char *b = story("b", "L6", "Ownership", "endorsement: B Lee, VP: credits 5%");
	char *all = xasprintf("%s\n%s", a, b);
	struct packet *p = build(all, &set, false, 0);
	char *g = gaps(p);
	const char *order[] = {
	    "impact_table: No story has an impact: line",
	    "three_p: No impact: line measures a KPI before and after",
	    "principles: No principle appears in 3 stories yet; the closest is Ownership (1)",
	    "timeline: No HC date",
	    "narrative: Narrative, \"built\"",
	    "narrative: Narrative, \"realised\"",
	    "narrative: Narrative, \"which unlocked\"",
	    "slides: Slide 1 needs the market size",
	    "slides: Slide 2 needs the KPI delta",
	};
	const char *at = g;

	/* the strongest: no figure anywhere, both L6: the first one */
	assert_string_equal(p->strongest->id, "a");
	for (size_t i = 0; i < ARRAY_LEN(order); i++) {
		const char *hit = strstr(at, order[i]);
		if (hit == NULL)
			fail_msg("expected [%s] after the gaps before it in:\n%s", order[i], g);
		at = hit + strlen(order[i]);
	}
	assert_int_equal(p->ngaps, ARRAY_LEN(order));
	free(g);
	packet_free(p);
	story_set_free(&set);
	free(all);
	free(a);
	free(b);
}

/* A principle in three stories: no principle gap. */
static void
test_principles(void **state)
{
	(void)state;
	struct story_set set = {0};
	char *a = story("a", "L6", "Dive Deep; Ownership", "");
	char *b = story("b", "L6", "DD", "");
	char *c = story("c", "L6", "Dive Deep; Ownership", "");
	char *all = xasprintf("%s\n%s\n%s", a, b, c);
	struct packet *p = build(all, &set, false, 0);
	char *g = gaps(p);

	assert_int_equal(p->coverage.covered, 1);
	assert_int_equal(p->coverage.count[11], 3); /* Dive Deep */
	assert_int_equal(p->coverage.count[1], 2);  /* Ownership */
	assert_lacks(g, "principles:");
	free(g);
	packet_free(p);
	story_set_free(&set);
	free(all);
	free(a);
	free(b);
	free(c);
}

static void
test_empty(void **state)
{
	(void)state;
	struct story_set set = {0};
	struct packet *p = packet_build(&set, 0, true, 200);
	char *g;

	assert_true(packet_is_valid(p));
	assert_null(p->strongest);
	assert_null(p->narrative);
	assert_int_equal(p->nrows, 0);
	g = gaps(p);
	assert_string_equal(g, "impact_table: No stories: write your first with drill story new "
			       "(docs/stories.md has the format).\n");
	free(g);
	packet_free(p);
	packet_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_days),
	    cmocka_unit_test(test_date_parse),
	    cmocka_unit_test(test_timeline_dates),
	    cmocka_unit_test(test_timeline_phase),
	    cmocka_unit_test(test_timeline_missing),
	    cmocka_unit_test(test_impact_table),
	    cmocka_unit_test(test_metric),
	    cmocka_unit_test(test_endorsements),
	    cmocka_unit_test(test_endorsements_met),
	    cmocka_unit_test(test_endorsements_none),
	    cmocka_unit_test(test_strongest),
	    cmocka_unit_test(test_narrative),
	    cmocka_unit_test(test_narrative_no_figure),
	    cmocka_unit_test(test_slides_market),
	    cmocka_unit_test(test_gaps_sample),
	    cmocka_unit_test(test_gaps_order),
	    cmocka_unit_test(test_principles),
	    cmocka_unit_test(test_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

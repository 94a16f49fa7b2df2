/*
 * Unit tests for the story cards (src/storycards.c): the cards the sample
 * folder yields, their types, groups, files and answers; ids that stay when
 * nothing a card asks changed and move when it did; and the principle
 * coverage of drill story matrix (story_coverage in src/story.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "slurp.h"
#include "storycards.h"
#include "storycheck.h"
#include "util.h"

static const char *const sample[] = {"checkout.story", "growth.story", "platform.story"};

/* Parses the sample folder, with text replacing one file when given. */
static void
parse_sample(struct story_set *set, const char *replace, const char *text)
{
	struct diag_list dl = {0};

	for (size_t i = 0; i < ARRAY_LEN(sample); i++) {
		char *path = xasprintf("%s/stories/%s", DRILL_TEST_DATA, sample[i]);
		size_t len;
		char *buf = replace != NULL && strcmp(replace, sample[i]) == 0
				? xstrdup(text)
				: slurp(path, &len);
		assert_non_null(buf);
		assert_int_equal(story_parse(path, buf, strlen(buf), set, &dl), 0);
		free(buf);
		free(path);
	}
	assert_int_equal(story_check_ids(set, &dl), 0);
	assert_int_equal(dl.errors, 0);
	diag_list_free(&dl);
}

static struct deck *
build(const struct story_set *set)
{
	struct diag_list dl = {0};
	struct deck *d = NULL;

	if (storycards_build(set, "/stories", &d, &dl) != 0) {
		for (size_t i = 0; i < dl.n; i++) {
			char *m = diag_format(&dl.v[i]);
			print_error("%s\n", m);
			free(m);
		}
		fail_msg("storycards_build failed");
	}
	diag_list_free(&dl);
	return d;
}

static const struct card *
find_prefix(const struct deck *d, const char *prefix)
{
	for (size_t i = 0; i < d->ncards; i++)
		if (strncmp(d->cards[i].id, prefix, strlen(prefix)) == 0)
			return &d->cards[i];
	return NULL;
}

static size_t
count_prefix(const struct deck *d, const char *prefix)
{
	size_t n = 0;

	for (size_t i = 0; i < d->ncards; i++)
		n += strncmp(d->cards[i].id, prefix, strlen(prefix)) == 0;
	return n;
}

static void
test_sample_cards(void **state)
{
	(void)state;
	struct story_set set = {0};
	struct deck *d;
	const struct card *c;

	parse_sample(&set, NULL, NULL);
	d = build(&set);
	assert_string_equal(d->key, STORYCARDS_DECK);
	assert_int_equal(d->ncards, d->nids);
	/* 13 of the 16 principles are covered by the sample's six stories */
	assert_int_equal(count_prefix(d, "story-lp-"), 13);

	c = find_prefix(d, "story-lp-dive-deep-");
	assert_non_null(c);
	assert_int_equal(c->type, CARD_RECALL);
	assert_non_null(strstr(c->prompt, "Tell me about a time you"));
	assert_non_null(strstr(c->answer, "Cut checkout latency across 12 teams (checkout-latency, L7)"));
	assert_non_null(strstr(c->answer, "incident-reviews"));
	assert_null(c->group);

	c = find_prefix(d, "story-checkout-latency-figure-");
	assert_non_null(c);
	assert_int_equal(c->type, CARD_NUMBER);
	assert_string_equal(c->answer, "$17.47M a year");
	assert_string_equal(c->group, "story-checkout-latency");
	assert_non_null(strstr(c->file, "stories/checkout.story"));
	assert_int_equal(c->line, 21); /* the impact: line */

	c = find_prefix(d, "story-checkout-latency-calc1-");
	assert_non_null(c);
	assert_int_equal(c->type, CARD_CALC);
	assert_non_null(strstr(c->prompt, "Walk me through your calculation"));

	c = find_prefix(d, "story-checkout-latency-attribution-");
	assert_non_null(c);
	assert_non_null(strstr(c->answer, "You claim 70% of the outcome."));
	assert_non_null(strstr(c->answer, "5% holdout"));
	assert_non_null(find_prefix(d, "story-checkout-latency-validation-"));
	c = find_prefix(d, "story-checkout-latency-period-");
	assert_non_null(c);
	assert_non_null(strstr(c->answer, "(11 months)"));
	assert_non_null(find_prefix(d, "story-checkout-latency-hindsight-"));

	/* a story with no impact: line has no figure, calculation or share card */
	assert_int_equal(count_prefix(d, "story-tech-lead-program-figure-"), 0);
	assert_int_equal(count_prefix(d, "story-tech-lead-program-calc"), 0);
	assert_int_equal(count_prefix(d, "story-tech-lead-program-attribution-"), 0);

	/* every card remembers a file, and every id is unique */
	for (size_t i = 0; i < d->ncards; i++) {
		assert_non_null(d->cards[i].file);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(d->cards[i].id, d->cards[j].id);
	}
	deck_free(d);
	story_set_free(&set);
}

/* The same stories give the same ids; a changed figure moves only its story's cards. */
static void
test_ids(void **state)
{
	(void)state;
	struct story_set a = {0}, b = {0};
	struct deck *da, *db;
	char *path = xasprintf("%s/stories/checkout.story", DRILL_TEST_DATA);
	size_t len;
	char *text = slurp(path, &len);
	char *at;

	assert_non_null(text);
	at = strstr(text, "after=3.1%");
	assert_non_null(at);
	at[8] = '3'; /* after=3.3% */
	parse_sample(&a, NULL, NULL);
	parse_sample(&b, "checkout.story", text);
	da = build(&a);
	db = build(&b);
	assert_int_equal(da->ncards, db->ncards);
	for (size_t i = 0; i < da->ncards; i++) {
		const char *id = da->cards[i].id;
		bool moved = strncmp(id, "story-checkout-latency-figure-", 30) == 0 ||
			     strncmp(id, "story-checkout-latency-calc1-", 29) == 0 ||
			     strncmp(id, "story-checkout-latency-period-", 30) == 0;
		bool same = strcmp(id, db->cards[i].id) == 0;
		if (moved == same)
			fail_msg("%s -> %s: expected %s", id, db->cards[i].id,
				 moved ? "a new id" : "the same id");
	}
	deck_free(da);
	deck_free(db);
	story_set_free(&a);
	story_set_free(&b);
	free(text);
	free(path);
}

/* The matrix: counts, statuses, the bank's level and target. */
static void
test_coverage(void **state)
{
	(void)state;
	struct story_set set = {0}, empty = {0};
	struct story_coverage cov;
	int dd = principle_find("Dive Deep", 9), fr = principle_find("Frugality", 9),
	    lc = principle_find("Learn and Be Curious", 20);

	parse_sample(&set, NULL, NULL);
	story_coverage(&set, 0, &cov);
	assert_int_equal(cov.count[dd], 3);
	assert_int_equal(cov.status[dd], STORY_COVERED);
	assert_int_equal(cov.count[fr], 1);
	assert_int_equal(cov.status[fr], STORY_THIN);
	assert_int_equal(cov.count[lc], 0);
	assert_int_equal(cov.status[lc], STORY_MISSING);
	assert_int_equal(cov.missing + cov.thin + cov.covered, PRINCIPLE_COUNT);
	assert_int_equal(cov.missing, 3);
	assert_int_equal(cov.covered, 1);
	/* four L6 stories and two L7: an L6 bank of 15-20 */
	assert_int_equal(cov.level, 6);
	assert_int_equal(cov.bank_min, 15);
	assert_int_equal(cov.bank_max, 20);
	story_coverage(&set, 7, &cov);
	assert_int_equal(cov.level, 7);
	assert_int_equal(cov.bank_min, 20);
	assert_int_equal(cov.bank_max, 25);
	assert_string_equal(story_status_name(STORY_THIN), "thin");
	story_coverage(&empty, 0, &cov);
	assert_int_equal(cov.missing, PRINCIPLE_COUNT);
	assert_int_equal(cov.level, 7);
	story_set_free(&set);
}

/* Runs storycheck on text told about the sample story id; returns the findings' quotes. */
static char *
told(const struct story_set *set, const char *id, const char *text)
{
	const struct story *st = story_find(set, id);
	struct coach *coach = NULL;
	struct coach_options opt = {COACH_L7, NULL, false};
	struct coach_result *r = NULL;
	struct storycheck sc = {0};
	struct sbuf b = {0};
	char err[128];

	assert_non_null(st);
	assert_int_equal(coach_new(&coach, err, sizeof(err)), 0);
	coach_analyse(coach, text, strlen(text), &opt, &r);
	storycheck_told(st, text, 0, strlen(text), r, &sc);
	for (size_t i = 0; i < sc.n; i++)
		sbuf_printf(&b, "%s%s", i ? "|" : "", sc.v[i].quote);
	if (b.buf == NULL)
		sbuf_adds(&b, "");
	storycheck_free(&sc);
	coach_result_free(r);
	coach_free(coach);
	return sbuf_take(&b);
}

/* A telling that agrees with the file, and each way one can disagree. */
static void
test_told(void **state)
{
	(void)state;
	struct story_set set = {0};
	static const struct {
		const char *text, *expect;
	} cases[] = {
	    /* checkout-latency: $17.47M a year, 70%, 2024-03 to 2025-01 (11 months) */
	    {"Result: we added $17.5M a year, 70% of it credited to my work, over 11 months.", ""},
	    {"Result: we added at least $17M a year.", ""},
	    {"Result: we added $1.46M a month.", ""},
	    {"Result: we added $25M a year.", "$25M"},
	    {"Result: we added $17.5M a year, and we attribute 50% of it to the redesign.", "50%"},
	    {"Result: we added $17.5M a year; a holdout ran for 8 weeks.", ""},
	    {"Result: over three years we added $17.5M a year.", "over three years"},
	    {"Result: conversion rose from 2.3% to 3.1%.", ""},
	    {"Result: conversion rose from 2.3% to 3.1%, $17.5M a year, and we attribute 50% of "
	     "it to this work.", "50%"},
	};

	parse_sample(&set, NULL, NULL);
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char *got = told(&set, "checkout-latency", cases[i].text);
		if (strcmp(got, cases[i].expect) != 0)
			fail_msg("case %zu \"%s\": got \"%s\", expected \"%s\"", i, cases[i].text, got,
				 cases[i].expect);
		free(got);
	}
	story_set_free(&set);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sample_cards),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_coverage),
		cmocka_unit_test(test_told),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Unit tests for plan: the interview-date plan — dates to day numbers,
 * the final pass's first day, the new cards a day needed, the predicted
 * recall now (checked against FSRS-6 retrievability computed here from
 * the formula, not through fsrs.c), the plan's days within the budget,
 * the case of fewer days than the margin, a date already past, and the
 * final pass's order (expected gain on the day per second).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fsrs.h"
#include "plan.h"

static void
test_dates(void **state)
{
	int64_t day = -5;
	char buf[16];

	(void)state;
	assert_int_equal(plan_parse_date("1970-01-01", &day), 0);
	assert_int_equal(day, 0);
	assert_int_equal(plan_parse_date("2027-01-20", &day), 0);
	assert_int_equal(day, 20838);
	assert_int_equal(plan_parse_date("2000-02-29", &day), 0);
	assert_int_equal(day, 11016);
	assert_int_equal(plan_parse_date("1969-12-31", &day), 0);
	assert_int_equal(day, -1);
	plan_format_date(20838, buf, sizeof(buf));
	assert_string_equal(buf, "2027-01-20");
	plan_format_date(-1, buf, sizeof(buf));
	assert_string_equal(buf, "1969-12-31");
	for (int64_t d = -719162; d < 2932897; d += 997) {
		int64_t back;
		plan_format_date(d, buf, sizeof(buf));
		assert_int_equal(plan_parse_date(buf, &back), 0);
		assert_int_equal(back, d);
	}
	static const char *const bad[] = {"2026-02-30", "1900-02-29", "2026-13-01", "2026-00-10",
					  "2026-1-01", "2026-01-1", "20260101", "2026/01/01",
					  "0000-01-01", "2026-01-01x", "", "none", "2026-04-31"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(plan_parse_date(bad[i], &day), -1);
}

static void
test_pass_start_and_needed(void **state)
{
	(void)state;
	/* 300 cards at 40 a day: 8 days (7.5 rounded up). */
	assert_int_equal(plan_pass_start(1000, 300, 40), 992);
	assert_int_equal(plan_pass_start(1000, 320, 40), 992);
	assert_int_equal(plan_pass_start(1000, 321, 40), 991);
	assert_int_equal(plan_pass_start(1000, 0, 40), 999);
	/* 100 unseen, 30 days left, margin 7: 23 days to see them, 5 a day. */
	assert_int_equal(plan_new_needed(100, 970, 1000, 7), 5);
	assert_int_equal(plan_new_needed(0, 970, 1000, 7), 0);
	/* Fewer days than the margin: all of them by the date. */
	assert_int_equal(plan_new_needed(100, 996, 1000, 7), 25);
	assert_int_equal(plan_new_needed(100, 1000, 1000, 7), 0);
}

/* FSRS-6 retrievability from the formula: R = (1 + f t / S)^-d with
 * d = w20 and f = 0.9^(-1/d) - 1, t in whole days. fsrs.c rounds f and R
 * to 8 decimals as ts-fsrs does, hence the tolerance of 2e-8. */
static double
independent_r(double w20, double stability, int64_t t)
{
	double f = pow(0.9, -1.0 / w20) - 1.0;
	return pow(1.0 + f * (double)t / stability, -w20);
}

static struct plan_card
review_card(double s, double d, int64_t last_day)
{
	struct plan_card c;

	memset(&c, 0, sizeof(c));
	c.sched.state = FSRS_REVIEW;
	c.sched.stability = s;
	c.sched.difficulty = d;
	c.sched.last_day = last_day;
	c.sched.last_review = last_day * FSRS_MS_PER_DAY + 3600000;
	c.sched.scheduled_days = (int32_t)(s > 1 ? s : 1);
	c.sched.due = c.sched.last_review + c.sched.scheduled_days * FSRS_MS_PER_DAY;
	c.sched.reps = 3;
	return c;
}

static void
test_recall_now_is_fsrs_retrievability(void **state)
{
	struct fsrs_params p;
	struct plan_card cards[5];
	struct plan pl;
	double want = 0;

	(void)state;
	fsrs_params_default(&p);
	cards[0] = review_card(3.0, 5.0, 990);
	cards[1] = review_card(40.0, 3.0, 995);
	cards[2] = review_card(0.5, 8.0, 999);
	cards[3] = review_card(12.25, 6.5, 1000);
	memset(&cards[4], 0, sizeof(cards[4])); /* unseen: 0 */
	for (int i = 0; i < 4; i++)
		want += independent_r(p.w[20], cards[i].sched.stability,
				      1030 - cards[i].sched.last_day);
	want /= 5;
	struct plan_in in = {.p = &p, .today = 1000, .date = 1030, .margin = 7, .budget = 50,
			     .new_per_day = 20, .cards = cards, .ncards = 5};
	plan_compute(&in, &pl);
	assert_true(fabs(pl.recall_now - want) < 2e-8);
	assert_int_equal(pl.total, 5);
	assert_int_equal(pl.unseen, 1);
	assert_int_equal(pl.review, 4);
	assert_int_equal(pl.learning, 0);
	assert_int_equal(pl.days_left, 30);
	assert_int_equal(pl.ndays, 30);
	assert_true(pl.recall_planned > pl.recall_now);
	assert_true(pl.recall_planned <= 1.0);
	plan_clear(&pl);

	/* Other weights: the same check with another decay. */
	double w[FSRS_NWEIGHTS];
	char err[128];
	memcpy(w, p.w, sizeof(w));
	w[20] = 0.35;
	assert_int_equal(fsrs_params_set_weights(&p, w, FSRS_NWEIGHTS, err, sizeof(err)), 0);
	want = 0;
	for (int i = 0; i < 4; i++)
		want += independent_r(0.35, cards[i].sched.stability, 1030 - cards[i].sched.last_day);
	want /= 5;
	plan_compute(&in, &pl);
	assert_true(fabs(pl.recall_now - want) < 2e-8);
	plan_clear(&pl);
}

/* Every card is seen by the date minus the margin, within the budget. */
static void
test_days_within_budget_and_margin(void **state)
{
	struct fsrs_params p;
	struct plan_card cards[300];
	struct plan pl;
	int fresh = 0, fresh_by_margin = 0;

	(void)state;
	fsrs_params_default(&p);
	memset(cards, 0, sizeof(cards));
	struct plan_in in = {.p = &p, .today = 2000, .date = 2030, .margin = 7, .budget = 40,
			     .new_per_day = 5, .cards = cards, .ncards = 300};
	plan_compute(&in, &pl);
	assert_int_equal(pl.unseen, 300);
	assert_int_equal(pl.new_per_day_needed, 14); /* 300 over 23 days */
	assert_false(pl.short_of_margin);
	assert_true(pl.recall_now == 0.0);
	assert_int_equal(pl.ndays, 30);
	assert_int_equal(pl.pass_start, 2030 - 8);
	assert_int_equal(pl.pass_cards, 300);
	for (size_t i = 0; i < pl.ndays; i++) {
		assert_int_equal(pl.days[i].day, 2000 + (int64_t)i);
		assert_true(pl.days[i].due + pl.days[i].fresh <= 40);
		assert_int_equal(pl.days[i].pass, pl.days[i].day >= pl.pass_start);
		fresh += pl.days[i].fresh;
		if (pl.days[i].day < 2030 - 7)
			fresh_by_margin += pl.days[i].fresh;
	}
	assert_int_equal(fresh, 300);
	assert_int_equal(fresh_by_margin, 300);
	/* Seen, reviewed and passed once more: high recall on the day. */
	assert_true(pl.recall_planned > 0.9);
	assert_true(pl.recall_planned <= 1.0);
	for (size_t i = 0; i < 300; i++)
		assert_true(pl.card_recall[i] > 0.0 && pl.card_recall[i] <= 1.0);
	plan_clear(&pl);
}

static void
test_fewer_days_than_margin(void **state)
{
	struct fsrs_params p;
	struct plan_card cards[60];
	struct plan pl;
	int fresh = 0;

	(void)state;
	fsrs_params_default(&p);
	memset(cards, 0, sizeof(cards));
	struct plan_in in = {.p = &p, .today = 500, .date = 503, .margin = 7, .budget = 50,
			     .new_per_day = 10, .cards = cards, .ncards = 60};
	plan_compute(&in, &pl);
	assert_true(pl.short_of_margin);
	assert_int_equal(pl.new_per_day_needed, 20);
	assert_int_equal(pl.ndays, 3);
	for (size_t i = 0; i < pl.ndays; i++)
		fresh += pl.days[i].fresh;
	assert_int_equal(fresh, 60);
	assert_true(pl.recall_planned > 0.5);
	plan_clear(&pl);

	/* The date is today or past: no days, nothing planned. */
	in.today = 503;
	plan_compute(&in, &pl);
	assert_int_equal(pl.days_left, 0);
	assert_int_equal(pl.ndays, 0);
	assert_true(pl.recall_planned == pl.recall_now);
	plan_clear(&pl);
	in.today = 510;
	plan_compute(&in, &pl);
	assert_int_equal(pl.days_left, -7);
	assert_int_equal(pl.ndays, 0);
	plan_clear(&pl);
}

/* A card likely forgotten by the date gains more from a review than one
 * that will still be known; a slower card gains less per second. */
static void
test_gain_per_second(void **state)
{
	struct fsrs_params p;
	struct plan_card weak = review_card(2.0, 7.0, 95), strong = review_card(200.0, 3.0, 95);
	struct fsrs_card fresh;

	(void)state;
	fsrs_params_default(&p);
	memset(&fresh, 0, sizeof(fresh));
	double gw = plan_gain_per_second(&p, &weak.sched, 10, 100, 110);
	double gs = plan_gain_per_second(&p, &strong.sched, 10, 100, 110);
	assert_true(gw > gs);
	assert_true(gs >= 0);
	assert_true(fabs(plan_gain_per_second(&p, &weak.sched, 20, 100, 110) - gw / 2) < 1e-15);
	assert_true(plan_gain_per_second(&p, &fresh, 10, 100, 110) == 0.0);
	/* Unknown time: PLAN_DEFAULT_SECONDS. */
	assert_true(fabs(plan_gain_per_second(&p, &weak.sched, 0, 100, 110) -
			 gw * 10 / PLAN_DEFAULT_SECONDS) < 1e-15);
}

/* Learning cards are counted and reviewed on the first day. */
static void
test_learning_cards(void **state)
{
	struct fsrs_params p;
	struct plan_card cards[2];
	struct plan pl;

	(void)state;
	fsrs_params_default(&p);
	memset(cards, 0, sizeof(cards));
	assert_int_equal(fsrs_review(&p, &cards[0].sched, 100 * FSRS_MS_PER_DAY, 100, FSRS_GOOD, 0,
				     &cards[0].sched, NULL), FSRS_OK);
	assert_int_equal(cards[0].sched.state, FSRS_LEARNING);
	struct plan_in in = {.p = &p, .today = 100, .date = 120, .margin = 7, .budget = 50,
			     .new_per_day = 0, .cards = cards, .ncards = 2};
	plan_compute(&in, &pl);
	assert_int_equal(pl.learning, 1);
	assert_int_equal(pl.unseen, 1);
	assert_int_equal(pl.days[0].due, 1);
	assert_int_equal(pl.days[0].fresh, 1); /* needed: 1 over 13 days */
	plan_clear(&pl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_pass_start_and_needed),
		cmocka_unit_test(test_recall_now_is_fsrs_retrievability),
		cmocka_unit_test(test_days_within_budget_and_margin),
		cmocka_unit_test(test_fewer_days_than_margin),
		cmocka_unit_test(test_gain_per_second),
		cmocka_unit_test(test_learning_cards),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* plan: see plan.h. */
#include "plan.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* A review in the plan happens at noon of its day; only whole days reach
 * the formulas, the hour only places (re)learning steps within the day. */
#define PLAN_NOON_MS INT64_C(43200000)

int64_t
plan_pass_start(int64_t date, int64_t ncards, int budget)
{
	int64_t b = budget > 0 ? budget : 1;
	int64_t days = (ncards + b - 1) / b;

	return date - (days > 0 ? days : 1);
}

int
plan_new_needed(int64_t unseen, int64_t today, int64_t date, int margin)
{
	int64_t days = date - margin - today;

	if (unseen <= 0)
		return 0;
	if (days < 1) /* fewer days than the margin: every card before the date */
		days = date - today;
	if (days < 1)
		return 0;
	int64_t n = (unseen + days - 1) / days;
	return n > 1000000 ? 1000000 : (int)n;
}

/* Reviews c with grade g on day, then, while it is on a (re)learning step,
 * with Good at each step's time: the card as it ends the day. */
static void
plan_review_day(const struct fsrs_params *p, const struct fsrs_card *c, enum fsrs_rating g,
		int64_t day, struct fsrs_card *out)
{
	struct fsrs_card x = *c;
	int64_t ms = day * FSRS_MS_PER_DAY + PLAN_NOON_MS;

	if (x.state != FSRS_NEW && x.last_review > ms)
		ms = x.last_review;
	if (x.state != FSRS_NEW && x.last_day > day)
		day = x.last_day;
	if (fsrs_review(p, &x, ms, day, g, 0, &x, NULL) != FSRS_OK) {
		*out = *c;
		return;
	}
	for (int i = 0; i < 2 * FSRS_MAX_STEPS &&
			(x.state == FSRS_LEARNING || x.state == FSRS_RELEARNING);
	     i++) {
		ms = x.due > ms ? x.due : ms;
		if (fsrs_review(p, &x, ms, day, FSRS_GOOD, 0, &x, NULL) != FSRS_OK)
			break;
	}
	*out = x;
}

/* The card after a review on day with the expected outcome: recalled
 * (Good) with probability *pr, else forgotten and relearned that day. */
static void
plan_expected(const struct fsrs_params *p, const struct fsrs_card *c, int64_t day,
	      struct fsrs_card *good, struct fsrs_card *fail, double *pr)
{
	*pr = c->state == FSRS_REVIEW ? fsrs_retrievability(p, c, day) : 1.0;
	plan_review_day(p, c, FSRS_GOOD, day, good);
	if (c->state == FSRS_REVIEW)
		plan_review_day(p, c, FSRS_AGAIN, day, fail);
	else
		*fail = *good;
}

double
plan_gain_per_second(const struct fsrs_params *p, const struct fsrs_card *c, double seconds,
		     int64_t day, int64_t date)
{
	struct fsrs_card good, fail;
	double pr, before, after;

	if (c->state == FSRS_NEW)
		return 0.0;
	before = fsrs_retrievability(p, c, date);
	plan_expected(p, c, day, &good, &fail, &pr);
	after = pr * fsrs_retrievability(p, &good, date) +
		(1 - pr) * fsrs_retrievability(p, &fail, date);
	return (after - before) / (seconds > 0 ? seconds : PLAN_DEFAULT_SECONDS);
}

/* One card in the simulation: the likely (recalled) branch drives the
 * schedule; the last review's two outcomes give its recall on the day. */
struct plan_sim {
	struct fsrs_card good, fail;
	double pr;      /* chance the last review was a recall */
	double seconds;
	double key;     /* sort key of the day */
	size_t index;
};

static int
plan_sim_cmp(const void *a, const void *b)
{
	const struct plan_sim *x = *(const struct plan_sim *const *)a;
	const struct plan_sim *y = *(const struct plan_sim *const *)b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static double
plan_sim_recall(const struct fsrs_params *p, const struct plan_sim *c, int64_t date)
{
	return c->pr * fsrs_retrievability(p, &c->good, date) +
	       (1 - c->pr) * fsrs_retrievability(p, &c->fail, date);
}

/* Is c to be reviewed on day (due, or not reviewed since the pass began)? */
static bool
plan_sim_due(const struct plan_sim *c, int64_t day, int64_t pass_start)
{
	const struct fsrs_card *g = &c->good;

	if (g->state == FSRS_NEW)
		return false;
	if (g->state != FSRS_REVIEW)
		return true;
	if (day >= pass_start && g->last_day < pass_start)
		return true;
	return g->last_day + g->scheduled_days <= day;
}

void
plan_compute(const struct plan_in *in, struct plan *out)
{
	struct fsrs_params p = *in->p;
	struct plan_sim *sim = NULL, **cand = NULL;
	size_t n = in->ncards, unseen_next = 0;
	int budget = in->budget > 0 ? in->budget : 1;
	double sum_now = 0, sum_plan = 0;

	memset(out, 0, sizeof(*out));
	p.fuzz = false; /* the plan is an expectation: no spread */
	out->days_left = in->date - in->today;
	out->total = (int)n;
	out->pass_cards = (int)n;
	out->pass_start = plan_pass_start(in->date, (int64_t)n, budget);
	for (size_t i = 0; i < n; i++) {
		const struct fsrs_card *c = &in->cards[i].sched;
		out->unseen += c->state == FSRS_NEW;
		out->learning += c->state == FSRS_LEARNING || c->state == FSRS_RELEARNING;
		out->review += c->state == FSRS_REVIEW;
		sum_now += fsrs_retrievability(&p, c, in->date);
	}
	out->recall_now = n ? sum_now / (double)n : 0.0;
	if (n > 0) {
		out->card_recall = xcalloc(n, sizeof(*out->card_recall));
		for (size_t i = 0; i < n; i++)
			out->card_recall[i] = fsrs_retrievability(&p, &in->cards[i].sched, in->date);
	}
	out->recall_planned = out->recall_now;
	out->short_of_margin = out->days_left < in->margin;
	out->new_per_day_needed = plan_new_needed(out->unseen, in->today, in->date, in->margin);
	if (out->days_left <= 0)
		return;

	/* Unseen cards first in input order, so the next new one is at unseen_next. */
	sim = xcalloc(n ? n : 1, sizeof(*sim));
	cand = xcalloc(n ? n : 1, sizeof(*cand));
	for (size_t i = 0, u = 0, s = (size_t)out->unseen; i < n; i++) {
		const struct plan_card *c = &in->cards[i];
		size_t at = c->sched.state == FSRS_NEW ? u++ : s++;
		sim[at].good = sim[at].fail = c->sched;
		sim[at].pr = 1.0;
		sim[at].seconds = c->seconds > 0 ? c->seconds : PLAN_DEFAULT_SECONDS;
		sim[at].index = i;
	}
	out->ndays = (size_t)out->days_left;
	out->days = xcalloc(out->ndays, sizeof(*out->days));
	for (int64_t day = in->today; day < in->date; day++) {
		struct plan_day *pd = &out->days[day - in->today];
		bool pass = day >= out->pass_start;
		size_t nc = 0;
		int left = budget;

		pd->day = day;
		pd->pass = pass;
		/* New cards first: at least new_per_day, more when needed to see
		 * every card in time; a card never seen counts 0 on the day, so
		 * the budget goes to them before reviews. */
		int quota = plan_new_needed((int64_t)out->unseen - (int64_t)unseen_next, day,
					    in->date, in->margin);
		if (quota < in->new_per_day)
			quota = in->new_per_day;
		if (day == in->today)
			quota -= in->new_seen_today;
		size_t first_new = unseen_next;
		for (; quota > 0 && left > 0 && unseen_next < (size_t)out->unseen;
		     quota--, left--, unseen_next++)
			pd->fresh++;
		/* Then due cards (and in the pass, every card not reviewed since
		 * it began): least retrievable first, or in the pass the largest
		 * expected gain on the day per second first, as the session. */
		for (size_t k = 0; k < n; k++) {
			struct plan_sim *c = &sim[k];
			if (!plan_sim_due(c, day, out->pass_start))
				continue;
			if (c->good.state != FSRS_REVIEW)
				c->key = -2.0; /* (re)learning first */
			else if (pass)
				c->key = -plan_gain_per_second(&p, &c->good, c->seconds, day, in->date);
			else
				c->key = fsrs_retrievability(&p, &c->good, day);
			cand[nc++] = c;
		}
		qsort(cand, nc, sizeof(*cand), plan_sim_cmp);
		for (size_t k = 0; k < nc && left > 0; k++, left--) {
			struct plan_sim *c = cand[k];
			struct fsrs_card before = c->good;
			plan_expected(&p, &before, day, &c->good, &c->fail, &c->pr);
			pd->due++;
		}
		for (size_t k = first_new; k < unseen_next; k++) {
			struct plan_sim *c = &sim[k];
			plan_review_day(&p, &c->good, FSRS_GOOD, day, &c->good);
			c->fail = c->good;
			c->pr = 1.0;
		}
	}
	for (size_t i = 0; i < n; i++) {
		double r = plan_sim_recall(&p, &sim[i], in->date);
		out->card_recall[sim[i].index] = r;
		sum_plan += r;
	}
	out->recall_planned = n ? sum_plan / (double)n : 0.0;
	free(cand);
	free(sim);
}

void
plan_clear(struct plan *pl)
{
	free(pl->days);
	free(pl->card_recall);
	pl->days = NULL;
	pl->card_recall = NULL;
	pl->ndays = 0;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static int64_t
plan_days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int
plan_parse_date(const char *text, int64_t *day)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d;

	if (strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
			return -1;
	y = atoi(text);
	m = atoi(text + 5);
	d = atoi(text + 8);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return -1;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return -1;
	*day = plan_days_from_civil(y, m, d);
	return 0;
}

void
plan_format_date(int64_t day, char *buf, size_t len)
{
	/* civil_from_days */
	int64_t z = day + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t y = yoe + era * 400;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int d = (int)(doy - (153 * mp + 2) / 5 + 1);
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);

	y += m <= 2;
	snprintf(buf, len, "%04lld-%02d-%02d", (long long)y, m, d);
}

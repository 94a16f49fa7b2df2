/*
 * plan_sim: does the interview plan (src/plan.c) beat plain FSRS?
 *
 * A simulated learner whose memory follows FSRS-6 with known parameters
 * (the defaults; the scheduler knows them) studies 300 cards, at most 40
 * reviews a day, for 14, 21 and 30 days before an interview date, over 20
 * seeds. Each review is recalled with probability R (Good) or forgotten
 * (Again); a first sight and every (re)learning step are Good; every
 * fsrs_review counts as one review. A day serves cards in the session's
 * order until the 40 are spent:
 *   plain FSRS (retention 0.90 or 0.95): due cards least retrievable
 *     first, then new cards, new_per_day 20;
 *   the plan (retention 0.90, budget 40, margin 7): new cards first (as
 *     the session serves them while a date is set), max(20,
 *     plan_new_needed) a day, then due cards; from the final pass's
 *     first day every review card not reviewed since the pass began is due
 *     too, largest expected gain on the day per second first.
 * Recall on the day is the learner's mean true R at the start of the
 * interview day over the 300 cards (unseen 0). Prints the means and says
 * whether the criterion holds: the plan beats plain FSRS at equal
 * reviews (within 2%), or matches its recall (within 0.5 points) with
 * fewer reviews.
 *
 *   cmake --build build --target bench_plan_sim && build/bench/bench_plan_sim
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsrs.h"
#include "plan.h"
#include "rng.h"

#define SIM_CARDS 300
#define SIM_CAP 40
#define SIM_SEEDS 20
#define SIM_NEW_PER_DAY 20
#define SIM_MARGIN 7
#define SIM_START 20000 /* day number of the first study day */

struct sim_result {
	double recall;  /* mean true R on the day */
	double reviews; /* reviews spent */
};

struct sim_card {
	struct fsrs_card c;
	double key;
	int index;
};

/* One review of card k on day: the outcome drawn from the learner's R,
 * then Good at every (re)learning step of the day. Returns reviews used. */
static int
sim_review(const struct fsrs_params *p, struct sim_card *k, int64_t day, struct rng *r,
	   int budget)
{
	int64_t ms = day * FSRS_MS_PER_DAY + 9 * 3600000LL;
	enum fsrs_rating g = FSRS_GOOD;
	int used = 0;

	if (k->c.state == FSRS_REVIEW && rng_unit(r) >= fsrs_retrievability(p, &k->c, day))
		g = FSRS_AGAIN;
	if (k->c.state != FSRS_NEW && k->c.last_review > ms)
		ms = k->c.last_review;
	fsrs_review(p, &k->c, ms, day, g, fsrs_fuzz_seed((uint64_t)k->index, k->c.reps + 1),
		    &k->c, NULL);
	used++;
	while (used < budget && (k->c.state == FSRS_LEARNING || k->c.state == FSRS_RELEARNING)) {
		ms = k->c.due > ms ? k->c.due : ms;
		fsrs_review(p, &k->c, ms, day, FSRS_GOOD,
			    fsrs_fuzz_seed((uint64_t)k->index, k->c.reps + 1), &k->c, NULL);
		used++;
	}
	return used;
}

static int
sim_cmp(const void *a, const void *b)
{
	const struct sim_card *x = *(const struct sim_card *const *)a;
	const struct sim_card *y = *(const struct sim_card *const *)b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->index - y->index;
}

static struct sim_result
sim_run(double retention, bool plan, int horizon, uint64_t seed)
{
	struct fsrs_params p;
	struct sim_card cards[SIM_CARDS], *cand[SIM_CARDS];
	struct rng r;
	int64_t date = SIM_START + horizon;
	int64_t pass_start = plan_pass_start(date, SIM_CARDS, SIM_CAP);
	int next_new = 0;
	struct sim_result res = {0, 0};

	fsrs_params_default(&p);
	p.retention = retention;
	p.fuzz = true;
	rng_seed(&r, seed);
	memset(cards, 0, sizeof(cards));
	for (int i = 0; i < SIM_CARDS; i++)
		cards[i].index = i;
	for (int64_t day = SIM_START; day < date; day++) {
		int left = SIM_CAP, quota = SIM_NEW_PER_DAY;
		size_t nc = 0;
		bool in_pass = plan && day >= pass_start;
		if (plan) {
			int need = plan_new_needed(SIM_CARDS - next_new, day, date, SIM_MARGIN);
			quota = need > quota ? need : quota;
			for (; quota > 0 && left > 0 && next_new < SIM_CARDS; quota--, next_new++)
				left -= sim_review(&p, &cards[next_new], day, &r, left);
		}
		int64_t day_end = (day + 1) * FSRS_MS_PER_DAY;
		for (int i = 0; i < next_new; i++) {
			struct sim_card *k = &cards[i];
			bool due = k->c.state != FSRS_REVIEW || k->c.due < day_end ||
				   (in_pass && k->c.last_day < pass_start);
			if (!due || k->c.last_day == day)
				continue;
			if (in_pass && k->c.state == FSRS_REVIEW)
				k->key = -plan_gain_per_second(&p, &k->c, 10.0, day, date);
			else if (k->c.state == FSRS_REVIEW)
				k->key = fsrs_retrievability(&p, &k->c, day) - 1.0;
			else
				k->key = -1e9; /* (re)learning first */
			cand[nc++] = k;
		}
		qsort(cand, nc, sizeof(*cand), sim_cmp);
		for (size_t i = 0; i < nc && left > 0; i++)
			left -= sim_review(&p, cand[i], day, &r, left);
		if (!plan)
			for (; quota > 0 && left > 0 && next_new < SIM_CARDS; quota--, next_new++)
				left -= sim_review(&p, &cards[next_new], day, &r, left);
		res.reviews += SIM_CAP - left;
	}
	for (int i = 0; i < SIM_CARDS; i++)
		res.recall += fsrs_retrievability(&p, &cards[i].c, date);
	res.recall /= SIM_CARDS;
	return res;
}

static struct sim_result
sim_mean(double retention, bool plan, int horizon)
{
	struct sim_result m = {0, 0};

	for (uint64_t s = 1; s <= SIM_SEEDS; s++) {
		struct sim_result x = sim_run(retention, plan, horizon, s);
		m.recall += x.recall / SIM_SEEDS;
		m.reviews += x.reviews / SIM_SEEDS;
	}
	return m;
}

int
main(void)
{
	static const int horizons[] = {14, 21, 30};
	static const double plain[] = {0.90, 0.95};
	bool all = true;

	printf("plan_sim: %d cards, at most %d reviews a day, means over %d seeds\n", SIM_CARDS,
	       SIM_CAP, SIM_SEEDS);
	printf("%-5s %-18s %16s %10s  %s\n", "days", "policy", "recall on the day", "reviews",
	       "criterion");
	for (size_t h = 0; h < sizeof(horizons) / sizeof(horizons[0]); h++) {
		struct sim_result pl = sim_mean(0.90, true, horizons[h]);
		printf("%-5d %-18s %16.4f %10.1f\n", horizons[h], "plan (0.90)", pl.recall,
		       pl.reviews);
		for (size_t k = 0; k < sizeof(plain) / sizeof(plain[0]); k++) {
			struct sim_result f = sim_mean(plain[k], false, horizons[h]);
			bool equal = fabs(pl.reviews - f.reviews) <= 0.02 * f.reviews;
			bool beats = equal && pl.recall > f.recall;
			bool matches = pl.reviews < f.reviews && pl.recall >= f.recall - 0.005;
			char name[32];
			snprintf(name, sizeof(name), "plain FSRS (%.2f)", plain[k]);
			printf("%-5d %-18s %16.4f %10.1f  %s\n", horizons[h], name, f.recall, f.reviews,
			       beats ? "met: plan beats it at equal reviews"
			       : matches ? "met: plan matches it with fewer reviews"
					 : "NOT met");
			all = all && (beats || matches);
		}
	}
	printf("criterion %s in every case\n", all ? "met" : "NOT met");
	return 0;
}

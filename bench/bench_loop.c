/*
 * bench_loop: the loop planner (loop_plan) on a bank of 40 stories drawn
 * over the 16 principles (each showing 1 to 4 of them, 0 to 5 coach
 * findings, seeded) for 8 interviewers: 2 principles each (16 slots), 4
 * each (32 slots: every principle twice), and a list of all 16; then the
 * largest input the planner takes (200 stories, 10 x 4 slots). Prints the
 * time of one plan for each: the best of the runs and the mean (issue 16:
 * under 100 ms for 40 stories x 16 principles x 8 interviewers).
 *
 *   bench_loop [--runs R]
 *
 * Only loop_plan is timed. Build without sanitizers: bench/run.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "loop.h"
#include "rng.h"

static double
bench_loop_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void
bench_loop_bank(struct loop_story *st, size_t n, uint64_t seed)
{
	struct rng r;

	rng_seed(&r, seed);
	for (size_t t = 0; t < n; t++) {
		int k = 1 + (int)rng_below(&r, 4);
		st[t].shows = 0;
		for (int i = 0; i < k; i++)
			st[t].shows |= 1u << rng_below(&r, PRINCIPLE_COUNT);
		st[t].level = rng_below(&r, 2) ? 7 : 6;
		st[t].cost = (int)rng_below(&r, 6);
		st[t].fits = rng_below(&r, 3) != 0;
	}
}

static void
bench_loop_run(const char *what, const struct loop_input *in, int runs)
{
	struct loop_plan pl;
	double best = 1e9, total = 0;

	for (int i = 0; i < runs; i++) {
		double t0 = bench_loop_now(), dt;
		loop_plan(in, &pl);
		dt = bench_loop_now() - t0;
		total += dt;
		if (dt < best)
			best = dt;
	}
	printf("%-44s %8.3f ms best  %8.3f ms mean  (%zu of %zu covered, %ld findings)\n", what,
	       best * 1e3, total / runs * 1e3, pl.covered, pl.slots, pl.findings);
}

int
main(int argc, char **argv)
{
	static struct loop_story st[LOOP_STORIES_MAX];
	int all[PRINCIPLE_COUNT], runs = 200;
	struct loop_input in = {st, 40, 8, 2, 7, NULL, 0};

	if (argc == 3 && strcmp(argv[1], "--runs") == 0 && atoi(argv[2]) > 0) {
		runs = atoi(argv[2]);
	} else if (argc != 1) {
		fprintf(stderr, "usage: bench_loop [--runs R]\n");
		return 2;
	}
	for (int p = 0; p < PRINCIPLE_COUNT; p++)
		all[p] = p;
	bench_loop_bank(st, LOOP_STORIES_MAX, 16);
	printf("loop_plan, %d runs each (target: under 100 ms for 40 x 16 x 8)\n", runs);
	bench_loop_run("40 stories, 8 interviewers x 2", &in, runs);
	in.per = 4;
	bench_loop_run("40 stories, 8 interviewers x 4 (32 slots)", &in, runs);
	in.per = 2;
	in.principles = all;
	in.nprinciples = PRINCIPLE_COUNT;
	bench_loop_run("40 stories, 8 x 2, the 16 principles listed", &in, runs);
	in.principles = NULL;
	in.nprinciples = 0;
	in.nstories = LOOP_STORIES_MAX;
	in.interviewers = LOOP_INTERVIEWERS_MAX;
	in.per = LOOP_PER_MAX;
	bench_loop_run("200 stories, 10 interviewers x 4 (the most)", &in, runs);
	return 0;
}

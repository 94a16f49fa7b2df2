/*
 * bench_fsrs: replays 1,000,000 synthetic reviews (50,000 cards x 20) through
 * drill's FSRS-6 module, then the same history through ts-fsrs 5.4.2 in
 * Node (bench/ts_replay.mjs), and prints both times and the ratio. The two
 * replays must agree: the sum of all intervals and of the final stabilities
 * are compared, so a fast but wrong scheduler cannot pass.
 *
 *   bench_fsrs [--cards N] [--reviews-per-card K] [--runs R] [--no-node]
 *
 * Only the replay loop is timed (no parsing, no output). Build in Release:
 * bench/run_fsrs.sh.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fsrs.h"
#include "rng.h"
#include "util.h"

#ifndef DRILL_BENCH_DIR
#define DRILL_BENCH_DIR "bench"
#endif

struct bench_fsrs_review {
	int64_t ms;  /* unix ms UTC */
	int32_t card;
	int32_t rating;
};

struct bench_fsrs_sum {
	int64_t days;     /* sum of every scheduled_days */
	double stability; /* sum of the cards' final stability */
	int64_t lapses;   /* sum of the cards' final lapses */
};

static double
bench_fsrs_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* A deterministic history: card-major, times increasing within a card,
 * with same-day steps, on-time-ish reviews and long gaps. */
static struct bench_fsrs_review *
bench_fsrs_history(size_t cards, size_t per_card)
{
	struct bench_fsrs_review *h = xmalloc(cards * per_card * sizeof *h);
	struct rng r;
	size_t c, j, k = 0;

	rng_seed(&r, 20260301);
	for (c = 0; c < cards; c++) {
		int64_t t = INT64_C(1700000000000) +
			    (int64_t)rng_below(&r, 365) * 86400000 +
			    (int64_t)rng_below(&r, 86400) * 1000;

		for (j = 0; j < per_card; j++) {
			uint64_t g = rng_below(&r, 100);

			if (j > 0) {
				if (rng_below(&r, 100) < 20)
					t += (int64_t)(1 + rng_below(&r, 120)) * 60000;
				else
					t += (int64_t)(1 + rng_below(&r, 4 * (j + 1))) * 86400000 +
					     (int64_t)rng_below(&r, 3600) * 1000;
			}
			h[k].ms = t;
			h[k].card = (int32_t)c;
			h[k].rating = g < 10 ? 1 : g < 25 ? 2 : g < 85 ? 3 : 4;
			k++;
		}
	}
	return h;
}

static void
bench_fsrs_replay(const struct fsrs_params *p, const struct bench_fsrs_review *h,
		  size_t n, struct bench_fsrs_sum *sum)
{
	struct fsrs_card card = {0};
	int32_t cur = -1;
	size_t i;

	memset(sum, 0, sizeof *sum);
	for (i = 0; i < n; i++) {
		if (h[i].card != cur) {
			if (cur >= 0) {
				sum->stability += card.stability;
				sum->lapses += card.lapses;
			}
			memset(&card, 0, sizeof card);
			cur = h[i].card;
		}
		if (fsrs_review(p, &card, h[i].ms, fsrs_day_number(h[i].ms, 0, 0),
				(enum fsrs_rating)h[i].rating, 0, &card, NULL) != FSRS_OK) {
			fprintf(stderr, "bench_fsrs: review %zu refused\n", i);
			exit(1);
		}
		sum->days += card.scheduled_days;
	}
	if (cur >= 0) {
		sum->stability += card.stability;
		sum->lapses += card.lapses;
	}
}

static int
bench_fsrs_write(const char *path, const struct bench_fsrs_review *h, size_t n)
{
	FILE *f = fopen(path, "w");
	size_t i;

	if (f == NULL)
		return -1;
	for (i = 0; i < n; i++)
		fprintf(f, "%" PRId32 "\t%" PRId64 "\t%" PRId32 "\n", h[i].card, h[i].ms,
			h[i].rating);
	return fclose(f) == 0 ? 0 : -1;
}

/* Runs the Node replay; fills its best time and checksums. */
static int
bench_fsrs_node(const char *hist, int runs, double *secs, struct bench_fsrs_sum *sum,
		char *version, size_t vlen)
{
	char cmd[1024], line[512];
	FILE *pp;
	int got = 0;

	snprintf(cmd, sizeof cmd, "node '%s/ts_replay.mjs' '%s' %d", DRILL_BENCH_DIR, hist,
		 runs);
	pp = popen(cmd, "r");
	if (pp == NULL)
		return -1;
	while (fgets(line, sizeof line, pp) != NULL) {
		long long days, lapses;
		char v[64];

		if (sscanf(line, "result %lf %lld %lf %lld %63s", secs, &days, &sum->stability,
			   &lapses, v) == 5) {
			sum->days = days;
			sum->lapses = lapses;
			snprintf(version, vlen, "%s", v);
			got = 1;
		} else {
			fputs(line, stderr);
		}
	}
	if (pclose(pp) != 0 || !got)
		return -1;
	return 0;
}

int
main(int argc, char **argv)
{
	size_t cards = 50000, per_card = 20, n;
	int runs = 5, node_runs = 2, use_node = 1, i;
	struct bench_fsrs_review *h;
	struct bench_fsrs_sum csum, nsum;
	struct fsrs_params p;
	double best = INFINITY, total = 0.0, nsecs = 0.0;
	char hist[] = "/tmp/bench_fsrs_XXXXXX", version[64] = "?";
	int fd;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--cards") == 0 && i + 1 < argc)
			cards = (size_t)strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--reviews-per-card") == 0 && i + 1 < argc)
			per_card = (size_t)strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
			runs = atoi(argv[++i]);
		else if (strcmp(argv[i], "--no-node") == 0)
			use_node = 0;
		else {
			fprintf(stderr, "usage: bench_fsrs [--cards N] [--reviews-per-card K] "
					"[--runs R] [--no-node]\n");
			return 2;
		}
	}
	if (cards == 0 || per_card == 0 || runs < 1)
		return 2;
	n = cards * per_card;
	h = bench_fsrs_history(cards, per_card);
	fsrs_params_default(&p);

	for (i = 0; i < runs; i++) {
		double t0 = bench_fsrs_now(), dt;

		bench_fsrs_replay(&p, h, n, &csum);
		dt = bench_fsrs_now() - t0;
		total += dt;
		if (dt < best)
			best = dt;
	}
	printf("history: %zu cards x %zu reviews = %zu reviews (default parameters, fuzz off)\n",
	       cards, per_card, n);
	printf("C   drill fsrs:   best %.3f s, mean %.3f s over %d runs (%.0f ns/review)\n",
	       best, total / runs, runs, best * 1e9 / (double)n);
	printf("    checksum: intervals %" PRId64 ", stability %.6f, lapses %" PRId64 "\n",
	       csum.days, csum.stability, csum.lapses);
	if (!use_node) {
		free(h);
		return 0;
	}
	fd = mkstemp(hist);
	if (fd < 0 || close(fd) != 0 || bench_fsrs_write(hist, h, n) != 0) {
		fprintf(stderr, "bench_fsrs: cannot write %s: %s\n", hist, strerror(errno));
		free(h);
		return 1;
	}
	free(h);
	if (bench_fsrs_node(hist, node_runs, &nsecs, &nsum, version, sizeof version) != 0) {
		fprintf(stderr, "bench_fsrs: the Node replay failed (npm ci in tests/fsrs?)\n");
		unlink(hist);
		return 1;
	}
	unlink(hist);
	printf("Node ts-fsrs %s: best %.3f s over %d runs (%.0f ns/review)\n", version, nsecs,
	       node_runs, nsecs * 1e9 / (double)n);
	printf("    checksum: intervals %" PRId64 ", stability %.6f, lapses %" PRId64 "\n",
	       nsum.days, nsum.stability, nsum.lapses);
	printf("ratio: C is %.1fx faster than ts-fsrs\n", nsecs / best);
	if (nsum.days != csum.days || nsum.lapses != csum.lapses ||
	    fabs(nsum.stability - csum.stability) > 1e-6 * (double)cards) {
		fprintf(stderr, "bench_fsrs: the two replays disagree\n");
		return 1;
	}
	printf("the two replays agree\n");
	return 0;
}

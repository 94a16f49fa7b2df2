/*
 * Unit tests for the loop planner (src/loop.c): its plans are optimal,
 * checked against an exhaustive search on many small seeded random cases,
 * and the edge cases (no stories, more slots than principles, one story
 * that shows everything, ties, the order of the goals).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "loop.h"
#include "principles.h"
#include "rng.h"
#include "util.h"

/* Principle indices, for reading the tests. */
enum {
	CO = 0,
	OWN = 1,
	IAS = 2,
	ARAL = 3,
	LBC = 4,
	HDB = 5,
	IHS = 6,
	TB = 7,
	BFA = 8,
	FRUGAL = 9,
	ET = 10,
	DD = 11,
	HBDC = 12,
	DR = 13,
	SEBE = 14,
	SSBBR = 15
};

#define BIT(p) (1u << (p))

/*
 * What a plan achieves, goal by goal (loop.h), computed from the plan
 * itself and not from the planner's weights: covered (more is better),
 * findings (fewer), fits (more), asked (the importance of the principles
 * asked: more), rank_covered (of those with a story: more), tie (stories
 * early in the bank: more).
 */
struct score {
	long covered, findings, fits, asked, rank_covered, tie;
};

/* a better than b: 1, worse: -1, equal: 0 */
static int
score_cmp(const struct score *a, const struct score *b)
{
	const long av[] = {a->covered, -a->findings, a->fits, a->asked, a->rank_covered, a->tie};
	const long bv[] = {b->covered, -b->findings, b->fits, b->asked, b->rank_covered, b->tie};

	for (size_t i = 0; i < ARRAY_LEN(av); i++)
		if (av[i] != bv[i])
			return av[i] > bv[i] ? 1 : -1;
	return 0;
}

static long
pref(const struct loop_input *in, int p)
{
	return PRINCIPLE_COUNT - 1 - loop_rank(in, p);
}

static bool
fits(const struct loop_input *in, int t)
{
	return in->stories[t].level == in->level && in->stories[t].fits;
}

static struct score
plan_score(const struct loop_input *in, const struct loop_plan *pl)
{
	struct score s = {0};

	for (int i = 0; i < pl->interviewers; i++) {
		for (size_t j = 0; j < pl->nslots[i]; j++) {
			const struct loop_slot *sl = &pl->slot[i][j];
			s.asked += pref(in, sl->principle);
			if (sl->story < 0)
				continue;
			s.covered++;
			s.findings += in->stories[sl->story].cost;
			s.fits += fits(in, sl->story);
			s.rank_covered += pref(in, sl->principle);
			s.tie += (long)in->nstories - sl->story;
		}
	}
	return s;
}

/* ------------------------------------------------------------------ */
/* The exhaustive search                                               */

/*
 * Every way to give each story a principle it shows, or none, within what
 * the loop may ask: with a list, each listed principle once; without, each
 * principle at most m + 1 times (m = N*K/16), and no more than N*K % 16 of
 * them m + 1 times. The slots without a story are then the most important
 * principles still free (which is best, since that goal is a plain sum).
 */
struct brute {
	const struct loop_input *in;
	int use[LOOP_STORIES_MAX]; /* principle per story, -1: unused */
	int times[PRINCIPLE_COUNT];
	struct score best;
	bool any;
};

static void
brute_leaf(struct brute *b)
{
	const struct loop_input *in = b->in;
	struct score s = {0};
	int nk = in->interviewers * in->per, m = nk / PRINCIPLE_COUNT;

	for (size_t t = 0; t < in->nstories; t++) {
		int p = b->use[t];
		if (p < 0)
			continue;
		s.covered++;
		s.findings += in->stories[t].cost;
		s.fits += fits(in, (int)t);
		s.rank_covered += pref(in, p);
		s.tie += (long)in->nstories - (long)t;
	}
	if (in->principles != NULL) {
		for (size_t i = 0; i < in->nprinciples; i++)
			s.asked += pref(in, in->principles[i]);
	} else {
		int extra = nk;
		bool taken[PRINCIPLE_COUNT] = {false};
		for (int p = 0; p < PRINCIPLE_COUNT; p++) {
			int c = b->times[p] > m ? b->times[p] : m;
			s.asked += c * pref(in, p);
			extra -= c;
			taken[p] = b->times[p] > m;
		}
		for (; extra > 0; extra--) {
			int best = -1;
			for (int p = 0; p < PRINCIPLE_COUNT; p++)
				if (!taken[p] && (best < 0 || pref(in, p) > pref(in, best)))
					best = p;
			assert_true(best >= 0);
			taken[best] = true;
			s.asked += pref(in, best);
		}
	}
	if (!b->any || score_cmp(&s, &b->best) > 0)
		b->best = s;
	b->any = true;
}

static bool
brute_allowed(const struct brute *b, int p)
{
	const struct loop_input *in = b->in;
	int nk = in->interviewers * in->per, m = nk / PRINCIPLE_COUNT, r = nk % PRINCIPLE_COUNT;
	int full = 0;

	if (in->principles != NULL)
		return loop_rank(in, p) >= 0 && b->times[p] == 0;
	if (b->times[p] < m)
		return true;
	if (r == 0 || b->times[p] > m)
		return false;
	for (int q = 0; q < PRINCIPLE_COUNT; q++)
		full += b->times[q] > m;
	return full < r;
}

static void
brute_story(struct brute *b, size_t t)
{
	if (t == b->in->nstories) {
		brute_leaf(b);
		return;
	}
	b->use[t] = -1;
	brute_story(b, t + 1);
	for (int p = 0; p < PRINCIPLE_COUNT; p++) {
		if (!(b->in->stories[t].shows & BIT(p)) || !brute_allowed(b, p))
			continue;
		b->use[t] = p;
		b->times[p]++;
		brute_story(b, t + 1);
		b->times[p]--;
	}
	b->use[t] = -1;
}

static struct score
brute_best(const struct loop_input *in)
{
	struct brute b = {.in = in};

	brute_story(&b, 0);
	assert_true(b.any);
	return b.best;
}

/* ------------------------------------------------------------------ */

/* Plans in, checks the plan is feasible and scores it. */
static struct score
plan(const struct loop_input *in, struct loop_plan *pl)
{
	assert_true(loop_input_is_valid(in));
	loop_plan(in, pl);
	assert_true(loop_plan_is_valid(in, pl));
	return plan_score(in, pl);
}

/* A random bank drawn from a pool of a few principles, so that stories
 * compete for them, and a random loop. */
static void
random_case(struct rng *r, struct loop_story *st, struct loop_input *in, int *list)
{
	int pool[PRINCIPLE_COUNT], npool = 2 + (int)rng_below(r, 9);
	int perm[PRINCIPLE_COUNT];

	for (int i = 0; i < PRINCIPLE_COUNT; i++)
		perm[i] = i;
	for (int i = PRINCIPLE_COUNT - 1; i > 0; i--) {
		int j = (int)rng_below(r, (uint64_t)i + 1), x = perm[i];
		perm[i] = perm[j];
		perm[j] = x;
	}
	memcpy(pool, perm, sizeof(pool));
	memset(in, 0, sizeof(*in));
	in->nstories = rng_below(r, 7);
	for (size_t t = 0; t < in->nstories; t++) {
		int k = 1 + (int)rng_below(r, 3);
		st[t].shows = 0;
		for (int i = 0; i < k; i++)
			st[t].shows |= BIT(pool[rng_below(r, (uint64_t)npool)]);
		st[t].level = rng_below(r, 2) ? 7 : 6;
		st[t].cost = (int)rng_below(r, 4);
		st[t].fits = rng_below(r, 2) != 0;
	}
	in->stories = st;
	in->level = rng_below(r, 2) ? 7 : 6;
	/* mostly the sizes of real loops; now and then more slots than principles */
	if (rng_below(r, 5) == 0) {
		in->interviewers = 5 + (int)rng_below(r, 6);
		in->per = 3 + (int)rng_below(r, 2);
	} else {
		in->interviewers = 1 + (int)rng_below(r, 6);
		in->per = 1 + (int)rng_below(r, 3);
	}
	if (rng_below(r, 3) == 0) {
		int nk = in->interviewers * in->per;
		size_t n = 1 + rng_below(r, (uint64_t)(nk < 6 ? nk : 6));
		/* the pool first, so the list competes for the stories */
		for (size_t i = 0; i < n; i++)
			list[i] = perm[i];
		for (size_t i = 0; i + 1 < n; i++) {
			size_t j = i + rng_below(r, n - i);
			int x = list[i];
			list[i] = list[j];
			list[j] = x;
		}
		in->principles = list;
		in->nprinciples = n;
	}
}

/* Optimal on 3000 seeded random cases, and the suggestion raises the coverage. */
static void
test_brute_force(void **state)
{
	(void)state;
	struct rng r;
	size_t forced = 0, many = 0, uncovered = 0;

	rng_seed(&r, 16);
	for (int c = 0; c < 3000; c++) {
		struct loop_story st[8];
		int list[PRINCIPLE_COUNT];
		struct loop_input in;
		struct loop_plan pl;
		struct score got, want;

		random_case(&r, st, &in, list);
		got = plan(&in, &pl);
		want = brute_best(&in);
		if (score_cmp(&got, &want) != 0)
			fail_msg("case %d: plan scores (%ld %ld %ld %ld %ld %ld), the best is (%ld "
				 "%ld %ld %ld %ld %ld)",
				 c, got.covered, got.findings, got.fits, got.asked,
				 got.rank_covered, got.tie, want.covered, want.findings, want.fits,
				 want.asked, want.rank_covered, want.tie);
		forced += in.principles != NULL;
		many += in.interviewers * in.per > PRINCIPLE_COUNT;
		if (pl.suggestion >= 0) {
			/* the best story one could write for it covers one more slot */
			struct loop_plan more;
			st[in.nstories] =
			    (struct loop_story){in.level, BIT(pl.suggestion), 0, true};
			in.nstories++;
			loop_plan(&in, &more);
			assert_int_equal(more.covered, pl.covered + 1);
			uncovered++;
		}
	}
	/* the draw reached every kind of case */
	assert_true(forced > 500 && many > 300 && uncovered > 1000);
}

/* The same input gives the same plan, byte for byte. */
static void
test_deterministic(void **state)
{
	(void)state;
	struct rng r;

	rng_seed(&r, 7);
	for (int c = 0; c < 200; c++) {
		struct loop_story st[8];
		int list[PRINCIPLE_COUNT];
		struct loop_input in;
		struct loop_plan a, b;

		random_case(&r, st, &in, list);
		loop_plan(&in, &a);
		loop_plan(&in, &b);
		assert_memory_equal(&a, &b, sizeof(a));
	}
}

/* No stories: the loop asks the principles stressed for the level, none covered. */
static void
test_no_stories(void **state)
{
	(void)state;
	struct loop_input in = {NULL, 0, 5, 2, 7, NULL, 0};
	struct loop_plan pl;
	bool asked[PRINCIPLE_COUNT] = {false};

	plan(&in, &pl);
	assert_int_equal(pl.slots, 10);
	assert_int_equal(pl.covered, 0);
	assert_int_equal(pl.nuncovered, 10);
	for (int i = 0; i < 5; i++)
		for (size_t j = 0; j < 2; j++)
			asked[pl.slot[i][j].principle] = true;
	for (int i = 0; i < LOOP_STRESSED; i++)
		assert_true(asked[loop_stressed(7)[i]]);
	/* the most important in turn: the first interviewer asks Think Big */
	assert_int_equal(pl.slot[0][0].principle, TB);
	assert_int_equal(pl.slot[1][0].principle, OWN);
	assert_int_equal(pl.suggestion, TB);
}

/* 10 interviewers x 4: every principle twice, eight of them three times,
 * never twice by one interviewer; the stories each used once. */
static void
test_more_slots_than_principles(void **state)
{
	(void)state;
	struct loop_story st[3] = {
	    {6, BIT(DR) | BIT(CO), 0, true}, {6, BIT(DR), 1, true}, {7, BIT(TB), 0, true}};
	struct loop_input in = {st, 3, 10, 4, 6, NULL, 0};
	struct loop_plan pl;
	int times[PRINCIPLE_COUNT] = {0}, thrice = 0;

	plan(&in, &pl);
	assert_int_equal(pl.slots, 40);
	assert_int_equal(pl.covered, 3);
	for (int i = 0; i < 10; i++)
		for (size_t j = 0; j < 4; j++)
			times[pl.slot[i][j].principle]++;
	for (int p = 0; p < PRINCIPLE_COUNT; p++) {
		assert_true(times[p] == 2 || times[p] == 3);
		thrice += times[p] == 3;
	}
	assert_int_equal(thrice, 8);
	/* and a list longer than the bank: what cannot be covered is listed */
	{
		int list[] = {DR, TB, CO, DD, ET};
		struct loop_input l = {st, 3, 3, 2, 6, list, 5};
		plan(&l, &pl);
		assert_int_equal(pl.slots, 5);
		assert_int_equal(pl.covered, 3);
		assert_int_equal(pl.nuncovered, 2);
		assert_int_equal(pl.uncovered[0], DD);
		assert_int_equal(pl.uncovered[1], ET);
		/* spread in turn: 2, 2 and 1 */
		assert_int_equal(pl.nslots[0], 2);
		assert_int_equal(pl.nslots[2], 1);
		assert_int_equal(pl.slot[0][0].principle, DR);
		assert_int_equal(pl.slot[1][0].principle, TB);
		assert_int_equal(pl.slot[0][1].principle, DD);
	}
}

/* One story shows everything: it covers one slot, the most important. */
static void
test_one_story_shows_all(void **state)
{
	(void)state;
	struct loop_story st[1] = {{6, 0xffffu, 2, true}};
	struct loop_input in = {st, 1, 5, 2, 6, NULL, 0};
	struct loop_plan pl;

	plan(&in, &pl);
	assert_int_equal(pl.covered, 1);
	assert_int_equal(pl.findings, 2);
	assert_int_equal(pl.slot[0][0].principle, DR);
	assert_int_equal(pl.slot[0][0].story, 0);
	assert_int_equal(pl.nuncovered, 9);
	/* every principle is shown by one story: the next most important */
	assert_int_equal(pl.suggestion, HDB);
}

/* Equal stories: the one earlier in the bank. */
static void
test_ties(void **state)
{
	(void)state;
	struct loop_story st[3] = {
	    {6, BIT(DD), 1, true}, {6, BIT(DD), 1, true}, {6, BIT(DD), 1, true}};
	int list[] = {DD};
	struct loop_input in = {st, 3, 1, 1, 6, list, 1};
	struct loop_plan pl;

	plan(&in, &pl);
	assert_int_equal(pl.slot[0][0].story, 0);
	assert_int_equal(pl.suggestion, -1);
	/* one story for two principles: the more important gets it */
	{
		struct loop_story one[1] = {{6, BIT(DD) | BIT(ET), 0, true}};
		int l2[] = {ET, DD};
		struct loop_input i2 = {one, 1, 2, 1, 6, l2, 2};
		plan(&i2, &pl);
		assert_int_equal(pl.slot[0][0].principle, ET);
		assert_int_equal(pl.slot[0][0].story, 0);
		assert_int_equal(pl.slot[1][0].story, -1);
		l2[0] = DD;
		l2[1] = ET;
		plan(&i2, &pl);
		assert_int_equal(pl.slot[0][0].principle, DD);
		assert_int_equal(pl.slot[0][0].story, 0);
	}
}

/* The goals in order: coverage before findings, findings before the level fit. */
static void
test_goal_order(void **state)
{
	(void)state;
	struct loop_plan pl;
	{
		/* the flawed story is needed to cover both */
		struct loop_story st[2] = {{6, BIT(DD) | BIT(ET), 5, true}, {6, BIT(DD), 0, true}};
		int list[] = {DD, ET};
		struct loop_input in = {st, 2, 1, 2, 6, list, 2};
		plan(&in, &pl);
		assert_int_equal(pl.covered, 2);
		assert_int_equal(pl.findings, 5);
		assert_int_equal(pl.slot[0][0].story, 1);
		assert_int_equal(pl.slot[0][1].story, 0);
	}
	{
		/* no finding beats a fit; a fit beats the bank's order */
		struct loop_story st[3] = {
		    {6, BIT(DD), 1, true}, {6, BIT(DD), 0, false}, {7, BIT(ET), 0, true}};
		int list[] = {DD};
		struct loop_input in = {st, 3, 1, 1, 6, list, 1};
		plan(&in, &pl);
		assert_int_equal(pl.slot[0][0].story, 1);
		st[1].cost = 1;
		plan(&in, &pl);
		assert_int_equal(pl.slot[0][0].story, 0);
		/* an L7 story does not fit an L6 loop, whatever its figure */
		st[0].level = 7;
		plan(&in, &pl);
		assert_int_equal(pl.slot[0][0].story, 0);
		assert_int_equal(pl.fits, 0);
	}
	{
		/* coverage before the stressed principles: L7 without a list, one slot */
		struct loop_story st[1] = {{7, BIT(FRUGAL), 0, true}};
		struct loop_input in = {st, 1, 1, 1, 7, NULL, 0};
		plan(&in, &pl);
		assert_int_equal(pl.slot[0][0].principle, FRUGAL);
		assert_int_equal(pl.suggestion, -1);
		assert_int_equal(pl.nuncovered, 0);
	}
}

/* The suggestion: the uncovered principle the fewest stories show. */
static void
test_suggestion(void **state)
{
	(void)state;
	/* Think Big is shown by a story used elsewhere; Ownership by none */
	struct loop_story st[1] = {{7, BIT(TB) | BIT(HBDC), 0, true}};
	int list[] = {HBDC, TB, OWN};
	struct loop_input in = {st, 1, 3, 1, 7, list, 3};
	struct loop_plan pl;

	plan(&in, &pl);
	assert_int_equal(pl.slot[0][0].story, 0);
	assert_int_equal(pl.nuncovered, 2);
	assert_int_equal(pl.suggestion, OWN);
}

static void
test_rank(void **state)
{
	(void)state;
	for (int level = 6; level <= 7; level++) {
		struct loop_input in = {NULL, 0, 1, 1, level, NULL, 0};
		bool seen[PRINCIPLE_COUNT] = {false};
		for (int p = 0; p < PRINCIPLE_COUNT; p++) {
			int r = loop_rank(&in, p);
			assert_true(r >= 0 && r < PRINCIPLE_COUNT && !seen[r]);
			seen[r] = true;
		}
		for (int i = 0; i < LOOP_STRESSED; i++)
			assert_int_equal(loop_rank(&in, loop_stressed(level)[i]), i);
	}
	{
		struct loop_input in = {NULL, 0, 1, 1, 6, NULL, 0};
		assert_int_equal(loop_rank(&in, DR), 0);
		assert_int_equal(loop_rank(&in, ARAL), LOOP_STRESSED); /* first of the rest */
		assert_int_equal(loop_rank(&in, SSBBR), PRINCIPLE_COUNT - 1);
		in.level = 7;
		assert_int_equal(loop_rank(&in, TB), 0);
	}
}

static void
test_input_valid(void **state)
{
	(void)state;
	struct loop_story st[1] = {{6, BIT(DD), 0, true}};
	int twice[] = {DD, DD}, three[] = {DD, ET, CO};
	struct loop_input in = {st, 1, 5, 2, 6, NULL, 0};

	assert_true(loop_input_is_valid(&in));
	in.interviewers = 0;
	assert_false(loop_input_is_valid(&in));
	in.interviewers = 11;
	assert_false(loop_input_is_valid(&in));
	in.interviewers = 1;
	in.per = 5;
	assert_false(loop_input_is_valid(&in));
	in.per = 2;
	in.level = 8;
	assert_false(loop_input_is_valid(&in));
	in.level = 6;
	in.principles = twice;
	in.nprinciples = 2;
	assert_false(loop_input_is_valid(&in));
	in.principles = three; /* three do not fit one interviewer x 2 */
	in.nprinciples = 3;
	assert_false(loop_input_is_valid(&in));
	in.principles = NULL;
	in.nprinciples = 0;
	st[0].cost = LOOP_COST_MAX + 1;
	assert_false(loop_input_is_valid(&in));
}

static void
test_read_principles(void **state)
{
	(void)state;
	int out[PRINCIPLE_COUNT];
	size_t n;
	char err[256];

	assert_int_equal(loop_read_principles(" Dive Deep;Have Backbone; Disagree and Commit ; ET",
					      out, &n, err, sizeof(err)),
			 0);
	assert_int_equal(n, 3);
	assert_int_equal(out[0], DD);
	assert_int_equal(out[1], HBDC);
	assert_int_equal(out[2], ET);
	assert_int_equal(loop_read_principles("Backbone;think big", out, &n, err, sizeof(err)), 0);
	assert_int_equal(n, 2);
	assert_int_equal(out[1], TB);

	assert_int_equal(loop_read_principles("Dive Deeper", out, &n, err, sizeof(err)), -1);
	assert_string_equal(err, "unknown leadership principle 'Dive Deeper': did you mean "
				 "'Dive Deep'?");
	assert_int_equal(n, 0);
	assert_int_equal(loop_read_principles("Ownership; xyzzy", out, &n, err, sizeof(err)), -1);
	assert_string_equal(err, "unknown leadership principle 'xyzzy': write one of the 16 names "
				 "or a short form (docs/stories.md lists them)");
	assert_int_equal(loop_read_principles("DD; Dive Deep", out, &n, err, sizeof(err)), -1);
	assert_string_equal(err, "leadership principle 'Dive Deep' is named twice; name it once");
	assert_int_equal(loop_read_principles(" ; ", out, &n, err, sizeof(err)), -1);
	assert_string_equal(err, "no principle named: write names separated by ';', e.g. \"Dive "
				 "Deep; Earn Trust\"");
	assert_int_equal(loop_read_principles("", out, &n, NULL, 0), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_brute_force),
	    cmocka_unit_test(test_deterministic),
	    cmocka_unit_test(test_no_stories),
	    cmocka_unit_test(test_more_slots_than_principles),
	    cmocka_unit_test(test_one_story_shows_all),
	    cmocka_unit_test(test_ties),
	    cmocka_unit_test(test_goal_order),
	    cmocka_unit_test(test_suggestion),
	    cmocka_unit_test(test_rank),
	    cmocka_unit_test(test_input_valid),
	    cmocka_unit_test(test_read_principles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

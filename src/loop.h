/*
 * loop: plans an interview loop from a bank of stories (drill loop). N
 * interviewers ask K leadership principles each; every principle asked
 * gets one story, and no story is told twice in the loop.
 *
 * The goals, in strict order (lexicographic):
 *   1. the most principles covered (asked, with a story);
 *   2. the fewest coach findings over the stories chosen;
 *   3. the most stories that fit the loop's level;
 *   4. the principles asked: those stressed for the level first (or, with
 *      a list given, the whole list); then, among those, a story for the
 *      more important ones (loop_rank);
 *   5. stories earlier in the bank.
 * The plan is optimal, not a guess: the goals are one integer weight and
 * the plan a maximum-weight matching of principle slots to stories, found
 * by a min-cost flow (successive shortest paths with potentials).
 *
 * Owns: struct loop_plan (plain data, fixed arrays), the preference order
 * of the 16 principles for each level, the solver. Pure: no I/O, no
 * clock, no globals; allocates working memory only inside loop_plan, and
 * frees it before returning. Used by cmd_loop.c, the unit tests and bench.
 *
 * Ownership: every pointer argument is borrowed for the call; the plan is
 * the caller's (it holds no pointers).
 */
#ifndef DRILL_LOOP_H
#define DRILL_LOOP_H

#include <stdbool.h>
#include <stddef.h>

#include "principles.h"

#define LOOP_INTERVIEWERS_MAX 10
#define LOOP_PER_MAX 4
#define LOOP_SLOTS_MAX (LOOP_INTERVIEWERS_MAX * LOOP_PER_MAX)
/* Bounds that keep the one integer weight within 64 bits. */
#define LOOP_STORIES_MAX 200
#define LOOP_COST_MAX 100
/* How many principles are stressed for a level (loop_stressed). */
#define LOOP_STRESSED 8

/* One story as the planner sees it. */
struct loop_story {
	int level;	/* 6 or 7: the level the story is told at */
	unsigned shows; /* bit p set when it shows principle p (principles.h) */
	int cost;	/* its coach findings (drill story check): 0..LOOP_COST_MAX */
	bool fits;	/* its figure fits the story-bank range of its own level */
};

/*
 * What to plan. Invariants (loop_input_is_valid): 1 <= interviewers <=
 * LOOP_INTERVIEWERS_MAX, 1 <= per <= LOOP_PER_MAX, level 6 or 7, nstories
 * <= LOOP_STORIES_MAX, every story's level 6 or 7, shows within the 16
 * bits and cost within 0..LOOP_COST_MAX; with a list, 1 <= nprinciples <=
 * interviewers * per, every index in range and none twice.
 */
struct loop_input {
	const struct loop_story *stories; /* borrowed; a story's index is its place here */
	size_t nstories;
	int interviewers;      /* N */
	int per;	       /* K: principles per interviewer */
	int level;	       /* the loop's level, 6 or 7 */
	const int *principles; /* borrowed: the principles to cover, most important
				  first; NULL: the planner chooses N * K */
	size_t nprinciples;
};

/* One principle asked by one interviewer, and the story that answers it. */
struct loop_slot {
	int principle; /* index (principles.h) */
	int story;     /* index into the input's stories; -1: none left for it */
};

/*
 * A plan. Interviewer i asks slot[i][0..nslots[i]). Without a list every
 * interviewer asks per principles, and a principle is asked once in the
 * loop unless N * K > 16, when each is asked N * K / 16 times, some once
 * more. With a list, its principles are spread over the interviewers in
 * turn, in the list's order (the first interviewer asks the first, the
 * second the second...). A story fits when it is at the loop's level and
 * fits that level's range.
 */
struct loop_plan {
	int interviewers, per;
	size_t nslots[LOOP_INTERVIEWERS_MAX];
	struct loop_slot slot[LOOP_INTERVIEWERS_MAX][LOOP_PER_MAX];
	size_t slots;			/* principles asked in the whole loop */
	size_t covered;			/* of those, with a story */
	long findings;			/* coach findings over the stories chosen */
	size_t fits;			/* stories chosen that fit the loop's level */
	int uncovered[PRINCIPLE_COUNT]; /* principles asked without a story, once each */
	size_t nuncovered;
	/*
	 * The principle whose story, if you wrote one, would raise the
	 * coverage most: -1 when nothing is uncovered. A new story covers
	 * at most one more slot, and one that shows any uncovered principle
	 * does; so the tie goes to the uncovered principle the fewest
	 * stories of the bank show (the matrix's coverage rises too), then
	 * to the more important (loop_rank).
	 */
	int suggestion;
};

bool loop_input_is_valid(const struct loop_input *in);

/* Fills *out with an optimal plan for in (which must be valid). */
void loop_plan(const struct loop_input *in, struct loop_plan *out);

/* Is plan a feasible plan for in (no story twice, each slot's story shows
 * its principle, the counts and sums right)? Not whether it is optimal. */
bool loop_plan_is_valid(const struct loop_input *in, const struct loop_plan *plan);

/*
 * The principles the sources stress for level (6 or 7), most important
 * first: LOOP_STRESSED indices (docs/stories.md says which and why).
 */
const int *loop_stressed(int level);

/*
 * Where principle p comes in the order of importance for in: without a
 * list, the level's stressed principles first, then the others in
 * Amazon's order (0..15); with a list, its place in the list (-1 when
 * not in it).
 */
int loop_rank(const struct loop_input *in, int p);

/*
 * Reads a list of principle names separated by ';' (as a story's
 * principles: field, docs/stories.md) into out (at most PRINCIPLE_COUNT).
 * Returns 0, or -1 with a message in err: an unknown name (with the
 * nearest suggestion), a name given twice, or no name at all.
 */
int loop_read_principles(const char *s, int out[PRINCIPLE_COUNT], size_t *n, char *err,
			 size_t errlen);

#endif

/*
 * storycheck: whether a story as told agrees with its story file. The
 * telling is the story's own `result:` (drill story check) or a spoken
 * answer in a mock on the story (drill mock --story); the file's facts are
 * the engine's annual figure from its `impact:` lines, the share its
 * `attribution=` claims and the months its `when:` spans.
 *
 * Owns: the rules of agreement and their messages. Pure: works on the text
 * and the coach's analysis of it (figures with their roles), never prints.
 *
 * Ownership: storycheck_told appends findings the struct owns; free them
 * with storycheck_free. Everything passed in is borrowed.
 */
#ifndef DRILL_STORYCHECK_H
#define DRILL_STORYCHECK_H

#include <stddef.h>

#include "coach.h"
#include "story.h"

/* A dollar claim within this share of the engine's figure agrees with it. */
#define STORYCHECK_FIGURE_TOLERANCE 0.05
/* A stated share within this many points of the file's agrees with it. */
#define STORYCHECK_SHARE_POINTS 0.05

struct storycheck_finding {
	char *quote;	/* owned: the words of the telling it is about */
	size_t offset;	/* where quote starts in the text */
	char *message;	/* owned */
};

struct storycheck {
	struct storycheck_finding *v;
	size_t n, cap;
};

/*
 * Checks text[from..to) (analysed whole by the coach into r) against st:
 *   - the headline: when the telling claims dollars, one claim must be the
 *     engine's annual figure or its conservative claim (within
 *     STORYCHECK_FIGURE_TOLERANCE; a claim "a month" counts twelve times);
 *   - the share: a share stated (an attribution, "70% of it") must be the
 *     share an impact: line claims, within STORYCHECK_SHARE_POINTS;
 *   - the period: a length of time stated ("over 18 months", "within two
 *     years") may not be more than twice the months when: spans, plus one
 *     (a shorter one is a test or a measurement window: "a holdout ran for
 *     8 weeks").
 * Each disagreement appends one finding quoting the telling's figure.
 */
void storycheck_told(const struct story *st, const char *text, size_t from, size_t to,
		     const struct coach_result *r, struct storycheck *out);

void storycheck_free(struct storycheck *c);

#endif

/*
 * answer: judging what a person typed against a card.
 *
 * Owns: the rules that turn a typed answer into a verdict for text, number
 * and choice cards (calc answers are judged by calc_judge). Pure: no I/O,
 * no clock; the session decides what a verdict is worth as a grade.
 * Used by the deck parser (to run examples), the session and the tests.
 */
#ifndef DRILL_ANSWER_H
#define DRILL_ANSWER_H

#include <stddef.h>

#include "calc.h"

struct card;

/*
 * What answer_judge returns when it gives no calc_verdict. Both are
 * negative; the calc_verdict values are 0 and up.
 */
enum answer_status {
	/*
	 * The answer cannot be read: a number card's amount does not parse,
	 * a text answer is not valid UTF-8, or the card is not answered by
	 * typing. err says why; the session says so and asks again.
	 */
	ANSWER_UNREADABLE = -1,
	/*
	 * A text card's pattern hit PCRE2's match or depth limit on this
	 * answer, and the verdict depended on it: drill cannot tell whether
	 * the answer is right. This is never a wrong answer. The session
	 * shows the expected answer and lets the person grade themselves
	 * (as for a recall card). err says what happened.
	 */
	ANSWER_UNJUDGED = -2,
};

/*
 * Judges typed against a text or number card. Returns CALC_CORRECT,
 * CALC_CLOSE (number cards only), CALC_WRONG, ANSWER_UNREADABLE or
 * ANSWER_UNJUDGED (text cards only), writing a message to err (may be
 * NULL) for the last two.
 *
 * A text answer is tried as typed, folded (words_fold: case, dashes,
 * quotes, punctuation, filler) and with its words corrected toward the
 * card's vocabulary (word forms, one-edit typos). It is correct when an
 * accept pattern matches one of these forms, or the folded or corrected
 * form holds every concept of the card, and no reject pattern matches any
 * form. A reject match makes it wrong whatever the limits; otherwise a
 * pattern that hit a limit makes it unjudged unless the answer was
 * accepted another way.
 *
 * A number answer is the one figure of the text (amount_find_range): an
 * amount, a range or a bound, judged against the card's answer, which
 * may be a range too (docs/deck-format.md, "Range answers").
 */
int answer_judge(const struct card *c, const char *typed, char *err, size_t errlen);

/*
 * answer_judge, and a note for the person in note (empty when there is
 * none): "(spelling: Frugality)" when a typo was forgiven, "(the answer
 * is a range: $1M-$5M)" when one value of a range was given.
 */
int answer_judge_note(const struct card *c, const char *typed, char *note, size_t notelen,
		      char *err, size_t errlen);

/*
 * 1 when answer_judge would return CALC_CORRECT for the text card c;
 * 0 otherwise, also when it is unjudged.
 */
int answer_text_accepts(const struct card *c, const char *typed);

#endif

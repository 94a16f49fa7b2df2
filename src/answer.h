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
 * Judges typed against a text or number card. Returns CALC_CORRECT,
 * CALC_CLOSE (number cards only) or CALC_WRONG. For a number card whose
 * answer cannot be read, returns -1 and writes the reader's message to err
 * (the session asks again).
 */
int answer_judge(const struct card *c, const char *typed, char *err, size_t errlen);

/* 1 when the text card's accept patterns take typed and no reject does. */
int answer_text_accepts(const struct card *c, const char *typed);

#endif

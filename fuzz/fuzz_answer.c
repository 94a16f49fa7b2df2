/*
 * Fuzz target: a typed answer, normalised as the session does, judged
 * against a few fixed cards (text with accept and reject patterns, one of
 * them prone to backtracking; number; choice) parsed from a built-in deck.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "check.h"
#include "deck.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fuzz_answer_deck[] =
    "deck: Fuzz answers\n"
    "\n"
    "id: horizon\n"
    "type: text\n"
    "prompt: What is an L6 EM's planning horizon?\n"
    "answer: quarterly to annual\n"
    "accept: quarter\\w*\\s*(to|through|-|–)\\s*(annual|a year|yearly)\n"
    "reject: multi\n"
    "example: quarterly through annual\n"
    "counterexample: annual to multi-year\n"
    "\n"
    "id: words\n"
    "type: text\n"
    "prompt: Any words, and a reject that backtracks\n"
    "answer: café au lait\n"
    "accept: ^(\\w+\\s?)+$\n"
    "accept: \\d+\\s*%\n"
    "reject: ^(\\w+\\s?)+ percent\\b\n"
    "\n"
    "id: impact\n"
    "type: number\n"
    "prompt: Annual impact?\n"
    "answer: $936K\n"
    "example: 936,000\n"
    "counterexample: $1.2M\n"
    "\n"
    "id: share\n"
    "type: number\n"
    "prompt: Conversion?\n"
    "answer: 3.1%\n"
    "unit: percent\n"
    "tolerance: 0\n"
    "\n"
    "id: level\n"
    "type: choice\n"
    "prompt: Which level?\n"
    "option: L6\n"
    "option: L7\n"
    "answer: L7\n";

static struct deck *fuzz_answer_cards;

static int
fuzz_answer_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *typed = xstrndup((const char *)data, size);
	char *norm = check_normalise(typed), *again;
	size_t n = strlen(norm);

	if (fuzz_answer_cards == NULL) {
		struct diag_list dl = {0};
		if (deck_parse("fuzz.deck", fuzz_answer_deck, strlen(fuzz_answer_deck),
			       &fuzz_answer_cards, &dl) != 0)
			__builtin_trap();
		diag_list_free(&dl);
	}
	/* Normalised: no white space at the ends, no run of it, only spaces inside. */
	if (n > 0 && (norm[0] == ' ' || norm[n - 1] == ' '))
		__builtin_trap();
	for (size_t i = 0; i < n; i++)
		if ((fuzz_answer_is_space(norm[i]) && norm[i] != ' ') ||
		    (norm[i] == ' ' && norm[i + 1] == ' '))
			__builtin_trap();
	again = check_normalise(norm);
	if (strcmp(again, norm) != 0)
		__builtin_trap();
	free(again);

	for (size_t i = 0; i < fuzz_answer_cards->ncards; i++) {
		const struct card *c = &fuzz_answer_cards->cards[i];
		char err[256] = "";
		int v = answer_judge(c, norm, err, sizeof(err));

		switch (v) {
		case CALC_CORRECT:
		case CALC_WRONG:
			break;
		case CALC_CLOSE:
			if (c->type != CARD_NUMBER)
				__builtin_trap();
			break;
		case ANSWER_UNJUDGED:
			if (c->type != CARD_TEXT || err[0] == '\0')
				__builtin_trap();
			break;
		case ANSWER_UNREADABLE:
			if (err[0] == '\0' || memchr(err, '\0', sizeof(err)) == NULL)
				__builtin_trap();
			break;
		default:
			__builtin_trap();
		}
		if (c->type == CARD_CHOICE && v != ANSWER_UNREADABLE)
			__builtin_trap();
		/* The session judges the normalised answer; the raw one must agree. */
		if (c->type == CARD_TEXT && (answer_judge(c, typed, NULL, 0) != v ||
					     answer_text_accepts(c, typed) != (v == CALC_CORRECT)))
			__builtin_trap();
	}
	free(norm);
	free(typed);
	return 0;
}

/*
 * Unit tests for answer: verdicts on text, number and choice cards, and
 * what happens when a pattern hits PCRE2's match limit (never a wrong
 * answer: ANSWER_UNJUDGED).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "answer.h"
#include "deck.h"
#include "util.h"

/*
 * Cards whose patterns backtrack without end on answers they do not match
 * (a long run of word characters followed by something else), while their
 * own answers stay cheap, so that the deck imports.
 */
static const char answer_deck[] = "deck: Answers\n"
				  "\n"
				  "id: slow-accept\n"
				  "type: text\n"
				  "prompt: p\n"
				  "answer: yes\n"
				  "accept: ^(\\w+\\s?)+$\n"
				  "\n"
				  "id: slow-and-fast\n"
				  "type: text\n"
				  "prompt: p\n"
				  "answer: yes\n"
				  "accept: ^(\\w+\\s?)+$\n"
				  "accept: !\n"
				  "\n"
				  "id: slow-reject\n"
				  "type: text\n"
				  "prompt: p\n"
				  "answer: 25%\n"
				  "accept: \\d+\\s*%\n"
				  "accept: ^twenty\\s\n"
				  "reject: ^(\\w+\\s?)+$\n"
				  "reject: never\n"
				  "\n"
				  "id: num\n"
				  "type: number\n"
				  "prompt: p\n"
				  "answer: $1M\n"
				  "\n"
				  "id: lp\n"
				  "type: text\n"
				  "prompt: p\n"
				  "answer: Frugality\n"
				  "accept: \\bfrugal\n"
				  "\n"
				  "id: topic\n"
				  "type: text\n"
				  "prompt: p\n"
				  "answer: Sustainability of the savings\n"
				  "concept: sustainab | ongoing or one-time | recurr\n"
				  "concept: saving | cost\n"
				  "reject: \\bnot\\b\n"
				  "\n"
				  "id: band\n"
				  "type: number\n"
				  "prompt: p\n"
				  "answer: $1M-$5M a year\n"
				  "\n"
				  "id: band-single\n"
				  "type: number\n"
				  "prompt: p\n"
				  "answer: 3-4\n"
				  "single: yes\n"
				  "\n"
				  "id: floor\n"
				  "type: number\n"
				  "prompt: p\n"
				  "answer: 50-150+ engineers\n"
				  "\n"
				  "id: teams\n"
				  "type: number\n"
				  "prompt: p\n"
				  "answer: 5+ teams\n"
				  "\n"
				  "id: days\n"
				  "type: number\n"
				  "prompt: p\n"
				  "answer: 30 days\n"
				  "\n"
				  "id: pick\n"
				  "type: choice\n"
				  "prompt: p\n"
				  "option: L6\n"
				  "option: L7\n"
				  "answer: L7\n";

/* A run of word characters long enough to exhaust the match limit. */
#define SLOW "twentyfivepercentofallcheckouttrafficinthelastquarter"

static const struct {
	const char *card;
	const char *typed;
	int want;
	const char *why;
} answer_cases[] = {
    {"slow-accept", "yes", CALC_CORRECT, "matches at once"},
    {"slow-accept", " ", CALC_WRONG, "nothing typed"},
    {"slow-accept", SLOW "-", ANSWER_UNJUDGED,
     "regression: the only accept pattern gave up and the answer was graded Again"},
    {"slow-and-fast", SLOW "!", CALC_CORRECT, "another accept pattern matched"},
    {"slow-reject", SLOW " 25%", ANSWER_UNJUDGED,
     "regression: the reject pattern gave up and counted as no match, so the answer passed"},
    {"slow-reject", SLOW " never 25%", CALC_WRONG, "another reject pattern matched"},
    {"slow-reject", SLOW "-", CALC_WRONG, "no accept pattern matches, whatever the rejects"},
    {"slow-reject", "twenty " SLOW "-", ANSWER_UNJUDGED, "accepted, unless the reject would match"},
    {"slow-accept", "caf\xe9", ANSWER_UNREADABLE, "Latin-1, not UTF-8"},
    {"num", "$1.0M", CALC_CORRECT, "an amount"},
    {"num", "$1.03M", CALC_CLOSE, "within 5%"},
    {"num", "lots", ANSWER_UNREADABLE, "not an amount"},
    {"pick", "b", ANSWER_UNREADABLE, "choice cards are not answered by typing"},
    {"lp", "I think it's Frugality.", CALC_CORRECT, "filler and punctuation"},
    {"lp", "fruglaity", CALC_CORRECT, "one edit in a word of the card"},
    {"lp", "fuglaity", CALC_WRONG, "two edits"},
    {"topic", "Whether the savings are recurring", CALC_CORRECT, "both concepts, any order"},
    {"topic", "cost: one time or ongoing?", CALC_WRONG, "the words of an alternative in order"},
    {"topic", "ongoing or one-time cost", CALC_CORRECT, "an alternative of several words"},
    {"topic", "sustainable", CALC_WRONG, "a concept missing"},
    {"topic", "savings that are not sustainable", CALC_WRONG, "a reject pattern"},
    {"band", "between one and five million", CALC_CORRECT, "range in words"},
    {"band", "1-5M", CALC_CORRECT, "the multiplier written once"},
    {"band", "$3M", CALC_CLOSE, "one value inside the range"},
    {"band", "$10M-$50M", CALC_WRONG, "the L7 band"},
    {"band", "I'd say $1M to $5M a year for an L6", CALC_CORRECT, "a figure in a sentence"},
    {"band", "$1M for L6, $10M for L7", ANSWER_UNREADABLE, "two figures"},
    {"band-single", "3", CALC_CORRECT, "single: yes"},
    {"band-single", "three or four", CALC_CORRECT, "words"},
    {"band-single", "5", CALC_WRONG, "outside"},
    {"floor", "50 to 150 or more", CALC_CORRECT, "open top"},
    {"floor", "50-150", CALC_CORRECT, "both ends"},
    {"floor", "50+", CALC_CORRECT, "an open range with the same bound"},
    {"floor", "15-50", CALC_WRONG, "the L6 band"},
    {"teams", "more than 5", CALC_CORRECT, "read as the same lower bound"},
    {"teams", "at least five teams", CALC_CORRECT, "words"},
    {"teams", "7", CALC_CLOSE, "a value above the bound"},
    {"teams", "2-3", CALC_WRONG, "below"},
    {"days", "a month", CALC_CORRECT, "converted, with the calendar's slack"},
    {"days", "two months", CALC_WRONG, "converted"},
};

static const struct card *
answer_card(const struct deck *d, const char *id)
{
	for (size_t i = 0; i < d->ncards; i++)
		if (strcmp(d->cards[i].id, id) == 0)
			return &d->cards[i];
	fail_msg("no card %s", id);
	return NULL;
}

static void
test_verdicts(void **state)
{
	struct diag_list dl = {0};
	struct deck *d = NULL;
	(void)state;

	assert_int_equal(deck_parse("answers.deck", answer_deck, strlen(answer_deck), &d, &dl), 0);
	for (size_t i = 0; i < ARRAY_LEN(answer_cases); i++) {
		const struct card *c = answer_card(d, answer_cases[i].card);
		char err[256] = "";
		int got = answer_judge(c, answer_cases[i].typed, err, sizeof(err));

		if (got != answer_cases[i].want)
			fail_msg("case %zu (%s): got %d, want %d", i, answer_cases[i].why, got,
				 answer_cases[i].want);
		/* A verdict that is not one comes with a reason. */
		if (got < 0 && err[0] == '\0')
			fail_msg("case %zu (%s): no message", i, answer_cases[i].why);
		if (c->type == CARD_TEXT)
			assert_int_equal(answer_text_accepts(c, answer_cases[i].typed),
					 got == CALC_CORRECT);
		/* err may be left out. */
		assert_int_equal(answer_judge(c, answer_cases[i].typed, NULL, 0), got);
	}
	deck_free(d);
	diag_list_free(&dl);
}

/* The statuses can never be taken for a calc_verdict. */
/* The note goes with the verdict: spelling, and a value of a range. */
static void
test_notes(void **state)
{
	struct diag_list dl = {0};
	struct deck *d = NULL;
	char note[160], err[256];

	(void)state;
	assert_int_equal(deck_parse("answers.deck", answer_deck, strlen(answer_deck), &d, &dl), 0);
	assert_int_equal(answer_judge_note(answer_card(d, "lp"), "fruglaity", note, sizeof(note),
					   err, sizeof(err)),
			 CALC_CORRECT);
	assert_string_equal(note, "(spelling: Frugality)");
	assert_int_equal(answer_judge_note(answer_card(d, "lp"), "frugal", note, sizeof(note), err,
					   sizeof(err)),
			 CALC_CORRECT);
	assert_string_equal(note, "");
	assert_int_equal(answer_judge_note(answer_card(d, "band"), "$2M", note, sizeof(note), err,
					   sizeof(err)),
			 CALC_CLOSE);
	assert_string_equal(note, "(the answer is a range: $1M-$5M)");
	deck_free(d);
	diag_list_free(&dl);
}

static void
test_statuses_are_distinct(void **state)
{
	(void)state;
	assert_true(ANSWER_UNREADABLE < 0);
	assert_true(ANSWER_UNJUDGED < 0);
	assert_int_not_equal(ANSWER_UNREADABLE, ANSWER_UNJUDGED);
	assert_true(CALC_CORRECT >= 0 && CALC_CLOSE >= 0 && CALC_WRONG >= 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_verdicts),
	    cmocka_unit_test(test_notes),
	    cmocka_unit_test(test_statuses_are_distinct),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

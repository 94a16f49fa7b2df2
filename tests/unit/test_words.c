/*
 * Unit tests for words: folding typed answers, stems, one-edit typos,
 * vocabularies from patterns, corrections and concepts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util.h"
#include "words.h"

static void
test_fold(void **state)
{
	static const struct {
		const char *typed, *want;
	} cases[] = {
	    {"  I think it's  Customer   Obsession!", "customer obsession"},
	    {"The answer is: $1M\xe2\x80\x93" "$5M.", "$1m-$5m"},
	    {"\xe2\x80\x9c" "bias for action\xe2\x80\x9d, probably", "bias for action"},
	    {"earth\xe2\x80\x99s best employer", "earth's best employer"},
	    {"1,200 (monthly)", "1,200 monthly"},
	    {"a, b", "a b"},
	    {"e.g. 1.5", "e.g 1.5"},
	    {"under\xe2\x80\x91" "claim", "under-claim"},
	    {"3\xc3\x97", "3x"},
	    {"it is", "it is"}, /* filler alone stays */
	    {"Annual, measured qtrly", "annual measured quarterly"},
	    {"multi-yr w/o eng mgrs", "multi-year without engineer managers"},
	    {"yrly 5yr", "yrly 5year"},
	    {"", ""},
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char *got = words_fold(cases[i].typed, WORDS_LOWER);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("fold \"%s\": got \"%s\", want \"%s\"", cases[i].typed, got,
				 cases[i].want);
		free(got);
	}
}

static void
test_stem(void **state)
{
	static const char *const same[][2] = {
	    {"actions", "action"},	{"measured", "measuring"}, {"quarterly", "quarter"},
	    {"stories", "story"},	{"Learning", "learn"},	    {"annually", "annual"},
	    {"committed", "commit"},	{"standards", "standard"},
	};
	static const char *const apart[][2] = {
	    {"strategic", "strategy"}, {"execution", "executive"}, {"cost", "costa"},
	};
	char a[64], b[64];

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(same); i++) {
		words_stem(same[i][0], strlen(same[i][0]), a, sizeof(a));
		words_stem(same[i][1], strlen(same[i][1]), b, sizeof(b));
		if (strcmp(a, b) != 0)
			fail_msg("%s -> %s, %s -> %s", same[i][0], a, same[i][1], b);
	}
	for (size_t i = 0; i < ARRAY_LEN(apart); i++) {
		words_stem(apart[i][0], strlen(apart[i][0]), a, sizeof(a));
		words_stem(apart[i][1], strlen(apart[i][1]), b, sizeof(b));
		if (strcmp(a, b) == 0)
			fail_msg("%s and %s share the stem %s", apart[i][0], apart[i][1], a);
	}
}

static void
test_one_edit(void **state)
{
	(void)state;
	assert_true(words_one_edit("frugality", 9, "frugalty", 8));	 /* deletion */
	assert_true(words_one_edit("frugality", 9, "frugallity", 10)); /* insertion */
	assert_true(words_one_edit("frugality", 9, "frugelity", 9));	 /* substitution */
	assert_true(words_one_edit("frugality", 9, "frugaltiy", 9));	 /* swap */
	assert_false(words_one_edit("frugality", 9, "frugality", 9));	 /* equal */
	assert_false(words_one_edit("frugality", 9, "frgualtiy", 9));	 /* two edits */
	assert_false(words_one_edit("abc", 3, "abcde", 5));
}

static void
test_vocab_and_correct(void **state)
{
	struct strv vocab = {0}, avoid = {0}, spelled = {0};
	char *got;

	(void)state;
	words_vocab_add(&vocab, "Frugality", false);
	words_vocab_add(&vocab, "\\bmulti[- ]?year\\b|(?<![\\d.])actions?\\s+\\w+", true);
	words_vocab_add(&avoid, "quarter\\w*", true);
	words_vocab_remove(&vocab, &avoid);
	/* Escapes and classes hold no words: no "b", "d", "w" words. */
	assert_int_equal(vocab.n, 4);
	assert_string_equal(vocab.v[0], "frugality");
	assert_string_equal(vocab.v[1], "multi");
	assert_string_equal(vocab.v[2], "year");
	assert_string_equal(vocab.v[3], "actions");

	got = words_correct("frugalty and action over 3 yeras, quartrely", &vocab, &avoid,
			    &spelled);
	/*
	 * "quartrely" is one edit from no word of vocab (the "quarter" words
	 * are avoided); "yeras" is one edit from "years", but "year" has
	 * fewer than 5 letters.
	 */
	assert_string_equal(got, "frugality and actions over 3 yeras, quartrely");
	assert_int_equal(spelled.n, 1);
	assert_string_equal(spelled.v[0], "frugality");
	free(got);
	strv_free(&vocab);
	strv_free(&avoid);
	strv_free(&spelled);
}

/* An example's typo is not a word of the card: it would stop the correction. */
static void
test_vocab_from_examples(void **state)
{
	struct strv vocab = {0};

	(void)state;
	words_vocab_add(&vocab, "Frugality", false);
	words_vocab_add_text(&vocab, "I think it's fruglaity, frugal");
	/* "it's" gives no word: runs of 3 letters or more only. */
	assert_int_equal(vocab.n, 3);
	assert_string_equal(vocab.v[0], "frugality");
	assert_string_equal(vocab.v[1], "think");
	assert_string_equal(vocab.v[2], "frugal");
	strv_free(&vocab);
}

static void
test_concepts(void **state)
{
	(void)state;
	assert_true(words_concept_match("it is not sustainable", "sustainab | ongoing or one-time"));
	assert_true(words_concept_match("sustianable savings", "sustainab | recurr"));
	assert_true(words_concept_match("is it ongoing or one time", "sustainab | ongoing or one-time"));
	assert_true(words_concept_match("recurring revenue", "sustainab | ongoing or one-time | recurr"));
	assert_false(words_concept_match("one-time only", "sustainab | ongoing or one-time"));
	assert_false(words_concept_match("", "sustainab"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fold),	    cmocka_unit_test(test_stem),
	    cmocka_unit_test(test_one_edit),	    cmocka_unit_test(test_vocab_and_correct),
	    cmocka_unit_test(test_vocab_from_examples), cmocka_unit_test(test_concepts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

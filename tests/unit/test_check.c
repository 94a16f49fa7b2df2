/* Unit tests for check: PCRE2 patterns, limits, normalisation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "check.h"
#include "util.h"

static const struct {
	const char *pattern;
	const char *subject;
	int want;
} check_cases[] = {
	{"^15\\s*(-|–|to)\\s*50\\b", "15 to 50 engineers", 1},
	{"^15\\s*(-|–|to)\\s*50\\b", "15–50", 1},
	{"^15\\s*(-|–|to)\\s*50\\b", "50-150", 0},
	{"quarterly", "QUARTERLY to annual", 1},      /* caseless */
	{"café", "CAFÉ", 1},                          /* caseless beyond ASCII */
	{"\\bamazon\\b", "amazonian", 0},
	{"\\w+ship", "Ownership", 1},
	{"^é$", "é", 1},                              /* UTF: one character */
	{"^..$", "é", 0},
	{"multi-?year", "multiyear planning", 1},
	{"^$", "", 1},
};

static void
test_match_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(check_cases) / sizeof(check_cases[0]); i++) {
		struct check_re *re = NULL;
		char err[256];
		size_t col = 0;
		assert_int_equal(check_re_compile(check_cases[i].pattern, &re, err, sizeof(err), &col), 0);
		int got = check_re_match(re, check_cases[i].subject, strlen(check_cases[i].subject),
					 NULL, NULL);
		if (got != check_cases[i].want)
			fail_msg("case %zu: /%s/ on \"%s\": got %d, want %d", i,
				 check_cases[i].pattern, check_cases[i].subject, got,
				 check_cases[i].want);
		assert_string_equal(check_re_source(re), check_cases[i].pattern);
		check_re_free(re);
	}
}

static void
test_match_offsets(void **state)
{
	struct check_re *re = NULL;
	size_t s = 0, e = 0;
	(void)state;

	assert_int_equal(check_re_compile("\\$\\d+M", &re, NULL, 0, NULL), 0);
	assert_int_equal(check_re_match(re, "saved $12M a year", 17, &s, &e), 1);
	assert_int_equal(s, 6);
	assert_int_equal(e, 10);
	check_re_free(re);
}

static void
test_compile_error_has_message_and_column(void **state)
{
	struct check_re *re = (struct check_re *)&re;
	char err[256] = "";
	size_t col = 0;
	(void)state;

	assert_int_equal(check_re_compile("abc(def", &re, err, sizeof(err), &col), -1);
	assert_null(re);
	assert_non_null(strstr(err, "missing closing parenthesis"));
	assert_int_equal(col, 8);
	assert_int_equal(check_re_compile("a[b", &re, err, sizeof(err), &col), -1);
	assert_non_null(strstr(err, "missing terminating ]"));
}

/* A catastrophic pattern hits the match limit instead of hanging. */
static void
test_backtracking_is_bounded(void **state)
{
	struct check_re *re = NULL;
	char subject[64];
	(void)state;

	memset(subject, 'a', sizeof(subject) - 2);
	subject[sizeof(subject) - 2] = 'b';
	subject[sizeof(subject) - 1] = '\0';
	assert_int_equal(check_re_compile("^(a+)+$", &re, NULL, 0, NULL), 0);
	assert_int_equal(check_re_match(re, subject, strlen(subject), NULL, NULL), CHECK_LIMIT);
	check_re_free(re);
}

/* A long subject through a repeated group hits the depth limit, even where it would match. */
static void
test_depth_is_bounded(void **state)
{
	struct check_re *re = NULL;
	char subject[4001];
	(void)state;

	memset(subject, 'a', sizeof(subject) - 1);
	subject[sizeof(subject) - 1] = '\0';
	assert_int_equal(check_re_compile("^(a|b)+$", &re, NULL, 0, NULL), 0);
	assert_int_equal(check_re_match(re, subject, strlen(subject), NULL, NULL), CHECK_LIMIT);
	assert_int_equal(check_re_match(re, subject, 10, NULL, NULL), CHECK_MATCH);
	check_re_free(re);
}

/* Invalid UTF-8 is told apart from a limit: it is the answer's fault, not the pattern's. */
static void
test_invalid_utf8_subject(void **state)
{
	struct check_re *re = NULL;
	(void)state;

	assert_int_equal(check_re_compile("a", &re, NULL, 0, NULL), 0);
	assert_int_equal(check_re_match(re, "a\xff", 2, NULL, NULL), CHECK_BAD_UTF8);
	assert_int_equal(check_re_match(re, "caf\xe9", 4, NULL, NULL), CHECK_BAD_UTF8);
	assert_int_equal(check_re_match(re, "b", 1, NULL, NULL), CHECK_NO_MATCH);
	check_re_free(re);
	check_re_free(NULL);
}

/* UTF-8 validity, case by case, as PCRE2 defines it. */
static void
test_utf8_valid(void **state)
{
	static const struct {
		const char *s;
		size_t len;
		bool valid;
		size_t first; /* check_utf8_char of the first character */
	} cases[] = {
	    {"", 0, true, 0},
	    {"plain ascii", 11, true, 1},
	    {"a\0b", 3, true, 1}, /* NUL is a character */
	    {"\xc3\xa9", 2, true, 2},
	    {"\xe2\x80\x94", 3, true, 3},
	    {"\xf0\x9f\x98\x80", 4, true, 4},
	    {"\xf4\x8f\xbf\xbf", 4, true, 4}, /* U+10FFFF */
	    {"\xed\x9f\xbf", 3, true, 3},	      /* U+D7FF */
	    {"\xee\x80\x80", 3, true, 3},	      /* U+E000 */
	    {"\x80", 1, false, 0},		      /* a lone continuation byte */
	    {"\xc3", 1, false, 0},		      /* cut short */
	    {"\xe2\x80", 2, false, 0},
	    {"\xc0\x80", 2, false, 0},	      /* overlong NUL */
	    {"\xc1\xbf", 2, false, 0},
	    {"\xe0\x9f\xbf", 3, false, 0},	      /* overlong */
	    {"\xf0\x8f\xbf\xbf", 4, false, 0},  /* overlong */
	    {"\xed\xa0\x80", 3, false, 0},	      /* a surrogate */
	    {"\xf4\x90\x80\x80", 4, false, 0},  /* above U+10FFFF */
	    {"\xf5\x80\x80\x80", 4, false, 0},
	    {"\xff", 1, false, 0},
	    {"\xc3\x28", 2, false, 0},
	    {"ok \xc3\xa9 then \xff", 12, false, 1},
	};
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		if (check_utf8_valid(cases[i].s, cases[i].len) != cases[i].valid)
			fail_msg("case %zu: valid should be %d", i, cases[i].valid);
		assert_int_equal(check_utf8_char(cases[i].s, cases[i].len), cases[i].first);
	}
}

/*
 * check_utf8_valid agrees with PCRE2's own check on random bytes, and
 * check_re_match_valid with check_re_match on every valid subject.
 */
static void
test_utf8_agrees_with_pcre2(void **state)
{
	static const unsigned char pool[] = {'a', ' ', '5', '%', 0x80, 0x8f, 0x90, 0xa0, 0xbf,
					     0xc0, 0xc2, 0xc3, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0,
					     0xf4, 0xf5, 0xff};
	struct check_re *end = NULL, *word = NULL;
	uint64_t x = 20260301;
	char s[8];
	(void)state;

	assert_int_equal(check_re_compile("\\z", &end, NULL, 0, NULL), 0);
	assert_int_equal(check_re_compile("\\w+", &word, NULL, 0, NULL), 0);
	for (int n = 0; n < 200000; n++) {
		size_t len = (size_t)(n % 7) + 1, ms = 0, me = 0, ms2 = 0, me2 = 0;
		bool valid;
		for (size_t i = 0; i < len; i++) {
			x = x * 6364136223846793005u + 1442695040888963407u;
			s[i] = (char)pool[(x >> 33) % sizeof(pool)];
		}
		valid = check_re_match(end, s, len, NULL, NULL) == 1;
		if (check_utf8_valid(s, len) != valid)
			fail_msg("sample %d: check_utf8_valid says %d, PCRE2 %d", n, !valid, valid);
		if (!valid || (s[0] & 0xC0) == 0x80)
			continue;
		assert_int_equal(check_re_match_valid(word, s, len, &ms, &me),
				 check_re_match(word, s, len, &ms2, &me2));
		assert_true(ms == ms2 && me == me2);
	}
	check_re_free(end);
	check_re_free(word);
}

static void
test_normalise(void **state)
{
	static const char *const cases[][2] = {
		{"  15 to   50 \n", "15 to 50"},
		{"\t\t", ""},
		{"one", "one"},
		{" a\tb  c ", "a b c"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *s = check_normalise(cases[i][0]);
		assert_string_equal(s, cases[i][1]);
		free(s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match_table),
		cmocka_unit_test(test_match_offsets),
		cmocka_unit_test(test_compile_error_has_message_and_column),
		cmocka_unit_test(test_backtracking_is_bounded),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_agrees_with_pcre2),
		cmocka_unit_test(test_depth_is_bounded),
		cmocka_unit_test(test_invalid_utf8_subject),
		cmocka_unit_test(test_normalise),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for check: PCRE2 patterns, limits, normalisation. */
#include <setjmp.h>
#include <stdarg.h>
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
		cmocka_unit_test(test_depth_is_bounded),
		cmocka_unit_test(test_invalid_utf8_subject),
		cmocka_unit_test(test_normalise),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

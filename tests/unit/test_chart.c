/* Unit tests for chart: the pictures of drill stats, drawn as text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "chart.h"
#include "util.h"
#include "wrap.h"

/* 2026-11-26, a Thursday. */
#define THU 20783

/* Every line of text ends in '\n', is at most CHART_WIDTH columns wide and
 * has no trailing space; in ASCII mode, every byte is ASCII. */
static void
check_lines(const char *text, bool ascii)
{
	const char *p = text;

	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		assert_non_null(nl);
		size_t w = wrap_width_n(p, (size_t)(nl - p));
		if (w > CHART_WIDTH)
			fail_msg("line of %zu columns: %.*s", w, (int)(nl - p), p);
		if (nl > p && nl[-1] == ' ')
			fail_msg("trailing space: [%.*s]", (int)(nl - p), p);
		for (const char *q = p; ascii && q < nl; q++)
			if ((unsigned char)*q > 0x7e)
				fail_msg("not ASCII: %.*s", (int)(nl - p), p);
		p = nl + 1;
	}
}

static void
test_dates(void **state)
{
	int y, m, d;
	char buf[16];

	(void)state;
	chart_date(0, &y, &m, &d);
	assert_true(y == 1970 && m == 1 && d == 1);
	chart_date(-1, &y, &m, &d);
	assert_true(y == 1969 && m == 12 && d == 31);
	chart_date(11017, &y, &m, &d);
	assert_true(y == 2000 && m == 3 && d == 1);
	chart_iso_date(THU, buf, sizeof(buf));
	assert_string_equal(buf, "2026-11-26");
	assert_int_equal(chart_weekday(0), 3);
	assert_int_equal(chart_weekday(THU), 3);
	assert_int_equal(chart_weekday(THU + 4), 0);
	assert_int_equal(chart_weekday(-1), 2);
}

struct streak_case {
	const char *what;
	int64_t days[8]; /* newest first, as offsets from THU */
	size_t n;
	int64_t current, longest;
};

static const struct streak_case streak_cases[] = {
	{"no study days", {0}, 0, 0, 0},
	{"today only", {0}, 1, 1, 1},
	{"yesterday only: not lost before today ends", {-1}, 1, 1, 1},
	{"two days ago: lost", {-2}, 1, 0, 1},
	{"three in a row to today", {0, -1, -2}, 3, 3, 3},
	{"a gap, then a longer run", {0, -1, -3, -4, -5, -6}, 6, 2, 4},
	{"run to yesterday", {-1, -2, -4}, 3, 2, 2},
	{"a day in the future is skipped", {2, 0, -1}, 3, 2, 2},
};

static void
test_streaks(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(streak_cases); i++) {
		const struct streak_case *c = &streak_cases[i];
		int64_t days[8], cur = -1, lon = -1;
		for (size_t k = 0; k < c->n; k++)
			days[k] = THU + c->days[k];
		chart_streaks(days, c->n, THU, &cur, &lon);
		if (cur != c->current || lon != c->longest)
			fail_msg("%s: current %lld longest %lld, want %lld %lld", c->what,
				 (long long)cur, (long long)lon, (long long)c->current,
				 (long long)c->longest);
	}
}

static void
test_fit(void **state)
{
	char *s;

	(void)state;
	s = chart_fit("recall", 10, false);
	assert_string_equal(s, "recall");
	free(s);
	s = chart_fit("principles", 6, true);
	assert_string_equal(s, "princ~");
	free(s);
	s = chart_fit("principles", 6, false);
	assert_string_equal(s, "princ\u2026");
	free(s);
	/* A wide character is not split; the cut stays within the width. */
	s = chart_fit("ab\xe6\x97\xa5\xe6\x9c\xac", 4, true);
	assert_string_equal(s, "ab~");
	free(s);
	s = chart_fit("caf\xc3\xa9s", 5, true);
	assert_string_equal(s, "caf\xc3\xa9s");
	free(s);
	s = chart_fit("caf\xc3\xa9s!", 5, true);
	assert_string_equal(s, "caf\xc3\xa9~");
	free(s);
}

static void
test_columns_one_series(void **state)
{
	/* Thu 26 Nov to Tue 1 Dec: a Monday (30 Nov) is marked. */
	const int64_t v[6] = {8, 0, 1, 4, 2, 6};
	struct chart_columns c = {.n = 6, .nseries = 1, .values = v, .first_day = THU,
				  .height = 2};
	char *s;

	(void)state;
	s = chart_columns(&c, false);
	check_lines(s, false);
	/* Eighths: 16, 0, 2, 8, 4, 12 over two rows. */
	assert_string_equal(s, "8 \u2502 \u2588         \u2584\n"
			       "  \u2502 \u2588   \u2582 \u2588 \u2584 \u2588\n"
			       "  \u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500"
			       "\u2500\u252c\u2500\u2500\n"
			       "    Nov 26  Nov 30\n");
	free(s);
	s = chart_columns(&c, true);
	check_lines(s, true);
	/* Cells: 2, 0, 1 (1 is above 0), 1, 1 (0.5 rounds up), 2. */
	assert_string_equal(s, "8 | #         #\n"
			       "  | #   # # # #\n"
			       "  +---------+--\n"
			       "    Nov 26  Nov 30\n");
	free(s);
}

static void
test_columns_stacked(void **state)
{
	const int64_t v[3 * 2] = {4, 0, 2, 2, 0, 1};
	const char *const names[2] = {"review", "new"};
	struct chart_columns c = {.n = 3, .nseries = 2, .values = v, .names = names,
				  .first_day = THU, .height = 4};
	char *s;

	(void)state;
	s = chart_columns(&c, true);
	check_lines(s, true);
	assert_string_equal(s, "4 | # =\n"
			       "  | # =\n"
			       "  | # #\n"
			       "  | # # =\n"
			       "  +------\n"
			       "    Nov 26\n"
			       "    # review  = new\n");
	free(s);
	s = chart_columns(&c, false);
	check_lines(s, false);
	free(s);
}

static void
test_columns_fit(void **state)
{
	int64_t v[36 * 4];
	const char *const names[4] = {"review", "relearning", "learning", "new"};

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(v); i++)
		v[i] = (int64_t)(i * 7919 % 1000) * 1000003;
	struct chart_columns c = {.n = 36, .nseries = 4, .values = v, .names = names,
				  .first_day = THU - 35, .height = 8};
	for (int ascii = 0; ascii < 2; ascii++) {
		char *s = chart_columns(&c, ascii);
		check_lines(s, ascii);
		free(s);
	}
	int64_t zero[30] = {0};
	struct chart_columns z = {.n = 30, .nseries = 1, .values = zero, .first_day = THU,
				  .height = 3};
	char *s = chart_columns(&z, true);
	check_lines(s, true);
	assert_string_equal(s, "0 |\n  |\n  |\n"
			       "  +---------+-------------+-------------+-------------+--------\n"
			       "    Nov 26  Nov 30        Dec 7         Dec 14        Dec 21\n");
	free(s);
}

static void
test_heatmap(void **state)
{
	/* Mon 23 Nov to Thu 3 Dec: two weeks, the second cut after Thursday;
	 * the largest count 8 makes the shades 1-2, 3-4, 5-6, 7-8. */
	const int64_t v[11] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 3};
	char *s;

	(void)state;
	s = chart_heatmap(v, 11, THU + 7, true);
	check_lines(s, true);
	assert_string_equal(s, "      Dec\n"
			       "Mon . #\n"
			       "    - #\n"
			       "Wed - .\n"
			       "    + +\n"
			       "Fri +\n"
			       "    *\n"
			       "Sun *\n"
			       "    . 0   - 1-2   + 3-4   * 5-6   # 7-8   (reviews a day)\n");
	free(s);
	/* 26 weeks of growing counts fit, in both forms. */
	int64_t many[26 * 7];
	for (size_t i = 0; i < ARRAY_LEN(many); i++)
		many[i] = (int64_t)(i % 11) * 17;
	for (int ascii = 0; ascii < 2; ascii++) {
		s = chart_heatmap(many, ARRAY_LEN(many), THU, ascii);
		check_lines(s, ascii);
		free(s);
	}
	int64_t none[3] = {0};
	s = chart_heatmap(none, 3, THU, false);
	check_lines(s, false);
	assert_non_null(strstr(s, "\u00b7 0 (no reviews)\n"));
	free(s);
}

static void
test_bars(void **state)
{
	const struct chart_bar rows[3] = {
		{"recall", 12.0, "12.0 s"},
		{"choice", 3.0, "3.0 s"},
		{"never answered", 0.0, ""},
	};
	char *s = chart_bars(rows, 3, 40, true);

	(void)state;
	check_lines(s, true);
	/* 40 - 14 - 6 - 3 = 17 columns of bar. */
	assert_string_equal(s, "recall          ################# 12.0 s\n"
			       "choice          ####              3.0 s\n"
			       "never answered\n");
	free(s);
	s = chart_bars(rows, 3, 40, false);
	check_lines(s, false);
	/* 3/12 of 17 columns is 4.25: four full cells and a quarter. */
	assert_non_null(strstr(s, "choice          \u2588\u2588\u2588\u2588\u258e"
				  "             3.0 s\n"));
	free(s);
}

static void
test_table(void **state)
{
	const char *const head[3] = {"deck", "cards", "retention"};
	const enum chart_align align[3] = {CHART_LEFT, CHART_RIGHT, CHART_RIGHT};
	const char *const cells[2 * 3] = {"principles", "120", "91%", "bands", "7", NULL};
	struct chart_table t = {.ncols = 3, .nrows = 2, .head = head, .align = align,
				.cells = cells};
	char *s = chart_table(&t, 80, true);

	(void)state;
	check_lines(s, true);
	assert_string_equal(s, "deck        cards  retention\n"
			       "----------  -----  ---------\n"
			       "principles    120        91%\n"
			       "bands           7\n");
	free(s);
	/* Too wide: the left column is cut. */
	s = chart_table(&t, 24, true);
	check_lines(s, true);
	assert_string_equal(s, "deck    cards  retention\n"
			       "------  -----  ---------\n"
			       "princ~    120        91%\n"
			       "bands       7\n");
	free(s);
	s = chart_table(&t, 80, false);
	check_lines(s, false);
	assert_non_null(strstr(s, "\u2500\u2500\u2500\u2500\u2500  "));
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_streaks),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_columns_one_series),
		cmocka_unit_test(test_columns_stacked),
		cmocka_unit_test(test_columns_fit),
		cmocka_unit_test(test_heatmap),
		cmocka_unit_test(test_bars),
		cmocka_unit_test(test_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

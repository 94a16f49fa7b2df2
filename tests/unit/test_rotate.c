/* Unit tests for rotate: which backups a rotation keeps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rotate.h"
#include "util.h"

static void
test_days(void **state)
{
	(void)state;
	assert_int_equal(rotate_days(1970, 1, 1), 0);
	assert_int_equal(rotate_days(2000, 3, 1), 11017);
	assert_int_equal(rotate_days(2026, 3, 2), 20514);
	assert_int_equal(rotate_days(1969, 12, 31), -1);
}

struct rotate_case {
	const char *what;
	struct rotate_policy p;
	rotate_stamp stamps[8];
	const char *keep; /* '1' kept, '0' deleted, per stamp */
};

static const struct rotate_case rotate_cases[] = {
	{"one backup a day, 3 daily", {3, 0, 0},
	 {20260301090000, 20260302090000, 20260303090000, 20260304090000, 20260305090000},
	 "00111"},
	{"the newest of each day; every backup of the newest day", {2, 0, 0},
	 {20260301080000, 20260301090000, 20260302080000, 20260302090000, 20260303080000,
	  20260303090000},
	 "000111"},
	{"order of the input does not matter", {2, 0, 0},
	 {20260305090000, 20260301090000, 20260304090000, 20260302090000}, "1010"},
	/* 2026-03-01 is a Sunday, 2026-03-02 a Monday. */
	{"weeks run Monday to Sunday", {1, 2, 0},
	 {20260228090000, 20260301090000, 20260302090000, 20260303090000}, "0101"},
	{"months", {1, 0, 3},
	 {20260115090000, 20260131090000, 20260201090000, 20260227090000, 20260301090000},
	 "01011"},
	{"daily counts days that have backups, not calendar days", {2, 0, 0},
	 {20250101090000, 20250601090000, 20260301090000}, "011"},
	{"a week across the new year (Mon 2025-12-29 .. Sun 2026-01-04)", {1, 1, 0},
	 {20251228090000, 20251229090000, 20260104090000}, "001"},
};

static void
test_rotate_cases(void **state)
{
	(void)state;
	for (size_t c = 0; c < ARRAY_LEN(rotate_cases); c++) {
		const struct rotate_case *t = &rotate_cases[c];
		size_t n = strlen(t->keep);
		bool keep[8];
		char got[9];
		rotate_keep(t->stamps, n, &t->p, keep);
		for (size_t i = 0; i < n; i++)
			got[i] = keep[i] ? '1' : '0';
		got[n] = '\0';
		if (strcmp(got, t->keep) != 0)
			fail_msg("%s: kept %s, want %s", t->what, got, t->keep);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_rotate_cases),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

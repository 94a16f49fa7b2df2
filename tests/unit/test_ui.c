/*
 * Unit tests for the ui's wrapping: ui_width from $COLUMNS when standard
 * output is not a terminal, and what ui_print_wrapped prints at that width.
 * Standard output is sent to a file for the calls under test; run from a
 * terminal, the $COLUMNS checks are skipped (the terminal's width wins).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "slurp.h"
#include "ui.h"
#include "util.h"

static int
setup(void **state)
{
	setenv("DRILL_INTERACTIVE", "0", 1);
	*state = ui_new(NULL, NULL);
	return 0;
}

static int
teardown(void **state)
{
	ui_free(*state);
	unsetenv("COLUMNS");
	return 0;
}

static void
skip_on_terminal(void)
{
	if (isatty(STDOUT_FILENO))
		skip();
}

static void
test_width_from_columns(void **state)
{
	static const struct {
		const char *columns; /* NULL: unset */
		int width;
	} cases[] = {
		{"60", 60},   {"1", 1}, {NULL, 0},    {"", 0},	 {"0", 0},
		{"-5", 0},    {"+5", 0}, {" 60", 0},  {"60x", 0}, {"abc", 0},
		{"99999999999999999999", 0},
	};
	struct ui *u = *state;

	skip_on_terminal();
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		if (cases[i].columns != NULL)
			setenv("COLUMNS", cases[i].columns, 1);
		else
			unsetenv("COLUMNS");
		if (ui_width(u) != cases[i].width)
			fail_msg("COLUMNS=%s: width %d, want %d",
				 cases[i].columns ? cases[i].columns : "(unset)", ui_width(u),
				 cases[i].width);
	}
}

/* Runs print with standard output sent to a file; returns what it printed. */
static char *
capture(void (*print)(struct ui *), struct ui *u)
{
	char path[] = "/tmp/drill-test-ui-XXXXXX";
	int fd = mkstemp(path), saved;
	char *out;
	size_t len;

	assert_true(fd >= 0);
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	assert_true(saved >= 0);
	assert_true(dup2(fd, STDOUT_FILENO) >= 0);
	print(u);
	fflush(stdout);
	assert_true(dup2(saved, STDOUT_FILENO) >= 0);
	close(saved);
	close(fd);
	out = slurp(path, &len);
	unlink(path);
	assert_non_null(out);
	return out;
}

static void
print_session_lines(struct ui *u)
{
	ui_print_wrapped(u, UI_PLAIN, NULL, "Which figure did the change save in a year?");
	ui_print_wrapped(u, UI_PLAIN, "  a) ", "Revenue per engineer over the quarter");
	ui_print_wrapped(u, UI_CYAN, "Answer: ", "140,000 a year");
	ui_printf_wrapped(u, UI_DIM, "Why: ", "Because %s across %d teams", "the cost is split",
			  3);
}

static void
test_print_wrapped_at_columns(void **state)
{
	struct ui *u = *state;
	char *out;

	skip_on_terminal();
	setenv("COLUMNS", "20", 1);
	out = capture(print_session_lines, u);
	assert_string_equal(out, "Which figure did the\n"
				 "change save in a\n"
				 "year?\n"
				 "  a) Revenue per\n"
				 "     engineer over\n"
				 "     the quarter\n"
				 "Answer: 140,000 a\n"
				 "        year\n"
				 "Why: Because the\n"
				 "     cost is split\n"
				 "     across 3 teams\n");
	free(out);

	/* No $COLUMNS and not a terminal: printed as it is. */
	unsetenv("COLUMNS");
	out = capture(print_session_lines, u);
	assert_string_equal(out, "Which figure did the change save in a year?\n"
				 "  a) Revenue per engineer over the quarter\n"
				 "Answer: 140,000 a year\n"
				 "Why: Because the cost is split across 3 teams\n");
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_width_from_columns, setup, teardown),
		cmocka_unit_test_setup_teardown(test_print_wrapped_at_columns, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

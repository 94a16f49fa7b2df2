/* Unit tests for wrap: display width of UTF-8 text and word-wrapping by it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util.h"
#include "wrap.h"

struct cp_case {
	uint32_t cp;
	int width;
};

static const struct cp_case cp_cases[] = {
	{'A', 1},     {0x00, 0},    {0x09, 0},	  {0x1b, 0},	{0x7f, 0},    {0x85, 0},
	{0xa0, 1},    {0xad, 1},    {0xe9, 1},	  {0x0301, 0},	{0x0591, 0},  {0x200b, 0},
	{0x200d, 0},  {0xfe0f, 0},  {0x2014, 1},  {0x00b7, 1},	{0x2713, 1},  {0x2248, 1},
	{0x1100, 2},  {0x1161, 0},  {0x3000, 2},  {0x302a, 0},	{0x4e00, 2},  {0xac00, 2},
	{0xff21, 2},  {0xff61, 1},  {0x1f600, 2}, {0x1f44d, 2}, {0x2705, 2},  {0x20000, 2},
	{0x2fffd, 2}, {0x9ffff, 1}, {0xe0001, 0}, {0xf0000, 1}, {0x10ffff, 1},
};

static void
test_cp_width(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cp_cases); i++) {
		int w = wrap_cp_width(cp_cases[i].cp);
		if (w != cp_cases[i].width)
			fail_msg("U+%04X: width %d, want %d", (unsigned)cp_cases[i].cp, w,
				 cp_cases[i].width);
	}
}

struct width_case {
	const char *what;
	const char *s;
	size_t width;
};

static const struct width_case width_cases[] = {
	{"empty", "", 0},
	{"ASCII", "hello", 5},
	{"a figure", "140,000", 7},
	{"é precomposed", "caf\xc3\xa9", 4},
	{"é as e + combining acute", "cafe\xcc\x81", 4},
	{"em dash, check, middle dot", "a \xe2\x80\x94 \xe2\x9c\x93 \xc2\xb7", 7},
	{"CJK", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 6},
	{"Hangul", "\xed\x95\x9c\xea\xb5\xad", 4},
	{"Hangul jamo, medial vowel joins", "\xe1\x84\x80\xe1\x85\xa1", 2},
	{"fullwidth A", "\xef\xbc\xa1", 2},
	{"emoji", "ok \xf0\x9f\x98\x80", 5},
	{"zero width space and joiner", "a\xe2\x80\x8b" "b\xe2\x80\x8d" "c", 3},
	{"SGR colour", "\033[1;31mred\033[0m", 3},
	{"CSI with no parameters", "\033[mx", 1},
	{"OSC hyperlink", "\033]8;;https://x.test/a b\033\\link\033]8;;\007", 4},
	{"other escape", "\033(Bx", 1},
	{"escape cut short", "x\033[12", 1},
	{"lone ESC at the end", "x\033", 1},
	{"controls", "a\tb\r\x7f", 2},
	{"C1 control", "\xc2\x85", 0},
	{"stray byte", "\xff", 1},
	{"cut-short sequence", "a\xe2\x9c", 3},
	{"overlong encoding", "\xe0\x80\xaf", 3},
	{"surrogate", "\xed\xa0\x80", 3},
	{"past U+10FFFF", "\xf4\x90\x80\x80", 4},
	{"continuation byte alone", "\x80x", 2},
};

static void
test_width(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(width_cases); i++) {
		size_t w = wrap_width(width_cases[i].s);
		if (w != width_cases[i].width)
			fail_msg("%s: width %zu, want %zu", width_cases[i].what, w,
				 width_cases[i].width);
	}
	/* wrap_width_n stops at n, even inside a sequence. */
	assert_int_equal(wrap_width_n("abc", 2), 2);
	assert_int_equal(wrap_width_n("\xe6\x97\xa5x", 2), 2);
}

#define X10 "xxxxxxxxxx"
#define X70 X10 X10 X10 X10 X10 X10 X10

struct wrap_case {
	const char *what;
	const char *text;
	int width;
	const char *first;
	const char *rest;
	const char *want;
};

static const struct wrap_case wrap_cases[] = {
	{"ASCII", "the quick brown fox jumps over the lazy dog", 10, NULL, NULL,
	 "the quick\nbrown fox\njumps over\nthe lazy\ndog"},
	{"a line exactly as wide as the width stays", "aaaa bbbb", 9, NULL, NULL, "aaaa bbbb"},
	{"one column less breaks it", "aaaa bbbb", 8, NULL, NULL, "aaaa\nbbbb"},
	/* Issue 9: at 80 columns the terminal cut "140,000" into "140,00" and "0". */
	{"a figure that would cross column 80 moves whole to the next line",
	 X70 "xxx 140,000 a year", 80, NULL, NULL, X70 "xxx\n140,000 a year"},
	{"a figure ending at column 80 stays", X70 "xx 140,000 a year", 80, NULL, NULL,
	 X70 "xx 140,000\na year"},
	{"é is one column, not two bytes", "\xc3\xa9 \xc3\xa9 \xc3\xa9 \xc3\xa9 \xc3\xa9", 9,
	 NULL, NULL, "\xc3\xa9 \xc3\xa9 \xc3\xa9 \xc3\xa9 \xc3\xa9"},
	{"em dash", "a \xe2\x80\x94 b \xe2\x80\x94 c", 5, NULL, NULL,
	 "a \xe2\x80\x94 b\n\xe2\x80\x94 c"},
	{"check mark and middle dot", "\xe2\x9c\x93 ok \xc2\xb7 \xe2\x9c\x93 ok", 6, NULL, NULL,
	 "\xe2\x9c\x93 ok \xc2\xb7\n\xe2\x9c\x93 ok"},
	{"CJK is two columns a character",
	 "\xe6\x97\xa5\xe6\x9c\xac \xe8\xaa\x9e\xe5\xad\xa6 \xe6\xa0\xa1", 5, NULL, NULL,
	 "\xe6\x97\xa5\xe6\x9c\xac\n\xe8\xaa\x9e\xe5\xad\xa6\n\xe6\xa0\xa1"},
	{"CJK that fits", "\xe6\x97\xa5\xe6\x9c\xac \xe8\xaa\x9e\xe5\xad\xa6 \xe6\xa0\xa1", 9,
	 NULL, NULL, "\xe6\x97\xa5\xe6\x9c\xac \xe8\xaa\x9e\xe5\xad\xa6\n\xe6\xa0\xa1"},
	{"combining marks take no column", "e\xcc\x81" "e\xcc\x81 x", 4, NULL, NULL,
	 "e\xcc\x81" "e\xcc\x81 x"},
	{"combining marks, one column short", "e\xcc\x81" "e\xcc\x81 x", 3, NULL, NULL,
	 "e\xcc\x81" "e\xcc\x81\nx"},
	{"colour codes take no column", "\033[1mbold\033[0m text here", 9, NULL, NULL,
	 "\033[1mbold\033[0m text\nhere"},
	{"a colour reset past the edge stays on its line", "abc def \033[0m", 7, NULL, NULL,
	 "abc def\033[0m"},
	{"hanging indent", "Because the cost is split across teams", 20, "Why: ", "     ",
	 "Why: Because the\n     cost is split\n     across teams"},
	{"coloured label", "Because the cost is split across teams", 20,
	 "\033[2mWhy:\033[0m ", "     ",
	 "\033[2mWhy:\033[0m Because the\n     cost is split\n     across teams"},
	{"choice option", "Revenue per engineer over the quarter", 20, "  a) ", "     ",
	 "  a) Revenue per\n     engineer over\n     the quarter"},
	{"a word longer than the width stands alone",
	 "see https://example.test/a/very/long/path now", 10, NULL, NULL,
	 "see\nhttps://example.test/a/very/long/path\nnow"},
	{"a long first word", "supercalifragilistic is long", 5, NULL, NULL,
	 "supercalifragilistic\nis\nlong"},
	{"a long word after a label stays beside it", "abcdefghij klm", 8, "Why: ", "     ",
	 "Why: abcdefghij\n     klm"},
	{"a prefix wider than the width", "ab cd", 3, "Label: ", "       ",
	 "Label: ab\n       cd"},
	{"newlines are kept, each paragraph wrapped and indented", "one two three\n\nfour", 12,
	 "Why: ", "     ", "Why: one two\n     three\n\n     four"},
	{"a final newline is kept", "abc\n", 10, NULL, NULL, "abc\n"},
	{"spaces inside a line are kept", "a  b", 10, NULL, NULL, "a  b"},
	{"spaces at a break are dropped", "aaa   bbb", 5, NULL, NULL, "aaa\nbbb"},
	{"leading spaces are kept", "  indented text", 20, NULL, NULL, "  indented text"},
	{"trailing spaces are dropped", "abc   ", 10, NULL, NULL, "abc"},
	{"empty text keeps the label", "", 10, "Why: ", "     ", "Why: "},
	{"no-break space joins", "pay 140\xc2\xa0" "000 now", 9, NULL, NULL,
	 "pay\n140\xc2\xa0" "000\nnow"},
	{"invalid bytes count a column each", "\xff\xff\xff \xff", 4, NULL, NULL,
	 "\xff\xff\xff\n\xff"},
	{"width 0 does not wrap", "a very long line that is not wrapped\nsecond", 0, "Why: ",
	 "     ", "Why: a very long line that is not wrapped\n     second"},
	{"a negative width does not wrap", "a b  ", -1, NULL, NULL, "a b  "},
};

static void
test_wrap_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(wrap_cases); i++) {
		const struct wrap_case *c = &wrap_cases[i];
		char *got = wrap_text(c->text, c->width, c->first, c->rest);
		bool ok = strcmp(got, c->want) == 0;
		if (!ok)
			print_error("%s:\n got: \"%s\"\nwant: \"%s\"\n", c->what, got, c->want);
		free(got);
		assert_true(ok);
	}
}

/* Removes spaces and newlines: what wrapping must never change. */
static char *
squeeze(const char *s)
{
	char *out = xstrdup(s), *o = out;

	for (; *s; s++)
		if (*s != ' ' && *s != '\n')
			*o++ = *s;
	*o = '\0';
	return out;
}

/*
 * At every width, over mixed text: the words come out unchanged and in
 * order, and a line is wider than the width only when it holds one word.
 */
static void
test_wrap_invariants(void **state)
{
	static const char text[] =
		"Impact \xe2\x80\x94 140,000 a year \xc2\xb7 caf\xc3\xa9 r\xc3\xa9sume\xcc\x81 "
		"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e \xf0\x9f\x98\x80 \033[1mbold\033[0m "
		"\xe2\x9c\x93 ok https://example.test/long/path/that/does/not/fit end";
	char *want = squeeze(text);
	(void)state;

	for (int width = 1; width <= 90; width++) {
		char *got = wrap_text(text, width, "Why: ", "     ");
		char *sq = squeeze(got);
		bool ok = strncmp(sq, "Why:", 4) == 0 && strcmp(sq + 4, want) == 0;
		if (!ok)
			print_error("width %d: the words changed: \"%s\"\n", width, got);
		for (char *line = got; line != NULL;) {
			char *nl = strchr(line, '\n');
			size_t n = nl != NULL ? (size_t)(nl - line) : strlen(line);
			/* after "Why: " or the indent of as many spaces */
			bool one_word = n < 5 || memchr(line + 5, ' ', n - 5) == NULL;
			if (wrap_width_n(line, n) > (size_t)width && !one_word) {
				print_error("width %d: line \"%.*s\" is too wide\n", width, (int)n,
					    line);
				ok = false;
			}
			line = nl != NULL ? nl + 1 : NULL;
		}
		free(sq);
		free(got);
		if (!ok) {
			free(want);
			fail();
		}
	}
	free(want);
}

static void
test_hanging_label(void **state)
{
	struct {
		const char *what, *label, *text, *on, *off;
		int width;
		const char *want;
	} cases[] = {
		{"plain", "Why: ", "Because the cost is split across teams", NULL, NULL, 20,
		 "Why: Because the\n     cost is split\n     across teams"},
		{"colour covers the label's text, not its space", "Why: ", "one two", "\033[2m",
		 "\033[0m", 20, "\033[2mWhy:\033[0m one two"},
		{"indent under an option letter", "  a) ", "Revenue per engineer", "", "", 15,
		 "  a) Revenue\n     per\n     engineer"},
		{"no label", NULL, "one two three", "\033[2m", "\033[0m", 7, "one two\nthree"},
		{"spaces alone indent every line", "    ", "one two three", "\033[2m", "\033[0m",
		 11, "    one two\n    three"},
		{"wide label", "\xe7\x90\x86\xe7\x94\xb1: ", "one two three", NULL, NULL, 13,
		 "\xe7\x90\x86\xe7\x94\xb1: one two\n      three"},
	};
	(void)state;

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char *got = wrap_hanging(cases[i].label, cases[i].text, cases[i].width,
					 cases[i].on, cases[i].off);
		bool ok = strcmp(got, cases[i].want) == 0;
		if (!ok)
			print_error("%s:\n got: \"%s\"\nwant: \"%s\"\n", cases[i].what, got,
				    cases[i].want);
		free(got);
		assert_true(ok);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cp_width),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_wrap_cases),
		cmocka_unit_test(test_wrap_invariants),
		cmocka_unit_test(test_hanging_label),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for util (string buffer, string vector) and rng. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "rng.h"
#include "util.h"

static void
test_sbuf_grows_and_formats(void **state)
{
	struct sbuf b = {0};
	(void)state;

	for (int i = 0; i < 1000; i++)
		sbuf_printf(&b, "%d,", i % 10);
	assert_int_equal(b.len, 2000);
	assert_int_equal(strlen(b.buf), 2000);
	assert_memory_equal(b.buf, "0,1,2,", 6);
	sbuf_reset(&b);
	assert_string_equal(b.buf, "");
	sbuf_adds(&b, "abc");
	sbuf_addc(&b, 'd');
	char *s = sbuf_take(&b);
	assert_string_equal(s, "abcd");
	assert_null(b.buf);
	free(s);
	/* Taking an empty buffer gives "" rather than NULL. */
	s = sbuf_take(&b);
	assert_string_equal(s, "");
	free(s);
}

static void
test_strv_copies(void **state)
{
	struct strv sv = {0};
	char word[8] = "one";
	(void)state;

	strv_push(&sv, word);
	strcpy(word, "two");
	strv_push(&sv, word);
	for (int i = 0; i < 50; i++)
		strv_push(&sv, "x");
	assert_int_equal(sv.n, 52);
	assert_string_equal(sv.v[0], "one");
	assert_string_equal(sv.v[1], "two");
	strv_free(&sv);
	assert_int_equal(sv.n, 0);
}

static void
test_xasprintf(void **state)
{
	(void)state;
	char *s = xasprintf("%s:%d", "file", 42);
	assert_string_equal(s, "file:42");
	free(s);
}

/* Only the three bytes EF BB BF, at the very start, are a byte-order mark. */
static void
test_utf8_bom_len(void **state)
{
	(void)state;
	assert_int_equal(utf8_bom_len("\xef\xbb\xbf" "deck: D", 10), 3);
	assert_int_equal(utf8_bom_len("\xef\xbb\xbf", 3), 3);
	assert_int_equal(utf8_bom_len("\xef\xbb", 2), 0);   /* cut short */
	assert_int_equal(utf8_bom_len("\xef\xbb\xbe", 3), 0);
	assert_int_equal(utf8_bom_len("\xfe\xff" "d", 3), 0); /* UTF-16 mark */
	assert_int_equal(utf8_bom_len("deck: D", 7), 0);
	assert_int_equal(utf8_bom_len("", 0), 0);
}

static void
test_rng_reproducible_and_bounded(void **state)
{
	struct rng a, b;
	int hist[6] = {0};
	(void)state;

	rng_seed(&a, 7);
	rng_seed(&b, 7);
	for (int i = 0; i < 100; i++)
		assert_true(rng_next(&a) == rng_next(&b));
	rng_seed(&b, 8);
	assert_false(rng_next(&a) == rng_next(&b));
	for (int i = 0; i < 6000; i++) {
		uint64_t x = rng_below(&a, 6);
		assert_true(x < 6);
		hist[x]++;
	}
	for (int i = 0; i < 6; i++)
		assert_in_range(hist[i], 800, 1200);
	for (int i = 0; i < 1000; i++) {
		double u = rng_unit(&a);
		assert_true(u >= 0.0 && u < 1.0);
	}
	assert_true(rng_hash("abc") == rng_hash("abc"));
	assert_false(rng_hash("abc") == rng_hash("abd"));
}

static void
test_diag_format(void **state)
{
	struct diag_list dl = {0};
	(void)state;

	diag_add(&dl, DIAG_ERROR, "decks/a.deck", 12, 7, "bad %s", "thing");
	diag_add(&dl, DIAG_WARNING, "decks/a.deck", 3, 0, "hmm");
	diag_add(&dl, DIAG_ERROR, "decks/b.deck", 0, 0, "cannot read");
	assert_int_equal(dl.n, 3);
	assert_int_equal(dl.errors, 2);
	const char *want[] = {"decks/a.deck:12:7: error: bad thing",
			      "decks/a.deck:3: warning: hmm",
			      "decks/b.deck: error: cannot read"};
	for (size_t i = 0; i < 3; i++) {
		char *s = diag_format(&dl.v[i]);
		assert_string_equal(s, want[i]);
		free(s);
	}
	diag_list_free(&dl);
}

/* Edit distance: the usual cases, and the length limit. */
static void
test_edit_distance(void **state)
{
	(void)state;
	static const struct {
		const char *a, *b;
		size_t want;
	} cases[] = {
	    {"", "", 0},	   {"result", "result", 0}, {"result", "resutl", 2},
	    {"", "abc", 3},	   {"abc", "", 3},	    {"kitten", "sitting", 3},
	    {"dive deeper", "dive deep", 2},
	};
	char long_name[EDIT_DISTANCE_MAX_LEN + 2];

	for (size_t i = 0; i < ARRAY_LEN(cases); i++)
		assert_int_equal(edit_distance(cases[i].a, strlen(cases[i].a), cases[i].b,
					       strlen(cases[i].b)),
				 cases[i].want);
	memset(long_name, 'x', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	assert_int_equal(edit_distance(long_name, EDIT_DISTANCE_MAX_LEN, "x", 1),
			 EDIT_DISTANCE_MAX_LEN - 1);
	assert_true(edit_distance(long_name, strlen(long_name), "x", 1) == EDIT_DISTANCE_FAR);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sbuf_grows_and_formats),
		cmocka_unit_test(test_strv_copies),
		cmocka_unit_test(test_xasprintf),
		cmocka_unit_test(test_utf8_bom_len),
		cmocka_unit_test(test_rng_reproducible_and_bounded),
		cmocka_unit_test(test_diag_format),
		cmocka_unit_test(test_edit_distance),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

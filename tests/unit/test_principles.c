/* Unit tests for the leadership principles (src/principles.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "principles.h"
#include "util.h"

static int
find(const char *s)
{
	return principle_find(s, strlen(s));
}

static int
nearest(const char *s)
{
	return principle_nearest(s, strlen(s));
}

/* The table: Amazon's order, keys usable in card ids, questions that follow the pattern. */
static void
test_table(void **state)
{
	(void)state;
	static const char *const order[PRINCIPLE_COUNT] = {
	    "Customer Obsession",
	    "Ownership",
	    "Invent and Simplify",
	    "Are Right, A Lot",
	    "Learn and Be Curious",
	    "Hire and Develop the Best",
	    "Insist on the Highest Standards",
	    "Think Big",
	    "Bias for Action",
	    "Frugality",
	    "Earn Trust",
	    "Dive Deep",
	    "Have Backbone; Disagree and Commit",
	    "Deliver Results",
	    "Strive to be Earth's Best Employer",
	    "Success and Scale Bring Broad Responsibility",
	};

	assert_null(principle_at(-1));
	assert_null(principle_at(PRINCIPLE_COUNT));
	for (int i = 0; i < PRINCIPLE_COUNT; i++) {
		const struct principle *p = principle_at(i);
		size_t qn = strlen(p->question);

		assert_string_equal(p->name, order[i]);
		assert_int_equal(find(p->name), i);
		assert_true(strlen(p->key) > 0 && strlen(p->key) <= 24);
		for (const char *k = p->key; *k; k++)
			assert_true((*k >= 'a' && *k <= 'z') || *k == '-');
		for (int j = 0; j < i; j++)
			assert_string_not_equal(p->key, principle_at(j)->key);
		assert_true(strncmp(p->question, "Tell me about a time you ", 25) == 0);
		assert_true(qn > 40 && p->question[qn - 1] == '.');
		assert_non_null(p->short_forms[0]);
	}
}

/*
 * Every short form names its own principle and no other: were two forms of
 * different principles the same text, one of them would find the other.
 */
static void
test_short_forms_unambiguous(void **state)
{
	(void)state;
	for (int i = 0; i < PRINCIPLE_COUNT; i++)
		for (const char *const *f = principle_at(i)->short_forms; *f; f++) {
			if (find(*f) != i)
				fail_msg("short form \"%s\" of %s finds %d", *f, principle_at(i)->name,
					 find(*f));
		}
}

static const struct {
	const char *text;
	int want;
} find_cases[] = {
    {"Customer Obsession", 0},
    {"customer obsession", 0},
    {"  CUSTOMER   OBSESSION  ", 0},
    {"CO", 0},
    {"co", 0},
    {"Ownership", 1},
    {"Invent & Simplify", 2},
    {"invent&simplify", 2},
    {"Are Right, A Lot", 3},
    {"Are Right A Lot", 3},
    {"are right a lot", 3},
    {"ARAL", 3},
    {"Learn and Be Curious", 4},
    {"Curious", 4},
    {"Hire and Develop", 5},
    {"Highest Standards", 6},
    {"Insist on the Highest Standards", 6},
    {"Think Big", 7},
    {"Bias for Action", 8},
    {"BFA", 8},
    {"Frugality", 9},
    {"Earn Trust", 10},
    {"DD", 11},
    {"Dive Deep", 11},
    {"Have Backbone, Disagree and Commit", 12},
    {"Have Backbone; Disagree and Commit", 12},
    {"Backbone", 12},
    {"Disagree & Commit", 12},
    {"Deliver Results", 13},
    {"DR", 13},
    {"Earth's Best Employer", 14},
    {"Earths Best Employer", 14},
    {"Earth\xe2\x80\x99s Best Employer", 14},   /* ’ */
    {"Earth`s best employer", 14},
    {"Strive to be Earth's Best Employer", 14},
    {"Broad Responsibility", 15},
    {"Success and Scale Bring Broad Responsibility", 15},
    {"success-and-scale bring broad responsibility", 15},
    {"Dive Deeper", -1},
    {"", -1},
    {"   ", -1},
    {",;", -1},
    {"Leadership", -1},
    {"Customer Obsession Customer Obsession Customer Obsession Customer Obsession "
     "Customer Obsession Customer Obsession",
     -1},
};

static void
test_find(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(find_cases); i++)
		if (find(find_cases[i].text) != find_cases[i].want)
			fail_msg("\"%s\": %d, want %d", find_cases[i].text, find(find_cases[i].text),
				 find_cases[i].want);
	/* The length counts, not a NUL. */
	assert_int_equal(principle_find("Dive Deep; Earn Trust", 9), 11);
}

static const struct {
	const char *text;
	int want;
} nearest_cases[] = {
    {"Dive Deeper", 11},
    {"Custmer Obsesion", 0},
    {"Customer Obsessed", 0},
    {"Frugalty", 9},
    {"Ownershp", 1},
    {"Bias to Acton", 8},
    {"Earn Trusts", 10},
    {"Delivered Results", 13},
    {"Think Bigger", 7},
    {"Hire and Develop the Rest", 5},
    {"Insist on Highest Standard", 6},
    /* no close spelling, one principle with a shared word */
    {"Customer Focus", 0},
    {"Results Driven", 13},
    /* "best" belongs to two principles: no suggestion */
    {"Best People", -1},
    /* nothing close */
    {"Leadership", -1},
    {"XY", -1},
    {"", -1},
    {"Teamwork", -1},
};

static void
test_nearest(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(nearest_cases); i++)
		if (nearest(nearest_cases[i].text) != nearest_cases[i].want)
			fail_msg("\"%s\": %d, want %d", nearest_cases[i].text,
				 nearest(nearest_cases[i].text), nearest_cases[i].want);
	/* A known name is its own nearest. */
	for (int i = 0; i < PRINCIPLE_COUNT; i++)
		assert_int_equal(nearest(principle_at(i)->name), i);
}

/* docs/stories.md lists every principle with all its short forms, its key and its question. */
static void
test_docs_list_every_form(void **state)
{
	(void)state;
	FILE *f = fopen(DRILL_SOURCE_DIR "/docs/stories.md", "r");
	char line[1024];
	int rows = 0, questions = 0;

	assert_non_null(f);
	while (fgets(line, sizeof(line), f) != NULL) {
		for (int i = 0; i < PRINCIPLE_COUNT; i++) {
			const struct principle *p = principle_at(i);
			char head[160], forms[512] = "";

			snprintf(head, sizeof(head), "| %d | %s | ", i + 1, p->name);
			for (const char *const *g = p->short_forms; *g; g++)
				snprintf(forms + strlen(forms), sizeof(forms) - strlen(forms), "%s%s",
					 g == p->short_forms ? "" : ", ", *g);
			if (strncmp(line, head, strlen(head)) == 0) {
				rows++;
				if (strstr(line, forms) == NULL || strstr(line, p->key) == NULL)
					fail_msg("docs/stories.md, %s: the short forms are %s, the key %s",
						 p->name, forms, p->key);
			}
			snprintf(head, sizeof(head), "| %s | %s |", p->name, p->question);
			questions += strncmp(line, head, strlen(head)) == 0;
		}
	}
	fclose(f);
	assert_int_equal(rows, PRINCIPLE_COUNT);
	assert_int_equal(questions, PRINCIPLE_COUNT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_table),
	    cmocka_unit_test(test_short_forms_unambiguous),
	    cmocka_unit_test(test_find),
	    cmocka_unit_test(test_nearest),
	    cmocka_unit_test(test_docs_list_every_form),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

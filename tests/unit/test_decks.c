/*
 * The bundled decks: every deck parses (which runs every example and
 * counterexample through the answer checker), ids are unique, the quality
 * rules of the content hold, and docs/coverage.md names only real cards and
 * leaves no section of the sources without one.
 */
#define _GNU_SOURCE /* strcasestr */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "deck.h"
#include "impact.h"
#include "slurp.h"
#include "util.h"

struct collection {
	struct deck **decks;
	size_t n;
};

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
setup(void **state)
{
	struct collection *c = xcalloc(1, sizeof(*c));
	struct strv names = {0};
	struct diag_list dl = {0};
	DIR *d = opendir(DRILL_SOURCE_DIR "/decks");
	const struct dirent *e;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n > 5 && strcmp(e->d_name + n - 5, ".deck") == 0)
			strv_push(&names, e->d_name);
	}
	closedir(d);
	qsort(names.v, names.n, sizeof(*names.v), cmp_names);
	c->decks = xcalloc(names.n, sizeof(*c->decks));
	for (size_t i = 0; i < names.n; i++) {
		char *path = xasprintf("decks/%s", names.v[i]);
		char *full = xasprintf("%s/%s", DRILL_SOURCE_DIR, path);
		size_t len;
		char *buf = slurp(full, &len);
		if (buf == NULL)
			fail_msg("cannot read %s", full);
		if (deck_parse(path, buf, len, &c->decks[c->n], &dl) == 0)
			c->n++;
		free(buf);
		free(full);
		free(path);
	}
	deck_check_ids(c->decks, c->n, &dl);
	for (size_t i = 0; i < dl.n; i++) {
		char *m = diag_format(&dl.v[i]);
		fprintf(stderr, "%s\n", m);
		free(m);
	}
	int bad = dl.errors > 0 || c->n != names.n;
	diag_list_free(&dl);
	strv_free(&names);
	*state = c;
	return bad ? -1 : 0;
}

static int
teardown(void **state)
{
	struct collection *c = *state;

	for (size_t i = 0; c && i < c->n; i++)
		deck_free(c->decks[i]);
	if (c)
		free(c->decks);
	free(c);
	return 0;
}

static const struct card *
find_card(const struct collection *c, const char *id)
{
	for (size_t i = 0; i < c->n; i++)
		for (size_t j = 0; j < c->decks[i]->ncards; j++)
			if (strcmp(c->decks[i]->cards[j].id, id) == 0)
				return &c->decks[i]->cards[j];
	return NULL;
}

/* Every deck parsed (the setup fails otherwise): count and type mix. */
static void
test_bundled_decks_import(void **state)
{
	const struct collection *c = *state;
	size_t total = 0, by_type[CARD_TYPE_COUNT] = {0};

	assert_true(c->n >= 7);
	for (size_t i = 0; i < c->n; i++)
		for (size_t j = 0; j < c->decks[i]->ncards; j++) {
			total++;
			by_type[c->decks[i]->cards[j].type]++;
		}
	assert_true(total >= 250);
	for (int t = 0; t < CARD_TYPE_COUNT; t++)
		if (by_type[t] == 0)
			fail_msg("no bundled card of type %s", card_type_name((enum card_type)t));
}

/* The content rules of issue #5 that a parser does not enforce. */
static void
test_card_quality(void **state)
{
	const struct collection *c = *state;

	for (size_t i = 0; i < c->n; i++)
		for (size_t j = 0; j < c->decks[i]->ncards; j++) {
			const struct card *k = &c->decks[i]->cards[j];
			if (k->explain == NULL || strlen(k->explain) < 20)
				fail_msg("%s:%d: card %s has no real explain:", c->decks[i]->path,
					 k->line, k->id);
			if (k->type == CARD_TEXT &&
			    (k->examples.n == 0 || k->counterexamples.n == 0))
				fail_msg("%s:%d: text card %s needs an example and a counterexample",
					 c->decks[i]->path, k->line, k->id);
		}
}

/* Every method of the engine has a calc card. */
static void
test_every_method_drilled(void **state)
{
	const struct collection *c = *state;

	for (size_t m = 0; m < impact_method_count(); m++) {
		const struct impact_method *im = impact_method_at(m);
		bool found = false;
		for (size_t i = 0; i < c->n && !found; i++)
			for (size_t j = 0; j < c->decks[i]->ncards && !found; j++)
				found = c->decks[i]->cards[j].type == CARD_CALC &&
					c->decks[i]->cards[j].method == im;
		if (!found)
			fail_msg("no calc card for method %s", im->name);
	}
}

/* All sixteen leadership principles appear as answers or options. */
static void
test_sixteen_principles(void **state)
{
	static const char *const lps[] = {
		"Customer Obsession", "Ownership", "Invent and Simplify", "Are Right, A Lot",
		"Learn and Be Curious", "Hire and Develop the Best",
		"Insist on the Highest Standards", "Think Big", "Bias for Action", "Frugality",
		"Earn Trust", "Dive Deep", "Have Backbone", "Deliver Results",
		"Strive to be Earth's Best Employer", "Success and Scale Bring Broad Responsibility",
	};
	const struct collection *c = *state;
	struct sbuf all = {0};

	for (size_t i = 0; i < c->n; i++)
		for (size_t j = 0; j < c->decks[i]->ncards; j++) {
			const struct card *k = &c->decks[i]->cards[j];
			sbuf_printf(&all, "%s\n%s\n", k->answer ? k->answer : "", k->prompt);
			for (size_t o = 0; o < k->options.n; o++)
				sbuf_printf(&all, "%s\n", k->options.v[o]);
		}
	for (size_t i = 0; i < sizeof(lps) / sizeof(lps[0]); i++) {
		/* Compare on the first word pair, ignoring punctuation differences. */
		char key[24];
		snprintf(key, sizeof(key), "%s", lps[i]);
		char *comma = strchr(key, ',');
		if (comma)
			*comma = '\0';
		if (strcasestr(all.buf, key) == NULL)
			fail_msg("principle \"%s\" is not drilled", lps[i]);
	}
	sbuf_free(&all);
}

/*
 * docs/coverage.md: under each "## Seed" heading, bullets "- section: `id`,
 * `id`"; every id exists and every bullet names at least one.
 */
static void
test_coverage_map(void **state)
{
	const struct collection *c = *state;
	size_t len, seeds = 0, bullets = 0, ids = 0;
	char *text = slurp(DRILL_SOURCE_DIR "/docs/coverage.md", &len);
	size_t seed_bullets = 0;

	assert_non_null(text);

	for (char *line = strtok(text, "\n"); line != NULL; line = strtok(NULL, "\n")) {
		if (strncmp(line, "## Seed", 7) == 0) {
			if (seeds > 0 && seed_bullets == 0)
				fail_msg("a seed section of coverage.md lists no sections");
			seeds++;
			seed_bullets = 0;
			continue;
		}
		if (seeds == 0 || strncmp(line, "- ", 2) != 0)
			continue;
		bullets++;
		seed_bullets++;
		size_t here = 0;
		for (char *p = strchr(line, '`'); p != NULL;) {
			char *e = strchr(p + 1, '`');
			if (e == NULL)
				break;
			char *id = xstrndup(p + 1, (size_t)(e - p - 1));
			if (find_card(c, id) == NULL)
				fail_msg("coverage.md names card \"%s\", which no deck has", id);
			free(id);
			here++;
			p = strchr(e + 1, '`');
		}
		if (here == 0)
			fail_msg("coverage.md: section without cards: %s", line);
		ids += here;
	}
	assert_int_equal(seeds, 4);
	assert_true(bullets >= 40);
	assert_true(ids >= bullets);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bundled_decks_import),
		cmocka_unit_test(test_card_quality),
		cmocka_unit_test(test_every_method_drilled),
		cmocka_unit_test(test_sixteen_principles),
		cmocka_unit_test(test_coverage_map),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

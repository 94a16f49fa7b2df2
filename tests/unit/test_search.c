/*
 * Unit tests for search, the query language of `drill cards`: terms
 * parsed into a struct (and the errors that name a bad term), every term
 * matched against a small table of cards, and prompt excerpts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "search.h"
#include "util.h"

#define MAX_TERMS 4

/* The parsed query in one line, to compare with a table. */
static char *
dump(const struct search *q)
{
	struct sbuf b = {0};
	const struct strv *lists[] = {&q->decks, &q->tags, &q->types, &q->groups, &q->words};
	const char *names[] = {"deck", "tag", "type", "group", "word"};

	for (size_t i = 0; i < ARRAY_LEN(lists); i++)
		for (size_t k = 0; k < lists[i]->n; k++)
			sbuf_printf(&b, "%s=[%s] ", names[i], lists[i]->v[k]);
	if (q->is)
		sbuf_printf(&b, "is=0x%x ", q->is);
	if (q->lapses.lo != 0 || q->lapses.hi != INT64_MAX)
		sbuf_printf(&b, "lapses=%lld..%lld ", (long long)q->lapses.lo,
			    q->lapses.hi == INT64_MAX ? -1LL : (long long)q->lapses.hi);
	if (q->reps.lo != 0 || q->reps.hi != INT64_MAX)
		sbuf_printf(&b, "reps=%lld..%lld ", (long long)q->reps.lo,
			    q->reps.hi == INT64_MAX ? -1LL : (long long)q->reps.hi);
	if (b.len > 0)
		b.buf[--b.len] = '\0';
	return sbuf_take(&b);
}

static size_t
nterms(const char *const *t)
{
	size_t n = 0;

	while (n < MAX_TERMS && t[n] != NULL)
		n++;
	return n;
}

struct parse_case {
	const char *terms[MAX_TERMS];
	const char *want; /* dump(), or for an error a part of the message */
	bool ok;
};

static const struct parse_case parse_cases[] = {
	{{NULL}, "", true},
	{{"deck:levels", NULL}, "deck=[levels]", true},
	{{"deck:Level differentiation", NULL}, "deck=[Level differentiation]", true},
	{{"tag:l6", "tag:l7", NULL}, "tag=[l6] tag=[l7]", true},
	{{"type:calc", NULL}, "type=[calc]", true},
	{{"group:lp-ownership", NULL}, "group=[lp-ownership]", true},
	{{"is:new", NULL}, "is=0x1", true},
	{{"is:due", "is:suspended", NULL}, "is=0x12", true},
	{{"IS:Leech", NULL}, "is=0x40", true},
	{{"is:flagged", NULL}, "is=0x80", true},
	{{"lapses>2", NULL}, "lapses=3..-1", true},
	{{"lapses>=2", NULL}, "lapses=2..-1", true},
	{{"lapses<2", NULL}, "lapses=0..1", true},
	{{"lapses<=2", NULL}, "lapses=0..2", true},
	{{"lapses=2", NULL}, "lapses=2..2", true},
	{{"lapses:2", NULL}, "lapses=2..2", true},
	{{"lapses>1", "lapses<5", "lapses>=3", NULL}, "lapses=3..4", true},
	{{"lapses<0", NULL}, "lapses=0..-1", true},
	{{"reps>=10", NULL}, "reps=10..-1", true},
	/* free words: anything that is not letters then : < > = */
	{{"star", "Customer obsession", NULL}, "word=[star] word=[Customer obsession]", true},
	{{"10:00", "$1.2M", "x", NULL}, "word=[10:00] word=[$1.2M] word=[x]", true},
	{{"prompt", NULL}, "word=[prompt]", true},
	{{"  star\t", " deck:levels ", NULL}, "deck=[levels] word=[star]", true},
	{{"a-b:c", NULL}, "word=[a-b:c]", true},
	/* errors name the term */
	{{"colour:red", NULL}, "unknown search term \"colour:red\"", false},
	{{"prompt:star", NULL}, "unknown search term \"prompt:star\"", false},
	{{"lapse>3", NULL}, "unknown search term \"lapse>3\"", false},
	{{"is:bogus", NULL}, "\"is:bogus\": is: takes new, due", false},
	{{"is:", NULL}, "\"is:\"", false},
	{{"is=new", NULL}, "\"is=new\"", false},
	{{"lapses>x", NULL}, "\"lapses>x\": compare lapses with a whole number", false},
	{{"lapses>", NULL}, "\"lapses>\"", false},
	{{"reps<-1", NULL}, "\"reps<-1\"", false},
	{{"reps>2x", NULL}, "\"reps>2x\"", false},
	{{"reps>99999999999", NULL}, "\"reps>99999999999\"", false},
	{{"lapses", ">2", NULL}, "word=[lapses] word=[>2]", true},
	{{"type:essay", NULL}, "\"type:essay\": the card types are", false},
	{{"deck:", NULL}, "\"deck:\": write deck:VALUE", false},
	{{"tag>3", NULL}, "\"tag>3\": write tag:VALUE", false},
	{{"star", "", NULL}, "an empty search term", false},
	{{"  ", NULL}, "an empty search term", false},
	{{"star", "colour:red", NULL}, "\"colour:red\"", false},
};

static void
test_parse(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(parse_cases); i++) {
		const struct parse_case *c = &parse_cases[i];
		struct search q;
		char err[256] = "";
		int rc = search_parse(c->terms, nterms(c->terms), &q, err, sizeof(err));
		if (!c->ok) {
			if (rc == 0 || strstr(err, c->want) == NULL)
				fail_msg("case %zu (%s): rc %d, message \"%s\", want an error with \"%s\"",
					 i, c->terms[0], rc, err, c->want);
			/* released on error: freeing again must be harmless */
			search_free(&q);
			continue;
		}
		if (rc != 0)
			fail_msg("case %zu (%s): unexpected error \"%s\"", i, c->terms[0], err);
		char *got = dump(&q);
		if (strcmp(got, c->want) != 0)
			fail_msg("case %zu (%s):\n got: %s\nwant: %s", i,
				 c->terms[0] ? c->terms[0] : "(no terms)", got, c->want);
		free(got);
		search_free(&q);
	}
}

/*
 * The cards every match case runs against. Fields: deck key, deck name,
 * type, tags, group, state, lapses, reps, suspended, leech, due, buried,
 * flagged, prompt, answer.
 */
struct test_card {
	const char *id;
	struct search_card c;
};

static const struct test_card cards[] = {
	{"a", {"levels", "Level differentiation", "text", ",levels,l6,", "scope", 0, 0, 0,
	       false, false, false, false, false, "How many engineers does an L6 EM influence?",
	       "15-50 engineers"}},
	{"b", {"levels", "Level differentiation", "choice", ",levels,l7,", "scope", 2, 3, 9,
	       false, true, true, false, true, "Which level owns an organisation?", "L7"}},
	{"c", {"principles", "Leadership principles", "recall", ",lp,", NULL, 1, 0, 1, false,
	       false, true, false, false, "What does STAR stand for?",
	       "Situation, Task, Action, Result"}},
	{"d", {"principles", "Leadership principles", "recall", ",lp,L6,", NULL, 3, 1, 4, true,
	       false, false, false, false, "Customer Obsession: what does it mean?", NULL}},
	{"e", {"impact", "Impact", "calc", ",impact,", "calc-a", 0, 0, 0, false, false, false,
	       true, false, "A script saves\n{hours} of work", NULL}},
	{"f", {"impact", "Impact", "open", ",impact,", NULL, 2, 6, 20, true, true, false, true,
	       false, NULL, NULL}},
};

struct match_case {
	const char *terms[MAX_TERMS];
	const char *want; /* ids of the cards matched, in table order */
};

static const struct match_case match_cases[] = {
	{{NULL}, "abcdef"},
	{{"deck:levels", NULL}, "ab"},
	{{"deck:LEADERSHIP PRINCIPLES", NULL}, "cd"},  /* a name ignores case */
	{{"deck:Levels", NULL}, ""},                   /* a key does not */
	{{"deck:levels", "deck:impact", NULL}, ""},
	{{"deck:levels", "deck:Level differentiation", NULL}, "ab"},
	{{"tag:l6", NULL}, "ad"},                      /* tags ignore case, as SQL LIKE */
	{{"tag:l6", "tag:levels", NULL}, "a"},
	{{"tag:lev", NULL}, ""},                       /* whole tags only */
	{{"type:recall", NULL}, "cd"},
	{{"type:recall", "type:text", NULL}, ""},
	{{"group:scope", NULL}, "ab"},
	{{"group:calc", NULL}, ""},
	{{"is:new", NULL}, "ae"},
	{{"is:learning", NULL}, "cd"},
	{{"is:review", NULL}, "bf"},
	{{"is:due", NULL}, "bc"},
	{{"is:suspended", NULL}, "df"},
	{{"is:buried", NULL}, "ef"},
	{{"is:leech", NULL}, "bf"},
	{{"is:flagged", NULL}, "b"},
	{{"is:leech", "is:suspended", NULL}, "f"},
	{{"is:new", "is:review", NULL}, ""},
	{{"lapses>0", NULL}, "bdf"},
	{{"lapses>=3", NULL}, "bf"},
	{{"lapses<3", NULL}, "acde"},
	{{"lapses<=3", NULL}, "abcde"},
	{{"lapses=1", NULL}, "d"},
	{{"lapses>1", "lapses<6", NULL}, "b"},
	{{"reps>=9", NULL}, "bf"},
	{{"reps<1", NULL}, "ae"},
	/* free words: prompt or answer, any case, each on its own */
	{{"star", NULL}, "c"},
	{{"STAR", "result", NULL}, "c"},               /* one in the prompt, one in the answer */
	{{"engineers", NULL}, "a"},
	{{"l7", NULL}, "b"},
	{{"customer obsession", NULL}, "d"},           /* a phrase */
	{{"customer \t obsession", NULL}, "d"},        /* any white space in a phrase */
	{{"does\nit", NULL}, "d"},
	{{"saves {hours} of", NULL}, "e"},               /* across a line break of the value */
	{{"obsession customer", NULL}, ""},
	{{"prompt", NULL}, ""},                        /* field names are not text */
	{{"answer", NULL}, ""},
	{{"{hours}", NULL}, "e"},
	{{"star", "deck:levels", NULL}, ""},
	{{"what", "is:learning", NULL}, "cd"},
	{{"what", "tag:l6", "lapses>0", NULL}, "d"},
};

static void
test_match(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(match_cases); i++) {
		const struct match_case *m = &match_cases[i];
		struct search q;
		struct sbuf got = {0};
		char err[256];
		if (search_parse(m->terms, nterms(m->terms), &q, err, sizeof(err)) != 0)
			fail_msg("case %zu: %s", i, err);
		for (size_t k = 0; k < ARRAY_LEN(cards); k++) {
			bool all = search_match(&q, &cards[k].c);
			/* The facts test passes every match, and so does the quick
			 * test on the record's text (here: prompt and answer). */
			if (all && !search_match_facts(&q, &cards[k].c))
				fail_msg("case %zu: %s matched but not its facts", i, cards[k].id);
			if (all) {
				char *text = xasprintf("%s\n%s", cards[k].c.prompt ? cards[k].c.prompt : "",
						       cards[k].c.answer ? cards[k].c.answer : "");
				bool quick = search_words_in(&q, text);
				free(text);
				if (!quick)
					fail_msg("case %zu: %s matched but not the quick test", i,
						 cards[k].id);
				sbuf_adds(&got, cards[k].id);
			}
		}
		char *ids = sbuf_take(&got);
		if (strcmp(ids, m->want) != 0)
			fail_msg("case %zu (%s%s%s): matched \"%s\", want \"%s\"", i,
				 m->terms[0] ? m->terms[0] : "(no terms)", m->terms[1] ? " " : "",
				 m->terms[1] ? m->terms[1] : "", ids, m->want);
		free(ids);
		search_free(&q);
	}
}

static void
test_contains(void **state)
{
	(void)state;
	assert_true(search_contains("What does STAR stand for?", "star"));
	assert_true(search_contains("abc", ""));
	assert_true(search_contains("abc", "ABC"));
	assert_false(search_contains("ab", "abc"));
	assert_false(search_contains("", "a"));
	assert_true(search_contains("caf\xc3\xa9 au lait", "caf\xc3\xa9"));
	assert_true(search_contains("one\n  two", "ONE TWO"));
	assert_true(search_contains("one two", "one\ttwo"));
	assert_false(search_contains("onetwo", "one two"));
	assert_false(search_contains("one", "one "));
}

/* The quick test on a record passes whenever the fields match: a phrase
 * is looked for piece by piece, since a continuation line's indent or
 * "|" may sit between its words in the record. */
static void
test_words_in_record(void **state)
{
	static const char rec[] = "id: x\nprompt: one two\n  three\nanswer: four\n  | five\n";
	static const char *const ok[] = {"two three", "four five", "ONE", "three four", NULL};
	struct search q;
	char err[128];

	(void)state;
	for (size_t i = 0; ok[i] != NULL; i++) {
		const char *t[] = {ok[i]};
		assert_int_equal(search_parse(t, 1, &q, err, sizeof(err)), 0);
		if (!search_words_in(&q, rec))
			fail_msg("\"%s\" failed the quick test on the record", ok[i]);
		search_free(&q);
	}
	const char *t[] = {"six"};
	assert_int_equal(search_parse(t, 1, &q, err, sizeof(err)), 0);
	assert_false(search_words_in(&q, rec));
	search_free(&q);
}

struct excerpt_case {
	const char *text;
	int cols;
	const char *want;
};

static const struct excerpt_case excerpt_cases[] = {
	{"short", 20, "short"},
	{"  spaces\tand\nlines  ", 40, "spaces and lines"},
	{"exactly ten", 11, "exactly ten"},
	{"one two three four", 10, "one two t\xe2\x80\xa6"},
	{"one two three four", 9, "one two\xe2\x80\xa6"}, /* no space before the ellipsis */
	{"abcdefghijkl", 5, "abcd\xe2\x80\xa6"},
	{"caf\xc3\xa9 caf\xc3\xa9 caf\xc3\xa9", 6, "caf\xc3\xa9\xe2\x80\xa6"},
	{"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe6\x97\xa5", 6, "\xe6\x97\xa5\xe6\x9c\xac\xe2\x80\xa6"},
	{"no cut at all", 0, "no cut at all"},
	{"", 10, ""},
	{"   ", 10, ""},
};

static void
test_excerpt(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(excerpt_cases); i++) {
		char *got = search_excerpt(excerpt_cases[i].text, excerpt_cases[i].cols);
		if (strcmp(got, excerpt_cases[i].want) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, got, excerpt_cases[i].want);
		free(got);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_contains),
		cmocka_unit_test(test_words_in_record),
		cmocka_unit_test(test_excerpt),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

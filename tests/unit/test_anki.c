/* Unit tests for anki: Anki's notes mapped to drill's cards. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "anki.h"
#include "check.h"
#include "fsrs.h"
#include "util.h"

static void
test_html(void **state)
{
	static const struct {
		const char *html, *text;
	} cases[] = {
		{"plain", "plain"},
		{"a<br>b", "a\nb"},
		{"<div>one</div><div>two</div>", "one\ntwo"},
		{"x<ul><li>a</li><li>b</li></ul>", "x\n- a\n- b"},
		{"&lt;b&gt; &amp; &quot;q&quot; &#39;s&#39; &#x263A; &nbsp;end", "<b> & \"q\" 's' \xe2\x98\xba end"},
		{"<b>bold</b>  and   <i>it</i>", "bold and it"},
		{"a<br><br><br>b", "a\nb"},
		{"<style>.x{}</style>shown", "shown"},
		{"see <img src=\"pic.png\"> [sound:a.mp3]here", "see here"},
		{"&bogus; & alone", "&bogus; & alone"},
	};
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct strv media = {0};
		char *t = anki_html_text(cases[i].html, &media);
		if (strcmp(t, cases[i].text) != 0)
			fail_msg("%s: got [%s], want [%s]", cases[i].html, t, cases[i].text);
		free(t);
		strv_free(&media);
	}
	struct strv media = {0};
	char *t = anki_html_text("<img src='a.png'><img src=a.png>[sound:b.mp3]", &media);
	assert_int_equal(media.n, 2);
	assert_string_equal(media.v[0], "a.png");
	assert_string_equal(media.v[1], "b.mp3");
	free(t);
	strv_free(&media);
}

/* The typed answer's pattern accepts the answer and no other. */
static void
test_literal_pattern(void **state)
{
	static const char *const answers[] = {"Customer Obsession", "$1.2M (approx.)", "a+b*c?",
					      "[x] {y} ^z$ | w\\", "C# / F#"};
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(answers); i++) {
		char *p = anki_literal_pattern(answers[i]);
		struct check_re *re = NULL;
		char err[256];
		size_t col = 0;
		if (check_re_compile(p, &re, err, sizeof(err), &col) != 0)
			fail_msg("%s: %s does not compile: %s", answers[i], p, err);
		assert_int_equal(check_re_match(re, answers[i], strlen(answers[i]), NULL, NULL),
				 CHECK_MATCH);
		char *upper = xstrdup(answers[i]);
		for (char *c = upper; *c; c++)
			if (*c >= 'a' && *c <= 'z')
				*c = (char)(*c - 32);
		assert_int_equal(check_re_match(re, upper, strlen(upper), NULL, NULL),
				 CHECK_MATCH); /* caseless */
		char *more = xasprintf("%s x", answers[i]);
		assert_int_equal(check_re_match(re, more, strlen(more), NULL, NULL), CHECK_NO_MATCH);
		free(more);
		free(upper);
		check_re_free(re);
		free(p);
	}
}

static void
test_deck_key(void **state)
{
	(void)state;
	static const struct {
		const char *name, *key;
	} cases[] = {
		{"Default", "anki-default"},
		{"Leadership::Ownership", "anki-leadership-ownership"},
		{"  L6 / L7 -- bands!  ", "anki-l6-l7-bands"},
		{"Caf\xc3\xa9 words", "anki-caf-words"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char *k = anki_deck_key(cases[i].name);
		assert_string_equal(k, cases[i].key);
		free(k);
	}
	char *a = anki_deck_key("\xe8\x8b\xb1\xe8\xaf\xad"), *b = anki_deck_key("\xe6\x95\xb0\xe5\xad\xa6");
	assert_int_equal(strncmp(a, "anki-deck-", 10), 0);
	assert_int_equal(strlen(a), 18);
	assert_string_not_equal(a, b); /* names in another script stay apart */
	free(a);
	free(b);
}

static struct anki_col
test_col(void)
{
	struct anki_col c;
	memset(&c, 0, sizeof(c));
	c.types = xcalloc(2, sizeof(*c.types));
	c.ntypes = 2;
	c.types[0].id = 1;
	c.types[0].name = xstrdup("Basic (optional reversed card)");
	strv_push(&c.types[0].fields, "Front");
	strv_push(&c.types[0].fields, "Back");
	strv_push(&c.types[0].fields, "Add Reverse");
	c.types[0].tmpls = xcalloc(2, sizeof(*c.types[0].tmpls));
	c.types[0].ntmpls = 2;
	c.types[0].tmpls[0] = (struct anki_template){0, xstrdup("Card 1"), xstrdup("{{Front}}"),
						     xstrdup("{{FrontSide}}<hr id=answer>{{Back}}")};
	c.types[0].tmpls[1] = (struct anki_template){
		1, xstrdup("Card 2"), xstrdup("{{#Add Reverse}}{{Back}}{{/Add Reverse}}"),
		xstrdup("{{FrontSide}}<hr id=answer>{{Front}}")};
	c.types[1].id = 2;
	c.types[1].name = xstrdup("Cloze");
	c.types[1].cloze = true;
	strv_push(&c.types[1].fields, "Text");
	c.types[1].tmpls = xcalloc(1, sizeof(*c.types[1].tmpls));
	c.types[1].ntmpls = 1;
	c.types[1].tmpls[0] = (struct anki_template){0, xstrdup("Cloze"), xstrdup("{{cloze:Text}}"),
						     xstrdup("{{cloze:Text}}")};
	c.decks = xcalloc(1, sizeof(*c.decks));
	c.ndecks = 1;
	c.decks[0] = (struct anki_deck){5, xstrdup("Top::Sub")};
	c.notes = xcalloc(2, sizeof(*c.notes));
	c.nnotes = 2;
	c.notes[0] = (struct anki_note){10, xstrdup("10"), 1, xstrdup("Q\x1f" "A\x1fy"), xstrdup("t1 t,2"), 0};
	c.notes[1] = (struct anki_note){20, xstrdup("20"), 2,
					xstrdup("{{c1::Paris}} is in {{c2::France::country}}, {{c1::Europe}}"),
					xstrdup(""), 0};
	c.cards = xcalloc(5, sizeof(*c.cards));
	c.ncards = 5;
	c.cards[0] = (struct anki_card){.id = 1, .nid = 10, .did = 5, .ord = 0};
	c.cards[1] = (struct anki_card){.id = 2, .nid = 10, .did = 5, .ord = 1};
	c.cards[2] = (struct anki_card){.id = 3, .nid = 20, .did = 5, .ord = 0};
	c.cards[3] = (struct anki_card){.id = 4, .nid = 20, .did = 5, .ord = 1};
	c.cards[4] = (struct anki_card){.id = 5, .nid = 99, .did = 5, .ord = 0}; /* no note */
	return c;
}

static void
test_map(void **state)
{
	struct anki_col c = test_col();
	struct anki_map m;

	(void)state;
	anki_map_col(&c, &m);
	assert_int_equal(m.n, 4);
	assert_int_equal(m.notes, 2);
	assert_string_equal(m.v[0].id, "anki-10-0");
	assert_string_equal(m.v[0].deck_key, "anki-top-sub");
	assert_string_equal(m.v[0].prompt, "Q");
	assert_string_equal(m.v[0].answer, "A");
	assert_string_equal(m.v[0].tags, "t1, t-2");
	assert_string_equal(m.v[1].id, "anki-10-1");
	assert_string_equal(m.v[1].prompt, "A");
	assert_string_equal(m.v[1].answer, "Q");
	assert_string_equal(m.v[2].id, "anki-20-0");
	assert_string_equal(m.v[2].prompt, "[...] is in France, [...]");
	assert_string_equal(m.v[2].answer, "Paris, Europe");
	assert_string_equal(m.v[3].prompt, "Paris is in [country], Europe");
	assert_string_equal(m.v[3].answer, "France");
	assert_int_equal(m.problems.n, 0);
	char *text = anki_deck_text(&m, "anki-top-sub", "x.apkg");
	assert_non_null(strstr(text, "deck: Top::Sub\n"));
	assert_non_null(strstr(text, "\nid: anki-20-1\ntype: recall\nprompt: Paris is in [country], Europe\n"));
	free(text);
	anki_map_free(&m);

	/* Without "Add Reverse", Anki makes no second card: its front is empty. */
	free(c.notes[0].flds);
	c.notes[0].flds = xstrdup("Q\x1f" "A\x1f");
	anki_map_col(&c, &m);
	assert_int_equal(m.n, 3);
	assert_int_equal(m.problems.n, 1);
	assert_string_equal(m.problems.v[0], "note 10 (Basic (optional reversed card)): its front "
					    "is empty once reduced to text");
	anki_map_free(&m);
	anki_col_free(&c);
}

static void
test_rev_keep(void **state)
{
	(void)state;
	/* learn, review, manual (not a grade), reset, learn, cram without rescheduling */
	const struct anki_rev revs[] = {
		{.ease = 3, .type = 0}, {.ease = 3, .type = 1}, {.ease = 0, .type = 4, .ivl = 5},
		{.ease = 0, .type = 4, .ivl = 0}, {.ease = 1, .type = 0}, {.ease = 0, .type = 3},
		{.ease = 3, .type = 3},
	};
	bool keep[7];
	assert_true(anki_rev_keep(revs, 7, keep));
	const bool want[7] = {false, false, false, false, true, false, true};
	for (int i = 0; i < 7; i++)
		if (keep[i] != want[i])
			fail_msg("entry %d: keep %d", i, keep[i]);
	/* A log that starts with a review is incomplete. */
	assert_false(anki_rev_keep(revs + 1, 1, keep));
	assert_false(anki_rev_keep(revs, 0, keep));
}

/* The state from interval and ease: R at the interval is 0.9, and a Good
 * review then multiplies the stability by the ease. */
static void
test_memory_from_sm2(void **state)
{
	struct fsrs_params p;
	(void)state;
	fsrs_params_default(&p);
	p.fuzz = false;
	for (int ivl = 5; ivl <= 200; ivl *= 3) {
		double s, d;
		anki_memory_from_sm2(&p, ivl, 2500, &s, &d);
		assert_true(fabs(s - ivl) < 1e-6 * ivl);
		assert_true(d >= 1.0 && d <= 10.0);
		struct fsrs_card c = {0}, out;
		c.state = FSRS_REVIEW;
		c.stability = s;
		c.difficulty = d;
		c.last_review = 0;
		c.last_day = 0;
		c.reps = 3;
		c.scheduled_days = ivl;
		c.due = (int64_t)ivl * 86400000;
		int64_t at = (int64_t)ivl * 86400000;
		assert_int_equal(fsrs_review(&p, &c, at, ivl, FSRS_GOOD, 1, &out, NULL), FSRS_OK);
		if (d > 1.0 && d < 10.0 && fabs(out.stability / s - 2.5) > 0.01)
			fail_msg("interval %d: Good multiplies S by %.4f, want 2.5", ivl,
				 out.stability / s);
	}
	double s, d, s2, d2;
	anki_memory_from_sm2(&p, 30, 1300, &s, &d);
	anki_memory_from_sm2(&p, 30, 2800, &s2, &d2);
	assert_true(d > d2); /* a lower ease: a harder card */
}

static void
test_parse_text(void **state)
{
	const char *txt = "#separator:Tab\n#html:false\n#notetype column:1\n#guid column:2\n"
			  "#deck:Mine\n#tags:x\n"
			  "Basic\tg1\tWhat is <b>?\tA \"tag\"\n"
			  "Cloze\tg-2\t{{c1::a}} and {{c3::b}}\textra\n"
			  "Basic (type in the answer)\t!!\t1+1?\t2\n"
			  "\n"
			  "Basic\t\"quoted\tguid\"\t\"multi\nline\"\tback\n";
	struct anki_col c;
	struct anki_map m;
	char err[256];

	(void)state;
	assert_int_equal(anki_parse_text("t.txt", txt, strlen(txt), &c, err, sizeof(err)), 0);
	assert_int_equal(c.nnotes, 4);
	assert_int_equal(c.ndecks, 1);
	assert_string_equal(c.decks[0].name, "Mine"); /* the header's line break is not kept */
	assert_string_equal(c.notes[0].key, "g1");
	assert_string_equal(c.notes[1].key, "g-2");
	assert_int_equal(strlen(c.notes[2].key), 16); /* "!!" is no id: a hash */
	anki_map_col(&c, &m);
	assert_int_equal(m.n, 5);
	assert_string_equal(m.v[0].prompt, "What is <b>?"); /* html:false keeps it text */
	assert_string_equal(m.v[0].deck_key, "anki-mine");
	assert_string_equal(m.v[1].id, "anki-g-2-0");
	assert_string_equal(m.v[2].id, "anki-g-2-2");
	assert_string_equal(m.v[2].prompt, "a and [...]");
	assert_string_equal(m.v[3].type, "text");
	assert_string_equal(m.v[3].answer, "2");
	assert_string_equal(m.v[4].prompt, "multi\nline");
	anki_map_free(&m);
	anki_col_free(&c);
	assert_int_equal(anki_parse_text("e.txt", "#html:true\n", 11, &c, err, sizeof(err)), -1);
	anki_col_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html),	     cmocka_unit_test(test_literal_pattern),
		cmocka_unit_test(test_deck_key),     cmocka_unit_test(test_map),
		cmocka_unit_test(test_rev_keep),     cmocka_unit_test(test_memory_from_sm2),
		cmocka_unit_test(test_parse_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

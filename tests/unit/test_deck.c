/* Unit tests for the deck parser: structure, every card type, diagnostics. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "answer.h"
#include "deck.h"
#include "util.h"

static struct deck *
parse_ok(const char *text)
{
	struct diag_list dl = {0};
	struct deck *d = NULL;
	int rc = deck_parse("t.deck", text, strlen(text), &d, &dl);

	for (size_t i = 0; i < dl.n; i++) {
		char *m = diag_format(&dl.v[i]);
		print_error("unexpected: %s\n", m);
		free(m);
	}
	assert_int_equal(rc, 0);
	assert_int_equal(dl.errors, 0);
	assert_non_null(d);
	diag_list_free(&dl);
	return d;
}

/* Parses text, which must fail, and returns its diagnostics joined by '\n'. */
static char *
parse_errors(const char *text)
{
	struct diag_list dl = {0};
	struct deck *d = (struct deck *)&dl;
	struct sbuf b = {0};

	assert_int_equal(deck_parse("t.deck", text, strlen(text), &d, &dl), -1);
	assert_null(d);
	for (size_t i = 0; i < dl.n; i++) {
		char *m = diag_format(&dl.v[i]);
		sbuf_printf(&b, "%s%s", i ? "\n" : "", m);
		free(m);
	}
	diag_list_free(&dl);
	return sbuf_take(&b);
}

static const char good_deck[] =
    "# a comment before the header\n"
    "deck: Test deck\n"
    "description: Cards for the parser's tests,\n"
    "  continued on an indented line.\n"
    "tags: a, b ,c\n"
    "\n"
    "id: r1\n"
    "prompt: Name the STAR parts.\n"
    "answer: Situation, Task, Action, Result\n"
    "  | (in that order)\n"
    "explain: Structure first.\n"
    "\n"
    "\n"
    "id: t1\n"
    "type: text\n"
    "# comments may sit inside a record\n"
    "prompt: L6 planning horizon?\n"
    "answer: quarterly to annual\n"
    "accept: quarter\\w*\\s*(to|-)\\s*annual\n"
    "reject: multi\n"
    "example: Quarterly - annual\n"
    "counterexample: annual to multi-year\n"
    "hint: shorter than L7's\n"
    "tags: horizon\n"
    "\n"
    "id: n1\n"
    "type: number\n"
    "prompt: L6 minimum annual impact?\n"
    "answer: $1M\n"
    "example: 1,000,000\n"
    "example: $1 million\n"
    "counterexample: $10M\n"
    "\n"
    "id: c1\n"
    "type: choice\n"
    "prompt: 5+ departments coordinated is which level?\n"
    "option: L6\n"
    "option: L7\n"
    "answer: L7\n"
    "\n"
    "id: k1\n"
    "type: calc\n"
    "method: labor\n"
    "hours: 24\n"
    "occurrences: 52\n"
    "rate: $100..$200 step $10\n"
    "walkthrough: yes\n"
    "prompt: Testing took {hours} per release, {occurrences} releases a year, at {rate} an hour.\n"
    "\n"
    "id: o1\n"
    "type: open\n"
    "prompt: Tell me about a time you measured customer impact.\n"
    "principle: Customer Obsession\n"
    "level: l6\n"
    "point: names a metric => \\b(nps|conversion|churn)\\b\n"
    "point: says how it was measured=>a/b|before and after\n"
    "point: strategic impact above $10M => money >= $10M\n"
    "notes: metric, instrument, loop, decision\n";

static void
test_good_deck(void **state)
{
	(void)state;
	struct deck *d = parse_ok(good_deck);

	assert_string_equal(d->key, "t");
	assert_string_equal(d->name, "Test deck");
	assert_string_equal(d->description,
			    "Cards for the parser's tests, continued on an indented line.");
	assert_int_equal(d->tags.n, 3);
	assert_string_equal(d->tags.v[1], "b");
	assert_int_equal(d->ncards, 6);

	const struct card *r = &d->cards[0];
	assert_string_equal(r->id, "r1");
	assert_int_equal(r->type, CARD_RECALL);
	assert_int_equal(r->line, 7);
	assert_string_equal(r->answer, "Situation, Task, Action, Result\n(in that order)");

	const struct card *t = &d->cards[1];
	assert_int_equal(t->type, CARD_TEXT);
	assert_int_equal(t->line, 14);
	assert_int_equal(t->naccept, 1);
	assert_int_equal(t->nreject, 1);
	assert_string_equal(t->hint, "shorter than L7's");
	assert_true(answer_text_accepts(t, "  Quarterly   to annual "));
	assert_false(answer_text_accepts(t, "quarterly to multi-year annual"));
	assert_false(answer_text_accepts(t, ""));

	const struct card *n = &d->cards[2];
	assert_int_equal(n->unit, AMOUNT_MONEY);
	assert_true(fabs(n->value - 1e6) < 1e-6);
	assert_true(fabs(n->tolerance - 0.01) < 1e-12);
	assert_int_equal(answer_judge(n, "$1.0M", NULL, 0), CALC_CORRECT);
	assert_int_equal(answer_judge(n, "$1.03M", NULL, 0), CALC_CLOSE);
	assert_int_equal(answer_judge(n, "$2M", NULL, 0), CALC_WRONG);
	char err[128];
	assert_int_equal(answer_judge(n, "lots", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "lots"));

	const struct card *c = &d->cards[3];
	assert_int_equal(c->options.n, 2);
	assert_string_equal(c->answer, "L7");

	const struct card *k = &d->cards[4];
	assert_non_null(k->method);
	assert_string_equal(k->method->name, "labor");
	assert_int_equal(k->nranges, 3);
	assert_true(k->walkthrough);
	assert_string_equal(k->ask, "annual");

	const struct card *o = &d->cards[5];
	assert_string_equal(o->level, "L6");
	assert_int_equal(o->npoints, 3);
	assert_string_equal(o->points[0].label, "names a metric");
	assert_string_equal(o->points[1].label, "says how it was measured");
	assert_int_equal(check_re_match(o->points[1].re, "Before and after", 16, NULL, NULL), 1);
	assert_int_equal(o->points[1].cond.kind, AMOUNT_ANY);
	/* an amount condition instead of a pattern */
	assert_string_equal(o->points[2].label, "strategic impact above $10M");
	assert_null(o->points[2].re);
	assert_int_equal(o->points[2].cond.kind, AMOUNT_MONEY);
	assert_int_equal(o->points[2].cond.cmp, AMOUNT_GE);
	assert_true(o->points[2].cond.value == 10e6);
	deck_free(d);
}

/* A card's stored source parses back to the same card. */
static void
test_card_source_round_trip(void **state)
{
	(void)state;
	struct deck *d = parse_ok(good_deck);

	for (size_t i = 0; i < d->ncards; i++) {
		const struct card *c = &d->cards[i];
		struct diag_list dl = {0};
		struct card *again = NULL;
		assert_int_equal(deck_parse_card("t.deck", c->line, c->source,
						 strlen(c->source), &again, &dl), 0);
		assert_string_equal(again->id, c->id);
		assert_string_equal(again->hash, c->hash);
		assert_int_equal(again->line, c->line);
		assert_int_equal(again->type, c->type);
		card_free(again);
		diag_list_free(&dl);
	}
	deck_free(d);
}

/* The hash follows the content, not the layout. */
static void
test_hash_tracks_content(void **state)
{
	(void)state;
	static const char a[] = "deck: D\n\nid: x\nprompt: What?\nanswer: This.\n";
	static const char b[] = "deck: D\n\n\n# moved down\nid: x\nprompt:    What?\nanswer: This.\n";
	static const char c[] = "deck: D\n\nid: x\nprompt: What now?\nanswer: This.\n";
	struct deck *da = parse_ok(a), *db = parse_ok(b), *dc = parse_ok(c);

	assert_string_equal(da->cards[0].hash, db->cards[0].hash);
	assert_string_not_equal(da->cards[0].hash, dc->cards[0].hash);
	assert_int_equal(db->cards[0].line, 5);
	deck_free(da);
	deck_free(db);
	deck_free(dc);
}

/* group: names a card's siblings; the name is kept, absent means NULL. */
static void
test_groups(void **state)
{
	(void)state;
	struct deck *d = parse_ok("deck: D\n\n"
				  "id: a\ntype: number\nprompt: L7 floor?\nanswer: $10M\n"
				  "group: l7-impact-floor\n\n"
				  "id: b\ntype: choice\ngroup: l7-impact-floor\nprompt: $12M is?\n"
				  "option: L6\noption: L7\nanswer: L7\n\n"
				  "id: c\ntype: calc\nmethod: labor\nhours: 24\noccurrences: 52\n"
				  "rate: $100\nprompt: {hours} {occurrences} {rate}\ngroup: 3-way\n\n"
				  "id: d\nprompt: p\nanswer: a\n");

	assert_int_equal(d->ncards, 4);
	assert_string_equal(d->cards[0].group, "l7-impact-floor");
	assert_string_equal(d->cards[1].group, "l7-impact-floor");
	assert_string_equal(d->cards[2].group, "3-way");
	assert_null(d->cards[3].group);

	/* The stored source keeps the group. */
	struct diag_list dl = {0};
	struct card *again = NULL;
	assert_int_equal(deck_parse_card("t.deck", d->cards[1].line, d->cards[1].source,
					 strlen(d->cards[1].source), &again, &dl), 0);
	assert_string_equal(again->group, "l7-impact-floor");
	card_free(again);
	diag_list_free(&dl);
	deck_free(d);
}

/* Adding, changing or removing a group changes the hash: it is content. */
static void
test_hash_tracks_group(void **state)
{
	(void)state;
	static const char none[] = "deck: D\n\nid: x\nprompt: What?\nanswer: This.\n";
	static const char g1[] = "deck: D\n\nid: x\nprompt: What?\nanswer: This.\ngroup: g1\n";
	static const char g1_moved[] = "deck: D\n\nid: x\nprompt: What?\nanswer: This.\n"
				       "group:   g1\n";
	static const char g2[] = "deck: D\n\nid: x\nprompt: What?\nanswer: This.\ngroup: g2\n";
	struct deck *a = parse_ok(none), *b = parse_ok(g1), *c = parse_ok(g1_moved),
		    *e = parse_ok(g2);

	assert_string_not_equal(a->cards[0].hash, b->cards[0].hash);
	assert_string_equal(b->cards[0].hash, c->cards[0].hash);
	assert_string_not_equal(b->cards[0].hash, e->cards[0].hash);
	deck_free(a);
	deck_free(b);
	deck_free(c);
	deck_free(e);
}

/*
 * A deck saved with a UTF-8 byte-order mark parses like the same deck
 * without one. Regression: the mark glued to "deck:" made the header an
 * unknown record, reported as "a deck starts with a header record".
 */
static void
test_byte_order_mark(void **state)
{
	(void)state;
	static const char with[] = "\xef\xbb\xbf" "deck: D\n\nid: x\nprompt: What?\nanswer: This.\n";
	struct deck *plain = parse_ok(with + 3), *d = parse_ok(with);

	assert_string_equal(d->name, "D");
	assert_int_equal(d->ncards, 1);
	assert_int_equal(d->cards[0].line, 3);
	assert_string_equal(d->cards[0].hash, plain->cards[0].hash);
	assert_string_equal(d->cards[0].source, plain->cards[0].source);
	deck_free(plain);
	deck_free(d);

	/* Columns on the first line count from the character after the mark. */
	char *got = parse_errors("\xef\xbb\xbf" "deck D\n");
	assert_string_equal(got, "t.deck:1:5: error: expected 'field: value' (field names are lower case)\n"
				 "t.deck: error: empty deck: no header record (deck: name)");
	free(got);

	/* Only a mark at the very start is skipped. */
	got = parse_errors("deck: D\n\n\xef\xbb\xbf" "id: x\nprompt: p\nanswer: a\n");
	assert_non_null(strstr(got, "t.deck:3:1: error: expected 'field: value'"));
	free(got);

	/* deck_parse_card too, for buffers that come from elsewhere. */
	struct diag_list dl = {0};
	struct card *c = NULL;
	static const char card[] = "\xef\xbb\xbf" "id: x\nprompt: p\nanswer: a\n";
	assert_int_equal(deck_parse_card("t.deck", 1, card, strlen(card), &c, &dl), 0);
	assert_string_equal(c->id, "x");
	card_free(c);
	diag_list_free(&dl);
}

/* Each bad deck and the exact diagnostics it must produce. */
static const struct {
	const char *name;
	const char *text;
	const char *want;
} bad_decks[] = {
    {"no header", "id: a\nprompt: p\nanswer: a\n",
     "t.deck:1: error: a deck starts with a header record (deck: name)"},
    {"empty file", "", "t.deck: error: empty deck: no header record (deck: name)"},
    {"missing colon", "deck: D\n\nid: a\nprompt p\nanswer: a\n",
     "t.deck:4:7: error: expected 'field: value' (field names are lower case)\n"
     "t.deck:3: error: recall card \"a\" needs a prompt: field"},
    {"continuation first", "  indented\ndeck: D\n",
     "t.deck:1:3: error: continuation line with no field before it"},
    {"unknown field and type",
     "deck: D\n\nid: a\nprompt: p\nanswer: a\ncolour: red\n\nid: b\ntype: essay\nprompt: p\n",
     "t.deck:6: error: unknown field \"colour\"\n"
     "t.deck:9:7: error: unknown card type \"essay\" (recall, text, number, choice, calc, open)"},
    {"duplicate id and field",
     "deck: D\n\nid: a\nprompt: p\nanswer: a\n\nid: a\nprompt: q\nanswer: b\n\n"
     "id: c\nprompt: p\nprompt: q\nanswer: b\n",
     "t.deck:13: error: field \"prompt\" given twice (first at line 12)\n"
     "t.deck:7: error: duplicate id \"a\" (first defined at t.deck:3)"},
    {"bad pattern", "deck: D\n\nid: a\ntype: text\nprompt: p\nanswer: x\naccept: ab(c\n",
     "t.deck:7:13: error: accept pattern does not compile: missing closing parenthesis"},
    {"example not accepted",
     "deck: D\n\nid: a\ntype: text\nprompt: p\nanswer: yes\naccept: ^yes$\nexample: yeah\n"
     "counterexample: yes\n",
     "t.deck:8:10: error: example \"yeah\" is not accepted\n"
     "t.deck:9:17: error: counterexample \"yes\" is accepted"},
    {"answer not accepted",
     "deck: D\n\nid: a\ntype: text\nprompt: p\nanswer: maybe\naccept: ^yes$\n",
     "t.deck:6:9: error: the answer itself is not accepted by the accept/reject patterns"},
    /* Regression: the valid example was refused as "not accepted". */
    {"pattern too expensive on an example",
     "deck: D\n\nid: a\ntype: text\nprompt: p\nanswer: five percent\n"
     "accept: (\\w+\\s?)+ percent\\b\n"
     "example: five percent of all checkout traffic in the last quarter\n",
     "t.deck:7:9: error: accept pattern too expensive: matching example \"five percent of all "
     "checkout traffic in the last quarter\" hits PCRE2's match limit; simplify it: a repeated "
     "group like (\\w+\\s?)+ backtracks without end"},
    /* Regression: a reject pattern that gave up was taken as "no match", silently. */
    {"reject pattern too expensive on an example",
     "deck: D\n\nid: a\ntype: text\nprompt: p\nanswer: 25%\naccept: %\n"
     "reject: ^(\\w+\\s?)+$\nexample: all checkout traffic in the last quarter: 25%\n",
     "t.deck:8:9: error: reject pattern too expensive: matching example \"all checkout traffic "
     "in the last quarter: 25%\" hits PCRE2's match limit; simplify it: a repeated group like "
     "(\\w+\\s?)+ backtracks without end"},
    {"pattern too expensive on the answer, with a verdict all the same",
     "deck: D\n\nid: a\ntype: text\nprompt: p\n"
     "answer: the new single page checkout flow for returning customers!\n"
     "accept: !$\naccept: ^(\\w+\\s?)+\\w$\n",
     "t.deck:8:9: error: accept pattern too expensive: matching the answer \"the new single "
     "page checkout flow for returning customers!\" hits PCRE2's match limit; simplify it: a "
     "repeated group like (\\w+\\s?)+ backtracks without end"},
    {"choice answer",
     "deck: D\n\nid: a\ntype: choice\nprompt: p\noption: L6\noption: L6\nanswer: L8\n",
     "t.deck:3: error: choice card \"a\" lists option \"L6\" twice\n"
     "t.deck:8:9: error: the answer must be the exact text of one option"},
    {"number answer", "deck: D\n\nid: a\ntype: number\nprompt: p\nanswer: 1..2M\nunit: money\n",
     "t.deck:6:9: error: cannot read \"1..2M\" as an amount"},
    {"calc method", "deck: D\n\nid: a\ntype: calc\nmethod: convertion\nprompt: p\n",
     "t.deck:5:9: error: method \"convertion\" is not in the catalogue (see drill calc --list)"},
    {"field for another type", "deck: D\n\nid: a\nprompt: p\nanswer: a\noption: x\n",
     "t.deck:6: error: field \"option\" does not apply to recall cards"},
    {"bad id", "deck: D\n\nid: no spaces please\nprompt: p\nanswer: a\n",
     "t.deck:3:5: error: id \"no spaces please\" must be 1-64 letters, digits, '-', '_' or '.'"},
    {"invalid utf-8", "deck: D\n\nid: a\nprompt: caf\xc3\nanswer: a\n",
     "t.deck:4:12: error: invalid UTF-8"},
    {"group with spaces and capitals", "deck: D\n\nid: a\nprompt: p\nanswer: a\ngroup: L7 floor\n",
     "t.deck:6:8: error: group name \"L7 floor\" must be 1-64 lower-case letters, "
     "digits and hyphens, with no hyphen at either end (e.g. l7-impact-floor)"},
    {"group with an underscore", "deck: D\n\nid: a\nprompt: p\nanswer: a\ngroup: l7_floor\n",
     "t.deck:6:10: error: group name \"l7_floor\" must be 1-64 lower-case letters, "
     "digits and hyphens, with no hyphen at either end (e.g. l7-impact-floor)"},
    {"group ending in a hyphen, empty group, two groups",
     "deck: D\n\nid: a\nprompt: p\nanswer: a\ngroup: l7-\n\n"
     "id: b\nprompt: p\nanswer: a\ngroup:\n\n"
     "id: c\nprompt: p\nanswer: a\ngroup: x\ngroup: y\n",
     "t.deck:6:10: error: group name \"l7-\" must be 1-64 lower-case letters, "
     "digits and hyphens, with no hyphen at either end (e.g. l7-impact-floor)\n"
     "t.deck:11:7: error: group: needs a name: 1-64 lower-case letters, digits and hyphens "
     "(e.g. l7-impact-floor)\n"
     "t.deck:17: error: field \"group\" given twice (first at line 16)"},
    {"group name too long",
     "deck: D\n\nid: a\nprompt: p\nanswer: a\n"
     "group: abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij\n",
     "t.deck:6:72: error: group name \"abcdefghij-abcdefghij-abcdefghij-abcdefghij-"
     "abcdefghij-abcdefghij\" must be 1-64 lower-case letters, digits and hyphens, "
     "with no hyphen at either end (e.g. l7-impact-floor)"},
    {"open point", "deck: D\n\nid: a\ntype: open\nprompt: p\nlevel: L9\npoint: no arrow here\n",
     "t.deck:6:8: error: level is L6, L7 or any\n"
     "t.deck:7:8: error: a point is written 'label => pattern' or 'label => KIND OP "
     "AMOUNT' (e.g. money >= $10M)"},
    {"open point conditions that cannot be read",
     "deck: D\n\nid: a\ntype: open\nprompt: p\n"
     "point: big => dollars >= $10M\n"
     "point: big => money >= lots\n"
     "point: big => money >=\n"
     "point: share => percent > $5M\n"
     "point: fine => money >= $10M\n",
     "t.deck:6:15: error: point condition: an amount condition starts with money, percent "
     "or count, not \"dollars\" (a condition is KIND OP AMOUNT: money, percent or count, "
     "then >=, >, <= or <, then an amount, e.g. money >= $10M)\n"
     "t.deck:7:24: error: point condition: cannot read \"lots\" as money (a condition is "
     "KIND OP AMOUNT: money, percent or count, then >=, >, <= or <, then an amount, e.g. "
     "money >= $10M)\n"
     "t.deck:8:23: error: point condition: the condition needs an amount after \">=\" (a "
     "condition is KIND OP AMOUNT: money, percent or count, then >=, >, <= or <, then an "
     "amount, e.g. money >= $10M)\n"
     "t.deck:9:27: error: point condition: \"$5M\" is money, not a percent (a condition is "
     "KIND OP AMOUNT: money, percent or count, then >=, >, <= or <, then an amount, e.g. "
     "money >= $10M)"},
};

static void
test_bad_decks(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bad_decks) / sizeof(bad_decks[0]); i++) {
		char *got = parse_errors(bad_decks[i].text);
		if (strcmp(got, bad_decks[i].want) != 0)
			fail_msg("%s:\n got: %s\nwant: %s", bad_decks[i].name, got,
				 bad_decks[i].want);
		free(got);
	}
}

/* Calc cards name the method's inputs; messages quote the catalogue. */
static void
test_calc_inputs(void **state)
{
	(void)state;
	const struct impact_method *m = impact_method_find("labor");
	assert_non_null(m);
	int occ = impact_input_index(m, "occurrences"), rate = impact_input_index(m, "rate");
	assert_true(occ >= 0 && rate >= 0);
	char *want = xasprintf(
		"t.deck:7: error: unknown field \"minutes\" (method labor takes: hours, occurrences, rate)\n"
		"t.deck:3: error: calc card \"a\" needs a range for input \"occurrences\" (%s)\n"
		"t.deck:3: error: calc card \"a\" needs a range for input \"rate\" (%s)\n"
		"t.deck:8:9: error: placeholder {oops} is not an input of labor (inputs: hours, occurrences, rate)",
		m->inputs[occ].help, m->inputs[rate].help);
	char *got = parse_errors("deck: D\n\nid: a\ntype: calc\nmethod: labor\nhours: 10\n"
				 "minutes: 3\nprompt: {hours} {oops}\n");
	assert_string_equal(got, want);
	free(got);
	free(want);

	/* A step that the method does not have. */
	got = parse_errors("deck: D\n\nid: a\ntype: calc\nmethod: labor\nhours: 10\n"
			   "occurrences: 5\nrate: $100\nask: profit\nprompt: p\n");
	assert_non_null(strstr(got, "t.deck:9:6: error: method labor has no step \"profit\""));
	free(got);
}

/* Ids must be unique across decks too. */
static void
test_ids_across_decks(void **state)
{
	(void)state;
	struct deck *a = parse_ok("deck: A\n\nid: same\nprompt: p\nanswer: a\n");
	struct deck *b = parse_ok("deck: B\n\nid: other\nprompt: p\nanswer: a\n\n"
				  "id: same\nprompt: q\nanswer: b\n");
	struct deck *both[2] = {a, b};
	struct diag_list dl = {0};

	free(b->path);
	b->path = xstrdup("b.deck");
	assert_int_equal(deck_check_ids(both, 2, &dl), 1);
	char *m = diag_format(&dl.v[0]);
	assert_string_equal(m, "t.deck:3: error: duplicate id \"same\" (first defined at b.deck:7)");
	free(m);
	diag_list_free(&dl);
	deck_free(a);
	deck_free(b);
}

/*
 * A deck with errors still lists every record's id (deck_parse_partial),
 * so a duplicate is found across decks whatever else is wrong. Regression:
 * the importer compared ids only between decks without errors.
 */
static void
test_ids_of_a_deck_with_errors(void **state)
{
	(void)state;
	static const char text[] = "deck: B\n\n"
				   "id: broken\ntype: flashcard\nprompt: p\n\n"
				   "id: fine\nprompt: p\nanswer: a\n\n"
				   "prompt: no id\nanswer: a\n\n"
				   "id: broken\nprompt: q\nanswer: b\n";
	struct deck *a = parse_ok("deck: A\n\nid: fine\nprompt: p\nanswer: a\n\n"
				  "id: broken\nprompt: p\nanswer: a\n");
	struct deck *b = NULL;
	struct diag_list dl = {0};

	assert_int_equal(deck_parse_partial("b.deck", text, strlen(text), &b, &dl), -1);
	assert_non_null(b);
	assert_int_equal(b->ncards, 2);
	assert_int_equal(b->nids, 3);
	assert_string_equal(b->ids[0].id, "broken");
	assert_int_equal(b->ids[0].line, 3);
	assert_string_equal(b->ids[2].id, "broken");
	assert_int_equal(b->ids[2].line, 14);
	/* the unknown type, the record without an id, and "broken" twice */
	assert_int_equal(dl.errors, 3);
	char *m = diag_format(&dl.v[2]);
	assert_string_equal(m, "b.deck:14: error: duplicate id \"broken\" (first defined at b.deck:3)");
	free(m);
	diag_list_free(&dl);

	/* Across decks: each of b's ids once, not its own second "broken". */
	struct deck *both[2] = {a, b};
	assert_int_equal(deck_check_ids(both, 2, &dl), 2);
	m = diag_format(&dl.v[0]);
	assert_string_equal(m, "t.deck:7: error: duplicate id \"broken\" (first defined at b.deck:3)");
	free(m);
	m = diag_format(&dl.v[1]);
	assert_string_equal(m, "t.deck:3: error: duplicate id \"fine\" (first defined at b.deck:7)");
	free(m);
	diag_list_free(&dl);
	deck_free(a);
	deck_free(b);
}

static void
test_type_names(void **state)
{
	(void)state;
	for (int t = 0; t < CARD_TYPE_COUNT; t++)
		assert_int_equal(card_type_from_name(card_type_name((enum card_type)t)), t);
	assert_int_equal(card_type_from_name("essay"), -1);
}

/* deck_record_values reads fields the way deck_parse joins them, and
 * says NULL for a field the record lacks. */
static void
test_record_values(void **state)
{
	static const char rec[] = "id: x\n"
				  "type: text\n"
				  "prompt: What does\n"
				  "  STAR stand for?\n"
				  "answer: one\n"
				  "  | two\n"
				  "# a comment\n"
				  "explain: prompt: answer: in a value\n";
	static const char *const names[] = {"prompt", "answer", "hint", "explain"};
	char *v[4];

	(void)state;
	deck_record_values(rec, strlen(rec), names, 4, v);
	assert_string_equal(v[0], "What does STAR stand for?");
	assert_string_equal(v[1], "one\ntwo");
	assert_null(v[2]);
	assert_string_equal(v[3], "prompt: answer: in a value");
	for (size_t i = 0; i < 4; i++)
		free(v[i]);
	deck_record_values("", 0, names, 1, v);
	assert_null(v[0]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_deck),
		cmocka_unit_test(test_card_source_round_trip),
		cmocka_unit_test(test_hash_tracks_content),
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_hash_tracks_group),
		cmocka_unit_test(test_byte_order_mark),
		cmocka_unit_test(test_bad_decks),
		cmocka_unit_test(test_calc_inputs),
		cmocka_unit_test(test_ids_across_decks),
		cmocka_unit_test(test_ids_of_a_deck_with_errors),
		cmocka_unit_test(test_type_names),
		cmocka_unit_test(test_record_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

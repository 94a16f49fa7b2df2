/*
 * Unit tests for the story parser (src/story.c): the sample folder, every
 * error message, short forms, the nearest suggestion, the byte-order mark,
 * continuation lines, duplicate ids across files and impact sums.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "slurp.h"
#include "story.h"
#include "util.h"

/* Every diagnostic of dl, formatted, one a line. */
static char *
format_diags(const struct diag_list *dl)
{
	struct sbuf b = {0};

	for (size_t i = 0; i < dl->n; i++) {
		char *m = diag_format(&dl->v[i]);
		sbuf_printf(&b, "%s%s", i ? "\n" : "", m);
		free(m);
	}
	return sbuf_take(&b);
}

/* Parses text as t.story, which must have no errors; the caller frees the set. */
static void
parse_ok(const char *text, struct story_set *set)
{
	struct diag_list dl = {0};
	int rc = story_parse("t.story", text, strlen(text), set, &dl);

	story_check_ids(set, &dl);
	if (dl.errors > 0) {
		char *got = format_diags(&dl);
		fail_msg("unexpected diagnostics:\n%s", got);
	}
	assert_int_equal(rc, 0);
	diag_list_free(&dl);
}

/* Parses text as t.story, which must have errors (duplicate ids count); returns every diagnostic. */
static char *
parse_errors(const char *text)
{
	struct story_set set = {0};
	struct diag_list dl = {0};
	char *got;

	story_parse("t.story", text, strlen(text), &set, &dl);
	story_check_ids(&set, &dl);
	assert_true(dl.errors > 0);
	got = format_diags(&dl);
	story_set_free(&set);
	diag_list_free(&dl);
	return got;
}

/* A story with every required field, to which a test appends lines. */
#define STORY_HEAD                                                                                 \
	"id: s1\n"                                                                                 \
	"title: A story\n"                                                                         \
	"level: L6\n"                                                                              \
	"principles: Dive Deep\n"                                                                  \
	"situation: s\n"                                                                           \
	"task: t\n"                                                                                \
	"action: a\n"                                                                              \
	"result: r\n"

static void
read_file(const char *name, char **buf, size_t *len)
{
	char *path = xasprintf("%s/%s", DRILL_TEST_DATA, name);

	*buf = slurp(path, len);
	if (*buf == NULL)
		fail_msg("cannot read %s", path);
	free(path);
}

static bool
near(double a, double b)
{
	return fabs(a - b) <= 1e-6 * fmax(1, fabs(b));
}

/* The sample folder of tests/data/stories: one candidate's six stories. */
static void
test_sample_folder(void **state)
{
	(void)state;
	static const char *const files[] = {"stories/checkout.story", "stories/growth.story",
					    "stories/platform.story"};
	struct story_set set = {0};
	struct diag_list dl = {0};
	const struct story *s;

	for (size_t i = 0; i < ARRAY_LEN(files); i++) {
		char *buf;
		size_t len;
		read_file(files[i], &buf, &len);
		assert_int_equal(story_parse(files[i], buf, len, &set, &dl), 0);
		free(buf);
	}
	assert_int_equal(story_check_ids(&set, &dl), 0);
	if (dl.n > 0) {
		char *got = format_diags(&dl);
		fail_msg("unexpected diagnostics:\n%s", got);
	}
	assert_int_equal(set.n, 6);
	for (size_t i = 0; i < set.n; i++)
		assert_true(story_is_valid(set.v[i]));

	s = story_find(&set, "checkout-latency");
	assert_non_null(s);
	assert_string_equal(s->path, "stories/checkout.story");
	assert_int_equal(s->line, 4);
	assert_int_equal(s->level, 7);
	assert_int_equal(s->nprinciples, 3);
	assert_int_equal(s->principles[0], principle_find("Dive Deep", 9));
	assert_int_equal(s->principles[1], principle_find("Deliver Results", 15));
	assert_int_equal(s->principles[2], principle_find("Earn Trust", 10));
	assert_int_equal(s->when_from, 202403);
	assert_int_equal(s->when_to, 202501);
	assert_int_equal(s->nimpacts, 1);
	assert_string_equal(s->impacts[0].method->name, "conversion");
	assert_int_equal(s->impacts[0].line, 21);
	assert_true(near(s->impacts[0].values[0], 4e6));
	assert_true(near(s->impacts[0].values[4], 0.7));
	assert_true(near(s->impacts[0].annual, 17472000));
	assert_true(s->has_annual);
	assert_true(near(s->annual, 17472000));
	assert_string_equal(s->estimate_differently.value,
			    "the 70% share rests on one quarter's pricing data; a longer holdout "
			    "would settle it");
	assert_int_equal(s->estimate_differently.line, 23);
	assert_int_equal(s->nendorsements, 1);
	assert_string_equal(s->endorsements[0].name, "Dana Ito");
	assert_string_equal(s->endorsements[0].title, "Director of Payments");
	assert_string_equal(s->endorsements[0].credit, "credits the $17.5M a year to this work");
	assert_int_equal(s->endorsements[0].line, 25);
	assert_non_null(strstr(s->source, "id: checkout-latency\n"));
	assert_non_null(strstr(s->source, "endorsement: Dana Ito"));

	/* "l6" is L6; short forms CO, Invent & Simplify, DD */
	s = story_find(&set, "payment-retries");
	assert_int_equal(s->level, 6);
	assert_int_equal(s->nprinciples, 3);
	assert_string_equal(principle_at(s->principles[0])->name, "Customer Obsession");
	assert_string_equal(principle_at(s->principles[1])->name, "Invent and Simplify");
	assert_string_equal(principle_at(s->principles[2])->name, "Dive Deep");

	/* two impact: lines, summed */
	s = story_find(&set, "build-costs");
	assert_int_equal(s->nimpacts, 2);
	assert_true(near(s->impacts[0].annual, 1566000));
	assert_true(near(s->impacts[1].annual, 1482000));
	assert_true(near(s->annual, 3048000));
	/* the file starts with a byte-order mark: lines count as without it */
	assert_int_equal(s->line, 3);

	/* "Have Backbone; Disagree and Commit" as Amazon writes it is one principle */
	s = story_find(&set, "marketplace-launch");
	assert_int_equal(s->nprinciples, 4);
	assert_string_equal(principle_at(s->principles[3])->name,
			    "Have Backbone; Disagree and Commit");
	assert_string_equal(principle_at(s->principles[2])->name, "Are Right, A Lot");
	/* a continuation line of an endorsement */
	assert_string_equal(s->endorsements[0].credit,
			    "the marketplace was Priya's proposal and she carried it through the "
			    "pilot");

	/* no impact: no annual figure; a single month */
	s = story_find(&set, "tech-lead-program");
	assert_int_equal(s->nimpacts, 0);
	assert_false(s->has_annual);
	assert_null(s->validated.value);
	assert_int_equal(s->validated.line, 0);
	s = story_find(&set, "incident-reviews");
	assert_int_equal(s->when_from, 202401);
	assert_int_equal(s->when_to, 202401);
	assert_null(story_find(&set, "nope"));

	story_set_free(&set);
	story_set_free(&set); /* an emptied set may be freed again */
	diag_list_free(&dl);
}

/*
 * The examples a new user copies (examples/stories) and the sample folder
 * parse without a diagnostic, and each story's result: states the annual
 * figure its impact: lines give, as drill writes it.
 */
static void
test_examples_agree_with_the_engine(void **state)
{
	(void)state;
	static const char *const files[] = {
	    DRILL_SOURCE_DIR "/examples/stories/checkout-latency.story",
	    DRILL_SOURCE_DIR "/examples/stories/support.story",
	    DRILL_TEST_DATA "/stories/checkout.story",
	    DRILL_TEST_DATA "/stories/growth.story",
	    DRILL_TEST_DATA "/stories/platform.story",
	};
	struct story_set set = {0};
	struct diag_list dl = {0};
	size_t with_figure = 0;

	for (size_t i = 0; i < ARRAY_LEN(files); i++) {
		size_t len;
		char *buf = slurp(files[i], &len);
		if (buf == NULL)
			fail_msg("cannot read %s", files[i]);
		story_parse(files[i], buf, len, &set, &dl);
		free(buf);
	}
	story_check_ids(&set, &dl); /* the examples repeat one sample id: */
	assert_int_equal(dl.n, 1);  /* checkout-latency, on purpose */
	assert_non_null(strstr(dl.v[0].msg, "duplicate story id \"checkout-latency\""));
	assert_int_equal(set.n, 9);
	for (size_t i = 0; i < set.n; i++) {
		const struct story *s = set.v[i];
		char figure[AMOUNT_FORMAT_MAX];

		if (!s->has_annual)
			continue;
		with_figure++;
		amount_format(s->annual, AMOUNT_MONEY, figure, sizeof(figure));
		if (strstr(s->result.value, figure) == NULL)
			fail_msg("%s: result: does not state %s", s->id, figure);
	}
	assert_int_equal(with_figure, 8);
	story_set_free(&set);
	diag_list_free(&dl);
}

/* tests/data/stories-bad/broken.story and the exact diagnostics it must produce. */
static void
test_broken_file(void **state)
{
	(void)state;
	char *buf, *want, *got;
	size_t len, wlen;
	struct story_set set = {0};
	struct diag_list dl = {0};

	read_file("stories-bad/broken.story", &buf, &len);
	read_file("stories-bad/broken.expected", &want, &wlen);
	assert_int_equal(story_parse("broken.story", buf, len, &set, &dl), -1);
	assert_int_equal(story_check_ids(&set, &dl), 1);
	assert_int_equal(set.n, 0);
	got = format_diags(&dl);
	while (wlen > 0 && want[wlen - 1] == '\n')
		want[--wlen] = '\0';
	assert_string_equal(got, want);
	free(got);
	free(want);
	free(buf);
	story_set_free(&set);
	diag_list_free(&dl);
}

/* Each bad story and the exact diagnostics it must produce. */
static const struct {
	const char *name;
	const char *text;
	const char *want;
} bad_stories[] = {
    {"no id", "title: t\nlevel: L6\nprinciples: DD\nsituation: s\ntask: t\naction: a\nresult: r\n",
     "t.story:1: error: story has no id: write id: a stable name of letters, digits, '-', '_' "
     "or '.', e.g. checkout-latency"},
    {"empty id", "id:\ntitle: t\nlevel: L6\nprinciples: DD\nsituation: s\ntask: t\naction: "
		 "a\nresult: r\n",
     "t.story:1: error: story has no id: write id: a stable name of letters, digits, '-', '_' "
     "or '.', e.g. checkout-latency"},
    {"bad id", "id: a b\ntitle: t\nlevel: L6\nprinciples: DD\nsituation: s\ntask: t\naction: "
	       "a\nresult: r\n",
     "t.story:1: error: id \"a b\" must be 1-64 letters, digits, '-', '_' or '.'"},
    {"every required field missing", "id: s1\n",
     "t.story:1: error: story \"s1\" needs a title: field (one line that names the story)\n"
     "t.story:1: error: story \"s1\" needs a level: field (L6 or L7)\n"
     "t.story:1: error: story \"s1\" needs a principles: field (the leadership principles it "
     "shows, separated by ';', e.g. Dive Deep; Earn Trust)\n"
     "t.story:1: error: story \"s1\" needs a situation: field (the context: where, when and "
     "what was at stake)\n"
     "t.story:1: error: story \"s1\" needs a task: field (what you had to achieve, and why it "
     "was yours)\n"
     "t.story:1: error: story \"s1\" needs an action: field (what you did yourself, step by "
     "step)\n"
     "t.story:1: error: story \"s1\" needs a result: field (what came of it, with the "
     "figures)"},
    {"title twice, the second empty", STORY_HEAD "title:\n",
     "t.story:9: error: field \"title\" given twice (first at line 2)"},
    {"empty fields", "id: s1\ntitle:\nlevel: L6\nprinciples: DD\nsituation: s\ntask: t\naction: "
		     "a\nresult: r\nvalidated:\nestimate_differently:\n",
     "t.story:2: error: field \"title\" is empty: write one line that names the story\n"
     "t.story:9: error: field \"validated\" is empty: write how the figure was checked, and by "
     "whom, or leave the field out\n"
     "t.story:10: error: field \"estimate_differently\" is empty: write what could change the "
     "figure, and how you would settle it, or leave the field out"},
    {"unknown field, near", STORY_HEAD "situaton: x\nprinciple: DD\nestimate-differently: x\n",
     "t.story:9: error: unknown field \"situaton\" (did you mean \"situation\"?)\n"
     "t.story:10: error: unknown field \"principle\" (did you mean \"principles\"?)\n"
     "t.story:11: error: unknown field \"estimate-differently\" (did you mean "
     "\"estimate_differently\"?)"},
    {"unknown field, nothing near", STORY_HEAD "deck: My deck\n",
     "t.story:9: error: unknown field \"deck\" (a story has id, title, level, principles, when, "
     "situation, task, action, result, impact, validated, estimate_differently, endorsement)"},
    {"field twice", STORY_HEAD "result: again\nwhen: 2024-01\nwhen: 2024-02\n",
     "t.story:9: error: field \"result\" given twice (first at line 8)\n"
     "t.story:11: error: field \"when\" given twice (first at line 10)"},
    {"level", "id: s1\ntitle: t\nlevel: L8\nprinciples: DD\nsituation: s\ntask: t\naction: "
	      "a\nresult: r\n",
     "t.story:3: error: level \"L8\" must be L6 or L7"},
    {"level words", "id: s1\ntitle: t\nlevel: senior\nprinciples: DD\nsituation: s\ntask: "
		    "t\naction: a\nresult: r\n",
     "t.story:3: error: level \"senior\" must be L6 or L7"},
    {"unknown principle, near", "id: s1\ntitle: t\nlevel: L6\nprinciples: Dive Deeper\n"
				"situation: s\ntask: t\naction: a\nresult: r\n",
     "t.story:4: error: unknown leadership principle 'Dive Deeper': did you mean 'Dive Deep'?"},
    {"unknown principle, nothing near", "id: s1\ntitle: t\nlevel: L6\nprinciples: DD; "
					"Teamwork\nsituation: s\ntask: t\naction: a\nresult: r\n",
     "t.story:4: error: unknown leadership principle 'Teamwork': write one of the 16 names or a "
     "short form (docs/stories.md lists them)"},
    {"principles separated by commas", "id: s1\ntitle: t\nlevel: L6\nprinciples: Ownership, "
				       "Frugality, TB\nsituation: s\ntask: t\naction: "
				       "a\nresult: r\n",
     "t.story:4: error: unknown leadership principle 'Ownership, Frugality, TB': separate "
     "principles with ';' (Ownership; Frugality; Think Big)"},
    {"principle twice, as written", "id: s1\ntitle: t\nlevel: L6\nprinciples: DD; Frugality; "
				    "DD\nsituation: s\ntask: t\naction: a\nresult: r\n",
     "t.story:4: error: leadership principle 'Dive Deep' is named twice; name it once"},
    {"principle twice, two forms", "id: s1\ntitle: t\nlevel: L6\nprinciples: Backbone; "
				   "Disagree and Commit; TB\nsituation: s\ntask: t\naction: "
				   "a\nresult: r\n",
     "t.story:4: error: leadership principle 'Have Backbone; Disagree and Commit' is named "
     "twice (as 'Backbone' and 'Disagree and Commit'); name it once"},
    {"no principle", "id: s1\ntitle: t\nlevel: L6\nprinciples: ; ;\nsituation: s\ntask: "
		     "t\naction: a\nresult: r\n",
     "t.story:4: error: field \"principles\" names none: write the leadership principles it "
     "shows, separated by ';', e.g. Dive Deep; Earn Trust"},
    {"too many principles", "id: s1\ntitle: t\nlevel: L6\nprinciples: DD;DD;DD;DD;DD;DD;DD;"
			    "DD;DD;DD;DD;DD;DD;DD;DD;DD;DD;DD\nsituation: s\ntask: t\naction: "
			    "a\nresult: r\n",
     "t.story:4: error: field \"principles\" names 18; a story shows at most 16 leadership "
     "principles: keep the few it shows best"},
    {"when, words", STORY_HEAD "when: spring 2024\n",
     "t.story:9: error: when \"spring 2024\" must be YYYY-MM or YYYY-MM to YYYY-MM (e.g. "
     "2024-03 to 2025-01)"},
    {"when, day", STORY_HEAD "when: 2024-03-01\n",
     "t.story:9: error: when \"2024-03-01\" must be YYYY-MM or YYYY-MM to YYYY-MM (e.g. "
     "2024-03 to 2025-01)"},
    {"when, dash", STORY_HEAD "when: 2024-03 - 2024-05\n",
     "t.story:9: error: when \"2024-03 - 2024-05\" must be YYYY-MM or YYYY-MM to YYYY-MM (e.g. "
     "2024-03 to 2025-01)"},
    {"when, month 0", STORY_HEAD "when: 2024-00\n",
     "t.story:9: error: when \"2024-00\": month 00 is not 01 to 12"},
    {"when, month 13 at the end", STORY_HEAD "when: 2024-01 to 2024-13\n",
     "t.story:9: error: when \"2024-01 to 2024-13\": month 13 is not 01 to 12"},
    {"when, year", STORY_HEAD "when: 0024-01\n",
     "t.story:9: error: when \"0024-01\": year 0024 is not a year of a career"},
    {"when, backwards", STORY_HEAD "when: 2025-01 to 2024-03\n",
     "t.story:9: error: when \"2025-01 to 2024-03\" ends before it starts: write the earlier "
     "month first"},
    {"impact, empty", STORY_HEAD "impact:\n",
     "t.story:9: error: field \"impact\" is empty: write a drill calc method and its inputs, "
     "e.g. conversion traffic=4M before=2.3% after=3.1% aov=65"},
    {"impact, unknown method, near", STORY_HEAD "impact: convertion traffic=4M\n",
     "t.story:9: error: impact: unknown method \"convertion\": did you mean \"conversion\"? "
     "(drill calc --list shows the methods)"},
    {"impact, unknown method", STORY_HEAD "impact: revenue=4M\n",
     "t.story:9: error: impact: unknown method \"revenue=4M\": the line starts with a method of "
     "drill calc --list, then its inputs as name=value"},
    {"impact, unknown input", STORY_HEAD "impact: cloud cost_before=2M cost_after=1M colour=red\n",
     "t.story:9: error: impact: cloud: unknown input \"colour\" (it takes cost_before, "
     "cost_after, attribution)"},
    {"impact, missing input", STORY_HEAD "impact: cloud cost_before=2M\n",
     "t.story:9: error: impact: cloud: missing input \"cost_after\" (monthly cost after)"},
    {"impact, input twice", STORY_HEAD "impact: cloud cost_before=2M cost_before=1M\n",
     "t.story:9: error: impact: cloud: input \"cost_before\" is given twice (it takes "
     "cost_before, cost_after, attribution)"},
    {"impact, not name=value", STORY_HEAD "impact: cloud 2M 1M\n",
     "t.story:9: error: impact: cloud: \"2M\" is not name=value (it takes cost_before, "
     "cost_after, attribution)"},
    {"impact, unreadable value", STORY_HEAD "impact: cloud cost_before=lots cost_after=1M\n",
     "t.story:9: error: impact: cloud: input \"cost_before\": cannot read \"lots\" as an amount "
     "(it takes cost_before, cost_after, attribution)"},
    {"impact, the engine refuses", STORY_HEAD "impact: cloud cost_before=1M cost_after=2M\n",
     "t.story:9: error: impact: cloud: cost_before ($1M) must be above cost_after ($2M)"},
    {"impact, too many words", STORY_HEAD "impact: total a=1 b=1 c=1 d=1 e=1 f=1 g=1 h=1 i=1 "
				     "j=1 k=1 l=1 m=1 n=1 o=1 p=1 q=1 r=1\n",
     "t.story:9: error: impact: too many inputs: a method takes at most 16"},
    {"impact, total of nothing", STORY_HEAD "impact: total\n",
     "t.story:9: error: impact: total: give the components as name=value (e.g. labor=187K "
     "quality=145K)"},
    {"impact, a value that is not an amount", STORY_HEAD "impact: total a=$900B*1000 b=1\n",
     "t.story:9: error: impact: total: component \"a\": cannot read \"$900B*1000\" as an "
     "amount"},
    {"impact, a total too large", STORY_HEAD "impact: total a=999999999999999 "
					  "b=999999999999999\n",
     "t.story:9: error: impact: total: step 1 (total impact) comes to $2e+15: drill works with "
     "amounts below 1e15 (a quadrillion); check the inputs"},
    {"impacts adding up too much", STORY_HEAD "impact: total a=999999999999999\n"
					   "impact: total b=999999999999999\n",
     "t.story:9: error: impact: the lines add up to $2e+15: drill works with amounts below "
     "1e15 (a quadrillion)"},
    {"endorsement without a title", STORY_HEAD "endorsement: Dana Ito: great work\n",
     "t.story:9: error: endorsement \"Dana Ito: great work\" must be \"Name, Title: what they "
     "credit\" (e.g. Dana Ito, Director of Payments: credits the $17M a year to this work)"},
    {"endorsement without a credit", STORY_HEAD "endorsement: Dana Ito, Director:\n",
     "t.story:9: error: endorsement \"Dana Ito, Director:\" must be \"Name, Title: what they "
     "credit\" (e.g. Dana Ito, Director of Payments: credits the $17M a year to this work)"},
    {"endorsement without a colon", STORY_HEAD "endorsement: Dana Ito, Director\n",
     "t.story:9: error: endorsement \"Dana Ito, Director\" must be \"Name, Title: what they "
     "credit\" (e.g. Dana Ito, Director of Payments: credits the $17M a year to this work)"},
    {"endorsement without a name", STORY_HEAD "endorsement: , Director: credits it\n",
     "t.story:9: error: endorsement \", Director: credits it\" must be \"Name, Title: what they "
     "credit\" (e.g. Dana Ito, Director of Payments: credits the $17M a year to this work)"},
    {"duplicate id in one file", STORY_HEAD "\n" STORY_HEAD,
     "t.story:10: error: duplicate story id \"s1\" (first defined at t.story:1): give each "
     "story its own id"},
    {"syntax", STORY_HEAD "Result: upper case\n  \n",
     "t.story:9:1: error: expected 'field: value' (field names are lower case)"},
    {"continuation first", "  indented\n" STORY_HEAD,
     "t.story:1:3: error: continuation line with no field before it"},
    {"NUL byte", STORY_HEAD "validated: a\0b\n",
     "t.story:9:13: error: NUL byte in story file"},
    {"invalid UTF-8", STORY_HEAD "validated: caf\xc3\n",
     "t.story:9:15: error: invalid UTF-8"},
};

static void
test_bad_stories(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(bad_stories); i++) {
		/* the NUL case: its length runs to the last newline */
		const char *t = bad_stories[i].text;
		size_t len = strlen(t);
		struct story_set set = {0};
		struct diag_list dl = {0};
		char *got;

		if (strstr(bad_stories[i].name, "NUL") != NULL)
			len += 1 + strlen(t + len + 1);
		story_parse("t.story", t, len, &set, &dl);
		story_check_ids(&set, &dl);
		got = format_diags(&dl);
		if (strcmp(got, bad_stories[i].want) != 0 || dl.errors == 0)
			fail_msg("%s:\n got: %s\nwant: %s", bad_stories[i].name, got,
				 bad_stories[i].want);
		free(got);
		story_set_free(&set);
		diag_list_free(&dl);
	}
}

/* A percent read as a fraction is a warning, not an error; the story loads. */
static void
test_fraction_warning(void **state)
{
	(void)state;
	static const char text[] = STORY_HEAD "impact: cloud cost_before=2M cost_after=1M "
					      "attribution=0.5\n";
	struct story_set set = {0};
	struct diag_list dl = {0};
	char *got;

	assert_int_equal(story_parse("t.story", text, strlen(text), &set, &dl), 0);
	got = format_diags(&dl);
	assert_string_equal(got, "t.story:9: warning: impact: attribution 0.5 \xe2\x86\x92 50%, "
				 "read as a fraction");
	free(got);
	assert_int_equal(set.n, 1);
	assert_true(near(set.v[0]->annual, 6e6));
	story_set_free(&set);
	diag_list_free(&dl);
}

/* The named components of a total, and defaults. */
static void
test_impact_forms(void **state)
{
	(void)state;
	static const char text[] = STORY_HEAD "impact: total labor=187K quality=145K\n"
					      "  release=380K\n"
					      "impact: cloud cost_before=$410K cost_after=$265K\n";
	struct story_set set = {0};
	const struct story *s;

	parse_ok(text, &set);
	s = set.v[0];
	assert_int_equal(s->nimpacts, 2);
	assert_true(s->impacts[0].args.total);
	assert_int_equal(s->impacts[0].args.n, 3);
	assert_string_equal(s->impacts[0].args.names[2], "release");
	assert_true(near(s->impacts[0].values[2], 380000));
	assert_true(near(s->impacts[0].annual, 712000));
	assert_string_equal(s->impacts[0].result.steps[0].expression, "$187K + $145K + $380K");
	assert_string_equal(s->impacts[0].text, "total labor=187K quality=145K release=380K");
	assert_false(s->impacts[1].args.total);
	assert_true(s->impacts[1].args.defaulted[2]); /* attribution: 100% */
	assert_true(near(s->impacts[1].annual, 1740000));
	assert_true(near(s->annual, 2452000));
	assert_int_equal(s->impacts[1].result.nsteps, 3);
	story_set_free(&set);
}

/* Continuation lines, comments inside a record, and the lines of fields. */
static void
test_continuation_and_lines(void **state)
{
	(void)state;
	static const char text[] = "# a story file\n"
				   "\n"
				   "id: s1\n"
				   "title: A story\n"
				   "# a comment inside the record\n"
				   "level: L7\n"
				   "principles: Dive Deep;\n"
				   "  Earn Trust\n"
				   "situation: first line\n"
				   "  second line\n"
				   "  | a new line\n"
				   "task: t\n"
				   "action: a\n"
				   "result: r\n"
				   "\n"
				   "\n"
				   "id: s2\n"
				   "title: Another\n"
				   "level: L6\n"
				   "principles: Frugality\n"
				   "situation: s\n"
				   "task: t\n"
				   "action: a\n"
				   "result: r\n";
	struct story_set set = {0};
	const struct story *s;

	parse_ok(text, &set);
	assert_int_equal(set.n, 2);
	s = set.v[0];
	assert_int_equal(s->line, 3);
	assert_int_equal(s->title.line, 4);
	assert_int_equal(s->level_text.line, 6);
	assert_int_equal(s->principles_text.line, 7);
	assert_int_equal(s->nprinciples, 2);
	assert_string_equal(s->situation.value, "first line second line\na new line");
	assert_int_equal(s->situation.line, 9);
	assert_int_equal(s->task.line, 12);
	assert_int_equal(s->when_from, 0);
	assert_int_equal(s->when_to, 0);
	assert_non_null(strstr(s->source, "# a comment inside the record"));
	assert_true(strncmp(s->source, "id: s1\n", 7) == 0);
	assert_true(s->source[strlen(s->source) - 1] == 'r');
	assert_int_equal(set.v[1]->line, 17);
	story_set_free(&set);
}

/* A byte-order mark is skipped: same lines, same digest, same source. */
static void
test_byte_order_mark(void **state)
{
	(void)state;
	static const char with[] = "\xef\xbb\xbf" STORY_HEAD;
	struct story_set a = {0}, b = {0};

	parse_ok(with, &a);
	parse_ok(with + 3, &b);
	assert_int_equal(a.v[0]->line, 1);
	assert_string_equal(a.v[0]->id, "s1");
	assert_string_equal(a.v[0]->hash, b.v[0]->hash);
	assert_string_equal(a.v[0]->source, b.v[0]->source);
	story_set_free(&a);
	story_set_free(&b);

	/* only at the very start */
	char *got = parse_errors(STORY_HEAD "\n\xef\xbb\xbf" "id: s2\n");
	assert_string_equal(got, "t.story:10:1: error: expected 'field: value' (field names are "
				 "lower case)");
	free(got);
}

/* The digest follows the content, not comments, spacing or line numbers. */
static void
test_hash(void **state)
{
	(void)state;
	struct story_set a = {0}, b = {0}, c = {0};

	parse_ok(STORY_HEAD, &a);
	parse_ok("# comment\n\n" "id: s1\ntitle:   A story\n# x\nlevel: L6\nprinciples: Dive Deep\n"
		 "situation: s\ntask: t\naction: a\nresult: r\n",
		 &b);
	parse_ok(STORY_HEAD "impact: cloud cost_before=2M cost_after=1M\n", &c);
	assert_string_equal(a.v[0]->hash, b.v[0]->hash);
	assert_string_not_equal(a.v[0]->hash, c.v[0]->hash);
	assert_int_equal(strlen(a.v[0]->hash), 16);
	story_set_free(&a);
	story_set_free(&b);
	story_set_free(&c);

	/* story_hash8: FNV-1a, 32 bits, stable on every machine */
	char h[9];
	story_hash8("", 0, h);
	assert_string_equal(h, "811c9dc5");
	story_hash8("a", 1, h);
	assert_string_equal(h, "e40c292c");
	story_hash8("$17.5M", 6, h);
	char h2[9];
	story_hash8("$17.5M and more", 6, h2);
	assert_string_equal(h, h2);
	story_hash8("$17.4M", 6, h2);
	assert_string_not_equal(h, h2);
}

/* Duplicate ids across files cite both places; a record with other errors counts too. */
static void
test_ids_across_files(void **state)
{
	(void)state;
	static const char one[] = STORY_HEAD "\n" "id: s2\ntitle: t\nlevel: L6\nprinciples: DD\n"
				  "situation: s\ntask: t\naction: a\nresult: r\n";
	static const char two[] = "id: s2\ntitle: t\nlevel: L9\n\n" STORY_HEAD;
	struct story_set set = {0};
	struct diag_list dl = {0};
	char *got;

	assert_int_equal(story_parse("a.story", one, strlen(one), &set, &dl), 0);
	assert_int_equal(story_parse("b.story", two, strlen(two), &set, &dl), -1);
	assert_int_equal(set.n, 3); /* b.story's s2 has errors: not in the set */
	assert_int_equal(set.nrefs, 4);
	assert_int_equal(story_check_ids(&set, &dl), 2);
	got = format_diags(&dl);
	assert_non_null(strstr(got, "b.story:5: error: duplicate story id \"s1\" (first defined at "
				    "a.story:1): give each story its own id"));
	assert_non_null(strstr(got, "b.story:1: error: duplicate story id \"s2\" (first defined at "
				    "a.story:10): give each story its own id"));
	free(got);
	story_set_free(&set);
	diag_list_free(&dl);

	/* three times: each later one cites the first */
	static const char three[] = STORY_HEAD "\n" STORY_HEAD "\n" STORY_HEAD;
	got = parse_errors(three);
	assert_string_equal(got, "t.story:10: error: duplicate story id \"s1\" (first defined at "
				 "t.story:1): give each story its own id\n"
				 "t.story:19: error: duplicate story id \"s1\" (first defined at "
				 "t.story:1): give each story its own id");
	free(got);
}

/* Empty input and input with only comments: no stories, no errors. */
static void
test_empty(void **state)
{
	(void)state;
	struct story_set set = {0};
	struct diag_list dl = {0};

	assert_int_equal(story_parse("t.story", "", 0, &set, &dl), 0);
	assert_int_equal(story_parse("t.story", "# nothing yet\n\n", 15, &set, &dl), 0);
	assert_int_equal(story_check_ids(&set, &dl), 0);
	assert_int_equal(set.n, 0);
	assert_int_equal(dl.n, 0);
	story_set_free(&set);
}

/* story_is_valid refuses each broken invariant. */
static void
test_is_valid(void **state)
{
	(void)state;
	struct story_set set = {0};
	struct story *s;

	parse_ok(STORY_HEAD "when: 2024-01 to 2024-03\nimpact: cloud cost_before=2M cost_after=1M\n",
		 &set);
	s = set.v[0];
	assert_true(story_is_valid(s));
	s->level = 8;
	assert_false(story_is_valid(s));
	s->level = 6;
	s->principles[s->nprinciples++] = s->principles[0];
	assert_false(story_is_valid(s));
	s->nprinciples--;
	s->when_to = 202313;
	assert_false(story_is_valid(s));
	s->when_to = 202312;
	assert_false(story_is_valid(s)); /* before when_from */
	s->when_to = 202403;
	s->annual += 1;
	assert_false(story_is_valid(s));
	s->annual -= 1;
	assert_true(story_is_valid(s));
	s->has_annual = false;
	assert_false(story_is_valid(s));
	s->has_annual = true;
	story_set_free(&set);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sample_folder),
	    cmocka_unit_test(test_examples_agree_with_the_engine),
	    cmocka_unit_test(test_broken_file),
	    cmocka_unit_test(test_bad_stories),
	    cmocka_unit_test(test_fraction_warning),
	    cmocka_unit_test(test_impact_forms),
	    cmocka_unit_test(test_continuation_and_lines),
	    cmocka_unit_test(test_byte_order_mark),
	    cmocka_unit_test(test_hash),
	    cmocka_unit_test(test_ids_across_files),
	    cmocka_unit_test(test_empty),
	    cmocka_unit_test(test_is_valid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* deck: see deck.h and docs/deck-format.md. */
#include "deck.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "answer.h"
#include "record.h"
#include "words.h"

#define DECK_GROUP_MAX 64
#define DECK_MAX_OPTIONS 26

static const char *const deck_type_names[CARD_TYPE_COUNT] = {
	"recall", "text", "number", "choice", "calc", "open",
};

#define T(x) (1u << (x))
#define T_ALL 0x3fu

/* Which fields each card type takes, and which may repeat. */
static const struct deck_fieldspec {
	const char *name;
	unsigned types;
	bool repeat;
} deck_fields[] = {
	{"id", T_ALL, false},
	{"type", T_ALL, false},
	{"prompt", T_ALL, false},
	{"answer", T(CARD_RECALL) | T(CARD_TEXT) | T(CARD_NUMBER) | T(CARD_CHOICE), false},
	{"explain", T_ALL, false},
	{"hint", T_ALL, false},
	{"tags", T_ALL, false},
	{"group", T_ALL, false},
	{"accept", T(CARD_TEXT), true},
	{"reject", T(CARD_TEXT), true},
	{"concept", T(CARD_TEXT), true},
	{"single", T(CARD_NUMBER), false},
	{"close", T(CARD_NUMBER), false},
	{"example", T(CARD_TEXT) | T(CARD_NUMBER), true},
	{"counterexample", T(CARD_TEXT) | T(CARD_NUMBER), true},
	{"unit", T(CARD_NUMBER), false},
	{"tolerance", T(CARD_NUMBER) | T(CARD_CALC), false},
	{"option", T(CARD_CHOICE), true},
	{"method", T(CARD_CALC), false},
	{"ask", T(CARD_CALC), false},
	{"walkthrough", T(CARD_CALC), false},
	{"principle", T(CARD_OPEN), false},
	{"level", T(CARD_OPEN), false},
	{"point", T(CARD_OPEN), true},
	{"notes", T(CARD_OPEN), false},
};

const char *
card_type_name(enum card_type t)
{
	return (unsigned)t < CARD_TYPE_COUNT ? deck_type_names[t] : "?";
}

int
card_type_from_name(const char *name)
{
	for (int i = 0; i < CARD_TYPE_COUNT; i++)
		if (strcmp(deck_type_names[i], name) == 0)
			return i;
	return -1;
}

static const struct deck_fieldspec *
deck_fieldspec_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(deck_fields); i++)
		if (strcmp(deck_fields[i].name, name) == 0)
			return &deck_fields[i];
	return NULL;
}

/* ---- cards ------------------------------------------------------------ */

void
card_free(struct card *c)
{
	if (c == NULL)
		return;
	free(c->id);
	free(c->source);
	free(c->prompt);
	free(c->answer);
	free(c->explain);
	free(c->hint);
	strv_free(&c->tags);
	free(c->group);
	free(c->file);
	strv_free(&c->examples);
	strv_free(&c->counterexamples);
	strv_free(&c->concepts);
	strv_free(&c->vocab);
	strv_free(&c->avoid);
	for (size_t i = 0; i < c->naccept; i++)
		check_re_free(c->accept[i]);
	free(c->accept);
	for (size_t i = 0; i < c->nreject; i++)
		check_re_free(c->reject[i]);
	free(c->reject);
	strv_free(&c->options);
	free(c->ranges);
	free(c->ask);
	free(c->principle);
	free(c->level);
	free(c->notes);
	for (size_t i = 0; i < c->npoints; i++) {
		free(c->points[i].label);
		check_re_free(c->points[i].re);
	}
	free(c->points);
	free(c);
}

static char *
deck_dup(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* Splits a comma-separated list into sv, trimming each item. */
static void
deck_split_tags(const char *s, struct strv *sv)
{
	while (s && *s) {
		const char *comma = strchr(s, ',');
		const char *e = comma ? comma : s + strlen(s);
		const char *b = s;
		while (b < e && isspace((unsigned char)*b))
			b++;
		while (e > b && isspace((unsigned char)e[-1]))
			e--;
		if (e > b) {
			char *t = xstrndup(b, (size_t)(e - b));
			strv_push(sv, t);
			free(t);
		}
		s = comma ? comma + 1 : NULL;
	}
}

/*
 * Offset of the first character of a group name that is not a lower-case
 * letter, a digit or an inner hyphen, or -1 when the name is valid.
 */
static int
deck_group_bad_char(const char *g)
{
	size_t n = strlen(g);

	for (size_t i = 0; i < n && i < DECK_GROUP_MAX; i++) {
		unsigned char ch = (unsigned char)g[i];
		bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
			  (ch == '-' && i > 0 && i + 1 < n);
		if (!ok)
			return (int)i;
	}
	return n > DECK_GROUP_MAX ? DECK_GROUP_MAX : -1;
}

/* Parsing context for one record turned into a card. */
struct deck_cardctx {
	const char *path;
	struct diag_list *dl;
	struct record *r;
	struct card *c;
	size_t errors;
};

static void
deck_err(struct deck_cardctx *k, const struct record_field *f, int coloff,
	 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
deck_err(struct deck_cardctx *k, const struct record_field *f, int coloff,
	 const char *fmt, ...)
{
	struct sbuf b = {0};
	va_list ap;
	int line = f ? f->line : k->r->first_line;
	int col = f && coloff >= 0 ? f->col + coloff : 0;

	va_start(ap, fmt);
	sbuf_vprintf(&b, fmt, ap);
	va_end(ap);
	diag_add(k->dl, DIAG_ERROR, k->path, line, col, "%s", b.buf);
	sbuf_free(&b);
	k->errors++;
}

/* A required, non-empty field's value, or NULL after reporting it. */
static const char *
deck_need(struct deck_cardctx *k, const char *name)
{
	const char *v = record_value(k->r, name);

	if (v == NULL || *v == '\0') {
		deck_err(k, v ? record_get(k->r, name) : NULL, -1,
			 "%s card \"%s\" needs %s %s: field",
			 card_type_name(k->c->type), k->c->id,
			 strchr("aeiou", name[0]) != NULL ? "an" : "a", name);
		return NULL;
	}
	return v;
}

/* Compiles every field called name into an owned array of patterns. */
static struct check_re **
deck_patterns(struct deck_cardctx *k, const char *name, size_t *count)
{
	struct check_re **v = NULL;
	size_t n = 0;

	for (size_t i = 0; i < k->r->n; i++) {
		struct record_field *f = &k->r->f[i];
		char err[256];
		size_t col = 0;
		struct check_re *re;

		if (strcmp(f->name, name) != 0)
			continue;
		f->used = true;
		if (check_re_compile(f->value.buf ? f->value.buf : "", &re, err,
				     sizeof(err), &col) != 0) {
			deck_err(k, f, (int)col - 1,
				 "%s pattern does not compile: %s", name, err);
			continue;
		}
		v = xrealloc(v, (n + 1) * sizeof(*v));
		v[n++] = re;
	}
	*count = n;
	return v;
}

static void
deck_collect(struct record *r, const char *name, struct strv *sv)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->f[i].name, name) == 0) {
			r->f[i].used = true;
			strv_push(sv, r->f[i].value.buf ? r->f[i].value.buf : "");
		}
}

/*
 * Refuses every pattern of a text card that hits PCRE2's match or depth
 * limit on one of the card's own examples, counterexamples or its answer:
 * answers like those could never be judged. Returns how many it refused.
 */
static size_t
deck_check_costs(struct deck_cardctx *k)
{
	const struct card *c = k->c;
	const struct strv *lists[2] = {&c->examples, &c->counterexamples};
	const char *kinds[2] = {"example ", "counterexample "};
	size_t nsamples = c->examples.n + c->counterexamples.n + 1, refused = 0;
	char **norm = xcalloc(nsamples, sizeof(*norm));
	const char **kind = xcalloc(nsamples, sizeof(*kind));
	const char **raw = xcalloc(nsamples, sizeof(*raw));
	size_t n = 0;

	for (size_t l = 0; l < 2; l++)
		for (size_t i = 0; i < lists[l]->n; i++) {
			raw[n] = lists[l]->v[i];
			kind[n] = kinds[l];
			norm[n++] = check_normalise(lists[l]->v[i]);
		}
	raw[n] = c->answer;
	kind[n] = "the answer ";
	norm[n++] = check_normalise(c->answer);
	for (size_t p = 0; p < c->naccept + c->nreject; p++) {
		bool acc = p < c->naccept;
		const struct check_re *re = acc ? c->accept[p] : c->reject[p - c->naccept];
		const char *name = acc ? "accept" : "reject";

		for (size_t i = 0; i < n; i++) {
			if (check_re_match(re, norm[i], strlen(norm[i]), NULL, NULL) != CHECK_LIMIT)
				continue;
			deck_err(k, record_nth(k->r, name, acc ? p : p - c->naccept), 0,
				 "%s pattern too expensive: matching %s\"%s\" hits PCRE2's match "
				 "limit; simplify it: a repeated group like (\\w+\\s?)+ "
				 "backtracks without end",
				 name, kind[i], raw[i]);
			refused++;
			break;
		}
	}
	for (size_t i = 0; i < n; i++)
		free(norm[i]);
	free(norm);
	free(kind);
	free(raw);
	return refused;
}

/*
 * Runs the card's examples and counterexamples through the answer judge.
 * An unjudged one is left to deck_check_costs, which names the pattern.
 */
static void
deck_run_examples(struct deck_cardctx *k)
{
	struct card *c = k->c;
	size_t ei = 0, ci = 0;

	if (c->type == CARD_TEXT && c->answer)
		deck_check_costs(k);
	for (size_t i = 0; i < k->r->n; i++) {
		struct record_field *f = &k->r->f[i];
		char err[256] = "";
		bool example = strcmp(f->name, "example") == 0;
		int v;

		if (!example && strcmp(f->name, "counterexample") != 0)
			continue;
		const char *s = example ? c->examples.v[ei++] : c->counterexamples.v[ci++];
		v = answer_judge(c, s, err, sizeof(err));
		if (v == ANSWER_UNJUDGED)
			continue;
		if (example && v != CALC_CORRECT)
			deck_err(k, f, 0, "example \"%s\" is not accepted%s%s", s,
				 v < 0 ? ": " : "", v < 0 ? err : "");
		else if (!example && v == CALC_CORRECT)
			deck_err(k, f, 0, "counterexample \"%s\" is accepted", s);
	}
	if (c->type == CARD_TEXT && c->answer &&
	    answer_judge(c, c->answer, NULL, 0) == CALC_WRONG)
		deck_err(k, record_get(k->r, "answer"), 0,
			 "the answer itself is not accepted by the accept/reject patterns");
}

/*
 * The words a text card's answers are corrected toward (words.h): its
 * answer, examples, accept patterns and concepts, minus the words of its
 * reject patterns. Also checks the concept lines.
 */
static void
deck_card_vocab(struct deck_cardctx *k)
{
	struct card *c = k->c;

	for (size_t i = 0; i < c->concepts.n; i++) {
		const char *p = c->concepts.v[i];

		for (;;) {
			const char *bar = strchr(p, '|');
			size_t n = bar != NULL ? (size_t)(bar - p) : strlen(p);
			bool word = false;

			for (size_t j = 0; j < n; j++)
				word |= isalnum((unsigned char)p[j]) != 0;
			if (!word) {
				deck_err(k, NULL, -1,
					 "concept \"%s\" of card \"%s\" has an empty alternative: "
					 "write words separated by |, like sustainab | ongoing or "
					 "one-time",
					 c->concepts.v[i], c->id);
				break;
			}
			if (bar == NULL)
				break;
			p = bar + 1;
		}
	}
	if (c->answer != NULL)
		words_vocab_add(&c->vocab, c->answer, false);
	for (size_t i = 0; i < c->concepts.n; i++)
		words_vocab_add(&c->vocab, c->concepts.v[i], false);
	for (size_t i = 0; i < c->naccept; i++)
		words_vocab_add(&c->vocab, check_re_source(c->accept[i]), true);
	/* Last, so that an example's typo ("fruglaity") is not a word of its own. */
	for (size_t i = 0; i < c->examples.n; i++)
		words_vocab_add_text(&c->vocab, c->examples.v[i]);
	for (size_t i = 0; i < c->nreject; i++)
		words_vocab_add(&c->avoid, check_re_source(c->reject[i]), true);
	words_vocab_remove(&c->vocab, &c->avoid);
}

static double
deck_parse_tolerance(struct deck_cardctx *k)
{
	struct record_field *f = record_get(k->r, "tolerance");
	const char *v = record_value(k->r, "tolerance");
	struct amount a;
	char err[256];

	if (v == NULL)
		return 0.01;
	if (amount_parse(v, AMOUNT_PERCENT, &a, err, sizeof(err)) != 0 ||
	    a.value < 0 || a.value >= 1) {
		deck_err(k, f, 0, "tolerance must be a percentage from 0%% to 99%%, like 1%%");
		return 0.01;
	}
	return a.value;
}

static void
deck_card_number(struct deck_cardctx *k)
{
	struct card *c = k->c;
	const char *unit = record_value(k->r, "unit"), *single, *close;
	char err[256];

	c->tolerance = deck_parse_tolerance(k);
	c->close = -1;
	if ((close = record_value(k->r, "close")) != NULL) {
		struct amount a;
		if (amount_parse(close, AMOUNT_PERCENT, &a, err, sizeof(err)) != 0 || a.value < 0 ||
		    a.value >= 1)
			deck_err(k, record_get(k->r, "close"), 0,
				 "close must be a percentage from 0%% to 99%%, like 2%%");
		else if (a.value < c->tolerance)
			deck_err(k, record_get(k->r, "close"), 0,
				 "close (%s) must not be below the tolerance", close);
		else
			c->close = a.value;
	}
	c->unit = AMOUNT_ANY;
	if (unit != NULL) {
		int u = amount_kind_from_name(unit);
		if (u <= 0) {
			deck_err(k, record_get(k->r, "unit"), 0,
				 "unknown unit \"%s\" (money, percent, count, seconds, minutes, hours, days, weeks, months, years, points)",
				 unit);
			return;
		}
		c->unit = (enum amount_kind)u;
	}
	single = record_value(k->r, "single");
	if (single != NULL) {
		if (strcmp(single, "yes") != 0 && strcmp(single, "no") != 0)
			deck_err(k, record_get(k->r, "single"), 0,
				 "single must be yes or no, not \"%s\"", single);
		c->single = strcmp(single, "yes") == 0;
	}
	if (c->answer == NULL)
		return;
	if (amount_find_range(c->answer, c->unit, &c->range, err, sizeof(err)) != 0) {
		deck_err(k, record_get(k->r, "answer"), 0, "%s", err);
		return;
	}
	if (c->unit == AMOUNT_ANY)
		c->unit = c->range.lo.kind == AMOUNT_ANY ? AMOUNT_COUNT : c->range.lo.kind;
	c->value = c->range.lo.value;
	if (c->single && c->range.shape == AMOUNT_ONE)
		deck_err(k, record_get(k->r, "single"), 0,
			 "single applies to an answer that is a range, like $1M-$5M");
}

static void
deck_card_choice(struct deck_cardctx *k)
{
	struct card *c = k->c;
	size_t hits = 0;

	deck_collect(k->r, "option", &c->options);
	if (c->options.n < 2 || c->options.n > DECK_MAX_OPTIONS) {
		deck_err(k, NULL, -1, "choice card \"%s\" needs 2 to %d option: lines",
			 c->id, DECK_MAX_OPTIONS);
		return;
	}
	for (size_t i = 0; i < c->options.n; i++) {
		for (size_t j = 0; j < i; j++)
			if (strcmp(c->options.v[i], c->options.v[j]) == 0)
				deck_err(k, NULL, -1, "choice card \"%s\" lists option \"%s\" twice",
					 c->id, c->options.v[i]);
		if (c->answer && strcmp(c->options.v[i], c->answer) == 0)
			hits++;
	}
	if (c->answer && hits == 0)
		deck_err(k, record_get(k->r, "answer"), 0,
			 "the answer must be the exact text of one option");
}

static void
deck_card_calc(struct deck_cardctx *k)
{
	struct card *c = k->c;
	const char *method = deck_need(k, "method");
	const char *ask = record_value(k->r, "ask");
	const char *walk = record_value(k->r, "walkthrough");
	const struct impact_method *m;
	double values[IMPACT_MAX_INPUTS];
	bool given[IMPACT_MAX_INPUTS] = {false};
	char err[256];

	c->tolerance = deck_parse_tolerance(k);
	c->ask = xstrdup(ask && *ask ? ask : "annual");
	if (walk != NULL) {
		if (strcasecmp(walk, "yes") == 0)
			c->walkthrough = true;
		else if (strcasecmp(walk, "no") != 0)
			deck_err(k, record_get(k->r, "walkthrough"), 0,
				 "walkthrough is yes or no");
	}
	if (method == NULL)
		return;
	m = impact_method_find(method);
	if (m == NULL) {
		deck_err(k, record_get(k->r, "method"), 0,
			 "method \"%s\" is not in the catalogue (see drill calc --list)",
			 method);
		return;
	}
	c->method = m;
	c->ranges = xcalloc(m->ninputs, sizeof(*c->ranges));
	for (size_t i = 0; i < k->r->n; i++) {
		struct record_field *f = &k->r->f[i];
		int idx;

		if (deck_fieldspec_find(f->name) != NULL)
			continue;
		f->used = true;
		idx = impact_input_index(m, f->name);
		if (idx < 0) {
			struct sbuf names = {0};
			for (size_t j = 0; j < m->ninputs; j++)
				sbuf_printf(&names, "%s%s", j ? ", " : "", m->inputs[j].name);
			deck_err(k, f, -1, "unknown field \"%s\" (method %s takes: %s)",
				 f->name, m->name, names.buf);
			sbuf_free(&names);
			continue;
		}
		if (given[idx]) {
			deck_err(k, f, -1, "input \"%s\" is given twice", f->name);
			continue;
		}
		if (calc_range_parse(f->value.buf ? f->value.buf : "",
				     m->inputs[idx].kind, &c->ranges[c->nranges],
				     err, sizeof(err)) != 0) {
			deck_err(k, f, 0, "%s: %s", f->name, err);
			continue;
		}
		c->ranges[c->nranges++].input = idx;
		given[idx] = true;
	}
	for (size_t j = 0; j < m->ninputs; j++)
		if (!given[j] && !m->inputs[j].has_default)
			deck_err(k, NULL, -1, "calc card \"%s\" needs a range for input \"%s\" (%s)",
				 c->id, m->inputs[j].name, m->inputs[j].help);
	if (c->prompt != NULL &&
	    calc_template_check(c->prompt, m, err, sizeof(err)) != 0)
		deck_err(k, record_get(k->r, "prompt"), 0, "%s", err);
	if (k->errors > 0)
		return;

	/* The middle of every range must give a result with the asked step. */
	for (size_t j = 0; j < m->ninputs; j++)
		values[j] = m->inputs[j].dflt;
	for (size_t j = 0; j < c->nranges; j++)
		values[c->ranges[j].input] = (c->ranges[j].lo + c->ranges[j].hi) / 2;
	struct impact_result res;
	if (impact_run(m, values, &res, err, sizeof(err)) != 0) {
		deck_err(k, NULL, -1, "calc card \"%s\": the middle of its ranges gives no result: %s",
			 c->id, err);
		return;
	}
	if (strcasecmp(c->ask, "annual") != 0 && impact_step_index(&res, c->ask) < 0) {
		struct sbuf labels = {0};
		for (size_t j = 0; j < res.nsteps; j++)
			sbuf_printf(&labels, "%s\"%s\"", j ? ", " : "", res.steps[j].label);
		deck_err(k, record_get(k->r, "ask"), 0,
			 "method %s has no step \"%s\" (steps: %s)", m->name, c->ask,
			 labels.buf);
		sbuf_free(&labels);
	}
}

static void
deck_card_open(struct deck_cardctx *k)
{
	struct card *c = k->c;
	const char *level = record_value(k->r, "level");

	c->principle = deck_dup(record_value(k->r, "principle"));
	c->notes = deck_dup(record_value(k->r, "notes"));
	c->level = xstrdup("any");
	if (level != NULL) {
		if (strcasecmp(level, "l6") == 0 || strcasecmp(level, "l7") == 0) {
			free(c->level);
			c->level = xstrdup(level);
			c->level[0] = 'L';
		} else if (strcasecmp(level, "any") != 0) {
			deck_err(k, record_get(k->r, "level"), 0,
				 "level is L6, L7 or any");
		}
	}
	for (size_t i = 0; i < k->r->n; i++) {
		struct record_field *f = &k->r->f[i];
		const char *v = f->value.buf ? f->value.buf : "";
		const char *arrow;
		char err[256];
		size_t col = 0;
		struct check_re *re;
		struct amount_cond cond;
		int cond_rc;

		if (strcmp(f->name, "point") != 0)
			continue;
		f->used = true;
		arrow = strstr(v, "=>");
		if (arrow == NULL || arrow == v) {
			deck_err(k, f, 0,
				 "a point is written 'label => pattern' or 'label => KIND OP "
				 "AMOUNT' (e.g. money >= $10M)");
			continue;
		}
		const char *p = arrow + 2;
		while (*p == ' ' || *p == '\t')
			p++;
		const char *le = arrow;
		while (le > v && (le[-1] == ' ' || le[-1] == '\t'))
			le--;
		/* an amount condition ("money >= $10M"), else a pattern */
		re = NULL;
		cond_rc = amount_cond_parse(p, &cond, err, sizeof(err), &col);
		if (cond_rc < 0) {
			deck_err(k, f, (int)(p - v) + (int)col,
				 "point condition: %s (a condition is KIND OP AMOUNT: money, "
				 "percent or count, then >=, >, <= or <, then an amount, e.g. "
				 "money >= $10M)",
				 err);
			continue;
		}
		if (cond_rc == 0 && check_re_compile(p, &re, err, sizeof(err), &col) != 0) {
			deck_err(k, f, (int)(p - v) + (int)col - 1,
				 "point pattern does not compile: %s", err);
			continue;
		}
		c->points = xrealloc(c->points, (c->npoints + 1) * sizeof(*c->points));
		c->points[c->npoints].label = xstrndup(v, (size_t)(le - v));
		c->points[c->npoints].re = re;
		c->points[c->npoints].cond = cond;
		c->npoints++;
	}
}

/* The optional group: field, a name shared by sibling cards. */
static void
deck_card_group(struct deck_cardctx *k)
{
	const char *g = record_value(k->r, "group");
	int bad;

	if (g == NULL)
		return;
	if (*g == '\0') {
		deck_err(k, record_get(k->r, "group"), 0,
			 "group: needs a name: 1-%d lower-case letters, digits and hyphens "
			 "(e.g. l7-impact-floor)", DECK_GROUP_MAX);
		return;
	}
	bad = deck_group_bad_char(g);
	if (bad >= 0) {
		deck_err(k, record_get(k->r, "group"), bad,
			 "group name \"%s\" must be 1-%d lower-case letters, digits and "
			 "hyphens, with no hyphen at either end (e.g. l7-impact-floor)",
			 g, DECK_GROUP_MAX);
		return;
	}
	k->c->group = xstrdup(g);
}

/*
 * Turns a record into a card. Returns the card, or NULL when the record
 * had errors (all reported).
 */
static struct card *
deck_card_from_record(const char *path, const char *buf, struct record *r,
		      struct diag_list *dl)
{
	struct card *c = xcalloc(1, sizeof(*c));
	struct deck_cardctx k = {path, dl, r, c, 0};
	const char *id = record_value(r, "id");
	const char *type = record_value(r, "type");

	c->line = r->first_line;
	c->source = xstrndup(buf + r->start, r->end - r->start);
	record_hash(r, c->hash);
	if (id == NULL || *id == '\0') {
		deck_err(&k, NULL, -1, "card has no id: field");
		c->id = xstrdup("?");
	} else {
		c->id = xstrdup(id);
		if (!record_id_valid(id))
			deck_err(&k, record_get(r, "id"), 0,
				 "id \"%s\" must be 1-%d letters, digits, '-', '_' or '.'",
				 id, RECORD_ID_MAX);
	}
	c->type = CARD_RECALL;
	if (type != NULL) {
		int t = card_type_from_name(type);
		if (t < 0) {
			deck_err(&k, record_get(r, "type"), 0,
				 "unknown card type \"%s\" (recall, text, number, choice, calc, open)",
				 type);
			goto done;
		}
		c->type = (enum card_type)t;
	}

	/* Field names and repetition, for this type. */
	for (size_t i = 0; i < r->n; i++) {
		const struct deck_fieldspec *fs = deck_fieldspec_find(r->f[i].name);
		if (fs == NULL) {
			if (c->type != CARD_CALC)
				deck_err(&k, &r->f[i], -1, "unknown field \"%s\"", r->f[i].name);
			continue;
		}
		if (!(fs->types & T(c->type)))
			deck_err(&k, &r->f[i], -1, "field \"%s\" does not apply to %s cards",
				 r->f[i].name, card_type_name(c->type));
		if (!fs->repeat)
			for (size_t j = 0; j < i; j++)
				if (strcmp(r->f[j].name, r->f[i].name) == 0) {
					deck_err(&k, &r->f[i], -1,
						 "field \"%s\" given twice (first at line %d)",
						 r->f[i].name, r->f[j].line);
					break;
				}
	}

	c->prompt = deck_dup(deck_need(&k, "prompt"));
	c->explain = deck_dup(record_value(r, "explain"));
	c->hint = deck_dup(record_value(r, "hint"));
	deck_split_tags(record_value(r, "tags"), &c->tags);
	deck_card_group(&k);
	deck_collect(r, "example", &c->examples);
	deck_collect(r, "counterexample", &c->counterexamples);
	if (c->type == CARD_RECALL || c->type == CARD_TEXT ||
	    c->type == CARD_NUMBER || c->type == CARD_CHOICE)
		c->answer = deck_dup(deck_need(&k, "answer"));

	switch (c->type) {
	case CARD_TEXT:
		c->accept = deck_patterns(&k, "accept", &c->naccept);
		c->reject = deck_patterns(&k, "reject", &c->nreject);
		deck_collect(r, "concept", &c->concepts);
		if (c->naccept == 0 && record_get(r, "accept") == NULL && c->concepts.n == 0)
			deck_err(&k, NULL, -1,
				 "text card \"%s\" needs at least one accept: pattern or concept: line",
				 c->id);
		deck_card_vocab(&k);
		break;
	case CARD_NUMBER:
		deck_card_number(&k);
		break;
	case CARD_CHOICE:
		deck_card_choice(&k);
		break;
	case CARD_CALC:
		deck_card_calc(&k);
		break;
	case CARD_OPEN:
		deck_card_open(&k);
		break;
	case CARD_RECALL:
		break;
	}
	if (k.errors == 0 && (c->type == CARD_TEXT || c->type == CARD_NUMBER))
		deck_run_examples(&k);
done:
	if (k.errors > 0) {
		card_free(c);
		return NULL;
	}
	return c;
}

/* ---- decks ------------------------------------------------------------ */

struct deck_parsectx {
	const char *path;
	const char *buf;
	struct diag_list *dl;
	struct deck *d;
	size_t cap;   /* of d->cards */
	size_t idcap; /* of d->ids */
	size_t records;
	size_t errors;
};

static void
deck_on_record(void *ctx, struct record *r)
{
	struct deck_parsectx *p = ctx;
	struct deck *d = p->d;

	if (p->records++ == 0 && record_get(r, "id") == NULL) {
		struct deck_cardctx k = {p->path, p->dl, r, NULL, 0};
		const char *name = record_value(r, "deck");
		if (name == NULL || *name == '\0')
			deck_err(&k, NULL, -1, "the header needs a deck: field (the deck's name)");
		d->name = xstrdup(name ? name : "");
		d->description = deck_dup(record_value(r, "description"));
		deck_split_tags(record_value(r, "tags"), &d->tags);
		for (size_t i = 0; i < r->n; i++)
			if (!r->f[i].used)
				deck_err(&k, &r->f[i], -1,
					 "unknown header field \"%s\" (deck, description, tags)",
					 r->f[i].name);
		p->errors += k.errors;
		return;
	}
	if (p->records == 1) {
		diag_add(p->dl, DIAG_ERROR, p->path, r->first_line, 0,
			 "a deck starts with a header record (deck: name)");
		p->errors++;
	}
	/* Every record's id, before the card is judged: a duplicate is found
	 * whatever else is wrong with either record. */
	const char *id = record_value(r, "id");
	if (id != NULL && record_id_valid(id)) {
		if (d->nids == p->idcap) {
			p->idcap = p->idcap ? p->idcap * 2 : 32;
			d->ids = xrealloc(d->ids, p->idcap * sizeof(*d->ids));
		}
		d->ids[d->nids++] = (struct deck_id){xstrdup(id), r->first_line};
	}
	struct card *c = deck_card_from_record(p->path, p->buf, r, p->dl);
	if (c == NULL) {
		p->errors++;
		return;
	}
	if (d->ncards == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 32;
		d->cards = xrealloc(d->cards, p->cap * sizeof(*d->cards));
	}
	d->cards[d->ncards++] = *c;
	free(c); /* contents moved into the array */
}

static char *
deck_key_of(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t n;

	base = base ? base + 1 : path;
	n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".deck") == 0)
		n -= 5;
	return xstrndup(base, n);
}

void
deck_free(struct deck *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->ncards; i++) {
		/* card_free frees the struct too; free the members only. */
		struct card *c = xmalloc(sizeof(*c));
		*c = d->cards[i];
		card_free(c);
	}
	free(d->cards);
	for (size_t i = 0; i < d->nids; i++)
		free(d->ids[i].id);
	free(d->ids);
	free(d->key);
	free(d->path);
	free(d->name);
	free(d->description);
	strv_free(&d->tags);
	free(d);
}

static size_t deck_check_refs(struct deck *const *decks, size_t n, bool across_only,
			      struct diag_list *dl);

int
deck_parse_partial(const char *path, const char *buf, size_t len, struct deck **out,
		   struct diag_list *dl)
{
	struct deck *d = xcalloc(1, sizeof(*d));
	struct deck_parsectx p = {path, buf, dl, d, 0, 0, 0, 0};
	size_t before = dl->errors;
	size_t bom = utf8_bom_len(buf, len);

	*out = NULL;
	d->key = deck_key_of(path);
	d->path = xstrdup(path);
	/* An editor's byte-order mark is not content: skip it, or the header
	 * record would start with it and not be recognised. */
	p.buf = buf + bom;
	p.errors += record_split(path, "deck", 1, buf + bom, len - bom, dl, deck_on_record, &p);
	if (p.records == 0)
		diag_add(dl, DIAG_ERROR, path, 0, 0, "empty deck: no header record (deck: name)");
	deck_check_refs(&d, 1, false, dl);
	*out = d;
	return dl->errors > before ? -1 : 0;
}

int
deck_parse(const char *path, const char *buf, size_t len, struct deck **out,
	   struct diag_list *dl)
{
	if (deck_parse_partial(path, buf, len, out, dl) == 0)
		return 0;
	deck_free(*out);
	*out = NULL;
	return -1;
}

struct deck_onecard {
	const char *path;
	const char *buf;
	struct diag_list *dl;
	struct card *c;
	size_t records;
};

static void
deck_on_one(void *ctx, struct record *r)
{
	struct deck_onecard *o = ctx;

	if (o->records++ == 0)
		o->c = deck_card_from_record(o->path, o->buf, r, o->dl);
}

int
deck_parse_card(const char *path, int first_line, const char *buf, size_t len,
		struct card **out, struct diag_list *dl)
{
	size_t bom = utf8_bom_len(buf, len);
	struct deck_onecard o = {path, buf + bom, dl, NULL, 0};
	size_t before = dl->errors;

	record_split(path, "deck", first_line, buf + bom, len - bom, dl, deck_on_one, &o);
	if (o.records != 1 && o.c != NULL) {
		diag_add(dl, DIAG_ERROR, path, first_line, 0,
			 "expected exactly one card record");
	}
	if (dl->errors > before || o.c == NULL) {
		card_free(o.c);
		*out = NULL;
		if (dl->errors == before)
			diag_add(dl, DIAG_ERROR, path, first_line, 0, "no card record");
		return -1;
	}
	*out = o.c;
	return 0;
}

void
deck_record_values(const char *buf, size_t len, const char *const *names, size_t n,
		   char **out)
{
	record_values(buf, len, names, n, out);
}

/* For sorting card references by id. */
struct deck_ref {
	const char *id;
	const struct deck *deck;
	int line;
};

static int
deck_ref_cmp(const void *a, const void *b)
{
	const struct deck_ref *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c != 0)
		return c;
	c = strcmp(x->deck->path, y->deck->path);
	return c != 0 ? c : (x->line > y->line) - (x->line < y->line);
}

/*
 * Reports every id defined before (in path, then line order) and counts
 * them. With across_only, only a deck's first definition of an id that an
 * earlier deck has: the rest are the deck's own duplicates, which its
 * parse reported.
 */
static size_t
deck_check_refs(struct deck *const *decks, size_t n, bool across_only, struct diag_list *dl)
{
	size_t total = 0, k = 0, dups = 0;
	struct deck_ref *refs;

	for (size_t i = 0; i < n; i++)
		total += decks[i]->nids;
	refs = xmalloc((total ? total : 1) * sizeof(*refs));
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < decks[i]->nids; j++)
			refs[k++] = (struct deck_ref){decks[i]->ids[j].id, decks[i],
						      decks[i]->ids[j].line};
	qsort(refs, total, sizeof(*refs), deck_ref_cmp);
	for (size_t i = 1; i < total; i++) {
		size_t first = i - 1;
		while (first > 0 && strcmp(refs[first - 1].id, refs[i].id) == 0)
			first--;
		if (strcmp(refs[first].id, refs[i].id) != 0)
			continue;
		if (across_only && (refs[i - 1].deck == refs[i].deck ||
				    refs[first].deck == refs[i].deck))
			continue;
		diag_add(dl, DIAG_ERROR, refs[i].deck->path, refs[i].line, 0,
			 "duplicate id \"%s\" (first defined at %s:%d)", refs[i].id,
			 refs[first].deck->path, refs[first].line);
		dups++;
	}
	free(refs);
	return dups;
}

size_t
deck_check_ids(struct deck *const *decks, size_t n, struct diag_list *dl)
{
	return deck_check_refs(decks, n, true, dl);
}

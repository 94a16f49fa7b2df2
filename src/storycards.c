/* storycards: see storycards.h and docs/stories.md ("Rehearsal"). */
#include "storycards.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "coach.h"
#include "impact.h"
#include "principles.h"
#include "util.h"

/* The deck being built and where its problems go. */
struct storycards_ctx {
	struct deck *d;
	size_t cap;
	struct diag_list *dl;
	int failed;
};

/* Appends s as one line: newlines and tabs become spaces, runs of spaces one. */
static void
storycards_flat(struct sbuf *b, const char *s)
{
	bool space = false;

	for (; s != NULL && *s; s++) {
		bool ws = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r';
		if (ws) {
			space = b->len > 0;
			continue;
		}
		if (space)
			sbuf_addc(b, ' ');
		space = false;
		sbuf_addc(b, *s);
	}
}

/* Appends "name: value\n" with the value on one line. */
static void
storycards_field(struct sbuf *b, const char *name, const char *value)
{
	sbuf_printf(b, "%s: ", name);
	storycards_flat(b, value);
	sbuf_addc(b, '\n');
}

/*
 * Adds the card whose record, without its id, is body: the id is
 * "story-NAME-HASH8" (NAME says what it asks, HASH8 hashes body), the
 * record is parsed as any deck record at path:line, and the card
 * remembers path for :edit.
 */
static void
storycards_add(struct storycards_ctx *k, const char *path, int line, const char *name,
	       const char *body)
{
	char h[9], *text, *id;
	struct card *c = NULL;

	story_hash8(body, strlen(body), h);
	id = xasprintf("story-%s-%s", name, h);
	text = xasprintf("id: %s\n%s", id, body);
	if (deck_parse_card(path, line, text, strlen(text), &c, k->dl) != 0) {
		k->failed = 1;
		free(text);
		free(id);
		return;
	}
	c->file = xstrdup(path);
	if (k->d->ncards == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 32;
		k->d->cards = xrealloc(k->d->cards, k->cap * sizeof(*k->d->cards));
		k->d->ids = xrealloc(k->d->ids, k->cap * sizeof(*k->d->ids));
	}
	k->d->cards[k->d->ncards] = *c;
	k->d->ids[k->d->nids].id = xstrdup(id);
	k->d->ids[k->d->nids].line = line;
	k->d->ncards++;
	k->d->nids++;
	free(c); /* its members now belong to the deck */
	free(text);
	free(id);
}

/* One recall card per principle: which of your stories answer it? */
static void
storycards_principles(struct storycards_ctx *k, const struct story_set *set)
{
	for (int p = 0; p < PRINCIPLE_COUNT; p++) {
		const struct principle *pr = principle_at(p);
		const struct story *first = NULL;
		struct sbuf b = {0}, ans = {0};
		size_t n = 0;

		for (size_t i = 0; i < set->n; i++) {
			const struct story *st = set->v[i];
			for (size_t j = 0; j < st->nprinciples; j++) {
				if (st->principles[j] != p)
					continue;
				if (first == NULL)
					first = st;
				sbuf_adds(&ans, n++ ? "; " : "");
				storycards_flat(&ans, st->title.value);
				sbuf_printf(&ans, " (%s, L%d)", st->id, st->level);
			}
		}
		if (first == NULL)
			continue;
		sbuf_adds(&b, "type: recall\n");
		sbuf_printf(&b, "prompt: %s (%s)\n", pr->question, pr->name);
		sbuf_printf(&b, "answer: %s: %s\n", n == 1 ? "Your story" : "Your stories",
			    ans.buf);
		sbuf_printf(&b, "explain: %s\n",
			    n >= 3 ? "Lead with the one whose scope fits the level you are "
				     "interviewing for, and keep another ready for a second "
				     "interviewer on this principle."
				   : "Fewer than three stories show this principle: a loop can "
				     "ask it twice, so find another (drill story matrix).");
		sbuf_adds(&b, "tags: stories, principle\n");
		{
			char *name = xasprintf("lp-%s", pr->key);
			storycards_add(k, first->path, first->principles_text.line, name, b.buf);
			free(name);
		}
		sbuf_free(&b);
		sbuf_free(&ans);
	}
}

/* "traffic {traffic}, before {before}, ...": the inputs the line gave. */
static bool
storycards_calc(struct storycards_ctx *k, const struct story *st, size_t i, const char *group)
{
	const struct story_impact *im = &st->impacts[i];
	struct sbuf b = {0}, prompt = {0};
	char v[AMOUNT_FORMAT_MAX], name[64];

	if (im->args.total)
		return false; /* a sum of parts: the figure card covers it */
	sbuf_adds(&b, "type: calc\n");
	sbuf_printf(&b, "method: %s\n", im->method->name);
	sbuf_adds(&prompt, "Walk me through your calculation for \"");
	storycards_flat(&prompt, st->title.value);
	sbuf_adds(&prompt, "\", step by step, from your own inputs:");
	for (size_t j = 0; j < im->args.n; j++) {
		if (im->args.defaulted[j])
			continue;
		amount_format_exact(im->args.values[j], im->args.kinds[j], v, sizeof(v));
		sbuf_printf(&b, "%s: %s\n", im->args.names[j], v);
		sbuf_printf(&prompt, " %s {%s}%s", im->args.names[j], im->args.names[j],
			    ",");
	}
	if (prompt.len > 0 && prompt.buf[prompt.len - 1] == ',')
		prompt.buf[--prompt.len] = '\0';
	sbuf_addc(&prompt, '.');
	storycards_field(&b, "prompt", prompt.buf);
	sbuf_adds(&b, "walkthrough: yes\n");
	sbuf_printf(&b, "group: %s\n", group);
	sbuf_adds(&b, "tags: stories, calculation\n");
	snprintf(name, sizeof(name), "%s-calc%zu", st->id, i + 1);
	storycards_add(k, st->path, im->line, name, b.buf);
	sbuf_free(&b);
	sbuf_free(&prompt);
	return true;
}

/* The headline figure: a number card with the engine's annual total. */
static void
storycards_figure(struct storycards_ctx *k, const struct story *st, const char *group)
{
	struct sbuf b = {0}, ex = {0};
	char v[AMOUNT_FORMAT_MAX], claim[AMOUNT_FORMAT_MAX];
	char name[64];

	amount_format_sig(st->annual, AMOUNT_MONEY, 4, v, sizeof(v));
	amount_format(impact_conservative(st->annual), AMOUNT_MONEY, claim, sizeof(claim));
	sbuf_adds(&b, "type: number\n");
	sbuf_adds(&ex, "By the engine: ");
	for (size_t i = 0; i < st->nimpacts; i++) {
		char one[AMOUNT_FORMAT_MAX];
		amount_format_sig(st->impacts[i].annual, AMOUNT_MONEY, 4, one, sizeof(one));
		sbuf_printf(&ex, "%s%s %s", i ? " + " : "", st->impacts[i].method->title, one);
	}
	if (st->nimpacts > 1)
		sbuf_printf(&ex, " = %s", v);
	sbuf_printf(&ex, " a year. That is %s; claim at least %s.",
		    impact_level_text(impact_level_of(st->annual)), claim);
	sbuf_adds(&b, "prompt: Your story \"");
	storycards_flat(&b, st->title.value);
	sbuf_adds(&b, "\": what is its annual impact, as your impact lines compute it?\n");
	sbuf_printf(&b, "answer: %s a year\n", v);
	sbuf_adds(&b, "unit: money\n");
	storycards_field(&b, "explain", ex.buf);
	sbuf_printf(&b, "group: %s\n", group);
	sbuf_adds(&b, "tags: stories, figure\n");
	snprintf(name, sizeof(name), "%s-figure", st->id);
	storycards_add(k, st->path, st->impacts[0].line, name, b.buf);
	sbuf_free(&b);
	sbuf_free(&ex);
}

/* A defense follow-up answered from the story's own words. */
static void
storycards_defense(struct storycards_ctx *k, const struct story *st, const char *key, int line,
		   const char *answer, const char *group)
{
	const struct coach_followup *fu = coach_followup_of(key);
	struct sbuf b = {0};
	char name[64];

	if (fu == NULL)
		return;
	sbuf_adds(&b, "type: recall\n");
	sbuf_adds(&b, "prompt: Your story \"");
	storycards_flat(&b, st->title.value);
	sbuf_printf(&b, "\". The bar raiser asks: %s\n", fu->question);
	storycards_field(&b, "answer", answer);
	sbuf_printf(&b, "group: %s\n", group);
	sbuf_adds(&b, "tags: stories, defense\n");
	snprintf(name, sizeof(name), "%s-%s", st->id, key);
	storycards_add(k, st->path, line, name, b.buf);
	sbuf_free(&b);
}

/* The share claimed in an impact line, or a negative number. */
static double
storycards_share(const struct story *st, int *line)
{
	for (size_t i = 0; i < st->nimpacts; i++) {
		const struct story_impact *im = &st->impacts[i];
		for (size_t j = 0; j < im->args.n; j++)
			if (!im->args.defaulted[j] && strcmp(im->args.names[j], "attribution") == 0) {
				*line = im->line;
				return im->args.values[j];
			}
	}
	return -1;
}

static void
storycards_story(struct storycards_ctx *k, const struct story *st)
{
	char *group = xasprintf("story-%s", st->id);
	struct sbuf a = {0};
	char pct[AMOUNT_FORMAT_MAX];
	int line = 0;
	double share;

	if (st->has_annual)
		storycards_figure(k, st, group);
	for (size_t i = 0; i < st->nimpacts; i++)
		storycards_calc(k, st, i, group);

	share = storycards_share(st, &line);
	if (share >= 0) {
		amount_format(share, AMOUNT_PERCENT, pct, sizeof(pct));
		sbuf_printf(&a, "You claim %s of the outcome. ", pct);
		if (st->validated.value != NULL) {
			sbuf_adds(&a, "How you know: ");
			storycards_flat(&a, st->validated.value);
		} else {
			sbuf_adds(&a, "Your story does not say how you know: add a validated: "
				      "line (a holdout, an A/B test, what else changed).");
		}
		storycards_defense(k, st, "attribution", line, a.buf, group);
		sbuf_reset(&a);
	}
	if (st->validated.value != NULL) {
		storycards_flat(&a, st->validated.value);
		for (size_t i = 0; i < st->nendorsements; i++) {
			const struct story_endorsement *e = &st->endorsements[i];
			sbuf_printf(&a, "%s%s (%s): %s", i ? "; " : ". Endorsements: ", e->name,
				    e->title, e->credit);
		}
		storycards_defense(k, st, "validation", st->validated.line, a.buf, group);
		sbuf_reset(&a);
	}
	if (st->when.value != NULL) {
		int months = (st->when_to / 100 - st->when_from / 100) * 12 +
			     (st->when_to % 100 - st->when_from % 100) + 1;
		storycards_flat(&a, st->when.value);
		sbuf_printf(&a, " (%d month%s)", months, months == 1 ? "" : "s");
		if (st->has_annual) {
			char v[AMOUNT_FORMAT_MAX];
			amount_format_sig(st->annual, AMOUNT_MONEY, 4, v, sizeof(v));
			sbuf_printf(&a, "; the figure is yearly and recurring: %s a year", v);
		}
		sbuf_addc(&a, '.');
		storycards_defense(k, st, "period", st->when.line, a.buf, group);
		sbuf_reset(&a);
	}
	if (st->estimate_differently.value != NULL)
		storycards_defense(k, st, "hindsight", st->estimate_differently.line,
				   st->estimate_differently.value, group);
	sbuf_free(&a);
	free(group);
}

int
storycards_build(const struct story_set *set, const char *dir, struct deck **out,
		 struct diag_list *dl)
{
	struct storycards_ctx k = {0};

	k.d = xcalloc(1, sizeof(*k.d));
	k.d->key = xstrdup(STORYCARDS_DECK);
	k.d->path = xstrdup(dir);
	k.d->name = xstrdup("Your stories");
	k.d->description = xstrdup("Generated from your story files: do not edit here.");
	k.dl = dl;
	storycards_principles(&k, set);
	for (size_t i = 0; i < set->n; i++)
		storycards_story(&k, set->v[i]);
	if (k.failed) {
		deck_free(k.d);
		*out = NULL;
		return -1;
	}
	*out = k.d;
	return 0;
}

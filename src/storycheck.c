/* storycheck: see storycheck.h. */
#include "storycheck.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "amount.h"
#include "impact.h"
#include "util.h"

static void
storycheck_add(struct storycheck *c, const char *text, size_t offset, size_t len, char *message)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 4;
		c->v = xrealloc(c->v, c->cap * sizeof(*c->v));
	}
	c->v[c->n].quote = xstrndup(text + offset, len);
	c->v[c->n].offset = offset;
	c->v[c->n].message = message;
	c->n++;
}

void
storycheck_free(struct storycheck *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].quote);
		free(c->v[i].message);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}

/* Does "a month" (or "per month", "monthly") follow the figure? */
static bool
storycheck_monthly(const char *text, size_t end, size_t to)
{
	static const char *const words[] = {" a month", " per month", " monthly", " each month",
					    " every month", "/month", "/mo"};

	for (size_t i = 0; i < ARRAY_LEN(words); i++) {
		size_t n = strlen(words[i]);
		if (to - end >= n && strncasecmp(text + end, words[i], n) == 0)
			return true;
	}
	return false;
}

static bool
storycheck_near(double a, double b, double tolerance)
{
	return fabs(a - b) <= tolerance * fabs(b);
}

static void
storycheck_headline(const struct story *st, const char *text, size_t from, size_t to,
		    const struct coach_result *r, struct storycheck *out)
{
	const struct coach_figure *nearest = NULL;
	double nearest_value = 0, floor = impact_conservative(st->annual);

	if (!st->has_annual)
		return;
	for (size_t i = 0; i < r->nfigures; i++) {
		const struct coach_figure *f = &r->figures[i];
		double v;
		if (f->kind != COACH_FIG_MONEY || !f->claim || f->offset < from || f->offset >= to)
			continue;
		v = f->value * (storycheck_monthly(text, f->offset + f->len, to) ? 12 : 1);
		if (storycheck_near(v, st->annual, STORYCHECK_FIGURE_TOLERANCE) ||
		    storycheck_near(v, floor, STORYCHECK_FIGURE_TOLERANCE))
			return; /* the figure is told as the file has it */
		if (nearest == NULL || fabs(v - st->annual) < fabs(nearest_value - st->annual)) {
			nearest = f;
			nearest_value = v;
		}
	}
	if (nearest != NULL) {
		char a[AMOUNT_FORMAT_MAX], c[AMOUNT_FORMAT_MAX];
		amount_format_sig(st->annual, AMOUNT_MONEY, 4, a, sizeof(a));
		amount_format(floor, AMOUNT_MONEY, c, sizeof(c));
		storycheck_add(out, text, nearest->offset, nearest->len,
			       xasprintf("\"%.*s\" is not your story's figure: its impact: lines "
					 "compute %s a year (claim at least %s). Tell the figure "
					 "you can walk through, or correct the file.",
					 (int)nearest->len, text + nearest->offset, a, c));
	}
}

/* The share an impact: line of st claims, or a negative number. */
static double
storycheck_share(const struct story *st)
{
	for (size_t i = 0; i < st->nimpacts; i++) {
		const struct story_impact *im = &st->impacts[i];
		for (size_t j = 0; j < im->args.n; j++)
			if (!im->args.defaulted[j] && strcmp(im->args.names[j], "attribution") == 0)
				return im->args.values[j];
	}
	return -1;
}

/* Is the figure one end of a before and after ("from 2.3% to 3.1%")? */
static bool
storycheck_in_pair(const char *text, const struct coach_figure *f, size_t to)
{
	size_t e = f->offset + f->len, s = f->offset;

	if (to - e >= 4 && strncasecmp(text + e, " to ", 4) == 0)
		return true;
	if (s >= 5 && strncasecmp(text + s - 5, "from ", 5) == 0)
		return true;
	return s >= 3 && strncasecmp(text + s - 3, "to ", 3) == 0;
}

static void
storycheck_attribution(const struct story *st, const char *text, size_t from, size_t to,
		       const struct coach_result *r, struct storycheck *out)
{
	double share = storycheck_share(st);
	const struct coach_figure *off = NULL;

	if (share < 0)
		return;
	for (size_t i = 0; i < r->nfigures; i++) {
		const struct coach_figure *f = &r->figures[i];
		if (f->kind != COACH_FIG_PERCENT || f->role != COACH_ROLE_SHARE ||
		    f->offset < from || f->offset >= to || f->value <= 0 || f->value > 1 ||
		    storycheck_in_pair(text, f, to))
			continue;
		if (fabs(f->value - share) <= STORYCHECK_SHARE_POINTS)
			return; /* the share is told as the file has it */
		if (off == NULL)
			off = f;
	}
	if (off != NULL) {
		char s[AMOUNT_FORMAT_MAX];
		amount_format(share, AMOUNT_PERCENT, s, sizeof(s));
		storycheck_add(out, text, off->offset, off->len,
			       xasprintf("\"%.*s\" is not the share in your story file, which "
					 "claims %s: an interviewer who has both will ask which "
					 "one is true.",
					 (int)off->len, text + off->offset, s));
	}
}

/* Is the word at text[p..) one that introduces a length of time? */
static size_t
storycheck_period_lead(const char *text, size_t p, size_t to)
{
	static const char *const lead[] = {"over ", "within ", "in ", "across ", "for ",
					   "after ", "took ", "over the next ", "in just "};
	size_t best = 0;

	if (p > 0 && (isalnum((unsigned char)text[p - 1]) || text[p - 1] == '_'))
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(lead); i++) {
		size_t n = strlen(lead[i]);
		if (to - p >= n && strncasecmp(text + p, lead[i], n) == 0 && n > best)
			best = n;
	}
	return best;
}

static void
storycheck_period(const struct story *st, const char *text, size_t from, size_t to,
		  struct storycheck *out)
{
	static const char *const units[] = {"weeks", "week", "months", "month", "years", "year"};
	double span;
	bool told = false, agrees = false;
	size_t qs = 0, ql = 0;

	if (st->when_from == 0)
		return;
	span = (st->when_to / 100 - st->when_from / 100) * 12.0 +
	       (st->when_to % 100 - st->when_from % 100) + 1;
	for (size_t p = from; p < to && !agrees; p++) {
		size_t lead = storycheck_period_lead(text, p, to), q, words = 0;
		if (lead == 0)
			continue;
		/* up to three words, the last a unit: "18 months", "two and a half years" */
		for (q = p + lead; q < to && words < 5; q++) {
			if (text[q] != ' ')
				continue;
			words++;
			for (size_t u = 0; u < ARRAY_LEN(units); u++) {
				size_t n = strlen(units[u]);
				char buf[64];
				struct amount a;
				if (q - (p + lead) >= sizeof(buf) || to - q - 1 < n ||
				    strncasecmp(text + q + 1, units[u], n) != 0 ||
				    (q + 1 + n < to && isalpha((unsigned char)text[q + 1 + n])))
					continue;
				snprintf(buf, sizeof(buf), "%.*s %s", (int)(q - (p + lead)),
					 text + p + lead, units[u]);
				if (amount_parse(buf, AMOUNT_MONTHS, &a, NULL, 0) != 0 || a.value <= 0)
					continue;
				/* shorter is a test or a measurement window ("a holdout
				   ran for 8 weeks"); much longer cannot be this story */
				if (a.value <= 2 * span + 1)
					agrees = true;
				else if (!told) {
					qs = p;
					ql = q + 1 + n - p;
				}
				told = true;
				words = 5; /* done with this lead */
				break;
			}
		}
	}
	if (told && !agrees)
		storycheck_add(out, text, qs, ql,
			       xasprintf("\"%.*s\" is longer than your story: %s spans %.0f "
					 "month%s. Say when the work ran and when the result was "
					 "measured, or correct the dates.",
					 (int)ql, text + qs, st->when.value, span,
					 span == 1 ? "" : "s"));
}

void
storycheck_told(const struct story *st, const char *text, size_t from, size_t to,
		const struct coach_result *r, struct storycheck *out)
{
	storycheck_headline(st, text, from, to, r, out);
	storycheck_attribution(st, text, from, to, r, out);
	storycheck_period(st, text, from, to, out);
}

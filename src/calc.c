/* calc: see calc.h. */
#include "calc.h"

#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

/* Grids larger than this are surely a typo (a step in the wrong unit). */
#define CALC_MAX_GRID 1000000000.0

/* Reads text[0..n) (trimmed) as an amount of kind. */
static int
calc_read(const char *text, size_t n, enum amount_kind kind, double *out, char *err, size_t errlen)
{
	struct amount a;
	char *s;
	int rc;

	while (n > 0 && isspace((unsigned char)*text)) {
		text++;
		n--;
	}
	while (n > 0 && isspace((unsigned char)text[n - 1]))
		n--;
	s = xstrndup(text, n);
	rc = amount_parse(s, kind, &a, err, errlen);
	if (rc == 0)
		*out = a.value;
	free(s);
	return rc;
}

/* Finds the word "step" (case-insensitive, with spaces around it). */
static const char *
calc_find_step(const char *s)
{
	for (const char *p = s; *p != '\0'; p++)
		if ((p == s || isspace((unsigned char)p[-1])) && strncasecmp(p, "step", 4) == 0 &&
		    (p[4] == '\0' || isspace((unsigned char)p[4])))
			return p;
	return NULL;
}

int
calc_range_parse(const char *text, enum amount_kind kind, struct calc_range *out, char *err,
		 size_t errlen)
{
	const char *dots = strstr(text, ".."), *step = calc_find_step(text);
	double lo = 0, hi = 0, st = 0;
	int rc;

	if (dots == NULL) {
		if (step != NULL) {
			errorf(err, errlen, "range \"%s\" has a step but no \"lo..hi\"", text);
			return -1;
		}
		rc = calc_read(text, strlen(text), kind, &lo, err, errlen);
		if (rc == 0) {
			out->lo = out->hi = lo;
			out->step = 0;
		}
		return rc;
	}
	if (step == NULL || step < dots) {
		errorf(err, errlen, "range \"%s\" needs a step (e.g. \"50K..500K step 10K\")",
			    text);
		return -1;
	}
	rc = calc_read(text, (size_t)(dots - text), kind, &lo, err, errlen);
	if (rc == 0)
		rc = calc_read(dots + 2, (size_t)(step - dots - 2), kind, &hi, err, errlen);
	if (rc == 0)
		rc = calc_read(step + 4, strlen(step + 4), kind, &st, err, errlen);
	if (rc != 0)
		return rc;
	if (lo > hi) {
		errorf(err, errlen, "range \"%s\" runs backwards (lo above hi)", text);
		return -1;
	}
	if (!(st > 0)) {
		errorf(err, errlen, "range \"%s\" needs a step above 0", text);
		return -1;
	}
	if ((hi - lo) / st > CALC_MAX_GRID) {
		errorf(err, errlen, "range \"%s\" has too many steps", text);
		return -1;
	}
	out->lo = lo;
	out->hi = hi;
	out->step = lo == hi ? 0 : st;
	return 0;
}

static double
calc_draw_one(const struct calc_range *r, struct rng *rng)
{
	uint64_t n, k;

	if (r->step <= 0 || r->lo >= r->hi)
		return r->lo;
	n = (uint64_t)floor((r->hi - r->lo) / r->step + 1e-9) + 1;
	k = rng_below(rng, n);
	return amount_clean(r->lo + (double)k * r->step);
}

void
calc_draw(const struct impact_method *m, const struct calc_range *ranges, size_t nranges,
	  struct rng *rng, double *values)
{
	struct impact_result res;
	bool random = false, complete;

	for (size_t j = 0; j < nranges; j++)
		if (ranges[j].step > 0 && ranges[j].lo < ranges[j].hi)
			random = true;
	for (int attempt = 0; attempt < CALC_MAX_REDRAWS; attempt++) {
		for (size_t i = 0; i < m->ninputs; i++)
			values[i] = m->inputs[i].has_default ? m->inputs[i].dflt : NAN;
		for (size_t j = 0; j < nranges; j++)
			if (ranges[j].input >= 0 && (size_t)ranges[j].input < m->ninputs)
				values[ranges[j].input] = calc_draw_one(&ranges[j], rng);
		if (!random)
			return;
		complete = true;
		for (size_t i = 0; i < m->ninputs; i++)
			if (isnan(values[i]))
				complete = false;
		if (!complete || impact_run(m, values, &res, NULL, 0) == 0)
			return;
	}
}

/* Calls fn for each {name} in tmpl; stops at the first nonzero return. */
static int
calc_each_placeholder(const char *tmpl, int (*fn)(void *arg, const char *open, size_t namelen),
		      void *arg)
{
	for (const char *p = tmpl; *p != '\0'; p++) {
		if (*p != '{')
			continue;
		const char *close = strchr(p + 1, '}');
		int rc = fn(arg, p, close != NULL ? (size_t)(close - p - 1) : (size_t)-1);
		if (rc != 0)
			return rc;
		if (close == NULL)
			break;
		p = close;
	}
	return 0;
}

struct calc_check {
	const char *tmpl;
	const struct impact_method *m;
	char *err;
	size_t errlen;
};

static int
calc_input_by_name(const struct impact_method *m, const char *name, size_t n)
{
	for (size_t i = 0; i < m->ninputs; i++)
		if (strlen(m->inputs[i].name) == n && strncmp(m->inputs[i].name, name, n) == 0)
			return (int)i;
	return -1;
}

static int
calc_check_one(void *arg, const char *open, size_t namelen)
{
	struct calc_check *c = arg;
	struct sbuf names = {0};

	if (namelen == (size_t)-1) {
		errorf(c->err, c->errlen, "unclosed \"{\" at column %zu of the prompt",
			    (size_t)(open - c->tmpl) + 1);
		return -1;
	}
	if (calc_input_by_name(c->m, open + 1, namelen) >= 0)
		return 0;
	for (size_t i = 0; i < c->m->ninputs; i++)
		sbuf_printf(&names, "%s%s", i ? ", " : "", c->m->inputs[i].name);
	errorf(c->err, c->errlen, "placeholder {%.*s} is not an input of %s (inputs: %s)",
		    (int)namelen, open + 1, c->m->name, names.buf ? names.buf : "");
	sbuf_free(&names);
	return -1;
}

int
calc_template_check(const char *tmpl, const struct impact_method *m, char *err, size_t errlen)
{
	struct calc_check c = {tmpl, m, err, errlen};

	return calc_each_placeholder(tmpl, calc_check_one, &c);
}

char *
calc_render(const char *tmpl, const struct impact_method *m, const double *values)
{
	struct sbuf b = {0};
	const char *p = tmpl;

	sbuf_adds(&b, "");
	while (*p != '\0') {
		const char *open = strchr(p, '{'), *close;
		int idx;

		if (open == NULL || (close = strchr(open + 1, '}')) == NULL) {
			sbuf_adds(&b, p);
			break;
		}
		sbuf_add(&b, p, (size_t)(open - p));
		idx = calc_input_by_name(m, open + 1, (size_t)(close - open - 1));
		if (idx < 0) {
			sbuf_add(&b, open, (size_t)(close - open + 1));
		} else {
			char num[AMOUNT_FORMAT_MAX];
			amount_format_exact(values[idx], m->inputs[idx].kind, num, sizeof(num));
			sbuf_adds(&b, num);
		}
		p = close + 1;
	}
	return sbuf_take(&b);
}

enum calc_verdict
calc_judge(double expected, double given, double tolerance)
{
	return calc_judge_band(expected, given, tolerance, -1);
}

enum calc_verdict
calc_judge_band(double expected, double given, double tolerance, double close)
{
	double rel;

	if (!isfinite(given) || !isfinite(expected))
		return CALC_WRONG;
	if (expected == 0)
		return fabs(given) <= 1e-12 ? CALC_CORRECT : CALC_WRONG;
	if (!(tolerance > 0))
		tolerance = 0;
	rel = fabs(given - expected) / fabs(expected);
	if (close < 0)
		close = 5 * tolerance > 0.05 ? 5 * tolerance : 0.05;
	if (rel <= tolerance + 1e-9)
		return CALC_CORRECT;
	if (rel <= close + 1e-9)
		return CALC_CLOSE;
	return CALC_WRONG;
}

const char *
calc_verdict_name(enum calc_verdict v)
{
	switch (v) {
	case CALC_CORRECT:
		return "correct";
	case CALC_CLOSE:
		return "close";
	case CALC_WRONG:
		return "wrong";
	}
	return "?";
}

/* The free-named components of "total", as cmd_calc has always read them. */
static int
calc_read_total(const char *const *words, size_t nwords, struct calc_args *a, char *err,
		size_t errlen)
{
	a->bad = 0;
	if (nwords == 0) {
		errorf(err, errlen, "give the components as name=value "
				    "(e.g. labor=187K quality=145K)");
		return -1;
	}
	if (nwords > CALC_ARGS_MAX) {
		errorf(err, errlen, "at most %d components", CALC_ARGS_MAX);
		return -1;
	}
	for (size_t i = 0; i < nwords; i++) {
		const char *w = words[i], *eq = strchr(w, '=');
		size_t namelen = eq != NULL ? (size_t)(eq - w) : 0;
		struct amount am;
		char why[256];

		a->bad = i;
		if (eq == NULL || eq == w) {
			errorf(err, errlen, "\"%s\" is not name=value", w);
			return -1;
		}
		if (namelen >= CALC_ARG_NAME_MAX) {
			errorf(err, errlen, "component name \"%.*s\" is too long: %d characters at most",
			       (int)namelen, w, CALC_ARG_NAME_MAX - 1);
			return -1;
		}
		for (size_t j = 0; j < a->n; j++) {
			if (strncmp(a->names[j], w, namelen) == 0 && a->names[j][namelen] == '\0') {
				errorf(err, errlen, "component \"%.*s\" is given twice", (int)namelen, w);
				return -1;
			}
		}
		if (amount_parse(eq + 1, AMOUNT_MONEY, &am, why, sizeof(why)) != 0) {
			errorf(err, errlen, "component \"%.*s\": %s", (int)namelen, w, why);
			return -1;
		}
		memcpy(a->names[a->n], w, namelen);
		a->names[a->n][namelen] = '\0';
		a->kinds[a->n] = AMOUNT_MONEY;
		a->slot[i] = (int)a->n;
		a->values[a->n++] = am.value;
	}
	a->bad = nwords;
	return 0;
}

int
calc_read_args(const struct impact_method *m, const char *const *words, size_t nwords,
	       struct calc_args *a, char *err, size_t errlen)
{
	bool given[IMPACT_MAX_INPUTS] = {false};

	memset(a, 0, sizeof(*a));
	a->m = m;
	a->bad = nwords;
	for (size_t i = 0; i < CALC_ARGS_MAX; i++)
		a->slot[i] = -1;
	if (strcmp(m->name, "total") == 0) {
		a->total = true;
		return calc_read_total(words, nwords, a, err, errlen);
	}
	a->n = m->ninputs;
	for (size_t i = 0; i < m->ninputs; i++) {
		snprintf(a->names[i], sizeof(a->names[i]), "%s", m->inputs[i].name);
		a->kinds[i] = m->inputs[i].kind;
		a->values[i] = m->inputs[i].has_default ? m->inputs[i].dflt : NAN;
		a->defaulted[i] = m->inputs[i].has_default;
	}
	a->list_inputs = true;
	for (size_t i = 0; i < nwords; i++) {
		const char *w = words[i], *eq = strchr(w, '=');
		size_t namelen = eq != NULL ? (size_t)(eq - w) : 0;
		struct amount am;
		bool fraction;
		char why[256];
		int idx = -1;

		a->bad = i;
		if (eq == NULL) {
			errorf(err, errlen, "\"%s\" is not name=value", w);
			return -1;
		}
		for (size_t j = 0; j < m->ninputs && idx < 0; j++)
			if (strncmp(m->inputs[j].name, w, namelen) == 0 &&
			    m->inputs[j].name[namelen] == '\0')
				idx = (int)j;
		if (idx < 0) {
			errorf(err, errlen, "unknown input \"%.*s\"", (int)namelen, w);
			return -1;
		}
		if (given[idx]) {
			errorf(err, errlen, "input \"%.*s\" is given twice", (int)namelen, w);
			return -1;
		}
		if (amount_parse_input(eq + 1, m->inputs[idx].kind, &am, &fraction, why,
				       sizeof(why)) != 0) {
			errorf(err, errlen, "input \"%.*s\": %s", (int)namelen, w, why);
			return -1;
		}
		/* At most ninputs words get here: later ones repeat an input. */
		if (i < CALC_ARGS_MAX) {
			a->fraction[i] = fraction;
			a->slot[i] = idx;
		}
		given[idx] = true;
		a->values[idx] = am.value;
		a->defaulted[idx] = false;
	}
	a->bad = nwords;
	for (size_t i = 0; i < m->ninputs; i++) {
		if (!given[i] && !m->inputs[i].has_default) {
			errorf(err, errlen, "missing input \"%s\" (%s)", m->inputs[i].name,
			       m->inputs[i].help);
			return -1;
		}
	}
	a->list_inputs = false;
	return 0;
}

int
calc_args_run(const struct calc_args *a, struct impact_result *out, char *err, size_t errlen)
{
	if (a->total)
		return impact_sum(a->values, a->n, out, err, errlen);
	return impact_run(a->m, a->values, out, err, errlen);
}

bool
calc_args_note(const struct calc_args *a, const char *const *words, size_t i, char *buf,
	       size_t len)
{
	const char *eq;
	char note[160];

	if (i >= CALC_ARGS_MAX || !a->fraction[i] || a->slot[i] < 0 ||
	    (eq = strchr(words[i], '=')) == NULL)
		return false;
	amount_fraction_note(eq + 1, a->values[a->slot[i]], note, sizeof(note));
	snprintf(buf, len, "%.*s %s", (int)(eq - words[i]), words[i], note);
	return true;
}

/* story: see story.h and docs/stories.md. */
#include "story.h"

#include <assert.h>
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "amount.h"
#include "record.h"
#include "util.h"

/*
 * Most names a principles: field may list: every principle once, "Have
 * Backbone; Disagree and Commit" written as two. More is an error at once,
 * without a message for each name.
 */
#define STORY_MAX_ITEMS (PRINCIPLE_COUNT + 1)

/* Most words an impact: line may have: a method and its inputs. */
#define STORY_MAX_WORDS (CALC_ARGS_MAX + 2)

/* The fields of a story, what each holds (for the messages), and the rules. */
static const struct story_fieldspec {
	const char *name;
	const char *what; /* "what to write", completing "needs a NAME: field (...)" */
	bool required;
	bool repeat;
} story_fields[] = {
    {"id", "a stable name of letters, digits, '-', '_' or '.', e.g. checkout-latency", true,
     false},
    {"title", "one line that names the story", true, false},
    {"level", "L6 or L7", true, false},
    {"principles", "the leadership principles it shows, separated by ';', e.g. Dive Deep; "
		   "Earn Trust",
     true, false},
    {"when", "YYYY-MM or YYYY-MM to YYYY-MM", false, false},
    {"situation", "the context: where, when and what was at stake", true, false},
    {"task", "what you had to achieve, and why it was yours", true, false},
    {"action", "what you did yourself, step by step", true, false},
    {"result", "what came of it, with the figures", true, false},
    {"impact", "a drill calc method and its inputs, e.g. conversion traffic=4M before=2.3% "
	       "after=3.1% aov=65",
     false, true},
    {"validated", "how the figure was checked, and by whom", false, false},
    {"estimate_differently", "what could change the figure, and how you would settle it",
     false, false},
    {"endorsement", "Name, Title: what they credit", false, true},
};

static const struct story_fieldspec *
story_fieldspec_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(story_fields); i++)
		if (strcmp(story_fields[i].name, name) == 0)
			return &story_fields[i];
	return NULL;
}

/* The known field nearest to name (within a third of its length), or NULL. */
static const char *
story_field_nearest(const char *name)
{
	const char *best = NULL;
	size_t bestd = EDIT_DISTANCE_FAR;

	for (size_t i = 0; i < ARRAY_LEN(story_fields); i++) {
		const char *f = story_fields[i].name;
		size_t d = edit_distance(name, strlen(name), f, strlen(f));
		size_t limit = strlen(f) / 3 > 0 ? strlen(f) / 3 : 1;

		if (d <= limit && d < bestd) {
			bestd = d;
			best = f;
		}
	}
	return best;
}

/* The catalogue method nearest to name, for "did you mean", or NULL. */
static const char *
story_method_nearest(const char *name)
{
	const char *best = NULL;
	size_t bestd = EDIT_DISTANCE_FAR;

	for (size_t i = 0; i < impact_method_count(); i++) {
		const char *m = impact_method_at(i)->name;
		size_t d = edit_distance(name, strlen(name), m, strlen(m));

		if (d <= strlen(m) / 3 && d < bestd) {
			bestd = d;
			best = m;
		}
	}
	return best;
}

/*
 * Parsing context for one record turned into a story. Its diagnostics are
 * gathered in dl and handed on in line order when the record is done.
 */
struct story_ctx {
	const char *path;
	struct diag_list dl;
	struct record *r;
	struct story *s;
	size_t errors;
};

static void story_err(struct story_ctx *k, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
story_err(struct story_ctx *k, int line, const char *fmt, ...)
{
	struct sbuf b = {0};
	va_list ap;

	va_start(ap, fmt);
	sbuf_vprintf(&b, fmt, ap);
	va_end(ap);
	diag_add(&k->dl, DIAG_ERROR, k->path, line > 0 ? line : k->r->first_line, 0, "%s", b.buf);
	sbuf_free(&b);
	k->errors++;
}

/*
 * Copies field name into *out. A required field that is absent, and any
 * field that is empty, is an error saying what to write. Returns the
 * value, or NULL when absent or empty.
 */
static const char *
story_take(struct story_ctx *k, const char *name, struct story_field *out)
{
	const struct story_fieldspec *fs = story_fieldspec_find(name);
	struct record_field *f = record_get(k->r, name);

	if (f == NULL) {
		if (fs->required)
			story_err(k, 0, "story \"%s\" needs %s %s: field (%s)", k->s->id,
				  strchr("aeiou", name[0]) != NULL ? "an" : "a", name, fs->what);
		return NULL;
	}
	f->used = true;
	out->line = f->line;
	out->value = xstrdup(record_field_text(f));
	if (out->value[0] == '\0') {
		story_err(k, f->line, "field \"%s\" is empty: write %s%s", name, fs->what,
			  fs->required ? "" : ", or leave the field out");
		return NULL;
	}
	return out->value;
}

static void
story_level(struct story_ctx *k)
{
	const char *v = story_take(k, "level", &k->s->level_text);

	if (v == NULL)
		return;
	if (strcasecmp(v, "L6") == 0)
		k->s->level = 6;
	else if (strcasecmp(v, "L7") == 0)
		k->s->level = 7;
	else
		story_err(k, k->s->level_text.line, "level \"%s\" must be L6 or L7", v);
}

/* One principles: item, [start, end) of the value, trimmed. */
struct story_item {
	size_t start, end;
};

/*
 * Appends principle p, named as v[it.start, it.end); a repeat is an error
 * that quotes both names when they were written differently. first[p] is
 * where p was first named.
 */
static void
story_add_principle(struct story_ctx *k, int p, const char *v, struct story_item it,
		    struct story_item first[PRINCIPLE_COUNT])
{
	struct story *s = k->s;
	const char *t = v + it.start, *ft = v + first[p].start;
	size_t n = it.end - it.start, fn = first[p].end - first[p].start;

	if (fn == 0) {
		first[p] = it;
		s->principles[s->nprinciples++] = p;
	} else if (fn != n || memcmp(ft, t, n) != 0) {
		story_err(k, s->principles_text.line,
			  "leadership principle '%s' is named twice (as '%.*s' and '%.*s'); name it "
			  "once",
			  principle_at(p)->name, (int)fn, ft, (int)n, t);
	} else {
		story_err(k, s->principles_text.line,
			  "leadership principle '%s' is named twice; name it once",
			  principle_at(p)->name);
	}
}

/* An unknown name: the nearest suggestion, or what to write. */
static void
story_unknown_principle(struct story_ctx *k, const char *t, size_t n)
{
	int line = k->s->principles_text.line;
	int near = principle_nearest(t, n);
	size_t parts = 0, known = 0;

	/* "Dive Deep, Deliver Results": principles separated by commas */
	for (const char *p = t, *e = t + n; p < e && parts <= STORY_MAX_ITEMS;) {
		const char *c = memchr(p, ',', (size_t)(e - p));
		const char *pe = c != NULL ? c : e;
		parts++;
		known += principle_find(p, (size_t)(pe - p)) >= 0;
		p = c != NULL ? c + 1 : e;
	}
	if (parts >= 2 && parts <= STORY_MAX_ITEMS && known == parts) {
		struct sbuf b = {0};
		for (const char *p = t, *e = t + n; p < e;) {
			const char *c = memchr(p, ',', (size_t)(e - p));
			const char *pe = c != NULL ? c : e;
			sbuf_printf(&b, "%s%s", b.len ? "; " : "",
				    principle_at(principle_find(p, (size_t)(pe - p)))->name);
			p = c != NULL ? c + 1 : e;
		}
		story_err(k, line,
			  "unknown leadership principle '%.*s': separate principles with ';' "
			  "(%s)",
			  (int)n, t, b.buf);
		sbuf_free(&b);
	} else if (near >= 0) {
		story_err(k, line, "unknown leadership principle '%.*s': did you mean '%s'?", (int)n,
			  t, principle_at(near)->name);
	} else {
		story_err(k, line,
			  "unknown leadership principle '%.*s': write one of the 16 names or a "
			  "short form (docs/stories.md lists them)",
			  (int)n, t);
	}
}

/*
 * principles: names separated by ';'. Two neighbours that together make
 * one name ("Have Backbone; Disagree and Commit", as Amazon writes it) are
 * that one principle.
 */
static void
story_principles(struct story_ctx *k)
{
	const char *v = story_take(k, "principles", &k->s->principles_text);
	struct story_item *items, first[PRINCIPLE_COUNT] = {{0, 0}};
	size_t nitems = 0, before = k->errors;

	if (v == NULL)
		return;
	items = xcalloc(strlen(v) + 1, sizeof(*items));
	for (size_t p = 0, n = strlen(v); p <= n;) {
		const char *semi = memchr(v + p, ';', n - p);
		size_t e = semi != NULL ? (size_t)(semi - v) : n, b = p, ee = e;

		while (b < ee && isspace((unsigned char)v[b]))
			b++;
		while (ee > b && isspace((unsigned char)v[ee - 1]))
			ee--;
		if (ee > b)
			items[nitems++] = (struct story_item){b, ee};
		p = e + 1;
	}
	if (nitems > STORY_MAX_ITEMS) {
		story_err(k, k->s->principles_text.line,
			  "field \"principles\" names %zu; a story shows at most %d leadership "
			  "principles: keep the few it shows best",
			  nitems, PRINCIPLE_COUNT);
		nitems = 0;
	}
	for (size_t i = 0; i < nitems; i++) {
		const char *t = v + items[i].start;
		size_t n = items[i].end - items[i].start;
		int p = -1;

		if (i + 1 < nitems) {
			size_t pn = items[i + 1].end - items[i].start;
			p = principle_find(t, pn);
			if (p >= 0) {
				story_add_principle(
				    k, p, v, (struct story_item){items[i].start, items[i + 1].end},
				    first);
				i++;
				continue;
			}
		}
		p = principle_find(t, n);
		if (p < 0)
			story_unknown_principle(k, t, n);
		else
			story_add_principle(k, p, v, items[i], first);
	}
	if (nitems == 0 && k->errors == before)
		story_err(k, k->s->principles_text.line, "field \"principles\" names none: write %s",
			  story_fieldspec_find("principles")->what);
	free(items);
	if (k->errors > before)
		k->s->nprinciples = 0;
}

/* Reads "YYYY-MM" from s[0..n) into *ym (YYYYMM); a message in err on failure. */
static int
story_month(const char *s, size_t n, int *ym, char *err, size_t errlen)
{
	int y = 0, m = 0;

	if (n != 7 || s[4] != '-')
		return -1;
	for (size_t i = 0; i < 7; i++)
		if (i != 4 && !isdigit((unsigned char)s[i]))
			return -1;
	for (size_t i = 0; i < 4; i++)
		y = y * 10 + (s[i] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	if (m < 1 || m > 12) {
		errorf(err, errlen, "month %.2s is not 01 to 12", s + 5);
		return -2;
	}
	if (y < 1900 || y > 2100) {
		errorf(err, errlen, "year %.4s is not a year of a career", s);
		return -2;
	}
	*ym = y * 100 + m;
	return 0;
}

static void
story_when(struct story_ctx *k)
{
	struct story *s = k->s;
	const char *v = story_take(k, "when", &s->when);
	const char *to;
	char err[128] = "";
	int from = 0, until = 0, rc;

	if (v == NULL)
		return;
	to = strstr(v, " to ");
	if (to == NULL) {
		rc = story_month(v, strlen(v), &from, err, sizeof(err));
		until = from;
	} else {
		const char *b = to;
		const char *a = to + 4;
		while (b > v && isspace((unsigned char)b[-1]))
			b--;
		while (isspace((unsigned char)*a))
			a++;
		rc = story_month(v, (size_t)(b - v), &from, err, sizeof(err));
		if (rc == 0)
			rc = story_month(a, strlen(a), &until, err, sizeof(err));
	}
	if (rc == -1) {
		story_err(k, s->when.line,
			  "when \"%s\" must be YYYY-MM or YYYY-MM to YYYY-MM (e.g. 2024-03 to "
			  "2025-01)",
			  v);
	} else if (rc < 0) {
		story_err(k, s->when.line, "when \"%s\": %s", v, err);
	} else if (from > until) {
		story_err(k, s->when.line,
			  "when \"%s\" ends before it starts: write the earlier month first", v);
	} else {
		s->when_from = from;
		s->when_to = until;
	}
}

/* One impact: line read and run; 0, or -1 after reporting it. */
static int
story_impact_one(struct story_ctx *k, const struct record_field *f, struct story_impact *im)
{
	const char *v = record_field_text(f);
	char *copy = xstrdup(v), *save = NULL, *w;
	const char *words[STORY_MAX_WORDS];
	size_t nwords = 0;
	char err[256], note[256];
	int rc = -1;

	im->text = xstrdup(v);
	im->line = f->line;
	for (w = strtok_r(copy, " \t\n", &save); w != NULL; w = strtok_r(NULL, " \t\n", &save)) {
		if (nwords == STORY_MAX_WORDS) {
			story_err(k, f->line, "impact: too many inputs: a method takes at most %d",
				  CALC_ARGS_MAX);
			goto out;
		}
		words[nwords++] = w;
	}
	if (nwords == 0) {
		story_err(k, f->line, "field \"impact\" is empty: write %s",
			  story_fieldspec_find("impact")->what);
		goto out;
	}
	im->method = impact_method_find(words[0]);
	if (im->method == NULL) {
		const char *near = story_method_nearest(words[0]);
		if (near != NULL)
			story_err(k, f->line,
				  "impact: unknown method \"%s\": did you mean \"%s\"? (drill calc "
				  "--list shows the methods)",
				  words[0], near);
		else
			story_err(k, f->line,
				  "impact: unknown method \"%s\": the line starts with a method of "
				  "drill calc --list, then its inputs as name=value",
				  words[0]);
		goto out;
	}
	rc = calc_read_args(im->method, words + 1, nwords - 1, &im->args, err, sizeof(err));
	for (size_t i = 0; i < im->args.bad; i++)
		if (calc_args_note(&im->args, words + 1, i, note, sizeof(note)))
			diag_add(&k->dl, DIAG_WARNING, k->path, f->line, 0, "impact: %s", note);
	if (rc != 0) {
		struct sbuf takes = {0};
		/* name the inputs, unless the message names the one missing */
		if (im->args.list_inputs && im->args.bad < nwords - 1) {
			for (size_t j = 0; j < im->method->ninputs; j++)
				sbuf_printf(&takes, "%s%s", j ? ", " : " (it takes ",
					    im->method->inputs[j].name);
			sbuf_adds(&takes, ")");
		}
		story_err(k, f->line, "impact: %s: %s%s", im->method->name, err,
			  takes.buf ? takes.buf : "");
		sbuf_free(&takes);
		goto out;
	}
	rc = calc_args_run(&im->args, &im->result, err, sizeof(err));
	if (rc != 0) {
		story_err(k, f->line, "impact: %s: %s", im->method->name, err);
		goto out;
	}
	memcpy(im->values, im->args.values, sizeof(im->values));
	im->annual = im->result.annual;
out:
	free(copy);
	return rc;
}

static void
story_impacts(struct story_ctx *k)
{
	struct story *s = k->s;
	size_t n = record_count(k->r, "impact"), ok = 0;
	double sum = 0;

	if (n == 0)
		return;
	s->impacts = xcalloc(n, sizeof(*s->impacts));
	for (size_t i = 0; i < k->r->n; i++) {
		struct record_field *f = &k->r->f[i];
		struct story_impact *im = &s->impacts[s->nimpacts];

		if (strcmp(f->name, "impact") != 0)
			continue;
		f->used = true;
		s->nimpacts++;
		if (story_impact_one(k, f, im) == 0) {
			sum += im->annual;
			ok++;
		}
	}
	if (ok < n)
		return;
	if (!(fabs(sum) < AMOUNT_MAX)) {
		char v[AMOUNT_FORMAT_MAX];
		amount_format(sum, AMOUNT_MONEY, v, sizeof(v));
		story_err(k, s->impacts[0].line, "impact: the lines add up to %s: %s", v,
			  AMOUNT_MAX_TEXT);
		return;
	}
	s->annual = sum;
	s->has_annual = true;
}

/* Trims s[0..n) in place of its pointers; returns the new length. */
static size_t
story_trim(const char **s, size_t n)
{
	while (n > 0 && isspace((unsigned char)**s)) {
		(*s)++;
		n--;
	}
	while (n > 0 && isspace((unsigned char)(*s)[n - 1]))
		n--;
	return n;
}

static void
story_endorsements(struct story_ctx *k)
{
	struct story *s = k->s;
	size_t n = record_count(k->r, "endorsement");

	if (n == 0)
		return;
	s->endorsements = xcalloc(n, sizeof(*s->endorsements));
	for (size_t i = 0; i < k->r->n; i++) {
		struct record_field *f = &k->r->f[i];
		if (strcmp(f->name, "endorsement") != 0)
			continue;
		const char *v = record_field_text(f);
		const char *colon = strchr(v, ':');
		const char *comma = colon != NULL ? memchr(v, ',', (size_t)(colon - v)) : NULL;
		const char *name = v, *title = comma != NULL ? comma + 1 : NULL;
		const char *credit = colon != NULL ? colon + 1 : NULL;
		size_t nn = 0, tn = 0, cn = 0;

		f->used = true;
		if (comma != NULL) {
			nn = story_trim(&name, (size_t)(comma - v));
			tn = story_trim(&title, (size_t)(colon - title));
			cn = story_trim(&credit, strlen(credit));
		}
		if (nn == 0 || tn == 0 || cn == 0) {
			story_err(k, f->line,
				  "endorsement \"%s\" must be \"Name, Title: what they credit\" (e.g. "
				  "Dana Ito, Director of Payments: credits the $17M a year to this "
				  "work)",
				  v);
			continue;
		}
		struct story_endorsement *e = &s->endorsements[s->nendorsements++];
		e->name = xstrndup(name, nn);
		e->title = xstrndup(title, tn);
		e->credit = xstrndup(credit, cn);
		e->line = f->line;
	}
}

static void
story_free(struct story *s)
{
	struct story_field *fields[] = {&s->title,     &s->level_text, &s->principles_text,
					&s->when,      &s->situation,  &s->task,
					&s->action,    &s->result,     &s->validated,
					&s->estimate_differently};

	if (s == NULL)
		return;
	free(s->id);
	free(s->path);
	for (size_t i = 0; i < ARRAY_LEN(fields); i++)
		free(fields[i]->value);
	for (size_t i = 0; i < s->nimpacts; i++)
		free(s->impacts[i].text);
	free(s->impacts);
	for (size_t i = 0; i < s->nendorsements; i++) {
		free(s->endorsements[i].name);
		free(s->endorsements[i].title);
		free(s->endorsements[i].credit);
	}
	free(s->endorsements);
	free(s->source);
	free(s);
}

/* For story_flush: a diagnostic's line, then its place in the list. */
struct story_order {
	int line;
	size_t index;
};

static int
story_order_cmp(const void *a, const void *b)
{
	const struct story_order *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

/* Hands the record's diagnostics on to dl in line order, ties as written. */
static void
story_flush(struct story_ctx *k, struct diag_list *dl)
{
	const struct diag *v = k->dl.v;
	struct story_order *order = xcalloc(k->dl.n ? k->dl.n : 1, sizeof(*order));

	for (size_t i = 0; i < k->dl.n; i++)
		order[i] = (struct story_order){v[i].line, i};
	qsort(order, k->dl.n, sizeof(*order), story_order_cmp);
	for (size_t i = 0; i < k->dl.n; i++) {
		const struct diag *d = &v[order[i].index];
		diag_add(dl, d->severity, d->file, d->line, d->col, "%s", d->msg);
	}
	free(order);
	diag_list_free(&k->dl);
}

/*
 * Turns a record into a story. Returns it, or NULL when the record had
 * errors (all reported).
 */
static struct story *
story_from_record(const char *path, const char *buf, struct record *r, struct diag_list *dl)
{
	struct story *s = xcalloc(1, sizeof(*s));
	struct story_ctx k = {path, {0}, r, s, 0};
	const char *id = record_value(r, "id");

	s->line = r->first_line;
	s->path = xstrdup(path);
	s->source = xstrndup(buf + r->start, r->end - r->start);
	record_hash(r, s->hash);
	if (id == NULL || *id == '\0') {
		story_err(&k, id ? record_get(r, "id")->line : 0,
			  "story has no id: write id: %s", story_fieldspec_find("id")->what);
		s->id = xstrdup("?");
	} else {
		s->id = xstrdup(id);
		if (!record_id_valid(id))
			story_err(&k, record_get(r, "id")->line,
				  "id \"%s\" must be 1-%d letters, digits, '-', '_' or '.'", id,
				  RECORD_ID_MAX);
	}

	/* Field names and repetition. */
	int first_line[ARRAY_LEN(story_fields)] = {0};
	for (size_t i = 0; i < r->n; i++) {
		const struct story_fieldspec *fs = story_fieldspec_find(r->f[i].name);
		if (fs == NULL) {
			const char *near = story_field_nearest(r->f[i].name);
			if (near != NULL)
				story_err(&k, r->f[i].line,
					  "unknown field \"%s\" (did you mean \"%s\"?)", r->f[i].name,
					  near);
			else
				story_err(&k, r->f[i].line,
					  "unknown field \"%s\" (a story has id, title, level, "
					  "principles, when, situation, task, action, result, impact, "
					  "validated, estimate_differently, endorsement)",
					  r->f[i].name);
			continue;
		}
		size_t spec = (size_t)(fs - story_fields);
		if (fs->repeat)
			continue;
		if (first_line[spec] == 0)
			first_line[spec] = r->f[i].line;
		else
			story_err(&k, r->f[i].line, "field \"%s\" given twice (first at line %d)",
				  r->f[i].name, first_line[spec]);
	}

	story_take(&k, "title", &s->title);
	story_level(&k);
	story_principles(&k);
	story_when(&k);
	story_take(&k, "situation", &s->situation);
	story_take(&k, "task", &s->task);
	story_take(&k, "action", &s->action);
	story_take(&k, "result", &s->result);
	story_impacts(&k);
	story_take(&k, "validated", &s->validated);
	story_take(&k, "estimate_differently", &s->estimate_differently);
	story_endorsements(&k);

	story_flush(&k, dl);
	if (k.errors > 0) {
		story_free(s);
		return NULL;
	}
	return s;
}

/* ---- sets ------------------------------------------------------------- */

struct story_parsectx {
	const char *path;
	const char *buf;
	struct diag_list *dl;
	struct story_set *set;
	size_t errors;
};

static void
story_on_record(void *ctx, struct record *r)
{
	struct story_parsectx *p = ctx;
	struct story_set *set = p->set;
	const char *id = record_value(r, "id");
	struct story *s;

	if (id != NULL && record_id_valid(id)) {
		if (set->nrefs == set->refcap) {
			set->refcap = set->refcap ? set->refcap * 2 : 16;
			set->refs = xrealloc(set->refs, set->refcap * sizeof(*set->refs));
		}
		set->refs[set->nrefs++] =
		    (struct story_ref){xstrdup(id), xstrdup(p->path), r->first_line};
	}
	s = story_from_record(p->path, p->buf, r, p->dl);
	if (s == NULL) {
		p->errors++;
		return;
	}
	assert(story_is_valid(s));
	if (set->n == set->cap) {
		set->cap = set->cap ? set->cap * 2 : 16;
		set->v = xrealloc(set->v, set->cap * sizeof(*set->v));
	}
	set->v[set->n++] = s;
}

int
story_parse(const char *path, const char *buf, size_t len, struct story_set *set,
	    struct diag_list *dl)
{
	size_t bom = utf8_bom_len(buf, len);
	struct story_parsectx p = {path, buf + bom, dl, set, 0};
	size_t before = dl->errors;

	p.errors += record_split(path, "story file", 1, buf + bom, len - bom, dl, story_on_record,
				 &p);
	return dl->errors > before ? -1 : 0;
}

static int
story_ref_cmp(const void *a, const void *b)
{
	const struct story_ref *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c == 0)
		c = strcmp(x->path, y->path);
	return c != 0 ? c : (x->line > y->line) - (x->line < y->line);
}

size_t
story_check_ids(const struct story_set *set, struct diag_list *dl)
{
	struct story_ref *refs = xmalloc((set->nrefs ? set->nrefs : 1) * sizeof(*refs));
	size_t dups = 0, first = 0;

	if (set->nrefs > 0)
		memcpy(refs, set->refs, set->nrefs * sizeof(*refs));
	qsort(refs, set->nrefs, sizeof(*refs), story_ref_cmp);
	for (size_t i = 1; i < set->nrefs; i++) {
		if (strcmp(refs[first].id, refs[i].id) != 0) {
			first = i;
			continue;
		}
		diag_add(dl, DIAG_ERROR, refs[i].path, refs[i].line, 0,
			 "duplicate story id \"%s\" (first defined at %s:%d): give each story its "
			 "own id",
			 refs[i].id, refs[first].path, refs[first].line);
		dups++;
	}
	free(refs);
	return dups;
}

void
story_set_free(struct story_set *set)
{
	for (size_t i = 0; i < set->n; i++)
		story_free(set->v[i]);
	free(set->v);
	for (size_t i = 0; i < set->nrefs; i++) {
		free(set->refs[i].id);
		free(set->refs[i].path);
	}
	free(set->refs);
	memset(set, 0, sizeof(*set));
}

const struct story *
story_find(const struct story_set *set, const char *id)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->v[i]->id, id) == 0)
			return set->v[i];
	return NULL;
}

static bool
story_month_valid(int ym)
{
	return ym / 100 >= 1900 && ym / 100 <= 2100 && ym % 100 >= 1 && ym % 100 <= 12;
}

bool
story_is_valid(const struct story *s)
{
	const struct story_field *required[] = {&s->title,     &s->level_text, &s->principles_text,
						&s->situation, &s->task,       &s->action,
						&s->result};
	bool seen[PRINCIPLE_COUNT] = {false};
	double sum = 0;

	if (s->id == NULL || !record_id_valid(s->id) || (s->level != 6 && s->level != 7))
		return false;
	for (size_t i = 0; i < ARRAY_LEN(required); i++)
		if (required[i]->value == NULL || required[i]->value[0] == '\0')
			return false;
	if (s->nprinciples < 1 || s->nprinciples > PRINCIPLE_COUNT)
		return false;
	for (size_t i = 0; i < s->nprinciples; i++) {
		int p = s->principles[i];
		if (p < 0 || p >= PRINCIPLE_COUNT || seen[p])
			return false;
		seen[p] = true;
	}
	if ((s->when_from == 0) != (s->when_to == 0))
		return false;
	if (s->when_from != 0 && (!story_month_valid(s->when_from) ||
				  !story_month_valid(s->when_to) || s->when_from > s->when_to))
		return false;
	if (s->has_annual != (s->nimpacts > 0))
		return false;
	for (size_t i = 0; i < s->nimpacts; i++)
		sum += s->impacts[i].annual;
	return !s->has_annual || sum == s->annual;
}

/* FNV-1a, 32 bits. */
void
story_hash8(const char *s, size_t len, char out[9])
{
	uint32_t h = 0x811c9dc5u;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x01000193u;
	}
	snprintf(out, 9, "%08x", (unsigned)h);
}

bool
story_shows(const struct story *st, int p)
{
	for (size_t i = 0; i < st->nprinciples; i++)
		if (st->principles[i] == p)
			return true;
	return false;
}

const char *
story_status_name(enum story_status s)
{
	return s == STORY_MISSING ? "missing" : s == STORY_THIN ? "thin" : "covered";
}

void
story_coverage(const struct story_set *set, int level, struct story_coverage *cov)
{
	size_t n6 = 0, n7 = 0;

	memset(cov, 0, sizeof(*cov));
	for (size_t i = 0; i < set->n; i++) {
		if (set->v[i]->level == 6)
			n6++;
		else
			n7++;
		for (int p = 0; p < PRINCIPLE_COUNT; p++)
			cov->count[p] += story_shows(set->v[i], p);
	}
	for (int p = 0; p < PRINCIPLE_COUNT; p++) {
		cov->status[p] = cov->count[p] == 0		 ? STORY_MISSING
				 : cov->count[p] < STORY_TARGET ? STORY_THIN
								: STORY_COVERED;
		cov->missing += cov->status[p] == STORY_MISSING;
		cov->thin += cov->status[p] == STORY_THIN;
		cov->covered += cov->status[p] == STORY_COVERED;
	}
	cov->level = level == 6 || level == 7 ? level : n6 > n7 ? 6 : 7;
	cov->bank_min = cov->level == 6 ? 15 : 20;
	cov->bank_max = cov->level == 6 ? 20 : 25;
}

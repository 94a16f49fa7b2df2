/* audit: see audit.h. The line format is described in docs/impact.md. */
#include "audit.h"

#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/*
 * Signs and parentheses nested deeper than this are refused: every
 * recursion of the parser goes through one of them, so this bounds it.
 */
#define AUDIT_MAX_DEPTH 32

/* A parse of one side of a step. */
struct audit_parser {
	const char *s;	   /* current position */
	int depth;	   /* unary signs and parentheses open around s */
	const char *error; /* static text, set on failure */
	int scan;	   /* amount_scan's status when it refused the number at s */
	size_t used;	   /* with scan: the bytes of that number */
};

static double audit_expr(struct audit_parser *p);

static void
audit_skip_space(struct audit_parser *p)
{
	while (*p->s == ' ' || *p->s == '\t')
		p->s++;
}

static bool
audit_is_letter(char c)
{
	return isalpha((unsigned char)c) != 0;
}

/* Length of the operator at s, setting *op to '*', '/', '+' or '-'. */
static size_t
audit_operator(const char *s, char *op)
{
	static const struct {
		const char *text;
		char op;
	} ops[] = {
	    {"\xc3\x97", '*'},	   /* × */
	    {"\xc2\xb7", '*'},	   /* · */
	    {"\xe2\x8b\x85", '*'}, /* ⋅ */
	    {"\xc3\xb7", '/'},	   /* ÷ */
	    {"\xe2\x88\x92", '-'}, /* − */
	    {"\xe2\x80\x93", '-'}, /* – */
	    {"*", '*'},
	    {"/", '/'},
	    {"+", '+'},
	    {"-", '-'},
	};

	if ((*s == 'x' || *s == 'X') && !audit_is_letter(s[1])) {
		*op = '*';
		return 1;
	}
	for (size_t i = 0; i < ARRAY_LEN(ops); i++) {
		size_t n = strlen(ops[i].text);
		if (strncmp(s, ops[i].text, n) == 0) {
			*op = ops[i].op;
			return n;
		}
	}
	return 0;
}

/*
 * Skips words that say what a number counts ("8,760 hours", "$12 annual
 * value per NPS point"), and "/word" rates ("$150/hour"), but not the
 * operator x.
 */
static void
audit_skip_words(struct audit_parser *p)
{
	for (;;) {
		const char *s;
		audit_skip_space(p);
		s = p->s;
		if (*s == '/') {
			s++;
			while (*s == ' ')
				s++;
		}
		if (!audit_is_letter(*s))
			return;
		if ((*s == 'x' || *s == 'X') && !audit_is_letter(s[1]))
			return;
		while (audit_is_letter(*s) || *s == '-' || *s == '\'')
			s++;
		p->s = s;
	}
}

/*
 * Opens one level of nesting (a unary sign or a parenthesis) before the
 * parser recurses; false, with the error set, past AUDIT_MAX_DEPTH.
 */
static bool
audit_descend(struct audit_parser *p)
{
	if (++p->depth <= AUDIT_MAX_DEPTH)
		return true;
	p->error = "signs and parentheses nested too deep (32 at most)";
	return false;
}

static double
audit_primary(struct audit_parser *p)
{
	struct amount a;
	size_t used;
	double v;
	char op;
	size_t n;

	audit_skip_space(p);
	if ((n = audit_operator(p->s, &op)) != 0 && (op == '-' || op == '+')) {
		if (!audit_descend(p))
			return 0;
		p->s += n;
		v = audit_primary(p);
		p->depth--;
		return op == '-' ? -v : v;
	}
	if (*p->s == '(') {
		if (!audit_descend(p))
			return 0;
		p->s++;
		v = audit_expr(p);
		audit_skip_space(p);
		if (p->error == NULL && *p->s != ')')
			p->error = "a \"(\" is not closed";
		if (p->error != NULL)
			return 0;
		p->s++;
		p->depth--;
		audit_skip_words(p);
		return v;
	}
	p->scan = amount_scan(p->s, &a, &used);
	if (p->scan != AMOUNT_SCAN_OK) {
		p->error = "expected a number";
		p->used = used;
		return 0;
	}
	p->s += used;
	audit_skip_words(p);
	return a.value;
}

static double
audit_term(struct audit_parser *p)
{
	double v = audit_primary(p), r;
	char op;
	size_t n;

	while (p->error == NULL) {
		audit_skip_space(p);
		n = audit_operator(p->s, &op);
		if (n == 0 || (op != '*' && op != '/'))
			break;
		p->s += n;
		r = audit_primary(p);
		if (op == '*') {
			v *= r;
		} else if (r == 0) {
			if (p->error == NULL)
				p->error = "division by zero";
		} else {
			v /= r;
		}
	}
	return v;
}

static double
audit_expr(struct audit_parser *p)
{
	double v = audit_term(p), r;
	char op;
	size_t n;

	while (p->error == NULL) {
		audit_skip_space(p);
		n = audit_operator(p->s, &op);
		if (n == 0 || (op != '+' && op != '-'))
			break;
		p->s += n;
		r = audit_term(p);
		v = op == '+' ? v + r : v - r;
	}
	return v;
}

static bool
audit_has_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (isdigit((unsigned char)s[i]))
			return true;
	return false;
}

/* Skips a list bullet: "- ", "* ", "• ", "– ", "3. ", "3) ". */
static const char *
audit_skip_bullet(const char *s)
{
	const char *d = s;

	while (*s == ' ' || *s == '\t')
		s++;
	if ((*s == '-' || *s == '*') && s[1] == ' ')
		return s + 2;
	if ((strncmp(s, "\xe2\x80\xa2", 3) == 0 || strncmp(s, "\xe2\x80\x93", 3) == 0) &&
	    s[3] == ' ')
		return s + 4;
	d = s;
	while (isdigit((unsigned char)*d))
		d++;
	if (d > s && (*d == '.' || *d == ')') && d[1] == ' ')
		return d + 2;
	return s;
}

static char *
audit_format(double v, enum amount_kind kind)
{
	char buf[AMOUNT_FORMAT_MAX];

	amount_format_sig(v, kind, 4, buf, sizeof(buf));
	return xstrdup(buf);
}

/*
 * The message for a number amount_scan refused (scan is its status) in
 * the used bytes at num: "1000000000000000000" is too large: ...
 */
static char *
audit_range_message(const char *num, size_t used, int scan)
{
	int n = used > 40 ? 37 : (int)used;
	const char *more = used > 40 ? "..." : "";

	if (scan == AMOUNT_SCAN_TOO_LARGE)
		return xasprintf("\"%.*s%s\" is too large: %s", n, num, more, AMOUNT_MAX_TEXT);
	return xasprintf("\"%.*s%s\" has more than %d digits: drill reads %d at most", n, num, more,
			 AMOUNT_MAX_DIGITS, AMOUNT_MAX_DIGITS);
}

/* Reads one line into step (text and line already set). */
static void
audit_line(struct audit_step *st)
{
	const char *body = audit_skip_bullet(st->text);
	const char *eq = strchr(body, '='), *colon = strchr(body, ':'), *last;
	struct audit_parser p = {0};
	struct amount stated;
	char *left, *want, *got;
	size_t used;
	double computed, diff;

	st->status = AUDIT_CONTEXT;
	if (eq == NULL)
		return;
	if (colon != NULL && colon < eq)
		body = colon + 1;
	last = strrchr(body, '=');
	if (!audit_has_digit(body, (size_t)(eq - body)) ||
	    !audit_has_digit(last + 1, strlen(last + 1)))
		return;

	st->status = AUDIT_UNREADABLE;
	p.s = last + 1;
	while (*p.s == ' ' || *p.s == '\t')
		p.s++;
	p.scan = amount_scan(p.s, &stated, &used);
	if (p.scan == AMOUNT_SCAN_NONE) {
		st->message = xstrdup("the result after \"=\" is not a number");
		return;
	}
	if (p.scan != AMOUNT_SCAN_OK) {
		st->message = audit_range_message(p.s, used, p.scan);
		return;
	}
	st->stated = stated.value;
	st->kind = stated.kind == AMOUNT_ANY ? AMOUNT_COUNT : stated.kind;

	left = xstrndup(body, (size_t)(eq - body));
	p.s = left;
	p.scan = AMOUNT_SCAN_OK;
	computed = audit_expr(&p);
	audit_skip_space(&p);
	if (p.error == NULL && *p.s != '\0')
		p.error = "unexpected text in the arithmetic";
	if (p.error != NULL && p.scan != AMOUNT_SCAN_OK && p.scan != AMOUNT_SCAN_NONE)
		st->message = audit_range_message(p.s, p.used, p.scan);
	else if (p.error != NULL)
		st->message = xasprintf("cannot read the left side: %s at \"%.20s\"", p.error, p.s);
	free(left);
	if (p.error != NULL)
		return;
	/* Numbers below AMOUNT_MAX can still multiply past it. */
	if (!(fabs(computed) < AMOUNT_MAX)) {
		want = audit_format(computed, st->kind);
		st->message =
		    isfinite(computed)
			? xasprintf("the left side is %s, too large: %s", want, AMOUNT_MAX_TEXT)
			: xasprintf("the left side is too large: %s", AMOUNT_MAX_TEXT);
		free(want);
		return;
	}
	st->computed = computed;

	diff = fabs(computed - stated.value);
	want = audit_format(computed, st->kind);
	got = audit_format(stated.value, st->kind);
	if (diff <= stated.unit / 2 * (1 + 1e-9) + 1e-12 * fabs(stated.value)) {
		st->status = AUDIT_OK;
	} else if (diff <= 0.01 * fabs(computed)) {
		st->status = AUDIT_IMPRECISE;
		st->message = xasprintf("the left side is %s; %s is %.1f%% off", want, got,
					100 * diff / fabs(computed));
	} else {
		st->status = AUDIT_WRONG;
		st->message = xasprintf("the left side is %s, not %s", want, got);
	}
	free(want);
	free(got);
}

void
audit_text(const char *text, size_t len, struct audit_report *out)
{
	size_t cap = 0, lineno = 0, i = 0;

	out->steps = NULL;
	out->n = 0;
	while (i < len) {
		size_t start = i, end;
		struct audit_step *st;
		bool blank = true;

		while (i < len && text[i] != '\n')
			i++;
		end = i;
		if (i < len)
			i++;
		lineno++;
		if (end > start && text[end - 1] == '\r')
			end--;
		for (size_t j = start; j < end; j++)
			if (!isspace((unsigned char)text[j]))
				blank = false;
		if (blank)
			continue;
		if (out->n == cap) {
			cap = cap ? 2 * cap : 16;
			out->steps = xrealloc(out->steps, cap * sizeof(*out->steps));
		}
		st = &out->steps[out->n++];
		memset(st, 0, sizeof(*st));
		st->line = lineno;
		st->text = xstrndup(text + start, end - start);
		/* An embedded NUL ends the line's text; the rest is ignored. */
		audit_line(st);
	}
}

void
audit_report_free(struct audit_report *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->n; i++) {
		free(r->steps[i].text);
		free(r->steps[i].message);
	}
	free(r->steps);
	r->steps = NULL;
	r->n = 0;
}

const char *
audit_status_name(enum audit_status s)
{
	switch (s) {
	case AUDIT_CONTEXT:
		return "context";
	case AUDIT_OK:
		return "ok";
	case AUDIT_IMPRECISE:
		return "imprecise";
	case AUDIT_WRONG:
		return "wrong";
	case AUDIT_UNREADABLE:
		return "unreadable";
	}
	return "?";
}

enum audit_status
audit_report_worst(const struct audit_report *r)
{
	static const int rank[] = {
	    [AUDIT_CONTEXT] = 0,    [AUDIT_OK] = 1,    [AUDIT_IMPRECISE] = 2,
	    [AUDIT_UNREADABLE] = 3, [AUDIT_WRONG] = 4,
	};
	enum audit_status worst = AUDIT_CONTEXT;

	for (size_t i = 0; i < r->n; i++)
		if (rank[r->steps[i].status] > rank[worst])
			worst = r->steps[i].status;
	return worst;
}

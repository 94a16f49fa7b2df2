/* record: see record.h. The syntax is described in docs/deck-format.md. */
#include "record.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
record_reset(struct record *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->f[i].name);
		sbuf_free(&r->f[i].value);
	}
	r->n = 0;
	r->first_line = 0;
}

static void
record_free(struct record *r)
{
	record_reset(r);
	free(r->f);
	r->f = NULL;
	r->cap = 0;
}

static struct record_field *
record_add(struct record *r, const char *name, size_t namelen, int line, int col)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->f = xrealloc(r->f, r->cap * sizeof(*r->f));
	}
	struct record_field *f = &r->f[r->n++];
	memset(f, 0, sizeof(*f));
	f->name = xstrndup(name, namelen);
	f->line = line;
	f->col = col;
	return f;
}

struct record_field *
record_get(struct record *r, const char *name)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->f[i].name, name) == 0)
			return &r->f[i];
	return NULL;
}

struct record_field *
record_nth(struct record *r, const char *name, size_t index)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->f[i].name, name) == 0 && index-- == 0)
			return &r->f[i];
	return NULL;
}

size_t
record_count(const struct record *r, const char *name)
{
	size_t n = 0;

	for (size_t i = 0; i < r->n; i++)
		n += strcmp(r->f[i].name, name) == 0;
	return n;
}

const char *
record_field_text(const struct record_field *f)
{
	return f->value.buf ? f->value.buf : "";
}

const char *
record_value(struct record *r, const char *name)
{
	struct record_field *f = record_get(r, name);

	if (f == NULL)
		return NULL;
	f->used = true;
	return record_field_text(f);
}

static bool
record_is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isspace((unsigned char)s[i]))
			return false;
	return true;
}

/* Length of the valid UTF-8 prefix of s[0..n). */
static size_t
record_utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t k;
		uint32_t cp;

		if (c < 0x80) {
			if (c == 0)
				return i;
			i++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			k = 1;
			cp = c & 0x1f;
		} else if ((c & 0xf0) == 0xe0) {
			k = 2;
			cp = c & 0x0f;
		} else if ((c & 0xf8) == 0xf0) {
			k = 3;
			cp = c & 0x07;
		} else {
			return i;
		}
		for (size_t j = 1; j <= k; j++) {
			if (i + j >= n || (s[i + j] & 0xc0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + j] & 0x3f);
		}
		if ((k == 1 && cp < 0x80) || (k == 2 && cp < 0x800) ||
		    (k == 3 && cp < 0x10000) || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += k + 1;
	}
	return i;
}

size_t
record_split(const char *path, const char *what, int first_line, const char *buf, size_t len,
	     struct diag_list *dl, record_fn fn, void *ctx)
{
	struct record rec = {0};
	struct record_field *last = NULL;
	size_t errors = 0;
	int line = first_line;
	size_t pos = 0;

	while (pos < len) {
		const char *s = buf + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;
		size_t next = pos + n + (nl ? 1 : 0);
		size_t ok;

		if (n > 0 && s[n - 1] == '\r')
			n--;
		ok = record_utf8_valid((const unsigned char *)s, n);
		if (ok < n) {
			if (s[ok] == '\0')
				diag_add(dl, DIAG_ERROR, path, line, (int)ok + 1, "NUL byte in %s",
					 what);
			else
				diag_add(dl, DIAG_ERROR, path, line, (int)ok + 1, "invalid UTF-8");
			errors++;
			n = ok;
		}
		if (record_is_blank(s, n)) {
			if (rec.n > 0)
				fn(ctx, &rec);
			record_reset(&rec);
			last = NULL;
		} else if (s[0] == '#') {
			/* a comment: part of the record's span, not its content */
		} else if (s[0] == ' ' || s[0] == '\t') {
			size_t i = 0;
			while (i < n && (s[i] == ' ' || s[i] == '\t'))
				i++;
			if (last == NULL) {
				diag_add(dl, DIAG_ERROR, path, line, (int)i + 1,
					 "continuation line with no field before it");
				errors++;
			} else if (s[i] == '|') {
				i++;
				if (i < n && s[i] == ' ')
					i++;
				sbuf_addc(&last->value, '\n');
				sbuf_add(&last->value, s + i, n - i);
			} else {
				size_t e = n;
				while (e > i && isspace((unsigned char)s[e - 1]))
					e--;
				if (last->value.len > 0)
					sbuf_addc(&last->value, ' ');
				sbuf_add(&last->value, s + i, e - i);
			}
		} else {
			size_t i = 0;
			while (i < n && (islower((unsigned char)s[i]) ||
					 isdigit((unsigned char)s[i]) ||
					 s[i] == '_' || s[i] == '-'))
				i++;
			if (i == 0 || i >= n || s[i] != ':') {
				diag_add(dl, DIAG_ERROR, path, line,
					 (int)(i < n ? i : 0) + 1,
					 "expected 'field: value' (field names are lower case)");
				errors++;
				last = NULL;
			} else {
				size_t v = i + 1, e = n;
				while (v < n && isspace((unsigned char)s[v]))
					v++;
				while (e > v && isspace((unsigned char)s[e - 1]))
					e--;
				if (rec.n == 0) {
					rec.first_line = line;
					rec.start = pos;
				}
				last = record_add(&rec, s, i, line, (int)v + 1);
				sbuf_add(&last->value, s + v, e - v);
			}
		}
		if (rec.n > 0)
			rec.end = pos + n;
		pos = next;
		line++;
	}
	if (rec.n > 0)
		fn(ctx, &rec);
	record_free(&rec);
	return errors;
}

/* record_values: the first record's fields, looked up by name. */
struct record_valuesctx {
	const char *const *names;
	size_t n;
	char **out;
	size_t records;
};

static void
record_on_values(void *ctx, struct record *r)
{
	struct record_valuesctx *v = ctx;

	if (v->records++ > 0)
		return;
	for (size_t i = 0; i < v->n; i++) {
		struct record_field *f = record_get(r, v->names[i]);
		v->out[i] = f ? xstrdup(record_field_text(f)) : NULL;
	}
}

void
record_values(const char *buf, size_t len, const char *const *names, size_t n, char **out)
{
	struct diag_list dl = {0};
	struct record_valuesctx v = {names, n, out, 0};

	for (size_t i = 0; i < n; i++)
		out[i] = NULL;
	record_split("", "text", 1, buf, len, &dl, record_on_values, &v);
	diag_list_free(&dl);
}

bool
record_id_valid(const char *id)
{
	size_t n = strlen(id);

	if (n == 0 || n > RECORD_ID_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)id[i]) && id[i] != '-' &&
		    id[i] != '_' && id[i] != '.')
			return false;
	return true;
}

/* FNV-1a over every field's name and value, each followed by 0xff. */
void
record_hash(const struct record *r, char out[17])
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < r->n; i++) {
		const char *parts[2] = {r->f[i].name, record_field_text(&r->f[i])};
		for (size_t j = 0; j < 2; j++) {
			for (const char *p = parts[j]; *p; p++) {
				h ^= (unsigned char)*p;
				h *= 0x100000001b3ULL;
			}
			h ^= 0xff;
			h *= 0x100000001b3ULL;
		}
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* anki: see anki.h. */
#include "anki.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- freeing ---- */

void
anki_col_free(struct anki_col *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->ntypes; i++) {
		struct anki_notetype *t = &c->types[i];
		free(t->name);
		strv_free(&t->fields);
		for (size_t j = 0; j < t->ntmpls; j++) {
			free(t->tmpls[j].name);
			free(t->tmpls[j].qfmt);
			free(t->tmpls[j].afmt);
		}
		free(t->tmpls);
	}
	free(c->types);
	for (size_t i = 0; i < c->ndecks; i++)
		free(c->decks[i].name);
	free(c->decks);
	for (size_t i = 0; i < c->nnotes; i++) {
		free(c->notes[i].key);
		free(c->notes[i].flds);
		free(c->notes[i].tags);
	}
	free(c->notes);
	free(c->cards);
	free(c->revs);
	memset(c, 0, sizeof(*c));
}

void
anki_map_free(struct anki_map *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->n; i++) {
		free(m->v[i].id);
		free(m->v[i].deck_key);
		free(m->v[i].deck_name);
		free(m->v[i].prompt);
		free(m->v[i].answer);
		free(m->v[i].accept);
		free(m->v[i].tags);
	}
	free(m->v);
	strv_free(&m->problems);
	strv_free(&m->media);
	memset(m, 0, sizeof(*m));
}

/* ---- HTML to text ---- */

static void
anki_media_add(struct strv *media, const char *name, size_t n)
{
	char *s;

	if (media == NULL || n == 0)
		return;
	s = xstrndup(name, n);
	for (size_t i = 0; i < media->n; i++)
		if (strcmp(media->v[i], s) == 0) {
			free(s);
			return;
		}
	strv_push(media, s);
	free(s);
}

/* Appends the UTF-8 encoding of cp. */
static void
anki_utf8(struct sbuf *b, unsigned long cp)
{
	if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	if (cp < 0x80) {
		sbuf_addc(b, (char)cp);
	} else if (cp < 0x800) {
		sbuf_addc(b, (char)(0xc0 | (cp >> 6)));
		sbuf_addc(b, (char)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		sbuf_addc(b, (char)(0xe0 | (cp >> 12)));
		sbuf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3f)));
		sbuf_addc(b, (char)(0x80 | (cp & 0x3f)));
	} else {
		sbuf_addc(b, (char)(0xf0 | (cp >> 18)));
		sbuf_addc(b, (char)(0x80 | ((cp >> 12) & 0x3f)));
		sbuf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3f)));
		sbuf_addc(b, (char)(0x80 | (cp & 0x3f)));
	}
}

/* An entity at p ('&'); appends its text and returns its length, or 0. */
static size_t
anki_entity(const char *p, struct sbuf *b)
{
	static const struct {
		const char *name;
		unsigned long cp;
	} names[] = {
		{"nbsp", ' '}, {"amp", '&'},	 {"lt", '<'},	   {"gt", '>'},	     {"quot", '"'},
		{"apos", '\''}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026},
		{"rsquo", 0x2019}, {"lsquo", 0x2018}, {"rdquo", 0x201d}, {"ldquo", 0x201c},
	};
	const char *semi = strchr(p, ';');
	size_t n;

	if (semi == NULL || semi - p > 10 || semi - p < 2)
		return 0;
	n = (size_t)(semi - p) + 1;
	if (p[1] == '#') {
		char *end;
		unsigned long cp = (p[2] == 'x' || p[2] == 'X') ? strtoul(p + 3, &end, 16)
								: strtoul(p + 2, &end, 10);
		if (end != semi)
			return 0;
		anki_utf8(b, cp);
		return n;
	}
	for (size_t i = 0; i < ARRAY_LEN(names); i++)
		if (strlen(names[i].name) == n - 2 && strncmp(p + 1, names[i].name, n - 2) == 0) {
			anki_utf8(b, names[i].cp);
			return n;
		}
	return 0;
}

/* The value of attribute attr in the tag text [p, end), or NULL. */
static char *
anki_attr(const char *p, const char *end, const char *attr)
{
	size_t an = strlen(attr);

	for (const char *q = p; q + an < end; q++) {
		if (strncasecmp(q, attr, an) != 0 || !(q == p || isspace((unsigned char)q[-1])))
			continue;
		const char *v = q + an;
		while (v < end && isspace((unsigned char)*v))
			v++;
		if (v >= end || *v != '=')
			continue;
		v++;
		while (v < end && isspace((unsigned char)*v))
			v++;
		char quote = (*v == '"' || *v == '\'') ? *v++ : 0;
		const char *e = v;
		while (e < end && (quote ? *e != quote : !isspace((unsigned char)*e)))
			e++;
		return xstrndup(v, (size_t)(e - v));
	}
	return NULL;
}

char *
anki_html_text(const char *html, struct strv *media)
{
	struct sbuf raw = {0}, out = {0};
	const char *p = html;

	while (*p) {
		if (*p == '<') {
			const char *end = strchr(p, '>');
			if (end == NULL) {
				sbuf_addc(&raw, *p++);
				continue;
			}
			const char *n = p + 1;
			bool closing = *n == '/';
			if (closing)
				n++;
			char name[16];
			size_t k = 0;
			while (k + 1 < sizeof(name) && isalnum((unsigned char)n[k])) {
				name[k] = (char)tolower((unsigned char)n[k]);
				k++;
			}
			name[k] = '\0';
			if (strcmp(name, "br") == 0 || strcmp(name, "div") == 0 ||
			    strcmp(name, "p") == 0 || strcmp(name, "tr") == 0 ||
			    strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0 ||
			    (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2]) ||
			    strcmp(name, "hr") == 0) {
				sbuf_addc(&raw, '\n');
			} else if (strcmp(name, "li") == 0) {
				sbuf_adds(&raw, closing ? "\n" : "\n- ");
			} else if (strcmp(name, "td") == 0 && closing) {
				sbuf_addc(&raw, ' ');
			} else if (strcmp(name, "img") == 0 && !closing) {
				char *src = anki_attr(p, end, "src");
				if (src != NULL)
					anki_media_add(media, src, strlen(src));
				free(src);
			} else if ((strcmp(name, "script") == 0 || strcmp(name, "style") == 0) &&
				   !closing) {
				const char *close = strstr(end, strcmp(name, "script") == 0
								? "</script" : "</style");
				if (close == NULL)
					break;
				end = strchr(close, '>');
				if (end == NULL)
					break;
			}
			p = end + 1;
		} else if (*p == '&') {
			size_t n = anki_entity(p, &raw);
			if (n == 0)
				sbuf_addc(&raw, *p++);
			else
				p += n;
		} else if (strncmp(p, "[sound:", 7) == 0 && strchr(p, ']') != NULL) {
			const char *end = strchr(p, ']');
			anki_media_add(media, p + 7, (size_t)(end - p - 7));
			p = end + 1;
		} else {
			sbuf_addc(&raw, *p++);
		}
	}
	/* Lines trimmed, runs of blank lines and of spaces collapsed. */
	const char *s = raw.buf ? raw.buf : "";
	bool pending_nl = false;
	while (*s) {
		const char *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		const char *a = s, *z = s + n;
		while (a < z && (isspace((unsigned char)*a)))
			a++;
		while (z > a && isspace((unsigned char)z[-1]))
			z--;
		if (z > a) {
			if (pending_nl && out.len > 0)
				sbuf_addc(&out, '\n');
			bool space = false;
			for (const char *q = a; q < z; q++) {
				if (*q == ' ' || *q == '\t' || *q == '\r') {
					space = true;
					continue;
				}
				if (space)
					sbuf_addc(&out, ' ');
				space = false;
				sbuf_addc(&out, *q);
			}
			pending_nl = false;
		}
		pending_nl = pending_nl || e != NULL;
		s = e ? e + 1 : z;
	}
	sbuf_free(&raw);
	if (out.buf == NULL)
		return xstrdup("");
	return sbuf_take(&out);
}

char *
anki_literal_pattern(const char *text)
{
	struct sbuf b = {0};
	bool space = false;

	sbuf_adds(&b, "^\\s*");
	for (const char *p = text; *p; p++) {
		if (isspace((unsigned char)*p)) {
			space = true;
			continue;
		}
		if (space)
			sbuf_adds(&b, "\\s+");
		space = false;
		if (strchr("\\^$.|?*+()[]{}#/-", *p) != NULL)
			sbuf_addc(&b, '\\');
		sbuf_addc(&b, *p);
	}
	sbuf_adds(&b, "\\s*$");
	return sbuf_take(&b);
}

/* ---- deck keys ---- */

char *
anki_deck_key(const char *name)
{
	struct sbuf b = {0};
	bool dash = false;

	sbuf_adds(&b, "anki");
	for (const char *p = name; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (isalnum(c) && c < 0x80) {
			if (dash || b.len == 4)
				sbuf_addc(&b, '-');
			dash = false;
			sbuf_addc(&b, (char)tolower(c));
		} else {
			dash = true;
		}
	}
	if (b.len == 4) {
		/* No letter or digit to spell it with (a name in another
		 * script): a hash of the name keeps such decks apart. */
		uint32_t h = 2166136261u;
		for (const char *p = name; *p; p++) {
			h ^= (unsigned char)*p;
			h *= 16777619u;
		}
		sbuf_printf(&b, "-deck-%08x", h);
	}
	if (b.len > 60) {
		b.len = 60;
		b.buf[60] = '\0';
		while (b.len > 5 && b.buf[b.len - 1] == '-')
			b.buf[--b.len] = '\0';
	}
	return sbuf_take(&b);
}

/* ---- templates ---- */

/* The index+1 of field name in t, 0 when none. */
static size_t
anki_field_index(const struct anki_notetype *t, const char *name, size_t n)
{
	for (size_t i = 0; i < t->fields.n; i++)
		if (strlen(t->fields.v[i]) == n && strncmp(t->fields.v[i], name, n) == 0)
			return i + 1;
	return 0;
}

/* Field i (0-based) of a 0x1f-separated list, as a new string. */
static char *
anki_field(const char *flds, size_t i)
{
	const char *p = flds;

	for (size_t k = 0; k < i && p != NULL; k++) {
		p = strchr(p, '\x1f');
		if (p != NULL)
			p++;
	}
	if (p == NULL)
		return xstrdup("");
	const char *e = strchr(p, '\x1f');
	return e ? xstrndup(p, (size_t)(e - p)) : xstrdup(p);
}

struct anki_render {
	const struct anki_notetype *t;
	const struct anki_note *note;
	const char *deck;
	int cloze;        /* the cloze number shown (1-based), 0: none */
	bool front;       /* rendering the front (clozes hidden) */
	char *typed;      /* the field of {{type:F}}, when seen */
	struct sbuf deletions; /* the cloze texts asked, "a, b" */
};

/* A field's text by name (special names too); caller frees. */
static char *
anki_render_field(struct anki_render *r, const char *name, size_t n)
{
	size_t i = anki_field_index(r->t, name, n);

	if (i > 0)
		return anki_field(r->note->flds, i - 1);
	if (n == 4 && strncmp(name, "Tags", 4) == 0)
		return xstrdup(r->note->tags ? r->note->tags : "");
	if (n == 4 && strncmp(name, "Deck", 4) == 0)
		return xstrdup(r->deck ? r->deck : "");
	return xstrdup("");
}

/* Is the field empty once its HTML is gone? */
static bool
anki_blank(const char *html)
{
	char *t = anki_html_text(html, NULL);
	bool blank = t[0] == '\0';
	free(t);
	return blank && strstr(html, "<img") == NULL;
}

/* Appends text with its clozes rendered for r->cloze. */
static void
anki_render_cloze(struct anki_render *r, const char *text, struct sbuf *b)
{
	const char *p = text;

	while (*p) {
		if (p[0] == '{' && p[1] == '{' && p[2] == 'c' && isdigit((unsigned char)p[3])) {
			char *end;
			long num = strtol(p + 3, &end, 10);
			if (end[0] == ':' && end[1] == ':') {
				/* Find the closing braces, counting nested ones. */
				const char *body = end + 2, *q = body;
				int depth = 1;
				while (*q && depth > 0) {
					if (q[0] == '{' && q[1] == '{') {
						depth++;
						q += 2;
					} else if (q[0] == '}' && q[1] == '}') {
						depth--;
						q += depth == 0 ? 0 : 2;
					} else {
						q++;
					}
				}
				if (depth == 0) {
					char *inner = xstrndup(body, (size_t)(q - body));
					char *hint = NULL;
					/* a "::hint" at depth 0 of the body */
					for (char *h = inner; *h; h++)
						if (h[0] == ':' && h[1] == ':') {
							*h = '\0';
							hint = h + 2;
							break;
						}
					if (num == r->cloze) {
						struct sbuf ib = {0};
						anki_render_cloze(r, inner, &ib);
						if (r->deletions.len > 0)
							sbuf_adds(&r->deletions, ", ");
						char *plain = anki_html_text(ib.buf ? ib.buf : "", NULL);
						sbuf_adds(&r->deletions, plain);
						free(plain);
						if (r->front)
							sbuf_printf(b, "[%s]", hint && *hint ? hint : "...");
						else
							sbuf_adds(b, ib.buf ? ib.buf : "");
						sbuf_free(&ib);
					} else {
						anki_render_cloze(r, inner, b);
					}
					free(inner);
					p = q + 2;
					continue;
				}
			}
		}
		sbuf_addc(b, *p++);
	}
}

/* Renders template text [p, end) into b. */
static void
anki_render(struct anki_render *r, const char *p, const char *end, struct sbuf *b)
{
	while (p < end) {
		const char *open = strstr(p, "{{");
		if (open == NULL || open >= end) {
			sbuf_add(b, p, (size_t)(end - p));
			return;
		}
		sbuf_add(b, p, (size_t)(open - p));
		const char *close = strstr(open + 2, "}}");
		if (close == NULL || close > end) {
			sbuf_add(b, open, (size_t)(end - open));
			return;
		}
		const char *tag = open + 2;
		size_t tn = (size_t)(close - tag);
		while (tn > 0 && isspace((unsigned char)*tag)) {
			tag++;
			tn--;
		}
		while (tn > 0 && isspace((unsigned char)tag[tn - 1]))
			tn--;
		p = close + 2;
		if (tn > 0 && (tag[0] == '#' || tag[0] == '^')) {
			/* A section up to its {{/name}}. */
			char *closer = xasprintf("{{/%.*s}}", (int)(tn - 1), tag + 1);
			const char *sect_end = strstr(p, closer);
			size_t cl = strlen(closer);
			free(closer);
			if (sect_end == NULL || sect_end > end)
				continue;
			char *v = anki_render_field(r, tag + 1, tn - 1);
			bool blank = anki_blank(v);
			free(v);
			if ((tag[0] == '#') != blank)
				anki_render(r, p, sect_end, b);
			p = sect_end + cl;
			continue;
		}
		if (tn > 0 && tag[0] == '/')
			continue;
		if (tn == 9 && strncmp(tag, "FrontSide", 9) == 0)
			continue; /* the back is rendered without it */
		/* filters: the field is after the last ':' */
		const char *name = tag;
		for (size_t i = 0; i < tn; i++)
			if (tag[i] == ':')
				name = tag + i + 1;
		size_t nn = tn - (size_t)(name - tag);
		bool typed = tn > 5 && strncmp(tag, "type:", 5) == 0;
		bool cloze = tn > 6 && (strncmp(tag, "cloze:", 6) == 0 ||
					strstr(tag, "cloze:") != NULL) && !typed;
		char *v = anki_render_field(r, name, nn);
		if (typed) {
			free(r->typed);
			r->typed = v;
			continue;
		}
		if (cloze)
			anki_render_cloze(r, v, b);
		else
			sbuf_adds(b, v);
		free(v);
	}
}

/* The text after Anki's answer separator, or all of s. */
static const char *
anki_after_hr(const char *s)
{
	const char *hr = strstr(s, "<hr id=answer>");
	size_t n = 14;

	if (hr == NULL) {
		hr = strstr(s, "<hr id=\"answer\">");
		n = 16;
	}
	return hr ? hr + n : s;
}

/* The cloze numbers used in text, as a bit set of 1..500 (in a byte array). */
static void
anki_cloze_numbers(const char *text, unsigned char *set, size_t max)
{
	for (const char *p = strstr(text, "{{c"); p != NULL; p = strstr(p + 3, "{{c")) {
		char *end;
		long n = strtol(p + 3, &end, 10);
		if (end != p + 3 && end[0] == ':' && end[1] == ':' && n >= 1 && (size_t)n <= max)
			set[n - 1] = 1;
	}
}

static const struct anki_notetype *
anki_type_of(const struct anki_col *col, int64_t mid)
{
	for (size_t i = 0; i < col->ntypes; i++)
		if (col->types[i].id == mid)
			return &col->types[i];
	return NULL;
}

static const char *
anki_deck_name(const struct anki_col *col, int64_t did)
{
	for (size_t i = 0; i < col->ndecks; i++)
		if (col->decks[i].id == did)
			return col->decks[i].name;
	return NULL;
}

/* Tags "a b" as "a, b" (commas inside a tag become '-'). */
static char *
anki_tags(const char *tags)
{
	struct sbuf b = {0};
	const char *p = tags ? tags : "";

	while (*p) {
		while (isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		if (b.len > 0)
			sbuf_adds(&b, ", ");
		while (*p && !isspace((unsigned char)*p)) {
			sbuf_addc(&b, *p == ',' ? '-' : *p);
			p++;
		}
	}
	return b.buf ? sbuf_take(&b) : xstrdup("");
}

/*
 * One card of note (type t, template or cloze ordinal ord) into m; a
 * problem when it cannot be made. Returns true when a card was added.
 */
static bool
anki_map_one(const struct anki_col *col, size_t ni, const struct anki_notetype *t, int ord,
	     const char *deck, size_t ci, struct anki_map *m, char **why)
{
	const struct anki_note *note = &col->notes[ni];
	const struct anki_template *tm = NULL;
	struct anki_render r;
	struct sbuf q = {0}, a = {0};
	bool ok = false;

	memset(&r, 0, sizeof(r));
	r.t = t;
	r.note = note;
	r.deck = deck;
	for (size_t i = 0; i < t->ntmpls; i++)
		if (t->cloze ? i == 0 : t->tmpls[i].ord == ord)
			tm = &t->tmpls[i];
	if (tm == NULL) {
		free(*why);
		*why = xasprintf("note type \"%s\" has no card template %d", t->name, ord + 1);
		return false;
	}
	r.cloze = t->cloze ? ord + 1 : 0;
	r.front = true;
	anki_render(&r, tm->qfmt, tm->qfmt + strlen(tm->qfmt), &q);
	char *prompt = anki_html_text(q.buf ? q.buf : "", &m->media);
	char *asked = r.cloze ? sbuf_take(&r.deletions) : NULL;
	sbuf_reset(&r.deletions);
	r.front = false;
	anki_render(&r, tm->afmt, tm->afmt + strlen(tm->afmt), &a);
	char *back = anki_html_text(anki_after_hr(a.buf ? a.buf : ""), &m->media);
	char *answer = NULL, *accept = NULL;
	const char *type = "recall";

	if (r.typed != NULL) {
		answer = anki_html_text(r.typed, &m->media);
		type = "text";
		if (answer[0] != '\0')
			accept = anki_literal_pattern(answer);
	} else if (t->cloze) {
		answer = asked ? asked : xstrdup("");
		asked = NULL;
	} else {
		answer = back;
		back = NULL;
	}
	if (prompt[0] == '\0' || answer[0] == '\0') {
		/* One reason per note: a later card's replaces an earlier one's. */
		free(*why);
		*why = xstrdup(prompt[0] == '\0' ? "its front is empty once reduced to text"
				: t->cloze	   ? "it has no cloze for this card"
						   : "its back is empty once reduced to text");
	} else {
		ok = true;
	}
	if (ok) {
		if (m->n % 64 == 0)
			m->v = xrealloc(m->v, (m->n + 64) * sizeof(*m->v));
		struct anki_out *o = &m->v[m->n++];
		memset(o, 0, sizeof(*o));
		/* A guid that is already one of these ids (drill export of
		 * imported cards) is kept as it is, so that a round trip through
		 * drill export --format anki-txt does not grow the id. */
		o->id = ci == SIZE_MAX && ord == 0 && strncmp(note->key, "anki-", 5) == 0
				? xstrdup(note->key)
				: xasprintf("anki-%s-%d", note->key, ord);
		o->deck_name = xstrdup(deck);
		o->deck_key = anki_deck_key(deck);
		o->type = type;
		o->prompt = prompt;
		o->answer = answer;
		o->accept = accept;
		o->tags = anki_tags(note->tags);
		o->card = ci;
		o->note = ni;
		prompt = answer = accept = NULL;
	}
	free(prompt);
	free(answer);
	free(accept);
	free(back);
	free(asked);
	free(r.typed);
	sbuf_free(&r.deletions);
	sbuf_free(&q);
	sbuf_free(&a);
	return ok;
}

/* The note with id nid (notes sorted by id), or SIZE_MAX. */
static size_t
anki_find_note(const struct anki_col *col, int64_t nid)
{
	size_t lo = 0, hi = col->nnotes;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (col->notes[mid].id < nid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < col->nnotes && col->notes[lo].id == nid ? lo : SIZE_MAX;
}

static void
anki_problem(struct anki_map *m, const struct anki_note *n, const struct anki_notetype *t,
	     const char *why)
{
	char *line = xasprintf("note %s (%s): %s", n->key, t ? t->name : "unknown note type",
			       why);
	for (size_t i = 0; i < m->problems.n; i++)
		if (strcmp(m->problems.v[i], line) == 0) {
			free(line);
			return;
		}
	strv_push(&m->problems, line);
	free(line);
}

void
anki_map_col(const struct anki_col *col, struct anki_map *m)
{
	unsigned char *mapped = xcalloc(col->nnotes ? col->nnotes : 1, 1);

	memset(m, 0, sizeof(*m));
	if (col->ncards == 0) {
		/* A text import: each note yields its cards. */
		for (size_t ni = 0; ni < col->nnotes; ni++) {
			const struct anki_note *n = &col->notes[ni];
			const struct anki_notetype *t = anki_type_of(col, n->mid);
			const char *deck = anki_deck_name(col, n->did);
			if (deck == NULL)
				deck = "Default";
			char *why = NULL;
			if (t != NULL && t->cloze) {
				unsigned char set[500] = {0};
				char *first = anki_field(n->flds, 0);
				anki_cloze_numbers(first, set, sizeof(set));
				free(first);
				for (int k = 0; k < 500; k++)
					if (set[k] && anki_map_one(col, ni, t, k, deck, SIZE_MAX, m, &why))
						mapped[ni] = 1;
				if (!mapped[ni] && why == NULL)
					why = xstrdup("it has no cloze deletion");
			} else if (t != NULL && anki_map_one(col, ni, t, 0, deck, SIZE_MAX, m, &why)) {
				mapped[ni] = 1;
			}
			if (!mapped[ni])
				anki_problem(m, n, t, why ? why : "its note type is unknown");
			free(why);
		}
	} else {
		for (size_t ci = 0; ci < col->ncards; ci++) {
			const struct anki_card *c = &col->cards[ci];
			size_t ni = anki_find_note(col, c->nid);
			if (ni == SIZE_MAX)
				continue; /* a card without its note: nothing to show */
			const struct anki_note *n = &col->notes[ni];
			const struct anki_notetype *t = anki_type_of(col, n->mid);
			const char *deck = anki_deck_name(col, c->odid ? c->odid : c->did);
			char *why = NULL;
			if (t == NULL)
				why = xstrdup("its note type is missing from the collection");
			else if (deck == NULL)
				why = xstrdup("its deck is missing from the collection");
			else if (anki_map_one(col, ni, t, c->ord, deck, ci, m, &why))
				mapped[ni] = 1;
			if (why != NULL)
				anki_problem(m, n, t, why);
			free(why);
		}
	}
	for (size_t i = 0; i < col->nnotes; i++)
		m->notes += mapped[i];
	free(mapped);
}

/* ---- the deck file ---- */

/* "field: value", with line breaks as "  | " continuations. */
static void
anki_deck_field(struct sbuf *b, const char *field, const char *value)
{
	sbuf_printf(b, "%s: ", field);
	for (const char *p = value; *p; p++) {
		if (*p == '\n')
			sbuf_adds(b, "\n  | ");
		else if (*p != '\r')
			sbuf_addc(b, *p);
	}
	sbuf_addc(b, '\n');
}

char *
anki_deck_text(const struct anki_map *m, const char *key, const char *source)
{
	struct sbuf b = {0};
	const char *name = NULL;

	for (size_t i = 0; i < m->n && name == NULL; i++)
		if (strcmp(m->v[i].deck_key, key) == 0)
			name = m->v[i].deck_name;
	sbuf_printf(&b, "# Written by drill import from %s; importing it again rewrites this "
		       "file.\n", source);
	anki_deck_field(&b, "deck", name ? name : key);
	char *desc = xasprintf("Imported from Anki (%s).", source);
	anki_deck_field(&b, "description", desc);
	free(desc);
	sbuf_adds(&b, "tags: anki\n");
	for (size_t i = 0; i < m->n; i++) {
		const struct anki_out *o = &m->v[i];
		if (strcmp(o->deck_key, key) != 0)
			continue;
		sbuf_addc(&b, '\n');
		anki_deck_field(&b, "id", o->id);
		anki_deck_field(&b, "type", o->type);
		anki_deck_field(&b, "prompt", o->prompt);
		anki_deck_field(&b, "answer", o->answer);
		if (o->accept != NULL)
			anki_deck_field(&b, "accept", o->accept);
		if (o->tags[0] != '\0')
			anki_deck_field(&b, "tags", o->tags);
	}
	return sbuf_take(&b);
}

/* ---- review log ---- */

bool
anki_rev_keep(const struct anki_rev *revs, size_t n, bool *keep)
{
	size_t start = 0;

	/* A reset to new: a manual entry (or a rescheduling) with interval 0
	 * and no grade. What came before no longer describes the card. */
	for (size_t i = 0; i < n; i++)
		if (revs[i].ease == 0 && (revs[i].type == 4 || revs[i].type == 5) &&
		    revs[i].ivl == 0)
			start = i + 1;
	bool first = true, complete = false;
	for (size_t i = 0; i < n; i++) {
		keep[i] = i >= start && revs[i].ease >= 1 && revs[i].ease <= 4;
		if (keep[i] && first) {
			complete = revs[i].type == 0;
			first = false;
		}
	}
	return complete;
}

void
anki_memory_from_sm2(const struct fsrs_params *p, int interval_days, int factor,
		     double *stability, double *difficulty)
{
	const double *w = p->w;
	double decay = -w[20];
	double f = pow(0.9, 1.0 / decay) - 1.0;
	double r = 0.9;
	double ivl = interval_days > 0 ? interval_days : 1;
	double ease = factor > 0 ? factor / 1000.0 : 2.5;

	/* R(t, S) = (1 + f t / S)^decay = r at t = interval. */
	double s = f * ivl / (pow(r, 1.0 / decay) - 1.0);
	if (s < 0.001)
		s = 0.001;
	/* A Good review at retention r multiplies S by
	 * 1 + e^w8 (11 - D) S^-w9 (e^(w10 (1 - r)) - 1); set that to the ease. */
	double g = exp(w[8]) * pow(s, -w[9]) * (exp(w[10] * (1.0 - r)) - 1.0);
	double d = g > 0 ? 11.0 - (ease - 1.0) / g : 10.0;
	if (!(d >= 1.0))
		d = 1.0;
	if (d > 10.0)
		d = 10.0;
	*stability = s;
	*difficulty = d;
}

/* ---- Anki's text export ---- */

/* The built-in note types a text import knows: Basic, typed, Cloze. */
static void
anki_text_types(struct anki_col *col)
{
	static const struct {
		const char *name;
		bool cloze;
		const char *f1, *f2, *q, *a;
	} stock[] = {
		{"Basic", false, "Front", "Back", "{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"},
		{"Basic (type in the answer)", false, "Front", "Back", "{{Front}}\n{{type:Back}}",
		 "{{Front}}<hr id=answer>{{Back}}"},
		{"Cloze", true, "Text", "Back Extra", "{{cloze:Text}}",
		 "{{cloze:Text}}<br>{{Back Extra}}"},
	};
	col->types = xcalloc(3, sizeof(*col->types));
	col->ntypes = 3;
	for (size_t i = 0; i < 3; i++) {
		struct anki_notetype *t = &col->types[i];
		t->id = (int64_t)i + 1;
		t->name = xstrdup(stock[i].name);
		t->cloze = stock[i].cloze;
		strv_push(&t->fields, stock[i].f1);
		strv_push(&t->fields, stock[i].f2);
		t->tmpls = xcalloc(1, sizeof(*t->tmpls));
		t->ntmpls = 1;
		t->tmpls[0].name = xstrdup("Card 1");
		t->tmpls[0].qfmt = xstrdup(stock[i].q);
		t->tmpls[0].afmt = xstrdup(stock[i].a);
	}
}

/* Which stock type a note type name means: 1 Basic, 2 typed, 3 Cloze. */
static int64_t
anki_text_type_id(const char *name)
{
	char *low = xstrdup(name);
	int64_t id = 1;

	for (char *p = low; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (strstr(low, "cloze") != NULL)
		id = 3;
	else if (strstr(low, "type") != NULL)
		id = 2;
	free(low);
	return id;
}

/* Splits one record (from *pp) into fields by sep, honouring quotes;
 * advances *pp past the record's line break. */
static void
anki_text_record(const char **pp, const char *end, char sep, struct strv *out)
{
	const char *p = *pp;
	struct sbuf f = {0};

	for (;;) {
		sbuf_reset(&f);
		if (p < end && *p == '"') {
			p++;
			while (p < end) {
				if (*p == '"' && p + 1 < end && p[1] == '"') {
					sbuf_addc(&f, '"');
					p += 2;
				} else if (*p == '"') {
					p++;
					break;
				} else {
					sbuf_addc(&f, *p++);
				}
			}
			while (p < end && *p != sep && *p != '\n')
				p++;
		} else {
			while (p < end && *p != sep && *p != '\n')
				sbuf_addc(&f, *p++);
			if (f.len > 0 && f.buf[f.len - 1] == '\r')
				f.buf[--f.len] = '\0';
		}
		strv_push(out, f.buf ? f.buf : "");
		if (p < end && *p == sep) {
			p++;
			continue;
		}
		if (p < end && *p == '\n')
			p++;
		break;
	}
	sbuf_free(&f);
	*pp = p;
}

/* A guid usable in a card id as it is, else a hash of text. */
static char *
anki_text_key(const char *guid, const char *text)
{
	bool ok = guid != NULL && *guid && strlen(guid) <= 48;

	for (const char *p = guid; ok && *p; p++)
		ok = isalnum((unsigned char)*p) || *p == '-' || *p == '_' || *p == '.';
	if (ok)
		return xstrdup(guid);
	const char *s = guid && *guid ? guid : text;
	uint64_t h = 0xcbf29ce484222325ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return xasprintf("%016llx", (unsigned long long)h);
}

/* Escapes <, > and & so that a field read with html:false stays text. */
static char *
anki_text_escape(const char *s)
{
	struct sbuf b = {0};

	for (; *s; s++) {
		if (*s == '<')
			sbuf_adds(&b, "&lt;");
		else if (*s == '>')
			sbuf_adds(&b, "&gt;");
		else if (*s == '&')
			sbuf_adds(&b, "&amp;");
		else if (*s == '\n')
			sbuf_adds(&b, "<br>");
		else
			sbuf_addc(&b, *s);
	}
	return b.buf ? sbuf_take(&b) : xstrdup("");
}

int
anki_parse_text(const char *name, const char *buf, size_t len, struct anki_col *col,
		char *err, size_t errlen)
{
	const char *p = buf, *end = buf + len;
	char sep = 0;
	bool html = true;
	int guid_col = 0, type_col = 0, deck_col = 0, tags_col = 0;
	char *deck = NULL, *notetype = NULL, *tags = NULL;
	size_t cap = 0, line = 0;
	int rc = 0;

	(void)name; /* messages are about the file; the caller names it */
	memset(col, 0, sizeof(*col));
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	/* Headers. */
	while (p < end && *p == '#') {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		size_t n = e ? (size_t)(e - p) : (size_t)(end - p);
		char *h = xstrndup(p + 1, n > 0 ? n - 1 : 0);
		char *colon = strchr(h, ':');
		line++;
		size_t hn = strlen(h);
		if (hn > 0 && h[hn - 1] == '\r')
			h[hn - 1] = '\0';
		if (colon != NULL) {
			*colon = '\0';
			const char *v = colon + 1;
			if (strcmp(h, "separator") == 0) {
				if (strcasecmp(v, "tab") == 0)
					sep = '\t';
				else if (strcasecmp(v, "comma") == 0)
					sep = ',';
				else if (strcasecmp(v, "semicolon") == 0)
					sep = ';';
				else if (strcasecmp(v, "pipe") == 0)
					sep = '|';
				else if (strcasecmp(v, "space") == 0)
					sep = ' ';
				else if (strlen(v) == 1)
					sep = v[0];
			} else if (strcmp(h, "html") == 0) {
				html = strcasecmp(v, "false") != 0;
			} else if (strcmp(h, "deck") == 0) {
				free(deck);
				deck = xstrdup(v);
			} else if (strcmp(h, "notetype") == 0) {
				free(notetype);
				notetype = xstrdup(v);
			} else if (strcmp(h, "tags") == 0) {
				free(tags);
				tags = xstrdup(v);
			} else if (strcmp(h, "guid column") == 0) {
				guid_col = atoi(v);
			} else if (strcmp(h, "notetype column") == 0) {
				type_col = atoi(v);
			} else if (strcmp(h, "deck column") == 0) {
				deck_col = atoi(v);
			} else if (strcmp(h, "tags column") == 0) {
				tags_col = atoi(v);
			}
		}
		free(h);
		p = e ? e + 1 : end;
	}
	if (sep == 0) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		const char *le = e ? e : end;
		sep = memchr(p, '\t', (size_t)(le - p)) ? '\t'
		      : memchr(p, ';', (size_t)(le - p)) ? ';' : ',';
	}
	anki_text_types(col);
	col->decks = xcalloc(1, sizeof(*col->decks));
	col->ndecks = 1;
	col->decks[0].id = 1;
	col->decks[0].name = xstrdup(deck && *deck ? deck : "Default");
	while (p < end) {
		struct strv f = {0};
		line++;
		if (*p == '\n' || (*p == '\r' && p + 1 < end && p[1] == '\n')) {
			p += *p == '\n' ? 1 : 2;
			continue;
		}
		anki_text_record(&p, end, sep, &f);
		struct sbuf flds = {0};
		const char *guid = NULL, *ntname = notetype ? notetype : "Basic";
		struct sbuf ntags = {0};
		int nf = 0;
		if (tags)
			sbuf_adds(&ntags, tags);
		for (size_t i = 0; i < f.n; i++) {
			int c = (int)i + 1;
			if (c == guid_col) {
				guid = f.v[i];
			} else if (c == type_col) {
				ntname = f.v[i];
			} else if (c == deck_col) {
				if (strcmp(col->decks[0].name, f.v[i]) != 0 && f.v[i][0] != '\0') {
					/* one deck per file in this model: later decks
					 * are added as they come */
					bool known = false;
					for (size_t d = 0; d < col->ndecks; d++)
						known = known || strcmp(col->decks[d].name, f.v[i]) == 0;
					if (!known) {
						col->decks = xrealloc(col->decks, (col->ndecks + 1) *
										  sizeof(*col->decks));
						col->decks[col->ndecks].id = (int64_t)col->ndecks + 1;
						col->decks[col->ndecks].name = xstrdup(f.v[i]);
						col->ndecks++;
					}
				}
			} else if (c == tags_col) {
				if (ntags.len > 0)
					sbuf_addc(&ntags, ' ');
				sbuf_adds(&ntags, f.v[i]);
			} else {
				char *v = html ? xstrdup(f.v[i]) : anki_text_escape(f.v[i]);
				if (nf++ > 0)
					sbuf_addc(&flds, '\x1f');
				sbuf_adds(&flds, v);
				free(v);
			}
		}
		if (nf == 0) {
			sbuf_free(&flds);
			sbuf_free(&ntags);
			strv_free(&f);
			continue;
		}
		if (col->nnotes == cap) {
			cap = cap ? cap * 2 : 64;
			col->notes = xrealloc(col->notes, cap * sizeof(*col->notes));
		}
		struct anki_note *n = &col->notes[col->nnotes++];
		memset(n, 0, sizeof(*n));
		n->flds = flds.buf ? sbuf_take(&flds) : xstrdup("");
		char *first = anki_field(n->flds, 0);
		n->key = anki_text_key(guid, first);
		free(first);
		n->mid = anki_text_type_id(ntname);
		n->tags = ntags.buf ? sbuf_take(&ntags) : xstrdup("");
		n->did = 1;
		if (deck_col > 0 && (size_t)deck_col <= f.n)
			for (size_t d = 0; d < col->ndecks; d++)
				if (strcmp(col->decks[d].name, f.v[deck_col - 1]) == 0)
					n->did = col->decks[d].id;
		strv_free(&f);
	}
	if (col->nnotes == 0) {
		snprintf(err, errlen, "it holds no notes (is it Anki's text export?)");
		rc = -1;
	}
	free(deck);
	free(notetype);
	free(tags);
	return rc;
}

/* wrap: see wrap.h. */
#include "wrap.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "wrap_table.h"

#define WRAP_ESC 0x1b

static bool
wrap_in(const struct wrap_range *t, size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;

	if (n == 0 || cp < t[0].first || cp > t[n - 1].last)
		return false;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp > t[mid].last)
			lo = mid + 1;
		else if (cp < t[mid].first)
			hi = mid;
		else
			return true;
	}
	return false;
}

int
wrap_cp_width(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 0;
	if (cp < 0x300)
		return 1; /* Latin-1 and Latin Extended: no marks, no wide ones */
	if (wrap_in(wrap_zero, ARRAY_LEN(wrap_zero), cp))
		return 0;
	if (wrap_in(wrap_wide, ARRAY_LEN(wrap_wide), cp))
		return 2;
	return 1;
}

/*
 * Decodes one code point of strict UTF-8 (no overlong forms, surrogates or
 * values past U+10FFFF) from s[0..n), n > 0. Returns its length in bytes,
 * or 0 when s does not start with a valid sequence.
 */
static size_t
wrap_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0];
	unsigned char lo = 0x80, hi = 0xbf;
	size_t len;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		*cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		*cp = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0; /* overlong */
		else if (c == 0xed)
			hi = 0x9f; /* surrogates */
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		*cp = c & 0x07;
		if (c == 0xf0)
			lo = 0x90; /* overlong */
		else if (c == 0xf4)
			hi = 0x8f; /* past U+10FFFF */
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if (s[i] < lo || s[i] > hi)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3f);
		lo = 0x80;
		hi = 0xbf;
	}
	return len;
}

/*
 * Length of the escape sequence at s[0] == ESC within s[0..n): CSI
 * (ESC [ parameters intermediates final), OSC (ESC ] ... ended by BEL or
 * ESC \), or ESC intermediates final. A sequence cut short ends where the
 * bytes stop fitting its grammar.
 */
static size_t
wrap_escape_len(const unsigned char *s, size_t n)
{
	size_t i = 1;

	if (n < 2)
		return 1;
	if (s[1] == '[') {
		for (i = 2; i < n && s[i] >= 0x20 && s[i] <= 0x3f; i++)
			;
		if (i < n && s[i] >= 0x40 && s[i] <= 0x7e)
			i++;
		return i;
	}
	if (s[1] == ']') {
		for (i = 2; i < n; i++) {
			if (s[i] == 0x07)
				return i + 1;
			if (s[i] == WRAP_ESC && i + 1 < n && s[i + 1] == '\\')
				return i + 2;
		}
		return n;
	}
	while (i < n && s[i] >= 0x20 && s[i] <= 0x2f)
		i++;
	if (i < n && s[i] >= 0x30 && s[i] <= 0x7e)
		i++;
	return i;
}

size_t
wrap_width_n(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, w = 0;

	while (i < n) {
		uint32_t cp;
		size_t len;

		if (p[i] == WRAP_ESC) {
			i += wrap_escape_len(p + i, n - i);
			continue;
		}
		len = wrap_decode(p + i, n - i, &cp);
		if (len == 0) {
			w++; /* a stray byte: most terminals draw one replacement glyph */
			i++;
			continue;
		}
		w += (size_t)wrap_cp_width(cp);
		i += len;
	}
	return w;
}

size_t
wrap_width(const char *s)
{
	return wrap_width_n(s, strlen(s));
}

/* End of the word that starts at s[i] within s[0..n): the next space outside an escape. */
static size_t
wrap_word_end(const char *s, size_t i, size_t n)
{
	while (i < n && s[i] != ' ') {
		if (s[i] == WRAP_ESC)
			i += wrap_escape_len((const unsigned char *)s + i, n - i);
		else
			i++;
	}
	return i;
}

/*
 * Appends paragraph s[0..n) (no newline in it), wrapped: its first line
 * starts with lead, the lines it wraps onto with rest.
 */
static void
wrap_paragraph(struct sbuf *out, const char *s, size_t n, size_t width, const char *lead,
	       const char *rest)
{
	size_t col = wrap_width(lead);
	size_t rest_col = wrap_width(rest);
	bool have_word = false; /* the current line shows a word already */
	size_t i = 0;

	sbuf_adds(out, lead);
	if (width == 0) {
		sbuf_add(out, s, n);
		return;
	}
	while (i < n) {
		size_t sp = i, word, sw, ww;

		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			break; /* spaces at the end of a paragraph */
		word = i;
		i = wrap_word_end(s, i, n);
		sw = word - sp;
		ww = wrap_width_n(s + word, i - word);
		if (!have_word || col + sw + ww <= width) {
			sbuf_add(out, s + sp, i - sp);
			col += sw + ww;
		} else if (ww == 0) {
			/* Only escapes (a colour reset): keep them on this line. */
			sbuf_add(out, s + word, i - word);
		} else {
			sbuf_addc(out, '\n');
			sbuf_adds(out, rest);
			sbuf_add(out, s + word, i - word);
			col = rest_col + ww;
		}
		if (ww > 0)
			have_word = true;
	}
}

char *
wrap_text(const char *text, int width, const char *first, const char *rest)
{
	struct sbuf out = {0};
	const char *p = text;
	size_t w = width > 0 ? (size_t)width : 0;

	first = first != NULL ? first : "";
	rest = rest != NULL ? rest : "";
	for (bool top = true;; top = false) {
		const char *nl = strchr(p, '\n');
		size_t n = nl != NULL ? (size_t)(nl - p) : strlen(p);

		if (top || n > 0)
			wrap_paragraph(&out, p, n, w, top ? first : rest, rest);
		if (nl == NULL)
			break;
		sbuf_addc(&out, '\n');
		p = nl + 1;
	}
	return sbuf_take(&out);
}

char *
wrap_hanging(const char *label, const char *text, int width, const char *on, const char *off)
{
	size_t n, cols;
	char *first, *rest, *out;

	label = label != NULL ? label : "";
	n = strlen(label);
	while (n > 0 && label[n - 1] == ' ')
		n--;
	cols = wrap_width(label);
	if (n > 0)
		first = xasprintf("%s%.*s%s%s", on != NULL ? on : "", (int)n, label,
				  off != NULL ? off : "", label + n);
	else
		first = xstrdup(label);
	rest = xmalloc(cols + 1);
	memset(rest, ' ', cols);
	rest[cols] = '\0';
	out = wrap_text(text, width, first, rest);
	free(first);
	free(rest);
	return out;
}

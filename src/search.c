/* search: see search.h and docs/cards.md. */
#include "search.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "deck.h"
#include "wrap.h"

/* The largest count a comparison may name; far above any real one. */
#define SEARCH_COUNT_MAX 1000000000LL

static const struct search_word {
	const char *name;
	unsigned bit;
} search_is_words[] = {
	{"new", SEARCH_IS_NEW},           {"due", SEARCH_IS_DUE},
	{"learning", SEARCH_IS_LEARNING}, {"review", SEARCH_IS_REVIEW},
	{"suspended", SEARCH_IS_SUSPENDED}, {"buried", SEARCH_IS_BURIED},
	{"leech", SEARCH_IS_LEECH},       {"flagged", SEARCH_IS_FLAGGED},
};

enum search_op { SEARCH_COLON, SEARCH_LT, SEARCH_LE, SEARCH_GT, SEARCH_GE, SEARCH_EQ };

void
search_free(struct search *q)
{
	strv_free(&q->decks);
	strv_free(&q->tags);
	strv_free(&q->types);
	strv_free(&q->groups);
	strv_free(&q->words);
	memset(q, 0, sizeof(*q));
}

/*
 * Splits a field term "name OP value": the letters, the operator and where
 * the value starts. Returns false for a free word (no letters, or no
 * operator right after them).
 */
static bool
search_split(const char *t, size_t *namelen, enum search_op *op, const char **value)
{
	size_t i = 0;

	while (isalpha((unsigned char)t[i]))
		i++;
	if (i == 0)
		return false;
	*namelen = i;
	switch (t[i]) {
	case ':': *op = SEARCH_COLON; break;
	case '=': *op = SEARCH_EQ; break;
	case '<': *op = t[i + 1] == '=' ? SEARCH_LE : SEARCH_LT; break;
	case '>': *op = t[i + 1] == '=' ? SEARCH_GE : SEARCH_GT; break;
	default: return false;
	}
	*value = t + i + (*op == SEARCH_LE || *op == SEARCH_GE ? 2 : 1);
	return true;
}

static bool
search_name_is(const char *t, size_t n, const char *name)
{
	return strlen(name) == n && strncasecmp(t, name, n) == 0;
}

/* A comparison on a count narrows its range; false when value is not a
 * whole number from 0 to SEARCH_COUNT_MAX. */
static bool
search_compare(struct search_range *r, enum search_op op, const char *value)
{
	char *end;
	long long v;

	if (!isdigit((unsigned char)value[0]))
		return false;
	errno = 0;
	v = strtoll(value, &end, 10);
	if (*end != '\0' || errno != 0 || v > SEARCH_COUNT_MAX)
		return false;
	if ((op == SEARCH_EQ || op == SEARCH_COLON || op == SEARCH_GE) && v > r->lo)
		r->lo = v;
	if (op == SEARCH_GT && v + 1 > r->lo)
		r->lo = v + 1;
	if ((op == SEARCH_EQ || op == SEARCH_COLON || op == SEARCH_LE) && v < r->hi)
		r->hi = v;
	if (op == SEARCH_LT && v - 1 < r->hi)
		r->hi = v - 1;
	return true;
}

/* One field term; -1 with a message in err when it is wrong. */
static int
search_field(struct search *q, const char *t, size_t n, enum search_op op, const char *value,
	     char *err, size_t errlen)
{
	static const char *const names[] = {"deck", "tag", "type", "group"};
	struct strv *lists[] = {&q->decks, &q->tags, &q->types, &q->groups};

	for (size_t i = 0; i < ARRAY_LEN(names); i++) {
		if (!search_name_is(t, n, names[i]))
			continue;
		if (op != SEARCH_COLON || *value == '\0') {
			errorf(err, errlen, "\"%s\": write %s:VALUE, e.g. %s", t, names[i],
			       i == 2 ? "type:text" : i == 0 ? "deck:levels" : "tag:l6");
			return -1;
		}
		if (i == 2 && card_type_from_name(value) < 0) {
			errorf(err, errlen, "\"%s\": the card types are recall, text, number, "
			       "choice, calc and open", t);
			return -1;
		}
		strv_push(lists[i], value);
		return 0;
	}
	if (search_name_is(t, n, "is")) {
		for (size_t i = 0; op == SEARCH_COLON && i < ARRAY_LEN(search_is_words); i++) {
			if (strcasecmp(value, search_is_words[i].name) == 0) {
				q->is |= search_is_words[i].bit;
				return 0;
			}
		}
		errorf(err, errlen, "\"%s\": is: takes new, due, learning, review, suspended, "
		       "buried, leech or flagged", t);
		return -1;
	}
	if (search_name_is(t, n, "lapses") || search_name_is(t, n, "reps")) {
		struct search_range *r = tolower((unsigned char)t[0]) == 'l' ? &q->lapses : &q->reps;
		if (!search_compare(r, op, value)) {
			errorf(err, errlen, "\"%s\": compare %.*s with a whole number, e.g. "
			       "%.*s>=3", t, (int)n, t, (int)n, t);
			return -1;
		}
		return 0;
	}
	errorf(err, errlen, "unknown search term \"%s\": the fields are deck:, tag:, type:, "
	       "group:, is:, lapses and reps (a free word cannot start with letters "
	       "followed by : < > or =)", t);
	return -1;
}

int
search_parse(const char *const *terms, size_t n, struct search *q, char *err, size_t errlen)
{
	int rc = 0;

	memset(q, 0, sizeof(*q));
	q->lapses.hi = q->reps.hi = INT64_MAX;
	for (size_t i = 0; i < n && rc == 0; i++) {
		/* The term without white space at either end. */
		const char *a = terms[i], *value;
		size_t len = strlen(a), namelen;
		enum search_op op;
		char *t;

		while (isspace((unsigned char)*a))
			a++, len--;
		while (len > 0 && isspace((unsigned char)a[len - 1]))
			len--;
		t = xstrndup(a, len);
		if (len == 0) {
			errorf(err, errlen, "an empty search term (\"%s\"): give a word to look for",
			       terms[i]);
			rc = -1;
		} else if (!search_split(t, &namelen, &op, &value)) {
			strv_push(&q->words, t);
		} else {
			rc = search_field(q, t, namelen, op, value, err, errlen);
		}
		free(t);
	}
	if (rc != 0)
		search_free(q);
	return rc;
}

/*
 * needle[0..len) matches at h: ASCII case ignored, and a run of white
 * space in the needle matches any run of white space in h (a phrase
 * matches across the line breaks of a value).
 */
static bool
search_at(const char *h, const char *needle, size_t len)
{
	size_t i = 0;

	while (i < len) {
		if (isspace((unsigned char)needle[i])) {
			if (!isspace((unsigned char)*h))
				return false;
			while (i < len && isspace((unsigned char)needle[i]))
				i++;
			while (isspace((unsigned char)*h))
				h++;
			continue;
		}
		if (*h == '\0' || tolower((unsigned char)*h) != tolower((unsigned char)needle[i]))
			return false;
		h++;
		i++;
	}
	return true;
}

static bool
search_contains_n(const char *haystack, const char *needle, size_t len)
{
	int first = tolower((unsigned char)needle[0]);
	bool space = isspace((unsigned char)needle[0]) != 0;

	if (len == 0)
		return true;
	/* The first byte is compared inline: most positions fail there. */
	for (const char *h = haystack; *h; h++)
		if ((space || tolower((unsigned char)*h) == first) && search_at(h, needle, len))
			return true;
	return false;
}

bool
search_contains(const char *haystack, const char *needle)
{
	return search_contains_n(haystack, needle, strlen(needle));
}

/* The tag occurs in ",a,b," ignoring ASCII case, as SQL LIKE matches it. */
static bool
search_has_tag(const char *tags, const char *tag)
{
	size_t n = strlen(tag);

	for (const char *p = tags; p && *p; p = strchr(p + 1, ',')) {
		if (*p == ',' && strncasecmp(p + 1, tag, n) == 0 && p[1 + n] == ',')
			return true;
	}
	return false;
}

static bool
search_is_holds(unsigned is, const struct search_card *c)
{
	return (!(is & SEARCH_IS_NEW) || c->state == 0) &&
	       (!(is & SEARCH_IS_DUE) || c->due) &&
	       (!(is & SEARCH_IS_LEARNING) || c->state == 1 || c->state == 3) &&
	       (!(is & SEARCH_IS_REVIEW) || c->state == 2) &&
	       (!(is & SEARCH_IS_SUSPENDED) || c->suspended) &&
	       (!(is & SEARCH_IS_BURIED) || c->buried) &&
	       (!(is & SEARCH_IS_LEECH) || c->leech) &&
	       (!(is & SEARCH_IS_FLAGGED) || c->flagged);
}

bool
search_match_facts(const struct search *q, const struct search_card *c)
{
	if (!search_is_holds(q->is, c) || c->lapses < q->lapses.lo || c->lapses > q->lapses.hi ||
	    c->reps < q->reps.lo || c->reps > q->reps.hi)
		return false;
	for (size_t i = 0; i < q->decks.n; i++)
		if (strcmp(c->deck_key, q->decks.v[i]) != 0 &&
		    strcasecmp(c->deck_name, q->decks.v[i]) != 0)
			return false;
	for (size_t i = 0; i < q->tags.n; i++)
		if (!search_has_tag(c->tags, q->tags.v[i]))
			return false;
	for (size_t i = 0; i < q->types.n; i++)
		if (strcmp(c->type, q->types.v[i]) != 0)
			return false;
	for (size_t i = 0; i < q->groups.n; i++)
		if (c->group == NULL || strcmp(c->group, q->groups.v[i]) != 0)
			return false;
	return true;
}

bool
search_match(const struct search *q, const struct search_card *c)
{
	if (!search_match_facts(q, c))
		return false;
	for (size_t i = 0; i < q->words.n; i++)
		if (!search_contains(c->prompt ? c->prompt : "", q->words.v[i]) &&
		    !search_contains(c->answer ? c->answer : "", q->words.v[i]))
			return false;
	return true;
}

bool
search_words_in(const struct search *q, const char *text)
{
	/* Each piece of a phrase on its own: in the record, the words of a
	 * value may be split by a continuation line's indent or its "|". */
	for (size_t i = 0; i < q->words.n; i++) {
		for (const char *p = q->words.v[i]; *p;) {
			size_t n = 0;
			while (isspace((unsigned char)*p))
				p++;
			while (p[n] && !isspace((unsigned char)p[n]))
				n++;
			if (n > 0 && !search_contains_n(text, p, n))
				return false;
			p += n;
		}
	}
	return true;
}

/* Bytes of the UTF-8 sequence that starts with lead (1 for a stray byte). */
static size_t
search_utf8_len(const char *s)
{
	unsigned char c = (unsigned char)s[0];
	size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;

	for (size_t i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			return 1;
	return n;
}

char *
search_excerpt(const char *text, int cols)
{
	struct sbuf b = {0};
	size_t used = 0, keep = 0, i;
	bool space = false;

	for (const char *p = text; *p; p++) {
		if (isspace((unsigned char)*p)) {
			space = b.len > 0;
			continue;
		}
		if (space)
			sbuf_addc(&b, ' ');
		space = false;
		sbuf_addc(&b, *p);
	}
	if (b.buf == NULL || cols <= 0 || wrap_width(b.buf) <= (size_t)cols)
		return sbuf_take(&b);
	/* Keep what fits in cols - 1 columns, then the ellipsis. */
	for (i = 0; i < b.len;) {
		size_t k = search_utf8_len(b.buf + i);
		size_t w = wrap_width_n(b.buf + i, k);
		if (used + w > (size_t)cols - 1)
			break;
		used += w;
		i += k;
		keep = i;
	}
	while (keep > 0 && b.buf[keep - 1] == ' ')
		keep--;
	b.len = keep;
	b.buf[keep] = '\0';
	sbuf_adds(&b, "\xe2\x80\xa6");
	return sbuf_take(&b);
}

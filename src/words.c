/* words: see words.h. */
#include "words.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Longest word the stemmer and the typo check look at. */
#define WORDS_MAX 64

/* A UTF-8 sequence and the ASCII text it folds to. */
static const struct {
	const char *utf8;
	const char *ascii;
} words_folds[] = {
    {"\xe2\x80\x90", "-"},  {"\xe2\x80\x91", "-"},  {"\xe2\x80\x92", "-"},
    {"\xe2\x80\x93", "-"},  {"\xe2\x80\x94", "-"},  {"\xe2\x80\x95", "-"},
    {"\xe2\x88\x92", "-"},  {"\xef\xb9\xa3", "-"},  {"\xef\xbc\x8d", "-"},
    {"\xe2\x80\x98", "'"},  {"\xe2\x80\x99", "'"},  {"\xe2\x80\x9a", "'"},
    {"\xe2\x80\x9b", "'"},  {"\xc2\xb4", "'"},	    {"\xe2\x80\xb2", "'"},
    {"\xe2\x80\x9c", " "},  {"\xe2\x80\x9d", " "},  {"\xe2\x80\x9e", " "},
    {"\xc2\xab", " "},	    {"\xc2\xbb", " "},	    {"\xc2\xa0", " "},
    {"\xe2\x80\x80", " "},  {"\xe2\x80\x81", " "},  {"\xe2\x80\x82", " "},
    {"\xe2\x80\x83", " "},  {"\xe2\x80\x84", " "},  {"\xe2\x80\x85", " "},
    {"\xe2\x80\x86", " "},  {"\xe2\x80\x87", " "},  {"\xe2\x80\x88", " "},
    {"\xe2\x80\x89", " "},  {"\xe2\x80\x8a", " "},  {"\xe2\x80\x8b", " "},
    {"\xe2\x80\xaf", " "},  {"\xe2\x81\x9f", " "},  {"\xe3\x80\x80", " "},
    {"\xe2\x80\xa6", " "},  {"\xc3\x97", "x"},
};

/* Said before an answer; removed when something follows. Longest first. */
static const char *const words_lead_filler[] = {
    "i'm pretty sure that", "i'm pretty sure", "pretty sure", "i'm fairly sure",
    "i would say that", "i would say", "i'd say that", "i'd say", "id say",
    "i think that", "i think", "i believe that", "i believe", "i guess", "i'd guess",
    "i would guess", "my answer is", "the answer is", "answer is", "answer",
    "it would be", "it'd be", "it should be", "it's", "it is", "its", "that's", "that is",
    "that would be", "this is", "they're", "they are", "probably", "maybe", "perhaps",
    "basically", "essentially", "definitely", "well", "so", "um", "uh", "erm", "hmm",
    "ok", "okay", "yes", "yeah",
};

/* Said after an answer; removed when something comes before. */
static const char *const words_trail_filler[] = {
    "i think", "i believe", "i guess", "probably", "maybe", "i'd say", "i would say",
};

/* Abbreviations people type, read as the word they stand for. */
static const struct {
	const char *abbr, *word;
} words_abbrevs[] = {
    {"w/o", "without"},	       {"w/", "with"},		       {"b/c", "because"},
    {"yr", "year"},	       {"yrs", "years"},	       {"qtr", "quarter"},
    {"qtrs", "quarters"},      {"qtrly", "quarterly"},	       {"wk", "week"},
    {"wks", "weeks"},	       {"mos", "months"},	       {"hr", "hour"},
    {"hrs", "hours"},	       {"mins", "minutes"},	       {"secs", "seconds"},
    {"mgr", "manager"},	       {"mgrs", "managers"},	       {"mgmt", "management"},
    {"eng", "engineer"},       {"engs", "engineers"},	       {"rev", "revenue"},
    {"tix", "tickets"},	       {"tkt", "ticket"},	       {"tkts", "tickets"},
    {"parens", "parentheses"}, {"avg", "average"},	       {"dept", "department"},
    {"depts", "departments"},  {"org", "organisation"},	       {"orgs", "organisations"},
    {"perf", "performance"},   {"cust", "customer"},	       {"custs", "customers"},
    {"biz", "business"},       {"ppl", "people"},	       {"info", "information"},
    {"approx", "approximately"}, {"mktg", "marketing"},	       {"mkt", "market"},
    {"svc", "service"},	       {"svcs", "services"},	       {"reqs", "requirements"},
    {"devs", "developers"},    {"ops", "operations"},	       {"impl", "implementation"},
    {"msmt", "measurement"},   {"est", "estimate"},	       {"dir", "director"},
    {"dirs", "directors"},     {"sr", "senior"},	       {"pct", "percent"},
    {"govt", "government"},    {"intl", "international"},     {"std", "standard"},
    {"stds", "standards"},
};

/* Characters that fold to a space: they carry no meaning in an answer. */
static bool
words_is_noise(char c)
{
	return strchr(",;:!?()[]{}\"*_|", c) != NULL && c != '\0';
}

static bool
words_is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * If s starts with the phrase (case-insensitive) followed by a space,
 * returns the text after the space; else NULL.
 */
static const char *
words_after_phrase(const char *s, const char *phrase)
{
	size_t n = strlen(phrase);

	if (strncasecmp(s, phrase, n) != 0 || s[n] != ' ')
		return NULL;
	return s + n + 1;
}

/* Removes leading and trailing filler from the folded text s (in place). */
static void
words_strip_filler(char *s)
{
	bool again = true;
	size_t n;

	while (again) {
		again = false;
		for (size_t i = 0; i < ARRAY_LEN(words_lead_filler); i++) {
			const char *rest = words_after_phrase(s, words_lead_filler[i]);
			if (rest != NULL && *rest != '\0') {
				memmove(s, rest, strlen(rest) + 1);
				again = true;
				break;
			}
		}
	}
	again = true;
	while (again) {
		again = false;
		n = strlen(s);
		for (size_t i = 0; i < ARRAY_LEN(words_trail_filler); i++) {
			size_t m = strlen(words_trail_filler[i]);
			if (n > m + 1 && s[n - m - 1] == ' ' &&
			    strcasecmp(s + n - m, words_trail_filler[i]) == 0) {
				s[n - m - 1] = '\0';
				again = true;
				break;
			}
		}
	}
}

/* Replaces the abbreviations of the folded, lower-case text s. Frees s. */
static char *
words_expand(char *s)
{
	struct sbuf b = {0};
	const char *p = s;

	while (*p != '\0') {
		size_t i, n = 0;

		if (words_is_letter(*p) && (p == s || !words_is_letter(p[-1]))) {
			for (i = 0; i < ARRAY_LEN(words_abbrevs); i++) {
				n = strlen(words_abbrevs[i].abbr);
				if (strncmp(p, words_abbrevs[i].abbr, n) == 0 &&
				    !words_is_letter(p[n]) && (words_abbrevs[i].abbr[n - 1] == '/' ||
								p[n] != '/'))
					break;
			}
			if (i < ARRAY_LEN(words_abbrevs)) {
				sbuf_adds(&b, words_abbrevs[i].word);
				p += n;
				continue;
			}
		}
		sbuf_addc(&b, *p++);
	}
	free(s);
	if (b.buf == NULL)
		sbuf_adds(&b, "");
	return sbuf_take(&b);
}

char *
words_fold(const char *typed, unsigned flags)
{
	bool lower = (flags & WORDS_LOWER) != 0;
	struct sbuf raw = {0}, out = {0};
	const char *p = typed;
	char *s;
	bool pending = false;

	/* Characters first: Unicode forms to ASCII, noise to spaces. */
	while (*p != '\0') {
		size_t i;

		for (i = 0; i < ARRAY_LEN(words_folds); i++) {
			size_t n = strlen(words_folds[i].utf8);
			if (strncmp(p, words_folds[i].utf8, n) == 0) {
				sbuf_adds(&raw, words_folds[i].ascii);
				p += n;
				break;
			}
		}
		if (i < ARRAY_LEN(words_folds))
			continue;
		char c = *p++;
		if (c == ',' && raw.len > 0 && isdigit((unsigned char)raw.buf[raw.len - 1]) &&
		    isdigit((unsigned char)*p))
			sbuf_addc(&raw, c);
		else if (c == '.' && !(isalnum((unsigned char)*p)))
			sbuf_addc(&raw, ' ');
		else if ((flags & WORDS_BRACKETS) && strchr("()[]", c) != NULL)
			sbuf_addc(&raw, c);
		else if (words_is_noise(c) || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
			 c == '\f' || c == '`')
			sbuf_addc(&raw, c == '`' ? '\'' : ' ');
		else
			sbuf_addc(&raw, lower && c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c);
	}
	/* Then spaces: one between words, none at either end. */
	for (size_t i = 0; i < raw.len; i++) {
		if (raw.buf[i] == ' ') {
			pending = out.len > 0;
			continue;
		}
		if (pending)
			sbuf_addc(&out, ' ');
		pending = false;
		sbuf_addc(&out, raw.buf[i]);
	}
	sbuf_free(&raw);
	s = sbuf_take(&out);
	if (lower)
		s = words_expand(s);
	words_strip_filler(s);
	return s;
}

static bool
words_ends(const char *w, size_t n, const char *suffix)
{
	size_t m = strlen(suffix);

	return n >= m && memcmp(w + n - m, suffix, m) == 0;
}

static bool
words_is_vowel(char c)
{
	return strchr("aeiouy", c) != NULL;
}

size_t
words_stem(const char *w, size_t n, char *out, size_t outlen)
{
	char b[WORDS_MAX + 2];

	if (n > WORDS_MAX)
		n = WORDS_MAX;
	for (size_t i = 0; i < n; i++)
		b[i] = (char)tolower((unsigned char)w[i]);
	b[n] = '\0';
	if (n > 3) {
		if (words_ends(b, n, "'s")) {
			n -= 2;
		}
		if (n >= 5 && words_ends(b, n, "ies")) {
			n -= 2;
			b[n - 1] = 'y';
		} else if (n >= 5 && words_ends(b, n, "sses")) {
			n -= 2;
		} else if (n >= 4 && b[n - 1] == 's' && !words_ends(b, n, "ss") &&
			   !words_ends(b, n, "us") && !words_ends(b, n, "is")) {
			n -= 1;
		}
		if (n >= 6 && words_ends(b, n, "ing"))
			n -= 3;
		else if (n >= 5 && words_ends(b, n, "ed"))
			n -= 2;
		else if (n >= 6 && words_ends(b, n, "ly"))
			n -= 2;
		if (n >= 5 && b[n - 1] == 'e')
			n -= 1;
		if (n >= 4 && b[n - 1] == b[n - 2] && !words_is_vowel(b[n - 1]))
			n -= 1;
	}
	if (outlen == 0)
		return n;
	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, b, n);
	out[n] = '\0';
	return n;
}

bool
words_one_edit(const char *a, size_t na, const char *b, size_t nb)
{
	size_t i = 0;

	if (na > nb) {
		const char *t = a;
		size_t tn = na;
		a = b, na = nb, b = t, nb = tn;
	}
	if (nb - na > 1)
		return false;
	while (i < na && tolower((unsigned char)a[i]) == tolower((unsigned char)b[i]))
		i++;
	if (na == nb) {
		if (i == na)
			return false; /* equal */
		/* One substitution, or two neighbours swapped. */
		if (strncasecmp(a + i + 1, b + i + 1, na - i - 1) == 0)
			return true;
		return i + 1 < na && tolower((unsigned char)a[i]) == tolower((unsigned char)b[i + 1]) &&
		       tolower((unsigned char)a[i + 1]) == tolower((unsigned char)b[i]) &&
		       strncasecmp(a + i + 2, b + i + 2, na - i - 2) == 0;
	}
	/* b has one letter more: skip it at the first difference. */
	return strncasecmp(a + i, b + i + 1, na - i) == 0;
}

static bool
words_has(const struct strv *sv, const char *w, size_t n)
{
	for (size_t i = 0; i < sv->n; i++)
		if (strlen(sv->v[i]) == n && strncmp(sv->v[i], w, n) == 0)
			return true;
	return false;
}

static void
words_push(struct strv *vocab, const char *w, size_t n)
{
	char b[WORDS_MAX + 1];

	if (n < 3 || n > WORDS_MAX)
		return;
	for (size_t i = 0; i < n; i++)
		b[i] = (char)tolower((unsigned char)w[i]);
	b[n] = '\0';
	if (!words_has(vocab, b, n))
		strv_push(vocab, b);
}

/* In a pattern at p: the length of syntax that holds no literal letters. */
static size_t
words_pattern_skip(const char *p)
{
	const char *q = p;

	if (*q == '\\') {
		q++;
		if (*q == '\0')
			return 1;
		if ((*q == 'p' || *q == 'P' || *q == 'x' || *q == 'N') && q[1] == '{') {
			const char *e = strchr(q, '}');
			return e != NULL ? (size_t)(e - p) + 1 : strlen(p);
		}
		return 2;
	}
	if (*q == '[') {
		q++;
		if (*q == '^')
			q++;
		if (*q == ']')
			q++;
		while (*q != '\0' && *q != ']')
			q += *q == '\\' && q[1] != '\0' ? 2 : 1;
		return (size_t)(q - p) + (*q == ']');
	}
	if (q[0] == '(' && q[1] == '?') {
		q += 2;
		while (*q != '\0' && strchr("<>=!:'PimsxnJU-^", *q) != NULL)
			q++;
		return (size_t)(q - p);
	}
	if (*q == '{') { /* a repeat count */
		while (*q != '\0' && *q != '}')
			q++;
		return (size_t)(q - p) + (*q == '}');
	}
	return 0;
}

void
words_vocab_add(struct strv *vocab, const char *text, bool pattern)
{
	const char *p = text;

	while (*p != '\0') {
		size_t skip = pattern ? words_pattern_skip(p) : 0;
		if (skip > 0) {
			p += skip;
			continue;
		}
		if (!words_is_letter(*p)) {
			p++;
			continue;
		}
		const char *w = p;
		while (words_is_letter(*p))
			p++;
		words_push(vocab, w, (size_t)(p - w));
	}
}

void
words_vocab_add_text(struct strv *vocab, const char *text)
{
	struct strv add = {0};

	words_vocab_add(&add, text, false);
	for (size_t i = 0; i < add.n; i++) {
		size_t n = strlen(add.v[i]), j;

		for (j = 0; j < vocab->n && n >= WORDS_TYPO_MIN; j++) {
			size_t m = strlen(vocab->v[j]);
			if (m >= WORDS_TYPO_MIN && words_one_edit(add.v[i], n, vocab->v[j], m))
				break;
		}
		if (n < WORDS_TYPO_MIN || j == vocab->n)
			words_push(vocab, add.v[i], n);
	}
	strv_free(&add);
}

/* Whether w[0..n) has the stem of a word of sv. */
static bool
words_stem_in(const struct strv *sv, const char *w, size_t n)
{
	char a[WORDS_MAX + 1], b[WORDS_MAX + 1];

	words_stem(w, n, a, sizeof(a));
	for (size_t i = 0; i < sv->n; i++) {
		words_stem(sv->v[i], strlen(sv->v[i]), b, sizeof(b));
		if (strcmp(a, b) == 0)
			return true;
	}
	return false;
}

void
words_vocab_remove(struct strv *vocab, const struct strv *avoid)
{
	size_t o = 0;

	for (size_t i = 0; i < vocab->n; i++) {
		if (words_stem_in(avoid, vocab->v[i], strlen(vocab->v[i]))) {
			free(vocab->v[i]);
			continue;
		}
		vocab->v[o++] = vocab->v[i];
	}
	vocab->n = o;
}

/* The stems of a word list, computed once for a whole answer. */
struct words_stems {
	char (*v)[WORDS_MAX + 1];
	size_t n;
};

static void
words_stems_of(const struct strv *sv, struct words_stems *st)
{
	st->n = sv != NULL ? sv->n : 0;
	st->v = xmalloc((st->n > 0 ? st->n : 1) * sizeof(*st->v));
	for (size_t i = 0; i < st->n; i++)
		words_stem(sv->v[i], strlen(sv->v[i]), st->v[i], sizeof(st->v[i]));
}

static bool
words_stems_has(const struct words_stems *st, const char *stem)
{
	for (size_t i = 0; i < st->n; i++)
		if (strcmp(st->v[i], stem) == 0)
			return true;
	return false;
}

/* The vocab word w[0..n) should be written as, or NULL to keep it. */
static const char *
words_fix(const char *w, size_t n, const struct strv *vocab, const struct words_stems *vs,
	  const struct words_stems *avoid, bool *typo)
{
	char a[WORDS_MAX + 1];

	*typo = false;
	if (n < 3 || n > WORDS_MAX || words_has(vocab, w, n))
		return NULL;
	words_stem(w, n, a, sizeof(a));
	if (words_stems_has(avoid, a))
		return NULL;
	for (size_t i = 0; i < vs->n; i++)
		if (strcmp(a, vs->v[i]) == 0)
			return vocab->v[i];
	if (n < WORDS_TYPO_MIN)
		return NULL;
	for (size_t i = 0; i < vocab->n; i++) {
		size_t m = strlen(vocab->v[i]);
		if (m >= WORDS_TYPO_MIN && words_one_edit(w, n, vocab->v[i], m)) {
			*typo = true;
			return vocab->v[i];
		}
	}
	return NULL;
}

char *
words_correct(const char *folded, const struct strv *vocab, const struct strv *avoid,
	      struct strv *spelled)
{
	struct sbuf b = {0};
	struct words_stems vs, as;
	const char *p = folded;

	words_stems_of(vocab, &vs);
	words_stems_of(avoid, &as);
	while (*p != '\0') {
		if (!isalnum((unsigned char)*p)) {
			sbuf_addc(&b, *p++);
			continue;
		}
		const char *w = p;
		bool digits = false, typo;
		while (isalnum((unsigned char)*p)) {
			digits |= isdigit((unsigned char)*p) != 0;
			p++;
		}
		size_t n = (size_t)(p - w);
		const char *fix = digits ? NULL : words_fix(w, n, vocab, &vs, &as, &typo);
		if (fix == NULL) {
			sbuf_add(&b, w, n);
			continue;
		}
		sbuf_adds(&b, fix);
		if (typo && spelled != NULL && !words_has(spelled, fix, strlen(fix)))
			strv_push(spelled, fix);
	}
	free(vs.v);
	free(as.v);
	if (b.buf == NULL)
		sbuf_adds(&b, "");
	return sbuf_take(&b);
}

/* The next word of s (letters and digits) at or after *pos. */
static bool
words_next(const char *s, size_t *pos, size_t *start, size_t *len)
{
	size_t i = *pos;

	while (s[i] != '\0' && !isalnum((unsigned char)s[i]))
		i++;
	if (s[i] == '\0')
		return false;
	*start = i;
	while (isalnum((unsigned char)s[i]))
		i++;
	*len = i - *start;
	*pos = i;
	return true;
}

/* Whether the typed word t matches the concept word c. */
static bool
words_concept_word(const char *c, size_t nc, const char *t, size_t nt)
{
	char a[WORDS_MAX + 1], b[WORDS_MAX + 1];

	if (nc == nt && strncasecmp(c, t, nc) == 0)
		return true;
	if (nc >= 4 && nt > nc && strncasecmp(c, t, nc) == 0)
		return true;
	if (nc > WORDS_MAX || nt > WORDS_MAX)
		return false;
	words_stem(c, nc, a, sizeof(a));
	words_stem(t, nt, b, sizeof(b));
	if (strcmp(a, b) == 0)
		return true;
	if (nc >= WORDS_TYPO_MIN && nt >= WORDS_TYPO_MIN && words_one_edit(c, nc, t, nt))
		return true;
	/* A stem typed with a typo: "sustainab" in "sustianable". */
	if (nc >= WORDS_TYPO_MIN && nt >= nc)
		for (size_t k = nc - 1; k <= nc + 1 && k <= nt; k++)
			if (words_one_edit(c, nc, t, k))
				return true;
	return false;
}

/* Whether the alternative alt[0..n) occurs in folded, word after word. */
static bool
words_alternative(const char *folded, const char *alt, size_t n)
{
	char *a = xmalloc(n + 1);
	size_t pos = 0, s, l;
	bool found = false;

	memcpy(a, alt, n);
	a[n] = '\0';
	while (!found && words_next(folded, &pos, &s, &l)) {
		size_t tpos = s, apos = 0, ts, tl, as, al;
		bool ok = true, any = false;

		while (words_next(a, &apos, &as, &al)) {
			any = true;
			if (!words_next(folded, &tpos, &ts, &tl) ||
			    !words_concept_word(a + as, al, folded + ts, tl)) {
				ok = false;
				break;
			}
		}
		found = ok && any;
	}
	free(a);
	return found;
}

bool
words_concept_match(const char *folded, const char *concept)
{
	const char *p = concept;

	for (;;) {
		const char *bar = strchr(p, '|');
		size_t n = bar != NULL ? (size_t)(bar - p) : strlen(p);

		if (words_alternative(folded, p, n))
			return true;
		if (bar == NULL)
			return false;
		p = bar + 1;
	}
}

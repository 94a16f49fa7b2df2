/* amount: see amount.h. The grammar is described in docs/impact.md. */
#include "amount.h"

#include <assert.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

/* What the words after the number said the amount is. */
enum amount_said {
	AMOUNT_SAID_NOTHING,
	AMOUNT_SAID_PERCENT, /* "%", "percent", "pp": already divided by 100 */
	AMOUNT_SAID_POINTS,  /* "pts": NPS points, or percentage points */
	AMOUNT_SAID_UNIT     /* a unit with a fixed kind (lex.unit_kind) */
};

/*
 * One amount as lexed, before the expected kind is applied. digits holds
 * the whole part without its leading zeros, then the fraction ("0.50" ->
 * "50", decimals 2; "0" -> "0"); a digit that does not fit sets too_long.
 */
struct amount_lex {
	bool approx;
	bool negative;
	bool dollar;			    /* a "$" was written */
	char digits[AMOUNT_MAX_DIGITS + 1]; /* no separators, NUL-terminated */
	size_t ndigits;			    /* strlen(digits) */
	size_t whole_digits;		    /* of the whole part, all of them */
	bool too_long;			    /* more than AMOUNT_MAX_DIGITS */
	int decimals;			    /* digits after the decimal point */
	int mult_exp;			    /* 3 for K, 6 for M, 9 for B */
	enum amount_said said;
	enum amount_kind unit_kind; /* with AMOUNT_SAID_UNIT */
	bool spelled;		    /* the number was written in words */
	bool fraction_word;	    /* "half", "two thirds": a fraction (50%) */
};

struct amount_word {
	const char *text;
	int value; /* meaning depends on the table */
};

static const struct amount_word amount_approx_words[] = {
    {"approximately", 0}, {"approx.", 0}, {"approx", 0}, {"about", 0},	      {"around", 0},
    {"roughly", 0},	  {"circa", 0},	  {"~", 0},	 {"\xe2\x89\x88", 0}, /* U+2248 almost equal
										 to */
};

/* Multipliers: value is the power of ten. */
static const struct amount_word amount_mult_words[] = {
    {"thousand", 3}, {"millions", 6}, {"million", 6}, {"billions", 9}, {"billion", 9}, {"mil", 6},
    {"mm", 6},	     {"mn", 6},	      {"bn", 9},      {"k", 3},	       {"m", 6},       {"b", 9},
};

/* Units: value is an enum amount_kind, or -1 percent, -2 points. */
static const struct amount_word amount_unit_words[] = {
    {"percentage points", -1},
    {"percent", -1},
    {"per cent", -1},
    {"pct", -1},
    {"pp", -1},
    {"points", -2},
    {"point", -2},
    {"pts", -2},
    {"pt", -2},
    {"engineer-hours", AMOUNT_HOURS},
    {"person-hours", AMOUNT_HOURS},
    {"man-hours", AMOUNT_HOURS},
    {"hours", AMOUNT_HOURS},
    {"hour", AMOUNT_HOURS},
    {"hrs", AMOUNT_HOURS},
    {"hr", AMOUNT_HOURS},
    {"h", AMOUNT_HOURS},
    {"weeks", AMOUNT_WEEKS},
    {"week", AMOUNT_WEEKS},
    {"wks", AMOUNT_WEEKS},
    {"wk", AMOUNT_WEEKS},
    {"w", AMOUNT_WEEKS},
    {"days", AMOUNT_DAYS},
    {"day", AMOUNT_DAYS},
    {"d", AMOUNT_DAYS},
    {"months", AMOUNT_MONTHS},
    {"month", AMOUNT_MONTHS},
    {"mos", AMOUNT_MONTHS},
    {"mo", AMOUNT_MONTHS},
    {"seconds", AMOUNT_SECONDS},
    {"second", AMOUNT_SECONDS},
    {"secs", AMOUNT_SECONDS},
    {"sec", AMOUNT_SECONDS},
    {"s", AMOUNT_SECONDS},
    {"minutes", AMOUNT_MINUTES},
    {"minute", AMOUNT_MINUTES},
    {"mins", AMOUNT_MINUTES},
    {"min", AMOUNT_MINUTES},
    {"years", AMOUNT_YEARS},
    {"year", AMOUNT_YEARS},
    {"yrs", AMOUNT_YEARS},
    {"yr", AMOUNT_YEARS},
    {"y", AMOUNT_YEARS},
    {"dollars", AMOUNT_MONEY},
    {"dollar", AMOUNT_MONEY},
    {"usd", AMOUNT_MONEY},
};

/* Period words after an amount ("$5M annually", "1,200 monthly"): ignored. */
static const char *const amount_period_words[] = {
    "annually", "annual", "yearly", "monthly", "weekly", "daily", "hourly", "each", "apiece",
};
static const char *const amount_period_units[] = {
    "annum", "year", "yr", "month", "mo", "week", "wk", "day", "hour", "hr", "h",
};
static const char *const amount_period_lead[] = {"per", "a", "an", "each"};

static const char *const amount_kind_names[] = {
    [AMOUNT_ANY] = "any",	[AMOUNT_MONEY] = "money",   [AMOUNT_PERCENT] = "percent",
    [AMOUNT_COUNT] = "count",	[AMOUNT_WEEKS] = "weeks",   [AMOUNT_HOURS] = "hours",
    [AMOUNT_DAYS] = "days",	[AMOUNT_MONTHS] = "months", [AMOUNT_YEARS] = "years",
    [AMOUNT_POINTS] = "points", [AMOUNT_SECONDS] = "seconds", [AMOUNT_MINUTES] = "minutes",
};

/* The kind as a message says it: "cannot read ... as a percent". */
static const char *const amount_kind_phrases[] = {
    [AMOUNT_ANY] = "an amount", [AMOUNT_MONEY] = "money",   [AMOUNT_PERCENT] = "a percent",
    [AMOUNT_COUNT] = "a count", [AMOUNT_WEEKS] = "weeks",   [AMOUNT_HOURS] = "hours",
    [AMOUNT_DAYS] = "days",	[AMOUNT_MONTHS] = "months", [AMOUNT_YEARS] = "years",
    [AMOUNT_POINTS] = "points", [AMOUNT_SECONDS] = "seconds", [AMOUNT_MINUTES] = "minutes",
};

/*
 * Numbers in words: value is the number. A word must end there ("seven"
 * is not read in "seventeen"); a hyphen may follow ("forty-five").
 */
static const struct amount_word amount_number_words[] = {
    {"zero", 0},      {"one", 1},	   {"two", 2},	       {"three", 3},	  {"four", 4},
    {"five", 5},      {"six", 6},	   {"seven", 7},       {"eight", 8},	  {"nine", 9},
    {"ten", 10},      {"eleven", 11},	   {"twelve", 12},     {"thirteen", 13},  {"fourteen", 14},
    {"fifteen", 15},  {"sixteen", 16},	   {"seventeen", 17},  {"eighteen", 18},  {"nineteen", 19},
    {"twenty", 20},   {"thirty", 30},	   {"forty", 40},      {"fourty", 40},	  {"fifty", 50},
    {"sixty", 60},    {"seventy", 70},	   {"eighty", 80},     {"ninety", 90},
};

/* Words for a factor: "tripled" is 3 (times). */
static const struct amount_word amount_factor_words[] = {
    {"doubled", 2},    {"double", 2},	   {"twice", 2},       {"twofold", 2},
    {"tripled", 3},    {"triple", 3},	   {"threefold", 3},   {"quadrupled", 4},
    {"quadruple", 4},  {"fourfold", 4},	   {"fivefold", 5},    {"tenfold", 10},
};

/* Lengths of time in seconds. A month is a twelfth of a 365.25-day year. */
static const struct {
	enum amount_kind kind;
	double seconds;
} amount_time_units[] = {
    {AMOUNT_SECONDS, 1},	  {AMOUNT_MINUTES, 60},	      {AMOUNT_HOURS, 3600},
    {AMOUNT_DAYS, 86400},	  {AMOUNT_WEEKS, 604800},     {AMOUNT_MONTHS, 2629800},
    {AMOUNT_YEARS, 31557600},
};

/* Words before an amount that make it a lower or an upper bound. */
static const char *const amount_at_least_words[] = {
    "at least", "more than", "greater than", "higher than", "bigger than", "larger than",
    "upwards of", "upward of", "in excess of", "north of", "a minimum of", "minimum of",
    "no less than", "not less than", "over", "above", "min", "minimum", ">=", "\xe2\x89\xa5", ">",
};
static const char *const amount_up_to_words[] = {
    "up to", "at most", "less than", "fewer than", "lower than", "no more than",
    "not more than", "a maximum of", "maximum of", "under", "below", "max", "maximum", "<=",
    "\xe2\x89\xa4", "<",
};
/* Words after an amount that make it a lower or an upper bound. */
static const char *const amount_plus_words[] = {
    "+", "plus", "or more", "or higher", "or above", "or over", "or greater", "or bigger",
    "and up", "and above", "and over", "and more", "and higher", "at least", "minimum",
    "at minimum", "or so and up",
};
static const char *const amount_minus_words[] = {
    "or less", "or fewer", "or lower", "or below", "or under", "at most", "maximum", "tops",
};

/* Between the ends of a span. "and" only after "between". */
static const char *const amount_span_words[] = {
    "up to", "up until", "through", "thru", "to", "or", "-", "\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x88\x92",
};

static bool
amount_is_letter(char c)
{
	return isalpha((unsigned char)c) != 0;
}

static const char *
amount_skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/*
 * If s starts with word (case-insensitive) and the word ends there (no
 * letter, and no hyphen before a letter, follows a word that ends in a
 * letter: "man-hours" has no "m" for million), returns the end.
 */
static const char *
amount_match_word(const char *s, const char *word)
{
	size_t n = strlen(word);

	if (strncasecmp(s, word, n) != 0)
		return NULL;
	if (amount_is_letter(word[n - 1]) &&
	    (amount_is_letter(s[n]) || (s[n] == '-' && amount_is_letter(s[n + 1]))))
		return NULL;
	return s + n;
}

static const char *
amount_match_table(const char *s, const struct amount_word *t, size_t n, int *value)
{
	for (size_t i = 0; i < n; i++) {
		const char *e = amount_match_word(s, t[i].text);
		if (e != NULL) {
			*value = t[i].value;
			return e;
		}
	}
	return NULL;
}

/* A minus sign: "-", U+2212 minus, U+2013 en dash. Returns its length. */
static size_t
amount_minus_len(const char *s)
{
	if (*s == '-')
		return 1;
	if (strncmp(s, "\xe2\x88\x92", 3) == 0 || strncmp(s, "\xe2\x80\x93", 3) == 0)
		return 3;
	return 0;
}

static const char *
amount_lex_sign(const char *s, struct amount_lex *lx, bool *seen)
{
	size_t n = amount_minus_len(s);

	if (*seen)
		return s;
	if (n > 0) {
		lx->negative = true;
		*seen = true;
		return amount_skip_space(s + n);
	}
	if (*s == '+') {
		*seen = true;
		return amount_skip_space(s + 1);
	}
	return s;
}

/* Appends one digit of the whole part (fraction false) or of the fraction. */
static void
amount_lex_digit(struct amount_lex *lx, char c, bool fraction)
{
	if (!fraction) {
		if (lx->whole_digits == 0 && c == '0')
			return; /* a leading zero */
		lx->whole_digits++;
	}
	if (lx->ndigits >= AMOUNT_MAX_DIGITS) {
		lx->too_long = true;
		return;
	}
	lx->digits[lx->ndigits++] = c;
	if (fraction)
		lx->decimals++;
}

/*
 * Reads the digits: groups of three after commas, an optional fraction.
 * Returns the end, or NULL if there is no digit.
 */
static const char *
amount_lex_number(const char *s, struct amount_lex *lx)
{
	size_t first = 0;
	const char *p = s;

	while (isdigit((unsigned char)*p)) {
		amount_lex_digit(lx, *p, false);
		p++;
		first++;
	}
	/* Thousands separators: only after a first group of 1-3 digits. */
	while (first > 0 && first <= 3 && *p == ',' && isdigit((unsigned char)p[1]) &&
	       isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]) &&
	       !isdigit((unsigned char)p[4])) {
		for (int i = 1; i <= 3; i++)
			amount_lex_digit(lx, p[i], false);
		p += 4;
	}
	if (*p == '.' && isdigit((unsigned char)p[1])) {
		p++;
		while (isdigit((unsigned char)*p))
			amount_lex_digit(lx, *p++, true);
	} else if (first == 0) {
		return NULL;
	}
	if (lx->ndigits == 0)
		lx->digits[lx->ndigits++] = '0'; /* "0", "000" */
	lx->digits[lx->ndigits] = '\0';
	return p;
}

/*
 * Whether the number lexed is in range: AMOUNT_SCAN_OK, or TOO_LARGE when
 * it is AMOUNT_MAX or more as written (multiplier included, before a "%"
 * divides it), or TOO_LONG when it has too many digits to read exactly.
 */
static int
amount_lex_check(const struct amount_lex *lx)
{
	char buf[AMOUNT_MAX_DIGITS + 16];

	/* 16 whole digits are 1e15 or more; so are more than fit. */
	if (lx->whole_digits + (size_t)lx->mult_exp > 15)
		return AMOUNT_SCAN_TOO_LARGE;
	if (lx->too_long)
		return AMOUNT_SCAN_TOO_LONG;
	snprintf(buf, sizeof(buf), "%se%d", lx->digits, lx->mult_exp - lx->decimals);
	return strtod(buf, NULL) < AMOUNT_MAX ? AMOUNT_SCAN_OK : AMOUNT_SCAN_TOO_LARGE;
}

/* The number word at s and its value in *v; NULL if none. */
static const char *
amount_number_word(const char *s, int *v)
{
	for (size_t i = 0; i < ARRAY_LEN(amount_number_words); i++) {
		size_t n = strlen(amount_number_words[i].text);

		if (strncasecmp(s, amount_number_words[i].text, n) == 0 &&
		    !amount_is_letter(s[n])) {
			*v = amount_number_words[i].value;
			return s + n;
		}
	}
	return NULL;
}

/* s (after white space) starts one of words; returns its end or NULL. */
static const char *
amount_match_any(const char *s, const char *const *words, size_t n)
{
	const char *e;

	for (size_t i = 0; i < n; i++)
		if ((e = amount_match_word(s, words[i])) != NULL)
			return e;
	return NULL;
}

/* How amount_lex reads numbers in words. */
enum amount_words_mode {
	AMOUNT_DIGITS_ONLY,
	AMOUNT_WORDS,	     /* "fifteen", "a hundred and twenty" */
	AMOUNT_WORDS_NO_AND, /* after "between": "and" ends the number */
};

/* "full", "whole", "entire", "single" after an article: "a full minute". */
static const char *
amount_skip_adjective(const char *s)
{
	static const char *const adj[] = {"full", "whole", "entire", "single"};
	const char *e = amount_match_any(s, adj, ARRAY_LEN(adj));

	return e != NULL ? amount_skip_space(e) : s;
}

/*
 * After "a", "an" or "half a": whether the next word makes the article a
 * number ("a million", "a hundred", "a dozen", "an hour", "a half").
 */
static bool
amount_article_counts(const char *s)
{
	int v;

	s = amount_skip_adjective(amount_skip_space(s));
	if (amount_match_word(s, "hundred") != NULL || amount_match_word(s, "dozen") != NULL ||
	    amount_match_word(s, "half") != NULL || amount_match_word(s, "third") != NULL ||
	    amount_match_word(s, "fifth") != NULL || amount_match_word(s, "tenth") != NULL ||
	    (amount_match_word(s, "quarter") != NULL &&
	     amount_match_word(amount_skip_space(s + 7), "of") != NULL))
		return true;
	/* Single letters ("a b", "a d") are not multipliers or units here. */
	if (!amount_is_letter(s[0]) || !amount_is_letter(s[1]))
		return false;
	return amount_match_table(s, amount_mult_words, ARRAY_LEN(amount_mult_words), &v) != NULL ||
	       amount_match_table(s, amount_unit_words, ARRAY_LEN(amount_unit_words), &v) != NULL;
}

/* After a tens word ("forty"): "-five" or " five". Adds it to *n. */
static const char *
amount_words_units(const char *s, long *n)
{
	const char *q = *s == '-' ? s + 1 : amount_skip_space(s), *e;
	int v;

	if ((e = amount_number_word(q, &v)) != NULL && v >= 1 && v <= 9) {
		*n += v;
		return e;
	}
	return s;
}

/* Below a hundred in words: "seven", "forty-five", "ninety". */
static const char *
amount_words_small(const char *s, long *n)
{
	const char *e;
	int v;

	if ((e = amount_number_word(s, &v)) == NULL)
		return NULL;
	*n = v;
	if (v >= 20)
		e = amount_words_units(e, n);
	return e;
}

/* Fractions in words: "three quarters", "nine tenths", "two thirds". */
static const struct {
	const char *one, *many;
	int den;
	bool need_of; /* "a quarter" alone is also three months: only "a quarter of" */
} amount_fraction_words[] = {
    {"third", "thirds", 3, false},    {"quarter", "quarters", 4, true},
    {"fifth", "fifths", 5, false},    {"tenth", "tenths", 10, false},
};

/* Scale words between groups: "one thousand two hundred". */
static const struct amount_word amount_scale_words[] = {
    {"thousand", 3}, {"million", 6}, {"billion", 9},
};

/*
 * After a count: "hundred", or "hundred and eight", multiplies *n and adds
 * the rest. Returns the end, or p when no "hundred" follows.
 */
static const char *
amount_words_hundred(const char *p, long *n, enum amount_words_mode mode)
{
	const char *q = amount_skip_space(p), *e;
	long rest = 0;

	if ((e = amount_match_word(q, "hundred")) == NULL)
		return p;
	*n *= 100;
	p = e;
	q = amount_skip_space(p);
	if (mode != AMOUNT_WORDS_NO_AND && (e = amount_match_word(q, "and")) != NULL)
		q = amount_skip_space(e);
	/* "two hundred and eight": not "two hundred and eight hundred" */
	if ((e = amount_words_small(q, &rest)) != NULL &&
	    amount_match_word(amount_skip_space(e), "hundred") == NULL) {
		*n += rest;
		p = e;
	}
	return p;
}

/* A group below a thousand: "seven", "forty-five", "two hundred and eight". */
static const char *
amount_words_group(const char *s, long *n, enum amount_words_mode mode)
{
	const char *p = amount_words_small(s, n);

	return p != NULL ? amount_words_hundred(p, n, mode) : NULL;
}

/*
 * A number in words, up to the multiplier: "fifteen", "forty-five", "a
 * hundred and twenty", "one thousand two hundred forty-eight", "a
 * dozen", "half", "one and a half", "thirty-one point two", "three
 * quarters of a", "nine tenths of a", "half a" before a multiplier or unit
 * ("half a million", "half an hour"), "a" or "an" before one ("a
 * million", "a full minute"), and factors ("tripled"). Lexes it into lx as
 * if written in digits. Returns the end, or NULL.
 */
static const char *
amount_lex_words(const char *s, struct amount_lex *lx, enum amount_words_mode mode)
{
	const char *p, *e, *q;
	double value;
	long n = 0, total = 0;
	bool article = false;
	char digits[64], decimals[24] = "";
	size_t nd = 0;
	int v;

	if ((e = amount_match_table(s, amount_factor_words, ARRAY_LEN(amount_factor_words), &v)) !=
	    NULL) {
		value = v;
		p = e;
		goto done;
	}
	if ((e = amount_match_word(s, "half")) != NULL) {
		/* "half", "half a million", "half an hour" */
		p = e;
		q = amount_skip_space(e);
		if (((e = amount_match_word(q, "a")) != NULL || (e = amount_match_word(q, "an")) != NULL) &&
		    amount_article_counts(e))
			p = e;
		else
			lx->fraction_word = true;
		value = 0.5;
		goto done;
	}
	if ((e = amount_match_word(s, "a")) != NULL || (e = amount_match_word(s, "an")) != NULL) {
		if (!amount_article_counts(e))
			return NULL;
		q = amount_skip_adjective(amount_skip_space(e));
		if ((e = amount_match_word(q, "half")) != NULL) { /* "a half" */
			value = 0.5;
			p = e;
			goto done;
		}
		n = 1;
		p = q;
		article = true;
	} else {
		if ((p = amount_words_group(s, &n, mode)) == NULL)
			return NULL;
		/* "one thousand two hundred forty-eight" */
		for (;;) {
			long next = 0;
			q = amount_skip_space(p);
			if ((e = amount_match_table(q, amount_scale_words, ARRAY_LEN(amount_scale_words),
						    &v)) == NULL ||
			    (e = amount_words_group(amount_skip_space(e), &next, mode)) == NULL)
				break;
			total += n * (v == 3 ? 1000L : v == 6 ? 1000000L : 1000000000L);
			n = next;
			p = e;
		}
	}
	if (article) /* "a hundred and twenty" */
		p = amount_words_hundred(p, &n, mode);
	q = amount_skip_space(p);
	if ((e = amount_match_word(q, "dozen")) != NULL) {
		n *= 12;
		p = e;
	}
	value = (double)(total + n);
	/* "thirty-one point two", "one point five" */
	q = amount_skip_space(p);
	if ((e = amount_match_word(q, "point")) != NULL) {
		const char *d = amount_skip_space(e);
		while ((e = amount_number_word(d, &v)) != NULL && v <= 9 &&
		       nd + 1 < sizeof(decimals)) {
			decimals[nd++] = (char)('0' + v);
			p = e;
			d = amount_skip_space(e);
		}
		decimals[nd] = '\0';
		if (nd > 0) {
			snprintf(digits, sizeof(digits), "%ld.%s", total + n, decimals);
			value = strtod(digits, NULL);
		}
	}
	/* "three quarters of a minute", "nine tenths", "two thirds" */
	q = amount_skip_space(p);
	for (size_t i = 0; i < ARRAY_LEN(amount_fraction_words); i++) {
		const char *of;
		if ((e = amount_match_word(q, amount_fraction_words[i].one)) == NULL &&
		    (e = amount_match_word(q, amount_fraction_words[i].many)) == NULL)
			continue;
		of = amount_match_word(amount_skip_space(e), "of");
		if (amount_fraction_words[i].need_of && of == NULL)
			break;
		value /= amount_fraction_words[i].den;
		p = e;
		lx->fraction_word = true;
		if (of != NULL) {
			q = amount_skip_space(of);
			if (((e = amount_match_word(q, "a")) != NULL ||
			     (e = amount_match_word(q, "an")) != NULL) &&
			    amount_article_counts(e)) {
				p = e; /* "three quarters of a minute": minutes */
				lx->fraction_word = false;
			}
		}
		break;
	}
	/* "one and a half" */
	q = amount_skip_space(p);
	if (mode != AMOUNT_WORDS_NO_AND && (e = amount_match_word(q, "and")) != NULL) {
		q = amount_skip_space(e);
		if ((e = amount_match_word(q, "a")) != NULL &&
		    (e = amount_match_word(amount_skip_space(e), "half")) != NULL) {
			value += 0.5;
			p = e;
		}
	}
done:
	snprintf(digits, sizeof(digits), "%.9f", value);
	nd = strlen(digits);
	while (nd > 0 && digits[nd - 1] == '0')
		digits[--nd] = '\0';
	if (nd > 0 && digits[nd - 1] == '.')
		digits[--nd] = '\0';
	if (amount_lex_number(digits, lx) == NULL)
		return NULL;
	lx->spelled = true;
	return p;
}

/* Adds part to the number lx holds: "a year and a half". */
static void
amount_lex_add_part(struct amount_lex *lx, double part)
{
	struct amount_lex t;
	char buf[AMOUNT_MAX_DIGITS + 16], num[64];

	snprintf(buf, sizeof(buf), "%se%d", lx->digits, -lx->decimals);
	snprintf(num, sizeof(num), "%.*f", lx->decimals > 2 ? lx->decimals : 2,
		 strtod(buf, NULL) + part);
	memset(&t, 0, sizeof(t));
	if (amount_lex_number(num, &t) == NULL)
		return;
	memcpy(lx->digits, t.digits, sizeof(lx->digits));
	lx->ndigits = t.ndigits;
	lx->whole_digits = t.whole_digits;
	lx->decimals = t.decimals;
	lx->too_long = t.too_long;
}

/*
 * The lexer behind amount_scan and amount_parse: one amount. words: read
 * numbers written in words too. Returns the end or NULL.
 */
static const char *
amount_lex(const char *text, struct amount_lex *lx, enum amount_words_mode words)
{
	const char *s = amount_skip_space(text), *e;
	bool signed_ = false;
	int v;

	memset(lx, 0, sizeof(*lx));
	e = amount_match_table(s, amount_approx_words, ARRAY_LEN(amount_approx_words), &v);
	if (e != NULL) {
		lx->approx = true;
		s = amount_skip_space(e);
	}
	s = amount_lex_sign(s, lx, &signed_);
	if (*s == '$') {
		lx->dollar = true;
		s = amount_skip_space(s + 1);
		s = amount_lex_sign(s, lx, &signed_);
	}
	e = amount_lex_number(s, lx);
	if (e == NULL && words != AMOUNT_DIGITS_ONLY)
		e = amount_lex_words(s, lx, words);
	if (e == NULL)
		return NULL;
	s = e;

	/* Multiplier, possibly after a space: "1.2M", "1.2 million". */
	e = amount_match_table(amount_skip_space(s), amount_mult_words,
			       ARRAY_LEN(amount_mult_words), &v);
	if (e != NULL) {
		lx->mult_exp = v;
		s = e;
	}
	/* Unit: "%", "pts", "weeks", "dollars" ... */
	e = amount_skip_space(s);
	if (*e == '%') {
		lx->said = AMOUNT_SAID_PERCENT;
		return e + 1;
	}
	e = amount_match_table(e, amount_unit_words, ARRAY_LEN(amount_unit_words), &v);
	if (e != NULL) {
		if (v == -1) {
			lx->said = AMOUNT_SAID_PERCENT;
		} else if (v == -2) {
			lx->said = AMOUNT_SAID_POINTS;
		} else {
			lx->said = AMOUNT_SAID_UNIT;
			lx->unit_kind = (enum amount_kind)v;
		}
		s = e;
		/* "a year and a half", "a minute and a quarter" */
		e = amount_match_word(amount_skip_space(s), "and");
		if (words == AMOUNT_WORDS && e != NULL &&
		    (e = amount_match_word(amount_skip_space(e), "a")) != NULL) {
			const char *h = amount_skip_space(e);
			if ((e = amount_match_word(h, "half")) != NULL) {
				amount_lex_add_part(lx, 0.5);
				s = e;
			} else if ((e = amount_match_word(h, "quarter")) != NULL) {
				amount_lex_add_part(lx, 0.25);
				s = e;
			}
		}
	}
	return s;
}

/* The kind the text names on its own, AMOUNT_ANY for a bare number. */
static enum amount_kind
amount_lex_kind(const struct amount_lex *lx)
{
	switch (lx->said) {
	case AMOUNT_SAID_PERCENT:
		return AMOUNT_PERCENT;
	case AMOUNT_SAID_POINTS:
		return AMOUNT_POINTS;
	case AMOUNT_SAID_UNIT:
		return lx->unit_kind;
	case AMOUNT_SAID_NOTHING:
		break;
	}
	return lx->dollar ? AMOUNT_MONEY : AMOUNT_ANY;
}

/* Fills value, sig_digits and unit from the digits and a power of ten. */
static void
amount_lex_value(const struct amount_lex *lx, int exp10, struct amount *out)
{
	const char *d = lx->digits;
	size_t n, tz = 0;
	char buf[AMOUNT_MAX_DIGITS + 16];
	int unit_exp;

	snprintf(buf, sizeof(buf), "%se%d", d, exp10 - lx->decimals);
	out->value = strtod(buf, NULL);
	if (lx->negative && out->value != 0)
		out->value = -out->value;

	while (*d == '0' && d[1] != '\0')
		d++;
	n = strlen(d);
	if (strcmp(d, "0") == 0) {
		out->sig_digits = 1;
		unit_exp = -lx->decimals;
	} else if (lx->decimals > 0) {
		out->sig_digits = (int)n;
		unit_exp = -lx->decimals;
	} else {
		while (tz + 1 < n && d[n - 1 - tz] == '0')
			tz++;
		out->sig_digits = (int)(n - tz);
		unit_exp = (int)tz;
	}
	snprintf(buf, sizeof(buf), "1e%d", unit_exp + exp10);
	out->unit = strtod(buf, NULL);
}

int
amount_scan(const char *text, struct amount *out, size_t *used)
{
	struct amount_lex lx;
	const char *end = amount_lex(text, &lx, AMOUNT_DIGITS_ONLY);
	int exp10, rc;

	memset(out, 0, sizeof(*out));
	*used = 0;
	if (end == NULL)
		return AMOUNT_SCAN_NONE;
	*used = (size_t)(end - text);
	rc = amount_lex_check(&lx);
	if (rc != AMOUNT_SCAN_OK)
		return rc;
	out->kind = amount_lex_kind(&lx);
	out->approx = lx.approx;
	exp10 = lx.mult_exp - (lx.said == AMOUNT_SAID_PERCENT ? 2 : 0);
	amount_lex_value(&lx, exp10, out);
	return AMOUNT_SCAN_OK;
}

/* Quotes text into err: up to 60 bytes, then "...". */
static void
amount_error(char *err, size_t errlen, const char *text, const char *what, const char *why)
{
	int n = (int)strlen(text);

	if (err == NULL || errlen == 0)
		return;
	if (n > 60)
		snprintf(err, errlen, "cannot read \"%.57s...\" as %s%s", text, what, why);
	else
		snprintf(err, errlen, "cannot read \"%s\" as %s%s", text, what, why);
}

/* The message for an amount out of range: "2000T" is too large: ... */
static void
amount_range_error(char *err, size_t errlen, const char *text, int rc)
{
	int n = (int)strlen(text);
	const char *more = n > 60 ? "..." : "";

	if (err == NULL || errlen == 0)
		return;
	if (rc == AMOUNT_SCAN_TOO_LARGE)
		snprintf(err, errlen, "\"%.57s%s\" is too large: %s", text, more, AMOUNT_MAX_TEXT);
	else
		snprintf(err, errlen,
			 "cannot read \"%.57s%s\" as an amount: it has more than %d digits "
			 "(drill reads %d at most)",
			 text, more, AMOUNT_MAX_DIGITS, AMOUNT_MAX_DIGITS);
}

/* A period phrase ("annually", "per year", "/month"). Returns its end. */
static const char *
amount_match_period(const char *s)
{
	const char *e, *p = s;
	bool lead = false;

	for (size_t i = 0; i < ARRAY_LEN(amount_period_words); i++)
		if ((e = amount_match_word(s, amount_period_words[i])) != NULL)
			return e;
	if (*p == '/') {
		p = amount_skip_space(p + 1);
		lead = true;
	} else {
		for (size_t i = 0; i < ARRAY_LEN(amount_period_lead); i++) {
			if ((e = amount_match_word(p, amount_period_lead[i])) != NULL &&
			    (*e == ' ' || *e == '\t')) {
				p = amount_skip_space(e);
				lead = true;
				break;
			}
		}
	}
	if (!lead)
		return NULL;
	for (size_t i = 0; i < ARRAY_LEN(amount_period_units); i++)
		if ((e = amount_match_word(p, amount_period_units[i])) != NULL)
			return e;
	/* "per story", "per engineer": what the amount is counted by. */
	if (strncasecmp(s, "per", 3) == 0 && amount_is_letter(*p)) {
		while (amount_is_letter(*p) || *p == '-')
			p++;
		return p;
	}
	return NULL;
}

bool
amount_kind_is_time(enum amount_kind kind)
{
	for (size_t i = 0; i < ARRAY_LEN(amount_time_units); i++)
		if (amount_time_units[i].kind == kind)
			return true;
	return false;
}

static double
amount_time_seconds(enum amount_kind kind)
{
	for (size_t i = 0; i < ARRAY_LEN(amount_time_units); i++)
		if (amount_time_units[i].kind == kind)
			return amount_time_units[i].seconds;
	return 1;
}

/* Period phrases after an amount, which the reader passes over. */
static const char *
amount_skip_periods(const char *s)
{
	const char *e;

	for (;;) {
		s = amount_skip_space(s);
		if ((e = amount_match_period(s)) == NULL)
			return s;
		s = e;
	}
}

/*
 * One figure as lexed: an amount (a), a span (a to b), a bound, or a
 * ratio (a out of den), before the expected kind is applied.
 */
struct amount_fig {
	enum amount_shape shape;
	struct amount_lex a, b, den;
	struct amount_lex a_more, b_more; /* "1 min 15 sec": the 15 sec */
	bool has_a_more, has_b_more;
	bool span;     /* b is set */
	bool open_top; /* "50-150+" */
	bool ratio;    /* den is set */
	bool noun;     /* count nouns followed: "15-50 engineers" */
};

/*
 * After an amount in a unit of time, a smaller one that adds to it:
 * "1 min 15 sec", "2 years and 6 months". Returns the end (s if none).
 */
static const char *
amount_lex_more_time(const char *s, const struct amount_lex *lx, struct amount_lex *more,
		     bool *has, enum amount_words_mode words)
{
	const char *q = amount_skip_space(s), *e;

	*has = false;
	if (lx->said != AMOUNT_SAID_UNIT || !amount_kind_is_time(lx->unit_kind))
		return s;
	if ((e = amount_match_word(q, "and")) != NULL)
		q = amount_skip_space(e);
	if ((e = amount_lex(q, more, words)) == NULL || more->said != AMOUNT_SAID_UNIT ||
	    !amount_kind_is_time(more->unit_kind) || more->approx || more->negative ||
	    more->dollar || more->mult_exp != 0 ||
	    amount_time_seconds(more->unit_kind) >= amount_time_seconds(lx->unit_kind))
		return s;
	*has = true;
	return e;
}

/*
 * A multiplier and unit written after a "+" ("50 to 100+ million
 * dollars"), added to lx when it has none. Returns the end (s if none).
 */
static const char *
amount_lex_late_suffix(const char *s, struct amount_lex *lx)
{
	const char *e;
	int v;

	if (lx->mult_exp == 0 &&
	    (e = amount_match_table(amount_skip_space(s), amount_mult_words,
				    ARRAY_LEN(amount_mult_words), &v)) != NULL) {
		lx->mult_exp = v;
		s = e;
	}
	if (lx->said == AMOUNT_SAID_NOTHING &&
	    (e = amount_match_table(amount_skip_space(s), amount_unit_words,
				    ARRAY_LEN(amount_unit_words), &v)) != NULL) {
		lx->said = v == -1 ? AMOUNT_SAID_PERCENT : v == -2 ? AMOUNT_SAID_POINTS : AMOUNT_SAID_UNIT;
		if (v >= 0)
			lx->unit_kind = (enum amount_kind)v;
		s = e;
	} else if (lx->said == AMOUNT_SAID_NOTHING && *amount_skip_space(s) == '%') {
		lx->said = AMOUNT_SAID_PERCENT;
		s = amount_skip_space(s) + 1;
	}
	return s;
}

/* A number starts at s (after white space): digits, "$", or words. */
static const char *
amount_lex_if(const char *s, struct amount_lex *lx, enum amount_words_mode words)
{
	return amount_lex(amount_skip_space(s), lx, words);
}

/*
 * Lexes the figure at text. With nouns, words after a bare number are
 * taken as what it counts ("50 engineers"). words: read numbers written
 * in words. Returns the end, or NULL when text does not start with one.
 */
static const char *
amount_lex_figure(const char *text, struct amount_fig *f, bool nouns, bool words)
{
	const char *s = amount_skip_space(text), *e, *q;
	bool between = false;
	struct amount_lex *last;
	enum amount_words_mode mode = words ? AMOUNT_WORDS : AMOUNT_DIGITS_ONLY;

	memset(f, 0, sizeof(*f));
	f->shape = AMOUNT_ONE;
	if ((e = amount_match_word(s, "between")) != NULL) {
		between = true;
		s = e;
	} else if ((e = amount_match_word(s, "anywhere from")) != NULL ||
		   (e = amount_match_word(s, "from")) != NULL) {
		s = e;
	} else if ((e = amount_match_any(s, amount_at_least_words,
					 ARRAY_LEN(amount_at_least_words))) != NULL) {
		f->shape = AMOUNT_AT_LEAST;
		s = e;
	} else if ((e = amount_match_any(s, amount_up_to_words, ARRAY_LEN(amount_up_to_words))) !=
		   NULL) {
		f->shape = AMOUNT_UP_TO;
		s = e;
	}
	if ((s = amount_lex_if(s, &f->a, between && mode ? AMOUNT_WORDS_NO_AND : mode)) == NULL)
		return NULL;
	s = amount_lex_more_time(s, &f->a, &f->a_more, &f->has_a_more, mode);
	last = &f->a;
	q = amount_skip_periods(s);
	if (f->shape == AMOUNT_ONE) {
		/* A ratio: "4/5", "4 out of 5", "3 in 4", "2 of 3". */
		e = NULL;
		if (*q == '/')
			e = q + 1;
		else if ((e = amount_match_word(q, "out of")) == NULL &&
			 (e = amount_match_word(q, "of")) == NULL)
			e = amount_match_word(q, "in");
		if (e != NULL && (e = amount_lex_if(e, &f->den, mode)) != NULL) {
			f->ratio = true;
			last = &f->den;
			s = e;
			goto tail;
		}
		if ((e = amount_match_any(q, amount_plus_words, ARRAY_LEN(amount_plus_words))) !=
		    NULL) {
			f->shape = AMOUNT_AT_LEAST;
			s = amount_lex_late_suffix(e, &f->a);
			goto tail;
		}
		if ((e = amount_match_any(q, amount_minus_words, ARRAY_LEN(amount_minus_words))) !=
		    NULL) {
			f->shape = AMOUNT_UP_TO;
			s = e;
			goto tail;
		}
		e = between ? amount_match_word(q, "and") : NULL;
		if (e == NULL)
			e = amount_match_any(q, amount_span_words, ARRAY_LEN(amount_span_words));
		if (e != NULL && (e = amount_lex_if(e, &f->b, mode)) != NULL) {
			f->span = true;
			f->shape = AMOUNT_SPAN;
			last = &f->b;
			s = amount_lex_more_time(e, &f->b, &f->b_more, &f->has_b_more, mode);
			q = amount_skip_periods(s);
			if ((e = amount_match_any(q, amount_plus_words,
						  ARRAY_LEN(amount_plus_words))) != NULL) {
				f->open_top = true;
				s = amount_lex_late_suffix(e, &f->b);
			}
		} else if (between) {
			return NULL;
		}
	}
tail:
	/* Period phrases, and after a bare number the nouns it counts. */
	for (;;) {
		s = amount_skip_space(s);
		if ((e = amount_match_period(s)) != NULL) {
			s = e;
			continue;
		}
		if (nouns && amount_is_letter(*s) && last->said == AMOUNT_SAID_NOTHING &&
		    !last->dollar) {
			while (amount_is_letter(*s) || *s == '-')
				s++;
			f->noun = true;
			continue;
		}
		break;
	}
	return s;
}

/*
 * The amount lx says, read as the expected kind. Returns 0, or -1 with a
 * message about text in err.
 */
static int
amount_resolve(const struct amount_lex *lx, bool noun, enum amount_kind expect,
	       bool fraction_rule, struct amount *out, bool *fraction, const char *text,
	       char *err, size_t errlen)
{
	enum amount_kind said, kind;
	int exp10 = lx->mult_exp, rc = amount_lex_check(lx);
	double factor = 1;

	memset(out, 0, sizeof(*out));
	if (rc != AMOUNT_SCAN_OK) {
		amount_range_error(err, errlen, text, rc);
		return -1;
	}
	said = noun ? AMOUNT_COUNT : amount_lex_kind(lx);
	if (said == AMOUNT_PERCENT)
		exp10 -= 2;
	if (said == AMOUNT_POINTS && expect == AMOUNT_PERCENT) {
		/* "0.8 pts" where a percent is expected: percentage points. */
		said = AMOUNT_PERCENT;
		exp10 -= 2;
	}
	if (expect == AMOUNT_COUNT && amount_kind_is_time(said)) {
		/* "300 seconds" where the count of seconds is asked. */
		said = AMOUNT_COUNT;
	} else if (amount_kind_is_time(expect) && amount_kind_is_time(said) && said != expect) {
		factor = amount_time_seconds(said) / amount_time_seconds(expect);
		said = expect;
		out->converted = true;
	}
	if (expect == AMOUNT_ANY) {
		kind = said == AMOUNT_ANY ? AMOUNT_COUNT : said;
	} else if (said == AMOUNT_ANY) {
		kind = expect;
		if (expect == AMOUNT_PERCENT && lx->fraction_word) {
			/* "half": 50%, not 0.5%; "two thirds": 66.7% */
		} else if (expect == AMOUNT_PERCENT) {
			struct amount bare;
			amount_lex_value(lx, exp10, &bare);
			if (fraction_rule && fabs(bare.value) <= 1)
				*fraction = true;
			else
				exp10 -= 2;
		}
	} else if (said == expect) {
		kind = expect;
	} else {
		char why[64];
		snprintf(why, sizeof(why), ": it is %s", amount_kind_phrases[said]);
		amount_error(err, errlen, text, amount_kind_phrases[expect], why);
		return -1;
	}
	if (kind == AMOUNT_PERCENT && lx->mult_exp != 0)
		goto unreadable;
	if (lx->dollar && kind != AMOUNT_MONEY)
		goto unreadable;
	out->kind = kind;
	out->approx = lx->approx;
	amount_lex_value(lx, exp10, out);
	if (factor != 1) {
		out->value *= factor;
		out->unit *= factor;
		if (!(fabs(out->value) < AMOUNT_MAX)) {
			amount_range_error(err, errlen, text, AMOUNT_SCAN_TOO_LARGE);
			return -1;
		}
	}
	if (!isfinite(out->value))
		goto unreadable;
	return 0;

unreadable:
	memset(out, 0, sizeof(*out));
	*fraction = false;
	amount_error(err, errlen, text, "an amount", "");
	return -1;
}

/* The number lx holds with its multiplier, as a double (for comparing). */
static double
amount_lex_magnitude(const struct amount_lex *lx, int mult_exp)
{
	char buf[AMOUNT_MAX_DIGITS + 16];

	snprintf(buf, sizeof(buf), "%se%d", lx->digits, mult_exp - lx->decimals);
	return strtod(buf, NULL);
}

/*
 * A span's ends share what is written once: "200-800K", "$1-5M",
 * "2-3 years", "60-90%". A multiplier written only on the high end goes to
 * the low end too, or the next smaller one if that would put the low end
 * above the high end ("500-2M" is 500K-2M).
 */
static void
amount_share_units(struct amount_lex *a, struct amount_lex *b)
{
	bool a_bare = a->said == AMOUNT_SAID_NOTHING && !a->dollar;
	bool b_bare = b->said == AMOUNT_SAID_NOTHING && !b->dollar;

	if (a->mult_exp == 0 && b->mult_exp != 0 && a->said != AMOUNT_SAID_PERCENT) {
		/* "1-5M" is 1M-5M; "500-2M" is 500K-2M, the low end below the high. */
		for (int m = b->mult_exp; m >= 3; m -= 3)
			if (amount_lex_magnitude(a, m) <= amount_lex_magnitude(b, b->mult_exp)) {
				a->mult_exp = m;
				break;
			}
	} else if (b->mult_exp == 0 && a->mult_exp != 0 && b->said != AMOUNT_SAID_PERCENT &&
		 amount_lex_magnitude(a, a->mult_exp) <= amount_lex_magnitude(b, a->mult_exp))
		b->mult_exp = a->mult_exp;
	if (a_bare && !b_bare) {
		a->said = b->said;
		a->unit_kind = b->unit_kind;
		a->dollar = b->dollar;
	} else if (b_bare && !a_bare) {
		b->said = a->said;
		b->unit_kind = a->unit_kind;
		b->dollar = a->dollar;
	}
}

/* Adds the "15 sec" of "1 min 15 sec" to a, read as the expected time. */
static int
amount_add_more(bool has, const struct amount_lex *more, enum amount_kind expect,
		struct amount *a, const char *text, char *err, size_t errlen)
{
	struct amount m;
	bool fraction = false;

	if (!has)
		return 0;
	if (!amount_kind_is_time(expect) && expect != AMOUNT_ANY) {
		amount_error(err, errlen, text, amount_kind_phrases[expect], "");
		return -1;
	}
	if (amount_resolve(more, false, expect == AMOUNT_ANY ? a->kind : expect, false, &m,
			   &fraction, text, err, errlen) != 0)
		return -1;
	a->value += m.value;
	a->converted |= m.converted;
	if (!(fabs(a->value) < AMOUNT_MAX)) {
		amount_range_error(err, errlen, text, AMOUNT_SCAN_TOO_LARGE);
		return -1;
	}
	if (m.unit < a->unit)
		a->unit = m.unit;
	return 0;
}

/* Applies the expected kind to a lexed figure. 0, or -1 with a message. */
static int
amount_finish(struct amount_fig *f, enum amount_kind expect, bool fraction_rule,
	      struct amount_range *out, bool *fraction, const char *text, char *err,
	      size_t errlen)
{
	memset(out, 0, sizeof(*out));
	out->shape = f->shape;
	out->open_top = f->open_top;
	if (f->ratio) {
		struct amount num, den;
		bool fr = false;

		if (f->a.said != AMOUNT_SAID_NOTHING || f->a.dollar ||
		    f->den.said != AMOUNT_SAID_NOTHING || f->den.dollar || f->a.mult_exp != 0 ||
		    f->den.mult_exp != 0)
			goto unreadable;
		if (expect != AMOUNT_PERCENT && expect != AMOUNT_ANY) {
			/* "4 out of 5" where a count is asked: a score of 4. */
			if (amount_resolve(&f->a, false, expect, false, &out->lo, &fr, text, err,
					   errlen) != 0)
				return -1;
			out->hi = out->lo;
			return 0;
		}
		if (amount_resolve(&f->a, false, AMOUNT_COUNT, false, &num, &fr, text, err,
				   errlen) != 0 ||
		    amount_resolve(&f->den, false, AMOUNT_COUNT, false, &den, &fr, text, err,
				   errlen) != 0)
			return -1;
		if (den.value == 0)
			goto unreadable;
		out->lo.kind = AMOUNT_PERCENT;
		out->lo.value = num.value / den.value;
		out->lo.sig_digits = 3;
		out->lo.unit = 0.001;
		out->hi = out->lo;
		return 0;
	}
	if (f->span)
		amount_share_units(&f->a, &f->b);
	if (amount_resolve(&f->a, f->noun, expect, fraction_rule, &out->lo, fraction, text, err,
			   errlen) != 0 ||
	    amount_add_more(f->has_a_more, &f->a_more, expect, &out->lo, text, err, errlen) != 0)
		return -1;
	if (!f->span) {
		out->hi = out->lo;
		return 0;
	}
	if (amount_resolve(&f->b, f->noun, expect, false, &out->hi, fraction, text, err,
			   errlen) != 0 ||
	    amount_add_more(f->has_b_more, &f->b_more, expect, &out->hi, text, err, errlen) != 0)
		return -1;
	if (out->lo.kind != out->hi.kind)
		goto unreadable;
	if (out->lo.value > out->hi.value) {
		struct amount t = out->lo;
		out->lo = out->hi;
		out->hi = t;
	}
	return 0;

unreadable:
	memset(out, 0, sizeof(*out));
	amount_error(err, errlen, text, "an amount", "");
	return -1;
}

/* Past the end of a figure: white space and a final full stop. */
static const char *
amount_skip_end(const char *s)
{
	s = amount_skip_space(s);
	if (*s == '.')
		s = amount_skip_space(s + 1);
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

/*
 * amount_parse, and with fraction_rule amount_parse_input: a bare number
 * of at most 1 where a percent is expected is a fraction (*fraction set).
 */
static int
amount_parse_rule(const char *text, enum amount_kind expect, bool fraction_rule,
		  struct amount *out, bool *fraction, char *err, size_t errlen)
{
	struct amount_fig f;
	struct amount_range r;
	const char *s = amount_lex_figure(text, &f, true, true);

	memset(out, 0, sizeof(*out));
	if (s == NULL || *amount_skip_end(s) != '\0' || f.shape != AMOUNT_ONE) {
		*fraction = false;
		amount_error(err, errlen, text, "an amount", "");
		return -1;
	}
	if (amount_finish(&f, expect, fraction_rule, &r, fraction, text, err, errlen) != 0)
		return -1;
	*out = r.lo;
	return 0;
}

int
amount_parse(const char *text, enum amount_kind expect, struct amount *out, char *err,
	     size_t errlen)
{
	bool fraction = false;

	return amount_parse_rule(text, expect, false, out, &fraction, err, errlen);
}

int
amount_parse_input(const char *text, enum amount_kind expect, struct amount *out,
		   bool *fraction, char *err, size_t errlen)
{
	*fraction = false;
	return amount_parse_rule(text, expect, true, out, fraction, err, errlen);
}

int
amount_parse_range(const char *text, enum amount_kind expect, struct amount_range *out,
		   char *err, size_t errlen)
{
	struct amount_fig f;
	const char *s = amount_lex_figure(text, &f, true, true);
	bool fraction = false;

	if (s == NULL || *amount_skip_end(s) != '\0') {
		memset(out, 0, sizeof(*out));
		amount_error(err, errlen, text, "an amount", "");
		return -1;
	}
	return amount_finish(&f, expect, false, out, &fraction, text, err, errlen);
}

/* Whether a figure may start at p: the start of a word or of the text. */
static bool
amount_figure_start(const char *text, const char *p)
{
	unsigned char c;

	if (p == text)
		return true;
	c = (unsigned char)p[-1];
	return !(isalnum(c) || c == '$' || c == '.' || c == ',' || c == '-' || c == '_' ||
		 c >= 0x80);
}

/* Whether a figure may end at e: the end of a word, not "1..2M" or "5x3". */
static bool
amount_figure_end(const char *start, const char *e)
{
	if (*e == '\0' || isspace((unsigned char)*e) || (e > start && isspace((unsigned char)e[-1])))
		return true;
	if (*e == '.' || *e == ',' || *e == ';' || *e == ':' || *e == '!' || *e == '?')
		return e[1] == '\0' || isspace((unsigned char)e[1]);
	return strchr(")]}\"'", *e) != NULL;
}

/*
 * Whether a and b are one figure said twice: "$680,800,000, about 0.68
 * billion". Within 2% at both ends.
 */
static bool
amount_range_near(const struct amount_range *a, const struct amount_range *b)
{
	double lo = fmax(fabs(a->lo.value), fabs(b->lo.value));
	double hi = fmax(fabs(a->hi.value), fabs(b->hi.value));

	return a->shape == b->shape && a->lo.kind == b->lo.kind &&
	       fabs(a->lo.value - b->lo.value) <= 0.02 * lo + 1e-12 &&
	       fabs(a->hi.value - b->hi.value) <= 0.02 * hi + 1e-12;
}

/* Longest text amount_find_range looks through: a typed answer, not an essay. */
#define AMOUNT_FIND_MAX 2000
#define AMOUNT_FIND_FIGURES 16

/* Words that introduce the result of working shown: "$50K a month, so $600K a year". */
static const char *const amount_result_words[] = {
    "so", "=", "which is", "which comes to", "that's", "that is", "thus", "therefore",
    "hence", "gives", "giving", "comes to", "equals", "->", "=>",
    "\xe2\x86\x92", "in total", "for a total of", "total", "making",
};

/* The end of the last result word of text (or text itself when none). */
static const char *
amount_after_result(const char *text)
{
	const char *last = text, *e;

	for (const char *p = text; *p != '\0'; p++) {
		if (!amount_figure_start(text, p))
			continue;
		if ((e = amount_match_any(p, amount_result_words, ARRAY_LEN(amount_result_words))) !=
		    NULL && (*e == '\0' || *e == ' ' || !amount_is_letter(*e)))
			last = e;
	}
	return last;
}

struct amount_found {
	struct amount_range r;
	bool spelled;  /* written in words */
	bool bracket;  /* inside brackets: working or a restatement */
	const char *at;
};

int
amount_find_range(const char *text, enum amount_kind expect, struct amount_range *out,
		  char *err, size_t errlen)
{
	struct amount_found found[AMOUNT_FIND_FIGURES];
	size_t n = 0, ndigits = 0, nafter = 0, nout = 0, len = strlen(text);
	const char *p = text, *end = text + len, *result;
	const struct amount_found *pick = NULL;
	int depth = 0;

	if (amount_parse_range(text, expect, out, err, errlen) == 0)
		return 0;
	if (len > AMOUNT_FIND_MAX)
		return -1;
	while (p < end && n < AMOUNT_FIND_FIGURES) {
		struct amount_fig f;
		const char *e;
		bool fraction = false;

		if (*p == '(' || *p == '[')
			depth++;
		else if ((*p == ')' || *p == ']') && depth > 0)
			depth--;
		if (amount_figure_start(text, p) && !isspace((unsigned char)*p) &&
		    (e = amount_lex_figure(p, &f, false, true)) != NULL &&
		    amount_figure_end(p, e) &&
		    amount_finish(&f, expect, false, &found[n].r, &fraction, p, NULL, 0) == 0) {
			/*
			 * A bare number before a noun counts things ("one
			 * initiative", "296 accounts"): not the figure asked
			 * for where money, a percent or a time is.
			 */
			bool bare = f.shape == AMOUNT_ONE && !f.ratio && f.a.said == AMOUNT_SAID_NOTHING &&
				    !f.a.dollar && f.a.mult_exp == 0 && !f.a.fraction_word;
			if (!(bare && amount_is_letter(*e) && expect != AMOUNT_COUNT &&
			      expect != AMOUNT_ANY)) {
				found[n].spelled = f.a.spelled;
				found[n].bracket = depth > 0;
				found[n].at = p;
				n++;
			}
			p = e;
			continue;
		}
		p++;
	}
	/*
	 * What a grader reads as the answer: a figure outside brackets over
	 * one inside them ("$600K (50K a month x 12)"); the figure after the
	 * last "so", "=" or "which is" when the working is shown; a figure in
	 * digits over one in words.
	 */
	for (size_t i = 0; i < n; i++)
		nout += !found[i].bracket;
	result = amount_after_result(text);
	for (size_t i = 0; i < n; i++) {
		if (nout > 0 && found[i].bracket)
			continue;
		nafter += found[i].at >= result;
	}
	for (size_t i = 0; i < n; i++) {
		if ((nout > 0 && found[i].bracket) || (nafter > 0 && found[i].at < result))
			continue;
		ndigits += !found[i].spelled;
	}
	for (size_t i = 0; i < n; i++) {
		const struct amount_found *f = &found[i];

		if ((nout > 0 && f->bracket) || (nafter > 0 && f->at < result) ||
		    (ndigits > 0 && f->spelled))
			continue;
		if (pick == NULL) {
			pick = f;
		} else if (amount_range_near(&pick->r, &f->r)) {
			if (pick->r.lo.approx && !f->r.lo.approx)
				pick = f; /* the exact one of "$680.8M, about $0.68B" */
		} else {
			char a[2 * AMOUNT_FORMAT_MAX + 8], b[2 * AMOUNT_FORMAT_MAX + 8];
			amount_range_format(&pick->r, pick->r.lo.kind, a, sizeof(a));
			amount_range_format(&f->r, f->r.lo.kind, b, sizeof(b));
			if (err != NULL && errlen > 0)
				snprintf(err, errlen,
					 "the answer gives more than one figure (%s, %s): type the "
					 "one you mean",
					 a, b);
			return -1;
		}
	}
	if (pick == NULL)
		return -1; /* err already says why, from amount_parse_range */
	*out = pick->r;
	return 0;
}

size_t
amount_range_format(const struct amount_range *r, enum amount_kind kind, char *buf,
		    size_t len)
{
	char lo[AMOUNT_FORMAT_MAX], hi[AMOUNT_FORMAT_MAX];

	amount_format(r->lo.value, kind, lo, sizeof(lo));
	switch (r->shape) {
	case AMOUNT_SPAN:
		amount_format(r->hi.value, kind, hi, sizeof(hi));
		return (size_t)snprintf(buf, len, "%s-%s%s", lo, hi, r->open_top ? "+" : "");
	case AMOUNT_AT_LEAST:
		return (size_t)snprintf(buf, len, "%s+", lo);
	case AMOUNT_UP_TO:
		return (size_t)snprintf(buf, len, "up to %s", lo);
	case AMOUNT_ONE:
		break;
	}
	return (size_t)snprintf(buf, len, "%s", lo);
}

size_t
amount_fraction_note(const char *text, double value, char *buf, size_t len)
{
	char pct[48];

	amount_format_exact(value, AMOUNT_PERCENT, pct, sizeof(pct));
	return (size_t)snprintf(buf, len, "%s \xe2\x86\x92 %s, read as a fraction", text, pct);
}

/* Rounds a >= 0 to sig significant digits. */
static double
amount_round_sig(double a, int sig)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%.*e", sig - 1, a);
	return strtod(buf, NULL);
}

/* Digits before the decimal point of a >= 0 (at least 1). */
static int
amount_int_digits(double a)
{
	char buf[400];

	if (a < 1)
		return 1;
	return snprintf(buf, sizeof(buf), "%.0f", floor(a));
}

/*
 * Writes a >= 0 with decimals decimal places, trailing zeros trimmed,
 * thousands separated by commas, into buf (at least 64 bytes).
 */
static void
amount_number(double a, int decimals, char *buf, size_t len)
{
	char raw[400];
	size_t n, intlen, o = 0;
	char *dot;

	if (decimals > 12)
		decimals = 12;
	snprintf(raw, sizeof(raw), "%.*f", decimals, a);
	dot = strchr(raw, '.');
	if (dot != NULL) {
		n = strlen(raw);
		while (n > 0 && raw[n - 1] == '0')
			raw[--n] = '\0';
		if (raw[n - 1] == '.')
			raw[--n] = '\0';
	}
	dot = strchr(raw, '.');
	intlen = dot != NULL ? (size_t)(dot - raw) : strlen(raw);
	for (size_t i = 0; raw[i] != '\0' && o + 1 < len; i++) {
		if (i > 0 && i < intlen && (intlen - i) % 3 == 0 && o + 2 < len)
			buf[o++] = ',';
		buf[o++] = raw[i];
	}
	buf[o] = '\0';
}

/* Writes a >= 0 as "1.08e+16": sig digits, trailing zeros trimmed. */
static void
amount_scientific(double a, int sig, char *buf, size_t len)
{
	char mant[AMOUNT_FORMAT_MAX];
	const char *e;
	size_t n;

	snprintf(mant, sizeof(mant), "%.*e", sig - 1, a);
	e = strchr(mant, 'e');
	n = e != NULL ? (size_t)(e - mant) : strlen(mant);
	if (memchr(mant, '.', n) != NULL) {
		while (n > 0 && mant[n - 1] == '0')
			n--;
		if (n > 0 && mant[n - 1] == '.')
			n--;
	}
	snprintf(buf, len, "%.*s%s", (int)n, mant, e != NULL ? e : "");
}

static const char *
amount_unit_suffix(enum amount_kind kind, bool one)
{
	switch (kind) {
	case AMOUNT_WEEKS:
		return one ? " week" : " weeks";
	case AMOUNT_HOURS:
		return one ? " hour" : " hours";
	case AMOUNT_DAYS:
		return one ? " day" : " days";
	case AMOUNT_MONTHS:
		return one ? " month" : " months";
	case AMOUNT_YEARS:
		return one ? " year" : " years";
	case AMOUNT_POINTS:
		return one ? " point" : " points";
	case AMOUNT_SECONDS:
		return one ? " second" : " seconds";
	case AMOUNT_MINUTES:
		return one ? " minute" : " minutes";
	case AMOUNT_ANY:
	case AMOUNT_MONEY:
	case AMOUNT_PERCENT:
	case AMOUNT_COUNT:
		break;
	}
	return "";
}

size_t
amount_format_sig(double value, enum amount_kind kind, int sig, char *buf, size_t len)
{
	char num[128], tmp[2];
	const char *prefix = "", *suffix = "";
	double a = fabs(value);
	bool neg = value < 0;
	int n;

	if (buf == NULL || len == 0) {
		buf = tmp;
		len = sizeof(tmp);
	}
	if (sig < 1)
		sig = 1;
	if (sig > 17)
		sig = 17; /* all a double holds */
	if (isnan(value))
		return (size_t)snprintf(buf, len, "?");
	if (isinf(value))
		return (size_t)snprintf(buf, len, "%sinfinity", neg ? "-" : "");

	if (a >= AMOUNT_MAX) {
		/* Out of range: short and exact rather than cut off. */
		if (kind == AMOUNT_MONEY)
			prefix = "$";
		if (kind == AMOUNT_PERCENT) {
			a *= 100;
			suffix = "%";
		} else {
			suffix = amount_unit_suffix(kind, false);
		}
		amount_scientific(a, sig, num, sizeof(num));
	} else if (kind == AMOUNT_MONEY) {
		prefix = "$";
		if (a < 999.995 && amount_round_sig(a, sig) < 1000) {
			amount_number(
			    a, sig - amount_int_digits(a) > 2 ? sig - amount_int_digits(a) : 2, num,
			    sizeof(num));
		} else {
			double r = amount_round_sig(a, sig), unit = 1e3;
			int dec;
			if (r >= 1e9) {
				unit = 1e9;
				suffix = "B";
			} else if (r >= 1e6) {
				unit = 1e6;
				suffix = "M";
			} else {
				suffix = "K";
			}
			dec = sig - amount_int_digits(r / unit);
			amount_number(r / unit, dec > 0 ? dec : 0, num, sizeof(num));
		}
	} else if (kind == AMOUNT_PERCENT) {
		double p = a * 100;
		suffix = "%";
		if (p > 0 && p < 1) {
			double r = amount_round_sig(p, sig);
			int dec = sig - 1 - (int)floor(log10(r));
			amount_number(r, dec > 0 ? dec : 0, num, sizeof(num));
		} else {
			int dec = sig - amount_int_digits(p);
			amount_number(p, dec > 2 ? dec : 2, num, sizeof(num));
		}
	} else if (a > 0 && a < 1) {
		double r = amount_round_sig(a, sig);
		int dec = sig - 1 - (int)floor(log10(r));
		amount_number(r, dec > 0 ? dec : 0, num, sizeof(num));
		suffix = amount_unit_suffix(kind, strcmp(num, "1") == 0);
	} else {
		int dec = sig - amount_int_digits(a);
		amount_number(a, dec > 2 ? dec : 2, num, sizeof(num));
		suffix = amount_unit_suffix(kind, strcmp(num, "1") == 0);
	}
	if (strcmp(num, "0") == 0)
		neg = false;
	n = snprintf(buf, len, "%s%s%s%s", neg ? "-" : "", prefix, num, suffix);
	assert(n >= 0 && n < AMOUNT_FORMAT_MAX);
	return n < 0 ? 0 : (size_t)n;
}

size_t
amount_format(double value, enum amount_kind kind, char *buf, size_t len)
{
	return amount_format_sig(value, kind, 3, buf, len);
}

size_t
amount_format_exact(double value, enum amount_kind kind, char *buf, size_t len)
{
	char tmp[128];
	struct amount a;

	if (!isfinite(value))
		return amount_format_sig(value, kind, 3, buf, len);
	for (int sig = 3; sig <= 15; sig++) {
		amount_format_sig(value, kind, sig, tmp, sizeof(tmp));
		if (amount_parse(tmp, kind == AMOUNT_ANY ? AMOUNT_COUNT : kind, &a, NULL, 0) == 0 &&
		    fabs(a.value - value) <= 1e-9 * fabs(value))
			return amount_format_sig(value, kind, sig, buf, len);
	}
	return amount_format_sig(value, kind, 15, buf, len);
}

const char *
amount_kind_name(enum amount_kind kind)
{
	if ((size_t)kind >= ARRAY_LEN(amount_kind_names))
		return "?";
	return amount_kind_names[kind];
}

int
amount_kind_from_name(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(amount_kind_names); i++)
		if (strcmp(name, amount_kind_names[i]) == 0)
			return (int)i;
	return -1;
}

double
amount_clean(double x)
{
	char buf[64];

	if (x == 0 || !isfinite(x))
		return x;
	snprintf(buf, sizeof(buf), "%.12g", x);
	return strtod(buf, NULL);
}

/* ------------------------------------------------------------------ */
/* every figure of a text, and conditions on them                      */

/* Words before a bare four-digit number that make it a year: "in 2023". */
static const char *const amount_year_lead[] = {
    "in",	"since",  "during",   "until",	"till",	    "through", "from",	    "of",
    "by",	"early",  "late",     "mid",	"fy",	    "jan",     "january",   "feb",
    "february", "mar",	  "march",    "apr",	"april",    "may",     "jun",	    "june",
    "jul",	"july",	  "aug",      "august", "sep",	    "sept",    "september", "oct",
    "october",	"nov",	  "november", "dec",	"december", "spring",  "summer",    "autumn",
    "fall",	"winter", "q1",	      "q2",	"q3",	    "q4",      "h1",	    "h2",
};

/* Whether the word that ends before text[at] leads a year. */
static bool
amount_year_word_before(const char *text, size_t at)
{
	size_t e = at, s;

	while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\t'))
		e--;
	while (e > 0 && (text[e - 1] == ',' || text[e - 1] == '.'))
		e--; /* "Oct. 2023", "March, 2023" */
	s = e;
	while (s > 0 && isalnum((unsigned char)text[s - 1]))
		s--;
	if (s == e)
		return false;
	for (size_t i = 0; i < ARRAY_LEN(amount_year_lead); i++)
		if (strlen(amount_year_lead[i]) == e - s &&
		    strncasecmp(text + s, amount_year_lead[i], e - s) == 0)
			return true;
	return false;
}

/*
 * Whether the bare count f at text[start..end) is a year: four digits
 * from 1900 to 2099 (each end of a span), after a word that leads a year
 * or with no word after it ("2,023 users" and "2000 customers" are counts).
 */
static bool
amount_is_year(const char *text, const struct amount_figure *f)
{
	size_t d = f->start, nd = 0;

	if (f->r.lo.kind != AMOUNT_COUNT || !f->digits)
		return false;
	for (int i = 0; i < 2; i++) {
		double v = i == 0 ? f->r.lo.value : f->r.hi.value;
		if (v < 1900 || v > 2099 || v != floor(v))
			return false;
	}
	/* the first number of the figure ("from 2019 to 2021") */
	while (d < f->end && !isdigit((unsigned char)text[d]))
		d++;
	while (d + nd < f->end && isdigit((unsigned char)text[d + nd]))
		nd++;
	if (nd != 4 || (d + nd < f->end && text[d + nd] == ','))
		return false;
	if (amount_year_word_before(text, d))
		return true;
	return !amount_is_letter(*amount_skip_space(text + f->end));
}

bool
amount_next_figure(const char *text, size_t len, size_t *pos, struct amount_figure *out)
{
	const char *p = text + (*pos < len ? *pos : len), *end = text + len;

	assert(text[len] == '\0');
	for (; p < end; p++) {
		struct amount_fig f;
		struct amount_lex lx;
		const char *e;
		bool fraction = false, ok;

		if (!amount_figure_start(text, p) || isspace((unsigned char)*p))
			continue;
		/* a span, a bound or a ratio; a ratio is a share, so not above 1
		   ("24/7" is not 343%) */
		e = amount_lex_figure(p, &f, false, true);
		ok = e != NULL && amount_figure_end(p, e) &&
		     amount_finish(&f, AMOUNT_ANY, false, &out->r, &fraction, p, NULL, 0) == 0 &&
		     !(f.ratio && out->r.lo.value > 1);
		if (!ok) {
			/* one amount alone: the "$42 million" of "$42 million in
			   2023", which reads on as a ratio ("3 in 4") */
			e = amount_lex(p, &lx, AMOUNT_WORDS);
			ok = e != NULL && amount_figure_end(p, e) &&
			     amount_resolve(&lx, false, AMOUNT_ANY, false, &out->r.lo, &fraction, p,
					    NULL, 0) == 0;
			out->r.shape = AMOUNT_ONE;
			out->r.hi = out->r.lo;
			out->r.open_top = false;
		}
		if (!ok)
			continue;
		/* the figure's bytes, without the white space lexing took */
		while (e > p && isspace((unsigned char)e[-1]))
			e--;
		out->start = (size_t)(p - text);
		out->end = (size_t)(e - text);
		out->digits = false;
		for (const char *q = p; q < e && !out->digits; q++)
			out->digits = isdigit((unsigned char)*q) != 0;
		out->year = amount_is_year(text, out);
		*pos = out->end > out->start ? out->end : out->start + 1;
		return true;
	}
	*pos = len;
	memset(out, 0, sizeof(*out));
	return false;
}

static const struct {
	const char *text;
	enum amount_cmp cmp;
} amount_cmp_ops[] = {
    /* the two-character ones first */
    {">=", AMOUNT_GE},
    {"<=", AMOUNT_LE},
    {">", AMOUNT_GT},
    {"<", AMOUNT_LT},
};

static const char *
amount_cmp_text(enum amount_cmp cmp)
{
	for (size_t i = 0; i < ARRAY_LEN(amount_cmp_ops); i++)
		if (amount_cmp_ops[i].cmp == cmp)
			return amount_cmp_ops[i].text;
	return "?";
}

int
amount_cond_parse(const char *text, struct amount_cond *out, char *err, size_t errlen, size_t *col)
{
	const char *s = amount_skip_space(text), *w = s, *op, *v;
	size_t wl, i;
	int kind;
	char word[16];
	struct amount a;
	char why[160];

	memset(out, 0, sizeof(*out));
	*col = 0;
	while (isalpha((unsigned char)*s))
		s++;
	wl = (size_t)(s - w);
	op = amount_skip_space(s);
	for (i = 0; i < ARRAY_LEN(amount_cmp_ops); i++)
		if (strncmp(op, amount_cmp_ops[i].text, strlen(amount_cmp_ops[i].text)) == 0)
			break;
	if (wl == 0 || i == ARRAY_LEN(amount_cmp_ops))
		return 0; /* not written as a condition */
	snprintf(word, sizeof(word), "%.*s", (int)(wl < sizeof(word) ? wl : sizeof(word) - 1), w);
	kind = wl < sizeof(word) ? amount_kind_from_name(word) : -1;
	if (kind != AMOUNT_MONEY && kind != AMOUNT_PERCENT && kind != AMOUNT_COUNT) {
		if (err != NULL && errlen > 0)
			snprintf(err, errlen,
				 "an amount condition starts with money, percent or count, not "
				 "\"%.*s\"",
				 (int)(wl > 40 ? 40 : wl), w);
		*col = (size_t)(w - text);
		return -1;
	}
	out->kind = (enum amount_kind)kind;
	out->cmp = amount_cmp_ops[i].cmp;
	v = amount_skip_space(op + strlen(amount_cmp_ops[i].text));
	if (*v == '\0') {
		if (err != NULL && errlen > 0)
			snprintf(err, errlen, "the condition needs an amount after \"%s\"",
				 amount_cmp_ops[i].text);
		*col = (size_t)(v - text);
		memset(out, 0, sizeof(*out));
		return -1;
	}
	/* a bare number takes the condition's kind; another kind is refused
	   ("count >= 3 weeks" is not read as 3) */
	if ((amount_parse(v, AMOUNT_ANY, &a, NULL, 0) == 0 && a.kind != AMOUNT_COUNT &&
	     a.kind != out->kind) ||
	    amount_parse(v, out->kind, &a, why, sizeof(why)) != 0) {
		int n = (int)strlen(v);
		if (amount_parse(v, AMOUNT_ANY, &a, NULL, 0) == 0 && a.kind != AMOUNT_COUNT)
			snprintf(why, sizeof(why), "\"%.*s%s\" is %s, not %s", n > 40 ? 37 : n, v,
				 n > 40 ? "..." : "", amount_kind_phrases[a.kind],
				 amount_kind_phrases[kind]);
		else
			snprintf(why, sizeof(why), "cannot read \"%.*s%s\" as %s", n > 40 ? 37 : n,
				 v, n > 40 ? "..." : "", amount_kind_phrases[kind]);
		if (err != NULL && errlen > 0)
			snprintf(err, errlen, "%s", why);
		*col = (size_t)(v - text);
		memset(out, 0, sizeof(*out));
		return -1;
	}
	out->value = a.value;
	return 1;
}

static bool
amount_cmp_holds(enum amount_cmp cmp, double x, double bound)
{
	/* a figure equal to the bound as written is equal, whatever the binary noise */
	double eps = 1e-9 * fmax(fabs(x), fabs(bound));
	bool eq = fabs(x - bound) <= eps;

	switch (cmp) {
	case AMOUNT_GE:
		return x > bound || eq;
	case AMOUNT_GT:
		return x > bound && !eq;
	case AMOUNT_LE:
		return x < bound || eq;
	case AMOUNT_LT:
		return x < bound && !eq;
	}
	return false;
}

bool
amount_cond_met(const struct amount_cond *c, const struct amount_figure *f)
{
	if (c->kind == AMOUNT_ANY || f->r.lo.kind != c->kind || f->year)
		return false;
	return amount_cmp_holds(c->cmp, f->r.lo.value, c->value) &&
	       amount_cmp_holds(c->cmp, f->r.hi.value, c->value);
}

size_t
amount_cond_format(const struct amount_cond *c, char *buf, size_t len)
{
	char v[AMOUNT_FORMAT_MAX];

	amount_format(c->value, c->kind, v, sizeof(v));
	return (size_t)snprintf(buf, len, "%s %s %s", amount_kind_name(c->kind),
				amount_cmp_text(c->cmp), v);
}

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
    "annually", "annual", "yearly", "monthly", "weekly", "daily", "hourly",
};
static const char *const amount_period_units[] = {
    "annum", "year", "yr", "month", "mo", "week", "wk", "day", "hour", "hr", "h",
};
static const char *const amount_period_lead[] = {"per", "a", "an", "each"};

static const char *const amount_kind_names[] = {
    [AMOUNT_ANY] = "any",	[AMOUNT_MONEY] = "money",   [AMOUNT_PERCENT] = "percent",
    [AMOUNT_COUNT] = "count",	[AMOUNT_WEEKS] = "weeks",   [AMOUNT_HOURS] = "hours",
    [AMOUNT_DAYS] = "days",	[AMOUNT_MONTHS] = "months", [AMOUNT_YEARS] = "years",
    [AMOUNT_POINTS] = "points",
};

/* The kind as a message says it: "cannot read ... as a percent". */
static const char *const amount_kind_phrases[] = {
    [AMOUNT_ANY] = "an amount", [AMOUNT_MONEY] = "money",   [AMOUNT_PERCENT] = "a percent",
    [AMOUNT_COUNT] = "a count", [AMOUNT_WEEKS] = "weeks",   [AMOUNT_HOURS] = "hours",
    [AMOUNT_DAYS] = "days",	[AMOUNT_MONTHS] = "months", [AMOUNT_YEARS] = "years",
    [AMOUNT_POINTS] = "points",
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
 * letter or hyphen follows a word that ends in a letter), returns the end.
 */
static const char *
amount_match_word(const char *s, const char *word)
{
	size_t n = strlen(word);

	if (strncasecmp(s, word, n) != 0)
		return NULL;
	if (amount_is_letter(word[n - 1]) && (amount_is_letter(s[n]) || s[n] == '-'))
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

/* The lexer behind amount_scan and amount_parse. Returns the end or NULL. */
static const char *
amount_lex(const char *text, struct amount_lex *lx)
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
	s = amount_lex_number(s, lx);
	if (s == NULL)
		return NULL;

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
	const char *end = amount_lex(text, &lx);
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
	return NULL;
}

/*
 * amount_parse, and with fraction_rule amount_parse_input: a bare number
 * of at most 1 where a percent is expected is a fraction (*fraction set).
 */
static int
amount_parse_rule(const char *text, enum amount_kind expect, bool fraction_rule,
		  struct amount *out, bool *fraction, char *err, size_t errlen)
{
	struct amount_lex lx;
	const char *s = amount_lex(text, &lx), *e;
	enum amount_kind said, kind;
	bool noun = false;
	int exp10, rc;

	memset(out, 0, sizeof(*out));
	if (s == NULL)
		goto unreadable;
	/* Words after the amount: period phrases, and count nouns. */
	for (;;) {
		s = amount_skip_space(s);
		if ((e = amount_match_period(s)) != NULL) {
			s = e;
			continue;
		}
		if (amount_is_letter(*s) && lx.said == AMOUNT_SAID_NOTHING && !lx.dollar) {
			while (amount_is_letter(*s) || *s == '-')
				s++;
			noun = true;
			continue;
		}
		break;
	}
	if (*s == '.')
		s = amount_skip_space(s + 1);
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (*s != '\0')
		goto unreadable;
	rc = amount_lex_check(&lx);
	if (rc != AMOUNT_SCAN_OK) {
		amount_range_error(err, errlen, text, rc);
		return -1;
	}

	said = noun ? AMOUNT_COUNT : amount_lex_kind(&lx);
	exp10 = lx.mult_exp;
	if (said == AMOUNT_PERCENT)
		exp10 -= 2;
	if (said == AMOUNT_POINTS && expect == AMOUNT_PERCENT) {
		/* "0.8 pts" where a percent is expected: percentage points. */
		said = AMOUNT_PERCENT;
		exp10 -= 2;
	}
	if (expect == AMOUNT_ANY) {
		kind = said == AMOUNT_ANY ? AMOUNT_COUNT : said;
	} else if (said == AMOUNT_ANY) {
		kind = expect;
		if (expect == AMOUNT_PERCENT) {
			struct amount bare;
			amount_lex_value(&lx, exp10, &bare);
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
	if (kind == AMOUNT_PERCENT && lx.mult_exp != 0)
		goto unreadable;
	if (lx.dollar && kind != AMOUNT_MONEY)
		goto unreadable;
	out->kind = kind;
	out->approx = lx.approx;
	amount_lex_value(&lx, exp10, out);
	if (!isfinite(out->value))
		goto unreadable;
	return 0;

unreadable:
	memset(out, 0, sizeof(*out));
	*fraction = false;
	amount_error(err, errlen, text, "an amount", "");
	return -1;
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

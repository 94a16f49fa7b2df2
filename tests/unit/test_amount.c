/* Tests for the amount reader and writer (src/amount.c). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "amount.h"
#include "util.h"

#define ANY AMOUNT_ANY
#define MONEY AMOUNT_MONEY
#define PCT AMOUNT_PERCENT
#define COUNT AMOUNT_COUNT
#define WEEKS AMOUNT_WEEKS
#define HOURS AMOUNT_HOURS
#define DAYS AMOUNT_DAYS
#define MONTHS AMOUNT_MONTHS
#define YEARS AMOUNT_YEARS
#define POINTS AMOUNT_POINTS

/* text read as expect gives value of kind, approx flag, significant digits. */
struct amount_ok_case {
	const char *text;
	enum amount_kind expect;
	double value;
	enum amount_kind kind;
	bool approx;
	int sig;
};

static const struct amount_ok_case amount_ok_cases[] = {
    /* money, all the ways of writing $936K */
    {"$936K", ANY, 936000, MONEY, false, 3},
    {"936k", ANY, 936000, COUNT, false, 3},
    {"936k", MONEY, 936000, MONEY, false, 3},
    {"$936,000", ANY, 936000, MONEY, false, 3},
    {"0.936M", MONEY, 936000, MONEY, false, 3},
    {"$0.94 million", ANY, 940000, MONEY, false, 2},
    {"$936 thousand", ANY, 936000, MONEY, false, 3},
    {"936000", MONEY, 936000, MONEY, false, 3},
    {"936,000 dollars", ANY, 936000, MONEY, false, 3},
    {"936000 USD", ANY, 936000, MONEY, false, 3},
    {"$ 936K", ANY, 936000, MONEY, false, 3},
    {"  $936K  ", ANY, 936000, MONEY, false, 3},
    {"$936K.", ANY, 936000, MONEY, false, 3},
    {"1.2B", MONEY, 1.2e9, MONEY, false, 2},
    {"1.2B", ANY, 1.2e9, COUNT, false, 2},
    {"$1.2bn", ANY, 1.2e9, MONEY, false, 2},
    {"$1.2 billion", ANY, 1.2e9, MONEY, false, 2},
    {"$2.5b", ANY, 2.5e9, MONEY, false, 2},
    {"$45M", ANY, 45e6, MONEY, false, 2},
    {"$45m", ANY, 45e6, MONEY, false, 2},
    {"$45MM", ANY, 45e6, MONEY, false, 2},
    {"$45mm", ANY, 45e6, MONEY, false, 2},
    {"$45 mn", ANY, 45e6, MONEY, false, 2},
    {"$45 mil", ANY, 45e6, MONEY, false, 2},
    {"1.2 million", MONEY, 1.2e6, MONEY, false, 2},
    {"1.2 millions", MONEY, 1.2e6, MONEY, false, 2},
    {"$1.33M", ANY, 1.33e6, MONEY, false, 3},
    {"$1.50M", ANY, 1.5e6, MONEY, false, 3},
    {"$65", ANY, 65, MONEY, false, 2},
    {"$12.75", ANY, 12.75, MONEY, false, 4},
    {"$0.5", ANY, 0.5, MONEY, false, 1},
    {"$.5", ANY, 0.5, MONEY, false, 1},
    {"$1,234,567.89", ANY, 1234567.89, MONEY, false, 9},
    {"$1,200B", ANY, 1.2e12, MONEY, false, 2},
    {"$0", ANY, 0, MONEY, false, 1},
    /* approximations */
    {"~$900K", ANY, 900000, MONEY, true, 1},
    {"~ $900K", ANY, 900000, MONEY, true, 1},
    {"about 1.7M", ANY, 1.7e6, COUNT, true, 2},
    {"about $1.7M", ANY, 1.7e6, MONEY, true, 2},
    {"About $1.7M", MONEY, 1.7e6, MONEY, true, 2},
    {"around 2,400", COUNT, 2400, COUNT, true, 2},
    {"approx. 15%", ANY, 0.15, PCT, true, 2},
    {"approximately $3M", ANY, 3e6, MONEY, true, 1},
    {"roughly 40%", PCT, 0.40, PCT, true, 1},
    {"\xe2\x89\x88 $5M", ANY, 5e6, MONEY, true, 1},
    /* negatives */
    {"-$2.1M", ANY, -2.1e6, MONEY, false, 2},
    {"$-2.1M", ANY, -2.1e6, MONEY, false, 2},
    {"\xe2\x88\x92$2.1M", ANY, -2.1e6, MONEY, false, 2},
    {"- $2.1M", MONEY, -2.1e6, MONEY, false, 2},
    {"-15%", ANY, -0.15, PCT, false, 2},
    {"+18 points", ANY, 18, POINTS, false, 2},
    {"+$5K", ANY, 5000, MONEY, false, 1},
    /* percents */
    {"15%", ANY, 0.15, PCT, false, 2},
    {"15 %", ANY, 0.15, PCT, false, 2},
    {"15", PCT, 0.15, PCT, false, 2},
    {"0.15", PCT, 0.0015, PCT, false, 2},
    {"2.3%", PCT, 0.023, PCT, false, 2},
    {"2.3", PCT, 0.023, PCT, false, 2},
    {"99.95%", PCT, 0.9995, PCT, false, 4},
    {"100%", PCT, 1.0, PCT, false, 1},
    {"0.6%", ANY, 0.006, PCT, false, 1},
    {"15 percent", ANY, 0.15, PCT, false, 2},
    {"15 per cent", ANY, 0.15, PCT, false, 2},
    {"15 pct", ANY, 0.15, PCT, false, 2},
    {"0.8 pp", ANY, 0.008, PCT, false, 1},
    {"0.8 pts", PCT, 0.008, PCT, false, 1},
    {"0.8 percentage points", ANY, 0.008, PCT, false, 1},
    {"56.25%", PCT, 0.5625, PCT, false, 4},
    /* points */
    {"0.8 pts", ANY, 0.8, POINTS, false, 1},
    {"0.8pts", POINTS, 0.8, POINTS, false, 1},
    {"18 points", POINTS, 18, POINTS, false, 2},
    {"1 point", ANY, 1, POINTS, false, 1},
    {"18", POINTS, 18, POINTS, false, 2},
    /* counts */
    {"2,400", ANY, 2400, COUNT, false, 2},
    {"2,400", COUNT, 2400, COUNT, false, 2},
    {"150K", COUNT, 150000, COUNT, false, 2},
    {"1,200 monthly", ANY, 1200, COUNT, false, 2},
    {"12 engineers", COUNT, 12, COUNT, false, 2},
    {"12 engineers", ANY, 12, COUNT, false, 2},
    {"2,400 enterprise accounts", COUNT, 2400, COUNT, false, 2},
    {"240K monthly active", COUNT, 240000, COUNT, false, 2},
    {"0", COUNT, 0, COUNT, false, 1},
    {"007", COUNT, 7, COUNT, false, 1},
    {"1234", COUNT, 1234, COUNT, false, 4},
    {"1234567", ANY, 1234567, COUNT, false, 7},
    {"100", ANY, 100, COUNT, false, 1},
    {"13,350", ANY, 13350, COUNT, false, 4},
    /* time */
    {"3.5 weeks", ANY, 3.5, WEEKS, false, 2},
    {"3.5 weeks", WEEKS, 3.5, WEEKS, false, 2},
    {"3.5", WEEKS, 3.5, WEEKS, false, 2},
    {"1 week", ANY, 1, WEEKS, false, 1},
    {"2wks", ANY, 2, WEEKS, false, 1},
    {"2w", ANY, 2, WEEKS, false, 1},
    {"24 hours", ANY, 24, HOURS, false, 2},
    {"24h", HOURS, 24, HOURS, false, 2},
    {"24 hrs", ANY, 24, HOURS, false, 2},
    {"24 engineer-hours", ANY, 24, HOURS, false, 2},
    {"46,080 hours annually", ANY, 46080, HOURS, false, 4},
    {"5 days", ANY, 5, DAYS, false, 1},
    {"5d", DAYS, 5, DAYS, false, 1},
    {"18 months", ANY, 18, MONTHS, false, 2},
    {"18 mo", ANY, 18, MONTHS, false, 2},
    {"3 years", ANY, 3, YEARS, false, 1},
    {"3 yrs", YEARS, 3, YEARS, false, 1},
    {"3", YEARS, 3, YEARS, false, 1},
    /* period words are ignored */
    {"$5M annually", ANY, 5e6, MONEY, false, 1},
    {"$5M per year", ANY, 5e6, MONEY, false, 1},
    {"$5M a year", MONEY, 5e6, MONEY, false, 1},
    {"$5M/year", ANY, 5e6, MONEY, false, 1},
    {"$5M / yr", ANY, 5e6, MONEY, false, 1},
    {"$78K monthly", ANY, 78000, MONEY, false, 2},
    {"$150/hour", ANY, 150, MONEY, false, 2},
    {"$150 per hour", MONEY, 150, MONEY, false, 2},
    {"$2.8M yearly", ANY, 2.8e6, MONEY, false, 2},
};

static void
test_amount_ok(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(amount_ok_cases); i++) {
		const struct amount_ok_case *c = &amount_ok_cases[i];
		struct amount a;
		char err[160] = "";
		int rc = amount_parse(c->text, c->expect, &a, err, sizeof(err));

		if (rc != 0)
			fail_msg("\"%s\": %s", c->text, err);
		if (fabs(a.value - c->value) > 1e-9 * fabs(c->value) + 1e-15)
			fail_msg("\"%s\": value %.17g, want %.17g", c->text, a.value, c->value);
		if (a.kind != c->kind)
			fail_msg("\"%s\": kind %s, want %s", c->text, amount_kind_name(a.kind),
				 amount_kind_name(c->kind));
		if (a.approx != c->approx)
			fail_msg("\"%s\": approx %d", c->text, a.approx);
		if (a.sig_digits != c->sig)
			fail_msg("\"%s\": sig %d, want %d", c->text, a.sig_digits, c->sig);
	}
}

/* text read as expect is refused with a message containing want. */
struct amount_bad_case {
	const char *text;
	enum amount_kind expect;
	const char *want;
};

static const struct amount_bad_case amount_bad_cases[] = {
    {"1..2M", ANY, "cannot read \"1..2M\" as an amount"},
    {"", ANY, "cannot read \"\" as an amount"},
    {"   ", ANY, "as an amount"},
    {"$", ANY, "cannot read \"$\""},
    {"abc", ANY, "cannot read \"abc\""},
    {"K", ANY, "cannot read \"K\""},
    {"1,2", ANY, "cannot read \"1,2\""},
    {"1,2345", ANY, "cannot read"},
    {"1234,567", ANY, "cannot read"},
    {"1.2.3", ANY, "cannot read"},
    {"12..", ANY, "cannot read"},
    {"--5", ANY, "cannot read"},
    {"$$5", ANY, "cannot read"},
    {"-$-5", ANY, "cannot read"},
    {"15K%", ANY, "cannot read \"15K%\""},
    {"15%%", ANY, "cannot read"},
    {"5 apples 3", ANY, "cannot read"},
    {"$5 engineers", ANY, "cannot read"},
    {"$5 weeks", ANY, "cannot read"},
    {"$5%", ANY, "cannot read"},
    {"15%", MONEY, "cannot read \"15%\" as money: it is a percent"},
    {"3 weeks", MONEY, "as money: it is weeks"},
    {"12 engineers", MONEY, "as money: it is a count"},
    {"$5", PCT, "as a percent: it is money"},
    {"$5", COUNT, "as a count: it is money"},
    {"5 points", WEEKS, "as weeks: it is points"},
    {"2 weeks", PCT, "as a percent: it is weeks"},
    {"18 points", MONEY, "it is points"},
    {"1.2M", PCT, "cannot read"},
    {"15%", COUNT, "as a count: it is a percent"},
    {"1e6", ANY, "cannot read"},
    {"0x10", ANY, "cannot read"},
    {"inf", ANY, "cannot read"},
    {"nan", ANY, "cannot read"},
    {"fiveish", ANY, "cannot read"},
    {"$5M.5", ANY, "cannot read"},
    {"12 engineers 5", COUNT, "cannot read"},
};

static void
test_amount_bad(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(amount_bad_cases); i++) {
		const struct amount_bad_case *c = &amount_bad_cases[i];
		struct amount a;
		char err[160] = "";

		if (amount_parse(c->text, c->expect, &a, err, sizeof(err)) == 0)
			fail_msg("\"%s\" was read as %g", c->text, a.value);
		if (strstr(err, c->want) == NULL)
			fail_msg("\"%s\": message \"%s\" lacks \"%s\"", c->text, err, c->want);
	}
}

static void
test_amount_bad_null_err(void **state)
{
	struct amount a;

	(void)state;
	assert_int_equal(amount_parse("1..2M", ANY, &a, NULL, 0), -1);
}

static void
test_amount_long_input_quoted(void **state)
{
	char text[200], err[120];
	struct amount a;

	(void)state;
	memset(text, 'z', sizeof(text) - 1);
	text[sizeof(text) - 1] = '\0';
	assert_int_equal(amount_parse(text, ANY, &a, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "...\" as an amount"));
}

/* The place value of the last written digit, used by audit. */
struct amount_unit_case {
	const char *text;
	double unit;
};

static const struct amount_unit_case amount_unit_cases[] = {
    {"$45M", 1e6},   {"$1.06M", 1e4}, {"0.6%", 0.001},	      {"1,200", 100},
    {"53 hours", 1}, {"$900K", 1e5},  {"$1.50M", 1e4},	      {"$12.75", 0.01},
    {"0", 1},	     {"56%", 0.01},   {"$0.94 million", 1e4},
};

static void
test_amount_unit(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(amount_unit_cases); i++) {
		struct amount a;

		assert_int_equal(amount_parse(amount_unit_cases[i].text, ANY, &a, NULL, 0), 0);
		if (fabs(a.unit - amount_unit_cases[i].unit) > 1e-9 * amount_unit_cases[i].unit)
			fail_msg("\"%s\": unit %g, want %g", amount_unit_cases[i].text, a.unit,
				 amount_unit_cases[i].unit);
	}
}

static void
test_amount_scan(void **state)
{
	struct amount a;
	size_t used;

	(void)state;
	assert_int_equal(amount_scan("150K x (3.1%", &a, &used), 0);
	assert_int_equal(used, 4);
	assert_true(a.value == 150000 && a.kind == ANY);
	assert_int_equal(amount_scan("3.1% - 2.3%", &a, &used), 0);
	assert_int_equal(used, 4);
	assert_true(fabs(a.value - 0.031) < 1e-15 && a.kind == PCT);
	assert_int_equal(amount_scan("8,760 hours = 53", &a, &used), 0);
	assert_int_equal(used, 11);
	assert_int_equal(a.kind, HOURS);
	assert_int_equal(amount_scan("1,200 monthly", &a, &used), 0);
	assert_int_equal(used, 5);
	assert_int_equal(amount_scan("$2.3M between", &a, &used), 0);
	assert_int_equal(used, 5);
	assert_int_equal(amount_scan("x 12", &a, &used), -1);
	assert_int_equal(used, 0);
}

/* value of kind is written as text. */
struct amount_fmt_case {
	double value;
	enum amount_kind kind;
	const char *text;
};

static const struct amount_fmt_case amount_fmt_cases[] = {
    {1330000, MONEY, "$1.33M"},
    {936000, MONEY, "$936K"},
    {45e6, MONEY, "$45M"},
    {45.05e6, MONEY, "$45M"}, /* an exact half rounds to even, as printf does */
    {45.06e6, MONEY, "$45.1M"},
    {2.46e6, MONEY, "$2.46M"},
    {680.8e6, MONEY, "$681M"},
    {78000, MONEY, "$78K"},
    {187200, MONEY, "$187K"},
    {7372800, MONEY, "$7.37M"},
    {1.2e9, MONEY, "$1.2B"},
    {1.2e12, MONEY, "$1,200B"},
    {999999, MONEY, "$1M"},
    {999.999, MONEY, "$1K"},
    {1000, MONEY, "$1K"},
    {1234, MONEY, "$1.23K"},
    {65, MONEY, "$65"},
    {12.75, MONEY, "$12.75"},
    {0.5, MONEY, "$0.5"},
    {0, MONEY, "$0"},
    {-2.1e6, MONEY, "-$2.1M"},
    {-0.001, MONEY, "$0"},
    {-65, MONEY, "-$65"},
    {1200, COUNT, "1,200"},
    {150000, COUNT, "150,000"},
    {1200000, COUNT, "1,200,000"},
    {52.56, COUNT, "52.56"},
    {13350, ANY, "13,350"},
    {-1200, COUNT, "-1,200"},
    {0.441, PCT, "44.1%"},
    {0.023, PCT, "2.3%"},
    {0.008, PCT, "0.8%"},
    {0.9995, PCT, "99.95%"},
    {0.5625, PCT, "56.25%"},
    {1, PCT, "100%"},
    {0, PCT, "0%"},
    {0.00123, PCT, "0.123%"},
    {3.5, WEEKS, "3.5 weeks"},
    {1, WEEKS, "1 week"},
    {1248, HOURS, "1,248 hours"},
    {1, HOURS, "1 hour"},
    {5, DAYS, "5 days"},
    {18, MONTHS, "18 months"},
    {3, YEARS, "3 years"},
    {18, POINTS, "18 points"},
    {0.8, POINTS, "0.8 points"},
    {NAN, MONEY, "?"},
};

static void
test_amount_format(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(amount_fmt_cases); i++) {
		const struct amount_fmt_case *c = &amount_fmt_cases[i];
		char buf[64];
		size_t n = amount_format(c->value, c->kind, buf, sizeof(buf));

		if (strcmp(buf, c->text) != 0)
			fail_msg("%.17g %s: \"%s\", want \"%s\"", c->value,
				 amount_kind_name(c->kind), buf, c->text);
		assert_int_equal(n, strlen(c->text));
	}
}

static void
test_amount_format_truncates(void **state)
{
	char buf[4];

	(void)state;
	assert_int_equal(amount_format(1330000, MONEY, buf, sizeof(buf)), 6);
	assert_string_equal(buf, "$1.");
	assert_int_equal(amount_format(1330000, MONEY, NULL, 0), 6);
}

/* Every formatted amount reads back to within its rounding. */
static void
test_amount_round_trip(void **state)
{
	static const enum amount_kind kinds[] = {MONEY, PCT, COUNT, WEEKS, HOURS, POINTS};
	static const double values[] = {0.5,	12.75,	 65,	999,   1234,   78000, 936000,
					1.33e6, 45.05e6, 2.1e9, 0.023, 0.9995, 52.56};

	(void)state;
	for (size_t k = 0; k < ARRAY_LEN(kinds); k++) {
		for (size_t i = 0; i < ARRAY_LEN(values); i++) {
			char buf[64];
			struct amount a;
			double v = kinds[k] == PCT ? values[i] / 1000 : values[i];

			amount_format_exact(v, kinds[k], buf, sizeof(buf));
			if (amount_parse(buf, kinds[k], &a, NULL, 0) != 0)
				fail_msg("\"%s\" does not read back", buf);
			if (fabs(a.value - v) > 1e-9 * fabs(v))
				fail_msg("\"%s\" reads back as %.17g, not %.17g", buf, a.value, v);
			if (kinds[k] == MONEY && v < 1)
				continue; /* cents: $0.023 is written $0.02 on purpose */
			amount_format(v, kinds[k], buf, sizeof(buf));
			if (amount_parse(buf, kinds[k], &a, NULL, 0) != 0 ||
			    fabs(a.value - v) > 0.005 * fabs(v))
				fail_msg("\"%s\" is too far from %.17g", buf, v);
		}
	}
}

static void
test_amount_format_exact(void **state)
{
	char buf[64];

	(void)state;
	amount_format_exact(1234000, MONEY, buf, sizeof(buf));
	assert_string_equal(buf, "$1.234M");
	amount_format_exact(150000, COUNT, buf, sizeof(buf));
	assert_string_equal(buf, "150,000");
	amount_format_exact(0.0235, PCT, buf, sizeof(buf));
	assert_string_equal(buf, "2.35%");
	amount_format_exact(0.125, MONEY, buf, sizeof(buf));
	assert_string_equal(buf, "$0.125");
}

/* amount_parse_input: the one rule for a bare number where a percent is
 * expected. Regression: drill calc read attribution=0.8 as 0.8%. */
struct amount_input_case {
	const char *text;
	enum amount_kind expect;
	double value;
	bool fraction; /* read as a fraction */
};

static const struct amount_input_case amount_input_cases[] = {
    {"0.8", PCT, 0.8, true},
    {"1", PCT, 1.0, true},
    {"0", PCT, 0.0, true},
    {"0.023", PCT, 0.023, true},
    {".5", PCT, 0.5, true},
    {"1.0", PCT, 1.0, true},
    {"70", PCT, 0.7, false},
    {"1.5", PCT, 0.015, false},
    {"100", PCT, 1.0, false},
    {"0.8%", PCT, 0.008, false},
    {"70%", PCT, 0.7, false},
    {"150%", PCT, 1.5, false},
    {"0.8 pts", PCT, 0.008, false},
    /* other kinds are read as amount_parse reads them */
    {"0.8", MONEY, 0.8, false},
    {"0.8", COUNT, 0.8, false},
    {"15K", COUNT, 15000, false},
    {"0.5", WEEKS, 0.5, false},
};

static void
test_amount_parse_input(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(amount_input_cases); i++) {
		const struct amount_input_case *c = &amount_input_cases[i];
		struct amount a;
		bool fraction = !c->fraction;
		char err[128] = "";

		if (amount_parse_input(c->text, c->expect, &a, &fraction, err, sizeof(err)) != 0)
			fail_msg("\"%s\": %s", c->text, err);
		if (fabs(a.value - c->value) > 1e-12 || fraction != c->fraction)
			fail_msg("\"%s\": got %.17g%s, want %.17g%s", c->text, a.value,
				 fraction ? " (fraction)" : "", c->value,
				 c->fraction ? " (fraction)" : "");
		assert_int_equal(a.kind, c->expect);
	}
	/* A fraction is the very double its percent gives, so JSON inputs
	 * (fractions) read back unchanged. */
	struct amount a, ref;
	bool fraction;
	assert_int_equal(amount_parse_input("0.023", PCT, &a, &fraction, NULL, 0), 0);
	assert_int_equal(amount_parse("2.3%", PCT, &ref, NULL, 0), 0);
	assert_true(a.value == ref.value);
	/* amount_parse keeps reading a bare number as a percent (number cards). */
	assert_int_equal(amount_parse("0.9", PCT, &a, NULL, 0), 0);
	assert_true(fabs(a.value - 0.009) < 1e-15);
}

static void
test_amount_parse_input_bad(void **state)
{
	(void)state;
	static const char *const bad[] = {"lots", "$0.5", "0.5K", "12 engineers", ""};
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		struct amount a;
		bool fraction = true;
		char err[128] = "";

		assert_int_equal(amount_parse_input(bad[i], PCT, &a, &fraction, err, sizeof(err)),
				 -1);
		assert_false(fraction);
		assert_non_null(strstr(err, "cannot read"));
	}
}

static void
test_amount_fraction_note(void **state)
{
	(void)state;
	char buf[80];

	amount_fraction_note("0.8", 0.8, buf, sizeof(buf));
	assert_string_equal(buf, "0.8 \xe2\x86\x92 80%, read as a fraction");
	amount_fraction_note("0.0235", 0.0235, buf, sizeof(buf));
	assert_string_equal(buf, "0.0235 \xe2\x86\x92 2.35%, read as a fraction");
}

/*
 * Regression: the reader kept the first 47 digits and dropped the rest, so
 * "1" and 60 zeros was read as 1e46, and 60 leading zeros before a 1 as 0.
 * Amounts of 1e15 or more are refused with a message; leading zeros are
 * not digits that count; a number too long to read exactly is refused.
 */
static void
test_amount_range(void **state)
{
	static const struct {
		const char *text;
		enum amount_kind expect;
		const char *want; /* NULL: read as value */
		double value;
	} cases[] = {
	    {"1000000000000000000000000000000000000000000000000000000000000", ANY, "is too large",
	     0},
	    {"1,000,000,000,000,000", COUNT, "is too large", 0},
	    {"1000000000000000", MONEY, "is too large", 0},
	    {"$1,000,000B", ANY, "is too large", 0},
	    {"-$1,000,000B", ANY, "is too large", 0},
	    {"1000000000M", ANY, "is too large", 0},
	    {"$999,999,999,999,999.99", ANY, "is too large", 0}, /* rounds to 1e15 */
	    {"100,000,000,000,000,000%", ANY, "is too large", 0},
	    {"1e15", ANY, "cannot read", 0},
	    {"999,999,999,999,999", COUNT, NULL, 999999999999999.0},
	    {"$999,999.999B", ANY, NULL, 999999999000000.0},
	    {"-$999,999B", ANY, NULL, -999999e9},
	    {"99,999,999,999,999%", ANY, NULL, 999999999999.99},
	    {"0000000000000000000000000000000000000000000000000000000000001", COUNT, NULL, 1},
	    {"000,000,001", COUNT, NULL, 1},
	    {"0.12345678901234567890123456789012345678901", ANY, "more than 40 digits", 0},
	    {"0.0000000000000000000000000000000000000000000001", ANY, "more than 40 digits", 0},
	    {"0.123456789012345678901234567890123456789", ANY, NULL, 0.123456789012345678901},
	};
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct amount a;
		char err[200] = "";
		int rc = amount_parse(cases[i].text, cases[i].expect, &a, err, sizeof(err));

		if (cases[i].want == NULL) {
			if (rc != 0)
				fail_msg("\"%s\": %s", cases[i].text, err);
			if (a.value != cases[i].value &&
			    fabs(a.value - cases[i].value) > 1e-15 * fabs(cases[i].value))
				fail_msg("\"%s\": %.17g, want %.17g", cases[i].text, a.value,
					 cases[i].value);
			continue;
		}
		if (rc == 0)
			fail_msg("\"%s\" was read as %.17g", cases[i].text, a.value);
		if (strstr(err, cases[i].want) == NULL)
			fail_msg("\"%s\": message \"%s\" lacks \"%s\"", cases[i].text, err,
				 cases[i].want);
	}
	{
		struct amount a;
		char err[200];
		assert_int_equal(amount_parse("2,000,000,000,000,000", MONEY, &a, err, sizeof(err)),
				 -1);
		assert_string_equal(err, "\"2,000,000,000,000,000\" is too large: drill works "
					 "with amounts below 1e15 (a quadrillion)");
	}
}

/* amount_scan says why a number is refused, and how long it is. */
static void
test_amount_scan_range(void **state)
{
	struct amount a;
	size_t used;

	(void)state;
	assert_int_equal(amount_scan("1000000000000000000000000000000000000000000000000000000000000 x 1",
				     &a, &used),
			 AMOUNT_SCAN_TOO_LARGE);
	assert_int_equal(used, 61);
	assert_true(a.value == 0);
	assert_int_equal(amount_scan("$2,000T", &a, &used), AMOUNT_SCAN_OK);
	assert_int_equal(amount_scan("$2,000,000B x 3", &a, &used), AMOUNT_SCAN_TOO_LARGE);
	assert_int_equal(used, 11);
	assert_int_equal(amount_scan("0.00000000000000000000000000000000000000000000001", &a, &used),
			 AMOUNT_SCAN_TOO_LONG);
	assert_int_equal(amount_scan("999,999,999,999,999 hours", &a, &used), AMOUNT_SCAN_OK);
	assert_true(a.value == 999999999999999.0);
}

/*
 * Regression: a value written in more than 64 bytes was cut off mid-digit
 * by the callers' buffers ("$1,000,...,000B"). Every value now fits in
 * AMOUNT_FORMAT_MAX bytes: the largest in range in full, larger ones in
 * scientific notation, never cut.
 */
static void
test_amount_format_fits(void **state)
{
	static const double values[] = {
	    0,	   1e-300, 1e-13, 0.123456789012345, 1, 999.995, 999999.5, 123456789012.345,
	    999999999999999.0, 999999999999999.9, 1e15, 1.08e16, 1e60, 1e300, 1.7976931348623157e308,
	};
	static const enum amount_kind kinds[] = {ANY, MONEY, PCT, COUNT, WEEKS, HOURS, DAYS,
						 MONTHS, YEARS, POINTS};
	char buf[AMOUNT_FORMAT_MAX];

	(void)state;
	for (size_t k = 0; k < ARRAY_LEN(kinds); k++)
		for (size_t i = 0; i < ARRAY_LEN(values); i++)
			for (int sign = -1; sign <= 1; sign += 2)
				for (int sig = 0; sig <= 20; sig++) {
					double v = sign * values[i];
					size_t n = amount_format_sig(v, kinds[k], sig, buf, sizeof(buf));
					if (n >= sizeof(buf) || strlen(buf) != n)
						fail_msg("%.17g %s sig %d: %zu bytes, \"%s\"", v,
							 amount_kind_name(kinds[k]), sig, n, buf);
					n = amount_format_exact(v, kinds[k], buf, sizeof(buf));
					assert_true(n < sizeof(buf) && strlen(buf) == n);
				}
	amount_format(1e60, MONEY, buf, sizeof(buf));
	assert_string_equal(buf, "$1e+60");
	amount_format(-1.08e16, MONEY, buf, sizeof(buf));
	assert_string_equal(buf, "-$1.08e+16");
	amount_format(2.5e15, HOURS, buf, sizeof(buf));
	assert_string_equal(buf, "2.5e+15 hours");
	amount_format_exact(999999999999999.0, COUNT, buf, sizeof(buf));
	assert_string_equal(buf, "999,999,999,999,999");
	amount_format_exact(999999999999999.0, MONEY, buf, sizeof(buf));
	assert_string_equal(buf, "$999,999.999999999B");
}

static void
test_amount_kind_names(void **state)
{
	(void)state;
	for (int k = AMOUNT_ANY; k <= AMOUNT_POINTS; k++)
		assert_int_equal(amount_kind_from_name(amount_kind_name((enum amount_kind)k)), k);
	assert_int_equal(amount_kind_from_name("dollars"), -1);
	assert_string_equal(amount_kind_name(AMOUNT_PERCENT), "percent");
}

/* Ranges, bounds, words, ratios and times (issue 12). */
struct amount_range_case {
	const char *text;
	enum amount_kind expect;
	enum amount_shape shape;
	double lo, hi;
	bool open_top;
};

#define ONE AMOUNT_ONE
#define SPAN AMOUNT_SPAN
#define ATLEAST AMOUNT_AT_LEAST
#define UPTO AMOUNT_UP_TO

static const struct amount_range_case amount_range_cases[] = {
    {"$1M-$5M a year", MONEY, SPAN, 1e6, 5e6, false},
    {"between $1M and $5M", MONEY, SPAN, 1e6, 5e6, false},
    {"1-5M", MONEY, SPAN, 1e6, 5e6, false},
    {"$1-5M", MONEY, SPAN, 1e6, 5e6, false},
    {"$1M to $5M a year", MONEY, SPAN, 1e6, 5e6, false},
    {"200-800K", MONEY, SPAN, 2e5, 8e5, false},
    {"$200K\xe2\x80\x93$800K each", MONEY, SPAN, 2e5, 8e5, false},
    {"one to five million", MONEY, SPAN, 1e6, 5e6, false},
    {"between five and fifteen million dollars per story", MONEY, SPAN, 5e6, 15e6, false},
    {"from 10 to 50 million", MONEY, SPAN, 10e6, 50e6, false},
    {"500K-2M", MONEY, SPAN, 5e5, 2e6, false},
    {"500-2M", MONEY, SPAN, 5e5, 2e6, false},
    {"between five hundred and two million", MONEY, SPAN, 5e5, 2e6, false},
    {"between two hundred and eight hundred thousand", MONEY, SPAN, 2e5, 8e5, false},
    {"two hundred and eight", COUNT, ONE, 208, 208, false},
    {"half a million to two million", MONEY, SPAN, 5e5, 2e6, false},
    {"$10M+", MONEY, ATLEAST, 10e6, 10e6, false},
    {"50+", COUNT, ATLEAST, 50, 50, false},
    {"at least 50", COUNT, ATLEAST, 50, 50, false},
    {"over $50M", MONEY, ATLEAST, 50e6, 50e6, false},
    {"more than $10M", MONEY, ATLEAST, 10e6, 10e6, false},
    {"50 or more engineers", COUNT, ATLEAST, 50, 50, false},
    {"up to $8M", MONEY, UPTO, 8e6, 8e6, false},
    {"50-150+ engineers", COUNT, SPAN, 50, 150, true},
    {"15 to 50 engineers", COUNT, SPAN, 15, 50, false},
    {"3 or 4", COUNT, SPAN, 3, 4, false},
    {"fifteen", COUNT, ONE, 15, 15, false},
    {"forty-five seconds", AMOUNT_SECONDS, ONE, 45, 45, false},
    {"a hundred and twenty", COUNT, ONE, 120, 120, false},
    {"a dozen", COUNT, ONE, 12, 12, false},
    {"ten million dollars", MONEY, ONE, 10e6, 10e6, false},
    {"4/5", PCT, ONE, 0.8, 0.8, false},
    {"4 out of 5", PCT, ONE, 0.8, 0.8, false},
    {"four out of five", PCT, ONE, 0.8, 0.8, false},
    {"4 out of 5", COUNT, ONE, 4, 4, false},
    {"six months", MONTHS, ONE, 6, 6, false},
    {"ten days", DAYS, ONE, 10, 10, false},
    {"2-3 years", YEARS, SPAN, 2, 3, false},
    {"1.5-2.5 years", MONTHS, SPAN, 18, 30, false},
    {"half an hour", AMOUNT_MINUTES, ONE, 30, 30, false},
    {"1.5 to 2 minutes", AMOUNT_SECONDS, SPAN, 90, 120, false},
    {"60-90%", PCT, SPAN, 0.6, 0.9, false},
    {"70 to 89 percent", PCT, SPAN, 0.7, 0.89, false},
    {"seventy percent", PCT, ONE, 0.7, 0.7, false},
    {"one and a half million", MONEY, ONE, 1.5e6, 1.5e6, false},
    {"300 seconds", COUNT, ONE, 300, 300, false},
    {"1 min to 1 min 15 sec", AMOUNT_SECONDS, SPAN, 60, 75, false},
    {"a year and a half to two and a half years", MONTHS, SPAN, 18, 30, false},
    {"2 years and 6 months", MONTHS, ONE, 30, 30, false},
    {"half", PCT, ONE, 0.5, 0.5, false},
    {"thirty-one point two million", MONEY, ONE, 31.2e6, 31.2e6, false},
    {"one point five", COUNT, ONE, 1.5, 1.5, false},
    {"tripled", COUNT, ONE, 3, 3, false},
    {"three quarters of a minute", AMOUNT_SECONDS, ONE, 45, 45, false},
    {"nine tenths of a point", POINTS, ONE, 0.9, 0.9, false},
    {"two thirds", PCT, ONE, 2.0 / 3, 2.0 / 3, false},
    {"one thousand two hundred forty-eight hours", HOURS, ONE, 1248, 1248, false},
    {"from ten million up to fifty million", MONEY, SPAN, 10e6, 50e6, false},
    {"one minute to a minute and a quarter", AMOUNT_SECONDS, SPAN, 60, 75, false},
    {"forty-five seconds to a full minute", AMOUNT_SECONDS, SPAN, 45, 60, false},
    {"50 to 100+ million dollars", MONEY, SPAN, 50e6, 100e6, true},
    {"100+ million", MONEY, ATLEAST, 100e6, 100e6, false},
    {"half a million", MONEY, ONE, 5e5, 5e5, false},
};

static void
test_amount_ranges(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(amount_range_cases); i++) {
		const struct amount_range_case *c = &amount_range_cases[i];
		struct amount_range r;
		char err[160] = "";

		if (amount_parse_range(c->text, c->expect, &r, err, sizeof(err)) != 0)
			fail_msg("\"%s\": %s", c->text, err);
		if (r.shape != c->shape || r.open_top != c->open_top ||
		    fabs(r.lo.value - c->lo) > 1e-9 * fabs(c->lo) ||
		    fabs(r.hi.value - c->hi) > 1e-9 * fabs(c->hi))
			fail_msg("\"%s\": shape %d %g-%g open_top %d, want shape %d %g-%g open_top %d",
				 c->text, r.shape, r.lo.value, r.hi.value, r.open_top, c->shape, c->lo,
				 c->hi, c->open_top);
	}
}

static void
test_amount_range_bad(void **state)
{
	static const struct {
		const char *text;
		enum amount_kind expect;
	} bad[] = {
	    {"lots of money", MONEY}, {"between 1 and", COUNT}, {"$1M-5 weeks", MONEY},
	    {"one-time", COUNT},      {"5 apples 6", COUNT},    {"", MONEY},
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		struct amount_range r;
		char err[160] = "";

		if (amount_parse_range(bad[i].text, bad[i].expect, &r, err, sizeof(err)) == 0)
			fail_msg("\"%s\" was read as %g-%g", bad[i].text, r.lo.value, r.hi.value);
		assert_non_null(strstr(err, "cannot read"));
	}
}

/* The one figure of a sentence; several different figures are refused. */
static void
test_amount_find_range(void **state)
{
	struct amount_range r;
	char err[200] = "";

	(void)state;
	assert_int_equal(amount_find_range("I'd say roughly $1M a year for L6", MONEY, &r, err,
					   sizeof(err)),
			 0);
	assert_true(r.shape == AMOUNT_ONE && r.lo.value == 1e6);
	assert_int_equal(amount_find_range("it took the team 6 months", MONTHS, &r, err,
					   sizeof(err)),
			 0);
	assert_true(r.lo.value == 6);
	/* "2 years" is not money; "L7" is not a figure. */
	assert_int_equal(amount_find_range("L7 needs $10M+ over 2 years", MONEY, &r, err,
					   sizeof(err)),
			 0);
	assert_true(r.shape == AMOUNT_AT_LEAST && r.lo.value == 10e6);
	/* Digits win over words. */
	assert_int_equal(amount_find_range("the one figure is $5M", MONEY, &r, err, sizeof(err)),
			 0);
	assert_true(r.lo.value == 5e6);
	assert_int_equal(amount_find_range("$1M for L6, $10M for L7", MONEY, &r, err, sizeof(err)),
			 -1);
	assert_string_equal(err, "the answer gives more than one figure ($1M, $10M): type the one you mean");
	/* Working shown: the figure after "so" is the answer. */
	assert_int_equal(amount_find_range("$50K a month, so $600,000 a year", MONEY, &r, err,
					   sizeof(err)),
			 0);
	assert_true(r.lo.value == 6e5);
	/* The same figure said twice; the exact one is kept. */
	assert_int_equal(amount_find_range("$680,800,000, about 0.68 billion", MONEY, &r, err,
					   sizeof(err)),
			 0);
	assert_true(r.lo.value == 680.8e6);
	/* A bare number before a noun counts things, where money is asked. */
	assert_int_equal(amount_find_range("one initiative growing revenue by fifteen to thirty "
					   "million dollars",
					   MONEY, &r, err, sizeof(err)),
			 0);
	assert_true(r.shape == AMOUNT_SPAN && r.lo.value == 15e6 && r.hi.value == 30e6);
	/* Brackets hold working or a restatement. */
	assert_int_equal(amount_find_range("600K per year (50K a month x 12)", MONEY, &r, err,
					   sizeof(err)),
			 0);
	assert_true(r.lo.value == 6e5);
	assert_int_equal(amount_find_range("about 70% (70/30 split)", PCT, &r, err, sizeof(err)), 0);
	assert_true(fabs(r.lo.value - 0.7) < 1e-12);
	assert_int_equal(amount_find_range("half of it", PCT, &r, err, sizeof(err)), 0);
	assert_true(r.lo.value == 0.5);
	assert_int_equal(amount_find_range("no idea", MONEY, &r, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "cannot read \"no idea\""));
}

/* Every figure of a text, in order, in the kind its text names. */
static void
test_amount_next_figure(void **state)
{
	static const struct {
		const char *text;
		const char *figs; /* "kind lo hi year" per figure, "; " between */
	} cases[] = {
	    /* issue 14: "$42 million" read as money, not cut by "in 2023" */
	    {"We saved $42 million in 2023, about 15 percent of spend.",
	     "money 42000000 42000000 0; count 2023 2023 1; percent 0.15 0.15 0"},
	    {"forty-two million dollars", "money 42000000 42000000 0"},
	    {"between $1M and $5M, then $1-5M a year, then over $10M",
	     "money 1000000 5000000 0; money 1000000 5000000 0; money 10000000 10000000 0"},
	    {"12 engineers in 3 teams for 3.5 weeks",
	     "count 12 12 0; count 3 3 0; weeks 3.5 3.5 0"},
	    /* years: after a word that leads one, or alone; a count before a noun */
	    {"From 2019 to 2021 we grew to 2000 customers; Q3 2024.",
	     "count 2019 2021 1; count 2000 2000 0; count 2024 2024 1"},
	    {"4 out of 5 teams", "percent 0.8 0.8 0"},
	    /* not figures: labels, a ratio over 1, text that is not an amount */
	    {"L6 and Q3, 24/7", "count 7 7 0"},
	    {"no figures here", ""},
	    {"", ""},
	};
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct sbuf got = {0};
		struct amount_figure f;
		size_t pos = 0, len = strlen(cases[i].text), last = 0;
		while (amount_next_figure(cases[i].text, len, &pos, &f)) {
			assert_true(f.start >= last && f.start < f.end && f.end <= len);
			assert_true(pos >= f.end);
			last = f.end;
			sbuf_printf(&got, "%s%s %.10g %.10g %d", got.len ? "; " : "",
				    amount_kind_name(f.r.lo.kind), f.r.lo.value, f.r.hi.value,
				    f.year);
		}
		assert_int_equal(pos, len);
		if (strcmp(got.buf ? got.buf : "", cases[i].figs) != 0)
			fail_msg("\"%s\":\n got: %s\nwant: %s", cases[i].text,
				 got.buf ? got.buf : "", cases[i].figs);
		sbuf_free(&got);
	}
}

/* Amount conditions: read, refused with where and why, met or not. */
static void
test_amount_cond(void **state)
{
	static const struct {
		const char *text;
		int rc;
		enum amount_kind kind;
		enum amount_cmp cmp;
		double value;
		size_t col;	 /* for rc -1 */
		const char *err; /* for rc -1: a part of the message */
	} cases[] = {
	    {"money >= $10M", 1, MONEY, AMOUNT_GE, 10e6, 0, NULL},
	    {"  money>$10 million", 1, MONEY, AMOUNT_GT, 10e6, 0, NULL},
	    {"percent <= 15%", 1, PCT, AMOUNT_LE, 0.15, 0, NULL},
	    {"percent < 15", 1, PCT, AMOUNT_LT, 0.15, 0, NULL},
	    {"count >= 3", 1, COUNT, AMOUNT_GE, 3, 0, NULL},
	    /* patterns, not conditions */
	    {"\\$\\s?\\d{2,}\\s?m\\b", 0, ANY, AMOUNT_GE, 0, 0, NULL},
	    {"money|revenue", 0, ANY, AMOUNT_GE, 0, 0, NULL},
	    {">= $10M", 0, ANY, AMOUNT_GE, 0, 0, NULL},
	    /* conditions that cannot be read */
	    {"dollars >= $10M", -1, ANY, AMOUNT_GE, 0, 0, "not \"dollars\""},
	    {"money >= lots", -1, ANY, AMOUNT_GE, 0, 9, "cannot read \"lots\" as money"},
	    {"money >=", -1, ANY, AMOUNT_GE, 0, 8, "needs an amount"},
	    {"percent > $5M", -1, ANY, AMOUNT_GE, 0, 10, "\"$5M\" is money, not a percent"},
	    {"count >= 3 weeks", -1, ANY, AMOUNT_GE, 0, 9, "\"3 weeks\" is weeks, not a count"},
	};
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct amount_cond c;
		char err[200] = "";
		size_t col = 99;
		int rc = amount_cond_parse(cases[i].text, &c, err, sizeof(err), &col);
		if (rc != cases[i].rc)
			fail_msg("\"%s\": rc %d, want %d (%s)", cases[i].text, rc, cases[i].rc,
				 err);
		if (rc == 1) {
			assert_int_equal(c.kind, cases[i].kind);
			assert_int_equal(c.cmp, cases[i].cmp);
			assert_true(fabs(c.value - cases[i].value) < 1e-9 * cases[i].value);
		} else {
			assert_int_equal(c.kind, ANY);
		}
		if (rc < 0) {
			if (col != cases[i].col || strstr(err, cases[i].err) == NULL)
				fail_msg("\"%s\": col %zu, want %zu; \"%s\" lacks \"%s\"",
					 cases[i].text, col, cases[i].col, err, cases[i].err);
		}
	}
}

/* Whether a figure meets a condition. */
static void
test_amount_cond_met(void **state)
{
	static const struct {
		const char *cond;
		const char *text; /* its first figure is checked */
		bool met;
	} cases[] = {
	    /* issue 14: a key point "above $10M" missed "$42 million" */
	    {"money >= $10M", "$42 million", true},
	    {"money >= $10M", "42 million dollars", true},
	    {"money >= $10M", "$10M", true},
	    {"money > $10M", "$10M", false},
	    {"money >= $10M", "$9.5M", false},
	    {"money >= $10M", "42 million", false}, /* a count, not money */
	    {"money >= $10M", "$8M-$12M", false},   /* both ends must meet it */
	    {"money >= $10M", "$10-12M", true},
	    {"money < $1M", "$936K", true},
	    {"percent >= 15%", "about 15 percent", true},
	    {"percent >= 15%", "14.9%", false},
	    {"percent <= 5%", "$5", false},
	    {"count >= 3", "3 teams", true},
	    {"count >= 3", "in 2023", false}, /* a year is not a count */
	    {"count >= 1000", "2000 customers", true},
	};
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct amount_cond c;
		struct amount_figure f;
		char err[200];
		size_t col, pos = 0;
		assert_int_equal(amount_cond_parse(cases[i].cond, &c, err, sizeof(err), &col), 1);
		assert_true(amount_next_figure(cases[i].text, strlen(cases[i].text), &pos, &f));
		if (amount_cond_met(&c, &f) != cases[i].met)
			fail_msg("%s on \"%s\": want %s", cases[i].cond, cases[i].text,
				 cases[i].met ? "met" : "not met");
	}
	{
		struct amount_cond c;
		char buf[64], err[200];
		size_t col;
		assert_int_equal(amount_cond_parse("money>=10000000", &c, err, sizeof(err), &col),
				 1);
		amount_cond_format(&c, buf, sizeof(buf));
		assert_string_equal(buf, "money >= $10M");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_amount_ok),
	    cmocka_unit_test(test_amount_ranges),
	    cmocka_unit_test(test_amount_range_bad),
	    cmocka_unit_test(test_amount_find_range),
	    cmocka_unit_test(test_amount_bad),
	    cmocka_unit_test(test_amount_bad_null_err),
	    cmocka_unit_test(test_amount_long_input_quoted),
	    cmocka_unit_test(test_amount_unit),
	    cmocka_unit_test(test_amount_scan),
	    cmocka_unit_test(test_amount_format),
	    cmocka_unit_test(test_amount_format_truncates),
	    cmocka_unit_test(test_amount_round_trip),
	    cmocka_unit_test(test_amount_format_exact),
	    cmocka_unit_test(test_amount_parse_input),
	    cmocka_unit_test(test_amount_parse_input_bad),
	    cmocka_unit_test(test_amount_fraction_note),
	    cmocka_unit_test(test_amount_range),
	    cmocka_unit_test(test_amount_scan_range),
	    cmocka_unit_test(test_amount_format_fits),
	    cmocka_unit_test(test_amount_kind_names),
	    cmocka_unit_test(test_amount_next_figure),
	    cmocka_unit_test(test_amount_cond),
	    cmocka_unit_test(test_amount_cond_met),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * amount: reads and writes the amounts people type and packets print
 * ("$936K", "0.94M", "1,200", "15%", "3.5 weeks", "-$2.1M").
 *
 * Owns: the amount grammar and the packet-style formatting. Pure: no I/O,
 * no globals, no allocation beyond what the caller passes in.
 * Used by the deck parser, the answer checker, the impact engine, audit,
 * the coach and the command line.
 */
#ifndef DRILL_AMOUNT_H
#define DRILL_AMOUNT_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The range of amounts: drill reads and computes amounts below AMOUNT_MAX
 * in magnitude, 1e15 (a quadrillion). A larger figure is refused with a
 * message that ends in AMOUNT_MAX_TEXT, never rounded or cut short: every
 * whole number below it is exact in a double. A number is written with at
 * most AMOUNT_MAX_DIGITS digits (leading zeros of the whole part aside).
 */
#define AMOUNT_MAX 1e15
#define AMOUNT_MAX_TEXT "drill works with amounts below 1e15 (a quadrillion)"
#define AMOUNT_MAX_DIGITS 40

/*
 * Bytes, with the NUL, that amount_format, amount_format_sig and
 * amount_format_exact ever need, for any value: a buffer this long never
 * truncates. (Below AMOUNT_MAX the longest text is about 40 bytes; larger
 * values, which the reader and the engine refuse, are written in
 * scientific notation, "$1.2e+16".)
 */
#define AMOUNT_FORMAT_MAX 64

/* What an amount measures. AMOUNT_ANY: the reader decides from the text. */
enum amount_kind {
	AMOUNT_ANY = 0,
	AMOUNT_MONEY,   /* dollars */
	AMOUNT_PERCENT, /* stored as a fraction: 15% -> 0.15 */
	AMOUNT_COUNT,   /* plain number of things */
	AMOUNT_WEEKS,
	AMOUNT_HOURS,
	AMOUNT_DAYS,
	AMOUNT_MONTHS,
	AMOUNT_YEARS,
	AMOUNT_POINTS, /* NPS or rating points, "0.8 pts" */
	AMOUNT_SECONDS,
	AMOUNT_MINUTES
};

/* Whether kind is a length of time (seconds to years). */
bool amount_kind_is_time(enum amount_kind kind);

struct amount {
	double value;          /* base units: dollars, fraction, count, ... */
	enum amount_kind kind; /* what the text said, or the expected kind */
	bool approx;           /* written with "~", "about", "around", "approx" */
	int sig_digits;        /* significant digits as written ("$45M" -> 2) */
	double unit;           /* place value of the last significant digit as
				  written, in base units: "$45M" -> 1e6,
				  "$1.06M" -> 1e4, "0.6%" -> 0.001, "1,200" -> 100 */
	bool converted;        /* written in another unit of time and converted:
				  "1.5 years" where months were expected. Months
				  and years have no fixed length in days, so a
				  conversion between them and days or weeks is
				  approximate (a month is 30.44 days here) */
};

/*
 * A figure as a person answers a question: one amount, a span ("1-5M",
 * "between $1M and $5M", "one to five million"), an open lower bound
 * ("$10M+", "at least 50", "over $50M", "more than $10M") or an upper
 * bound ("up to $8M", "at most 5").
 */
enum amount_shape {
	AMOUNT_ONE,
	AMOUNT_SPAN,
	AMOUNT_AT_LEAST,
	AMOUNT_UP_TO
};

struct amount_range {
	enum amount_shape shape;
	struct amount lo; /* the amount, the low end of a span, or the bound */
	struct amount hi; /* the high end of a span; otherwise equal to lo */
	bool open_top;    /* a span written open at the top: "50-150+" */
};

/*
 * Reads text as an amount of kind expect. With AMOUNT_PERCENT a bare number
 * is a percentage ("15" -> 0.15). Returns 0 and fills *out, or -1 and writes
 * a message that quotes the input into err (e.g. cannot read "1..2M" as an
 * amount; "2000T" is too large: AMOUNT_MAX_TEXT). err may be NULL. The
 * number as written, with its multiplier, must be below AMOUNT_MAX ("1e15%"
 * is refused too, though it is 1e13 as a fraction).
 */
int amount_parse(const char *text, enum amount_kind expect, struct amount *out,
		 char *err, size_t errlen);

/*
 * amount_parse for an answer that may be a range (struct amount_range):
 * the whole text is one figure. Both ends take the expected kind, and a
 * unit or multiplier written once applies to both ("200-800K", "$1-5M",
 * "2-3 years", "60-90%"). lo <= hi. Returns 0 or -1 with a message.
 */
int amount_parse_range(const char *text, enum amount_kind expect, struct amount_range *out,
		       char *err, size_t errlen);

/*
 * The figure in a sentence: "I'd say roughly $1M a year for L6",
 * "it took 6 months". Reads the text as amount_parse_range does when it
 * can; otherwise finds every figure that starts a word and reads as the
 * expected kind ("L6" is not a figure; "2 years" is none where money is
 * expected). Figures written in digits win over figures in words ("one").
 * Returns 0 when there is exactly one (or every one found is the same),
 * or -1 with a message: no figure (the message of amount_parse_range), or
 * several ("the answer gives more than one figure ($1M, $10M): type the
 * one you mean").
 */
int amount_find_range(const char *text, enum amount_kind expect, struct amount_range *out,
		      char *err, size_t errlen);

/* Writes r the way a packet would: "$1M", "$1M-$5M", "50+", "up to $8M". */
size_t amount_range_format(const struct amount_range *r, enum amount_kind kind, char *buf,
			   size_t len);

/*
 * Reads the value a person gives for a named input of a calculation
 * (drill calc name=value; one rule for every such input, so that it can
 * never read the same text two ways). As amount_parse, except where a
 * percent is expected: a bare number (no "%" or other unit) of at most 1
 * is a fraction ("0.8" -> 0.8, 80%; "1" -> 100%) and sets *fraction, so
 * that the caller says how it was read (amount_fraction_note); a bare
 * number above 1 is a percent ("70" -> 0.7). Answers to number cards keep
 * amount_parse ("0.9" is 0.9%).
 */
int amount_parse_input(const char *text, enum amount_kind expect, struct amount *out,
		       bool *fraction, char *err, size_t errlen);

/*
 * The note for an input that amount_parse_input read as a fraction:
 * "0.8 → 80%, read as a fraction" (text as typed, value the fraction).
 * Returns the length the full text needs, as snprintf does.
 */
size_t amount_fraction_note(const char *text, double value, char *buf, size_t len);

/*
 * Writes value the way a promotion packet would: "$1.33M", "$936K", "1,200",
 * "44.1%", "3.5 weeks". Returns the length that the full text needs (as
 * snprintf does), always below AMOUNT_FORMAT_MAX; buf is always
 * NUL-terminated when len > 0.
 */
size_t amount_format(double value, enum amount_kind kind, char *buf, size_t len);

/*
 * Significant digits as written: leading zeros never count; trailing zeros
 * count after a decimal point ("1.50" -> 3) and not in a whole number
 * ("1,200" -> 2, "$900K" -> 1); "0" has one.
 *
 * amount_scan reads the amount at the start of text and stops there,
 * reporting the bytes it used in *used: an optional "~", sign and "$", the
 * number, a multiplier (K, M, B, thousand, million, billion, ...) and a
 * unit it knows ("%", "pts", "weeks", "hours", ...), never other words.
 * out->kind is AMOUNT_ANY when the text names no kind (a bare number); a
 * "%" is already divided by 100. Returns AMOUNT_SCAN_OK, or why not (then
 * *out is zero; with TOO_LARGE and TOO_LONG *used still spans the number,
 * for a message that quotes it). Used by audit to read numbers inside
 * arithmetic.
 */
enum amount_scan_status {
	AMOUNT_SCAN_OK = 0,
	AMOUNT_SCAN_NONE = -1,	    /* text does not start with a number */
	AMOUNT_SCAN_TOO_LARGE = -2, /* AMOUNT_MAX or more, as written */
	AMOUNT_SCAN_TOO_LONG = -3   /* more than AMOUNT_MAX_DIGITS digits */
};
int amount_scan(const char *text, struct amount *out, size_t *used);

/*
 * amount_format with sig significant digits (sig from 1 to 17; others are
 * taken as the nearest) for money in thousands and above and for percents
 * below 1%; other values keep up to max(2, sig - integer digits) decimals
 * (12 at most), trailing zeros trimmed.
 */
size_t amount_format_sig(double value, enum amount_kind kind, int sig, char *buf,
			 size_t len);

/*
 * The shortest amount_format_sig text (3 significant digits or more) that
 * amount_parse reads back as value; for showing drawn inputs exactly.
 */
size_t amount_format_exact(double value, enum amount_kind kind, char *buf,
			   size_t len);

/* x with binary noise rounded away (12 significant digits):
 * 1200.0000000000002 -> 1200. Zero and non-finite values are returned as is. */
double amount_clean(double x);

/* "money", "percent", ... and back; amount_kind_from_name returns -1 if unknown. */
const char *amount_kind_name(enum amount_kind kind);
int amount_kind_from_name(const char *name);

/*
 * One figure of a text, as amount_next_figure finds it.
 */
struct amount_figure {
	struct amount_range r; /* the figure in the kind its text names: money
				  ("$", "dollars"), percent ("%", "percent", a
				  ratio "3 of 4"), a time with its unit, points,
				  else a count; never AMOUNT_ANY */
	size_t start, end;     /* its bytes in the text, [start, end) */
	bool digits;	       /* written with a digit, not in words only */
	bool year;	       /* a bare count read as a year: four digits from
				  1900 to 2099 after "in", "since", a month ...
				  or with no word after them ("in 2023",
				  "since 2019", "Q3 2024"; not "2000 customers") */
};

/*
 * The next figure of text[0..len) at or after *pos (0 to start), read the
 * way amount_find_range reads each figure of a sentence: digits or words,
 * a span or a bound ("$42 million", "42 million dollars", "15 percent",
 * "between $1M and $5M", "over $10M", "forty-two"), starting a word and
 * ending one. text must be NUL-terminated at len. Returns true with *out
 * set and *pos moved past it, or false (*pos = len) when there is none.
 * Each call reads only as far as the next figure: a loop over a text is
 * one pass.
 */
bool amount_next_figure(const char *text, size_t len, size_t *pos, struct amount_figure *out);

/* A comparison in an amount condition. */
enum amount_cmp { AMOUNT_GE, AMOUNT_GT, AMOUNT_LE, AMOUNT_LT };

/*
 * A condition a figure may meet: "money >= $10M", "percent > 5%",
 * "count >= 3". kind AMOUNT_ANY means no condition.
 */
struct amount_cond {
	enum amount_kind kind; /* AMOUNT_MONEY, AMOUNT_PERCENT or AMOUNT_COUNT */
	enum amount_cmp cmp;
	double value; /* base units: dollars, a fraction (15% -> 0.15), a count */
};

/*
 * Reads text as "KIND OP AMOUNT": KIND money, percent or count; OP >=, >,
 * <= or <; AMOUNT read by amount_parse as KIND ("$10M", "15%", "3").
 * Returns 1 with *out set; 0 when text is not written as a condition at
 * all (it does not open with a word and a comparison), so the caller may
 * read it another way; -1 when it is one but cannot be read (an unknown
 * kind, no amount, an amount that is not of the kind), with a message in
 * err and in *col the byte offset in text the message is about.
 */
int amount_cond_parse(const char *text, struct amount_cond *out, char *err, size_t errlen,
		      size_t *col);

/*
 * Whether figure f meets condition c: it is of c's kind (a year is not a
 * count) and every value it states compares true (both ends of a span:
 * "$8M-$12M" is not ">= $10M").
 */
bool amount_cond_met(const struct amount_cond *c, const struct amount_figure *f);

/* Writes c as a deck does: "money >= $10M". Returns what snprintf returns. */
size_t amount_cond_format(const struct amount_cond *c, char *buf, size_t len);

#endif

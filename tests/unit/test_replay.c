/*
 * Tests for replay, the reader of `drill fsrs replay`'s input: records,
 * the card table, local days, and the messages about bad lines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsrs.h"
#include "replay.h"
#include "rng.h"
#include "util.h"

static struct replay *
test_replay_parse(const char *text, size_t *nbad)
{
	struct replay *r = NULL;

	*nbad = replay_parse(text, strlen(text), 0, NULL, NULL, &r);
	assert_non_null(r);
	return r;
}

static void
test_good_input(void **state)
{
	const char *in = "# a history\r\n\n"
			 "a\t1700000000\t3\r\n"
			 "b c\t-86401\t1\n"
			 "a\t1700000000\t4\n"
			 "a\t1700086400\t2"; /* no final newline */
	size_t nbad;
	struct replay *r = test_replay_parse(in, &nbad);
	(void)state;

	assert_int_equal(nbad, 0);
	assert_int_equal(r->nerrors, 0);
	assert_int_equal(r->nrecs, 4);
	assert_int_equal(r->ncards, 2);
	assert_string_equal(r->cards[0].id, "a");
	assert_string_equal(r->cards[1].id, "b c");
	assert_int_equal(r->recs[0].card, 0);
	assert_int_equal(r->recs[1].card, 1);
	assert_int_equal(r->recs[3].card, 0);
	assert_int_equal(r->recs[1].secs, -86401);
	assert_int_equal(r->recs[1].day, -2); /* days are floored, UTC here */
	assert_int_equal(r->recs[1].rating, 1);
	assert_int_equal(r->recs[0].day, 1700000000 / 86400);
	assert_int_equal(r->recs[3].day, r->recs[0].day + 1);
	assert_int_equal(r->cards[0].last_line, 6);
	replay_free(r);
	replay_free(NULL);
}

static const struct {
	const char *in;
	const char *msg; /* the only message, for line 1 unless at is set */
	size_t at;
	size_t len; /* of in; 0: strlen */
} replay_bad[] = {
    {"a\t1\t5\n", "rating \"5\" is not 1 (again), 2 (hard), 3 (good) or 4 (easy)", 0, 0},
    {"a\t1\n", "expected 3 tab-separated fields (card_id, unix_seconds, rating), found 2", 0, 0},
    {"a\t1\t2\t3\t4\t5\n",
     "expected 3 tab-separated fields (card_id, unix_seconds, rating), found at least 4", 0, 0},
    {"\t1\t2\n", "card_id must be 1 to 256 bytes", 0, 0},
    {"a\x7f\t1\t2\n", "card_id contains a control character", 0, 0},
    {"a\t+1\t2\n", "unix_seconds \"+1\" is not a whole number of seconds between years 1 and 9999",
     0, 0},
    {"a\t253402300800\t2\n",
     "unix_seconds \"253402300800\" is not a whole number of seconds between years 1 and 9999", 0,
     0},
    {"a\t99999999999999999999\t2\n",
     "unix_seconds \"99999999999999999999\" is not a whole number of seconds between years 1 "
     "and 9999",
     0, 0},
    {"a\t1\t3x\n", "rating \"3x\" is not 1 (again), 2 (hard), 3 (good) or 4 (easy)", 0, 0},
    {"a\t10\t3\n# x\na\t9\t3\n", "card \"a\" at 9 is earlier than its review on line 1", 3, 0},
    {"a\t1\t\0003\n", "contains a NUL byte; the history must be text", 0, 7},
};

static void
test_bad_lines(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(replay_bad); i++) {
		size_t len = replay_bad[i].len ? replay_bad[i].len : strlen(replay_bad[i].in);
		struct replay *r = NULL;

		assert_int_equal(replay_parse(replay_bad[i].in, len, 4, NULL, NULL, &r), 1);
		assert_int_equal(r->nerrors, 1);
		assert_int_equal(r->errors[0].line, replay_bad[i].at ? replay_bad[i].at : 1);
		if (strcmp(r->errors[0].msg, replay_bad[i].msg) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, r->errors[0].msg,
				 replay_bad[i].msg);
		replay_free(r);
	}
}

/* Only the first REPLAY_MAX_ERRORS messages are kept; every bad line is counted. */
static void
test_many_bad_lines(void **state)
{
	struct sbuf b = {0};
	size_t nbad;
	(void)state;

	for (int i = 0; i < 120; i++)
		sbuf_printf(&b, "%s\n", i % 2 ? "x\t1\t0" : "x\t1\t1");
	struct replay *r = test_replay_parse(b.buf, &nbad);
	assert_int_equal(nbad, 60);
	assert_int_equal(r->nbad, 60);
	assert_int_equal(r->nerrors, REPLAY_MAX_ERRORS);
	assert_int_equal(r->errors[0].line, 2);
	assert_int_equal(r->errors[REPLAY_MAX_ERRORS - 1].line, 100);
	assert_int_equal(r->nrecs, 60);
	replay_free(r);
	sbuf_free(&b);
}

/* The table keeps every card apart when it grows past its first size. */
static void
test_many_cards(void **state)
{
	struct sbuf b = {0};
	size_t nbad;
	(void)state;

	for (int i = 0; i < 5000; i++)
		sbuf_printf(&b, "card-%d\t%d\t3\n", i % 2500, 1700000000 + i);
	struct replay *r = test_replay_parse(b.buf, &nbad);
	assert_int_equal(nbad, 0);
	assert_int_equal(r->ncards, 2500);
	assert_int_equal(r->nrecs, 5000);
	for (size_t i = 0; i < r->nrecs; i++)
		assert_int_equal(r->recs[i].card, i % 2500);
	assert_string_equal(r->cards[2499].id, "card-2499");
	assert_int_equal(r->cards[7].last_line, 2508);
	replay_free(r);
	sbuf_free(&b);
}

/* A test time zone: UTC+9 from 1000 on, and no conversion at all for 666. */
static int
test_replay_offset(int64_t secs, int32_t *utc_offset, void *ctx)
{
	int *calls = ctx;

	++*calls;
	if (secs == 666)
		return -1;
	*utc_offset = secs >= 1000 ? 9 * 3600 : 0;
	return 0;
}

static void
test_local_days(void **state)
{
	const char *in = "a\t0\t3\na\t666\t3\na\t54000\t3\n"; /* 15:00 UTC = 00:00 +9 */
	struct replay *r = NULL;
	int calls = 0;
	(void)state;

	assert_int_equal(replay_parse(in, strlen(in), 0, test_replay_offset, &calls, &r), 1);
	assert_int_equal(calls, 3);
	assert_int_equal(r->nerrors, 1);
	assert_int_equal(r->errors[0].line, 2);
	assert_string_equal(r->errors[0].msg, "cannot convert 666 to local time");
	assert_int_equal(r->nrecs, 2);
	assert_int_equal(r->recs[0].day, 0);
	assert_int_equal(r->recs[1].day, 1);
	replay_free(r);
	/* The rollover hour moves 00:00 local back to the day before. */
	in = "a\t54000\t3\n";
	assert_int_equal(replay_parse(in, strlen(in), 4, test_replay_offset, &calls, &r), 0);
	assert_int_equal(r->recs[0].day, 0);
	replay_free(r);
}

static void
test_empty_input(void **state)
{
	struct replay *r = NULL;
	(void)state;

	assert_int_equal(replay_parse(NULL, 0, 4, NULL, NULL, &r), 0);
	assert_int_equal(r->nrecs, 0);
	assert_int_equal(r->ncards, 0);
	replay_free(r);
}

/*
 * The number format drill fsrs replay used before issue 20, copied from
 * cmd_fsrs.c as it was (cmd_fsrs_fmt, 48-byte buffer): the reference that
 * replay_format_double must match byte for byte.
 */
static void
test_replay_fmt_reference(double x, char *buf, size_t len)
{
	char sci[40];
	char *end;
	int p, e, dec;
	size_t n;

	if (!isfinite(x)) {
		snprintf(buf, len, "%s", "nan");
		return;
	}
	snprintf(buf, len, "%.8f", x);
	if (strtod(buf, NULL) == x) {
		n = strlen(buf);
		while (n > 0 && buf[n - 1] == '0')
			buf[--n] = '\0';
		if (n > 0 && buf[n - 1] == '.')
			buf[--n] = '\0';
		if (strcmp(buf, "-0") == 0)
			snprintf(buf, len, "0");
		return;
	}
	for (p = 1; p <= 17; p++) {
		snprintf(sci, sizeof sci, "%.*e", p - 1, x);
		if (strtod(sci, NULL) == x)
			break;
	}
	end = strchr(sci, 'e');
	e = end != NULL ? atoi(end + 1) : 0;
	dec = p - 1 - e;
	if (dec < 0)
		dec = 0;
	snprintf(buf, len, "%.*f", dec, x);
}

/* Checks one value; returns 1 when it differs (and prints it). */
static int
test_replay_fmt_one(double x)
{
	char want[48], got[REPLAY_DOUBLE_MAX + 1];
	size_t n;

	test_replay_fmt_reference(x, want, sizeof want);
	n = replay_format_double(x, got);
	assert_true(n <= REPLAY_DOUBLE_MAX);
	got[n] = '\0';
	if (strcmp(want, got) != 0) {
		print_error("x = %.17g (%a): want \"%s\", got \"%s\"\n", x, x, want, got);
		return 1;
	}
	return 0;
}

/*
 * replay_format_double writes what printf did: the scheduler's values
 * (k / 10^8), their neighbours one ulp away, the halfway cases between two
 * 8-decimal numbers and next to them, random bit patterns, and the edges
 * (0, -0, 2^26, tiny, huge, inf, nan).
 */
static void
test_format_double(void **state)
{
	static const double edges[] = {
	    0.0,
	    -0.0,
	    1.0,
	    -1.0,
	    10.0,
	    0.5,
	    0.00012,
	    2.3065,
	    36500.0,
	    1e-8,
	    -1e-8,
	    5e-9,
	    -5e-9,
	    4.9999999e-9,
	    1e-9,
	    1e-300,
	    -1e-300,
	    5e-324,
	    67108864.0,
	    67108863.99999999,
	    67108864.00000001,
	    1e15,
	    1e22,
	    1e300,
	    -67108864.0,
	    0.1,
	    0.2,
	    0.3,
	    123456.78901234,
	    99999999.5,
	};
	struct rng r;
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
		bad += test_replay_fmt_one(edges[i]);
	bad += test_replay_fmt_one(INFINITY);
	bad += test_replay_fmt_one(-INFINITY);
	bad += test_replay_fmt_one(NAN);
	rng_seed(&r, 20);
	for (int i = 0; i < 50000 && bad < 10; i++) {
		/* k / 10^8 over magnitudes 1e-8 .. 1e8, both signs */
		int64_t k = (int64_t)(rng_next(&r) % (UINT64_C(1) << (1 + i % 56)));
		double x = (double)k / 100000000.0 * (i % 7 == 0 ? -1.0 : 1.0);
		/* halfway between two 8-decimal numbers, as near as a double gets */
		double h = ((double)k + 0.5) / 100000000.0;
		uint64_t bits = rng_next(&r);
		double any;

		memcpy(&any, &bits, sizeof any);
		bad += test_replay_fmt_one(x);
		bad += test_replay_fmt_one(nextafter(x, INFINITY));
		bad += test_replay_fmt_one(nextafter(x, -INFINITY));
		bad += test_replay_fmt_one(h);
		bad += test_replay_fmt_one(nextafter(h, INFINITY));
		bad += test_replay_fmt_one(nextafter(h, -INFINITY));
		bad += test_replay_fmt_one(-h);
		bad += test_replay_fmt_one(any);
		bad += test_replay_fmt_one((double)(bits % 4000000000u) / 1e4);
	}
	assert_int_equal(bad, 0);
}

/* A step line: every column, "-" for a new card's R, the due time floored. */
static void
test_format_step(void **state)
{
	struct replay_card c = {.id = "card \xc3\xa4", .idlen = 7};
	struct replay_rec rec = {.secs = -62135596800, .rating = 4};
	struct fsrs_card after = {.state = FSRS_RELEARNING,
				  .stability = 2.30650001,
				  .difficulty = 10.0,
				  .scheduled_days = 36500,
				  .due = -1};
	char out[REPLAY_STEP_MAX + 1];
	size_t n;

	(void)state;
	n = replay_format_step(out, &c, &rec, &after, NAN);
	out[n] = '\0';
	assert_string_equal(
	    out, "card \xc3\xa4\t-62135596800\t4\trelearning\t2.30650001\t10\t-\t36500\t-1\n");
	after.state = FSRS_REVIEW;
	after.due = 1999;
	n = replay_format_step(out, &c, &rec, &after, 0.9);
	out[n] = '\0';
	assert_string_equal(
	    out, "card \xc3\xa4\t-62135596800\t4\treview\t2.30650001\t10\t0.9\t36500\t1\n");
}

/*
 * replay_line one line at a time, as drill fsrs replay reads: records and
 * skipped lines, the id hash (rng_hash, which seeds fuzz), and a second
 * pass after replay_rewind that finds the same cards and no bad line.
 */
static void
test_line_by_line(void **state)
{
	static const char *const lines[] = {"# c",     "",	   "x\t10\t1\r",
					    "y\t5\t2", "x\t10\t3", "y\t6\t4"};
	struct replay *r = replay_new(0, NULL, NULL);
	struct replay_rec rec;
	int want[] = {REPLAY_SKIP,   REPLAY_SKIP,   REPLAY_REVIEW,
		      REPLAY_REVIEW, REPLAY_REVIEW, REPLAY_REVIEW};

	(void)state;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
			assert_int_equal(replay_line(r, lines[i], strlen(lines[i]), i + 1, &rec),
					 want[i]);
			if (i == 4) {
				assert_int_equal(rec.card, 0);
				assert_int_equal(rec.rating, 3);
			}
		}
		assert_int_equal(r->ncards, 2);
		assert_int_equal(r->nbad, 0);
		replay_rewind(r);
	}
	assert_string_equal(r->cards[1].id, "y");
	assert_int_equal(r->cards[1].idlen, 1);
	assert_true(r->cards[0].hash == rng_hash("x"));
	/* out of order only without the rewind */
	assert_int_equal(replay_line(r, "y\t6\t4", 5, 7, &rec), REPLAY_REVIEW);
	assert_int_equal(replay_line(r, "y\t5\t4", 5, 8, &rec), REPLAY_BAD);
	assert_string_equal(r->errors[0].msg,
			    "card \"y\" at 5 is earlier than its review on line 7");
	replay_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_good_input),	   cmocka_unit_test(test_bad_lines),
	    cmocka_unit_test(test_many_bad_lines), cmocka_unit_test(test_many_cards),
	    cmocka_unit_test(test_local_days),	   cmocka_unit_test(test_empty_input),
	    cmocka_unit_test(test_format_double),  cmocka_unit_test(test_format_step),
	    cmocka_unit_test(test_line_by_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Tests for replay, the reader of `drill fsrs replay`'s input: records,
 * the card table, local days, and the messages about bad lines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "replay.h"
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_good_input),	   cmocka_unit_test(test_bad_lines),
	    cmocka_unit_test(test_many_bad_lines), cmocka_unit_test(test_many_cards),
	    cmocka_unit_test(test_local_days),	   cmocka_unit_test(test_empty_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

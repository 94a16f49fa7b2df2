/* Unit tests for pb: the protobuf wire-format reader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pb.h"

static void
test_fields(void **state)
{
	/* 1: varint 150; 2: "hi"; 3: fixed32 1; 4: fixed64 2; 1000: varint 1 */
	static const unsigned char buf[] = {0x08, 0x96, 0x01, 0x12, 0x02, 'h', 'i', 0x1d, 1, 0, 0, 0,
					    0x21, 2, 0, 0, 0, 0, 0, 0, 0, 0xc0, 0x3e, 0x01};
	struct pb_reader r;
	struct pb_field f;

	(void)state;
	pb_init(&r, buf, sizeof(buf));
	assert_int_equal(pb_next(&r, &f), 1);
	assert_int_equal(f.num, 1);
	assert_int_equal(f.wire, PB_VARINT);
	assert_int_equal(f.value, 150);
	assert_int_equal(pb_next(&r, &f), 1);
	assert_int_equal(f.num, 2);
	assert_int_equal(f.len, 2);
	assert_memory_equal(f.data, "hi", 2);
	assert_int_equal(pb_next(&r, &f), 1);
	assert_int_equal(f.wire, PB_I32);
	assert_int_equal(f.value, 1);
	assert_int_equal(pb_next(&r, &f), 1);
	assert_int_equal(f.wire, PB_I64);
	assert_int_equal(f.value, 2);
	assert_int_equal(pb_next(&r, &f), 1);
	assert_int_equal(f.num, 1000);
	assert_int_equal(pb_next(&r, &f), 0);

	char *s = pb_string(buf, sizeof(buf), 2);
	assert_string_equal(s, "hi");
	free(s);
	s = pb_string(buf, sizeof(buf), 7);
	assert_string_equal(s, ""); /* absent */
	free(s);
	uint64_t v = 9;
	assert_int_equal(pb_uint(buf, sizeof(buf), 1, &v), 0);
	assert_int_equal(v, 150);
	v = 9;
	assert_int_equal(pb_uint(NULL, 0, 1, &v), 0); /* an empty message */
	assert_int_equal(v, 9);
}

/* Malformed input is refused, never read past. */
static void
test_malformed(void **state)
{
	static const struct {
		const char *what;
		unsigned char b[12];
		size_t n;
	} cases[] = {
		{"length past the end", {0x12, 0x05, 'a'}, 3},
		{"varint cut short", {0x08, 0x80}, 2},
		{"varint of eleven bytes", {0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, 12},
		{"group wire type", {0x0b}, 1},
		{"field number 0", {0x00, 0x01}, 2},
		{"fixed64 cut short", {0x09, 1, 2, 3}, 4},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct pb_reader r;
		struct pb_field f;
		int rc;
		pb_init(&r, cases[i].b, cases[i].n);
		while ((rc = pb_next(&r, &f)) == 1)
			;
		if (rc != -1)
			fail_msg("%s: read as valid", cases[i].what);
		assert_null(pb_string(cases[i].b, cases[i].n, 1));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_malformed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

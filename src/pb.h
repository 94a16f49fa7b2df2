/*
 * pb: a reader of the protocol buffers wire format
 * (https://protobuf.dev/programming-guides/encoding/), enough for the
 * small configuration messages of an Anki collection (schema 18 keeps
 * note-type kinds and card templates in protobuf blobs).
 *
 * Owns: nothing; reads a borrowed buffer field by field, no schema, no
 * allocation. Pure: no I/O, no globals. Malformed input (a varint longer
 * than ten bytes, a length past the end, a group or unknown wire type) is
 * reported, never read past.
 */
#ifndef DRILL_PB_H
#define DRILL_PB_H

#include <stddef.h>
#include <stdint.h>

enum { PB_VARINT = 0, PB_I64 = 1, PB_LEN = 2, PB_I32 = 5 };

struct pb_reader {
	const unsigned char *p;   /* next byte */
	const unsigned char *end; /* one past the last */
};

struct pb_field {
	uint32_t num;              /* field number */
	int wire;                  /* PB_VARINT, PB_I64, PB_LEN or PB_I32 */
	uint64_t value;            /* varint, or the fixed-width bits */
	const unsigned char *data; /* PB_LEN: the bytes (borrowed), else NULL */
	size_t len;                /* PB_LEN: their count */
};

void pb_init(struct pb_reader *r, const void *buf, size_t len);
/* Reads the next field: 1, 0 at the end of the buffer, -1 when malformed. */
int pb_next(struct pb_reader *r, struct pb_field *f);
/* The first PB_LEN field num of buf as a new string ("" when absent);
 * NULL when buf is malformed. */
char *pb_string(const void *buf, size_t len, uint32_t num);
/* The first varint field num of buf into *out (left alone when absent):
 * 0, or -1 when buf is malformed. */
int pb_uint(const void *buf, size_t len, uint32_t num, uint64_t *out);

#endif

/* pb: see pb.h. */
#include "pb.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void
pb_init(struct pb_reader *r, const void *buf, size_t len)
{
	r->p = buf;
	r->end = r->p + (buf ? len : 0);
}

/* A varint at r->p: 0, or -1 when it runs past the end or ten bytes. */
static int
pb_varint(struct pb_reader *r, uint64_t *out)
{
	uint64_t v = 0;

	for (int shift = 0; shift < 70; shift += 7) {
		if (r->p >= r->end)
			return -1;
		unsigned char b = *r->p++;
		if (shift == 63 && (b & 0x7e) != 0)
			return -1; /* more than 64 bits */
		v |= (uint64_t)(b & 0x7f) << shift;
		if ((b & 0x80) == 0) {
			*out = v;
			return 0;
		}
	}
	return -1;
}

int
pb_next(struct pb_reader *r, struct pb_field *f)
{
	uint64_t key, n;

	memset(f, 0, sizeof(*f));
	if (r->p >= r->end)
		return 0;
	if (pb_varint(r, &key) != 0 || (key >> 3) == 0 || (key >> 3) > 0x1fffffff)
		return -1;
	f->num = (uint32_t)(key >> 3);
	f->wire = (int)(key & 7);
	switch (f->wire) {
	case PB_VARINT:
		return pb_varint(r, &f->value) == 0 ? 1 : -1;
	case PB_I64:
	case PB_I32:
		n = f->wire == PB_I64 ? 8 : 4;
		if ((uint64_t)(r->end - r->p) < n)
			return -1;
		for (uint64_t i = 0; i < n; i++)
			f->value |= (uint64_t)r->p[i] << (8 * i);
		r->p += n;
		return 1;
	case PB_LEN:
		if (pb_varint(r, &n) != 0 || n > (uint64_t)(r->end - r->p))
			return -1;
		f->data = r->p;
		f->len = (size_t)n;
		r->p += n;
		return 1;
	default:
		return -1; /* groups (3, 4) and reserved wire types */
	}
}

char *
pb_string(const void *buf, size_t len, uint32_t num)
{
	struct pb_reader r;
	struct pb_field f;
	char *found = NULL;
	int rc;

	pb_init(&r, buf, len);
	while ((rc = pb_next(&r, &f)) == 1)
		if (found == NULL && f.num == num && f.wire == PB_LEN)
			found = xstrndup((const char *)f.data, f.len);
	if (rc < 0) {
		free(found);
		return NULL;
	}
	return found ? found : xstrdup("");
}

int
pb_uint(const void *buf, size_t len, uint32_t num, uint64_t *out)
{
	struct pb_reader r;
	struct pb_field f;
	int rc;
	int seen = 0;

	pb_init(&r, buf, len);
	while ((rc = pb_next(&r, &f)) == 1)
		if (!seen && f.num == num && f.wire == PB_VARINT) {
			*out = f.value;
			seen = 1;
		}
	return rc < 0 ? -1 : 0;
}

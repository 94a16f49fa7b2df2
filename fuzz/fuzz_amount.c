/*
 * Fuzz target: the amount reader and writer, for every kind: one amount,
 * a figure that may be a range or a bound, the one figure of a
 * sentence, every figure of a text, and amount conditions.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size);
	char err[256], out[AMOUNT_FORMAT_MAX];

	for (int k = AMOUNT_ANY; k <= AMOUNT_MINUTES; k++) {
		struct amount a;
		struct amount_range r;
		char rbuf[2 * AMOUNT_FORMAT_MAX + 8];

		for (int find = 0; find <= 1; find++) {
			int rc = find ? amount_find_range(text, (enum amount_kind)k, &r, err, sizeof(err))
				      : amount_parse_range(text, (enum amount_kind)k, &r, err, sizeof(err));
			if (rc == 0) {
				/* both ends real numbers in range, in order, of one kind */
				if (!isfinite(r.lo.value) || !isfinite(r.hi.value) ||
				    !(fabs(r.lo.value) < AMOUNT_MAX) || !(fabs(r.hi.value) < AMOUNT_MAX) ||
				    r.lo.value > r.hi.value || r.lo.kind != r.hi.kind)
					__builtin_trap();
				if (amount_range_format(&r, r.lo.kind == AMOUNT_ANY ? AMOUNT_COUNT : r.lo.kind,
							rbuf, sizeof(rbuf)) >= sizeof(rbuf))
					__builtin_trap();
			} else if (memchr(err, '\0', sizeof(err)) == NULL) {
				__builtin_trap();
			}
		}
		if (amount_parse(text, (enum amount_kind)k, &a, err, sizeof(err)) == 0) {
			/* a read amount is a real number in range, and is written in full */
			if (!isfinite(a.value) || !(fabs(a.value) < AMOUNT_MAX))
				__builtin_trap();
			if (amount_format(a.value, a.kind == AMOUNT_ANY ? AMOUNT_COUNT : a.kind, out,
					  sizeof(out)) >= sizeof(out))
				__builtin_trap();
		} else if (memchr(err, '\0', sizeof(err)) == NULL) {
			__builtin_trap();
		}
	}
	{
		/* every figure of the text: in order, inside it, each a real number
		   in range of a kind; and the amount conditions */
		size_t len = strlen(text), pos = 0, last = 0, col;
		struct amount_figure f;
		struct amount_cond c;
		char cbuf[AMOUNT_FORMAT_MAX + 16];
		while (amount_next_figure(text, len, &pos, &f)) {
			if (f.start < last || f.start >= f.end || f.end > len || pos < f.end ||
			    f.r.lo.kind == AMOUNT_ANY || f.r.lo.kind != f.r.hi.kind ||
			    !(fabs(f.r.lo.value) < AMOUNT_MAX) || !(fabs(f.r.hi.value) < AMOUNT_MAX))
				__builtin_trap();
			last = f.end;
		}
		if (pos != len)
			__builtin_trap();
		switch (amount_cond_parse(text, &c, err, sizeof(err), &col)) {
		case 1:
			if (c.kind != AMOUNT_MONEY && c.kind != AMOUNT_PERCENT && c.kind != AMOUNT_COUNT)
				__builtin_trap();
			if (amount_cond_format(&c, cbuf, sizeof(cbuf)) >= sizeof(cbuf))
				__builtin_trap();
			break;
		case -1:
			if (col > len || memchr(err, '\0', sizeof(err)) == NULL)
				__builtin_trap();
			break;
		case 0:
			break;
		default:
			__builtin_trap();
		}
	}
	free(text);
	return 0;
}

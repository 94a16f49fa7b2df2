/* Fuzz target: the amount reader and writer, for every kind. */
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

	for (int k = AMOUNT_ANY; k <= AMOUNT_POINTS; k++) {
		struct amount a;
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
	free(text);
	return 0;
}

/*
 * Fuzz target: wrap_text on any bytes at a width taken from the first
 * byte. Wrapping only moves spaces and newlines: with both taken out, the
 * output is "Why:" and then the input. Without escapes in the input (which
 * may hold spaces), a line is wider than the width only when it shows one
 * word at most.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "wrap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* s without spaces and newlines, owned by the caller. */
static char *
fuzz_wrap_squeeze(const char *s)
{
	char *out = xstrdup(s), *o = out;

	for (; *s; s++)
		if (*s != ' ' && *s != '\n')
			*o++ = *s;
	*o = '\0';
	return out;
}

/* How many words of s[0..n) take a column or more. */
static size_t
fuzz_wrap_words(const char *s, size_t n)
{
	size_t count = 0;

	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		if (wrap_width_n(s + i, j - i) > 0)
			count++;
		i = j + 1;
	}
	return count;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	int width = (int)(data[0] % 64) - 1; /* -1 and 0: no wrapping */
	char *text = xstrndup((const char *)data + 1, size - 1);
	char *got = wrap_text(text, width, "Why: ", "     ");
	char *want = fuzz_wrap_squeeze(text), *have = fuzz_wrap_squeeze(got);

	(void)wrap_width(text);
	if (strncmp(have, "Why:", 4) != 0 || strcmp(have + 4, want) != 0)
		__builtin_trap();
	if (width > 0 && strchr(text, 0x1b) == NULL) {
		for (const char *line = got; line != NULL;) {
			const char *nl = strchr(line, '\n');
			size_t n = nl != NULL ? (size_t)(nl - line) : strlen(line);
			/* after "Why: " or the indent as wide */
			size_t words = n < 5 ? 0 : fuzz_wrap_words(line + 5, n - 5);
			if (wrap_width_n(line, n) > (size_t)width && words > 1)
				__builtin_trap();
			line = nl != NULL ? nl + 1 : NULL;
		}
	}
	free(have);
	free(want);
	free(got);
	free(text);
	return 0;
}

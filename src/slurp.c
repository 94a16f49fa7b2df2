/* slurp: see slurp.h. */
#include "slurp.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

char *
slurp(const char *path, size_t *len)
{
	return slurp_max(path, SIZE_MAX, len);
}

char *
slurp_max(const char *path, size_t max, size_t *len)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	struct sbuf b = {0};
	char chunk[65536];
	size_t n, bom, total = 0;
	struct stat st;
	int err = 0;

	if (f == NULL)
		return NULL;
	if (!is_stdin && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
	    (uintmax_t)st.st_size > max) {
		fclose(f);
		*len = (size_t)st.st_size;
		errno = EFBIG;
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		total += n;
		if (total <= max)
			sbuf_add(&b, chunk, n);
		else
			sbuf_free(&b); /* too long: only counted from here on */
	}
	if (ferror(f))
		err = errno ? errno : EIO;
	if (!is_stdin)
		fclose(f);
	if (err == 0 && total > max) {
		*len = total;
		err = EFBIG;
	}
	if (err != 0) {
		sbuf_free(&b);
		errno = err;
		return NULL;
	}
	/* Every file drill reads is text: drop an editor's byte-order mark. */
	bom = b.buf != NULL ? utf8_bom_len(b.buf, b.len) : 0;
	if (bom > 0) {
		memmove(b.buf, b.buf + bom, b.len - bom + 1);
		b.len -= bom;
	}
	*len = b.len;
	return sbuf_take(&b);
}

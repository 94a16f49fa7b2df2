/* check: see check.h. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "check.h"

#include <assert.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Bounds on backtracking so that a pathological pattern fails fast. */
#define CHECK_MATCH_LIMIT 100000
#define CHECK_DEPTH_LIMIT 1000

/* The limits live in mctx, set once and only read when matching. */
struct check_re {
	pcre2_code *code;
	pcre2_match_context *mctx;
	char *source;
};

int
check_re_compile(const char *pattern, struct check_re **out, char *err,
		 size_t errlen, size_t *column)
{
	int errcode = 0;
	PCRE2_SIZE erroff = 0;
	pcre2_code *code;
	pcre2_match_context *mctx;

	*out = NULL;
	code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
			     PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP, &errcode,
			     &erroff, NULL);
	if (code == NULL) {
		if (err != NULL && errlen > 0) {
			PCRE2_UCHAR msg[256];
			if (pcre2_get_error_message(errcode, msg, sizeof(msg)) < 0)
				strcpy((char *)msg, "invalid pattern");
			snprintf(err, errlen, "%s", (const char *)msg);
		}
		if (column != NULL)
			*column = (size_t)erroff + 1;
		return -1;
	}
	mctx = pcre2_match_context_create(NULL);
	if (mctx == NULL) {
		pcre2_code_free(code);
		errorf(err, errlen, "out of memory");
		if (column != NULL)
			*column = 0;
		return -1;
	}
	pcre2_set_match_limit(mctx, CHECK_MATCH_LIMIT);
	pcre2_set_depth_limit(mctx, CHECK_DEPTH_LIMIT);
	*out = xmalloc(sizeof(**out));
	(*out)->code = code;
	(*out)->mctx = mctx;
	(*out)->source = xstrdup(pattern);
	return 0;
}

/* Matches with PCRE2's options opts (0 or PCRE2_NO_UTF_CHECK). */
static int
check_re_run(const struct check_re *re, const char *subject, size_t len, uint32_t opts,
	     size_t *mstart, size_t *mend)
{
	pcre2_match_data *md;
	int rc;

	/* one pair of offsets: the whole match is all callers want */
	md = pcre2_match_data_create(1, NULL);
	if (md == NULL)
		return CHECK_LIMIT;
	rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, 0, opts, md, re->mctx);
	if (rc >= 0) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		if (mstart != NULL)
			*mstart = (size_t)ov[0];
		if (mend != NULL)
			*mend = (size_t)ov[1];
		rc = CHECK_MATCH;
	} else if (rc == PCRE2_ERROR_NOMATCH) {
		rc = CHECK_NO_MATCH;
	} else if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21) {
		rc = CHECK_BAD_UTF8;
	} else {
		rc = CHECK_LIMIT;
	}
	pcre2_match_data_free(md);
	return rc;
}

int
check_re_match(const struct check_re *re, const char *subject, size_t len, size_t *mstart,
	       size_t *mend)
{
	return check_re_run(re, subject, len, 0, mstart, mend);
}

int
check_re_match_valid(const struct check_re *re, const char *subject, size_t len,
		     size_t *mstart, size_t *mend)
{
	assert(len == 0 || ((unsigned char)subject[0] & 0xC0) != 0x80);
	return check_re_run(re, subject, len, PCRE2_NO_UTF_CHECK, mstart, mend);
}

void
check_re_free(struct check_re *re)
{
	if (re == NULL)
		return;
	pcre2_code_free(re->code);
	pcre2_match_context_free(re->mctx);
	free(re->source);
	free(re);
}

const char *
check_re_source(const struct check_re *re)
{
	return re->source;
}

size_t
check_utf8_char(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n;
	unsigned cp;

	if (len == 0)
		return 0;
	if (u[0] < 0x80)
		return 1;
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		n = 2;
		cp = u[0] & 0x1F;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		n = 3;
		cp = u[0] & 0x0F;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		n = 4;
		cp = u[0] & 0x07;
	} else {
		return 0; /* a continuation byte, C0, C1 or F5-FF */
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (u[i] & 0x3F);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0; /* overlong, too large, or a surrogate */
	return n;
}

bool
check_utf8_valid(const char *s, size_t len)
{
	size_t i = 0, n;

	while (i < len) {
		/* runs of ASCII are the common case */
		while (i < len && (unsigned char)s[i] < 0x80)
			i++;
		if (i == len)
			break;
		if ((n = check_utf8_char(s + i, len - i)) == 0)
			return false;
		i += n;
	}
	return true;
}

static int
check_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

char *
check_normalise(const char *answer)
{
	struct sbuf b = {0};
	int pending = 0;

	for (const char *p = answer; *p; p++) {
		if (check_is_space(*p)) {
			pending = b.len > 0;
			continue;
		}
		if (pending)
			sbuf_addc(&b, ' ');
		pending = 0;
		sbuf_addc(&b, *p);
	}
	return sbuf_take(&b);
}

/* check: see check.h. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "check.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Bounds on backtracking so that a pathological pattern fails fast. */
#define CHECK_MATCH_LIMIT 100000
#define CHECK_DEPTH_LIMIT 1000

struct check_re {
	pcre2_code *code;
	char *source;
};

int
check_re_compile(const char *pattern, struct check_re **out, char *err,
		 size_t errlen, size_t *column)
{
	int errcode = 0;
	PCRE2_SIZE erroff = 0;
	pcre2_code *code;

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
	*out = xmalloc(sizeof(**out));
	(*out)->code = code;
	(*out)->source = xstrdup(pattern);
	return 0;
}

int
check_re_match(const struct check_re *re, const char *subject, size_t len,
	       size_t *mstart, size_t *mend)
{
	pcre2_match_context *mctx;
	pcre2_match_data *md;
	int rc;

	mctx = pcre2_match_context_create(NULL);
	md = pcre2_match_data_create_from_pattern(re->code, NULL);
	if (mctx == NULL || md == NULL) {
		pcre2_match_context_free(mctx);
		pcre2_match_data_free(md);
		return CHECK_LIMIT;
	}
	pcre2_set_match_limit(mctx, CHECK_MATCH_LIMIT);
	pcre2_set_depth_limit(mctx, CHECK_DEPTH_LIMIT);
	rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, 0, 0, md, mctx);
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
	pcre2_match_context_free(mctx);
	return rc;
}

void
check_re_free(struct check_re *re)
{
	if (re == NULL)
		return;
	pcre2_code_free(re->code);
	free(re->source);
	free(re);
}

const char *
check_re_source(const struct check_re *re)
{
	return re->source;
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

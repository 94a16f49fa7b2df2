/*
 * check: answer patterns (the only module that includes pcre2.h).
 *
 * Owns: compiled PCRE2 patterns and the limits every match runs under, so
 * no pattern from a deck can hang a session. Patterns are caseless and
 * UTF-aware. Pure: no I/O, no globals. Used by the deck parser (to validate
 * and compile accept/reject/point patterns), the session and the coach.
 *
 * Ownership: check_re_compile returns an object the caller frees with
 * check_re_free (NULL is accepted). const char * arguments are borrowed.
 */
#ifndef DRILL_CHECK_H
#define DRILL_CHECK_H

#include <stdbool.h>
#include <stddef.h>

struct check_re;

/*
 * Compiles pattern. Returns 0 and sets *out, or -1 with *out NULL, PCRE2's
 * message in err and the 1-based column of the error in *column.
 */
int check_re_compile(const char *pattern, struct check_re **out, char *err,
		     size_t errlen, size_t *column);

/* What check_re_match returns. */
enum check_match {
	CHECK_BAD_UTF8 = -2, /* the subject is not valid UTF-8 */
	CHECK_LIMIT = -1,    /* the match or depth limit was hit (or PCRE2 ran out of
				memory): whether the pattern matches is unknown */
	CHECK_NO_MATCH = 0,
	CHECK_MATCH = 1,
};

/*
 * Matches subject[0..len). Returns CHECK_MATCH (with its byte offsets in
 * *mstart and *mend when those are not NULL), CHECK_NO_MATCH, CHECK_LIMIT
 * or CHECK_BAD_UTF8. CHECK_LIMIT is not an answer: a caller that grades
 * must not count it as "no match" (see answer_judge); a caller that only
 * looks for hints may.
 */
int check_re_match(const struct check_re *re, const char *subject, size_t len,
		   size_t *mstart, size_t *mend);

/*
 * check_re_match for a subject the caller has found valid with
 * check_utf8_valid: a whole text checked once, or any part of it that
 * starts and ends between characters. PCRE2 does not check it again, so a
 * call costs only what the match reads. (check_re_match reads the whole
 * subject to check it on every call: finding every match of a long text,
 * one call after another on the rest of it, would cost the square of its
 * length.)
 */
int check_re_match_valid(const struct check_re *re, const char *subject, size_t len,
			 size_t *mstart, size_t *mend);

void check_re_free(struct check_re *re);

/* The pattern's source text, borrowed from re. */
const char *check_re_source(const struct check_re *re);

/*
 * UTF-8 as PCRE2 accepts it: no overlong forms, no surrogates, nothing
 * above U+10FFFF. check_utf8_char returns the length (1-4) of the valid
 * character at s[0..len), or 0 when s does not start one (or len is 0);
 * check_utf8_valid says whether all of s[0..len) is valid.
 */
size_t check_utf8_char(const char *s, size_t len);
bool check_utf8_valid(const char *s, size_t len);

/*
 * Normalises a typed answer for matching: trims white space at both ends
 * and folds runs of inner white space to one space. Returns a new string
 * the caller frees.
 */
char *check_normalise(const char *answer);

#endif

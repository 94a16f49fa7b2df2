/*
 * util: allocation that never returns NULL, a growable string buffer, the
 * test for a UTF-8 byte-order mark, and the edit distance that "did you
 * mean" suggestions rank by.
 *
 * Owns: nothing global. xmalloc and friends abort with a message on
 * out-of-memory so that no caller carries an out-of-memory branch.
 * Used by every module, pure or not. Performs no I/O except the abort message.
 */
#ifndef DRILL_UTIL_H
#define DRILL_UTIL_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a freshly allocated string, owned by the caller. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* printf into a caller's error buffer; does nothing when err is NULL or
 * errlen is 0, so pure modules can take an optional message buffer. */
void errorf(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * 3 when s[0..n) starts with a UTF-8 byte-order mark (EF BB BF), else 0.
 * Readers of text skip that many bytes: some editors start every file with
 * one, and it is not part of the content.
 */
size_t utf8_bom_len(const char *s, size_t n);

/*
 * The Levenshtein distance (insertions, deletions, substitutions of one
 * byte) between a[0..na) and b[0..nb), or EDIT_DISTANCE_FAR when either is
 * longer than EDIT_DISTANCE_MAX_LEN: for names, not texts. Allocates nothing.
 */
#define EDIT_DISTANCE_MAX_LEN 128
#define EDIT_DISTANCE_FAR ((size_t)-1)
size_t edit_distance(const char *a, size_t na, const char *b, size_t nb);

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/*
 * A growable NUL-terminated byte buffer. Zero-initialise (struct sbuf b = {0})
 * before use; b.buf is NULL until the first append. The buffer owns b.buf;
 * sbuf_free releases it, sbuf_take hands it to the caller.
 */
struct sbuf {
	char *buf;  /* NUL-terminated once anything was appended */
	size_t len; /* bytes used, excluding the NUL */
	size_t cap; /* bytes allocated */
};

void sbuf_add(struct sbuf *b, const char *s, size_t n);
void sbuf_adds(struct sbuf *b, const char *s);
void sbuf_addc(struct sbuf *b, char c);
void sbuf_printf(struct sbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sbuf_vprintf(struct sbuf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Returns the string (never NULL; "" when empty) and resets b. */
char *sbuf_take(struct sbuf *b);
void sbuf_reset(struct sbuf *b);
void sbuf_free(struct sbuf *b);

/* A growable vector of owned strings. Zero-initialise before use. */
struct strv {
	char **v;   /* owned strings */
	size_t n;   /* count */
	size_t cap; /* allocated slots */
};

void strv_push(struct strv *sv, const char *s); /* copies s */
void strv_free(struct strv *sv);

#endif

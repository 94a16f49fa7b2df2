/*
 * record: the record syntax that deck files and story files share
 * (docs/deck-format.md, "Syntax"): `field: value` lines, indented
 * continuation lines (a leading "| " keeps the line break), `#` comment
 * lines, records separated by blank lines, UTF-8 only.
 *
 * Owns: struct record and its fields while the splitter hands them out;
 * the id rule shared by cards and stories; the digest of a record's
 * content. Pure: splits a buffer the caller read; never touches files,
 * prints or exits. Syntax errors go to a diag_list as "file:line:col" and
 * splitting carries on. Used by the deck parser and the story parser.
 *
 * The splitter does not skip a byte-order mark: callers skip
 * utf8_bom_len() bytes first, so that line and column numbers count from
 * the character after it.
 *
 * Ownership: a record passed to a record_fn is valid only during that call
 * (the splitter reuses it); copy what you keep. const char * arguments are
 * borrowed for the call.
 */
#ifndef DRILL_RECORD_H
#define DRILL_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "util.h"

/* Longest id of a card or a story, in bytes. */
#define RECORD_ID_MAX 64

/* One `name: value` field of a record, with continuations joined. */
struct record_field {
	char *name;	    /* owned; lower-case letters, digits, '_' and '-' */
	struct sbuf value;  /* owned; value.buf is NULL for an empty value */
	int line;	    /* line of the field's first line */
	int col;	    /* 1-based column where the value starts */
	bool used;	    /* set by record_value; for "unknown field" checks */
};

/*
 * A record: its fields in file order, and the byte span of its lines in
 * the buffer (comments between fields included), for a stored copy.
 */
struct record {
	struct record_field *f; /* owned array, n long */
	size_t n, cap;
	int first_line;	    /* line of the first field */
	size_t start, end;  /* byte offsets into the buffer: [start, end) */
};

typedef void (*record_fn)(void *ctx, struct record *r);

/*
 * Splits buf into records and calls fn for each, in order. Line numbers
 * start at first_line. Syntax errors go to dl, their messages naming the
 * text as `what` ("NUL byte in deck", "NUL byte in story file"). Returns
 * the number of syntax errors.
 */
size_t record_split(const char *path, const char *what, int first_line, const char *buf,
		    size_t len, struct diag_list *dl, record_fn fn, void *ctx);

/* The first field called name, or NULL. */
struct record_field *record_get(struct record *r, const char *name);
/* The index-th field called name (0-based), or NULL. */
struct record_field *record_nth(struct record *r, const char *name, size_t index);
/* How many fields are called name. */
size_t record_count(const struct record *r, const char *name);
/*
 * The value of the first field called name ("" when empty), or NULL;
 * marks the field as used.
 */
const char *record_value(struct record *r, const char *name);
/* A field's value, "" when empty. */
const char *record_field_text(const struct record_field *f);

/*
 * The values of the fields names[0..n) of the first record in buf, joined
 * the way record_split joins continuation lines, without checking the
 * record. out[i] is NULL when the record has no such field; the caller
 * frees each.
 */
void record_values(const char *buf, size_t len, const char *const *names, size_t n,
		   char **out);

/* An id is 1-RECORD_ID_MAX letters, digits, '-', '_' or '.'. */
bool record_id_valid(const char *id);

/*
 * A digest of the record's content (field names and values, not comments,
 * blank space or line numbers) as 16 hex digits and a NUL.
 */
void record_hash(const struct record *r, char out[17]);

#endif

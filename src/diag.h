/*
 * diag: diagnostics as data. Parsers append {file, line, column, message}
 * records to a list the caller passes in and keep going; the caller prints
 * them all as "file:line:col: error: message" and the worst sets the exit
 * status.
 *
 * Owns: the list and its strings. Pure: never prints. Used by the deck
 * parser, the importer and the commands that report them.
 */
#ifndef DRILL_DIAG_H
#define DRILL_DIAG_H

#include <stddef.h>

enum diag_severity { DIAG_WARNING, DIAG_ERROR };

struct diag {
	char *file; /* owned; the path as given to the parser */
	int line;   /* 1-based; 0 when the problem is the whole file */
	int col;    /* 1-based; 0 when no column applies */
	enum diag_severity severity;
	char *msg; /* owned */
};

struct diag_list {
	struct diag *v; /* owned array */
	size_t n;
	size_t cap;
	size_t errors; /* how many have DIAG_ERROR */
};

void diag_add(struct diag_list *dl, enum diag_severity sev, const char *file,
	      int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* "file:line:col: error: msg" (line/col left out when 0); caller frees. */
char *diag_format(const struct diag *d);
void diag_list_free(struct diag_list *dl);

#endif

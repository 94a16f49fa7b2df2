/* diag: see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "util.h"

void
diag_add(struct diag_list *dl, enum diag_severity sev, const char *file,
	 int line, int col, const char *fmt, ...)
{
	struct sbuf b = {0};
	va_list ap;

	if (dl->n == dl->cap) {
		dl->cap = dl->cap ? dl->cap * 2 : 8;
		dl->v = xrealloc(dl->v, dl->cap * sizeof(*dl->v));
	}
	va_start(ap, fmt);
	sbuf_vprintf(&b, fmt, ap);
	va_end(ap);
	dl->v[dl->n].file = xstrdup(file ? file : "");
	dl->v[dl->n].line = line;
	dl->v[dl->n].col = col;
	dl->v[dl->n].severity = sev;
	dl->v[dl->n].msg = sbuf_take(&b);
	dl->n++;
	if (sev == DIAG_ERROR)
		dl->errors++;
}

char *
diag_format(const struct diag *d)
{
	struct sbuf b = {0};

	sbuf_adds(&b, d->file);
	if (d->line > 0)
		sbuf_printf(&b, ":%d", d->line);
	if (d->line > 0 && d->col > 0)
		sbuf_printf(&b, ":%d", d->col);
	sbuf_printf(&b, ": %s: %s",
		    d->severity == DIAG_ERROR ? "error" : "warning", d->msg);
	return sbuf_take(&b);
}

void
diag_list_free(struct diag_list *dl)
{
	for (size_t i = 0; i < dl->n; i++) {
		free(dl->v[i].file);
		free(dl->v[i].msg);
	}
	free(dl->v);
	dl->v = NULL;
	dl->n = dl->cap = dl->errors = 0;
}

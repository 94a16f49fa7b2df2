/*
 * session: the study loop — picks cards, asks, judges, grades with the
 * scheduler, saves each review before showing the next card, and handles
 * the session commands (:hint, :skip, :undo, :edit, :suspend, :help,
 * :quit).
 *
 * Owns: the queue of one session and the mapping from verdicts to grades.
 * Talks to the person only through ui.h, to the database only through
 * store.h. Prints; never exits.
 */
#ifndef DRILL_SESSION_H
#define DRILL_SESSION_H

#include <stdint.h>

struct app;
struct store;
struct settings;

struct session_opts {
	const char *deck;   /* deck key or name, or NULL for all */
	const char *tag;    /* a tag, or NULL */
	int new_limit;      /* new cards this session; -1: what is left of new_per_day */
	int limit;          /* most reviews this session; 0: no limit */
};

/* Runs a session. Returns an exit status (EXIT_OK, EXIT_ENV); *reviewed
 * (may be NULL) gets the number of grades the session kept. */
int session_run(struct app *app, struct store *s, const struct settings *st,
		const struct session_opts *o, int *reviewed);

#endif

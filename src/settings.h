/*
 * settings: the user's study settings, kept in the database's config
 * table and changed with `drill config` — desired retention, learning and
 * relearning steps, FSRS weights, maximum interval, fuzz, the hour a new
 * day starts, and new cards per day.
 *
 * Owns: the list of keys with their defaults and validation, and turning
 * them into scheduler parameters. Reads and writes only through the store;
 * reads the local time zone (localtime_r) for day numbers; never prints.
 */
#ifndef DRILL_SETTINGS_H
#define DRILL_SETTINGS_H

#include <stddef.h>
#include <stdint.h>

#include "fsrs.h"

struct store;

struct settings {
	struct fsrs_params fsrs; /* validated */
	int rollover;            /* hour 0..23 at which a new day starts */
	int new_per_day;         /* new cards introduced per day */
};

struct settings_key {
	const char *name;
	const char *dflt; /* text of the default value */
	const char *help;
};

/* The keys, in display order; *n is set to their number. */
const struct settings_key *settings_keys(size_t *n);

/* Loads and validates every setting. 0, or -1 with a message in err. */
int settings_load(struct store *s, struct settings *out, char *err, size_t errlen);

/* The stored text of key (its default when unset); caller frees. NULL if
 * the key is unknown or the store failed (message in err). */
char *settings_get(struct store *s, const char *name, char *err, size_t errlen);

/*
 * Validates value for key and stores it (normalised). Returns 0, 1 when the
 * key or value is wrong (message in err), 2 when the store failed.
 */
int settings_set(struct store *s, const char *name, const char *value, char *err,
		 size_t errlen);

/* The local day number of unix_ms, with the day starting at rollover. */
int64_t settings_day(int64_t unix_ms, int rollover);

#endif

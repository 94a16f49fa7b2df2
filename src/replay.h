/*
 * replay: reads the input of `drill fsrs replay` (docs/fsrs.md), a review
 * history as TSV, one review per line: card_id, unix_seconds, rating.
 *
 * Owns: the checked records, the table of cards they name, and the
 * messages about bad lines. Pure: never prints, reads no clock and no time
 * zone of its own (the caller passes the UTC offset lookup), no globals.
 * Used by cmd_fsrs.c, which prints the messages and runs the scheduler
 * over the records, and by the fuzz target fuzz/fuzz_replay.c.
 *
 * Ownership: replay_parse returns an object the caller frees with
 * replay_free (NULL is accepted). Card ids point into the object's own
 * copy of the input and live as long as it.
 */
#ifndef DRILL_REPLAY_H
#define DRILL_REPLAY_H

#include <stddef.h>
#include <stdint.h>

/* Longest card id, in bytes. */
#define REPLAY_MAX_ID 256
/* Messages kept for bad lines; further bad lines are only counted. */
#define REPLAY_MAX_ERRORS 50
/* 0001-01-01 .. 9999-12-31 UTC: what a local time and the output can hold. */
#define REPLAY_MIN_TIME INT64_C(-62135596800)
#define REPLAY_MAX_TIME INT64_C(253402300799)

/* One checked review. */
struct replay_rec {
	size_t card;  /* index into replay.cards */
	int64_t secs; /* unix seconds */
	int64_t day;  /* local day number (fsrs_day_number) */
	int rating;   /* 1 again, 2 hard, 3 good, 4 easy */
};

/* A card named in the input, in order of first appearance. */
struct replay_card {
	const char *id;	   /* 1..REPLAY_MAX_ID bytes, no control character; owned by the replay */
	uint64_t hash;	   /* rng_hash(id): the table key and the fuzz card key */
	int64_t last_secs; /* unix seconds of its latest review so far */
	size_t last_line;  /* input line of that review; 0 before the first */
};

/* What is wrong with one input line. */
struct replay_error {
	size_t line; /* 1-based input line */
	char *msg;   /* owned; no "line N: " prefix, no newline */
};

struct replay {
	struct replay_rec *recs; /* owned; the good lines, in input order */
	size_t nrecs;
	struct replay_card *cards; /* owned */
	size_t ncards;
	struct replay_error *errors; /* owned; the first REPLAY_MAX_ERRORS bad lines */
	size_t nerrors;
	size_t nbad; /* every bad line, shown or not; >= nerrors */

	/* private to replay.c */
	char *text; /* the input, split in place */
	size_t reccap, cardcap;
	size_t *slots; /* card index + 1; 0 = empty */
	size_t nslots; /* a power of two */
};

/*
 * Sets *utc_offset to the offset from UTC, in seconds, of local time at
 * unix time secs. Returns 0, or -1 when the time cannot be converted.
 */
typedef int (*replay_offset_fn)(int64_t secs, int32_t *utc_offset, void *ctx);

/*
 * Reads buf[0..len) (any bytes). Blank lines and lines starting with '#'
 * are skipped; a trailing CR is dropped. Each card's reviews must be in
 * time order. Days are counted with fsrs_day_number from offset's answer
 * and rollover_hour (0..23); a NULL offset means UTC.
 *
 * Always sets *out; returns (*out)->nbad, the number of bad lines. When it
 * is not 0 the input must not be replayed.
 */
size_t replay_parse(const char *buf, size_t len, int rollover_hour, replay_offset_fn offset,
		    void *ctx, struct replay **out);

void replay_free(struct replay *r);

#endif

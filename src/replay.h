/*
 * replay: reads the input of `drill fsrs replay` (docs/fsrs.md), a review
 * history as TSV, one review per line: card_id, unix_seconds, rating.
 *
 * Also writes the output's lines (replay_format_step), numbers included.
 *
 * Owns: the table of cards the input names, the messages about bad lines,
 * and (replay_parse only) the checked records. Pure: never prints, reads
 * no clock and no time zone of its own (the caller passes the UTC offset
 * lookup), no globals. Used by cmd_fsrs.c, which reads the input a line at
 * a time (replay_line) so that its memory grows with the cards and not
 * with the reviews, prints the messages and runs the scheduler; and by the
 * fuzz target fuzz/fuzz_replay.c and the unit tests (replay_parse).
 *
 * Ownership: replay_new and replay_parse return an object the caller frees
 * with replay_free (NULL is accepted). Card ids are the object's own copies
 * and live as long as it. Line text passed in is borrowed for the call.
 */
#ifndef DRILL_REPLAY_H
#define DRILL_REPLAY_H

#include <stddef.h>
#include <stdint.h>

#include "fsrs.h"

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
	const char *id;	   /* 1..REPLAY_MAX_ID bytes, no control character, NUL-terminated; owned by
			      the replay */
	size_t idlen;	   /* strlen(id) */
	uint64_t hash;	   /* rng_hash(id): the table key and the fuzz card key */
	int64_t last_secs; /* unix seconds of its latest review so far */
	size_t last_line;  /* input line of that review; 0 before the first */
};

/* What is wrong with one input line. */
struct replay_error {
	size_t line; /* 1-based input line */
	char *msg;   /* owned; no "line N: " prefix, no newline */
};

/*
 * Sets *utc_offset to the offset from UTC, in seconds, of local time at
 * unix time secs. Returns 0, or -1 when the time cannot be converted.
 */
typedef int (*replay_offset_fn)(int64_t secs, int32_t *utc_offset, void *ctx);

/* A slot of the card table (private to replay.c). */
struct replay_slot {
	uint32_t tag;  /* high bits of the id's mixed hash */
	uint32_t card; /* index in cards + 1; 0: free */
};

struct replay {
	struct replay_rec *recs; /* owned; the good lines, in input order (replay_parse only) */
	size_t nrecs;
	struct replay_card *cards; /* owned */
	size_t ncards;
	struct replay_error *errors; /* owned; the first REPLAY_MAX_ERRORS bad lines */
	size_t nerrors;
	size_t nbad; /* every bad line, shown or not; >= nerrors */

	/* private to replay.c */
	int rollover;		 /* rollover hour, 0..23 */
	replay_offset_fn offset; /* NULL: UTC */
	void *ctx;		 /* for offset */
	size_t reccap, cardcap;
	char **blocks;		   /* the card ids, packed */
	size_t nblocks;		   /* blocks in use; the last one is being filled */
	size_t blockused;	   /* bytes used in the last block */
	struct replay_slot *slots; /* the card table; a free slot has card 0 */
	size_t nslots;		   /* a power of two */
};

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

/*
 * An empty replay for reading input a line at a time: days are counted
 * with fsrs_day_number from offset's answer (NULL: UTC) and rollover_hour
 * (0..23).
 */
struct replay *replay_new(int rollover_hour, replay_offset_fn offset, void *ctx);

/* What replay_line found. */
enum replay_kind {
	REPLAY_BAD = -1,  /* a bad line: counted in nbad, its message kept */
	REPLAY_SKIP = 0,  /* blank or a #comment */
	REPLAY_REVIEW = 1 /* a review: *rec is filled */
};

/*
 * Checks input line number line (1-based): s[0..n), without its '\n'; a
 * trailing CR is dropped, any other byte is allowed (a NUL makes it bad).
 * A review's card is added to the table if new, and must not be earlier
 * than that card's previous review. Returns an enum replay_kind.
 */
int replay_line(struct replay *r, const char *s, size_t n, size_t line, struct replay_rec *rec);

/*
 * Forgets each card's latest review (keeping the cards and their order),
 * so that the same input can be checked again line by line, as the second
 * pass of cmd_fsrs.c does.
 */
void replay_rewind(struct replay *r);

void replay_free(struct replay *r);

/* The output's first line, with its newline. */
#define REPLAY_HEADER                                                                              \
	"card_id\tunix_seconds\trating\tstate_after\tstability\tdifficulty\t"                      \
	"retrievability_before\tinterval_days\tdue_unix\n"

/* The longest line replay_format_step writes, newline included (no NUL). */
#define REPLAY_STEP_MAX 512

/*
 * Writes the output line for one review into out (at least REPLAY_STEP_MAX
 * bytes, not NUL-terminated) and returns its length: card id, seconds,
 * rating, the state after, S, D, r_before ("-" when NaN), the interval in
 * days and the due time in unix seconds, tab-separated, with a newline.
 */
size_t replay_format_step(char *out, const struct replay_card *c, const struct replay_rec *rec,
			  const struct fsrs_card *after, double r_before);

/* The most bytes replay_format_double writes (no NUL). */
#define REPLAY_DOUBLE_MAX 47

/*
 * Writes x as the shortest decimal that reads back as the same double, in
 * plain notation ("2.3065", "10", "0.00012", "0" for -0, "nan" for any
 * value that is not finite), cut at REPLAY_DOUBLE_MAX bytes. The
 * scheduler's values are rounded to 8 decimals: those are written without
 * printf; any other value goes through snprintf. Returns the length; out
 * is not NUL-terminated.
 */
size_t replay_format_double(double x, char *out);

#endif

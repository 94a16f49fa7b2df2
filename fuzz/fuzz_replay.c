/*
 * Fuzz target: the reader of `drill fsrs replay`'s input, then the
 * scheduler over every record it accepted. Checked records always replay
 * (cmd_fsrs.c relies on it). The first byte also picks the options: the
 * rollover hour, fuzz, steps, and a made-up time zone whose offset moves
 * back and forth by hours (as DST does) and that cannot convert some times.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fsrs.h"
#include "replay.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
fuzz_replay_offset(int64_t secs, int32_t *utc_offset, void *ctx)
{
	uint64_t u = (uint64_t)secs;

	(void)ctx;
	if ((u & 0xffff) == 0x1234)
		return -1;
	*utc_offset = (int32_t)((int64_t)((u >> 20) % 29) - 14) * 3600;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned opt = size > 0 ? data[0] : 0;
	struct replay *r = NULL;
	struct fsrs_params p;
	struct fsrs_card *sched;
	size_t nbad;

	nbad = replay_parse((const char *)data, size, (int)(opt % 24),
			    (opt & 0x80) ? fuzz_replay_offset : NULL, NULL, &r);
	if (r == NULL || nbad != r->nbad || r->nerrors > REPLAY_MAX_ERRORS ||
	    r->nerrors != (nbad < REPLAY_MAX_ERRORS ? nbad : REPLAY_MAX_ERRORS))
		__builtin_trap();
	for (size_t i = 0; i < r->nerrors; i++)
		if (r->errors[i].line == 0 || r->errors[i].msg[0] == '\0')
			__builtin_trap();

	fsrs_params_default(&p);
	p.fuzz = (opt & 0x20) != 0;
	if (opt & 0x40)
		p.nlearning = p.nrelearning = 0;
	sched = xcalloc(r->ncards + 1, sizeof(*sched));
	for (size_t i = 0; i < r->nrecs; i++) {
		const struct replay_rec *rec = &r->recs[i];
		struct fsrs_card *c = &sched[rec->card];
		int64_t day = rec->day;
		double rb;

		if (rec->card >= r->ncards || rec->rating < 1 || rec->rating > 4 ||
		    rec->secs < REPLAY_MIN_TIME || rec->secs > REPLAY_MAX_TIME)
			__builtin_trap();
		/* Each card's records are in time order (cmd_fsrs.c clamps the day alike). */
		if (c->state != FSRS_NEW && rec->secs * 1000 < c->last_review)
			__builtin_trap();
		if (c->state != FSRS_NEW && day < c->last_day)
			day = c->last_day;
		if (fsrs_review(&p, c, rec->secs * 1000, day, (enum fsrs_rating)rec->rating,
				fsrs_fuzz_seed(r->cards[rec->card].hash, c->reps + 1), c,
				&rb) != FSRS_OK)
			__builtin_trap();
		if (!fsrs_card_is_valid(c))
			__builtin_trap();
	}
	free(sched);
	replay_free(r);
	return 0;
}

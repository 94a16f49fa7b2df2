/* replay: see replay.h. */
#include "replay.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fsrs.h"
#include "rng.h"
#include "util.h"

void
replay_free(struct replay *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->nerrors; i++)
		free(r->errors[i].msg);
	free(r->errors);
	free(r->recs);
	free(r->cards);
	free(r->slots);
	free(r->text);
	free(r);
}

static void replay_error(struct replay *r, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Counts a bad line, keeping its message while fewer than the maximum are kept. */
static void
replay_error(struct replay *r, size_t line, const char *fmt, ...)
{
	struct sbuf m = {0};
	va_list ap;

	if (++r->nbad > REPLAY_MAX_ERRORS)
		return;
	va_start(ap, fmt);
	sbuf_vprintf(&m, fmt, ap);
	va_end(ap);
	r->errors = xrealloc(r->errors, r->nbad * sizeof *r->errors);
	r->errors[r->nerrors].line = line;
	r->errors[r->nerrors].msg = sbuf_take(&m);
	r->nerrors++;
}

static void
replay_table_grow(struct replay *r)
{
	size_t n = r->nslots ? r->nslots * 2 : 1024, i, j;
	size_t *slots = xcalloc(n, sizeof *slots);

	for (i = 0; i < r->ncards; i++) {
		j = (size_t)r->cards[i].hash & (n - 1);
		while (slots[j] != 0)
			j = (j + 1) & (n - 1);
		slots[j] = i + 1;
	}
	free(r->slots);
	r->slots = slots;
	r->nslots = n;
}

/* Returns the index of card id (which lives in r->text), adding it if new. */
static size_t
replay_table_get(struct replay *r, const char *id)
{
	uint64_t h = rng_hash(id);
	size_t j;

	if ((r->ncards + 1) * 2 > r->nslots)
		replay_table_grow(r);
	j = (size_t)h & (r->nslots - 1);
	while (r->slots[j] != 0) {
		const struct replay_card *c = &r->cards[r->slots[j] - 1];

		if (c->hash == h && strcmp(c->id, id) == 0)
			return r->slots[j] - 1;
		j = (j + 1) & (r->nslots - 1);
	}
	if (r->ncards == r->cardcap) {
		r->cardcap = r->cardcap ? r->cardcap * 2 : 256;
		r->cards = xrealloc(r->cards, r->cardcap * sizeof *r->cards);
	}
	memset(&r->cards[r->ncards], 0, sizeof r->cards[r->ncards]);
	r->cards[r->ncards].id = id;
	r->cards[r->ncards].hash = h;
	r->slots[j] = ++r->ncards;
	return r->ncards - 1;
}

static int
replay_parse_int(const char *s, int64_t *out)
{
	char *end;
	long long v;

	if (*s == '\0' || (*s != '-' && (*s < '0' || *s > '9')))
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return -1;
	*out = (int64_t)v;
	return 0;
}

/*
 * Checks one line s (NUL-terminated, without its newline, no NUL inside)
 * and fills *rec. Returns 0, or -1 after recording the problem.
 */
static int
replay_parse_line(struct replay *r, char *s, size_t line, int rollover, replay_offset_fn offset,
		  void *ctx, struct replay_rec *rec)
{
	char *f[4];
	size_t nf = 0, idlen, i;
	int64_t secs, rating;
	int32_t utc_offset = 0;
	struct replay_card *c;

	f[nf++] = s;
	for (; *s != '\0'; s++) {
		if (*s == '\t') {
			*s = '\0';
			if (nf == 4)
				break;
			f[nf++] = s + 1;
		}
	}
	if (nf != 3) {
		replay_error(r, line,
			     "expected 3 tab-separated fields (card_id, unix_seconds, "
			     "rating), found %s%zu",
			     nf > 3 ? "at least " : "", nf);
		return -1;
	}
	idlen = strlen(f[0]);
	if (idlen == 0 || idlen > REPLAY_MAX_ID) {
		replay_error(r, line, "card_id must be 1 to %d bytes", REPLAY_MAX_ID);
		return -1;
	}
	for (i = 0; i < idlen; i++) {
		if ((unsigned char)f[0][i] < 0x20 || f[0][i] == 0x7f) {
			replay_error(r, line, "card_id contains a control character");
			return -1;
		}
	}
	if (replay_parse_int(f[1], &secs) != 0 || secs < REPLAY_MIN_TIME ||
	    secs > REPLAY_MAX_TIME) {
		replay_error(r, line,
			     "unix_seconds \"%s\" is not a whole number of seconds "
			     "between years 1 and 9999",
			     f[1]);
		return -1;
	}
	if (replay_parse_int(f[2], &rating) != 0 || rating < 1 || rating > 4) {
		replay_error(r, line,
			     "rating \"%s\" is not 1 (again), 2 (hard), 3 (good) or 4 (easy)",
			     f[2]);
		return -1;
	}
	if (offset != NULL && offset(secs, &utc_offset, ctx) != 0) {
		replay_error(r, line, "cannot convert %s to local time", f[1]);
		return -1;
	}
	rec->card = replay_table_get(r, f[0]);
	c = &r->cards[rec->card];
	if (c->last_line != 0 && secs < c->last_secs) {
		replay_error(r, line,
			     "card \"%s\" at %" PRId64 " is earlier than its review on line %zu",
			     f[0], secs, c->last_line);
		return -1;
	}
	c->last_secs = secs;
	c->last_line = line;
	rec->secs = secs;
	rec->day = fsrs_day_number(secs * 1000, utc_offset, rollover);
	rec->rating = (int)rating;
	return 0;
}

size_t
replay_parse(const char *buf, size_t len, int rollover_hour, replay_offset_fn offset, void *ctx,
	     struct replay **out)
{
	struct replay *r = xcalloc(1, sizeof *r);
	size_t pos = 0, line = 0;

	r->text = xmalloc(len + 1);
	if (len > 0)
		memcpy(r->text, buf, len);
	r->text[len] = '\0';
	while (pos < len) {
		char *s = r->text + pos;
		char *nl = memchr(s, '\n', len - pos);
		size_t n = nl != NULL ? (size_t)(nl - s) : len - pos;

		pos += n + (nl != NULL);
		line++;
		s[n] = '\0';
		if (n > 0 && s[n - 1] == '\r')
			s[--n] = '\0';
		if (n == 0 || s[0] == '#')
			continue;
		if (memchr(s, '\0', n) != NULL) {
			replay_error(r, line, "contains a NUL byte; the history must be text");
			continue;
		}
		if (r->nrecs == r->reccap) {
			r->reccap = r->reccap ? r->reccap * 2 : 1024;
			r->recs = xrealloc(r->recs, r->reccap * sizeof *r->recs);
		}
		if (replay_parse_line(r, s, line, rollover_hour, offset, ctx, &r->recs[r->nrecs]) ==
		    0)
			r->nrecs++;
	}
	*out = r;
	return r->nbad;
}

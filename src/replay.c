/* replay: see replay.h. */
#include "replay.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsrs.h"
#include "util.h"

struct replay *
replay_new(int rollover_hour, replay_offset_fn offset, void *ctx)
{
	struct replay *r = xcalloc(1, sizeof *r);

	r->rollover = rollover_hour;
	r->offset = offset;
	r->ctx = ctx;
	return r;
}

void
replay_free(struct replay *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->nerrors; i++)
		free(r->errors[i].msg);
	for (size_t i = 0; i < r->nblocks; i++)
		free(r->blocks[i]);
	free(r->blocks);
	free(r->errors);
	free(r->recs);
	free(r->cards);
	free(r->slots);
	free(r);
}

void
replay_rewind(struct replay *r)
{
	for (size_t i = 0; i < r->ncards; i++) {
		r->cards[i].last_secs = 0;
		r->cards[i].last_line = 0;
	}
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

/* rng_hash (FNV-1a) of s[0..n), which holds no NUL. */
static uint64_t
replay_hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/*
 * Hash h mixed for the table: its low bits pick the slot, its high 32 bits
 * are the slot's tag. FNV-1a's low bits cluster on ids that differ only in
 * their last characters ("c1", "c2", ...), hence murmur3's finalizer.
 */
static uint64_t
replay_mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

static void
replay_table_grow(struct replay *r)
{
	size_t n = r->nslots ? r->nslots * 2 : 1024, i, j;
	struct replay_slot *slots = xcalloc(n, sizeof *slots);

	for (i = 0; i < r->ncards; i++) {
		uint64_t m = replay_mix(r->cards[i].hash);

		j = (size_t)m & (n - 1);
		while (slots[j].card != 0)
			j = (j + 1) & (n - 1);
		slots[j].tag = (uint32_t)(m >> 32);
		slots[j].card = (uint32_t)(i + 1);
	}
	free(r->slots);
	r->slots = slots;
	r->nslots = n;
}

/* Block size of the card ids' storage: ids are packed, for fewer cache misses. */
#define REPLAY_BLOCK ((size_t)64 << 10)

/* Returns a copy of id[0..n) (n <= REPLAY_MAX_ID) with a NUL, in r's blocks. */
static char *
replay_store_id(struct replay *r, const char *id, size_t n)
{
	char *p;

	if (r->nblocks == 0 || REPLAY_BLOCK - r->blockused < n + 1) {
		r->blocks = xrealloc(r->blocks, (r->nblocks + 1) * sizeof *r->blocks);
		r->blocks[r->nblocks++] = xmalloc(REPLAY_BLOCK);
		r->blockused = 0;
	}
	p = r->blocks[r->nblocks - 1] + r->blockused;
	r->blockused += n + 1;
	memcpy(p, id, n);
	p[n] = '\0';
	return p;
}

/* Returns the index of card id[0..n) (of hash h), adding a copy if new; SIZE_MAX when the
 * table is full. */
static size_t
replay_table_get(struct replay *r, const char *id, size_t n, uint64_t h)
{
	uint64_t m = replay_mix(h);
	uint32_t tag = (uint32_t)(m >> 32);
	struct replay_card *c;
	size_t j;

	if ((r->ncards + 1) * 2 > r->nslots)
		replay_table_grow(r);
	j = (size_t)m & (r->nslots - 1);
	while (r->slots[j].card != 0) {
		if (r->slots[j].tag == tag) {
			c = &r->cards[r->slots[j].card - 1];
			if (c->idlen == n && memcmp(c->id, id, n) == 0)
				return r->slots[j].card - 1;
		}
		j = (j + 1) & (r->nslots - 1);
	}
	if (r->ncards >= UINT32_MAX - 1)
		return SIZE_MAX;
	if (r->ncards == r->cardcap) {
		r->cardcap = r->cardcap ? r->cardcap * 2 : 256;
		r->cards = xrealloc(r->cards, r->cardcap * sizeof *r->cards);
	}
	c = &r->cards[r->ncards];
	memset(c, 0, sizeof *c);
	c->id = replay_store_id(r, id, n);
	c->idlen = n;
	c->hash = h;
	r->slots[j].tag = tag;
	r->slots[j].card = (uint32_t)++r->ncards;
	return r->ncards - 1;
}

/*
 * Reads s[0..n) as an optional '-' and one or more decimal digits (what
 * strtoll took before, less its leading spaces and '+', which the replay
 * never accepted). Values beyond +-10^18 are refused: every caller's range
 * is far smaller.
 */
static int
replay_parse_int(const char *s, size_t n, int64_t *out)
{
	size_t i = 0;
	int64_t v = 0;
	int neg = n > 0 && s[0] == '-';

	i = (size_t)neg;
	if (i == n)
		return -1;
	for (; i < n; i++) {
		unsigned d = (unsigned)(unsigned char)s[i] - '0';

		if (d > 9 || v > INT64_C(100000000000000000))
			return -1;
		v = v * 10 + (int64_t)d;
	}
	*out = neg ? -v : v;
	return 0;
}

int
replay_line(struct replay *r, const char *s, size_t n, size_t line, struct replay_rec *rec)
{
	const char *f[3];
	size_t fl[3] = {0, 0, 0}, nf = 1, start = 0, i;
	int64_t secs, rating;
	int32_t utc_offset = 0;
	int nul = 0, ctrl = 0;
	uint64_t h;
	struct replay_card *c;

	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (n == 0 || s[0] == '#')
		return REPLAY_SKIP;
	/* One scan: the tabs, a NUL anywhere, a control character in the id. */
	f[0] = s;
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch >= 0x20 && ch != 0x7f)
			continue;
		if (ch == '\0')
			nul = 1;
		else if (ch != '\t') {
			if (nf == 1)
				ctrl = 1;
		} else if (nf <= 3) {
			fl[nf - 1] = i - start;
			start = i + 1;
			if (nf < 3)
				f[nf] = s + start;
			nf++;
		}
	}
	if (nul) {
		replay_error(r, line, "contains a NUL byte; the history must be text");
		return REPLAY_BAD;
	}
	if (nf != 3) {
		replay_error(r, line,
			     "expected 3 tab-separated fields (card_id, unix_seconds, "
			     "rating), found %s%zu",
			     nf > 3 ? "at least " : "", nf);
		return REPLAY_BAD;
	}
	fl[2] = n - start;
	if (fl[0] == 0 || fl[0] > REPLAY_MAX_ID) {
		replay_error(r, line, "card_id must be 1 to %d bytes", REPLAY_MAX_ID);
		return REPLAY_BAD;
	}
	if (ctrl) {
		replay_error(r, line, "card_id contains a control character");
		return REPLAY_BAD;
	}
	/* Start loading the card's slot now: the rest of the checks and the
	 * time zone lookup hide the cache miss. */
	h = replay_hash(f[0], fl[0]);
	if (r->nslots > 0)
		__builtin_prefetch(&r->slots[replay_mix(h) & (r->nslots - 1)]);
	if (replay_parse_int(f[1], fl[1], &secs) != 0 || secs < REPLAY_MIN_TIME ||
	    secs > REPLAY_MAX_TIME) {
		replay_error(r, line,
			     "unix_seconds \"%.*s\" is not a whole number of seconds "
			     "between years 1 and 9999",
			     (int)fl[1], f[1]);
		return REPLAY_BAD;
	}
	if (replay_parse_int(f[2], fl[2], &rating) != 0 || rating < 1 || rating > 4) {
		replay_error(r, line,
			     "rating \"%.*s\" is not 1 (again), 2 (hard), 3 (good) or 4 (easy)",
			     (int)fl[2], f[2]);
		return REPLAY_BAD;
	}
	if (r->offset != NULL && r->offset(secs, &utc_offset, r->ctx) != 0) {
		replay_error(r, line, "cannot convert %.*s to local time", (int)fl[1], f[1]);
		return REPLAY_BAD;
	}
	rec->card = replay_table_get(r, f[0], fl[0], h);
	if (rec->card == SIZE_MAX) {
		replay_error(r, line, "more than %" PRIu32 " different cards", UINT32_MAX - 1);
		return REPLAY_BAD;
	}
	c = &r->cards[rec->card];
	if (c->last_line != 0 && secs < c->last_secs) {
		replay_error(r, line,
			     "card \"%s\" at %" PRId64 " is earlier than its review on line %zu",
			     c->id, secs, c->last_line);
		return REPLAY_BAD;
	}
	c->last_secs = secs;
	c->last_line = line;
	rec->secs = secs;
	rec->day = fsrs_day_number(secs * 1000, utc_offset, r->rollover);
	rec->rating = (int)rating;
	return REPLAY_REVIEW;
}

size_t
replay_parse(const char *buf, size_t len, int rollover_hour, replay_offset_fn offset, void *ctx,
	     struct replay **out)
{
	struct replay *r = replay_new(rollover_hour, offset, ctx);
	size_t pos = 0, line = 0;

	while (pos < len) {
		const char *s = buf + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t n = nl != NULL ? (size_t)(nl - s) : len - pos;

		pos += n + (nl != NULL);
		line++;
		if (r->nrecs == r->reccap) {
			r->reccap = r->reccap ? r->reccap * 2 : 1024;
			r->recs = xrealloc(r->recs, r->reccap * sizeof *r->recs);
		}
		if (replay_line(r, s, n, line, &r->recs[r->nrecs]) == REPLAY_REVIEW)
			r->nrecs++;
	}
	*out = r;
	return r->nbad;
}

/* ---- output ---- */

/* "00" .. "99": two digits at a time. */
static const char replay_digits[201] = "00010203040506070809"
				       "10111213141516171819"
				       "20212223242526272829"
				       "30313233343536373839"
				       "40414243444546474849"
				       "50515253545556575859"
				       "60616263646566676869"
				       "70717273747576777879"
				       "80818283848586878889"
				       "90919293949596979899";

/* Writes u in decimal at out; returns the length. */
static size_t
replay_format_uint(uint64_t u, char *out)
{
	char tmp[24];
	size_t n = sizeof tmp, len;

	while (u >= 100) {
		unsigned d = (unsigned)(u % 100);

		u /= 100;
		n -= 2;
		memcpy(tmp + n, replay_digits + 2 * d, 2);
	}
	if (u >= 10) {
		n -= 2;
		memcpy(tmp + n, replay_digits + 2 * u, 2);
	} else {
		tmp[--n] = (char)('0' + u);
	}
	len = sizeof tmp - n;
	memcpy(out, tmp + n, len);
	return len;
}

/* Writes v in decimal at out; returns the length. */
static size_t
replay_format_int(int64_t v, char *out)
{
	if (v >= 0)
		return replay_format_uint((uint64_t)v, out);
	out[0] = '-';
	return 1 + replay_format_uint((uint64_t)0 - (uint64_t)v, out + 1);
}

/*
 * What drill wrote before issue 20, for the values the fast path of
 * replay_format_double cannot prove it writes the same way: "%.8f" with its
 * trailing zeros dropped when that reads back as x, else the fewest
 * significant digits that do, in plain notation; cut at 47 bytes.
 */
static size_t
replay_format_double_slow(double x, char *out)
{
	char buf[REPLAY_DOUBLE_MAX + 1], sci[40];
	char *end;
	int p, e, dec;
	size_t n;

	if (!isfinite(x)) {
		memcpy(out, "nan", 3);
		return 3;
	}
	snprintf(buf, sizeof buf, "%.8f", x);
	if (strtod(buf, NULL) == x) {
		n = strlen(buf);
		while (n > 0 && buf[n - 1] == '0')
			buf[--n] = '\0';
		if (n > 0 && buf[n - 1] == '.')
			buf[--n] = '\0';
		if (strcmp(buf, "-0") == 0)
			snprintf(buf, sizeof buf, "0");
	} else {
		for (p = 1; p <= 17; p++) {
			snprintf(sci, sizeof sci, "%.*e", p - 1, x);
			if (strtod(sci, NULL) == x)
				break;
		}
		end = strchr(sci, 'e');
		e = end != NULL ? atoi(end + 1) : 0;
		dec = p - 1 - e;
		if (dec < 0)
			dec = 0;
		snprintf(buf, sizeof buf, "%.*f", dec, x);
	}
	n = strlen(buf);
	memcpy(out, buf, n);
	return n;
}

/*
 * The fast path. When |x| < 2^26 and x is the double nearest to k / 10^8
 * for the integer k = round(x * 10^8) (checked by doing that division,
 * which IEEE 754 rounds correctly), x lies within half an ulp, at most
 * 2^-28 < 0.5e-8, of k / 10^8: so "%.8f" prints exactly the digits of k
 * (x is no halfway case), and they read back as x. The old routine then
 * drops the trailing zeros and writes "-0" as "0", as done here.
 */
size_t
replay_format_double(double x, char *out)
{
	static const double lim = 67108864.0; /* 2^26 */
	double y;
	int64_t k;
	uint64_t u, ip, fp;
	size_t len = 0;

	if (!(x > -lim && x < lim))
		return replay_format_double_slow(x, out);
	y = x * 100000000.0;
	k = (int64_t)(y < 0 ? y - 0.5 : y + 0.5);
	if ((double)k / 100000000.0 != x)
		return replay_format_double_slow(x, out);
	u = k < 0 ? (uint64_t)0 - (uint64_t)k : (uint64_t)k;
	if (k < 0)
		out[len++] = '-';
	ip = u / 100000000u;
	fp = u % 100000000u;
	len += replay_format_uint(ip, out + len);
	if (fp != 0) {
		char frac[8];
		size_t digits = 8;

		for (int i = 6; i >= 0; i -= 2) {
			memcpy(frac + i, replay_digits + 2 * (fp % 100), 2);
			fp /= 100;
		}
		while (frac[digits - 1] == '0')
			digits--;
		out[len++] = '.';
		memcpy(out + len, frac, digits);
		len += digits;
	}
	return len;
}

static int64_t
replay_floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if (a % b != 0 && (a < 0) != (b < 0))
		q--;
	return q;
}

size_t
replay_format_step(char *out, const struct replay_card *c, const struct replay_rec *rec,
		   const struct fsrs_card *after, double r_before)
{
	static const struct {
		const char *s;
		size_t n;
	} names[] = {{"new", 3}, {"learning", 8}, {"review", 6}, {"relearning", 10}};
	unsigned st = (unsigned)after->state;
	const char *state = st < 4 ? names[st].s : fsrs_state_name(after->state);
	size_t len = c->idlen, n = st < 4 ? names[st].n : strlen(state);

	memcpy(out, c->id, len);
	out[len++] = '\t';
	len += replay_format_int(rec->secs, out + len);
	out[len++] = '\t';
	out[len++] = (char)('0' + rec->rating);
	out[len++] = '\t';
	memcpy(out + len, state, n);
	len += n;
	out[len++] = '\t';
	len += replay_format_double(after->stability, out + len);
	out[len++] = '\t';
	len += replay_format_double(after->difficulty, out + len);
	out[len++] = '\t';
	if (isnan(r_before))
		out[len++] = '-';
	else
		len += replay_format_double(r_before, out + len);
	out[len++] = '\t';
	len += replay_format_int(after->scheduled_days, out + len);
	out[len++] = '\t';
	len += replay_format_int(replay_floor_div(after->due, 1000), out + len);
	out[len++] = '\n';
	return len;
}

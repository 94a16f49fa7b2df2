/* queue: see queue.h. */
#include "queue.h"

#include <stdlib.h>
#include <string.h>

#include "fsrs.h"
#include "rng.h"
#include "util.h"

/* A card graded this session that comes back later in it. */
struct queue_reask {
	char *id;
	int64_t due;     /* unix ms */
	int reps;        /* the state it was graded to */
	size_t after;    /* shown count it must wait for */
};

/*
 * A set of strings (open addressing, linear probing), for the ids the
 * queue has taken and the groups it has buried. Invariant: n < cap / 2,
 * cap a power of two (or 0).
 */
struct queue_set {
	char **v;
	size_t n, cap;
};

struct queue {
	struct queue_opts o;      /* o.new_first points to new_first */
	char *new_first;          /* owned copy */
	struct store_picks due;   /* in serving order */
	size_t due_pos;
	struct store_picks fresh; /* arranged by new_order */
	size_t fresh_pos;
	int new_taken;
	struct strv front;        /* LIFO */
	struct queue_reask *reask;
	size_t nreask;
	size_t shown;             /* cards shown so far */
	struct queue_set taken;   /* ids taken from due or new, or re-asked */
	struct queue_set buried;  /* groups of graded cards */
};

/* ---- the string set ---- */

static bool
queue_set_has(const struct queue_set *s, const char *key)
{
	if (s->cap == 0)
		return false;
	for (size_t i = rng_hash(key) & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
		if (s->v[i] == NULL)
			return false;
		if (strcmp(s->v[i], key) == 0)
			return true;
	}
}

static void
queue_set_put(struct queue_set *s, char *owned)
{
	size_t i = rng_hash(owned) & (s->cap - 1);

	while (s->v[i] != NULL)
		i = (i + 1) & (s->cap - 1);
	s->v[i] = owned;
	s->n++;
}

static void
queue_set_add(struct queue_set *s, const char *key)
{
	if (queue_set_has(s, key))
		return;
	if (2 * (s->n + 1) > s->cap) {
		struct queue_set bigger = {NULL, 0, s->cap ? s->cap * 2 : 64};
		bigger.v = xcalloc(bigger.cap, sizeof(*bigger.v));
		for (size_t i = 0; i < s->cap; i++)
			if (s->v[i] != NULL)
				queue_set_put(&bigger, s->v[i]);
		free(s->v);
		*s = bigger;
	}
	queue_set_put(s, xstrdup(key));
}

static void
queue_set_free(struct queue_set *s)
{
	for (size_t i = 0; i < s->cap; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

/* ---- building ---- */

struct queue *
queue_new(const struct queue_opts *o)
{
	struct queue *q = xcalloc(1, sizeof(*q));

	q->o = *o;
	q->new_first = o->new_first ? xstrdup(o->new_first) : NULL;
	q->o.new_first = q->new_first;
	return q;
}

void
queue_free(struct queue *q)
{
	if (q == NULL)
		return;
	store_picks_free(&q->due);
	store_picks_free(&q->fresh);
	strv_free(&q->front);
	for (size_t i = 0; i < q->nreask; i++)
		free(q->reask[i].id);
	free(q->reask);
	queue_set_free(&q->taken);
	queue_set_free(&q->buried);
	free(q->new_first);
	free(q);
}

/* Moves pick p to the end of dst. */
static void
queue_move(struct store_picks *dst, struct store_pick *p)
{
	if (dst->n == dst->cap) {
		dst->cap = dst->cap ? dst->cap * 2 : 64;
		dst->v = xrealloc(dst->v, dst->cap * sizeof(*dst->v));
	}
	dst->v[dst->n++] = *p;
	memset(p, 0, sizeof(*p));
}

void
queue_add_due(struct queue *q, struct store_picks *due)
{
	/* Drop what was taken already: compact, then append. */
	size_t k = 0;

	for (size_t i = 0; i < q->due_pos; i++)
		store_pick_clear(&q->due.v[i]);
	for (size_t i = q->due_pos; i < q->due.n; i++)
		q->due.v[k++] = q->due.v[i];
	q->due.n = k;
	q->due_pos = 0;
	for (size_t i = 0; i < due->n; i++) {
		if (queue_set_has(&q->taken, due->v[i].id)) {
			store_pick_clear(&due->v[i]);
			continue;
		}
		queue_move(&q->due, &due->v[i]);
	}
	free(due->v);
	memset(due, 0, sizeof(*due));
}

/*
 * Round-robin over the decks of v[lo..hi), whose cards come grouped by
 * deck (consecutive runs), each deck in its own order; appends to out.
 */
static void
queue_interleave(struct store_pick *v, size_t lo, size_t hi, struct store_picks *out)
{
	size_t *start = NULL, *next = NULL, nd = 0;
	bool more = true;

	for (size_t i = lo; i < hi; i++)
		if (i == lo || strcmp(v[i].deck_key, v[i - 1].deck_key) != 0) {
			start = xrealloc(start, (nd + 2) * sizeof(*start));
			start[nd++] = i;
		}
	if (nd == 0)
		return;
	start[nd] = hi;
	next = xmalloc(nd * sizeof(*next));
	memcpy(next, start, nd * sizeof(*next));
	while (more) {
		more = false;
		for (size_t d = 0; d < nd; d++)
			if (next[d] < start[d + 1]) {
				queue_move(out, &v[next[d]++]);
				more = true;
			}
	}
	free(start);
	free(next);
}

void
queue_set_new(struct queue *q, struct store_picks *fresh)
{
	struct store_picks out = {0}, rest = {0};

	store_picks_free(&q->fresh);
	q->fresh_pos = 0;
	if (q->o.order == SETTINGS_NEW_DECK) {
		q->fresh = *fresh;
		memset(fresh, 0, sizeof(*fresh));
		return;
	}
	if (q->o.order == SETTINGS_NEW_LIST) {
		/* The listed decks first, each whole, in the list's order. */
		for (const char *p = q->new_first; p != NULL && *p;) {
			const char *end = strchr(p, ',');
			size_t len = end ? (size_t)(end - p) : strlen(p);
			for (size_t i = 0; i < fresh->n; i++)
				if (fresh->v[i].id != NULL && strlen(fresh->v[i].deck_key) == len &&
				    strncmp(fresh->v[i].deck_key, p, len) == 0)
					queue_move(&out, &fresh->v[i]);
			p = end ? end + 1 : NULL;
		}
	}
	for (size_t i = 0; i < fresh->n; i++)
		if (fresh->v[i].id != NULL)
			queue_move(&rest, &fresh->v[i]);
	queue_interleave(rest.v, 0, rest.n, &out);
	store_picks_free(&rest);
	store_picks_free(fresh);
	q->fresh = out;
}

/* ---- serving ---- */

void
queue_shown(struct queue *q)
{
	q->shown++;
}

void
queue_forget(struct queue *q, const char *id)
{
	for (size_t i = 0; i < q->nreask; i++)
		if (strcmp(q->reask[i].id, id) == 0) {
			free(q->reask[i].id);
			q->reask[i] = q->reask[--q->nreask];
			return;
		}
}

void
queue_graded(struct queue *q, const char *id, const char *group, int state, int64_t due,
	     int reps, int64_t horizon)
{
	q->shown++;
	if (group != NULL)
		queue_set_add(&q->buried, group);
	queue_regraded(q, id, state, due, reps, horizon);
}

void
queue_regraded(struct queue *q, const char *id, int state, int64_t due, int reps,
	       int64_t horizon)
{
	queue_forget(q, id);
	if ((state == FSRS_LEARNING || state == FSRS_RELEARNING) && due < horizon) {
		q->reask = xrealloc(q->reask, (q->nreask + 1) * sizeof(*q->reask));
		q->reask[q->nreask++] = (struct queue_reask){xstrdup(id), due, reps,
							     q->shown + QUEUE_REASK_GAP};
		queue_set_add(&q->taken, id);
	}
}

void
queue_put_front(struct queue *q, const char *id)
{
	strv_push(&q->front, id);
}

/* A new or review card of a group some graded card has buried. */
static bool
queue_is_buried(const struct queue *q, const struct store_pick *p)
{
	return p->group != NULL && (p->state == FSRS_NEW || p->state == FSRS_REVIEW) &&
	       queue_set_has(&q->buried, p->group);
}

/* The index of the earliest re-ask (any when !ready_only; else only those
 * whose step is due and that waited their gap), or SIZE_MAX. */
static size_t
queue_first_reask(const struct queue *q, int64_t now, bool ready_only)
{
	size_t best = SIZE_MAX;

	for (size_t i = 0; i < q->nreask; i++) {
		const struct queue_reask *r = &q->reask[i];
		if (ready_only && (r->due > now || q->shown < r->after))
			continue;
		if (best == SIZE_MAX || r->due < q->reask[best].due ||
		    (r->due == q->reask[best].due && strcmp(r->id, q->reask[best].id) < 0))
			best = i;
	}
	return best;
}

static void
queue_take_reask(struct queue *q, size_t i, struct queue_next *out)
{
	out->kind = QUEUE_CARD;
	out->source = QUEUE_RELEARN;
	out->id = q->reask[i].id;
	out->reps = q->reask[i].reps;
	q->reask[i] = q->reask[--q->nreask];
}

/* Takes the next pick of list (from *pos) that is not buried or taken. */
static struct store_pick *
queue_take(struct queue *q, struct store_picks *list, size_t *pos)
{
	while (*pos < list->n) {
		struct store_pick *p = &list->v[(*pos)++];
		if (queue_is_buried(q, p) || queue_set_has(&q->taken, p->id))
			continue;
		queue_set_add(&q->taken, p->id);
		return p;
	}
	return NULL;
}

/* The next new card within the limit, if any. */
static bool
queue_next_new(struct queue *q, struct queue_next *out)
{
	struct store_pick *p;

	if (q->new_taken >= q->o.new_limit || (p = queue_take(q, &q->fresh, &q->fresh_pos)) == NULL)
		return false;
	q->new_taken++;
	out->kind = QUEUE_CARD;
	out->source = QUEUE_NEW;
	out->id = xstrdup(p->id);
	return true;
}

void
queue_next(struct queue *q, int64_t now, bool force, struct queue_next *out)
{
	struct store_pick *p;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (q->front.n > 0) {
		out->kind = QUEUE_CARD;
		out->source = QUEUE_FRONT;
		out->id = q->front.v[--q->front.n];
		return;
	}
	if ((i = queue_first_reask(q, now, true)) != SIZE_MAX) {
		queue_take_reask(q, i, out);
		return;
	}
	if (q->o.fresh_first && queue_next_new(q, out))
		return;
	if ((p = queue_take(q, &q->due, &q->due_pos)) != NULL) {
		out->kind = QUEUE_CARD;
		out->source = QUEUE_DUE;
		out->id = xstrdup(p->id);
		return;
	}
	if (queue_next_new(q, out))
		return;
	if ((i = queue_first_reask(q, now, false)) == SIZE_MAX) {
		out->kind = QUEUE_DONE;
		return;
	}
	/* Only re-asks are left: the first may come early within the window. */
	if (force || q->reask[i].due <= now + q->o.learn_ahead) {
		queue_take_reask(q, i, out);
		return;
	}
	out->kind = QUEUE_WAIT;
	out->wait_until = q->reask[i].due;
}

/* Picks of list from pos on that would still be served. */
static size_t
queue_count(const struct queue *q, const struct store_picks *list, size_t pos)
{
	size_t n = 0;

	for (size_t i = pos; i < list->n; i++)
		n += !queue_is_buried(q, &list->v[i]) && !queue_set_has(&q->taken, list->v[i].id);
	return n;
}

size_t
queue_left(const struct queue *q)
{
	size_t fresh = queue_count(q, &q->fresh, q->fresh_pos);
	size_t room = q->new_taken < q->o.new_limit ? (size_t)(q->o.new_limit - q->new_taken) : 0;

	return q->front.n + q->nreask + queue_count(q, &q->due, q->due_pos) +
	       (fresh < room ? fresh : room);
}

int
queue_new_taken(const struct queue *q)
{
	return q->new_taken;
}

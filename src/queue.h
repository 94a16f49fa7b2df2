/*
 * queue: the order in which one study session serves its cards.
 *
 * Owns: the session's queue — due cards (as the store ranked them), new
 * cards arranged by the new_order setting, cards graded in the session
 * that are due again soon (learning steps), cards put back in front
 * (:undo, :edit) — and the rules that pick the next one: a card graded
 * this session comes back when its step is due and not before
 * QUEUE_REASK_GAP other cards have been shown (when any remain); once a
 * card of a sibling group has been graded, the group's other new and
 * review cards are skipped for the rest of the session.
 *
 * Pure: no I/O, no clock (times are arguments), no globals. It takes the
 * store's picks (struct store_pick) as they come, so it is built with the
 * store into drillapp. Used by the session and its unit tests.
 *
 * Ownership: queue_new returns an object freed with queue_free. Picks
 * handed to queue_add_due / queue_set_new are moved into the queue (the
 * caller's struct is left empty). Ids returned by queue_next belong to the
 * caller.
 */
#ifndef DRILL_QUEUE_H
#define DRILL_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "settings.h"
#include "store.h"

/* Other cards shown before a card graded this session comes back. */
#define QUEUE_REASK_GAP 3

struct queue;

struct queue_opts {
	int new_limit;                 /* new cards to introduce at most */
	enum settings_new_order order; /* how new cards of several decks mix */
	const char *new_first;         /* SETTINGS_NEW_LIST: "key,key" (copied) */
	int64_t learn_ahead;           /* ms: a learning card due within this may come early
					  when nothing else is left */
	bool fresh_first;              /* new cards before due cards (an interview plan:
					  a card never seen counts 0 on the day) */
};

struct queue *queue_new(const struct queue_opts *o);
void queue_free(struct queue *q);

/* Appends due cards (store_due order); skips ids the queue has taken
 * already (served, or waiting to be asked again). */
void queue_add_due(struct queue *q, struct store_picks *due);
/* The new-card candidates (store_new order: deck key, then file order),
 * arranged by the new_order option. Replaces any earlier set. */
void queue_set_new(struct queue *q, struct store_picks *fresh);


/*
 * A card was graded: counts it as shown, buries the rest of its group
 * (group may be NULL) and, when state is a (re)learning state and it is
 * due again before horizon (the end of the study day), keeps it to be
 * asked again at due; reps identifies the graded state (a later grade by
 * another session makes it stale).
 */
void queue_graded(struct queue *q, const char *id, const char *group, int state,
		  int64_t due, int reps, int64_t horizon);
/* A grade was replaced (:wrong): keeps id to be asked again as for
 * queue_graded, without counting it as shown or burying anything. */
void queue_regraded(struct queue *q, const char *id, int state, int64_t due, int reps,
		    int64_t horizon);
/* A card was shown and left ungraded (:skip, :suspend, a card that could
 * not be served): counts it as shown. */
void queue_shown(struct queue *q);
/* Forgets the re-ask of id (:undo took its grade back, :right passed it). */
void queue_forget(struct queue *q, const char *id);
/* Serves id before anything else (LIFO: the last one put back comes first). */
void queue_put_front(struct queue *q, const char *id);

enum queue_source { QUEUE_FRONT, QUEUE_RELEARN, QUEUE_DUE, QUEUE_NEW };

struct queue_next {
	enum queue_kind {
		QUEUE_CARD, /* serve id */
		QUEUE_WAIT, /* only re-asks are left, the first at wait_until */
		QUEUE_DONE  /* nothing left */
	} kind;
	char *id;                 /* QUEUE_CARD: owned by the caller */
	enum queue_source source; /* QUEUE_CARD: where it came from */
	int reps;                 /* QUEUE_RELEARN: the reps it was graded to */
	int64_t wait_until;       /* QUEUE_WAIT: unix ms */
};
/*
 * Takes the next card at time now: cards put in front; a re-ask whose
 * step is due and that waited QUEUE_REASK_GAP cards; a due card; a new
 * card (within the limit, siblings of graded cards skipped; before the due
 * cards with fresh_first); then, when
 * nothing else is left, the earliest re-ask if it is due within the
 * learn-ahead window, else QUEUE_WAIT. With force, a QUEUE_WAIT becomes
 * that re-ask (the person chose to wait for it).
 */
void queue_next(struct queue *q, int64_t now, bool force, struct queue_next *out);

/* Cards left to show: in front, due, new (within the limit), re-asks. */
size_t queue_left(const struct queue *q);
/* New cards taken so far. */
int queue_new_taken(const struct queue *q);

#endif

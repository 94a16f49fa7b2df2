/*
 * Unit tests for queue: the order a session serves cards in — new cards
 * interleaved across decks (or deck by deck, or listed decks first),
 * siblings of a graded card skipped, a failed card re-asked after three
 * others or at once when nothing else is left, cards put back in front.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fsrs.h"
#include "queue.h"
#include "util.h"

#define MIN_MS 60000LL
#define HORIZON (24 * 60 * MIN_MS)

/* Adds a pick: "deck/id" or "deck/id@group" (state new) to p. */
static void
add(struct store_picks *p, const char *spec, int state, int64_t due)
{
	const char *slash = strchr(spec, '/'), *at = strchr(spec, '@');
	struct store_pick *k;

	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 8;
		p->v = xrealloc(p->v, p->cap * sizeof(*p->v));
	}
	k = &p->v[p->n++];
	memset(k, 0, sizeof(*k));
	k->deck_key = slash ? xstrndup(spec, (size_t)(slash - spec)) : NULL;
	spec = slash ? slash + 1 : spec;
	k->id = at ? xstrndup(spec, (size_t)(at - spec)) : xstrdup(spec);
	k->group = at ? xstrdup(at + 1) : NULL;
	k->state = state;
	k->due = due;
}

/* Serves up to max cards, grading each Good into review (so none comes
 * back), and returns their ids joined by commas. */
static char *
drain(struct queue *q, int64_t now, int max)
{
	struct sbuf b = {0};
	struct queue_next n;

	for (int i = 0; i < max; i++) {
		queue_next(q, now, false, &n);
		if (n.kind != QUEUE_CARD)
			break;
		sbuf_printf(&b, "%s%s", b.len ? "," : "", n.id);
		queue_graded(q, n.id, NULL, FSRS_REVIEW, now + HORIZON * 3, 1, HORIZON);
		free(n.id);
	}
	return sbuf_take(&b);
}

static struct queue *
make(int new_limit, enum settings_new_order order, const char *first)
{
	struct queue_opts o = {new_limit, order, first, 20 * MIN_MS, false};
	return queue_new(&o);
}

static void
three_decks(struct store_picks *p)
{
	/* store_new order: deck key, then file order. */
	add(p, "alpha/a1", FSRS_NEW, 0);
	add(p, "alpha/a2", FSRS_NEW, 0);
	add(p, "alpha/a3", FSRS_NEW, 0);
	add(p, "beta/b1", FSRS_NEW, 0);
	add(p, "gamma/g1", FSRS_NEW, 0);
	add(p, "gamma/g2", FSRS_NEW, 0);
}

static void
test_new_interleaved_across_decks(void **state)
{
	struct store_picks p = {0};
	struct queue *q = make(10, SETTINGS_NEW_INTERLEAVE, NULL);
	char *got;

	(void)state;
	three_decks(&p);
	queue_set_new(q, &p);
	assert_int_equal(p.n, 0); /* moved into the queue */
	assert_int_equal(queue_left(q), 6);
	got = drain(q, 0, 20);
	assert_string_equal(got, "a1,b1,g1,a2,g2,a3");
	free(got);
	queue_free(q);
}

static void
test_new_deck_by_deck(void **state)
{
	struct store_picks p = {0};
	struct queue *q = make(4, SETTINGS_NEW_DECK, NULL);
	char *got;

	(void)state;
	three_decks(&p);
	queue_set_new(q, &p);
	assert_int_equal(queue_left(q), 4); /* the daily limit */
	got = drain(q, 0, 20);
	assert_string_equal(got, "a1,a2,a3,b1");
	free(got);
	assert_int_equal(queue_new_taken(q), 4);
	queue_free(q);
}

static void
test_new_listed_decks_first(void **state)
{
	struct store_picks p = {0};
	struct queue *q = make(10, SETTINGS_NEW_LIST, "gamma,nosuch,beta");
	char *got;

	(void)state;
	three_decks(&p);
	queue_set_new(q, &p);
	got = drain(q, 0, 20);
	/* gamma whole, then beta, then the rest (alpha) interleaved. */
	assert_string_equal(got, "g1,g2,b1,a1,a2,a3");
	free(got);
	queue_free(q);
}

static void
test_due_before_new(void **state)
{
	struct store_picks due = {0}, fresh = {0};
	struct queue *q = make(10, SETTINGS_NEW_INTERLEAVE, NULL);
	char *got;

	(void)state;
	add(&due, "d1", FSRS_REVIEW, 0);
	add(&due, "d2", FSRS_RELEARNING, 0);
	add(&fresh, "x/n1", FSRS_NEW, 0);
	queue_add_due(q, &due);
	queue_set_new(q, &fresh);
	assert_int_equal(queue_left(q), 3);
	got = drain(q, 0, 2);
	assert_string_equal(got, "d1,d2");
	free(got);
	/* Cards handed in again that were taken already are dropped. */
	add(&due, "d1", FSRS_REVIEW, 0);
	add(&due, "d3", FSRS_REVIEW, 0);
	queue_add_due(q, &due);
	got = drain(q, 0, 10);
	assert_string_equal(got, "d3,n1");
	free(got);
	queue_free(q);
}

/* With an interview plan (fresh_first) the day's new cards, within the
 * limit, come before the due cards; then the due cards. */
static void
test_new_first_with_a_plan(void **state)
{
	struct store_picks due = {0}, fresh = {0};
	struct queue_opts o = {2, SETTINGS_NEW_INTERLEAVE, NULL, 20 * MIN_MS, true};
	struct queue *q = queue_new(&o);
	char *got;

	(void)state;
	add(&due, "d1", FSRS_REVIEW, 0);
	add(&due, "d2", FSRS_RELEARNING, 0);
	add(&fresh, "x/n1", FSRS_NEW, 0);
	add(&fresh, "x/n2", FSRS_NEW, 0);
	add(&fresh, "x/n3", FSRS_NEW, 0);
	queue_add_due(q, &due);
	queue_set_new(q, &fresh);
	assert_int_equal(queue_left(q), 4);
	got = drain(q, 0, 10);
	assert_string_equal(got, "n1,n2,d1,d2");
	free(got);
	queue_free(q);
}

/* Grading a card buries the new and review cards of its group for the
 * session; a (re)learning sibling still comes. */
static void
test_siblings_buried(void **state)
{
	struct store_picks due = {0}, fresh = {0};
	struct queue *q = make(10, SETTINGS_NEW_INTERLEAVE, NULL);
	struct queue_next n;
	char *got;

	(void)state;
	add(&due, "r1@g", FSRS_REVIEW, 0);
	add(&due, "r2@g", FSRS_REVIEW, 0);
	add(&due, "l1@g", FSRS_LEARNING, 0);
	add(&due, "r3@h", FSRS_REVIEW, 0);
	add(&fresh, "x/n1@g", FSRS_NEW, 0);
	add(&fresh, "x/n2", FSRS_NEW, 0);
	queue_add_due(q, &due);
	queue_set_new(q, &fresh);
	assert_int_equal(queue_left(q), 6);
	queue_next(q, 0, false, &n);
	assert_string_equal(n.id, "r1");
	queue_graded(q, "r1", "g", FSRS_REVIEW, HORIZON * 5, 3, HORIZON);
	free(n.id);
	/* r2 and n1 are gone from the count; l1 stays. */
	assert_int_equal(queue_left(q), 3);
	got = drain(q, 0, 10);
	assert_string_equal(got, "l1,r3,n2");
	free(got);
	queue_free(q);
}

/* A failed card comes back after three other cards, once its step is due. */
static void
test_failed_card_waits_three_cards(void **state)
{
	struct store_picks fresh = {0};
	struct queue *q = make(10, SETTINGS_NEW_DECK, NULL);
	struct queue_next n;
	const char *want[] = {"c2", "c3", "c4", "c1", "c5"};

	(void)state;
	for (int i = 1; i <= 5; i++) {
		char spec[16];
		snprintf(spec, sizeof(spec), "d/c%d", i);
		add(&fresh, spec, FSRS_NEW, 0);
	}
	queue_set_new(q, &fresh);
	queue_next(q, 0, false, &n);
	assert_string_equal(n.id, "c1");
	/* Again: due again in one minute. */
	queue_graded(q, "c1", NULL, FSRS_LEARNING, MIN_MS, 1, HORIZON);
	free(n.id);
	assert_int_equal(queue_left(q), 5); /* c2..c5 and the re-ask */
	/* Ten minutes on, its step is due, but three others come first. */
	for (size_t i = 0; i < ARRAY_LEN(want); i++) {
		queue_next(q, 10 * MIN_MS, false, &n);
		assert_int_equal(n.kind, QUEUE_CARD);
		assert_string_equal(n.id, want[i]);
		if (strcmp(n.id, "c1") == 0) {
			assert_int_equal(n.source, QUEUE_RELEARN);
			assert_int_equal(n.reps, 1);
		}
		queue_graded(q, n.id, NULL, FSRS_REVIEW, HORIZON * 2, 2, HORIZON);
		free(n.id);
	}
	queue_next(q, 10 * MIN_MS, false, &n);
	assert_int_equal(n.kind, QUEUE_DONE);
	queue_free(q);
}

/* Its step not yet due, a re-ask waits for the cards still left; when none
 * is left it comes at once within the learn-ahead window, and beyond it
 * the queue says how long to wait. */
static void
test_reask_when_nothing_else(void **state)
{
	struct store_picks fresh = {0};
	struct queue *q = make(10, SETTINGS_NEW_DECK, NULL);
	struct queue_next n;

	(void)state;
	add(&fresh, "d/c1", FSRS_NEW, 0);
	add(&fresh, "d/c2", FSRS_NEW, 0);
	queue_set_new(q, &fresh);
	queue_next(q, 0, false, &n);
	queue_graded(q, n.id, NULL, FSRS_LEARNING, 10 * MIN_MS, 1, HORIZON);
	free(n.id);
	queue_next(q, 0, false, &n);
	assert_string_equal(n.id, "c2");
	/* c2 to a one-hour step: beyond the 20-minute window. */
	queue_graded(q, n.id, NULL, FSRS_LEARNING, 60 * MIN_MS, 1, HORIZON);
	free(n.id);
	queue_next(q, 0, false, &n);
	assert_int_equal(n.kind, QUEUE_CARD); /* c1, ten minutes early */
	assert_string_equal(n.id, "c1");
	queue_graded(q, n.id, NULL, FSRS_REVIEW, HORIZON * 2, 2, HORIZON);
	free(n.id);
	queue_next(q, 0, false, &n);
	assert_int_equal(n.kind, QUEUE_WAIT);
	assert_int_equal(n.wait_until, 60 * MIN_MS);
	assert_int_equal(queue_left(q), 1);
	queue_next(q, 0, true, &n); /* the person chose to wait */
	assert_int_equal(n.kind, QUEUE_CARD);
	assert_string_equal(n.id, "c2");
	free(n.id);
	queue_free(q);
}

/* A learning card due after the study day ends is not kept; :undo's card
 * comes first; :right forgets a re-ask. */
static void
test_front_forget_and_horizon(void **state)
{
	struct store_picks fresh = {0};
	struct queue *q = make(10, SETTINGS_NEW_DECK, NULL);
	struct queue_next n;

	(void)state;
	add(&fresh, "d/c1", FSRS_NEW, 0);
	add(&fresh, "d/c2", FSRS_NEW, 0);
	queue_set_new(q, &fresh);
	queue_next(q, 0, false, &n);
	queue_graded(q, n.id, NULL, FSRS_LEARNING, HORIZON + 1, 1, HORIZON);
	free(n.id);
	assert_int_equal(queue_left(q), 1); /* c1 is not kept */
	queue_put_front(q, "c1");
	queue_put_front(q, "c9");
	queue_next(q, 0, false, &n);
	assert_string_equal(n.id, "c9");
	assert_int_equal(n.source, QUEUE_FRONT);
	free(n.id);
	queue_next(q, 0, false, &n);
	assert_string_equal(n.id, "c1");
	queue_graded(q, n.id, NULL, FSRS_LEARNING, MIN_MS, 2, HORIZON);
	free(n.id);
	queue_forget(q, "c1");
	queue_next(q, 0, false, &n);
	assert_string_equal(n.id, "c2");
	free(n.id);
	queue_next(q, 0, false, &n);
	assert_int_equal(n.kind, QUEUE_DONE);
	queue_free(q);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_interleaved_across_decks),
		cmocka_unit_test(test_new_deck_by_deck),
		cmocka_unit_test(test_new_listed_decks_first),
		cmocka_unit_test(test_due_before_new),
		cmocka_unit_test(test_new_first_with_a_plan),
		cmocka_unit_test(test_siblings_buried),
		cmocka_unit_test(test_failed_card_waits_three_cards),
		cmocka_unit_test(test_reask_when_nothing_else),
		cmocka_unit_test(test_front_forget_and_horizon),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

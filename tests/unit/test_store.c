/*
 * The store against a real SQLite file: creation, migrations, refusals,
 * import bookkeeping, reviews and undo, the append-only log.
 */
#include <fcntl.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "deck.h"
#include "slurp.h"
#include "store.h"
#include "util.h"

struct fixture {
	char dir[64];
	char *path;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	strcpy(f->dir, "/tmp/drill-store-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	f->path = xasprintf("%s/sub/dir/drill.db", f->dir);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char *cmd = xasprintf("rm -rf '%s'", f->dir);

	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", f->dir);
	free(cmd);
	free(f->path);
	free(f);
	return 0;
}

static struct store *
open_ok(const char *path)
{
	struct store *s = NULL;
	char err[512] = "";

	if (store_open(path, STORE_OPEN_CREATE, &s, err, sizeof(err)) != STORE_OK)
		fail_msg("store_open: %s", err);
	return s;
}

/* The study-day rule at now: day number, its end, the learn-ahead window. */
static struct store_when
when_at(int64_t now, int64_t day, int64_t day_end, int64_t ahead)
{
	struct store_when w = {now, day, day_end, ahead, 0};
	return w;
}

/* The ids of picks, in order, as one comma-separated string. */
static char *
picks_ids(struct store_picks *p)
{
	struct sbuf b = {0};

	for (size_t i = 0; i < p->n; i++)
		sbuf_printf(&b, "%s%s", i ? "," : "", p->v[i].id);
	store_picks_free(p);
	return sbuf_take(&b);
}

static struct deck *
deck_from(const char *path, const char *text)
{
	struct diag_list dl = {0};
	struct deck *d = NULL;

	assert_int_equal(deck_parse(path, text, strlen(text), &d, &dl), 0);
	diag_list_free(&dl);
	return d;
}

/* Saves every card of d under a new generation, like the importer. */
static void
import_deck(struct store *s, const struct deck *d, int *added, int *updated, int *retired)
{
	int64_t gen = 0, id = 0;

	*added = *updated = 0;
	assert_int_equal(store_begin(s), STORE_OK);
	assert_int_equal(store_import_generation(s, &gen), STORE_OK);
	assert_int_equal(store_deck_save(s, d, d->path, "hash", 1, 2, 1000, &id), STORE_OK);
	for (size_t i = 0; i < d->ncards; i++) {
		enum store_change ch;
		assert_int_equal(store_card_save(s, id, &d->cards[i], ",t,", gen, 1000, &ch),
				 STORE_OK);
		*added += ch == STORE_ADDED || ch == STORE_REVIVED;
		*updated += ch == STORE_UPDATED;
	}
	assert_int_equal(store_retire_unseen(s, id, gen, 1000, retired), STORE_OK);
	assert_int_equal(store_commit(s), STORE_OK);
}

static void
test_create_mode_and_version(void **state)
{
	struct fixture *f = *state;
	struct store *s = open_ok(f->path);
	struct stat st;
	char *v = NULL;

	assert_int_equal(stat(f->path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(store_config_get(s, "retention", &v), STORE_OK);
	assert_null(v);
	assert_int_equal(store_config_set(s, "retention", "0.85"), STORE_OK);
	assert_int_equal(store_config_set(s, "retention", "0.8"), STORE_OK);
	assert_int_equal(store_config_get(s, "retention", &v), STORE_OK);
	assert_string_equal(v, "0.8");
	free(v);
	store_close(s);

	/* Reopening keeps the data and applies nothing twice. */
	s = open_ok(f->path);
	assert_int_equal(store_config_get(s, "retention", &v), STORE_OK);
	assert_string_equal(v, "0.8");
	free(v);
	store_close(s);
	assert_true(store_schema_version() >= 1);
}

static void
test_refusals_leave_file_untouched(void **state)
{
	struct fixture *f = *state;
	char *other = xasprintf("%s/notes.txt", f->dir);
	char *newer = xasprintf("%s/newer.db", f->dir);
	char *cmd;
	struct store *s = NULL;
	char err[512];
	size_t n1, n2;

	/* Not SQLite at all. */
	FILE *fp = fopen(other, "w");
	fputs("this is not a database, just some text that is long enough\n", fp);
	fclose(fp);
	char *before = slurp(other, &n1);
	assert_non_null(before);
	assert_int_equal(store_open(other, STORE_OPEN_CREATE, &s, err, sizeof(err)), STORE_NOT_DRILL);
	assert_null(s);
	assert_non_null(strstr(err, "not a drill database"));
	char *after = slurp(other, &n2);
	assert_non_null(after);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(before);
	free(after);

	/* A database from a newer drill. */
	s = open_ok(newer);
	store_close(s);
	cmd = xasprintf("sqlite3 '%s' 'PRAGMA user_version = 99' && rm -f '%s-wal' '%s-shm'",
			newer, newer, newer);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	before = slurp(newer, &n1);
	assert_non_null(before);
	assert_int_equal(store_open(newer, STORE_OPEN_CREATE, &s, err, sizeof(err)), STORE_NEWER);
	assert_non_null(strstr(err, "newer"));
	after = slurp(newer, &n2);
	assert_non_null(after);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(before);
	free(after);

	/* Another program's SQLite database. */
	char *foreign = xasprintf("%s/foreign.db", f->dir);
	cmd = xasprintf("sqlite3 '%s' 'CREATE TABLE t(x); INSERT INTO t VALUES (1)'", foreign);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	assert_int_equal(store_open(foreign, STORE_OPEN_CREATE, &s, err, sizeof(err)), STORE_NOT_DRILL);
	free(foreign);
	free(other);
	free(newer);
}

static const char deck_v1[] = "deck: D\n\n"
			      "id: a\nprompt: first?\nanswer: one\n\n"
			      "id: b\nprompt: second?\nanswer: two\n";
static const char deck_v2[] = "deck: D\n\n"
			      "id: a\nprompt: first, reworded?\nanswer: one\n\n"
			      "id: c\nprompt: third?\nanswer: three\n";

static void
test_import_reviews_and_undo(void **state)
{
	struct fixture *f = *state;
	struct store *s = open_ok(f->path);
	struct deck *d1 = deck_from("d.deck", deck_v1), *d2 = deck_from("d.deck", deck_v2);
	struct store_picks picks = {0};
	char *ids;
	struct store_card sc = {0};
	bool found = false;
	int added, updated, retired;
	char *card = NULL;

	import_deck(s, d1, &added, &updated, &retired);
	assert_int_equal(added, 2);
	assert_int_equal(retired, 0);
	struct store_when w = when_at(5000, 3, 86400000, 0);
	assert_int_equal(store_new(s, NULL, &w, 10, &picks), STORE_OK);
	ids = picks_ids(&picks);
	assert_string_equal(ids, "a,b");
	free(ids);

	/* Review card a. */
	struct store_review r;
	memset(&r, 0, sizeof(r));
	r.card_id = "a";
	r.at = 5000;
	r.day = 3;
	r.rating = 3;
	r.answer = "one";
	r.correct = 1;
	r.duration_ms = 1200;
	r.retrievability = NAN;
	r.after.state = FSRS_LEARNING;
	r.after.stability = 2.3065;
	r.after.difficulty = 2.11810397;
	r.after.due = 5000 + 600000;
	r.after.last_review = 5000;
	r.after.last_day = 3;
	r.after.reps = 1;
	assert_int_equal(store_save_review(s, &r), STORE_OK);
	assert_true(r.id > 0);
	assert_int_equal(store_card_load(s, "a", &sc, &found), STORE_OK);
	assert_true(found);
	assert_int_equal(sc.sched.state, FSRS_LEARNING);
	assert_true(sc.sched.stability == 2.3065);
	assert_int_equal(sc.sched.due, 605000);
	assert_string_equal(sc.deck_key, "d");
	store_card_clear(&sc);

	/* A learning card is due at its step's time, or within the
	 * learn-ahead window before it. */
	struct store_due_counts dc;
	w = when_at(604999, 3, 86400000, 0);
	assert_int_equal(store_due(s, NULL, &w, &picks, &dc), STORE_OK);
	assert_int_equal(picks.n, 0);
	w = when_at(605000, 3, 86400000, 0);
	assert_int_equal(store_due(s, NULL, &w, &picks, &dc), STORE_OK);
	assert_int_equal(picks.n, 1);
	assert_int_equal(picks.v[0].state, FSRS_LEARNING);
	assert_int_equal(picks.v[0].due, 605000);
	store_picks_free(&picks);
	w = when_at(5000, 3, 86400000, 600000);
	assert_int_equal(store_due(s, NULL, &w, &picks, &dc), STORE_OK);
	assert_int_equal(picks.n, 1);
	store_picks_free(&picks);
	w = when_at(5000, 3, 86400000, 60000);
	assert_int_equal(store_count_due_at(s, NULL, &w, &dc), STORE_OK);
	assert_int_equal(dc.learn_now, 0);
	assert_int_equal(dc.learn_later, 1);
	assert_int_equal(dc.review, 0);
	int seen = 0;
	assert_int_equal(store_new_seen_on(s, 3, &seen), STORE_OK);
	assert_int_equal(seen, 1);

	/* Editing a keeps its progress; removing b retires it; c is new. */
	import_deck(s, d2, &added, &updated, &retired);
	assert_int_equal(added, 1);
	assert_int_equal(updated, 1);
	assert_int_equal(retired, 1);
	assert_int_equal(store_card_load(s, "a", &sc, &found), STORE_OK);
	assert_int_equal(sc.sched.reps, 1);
	assert_non_null(strstr(sc.source, "reworded"));
	store_card_clear(&sc);
	assert_int_equal(store_card_load(s, "b", &sc, &found), STORE_OK);
	assert_true(sc.retired);
	store_card_clear(&sc);
	assert_int_equal(store_new(s, NULL, &w, 10, &picks), STORE_OK);
	ids = picks_ids(&picks);
	assert_string_equal(ids, "c");
	free(ids);

	/* Undo restores the state before the review and drops the row. */
	assert_int_equal(store_undo_review(s, r.id, STORE_LEECH_KEEP, &card), STORE_OK);
	assert_string_equal(card, "a");
	free(card);
	assert_int_equal(store_card_load(s, "a", &sc, &found), STORE_OK);
	assert_int_equal(sc.sched.state, FSRS_NEW);
	assert_int_equal(sc.sched.reps, 0);
	store_card_clear(&sc);
	assert_int_equal(store_new_seen_on(s, 3, &seen), STORE_OK);
	assert_int_equal(seen, 0);
	/* Undoing it twice is an error and changes nothing. */
	assert_int_equal(store_undo_review(s, r.id, STORE_LEECH_KEEP, &card), STORE_ERR);
	assert_null(card);

	/* Putting b back revives it with its history. */
	import_deck(s, d1, &added, &updated, &retired);
	assert_int_equal(store_card_load(s, "b", &sc, &found), STORE_OK);
	assert_false(sc.retired);
	store_card_clear(&sc);
	assert_int_equal(retired, 1); /* c is gone again */

	deck_free(d1);
	deck_free(d2);
	store_close(s);
}

static void
test_review_log_is_append_only(void **state)
{
	struct fixture *f = *state;
	char *cmd = xasprintf("sqlite3 '%s' \"UPDATE reviews SET rating = 4\" 2>/dev/null", f->path);
	struct store *s = open_ok(f->path);
	struct store_review r;

	memset(&r, 0, sizeof(r));
	r.card_id = "a";
	r.at = 9000;
	r.rating = 1;
	r.correct = -1;
	r.retrievability = NAN;
	r.after.state = FSRS_LEARNING;
	r.after.stability = 0.212;
	r.after.difficulty = 6.4133;
	assert_int_equal(store_save_review(s, &r), STORE_OK);
	store_close(s);
	assert_int_not_equal(system(cmd), 0);
	free(cmd);
}

static int
count_reviews(void *ctx, const struct store_review *r)
{
	int *n = ctx;
	assert_string_equal(r->card_id, "a");
	assert_int_equal(r->correct, -1);
	assert_true(isnan(r->retrievability));
	(*n)++;
	return 0;
}

static int
count_all(void *ctx, const struct store_review *r)
{
	(void)r;
	(*(int *)ctx)++;
	return 0;
}

static void
test_each_review_and_stats(void **state)
{
	struct fixture *f = *state;
	struct store *s = open_ok(f->path);
	int n = 0;
	int64_t count = -1, passed = -1, total = -1, days[4];
	size_t ndays = 0;
	struct store_deck_stats *ds = NULL;
	size_t nds = 0;

	assert_int_equal(store_each_review(s, "a", count_reviews, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_reviews_on(s, NULL, 0, &count), STORE_OK);
	assert_int_equal(count, 1);
	assert_int_equal(store_review_days(s, NULL, days, 4, &ndays), STORE_OK);
	assert_int_equal(ndays, 1);
	assert_int_equal(store_retention(s, NULL, 0, &passed, &total), STORE_OK);
	assert_int_equal(total, 0);
	assert_int_equal(store_deck_stats(s, 0, &ds, &nds), STORE_OK);
	assert_int_equal(nds, 1);
	assert_string_equal(ds[0].key, "d");
	assert_int_equal(ds[0].by_state[FSRS_LEARNING], 1);
	store_deck_stats_free(ds, nds);
	assert_int_equal(store_set_suspended(s, "a", true), STORE_OK);
	struct store_picks picks = {0};
	struct store_due_counts dc;
	struct store_when w = when_at(INT64_MAX / 2, 100, INT64_MAX / 2, 0);
	assert_int_equal(store_due(s, NULL, &w, &picks, &dc), STORE_OK);
	assert_int_equal(picks.n, 0);
	store_picks_free(&picks);
	store_close(s);
}

/* Two sessions grading one card: the second, graded from a stale state,
 * must not overwrite the first; it gets STORE_CONFLICT and writes nothing. */
static void
test_stale_grade_conflicts(void **state)
{
	struct fixture *f = *state;
	struct store *s = open_ok(f->path);
	struct store_card sc = {0};
	struct store_review r;
	bool found = false;
	int before = 0, after = 0;

	assert_int_equal(store_set_suspended(s, "a", false), STORE_OK);
	assert_int_equal(store_card_load(s, "a", &sc, &found), STORE_OK);
	assert_true(found);
	assert_int_equal(store_each_review(s, "a", count_all, &before), STORE_OK);
	memset(&r, 0, sizeof(r));
	r.card_id = "a";
	r.at = 20000;
	r.rating = 3;
	r.correct = 1;
	r.retrievability = NAN;
	r.before = sc.sched;
	r.after = sc.sched;
	r.after.reps = sc.sched.reps + 1;
	r.after.last_review = 20000;
	assert_int_equal(store_save_review(s, &r), STORE_OK);
	/* The other session still holds the old state. */
	r.at = 20001;
	r.after.last_review = 20001;
	assert_int_equal(store_save_review(s, &r), STORE_CONFLICT);
	assert_non_null(strstr(store_errmsg(s), "graded elsewhere"));
	assert_int_equal(store_each_review(s, "a", count_all, &after), STORE_OK);
	assert_int_equal(after, before + 1);
	store_card_clear(&sc);
	assert_int_equal(store_card_load(s, "a", &sc, &found), STORE_OK);
	assert_int_equal(sc.sched.last_review, 20000);
	store_card_clear(&sc);
	store_close(s);
}

/* A saved mock reads back in full (--show) and is deleted with its
 * findings and nothing else (--delete); an unknown id is not found. */
static void
test_mock_get_and_delete(void **state)
{
	struct fixture *f = *state;
	struct store *s = open_ok(f->path);
	struct store_mock m = {0}, m2 = {0};
	const struct store_mock_finding fs[] = {
		{0, "round_number", "$2M"}, {0, "too_short", ""}, {2, "no_validation", "$2.04M"}};
	struct store_mock_detail d;
	bool found = true;

	m.at = 1000;
	m.level = "L6";
	m.card_id = "q-one";
	m.principle = "Ownership";
	m.score = 51;
	m.words = 45;
	m.seconds = -1;
	m.asked = 3;
	m.defended = 2;
	assert_int_equal(store_mock_save(s, &m, "the answer\nover two lines", fs, 3), STORE_OK);
	m2 = m;
	m2.at = 2000;
	assert_int_equal(store_mock_save(s, &m2, "another", fs, 1), STORE_OK);

	assert_int_equal(store_mock_get(s, m.id, &d, &found), STORE_OK);
	assert_true(found);
	assert_int_equal(d.mock.id, m.id);
	assert_string_equal(d.mock.card_id, "q-one");
	assert_string_equal(d.mock.principle, "Ownership");
	assert_int_equal(d.mock.score, 51);
	assert_int_equal(d.mock.seconds, -1);
	assert_string_equal(d.answer, "the answer\nover two lines");
	assert_string_equal(d.mock.kinds, "round_number, too_short");
	assert_int_equal(d.nfindings, 3);
	assert_int_equal(d.findings[2].round, 2);
	assert_string_equal(d.findings[2].kind, "no_validation");
	assert_string_equal(d.findings[2].quote, "$2.04M");
	store_mock_detail_clear(&d);

	assert_int_equal(store_mock_get(s, 9999, &d, &found), STORE_OK);
	assert_false(found);
	store_mock_detail_clear(&d);

	assert_int_equal(store_mock_delete(s, m.id, &found), STORE_OK);
	assert_true(found);
	assert_int_equal(store_mock_get(s, m.id, &d, &found), STORE_OK);
	assert_false(found);
	assert_int_equal(store_mock_delete(s, m.id, &found), STORE_OK);
	assert_false(found);
	assert_int_equal(store_mock_get(s, m2.id, &d, &found), STORE_OK);
	assert_true(found);
	assert_int_equal(d.nfindings, 1);
	store_mock_detail_clear(&d);
	store_close(s);
}

/*
 * store_due ranks in C what the session asks first; it must agree with
 * the SQL ordering the issue gives (learning by due, then review cards by
 * -(elapsed / stability), then id), and count what it skips.
 */
static void
test_due_order_matches_sql(void **state)
{
	struct fixture *f = *state;
	char *db = xasprintf("%s/order.db", f->dir);
	struct store *s = open_ok(db);
	struct sbuf deck = {0};
	struct deck *d;
	struct store_picks picks = {0};
	struct store_due_counts dc;
	int added, updated, retired;

	sbuf_adds(&deck, "deck: Order\n");
	for (int i = 0; i < 12; i++)
		sbuf_printf(&deck, "\nid: c%02d\nprompt: q%d?\nanswer: a%d\n", i, i, i);
	d = deck_from("order.deck", deck.buf);
	import_deck(s, d, &added, &updated, &retired);
	store_close(s);
	/* Review cards with clashing ranks, learning cards, one due later
	 * today, one due tomorrow, one new. Day 100 ends at 8,700,000,000. */
	char *cmd = xasprintf(
		"sqlite3 '%s' \"UPDATE cards SET state = 2, stability = 2.5 + (rowid %% 3),"
		" last_day = 90 + (rowid %% 4), due = 8600000000 - rowid WHERE rowid <= 8;"
		" UPDATE cards SET state = 1, due = 8640000000 + rowid * 1000 WHERE rowid IN (9, 10);"
		" UPDATE cards SET state = 3, due = 8650000000 WHERE rowid = 11;"
		" UPDATE cards SET state = 2, stability = 3, last_day = 95, due = 8800000000"
		" WHERE id = 'c00'\"", db);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	s = open_ok(db);
	struct store_when w = when_at(8640000000, 100, 8700000000, 1200000);
	assert_int_equal(store_due(s, NULL, &w, &picks, &dc), STORE_OK);
	char *got = picks_ids(&picks);
	store_close(s);
	cmd = xasprintf("sqlite3 '%s' \"SELECT group_concat(id) FROM (SELECT c.id FROM cards c"
			" WHERE c.retired = 0 AND c.suspended = 0 AND c.state <> 0"
			" AND ((c.state = 2 AND c.due < 8700000000) OR (c.state <> 2 AND"
			" c.due <= 8641200000)) ORDER BY (c.state = 2), CASE WHEN c.state = 2 THEN"
			" -((100.0 - c.last_day) / c.stability) ELSE c.due END, c.id)\" > '%s/want'",
			db, f->dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	char *wantpath = xasprintf("%s/want", f->dir);
	size_t n;
	char *want = slurp(wantpath, &n);
	assert_non_null(want);
	want[strcspn(want, "\n")] = '\0';
	assert_string_equal(got, want);
	/* c09, c10 learning now; c11 later today; c00 tomorrow; c01-c07 review. */
	assert_int_equal(dc.learn_now, 2);
	assert_int_equal(dc.learn_later, 1);
	assert_int_equal(dc.review, 7);
	free(got);
	free(want);
	free(wantpath);
	sbuf_free(&deck);
	deck_free(d);
	free(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_mode_and_version),
		cmocka_unit_test(test_refusals_leave_file_untouched),
		cmocka_unit_test(test_import_reviews_and_undo),
		cmocka_unit_test(test_review_log_is_append_only),
		cmocka_unit_test(test_each_review_and_stats),
		cmocka_unit_test(test_stale_grade_conflicts),
		cmocka_unit_test(test_mock_get_and_delete),
		cmocka_unit_test(test_due_order_matches_sql),
	};
	/* The tests share one database, in order. */
	return cmocka_run_group_tests(tests, setup, teardown);
}

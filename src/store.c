/* store: see store.h. */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "deck.h"
#include "paths.h"
#include "schema.h"

/* PRAGMA application_id of a drill database: "DRIL". */
#define STORE_APP_ID 0x4452494c
#define STORE_BUSY_MS 5000

/* Every statement, prepared on first use and kept until close. */
enum store_stmt {
	SQL_CONFIG_GET,
	SQL_CONFIG_SET,
	SQL_DECKS,
	SQL_GENERATION,
	SQL_DECK_UPSERT,
	SQL_DECK_ID,
	SQL_DECK_TOUCH,
	SQL_CARD_GET,
	SQL_CARD_OWNER,
	SQL_CARD_INSERT,
	SQL_CARD_UPDATE,
	SQL_CARD_SEEN,
	SQL_RETIRE,
	SQL_CARD_LOAD,
	SQL_DUE,
	SQL_NEW,
	SQL_COUNT_DUE_AT,
	SQL_CARD_BURIED,
	SQL_CENSUS,
	SQL_NEW_SEEN,
	SQL_IDS_OF_TYPE,
	SQL_SESSION_START,
	SQL_SESSION_END,
	SQL_REVIEW_INSERT,
	SQL_CARD_SCHED,
	SQL_CARD_SCHED_IF,
	SQL_REVIEW_GET,
	SQL_REVIEW_DELETE,
	SQL_REVIEW_AFTER,
	SQL_LEECH,
	SQL_UNLEECH,
	SQL_CARD_EXISTS,
	SQL_SUSPEND,
	SQL_SUSPEND_IF,
	SQL_EACH_REVIEW,
	SQL_EACH_REVIEW_ALL,
	SQL_COUNT_DUE,
	SQL_REVIEW_AT,
	SQL_COUNT_TAGGED,
	SQL_NEXT_DUE,
	SQL_REVIEWS_ON,
	SQL_REVIEW_DAYS,
	SQL_RETENTION,
	SQL_DECK_STATS,
	/* the interview plan */
	SQL_COUNT_STUDIED,
	SQL_MEAN_REVIEWS,
	SQL_PLAN_CARDS,
	SQL_DUE_BETWEEN,
	SQL_REVIEWS_BY_DAY,
	SQL_LEECHES,
	SQL_MOST_LAPSES,
	SQL_ANSWER_TIMES,
	/* browsing (drill cards) */
	SQL_CARDS_EACH,
	SQL_CARD_OVERRIDES,
	/* mock interviews */
	SQL_MOCK_INSERT,
	SQL_MOCK_FINDING,
	SQL_MOCKS,
	SQL_MOCK_RECURRING,
	SQL_MOCK_COUNT,
	SQL_MOCK_GET,
	SQL_MOCK_FINDINGS,
	SQL_MOCK_DELETE_FINDINGS,
	SQL_MOCK_DELETE,
	SQL_COUNT
};

#define STORE_SCHED_COLS \
	"state, stability, difficulty, due, last_review, last_day, reps, " \
	"lapses, learning_steps, scheduled_days"

/* Filter clause shared by the study queries: ?1 deck, ?2 tag. */
#define STORE_FILTER \
	" AND (?1 IS NULL OR c.deck_id IN (SELECT id FROM decks WHERE key = ?1 OR name = ?1 COLLATE NOCASE))" \
	" AND (?2 IS NULL OR c.tags LIKE '%,' || ?2 || ',%')"

/*
 * The study-day rule (struct store_when): ?3 now, ?4 the study day, ?5 the
 * time the next study day starts, ?6 the end of the learn-ahead window,
 * ?9 the start of the final pass before an interview date (0: none): a
 * review card not reviewed since is due too.
 * A card of a sibling group is buried when it is new or in review and
 * another card of its group was reviewed on the study day. The unary +
 * keeps SQLite off reviews_by_day, which it otherwise picks (having no
 * statistics) and then visits every review of the day for every card:
 * finding the buried ones of 100,000 cards (18,000 in groups) with 2,500
 * reviews that day took 2.5 minutes instead of 0.15 s, and drill stats
 * 90 s instead of 0.5 s. Through cards_by_group and reviews_by_card it
 * reads a few rows per card.
 */
#define STORE_BURIED \
	"(c.grp IS NOT NULL AND c.state IN (0, 2) AND EXISTS (SELECT 1 FROM cards o" \
	" JOIN reviews r ON r.card_id = o.id WHERE o.grp = c.grp AND o.id <> c.id" \
	" AND +r.day = ?4))"
#define STORE_DUE_AT \
	"((c.state = 2 AND c.due < ?5) OR (c.state IN (1, 3) AND c.due <= ?6)" \
	" OR " STORE_IN_PASS ")"
#define STORE_IN_PASS "(?9 > 0 AND c.state = 2 AND c.last_review < ?9)"
/* The deck filter (?1, a deck key or name, or NULL) on reviews r without a
 * join: joining every review to its card made the distinct review days of
 * 300,000 reviews take 1.7 s instead of 0.09 s. */
#define STORE_REVIEW_FILTER \
	" AND (?1 IS NULL OR r.card_id IN (SELECT c.id FROM cards c JOIN decks d" \
	" ON d.id = c.deck_id WHERE d.key = ?1 OR d.name = ?1 COLLATE NOCASE))"
/* Studiable: active, not an open question (those belong to drill mock). */
#define STORE_ACTIVE "c.retired = 0 AND c.suspended = 0 AND c.type <> 'open'"

static const char *const store_sql[SQL_COUNT] = {
	[SQL_CONFIG_GET] = "SELECT value FROM config WHERE key = ?1",
	[SQL_CONFIG_SET] = "INSERT INTO config(key, value) VALUES (?1, ?2)"
			   " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
	[SQL_DECKS] = "SELECT id, key, path, name, file_hash, file_mtime, file_size"
		      " FROM decks ORDER BY key",
	[SQL_GENERATION] = "SELECT coalesce(max(seen), 0) + 1 FROM cards",
	[SQL_DECK_UPSERT] =
		"INSERT INTO decks(key, path, name, description, tags, file_hash,"
		" file_mtime, file_size, imported_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)"
		" ON CONFLICT(key) DO UPDATE SET path = excluded.path, name = excluded.name,"
		" description = excluded.description, tags = excluded.tags,"
		" file_hash = excluded.file_hash, file_mtime = excluded.file_mtime,"
		" file_size = excluded.file_size, imported_at = excluded.imported_at",
	[SQL_DECK_ID] = "SELECT id FROM decks WHERE key = ?1",
	[SQL_DECK_TOUCH] = "UPDATE decks SET file_mtime = ?2, file_size = ?3 WHERE id = ?1",
	[SQL_CARD_GET] = "SELECT hash, retired, deck_id, line, tags, file FROM cards WHERE id = ?1",
	[SQL_CARD_OWNER] = "SELECT d.key, c.retired FROM cards c JOIN decks d ON d.id = c.deck_id"
			   " WHERE c.id = ?1",
	[SQL_CARD_INSERT] =
		"INSERT INTO cards(id, deck_id, line, type, source, hash, tags, seen,"
		" due, added_at, updated_at, content_at, grp, file)"
		" VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?9,?9,?9,?10,?11)",
	/* Changed content clears the leech flag (SQLite reads the old hash). */
	[SQL_CARD_UPDATE] =
		"UPDATE cards SET deck_id = ?2, line = ?3, type = ?4, source = ?5,"
		" hash = ?6, tags = ?7, seen = ?8, retired = 0, updated_at = ?9, grp = ?10,"
		" file = ?11,"
		" content_at = CASE WHEN hash = ?6 THEN content_at ELSE ?9 END,"
		" leech = CASE WHEN hash = ?6 THEN leech ELSE 0 END WHERE id = ?1",
	[SQL_CARD_SEEN] = "UPDATE cards SET seen = ?2 WHERE id = ?1",
	[SQL_RETIRE] = "UPDATE cards SET retired = 1, updated_at = ?3"
		       " WHERE deck_id = ?1 AND seen <> ?2 AND retired = 0",
	[SQL_CARD_LOAD] =
		"SELECT c.id, c.type, c.source, c.line, d.key, COALESCE(c.file, d.path), c.suspended,"
		" c.retired, c.leech, c.grp, c." STORE_SCHED_COLS
		" FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.id = ?1",
	/*
	 * Every active non-new card due by the end of the range ?7 (the later
	 * of the study day's end and the learn-ahead window) and not buried:
	 * one pass over the partial index cards_due, which covers the query
	 * when no deck or tag filter is set. store_due sorts and counts them.
	 */
	[SQL_DUE] =
		"SELECT c.id, c.grp, c.state, c.due, c.last_day, c.stability, c.difficulty,"
		" c.last_review,"
		" CASE WHEN ?9 > 0 THEN (SELECT avg(r.duration_ms) FROM reviews r"
		" WHERE r.card_id = c.id AND r.duration_ms > 0) END FROM cards c"
		" WHERE " STORE_ACTIVE " AND c.state <> 0 AND (c.due <= ?7 OR " STORE_IN_PASS ")"
		STORE_FILTER " AND NOT " STORE_BURIED,
	/*
	 * New cards of deck ?8 in file order, at most ?7, through the partial
	 * index cards_new: not buried, and the first new card of their group
	 * (by deck key, then line) among the cards the filter takes.
	 */
	[SQL_NEW] =
		"SELECT c.id, c.grp, d.key FROM cards c JOIN decks d ON d.id = c.deck_id"
		" WHERE c.deck_id = ?8 AND c.retired = 0 AND c.suspended = 0 AND c.state = 0"
		" AND c.type <> 'open'" STORE_FILTER " AND NOT " STORE_BURIED
		" AND (c.grp IS NULL OR NOT EXISTS (SELECT 1 FROM cards o JOIN decks od"
		" ON od.id = o.deck_id WHERE o.grp = c.grp AND o.retired = 0 AND o.suspended = 0"
		" AND o.state = 0 AND o.type <> 'open'"
		" AND (od.key < d.key OR (od.key = d.key AND o.line < c.line))"
		" AND (?1 IS NULL OR od.key = ?1 OR od.name = ?1 COLLATE NOCASE)"
		" AND (?2 IS NULL OR o.tags LIKE '%,' || ?2 || ',%')))"
		" ORDER BY c.line LIMIT ?7",
	[SQL_COUNT_DUE_AT] =
		"SELECT coalesce(sum(c.state = 2 AND (c.due < ?5 OR " STORE_IN_PASS ")), 0),"
		" coalesce(sum(c.state IN (1, 3) AND c.due <= ?6), 0),"
		" coalesce(sum(c.state IN (1, 3) AND c.due > ?6 AND c.due < ?5), 0)"
		" FROM cards c WHERE " STORE_ACTIVE " AND c.state <> 0"
		" AND (c.due <= ?7 OR " STORE_IN_PASS ")"
		STORE_FILTER " AND NOT " STORE_BURIED,
	[SQL_CARD_BURIED] =
		"SELECT EXISTS (SELECT 1 FROM cards o JOIN reviews r ON r.card_id = o.id"
		" WHERE o.grp = ?2 AND o.id <> ?1 AND r.day = ?3)",
	[SQL_CENSUS] =
		"SELECT count(*), coalesce(sum(c.type = 'open'), 0),"
		" coalesce(sum(c.suspended), 0),"
		" coalesce(sum(c.suspended = 0 AND c.type <> 'open' AND " STORE_BURIED "), 0),"
		" coalesce(sum(" STORE_ACTIVE " AND c.state = 0 AND NOT " STORE_BURIED "), 0),"
		" coalesce(min(CASE WHEN " STORE_ACTIVE " AND c.state <> 0 AND NOT " STORE_BURIED
		" THEN c.due END), 0)"
		" FROM cards c WHERE c.retired = 0" STORE_FILTER,
	[SQL_IDS_OF_TYPE] = "SELECT c.id FROM cards c JOIN decks d ON d.id = c.deck_id"
			    " WHERE c.retired = 0 AND c.suspended = 0 AND c.type = ?1"
			    " ORDER BY d.key, c.line",
	[SQL_NEW_SEEN] = "SELECT count(*) FROM reviews WHERE day = ?1 AND b_state = 0",
	[SQL_SESSION_START] = "INSERT INTO sessions(kind, started_at) VALUES (?1, ?2)",
	[SQL_SESSION_END] = "UPDATE sessions SET ended_at = ?2 WHERE id = ?1",
	[SQL_REVIEW_INSERT] =
		"INSERT INTO reviews(card_id, session_id, reviewed_at, day, rating, answer,"
		" correct, duration_ms, retrievability,"
		" b_state, b_stability, b_difficulty, b_due, b_last_review, b_last_day,"
		" b_reps, b_lapses, b_learning_steps, b_scheduled_days,"
		" a_state, a_stability, a_difficulty, a_due, a_last_review, a_last_day,"
		" a_reps, a_lapses, a_learning_steps, a_scheduled_days, overridden)"
		" VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,"
		"?19,?20,?21,?22,?23,?24,?25,?26,?27,?28,?29,?30)",
	/* The same, only if the card is still in the state the grade started from. */
	[SQL_CARD_SCHED_IF] =
		"UPDATE cards SET state = ?2, stability = ?3, difficulty = ?4, due = ?5,"
		" last_review = ?6, last_day = ?7, reps = ?8, lapses = ?9,"
		" learning_steps = ?10, scheduled_days = ?11"
		" WHERE id = ?1 AND reps = ?12 AND last_review = ?13",
	[SQL_CARD_SCHED] =
		"UPDATE cards SET state = ?2, stability = ?3, difficulty = ?4, due = ?5,"
		" last_review = ?6, last_day = ?7, reps = ?8, lapses = ?9,"
		" learning_steps = ?10, scheduled_days = ?11 WHERE id = ?1",
	/* The review's before-state, and whether its card still holds the
	 * state the review left it in (no grade since). */
	[SQL_REVIEW_GET] =
		"SELECT r.card_id, r.b_state, r.b_stability, r.b_difficulty, r.b_due,"
		" r.b_last_review, r.b_last_day, r.b_reps, r.b_lapses, r.b_learning_steps,"
		" r.b_scheduled_days, c.reps = r.a_reps AND c.last_review = r.a_last_review"
		" FROM reviews r JOIN cards c ON c.id = r.card_id WHERE r.id = ?1",
	[SQL_REVIEW_DELETE] = "DELETE FROM reviews WHERE id = ?1",
	/* The review and the card's current state, to refuse a stale override. */
	[SQL_REVIEW_AFTER] =
		"SELECT r.card_id, r.rating, r.a_reps, r.a_last_review, c.reps, c.last_review"
		" FROM reviews r JOIN cards c ON c.id = r.card_id WHERE r.id = ?1",
	[SQL_LEECH] = "UPDATE cards SET leech = 1, suspended = suspended OR ?2 WHERE id = ?1",
	[SQL_UNLEECH] = "UPDATE cards SET leech = 0, suspended = suspended AND NOT ?2 WHERE id = ?1",
	[SQL_CARD_EXISTS] = "SELECT count(*) FROM cards WHERE id = ?1",
	[SQL_REVIEW_AT] = "SELECT count(*) FROM reviews WHERE card_id = ?1 AND reviewed_at = ?2",
	[SQL_SUSPEND] = "UPDATE cards SET suspended = ?2 WHERE id = ?1",
	[SQL_SUSPEND_IF] = "UPDATE cards SET suspended = ?2 WHERE id = ?1 AND suspended <> ?2",
	[SQL_EACH_REVIEW] =
		"SELECT id, card_id, coalesce(session_id, 0), reviewed_at, day, rating, answer,"
		" coalesce(correct, -1), duration_ms, retrievability,"
		" b_state, b_stability, b_difficulty, b_due, b_last_review, b_last_day,"
		" b_reps, b_lapses, b_learning_steps, b_scheduled_days,"
		" a_state, a_stability, a_difficulty, a_due, a_last_review, a_last_day,"
		" a_reps, a_lapses, a_learning_steps, a_scheduled_days"
		" FROM reviews WHERE card_id = ?1 ORDER BY reviewed_at, id",
	[SQL_EACH_REVIEW_ALL] =
		"SELECT id, card_id, coalesce(session_id, 0), reviewed_at, day, rating, answer,"
		" coalesce(correct, -1), duration_ms, retrievability,"
		" b_state, b_stability, b_difficulty, b_due, b_last_review, b_last_day,"
		" b_reps, b_lapses, b_learning_steps, b_scheduled_days,"
		" a_state, a_stability, a_difficulty, a_due, a_last_review, a_last_day,"
		" a_reps, a_lapses, a_learning_steps, a_scheduled_days"
		" FROM reviews ORDER BY card_id, reviewed_at, id",
	[SQL_COUNT_TAGGED] = "SELECT count(*) FROM cards WHERE retired = 0"
			     " AND tags LIKE '%,' || ?1 || ',%'",
	[SQL_COUNT_DUE] = "SELECT count(*) FROM cards c WHERE " STORE_ACTIVE
			  " AND c.state <> 0 AND c.due < ?3" STORE_FILTER,
	[SQL_NEXT_DUE] = "SELECT coalesce(min(c.due), 0) FROM cards c WHERE " STORE_ACTIVE
			 " AND c.state <> 0" STORE_FILTER,
	[SQL_REVIEWS_ON] = "SELECT count(*) FROM reviews r WHERE r.day = ?3" STORE_REVIEW_FILTER,
	[SQL_REVIEW_DAYS] = "SELECT DISTINCT r.day FROM reviews r WHERE 1" STORE_REVIEW_FILTER
			    " ORDER BY r.day DESC LIMIT ?3",
	[SQL_RETENTION] = "SELECT coalesce(sum(r.rating > 1), 0), count(*) FROM reviews r"
			  " WHERE r.day >= ?3 AND r.b_state = 2" STORE_REVIEW_FILTER,
	/* Cards by state, and the review-state answers since day ?1 (retention). */
	[SQL_DECK_STATS] =
		"SELECT d.key, d.name,"
		" coalesce(sum(c.state = 0 AND c.retired = 0 AND c.suspended = 0), 0),"
		" coalesce(sum(c.state = 1 AND c.retired = 0 AND c.suspended = 0), 0),"
		" coalesce(sum(c.state = 2 AND c.retired = 0 AND c.suspended = 0), 0),"
		" coalesce(sum(c.state = 3 AND c.retired = 0 AND c.suspended = 0), 0),"
		" coalesce(sum(c.suspended = 1 AND c.retired = 0), 0),"
		" coalesce(sum(c.retired = 1), 0),"
		" coalesce(max(rt.passed), 0), coalesce(max(rt.total), 0)"
		" FROM decks d LEFT JOIN cards c ON c.deck_id = d.id"
		" LEFT JOIN (SELECT x.deck_id, sum(r.rating > 1) AS passed, count(*) AS total"
		" FROM reviews r JOIN cards x ON x.id = r.card_id"
		" WHERE r.day >= ?1 AND r.b_state = 2 GROUP BY x.deck_id) rt ON rt.deck_id = d.id"
		" GROUP BY d.id ORDER BY d.key",
	[SQL_COUNT_STUDIED] = "SELECT count(*) FROM cards c WHERE " STORE_ACTIVE,
	/* Mean reviews a day over the newest ?2 days with reviews up to day ?1. */
	[SQL_MEAN_REVIEWS] = "SELECT avg(n) FROM (SELECT count(*) AS n FROM reviews"
			     " WHERE day <= ?1 GROUP BY day ORDER BY day DESC LIMIT ?2)",
	[SQL_PLAN_CARDS] =
		"SELECT d.key, c." STORE_SCHED_COLS ","
		" (SELECT avg(r.duration_ms) FROM reviews r WHERE r.card_id = c.id"
		" AND r.duration_ms > 0)"
		" FROM cards c JOIN decks d ON d.id = c.deck_id WHERE " STORE_ACTIVE
		" ORDER BY d.key, c.line",
	/* Due times of active non-new cards in [?3, ?4), bucketed by the caller. */
	[SQL_DUE_BETWEEN] = "SELECT c.due FROM cards c WHERE " STORE_ACTIVE
			    " AND c.state <> 0 AND c.due >= ?3 AND c.due < ?4" STORE_FILTER,
	/* Answers of days ?3..?4 by day, state before the answer, and whether
	 * the interval before it was 21 days or more (mature): count, passed. */
	[SQL_REVIEWS_BY_DAY] =
		"SELECT r.day, r.b_state, r.b_scheduled_days >= 21, count(*),"
		" coalesce(sum(r.rating > 1), 0) FROM reviews r"
		" WHERE r.day >= ?3 AND r.day <= ?4" STORE_REVIEW_FILTER " GROUP BY 1, 2, 3",
	[SQL_LEECHES] =
		"SELECT c.id, d.key, c.type, c.lapses, c.leech, c.suspended FROM cards c"
		" JOIN decks d ON d.id = c.deck_id WHERE c.retired = 0 AND c.leech = 1" STORE_FILTER
		" ORDER BY c.lapses DESC, c.id LIMIT ?3",
	[SQL_MOST_LAPSES] =
		"SELECT c.id, d.key, c.type, c.lapses, c.leech, c.suspended FROM cards c"
		" JOIN decks d ON d.id = c.deck_id WHERE c.retired = 0 AND c.lapses > 0" STORE_FILTER
		" ORDER BY c.lapses DESC, c.id LIMIT ?3",
	[SQL_ANSWER_TIMES] =
		"SELECT c.type, count(*), avg(r.duration_ms) FROM reviews r"
		" JOIN cards c ON c.id = r.card_id WHERE r.day >= ?3" STORE_FILTER
		" GROUP BY c.type ORDER BY c.type",
	/* browsing: every card not retired, with the study-day facts at ?3..?6
	 * (buried is worked out once per card: due needs it too) and, when
	 * ?8, whether a grade was overridden since its content last changed
	 * (one pass over the log, not a search per card). Unsorted: the
	 * caller sorts the few it keeps. */
	[SQL_CARDS_EACH] =
		"SELECT c.id, d.key, d.name, c.type, c.tags, c.grp, c.source, c.state, c.due,"
		" c.reps, c.lapses, c.suspended, c.leech, c.line,"
		" (" STORE_ACTIVE " AND " STORE_DUE_AT "), " STORE_BURIED ","
		" CASE WHEN ?8 THEN c.id IN (SELECT r.card_id FROM reviews r JOIN cards x"
		" ON x.id = r.card_id WHERE r.overridden IS NOT NULL"
		" AND r.reviewed_at >= x.content_at) ELSE 0 END"
		" FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.retired = 0" STORE_FILTER,
	[SQL_CARD_OVERRIDES] =
		"SELECT r.answer, r.overridden, r.rating, r.reviewed_at FROM reviews r"
		" JOIN cards c ON c.id = r.card_id WHERE r.card_id = ?1"
		" AND r.overridden IS NOT NULL AND r.reviewed_at >= c.content_at"
		" ORDER BY r.reviewed_at, r.id",
	/* mock interviews */
	[SQL_MOCK_INSERT] =
		"INSERT INTO mocks(started_at, level, card_id, principle, score, words,"
		" seconds, asked, defended, answer) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
	[SQL_MOCK_FINDING] =
		"INSERT INTO mock_findings(mock_id, round, kind, quote) VALUES (?1,?2,?3,?4)",
	[SQL_MOCKS] =
		"SELECT m.id, m.started_at, m.level, m.card_id, m.principle, m.score,"
		" m.words, coalesce(m.seconds, -1), m.asked, m.defended,"
		" coalesce((SELECT group_concat(kind, ', ') FROM (SELECT DISTINCT kind"
		" FROM mock_findings f WHERE f.mock_id = m.id AND f.round = 0"
		" ORDER BY kind)), '')"
		" FROM mocks m ORDER BY m.started_at DESC, m.id DESC LIMIT ?1",
	[SQL_MOCK_RECURRING] =
		"SELECT kind, count(DISTINCT mock_id) FROM mock_findings WHERE round = 0"
		" GROUP BY kind ORDER BY 2 DESC, kind",
	[SQL_MOCK_COUNT] = "SELECT count(*) FROM mocks",
	[SQL_MOCK_GET] =
		"SELECT m.id, m.started_at, m.level, m.card_id, m.principle, m.score,"
		" m.words, coalesce(m.seconds, -1), m.asked, m.defended,"
		" coalesce((SELECT group_concat(kind, ', ') FROM (SELECT DISTINCT kind"
		" FROM mock_findings f WHERE f.mock_id = m.id AND f.round = 0"
		" ORDER BY kind)), ''), m.answer"
		" FROM mocks m WHERE m.id = ?1",
	[SQL_MOCK_FINDINGS] =
		"SELECT round, kind, quote FROM mock_findings WHERE mock_id = ?1"
		" ORDER BY round, rowid",
	[SQL_MOCK_DELETE_FINDINGS] = "DELETE FROM mock_findings WHERE mock_id = ?1",
	[SQL_MOCK_DELETE] = "DELETE FROM mocks WHERE id = ?1",
};

/* How long a statement waits for another process's lock, in ms; the one
 * knob store_set_busy_timeout turns, for the whole process. */
static int store_busy_ms = STORE_BUSY_MS;

/* The automatic backup before a migration (store_set_migrate_hook). */
static store_migrate_hook store_hook_fn;
static void *store_hook_ctx;

struct store {
	char *path;       /* the database file, for messages */
	sqlite3 *db;
	sqlite3_stmt *stmt[SQL_COUNT];
	char msg[1024];
};

/* ---- plumbing ---- */

static void store_reason(sqlite3 *db, int rc, const char *path, char *buf, size_t len);

/* Records what failed and why; STORE_BUSY when another process's lock
 * outlasted the busy timeout, STORE_ERR otherwise. */
static int
store_fail(struct store *s, const char *what)
{
	int rc = sqlite3_extended_errcode(s->db);
	char why[400];

	store_reason(s->db, rc, s->path ? s->path : "the database", why, sizeof(why));
	snprintf(s->msg, sizeof(s->msg), "%s: %s", what, why);
	return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED ? STORE_BUSY
									   : STORE_ERR;
}

const char *
store_errmsg(const struct store *s)
{
	return s->msg;
}

int
store_schema_version(void)
{
	return schema_migration_count;
}

/* The statement id, prepared and reset; NULL after recording an error. */
static sqlite3_stmt *
store_stmt(struct store *s, enum store_stmt id)
{
	if (s->stmt[id] == NULL) {
		if (sqlite3_prepare_v3(s->db, store_sql[id], -1,
				       SQLITE_PREPARE_PERSISTENT, &s->stmt[id],
				       NULL) != SQLITE_OK) {
			store_fail(s, "preparing a statement");
			return NULL;
		}
	} else {
		sqlite3_reset(s->stmt[id]);
		sqlite3_clear_bindings(s->stmt[id]);
	}
	return s->stmt[id];
}

static void
store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

static char *
store_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return xstrdup(t ? (const char *)t : "");
}

/* Runs a statement that returns no rows; resets it. */
static int
store_done(struct store *s, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, what);
	return STORE_OK;
}

/* Runs a statement that returns one integer. */
static int
store_int(struct store *s, sqlite3_stmt *st, int64_t *out, const char *what)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, what);
	return STORE_OK;
}

static int
store_exec(struct store *s, const char *sql, const char *what)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, what);
	return STORE_OK;
}

int
store_begin(struct store *s)
{
	return store_exec(s, "BEGIN IMMEDIATE", "starting a transaction");
}

int
store_commit(struct store *s)
{
	return store_exec(s, "COMMIT", "committing");
}

void
store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- opening ---- */

/* One integer from a PRAGMA or query on a bare connection. */
static int
store_pragma_int(sqlite3 *db, const char *sql, int64_t *out)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return sqlite3_errcode(db);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* The fields of an SQLite file's 100-byte header that decide whether we
 * may open it (https://www.sqlite.org/fileformat.html, section 1.3). */
struct store_header {
	int64_t size;        /* bytes of the file */
	uint32_t page_size;
	uint32_t pages;      /* in-header database size; 0 when not valid */
	uint32_t schema;     /* schema cookie: 0 until a table is created */
	uint32_t version;    /* user_version */
	uint32_t app_id;     /* application_id */
	bool wal;            /* read and write versions are 2 */
};

static uint32_t
store_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Parses the 100-byte header b into h (h->size is the caller's). */
static bool
store_parse_header(const unsigned char *b, struct store_header *h)
{
	if (memcmp(b, "SQLite format 3", 16) != 0)
		return false;
	h->page_size = (uint32_t)b[16] << 8 | b[17];
	if (h->page_size == 1)
		h->page_size = 65536;
	/* The page count is valid only when written by a matching version. */
	h->pages = store_be32(b + 24) == store_be32(b + 92) ? store_be32(b + 28) : 0;
	h->schema = store_be32(b + 40);
	h->version = store_be32(b + 60);
	h->app_id = store_be32(b + 68);
	h->wal = b[18] == 2 && b[19] == 2;
	return true;
}

/* Reads exactly len bytes at off; false on a short read or an error. */
static bool
store_pread(int fd, void *buf, size_t len, off_t off)
{
	ssize_t n = pread(fd, buf, len, off);
	return n >= 0 && (size_t)n == len;
}

/*
 * A rollback journal beside path means a writer was interrupted (or is
 * still at work): the file's first page may hold its unfinished changes,
 * and the journal holds the page as it was. When the journal is valid,
 * puts the header as it will be once rolled back into h: that of the
 * journal's copy of page 1, or *was_empty when the file was empty before.
 * (https://www.sqlite.org/fileformat.html, section 4.1.)
 */
static void
store_journal_header(const char *path, struct store_header *h, bool *was_empty)
{
	static const unsigned char magic[8] = {0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7};
	unsigned char jh[28], rec[4], page1[100];
	char *jpath = xasprintf("%s-journal", path);
	int fd = open(jpath, O_RDONLY | O_CLOEXEC);
	struct stat st;

	free(jpath);
	*was_empty = false;
	if (fd < 0)
		return;
	if (fstat(fd, &st) == 0 && store_pread(fd, jh, sizeof(jh), 0) &&
	    memcmp(jh, magic, sizeof(magic)) == 0) {
		uint32_t nrec = store_be32(jh + 8), initial = store_be32(jh + 16);
		uint32_t sector = store_be32(jh + 20), page = store_be32(jh + 24);
		off_t size = (off_t)page + 8;
		if (initial == 0) {
			*was_empty = true;
		} else if (page >= 512 && page <= 65536 && sector >= 32 && sector <= 65536) {
			off_t max = (st.st_size - (off_t)sector) / size;
			if (nrec == 0 || nrec == 0xffffffffu || (off_t)nrec > max)
				nrec = max > 0 ? (uint32_t)max : 0;
			for (uint32_t i = 0; i < nrec; i++) {
				off_t at = (off_t)sector + (off_t)i * size;
				struct store_header j;
				if (!store_pread(fd, rec, sizeof(rec), at))
					break;
				if (store_be32(rec) != 1)
					continue;
				memset(&j, 0, sizeof(j));
				if (store_pread(fd, page1, sizeof(page1), at + 4) &&
				    store_parse_header(page1, &j)) {
					j.size = (int64_t)initial * page;
					*h = j;
				}
				break;
			}
		}
	}
	close(fd);
}

/*
 * Reads the header of an existing, non-empty file with read(2), or the
 * one a rollback will restore (store_journal_header): no SQLite
 * connection, so a refused file gets no -wal, -shm or journal beside it
 * and a hot journal is left for the read-write open to roll back.
 * *empty: the file will be empty once its journal is rolled back.
 */
static int
store_read_header(const char *path, struct store_header *h, bool *empty, char *err,
		  size_t errlen)
{
	unsigned char b[100];
	struct stat st;
	ssize_t n = -1;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	memset(h, 0, sizeof(*h));
	if (fd >= 0 && fstat(fd, &st) == 0) {
		h->size = (int64_t)st.st_size;
		n = read(fd, b, sizeof(b));
	}
	if (fd < 0 || n < 0) {
		snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return STORE_ERR;
	}
	close(fd);
	store_journal_header(path, h, empty);
	if (*empty || h->page_size != 0)
		return STORE_OK;
	if (n < (ssize_t)sizeof(b) || !store_parse_header(b, h)) {
		snprintf(err, errlen, "%s is not a drill database (not an SQLite file); "
			 "left untouched", path);
		return STORE_NOT_DRILL;
	}
	return STORE_OK;
}

/*
 * Decides from the header alone whether an existing file may be opened:
 * a drill database of a version we know, or an SQLite file that holds
 * nothing yet (*empty when it holds nothing at all). Returns STORE_OK or
 * a refusal with the message in err.
 */
static int
store_inspect(const char *path, bool *empty, char *err, size_t errlen)
{
	struct store_header h;
	int rc = store_read_header(path, &h, empty, err, errlen);

	if (rc != STORE_OK || *empty)
		return rc;
	/* A WAL left by a crash may still hold pages a checkpoint was writing
	 * into the file: then the file may be shorter than its header says,
	 * and recovery completes it. */
	char *wal = xasprintf("%s-wal", path);
	struct stat wst;
	bool wal_pending = h.wal && stat(wal, &wst) == 0 && wst.st_size > 0;
	free(wal);
	if (h.page_size < 512 || (h.page_size & (h.page_size - 1)) != 0 ||
	    (!wal_pending && (h.size % h.page_size != 0 ||
			      (int64_t)h.pages * h.page_size > h.size))) {
		snprintf(err, errlen, "%s is truncated or damaged (its size does not match "
			 "its header); left untouched. Restore it from a copy, or move it "
			 "away to start afresh", path);
		return STORE_NOT_DRILL;
	}
	if (h.app_id != STORE_APP_ID) {
		/* An empty SQLite file is ours to set up; a WAL one may hold
		 * tables its header does not show yet. */
		if (h.app_id == 0 && h.version == 0 && h.schema == 0 && !h.wal)
			return STORE_OK;
		snprintf(err, errlen, "%s is not a drill database (it holds other data); "
			 "left untouched", path);
		return STORE_NOT_DRILL;
	}
	if (h.version > (uint32_t)schema_migration_count) {
		snprintf(err, errlen,
			 "%s has schema version %u, newer than this drill understands (%d); "
			 "upgrade drill to use it (the file was left untouched)",
			 path, h.version, schema_migration_count);
		return STORE_NEWER;
	}
	return STORE_OK;
}

/* The folder path is in ("." for a bare name); the caller frees it. */
static char *
store_dir_of(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');

	if (slash == NULL)
		return strcpy(xrealloc(dir, 2), ".");
	*(slash == dir ? slash + 1 : slash) = '\0';
	return dir;
}

/*
 * What went wrong with the database file, for a message: the cause in
 * words and what to do about it. rc is an extended SQLite code.
 */
static void
store_reason(sqlite3 *db, int rc, const char *path, char *buf, size_t len)
{
	int sys = db ? sqlite3_system_errno(db) : 0;
	int primary = rc & 0xff;
	char *dir = store_dir_of(path);

	if (primary == SQLITE_FULL || sys == ENOSPC || sys == EDQUOT)
		snprintf(buf, len, "the disk is full; free some space and run drill again "
			 "(nothing saved before was lost)");
	else if ((primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN ||
		  primary == SQLITE_IOERR || sys == EACCES || sys == EROFS) &&
		 access(dir, W_OK) != 0)
		snprintf(buf, len, "its folder %s is read-only, and drill keeps a journal "
			 "beside the database; make the folder writable or use a database "
			 "elsewhere (--db PATH)", dir);
	else if ((primary == SQLITE_READONLY || sys == EACCES || sys == EROFS) &&
		 access(path, W_OK) != 0)
		snprintf(buf, len, "the file is read-only; make it writable (chmod u+w) or "
			 "use another database (--db PATH)");
	else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
		snprintf(buf, len, "another program still holds a lock on it; close it and "
			 "try again");
	else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
		snprintf(buf, len, "the database is damaged (%s); restore it from a copy",
			 sqlite3_errstr(rc));
	else if (sys != 0 && primary == SQLITE_IOERR)
		snprintf(buf, len, "%s (%s)", sqlite3_errstr(rc), strerror(sys));
	else
		snprintf(buf, len, "%s", db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	free(dir);
}

/* "cannot DOING PATH: reason" into err. */
static void
store_explain(sqlite3 *db, int rc, const char *path, const char *doing, char *err,
	      size_t errlen)
{
	char why[400];

	store_reason(db, rc, path, why, sizeof(why));
	snprintf(err, errlen, "cannot %s %s: %s", doing, path, why);
}

static int
store_migrate(struct store *s, int64_t from)
{
	int rc;

	if (from >= schema_migration_count)
		return STORE_OK;
	rc = store_begin(s);
	/* Another process may have migrated it between our read and our lock. */
	if (rc == STORE_OK && store_pragma_int(s->db, "PRAGMA user_version", &from) != SQLITE_OK)
		rc = store_fail(s, "reading the schema version");
	if (rc == STORE_OK && from >= schema_migration_count) {
		store_rollback(s);
		return STORE_OK;
	}
	for (int i = (int)from; rc == STORE_OK && i < schema_migration_count; i++) {
		char what[160];
		snprintf(what, sizeof(what), "applying %s", schema_migrations[i].name);
		rc = store_exec(s, schema_migrations[i].sql, what);
	}
	if (rc == STORE_OK) {
		char sql[96];
		snprintf(sql, sizeof(sql), "PRAGMA application_id = %d; PRAGMA user_version = %d",
			 STORE_APP_ID, schema_migration_count);
		rc = store_exec(s, sql, "recording the schema version");
	}
	if (rc == STORE_OK)
		rc = store_commit(s);
	if (rc != STORE_OK)
		store_rollback(s);
	return rc;
}

/*
 * Builds a new drill database for path: created under a temporary name in
 * the same folder, migrated in one transaction, switched to WAL and
 * closed (so nothing is left beside it) and only then linked into
 * place. A first run killed at any moment leaves either nothing at path
 * or a complete database (and at worst a stray temporary file). When
 * replace is set, path is an empty file and is replaced; otherwise a
 * database another first run put there meanwhile wins and ours is dropped.
 */
static int
store_create(const char *path, bool replace, char *err, size_t errlen)
{
	char *tmp = xasprintf("%s.new-XXXXXX", path);
	char *dir = store_dir_of(path);
	struct store s;
	int fd, rc = SQLITE_OK;

	memset(&s, 0, sizeof(s));
	fd = mkstemp(tmp);
	if (fd < 0) {
		if (errno == EACCES || errno == EROFS)
			snprintf(err, errlen, "cannot create %s: its folder %s is read-only; make "
				 "it writable or use a database elsewhere (--db PATH)", path, dir);
		else
			snprintf(err, errlen, "cannot create %s: %s", path, strerror(errno));
		free(tmp);
		free(dir);
		return STORE_ERR;
	}
	close(fd); /* mkstemp made it 0600 */
	rc = sqlite3_open_v2(tmp, &s.db, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(s.db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL",
				  NULL, NULL, NULL);
	if (rc == SQLITE_OK && store_migrate(&s, 0) != STORE_OK)
		rc = sqlite3_errcode(s.db) != SQLITE_OK ? sqlite3_extended_errcode(s.db) : SQLITE_ERROR;
	/* WAL before it is put in place (the mode is kept in the file; closing
	 * removes the -wal and -shm of the temporary name): the database at
	 * path never has a rollback journal of its own. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(s.db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		store_explain(s.db, rc, path, "create", err, errlen);
	for (int i = 0; i < SQL_COUNT; i++)
		sqlite3_finalize(s.stmt[i]);
	if (sqlite3_close(s.db) != SQLITE_OK && rc == SQLITE_OK) {
		snprintf(err, errlen, "cannot create %s: closing it failed", path);
		rc = SQLITE_ERROR;
	}
	if (rc == SQLITE_OK) {
		if (replace) {
			if (rename(tmp, path) != 0)
				rc = SQLITE_CANTOPEN;
		} else if (link(tmp, path) != 0 && errno != EEXIST) {
			/* No hard links here (some network or FAT file systems). */
			struct stat st;
			if (stat(path, &st) != 0 && rename(tmp, path) != 0)
				rc = SQLITE_CANTOPEN;
		}
		if (rc != SQLITE_OK)
			snprintf(err, errlen, "cannot create %s: %s", path, strerror(errno));
	}
	unlink(tmp);
	if (rc == SQLITE_OK) {
		/* The new name must survive a crash as well as the data. */
		int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd >= 0) {
			(void)fsync(dfd);
			close(dfd);
		}
	}
	free(tmp);
	free(dir);
	return rc == SQLITE_OK ? STORE_OK : STORE_ERR;
}

int
store_open(const char *path, unsigned flags, struct store **out, char *err, size_t errlen)
{
	struct store *s;
	struct stat st;
	int64_t version = 0, app = 0;
	int rc;

	*out = NULL;
	if (stat(path, &st) == 0) {
		if (!S_ISREG(st.st_mode)) {
			snprintf(err, errlen, "%s is not a regular file", path);
			return STORE_ERR;
		}
		/* An empty file, or one a rollback leaves empty, is new. */
		bool empty = st.st_size == 0;
		rc = empty ? STORE_OK : store_inspect(path, &empty, err, errlen);
		if (rc == STORE_OK && empty && !(flags & STORE_OPEN_CREATE)) {
			snprintf(err, errlen, "%s is empty: nothing studied yet", path);
			return STORE_NOT_FOUND;
		}
		/* Replaced by a database built aside, unless a journal lies
		 * beside it: then SQLite rolls that back and the empty file is
		 * set up where it is (store_migrate, one transaction). */
		char *journal = xasprintf("%s-journal", path);
		struct stat jst;
		if (rc == STORE_OK && st.st_size == 0 && stat(journal, &jst) != 0)
			rc = store_create(path, true, err, errlen);
		free(journal);
		if (rc != STORE_OK)
			return rc;
	} else if (errno != ENOENT) {
		snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
		return STORE_ERR;
	} else if (!(flags & STORE_OPEN_CREATE)) {
		snprintf(err, errlen, "no database at %s yet", path);
		return STORE_NOT_FOUND;
	} else {
		if (paths_make_parent(path) != 0) {
			snprintf(err, errlen, "cannot create the folder for %s: %s",
				 path, strerror(errno));
			return STORE_ERR;
		}
		if ((rc = store_create(path, false, err, errlen)) != STORE_OK)
			return rc;
	}

	/* The header passed: open read-write, so that SQLite rolls a hot
	 * journal back or recovers the WAL itself. */
	s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(path);
	rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_extended_result_codes(s->db, 1);
		sqlite3_busy_timeout(s->db, store_busy_ms);
		/* Turning a file to WAL needs an exclusive lock and does not
		 * wait for one: retry while another run is setting it up. */
		for (int i = 0; i < store_busy_ms / 10; i++) {
			rc = sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
			if (rc != SQLITE_BUSY)
				break;
			sqlite3_sleep(10);
		}
	}
	/* Every commit reaches the disk before it returns. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(s->db, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON",
				  NULL, NULL, NULL);
	/* Now that a journal was rolled back, the header again: ours, and
	 * not newer (another process may have migrated it meanwhile)? */
	if (rc == SQLITE_OK)
		rc = store_pragma_int(s->db, "PRAGMA application_id", &app);
	if (rc == SQLITE_OK)
		rc = store_pragma_int(s->db, "PRAGMA user_version", &version);
	if (rc != SQLITE_OK) {
		store_explain(s->db, rc, path, "open", err, errlen);
		store_close(s);
		return STORE_ERR;
	}
	if (app != STORE_APP_ID && !(app == 0 && version == 0)) {
		snprintf(err, errlen, "%s is not a drill database (it holds other data); "
			 "left untouched", path);
		store_close(s);
		return STORE_NOT_DRILL;
	}
	if (version > schema_migration_count) {
		snprintf(err, errlen, "%s has schema version %lld, newer than this drill "
			 "understands (%d); upgrade drill to use it (the file was left untouched)",
			 path, (long long)version, schema_migration_count);
		store_close(s);
		return STORE_NEWER;
	}
	if (app == 0) {
		/* An empty SQLite file someone made: it must hold no tables. */
		int64_t tables = 0;
		if (store_pragma_int(s->db, "SELECT count(*) FROM sqlite_schema", &tables) !=
			    SQLITE_OK || tables > 0) {
			snprintf(err, errlen, "%s is not a drill database (it holds other data); "
				 "left untouched", path);
			store_close(s);
			return STORE_NOT_DRILL;
		}
	}
	if (version > 0 && version < schema_migration_count && store_hook_fn != NULL &&
	    store_hook_fn(s, path, (int)version, store_hook_ctx, err, errlen) != 0) {
		store_close(s);
		return STORE_ERR;
	}
	if (store_migrate(s, version) != STORE_OK) {
		store_explain(s->db, sqlite3_extended_errcode(s->db), path, "upgrade", err, errlen);
		store_close(s);
		return STORE_ERR;
	}
	*out = s;
	return STORE_OK;
}

void
store_set_busy_timeout(int ms)
{
	store_busy_ms = ms > 0 ? ms : STORE_BUSY_MS;
}

void
store_set_migrate_hook(store_migrate_hook fn, void *ctx)
{
	store_hook_fn = fn;
	store_hook_ctx = ctx;
}

/* fsync of a file or folder by name; errors are ignored (best effort on
 * file systems that refuse it). */
static void
store_sync_path(const char *path, bool dir)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);

	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

/* Runs a backup from src to dst to the end, waiting out locks for up to
 * the busy timeout. An SQLite result code. */
static int
store_copy(sqlite3 *dst, sqlite3 *src)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	int rc;

	if (b == NULL)
		return sqlite3_extended_errcode(dst);
	for (int waited = 0;; waited += 10) {
		rc = sqlite3_backup_step(b, -1);
		if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || waited >= store_busy_ms)
			break;
		sqlite3_sleep(10);
	}
	sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE)
		rc = sqlite3_extended_errcode(dst);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int
store_backup_to(struct store *s, const char *dest)
{
	char *tmp = xasprintf("%s.part-XXXXXX", dest);
	sqlite3 *db = NULL;
	int fd = mkstemp(tmp), rc;

	if (fd < 0) {
		snprintf(s->msg, sizeof(s->msg), "cannot write the backup %s: %s", dest,
			 strerror(errno));
		free(tmp);
		return STORE_ERR;
	}
	close(fd); /* mkstemp made it 0600 */
	rc = sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = store_copy(db, s->db);
	/* The source is in WAL mode and the copy says so too: one file
	 * without a -wal beside it is what a backup should be. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		char why[400];
		store_reason(db, rc, dest, why, sizeof(why));
		snprintf(s->msg, sizeof(s->msg), "cannot write the backup %s: %s", dest, why);
	}
	if (sqlite3_close(db) != SQLITE_OK && rc == SQLITE_OK) {
		snprintf(s->msg, sizeof(s->msg), "cannot write the backup %s: closing it failed",
			 dest);
		rc = SQLITE_ERROR;
	}
	if (rc == SQLITE_OK) {
		store_sync_path(tmp, false);
		if (rename(tmp, dest) != 0) {
			snprintf(s->msg, sizeof(s->msg), "cannot write the backup %s: %s", dest,
				 strerror(errno));
			rc = SQLITE_CANTOPEN;
		}
	}
	if (rc == SQLITE_OK) {
		char *dir = store_dir_of(dest);
		store_sync_path(dir, true);
		free(dir);
	} else {
		unlink(tmp);
	}
	free(tmp);
	return rc == SQLITE_OK ? STORE_OK : STORE_ERR;
}

/* "ok" from PRAGMA quick_check on db? */
static bool
store_quick_check(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	bool ok = false;

	if (sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);
		ok = t != NULL && strcmp((const char *)t, "ok") == 0;
	}
	sqlite3_finalize(st);
	return ok;
}

int
store_restore_from(struct store *s, const char *src)
{
	struct store_header h;
	bool empty = false;
	sqlite3 *db = NULL;
	int64_t version = 0;
	int rc = store_read_header(src, &h, &empty, s->msg, sizeof(s->msg));

	if (rc != STORE_OK)
		return rc;
	if (empty || h.app_id != STORE_APP_ID) {
		snprintf(s->msg, sizeof(s->msg), "%s is not a drill database or backup; "
			 "nothing was changed", src);
		return STORE_NOT_DRILL;
	}
	if (h.version > (uint32_t)schema_migration_count) {
		snprintf(s->msg, sizeof(s->msg), "%s has schema version %u, newer than this drill "
			 "understands (%d); upgrade drill to restore it (nothing was changed)",
			 src, h.version, schema_migration_count);
		return STORE_NEWER;
	}
	rc = sqlite3_open_v2(src, &db, SQLITE_OPEN_READONLY, NULL);
	if (rc != SQLITE_OK || !store_quick_check(db)) {
		snprintf(s->msg, sizeof(s->msg), "%s is damaged (SQLite's check of it failed); "
			 "choose another backup (nothing was changed)", src);
		sqlite3_close(db);
		return STORE_ERR;
	}
	rc = store_copy(s->db, db);
	sqlite3_close(db);
	if (rc != SQLITE_OK) {
		char why[400];
		store_reason(s->db, rc, s->path, why, sizeof(why));
		snprintf(s->msg, sizeof(s->msg), "cannot restore %s into %s: %s", src, s->path,
			 why);
		return (rc & 0xff) == SQLITE_BUSY ? STORE_BUSY : STORE_ERR;
	}
	/* The copy brought the backup's journal mode along; drill runs in WAL
	 * (another connection may keep that from changing: then it stays). */
	(void)sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
	if (store_pragma_int(s->db, "PRAGMA user_version", &version) != SQLITE_OK)
		return store_fail(s, "reading the restored schema version");
	if (store_migrate(s, version) != STORE_OK)
		return STORE_ERR;
	return STORE_OK;
}

void
store_close(struct store *s)
{
	if (s == NULL)
		return;
	for (int i = 0; i < SQL_COUNT; i++)
		sqlite3_finalize(s->stmt[i]);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

/* ---- settings ---- */

int
store_config_get(struct store *s, const char *key, char **value)
{
	sqlite3_stmt *st = store_stmt(s, SQL_CONFIG_GET);
	int rc;

	*value = NULL;
	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*value = store_col_text(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "reading a setting");
	return STORE_OK;
}

int
store_config_set(struct store *s, const char *key, const char *value)
{
	sqlite3_stmt *st = store_stmt(s, SQL_CONFIG_SET);

	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, key);
	store_bind_text(st, 2, value);
	return store_done(s, st, "saving a setting");
}

/* ---- decks and import ---- */

void
store_deck_clear(struct store_deck *d)
{
	free(d->key);
	free(d->path);
	free(d->name);
	free(d->file_hash);
	memset(d, 0, sizeof(*d));
}

void
store_decks_free(struct store_deck *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		store_deck_clear(&v[i]);
	free(v);
}

int
store_decks(struct store *s, struct store_deck **out, size_t *n)
{
	sqlite3_stmt *st = store_stmt(s, SQL_DECKS);
	struct store_deck *v = NULL;
	size_t k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return STORE_ERR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, (k + 1) * sizeof(*v));
		v[k].id = sqlite3_column_int64(st, 0);
		v[k].key = store_col_text(st, 1);
		v[k].path = store_col_text(st, 2);
		v[k].name = store_col_text(st, 3);
		v[k].file_hash = store_col_text(st, 4);
		v[k].mtime = sqlite3_column_int64(st, 5);
		v[k].size = sqlite3_column_int64(st, 6);
		k++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_decks_free(v, k);
		return store_fail(s, "listing decks");
	}
	*out = v;
	*n = k;
	return STORE_OK;
}

int
store_import_generation(struct store *s, int64_t *gen)
{
	sqlite3_stmt *st = store_stmt(s, SQL_GENERATION);

	return st ? store_int(s, st, gen, "reading the import generation") : STORE_ERR;
}

int
store_deck_save(struct store *s, const struct deck *d, const char *abspath,
		const char *file_hash, int64_t mtime, int64_t size,
		int64_t now_ms, int64_t *deck_id)
{
	sqlite3_stmt *st = store_stmt(s, SQL_DECK_UPSERT);
	struct sbuf tags = {0};
	int rc;

	if (st == NULL)
		return STORE_ERR;
	for (size_t i = 0; i < d->tags.n; i++)
		sbuf_printf(&tags, "%s%s", i ? "," : "", d->tags.v[i]);
	store_bind_text(st, 1, d->key);
	store_bind_text(st, 2, abspath);
	store_bind_text(st, 3, d->name);
	store_bind_text(st, 4, d->description);
	store_bind_text(st, 5, tags.buf ? tags.buf : "");
	store_bind_text(st, 6, file_hash);
	sqlite3_bind_int64(st, 7, mtime);
	sqlite3_bind_int64(st, 8, size);
	sqlite3_bind_int64(st, 9, now_ms);
	rc = store_done(s, st, "saving a deck");
	sbuf_free(&tags);
	if (rc != STORE_OK)
		return rc;
	st = store_stmt(s, SQL_DECK_ID);
	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, d->key);
	return store_int(s, st, deck_id, "finding a deck");
}

int
store_deck_touch(struct store *s, int64_t deck_id, int64_t mtime, int64_t size)
{
	sqlite3_stmt *st = store_stmt(s, SQL_DECK_TOUCH);

	if (st == NULL)
		return STORE_ERR;
	sqlite3_bind_int64(st, 1, deck_id);
	sqlite3_bind_int64(st, 2, mtime);
	sqlite3_bind_int64(st, 3, size);
	return store_done(s, st, "recording a deck's file time");
}

int
store_card_save(struct store *s, int64_t deck_id, const struct card *c,
		const char *tags, int64_t gen, int64_t now_ms,
		enum store_change *change)
{
	sqlite3_stmt *st = store_stmt(s, SQL_CARD_GET);
	char *hash = NULL, *oldtags = NULL, *oldfile = NULL;
	int retired = 0, rc;
	int64_t old_deck = 0, old_line = 0;

	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, c->id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		hash = store_col_text(st, 0);
		retired = sqlite3_column_int(st, 1);
		old_deck = sqlite3_column_int64(st, 2);
		old_line = sqlite3_column_int64(st, 3);
		oldtags = store_col_text(st, 4);
		oldfile = sqlite3_column_type(st, 5) == SQLITE_NULL ? NULL : store_col_text(st, 5);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "reading a card");

	if (hash != NULL && !retired && strcmp(hash, c->hash) == 0 &&
	    old_deck == deck_id && old_line == c->line && strcmp(oldtags, tags) == 0 &&
	    (oldfile == NULL) == (c->file == NULL) &&
	    (oldfile == NULL || strcmp(oldfile, c->file) == 0)) {
		*change = STORE_UNCHANGED;
		st = store_stmt(s, SQL_CARD_SEEN);
		if (st != NULL) {
			store_bind_text(st, 1, c->id);
			sqlite3_bind_int64(st, 2, gen);
		}
	} else {
		*change = hash == NULL ? STORE_ADDED
			: retired      ? STORE_REVIVED
			: strcmp(hash, c->hash) != 0 ? STORE_UPDATED
						     : STORE_UNCHANGED;
		st = store_stmt(s, hash == NULL ? SQL_CARD_INSERT : SQL_CARD_UPDATE);
		if (st != NULL) {
			store_bind_text(st, 1, c->id);
			sqlite3_bind_int64(st, 2, deck_id);
			sqlite3_bind_int(st, 3, c->line);
			store_bind_text(st, 4, card_type_name(c->type));
			store_bind_text(st, 5, c->source);
			store_bind_text(st, 6, c->hash);
			store_bind_text(st, 7, tags);
			sqlite3_bind_int64(st, 8, gen);
			sqlite3_bind_int64(st, 9, now_ms);
			store_bind_text(st, 10, c->group);
			store_bind_text(st, 11, c->file);
		}
	}
	free(hash);
	free(oldtags);
	free(oldfile);
	return st ? store_done(s, st, "saving a card") : STORE_ERR;
}

int
store_card_owner(struct store *s, const char *id, char **deck_key, bool *retired)
{
	sqlite3_stmt *st = store_stmt(s, SQL_CARD_OWNER);
	int rc;

	*deck_key = NULL;
	*retired = false;
	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*deck_key = store_col_text(st, 0);
		*retired = sqlite3_column_int(st, 1) != 0;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? STORE_OK
						     : store_fail(s, "finding a card's deck");
}

int
store_retire_unseen(struct store *s, int64_t deck_id, int64_t gen,
		    int64_t now_ms, int *retired)
{
	sqlite3_stmt *st = store_stmt(s, SQL_RETIRE);
	int rc;

	if (st == NULL)
		return STORE_ERR;
	sqlite3_bind_int64(st, 1, deck_id);
	sqlite3_bind_int64(st, 2, gen);
	sqlite3_bind_int64(st, 3, now_ms);
	rc = store_done(s, st, "retiring removed cards");
	*retired = rc == STORE_OK ? sqlite3_changes(s->db) : 0;
	return rc;
}

/* ---- studying ---- */

void
store_card_clear(struct store_card *c)
{
	free(c->id);
	free(c->type);
	free(c->source);
	free(c->deck_key);
	free(c->deck_path);
	free(c->group);
	memset(c, 0, sizeof(*c));
}

static void
store_read_sched(sqlite3_stmt *st, int col, struct fsrs_card *f)
{
	f->state = (enum fsrs_state)sqlite3_column_int(st, col);
	f->stability = sqlite3_column_double(st, col + 1);
	f->difficulty = sqlite3_column_double(st, col + 2);
	f->due = sqlite3_column_int64(st, col + 3);
	f->last_review = sqlite3_column_int64(st, col + 4);
	f->last_day = sqlite3_column_int64(st, col + 5);
	f->reps = sqlite3_column_int(st, col + 6);
	f->lapses = sqlite3_column_int(st, col + 7);
	f->learning_steps = sqlite3_column_int(st, col + 8);
	f->scheduled_days = sqlite3_column_int(st, col + 9);
}

static void
store_bind_sched(sqlite3_stmt *st, int col, const struct fsrs_card *f)
{
	sqlite3_bind_int(st, col, (int)f->state);
	sqlite3_bind_double(st, col + 1, f->stability);
	sqlite3_bind_double(st, col + 2, f->difficulty);
	sqlite3_bind_int64(st, col + 3, f->due);
	sqlite3_bind_int64(st, col + 4, f->last_review);
	sqlite3_bind_int64(st, col + 5, f->last_day);
	sqlite3_bind_int(st, col + 6, f->reps);
	sqlite3_bind_int(st, col + 7, f->lapses);
	sqlite3_bind_int(st, col + 8, f->learning_steps);
	sqlite3_bind_int(st, col + 9, f->scheduled_days);
}

int
store_card_load(struct store *s, const char *id, struct store_card *c, bool *found)
{
	sqlite3_stmt *st = store_stmt(s, SQL_CARD_LOAD);
	int rc;

	*found = false;
	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		c->id = store_col_text(st, 0);
		c->type = store_col_text(st, 1);
		c->source = store_col_text(st, 2);
		c->line = sqlite3_column_int(st, 3);
		c->deck_key = store_col_text(st, 4);
		c->deck_path = store_col_text(st, 5);
		c->suspended = sqlite3_column_int(st, 6) != 0;
		c->retired = sqlite3_column_int(st, 7) != 0;
		c->leech = sqlite3_column_int(st, 8) != 0;
		c->group = sqlite3_column_type(st, 9) == SQLITE_NULL ? NULL : store_col_text(st, 9);
		store_read_sched(st, 10, &c->sched);
		*found = true;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "loading a card");
	return STORE_OK;
}

static int
store_ids(struct store *s, sqlite3_stmt *st, struct strv *ids, const char *what)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		strv_push(ids, (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? STORE_OK : store_fail(s, what);
}

void
store_pick_clear(struct store_pick *p)
{
	free(p->id);
	free(p->group);
	free(p->deck_key);
	memset(p, 0, sizeof(*p));
}

void
store_picks_free(struct store_picks *p)
{
	for (size_t i = 0; i < p->n; i++)
		store_pick_clear(&p->v[i]);
	free(p->v);
	memset(p, 0, sizeof(*p));
}

static struct store_pick *
store_picks_add(struct store_picks *p)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->v = xrealloc(p->v, p->cap * sizeof(*p->v));
	}
	memset(&p->v[p->n], 0, sizeof(p->v[0]));
	return &p->v[p->n++];
}

static char *
store_col_text_or_null(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NULL : store_col_text(st, i);
}

/* Binds the filter (?1, ?2) and the study-day rule (?3 to ?7). */
static void
store_bind_when(sqlite3_stmt *st, const struct store_filter *f, const struct store_when *w)
{
	int64_t ahead = w->now + w->learn_ahead;

	store_bind_text(st, 1, f ? f->deck : NULL);
	store_bind_text(st, 2, f ? f->tag : NULL);
	sqlite3_bind_int64(st, 3, w->now);
	sqlite3_bind_int64(st, 4, w->day);
	sqlite3_bind_int64(st, 5, w->day_end);
	sqlite3_bind_int64(st, 6, ahead);
	/* The upper bound of the index range on due. */
	sqlite3_bind_int64(st, 7, w->day_end - 1 > ahead ? w->day_end - 1 : ahead);
	/* Statements without ?9 refuse it harmlessly (SQLITE_RANGE). */
	sqlite3_bind_int64(st, 9, w->pass_start);
}

static sqlite3_int64
store_limit(size_t limit)
{
	return (sqlite3_int64)(limit > INT64_MAX ? INT64_MAX : limit);
}

/*
 * The session's order (docs/fsrs.md): (re)learning cards by due time, then
 * review cards least retrievable first (largest elapsed days over
 * stability; a stability that is not positive first), then by id.
 */
static int
store_pick_cmp(const void *a, const void *b)
{
	const struct store_pick *x = a, *y = b;
	bool xr = x->state == FSRS_REVIEW, yr = y->state == FSRS_REVIEW;

	if (xr != yr)
		return xr ? 1 : -1;
	if (xr ? x->rank != y->rank : x->due != y->due)
		return xr ? (x->rank < y->rank ? -1 : 1) : (x->due < y->due ? -1 : 1);
	return strcmp(x->id, y->id);
}

int
store_due(struct store *s, const struct store_filter *f, const struct store_when *w,
	  struct store_picks *out, struct store_due_counts *counts)
{
	sqlite3_stmt *st = store_stmt(s, SQL_DUE);
	int64_t ahead = w->now + w->learn_ahead;
	size_t first = out->n;
	int rc;

	memset(counts, 0, sizeof(*counts));
	if (st == NULL)
		return STORE_ERR;
	store_bind_when(st, f, w);
	/* One pass: the rule of STORE_DUE_AT, counted as it goes. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int state = sqlite3_column_int(st, 2);
		int64_t due = sqlite3_column_int64(st, 3);
		bool in_pass = state == FSRS_REVIEW && w->pass_start > 0 &&
			       sqlite3_column_int64(st, 7) < w->pass_start;
		if (state == FSRS_REVIEW ? due >= w->day_end && !in_pass : due > ahead) {
			counts->learn_later += state != FSRS_REVIEW && due < w->day_end;
			continue;
		}
		if (state == FSRS_REVIEW)
			counts->review++;
		else
			counts->learn_now++;
		struct store_pick *p = store_picks_add(out);
		p->id = store_col_text(st, 0);
		p->group = store_col_text_or_null(st, 1);
		p->state = state;
		p->due = due;
		if (state == FSRS_REVIEW) {
			double stability = sqlite3_column_double(st, 5);
			double elapsed = (double)(w->day - sqlite3_column_int64(st, 4));
			p->rank = stability > 0 ? -(elapsed / stability) : -HUGE_VAL;
			p->stability = stability;
			p->difficulty = sqlite3_column_double(st, 6);
			p->last_day = sqlite3_column_int64(st, 4);
			p->last_review = sqlite3_column_int64(st, 7);
			p->seconds = sqlite3_column_type(st, 8) == SQLITE_NULL
					     ? 0.0 : sqlite3_column_double(st, 8) / 1000.0;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "listing due cards");
	if (out->n - first > 1)
		qsort(out->v + first, out->n - first, sizeof(*out->v), store_pick_cmp);
	return STORE_OK;
}

int
store_new(struct store *s, const struct store_filter *f, const struct store_when *w,
	  size_t per_deck, struct store_picks *out)
{
	struct store_deck *decks = NULL;
	size_t n = 0;
	int rc = store_decks(s, &decks, &n);

	/* One indexed query a deck (key order), not a sort of every new card. */
	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		sqlite3_stmt *st = store_stmt(s, SQL_NEW);
		int step;
		if (st == NULL) {
			rc = STORE_ERR;
			break;
		}
		store_bind_when(st, f, w);
		sqlite3_bind_int64(st, 7, store_limit(per_deck));
		sqlite3_bind_int64(st, 8, decks[i].id);
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			struct store_pick *p = store_picks_add(out);
			p->id = store_col_text(st, 0);
			p->group = store_col_text_or_null(st, 1);
			p->deck_key = store_col_text(st, 2);
			p->state = FSRS_NEW;
		}
		sqlite3_reset(st);
		if (step != SQLITE_DONE)
			rc = store_fail(s, "listing new cards");
	}
	store_decks_free(decks, n);
	return rc;
}

int
store_count_due_at(struct store *s, const struct store_filter *f, const struct store_when *w,
		   struct store_due_counts *out)
{
	sqlite3_stmt *st = store_stmt(s, SQL_COUNT_DUE_AT);
	int rc;

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return STORE_ERR;
	store_bind_when(st, f, w);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->review = sqlite3_column_int64(st, 0);
		out->learn_now = sqlite3_column_int64(st, 1);
		out->learn_later = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? STORE_OK : store_fail(s, "counting due cards");
}

int
store_card_buried(struct store *s, const char *id, const char *group, int64_t day, bool *buried)
{
	sqlite3_stmt *st = store_stmt(s, SQL_CARD_BURIED);
	int64_t v = 0;
	int rc;

	*buried = false;
	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, id);
	store_bind_text(st, 2, group);
	sqlite3_bind_int64(st, 3, day);
	rc = store_int(s, st, &v, "checking a card's siblings");
	*buried = v != 0;
	return rc;
}

int
store_census(struct store *s, const struct store_filter *f, const struct store_when *w,
	     struct store_census *out)
{
	sqlite3_stmt *st = store_stmt(s, SQL_CENSUS);
	int rc;

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return STORE_ERR;
	store_bind_when(st, f, w);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->cards = sqlite3_column_int64(st, 0);
		out->open = sqlite3_column_int64(st, 1);
		out->suspended = sqlite3_column_int64(st, 2);
		out->buried = sqlite3_column_int64(st, 3);
		out->fresh = sqlite3_column_int64(st, 4);
		out->next_due = sqlite3_column_int64(st, 5);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? STORE_OK : store_fail(s, "counting cards");
}

int
store_ids_of_type(struct store *s, const char *type, struct strv *ids)
{
	sqlite3_stmt *st = store_stmt(s, SQL_IDS_OF_TYPE);

	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, type);
	return store_ids(s, st, ids, "listing cards");
}

int
store_new_seen_on(struct store *s, int64_t day, int *count)
{
	sqlite3_stmt *st = store_stmt(s, SQL_NEW_SEEN);
	int64_t n = 0;
	int rc;

	if (st == NULL)
		return STORE_ERR;
	sqlite3_bind_int64(st, 1, day);
	rc = store_int(s, st, &n, "counting new cards");
	*count = (int)n;
	return rc;
}

int
store_session_start(struct store *s, const char *kind, int64_t now_ms, int64_t *id)
{
	sqlite3_stmt *st = store_stmt(s, SQL_SESSION_START);
	int rc;

	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, kind);
	sqlite3_bind_int64(st, 2, now_ms);
	rc = store_done(s, st, "starting a session");
	*id = rc == STORE_OK ? sqlite3_last_insert_rowid(s->db) : 0;
	return rc;
}

int
store_session_end(struct store *s, int64_t id, int64_t now_ms)
{
	sqlite3_stmt *st = store_stmt(s, SQL_SESSION_END);

	if (st == NULL)
		return STORE_ERR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, now_ms);
	return store_done(s, st, "ending a session");
}

static int
store_set_sched_stmt(struct store *s, const char *card_id, const struct fsrs_card *f)
{
	sqlite3_stmt *st = store_stmt(s, SQL_CARD_SCHED);

	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, card_id);
	store_bind_sched(st, 2, f);
	return store_done(s, st, "updating a card");
}

/* Binds every column of a review row (SQL_REVIEW_INSERT). */
static void
store_bind_review(sqlite3_stmt *st, const struct store_review *r)
{
	store_bind_text(st, 1, r->card_id);
	if (r->session_id > 0)
		sqlite3_bind_int64(st, 2, r->session_id);
	sqlite3_bind_int64(st, 3, r->at);
	sqlite3_bind_int64(st, 4, r->day);
	sqlite3_bind_int(st, 5, r->rating);
	store_bind_text(st, 6, r->answer);
	if (r->correct >= 0)
		sqlite3_bind_int(st, 7, r->correct);
	sqlite3_bind_int64(st, 8, r->duration_ms);
	if (!isnan(r->retrievability))
		sqlite3_bind_double(st, 9, r->retrievability);
	store_bind_sched(st, 10, &r->before);
	store_bind_sched(st, 20, &r->after);
	if (r->overridden > 0)
		sqlite3_bind_int(st, 30, r->overridden);
}

/* Inside a transaction: the review row, then the card's new state if it
 * is still in state expect (reps and last review; else STORE_CONFLICT),
 * then its leech flag. */
static int
store_write_review(struct store *s, struct store_review *r, const struct fsrs_card *expect)
{
	sqlite3_stmt *st = store_stmt(s, SQL_REVIEW_INSERT);
	int rc;

	if (st == NULL)
		return STORE_ERR;
	store_bind_review(st, r);
	rc = store_done(s, st, "saving a review");
	if (rc != STORE_OK)
		return rc;
	r->id = sqlite3_last_insert_rowid(s->db);
	if ((st = store_stmt(s, SQL_CARD_SCHED_IF)) == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, r->card_id);
	store_bind_sched(st, 2, &r->after);
	sqlite3_bind_int(st, 12, expect->reps);
	sqlite3_bind_int64(st, 13, expect->last_review);
	rc = store_done(s, st, "updating a card");
	if (rc == STORE_OK && sqlite3_changes(s->db) != 1) {
		snprintf(s->msg, sizeof(s->msg),
			 "card %s was graded elsewhere since it was shown", r->card_id);
		return STORE_CONFLICT;
	}
	if (rc == STORE_OK && r->leech != STORE_LEECH_KEEP) {
		bool clear = r->leech == STORE_LEECH_CLEAR || r->leech == STORE_LEECH_UNSUSPEND;
		st = store_stmt(s, clear ? SQL_UNLEECH : SQL_LEECH);
		if (st == NULL)
			return STORE_ERR;
		store_bind_text(st, 1, r->card_id);
		sqlite3_bind_int(st, 2, r->leech == STORE_LEECH_SUSPEND ||
					       r->leech == STORE_LEECH_UNSUSPEND);
		rc = store_done(s, st, "flagging a leech");
	}
	return rc;
}

int
store_import_review(struct store *s, const struct store_review *r, bool *added)
{
	sqlite3_stmt *st = store_stmt(s, SQL_REVIEW_AT);
	int64_t n = 0;
	int rc;

	*added = false;
	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, r->card_id);
	sqlite3_bind_int64(st, 2, r->at);
	rc = store_int(s, st, &n, "looking up a review");
	if (rc != STORE_OK || n > 0)
		return rc;
	if ((st = store_stmt(s, SQL_REVIEW_INSERT)) == NULL)
		return STORE_ERR;
	store_bind_review(st, r);
	rc = store_done(s, st, "saving an imported review");
	*added = rc == STORE_OK;
	return rc;
}

int
store_save_review(struct store *s, struct store_review *r)
{
	int rc = store_begin(s);

	if (rc == STORE_OK)
		rc = store_write_review(s, r, &r->before);
	if (rc == STORE_OK)
		rc = store_commit(s);
	if (rc != STORE_OK)
		store_rollback(s);
	return rc;
}

int
store_undo_review(struct store *s, int64_t review_id, enum store_leech leech,
		  char **card_id)
{
	sqlite3_stmt *st;
	struct fsrs_card before;
	int rc = store_begin(s);

	*card_id = NULL;
	if (rc == STORE_OK) {
		st = store_stmt(s, SQL_REVIEW_GET);
		rc = st ? STORE_OK : STORE_ERR;
	}
	if (rc == STORE_OK) {
		sqlite3_bind_int64(st, 1, review_id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			*card_id = store_col_text(st, 0);
			store_read_sched(st, 1, &before);
			if (sqlite3_column_int(st, 11) == 0) {
				snprintf(s->msg, sizeof(s->msg), "card %s was graded again since "
					 "(in another session); nothing was undone", *card_id);
				rc = STORE_CONFLICT;
			}
		} else {
			snprintf(s->msg, sizeof(s->msg), "review %lld is not in the log",
				 (long long)review_id);
			rc = STORE_ERR;
		}
		sqlite3_reset(st);
	}
	if (rc == STORE_OK) {
		st = store_stmt(s, SQL_REVIEW_DELETE);
		rc = st ? STORE_OK : STORE_ERR;
		if (rc == STORE_OK) {
			sqlite3_bind_int64(st, 1, review_id);
			rc = store_done(s, st, "removing a review");
		}
	}
	if (rc == STORE_OK)
		rc = store_set_sched_stmt(s, *card_id, &before);
	if (rc == STORE_OK && (leech == STORE_LEECH_CLEAR || leech == STORE_LEECH_UNSUSPEND)) {
		st = store_stmt(s, SQL_UNLEECH);
		rc = st ? STORE_OK : STORE_ERR;
		if (rc == STORE_OK) {
			store_bind_text(st, 1, *card_id);
			sqlite3_bind_int(st, 2, leech == STORE_LEECH_UNSUSPEND);
			rc = store_done(s, st, "clearing a leech flag");
		}
	}
	if (rc == STORE_OK)
		rc = store_commit(s);
	if (rc != STORE_OK) {
		store_rollback(s);
		free(*card_id);
		*card_id = NULL;
	}
	return rc;
}

int
store_override_review(struct store *s, int64_t review_id, struct store_review *r)
{
	struct fsrs_card left; /* the state the replaced review left the card in */
	sqlite3_stmt *st;
	int rc = store_begin(s);

	memset(&left, 0, sizeof(left));
	if (rc == STORE_OK) {
		st = store_stmt(s, SQL_REVIEW_AFTER);
		rc = st ? STORE_OK : STORE_ERR;
	}
	if (rc == STORE_OK) {
		int step;
		sqlite3_bind_int64(st, 1, review_id);
		step = sqlite3_step(st);
		if (step == SQLITE_ROW) {
			left.reps = sqlite3_column_int(st, 2);
			left.last_review = sqlite3_column_int64(st, 3);
		}
		if (step == SQLITE_DONE) {
			snprintf(s->msg, sizeof(s->msg), "review %lld is not in the log",
				 (long long)review_id);
			rc = STORE_NOT_FOUND;
		} else if (step != SQLITE_ROW) {
			rc = store_fail(s, "reading a review");
		} else if (strcmp((const char *)sqlite3_column_text(st, 0), r->card_id) != 0) {
			snprintf(s->msg, sizeof(s->msg), "review %lld is not of card %s",
				 (long long)review_id, r->card_id);
			rc = STORE_NOT_FOUND;
		}
		sqlite3_reset(st);
	}
	if (rc == STORE_OK) {
		st = store_stmt(s, SQL_REVIEW_DELETE);
		rc = st ? STORE_OK : STORE_ERR;
		if (rc == STORE_OK) {
			sqlite3_bind_int64(st, 1, review_id);
			rc = store_done(s, st, "replacing a review");
		}
	}
	/* Refused (STORE_CONFLICT) when a later grade moved the card on. */
	if (rc == STORE_OK)
		rc = store_write_review(s, r, &left);
	if (rc == STORE_CONFLICT)
		snprintf(s->msg, sizeof(s->msg), "card %s was graded again since", r->card_id);
	if (rc == STORE_OK)
		rc = store_commit(s);
	if (rc != STORE_OK)
		store_rollback(s);
	return rc;
}

int
store_set_suspended(struct store *s, const char *card_id, bool suspended)
{
	sqlite3_stmt *st = store_stmt(s, SQL_SUSPEND);

	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, card_id);
	sqlite3_bind_int(st, 2, suspended);
	return store_done(s, st, "suspending a card");
}

int
store_set_suspended_all(struct store *s, const char *const *ids, size_t n, bool suspended,
			int *changed)
{
	sqlite3_stmt *st;
	int rc = store_begin(s);

	*changed = 0;
	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		int64_t found = 0;
		if ((st = store_stmt(s, SQL_CARD_EXISTS)) == NULL) {
			rc = STORE_ERR;
			break;
		}
		store_bind_text(st, 1, ids[i]);
		rc = store_int(s, st, &found, "finding a card");
		if (rc == STORE_OK && found == 0) {
			snprintf(s->msg, sizeof(s->msg), "no card with id \"%s\"", ids[i]);
			rc = STORE_NOT_FOUND;
		}
		if (rc == STORE_OK && (st = store_stmt(s, SQL_SUSPEND_IF)) == NULL)
			rc = STORE_ERR;
		if (rc == STORE_OK) {
			store_bind_text(st, 1, ids[i]);
			sqlite3_bind_int(st, 2, suspended);
			rc = store_done(s, st, "suspending a card");
			*changed += rc == STORE_OK ? sqlite3_changes(s->db) : 0;
		}
	}
	if (rc == STORE_OK)
		rc = store_commit(s);
	if (rc != STORE_OK) {
		store_rollback(s);
		*changed = 0;
	}
	return rc;
}

int
store_set_sched(struct store *s, const char *card_id, const struct fsrs_card *sched)
{
	return store_set_sched_stmt(s, card_id, sched);
}

int
store_each_review(struct store *s, const char *card_id, store_review_fn fn, void *ctx)
{
	sqlite3_stmt *st = store_stmt(s, card_id ? SQL_EACH_REVIEW : SQL_EACH_REVIEW_ALL);
	int rc, stop = 0;

	if (st == NULL)
		return STORE_ERR;
	if (card_id)
		store_bind_text(st, 1, card_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_review r;
		r.id = sqlite3_column_int64(st, 0);
		r.card_id = (const char *)sqlite3_column_text(st, 1);
		r.session_id = sqlite3_column_int64(st, 2);
		r.at = sqlite3_column_int64(st, 3);
		r.day = sqlite3_column_int64(st, 4);
		r.rating = sqlite3_column_int(st, 5);
		r.answer = (const char *)sqlite3_column_text(st, 6);
		r.correct = sqlite3_column_int(st, 7);
		r.duration_ms = sqlite3_column_int64(st, 8);
		r.retrievability = sqlite3_column_type(st, 9) == SQLITE_NULL
					   ? NAN : sqlite3_column_double(st, 9);
		store_read_sched(st, 10, &r.before);
		store_read_sched(st, 20, &r.after);
		stop = fn(ctx, &r);
		if (stop != 0)
			break;
	}
	sqlite3_reset(st);
	if (stop != 0)
		return stop;
	return rc == SQLITE_DONE ? STORE_OK : store_fail(s, "reading the review log");
}

/* ---- statistics ---- */

int
store_count_due(struct store *s, const char *deck, int64_t before_ms, int64_t *count)
{
	sqlite3_stmt *st = store_stmt(s, SQL_COUNT_DUE);

	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, deck);
	sqlite3_bind_int64(st, 3, before_ms);
	return store_int(s, st, count, "counting due cards");
}

int
store_count_tagged(struct store *s, const char *tag, int64_t *count)
{
	sqlite3_stmt *st = store_stmt(s, SQL_COUNT_TAGGED);

	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, tag);
	return store_int(s, st, count, "counting tagged cards");
}

int
store_next_due(struct store *s, const struct store_filter *f, int64_t *due)
{
	sqlite3_stmt *st = store_stmt(s, SQL_NEXT_DUE);

	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, f ? f->deck : NULL);
	store_bind_text(st, 2, f ? f->tag : NULL);
	return store_int(s, st, due, "finding the next due card");
}

int
store_reviews_on(struct store *s, const char *deck, int64_t day, int64_t *count)
{
	sqlite3_stmt *st = store_stmt(s, SQL_REVIEWS_ON);

	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, deck);
	sqlite3_bind_int64(st, 3, day);
	return store_int(s, st, count, "counting reviews");
}

int
store_review_days(struct store *s, const char *deck, int64_t *days, size_t max, size_t *n)
{
	sqlite3_stmt *st = store_stmt(s, SQL_REVIEW_DAYS);
	int rc;

	*n = 0;
	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, deck);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max)
		days[(*n)++] = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? STORE_OK
						     : store_fail(s, "listing review days");
}

int
store_count_studied(struct store *s, int64_t *count)
{
	sqlite3_stmt *st = store_stmt(s, SQL_COUNT_STUDIED);

	if (st == NULL)
		return STORE_ERR;
	return store_int(s, st, count, "counting cards");
}

int
store_mean_reviews(struct store *s, int64_t day, int ndays, double *mean)
{
	sqlite3_stmt *st = store_stmt(s, SQL_MEAN_REVIEWS);
	int rc;

	*mean = 0;
	if (st == NULL)
		return STORE_ERR;
	sqlite3_bind_int64(st, 1, day);
	sqlite3_bind_int64(st, 2, ndays);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*mean = sqlite3_column_double(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? STORE_OK : store_fail(s, "counting reviews a day");
}

int
store_plan_cards(struct store *s, struct store_plan_card **out, size_t *n)
{
	sqlite3_stmt *st = store_stmt(s, SQL_PLAN_CARDS);
	struct store_plan_card *v = NULL;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return STORE_ERR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xrealloc(v, cap * sizeof(*v));
		}
		struct store_plan_card *c = &v[(*n)++];
		c->deck_key = store_col_text(st, 0);
		store_read_sched(st, 1, &c->sched);
		c->seconds = sqlite3_column_type(st, 11) == SQLITE_NULL
				     ? 0.0 : sqlite3_column_double(st, 11) / 1000.0;
	}
	sqlite3_reset(st);
	*out = v;
	if (rc != SQLITE_DONE) {
		store_plan_cards_free(v, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, "listing cards for the plan");
	}
	return STORE_OK;
}

void
store_plan_cards_free(struct store_plan_card *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].deck_key);
	free(v);
}

int
store_retention(struct store *s, const char *deck, int64_t since_day, int64_t *passed,
		int64_t *total)
{
	sqlite3_stmt *st = store_stmt(s, SQL_RETENTION);
	int rc;

	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, deck);
	sqlite3_bind_int64(st, 3, since_day);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*passed = sqlite3_column_int64(st, 0);
		*total = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? STORE_OK : store_fail(s, "computing retention");
}

int
store_deck_stats(struct store *s, int64_t since_day, struct store_deck_stats **out, size_t *n)
{
	sqlite3_stmt *st = store_stmt(s, SQL_DECK_STATS);
	struct store_deck_stats *v = NULL;
	size_t k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return STORE_ERR;
	sqlite3_bind_int64(st, 1, since_day);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, (k + 1) * sizeof(*v));
		v[k].key = store_col_text(st, 0);
		v[k].name = store_col_text(st, 1);
		for (int i = 0; i < 4; i++)
			v[k].by_state[i] = sqlite3_column_int64(st, 2 + i);
		v[k].suspended = sqlite3_column_int64(st, 6);
		v[k].retired = sqlite3_column_int64(st, 7);
		v[k].passed = sqlite3_column_int64(st, 8);
		v[k].answered = sqlite3_column_int64(st, 9);
		k++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_deck_stats_free(v, k);
		return store_fail(s, "counting cards per deck");
	}
	*out = v;
	*n = k;
	return STORE_OK;
}

void
store_deck_stats_free(struct store_deck_stats *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].name);
	}
	free(v);
}

int
store_due_per_day(struct store *s, const char *deck, const int64_t *bounds, size_t nbounds,
		  int64_t *counts)
{
	sqlite3_stmt *st;
	int rc;

	if (nbounds < 2)
		return STORE_OK;
	memset(counts, 0, (nbounds - 1) * sizeof(*counts));
	if ((st = store_stmt(s, SQL_DUE_BETWEEN)) == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, deck);
	sqlite3_bind_int64(st, 3, bounds[0]);
	sqlite3_bind_int64(st, 4, bounds[nbounds - 1]);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t due = sqlite3_column_int64(st, 0);
		size_t lo = 0, hi = nbounds - 1; /* bounds[lo] <= due < bounds[hi] */
		while (hi - lo > 1) {
			size_t mid = lo + (hi - lo) / 2;
			if (bounds[mid] <= due)
				lo = mid;
			else
				hi = mid;
		}
		counts[lo]++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? STORE_OK : store_fail(s, "counting cards due per day");
}

int
store_reviews_by_day(struct store *s, const char *deck, int64_t first_day, size_t ndays,
		     struct store_day_reviews *out)
{
	sqlite3_stmt *st;
	int rc;

	if (ndays == 0)
		return STORE_OK;
	memset(out, 0, ndays * sizeof(*out));
	if ((st = store_stmt(s, SQL_REVIEWS_BY_DAY)) == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, deck);
	sqlite3_bind_int64(st, 3, first_day);
	sqlite3_bind_int64(st, 4, first_day + (int64_t)ndays - 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t i = sqlite3_column_int64(st, 0) - first_day;
		int state = sqlite3_column_int(st, 1);
		int mature = sqlite3_column_int(st, 2) != 0;
		int64_t count = sqlite3_column_int64(st, 3);
		if (i < 0 || (size_t)i >= ndays || state < 0 || state > 3)
			continue;
		out[i].by_state[state] += count;
		if (state == FSRS_REVIEW) {
			out[i].total[mature] += count;
			out[i].passed[mature] += sqlite3_column_int64(st, 4);
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? STORE_OK : store_fail(s, "counting reviews per day");
}

int
store_lapsed_cards(struct store *s, const char *deck, bool leeches_only, size_t limit,
		   struct store_lapsed **out, size_t *n)
{
	sqlite3_stmt *st = store_stmt(s, leeches_only ? SQL_LEECHES : SQL_MOST_LAPSES);
	struct store_lapsed *v = NULL;
	size_t k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, deck);
	sqlite3_bind_int64(st, 3, limit == 0 ? -1 : (sqlite3_int64)limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, (k + 1) * sizeof(*v));
		v[k].id = store_col_text(st, 0);
		v[k].deck_key = store_col_text(st, 1);
		v[k].type = store_col_text(st, 2);
		v[k].lapses = sqlite3_column_int64(st, 3);
		v[k].leech = sqlite3_column_int(st, 4) != 0;
		v[k].suspended = sqlite3_column_int(st, 5) != 0;
		k++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_lapsed_free(v, k);
		return store_fail(s, "listing cards with lapses");
	}
	*out = v;
	*n = k;
	return STORE_OK;
}

void
store_lapsed_free(struct store_lapsed *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].deck_key);
		free(v[i].type);
	}
	free(v);
}

int
store_answer_times(struct store *s, const char *deck, int64_t since_day,
		   struct store_answer_time **out, size_t *n)
{
	sqlite3_stmt *st = store_stmt(s, SQL_ANSWER_TIMES);
	struct store_answer_time *v = NULL;
	size_t k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, deck);
	sqlite3_bind_int64(st, 3, since_day);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, (k + 1) * sizeof(*v));
		v[k].type = store_col_text(st, 0);
		v[k].answers = sqlite3_column_int64(st, 1);
		v[k].mean_ms = sqlite3_column_double(st, 2);
		k++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_answer_times_free(v, k);
		return store_fail(s, "computing answer times");
	}
	*out = v;
	*n = k;
	return STORE_OK;
}

void
store_answer_times_free(struct store_answer_time *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].type);
	free(v);
}

/* ---- browsing (drill cards) ---- */

int
store_each_card(struct store *s, const struct store_filter *f, const struct store_when *w,
		bool want_flagged, store_card_row_fn fn, void *ctx)
{
	sqlite3_stmt *st = store_stmt(s, SQL_CARDS_EACH);
	int rc, stop = 0;

	if (st == NULL)
		return STORE_ERR;
	store_bind_when(st, f, w);
	sqlite3_bind_int(st, 8, want_flagged);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_card_row r;
		r.id = (const char *)sqlite3_column_text(st, 0);
		r.deck_key = (const char *)sqlite3_column_text(st, 1);
		r.deck_name = (const char *)sqlite3_column_text(st, 2);
		r.type = (const char *)sqlite3_column_text(st, 3);
		r.tags = (const char *)sqlite3_column_text(st, 4);
		r.group = (const char *)sqlite3_column_text(st, 5);
		r.source = (const char *)sqlite3_column_text(st, 6);
		r.state = sqlite3_column_int(st, 7);
		r.due = sqlite3_column_int64(st, 8);
		r.reps = sqlite3_column_int(st, 9);
		r.lapses = sqlite3_column_int(st, 10);
		r.suspended = sqlite3_column_int(st, 11) != 0;
		r.leech = sqlite3_column_int(st, 12) != 0;
		r.line = sqlite3_column_int(st, 13);
		r.buried = sqlite3_column_int(st, 15) != 0;
		r.due_now = sqlite3_column_int(st, 14) != 0 && !r.buried;
		r.flagged = sqlite3_column_int(st, 16) != 0;
		stop = fn(ctx, &r);
		if (stop != 0)
			break;
	}
	sqlite3_reset(st);
	if (stop != 0)
		return stop;
	return rc == SQLITE_DONE ? STORE_OK : store_fail(s, "listing cards");
}

int
store_card_overrides(struct store *s, const char *card_id, struct store_override **out,
		     size_t *n)
{
	sqlite3_stmt *st = store_stmt(s, SQL_CARD_OVERRIDES);
	struct store_override *v = NULL;
	size_t k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return STORE_ERR;
	store_bind_text(st, 1, card_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, (k + 1) * sizeof(*v));
		v[k].answer = store_col_text_or_null(st, 0);
		v[k].was = sqlite3_column_int(st, 1);
		v[k].now = sqlite3_column_int(st, 2);
		v[k].at = sqlite3_column_int64(st, 3);
		k++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_overrides_free(v, k);
		return store_fail(s, "reading a card's overridden grades");
	}
	*out = v;
	*n = k;
	return STORE_OK;
}

void
store_overrides_free(struct store_override *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].answer);
	free(v);
}

/* ---- mock interviews (drill mock) ---- */

void
store_mock_clear(struct store_mock *m)
{
	free(m->level);
	free(m->card_id);
	free(m->principle);
	free(m->kinds);
	m->level = m->card_id = m->principle = m->kinds = NULL;
}

int
store_mock_save(struct store *s, struct store_mock *m, const char *answer,
		const struct store_mock_finding *f, size_t nf)
{
	sqlite3_stmt *st;
	int rc = store_begin(s);

	if (rc == STORE_OK) {
		st = store_stmt(s, SQL_MOCK_INSERT);
		rc = st ? STORE_OK : STORE_ERR;
	}
	if (rc == STORE_OK) {
		sqlite3_bind_int64(st, 1, m->at);
		store_bind_text(st, 2, m->level);
		store_bind_text(st, 3, m->card_id);
		store_bind_text(st, 4, m->principle ? m->principle : "");
		sqlite3_bind_int(st, 5, m->score);
		sqlite3_bind_int64(st, 6, m->words);
		if (m->seconds >= 0)
			sqlite3_bind_int64(st, 7, m->seconds);
		sqlite3_bind_int(st, 8, m->asked);
		sqlite3_bind_int(st, 9, m->defended);
		store_bind_text(st, 10, answer ? answer : "");
		rc = store_done(s, st, "saving a mock interview");
		m->id = sqlite3_last_insert_rowid(s->db);
	}
	for (size_t i = 0; i < nf && rc == STORE_OK; i++) {
		st = store_stmt(s, SQL_MOCK_FINDING);
		if (st == NULL) {
			rc = STORE_ERR;
			break;
		}
		sqlite3_bind_int64(st, 1, m->id);
		sqlite3_bind_int(st, 2, f[i].round);
		store_bind_text(st, 3, f[i].kind);
		store_bind_text(st, 4, f[i].quote ? f[i].quote : "");
		rc = store_done(s, st, "saving a mock finding");
	}
	if (rc == STORE_OK)
		rc = store_commit(s);
	if (rc != STORE_OK)
		store_rollback(s);
	return rc;
}

int
store_mocks(struct store *s, size_t limit, struct store_mock **out, size_t *n)
{
	sqlite3_stmt *st = store_stmt(s, SQL_MOCKS);
	struct store_mock *v = NULL;
	size_t k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return STORE_ERR;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, (k + 1) * sizeof(*v));
		v[k].id = sqlite3_column_int64(st, 0);
		v[k].at = sqlite3_column_int64(st, 1);
		v[k].level = store_col_text(st, 2);
		v[k].card_id = store_col_text(st, 3);
		v[k].principle = store_col_text(st, 4);
		v[k].score = sqlite3_column_int(st, 5);
		v[k].words = sqlite3_column_int64(st, 6);
		v[k].seconds = sqlite3_column_int64(st, 7);
		v[k].asked = sqlite3_column_int(st, 8);
		v[k].defended = sqlite3_column_int(st, 9);
		v[k].kinds = store_col_text(st, 10);
		k++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_mocks_free(v, k);
		return store_fail(s, "listing mock interviews");
	}
	*out = v;
	*n = k;
	return STORE_OK;
}

void
store_mocks_free(struct store_mock *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		store_mock_clear(&v[i]);
	free(v);
}

int
store_mock_recurring(struct store *s, struct store_mock_recurring **out,
		     size_t *n, int64_t *total)
{
	sqlite3_stmt *st = store_stmt(s, SQL_MOCK_COUNT);
	struct store_mock_recurring *v = NULL;
	size_t k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL || store_int(s, st, total, "counting mock interviews") != STORE_OK)
		return STORE_ERR;
	st = store_stmt(s, SQL_MOCK_RECURRING);
	if (st == NULL)
		return STORE_ERR;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, (k + 1) * sizeof(*v));
		v[k].kind = store_col_text(st, 0);
		v[k].mocks = sqlite3_column_int64(st, 1);
		k++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_mock_recurring_free(v, k);
		return store_fail(s, "counting recurring mock findings");
	}
	*out = v;
	*n = k;
	return STORE_OK;
}

void
store_mock_recurring_free(struct store_mock_recurring *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].kind);
	free(v);
}

void
store_mock_detail_clear(struct store_mock_detail *d)
{
	store_mock_clear(&d->mock);
	free(d->answer);
	for (size_t i = 0; i < d->nfindings; i++) {
		free(d->findings[i].kind);
		free(d->findings[i].quote);
	}
	free(d->findings);
	memset(d, 0, sizeof(*d));
}

int
store_mock_get(struct store *s, int64_t id, struct store_mock_detail *out, bool *found)
{
	sqlite3_stmt *st = store_stmt(s, SQL_MOCK_GET);
	struct store_mock *m = &out->mock;
	int rc;

	memset(out, 0, sizeof(*out));
	*found = false;
	if (st == NULL)
		return STORE_ERR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		m->id = sqlite3_column_int64(st, 0);
		m->at = sqlite3_column_int64(st, 1);
		m->level = store_col_text(st, 2);
		m->card_id = store_col_text(st, 3);
		m->principle = store_col_text(st, 4);
		m->score = sqlite3_column_int(st, 5);
		m->words = sqlite3_column_int64(st, 6);
		m->seconds = sqlite3_column_int64(st, 7);
		m->asked = sqlite3_column_int(st, 8);
		m->defended = sqlite3_column_int(st, 9);
		m->kinds = store_col_text(st, 10);
		out->answer = store_col_text(st, 11);
		*found = true;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "reading a mock interview");
	if (!*found)
		return STORE_OK;
	if ((st = store_stmt(s, SQL_MOCK_FINDINGS)) == NULL) {
		store_mock_detail_clear(out);
		*found = false;
		return STORE_ERR;
	}
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_mock_saved *f;
		out->findings =
		    xrealloc(out->findings, (out->nfindings + 1) * sizeof(*out->findings));
		f = &out->findings[out->nfindings++];
		f->round = sqlite3_column_int(st, 0);
		f->kind = store_col_text(st, 1);
		f->quote = store_col_text(st, 2);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		store_mock_detail_clear(out);
		*found = false;
		return store_fail(s, "reading the findings of a mock interview");
	}
	return STORE_OK;
}

int
store_mock_delete(struct store *s, int64_t id, bool *found)
{
	sqlite3_stmt *st;
	int rc = store_begin(s);

	*found = false;
	if (rc == STORE_OK) {
		st = store_stmt(s, SQL_MOCK_DELETE_FINDINGS);
		rc = st ? STORE_OK : STORE_ERR;
	}
	if (rc == STORE_OK) {
		sqlite3_bind_int64(st, 1, id);
		rc = store_done(s, st, "deleting the findings of a mock interview");
	}
	if (rc == STORE_OK) {
		st = store_stmt(s, SQL_MOCK_DELETE);
		rc = st ? STORE_OK : STORE_ERR;
	}
	if (rc == STORE_OK) {
		sqlite3_bind_int64(st, 1, id);
		rc = store_done(s, st, "deleting a mock interview");
		*found = rc == STORE_OK && sqlite3_changes(s->db) > 0;
	}
	/* An unknown id deletes nothing: nothing to commit either way. */
	if (rc == STORE_OK)
		rc = store_commit(s);
	if (rc != STORE_OK) {
		store_rollback(s);
		*found = false;
	}
	return rc;
}

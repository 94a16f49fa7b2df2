/* ankistore: see ankistore.h. */
#include "ankistore.h"

#include <ctype.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pb.h"
#include "util.h"

/*
 * Anki's `unicase` collation: names compared without regard to case. ASCII
 * letters are folded; other bytes compare as they are (enough for reading:
 * drill never relies on this order).
 */
static int
ankistore_unicase(void *ctx, int na, const void *a, int nb, const void *b)
{
	const unsigned char *x = a, *y = b;
	int n = na < nb ? na : nb;

	(void)ctx;
	for (int i = 0; i < n; i++) {
		int cx = tolower(x[i]), cy = tolower(y[i]);
		if (cx != cy)
			return cx < cy ? -1 : 1;
	}
	return (na > nb) - (na < nb);
}

static char *
ankistore_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return xstrdup(t ? (const char *)t : "");
}

/* Prepares sql; a message in err on failure. */
static sqlite3_stmt *
ankistore_prepare(sqlite3 *db, const char *sql, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "it is not an Anki collection drill can read (%s)",
			 sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

/* After stepping st to its end: 0, or -1 with a message. */
static int
ankistore_done(sqlite3 *db, sqlite3_stmt *st, int rc, char *err, size_t errlen)
{
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	snprintf(err, errlen, "reading the collection failed: %s", sqlite3_errmsg(db));
	return -1;
}

static struct anki_notetype *
ankistore_type(struct anki_col *col, int64_t id)
{
	for (size_t i = 0; i < col->ntypes; i++)
		if (col->types[i].id == id)
			return &col->types[i];
	return NULL;
}

static void
ankistore_add_template(struct anki_notetype *t, int ord, const char *name, const char *q,
		       const char *a)
{
	t->tmpls = xrealloc(t->tmpls, (t->ntmpls + 1) * sizeof(*t->tmpls));
	struct anki_template *tm = &t->tmpls[t->ntmpls++];
	tm->ord = ord;
	tm->name = xstrdup(name ? name : "");
	tm->qfmt = xstrdup(q ? q : "");
	tm->afmt = xstrdup(a ? a : "");
}

/* Schema 11: note types and decks are JSON objects in the col row. */
static int
ankistore_legacy(sqlite3 *db, struct anki_col *col, char *err, size_t errlen)
{
	sqlite3_stmt *st = ankistore_prepare(db, "SELECT crt, models, decks FROM col", err, errlen);
	json_t *models = NULL, *decks = NULL;
	int rc = -1;

	if (st == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		json_error_t je;
		col->crt = sqlite3_column_int64(st, 0);
		const char *m = (const char *)sqlite3_column_text(st, 1);
		const char *d = (const char *)sqlite3_column_text(st, 2);
		models = m ? json_loads(m, 0, &je) : NULL;
		decks = d ? json_loads(d, 0, &je) : NULL;
	}
	sqlite3_finalize(st);
	if (!json_is_object(models) || !json_is_object(decks)) {
		snprintf(err, errlen, "its note types or decks cannot be read (damaged col table)");
		goto out;
	}
	const char *key;
	json_t *v;
	json_object_foreach(models, key, v) {
		col->types = xrealloc(col->types, (col->ntypes + 1) * sizeof(*col->types));
		struct anki_notetype *t = &col->types[col->ntypes++];
		memset(t, 0, sizeof(*t));
		t->id = strtoll(key, NULL, 10);
		t->name = xstrdup(json_string_value(json_object_get(v, "name"))
					  ? json_string_value(json_object_get(v, "name"))
					  : "");
		t->cloze = json_integer_value(json_object_get(v, "type")) == 1;
		size_t i;
		json_t *e;
		json_array_foreach(json_object_get(v, "flds"), i, e) {
			const char *n = json_string_value(json_object_get(e, "name"));
			strv_push(&t->fields, n ? n : "");
		}
		json_array_foreach(json_object_get(v, "tmpls"), i, e) {
			json_t *ord = json_object_get(e, "ord");
			ankistore_add_template(t, ord ? (int)json_integer_value(ord) : (int)i,
					       json_string_value(json_object_get(e, "name")),
					       json_string_value(json_object_get(e, "qfmt")),
					       json_string_value(json_object_get(e, "afmt")));
		}
	}
	json_object_foreach(decks, key, v) {
		const char *n = json_string_value(json_object_get(v, "name"));
		col->decks = xrealloc(col->decks, (col->ndecks + 1) * sizeof(*col->decks));
		col->decks[col->ndecks].id = strtoll(key, NULL, 10);
		col->decks[col->ndecks].name = xstrdup(n ? n : "Default");
		col->ndecks++;
	}
	rc = 0;
out:
	json_decref(models);
	json_decref(decks);
	return rc;
}

/* Schema 18: tables of their own, configs in protobuf. */
static int
ankistore_v18(sqlite3 *db, struct anki_col *col, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = ankistore_prepare(db, "SELECT crt FROM col", err, errlen)) == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		col->crt = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if ((st = ankistore_prepare(db, "SELECT id, name, config FROM notetypes ORDER BY id", err,
				    errlen)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		uint64_t kind = 0;
		if (pb_uint(sqlite3_column_blob(st, 2), (size_t)sqlite3_column_bytes(st, 2), 1,
			    &kind) != 0) {
			sqlite3_finalize(st);
			snprintf(err, errlen, "the configuration of a note type is damaged "
				 "(not protobuf)");
			return -1;
		}
		col->types = xrealloc(col->types, (col->ntypes + 1) * sizeof(*col->types));
		struct anki_notetype *t = &col->types[col->ntypes++];
		memset(t, 0, sizeof(*t));
		t->id = sqlite3_column_int64(st, 0);
		t->name = ankistore_text(st, 1);
		t->cloze = kind == 1;
	}
	if (ankistore_done(db, st, rc, err, errlen) != 0)
		return -1;
	if ((st = ankistore_prepare(db, "SELECT ntid, name FROM fields ORDER BY ntid, ord", err,
				    errlen)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct anki_notetype *t = ankistore_type(col, sqlite3_column_int64(st, 0));
		if (t != NULL) {
			char *n = ankistore_text(st, 1);
			strv_push(&t->fields, n);
			free(n);
		}
	}
	if (ankistore_done(db, st, rc, err, errlen) != 0)
		return -1;
	if ((st = ankistore_prepare(db, "SELECT ntid, ord, name, config FROM templates"
				    " ORDER BY ntid, ord", err, errlen)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct anki_notetype *t = ankistore_type(col, sqlite3_column_int64(st, 0));
		const void *blob = sqlite3_column_blob(st, 3);
		size_t n = (size_t)sqlite3_column_bytes(st, 3);
		char *q = pb_string(blob, n, 1), *a = pb_string(blob, n, 2);
		if (q == NULL || a == NULL) {
			free(q);
			free(a);
			sqlite3_finalize(st);
			snprintf(err, errlen, "the configuration of a card template is damaged "
				 "(not protobuf)");
			return -1;
		}
		if (t != NULL) {
			char *name = ankistore_text(st, 2);
			ankistore_add_template(t, sqlite3_column_int(st, 1), name, q, a);
			free(name);
		}
		free(q);
		free(a);
	}
	if (ankistore_done(db, st, rc, err, errlen) != 0)
		return -1;
	if ((st = ankistore_prepare(db, "SELECT id, name FROM decks ORDER BY id", err,
				    errlen)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* Schema 18 separates deck levels with 0x1f; show them as "::". */
		const unsigned char *raw = sqlite3_column_text(st, 1);
		struct sbuf b = {0};
		for (const unsigned char *p = raw ? raw : (const unsigned char *)""; *p; p++) {
			if (*p == 0x1f)
				sbuf_adds(&b, "::");
			else
				sbuf_addc(&b, (char)*p);
		}
		col->decks = xrealloc(col->decks, (col->ndecks + 1) * sizeof(*col->decks));
		col->decks[col->ndecks].id = sqlite3_column_int64(st, 0);
		col->decks[col->ndecks].name = b.buf ? sbuf_take(&b) : xstrdup("Default");
		col->ndecks++;
	}
	return ankistore_done(db, st, rc, err, errlen);
}

/* Notes, cards and the review log: the same in both schemas. */
static int
ankistore_rows(sqlite3 *db, struct anki_col *col, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	if ((st = ankistore_prepare(db, "SELECT id, mid, tags, flds FROM notes ORDER BY id", err,
				    errlen)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (col->nnotes == cap) {
			cap = cap ? cap * 2 : 64;
			col->notes = xrealloc(col->notes, cap * sizeof(*col->notes));
		}
		struct anki_note *n = &col->notes[col->nnotes++];
		memset(n, 0, sizeof(*n));
		n->id = sqlite3_column_int64(st, 0);
		n->key = xasprintf("%lld", (long long)n->id);
		n->mid = sqlite3_column_int64(st, 1);
		n->tags = ankistore_text(st, 2);
		n->flds = ankistore_text(st, 3);
	}
	if (ankistore_done(db, st, rc, err, errlen) != 0)
		return -1;
	if ((st = ankistore_prepare(db, "SELECT id, nid, did, odid, ord, type, queue, due, ivl,"
				    " factor, reps, lapses FROM cards ORDER BY nid, ord, id",
				    err, errlen)) == NULL)
		return -1;
	cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (col->ncards == cap) {
			cap = cap ? cap * 2 : 64;
			col->cards = xrealloc(col->cards, cap * sizeof(*col->cards));
		}
		struct anki_card *c = &col->cards[col->ncards++];
		c->id = sqlite3_column_int64(st, 0);
		c->nid = sqlite3_column_int64(st, 1);
		c->did = sqlite3_column_int64(st, 2);
		c->odid = sqlite3_column_int64(st, 3);
		c->ord = sqlite3_column_int(st, 4);
		c->type = sqlite3_column_int(st, 5);
		c->queue = sqlite3_column_int(st, 6);
		c->due = sqlite3_column_int64(st, 7);
		c->ivl = sqlite3_column_int(st, 8);
		c->factor = sqlite3_column_int(st, 9);
		c->reps = sqlite3_column_int(st, 10);
		c->lapses = sqlite3_column_int(st, 11);
	}
	if (ankistore_done(db, st, rc, err, errlen) != 0)
		return -1;
	if ((st = ankistore_prepare(db, "SELECT id, cid, ease, type, ivl, lastIvl, factor, time"
				    " FROM revlog ORDER BY cid, id", err, errlen)) == NULL)
		return -1;
	cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (col->nrevs == cap) {
			cap = cap ? cap * 2 : 256;
			col->revs = xrealloc(col->revs, cap * sizeof(*col->revs));
		}
		struct anki_rev *r = &col->revs[col->nrevs++];
		r->id = sqlite3_column_int64(st, 0);
		r->cid = sqlite3_column_int64(st, 1);
		r->ease = sqlite3_column_int(st, 2);
		r->type = sqlite3_column_int(st, 3);
		r->ivl = sqlite3_column_int64(st, 4);
		r->lastivl = sqlite3_column_int64(st, 5);
		r->factor = sqlite3_column_int(st, 6);
		r->time = sqlite3_column_int64(st, 7);
	}
	return ankistore_done(db, st, rc, err, errlen);
}

int
ankistore_read(const char *path, struct anki_col *col, char *err, size_t errlen)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int rc = -1;
	bool v18 = false;

	memset(col, 0, sizeof(*col));
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "it cannot be opened as an SQLite file");
		goto out;
	}
	sqlite3_create_collation_v2(db, "unicase", SQLITE_UTF8, NULL, ankistore_unicase, NULL);
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
			       " AND name = 'notetypes'", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		snprintf(err, errlen, "it is not an SQLite database (%s)", sqlite3_errmsg(db));
		goto out;
	}
	v18 = sqlite3_column_int(st, 0) > 0;
	sqlite3_finalize(st);
	st = NULL;
	if ((v18 ? ankistore_v18(db, col, err, errlen) : ankistore_legacy(db, col, err, errlen)) == 0 &&
	    ankistore_rows(db, col, err, errlen) == 0)
		rc = 0;
out:
	sqlite3_finalize(st);
	sqlite3_close(db);
	if (rc != 0)
		anki_col_free(col);
	return rc;
}

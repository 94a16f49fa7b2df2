/* ankiimport: see ankiimport.h. */
#include "ankiimport.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "anki.h"
#include "ankipkg.h"
#include "cmd.h"
#include "deck.h"
#include "fsrs.h"
#include "importer.h"
#include "paths.h"
#include "settings.h"
#include "slurp.h"
#include "store.h"

#define ANKIIMPORT_DAY_MS 86400000LL

static bool
ankiimport_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);
	return n > e && strcasecmp(path + n - e, ext) == 0;
}

bool
ankiimport_wants(const char *path)
{
	return ankiimport_ext(path, ".apkg") || ankiimport_ext(path, ".colpkg") ||
	       ankiimport_ext(path, ".txt") || ankiimport_ext(path, ".csv") ||
	       ankiimport_ext(path, ".tsv");
}

void
ankiimport_report_free(struct ankiimport_report *r)
{
	if (r == NULL)
		return;
	strv_free(&r->decks);
	strv_free(&r->edited);
	strv_free(&r->media);
	strv_free(&r->problems);
	memset(r, 0, sizeof(*r));
}

/* The file name of path, for the deck header. */
static const char *
ankiimport_base(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* One generated deck. */
struct ankiimport_deck {
	char *key;
	char *path;     /* $XDG_DATA_HOME/drill/decks/KEY.deck */
	char *text;
	char hash[17];
	struct deck *deck;
	int64_t id;     /* in the store, once saved */
};

/* The revs of card cid: [*first, *first + *n) of col->revs (by cid, id). */
static void
ankiimport_revs_of(const struct anki_col *col, int64_t cid, size_t *first, size_t *n)
{
	size_t lo = 0, hi = col->nrevs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (col->revs[mid].cid < cid)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	*n = 0;
	while (lo + *n < col->nrevs && col->revs[lo + *n].cid == cid)
		(*n)++;
}

/* Replays every review of a card, as drill reschedule does. */
struct ankiimport_replay {
	const struct settings *st;
	struct fsrs_card state;
	int n;
	bool broken;
};

static int
ankiimport_replay_row(void *ctx, const struct store_review *rv)
{
	struct ankiimport_replay *x = ctx;

	if (x->broken)
		return 0;
	if (settings_replay_review(x->st, rv->card_id, &x->state, rv->at,
				   (enum fsrs_rating)rv->rating) != FSRS_OK)
		x->broken = true;
	x->n++;
	return 0;
}

/*
 * The review log of one Anki card into the store (entries already there
 * skipped), then the card's state: replayed from its whole log when the
 * log is complete, else (a review card) from its interval and ease.
 */
static int
ankiimport_history(struct store *s, const struct settings *st, const struct anki_col *col,
		   const struct anki_out *o, struct ankiimport_report *r)
{
	const struct anki_card *c = &col->cards[o->card];
	size_t first, n;
	bool *keep;
	struct fsrs_card state;
	int rc = STORE_OK;
	int64_t last_at = 0;

	ankiimport_revs_of(col, c->id, &first, &n);
	keep = xcalloc(n ? n : 1, sizeof(*keep));
	bool complete = anki_rev_keep(col->revs + first, n, keep);
	memset(&state, 0, sizeof(state));
	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		const struct anki_rev *a = &col->revs[first + i];
		struct store_review rv;
		bool added = false;
		if (!keep[i]) {
			r->skipped_revs++;
			continue;
		}
		memset(&rv, 0, sizeof(rv));
		rv.card_id = o->id;
		rv.at = a->id;
		rv.day = settings_day(a->id, st->rollover);
		rv.rating = a->ease;
		rv.correct = -1;
		rv.duration_ms = a->time > 0 ? a->time : 0;
		rv.before = state;
		rv.retrievability = state.state == FSRS_NEW
					    ? NAN
					    : fsrs_retrievability(&st->fsrs, &state, a->id);
		if (settings_replay_review(st, o->id, &state, a->id, (enum fsrs_rating)a->ease) !=
		    FSRS_OK)
			state = rv.before; /* a time before the last: kept as logged */
		rv.after = state;
		rc = store_import_review(s, &rv, &added);
		if (added)
			r->reviews++;
		else
			r->known++;
		last_at = a->id;
	}
	free(keep);
	if (rc != STORE_OK)
		return rc;
	if (c->type == ANKI_REVIEW && (!complete || last_at == 0)) {
		/* No usable history: the state Anki's FSRS gives such a card. */
		struct fsrs_card f;
		memset(&f, 0, sizeof(f));
		f.state = FSRS_REVIEW;
		anki_memory_from_sm2(&st->fsrs, c->ivl, c->factor, &f.stability, &f.difficulty);
		f.due = col->crt > 0 ? (col->crt + c->due * 86400) * 1000 : 0;
		if (f.due <= 0)
			f.due = (last_at ? last_at : 0) + (int64_t)c->ivl * ANKIIMPORT_DAY_MS;
		f.last_review = last_at ? last_at : f.due - (int64_t)c->ivl * ANKIIMPORT_DAY_MS;
		f.last_day = settings_day(f.last_review, st->rollover);
		f.reps = c->reps;
		f.lapses = c->lapses;
		f.scheduled_days = c->ivl > 0 ? c->ivl : 1;
		r->from_interval++;
		return store_set_sched(s, o->id, &f);
	}
	/* Replayed from the whole log in the store (drill's own reviews of
	 * the card included, when it was imported and studied before). */
	struct ankiimport_replay x;
	memset(&x, 0, sizeof(x));
	x.st = st;
	rc = store_each_review(s, o->id, ankiimport_replay_row, &x);
	if (rc == STORE_OK && x.n > 0 && !x.broken)
		rc = store_set_sched(s, o->id, &x.state);
	return rc;
}

/* Builds, parses and checks the deck files of m; -1 with problems in dl. */
static int
ankiimport_decks(struct store *s, const struct anki_map *m, const char *source,
		 struct ankiimport_deck **out, size_t *nout, struct diag_list *dl)
{
	char *dir = paths_user_decks();
	struct store_deck *known = NULL;
	size_t nknown = 0, n = 0;
	struct ankiimport_deck *v = NULL;
	int rc = 0;

	if (dir == NULL) {
		diag_add(dl, DIAG_ERROR, source, 0, 0, "no folder for the deck files: set HOME "
			 "or XDG_DATA_HOME");
		return -1;
	}
	if (store_decks(s, &known, &nknown) != STORE_OK) {
		diag_add(dl, DIAG_ERROR, "database", 0, 0, "%s", store_errmsg(s));
		free(dir);
		return -1;
	}
	for (size_t i = 0; i < m->n; i++) {
		bool seen = false;
		for (size_t k = 0; k < n && !seen; k++)
			seen = strcmp(v[k].key, m->v[i].deck_key) == 0;
		if (seen)
			continue;
		v = xrealloc(v, (n + 1) * sizeof(*v));
		struct ankiimport_deck *d = &v[n++];
		memset(d, 0, sizeof(*d));
		d->key = xstrdup(m->v[i].deck_key);
		d->path = xasprintf("%s/%s.deck", dir, d->key);
		d->text = anki_deck_text(m, d->key, source);
		importer_digest(d->text, strlen(d->text), d->hash);
		for (size_t k = 0; k < nknown; k++) {
			if (strcmp(known[k].key, d->key) != 0)
				continue;
			char *abs = paths_absolute(d->path);
			if (strcmp(known[k].path, abs) != 0) {
				diag_add(dl, DIAG_ERROR, source, 0, 0,
					 "the Anki deck \"%s\" would be deck \"%s\", but %s already "
					 "has that name; rename that file and import again",
					 m->v[i].deck_name, d->key, known[k].path);
				rc = -1;
			}
			free(abs);
		}
		if (deck_parse(d->path, d->text, strlen(d->text), &d->deck, dl) != 0)
			rc = -1;
	}
	store_decks_free(known, nknown);
	free(dir);
	*out = v;
	*nout = n;
	return rc;
}

static void
ankiimport_decks_free(struct ankiimport_deck *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].path);
		free(v[i].text);
		deck_free(v[i].deck);
	}
	free(v);
}

/* The config key under which the digest of the deck file drill wrote
 * last for key is kept. */
static char *
ankiimport_written_key(const char *key)
{
	return xasprintf("anki_written.%s", key);
}

/* A deck file the user changed since drill wrote it? */
static bool
ankiimport_edited(struct store *s, const char *key, const char *path)
{
	char *ck = ankiimport_written_key(key), *written = NULL, *buf;
	size_t len = 0;
	bool edited = false;

	if (store_config_get(s, ck, &written) == STORE_OK && written != NULL &&
	    (buf = slurp(path, &len)) != NULL) {
		char h[17];
		importer_digest(buf, len, h);
		edited = strcmp(h, written) != 0;
		free(buf);
	}
	free(written);
	free(ck);
	return edited;
}

int
ankiimport_run(struct store *s, const struct settings *st, const char *path, int64_t now_ms,
	       struct ankiimport_report *r, struct diag_list *dl)
{
	struct anki_col col;
	struct anki_map m;
	struct ankiimport_deck *decks = NULL;
	size_t ndecks = 0;
	char err[1024];
	int rc = -1, src;
	int64_t gen = 0;

	memset(r, 0, sizeof(*r));
	memset(&m, 0, sizeof(m));
	if (ankiimport_ext(path, ".apkg") || ankiimport_ext(path, ".colpkg")) {
		src = ankipkg_read(path, &col, &r->form, err, sizeof(err));
	} else {
		size_t len = 0;
		char *buf = slurp(path, &len);
		r->form = "text";
		if (buf == NULL) {
			snprintf(err, sizeof(err), "cannot read %s: %s", path, strerror(errno));
			src = -1;
			memset(&col, 0, sizeof(col));
		} else {
			src = anki_parse_text(path, buf, len, &col, err, sizeof(err));
		}
		free(buf);
	}
	if (src != 0) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, "%s; nothing was imported", err);
		anki_col_free(&col);
		return -1;
	}
	anki_map_col(&col, &m);
	r->notes = m.notes;
	for (size_t i = 0; i < m.problems.n; i++)
		strv_push(&r->problems, m.problems.v[i]);
	for (size_t i = 0; i < m.media.n; i++)
		strv_push(&r->media, m.media.v[i]);
	if (m.n == 0) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, "no note could be turned into a card (%zu "
			 "note%s, reasons below); nothing was imported", col.nnotes,
			 col.nnotes == 1 ? "" : "s");
		goto out;
	}
	if (ankiimport_decks(s, &m, ankiimport_base(path), &decks, &ndecks, dl) != 0)
		goto out;
	for (size_t i = 0; i < ndecks; i++)
		if (ankiimport_edited(s, decks[i].key, decks[i].path))
			strv_push(&r->edited, decks[i].path);

	/* One transaction: decks, cards, reviews, states. */
	src = store_begin(s);
	if (src == STORE_OK)
		src = store_import_generation(s, &gen);
	for (size_t i = 0; src == STORE_OK && i < ndecks; i++) {
		struct ankiimport_deck *d = &decks[i];
		char *abs = paths_absolute(d->path);
		int retired = 0;
		src = store_deck_save(s, d->deck, abs, d->hash, 0, (int64_t)strlen(d->text), now_ms,
				      &d->id);
		free(abs);
		for (size_t j = 0; src == STORE_OK && j < d->deck->ncards; j++) {
			enum store_change ch;
			char *tags = importer_card_tags(d->deck, &d->deck->cards[j]);
			src = store_card_save(s, d->id, &d->deck->cards[j], tags, gen, now_ms, &ch);
			free(tags);
			r->cards++;
			if (ch == STORE_ADDED || ch == STORE_REVIVED)
				r->added++;
			else if (ch == STORE_UPDATED)
				r->updated++;
			else
				r->unchanged++;
		}
		if (src == STORE_OK)
			src = store_retire_unseen(s, d->id, gen, now_ms, &retired);
		r->retired += retired;
		char *ck = ankiimport_written_key(d->key);
		if (src == STORE_OK)
			src = store_config_set(s, ck, d->hash);
		free(ck);
	}
	for (size_t i = 0; src == STORE_OK && i < m.n; i++) {
		const struct anki_out *o = &m.v[i];
		if (o->card == SIZE_MAX)
			continue; /* a text import has no history */
		src = ankiimport_history(s, st, &col, o, r);
		if (src == STORE_OK && col.cards[o->card].queue == ANKI_QUEUE_SUSPENDED)
			src = store_set_suspended(s, o->id, true);
	}
	if (src == STORE_OK)
		src = store_commit(s);
	if (src != STORE_OK) {
		store_rollback(s);
		diag_add(dl, DIAG_ERROR, "database", 0, 0, "%s; nothing was imported",
			 store_errmsg(s));
		goto out;
	}
	/* The files, now that the database holds their cards. */
	rc = 0;
	for (size_t i = 0; i < ndecks; i++) {
		if (paths_make_parent(decks[i].path) != 0 ||
		    app_write_file(decks[i].path, decks[i].text, strlen(decks[i].text)) != 0) {
			diag_add(dl, DIAG_ERROR, decks[i].path, 0, 0, "cannot write the deck file: "
				 "%s; the cards are imported, and importing again writes it",
				 strerror(errno));
			rc = -1;
			continue;
		}
		strv_push(&r->decks, decks[i].path);
	}
out:
	ankiimport_decks_free(decks, ndecks);
	anki_map_free(&m);
	anki_col_free(&col);
	return rc;
}

/* importer: see importer.h. */
#include "importer.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "deck.h"
#include "paths.h"
#include "slurp.h"
#include "story.h"
#include "storycards.h"
#include "util.h"

/* One deck file to import. */
struct importer_file {
	char *path;    /* as the user named it (for messages) */
	char *abspath; /* absolute, stored */
	char *buf;
	size_t len;
	int64_t mtime;
	int64_t size;
	char hash[17];
	struct deck *deck;
};

void
importer_digest(const char *buf, size_t len, char out[17])
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)buf[i];
		h *= 0x100000001b3ULL;
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static int
importer_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds path (a file, or a folder's files ending in ext, in name order) to files. */
static void
importer_collect_ext(const char *path, const char *ext, struct strv *files,
		     struct diag_list *dl)
{
	size_t elen = strlen(ext);

	struct stat st;

	if (stat(path, &st) != 0) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, "%s", strerror(errno));
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		strv_push(files, path);
		return;
	}
	DIR *d = opendir(path);
	if (d == NULL) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, "%s", strerror(errno));
		return;
	}
	struct strv names = {0};
	const struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n > elen && strcmp(e->d_name + n - elen, ext) == 0 && e->d_name[0] != '.')
			strv_push(&names, e->d_name);
	}
	closedir(d);
	if (names.n > 1) /* qsort(NULL, 0, ...) is undefined */
		qsort(names.v, names.n, sizeof(*names.v), importer_cmp);
	for (size_t i = 0; i < names.n; i++) {
		size_t n = strlen(path);
		char *p = xasprintf("%s%s%s", path, n && path[n - 1] == '/' ? "" : "/",
				    names.v[i]);
		strv_push(files, p);
		free(p);
	}
	strv_free(&names);
}

/* Adds path (a file, or a folder's *.deck files) to files. */
static void
importer_collect(const char *path, struct strv *files, struct diag_list *dl)
{
	importer_collect_ext(path, ".deck", files, dl);
}

static void
importer_files_free_one(struct importer_file *f)
{
	free(f->path);
	free(f->abspath);
	free(f->buf);
	deck_free(f->deck);
	memset(f, 0, sizeof(*f));
}

static void
importer_files_free(struct importer_file *f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		importer_files_free_one(&f[i]);
	free(f);
}

char *
importer_card_tags(const struct deck *d, const struct card *c)
{
	struct sbuf b = {0};

	sbuf_addc(&b, ',');
	for (size_t i = 0; i < d->tags.n; i++)
		sbuf_printf(&b, "%s,", d->tags.v[i]);
	for (size_t i = 0; i < c->tags.n; i++)
		sbuf_printf(&b, "%s,", c->tags.v[i]);
	return sbuf_take(&b);
}

static void importer_check_owners(struct store *s, struct deck **decks, size_t nd,
				  struct diag_list *dl);
static enum import_status importer_write(struct store *s, struct importer_file *files, size_t n,
					 int64_t now_ms, struct import_counts *counts,
					 struct diag_list *dl);

/*
 * Parses the files (already read) and, unless check_only, writes them in
 * one transaction. Files with a NULL buf are skipped.
 */
static enum import_status
importer_apply(struct store *s, struct importer_file *files, size_t n,
	       int64_t now_ms, bool check_only, struct import_counts *counts,
	       struct diag_list *dl)
{
	struct deck **decks = xcalloc(n ? n : 1, sizeof(*decks));
	size_t nd = 0;
	enum import_status status = IMPORT_OK;

	/* Every deck takes part in the checks of ids and names, those with
	 * errors too (holding the cards that parsed and every record's id), so
	 * that one run reports every problem; then nothing is written. */
	for (size_t i = 0; i < n; i++) {
		if (files[i].buf == NULL)
			continue;
		counts->decks++;
		deck_parse_partial(files[i].path, files[i].buf, files[i].len,
				   &files[i].deck, dl);
		decks[nd++] = files[i].deck;
	}
	deck_check_ids(decks, nd, dl);
	/* Two files with the same name would be the same deck. */
	for (size_t i = 0; i < nd; i++) {
		if (strcmp(decks[i]->key, STORYCARDS_DECK) == 0)
			diag_add(dl, DIAG_ERROR, decks[i]->path, 0, 0,
				 "the deck name \"%s\" is kept for the cards of your story files "
				 "(docs/stories.md): rename the file",
				 STORYCARDS_DECK);
		for (size_t j = 0; j < i; j++)
			if (strcmp(decks[i]->key, decks[j]->key) == 0)
				diag_add(dl, DIAG_ERROR, decks[i]->path, 0, 0,
					 "deck \"%s\" is also imported from %s",
					 decks[i]->key, decks[j]->path);
	}
	importer_check_owners(s, decks, nd, dl);
	if (dl->errors > 0) {
		status = IMPORT_DECK_ERRORS;
		goto done;
	}
	if (check_only || s == NULL)
		goto done;
	/* Nothing to write (every deck unchanged): no transaction, and no scan
	 * of the whole cards table for the next generation. */
	if (nd == 0)
		goto done;
	status = importer_write(s, files, n, now_ms, counts, dl);
done:
	free(decks);
	return status;
}

/* An id may not move in from a deck that is not part of this import. */
static void
importer_check_owners(struct store *s, struct deck **decks, size_t nd, struct diag_list *dl)
{
	for (size_t i = 0; s != NULL && i < nd; i++) {
		for (size_t j = 0; j < decks[i]->nids; j++) {
			const struct deck_id *c = &decks[i]->ids[j];
			char *owner = NULL;
			bool retired = false, ours = false;
			if (store_card_owner(s, c->id, &owner, &retired) != STORE_OK) {
				diag_add(dl, DIAG_ERROR, decks[i]->path, 0, 0, "%s",
					 store_errmsg(s));
				break;
			}
			for (size_t k = 0; owner && k < nd; k++)
				ours = ours || strcmp(owner, decks[k]->key) == 0;
			if (owner != NULL && !ours && !retired)
				diag_add(dl, DIAG_ERROR, decks[i]->path, c->line, 0,
					 "duplicate id \"%s\" (already in deck \"%s\")",
					 c->id, owner);
			free(owner);
		}
	}
}

/* Writes the parsed decks of files (those with a deck) in one transaction. */
static enum import_status
importer_write(struct store *s, struct importer_file *files, size_t n, int64_t now_ms,
	       struct import_counts *counts, struct diag_list *dl)
{
	int64_t gen = 0;
	int rc;
	enum import_status status = IMPORT_OK;

	rc = store_begin(s);
	if (rc == STORE_OK)
		rc = store_import_generation(s, &gen);
	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		struct deck *d = files[i].deck;
		int64_t deck_id = 0;
		int retired = 0;

		if (d == NULL)
			continue;
		rc = store_deck_save(s, d, files[i].abspath, files[i].hash,
				     files[i].mtime, files[i].size, now_ms, &deck_id);
		for (size_t j = 0; rc == STORE_OK && j < d->ncards; j++) {
			enum store_change ch;
			char *tags = importer_card_tags(d, &d->cards[j]);
			rc = store_card_save(s, deck_id, &d->cards[j], tags, gen, now_ms, &ch);
			free(tags);
			if (rc != STORE_OK)
				break;
			if (ch == STORE_ADDED)
				counts->added++;
			else if (ch == STORE_UPDATED)
				counts->updated++;
			else if (ch == STORE_REVIVED)
				counts->revived++;
			else
				counts->unchanged++;
		}
		if (rc == STORE_OK)
			rc = store_retire_unseen(s, deck_id, gen, now_ms, &retired);
		counts->retired += retired;
	}
	if (rc == STORE_OK)
		rc = store_commit(s);
	if (rc != STORE_OK) {
		store_rollback(s);
		diag_add(dl, DIAG_ERROR, "database", 0, 0, "%s; nothing was imported",
			 store_errmsg(s));
		status = IMPORT_ENV_ERROR;
		memset(counts, 0, sizeof(*counts));
	}
	return status;
}

/* Reads one file into f; reports failures to dl. */
static int
importer_load(const char *path, struct importer_file *f, struct diag_list *dl)
{
	struct stat st;

	memset(f, 0, sizeof(*f));
	f->path = xstrdup(path);
	f->abspath = paths_absolute(path);
	if (stat(path, &st) != 0 || (f->buf = slurp(path, &f->len)) == NULL) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	f->mtime = (int64_t)st.st_mtime;
	f->size = (int64_t)st.st_size;
	importer_digest(f->buf, f->len, f->hash);
	return 0;
}

enum import_status
importer_run(struct store *s, const char *const *paths, size_t npaths,
	     int64_t now_ms, bool check_only, struct import_counts *counts,
	     struct diag_list *dl)
{
	struct strv names = {0};
	struct importer_file *files;
	enum import_status status;
	size_t env_errors;

	memset(counts, 0, sizeof(*counts));
	for (size_t i = 0; i < npaths; i++)
		importer_collect(paths[i], &names, dl);
	files = xcalloc(names.n ? names.n : 1, sizeof(*files));
	for (size_t i = 0; i < names.n; i++)
		importer_load(names.v[i], &files[i], dl);
	env_errors = dl->errors;
	status = importer_apply(s, files, names.n, now_ms, check_only || env_errors > 0,
				counts, dl);
	if (env_errors > 0)
		status = IMPORT_ENV_ERROR;
	importer_files_free(files, names.n);
	strv_free(&names);
	return status;
}

enum import_status
importer_refresh(struct store *s, const char *bundled_dir, int64_t now_ms,
		 struct import_counts *counts, struct diag_list *dl)
{
	struct store_deck *known = NULL;
	size_t nknown = 0;
	struct strv candidates = {0};
	struct importer_file *files;
	size_t n = 0;
	enum import_status status;

	memset(counts, 0, sizeof(*counts));
	if (store_decks(s, &known, &nknown) != STORE_OK) {
		diag_add(dl, DIAG_ERROR, "database", 0, 0, "%s", store_errmsg(s));
		return IMPORT_ENV_ERROR;
	}
	for (size_t i = 0; i < nknown; i++)
		if (strcmp(known[i].key, STORYCARDS_DECK) != 0) /* importer_stories' */
			strv_push(&candidates, known[i].path);
	if (bundled_dir != NULL) {
		struct diag_list ignore = {0};
		importer_collect(bundled_dir, &candidates, &ignore);
		diag_list_free(&ignore);
	}
	files = xcalloc(candidates.n ? candidates.n : 1, sizeof(*files));
	for (size_t i = 0; i < candidates.n; i++) {
		char *abs = paths_absolute(candidates.v[i]);
		const struct store_deck *k = NULL;
		struct stat st;
		bool dup = false;

		for (size_t j = 0; j < n; j++)
			dup = dup || strcmp(files[j].abspath, abs) == 0;
		for (size_t j = 0; j < nknown && k == NULL; j++)
			if (strcmp(known[j].path, abs) == 0)
				k = &known[j];
		if (dup || stat(abs, &st) != 0 ||
		    (k && k->mtime == (int64_t)st.st_mtime && k->size == (int64_t)st.st_size)) {
			counts->skipped += !dup;
			free(abs);
			continue;
		}
		free(abs);
		if (importer_load(candidates.v[i], &files[n], dl) != 0) {
			n++;
			continue;
		}
		if (k && strcmp(k->file_hash, files[n].hash) == 0) {
			/* Touched, not changed: remember the new mtime and size so
			 * the next start skips it on stat alone. */
			if (store_deck_touch(s, k->id, files[n].mtime, files[n].size) != STORE_OK)
				diag_add(dl, DIAG_ERROR, "database", 0, 0, "%s", store_errmsg(s));
			free(files[n].buf);
			files[n].buf = NULL;
			counts->skipped++;
		}
		n++;
	}
	status = dl->errors ? IMPORT_ENV_ERROR
			    : importer_apply(s, files, n, now_ms, false, counts, dl);
	importer_files_free(files, n);
	strv_free(&candidates);
	store_decks_free(known, nknown);
	return status;
}

void
importer_read(const char *const *paths, size_t npaths, struct deck ***out, size_t *n,
	      struct diag_list *dl)
{
	struct strv names = {0};
	struct deck **v;
	size_t k = 0;

	for (size_t i = 0; i < npaths; i++)
		importer_collect(paths[i], &names, dl);
	v = xcalloc(names.n ? names.n : 1, sizeof(*v));
	for (size_t i = 0; i < names.n; i++) {
		size_t len;
		char *buf = slurp(names.v[i], &len);

		if (buf == NULL) {
			diag_add(dl, DIAG_ERROR, names.v[i], 0, 0, "cannot read: %s",
				 strerror(errno));
			continue;
		}
		if (deck_parse(names.v[i], buf, len, &v[k], dl) == 0)
			k++;
		free(buf);
	}
	strv_free(&names);
	*out = v;
	*n = k;
}

void
importer_decks_free(struct deck **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		deck_free(v[i]);
	free(v);
}

int
importer_read_stories(const char *dir, struct story_set *set, struct importer_stamp *stamp,
		      struct diag_list *dl)
{
	struct strv names = {0};
	struct sbuf all = {0};
	struct stat st;
	size_t before = dl->errors;

	memset(stamp, 0, sizeof(*stamp));
	if (stat(dir, &st) != 0) {
		if (errno == ENOENT)
			return 1;
		diag_add(dl, DIAG_ERROR, dir, 0, 0, "%s", strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_add(dl, DIAG_ERROR, dir, 0, 0,
			 "not a folder: stories live in a folder of *.story files");
		return -1;
	}
	importer_collect_ext(dir, ".story", &names, dl);
	for (size_t i = 0; i < names.n; i++) {
		struct importer_file f;
		if (importer_load(names.v[i], &f, dl) == 0) {
			/* the stamp covers the names, sizes and contents of every file */
			sbuf_printf(&all, "%s\n%zu\n", f.abspath, f.len);
			sbuf_add(&all, f.buf, f.len);
			stamp->size += f.size;
			if (f.mtime > stamp->mtime)
				stamp->mtime = f.mtime;
			story_parse(f.abspath, f.buf, f.len, set, dl);
		}
		importer_files_free_one(&f);
	}
	story_check_ids(set, dl);
	importer_digest(all.buf != NULL ? all.buf : "", all.len, stamp->hash);
	stamp->files = (int)names.n;
	sbuf_free(&all);
	strv_free(&names);
	return dl->errors > before ? -1 : 0;
}

enum import_status
importer_stories(struct store *s, const char *dir, int64_t now_ms, struct import_counts *counts,
		 struct diag_list *dl)
{
	struct story_set set = {0};
	struct importer_stamp stamp;
	struct store_deck *known = NULL;
	size_t nknown = 0;
	struct importer_file f = {0};
	enum import_status status = IMPORT_OK;
	int rc;

	memset(counts, 0, sizeof(*counts));
	rc = importer_read_stories(dir, &set, &stamp, dl);
	if (rc == 1)
		goto done; /* no folder, no stories: the cards stay as they were */
	if (rc != 0) {
		status = IMPORT_DECK_ERRORS;
		goto done;
	}
	if (store_decks(s, &known, &nknown) != STORE_OK) {
		diag_add(dl, DIAG_ERROR, "database", 0, 0, "%s", store_errmsg(s));
		status = IMPORT_ENV_ERROR;
		goto done;
	}
	for (size_t i = 0; i < nknown; i++)
		if (strcmp(known[i].key, STORYCARDS_DECK) == 0 &&
		    strcmp(known[i].file_hash, stamp.hash) == 0) {
			counts->skipped = 1;
			goto done; /* nothing changed since the last time */
		}
	f.path = xstrdup(dir);
	f.abspath = paths_absolute(dir);
	memcpy(f.hash, stamp.hash, sizeof(f.hash));
	f.mtime = stamp.mtime;
	f.size = stamp.size;
	if (storycards_build(&set, f.abspath, &f.deck, dl) != 0) {
		status = IMPORT_DECK_ERRORS;
		goto done;
	}
	counts->decks = 1;
	importer_check_owners(s, &f.deck, 1, dl);
	if (dl->errors > 0)
		status = IMPORT_DECK_ERRORS;
	else
		status = importer_write(s, &f, 1, now_ms, counts, dl);
done:
	importer_files_free_one(&f);
	store_decks_free(known, nknown);
	story_set_free(&set);
	return status;
}

/*
 * importer: reads deck files and folders and brings them into the store,
 * all or nothing.
 *
 * Owns: the import policy — which files are decks, what counts as changed,
 * retiring removed cards, refusing ids that another deck already owns —
 * and the one transaction an import runs in; and reading the decks
 * without a database (importer_read). Reads files; writes only through
 * the store; never prints (problems go to a diag_list).
 */
#ifndef DRILL_IMPORTER_H
#define DRILL_IMPORTER_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "store.h"

struct deck;

struct import_counts {
	int decks;     /* deck files read */
	int skipped;   /* unchanged files not re-imported (refresh only) */
	int added;
	int updated;
	int unchanged;
	int revived;
	int retired;
};

enum import_status {
	IMPORT_OK = 0,
	IMPORT_DECK_ERRORS = 1, /* problems in the decks, all in dl; nothing written */
	IMPORT_ENV_ERROR = 2    /* a file or the database failed; in dl; nothing written */
};

/*
 * Imports the deck files named by paths (files, or folders whose *.deck
 * files are taken in name order). With check_only nothing is written.
 * Every problem of every deck is added to dl before returning.
 */
enum import_status importer_run(struct store *s, const char *const *paths,
				size_t npaths, int64_t now_ms, bool check_only,
				struct import_counts *counts, struct diag_list *dl);

/* The digest of a deck file's content that store_deck_save keeps (16 hex
 * digits and a NUL). */
void importer_digest(const char *buf, size_t len, char out[17]);

/*
 * Re-imports, as one import, every deck the store knows and every deck in
 * bundled_dir whose file changed since its last import (size, mtime, then
 * content digest). Unchanged decks are skipped cheaply.
 */
enum import_status importer_refresh(struct store *s, const char *bundled_dir,
				    int64_t now_ms, struct import_counts *counts,
				    struct diag_list *dl);

/*
 * Reads and parses the decks named by paths (files, or folders whose
 * *.deck files are taken in name order, as importer_run finds them)
 * without a database: for the commands that only read, when there is no
 * database yet. A deck that cannot be read or has errors is left out, its
 * problems added to dl. *out (n long) is freed with importer_decks_free.
 */
void importer_read(const char *const *paths, size_t npaths, struct deck ***out, size_t *n,
		   struct diag_list *dl);
void importer_decks_free(struct deck **v, size_t n);

struct card;
/* The ",deck-tag,card-tag," string the store keeps for matching --tag
 * (caller frees). */
char *importer_card_tags(const struct deck *d, const struct card *c);

/* What the story files of a folder were at a reading, to tell a change. */
struct importer_stamp {
	char hash[17]; /* digest of every file's name, size and content */
	int64_t mtime; /* the newest file's, unix seconds */
	int64_t size;  /* bytes, all files */
	int files;
};

struct story_set;
/*
 * Reads the story files of dir (*.story, in name order), parsing each
 * with its absolute path into set, and checks ids across them. Returns 0;
 * 1 when dir does not exist (no stories, nothing in dl); or -1 when a
 * file cannot be read or any story has an error (all of them in dl).
 */
int importer_read_stories(const char *dir, struct story_set *set, struct importer_stamp *stamp,
			  struct diag_list *dl);

/*
 * Brings the "stories" deck up to date with the story files of dir: when
 * they changed since the last time, their cards (storycards.h) replace
 * the deck's in one transaction; cards whose content did not change keep
 * their progress, the others retire. A folder that does not exist, or
 * whose files have errors (all in dl), changes nothing.
 */
enum import_status importer_stories(struct store *s, const char *dir, int64_t now_ms,
				    struct import_counts *counts, struct diag_list *dl);

#endif

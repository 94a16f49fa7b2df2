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

#endif

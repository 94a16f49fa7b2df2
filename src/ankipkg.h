/*
 * ankipkg: opens an Anki package (.apkg, .colpkg: a zip file) and reads
 * its collection with ankistore.h.
 *
 * Owns: the choice among the three collection forms a package may hold —
 * collection.anki21b (schema 18, zstd-compressed, what current Anki
 * writes), collection.anki21, collection.anki2 — taking the newest, and
 * refusing a package whose only collection is the placeholder current
 * Anki writes for old versions (one "please update" note); unpacking
 * (libzip) and decompressing (libzstd) into a private temporary file that
 * is removed before returning. Reads files; never prints.
 *
 * Ownership: path is borrowed; col is filled for the caller (anki_col_free).
 */
#ifndef DRILL_ANKIPKG_H
#define DRILL_ANKIPKG_H

#include <stddef.h>

#include "anki.h"

/*
 * Reads the package at path into col; *form (may be NULL) names the
 * collection file that was read (static). 0, or -1 with col empty and a
 * message in err saying what is wrong with the package.
 */
int ankipkg_read(const char *path, struct anki_col *col, const char **form, char *err,
		 size_t errlen);

#endif

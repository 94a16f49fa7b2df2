/*
 * ankistore: reads an Anki collection, the SQLite file inside an .apkg or
 * .colpkg package (collection.anki2, .anki21, or the decompressed
 * .anki21b), into the model of anki.h. The second file of the store layer
 * that includes sqlite3.h (docs/architecture.md): drill's own database is
 * store.c's; this one only ever reads someone else's, read-only.
 *
 * Owns: the SQL over Anki's schema 11 (note types and decks as JSON in
 * the col table) and schema 18 (notetypes, fields, templates and decks
 * tables, with protobuf configs read by pb.h), and the `unicase` collation
 * Anki declares on names, registered before any query. Never prints.
 *
 * Ownership: path is borrowed; col is filled for the caller, who frees it
 * with anki_col_free.
 */
#ifndef DRILL_ANKISTORE_H
#define DRILL_ANKISTORE_H

#include <stddef.h>

#include "anki.h"

/* Reads the collection at path into col. 0, or -1 with col empty and a
 * message in err (not an Anki collection, damaged, unknown schema). */
int ankistore_read(const char *path, struct anki_col *col, char *err, size_t errlen);

#endif

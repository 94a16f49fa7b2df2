/*
 * ankiimport: `drill import` of an Anki package (.apkg, .colpkg) or of
 * Anki's text export (.txt, .csv, .tsv) — the import policy for what
 * anki.h maps (docs/anki.md).
 *
 * Owns: the one transaction of such an import (decks, cards, the review
 * log and the cards' FSRS state recomputed from it, suspensions), refusing
 * a deck key another deck file already owns, and the generated deck files
 * $XDG_DATA_HOME/drill/decks/anki-SLUG.deck, written under a temporary
 * name and renamed only after the transaction committed. Reads and writes
 * files and the store; never prints (problems go to the report and dl).
 *
 * Ownership: const char * arguments are borrowed; the report owns its
 * strings (ankiimport_report_free).
 */
#ifndef DRILL_ANKIIMPORT_H
#define DRILL_ANKIIMPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "util.h"

struct store;
struct settings;

/* Whether path names something ankiimport reads (by its extension). */
bool ankiimport_wants(const char *path);

struct ankiimport_report {
	const char *form;     /* collection read ("collection.anki21b"), or "text" */
	int notes;            /* notes that gave one card at least */
	int cards;            /* cards imported */
	int added, updated, unchanged, retired;
	int64_t reviews;      /* review-log entries added */
	int64_t known;        /* entries already imported before */
	int64_t skipped_revs; /* entries that are not reviews (manual, rescheduled, cram) */
	int from_interval;    /* review cards given a state from interval and ease */
	struct strv decks;    /* the deck files written */
	struct strv edited;   /* of those, the ones the user had edited (overwritten) */
	struct strv media;    /* media files referenced and skipped */
	struct strv problems; /* notes that could not be mapped, with the reason */
};
void ankiimport_report_free(struct ankiimport_report *r);

/*
 * Imports path into s with settings st (the FSRS parameters and the study
 * day), at now_ms. Returns 0; or -1 with the reason in dl and nothing
 * changed (a corrupt or unknown package, no card to import, a deck key
 * owned by another deck file, a database failure). A deck file that
 * cannot be written after the commit is an error in dl too (the cards
 * are in the database; importing again writes it).
 */
int ankiimport_run(struct store *s, const struct settings *st, const char *path, int64_t now_ms,
		   struct ankiimport_report *r, struct diag_list *dl);

#endif

/* cmd_import: `drill import [PATH...]` — bring decks into the database. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "ankiimport.h"
#include "cmd.h"
#include "importer.h"
#include "paths.h"
#include "settings.h"
#include "store.h"

static void
cmd_import_usage(FILE *f)
{
	fprintf(f, "usage: drill import [--check] [--db PATH] [PATH...]\n\n"
		   "Imports deck files, or folders of *.deck files (no PATH: the bundled decks).\n"
		   "All or nothing: any error in any deck is reported as path:line: message,\n"
		   "the exit status is 1 and the database is left unchanged. Cards keep their\n"
		   "progress when their text changes; cards removed from a deck are retired.\n"
		   "An Anki package (.apkg, .colpkg) or Anki's text export (.txt, .csv,\n"
		   ".tsv) is imported with its review history into deck files anki-NAME.deck\n"
		   "under $XDG_DATA_HOME/drill/decks (docs/anki.md).\n\n"
		   "  --check    check the decks, change nothing\n"
		   "  --db PATH  database (default $DRILL_DB or ~/.local/share/drill/drill.db)\n");
}

/* drill import of Anki files, one transaction each. */
static int
cmd_import_anki(struct app *app, struct store *s, char *const *paths, size_t n)
{
	struct settings st;
	char err[512];
	int rc = EXIT_OK;

	if (settings_load(s, &st, err, sizeof(err)) != 0) {
		app_err("%s (fix it with drill config)", err);
		return EXIT_ENV;
	}
	for (size_t i = 0; i < n; i++) {
		struct ankiimport_report r;
		struct diag_list dl = {0};
		int ok = ankiimport_run(s, &st, paths[i], app->now_ms, &r, &dl);
		if (r.cards > 0) {
			printf("Imported %s (%s): %d note%s, %d card%s (%d added, %d updated, "
			       "%d unchanged, %d retired), %lld review%s",
			       paths[i], r.form, r.notes, r.notes == 1 ? "" : "s", r.cards,
			       r.cards == 1 ? "" : "s", r.added, r.updated, r.unchanged, r.retired,
			       (long long)r.reviews, r.reviews == 1 ? "" : "s");
			if (r.known > 0)
				printf(" (%lld already imported)", (long long)r.known);
			printf(".\n");
			if (r.skipped_revs > 0)
				printf("  %lld review-log entr%s skipped: manual changes, rescheduling or "
				       "cramming, which FSRS does not count.\n",
				       (long long)r.skipped_revs, r.skipped_revs == 1 ? "y" : "ies");
			if (r.from_interval > 0)
				printf("  %d review card%s without a complete history: memory state "
				       "from interval and ease.\n",
				       r.from_interval, r.from_interval == 1 ? "" : "s");
			for (size_t k = 0; k < r.decks.n; k++)
				printf("  wrote %s\n", r.decks.v[k]);
			for (size_t k = 0; k < r.edited.n; k++)
				printf("  %s had been edited since drill wrote it; your changes were "
				       "overwritten\n", r.edited.v[k]);
		}
		if (r.media.n > 0) {
			printf("  %zu media file%s skipped (drill shows text only):", r.media.n,
			       r.media.n == 1 ? "" : "s");
			for (size_t k = 0; k < r.media.n && k < 10; k++)
				printf(" %s", r.media.v[k]);
			printf("%s\n", r.media.n > 10 ? " ..." : "");
		}
		if (r.problems.n > 0) {
			printf("  %zu note%s not imported:\n", r.problems.n,
			       r.problems.n == 1 ? "" : "s");
			for (size_t k = 0; k < r.problems.n; k++)
				printf("    %s\n", r.problems.v[k]);
		}
		for (size_t k = 0; k < dl.n; k++) {
			char *m = diag_format(&dl.v[k]);
			app_err("%s", m);
			free(m);
		}
		if (ok != 0)
			rc = r.cards > 0 ? EXIT_ENV : EXIT_USER;
		diag_list_free(&dl);
		ankiimport_report_free(&r);
	}
	return rc;
}

int
cmd_import(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{"check", no_argument, NULL, 'c'}, {"db", required_argument, NULL, 0},
		{"seed", required_argument, NULL, 0}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool check = false;
	struct store *s = NULL;
	struct diag_list dl = {0};
	struct import_counts n;
	char *bundled = NULL;
	const char *const *paths;
	size_t npaths;
	int c, idx, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, &idx)) != -1) {
		if (c == 0) {
			if (app_common_option(app, opts[idx].name, optarg) < 0)
				return EXIT_USER;
		} else if (c == 'c') {
			check = true;
		} else if (c == 'h') {
			cmd_import_usage(stdout);
			return EXIT_OK;
		} else {
			cmd_import_usage(stderr);
			return EXIT_USER;
		}
	}
	if (optind < argc) {
		paths = (const char *const *)argv + optind;
		npaths = (size_t)(argc - optind);
	} else {
		bundled = paths_decks();
		paths = (const char *const *)&bundled;
		npaths = 1;
	}
	/* --check compares ids with the database too, when there is one, and
	 * never creates it. */
	if ((rc = app_open_store(app, !check, &s)) != EXIT_OK) {
		free(bundled);
		return rc;
	}
	if (!check && s != NULL && app_worth_backup(s) && app_backup(app, s, true, NULL, NULL) != 0) {
		app_err("nothing was imported; make the backups folder writable (or set "
			"XDG_STATE_HOME to another folder) and try again");
		store_close(s);
		free(bundled);
		return EXIT_ENV;
	}
	size_t nanki = 0;
	for (size_t i = 0; i < npaths; i++)
		nanki += ankiimport_wants(paths[i]);
	if (nanki > 0) {
		if (nanki != npaths || check) {
			app_err(check ? "--check reads deck files; an Anki file is checked by "
					"importing it"
				      : "import Anki files (.apkg, .colpkg, .txt) apart from deck files");
			rc = EXIT_USER;
		} else {
			rc = cmd_import_anki(app, s, (char *const *)paths, npaths);
		}
		store_close(s);
		free(bundled);
		return rc;
	}
	enum import_status st = importer_run(s, paths, npaths, app->now_ms, check, &n, &dl);
	for (size_t i = 0; i < dl.n; i++) {
		char *m = diag_format(&dl.v[i]);
		app_err("%s", m);
		free(m);
	}
	if (st == IMPORT_OK && check)
		printf("%d deck%s checked: no errors.\n", n.decks, n.decks == 1 ? "" : "s");
	else if (st == IMPORT_OK)
		printf("Imported %d deck%s: %d added, %d updated, %d unchanged, %d retired%s.\n",
		       n.decks, n.decks == 1 ? "" : "s", n.added + n.revived, n.updated,
		       n.unchanged, n.retired,
		       n.revived ? " (some added cards were revived with their history)" : "");
	else
		app_err("%zu error%s; %s", dl.errors, dl.errors == 1 ? "" : "s",
			check ? "nothing to import" : "the database was not changed");
	diag_list_free(&dl);
	store_close(s);
	free(bundled);
	return st == IMPORT_OK ? EXIT_OK : st == IMPORT_DECK_ERRORS ? EXIT_USER : EXIT_ENV;
}

/* cmd_import: `drill import [PATH...]` — bring decks into the database. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "importer.h"
#include "paths.h"
#include "store.h"

static void
cmd_import_usage(FILE *f)
{
	fprintf(f, "usage: drill import [--check] [--db PATH] [PATH...]\n\n"
		   "Imports deck files, or folders of *.deck files (no PATH: the bundled decks).\n"
		   "All or nothing: any error in any deck is reported as path:line: message,\n"
		   "the exit status is 1 and the database is left unchanged. Cards keep their\n"
		   "progress when their text changes; cards removed from a deck are retired.\n\n"
		   "  --check    check the decks, change nothing\n"
		   "  --db PATH  database (default $DRILL_DB or ~/.local/share/drill/drill.db)\n");
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

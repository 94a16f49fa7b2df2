/* app: the helpers every command shares (see cmd.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "importer.h"
#include "paths.h"
#include "store.h"

int
app_common_option(struct app *app, const char *name, const char *arg)
{
	if (strcmp(name, "db") == 0) {
		if (arg == NULL || *arg == '\0') {
			fprintf(stderr, "drill: --db needs a path\n");
			return -1;
		}
		app->db_path = arg;
		return 1;
	}
	if (strcmp(name, "seed") == 0) {
		char *end;
		errno = 0;
		unsigned long long v = strtoull(arg ? arg : "", &end, 10);
		if (arg == NULL || *arg == '\0' || *arg == '-' || *end != '\0' || errno) {
			fprintf(stderr, "drill: --seed needs a whole number, not \"%s\"\n",
				arg ? arg : "");
			return -1;
		}
		app->seed = (uint64_t)v;
		app->has_seed = true;
		return 1;
	}
	return 0;
}

int
app_open_store(const struct app *app, struct store **out)
{
	char err[1024];
	char *path = paths_db(app->db_path);
	int rc;

	*out = NULL;
	if (path == NULL) {
		fprintf(stderr, "drill: no database path: set HOME, XDG_DATA_HOME, DRILL_DB or --db\n");
		return EXIT_ENV;
	}
	rc = store_open(path, out, err, sizeof(err));
	free(path);
	if (rc != STORE_OK) {
		fprintf(stderr, "drill: %s\n", err);
		return EXIT_ENV;
	}
	return EXIT_OK;
}

int
app_refresh_decks(const struct app *app, struct store *s, struct import_counts *counts)
{
	struct diag_list dl = {0};
	char *decks = paths_decks();
	enum import_status rc = importer_refresh(s, decks, app->now_ms, counts, &dl);

	for (size_t i = 0; i < dl.n; i++) {
		char *m = diag_format(&dl.v[i]);
		fprintf(stderr, "drill: %s\n", m);
		free(m);
	}
	if (rc != IMPORT_OK)
		fprintf(stderr, "drill: the changed decks were not imported; "
				"using the cards imported before\n");
	diag_list_free(&dl);
	free(decks);
	return rc == IMPORT_OK ? 0 : -1;
}

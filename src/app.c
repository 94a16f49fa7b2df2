/* app: the helpers every command shares (see cmd.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "importer.h"
#include "paths.h"
#include "store.h"

/* The command named in every error line; like a program name, set once. */
static char app_cmd_name[64] = "drill";

void
app_set_command(const char *name)
{
	snprintf(app_cmd_name, sizeof(app_cmd_name), "drill %s", name);
}

const char *
app_command(void)
{
	return app_cmd_name;
}

void
app_err(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout); /* keep the order a reader of both streams saw */
	fprintf(stderr, "%s: ", app_cmd_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
app_common_option(struct app *app, const char *name, const char *arg)
{
	if (strcmp(name, "db") == 0) {
		if (arg == NULL || *arg == '\0') {
			app_err("--db needs a path");
			return -1;
		}
		app->db_path = arg;
		return 1;
	}
	if (strcmp(name, "stories") == 0) {
		if (arg == NULL || *arg == '\0') {
			app_err("--stories needs a folder");
			return -1;
		}
		app->stories_dir = arg;
		return 1;
	}
	if (strcmp(name, "seed") == 0) {
		char *end;
		errno = 0;
		unsigned long long v = strtoull(arg ? arg : "", &end, 10);
		if (arg == NULL || *arg == '\0' || *arg == '-' || *end != '\0' || errno) {
			app_err("--seed needs a whole number, not \"%s\"",
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
app_open_store(const struct app *app, bool create, struct store **out)
{
	char err[1024];
	char *path = paths_db(app->db_path);
	const char *busy = getenv("DRILL_BUSY_TIMEOUT_MS");
	int rc;

	*out = NULL;
	if (path == NULL) {
		app_err("no database path: set HOME, XDG_DATA_HOME, DRILL_DB or --db");
		return EXIT_ENV;
	}
	if (busy != NULL && *busy)
		store_set_busy_timeout(atoi(busy));
	rc = store_open(path, create ? STORE_OPEN_CREATE : 0, out, err, sizeof(err));
	free(path);
	if (rc == STORE_NOT_FOUND && !create)
		return EXIT_OK;
	if (rc != STORE_OK) {
		app_err("%s", err);
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
		app_err("%s", m);
		free(m);
	}
	if (rc != IMPORT_OK)
		app_err("the changed decks were not imported; "
				"using the cards imported before");
	diag_list_free(&dl);
	free(decks);
	return app_refresh_stories(app, s, counts) == 0 && rc == IMPORT_OK ? 0 : -1;
}

int
app_refresh_stories(const struct app *app, struct store *s, struct import_counts *add)
{
	struct diag_list dl = {0};
	struct import_counts counts;
	char *dir = paths_stories(app->stories_dir);
	enum import_status rc = dir != NULL ? importer_stories(s, dir, app->now_ms, &counts, &dl)
					    : IMPORT_OK;

	for (size_t i = 0; i < dl.n; i++) {
		char *m = diag_format(&dl.v[i]);
		app_err("%s", m);
		free(m);
	}
	if (rc != IMPORT_OK)
		app_err("your story files were not loaded; using the story cards from before "
			"(drill story check shows every problem)");
	else if (add != NULL) {
		add->added += counts.added;
		add->updated += counts.updated + counts.revived;
		add->retired += counts.retired;
	}
	diag_list_free(&dl);
	free(dir);
	return rc == IMPORT_OK ? 0 : -1;
}

/* app: the helpers every command shares (see cmd.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup.h"
#include "cmd.h"
#include "importer.h"
#include "paths.h"
#include "settings.h"
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

/* The rotation the settings of s ask for (the defaults when they cannot
 * be read). */
static void
app_policy(struct store *s, struct rotate_policy *p)
{
	struct settings st;
	char err[256];

	*p = (struct rotate_policy){7, 4, 6};
	if (settings_load(s, &st, err, sizeof(err)) == 0)
		*p = st.backups;
}

/* Writes the backup; a message in err on failure. */
static int
app_backup_to(const struct app *app, struct store *s, bool rotate, char **written,
	      int *removed, char *err, size_t errlen)
{
	char *dir = paths_backups(), *db = paths_db(app->db_path);
	struct rotate_policy p;
	int rc = -1;

	app_policy(s, &p);
	if (dir == NULL || db == NULL)
		snprintf(err, errlen, "no backups folder: set HOME or XDG_STATE_HOME");
	else
		rc = backup_make(s, dir, db, app->now_ms, rotate ? &p : NULL, written, removed,
				 err, errlen);
	free(dir);
	free(db);
	return rc;
}

int
app_backup(const struct app *app, struct store *s, bool rotate, char **written, int *removed)
{
	char err[1024];

	if (app_backup_to(app, s, rotate, written, removed, err, sizeof(err)) == 0)
		return 0;
	app_err("cannot back up the database: %s", err);
	return -1;
}

bool
app_worth_backup(struct store *s)
{
	struct store_deck *v = NULL;
	size_t n = 0;

	if (store_decks(s, &v, &n) != STORE_OK)
		return true; /* when in doubt, back up */
	store_decks_free(v, n);
	return n > 0;
}

bool
app_backed_up_today(const struct app *app)
{
	char *dir = paths_backups(), *db = paths_db(app->db_path);
	struct backup_list l = {0};
	char err[256];
	bool today = false;

	if (dir != NULL && db != NULL && backup_list(dir, db, &l, err, sizeof(err)) == 0 &&
	    l.n > 0)
		today = l.v[l.n - 1].stamp / 1000000 == backup_date(app->now_ms);
	backup_list_free(&l);
	free(dir);
	free(db);
	return today;
}

/* store_open's hook: a backup before a schema upgrade (the app is the
 * process's one). */
static int
app_migrate_hook(struct store *s, const char *path, int from, void *ctx, char *err,
		 size_t errlen)
{
	const struct app *app = ctx;
	char why[1024];

	if (app_backup_to(app, s, true, NULL, NULL, why, sizeof(why)) == 0)
		return 0;
	snprintf(err, errlen, "%s (schema version %d) needs an upgrade, and drill backs it up "
		 "first, but cannot: %s; it was left untouched. Make the backups folder "
		 "writable (or set XDG_STATE_HOME) and try again", path, from, why);
	return -1;
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
	store_set_migrate_hook(app_migrate_hook, (void *)(uintptr_t)app);
	rc = store_open(path, create ? STORE_OPEN_CREATE : 0, out, err, sizeof(err));
	store_set_migrate_hook(NULL, NULL);
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
app_read_stories(const struct app *app, char **dir, struct story_set *set, bool *missing)
{
	struct diag_list dl = {0};
	struct importer_stamp stamp;
	int rc;

	*missing = false;
	*dir = paths_stories(app->stories_dir);
	if (*dir == NULL) {
		app_err("no story folder: set --stories, DRILL_STORIES, XDG_DATA_HOME or HOME");
		return EXIT_ENV;
	}
	rc = importer_read_stories(*dir, set, &stamp, &dl);
	*missing = rc == 1;
	for (size_t i = 0; i < dl.n; i++) {
		char *m = diag_format(&dl.v[i]);
		app_err("%s", m);
		free(m);
	}
	if (rc < 0) {
		bool env = false; /* a file that could not be read has no line */
		for (size_t i = 0; i < dl.n; i++)
			env = env || dl.v[i].line == 0;
		app_err("the stories in %s were not loaded: fix the %s above", *dir,
			dl.errors == 1 ? "error" : "errors");
		diag_list_free(&dl);
		return env ? EXIT_ENV : EXIT_USER;
	}
	diag_list_free(&dl);
	return EXIT_OK;
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

int
app_write_file(const char *path, const char *text, size_t len)
{
	char *tmp = xasprintf("%s.tmp-XXXXXX", path);
	size_t off = 0;
	struct stat st;
	mode_t mode, mask;
	int fd, rc = 0, e = 0;

	fd = mkstemp(tmp);
	if (fd < 0) {
		e = errno;
		free(tmp);
		errno = e;
		return -1;
	}
	if (stat(path, &st) == 0) {
		mode = st.st_mode & 07777;
	} else {
		mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	while (rc == 0 && off < len) {
		ssize_t n = write(fd, text + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			rc = -1;
		else
			off += (size_t)n;
	}
	if (rc == 0 && fchmod(fd, mode) != 0)
		rc = -1;
	if (rc == 0 && fsync(fd) != 0)
		rc = -1;
	if (rc != 0)
		e = errno;
	if (close(fd) != 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	if (rc == 0 && rename(tmp, path) != 0) {
		rc = -1;
		e = errno;
	}
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	errno = e;
	return rc;
}

/*
 * cmd_backup: `drill backup` (a copy of the database in the backups
 * folder, and the rotation of old ones) and `drill restore FILE`
 * (docs/storage.md, "Backups").
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup.h"
#include "cmd.h"
#include "paths.h"
#include "settings.h"
#include "store.h"
#include "util.h"

static const char cmd_backup_usage[] =
	"usage: drill backup [--list] [--db PATH]\n\n"
	"Writes a copy of the database into $XDG_STATE_HOME/drill/backups (else\n"
	"~/.local/state/drill/backups), named DB-HASH-YYYYMMDD-HHMMSS.db, then deletes\n"
	"the older backups of that database that the settings backup_daily,\n"
	"backup_weekly and backup_monthly do not keep. drill also backs up by itself\n"
	"before import, reschedule, restore and schema upgrades, and after the first\n"
	"session of a day.\n\n"
	"  --list     list the backups of the database, oldest first, and write none\n"
	"  --db PATH  database (default $DRILL_DB or ~/.local/share/drill/drill.db)\n";

static const char cmd_restore_usage[] =
	"usage: drill restore FILE [--yes] [--db PATH]\n\n"
	"Replaces the database with the backup FILE (see drill backup --list). The\n"
	"database as it is now is backed up first. Asks for confirmation on a\n"
	"terminal; elsewhere --yes is needed.\n\n"
	"  --yes      do not ask\n"
	"  --db PATH  database (default $DRILL_DB or ~/.local/share/drill/drill.db)\n";

/* The options both commands take; -1 error, 1 help printed, 0 go on. */
static int
cmd_backup_options(struct app *app, int argc, char **argv, const char *usage, bool *flag,
		   const char *flag_name)
{
	const struct option opts[] = {
		{"db", required_argument, NULL, 0}, {"seed", required_argument, NULL, 0},
		{flag_name, no_argument, NULL, 'f'}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c, idx;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, &idx)) != -1) {
		if (c == 0) {
			if (app_common_option(app, opts[idx].name, optarg) < 0)
				return -1;
		} else if (c == 'f') {
			*flag = true;
		} else if (c == 'h') {
			fputs(usage, stdout);
			return 1;
		} else {
			fputs(usage, stderr);
			return -1;
		}
	}
	return 0;
}

static int
cmd_backup_list(const struct app *app)
{
	char *dir = paths_backups(), *db = paths_db(app->db_path);
	struct backup_list l = {0};
	char err[512];
	int rc = EXIT_OK;

	if (dir == NULL || db == NULL) {
		app_err("no backups folder: set HOME or XDG_STATE_HOME");
		rc = EXIT_ENV;
	} else if (backup_list(dir, db, &l, err, sizeof(err)) != 0) {
		app_err("%s", err);
		rc = EXIT_ENV;
	} else if (l.n == 0) {
		printf("No backups of %s in %s yet.\n", db, dir);
	}
	for (size_t i = 0; i < l.n; i++) {
		struct stat st;
		long long size = stat(l.v[i].path, &st) == 0 ? (long long)st.st_size : -1;
		printf("%s\t%lld bytes\n", l.v[i].path, size);
	}
	backup_list_free(&l);
	free(dir);
	free(db);
	return rc;
}

int
cmd_backup(struct app *app, int argc, char **argv)
{
	bool list = false;
	struct store *s = NULL;
	char *written = NULL;
	int removed = 0;
	int rc = cmd_backup_options(app, argc, argv, cmd_backup_usage, &list, "list");

	if (rc != 0)
		return rc < 0 ? EXIT_USER : EXIT_OK;
	if (optind < argc) {
		app_err("unexpected argument \"%s\"", argv[optind]);
		fputs(cmd_backup_usage, stderr);
		return EXIT_USER;
	}
	if (list)
		return cmd_backup_list(app);
	if ((rc = app_open_store(app, false, &s)) != EXIT_OK)
		return rc;
	if (s == NULL) {
		char *db = paths_db(app->db_path);
		app_err("no database at %s yet: nothing to back up", db ? db : "the default path");
		free(db);
		return EXIT_USER;
	}
	if (app_backup(app, s, true, &written, &removed) != 0) {
		store_close(s);
		return EXIT_ENV;
	}
	printf("Backed up to %s", written);
	if (removed > 0)
		printf(" (%d older backup%s deleted by the rotation)", removed,
		       removed == 1 ? "" : "s");
	printf(".\n");
	free(written);
	store_close(s);
	return EXIT_OK;
}

/* Asks on the terminal; true for y or yes. */
static bool
cmd_restore_confirm(const char *db, const char *file)
{
	char line[64];

	printf("Replace the database %s with %s? It is backed up first. [y/N] ", db, file);
	fflush(stdout);
	if (fgets(line, sizeof(line), stdin) == NULL)
		return false;
	line[strcspn(line, "\r\n")] = '\0';
	return strcmp(line, "y") == 0 || strcmp(line, "Y") == 0 || strcmp(line, "yes") == 0;
}

int
cmd_restore(struct app *app, int argc, char **argv)
{
	bool yes = false;
	struct store *s = NULL;
	char *written = NULL, *db = NULL, *dir = NULL;
	char err[512];
	struct stat st;
	int rc = cmd_backup_options(app, argc, argv, cmd_restore_usage, &yes, "yes");

	if (rc != 0)
		return rc < 0 ? EXIT_USER : EXIT_OK;
	if (argc - optind != 1) {
		app_err(optind < argc ? "give one backup file to restore" : "which backup? "
			"drill restore FILE (drill backup --list shows them)");
		fputs(cmd_restore_usage, stderr);
		return EXIT_USER;
	}
	const char *file = argv[optind];
	if (stat(file, &st) != 0 || !S_ISREG(st.st_mode)) {
		app_err("cannot read the backup %s: %s", file,
			errno == 0 || S_ISREG(st.st_mode) ? strerror(errno) : "not a file");
		return EXIT_USER;
	}
	db = paths_db(app->db_path);
	if (db == NULL) {
		app_err("no database path: set HOME, XDG_DATA_HOME, DRILL_DB or --db");
		return EXIT_ENV;
	}
	if (!yes && !isatty(STDIN_FILENO)) {
		app_err("restoring replaces the database %s; add --yes to confirm", db);
		free(db);
		return EXIT_USER;
	}
	if (!yes && !cmd_restore_confirm(db, file)) {
		printf("Nothing was changed.\n");
		free(db);
		return EXIT_OK;
	}
	if ((rc = app_open_store(app, true, &s)) != EXIT_OK) {
		free(db);
		return rc;
	}
	/* No rotation yet: it could delete the very backup being restored. */
	if (app_backup(app, s, false, &written, NULL) != 0) {
		app_err("nothing was restored");
		rc = EXIT_ENV;
		goto out;
	}
	int src = store_restore_from(s, file);
	if (src != STORE_OK) {
		app_err("%s", store_errmsg(s));
		rc = src == STORE_NOT_DRILL || src == STORE_NEWER ? EXIT_USER : EXIT_ENV;
		goto out;
	}
	printf("Restored %s from %s; the database as it was is backed up in %s.\n", db, file,
	       written);
	struct settings sett;
	dir = paths_backups();
	if (settings_load(s, &sett, err, sizeof(err)) == 0 && dir != NULL &&
	    backup_rotate(dir, db, &sett.backups, NULL, err, sizeof(err)) != 0)
		app_err("%s", err);
	rc = EXIT_OK;
out:
	free(written);
	free(dir);
	free(db);
	store_close(s);
	return rc;
}

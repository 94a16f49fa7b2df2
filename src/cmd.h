/*
 * cmd: the subcommands of the drill binary and the options they share.
 *
 * Owns: struct app, the state main.c builds from the command line and the
 * environment before dispatching. Each cmd_*.c file implements one
 * subcommand and may print; only main.c exits. Every command returns an
 * exit status: EXIT_OK, EXIT_USER (bad input or arguments), EXIT_ENV
 * (database, files).
 */
#ifndef DRILL_CMD_H
#define DRILL_CMD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { EXIT_OK = 0, EXIT_USER = 1, EXIT_ENV = 2 };

struct app {
	const char *db_path; /* --db or $DRILL_DB; NULL: the default path */
	const char *stories_dir; /* --stories; NULL: $DRILL_STORIES or the default */
	bool has_seed;       /* --seed given */
	uint64_t seed;       /* --seed N; otherwise drawn from the clock */
	int64_t now_ms;      /* $DRILL_NOW or the real clock, unix ms UTC */
	bool now_fixed;      /* $DRILL_NOW was set */
	int64_t now_step_ms; /* $DRILL_NOW_STEP: a fixed clock moves this much per
				line a session reads (simulated time; 0: still) */
};

/*
 * Handles the options every command accepts (--db PATH, --seed N,
 * --stories DIR).
 * Returns 1 if opt was one of them, 0 if not, -1 (after printing an error)
 * if its argument is bad. Commands call it from their getopt_long loop
 * with the long option's name.
 */
int app_common_option(struct app *app, const char *name, const char *arg);

/*
 * Every line drill writes to stderr starts "drill CMD: ", CMD being the
 * command that runs ("study", "fsrs replay"). main sets it once before
 * dispatching (a command with subcommands narrows it); app_err prints one
 * such line, adding the newline.
 */
void app_set_command(const char *name);
const char *app_command(void);
void app_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct store;
/*
 * Opens the database named by --db / DRILL_DB / the default path, printing
 * any error. Returns EXIT_OK with *out set, or EXIT_ENV. With create false
 * (commands that only read), a database that does not exist yet is not
 * made: EXIT_OK with *out NULL. $DRILL_BUSY_TIMEOUT_MS (tests) sets how
 * long a lock held by another process is waited for.
 */
int app_open_store(const struct app *app, bool create, struct store **out);

/*
 * Writes a backup of s (the database app names) into the backups folder
 * (backup.h), then deletes the old ones the backup_* settings do not keep
 * unless rotate is false. On failure prints "cannot back up ..." (the
 * caller says what it did about it) and returns -1; else 0, with *written (may be NULL; caller
 * frees) the new file and *removed (may be NULL) the backups deleted.
 * app_open_store also calls it before upgrading a database's schema.
 */
int app_backup(const struct app *app, struct store *s, bool rotate, char **written,
	       int *removed);
/* Whether s holds anything to back up (a deck imported): the automatic
 * backups skip a database that is still empty. */
bool app_worth_backup(struct store *s);
/* Whether the database app names has a backup dated today (local date of
 * app->now_ms): the end of a session backs up at most once a day. */
bool app_backed_up_today(const struct app *app);

/*
 * Writes len bytes of text to path whole or not at all: into a temporary
 * file in the same folder, flushed to disk, then renamed over path. A file
 * already at path keeps its permissions; a new one gets 0666 less the
 * umask. Returns 0, or -1 with errno set (the temporary file removed).
 */
int app_write_file(const char *path, const char *text, size_t len);

struct import_counts;
/*
 * Imports the decks changed on disk since their last import (and new
 * bundled decks), then the story files if they changed (the "stories"
 * deck), printing any problem to stderr; a failed refresh leaves the
 * database as it was. Returns 0, or -1 when an import failed.
 */
int app_refresh_decks(const struct app *app, struct store *s, struct import_counts *counts);

struct story_set;
/*
 * Reads the story folder (--stories, $DRILL_STORIES or the default) into
 * set, printing every problem as a "drill CMD: path:line: ..." line. *dir
 * receives the folder (caller frees). Returns EXIT_OK (*missing when the
 * folder does not exist: no stories), EXIT_USER when a story has an error,
 * EXIT_ENV when no folder can be named or a file cannot be read.
 */
int app_read_stories(const struct app *app, char **dir, struct story_set *set, bool *missing);

/* The story files' part of app_refresh_decks (the "stories" deck); adds
 * what changed to *add when add is not NULL. */
struct import_counts;
int app_refresh_stories(const struct app *app, struct store *s, struct import_counts *add);

int cmd_study(struct app *app, int argc, char **argv);
int cmd_import(struct app *app, int argc, char **argv);
int cmd_stats(struct app *app, int argc, char **argv);
int cmd_plan(struct app *app, int argc, char **argv);
int cmd_calc(struct app *app, int argc, char **argv);
int cmd_audit(struct app *app, int argc, char **argv);
int cmd_fsrs(struct app *app, int argc, char **argv);
int cmd_config(struct app *app, int argc, char **argv);
int cmd_reschedule(struct app *app, int argc, char **argv);
int cmd_why(struct app *app, int argc, char **argv);
int cmd_coach(struct app *app, int argc, char **argv);
int cmd_mock(struct app *app, int argc, char **argv);
int cmd_story(struct app *app, int argc, char **argv);
int cmd_loop(struct app *app, int argc, char **argv);
int cmd_packet(struct app *app, int argc, char **argv);
int cmd_cards(struct app *app, int argc, char **argv);
int cmd_suspend(struct app *app, int argc, char **argv);
int cmd_unsuspend(struct app *app, int argc, char **argv);
int cmd_backup(struct app *app, int argc, char **argv);
int cmd_restore(struct app *app, int argc, char **argv);
int cmd_export(struct app *app, int argc, char **argv);

#endif

/*
 * main: the drill command line. Builds struct app from the environment and
 * the global options, then hands over to one subcommand (src/cmd_*.c).
 * The only place that exits.
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* strptime */
#endif
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"

#ifndef DRILL_VERSION
#define DRILL_VERSION "0"
#endif

static const struct main_command {
	const char *name;
	int (*fn)(struct app *, int, char **);
	const char *summary;
} main_commands[] = {
	{"study", cmd_study, "practise the cards that are due, then new ones (the default)"},
	{"import", cmd_import, "import deck files or folders (no path: the bundled decks)"},
	{"stats", cmd_stats, "due cards, streak, retention; charts of the forecast, reviews, decks"},
	{"plan", cmd_plan, "the plan toward the interview date (drill config interview_date)"},
	{"calc", cmd_calc, "work an impact calculation step by step"},
	{"audit", cmd_audit, "check the arithmetic of a worked calculation"},
	{"coach", cmd_coach, "analyse a typed STAR answer"},
	{"mock", cmd_mock, "a mock interview with defense follow-ups"},
	{"story", cmd_story, "your own stories: new, list, check, matrix"},
	{"loop", cmd_loop, "plan an interview loop from your stories, no story told twice"},
	{"packet", cmd_packet, "the promotion packet your stories support, and its gaps"},
	{"cards", cmd_cards, "list and search cards (drill cards is:leech deck:levels)"},
	{"suspend", cmd_suspend, "set cards aside so that no session shows them"},
	{"unsuspend", cmd_unsuspend, "bring suspended cards back"},
	{"export", cmd_export, "cards as Anki text, CSV or JSON; the review log as CSV"},
	{"backup", cmd_backup, "copy the database into the backups folder (rotated)"},
	{"restore", cmd_restore, "replace the database with a backup"},
	{"config", cmd_config, "show or change study settings"},
	{"reschedule", cmd_reschedule, "recompute every card's schedule from its history"},
	{"why", cmd_why, "a card's review history with R, S and D"},
	{"fsrs", cmd_fsrs, "scheduler tools (fsrs replay)"},
};

static void
main_usage(FILE *f)
{
	fprintf(f, "usage: drill [COMMAND] [OPTIONS]\n\n"
		   "Spaced-repetition practice for Amazon L6/L7 interviews and promotion panels.\n\n"
		   "Commands:\n");
	for (size_t i = 0; i < sizeof(main_commands) / sizeof(main_commands[0]); i++)
		fprintf(f, "  %-11s %s\n", main_commands[i].name, main_commands[i].summary);
	fprintf(f, "\nOptions for every command:\n"
		   "  --db PATH    database file (default $DRILL_DB, else\n"
		   "               $XDG_DATA_HOME/drill/drill.db or ~/.local/share/drill/drill.db)\n"
		   "  --seed N     make shuffles and generated numbers reproducible\n"
		   "  -h, --help   help for drill or for a command (drill COMMAND --help)\n"
		   "  --version    print the version\n\n"
		   "Environment: DRILL_DB, DRILL_NOW (unix seconds or ISO 8601: fixes the clock),\n"
		   "DRILL_NOW_STEP (seconds the fixed clock moves per answer line in a session),\n"
		   "DRILL_DECKS (the bundled decks folder), EDITOR, NO_COLOR.\n"
		   "Exit status: 0 ok, 1 user error (bad deck, bad arguments), 2 environment error.\n");
}

/* The instants DRILL_NOW may name: 0001-01-01 to 9999-12-31 (UTC), the
 * range `fsrs replay` accepts too; beyond it day numbers overflow. */
#define MAIN_NOW_MIN (-62135596800LL)
#define MAIN_NOW_MAX 253402300799LL

/* DRILL_NOW: unix seconds, or ISO 8601 (date, date and time, Z or local). */
static int
main_parse_now(const char *s, int64_t *ms)
{
	char *end;
	struct tm tm;
	const char *rest;
	long long secs;

	errno = 0;
	secs = strtoll(s, &end, 10);
	if (end != s && *end == '\0' && errno == 0)
		goto check;
	memset(&tm, 0, sizeof(tm));
	rest = strptime(s, "%Y-%m-%dT%H:%M:%S", &tm);
	if (rest == NULL) {
		memset(&tm, 0, sizeof(tm));
		rest = strptime(s, "%Y-%m-%d %H:%M:%S", &tm);
	}
	if (rest == NULL) {
		memset(&tm, 0, sizeof(tm));
		rest = strptime(s, "%Y-%m-%d", &tm);
	}
	if (rest == NULL || tm.tm_year < 1 - 1900 || tm.tm_year > 9999 - 1900)
		return -1;
	if (*rest == 'Z' && rest[1] == '\0') {
		secs = (long long)timegm(&tm);
	} else if ((*rest == '+' || *rest == '-') && strlen(rest) == 6 && rest[3] == ':') {
		int sign = *rest == '-' ? -1 : 1;
		int h = atoi(rest + 1), m = atoi(rest + 4);
		secs = (long long)timegm(&tm) - sign * (h * 3600 + m * 60);
	} else if (*rest == '\0') {
		tm.tm_isdst = -1;
		secs = (long long)mktime(&tm);
	} else {
		return -1;
	}
check:
	if (secs < MAIN_NOW_MIN || secs > MAIN_NOW_MAX)
		return -1;
	*ms = (int64_t)secs * 1000;
	return 0;
}

int
main(int argc, char **argv)
{
	struct app app;
	const char *now = getenv("DRILL_NOW");
	const char *name = "study";
	const struct main_command *cmd = NULL;
	int first = 1;

	memset(&app, 0, sizeof(app));
	if (argc > 1) {
		if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
		    strcmp(argv[1], "help") == 0) {
			main_usage(stdout);
			return EXIT_OK;
		}
		if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
			printf("drill %s\n", DRILL_VERSION);
			return EXIT_OK;
		}
		if (argv[1][0] != '-') {
			name = argv[1];
			first = 2;
		}
	}
	for (size_t i = 0; i < sizeof(main_commands) / sizeof(main_commands[0]); i++)
		if (strcmp(main_commands[i].name, name) == 0)
			cmd = &main_commands[i];
	if (cmd == NULL) {
		app_err("unknown command \"%s\" (see drill --help)", name);
		return EXIT_USER;
	}
	app_set_command(cmd->name);

	if (now != NULL && *now) {
		if (main_parse_now(now, &app.now_ms) != 0) {
			app_err("DRILL_NOW=\"%s\" is neither unix seconds nor ISO 8601 "
				"within the years 1 to 9999", now);
			return EXIT_USER;
		}
		app.now_fixed = true;
		const char *step = getenv("DRILL_NOW_STEP");
		if (step != NULL && *step) {
			char *end;
			long v = strtol(step, &end, 10);
			if (*end != '\0' || v < 0 || v > 86400) {
				app_err("DRILL_NOW_STEP=\"%s\" is not a number of seconds from 0 to 86400",
					step);
				return EXIT_USER;
			}
			app.now_step_ms = (int64_t)v * 1000;
		}
	} else {
		struct timeval tv;
		gettimeofday(&tv, NULL);
		app.now_ms = (int64_t)tv.tv_sec * 1000 + tv.tv_usec / 1000;
	}
	app.seed = (uint64_t)app.now_ms ^ ((uint64_t)getpid() << 32);

	/* The command sees "drill NAME" as argv[0], so getopt's own messages
	 * start like every other error line. */
	argv[first - 1] = (char *)app_command();
	return cmd->fn(&app, argc - first + 1, argv + first - 1);
}

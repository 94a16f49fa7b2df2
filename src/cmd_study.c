/* cmd_study: `drill` / `drill study` — a study session (see session.h). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "session.h"
#include "settings.h"
#include "store.h"

static void
cmd_study_usage(FILE *f)
{
	fprintf(f, "usage: drill [study] [--deck NAME] [--tag TAG] [--new N] [--limit N]\n"
		   "                     [--db PATH] [--seed N] [--stories DIR]\n\n"
		   "Practise the cards that are due today (learning cards first, then review\n"
		   "cards least likely to be recalled first), then new cards up to the daily\n"
		   "limit (drill config new_per_day), taken in turn from each deck (drill\n"
		   "config new_order). Decks changed on disk are imported first. Every grade\n"
		   "is saved before its verdict is shown.\n\n"
		   "  --deck NAME  only this deck (file name without .deck, or its name)\n"
		   "  --tag TAG    only cards with this tag\n"
		   "  --new N      introduce N new cards this session instead of the daily rest\n"
		   "  --limit N    stop after N reviews\n"
		   "  --db PATH    database (default $DRILL_DB or ~/.local/share/drill/drill.db)\n"
		   "  --seed N     reproducible shuffles and generated numbers\n"
		   "  --stories DIR  your story files (default $DRILL_STORIES or\n"
		   "               ~/.local/share/drill/stories): their cards are the \"stories\" deck\n\n"
		   "Answer typed cards by typing; self-graded cards with 1-4 or a/h/g/e.\n"
		   "Commands at any prompt: :hint :skip :undo :right :wrong :edit :suspend\n"
		   ":help :quit (:help explains them).\n"
		   "When stdin is not a terminal, one answer is read per line.\n");
}

static int
cmd_study_count(const char *opt, const char *arg, int *out)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (*arg == '\0' || *end != '\0' || v < 0 || v > 1000000) {
		app_err("%s needs a whole number from 0 to 1000000, not \"%s\"",
			opt, arg);
		return -1;
	}
	*out = (int)v;
	return 0;
}

int
cmd_study(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{"deck", required_argument, NULL, 'd'}, {"tag", required_argument, NULL, 't'},
		{"new", required_argument, NULL, 'n'},  {"limit", required_argument, NULL, 'l'},
		{"db", required_argument, NULL, 0},     {"seed", required_argument, NULL, 0},
		{"stories", required_argument, NULL, 0}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct session_opts o = {NULL, NULL, -1, 0};
	struct settings st;
	struct store *s = NULL;
	char err[512];
	int c, idx, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, &idx)) != -1) {
		switch (c) {
		case 0:
			if (app_common_option(app, opts[idx].name, optarg) < 0)
				return EXIT_USER;
			break;
		case 'd':
			o.deck = optarg;
			break;
		case 't':
			o.tag = optarg;
			break;
		case 'n':
			if (cmd_study_count("--new", optarg, &o.new_limit) != 0)
				return EXIT_USER;
			break;
		case 'l':
			if (cmd_study_count("--limit", optarg, &o.limit) != 0)
				return EXIT_USER;
			break;
		case 'h':
			cmd_study_usage(stdout);
			return EXIT_OK;
		default:
			cmd_study_usage(stderr);
			return EXIT_USER;
		}
	}
	if (optind < argc) {
		app_err("unexpected argument \"%s\"", argv[optind]);
		cmd_study_usage(stderr);
		return EXIT_USER;
	}
	rc = app_open_store(app, true, &s);
	if (rc != EXIT_OK)
		return rc;
	if (settings_load(s, &st, err, sizeof(err)) != 0) {
		app_err("%s (fix it with drill config)", err);
		store_close(s);
		return EXIT_ENV;
	}
	int reviewed = 0;
	rc = session_run(app, s, &st, &o, &reviewed);
	/* At most one backup a day, after a session that changed something:
	 * never before the first question (docs/storage.md, "Backups"). */
	if (reviewed > 0 && !app_backed_up_today(app) && app_backup(app, s, true, NULL, NULL) != 0)
		app_err("your reviews are saved in the database; only its daily backup was not made");
	store_close(s);
	return rc;
}

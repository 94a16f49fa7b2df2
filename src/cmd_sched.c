/*
 * cmd_sched: the scheduler's commands over the database —
 * `drill config`, `drill reschedule` and `drill why CARD`.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "deck.h"
#include "importer.h"
#include "paths.h"
#include "settings.h"
#include "store.h"
#include "util.h"

/* Parses the options every one of these commands takes; -1 on error,
 * 1 when --help was printed, 0 to go on. */
static int
cmd_sched_options(struct app *app, int argc, char **argv, const char *usage)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 0}, {"seed", required_argument, NULL, 0},
		{"help", no_argument, NULL, 'h'},   {NULL, 0, NULL, 0},
	};
	int c, idx;

	optind = 1;
	/* Options may follow KEY or CARD, as the usage lines show them. */
	while ((c = getopt_long(argc, argv, "h", opts, &idx)) != -1) {
		if (c == 0) {
			if (app_common_option(app, opts[idx].name, optarg) < 0)
				return -1;
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

static const char cmd_config_usage[] =
	"usage: drill config [--db PATH] [KEY [VALUE]]\n\n"
	"With no KEY, lists every setting with its value. With KEY, prints its value.\n"
	"With KEY VALUE, checks and saves it, e.g. drill config retention 0.85 (or 85%).\n"
	"After KEY only --db, --seed and --help are options: a VALUE such as -5 is a\n"
	"value (and refused when out of range).\n";

/*
 * drill config's arguments: options up to KEY as getopt reads them; after
 * KEY, only the exact common options, so that a VALUE like "-5" reaches the
 * range check. Leaves the KEY and VALUE in args. -1 error, 1 help, 0 go on.
 */
static int
cmd_config_options(struct app *app, int argc, char **argv, struct strv *args)
{
	int i = 1;

	for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		const char *a = argv[i], *val = NULL, *eq;
		char name[16];
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(cmd_config_usage, stdout);
			return 1;
		}
		eq = strchr(a, '=');
		snprintf(name, sizeof(name), "%.*s", (int)(eq ? (size_t)(eq - a) - 2 : strlen(a) - 2),
			 a + 2);
		if (strncmp(a, "--", 2) != 0 || (strcmp(name, "db") != 0 && strcmp(name, "seed") != 0)) {
			app_err("unknown option %s", a);
			fputs(cmd_config_usage, stderr);
			return -1;
		}
		val = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
		if (app_common_option(app, name, val) < 0)
			return -1;
	}
	for (; i < argc; i++) {
		const char *a = argv[i];
		bool common = strcmp(a, "--db") == 0 || strcmp(a, "--seed") == 0;
		if (strcmp(a, "--help") == 0) {
			fputs(cmd_config_usage, stdout);
			return 1;
		}
		if (common || strncmp(a, "--db=", 5) == 0 || strncmp(a, "--seed=", 7) == 0) {
			const char *eq = strchr(a, '=');
			char name[8];
			snprintf(name, sizeof(name), "%s", a[2] == 'd' ? "db" : "seed");
			if (app_common_option(app, name, eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL)) < 0)
				return -1;
			continue;
		}
		strv_push(args, a);
	}
	return 0;
}

int
cmd_config(struct app *app, int argc, char **argv)
{
	struct store *s = NULL;
	struct strv args = {0};
	char err[512];
	int rc = cmd_config_options(app, argc, argv, &args);

	if (rc != 0) {
		strv_free(&args);
		return rc < 0 ? EXIT_USER : EXIT_OK;
	}
	if (args.n > 2) {
		app_err("too many arguments: KEY and VALUE at most");
		fputs(cmd_config_usage, stderr);
		strv_free(&args);
		return EXIT_USER;
	}
	if ((rc = app_open_store(app, true, &s)) != EXIT_OK) {
		strv_free(&args);
		return rc;
	}
	if (args.n == 0) {
		size_t n;
		const struct settings_key *k = settings_keys(&n);
		for (size_t i = 0; i < n && rc == EXIT_OK; i++) {
			char *v = settings_get(s, k[i].name, err, sizeof(err));
			if (v == NULL) {
				app_err("%s", err);
				rc = EXIT_ENV;
				break;
			}
			printf("%-17s %-12s %s\n", k[i].name, v[0] ? v : "(none)", k[i].help);
			free(v);
		}
	} else if (args.n == 1) {
		char *v = settings_get(s, args.v[0], err, sizeof(err));
		if (v == NULL) {
			app_err("%s", err);
			rc = EXIT_USER;
		} else {
			printf("%s\n", v);
			free(v);
		}
	} else {
		int r = settings_set(s, args.v[0], args.v[1], err, sizeof(err));
		if (r != 0) {
			app_err("%s", err);
			rc = r == 1 ? EXIT_USER : EXIT_ENV;
		}
	}
	store_close(s);
	strv_free(&args);
	return rc;
}

/* Replays every card's log with the current settings. */
struct cmd_resched {
	struct store *s;
	const struct settings *st;
	char *card;              /* card being replayed */
	struct fsrs_card state;  /* its state so far */
	bool broken;
	int cards, moved;
	double total_shift;      /* days, summed over moved cards */
	double min_shift, max_shift;
	int failed;
};

static int
cmd_resched_finish(struct cmd_resched *r)
{
	struct store_card sc = {0};
	bool found = false;

	if (r->card == NULL)
		return 0;
	if (!r->broken && store_card_load(r->s, r->card, &sc, &found) != STORE_OK)
		return -1;
	if (found) {
		r->cards++;
		double shift = (double)(r->state.due - sc.sched.due) / 86400000.0;
		if (r->state.due != sc.sched.due || r->state.state != sc.sched.state ||
		    r->state.stability != sc.sched.stability) {
			r->moved++;
			r->total_shift += fabs(shift);
			if (r->moved == 1 || shift < r->min_shift)
				r->min_shift = shift;
			if (r->moved == 1 || shift > r->max_shift)
				r->max_shift = shift;
			if (store_set_sched(r->s, r->card, &r->state) != STORE_OK) {
				store_card_clear(&sc);
				return -1;
			}
		}
	}
	store_card_clear(&sc);
	free(r->card);
	r->card = NULL;
	return 0;
}

static int
cmd_resched_row(void *ctx, const struct store_review *rv)
{
	struct cmd_resched *r = ctx;

	if (r->card == NULL || strcmp(r->card, rv->card_id) != 0) {
		if (cmd_resched_finish(r) != 0)
			return -1;
		r->card = xstrdup(rv->card_id);
		memset(&r->state, 0, sizeof(r->state));
		r->broken = false;
	}
	if (r->broken)
		return 0;
	if (settings_replay_review(r->st, rv->card_id, &r->state, rv->at,
				   (enum fsrs_rating)rv->rating) != FSRS_OK)
		r->broken = true;
	return 0;
}

static const char cmd_reschedule_usage[] =
	"usage: drill reschedule [--db PATH]\n\n"
	"Recomputes every card's schedule from its review log with the current\n"
	"settings (retention, steps, weights, rollover), in one transaction, and\n"
	"reports how many cards moved and by how much.\n";

int
cmd_reschedule(struct app *app, int argc, char **argv)
{
	struct store *s = NULL;
	struct settings st;
	char err[512];
	struct cmd_resched r;
	int rc = cmd_sched_options(app, argc, argv, cmd_reschedule_usage);

	if (rc != 0)
		return rc < 0 ? EXIT_USER : EXIT_OK;
	if (optind < argc) {
		fputs(cmd_reschedule_usage, stderr);
		return EXIT_USER;
	}
	if ((rc = app_open_store(app, true, &s)) != EXIT_OK)
		return rc;
	if (settings_load(s, &st, err, sizeof(err)) != 0) {
		app_err("%s", err);
		store_close(s);
		return EXIT_ENV;
	}
	if (app_worth_backup(s) && app_backup(app, s, true, NULL, NULL) != 0) {
		app_err("nothing was rescheduled; make the backups folder writable (or set "
			"XDG_STATE_HOME to another folder) and try again");
		store_close(s);
		return EXIT_ENV;
	}
	memset(&r, 0, sizeof(r));
	r.s = s;
	r.st = &st;
	rc = store_begin(s);
	if (rc == STORE_OK)
		rc = store_each_review(s, NULL, cmd_resched_row, &r);
	if (rc == STORE_OK)
		rc = cmd_resched_finish(&r) == 0 ? STORE_OK : STORE_ERR;
	if (rc == STORE_OK)
		rc = store_commit(s);
	free(r.card);
	if (rc != STORE_OK) {
		store_rollback(s);
		app_err("%s; nothing was changed", store_errmsg(s));
		store_close(s);
		return EXIT_ENV;
	}
	printf("Rescheduled %d card%s with reviews: %d moved", r.cards, r.cards == 1 ? "" : "s",
	       r.moved);
	if (r.moved > 0)
		printf(", by %.1f days on average (from %+.1f to %+.1f days)",
		       r.total_shift / r.moved, r.min_shift, r.max_shift);
	printf(".\n");
	store_close(s);
	return EXIT_OK;
}

struct cmd_why {
	int n;
};

static int
cmd_why_row(void *ctx, const struct store_review *rv)
{
	struct cmd_why *w = ctx;
	time_t t = (time_t)(rv->at / 1000);
	struct tm tm;
	char when[32], r[16];

	localtime_r(&t, &tm);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm);
	if (isnan(rv->retrievability))
		snprintf(r, sizeof(r), "-");
	else
		snprintf(r, sizeof(r), "%.3f", rv->retrievability);
	printf("%-16s %-6s %-10s %6s %10.4f %6.3f %6d  %s\n", when,
	       fsrs_rating_name((enum fsrs_rating)rv->rating), fsrs_state_name(rv->before.state),
	       r, rv->after.stability, rv->after.difficulty, rv->after.scheduled_days,
	       rv->answer ? rv->answer : "");
	w->n++;
	return 0;
}

static const char cmd_why_usage[] =
	"usage: drill why CARD [--db PATH]\n\n"
	"Prints a card's review history: when, the grade, the state before, the\n"
	"retrievability R at that moment, and the stability S (days), difficulty D\n"
	"and interval (days) that the review produced. Without a database (which\n"
	"it does not create), a card of the bundled decks has no reviews yet.\n";

/* drill why CARD without a database: the card, if a bundled deck has it. */
static int
cmd_why_bundled(const struct app *app, const char *id)
{
	char *dir = paths_decks(), *db = paths_db(app->db_path);
	const char *const paths[] = {dir};
	struct diag_list dl = {0};
	struct deck **decks = NULL;
	const struct card *c = NULL;
	const struct deck *in = NULL;
	size_t n = 0;
	int rc = EXIT_OK;

	importer_read(paths, 1, &decks, &n, &dl);
	for (size_t i = 0; i < n && c == NULL; i++)
		for (size_t j = 0; j < decks[i]->ncards && c == NULL; j++)
			if (strcmp(decks[i]->cards[j].id, id) == 0) {
				c = &decks[i]->cards[j];
				in = decks[i];
			}
	if (c != NULL) {
		printf("%s (%s, %s:%d)\n", c->id, card_type_name(c->type), in->path, c->line);
		printf("now: new, no reviews yet (there is no database at %s yet)\n",
		       db != NULL ? db : "its default path");
	} else {
		app_err("no card with id \"%s\"", id);
		rc = EXIT_USER;
	}
	diag_list_free(&dl);
	importer_decks_free(decks, n);
	free(dir);
	free(db);
	return rc;
}

int
cmd_why(struct app *app, int argc, char **argv)
{
	struct store *s = NULL;
	struct store_card sc = {0};
	struct settings st;
	struct cmd_why w = {0};
	bool found = false;
	char err[512];
	int rc = cmd_sched_options(app, argc, argv, cmd_why_usage);

	if (rc != 0)
		return rc < 0 ? EXIT_USER : EXIT_OK;
	if (argc - optind != 1) {
		fputs(cmd_why_usage, stderr);
		return EXIT_USER;
	}
	/* Only reads: a missing database is not created. */
	if ((rc = app_open_store(app, false, &s)) != EXIT_OK)
		return rc;
	if (s == NULL)
		return cmd_why_bundled(app, argv[optind]);
	if (store_card_load(s, argv[optind], &sc, &found) != STORE_OK ||
	    settings_load(s, &st, err, sizeof(err)) != 0) {
		app_err("%s", found ? err : store_errmsg(s));
		store_close(s);
		return EXIT_ENV;
	}
	if (!found) {
		app_err("no card with id \"%s\"", argv[optind]);
		store_close(s);
		return EXIT_USER;
	}
	int64_t day = settings_day(app->now_ms, st.rollover);
	printf("%s (%s, %s:%d)%s%s\n", sc.id, sc.type, sc.deck_path, sc.line,
	       sc.suspended ? " suspended" : "", sc.retired ? " retired" : "");
	printf("now: %s, S %.4f, D %.3f, R %.3f, %d review%s, %d lapse%s\n",
	       fsrs_state_name(sc.sched.state), sc.sched.stability, sc.sched.difficulty,
	       fsrs_retrievability(&st.fsrs, &sc.sched, day), sc.sched.reps,
	       sc.sched.reps == 1 ? "" : "s", sc.sched.lapses, sc.sched.lapses == 1 ? "" : "s");
	printf("\n%-16s %-6s %-10s %6s %10s %6s %6s  %s\n", "when", "grade", "was", "R", "S",
	       "D", "days", "answer");
	rc = store_each_review(s, sc.id, cmd_why_row, &w);
	if (rc != STORE_OK)
		app_err("%s", store_errmsg(s));
	else if (w.n == 0)
		printf("(no reviews yet)\n");
	store_card_clear(&sc);
	store_close(s);
	return rc == STORE_OK ? EXIT_OK : EXIT_ENV;
}

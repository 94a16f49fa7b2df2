/* cmd_plan: `drill plan [--json]` — the plan toward the interview date; see cmd_plan.h. */
#include "cmd_plan.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "paths.h"
#include "settings.h"
#include "store.h"
#include "util.h"

static void
cmd_plan_usage(FILE *f)
{
	fprintf(f, "usage: drill plan [--json] [--db PATH]\n\n"
		   "The plan toward the interview date (drill config interview_date YYYY-MM-DD):\n"
		   "days left; the studied cards (not open, suspended or retired) by state; the\n"
		   "new cards a day needed to see every card interview_margin_days before the\n"
		   "date; the predicted recall on the day (the mean FSRS retrievability at the\n"
		   "start of that day, unseen cards counting 0) now and if the plan is followed;\n"
		   "the reviews and new cards planned for each day within review_budget; and the\n"
		   "final pass, which shows every card once more before the date.\n");
}

int
cmd_plan_load(struct store *s, const struct settings *st, int64_t now_ms, struct plan *out,
	      struct store_plan_card **cardsp, size_t *ncardsp)
{
	struct store_plan_card *cards = NULL;
	struct plan_card *pc = NULL;
	size_t n = 0;
	int seen = 0;
	int64_t today = settings_day(now_ms, st->rollover);
	int rc = store_plan_cards(s, &cards, &n);

	memset(out, 0, sizeof(*out));
	if (rc == STORE_OK)
		rc = store_new_seen_on(s, today, &seen);
	if (rc == STORE_OK) {
		pc = xcalloc(n ? n : 1, sizeof(*pc));
		for (size_t i = 0; i < n; i++) {
			pc[i].sched = cards[i].sched;
			pc[i].seconds = cards[i].seconds;
		}
		struct plan_in in = {
			.p = &st->fsrs, .today = today, .date = st->interview_day,
			.margin = st->margin_days, .budget = st->budget,
			.new_per_day = st->new_per_day, .new_seen_today = seen,
			.cards = pc, .ncards = n,
		};
		plan_compute(&in, out);
	}
	free(pc);
	if (cardsp != NULL && rc == STORE_OK) {
		*cardsp = cards;
		*ncardsp = n;
	} else {
		store_plan_cards_free(cards, n);
	}
	return rc;
}

static void
cmd_plan_json(const struct settings *st, const struct plan *pl)
{
	json_t *o = json_object(), *cards = json_object(), *days = json_array();
	json_t *pass = json_object();
	char date[16];

	json_object_set_new(o, "interview_date", json_string(st->interview_date));
	json_object_set_new(o, "days_left", json_integer(pl->days_left));
	json_object_set_new(o, "margin_days", json_integer(st->margin_days));
	json_object_set_new(o, "review_budget", json_integer(st->budget));
	json_object_set_new(cards, "total", json_integer(pl->total));
	json_object_set_new(cards, "unseen", json_integer(pl->unseen));
	json_object_set_new(cards, "learning", json_integer(pl->learning));
	json_object_set_new(cards, "review", json_integer(pl->review));
	json_object_set_new(o, "cards", cards);
	json_object_set_new(o, "new_per_day_needed", json_integer(pl->new_per_day_needed));
	json_object_set_new(o, "short_of_margin", json_boolean(pl->short_of_margin));
	json_object_set_new(o, "predicted_recall_now", json_real(pl->recall_now));
	json_object_set_new(o, "predicted_recall_planned", json_real(pl->recall_planned));
	for (size_t i = 0; i < pl->ndays; i++) {
		json_t *d = json_object();
		plan_format_date(pl->days[i].day, date, sizeof(date));
		json_object_set_new(d, "date", json_string(date));
		json_object_set_new(d, "due", json_integer(pl->days[i].due));
		json_object_set_new(d, "new", json_integer(pl->days[i].fresh));
		json_array_append_new(days, d);
	}
	json_object_set_new(o, "days", days);
	plan_format_date(pl->pass_start, date, sizeof(date));
	json_object_set_new(pass, "start", json_string(date));
	json_object_set_new(pass, "cards", json_integer(pl->pass_cards));
	json_object_set_new(o, "final_pass", pass);
	char *text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	puts(text);
	free(text);
	json_decref(o);
}

static void
cmd_plan_text(const struct settings *st, const struct plan *pl)
{
	char date[16];

	if (pl->days_left <= 0) {
		printf("The interview date %s is %s: sessions schedule by plain FSRS again.\n"
		       "Set the next date with drill config interview_date YYYY-MM-DD, or clear it "
		       "with drill config interview_date none.\n",
		       st->interview_date, pl->days_left == 0 ? "today" : "past");
		return;
	}
	printf("Interview on %s: %lld day%s left (margin %d day%s, budget %d reviews a day).\n",
	       st->interview_date, (long long)pl->days_left, pl->days_left == 1 ? "" : "s",
	       st->margin_days, st->margin_days == 1 ? "" : "s", st->budget);
	printf("Cards: %d studied: %d unseen, %d learning, %d in review.\n", pl->total, pl->unseen,
	       pl->learning, pl->review);
	if (pl->short_of_margin) {
		printf("Fewer days are left than the margin of %d: the plan shows every unseen card "
		       "in the days that remain, %d a day, and reviews the rest before the date.\n",
		       st->margin_days, pl->new_per_day_needed);
	} else {
		plan_format_date(st->interview_day - st->margin_days, date, sizeof(date));
		printf("New cards a day needed: %d (to see every card by %s; new_per_day is %d).\n",
		       pl->new_per_day_needed, date, st->new_per_day);
	}
	printf("Predicted recall on the day: %.0f%% now, %.0f%% if the plan is followed.\n",
	       100 * pl->recall_now, 100 * pl->recall_planned);
	plan_format_date(pl->pass_start, date, sizeof(date));
	printf("Final pass: from %s, every one of the %d cards once more, most useful first.\n",
	       date, pl->pass_cards);
	printf("\n%-10s  %7s  %5s\n", "date", "reviews", "new");
	for (size_t i = 0; i < pl->ndays; i++) {
		plan_format_date(pl->days[i].day, date, sizeof(date));
		printf("%-10s  %7d  %5d%s\n", date, pl->days[i].due, pl->days[i].fresh,
		       pl->days[i].pass ? "  final pass" : "");
	}
}

int
cmd_plan(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'}, {"db", required_argument, NULL, 0},
		{"seed", required_argument, NULL, 0}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool json = false;
	struct store *s = NULL;
	struct settings st;
	struct plan pl;
	char err[512];
	int c, idx, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, &idx)) != -1) {
		if (c == 0) {
			if (app_common_option(app, opts[idx].name, optarg) < 0)
				return EXIT_USER;
		} else if (c == 'j') {
			json = true;
		} else if (c == 'h') {
			cmd_plan_usage(stdout);
			return EXIT_OK;
		} else {
			cmd_plan_usage(stderr);
			return EXIT_USER;
		}
	}
	if (optind < argc) {
		app_err("unexpected argument \"%s\"", argv[optind]);
		return EXIT_USER;
	}
	if ((rc = app_open_store(app, false, &s)) != EXIT_OK)
		return rc;
	if (s == NULL) {
		char *path = paths_db(app->db_path);
		if (json)
			printf("{\n  \"interview_date\": null\n}\n");
		else
			printf("Nothing to plan yet: there is no database at %s.\n"
			       "Run drill to start a session (or drill import to load decks).\n", path);
		free(path);
		return EXIT_OK;
	}
	if (settings_load(s, &st, err, sizeof(err)) != 0) {
		app_err("%s (fix it with drill config)", err);
		store_close(s);
		return EXIT_ENV;
	}
	if (!st.has_interview) {
		if (json)
			printf("{\n  \"interview_date\": null\n}\n");
		else
			printf("No interview date is set: drill config interview_date YYYY-MM-DD "
			       "sets one.\n");
		store_close(s);
		return EXIT_OK;
	}
	if (cmd_plan_load(s, &st, app->now_ms, &pl, NULL, NULL) != STORE_OK) {
		app_err("%s", store_errmsg(s));
		store_close(s);
		return EXIT_ENV;
	}
	if (json)
		cmd_plan_json(&st, &pl);
	else
		cmd_plan_text(&st, &pl);
	plan_clear(&pl);
	store_close(s);
	return EXIT_OK;
}

/* Per deck (cards come sorted by deck key): mean recall on the day now and planned. */
static json_t *
cmd_plan_deck_json(const struct plan *pl, const struct store_plan_card *cards, size_t n,
		   const struct settings *st)
{
	json_t *decks = json_object();

	for (size_t i = 0; i < n;) {
		size_t j = i;
		double now = 0, planned = 0;
		for (; j < n && strcmp(cards[j].deck_key, cards[i].deck_key) == 0; j++) {
			now += fsrs_retrievability(&st->fsrs, &cards[j].sched, st->interview_day);
			planned += pl->card_recall ? pl->card_recall[j] : 0;
		}
		json_t *d = json_object();
		json_object_set_new(d, "cards", json_integer((json_int_t)(j - i)));
		json_object_set_new(d, "predicted_recall_now", json_real(now / (double)(j - i)));
		json_object_set_new(d, "predicted_recall", json_real(planned / (double)(j - i)));
		json_object_set_new(decks, cards[i].deck_key, d);
		i = j;
	}
	return decks;
}

int
cmd_plan_stats(struct store *s, const struct settings *st, int64_t now_ms, json_t *json)
{
	struct plan pl;
	struct store_plan_card *cards = NULL;
	size_t n = 0;

	if (!st->has_interview)
		return 0;
	if (cmd_plan_load(s, st, now_ms, &pl, &cards, &n) != STORE_OK) {
		app_err("%s", store_errmsg(s));
		return -1;
	}
	/* On track: the plan, followed, reaches the desired retention on the day. */
	bool on_track = pl.days_left > 0 && pl.recall_planned >= st->fsrs.retention;
	if (json != NULL) {
		json_t *r = json_object();
		json_object_set_new(r, "interview_date", json_string(st->interview_date));
		json_object_set_new(r, "days_left", json_integer(pl.days_left));
		json_object_set_new(r, "predicted_recall_now", json_real(pl.recall_now));
		json_object_set_new(r, "predicted_recall_planned", json_real(pl.recall_planned));
		json_object_set_new(r, "on_track", json_boolean(on_track));
		json_object_set_new(r, "decks", cmd_plan_deck_json(&pl, cards, n, st));
		json_object_set_new(json, "readiness", r);
	} else if (pl.days_left <= 0) {
		printf("\nReadiness: the interview date %s is %s.\n", st->interview_date,
		       pl.days_left == 0 ? "today" : "past");
	} else {
		printf("\nReadiness: %lld day%s to the interview on %s; recall on the day %.0f%% now, "
		       "%.0f%% with the plan: %s (desired retention %.0f%%).\n",
		       (long long)pl.days_left, pl.days_left == 1 ? "" : "s", st->interview_date,
		       100 * pl.recall_now, 100 * pl.recall_planned,
		       on_track ? "on track" : "not on track", 100 * st->fsrs.retention);
		json_t *decks = cmd_plan_deck_json(&pl, cards, n, st);
		for (void *it = json_object_iter(decks); it != NULL;
		     it = json_object_iter_next(decks, it)) {
			json_t *d = json_object_iter_value(it);
			printf("  %-14s recall on the day %3.0f%% now, %3.0f%% planned\n",
			       json_object_iter_key(it),
			       100 * json_real_value(json_object_get(d, "predicted_recall_now")),
			       100 * json_real_value(json_object_get(d, "predicted_recall")));
		}
		json_decref(decks);
	}
	store_plan_cards_free(cards, n);
	plan_clear(&pl);
	return 0;
}

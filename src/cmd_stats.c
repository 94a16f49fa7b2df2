/* cmd_stats: `drill stats [--json]` — progress at a glance. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cmd.h"
#include "cmd_plan.h"
#include "paths.h"
#include "settings.h"
#include "store.h"
#include "util.h"

#define STATS_STREAK_MAX 3660

static void
cmd_stats_usage(FILE *f)
{
	fprintf(f, "usage: drill stats [--json] [--db PATH]\n\n"
		   "Review cards due today (by the end of the study day) and learning cards\n"
		   "due now (within 20 minutes) or later today, as a session counts them;\n"
		   "cards due tomorrow and within the next 7 days; reviews today; the streak\n"
		   "of consecutive study days; retention over 30 days (reviews of cards in\n"
		   "the Review state not graded Again); cards per deck by state.\n"
		   "Without a database yet, says so and changes nothing.\n");
}

int
cmd_stats(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'}, {"db", required_argument, NULL, 0},
		{"seed", required_argument, NULL, 0}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool json = false;
	struct store *s = NULL;
	struct settings st;
	struct store_deck_stats *decks = NULL;
	size_t ndecks = 0, ndays = 0;
	int64_t *days = NULL;
	int64_t today_n = 0, tomorrow_n = 0, week_n = 0, reviewed = 0, passed = 0, total = 0;
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
			cmd_stats_usage(stdout);
			return EXIT_OK;
		} else {
			cmd_stats_usage(stderr);
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
			printf("{\n  \"database\": null\n}\n");
		else
			printf("Nothing studied yet: there is no database at %s.\n"
			       "Run drill to start a session (or drill import to load decks).\n", path);
		free(path);
		return EXIT_OK;
	}
	if (settings_load(s, &st, err, sizeof(err)) != 0) {
		app_err("%s", err);
		store_close(s);
		return EXIT_ENV;
	}
	struct store_when when;
	struct store_due_counts now_n;
	settings_when(&st, app->now_ms, &when);
	int64_t day = when.day;
	int64_t end_today = when.day_end;
	int64_t end_tomorrow = settings_day_start(day + 2, st.rollover);
	int64_t end_week = settings_day_start(day + 7, st.rollover);
	int64_t until_tomorrow = 0;
	days = xmalloc(STATS_STREAK_MAX * sizeof(*days));
	rc = store_count_due_at(s, NULL, &when, &now_n);
	if (rc == STORE_OK)
		rc = store_count_due(s, end_today, &today_n);
	if (rc == STORE_OK)
		rc = store_count_due(s, end_tomorrow, &until_tomorrow);
	if (rc == STORE_OK)
		rc = store_count_due(s, end_week, &week_n);
	if (rc == STORE_OK)
		rc = store_reviews_on(s, day, &reviewed);
	if (rc == STORE_OK)
		rc = store_review_days(s, days, STATS_STREAK_MAX, &ndays);
	if (rc == STORE_OK)
		rc = store_retention(s, day - 29, &passed, &total);
	if (rc == STORE_OK)
		rc = store_deck_stats(s, &decks, &ndecks);
	if (rc != STORE_OK) {
		app_err("%s", store_errmsg(s));
		free(days);
		store_close(s);
		return EXIT_ENV;
	}
	tomorrow_n = until_tomorrow - today_n;

	/* The streak counts back from today, or from yesterday before today's first review. */
	int64_t streak = 0, expect = ndays > 0 && days[0] == day ? day : day - 1;
	for (size_t i = 0; i < ndays && days[i] == expect; i++, expect--)
		streak++;

	if (json) {
		json_t *o = json_object(), *due = json_object(), *ret = json_object();
		json_t *arr = json_array();
		json_object_set_new(due, "today", json_integer(now_n.review));
		json_object_set_new(due, "learning_now", json_integer(now_n.learn_now));
		json_object_set_new(due, "learning_later_today", json_integer(now_n.learn_later));
		json_object_set_new(due, "tomorrow", json_integer(tomorrow_n));
		json_object_set_new(due, "week", json_integer(week_n));
		json_object_set_new(o, "due", due);
		json_object_set_new(o, "reviewed_today", json_integer(reviewed));
		json_object_set_new(o, "streak_days", json_integer(streak));
		json_object_set_new(ret, "passed", json_integer(passed));
		json_object_set_new(ret, "total", json_integer(total));
		json_object_set_new(ret, "rate", total ? json_real((double)passed / (double)total)
						       : json_null());
		json_object_set_new(o, "retention_30d", ret);
		for (size_t i = 0; i < ndecks; i++) {
			json_t *d = json_object();
			json_object_set_new(d, "deck", json_string(decks[i].key));
			json_object_set_new(d, "name", json_string(decks[i].name));
			json_object_set_new(d, "new", json_integer(decks[i].by_state[0]));
			json_object_set_new(d, "learning", json_integer(decks[i].by_state[1]));
			json_object_set_new(d, "review", json_integer(decks[i].by_state[2]));
			json_object_set_new(d, "relearning", json_integer(decks[i].by_state[3]));
			json_object_set_new(d, "suspended", json_integer(decks[i].suspended));
			json_object_set_new(d, "retired", json_integer(decks[i].retired));
			json_array_append_new(arr, d);
		}
		json_object_set_new(o, "decks", arr);
		if (cmd_plan_stats(s, &st, app->now_ms, o) != 0)
			rc = EXIT_ENV;
		char *text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(text);
		free(text);
		json_decref(o);
	} else {
		printf("Due today: %lld review card%s; learning: %lld now, %lld later today\n",
		       (long long)now_n.review, now_n.review == 1 ? "" : "s",
		       (long long)now_n.learn_now, (long long)now_n.learn_later);
		printf("Due tomorrow: %lld    next 7 days: %lld\n", (long long)tomorrow_n,
		       (long long)week_n);
		printf("Reviewed today: %lld\n", (long long)reviewed);
		printf("Streak: %lld day%s\n", (long long)streak, streak == 1 ? "" : "s");
		if (total > 0)
			printf("Retention (30 days): %.0f%% of %lld review%s\n",
			       100.0 * (double)passed / (double)total, (long long)total,
			       total == 1 ? "" : "s");
		else
			printf("Retention (30 days): no reviews of mature cards yet\n");
		printf("\n%-14s %6s %9s %7s %11s %10s %8s\n", "deck", "new", "learning", "review",
		       "relearning", "suspended", "retired");
		for (size_t i = 0; i < ndecks; i++)
			printf("%-14s %6lld %9lld %7lld %11lld %10lld %8lld\n", decks[i].key,
			       (long long)decks[i].by_state[0], (long long)decks[i].by_state[1],
			       (long long)decks[i].by_state[2], (long long)decks[i].by_state[3],
			       (long long)decks[i].suspended, (long long)decks[i].retired);
		if (cmd_plan_stats(s, &st, app->now_ms, NULL) != 0)
			rc = EXIT_ENV;
	}
	store_deck_stats_free(decks, ndecks);
	free(days);
	store_close(s);
	return rc == STORE_OK ? EXIT_OK : EXIT_ENV;
}

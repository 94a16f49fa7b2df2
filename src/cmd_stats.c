/* cmd_stats: `drill stats [--deck KEY] [--ascii] [--json]` — progress at a
 * glance: today's figures, then the charts of chart.h. */
#include <ctype.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "chart.h"
#include "cmd.h"
#include "cmd_plan.h"
#include "paths.h"
#include "settings.h"
#include "store.h"
#include "util.h"

#define STATS_STREAK_MAX 3660
#define STATS_FORECAST_DAYS 30
#define STATS_RECENT_DAYS 30
#define STATS_HEAT_WEEKS 26
#define STATS_MATURE_DAYS 21 /* an interval this long or longer makes a card mature */
#define STATS_LIST_MAX 10    /* leeches and most-lapsed cards shown as text */

static void
cmd_stats_usage(FILE *f)
{
	fprintf(f, "usage: drill stats [--deck KEY] [--ascii] [--json] [--db PATH]\n\n"
		   "Review cards due today (by the end of the study day) and learning cards\n"
		   "due now (within 20 minutes) or later today, as a session counts them;\n"
		   "cards due tomorrow and within the next 7 days; reviews today; the streak\n"
		   "of consecutive study days; retention over 30 days (reviews of cards in\n"
		   "the Review state not graded Again). Then, as charts: the cards due on\n"
		   "each of the next 30 days; reviews per day over 26 weeks with the current\n"
		   "and longest streak; reviews per day over 30 days by the card's state;\n"
		   "true retention today, yesterday, over 7 and 30 days, young (interval\n"
		   "under 21 days) and mature; cards per deck by state, with retention;\n"
		   "leeches and the cards with most lapses; mean answer time per card type.\n\n"
		   "  --deck KEY  only the cards of one deck (its key or name)\n"
		   "  --ascii     draw with plain ASCII (the default when the locale is not UTF-8)\n"
		   "  --json      every figure as JSON\n\n"
		   "Without a database yet, says so and changes nothing.\n");
}

/* Whether the locale's character set is UTF-8, as LC_ALL, LC_CTYPE and
 * LANG name it (the first one set wins, as setlocale reads them). */
static bool
cmd_stats_utf8_locale(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};

	for (size_t i = 0; i < ARRAY_LEN(vars); i++) {
		const char *v = getenv(vars[i]);
		if (v == NULL || *v == '\0')
			continue;
		for (const char *p = v; *p != '\0'; p++)
			if (strncasecmp(p, "utf-8", 5) == 0 || strncasecmp(p, "utf8", 4) == 0)
				return true;
		return false;
	}
	return false;
}

/* Everything drill stats reports, read from the store once. */
struct cmd_stats_data {
	int64_t day;                      /* today's study day */
	struct store_due_counts now;      /* due today, as a session counts it */
	int64_t today_n, tomorrow_n, week_n, reviewed;
	int64_t streak, longest;          /* days */
	int64_t passed, total;            /* retention over 30 days */
	int64_t forecast[STATS_FORECAST_DAYS]; /* [0] today (the one rule), then each day */
	int64_t heat_first;               /* day number of heat[0], a Monday */
	size_t nheat;                     /* days from heat_first to today */
	struct store_day_reviews *heat;   /* nheat days */
	struct store_deck_stats *decks;
	size_t ndecks;
	struct store_lapsed *leeches, *lapsed;
	size_t nleeches, nlapsed;
	struct store_answer_time *times;
	size_t ntimes;
};

static void
cmd_stats_data_free(struct cmd_stats_data *d)
{
	free(d->heat);
	store_deck_stats_free(d->decks, d->ndecks);
	store_lapsed_free(d->leeches, d->nleeches);
	store_lapsed_free(d->lapsed, d->nlapsed);
	store_answer_times_free(d->times, d->ntimes);
}

/* Reads every figure; deck is NULL for all decks. */
static int
cmd_stats_read(struct store *s, const struct settings *st, int64_t now_ms, const char *deck,
	       struct cmd_stats_data *d)
{
	struct store_filter f = {.deck = deck, .tag = NULL};
	struct store_when when;
	int64_t bounds[STATS_FORECAST_DAYS];
	int64_t until_tomorrow = 0, *days = NULL;
	size_t ndays = 0;
	int rc;

	settings_when(st, now_ms, &when);
	d->day = when.day;
	d->heat_first = d->day - chart_weekday(d->day) - 7 * (STATS_HEAT_WEEKS - 1);
	d->nheat = (size_t)(d->day - d->heat_first + 1);
	d->heat = xcalloc(d->nheat, sizeof(*d->heat));
	/* The forecast: today by the due-today rule, then each later study day. */
	bounds[0] = when.day_end;
	for (int k = 1; k < STATS_FORECAST_DAYS; k++)
		bounds[k] = settings_day_start(d->day + k + 1, st->rollover);
	days = xmalloc(STATS_STREAK_MAX * sizeof(*days));
	rc = store_count_due_at(s, &f, &when, &d->now);
	if (rc == STORE_OK)
		rc = store_count_due(s, deck, when.day_end, &d->today_n);
	if (rc == STORE_OK)
		rc = store_count_due(s, deck, settings_day_start(d->day + 2, st->rollover),
				     &until_tomorrow);
	if (rc == STORE_OK)
		rc = store_count_due(s, deck, settings_day_start(d->day + 7, st->rollover),
				     &d->week_n);
	if (rc == STORE_OK)
		rc = store_due_per_day(s, deck, bounds, STATS_FORECAST_DAYS, d->forecast + 1);
	if (rc == STORE_OK)
		rc = store_reviews_on(s, deck, d->day, &d->reviewed);
	if (rc == STORE_OK)
		rc = store_review_days(s, deck, days, STATS_STREAK_MAX, &ndays);
	if (rc == STORE_OK)
		rc = store_retention(s, deck, d->day - 29, &d->passed, &d->total);
	if (rc == STORE_OK)
		rc = store_reviews_by_day(s, deck, d->heat_first, d->nheat, d->heat);
	if (rc == STORE_OK)
		rc = store_deck_stats(s, d->day - 29, &d->decks, &d->ndecks);
	if (rc == STORE_OK)
		rc = store_lapsed_cards(s, deck, true, 0, &d->leeches, &d->nleeches);
	if (rc == STORE_OK)
		rc = store_lapsed_cards(s, deck, false, STATS_LIST_MAX, &d->lapsed, &d->nlapsed);
	if (rc == STORE_OK)
		rc = store_answer_times(s, deck, d->day - (STATS_RECENT_DAYS - 1), &d->times,
					&d->ntimes);
	d->tomorrow_n = until_tomorrow - d->today_n;
	d->forecast[0] = d->now.review + d->now.learn_now + d->now.learn_later;
	chart_streaks(days, ndays, d->day, &d->streak, &d->longest);
	free(days);
	/* With --deck, the deck table keeps that deck's row alone. */
	if (rc == STORE_OK && deck != NULL) {
		size_t k = 0;
		for (size_t i = 0; i < d->ndecks; i++) {
			if (strcmp(d->decks[i].key, deck) == 0 ||
			    strcasecmp(d->decks[i].name, deck) == 0) {
				struct store_deck_stats keep = d->decks[i];
				d->decks[i] = d->decks[k];
				d->decks[k++] = keep;
			}
		}
		for (size_t i = k; i < d->ndecks; i++) {
			free(d->decks[i].key);
			free(d->decks[i].name);
		}
		d->ndecks = k;
	}
	return rc;
}

/* The heat entry of day, or NULL outside the 26 weeks. */
static const struct store_day_reviews *
cmd_stats_on(const struct cmd_stats_data *d, int64_t day)
{
	if (day < d->heat_first || day > d->day)
		return NULL;
	return &d->heat[day - d->heat_first];
}

static int64_t
cmd_stats_day_total(const struct store_day_reviews *r)
{
	return r ? r->by_state[0] + r->by_state[1] + r->by_state[2] + r->by_state[3] : 0;
}

/* Review-state answers over days [from, to]: passed and total, young [0] and mature [1]. */
static void
cmd_stats_true_retention(const struct cmd_stats_data *d, int64_t from, int64_t to,
			 int64_t passed[2], int64_t total[2])
{
	passed[0] = passed[1] = total[0] = total[1] = 0;
	for (int64_t day = from; day <= to; day++) {
		const struct store_day_reviews *r = cmd_stats_on(d, day);
		for (int m = 0; r && m < 2; m++) {
			passed[m] += r->passed[m];
			total[m] += r->total[m];
		}
	}
}

static const struct {
	const char *key, *label;
	int64_t from, to; /* days before today */
} cmd_stats_periods[] = {
	{"today", "today", 0, 0},
	{"yesterday", "yesterday", 1, 1},
	{"last_7_days", "last 7 days", 6, 0},
	{"last_30_days", "last 30 days", 29, 0},
};

/* The series of the stacked chart, bottom up, as enum fsrs_state. */
static const int cmd_stats_stack[4] = {FSRS_REVIEW, FSRS_RELEARNING, FSRS_LEARNING, FSRS_NEW};
static const char *const cmd_stats_state_names[4] = {"new", "learning", "review", "relearning"};

static json_t *
cmd_stats_json_rate(int64_t passed, int64_t total)
{
	json_t *o = json_object();
	json_object_set_new(o, "passed", json_integer(passed));
	json_object_set_new(o, "total", json_integer(total));
	json_object_set_new(o, "rate", total ? json_real((double)passed / (double)total)
					     : json_null());
	return o;
}

static json_t *
cmd_stats_json_cards(const struct store_lapsed *v, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *c = json_object();
		json_object_set_new(c, "id", json_string(v[i].id));
		json_object_set_new(c, "deck", json_string(v[i].deck_key));
		json_object_set_new(c, "type", json_string(v[i].type));
		json_object_set_new(c, "lapses", json_integer(v[i].lapses));
		json_object_set_new(c, "leech", json_boolean(v[i].leech));
		json_object_set_new(c, "suspended", json_boolean(v[i].suspended));
		json_array_append_new(arr, c);
	}
	return arr;
}

/*
 * Prints everything as JSON; with an interview date, the plan adds
 * "readiness" (cmd_plan_stats). EXIT_OK, or EXIT_ENV when the plan's
 * reading failed.
 */
static int
cmd_stats_print_json(const struct cmd_stats_data *d, const char *deck, struct store *s,
		     const struct settings *set, int64_t now_ms)
{
	json_t *o = json_object(), *due = json_object(), *arr;
	int rc = EXIT_OK;
	char date[16];

	json_object_set_new(o, "deck", deck ? json_string(deck) : json_null());
	json_object_set_new(due, "today", json_integer(d->now.review));
	json_object_set_new(due, "learning_now", json_integer(d->now.learn_now));
	json_object_set_new(due, "learning_later_today", json_integer(d->now.learn_later));
	json_object_set_new(due, "tomorrow", json_integer(d->tomorrow_n));
	json_object_set_new(due, "week", json_integer(d->week_n));
	json_object_set_new(o, "due", due);
	json_object_set_new(o, "reviewed_today", json_integer(d->reviewed));
	json_object_set_new(o, "streak_days", json_integer(d->streak));
	json_object_set_new(o, "retention_30d", cmd_stats_json_rate(d->passed, d->total));

	arr = json_array();
	for (int k = 0; k < STATS_FORECAST_DAYS; k++) {
		json_t *e = json_object();
		chart_iso_date(d->day + k, date, sizeof(date));
		json_object_set_new(e, "date", json_string(date));
		json_object_set_new(e, "due", json_integer(d->forecast[k]));
		json_array_append_new(arr, e);
	}
	json_object_set_new(o, "forecast", arr);

	json_t *heat = json_object();
	arr = json_array();
	for (size_t i = 0; i < d->nheat; i++) {
		json_t *e = json_object();
		chart_iso_date(d->heat_first + (int64_t)i, date, sizeof(date));
		json_object_set_new(e, "date", json_string(date));
		json_object_set_new(e, "reviews", json_integer(cmd_stats_day_total(&d->heat[i])));
		json_array_append_new(arr, e);
	}
	json_object_set_new(heat, "days", arr);
	json_object_set_new(heat, "current_streak", json_integer(d->streak));
	json_object_set_new(heat, "longest_streak", json_integer(d->longest));
	json_object_set_new(o, "heatmap", heat);

	arr = json_array();
	for (int64_t day = d->day - (STATS_RECENT_DAYS - 1); day <= d->day; day++) {
		const struct store_day_reviews *r = cmd_stats_on(d, day);
		json_t *e = json_object();
		chart_iso_date(day, date, sizeof(date));
		json_object_set_new(e, "date", json_string(date));
		for (int k = 0; k < 4; k++)
			json_object_set_new(e, cmd_stats_state_names[k],
					    json_integer(r ? r->by_state[k] : 0));
		json_array_append_new(arr, e);
	}
	json_object_set_new(o, "reviews_30d", arr);

	json_t *tr = json_object();
	for (size_t p = 0; p < ARRAY_LEN(cmd_stats_periods); p++) {
		int64_t passed[2], total[2];
		json_t *e = json_object();
		cmd_stats_true_retention(d, d->day - cmd_stats_periods[p].from,
					 d->day - cmd_stats_periods[p].to, passed, total);
		json_object_set_new(e, "young", cmd_stats_json_rate(passed[0], total[0]));
		json_object_set_new(e, "mature", cmd_stats_json_rate(passed[1], total[1]));
		json_object_set_new(e, "all", cmd_stats_json_rate(passed[0] + passed[1],
								  total[0] + total[1]));
		json_object_set_new(tr, cmd_stats_periods[p].key, e);
	}
	json_object_set_new(o, "true_retention", tr);

	arr = json_array();
	for (size_t i = 0; i < d->ndecks; i++) {
		const struct store_deck_stats *k = &d->decks[i];
		json_t *e = json_object();
		json_object_set_new(e, "deck", json_string(k->key));
		json_object_set_new(e, "name", json_string(k->name));
		for (int st = 0; st < 4; st++)
			json_object_set_new(e, cmd_stats_state_names[st], json_integer(k->by_state[st]));
		json_object_set_new(e, "suspended", json_integer(k->suspended));
		json_object_set_new(e, "retired", json_integer(k->retired));
		json_object_set_new(e, "retention_30d", cmd_stats_json_rate(k->passed, k->answered));
		json_array_append_new(arr, e);
	}
	json_object_set_new(o, "decks", arr);
	json_object_set_new(o, "leeches", cmd_stats_json_cards(d->leeches, d->nleeches));
	json_object_set_new(o, "most_lapses", cmd_stats_json_cards(d->lapsed, d->nlapsed));

	arr = json_array();
	for (size_t i = 0; i < d->ntimes; i++) {
		json_t *e = json_object();
		json_object_set_new(e, "type", json_string(d->times[i].type));
		json_object_set_new(e, "answers", json_integer(d->times[i].answers));
		json_object_set_new(e, "mean_seconds", json_real(d->times[i].mean_ms / 1000.0));
		json_array_append_new(arr, e);
	}
	json_object_set_new(o, "answer_time_30d", arr);
	if (cmd_plan_stats(s, set, now_ms, o) != 0)
		rc = EXIT_ENV;

	char *text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	puts(text);
	free(text);
	json_decref(o);
	return rc;
}

/* "91% of 45", or "-" when there is nothing to rate. */
static char *
cmd_stats_rate_text(int64_t passed, int64_t total)
{
	if (total == 0)
		return xstrdup("-");
	return xasprintf("%.0f%% of %lld", 100.0 * (double)passed / (double)total,
			 (long long)total);
}

/* Prints a table of cells (nrows * ncols owned strings) and frees them. */
static void
cmd_stats_table(const char *const *head, const enum chart_align *align, size_t ncols,
		struct strv *cells, bool ascii)
{
	struct chart_table t = {.ncols = ncols, .nrows = cells->n / ncols, .head = head,
				.align = align, .cells = (const char *const *)cells->v};
	char *text = chart_table(&t, CHART_WIDTH, ascii);
	fputs(text, stdout);
	free(text);
	strv_free(cells);
}

static void
cmd_stats_push(struct strv *cells, char *owned)
{
	strv_push(cells, owned);
	free(owned);
}

static void
cmd_stats_print_cards(const struct store_lapsed *v, size_t n, bool ascii)
{
	static const char *const head[5] = {"card", "deck", "type", "lapses", "flag"};
	static const enum chart_align align[5] = {CHART_LEFT, CHART_LEFT, CHART_LEFT,
						  CHART_RIGHT, CHART_LEFT};
	struct strv cells = {0};

	for (size_t i = 0; i < n && i < STATS_LIST_MAX; i++) {
		strv_push(&cells, v[i].id);
		strv_push(&cells, v[i].deck_key);
		strv_push(&cells, v[i].type);
		cmd_stats_push(&cells, xasprintf("%lld", (long long)v[i].lapses));
		strv_push(&cells, v[i].leech && v[i].suspended ? "leech, suspended"
				  : v[i].leech			 ? "leech"
				  : v[i].suspended		 ? "suspended"
								 : "");
	}
	cmd_stats_table(head, align, 5, &cells, ascii);
}

/* Prints everything as text; with an interview date, the readiness line last. */
static int
cmd_stats_print_text(const struct cmd_stats_data *d, bool ascii, struct store *s,
		     const struct settings *set, int64_t now_ms)
{
	const struct store_due_counts *now = &d->now;
	struct strv cells = {0};
	char *chart;
	int64_t sum = 0, days_studied = 0;

	printf("Due today: %lld review card%s; learning: %lld now, %lld later today\n",
	       (long long)now->review, now->review == 1 ? "" : "s", (long long)now->learn_now,
	       (long long)now->learn_later);
	printf("Due tomorrow: %lld    next 7 days: %lld\n", (long long)d->tomorrow_n,
	       (long long)d->week_n);
	printf("Reviewed today: %lld\n", (long long)d->reviewed);
	printf("Streak: %lld day%s\n", (long long)d->streak, d->streak == 1 ? "" : "s");
	if (d->total > 0)
		printf("Retention (30 days): %.0f%% of %lld review%s\n",
		       100.0 * (double)d->passed / (double)d->total, (long long)d->total,
		       d->total == 1 ? "" : "s");
	else
		printf("Retention (30 days): no reviews of mature cards yet\n");

	/* Forecast. */
	for (int k = 0; k < STATS_FORECAST_DAYS; k++)
		sum += d->forecast[k];
	printf("\nDue on each of the next 30 days, today first: %lld in all\n", (long long)sum);
	struct chart_columns fc = {.n = STATS_FORECAST_DAYS, .nseries = 1, .values = d->forecast,
				   .first_day = d->day, .height = 6};
	chart = chart_columns(&fc, ascii);
	fputs(chart, stdout);
	free(chart);

	/* Heatmap. */
	int64_t *counts = xmalloc(d->nheat * sizeof(*counts));
	sum = 0;
	for (size_t i = 0; i < d->nheat; i++) {
		counts[i] = cmd_stats_day_total(&d->heat[i]);
		sum += counts[i];
		days_studied += counts[i] > 0;
	}
	printf("\nReviews in the last 26 weeks: %lld on %lld day%s; streak %lld day%s, "
	       "longest %lld\n",
	       (long long)sum, (long long)days_studied, days_studied == 1 ? "" : "s",
	       (long long)d->streak, d->streak == 1 ? "" : "s", (long long)d->longest);
	chart = chart_heatmap(counts, d->nheat, d->day, ascii);
	fputs(chart, stdout);
	free(chart);
	free(counts);

	/* Reviews per day by state, the last 30 days. */
	int64_t stack[STATS_RECENT_DAYS * 4];
	const char *names[4];
	sum = 0;
	for (int i = 0; i < STATS_RECENT_DAYS; i++) {
		const struct store_day_reviews *r =
			cmd_stats_on(d, d->day - (STATS_RECENT_DAYS - 1) + i);
		for (int k = 0; k < 4; k++) {
			stack[i * 4 + k] = r ? r->by_state[cmd_stats_stack[k]] : 0;
			sum += stack[i * 4 + k];
		}
	}
	for (int k = 0; k < 4; k++)
		names[k] = cmd_stats_state_names[cmd_stats_stack[k]];
	printf("\nReviews on each of the last 30 days, by the card's state: %lld in all\n",
	       (long long)sum);
	struct chart_columns rc = {.n = STATS_RECENT_DAYS, .nseries = 4, .values = stack,
				   .names = names,
				   .first_day = d->day - (STATS_RECENT_DAYS - 1), .height = 6};
	chart = chart_columns(&rc, ascii);
	fputs(chart, stdout);
	free(chart);

	/* True retention. */
	static const char *const tr_head[4] = {"", "young (<21 d)", "mature", "all"};
	static const enum chart_align tr_align[4] = {CHART_LEFT, CHART_RIGHT, CHART_RIGHT,
						     CHART_RIGHT};
	for (size_t p = 0; p < ARRAY_LEN(cmd_stats_periods); p++) {
		int64_t passed[2], total[2];
		cmd_stats_true_retention(d, d->day - cmd_stats_periods[p].from,
					 d->day - cmd_stats_periods[p].to, passed, total);
		strv_push(&cells, cmd_stats_periods[p].label);
		cmd_stats_push(&cells, cmd_stats_rate_text(passed[0], total[0]));
		cmd_stats_push(&cells, cmd_stats_rate_text(passed[1], total[1]));
		cmd_stats_push(&cells, cmd_stats_rate_text(passed[0] + passed[1],
							   total[0] + total[1]));
	}
	printf("\nTrue retention: answers to review cards graded Hard, Good or Easy\n");
	cmd_stats_table(tr_head, tr_align, 4, &cells, ascii);

	/* Decks. */
	static const char *const dk_head[8] = {"deck", "new", "learning", "review",
					       "relearning", "suspended", "retired", "retention"};
	static const enum chart_align dk_align[8] = {CHART_LEFT, CHART_RIGHT, CHART_RIGHT,
						     CHART_RIGHT, CHART_RIGHT, CHART_RIGHT,
						     CHART_RIGHT, CHART_RIGHT};
	for (size_t i = 0; i < d->ndecks; i++) {
		const struct store_deck_stats *k = &d->decks[i];
		strv_push(&cells, k->key);
		for (int st = 0; st < 4; st++)
			cmd_stats_push(&cells, xasprintf("%lld", (long long)k->by_state[st]));
		cmd_stats_push(&cells, xasprintf("%lld", (long long)k->suspended));
		cmd_stats_push(&cells, xasprintf("%lld", (long long)k->retired));
		cmd_stats_push(&cells, k->answered ? xasprintf("%.0f%%", 100.0 * (double)k->passed /
								     (double)k->answered)
						   : xstrdup("-"));
	}
	printf("\nCards per deck (retention: review cards, 30 days)\n");
	cmd_stats_table(dk_head, dk_align, 8, &cells, ascii);

	/* Leeches and lapses. */
	if (d->nleeches == 0) {
		printf("\nLeeches: none\n");
	} else {
		printf("\nLeeches: %zu (drill cards is:leech lists them)\n", d->nleeches);
		cmd_stats_print_cards(d->leeches, d->nleeches, ascii);
		if (d->nleeches > STATS_LIST_MAX)
			printf("... and %zu more\n", d->nleeches - STATS_LIST_MAX);
	}
	if (d->nlapsed == 0) {
		printf("\nMost lapses: no card has lapsed\n");
	} else {
		printf("\nMost lapses (review cards graded Again)\n");
		cmd_stats_print_cards(d->lapsed, d->nlapsed, ascii);
	}

	/* Answer time. */
	if (d->ntimes == 0) {
		printf("\nMean answer time, last 30 days: no answers\n");
	} else {
		struct chart_bar *bars = xcalloc(d->ntimes, sizeof(*bars));
		char **texts = xcalloc(d->ntimes, sizeof(*texts));
		for (size_t i = 0; i < d->ntimes; i++) {
			texts[i] = xasprintf("%.1f s (%lld)", d->times[i].mean_ms / 1000.0,
					     (long long)d->times[i].answers);
			bars[i] = (struct chart_bar){d->times[i].type, d->times[i].mean_ms, texts[i]};
		}
		printf("\nMean answer time per card type, last 30 days (answers)\n");
		chart = chart_bars(bars, d->ntimes, CHART_WIDTH, ascii);
		fputs(chart, stdout);
		free(chart);
		for (size_t i = 0; i < d->ntimes; i++)
			free(texts[i]);
		free(texts);
		free(bars);
	}
	return cmd_plan_stats(s, set, now_ms, NULL) != 0 ? EXIT_ENV : EXIT_OK;
}

/* Whether deck names a deck by key, or by name in any case, as the
 * store's filter takes it; else prints the decks there are. */
static bool
cmd_stats_deck_known(struct store *s, const char *deck)
{
	struct store_deck *decks = NULL;
	size_t n = 0;
	bool found = false;
	struct sbuf keys = {0};

	if (store_decks(s, &decks, &n) != STORE_OK) {
		app_err("%s", store_errmsg(s));
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		if (strcmp(decks[i].key, deck) == 0 || strcasecmp(decks[i].name, deck) == 0)
			found = true;
		sbuf_printf(&keys, "%s%s", i ? ", " : "", decks[i].key);
	}
	if (!found)
		app_err("no deck \"%s\"; the decks are: %s", deck, n ? keys.buf : "(none yet)");
	sbuf_free(&keys);
	store_decks_free(decks, n);
	return found;
}

int
cmd_stats(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'}, {"ascii", no_argument, NULL, 'a'},
		{"deck", required_argument, NULL, 'd'}, {"db", required_argument, NULL, 0},
		{"seed", required_argument, NULL, 0}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool json = false, ascii = !cmd_stats_utf8_locale();
	const char *deck = NULL;
	struct store *s = NULL;
	struct settings st;
	struct cmd_stats_data d = {0};
	char err[512];
	int c, idx, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, &idx)) != -1) {
		if (c == 0) {
			if (app_common_option(app, opts[idx].name, optarg) < 0)
				return EXIT_USER;
		} else if (c == 'j') {
			json = true;
		} else if (c == 'a') {
			ascii = true;
		} else if (c == 'd') {
			deck = optarg;
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
	if (deck != NULL && !cmd_stats_deck_known(s, deck)) {
		store_close(s);
		return EXIT_USER;
	}
	if (cmd_stats_read(s, &st, app->now_ms, deck, &d) != STORE_OK) {
		app_err("%s", store_errmsg(s));
		cmd_stats_data_free(&d);
		store_close(s);
		return EXIT_ENV;
	}
	if (json)
		rc = cmd_stats_print_json(&d, deck, s, &st, app->now_ms);
	else
		rc = cmd_stats_print_text(&d, ascii, s, &st, app->now_ms);
	cmd_stats_data_free(&d);
	store_close(s);
	return rc;
}

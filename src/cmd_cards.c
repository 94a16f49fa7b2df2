/*
 * cmd_cards: browsing cards and setting them aside from the command line —
 * `drill cards [QUERY...]` (the query language is src/search.h and
 * docs/cards.md), `drill suspend ID...` and `drill unsuspend ID...`.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "deck.h"
#include "fsrs.h"
#include "search.h"
#include "settings.h"
#include "store.h"
#include "ui.h"
#include "util.h"

/* The width a listing fits when standard output has none (a pipe). */
#define CARDS_WIDTH 80
/* The prompt gets at least this many columns, even on a narrow screen. */
#define CARDS_PROMPT_MIN 20

static const char cmd_cards_usage[] =
	"usage: drill cards [QUERY...] [--json] [--db PATH]\n\n"
	"Lists the cards (not the retired ones) that match every term of QUERY, in\n"
	"deck and file order: id, deck, type, state, when due, lapses and the start\n"
	"of the prompt, then how many there are. Without QUERY, every card.\n\n"
	"Terms (each argument is one term; all must hold):\n"
	"  deck:KEY        the deck, by file name or by name (deck:levels)\n"
	"  tag:T           carries tag T (deck tags count)\n"
	"  type:T          recall, text, number, choice, calc or open\n"
	"  group:G         in sibling group G\n"
	"  is:new          never studied          is:suspended  set aside\n"
	"  is:learning     learning or relearning is:review     in review\n"
	"  is:due          due now, as a session counts it (not suspended or buried)\n"
	"  is:buried       waits for tomorrow: a sibling was reviewed today\n"
	"  is:leech        failed too often (setting leech_lapses)\n"
	"  is:flagged      a grade was overridden (:right, :wrong) since the card\n"
	"                  last changed; --json lists the answers\n"
	"  lapses>N  reps<=N  ...   compare with >, >=, <, <= or =\n"
	"  WORD            occurs in the prompt or the answer, ignoring case;\n"
	"                  quote a phrase: drill cards \"customer obsession\"\n\n"
	"  --json          {\"cards\": [...]} (docs/cards.md)\n\n"
	"An unknown term is an error (exit 1); no match prints \"0 cards\".\n"
	"Reads only: without a database yet, prints \"0 cards\" and creates none.\n";

/* One listed card; every string owned. */
struct cmd_cards_row {
	char *id;
	char *deck;
	char *type;
	char *prompt;
	int line;    /* in its deck file, for the order */
	int state;
	int64_t due; /* unix ms */
	int reps, lapses;
	bool suspended, leech, buried;
};

struct cmd_cards_list {
	const struct search *q;
	struct cmd_cards_row *v;
	size_t n, cap;
};

static void
cmd_cards_list_free(struct cmd_cards_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].id);
		free(l->v[i].deck);
		free(l->v[i].type);
		free(l->v[i].prompt);
	}
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* store_each_card's callback: keeps the cards every term holds for. */
static int
cmd_cards_on_row(void *ctx, const struct store_card_row *r)
{
	static const char *const fields[] = {"prompt", "answer"};
	struct cmd_cards_list *l = ctx;
	struct search_card c;
	struct cmd_cards_row *row;
	char *text[2] = {NULL, NULL};

	memset(&c, 0, sizeof(c));
	c.deck_key = r->deck_key;
	c.deck_name = r->deck_name;
	c.type = r->type;
	c.tags = r->tags;
	c.group = r->group;
	c.state = r->state;
	c.lapses = r->lapses;
	c.reps = r->reps;
	c.suspended = r->suspended;
	c.leech = r->leech;
	c.due = r->due_now;
	c.buried = r->buried;
	c.flagged = r->flagged;
	/* The record is split only for a card that can still match. */
	if (!search_match_facts(l->q, &c) || !search_words_in(l->q, r->source))
		return 0;
	/* The answer is read only to look for words in it. */
	deck_record_values(r->source, strlen(r->source), fields, l->q->words.n > 0 ? 2 : 1,
			   text);
	c.prompt = text[0];
	c.answer = text[1];
	if (search_match(l->q, &c)) {
		if (l->n == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 64;
			l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
		}
		row = &l->v[l->n++];
		row->id = xstrdup(r->id);
		row->deck = xstrdup(r->deck_key);
		row->type = xstrdup(r->type);
		row->prompt = text[0] ? text[0] : xstrdup("");
		text[0] = NULL;
		row->line = r->line;
		row->state = r->state;
		row->due = r->due;
		row->reps = r->reps;
		row->lapses = r->lapses;
		row->suspended = r->suspended;
		row->leech = r->leech;
		row->buried = r->buried;
	}
	free(text[0]);
	free(text[1]);
	return 0;
}

/* Deck key, then file order (then id, should two share a line). */
static int
cmd_cards_cmp(const void *a, const void *b)
{
	const struct cmd_cards_row *x = a, *y = b;
	int c = strcmp(x->deck, y->deck);

	if (c == 0)
		c = (x->line > y->line) - (x->line < y->line);
	return c != 0 ? c : strcmp(x->id, y->id);
}

/* "2026-03-05 14:10" in local time, or "2026-03-05T14:10:00Z" (UTC). */
static void
cmd_cards_time(int64_t ms, bool utc, char *buf, size_t len)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	if (utc)
		gmtime_r(&t, &tm);
	else
		localtime_r(&t, &tm);
	strftime(buf, len, utc ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%d %H:%M", &tm);
}

/* "review", or "review (suspended, leech)". */
static char *
cmd_cards_state(const struct cmd_cards_row *r)
{
	struct sbuf b = {0};
	const char *marks[3] = {NULL, NULL, NULL};
	size_t n = 0;

	if (r->suspended)
		marks[n++] = "suspended";
	if (r->leech)
		marks[n++] = "leech";
	if (r->buried)
		marks[n++] = "buried";
	sbuf_adds(&b, fsrs_state_name((enum fsrs_state)r->state));
	for (size_t i = 0; i < n; i++)
		sbuf_printf(&b, "%s%s", i == 0 ? " (" : ", ", marks[i]);
	if (n > 0)
		sbuf_addc(&b, ')');
	return sbuf_take(&b);
}

static size_t
cmd_cards_max(size_t a, size_t b)
{
	return a > b ? a : b;
}

/* The overridden grades of a card, as lines under it or a JSON array. */
static int
cmd_cards_overrides(struct store *s, const char *id, json_t *arr)
{
	struct store_override *o = NULL;
	size_t n = 0;
	char when[32];

	if (store_card_overrides(s, id, &o, &n) != STORE_OK)
		return -1;
	for (size_t i = 0; i < n; i++) {
		cmd_cards_time(o[i].at, arr != NULL, when, sizeof(when));
		if (arr != NULL) {
			json_t *x = json_object();
			json_object_set_new(x, "answer", o[i].answer ? json_string(o[i].answer)
								     : json_null());
			json_object_set_new(x, "was", json_string(fsrs_rating_name(
							      (enum fsrs_rating)o[i].was)));
			json_object_set_new(x, "now", json_string(fsrs_rating_name(
							      (enum fsrs_rating)o[i].now)));
			json_object_set_new(x, "at", json_string(when));
			json_array_append_new(arr, x);
		} else {
			printf("    %s  answer \"%s\" was graded %s, overridden to %s\n", when,
			       o[i].answer ? o[i].answer : "", fsrs_rating_name((enum fsrs_rating)o[i].was),
			       fsrs_rating_name((enum fsrs_rating)o[i].now));
		}
	}
	store_overrides_free(o, n);
	return 0;
}

/*
 * {"cards": [...]} laid out as json_dumps(JSON_INDENT(2)) lays out the
 * whole document, but built one card at a time: a tree of 100,000 cards
 * costs more in malloc and free than everything else. Printed only when
 * complete, so a failure prints nothing.
 */
static int
cmd_cards_print_json(struct store *s, const struct cmd_cards_list *l, bool overrides)
{
	struct sbuf out = {0};
	char due[32];
	int rc = 0;

	sbuf_adds(&out, "{\n  \"cards\": [");
	for (size_t i = 0; i < l->n && rc == 0; i++) {
		const struct cmd_cards_row *r = &l->v[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", json_string(r->id));
		json_object_set_new(o, "deck", json_string(r->deck));
		json_object_set_new(o, "type", json_string(r->type));
		json_object_set_new(o, "state", json_string(fsrs_state_name((enum fsrs_state)r->state)));
		if (r->state == FSRS_NEW) {
			json_object_set_new(o, "due", json_null());
		} else {
			cmd_cards_time(r->due, true, due, sizeof(due));
			json_object_set_new(o, "due", json_string(due));
		}
		json_object_set_new(o, "lapses", json_integer(r->lapses));
		json_object_set_new(o, "reps", json_integer(r->reps));
		json_object_set_new(o, "suspended", json_boolean(r->suspended));
		json_object_set_new(o, "leech", json_boolean(r->leech));
		json_object_set_new(o, "prompt", json_string(r->prompt));
		if (overrides) {
			json_t *x = json_array();
			json_object_set_new(o, "overrides", x);
			rc = cmd_cards_overrides(s, r->id, x);
		}
		char *text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		sbuf_adds(&out, i == 0 ? "\n    " : ",\n    ");
		for (const char *p = text, *nl; *p; p = nl + 1) {
			if ((nl = strchr(p, '\n')) == NULL) {
				sbuf_adds(&out, p);
				break;
			}
			sbuf_add(&out, p, (size_t)(nl - p) + 1);
			sbuf_adds(&out, "    ");
		}
		free(text);
		json_decref(o);
	}
	sbuf_adds(&out, l->n > 0 ? "\n  ]\n}\n" : "]\n}\n");
	if (rc == 0)
		fputs(out.buf, stdout);
	sbuf_free(&out);
	return rc;
}

static int
cmd_cards_print_text(struct store *s, const struct cmd_cards_list *l, bool overrides)
{
	size_t wid = 2, wdeck = 4, wtype = 4, wstate = 5, wdue = 3, wlapses = 6;
	int width = ui_width(NULL), room;
	char **states = xcalloc(l->n + 1, sizeof(*states));
	int rc = 0;

	if (width <= 0)
		width = CARDS_WIDTH;
	for (size_t i = 0; i < l->n; i++) {
		states[i] = cmd_cards_state(&l->v[i]);
		wid = cmd_cards_max(wid, strlen(l->v[i].id));
		wdeck = cmd_cards_max(wdeck, strlen(l->v[i].deck));
		wtype = cmd_cards_max(wtype, strlen(l->v[i].type));
		wstate = cmd_cards_max(wstate, strlen(states[i]));
		if (l->v[i].state != FSRS_NEW)
			wdue = 16; /* "2026-03-05 14:10" */
	}
	room = width - (int)(wid + wdeck + wtype + wstate + wdue + wlapses + 6 * 2);
	if (room < CARDS_PROMPT_MIN)
		room = CARDS_PROMPT_MIN;
	if (l->n > 0)
		printf("%-*s  %-*s  %-*s  %-*s  %-*s  %*s  %s\n", (int)wid, "id", (int)wdeck, "deck",
		       (int)wtype, "type", (int)wstate, "state", (int)wdue, "due", (int)wlapses,
		       "lapses", "prompt");
	for (size_t i = 0; i < l->n && rc == 0; i++) {
		const struct cmd_cards_row *r = &l->v[i];
		char due[32] = "-";
		char *prompt = search_excerpt(r->prompt, room);
		if (r->state != FSRS_NEW)
			cmd_cards_time(r->due, false, due, sizeof(due));
		printf("%-*s  %-*s  %-*s  %-*s  %-*s  %*d  %s\n", (int)wid, r->id, (int)wdeck,
		       r->deck, (int)wtype, r->type, (int)wstate, states[i], (int)wdue, due,
		       (int)wlapses, r->lapses, prompt);
		free(prompt);
		if (overrides)
			rc = cmd_cards_overrides(s, r->id, NULL);
	}
	if (rc == 0)
		printf("%zu card%s\n", l->n, l->n == 1 ? "" : "s");
	for (size_t i = 0; i < l->n; i++)
		free(states[i]);
	free(states);
	return rc;
}

int
cmd_cards(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'}, {"db", required_argument, NULL, 0},
		{"seed", required_argument, NULL, 0}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool json = false;
	struct search q;
	struct store *s = NULL;
	struct settings st;
	struct store_when when;
	struct store_filter filter = {NULL, NULL};
	struct cmd_cards_list list;
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
			fputs(cmd_cards_usage, stdout);
			return EXIT_OK;
		} else {
			app_err("see drill cards --help for the options and the terms");
			return EXIT_USER;
		}
	}
	if (search_parse((const char *const *)argv + optind, (size_t)(argc - optind), &q, err,
			 sizeof(err)) != 0) {
		app_err("%s", err);
		return EXIT_USER;
	}
	if ((rc = app_open_store(app, false, &s)) != EXIT_OK) {
		search_free(&q);
		return rc;
	}
	memset(&list, 0, sizeof(list));
	list.q = &q;
	if (s == NULL) {
		/* Nothing studied or imported yet: no cards, and no file made. */
		puts(json ? "{\n  \"cards\": []\n}" : "0 cards");
		search_free(&q);
		return EXIT_OK;
	}
	if (settings_load(s, &st, err, sizeof(err)) != 0) {
		app_err("%s", err);
		store_close(s);
		search_free(&q);
		return EXIT_ENV;
	}
	settings_when(&st, app->now_ms, &when);
	/* The store narrows by the first deck and tag; the rest is matched here. */
	filter.deck = q.decks.n > 0 ? q.decks.v[0] : NULL;
	filter.tag = q.tags.n > 0 ? q.tags.v[0] : NULL;
	rc = store_each_card(s, &filter, &when, (q.is & SEARCH_IS_FLAGGED) != 0,
			     cmd_cards_on_row, &list);
	if (rc == STORE_OK) {
		bool flagged = (q.is & SEARCH_IS_FLAGGED) != 0;
		if (list.n > 1)
			qsort(list.v, list.n, sizeof(*list.v), cmd_cards_cmp);
		int out = json ? cmd_cards_print_json(s, &list, flagged)
			       : cmd_cards_print_text(s, &list, flagged);
		rc = out == 0 ? STORE_OK : STORE_ERR;
	}
	if (rc != STORE_OK)
		app_err("%s", store_errmsg(s));
	cmd_cards_list_free(&list);
	store_close(s);
	search_free(&q);
	return rc == STORE_OK ? EXIT_OK : EXIT_ENV;
}

/* ---- drill suspend / drill unsuspend ---- */

static const char cmd_suspend_usage[] =
	"usage: drill suspend ID... [--db PATH]\n\n"
	"Sets the cards aside: no session shows them until drill unsuspend. Their\n"
	"progress is kept. All or nothing: an id that is not a card is an error\n"
	"(exit 1) and no card is changed. Find ids with drill cards.\n";

static const char cmd_unsuspend_usage[] =
	"usage: drill unsuspend ID... [--db PATH]\n\n"
	"Brings suspended cards back into the sessions, with their progress as it\n"
	"was. All or nothing: an id that is not a card is an error (exit 1) and no\n"
	"card is changed. drill cards is:suspended lists them.\n";

/* "a", "a and b", "a, b and c" */
static void
cmd_cards_join(struct sbuf *b, const struct strv *v)
{
	for (size_t i = 0; i < v->n; i++)
		sbuf_printf(b, "%s%s", i == 0 ? "" : i + 1 == v->n ? " and " : ", ", v->v[i]);
}

static int
cmd_cards_set_suspended(struct app *app, int argc, char **argv, bool suspend)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 0}, {"seed", required_argument, NULL, 0},
		{"help", no_argument, NULL, 'h'},   {NULL, 0, NULL, 0},
	};
	const char *usage = suspend ? cmd_suspend_usage : cmd_unsuspend_usage;
	struct strv ids = {0}, unknown = {0}, changed = {0}, kept = {0};
	struct store *s = NULL;
	struct sbuf b = {0};
	int c, idx, rc = EXIT_OK, n = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, &idx)) != -1) {
		if (c == 0) {
			if (app_common_option(app, opts[idx].name, optarg) < 0)
				return EXIT_USER;
		} else if (c == 'h') {
			fputs(usage, stdout);
			return EXIT_OK;
		} else {
			app_err("see %s --help", app_command());
			return EXIT_USER;
		}
	}
	if (optind >= argc) {
		app_err("which cards? Give one or more card ids (drill cards lists them)");
		return EXIT_USER;
	}
	for (int i = optind; i < argc; i++) {
		bool seen = false;
		for (size_t k = 0; k < ids.n && !seen; k++)
			seen = strcmp(ids.v[k], argv[i]) == 0;
		if (!seen)
			strv_push(&ids, argv[i]);
	}
	rc = app_open_store(app, false, &s);
	/* Which cards exist, and which would change: read before writing. */
	for (size_t i = 0; rc == EXIT_OK && i < ids.n; i++) {
		struct store_card sc = {0};
		bool found = false;
		if (s != NULL && store_card_load(s, ids.v[i], &sc, &found) != STORE_OK) {
			app_err("%s", store_errmsg(s));
			rc = EXIT_ENV;
		} else if (!found) {
			strv_push(&unknown, ids.v[i]);
		} else {
			strv_push(sc.suspended == suspend ? &kept : &changed, ids.v[i]);
		}
		store_card_clear(&sc);
	}
	if (rc == EXIT_OK && unknown.n > 0) {
		sbuf_adds(&b, "no card has the id ");
		for (size_t i = 0; i < unknown.n; i++)
			sbuf_printf(&b, "%s\"%s\"", i == 0 ? "" : i + 1 == unknown.n ? " or " : ", ",
				    unknown.v[i]);
		app_err("%s%s; no card was changed (drill cards lists the ids)", b.buf,
			s == NULL ? " (there is no database yet)" : "");
		rc = EXIT_USER;
	}
	if (rc == EXIT_OK) {
		int src = store_set_suspended_all(s, (const char *const *)ids.v, ids.n, suspend, &n);
		if (src != STORE_OK) {
			app_err("%s; no card was changed", store_errmsg(s));
			rc = src == STORE_NOT_FOUND ? EXIT_USER : EXIT_ENV;
		}
	}
	if (rc == EXIT_OK) {
		if (changed.n > 0) {
			sbuf_reset(&b);
			cmd_cards_join(&b, &changed);
			printf("%s %zu card%s: %s.\n", suspend ? "Suspended" : "Unsuspended", changed.n,
			       changed.n == 1 ? "" : "s", b.buf);
		}
		if (kept.n > 0) {
			sbuf_reset(&b);
			cmd_cards_join(&b, &kept);
			printf("%s %s %s.\n", b.buf, kept.n == 1 ? "was" : "were",
			       suspend ? "already suspended" : "not suspended");
		}
	}
	sbuf_free(&b);
	strv_free(&ids);
	strv_free(&unknown);
	strv_free(&changed);
	strv_free(&kept);
	store_close(s);
	return rc;
}

int
cmd_suspend(struct app *app, int argc, char **argv)
{
	return cmd_cards_set_suspended(app, argc, argv, true);
}

int
cmd_unsuspend(struct app *app, int argc, char **argv)
{
	return cmd_cards_set_suspended(app, argc, argv, false);
}

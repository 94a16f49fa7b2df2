/*
 * cmd_export: `drill export` — the cards in Anki's text format, as CSV or
 * as JSON (with every review on request), and the review log as the CSV
 * that FSRS optimizer tools read (docs/export.md).
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "deck.h"
#include "fsrs.h"
#include "settings.h"
#include "store.h"
#include "util.h"

static const char cmd_export_usage[] =
	"usage: drill export --format anki-txt|csv|json [--deck KEY] [--with-history] [-o FILE]\n"
	"       drill export --reviews [--deck KEY] [-o FILE]\n\n"
	"Writes the cards (not retired ones) to standard output or FILE:\n"
	"  anki-txt  Anki's text format with headers, for File > Import in Anki: recall\n"
	"            cards as Basic, text and number cards as Basic (type in the\n"
	"            answer); choice, calc and open cards are skipped and counted\n"
	"  csv       one row per card with its schedule, for spreadsheets\n"
	"  json      {\"cards\": [...]} with each card's schedule; --with-history adds\n"
	"            every review\n"
	"--reviews writes the review log as CSV: card_id, review_time (unix ms),\n"
	"review_rating (1-4), review_state (the state before: 0 new, 1 learning,\n"
	"2 review, 3 relearning), review_duration (ms), the columns FSRS optimizers\n"
	"read.\n\n"
	"  --deck KEY      only this deck (key or name)\n"
	"  -o, --out FILE  write FILE (whole or not at all) instead of standard output\n"
	"  --db PATH       database (default $DRILL_DB or ~/.local/share/drill/drill.db)\n";

enum cmd_export_format { CMD_EXPORT_NONE, CMD_EXPORT_ANKI, CMD_EXPORT_CSV, CMD_EXPORT_JSON };

/* One card as exported; every string owned. */
struct cmd_export_card {
	char *id;
	char *deck_key;
	char *deck_name;
	char *type;
	char *tags;   /* ",tag,tag," as stored */
	char *prompt; /* "" when the record has none */
	char *answer; /* "" when the record has none */
	int line;
	int state;    /* enum fsrs_state */
	int64_t due;  /* unix ms */
	int reps, lapses;
	bool suspended;
};

struct cmd_export_list {
	struct cmd_export_card *v;
	size_t n, cap;
};

static void
cmd_export_list_free(struct cmd_export_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct cmd_export_card *c = &l->v[i];
		free(c->id);
		free(c->deck_key);
		free(c->deck_name);
		free(c->type);
		free(c->tags);
		free(c->prompt);
		free(c->answer);
	}
	free(l->v);
}

static int
cmd_export_on_row(void *ctx, const struct store_card_row *r)
{
	static const char *const fields[] = {"prompt", "answer"};
	struct cmd_export_list *l = ctx;
	struct cmd_export_card *c;
	char *text[2] = {NULL, NULL};

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	deck_record_values(r->source, strlen(r->source), fields, 2, text);
	c = &l->v[l->n++];
	c->id = xstrdup(r->id);
	c->deck_key = xstrdup(r->deck_key);
	c->deck_name = xstrdup(r->deck_name ? r->deck_name : r->deck_key);
	c->type = xstrdup(r->type);
	c->tags = xstrdup(r->tags ? r->tags : "");
	c->prompt = text[0] ? text[0] : xstrdup("");
	c->answer = text[1] ? text[1] : xstrdup("");
	c->line = r->line;
	c->state = r->state;
	c->due = r->due;
	c->reps = r->reps;
	c->lapses = r->lapses;
	c->suspended = r->suspended;
	return 0;
}

/* Deck key, then file order, then id. */
static int
cmd_export_cmp(const void *a, const void *b)
{
	const struct cmd_export_card *x = a, *y = b;
	int c = strcmp(x->deck_key, y->deck_key);

	if (c == 0)
		c = (x->line > y->line) - (x->line < y->line);
	return c != 0 ? c : strcmp(x->id, y->id);
}

/* One field, quoted as CSV quotes it (RFC 4180) when it holds the
 * separator, a quote or a line break, or starts with '#' (which Anki would
 * read as a header line at the start of a row). */
static void
cmd_export_field(struct sbuf *b, const char *v, char sep)
{
	bool quote = *v == '#' || strchr(v, sep) != NULL || strpbrk(v, "\"\r\n") != NULL;

	if (!quote) {
		sbuf_adds(b, v);
		return;
	}
	sbuf_addc(b, '"');
	for (const char *p = v; *p; p++) {
		if (*p == '"')
			sbuf_addc(b, '"');
		sbuf_addc(b, *p);
	}
	sbuf_addc(b, '"');
}

/* ",a,b," as "a b", each tag once (a card's tag may repeat its deck's). */
static char *
cmd_export_tags(const char *tags)
{
	struct sbuf b = {0};
	const char *p = tags;

	while (*p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		bool dup = false;
		for (const char *q = tags; n > 0 && q < p && !dup; q++)
			dup = (q == tags || q[-1] == ',') && strncmp(q, p, n) == 0 && q[n] == ',';
		if (n > 0 && !dup) {
			if (b.len > 0)
				sbuf_addc(&b, ' ');
			sbuf_add(&b, p, n);
		}
		p += n + (end ? 1 : 0);
	}
	return b.buf ? sbuf_take(&b) : xstrdup("");
}

/* "2026-03-05T14:10:00Z" */
static void
cmd_export_time(int64_t ms, char *buf, size_t len)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Counts of the cards Anki's text format cannot hold. */
struct cmd_export_skipped {
	int choice, calc, open, other;
};

static void
cmd_export_anki(struct sbuf *b, const struct cmd_export_list *l, int *written,
		struct cmd_export_skipped *sk)
{
	sbuf_adds(b, "#separator:tab\n#html:false\n#guid column:1\n#notetype column:2\n"
		     "#deck column:3\n#tags column:6\n");
	for (size_t i = 0; i < l->n; i++) {
		const struct cmd_export_card *c = &l->v[i];
		const char *notetype;
		if (strcmp(c->type, "recall") == 0)
			notetype = "Basic";
		else if (strcmp(c->type, "text") == 0 || strcmp(c->type, "number") == 0)
			notetype = "Basic (type in the answer)";
		else {
			if (strcmp(c->type, "choice") == 0)
				sk->choice++;
			else if (strcmp(c->type, "calc") == 0)
				sk->calc++;
			else if (strcmp(c->type, "open") == 0)
				sk->open++;
			else
				sk->other++;
			continue;
		}
		char *tags = cmd_export_tags(c->tags);
		const char *cols[6] = {c->id, notetype, c->deck_name, c->prompt, c->answer, tags};
		for (int k = 0; k < 6; k++) {
			if (k > 0)
				sbuf_addc(b, '\t');
			cmd_export_field(b, cols[k], '\t');
		}
		sbuf_addc(b, '\n');
		free(tags);
		(*written)++;
	}
}

static void
cmd_export_csv(struct sbuf *b, const struct cmd_export_list *l)
{
	sbuf_adds(b, "id,deck,type,prompt,answer,tags,state,due,reps,lapses,suspended\n");
	for (size_t i = 0; i < l->n; i++) {
		const struct cmd_export_card *c = &l->v[i];
		char *tags = cmd_export_tags(c->tags);
		char due[32] = "";
		if (c->state != FSRS_NEW)
			cmd_export_time(c->due, due, sizeof(due));
		const char *cols[6] = {c->id, c->deck_key, c->type, c->prompt, c->answer, tags};
		for (int k = 0; k < 6; k++) {
			cmd_export_field(b, cols[k], ',');
			sbuf_addc(b, ',');
		}
		sbuf_printf(b, "%s,%s,%d,%d,%d\n", fsrs_state_name((enum fsrs_state)c->state), due,
			    c->reps, c->lapses, c->suspended ? 1 : 0);
		free(tags);
	}
}

static int
cmd_export_review_json(void *ctx, const struct store_review *r)
{
	json_t *arr = ctx, *o = json_object();
	char at[32];

	cmd_export_time(r->at, at, sizeof(at));
	json_object_set_new(o, "at", json_string(at));
	json_object_set_new(o, "at_ms", json_integer(r->at));
	json_object_set_new(o, "rating", json_integer(r->rating));
	json_object_set_new(o, "state_before",
			    json_string(fsrs_state_name(r->before.state)));
	json_object_set_new(o, "duration_ms", json_integer(r->duration_ms));
	json_object_set_new(o, "answer", r->answer ? json_string(r->answer) : json_null());
	json_object_set_new(o, "correct", r->correct < 0 ? json_null() : json_boolean(r->correct));
	json_object_set_new(o, "stability", json_real(r->after.stability));
	json_object_set_new(o, "difficulty", json_real(r->after.difficulty));
	json_array_append_new(arr, o);
	return 0;
}

/* A JSON number for a double, null when it is not finite. */
static json_t *
cmd_export_real(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

static int
cmd_export_json(struct store *s, struct sbuf *b, const struct cmd_export_list *l,
		bool history)
{
	json_t *root = json_object(), *cards = json_array();
	int rc = STORE_OK;

	json_object_set_new(root, "cards", cards);
	for (size_t i = 0; rc == STORE_OK && i < l->n; i++) {
		const struct cmd_export_card *c = &l->v[i];
		struct store_card sc;
		bool found = false;
		json_t *o = json_object(), *tags = json_array();
		char t[32];
		memset(&sc, 0, sizeof(sc));
		rc = store_card_load(s, c->id, &sc, &found);
		json_object_set_new(o, "id", json_string(c->id));
		json_object_set_new(o, "deck", json_string(c->deck_key));
		json_object_set_new(o, "deck_name", json_string(c->deck_name));
		json_object_set_new(o, "type", json_string(c->type));
		json_object_set_new(o, "prompt", json_string(c->prompt));
		json_object_set_new(o, "answer", json_string(c->answer));
		char *tl = cmd_export_tags(c->tags), *save = NULL;
		for (char *w = strtok_r(tl, " ", &save); w != NULL; w = strtok_r(NULL, " ", &save))
			json_array_append_new(tags, json_string(w));
		free(tl);
		json_object_set_new(o, "tags", tags);
		json_object_set_new(o, "state", json_string(fsrs_state_name(
							(enum fsrs_state)c->state)));
		if (c->state != FSRS_NEW) {
			cmd_export_time(c->due, t, sizeof(t));
			json_object_set_new(o, "due", json_string(t));
		} else {
			json_object_set_new(o, "due", json_null());
		}
		json_object_set_new(o, "stability", found ? cmd_export_real(sc.sched.stability)
							   : json_null());
		json_object_set_new(o, "difficulty", found ? cmd_export_real(sc.sched.difficulty)
							    : json_null());
		if (found && sc.sched.last_review > 0) {
			cmd_export_time(sc.sched.last_review, t, sizeof(t));
			json_object_set_new(o, "last_review", json_string(t));
		} else {
			json_object_set_new(o, "last_review", json_null());
		}
		json_object_set_new(o, "reps", json_integer(c->reps));
		json_object_set_new(o, "lapses", json_integer(c->lapses));
		json_object_set_new(o, "suspended", json_boolean(c->suspended));
		if (history && rc == STORE_OK) {
			json_t *rv = json_array();
			json_object_set_new(o, "reviews", rv);
			rc = store_each_review(s, c->id, cmd_export_review_json, rv);
		}
		json_array_append_new(cards, o);
		store_card_clear(&sc);
	}
	if (rc == STORE_OK) {
		char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		if (text == NULL) {
			rc = STORE_ERR;
		} else {
			sbuf_adds(b, text);
			sbuf_addc(b, '\n');
			free(text);
		}
	}
	json_decref(root);
	return rc;
}

/* The review log as CSV, for the cards of ids (sorted; NULL: every card). */
struct cmd_export_reviews {
	struct sbuf *b;
	const struct strv *ids;
	int64_t n;
};

static int
cmd_export_strcmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int
cmd_export_review_row(void *ctx, const struct store_review *r)
{
	struct cmd_export_reviews *x = ctx;

	if (x->ids != NULL && bsearch(&r->card_id, x->ids->v, x->ids->n, sizeof(char *),
				      cmd_export_strcmp) == NULL)
		return 0;
	cmd_export_field(x->b, r->card_id, ',');
	sbuf_printf(x->b, ",%lld,%d,%d,%lld\n", (long long)r->at, r->rating,
		    (int)r->before.state, (long long)r->duration_ms);
	x->n++;
	return 0;
}

int
cmd_export(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'}, {"deck", required_argument, NULL, 'd'},
		{"with-history", no_argument, NULL, 'H'}, {"reviews", no_argument, NULL, 'r'},
		{"out", required_argument, NULL, 'o'},	  {"db", required_argument, NULL, 0},
		{"seed", required_argument, NULL, 0},	  {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	enum cmd_export_format fmt = CMD_EXPORT_NONE;
	bool history = false, reviews = false;
	const char *deck = NULL, *out = NULL;
	struct store *s = NULL;
	struct settings st;
	struct store_when when;
	struct cmd_export_list list = {0};
	struct cmd_export_skipped sk = {0, 0, 0, 0};
	struct strv ids = {0};
	struct sbuf b = {0};
	char err[512];
	int c, idx, rc, written = 0;
	int64_t nreviews = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "ho:", opts, &idx)) != -1) {
		switch (c) {
		case 0:
			if (app_common_option(app, opts[idx].name, optarg) < 0)
				return EXIT_USER;
			break;
		case 'f':
			if (strcmp(optarg, "anki-txt") == 0)
				fmt = CMD_EXPORT_ANKI;
			else if (strcmp(optarg, "csv") == 0)
				fmt = CMD_EXPORT_CSV;
			else if (strcmp(optarg, "json") == 0)
				fmt = CMD_EXPORT_JSON;
			else {
				app_err("--format is anki-txt, csv or json, not \"%s\"", optarg);
				return EXIT_USER;
			}
			break;
		case 'd':
			deck = optarg;
			break;
		case 'H':
			history = true;
			break;
		case 'r':
			reviews = true;
			break;
		case 'o':
			out = optarg;
			break;
		case 'h':
			fputs(cmd_export_usage, stdout);
			return EXIT_OK;
		default:
			fputs(cmd_export_usage, stderr);
			return EXIT_USER;
		}
	}
	if (optind < argc) {
		app_err("unexpected argument \"%s\"", argv[optind]);
		return EXIT_USER;
	}
	if (reviews == (fmt != CMD_EXPORT_NONE)) {
		app_err(reviews ? "--reviews writes the review log in its own CSV; leave out --format"
				: "what to export? --format anki-txt, csv or json, or --reviews");
		return EXIT_USER;
	}
	if (history && fmt != CMD_EXPORT_JSON) {
		app_err("--with-history goes with --format json (--reviews writes the review log "
			"as CSV)");
		return EXIT_USER;
	}
	if ((rc = app_open_store(app, false, &s)) != EXIT_OK)
		return rc;
	if (s != NULL && settings_load(s, &st, err, sizeof(err)) != 0) {
		app_err("%s", err);
		store_close(s);
		return EXIT_ENV;
	}
	rc = STORE_OK;
	if (s != NULL && (!reviews || deck != NULL)) {
		struct store_filter filter = {deck, NULL};
		settings_when(&st, app->now_ms, &when);
		rc = store_each_card(s, &filter, &when, false, cmd_export_on_row, &list);
		if (list.n > 1)
			qsort(list.v, list.n, sizeof(*list.v), cmd_export_cmp);
	}
	if (rc == STORE_OK && deck != NULL && list.n == 0) {
		app_err("no cards in a deck \"%s\" (drill stats lists the decks)", deck);
		cmd_export_list_free(&list);
		store_close(s);
		return EXIT_USER;
	}
	if (rc == STORE_OK && reviews) {
		struct cmd_export_reviews x = {&b, NULL, 0};
		sbuf_adds(&b, "card_id,review_time,review_rating,review_state,review_duration\n");
		if (deck != NULL) {
			for (size_t i = 0; i < list.n; i++)
				strv_push(&ids, list.v[i].id);
			qsort(ids.v, ids.n, sizeof(char *), cmd_export_strcmp);
			x.ids = &ids;
		}
		if (s != NULL)
			rc = store_each_review(s, NULL, cmd_export_review_row, &x);
		nreviews = x.n;
	} else if (rc == STORE_OK && fmt == CMD_EXPORT_ANKI) {
		cmd_export_anki(&b, &list, &written, &sk);
	} else if (rc == STORE_OK && fmt == CMD_EXPORT_CSV) {
		cmd_export_csv(&b, &list);
		written = (int)list.n;
	} else if (rc == STORE_OK) {
		rc = s != NULL ? cmd_export_json(s, &b, &list, history) : STORE_OK;
		if (s == NULL)
			sbuf_adds(&b, "{\n  \"cards\": []\n}\n");
		written = (int)list.n;
	}
	if (rc != STORE_OK) {
		app_err("%s", s ? store_errmsg(s) : "cannot read the database");
		rc = EXIT_ENV;
		goto done;
	}
	rc = EXIT_OK;
	if (out != NULL) {
		if (app_write_file(out, b.buf ? b.buf : "", b.len) != 0) {
			app_err("cannot write %s: %s", out, strerror(errno));
			rc = EXIT_ENV;
			goto done;
		}
		if (reviews)
			printf("Exported %lld review%s to %s.\n", (long long)nreviews,
			       nreviews == 1 ? "" : "s", out);
		else
			printf("Exported %d card%s to %s.\n", written, written == 1 ? "" : "s", out);
	} else if (b.len > 0 && fwrite(b.buf, 1, b.len, stdout) != b.len) {
		app_err("cannot write the export: %s", strerror(errno));
		rc = EXIT_ENV;
	}
	int skipped = sk.choice + sk.calc + sk.open + sk.other;
	if (skipped > 0)
		app_err("skipped %d card%s Anki's text format cannot hold (%d choice, %d calc, "
			"%d open%s)", skipped, skipped == 1 ? "" : "s", sk.choice, sk.calc, sk.open,
			sk.other ? ", and others" : "");
done:
	sbuf_free(&b);
	strv_free(&ids);
	cmd_export_list_free(&list);
	store_close(s);
	return rc;
}

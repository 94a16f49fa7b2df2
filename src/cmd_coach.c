/*
 * cmd_coach: `drill coach [FILE|-] [--level L6|L7] [--question ID] [--json]`
 * analyses one typed STAR answer and prints the coach's findings and the
 * follow-ups the answer invites; and the helpers `drill mock` shares (see
 * cmd_coach.h). The analysis itself lives in coach.c.
 */
#include "cmd_coach.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd.h"
#include "diag.h"
#include "importer.h"
#include "paths.h"
#include "slurp.h"
#include "store.h"
#include "util.h"

#define CMD_COACH_JSON_FLAGS (JSON_INDENT(2) | JSON_REAL_PRECISION(6))

static const char cmd_coach_usage[] =
    "usage: drill coach [FILE|-] [--level L6|L7] [--question ID] [--json]\n"
    "\n"
    "Reads one typed STAR answer (from FILE, or standard input without FILE\n"
    "or with \"-\") and reports what an interviewer would notice: length\n"
    "against the level's timing (L6 2-3 minutes, L7 3-4, at 150 spoken words\n"
    "a minute), which STAR parts are there and their share of the words,\n"
    "round or hedged figures, vague time frames, no measurement method, no\n"
    "attribution share, \"up to\" claims, percentages without absolute\n"
    "numbers, scope against the level, and arithmetic that does not add up.\n"
    "Then it lists the defense follow-ups the answer invites.\n"
    "\n"
    "  --level L6|L7   the level to judge against (default: the question's\n"
    "                  level, else L6)\n"
    "  --question ID   an open card (drill mock --list): its key points are\n"
    "                  checked too\n"
    "  --json          print JSON instead of text\n"
    "  --help          show this help\n"
    "\n"
    "Without a database, --question takes the questions of the bundled decks\n"
    "(and creates no database). An answer may be 1 MB at most.\n"
    "\n"
    "Exit status: 0 when the answer was analysed (findings are advice, not\n"
    "errors), 1 for bad arguments, an empty answer (nothing but white space),\n"
    "an unknown question or an answer over 1 MB, 2 when the input or the\n"
    "decks cannot be read.\n";

/* ------------------------------------------------------------------ */
/* open cards                                                          */

/* Without a database: the open cards of the bundled decks, read directly. */
static int
cmd_coach_bundled_open_cards(struct card ***out, size_t *n)
{
	char *dir = paths_decks();
	const char *const paths[] = {dir};
	struct diag_list dl = {0};
	struct deck **decks = NULL;
	struct card **v = NULL;
	size_t ndecks = 0, k = 0;

	importer_read(paths, 1, &decks, &ndecks, &dl);
	for (size_t i = 0; i < dl.n; i++) {
		char *m = diag_format(&dl.v[i]);
		app_err("%s", m);
		free(m);
	}
	if (dl.errors > 0)
		app_err("the decks with errors were left out");
	diag_list_free(&dl);
	for (size_t i = 0; i < ndecks; i++) {
		const struct deck *d = decks[i];
		for (size_t j = 0; j < d->ncards; j++) {
			const struct card *c = &d->cards[j];
			struct diag_list cdl = {0};
			if (c->type != CARD_OPEN)
				continue;
			v = xrealloc(v, (k + 1) * sizeof(*v));
			/* Each card its own object, as from the database. */
			if (deck_parse_card(d->path, c->line, c->source, strlen(c->source), &v[k],
					    &cdl) == 0)
				k++;
			diag_list_free(&cdl);
		}
	}
	importer_decks_free(decks, ndecks);
	free(dir);
	*out = v;
	*n = k;
	return EXIT_OK;
}

int
cmd_coach_open_cards(const struct app *app, struct store *s, struct card ***out, size_t *n)
{
	struct import_counts counts;
	struct strv ids = {0};
	struct card **v = NULL;
	size_t k = 0;

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return cmd_coach_bundled_open_cards(out, n);
	app_refresh_decks(app, s, &counts);
	if (store_ids_of_type(s, "open", &ids) != STORE_OK) {
		app_err("%s", store_errmsg(s));
		return EXIT_ENV;
	}
	v = xcalloc(ids.n ? ids.n : 1, sizeof(*v));
	for (size_t i = 0; i < ids.n; i++) {
		struct store_card sc = {0};
		struct diag_list dl = {0};
		bool found = false;

		if (store_card_load(s, ids.v[i], &sc, &found) != STORE_OK) {
			app_err("%s", store_errmsg(s));
			cmd_coach_free_cards(v, k);
			strv_free(&ids);
			return EXIT_ENV;
		}
		/* A card that no longer parses was reported at import; skip it. */
		if (found && deck_parse_card(sc.deck_path, sc.line, sc.source, strlen(sc.source),
					     &v[k], &dl) == 0)
			k++;
		diag_list_free(&dl);
		store_card_clear(&sc);
	}
	strv_free(&ids);
	*out = v;
	*n = k;
	return EXIT_OK;
}

void
cmd_coach_free_cards(struct card **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		card_free(v[i]);
	free(v);
}

const struct card *
cmd_coach_find_card(struct card *const *v, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i]->id, id) == 0)
			return v[i];
	return NULL;
}

void
cmd_coach_question(const struct card *c, struct coach_question *q)
{
	struct coach_point *pts = NULL;

	if (c->npoints > 0)
		pts = xcalloc(c->npoints, sizeof(*pts));
	for (size_t i = 0; i < c->npoints; i++) {
		pts[i].label = c->points[i].label;
		pts[i].re = c->points[i].re;
		pts[i].cond = c->points[i].cond.kind != AMOUNT_ANY ? &c->points[i].cond : NULL;
	}
	q->prompt = c->prompt;
	q->points = pts;
	q->npoints = c->npoints;
}

void
cmd_coach_question_clear(struct coach_question *q)
{
	free((void *)q->points);
	q->points = NULL;
	q->npoints = 0;
	q->prompt = NULL;
}

enum coach_level
cmd_coach_card_level(const struct card *c, enum coach_level fallback)
{
	int l = c != NULL && c->level != NULL ? coach_level_from_name(c->level) : -1;
	return l < 0 ? fallback : (enum coach_level)l;
}

/* ------------------------------------------------------------------ */
/* output                                                              */

void
cmd_coach_too_long(size_t bytes)
{
	double mb = (double)bytes / (1 << 20);
	size_t max_mb = SLURP_MAX_TEXT >> 20;

	/* "1.0 MB" would not say what is wrong: bytes, then */
	if (mb >= (double)max_mb + 0.05)
		app_err("the answer is %.1f MB; the most drill reads is %zu MB: shorten it (a "
			"spoken answer is a few hundred words)",
			mb, max_mb);
	else
		app_err("the answer is %zu bytes; the most drill reads is %zu MB (%zu bytes): "
			"shorten it (a spoken answer is a few hundred words)",
			bytes, max_mb, SLURP_MAX_TEXT);
}

void
cmd_coach_print(FILE *f, const struct coach_result *r, const struct coach_question *q,
		bool followups)
{
	size_t min, max;

	coach_level_words(r->level, &min, &max);
	fprintf(f, "%s answer: %zu words, about %.1f minutes spoken (target %zu-%zu)\n",
		coach_level_name(r->level), r->words, r->minutes, min / COACH_WORDS_PER_MINUTE,
		max / COACH_WORDS_PER_MINUTE);
	fprintf(f, "STAR:");
	for (int p = 0; p < COACH_NPARTS; p++) {
		if (r->star[p])
			fprintf(f, "  %s %.0f%%", coach_part_name((enum coach_part)p),
				100 * r->star_share[p]);
		else
			fprintf(f, "  %s missing", coach_part_name((enum coach_part)p));
	}
	fputc('\n', f);
	if (q != NULL && r->npoints > 0) {
		size_t covered = 0;
		for (size_t i = 0; i < r->npoints; i++)
			covered += r->covered[i];
		fprintf(f, "Key points: %zu of %zu covered\n", covered, r->npoints);
		for (size_t i = 0; i < r->npoints && i < q->npoints; i++)
			fprintf(f, "  [%c] %s\n", r->covered[i] ? 'x' : ' ', q->points[i].label);
	}
	if (r->nfindings == 0) {
		fprintf(f, "\nNo findings.\n");
	} else {
		fprintf(f, "\nFindings (%zu):\n", r->nfindings);
		for (size_t i = 0; i < r->nfindings; i++) {
			const struct coach_finding *fd = &r->findings[i];
			if (fd->quote[0] != '\0')
				fprintf(f, "  %-16s \"%s\"\n", coach_kind_name(fd->kind),
					fd->quote);
			else
				fprintf(f, "  %s\n", coach_kind_name(fd->kind));
			fprintf(f, "      %s\n", fd->message);
		}
	}
	if (followups) {
		const struct coach_followup *fu[3];
		size_t n = coach_followups(r, fu, ARRAY_LEN(fu));
		fprintf(f, "\nFollow-ups to prepare for:\n");
		for (size_t i = 0; i < n; i++)
			fprintf(f, "  %zu. %s\n", i + 1, fu[i]->question);
	}
}

/* Integral values print as JSON integers ("value": 2000000). */
static json_t *
cmd_coach_json_number(double v)
{
	if (!isfinite(v))
		return json_null();
	if (v == floor(v) && fabs(v) < 9007199254740992.0)
		return json_integer((json_int_t)v);
	return json_real(v);
}

/*
 * A JSON string of s. Quotes come from what the user typed: bytes that
 * are not valid UTF-8 are written as '?' rather than dropping the field.
 */
static json_t *
cmd_coach_json_text(const char *s)
{
	json_t *j = json_string(s);
	char *copy;

	if (j != NULL)
		return j;
	copy = xstrdup(s);
	for (char *p = copy; *p; p++)
		if ((unsigned char)*p >= 0x80)
			*p = '?';
	j = json_string(copy);
	free(copy);
	return j;
}

json_t *
cmd_coach_json(const struct coach_result *r, const struct coach_question *q, const char *card_id)
{
	json_t *root = json_object(), *star = json_object(), *shares = json_object();
	json_t *findings = json_array(), *figures = json_array(), *fus = json_array();
	const struct coach_followup *fu[3];
	size_t nfu = coach_followups(r, fu, ARRAY_LEN(fu));

	json_object_set_new(root, "level", json_string(coach_level_name(r->level)));
	json_object_set_new(root, "words", json_integer((json_int_t)r->words));
	json_object_set_new(root, "minutes", json_real(round(r->minutes * 100) / 100));
	for (int p = 0; p < COACH_NPARTS; p++) {
		const char *name = coach_part_name((enum coach_part)p);
		json_object_set_new(star, name, json_boolean(r->star[p]));
		json_object_set_new(shares, name, json_real(round(r->star_share[p] * 1000) / 1000));
	}
	json_object_set_new(root, "star", star);
	json_object_set_new(root, "shares", shares);
	json_object_set_new(root, "labelled", json_boolean(r->labelled));
	if (card_id != NULL)
		json_object_set_new(root, "question", json_string(card_id));
	if (q != NULL && r->npoints > 0) {
		json_t *pts = json_array();
		for (size_t i = 0; i < r->npoints && i < q->npoints; i++) {
			json_t *jp = json_object();
			json_object_set_new(jp, "label", json_string(q->points[i].label));
			json_object_set_new(jp, "covered", json_boolean(r->covered[i]));
			json_array_append_new(pts, jp);
		}
		json_object_set_new(root, "points", pts);
	}
	for (size_t i = 0; i < r->nfigures; i++) {
		const struct coach_figure *fg = &r->figures[i];
		json_t *jf = json_object();
		json_object_set_new(jf, "kind", json_string(coach_figure_kind_name(fg->kind)));
		json_object_set_new(jf, "value", cmd_coach_json_number(fg->value));
		json_object_set_new(jf, "claim", json_boolean(fg->claim));
		json_object_set_new(jf, "role", json_string(coach_figure_role_name(fg->role)));
		json_object_set_new(jf, "offset", json_integer((json_int_t)fg->offset));
		json_array_append_new(figures, jf);
	}
	json_object_set_new(root, "figures", figures);
	for (size_t i = 0; i < r->nfindings; i++) {
		const struct coach_finding *fd = &r->findings[i];
		json_t *jf = json_object();
		json_object_set_new(jf, "kind", json_string(coach_kind_name(fd->kind)));
		/* quotes come from user text: keep invalid UTF-8 out of JSON */
		json_object_set_new(jf, "quote", cmd_coach_json_text(fd->quote));
		json_object_set_new(jf, "message", cmd_coach_json_text(fd->message));
		json_array_append_new(findings, jf);
	}
	json_object_set_new(root, "findings", findings);
	for (size_t i = 0; i < nfu; i++) {
		json_t *jf = json_object();
		json_object_set_new(jf, "key", json_string(fu[i]->key));
		json_object_set_new(jf, "question", json_string(fu[i]->question));
		json_array_append_new(fus, jf);
	}
	json_object_set_new(root, "followups", fus);
	return root;
}

/* ------------------------------------------------------------------ */
/* the command                                                         */

struct cmd_coach_opts {
	const char *path;     /* "-" for standard input */
	const char *question; /* card id or NULL */
	int level;	      /* enum coach_level, or -1 when not given */
	bool json, help;
};

static int
cmd_coach_options(struct app *app, int argc, char **argv, struct cmd_coach_opts *o)
{
	static const struct option opts[] = {
		{"level", required_argument, NULL, 'l'}, {"question", required_argument, NULL, 'q'},
		{"json", no_argument, NULL, 'j'},        {"db", required_argument, NULL, 0},
		{"seed", required_argument, NULL, 0},    {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c, idx;

	o->path = "-";
	o->level = -1;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, &idx)) != -1) {
		switch (c) {
		case 0:
			if (app_common_option(app, opts[idx].name, optarg) < 0)
				return EXIT_USER;
			break;
		case 'l':
			o->level = coach_level_from_name(optarg);
			if (o->level < 0) {
				app_err("--level is L6 or L7, not \"%s\"",
					optarg);
				return EXIT_USER;
			}
			break;
		case 'q':
			o->question = optarg;
			break;
		case 'j':
			o->json = true;
			break;
		case 'h':
			o->help = true;
			break;
		default:
			app_err("see drill coach --help");
			return EXIT_USER;
		}
	}
	if (argc - optind > 1) {
		app_err("one answer file at most");
		return EXIT_USER;
	}
	if (optind < argc)
		o->path = argv[optind];
	return EXIT_OK;
}

/* Is the text only white space (or nothing)? */
static bool
cmd_coach_is_blank(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isspace((unsigned char)text[i]))
			return false;
	return true;
}

int
cmd_coach(struct app *app, int argc, char **argv)
{
	struct cmd_coach_opts o = {0};
	struct coach *c = NULL;
	struct store *store = NULL;
	struct card **cards = NULL;
	size_t ncards = 0;
	struct coach_question q = {0};
	const struct card *card = NULL;
	struct coach_options opt = {COACH_L6, NULL, false};
	struct coach_result *r = NULL;
	char *text = NULL;
	size_t len = 0;
	char err[256];
	int rc = cmd_coach_options(app, argc, argv, &o);

	if (rc != EXIT_OK)
		goto out;
	if (o.help) {
		fputs(cmd_coach_usage, stdout);
		goto out;
	}
	if (o.question != NULL) {
		/* Only reads: without a database, the bundled decks' questions. */
		rc = app_open_store(app, false, &store);
		if (rc == EXIT_OK)
			rc = cmd_coach_open_cards(app, store, &cards, &ncards);
		if (rc != EXIT_OK)
			goto out;
		card = cmd_coach_find_card(cards, ncards, o.question);
		if (card == NULL) {
			app_err("no open card \"%s\" (drill mock lists them "
					"with --list)", o.question);
			rc = EXIT_USER;
			goto out;
		}
		cmd_coach_question(card, &q);
		opt.question = &q;
	}
	opt.level = o.level >= 0 ? (enum coach_level)o.level : cmd_coach_card_level(card, COACH_L6);

	text = slurp_max(o.path, SLURP_MAX_TEXT, &len);
	if (text == NULL && errno == EFBIG) {
		cmd_coach_too_long(len);
		rc = EXIT_USER;
		goto out;
	}
	if (text == NULL) {
		app_err("cannot read %s: %s",
			strcmp(o.path, "-") == 0 ? "standard input" : o.path, strerror(errno));
		rc = EXIT_ENV;
		goto out;
	}
	if (cmd_coach_is_blank(text, len)) {
		if (strcmp(o.path, "-") == 0)
			app_err("the answer is empty; type or pipe a STAR answer "
				"(or give a file: drill coach FILE)");
		else
			app_err("the answer in %s is empty; write a STAR answer in it", o.path);
		rc = EXIT_USER;
		goto out;
	}
	if (coach_new(&c, err, sizeof(err)) != 0) {
		app_err("%s", err);
		rc = EXIT_ENV;
		goto out;
	}
	coach_analyse(c, text, len, &opt, &r);
	if (o.json) {
		json_t *root = cmd_coach_json(r, opt.question, card ? card->id : NULL);
		json_dumpf(root, stdout, CMD_COACH_JSON_FLAGS);
		fputc('\n', stdout);
		json_decref(root);
	} else {
		if (card != NULL)
			printf("Question (%s): %s\n", card->id, card->prompt);
		cmd_coach_print(stdout, r, opt.question, true);
	}

out:
	coach_result_free(r);
	coach_free(c);
	cmd_coach_question_clear(&q);
	cmd_coach_free_cards(cards, ncards);
	store_close(store);
	free(text);
	return rc;
}

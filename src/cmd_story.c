/*
 * cmd_story: `drill story new|list|check|matrix` — the candidate's own
 * stories (docs/stories.md): writing one from a template, listing them,
 * checking each with the impact engine and the coach, and the
 * leadership-principle coverage matrix. Reading the folder is the
 * importer's (importer_read_stories); the checks are the engine's, the
 * audit's and the coach's.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amount.h"
#include "cmd.h"
#include "cmd_story.h"
#include "coach.h"
#include "diag.h"
#include "impact.h"
#include "importer.h"
#include "paths.h"
#include "principles.h"
#include "record.h"
#include "slurp.h"
#include "story.h"
#include "storycheck.h"
#include "ui.h"
#include "util.h"

#define CMD_STORY_JSON_FLAGS (JSON_INDENT(2) | JSON_REAL_PRECISION(10))

/* The story bank's level ranges, from the source on L6/L7 stories. */
#define CMD_STORY_L6_MIN 500e3
#define CMD_STORY_L6_MAX 5e6
#define CMD_STORY_L7_MIN 5e6

static const char cmd_story_usage[] =
    "usage: drill story COMMAND [OPTIONS]\n"
    "\n"
    "Your own STAR stories, kept as plain-text *.story files (docs/stories.md).\n"
    "\n"
    "Commands:\n"
    "  new [ID]        write a new story from a template in $EDITOR\n"
    "  list [--json]   every story: id, level, principles, annual figure\n"
    "  check [ID] [--json]\n"
    "                  each story's figure by the engine and its level fit, every\n"
    "                  calculation audited, and the coach's findings on its text\n"
    "  matrix [--level L6|L7] [--json]\n"
    "                  the 16 leadership principles against your stories\n"
    "\n"
    "Options:\n"
    "  --stories DIR   the story folder (default $DRILL_STORIES, else\n"
    "                  $XDG_DATA_HOME/drill/stories or ~/.local/share/drill/stories)\n"
    "\n"
    "Your stories are also cards: drill study --deck stories rehearses them.\n"
    "Exit status: 0, 1 when a story has errors (or check finds a wrong\n"
    "calculation), 2 when a file cannot be read or written.\n";

/* What every subcommand reads: its options and the stories. */
struct cmd_story_run {
	struct app *app;
	bool json;
	const char *id;	   /* check: one story */
	int level;	   /* matrix --level: 6 or 7; 0 from the stories */
	char *dir;	   /* the folder */
	struct story_set set;
};

static void
cmd_story_report(struct diag_list *dl)
{
	for (size_t i = 0; i < dl->n; i++) {
		char *m = diag_format(&dl->v[i]);
		app_err("%s", m);
		free(m);
	}
}

/*
 * Reads the options of subcommand name (argv[0]) and the stories. Returns
 * EXIT_OK, or the exit status after printing why not. *missing is set
 * when the folder does not exist (no stories).
 */
static int
cmd_story_open(struct cmd_story_run *r, int argc, char **argv, bool *missing)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},	 {"level", required_argument, NULL, 'l'},
		{"stories", required_argument, NULL, 0}, {"db", required_argument, NULL, 0},
		{"seed", required_argument, NULL, 0},	 {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c, idx;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, &idx)) != -1) {
		switch (c) {
		case 0:
			if (app_common_option(r->app, opts[idx].name, optarg) < 0)
				return EXIT_USER;
			break;
		case 'j':
			r->json = true;
			break;
		case 'l':
			if (strcasecmp(optarg, "L6") == 0 || strcasecmp(optarg, "L7") == 0) {
				r->level = optarg[1] - '0';
				break;
			}
			app_err("--level is L6 or L7, not \"%s\"", optarg);
			return EXIT_USER;
		case 'h':
			fputs(cmd_story_usage, stdout);
			return -1;
		default:
			fputs(cmd_story_usage, stderr);
			return EXIT_USER;
		}
	}
	if (optind < argc && strcmp(argv[0], "check") == 0)
		r->id = argv[optind++];
	if (optind < argc) {
		app_err("unexpected argument \"%s\"", argv[optind]);
		return EXIT_USER;
	}
	return app_read_stories(r->app, &r->dir, &r->set, missing);
}

static void
cmd_story_close(struct cmd_story_run *r)
{
	story_set_free(&r->set);
	free(r->dir);
}

static json_t *
cmd_story_principles_json(const struct story *st)
{
	json_t *a = json_array();

	for (size_t i = 0; i < st->nprinciples; i++)
		json_array_append_new(a, json_string(principle_at(st->principles[i])->name));
	return a;
}

/* "Dive Deep; Deliver Results" */
static void
cmd_story_principles_text(const struct story *st, struct sbuf *b)
{
	for (size_t i = 0; i < st->nprinciples; i++)
		sbuf_printf(b, "%s%s", i ? "; " : "", principle_at(st->principles[i])->name);
}

static const char *
cmd_story_base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s != NULL ? s + 1 : path;
}

/* ------------------------------------------------------------------ */
/* list                                                                */

static int
cmd_story_list(struct cmd_story_run *r)
{
	if (r->json) {
		json_t *root = json_object(), *a = json_array();
		for (size_t i = 0; i < r->set.n; i++) {
			const struct story *st = r->set.v[i];
			json_t *o = json_object();
			json_object_set_new(o, "id", json_string(st->id));
			json_object_set_new(o, "title", json_string(st->title.value));
			json_object_set_new(o, "level", json_sprintf("L%d", st->level));
			json_object_set_new(o, "principles", cmd_story_principles_json(st));
			json_object_set_new(o, "when", st->when.value ? json_string(st->when.value)
								      : json_null());
			json_object_set_new(o, "annual",
					    st->has_annual ? json_real(st->annual) : json_null());
			json_object_set_new(o, "file", json_string(st->path));
			json_object_set_new(o, "line", json_integer(st->line));
			json_array_append_new(a, o);
		}
		json_object_set_new(root, "stories", a);
		json_dumpf(root, stdout, CMD_STORY_JSON_FLAGS);
		putchar('\n');
		json_decref(root);
		return EXIT_OK;
	}
	if (r->set.n == 0) {
		printf("No stories in %s yet: drill story new writes one.\n", r->dir);
		return EXIT_OK;
	}
	for (size_t i = 0; i < r->set.n; i++) {
		const struct story *st = r->set.v[i];
		struct sbuf b = {0};
		char v[AMOUNT_FORMAT_MAX] = "no impact: line";
		if (st->has_annual) {
			amount_format_sig(st->annual, AMOUNT_MONEY, 3, v, sizeof(v));
			strncat(v, " a year", sizeof(v) - strlen(v) - 1);
		}
		cmd_story_principles_text(st, &b);
		printf("%s  L%d  %s\n    %s\n    %s  (%s:%d)\n", st->id, st->level, st->title.value,
		       b.buf != NULL ? b.buf : "", v, cmd_story_base(st->path), st->line);
		sbuf_free(&b);
	}
	printf("%zu %s in %s.\n", r->set.n, r->set.n == 1 ? "story" : "stories", r->dir);
	return EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* check                                                               */

/* One finding of story check: a coach kind, a quote and a message. */
struct cmd_story_finding {
	const char *kind; /* static */
	char *quote;	  /* owned */
	char *message;	  /* owned */
};

struct cmd_story_check {
	struct cmd_story_finding *v;
	size_t n, cap;
	bool wrong; /* an audit found a calculation wrong */
};

static void
cmd_story_add(struct cmd_story_check *k, const char *kind, const char *quote, char *message)
{
	if (k->n == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 16;
		k->v = xrealloc(k->v, k->cap * sizeof(*k->v));
	}
	k->v[k->n].kind = kind;
	k->v[k->n].quote = xstrdup(quote);
	k->v[k->n].message = message;
	k->n++;
}

static void
cmd_story_check_free(struct cmd_story_check *k)
{
	for (size_t i = 0; i < k->n; i++) {
		free(k->v[i].quote);
		free(k->v[i].message);
	}
	free(k->v);
}

/* Appends "Label: value\n" and returns where value starts in b. */
static size_t
cmd_story_part(struct sbuf *b, const char *label, const char *value)
{
	size_t at;

	sbuf_printf(b, "%s: ", label);
	at = b->len;
	for (const char *p = value; p != NULL && *p; p++)
		sbuf_addc(b, *p == '\n' ? ' ' : *p);
	sbuf_addc(b, '\n');
	return at;
}

/* Does an impact: line of the story state the share claimed? */
static bool
cmd_story_has_share(const struct story *st)
{
	for (size_t i = 0; i < st->nimpacts; i++)
		for (size_t j = 0; j < st->impacts[i].args.n; j++)
			if (!st->impacts[i].args.defaulted[j] &&
			    strcmp(st->impacts[i].args.names[j], "attribution") == 0)
				return true;
	return false;
}

/*
 * The story told as a labelled STAR answer, analysed by the coach at the
 * story's level. Left out: the length kinds (a story file holds the facts;
 * the telling is timed by drill mock), and what the story's own fields
 * answer: no_method when impact: lines give the calculation, no_validation
 * when validated: says who checked it, no_attribution when an impact: line
 * states the share.
 */
static void
cmd_story_coach(const struct coach *coach, const struct story *st, struct cmd_story_check *k)
{
	struct sbuf text = {0};
	struct coach_options opt = {st->level == 7 ? COACH_L7 : COACH_L6, NULL, false};
	struct coach_result *res = NULL;
	size_t rs, re;

	cmd_story_part(&text, "Situation", st->situation.value);
	cmd_story_part(&text, "Task", st->task.value);
	cmd_story_part(&text, "Action", st->action.value);
	rs = cmd_story_part(&text, "Result", st->result.value);
	if (st->validated.value != NULL) { /* how it was checked is part of the result told */
		text.len--;
		sbuf_adds(&text, " Validated: ");
		cmd_story_part(&text, "", st->validated.value);
	}
	re = text.len;
	coach_analyse(coach, text.buf, text.len, &opt, &res);
	for (size_t i = 0; i < res->nfindings; i++) {
		const struct coach_finding *f = &res->findings[i];
		if (f->kind == COACH_TOO_SHORT || f->kind == COACH_TOO_LONG ||
		    (f->kind == COACH_NO_METHOD && st->nimpacts > 0) ||
		    (f->kind == COACH_NO_VALIDATION && st->validated.value != NULL) ||
		    (f->kind == COACH_NO_ATTRIBUTION && cmd_story_has_share(st)))
			continue;
		cmd_story_add(k, coach_kind_name(f->kind), f->quote, xstrdup(f->message));
		k->wrong = k->wrong || f->wrong;
	}
	/* the Result's figures against the file's (the engine's figure, the share, the dates) */
	{
		struct storycheck sc = {0};
		storycheck_told(st, text.buf, rs, re, res, &sc);
		for (size_t i = 0; i < sc.n; i++) {
			cmd_story_add(k, "inconsistent", sc.v[i].quote, sc.v[i].message);
			sc.v[i].message = NULL;
		}
		storycheck_free(&sc);
	}
	coach_result_free(res);
	sbuf_free(&text);
}

size_t
cmd_story_findings(const struct coach *coach, const struct story *st)
{
	struct cmd_story_check k = {0};
	size_t n;

	cmd_story_coach(coach, st, &k);
	n = k.n;
	cmd_story_check_free(&k);
	return n;
}

static const char *
cmd_story_fit_text(const struct story *st, bool fits)
{
	if (st->level == 6)
		return fits ? "fits the L6 story range ($500K-$5M)"
			    : st->annual < CMD_STORY_L6_MIN
				  ? "below the L6 story range ($500K-$5M): find the business value "
				    "beyond the direct saving"
				  : "above the L6 story range ($500K-$5M): an L7-sized figure; be ready "
				    "to defend it, or claim your share";
	return fits ? "fits the L7 story range ($5M-$50M+)"
		    : "below the L7 story range ($5M-$50M+): show the business value at scale, "
		      "or tell it as an L6 story";
}

bool
cmd_story_fits(const struct story *st)
{
	if (!st->has_annual)
		return false;
	if (st->level == 6)
		return st->annual >= CMD_STORY_L6_MIN && st->annual <= CMD_STORY_L6_MAX;
	return st->annual >= CMD_STORY_L7_MIN;
}

static int
cmd_story_check_all(struct cmd_story_run *r)
{
	struct coach *coach = NULL;
	char err[256];
	json_t *root = NULL, *arr = NULL;
	bool any_wrong = false;
	size_t shown = 0, nfind = 0;

	if (r->id != NULL && story_find(&r->set, r->id) == NULL) {
		app_err("no story with id \"%s\" in %s (drill story list shows them)", r->id,
			r->dir);
		return EXIT_USER;
	}
	if (coach_new(&coach, err, sizeof(err)) != 0) {
		app_err("%s", err);
		return EXIT_ENV;
	}
	if (r->json) {
		root = json_object();
		arr = json_array();
	}
	for (size_t i = 0; i < r->set.n; i++) {
		const struct story *st = r->set.v[i];
		struct cmd_story_check k = {0};
		bool fits = st->has_annual && cmd_story_fits(st);

		if (r->id != NULL && strcmp(r->id, st->id) != 0)
			continue;
		shown++;
		cmd_story_coach(coach, st, &k);
		any_wrong = any_wrong || k.wrong;
		nfind += k.n;
		if (r->json) {
			json_t *o = json_object(), *fa = json_array();
			json_object_set_new(o, "id", json_string(st->id));
			json_object_set_new(o, "level", json_sprintf("L%d", st->level));
			json_object_set_new(o, "principles", cmd_story_principles_json(st));
			json_object_set_new(o, "annual",
					    st->has_annual ? json_real(st->annual) : json_null());
			json_object_set_new(o, "band",
					    st->has_annual ? json_string(impact_level_name(
								 impact_level_of(st->annual)))
							   : json_null());
			json_object_set_new(o, "fits_level",
					    st->has_annual ? json_boolean(fits) : json_null());
			for (size_t j = 0; j < k.n; j++) {
				json_t *f = json_object();
				json_object_set_new(f, "kind", json_string(k.v[j].kind));
				json_object_set_new(f, "quote", json_string(k.v[j].quote));
				json_object_set_new(f, "message", json_string(k.v[j].message));
				json_array_append_new(fa, f);
			}
			json_object_set_new(o, "findings", fa);
			json_array_append_new(arr, o);
		} else {
			printf("%s  L%d  %s  (%s:%d)\n", st->id, st->level, st->title.value,
			       cmd_story_base(st->path), st->line);
			if (st->has_annual) {
				char v[AMOUNT_FORMAT_MAX];
				enum impact_level band = impact_level_of(st->annual);
				amount_format_sig(st->annual, AMOUNT_MONEY, 4, v, sizeof(v));
				printf("  annual  %s a year by the engine: %s (band %s)\n", v,
				       impact_level_text(band), impact_level_name(band));
				printf("  level   %s\n", cmd_story_fit_text(st, fits));
			} else {
				printf("  annual  none: add an impact: line (drill calc --list shows "
				       "the methods)\n");
			}
			for (size_t j = 0; j < k.n; j++)
				printf("  %-14s %s%s%s%s\n", k.v[j].kind, k.v[j].quote[0] ? "\"" : "",
				       k.v[j].quote, k.v[j].quote[0] ? "\": " : "", k.v[j].message);
			if (k.n == 0)
				printf("  no findings\n");
			putchar('\n');
		}
		cmd_story_check_free(&k);
	}
	if (r->json) {
		json_object_set_new(root, "stories", arr);
		json_dumpf(root, stdout, CMD_STORY_JSON_FLAGS);
		putchar('\n');
		json_decref(root);
	} else if (shown == 0) {
		printf("No stories in %s yet: drill story new writes one.\n", r->dir);
	} else {
		printf("%zu %s checked, %zu %s%s.\n", shown, shown == 1 ? "story" : "stories", nfind,
		       nfind == 1 ? "finding" : "findings",
		       any_wrong ? "; a calculation is wrong" : "");
	}
	coach_free(coach);
	return any_wrong ? EXIT_USER : EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* matrix                                                              */

static int
cmd_story_matrix(struct cmd_story_run *r)
{
	struct story_coverage cov;
	char target[32];

	story_coverage(&r->set, r->level, &cov);
	snprintf(target, sizeof(target), "%zu-%zu", cov.bank_min, cov.bank_max);
	if (r->json) {
		json_t *root = json_object(), *a = json_array(), *bank = json_object();
		json_object_set_new(root, "target", json_integer(STORY_TARGET));
		for (int p = 0; p < PRINCIPLE_COUNT; p++) {
			json_t *o = json_object(), *ids = json_array();
			for (size_t i = 0; i < r->set.n; i++)
				if (story_shows(r->set.v[i], p))
					json_array_append_new(ids, json_string(r->set.v[i]->id));
			json_object_set_new(o, "name", json_string(principle_at(p)->name));
			json_object_set_new(o, "stories", ids);
			json_object_set_new(o, "status", json_string(story_status_name(cov.status[p])));
			json_array_append_new(a, o);
		}
		json_object_set_new(root, "principles", a);
		json_object_set_new(bank, "stories", json_integer((json_int_t)r->set.n));
		json_object_set_new(bank, "level", json_sprintf("L%d", cov.level));
		json_object_set_new(bank, "target", json_string(target));
		json_object_set_new(root, "bank", bank);
		json_dumpf(root, stdout, CMD_STORY_JSON_FLAGS);
		putchar('\n');
		json_decref(root);
		return EXIT_OK;
	}

	struct ui *u = ui_new(NULL, NULL);
	static const enum ui_colour colour[] = {
	    [STORY_MISSING] = UI_RED, [STORY_THIN] = UI_YELLOW, [STORY_COVERED] = UI_GREEN};

	/* the columns: one per story, numbered; the legend below */
	printf("%-45s", "");
	for (size_t i = 0; i < r->set.n; i++)
		printf("%3zu", i + 1);
	printf("   stories\n");
	for (int p = 0; p < PRINCIPLE_COUNT; p++) {
		printf("%-45s", principle_at(p)->name);
		for (size_t i = 0; i < r->set.n; i++)
			printf("  %s", story_shows(r->set.v[i], p) ? "#" : ".");
		printf("   %s%zu %s%s\n", ui_on(u, colour[cov.status[p]]), cov.count[p],
		       story_status_name(cov.status[p]), ui_off(u));
	}
	putchar('\n');
	for (size_t i = 0; i < r->set.n; i++)
		printf("%3zu  %s (L%d)\n", i + 1, r->set.v[i]->id, r->set.v[i]->level);
	printf("\nTarget: every principle in at least %d stories. %zu missing, %zu thin.\n",
	       STORY_TARGET, cov.missing, cov.thin);
	printf("Bank: %zu %s; an L%d candidate keeps %s.%s\n", r->set.n,
	       r->set.n == 1 ? "story" : "stories", cov.level, target,
	       r->set.n < cov.bank_min ? " Write more: drill story new." : "");
	ui_free(u);
	return EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* new                                                                 */

static const char cmd_story_template[] =
    "# A new story. Fill in every field not marked optional, then save and quit.\n"
    "# Lines starting with '#' are comments; a value may go on over indented\n"
    "# lines. Leaving this file as it is writes nothing. docs/stories.md has\n"
    "# the format and the principle names.\n"
    "\n"
    "id: %s\n"
    "title: \n"
    "# L6 or L7: the level you will tell it at\n"
    "level: \n"
    "# separated by ';', e.g. Dive Deep; Deliver Results; Earn Trust\n"
    "principles: \n"
    "# optional: YYYY-MM or YYYY-MM to YYYY-MM\n"
    "# when: \n"
    "situation: \n"
    "task: \n"
    "action: \n"
    "result: \n"
    "# optional, repeatable: a drill calc method and its inputs, e.g.\n"
    "# impact: conversion traffic=4M before=2.3%% after=3.1%% aov=65 attribution=70%%\n"
    "# optional: how the figure was checked, and by whom\n"
    "# validated: \n"
    "# optional: what could change the figure, and how you would settle it\n"
    "# estimate_differently: \n"
    "# optional, repeatable: Name, Title: what they credit\n"
    "# endorsement: \n";

/* Writes text to a new file at path (not over an existing one). 0 or -1 (errno). */
static int
cmd_story_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "wx");
	size_t n = strlen(text);

	if (f == NULL)
		return -1;
	if (fwrite(text, 1, n, f) != n) {
		int e = errno;
		fclose(f);
		errno = e;
		return -1;
	}
	return fclose(f) == 0 ? 0 : -1;
}

static int
cmd_story_new(struct app *app, int argc, char **argv)
{
	struct cmd_story_run r = {.app = app};
	struct diag_list dl = {0};
	bool missing = false;
	const char *id = "my-story";
	char *path = NULL, *tmpl = NULL, *after = NULL, *newid = NULL;
	size_t len = 0;
	int rc, n = 1;

	if (argc >= 2 && argv[1][0] != '-') {
		id = argv[1];
		argv[1] = argv[0];
		argc--;
		argv++;
	}
	rc = cmd_story_open(&r, argc, argv, &missing);
	if (rc != EXIT_OK) {
		if (rc < 0)
			rc = EXIT_OK; /* --help */
		goto out;
	}
	if (!record_id_valid(id)) {
		app_err("\"%s\" is not a story id: use letters, digits, '-', '_' or '.'", id);
		rc = EXIT_USER;
		goto out;
	}
	if (missing && mkdir(r.dir, 0700) != 0 && errno != EEXIST) {
		app_err("cannot make the story folder %s: %s", r.dir, strerror(errno));
		rc = EXIT_ENV;
		goto out;
	}
	/* a free name: ID, else ID-2, ID-3 ... (neither a file nor a story id) */
	newid = xstrdup(id);
	path = xasprintf("%s/%s.story", r.dir, newid);
	while (access(path, F_OK) == 0 || story_find(&r.set, newid) != NULL) {
		free(path);
		free(newid);
		newid = xasprintf("%s-%d", id, ++n);
		path = xasprintf("%s/%s.story", r.dir, newid);
	}
	tmpl = xasprintf(cmd_story_template, newid);
	if (cmd_story_write(path, tmpl) != 0) {
		app_err("cannot write %s: %s", path, strerror(errno));
		rc = EXIT_ENV;
		goto out;
	}
	if (ui_edit(NULL, path, 7) != 0) {
		app_err("the editor (%s) did not finish cleanly; %s is left as it is", ui_editor(),
			path);
		rc = EXIT_ENV;
		goto out;
	}
	after = slurp(path, &len);
	if (after != NULL && len == strlen(tmpl) && memcmp(after, tmpl, len) == 0) {
		unlink(path);
		printf("Nothing written: the template was left as it was.\n");
		rc = EXIT_OK;
		goto out;
	}
	{
		struct story_set one = {0};
		if (after == NULL || story_parse(path, after, len, &one, &dl) != 0) {
			cmd_story_report(&dl);
			app_err("%s has errors; until they are fixed your stories are not loaded "
				"(edit it, then drill story check)",
				path);
			rc = EXIT_USER;
		} else {
			printf("Saved %s. drill story check %s checks it; drill study --deck "
			       "stories rehearses it.\n",
			       path, newid);
			rc = EXIT_OK;
		}
		story_set_free(&one);
	}
out:
	diag_list_free(&dl);
	free(newid);
	free(after);
	free(tmpl);
	free(path);
	cmd_story_close(&r);
	return rc;
}

int
cmd_story(struct app *app, int argc, char **argv)
{
	struct cmd_story_run r = {.app = app};
	bool missing = false;
	int rc;

	if (argc < 2) {
		fputs(cmd_story_usage, stderr);
		return EXIT_USER;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		fputs(cmd_story_usage, stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "new") == 0) {
		app_set_command("story new");
		return cmd_story_new(app, argc - 1, argv + 1);
	}
	if (strcmp(argv[1], "list") != 0 && strcmp(argv[1], "check") != 0 &&
	    strcmp(argv[1], "matrix") != 0) {
		app_err("unknown subcommand \"%s\"", argv[1]);
		fputs(cmd_story_usage, stderr);
		return EXIT_USER;
	}
	{
		char name[32];
		snprintf(name, sizeof(name), "story %s", argv[1]);
		app_set_command(name);
	}
	rc = cmd_story_open(&r, argc - 1, argv + 1, &missing);
	if (rc == EXIT_OK) {
		if (strcmp(argv[1], "list") == 0)
			rc = cmd_story_list(&r);
		else if (strcmp(argv[1], "check") == 0)
			rc = cmd_story_check_all(&r);
		else
			rc = cmd_story_matrix(&r);
	} else if (rc < 0) {
		rc = EXIT_OK; /* --help */
	}
	cmd_story_close(&r);
	return rc;
}

/*
 * cmd_loop: `drill loop` — plans an interview loop from the candidate's
 * own stories (docs/stories.md): which principles each interviewer asks
 * and which story answers each, no story told twice. Reading the folder
 * is the importer's, the findings and level fit are drill story check's
 * (cmd_story.h), the plan is the loop module's.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd.h"
#include "cmd_story.h"
#include "coach.h"
#include "diag.h"
#include "importer.h"
#include "loop.h"
#include "paths.h"
#include "principles.h"
#include "story.h"
#include "util.h"

#define CMD_LOOP_JSON_FLAGS JSON_INDENT(2)

static const char cmd_loop_usage[] =
    "usage: drill loop [--interviewers N] [--per-interviewer K] [--principles LIST]\n"
    "                  [--level L6|L7] [--json] [--stories DIR]\n"
    "\n"
    "Plans an interview loop from your stories: the leadership principles each\n"
    "interviewer asks and the story you tell for each, no story told twice.\n"
    "It covers as many principles as your stories can, then picks the stories\n"
    "with the fewest coach findings (drill story check), then those that fit\n"
    "the level, and says which story to write next.\n"
    "\n"
    "Options:\n"
    "  --interviewers N      interviewers in the loop, 1 to 10 (default 5)\n"
    "  --per-interviewer K   principles each asks, 1 to 4 (default 2)\n"
    "  --principles LIST     the principles to cover, separated by ';', most\n"
    "                        important first (default: the planner chooses N x K,\n"
    "                        those stressed for the level first)\n"
    "  --level L6|L7         the level of the loop (default: that of most stories)\n"
    "  --json                the plan as JSON\n"
    "  --stories DIR         the story folder (default $DRILL_STORIES, else\n"
    "                        $XDG_DATA_HOME/drill/stories or ~/.local/share/drill/stories)\n"
    "\n"
    "Exit status: 0, 1 for a bad option or a story with errors, 2 when a file\n"
    "cannot be read.\n";

struct cmd_loop_run {
	struct app *app;
	int interviewers, per, level; /* level: 0 until known */
	bool json;
	const char *list; /* --principles as given, or NULL */
	char *dir;
	struct story_set set;
};

/* A whole number in [lo, hi] for option name, else an error. */
static int
cmd_loop_number(const char *name, const char *arg, int lo, int hi, const char *why, int *out)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (end == arg || *end != '\0' || v < lo || v > hi) {
		app_err("--%s is a whole number from %d to %d%s, not \"%s\"", name, lo, hi, why,
			arg);
		return -1;
	}
	*out = (int)v;
	return 0;
}

/* Reads the options. Returns EXIT_OK, -1 after --help, or an exit status. */
static int
cmd_loop_options(struct cmd_loop_run *r, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"interviewers", required_argument, NULL, 'n'},
	    {"per-interviewer", required_argument, NULL, 'k'},
	    {"principles", required_argument, NULL, 'p'},
	    {"level", required_argument, NULL, 'l'},
	    {"json", no_argument, NULL, 'j'},
	    {"stories", required_argument, NULL, 0},
	    {"db", required_argument, NULL, 0},
	    {"seed", required_argument, NULL, 0},
	    {"help", no_argument, NULL, 'h'},
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
		case 'n':
			if (cmd_loop_number("interviewers", optarg, 1, LOOP_INTERVIEWERS_MAX,
					    " (a loop has 4 to 6)", &r->interviewers) != 0)
				return EXIT_USER;
			break;
		case 'k':
			if (cmd_loop_number("per-interviewer", optarg, 1, LOOP_PER_MAX,
					    " (an interviewer asks 2 or 3)", &r->per) != 0)
				return EXIT_USER;
			break;
		case 'p':
			r->list = optarg;
			break;
		case 'l':
			if (strcasecmp(optarg, "L6") == 0 || strcasecmp(optarg, "L7") == 0) {
				r->level = optarg[1] - '0';
				break;
			}
			app_err("--level is L6 or L7, not \"%s\"", optarg);
			return EXIT_USER;
		case 'j':
			r->json = true;
			break;
		case 'h':
			fputs(cmd_loop_usage, stdout);
			return -1;
		default:
			fputs(cmd_loop_usage, stderr);
			return EXIT_USER;
		}
	}
	if (optind < argc) {
		app_err("unexpected argument \"%s\" (drill loop --help shows the options)",
			argv[optind]);
		return EXIT_USER;
	}
	return EXIT_OK;
}

/* Reads the story folder, printing every problem. Returns an exit status;
 * *missing when the folder does not exist. */
static int
cmd_loop_read(struct cmd_loop_run *r, bool *missing)
{
	int rc = app_read_stories(r->app, &r->dir, &r->set, missing);

	if (rc != EXIT_OK)
		return rc;
	if (r->set.n > LOOP_STORIES_MAX) {
		app_err("%s holds %zu stories; drill loop plans from %d at most: keep your best "
			"in a folder of their own and pass it with --stories",
			r->dir, r->set.n, LOOP_STORIES_MAX);
		return EXIT_USER;
	}
	return EXIT_OK;
}

/* The planner's view of the stories: the findings and fit of story check. */
static int
cmd_loop_stories(const struct story_set *set, struct loop_story *out)
{
	struct coach *coach = NULL;
	char err[256];

	if (set->n == 0)
		return EXIT_OK;
	if (coach_new(&coach, err, sizeof(err)) != 0) {
		app_err("%s", err);
		return EXIT_ENV;
	}
	for (size_t i = 0; i < set->n; i++) {
		const struct story *st = set->v[i];
		size_t f = cmd_story_findings(coach, st);
		out[i].level = st->level;
		out[i].shows = 0;
		for (size_t j = 0; j < st->nprinciples; j++)
			out[i].shows |= 1u << st->principles[j];
		out[i].cost = f > LOOP_COST_MAX ? LOOP_COST_MAX : (int)f;
		out[i].fits = cmd_story_fits(st);
	}
	coach_free(coach);
	return EXIT_OK;
}

static void
cmd_loop_json(const struct cmd_loop_run *r, const struct loop_plan *pl)
{
	json_t *root = json_object(), *ivs = json_array(), *unc = json_array();

	for (int i = 0; i < pl->interviewers; i++) {
		json_t *o = json_object(), *ps = json_array(), *ss = json_array();
		for (size_t j = 0; j < pl->nslots[i]; j++) {
			const struct loop_slot *sl = &pl->slot[i][j];
			json_array_append_new(ps, json_string(principle_at(sl->principle)->name));
			json_array_append_new(ss, sl->story >= 0
						      ? json_string(r->set.v[sl->story]->id)
						      : json_null());
		}
		json_object_set_new(o, "principles", ps);
		json_object_set_new(o, "stories", ss);
		json_array_append_new(ivs, o);
	}
	for (size_t j = 0; j < pl->nuncovered; j++)
		json_array_append_new(unc, json_string(principle_at(pl->uncovered[j])->name));
	json_object_set_new(root, "interviewers", ivs);
	json_object_set_new(root, "uncovered", unc);
	json_object_set_new(root, "suggestion",
			    pl->suggestion >= 0 ? json_string(principle_at(pl->suggestion)->name)
						: json_null());
	json_dumpf(root, stdout, CMD_LOOP_JSON_FLAGS);
	putchar('\n');
	json_decref(root);
}

/* Prints s padded with spaces to width columns (names and ids are ASCII). */
static void
cmd_loop_cell(const char *s, size_t width)
{
	size_t w = strlen(s);

	fputs(s, stdout);
	for (; w < width; w++)
		putchar(' ');
}

static void
cmd_loop_text(const struct cmd_loop_run *r, const struct loop_plan *pl, const struct loop_story *ls,
	      bool missing)
{
	static const char none[] = "(no story)";
	size_t pw = strlen("Interviewer 10"), sw = strlen(none), used = 0, count = 0;
	char fit[16];

	if (missing || r->set.n == 0)
		printf("No stories in %s yet: drill story new writes one. The loop below is "
		       "what to prepare.\n\n",
		       r->dir);
	printf("Loop: %d %s, ", r->interviewers,
	       r->interviewers == 1 ? "interviewer" : "interviewers");
	if (r->list != NULL)
		printf("the principles you listed");
	else
		printf("%d %s each", r->per, r->per == 1 ? "principle" : "principles");
	printf(", at L%d.\n\n", r->level);
	for (int i = 0; i < pl->interviewers; i++)
		for (size_t j = 0; j < pl->nslots[i]; j++) {
			const struct loop_slot *sl = &pl->slot[i][j];
			size_t w = 2 + strlen(principle_at(sl->principle)->name);
			if (w > pw)
				pw = w;
			if (sl->story >= 0 && strlen(r->set.v[sl->story]->id) > sw)
				sw = strlen(r->set.v[sl->story]->id);
		}
	snprintf(fit, sizeof(fit), "fits L%d", r->level);
	for (int i = 0; i < pl->interviewers; i++) {
		char head[32];
		snprintf(head, sizeof(head), "Interviewer %d", i + 1);
		cmd_loop_cell(head, pw + 2);
		cmd_loop_cell("story", sw + 2);
		printf("%s  findings\n", fit);
		if (pl->nslots[i] == 0)
			printf("  (nothing to ask: your list has fewer principles than the "
			       "interviewers)\n");
		for (size_t j = 0; j < pl->nslots[i]; j++) {
			const struct loop_slot *sl = &pl->slot[i][j];
			printf("  ");
			cmd_loop_cell(principle_at(sl->principle)->name, pw);
			if (sl->story < 0) {
				printf("%s\n", none);
				continue;
			}
			cmd_loop_cell(r->set.v[sl->story]->id, sw + 2);
			cmd_loop_cell(ls[sl->story].level == r->level && ls[sl->story].fits ? "yes"
											    : "no",
				      strlen(fit) + 2);
			printf("%d\n", ls[sl->story].cost);
		}
		putchar('\n');
	}
	used = pl->covered;
	printf("%zu of %zu %s covered%s.\n", pl->covered, pl->slots,
	       pl->slots == 1 ? "principle" : "principles",
	       used > 1 ? ", no story told twice" : "");
	if (used > 0)
		printf("The %zu %s chosen %s %ld coach %s (drill story check); %zu %s L%d.\n", used,
		       used == 1 ? "story" : "stories", used == 1 ? "has" : "have", pl->findings,
		       pl->findings == 1 ? "finding" : "findings", pl->fits,
		       pl->fits == 1 ? "fits" : "fit", r->level);
	if (pl->nuncovered == 0)
		return;
	printf("\nNo story left for:\n");
	for (size_t j = 0; j < pl->nuncovered; j++)
		printf("  %s\n", principle_at(pl->uncovered[j])->name);
	for (size_t i = 0; i < r->set.n; i++)
		count += story_shows(r->set.v[i], pl->suggestion);
	printf("Write next: a story that shows %s", principle_at(pl->suggestion)->name);
	if (count == 0)
		printf(" (none of yours does).\n");
	else if (count == 1)
		printf(" (your one story that shows it is told for another principle).\n");
	else
		printf(" (your %zu stories that show it are told for other principles).\n", count);
}

int
cmd_loop(struct app *app, int argc, char **argv)
{
	struct cmd_loop_run r = {.app = app, .interviewers = 5, .per = 2};
	struct loop_story *ls = NULL;
	struct loop_input in;
	struct loop_plan pl;
	int list[PRINCIPLE_COUNT];
	size_t nlist = 0;
	bool missing = false;
	int rc;

	rc = cmd_loop_options(&r, argc, argv);
	if (rc < 0) {
		rc = EXIT_OK; /* --help */
		goto out;
	}
	if (rc == EXIT_OK && r.list != NULL) {
		char err[256];
		if (loop_read_principles(r.list, list, &nlist, err, sizeof(err)) != 0) {
			app_err("--principles: %s", err);
			rc = EXIT_USER;
		} else if (nlist > (size_t)(r.interviewers * r.per)) {
			app_err("--principles names %zu principles but the loop asks %d (%d x %d): "
				"raise --interviewers or --per-interviewer, or name fewer",
				nlist, r.interviewers * r.per, r.interviewers, r.per);
			rc = EXIT_USER;
		}
	}
	if (rc == EXIT_OK)
		rc = cmd_loop_read(&r, &missing);
	if (rc == EXIT_OK) {
		ls = xcalloc(r.set.n + 1, sizeof(*ls));
		rc = cmd_loop_stories(&r.set, ls);
	}
	if (rc != EXIT_OK)
		goto out;
	if (r.level == 0) {
		struct story_coverage cov;
		story_coverage(&r.set, 0, &cov);
		r.level = cov.level;
	}
	in = (struct loop_input){ls,   r.set.n, r.interviewers, r.per, r.level, nlist ? list : NULL,
				 nlist};
	loop_plan(&in, &pl);
	if (r.json)
		cmd_loop_json(&r, &pl);
	else
		cmd_loop_text(&r, &pl, ls, missing);
out:
	free(ls);
	story_set_free(&r.set);
	free(r.dir);
	return rc;
}

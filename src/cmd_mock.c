/*
 * cmd_mock: `drill mock [--level L6|L7] [--principle NAME] [--minutes N]
 * [--history]` runs a mock interview: one behavioural question (an open
 * card of the collection), the answer timed and analysed by the coach,
 * one to three defense follow-ups chosen from what the answer lacks, each
 * answered and analysed, then a scorecard saved in the database.
 * `--history` lists past mocks and the findings that keep coming back;
 * `--show N` prints one, `--delete N` removes one; `--list` the open
 * questions. All but the interview itself only read (or delete) and never
 * create a database.
 *
 * Input: every answer (the main one and each follow-up reply) ends with a
 * line holding only "." or with the end of input (Ctrl-D); blank lines
 * are part of it, so a pasted answer of several paragraphs stays one
 * answer, with or without the terminal's bracketed paste, under TERM=dumb
 * and piped. Interactively ":edit" finishes it in $EDITOR.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "cmd_coach.h"
#include "coach.h"
#include "diag.h"
#include "importer.h"
#include "paths.h"
#include "principles.h"
#include "rng.h"
#include "slurp.h"
#include "store.h"
#include "story.h"
#include "storycheck.h"
#include "ui.h"
#include "util.h"

static const char cmd_mock_usage[] =
    "usage: drill mock [--level L6|L7] [--principle NAME] [--minutes N]\n"
    "       drill mock --story ID [--principle NAME] [--stories DIR]\n"
    "       drill mock --history | --list | --show N | --delete N\n"
    "\n"
    "A mock interview. drill picks a behavioural question from the open cards\n"
    "of your decks (the bundled mock deck has them), times your answer and\n"
    "analyses it like `drill coach`, then asks one to three defense follow-ups\n"
    "chosen from what the answer lacks (attribution, the calculation, the\n"
    "period, the validation).\n"
    "Each follow-up is answered and checked in turn. A scorecard out of 100\n"
    "is printed and saved in the database.\n"
    "\n"
    "Answer over as many lines and paragraphs as you like, typed or pasted;\n"
    "every answer (the main one and each follow-up reply) ends with a line\n"
    "holding only \".\" (or Ctrl-D, or the end of piped input). Blank lines\n"
    "are part of the answer. Interactively, a line holding \":edit\" finishes\n"
    "the answer in $EDITOR. An answer may be 1 MB at most.\n"
    "\n"
    "  --level L6|L7     the level to interview for (default: the card's, else L6)\n"
    "  --principle NAME  only questions on this leadership principle (part of\n"
    "                    its name is enough: \"ownership\", \"customer\")\n"
    "  --minutes N       the time limit shown for the main answer (default:\n"
    "                    the level's upper bound, 3 for L6 and 4 for L7)\n"
    "  --story ID        a mock on one of your stories (docs/stories.md): the\n"
    "                    question of a principle it lists, at its level; the\n"
    "                    figures you tell are checked against the story file\n"
    "                    (the engine's figure, the share, the dates)\n"
    "  --stories DIR     your story folder (default $DRILL_STORIES, else\n"
    "                    ~/.local/share/drill/stories)\n"
    "  --history         list past mocks with their scores and the findings\n"
    "                    that keep recurring\n"
    "  --list            list the open questions (ids for drill coach --question)\n"
    "  --show N          print mock #N (as --history numbers them): its\n"
    "                    scorecard, the main answer and the findings\n"
    "  --delete N        delete mock #N and its findings\n"
    "  --help            show this help\n"
    "\n"
    "--history, --list and --show only read: without a database they create\n"
    "none (--list then shows the questions of the bundled decks).\n";

#define CMD_MOCK_HISTORY_MAX 20

struct cmd_mock_opts {
	int level;	       /* enum coach_level, or -1 */
	const char *principle; /* NULL: any */
	int minutes;	       /* 0: the level's default */
	bool history, list, help;
	const char *story; /* --story ID, or NULL */
	int64_t show;   /* --show N: the mock's id; 0 when not given */
	int64_t del;    /* --delete N: likewise */
};

/* A mock's number as --history prints it: "3" or "#3". */
static int
cmd_mock_number(const char *opt, const char *arg, int64_t *out)
{
	const char *p = arg[0] == '#' ? arg + 1 : arg;
	char *end;
	long long v;

	errno = 0;
	v = strtoll(p, &end, 10);
	if (*p < '0' || *p > '9' || *end != '\0' || errno != 0 || v < 1) {
		app_err("--%s takes a mock's number, as drill mock --history lists them "
			"(e.g. 3), not \"%s\"",
			opt, arg);
		return -1;
	}
	*out = (int64_t)v;
	return 0;
}

static int
cmd_mock_options(struct app *app, int argc, char **argv, struct cmd_mock_opts *o)
{
	static const struct option opts[] = {
		{"level", required_argument, NULL, 'l'}, {"principle", required_argument, NULL, 'p'},
		{"minutes", required_argument, NULL, 'm'}, {"history", no_argument, NULL, 'H'},
		{"list", no_argument, NULL, 'L'},        {"show", required_argument, NULL, 'S'},
		{"delete", required_argument, NULL, 'D'}, {"db", required_argument, NULL, 0},
		{"seed", required_argument, NULL, 0},    {"help", no_argument, NULL, 'h'},
		{"story", required_argument, NULL, 's'}, {"stories", required_argument, NULL, 0},
		{NULL, 0, NULL, 0},
	};
	int c, idx;
	char *end;
	long m;

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
		case 'p':
			o->principle = optarg;
			break;
		case 'm':
			errno = 0;
			m = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || errno != 0 || m < 1 || m > 60) {
				app_err("--minutes takes 1 to 60, not \"%s\"",
					optarg);
				return EXIT_USER;
			}
			o->minutes = (int)m;
			break;
		case 'H':
			o->history = true;
			break;
		case 'L':
			o->list = true;
			break;
		case 'S':
			if (cmd_mock_number("show", optarg, &o->show) != 0)
				return EXIT_USER;
			break;
		case 'D':
			if (cmd_mock_number("delete", optarg, &o->del) != 0)
				return EXIT_USER;
			break;
		case 'h':
			o->help = true;
			break;
		case 's':
			o->story = optarg;
			break;
		default:
			app_err("see drill mock --help");
			return EXIT_USER;
		}
	}
	if (optind < argc) {
		app_err("unexpected argument \"%s\" (see drill mock --help)",
			argv[optind]);
		return EXIT_USER;
	}
	if (o->history + o->list + (o->show > 0) + (o->del > 0) + (o->story != NULL) > 1) {
		app_err("--history, --list, --show, --delete and --story each go alone");
		return EXIT_USER;
	}
	return EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* history                                                             */

static void
cmd_mock_when(int64_t ms, char *buf, size_t len)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL || strftime(buf, len, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(buf, len, "?");
}

/* s may be NULL: no database yet, so no mocks either. */
static int
cmd_mock_history(struct store *s)
{
	struct store_mock *mocks = NULL;
	struct store_mock_recurring *rec = NULL;
	size_t n = 0, nrec = 0;
	int64_t total = 0;
	int rc = EXIT_OK;

	if (s == NULL) {
		printf("No mock interviews yet: run drill mock.\n");
		return EXIT_OK;
	}
	if (store_mocks(s, CMD_MOCK_HISTORY_MAX, &mocks, &n) != STORE_OK ||
	    store_mock_recurring(s, &rec, &nrec, &total) != STORE_OK) {
		app_err("%s", store_errmsg(s));
		rc = EXIT_ENV;
		goto out;
	}
	if (n == 0) {
		printf("No mock interviews yet: run drill mock.\n");
		goto out;
	}
	printf("Mock interviews, newest first (%lld in all):\n", (long long)total);
	for (size_t i = 0; i < n; i++) {
		const struct store_mock *m = &mocks[i];
		char when[32];
		cmd_mock_when(m->at, when, sizeof(when));
		printf("  #%-4lld %s  %s  %3d/100  %-28s %s\n", (long long)m->id, when, m->level,
		       m->score, m->card_id, m->principle);
		printf("         %lld words, %d of %d follow-ups defended; findings: %s\n",
		       (long long)m->words, m->defended, m->asked,
		       m->kinds[0] != '\0' ? m->kinds : "none");
	}
	if (nrec > 0) {
		printf("\nRecurring findings (main answers):\n");
		for (size_t i = 0; i < nrec; i++)
			printf("  %-16s in %lld of %lld mocks\n", rec[i].kind,
			       (long long)rec[i].mocks, (long long)total);
	}
out:
	store_mocks_free(mocks, n);
	store_mock_recurring_free(rec, nrec);
	return rc;
}

static void
cmd_mock_unknown(int64_t id)
{
	app_err("no mock interview #%lld (drill mock --history lists them)", (long long)id);
}

/* drill mock --show N; s may be NULL (no database: no mocks). */
static int
cmd_mock_show(struct store *s, int64_t id)
{
	struct store_mock_detail d;
	const struct store_mock *m = &d.mock;
	bool found = false;
	char when[32];
	int round = -1;

	if (s == NULL) {
		cmd_mock_unknown(id);
		return EXIT_USER;
	}
	if (store_mock_get(s, id, &d, &found) != STORE_OK) {
		app_err("%s", store_errmsg(s));
		return EXIT_ENV;
	}
	if (!found) {
		cmd_mock_unknown(id);
		return EXIT_USER;
	}
	cmd_mock_when(m->at, when, sizeof(when));
	printf("Mock #%lld, %s: %s, %s (%s)\n", (long long)m->id, when, m->level,
	       m->principle[0] != '\0' ? m->principle : "any principle", m->card_id);
	printf("Scorecard: %d/100\n", m->score);
	printf("  %lld words", (long long)m->words);
	if (m->seconds >= 0)
		printf(", answered in %lld:%02lld", (long long)m->seconds / 60,
		       (long long)m->seconds % 60);
	else
		printf(", not timed");
	printf("; %d of %d follow-ups defended\n", m->defended, m->asked);
	printf("\nAnswer:\n");
	for (const char *p = d.answer; *p != '\0';) {
		const char *e = strchr(p, '\n');
		int len = (int)(e ? (size_t)(e - p) : strlen(p));
		printf("%s%.*s\n", len > 0 ? "  " : "", len, p);
		p = e ? e + 1 : p + len;
	}
	if (d.nfindings == 0)
		printf("\nNo findings.\n");
	for (size_t i = 0; i < d.nfindings; i++) {
		const struct store_mock_saved *f = &d.findings[i];
		if (f->round != round) {
			size_t k = i;
			while (k < d.nfindings && d.findings[k].round == f->round)
				k++;
			round = f->round;
			if (round == 0)
				printf("\nFindings, main answer (%zu):\n", k - i);
			else
				printf("\nFindings, follow-up %d (%zu):\n", round, k - i);
		}
		if (f->quote[0] != '\0')
			printf("  %-16s \"%s\"\n", f->kind, f->quote);
		else
			printf("  %s\n", f->kind);
	}
	store_mock_detail_clear(&d);
	return EXIT_OK;
}

/* drill mock --delete N; s may be NULL (no database: no mocks). */
static int
cmd_mock_delete(struct store *s, int64_t id)
{
	bool found = false;

	if (s == NULL) {
		cmd_mock_unknown(id);
		return EXIT_USER;
	}
	if (store_mock_delete(s, id, &found) != STORE_OK) {
		app_err("%s; nothing was deleted", store_errmsg(s));
		return EXIT_ENV;
	}
	if (!found) {
		cmd_mock_unknown(id);
		return EXIT_USER;
	}
	printf("Deleted mock #%lld and its findings.\n", (long long)id);
	return EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* reading answers                                                     */

enum cmd_mock_read { CMD_MOCK_ANSWER, CMD_MOCK_EOF, CMD_MOCK_INTERRUPTED, CMD_MOCK_TOO_LONG };

/*
 * Runs $VISUAL or $EDITOR on a temporary file holding *text; reads it back.
 * Returns 0, or the size of the edited answer when it is over
 * SLURP_MAX_TEXT (then *text is as it was).
 */
static size_t
cmd_mock_edit(struct ui *ui, char **text)
{
	size_t too_long = 0;
	const char *tmp = getenv("TMPDIR");
	char *path = xasprintf("%s/drill-mock-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path);
	FILE *f = NULL;

	if (fd < 0 || (f = fdopen(fd, "w")) == NULL) {
		printf("Cannot create a temporary file (%s); keep typing instead.\n",
		       strerror(errno));
		if (fd >= 0)
			close(fd);
		goto out;
	}
	fputs(*text, f);
	fclose(f);
	if (ui_edit(ui, path, 0) != 0) {
		printf("The editor (%s) did not finish cleanly; the answer is kept as typed.\n",
		       ui_editor());
		goto out;
	}
	size_t len;
	char *edited = slurp_max(path, SLURP_MAX_TEXT, &len);
	if (edited != NULL) {
		free(*text);
		*text = edited;
	} else if (errno == EFBIG) {
		too_long = len;
	}
out:
	if (fd >= 0)
		unlink(path);
	free(path);
	return too_long;
}

static bool
cmd_mock_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return false;
	return true;
}

/* Is line word alone, white space aside (".", ":edit")? */
static bool
cmd_mock_is(const char *line, const char *word)
{
	size_t n = strlen(word);

	while (*line == ' ' || *line == '\t')
		line++;
	return strncmp(line, word, n) == 0 && cmd_mock_blank(line + n);
}

/*
 * Typed input, a line at a time. Interactively readline returns a
 * bracketed paste as one string holding newlines: it is handed out line
 * by line, and lines left over after an answer's "." start the next one.
 */
struct cmd_mock_input {
	struct ui *ui;
	char *chunk; /* owned: what ui_read returned last, or NULL */
	char *next;  /* the next line in chunk, or NULL when it is used up */
};

/*
 * The next line, without its newline, borrowed until the next call; NULL
 * at the end of input or on Ctrl-C. The prompt shows only when a new
 * string is read.
 */
static const char *
cmd_mock_line(struct cmd_mock_input *in, const char *prompt)
{
	char *line, *nl;

	if (in->next == NULL) {
		free(in->chunk);
		in->chunk = ui_read(in->ui, prompt);
		if (in->chunk == NULL)
			return NULL;
		in->next = in->chunk;
	}
	line = in->next;
	nl = strchr(line, '\n');
	if (nl != NULL) {
		*nl = '\0';
		in->next = nl + 1;
	} else {
		in->next = NULL;
	}
	return line;
}

static void
cmd_mock_input_clear(struct cmd_mock_input *in)
{
	free(in->chunk);
	in->chunk = in->next = NULL;
}

static double
cmd_mock_clock(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Reads one answer into *out (caller frees): every line up to a line
 * holding only "." or the end of input (Ctrl-D); blank lines inside it
 * are kept, blank lines around it dropped. Interactively ":edit" finishes
 * it in $EDITOR. With t0 >= 0 (a timed interactive answer) each line's
 * prompt shows the clock: "[1:05/3:00] > ". An answer over SLURP_MAX_TEXT
 * is read to its end but not kept: CMD_MOCK_TOO_LONG, with its size in
 * *size.
 */
static enum cmd_mock_read
cmd_mock_read_answer(struct cmd_mock_input *in, double t0, int minutes, char **out, size_t *size)
{
	struct sbuf b = {0};
	bool interactive = ui_interactive(in->ui);
	char prompt[48] = "> ";
	const char *line;
	size_t total = 0; /* bytes of the answer, kept in b while within the cap */

	*out = NULL;
	*size = 0;
	for (;;) {
		if (t0 >= 0) {
			int secs = (int)(cmd_mock_clock() - t0);
			snprintf(prompt, sizeof(prompt), "[%d:%02d/%d:00] > ", secs / 60, secs % 60,
				 minutes);
		}
		if ((line = cmd_mock_line(in, prompt)) == NULL || cmd_mock_is(line, "."))
			break;
		if (interactive && cmd_mock_is(line, ":edit")) {
			char *text;
			size_t over;
			if (total > SLURP_MAX_TEXT)
				break; /* too long already: nothing left to edit */
			text = sbuf_take(&b);
			over = cmd_mock_edit(in->ui, &text);
			if (over > 0) {
				total = over;
			} else {
				sbuf_adds(&b, text);
				printf("%s\n", b.buf != NULL ? b.buf : "");
			}
			free(text);
			break;
		}
		if (total == 0 && cmd_mock_blank(line))
			continue; /* blank lines before the answer starts */
		total += strlen(line) + 1;
		if (total <= SLURP_MAX_TEXT) {
			sbuf_adds(&b, line);
			sbuf_addc(&b, '\n');
		} else {
			sbuf_free(&b); /* too long: only counted from here on */
		}
	}
	if (ui_interrupted(in->ui)) {
		sbuf_free(&b);
		return CMD_MOCK_INTERRUPTED;
	}
	if (total > SLURP_MAX_TEXT) {
		sbuf_free(&b);
		*size = total;
		return CMD_MOCK_TOO_LONG;
	}
	/* blank lines after the answer: one newline ends it */
	while (b.len > 0 && (b.buf[b.len - 1] == '\n' || b.buf[b.len - 1] == ' ' ||
			     b.buf[b.len - 1] == '\t' || b.buf[b.len - 1] == '\r'))
		b.buf[--b.len] = '\0';
	if (b.len == 0) {
		sbuf_free(&b);
		return CMD_MOCK_EOF;
	}
	sbuf_addc(&b, '\n');
	*out = sbuf_take(&b);
	return CMD_MOCK_ANSWER;
}


/* ------------------------------------------------------------------ */
/* the interview                                                       */

/* Does hay contain needle, ignoring ASCII case? */
static bool
cmd_mock_contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return true;
	return n == 0;
}

/* Open cards matching the level and principle filters. */
static size_t
cmd_mock_candidates(struct card *const *cards, size_t ncards, int level, const char *principle,
		    const struct card ***out)
{
	const struct card **v = NULL;
	size_t n = 0;

	for (size_t i = 0; i < ncards; i++) {
		const struct card *c = cards[i];
		int cl = c->level != NULL ? coach_level_from_name(c->level) : -1;
		if (level >= 0 && cl >= 0 && cl != level)
			continue;
		if (principle != NULL &&
		    (c->principle == NULL || !cmd_mock_contains(c->principle, principle)))
			continue;
		v = xrealloc(v, (n + 1) * sizeof(*v));
		v[n++] = c;
	}
	*out = v;
	return n;
}

/* drill mock --list: the open questions, one a line. */
static void
cmd_mock_list(struct card *const *cards, size_t n)
{
	for (size_t i = 0; i < n; i++)
		printf("%-28s %-4s %-28s %s\n", cards[i]->id,
		       cards[i]->level ? cards[i]->level : "any",
		       cards[i]->principle ? cards[i]->principle : "", cards[i]->prompt);
	if (n == 0)
		printf("No open questions: import a deck with open cards (decks/mock.deck).\n");
}

/* Copies the findings of r into the list saved with the mock. */
static void
cmd_mock_keep_findings(const struct coach_result *r, int round, struct store_mock_finding **v,
		       size_t *n)
{
	for (size_t i = 0; i < r->nfindings; i++) {
		*v = xrealloc(*v, (*n + 1) * sizeof(**v));
		(*v)[*n].round = round;
		(*v)[*n].kind = coach_kind_name(r->findings[i].kind);
		(*v)[*n].quote = r->findings[i].quote;
		(*n)++;
	}
}

static void
cmd_mock_print_score(const struct coach_score *sc, size_t asked, size_t defended)
{
	printf("\nScorecard: %d/100\n", sc->total);
	printf("  structure     %2d/25  STAR parts and length\n", sc->structure);
	printf("  credibility   %2d/40  figures, method, attribution, period, validation\n",
	       sc->credibility);
	printf("  level fit     %2d/15  scope against the level\n", sc->level_fit);
	printf("  key points    %2d/10  the question's points covered\n", sc->points);
	printf("  defense       %2d/10  %zu of %zu follow-ups answered with what was missing\n",
	       sc->defense, defended, asked);
}

struct cmd_mock_run {
	struct app *app;
	struct store *store;
	struct ui *ui;
	struct cmd_mock_input in; /* the answers, a line at a time */
	struct coach *coach;
	const struct card *card;
	const struct story *story; /* --story: the story told, else NULL */
	struct coach_question q;
	enum coach_level level;
	int minutes;
};

static int
cmd_mock_interview(struct cmd_mock_run *run)
{
	struct coach_options opt = {run->level, &run->q, false};
	struct coach_result *r = NULL;
	struct coach_result *fr[3] = {NULL, NULL, NULL};
	char *answer = NULL, *fanswer[3] = {NULL, NULL, NULL};
	const struct coach_followup *fu[3];
	struct store_mock_finding *kept = NULL;
	struct storycheck told = {0};
	size_t nkept = 0, nfu, asked = 0, defended = 0, size;
	struct coach_score sc;
	struct store_mock m = {0};
	bool timed = ui_interactive(run->ui);
	double t0, took = -1;
	size_t wmin, wmax;
	enum cmd_mock_read got;
	int rc = EXIT_OK;

	coach_level_words(run->level, &wmin, &wmax);
	printf("Mock interview: %s, %s (%s)\n\n", coach_level_name(run->level),
	       run->card->principle ? run->card->principle : "any principle", run->card->id);
	ui_print_wrapped(run->ui, UI_PLAIN, "Q: ", run->card->prompt);
	putchar('\n');
	printf("Aim for %zu-%zu minutes spoken (about %zu-%zu words); time limit %d:00.\n",
	       wmin / COACH_WORDS_PER_MINUTE, wmax / COACH_WORDS_PER_MINUTE, wmin, wmax,
	       run->minutes);
	if (timed)
		ui_print_wrapped(run->ui, UI_PLAIN, NULL,
				 "The clock starts now. Paste or type the answer, blank lines and "
				 "all, and end with a line holding only \".\" (or Ctrl-D); :edit "
				 "finishes it in $EDITOR.");
	else
		printf("Reading answers from standard input; each ends with a line holding "
		       "only \".\"; not timed.\n");

	run->in.ui = run->ui;
	t0 = cmd_mock_clock();
	got = cmd_mock_read_answer(&run->in, timed ? t0 : -1, run->minutes, &answer, &size);
	if (got == CMD_MOCK_TOO_LONG) {
		cmd_coach_too_long(size);
		printf("Nothing saved.\n");
		rc = EXIT_USER;
		goto out;
	}
	if (got != CMD_MOCK_ANSWER) {
		printf("%s; nothing saved.\n",
		       got == CMD_MOCK_INTERRUPTED ? "Interview stopped" : "No answer given");
		rc = got == CMD_MOCK_INTERRUPTED ? EXIT_OK : EXIT_USER;
		goto out;
	}
	if (timed) {
		took = cmd_mock_clock() - t0;
		printf("\nClock: %d:%02d of %d:00%s\n", (int)took / 60, (int)took % 60,
		       run->minutes, took > run->minutes * 60.0 ? " - over time" : "");
	}
	coach_analyse(run->coach, answer, strlen(answer), &opt, &r);
	printf("\n");
	cmd_coach_print(stdout, r, &run->q, false);
	cmd_mock_keep_findings(r, 0, &kept, &nkept);
	if (run->story != NULL) {
		storycheck_told(run->story, answer, 0, strlen(answer), r, &told);
		if (told.n == 0)
			printf("\nAgainst your story file (%s): the figures you told agree with "
			       "it.\n",
			       run->story->id);
		else
			printf("\nAgainst your story file (%s): %zu disagreement%s.\n",
			       run->story->id, told.n, told.n == 1 ? "" : "s");
		for (size_t i = 0; i < told.n; i++) {
			printf("  %-16s \"%s\"\n", "inconsistent", told.v[i].quote);
			ui_print_wrapped(run->ui, UI_PLAIN, "      ", told.v[i].message);
			kept = xrealloc(kept, (nkept + 1) * sizeof(*kept));
			kept[nkept].round = 0;
			kept[nkept].kind = "inconsistent";
			kept[nkept].quote = told.v[i].quote;
			nkept++;
		}
	}

	/* the defense */
	nfu = coach_followups(r, fu, ARRAY_LEN(fu));
	for (size_t i = 0; i < nfu; i++) {
		struct coach_options fopt = {run->level, NULL, true};
		char why[256];
		bool ok;

		char *label = xasprintf("Follow-up %zu of %zu: ", i + 1, nfu);
		putchar('\n');
		ui_print_wrapped(run->ui, UI_PLAIN, label, fu[i]->question);
		free(label);
		if (timed)
			printf("(End with a line holding only \".\".)\n");
		got = cmd_mock_read_answer(&run->in, -1, 0, &fanswer[i], &size);
		if (got == CMD_MOCK_INTERRUPTED) {
			printf("Interview stopped; nothing saved.\n");
			goto out;
		}
		if (got == CMD_MOCK_TOO_LONG) {
			cmd_coach_too_long(size);
			printf("Nothing saved.\n");
			rc = EXIT_USER;
			goto out;
		}
		asked++;
		if (got == CMD_MOCK_EOF) {
			printf("  No answer: counted as not defended.\n");
			continue;
		}
		coach_analyse(run->coach, fanswer[i], strlen(fanswer[i]), &fopt, &fr[i]);
		ok = coach_followup_answered(fu[i], fanswer[i], strlen(fanswer[i]), fr[i], why,
					     sizeof(why));
		defended += ok;
		ui_printf_wrapped(run->ui, UI_PLAIN, "  ", "%s: %s.",
				  ok ? "Defended" : "Not defended", why);
		for (size_t k = 0; k < fr[i]->nfindings; k++) {
			const struct coach_finding *fd = &fr[i]->findings[k];
			printf("  %-16s %s%s%s\n", coach_kind_name(fd->kind),
			       fd->quote[0] ? "\"" : "", fd->quote, fd->quote[0] ? "\"" : "");
			ui_print_wrapped(run->ui, UI_PLAIN, "      ", fd->message);
		}
		cmd_mock_keep_findings(fr[i], (int)i + 1, &kept, &nkept);
	}

	coach_score(r, asked, defended, &sc);
	cmd_mock_print_score(&sc, asked, defended);

	m.at = run->app->now_ms;
	m.level = xstrdup(coach_level_name(run->level));
	m.card_id = xstrdup(run->card->id);
	m.principle = xstrdup(run->card->principle ? run->card->principle : "");
	m.score = sc.total;
	m.words = (int64_t)r->words;
	m.seconds = took < 0 ? -1 : (int64_t)took;
	m.asked = (int)asked;
	m.defended = (int)defended;
	if (store_mock_save(run->store, &m, answer, kept, nkept) != STORE_OK) {
		app_err("%s", store_errmsg(run->store));
		rc = EXIT_ENV;
		goto out;
	}
	printf("\nSaved as mock #%lld; drill mock --history lists past mocks.\n", (long long)m.id);

out:
	cmd_mock_input_clear(&run->in);
	store_mock_clear(&m);
	free(kept);
	storycheck_free(&told);
	coach_result_free(r);
	free(answer);
	for (size_t i = 0; i < ARRAY_LEN(fr); i++) {
		coach_result_free(fr[i]);
		free(fanswer[i]);
	}
	return rc;
}

/*
 * --story ID: reads the story folder, finds the story and makes the
 * question: the behavioural question of one of its principles (the one
 * --principle names, else one drawn with the seed), at the story's level.
 */
static int
cmd_mock_story(struct app *app, const struct cmd_mock_opts *o, struct cmd_mock_run *run,
	       struct story_set *set, struct card *card)
{
	char *dir = NULL;
	const struct story *st;
	bool missing = false;
	int rc, p = -1;

	rc = app_read_stories(app, &dir, set, &missing);
	if (rc == EXIT_OK && missing) {
		app_err("no story folder at %s (drill story new writes one)", dir);
		rc = EXIT_USER;
	}
	if (rc != EXIT_OK) {
		free(dir);
		return rc;
	}
	st = story_find(set, o->story);
	if (st == NULL) {
		app_err("no story with id \"%s\" in %s (drill story list shows them)", o->story,
			dir);
		free(dir);
		return EXIT_USER;
	}
	free(dir);
	if (o->principle != NULL) {
		for (size_t i = 0; i < st->nprinciples && p < 0; i++)
			if (cmd_mock_contains(principle_at(st->principles[i])->name, o->principle))
				p = st->principles[i];
		if (p < 0) {
			app_err("story \"%s\" does not list a principle like \"%s\"", st->id,
				o->principle);
			return EXIT_USER;
		}
	} else {
		struct rng rng;
		rng_seed(&rng, app->seed);
		p = st->principles[rng_below(&rng, st->nprinciples)];
	}
	card->id = xasprintf("story-%s", st->id);
	card->type = CARD_OPEN;
	card->prompt = xasprintf("%s (Tell it with your story \"%s\".)", principle_at(p)->question,
				 st->title.value);
	card->principle = xstrdup(principle_at(p)->name);
	card->level = xasprintf("L%d", st->level);
	run->card = card;
	run->story = st;
	return EXIT_OK;
}

int
cmd_mock(struct app *app, int argc, char **argv)
{
	static const char *const words[] = {":edit", NULL};
	struct cmd_mock_opts o = {0};
	struct cmd_mock_run run = {0};
	struct card **cards = NULL;
	size_t ncards = 0, n;
	const struct card **cands = NULL;
	struct rng rng;
	struct story_set stories = {0};
	struct card story_card = {0};
	char err[256];
	int rc = cmd_mock_options(app, argc, argv, &o);

	run.app = app;
	if (rc != EXIT_OK)
		goto out;
	if (o.help) {
		fputs(cmd_mock_usage, stdout);
		goto out;
	}
	/* --history, --show and --delete never create a database (and find no
	 * mocks without one); --list reads the bundled decks then. */
	if (o.history || o.show > 0 || o.del > 0) {
		rc = app_open_store(app, false, &run.store);
		if (rc == EXIT_OK)
			rc = o.history	  ? cmd_mock_history(run.store)
			     : o.show > 0 ? cmd_mock_show(run.store, o.show)
					  : cmd_mock_delete(run.store, o.del);
		goto out;
	}

	if (o.story != NULL) {
		rc = cmd_mock_story(app, &o, &run, &stories, &story_card);
		if (rc != EXIT_OK)
			goto out;
		rc = app_open_store(app, true, &run.store);
		if (rc != EXIT_OK)
			goto out;
		goto interview;
	}

	rc = app_open_store(app, !o.list, &run.store);
	if (rc == EXIT_OK)
		rc = cmd_coach_open_cards(app, run.store, &cards, &ncards);
	if (rc != EXIT_OK)
		goto out;
	if (o.list) {
		cmd_mock_list(cards, ncards);
		goto out;
	}
	n = cmd_mock_candidates(cards, ncards, o.level, o.principle, &cands);
	if (n == 0) {
		app_err("no open question%s%s%s%s (drill mock --list)",
			o.level >= 0 ? " for " : "",
			o.level >= 0 ? coach_level_name((enum coach_level)o.level) : "",
			o.principle ? " on " : "", o.principle ? o.principle : "");
		rc = EXIT_USER;
		goto out;
	}
	rng_seed(&rng, app->seed);
	run.card = cands[rng_below(&rng, n)];
interview:
	run.level =
	    o.level >= 0 ? (enum coach_level)o.level : cmd_coach_card_level(run.card, COACH_L6);
	run.minutes = o.minutes > 0 ? o.minutes : (run.level == COACH_L7 ? 4 : 3);
	cmd_coach_question(run.card, &run.q);

	if (coach_new(&run.coach, err, sizeof(err)) != 0) {
		app_err("%s", err);
		rc = EXIT_ENV;
		goto out;
	}
	run.ui = ui_new(NULL, words);
	rc = cmd_mock_interview(&run);

out:
	ui_free(run.ui);
	coach_free(run.coach);
	cmd_coach_question_clear(&run.q);
	store_close(run.store);
	free(cands);
	cmd_coach_free_cards(cards, ncards);
	free(story_card.id);
	free(story_card.prompt);
	free(story_card.principle);
	free(story_card.level);
	story_set_free(&stories);
	return rc;
}

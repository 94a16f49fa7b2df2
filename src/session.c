/* session: see session.h. */
#include "session.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "answer.h"
#include "calc.h"
#include "cmd.h"
#include "cmd_plan.h"
#include "deck.h"
#include "impact.h"
#include "importer.h"
#include "paths.h"
#include "queue.h"
#include "rng.h"
#include "settings.h"
#include "store.h"
#include "storycards.h"
#include "ui.h"
#include "util.h"

/* Typed answers: correct within this many ms grades Easy, after the slow
 * limit Hard (interactive sessions only; scripted ones have no timing). */
#define SESSION_QUICK_MS 5000
#define SESSION_SLOW_MS 30000
/* A grade that finds the database locked is tried this many more times,
 * each waiting the busy timeout, before the session gives up. */
#define SESSION_BUSY_RETRIES 3

/* What a prompt can come back with. */
enum session_action {
	ACT_LINE,    /* an answer was typed */
	ACT_QUIT,    /* :quit, Ctrl-D, Ctrl-C */
	ACT_SKIP,
	ACT_UNDO,
	ACT_EDIT,
	ACT_SUSPEND,
	ACT_HINT,    /* the rest are handled inside session_input */
	ACT_RIGHT,
	ACT_WRONG,
	ACT_HELP
};

/* The session commands: one table for dispatch, :help and completion. */
static const struct session_cmd {
	const char *name;
	const char *alias;
	enum session_action action;
	const char *help;
} session_cmds[] = {
	{":hint", ":h", ACT_HINT, "show the card's hint"},
	{":skip", ":s", ACT_SKIP, "leave this card for now, ungraded"},
	{":undo", ":u", ACT_UNDO, "take back the last grade or suspension (in the database too)"},
	{":right", ":r", ACT_RIGHT, "the last answer was right after all: grade it Good"},
	{":wrong", NULL, ACT_WRONG, "the last answer was wrong after all: grade it Again"},
	{":edit", ":e", ACT_EDIT, "open the card in $EDITOR at its line, then re-import"},
	{":suspend", NULL, ACT_SUSPEND, "never show this card again (drill unsuspend ID)"},
	{":help", ":?", ACT_HELP, "list these commands"},
	{":quit", ":q", ACT_QUIT, "end the session (Ctrl-D and Ctrl-C do too)"},
};

static const char *const session_words[] = {
	":hint", ":skip", ":undo", ":right", ":wrong", ":edit", ":suspend", ":help", ":quit", NULL,
};

/* Something :undo can take back. */
struct session_undo {
	bool suspend;           /* a :suspend, not a grade */
	char *card_id;
	int64_t review_id;      /* grades */
	int rating;
	enum store_leech leech; /* what the grade did to the leech flag */
};

/* The newest grade, as :right and :wrong need it to grade it again. */
struct session_last {
	bool valid;
	bool automatic;         /* graded by the checker (not self-graded) */
	int64_t review_id;
	char *card_id;
	struct store_review rv; /* strings borrowed from the fields below */
	char *answer;
	bool was_leech;         /* the card was a leech before that grade */
};

struct session {
	struct app *app;
	struct store *store;
	const struct settings *st;
	const struct session_opts *o;
	struct store_filter f;
	struct ui *ui;
	struct rng rng;
	struct queue *q;
	int64_t id;              /* sessions row; 0 until the first grade */
	int64_t lines;           /* lines read (moves a DRILL_NOW_STEP clock) */
	int64_t day_end;         /* the study day's end when the session started */
	int64_t pass_start;      /* the final pass's start (store_when), 0: none */
	struct session_undo *undo;
	size_t nundo;
	struct session_last last;
	struct strv capped;      /* re-asked after :undo: Good at most */
	struct strv leeches;     /* cards that became leeches */
	int reviewed;            /* grades kept (undone ones taken off) */
	int recalled;            /* of which not Again */
	struct timespec started;
	bool failed;             /* the store failed: end with EXIT_ENV */
};

/* What asking one card came to. */
enum session_verdict { VERDICT_NONE, VERDICT_CORRECT, VERDICT_CLOSE, VERDICT_WRONG };

struct session_grade {
	enum session_action action;
	int rating;          /* 1..4 when action is ACT_LINE */
	char *answer;        /* typed answer, owned; NULL when self-graded */
	int correct;         /* 1, 0, -1 when self-graded */
	int64_t duration_ms;
	enum session_verdict verdict; /* VERDICT_NONE: self-graded */
	int shaky_step;      /* calc: the first walkthrough step answered wrong (1-based), 0 */
	bool has_calc;       /* calc: r, target and scenario are set */
	char *scenario;      /* calc: the prompt with the drawn numbers, owned */
	struct impact_result r;
	int target;
	char note[160];      /* said after the verdict: "(spelling: Frugality)" */
};

static int64_t
session_mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t
session_now(const struct session *ss)
{
	struct timeval tv;

	if (ss->app->now_fixed)
		return ss->app->now_ms + ss->lines * ss->app->now_step_ms;
	gettimeofday(&tv, NULL);
	return (int64_t)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

/* "in 10 minutes", "in 3 days", "now". */
static void
session_when(int64_t now, int64_t due, char *buf, size_t len)
{
	int64_t d = due - now;

	if (d <= 0)
		snprintf(buf, len, "now");
	else if (d < 60 * 60 * 1000)
		snprintf(buf, len, "in %lld minute%s", (long long)((d + 59999) / 60000),
			 (d + 59999) / 60000 == 1 ? "" : "s");
	else if (d < 24 * 60 * 60 * 1000 - 1800000)
		snprintf(buf, len, "in %lld hour%s", (long long)((d + 1800000) / 3600000),
			 (d + 1800000) / 3600000 == 1 ? "" : "s");
	else
		snprintf(buf, len, "in %lld day%s", (long long)((d + 43200000) / 86400000),
			 (d + 43200000) / 86400000 == 1 ? "" : "s");
}

/* "14:05" in local time. */
static void
session_clock(int64_t ms, char *buf, size_t len)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL || strftime(buf, len, "%H:%M", &tm) == 0)
		snprintf(buf, len, "?");
}

static bool
session_listed(const struct strv *v, const char *id)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->v[i], id) == 0)
			return true;
	return false;
}

/* Prints "Label: text" (label coloured), wrapped to the terminal. */
static void
session_say(const struct session *ss, enum ui_colour colour, const char *label, const char *text)
{
	ui_print_wrapped(ss->ui, colour, label, text);
}

static void
session_help(const struct session *ss)
{
	printf("%sCommands%s (type them at any prompt):\n", ui_on(ss->ui, UI_BOLD),
	       ui_off(ss->ui));
	for (size_t i = 0; i < ARRAY_LEN(session_cmds); i++)
		printf("  %-9s %-4s %s\n", session_cmds[i].name,
		       session_cmds[i].alias ? session_cmds[i].alias : "",
		       session_cmds[i].help);
	printf("Self-graded cards take 1-4 or a/h/g/e (again, hard, good, easy).\n");
}

static void session_override(struct session *ss, bool right);

/*
 * Prints prompt and reads a line. Answers come back as ACT_LINE with *line
 * set (owned by the caller); :hint, :help, :right and :wrong are handled
 * here and the question asked again.
 */
static enum session_action
session_input(struct session *ss, const struct card *c, const char *prompt, char **line)
{
	*line = NULL;
	for (;;) {
		char *in = ui_read(ss->ui, prompt);
		const struct session_cmd *cmd = NULL;
		char *t;

		ss->lines++;
		if (in == NULL)
			return ACT_QUIT;
		t = in;
		while (isspace((unsigned char)*t))
			t++;
		if (t[0] != ':') {
			*line = in;
			return ACT_LINE;
		}
		size_t n = strlen(t);
		while (n > 0 && isspace((unsigned char)t[n - 1]))
			t[--n] = '\0';
		for (size_t i = 0; i < ARRAY_LEN(session_cmds) && cmd == NULL; i++)
			if (strcmp(t, session_cmds[i].name) == 0 ||
			    (session_cmds[i].alias && strcmp(t, session_cmds[i].alias) == 0))
				cmd = &session_cmds[i];
		if (cmd == NULL) {
			printf("Unknown command %s (:help lists them).\n", t);
		} else if (cmd->action == ACT_HELP) {
			session_help(ss);
		} else if (cmd->action == ACT_HINT) {
			session_say(ss, UI_YELLOW, "Hint: ",
				    c && c->hint ? c->hint : "this card has no hint.");
		} else if (cmd->action == ACT_RIGHT || cmd->action == ACT_WRONG) {
			session_override(ss, cmd->action == ACT_RIGHT);
		} else if (c == NULL && cmd->action != ACT_QUIT && cmd->action != ACT_UNDO) {
			printf("There is no card in front of you for %s.\n", cmd->name);
		} else {
			free(in);
			return cmd->action;
		}
		free(in);
		if (ss->failed)
			return ACT_QUIT;
	}
}

static void
session_show_explain(const struct session *ss, const struct card *c)
{
	if (c->explain != NULL)
		session_say(ss, UI_DIM, "Why: ", c->explain);
}

static void
session_show_answer(const struct session *ss, const char *answer)
{
	session_say(ss, UI_CYAN, "Answer: ", answer);
}

/*
 * The grade a verdict earns. Only typed answers (text, number, calc) get
 * the speed bonus, and only in a terminal, where the time is real: quick
 * is Easy, slow is Hard.
 */
static int
session_rating(const struct session *ss, enum session_verdict v, bool typed, int64_t ms)
{
	if (v == VERDICT_WRONG)
		return FSRS_AGAIN;
	if (v == VERDICT_CLOSE)
		return FSRS_HARD;
	if (typed && ui_interactive(ss->ui) && ms < SESSION_QUICK_MS)
		return FSRS_EASY;
	if (typed && ui_interactive(ss->ui) && ms > SESSION_SLOW_MS)
		return FSRS_HARD;
	return FSRS_GOOD;
}

static enum session_verdict
session_verdict_of(int calc_verdict)
{
	return calc_verdict == CALC_CORRECT ? VERDICT_CORRECT
	     : calc_verdict == CALC_CLOSE   ? VERDICT_CLOSE
					    : VERDICT_WRONG;
}

static void
session_verdict_line(const struct session *ss, enum session_verdict v)
{
	if (v == VERDICT_CORRECT)
		printf("%s✓ Correct.%s\n", ui_on(ss->ui, UI_GREEN), ui_off(ss->ui));
	else if (v == VERDICT_CLOSE)
		printf("%s≈ Close.%s\n", ui_on(ss->ui, UI_YELLOW), ui_off(ss->ui));
	else if (v == VERDICT_WRONG)
		printf("%s✗ Not quite.%s\n", ui_on(ss->ui, UI_RED), ui_off(ss->ui));
}

static int
session_parse_rating(const char *s)
{
	static const char *const names[] = {"again", "hard", "good", "easy"};
	size_t n;

	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if (n == 1 && s[0] >= '1' && s[0] <= '4')
		return s[0] - '0';
	for (int i = 0; i < 4; i++) {
		if (n == 1 && tolower((unsigned char)s[0]) == names[i][0])
			return i + 1;
		if (n == strlen(names[i]) && strncasecmp(s, names[i], n) == 0)
			return i + 1;
	}
	return 0;
}

/* Asks for a self-grade until one is given. */
static void
session_self_grade(struct session *ss, const struct card *c, struct session_grade *g)
{
	char *line = NULL;

	for (;;) {
		g->action = session_input(ss, c, "Grade: 1 again, 2 hard, 3 good, 4 easy › ", &line);
		if (g->action != ACT_LINE)
			return;
		g->rating = session_parse_rating(line);
		free(line);
		if (g->rating > 0)
			return;
		printf("Grade with 1-4 or a/h/g/e.\n");
	}
}

static void
session_recall(struct session *ss, const struct card *c, struct session_grade *g)
{
	char *line = NULL;
	int64_t t0 = session_mono_ms();

	g->action = session_input(ss, c, "(Enter shows the answer) › ", &line);
	free(line);
	if (g->action != ACT_LINE)
		return;
	g->duration_ms = session_mono_ms() - t0;
	session_show_answer(ss, c->answer);
	session_show_explain(ss, c);
	session_self_grade(ss, c, g);
}

/* Text and number cards: typed, judged, re-asked when unreadable. */
static void
session_typed(struct session *ss, const struct card *c, struct session_grade *g)
{
	int64_t t0 = session_mono_ms();
	char err[256];
	int v;

	for (;;) {
		char *line = NULL;
		g->action = session_input(ss, c, "› ", &line);
		if (g->action != ACT_LINE)
			return;
		char *norm = check_normalise(line);
		free(line);
		if (norm[0] == '\0') {
			printf("Type an answer (or :skip, :hint, :help).\n");
			free(norm);
			continue;
		}
		v = answer_judge_note(c, norm, g->note, sizeof(g->note), err, sizeof(err));
		if (v == ANSWER_UNREADABLE) {
			printf("%s; try again.\n", err);
			free(norm);
			continue;
		}
		g->answer = norm;
		break;
	}
	g->duration_ms = session_mono_ms() - t0;
	if (v == ANSWER_UNJUDGED) {
		/* A pattern that gives up is not a wrong answer: you judge it. */
		err[0] = (char)toupper((unsigned char)err[0]);
		printf("%s%s. It is not counted wrong: grade it yourself against the answer "
		       "below.%s\n", ui_on(ss->ui, UI_YELLOW), err, ui_off(ss->ui));
		session_show_answer(ss, c->answer);
		session_show_explain(ss, c);
		session_self_grade(ss, c, g);
		return;
	}
	g->verdict = session_verdict_of(v);
	g->correct = v == CALC_CORRECT;
	g->rating = session_rating(ss, g->verdict, true, g->duration_ms);
}

static void
session_choice(struct session *ss, const struct card *c, struct session_grade *g)
{
	size_t n = c->options.n;
	size_t *order = xmalloc(n * sizeof(*order));
	size_t pick = 0;
	int64_t t0 = session_mono_ms();

	for (size_t i = 0; i < n; i++)
		order[i] = i;
	for (size_t i = n - 1; i > 0; i--) {
		size_t j = (size_t)rng_below(&ss->rng, i + 1);
		size_t t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	for (size_t i = 0; i < n; i++) {
		char label[8];
		snprintf(label, sizeof(label), "  %c) ", (int)('a' + i));
		ui_print_wrapped(ss->ui, UI_PLAIN, label, c->options.v[order[i]]);
	}
	for (;;) {
		char *line = NULL;
		g->action = session_input(ss, c, "› ", &line);
		if (g->action != ACT_LINE)
			goto done;
		char *t = check_normalise(line);
		free(line);
		if (strlen(t) == 1 && tolower((unsigned char)t[0]) >= 'a' &&
		    tolower((unsigned char)t[0]) < 'a' + (int)n) {
			pick = (size_t)(tolower((unsigned char)t[0]) - 'a');
			/* The letter means nothing once reshuffled: keep the option. */
			g->answer = xstrdup(c->options.v[order[pick]]);
			free(t);
			break;
		}
		free(t);
		printf("Answer with a letter from a to %c.\n", (int)('a' + n - 1));
	}
	g->duration_ms = session_mono_ms() - t0;
	g->correct = strcmp(c->options.v[order[pick]], c->answer) == 0;
	g->verdict = g->correct ? VERDICT_CORRECT : VERDICT_WRONG;
	/* Recognising an option is not recall: no speed bonus. */
	g->rating = session_rating(ss, g->verdict, false, g->duration_ms);
done:
	free(order);
}

static void
session_show_steps(const struct impact_result *r)
{
	for (size_t i = 0; i < r->nsteps; i++) {
		printf("  %zu. %s: %s = %s\n", i + 1, r->steps[i].label,
		       r->steps[i].expression, r->steps[i].text);
	}
}

/*
 * Asks for one figure of kind; returns its verdict or -1 (action set).
 * With alt (a step that may be taken in the other order), a figure right
 * for the other order counts too, and *took_alt says so.
 */
static int
session_ask_figure(struct session *ss, const struct card *c, const char *prompt,
		   const struct impact_step *step, bool alt, bool *took_alt,
		   struct session_grade *g)
{
	char err[256];
	struct amount a;

	if (took_alt != NULL)
		*took_alt = false;
	for (;;) {
		char *line = NULL;
		g->action = session_input(ss, c, prompt, &line);
		if (g->action != ACT_LINE)
			return -1;
		if (amount_parse(line, step->kind, &a, err, sizeof(err)) == 0) {
			int v = (int)calc_judge(step->value, a.value, c->tolerance);
			free(g->answer);
			g->answer = line;
			if (alt && v != CALC_CORRECT &&
			    calc_judge(step->alt_value, a.value, c->tolerance) == CALC_CORRECT) {
				*took_alt = true;
				v = CALC_CORRECT;
			}
			return v;
		}
		printf("%s; try again.\n", err);
		free(line);
	}
}

/* The scenario of a calc card, drawn and rendered; false to skip it. */
static bool
session_calc_draw(struct session *ss, const struct card *c, struct session_grade *g)
{
	double values[IMPACT_MAX_INPUTS];
	char err[256];

	/* calc_draw already redraws combinations the method refuses. */
	calc_draw(c->method, c->ranges, c->nranges, &ss->rng, values);
	g->target = -1;
	if (impact_run(c->method, values, &g->r, err, sizeof(err)) == 0) {
		g->target = strcasecmp(c->ask, "annual") == 0 ? (int)g->r.nsteps - 1
							      : impact_step_index(&g->r, c->ask);
		snprintf(err, sizeof(err), "no step \"%s\"", c->ask);
	}
	if (g->target < 0) {
		printf("This calculation card could not draw usable numbers (%s); skipping it.\n",
		       err);
		return false;
	}
	g->has_calc = true;
	g->scenario = calc_render(c->prompt, c->method, values);
	return true;
}

static void
session_calc(struct session *ss, const struct card *c, struct session_grade *g)
{
	const struct impact_result *r = &g->r;
	int final;
	int64_t t0 = session_mono_ms();
	char v[AMOUNT_FORMAT_MAX];

	if (c->walkthrough) {
		bool other_way = false; /* the step before was taken in the other order */
		printf("%sWalk me through it.%s\n", ui_on(ss->ui, UI_BOLD), ui_off(ss->ui));
		for (int i = 0; i < g->target; i++) {
			const struct impact_step *st = &r->steps[i];
			/* The next step (asked next, or the figure asked) comes out the same. */
			bool alt = st->has_alt;
			char *prompt = alt ? xasprintf("Step %d: %s (or %s, the other order)? › ", i + 1,
						       st->label, st->alt_label)
					   : xasprintf("Step %d: %s? › ", i + 1, st->label);
			bool took_alt;
			int sv = session_ask_figure(ss, c, prompt, st, alt, &took_alt, g);
			const char *expr = other_way ? r->steps[i - 1].alt_next_expression
						     : st->expression;
			free(prompt);
			if (sv < 0)
				return;
			if (sv == CALC_CORRECT && took_alt) {
				amount_format_sig(st->alt_value, st->kind, 4, v, sizeof(v));
				printf("  %s✓%s %s: %s = %s\n", ui_on(ss->ui, UI_GREEN), ui_off(ss->ui),
				       st->alt_label, st->alt_expression, v);
			} else if (sv == CALC_CORRECT) {
				printf("  %s✓%s %s = %s\n", ui_on(ss->ui, UI_GREEN), ui_off(ss->ui), expr,
				       st->text);
			} else {
				printf("  %s✗%s it is %s = %s\n", ui_on(ss->ui, UI_RED),
				       ui_off(ss->ui), st->expression, st->text);
				if (g->shaky_step == 0)
					g->shaky_step = i + 1;
			}
			other_way = sv == CALC_CORRECT && took_alt;
		}
	}
	char *prompt = xasprintf("%s? › ", r->steps[g->target].label);
	final = session_ask_figure(ss, c, prompt, &r->steps[g->target], false, NULL, g);
	free(prompt);
	if (final < 0)
		return;
	g->duration_ms = session_mono_ms() - t0;
	g->correct = final == CALC_CORRECT;
	g->verdict = session_verdict_of(final);
	/* A right figure reached through a wrong step is Hard at best. */
	g->rating = session_rating(ss, g->verdict == VERDICT_CORRECT && g->shaky_step
					       ? VERDICT_CLOSE : g->verdict,
				   true, g->duration_ms);
}

/* After the grade is saved: the verdict and what the person should see. */
static void
session_reveal(const struct session *ss, const struct card *c, const struct session_grade *g)
{
	if (g->verdict == VERDICT_NONE)
		return; /* self-graded: the answer was shown before grading */
	session_verdict_line(ss, g->verdict);
	if (g->note[0] != '\0')
		printf("%s\n", g->note);
	if (c->type == CARD_CALC && g->has_calc) {
		const struct impact_result *r = &g->r;
		printf("%s%s:%s %s\n", ui_on(ss->ui, UI_CYAN), r->steps[g->target].label,
		       ui_off(ss->ui), r->steps[g->target].text);
		if (g->verdict != VERDICT_CORRECT)
			session_show_steps(r);
		char annual[AMOUNT_FORMAT_MAX], claim[AMOUNT_FORMAT_MAX];
		amount_format(r->annual, AMOUNT_MONEY, annual, sizeof(annual));
		amount_format(impact_conservative(r->annual), AMOUNT_MONEY, claim, sizeof(claim));
		printf("Annual impact %s (%s); claim at least %s.\n", annual,
		       impact_level_text(impact_level_of(r->annual)), claim);
	} else if (g->verdict != VERDICT_CORRECT || c->type == CARD_NUMBER) {
		session_show_answer(ss, c->answer);
	}
	session_show_explain(ss, c);
}

/*
 * Runs the editor on path at line, then re-imports the file (for a story
 * card, the story files: its card may be replaced by a new one).
 */
static void
session_edit(struct session *ss, const char *deck_key, const char *path, int line)
{
	if (path[0] != '/') {
		printf("The deck's stored path \"%s\" is not absolute; not opening it. "
		       "Re-import the deck (drill import FILE) to fix it.\n", path);
		return;
	}
	if (ui_edit(ss->ui, path, line) != 0) {
		printf("The editor (%s) did not finish cleanly; nothing re-imported.\n",
		       ui_editor());
		return;
	}

	if (strcmp(deck_key, STORYCARDS_DECK) == 0) {
		struct import_counts n = {0};
		if (app_refresh_stories(ss->app, ss->store, &n) == 0)
			printf("Re-read your stories: %d cards added, %d updated, %d retired.\n",
			       n.added, n.updated, n.retired);
		return;
	}

	struct diag_list dl = {0};
	struct import_counts n;
	const char *paths[1] = {path};
	enum import_status rc = importer_run(ss->store, paths, 1, session_now(ss), false, &n, &dl);
	for (size_t i = 0; i < dl.n; i++) {
		char *m = diag_format(&dl.v[i]);
		printf("drill study: %s\n", m);
		free(m);
	}
	if (rc == IMPORT_OK)
		printf("Re-imported %s: %d added, %d updated, %d retired.\n", path, n.added,
		       n.updated + n.revived, n.retired);
	else
		printf("The deck has errors; the database was left as it was.\n");
	diag_list_free(&dl);
}

/* The card's current scheduling state from the database. 0, or -1 (failed). */
static int
session_reload_sched(struct session *ss, const char *id, struct fsrs_card *out)
{
	struct store_card sc = {0};
	bool found = false;

	if (store_card_load(ss->store, id, &sc, &found) != STORE_OK || !found) {
		app_err("could not reload card %s: %s", id,
			found ? store_errmsg(ss->store) : "it is gone");
		ss->failed = true;
		store_card_clear(&sc);
		return -1;
	}
	*out = sc.sched;
	store_card_clear(&sc);
	return 0;
}

/* What a grade to state after does to the leech flag. */
static enum store_leech
session_leech(const struct session *ss, bool was_leech, const struct fsrs_card *after)
{
	if (was_leech || after->lapses < ss->st->leech_lapses)
		return STORE_LEECH_KEEP;
	return ss->st->leech_suspend ? STORE_LEECH_SUSPEND : STORE_LEECH_FLAG;
}

/*
 * Writes a review with retries: a lock held by another process is waited
 * for (saying so) up to SESSION_BUSY_RETRIES more times. Returns the
 * store's status.
 */
static int
session_write(struct session *ss, int (*fn)(struct store *, void *), void *arg)
{
	int rc = fn(ss->store, arg);

	for (int i = 0; rc == STORE_BUSY && i < SESSION_BUSY_RETRIES; i++) {
		printf("%sWaiting for the database (another program is writing to it)…%s\n",
		       ui_on(ss->ui, UI_DIM), ui_off(ss->ui));
		fflush(stdout);
		rc = fn(ss->store, arg);
	}
	return rc;
}

static int
session_write_save(struct store *s, void *rv)
{
	return store_save_review(s, rv);
}

/* The sessions row, made with the first grade (nothing waits before the
 * first question); arg is the session. */
static int
session_write_row(struct store *s, void *arg)
{
	struct session *ss = arg;

	if (ss->id != 0)
		return STORE_OK;
	return store_session_start(s, "study", session_now(ss), &ss->id);
}

static void
session_remember_last(struct session *ss, const struct store_card *sc,
		      const struct store_review *rv, const struct session_grade *g)
{
	struct session_last *l = &ss->last;

	free(l->card_id);
	free(l->answer);
	memset(l, 0, sizeof(*l));
	l->valid = true;
	l->automatic = g->verdict != VERDICT_NONE;
	l->review_id = rv->id;
	l->card_id = xstrdup(sc->id);
	l->answer = g->answer ? xstrdup(g->answer) : NULL;
	l->rv = *rv;
	l->rv.card_id = l->card_id;
	l->rv.answer = l->answer;
	l->was_leech = sc->leech;
}

static void
session_grade_line(const struct session *ss, int rating, int64_t now, int64_t due,
		   const char *note)
{
	static const char *const grades[] = {"", "Again", "Hard", "Good", "Easy"};
	char when[48];

	session_when(now, due, when, sizeof(when));
	printf("%s%s · next review %s%s%s%s%s\n", ui_on(ss->ui, UI_DIM), grades[rating], when,
	       note && *note ? " (" : "", note ? note : "", note && *note ? ")" : "",
	       ui_off(ss->ui));
}

/*
 * Saves a grade — the review and the card's new state, one transaction,
 * on disk — and only then shows the verdict. 0, or -1 when the session
 * must end (the grade could not be saved; the person was told).
 */
static int
session_save(struct session *ss, const struct store_card *sc, const struct card *c,
	     struct session_grade *g)
{
	struct store_review rv;
	int64_t now = session_now(ss);
	char note[160] = "";
	int rc = STORE_CONFLICT;

	/* An answer seen before :undo cannot earn more than Good. */
	if (g->rating > FSRS_GOOD && session_listed(&ss->capped, sc->id)) {
		g->rating = FSRS_GOOD;
		snprintf(note, sizeof(note), "at most Good: you saw the answer before :undo");
	} else if (g->shaky_step > 0 && g->verdict == VERDICT_CORRECT) {
		snprintf(note, sizeof(note), "Hard: the figure is right, but step %d was not",
			 g->shaky_step);
	} else if (g->verdict == VERDICT_CORRECT && g->rating == FSRS_EASY) {
		snprintf(note, sizeof(note), "Easy: answered within %d s", SESSION_QUICK_MS / 1000);
	} else if (g->verdict == VERDICT_CORRECT && g->rating == FSRS_HARD) {
		snprintf(note, sizeof(note), "Hard: right, but it took over %d s",
			 SESSION_SLOW_MS / 1000);
	}
	memset(&rv, 0, sizeof(rv));
	rv.card_id = sc->id;
	rv.at = now;
	rv.rating = g->rating;
	rv.answer = g->answer;
	rv.correct = g->correct;
	rv.duration_ms = g->duration_ms;
	rv.before = sc->sched;
	if (session_write(ss, session_write_row, ss) != STORE_OK) {
		app_err("your answer to %s was not saved: %s", sc->id, store_errmsg(ss->store));
		ss->failed = true;
		return -1;
	}
	rv.session_id = ss->id;
	/* Another session may grade the card meanwhile: then start from its state. */
	for (int attempt = 0; rc == STORE_CONFLICT && attempt < 3; attempt++) {
		if (attempt > 0 && session_reload_sched(ss, sc->id, &rv.before) != 0)
			return -1;
		rv.day = settings_day(now, ss->st->rollover);
		if (rv.day < rv.before.last_day)
			rv.day = rv.before.last_day; /* a clock or zone change went backwards */
		if (fsrs_review(&ss->st->fsrs, &rv.before, now, rv.day, (enum fsrs_rating)g->rating,
				fsrs_fuzz_seed(rng_hash(sc->id), rv.before.reps + 1), &rv.after,
				&rv.retrievability) != FSRS_OK) {
			printf("drill: the scheduler refused card %s's state; skipping it.\n", sc->id);
			queue_shown(ss->q);
			return 0;
		}
		rv.leech = session_leech(ss, sc->leech, &rv.after);
		rc = session_write(ss, session_write_save, &rv);
	}
	if (rc != STORE_OK) {
		app_err("your answer to %s was not saved: %s", sc->id, store_errmsg(ss->store));
		ss->failed = true;
		return -1;
	}

	/* Saved: now the verdict. */
	session_reveal(ss, c, g);
	session_grade_line(ss, g->rating, now, rv.after.due, note);
	if (rv.leech != STORE_LEECH_KEEP) {
		printf("%sThis card has lapsed %d time%s: it is now a leech%s. Rewrite it, or "
		       "see drill cards is:leech.%s\n", ui_on(ss->ui, UI_YELLOW), rv.after.lapses,
		       rv.after.lapses == 1 ? "" : "s",
		       rv.leech == STORE_LEECH_SUSPEND ? " and is suspended" : "", ui_off(ss->ui));
		strv_push(&ss->leeches, sc->id);
	}
	ss->undo = xrealloc(ss->undo, (ss->nundo + 1) * sizeof(*ss->undo));
	ss->undo[ss->nundo++] = (struct session_undo){false, xstrdup(sc->id), rv.id, g->rating,
						      rv.leech};
	ss->reviewed++;
	ss->recalled += g->rating > FSRS_AGAIN;
	/* The cap was for the one answer after :undo. */
	for (size_t i = 0; i < ss->capped.n; i++)
		if (strcmp(ss->capped.v[i], sc->id) == 0) {
			free(ss->capped.v[i]);
			ss->capped.v[i] = ss->capped.v[--ss->capped.n];
			break;
		}
	session_remember_last(ss, sc, &rv, g);
	queue_graded(ss->q, sc->id, sc->group, rv.after.state, rv.after.due, rv.after.reps,
		     ss->day_end);
	return 0;
}

struct session_override_arg {
	int64_t review_id;
	struct store_review *rv;
};

static int
session_write_override(struct store *s, void *arg)
{
	struct session_override_arg *a = arg;
	return store_override_review(s, a->review_id, a->rv);
}

/* :right and :wrong: grade the newest answer again as Good or Again. */
static void
session_override(struct session *ss, bool right)
{
	struct session_last *l = &ss->last;
	struct store_review rv;
	struct fsrs_card after;
	double r;
	int rating = right ? FSRS_GOOD : FSRS_AGAIN;
	int rc;

	if (!l->valid || !l->automatic) {
		printf("%s works right after an answer drill checked (text, number, choice, "
		       "calc); there is none to change now.\n", right ? ":right" : ":wrong");
		return;
	}
	if (l->rv.overridden > 0) {
		printf("That answer was already regraded.\n");
		return;
	}
	if ((right && l->rv.rating >= FSRS_GOOD) || (!right && l->rv.rating == FSRS_AGAIN)) {
		printf("That answer was already graded %s.\n", right ? "as right" : "Again");
		return;
	}
	rv = l->rv;
	if (fsrs_review(&ss->st->fsrs, &rv.before, rv.at, rv.day, (enum fsrs_rating)rating,
			fsrs_fuzz_seed(rng_hash(rv.card_id), rv.before.reps + 1), &after,
			&r) != FSRS_OK) {
		printf("drill: the scheduler refused card %s's state.\n", rv.card_id);
		return;
	}
	rv.after = after;
	rv.retrievability = r;
	rv.rating = rating;
	rv.correct = right;
	rv.overridden = l->rv.rating;
	/* The leech flag follows the corrected lapses. */
	struct session_undo *u = NULL;
	for (size_t i = 0; i < ss->nundo && u == NULL; i++)
		if (!ss->undo[i].suspend && ss->undo[i].review_id == l->review_id)
			u = &ss->undo[i];
	enum store_leech before_leech = u ? u->leech : STORE_LEECH_KEEP;
	if (before_leech == STORE_LEECH_FLAG || before_leech == STORE_LEECH_SUSPEND)
		rv.leech = after.lapses >= ss->st->leech_lapses ? STORE_LEECH_KEEP
			 : before_leech == STORE_LEECH_SUSPEND ? STORE_LEECH_UNSUSPEND
							       : STORE_LEECH_CLEAR;
	else
		rv.leech = session_leech(ss, l->was_leech, &after);

	struct session_override_arg arg = {l->review_id, &rv};
	rc = session_write(ss, session_write_override, &arg);
	if (rc == STORE_CONFLICT || rc == STORE_NOT_FOUND) {
		printf("Cannot regrade card %s: %s.\n", rv.card_id, store_errmsg(ss->store));
		return;
	}
	if (rc != STORE_OK) {
		app_err("could not regrade card %s: %s", rv.card_id, store_errmsg(ss->store));
		ss->failed = true;
		return;
	}
	if (u != NULL) {
		u->review_id = rv.id;
		u->rating = rating;
		u->leech = rv.leech == STORE_LEECH_KEEP ? before_leech : rv.leech;
	}
	ss->recalled += (rating > FSRS_AGAIN) - (l->rv.rating > FSRS_AGAIN);
	l->review_id = rv.id;
	l->rv.id = rv.id;
	l->rv.overridden = rv.overridden;
	/* Right: the card is not asked again; wrong: it comes back. */
	queue_forget(ss->q, rv.card_id);
	if (!right)
		queue_regraded(ss->q, rv.card_id, after.state, after.due, after.reps, ss->day_end);
	char when[48];
	session_when(session_now(ss), after.due, when, sizeof(when));
	printf("Regraded %s: %s · next review %s (was %s).\n", rv.card_id,
	       right ? "Good" : "Again", when,
	       (const char *[]){"", "Again", "Hard", "Good", "Easy"}[rv.overridden]);
}

static void
session_undo(struct session *ss)
{
	char *id = NULL;

	if (ss->nundo == 0) {
		printf("Nothing to undo in this session.\n");
		return;
	}
	struct session_undo u = ss->undo[--ss->nundo];
	if (u.suspend) {
		if (store_set_suspended(ss->store, u.card_id, false) != STORE_OK) {
			app_err("could not undo: %s", store_errmsg(ss->store));
			ss->failed = true;
		} else {
			queue_put_front(ss->q, u.card_id);
			printf("Undone: card %s is no longer suspended.\n", u.card_id);
		}
		free(u.card_id);
		return;
	}
	free(u.card_id);
	enum store_leech leech = u.leech == STORE_LEECH_SUSPEND ? STORE_LEECH_UNSUSPEND
			       : u.leech == STORE_LEECH_FLAG  ? STORE_LEECH_CLEAR
							      : u.leech;
	int rc = store_undo_review(ss->store, u.review_id, leech, &id);
	if (rc == STORE_CONFLICT) {
		printf("Cannot undo: %s.\n", store_errmsg(ss->store));
		return;
	}
	if (rc != STORE_OK) {
		app_err("could not undo: %s", store_errmsg(ss->store));
		ss->failed = true;
		return;
	}
	ss->reviewed--;
	ss->recalled -= u.rating > FSRS_AGAIN;
	if (ss->last.valid && ss->last.review_id == u.review_id)
		ss->last.valid = false;
	/* The card comes back now, and may not earn more than Good. */
	queue_forget(ss->q, id);
	queue_put_front(ss->q, id);
	if (!session_listed(&ss->capped, id))
		strv_push(&ss->capped, id);
	printf("Undone: card %s is back as it was.\n", id);
	free(id);
}

/*
 * Is the card still one to show? Another session may have graded it (or
 * a sibling) since the queue was filled: then it is skipped.
 */
static bool
session_still_due(struct session *ss, const struct store_card *sc, const struct queue_next *n)
{
	int64_t now = session_now(ss);
	bool buried = false;

	if (sc->retired || sc->suspended || strcmp(sc->type, "open") == 0)
		return false;
	switch (n->source) {
	case QUEUE_FRONT:
		return true;
	case QUEUE_RELEARN:
		return sc->sched.reps == n->reps;
	case QUEUE_NEW:
		if (sc->sched.state != FSRS_NEW)
			return false;
		break;
	case QUEUE_DUE:
		if (sc->sched.state == FSRS_NEW)
			return false;
		if (sc->sched.state == FSRS_REVIEW
			    ? sc->sched.due >= ss->day_end &&
				      !(ss->pass_start > 0 && sc->sched.last_review < ss->pass_start)
			    : sc->sched.due > now + SETTINGS_LEARN_AHEAD_MS)
			return false;
		break;
	}
	if (sc->group != NULL && (sc->sched.state == FSRS_NEW || sc->sched.state == FSRS_REVIEW) &&
	    store_card_buried(ss->store, sc->id, sc->group, settings_day(now, ss->st->rollover),
			      &buried) != STORE_OK) {
		app_err("%s", store_errmsg(ss->store));
		ss->failed = true;
		return false;
	}
	return !buried;
}

/* Serves one card. Returns false when the session should end. */
static bool
session_serve(struct session *ss, const struct queue_next *n)
{
	struct store_card sc = {0};
	struct card *c = NULL;
	struct diag_list dl = {0};
	struct session_grade g;
	bool found = false, go_on = true;
	const char *id = n->id;

	memset(&g, 0, sizeof(g));
	g.correct = -1;
	if (store_card_load(ss->store, id, &sc, &found) != STORE_OK) {
		app_err("%s", store_errmsg(ss->store));
		ss->failed = true;
		return false;
	}
	if (!found || !session_still_due(ss, &sc, n))
		goto done;
	if (deck_parse_card(sc.deck_path, sc.line, sc.source, strlen(sc.source), &c, &dl) != 0) {
		for (size_t i = 0; i < dl.n; i++) {
			char *m = diag_format(&dl.v[i]);
			printf("drill: %s\n", m);
			free(m);
		}
		printf("Skipping card %s; fix its deck and it comes back.\n", id);
		queue_shown(ss->q);
		goto done;
	}
	if (c->type == CARD_CALC && !session_calc_draw(ss, c, &g)) {
		queue_shown(ss->q);
		goto done;
	}
	/* "3 left": this card and every other still to come (--limit caps it). */
	size_t left = queue_left(ss->q) + 1;
	if (ss->o->limit > 0 && left > (size_t)(ss->o->limit - ss->reviewed))
		left = (size_t)(ss->o->limit - ss->reviewed);
	printf("\n[%s · %s · %zu left · %s%s%s]\n", sc.deck_key, fsrs_state_name(sc.sched.state),
	       left, ui_on(ss->ui, UI_DIM), id, ui_off(ss->ui));
	ui_print_wrapped(ss->ui, UI_PLAIN, NULL, c->type == CARD_CALC ? g.scenario : c->prompt);
	switch (c->type) {
	case CARD_RECALL:
		session_recall(ss, c, &g);
		break;
	case CARD_TEXT:
	case CARD_NUMBER:
		session_typed(ss, c, &g);
		break;
	case CARD_CHOICE:
		session_choice(ss, c, &g);
		break;
	case CARD_CALC:
		session_calc(ss, c, &g);
		break;
	case CARD_OPEN:
		g.action = ACT_SKIP; /* open questions belong to drill mock */
		break;
	}
	switch (g.action) {
	case ACT_LINE:
		go_on = session_save(ss, &sc, c, &g) == 0;
		break;
	case ACT_QUIT:
		go_on = false;
		break;
	case ACT_UNDO:
		queue_put_front(ss->q, id); /* this card comes after the undone one */
		session_undo(ss);
		break;
	case ACT_EDIT:
		session_edit(ss, sc.deck_key, sc.deck_path, sc.line);
		queue_put_front(ss->q, id);
		break;
	case ACT_SUSPEND:
		if (store_set_suspended(ss->store, id, true) != STORE_OK) {
			app_err("%s", store_errmsg(ss->store));
			ss->failed = true;
			go_on = false;
		} else {
			printf("Suspended %s (:undo takes it back; drill unsuspend %s later).\n", id,
			       id);
			ss->undo = xrealloc(ss->undo, (ss->nundo + 1) * sizeof(*ss->undo));
			ss->undo[ss->nundo++] = (struct session_undo){true, xstrdup(id), 0, 0,
								      STORE_LEECH_KEEP};
			queue_shown(ss->q);
		}
		break;
	default: /* ACT_SKIP */
		queue_shown(ss->q);
		break;
	}
done:
	free(g.answer);
	free(g.scenario);
	card_free(c);
	diag_list_free(&dl);
	store_card_clear(&sc);
	return go_on && !ss->failed;
}

/* Only re-asks are left, the first at until: wait for it, or end? */
static bool
session_wait(struct session *ss, int64_t until)
{
	char when[48], at[16], *line = NULL;
	int64_t now = session_now(ss);
	enum session_action a;

	session_when(now, until, when, sizeof(when));
	session_clock(until, at, sizeof(at));
	printf("\nNothing else is due now. A card you missed comes back %s (at %s).\n", when, at);
	a = session_input(ss, NULL, "Wait for it? y/N › ", &line);
	if (a == ACT_UNDO) {
		session_undo(ss);
		return true;
	}
	bool wait = a == ACT_LINE && line != NULL && (line[0] == 'y' || line[0] == 'Y');
	free(line);
	if (!wait || ss->app->now_fixed)
		return wait; /* a fixed clock never moves: the card is served at once */
	printf("Waiting until %s (Ctrl-C ends the session)…\n", at);
	fflush(stdout);
	while (session_now(ss) < until && !ui_interrupted(ss->ui)) {
		int64_t left = until - session_now(ss);
		struct timespec ts = {0, 0};
		ts.tv_sec = left > 1000 ? 1 : 0;
		ts.tv_nsec = left > 1000 ? 0 : (long)left * 1000000L;
		nanosleep(&ts, NULL);
	}
	return !ui_interrupted(ss->ui);
}

/*
 * Nothing is left. When something can still be taken back, ask once more
 * (:undo puts a card back in the queue). False to end the session.
 */
static bool
session_last_call(struct session *ss)
{
	char *line = NULL;
	enum session_action a;

	if (ss->nundo == 0 || ss->failed)
		return false;
	a = session_input(ss, NULL, "All done. Enter ends the session (:undo, :right and :wrong "
				    "still work) › ", &line);
	free(line);
	if (a == ACT_UNDO) {
		session_undo(ss);
		return !ss->failed;
	}
	/* :wrong at this prompt put its card back in the queue. */
	return a == ACT_LINE && queue_left(ss->q) > 0 && !ss->failed;
}

static void
session_summary(struct session *ss)
{
	/* with a fixed clock (DRILL_NOW), the session lasts the simulated time,
	   so that a scripted session prints the same summary on a loaded machine */
	int64_t secs = ss->app->now_fixed
			   ? ss->lines * ss->app->now_step_ms / 1000
			   : (session_mono_ms() - ((int64_t)ss->started.tv_sec * 1000 +
						   ss->started.tv_nsec / 1000000)) /
				 1000;
	int64_t due = 0;
	char when[48];

	printf("\n%sSession over:%s %d review%s", ui_on(ss->ui, UI_BOLD), ui_off(ss->ui),
	       ss->reviewed, ss->reviewed == 1 ? "" : "s");
	if (ss->reviewed > 0)
		printf(", %d%% recalled", (ss->recalled * 100 + ss->reviewed / 2) / ss->reviewed);
	printf(", %lldm %02llds.\n", (long long)(secs / 60), (long long)(secs % 60));
	if (ss->leeches.n > 0) {
		struct sbuf b = {0};
		for (size_t i = 0; i < ss->leeches.n; i++)
			sbuf_printf(&b, "%s%s", i ? ", " : "", ss->leeches.v[i]);
		printf("New leech%s: %s (drill cards is:leech lists them all).\n",
		       ss->leeches.n == 1 ? "" : "es", b.buf);
		sbuf_free(&b);
	}
	if (store_next_due(ss->store, &ss->f, &due) == STORE_OK && due > 0) {
		session_when(session_now(ss), due, when, sizeof(when));
		printf("Next card due %s.\n", when);
	}
}

/* A --deck or --tag that names nothing is a mistake, not an empty session. */
static int
session_check_filter(struct store *s, const struct session_opts *o)
{
	struct store_deck *decks = NULL;
	size_t n = 0;
	int64_t tagged = 0;
	int rc = EXIT_OK;

	if (o->deck != NULL) {
		bool found = false;
		if (store_decks(s, &decks, &n) != STORE_OK) {
			app_err("%s", store_errmsg(s));
			return EXIT_ENV;
		}
		for (size_t i = 0; i < n && !found; i++)
			found = strcmp(decks[i].key, o->deck) == 0 ||
				strcasecmp(decks[i].name, o->deck) == 0;
		if (!found) {
			struct sbuf keys = {0};
			for (size_t i = 0; i < n; i++)
				sbuf_printf(&keys, "%s %s", i ? "," : "", decks[i].key);
			app_err("no deck called \"%s\"; the decks are:%s", o->deck,
				keys.buf ? keys.buf : " (none)");
			sbuf_free(&keys);
			rc = EXIT_USER;
		}
		store_decks_free(decks, n);
	}
	if (rc == EXIT_OK && o->tag != NULL) {
		if (store_count_tagged(s, o->tag, &tagged) != STORE_OK) {
			app_err("%s", store_errmsg(s));
			return EXIT_ENV;
		}
		if (tagged == 0) {
			app_err("no card has the tag \"%s\"", o->tag);
			rc = EXIT_USER;
		}
	}
	return rc;
}

/* The final pass's order (docs/fsrs.md): (re)learning cards by due time
 * as before, then review cards by expected gain in recall on the interview
 * day per second of review, largest first, then by id. */
static int
session_pass_cmp(const void *a, const void *b)
{
	const struct store_pick *x = a, *y = b;
	bool xr = x->state == FSRS_REVIEW, yr = y->state == FSRS_REVIEW;

	if (xr != yr)
		return xr ? 1 : -1;
	if (xr ? x->rank != y->rank : x->due != y->due)
		return xr ? (x->rank < y->rank ? -1 : 1) : (x->due < y->due ? -1 : 1);
	return strcmp(x->id, y->id);
}

static void
session_pass_order(const struct settings *st, const struct store_when *w,
		   struct store_picks *due)
{
	for (size_t i = 0; i < due->n; i++) {
		struct store_pick *p = &due->v[i];
		if (p->state != FSRS_REVIEW)
			continue;
		struct fsrs_card c = {.state = FSRS_REVIEW, .stability = p->stability,
				      .difficulty = p->difficulty, .due = p->due,
				      .last_review = p->last_review, .last_day = p->last_day};
		if (!fsrs_card_is_valid(&c))
			continue; /* keeps the store's rank */
		p->rank = -plan_gain_per_second(&st->fsrs, &c, p->seconds, w->day,
						st->interview_day);
	}
	if (due->n > 1)
		qsort(due->v, due->n, sizeof(*due->v), session_pass_cmp);
}

/* Says why a session has nothing to show. */
static int
session_nothing(struct session *ss, const struct store_when *w, int new_left)
{
	struct store_census c;
	char when[48], at[16];

	if (store_census(ss->store, &ss->f, w, &c) != STORE_OK) {
		app_err("%s", store_errmsg(ss->store));
		return EXIT_ENV;
	}
	if (c.cards == 0) {
		printf("No cards yet: import a deck with drill import FILE.\n");
	} else if (c.cards == c.open) {
		printf("Nothing to study here: the cards that match are open interview "
		       "questions; practise them with drill mock.\n");
	} else if (c.fresh > 0 && new_left <= 0 && ss->o->new_limit >= 0) {
		printf("Nothing due now, and --new %d takes no new cards.\n", ss->o->new_limit);
	} else if (c.fresh > 0 && new_left <= 0) {
		printf("Nothing due now, and today's new cards are done (new_per_day is %d); "
		       "drill study --new 10 takes ten more.\n", ss->st->new_per_day);
	} else if (c.suspended + c.buried > 0) {
		int64_t rest = c.cards - c.open - c.suspended - c.buried;
		printf("Nothing to study now: of the %lld cards that match, %lld %s suspended "
		       "(drill unsuspend ID) and %lld buried until tomorrow (a sibling was "
		       "reviewed today)", (long long)(c.cards - c.open), (long long)c.suspended,
		       c.suspended == 1 ? "is" : "are", (long long)c.buried);
		if (rest > 0)
			printf("; %lld more %s not due yet", (long long)rest, rest == 1 ? "is" : "are");
		printf(".\n");
	} else {
		printf("Nothing to study right now: no card is due.\n");
	}
	if (c.next_due > 0 && c.next_due > w->now) {
		session_when(w->now, c.next_due, when, sizeof(when));
		session_clock(c.next_due, at, sizeof(at));
		if (c.next_due - w->now < 86400000)
			printf("The next card is due %s (at %s).\n", when, at);
		else
			printf("The next card is due %s.\n", when);
	}
	return EXIT_OK;
}

int
session_run(struct app *app, struct store *s, const struct settings *st,
	    const struct session_opts *o, int *reviewed)
{
	struct session ss;
	struct import_counts counts;
	struct store_when w;
	struct store_due_counts dc;
	struct store_picks due = {0}, fresh = {0};
	struct queue_opts qo;
	struct plan pl;
	bool planned = false;
	int new_left = o->new_limit, seen = 0, rc = EXIT_OK;
	size_t nnew = 0;

	memset(&ss, 0, sizeof(ss));
	memset(&pl, 0, sizeof(pl));
	ss.app = app;
	ss.store = s;
	ss.st = st;
	ss.o = o;
	ss.f = (struct store_filter){o->deck, o->tag};
	rng_seed(&ss.rng, app->seed);
	clock_gettime(CLOCK_MONOTONIC, &ss.started);

	/* Decks edited on disk since the last import come in first. */
	if (app_refresh_decks(app, s, &counts) == 0 &&
	    counts.added + counts.updated + counts.retired + counts.revived > 0)
		printf("Imported deck changes: %d added, %d updated, %d retired.\n",
		       counts.added + counts.revived, counts.updated, counts.retired);

	rc = session_check_filter(s, o);
	if (rc != EXIT_OK)
		goto out;
	settings_when(st, session_now(&ss), &w);
	ss.day_end = w.day_end;
	ss.pass_start = w.pass_start;
	/* Before an interview date the session follows the plan (docs/fsrs.md). */
	if (st->has_interview && w.day < st->interview_day) {
		if (cmd_plan_load(s, st, w.now, &pl, NULL, NULL) != STORE_OK)
			goto store_failed;
		planned = true;
	}
	if (new_left < 0) {
		int per_day = st->new_per_day;
		if (planned && pl.new_per_day_needed > per_day)
			per_day = pl.new_per_day_needed;
		if (store_new_seen_on(s, w.day, &seen) != STORE_OK)
			goto store_failed;
		new_left = per_day > seen ? per_day - seen : 0;
	}
	qo = (struct queue_opts){new_left, st->new_order, st->new_first, SETTINGS_LEARN_AHEAD_MS,
				 planned};
	ss.q = queue_new(&qo);
	if (store_due(s, &ss.f, &w, &due, &dc) != STORE_OK)
		goto store_failed;
	if (w.pass_start > 0)
		session_pass_order(st, &w, &due);
	queue_add_due(ss.q, &due);
	/* A few spare candidates per deck stand in for siblings skipped later. */
	if (new_left > 0 && store_new(s, &ss.f, &w, (size_t)new_left * 2 + 8, &fresh) != STORE_OK)
		goto store_failed;
	nnew = fresh.n < (size_t)(new_left > 0 ? new_left : 0) ? fresh.n : (size_t)new_left;
	queue_set_new(ss.q, &fresh);
	if (queue_left(ss.q) == 0) {
		rc = session_nothing(&ss, &w, new_left);
		goto out;
	}
	ss.ui = ui_new(NULL, session_words);
	if (ui_interactive(ss.ui)) {
		char *h = paths_history();
		ui_free(ss.ui);
		ss.ui = ui_new(h, session_words);
		free(h);
	}
	char later[48] = "";
	if (dc.learn_later > 0)
		snprintf(later, sizeof(later), " (%lld more later today)", (long long)dc.learn_later);
	char plan_text[160] = "";
	if (planned)
		snprintf(plan_text, sizeof(plan_text),
			 " %lld day%s to the interview: recall on the day %.0f%% now, %.0f%% "
			 "with the plan%s.", (long long)pl.days_left, pl.days_left == 1 ? "" : "s",
			 100 * pl.recall_now, 100 * pl.recall_planned,
			 w.pass_start > 0 ? "; final pass" : "");
	ui_printf_wrapped(ss.ui, UI_BOLD, "drill: ",
			  "%lld due today, %lld learning now%s, %zu new.%s Type :help for commands.",
			  (long long)dc.review, (long long)dc.learn_now, later, nnew, plan_text);

	for (;;) {
		struct queue_next n;
		if (o->limit > 0 && ss.reviewed >= o->limit)
			break;
		queue_next(ss.q, session_now(&ss), false, &n);
		if (n.kind == QUEUE_WAIT) {
			if (!session_wait(&ss, n.wait_until) || ss.failed)
				break;
			queue_next(ss.q, session_now(&ss), true, &n);
		}
		if (n.kind == QUEUE_DONE && !session_last_call(&ss))
			break;
		if (n.kind != QUEUE_CARD)
			continue;
		bool go_on = session_serve(&ss, &n);
		free(n.id);
		if (!go_on)
			break;
	}
	if (ss.failed)
		rc = EXIT_ENV;
	if (ss.id != 0)
		store_session_end(s, ss.id, session_now(&ss));
	session_summary(&ss);
	goto out;

store_failed:
	app_err("%s", store_errmsg(s));
	rc = EXIT_ENV;
out:
	if (reviewed != NULL)
		*reviewed = ss.reviewed;
	ui_free(ss.ui);
	queue_free(ss.q);
	for (size_t i = 0; i < ss.nundo; i++)
		free(ss.undo[i].card_id);
	free(ss.undo);
	free(ss.last.card_id);
	free(ss.last.answer);
	strv_free(&ss.capped);
	strv_free(&ss.leeches);
	store_picks_free(&due);
	store_picks_free(&fresh);
	plan_clear(&pl);
	return rc;
}

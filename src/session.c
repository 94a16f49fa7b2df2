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
#include "deck.h"
#include "impact.h"
#include "importer.h"
#include "paths.h"
#include "rng.h"
#include "settings.h"
#include "store.h"
#include "ui.h"
#include "util.h"

/* Cards due again within this many ms are kept in the session. */
#define SESSION_LEARN_AHEAD_MS (20 * 60 * 1000)
/* Typed answers: correct within this many ms grades Easy, after the slow
 * limit Hard (interactive sessions only; scripted ones have no timing). */
#define SESSION_QUICK_MS 5000
#define SESSION_SLOW_MS 30000

/* What a prompt can come back with. */
enum session_action {
	ACT_LINE,    /* an answer was typed */
	ACT_QUIT,    /* :quit, Ctrl-D, Ctrl-C */
	ACT_SKIP,
	ACT_UNDO,
	ACT_EDIT,
	ACT_SUSPEND,
	ACT_HINT,    /* handled inside session_input */
	ACT_HELP     /* handled inside session_input */
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
	{":undo", ":u", ACT_UNDO, "take back the last grade (in the database too)"},
	{":edit", ":e", ACT_EDIT, "open the card in $EDITOR at its line, then re-import"},
	{":suspend", NULL, ACT_SUSPEND, "never show this card again (until unsuspended)"},
	{":help", ":?", ACT_HELP, "list these commands"},
	{":quit", ":q", ACT_QUIT, "end the session (Ctrl-D and Ctrl-C do too)"},
};

static const char *const session_words[] = {
	":hint", ":skip", ":undo", ":edit", ":suspend", ":help", ":quit", NULL,
};

/* A review that :undo can take back. */
struct session_undo {
	int64_t review_id;
	int rating;
};

/* A card seen in this session that is due again soon. */
struct session_learn {
	char *id;
	int64_t due;
};

struct session {
	struct app *app;
	struct store *store;
	const struct settings *st;
	const struct session_opts *o;
	struct ui *ui;
	struct rng rng;
	int64_t id;              /* sessions row */
	struct strv queue;       /* due cards then new cards, in order */
	size_t qpos;
	struct strv front;       /* served before anything else (undo, edit) */
	struct session_learn *learn;
	size_t nlearn;
	struct session_undo *undo;
	size_t nundo;
	int reviewed;            /* grades kept (undone ones taken off) */
	int recalled;            /* of which not Again */
	struct timespec started;
	bool failed;             /* the store failed: end with EXIT_ENV */
};

/* What serving one card came to. */
struct session_grade {
	enum session_action action;
	int rating;          /* 1..4 when action is ACT_LINE */
	char *answer;        /* typed answer, owned; NULL when self-graded */
	int correct;         /* 1, 0, -1 when self-graded */
	int64_t duration_ms;
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
		return ss->app->now_ms;
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
	else if (d < 24 * 60 * 60 * 1000)
		snprintf(buf, len, "in %lld hour%s", (long long)(d / 3600000),
			 d / 3600000 == 1 ? "" : "s");
	else
		snprintf(buf, len, "in %lld day%s", (long long)((d + 43200000) / 86400000),
			 (d + 43200000) / 86400000 == 1 ? "" : "s");
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

/*
 * Prints prompt and reads a line. Answers come back as ACT_LINE with *line
 * set (owned by the caller); :hint and :help are handled here and the
 * question asked again.
 */
static enum session_action
session_input(struct session *ss, const struct card *c, const char *prompt, char **line)
{
	*line = NULL;
	for (;;) {
		char *in = ui_read(ss->ui, prompt);
		const struct session_cmd *cmd = NULL;
		char *t;

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
			printf("%sHint:%s %s\n", ui_on(ss->ui, UI_YELLOW), ui_off(ss->ui),
			       c && c->hint ? c->hint : "this card has no hint.");
		} else {
			free(in);
			return cmd->action;
		}
		free(in);
	}
}

static void
session_show_explain(const struct session *ss, const struct card *c)
{
	if (c->explain != NULL)
		printf("%sWhy:%s %s\n", ui_on(ss->ui, UI_DIM), ui_off(ss->ui), c->explain);
}

/* Turns a verdict and a response time into a rating. */
static int
session_rating(const struct session *ss, enum calc_verdict v, int64_t ms)
{
	if (v == CALC_WRONG)
		return FSRS_AGAIN;
	if (v == CALC_CLOSE)
		return FSRS_HARD;
	if (ui_interactive(ss->ui) && ms < SESSION_QUICK_MS)
		return FSRS_EASY;
	if (ui_interactive(ss->ui) && ms > SESSION_SLOW_MS)
		return FSRS_HARD;
	return FSRS_GOOD;
}

static void
session_verdict_line(const struct session *ss, enum calc_verdict v)
{
	if (v == CALC_CORRECT)
		printf("%s✓ Correct.%s\n", ui_on(ss->ui, UI_GREEN), ui_off(ss->ui));
	else if (v == CALC_CLOSE)
		printf("%s≈ Close.%s\n", ui_on(ss->ui, UI_YELLOW), ui_off(ss->ui));
	else
		printf("%s✗ Not quite.%s\n", ui_on(ss->ui, UI_RED), ui_off(ss->ui));
}

static int
session_parse_rating(const char *s)
{
	static const char *const names[] = {"again", "hard", "good", "easy"};

	while (isspace((unsigned char)*s))
		s++;
	if (s[0] >= '1' && s[0] <= '4' && (s[1] == '\0' || isspace((unsigned char)s[1])))
		return s[0] - '0';
	for (int i = 0; i < 4; i++) {
		size_t n = strlen(s);
		while (n > 0 && isspace((unsigned char)s[n - 1]))
			n--;
		if (n == 1 && tolower((unsigned char)s[0]) == names[i][0])
			return i + 1;
		if (n == strlen(names[i]) && strncasecmp(s, names[i], n) == 0)
			return i + 1;
	}
	return 0;
}

static void
session_recall(struct session *ss, const struct card *c, struct session_grade *g)
{
	char *line = NULL;
	int64_t t0 = session_mono_ms();

	printf("%s\n", c->prompt);
	g->action = session_input(ss, c, "(Enter shows the answer) › ", &line);
	free(line);
	if (g->action != ACT_LINE)
		return;
	g->duration_ms = session_mono_ms() - t0;
	printf("%sAnswer:%s %s\n", ui_on(ss->ui, UI_CYAN), ui_off(ss->ui), c->answer);
	session_show_explain(ss, c);
	for (;;) {
		g->action = session_input(ss, c, "Grade: 1 again, 2 hard, 3 good, 4 easy › ", &line);
		if (g->action != ACT_LINE)
			return;
		g->rating = session_parse_rating(line);
		free(line);
		if (g->rating > 0)
			break;
		printf("Grade with 1-4 or a/h/g/e.\n");
	}
	g->correct = -1;
}

/* Text and number cards: typed, judged, re-asked when unreadable. */
static void
session_typed(struct session *ss, const struct card *c, struct session_grade *g)
{
	int64_t t0 = session_mono_ms();
	char err[256];
	int v;

	printf("%s\n", c->prompt);
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
		v = answer_judge(c, norm, err, sizeof(err));
		if (v < 0) {
			printf("%s; try again.\n", err);
			free(norm);
			continue;
		}
		g->answer = norm;
		break;
	}
	g->duration_ms = session_mono_ms() - t0;
	g->correct = v == CALC_CORRECT;
	g->rating = session_rating(ss, (enum calc_verdict)v, g->duration_ms);
	session_verdict_line(ss, (enum calc_verdict)v);
	if (v != CALC_CORRECT || c->type == CARD_NUMBER)
		printf("%sAnswer:%s %s\n", ui_on(ss->ui, UI_CYAN), ui_off(ss->ui), c->answer);
	session_show_explain(ss, c);
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
	printf("%s\n", c->prompt);
	for (size_t i = 0; i < n; i++)
		printf("  %c) %s\n", (int)('a' + i), c->options.v[order[i]]);
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
	bool right = strcmp(c->options.v[order[pick]], c->answer) == 0;
	g->correct = right;
	g->rating = session_rating(ss, right ? CALC_CORRECT : CALC_WRONG, g->duration_ms);
	session_verdict_line(ss, right ? CALC_CORRECT : CALC_WRONG);
	if (!right)
		printf("%sAnswer:%s %s\n", ui_on(ss->ui, UI_CYAN), ui_off(ss->ui), c->answer);
	session_show_explain(ss, c);
done:
	free(order);
}

static void
session_show_steps(const struct impact_result *r)
{
	for (size_t i = 0; i < r->nsteps; i++) {
		char v[AMOUNT_FORMAT_MAX];
		amount_format(r->steps[i].value, r->steps[i].kind, v, sizeof(v));
		printf("  %zu. %s: %s = %s\n", i + 1, r->steps[i].label,
		       r->steps[i].expression, v);
	}
}

/* Asks for one figure of kind; returns its verdict or -1 (action set). */
static int
session_ask_figure(struct session *ss, const struct card *c, const char *prompt,
		   const struct impact_step *step, struct session_grade *g)
{
	char err[256];
	struct amount a;

	for (;;) {
		char *line = NULL;
		g->action = session_input(ss, c, prompt, &line);
		if (g->action != ACT_LINE)
			return -1;
		if (amount_parse(line, step->kind, &a, err, sizeof(err)) == 0) {
			free(g->answer);
			g->answer = line;
			return (int)calc_judge(step->value, a.value, c->tolerance);
		}
		printf("%s; try again.\n", err);
		free(line);
	}
}

static void
session_calc(struct session *ss, const struct card *c, struct session_grade *g)
{
	const struct impact_method *m = c->method;
	double values[IMPACT_MAX_INPUTS];
	struct impact_result r;
	char err[256], v[AMOUNT_FORMAT_MAX];
	int target = -1, worst = CALC_CORRECT, final;
	int64_t t0;

	/* calc_draw already redraws combinations the method refuses. */
	calc_draw(m, c->ranges, c->nranges, &ss->rng, values);
	if (impact_run(m, values, &r, err, sizeof(err)) == 0) {
		target = strcasecmp(c->ask, "annual") == 0 ? (int)r.nsteps - 1
							   : impact_step_index(&r, c->ask);
		snprintf(err, sizeof(err), "no step \"%s\"", c->ask);
	}
	if (target < 0) {
		printf("This calculation card could not draw usable numbers (%s); skipping it.\n", err);
		g->action = ACT_SKIP;
		return;
	}
	char *text = calc_render(c->prompt, m, values);
	printf("%s\n", text);
	free(text);
	t0 = session_mono_ms();
	if (c->walkthrough) {
		printf("%sWalk me through it.%s\n", ui_on(ss->ui, UI_BOLD), ui_off(ss->ui));
		for (int i = 0; i < target; i++) {
			char *prompt = xasprintf("Step %d: %s? › ", i + 1, r.steps[i].label);
			int sv = session_ask_figure(ss, c, prompt, &r.steps[i], g);
			free(prompt);
			if (sv < 0)
				return;
			amount_format(r.steps[i].value, r.steps[i].kind, v, sizeof(v));
			if (sv == CALC_CORRECT)
				printf("  %s✓%s %s = %s\n", ui_on(ss->ui, UI_GREEN), ui_off(ss->ui),
				       r.steps[i].expression, v);
			else
				printf("  %s✗%s it is %s = %s\n", ui_on(ss->ui, UI_RED),
				       ui_off(ss->ui), r.steps[i].expression, v);
			if (sv > worst)
				worst = sv;
		}
	}
	char *prompt = xasprintf("%s? › ", r.steps[target].label);
	final = session_ask_figure(ss, c, prompt, &r.steps[target], g);
	free(prompt);
	if (final < 0)
		return;
	g->duration_ms = session_mono_ms() - t0;
	g->correct = final == CALC_CORRECT;
	if (final == CALC_CORRECT && worst != CALC_CORRECT)
		final = CALC_CLOSE; /* right figure, shaky steps: Hard */
	g->rating = session_rating(ss, (enum calc_verdict)final, g->duration_ms);
	session_verdict_line(ss, (enum calc_verdict)final);
	amount_format(r.steps[target].value, r.steps[target].kind, v, sizeof(v));
	printf("%s%s:%s %s\n", ui_on(ss->ui, UI_CYAN), r.steps[target].label,
	       ui_off(ss->ui), v);
	if (final != CALC_CORRECT)
		session_show_steps(&r);
	char annual[AMOUNT_FORMAT_MAX], claim[AMOUNT_FORMAT_MAX];
	amount_format(r.annual, AMOUNT_MONEY, annual, sizeof(annual));
	amount_format(impact_conservative(r.annual), AMOUNT_MONEY, claim, sizeof(claim));
	printf("Annual impact %s (%s); claim at least %s.\n", annual,
	       impact_level_text(impact_level_of(r.annual)), claim);
	session_show_explain(ss, c);
}

/* Runs the editor on path at line, then re-imports the file. */
static void
session_edit(struct session *ss, const char *path, int line)
{
	if (ui_edit(ss->ui, path, line) != 0) {
		printf("The editor (%s) did not finish cleanly; nothing re-imported.\n",
		       ui_editor());
		return;
	}

	struct diag_list dl = {0};
	struct import_counts n;
	const char *paths[1] = {path};
	enum import_status rc = importer_run(ss->store, paths, 1, session_now(ss), false, &n, &dl);
	for (size_t i = 0; i < dl.n; i++) {
		char *m = diag_format(&dl.v[i]);
		printf("drill: %s\n", m);
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

/* Saves a grade: the scheduler's new state and the review, one transaction. */
static int
session_save(struct session *ss, const struct store_card *sc, struct session_grade *g)
{
	struct store_review rv;
	int64_t now = session_now(ss);
	char when[48];
	int rc = STORE_CONFLICT;

	memset(&rv, 0, sizeof(rv));
	rv.card_id = sc->id;
	rv.session_id = ss->id;
	rv.at = now;
	rv.rating = g->rating;
	rv.answer = g->answer;
	rv.correct = g->correct;
	rv.duration_ms = g->duration_ms;
	rv.before = sc->sched;
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
			return 0;
		}
		rc = store_save_review(ss->store, &rv);
	}
	if (rc != STORE_OK) {
		app_err("could not save the review: %s", store_errmsg(ss->store));
		ss->failed = true;
		return -1;
	}
	ss->undo = xrealloc(ss->undo, (ss->nundo + 1) * sizeof(*ss->undo));
	ss->undo[ss->nundo++] = (struct session_undo){rv.id, g->rating};
	ss->reviewed++;
	ss->recalled += g->rating > FSRS_AGAIN;
	static const char *const grades[] = {"", "Again", "Hard", "Good", "Easy"};
	session_when(now, rv.after.due, when, sizeof(when));
	printf("%s%s · next review %s%s\n", ui_on(ss->ui, UI_DIM), grades[g->rating], when,
	       ui_off(ss->ui));
	if (rv.after.due - now <= SESSION_LEARN_AHEAD_MS) {
		ss->learn = xrealloc(ss->learn, (ss->nlearn + 1) * sizeof(*ss->learn));
		ss->learn[ss->nlearn++] = (struct session_learn){xstrdup(sc->id), rv.after.due};
	}
	return 0;
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
	if (store_undo_review(ss->store, u.review_id, &id) != STORE_OK) {
		app_err("could not undo: %s", store_errmsg(ss->store));
		ss->failed = true;
		return;
	}
	ss->reviewed--;
	ss->recalled -= u.rating > FSRS_AGAIN;
	/* The card comes back now, not from the learning list. */
	for (size_t i = 0; i < ss->nlearn; i++)
		if (strcmp(ss->learn[i].id, id) == 0) {
			free(ss->learn[i].id);
			ss->learn[i] = ss->learn[--ss->nlearn];
			break;
		}
	strv_push(&ss->front, id);
	printf("Undone: card %s is back as it was.\n", id);
	free(id);
}

/* The next card id to serve (owned by the caller), or NULL when done. */
static char *
session_next(struct session *ss)
{
	int64_t now = session_now(ss);
	size_t best = SIZE_MAX;

	if (ss->front.n > 0) {
		char *id = ss->front.v[--ss->front.n];
		return id;
	}
	for (size_t i = 0; i < ss->nlearn; i++)
		if (best == SIZE_MAX || ss->learn[i].due < ss->learn[best].due)
			best = i;
	if (best != SIZE_MAX && (ss->learn[best].due <= now || ss->qpos >= ss->queue.n)) {
		char *id = ss->learn[best].id;
		ss->learn[best] = ss->learn[--ss->nlearn];
		return id;
	}
	if (ss->qpos < ss->queue.n)
		return xstrdup(ss->queue.v[ss->qpos++]);
	return NULL;
}

/* Serves one card. Returns false when the session should end. */
static bool
session_serve(struct session *ss, const char *id)
{
	struct store_card sc = {0};
	struct card *c = NULL;
	struct diag_list dl = {0};
	struct session_grade g = {ACT_LINE, 0, NULL, -1, 0};
	bool found = false, go_on = true;

	if (store_card_load(ss->store, id, &sc, &found) != STORE_OK) {
		app_err("%s", store_errmsg(ss->store));
		ss->failed = true;
		return false;
	}
	if (!found || sc.retired || sc.suspended)
		goto done;
	if (deck_parse_card(sc.deck_path, sc.line, sc.source, strlen(sc.source), &c, &dl) != 0) {
		for (size_t i = 0; i < dl.n; i++) {
			char *m = diag_format(&dl.v[i]);
			printf("drill: %s\n", m);
			free(m);
		}
		printf("Skipping card %s; fix its deck and it comes back.\n", id);
		goto done;
	}
	/* "3 left": this card and those still queued for the session. */
	printf("\n%s[%s · %s · %zu left]%s\n", ui_on(ss->ui, UI_DIM), sc.deck_key,
	       fsrs_state_name(sc.sched.state),
	       ss->queue.n - ss->qpos + ss->nlearn + ss->front.n + 1, ui_off(ss->ui));
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
		go_on = session_save(ss, &sc, &g) == 0;
		break;
	case ACT_QUIT:
		go_on = false;
		break;
	case ACT_UNDO:
		strv_push(&ss->front, id); /* this card comes after the undone one */
		session_undo(ss);
		break;
	case ACT_EDIT:
		session_edit(ss, sc.deck_path, sc.line);
		strv_push(&ss->front, id);
		break;
	case ACT_SUSPEND:
		if (store_set_suspended(ss->store, id, true) != STORE_OK) {
			app_err("%s", store_errmsg(ss->store));
			ss->failed = true;
			go_on = false;
		} else {
			printf("Suspended %s.\n", id);
		}
		break;
	default:
		break;
	}
done:
	free(g.answer);
	card_free(c);
	diag_list_free(&dl);
	store_card_clear(&sc);
	return go_on && !ss->failed;
}

static void
session_summary(struct session *ss)
{
	int64_t secs = (session_mono_ms() - ((int64_t)ss->started.tv_sec * 1000 +
					     ss->started.tv_nsec / 1000000)) / 1000;
	int64_t due = 0;
	char when[48];
	struct store_filter f = {ss->o->deck, ss->o->tag};

	printf("\n%sSession over:%s %d review%s", ui_on(ss->ui, UI_BOLD), ui_off(ss->ui),
	       ss->reviewed, ss->reviewed == 1 ? "" : "s");
	if (ss->reviewed > 0)
		printf(", %d%% recalled", (ss->recalled * 100 + ss->reviewed / 2) / ss->reviewed);
	printf(", %lldm %02llds.\n", (long long)(secs / 60), (long long)(secs % 60));
	if (store_next_due(ss->store, &f, &due) == STORE_OK && due > 0) {
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

int
session_run(struct app *app, struct store *s, const struct settings *st,
	    const struct session_opts *o)
{
	struct session ss;
	struct store_filter f = {o->deck, o->tag};
	struct import_counts counts;
	int64_t now, day;
	int new_left = o->new_limit, seen = 0, rc = EXIT_OK;
	size_t ndue;

	memset(&ss, 0, sizeof(ss));
	ss.app = app;
	ss.store = s;
	ss.st = st;
	ss.o = o;
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
	now = session_now(&ss);
	day = settings_day(now, st->rollover);
	if (new_left < 0) {
		if (store_new_seen_on(s, day, &seen) != STORE_OK)
			goto store_failed;
		new_left = st->new_per_day > seen ? st->new_per_day - seen : 0;
	}
	if (store_due_ids(s, &f, now, day, o->limit > 0 ? (size_t)o->limit : SIZE_MAX,
			  &ss.queue) != STORE_OK)
		goto store_failed;
	ndue = ss.queue.n;
	if (new_left > 0 && store_new_ids(s, &f, (size_t)new_left, &ss.queue) != STORE_OK)
		goto store_failed;
	if (ss.queue.n == 0) {
		int64_t due = 0;
		char when[48] = "";
		if (store_next_due(s, &f, &due) == STORE_OK && due > 0)
			session_when(now, due, when, sizeof(when));
		printf("Nothing to study right now%s%s.\n", when[0] ? "; next card due " : "", when);
		goto out;
	}
	ss.ui = ui_new(NULL, session_words);
	if (ui_interactive(ss.ui)) {
		char *h = paths_history();
		ui_free(ss.ui);
		ss.ui = ui_new(h, session_words);
		free(h);
	}
	if (store_session_start(s, "study", now, &ss.id) != STORE_OK)
		goto store_failed;
	printf("%sdrill%s: %zu due, %zu new. Type :help for commands.\n",
	       ui_on(ss.ui, UI_BOLD), ui_off(ss.ui), ndue, ss.queue.n - ndue);

	for (;;) {
		if (o->limit > 0 && ss.reviewed >= o->limit)
			break;
		char *id = session_next(&ss);
		if (id == NULL)
			break;
		bool go_on = session_serve(&ss, id);
		free(id);
		if (!go_on)
			break;
	}
	if (ss.failed)
		rc = EXIT_ENV;
	store_session_end(s, ss.id, session_now(&ss));
	session_summary(&ss);
	goto out;

store_failed:
	app_err("%s", store_errmsg(s));
	rc = EXIT_ENV;
out:
	ui_free(ss.ui);
	strv_free(&ss.queue);
	strv_free(&ss.front);
	for (size_t i = 0; i < ss.nlearn; i++)
		free(ss.learn[i].id);
	free(ss.learn);
	free(ss.undo);
	return rc;
}

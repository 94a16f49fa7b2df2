/* ui: see ui.h. */
#include "ui.h"

#include <errno.h>
#include <readline/history.h>
#include <readline/readline.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "paths.h"
#include "util.h"
#include "wrap.h"

#define UI_HISTORY_MAX 1000

struct ui {
	bool interactive;
	bool colour;
	char *history;
};

/*
 * Readline keeps its state in globals, and a signal handler can only reach
 * a global; these two are the whole of it and belong to this file.
 */
static volatile sig_atomic_t ui_sigint;
static const char *const *ui_words;

static void
ui_on_sigint(int sig)
{
	(void)sig;
	ui_sigint = 1;
}

/*
 * Readline's byte source. A read interrupted by Ctrl-C ends the line at
 * once (readline's own handling would only act on the next key).
 */
static int
ui_getc(FILE *f)
{
	unsigned char c;

	for (;;) {
		if (ui_sigint)
			return EOF;
		ssize_t n = read(fileno(f), &c, 1);
		if (n == 1)
			return c;
		if (n == 0 || errno != EINTR)
			return EOF;
	}
}

static char *
ui_complete_word(const char *text, int state)
{
	static size_t i;
	size_t n = strlen(text);

	if (state == 0)
		i = 0;
	while (ui_words != NULL && ui_words[i] != NULL) {
		const char *w = ui_words[i++];
		if (strncmp(w, text, n) == 0)
			return xstrdup(w);
	}
	return NULL;
}

static char **
ui_complete(const char *text, int start, int end)
{
	(void)end;
	rl_attempted_completion_over = 1;
	if (start != 0)
		return NULL;
	return rl_completion_matches(text, ui_complete_word);
}

struct ui *
ui_new(const char *history, const char *const *words)
{
	struct ui *u = xcalloc(1, sizeof(*u));
	const char *force = getenv("DRILL_INTERACTIVE");
	const char *term = getenv("TERM");
	struct sigaction sa;

	if (force != NULL && *force)
		u->interactive = strcmp(force, "0") != 0;
	else
		u->interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	u->colour = u->interactive && isatty(STDOUT_FILENO) &&
		    getenv("NO_COLOR") == NULL && !(term && strcmp(term, "dumb") == 0);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = ui_on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL); /* no SA_RESTART: reads return EINTR */
	ui_sigint = 0;

	if (u->interactive) {
		ui_words = words;
		rl_readline_name = "drill";
		rl_catch_signals = 0;
		/* Keep $COLUMNS the user's: readline would export its own guess. */
		rl_change_environment = 0;
		rl_getc_function = ui_getc;
		rl_attempted_completion_function = ui_complete;
		rl_completer_word_break_characters = " \t";
		/* A paste arrives as one string, newlines and all, where the
		   terminal brackets pastes; readline turns this off for a
		   terminal it does not know or one named "dumb", and an
		   inputrc may turn it off too. */
		rl_variable_bind("enable-bracketed-paste", "on");
		if (history != NULL) {
			u->history = xstrdup(history);
			using_history();
			stifle_history(UI_HISTORY_MAX);
			read_history(u->history);
		}
	}
	return u;
}

void
ui_free(struct ui *u)
{
	if (u == NULL)
		return;
	if (u->interactive && u->history != NULL) {
		if (paths_make_parent(u->history) == 0 && write_history(u->history) == 0)
			(void)0;
		clear_history();
	}
	signal(SIGINT, SIG_DFL);
	free(u->history);
	free(u);
}

bool
ui_interactive(const struct ui *u)
{
	return u->interactive;
}

bool
ui_interrupted(const struct ui *u)
{
	(void)u;
	return ui_sigint != 0;
}

char *
ui_read(struct ui *u, const char *prompt)
{
	if (ui_sigint)
		return NULL;
	if (u->interactive) {
		char *line = readline(prompt);
		if (ui_sigint) {
			free(line);
			putchar('\n');
			return NULL;
		}
		if (line != NULL && *line)
			add_history(line);
		if (line == NULL)
			return NULL;
		char *copy = xstrdup(line);
		free(line);
		return copy;
	}

	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	fputs(prompt, stdout);
	fflush(stdout);
	errno = 0;
	n = getline(&line, &cap, stdin);
	if (n < 0) {
		free(line);
		putchar('\n');
		return NULL;
	}
	if (n > 0 && line[n - 1] == '\n')
		line[--n] = '\0';
	if (n > 0 && line[n - 1] == '\r')
		line[--n] = '\0';
	/* Echo the scripted answer so a transcript reads like a session. */
	printf("%s\n", line);
	return line;
}

const char *
ui_on(const struct ui *u, enum ui_colour c)
{
	static const char *const codes[] = {
		[UI_PLAIN] = "", [UI_BOLD] = "\033[1m", [UI_DIM] = "\033[2m",
		[UI_GREEN] = "\033[32m", [UI_RED] = "\033[31m",
		[UI_YELLOW] = "\033[33m", [UI_CYAN] = "\033[36m",
	};
	return u->colour ? codes[c] : "";
}

const char *
ui_off(const struct ui *u)
{
	return u->colour ? "\033[0m" : "";
}

int
ui_width(const struct ui *u)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");
	char *end;
	long n;

	(void)u;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (cols == NULL || *cols < '0' || *cols > '9')
		return 0;
	errno = 0;
	n = strtol(cols, &end, 10);
	if (errno != 0 || *end != '\0' || n <= 0 || n > INT_MAX)
		return 0;
	return (int)n;
}

void
ui_print_wrapped(struct ui *u, enum ui_colour c, const char *label, const char *text)
{
	const char *on = ui_on(u, c);
	char *s = wrap_hanging(label, text != NULL ? text : "", ui_width(u), on,
			       *on ? ui_off(u) : "");

	fputs(s, stdout);
	putchar('\n');
	free(s);
}

void
ui_printf_wrapped(struct ui *u, enum ui_colour c, const char *label, const char *fmt, ...)
{
	struct sbuf b = {0};
	va_list ap;

	va_start(ap, fmt);
	sbuf_vprintf(&b, fmt, ap);
	va_end(ap);
	ui_print_wrapped(u, c, label, b.buf != NULL ? b.buf : "");
	sbuf_free(&b);
}

const char *
ui_editor(void)
{
	const char *e = getenv("VISUAL");

	if (e == NULL || *e == '\0')
		e = getenv("EDITOR");
	return e != NULL && *e != '\0' ? e : "vi";
}

/*
 * Editors known to take "+LINE" and "--" (the end of options): the first
 * word of the editor command, without its directory.
 */
static bool
ui_editor_known(const char *editor)
{
	static const char *const known[] = {"vi", "vim", "nvim", "nano", "emacs"};
	size_t n = strcspn(editor, " \t");
	const char *base = editor;

	for (const char *p = editor; p < editor + n; p++)
		if (*p == '/')
			base = p + 1;
	n -= (size_t)(base - editor);
	for (size_t i = 0; i < ARRAY_LEN(known); i++)
		if (strlen(known[i]) == n && strncmp(base, known[i], n) == 0)
			return true;
	return false;
}

int
ui_edit(struct ui *u, const char *path, int line)
{
	char lineno[32];
	pid_t pid;
	int status = 0;
	const char *editor = ui_editor();
	bool known = ui_editor_known(editor);

	(void)u;
	snprintf(lineno, sizeof(lineno), "+%d", line > 0 ? line : 1);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		/* The editor may carry arguments ("code -w"): let the shell split
		 * it; the path goes last, after "--" where the editor knows it. */
		char *cmd = xasprintf(known && line > 0 ? "%s \"$1\" -- \"$2\""
				      : known	    ? "%s -- \"$2\""
						    : "%s \"$2\"",
				      editor);
		execl("/bin/sh", "sh", "-c", cmd, "sh", lineno, path, (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return -1;
	return 0;
}

/*
 * ui: the terminal — line input (the only module that includes GNU
 * readline), history, tab completion and colour.
 *
 * Owns: whether the session is interactive (stdin and stdout are
 * terminals; DRILL_INTERACTIVE=0/1 overrides it, for tests under a
 * pseudo-terminal), the history file (loaded and saved only when
 * interactive), and the SIGINT flag. Colour only when interactive, stdout
 * is a terminal, NO_COLOR is unset and TERM is not "dumb". The width that
 * printed text is wrapped to (ui_width), asked afresh on every call so a
 * resized window takes effect at the next line.
 *
 * Ownership: ui_new returns an object freed with ui_free; ui_read returns a
 * line the caller frees. The completion words are borrowed and must outlive
 * the ui.
 */
#ifndef DRILL_UI_H
#define DRILL_UI_H

#include <stdbool.h>
#include <stdio.h>

struct ui;

enum ui_colour { UI_PLAIN, UI_BOLD, UI_DIM, UI_GREEN, UI_RED, UI_YELLOW, UI_CYAN };

/* history may be NULL (no history). words: NULL-terminated, for Tab. */
struct ui *ui_new(const char *history, const char *const *words);
void ui_free(struct ui *u);
bool ui_interactive(const struct ui *u);

/*
 * Reads one line after printing prompt. Returns the line without its
 * newline, or NULL at end of input (Ctrl-D) or on Ctrl-C (then
 * ui_interrupted is true). Non-empty interactive lines go to the history.
 * Interactively, on a terminal that brackets pastes, a paste of several
 * lines arrives as one string holding newlines ('\n').
 */
char *ui_read(struct ui *u, const char *prompt);
bool ui_interrupted(const struct ui *u);

/* The escape sequence that starts colour c, or "" when colour is off. */
const char *ui_on(const struct ui *u, enum ui_colour c);
/* The sequence that ends any colour, or "". */
const char *ui_off(const struct ui *u);

/*
 * The width to wrap printed text to, in columns: the terminal's width when
 * standard output is a terminal, else $COLUMNS when it is a positive whole
 * number, else 0, meaning do not wrap (output to a file or a pipe).
 */
int ui_width(const struct ui *u);

/*
 * Prints label then text, word-wrapped to ui_width(u) by display width
 * (wrap_hanging in wrap.h), then a newline. Lines break only between
 * words; continuation lines, and the lines after a newline in text, are
 * indented by the label's width so they hang under the text:
 *
 *     Why: Because the cost is split
 *          across teams.
 *
 * label may be NULL (no label, no indent) or spaces alone (an indent for
 * every line). Colour c covers the label's text, not its trailing spaces;
 * UI_PLAIN prints it uncoloured.
 */
void ui_print_wrapped(struct ui *u, enum ui_colour c, const char *label, const char *text);
/* The same with text made by printf from fmt. */
void ui_printf_wrapped(struct ui *u, enum ui_colour c, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The editor the user asked for: $VISUAL, else $EDITOR, else "vi". */
const char *ui_editor(void);

/*
 * Runs the editor on path and waits for it. Editors known to take them
 * (vi, vim, nvim, nano, emacs) get "+LINE -- path" (at line when line > 0),
 * any other editor the path alone. Returns 0 when it exited with status
 * 0, else -1.
 */
int ui_edit(struct ui *u, const char *path, int line);

#endif

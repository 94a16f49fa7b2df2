/*
 * ui: the terminal — line input (the only module that includes GNU
 * readline), history, tab completion and colour.
 *
 * Owns: whether the session is interactive (stdin and stdout are
 * terminals; DRILL_INTERACTIVE=0/1 overrides it, for tests under a
 * pseudo-terminal), the history file (loaded and saved only when
 * interactive), and the SIGINT flag. Colour only when interactive, stdout
 * is a terminal, NO_COLOR is unset and TERM is not "dumb".
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
 */
char *ui_read(struct ui *u, const char *prompt);
bool ui_interrupted(const struct ui *u);

/* The escape sequence that starts colour c, or "" when colour is off. */
const char *ui_on(const struct ui *u, enum ui_colour c);
/* The sequence that ends any colour, or "". */
const char *ui_off(const struct ui *u);

/* The editor the user asked for: $VISUAL, else $EDITOR, else "vi". */
const char *ui_editor(void);

/*
 * Runs the editor on path (at line when line > 0, as "+LINE path") and
 * waits for it. Returns 0 when it exited with status 0, else -1.
 */
int ui_edit(struct ui *u, const char *path, int line);

#endif

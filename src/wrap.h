/*
 * wrap: how many terminal columns UTF-8 text takes, and word-wrapping to a
 * width by those columns.
 *
 * Owns: the display-width rules (a built-in table, src/wrap_table.h, made
 * by scripts/gen_width_table.py, because the C locale leaves wcwidth
 * useless). Pure: no I/O, no globals, no locale. Used by the UI to print
 * session text that breaks between words instead of inside them.
 *
 * Width rules: control characters (C0, DEL, C1) and ANSI escape sequences
 * (CSI such as "\033[1m", OSC, and other ESC sequences) take 0 columns;
 * combining marks and zero-width characters (U+0301, U+200B, U+200D,
 * U+FE0F...) take 0; East Asian Wide and Fullwidth characters (CJK, Hangul,
 * fullwidth forms, emoji with emoji presentation) take 2; everything else,
 * and each byte that is not valid UTF-8, takes 1. Ambiguous-width
 * characters (·, —, ≈) count 1, as in a Western terminal.
 *
 * Ownership: const char * arguments are borrowed for the call; wrap_text
 * returns a string the caller frees with free().
 */
#ifndef DRILL_WRAP_H
#define DRILL_WRAP_H

#include <stddef.h>
#include <stdint.h>

/* Columns that code point cp takes: 0, 1 or 2 (see the rules above). */
int wrap_cp_width(uint32_t cp);

/* Columns that the UTF-8 text s[0..n) takes, escape sequences included. */
size_t wrap_width_n(const char *s, size_t n);
/* The same for a NUL-terminated string. */
size_t wrap_width(const char *s);

/*
 * Word-wraps text so that no line is wider than width columns, counting the
 * prefixes: the first line starts with first, every later line (wrapped or
 * after a newline in text) with rest. Either may be NULL for "", and may
 * hold escape sequences (a coloured label); rest is usually spaces as wide
 * as first, giving a hanging indent.
 *
 * Lines break only at spaces (U+0020): the spaces at a break are dropped,
 * other spaces are kept as they are (a paragraph's leading spaces too),
 * spaces at the end of a paragraph are dropped. A word (a run of anything
 * but spaces, so "140,000" or "re-import") never breaks: one wider than the
 * room left stays whole on a line of its own. Each newline in text is kept
 * and starts a new paragraph; an empty paragraph after the first line gets
 * no prefix, so blank lines stay blank.
 *
 * width <= 0 means no wrapping: text comes back as it is, with the
 * prefixes put before each line. Returns the wrapped text without an added
 * final newline (one at the end of text is kept), owned by the caller.
 */
char *wrap_text(const char *text, int width, const char *first, const char *rest);

/*
 * wrap_text with a label: the first line starts with label, the others
 * with spaces as wide as label, so the text hangs under itself ("Why: ",
 * "  a) "). label may be NULL; its text (not its trailing spaces) is put
 * between on and off, the escapes of a colour, which may be NULL or "".
 * Returned string owned by the caller, as for wrap_text.
 */
char *wrap_hanging(const char *label, const char *text, int width, const char *on,
		   const char *off);

#endif

/*
 * words: the word-level tolerance of the answer checker.
 *
 * Owns: folding a typed answer into the form it is matched in (Unicode
 * dashes, quotes and spaces, punctuation, repeated spaces, leading and
 * trailing filler such as "I think it's", and optionally case), word
 * stems (plurals and simple inflections: "Actions", "measured",
 * "measuring"), one-edit typos checked against a card's vocabulary, and
 * concept lines ("sustainab | ongoing or one-time | recurr").
 * Pure: no I/O, no globals. Used by the deck parser (to build a card's
 * vocabulary) and the answer checker.
 *
 * Ownership: functions that return char * return a new string the caller
 * frees. strv arguments the functions fill are the caller's.
 */
#ifndef DRILL_WORDS_H
#define DRILL_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* Letters a word needs before a one-edit typo of it is forgiven. */
#define WORDS_TYPO_MIN 5

/*
 * Folds a typed answer: Unicode dashes and minus signs to "-", quotes to
 * ASCII, non-breaking and other spaces to " ", "×" to "x"; punctuation
 * that never carries meaning in an answer (",;:!?()[]{}\"*_|") to a
 * space, except a comma between digits; a "." that ends a word; runs of
 * white space to one space; then leading filler ("I think it's", "the
 * answer is", "probably") and trailing filler ("I think") are removed
 * when something remains. flags: WORDS_LOWER, ASCII letters to lower case
 * too, and common abbreviations spelled out ("qtrly" -> "quarterly",
 * "yrs" -> "years", "w/o" -> "without"); WORDS_BRACKETS, keep "()[]" (a figure in brackets is another figure:
 * "a month (30 days)").
 */
#define WORDS_LOWER 1u
#define WORDS_BRACKETS 2u
char *words_fold(const char *typed, unsigned flags);

/*
 * The stem of the ASCII word w[0..n) in lower case ("actions" ->
 * "action", "measured" and "measuring" -> "measur", "quarterly" ->
 * "quarter"), written to out (NUL-terminated, at most outlen - 1 bytes).
 * Returns its length.
 */
size_t words_stem(const char *w, size_t n, char *out, size_t outlen);

/*
 * Whether a[0..na) and b[0..nb) are one edit apart: one letter inserted,
 * deleted or changed, or two neighbours swapped. Equal words are not.
 */
bool words_one_edit(const char *a, size_t na, const char *b, size_t nb);

/*
 * Adds the words of text (runs of 3 or more ASCII letters, in lower case)
 * to vocab, each once. With pattern, text is a PCRE2 pattern and only its
 * literal letters count: escapes ("\b", "\s"), character classes and group
 * syntax are skipped.
 */
void words_vocab_add(struct strv *vocab, const char *text, bool pattern);

/*
 * words_vocab_add for text that may hold typos (a card's examples show
 * the typos the checker forgives): a word one edit from a word of vocab
 * (both WORDS_TYPO_MIN letters or more) is not added.
 */
void words_vocab_add_text(struct strv *vocab, const char *text);

/* Removes from vocab every word that is in avoid, or has a word's stem. */
void words_vocab_remove(struct strv *vocab, const struct strv *avoid);

/*
 * Rewrites the words of folded (words_fold with WORDS_LOWER) toward vocab: a
 * word not in vocab becomes the vocab word with the same stem ("actions"
 * -> "action"), or, when both have WORDS_TYPO_MIN letters or more, the
 * vocab word one edit away ("frugalty" -> "frugality"). A word with the
 * stem of a word in avoid is left as typed. Words with digits are never
 * touched. The vocab words that replaced a misspelling are pushed to
 * spelled (when not NULL). Returns the new text.
 */
char *words_correct(const char *folded, const struct strv *vocab, const struct strv *avoid,
		    struct strv *spelled);

/*
 * Whether folded contains the concept: one of its alternatives,
 * separated by "|". An alternative's words must follow each other in the
 * answer; each matches a word that starts with it (a stem such as
 * "sustainab", for words of 4 letters or more), has its stem, or is one
 * edit away from it.
 */
bool words_concept_match(const char *folded, const char *concept);

#endif

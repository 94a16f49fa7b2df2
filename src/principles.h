/*
 * principles: Amazon's 16 leadership principles, in Amazon's order, with
 * the short forms a story may use for each and the behavioural question an
 * interviewer asks about each.
 *
 * Owns: the table (static, read-only) and how a name written by a person
 * is matched to an entry. Pure: no I/O, no allocation, no globals that
 * change. Used by the story parser, the story commands and the session.
 *
 * Ownership: every pointer returned points into the static table and is
 * valid for the life of the program; const char * arguments are borrowed
 * for the call.
 */
#ifndef DRILL_PRINCIPLES_H
#define DRILL_PRINCIPLES_H

#include <stddef.h>

#define PRINCIPLE_COUNT 16

struct principle {
	const char *name;     /* canonical: "Have Backbone; Disagree and Commit" */
	const char *key;      /* slug for card ids: "backbone" (lower case, digits, '-') */
	const char *question; /* the whole sentence: "Tell me about a time you ..." */
	const char *const *short_forms; /* NULL-terminated: "Backbone", "HBDC", ... */
};

/* Entry i (0..15, Amazon's order), or NULL outside that range. */
const struct principle *principle_at(int i);

/*
 * The index of the principle that s[0..len) names, or -1. The name or a
 * short form matches whatever its case, with spaces trimmed and runs of
 * spaces, commas, semicolons and hyphens taken as one space, "&" read as
 * "and", and apostrophes (' ` and the typographic ones) left out: "are
 * right a lot", "Earths Best Employer" and "Invent & Simplify" all match.
 */
int principle_find(const char *s, size_t len);

/*
 * The best suggestion for a name that principle_find does not know: the
 * name or short form nearest by edit distance (within a third of its
 * length), else the one principle that shares a word of four letters or
 * more with s ("Customer Focus" -> Customer Obsession); -1 when nothing is
 * close or the shared word belongs to more than one principle.
 */
int principle_nearest(const char *s, size_t len);

#endif

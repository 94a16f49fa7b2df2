/* principles: see principles.h. The names and short forms are listed in docs/stories.md. */
#include "principles.h"

#include <stdbool.h>
#include <string.h>

#include "util.h"

/* Longest name, after normalising, that is compared at all. */
#define PRINCIPLE_NORM_MAX 96

#define PRINCIPLE_FORMS(...) ((const char *const[]){__VA_ARGS__, NULL})

/*
 * The short forms of different principles never normalise to the same
 * text (tests/unit/test_principles.c checks it), so a match is never
 * ambiguous. Initials are given for every name of two words or more.
 */
static const struct principle principle_table[PRINCIPLE_COUNT] = {
    {"Customer Obsession", "customer-obsession",
     "Tell me about a time you looked past what a customer asked for and solved the problem "
     "they actually had.",
     PRINCIPLE_FORMS("CO", "Customer", "Customer Obsessed")},
    {"Ownership", "ownership",
     "Tell me about a time you took charge of a problem outside your own area because "
     "nobody else was going to fix it.",
     PRINCIPLE_FORMS("Owner", "OWN")},
    {"Invent and Simplify", "invent-and-simplify",
     "Tell me about a time you replaced a complicated process or system with a simpler one "
     "that worked better.",
     PRINCIPLE_FORMS("IS", "IAS", "Invent", "Simplify")},
    {"Are Right, A Lot", "are-right-a-lot",
     "Tell me about a time you made the right call with incomplete or conflicting "
     "information, and how you tested your judgement.",
     PRINCIPLE_FORMS("ARAL", "Are Right", "Right a Lot", "Be Right a Lot")},
    {"Learn and Be Curious", "learn-and-be-curious",
     "Tell me about a time you taught yourself something well outside your expertise and "
     "it changed how you solved a problem.",
     PRINCIPLE_FORMS("LBC", "Curious", "Curiosity", "Be Curious", "Learn")},
    {"Hire and Develop the Best", "hire-and-develop",
     "Tell me about a time you coached someone until they could do work they could not do "
     "before.",
     PRINCIPLE_FORMS("HDB", "HDTB", "Hire and Develop", "Develop the Best", "Hire the Best")},
    {"Insist on the Highest Standards", "highest-standards",
     "Tell me about a time you refused to accept work that was not good enough, even though "
     "it would have been easier to let it ship.",
     PRINCIPLE_FORMS("IHS", "IOTHS", "Highest Standards", "High Standards",
		     "Insist on High Standards")},
    {"Think Big", "think-big",
     "Tell me about a time you proposed a direction far bolder than what was planned and "
     "won people over to it.",
     PRINCIPLE_FORMS("TB")},
    {"Bias for Action", "bias-for-action",
     "Tell me about a time you acted quickly without all the information you wanted, and "
     "how you limited the risk.",
     PRINCIPLE_FORMS("BFA", "Bias", "Bias to Action", "Bias towards Action")},
    {"Frugality", "frugality",
     "Tell me about a time you achieved more with fewer people, less money or less time "
     "than you were given.",
     PRINCIPLE_FORMS("Frugal")},
    {"Earn Trust", "earn-trust",
     "Tell me about a time you told people a hard truth, or owned a mistake of yours, and "
     "kept their trust.",
     PRINCIPLE_FORMS("ET", "Trust", "Earning Trust")},
    {"Dive Deep", "dive-deep",
     "Tell me about a time you dug into the details yourself and found that a problem was "
     "not what everyone assumed.",
     PRINCIPLE_FORMS("DD", "Deep Dive", "Diving Deep")},
    {"Have Backbone; Disagree and Commit", "backbone",
     "Tell me about a time you challenged a decision you disagreed with, and what you did "
     "once it was made.",
     PRINCIPLE_FORMS("HBDC", "DAC", "Backbone", "Have Backbone", "Disagree and Commit")},
    {"Deliver Results", "deliver-results",
     "Tell me about a time you delivered an important result despite a serious setback "
     "along the way.",
     PRINCIPLE_FORMS("DR", "Results", "Delivering Results")},
    {"Strive to be Earth's Best Employer", "best-employer",
     "Tell me about a time you made work measurably better, safer or fairer for the people "
     "on your team.",
     PRINCIPLE_FORMS("SEBE", "EBE", "Earth's Best Employer", "Best Employer")},
    {"Success and Scale Bring Broad Responsibility", "broad-responsibility",
     "Tell me about a time you weighed the effect of your work on people beyond your "
     "customers and changed course because of it.",
     PRINCIPLE_FORMS("SSBBR", "Broad Responsibility", "Success and Scale", "Responsibility")},
};

const struct principle *
principle_at(int i)
{
	return i >= 0 && i < PRINCIPLE_COUNT ? &principle_table[i] : NULL;
}

static bool
principle_is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Bytes of an apostrophe at s[i..n): ' ` U+2018 U+2019 U+02BC, or 0. */
static size_t
principle_apostrophe(const unsigned char *s, size_t i, size_t n)
{
	if (s[i] == '\'' || s[i] == '`')
		return 1;
	if (i + 2 < n && s[i] == 0xe2 && s[i + 1] == 0x80 && (s[i + 2] == 0x98 || s[i + 2] == 0x99))
		return 3;
	if (i + 1 < n && s[i] == 0xca && s[i + 1] == 0xbc)
		return 2;
	return 0;
}

/*
 * Writes s[0..len) in normal form into out (PRINCIPLE_NORM_MAX + 1 bytes):
 * lower-case words of letters and digits separated by one space, "&" as
 * the word "and", apostrophes left out. Returns the length, or -1 when the
 * normal form is empty or too long to be a principle's name.
 */
static int
principle_norm(const char *s, size_t len, char out[PRINCIPLE_NORM_MAX + 1])
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = 0, i = 0;
	bool gap = false;

	while (i < len) {
		size_t ap = principle_apostrophe(u, i, len);
		const char *word = NULL;
		char one[2] = {0, 0};

		if (ap > 0) {
			i += ap;
			continue;
		}
		if (principle_is_alnum(u[i])) {
			one[0] = (char)(u[i] >= 'A' && u[i] <= 'Z' ? u[i] - 'A' + 'a' : u[i]);
			word = one;
		} else if (u[i] == '&') {
			word = "and";
			gap = true;
		} else {
			gap = true;
		}
		i++;
		if (word == NULL)
			continue;
		if (gap && n > 0) {
			if (n >= PRINCIPLE_NORM_MAX)
				return -1;
			out[n++] = ' ';
		}
		gap = u[i - 1] == '&';
		for (const char *w = word; *w; w++) {
			if (n >= PRINCIPLE_NORM_MAX)
				return -1;
			out[n++] = *w;
		}
	}
	out[n] = '\0';
	return n > 0 ? (int)n : -1;
}

/* The normal form of a name or short form of the table (each has one). */
static int
principle_form_norm(const char *form, char out[PRINCIPLE_NORM_MAX + 1])
{
	return principle_norm(form, strlen(form), out);
}

int
principle_find(const char *s, size_t len)
{
	char want[PRINCIPLE_NORM_MAX + 1], form[PRINCIPLE_NORM_MAX + 1];

	if (principle_norm(s, len, want) < 0)
		return -1;
	for (int i = 0; i < PRINCIPLE_COUNT; i++) {
		const struct principle *p = &principle_table[i];

		principle_form_norm(p->name, form);
		if (strcmp(form, want) == 0)
			return i;
		for (const char *const *f = p->short_forms; *f != NULL; f++) {
			principle_form_norm(*f, form);
			if (strcmp(form, want) == 0)
				return i;
		}
	}
	return -1;
}

static const char *const principle_stop_words[] = {"and", "the", "for", "with", "have",
						   "are", "that", "your"};

/* Whether the word w[0..n) of a normal form is worth matching on its own. */
static bool
principle_word_counts(const char *w, size_t n)
{
	if (n < 4)
		return false;
	for (size_t i = 0; i < ARRAY_LEN(principle_stop_words); i++)
		if (strlen(principle_stop_words[i]) == n && memcmp(principle_stop_words[i], w, n) == 0)
			return false;
	return true;
}

/* Whether the normal form hay has the word w[0..n). */
static bool
principle_has_word(const char *hay, const char *w, size_t n)
{
	for (const char *p = hay; *p != '\0';) {
		const char *e = strchr(p, ' ');
		size_t k = e != NULL ? (size_t)(e - p) : strlen(p);
		if (k == n && memcmp(p, w, n) == 0)
			return true;
		p += k + (e != NULL);
	}
	return false;
}

/* Whether principle i has, in its name or a short form, a word of want's that counts. */
static bool
principle_shares_word(int i, const char *want)
{
	const struct principle *p = &principle_table[i];
	char form[PRINCIPLE_NORM_MAX + 1];

	for (const char *w = want; *w != '\0';) {
		const char *e = strchr(w, ' ');
		size_t k = e != NULL ? (size_t)(e - w) : strlen(w);

		if (principle_word_counts(w, k)) {
			principle_form_norm(p->name, form);
			if (principle_has_word(form, w, k))
				return true;
			for (const char *const *f = p->short_forms; *f != NULL; f++) {
				principle_form_norm(*f, form);
				if (principle_has_word(form, w, k))
					return true;
			}
		}
		w += k + (e != NULL);
	}
	return false;
}

int
principle_nearest(const char *s, size_t len)
{
	char want[PRINCIPLE_NORM_MAX + 1], form[PRINCIPLE_NORM_MAX + 1];
	size_t best = (size_t)-1;
	int found = -1, shared = -1, nshared = 0;

	if (principle_norm(s, len, want) < 0)
		return -1;
	for (int i = 0; i < PRINCIPLE_COUNT; i++) {
		const struct principle *p = &principle_table[i];
		const char *forms[16];
		size_t nforms = 0;

		forms[nforms++] = p->name;
		for (const char *const *f = p->short_forms; *f != NULL && nforms < ARRAY_LEN(forms);
		     f++)
			forms[nforms++] = *f;
		for (size_t k = 0; k < nforms; k++) {
			size_t n = (size_t)principle_form_norm(forms[k], form);
			size_t d = edit_distance(want, strlen(want), form, n);

			if (d <= n / 3 && d < best) {
				best = d;
				found = i;
			}
		}
		if (principle_shares_word(i, want)) {
			shared = i;
			nshared++;
		}
	}
	if (found >= 0)
		return found;
	return nshared == 1 ? shared : -1;
}

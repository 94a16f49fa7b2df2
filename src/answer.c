/* answer: see answer.h. */
#include "answer.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "amount.h"
#include "check.h"
#include "deck.h"
#include "util.h"
#include "words.h"

/*
 * CHECK_MATCH when a pattern of res matches s; otherwise the lowest
 * CHECK_* any pattern gave (CHECK_BAD_UTF8 before CHECK_LIMIT before
 * CHECK_NO_MATCH).
 */
static int
answer_any_match(struct check_re *const *res, size_t n, const char *s)
{
	int worst = CHECK_NO_MATCH;

	for (size_t i = 0; i < n; i++) {
		int rc = check_re_match(res[i], s, strlen(s), NULL, NULL);

		if (rc == CHECK_MATCH)
			return CHECK_MATCH;
		if (rc < worst)
			worst = rc;
	}
	return worst;
}

/* Folds the result of one more form of the answer into *acc. */
static void
answer_combine(int *acc, int rc)
{
	if (*acc == CHECK_MATCH || rc == CHECK_MATCH)
		*acc = CHECK_MATCH;
	else if (rc < *acc)
		*acc = rc;
}

static bool
answer_concepts(const struct card *c, const char *s)
{
	if (c->concepts.n == 0 || s[0] == '\0')
		return false;
	for (size_t i = 0; i < c->concepts.n; i++)
		if (!words_concept_match(s, c->concepts.v[i]))
			return false;
	return true;
}

/*
 * The note for words spelled right by the checker: "(spelling:
 * Frugality)", each word as the card's answer writes it when it does.
 */
static void
answer_spelling_note(const struct card *c, const struct strv *spelled, char *note,
		     size_t notelen)
{
	struct sbuf b = {0};

	sbuf_adds(&b, "(spelling: ");
	for (size_t i = 0; i < spelled->n; i++) {
		const char *w = spelled->v[i], *at = NULL;
		size_t n = strlen(w);

		for (const char *p = c->answer; p != NULL && *p != '\0'; p++)
			if (strncasecmp(p, w, n) == 0 &&
			    (p == c->answer || !isalpha((unsigned char)p[-1])) &&
			    !isalpha((unsigned char)p[n])) {
				at = p;
				break;
			}
		sbuf_printf(&b, "%s%.*s", i > 0 ? ", " : "", (int)n, at != NULL ? at : w);
	}
	sbuf_addc(&b, ')');
	snprintf(note, notelen, "%s", b.buf);
	sbuf_free(&b);
}

/*
 * A text answer is tried in three forms: as typed (white space folded),
 * folded (words_fold), and with its words corrected toward the card's
 * vocabulary (words_correct). It is right when an accept pattern matches
 * one of them, or every concept is in the folded or corrected form, and
 * no reject pattern matches any of them.
 */
static int
answer_text(const struct card *c, const char *typed, char *note, size_t notelen, char *err,
	    size_t errlen)
{
	struct strv spelled = {0};
	char *forms[3];
	int acc = CHECK_NO_MATCH, rej = CHECK_NO_MATCH, v;
	int first = -1; /* the first form that was accepted */

	forms[0] = check_normalise(typed);
	forms[1] = words_fold(typed, WORDS_LOWER);
	forms[2] = words_correct(forms[1], &c->vocab, &c->avoid, &spelled);
	for (int i = 0; i < 3; i++) {
		if (forms[i][0] == '\0')
			continue;
		int a = answer_any_match(c->accept, c->naccept, forms[i]);
		if (a != CHECK_MATCH && i > 0 && answer_concepts(c, forms[i]))
			a = CHECK_MATCH;
		if (a == CHECK_MATCH && first < 0)
			first = i;
		answer_combine(&acc, a);
		answer_combine(&rej, answer_any_match(c->reject, c->nreject, forms[i]));
	}
	if (acc == CHECK_BAD_UTF8 || rej == CHECK_BAD_UTF8) {
		errorf(err, errlen, "the answer is not valid UTF-8 text");
		v = ANSWER_UNREADABLE;
	} else if (rej == CHECK_MATCH || acc == CHECK_NO_MATCH) {
		v = CALC_WRONG;
	} else if (acc == CHECK_MATCH && rej == CHECK_NO_MATCH) {
		v = CALC_CORRECT;
		if (first == 2 && spelled.n > 0 && note != NULL && notelen > 0)
			answer_spelling_note(c, &spelled, note, notelen);
	} else {
		errorf(err, errlen,
		       "the answer could not be checked: a pattern of this card gave up "
		       "(PCRE2's match limit)");
		v = ANSWER_UNJUDGED;
	}
	for (int i = 0; i < 3; i++)
		free(forms[i]);
	strv_free(&spelled);
	return v;
}

int
answer_text_accepts(const struct card *c, const char *typed)
{
	return answer_text(c, typed, NULL, 0, NULL, 0) == CALC_CORRECT;
}

/* Whether x is in [lo, hi], each end stretched by the tolerance. */
static bool
answer_inside(double x, double lo, double hi, bool open_top, double tol)
{
	return x >= lo - fabs(lo) * tol - 1e-12 && (open_top || x <= hi + fabs(hi) * tol + 1e-12);
}

/* Correct when both verdicts are, close when neither is wrong. */
static enum calc_verdict
answer_both(enum calc_verdict a, enum calc_verdict b)
{
	if (a == CALC_CORRECT && b == CALC_CORRECT)
		return CALC_CORRECT;
	if (a != CALC_WRONG && b != CALC_WRONG)
		return CALC_CLOSE;
	return CALC_WRONG;
}

/*
 * The verdict for a typed figure t against the card's answer e (see
 * docs/deck-format.md, "Range answers"). *partial is set when a single
 * value was typed for a range: the note shows the range.
 */
static enum calc_verdict
answer_figure(const struct amount_range *e, bool single, const struct amount_range *t,
	      double tol, double close, bool *partial)
{
	*partial = false;
	switch (e->shape) {
	case AMOUNT_ONE:
		if (t->shape == AMOUNT_SPAN)
			return answer_both(calc_judge_band(e->lo.value, t->lo.value, tol, close),
					   calc_judge_band(e->lo.value, t->hi.value, tol, close));
		return calc_judge_band(e->lo.value, t->lo.value, tol, close);
	case AMOUNT_SPAN:
		if (t->shape == AMOUNT_SPAN)
			return answer_both(calc_judge_band(e->lo.value, t->lo.value, tol, close),
					   calc_judge_band(e->hi.value, t->hi.value, tol, close));
		if (t->shape == AMOUNT_AT_LEAST)
			return e->open_top ? calc_judge_band(e->lo.value, t->lo.value, tol, close) : CALC_WRONG;
		if (t->shape == AMOUNT_ONE &&
		    answer_inside(t->lo.value, e->lo.value, e->hi.value, e->open_top, tol)) {
			*partial = !single;
			return single ? CALC_CORRECT : CALC_CLOSE;
		}
		return CALC_WRONG;
	case AMOUNT_AT_LEAST:
		if (t->shape == AMOUNT_AT_LEAST)
			return calc_judge_band(e->lo.value, t->lo.value, tol, close);
		if ((t->shape == AMOUNT_ONE || (t->shape == AMOUNT_SPAN && t->open_top)) &&
		    answer_inside(t->lo.value, e->lo.value, 0, true, tol)) {
			if (t->shape == AMOUNT_SPAN)
				return calc_judge_band(e->lo.value, t->lo.value, tol, close);
			*partial = !single;
			return single ? CALC_CORRECT : CALC_CLOSE;
		}
		if (t->shape == AMOUNT_SPAN && calc_judge_band(e->lo.value, t->lo.value, tol, close) != CALC_WRONG) {
			*partial = true;
			return CALC_CLOSE;
		}
		return CALC_WRONG;
	case AMOUNT_UP_TO:
		if (t->shape == AMOUNT_UP_TO || t->shape == AMOUNT_ONE)
			return calc_judge_band(e->lo.value, t->lo.value, tol, close);
		return CALC_WRONG;
	}
	return CALC_WRONG;
}

static int
answer_number(const struct card *c, const char *typed, char *note, size_t notelen, char *err,
	      size_t errlen)
{
	struct amount_range t;
	char *folded = words_fold(typed, WORDS_BRACKETS);
	double tol = c->tolerance;
	bool partial;
	enum calc_verdict v;
	int rc = amount_find_range(folded, c->unit, &t, err, errlen);

	free(folded);
	if (rc != 0)
		return ANSWER_UNREADABLE;
	/* Months and years have no fixed number of days or weeks. */
	if ((t.lo.converted || t.hi.converted) && tol < 0.02)
		tol = 0.02;
	v = answer_figure(&c->range, c->single, &t, tol, c->close, &partial);
	if (partial && v != CALC_WRONG && note != NULL && notelen > 0) {
		char r[2 * AMOUNT_FORMAT_MAX + 8];
		amount_range_format(&c->range, c->unit, r, sizeof(r));
		snprintf(note, notelen, "(the answer is a range: %s)", r);
	}
	return (int)v;
}

int
answer_judge_note(const struct card *c, const char *typed, char *note, size_t notelen,
		  char *err, size_t errlen)
{
	if (note != NULL && notelen > 0)
		note[0] = '\0';
	switch (c->type) {
	case CARD_TEXT:
		return answer_text(c, typed, note, notelen, err, errlen);
	case CARD_NUMBER:
		return answer_number(c, typed, note, notelen, err, errlen);
	default:
		errorf(err, errlen, "this card is not answered by typing");
		return ANSWER_UNREADABLE;
	}
}

int
answer_judge(const struct card *c, const char *typed, char *err, size_t errlen)
{
	return answer_judge_note(c, typed, NULL, 0, err, errlen);
}

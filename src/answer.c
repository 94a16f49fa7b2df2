/* answer: see answer.h. */
#include "answer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "check.h"
#include "deck.h"
#include "util.h"

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

static int
answer_text(const struct card *c, const char *typed, char *err, size_t errlen)
{
	char *norm = check_normalise(typed);
	int acc = CHECK_NO_MATCH, rej = CHECK_NO_MATCH, v;

	if (norm[0] != '\0') {
		acc = answer_any_match(c->accept, c->naccept, norm);
		rej = answer_any_match(c->reject, c->nreject, norm);
	}
	free(norm);
	if (acc == CHECK_BAD_UTF8 || rej == CHECK_BAD_UTF8) {
		errorf(err, errlen, "the answer is not valid UTF-8 text");
		v = ANSWER_UNREADABLE;
	} else if (rej == CHECK_MATCH || acc == CHECK_NO_MATCH) {
		v = CALC_WRONG;
	} else if (acc == CHECK_MATCH && rej == CHECK_NO_MATCH) {
		v = CALC_CORRECT;
	} else {
		errorf(err, errlen,
		       "the answer could not be checked: a pattern of this card gave up "
		       "(PCRE2's match limit)");
		v = ANSWER_UNJUDGED;
	}
	return v;
}

int
answer_text_accepts(const struct card *c, const char *typed)
{
	return answer_text(c, typed, NULL, 0) == CALC_CORRECT;
}

int
answer_judge(const struct card *c, const char *typed, char *err, size_t errlen)
{
	struct amount a;

	switch (c->type) {
	case CARD_TEXT:
		return answer_text(c, typed, err, errlen);
	case CARD_NUMBER:
		if (amount_parse(typed, c->unit, &a, err, errlen) != 0)
			return ANSWER_UNREADABLE;
		return (int)calc_judge(c->value, a.value, c->tolerance);
	default:
		errorf(err, errlen, "this card is not answered by typing");
		return ANSWER_UNREADABLE;
	}
}

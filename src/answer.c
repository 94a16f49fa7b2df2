/* answer: see answer.h. */
#include "answer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "check.h"
#include "deck.h"
#include "util.h"

static int
answer_any_match(struct check_re *const *res, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (check_re_match(res[i], s, strlen(s), NULL, NULL) == 1)
			return 1;
	return 0;
}

int
answer_text_accepts(const struct card *c, const char *typed)
{
	char *norm = check_normalise(typed);
	int ok = norm[0] != '\0' &&
		 answer_any_match(c->accept, c->naccept, norm) &&
		 !answer_any_match(c->reject, c->nreject, norm);

	free(norm);
	return ok;
}

int
answer_judge(const struct card *c, const char *typed, char *err, size_t errlen)
{
	struct amount a;

	switch (c->type) {
	case CARD_TEXT:
		return answer_text_accepts(c, typed) ? CALC_CORRECT : CALC_WRONG;
	case CARD_NUMBER:
		if (amount_parse(typed, c->unit, &a, err, errlen) != 0)
			return -1;
		return (int)calc_judge(c->value, a.value, c->tolerance);
	default:
		if (err != NULL && errlen > 0)
			snprintf(err, errlen, "this card is not answered by typing");
		return -1;
	}
}

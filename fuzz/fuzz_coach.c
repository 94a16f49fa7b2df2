/* Fuzz target: the coach reads any text as an answer, at both levels. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "coach.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct coach *c = NULL;
	char err[256];

	if (coach_new(&c, err, sizeof(err)) != 0)
		__builtin_trap();
	for (int level = COACH_L6; level <= COACH_L7; level++) {
		struct coach_options opt;
		struct coach_result *r = NULL;
		const struct coach_followup *fu[3];

		memset(&opt, 0, sizeof(opt));
		opt.level = (enum coach_level)level;
		coach_analyse(c, (const char *)data, size, &opt, &r);
		/* Every quote is a piece of the answer, where it says it is. */
		for (size_t i = 0; i < r->nfindings; i++) {
			size_t n = strlen(r->findings[i].quote);
			if (n > 0 && (r->findings[i].offset + n > size ||
				      memcmp(data + r->findings[i].offset, r->findings[i].quote, n) != 0))
				__builtin_trap();
		}
		/* the text judged as the reply to each follow-up it draws */
		for (size_t i = 0, n = coach_followups(r, fu, 3); i < n; i++) {
			char why[64];
			coach_followup_answered(fu[i], (const char *)data, size, r, why, sizeof(why));
			if (memchr(why, '\0', sizeof(why)) == NULL)
				__builtin_trap();
		}
		coach_result_free(r);
	}
	coach_free(c);
	return 0;
}

/* Fuzz target: the deck parser must never crash, leak or hang, whatever the bytes. */
#include <stddef.h>
#include <stdint.h>

#include "deck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list dl = {0};
	struct deck *d = NULL;

	if (deck_parse("fuzz.deck", (const char *)data, size, &d, &dl) == 0) {
		/* Every card's stored source must parse back on its own. */
		for (size_t i = 0; i < d->ncards; i++) {
			struct card *c = NULL;
			const char *src = d->cards[i].source;
			size_t n = 0;
			while (src[n])
				n++;
			if (deck_parse_card("fuzz.deck", d->cards[i].line, src, n, &c, &dl) != 0)
				__builtin_trap();
			card_free(c);
		}
	}
	deck_free(d);
	diag_list_free(&dl);
	return 0;
}

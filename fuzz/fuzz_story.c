/*
 * Fuzz target: the story parser must never crash, leak or hang, whatever
 * the bytes; every story it returns keeps its invariants; and in a file
 * without errors each story's stored source parses back on its own to the
 * same story. The principle matcher gets the same bytes as a name.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "story.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct story_set set = {0};
	struct diag_list dl = {0};
	const char *text = (const char *)data;
	int p = principle_find(text, size), q = principle_nearest(text, size);
	int rc = story_parse("fuzz.story", text, size, &set, &dl);

	if (p < -1 || p >= PRINCIPLE_COUNT || q < -1 || q >= PRINCIPLE_COUNT)
		__builtin_trap();
	if (story_check_ids(&set, &dl) > set.nrefs)
		__builtin_trap();
	for (size_t i = 0; i < set.n; i++) {
		const struct story *s = set.v[i];
		struct story_set one = {0};
		struct diag_list odl = {0};

		if (!story_is_valid(s))
			__builtin_trap();
		if (rc != 0)
			continue;
		if (story_parse("fuzz.story", s->source, strlen(s->source), &one, &odl) != 0 ||
		    one.n != 1 || strcmp(one.v[0]->id, s->id) != 0 ||
		    strcmp(one.v[0]->hash, s->hash) != 0 || one.v[0]->annual != s->annual)
			__builtin_trap();
		story_set_free(&one);
		diag_list_free(&odl);
	}
	story_set_free(&set);
	diag_list_free(&dl);
	return 0;
}

/*
 * cmd_plan: `drill plan` and what the session and `drill stats` take from
 * the interview plan — loading the studied cards and computing the plan
 * (plan.h) at a moment, and the readiness figures of drill stats.
 *
 * Owns: nothing that outlives a call except the plan it fills. Reads the
 * database and prints (drill plan, the stats lines); never exits.
 *
 * Ownership: cmd_plan_load fills a struct plan the caller releases with
 * plan_clear; JSON objects passed in are borrowed and get new members.
 */
#ifndef DRILL_CMD_PLAN_H
#define DRILL_CMD_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "plan.h"

struct store;
struct settings;
struct store_plan_card;

/*
 * The plan at now_ms (st must have an interview date). With decks not
 * NULL, *decks receives the studied cards in the plan's order (for per-deck
 * figures; free with store_plan_cards_free) and *ndecks their number.
 * Returns STORE_OK, or a store status (message in store_errmsg).
 */
int cmd_plan_load(struct store *s, const struct settings *st, int64_t now_ms, struct plan *out,
		  struct store_plan_card **cards, size_t *ncards);

/*
 * drill stats' readiness: with a date set, prints the readiness line (days
 * left, predicted recall now and planned, on track or not), or with json
 * not NULL adds "readiness" to it (with per-deck predicted recall under
 * "readiness": {"decks": {...}}). Nothing without a date. Returns 0, or -1
 * after printing a store error.
 */
int cmd_plan_stats(struct store *s, const struct settings *st, int64_t now_ms, json_t *json);

#endif

/*
 * cmd_story: what `drill story check` judges in a story that the commands
 * built on the story bank (drill loop) judge the same way: its coach
 * findings and whether its figure fits its level.
 *
 * Owns: nothing that outlives a call. Prints nothing. Used by cmd_story.c
 * and cmd_loop.c.
 *
 * Ownership: every pointer argument is borrowed for the call.
 */
#ifndef DRILL_CMD_STORY_H
#define DRILL_CMD_STORY_H

#include <stdbool.h>
#include <stddef.h>

#include "coach.h"
#include "story.h"

/* How many findings drill story check reports for st (docs/stories.md). */
size_t cmd_story_findings(const struct coach *coach, const struct story *st);

/* Does st's annual figure fit the story-bank range of its level? False
 * for a story without impact: lines. */
bool cmd_story_fits(const struct story *st);

#endif

/*
 * storycards: the cards a candidate's stories yield for rehearsal
 * (docs/stories.md, "Rehearsal"). For each leadership principle the
 * stories cover, a recall card asking the principle's question, answered
 * by the stories that fit; and for each story, its headline figure (a
 * number card checked like any other), a walkthrough of each impact line
 * with the story's own inputs (a calc card), and the defense follow-ups
 * its fields answer (attribution, validation, period, what it would
 * estimate differently).
 *
 * Owns: the generated deck. Pure: each card is written as a deck record
 * and parsed by deck_parse_card, so a story card is judged, stored and
 * re-read exactly like a card written in a deck. A card's id ends in a
 * short hash of its record, so a changed figure makes a new card (the old
 * one retires with its history) while an unchanged card keeps its
 * progress. Every card remembers the story file and line it came from
 * (card.file, card.line), for :edit.
 *
 * Ownership: storycards_build returns a deck the caller frees with
 * deck_free; the set is borrowed for the call.
 */
#ifndef DRILL_STORYCARDS_H
#define DRILL_STORYCARDS_H

#include "deck.h"
#include "diag.h"
#include "story.h"

/* The key of the generated deck; a deck file of that name is refused. */
#define STORYCARDS_DECK "stories"

/*
 * Builds the "stories" deck of set, whose stories' paths should be
 * absolute (they are what :edit opens). dir is the folder, stored as the
 * deck's path. Returns 0 with *out set, or -1 with *out NULL and the
 * problems in dl (a generated record that does not parse is a defect of
 * drill, reported at the story's line).
 */
int storycards_build(const struct story_set *set, const char *dir, struct deck **out,
		     struct diag_list *dl);

#endif

#!/usr/bin/env bash
# Walkthrough steps that commute are accepted in either order (issue 13):
# in a market expansion, penetration may be applied before attribution.
# The other order's step is named with its own figure, the next step shows
# the arithmetic of that order, and the grade is Good, not Hard. Every
# figure is written at one precision ($13.65M, never $13.6M and then
# $13.65M).
source "$(dirname "$0")/lib.sh" "$@"

export DRILL_DECKS=$E2E_DECKS/walk

step "penetration first: the step is right, named for that order, and the grade is Good"
export DRILL_DB=$T/other.db
run_in '$21M\n$11.55M\n$7.508M\n:quit\n' --seed 1
expect_exit 0
expect_out "Step 2: attributed potential (or realised potential, the other order)? ›"
expect_out "✓ realised potential: \$21M × 55% = \$11.55M"
expect_out "✓ Correct."
expect_no_out "Hard ·"
sql_eq "SELECT rating || '|' || correct FROM reviews" "3|1" "graded Good"

step "the engine's order: attribution first"
export DRILL_DB=$T/engine.db
run_in '$21M\n$13.65M\n$7.508M\n:quit\n' --seed 1
expect_exit 0
expect_out "✓ \$21M × 65% = \$13.65M"
sql_eq "SELECT rating || '|' || correct FROM reviews" "3|1" "graded Good"

step "a wrong step shows the engine's arithmetic at one precision"
export DRILL_DB=$T/wrong.db
run_in '$21M\n$5M\n$7.508M\n:quit\n' --seed 1
expect_exit 0
expect_out "✗ it is \$21M × 65% = \$13.65M"
sql_eq "SELECT rating || '|' || correct FROM reviews" "2|1" "a right figure after a wrong step is Hard"

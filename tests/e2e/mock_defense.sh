#!/usr/bin/env bash
# drill mock judges each follow-up reply by what that follow-up asked for
# (piped input, so the transcript is the output): a "walk me through your
# calculation" reply by auditing the calculation it holds, an attribution
# reply by a share stated as a percentage with a reason, a validation
# reply by someone who checked. The counts land in the database.
#
# Regression (issue 14): a correct written calculation was "not defended"
# (it named no method), while a paragraph with no number was "defended"
# (it said "measured").
source "$(dirname "$0")/lib.sh" "$@"
export DRILL_DECKS=$DRILL_SOURCE_DIR/decks

# This answer draws three follow-ups: attribution, calculation, validation.
ANSWER="Situation: our order pipeline kept failing on peak days. Task: I had to make it reliable before the holiday season. Action: I led the team through a redesign of the queueing layer and we added retries and alerting. Result: we saved the company \$2M a year in lost orders."

# mock N ATTRIBUTION CALCULATION VALIDATION: a piped mock with these replies
mock() {
	printf '%s\n.\n%s\n.\n%s\n.\n%s\n.\n' "$ANSWER" "$2" "$3" "$4" >"$T/mock$1.txt"
	run mock --seed 7 --level L6 --principle ownership <"$T/mock$1.txt"
	expect_exit 0
	expect_out "Follow-up 1 of 3: How do you know you can attribute"
	expect_out "Follow-up 2 of 3: Walk me through your impact calculation"
	expect_out "Follow-up 3 of 3: How did you validate these numbers"
	expect_out "Saved as mock #$1"
}

step "a correct written calculation is defended; a share with a reason; a named checker"
mock 1 "About 70% of it is ours, because the holdout region without the redesign stayed flat." \
	"We lost 1,850 orders a month at \$92, so 1,850 × \$92 × 12 = \$2.04M a year." \
	"Our finance partner checked the model against the order logs."
expect_out '  Defended: a share ("About 70%") with a reason.'
expect_out '  Defended: the calculation adds up ("1,850 × $92 × 12 = $2.04M").'
expect_out '  Defended: someone checked the numbers ("finance").'
expect_out "defense       10/10  3 of 3 follow-ups"
sql_eq "SELECT asked || ':' || defended FROM mocks WHERE id = 1" "3:3" "mock 1 defended"

step "no number, a wrong calculation, a share with no reason, nobody who checked"
mock 2 "About 70% of the lift is attributed to our change." \
	"We measured it carefully before and after the change, against the baseline, and the dashboards showed it clearly." \
	"I am confident in it; nobody in finance checked it."
expect_out '  Not defended: "About 70%" is stated with no reason'
expect_out '  Not defended: no written calculation: write each step with its result'
expect_out '  Not defended: the answer says nobody checked the numbers'
sql_eq "SELECT asked || ':' || defended FROM mocks WHERE id = 2" "3:0" "mock 2 defended"

step "a calculation that does not add up is not defended, and says what it comes to"
mock 3 "We claim 70%: marketing ran a campaign in the same months, so the rest is theirs." \
	"1,850 orders a month × \$92 × 12 = \$2.5M a year." \
	"The CFO's team reviewed it."
expect_out '  Not defended: "1,850 orders a month × $92 × 12 = $2.5M" does not add up: the left side is $2.042M, not $2.5M.'
sql_eq "SELECT asked || ':' || defended FROM mocks WHERE id = 3" "3:2" "mock 3 defended"

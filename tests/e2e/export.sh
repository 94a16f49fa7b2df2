#!/usr/bin/env bash
# drill export (issue 18): the cards as Anki text, CSV and JSON (with every
# review on request), and the review log as the CSV FSRS optimizers read.
source "$(dirname "$0")/lib.sh" "$@"

run import
expect_exit 0
# Two sessions: t-recall graded Good, t-text answered wrong, then again.
run_in '\n3\nnope\n' --new 2
expect_exit 0
DRILL_NOW=2026-03-02T09:30:00Z run_in 'customer obsession\n' --new 0
expect_exit 0
nrev=$(sql "SELECT count(*) FROM reviews")
[ "$nrev" -ge 3 ] || fail "expected 3 reviews at least, got $nrev"

step "anki-txt: headers, Basic and typed notes, the rest skipped and counted"
run export --format anki-txt
expect_exit 0
expect_eq "$(printf '%s\n' "$OUT" | head -n 6 | paste -sd' ' -)" \
	"#separator:tab #html:false #guid column:1 #notetype column:2 #deck column:3 #tags column:6" "headers"
expect_out $'t-recall\tBasic\tCard types\tWhat does STAR stand for?\tSituation, Task, Action, Result\te2e'
expect_out $'t-text\tBasic (type in the answer)\tCard types\tWhich leadership principle'
expect_no_out "t-choice"
expect_err "drill export: skipped 2 cards Anki's text format cannot hold (1 choice, 1 calc, 0 open)"

step "csv: a header and one quoted row per card"
run export --format csv
expect_exit 0
expect_eq "$(printf '%s\n' "$OUT" | head -n 1)" "id,deck,type,prompt,answer,tags,state,due,reps,lapses,suspended" "csv header"
expect_out 't-recall,types,recall,What does STAR stand for?,"Situation, Task, Action, Result",e2e,learning,'
expect_eq "$(printf '%s\n' "$OUT" | python3 -c 'import csv,sys; print(len(list(csv.reader(sys.stdin))))')" 6 "csv rows with the header"

step "json --with-history carries every review"
run export --format json --with-history -o "$T/all.json"
expect_exit 0
expect_out "Exported 5 cards to $T/all.json."
got=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(len(c["reviews"]) for c in d["cards"]))' "$T/all.json")
expect_eq "$got" "$nrev" "reviews in the JSON"
expect_eq "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); c=[c for c in d["cards"] if c["id"]=="t-text"][0]; print(",".join(str(r["rating"]) for r in c["reviews"]), c["reviews"][0]["answer"])' "$T/all.json")" \
	"$(sql "SELECT group_concat(rating, ',') FROM (SELECT rating FROM reviews WHERE card_id = 't-text' ORDER BY reviewed_at)") nope" "t-text's ratings and first answer"
run export --format json --deck types
expect_exit 0
expect_not_contains "$OUT" '"reviews"' "json without --with-history"

step "--reviews: the optimizer CSV"
run export --reviews
expect_exit 0
expect_eq "$(printf '%s\n' "$OUT" | head -n 1)" "card_id,review_time,review_rating,review_state,review_duration" "header"
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)" "$nrev" "review rows"
expect_eq "$(printf '%s\n' "$OUT" | grep -c '^t-recall,1772442000000,3,0,')" 1 "t-recall's first review (new, Good)"
expect_eq "$(printf '%s\n' "$OUT" | grep '^t-text,' | cut -d, -f4 | paste -sd, -)" "0,1" "t-text's states before each review"

step "bad arguments"
run export
expect_exit 1
expect_err "what to export?"
run export --format xml
expect_exit 1
expect_err '--format is anki-txt, csv or json, not "xml"'
run export --format csv --with-history
expect_exit 1
run export --format csv --deck nosuch
expect_exit 1
expect_err 'no cards in a deck "nosuch"'

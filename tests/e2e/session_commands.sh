#!/usr/bin/env bash
# The session commands on piped input: :undo (the review row goes and the
# card's state comes back exactly), :skip, :suspend, :hint, :help, unknown
# commands, and :edit (EDITOR is a script that edits the deck with sed; the
# card is re-imported with its progress and shown again).
source "$(dirname "$0")/lib.sh" "$@"

use_decks study
deck=$T/decks/study.deck

# fresh NAME: a new database for one scenario, with the study deck (as
# committed) imported.
fresh() {
	cp "$E2E_DECKS/study/study.deck" "$deck"
	export DRILL_DB=$T/$1.db
	export DRILL_NOW=2026-03-02T09:00:00Z
	run import
	expect_exit 0
	expect_out "8 added"
}

step ":undo of a review card restores its state exactly"
fresh undo
run_in '\n3\n' --limit 1
expect_exit 0
sql_eq "SELECT count(*) FROM reviews" 1 "reviews after the first session"
graded=$(card_state s-01)
export DRILL_NOW=2026-03-03T09:00:00Z # s-01 is due again
run_in '\n1\n:undo\n:quit\n' --new 1
expect_exit 0
expect_out "drill: 0 due today, 1 learning now, 1 new."
expect_out "Again · next review"
expect_out "Undone: card s-01 is back as it was."
expect_out "Session over: 0 reviews"
expect_eq "$(count "Question one" "$OUT")" 2 "times s-01 was shown (again after :undo)"
sql_eq "SELECT count(*) FROM reviews" 1 "reviews after :undo"
sql_eq "SELECT rating FROM reviews" 3 "the review that was kept"
expect_eq "$(card_state s-01)" "$graded" "state of s-01 after :undo"

step ":undo of a new card's first review makes it new again, in the database too"
fresh undo-new
pristine=$(card_state s-01)
run_in '\n4\n:undo\n\n2\n:quit\n'
expect_exit 0
expect_out "Easy · next review"
expect_out "Undone: card s-01 is back as it was."
expect_out "Session over: 1 review"
sql_eq "SELECT card_id || ':' || rating FROM reviews" "s-01:2" "reviews after undo and regrade"
[ "$(card_state s-01)" != "$pristine" ] || fail "the regrade left s-01 new"
run_in ':undo\n:quit\n' --new 1
sql_eq "SELECT count(*) FROM reviews" 1 ":undo in a new session reached an old review"
expect_out "Nothing to undo in this session."
run_in '\n2\n:undo\n:undo\n:quit\n' --new 1
expect_out "Nothing to undo in this session."
sql_eq "SELECT count(*) FROM reviews" 1 "reviews after a double :undo"

step ":skip leaves a card ungraded and goes on"
fresh skip
run_in ':skip\n\n3\n:s\n:quit\n' --new 3
expect_exit 0
expect_out "Question one"
expect_out "Question two"
expect_out "Question three"
sql_eq "SELECT group_concat(card_id) FROM reviews" "s-02" "reviews after :skip"
sql_eq "SELECT count(*) FROM cards WHERE state = 0" 7 "new cards after :skip"

step ":suspend keeps a card out of every later session"
fresh suspend
run_in ':suspend\n:quit\n' --new 1
expect_exit 0
expect_out "Suspended s-01 (:undo takes it back"
sql_eq "SELECT suspended FROM cards WHERE id = 's-01'" 1 "suspended flag"
sql_eq "SELECT count(*) FROM reviews" 0 "reviews after :suspend"
export DRILL_NOW=2026-04-02T09:00:00Z
run_in "$(printf '\\n3\\n%.0s' $(seq 7))" --new 8
expect_exit 0
expect_out "drill: 0 due today, 0 learning now, 7 new."
expect_no_out "Question one"
sql_eq "SELECT count(*) FROM reviews WHERE card_id = 's-01'" 0 "reviews of the suspended card"
sql_eq "SELECT count(*) FROM reviews" 7 "reviews of the other cards"

step ":hint, :help and an unknown command re-ask the same question"
fresh hint
run_in ':hint\n:help\n:frobnicate\n\n3\n:h\n\ng\n' --new 2 --limit 2
expect_exit 0
expect_out "Hint: The first hint."
expect_out "Hint: this card has no hint."
expect_out ":undo"
expect_out ":suspend"
expect_out "Unknown command :frobnicate (:help lists them)."
expect_eq "$(count "Question one" "$OUT")" 1 "times s-01 was shown"
sql_eq "SELECT group_concat(card_id || ':' || rating) FROM reviews" "s-01:3,s-02:3" "reviews after :hint"

step ":edit opens the deck at the card's line in EDITOR and re-imports it"
fresh edit
# Named vim, so it gets "+LINE -- PATH" as vim would.
mkdir -p "$T/bin"
cat >"$T/bin/vim" <<EOF
#!/bin/sh
# Records its arguments, then edits the record that starts at line +N.
printf '%s\n' "\$@" >"$T/editor.args"
line=\${1#+}
sed -i "\${line},/^\$/ s/^prompt: Question one\$/prompt: Question number one/" "\$3"
EOF
chmod +x "$T/bin/vim"
export EDITOR=$T/bin/vim
run_in '\n3\n:edit\n\n3\n:quit\n' --new 2
expect_exit 0
expect_eq "$(cat "$T/editor.args")" "+$(grep -n '^id: s-02$' "$deck" | cut -d: -f1)
--
$deck" "the editor's arguments"
grep -q "^prompt: Question number one$" "$deck" && fail ":edit of s-02 edited s-01"

run_in ':edit\n\n3\n:quit\n' --new 1 --db "$T/edit2.db"
expect_exit 0
expect_eq "$(cat "$T/editor.args")" "+$(grep -n '^id: s-01$' "$deck" | cut -d: -f1)
--
$deck" "the editor's arguments"
grep -q "^prompt: Question number one$" "$deck" || fail "the editor script did not edit the deck"
expect_out "Re-imported $deck: 0 added, 1 updated, 0 retired."
expect_out "Question number one"
DRILL_DB=$T/edit2.db sql_eq "SELECT count(*) FROM cards WHERE id = 's-01' AND source LIKE '%Question number one%'" 1 \
	"stored source after :edit"
DRILL_DB=$T/edit2.db sql_eq "SELECT group_concat(card_id || ':' || rating) FROM reviews" "s-01:3" \
	"reviews after :edit"

step ":edit gives an unknown editor the path alone, and refuses a stored path that is not absolute"
fresh edit-other
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >"%s"\n' "$T/other.args" >"$T/bin/myedit"
chmod +x "$T/bin/myedit"
export EDITOR="$T/bin/myedit"
run_in ':edit\n:quit\n' --new 1
expect_exit 0
expect_eq "$(cat "$T/other.args")" "$deck" "an unknown editor's arguments"
# A crafted database must not make the editor run a command.
sqlite3 "$DRILL_DB" "UPDATE decks SET path = '+!touch $T/pwned'"
rm -f "$T/other.args"
mkdir -p "$T/nodecks" # no deck folder to re-import the real path from
DRILL_DECKS=$T/nodecks run_in ':edit\n:quit\n' --new 1
expect_exit 0
expect_out "The deck's stored path \"+!touch $T/pwned\" is not absolute; not opening it."
[ ! -e "$T/other.args" ] || fail "the editor ran on a relative stored path"
[ ! -e "$T/pwned" ] || fail "the crafted path ran a command"

step ":edit with a failing editor or a broken deck changes nothing"
fresh edit-fail
hash=$(sql "SELECT hash FROM cards WHERE id = 's-01'")
export EDITOR=false
run_in ':edit\n:quit\n' --new 1
expect_exit 0
expect_out "The editor (false) did not finish cleanly; nothing re-imported."
cat >"$T/breaker.sh" <<'EOF'
#!/bin/sh
sed -i 's/^answer: Answer one$/answer: Answer one\nbogus: field/' "$1"
EOF
chmod +x "$T/breaker.sh"
export EDITOR=$T/breaker.sh
run_in ':edit\n:quit\n' --new 1
expect_exit 0
expect_out "error: unknown field \"bogus\""
expect_out "The deck has errors; the database was left as it was."
sql_eq "SELECT hash FROM cards WHERE id = 's-01'" "$hash" "hash after a broken edit"

step "a deck or tag filter with nothing to study does not report other cards as due"
# Regression: the "next card due" line ignored --deck/--tag and said "now"
# while the cards due now were all outside the filter.
fresh filter
cp "$E2E_DECKS/types/types.deck" "$T/decks/"
run import
expect_exit 0
run_in '\n3\n' --deck study --limit 1
export DRILL_NOW=2026-03-05T09:00:00Z # s-01 is due, no card of types is
run_in ':quit\n' --deck types --new 0
expect_exit 0
expect_eq "$OUT" "Nothing due now, and --new 0 takes no new cards." "a session on a deck with nothing due"
rm "$T/decks/types.deck"
run_in ':quit\n' --deck no-such-deck
expect_exit 1
expect_err 'no deck called "no-such-deck"'
run_in ':quit\n' --tag no-such-tag
expect_exit 1
expect_err 'no card has the tag "no-such-tag"'
run_in ':quit\n' --deck study --new 0
expect_out "drill: 0 due today, 1 learning now, 0 new."

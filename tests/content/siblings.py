#!/usr/bin/env python3
"""Siblings that were not grouped: fails when a card's answer appears word for
word in the prompt or explanation of a card outside its group (group: in
docs/deck-format.md). Reading one of the two cards gives the other's answer
away, so they must share a group and never be served on the same day.

What counts as a card's answer: the answer: of a recall, text or number card,
and for a choice card the text of its correct option (answer: holds exactly
that text). calc cards draw fresh numbers every time and open cards are
answered in free text, so they have no fixed answer.

How it is compared: both texts are lower-cased and every run of white space
becomes one space; surrounding quotes and a final '.', '?' or '!' are removed
from the answer. The answer must appear as whole words (not inside a longer
word) in the other card's prompt: or explain:. Options of choice cards are not
searched: an option is shown among others and names no card's answer. Open
cards are not searched either: they are never served in a study session (they
belong to drill mock), so they cannot give anything away on a study day.

Answers that are not checked, because a verbatim match says nothing about
them:
- Short answers: fewer than 4 letters once the words holding a digit and a few
  small words (a, the, your, own, of...) are removed. "L6", "$10M", "15%",
  "3-4" or "your own" appear in dozens of cards as part of the vocabulary of
  the decks; whether a mention gives the answer away needs a reader.
- Single words ("Ownership", "Action", "Finance", "Timeline"): the decks use
  such words in many senses, mostly not the answer's.
- Labels: the text of an option that two or more choice cards offer ("L7",
  "Strong", "Leading", "Customer Obsession", "Reaching too high"). A label names
  a category that many cards talk about; meeting it in a text does not say
  which question it answers.
These cards still need grouping by hand when they give each other away; the
test only catches what a machine can see.

It also fails on a group that only one card uses (a typo, or a leftover).

usage: siblings.py DIR                 check DIR/*.deck (the bundled decks: SOURCE/decks)
       siblings.py --expect FILE DIR   self-test: the findings must be exactly FILE's lines
"""
import collections
import pathlib
import re
import sys

FIELD = re.compile(r"^([a-z0-9_-]+):(.*)$")
MIN_LETTERS = 4
SMALL_WORDS = {"a", "an", "the", "of", "to", "in", "on", "at", "by", "for",
               "and", "or", "it", "is", "be", "as", "with", "your", "own",
               "my", "our", "their"}


def records(path):
    """The records of a deck file: lists of (field, value, line), with
    continuation lines joined the way src/deck.c joins them."""
    text = path.read_bytes().decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    recs, cur = [], []
    for lineno, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if line.strip() == "":
            if cur:
                recs.append(cur)
            cur = []
        elif line.startswith("#"):
            continue
        elif line[0] in " \t":
            if not cur:
                continue
            name, value, first = cur[-1]
            rest = line.lstrip(" \t")
            if rest.startswith("|"):
                rest = rest[1:]
                value += "\n" + (rest[1:] if rest.startswith(" ") else rest)
            else:
                rest = rest.rstrip()
                value += (" " if value else "") + rest
            cur[-1] = (name, value, first)
        else:
            m = FIELD.match(line)
            if m:
                cur.append((m.group(1), m.group(2).strip(), lineno))
    if cur:
        recs.append(cur)
    return recs


def cards(deckdir):
    """Every card of DIR/*.deck as a dict: fields (first value), options,
    where (file:line)."""
    out = []
    for deck in sorted(deckdir.glob("*.deck")):
        for rec in records(deck)[1:]:  # the first record is the header
            card = {"options": [], "where": f"{deckdir.name}/{deck.name}:{rec[0][2]}"}
            for name, value, _ in rec:
                if name == "option":
                    card["options"].append(value)
                else:
                    card.setdefault(name, value)
            card.setdefault("type", "recall")
            out.append(card)
    return out


def norm(text):
    return re.sub(r"\s+", " ", text.lower()).strip()


def answer_key(answer):
    return norm(answer).strip("\"'“”‘’ ").rstrip(".?!").strip()


def checked(key, labels):
    """Whether an answer (normalised) is one the test can judge."""
    words = key.split()
    content = [w for w in words if not re.search(r"\d", w) and w not in SMALL_WORDS]
    letters = sum(ch.isalpha() for ch in "".join(content))
    return letters >= MIN_LETTERS and len(words) >= 2 and key not in labels


def findings(deckdir):
    all_cards = cards(deckdir)
    option_users = collections.Counter()
    for c in all_cards:
        for o in {norm(o) for o in c["options"]}:
            option_users[o] += 1
    labels = {o for o, n in option_users.items() if n >= 2}

    out = []
    for a in all_cards:
        if a["type"] not in ("recall", "text", "number", "choice") or "answer" not in a:
            continue
        key = answer_key(a["answer"])
        if not checked(key, labels):
            continue
        pattern = re.compile(r"(?<![\w$])" + re.escape(key) + r"(?!\w)")
        for b in all_cards:
            if b is a or b["type"] == "open":
                continue
            if a.get("group") and a.get("group") == b.get("group"):
                continue
            for field in ("prompt", "explain"):
                if field in b and pattern.search(norm(b[field])):
                    out.append(f"{a['where']}: the answer of {a['id']} (\"{key}\") is in the "
                               f"{field} of {b['id']} ({b['where']}): group them")
    users = collections.defaultdict(list)
    for c in all_cards:
        if c.get("group"):
            users[c["group"]].append(c)
    for group, members in sorted(users.items()):
        if len(members) == 1:
            out.append(f"{members[0]['where']}: group {group} has only card {members[0]['id']} "
                       f"(a typo, or a leftover?)")
    return out


def main(argv):
    expect = None
    if len(argv) == 4 and argv[1] == "--expect":
        expect, deckdir = pathlib.Path(argv[2]), pathlib.Path(argv[3])
    elif len(argv) == 2:
        deckdir = pathlib.Path(argv[1])
    else:
        print(__doc__.split("usage:")[1].strip(), file=sys.stderr)
        return 2
    if not any(deckdir.glob("*.deck")):
        print(f"siblings: no .deck files in {deckdir}", file=sys.stderr)
        return 2
    found = findings(deckdir)
    if expect is not None:
        want = [line for line in expect.read_text().splitlines() if line and not line.startswith("#")]
        if found == want:
            print(f"siblings: the self-test found exactly the {len(want)} planted problem(s)")
            return 0
        print("siblings: self-test failed\n--- want:\n" + "\n".join(want) +
              "\n--- got:\n" + "\n".join(found))
        return 1
    for line in found:
        print(line)
    if found:
        print(f"siblings: {len(found)} problem(s): cards that give each other away must share a group")
        return 1
    n = len(cards(deckdir))
    print(f"siblings: no card's answer is given away outside its group ({n} cards)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

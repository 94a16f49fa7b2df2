#!/usr/bin/env python3
"""Cards that teach rather than leak (issue 13): fails when a bundled card can
be passed without knowing its answer, or cannot help a person who is stuck.

Rules, for DIR/*.deck:
- choice cards have at least 3 options: with two, a coin flip passes half
  the time. (A rule for the bundled decks only: drill itself imports
  two-option cards.)
- the right option does not give itself away by its length. Among the
  choice cards with n options, the right option is strictly the longest in
  at most 1/n + 10% of them (chance is about 1/n); and on no card is the
  right option more than 1.5 times as long as the longest other option.
  Length is counted in characters after white space is folded.
- every number and calc card has a hint: (for a calc card, its formula
  without the numbers: a hint of a calc card holds no money or percent
  figure, "$1.2M" or "15%").

usage: teach.py DIR
       teach.py --selftest   the rules on planted cards
"""
import collections
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from siblings import cards, norm  # noqa: E402

MIN_OPTIONS = 3
LONGEST_SLACK = 0.10
MAX_RATIO = 1.5
FIGURE = re.compile(r"\$\s*\d|\d\s*%")


def findings(deck_cards):
    out = []
    by_n = collections.defaultdict(list)
    for c in deck_cards:
        t = c["type"]
        if t == "choice":
            opts = [norm(o) for o in c["options"]]
            right = norm(c.get("answer", ""))
            if len(opts) < MIN_OPTIONS:
                out.append(f"{c['where']}: {c['id']}: {len(opts)} options; "
                           f"a choice card needs at least {MIN_OPTIONS}")
            others = [o for o in opts if o != right]
            if right in opts and others:
                longest_other = max(len(o) for o in others)
                by_n[len(opts)].append((c, len(right) > longest_other))
                if len(right) > MAX_RATIO * longest_other:
                    out.append(f"{c['where']}: {c['id']}: the right option has "
                               f"{len(right)} characters, more than {MAX_RATIO} times "
                               f"the longest other option ({longest_other})")
        if t in ("number", "calc"):
            hint = c.get("hint", "").strip()
            if not hint:
                out.append(f"{c['where']}: {c['id']}: a {t} card needs a hint:")
            elif t == "calc" and FIGURE.search(hint):
                out.append(f"{c['where']}: {c['id']}: a calc card's hint gives the "
                           f"formula without its figures: \"{hint}\"")
    for n, rows in sorted(by_n.items()):
        if n < MIN_OPTIONS:
            continue
        longest = sum(1 for _, is_longest in rows if is_longest)
        limit = 1 / n + LONGEST_SLACK
        if longest > limit * len(rows):
            ids = ", ".join(c["id"] for c, is_longest in rows if is_longest)
            out.append(f"choice cards with {n} options: the right option is the longest "
                       f"in {longest} of {len(rows)} ({100 * longest / len(rows):.0f}%), "
                       f"more than {100 * limit:.0f}%: {ids}")
    return out


def selftest():
    def card(id_, type_, **kw):
        c = {"id": id_, "type": type_, "where": f"t.deck:{id_}", "options": []}
        c.update(kw)
        return c
    planted = [
        card("two", "choice", options=["L6", "L7"], answer="L6", hint=""),
        card("long", "choice", options=["a much longer right answer here", "b", "c"],
             answer="a much longer right answer here"),
        card("fine", "choice", options=["alpha", "beta", "gamma"], answer="beta"),
        card("n1", "number", answer="$1M"),
        card("c1", "calc", hint="(after - before) x 12 x $65"),
        card("c2", "calc", hint="(after - before) x visitors x 12 x order value"),
    ]
    got = findings(planted)
    want = [
        "t.deck:two: two: 2 options; a choice card needs at least 3",
        "t.deck:long: long: the right option has 31 characters, more than 1.5 times "
        "the longest other option (1)",
        "t.deck:n1: n1: a number card needs a hint:",
        "t.deck:c1: c1: a calc card's hint gives the formula without its figures: "
        "\"(after - before) x 12 x $65\"",
        "choice cards with 3 options: the right option is the longest in 1 of 2 (50%), "
        "more than 43%: long",
    ]
    if got != want:
        print("teach.py self-test failed:\n got:  " + "\n       ".join(got) +
              "\n want: " + "\n       ".join(want))
        return 1
    print("teach.py self-test: the planted cards give exactly the expected findings")
    return 0


def main(argv):
    if argv[1:] == ["--selftest"]:
        return selftest()
    if len(argv) != 2:
        print(__doc__.split("usage:")[1].strip(), file=sys.stderr)
        return 2
    deck_cards = cards(pathlib.Path(argv[1]))
    out = findings(deck_cards)
    for line in out:
        print(line)
    nchoice = sum(1 for c in deck_cards if c["type"] == "choice")
    if out:
        print(f"teach: {len(out)} findings")
        return 1
    print(f"teach: {nchoice} choice cards with 3 options or more, none given away by "
          f"its length; every number and calc card has a hint")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Every card is written in our own words: no deck line may repeat a run of
N consecutive words of the source documents (facts and figures carry over,
sentences do not). The interview questions below are quoted on purpose: an
interviewer asks them in exactly these words, so they are allowed.

usage: own_words.py SOURCE_DIR SEEDS_DIR [N]
"""
import pathlib
import re
import sys

QUOTED = [
    "walk me through your impact calculation",
    "how do you know you can attribute x% to your work",
    "what would you estimate differently if you did it again",
    "how did you validate these numbers",
    "what was the time horizon for realizing this impact",
    "how do you measure the customer impact of your team's engineering work",
    "how do you know your work helps the customer",
]


def words(text):
    """Lower-case words, without list numbering ("2.")."""
    return [w for w in re.sub(r"[^a-z0-9$%.' ]+", " ", text.lower()).split()
            if not re.fullmatch(r"\d+\.", w)]


def main():
    src, seeds = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    if not seeds.is_dir():
        print(f"own_words: no source documents at {seeds}; nothing to compare", file=sys.stderr)
        return 77  # ctest: skipped
    seed_words = []
    for f in sorted(seeds.glob("*.txt")):
        seed_words += words(f.read_text(errors="replace"))
    runs = {tuple(seed_words[i:i + n]) for i in range(len(seed_words) - n + 1)}
    quoted = [" ".join(words(q)) for q in QUOTED]
    bad = 0
    for deck in sorted((src / "decks").glob("*.deck")):
        for lineno, line in enumerate(deck.read_text().splitlines(), 1):
            text = " ".join(words(line.split(":", 1)[1]
                                  if re.match(r"^[a-z_-]+:", line) else line))
            for q in quoted:  # a quoted question is a boundary, not a copy
                text = text.replace(q, " | ")
            w = text.split()
            for i in range(len(w) - n + 1):
                run = tuple(w[i:i + n])
                if run in runs:
                    print(f"{deck.relative_to(src)}:{lineno}: repeats the source: "
                          f"\"{' '.join(run)}\"")
                    bad += 1
                    break
    if bad:
        print(f"own_words: {bad} deck line(s) copy a run of {n} words from the sources")
        return 1
    print(f"own_words: no deck line repeats {n} words of the sources")
    return 0


if __name__ == "__main__":
    sys.exit(main())

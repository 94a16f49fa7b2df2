#!/usr/bin/env python3
"""Checker for evaluation set 7.

Verifies, for every NN-*.txt answer file:
  * the header format (comment line, level, must, must_not, either, ---),
  * that each of the 20 kinds appears in exactly one of must / must_not / either,
  * that the numbering runs 01..32 and that there are 16 L6 and 16 L7 files,
  * that too_short / too_long agree with the word count (unless listed in `either`),
  * that at least 4 files have an empty `must`.
Prints a table with words, minutes and, for labelled answers, the share of
words per STAR part (situation / action) as a help for star_balance.
Exit status 1 on any error.
"""
import os
import re
import sys

KINDS = ["too_short", "too_long", "missing_star", "star_balance", "round_number",
         "up_to", "vague_timeframe", "no_method", "no_attribution", "no_absolute",
         "no_validation", "no_figures", "overreach", "undersell", "no_ownership",
         "no_outcome", "inconsistent", "unverifiable", "ic_scope", "arithmetic"]
RANGE = {"L6": (300, 450), "L7": (450, 600)}
PARTS = {"situation": "situation", "context": "situation", "background": "situation",
         "task": "task", "goal": "task", "objective": "task",
         "action": "action", "actions": "action",
         "result": "result", "results": "result", "outcome": "result", "impact": "result"}
LABEL = re.compile(r"(?:(?<=^)|(?<=\n)|(?<=[.!?]\s))[ \t]*\**(" + "|".join(PARTS) + r")\**\s*:\**",
                   re.IGNORECASE)
WORD = re.compile(r"[A-Za-z0-9]")


def words(text):
    return [t for t in text.split() if WORD.search(t)]


def parse(path):
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    head, sep, body = raw.partition("\n---\n")
    if not sep:
        raise ValueError("no '---' separator line")
    lines = head.split("\n")
    if not lines[0].startswith("# "):
        raise ValueError("first line must be '# description'")
    fields = {}
    for ln in lines[1:]:
        if not ln.strip():
            continue
        key, colon, val = ln.partition(":")
        if not colon or key not in ("level", "must", "must_not", "either"):
            raise ValueError("bad header line: %r" % ln)
        if key in fields:
            raise ValueError("duplicate header key %s" % key)
        fields[key] = val.strip()
    for key in ("level", "must", "must_not", "either"):
        if key not in fields:
            raise ValueError("missing header key %s" % key)
    lists = {k: [x.strip() for x in fields[k].split(",") if x.strip()]
             for k in ("must", "must_not", "either")}
    return fields["level"], lists, body.strip("\n")


def label_shares(body):
    """Word share per part for labelled answers (sentence after a label belongs to it)."""
    marks = list(LABEL.finditer(body))
    if not marks:
        return None
    counts = {"situation": 0, "task": 0, "action": 0, "result": 0}
    pre = body[:marks[0].start()]
    counts["situation"] += len(words(pre))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        counts[PARTS[m.group(1).lower()]] += len(words(body[m.end():end]))
    total = sum(counts.values()) or 1
    return {k: v / total for k, v in counts.items()}


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    files = sorted(f for f in os.listdir(root) if re.match(r"\d\d-.*\.txt$", f))
    errors = []
    levels = {"L6": 0, "L7": 0}
    empty_must = 0
    numbers = []
    print("%-34s %-3s %5s %5s  %-26s %s" % ("file", "lvl", "words", "min", "S/T/A/R share (labels)", "must"))
    for fn in files:
        numbers.append(int(fn[:2]))
        try:
            level, lists, body = parse(os.path.join(root, fn))
        except ValueError as e:
            errors.append("%s: %s" % (fn, e))
            continue
        if level not in RANGE:
            errors.append("%s: level %r" % (fn, level))
            continue
        levels[level] += 1
        seen = {}
        for lst, kinds in lists.items():
            for k in kinds:
                if k not in KINDS:
                    errors.append("%s: unknown kind %r in %s" % (fn, k, lst))
                if k in seen:
                    errors.append("%s: kind %s in both %s and %s" % (fn, k, seen[k], lst))
                seen[k] = lst
        for k in KINDS:
            if k not in seen:
                errors.append("%s: kind %s in no list" % (fn, k))
        if not lists["must"]:
            empty_must += 1
        body_nolabels = LABEL.sub(" ", body)
        n = len(words(body_nolabels))
        lo, hi = RANGE[level]
        want_short = n < lo
        want_long = n > hi
        for kind, want in (("too_short", want_short), ("too_long", want_long)):
            where = seen.get(kind)
            if where == "either":
                continue
            if want and where != "must":
                errors.append("%s: %d words at %s -> %s should be in must" % (fn, n, level, kind))
            if not want and where != "must_not":
                errors.append("%s: %d words at %s -> %s should be in must_not" % (fn, n, level, kind))
        sh = label_shares(body)
        shs = "-" if sh is None else "/".join("%2.0f" % (100 * sh[p]) for p in ("situation", "task", "action", "result"))
        print("%-34s %-3s %5d %5.2f  %-26s %s" % (fn, level, n, n / 150.0, shs, ", ".join(lists["must"])))
    if numbers != list(range(1, 33)):
        errors.append("numbering is not 01..32: %s" % numbers)
    if levels != {"L6": 16, "L7": 16}:
        errors.append("level counts %s, want 16 L6 and 16 L7" % levels)
    if empty_must < 4:
        errors.append("only %d files with empty must (want >= 4)" % empty_must)
    print("\nfiles: %d  L6: %d  L7: %d  empty must: %d" % (len(files), levels["L6"], levels["L7"], empty_must))
    if errors:
        print("\nERRORS:")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Checks evaluation set 8: header format, every kind in exactly one list, L6/L7 counts,
word counts against too_short/too_long, at least 4 files with an empty must."""
import re, sys, glob, os
KINDS = ("too_short too_long missing_star star_balance round_number up_to vague_timeframe no_method "
         "no_attribution no_absolute no_validation no_figures overreach undersell no_ownership no_outcome "
         "inconsistent unverifiable ic_scope arithmetic").split()
LABEL = re.compile(r'^\**(Situation|Context|Background|Task|Goal|Objective|Action|Actions|Result|Results|Outcome|Impact):\**$', re.I)
RANGE = {"L6": (300, 450), "L7": (450, 600)}

def words(text):
    n = 0
    for tok in text.split():
        if LABEL.match(tok):
            continue
        if re.search(r'[A-Za-z0-9]', tok):
            n += 1
    return n

def parse(path):
    head, sep, body = open(path, encoding="utf-8").read().partition("\n---\n")
    if not sep:
        raise ValueError("no --- separator")
    lines = head.split("\n")
    if not lines[0].startswith("# "):
        raise ValueError("first line must be a '# ' comment")
    f = {}
    for ln in lines[1:]:
        if not ln.strip():
            continue
        k, _, v = ln.partition(":")
        f[k.strip()] = v.strip()
    return f, body

def main(d):
    errs, levels, empty = [], {"L6": 0, "L7": 0}, 0
    files = sorted(glob.glob(os.path.join(d, "[0-9][0-9]-*.txt")))
    for p in files:
        name = os.path.basename(p)
        try:
            f, body = parse(p)
        except ValueError as e:
            errs.append(f"{name}: {e}"); continue
        lvl = f.get("level")
        if lvl not in RANGE:
            errs.append(f"{name}: bad level {lvl!r}"); continue
        levels[lvl] += 1
        lists = {}
        for key in ("must", "must_not", "either"):
            if key not in f:
                errs.append(f"{name}: missing '{key}:' line")
            lists[key] = [k.strip() for k in f.get(key, "").split(",") if k.strip()]
        seen = {}
        for key, ks in lists.items():
            for k in ks:
                if k not in KINDS:
                    errs.append(f"{name}: unknown kind {k!r} in {key}")
                if k in seen:
                    errs.append(f"{name}: {k} in both {seen[k]} and {key}")
                seen[k] = key
        for k in KINDS:
            if k not in seen:
                errs.append(f"{name}: kind {k} in no list")
        if not lists["must"]:
            empty += 1
        n = words(body)
        lo, hi = RANGE[lvl]
        want_short, want_long = n < lo, n > hi
        for kind, want in (("too_short", want_short), ("too_long", want_long)):
            where = seen.get(kind)
            if want and where != "must":
                errs.append(f"{name}: {n} words at {lvl}, {kind} should be in must (is in {where})")
            if not want and where == "must":
                errs.append(f"{name}: {n} words at {lvl}, {kind} should not be in must")
        if lvl == "L6" and seen.get("undersell") != "must_not":
            errs.append(f"{name}: undersell is L7 only, put it in must_not")
        if lvl == "L7":
            for k in ("overreach", "ic_scope"):
                if seen.get(k) != "must_not":
                    errs.append(f"{name}: {k} is L6 only, put it in must_not")
        print(f"{name:40s} {lvl} {n:4d} words  must={','.join(lists['must']) or '-'}")
    print(f"files={len(files)} L6={levels['L6']} L7={levels['L7']} empty_must={empty}")
    if len(files) != 32: errs.append(f"expected 32 files, found {len(files)}")
    if levels != {"L6": 16, "L7": 16}: errs.append(f"expected 16/16 levels, found {levels}")
    if empty < 4: errs.append(f"expected at least 4 files with empty must, found {empty}")
    for e in errs: print("ERROR", e)
    return 1 if errs else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")))

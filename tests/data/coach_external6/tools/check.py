#!/usr/bin/env python3
"""Check evaluation set 6: file format, the 20 kinds, L6/L7 counts, word counts.

Usage: python3 tools/check.py [--dir DIR]
Exit status 0 when every check passes, 1 otherwise.
"""
import argparse, glob, hashlib, os, re, sys

KINDS = ["too_short", "too_long", "missing_star", "star_balance", "round_number",
         "up_to", "vague_timeframe", "no_method", "no_attribution", "no_absolute",
         "no_validation", "no_figures", "overreach", "undersell", "no_ownership",
         "no_outcome", "inconsistent", "unverifiable", "ic_scope", "arithmetic"]
RANGE = {"L6": (300, 450), "L7": (450, 600)}
MARGIN = 10          # within this many words of a bound, too_short/too_long may be `either`
LEVEL_ONLY = {"overreach": "L6", "ic_scope": "L6", "undersell": "L7", "unverifiable": "L7"}
LABEL = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*(\*\*)?(Situation|Context|Background|Task|Goal|"
                   r"Objective|Action|Actions|Result|Results|Outcome|Impact):(\*\*)?", re.M)
NAME = re.compile(r"^(\d\d)-[a-z0-9]+(?:-[a-z0-9]+)*\.txt$")


def words(text):
    """Tokens holding a letter or a digit; STAR labels are not counted."""
    return [w for w in LABEL.sub(" ", text).split() if re.search(r"[A-Za-z0-9]", w)]


def parse(path):
    raw = open(path, encoding="utf-8").read()
    head, sep, body = raw.partition("\n---\n")
    if not sep:
        raise ValueError("no '---' separator line")
    lines = head.split("\n")
    if not lines[0].startswith("# ") or len(lines[0]) < 10:
        raise ValueError("first line must be '# description'")
    fields = {}
    for ln in lines[1:]:
        m = re.match(r"^(level|must|must_not|either):[ ]?(.*)$", ln)
        if not m:
            raise ValueError(f"unexpected header line: {ln!r}")
        if m.group(1) in fields:
            raise ValueError(f"duplicate field {m.group(1)}")
        fields[m.group(1)] = m.group(2).strip()
    for f in ("level", "must", "must_not", "either"):
        if f not in fields:
            raise ValueError(f"missing field {f}")
    lists = {f: [k.strip() for k in fields[f].split(",") if k.strip()] for f in ("must", "must_not", "either")}
    return fields["level"], lists, body, lines[0]


def label_shares(body):
    """Word shares per labelled part (labelled answers only), for information."""
    parts, cur = {}, None
    pos = 0
    spans = [(m.start(), m.end(), m.group(2)) for m in LABEL.finditer(body)]
    if not spans:
        return None
    norm = {"Context": "S", "Background": "S", "Situation": "S", "Task": "T", "Goal": "T", "Objective": "T",
            "Action": "A", "Actions": "A", "Result": "R", "Results": "R", "Outcome": "R", "Impact": "R"}
    pre = len(words(body[:spans[0][0]]))
    if pre:
        parts["S"] = pre
    for i, (s, e, lab) in enumerate(spans):
        end = spans[i + 1][0] if i + 1 < len(spans) else len(body)
        p = norm[lab]
        parts[p] = parts.get(p, 0) + len(words(body[e:end]))
    return parts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    args = ap.parse_args()
    d = os.path.abspath(args.dir)
    files = sorted(f for f in os.listdir(d) if re.match(r"^\d\d-.*\.txt$", f))
    errors, levels, empty_must, either_total = [], {"L6": 0, "L7": 0}, 0, 0
    nums = []
    for fn in files:
        path = os.path.join(d, fn)
        if not NAME.match(fn):
            errors.append(f"{fn}: bad file name")
        nums.append(int(fn[:2]))
        try:
            level, lists, body, desc = parse(path)
        except ValueError as e:
            errors.append(f"{fn}: {e}")
            continue
        if level not in RANGE:
            errors.append(f"{fn}: level must be L6 or L7, not {level!r}")
            continue
        levels[level] += 1
        seen = {}
        for lst, ks in lists.items():
            for k in ks:
                if k not in KINDS:
                    errors.append(f"{fn}: unknown kind {k!r} in {lst}")
                if k in seen:
                    errors.append(f"{fn}: {k} in both {seen[k]} and {lst}" if seen[k] != lst else f"{fn}: {k} twice in {lst}")
                seen[k] = lst
        for k in KINDS:
            if k not in seen:
                errors.append(f"{fn}: kind {k} is in none of the three lists")
        n = len(words(body))
        lo, hi = RANGE[level]
        where = {k: lst for k, lst in seen.items()}
        def want(kind, cond, near):
            w = where.get(kind)
            if near and w in ("either", "must" if cond else "must_not"):
                return
            if cond and w != "must":
                errors.append(f"{fn}: {n} words at {level} -> {kind} should be must (is {w})")
            if not cond and w != "must_not" and not near:
                errors.append(f"{fn}: {n} words at {level} -> {kind} should be must_not (is {w})")
        want("too_short", n < lo, abs(n - lo) <= MARGIN)
        want("too_long", n > hi, abs(n - hi) <= MARGIN)
        for k, lv in LEVEL_ONLY.items():
            if level != lv and where.get(k) != "must_not":
                errors.append(f"{fn}: {k} applies to {lv} only, should be must_not at {level}")
        if not lists["must"]:
            empty_must += 1
        either_total += len(lists["either"])
        sh = label_shares(body)
        share = ""
        if sh:
            tot = sum(sh.values()) or 1
            share = " shares " + " ".join(f"{p}={sh.get(p,0)*100//tot}%" for p in "STAR")
        print(f"{fn:34s} {level} {n:4d} words ({n/150:.1f} min)  must={len(lists['must'])} "
              f"either={len(lists['either'])}{share}")
    if nums != list(range(1, 33)):
        errors.append(f"files must be numbered 01..32, found {nums}")
    if levels != {"L6": 16, "L7": 16}:
        errors.append(f"need 16 L6 and 16 L7 files, found {levels}")
    if empty_must < 4:
        errors.append(f"need at least 4 files with an empty must, found {empty_must}")
    frozen = os.path.join(d, "FROZEN.sha256")
    if os.path.exists(frozen):
        for ln in open(frozen):
            h, _, fn = ln.strip().partition("  ")
            p = os.path.join(d, fn)
            if not os.path.exists(p) or hashlib.sha256(open(p, "rb").read()).hexdigest() != h:
                errors.append(f"FROZEN: {fn} changed since the freeze")
        print("FROZEN.sha256 present and verified" if not any(e.startswith("FROZEN") for e in errors) else "FROZEN mismatch")
    musts = {}
    for fn in files:
        try:
            _, lists, _, _ = parse(os.path.join(d, fn))
        except ValueError:
            continue
        for k in lists["must"]:
            musts[k] = musts.get(k, 0) + 1
    print(f"\nfiles {len(files)}  L6 {levels['L6']}  L7 {levels['L7']}  empty must {empty_must}  either entries {either_total}")
    print("must per kind: " + ", ".join(f"{k}={musts.get(k,0)}" for k in KINDS))
    if errors:
        print("\nERRORS:")
        for e in errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())

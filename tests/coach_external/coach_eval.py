#!/usr/bin/env python3
"""Measures drill coach on answers from outside the project (issue 14).

Each file of DIR (tests/data/coach_external/NN-name.txt) holds a header --
"level:", "must:", "must_not:", "either:" -- written before the coach was run
on it, then "---" and the answer. The coach is the real binary:
`drill coach --json --level L -`. For every answer x kind pair in must or
must_not (either is left out), a kind that fires is a true positive (must)
or a false positive (must_not); a must kind that does not fire is a false
negative. Prints precision and recall per kind and micro-averaged over all
pairs, then every miss. --messages FILE writes every message the coach gave,
one per line with its answer and kind, for a person to judge whether it is
on target. --goal: exit 1 when micro precision or recall is under 0.90.

usage: coach_eval.py [--goal] [--messages FILE] DRILL DIR
"""
import collections
import json
import pathlib
import subprocess
import sys

GOAL = 0.90


def parse(path):
    text = path.read_text(encoding="utf-8")
    head, sep, answer = text.partition("\n---\n")
    if not sep:
        raise SystemExit(f"{path}: no --- line")
    meta = {"must": set(), "must_not": set(), "either": set(), "level": "L6"}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        key = key.strip()
        if line.startswith("#") or not colon:
            continue
        if key == "level":
            meta["level"] = value.strip()
        elif key in ("must", "must_not", "either"):
            meta[key] = {k.strip() for k in value.split(",") if k.strip()}
    return meta, answer.strip() + "\n"


def main(argv):
    args = argv[1:]
    goal = "--goal" in args
    if goal:
        args.remove("--goal")
    messages = None
    if "--messages" in args:
        i = args.index("--messages")
        messages = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        print(__doc__.split("usage:")[1].strip(), file=sys.stderr)
        return 2
    drill, folder = args
    files = sorted(pathlib.Path(folder).glob("*.txt"))
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    misses, lines = [], []
    nfindings = 0
    for path in files:
        meta, answer = parse(path)
        out = subprocess.run([drill, "coach", "--json", "--level", meta["level"], "-"],
                             input=answer.encode(), capture_output=True, check=False)
        if out.returncode != 0:
            print(f"{path.name}: drill coach exited {out.returncode}: "
                  f"{out.stderr.decode(errors='replace').strip()}")
            return 2
        result = json.loads(out.stdout)
        fired = {f["kind"] for f in result["findings"]}
        for f in result["findings"]:
            nfindings += 1
            lines.append(f"{path.name}\t{f['kind']}\t{f['quote']}\t{f['message']}")
        for kind in meta["must"]:
            if kind in fired:
                tp[kind] += 1
            else:
                fn[kind] += 1
                misses.append(f"{path.name}: missed {kind}")
        for kind in meta["must_not"]:
            if kind in fired:
                fp[kind] += 1
                quotes = [f["quote"][:50] for f in result["findings"] if f["kind"] == kind]
                misses.append(f"{path.name}: wrongly {kind} {quotes}")
    kinds = sorted(set(tp) | set(fp) | set(fn))
    print(f"{len(files)} answers, {nfindings} findings")
    print(f"{'kind':18} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    for k in kinds:
        p = tp[k] / (tp[k] + fp[k]) if tp[k] + fp[k] else float("nan")
        r = tp[k] / (tp[k] + fn[k]) if tp[k] + fn[k] else float("nan")
        print(f"{k:18} {tp[k]:4} {fp[k]:4} {fn[k]:4} {p:10.2f} {r:8.2f}")
    TP, FP, FN = sum(tp.values()), sum(fp.values()), sum(fn.values())
    precision = TP / (TP + FP) if TP + FP else 1.0
    recall = TP / (TP + FN) if TP + FN else 1.0
    print(f"micro: precision {precision:.3f} ({TP}/{TP + FP}), recall {recall:.3f} "
          f"({TP}/{TP + FN}), goal {GOAL:.2f}")
    for m in misses:
        print("  " + m)
    if messages:
        pathlib.Path(messages).write_text("\n".join(lines) + "\n", encoding="utf-8")
    if goal and (precision < GOAL or recall < GOAL):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

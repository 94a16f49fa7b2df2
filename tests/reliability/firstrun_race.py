#!/usr/bin/env python3
"""K first runs racing on a database path that does not exist yet.

Each iteration starts K drill processes at once on DIR/new/drill.db, whose
folder does not exist either (K cycles through 2, 4 and, in the long run,
8). Each process is, at random, a study session on piped answers that
grades one card (its first run imports the bundled decks), `drill import`
(the bundled decks) or `drill stats`.

Checks, for every iteration:
  - every process either exits 0, or fails cleanly: exit status 1 or 2,
    every stderr line starting "drill CMD: ", no sanitizer report (clean
    failures are counted and shown, and do not fail the script);
  - the database exists with mode 0600 and no -journal beside it,
    integrity_check passes, application_id and user_version are drill's;
  - it holds either no cards or every bundled card exactly once, and every
    card when an import or a session (without errors) succeeded;
  - what each session printed is exactly the reviews of one session; every
    card agrees with its review log; every session row is ended.

Prints a summary line with the counts; exits 1 when a check failed.
"""
import os
import random
import re
import sqlite3
import stat
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rlib  # noqa: E402

RACE_TIMEOUT_S = 120


def main():
    args = rlib.parse_args("firstrun_race", __doc__, {
        "iterations": (8, 200, "races"),
    })
    ks = [2, 4, 8] if args.long else [2, 4]
    work = rlib.Work(args)
    tally = rlib.Tally(args)
    env = rlib.env_with(work.env, DRILL_DECKS=rlib.BUNDLED_DECKS)

    # What one unraced first import makes.
    ref = work.path("reference.db")
    p = rlib.run(args.drill, ["import", "--db", ref], env)
    if p.returncode != 0:
        sys.exit("firstrun_race: the reference import failed: %s" % p.stderr)
    con = sqlite3.connect(ref)
    want = dict(app=con.execute("PRAGMA application_id").fetchone()[0],
                version=con.execute("PRAGMA user_version").fetchone()[0],
                cards=con.execute("SELECT count(*) FROM cards").fetchone()[0],
                decks=con.execute("SELECT count(*) FROM decks").fetchone()[0])
    con.close()

    notes = {}
    for i in range(args.iterations):
        race(args, work, tally, env, want, ks[i % len(ks)], i, notes)

    t = tally
    text = ("%d races (K = %s; %d processes: %d study, %d import, %d stats); exit 0 %d, "
            "clean failures %d; databases ok %d/%d; reviews printed %d, stored %d" % (
                args.iterations, "/".join(map(str, ks)), t.get("procs"), t.get("study"),
                t.get("import"), t.get("stats"), t.get("exit0"), t.get("clean_fail"),
                t.get("db_ok"), args.iterations, t.get("printed"), t.get("stored")))
    if notes:
        text += "; clean failure messages: " + "; ".join(
            "%dx %s" % (n, m) for m, n in sorted(notes.items(), key=lambda kv: -kv[1])[:5])
    rc = tally.summary(text)
    work.finish(rc == 0)
    return rc


def race(args, work, tally, env, want, k, i, notes):
    rnd = random.Random("firstrun_race/%d/%d" % (args.seed, i))
    d = work.fresh("race")
    db = os.path.join(d, "new", "drill.db")
    where = "race %d (K=%d)" % (i, k)
    kinds = [rnd.choice(["study", "study", "import", "stats"]) for _ in range(k)]
    procs = []
    for j, kind in enumerate(kinds):
        tally.add("procs")
        tally.add(kind)
        if kind == "study":
            argv = ["study", "--db", db, "--seed", str(j), "--new", "5", "--limit", "1"]
            stdin = b"1\na\n" * 40   # a valid answer or grade for every card type
        else:
            argv = [kind, "--db", db]
            stdin = b""
        procs.append((kind, argv, stdin))
    running = []
    for kind, argv, stdin in procs:
        p = subprocess.Popen([args.drill] + argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env)
        running.append((kind, p, stdin))
    results = []
    for kind, p, stdin in running:
        try:
            out, err = p.communicate(stdin, timeout=RACE_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            p.kill()
            out, err = p.communicate()
            tally.fail("hung", "%s: drill %s ran over %d s" % (where, kind, RACE_TIMEOUT_S))
        results.append((kind, p.returncode, out.decode("utf-8", "replace"),
                        err.decode("utf-8", "replace")))

    succeeded = set()
    printed = []
    for kind, rc, out, err in results:
        if rlib.sanitizer_report(err, rc):
            tally.fail("sanitizer", "%s: drill %s: %s" % (where, kind, err.strip()[:500]))
            continue
        lines = [line for line in err.split("\n") if line]
        if rc == 0:
            tally.add("exit0")
            if not lines:
                succeeded.add(kind)
        if rc == 0 and lines:
            tally.add("clean_fail")
            note(notes, lines[0], db)
        elif rc != 0 and rc in (1, 2) and lines and all(
                line.startswith("drill %s: " % kind) for line in lines):
            tally.add("clean_fail")
            note(notes, lines[0], db)
        elif rc != 0:
            tally.fail("exit", "%s: drill %s exited %d: %s" % (where, kind, rc, err.strip()[:300]))
        if kind == "study" and rc == 0:
            printed.append(tuple(rlib.printed_reviews(out)[0]))
            tally.add("printed", len(printed[-1]))

    problems = []
    writers = [kind for kind, _, _ in procs if kind != "stats"]
    if not os.path.isfile(db):
        # drill stats only reads: a race of nothing else leaves no database.
        if writers:
            problems.append("no database at all")
    elif not writers:
        problems.append("drill stats alone created a database")
    else:
        mode = stat.S_IMODE(os.stat(db).st_mode)
        if mode != 0o600:
            problems.append("mode %o, not 600" % mode)
        if os.path.exists(db + "-journal"):
            problems.append("a -journal was left beside it")
        con = rlib.connect_ro(db)
        got = dict(app=con.execute("PRAGMA application_id").fetchone()[0],
                   version=con.execute("PRAGMA user_version").fetchone()[0],
                   cards=con.execute("SELECT count(*) FROM cards").fetchone()[0],
                   decks=con.execute("SELECT count(*) FROM decks").fetchone()[0])
        con.close()
        if got["app"] != want["app"] or got["version"] != want["version"]:
            problems.append("application_id %s, user_version %s" % (got["app"], got["version"]))
        if (got["cards"], got["decks"]) not in ((0, 0), (want["cards"], want["decks"])):
            problems.append("%d cards in %d decks (want 0, or %d in %d)"
                            % (got["cards"], got["decks"], want["cards"], want["decks"]))
        elif succeeded & {"study", "import"} and got["cards"] == 0:
            problems.append("no cards although %s succeeded" % " and ".join(sorted(succeeded)))
        res = rlib.inspect(db, rlib._empty_base())
        stored = [tuple(rows) for rows in res["rows"].values()]
        tally.add("stored", sum(len(x) for x in stored))
        if sorted(printed) != sorted(stored):
            problems.append("sessions printed %s, stored %s" % (printed, stored))
        if res["open_sessions"]:
            problems.append("%d sessions never ended" % res["open_sessions"])
        problems += ["%s: %s" % kd for kd in rlib.db_problems(res)]
    if problems:
        for pr in problems:
            tally.fail("database", "%s (%s): %s" % (where, ", ".join(kinds), pr))
        keep = work.fresh("bad-%04d" % i)
        if os.path.isdir(os.path.dirname(db)):
            rlib.copy_db(db, os.path.join(keep, "drill.db"))
        with open(os.path.join(keep, "results.txt"), "w") as f:
            for kind, rc, out, err in results:
                f.write("=== drill %s: exit %d\n%s\n--- stderr\n%s\n" % (kind, rc, out, err))
    else:
        tally.add("db_ok")


def note(notes, line, db):
    m = re.sub(re.escape(db), "DB", line)
    notes[m] = notes.get(m, 0) + 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Study sessions killed with SIGKILL at random moments.

Each trial copies the template database (bundled decks, ten days of history),
runs a scripted session on pipes (DRILL_NOW fixed, --seed from the trial's
seed, answers chosen for each prompt, some of them :undo, :skip or :hint)
and kills it: either at a random moment of its first milliseconds, or a
random 0-5 ms after its k-th answer went in. Then:

  - every grade printed before the kill (less those an undo line took back)
    is a row of the session in `reviews`, same deck and rating, in order;
    the only rows allowed beyond them: one review committed whose grade line
    was not printed yet (the kill fell between COMMIT and printf), or one
    undo committed whose "Undone" line was not printed yet;
  - PRAGMA integrity_check and foreign_key_check pass;
  - every review starts from the state the card's previous review left (or
    the state before the trial), and every card holds its newest review's
    after-state (a_* columns), or its state before the trial;
  - the next session on the database as the kill left it starts, grades
    two cards and saves both.

Prints a summary line with the counts; exits 1 when a check failed.
"""
import json
import os
import random
import shutil
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rlib  # noqa: E402

EARLY_S = 0.030     # "early" kills fall in the first 30 ms (start-up, opening)
EARLY_P = 0.15      # share of trials killed early
# Other kills: after the k-th answer, with no delay (a quarter of them),
# within 0.6 ms (half: while the answer is being judged and saved) or within
# 5 ms (the rest: often at rest, at the next prompt).
SHORT_DELAY_S = 0.0006
MAX_DELAY_S = 0.005
TRIAL_TIMEOUT_S = 120


def main():
    args = rlib.parse_args("kill_session", __doc__, {
        "trials": (25, 600, "sessions killed"),
        "max_answers": (40, 80, "the most answers typed before a kill"),
    })
    work = rlib.Work(args)
    tally = rlib.Tally(args)
    template = rlib.make_template(args.drill, work, work.env, work.path("template.db"))
    base = rlib.Base(template)
    log = []
    for i in range(args.trials):
        log.append(trial(args, work, tally, template, base, i))
    rlib.write_json_lines(work.path("results.jsonl"), log)

    t = tally
    text = ("%d trials (%d killed: %d early, %d after an answer; %d before the reply to "
            "their last answer; %d ended first); "
            "grades printed %d (%d undone), reviews stored %d; exact %d, "
            "committed-not-printed %d, undo-committed-not-printed %d, mismatched %d; "
            "next session ok %d/%d" % (
                args.trials, t.get("killed"), t.get("killed_early"), t.get("killed_after_answer"),
                t.get("killed_mid_answer"), t.get("ended_first"), t.get("grades_printed"), t.get("undos_printed"),
                t.get("reviews_stored"), t.get("exact"), t.get("committed_not_printed"),
                t.get("undo_not_printed"), t.get("mismatched"), t.get("next_ok"), args.trials))
    rc = tally.summary(text)
    work.finish(rc == 0)
    return rc


def pause(seconds):
    """Waits precisely (sleep overshoots by more than the delays used)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def trial(args, work, tally, template, base, i):
    rnd = random.Random("kill_session/%d/%d" % (args.seed, i))
    d = work.fresh("trial")
    db = os.path.join(d, "drill.db")
    shutil.copy(template, db)
    undo_p = rnd.choice([0.0, 0.08, 0.2])
    seed = rnd.randrange(1 << 30)
    early = rnd.random() < EARLY_P
    kill_at = rnd.uniform(0.0, EARLY_S) if early else None
    k = rnd.randint(0, args.max_answers)
    r = rnd.random()
    delay = 0.0 if r < 0.25 else rnd.uniform(0.0, SHORT_DELAY_S if r < 0.75 else MAX_DELAY_S)
    s = rlib.Session(args.drill, ["study", "--db", db, "--new", "1000", "--seed", str(seed)],
                     work.env, rnd, undo_p=undo_p, cwd=d)
    hung = False
    while True:
        if s.elapsed() > TRIAL_TIMEOUT_S:
            hung = True
            s.kill()
            break
        if early:
            left = kill_at - s.elapsed()
            if left <= 0:
                s.kill()
                break
            if not s.pump(min(left, 0.5)):
                break
        elif not s.pump(0.5):
            break
        if s.at_prompt():
            if early or len(s.sent) < k:
                s.answer()
            if not early and len(s.sent) >= k:
                pause(delay)
                s.kill()
                break
    rc = s.finish()
    text, err = s.text(), s.stderr()
    # Killed before the reply to the last answer came out (drill prints it
    # in one go at the next prompt): while it read, judged or saved it.
    if s.killed and s.sent and len(s.out) == s.answered_at:
        tally.add("killed_mid_answer")
    where = "trial %d (seed %d, kill %s, undo %.2f)" % (
        i, seed, "at %.1f ms" % (kill_at * 1000) if early else
        "%.1f ms after answer %d" % (delay * 1000, k), undo_p)
    r = dict(i=i, seed=seed, early=early, kill_at=kill_at, k=k, delay=delay, undo_p=undo_p,
             sent=len(s.sent), last=s.sent[-1] if s.sent else None, rc=rc)
    bad = False
    if hung:
        tally.fail("hung", "%s: no end after %d s" % (where, TRIAL_TIMEOUT_S))
        bad = True
    if s.killed:
        tally.add("killed")
        tally.add("killed_early" if early else "killed_after_answer")
    else:
        tally.add("ended_first")
        if rc != 0:
            tally.fail("exit", "%s: the session ended by itself with status %d: %s"
                       % (where, rc, err.strip()[:300]))
            bad = True
    if rlib.sanitizer_report(err, None if s.killed else rc):
        tally.fail("sanitizer", "%s: %s" % (where, err.strip()[:500]))
        bad = True

    # What the transcript says against what the database holds.
    printed, ngrades, nundos = rlib.printed_reviews(text)
    tally.add("grades_printed", ngrades)
    tally.add("undos_printed", nundos)
    res = rlib.inspect(db, base)
    stored = [row for sid in res["sessions"] for row in res["rows"].get(sid, [])]
    stored += res["rows"].get(None, [])
    tally.add("reviews_stored", len(stored))
    last = s.sent[-1] if s.sent else None
    r.update(printed=len(printed), stored=len(stored), grades=ngrades, undos=nundos)
    if len(res["sessions"]) > 1:
        tally.fail("sessions", "%s: %d sessions started by one run" % (where, len(res["sessions"])))
        bad = True
    if stored == printed:
        outcome = "exact"
    elif (len(stored) == len(printed) + 1 and stored[:-1] == printed and last
          and not last.startswith(":")):
        outcome = "committed_not_printed"
    elif stored == printed[:-1] and last == ":undo":
        outcome = "undo_not_printed"
    else:
        outcome = "mismatched"
        lost = [x for x in printed if x not in stored]
        tally.fail("grades", "%s: printed %d kept grades %s..., stored %d %s...; last answer %r"
                   % (where, len(printed), printed[-5:], len(stored), stored[-5:], last))
        r.update(lost=len(lost))
        bad = True
    tally.add(outcome)
    r["outcome"] = outcome
    for kind, detail in rlib.db_problems(res):
        tally.fail(kind, "%s: after the kill: %s" % (where, detail))
        bad = True
    r["db"] = {k: v for k, v in res.items() if k != "rows"}

    # The next session, on the database exactly as the kill left it.
    if bad:
        keep = work.fresh("bad-%04d" % i)
        rlib.copy_db(db, os.path.join(keep, "drill.db"))
    base2 = rlib.Base(db)
    n = rlib.Session(args.drill, ["study", "--db", db, "--new", "1000", "--limit", "2",
                                  "--seed", str(seed + 1)],
                     work.env, random.Random(seed), extras=False, cwd=d)
    nrc = n.drive(timeout=TRIAL_TIMEOUT_S)
    ntext, nerr = n.text(), n.stderr()
    nprinted, _, _ = rlib.printed_reviews(ntext)
    res2 = rlib.inspect(db, base2)
    nstored = [row for sid in res2["sessions"] for row in res2["rows"].get(sid, [])]
    next_ok = True
    if nrc != 0 or nerr.strip():
        tally.fail("next-session", "%s: the next session exited %d: %s"
                   % (where, nrc, nerr.strip()[:300]))
        next_ok = False
    elif nprinted != nstored or len(nstored) != 2:
        tally.fail("next-session", "%s: the next session printed %s, stored %s"
                   % (where, nprinted, nstored))
        next_ok = False
    for kind, detail in rlib.db_problems(res2):
        tally.fail(kind, "%s: after the next session: %s" % (where, detail))
        next_ok = False
    if next_ok:
        tally.add("next_ok")
    r["next_ok"] = next_ok
    if bad or not next_ok:
        keep = work.fresh("bad-%04d" % i) if not bad else work.path("bad-%04d" % i)
        with open(os.path.join(keep, "stdout.txt"), "w") as f:
            f.write(text)
        with open(os.path.join(keep, "stderr.txt"), "w") as f:
            f.write(err)
        with open(os.path.join(keep, "next.txt"), "w") as f:
            f.write(ntext + "\n--- stderr\n" + nerr)
        with open(os.path.join(keep, "trial.json"), "w") as f:
            json.dump(dict(r, sent=s.sent), f, indent=1)
    return r


if __name__ == "__main__":
    sys.exit(main())

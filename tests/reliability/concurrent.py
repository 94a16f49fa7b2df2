#!/usr/bin/env python3
"""N study sessions at once on one database.

For each N (2 and 4 in the short run; 2, 4 and 8 in the long one) and each
mode, N scripted sessions start together on a copy of the template database
(bundled decks, ten days of history) and answer every prompt at once until
each has printed G grades; then their input closes (Ctrl-D: the session
ends with its summary).
  same       every session on one deck (`--deck levels`): they are served
             the same cards in the same order, and grade them concurrently;
  different  session k on the k-th deck (wrapping round when N is larger).
Each N and mode runs twice per round: once with plain answers, once with
some answers :undo.

Checks, for every run:
  - every session exits 0 and writes nothing to stderr;
  - what each session printed (its grades less those undone, with their
    decks) is exactly the rows of one session in `reviews`, one to one;
    its "Session over: N reviews" agrees;
  - no card graded twice from the same before-state; every review starts
    from the state the card's previous review left; every card holds its
    newest review's after-state; integrity_check passes; every session
    row is ended.

And one scripted case: sessions A and B show the same card; A grades it,
B grades it on top of A's grade, then A types :undo. The card must still
agree with its review log.

Known bug "undo-other-session": :undo puts back the card's state from before
the undone review even when another session has graded the card since, so
the card no longer holds its newest review's state and the next review
starts from a state no review produced. The scripted case and the review
chain checks of runs with :undo report it as KNOWN (failures with --strict).

Prints a summary line with the counts; exits 1 when a check failed.
"""
import os
import random
import select
import shutil
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rlib  # noqa: E402

UNDO_P = 0.08
ROUND_TIMEOUT_S = 300
CHAIN_KINDS = ("review-chain", "card-schedule", "graded-twice")


def main():
    args = rlib.parse_args("concurrent", __doc__, {
        "grades": (15, 60, "grades each session prints before it ends"),
        "rounds": (1, 3, "rounds of each N and mode"),
    })
    ns = [2, 4, 8] if args.long else [2, 4]
    work = rlib.Work(args)
    tally = rlib.Tally(args)
    template = rlib.make_template(args.drill, work, work.env, work.path("template.db"))
    base = rlib.Base(template)
    con = rlib.connect_ro(template)
    decks = [r[0] for r in con.execute(
        "SELECT d.key FROM decks d JOIN cards c ON c.deck_id = d.id "
        "WHERE c.type <> 'open' GROUP BY d.key ORDER BY d.key")]
    con.close()

    undo_over_other_session(args, work, tally, template, base)
    per_n = []
    for n in ns:
        for mode in ("same", "different"):
            for r in range(args.rounds):
                for undo_p in (0.0, UNDO_P):
                    one_round(args, work, tally, template, base, decks, n, mode, r, undo_p)
        per_n.append("N=%d: %d sessions, %d reviews stored" % (
            n, tally.get("sessions_%d" % n), tally.get("stored_%d" % n)))

    t = tally
    text = ("%d runs (%s; same and different decks; with and without :undo); sessions ok "
            "%d/%d; grades printed %d (%d undone), reviews stored %d; cards graded by more "
            "than one session %d; %s; undo over another session's grade: %s" % (
                t.get("rounds"), ", ".join("N=%d" % n for n in ns), t.get("sessions_ok"),
                t.get("sessions"), t.get("grades_printed"), t.get("undos_printed"),
                t.get("reviews_stored"), t.get("shared_cards"), "; ".join(per_n),
                "consistent" if t.get("scripted_undo_ok") else "inconsistent"))
    rc = tally.summary(text)
    work.finish(rc == 0)
    return rc


def chain_problem(tally, undo_p, where, kind, detail):
    """A review-chain problem: the known undo bug when :undo was typed."""
    if undo_p and kind in CHAIN_KINDS:
        tally.known_bug("undo-other-session", "%s: %s" % (where, detail))
    else:
        tally.fail(kind, "%s: %s" % (where, detail))


def answer_until_grades(s, grades, timeout=60):
    """Answers s's prompts until it has printed that many grade lines."""
    deadline = time.monotonic() + timeout
    while rlib.count_grades(s.text()) < grades and time.monotonic() < deadline:
        if s.at_prompt():
            s.answer()
        elif not s.pump(0.5):
            return False
    return rlib.count_grades(s.text()) >= grades


def wait_prompt(s, timeout=60):
    deadline = time.monotonic() + timeout
    while not s.at_prompt() and time.monotonic() < deadline:
        if not s.pump(0.5):
            return False
    return s.at_prompt()


def undo_over_other_session(args, work, tally, template, base):
    d = work.fresh("scripted-undo")
    db = os.path.join(d, "drill.db")
    shutil.copy(template, db)
    where = "A grades a card, B grades it too, A types :undo"
    mk = lambda seed: rlib.Session(  # noqa: E731
        args.drill, ["study", "--db", db, "--new", "1000", "--deck", "levels", "--seed", str(seed)],
        work.env, random.Random(seed), extras=False, cwd=d)
    a, b = mk(1), mk(2)
    ok = wait_prompt(a) and wait_prompt(b)   # both show the deck's first new card
    ok = ok and answer_until_grades(a, 1) and answer_until_grades(b, 1)
    shared = 0
    if ok:
        con = rlib.connect_ro(db)
        shared = con.execute(
            "SELECT count(*) FROM (SELECT card_id FROM reviews WHERE session_id > ? "
            "GROUP BY card_id HAVING count(DISTINCT session_id) > 1)",
            (max(base.sessions),)).fetchone()[0]
        con.close()
    ok = ok and wait_prompt(a)
    if ok:
        a.answer(":undo")    # drill may also refuse this undo: fine, if the card agrees
        ok = wait_prompt(a)
    rcs = [a.finish(30), b.finish(30)]
    if not ok or rcs != [0, 0] or a.stderr().strip() or b.stderr().strip():
        tally.fail("scripted-undo", "%s: the sessions did not run as scripted (exit %s): %s %s"
                   % (where, rcs, a.stderr().strip()[:200], b.stderr().strip()[:200]))
        return
    if not shared:
        tally.fail("scripted-undo", "%s: B did not grade the card A graded (the two sessions "
                   "no longer show the same first card?); the case tests nothing" % where)
        return
    res = rlib.inspect(db, base)
    probs = rlib.db_problems(res)
    for kind, detail in probs:
        chain_problem(tally, True, where, kind, detail)
    if not probs:
        tally.add("scripted_undo_ok")
    else:
        keep = work.fresh("bad-scripted-undo")
        rlib.copy_db(db, os.path.join(keep, "drill.db"))
        for name, s in (("a", a), ("b", b)):
            with open(os.path.join(keep, "session-%s.txt" % name), "w") as f:
                f.write(s.text())


def one_round(args, work, tally, template, base, decks, n, mode, r, undo_p):
    rnd = random.Random("concurrent/%d/%d/%s/%d/%s" % (args.seed, n, mode, r, undo_p))
    d = work.fresh("round")
    db = os.path.join(d, "drill.db")
    shutil.copy(template, db)
    where = "N=%d %s round %d%s" % (n, mode, r, " with :undo" if undo_p else "")
    tally.add("rounds")
    sessions = []
    for k in range(n):
        deck = "levels" if mode == "same" else decks[k % len(decks)]
        seed = rnd.randrange(1 << 30)
        sessions.append(rlib.Session(
            args.drill, ["study", "--db", db, "--new", "1000", "--deck", deck, "--seed", str(seed)],
            work.env, random.Random(seed), undo_p=undo_p, cwd=d))
    t0 = time.monotonic()
    live = list(sessions)
    while live and time.monotonic() - t0 < ROUND_TIMEOUT_S:
        fds = {}
        for s in live:
            for f in s.fds():
                fds[f] = s
        ready, _, _ = select.select(list(fds), [], [], 0.5)
        for s in {fds[f] for f in ready}:
            if not s.pump(0):
                live.remove(s)
                continue
            if not s.closed and rlib.count_grades(s.text()) >= args.grades:
                s.close_input()
            elif s.at_prompt():
                s.answer()
    hung = bool(live)
    rcs = [s.finish(30) for s in sessions]
    if hung:
        tally.fail("hung", "%s: %d sessions still running after %d s"
                   % (where, len(live), ROUND_TIMEOUT_S))

    printed = []
    for k, (s, rc) in enumerate(zip(sessions, rcs)):
        text, err = s.text(), s.stderr()
        stack, ngrades, nundos = rlib.printed_reviews(text)
        printed.append(tuple(stack))
        tally.add("sessions")
        tally.add("sessions_%d" % n)
        tally.add("grades_printed", ngrades)
        tally.add("undos_printed", nundos)
        ok = True
        if rc != 0 or err.strip():
            tally.fail("session", "%s: session %d exited %d: %s"
                       % (where, k, rc, err.strip()[:300]))
            ok = False
        if rlib.sanitizer_report(err, rc):
            tally.fail("sanitizer", "%s: session %d: %s" % (where, k, err.strip()[:500]))
            ok = False
        said = rlib.summary_count(text)
        if said is not None and said != len(stack):
            tally.fail("summary", "%s: session %d printed %d grades kept but its summary says %d"
                       % (where, k, len(stack), said))
            ok = False
        if ok:
            tally.add("sessions_ok")

    res = rlib.inspect(db, base)
    con = rlib.connect_ro(db)
    tally.add("shared_cards", con.execute(
        "SELECT count(*) FROM (SELECT card_id FROM reviews WHERE session_id > ? "
        "GROUP BY card_id HAVING count(DISTINCT session_id) > 1)",
        (max(base.sessions),)).fetchone()[0])
    con.close()
    stored = [tuple(res["rows"].get(sid, [])) for sid in res["sessions"]]
    stored += [tuple(res["rows"][sid]) for sid in res["rows"] if sid not in res["sessions"]]
    nstored = sum(len(x) for x in stored)
    tally.add("reviews_stored", nstored)
    tally.add("stored_%d" % n, nstored)
    bad = False
    if sorted(printed) != sorted(stored):
        tally.fail("grades", "%s: printed per session %s, stored per session %s" % (
            where, sorted(len(x) for x in printed), sorted(len(x) for x in stored)))
        bad = True
    if res["open_sessions"]:
        tally.fail("sessions", "%s: %d sessions never ended" % (where, res["open_sessions"]))
        bad = True
    for kind, detail in rlib.db_problems(res):
        chain_problem(tally, undo_p, where, kind, detail)
        bad = True
    if bad:
        keep = work.fresh("bad-%d-%s-%d%s" % (n, mode, r, "-undo" if undo_p else ""))
        rlib.copy_db(db, os.path.join(keep, "drill.db"))
        for k, s in enumerate(sessions):
            with open(os.path.join(keep, "session%d.txt" % k), "w") as f:
                f.write(s.text() + "\n--- stderr\n" + s.stderr() + "\n--- sent\n" +
                        "\n".join(s.sent))


if __name__ == "__main__":
    sys.exit(main())

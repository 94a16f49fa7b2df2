#!/usr/bin/env python3
"""drill stats --json checked against SQL (tests/e2e/stats_charts.sh).

  stats_check.py populate DB
      adds a synthetic history to a database made by drill (the study deck
      of tests/data/decks): review rows over 200 days (every state, young
      and mature intervals, every rating), and cards put in states, due
      times, lapses and leech flags that the forecast and the lists show.
  stats_check.py check DB JSON NOW ROLLOVER
      works out every figure of the JSON from the database on its own
      (study days from NOW, an ISO time in UTC, and the rollover hour, with
      TZ=UTC) and fails naming each figure that differs.
"""
import datetime
import json
import random
import sqlite3
import sys

DAY_MS = 86400000


def day_of(ms, rollover):
    return (ms - rollover * 3600000) // DAY_MS


def day_start(day, rollover):
    return day * DAY_MS + rollover * 3600000


def iso(day):
    return (datetime.date(1970, 1, 1) + datetime.timedelta(days=day)).isoformat()


def populate(path):
    now = int(datetime.datetime(2026, 3, 20, 9, tzinfo=datetime.timezone.utc).timestamp() * 1000)
    today = day_of(now, 4)
    db = sqlite3.connect(path)
    ids = [r[0] for r in db.execute("SELECT id FROM cards ORDER BY id")]
    rnd = random.Random(17)
    rows = []
    for day in range(today - 200, today + 1):
        if rnd.random() < 0.35:
            continue  # a day without study
        for _ in range(rnd.randrange(1, 12)):
            b_state = rnd.choice([0, 1, 2, 2, 2, 3])
            sched = rnd.choice([0, 1, 3, 8, 20, 21, 22, 45]) if b_state == 2 else 0
            at = day_start(day, 4) + rnd.randrange(0, 20 * 3600000)
            rows.append((rnd.choice(ids), at, day, rnd.choice([1, 2, 3, 3, 3, 4]),
                         rnd.randrange(500, 40000), b_state, sched))
    for r in rows:
        db.execute(
            "INSERT INTO reviews(card_id, reviewed_at, day, rating, duration_ms,"
            " b_state, b_stability, b_difficulty, b_due, b_last_review, b_last_day,"
            " b_reps, b_lapses, b_learning_steps, b_scheduled_days,"
            " a_state, a_stability, a_difficulty, a_due, a_last_review, a_last_day,"
            " a_reps, a_lapses, a_learning_steps, a_scheduled_days)"
            " VALUES (?,?,?,?,?,?,1,5,0,0,0,1,0,0,?,2,2,5,0,0,0,2,0,0,3)", r)
    h = 3600000
    cards = [  # id, state, due, lapses, leech, suspended
        ("s-02", 2, now + 3 * DAY_MS, 0, 0, 0),
        ("s-03", 2, day_start(today + 5, 4), 1, 0, 0),       # the first moment of day +5
        ("s-04", 3, now + 2 * h, 2, 0, 0),                   # relearning, later today
        ("s-05", 2, now - 2 * DAY_MS, 4, 0, 0),              # overdue: due today
        ("s-06", 2, day_start(today + 30, 4) - 1, 9, 1, 0),  # the last moment of day +29
        ("s-07", 2, now + DAY_MS, 9, 1, 1),                  # a suspended leech
        ("s-08", 2, now + 40 * DAY_MS, 3, 0, 0),             # beyond the forecast
    ]
    for cid, state, due, lapses, leech, susp in cards:
        db.execute("UPDATE cards SET state = ?, due = ?, lapses = ?, leech = ?, suspended = ?,"
                   " stability = 5, reps = 3 WHERE id = ?", (state, due, lapses, leech, susp, cid))
    db.commit()
    db.close()


class Checker:
    def __init__(self):
        self.problems = []

    def eq(self, what, got, want):
        if isinstance(want, float) and isinstance(got, float):
            ok = abs(got - want) <= 1e-9 * max(1.0, abs(want))
        else:
            ok = got == want
        if not ok:
            self.problems.append("%s: stats --json says %r, SQL says %r" % (what, got, want))


def rate(passed, total):
    return {"passed": passed, "total": total, "rate": passed / total if total else None}


def check(path, json_path, now_iso, rollover):
    rollover = int(rollover)
    now = int(datetime.datetime.fromisoformat(now_iso.replace("Z", "+00:00")).timestamp() * 1000)
    today = day_of(now, rollover)
    d = json.load(open(json_path))
    deck = d["deck"]
    db = sqlite3.connect(path)
    c = Checker()
    # The deck filter, as drill takes it: key, or name in any case.
    flt = " AND (? IS NULL OR c.deck_id IN (SELECT id FROM decks WHERE key = ? OR name = ? COLLATE NOCASE))"
    fa = (deck, deck, deck)
    active = "c.retired = 0 AND c.suspended = 0 AND c.type <> 'open' AND c.state <> 0"

    def one(sql, *args):
        return db.execute(sql, args).fetchone()[0]

    def rev(where, *args):
        return one("SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id WHERE "
                   + where + flt, *args, *fa)

    # Forecast: today is every card due before the study day ends (no groups here).
    for k, e in enumerate(d["forecast"]):
        lo = -2**62 if k == 0 else day_start(today + k, rollover)
        hi = day_start(today + k + 1, rollover)
        c.eq("forecast[%d].date" % k, e["date"], iso(today + k))
        c.eq("forecast[%d].due" % k, e["due"],
             one("SELECT count(*) FROM cards c WHERE " + active + " AND c.due >= ? AND c.due < ?" + flt,
                 lo, hi, *fa))
    c.eq("forecast days", len(d["forecast"]), 30)

    # Heatmap: 26 weeks, Monday first, to today; streaks from the distinct days.
    monday = today - (today + 3) % 7
    first = monday - 25 * 7
    c.eq("heatmap days", len(d["heatmap"]["days"]), today - first + 1)
    for i, e in enumerate(d["heatmap"]["days"]):
        c.eq("heatmap[%d].date" % i, e["date"], iso(first + i))
        c.eq("heatmap[%s].reviews" % e["date"], e["reviews"], rev("r.day = ?", first + i))
    days = sorted({r[0] for r in db.execute(
        "SELECT r.day FROM reviews r JOIN cards c ON c.id = r.card_id WHERE 1" + flt, fa)})
    longest = run = 0
    for i, x in enumerate(days):
        run = run + 1 if i and days[i - 1] == x - 1 else 1
        longest = max(longest, run)
    current, x = 0, today if today in days else today - 1
    while x in days:
        current, x = current + 1, x - 1
    c.eq("heatmap.current_streak", d["heatmap"]["current_streak"], current)
    c.eq("heatmap.longest_streak", d["heatmap"]["longest_streak"], longest)
    c.eq("streak_days", d["streak_days"], current)
    c.eq("reviewed_today", d["reviewed_today"], rev("r.day = ?", today))

    # Reviews of the last 30 days by the state before the answer.
    c.eq("reviews_30d days", len(d["reviews_30d"]), 30)
    for i, e in enumerate(d["reviews_30d"]):
        day = today - 29 + i
        c.eq("reviews_30d[%d].date" % i, e["date"], iso(day))
        for state, name in enumerate(["new", "learning", "review", "relearning"]):
            c.eq("reviews_30d[%s].%s" % (e["date"], name), e[name],
                 rev("r.day = ? AND r.b_state = ?", day, state))

    # True retention: review-state answers, young (interval before < 21 days) and mature.
    periods = {"today": (0, 0), "yesterday": (1, 1), "last_7_days": (6, 0), "last_30_days": (29, 0)}
    for key, (a, b) in periods.items():
        got = d["true_retention"][key]
        sums = {}
        for part, cond in (("young", "r.b_scheduled_days < 21"), ("mature", "r.b_scheduled_days >= 21"),
                           ("all", "1")):
            where = "r.b_state = 2 AND r.day BETWEEN ? AND ? AND " + cond
            sums[part] = rate(rev(where + " AND r.rating > 1", today - a, today - b),
                              rev(where, today - a, today - b))
            for f in ("passed", "total", "rate"):
                c.eq("true_retention.%s.%s.%s" % (key, part, f), got[part][f], sums[part][f])
    r30 = rate(rev("r.b_state = 2 AND r.day >= ? AND r.rating > 1", today - 29),
               rev("r.b_state = 2 AND r.day >= ?", today - 29))
    for f in ("passed", "total", "rate"):
        c.eq("retention_30d." + f, d["retention_30d"][f], r30[f])

    # Decks: cards by state and 30-day retention.
    keys = [r[0] for r in db.execute(
        "SELECT key FROM decks WHERE ? IS NULL OR key = ? OR name = ? COLLATE NOCASE ORDER BY key", fa)]
    c.eq("decks", [x["deck"] for x in d["decks"]], keys)
    for x in d["decks"]:
        k = x["deck"]
        base = "SELECT count(*) FROM cards c JOIN decks d ON d.id = c.deck_id WHERE d.key = ? AND "
        for state, name in enumerate(["new", "learning", "review", "relearning"]):
            c.eq("decks[%s].%s" % (k, name), x[name],
                 one(base + "c.state = ? AND c.retired = 0 AND c.suspended = 0", k, state))
        c.eq("decks[%s].suspended" % k, x["suspended"], one(base + "c.suspended = 1 AND c.retired = 0", k))
        c.eq("decks[%s].retired" % k, x["retired"], one(base + "c.retired = 1", k))
        rv = ("SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id JOIN decks d"
              " ON d.id = c.deck_id WHERE d.key = ? AND r.b_state = 2 AND r.day >= ?")
        want = rate(one(rv + " AND r.rating > 1", k, today - 29), one(rv, k, today - 29))
        for f in ("passed", "total", "rate"):
            c.eq("decks[%s].retention_30d.%s" % (k, f), x["retention_30d"][f], want[f])

    # Leeches (all) and the ten cards with most lapses.
    def cards(where, limit):
        return [{"id": r[0], "deck": r[1], "type": r[2], "lapses": r[3], "leech": bool(r[4]),
                 "suspended": bool(r[5])} for r in db.execute(
            "SELECT c.id, d.key, c.type, c.lapses, c.leech, c.suspended FROM cards c JOIN decks d"
            " ON d.id = c.deck_id WHERE c.retired = 0 AND " + where + flt +
            " ORDER BY c.lapses DESC, c.id LIMIT ?", (*fa, limit))]
    c.eq("leeches", d["leeches"], cards("c.leech = 1", -1))
    c.eq("most_lapses", d["most_lapses"], cards("c.lapses > 0", 10))

    # Mean answer time per card type, 30 days.
    want = [{"type": r[0], "answers": r[1], "mean_seconds": r[2] / 1000.0} for r in db.execute(
        "SELECT c.type, count(*), avg(r.duration_ms) FROM reviews r JOIN cards c ON c.id = r.card_id"
        " WHERE r.day >= ?" + flt + " GROUP BY c.type ORDER BY c.type", (today - 29, *fa))]
    c.eq("answer_time_30d types", [x["type"] for x in d["answer_time_30d"]], [x["type"] for x in want])
    for got, w in zip(d["answer_time_30d"], want):
        c.eq("answer_time_30d[%s].answers" % w["type"], got["answers"], w["answers"])
        c.eq("answer_time_30d[%s].mean_seconds" % w["type"], float(got["mean_seconds"]), w["mean_seconds"])

    for p in c.problems:
        print(p, file=sys.stderr)
    return 1 if c.problems else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "populate":
        populate(sys.argv[2])
        sys.exit(0)
    if len(sys.argv) == 6 and sys.argv[1] == "check":
        sys.exit(check(*sys.argv[2:]))
    sys.exit(__doc__)

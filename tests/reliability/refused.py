#!/usr/bin/env python3
"""Files drill must refuse, and leave exactly as they were.

The files:
  other-wal         another program's SQLite database in WAL mode, closed
  other-wal-open    the same while that program holds it open with changes
                    still in its -wal (not yet checkpointed)
  other-rollback    another program's database in the default journal mode
  newer             a drill database whose user_version is newer than drill's
  truncated-*       a drill database cut short: 50 bytes (inside the
                    header), one page, half of it, all but its last page
  not-sqlite-text   a text file
  not-sqlite-bytes  random bytes

Every command that opens the database (study, import, stats, config,
why CARD, reschedule) must, for every file:
  - exit with status 2 and print nothing on stdout;
  - say on stderr which command refused which file ("drill CMD: ...FILE...");
  - leave the folder as it was: no file created or removed (no -wal, -shm
    or -journal), every file byte for byte identical (for other-wal-open,
    the -shm that the other program holds is shared memory that readers
    update, and is not compared).
Each command starts from a fresh copy of the folder.

Known bug "refuse-leaves-wal": refusing leaves an empty -wal and a -shm
beside the file. When that is the only change it is reported as KNOWN (a
failure with --strict); any other change is a failure.

Prints a summary line with the counts; exits 1 when a check failed.
"""
import os
import random
import shutil
import sqlite3
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rlib  # noqa: E402


def main():
    args = rlib.parse_args("refused", __doc__, {})
    work = rlib.Work(args)
    tally = rlib.Tally(args)
    drill = args.drill
    src = work.fresh("sources")
    ours = work.path("drill.db")
    p = rlib.run(drill, ["import", "--db", ours, rlib.BUNDLED_DECKS], work.env)
    if p.returncode != 0:
        sys.exit("refused: cannot make a drill database: %s" % p.stderr)
    con = sqlite3.connect(ours)
    version = con.execute("PRAGMA user_version").fetchone()[0]
    card = con.execute("SELECT id FROM cards ORDER BY id LIMIT 1").fetchone()[0]
    con.close()
    with open(ours, "rb") as f:
        drill_bytes = f.read()
    page = 4096

    cases = {}

    def case(name, make):
        d = os.path.join(src, name)
        os.makedirs(d)
        make(os.path.join(d, "file.db"))
        cases[name] = d

    def other_wal(path):
        c = sqlite3.connect(path)
        c.execute("PRAGMA journal_mode = WAL")
        c.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)")
        c.executemany("INSERT INTO notes(body) VALUES (?)", [("note %d" % i,) for i in range(200)])
        c.commit()
        c.close()

    def other_rollback(path):
        c = sqlite3.connect(path)
        c.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)")
        c.execute("INSERT INTO notes(body) VALUES ('hello')")
        c.commit()
        c.close()

    def newer(path):
        with open(path, "wb") as f:
            f.write(drill_bytes)
        c = sqlite3.connect(path)
        c.execute("PRAGMA user_version = %d" % (version + 1))
        c.close()

    def cut(n):
        def make(path):
            with open(path, "wb") as f:
                f.write(drill_bytes[:n])
        return make

    def text(path):
        with open(path, "w") as f:
            f.write("This is a text file, not a database at all.\n" * 200)

    def noise(path):
        with open(path, "wb") as f:
            f.write(random.Random(args.seed).randbytes(3 * page))

    case("other-wal", other_wal)
    case("other-rollback", other_rollback)
    case("newer", newer)
    case("truncated-50", cut(50))
    case("truncated-page", cut(page))
    case("truncated-half", cut(len(drill_bytes) // 2 // page * page))
    case("truncated-last-page", cut(len(drill_bytes) - page))
    case("not-sqlite-text", text)
    case("not-sqlite-bytes", noise)

    commands = [["study"], ["import", rlib.BUNDLED_DECKS], ["stats"], ["config"],
                ["why", card], ["reschedule"]]
    for name in sorted(cases):
        for cmd in commands:
            check(args, work, tally, name, cases[name], cmd, None)

    # Another program holds its WAL database open, changes still in the -wal.
    holder_dir = work.fresh("other-wal-open")
    held = os.path.join(holder_dir, "file.db")
    holder = sqlite3.connect(held, isolation_level=None)
    holder.execute("PRAGMA journal_mode = WAL")
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    holder.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)")
    holder.execute("INSERT INTO notes(body) VALUES ('not checkpointed')")
    if not os.path.getsize(held + "-wal"):
        sys.exit("refused: the other program's -wal is empty; the case would test nothing")
    for cmd in commands:
        check(args, work, tally, "other-wal-open", holder_dir, cmd, "file.db-shm", in_place=True)
    holder.close()

    t = tally
    n = t.get("checks")
    text_ = ("%d files x %d commands = %d refusals: exit 2 %d/%d, message %d/%d, folder "
             "unchanged %d/%d, only -wal/-shm left %d, other changes %d" % (
                 len(cases) + 1, len(commands), n, t.get("exit2"), n, t.get("message"), n,
                 t.get("unchanged"), n, t.get("left_wal_shm"), t.get("other_changes")))
    left = sorted(k[5:] for k in t.counts if k.startswith("left:"))
    if left:
        text_ += " (-wal/-shm left beside: %s)" % ", ".join(left)
    rc = tally.summary(text_)
    work.finish(rc == 0)
    return rc


def check(args, work, tally, name, source, cmd, volatile, in_place=False):
    """Runs cmd on source/file.db (a copy of the folder unless in_place)."""
    if in_place:
        d = source
    else:
        d = work.fresh("trial")
        for f in os.listdir(source):
            shutil.copy2(os.path.join(source, f), d)
    path = os.path.join(d, "file.db")
    before = rlib.files_of(d)
    where = "%s: drill %s" % (name, cmd[0])
    tally.add("checks")
    stdin = b"\n3\n" * 5 if cmd[0] == "study" else b""
    p = rlib.run(args.drill, [cmd[0], "--db", path] + cmd[1:], work.env, stdin=stdin)
    after = rlib.files_of(d)
    if rlib.sanitizer_report(p.stderr, p.returncode):
        tally.fail("sanitizer", "%s: %s" % (where, p.stderr.strip()[:500]))
    if p.returncode == 2 and not p.stdout:
        tally.add("exit2")
    else:
        tally.fail("exit", "%s exited %d (stdout: %r; stderr: %s)"
                   % (where, p.returncode, p.stdout[:120], p.stderr.strip()[:200]))
    first = p.stderr.split("\n", 1)[0]
    if first.startswith("drill %s: " % cmd[0]) and path in first:
        tally.add("message")
    else:
        tally.fail("message", "%s: stderr does not say which command refused %s: %r"
                   % (where, path, p.stderr[:200]))
    for f in (volatile,) if volatile else ():
        before.pop(f, None)
        after.pop(f, None)
    if before == after:
        tally.add("unchanged")
        return
    created = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(f for f in before if f in after and before[f] != after[f])
    empty = [f for f in created if os.path.getsize(os.path.join(d, f)) == 0]
    wal_shm = {"file.db-wal", "file.db-shm"}
    detail = "created %s, removed %s, changed %s" % (created, removed, changed)
    if (not removed and not changed and set(created) <= wal_shm and
            ("file.db-wal" not in created or "file.db-wal" in empty)):
        tally.add("left_wal_shm")
        tally.add("left:" + name)
        tally.known_bug("refuse-leaves-wal", "%s: %s" % (where, detail))
    else:
        tally.add("other_changes")
        tally.fail("folder-changed", "%s: %s" % (where, detail))
    if in_place:
        for f in created:
            os.remove(os.path.join(d, f))


if __name__ == "__main__":
    sys.exit(main())

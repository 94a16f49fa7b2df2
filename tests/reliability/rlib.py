"""rlib: what the reliability scripts share (see README.md in this folder).

Owns: the command line every script takes, the environment drill runs in,
the scripted-session driver, the database checks, the scratch databases
(template, changed decks) and the tally that prints a script's summary line
and decides its exit status. Standard library only; never imported by drill.

The scripts read drill's output only where the database cannot tell them
what the user saw. The lines parsed, all in src/session.c:
  - a prompt: the output so far ends with "› " (ui_read flushes it);
  - a grade: a line starting "Again|Hard|Good|Easy · next review";
  - an undo: a line starting "Undone: card ID";
  - a card header: a line starting "[DECK · " (which deck a grade is for);
  - the summary: "Session over: N review(s)" (checked only when present).
The prompt texts ("(Enter shows the answer)", "Grade: ...", "  a) ...")
only steer which answer is typed; when they change, the answers become
less apt but the checks stay valid.
"""
import argparse
import hashlib
import json
import os
import random
import re
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))
BUNDLED_DECKS = os.path.join(SOURCE_DIR, "decks")

# The study day of every trial, and of the history studied ten days earlier
# (so the template holds cards that are due, not only new ones).
CLOCK = "2026-11-26T09:00:00Z"
HISTORY_CLOCK = "2026-11-16T09:00:00Z"

PROMPT_END = "› ".encode()
GRADE_RE = re.compile(r"^(Again|Hard|Good|Easy) · next review")
UNDONE_RE = re.compile(r"^Undone: card (\S+)")
HEADER_RE = re.compile(r"^\[([^\]·]+?) · ")
SUMMARY_RE = re.compile(r"^Session over: (\d+) review", re.M)
RATING = {"Again": 1, "Hard": 2, "Good": 3, "Easy": 4}
SANITIZER_RE = re.compile(r"ERROR: (Address|Leak)Sanitizer|runtime error:")
SANITIZER_EXIT = 86

# The scheduling columns of a card; a review holds them as b_* and a_*.
SCHED = ["state", "stability", "difficulty", "due", "last_review", "last_day", "reps",
         "lapses", "learning_steps", "scheduled_days"]

# Bugs known and being fixed. A check that hits one reports it as KNOWN and
# the script still passes, unless --strict or DRILL_RELIABILITY_STRICT=1: then
# it is a failure like any other. Once a bug is fixed, delete its entry here:
# its checks then fail like any other (see README.md).
KNOWN_BUGS = {
}


# ---- command line and environment ----

def parse_args(name, doc, counts):
    """Common options, plus --COUNT for each entry of counts
    ({name: (short, long, help)}). Returns the namespace with the counts
    resolved for the chosen length (an explicit --COUNT wins)."""
    ap = argparse.ArgumentParser(prog=name, description=doc,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("drill", help="the drill binary to test")
    ap.add_argument("--long", action="store_true", help="the long run (default: the short CI run)")
    ap.add_argument("--strict", action="store_true",
                    help="known bugs fail too (also DRILL_RELIABILITY_STRICT=1)")
    ap.add_argument("--seed", type=int, default=1, help="seed of every random choice (default 1)")
    ap.add_argument("--work", help="scratch folder (default: a new one under $TMPDIR, removed "
                    "when everything passed)")
    ap.add_argument("--keep", action="store_true", help="keep the scratch folder")
    for key, (short, long_, help_) in counts.items():
        ap.add_argument("--" + key.replace("_", "-"), type=int, default=None,
                        help="%s (short run %d, long run %d)" % (help_, short, long_))
    a = ap.parse_args()
    for key, (short, long_, _) in counts.items():
        if getattr(a, key) is None:
            setattr(a, key, long_ if a.long else short)
    a.strict = a.strict or os.environ.get("DRILL_RELIABILITY_STRICT", "") in ("1", "yes", "on", "true")
    a.drill = os.path.abspath(a.drill)
    if not (os.path.isfile(a.drill) and os.access(a.drill, os.X_OK)):
        ap.error("no executable drill at %s" % a.drill)
    a.name = name
    return a


class Work:
    """The scratch folder: an isolated HOME, and the environment drill runs in."""

    def __init__(self, args):
        if args.work:
            self.dir = os.path.abspath(args.work)
            shutil.rmtree(self.dir, ignore_errors=True)
            os.makedirs(self.dir)
        else:
            import tempfile
            self.dir = tempfile.mkdtemp(prefix="drill-rel-%s." % args.name)
        self.keep = args.keep or bool(args.work)
        home = self.path("home")
        os.makedirs(home)
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("DRILL_") and k not in ("NO_COLOR", "VISUAL", "EDITOR")}
        env.update(HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
                   XDG_STATE_HOME=os.path.join(home, "state"),
                   XDG_CONFIG_HOME=os.path.join(home, "config"),
                   XDG_CACHE_HOME=os.path.join(home, "cache"),
                   TZ="UTC", LC_ALL="C.UTF-8", NO_COLOR="1", EDITOR="true", VISUAL="true",
                   DRILL_NOW=CLOCK, DRILL_DECKS=self.path("no-bundled-decks"))
        # A sanitizer report must not pass for drill's own exit status.
        env["ASAN_OPTIONS"] = ":".join(filter(None, [os.environ.get("ASAN_OPTIONS"),
                                                     "exitcode=%d" % SANITIZER_EXIT]))
        env["UBSAN_OPTIONS"] = ":".join(filter(None, [os.environ.get("UBSAN_OPTIONS"),
                                                      "print_stacktrace=1:halt_on_error=1:"
                                                      "exitcode=%d" % SANITIZER_EXIT]))
        self.env = env

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def fresh(self, *parts):
        """An empty folder (removed first if it exists)."""
        d = self.path(*parts)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        return d

    def finish(self, ok):
        if ok and not self.keep:
            shutil.rmtree(self.dir, ignore_errors=True)
        else:
            print("scratch folder kept: %s" % self.dir)


def env_with(env, **kw):
    e = dict(env)
    e.update({k: str(v) for k, v in kw.items()})
    return e


def run(drill, args, env, stdin=b"", timeout=120, cwd=None):
    """Runs drill to the end. Returns CompletedProcess with text stdout/stderr."""
    p = subprocess.run([drill] + args, input=stdin, capture_output=True, env=env,
                       timeout=timeout, cwd=cwd)
    p.stdout = p.stdout.decode("utf-8", "replace")
    p.stderr = p.stderr.decode("utf-8", "replace")
    return p


def sanitizer_report(stderr, rc=None):
    return bool(SANITIZER_RE.search(stderr)) or rc == SANITIZER_EXIT


# ---- the tally ----

class Tally:
    """Counts, failures and known-bug hits of one script; prints the summary."""

    MAX_SHOWN = 15

    def __init__(self, args):
        self.name = args.name
        self.strict = args.strict
        self.counts = {}
        self.failures = {}
        self.known = {}
        self.shown = 0

    def add(self, key, n=1):
        self.counts[key] = self.counts.get(key, 0) + n

    def get(self, key):
        return self.counts.get(key, 0)

    def _say(self, tag, msg):
        if self.shown < self.MAX_SHOWN:
            print("%s %s: %s" % (tag, self.name, msg), flush=True)
        elif self.shown == self.MAX_SHOWN:
            print("%s: more problems; see the counts below" % self.name, flush=True)
        self.shown += 1

    def fail(self, kind, msg):
        """A check failed."""
        self.failures[kind] = self.failures.get(kind, 0) + 1
        self._say("FAIL", "%s: %s" % (kind, msg))

    def known_bug(self, bug, msg):
        """A check failed the way a known, open bug makes it fail. Once the
        bug's entry is gone from KNOWN_BUGS, this is a plain failure."""
        if bug not in KNOWN_BUGS:
            self.fail(bug, msg)
            return
        self.known[bug] = self.known.get(bug, 0) + 1
        self._say("FAIL" if self.strict else "KNOWN", "[%s] %s" % (bug, msg))

    def ok(self):
        return not self.failures and (not self.strict or not self.known)

    def summary(self, text):
        """Prints the summary line; returns the exit status."""
        fails = sum(self.failures.values())
        parts = ["%s: %s" % (self.name, text),
                 "%d failure%s%s" % (fails, "" if fails == 1 else "s",
                                     " (" + ", ".join("%s %d" % kv for kv in sorted(self.failures.items())) + ")"
                                     if fails else "")]
        if self.known:
            parts.append("known bugs: " + ", ".join("%s %d" % kv for kv in sorted(self.known.items())))
        verdict = "PASS" if self.ok() else "FAIL"
        if self.known and not self.strict and not self.failures:
            verdict = "PASS (known bugs reported; --strict makes them fail)"
        print("; ".join(parts) + " -- " + verdict, flush=True)
        if self.known:
            for bug in sorted(self.known):
                print("  known bug %s: %s" % (bug, KNOWN_BUGS[bug]))
        return 0 if self.ok() else 1


# ---- scripted sessions ----

TYPED_ANSWERS = ["$1M", "$250K", "$10M", "15%", "12%", "3", "40", "1", "quarterly to annual",
                 "scope", "team", "yes", "a"]


def choose_answer(text, rnd, undo_p, extras=True):
    """What to type at the prompt that ends text."""
    tail = text[-3000:]
    last = tail.rsplit("\n", 1)[-1]
    r = rnd.random()
    if r < undo_p:
        return ":undo"
    if extras and r < undo_p + 0.02:
        return ":skip"
    if extras and r < undo_p + 0.03:
        return ":hint"
    if last.startswith("(Enter"):
        return ""
    if last.startswith("Grade"):
        return rnd.choice(["1", "2", "3", "4", "1", "2", "3", "4", "a", "g", "easy"])
    card = tail.rsplit("\n[", 1)[-1]
    letters = re.findall(r"^  ([a-z])\) ", card, re.M)
    if letters and last == "› ":
        return rnd.choice(letters)
    return rnd.choice(TYPED_ANSWERS)


class Session:
    """A study session on pipes, answered prompt by prompt."""

    def __init__(self, drill, args, env, rnd, undo_p=0.0, extras=True, cwd=None):
        self.rnd = rnd
        self.undo_p = undo_p
        self.extras = extras
        self.t0 = time.monotonic()
        self.p = subprocess.Popen([drill] + args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, env=env, cwd=cwd)
        for f in (self.p.stdout, self.p.stderr):
            os.set_blocking(f.fileno(), False)
        self.out = bytearray()
        self.err = bytearray()
        self.sent = []
        self.answered_at = 0      # len(out) when the last answer went in
        self.eof = False
        self.closed = False
        self.killed = False

    def elapsed(self):
        return time.monotonic() - self.t0

    def fds(self):
        return [f for f in (self.p.stdout, self.p.stderr) if not f.closed]

    def pump(self, timeout):
        """Reads what is there (waiting up to timeout). False at end of output."""
        if self.eof:
            return False
        r, _, _ = select.select(self.fds(), [], [], max(0.0, timeout))
        for f in r:
            chunk = f.read(65536)
            if f is self.p.stderr:
                if chunk:
                    self.err += chunk
                continue
            if chunk:
                self.out += chunk
            elif chunk is not None:
                self.eof = True
        return not self.eof

    def at_prompt(self):
        return (not self.closed and len(self.out) > self.answered_at and
                self.out.endswith(PROMPT_END))

    def answer(self, line=None):
        if line is None:
            line = choose_answer(self.out.decode("utf-8", "replace"), self.rnd, self.undo_p,
                                 self.extras)
        self.sent.append(line)
        self.answered_at = len(self.out)
        try:
            self.p.stdin.write((line + "\n").encode())
            self.p.stdin.flush()
        except BrokenPipeError:
            self.closed = True

    def close_input(self):
        if not self.closed:
            self.closed = True
            try:
                self.p.stdin.close()
            except BrokenPipeError:
                pass

    def kill(self):
        try:
            os.kill(self.p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.killed = True

    def finish(self, timeout=120):
        """Reads the rest and waits for the exit. Returns the exit status."""
        self.close_input()
        deadline = time.monotonic() + timeout
        while not self.eof and time.monotonic() < deadline:
            self.pump(0.2)
        if not self.eof:
            self.kill()
        try:
            rc = self.p.wait(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            self.kill()
            rc = self.p.wait()
        for f in (self.p.stdout, self.p.stderr):
            try:
                os.set_blocking(f.fileno(), True)
                rest = f.read()
            except (OSError, ValueError):
                rest = b""
            if f is self.p.stdout:
                self.out += rest or b""
            else:
                self.err += rest or b""
        for f in (self.p.stdin, self.p.stdout, self.p.stderr):
            try:
                f.close()
            except (OSError, BrokenPipeError):
                pass
        return rc

    def text(self):
        return self.out.decode("utf-8", "replace")

    def stderr(self):
        return self.err.decode("utf-8", "replace")

    def drive(self, grades=None, timeout=120):
        """Answers every prompt until the session ends (or, with grades, until
        that many grades were printed: then closes the input). Returns the
        exit status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.pump(0.5):
            if grades is not None and count_grades(self.text()) >= grades:
                break
            if self.at_prompt():
                self.answer()
        return self.finish(max(5.0, deadline - time.monotonic()))


def count_grades(text):
    return sum(1 for line in text.split("\n") if GRADE_RE.match(line))


def printed_reviews(text):
    """The reviews a transcript says are kept, oldest first: (deck, rating)
    for each grade line, less those taken back by an undo line. Also the
    number of grade and undo lines."""
    stack, deck, grades, undos = [], None, 0, 0
    for line in text.split("\n"):
        m = HEADER_RE.match(line)
        if m:
            deck = m.group(1).strip()
            continue
        m = GRADE_RE.match(line)
        if m:
            stack.append((deck, RATING[m.group(1)]))
            grades += 1
            continue
        if UNDONE_RE.match(line):
            undos += 1
            if stack:
                stack.pop()
    return stack, grades, undos


def summary_count(text):
    m = SUMMARY_RE.search(text)
    return int(m.group(1)) if m else None


# ---- the database ----

def connect_ro(path):
    """A read-only connection that changes nothing in the files."""
    return sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=30)


def card_states(con):
    cols = ", ".join(SCHED)
    return {r[0]: tuple(r[1:]) for r in con.execute("SELECT id, %s FROM cards" % cols)}


def review_ids(con):
    return {r[0] for r in con.execute("SELECT id FROM reviews")}


def session_ids(con):
    return {r[0] for r in con.execute("SELECT id FROM sessions")}


class Base:
    """What a database held before a trial: card states, reviews, sessions."""

    def __init__(self, path):
        con = connect_ro(path)
        self.cards = card_states(con)
        self.reviews = review_ids(con)
        self.sessions = session_ids(con)
        self.ncards = len(self.cards)
        con.close()


def inspect(path, base):
    """Checks a database against what it held before (base). Returns a dict:
    integrity ('ok' or the first problems), fk (foreign key problems),
    chain_breaks (a new review whose before-state is not the card's state
    left by the previous review, or the initial state: a card graded twice
    from one state, or a lost review), sched_mismatch (cards whose schedule
    is not their newest review's after-state, or the initial state),
    dup_before (reviews of one card from one identical before-state),
    sessions (new session ids) and rows (session id -> [(deck, rating)])."""
    con = connect_ro(path)
    res = {}
    ic = [r[0] for r in con.execute("PRAGMA integrity_check")]
    res["integrity"] = "ok" if ic == ["ok"] else "; ".join(ic[:3])
    res["fk"] = len(con.execute("PRAGMA foreign_key_check").fetchall())
    cards = card_states(con)
    bcols = ", ".join("r.b_" + c for c in SCHED)
    acols = ", ".join("r.a_" + c for c in SCHED)
    prev = dict(base.cards)
    chain = 0
    rows = {}
    n = len(SCHED)
    for r in con.execute("SELECT r.id, r.card_id, r.session_id, d.key, r.rating, %s, %s "
                         "FROM reviews r JOIN cards c ON c.id = r.card_id "
                         "JOIN decks d ON d.id = c.deck_id ORDER BY r.id" % (bcols, acols)):
        rid, cid, sid, deck, rating = r[:5]
        before, after = tuple(r[5:5 + n]), tuple(r[5 + n:5 + 2 * n])
        if rid in base.reviews:
            continue
        rows.setdefault(sid, []).append((deck, rating))
        if cid in prev and before != prev[cid]:
            chain += 1
        prev[cid] = after
    res["chain_breaks"] = chain
    res["sched_mismatch"] = sum(1 for cid, st in cards.items() if cid in prev and st != prev[cid])
    res["dup_before"] = con.execute(
        "SELECT count(*) FROM (SELECT 1 FROM reviews GROUP BY card_id, %s HAVING count(*) > 1)"
        % ", ".join("b_" + c for c in SCHED)).fetchone()[0]
    res["sessions"] = sorted(session_ids(con) - base.sessions)
    res["open_sessions"] = con.execute(
        "SELECT count(*) FROM sessions WHERE ended_at IS NULL").fetchone()[0]
    res["rows"] = rows
    res["ncards"] = len(cards)
    con.close()
    return res


def db_problems(res):
    """The failed checks of an inspect() result, as (kind, detail) pairs."""
    out = []
    if res["integrity"] != "ok":
        out.append(("integrity", res["integrity"]))
    if res["fk"]:
        out.append(("foreign-keys", "%d rows" % res["fk"]))
    if res["chain_breaks"]:
        out.append(("review-chain", "%d reviews do not start from the card's previous state"
                    % res["chain_breaks"]))
    if res["sched_mismatch"]:
        out.append(("card-schedule", "%d cards differ from their newest review's after-state"
                    % res["sched_mismatch"]))
    if res["dup_before"]:
        out.append(("graded-twice", "%d cards graded twice from the same state" % res["dup_before"]))
    return out


def dump(path):
    """A digest of everything a database holds (schema, every row of every
    table, user_version, application_id), and a short description. Opens
    read-write, so a journal left by a crash is rolled back as SQLite would
    for any program: call it on a copy when the bytes matter."""
    con = sqlite3.connect(path, timeout=30)
    h = hashlib.sha256()
    for pragma in ("user_version", "application_id"):
        h.update(("%s=%r\n" % (pragma, con.execute("PRAGMA " + pragma).fetchone()[0])).encode())
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    for sql in con.execute("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name"):
        h.update(repr(sql).encode())
    counts = {}
    for t in tables:
        rows = sorted(con.execute('SELECT * FROM "%s"' % t).fetchall(), key=repr)
        counts[t] = len(rows)
        for row in rows:
            h.update(repr(row).encode())
    con.close()
    return h.hexdigest(), counts


def files_of(folder):
    """name -> sha256 of every file in folder."""
    out = {}
    for name in sorted(os.listdir(folder)):
        p = os.path.join(folder, name)
        if os.path.isfile(p):
            with open(p, "rb") as f:
                out[name] = hashlib.sha256(f.read()).hexdigest()
        else:
            out[name] = "dir"
    return out


def copy_db(src, dst):
    """Copies a database file and whatever -wal, -shm or -journal lies beside it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(src + suffix):
            shutil.copy2(src + suffix, dst + suffix)


# ---- scratch databases ----

def make_template(drill, work, env, path, history=80):
    """A database with the bundled decks imported and a first session of
    history answers studied ten days before CLOCK, closed cleanly (no -wal
    beside it). Returns its path."""
    e = env_with(env, DRILL_NOW=HISTORY_CLOCK)
    p = run(drill, ["import", "--db", path, BUNDLED_DECKS], e)
    if p.returncode != 0:
        sys.exit("cannot build the template database: drill import: %s" % p.stderr)
    if history:
        s = Session(drill, ["study", "--db", path, "--new", "60", "--seed", "1"], e,
                    random.Random(1), extras=False)
        rc = s.drive(grades=history)
        if rc != 0:
            sys.exit("cannot build the template database: the history session exited %d: %s"
                     % (rc, s.stderr()))
    for suffix in ("-wal", "-journal"):
        if os.path.exists(path + suffix) and os.path.getsize(path + suffix) > 0:
            sys.exit("the template database was not closed cleanly (%s%s)" % (path, suffix))
    res = inspect(path, _empty_base())
    probs = db_problems(res)
    if probs:
        sys.exit("the template database is inconsistent before any trial: %s" % probs)
    return path


def _empty_base():
    b = Base.__new__(Base)
    b.cards, b.reviews, b.sessions, b.ncards = {}, set(), set(), 0
    return b


def write_json_lines(path, rows):
    with open(path, "w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")

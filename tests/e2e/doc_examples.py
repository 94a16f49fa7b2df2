#!/usr/bin/env python3
"""Runs every command example of README.md and docs/*.md with the real
drill and compares what it prints with what the document shows.

The convention (docs/examples.md says the same for writers):

* A command example is a fenced block (``` or ~~~) whose first line
  starts with "$ ".
  Each "$ " line is a command, run with bash (pipes, redirections and
  NAME=value prefixes work); the lines after it, up to the next "$ " line
  or the end of the block, are what it prints, standard output and
  standard error together. Trailing spaces and trailing blank lines do not
  count. A line holding only "..." (indented or not) stands for any number
  of lines, none included.
* Every document runs in its own scratch environment, its commands in
  order, so a document may build state step by step: a fresh HOME and XDG
  folders, a fresh database (DRILL_DB), DRILL_NOW=2026-11-26T09:00:00Z,
  TZ=UTC, LC_ALL=C.UTF-8, DRILL_DECKS = the repository's decks/, COLUMNS
  unset, the drill under test first on PATH, and an empty scratch folder
  as the working directory. EXAMPLES_REPO names the repository (for setup
  that copies files from it).
* Answers. After a session's prompt "› " (or "> " at the start of a line,
  the mock interview's prompt) the transcript shows the answer read, as a
  piped session echoes it. When the command has no input redirection or
  pipe of its own, those answers are its standard input, one a line, in
  order; an empty answer at the last prompt is the end of the input.
  Otherwise its standard input is empty.
* HTML comments right before a block (blank lines between allowed):
    <!-- example setup: BASH -->  runs BASH (with set -e) in the scratch
        folder, in the document's environment, before the block (it may
        span lines); its output is not shown unless it fails.
    <!-- example input: FILE -->  writes the answers shown in the block
        (as above) to FILE before the command that reads "< FILE" runs.
    <!-- example: not run (REASON) -->  the block is skipped; the runner
        lists it with its reason. Keep these rare.

Usage: doc_examples.py --drill PATH --source REPO --scratch DIR [--show]
(--show prints what every command really printed, to write examples).
Exit status 0 when every example printed what its document shows.
"""

import argparse
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys

NOW = "2026-11-26T09:00:00Z"
DIRECTIVE = re.compile(r"<!--\s*example\b(.*?)-->", re.S)
SANITIZER = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:")
TIMEOUT = 300  # seconds: a hang guard only, never a measure of speed


class DocError(Exception):
    pass


class Block:
    def __init__(self, doc, line, lines, directives):
        self.doc = doc
        self.line = line  # 1-based line of the opening fence
        self.lines = lines
        self.setup = []
        self.inputs = []
        self.skip = None
        for text in directives:
            m = re.match(r"\s*(setup|input)\s*:\s*(.*)$", text, re.S)
            if m and m.group(1) == "setup":
                self.setup.append(m.group(2).strip())
            elif m:
                self.inputs.append(m.group(2).strip())
            elif re.match(r"\s*:\s*not run\s*\((.+)\)\s*$", text, re.S):
                self.skip = re.match(r"\s*:\s*not run\s*\((.+)\)\s*$", text, re.S).group(1)
            else:
                raise DocError(f"{doc}:{line}: unknown example comment: <!-- example{text}-->")

    def commands(self):
        """[(line number, command, expected lines)]"""
        out = []
        for i, text in enumerate(self.lines):
            if text.startswith("$ "):
                out.append((self.line + 1 + i, text[2:], []))
            elif not out:
                raise DocError(f"{self.doc}:{self.line + 1 + i}: a command example starts with its '$ ' line")
            else:
                out[-1][2].append(text)
        return out


def parse(doc, text):
    """The command-example blocks of one document."""
    blocks, pending, fence, marker, body, start = [], [], None, "", [], 0
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip()
        if fence is not None:
            if re.fullmatch(re.escape(marker[0]) + "{%d,}\\s*" % len(marker), stripped):
                if body and body[0].startswith("$ "):
                    blocks.append(Block(doc, start, body, pending))
                elif pending:
                    raise DocError(f"{doc}:{start}: an example comment is not followed by a command example")
                fence, body, pending = None, [], []
            else:
                body.append(line[fence:] if line[:fence].strip() == "" else line)
            i += 1
            continue
        m = re.match(r"(`{3,}|~{3,})", stripped)
        if m and len(line) - len(stripped) < 4:
            fence, marker, body, start = len(line) - len(stripped), m.group(1), [], i + 1
        elif stripped.startswith("<!--") and re.match(r"<!--\s*example\b", stripped):
            j = i
            chunk = line
            while "-->" not in chunk and j + 1 < len(lines):
                j += 1
                chunk += "\n" + lines[j]
            m = DIRECTIVE.search(chunk)
            if not m:
                raise DocError(f"{doc}:{i + 1}: an example comment is not closed with -->")
            pending.append(m.group(1))
            i = j
        elif stripped and pending:
            raise DocError(f"{doc}:{i + 1}: an example comment is not followed by a command example")
        i += 1
    if pending:
        raise DocError(f"{doc}: an example comment at the end is not followed by a command example")
    return blocks


def answers(expected):
    """The answers a transcript shows after its prompts, the last empty
    one (the end of input) left out."""
    out = []
    for line in expected:
        m = re.search(r"(?:^|\s)›(?: (.*))?$", line) or re.match(r"^>(?: (.*))?$", line)
        if m:
            out.append(m.group(1) or "")
    if out and out[-1] == "":
        out.pop()
    return out


def has_own_input(command):
    lex = shlex.shlex(command, posix=True, punctuation_chars=True)
    lex.whitespace_split = True
    try:
        tokens = list(lex)
    except ValueError:
        return True
    return any(t in ("|", "<", "<<", "<<<", "|&") or t.startswith("<") for t in tokens)


def reads_file(command, name):
    lex = shlex.shlex(command, posix=True, punctuation_chars=True)
    lex.whitespace_split = True
    tokens = list(lex)
    return any(t == "<" and k + 1 < len(tokens) and tokens[k + 1] == name for k, t in enumerate(tokens))


def clean(lines):
    lines = [l.rstrip() for l in lines]
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def matches(expected, actual):
    """expected lines (with '...' wildcards) against actual lines."""
    memo = {}

    def go(i, j):
        key = (i, j)
        if key in memo:
            return memo[key]
        if i == len(expected):
            r = j == len(actual)
        elif expected[i].strip() == "...":
            r = any(go(i + 1, k) for k in range(j, len(actual) + 1))
        else:
            r = j < len(actual) and expected[i] == actual[j] and go(i + 1, j + 1)
        memo[key] = r
        return r

    return go(0, 0)


def environment(scratch, drill_dir, repo):
    env = {k: v for k, v in os.environ.items() if k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS")}
    home = os.path.join(scratch, "home")
    env.update(
        PATH=drill_dir + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin"),
        HOME=home,
        XDG_DATA_HOME=os.path.join(home, ".local/share"),
        XDG_STATE_HOME=os.path.join(home, ".local/state"),
        XDG_CONFIG_HOME=os.path.join(home, ".config"),
        XDG_CACHE_HOME=os.path.join(home, ".cache"),
        TMPDIR=os.path.join(scratch, "tmp"),
        DRILL_DB=os.path.join(scratch, "drill.db"),
        DRILL_NOW=NOW,
        DRILL_DECKS=os.path.join(repo, "decks"),
        TZ="UTC",
        LC_ALL="C.UTF-8",
        EXAMPLES_REPO=repo,
    )
    for d in (home, env["TMPDIR"], os.path.join(scratch, "work")):
        os.makedirs(d, exist_ok=True)
    return env


def bash(script, env, cwd, stdin_text, errexit=False):
    p = subprocess.run(
        ["bash"] + (["-e"] if errexit else []) + ["-c", script],
        env=env,
        cwd=cwd,
        input=stdin_text.encode(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=TIMEOUT,
    )
    return p.returncode, p.stdout.decode("utf-8", "replace")


def run_doc(doc, blocks, repo, scratch, drill_dir, show):
    """Runs one document's examples; returns (run, skipped, failures)."""
    env = environment(scratch, drill_dir, repo)
    cwd = os.path.join(scratch, "work")
    ran, skipped, failures = 0, [], []
    for b in blocks:
        cmds = b.commands()
        if b.skip is not None:
            skipped.append(f"{doc}:{b.line}: {cmds[0][1]}: {b.skip}")
            continue
        for script in b.setup:
            rc, out = bash(script, env, cwd, "", errexit=True)
            if rc != 0:
                failures.append(f"{doc}:{b.line}: example setup failed (exit {rc}):\n  {script}\n{out}")
                break
        else:
            for lineno, cmd, expected in cmds:
                expected = clean(expected)
                given = answers(expected)
                stdin_text = ""
                for name in b.inputs:
                    if reads_file(cmd, name):
                        with open(os.path.join(cwd, name), "w") as f:
                            f.write("".join(a + "\n" for a in given))
                if not has_own_input(cmd):
                    stdin_text = "".join(a + "\n" for a in given)
                rc, out = bash(cmd, env, cwd, stdin_text)
                actual = clean(out.splitlines())
                ran += 1
                if show:
                    print(f"== {doc}:{lineno}: $ {cmd}  (exit {rc})")
                    print("\n".join(actual))
                if rc == 86 or any(s in out for s in SANITIZER):
                    failures.append(f"{doc}:{lineno}: $ {cmd}\n  a sanitizer stopped drill:\n{out}")
                elif not matches(expected, actual):
                    diff = "\n".join(
                        difflib.unified_diff(expected, actual, "documented", "printed", lineterm="")
                    )
                    failures.append(f"{doc}:{lineno}: $ {cmd}\n  prints what the document does not show:\n{diff}")
    return ran, skipped, failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--drill", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--scratch", required=True)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("docs", nargs="*", help="documents (default: README.md and docs/*.md)")
    a = ap.parse_args()
    repo = os.path.abspath(a.source)
    docs = a.docs or ["README.md"] + sorted(
        "docs/" + n for n in os.listdir(os.path.join(repo, "docs")) if n.endswith(".md")
    )
    bindir = os.path.join(os.path.abspath(a.scratch), "bin")
    os.makedirs(bindir, exist_ok=True)
    link = os.path.join(bindir, "drill")
    if os.path.lexists(link):
        os.remove(link)
    os.symlink(os.path.abspath(a.drill), link)

    total, skipped, failures = 0, [], []
    for doc in docs:
        with open(os.path.join(repo, doc), encoding="utf-8") as f:
            text = f.read()
        try:
            blocks = parse(doc, text)
        except DocError as e:
            failures.append(str(e))
            continue
        if not blocks:
            continue
        scratch = os.path.join(os.path.abspath(a.scratch), re.sub(r"[^A-Za-z0-9.]+", "_", doc))
        shutil.rmtree(scratch, ignore_errors=True)
        n, s, f = run_doc(doc, blocks, repo, scratch, bindir, a.show)
        print(f"{doc}: {n} command{'s' * (n != 1)} run" + (f", {len(s)} not run" if s else ""))
        total += n
        skipped += s
        failures += f
    for s in skipped:
        print(f"not run: {s}")
    for f in failures:
        print(f"FAIL {f}\n", file=sys.stderr)
    print(f"{total} documented commands run, {len(skipped)} examples not run, {len(failures)} failed")
    if total == 0 and not a.docs:
        print("FAIL no command examples found", file=sys.stderr)
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Runs a command under a pseudo-terminal and drives it with a script.

usage: pty_drive.py TRANSCRIPT -- COMMAND [ARG...] < steps

Each line of steps is "expect TEXT" (wait until TEXT appears in the output
after the previous match) or "send TEXT" (type TEXT; backslash escapes such
as \\r, \\t, \\x03 and \\x04 are understood). After the last step the output
is read to the end. Everything the command wrote goes to TRANSCRIPT. The
exit status is the command's, 124 when a step waited too long (a generous
deadline, so that a hang fails instead of blocking the suite), or 125 when
no pseudo-terminal can be had.
"""
import codecs
import os
import select
import sys
import time

DEADLINE_S = 20.0


def main():
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.stderr.write(__doc__)
        return 2
    transcript, cmd = sys.argv[1], sys.argv[3:]
    steps = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    try:
        import pty
        pid, fd = pty.fork()
    except (ImportError, OSError) as e:
        sys.stderr.write("no pseudo-terminal: %s\n" % e)
        return 125
    if pid == 0:
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)

    buf = bytearray()
    eof = False

    def pump(timeout):
        nonlocal eof
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: the other side is closed
            data = b""
        if data:
            buf.extend(data)
        else:
            eof = True

    def save():
        with open(transcript, "wb") as f:
            f.write(bytes(buf))

    pos = 0
    for step in steps:
        kind, _, arg = step.partition(" ")
        text = codecs.escape_decode(arg.encode("utf-8"))[0]
        if kind == "send":
            time.sleep(0.05)  # let readline settle on its prompt
            os.write(fd, text)
        elif kind == "expect":
            end = time.monotonic() + DEADLINE_S
            while buf.find(text, pos) < 0:
                if eof or time.monotonic() > end:
                    save()
                    sys.stderr.write("pty_drive: never saw %r\n" % text)
                    os.kill(pid, 9)
                    os.waitpid(pid, 0)
                    return 124
                pump(0.1)
            pos = buf.find(text, pos) + len(text)
        else:
            sys.stderr.write("pty_drive: bad step %r\n" % step)
            return 2
    end = time.monotonic() + DEADLINE_S
    while not eof and time.monotonic() < end:
        pump(0.1)
    save()
    if not eof:
        sys.stderr.write("pty_drive: the command did not finish\n")
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        return 124
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


if __name__ == "__main__":
    sys.exit(main())

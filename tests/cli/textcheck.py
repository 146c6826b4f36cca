# SPDX-License-Identifier: MIT
"""Checks for tst_cli that need another program's eyes.

genotype darts|ptdarts
    Reads a genotype text on stdin and evaluates it the way the DARTS code does (a namedtuple
    Genotype(normal, normal_concat, reduce, reduce_concat), built here from the format's
    definition, not from our code): the flat DARTS form is two (op, input) genes per node, the
    pt.darts form one list of (op, input) per node. Checks that every input index names an
    earlier state (0, 1 the cell inputs, 2 + i the i-th node) and that the concat lists only
    nodes; prints the cells as JSON, one list of [op, input] per node, for the test to compare.
    Exits 1 with the reason on a text that the DARTS code could not build.

pty COLUMNS command...
    Runs the command on a pseudo-terminal COLUMNS wide (TERM=$CHECK_TERM, default xterm) and
    prints as JSON the widest progress line it drew (a text between carriage returns and
    newlines that starts with "epoch ", "ep " or, continuing one, ten spaces; control sequences
    removed), how many it drew, the widest live line (drawn after "\r ESC[K" and left without
    a newline, the cursor after it), how often it redrew a line in place, and the command's
    exit code.
"""
import collections
import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios

Genotype = collections.namedtuple("Genotype", "normal normal_concat reduce reduce_concat")


def fail(why):
    print(why, file=sys.stderr)
    sys.exit(1)


def check_genotype(dialect):
    text = sys.stdin.read()
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    try:
        g = eval(code, {"__builtins__": {}}, {"Genotype": Genotype, "range": range})
    except Exception as e:  # a SyntaxError is the failure this check exists for
        fail("not a Python Genotype(...) expression: %r" % e)
    if not isinstance(g, Genotype):
        fail("not a Genotype: %r" % (g,))
    out = {}
    for cell in ("normal", "reduce"):
        genes = getattr(g, cell)
        concat = list(getattr(g, cell + "_concat"))
        if dialect == "darts":
            if len(genes) % 2:
                fail("%s: %d genes, DARTS reads two per node" % (cell, len(genes)))
            nodes = [list(genes[2 * i:2 * i + 2]) for i in range(len(genes) // 2)]
        else:
            nodes = [list(n) for n in genes]
        if not nodes:
            fail("%s: no node" % cell)
        for i, node in enumerate(nodes):
            if not node:
                fail("%s node %d: no input" % (cell, i))
            for gene in node:
                if len(gene) != 2 or not isinstance(gene[0], str) or not isinstance(gene[1], int):
                    fail("%s node %d: %r is not (op, input)" % (cell, i, gene))
                if not 0 <= gene[1] < 2 + i:
                    fail("%s node %d: input %d is not an earlier state" % (cell, i, gene[1]))
        for c in concat:
            if not 2 <= c < 2 + len(nodes):
                fail("%s_concat: %d is not a node (2 .. %d)" % (cell, c, 1 + len(nodes)))
        out[cell] = [[[op, idx] for op, idx in node] for node in nodes]
        out[cell + "_concat"] = concat
    print(json.dumps(out))


def run_on_pty(columns, command):
    pid, fd = pty.fork()
    if pid == 0:
        # The size is set on the terminal before the program starts, so it sees it at once.
        fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
        os.environ["TERM"] = os.environ.get("CHECK_TERM", "xterm")
        os.environ.pop("COLUMNS", None)
        os.execvp(command[0], command)
    data = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    _, status = os.waitpid(pid, 0)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", data.decode("utf-8", "replace"))
    lines = re.split(r"[\r\n]", text)
    progress = [l for l in lines
                if l.startswith("epoch ") or l.startswith("ep ") or l.startswith(" " * 10)]
    widest = max(progress, key=len) if progress else ""
    live = [p.decode("utf-8", "replace") for p in data.split(b"\r\x1b[K")[1:] if b"\n" not in p]
    live = [re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", l).split("\r")[0] for l in live]
    widest_live = max(live, key=len) if live else ""
    print(json.dumps({"widest": len(widest), "line": widest, "progress_lines": len(progress),
                      "widest_live": len(widest_live), "live_line": widest_live,
                      "code": os.waitstatus_to_exitcode(status),
                      "redraws": data.count(b"\r\x1b[K")}))


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "genotype":
        check_genotype(sys.argv[2])
    elif len(sys.argv) >= 4 and sys.argv[1] == "pty":
        run_on_pty(int(sys.argv[2]), sys.argv[3:])
    else:
        fail(__doc__)

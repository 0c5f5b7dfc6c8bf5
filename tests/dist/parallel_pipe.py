#!/usr/bin/env python3
"""parallel_pipe.py SUMMARIZE -- GNU parallel as the scale-out engine.

`parallel --pipe --keep-order -N 97 -j 3 SUMMARIZE --jsonl` cuts the input
into blocks of 97 lines, runs one summarize per block, three at a time,
and writes their outputs back in the input's order: what Hadoop Streaming
or Spark's RDD.pipe do across machines. The contract a pipe stage needs is
checked line by line: line N of the output answers line N of the input
(its id, or null for a line that had none: a blank line, a line that is
not JSON), with good records summarized and bad ones marked as errors.
Also with -j 2 inside each summarize. TAP output; exit 77 (skip) without
GNU parallel (Debian: parallel).
"""
import json
import os
import random
import shutil
import subprocess
import sys

WORDS = ("river town rain flood council bridge market school teacher report "
         "budget vote minister football match goal season company profit share "
         "price film award music album phone network software engineer").split()


def make_records(n, seed=16):
    """n input lines and, for each, the id its answer must carry (None for
    null) and whether it must be an error."""
    rnd = random.Random(seed)
    lines, want = [], []
    for i in range(n):
        ident = i if i % 2 else "doc-%d \u00e9" % i
        sents = [" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(4, 12))).capitalize() + "."
                 for _ in range(rnd.randint(1, 6))]
        if i % 61 == 5:
            lines.append("")                                   # blank: an error, id null
            want.append((None, True))
        elif i % 61 == 17:
            lines.append('{"id": %s, "text": "unterminated' % json.dumps(ident))
            want.append((ident, True))                         # bad JSON after the id
        elif i % 61 == 29:
            lines.append(json.dumps({"id": ident}))            # no text
            want.append((ident, True))
        else:
            lines.append(json.dumps({"id": ident, "text": " ".join(sents)},
                                    ensure_ascii=i % 3 == 0))
            want.append((ident, False))
    return lines, want


def check(exe, jobs_inside, lines, want):
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    cmd = ["parallel", "--pipe", "--keep-order", "-N", "97", "-j", "3",
           exe, "--jsonl", "-j", str(jobs_inside)]
    p = subprocess.run(cmd, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=600)
    out = p.stdout.decode("utf-8").split("\n")
    if out and out[-1] == "":
        out.pop()
    if len(out) != len(lines):
        return "%d output lines for %d input lines (stderr: %r)" % (len(out), len(lines),
                                                                    p.stderr[-300:])
    for n, (line, (ident, bad)) in enumerate(zip(out, want), 1):
        rec = json.loads(line)
        if rec.get("id") != ident:
            return "line %d answers id %r, not %r" % (n, rec.get("id"), ident)
        if bad != ("error" in rec) or (not bad and not rec.get("sentences")):
            return "line %d: %r" % (n, line[:200])
    # summarize exits 1 when a record was bad, and parallel counts those
    if p.returncode == 0:
        return "the bad records should make the exit status non-zero"
    return None


def main():
    exe = sys.argv[1]
    if not shutil.which("parallel"):
        print("1..0 # SKIP GNU parallel not installed (apt-get install parallel)")
        return 77
    lines, want = make_records(2000)
    results = []
    for jobs in (1, 2):
        problem = check(exe, jobs, lines, want)
        results.append(("parallel --pipe --keep-order, summarize -j %d: line N answers line N"
                        % jobs, problem))
    print("1..%d" % len(results))
    for k, (name, problem) in enumerate(results, 1):
        print("%s %d - %s" % ("not ok" if problem else "ok", k, name))
        if problem:
            print("# " + problem)
    return 1 if any(p for _, p in results) else 0


if __name__ == "__main__":
    sys.exit(main())

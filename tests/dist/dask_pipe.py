#!/usr/bin/env python3
"""dask_pipe.py SUMMARIZE -- the --jsonl filter on a real distributed engine.

Starts a Dask LocalCluster with 2 worker processes, splits a set of JSON
Lines records into partitions, pipes each partition through
`SUMMARIZE --jsonl` on the workers, and checks the contract a pipe stage
needs: one output line per input line, in order, so every input id comes
back exactly once (bad lines as {"id":..., "error":...}). TAP output; exit
77 (skip) when dask.distributed cannot be imported.
"""
import json
import logging
import random
import subprocess
import sys

WORDS = ("river town rain flood council bridge market school teacher report "
         "budget vote minister football match goal season company profit share "
         "price film award music album phone network software engineer").split()


def make_records(n, seed=6):
    """n JSON lines: string and number ids (some needing escapes), texts of
    a few sentences, and a few lines that are bad on purpose."""
    rnd = random.Random(seed)
    lines, ids = [], []
    for i in range(n):
        if i % 3 == 0:
            ident = i
        elif i % 3 == 1:
            ident = "doc-%d" % i
        else:
            ident = 'caf\u00e9 "%d" \\ \u4e2d' % i
        sents = []
        for _ in range(rnd.randint(1, 8)):
            words = [rnd.choice(WORDS) for _ in range(rnd.randint(4, 14))]
            sents.append(" ".join(words).capitalize() + ".")
        rec = {"id": ident, "text": " ".join(sents), "extra": [1, {"x": None}]}
        if i % 50 == 7:
            del rec["text"]               # bad: no text
        elif i % 50 == 19:
            rec["text"] = 42              # bad: text not a string
        lines.append(json.dumps(rec, ensure_ascii=(i % 2 == 0)))
        ids.append(ident)
    return lines, ids


def pipe_partition(lines, exe):
    """Runs on a worker: one `summarize --jsonl` process per partition."""
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    p = subprocess.run([exe, "--jsonl", "-n", "2"], input=data,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if p.returncode not in (0, 1):
        raise RuntimeError("summarize exited %d: %s" % (p.returncode, p.stderr[-500:]))
    return p.stdout.decode("utf-8").splitlines()


def main():
    exe = sys.argv[1]
    try:
        import dask.bag as db
        from dask.distributed import Client, LocalCluster
    except ImportError as e:
        print("1..0 # SKIP dask.distributed not importable: %s" % e)
        return 77

    lines, ids = make_records(600)
    checks = []
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        workers = len(client.scheduler_info()["workers"])
        checks.append(("cluster has 2 workers", workers == 2, workers))
        bag = db.from_sequence(lines, npartitions=12)
        out = bag.map_partitions(pipe_partition, exe).compute()

    checks.append(("one output line per input line", len(out) == len(lines),
                   "%d in, %d out" % (len(lines), len(out))))
    got = []
    bad = 0
    for line in out:
        rec = json.loads(line)
        got.append(rec.get("id"))
        if "error" in rec:
            bad += 1
        elif not rec.get("sentences"):
            got[-1] = ("no sentences", rec.get("id"))
    counts = {}
    for g in got:
        key = json.dumps(g)
        counts[key] = counts.get(key, 0) + 1
    missing = [i for i in ids if counts.get(json.dumps(i), 0) == 0]
    twice = [k for k, v in counts.items() if v > 1]
    checks.append(("every id comes back", not missing, missing[:5]))
    checks.append(("no id comes back twice", not twice, twice[:5]))
    checks.append(("output in input order", got == ids,
                   next((k for k, (a, b) in enumerate(zip(got, ids)) if a != b), None)))
    want_bad = sum(1 for i in range(len(lines)) if i % 50 in (7, 19))
    checks.append(("bad lines answered with an error", bad == want_bad,
                   "%d errors, %d expected" % (bad, want_bad)))

    print("1..%d" % len(checks))
    failed = 0
    for k, (name, ok, detail) in enumerate(checks, 1):
        print("%s %d - %s%s" % ("ok" if ok else "not ok", k, name,
                                "" if ok else " # %s" % (detail,)))
        failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

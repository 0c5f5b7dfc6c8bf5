#!/usr/bin/env python3
"""tune.py [--build DIR] [--sim-seg] [--cv] [--rl] CONFIG... -- score option sets fast.

Each CONFIG is a string of option settings by name (summ_option_lookup(): the
scoring ones are in summarize_experimental.h), "w_position=1 position_decay=2";
a value list "w_position=0.5,1,2" expands into the grid of all combinations.
Runs the harness tests/bench/tune.c once (every document tokenized once),
feeds it every configuration, and scores the chosen sentences with the
tokenizer of ../shared/eval/rouge.py (ROUGE-1/2 F1 x 100, the same numbers
rouge.sh gives for the same sentences; ROUGE-L only with --rl, it is slow).

Prints, per configuration: BBC R1/R2 over all 2225 articles and per
category, CNN R1/R2 over all 1000 stories and per half (A: id starts with
0-7, B: 8-f). With --cv, cross-validation: for each BBC category c and each
CNN half h, the configuration is chosen on the other four categories and the
other half (the largest BBC R1 among those whose CNN R1 beats Lead-3 on that
half by 0.3, a margin for the difference between halves; if none does, the largest CNN R1), and its scores on c and h are
the held-out figures.
"""
import functools
import itertools
import json
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
shared = os.environ.get("SHARED", os.path.join(root, "..", "shared"))
ev = os.path.join(shared, "eval")
if not os.path.exists(os.path.join(ev, "rouge.py")):
    print("tune.py: skipped: no evaluation data at %s" % ev)
    sys.exit(0)
sys.path.insert(0, ev)
import rouge  # noqa: E402

rouge._STEMMER.stem = functools.lru_cache(maxsize=None)(rouge._STEMMER.stem)
CATS = ("business", "entertainment", "politics", "sport", "tech")


def ngrams(toks, n):
    out = {}
    for i in range(len(toks) - n + 1):
        g = tuple(toks[i:i + n]) if n > 1 else toks[i]
        out[g] = out.get(g, 0) + 1
    return out


def rouge_n(rg, cand, n):
    cg = ngrams(cand, n)
    overlap = sum(min(c, cg.get(g, 0)) for g, c in rg.items())
    p = overlap / max(sum(cg.values()), 1)
    r = overlap / max(sum(rg.values()), 1)
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


class Doc:
    pass


def load(build, sim):
    exe = os.path.join(build, "tests", "tune")
    args = [exe] + (["--sim-seg"] if sim else []) + [
        os.path.join(ev, "bbc", "bbc.jsonl"), os.path.join(ev, "bbc", "lengths.tsv"),
        os.path.join(ev, "cnndm-dev", "cnndm-dev.jsonl"), "3"]
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, encoding="utf-8", errors="replace", bufsize=1)
    refs = {}
    for name in ("bbc/bbc.jsonl", "cnndm-dev/cnndm-dev.jsonl"):
        with open(os.path.join(ev, name), encoding="utf-8") as f:
            for line in f:
                o = json.loads(line)
                refs[o["id"]] = o["summary"]
    docs = []
    for line in proc.stdout:
        line = line.rstrip("\n")
        if line == "READY":
            break
        if line.startswith("D\t"):
            _, did, k, _ = line.split("\t")
            d = Doc()
            d.id, d.k, d.flags, d.toks = did, int(k), [], []
            if "-" in did:
                d.set, d.group = "bbc", did.split("-")[0]
            else:
                d.set, d.group = "cnn", "A" if did[0] in "01234567" else "B"
            ref = rouge.tokenize(refs[did])
            d.ref = ref
            d.ref1, d.ref2 = ngrams(ref, 1), ngrams(ref, 2)
            docs.append(d)
        else:
            _, flags, text = line.split("\t", 2)
            docs[-1].flags.append(int(flags))
            docs[-1].toks.append(rouge.tokenize(text))
    return proc, docs


def evaluate(docs, picks, rl=False):
    """Per-group mean R1/R2 (and RL), plus per-set means."""
    acc = {}
    for d, pick in zip(docs, picks):
        cand = [t for i in pick for t in d.toks[i]]
        r = [rouge_n(d.ref1, cand, 1), rouge_n(d.ref2, cand, 2)]
        if rl:
            r.append(rouge._rouge_l(d.ref, cand)[2])
        for key in (d.set, d.set + ":" + d.group):
            a = acc.setdefault(key, [0, [0.0] * len(r)])
            a[0] += 1
            a[1] = [x + y for x, y in zip(a[1], r)]
    return {k: (n, [100 * x / n for x in s]) for k, (n, s) in acc.items()}


def run(proc, docs, cfg):
    proc.stdin.write(cfg + "\n")
    proc.stdin.flush()
    picks = []
    for line in proc.stdout:
        line = line.rstrip("\n")
        if line == "END":
            break
        f = line.split("\t")[1] if "\t" in line else ""
        picks.append([int(x) for x in f.split()])
    return picks


def lead(docs):
    picks = []
    for d in docs:
        p = [i for i, f in enumerate(d.flags) if not f & 5][:d.k]
        picks.append(p or [0])
    return picks


def expand(cfg):
    parts = [p.split("=", 1) for p in cfg.split()]
    keys = [k for k, _ in parts]
    for vals in itertools.product(*[v.split(",") for _, v in parts]):
        yield " ".join("%s=%s" % kv for kv in zip(keys, vals))


def pooled(res, keys):
    n = sum(res[k][0] for k in keys)
    return sum(res[k][0] * res[k][1][0] for k in keys) / n


def fmt(res):
    b, c = res["bbc"][1], res["cnn"][1]
    s = "BBC %s | CNN %s |" % (" ".join("%.2f" % x for x in b),
                               " ".join("%.2f" % x for x in c))
    s += " " + " ".join("%s %.2f" % (k[:3], res["bbc:" + k][1][0]) for k in CATS)
    s += " | A %.2f B %.2f" % (res["cnn:A"][1][0], res["cnn:B"][1][0])
    return s


def main():
    argv = sys.argv[1:]
    build, sim, cv, rl = os.path.join(root, "build"), False, False, False
    cfgs = []
    while argv:
        a = argv.pop(0)
        if a == "--build":
            build = argv.pop(0)
        elif a == "--sim-seg":
            sim = True
        elif a == "--cv":
            cv = True
        elif a == "--rl":
            rl = True
        else:
            cfgs.extend(expand(a))
    proc, docs = load(build, sim)
    base = evaluate(docs, lead(docs), rl)
    print("%-40s %s" % ("Lead-k (our sentences)", fmt(base)), flush=True)
    results = []
    for cfg in cfgs or [""]:
        res = evaluate(docs, run(proc, docs, cfg), rl)
        results.append((cfg, res))
        print("%-40s %s" % (cfg or "(defaults)", fmt(res)), flush=True)
    proc.stdin.close()
    proc.wait()
    if not cv:
        return
    print("\ncross-validation (fit: 4 categories + other half; held out: the rest)")
    for h, other in (("A", "B"), ("B", "A")):
        bar = base["cnn:" + other][1][0] + 0.3
        for c in CATS:
            train = ["bbc:" + x for x in CATS if x != c]

            def obj(r):
                cnn = r[1]["cnn:" + other][1][0]
                return (cnn > bar, pooled(r[1], train) if cnn > bar else cnn)
            cfg, res = max(results, key=obj)
            print("held out %-13s + CNN %s: %-40s fit BBC %.2f CNN %.2f | held BBC %.2f "
                  "CNN %.2f (Lead-3 %.2f)" % (
                      c, h, cfg, pooled(res, train), res["cnn:" + other][1][0],
                      res["bbc:" + c][1][0], res["cnn:" + h][1][0], base["cnn:" + h][1][0]))


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# keywords.sh [BUILD_DIR] [-- SUMMARIZE_OPTIONS...] -- keyphrase quality and cost.
#
#   quality: F1@5/10/15 (P, R too), macro and micro, against all gold
#            keyphrases, on the development sets of ../shared/eval/keyphrase
#            (inspec-dev: 500 abstracts; semeval2010-train: 144 papers),
#            scored by its score.py (lowercase, Porter stems, exact match).
#            One run per k; printed below: how often -k 5 or -k 10 is not
#            the first keywords of -k 15, and how many documents got fewer
#            than 15.
#   cost:    milliseconds per document with -k 15 and without keywords, on
#            each set, and on the BBC articles (../shared/eval/bbc) with
#            -k 10 and without: keywords should add at most about 20 %.
#            With INSTR=1 (and valgrind), also the instructions per
#            document, counted by callgrind: unlike the times, the same
#            on a loaded machine.
#
# Every run is one process over a JSON Lines file (--jsonl), so the times
# are the library's, not process start-up's; each is the best of REPEAT
# (default 3). Environment: SHARED (default ../shared next to the
# checkout), SETS ("inspec-dev semeval2010-train"), REPEAT, KEEP=DIR to
# keep the predictions (DIR/SET-K.json), INSTR=1 to count instructions.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
shared=${SHARED:-$here/../shared}
kp=$shared/eval/keyphrase
if [ ! -f "$kp/score.py" ]; then
    echo "keywords.sh: skipped: no keyphrase data at $kp"
    exit 0
fi
exe=$build/summarize
[ -x "$exe" ] || { echo "keywords.sh: no $exe; build first" >&2; exit 2; }

exec python3 - "$exe" "$shared" "${SETS:-inspec-dev semeval2010-train}" "${REPEAT:-3}" \
    "${KEEP:-}" "${INSTR:-}" "$@" <<'EOF'
import json, os, re, shutil, subprocess, sys, tempfile, time

exe, shared, sets, repeat, keep, count = sys.argv[1:7]
extra = sys.argv[7:]
if count and not shutil.which("valgrind"):
    print("keywords.sh: INSTR=1 needs valgrind; instructions not counted", file=sys.stderr)
    count = ""
sets, repeat = sets.split(), int(repeat)
kp = os.path.join(shared, "eval", "keyphrase")
work = keep or tempfile.mkdtemp()
os.makedirs(work, exist_ok=True)


def jsonl(path, docs):
    with open(path, "w", encoding="utf-8") as f:
        for i, text in docs:
            f.write(json.dumps({"id": i, "text": text}) + "\n")


def run(path, args):
    """(stdout, best wall time) of summarize --jsonl args < path."""
    best, out = None, None
    for _ in range(repeat):
        with open(path, "rb") as f:
            t = time.perf_counter()
            p = subprocess.run([exe, "--jsonl", "-n", "1"] + args + extra, stdin=f,
                               capture_output=True, check=True)
            dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
        out = p.stdout
    return out, best


def instructions(path, args):
    """Instructions of summarize --jsonl args < path, counted by callgrind
    (None unless INSTR=1)."""
    if not count:
        return None
    with open(path, "rb") as f:
        p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", exe,
                            "--jsonl", "-n", "1"] + args + extra, stdin=f,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    m = re.search(rb"Collected : (\d+)", p.stderr)
    return int(m.group(1)) if m else None


def read_docs(d):
    names = sorted(n for n in os.listdir(d) if n.endswith(".txt"))
    return [(n[:-4], open(os.path.join(d, n), encoding="utf-8").read()) for n in names]


print("| set | k | docs | macro P | macro R | macro F1 | micro P | micro R | micro F1 |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
times, notes = [], []
for s in sets:
    sdir = os.path.join(kp, s)
    if not os.path.isdir(sdir):
        print("keywords.sh: %s: not found, skipped" % sdir, file=sys.stderr)
        continue
    docs = read_docs(os.path.join(sdir, "docs"))
    src = os.path.join(work, s + ".jsonl")
    jsonl(src, docs)
    preds = {}
    for k in (5, 10, 15):
        out, t = run(src, ["-k", str(k)])
        if k == 15:
            t_kw = t
        pred = {}
        for line in out.decode("utf-8").splitlines():
            o = json.loads(line)
            pred[o["id"]] = [kw["text"] for kw in o.get("keywords", [])]
        preds[k] = pred
        pj = os.path.join(work, "%s-%d.json" % (s, k))
        with open(pj, "w", encoding="utf-8") as f:
            json.dump(pred, f, ensure_ascii=False)
        r = subprocess.run([sys.executable, os.path.join(kp, "score.py"), "--gold",
                            os.path.join(sdir, "gold.json"), "--pred", pj, "--json",
                            "--k", str(k)], capture_output=True, check=True)
        for row in json.loads(r.stdout)["results"]:
            if row["subset"] == "all":
                print("| %s | %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |" % (
                    s, k, row["docs"], row["macroP"], row["macroR"], row["macroF"],
                    row["microP"], row["microR"], row["microF"]))
    _, t_none = run(src, [])
    cut = sum(1 for i in preds[15] for k in (5, 10) if preds[k].get(i) != preds[15][i][:k])
    short = sum(1 for i in preds[15] if len(preds[15][i]) < 15)
    notes.append("%s: -k 5 or -k 10 not the first keywords of -k 15: %d of %d runs; "
                 "fewer than 15 keywords: %d documents" % (s, cut, 2 * len(preds[15]), short))
    times.append((s, len(docs), t_kw, t_none, "-k 15", instructions(src, ["-k", "15"]),
                  instructions(src, [])))
    os.remove(src)

bbc = os.path.join(shared, "eval", "bbc", "articles")
if os.path.isdir(bbc):
    src = os.path.join(work, "bbc.jsonl")
    jsonl(src, read_docs(bbc))
    n = sum(1 for _ in open(src, encoding="utf-8"))
    _, t_kw = run(src, ["-k", "10"])
    _, t_none = run(src, [])
    times.append(("bbc", n, t_kw, t_none, "-k 10", instructions(src, ["-k", "10"]),
                  instructions(src, [])))
    os.remove(src)
else:
    print("keywords.sh: BBC timing skipped: no %s" % bbc, file=sys.stderr)

print()
for n in notes:
    print(n)
print()
print("| set | docs | keywords | ms/doc with | ms/doc without | added |")
print("|---|---:|---|---:|---:|---:|")
for s, n, a, b, k, _, _ in times:
    print("| %s | %d | %s | %.3f | %.3f | %+.1f %% |" % (s, n, k, 1e3 * a / n, 1e3 * b / n,
                                                      100 * (a - b) / b))
if count:
    print()
    print("| set | docs | keywords | instructions/doc with | without | added |")
    print("|---|---:|---|---:|---:|---:|")
    for s, n, _, _, k, a, b in times:
        if a and b:
            print("| %s | %d | %s | %.0f | %.0f | %+.1f %% |" % (s, n, k, a / n, b / n,
                                                             100 * (a - b) / b))
if not keep:
    for f in os.listdir(work):
        os.remove(os.path.join(work, f))
    os.rmdir(work)
EOF

#!/usr/bin/python3
"""python.py BUILD [N] -- the Python module's speed on the BBC set.

Run with the interpreter the module was built for (/usr/bin/python3 on
Debian), from the checkout: `tests/bench/python.py build`. Prints
  - the time per document from Python, in the process (summarize() on each
    of the 2225 articles of ../shared/eval/bbc/articles, 3 sentences), and
    per process as a script would run it (interpreter start + import +
    one article), next to the peers' figures of ../shared/peers/README.md,
    which are per process too;
  - the thread scaling: the whole set on 1 and 2 threads
    (ThreadPoolExecutor; the GIL is released around the library's work);
  - sumy and summa live on the same articles, when they can be imported
    (they are not in Debian and there is no PyPI here; the peers' README
    has their figures, measured on this kind of machine).
N limits the number of articles. Skips, with a message, when the set is
absent. SHARED: the shared folder (default ../shared next to the
checkout). Figures, not a test: the machine is shared.
"""
import concurrent.futures as cf
import os
import pathlib
import resource
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARED = pathlib.Path(os.environ.get("SHARED", ROOT.parent / "shared"))
BBC = SHARED / "eval" / "bbc" / "articles"
PEERS = SHARED / "peers" / "README.md"


def load(limit):
    if not BBC.is_dir():
        print("python.py: %s not found: skipped" % BBC)
        sys.exit(0)
    files = sorted(BBC.glob("*.txt"))[:limit]
    return files, [f.read_text(encoding="utf-8") for f in files]


def per_document(summarize, docs):
    times = []
    for d in docs:
        t0 = time.perf_counter()
        summarize.summarize(d, 3)
        times.append(time.perf_counter() - t0)
    return times


def per_process(build, files, n=30):
    code = "import sys, summarize; summarize.summarize(open(sys.argv[1], encoding='utf-8').read(), 3)"
    env = dict(os.environ, PYTHONPATH=str(build / "python"))
    walls = []
    for f in files[:n]:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, str(f)], env=env, check=True)
        walls.append(time.perf_counter() - t0)
    bare = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - t0)
    return statistics.median(walls), statistics.median(bare)


def threads(summarize, docs, n, rounds=3):
    """Best wall time of a few rounds, and the CPU time of that round over
    its wall time: about n when n threads really run at once (less when
    other work holds the cores)."""
    best = None
    for _ in range(rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        with cf.ThreadPoolExecutor(max_workers=n) as pool:
            for _ in pool.map(summarize.summarize, docs, chunksize=16):
                pass
        t, c = time.perf_counter() - t0, time.process_time() - c0
        if best is None or t < best[0]:
            best = (t, c / t)
    return best


def peer_live(docs):
    """sumy and summa on the same articles, if importable."""
    out = []
    try:
        from summa import summarizer as summa_summarizer
    except ImportError:
        out.append(("summa", None))
    else:
        t0 = time.perf_counter()
        for d in docs:
            summa_summarizer.summarize(d, words=60)
        out.append(("summa", (time.perf_counter() - t0) / len(docs)))
    try:
        from sumy.nlp.tokenizers import Tokenizer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.summarizers.text_rank import TextRankSummarizer
        tok = Tokenizer("english")  # needs NLTK's punkt data
    except Exception:  # ImportError, or LookupError for the missing data
        out.append(("sumy TextRank", None))
    else:
        s = TextRankSummarizer()
        t0 = time.perf_counter()
        for d in docs:
            s(PlaintextParser.from_string(d, tok).document, 3)
        out.append(("sumy TextRank", (time.perf_counter() - t0) / len(docs)))
    return out


def peers_table():
    """The 3 kB column of the peers' README: name -> seconds per process."""
    rows = {}
    if not PEERS.is_file():
        return rows
    for line in PEERS.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        words = cells[1].split() if len(cells) > 1 else []
        if len(words) >= 2 and words[1] == "s":
            try:
                rows[cells[0]] = float(words[0])
            except ValueError:
                pass
    return rows


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    build = pathlib.Path(sys.argv[1]).resolve()
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
    sys.path.insert(0, str(build / "python"))
    import summarize

    files, docs = load(limit)
    size = statistics.median(len(d.encode("utf-8")) for d in docs)
    print("summarize %s (%s), Python %s, %d CPUs; %d BBC articles, median %.1f kB"
          % (summarize.__version__, summarize.__file__, sys.version.split()[0],
             os.cpu_count() or 0, len(docs), size / 1000))

    per_document(summarize, docs[:200])  # warm up the pool's caches
    times = per_document(summarize, docs)
    med, mean = statistics.median(times), statistics.fmean(times)
    print("in the process: median %.3f ms, mean %.3f ms per article (%d articles/s on one thread)"
          % (med * 1e3, mean * 1e3, len(docs) / sum(times)))

    wall, bare = per_process(build, files)
    print("per process (start python, import, one article): median %.1f ms "
          "(python -c pass alone: %.1f ms)" % (wall * 1e3, bare * 1e3))

    (one, cpu1), (two, cpu2) = threads(summarize, docs, 1), threads(summarize, docs, 2)
    print("threads: 1: %.3f s (%d articles/s, CPU/wall %.2f), 2: %.3f s (%d articles/s, "
          "CPU/wall %.2f): x%.2f; load average %.1f"
          % (one, len(docs) / one, cpu1, two, len(docs) / two, cpu2, one / two,
             os.getloadavg()[0]))
    print("peak RSS %.1f MB" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))

    for name, t in peer_live(docs[:100]):
        if t is None:
            print("%s: not importable here (not in Debian; no PyPI): see below" % name)
        else:
            print("%s live, in the process: %.1f ms per article (x%.0f ours)"
                  % (name, t * 1e3, t / mean))
    table = peers_table()
    if table:
        print("peers, per process on a 3 kB article (%s):" % PEERS)
        for name, t in table.items():
            print("  %-28s %.3f s: x%.1f our per-process time" % (name, t, t / wall))


if __name__ == "__main__":
    main()

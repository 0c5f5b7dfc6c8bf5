#!/usr/bin/env bash
# speed.sh [BUILD_DIR] -- speed and memory figures (printed, never asserted).
#
#   (a) vs OTS: per-article wall time over 300 BBC articles, one process
#       each; and the first 300 kB of a novel. Targets: >= 2x and >= 30x.
#   (b) scaling: 1 MB and 16 MB of book text (the long texts concatenated
#       over and over). Targets: 1 MB <= 0.15 s, time growing at most 1.5x
#       faster than size, 16 MB < 2.5 s, peak memory < 40x the input.
#   (c) batch: documents/s over all BBC articles in --jsonl mode, -j 1 and
#       -j 2. Target: 10,000 documents/s with -j 2.
#
# Times are the best of REPEAT runs (default 3), wall clock; CPU time
# (user + system) is printed next to it. The machine's load is printed
# first: on a busy machine the wall times are worse than they can be.
# Environment: SHARED (default ../shared next to the checkout), REPEAT,
# OTS=0 to skip the OTS runs (they take about 15 s).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
shared=${SHARED:-$here/../shared}
exe=$build/summarize
if [ ! -d "$shared/eval/bbc/articles" ] || [ ! -d "$shared/eval/long" ]; then
    echo "speed.sh: skipped: no evaluation data at $shared/eval"
    exit 0
fi
[ -x "$exe" ] || { echo "speed.sh: no $exe; build first" >&2; exit 2; }

exec python3 - "$exe" "$shared" "${REPEAT:-3}" "${OTS:-1}" <<'EOF'
import glob, os, re, shutil, subprocess, sys, tempfile, time

exe, shared, repeat, use_ots = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] != "0"
DEVNULL = subprocess.DEVNULL
ots_sh = os.path.join(shared, "peers", "ots.sh")
have_ots = use_ots and shutil.which("ots") is not None and os.path.exists(ots_sh)
gnu_time = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run(cmd):
    """(wall, cpu) seconds of one run of cmd."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=DEVNULL, stderr=DEVNULL)
    _, _, ru = os.wait4(p.pid, 0)
    return time.perf_counter() - t, ru.ru_utime + ru.ru_stime


def wall(cmd):
    return run(cmd)[0]


def best_of(f, n=repeat):
    """The best (wall, cpu) of n calls of f."""
    got = [f() for _ in range(n)]
    return min(g[0] for g in got), min(g[1] for g in got)


def peak_kb(cmd):
    """Peak resident memory of cmd in kB (GNU time -v), or None."""
    if not gnu_time:
        return None
    p = subprocess.run([gnu_time, "-v"] + cmd, stdout=DEVNULL, stderr=subprocess.PIPE,
                       check=False)
    m = re.search(rb"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    return int(m.group(1)) if m else None


def verdict(ok):
    return "met" if ok else "MISSED"


def prefix_file(src_text, size, path):
    """The first size bytes of src_text, cut after the last full line."""
    data = src_text[:size]
    cut = data.rfind(b"\n")
    data = data[:cut + 1] if cut > 0 else data
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


print("load average: %s; CPUs: %d" % (" ".join("%.2f" % x for x in os.getloadavg()),
                                      os.cpu_count() or 0))
tmp = tempfile.mkdtemp(prefix="summ-speed.")
try:
    # ---- (a) vs OTS ------------------------------------------------------
    articles = sorted(glob.glob(os.path.join(shared, "eval/bbc/articles/*.txt")))[:300]
    novels = sorted(glob.glob(os.path.join(shared, "eval/long/*.txt")))
    with open(novels[0], "rb") as f:
        novel = f.read()
    n300 = prefix_file(novel, 300_000, os.path.join(tmp, "300k.txt"))
    print("\n== (a) vs OTS: %d BBC articles, one process each; %s, first %d bytes"
          % (len(articles), os.path.basename(novels[0]), n300))

    def loop(cmd_of):
        def f():
            runs = [run(cmd_of(a)) for a in articles]
            return (sum(r[0] for r in runs) / len(runs), sum(r[1] for r in runs) / len(runs))
        return f

    p300 = os.path.join(tmp, "300k.txt")
    ours_art = best_of(loop(lambda a: [exe, "-n", "3", a]))[0]
    ours_300 = best_of(lambda: run([exe, "-n", "3", p300]), 5)[0]
    print("%-34s %12s %12s" % ("", "per article", "300 kB"))
    print("%-34s %10.2f ms %10.3f s" % ("summarize -n 3", ours_art * 1e3, ours_300))
    if have_ots:
        ots_art = best_of(loop(lambda a: [ots_sh, "3", a]), 1)[0]
        ots_300 = wall([ots_sh, "3", p300])
        raw_art = best_of(loop(lambda a: ["ots", "--html", "--ratio=0", a]), 1)[0]
        print("%-34s %10.2f ms %10.3f s" % ("OTS (peers/ots.sh 3 FILE)", ots_art * 1e3, ots_300))
        print("%-34s %10.2f ms %12s" % ("OTS binary alone (ots --html -r 0)", raw_art * 1e3, "-"))
        print("speed-up vs ots.sh: %.1fx per article (target 2x: %s), %.0fx on 300 kB "
              "(target 30x: %s)" % (ots_art / ours_art, verdict(ots_art / ours_art >= 2),
                                    ots_300 / ours_300, verdict(ots_300 / ours_300 >= 30)))
        print("speed-up vs the bare ots binary: %.1fx per article" % (raw_art / ours_art))
    else:
        print("OTS: skipped (OTS=0, or `ots` not installed: apt-get install ots)")

    # ---- (b) scaling -------------------------------------------------------
    book = b"".join(open(p, "rb").read() for p in novels)
    sizes = {"1 MB": 1 << 20, "16 MB": 16 << 20}
    print("\n== (b) scaling: the long texts concatenated over and over")
    print("%-8s %12s %10s %10s %12s %10s" % ("input", "bytes", "wall", "cpu", "peak RSS",
                                            "RSS/input"))
    res = {}
    for name, size in sizes.items():
        path = os.path.join(tmp, name.replace(" ", "") + ".txt")
        n = prefix_file(book * (size // len(book) + 1), size, path)
        t, c = best_of(lambda: run([exe, path]))
        kb = peak_kb([exe, path])
        res[name] = (n, t, c, kb)
        print("%-8s %12d %8.3f s %8.3f s %9s kB %9s"
              % (name, n, t, c, kb if kb else "?", "%.1fx" % (kb * 1024 / n) if kb else "?"))
    (n1, t1, c1, k1), (n16, t16, c16, k16) = res["1 MB"], res["16 MB"]
    growth = (t16 / t1) / (n16 / n1)
    print("1 MB in %.3f s (target <= 0.15 s: %s)" % (t1, verdict(t1 <= 0.15)))
    print("16 MB in %.3f s (target < 2.5 s: %s)" % (t16, verdict(t16 < 2.5)))
    print("wall time x%.1f for size x%.1f: grows %.2fx as fast as size (target <= 1.5: %s)"
          % (t16 / t1, n16 / n1, growth, verdict(growth <= 1.5)))
    if c1 > 0:
        print("cpu time  x%.1f for size x%.1f: grows %.2fx as fast as size"
              % (c16 / c1, n16 / n1, (c16 / c1) / (n16 / n1)))
    if k16:
        print("peak memory %.1fx the 16 MB input (target < 40x: %s)"
              % (k16 * 1024 / n16, verdict(k16 * 1024 / n16 < 40)))
    else:
        print("peak memory: /usr/bin/time missing (apt-get install time)")

    # ---- (c) batch ---------------------------------------------------------
    jsonl = os.path.join(shared, "eval/bbc/bbc.jsonl")
    ndocs = sum(1 for _ in open(jsonl, "rb"))
    print("\n== (c) batch: %d BBC articles, --jsonl" % ndocs)
    for j in (1, 2):
        t, c = best_of(lambda: run([exe, "--jsonl", "-j", str(j), jsonl]))
        line = "-j %d: %.3f s (cpu %.3f s), %6.0f documents/s" % (j, t, c, ndocs / t)
        if j == 2:
            line += " (target 10,000/s: %s)" % verdict(ndocs / t >= 10_000)
        print(line)
finally:
    shutil.rmtree(tmp, ignore_errors=True)
EOF

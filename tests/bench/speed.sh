#!/usr/bin/env bash
# speed.sh [BUILD_DIR] -- speed and memory figures (printed, never asserted).
#
#   (a) vs OTS: per-article wall time over 300 BBC articles, one process
#       each; and the first 300 kB of a novel. Targets: >= 2x and >= 30x.
#   (b) scaling: 1 MB and 16 MB of book text (the long texts concatenated
#       over and over). Targets: 1 MB <= 0.15 s, time growing at most 1.5x
#       faster than size, 16 MB < 2.5 s, peak memory < 40x the input.
#   (c) batch: documents/s in --jsonl mode with -j 1 and -j 2, on the BBC
#       articles five times over (uniform input), and on the same with a
#       1 MB book every 500 articles. Targets: 30,000 documents/s with
#       -j 2 on uniform input; -j 2 at least 1.8x -j 1 there, and 1.7x
#       with the books.
#   (d) start-up: a tiny file, against cat: the median of STARTUP_RUNS
#       runs of each (default 600) through hyperfine, in rounds of 50 that
#       alternate the two commands, so that a change of load hits both.
#       Target: at most 1.15x cat.
#   (e) floor: the floor program (tests/bench/floor.c: read + JSON + UTF-8
#       + words + hash + cached Snowball stems) against --jsonl -j 1 on
#       the input of (c), CPU time (the steadier figure on a shared
#       machine); with CALLGRIND=1 also instructions per article on the
#       first 500 BBC articles (valgrind --tool=callgrind: the same count
#       however loaded the machine is). Target: the tool within 2.5x.
#   (f) length options: -r 0.2, -r 1 and -w 20000 on 1 MB and 4 MB of
#       book text. Targets: each grows at most 4.8x; -r 1 on 4 MB < 1 s.
#
# Times are the best of REPEAT runs (default 3); CPU time (user + system)
# is printed next to wall time. The machine's load is printed first: on a
# busy machine wall times, and -j 2 most of all, are worse than they can be.
# Environment: SHARED (default ../shared next to the checkout), REPEAT,
# OTS=0 to skip the OTS runs (they take about 15 s), SECTIONS (default
# "a b c d e f"), STARTUP_RUNS, CALLGRIND=1, FLOOR (the floor program,
# default BUILD_DIR/tests/floor).
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

exec python3 - "$exe" "$shared" "${REPEAT:-3}" "${OTS:-1}" "${SECTIONS:-a b c d e f}" \
    "${STARTUP_RUNS:-600}" "${CALLGRIND:-0}" "${FLOOR:-$build/tests/floor}" <<'EOF'
import glob, json, os, re, shutil, statistics, subprocess, sys, tempfile, time

exe, shared, repeat, use_ots = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] != "0"
sections = set(sys.argv[5].split())
startup_runs, use_callgrind, floor_exe = int(sys.argv[6]), sys.argv[7] == "1", sys.argv[8]
DEVNULL = subprocess.DEVNULL
ots_sh = os.path.join(shared, "peers", "ots.sh")
have_ots = use_ots and shutil.which("ots") is not None and os.path.exists(ots_sh)
gnu_time = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run(cmd, stdin=None):
    """(wall, cpu) seconds of one run of cmd."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=stdin, stdout=DEVNULL, stderr=DEVNULL)
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


def callgrind_instructions(cmd):
    """Instructions cmd executes (valgrind --tool=callgrind), or None."""
    if not shutil.which("valgrind"):
        return None
    out = os.path.join(tmp, "callgrind.out")
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + cmd,
                       stdout=DEVNULL, stderr=subprocess.PIPE, check=False)
    m = re.search(rb"Collected : (\d+)", p.stderr)
    return int(m.group(1)) if m else None


print("load average: %s; CPUs: %d" % (" ".join("%.2f" % x for x in os.getloadavg()),
                                      os.cpu_count() or 0))
tmp = tempfile.mkdtemp(prefix="summ-speed.")
novels = sorted(glob.glob(os.path.join(shared, "eval/long/*.txt")))
book = b"".join(open(p, "rb").read() for p in novels)
bbc_jsonl = os.path.join(shared, "eval/bbc/bbc.jsonl")
with open(bbc_jsonl, "rb") as f:
    bbc_lines = f.read().splitlines()


def book_text(size):
    """size bytes of book text (the novels over and over), whole lines."""
    data = (book * (size // len(book) + 1))[:size]
    return data[:data.rfind(b"\n") + 1]


def section_a():
    articles = sorted(glob.glob(os.path.join(shared, "eval/bbc/articles/*.txt")))[:300]
    with open(novels[0], "rb") as f:
        novel = f.read()
    p300 = os.path.join(tmp, "300k.txt")
    n300 = prefix_file(novel, 300_000, p300)
    print("\n== (a) vs OTS: %d BBC articles, one process each; %s, first %d bytes"
          % (len(articles), os.path.basename(novels[0]), n300))

    def loop(cmd_of):
        def f():
            runs = [run(cmd_of(a)) for a in articles]
            return (sum(r[0] for r in runs) / len(runs), sum(r[1] for r in runs) / len(runs))
        return f

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


def section_b():
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


def batch_inputs():
    """The inputs of (c) and (e): (path, documents) of the uniform input
    and of the one with books."""
    uniform = os.path.join(tmp, "bbc5.jsonl")
    mixed = os.path.join(tmp, "bbc5-books.jsonl")
    if not os.path.exists(uniform):
        with open(uniform, "wb") as f:
            for _ in range(5):
                f.write(b"".join(l + b"\n" for l in bbc_lines))
        rec = json.dumps({"id": "book", "text": book_text(1 << 20).decode()}).encode() + b"\n"
        with open(mixed, "wb") as f:
            n = 0
            for _ in range(5):
                for l in bbc_lines:
                    f.write(l + b"\n")
                    n += 1
                    if n % 500 == 0:
                        f.write(rec)
    count = lambda p: sum(1 for _ in open(p, "rb"))
    return (uniform, count(uniform)), (mixed, count(mixed))


def section_c():
    (uniform, nu), (mixed, nm) = batch_inputs()
    print("\n== (c) batch, --jsonl: BBC x5 (%d documents), and with a 1 MB book every 500"
          " (%d documents)" % (nu, nm))
    for label, path, ndocs, target in (("uniform", uniform, nu, 1.8), ("books", mixed, nm, 1.7)):
        got = {}
        for j in (1, 2):
            t, c = best_of(lambda: run([exe, "--jsonl", "-j", str(j), path]))
            got[j] = t
            line = "%-8s -j %d: %6.3f s (cpu %6.3f s), %6.0f documents/s" % (
                label, j, t, c, ndocs / t)
            if j == 2 and label == "uniform":
                line += " (target 30,000/s: %s)" % verdict(ndocs / t >= 30_000)
            print(line)
        print("%-8s -j 2 is %.2fx -j 1 (target %.1fx: %s)"
              % (label, got[1] / got[2], target, verdict(got[1] / got[2] >= target)))


def section_d():
    if not shutil.which("hyperfine"):
        print("\n== (d) start-up: skipped (hyperfine not installed: apt-get install hyperfine)")
        return
    tiny = os.path.join(tmp, "tiny.txt")
    with open(tiny, "w") as f:
        f.write("A tiny file. It has two sentences.\n")
    cmds = {"cat": ["cat", tiny], "summarize": [exe, tiny]}
    times = {k: [] for k in cmds}
    rounds = max(1, startup_runs // 50)
    for _ in range(rounds):
        for k, cmd in cmds.items():
            out = os.path.join(tmp, "hf.json")
            subprocess.run(["hyperfine", "-N", "--warmup", "5", "--runs", "50", "--export-json",
                            out, " ".join(cmd)], stdout=DEVNULL, stderr=DEVNULL, check=True)
            with open(out) as f:
                times[k] += json.load(f)["results"][0]["times"]
    med = {k: statistics.median(v) for k, v in times.items()}
    ratio = med["summarize"] / med["cat"]
    print("\n== (d) start-up on a tiny file: median of %d runs each" % len(times["cat"]))
    print("cat %.3f ms, summarize %.3f ms: %.2fx cat (target <= 1.15x: %s)"
          % (med["cat"] * 1e3, med["summarize"] * 1e3, ratio, verdict(ratio <= 1.15)))
    if use_callgrind:
        ic, isumm = callgrind_instructions(cmds["cat"]), callgrind_instructions(cmds["summarize"])
        if ic and isumm:
            print("instructions: cat %d, summarize %d (%.2fx)" % (ic, isumm, isumm / ic))


def section_e():
    (uniform, nu), _ = batch_inputs()
    print("\n== (e) floor: %s against --jsonl -j 1, on BBC x5 (%d documents)"
          % (os.path.basename(floor_exe), nu))
    if not os.access(floor_exe, os.X_OK):
        print("floor program missing (%s): build the tests" % floor_exe)
        return
    tf, cf = best_of(lambda: run([floor_exe, uniform]), max(repeat, 5))
    tt, ct = best_of(lambda: run([exe, "--jsonl", "-j", "1", uniform]), max(repeat, 5))
    print("floor: %.3f s wall, %.3f s cpu; summarize: %.3f s wall, %.3f s cpu" % (tf, cf, tt, ct))
    print("summarize is %.2fx the floor in cpu time (target <= 2.5x: %s), %.2fx in wall time"
          % (ct / cf, verdict(ct / cf <= 2.5), tt / tf))
    if use_callgrind:
        first = os.path.join(tmp, "bbc500.jsonl")
        with open(first, "wb") as f:
            f.write(b"".join(l + b"\n" for l in bbc_lines[:500]))
        i_f = callgrind_instructions([floor_exe, first])
        i_t = callgrind_instructions([exe, "--jsonl", first])
        if i_f and i_t:
            print("instructions per article (first 500): floor %.0f, summarize %.0f (%.2fx)"
                  % (i_f / 500, i_t / 500, i_t / i_f))


def section_f():
    print("\n== (f) length options on book text")
    paths = {}
    for mb in (1, 4):
        paths[mb] = os.path.join(tmp, "book%dmb.txt" % mb)
        with open(paths[mb], "wb") as f:
            f.write(book_text(mb << 20))
    for opts in (["-r", "0.2"], ["-r", "1"], ["-w", "20000"]):
        t = {mb: best_of(lambda: run([exe] + opts + [paths[mb]]))[0] for mb in paths}
        g = t[4] / t[1]
        line = "%-10s 1 MB %7.3f s, 4 MB %7.3f s: x%.1f (target <= 4.8: %s)" % (
            " ".join(opts), t[1], t[4], g, verdict(g <= 4.8))
        if opts == ["-r", "1"]:
            line += "; 4 MB under 1 s: %s" % verdict(t[4] < 1)
        print(line)


try:
    for name, f in (("a", section_a), ("b", section_b), ("c", section_c), ("d", section_d),
                    ("e", section_e), ("f", section_f)):
        if name in sections:
            f()
            sys.stdout.flush()
finally:
    shutil.rmtree(tmp, ignore_errors=True)
EOF

#!/usr/bin/env bash
# soak.sh [BUILD_DIR] -- a long run of the batch filter: RECORDS (default
# 1,000,000) JSON Lines records through `summarize --jsonl -j JOBS`
# (default 2), fed and read at the same time through pipes, as a
# distributed engine would. Prints (never asserts) the throughput, the
# resident memory of the process over the run (sampled twice a second:
# first, at 10 %, at 50 %, peak, last) and whether it stayed flat (the
# peak after the first tenth at most 1.2x the memory at the first tenth),
# and checks that every id came back once, in order (the exit status is
# 1 if not). The records are the BBC articles (../shared/eval/bbc) with
# new ids, a bad line every 10,007 records, or made-up text without the
# evaluation data.
# Environment: SHARED, RECORDS, JOBS.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
shared=${SHARED:-$here/../shared}
exe=$build/summarize
[ -x "$exe" ] || { echo "soak.sh: no $exe; build first" >&2; exit 2; }

exec python3 - "$exe" "$shared/eval/bbc/bbc.jsonl" "${RECORDS:-1000000}" "${JOBS:-2}" <<'EOF'
import json, os, random, subprocess, sys, threading, time

exe, bbc, nrec, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

if os.path.exists(bbc):
    texts = [json.dumps(json.loads(l)["text"]).encode() for l in open(bbc, "rb")]
    source = "BBC articles"
else:
    rnd = random.Random(1)
    words = "river town rain flood council bridge market school report vote".split()
    texts = [json.dumps(" ".join(" ".join(rnd.choice(words) for _ in range(12)).capitalize()
                                 + "." for _ in range(20))).encode() for _ in range(500)]
    source = "made-up texts (no ../shared/eval/bbc)"
BAD_EVERY = 10007


def feed(pipe):
    try:
        chunk = []
        for i in range(nrec):
            if i % BAD_EVERY == BAD_EVERY - 1:
                chunk.append(b'{"id":%d,"text":' % i + b'42}\n')  # bad: text not a string
            else:
                chunk.append(b'{"id":%d,"text":' % i + texts[i % len(texts)] + b'}\n')
            if len(chunk) == 256:
                pipe.write(b"".join(chunk))
                chunk = []
        pipe.write(b"".join(chunk))
        pipe.close()
    except BrokenPipeError:
        pass


rss = []  # (records answered so far, kB)
done = [0]


def sample(pid, stop):
    while not stop.is_set():
        try:
            with open("/proc/%d/status" % pid) as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        rss.append((done[0], int(line.split()[1])))
        except OSError:
            break
        stop.wait(0.5)


print("soak: %d records (%s) through %s --jsonl -j %s" % (nrec, source, exe, jobs))
t0 = time.perf_counter()
p = subprocess.Popen([exe, "--jsonl", "-j", jobs], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.DEVNULL, bufsize=1 << 20)
stop = threading.Event()
threads = [threading.Thread(target=feed, args=(p.stdin,)),
           threading.Thread(target=sample, args=(p.pid, stop))]
for t in threads:
    t.start()
problems, errors = [], 0
for line in p.stdout:
    n = done[0]
    head = line[:32]
    if not head.startswith(b'{"id":'):
        problems.append("line %d: %r" % (n + 1, line[:80]))
        break
    ident = head[6:head.index(b",")]
    if ident != b"%d" % n:
        problems.append("line %d answers id %s" % (n + 1, ident.decode()))
        break
    errors += b'"error"' in line[:64]
    done[0] = n + 1
rc = p.wait()
stop.set()
for t in threads:
    t.join()
secs = time.perf_counter() - t0
if done[0] != nrec and not problems:
    problems.append("%d answers for %d records" % (done[0], nrec))
want_errors = nrec // BAD_EVERY
if errors != want_errors:
    problems.append("%d error lines, expected %d" % (errors, want_errors))

print("%d records in %.1f s: %.0f records/s; exit status %d (1: the bad records)"
      % (done[0], secs, done[0] / secs, rc))


def at(frac):
    """RSS when frac of the records had been answered."""
    for n, kb in rss:
        if n >= frac * nrec:
            return kb
    return rss[-1][1] if rss else 0


if rss:
    tenth = at(0.1)
    later = max(kb for n, kb in rss if n >= 0.1 * nrec) if any(n >= 0.1 * nrec for n, _ in rss) else tenth
    print("RSS (MB): first %.1f, at 10%% %.1f, at 50%% %.1f, peak %.1f, last %.1f; %d samples"
          % (rss[0][1] / 1024, tenth / 1024, at(0.5) / 1024, max(kb for _, kb in rss) / 1024,
             rss[-1][1] / 1024, len(rss)))
    print("memory flat after the first tenth: %s (peak after it %.2fx the RSS at 10%%)"
          % ("yes" if later <= 1.2 * tenth else "NO", later / tenth if tenth else 0))
print("every id once, in order: %s" % ("yes" if not problems else "NO: " + problems[0]))
sys.exit(1 if problems else 0)
EOF

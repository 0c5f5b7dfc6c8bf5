"""Threads: the GIL is released while the library works, so threads
summarize at once; results do not depend on which thread or pooled
context ran them. The speed-up is printed, not asserted (the machine is
shared)."""
import concurrent.futures as cf
import os
import threading
import time

import summarize
from conftest import SCRIPTS


def long_text(example, n):
    """n variations of the example article: a long text, new words in each
    copy so that the graph does not collapse."""
    parts = []
    for i in range(n):
        parts.append(example.replace("Riverton", "Riverton%d" % i).replace("library",
                                                                             "library%d" % (i % 7)))
    return "\n\n".join(parts)


def test_gil_released_during_a_call(example):
    """While a thread is inside a long call, another thread runs Python.

    The main thread sleeps briefly and then needs the GIL to go on: if the
    call held it, the main thread could only wake once the call returned,
    so its wake-up time would come after the call's end. Tried a few times,
    as the machine may be busy; a call that holds the GIL can never pass."""
    text = long_text(example, 1500)
    t0 = time.perf_counter()
    summarize.summarize(text)
    alone = time.perf_counter() - t0
    seen = []
    for _ in range(5):
        started, times = threading.Event(), {}

        def worker():
            started.set()
            summarize.summarize(text)
            times["end"] = time.perf_counter()

        th = threading.Thread(target=worker)
        th.start()
        started.wait()
        time.sleep(alone / 10)
        woke = time.perf_counter()
        th.join()
        seen.append(times["end"] - woke)
        if seen[-1] > alone / 4:
            break
    assert seen[-1] > alone / 4, \
        "the main thread only woke when the call was over (%s; a call takes %.3f s)" % (
            ", ".join("%.4f" % x for x in seen), alone)


def texts(example):
    out = [t for t, _ in SCRIPTS.values()]
    out += [example, example.encode("utf-8"), long_text(example, 5)]
    return out


def signature(r):
    return [(s.start, s.end, s.byte_offset, s.text, s.score) for s in r], \
           [(k.text, k.start) for k in r.keywords], r.language


def test_threads_give_the_same_results(example):
    work = texts(example) * 20
    expected = [signature(summarize.summarize(t, keywords=3)) for t in work]
    with cf.ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda t: signature(summarize.summarize(t, keywords=3)), work))
    assert got == expected


def test_mixed_options_across_threads(example):
    """Pooled contexts are reset between calls: options never leak from one
    thread's call to another's."""
    def call(i):
        n = 1 + i % 4
        lang = ("en", "de", "auto", "none")[i % 4]
        r = summarize.summarize(example, n, language=lang)
        return len(r), r.language

    with cf.ThreadPoolExecutor(max_workers=6) as pool:
        got = list(pool.map(call, range(200)))
    assert got == [(1 + i % 4, ("en", "de", "en", "und")[i % 4]) for i in range(200)]


def test_one_summarizer_shared_by_threads(example):
    """Not the recommended use, but safe: the calls wait for each other."""
    s = summarize.Summarizer(sentences=2)
    expected = signature(s.summarize(example))
    with cf.ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda i: signature(s.summarize(example, 1 + i % 3)), range(60)))
    assert got == [signature(summarize.summarize(example, 1 + i % 3)) for i in range(60)]
    assert signature(s.summarize(example)) == expected


def test_speed_up_is_reported(example, capsys):
    docs = [long_text(example, 3).replace("Riverton", "Town%d" % i) for i in range(1500)]

    def run(threads):
        t0 = time.perf_counter()
        with cf.ThreadPoolExecutor(max_workers=threads) as pool:
            list(pool.map(summarize.summarize, docs))
        return time.perf_counter() - t0

    run(2)  # warm the pool's contexts
    one, two = run(1), run(2)
    with capsys.disabled():
        print("\n[threads] %d documents: 1 thread %.3f s, 2 threads %.3f s: x%.2f (%d CPUs)"
              % (len(docs), one, two, one / two, os.cpu_count() or 0))

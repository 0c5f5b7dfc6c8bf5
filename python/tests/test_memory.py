"""100,000 calls: no reference or memory growth, on success and error
paths alike."""
import gc
import os
import sys

import summarize

SMALL = "The cat sat on the mat. The dog barked at the cat. Then it rained all day."


def rss_kib():
    """Resident memory now (Linux), in KiB."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    import resource
    return pages * resource.getpagesize() // 1024


def one_round(s, text, utext, lang, ratio):
    summarize.summarize(text, 2, language=lang, keywords=2)
    summarize.summarize(utext, ratio=ratio)
    summarize.rank(text)
    summarize.split(text.encode())
    summarize.keywords(utext, 3)
    s.summarize(text, 1, language=lang)
    s.keywords(text)
    summarize.rank([text, utext, text.encode()], keywords=2)
    for bad in ([text, b"\xff"], [utext, 3]):
        try:
            summarize.summarize(bad)
        except (summarize.Error, TypeError):
            pass
    for bad in (b"\xffbad", "bad\ud800", "bad\0"):
        try:
            summarize.summarize(bad, language=lang)
        except summarize.Error:
            pass
    try:
        summarize.summarize(text, sentences="3")
    except TypeError:
        pass
    try:
        summarize.summarize(text, ratio=ratio * 10)
    except summarize.Error:
        pass


CALLS_PER_ROUND = 16


def test_no_growth_over_100000_calls():
    text = SMALL
    utext = "Ça va très bien. 日本語の文です。 Emoji 😀 sentence here."
    lang = "en"
    ratio = 0.5
    s = summarize.Summarizer(language="en")
    watched = [text, utext, lang, ratio, s]
    for _ in range(500):  # warm up: pool, caches, interned objects
        one_round(s, text, utext, lang, ratio)
    gc.collect()
    refs = [sys.getrefcount(o) for o in watched]
    blocks = sys.getallocatedblocks()
    total = getattr(sys, "gettotalrefcount", lambda: 0)()
    rss = rss_kib()
    rounds = 100_000 // CALLS_PER_ROUND + 1
    for _ in range(rounds):
        one_round(s, text, utext, lang, ratio)
    gc.collect()
    assert [sys.getrefcount(o) for o in watched] == refs
    grown = sys.getallocatedblocks() - blocks
    assert grown < 200, "%d more Python blocks after %d calls" % (grown, rounds * CALLS_PER_ROUND)
    if total:
        assert getattr(sys, "gettotalrefcount")() - total < 200
    # A leak of even 40 bytes a call would be 4 MB here. Under ASan freed
    # memory stays in its quarantine, so RSS grows anyway: ASan itself
    # checks the memory there (and the C tests check for leaks).
    if not os.environ.get("SUMMARIZE_SANITIZED"):
        assert rss_kib() - rss < 4096, "RSS grew by %d KiB" % (rss_kib() - rss)

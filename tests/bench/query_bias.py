#!/usr/bin/env python3
"""query_bias.py BUILD_DIR -- how far --query moves a summary (a benchmark:
it prints figures, it asserts nothing).

On the BBC development articles (../shared/eval/bbc, skipped with a
message when absent): for each article, one sentence after the lead (not
among the first three) is drawn at random (fixed seed) among those with a
word found in no other sentence of the article (a letters-only word of 4
letters or more, no other word of the text starting with its first five
letters, so that stemming cannot find it elsewhere, not a stopword); the
query is that word. Reported: how often that sentence is among the 3 chosen, without and
with --query, and how often the query was reported unmatched.
"""
import json
import os
import random
import re
import subprocess
import sys

WORD = re.compile(r"[^\W\d_]+")


def run(exe, args, path):
    p = subprocess.run([exe] + args + [path], capture_output=True, text=True)
    if p.returncode != 0:
        return None
    return json.loads(p.stdout)


def main() -> int:
    build = sys.argv[1] if len(sys.argv) > 1 else 'build'
    exe = os.path.join(build, 'summarize')
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.environ.get('SHARED', os.path.join(here, '..', '..', '..', 'shared'))
    bbc = os.path.join(shared, 'eval', 'bbc', 'articles')
    if not os.path.isdir(bbc):
        print('query_bias.py: skipped: no BBC articles at %s' % bbc)
        return 0
    stop = set()  # the library's English stopwords: a query of one is no query
    with open(os.path.join(here, '..', '..', 'stopwords', 'en.txt'), encoding='utf-8') as f:
        stop = {line.strip().lower() for line in f if line.strip() and line[0] != '#'}
    rng = random.Random(18)
    limit = int(os.environ.get('LIMIT', '0'))
    names = sorted(os.listdir(bbc))
    if limit:
        names = names[:limit]
    tried = plain_hit = query_hit = unmatched = 0
    for name in names:
        path = os.path.join(bbc, name)
        split = run(exe, ['--split', '-f', 'json'], path)
        if not split:
            continue
        sents = split['sentences']
        # words as the text has them between spaces, without the punctuation
        # around them: "don't" and "e-mail" are not the words "don" and "mail"
        words = [[t.lower() for t in (x.strip('.,;:!?"()[]\u2018\u2019\u201c\u201d')
                                      for x in s['text'].split()) if WORD.fullmatch(t)]
                 for s in sents]
        prefix_count = {}
        for ws in words:
            for w in set(x[:5] for x in ws):
                prefix_count[w] = prefix_count.get(w, 0) + 1
        candidates = []
        for k in range(3, len(sents)):
            uniq = sorted({w for w in words[k] if len(w) >= 4 and w not in stop and prefix_count[w[:5]] == 1
                           and sum(x[:5] == w[:5] for x in words[k]) == 1})
            if uniq:
                candidates.append((k, uniq))
        if not candidates:
            continue
        k, uniq = rng.choice(candidates)
        word = rng.choice(uniq)
        target = sents[k]['index']
        plain = run(exe, ['-n', '3', '-f', 'json'], path)
        asked = run(exe, ['-n', '3', '-f', 'json', '-q', word], path)
        if not plain or not asked:
            continue
        tried += 1
        plain_hit += any(s['index'] == target for s in plain['sentences'])
        query_hit += any(s['index'] == target for s in asked['sentences'])
        unmatched += 'query_unmatched' in asked.get('warnings', [])
    if not tried:
        print('query_bias.py: no article had a word of one sentence')
        return 0
    print('BBC articles: %d (a query word found in one sentence after the lead)' % tried)
    print('that sentence among the 3 chosen: without --query %5.1f%%, with %5.1f%%'
          % (100.0 * plain_hit / tried, 100.0 * query_hit / tried))
    print('query reported unmatched: %d' % unmatched)
    return 0


if __name__ == '__main__':
    sys.exit(main())

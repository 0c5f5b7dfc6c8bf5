#!/usr/bin/env python3
"""multi.py BUILD_DIR -- --multi on news clusters (a benchmark: it prints
figures, it asserts nothing).

The clusters are made from the BBC development articles
(../shared/eval/bbc, skipped with a message when absent), which come
without story labels: articles of one category whose word vectors (TF-IDF
over lower-cased words of 3 letters or more) have a cosine between 0.3 and
0.85 with a seed article are reports of one story (follow-ups, the same
news told again; above 0.85 they are the same article twice, see
duplicates.tsv); each seed and its two nearest such neighbours make a
cluster of three, clusters disjoint, the tightest first.

For each cluster and N in 3 and 6, with --multi and, for comparison, with
each file summarized on its own (-n N/3) and the outputs put together:
 - redundancy: the share of pairs of chosen sentences whose cosine (the
   same word vectors) is above 0.7 (the library's redundancy threshold,
   there over stems), and above 0.5;
 - coverage: the share of clusters in which every file gives a sentence.
"""
import collections
import json
import math
import os
import re
import subprocess
import sys

WORD = re.compile(r"[^\W\d_]{3,}")
CLUSTERS = int(os.environ.get('CLUSTERS', '30'))
EXTRA = os.environ.get('MULTI_ARGS', '').split()


def vec(text, idf):
    tf = collections.Counter(w.lower() for w in WORD.findall(text))
    v = {w: c * idf.get(w, 1.0) for w, c in tf.items()}
    n = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {w: x / n for w, x in v.items()}


def cos(a, b):
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def summarize(exe, args, paths):
    p = subprocess.run([exe, '-f', 'json'] + args + paths, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit('multi.py: %s failed: %s' % (' '.join(args), p.stderr))
    return [json.loads(line) for line in p.stdout.splitlines()]


def measure(chosen, idf):
    vs = [vec(t, idf) for _, t in chosen]
    pairs = above7 = above5 = 0
    for i in range(len(vs)):
        for j in range(i + 1, len(vs)):
            c = cos(vs[i], vs[j])
            if c > 0.7 and os.environ.get('SHOW'):
                print('  %.2f | %s | %s' % (c, chosen[i][1][:90], chosen[j][1][:90]))
            pairs += 1
            above7 += c > 0.7
            above5 += c > 0.5
    return pairs, above7, above5


def main() -> int:
    build = sys.argv[1] if len(sys.argv) > 1 else 'build'
    exe = os.path.join(build, 'summarize')
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.environ.get('SHARED', os.path.join(here, '..', '..', '..', 'shared'))
    bbc = os.path.join(shared, 'eval', 'bbc', 'articles')
    if not os.path.isdir(bbc):
        print('multi.py: skipped: no BBC articles at %s' % bbc)
        return 0
    names = sorted(os.listdir(bbc))
    texts = {n: open(os.path.join(bbc, n), encoding='utf-8').read() for n in names}
    df = collections.Counter()
    for t in texts.values():
        df.update({w.lower() for w in WORD.findall(t)})
    idf = {w: math.log(len(texts) / c) for w, c in df.items()}
    vecs = {n: vec(t, idf) for n, t in texts.items()}
    by_cat = collections.defaultdict(list)
    for n in names:
        by_cat[n.split('-')[0]].append(n)
    cands = []
    for cat, ns in by_cat.items():
        for i, a in enumerate(ns):
            near = sorted(((cos(vecs[a], vecs[b]), b) for b in ns if b != a), reverse=True)
            near = [(c, b) for c, b in near if 0.3 < c < 0.85][:2]
            if len(near) == 2 and 0.3 < cos(vecs[near[0][1]], vecs[near[1][1]]) < 0.85:
                cands.append((near[1][0], [a, near[0][1], near[1][1]]))
    cands.sort(reverse=True)
    used, clusters = set(), []
    for _, c in cands:
        if not used & set(c):
            clusters.append(c)
            used |= set(c)
        if len(clusters) == CLUSTERS:
            break
    print('clusters: %d of 3 BBC articles on one story (cosine 0.3 to 0.85)' % len(clusters))
    for n in (3, 6):
        totals = {'multi': [0, 0, 0, 0], 'each': [0, 0, 0, 0]}
        for c in clusters:
            paths = [os.path.join(bbc, x) for x in c]
            m = summarize(exe, ['--multi', '-n', str(n)] + EXTRA, paths)[0]
            chosen = [(s['document'], s['text']) for s in m['sentences']]
            each = []
            for k, r in enumerate(summarize(exe, ['-n', str(n // 3)], paths)):
                each += [(k, s['text']) for s in r['sentences']]
            for key, ch in (('multi', chosen), ('each', each)):
                p, a7, a5 = measure(ch, idf)
                t = totals[key]
                t[0] += p
                t[1] += a7
                t[2] += a5
                t[3] += len({d for d, _ in ch}) == 3
        for key, label in (('multi', '--multi -n %d' % n), ('each', '-n %d per file' % (n // 3))):
            p, a7, a5, cov = totals[key]
            print('%-18s redundant pairs: %5.2f%% above 0.7, %5.2f%% above 0.5 (of %d);'
                  ' every file heard: %5.1f%%'
                  % (label, 100.0 * a7 / max(p, 1), 100.0 * a5 / max(p, 1), p,
                     100.0 * cov / max(len(clusters), 1)))
    return 0


if __name__ == '__main__':
    sys.exit(main())

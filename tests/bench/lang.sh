#!/usr/bin/env bash
# lang.sh [BUILD_DIR] -- languages: on Debian's translated manual pages and
# message catalogues (held out from the profiles, section 4, run first and
# without ../shared) and on the 31 UDHR translations in
# ../shared/eval/multi/udhr (not shipped with the project; only a check of
# generalisation: the profiles were not made from it).
#
#  1. Whole texts: with no flags, `summarize --format json -n 3` must report
#     the file's language and three sentences that are verbatim spans of it.
#  2. Short inputs: every paragraph of every translation with at least 40
#     characters (the articles, one paragraph each; headings such as
#     "Article 1" are shorter) is detected on its own; accuracy per language
#     and by paragraph length, and the confusions.
#  3. Speed per language family: detection (microseconds per text, at most
#     64 kB read) and segmenting + tokenizing + stemming in MB/s, cold (new
#     context: every distinct word stemmed) and warm (words already known).
# Environment: SHARED (default: ../shared next to the checkout).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$here/build}" && pwd)
shared=${SHARED:-$here/../shared}
udhr=$shared/eval/multi/udhr
if [ -x "$build/summarize" ] && [ -d /usr/share/locale ]; then
    echo "== 4. held out: Debian manual pages and message catalogues (tests/bench/lang_debian.py)"
    /usr/bin/python3 "$here/tests/bench/lang_debian.py" "$build/summarize"
    echo
fi
if [ ! -f "$udhr/en.txt" ]; then
    echo "lang.sh: skipped: no UDHR texts at $udhr"
    exit 0
fi
exe=$build/summarize
bench=$build/tests/bench_lang
[ -x "$exe" ] && [ -x "$bench" ] || { echo "lang.sh: build first ($exe, $bench)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== 1. whole texts: summarize --format json -n 3 (no flags)"
for f in "$udhr"/*.txt; do
    "$exe" --format json -n 3 "$f"
done > "$work/whole.jsonl"
python3 - "$work/whole.jsonl" <<'EOF'
import json, os, sys
# The UDHR files name Norwegian Bokmål "nb"; the library says "no".
alias = {'nb': 'no'}
ok_all = 0
rows = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
print('%-4s %-5s %-5s %5s %9s  %s' % ('file', 'want', 'got', 'sents', 'verbatim', 'first sentence'))
for r in rows:
    code = os.path.basename(r['file'])[:-4]
    want = alias.get(code, code)
    data = open(r['file'], 'rb').read()
    sents = r['sentences']
    verb = all(data[s['offset']:s['offset'] + s['length']].decode('utf-8') == s['text']
               for s in sents)
    ok = r['language'] == want and len(sents) == 3 and verb
    ok_all += ok
    first = sents[0]['text'][:40] if sents else ''
    print('%-4s %-5s %-5s %5d %9s  %s%s' % (code, want, r['language'], len(sents),
          'yes' if verb else 'NO', first, '' if ok else '   <-- FAIL'))
print('%d of %d texts: right language, three verbatim sentences' % (ok_all, len(rows)))
EOF

echo
echo "== 2. short inputs: one UDHR paragraph (>= 40 characters) at a time"
python3 - "$udhr" "$work/para" <<'EOF'
import os, sys
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out)
for name in sorted(os.listdir(src)):
    if not name.endswith('.txt'):
        continue
    code = name[:-4]
    text = open(os.path.join(src, name), encoding='utf-8').read()
    paras = [p.strip() for p in text.split('\n\n')]
    k = 0
    for p in paras:
        if len(p) >= 40:
            with open(os.path.join(out, '%s.%03d.txt' % (code, k)), 'w', encoding='utf-8') as f:
                f.write(p + '\n')
            k += 1
EOF
(cd "$work/para" && "$exe" --format json -n 1 *.txt) > "$work/para.jsonl"
python3 - "$work/para.jsonl" "$work/para" <<'EOF'
import collections, json, os, sys
alias = {'nb': 'no'}
res = collections.defaultdict(lambda: [0, 0])
bins = collections.defaultdict(lambda: [0, 0])
conf = collections.Counter()
for line in open(sys.argv[1], encoding='utf-8'):
    r = json.loads(line)
    code = r['file'].split('.')[0]
    want = alias.get(code, code)
    n = len(open(os.path.join(sys.argv[2], r['file']), encoding='utf-8').read().strip())
    b = '40-99' if n < 100 else '100-199' if n < 200 else '200+'
    ok = r['language'] == want
    res[want][0] += ok
    res[want][1] += 1
    bins[b][0] += ok
    bins[b][1] += 1
    if not ok:
        conf['%s->%s' % (want, r['language'])] += 1
cells = ['%s %d/%d' % (k, v[0], v[1]) for k, v in sorted(res.items())]
for i in range(0, len(cells), 6):
    print('  ' + '   '.join('%-11s' % c for c in cells[i:i + 6]))
good = sum(v[0] for v in res.values())
total = sum(v[1] for v in res.values())
print('by length (characters): ' + ', '.join(
    '%s: %d/%d (%.1f%%)' % (b, bins[b][0], bins[b][1], 100.0 * bins[b][0] / bins[b][1])
    for b in ('40-99', '100-199', '200+') if bins[b][1]))
print('accuracy: %d of %d paragraphs (%.1f%%)' % (good, total, 100.0 * good / total))
if conf:
    print('errors (want->got): ' + ', '.join('%s x%d' % kv for kv in conf.most_common()))
EOF

echo
echo "== 3. speed per language family (UDHR texts; CPU time of one thread)"
"$bench" "$udhr"/*.txt > "$work/speed.txt"
python3 - "$work/speed.txt" <<'EOF'
import sys
fam = [
    ('Germanic', 'en de nl da nb sv'), ('Romance', 'fr es it pt ca ro'),
    ('Uralic', 'fi hu'), ('other Latin', 'eu ga id lt tr'), ('Cyrillic', 'ru sr'),
    ('Greek, Armenian', 'el hy'), ('Arabic, Hebrew', 'ar yi'), ('Indic', 'hi ne ta'),
    ('Chinese, Japanese', 'zh ja'), ('Korean', 'ko'),
]
rows = {}
for line in open(sys.argv[1]):
    f, lang, n, det, cold, warm = line.split()
    code = f.rsplit('/', 1)[1][:-4]
    rows[code] = (lang, int(n), float(det), float(cold), float(warm))
print('%-18s %-17s %8s %11s %10s %10s' % ('family', 'languages', 'bytes', 'detect us',
      'cold MB/s', 'warm MB/s'))
for name, codes in fam:
    cs = [c for c in codes.split() if c in rows]
    if not cs:
        continue
    n = sum(rows[c][1] for c in cs)
    # rates over the family's bytes: total bytes / total time
    det = sum(rows[c][2] for c in cs) / len(cs)
    cold = n / sum(rows[c][1] / rows[c][3] for c in cs)
    warm = n / sum(rows[c][1] / rows[c][4] for c in cs)
    print('%-18s %-17s %8d %11.0f %10.1f %10.1f' % (name, ' '.join(cs), n, det, cold, warm))
print('detect us: mean time of lang_detect on one whole text (MB/s = bytes / us)')
EOF

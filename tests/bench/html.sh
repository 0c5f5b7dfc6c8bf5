#!/usr/bin/env bash
# html.sh [BUILD_DIR] -- web pages: main-text extraction, speed, sniffing.
#
#  1. Main text: `summarize --split` on the pages of
#     ../shared/eval/html/readability-dev (not shipped with the project),
#     scored by its score.py (bag-of-words F1 and ScrapingHub's 4-gram
#     shingle F1) against Readability's expected text; and the same with
#     the first line (the page's title, which --split prints as the first
#     sentence and the expected text has not) left out. Beside them the
#     baselines of that set's README.
#  2. Speed: CPU time of summ_split() per page and per kB (bench_html),
#     with the main-text search.
#  3. Sniffing: how many of the BBC and CNN articles (plain text) are taken
#     for HTML (must be 0), and of the pages (must be all).
#  4. Offsets: of every sentence of every page, the bytes its JSON offset
#     and length point at, tags stripped and entities decoded, are its
#     text (the few that are not hold markup the text drops, e.g. MathML).
# Environment: SHARED (default: ../shared next to the checkout).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$here/build}" && pwd)
shared=${SHARED:-$here/../shared}
data=$shared/eval/html/readability-dev
if [ ! -f "$shared/eval/html/score.py" ] || [ ! -d "$data" ]; then
    echo "html.sh: skipped: no pages at $data"
    exit 0
fi
exe=$build/summarize
bench=$build/tests/bench_html
[ -x "$exe" ] && [ -x "$bench" ] || { echo "html.sh: build first ($exe, $bench)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== 1. main text (readability-dev, $(ls "$data" | grep -vc '\.tsv$') pages)"
python3 "$shared/eval/html/score.py" --data "$data" --cmd "'$exe' --split {file}" \
    --metric all --jobs 2 --save-dir "$work/out" | tail -n +2 | sed 's/^/  with the title line:    /'
mkdir -p "$work/notitle"
for f in "$work"/out/*.txt; do
    tail -n +2 "$f" > "$work/notitle/$(basename "$f")"
done
python3 "$shared/eval/html/score.py" --data "$data" --pred-dir "$work/notitle" --metric all |
    tail -n +2 | sed 's/^/  without the title line: /'
echo "  baselines (the set's README): tags stripped: bow F1 0.769, shingles 0.796;"
echo "  w3m -dump: bow F1 0.768, shingles 0.789"

echo
echo "== 2. speed (CPU time of summ_split, input read as HTML)"
"$bench" time "$data"/*/source.html | sed 's/^/  main text:     /'

echo
echo "== 3. sniffing"
for set in "bbc/articles" "cnndm-dev/articles"; do
    d=$shared/eval/$set
    [ -d "$d" ] || continue
    find "$d" -type f -name '*.txt' -print0 | xargs -0 "$bench" sniff | tail -1 |
        sed "s|^|  $set: |"
done
"$bench" sniff "$data"/*/source.html | tail -1 | sed 's|^|  readability-dev pages: |'

echo
echo "== 4. offsets into the page"
for f in "$data"/*/source.html; do
    "$exe" --split -f json "$f"
done > "$work/spans.jsonl"
python3 - "$work/spans.jsonl" <<'EOF'
import html, json, re, sys
total = same = 0
for line in open(sys.argv[1], encoding='utf-8'):
    r = json.loads(line)
    page = open(r['file'], 'rb').read()
    for s in r['sentences']:
        total += 1
        src = page[s['offset']:s['offset'] + s['length']].decode('utf-8', 'replace')
        src = re.sub(r'<!--.*?-->', '', src, flags=re.S)
        src = html.unescape(re.sub(r'<[^>]*>', ' ', src))
        same += re.sub(r'\s+', '', src) == re.sub(r'\s+', '', s['text'])
print('  %d of %d sentences: the page bytes they point at are their text' % (same, total))
EOF

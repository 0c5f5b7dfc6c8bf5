#!/usr/bin/env bash
# segment.sh [BUILD_DIR] -- sentence segmentation: accuracy and speed.
#
#   accuracy: exact match per case on the table in tests/test_segment.c
#   speed:    summ_split() (input check + language + segmentation) in MB/s,
#             best of three, by wall and by CPU time (on a shared machine
#             the CPU figure is the one to compare), on 2.5, 5 and 10 MB
#             built from the Project Gutenberg books in ../shared/eval/long
#             (equal MB/s at each size = linear time),
#             and on pathological inputs: a 10 MB line without punctuation,
#             a 3 MB "word", 3 MB of "a.a.a.", 3 MB of "aAaA".
# Environment: SHARED (default: ../shared next to the checkout).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
exe=$build/tests/test_segment
[ -x "$exe" ] || { echo "segment.sh: no $exe; build first" >&2; exit 2; }
"$exe" --accuracy | tail -n 1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shared=${SHARED:-$here/../shared}
long=$shared/eval/long
if ls "$long"/*.txt >/dev/null 2>&1; then
    python3 - "$work" "$long"/*.txt <<'PY'
import sys
out, paths = sys.argv[1], sys.argv[2:]
text = b''.join(open(p, 'rb').read() for p in paths)
for mb in (2.5, 5, 10):
    n = int(mb * 1e6)
    buf = (text * (n // len(text) + 1))[:n]
    while buf and (buf[-1] & 0xC0) == 0x80:   # do not cut a UTF-8 sequence
        buf = buf[:-1]
    if buf and buf[-1] >= 0xC0:
        buf = buf[:-1]
    open('%s/books-%s.txt' % (out, mb), 'wb').write(buf)
PY
    for mb in 2.5 5 10; do
        printf 'books %-5s ' "${mb}MB:"; "$exe" --bench "$work/books-$mb.txt"
    done
else
    echo "segment.sh: books skipped: no $long"
fi
python3 - "$work" <<'PY'
import sys
out = sys.argv[1]
open(out + '/line.txt', 'w').write(('word ' * 2000000)[:10000000])
open(out + '/word.txt', 'w').write('a' * 3000000)
open(out + '/dots.txt', 'w').write('a.' * 1500000)
open(out + '/camel.txt', 'w').write('aA' * 1500000)
PY
for f in line word dots camel; do
    printf '%-12s ' "$f:"; "$exe" --bench "$work/$f.txt"
done

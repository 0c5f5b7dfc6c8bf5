#!/usr/bin/env bash
# langcmp.sh OLD NEW -- do two builds of the CLI detect the same language on
# every text of lang.sh's sets? For changes to detection meant to be exact
# (speed work): OLD and NEW are summarize binaries (e.g. main's, copied
# aside, and a branch's). The sets, made from lang.sh's own sources:
#
#   Debian's held-out pieces (tests/bench/lang_debian.py --dump: manual
#     pages and the half of the message catalogues the profiles were not
#     ranked on), and the other half (--train);
#   every UDHR paragraph of at least 40 characters, as lang.sh section 2
#     cuts them, and the 31 whole translations.
#
# Prints one line per set (texts, how many changed) and the first changes;
# exits 1 if any changed. A set whose source is absent (/usr/share/locale,
# ../shared) is skipped with a message. Environment: SHARED (default
# ../shared next to the checkout).
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED:-$here/../shared}
udhr=$shared/eval/multi/udhr
if [ $# -ne 2 ]; then
    echo "usage: langcmp.sh OLD NEW" >&2
    exit 2
fi
old=$1 new=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sets=()
if [ -d /usr/share/locale ]; then
    /usr/bin/python3 "$here/tests/bench/lang_debian.py" --dump "$work/debian.jsonl" "$old" \
        && sets+=("$work/debian.jsonl")
    /usr/bin/python3 "$here/tests/bench/lang_debian.py" --train --dump "$work/debian-train.jsonl" \
        "$old" && sets+=("$work/debian-train.jsonl")
else
    echo "langcmp.sh: Debian sets skipped: no /usr/share/locale"
fi
if [ -f "$udhr/en.txt" ]; then
    python3 - "$udhr" "$work" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
with open(os.path.join(out, 'udhr-para.jsonl'), 'w', encoding='utf-8') as fp, \
        open(os.path.join(out, 'udhr-whole.jsonl'), 'w', encoding='utf-8') as fw:
    for name in sorted(os.listdir(src)):
        if not name.endswith('.txt'):
            continue
        code = name[:-4]
        text = open(os.path.join(src, name), encoding='utf-8').read()
        fw.write(json.dumps({'id': code, 'text': text}, ensure_ascii=False) + '\n')
        k = 0
        for p in (p.strip() for p in text.split('\n\n')):
            if len(p) >= 40:
                fp.write(json.dumps({'id': '%s.%03d' % (code, k), 'text': p + '\n'},
                                    ensure_ascii=False) + '\n')
                k += 1
PY
    sets+=("$work/udhr-para.jsonl" "$work/udhr-whole.jsonl")
else
    echo "langcmp.sh: UDHR sets skipped: no texts at $udhr"
fi

langs() {  # the id and language of each output line
    "$1" --jsonl --split "$2" | python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    print(r["id"], r.get("language", "error"))'
}
bad=0
for f in "${sets[@]}"; do
    langs "$old" "$f" > "$work/old.txt"
    langs "$new" "$f" > "$work/new.txt"
    changed=$(diff "$work/old.txt" "$work/new.txt" | grep -c '^>')
    echo "$(basename "$f" .jsonl): $(wc -l < "$work/old.txt") texts, $changed changed"
    diff "$work/old.txt" "$work/new.txt" | head -10
    bad=$((bad + changed))
done
[ "$bad" -eq 0 ]

#!/usr/bin/env bash
# pathological.sh [BUILDDIR] - time the CLI on inputs made to hurt: huge,
# deep, repetitive, mixed. Prints one line per case: wall and CPU seconds
# (CPU is the steadier figure on a shared machine), peak memory, exit
# status, output size. No assertion on time (tests/test_robust.c checks
# the same shapes for correctness, smaller); this is for watching the
# figures move. The inputs are generated in a temporary directory
# (TEXT_CASES= skips the first table). The
# second table is the batch filter on hostile JSON Lines, with -j 1 and
# -j 2: many tiny records, one huge record among small ones (the window
# must not stall), a huge line past nothing but the end, blank lines, bad
# JSON.
set -euo pipefail
build=${1:-build}
exe=$(realpath "$build/summarize")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gen() {  # gen NAME PYTHON-EXPRESSION-GIVING-BYTES
    python3 -c "import sys; sys.stdout.buffer.write($2)" > "$tmp/$1"
}

gen line-10mb      "b'word ' * (10 * 1024 * 1024 // 5)"
gen tiny-1m        "b'A b. ' * 1000000"
gen identical-50k  "b'The same sentence is here again. ' * 50000"
gen word-3mb       "b'x' * (3 * 1024 * 1024) + b'. End.'"
gen brackets-1m    "b'(' * 500000 + b'deep' + b')' * 500000 + b'.'"
gen quotes-1m      "b'\"' * 1000000 + b'. Done.'"
gen dots-2m        "b'.' * 2000000"
gen newlines-5m    "b'\n' * 5000000 + b'Last line.'"
gen mixed-5mb      "('Привет мир. 你好世界。 مرحبا بالعالم؟ Emoji 🙂👍🏽 here! ' * 80000).encode()"
gen abbrev-1m      "b'Dr. e.g. U.S. p.m. J. ' * 100000 + b'end.'"
gen longword-utf8  "('é' * 1500000 + '. Fin.').encode()"
gen distinct-words "' '.join('w%d' % i for i in range(1500000)).encode() + b'.'"
gen items-600k     "b'contact manager\n' * 600000"
gen cjk-lines-400k "('\u3053\u308c\u306f\u7236\u306e\n' * 400000).encode()"

# Web pages (issue 12): each is read as HTML (they sniff as pages).
gen html-deep-1m     "b'<!DOCTYPE html><body>' + b'<div>' * 1000000 + b'<p>Deep inside.</p>' + b'</div>' * 1000000"
gen html-attr-100mb  "b'<!DOCTYPE html><body><div title=\"' + b'x' * (100 << 20) + b'\"><p>After it.</p></div>'"
gen html-soup-9mb    "b'<!DOCTYPE html><body>' + b'<b><i>text</b> more</i><p>para <div>x</p></div><table><tr>t<td>c</table><a href=#>l<a>m</a>' * 100000"
gen html-spandiv-5mb "b'<!DOCTYPE html><body>' + b'<span><div></span>' * 300000"
gen html-attrs-7mb   "b'<!DOCTYPE html><body>' + (b'<div ' + b' '.join(b'a%d=v' % i for i in range(2000)) + b'>t</div>') * 500"
gen html-script-9mb  "b'<!DOCTYPE html><head><script>' + b'var s = \"<div class=a>\" + x; ' * 300000 + b'</script></head><body></body>'"
gen html-comment-6mb "b'<!DOCTYPE html><body><p>Before.</p><!-- ' + b'<p>inside</p>' * 500000"
gen html-paras-10mb  "b'<!DOCTYPE html><body>' + b'<p>The quick brown fox jumps over the lazy dog, again and again.</p>\n' * 150000"
gen html-entity-13mb "b'<!DOCTYPE html><body><p>' + b'&amp;&#233;&eacute;&notit; ' * 500000 + b'</p>'"

printf '%-16s %8s %7s %7s %6s %6s %10s\n' case bytes wall cpu maxMB status outbytes
for f in ${TEXT_CASES-line-10mb tiny-1m identical-50k word-3mb brackets-1m quotes-1m dots-2m \
         newlines-5m mixed-5mb abbrev-1m longword-utf8 distinct-words items-600k \
         cjk-lines-400k html-deep-1m html-attr-100mb html-soup-9mb html-spandiv-5mb \
         html-attrs-7mb html-script-9mb html-comment-6mb html-paras-10mb html-entity-13mb}; do
    for mode in "" "--split" "-k 5"; do
        set +e
        /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$exe" $mode "$tmp/$f" > "$tmp/out" 2> "$tmp/err"
        st=$?
        set -e
        read -r secs user sys kb < <(tail -n 1 "$tmp/time")  # after "Command exited with ..."
        cpu=$(python3 -c "print('%.2f' % ($user + $sys))")
        printf '%-16s %8s %7s %7s %6s %6s %10s %s\n' "$f" "$(stat -c %s "$tmp/$f")" "$secs" "$cpu" \
            "$((kb / 1024))" "$st" "$(stat -c %s "$tmp/out")" "$mode"
    done
done

# ---- --jsonl: hostile batches ------------------------------------------------
genl() {  # genl NAME PYTHON-EXPRESSION-GIVING-BYTES
    python3 -c "import json, sys; sys.stdout.buffer.write($2)" > "$tmp/$1"
}
genl tiny-200k      "b''.join(b'{\"id\":%d,\"text\":\"A b.\"}\n' % i for i in range(200000))"
genl big-among-small "b''.join(b'{\"id\":%d,\"text\":\"One small record here. And one more.\"}\n' % i for i in range(5000)) + json.dumps({'id': 'big', 'text': 'word ' * 2000000 + '.'}).encode() + b'\n' + b''.join(b'{\"id\":%d,\"text\":\"One small record here. And one more.\"}\n' % i for i in range(5000))"
genl blank-1m       "b'\n' * 1000000"
genl badjson-200k   "b'{\"id\": 1, \"text\": \"unterminated\n' * 200000"
genl deep-100k      "(b'{\"id\":1,\"x\":' + b'[' * 60 + b']' * 60 + b',\"text\":\"Deep.\"}\n') * 100000"

printf '\n%-16s %8s %7s %7s %6s %6s %10s\n' jsonl bytes wall cpu maxMB status outlines
for f in tiny-200k big-among-small blank-1m badjson-200k deep-100k; do
    for j in 1 2; do
        set +e
        /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$exe" --jsonl -j $j "$tmp/$f" > "$tmp/out" 2> /dev/null
        st=$?
        set -e
        read -r secs user sys kb < <(tail -n 1 "$tmp/time")  # after "Command exited with ..."
        cpu=$(python3 -c "print('%.2f' % ($user + $sys))")
        printf '%-16s %8s %7s %7s %6s %6s %10s %s\n' "$f" "$(stat -c %s "$tmp/$f")" "$secs" "$cpu" \
            "$((kb / 1024))" "$st" "$(wc -l < "$tmp/out")" "-j $j"
    done
done

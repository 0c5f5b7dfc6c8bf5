#!/usr/bin/env bash
# formats.sh [BUILDDIR] - time the CLI on inputs made to hurt the readers
# of the plain-text formats (src/input/): 100,000 backticks, a table of a
# million cells, an mbox of 10,000 messages, a 10 MB quoted reply, HTML
# mail (10,000 HTML messages, a 10 MB base64 HTML part, a million nested
# <div>s, a million cells), and more of the same spirit. Each input starts
# the way its format is told from the content (a Markdown heading and
# link, mail headers, a form feed, cue timings, speaker labels), so it is
# read as that format. Prints one
# line per case and mode: the format it was read as, wall and CPU seconds,
# peak memory, exit status, output size. No assertion on time (the fuzz
# corpora and tests/test_formats.c check the results); this is for
# watching the figures. The inputs are generated in a temporary directory.
set -euo pipefail
build=${1:-build}
exe=$(realpath "$build/summarize")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gen() {  # gen NAME PYTHON-EXPRESSION-GIVING-BYTES
    python3 -c "import sys, base64; sys.stdout.buffer.write($2)" > "$tmp/$1"
}
md='b"# Notes\n\nSee [the docs](https://example.org/docs) first.\n\n\`\`\`sh\nmake\n\`\`\`\n\n"'
mail='b"From: a@example.org\nTo: b@example.org\nSubject: Re: the plan\n"'

gen md-backticks-100k   "$md + b'\`' * 100000 + b' end.\n'"
gen md-backtick-runs    "$md + b' '.join(b'\`' * k for k in range(1, 2000)) + b'.\n'"
gen md-table-1m-cells   "$md + b'| ' + b' | '.join(b'h%d' % i for i in range(100)) + b' |\n|' + b'---|' * 100 + b'\n' + (b'| ' + b' | '.join(b'c' for i in range(100)) + b' |\n') * 10000"
gen md-brackets-1m      "$md + b'[' * 500000 + b'x' + b']' * 500000 + b'(y)\n'"
gen md-links-200k       "$md + b'[a](b) ' * 200000 + b'\n'"
gen md-emphasis-1m      "$md + b'*_' * 500000 + b'\n'"
gen md-nested-lists     "$md + b''.join(b'  ' * (k % 40) + b'- item\n' for k in range(200000))"
gen md-fences-100k      "$md + b'\`\`\`\ncode\n\`\`\`\ntext.\n' * 100000"
gen md-unclosed-html    "$md + b'text <!-- ' * 200000 + b'\n'"
gen mbox-10k-messages   "b''.join(b'From a@b Mon Jan  1 00:00:00 2024\nFrom: Sender %d <s%d@example.org>\nSubject: Re: message %d\n\nThis is the text of message number %d. It says little.\n\n> quoted line\n\n-- \nsig\n\n' % (i, i, i % 50, i) for i in range(10000))"
gen mail-quoted-10mb    "$mail + b'\nMy answer is short. We agree.\n\nOn Tue, 5 Mar 2024 at 10:12, A <a@example.org> wrote:\n' + b'> ' + b'a long quoted line of the earlier message goes on and on\n> ' * 170000 + b'end\n'"
gen mail-base64-10mb    "$mail + b'Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n' + base64.encodebytes(('Sentence number one is here. ' * 260000).encode())"
gen mail-qp-5mb         "$mail + b'Content-Transfer-Encoding: quoted-printable\n\n' + b'caf=C3=A9 =\n' * 500000"
gen mail-multipart-10k  "$mail + b'Content-Type: multipart/mixed; boundary=zz\n\n' + b''.join(b'--zz\nContent-Type: text/plain\n\nPart %d has one sentence.\n' % i for i in range(10000)) + b'--zz--\n'"
html='Content-Type: text/html; charset=utf-8\n'
gen mbox-10k-html       "b''.join(b'From a@b Mon Jan  1 00:00:00 2024\nFrom: Sender %d <s%d@example.org>\nSubject: Re: message %d\n$html\n<div>This is the text of message number %d. It says little.</div><blockquote><div>quoted line</div></blockquote>\n\n' % (i, i, i % 50, i) for i in range(10000))"
gen mail-html-b64-10mb  "$mail + b'${html}Content-Transfer-Encoding: base64\n\n' + base64.encodebytes(('<p>Sentence number one is <b>here</b>. &amp; more</p>' * 140000).encode())"
gen mail-html-deep-1m   "$mail + b'$html\n' + b'<div>' * 1000000 + b'Deep text.\n'"
gen mail-html-cells-1m  "$mail + b'$html\n<table>' + (b'<tr>' + b'<td>c</td>' * 1000) * 1000 + b'</table>\n'"
gen pdf-100k-pages      "b''.join(b'Annual Report\n\nThe text of page %d goes on with a hyphen-\nated word and more.\n\nPage %d of 100000\n\f' % (i, i) for i in range(100000))"
gen pdf-one-page-10mb   "b'Title page\n\f' + b'renew-\nable energy is renewable. ' * 400000 + b'\f'"
gen srt-1m-cues         "b''.join(b'%d\n00:00:%02d,000 --> 00:00:%02d,500\nLine %d of the talk,\n\n' % (i, i % 60, i % 60, i) for i in range(1000000))"
gen vtt-voices-200k     "b'WEBVTT\n\n' + b''.join(b'00:01.000 --> 00:02.000\n<v Speaker %d>Words <c.x>of</c> cue %d.</v>\n\n' % (i % 7, i) for i in range(200000))"
gen transcript-1m-turns "b''.join(b'ALICE: Okay, um, the point is %d.\nBOB: Yeah.\n' % i for i in range(500000))"

printf '%-20s %10s %-10s %7s %7s %6s %6s %10s\n' case bytes format wall cpu maxMB status outbytes
for f in md-backticks-100k md-backtick-runs md-table-1m-cells md-brackets-1m md-links-200k \
         md-emphasis-1m md-nested-lists md-fences-100k md-unclosed-html mbox-10k-messages \
         mail-quoted-10mb mail-base64-10mb mail-qp-5mb mail-multipart-10k mbox-10k-html \
         mail-html-b64-10mb mail-html-deep-1m mail-html-cells-1m pdf-100k-pages \
         pdf-one-page-10mb srt-1m-cues vtt-voices-200k transcript-1m-turns; do
    fmt=$("$exe" -f json -n 1 "$tmp/$f" 2>/dev/null | python3 -c \
        'import json,sys; print(json.loads(sys.stdin.readline()).get("format","text"))' || echo '?')
    for mode in "" "--split"; do
        set +e
        /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$exe" $mode "$tmp/$f" > "$tmp/out" 2> "$tmp/err"
        st=$?
        set -e
        read -r secs user sys kb < "$tmp/time"
        cpu=$(python3 -c "print('%.2f' % ($user + $sys))")
        printf '%-20s %10s %-10s %7s %7s %6s %6s %10s %s\n' "$f" "$(stat -c %s "$tmp/$f")" "$fmt" \
            "$secs" "$cpu" "$((kb / 1024))" "$st" "$(stat -c %s "$tmp/out")" "$mode"
    done
done

#!/usr/bin/env bash
# quality.sh [BUILD_DIR] [SUMMARIZE] -- how many summary sentences are not
# the document's own prose (markup, code, headers, quoted text, signatures,
# disclaimers, page furniture, broken hyphenation, cue timings, speaker
# labels, fillers), per format, by the rules of formats_quality.py, on:
#   markdown  the README*.md of /usr/share/doc (0.8-200 kB) and this
#             project's README, tests/formats/readme.md and post.md
#   email     the messages of tests/formats and tests/cli
#   pdftext   pdftotext of the PDFs in /usr/share/doc (poppler-utils), and
#             tests/formats/report.txt
#   speech    the subtitles and transcripts of tests/formats and tests/cli
# SUMMARIZE (default BUILD_DIR/summarize) can be an older binary, for the
# figures before a change. Documents that are not there are skipped.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$here/build}" && pwd)
exe=${2:-$build/summarize}
q=$here/tests/bench/formats_quality.py
f=$here/tests/formats
c=$here/tests/cli
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/md" "$tmp/pdf"
find /usr/share/doc -iname 'README*.md' -o -iname 'README*.md.gz' 2>/dev/null | sort |
while read -r p; do
    b=$(echo "$p" | sed 's|^/usr/share/doc/||; s|/|__|g; s|\.gz$||')
    case $p in *.gz) zcat "$p" > "$tmp/md/$b" ;; *) cp "$p" "$tmp/md/$b" ;; esac
    s=$(stat -c %s "$tmp/md/$b")
    if [ "$s" -lt 800 ] || [ "$s" -gt 200000 ]; then rm "$tmp/md/$b"; fi
done
if command -v pdftotext > /dev/null; then
    find /usr/share/doc -name '*.pdf' 2>/dev/null | sort | while read -r p; do
        pdftotext "$p" "$tmp/pdf/$(basename "$p" .pdf).txt" 2> /dev/null || rm -f "$tmp/pdf/$(basename "$p" .pdf).txt"
    done
fi
python3 "$q" "$exe" markdown "$tmp"/md/* "$here/README.md" "$f/readme.md" "$f/post.md" | tail -1
python3 "$q" "$exe" email "$f"/*.eml "$f/thread.mbox" "$f/pasted.txt" "$c/format-email.txt" | tail -1
python3 "$q" "$exe" pdftext $(find "$tmp/pdf" -name '*.txt' -size +0) "$f/report.txt" "$c/format-pdf-split.txt" | tail -1
python3 "$q" "$exe" speech "$f/talk.srt" "$f/panel.vtt" "$f/meeting.txt" "$f/interview.txt" "$f/otter.txt" \
    "$c/format-transcript.txt" "$c/format-srt-split.txt" | tail -1

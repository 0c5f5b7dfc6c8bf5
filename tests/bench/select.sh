#!/usr/bin/env bash
# select.sh [BUILD_DIR] -- selection time against the length of the text.
#
# Every length option must stay linear (src/select.c: the redundancy check
# goes through an index over the chosen sentences). Prints the CPU time
# (user + system, best of 3) of -n 3, -r 0.2, -r 1, -w 20000 and -c 100000
# on the first 1 MB and 4 MB of the books in ../shared/eval/long/ (the three
# novels one after the other, again from the start when they run out, so
# the 4 MB text repeats the first MB: duplicates for the redundancy check),
# and the growth from 1 MB to 4 MB. The goal (issue 16): at most 4.8x, and
# -r 1 on 4 MB under 1 s.
# Environment: SHARED (default: ../shared next to the checkout).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
shared=${SHARED:-$here/../shared}
long=$shared/eval/long
if ! ls "$long"/*.txt >/dev/null 2>&1; then
    echo "select.sh: skipped: no books at $long"
    exit 0
fi
exe=$build/summarize
[ -x "$exe" ] || { echo "select.sh: no $exe; build first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for mb in 1 4; do
    # head closes the pipe early: the loop's SIGPIPE is expected
    { for _ in 1 2 3 4 5 6; do cat "$long"/*.txt; done | head -c $((mb * 1000000)) \
        > "$work/$mb.txt"; } 2>/dev/null || true
done

cpu() {  # cpu ARGS...: the best of three runs' user + system seconds
    local best=
    for _ in 1 2 3; do
        local t
        t=$( { /usr/bin/time -f '%U %S' "$exe" "$@" > /dev/null; } 2>&1 | tail -1 |
             awk '{ printf "%.2f", $1 + $2 }')
        if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$t
        fi
    done
    echo "$best"
}

printf '%-12s %8s %8s %7s\n' option "1 MB" "4 MB" growth
for opt in "-n 3" "-r 0.2" "-r 1" "-w 20000" "-c 100000"; do
    # shellcheck disable=SC2086
    a=$(cpu $opt "$work/1.txt")
    # shellcheck disable=SC2086
    b=$(cpu $opt "$work/4.txt")
    printf '%-12s %7ss %7ss %6sx\n' "$opt" "$a" "$b" \
        "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", (a > 0 ? b / a : 0) }')"
done

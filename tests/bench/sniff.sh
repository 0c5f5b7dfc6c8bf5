#!/usr/bin/env bash
# sniff.sh [BUILD_DIR] -- how often each format's detector fires on the
# evaluation sets in ../shared/eval (not shipped with the project): plain
# prose (BBC, CNN, the genre sets, books) must always be told to be text.
# Prints, per set, the count of documents told to be each format, and the
# files that were not told to be text. Environment: SHARED (default:
# ../shared next to the checkout).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$here/build}" && pwd)
shared=${SHARED:-$here/../shared}
eval_dir=$shared/eval
if [ ! -d "$eval_dir" ]; then
    echo "sniff.sh: skipped: no evaluation data at $eval_dir"
    exit 0
fi
bench=$build/tests/bench_sniff
[ -x "$bench" ] || { echo "sniff.sh: no $bench; build first" >&2; exit 2; }
cd "$eval_dir"
for d in bbc/articles cnndm-dev/articles genres/*/articles long multi/udhr; do
    [ -e "$d" ] || continue
    find "$d" -type f -name '*.txt' | sort | "$bench" |
        awk -v d="$d" '{c[$1]++; if ($1 != "text") odd = odd "\n    " $0}
                       END {printf "%-28s", d; for (k in c) printf " %s=%d", k, c[k]; print odd}'
done

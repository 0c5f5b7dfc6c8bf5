#!/usr/bin/env bash
# same_output.sh OLD NEW -- do two builds of the CLI print the same bytes?
# For changes meant to be exact (speed work): OLD and NEW are summarize
# binaries (e.g. main's, copied aside, and a branch's). Compared:
#
#   BBC and CNN through --jsonl: defaults, -n 3, -r 1, -k 5, --query,
#     --split, --scores, and --scores -n 3 -k 5;
#   the readability-dev pages (--split, --split -f json, -n 3 -k 5);
#   the UDHR, genre, example and long texts (--split -f json,
#     -n 3 -k 5 -f json).
#
# Prints one line per set and the number of differences; exits 1 if there
# is any. The data is ../shared (not shipped with the project): skipped
# with a message when it is absent. Environment: SHARED (default
# ../shared next to the checkout).
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
S=${SHARED:-$here/../shared}
if [ $# -ne 2 ]; then
    echo "usage: same_output.sh OLD NEW" >&2
    exit 2
fi
old=$1 new=$2
if [ ! -f "$S/eval/bbc/bbc.jsonl" ]; then
    echo "same_output.sh: skipped: no evaluation data at $S/eval"
    exit 0
fi
bad=0
for set in "$S/eval/bbc/bbc.jsonl" "$S/eval/cnndm-dev/cnndm-dev.jsonl"; do
    [ -f "$set" ] || continue
    for opts in "" "-n 3" "-r 1" "-k 5" "--query=government,economy,police" "--split" \
                "--scores" "--scores -n 3 -k 5"; do
        # shellcheck disable=SC2086  # the options are words
        if cmp -s <("$old" --jsonl $opts "$set" 2>&1) <("$new" --jsonl $opts "$set" 2>&1); then
            r=same
        else
            r=DIFF
            bad=$((bad + 1))
        fi
        echo "$(basename "$set") [$opts]: $r"
    done
done
d=0 n=0
for f in "$S"/eval/html/readability-dev/*/source.html; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    for o in "--split" "--split -f json" "-n 3 -k 5"; do
        # shellcheck disable=SC2086
        cmp -s <("$old" $o "$f" 2>&1) <("$new" $o "$f" 2>&1) || { d=$((d + 1)); echo "DIFF $o $f"; }
    done
done
echo "readability-dev: $d differences over $n pages x 3"
bad=$((bad + d))
d=0 n=0
for f in "$S"/eval/multi/udhr/*.txt "$S"/eval/genres/*/articles/*.txt "$S"/examples/*.txt \
         "$S"/eval/long/*.txt; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    for o in "--split -f json" "-n 3 -k 5 -f json"; do
        # shellcheck disable=SC2086
        cmp -s <("$old" $o "$f" 2>&1) <("$new" $o "$f" 2>&1) || {
            d=$((d + 1))
            [ $d -le 10 ] && echo "DIFF $o $f"
        }
    done
done
echo "udhr/genres/examples/long: $d differences over $n files x 2"
bad=$((bad + d))
echo "differences: $bad"
[ "$bad" -eq 0 ]

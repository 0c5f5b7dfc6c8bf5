#!/usr/bin/env bash
# rouge.sh [BUILD_DIR] [-- SUMMARIZE_OPTIONS...]
#
# Summary quality on the development sets in ../shared/eval (not shipped
# with the project): ROUGE-1/2/L F1 x100, with ../shared/eval/rouge.py.
#   BBC: 2225 articles, k = the reference's sentence count (lengths.tsv)
#   CNN: 1000 CNN/DailyMail validation stories, 3 sentences
# Printed next to the lead baselines and every peer: for BBC the stored
# outputs in bbc/peers, for CNN OTS run live (../shared/peers/ots.sh).
# Environment: SHARED (default: ../shared next to the checkout), SETS
# ("bbc cnn"), PEERS=0 to skip scoring the peers, KEEP=DIR to keep outputs.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
extra=("$@")
shared=${SHARED:-$here/../shared}
eval_dir=$shared/eval
if [ ! -f "$eval_dir/rouge.py" ]; then
    echo "rouge.sh: skipped: no evaluation data at $eval_dir"
    exit 0
fi
exe=$build/summarize
[ -x "$exe" ] || { echo "rouge.sh: no $exe; build first" >&2; exit 2; }
sets=${SETS:-bbc cnn}
work=${KEEP:-$(mktemp -d)}
mkdir -p "$work"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT

score() {  # score REFS CANDS -> "R1 R2 RL"
    python3 "$eval_dir/rouge.py" --refs "$1" --cands "$2" --json --missing-zero |
        python3 -c 'import json,sys; d=json.load(sys.stdin); m=d.get("mean", d)
r=[m[k]["f"] if isinstance(m[k], dict) else m[k] for k in ("rouge1","rouge2","rougeL")]
print(" ".join("%.2f" % (100*x if x <= 1 else x) for x in r))'
}

row() { printf '%-26s %6s %6s %6s\n' "$1" $2; }

run_set() {  # run_set NAME DIR FIXED_K
    local name=$1 dir=$2 fixed=$3 out=$work/$1
    mkdir -p "$out"
    local t0=$(date +%s.%N)
    tail -n +2 "$dir/lengths.tsv" | while IFS=$'\t' read -r id k _; do
        [ -n "$fixed" ] && k=$fixed
        "$exe" -n "$k" "${extra[@]}" "$dir/articles/$id.txt" > "$out/$id.txt" 2>/dev/null ||
            echo "rouge.sh: $name $id failed" >&2
    done
    local t1=$(date +%s.%N)
    echo
    echo "== $name ($(ls "$out" | wc -l) documents, $(printf '%.1f' "$(echo "$t1 - $t0" | bc)") s)"
    row system "R1 R2 RL"
    row "summarize ${extra[*]}" "$(score "$dir/references" "$out")"
}

if [[ " $sets " == *" bbc "* ]]; then
    run_set bbc "$eval_dir/bbc" ""
    row "Lead-k (title dropped)" "63.55 50.20 40.57"
    if [ "${PEERS:-1}" != 0 ]; then
        for p in "$eval_dir"/bbc/peers/*/; do
            row "$(basename "$p")" "$(score "$eval_dir/bbc/references" "$p")"
        done
    fi
fi
if [[ " $sets " == *" cnn "* ]]; then
    run_set cnn "$eval_dir/cnndm-dev" 3
    row "Lead-3" "28.72 10.58 19.13"
    # Only OTS runs live; no other peer's CNN output is stored (on other
    # CNN stories they scored 2 to 6 R1 below Lead-3: issue 4).
    ots_sh=$shared/peers/ots.sh
    if [ "${PEERS:-1}" != 0 ] && command -v ots >/dev/null 2>&1 && [ -x "$ots_sh" ]; then
        mkdir -p "$work/cnn-ots"
        tail -n +2 "$eval_dir/cnndm-dev/lengths.tsv" | while IFS=$'\t' read -r id _ _; do
            "$ots_sh" 3 "$eval_dir/cnndm-dev/articles/$id.txt" > "$work/cnn-ots/$id.txt" 2>/dev/null || true
        done
        row "ots (live)" "$(score "$eval_dir/cnndm-dev/references" "$work/cnn-ots")"
    fi
fi

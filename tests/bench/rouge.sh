#!/usr/bin/env bash
# rouge.sh [BUILD_DIR] [-- SUMMARIZE_OPTIONS...]
#
# Summary quality on the development sets in ../shared/eval (not shipped
# with the project): ROUGE-1/2/L F1 x100, with ../shared/eval/rouge.py.
#   BBC: 2225 articles, k = the reference's sentence count (lengths.tsv)
#   CNN: 1000 CNN/DailyMail validation stories, 3 sentences
# Printed next to the lead baselines and every peer: for BBC the stored
# outputs in bbc/peers, for CNN the peers run live: OTS
# (../shared/peers/ots.sh) and the npm packages ts-textrank 1.0.3 and
# lexrank 1.0.5 (tests/bench/peers/npm-peers.js, called as for the stored
# BBC outputs, which it reproduces). The npm packages are installed on first
# use with npm into BENCH_CACHE, and their CNN outputs are cached there too,
# keyed by the script, the installed versions and the articles; without
# node/npm or the registry they are skipped with a message.
# Environment: SHARED (default: ../shared next to the checkout), SETS
# ("bbc cnn"), PEERS=0 to skip scoring the peers, KEEP=DIR to keep outputs,
# BENCH_CACHE (default: ${XDG_CACHE_HOME:-~/.cache}/summarize-bench).
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

cache=${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/summarize-bench}
npm_peers_js=$here/tests/bench/peers/npm-peers.js

npm_install() {  # ts-textrank and lexrank into $cache/node_modules, once
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        echo "ts-textrank, lexrank-npm: skipped: no node or npm"
        return 1
    fi
    # An install that is already there is used without asking the registry,
    # so reruns work offline.
    node -e 'const d = process.argv[1] + "/node_modules/";
        process.exit(require(d + "ts-textrank/package.json").version === "1.0.3" &&
                     require(d + "lexrank/package.json").version === "1.0.5" ? 0 : 1)' \
        "$cache" 2>/dev/null && return 0
    mkdir -p "$cache"
    # Bounded, so that a machine without the registry skips instead of
    # waiting out npm's retries.
    if ! timeout 300 npm install --prefix "$cache" --save-exact --prefer-offline \
            --no-audit --no-fund --loglevel=error --fetch-retries=1 \
            ts-textrank@1.0.3 lexrank@1.0.5 > "$cache/npm-install.log" 2>&1; then
        echo "ts-textrank, lexrank-npm: skipped: npm install failed (no registry?), see $cache/npm-install.log"
        return 1
    fi
}

npm_peer() {  # npm_peer SET DIR N PEER: run (or reuse) and print its row
    local set=$1 dir=$2 n=$3 peer=$4 key out
    # The key covers everything the output depends on, so a changed
    # script, package tree or data set never reuses stale outputs.
    key=$({ cat "$npm_peers_js" "$cache/package-lock.json" || true; echo "$peer $n"
            tail -n +2 "$dir/lengths.tsv" | cut -f1 | sed "s|.*|$dir/articles/&.txt|" |
                xargs -d '\n' sha1sum || true; } 2>/dev/null | sha1sum | cut -c1-16)
    out=$cache/out/$set-$peer-n$n-$key
    if [ ! -d "$out" ]; then
        rm -rf "$out.tmp"
        local rc=0
        tail -n +2 "$dir/lengths.tsv" | cut -f1 | sed "s|.*|$n\t$dir/articles/&.txt|" |
            node "$npm_peers_js" "$cache" "$peer" "$out.tmp" || rc=$?
        # Only a complete run is cached (renamed into place); after failed
        # documents the outputs are scored once and the run is redone next
        # time, so the failures stay visible.
        if [ "$rc" = 0 ]; then
            mv "$out.tmp" "$out"
        else
            echo "rouge.sh: $peer on $set: exit status $rc, not cached" >&2
            out=$out.tmp
            mkdir -p "$out"
        fi
    fi
    [ -z "${KEEP:-}" ] || { rm -rf "$work/$set-$peer"; cp -r "$out" "$work/$set-$peer"; }
    row "$peer (live)" "$(score "$dir/references" "$out")"
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
    # OTS and the npm peers run live; no peer's CNN output is stored, so
    # the Python peers are not shown (on other CNN stories they scored 2 to
    # 6 R1 below Lead-3: issue 4).
    ots_sh=$shared/peers/ots.sh
    if [ "${PEERS:-1}" != 0 ] && command -v ots >/dev/null 2>&1 && [ -x "$ots_sh" ]; then
        mkdir -p "$work/cnn-ots"
        tail -n +2 "$eval_dir/cnndm-dev/lengths.tsv" | while IFS=$'\t' read -r id _ _; do
            "$ots_sh" 3 "$eval_dir/cnndm-dev/articles/$id.txt" > "$work/cnn-ots/$id.txt" 2>/dev/null || true
        done
        row "ots (live)" "$(score "$eval_dir/cnndm-dev/references" "$work/cnn-ots")"
    fi
    if [ "${PEERS:-1}" != 0 ] && npm_install; then
        for p in ts-textrank lexrank-npm; do
            npm_peer cnn "$eval_dir/cnndm-dev" 3 "$p"
        done
    fi
fi

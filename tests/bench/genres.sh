#!/usr/bin/env bash
# genres.sh [BUILD_DIR] [-- SUMMARIZE_OPTIONS...]
#
# Summary quality outside news: every development set of
# ../shared/eval/genres (not shipped with the project; see its README),
# each with its own length rule, scored with its score.py (ROUGE-1/2/L F1
# x100, a missing or empty output counted 0):
#   scitldr       CS abstract -> TLDR       -n k   (single ref and max-ref)
#   ectsum        earnings calls -> bullets -n k
#   sumpubmed     biomedical paper -> abstract  -w w, cut at w words
#   orangesum     French news -> chapeau    -n k   (--tok word)
#   pubmed-cohan  PubMed paper -> abstract  -w w, cut at w words
# Each set is printed with its lead baseline run live (Lead-k: the first k
# sentences of our own --split; Lead-w: the first w words of the text) and,
# with PEERS=1 (the default) and `ots` installed, OTS through
# ../shared/peers/ots.sh (k sentences, or for the w rule its best
# sentences up to w words, then cut at w like ours).
# Environment: SHARED (default: ../shared next to the checkout), SETS (the
# five above), PEERS=0 to skip OTS, KEEP=DIR to keep the outputs, JOBS
# (default 2) documents at a time.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
extra=("$@")
shared=${SHARED:-$here/../shared}
gdir=$shared/eval/genres
if [ ! -f "$gdir/score.py" ]; then
    echo "genres.sh: skipped: no evaluation data at $gdir"
    exit 0
fi
exe=$build/summarize
[ -x "$exe" ] || { echo "genres.sh: no $exe; build first" >&2; exit 2; }
sets=${SETS:-scitldr ectsum sumpubmed orangesum pubmed-cohan}
jobs=${JOBS:-2}
work=${KEEP:-$(mktemp -d)}
mkdir -p "$work"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT

rule_of() {  # the length rule and scoring flags of a set
    case $1 in
    sumpubmed|pubmed-cohan) echo "w --trunc" ;;
    orangesum) echo "k --tok word" ;;
    *) echo "k" ;;
    esac
}

# run_docs SET OUT: summarize with "-n k" or "-w w" per document (and the
# extra options), one output file each, JOBS at a time.
run_docs() {
    local set=$1 out=$2 rule
    rule=$(rule_of "$set" | cut -d' ' -f1)
    mkdir -p "$out"
    tail -n +2 "$gdir/$set/lengths.tsv" |
        while IFS=$'\t' read -r id k w; do
            if [ "$rule" = w ]; then echo "-w $w $id"; else echo "-n $k $id"; fi
        done |
        EXTRA="${extra[*]}" xargs -P "$jobs" -L 1 sh -c '
            exe=$1 art=$2 out=$3 opt=$4 val=$5 id=$6
            # the extra options have no blanks: split on them
            # shellcheck disable=SC2086
            "$exe" $EXTRA "$opt" "$val" "$art/$id.txt" > "$out/$id.txt" 2>/dev/null ||
                echo "genres.sh: $id failed" >&2' sh "$exe" "$gdir/$set/articles" "$out"
}

lead_k() {  # our --split, first k sentences
    local set=$1 out=$2
    mkdir -p "$out"
    tail -n +2 "$gdir/$set/lengths.tsv" | while IFS=$'\t' read -r id k _; do
        "$exe" --split "$gdir/$set/articles/$id.txt" 2>/dev/null | head -n "$k" > "$out/$id.txt" || true
    done
}

ots_w() {  # OTS's best sentences up to w words (then cut at w by --trunc)
    local set=$1 out=$2
    mkdir -p "$out"
    tail -n +2 "$gdir/$set/lengths.tsv" | while IFS=$'\t' read -r id _ w; do
        ots --dic=en --html --ratio=0 "$gdir/$set/articles/$id.txt" 2>/dev/null |
            awk -v W="$w" '
            /^<!--\([-0-9]+\)--><FONT COLOR="#16569E"><span/ {
                line = $0; score = line; sub(/^<!--\(/, "", score); sub(/\).*$/, "", score)
                sub(/^<!--\([-0-9]+\)--><FONT COLOR="#16569E"><span[^>]*>/, "", line)
                sub(/<\/span><\/FONT>$/, "", line); gsub(/<br>/, " ", line)
                gsub(/[ \t\r\f\v]+/, " ", line); sub(/^ /, "", line); sub(/ $/, "", line)
                idx++; if (line != "") printf "%d\t%s\t%s\n", idx, score, line
            }' | sort -t "$(printf '\t')" -k2,2nr -k1,1n |
            awk -F '\t' -v W="$w" '{ n = split($3, a, " "); if (got >= W) exit;
                got += n; print }' | sort -t "$(printf '\t')" -k1,1n | cut -f3- > "$out/$id.txt" || true
    done
}

score() {  # score SET DIR...
    local set=$1 flags
    shift
    flags=$(rule_of "$set" | cut -d' ' -f2-)
    [ "$flags" = k ] && flags=
    [ "$flags" = w ] && flags=
    # shellcheck disable=SC2086
    [ -d "$gdir/$set/labels" ] && flags="$flags --labels"
    python3 "$gdir/score.py" $flags "$gdir/$set" "$@"
}

for set in $sets; do
    [ -d "$gdir/$set" ] || { echo "genres.sh: no set $set"; continue; }
    rule=$(rule_of "$set" | cut -d' ' -f1)
    out=$work/$set
    t0=$(date +%s.%N)
    run_docs "$set" "$out/summarize"
    t1=$(date +%s.%N)
    echo
    echo "== $set (rule $rule: $(rule_of "$set" | cut -d' ' -f2-); $(ls "$out/summarize" | wc -l) documents, $(printf '%.1f' "$(echo "$t1 - $t0" | bc)") s)"
    dirs=("$out/summarize")
    if [ "$rule" = w ]; then
        ln -sfn "$gdir/$set/articles" "$out/Lead-w"  # the text itself, cut at w
        dirs+=("$out/Lead-w")
    else
        lead_k "$set" "$out/Lead-k"
        dirs+=("$out/Lead-k")
    fi
    if [ "${PEERS:-1}" != 0 ] && command -v ots >/dev/null 2>&1 && [ -x "$shared/peers/ots.sh" ]; then
        if [ "$rule" = w ]; then
            ots_w "$set" "$out/ots"
        else
            mkdir -p "$out/ots"
            dic=en
            [ "$set" = orangesum ] && dic=fr
            tail -n +2 "$gdir/$set/lengths.tsv" | while IFS=$'\t' read -r id k _; do
                OTS_DIC=$dic "$shared/peers/ots.sh" "$k" "$gdir/$set/articles/$id.txt" > "$out/ots/$id.txt" 2>/dev/null || true
            done
        fi
        dirs+=("$out/ots")
    fi
    score "$set" "${dirs[@]}"
done

#!/usr/bin/env python3
"""kwtune.py BUILD_DIR [OPTIONS_LINE ...] -- keyword knobs on the dev sets.

Each OPTIONS_LINE ("kw_window=4 kw_length=0.5", names of
summarize_experimental.h; none: the defaults) is run on every document of
../shared/eval/keyphrase/{inspec-dev,semeval2010-train} through
BUILD_DIR/tests/kwtune (one process per set, the documents read once) and
scored with the set's score.py: macro F1@5/10/15, all gold. Prints one
row per line. Environment: SHARED, SETS. Timings are not measured here
(tests/bench/keywords.sh does that)."""
import importlib.util, json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
shared = os.environ.get("SHARED", os.path.join(here, "..", "..", "..", "shared"))
kp = os.path.join(shared, "eval", "keyphrase")
if not os.path.isfile(os.path.join(kp, "score.py")):
    print("kwtune.py: skipped: no keyphrase data at %s" % kp)
    sys.exit(0)
spec = importlib.util.spec_from_file_location("kpscore", os.path.join(kp, "score.py"))
sc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sc)

build, lines = sys.argv[1], sys.argv[2:] or [""]
sets = os.environ.get("SETS", "inspec-dev semeval2010-train").split()
res = {l: [] for l in lines}
for s in sets:
    d = os.path.join(kp, s, "docs")
    files = sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".txt"))
    gold = json.load(open(os.path.join(kp, s, "gold.json"), encoding="utf-8"))
    g = sc.prepare(gold, None)
    p = subprocess.run([os.path.join(build, "tests", "kwtune"), "15"] + files,
                       input="".join(l + "\n" for l in lines).encode(), capture_output=True,
                       check=True)
    blocks = p.stdout.decode("utf-8").split("END\n")
    for l, b in zip(lines, blocks):
        pred = {}
        for row in b.splitlines():
            f = row.split("\t")
            pred[os.path.basename(f[1])[:-4]] = f[2:]
        res[l] += ["%.2f" % sc.score(g, pred, k, False)[0]["macroF"] for k in (5, 10, 15)]
print("%-50s %s" % ("options", "  ".join("%-17s" % s[:17] for s in sets)))
for l in lines:
    print("%-50s %s" % (l or "(defaults)", "  ".join(" ".join(res[l][3 * i:3 * i + 3])
                                                  for i in range(len(sets)))))

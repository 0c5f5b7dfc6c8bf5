#!/bin/sh
# check_wheel.sh [PYTHON] -- build the wheel as pyproject.toml says, offline
# (pip wheel --no-build-isolation --no-index: Debian's python3-mesonpy and
# python3-pip), install it into a scratch folder and use it from there.
# The wheel must hold the module and its stubs only, and the module must
# export PyInit_summarize only. Default PYTHON: /usr/bin/python3.
set -eu
py=${1:-/usr/bin/python3}
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

"$py" -m pip wheel "$src" --no-build-isolation --no-deps --no-index -q -w "$tmp/dist"
"$py" -m pip install --no-deps --no-index -q --root-user-action=ignore --target "$tmp/site" "$tmp"/dist/summarize-*.whl
cd "$tmp"
PYTHONPATH="$tmp/site" "$py" - "$tmp" "$src/doc/example.txt" <<'PY'
import glob, os, subprocess, sys, zipfile
tmp, example = sys.argv[1], sys.argv[2]
import summarize
assert summarize.__file__.startswith(os.path.join(tmp, "site")), summarize.__file__
(whl,) = glob.glob(os.path.join(tmp, "dist", "summarize-*.whl"))
names = sorted(n for n in zipfile.ZipFile(whl).namelist() if ".dist-info/" not in n)
assert len(names) == 2 and names[0].startswith("summarize.") and names[0].endswith(".so") \
    and names[1] == "summarize.pyi", names
out = subprocess.run(["nm", "-D", "--defined-only", summarize.__file__],
                     stdout=subprocess.PIPE, text=True, check=True).stdout.split()
exported = [w for w in out if w.isidentifier() and not w.startswith("_") and w not in "TDBRV"]
assert exported == ["PyInit_summarize"], exported
r = summarize.summarize(open(example, encoding="utf-8").read())
assert len(r) == 3, r
print("check_wheel: %s (%s) works: %s" % (os.path.basename(whl), ", ".join(names), r[0].text[:40]))
PY

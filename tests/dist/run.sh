#!/bin/sh
# run.sh SUMMARIZE -- run dask_pipe.py with a Python that has
# dask.distributed (Debian: python3-distributed), or skip (exit 77).
here=$(dirname "$0")
for py in ${PYTHON:-} python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null 2>&1 &&
        "$py" -c 'import dask.bag, dask.distributed' >/dev/null 2>&1; then
        exec "$py" "$here/dask_pipe.py" "$@"
    fi
done
echo "1..0 # SKIP dask.distributed not importable (apt-get install python3-distributed)"
exit 77

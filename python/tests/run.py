#!/usr/bin/env python3
"""run.py TESTS_DIR -- run the Python module's tests with pytest, or skip.

meson runs this with the interpreter the module was built for, and with
PYTHONPATH on the build's python/ folder; exit 77 tells meson the test
was skipped (pytest missing)."""
import os
import sys

try:
    import pytest
except ImportError:
    print("SKIP: pytest is not installed for %s (Debian: apt-get install python3-pytest)"
          % sys.executable)
    sys.exit(77)

import summarize

# The module under test is the one just built, not an installed one.
built = os.environ.get("PYTHONPATH", "").split(os.pathsep)[0]
if built and os.path.dirname(os.path.abspath(summarize.__file__)) != os.path.abspath(built):
    print("wrong module: %s is not from %s" % (summarize.__file__, built))
    sys.exit(1)

sys.exit(pytest.main([sys.argv[1], "-q", "-p", "no:cacheprovider", "-rs"]))

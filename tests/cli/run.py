#!/usr/bin/env python3
"""run.py SUMMARIZE DIR -- golden CLI tests, TAP output.

For each DIR/NAME.expected: runs SUMMARIZE with the arguments in NAME.args
(one a line, run in DIR; the word {in} stands for NAME.txt, and NAME.txt is fed on
stdin when {in} is not used), and compares stdout with NAME.expected and the
exit status with NAME.status (default 0). NAME.stderr, if present, must be
a substring of stderr.

NAME.requires, if present, names what the test needs of the build ("html":
HTML input, which a build without gumbo lacks; "!html": a build without
it); without it the test is skipped.

SUMMARIZE_TEST_WRAPPER, if set, is a command put in front of SUMMARIZE
(e.g. "valgrind -q --error-exitcode=99"), so the binary can be checked
under valgrind without valgrinding Python. SUMMARIZE_TEST_EXE, if set,
replaces SUMMARIZE (valgrind needs the dynamically linked build of the
CLI, summarize-dynamic, to follow malloc).
"""
import os
import shlex
import subprocess
import sys


def has_feature(exe, feature):
    """Does this build of exe have feature? ("html": --input=html works.)"""
    if feature == 'html':
        p = subprocess.run([exe, '--input=html', '--split', '-'], input=b'',
                           capture_output=True, timeout=60)
        return p.returncode == 0
    return False


def main() -> int:
    exe, d = os.environ.get('SUMMARIZE_TEST_EXE') or sys.argv[1], sys.argv[2]
    wrapper = shlex.split(os.environ.get('SUMMARIZE_TEST_WRAPPER', ''))
    features = {}
    names = sorted(f[:-len('.expected')] for f in os.listdir(d) if f.endswith('.expected'))
    print('1..%d' % len(names))
    failed = 0
    for k, name in enumerate(names, 1):
        base = os.path.join(d, name)
        if os.path.exists(base + '.requires'):
            with open(base + '.requires', encoding='utf-8') as f:
                need = f.read().split()
            missing = [x for x in need
                       if features.setdefault(x.lstrip('!'), has_feature(exe, x.lstrip('!')))
                       == x.startswith('!')]
            if missing:
                print('ok %d - %s # SKIP this build %s' % (
                    k, name, ', '.join('has ' + x[1:] if x.startswith('!') else 'has no ' + x
                                       for x in missing)))
                continue
        args = []
        if os.path.exists(base + '.args'):
            with open(base + '.args', encoding='utf-8') as f:
                args = [a for a in f.read().split('\n') if a]
        inp = name + '.txt'
        use_stdin = os.path.exists(base + '.txt') and '{in}' not in args
        args = [a.replace('{in}', inp).replace('{dir}', d) for a in args]
        stdin = open(base + '.txt', 'rb') if use_stdin else subprocess.DEVNULL
        try:
            p = subprocess.run(wrapper + [exe] + args, stdin=stdin, capture_output=True,
                               timeout=600 if wrapper else 60, cwd=d)
        finally:
            if use_stdin:
                stdin.close()
        with open(base + '.expected', 'rb') as f:
            want = f.read()
        status = 0
        if os.path.exists(base + '.status'):
            with open(base + '.status') as f:
                status = int(f.read().strip())
        problems = []
        if p.stdout != want:
            problems.append('stdout differs:\n--- expected\n%s\n--- got\n%s' % (
                want.decode('utf-8', 'replace'), p.stdout.decode('utf-8', 'replace')))
        if p.returncode != status:
            problems.append('exit status %d, expected %d; stderr: %s' % (
                p.returncode, status, p.stderr.decode('utf-8', 'replace')))
        if os.path.exists(base + '.stderr'):
            with open(base + '.stderr', 'rb') as f:
                frag = f.read().strip()
            if frag not in p.stderr:
                problems.append('stderr lacks %r: %r' % (frag, p.stderr))
        if problems:
            failed += 1
            print('not ok %d - %s' % (k, name))
            for line in '\n'.join(problems).split('\n'):
                print('# ' + line)
        else:
            print('ok %d - %s' % (k, name))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

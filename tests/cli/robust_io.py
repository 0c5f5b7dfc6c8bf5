#!/usr/bin/env python3
"""robust_io.py SUMMARIZE MANPAGE -- the CLI against broken plumbing, TAP output.

What golden tests cannot express: standard output closed early (quiet,
as with any filter), standard output on a full disk (exit 1 with a
message), standard input closed or a directory, a file name that is not
UTF-8, a file past the size limit told without reading it, a file the
user may not read, a FIFO, --jsonl as a co-process (each answer comes while the input waits),
with and without worker threads. SUMMARIZE_TEST_WRAPPER is honoured as
in run.py, except for the SIGPIPE cases (valgrind reports the signal
itself), and so is SUMMARIZE_TEST_EXE. Also: every option of --help is in
the man page.
"""
import json
import resource
import os
import re
import select
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading

EXE = os.environ.get('SUMMARIZE_TEST_EXE') or sys.argv[1]
MANPAGE = sys.argv[2]
WRAPPER = shlex.split(os.environ.get('SUMMARIZE_TEST_WRAPPER', ''))
BIG = b''.join(b'Sentence number %d is here.\n' % i for i in range(100000))
results = []


def check(name, ok, detail=''):
    results.append((name, ok, detail))


def closed_early(ignore_sigpipe):
    """Read one line of --split output, then close the pipe."""
    def pre():
        if ignore_sigpipe:
            signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    p = subprocess.Popen([EXE, '--split'], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, preexec_fn=pre)
    # feed stdin from here: all of it fits in the pipe buffer only in part
    p.stdin.write(BIG)
    p.stdin.close()
    first = p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read()
    rc = p.wait()
    name = 'stdout closed early%s' % (' (SIGPIPE ignored)' if ignore_sigpipe else '')
    check(name, first == b'Sentence number 0 is here.\n' and err == b''
          and rc in (0, -signal.SIGPIPE), 'rc=%d stderr=%r' % (rc, err))


def full_disk():
    if not os.path.exists('/dev/full'):
        check('stdout on a full disk # SKIP no /dev/full', True)
        return
    for args, label in (([], 'summary'), (['--split'], 'split'), (['--help'], '--help')):
        with open('/dev/full', 'wb') as full:
            p = subprocess.run(WRAPPER + [EXE] + args, input=BIG, stdout=full,
                               stderr=subprocess.PIPE)
        check('stdout on a full disk: %s' % label,
              p.returncode == 1 and b'write error: No space left on device' in p.stderr,
              'rc=%d stderr=%r' % (p.returncode, p.stderr))


JSONL = b''.join(b'{"id":%d,"text":"Sentence number %d is here. And one more."}\n' % (i, i)
                 for i in range(20000))


def jsonl_closed_early(jobs):
    """--jsonl -j N: read one line, then close the pipe: a quiet end."""
    p = subprocess.Popen([EXE, '--jsonl', '-j', str(jobs)], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def feed():  # from a thread: the output pipe fills long before the input is all written
        try:
            p.stdin.write(JSONL)
            p.stdin.close()
        except BrokenPipeError:
            pass
    t = threading.Thread(target=feed)
    t.start()
    first = p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read()
    rc = p.wait()
    t.join()
    check('--jsonl -j %d: stdout closed early' % jobs,
          first.startswith(b'{"id":0,') and err == b'' and rc in (0, -signal.SIGPIPE),
          'rc=%d first=%r stderr=%r' % (rc, first, err))


def jsonl_full_disk(jobs):
    if not os.path.exists('/dev/full'):
        check('--jsonl -j %d: stdout on a full disk # SKIP no /dev/full' % jobs, True)
        return
    # not under the wrapper: at a write error in mid-stream the process
    # ends at once, without freeing what it holds (valgrind: "lost")
    with open('/dev/full', 'wb') as full:
        p = subprocess.run([EXE, '--jsonl', '-j', str(jobs)], input=JSONL,
                           stdout=full, stderr=subprocess.PIPE)
    check('--jsonl -j %d: stdout on a full disk' % jobs,
          p.returncode == 1 and b'write error: No space left on device' in p.stderr,
          'rc=%d stderr=%r' % (p.returncode, p.stderr))


def big_records(jobs):
    """Records whose outputs add up to more than the window's byte bound
    (64 MB) between small ones: the reader must wait for room, the writer
    must make it, in order, without hanging. Not under the wrapper (75 MB
    through valgrind)."""
    big = json.dumps('x' * 25000000).encode()
    small = json.dumps('A small one. Two.').encode()
    data = b''.join(b'{"id":%d,"text":%s}\n' % (i, big if 1 <= i <= 3 else small)
                    for i in range(40))
    try:
        p = subprocess.run([EXE, '--jsonl', '--split', '-j', str(jobs)], input=data,
                           capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        check('--jsonl -j %d: records past the window bound' % jobs, False, 'no end in 120 s')
        return
    ids = [json.loads(line)['id'] for line in p.stdout.splitlines()]
    check('--jsonl -j %d: records past the window bound' % jobs,
          p.returncode == 0 and ids == list(range(40)),
          'rc=%d ids=%r' % (p.returncode, ids[:10]))


def coprocess(jobs):
    """Write one record, wait for its answer, again and again: the answers
    must come while the input is still open (flushed when it pauses), also
    when the input pauses in the middle of the next record."""
    p = subprocess.Popen(WRAPPER + [EXE, '--jsonl', '-j', str(jobs)], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    recs = [json.dumps({'id': 'r%d' % i, 'text': 'Record %d has its text. It has two sentences.'
                        % i}).encode() + b'\n' for i in range(6)]
    # records 0-2 one at a time; then 3 with half of 4; then the rest of 4 with 5
    sends = [recs[0], recs[1], recs[2], recs[3] + recs[4][:20], recs[4][20:] + recs[5]]
    answers_after = [1, 1, 1, 1, 2]
    got, detail, buf = [], '', b''
    fd = p.stdout.fileno()
    try:
        for data, n in zip(sends, answers_after):
            p.stdin.write(data)
            p.stdin.flush()
            for _ in range(n):
                # raw reads: a buffered readline() would take the next line
                # too, and select() would not see it
                while b'\n' not in buf:
                    ready, _, _ = select.select([fd], [], [], 60 if WRAPPER else 10)
                    chunk = os.read(fd, 65536) if ready else b''
                    if not chunk:
                        break
                    buf += chunk
                if b'\n' not in buf:
                    detail = 'no answer %d while the input stays open' % len(got)
                    break
                line, buf = buf.split(b'\n', 1)
                got.append(json.loads(line)['id'])
            if detail:
                break
    finally:
        p.stdin.close()
        rest = buf + p.stdout.read()
        p.stderr.read()
        rc = p.wait()
    ok = got == ['r%d' % i for i in range(6)] and rest == b'' and rc == 0
    check('--jsonl -j %d as a co-process' % jobs, ok,
          detail or 'got %r, then %r, rc=%d' % (got, rest, rc))


def stdin_closed():
    p = subprocess.run(WRAPPER + [EXE], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, preexec_fn=lambda: os.close(0))
    check('stdin closed', p.returncode == 1 and p.stdout == b''
          and b'summarize: standard input: Bad file descriptor' in p.stderr,
          'rc=%d stderr=%r' % (p.returncode, p.stderr))


def stdin_directory():
    fd = os.open('/', os.O_RDONLY)
    try:
        p = subprocess.run(WRAPPER + [EXE], stdin=fd, capture_output=True)
    finally:
        os.close(fd)
    check('stdin is a directory', p.returncode == 1 and p.stdout == b''
          and b'summarize: standard input: Is a directory' in p.stderr,
          'rc=%d stderr=%r' % (p.returncode, p.stderr))


def help_in_manpage():
    """Each long option of --help has an entry in the man page."""
    out = subprocess.run([EXE, '--help'], capture_output=True).stdout.decode()
    opts = sorted(set(re.findall(r'(?<![\w-])--([a-z][a-z-]+)', out)))
    with open(MANPAGE, encoding='utf-8') as f:
        man = f.read().replace('\\-', '-')
    missing = [o for o in opts
               if not re.search(r'(?m)^\.(?:B|BR) .*--%s(?![\w-])' % re.escape(o), man)]
    check('every --help option is in the man page', len(opts) >= 10 and not missing,
          'options %r, missing from the man page: %r' % (opts, missing))


def bad_file_name():
    """A file name that is not UTF-8: the header line on stdout still is."""
    d = tempfile.mkdtemp()
    try:
        path = os.path.join(os.fsencode(d), b'caf\xe9.txt')
        with open(path, 'wb') as f:
            f.write(b'One sentence here.\n')
        p = subprocess.run(WRAPPER + [EXE, path, path], capture_output=True)
        want = b'==> ' + os.fsencode(d) + b'/caf\xef\xbf\xbd.txt <==\nOne sentence here.\n'
        check('file name that is not UTF-8', p.returncode == 0 and p.stdout == want + b'\n' + want,
              'rc=%d stdout=%r' % (p.returncode, p.stdout))
    finally:
        shutil.rmtree(d)


def limited(mb):
    """A preexec_fn capping the address space at mb megabytes."""
    def pre():
        resource.setrlimit(resource.RLIMIT_AS, (mb << 20, mb << 20))
    return pre


def too_big_file():
    """A sparse file past SUMM_MAX_INPUT (2 GiB), as a file and on stdin, as
    a text and a --stopwords list: told from its size, not read into 2 GiB
    first (in 512 MB of address space the read would run out of memory)."""
    name = 'file past the size limit, in 512 MB'
    if WRAPPER or subprocess.run([EXE, '--help'], capture_output=True,
                                 preexec_fn=limited(512)).returncode != 0:
        check(name + ' # SKIP the build cannot run in 512 MB (sanitizer, valgrind)', True)
        return
    d = tempfile.mkdtemp()
    try:
        path = os.path.join(d, 'sparse.txt')
        with open(path, 'wb') as f:
            f.truncate(3 << 30)
        for label, args, stdin, want in (
                ('file', [path], None, path.encode() + b': larger than the limit'),
                ('stdin', [], path, b'standard input: larger than the limit'),
                ('--multi', ['--multi', path, path], None, path.encode() + b': larger than the limit'),
                ('--stopwords', ['--stopwords=' + path, '-'], None,
                 b'--stopwords: ' + path.encode() + b': larger than the limit')):
            fin = open(stdin, 'rb') if stdin else subprocess.DEVNULL
            try:
                p = subprocess.run([EXE] + args, stdin=fin, capture_output=True,
                                   preexec_fn=limited(512), timeout=60)
            finally:
                if stdin:
                    fin.close()
            check('%s: %s' % (name, label), p.returncode in (1, 2) and p.stdout == b''
                  and want in p.stderr, 'rc=%d stderr=%r' % (p.returncode, p.stderr))
    finally:
        shutil.rmtree(d)


def unreadable_file():
    """A file the user may not read, among readable ones: its error, the
    others' summaries, exit 1. As root, run as nobody (setpriv)."""
    d = tempfile.mkdtemp()
    try:
        os.chmod(d, 0o755)
        good, bad = os.path.join(d, 'good.txt'), os.path.join(d, 'secret.txt')
        for path in (good, bad):
            with open(path, 'wb') as f:
                f.write(b'One sentence here.\n')
            os.chmod(path, 0o644)
        os.chmod(bad, 0)
        pre = []
        if os.geteuid() == 0:
            if not shutil.which('setpriv'):
                check('unreadable file # SKIP root without setpriv', True)
                return
            pre = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups']
            if subprocess.run(pre + [EXE, '--version'], capture_output=True).returncode != 0:
                check('unreadable file # SKIP nobody cannot run %s' % EXE, True)
                return
        for jobs in ('1', '2'):
            p = subprocess.run(pre + WRAPPER + [EXE, '-j', jobs, good, bad, good],
                               capture_output=True)
            want = b'==> %s <==\nOne sentence here.\n' % good.encode()
            check('unreadable file among others, -j %s' % jobs, p.returncode == 1
                  and p.stdout == want + b'\n' + want
                  and p.stderr == b'summarize: %s: Permission denied\n' % bad.encode(),
                  'rc=%d stdout=%r stderr=%r' % (p.returncode, p.stdout, p.stderr))
    finally:
        shutil.rmtree(d)


def fifo():
    """A FIFO as the file: read to its end like a pipe."""
    d = tempfile.mkdtemp()
    try:
        path = os.path.join(d, 'fifo')
        os.mkfifo(path)
        p = subprocess.Popen(WRAPPER + [EXE, '--split', path], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        with open(path, 'wb') as f:
            f.write(b'First one here. Second one here.\n')
        out, err = p.communicate(timeout=60)
        check('a FIFO', p.returncode == 0 and out == b'First one here.\nSecond one here.\n'
              and err == b'', 'rc=%d stdout=%r stderr=%r' % (p.returncode, out, err))
    finally:
        shutil.rmtree(d)


def main():
    help_in_manpage()
    bad_file_name()
    closed_early(False)
    closed_early(True)
    full_disk()
    stdin_closed()
    stdin_directory()
    too_big_file()
    unreadable_file()
    fifo()
    for jobs in (1, 2):
        big_records(jobs)
        coprocess(jobs)
        jsonl_closed_early(jobs)
        jsonl_full_disk(jobs)
    print('1..%d' % len(results))
    failed = 0
    for k, (name, ok, detail) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', k, name))
        if not ok:
            failed += 1
            print('# ' + detail)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
"""check_layers.py -- the library's structure, checked from its symbols.

  check_layers.py NM LIBSUMMARIZE.a LIBSUMMARIZE.so CLI.a HEADER...

Reads `nm` of the static library (one object per source file) and of the
CLI's archive, and checks, as a TAP test of its own each:

  1. every global symbol the static library defines starts with summ_; the
     public ones (summ_ but not summ__) are exactly the SUMM_API functions
     of the installed headers, and the shared library exports those and
     nothing else (as xkbcommon's symbol-leak test does);
  2. no two object files of the library use each other's symbols, in a
     circle of any length (file A uses B when A needs a symbol B defines);
  3. no object uses one of a higher layer (LAYERS below: text at the
     bottom, the public API at the top);
  4. the CLI's object files have no circle either.
"""
import re
import subprocess
import sys

# Bottom up. A file is in the layer of the first pattern its source path
# (src/..., without .c) matches; every library file must be in one.
LAYERS = [
    ('text', [r'text/.*']),
    ('core', [r'core/.*', r'langdata']),
    ('lang', [r'lang/lang', r'lang/script', r'lang/dindex', r'lang/detect']),
    ('input', [r'input/.*']),
    ('lexicon', [r'stem']),
    ('resources', [r'lang/langres']),
    ('segment', [r'segment/.*']),
    ('stages', [r'features', r'tokenize', r'tfidf', r'textrank', r'score', r'select',
                r'keywords', r'wordgraph']),
    ('results', [r'options', r'result']),
    ('run', [r'pipeline']),
    ('api', [r'api']),
]


def nm(tool, path, *flags):
    out = subprocess.run([tool, *flags, path], check=True, capture_output=True, text=True).stdout
    return out.splitlines()


def objects(tool, archive):
    """{object: (defined globals, undefined)} of an archive."""
    objs, cur = {}, None
    for line in nm(tool, archive):
        if not line.strip():
            continue
        if line.endswith(':'):
            cur = line[:-1]
            objs[cur] = (set(), set())
            continue
        parts = line.split()
        if len(parts) == 2 and parts[0] == 'U':
            objs[cur][1].add(parts[1])
        elif len(parts) == 3 and parts[1] in 'TDBRCVWGS' and parts[1].isupper() \
                and not parts[2].startswith('__'):
            # '__' names are the compiler's and the sanitizers' own
            # (__odr_asan.x): C leaves them to the implementation
            objs[cur][0].add(parts[2])
    return objs


def source_of(obj):
    """'src_segment_glue.c.o' -> 'segment/glue'; generated files by name."""
    name = obj.rsplit('/', 1)[-1]
    name = re.sub(r'\.c\.o(bj)?$', '', name)
    name = re.sub(r'^(meson-generated_)?(\.\._)*', '', name)
    if name.startswith('src_'):
        name = name[4:]
    if name.startswith('stopwords_'):
        name = name[len('stopwords_'):]
    for d in ('text', 'core', 'lang', 'input', 'segment'):
        if name.startswith(d + '_'):
            return d + '/' + name[len(d) + 1:]
    return name


def layer_of(src):
    for i, (_, pats) in enumerate(LAYERS):
        if any(re.fullmatch(p, src) for p in pats):
            return i
    return None


def uses(objs):
    """{A: {B: [symbols]}}: A uses symbols B defines."""
    owner = {}
    for o, (defs, _) in objs.items():
        for s in defs:
            owner[s] = o
    g = {o: {} for o in objs}
    for o, (_, undef) in objs.items():
        for s in undef:
            b = owner.get(s)
            if b and b != o:
                g[o].setdefault(b, []).append(s)
    return g


def cycle(g):
    """A circle of g as a list of nodes, or None."""
    state, stack = {}, []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for m in sorted(g[n]):
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if m not in state:
                c = visit(m)
                if c:
                    return c
        state[n] = 2
        stack.pop()
        return None

    for n in sorted(g):
        if n not in state:
            c = visit(n)
            if c:
                return c
    return None


def public_api(headers):
    api = set()
    for h in headers:
        with open(h, encoding='utf-8') as f:
            text = f.read()
        for m in re.finditer(r'SUMM_API\s+[^;]*?\b(summ_\w+)\s*\(', text, re.S):
            api.add(m.group(1))
    return api


def main():
    tool, static, shared, cli_archive, headers = sys.argv[1], sys.argv[2], sys.argv[3], \
        sys.argv[4], sys.argv[5:]
    results = []

    objs = objects(tool, static)
    defined = set().union(*(d for d, _ in objs.values()))
    bad = sorted(s for s in defined if not s.startswith('summ_'))
    api = public_api(headers)
    public = {s for s in defined if s.startswith('summ_') and not s.startswith('summ__')}
    exported = set()
    for line in nm(tool, shared, '-D', '--defined-only'):
        parts = line.split()
        if len(parts) == 3 and parts[1] in 'TDBRVW':
            exported.add(parts[2])
    msg = []
    if bad:
        msg.append('not prefixed with summ_: ' + ' '.join(bad))
    if public != api:
        msg.append('public symbols not in the headers: %s; in the headers, not defined: %s'
                   % (' '.join(sorted(public - api)) or '-', ' '.join(sorted(api - public)) or '-'))
    if exported != api:
        msg.append('the shared library exports %s and lacks %s'
                   % (' '.join(sorted(exported - api)) or '-', ' '.join(sorted(api - exported)) or '-'))
    results.append(('symbols: %d defined, %d public, all summ_' % (len(defined), len(api)), msg))

    g = uses(objs)
    c = cycle(g)
    results.append(('no circle between the library\'s files',
                    ['circle: ' + ' -> '.join(source_of(o) for o in c)] if c else []))

    msg = []
    for o in sorted(objs):
        lo = layer_of(source_of(o))
        if lo is None:
            msg.append('%s: in no layer (add it to LAYERS in tests/check_layers.py)' % source_of(o))
            continue
        for b, syms in sorted(g[o].items()):
            lb = layer_of(source_of(b))
            if lb is not None and lb > lo:
                msg.append('%s (%s) uses %s (%s): %s' % (source_of(o), LAYERS[lo][0], source_of(b),
                                                        LAYERS[lb][0], ' '.join(sorted(syms))))
    results.append(('no file uses a layer above its own', msg))

    cg = uses(objects(tool, cli_archive))
    c = cycle(cg)
    results.append(('no circle between the CLI\'s files',
                    ['circle: ' + ' -> '.join(source_of(o) for o in c)] if c else []))

    print('1..%d' % len(results))
    failed = 0
    for i, (name, msgs) in enumerate(results, 1):
        print('%s %d - %s' % ('not ok' if msgs else 'ok', i, name))
        for m in msgs:
            print('# ' + m)
        failed += bool(msgs)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

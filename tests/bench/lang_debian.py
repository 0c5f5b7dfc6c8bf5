#!/usr/bin/env python3
"""lang_debian.py [--train] [--dump FILE] SUMMARIZE [LOCALE_DIR [MAN_DIR]] -- language detection on
held-out text: Debian's translated manual pages and the half of its gettext
message catalogues that stopwords/profiles.py did not rank the profiles on
(a catalogue is held out when the CRC-32 of its file name is odd).

Pieces of 40-99, 100-199, 200-499 and 500-2000 characters are cut from
each document (paragraphs of a manual page, messages of a catalogue, run
together), at most PER_BIN per language, source and length, and detected
with `summarize --jsonl --split` (the language is in every output line).
Printed: accuracy by language and source, by locale where the locale is not
the code (sr@latin, bs, ...) or the language has close kin (sr, hr, sl)
with the answers given, by length, and the confusions.
Languages we do not have (Macedonian, Belarusian, Icelandic, ...) count as
right when they come out "und".

Translated manual pages keep some English (untranslated options,
examples): a piece whose words are mostly English stopwords is left out of
the manual-page set, by a rule that does not look at the detector.
Needs groff for the manual pages (skipped without it).
"""
import gettext
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
import zlib

PER_BIN = 60
BINS = [(40, 99), (100, 199), (200, 499), (500, 2000)]
# Locale directory -> our code. Languages not ours: "und" expected.
MAP = {'nb': 'no', 'nn': 'no', 'pt_BR': 'pt', 'sr@latin': 'sr', 'zh_CN': 'zh', 'zh_TW': 'zh'}
NOT_OURS = ['mk', 'be', 'is', 'sq', 'ky', 'bs', 'cy', 'mt', 'tt', 'oc', 'ast']
# Also shown by locale: languages close to others, whose confusions matter.
CLOSE_LOOK = {'sr', 'hr', 'sl', 'bs', 'mk'}
ENGLISH = set('the of and to a in is for with this that be are or not by on as an it from '
              'if you can will which when file files option options default'.split())


def code_of(loc, known):
    c = MAP.get(loc, loc)
    if c in known:
        return c
    return 'und' if loc in NOT_OURS else None


def pieces(text_units, rng):
    """Cut pieces of each bin's length from a document's units (paragraphs
    or messages), in order."""
    out = {b: [] for b in BINS}
    for lo, hi in BINS:
        cur = ''
        for u in text_units:
            cur = (cur + ' ' + u).strip() if cur else u
            if len(cur) >= lo:
                if len(cur) <= hi:
                    out[(lo, hi)].append(cur)
                cur = ''
    return out


def man_units(path):
    try:
        roff = gzip.open(path, 'rb').read() if path.endswith('.gz') else open(path, 'rb').read()
        txt = subprocess.run(['groff', '-k', '-mandoc', '-Tutf8', '-P-cbou'], input=roff,
                             capture_output=True, timeout=20).stdout.decode('utf-8', 'replace')
    except Exception:
        return []
    units = []
    for para in re.split(r'\n\s*\n', txt):
        p = ' '.join(para.split())
        words = re.findall(r'[^\W\d_]+', p.lower())
        if len(words) < 4:
            continue
        if sum(w in ENGLISH for w in words) * 4 > len(words):
            continue  # untranslated English
        units.append(p)
    return units[1:-1]  # the NAME line and the page footer


def mo_units(path):
    try:
        with open(path, 'rb') as f:
            cat = gettext.GNUTranslations(f)._catalog
    except Exception:
        return []
    units = []
    for key, msg in cat.items():
        if isinstance(key, tuple):
            key = key[0]
        if not isinstance(msg, str) or not key or key == msg:
            continue
        m = ' '.join(re.sub(r'%[-+ #0-9.*$]*[hlLqjzt]*[a-zA-Z]', ' ', msg).split())
        if len(re.findall(r'[^\W\d_]+', m)) >= 2:
            units.append(m)
    return units


def main():
    args = sys.argv[1:]
    # --train: the catalogues the profiles were ranked on, and no manual
    # pages: for choosing the detector's thresholds without looking at the
    # held-out text
    train = '--train' in args
    args = [a for a in args if a != '--train']
    # --dump FILE: write the pieces as JSON lines ({"id", "text"}) to FILE
    # and stop (tests/bench/langcmp.sh compares two builds on them)
    dump = None
    if '--dump' in args:
        i = args.index('--dump')
        dump = args[i + 1]
        del args[i:i + 2]
    summarize = args[0]
    locale_dir = args[1] if len(args) > 1 else '/usr/share/locale'
    man_dir = args[2] if len(args) > 2 else '/usr/share/man'
    if train:
        man_dir = '/nonexistent'
    rng = random.Random(11)
    # The codes summarize accepts: those of the locale directories that
    # --lang takes.
    known = set()
    for loc in os.listdir(locale_dir):
        c = MAP.get(loc, loc)
        if re.fullmatch(r'[a-z]{2}', c) and subprocess.run(
                [summarize, '--split', '--lang', c], input=b'x', capture_output=True).returncode == 0:
            known.add(c)
    samples = []  # (want, source, bin, text, locale)
    for loc in sorted(os.listdir(locale_dir)):
        want = code_of(loc, known)
        if want is None or want == 'en':
            continue
        d = os.path.join(locale_dir, loc, 'LC_MESSAGES')
        if os.path.isdir(d):
            got = {b: [] for b in BINS}
            for name in sorted(os.listdir(d)):
                if name.endswith('.mo') and zlib.crc32(name.encode()) % 2 == (0 if train else 1):
                    for b, ps in pieces(mo_units(os.path.join(d, name)), rng).items():
                        got[b].extend(ps)
            for b, ps in got.items():
                rng.shuffle(ps)
                samples += [(want, 'catalogues', b, p, loc) for p in ps[:PER_BIN]]
        md = os.path.join(man_dir, loc)
        if os.path.isdir(md) and shutil.which('groff'):
            got = {b: [] for b in BINS}
            for root, _, files in os.walk(md):
                for name in sorted(files):
                    for b, ps in pieces(man_units(os.path.join(root, name)), rng).items():
                        got[b].extend(ps)
            for b, ps in got.items():
                rng.shuffle(ps)
                samples += [(want, 'man pages', b, p, loc) for p in ps[:PER_BIN]]
    lines = ''.join(json.dumps({'id': i, 'text': s[3]}, ensure_ascii=False) + '\n'
                    for i, s in enumerate(samples))
    if dump:
        with open(dump, 'w', encoding='utf-8') as f:
            f.write(lines)
        return
    out = subprocess.run([summarize, '--jsonl', '--split'], input=lines.encode(),
                         capture_output=True).stdout.decode()
    got = {}
    for line in out.splitlines():
        r = json.loads(line)
        got[r['id']] = r.get('language', 'error')
    by_lang, by_bin, conf, by_loc = {}, {}, {}, {}
    for i, (want, src, b, _, loc) in enumerate(samples):
        g = got.get(i, 'error')
        ok = g == want
        for key, tab in (((want, src), by_lang), (b, by_bin)):
            t = tab.setdefault(key, [0, 0])
            t[0] += ok
            t[1] += 1
        if not ok:
            conf[(want, g)] = conf.get((want, g), 0) + 1
        if loc != want or want in CLOSE_LOOK:  # sr@latin, pt_BR, nb; bs, mk...: not ours
            t = by_loc.setdefault(loc, [0, 0, {}])
            t[0] += ok
            t[1] += 1
            t[2][g] = t[2].get(g, 0) + 1
    print('%-5s %-11s %9s' % ('lang', 'source', 'right'))
    for (want, src), (k, n) in sorted(by_lang.items()):
        print('%-5s %-11s %4d/%-4d %5.1f%%' % (want, src, k, n, 100.0 * k / n))
    print('by locale, where it is not the code or the language has close kin (answers given):')
    for loc, (k, n, gave) in sorted(by_loc.items()):
        print('  %-9s %4d/%-4d %5.1f%%  %s' % (loc, k, n, 100.0 * k / n, ' '.join(
            '%s:%d' % kv for kv in sorted(gave.items(), key=lambda kv: -kv[1])[:6])))
    print('by length (characters):')
    for b in BINS:
        k, n = by_bin.get(b, (0, 0))
        if n:
            print('  %4d-%-4d %5d/%-5d %5.1f%%' % (b[0], b[1], k, n, 100.0 * k / n))
    k = sum(v[0] for v in by_bin.values())
    n = sum(v[1] for v in by_bin.values())
    print('accuracy: %d of %d pieces (%.1f%%)' % (k, n, 100.0 * k / max(n, 1)))
    print('errors (want->got): ' + ', '.join(
        '%s->%s x%d' % (w, g, c) for (w, g), c in sorted(conf.items(), key=lambda x: -x[1])[:40]))


if __name__ == '__main__':
    main()

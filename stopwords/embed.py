#!/usr/bin/env python3
"""embed.py OUT.c FILE... -- compile word lists into the library.

Each FILE is stopwords/<code>.txt (a stopword list) or
stopwords/<kind>/<code>.txt, kind one of KINDS below (abbreviations,
boilerplate phrases, ...). Each list becomes a constant hash table (a
strtab, src/core/core.h) that the library looks words up in as it is:
nothing is parsed, folded or allocated at start-up. The detection
profiles (profiles/) are embedded as text, which src/lang/detect.c reads.

The tables are made as the library would make them from the same file at
run time (src/core/strset.c, summ__strset_load_list): the same lines kept
(white space trimmed, blank lines and '#' comments dropped), the same
folding (summ__fold_word: ASCII lower case, else NFKC and full case
folding as utf8proc does them, and U+2019 as an apostrophe), the same
hash (summ__hash). tests/test_lang.c checks every table against the
run-time parse of its file, so the two cannot drift apart unnoticed.
"""
import os
import sys
import unicodedata

# The subdirectories of stopwords/: their data_kind (src/core/core.h) and
# whether their entries are folded (kind_fold in src/core/data.c).
# Profiles (language detection, src/lang/detect.c) are not sets: their
# text is embedded as it is.
KINDS = {'': ('DATA_STOPWORDS', True), 'abbrev': ('DATA_ABBREV', False),
         'boiler': ('DATA_BOILER', True), 'keywords': ('DATA_KEYWORDS', True),
         'openers': ('DATA_OPENERS', True), 'profiles': ('DATA_PROFILE', None),
         'email': ('DATA_EMAIL', True), 'fillers': ('DATA_FILLERS', True),
         'pdf': ('DATA_PDF', True), 'nonfinal': ('DATA_NONFINAL', True),
         'cues': ('DATA_CUES', True), 'html': ('DATA_HTML', True)}

FOLD_BUF = 256      # summ__strset_load_list's buffer: longer folded entries are dropped
FOLD_CPS = 128      # summ__fold_word's code point buffer: longer words stay as they are
MAX_KEY = 0xFFFF    # a key's length is stored in two bytes

M64 = (1 << 64) - 1


def hash_round(h, w):
    h = ((h ^ w) * 0xc6a4a7935bd1e995) & M64
    return h ^ (h >> 47)


def summ_hash(b: bytes) -> int:
    """summ__hash (src/core/core.h), little-endian loads."""
    n = len(b)
    h = 0x9e3779b97f4a7c15 ^ n
    if n >= 8:
        i, k = 0, n
        while k > 8:
            h = hash_round(h, int.from_bytes(b[i:i + 8], 'little'))
            i += 8
            k -= 8
        h = hash_round(h, int.from_bytes(b[i + k - 8:i + k], 'little'))
    elif n >= 4:
        h = hash_round(h, int.from_bytes(b[:4], 'little') | int.from_bytes(b[n - 4:], 'little') << 32)
    elif n > 0:
        h = hash_round(h, b[0] | b[n // 2] << 8 | b[n - 1] << 16)
    h ^= h >> 32
    h = (h * 0xd6e8feb86659fd93) & M64
    return h ^ (h >> 32)


def decompose(c: str) -> str:
    """One code point as utf8proc_decompose_char() writes it with CASEFOLD
    and COMPAT: its full case folding if it has one, else its (canonical
    or compatibility) decomposition, each part decomposed again."""
    folded = c.casefold()
    if folded != c:
        return ''.join(decompose(x) for x in folded)
    d = unicodedata.decomposition(c)
    if d:
        parts = [p for p in d.split() if not p.startswith('<')]
        return ''.join(decompose(chr(int(p, 16))) for p in parts)
    return c


def fold_word(b: bytes) -> bytes:
    """summ__fold_word (src/text/fold.c)."""
    if all(x < 0x80 for x in b):
        return bytes(x + 32 if 0x41 <= x <= 0x5A else x for x in b)
    s = ''.join(decompose(c) for c in b.decode('utf-8'))
    if len(s) > FOLD_CPS:
        return b
    s = unicodedata.normalize('NFC', s).replace('\u2019', "'")
    return s.encode('utf-8')


def entries(data: bytes, fold: bool):
    """The keys summ__strset_load_list() would add, in order, deduplicated."""
    seen, out = set(), []
    for line in data.split(b'\n'):
        line = line.strip(b' \t\r')
        if not line or line.startswith(b'#'):
            continue
        if fold:
            line = fold_word(line)
            if len(line) > FOLD_BUF:
                continue
        if len(line) > MAX_KEY or line in seen:
            continue
        seen.add(line)
        out.append(line)
    return out


FILTER_WORDS = 32  # SUMM_FILTER_WORDS in src/core/core.h


def filter_bit(k: bytes) -> int:
    """summ__strset_bit() in src/core/core.h."""
    a, z = (k[0], k[-1]) if k else (0, 0)
    return (a * 0x3B + z * 0x9D + len(k) * 0x1F5) & (FILTER_WORDS * 64 - 1)


def key_filter(pool: bytes):
    """The filter words of the keys in pool."""
    words, i = [0] * FILTER_WORDS, 0
    while i < len(pool):
        n = pool[i] | pool[i + 1] << 8
        b = filter_bit(pool[i + 2:i + 2 + n])
        words[b >> 6] |= 1 << (b & 63)
        i += 2 + n
    return words


def table(keys):
    """(cap, slots, pool): open addressing as in strset.c, cap a power of
    two at least twice the keys (64 at least); a slot is 0 or 1 + the
    offset in pool of a key: two bytes of length (little-endian), then
    its bytes."""
    if not keys:
        return 0, [], b''
    cap = 64
    while len(keys) * 2 > cap:
        cap *= 2
    slots, pool = [0] * cap, bytearray()
    for k in keys:
        j = summ_hash(k) & (cap - 1)
        while slots[j]:
            j = (j + 1) & (cap - 1)
        slots[j] = len(pool) + 1
        pool += len(k).to_bytes(2, 'little') + k
    return cap, slots, bytes(pool)


def c_bytes(data: bytes) -> str:
    """data as C string literals, 76 columns."""
    out, line = [], ''
    for b in data:
        if b == 0x5C:
            piece = '\\\\'
        elif b == 0x22:
            piece = '\\"'
        elif 0x20 <= b < 0x7F and b != 0x3F:  # '?' escaped: no trigraphs
            piece = chr(b)
        else:
            piece = '\\%03o' % b
        if len(line) + len(piece) > 72:
            out.append('"' + line + '"')
            line = ''
        line += piece
    if line or not out:
        out.append('"' + line + '"')
    return '\n    '.join(out)


def c_slots(slots) -> str:
    out, line = [], []
    for v in slots:
        line.append(str(v))
        if len(line) == 12:
            out.append(', '.join(line) + ',')
            line = []
    if line:
        out.append(', '.join(line) + ',')
    return '\n    '.join(out)


def main() -> int:
    out_path, paths = sys.argv[1], sorted(sys.argv[2:])
    rows = []
    for p in paths:
        code = os.path.splitext(os.path.basename(p))[0]
        sub = os.path.basename(os.path.dirname(p))
        kind = KINDS.get(sub, KINDS[''] if sub == 'stopwords' else None)
        if kind is None:
            sys.exit('embed.py: %s: not a known kind of list (%s)' % (p, ', '.join(KINDS)))
        with open(p, 'rb') as f:
            data = f.read()
        data.decode('utf-8')  # fail the build on a list that is not UTF-8
        if kind[1] is None:
            rows.append((code, kind[0], (0, [], b''), data))
        else:
            rows.append((code, kind[0], table(entries(data, kind[1])), None))
    with open(out_path, 'w', encoding='ascii') as f:
        f.write('/* Generated by stopwords/embed.py: do not edit. */\n')
        f.write('#include "core/core.h"\n\n')
        f.write('#if defined(__GNUC__)\n#pragma GCC diagnostic ignored "-Woverlength-strings"\n'
                '#endif\n\n')
        for k, (code, kind, (cap, slots, pool), text) in enumerate(rows):
            if text is not None:
                f.write('/* %s, %s */\nstatic const char text%d[] =\n    %s;\n\n'
                        % (code, kind, k, c_bytes(text)))
            if not cap:
                continue
            f.write('/* %s, %s: %d entries */\n' % (code, kind, sum(1 for s in slots if s)))
            f.write('static const uint32_t slot%d[%d] = {\n    %s\n};\n' % (k, cap, c_slots(slots)))
            f.write('static const unsigned char pool%d[] =\n    %s;\n' % (k, c_bytes(pool)))
            f.write('static const uint64_t filter%d[%d] = {\n    %s\n};\n\n'
                    % (k, FILTER_WORDS, ', '.join('0x%016xULL' % w for w in key_filter(pool))))
        f.write('const builtin_list summ__builtin_lists[] = {\n')
        for k, (code, kind, (cap, slots, pool), text) in enumerate(rows):
            n = sum(1 for s in slots if s)
            tab = (('{ slot%d, pool%d, %d, %d, filter%d }' % (k, k, cap, n, k)) if cap
                   else '{ NULL, NULL, 0, 0, NULL }')
            txt = ('text%d, %d' % (k, len(text))) if text is not None else 'NULL, 0'
            f.write('    { "%s", %s, %s, %s },\n' % (code, kind, tab, txt))
        f.write('    { NULL, DATA_STOPWORDS, { NULL, NULL, 0, 0, NULL }, NULL, 0 },\n};\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())

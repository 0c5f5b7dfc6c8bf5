#!/usr/bin/env python3
"""formats_quality.py SUMMARIZE FORMAT FILE... -- how many summary sentences
are not the document's own prose, for formats.sh's quality part.

For each FILE, runs `SUMMARIZE -f json -n 3` and `-r 0.3`, and counts the
sentences that are (by rules of this script, written independently of the
library's readers, from the source bytes each sentence's span covers and
the text it prints):

  markdown    code (fenced, indented), tables, HTML, front matter, reference
              definitions, or markup in the printed text (link, image,
              emphasis or code syntax, heading marks)
  email       headers, quoted text ("> ", "... wrote:", an Original
              Message and what follows), signatures (after "-- ", or a
              sign-off with the lines after it), disclaimers and client
              lines ("intended recipient", "Sent from my iPhone", a list
              footer), greetings ("Hi all,")
  pdftext     page furniture (a line repeated at the top or bottom of
              pages, a page number) or a hyphenation left broken
              ("reduc- tion")
  speech      cue numbers, timings, markup, speaker labels and notes in the
              text, or a sentence of only fillers ("Okay.", "Yeah.")

Prints one line per file and a total per format:
  FILE SENTENCES BAD (n3) SENTENCES BAD (r0.3)
"""
import json
import re
import subprocess
import sys

FILLERS = set('um umm uh uhm er erm ah hmm mm mhm mm-hmm okay ok yeah yep yes right so well '
              'oh sure great cool thanks thank you alright and i it is that'.split())


def spans(exe, path, args):
    out = subprocess.run([exe, '-f', 'json', *args, path], capture_output=True, check=False)
    if out.returncode != 0:
        return []
    d = json.loads(out.stdout.decode('utf-8').splitlines()[0])
    return [(s['offset'], s['length'], s['text']) for s in d['sentences']]


def lines_of(src):
    """[(start, end, text)] of the lines of src (bytes offsets, str text)."""
    out, p = [], 0
    for raw in src.split(b'\n'):
        out.append((p, p + len(raw), raw.decode('utf-8', 'replace')))
        p += len(raw) + 1
    return out


def overlaps(a, b, regions):
    return any(a < e and s < b for s, e in regions)


# ---- markdown ------------------------------------------------------------------

MD_MARKUP = re.compile(r'\]\(|!\[|`|\*\*|__|<!--|<img|<a |<div|<p |\|\s*-{3}|^#{1,6} |\[!')


def md_regions(src):
    regs, ls = [], lines_of(src)
    i, prev_blank = 0, True
    if ls and ls[0][2].strip() in ('---', '+++'):
        for j in range(1, len(ls)):
            if ls[j][2].strip() in ('---', '+++', '...'):
                regs.append((ls[0][0], ls[j][1]))
                i = j + 1
                break
    while i < len(ls):
        s, e, t = ls[i]
        st = t.strip()
        m = re.match(r'^ {0,3}(`{3,}|~{3,})', t)
        if m:
            fence, j = m.group(1), i + 1
            while j < len(ls) and not ls[j][2].strip().startswith(fence):
                j += 1
            regs.append((s, ls[min(j, len(ls) - 1)][1]))
            i, prev_blank = j + 1, False
            continue
        if prev_blank and t.startswith('    ') and st and not re.match(r'\s*([-*+]|\d+[.)])\s', t):
            regs.append((s, e))
            i += 1
            continue
        if '|' in t and i + 1 < len(ls) and re.match(r'^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$', ls[i + 1][2]):
            j = i
            while j < len(ls) and '|' in ls[j][2] and ls[j][2].strip():
                j += 1
            regs.append((s, ls[j - 1][1]))
            i = j
            continue
        if re.match(r'<(/?(p|div|img|a|br|hr|table|tr|td|details|summary|h[1-6]|picture|source|span|'
                    r'b|i|center|kbd|sup|sub|ul|ol|li|pre|code|dl|dt|dd)\b|!--)', st, re.I):
            j = i
            while j < len(ls) and ls[j][2].strip():
                j += 1
            regs.append((s, ls[j - 1][1]))
            i = j
            continue
        if re.match(r'^ {0,3}\[[^\]]+\]:\s*\S', t) and not re.match(r'^ {0,3}\[\^', t):
            regs.append((s, e))
        prev_blank = not st
        i += 1
    return regs


def bad_markdown(src, regs, off, ln, text):
    return overlaps(off, off + ln, regs) or bool(MD_MARKUP.search(text))


# ---- e-mail ----------------------------------------------------------------------

DISCLAIMER = re.compile(r'intended recipient|confidential|privileged|unsubscribe|listinfo|'
                        r'mailing list|sent from my|get outlook|received this (e-?mail|message) in error',
                        re.I)
CLOSING = re.compile(r'^(thanks|thank you|best|best regards|kind regards|regards|cheers|'
                     r'cordialement|sincerely)\b[^.!?]{0,30}$', re.I)
GREETING = re.compile(r'^(hi|hello|hey|dear|bonjour|hallo)\b[^.?]{0,30}[,!:]?$', re.I)


def email_regions(src):
    regs, ls = [], lines_of(src)
    # headers: every block of "Name: value" lines at the top of a message
    in_hdr = True
    for i, (s, e, t) in enumerate(ls):
        if t.startswith('From ') and (i == 0 or not ls[i - 1][2].strip()):
            in_hdr = True
        if in_hdr:
            regs.append((s, e))
            if not t.strip():
                in_hdr = False
            continue
        st = t.strip()
        if (t.lstrip().startswith('>') and not t.startswith('>From ')) or re.search(r'wrote:\s*$', t):
            regs.append((s, e))
        if re.match(r'^-+ ?original message ?-+$', st, re.I):
            regs.append((s, len(src)))
        if re.match(r'^(From|Sent|To|Cc|Date|Subject):', t) and i > 0:
            regs.append((s, e))
    # signatures and disclaimers, paragraph by paragraph
    sig = False
    para = []
    for i, (s, e, t) in enumerate(ls + [(len(src), len(src), '')]):
        st = t.strip()
        if t in ('-- ', '--'):
            sig = True
        if t.startswith('From ') and (i == 0 or not ls[i - 1][2].strip()):
            sig = False
        if sig:
            regs.append((s, e))
        if CLOSING.match(st) or GREETING.match(st):
            regs.append((s, e))
            j = i + 1
            while CLOSING.match(st) and j < len(ls) and ls[j][2].strip() and len(ls[j][2]) < 60:
                regs.append((ls[j][0], ls[j][1]))
                j += 1
        if st:
            para.append((s, e, t))
        else:
            if para and DISCLAIMER.search(' '.join(x[2] for x in para)):
                regs.append((para[0][0], para[-1][1]))
            para = []
    return regs


def bad_email(src, regs, off, ln, text):
    return overlaps(off, off + ln, regs)


# ---- PDF text ----------------------------------------------------------------------

def pdf_regions(src):
    """[(start, end, text)] of the furniture lines at the edges of pages."""
    pages, p = [], 0
    for pg in src.split(b'\f'):
        ls = [(p + s, p + e, t.strip()) for s, e, t in lines_of(pg) if t.strip()]
        pages.append(ls)
        p += len(pg) + 1
    shapes = {}
    for ls in pages:
        for k in {re.sub(r'\d+', '#', t.lower()) for _, _, t in ls[:2] + ls[-2:]}:
            shapes[k] = shapes.get(k, 0) + 1
    furn = []
    for ls in pages:
        for s, e, t in ls[:2] + ls[-2:]:
            k = re.sub(r'\d+', '#', t.lower())
            if shapes.get(k, 0) >= 2 or re.match(r'^(page\s*)?[-–(]?\s*\d+\s*[-–)]?(\s*(of|/)\s*\d+)?$', t, re.I) \
                    or re.match(r'^[ivxlc]+$', t):
                furn.append((s, e, t))
    return furn


def bad_pdf(src, furn, off, ln, text):
    """A broken hyphenation in the text, or a furniture line at a page's edge
    inside the span that the text still prints."""
    flat = ' '.join(text.split())
    if re.search(r'[a-z]- [a-z]', flat):
        return True
    return any(off < e and s < off + ln and t in flat for s, e, t in furn)


# ---- speech -------------------------------------------------------------------------

SPEECH_MARKUP = re.compile(r'-->|\b\d{1,2}:\d{2}(:\d{2})?([.,]\d+)?\b(?! ?(am|pm|a\.m|p\.m))|<v |</?[ibuc]\b|'
                           r'\[[^\]]*\]|\((laughs|inaudible|crosstalk|applause)\)|\u266a|'
                           r'^[A-Z][A-Za-z. ]{0,30}:\s|^Speaker \d')


def bad_speech(src, regs, off, ln, text):
    flat = ' '.join(text.split())
    if SPEECH_MARKUP.search(flat):
        return True
    words = re.findall(r"[a-z'-]+", flat.lower())
    return bool(words) and all(w in FILLERS for w in words)


RULES = {
    'markdown': (md_regions, bad_markdown),
    'email': (email_regions, bad_email),
    'pdftext': (pdf_regions, bad_pdf),
    'speech': (lambda src: None, bad_speech),
}


def main():
    exe, fmt, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    regions, bad = RULES[fmt]
    tot = [0, 0, 0, 0]
    for path in files:
        src = open(path, 'rb').read()
        regs = regions(src)
        row = []
        for args in (['-n', '3'], ['-r', '0.3']):
            ss = spans(exe, path, args)
            row += [len(ss), sum(1 for o, l, t in ss if bad(src, regs, o, l, t))]
        tot = [a + b for a, b in zip(tot, row)]
        print('%-60s %3d %3d   %3d %3d' % (path[-60:], *row))
    pct = lambda b, n: 100.0 * b / n if n else 0.0
    print('%-60s %3d %3d (%.1f%%)   %3d %3d (%.1f%%)' % (
        'TOTAL ' + fmt, tot[0], tot[1], pct(tot[1], tot[0]), tot[2], tot[3], pct(tot[3], tot[2])))


if __name__ == '__main__':
    main()

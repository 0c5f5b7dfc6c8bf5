#!/usr/bin/env python3
"""profiles.py LOCALE_DIR -- regenerate stopwords/profiles/<code>.txt.

The language detector's profiles (src/lang/detect.c): for each language,
the entries of its stopword list (stopwords/<code>.txt) that are most
frequent in running text, and a few telling word endings.

Not run by the build: run it by hand, check the diff, commit the files.

    python3 stopwords/profiles.py /usr/share/locale

Where the words come from. Only the language's own stopword list (see
README.md for the lists' sources) can give a profile word, so no content
word of any text can become one. The list is ranked by how often each entry
occurs in the *training half* of the gettext message catalogues that Debian
packages install (LOCALE_DIR/<locale>/LC_MESSAGES/*.mo: the translated
messages of programs such as coreutils, apt, glib); a catalogue is in the
training half when the CRC-32 of its file name is even. The other half, and
Debian's translated manual pages, are the held-out evaluation text
(tests/bench/lang.sh). The Universal Declaration of Human Rights, which the
detector was once tuned on, is not read at all.

Languages without enough catalogue text (fewer than MIN_TOKENS words) keep
their list's own order (the lists written for this project put the most
common words first). The endings are written for this project (ENDINGS
below): suffixes common in the language's inflection, each one that its
Snowball stemmer removes where there is one; so are the few sequences of
letters inside words that tell Serbian from Croatian (INSIDE).
"""
import gettext
import os
import re
import sys
import unicodedata
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

# Profile size: the most frequent function words decide; more only add
# chance hits from other languages.
TOP = 60
MIN_TOKENS = 5000

# Locale directory names of each code (gettext's, not BCP 47).
LOCALES = {
    'no': ['nb', 'nb_NO', 'no'], 'pt': ['pt', 'pt_BR', 'pt_PT'], 'sr': ['sr', 'sr@latin', 'sr@Latn'],
    'zh': ['zh_CN'],
}

# Endings, written for this project (the same that the detector had before
# its profiles became data, and new ones for the languages added with them).
ENDINGS = {
    'en': '-tion -tions -ing -ness -ly',
    'ca': '-ció -cions -tat -ment -ats',
    'da': '-hed -heden -heder -erne -ende -else -ighed',
    'de': '-ung -ungen -keit -heit -lich -ischen -schaft',
    'es': '-ción -ciones -dad -idad -mente',
    'eu': '-ak -aren -tzen -tasun -tasuna -ko -ren -rik -ean -etan',
    'fi': '-ssa -ssä -sta -stä -lla -llä -lta -ltä -ksi -nen -inen -isen -iset -minen -aan -ään',
    'fr': '-tion -tions -ment -ité -eux -aux -ées -és',
    'ga': '-eacht -aíocht -anna -acha -ín',
    'hu': '-ban -ben -nak -nek -ból -ből -ról -ről -val -vel -ság -ség -ához -éhez',
    'id': '-kan -nya -lah -kah',
    'it': '-zione -zioni -ità -mente -ezza',
    'lt': '-ų -ės -ims -imo -ams -ymo -iai -ius -ijos -ą -ę -ė',
    'nl': '-heid -lijk -lijke -ijk -tie -iteit',
    'no': '-het -heten -heter -ene -ende -else -ighet -tt',
    'pt': '-ção -ções -dade -mente -ões -ão',
    'ro': '-ție -ția -ții -ţie -ţia -ţii -ului -ilor -ări -ește -ul -ă',
    'sr': '-ost -osti -anja -enja -ija -ima -ći -će -ju -ama -ije '
          '-ост -ости -ања -ења -ија -има -ћи -ће -ју -ама -ије '
          '-eo -ео',
    # Croatian inflects as Serbian does: the same endings, so that they
    # count for both alike (with them for Serbian only, Croatian text was
    # taken for Serbian)
    'hr': '-ost -osti -anja -enja -ija -ima -ći -će -ju -ama -ije '
          '-jelo -jela -jeli',
    # Slovene, whose function words are much like Serbian and Croatian
    # ones: its adjective genitive -ega (Croatian -og, -oga), -oče where
    # they write -oće (mogoče/moguće), verbs in -jo
    'sl': '-ega -oče -jo',
    'sv': '-het -heten -heter -erna -arna -orna -ande -else -ning -ningar -igt',
    'tr': '-lar -ler -ları -leri -ının -inin -ması -mesi -dır -dir -lık -lik -ı -ını -ına -ında -ğı -ği',
    'ru': '-ого -ости -ость -ние -ния -ться -ами -ых -ой -ей -ая -ые -ий -ся -ть -ему',
    'bg': '-ът -ят -ата -ото -ите -ията',
    'uk': '-ння -ого -ість -ості -ами -ові -ється',
    'pl': '-ość -ości -anie -enie -ach -ami -owie -ych -ego',
    'cs': '-ost -osti -ání -ení -ých -ého -ými',
    'sk': '-osť -osti -anie -enie -ých -ého -ými',
    'hi': '-ों -ाओं -ियों',
    'ne': '-मा -को -ले -लाई -हरू -छ -छन्',
}

# Sequences of letters anywhere in a word ("~mje"), written for this
# project like the endings and counted as they are: where Serbian and
# Croatian, which share most function words, differ in their spelling of
# the same words. The old vowel jat is "e" in (ekavian) Serbian and "je" or
# "ije" in (ijekavian) Croatian: mleko/mlijeko, mesto/mjesto,
# uspelo/uspjelo, menjati/mijenjati, levo/lijevo, deo/dio, hteo/htio. In
# Croatian the consonant + "je"/"ije" that only jat makes; in Serbian its
# "-eo" past participle and deo, ceo (endings, above) and the ekavian
# stems of common words with jat. And Croatian ć where Serbian has št in
# the same word (opći/opšti, općina/opština). Slovene is ekavian too (mesto, uspeh,
# menjati): the stems it shares are in its profile as well, so that they
# count for both and tell Serbian from Croatian only.
EKAVIAN_SHARED = '~uspe ~mest ~menj ~izmen ~zamen'
INSIDE = {
    'hr': '~mje ~vje ~pje ~sje ~mije ~lije ~dije ~tije ~vije ~vrije ~opć',
    'sr': EKAVIAN_SHARED + ' ~promen ~premeš ~obezbed ~sledeć ~obaveš ~primen ~belež ~opšt',
    'sl': EKAVIAN_SHARED,
}

# Macedonian has no stopword list anywhere we take lists from and is not a
# language we summarize, but Cyrillic text in it must not be taken for
# Bulgarian or Serbian: common function words, written for this project.
EXTRA_PROFILES = {
    'mk': ('на и во се од за да со е што не ќе кој која кое тоа како или до по при ги го '
           'ја има беше бил биле ова овој оваа тие таа тој нема може сите',
           '-от -ота -ите -ење -ања'),
}

# printf directives (%s, %1$d, %-10lu), escapes and markup are not words
NOISE = re.compile(r"%[-+ #0-9.*$']*[hlLqjzt]*[a-zA-Z%]|\\[a-z]|<[^>]*>|&[a-z]+;|\$\{?\w+\}?")


def words_of(text):
    """Runs of letters and combining marks (Indic vowel signs are marks),
    with inner apostrophes: the words of src/tokenize.c, less digits."""
    out, cur = [], []
    for i, c in enumerate(text):
        cat = unicodedata.category(c)
        if cat[0] in 'LM' or (c in "'’" and cur and i + 1 < len(text)
                               and unicodedata.category(text[i + 1])[0] == 'L'):
            cur.append(c)
        elif cur:
            out.append(''.join(cur))
            cur = []
    if cur:
        out.append(''.join(cur))
    return out


def fold(w):
    return unicodedata.normalize('NFKC', unicodedata.normalize('NFKC', w).casefold())


def training_catalogues(locale_dir, code):
    for loc in LOCALES.get(code, [code]):
        d = os.path.join(locale_dir, loc, 'LC_MESSAGES')
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith('.mo') and zlib.crc32(name.encode()) % 2 == 0:
                yield os.path.join(d, name)


def counts(locale_dir, code):
    """In how many catalogues each word occurs (document frequency: a word
    that one program repeats does not rise), and the words read. English
    is read from the messages' originals (msgid) of the German catalogues."""
    freq, total = {}, 0
    freq[None] = 0  # the number of catalogues read
    source = 'de' if code == 'en' else code
    for path in training_catalogues(locale_dir, source):
        try:
            with open(path, 'rb') as f:
                cat = gettext.GNUTranslations(f)._catalog
        except Exception:  # a catalogue we cannot read is left out
            continue
        seen = set()
        for key, msg in cat.items():
            if isinstance(key, tuple):
                key = key[0]
            if not isinstance(msg, str) or key == '' or key == msg:
                continue  # the header, and messages left untranslated
            text = key if code == 'en' else msg
            for w in words_of(NOISE.sub(' ', text)):
                w = fold(w).replace('’', "'")
                seen.add(w)
                if code in DIGRAPHIC:  # a word counts in either script
                    seen.update(other_scripts(w))
                if code in SPELLINGS:
                    seen.update(SPELLINGS[code](w))
                total += 1
        for w in seen:
            freq[w] = freq.get(w, 0) + 1
        freq[None] += 1
    return freq, total


# Some lists hold the whole alphabet (es, ro, sl, bg): their one-letter
# entries are letters, not words, and "b" or "x" is no sign of a language.
# From those lists only these one-letter words are profile words.
ALPHABET_LISTS = 12
ONE_LETTER_WORDS = {
    'es': 'y a o e u', 'ro': 'a o e', 'sl': 'a v z s k o i', 'bg': 'и в с а у е',
}


# Languages written in two scripts: TOP words of each, since the detector
# indexes each script apart and a text is in one of them (Serbian Latin with
# only the few Latin words that made the top of a mostly Cyrillic ranking
# was taken for Croatian).
DIGRAPHIC = {'sr'}


# Serbian Cyrillic -> Latin (one to one; stopwords/convert.py goes the other way).
SR_LATIN = dict(zip('абвгдђежзијклмнопрстћуфхцчш', 'abvgdđežzijklmnoprstćufhcčš'))
SR_LATIN.update({'џ': 'dž', 'љ': 'lj', 'њ': 'nj'})
SR_CYRILLIC = {v: k for k, v in SR_LATIN.items()}


def other_scripts(w):
    """The Serbian word w in the other alphabet."""
    if any(c in SR_LATIN for c in w):
        return [''.join(SR_LATIN.get(c, c) for c in w)]
    for a in ('dž', 'lj', 'nj'):
        w = w.replace(a, SR_CYRILLIC[a])
    return [''.join(SR_CYRILLIC.get(c, c) for c in w)]


# Romanian writes ș ț with a comma below or (as fonts long had only those)
# with a cedilla: a word counts in either spelling, and a profile word is
# there in both.
RO_COMMA = str.maketrans('şţ', 'șț')
RO_CEDILLA = str.maketrans('șț', 'şţ')
SPELLINGS = {'ro': lambda w: [w.translate(RO_COMMA), w.translate(RO_CEDILLA)]}


def top_words(code, words):
    """The TOP first words (of each script, for DIGRAPHIC languages), each
    with its other spellings (SPELLINGS) besides."""
    words = list(dict.fromkeys(words))
    spell = SPELLINGS.get(code, lambda w: [])
    out, n = [], {}
    for w in words:
        if w in out:
            continue
        script = unicodedata.name(w[0], '?').split()[0] if code in DIGRAPHIC else ''
        if n.get(script, 0) < TOP:
            out.append(w)
            out += [v for v in spell(w) if v != w and v not in out]
            n[script] = n.get(script, 0) + 1
    return out


# Languages so close that most of their function words are the same:
# a word in one's profile that is as much the other's goes in both
# profiles, so that it counts half for each (the detector shares a word
# among the profiles that have it) and only the words in which they differ
# decide. Without it a shared word that made one ranking's top but not the
# other's counted wholly for the one. "As much the other's": in its
# stopword list, or in at least half as large a share of its training
# catalogues (the lists are uneven: Serbian's has "ima", "broj", which
# Croatian text uses as much).
CLOSE = [('sr', 'hr')]


def share_close(made, freqs):
    for group in CLOSE:
        for a in group:
            stop = set(read_list(os.path.join(HERE, a + '.txt')))
            fa = freqs[a]
            words, endings, src = made[a]
            added = []
            for b in group:
                fb = freqs[b]
                for w in made[b][0]:
                    if w in words or w in added or w.startswith(('-', '~')):
                        continue
                    share_a = fa.get(w, 0) / max(fa[None], 1)
                    share_b = fb.get(w, 0) / max(fb[None], 1)
                    if w in stop or share_a * 2 >= share_b:
                        added.append(w)
            if added:
                src += ('; with the %d words of the profile of %s that are as much its own'
                        % (len(added), ', '.join(b for b in group if b != a)))
                made[a] = (words + added, endings, src)


def read_list(path):
    out = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#') and ' ' not in line:
                out.append(fold(line))
    return out


def main():
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    locale_dir = sys.argv[1]
    out_dir = os.path.join(HERE, 'profiles')
    os.makedirs(out_dir, exist_ok=True)
    codes = sorted(f[:-4] for f in os.listdir(HERE) if f.endswith('.txt'))
    made = {}  # code: (words, endings, where they come from)
    freqs = {}  # code: catalogue frequencies (counts())
    for code in codes + sorted(EXTRA_PROFILES):
        if code in ('ja', 'zh', 'ko'):
            continue  # told by their scripts alone
        if code in EXTRA_PROFILES:
            words, endings = EXTRA_PROFILES[code]
            words, src = words.split(), 'written for this project'
        else:
            words = read_list(os.path.join(HERE, code + '.txt'))
            if sum(len(w) == 1 for w in words) >= ALPHABET_LISTS:
                keep = ONE_LETTER_WORDS.get(code, '').split()
                words = [w for w in words if len(w) > 1 or w in keep]
            endings = (ENDINGS.get(code, '') + ' ' + INSIDE.get(code, '')).strip()
            freq, total = counts(locale_dir, code)
            freqs[code] = freq
            if total >= MIN_TOKENS:
                ranked = sorted((w for w in dict.fromkeys(words) if freq.get(w, 0) >= 2),
                                key=lambda w: (-freq[w], words.index(w)))
                src = ('stopwords/%s.txt ranked by the number of catalogues of the training half '
                       'of Debian\'s message catalogues (%d words) that use each' % (code, total))
                if len(ranked) < TOP // 2:
                    src += '; then in its own order (%d found in them)' % len(ranked)
                    ranked += [w for w in words if w not in ranked]
                words = ranked
            else:
                src = 'stopwords/%s.txt in its own order (too little catalogue text: %d words)' % (
                    code, total)
        made[code] = (top_words(code, words), endings, src)
    share_close(made, freqs)
    for code, (words, endings, src) in sorted(made.items()):
        with open(os.path.join(out_dir, code + '.txt'), 'w', encoding='utf-8') as f:
            f.write('# Detection profile, language %s: %s.\n' % (code, src))
            f.write('# Generated by stopwords/profiles.py: edit that, not this file.\n')
            for w in words:
                f.write(w + '\n')
            for e in endings.split():
                f.write(e + '\n')
        print('%s %3d words %2d endings  %s' % (code, len(words), len(endings.split()), src))
    return 0


if __name__ == '__main__':
    sys.exit(main())

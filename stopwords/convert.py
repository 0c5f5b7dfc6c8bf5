#!/usr/bin/env python3
"""convert.py NODE_MODULES -- regenerate stopwords/<code>.txt.

Not run by the build: run it by hand when a source list changes, check the
diff, commit the .txt files. It reads two npm packages (install them into a
scratch directory first):

    cd /tmp && npm install stopwords-iso@1.1.0 @orama/stopwords@3.1.18
    python3 stopwords/convert.py /tmp/node_modules

and writes one list per language next to this script. Which package each
language comes from, and why, is in SOURCES below and in README.md.

Clean-up done here, the same for every list: Unicode NFC, curly apostrophe
to ASCII (the Snowball English stemmer expects '), lower case, entries with
digits or without any letter dropped, entries in another script than the
language's dropped (punctuation in the zh and ko lists), duplicates dropped,
order kept. Mojibake (lists once saved in a Windows code page and read back
as Latin-1) is repaired with that code page. Serbian gets the Cyrillic
spelling of each word too, since Serbian is written in both scripts, and
Romanian both spellings of ș and ț (comma below and cedilla).
"""
import json
import os
import re
import sys
import unicodedata

ISO = ('stopwords-iso', '1.1.0', 'MIT')
ORAMA = ('@orama/stopwords', '3.1.18', 'Apache-2.0')

# code: (package, key in that package, code page of the mojibake or None, why)
# The Snowball project's own lists (BSD-3-Clause; @orama/stopwords ships them
# unchanged for these languages) are small and made to go with the Snowball
# stemmers: preferred where they exist. stopwords-iso's lists are larger and
# mix sources (its English list has "information", "world", "microsoft"),
# which would throw content words away: used where no Snowball list exists.
SOURCES = {
    'ar': (ISO, 'ar', None, ''),
    'hy': (ISO, 'hy', None, ''),
    'eu': (ISO, 'eu', None, ''),
    'ca': (ISO, 'ca', None, ''),
    'da': (ORAMA, 'dk', None, 'Snowball list'),
    'nl': (ORAMA, 'nl', None, 'Snowball list'),
    'en': (ORAMA, 'en', None, 'Snowball list, with us can may might must shall will, less a'),
    'fi': (ORAMA, 'fi', None, 'Snowball list'),
    'fr': (ORAMA, 'fr', None, 'Snowball list'),
    'de': (ORAMA, 'de', None, 'Snowball list'),
    'el': (ISO, 'el', None, "Orama's Greek list has no accents, Greek text does"),
    'hi': (ISO, 'hi', None, ''),
    'hu': (ISO, 'hu', None, ''),
    'id': (ISO, 'id', None, ''),
    'ga': (ISO, 'ga', None, ''),
    'it': (ORAMA, 'it', None, 'Snowball list'),
    'lt': (ISO, 'lt', 'cp1257', ''),
    'ne': (ORAMA, 'np', None, 'not in stopwords-iso'),
    'no': (ORAMA, 'no', None, 'Snowball list'),
    'pt': (ORAMA, 'pt', None, 'Snowball list'),
    'ro': (ISO, 'ro', None, ''),
    'ru': (ORAMA, 'ru', None, 'Snowball list'),
    'sr': (ORAMA, 'rs', 'cp1250', 'not in stopwords-iso'),
    'es': (ORAMA, 'es', None, 'no digits, unlike stopwords-iso'),
    'sv': (ORAMA, 'se', None, 'Snowball list'),
    'ta': (ORAMA, 'ta', None, 'not in stopwords-iso'),
    'tr': (ISO, 'tr', 'cp1254', ''),
    'zh': (ISO, 'zh', None, ''),
    'ja': (ISO, 'ja', None, ''),
    'ko': (ISO, 'ko', None, ''),
    # Languages without a Snowball stemmer in libstemmer 2.2: stopwords only.
    'af': (ISO, 'af', None, ''),
    'bg': (ISO, 'bg', None, ''),
    'bn': (ISO, 'bn', None, ''),
    'cs': (ISO, 'cs', None, ''),
    'et': (ISO, 'et', None, ''),
    'fa': (ISO, 'fa', None, 'punctuation entries dropped'),
    'gl': (ISO, 'gl', None, ''),
    'gu': (ISO, 'gu', None, ''),
    'he': (ISO, 'he', None, ''),
    'hr': (ISO, 'hr', None, ''),
    'lv': (ISO, 'lv', None, ''),
    'mr': (ISO, 'mr', None, ''),
    'pl': (ISO, 'pl', None, ''),
    'sk': (ISO, 'sk', None, ''),
    'sl': (ISO, 'sl', None, ''),
    'uk': (ISO, 'uk', None, ''),
    'vi': (ISO, 'vi', None, 'entries of several syllables dropped (words are read one syllable at a time)'),
}

# stopwords-iso lists not used, and why (README.md says the same):
#   ur: garbled (a legacy font encoding: "اوًچب" for "اونچا"): project list below
#   ms: names and content words (abdul, ahmad, amerika, bank)
#   br, ha, ku, la, so, st, sw, tl, yo, zu, eo: not segmented or detected yet

# Words a packaged list lacks, added here with the reason.
EXTRA = {
    # The Snowball English list has "a"; @orama/stopwords dropped it (its
    # tokenizer skips one-letter words), ours does not.
    'en': ['a'],
    # The Serbian list of @orama/stopwords lacks the language's most common
    # function words (and, in, is, self, that, on, for, from, are, to: the
    # first line). Serbian and Croatian share most of their function words, but the two
    # packaged lists hold different halves of them (the Serbian one has no
    # pronouns or auxiliaries: ja, mi, on, sam, smo, bi; the Croatian one no
    # dok, gdje, između, osim, zbog, prema), so that a word of either
    # language counted for the one whose list happened to have it. Each list
    # gets the other's function words that are the same in both standards,
    # and the words in which the standards differ, each in its own form:
    # ekavian Serbian pre, posle, gde, uvek, ceo against ijekavian Croatian
    # prije, poslije, gdje, uvijek, cijeli; Serbian ko, neko, niko, takođe,
    # uopšte, tokom, ponovo against Croatian tko, netko, nitko, također,
    # uopće, tijekom, ponovno (Serbian šta, "what", was there already).
    'sr': ['i', 'u', 'je', 'se', 'da', 'na', 'za', 'od', 'su', 'do', 'a', 'o', 's', 'sa', 'ne',
           'li', 'ni', 'ili', 'će', 'ako',
           'ali', 'bi', 'bih', 'bila', 'bili', 'bilo', 'bismo', 'biste', 'ga', 'hoće', 'hoćemo',
           'hoćete', 'hoćeš', 'hoću', 'ih', 'iz', 'ja', 'jedna', 'jedne', 'jedno', 'jer', 'jesam',
           'jesi', 'jesmo', 'jest', 'jesu', 'jim', 'joj', 'kada', 'kojima', 'koju', 'me', 'mene',
           'meni', 'mi', 'mimo', 'moj', 'moja', 'moje', 'mu', 'nad', 'nakon', 'nam', 'nama', 'nas',
           'naša', 'naše', 'našeg', 'neka', 'nekog', 'neku', 'nema', 'neće', 'nećemo', 'nećete',
           'nećeš', 'neću', 'nikoga', 'nikoje', 'nikoju', 'nisam', 'nisi', 'niste', 'nisu',
           'njegova', 'njegovo', 'njemu', 'njihova', 'njihovo', 'njim', 'njima', 'njoj', 'nju',
           'no', 'on', 'ova', 'pa', 'pak', 'po', 'pod', 'pored', 'sam', 'samo', 'sebe', 'sebi', 'si',
           'smo', 'ste', 'svi', 'svog', 'svoj', 'svoja', 'svoje', 'svom', 'ta', 'tako', 'te', 'tebe',
           'tebi', 'ti', 'to', 'toj', 'tome', 'tu', 'tvoj', 'tvoja', 'tvoje', 'uz', 'vam', 'vama',
           'vas', 'vaša', 'vaše', 'već', 'vi', 'vrlo', 'zar', 'ćemo', 'ćete', 'ćeš', 'ću', 'što',
           'ko', 'neko', 'niko', 'iko', 'nigde', 'svuda', 'uvek', 'uopšte', 'umesto', 'tokom',
           'ponovo', 'ceo', 'cela', 'celo', 'celi', 'cele'],
    'hr': ['bez', 'blizu', 'dok', 'drugi', 'dva', 'često', 'čiji', 'gore', 'ispod', 'između',
           'iznad', 'izvan', 'jednom', 'kad', 'koga', 'mnogo', 'mora', 'moći', 'mogu', 'nekad',
           'nijedan', 'nikada', 'ništa', 'njen', 'oko', 'okolo', 'onaj', 'osim', 'ostali', 'ovako',
           'ovamo', 'ove', 'ovo', 'pojedini', 'povodom', 'preko', 'prema', 'prvi', 'radije', 'sada',
           'svaki', 'svim', 'tamo', 'tim', 'umalo', 'unutra', 'većina', 'više', 'zašto', 'zbog',
           'tko', 'nitko', 'itko', 'gdje', 'ovdje', 'negdje', 'nigdje', 'svugdje', 'dolje',
           'poslije', 'uvijek', 'također', 'uopće', 'umjesto', 'tijekom', 'ponovno', 'točno',
           'cijeli', 'cijela', 'cijelo', 'cijele'],
    # Gaps of the Snowball lists (@orama/stopwords ships them as they are):
    # German has "viel" but not its inflected forms, "daß" but not the
    # reformed spelling "dass" in use since 1996, "unser" but not "unsere"
    # (while "eure", "eurem", ... are there), "hatte" and "würde" but not
    # the subjunctives "hätte", "wäre"; Dutch "veel" but not "vele";
    # Portuguese "muito" but not "muitos", "muita", "muitas"; Russian "ее",
    # "еще", "все" but not the same words written with ё, as many texts do.
    'de': ['viele', 'vielem', 'vielen', 'vieler', 'vieles', 'dass', 'unsere', 'unserem',
           'unseren', 'unserer', 'unseres', 'hätte', 'hätten', 'wäre', 'wären'],
    'nl': ['vele'],
    'pt': ['muitos', 'muita', 'muitas'],
    'ru': ['её', 'неё', 'ещё', 'всё'],
    # stopwords-iso's Ukrainian list lacks "and", "in", "on", "not", "to".
    'uk': ['і', 'в', 'у', 'на', 'не', 'до', 'за', 'по', 'а', 'о', 'ж', 'же', 'вже', 'ще', 'або',
           'щоб', 'бо', 'тому', 'його', 'їхній', 'свій', 'своє', 'свої', 'цього', 'цих'],
}

# No package has a Yiddish list: these are written for this project (common
# function words, YIVO spelling), under the project's own licence.
YIDDISH = '''
    אַ אַן דער די דאָס דעם און אָדער אָבער אויך נאָר שוין נאָך ניט נישט קיין
    איז זענען זײַן געווען איז האָט האָבן האָב האָסט געהאַט וועט וועלן וועסט
    וואָלט וואָלטן ווערן ווערט געוואָרן קען קענען מוז מוזן זאָל זאָלן מעג מעגן
    פֿון אין צו מיט אויף פֿאַר ווי ביז בײַ אונטער איבער דורך אָן אַרום צווישן
    נאָך פֿאַרן צום צוליב אַנטקעגן
    איך דו ער זי עס מיר איר זיי מיך דיך אים אונדז אײַך זיך מײַן דײַן זײַן
    זייער אונדזער אײַער מען
    וואָס ווער וווּ ווען פֿאַרוואָס ווי אַזוי אַז אויב כּדי ווײַל ווען דאָ דאָרט
    יעדער יעדן יעדע יעדעס אַלע אַלץ עפּעס עמעצער גאָרניט קיינער דעריבער
    '''

# No package has a usable Kazakh, Urdu or Amharic list either: common function
# words (pronouns, postpositions, conjunctions, copulas, particles), written for
# this project under its own licence.
PROJECT = {
    'kk': '''
    және мен бен пен да де та те бұл осы сол мына ана ол олар біз сіз сен
    оның оны оған онда одан олардың біздің сіздің менің сенің өз өзі өзінің
    үшін бойынша туралы арқылы дейін кейін соң бері қарай сияқты ретінде
    бар жоқ емес еді екен болып болды болады болған болса бола болу деп деді
    ма ме ба бе па пе ғана тек әр барлық бәрі барша бір көп өте ең тағы енді
    қазір сондай мұндай осындай не кім қай қандай қалай қашан қайда неге неше
    немесе бірақ алайда себебі өйткені егер сонда яғни әлі әрі
    ''',
    'ur': '''
    کا کی کے میں ہے ہیں اور سے کو نے پر یہ وہ تھا تھی تھے بھی جو کہ ایک لیے
    ہو ہوا ہوئی ہوئے گیا گئی گئے کر کیا کی کرتے کرنا کرنے نہیں تو اس ان جس
    جن کسی کوئی کچھ اپنے اپنی اپنا ہم تم آپ وہاں یہاں اب جب تک ساتھ بعد پہلے
    لیکن یا اگر کیونکہ تاکہ بلکہ پھر ابھی صرف بہت سب ہر کون کیا کیوں کہاں کب
    والے والی والا رہا رہی رہے ہوں گا گی گے سکتا سکتی سکتے چاہیے
    ''',
    'am': '''
    እና ነው ናቸው ነበር ነበሩ ላይ ውስጥ ወደ ግን ይህ ያ ይህን እነዚህ እሱ እሷ እኔ
    እኛ እነሱ አንተ አንቺ እርስዎ እንደ ጋር ስለ እስከ በኋላ በፊት ሁሉ ሁሉም ምን ማን
    የት መቼ ለምን አይደለም ወይም ደግሞ ብቻ አሁን በጣም የሚል ናት አለ አሉ
    ''',
}

SCRIPT_RE = {
    'zh': re.compile(r'^[\u3400-\u9fff\uf900-\ufaff]+$'),
    'ja': re.compile(r'^[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u30fc\u3005]+$'),
    'ko': re.compile(r'^[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]+$'),
    'fa': re.compile(r'^[\u0600-\u06ff\u200c]+$'),
    'vi': re.compile(r'^\S+$'),
}

# Serbian Latin -> Cyrillic (the two alphabets map one to one, digraphs first).
SR_DIGRAPHS = [('dž', 'џ'), ('lj', 'љ'), ('nj', 'њ')]
SR_LETTERS = dict(zip('abvgdđežzijklmnoprstćufhcčš',
                      'абвгдђежзијклмнопрстћуфхцчш'))


def sr_cyrillic(word):
    for a, b in SR_DIGRAPHS:
        word = word.replace(a, b)
    return ''.join(SR_LETTERS.get(c, c) for c in word)


# Romanian s and t with a comma below (the standard) and with a cedilla
# (what fonts and keyboards long offered instead): both are in use.
RO_COMMA = str.maketrans('şţŞŢ', 'șțȘȚ')
RO_CEDILLA = str.maketrans('șțȘȚ', 'şţŞŢ')


def ro_spellings(word):
    return [word.translate(RO_COMMA), word.translate(RO_CEDILLA)]


def yiddish_variants(word):
    """The word as spelled with the ligatures װ ױ ײ and with two letters."""
    two = word.replace('װ', 'וו').replace('ױ', 'וי').replace('ײ', 'יי')
    lig = two.replace('וו', 'װ').replace('וי', 'ױ').replace('יי', 'ײ')
    return [two, lig]


def load_orama(root, key):
    with open(os.path.join(root, '@orama', 'stopwords', 'dist', key + '.js'),
              encoding='utf-8') as f:
        src = f.read()
    body = src[src.index('['):src.rindex(']') + 1]
    body = re.sub(r'\\x([0-9a-fA-F]{2})', r'\\u00\1', body)  # JS escapes -> JSON
    return json.loads(body)


def load_iso(root, key):
    with open(os.path.join(root, 'stopwords-iso', 'stopwords-iso.json'), encoding='utf-8') as f:
        return json.load(f)[key]


def repair(word, codepage):
    """Undo Windows code page text that was read as Latin-1."""
    if not codepage or not re.search('[\u0080-\u00ff]', word):
        return word
    try:
        return word.encode('latin-1').decode(codepage)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return word


def clean(code, words, codepage):
    out, seen = [], set()
    for w in words:
        w = unicodedata.normalize('NFC', repair(w.strip(), codepage))
        w = w.replace('\u2019', "'").lower()
        if not w or re.search(r'\d', w) or not any(c.isalpha() for c in w):
            continue
        if code in SCRIPT_RE and not SCRIPT_RE[code].match(w):
            continue
        forms = [w]
        if code == 'sr':
            forms.append(sr_cyrillic(w))
        if code == 'ro':
            forms += ro_spellings(w)
        for f in forms:
            if f not in seen:
                seen.add(f)
                out.append(f)
    return out


def main():
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    root = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    lists = {}
    for code, (pkg, key, codepage, _) in SOURCES.items():
        words = load_iso(root, key) if pkg is ISO else load_orama(root, key)
        lists[code] = (pkg, key, clean(code, EXTRA.get(code, []) + words, codepage))
    yi = []
    for w in YIDDISH.split():
        for v in yiddish_variants(unicodedata.normalize('NFC', w)):
            if v not in yi:
                yi.append(v)
    lists['yi'] = (None, None, yi)
    for code, text in PROJECT.items():
        lists[code] = (None, None, clean(code, text.split(), None))

    for code, (pkg, key, words) in sorted(lists.items()):
        if pkg:
            head = ('# Stopwords, language %s: from the npm package %s %s (%s), list "%s".\n'
                    % (code, pkg[0], pkg[1], pkg[2], key))
        else:
            head = '# Stopwords, language %s: written for this project (no packaged list).\n' % code
        head += ('# Generated by stopwords/convert.py: edit that, not this file.'
                 ' See stopwords/README.md.\n')
        with open(os.path.join(here, code + '.txt'), 'w', encoding='utf-8') as f:
            f.write(head)
            for w in words:
                f.write(w + '\n')
        print('%s %5d  %s' % (code, len(words), pkg[0] if pkg else 'project'))
    return 0


if __name__ == '__main__':
    sys.exit(main())

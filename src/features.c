/* features.c - what kind of sentence each one is, for scoring: the signals
 * a text gives of its genre and its structure, from its own words and
 * characters and the language's cue lists (stopwords/cues/<code>.txt):
 *
 *   cue phrases     "we propose", "in this paper", "our results" (the
 *                   bonus words of Edmundson 1969; the aim and conclusion
 *                   expressions of Teufel & Moens 2002)
 *   first person    "we", "our" outside quotation marks: papers, reports
 *                   and calls speak so, news copy does not; the share of
 *                   such sentences tells how news-like a text is
 *   second person   "you", "your" outside quotation marks: addressing the
 *                   reader or the audience
 *   questions, fillers ("Okay.", "Thank you, operator.", a courtesy such as
 *   "thank you for joining us"), citation markers
 *   ("[12]", "(Smith et al., 2010)"), numbers
 *   sections        headings that name a section ("2 Related Work",
 *                   "CONCLUSIONS"): a section that sums up the text
 *                   (abstract, conclusion) and one that is apparatus
 *                   (references, acknowledgements), whose lines are never
 *                   chosen
 *   apparatus       figure and table captions ("Table 2: ..."), equation
 *                   scraps ("(5)", "|wij | ."), table rows ("Revenue 1.2
 *                   3.4 5.6"), lines of code pasted into the text
 *                   ("for (i = 0; i < n; i++) { ... }"): SUMM_FLAG_APPARATUS,
 *                   never chosen while anything else can be
 *
 * The roles of each word (and whether it is a stopword) are those
 * tokenize.c found in the lexicon, which keeps them with the word, so
 * that no word is folded or looked up a second time; and a sentence
 * whose words tokenize.c read as this file reads them (no word character
 * past ASCII: !sentence.wide) is read from those words and from what
 * tokenize.c saw between them (sentence.marks, sentence.nnum), not byte
 * by byte again (scan_words()). Any other sentence, and every sentence
 * of a split (which runs no tokenize), is read byte by byte
 * (scan_text()): a word tokenize.c read otherwise (a CJK bigram, a
 * filler of speech) or did not read is folded and looked up here.
 * test_features checks that both readings agree. */
#include <string.h>

#include "stages.h"
#include "text/chars.h"
#include "text/fold.h"
#include "text/utf8.h"

#define WORD_MAX 48        /* a longer word is no cue */
#define HEADING_WORDS 8    /* a section name has at most this many words */
#define FILLER_WORDS 12    /* a filler sentence at most this many */

/* A word that may be part of a cue phrase: its place, folded only when a
 * phrase is looked up (few are). */
typedef struct fword {
    uint32_t a, b;
    bool first;   /* it starts a cue */
    bool phrase;  /* it starts one or goes on with one */
} fword;

typedef struct scan {
    const langres *lr;
    size_t words, wordy, nnum;  /* words; words of two letters or more; numbers */
    size_t letters, nonspace;   /* code points */
    bool quote, we, you, cue, filler, courtesy, caption_word;
    bool cite;                  /* a bracket, a parenthesis or "et": look for citations */
    bool et;                    /* the word "et" may be there */
    bool maycode;               /* a byte of code_line()'s marks (scan_words()) */
    bool newline;               /* a line break (scan_words()) */
    fword prev[2];              /* the two words before this one */
    const wordpos *tw, *tw_end; /* tokenize.c's words of the sentence not yet passed */
} scan;

static bool
digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Is "tag" + w[0 .. n) in the cue list? */
static bool
has_tag(const strset *s, const char *tag, const char *w, size_t n)
{
    char key[3 * WORD_MAX + 16];
    size_t t = strlen(tag);
    if (t + n > sizeof key)
        return false;
    memcpy(key, tag, t);
    memcpy(key + t, w, n);
    return summ__strset_has(s, key, t + n);
}

/* Fold p[0 .. n) into out (cap bytes). False if too long. */
static bool
fold(const char *p, size_t n, char *out, size_t cap, size_t *outn)
{
    size_t m = summ__fold_word(p, n, out, cap);
    if (m > cap)
        return false;
    *outn = m;
    return true;
}

/* Are the phrases of two or three words that end with the word text[a ..
 * b) and start with a word that starts a cue (the words before it joined
 * by spaces) cues ("cue: ") or courtesies ("filler: ")? */
static void
phrases(scan *sc, const char *text, size_t a, size_t b)
{
    char w[WORD_MAX], buf[3 * WORD_MAX + 2];
    size_t n = 0;
    fold(text + a, b - a, w, sizeof w, &n);
    for (int k = 1; k <= 2; k++) {
        if (!sc->prev[2 - k].first)
            continue;
        size_t m = 0;
        for (int j = 2 - k; j < 2; j++) {
            const fword *f = &sc->prev[j];
            size_t fn;
            if (!f->phrase || !fold(text + f->a, f->b - f->a, buf + m, WORD_MAX, &fn))
                return;  /* no phrase word, or a word too long to be one */
            m += fn;
            buf[m++] = ' ';
        }
        memcpy(buf + m, w, n);
        sc->cue = sc->cue || has_tag(&sc->lr->cues, "cue: ", buf, m + n);
        sc->courtesy = sc->courtesy || has_tag(&sc->lr->cues, "filler: ", buf, m + n);
    }
}

/* Could the word text[a .. b) be one of the cue words? A cheap no for
 * nearly every word, before folding it: its length and first byte
 * (folded, for ASCII). */
static bool
may_cue(const langres *lr, const char *text, size_t a, size_t b)
{
    unsigned char c0 = (unsigned char)text[a];
    if (c0 >= 0x80)
        return lr->cue_words.count > 0;  /* folding may change it: look it up */
    return b - a <= lr->cue_maxlen && lr->cue_start[c0 >= 'A' && c0 <= 'Z' ? c0 + 32 : c0];
}

/* tokenize.c's reading of the word text[a .. b), or NULL if it read no
 * such word or did not look it up. */
static const wordpos *
read_word(scan *sc, size_t a, size_t b)
{
    while (sc->tw < sc->tw_end && sc->tw->start < a)
        sc->tw++;
    const wordpos *t = sc->tw;
    return t < sc->tw_end && t->start == a && t->end == b && t->flen ? t : NULL;
}

/* What one word of a sentence, text[a .. b), with the roles role, makes
 * of the sentence; folded: it could be folded (it is no longer than a
 * cue), stop: it is a stopword (asked only while the sentence may be all
 * fillers). Inline in both readings: scan_words() calls it for every word
 * with roles. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline void
take(scan *sc, const char *text, size_t a, size_t b, unsigned role, bool folded, bool stop)
{
    fword *prev = &sc->prev[1];
    bool started = sc->prev[0].first || prev->first;  /* a phrase may go on here */
    sc->we |= (role & CUE_WE) != 0;
    sc->you |= (role & CUE_YOU) != 0;
    sc->cue |= (role & CUE_ONE) != 0;
    if (sc->words == 0)
        sc->caption_word = (role & CUE_CAPTION) != 0;
    if (started && (role & CUE_REST))
        phrases(sc, text, a, b);
    if (sc->filler && !(role & CUE_FILLER))
        sc->filler = folded && stop;
    /* the window moves on: prev[0] <- prev[1] <- this word, kept only
     * while it may be part of a phrase */
    if (prev->phrase || prev->first)
        sc->prev[0] = *prev;
    else
        sc->prev[0].phrase = sc->prev[0].first = false;
    *prev = (fword){ (uint32_t)a, (uint32_t)b, (role & CUE_START) != 0,
                     (role & (CUE_START | CUE_REST)) != 0 };
    sc->words++;
}

/* The roles of the word text[a .. b) as tokenize.c read it (t), then
 * take(). may_cue() as in word(), though only a folding that changes a
 * word's length could make it say no to a word with cue roles (CUE_ET is
 * none: scan_words() reads it). */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline void
take_read(scan *sc, const char *text, const wordpos *t)
{
    bool folded = t->flen <= WORD_MAX;  /* as fold() in word() would have it */
    unsigned role = folded && t->roles && may_cue(sc->lr, text, t->start, t->end) ? t->roles : 0;
    take(sc, text, t->start, t->end, role, folded, folded && t->term == WORD_NOTERM);
}

/* One word of a sentence, text[a .. b), and t, tokenize.c's reading of
 * it (NULL: none, or not looked up): its roles (and whether it is a
 * stopword while the sentence may be all fillers), from t or else by one
 * lookup. */
static void
word(scan *sc, const char *text, size_t a, size_t b, const wordpos *t)
{
    if (t) {
        take_read(sc, text, t);
        return;
    }
    const langres *lr = sc->lr;
    unsigned role = 0;
    bool stop = false;
    char w[WORD_MAX];
    size_t n;
    bool look = may_cue(lr, text, a, b);
    bool folded = (look || sc->filler) && fold(text + a, b - a, w, sizeof w, &n);
    if (folded && look)
        role = summ__cue_roles(lr, w, n);
    if (folded && sc->filler && !(role & CUE_FILLER))
        stop = summ__strset_has(&lr->stop, w, n);
    take(sc, text, a, b, role, folded, stop);
}

static bool
is_quote(int32_t c)
{
    return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB;
}

/* Words and characters of text[a .. b): runs of word characters, an
 * apostrophe between two letters and a period or comma between two digits
 * inside one (as tokenize.c reads them). */
static void
scan_text(scan *sc, const char *text, size_t a, size_t b)
{
    /* the counters in locals: word() gets sc, which would keep them in memory */
    const unsigned char *u = (const unsigned char *)text;
    size_t wa = SIZE_MAX, wletters = 0, wordy = 0, letters = 0, nonspace = 0, nnum = 0;
    bool quote = false, cite = false;
    int32_t prev = 0;
    for (size_t i = a; i < b;) {
        /* the common case first: a run of ASCII letters and digits (the
         * table's class of a byte >= 0x80 is CL_OTHER), each byte's class
         * read once */
        unsigned k0 = summ__ascii_props[u[i]] & A_CLASS;
        if (k0 - CL_LOWER <= (unsigned)(CL_DIGIT - CL_LOWER)) {
            if (wa == SIZE_MAX) {
                wa = i;
                wletters = 0;
            }
            size_t s0 = i;
            size_t digits = 0;
            do {
                digits += k0 == CL_DIGIT;
                if (++i == b)
                    break;
                k0 = summ__ascii_props[u[i]] & A_CLASS;
            } while (k0 - CL_LOWER <= (unsigned)(CL_DIGIT - CL_LOWER));
            wletters += i - s0 - digits;
            letters += i - s0 - digits;
            nonspace += i - s0;
            prev = u[i - 1];
            continue;
        }
        int32_t c = u[i];
        size_t m = c < 0x80 ? 1 : utf8_dec(u, i, b, &c);
        int k = cclass(c);
        bool inner = false;
        if (k == CL_OTHER && wa != SIZE_MAX && i + m < b
            && (c == '\'' || c == 0x2019 || c == '.' || c == ',')) {
            int32_t next;
            utf8_dec(u, i + m, b, &next);
            int nk = cclass(next);
            inner = ((c == '\'' || c == 0x2019) && is_letter_class(cclass(prev))
                     && is_letter_class(nk))
                    || ((c == '.' || c == ',') && cclass(prev) == CL_DIGIT && nk == CL_DIGIT);
        }
        bool letter = is_letter_class(k);
        if (k != CL_OTHER || inner) {
            if (wa == SIZE_MAX) {
                wa = i;
                wletters = 0;
            }
            wletters += letter;
        } else {
            if (wa != SIZE_MAX) {
                word(sc, text, wa, i, read_word(sc, wa, i));
                nnum += digit(text[wa]);
                wordy += wletters >= 2;
                cite |= i - wa == 2 && text[wa] == 'e' && text[wa + 1] == 't';
                wa = SIZE_MAX;
            }
            cite |= c == '[' || c == '(';
            quote |= is_quote(c);
        }
        if (!is_space(c)) {
            nonspace++;
            letters += letter;
        }
        prev = c;
        i += m;
    }
    if (wa != SIZE_MAX) {
        word(sc, text, wa, b, read_word(sc, wa, b));
        nnum += digit(text[wa]);
        wordy += wletters >= 2;
    }
    sc->nnum = nnum;
    sc->wordy = wordy;
    sc->letters = letters;
    sc->nonspace = nonspace;
    sc->quote = quote;
    sc->cite = cite;
}

/* The numbers in t[a .. b): runs of digits not after a period or comma. */
static size_t
count_numbers(const char *t, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t q = a; q < b; q++)
        n += digit(t[q]) && !digit(t[q - 1]) && t[q - 1] != '.' && t[q - 1] != ',';
    return n;
}

/* The end of a bracket or parenthesis of numbers at t[i] ("[12]",
 * "[3, 5-7]", "(4, 6)"), or 0. */
static size_t
numeric_marker(const char *t, size_t i, size_t b)
{
    char close = t[i] == '[' ? ']' : ')';
    size_t digits = 0, j = i + 1;
    for (; j < b && j < i + 40; j++) {
        if (digit(t[j]))
            digits++;
        else if (!strchr(", -;", t[j]))
            break;
    }
    return j < b && t[j] == close && digits ? j : 0;
}

/* The end of a parenthesis with a year and a name at t[i] ("(Smith et
 * al., 2010)", "(Lee and Kim 2009a; Wu 2011)"), or 0. */
static size_t
author_year(const char *t, size_t i, size_t b)
{
    bool year = false, name = false;
    size_t j = i + 1;
    for (; j < b && j < i + 80 && t[j] != ')' && t[j] != '('; j++) {
        if (j + 4 <= b && (t[j] == '1' || t[j] == '2') && digit(t[j + 1]) && digit(t[j + 2])
            && digit(t[j + 3]) && strchr(" ,(", t[j - 1]) && (j + 4 == b || !digit(t[j + 4])))
            year = true;
        name |= t[j] >= 'A' && t[j] <= 'Z';
    }
    return j < b && t[j] == ')' && year && name ? j : 0;
}

/* Is "::" in t[a .. b)? */
static bool
has_pair_colon(const char *t, size_t a, size_t b)
{
    for (const char *c = t + a, *e = t + b; (c = memchr(c, ':', (size_t)(e - c))) && c + 1 < e;
         c++)
        if (c[1] == ':')
            return true;
    return false;
}

/* Has t[a .. b) a quotation mark (is_quote())? In UTF-8 the marks past
 * ASCII are C2 AB, C2 BB and E2 80 9C .. 9E. */
static bool
has_quote(const char *t, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)t;
    for (size_t i = a; i < b; i++) {
        if (u[i] == '"')
            return true;
        if (u[i] == 0xC2 && i + 1 < b && (u[i + 1] == 0xAB || u[i + 1] == 0xBB))
            return true;
        if (u[i] == 0xE2 && i + 2 < b && u[i + 1] == 0x80 && u[i + 2] >= 0x9C
            && u[i + 2] <= 0x9E)
            return true;
    }
    return false;
}

/* The code points of t[a .. b) that are letters and that are not white
 * space, as scan_text() counts them. */
static void
count_chars(const char *t, size_t a, size_t b, size_t *letters, size_t *nonspace)
{
    const unsigned char *u = (const unsigned char *)t;
    size_t l = 0, ns = 0;
    for (size_t i = a; i < b;) {
        int32_t c;
        i += utf8_dec(u, i, b, &c);
        if (!is_space(c)) {
            ns++;
            l += is_letter_class(cclass(c));
        }
    }
    *letters = l;
    *nonspace = ns;
}

/* How many of the words w[0 .. nw) have two letters or more, counted up
 * to 3 (all the scrap rule asks). Their letters are ASCII: the sentence
 * has no other word character. */
static size_t
wordy_words(const unsigned char *u, const wordpos *w, size_t nw)
{
    size_t wordy = 0;
    for (size_t k = 0; k < nw && wordy < 3; k++) {
        const unsigned char *p = u + w[k].start, *e = u + w[k].end;
        if (e - p >= 2 && ascii_letter(p[0]) && ascii_letter(p[1])) {  /* most words */
            wordy++;
            continue;
        }
        size_t letters = 0;
        for (; p < e && letters < 2; p++)
            letters += ascii_letter(*p);
        wordy += letters >= 2;
    }
    return wordy;
}

/* Words that have no cue roles passed by scan_words() without word():
 * the window moves on by q words that are no part of a phrase. */
static void
settle(scan *sc, size_t q)
{
    if (q >= 2 || !(sc->prev[1].phrase || sc->prev[1].first))
        sc->prev[0].phrase = sc->prev[0].first = false;
    else
        sc->prev[0] = sc->prev[1];
    sc->prev[1].phrase = sc->prev[1].first = false;
}

/* What scan_text() finds in the sentence s, from tokenize.c's words w[0
 * .. nw) of it and what it saw between them (s->marks, s->nnum), when the
 * sentence has no word character outside ASCII (!s->wide: then they are
 * the words scan_text() reads): word() only for the words with cue roles
 * (or not looked up; "et" has one), the others only for whether they are
 * stopwords while the sentence may be all fillers (12 words or fewer);
 * letters and quotation marks are looked for only when a
 * rule will ask. */
static void
scan_words(scan *sc, const char *text, const sentence *s, const wordpos *w, size_t nw)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t a = s->start, b = s->end, last = SIZE_MAX;  /* the last word word() had */
    bool et = false;
    sc->filler = nw <= FILLER_WORDS;  /* else no rule asks */
    for (size_t k = 0; k < nw; k++) {
        const wordpos *t = &w[k];
        if (!t->roles && t->flen) {  /* word() would only ask if it is a stopword */
            if (sc->filler)
                sc->filler = t->flen <= WORD_MAX && t->term == WORD_NOTERM;
            if (sc->filler)
                continue;
            /* the rest of the words: to the next one with roles, or not looked up */
            while (++k < nw && !w[k].roles && w[k].flen)
                ;
            if (k == nw)
                break;
            t = &w[k];
        }
        /* "et" folded ("Et", "ET" too: citations() then reads the bytes) */
        if ((t->roles & CUE_ET)
            || (!t->flen && t->end - t->start == 2 && u[t->start] == 'e' && u[t->start + 1] == 't'))
            et = true;
        if (k - last != 1)  /* words went by that are no part of a phrase */
            settle(sc, k - last - 1);
        last = k;
        sc->words = k;
        if (t->flen)
            take_read(sc, text, t);
        else
            word(sc, text, t->start, t->end, NULL);
    }
    sc->words = nw;
    sc->nnum = s->nnum;
    sc->cite = et || (s->marks & MARK_BRACKET);
    sc->et = et;
    sc->maycode = (s->marks & MARK_CODE) || ((s->marks & MARK_COLON) && has_pair_colon(text, a, b));
    sc->newline = s->marks & MARK_NEWLINE;
    sc->wordy = wordy_words(u, w, nw);
    if (sc->wordy < 3 || sc->nnum >= 3)  /* else no rule asks for them */
        count_chars(text, a, b, &sc->letters, &sc->nonspace);
    if ((sc->we || sc->you) && (s->marks & (MARK_QUOTE | MARK_WIDE)))
        sc->quote = has_quote(text, a, b);
}

/* The first byte c of t[i .. b), or t + b. */
static const char *
next_byte(const char *t, size_t i, size_t b, char c)
{
    const char *p = memchr(t + i, c, b - i);
    return p ? p : t + b;
}

/* Citation markers in text[a .. b): numeric ones, author-year ones, and
 * "et al" outside them (looked for only if et: the text may have the word
 * "et"). The numbers in them are counted into *numbers:
 * a reference is no quantity. */
static size_t
citations(const char *t, size_t a, size_t b, bool et, size_t *numbers)
{
    size_t n = 0;
    *numbers = 0;
    const char *open = NULL, *square = NULL;  /* the next '(' and '[' from i (t + b: none) */
    for (size_t i = a; i < b; i++) {
        if (!et) {  /* no "et al": a marker starts at the next bracket */
            if (!open || open < t + i)
                open = next_byte(t, i, b, '(');
            if (!square || square < t + i)
                square = next_byte(t, i, b, '[');
            i = (size_t)((open < square ? open : square) - t);
            if (i == b)
                break;
        }
        size_t e = 0;
        if (t[i] == '[' || t[i] == '(')
            e = numeric_marker(t, i, b);
        if (!e && t[i] == '(')
            e = author_year(t, i, b);
        if (e) {
            n++;
            *numbers += count_numbers(t, i + 1, e);
            i = e;
        } else if (t[i] == 'e' && i + 5 <= b && memcmp(t + i, "et al", 5) == 0
                   && (i == a || t[i - 1] == ' ')) {
            n++;
            i += 4;
        }
    }
    return n;
}

/* A caption: its word ("Figure", "Table"; sc->caption_word), then a
 * number ("3", "2a", "S1", "IV") and a colon, period, dash or bar, or the
 * end. */
static bool
caption(const char *t, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)t;
    size_t i = a;
    int32_t c;
    while (i < b && (utf8_dec(u, i, b, &c), is_word_cp(c)))
        i += utf8_dec(u, i, b, &c);
    if (i < b && t[i] == '.')
        i++;
    while (i < b && t[i] == ' ')
        i++;
    size_t s = i;
    bool digit = false, roman = true;
    while (i < b && i < s + 8 && (unsigned char)t[i] < 0x80
           && (is_word_cp((unsigned char)t[i]) || t[i] == '.')) {
        digit |= t[i] >= '0' && t[i] <= '9';
        roman &= strchr("IVXivx.", t[i]) != NULL;
        i++;
    }
    if (i == s || !(digit || roman))
        return false;
    while (i > s && t[i - 1] == '.') {  /* "Table 2." */
        i--;
        if (i + 1 == b || t[i + 1] == ' ')
            return true;
    }
    while (i < b && t[i] == ' ')
        i++;
    if (i == b)
        return true;
    utf8_dec(u, i, b, &c);
    return c == ':' || c == '.' || c == '|' || c == '-' || c == 0x2013 || c == 0x2014;
}

/* The section kind named by text[a .. b) (a heading line), numbering
 * before ("2", "2.1", "IV.", "A.") and after ("Additional file 3",
 * "Appendix B") left out; SECTION_NONE if none. */
static int
section_kind(const langres *lr, const char *text, size_t a, size_t b)
{
    char norm[HEADING_WORDS * (WORD_MAX + 1)];
    size_t nn = 0, words = 0;
    const unsigned char *u = (const unsigned char *)text;
    size_t i = a;
    bool numbering = true;
    while (i < b) {
        int32_t c;
        while (i < b && (utf8_dec(u, i, b, &c), !is_word_cp(c)))
            i += utf8_dec(u, i, b, &c);
        size_t s = i;
        while (i < b && (utf8_dec(u, i, b, &c), is_word_cp(c) || c == '\''))
            i += utf8_dec(u, i, b, &c);
        if (s == i)
            break;
        bool num = true;
        for (size_t k = s; k < i && num; k++)
            num = (text[k] >= '0' && text[k] <= '9') || strchr("IVXivx", text[k]);
        num |= i - s == 1;
        if (numbering && num)
            continue;
        numbering = false;
        if (num) {  /* numbering at the end: only numbering may follow */
            size_t j = i;
            bool rest = true;
            while (rest && j < b) {
                while (j < b && (utf8_dec(u, j, b, &c), !is_word_cp(c)))
                    j += utf8_dec(u, j, b, &c);
                size_t t = j;
                while (j < b && (utf8_dec(u, j, b, &c), is_word_cp(c)))
                    j += utf8_dec(u, j, b, &c);
                for (size_t k = t; k < j && rest; k++)
                    rest = (text[k] >= '0' && text[k] <= '9') || strchr("IVXivx", text[k])
                           || j - t == 1;
            }
            if (rest)
                break;
        }
        char w[WORD_MAX];
        size_t n;
        size_t room = sizeof norm - nn - 1;
        if (++words > HEADING_WORDS || !fold(text + s, i - s, w, sizeof w, &n) || n > room)
            return SECTION_NONE;
        if (nn)
            norm[nn++] = ' ';
        size_t o = 0;
        for (size_t k = 0; k < n; k++)  /* "authors'" as "authors" */
            if (w[k] != '\'')
                norm[nn + o++] = w[k];
        nn += o;
    }
    if (!nn)
        return SECTION_NONE;
    if (has_tag(&lr->cues, "skip: ", norm, nn))
        return SECTION_SKIP;
    if (has_tag(&lr->cues, "lead: ", norm, nn))
        return SECTION_LEAD;
    if (has_tag(&lr->cues, "section: ", norm, nn))
        return SECTION_BODY;
    return SECTION_NONE;
}

/* A sentence whose first line is only a section name ("BACKGROUND\nthe
 * wox family ...", "acknowledgements\nthis work was ..."), glued to it by
 * the segmenter: that section's kind, or SECTION_NONE. */
static int
glued_section(const langres *lr, const char *text, size_t a, size_t b)
{
    const char *nl = memchr(text + a, '\n', b - a < 80 ? b - a : 80);
    return nl ? section_kind(lr, text, a, (size_t)(nl - text)) : SECTION_NONE;
}

/* Is t[a .. b) a line of code ("if (!f) { perror(path); return -1; }",
 * "x = foo(bar_baz);") rather than prose? Two of the marks that only code
 * makes (a brace pair, not opened right after a name as LaTeX's
 * "\emph{...}" is; a ';' that ends a line or comes before a brace, "==",
 * "!=", "<=", ">=", "&&", "||", "++", "->", "::", "+=", "-=", "=>", a name
 * then " = "), and the symbols of code ("{}[]=;|\&*#^~_@+", a '(' right
 * after a name) for one character in CODE_DENSITY or more. Prose with
 * semicolons, LaTeX, "function(s)" or one formula has one mark or few
 * symbols: on the BBC, CNN and genre dev sets it makes 0 more of the
 * 77,583 news sentences apparatus and 13 more of the 66,526 others
 * (formulas, glossary lines). */
#define CODE_DENSITY 15

/* Has t[a .. b) a byte that every mark of code_line() needs ('{', ';',
 * '=', '&', '|', '+', '>', or "::")? Most sentences of prose have none,
 * and a few calls of memchr(3) say so faster than code_line()'s scan. */
static bool
may_be_code(const char *t, size_t a, size_t b)
{
    for (const char *m = "{;=&|+>"; *m; m++)
        if (memchr(t + a, *m, b - a))
            return true;
    return has_pair_colon(t, a, b);
}

static bool
code_line(const char *t, size_t a, size_t b)
{
    size_t marks = 0, sym = 0, ink = 0, braces = 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)t[i];
        unsigned char nx = i + 1 < b ? (unsigned char)t[i + 1] : 0;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || (c & 0xC0) == 0x80)
            continue;
        ink++;
        if (c >= 0x80 || ascii_alnum(c))
            continue;
        if (strchr("{}[]=;|\\&*#^~_@+", c))
            sym++;
        if (c == '(' && i > a && (ascii_alnum((unsigned char)t[i - 1]) || t[i - 1] == '_'))
            sym++;
        if (c == '{') {
            /* not LaTeX's "\\emph{" or a format's "name{" */
            bool after_name = i > a && ascii_alnum((unsigned char)t[i - 1]);
            braces += !after_name;
            marks += !after_name;
        } else if (c == '}') {
            marks += braces > 0;
            braces -= braces > 0;
        } else if (c == ';') {
            size_t j = i + 1;
            while (j < b && (t[j] == ' ' || t[j] == '\t'))
                j++;
            marks += j == b || t[j] == '\n' || t[j] == '\r' || t[j] == '}';
        } else if ((nx == '=' && strchr("=!<>+-", c)) || (c == '&' && nx == '&')
                   || (c == '|' && nx == '|') || (c == '+' && nx == '+')
                   || (c == '-' && nx == '>') || (c == ':' && nx == ':')
                   || (c == '=' && nx == '>')) {
            marks++;
            i++;  /* the pair's second character is counted as a symbol, not again */
            ink++;
            sym += strchr("{}[]=;|\\&*#^~_@+", nx) != NULL;
        } else if (c == '=' && i > a + 1 && t[i - 1] == ' ' && nx == ' '
                   && (ascii_alnum((unsigned char)t[i - 2]) || t[i - 2] == '_')) {
            marks++;
        }
    }
    return marks >= 2 && sym * CODE_DENSITY >= ink;
}

/* The last code point of text[a .. b) that is not a closing quote,
 * bracket or white space, or 0. */
static int32_t
last_cp(const char *t, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)t;
    while (b > a) {
        size_t p = b - 1;
        while (p > a && (u[p] & 0xC0) == 0x80)
            p--;
        int32_t c;
        utf8_dec(u, p, b, &c);
        if (!is_closer(c) && !is_space(c))
            return c;
        b = p;
    }
    return 0;
}

summ_status
summ__features(doc *d)
{
    size_t n = d->nsent;
    d->feat = summ__arena_calloc(d->ar, n ? n : 1, sizeof *d->feat);
    if (!d->feat)
        return SUMM_ENOMEM;
    d->first_person = 0;
    d->nsections = 0;
    const langres *lr = d->lr;
    if (!lr)
        return SUMM_OK;
    int cur = SECTION_NONE;
    bool start = false;
    size_t content = 0, we = 0;
    for (size_t i = 0; i < n; i++) {
        sentence *s = &d->sent[i];
        sfeat *f = &d->feat[i];
        if (i > 0 && s->docno != d->sent[i - 1].docno)
            cur = SECTION_NONE;  /* several texts in one: each has its sections */
        scan sc = { .lr = lr, .filler = true };
        if (d->nword && !s->wide && s->nnum < 0xFFFF) {  /* tokenize.c's words are scan_text()'s */
            scan_words(&sc, d->text, s, d->word + s->word, s->nwords);
        } else {
            if (d->nword) {  /* tokenize.c has run: its words of this sentence */
                sc.tw = d->word + s->word;
                sc.tw_end = sc.tw + s->nwords;
            }
            scan_text(&sc, d->text, s->start, s->end);
            sc.maycode = may_be_code(d->text, s->start, s->end);
            sc.et = true;
            sc.newline = true;
        }
        int kind = SECTION_NONE;
        int32_t last = last_cp(d->text, s->start, s->end);
        bool open = !(is_terminal(last, false) || last == ':' || last == ';');
        if (open)
            f->bits |= FEAT_OPEN;
        bool line = sc.words <= HEADING_WORDS && ((s->flags & SUMM_FLAG_HEADING) || open);
        if (line && (kind = section_kind(lr, d->text, s->start, s->end)) != SECTION_NONE)
            s->flags |= SUMM_FLAG_HEADING;
        /* captions, equation scraps ("(5)", "|wij | .") and table rows, also
         * where the segmenter took them for headings */
        bool scrap = sc.wordy < 3 && sc.nonspace && sc.letters * 10 < sc.nonspace * 6;
        bool table = sc.nnum >= 3 && sc.letters * 2 < sc.nonspace;
        if (kind == SECTION_NONE
            && (scrap || table || (sc.caption_word && caption(d->text, s->start, s->end))
                || (sc.maycode && code_line(d->text, s->start, s->end))))
            s->flags |= SUMM_FLAG_APPARATUS;
        if (kind != SECTION_NONE || (s->flags & SUMM_FLAG_HEADING)) {
            /* a heading that names no section is a section of the body */
            cur = kind != SECTION_NONE ? kind : cur == SECTION_NONE ? SECTION_NONE : SECTION_BODY;
            d->nsections += kind != SECTION_NONE;
            start = true;
            f->section = (uint8_t)cur;
            continue;
        }
        if (sc.newline && (kind = glued_section(lr, d->text, s->start, s->end)) != SECTION_NONE) {
            cur = kind;
            d->nsections++;
            start = true;
        }
        f->section = (uint8_t)cur;
        if (start) {
            f->bits |= FEAT_SECTION;
            start = false;
        }
        size_t cited = 0, ncite = sc.cite ? citations(d->text, s->start, s->end, sc.et, &cited) : 0;
        size_t nnum = sc.nnum > cited ? sc.nnum - cited : 0;  /* "[12]" is no quantity */
        f->ncite = (uint16_t)(ncite < 0xFFFF ? ncite : 0xFFFF);
        f->nnum = (uint16_t)(nnum < 0xFFFF ? nnum : 0xFFFF);
        f->bits |= (sc.cue ? FEAT_CUE : 0) | (sc.we && !sc.quote ? FEAT_WE : 0)
                   | (sc.you && !sc.quote ? FEAT_YOU : 0)
                   | (last == '?' || last == 0xFF1F ? FEAT_QUESTION : 0)
                   | ((sc.filler && sc.words && sc.words <= FILLER_WORDS) || sc.courtesy
                          ? FEAT_FILLER : 0);
        if (cur == SECTION_SKIP)
            s->flags |= SUMM_FLAG_APPARATUS;
        if (!(s->flags & (SUMM_FLAG_BOILERPLATE | SUMM_FLAG_APPARATUS))) {
            content++;
            we += (f->bits & FEAT_WE) != 0;
        }
    }
    d->first_person = content ? (double)we / (double)content : 0;
    return SUMM_OK;
}

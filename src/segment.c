/* segment.c - sentence segmentation.
 *
 * One forward pass over the text decides every boundary from bounded local
 * context (the word before a period, the word after it, the shape of the
 * line before and after a line break), plus three O(n) passes made before
 * it for document-wide evidence:
 *
 *   - line statistics, to tell hard-wrapped text (Project Gutenberg) from
 *     text that has one paragraph a line (scraped articles);
 *   - glued boundaries ("record profit this yearThe board"): every word with
 *     a lower-to-upper case change is a candidate, and it is split only on
 *     evidence from the document itself (the left part is a word elsewhere,
 *     the right part is a stopword or starts sentences elsewhere), never a
 *     list of brand names, so iPhone, YouTube and LinkedIn stay whole;
 *   - a news dateline or byline at the very start ("London (CNN)", "By .
 *     Daily Mail Reporter . PUBLISHED: ..."), split off as boilerplate.
 *
 * Nothing looks back or ahead more than a bounded number of code points
 * except over white space that the main loop then skips, so the whole is
 * linear in the input, also for a 10 MB line or a 3 MB "word".
 *
 * Abbreviation lists (stopwords/abbrev/<code>.txt) tag each entry: plain
 * entries may end a sentence, "X >" never does (Mr, e.g), "X #" only
 * before a number is an abbreviation (No. 4, Jan. 15), "X ." ends one before any capital
 * (etc). See the header of abbrev/en.txt.
 */
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

/* ---- code points --------------------------------------------------------- */

/* Every predicate below is asked of nearly every code point, and most code
 * points are ASCII: those are answered from one table (built here by the
 * same definitions, as constant expressions), the rest out of line. */

enum { CL_OTHER, CL_LOWER, CL_UPPER, CL_LETTER, CL_DIGIT };
enum { A_CLASS = 7, A_NEWLINE = 8, A_HSPACE = 16, A_TERMINAL = 32, A_CLOSER = 64,
       A_OPENER = 128 };

#define A_CL(c) ((c) >= 'a' && (c) <= 'z' ? CL_LOWER : (c) >= 'A' && (c) <= 'Z' ? CL_UPPER \
                 : (c) >= '0' && (c) <= '9' ? CL_DIGIT : CL_OTHER)
#define A_PROPS(c) (A_CL(c) \
    | ((c) == '\n' || (c) == '\r' || (c) == '\v' || (c) == '\f' ? A_NEWLINE : 0) \
    | ((c) == ' ' || (c) == '\t' ? A_HSPACE : 0) \
    | ((c) == '.' || (c) == '!' || (c) == '?' ? A_TERMINAL : 0) \
    | ((c) == '"' || (c) == '\'' || (c) == ')' || (c) == ']' || (c) == '}' ? A_CLOSER : 0) \
    | ((c) == '"' || (c) == '\'' || (c) == '(' || (c) == '[' || (c) == '{' ? A_OPENER : 0))
#define A_ROW(c) A_PROPS(c), A_PROPS(c + 1), A_PROPS(c + 2), A_PROPS(c + 3), \
                 A_PROPS(c + 4), A_PROPS(c + 5), A_PROPS(c + 6), A_PROPS(c + 7)

static const unsigned char ascii_props[256] = {  /* bytes >= 0x80: 0 */
    A_ROW(0), A_ROW(8), A_ROW(16), A_ROW(24), A_ROW(32), A_ROW(40), A_ROW(48), A_ROW(56),
    A_ROW(64), A_ROW(72), A_ROW(80), A_ROW(88), A_ROW(96), A_ROW(104), A_ROW(112), A_ROW(120),
};

static int
cclass_wide(int32_t c)
{
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LL: return CL_LOWER;
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT: return CL_UPPER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: return CL_LETTER;
    case UTF8PROC_CATEGORY_ND: return CL_DIGIT;
    default: return CL_OTHER;
    }
}

static inline int
cclass(int32_t c)
{
    if ((uint32_t)c < 0x80)
        return ascii_props[c] & A_CLASS;
    return cclass_wide(c);
}

/* An ASCII letter (CL_LOWER or CL_UPPER)? */
static inline bool
ascii_letter(unsigned char b)
{
    return (unsigned)(ascii_props[b] & A_CLASS) - CL_LOWER <= CL_UPPER - CL_LOWER;
}

static inline bool
is_letter_class(int k)
{
    return k == CL_LOWER || k == CL_UPPER || k == CL_LETTER;
}

static inline bool
is_newline(int32_t c)
{
    if ((uint32_t)c < 0x80)
        return ascii_props[c] & A_NEWLINE;
    return c == 0x2028 || c == 0x2029 || c == 0x85;
}

static bool
is_hspace_wide(int32_t c)
{
    return c == 0xA0 || c == 0x200B || c == 0xFEFF || utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

static inline bool
is_hspace(int32_t c)
{
    if ((uint32_t)c < 0x80)
        return ascii_props[c] & A_HSPACE;
    return is_hspace_wide(c);
}

static inline bool
is_space(int32_t c)
{
    if ((uint32_t)c < 0x80)
        return ascii_props[c] & (A_HSPACE | A_NEWLINE);
    return c == 0x2028 || c == 0x2029 || c == 0x85 || is_hspace_wide(c);
}

/* Terminal punctuation of any script. Greek uses ';' as its question mark,
 * which NFC maps U+037E to. */
static bool
is_terminal_wide(int32_t c)
{
    switch (c) {
    case 0x2026:                      /* … */
    case 0x203C: case 0x2047: case 0x2048: case 0x2049:  /* ‼ ⁇ ⁈ ⁉ */
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF61:  /* 。！？｡ */
    case 0xFE52: case 0xFE56: case 0xFE57:               /* small forms */
    case 0x0964: case 0x0965:         /* । ॥ Devanagari */
    case 0x061F: case 0x06D4:         /* ؟ ۔ Arabic, Urdu */
    case 0x0589:                      /* ։ Armenian */
    case 0x1362: case 0x1367:         /* ። ፧ Ethiopic */
    case 0x104A: case 0x104B:         /* ၊ ။ Myanmar */
    case 0x037E:                      /* Greek question mark */
        return true;
    default:
        return false;
    }
}

static inline bool
is_terminal(int32_t c, bool greek)
{
    if ((uint32_t)c < 0x80)
        return (ascii_props[c] & A_TERMINAL) || (c == ';' && greek);
    return is_terminal_wide(c);
}

/* Terminals of scripts written without spaces: a boundary whatever follows. */
static bool
is_wide_terminal(int32_t c)
{
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF61;
}

/* Closing quotes and brackets that stay with the sentence they end. */
static bool
is_closer_wide(int32_t c)
{
    switch (c) {
    case 0x2019: case 0x201D: case 0xBB: case 0x203A:    /* ’ ” » › */
    case 0x201C: case 0x2018:  /* “ ‘ close German „…“ ‚…‘ (right after a terminal only) */
    case 0x300D: case 0x300F: case 0xFF09: case 0x3011:  /* 」 』 ） 】 */
    case 0x3009: case 0x300B: case 0xFF63:               /* 〉 》 ｣ */
        return true;
    default:
        return false;
    }
}

static inline bool
is_closer(int32_t c)
{
    if ((uint32_t)c < 0x80)
        return ascii_props[c] & A_CLOSER;
    return is_closer_wide(c);
}

/* Opening quotes and brackets (and the Spanish ¿ ¡) before a word. */
static bool
is_opener_wide(int32_t c)
{
    switch (c) {
    case 0x2018: case 0x201C: case 0x201E: case 0x201A:  /* ‘ “ „ ‚ */
    case 0xAB: case 0x2039: case 0xBF: case 0xA1:        /* « ‹ ¿ ¡ */
    case 0x300C: case 0x300E: case 0xFF08: case 0x3010:  /* 「 『 （ 【 */
    case 0x2014: case 0x2013:                            /* — – */
        return true;
    default:
        return false;
    }
}

static inline bool
is_opener(int32_t c)
{
    if ((uint32_t)c < 0x80)
        return ascii_props[c] & A_OPENER;
    return is_opener_wide(c);
}

static bool
is_greek(int32_t c)
{
    return (c >= 0x370 && c <= 0x3FF) || (c >= 0x1F00 && c <= 0x1FFF);
}

static inline size_t
dec(const unsigned char *s, size_t i, size_t len, int32_t *c)
{
    if (s[i] < 0x80) {
        *c = s[i];
        return 1;
    }
    return utf8_decode(s + i, s + len, c);
}

/* Eight bytes at a time, for the scans over every byte. */
#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* Is one of the eight bytes of w equal to b? */
static inline bool
has_byte(uint64_t w, unsigned char b)
{
    uint64_t x = w ^ (ONES * b);
    return ((x - ONES) & ~x & HIGHS) != 0;
}

/* How many of the eight bytes of w have their high bit set? */
static inline size_t
count_high(uint64_t w)
{
    return (size_t)((((w & HIGHS) >> 7) * ONES) >> 56);
}

/* ---- the segmenter's state ----------------------------------------------- */

enum { AB_NONE, AB_PLAIN, AB_NUM, AB_NEVER, AB_END };
enum { END_TERM, END_LINE, END_EOF, END_GLUE, END_DATELINE };

typedef struct seg {
    doc *d;
    const unsigned char *s;
    size_t len;
    const strset *abbrev;
    const strset *stop;     /* may be empty */
    bool greek;
    bool ordinal_dots;      /* "am 3. Oktober": numbers with a period are ordinals */
    bool wrapped;           /* hard-wrapped text */
    bool line_paras;        /* long lines: one paragraph a line */
    size_t wrapw;           /* its line width, in code points */

    size_t *glue;           /* accepted glued boundaries, ascending */
    size_t nglue, capglue, iglue;

    size_t ustart;          /* start of the open unit, or NONE */
    size_t marker;          /* start of the list marker before it, or NONE */
    bool u_line_start;      /* it began at the start of a line */
    bool u_multi_line;      /* it spans a soft line break */
    size_t u_words;         /* its words so far */
    bool u_alnum;           /* it has a letter or digit */
    bool in_list;           /* it belongs to a list item */
    bool pending_para;      /* the next unit starts a paragraph */
    uint32_t para_next, para;
    size_t units_pushed;
    size_t boiler_end;      /* units starting before this offset are boilerplate */
} seg;

#define NONE ((size_t)-1)

static bool
in_stop(const seg *g, size_t a, size_t n)
{
    if (!g->stop || g->stop->count == 0 || n == 0 || n > 48)
        return false;
    char buf[200];
    size_t m = fold_word((const char *)g->s + a, n, buf, sizeof buf);
    return m <= sizeof buf && strset_has(g->stop, buf, m);
}

/* The tag of the abbreviation s[a .. a+n) (without its final period). */
static int
abbrev_tag(const seg *g, size_t a, size_t n)
{
    if (n == 0 || n > 40)
        return AB_NONE;
    char key[48];
    for (int pass = 0; pass < 2; pass++) {
        memcpy(key, g->s + a, n);
        if (pass == 1) {
            /* Sentence-initial capital of a lower-case entry: "E.g." */
            if (!(key[0] >= 'A' && key[0] <= 'Z'))
                break;
            key[0] = (char)(key[0] + 32);
        }
        if (g->abbrev && g->abbrev->count) {
            key[n] = ' ';
            key[n + 1] = '>';
            if (strset_has(g->abbrev, key, n + 2))
                return AB_NEVER;
            key[n + 1] = '#';
            if (strset_has(g->abbrev, key, n + 2))
                return AB_NUM;
            key[n + 1] = '.';
            if (strset_has(g->abbrev, key, n + 2))
                return AB_END;
            if (strset_has(g->abbrev, key, n))
                return AB_PLAIN;
        }
    }
    /* Initials and initialisms not in the list: "E", "F.B.I", "N.Y". */
    size_t i = a, letters = 0;
    while (i < a + n) {
        int32_t c;
        size_t m = dec(g->s, i, a + n, &c);
        int k = cclass(c);
        if (!is_letter_class(k))
            return AB_NONE;
        letters++;
        i += m;
        if (i < a + n) {
            if (g->s[i] != '.')
                return AB_NONE;
            i++;
        }
    }
    if (letters == 1) {
        int32_t c;
        dec(g->s, a, a + n, &c);
        return cclass(c) == CL_UPPER ? AB_PLAIN : AB_NONE;
    }
    return AB_PLAIN;
}

/* ---- units --------------------------------------------------------------- */

static bool
starts_with(const unsigned char *s, size_t p, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    return p + n <= len && memcmp(s + p, lit, n) == 0;
}

static bool
ascii_prefix_ieq(const unsigned char *p, const char *lit)
{
    for (; *lit; p++, lit++) {
        unsigned char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)*lit)
            return false;
    }
    return true;
}

/* A word list with each entry's length, so that a lookup compares
 * lengths before bytes and never calls strlen. */
typedef struct sized_lit {
    const char *s;
    size_t n;
} sized_lit;
#define W(x) { x, sizeof x - 1 }

/* Lines that scraped pages carry between paragraphs. Compared after
 * lower-casing ASCII and reducing punctuation runs to one space. */
static const sized_lit boiler_lines[] = {
    W("advertisement"), W("advertisements"), W("advertising"), W("ad"), W("ads"), W("sponsored"),
    W("sponsored content"), W("paid content"), W("promoted"), W("promoted content"), W("share"),
    W("share this"), W("share this article"), W("share this story"), W("share this post"),
    W("share on facebook"), W("share on twitter"), W("share via email"), W("tweet"), W("email"),
    W("print"), W("read more"), W("read more here"), W("continue reading"),
    W("continue reading the main story"), W("story continues below"),
    W("story continues below advertisement"), W("article continues below"),
    W("scroll to continue with content"), W("skip advertisement"), W("skip to content"),
    W("skip to main content"), W("click here"), W("subscribe"), W("subscribe now"), W("sign up"),
    W("sign up for our newsletter"), W("newsletter"), W("related"), W("related articles"),
    W("related stories"), W("related content"), W("related posts"), W("recommended"),
    W("you may also like"), W("most popular"), W("more from"), W("loading"), W("comments"),
    W("leave a comment"), W("back to top"), W("follow us"), W("image copyright"),
    W("image caption"), W("media caption"), W("getty images"),
    W("media playback is unsupported on your device"), W("all rights reserved"), W("anzeige"),
    W("werbung"), W("publicit\xc3\xa9"), W("publicidad"), W("pubblicit\xc3\xa0"), W("reklame"),
    W("advertentie"), W("publicidade"),
    W("\xd1\x80\xd0\xb5\xd0\xba\xd0\xbb\xd0\xb0\xd0\xbc\xd0\xb0"), { NULL, 0 },
};

static const char *const cookie_phrases[] = {
    "we use cookies", "uses cookies", "use of cookies", "accept cookies", "accept all cookies",
    "cookie policy", "cookie settings", "cookie preferences", "consent to the use of cookies",
    NULL,
};

static const sized_lit months[] = {
    W("january"), W("february"), W("march"), W("april"), W("may"), W("june"), W("july"),
    W("august"), W("september"), W("october"), W("november"), W("december"), W("jan"), W("feb"),
    W("mar"), W("apr"), W("jun"), W("jul"), W("aug"), W("sep"), W("sept"), W("oct"), W("nov"),
    W("dec"), W("monday"), W("tuesday"), W("wednesday"), W("thursday"), W("friday"), W("saturday"),
    W("sunday"), { NULL, 0 },
};

/* Lower-cased, punctuation runs made one space, trimmed; false if longer
 * than cap. */
static bool
normalise_line(const unsigned char *p, size_t n, char *out, size_t cap, size_t *outn)
{
    size_t k = 0;
    bool gap = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                     || c >= 0x80;
        if (!alnum) {
            gap = k > 0;
            continue;
        }
        if (gap) {
            if (k >= cap) return false;
            out[k++] = ' ';
            gap = false;
        }
        if (k >= cap) return false;
        out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    *outn = k;
    return true;
}

static bool
has_phrase(const char *h, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(h + i, lit, m) == 0)
            return true;
    return false;
}

/* Does s[a .. b) contain "cookie" in any case? A cheap test before the
 * line is normalised, as it is made at every line. */
static bool
has_cookie(const unsigned char *s, size_t a, size_t b)
{
    for (size_t i = a; i + 6 <= b; i++) {
        if (b - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!has_byte(w | ONES * 0x20, 'c')) {
                i += 7;  /* no 'c' or 'C' starts here or in the next seven */
                continue;
            }
        }
        if ((s[i] | 0x20) != 'c')
            continue;
        if ((s[i + 1] | 0x20) == 'o' && (s[i + 2] | 0x20) == 'o' && (s[i + 3] | 0x20) == 'k'
            && (s[i + 4] | 0x20) == 'i' && (s[i + 5] | 0x20) == 'e')
            return true;
    }
    return false;
}

/* "March 3, 2015 ." or "Tuesday, 1 March": a date and nothing else. */
static bool
is_date_only(const char *norm, size_t n)
{
    size_t i = 0, words = 0;
    bool month = false, number = false;
    while (i < n) {
        size_t j = i;
        while (j < n && norm[j] != ' ')
            j++;
        bool digits = true;
        for (size_t k = i; k < j; k++)
            if (norm[k] < '0' || norm[k] > '9')
                digits = false;
        if (digits) {
            number = true;
        } else {
            bool found = false;
            for (const sized_lit *m = months; m->s; m++)
                if (m->n == j - i && memcmp(m->s, norm + i, j - i) == 0)
                    found = true;
            if (!found)
                return false;
            month = true;
        }
        words++;
        i = j + 1;
    }
    return month && number && words <= 6;
}

/* Is s[a .. b) one of boiler_lines? A full stop or question makes it a
 * sentence ("Share."), so it is not. */
static bool
is_boiler_line(const unsigned char *s, size_t a, size_t b)
{
    if (b - a > 80 || a == b)
        return false;
    unsigned char last = s[b - 1];
    bool dots_end = last == '.' && !(b - a >= 3 && s[b - 2] == '.' && s[b - 3] == '.');
    if (dots_end || last == '!' || last == '?')
        return false;
    char norm[96];
    size_t nn;
    if (!normalise_line(s + a, b - a, norm, sizeof norm, &nn))
        return false;
    for (const sized_lit *p = boiler_lines; p->s; p++)
        if (p->n == nn && memcmp(p->s, norm, nn) == 0)
            return true;
    return false;
}

static unsigned
classify(const seg *g, size_t a, size_t b, int why)
{
    const unsigned char *s = g->s;
    unsigned flags = 0;
    bool whole_line = g->u_line_start && (why == END_LINE || why == END_EOF) && !g->u_multi_line;
    int32_t last;
    size_t lm = utf8_prev_len(s + a, s + b);
    dec(s, b - lm, b, &last);
    bool terminal_end = is_terminal(last, g->greek) || is_closer(last);
    if (is_closer(last) && b - lm > a) {
        int32_t l2;
        size_t m2 = utf8_prev_len(s + a, s + b - lm);
        dec(s, b - lm - m2, b, &l2);
        terminal_end = is_terminal(l2, g->greek);
    }

    /* Dates ("March 3, 2015 .") are short: no need to look at long units. */
    char norm[96];
    size_t nn = 0;
    if (b - a <= 40 && normalise_line(s + a, b - a, norm, sizeof norm, &nn)
        && is_date_only(norm, nn))
        return SUMM_FLAG_BOILERPLATE;
    if (whole_line && is_boiler_line(s, a, b))
        return SUMM_FLAG_BOILERPLATE;
    /* "©2015 The Hollywood Reporter. All rights reserved." */
    if (starts_with(s, a, b, "\xc2\xa9") || starts_with(s, a, b, "Copyright \xc2\xa9")
        || (b - a == 20 && ascii_prefix_ieq(s + a, "all rights reserved.")))
        return SUMM_FLAG_BOILERPLATE;
    bool alnum = false;
    for (size_t i = a; i < b && !alnum; ) {
        int32_t c;
        i += dec(s, i, b, &c);
        int k = cclass(c);
        alnum = is_letter_class(k) || k == CL_DIGIT;
    }
    if (!alnum)
        return SUMM_FLAG_BOILERPLATE;  /* ".", "* * *" */
    if (!whole_line)
        return flags;
    /* Count words; bylines and headings are short. */
    size_t words = 0;
    bool inword = false;
    for (size_t i = a; i < b; i++) {
        bool sp = s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r';
        if (!sp && !inword)
            words++;
        inword = !sp;
    }
    if (g->units_pushed < 4 && b - a > 3 && memcmp(s + a, "By ", 3) == 0 && words <= 8
        && !terminal_end && s[a + 3] >= 'A' && s[a + 3] <= 'Z')
        return SUMM_FLAG_BOILERPLATE;
    /* A heading is followed by text: a last line without a period is not. */
    if (g->in_list || terminal_end || words > 12 || why != END_LINE)
        return flags;
    int32_t first;
    dec(s, a, b, &first);
    int fk = cclass(first);
    if (fk == CL_LOWER)
        return flags;
    if (last == ',' || last == ';' || last == '-' || last == '(' || last == '&')
        return flags;
    /* A line ending in a function word is a sentence cut short, not a title. */
    size_t ws = b;
    while (ws > a && s[ws - 1] != ' ')
        ws--;
    if (in_stop(g, ws, b - ws) && words > 1)
        return flags;
    return flags | SUMM_FLAG_HEADING;
}

static summ_status
push(seg *g, size_t a, size_t b, int why, unsigned extra)
{
    const unsigned char *s = g->s;
    while (a < b) {
        int32_t c;
        size_t n = dec(s, a, b, &c);
        if (!is_space(c))
            break;
        a += n;
    }
    while (b > a) {
        size_t n = utf8_prev_len(s + a, s + b);
        int32_t c;
        dec(s, b - n, b, &c);
        if (!is_space(c))
            break;
        b -= n;
    }
    g->ustart = NONE;
    size_t marker = g->marker;  /* "1." "-" "•": kept in the span, verbatim */
    g->marker = NONE;
    if (a == b)
        return SUMM_OK;
    doc *d = g->d;
    if (!s_grow(d->ar->al, (void **)&d->sent, &d->capsent, d->nsent + 1, sizeof *d->sent))
        return SUMM_ENOMEM;
    unsigned flags = extra;
    if (a < g->boiler_end)
        flags |= SUMM_FLAG_BOILERPLATE;
    else if (why != END_DATELINE)
        flags |= classify(g, a, b, why);
    if (g->in_list)
        flags = (flags & ~(unsigned)SUMM_FLAG_HEADING) | SUMM_FLAG_LIST_ITEM;
    if (g->pending_para) {
        g->para = g->para_next++;
        flags |= SUMM_FLAG_PARAGRAPH;
        g->pending_para = false;
    }
    sentence *t = &d->sent[d->nsent++];
    memset(t, 0, sizeof *t);
    t->start = (uint32_t)(marker < a ? marker : a);
    t->end = (uint32_t)b;
    t->para = g->para;
    t->flags = flags;
    g->units_pushed++;
    return SUMM_OK;
}

/* ---- line structure ------------------------------------------------------ */

/* Length of a list marker at p (bullet or "1." "a)" "(iv)" and the space
 * after it), 0 if there is none. */
static size_t
list_marker(const seg *g, size_t p)
{
    const unsigned char *s = g->s;
    size_t len = g->len;
    if (p >= len)
        return 0;
    int32_t c;
    size_t n = dec(s, p, len, &c);
    size_t q = p;
    switch (c) {
    case 0x2022: case 0x25E6: case 0x25AA: case 0x25AB: case 0x2023: case 0x25CF:
    case 0x25CB: case 0x25A0: case 0x25A1: case 0x25BA: case 0x25B6: case 0x2713:
    case 0x2714: case 0x2043: case 0x27A2: case 0x2192: case 0xB7:
    case '-': case '*': case '+': case 0x2013: case 0x2014:
        q = p + n;
        break;
    default: {
        /* "12." "12)" "a)" "a." "(a)" "(3)" "iv." */
        size_t k = p;
        bool paren = s[k] == '(';
        if (paren)
            k++;
        size_t d0 = k;
        while (k < len && k - d0 < 3 && s[k] >= '0' && s[k] <= '9')
            k++;
        bool num = k > d0;
        bool upper = false;
        if (!num) {
            while (k < len && k - d0 < 4 && s[k] >= 'a' && s[k] <= 'z')
                k++;
            if (k == d0 && k < len && s[k] >= 'A' && s[k] <= 'Z') {
                k++;  /* "(A)" "A)", but not "A." which is an initial */
                upper = true;
            }
            size_t nl = k - d0;
            if (nl == 0)
                return 0;
            if (nl > 1) {
                /* only lower-case roman numerals are more than one letter */
                for (size_t r = d0; r < k; r++)
                    if (s[r] != 'i' && s[r] != 'v' && s[r] != 'x')
                        return 0;
            }
        }
        if (k >= len)
            return 0;
        if (paren) {
            if (s[k] != ')')
                return 0;
        } else if (s[k] != ')' && (s[k] != '.' || upper)) {
            return 0;
        }
        q = k + 1;
    }
    }
    /* A marker is followed by white space and then text on the same line. */
    if (q >= len)
        return 0;
    int32_t sp;
    size_t m = dec(s, q, len, &sp);
    if (!is_hspace(sp))
        return 0;
    q += m;
    while (q < len) {
        m = dec(s, q, len, &sp);
        if (!is_hspace(sp))
            break;
        q += m;
    }
    if (q >= len || is_newline(sp))
        return 0;
    /* "* * *", "- - -": a separator, not a list */
    if (sp == c && (c == '*' || c == '-' || c == 0x2022 || c == 0x2013 || c == 0x2014))
        return 0;
    return q - p;
}

/* Code points of the word at p (up to 40), for the wrap test. */
static size_t
word_cps(const seg *g, size_t p)
{
    size_t n = 0;
    while (p < g->len && n < 40) {
        int32_t c;
        size_t m = dec(g->s, p, g->len, &c);
        if (is_space(c))
            break;
        p += m;
        n++;
    }
    return n;
}

/* Document line statistics: is the text hard-wrapped, and at what width?
 * Hard-wrapped text has most lines near one width (its 90th percentile) and
 * almost none longer; text with a paragraph a line has lines of any length. */
#define LINE_HIST 512

static void
line_stats(seg *g, size_t start)
{
    size_t hist[LINE_HIST + 1] = { 0 };
    size_t lines = 0;
    const unsigned char *p = g->s + start, *end = g->s + g->len;
    /* Each '\n' or '\r' ends a line (so "\r\n" makes an empty one, which
     * is not counted); so does the end of the text. */
    for (;;) {
        const unsigned char *q = p;
        while (q < end && (*q == ' ' || *q == '\t'))
            q++;
        bool text = false;
        size_t cont = 0;  /* UTF-8 continuation bytes: not code points */
        /* Eight bytes at a time while none is '\n' or '\r'. */
        while (end - q >= 8) {
            uint64_t w;
            memcpy(&w, q, 8);
            if (has_byte(w, '\n') || has_byte(w, '\r'))
                break;
            text = true;
            cont += count_high(w & ~(w << 1));
            q += 8;
        }
        for (; q < end; q++) {
            unsigned char c = *q;
            if (c <= '\r' && (c == '\n' || c == '\r'))
                break;
            text = true;
            cont += (c & 0xC0) == 0x80;
        }
        if (text) {
            size_t cps = (size_t)(q - p) - cont;
            hist[cps > LINE_HIST ? LINE_HIST : cps]++;
            lines++;
        }
        if (q == end)
            break;
        p = q + 1;
    }
    g->wrapped = false;
    size_t acc = 0, p90 = 0;
    for (size_t k = 0; k <= LINE_HIST; k++) {
        acc += hist[k];
        if (acc * 10 >= lines * 9) {
            p90 = k;
            break;
        }
    }
    g->line_paras = p90 > 110;
    if (lines < 8 || p90 < 30 || p90 > 250)
        return;
    size_t full = 0, over = 0;
    for (size_t k = p90 * 6 / 10; k <= LINE_HIST; k++)
        full += hist[k];
    for (size_t k = p90 + 10; k <= LINE_HIST; k++)
        over += hist[k];
    if (full * 2 >= lines && over * 100 < lines * 3) {
        g->wrapped = true;
        g->wrapw = p90;
        g->line_paras = false;
    }
}

/* ---- glued sentences ----------------------------------------------------- */

/* A candidate "leftRight": run = [a, e), the case change at m. */
typedef struct glue_cand {
    size_t a, m, e;
} glue_cand;

typedef struct qslot {
    uint32_t off, len;   /* len 0 = empty */
    bool word, opener, mid;  /* seen as a whole word; first in a sentence; elsewhere */
} qslot;

typedef struct qtab {
    qslot *slot;
    size_t mask;
} qtab;

static qslot *
q_find(qtab *q, const unsigned char *s, size_t off, size_t len, bool insert)
{
    size_t j = hash_bytes(s + off, len) & q->mask;
    while (q->slot[j].len) {
        if (q->slot[j].len == len && memcmp(s + q->slot[j].off, s + off, len) == 0)
            return &q->slot[j];
        j = (j + 1) & q->mask;
    }
    if (!insert)
        return NULL;
    q->slot[j].off = (uint32_t)off;
    q->slot[j].len = (uint32_t)len;
    return &q->slot[j];
}

#define GLUE_MAXPART 48

/* Walk the letter runs of the text: call f on each. Runs are maximal
 * sequences of letters; prev is the last non-space code point before the
 * run (0 at a line start). */
typedef struct run_walk {
    size_t a, e;
    int32_t prev;        /* last non-space code point before the run, 0 = line start */
    int32_t before;      /* the code point right before the run */
    int32_t after;       /* the code point right after it */
    size_t m;            /* last lower->upper change with only lower case after, or NONE */
    bool upper_after;    /* the tail after m is not all lower case */
} run_walk;

/* Can the candidate with left part s[a .. m) be accepted at all? Pass 3's
 * rules, on the left part's shape alone: a part of one letter, or a
 * CamelCase name, never is. Most candidates (McLaren, iPod, DeVito) stop
 * here, and a document without others skips passes 2 and 3. */
static bool
glue_possible(const unsigned char *s, size_t a, size_t m)
{
    size_t lcp = 0, upper = 0;
    int firstk = CL_OTHER;
    for (size_t i = a; i < m; ) {
        int32_t cp;
        i += dec(s, i, m, &cp);
        int k = cclass(cp);
        if (lcp == 0)
            firstk = k;
        if (k == CL_UPPER)
            upper++;
        lcp++;
    }
    return firstk == CL_UPPER ? upper == 1 && lcp >= 3 : lcp >= 2;
}

static summ_status
find_glue(seg *g, size_t start)
{
    const unsigned char *s = g->s;
    size_t len = g->len;
    const salloc *al = g->d->ar->al;
    glue_cand *cand = NULL;
    size_t ncand = 0, capcand = 0;
    summ_status st = SUMM_OK;

    /* Pass 1: candidates. */
    size_t runa = NONE, change = NONE;
    int prevk = CL_OTHER;
    int32_t before = 0;
    bool tail_ok = false;
    int32_t last_cp = 0;
    for (size_t i = start; i <= len; ) {
        int32_t c = 0;
        size_t n = 1;
        int k = CL_OTHER;
        if (i < len) {
            n = dec(s, i, len, &c);
            k = cclass(c);
        }
        if (k == CL_LOWER || k == CL_UPPER) {
            if (runa == NONE) {
                runa = i;
                change = NONE;
                before = last_cp;
            } else if (k == CL_UPPER && prevk == CL_LOWER) {
                change = i;
                tail_ok = false;
            } else if (k == CL_UPPER) {
                change = NONE;
            } else if (k == CL_LOWER && change != NONE) {
                tail_ok = true;
            }
            if (k == CL_LOWER) {
                /* More lower-case ASCII letters change nothing more. */
                size_t q = i + n;
                while (q < len && s[q] >= 'a' && s[q] <= 'z')
                    q++;
                if (q > i + n) {
                    c = s[q - 1];
                    n = q - i;
                }
            }
        } else if (runa != NONE) {
            /* The run ended at i. Skip parts of URLs, e-mail addresses,
             * identifiers: a run glued to '.', '/', '@', '_' or a digit. */
            bool skip = change == NONE || !tail_ok  /* no candidate: nothing more to test */
                        || before == '.' || before == '/' || before == '@' || before == '_'
                        || before == '#' || cclass(before) == CL_DIGIT || c == '/' || c == '@'
                        || c == '_' || k == CL_DIGIT || k == CL_LETTER
                        || (c == '.' && i + 1 < len && s[i + 1] > ' ' && s[i + 1] < 0x80);
            if (!skip && change - runa <= GLUE_MAXPART * 4 && glue_possible(s, runa, change)) {
                if (!s_grow(al, (void **)&cand, &capcand, ncand + 1, sizeof *cand)) {
                    st = SUMM_ENOMEM;
                    goto out;
                }
                cand[ncand++] = (glue_cand){ runa, change, i };
            }
            runa = NONE;
        }
        prevk = k;
        last_cp = c;
        i += n;
    }
    if (ncand == 0)
        goto out;

    /* Pass 2: how the parts occur elsewhere, as whole words and as the
     * first word of a sentence. */
    size_t cap = 16;
    while (cap < ncand * 4)
        cap *= 2;
    qtab q = { arena_calloc(g->d->ar, cap, sizeof(qslot)), cap - 1 };
    if (!q.slot) {
        st = SUMM_ENOMEM;
        goto out;
    }
    for (size_t c = 0; c < ncand; c++) {
        if (cand[c].m - cand[c].a <= GLUE_MAXPART)
            q_find(&q, s, cand[c].a, cand[c].m - cand[c].a, true);
        if (cand[c].e - cand[c].m <= GLUE_MAXPART)
            q_find(&q, s, cand[c].m, cand[c].e - cand[c].m, true);
    }
    int32_t prev_ns = 0;   /* last non-space code point, 0 at a line start */
    runa = NONE;
    for (size_t i = start; i <= len; ) {
        int32_t c = 0;
        size_t n = 1;
        int k = CL_OTHER;
        if (i < len) {
            n = dec(s, i, len, &c);
            k = cclass(c);
        }
        if (is_letter_class(k)) {
            if (runa == NONE)
                runa = i;
            while (i + n < len && ascii_letter(s[i + n]))
                n++;  /* the rest of an ASCII word: nothing to do */
        } else {
            if (runa != NONE) {
                if (i - runa <= GLUE_MAXPART) {
                    qslot *e = q_find(&q, s, runa, i - runa, false);
                    if (e) {
                        e->word = true;
                        if (prev_ns == 0 || is_terminal(prev_ns, g->greek))
                            e->opener = true;
                        else
                            e->mid = true;
                    }
                }
                prev_ns = 'a';
                runa = NONE;
            }
            if (is_newline(c)) {
                prev_ns = 0;
            } else if (!is_space(c) && !is_opener(c)) {
                if (!(is_closer(c) && is_terminal(prev_ns, g->greek)))
                    prev_ns = c;
            }
        }
        i += n;
    }

    /* Pass 3: decide. Strong evidence first; a document shown to have lost
     * its boundaries (two strong cases) also gets the weaker ones. */
    unsigned char *dec_of = arena_calloc(g->d->ar, ncand, 1);
    if (!dec_of) {
        st = SUMM_ENOMEM;
        goto out;
    }
    size_t strong = 0;
    for (size_t c = 0; c < ncand; c++) {
        glue_cand *x = &cand[c];
        size_t llen = x->m - x->a, rlen = x->e - x->m;
        qslot *L = llen <= GLUE_MAXPART ? q_find(&q, s, x->a, llen, false) : NULL;
        qslot *R = rlen <= GLUE_MAXPART ? q_find(&q, s, x->m, rlen, false) : NULL;
        bool lword = L && L->word, lmid = L && L->mid, ropen = R && R->opener;
        bool rstop = in_stop(g, x->m, rlen);
        /* Shape of the left part. */
        size_t lcp = 0, upper = 0;
        int firstk = CL_OTHER;
        for (size_t i = x->a; i < x->m; ) {
            int32_t cp;
            i += dec(s, i, x->m, &cp);
            int k = cclass(cp);
            if (lcp == 0)
                firstk = k;
            if (k == CL_UPPER)
                upper++;
            lcp++;
        }
        size_t rcp = 0;
        for (size_t i = x->m; i < x->e; rcp++) {
            int32_t cp;
            i += dec(s, i, x->e, &cp);
        }
        bool lower = upper == 0;
        bool capital = firstk == CL_UPPER && upper == 1;
        int verdict = 0;  /* 0 no, 1 weak, 2 strong */
        if (capital) {
            /* Alibaba|On: a name capitalised inside other sentences, then
             * a sentence opener. LinkedIn, YouTube, PayPal, WhatsApp fail
             * one of the two ("Linked" and "You" start sentences, but are
             * not names). */
            if (lmid && (rstop || ropen) && lcp >= 3)
                verdict = 2;
        } else if (firstk == CL_UPPER) {
            /* HeForShe, GoFundMe: several capitals make a CamelCase name. */
        } else if (lower && in_stop(g, x->a, llen)) {
            /* "atLabour's": a lost space after a function word, which
             * cannot end a sentence. */
        } else if (lcp >= 2) {
            if (rstop || ropen)
                verdict = 2;
            else if (lower && lword && lcp >= 3 && rcp >= 3)
                verdict = 2;
            else if (lower && lcp >= 3 && rcp >= 4)
                verdict = 1;
        }
        /* The single lower-case prefix of iPhone, eBay fails lcp >= 2 in
         * every branch. */
        dec_of[c] = (unsigned char)verdict;
        if (verdict == 2)
            strong++;
    }
    for (size_t c = 0; c < ncand; c++) {
        if (dec_of[c] == 2 || (dec_of[c] == 1 && strong >= 2)) {
            if (!s_grow(al, (void **)&g->glue, &g->capglue, g->nglue + 1, sizeof *g->glue)) {
                st = SUMM_ENOMEM;
                goto out;
            }
            g->glue[g->nglue++] = cand[c].m;
        }
    }
out:
    s_free(al, cand);
    return st;
}

/* ---- datelines and bylines ----------------------------------------------- */

/* End of a dash separator (" -- ", " — ", " - ") at p (after spaces), or 0. */
static size_t
dash_end(const seg *g, size_t p)
{
    const unsigned char *s = g->s;
    size_t len = g->len;
    while (p < len && s[p] == ' ')
        p++;
    size_t q;
    if (starts_with(s, p, len, "--"))
        q = p + 2;
    else if (starts_with(s, p, len, "\xe2\x80\x94") || starts_with(s, p, len, "\xe2\x80\x93"))
        q = p + 3;
    else if (starts_with(s, p, len, "- "))
        q = p + 1;
    else
        return 0;
    if (q < len && s[q] != ' ')
        return 0;
    while (q < len && s[q] == ' ')
        q++;
    return q;
}

/* The end of a dateline or byline at the start of the text, or 0:
 *   "London (CNN) -- ", "(CNN)Police ...", "Tokyo (CNN)Police",
 *   "WASHINGTON (Reuters) - ", "NEW YORK — ",
 *   "By . Daily Mail Reporter . PUBLISHED: . 12:01 EST, 3 March 2013 . | . UPDATED: ... 2013 . " */
static size_t
dateline(const seg *g, size_t start)
{
    const unsigned char *s = g->s;
    size_t len = g->len;
    size_t p = start;
    while (p < len && (s[p] == ' ' || s[p] == '\t'))
        p++;

    if (starts_with(s, p, len, "By ") || starts_with(s, p, len, "PUBLISHED:")
        || starts_with(s, p, len, "UPDATED:") || starts_with(s, p, len, "Last updated")) {
        /* Daily Mail: the byline block ends with the year after the last
         * PUBLISHED:/UPDATED: within its first few hundred bytes. */
        size_t lim = p + 400 < len ? p + 400 : len, mark = 0;
        for (size_t k = p; k + 9 < lim; k++) {
            /* starts_with: "Last updated" may run past lim, never past len */
            if (starts_with(s, k, len, "UPDATED:"))
                mark = k + 8;
            else if (starts_with(s, k, len, "PUBLISHED:"))
                mark = k + 10;
            else if (starts_with(s, k, len, "Last updated"))
                mark = k + 12;
        }
        if (mark) {
            for (size_t k = mark; k + 4 <= lim; k++) {
                bool yr = (s[k] == '1' || s[k] == '2') && s[k + 1] >= '0' && s[k + 1] <= '9'
                          && s[k + 2] >= '0' && s[k + 2] <= '9' && s[k + 3] >= '0'
                          && s[k + 3] <= '9' && (k + 4 == len || s[k + 4] == ' ' || s[k + 4] == '.');
                if (yr && s[k - 1] == ' ') {
                    size_t e = k + 4;
                    while (e < len && s[e] == ' ')
                        e++;
                    if (e < len && s[e] == '.')
                        e++;
                    return e;
                }
            }
        }
        /* "By . Daily Mail Reporter . " */
        if (starts_with(s, p, len, "By . ")) {
            for (size_t k = p + 5; k + 3 <= len && k < p + 80; k++) {
                if (s[k] == '\n')
                    break;
                if (memcmp(s + k, " . ", 3) == 0)
                    return k + 2;
            }
        }
        return 0;
    }

    /* [Place] (Source) */
    size_t q = p, words = 0;
    bool caps_place = true, any_letter = false;
    size_t letters = 0;
    while (q < len && q - p <= 60) {
        int32_t c;
        size_t n = dec(s, q, len, &c);
        int k = cclass(c);
        if (c == '(' || is_newline(c) || c == 0x2014 || c == 0x2013
            || (c == '-' && q > p && s[q - 1] == ' '))
            break;
        if (is_letter_class(k)) {
            if (!any_letter && k != CL_UPPER)
                return 0;
            if (k == CL_LOWER)
                caps_place = false;
            if (q == p || s[q - 1] == ' ') {
                words++;
                /* "Rio de Janeiro": only particles may be lower case */
                if (k != CL_UPPER && !starts_with(s, q, len, "de ") && !starts_with(s, q, len, "la ")
                    && !starts_with(s, q, len, "del ") && !starts_with(s, q, len, "du ")
                    && !starts_with(s, q, len, "am ") && !starts_with(s, q, len, "upon "))
                    return 0;
            }
            any_letter = true;
            letters++;
        } else if (k == CL_DIGIT) {
            if (!caps_place)
                return 0;
        } else if (!(c == ' ' || c == ',' || c == '.' || c == '-' || c == '\'')) {
            return 0;
        }
        q += n;
    }
    if (words > 6)
        return 0;
    if (q < len && s[q] == '(') {
        if (q > p && s[q - 1] != ' ')
            return 0;
        size_t r = q + 1;
        bool lower = false;
        while (r < len && r - q <= 40 && s[r] != ')') {
            int32_t c;
            size_t n = dec(s, r, len, &c);
            int k = cclass(c);
            if (k == CL_LOWER)
                lower = true;
            if (!(is_letter_class(k) || c == ' ' || c == '.' || c == '&' || c == '\'' || c == '-'))
                return 0;
            r += n;
        }
        if (r >= len || s[r] != ')' || r < q + 3)
            return 0;  /* "(A) The law": a list, not a source */
        r++;
        if (r >= len)
            return 0;
        int32_t c;
        dec(s, r, len, &c);
        int k = cclass(c);
        if (is_letter_class(k) || k == CL_DIGIT || c == '"' || c == 0x201C || c == '\''
            || c == '[')
            return r;  /* glued: "(CNN)Police" */
        size_t e = dash_end(g, r);
        if (e)
            return e;
        if (c == ' ' && !lower) {
            /* "(AP) The ...", "Washington (CNN) A huge ..." */
            size_t t = r;
            while (t < len && s[t] == ' ')
                t++;
            int32_t c2;
            if (t < len) {
                dec(s, t, len, &c2);
                if (cclass(c2) == CL_UPPER)
                    return t;
            }
        }
        return 0;
    }
    /* "NEW YORK — " */
    if (caps_place && letters >= 4 && q > p) {
        size_t t = q;
        while (t > p && s[t - 1] == ' ')
            t--;
        size_t e = dash_end(g, p + (t - p));
        return e;
    }
    return 0;
}

/* ---- the main pass ------------------------------------------------------- */

/* The first word after position p (skipping white space and openers):
 * its class, start and length in bytes (letters only, for the stopword
 * check). */
static int
next_word(const seg *g, size_t p, size_t *wa, size_t *wn)
{
    const unsigned char *s = g->s;
    size_t len = g->len;
    int openers = 0;
    *wa = p;
    *wn = 0;
    while (p < len) {
        int32_t c;
        size_t n = dec(s, p, len, &c);
        if (is_space(c) || (is_opener(c) && openers++ < 4)) {
            p += n;
            continue;
        }
        int k = cclass(c);
        *wa = p;
        if (is_letter_class(k)) {
            size_t q = p;
            while (q < len && q - p <= 48) {
                int32_t c2;
                size_t m = dec(s, q, len, &c2);
                if (!is_letter_class(cclass(c2)) && c2 != '\'' && c2 != 0x2019)
                    break;
                q += m;
            }
            *wn = q - p;
            /* "iPhone sales rose": a word with a capital among its first
             * letters counts as capitalised. */
            if (k == CL_LOWER && p + n < q) {  /* a second letter, not a second byte */
                int32_t c2;
                dec(s, p + n, len, &c2);
                if (cclass(c2) == CL_UPPER)
                    return CL_UPPER;
            }
        }
        return k;
    }
    return -1;  /* end of text */
}

/* Does the period/terminal cluster at [i, j) end a sentence? tok is the
 * start of the word before it. */
static bool
ends_sentence(const seg *g, int32_t c, size_t tok, size_t i, size_t j, bool ellipsis)
{
    const unsigned char *s = g->s;
    size_t len = g->len;
    if (j >= len)
        return true;
    if (is_wide_terminal(c))
        return true;
    int32_t nx;
    size_t nn = dec(s, j, len, &nx);
    int nk = cclass(nx);
    if (!is_space(nx)) {
        /* Inside a token: 3.14, Amazon.com, e.g., U.S.A, a URL's "?". */
        if (nk == CL_LETTER)
            return true;  /* "你好!我" */
        if (nk != CL_UPPER || j != i + 1 || c == 0x2026)
            return false;
        /* "yearThe" with its period kept: "the year.The board" */
        int32_t n2;
        if (j + nn >= len)
            return false;
        dec(s, j + nn, len, &n2);
        if (cclass(n2) != CL_LOWER || i - tok < 2 || i - tok > 64)
            return false;
        for (size_t k = tok; k < i; ) {
            int32_t cp;
            size_t m = dec(s, k, i, &cp);
            if (cclass(cp) != CL_LOWER && !(k == tok && cclass(cp) == CL_UPPER))
                return false;
            k += m;
        }
        return c != '.' || abbrev_tag(g, tok, i - tok) == AB_NONE;
    }
    size_t wa, wn;
    int k = next_word(g, j, &wa, &wn);
    if (k < 0)
        return true;
    if (k == CL_LOWER)
        return false;
    if (ellipsis)
        return k != CL_DIGIT;  /* "... The" ends, "... 5" and "... and" go on */
    if (c != '.')
        return true;
    /* A single period: what was the word before it? */
    int tag = AB_NONE;
    size_t wl = i - tok;
    if (wl > 0 && wl <= 40) {
        tag = abbrev_tag(g, tok, wl);
        if (tag == AB_NONE && g->ordinal_dots && wl <= 3) {
            bool digits = true;
            for (size_t q = tok; q < i; q++)
                if (s[q] < '0' || s[q] > '9')
                    digits = false;
            if (digits)
                tag = AB_NUM;
        }
    }
    switch (tag) {
    case AB_NEVER:
        return false;
    case AB_END:
        return k != CL_DIGIT;  /* "etc. Mrs. Bennet" */
    case AB_NUM:
        if (k == CL_DIGIT)
            return false;
        if (g->ordinal_dots && k == CL_UPPER && !in_stop(g, wa, wn)) {
            /* "am 3. Oktober": an ordinal before a noun */
            bool digits = true;
            for (size_t q = tok; q < i; q++)
                if (s[q] < '0' || s[q] > '9')
                    digits = false;
            if (digits)
                return false;
        }
        /* Otherwise a word like any other: Portuguese "no mar. Todos". */
        return true;
    case AB_PLAIN:
        if (k == CL_UPPER)
            return in_stop(g, wa, wn);  /* "& Co. It closed" vs "U.S. Army" */
        return k == CL_LETTER;
    default:
        return true;
    }
}

summ_status
segment(doc *d, size_t start, const strset *abbrev)
{
    seg g0 = { 0 };
    seg *g = &g0;
    g->d = d;
    g->s = (const unsigned char *)d->text;
    g->len = d->len;
    g->abbrev = abbrev;
    g->stop = d->lr ? &d->lr->stop : NULL;
    const char *code = d->lang ? d->lang->code : "und";
    g->greek = strcmp(code, "el") == 0;
    static const char *const ordinal_langs[] = {
        "de", "da", "no", "nb", "nn", "fi", "cs", "sk", "pl", "hu", "sl", "hr", "sr", "bs",
        "is", "et", "lv", "lt", "tr", NULL,
    };
    for (const char *const *o = ordinal_langs; *o; o++)
        if (strcmp(code, *o) == 0)
            g->ordinal_dots = true;
    g->ustart = NONE;
    g->marker = NONE;
    g->pending_para = true;

    const unsigned char *s = g->s;
    size_t len = g->len;
    summ_status st;

    line_stats(g, start);
    if ((st = find_glue(g, start)) != SUMM_OK)
        goto out;

    size_t i = start;
    size_t dl = dateline(g, start);
    if (dl > start && dl < len) {
        g->u_line_start = true;
        if ((st = push(g, start, dl, END_DATELINE, SUMM_FLAG_BOILERPLATE)) != SUMM_OK)
            goto out;
        i = dl;
    }

    /* The current line, for the line-break decision. */
    size_t line_cps = 0;       /* code points of the line so far */
    bool line_text = false;    /* a non-space seen on this line */
    int32_t last_c = 0;        /* last non-space code point of the line */
    size_t run_a = NONE, last_word_a = 0, last_word_e = 0;
    size_t tok = i;            /* start of the current word, after openers */
    int32_t prev_cp = 0;       /* the code point before i, 0 after a line break */
    bool at_line_start = true;
    if (dl > start)
        at_line_start = false, line_text = true;

    while (i < len) {
        if (at_line_start) {
            at_line_start = false;
            size_t k = i;
            while (k < len) {
                int32_t c;
                size_t n = dec(s, k, len, &c);
                if (!is_hspace(c))
                    break;
                k += n;
            }
            /* A cookie notice is a line of its own, of one or more
             * sentences: every unit that starts on it is boilerplate. */
            size_t look = len - k < 601 ? len - k : 601;
            const unsigned char *nl = memchr(s + k, '\n', look);
            size_t le = nl ? (size_t)(nl - s) : k + look;
            if (le - k <= 600 && (nl || le == len)) {
                char norm[640];
                size_t nn;
                if (has_cookie(s, k, le) && normalise_line(s + k, le - k, norm, sizeof norm, &nn)) {
                    for (const char *const *p = cookie_phrases; *p; p++)
                        if (has_phrase(norm, nn, *p))
                            g->boiler_end = le;
                }
            }
            size_t m = list_marker(g, k);
            if (m) {
                if (g->ustart != NONE && (st = push(g, g->ustart, k, END_LINE, 0)) != SUMM_OK)
                    goto out;
                g->pending_para = true;
                g->in_list = true;
                g->marker = k;
                i = k + m;
                tok = i;
                line_text = false;
                continue;
            }
        }
        while (g->iglue < g->nglue && g->glue[g->iglue] < i)
            g->iglue++;
        if (g->iglue < g->nglue && g->glue[g->iglue] == i && g->ustart != NONE) {
            if ((st = push(g, g->ustart, i, END_GLUE, 0)) != SUMM_OK)
                goto out;
            g->iglue++;
            tok = i;
        }

        int32_t c;
        size_t n = dec(s, i, len, &c);

        if (is_newline(c)) {
            size_t k = i + n;
            if (c == '\r' && k < len && s[k] == '\n')
                k++;
            bool blank = c == 0x2029;
            while (k < len) {
                int32_t c2;
                size_t m = dec(s, k, len, &c2);
                if (is_newline(c2))
                    blank = true;
                else if (!is_hspace(c2))
                    break;
                k += m;
            }
            bool open = g->ustart != NONE;
            bool marker_next = k < len && list_marker(g, k);
            bool hard = open;
            if (open && k < len && !blank && !marker_next) {
                int32_t b;
                dec(s, k, len, &b);
                int bk = cclass(b);
                bool stopword_end = last_word_e > last_word_a
                                    && in_stop(g, last_word_a, last_word_e - last_word_a);
                if (g->u_line_start && !g->u_multi_line && is_boiler_line(s, g->ustart, i))
                    hard = true;  /* "Share this", "Read more" end in stopwords */
                else if (is_terminal(last_c, g->greek) || last_c == ',' || last_c == ';'
                    || last_c == '-' || last_c == '(' || last_c == '&' || last_c == '/'
                    || last_c == 0x2013 || last_c == 0x2014 || stopword_end)
                    hard = false;  /* "Mr.", "and", "," cannot end a sentence */
                else if (bk == CL_LOWER || bk == CL_DIGIT)
                    hard = false;
                else if (g->wrapped)
                    /* the next word did not fit on the line */
                    hard = line_cps + 1 + word_cps(g, k) + 8 <= g->wrapw;
                else if (!g->line_paras && (!g->u_line_start || g->u_words > 12))
                    /* Short lines, too few to tell the width: a line that
                     * cannot be a heading runs on. */
                    hard = false;
            }
            if (hard) {
                if ((st = push(g, g->ustart, i, END_LINE, 0)) != SUMM_OK)
                    goto out;
                g->pending_para = true;
            }
            /* Text with one paragraph a line starts a paragraph at every
             * line; hard-wrapped text only after a blank line. */
            if (blank || (!open && !g->wrapped))
                g->pending_para = true;
            if (!(open && !hard))
                g->in_list = false;
            else
                g->u_multi_line = true;
            line_cps = 0;
            line_text = false;
            last_c = 0;
            run_a = NONE;
            last_word_a = last_word_e = 0;
            at_line_start = true;
            i = k;
            tok = k;
            prev_cp = 0;
            continue;
        }

        line_cps++;
        if (is_hspace(c)) {
            run_a = NONE;
            tok = i + n;
            prev_cp = c;
            i += n;
            continue;
        }
        int k = cclass(c);
        if (g->ustart == NONE) {
            g->ustart = i;
            g->u_line_start = !line_text;
            g->u_multi_line = false;
            g->u_words = 0;
            g->u_alnum = false;
        }
        if (prev_cp == 0 || is_space(prev_cp) || g->ustart == i)
            g->u_words++;
        line_text = true;
        last_c = c;
        if (is_letter_class(k) || k == CL_DIGIT)
            g->u_alnum = true;
        if (is_letter_class(k)) {
            if (run_a == NONE)
                run_a = i;
            last_word_a = run_a;
            last_word_e = i + n;
        } else {
            run_a = NONE;
            if (is_opener(c) && tok == i)
                tok = i + n;
        }

        /* Greek's question mark is ';', also when the language was not
         * told: between Greek words. */
        bool greek_q = c == ';' && !g->greek && is_greek(prev_cp) && i + n < len
                       && s[i + n] == ' ';
        prev_cp = c;
        if (!is_terminal(c, g->greek) && !greek_q) {
            i += n;
            if (run_a != NONE) {
                /* The rest of a word of ASCII letters, up to a glued
                 * boundary, changes only the line's state: most of the
                 * text, done here without the checks above. */
                while (g->iglue < g->nglue && g->glue[g->iglue] < i)
                    g->iglue++;
                size_t stop = g->iglue < g->nglue ? g->glue[g->iglue] : len;
                size_t q = i;
                while (q < stop && ascii_letter(s[q]))
                    q++;
                if (q > i) {
                    line_cps += q - i;
                    last_c = prev_cp = s[q - 1];
                    last_word_e = q;
                    i = q;
                }
            }
            continue;
        }

        /* A cluster of terminals ("?!", "...", ". . ."), then closers. */
        size_t j = i + n;
        size_t dots = c == '.', nterm = 1;
        bool ellipsis = c == 0x2026;
        bool only_dots = c == '.';
        for (;;) {
            if (j >= len)
                break;
            int32_t c2;
            size_t m = dec(s, j, len, &c2);
            if (is_terminal(c2, g->greek)) {
                if (c2 == '.')
                    dots++;
                else
                    only_dots = false;
                if (c2 == 0x2026)
                    ellipsis = true;
                nterm++;
                j += m;
                continue;
            }
            /* ". . ." */
            if (c2 == ' ' && only_dots && j + 1 < len && s[j + 1] == '.'
                && (dots >= 2 || (j + 3 < len && s[j + 2] == ' ' && s[j + 3] == '.'))) {
                j++;
                continue;
            }
            break;
        }
        if (dots >= 2)
            ellipsis = true;
        while (j < len) {
            int32_t c2;
            size_t m = dec(s, j, len, &c2);
            if (!is_closer(c2))
                break;
            j += m;
        }
        /* French "« Bonjour. »": a guillemet after a space. */
        if (j < len) {
            size_t q = j;
            int32_t c2;
            size_t m = dec(s, q, len, &c2);
            if (c2 == ' ' || c2 == 0xA0 || c2 == 0x202F) {
                q += m;
                if (q < len) {
                    m = dec(s, q, len, &c2);
                    if (c2 == 0xBB)
                        j = q + m;
                }
            }
        }
        int32_t head = greek_q ? '?' : c;
        if (nterm > 1 && !only_dots) {
            /* "?!" or ".?" behaves like its question or exclamation mark. */
            head = '!';
        }
        /* Punctuation alone is no sentence: ". . . I believe" keeps its
         * ellipsis, and "3. Bush-Rubio?" (a list run into the text) its
         * number. */
        bool bare = !g->u_alnum;
        if (!bare && c == '.' && !ellipsis && i - g->ustart <= 2) {
            bare = true;
            for (size_t q = g->ustart; q < i; q++)
                if (s[q] < '0' || s[q] > '9')
                    bare = false;
        }
        if (!bare && ends_sentence(g, head, tok, i, j, ellipsis)) {
            if ((st = push(g, g->ustart, j, END_TERM, 0)) != SUMM_OK)
                goto out;
        }
        /* Keep the line's state: the cluster may end the line. */
        int32_t lc;
        size_t lm = utf8_prev_len(s + i, s + j);
        dec(s, j - lm, len, &lc);
        last_c = is_closer(lc) ? c : lc;
        for (size_t q = i + n; q < j; ) {
            int32_t c2;
            q += dec(s, q, len, &c2);
            line_cps++;
        }
        run_a = NONE;
        i = j;
    }
    if (g->ustart != NONE)
        st = push(g, g->ustart, len, END_EOF, 0);
    else
        st = SUMM_OK;
out:
    s_free(d->ar->al, g->glue);
    return st;
}

/* segment.c - sentence segmentation: the main pass.
 *
 * One forward pass over the text decides every boundary from bounded local
 * context (the word before a period, the word after it, the shape of the
 * line before and after a line break), after three O(n) passes for
 * document-wide evidence: line statistics (lines.c: hard-wrapped text, or
 * one paragraph a line), glued boundaries (glue.c) and a dateline or
 * byline at the very start (boiler.c).
 *
 * Nothing looks back or ahead more than a bounded number of code points
 * except over white space that the main loop then skips, so the whole is
 * linear in the input, also for a 10 MB line or a 3 MB "word".
 *
 * Abbreviation lists (stopwords/abbrev/<code>.txt) tag each entry: plain
 * entries may end a sentence, "X >" never does (Mr, e.g), "X #" only
 * before a number is an abbreviation (No. 4, Jan. 15), "X ." ends one
 * before any capital (etc). See the header of abbrev/en.txt. */
#include "lang/lang.h"
#include "segment/ascii.h"
#include "segment/seg.h"

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
    g->depth = 0;
    g->close_at = NONE;
    size_t marker = g->marker;  /* "1." "-" "•": kept in the span, verbatim */
    g->marker = NONE;
    if (a == b)
        return SUMM_OK;
    doc *d = g->d;
    if (d->nsent >= d->capsent  /* the call only when the array is full */
        && !summ__grow(d->ar->al, (void **)&d->sent, &d->capsent, d->nsent + 1, sizeof *d->sent))
        return SUMM_ENOMEM;
    unsigned flags = extra;
    if (a < g->boiler_end)
        flags |= SUMM_FLAG_BOILERPLATE;
    else if (why != END_DATELINE)
        flags |= summ__seg_classify(g, a, b, why);
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

/* A cluster of terminals ("?!", "...", ". . ."), its closers, a footnote
 * mark or an emoticon after it. */
typedef struct cluster {
    size_t end;
    int32_t head;    /* the terminal it acts as */
    bool ellipsis;
    bool spaced;     /* ". . ." after a space: an omission inside a sentence */
    bool closed;     /* it takes a closing quote or bracket */
    bool citation;   /* "(Smith 55)." follows it */
} cluster;

/* ---- quotes and brackets ----------------------------------------------- */

/* The closer of an opening quote or bracket, or 0. German and Slovak „
 * close with “ (or ”), which is also an opener elsewhere. */
static int32_t
closer_of(int32_t c)
{
    switch (c) {
    case '(': return ')';
    case '[': return ']';
    case '{': return '}';
    case '"': return '"';
    case 0x201C: return 0x201D;   /* “ ” */
    case 0x201E: return 0x201C;   /* „ “ */
    case 0xAB: return 0xBB;       /* « » */
    case 0x2039: return 0x203A;   /* ‹ › */
    case 0x300C: return 0x300D;   /* 「 」 */
    case 0x300E: return 0x300F;   /* 『 』 */
    case 0x300A: return 0x300B;   /* 《 》 */
    case 0x3008: return 0x3009;   /* 〈 〉 */
    case 0xFF08: return 0xFF09;   /* （ ） */
    case 0x3010: return 0x3011;   /* 【 】 */
    default: return 0;
    }
}

/* Can c open or close a pair (closer_of(c), or ”)? Inline, for every
 * punctuation mark of the main pass: in ASCII only four can. */
static inline bool
pairs(int32_t c)
{
    if (c < 0x80)
        return c == '(' || c == '[' || c == '{' || c == '"';
    return c == 0x201D || closer_of(c);
}

/* Keep the stack of quotes and brackets open in the unit: c at i, after
 * the code point prev. ASCII '"' opens after a space or the start of the
 * unit and closes otherwise. */
static void
nest_track(seg *g, int32_t c, int32_t prev, size_t i)
{
    if (g->depth > 0 && g->nest[g->depth - 1] == c
        && (c != '"' || !(prev == 0 || is_space(prev) || is_opener(prev)))) {
        g->depth--;
        g->close_at = NONE;
        return;
    }
    if (c == 0x201D && g->depth > 0 && g->nest[g->depth - 1] == 0x201C) {  /* „…” */
        g->depth--;
        g->close_at = NONE;
        return;
    }
    if (closer_of(c) && (c != '"' || prev == 0 || is_space(prev) || is_opener(prev))) {
        if (g->depth < sizeof g->nest / sizeof g->nest[0])
            g->nest[g->depth++] = closer_of(c);
        g->close_at = NONE;
        g->scanned = i;
    }
}

/* Quotes and brackets hold at most this much text: a terminal further
 * from the closer ends its sentence as any other. */
#define NEST_SPAN 400

/* Is the terminal at i inside a quote or bracket that closes later, on
 * the same paragraph, within NEST_SPAN bytes? What was scanned is kept, so
 * every byte is looked at once per opener. */
static bool
inside_nest(seg *g, size_t i)
{
    if (g->depth == 0)
        return false;
    int32_t want = g->nest[g->depth - 1];
    if (g->close_at != NONE)
        return g->close_at > i;
    const unsigned char *s = g->s;
    size_t p = g->scanned > i ? g->scanned : i, stop = i + NEST_SPAN;
    if (stop > g->len)
        stop = g->len;
    while (p < stop) {
        int32_t c;
        size_t n = dec(s, p, g->len, &c);
        if (c == want || (want == 0x201C && c == 0x201D)) {
            g->close_at = p;
            g->scanned = p;
            return true;
        }
        if (c == '\n' && p + 1 < g->len && (s[p + 1] == '\n' || s[p + 1] == '\r'))
            break;  /* a paragraph ends it */
        p += n;
    }
    g->scanned = p;
    return false;
}

/* ---- the boundary decision --------------------------------------------- */

static bool
digits_only(const unsigned char *s, size_t a, size_t b)
{
    if (a >= b)
        return false;
    for (size_t q = a; q < b; q++)
        if (s[q] < '0' || s[q] > '9')
            return false;
    return true;
}

/* "XII. Pluku": a Roman numeral, an ordinal where numbers with a period
 * are. */
static bool
roman_only(const unsigned char *s, size_t a, size_t b)
{
    if (b - a < 2)
        return false;
    for (size_t q = a; q < b; q++)
        if (!strchr("IVXLCDM", s[q]) || s[q] == 0)
            return false;
    return true;
}

/* A lower-case word after the terminal c: a boundary only in text that is
 * lower-cased as a whole, or when the word is one that starts sentences
 * (stopwords/openers/), and never after an abbreviation, an initial, a
 * number or a closing quote ("e.g. apples", "approx. five", '"Why?" she
 * asked'). */
static bool
lower_starts(seg *g, int32_t c, size_t tok, size_t i, size_t wa, size_t wn, bool closed)
{
    size_t wl = i - tok;
    if (closed || wl < 2 || wl > 40)
        return false;
    int32_t last;
    dec(g->s, i - utf8_prev_len(g->s + tok, g->s + i), i, &last);
    if (!is_letter_class(cclass(last)))
        return false;
    if (c == '.' && summ__seg_abbrev_tag(g, tok, wl) != AB_NONE)
        return false;
    /* Counted here, not before the main pass: most texts never get this
     * far (a lower-case word after a terminal that is not an abbreviation),
     * and the count is a pass over the whole text. */
    if (!g->case_counted)
        summ__seg_case_stats(g, g->d->start);
    return g->lower_text || summ__seg_in_openers(g, wa, wn);
}

/* What follows a terminal cluster directly, without a space: 3.14,
 * Amazon.com, e.g., U.S.A, a URL's "?" go on; "你好!我", "the
 * year.The board", "1,000.That" end. */
static bool
glued_end(const seg *g, int32_t c, size_t tok, size_t i, size_t j)
{
    const unsigned char *s = g->s;
    size_t len = g->len;
    int32_t nx;
    size_t nn = dec(s, j, len, &nx);
    int nk = cclass(nx);
    if (nk == CL_LETTER)
        return true;  /* "你好!我" */
    if (nk != CL_UPPER || j != i + 1 || c == 0x2026)
        return false;
    if (j + nn >= len || i - tok < 2 || i - tok > 64)
        return false;
    /* the token after: an e-mail address or a path is one word */
    size_t e = j;
    bool caps = true;
    while (e < len && e - j < 64 && !is_space(s[e])) {
        if (s[e] == '@' || s[e] == '/')
            return false;
        if (ascii_letter(s[e]) && cclass(s[e]) == CL_LOWER)
            caps = false;
        e++;
    }
    int32_t n2;
    dec(s, j + nn, len, &n2);
    bool number = true, word = true;
    for (size_t k = tok; k < i; ) {
        int32_t cp;
        size_t m = dec(s, k, i, &cp);
        int ck = cclass(cp);
        if (!(ck == CL_DIGIT || (cp == ',' && k > tok)))
            number = false;
        if (ck != CL_LOWER && !(k == tok && ck == CL_UPPER))
            word = false;
        k += m;
    }
    /* "жағдайы.XVIII ғасырдың": a capitalised word or numeral after a
     * word of three letters or more */
    if (cclass(n2) != CL_LOWER && !(caps && word && i - tok >= 3 && e - j >= 2))
        return false;
    if (!word && !number)
        return false;
    return c != '.' || number || summ__seg_abbrev_tag(g, tok, i - tok) == AB_NONE;
}

/* Does the period/terminal cluster k, from i, end a sentence? tok is the
 * start of the word before it. */
static bool
ends_sentence(seg *g, const cluster *cl, size_t tok, size_t i)
{
    const unsigned char *s = g->s;
    size_t len = g->len, j = cl->end;
    int32_t c = cl->head;
    bool ellipsis = cl->ellipsis;
    if (j >= len)
        return true;
    if (is_wide_terminal(c))
        return true;
    int32_t nx;
    dec(s, j, len, &nx);
    if (!is_space(nx))
        return glued_end(g, c, tok, i, j);
    size_t wa, wn;
    int k = summ__seg_next_word(g, j, &wa, &wn);
    if (k < 0)
        return true;
    if (cl->spaced && (k != CL_UPPER || wn <= 1))
        return false;  /* "the thing is . . . I didn't", "weakened . . . was": an omission */
    if (k == CL_LOWER)
        return !ellipsis && lower_starts(g, c, tok, i, wa, wn, cl->closed);
    if (cl->citation)
        return false;  /* '"..." (Smith 55).': the citation is the sentence's */
    if (ellipsis)
        return k != CL_DIGIT;  /* "... The" ends, "... 5" and "... and" go on */
    if (c != '.')
        return true;
    /* A single period: what was the word before it? */
    int tag = AB_NONE;
    size_t wl = i - tok;
    if (wl > 0 && wl <= 40) {
        tag = summ__seg_abbrev_tag(g, tok, wl);
        if (tag == AB_NONE && g->ordinal_dots
            && ((wl <= 3 && digits_only(s, tok, i)) || roman_only(s, tok, i)))
            tag = AB_NUM;
    }
    /* "z. B.", "s. r. o.", "т. б.": letters with periods, spaced */
    if (wl == 1 && cclass(s[tok]) == CL_LOWER && wn > 0 && wa + wn < len && s[wa + wn] == '.') {
        int32_t f;
        size_t fm = dec(s, wa, len, &f);
        if (fm == wn)
            return false;
    }
    switch (tag) {
    case AB_NEVER:
        return false;
    case AB_END:
        return k != CL_DIGIT;  /* "etc. Mrs. Bennet" */
    case AB_NUM:
        if (k == CL_DIGIT)
            return false;
        /* "am 3. Oktober": an ordinal before a noun */
        if (g->ordinal_dots && k == CL_UPPER && !summ__seg_in_stop(g, wa, wn)
            && (digits_only(s, tok, i) || roman_only(s, tok, i)))
            return false;
        /* Otherwise a word like any other: Portuguese "no mar. Todos". */
        return true;
    case AB_PLAIN:
        if (k == CL_UPPER) {
            /* "6 P.M. Mr. Smith": a title starts the next sentence */
            if (wn > 0 && wa + wn < len && s[wa + wn] == '.'
                && summ__seg_abbrev_tag(g, wa, wn) == AB_NEVER)
                return true;
            return summ__seg_in_stop(g, wa, wn);  /* "& Co. It closed" vs "U.S. Army" */
        }
        return k == CL_LETTER;
    default:
        return true;
    }
}

/* The flags of the sentences in d->blocks, by the blocks' kinds. */
static void
apply_blocks(doc *d)
{
    size_t b = 0;
    for (size_t i = 0; i < d->nsent && b < d->nblocks; i++) {
        sentence *t = &d->sent[i];
        while (b < d->nblocks && d->blocks[b].end <= t->start)
            b++;
        if (b == d->nblocks || d->blocks[b].start > t->start)
            continue;
        switch (d->blocks[b].kind) {
        case BLOCK_TITLE:
            if (d->title == SIZE_MAX)
                d->title = i;
            /* fall through */
        case BLOCK_HEADING:
            t->flags = (t->flags & ~(uint32_t)SUMM_FLAG_LIST_ITEM) | SUMM_FLAG_HEADING;
            break;
        case BLOCK_LIST_ITEM:
            t->flags = (t->flags & ~(uint32_t)SUMM_FLAG_HEADING) | SUMM_FLAG_LIST_ITEM;
            break;
        case BLOCK_BOILER:
            t->flags |= SUMM_FLAG_BOILERPLATE;
            break;
        case BLOCK_QUOTED:
            t->flags = (t->flags & ~(uint32_t)SUMM_FLAG_HEADING) | SUMM_FLAG_QUOTED;
            break;
        case BLOCK_CODE:
            t->flags = (t->flags & ~(uint32_t)(SUMM_FLAG_HEADING | SUMM_FLAG_LIST_ITEM))
                       | SUMM_FLAG_APPARATUS;
            break;
        default:
            break;
        }
    }
}

/* A list marker at p, with the number after a bullet ("• 9. "). */
static size_t
full_marker(const seg *g, size_t p)
{
    size_t m = summ__seg_list_marker(g, p);
    if (m && g->s[p] >= 0x80) {
        size_t m2 = summ__seg_list_marker(g, p + m);
        int kind;
        long val;
        char sep;
        if (m2 && summ__seg_marker_value(g, p + m, m2, &kind, &val, &sep))
            m += m2;
    }
    return m;
}

/* "1. The first item 2. The second item": a marker inside the unit that
 * continues its list (the next number or letter, the same punctuation)
 * starts the next item. Its length, else 0. */
static size_t
inline_marker(seg *g, size_t i)
{
    unsigned char b = g->s[i];
    if (!(b >= '0' && b <= '9') && !(b >= 'a' && b <= 'z') && b < 0x80)
        return 0;
    size_t m = full_marker(g, i);
    int kind;
    long val;
    char sep;
    if (!m || !summ__seg_marker_value(g, i, m, &kind, &val, &sep) || kind != g->seq_kind
        || val != g->seq_val + 1 || sep != g->seq_sep)
        return 0;
    g->seq_val = val;
    return m;
}

/* The start of a line at *i: past its indent, is it a consent notice, or
 * a list item (then the unit before ends, and *i moves past the marker)?
 * Returns 1 when *i moved past a marker. */
static int
line_start(seg *g, size_t *i, summ_status *st)
{
    linestate *L = &g->line;
    const unsigned char *s = g->s;
    size_t len = g->len, k = *i;
    L->at_start = false;
    while (k < len) {
        int32_t c;
        size_t n = dec(s, k, len, &c);
        if (!is_hspace(c))
            break;
        k += n;
    }
    /* A consent notice is a line of its own, of one or more sentences:
     * every unit that starts on it is boilerplate. */
    size_t ne = summ__seg_notice_end(g, k);
    if (ne)
        g->boiler_end = ne;
    size_t m = full_marker(g, k);
    if (!m)
        return 0;
    if (g->ustart != NONE && (*st = push(g, g->ustart, k, END_LINE, 0)) != SUMM_OK)
        return -1;
    if (!summ__seg_marker_value(g, k, m, &g->seq_kind, &g->seq_val, &g->seq_sep))
        g->seq_kind = 0;
    g->pending_para = true;
    g->in_list = true;
    g->marker = k;
    *i = k + m;
    L->tok = *i;
    L->text = false;
    return 1;
}

/* Does the open unit end at the line break at i, before the next line's
 * text at k? */
static bool
hard_break(const seg *g, size_t i, size_t k)
{
    const linestate *L = &g->line;
    int32_t b;
    dec(g->s, k, g->len, &b);
    int bk = cclass(b);
    int32_t lc = L->last_c;
    bool stopword_end = L->word_e > L->word_a
                        && summ__seg_in_stop(g, L->word_a, L->word_e - L->word_a);
    if (g->u_line_start && !g->u_multi_line && summ__seg_boiler_line(g, g->ustart, i, NULL, 0))
        return true;  /* "Share this", "Read more" end in stopwords */
    if (is_terminal(lc, g->greek) || lc == ',' || lc == ';' || lc == '-' || lc == '('
        || lc == '&' || lc == '/' || lc == 0x2013 || lc == 0x2014 || stopword_end)
        return false;  /* "Mr.", "and", "," cannot end a sentence */
    /* "これは父の\n家です。": Chinese and Japanese put no space where a
     * line breaks; a line ending in a particle that needs more goes on. */
    if (summ__cjk_class(b) != CJK_NONE && is_letter_class(cclass(lc))
        && summ__seg_nonfinal_end(g, L->word_a, L->word_e))
        return false;
    if (bk == CL_LOWER)
        return summ__seg_item_lines(g, k);
    if (bk == CL_DIGIT)
        return false;
    if (g->wrapped)  /* the next word did not fit on the line */
        return L->cps + 1 + summ__seg_word_cps(g, k) + 8 <= g->wrapw;
    if (!g->line_paras && (!g->u_line_start || g->u_words > 12))
        return false;  /* short lines, too few to tell the width: a line that
                        * cannot be a heading runs on */
    return true;
}

/* The line break c (n bytes) at i: end the unit or let it run on; *next
 * is the start of the next line's text. */
static summ_status
line_break(seg *g, size_t i, int32_t c, size_t n, size_t *next)
{
    linestate *L = &g->line;
    const unsigned char *s = g->s;
    size_t len = g->len, k = i + n;
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
    bool hard = open;
    if (open && k < len && !blank && !summ__seg_list_marker(g, k))
        hard = hard_break(g, i, k);
    if (hard) {
        summ_status st = push(g, g->ustart, i, END_LINE, 0);
        if (st != SUMM_OK)
            return st;
        g->pending_para = true;
    }
    /* Text with one paragraph a line starts a paragraph at every line;
     * hard-wrapped text only after a blank line. */
    if (blank || (!open && !g->wrapped))
        g->pending_para = true;
    if (!(open && !hard))
        g->in_list = false;
    else
        g->u_multi_line = true;
    *L = (linestate){ .run_a = NONE, .tok = k, .at_start = true };
    *next = k;
    return SUMM_OK;
}

/* A cluster of terminals ("?!", "...", ". . .") that starts with c (n
 * bytes) at i, then its closers: the end of it, and what it is. */

/* An emoticon at p (":)", ":-(", ";)", ":D", ":P") followed by a space or
 * the end: its length, else 0. */
static size_t
emoticon(const unsigned char *s, size_t p, size_t len)
{
    if (p + 1 >= len || (s[p] != ':' && s[p] != ';'))
        return 0;
    size_t q = p + 1;
    if (s[q] == '-')
        q++;
    if (q >= len || !strchr(")(DPp", s[q]) || s[q] == 0)
        return 0;
    q++;
    return q >= len || is_space(s[q]) ? q - p : 0;
}

static cluster
terminal_cluster(const seg *g, size_t i, int32_t c, size_t n, bool greek_q)
{
    const unsigned char *s = g->s;
    size_t len = g->len, j = i + n;
    size_t dots = c == '.', nterm = 1;
    bool ellipsis = c == 0x2026, only_dots = c == '.';
    bool after_space = i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t');
    cluster k = { 0, greek_q ? '?' : c, false, false, false, false };
    /* "compounds. . . . The": the period ends its sentence, the spaced
     * ellipsis opens the next one (at the end of a paragraph it stays) */
    bool single = false;
    if (c == '.' && !after_space && j + 1 < len && s[j] == ' ' && s[j + 1] == '.') {
        size_t q = j;
        while (q + 1 < len && s[q] == ' ' && s[q + 1] == '.')
            q += 2;
        single = q < len && s[q] == ' ' && q + 1 < len && !is_space(s[q + 1]);
    }
    while (!single && j < len) {
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
    k.spaced = ellipsis && after_space && dots >= 3;
    for (int round = 0; round < 2; round++) {
        while (j < len) {
            int32_t c2;
            size_t m = dec(s, j, len, &c2);
            if (!is_closer(c2))
                break;
            k.closed = true;
            j += m;
        }
        /* a footnote mark: "martyr.[1] The" */
        if (round == 0 && j + 2 < len && s[j] == '[') {
            size_t q = j + 1;
            while (q < len && q - j <= 4 && ascii_alnum(s[q]))
                q++;
            if (q > j + 1 && q < len && s[q] == ']')
                j = q + 1;
        }
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
                if (c2 == 0xBB) {
                    j = q + m;
                    k.closed = true;
                }
            }
        }
    }
    /* "cool. :)": the emoticon is the sentence's */
    if (j + 1 < len && s[j] == ' ') {
        size_t e = emoticon(s, j + 1, len);
        if (e)
            j += 1 + e;
    }
    /* '"..." (Smith 55).': a short parenthesis closed by a period */
    if (j + 1 < len && s[j] == ' ' && s[j + 1] == '(') {
        for (size_t q = j + 2; q < len && q - j < 64; q++) {
            if (s[q] == ')') {
                k.citation = q + 1 < len && s[q + 1] == '.';
                break;
            }
            if (s[q] == '.' || s[q] == '\n' || s[q] == '(')
                break;
        }
    }
    k.end = j;
    k.ellipsis = ellipsis;
    if (nterm > 1 && !only_dots)
        k.head = '!';  /* "?!" or ".?" behaves like its question or exclamation mark */
    return k;
}

/* The terminal c (n bytes) at i: does the unit end after its cluster?
 * *next is the end of the cluster. */
static summ_status
terminal(seg *g, size_t i, int32_t c, size_t n, bool greek_q, size_t *next)
{
    linestate *L = &g->line;
    const unsigned char *s = g->s;
    cluster k = terminal_cluster(g, i, c, n, greek_q);
    /* Punctuation alone is no sentence: ". . . I believe" keeps its
     * ellipsis, and "3. Bush-Rubio?" (a list run into the text) its
     * number. */
    bool bare = !g->u_alnum;
    if (!bare && c == '.' && !k.ellipsis && i - g->ustart <= 2) {
        bare = true;
        for (size_t q = g->ustart; q < i; q++)
            if (s[q] < '0' || s[q] > '9')
                bare = false;
    }
    /* Inside a quote or bracket that closes later: not here. A cluster
     * that takes the closer leaves it, and is decided as any other. */
    bool inside = false;
    if (g->depth > 0) {
        int32_t want = g->nest[g->depth - 1];
        bool leaves = false;
        for (size_t q = i + n; q < k.end && !leaves; ) {
            int32_t c2;
            q += dec(s, q, g->len, &c2);
            leaves = c2 == want || (want == 0x201C && c2 == 0x201D);
        }
        if (leaves) {
            g->depth--;
            g->close_at = NONE;
        } else {
            /* Not English-style quotes: news quotes whole speeches in
             * them, sentence by sentence ('"We won. It was hard," he
             * said' cut in two scores better on BBC and CNN) */
            inside = want != '"' && want != 0x201D && inside_nest(g, i);
        }
    }
    if (!bare && !inside && ends_sentence(g, &k, L->tok, i)) {
        summ_status st = push(g, g->ustart, k.end, END_TERM, 0);
        if (st != SUMM_OK)
            return st;
        L->tok = k.end;  /* "Tuesday.Mr. Smith": the next word starts here */
    }
    /* Keep the line's state: the cluster may end the line. */
    int32_t lc;
    size_t lm = utf8_prev_len(s + i, s + k.end);
    dec(s, k.end - lm, g->len, &lc);
    L->last_c = is_closer(lc) ? c : lc;
    for (size_t q = i + n; q < k.end; ) {
        int32_t c2;
        q += dec(s, q, g->len, &c2);
        L->cps++;
    }
    L->run_a = NONE;
    *next = k.end;
    return SUMM_OK;
}

/* The settings of the text's language, tags of its abbreviation list:
 * "@ordinal-dots" (numbers with a period are ordinals, German "am 3.
 * Oktober") and "@semicolon-question" (Greek ';' is its question mark). */
static void
language_settings(seg *g)
{
    g->greek = summ__strset_has(g->abbrev, "@semicolon-question", 19);
    g->ordinal_dots = summ__strset_has(g->abbrev, "@ordinal-dots", 13);
}

summ_status
summ__segment(doc *d)
{
    seg g0 = { 0 };
    seg *g = &g0;
    linestate *L = &g->line;
    g->d = d;
    g->s = (const unsigned char *)d->text;
    g->len = d->len;
    size_t start = d->start;
    g->abbrev = d->lr ? &d->lr->abbrev : NULL;
    g->stop = d->lr ? &d->lr->stop : NULL;
    g->boiler = d->lr ? &d->lr->boiler : NULL;
    g->openers = d->lr ? &d->lr->openers : NULL;
    g->nonfinal = d->lr ? &d->lr->nonfinal : NULL;
    language_settings(g);
    g->close_at = NONE;
    g->ustart = NONE;
    g->marker = NONE;
    g->pending_para = true;

    const unsigned char *s = g->s;
    size_t len = g->len;
    summ_status st;

    summ__seg_line_stats(g, start);
    /* once for the text, not for each line (few have the word) */
    g->cookie = summ__seg_has_cookie(s, start, len);
    if ((st = summ__seg_find_glue(g, start)) != SUMM_OK)
        goto out;

    size_t i = start;
    size_t dl = summ__seg_dateline(g, start);
    if (dl > start && dl < len) {
        g->u_line_start = true;
        if ((st = push(g, start, dl, END_DATELINE, SUMM_FLAG_BOILERPLATE)) != SUMM_OK)
            goto out;
        i = dl;
    }
    *L = (linestate){ .run_a = NONE, .tok = i, .at_start = dl <= start, .text = dl > start };

    while (i < len) {
        if (L->at_start) {
            int r = line_start(g, &i, &st);
            if (r < 0)
                goto out;
            if (r > 0)
                continue;
        }
        while (g->iglue < g->nglue && g->glue[g->iglue] < i)
            g->iglue++;
        if (g->iglue < g->nglue && g->glue[g->iglue] == i && g->ustart != NONE) {
            if ((st = push(g, g->ustart, i, END_GLUE, 0)) != SUMM_OK)
                goto out;
            g->iglue++;
            L->tok = i;
        }

        int32_t c;
        size_t n = dec(s, i, len, &c);
        if (is_newline(c)) {
            if ((st = line_break(g, i, c, n, &i)) != SUMM_OK)
                goto out;
            continue;
        }
        L->cps++;
        if (is_hspace(c)) {
            L->run_a = NONE;
            L->tok = i + n;
            L->prev_cp = c;
            i += n;
            if (c == ' ' && i < len && ascii_letter(s[i]))
                i = word_after_space(g, i);
            continue;
        }
        if (g->seq_kind && L->tok == i && g->ustart != NONE && g->ustart < i) {
            size_t m = inline_marker(g, i);
            if (m) {
                if ((st = push(g, g->ustart, i, END_TERM, 0)) != SUMM_OK)
                    goto out;
                g->in_list = true;
                g->marker = i;
                i += m;
                L->tok = i;
                L->prev_cp = ' ';
                continue;
            }
        }
        int k = cclass(c);
        if (g->ustart == NONE) {
            g->ustart = i;
            g->u_line_start = !L->text;
            g->u_multi_line = false;
            g->u_words = 0;
            g->u_alnum = false;
        }
        if (L->prev_cp == 0 || is_space(L->prev_cp) || g->ustart == i)
            g->u_words++;
        L->text = true;
        L->last_c = c;
        if (is_letter_class(k) || k == CL_DIGIT)
            g->u_alnum = true;
        if (is_letter_class(k)) {
            if (L->run_a == NONE)
                L->run_a = i;
            L->word_a = L->run_a;
            L->word_e = i + n;
        } else {
            L->run_a = NONE;
            if (is_opener(c) && L->tok == i)
                L->tok = i + n;
            if (pairs(c) || (g->depth && c == g->nest[g->depth - 1]))
                nest_track(g, c, L->prev_cp, i);
        }

        /* Greek's question mark is ';', also when the language was not
         * told: between Greek words. */
        bool greek_q = c == ';' && !g->greek && is_greek(L->prev_cp) && i + n < len
                       && s[i + n] == ' ';
        L->prev_cp = c;
        if (is_terminal(c, g->greek) || greek_q) {
            if ((st = terminal(g, i, c, n, greek_q, &i)) != SUMM_OK)
                goto out;
            continue;
        }
        i += n;
        if (L->run_a != NONE) {
            i = word_rest(g, i);
        } else if (k == CL_DIGIT && i < len && is_ascii_digit(s[i])) {
            /* the rest of a number's ASCII digits change only the line's
             * state (no glue, list marker, pair or terminal is a digit) */
            size_t stop = glue_stop(g, i), e = i;
            while (e < stop && is_ascii_digit(s[e]))
                e++;
            L->cps += e - i;
            L->last_c = L->prev_cp = s[e - 1];
            i = e;
        }
    }
    st = g->ustart != NONE ? push(g, g->ustart, len, END_EOF, 0) : SUMM_OK;
    if (st == SUMM_OK && d->blocks)
        apply_blocks(d);
    if (st == SUMM_OK && d->conversation)
        summ__seg_mark_fillers(g);
out:
    summ__free(d->ar->al, g->glue);
    return st;
}

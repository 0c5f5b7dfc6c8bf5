/* lines.c - the structure of lines: is the text hard-wrapped (and at what
 * width), does a line start with a list marker, is a unit that fills its
 * line a heading, a byline or furniture. */
#include "segment/seg.h"
#include "text/bits.h"
#include "text/vec.h"

/* Length of a list marker at p (bullet or "1." "a)" "(iv)" and the space
 * after it), 0 if there is none. */
size_t
summ__seg_list_marker(const seg *g, size_t p)
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
        if (s[k] == '.' && q < len && s[q] == ')')
            q++;  /* "1.)" */
    }
    }
    /* "⁃9. The": a bullet glued to a numbered marker */
    if (q == p + n && c == 0x2043 && q < len && s[q] >= '0' && s[q] <= '9') {
        size_t m2 = summ__seg_list_marker(g, q);
        return m2 ? q - p + m2 : 0;
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

bool
summ__seg_marker_value(const seg *g, size_t p, size_t m, int *kind, long *val, char *sep)
{
    const unsigned char *s = g->s;
    size_t e = p + m;
    while (e > p && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    size_t a = p;
    /* past a bullet ("• 9." "⁃9.") */
    while (a < e && !(s[a] >= '0' && s[a] <= '9') && !(s[a] >= 'a' && s[a] <= 'z') && s[a] != '(') {
        int32_t c;
        a += dec(s, a, e, &c);
    }
    if (a < e && s[a] == '(')
        a++;
    if (a >= e)
        return false;
    if (s[a] >= '0' && s[a] <= '9') {
        long v = 0;
        while (a < e && s[a] >= '0' && s[a] <= '9')
            v = v * 10 + (s[a++] - '0');
        *kind = 1;
        *val = v;
    } else if (s[a] >= 'a' && s[a] <= 'z' && a + 1 < e && !(s[a + 1] >= 'a' && s[a + 1] <= 'z')) {
        *kind = 2;
        *val = s[a++];
    } else {
        return false;  /* roman numerals: not followed inline */
    }
    if (a >= e)
        return false;
    *sep = e - a >= 2 && s[a] == '.' && s[a + 1] == ')' ? 'd' : (char)s[a];
    return true;
}

/* Code points of the word at p (up to 40), for the wrap test. */
size_t
summ__seg_word_cps(const seg *g, size_t p)
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

/* Lines of a word or two that start in lower case and end without
 * punctuation are items of a list written one a line, although a lower-case
 * word after a line break usually continues the sentence. Three things
 * tell them apart from a sentence cut by wrapping: the line and the next
 * word are shorter than any wrap width (the word would have fitted), the
 * line ends in no function word or comma (the caller checked), and the
 * next line is short too and ends with no punctuation at all, where the
 * rest of a wrapped sentence would end with its period ("We have to
 * leave\nbefore they come back."). Looks at most one short line ahead. */
bool
summ__seg_item_lines(const seg *g, size_t k)
{
    const linestate *L = &g->line;
    if (!g->u_line_start || g->u_multi_line
        || L->cps + 1 + summ__seg_word_cps(g, k) >= SEG_MIN_WRAP)
        return false;
    const unsigned char *s = g->s;
    size_t len = g->len, q = k, cps = 0, wa = NONE, we = NONE, run = NONE;
    int32_t last = 0;
    while (q < len) {
        int32_t c;
        size_t m = dec(s, q, len, &c);
        if (is_newline(c))
            break;
        if (++cps >= SEG_MIN_WRAP || is_terminal(c, g->greek))
            return false;
        if (is_letter_class(cclass(c))) {
            if (run == NONE)
                run = q;
            wa = run;
            we = q + m;
        } else {
            run = NONE;
        }
        if (!is_hspace(c))
            last = c;
        q += m;
    }
    if (!is_word_cp(last) && !is_closer(last))
        return false;  /* "events,", "and -" go on */
    return !(we != NONE && summ__seg_in_stop(g, wa, we - wa));
}

/* Document line statistics: is the text hard-wrapped, and at what width?
 * Hard-wrapped text has most lines near one width (its 90th percentile) and
 * almost none longer; text with a paragraph a line has lines of any length. */
#define LINE_HIST 512

/* The lines of bins k and above: the bins of k's block (if it has lines),
 * then whole blocks. */
static size_t
lines_from(const uint32_t *hist, const uint32_t *by16, size_t k)
{
    size_t n = 0, blk = k / 16;
    if (by16[blk])
        for (size_t j = k; j < blk * 16 + 16 && j <= LINE_HIST; j++)
            n += hist[j];
    for (size_t b = blk + 1; b <= LINE_HIST / 16; b++)
        n += by16[b];
    return n;
}

void
summ__seg_line_stats(seg *g, size_t start)
{
    /* Counts of lines: a text has fewer than 2^32 bytes (SUMM_MAX_INPUT).
     * Only by16 is cleared: a bin of hist is set when its block is first
     * counted in, and read only in blocks that were. */
    uint32_t hist[LINE_HIST + 1];
    uint32_t by16[LINE_HIST / 16 + 1] = { 0 };  /* hist summed by 16 bins: for the percentile */
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
        /* Eight bytes at a time while none is '\n' or '\r' (a byte below
         * 0x0E is rare: the exact test only then), continuation bytes
         * counted only where a byte is not ASCII; sixteen at a time where
         * the machine can. */
#if SUMM_VEC16
        while (end - q >= 16) {
            v16 v = v16_load(q);
            if (v16_eq(v, '\n') | v16_eq(v, '\r'))
                break;
            text = true;
            if (v16_high(v))
                cont += popcount16(v16_in(v, 0x80, 0xBF));
            q += 16;
        }
#endif
        while (end - q >= 8) {
            uint64_t w;
            memcpy(&w, q, 8);
            bool low = (w - SUMM_ONES * 0x0E) & ~w & SUMM_HIGHS;
            if (low && (has_byte(w, '\n') || has_byte(w, '\r')))
                break;
            text = true;
            if (w & SUMM_HIGHS)
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
            size_t bin = cps > LINE_HIST ? LINE_HIST : cps;
            if (by16[bin / 16]++ == 0)  /* the block's first line: clear its bins */
                memset(hist + bin / 16 * 16, 0, sizeof hist[0] * (bin / 16 < LINE_HIST / 16 ? 16 : 1));
            hist[bin]++;
            lines++;
        }
        if (q == end)
            break;
        p = q + 1;
    }
    g->wrapped = false;
    g->line_paras = false;
    if (lines == 0)
        return;
    size_t acc = 0, p90 = 0, k0 = 0;
    /* The first bin where 90 % of the lines are reached: past the blocks
     * before it, then bin by bin. */
    while (k0 / 16 < LINE_HIST / 16 && (acc + by16[k0 / 16]) * 10 < lines * 9) {
        acc += by16[k0 / 16];
        k0 += 16;
    }
    for (size_t k = k0; k <= LINE_HIST; k++) {
        acc += hist[k];
        if (acc * 10 >= lines * 9) {
            p90 = k;
            break;
        }
    }
    g->line_paras = p90 > 110;
    if (lines < 8 || p90 < SEG_MIN_WRAP || p90 > 250)
        return;
    size_t full = lines_from(hist, by16, p90 * 6 / 10), over = lines_from(hist, by16, p90 + 10);
    if (full * 2 >= lines && over * 100 < lines * 3) {
        g->wrapped = true;
        g->wrapw = p90;
        g->line_paras = false;
    }
}

unsigned
summ__seg_classify(const seg *g, size_t a, size_t b, int why)
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

    /* Boilerplate is short: a unit's normalised form, once, for all the
     * tests that look it up (none looks at longer units). */
    char norm[BOILER_NORM];
    size_t nn = 0;
    bool normed = false;
    if (b - a <= BOILER_MAX) {
        /* Made only where a test could use it: most units have no digit
         * for a date, fill no line, and are of no length and last letter
         * that a boilerplate sentence has. */
        size_t sn;
        unsigned char sl;
        bool digit;
        if (!summ__seg_norm_shape(s, a, b, &sn, &sl, &digit) || whole_line
            || (digit && b - a <= 40) || summ__seg_may_be_boiler_sentence(g, sn, sl))
            normed = summ__seg_normalise(s, a, b, norm, sizeof norm, &nn);
    }
    /* Dates ("March 3, 2015 .") are shorter still. */
    if (b - a <= 40 && normed && summ__seg_date_only(g, norm, nn))
        return SUMM_FLAG_BOILERPLATE;
    if (whole_line && ((normed && summ__seg_boiler_line(g, a, b, norm, nn))
                       || summ__seg_stamp_line(g, a, b)))
        return SUMM_FLAG_BOILERPLATE;
    /* "©2015 The Hollywood Reporter. All rights reserved." */
    if (starts_with(s, a, b, "\xc2\xa9") || starts_with(s, a, b, "Copyright \xc2\xa9"))
        return SUMM_FLAG_BOILERPLATE;
    if (normed && summ__seg_boiler_sentence(g, norm, nn))
        return SUMM_FLAG_BOILERPLATE;  /* "All rights reserved." */
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
    /* A byline is near the start; a heading is followed by text: a last
     * line without a period is not. Most lines are neither. */
    bool by = g->units_pushed < 4 && !terminal_end;
    bool head = !(g->in_list || terminal_end || why != END_LINE);
    if (!by && !head)
        return flags;
    /* Count words; bylines and headings are short (up to 8 and 12: the
     * count stops at 13). */
    size_t words = 0;
    bool inword = false;
    for (size_t i = a; i < b && words <= 12; i++) {
        bool sp = s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r';
        if (!sp && !inword)
            words++;
        inword = !sp;
    }
    if (by && summ__seg_byline(g, a, b, words))
        return SUMM_FLAG_BOILERPLATE;
    if (!head || words > 12)
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
    if (summ__seg_in_stop(g, ws, b - ws) && words > 1)
        return flags;
    return flags | SUMM_FLAG_HEADING;
}

/* segment.c - sentence segmentation (first version: terminal punctuation,
 * abbreviations, line structure). */
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

static bool
is_space_cp(int32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
           || c == 0xA0 || c == 0x2028 || c == 0x2029
           || utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

static bool
is_terminal(int32_t c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0xFF01
           || c == 0xFF1F || c == 0x0964 || c == 0x061F;
}

static bool
is_closer(int32_t c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019
           || c == 0xBB || c == 0x300D || c == 0x300F;
}

static summ_status
push(doc *d, size_t a, size_t b, uint32_t para, uint32_t flags)
{
    const unsigned char *s = (const unsigned char *)d->text;
    while (a < b) {
        int32_t c;
        size_t n = utf8_decode(s + a, s + b, &c);
        if (!is_space_cp(c))
            break;
        a += n;
    }
    while (b > a) {
        size_t n = utf8_prev_len(s + a, s + b);
        int32_t c;
        utf8_decode(s + b - n, s + b, &c);
        if (!is_space_cp(c))
            break;
        b -= n;
    }
    if (a == b)
        return SUMM_OK;
    if (!s_grow(d->ar->al, (void **)&d->sent, &d->capsent, d->nsent + 1, sizeof *d->sent))
        return SUMM_ENOMEM;
    sentence *t = &d->sent[d->nsent++];
    memset(t, 0, sizeof *t);
    t->start = (uint32_t)a;
    t->end = (uint32_t)b;
    t->para = para;
    t->flags = flags;
    return SUMM_OK;
}

/* The word (letters and inner periods) that ends right before p. */
static size_t
word_before(const char *text, size_t start, size_t p)
{
    size_t a = p;
    while (a > start) {
        unsigned char c = (unsigned char)text[a - 1];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '(' || c == '"')
            break;
        a--;
    }
    return a;
}

summ_status
segment(doc *d, size_t start, const strset *abbrev)
{
    const char *t = d->text;
    const unsigned char *s = (const unsigned char *)t;
    const unsigned char *end = s + d->len;
    size_t i = start, sent_start = start;
    uint32_t para = 0, flags = SUMM_FLAG_PARAGRAPH;
    summ_status st;

    /* Hard-wrapped text (every line short) keeps single newlines inside
     * sentences; otherwise a line is a paragraph. */
    size_t maxline = 0, cur = 0;
    for (size_t k = start; k < d->len; k++) {
        if (t[k] == '\n') {
            if (cur > maxline) maxline = cur;
            cur = 0;
        } else {
            cur++;
        }
    }
    bool wrapped = maxline > 0 && maxline <= 100;

    while (i < d->len) {
        int32_t c;
        size_t n = utf8_decode(s + i, end, &c);
        if (c == '\n') {
            /* blank line? */
            size_t k = i + 1;
            bool blank = false;
            while (k < d->len && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r' || t[k] == '\n')) {
                if (t[k] == '\n')
                    blank = true;
                k++;
            }
            if (blank || !wrapped) {
                bool had = d->nsent;
                if ((st = push(d, sent_start, i, para, flags)) != SUMM_OK)
                    return st;
                if (d->nsent > (size_t)had || blank) {
                    para++;
                    flags = SUMM_FLAG_PARAGRAPH;
                }
                sent_start = k;
                i = k;
                continue;
            }
            i += n;
            continue;
        }
        if (is_terminal(c)) {
            size_t j = i + n;
            int32_t c2 = 0;
            while (j < d->len) {
                size_t m = utf8_decode(s + j, end, &c2);
                if (!is_terminal(c2) && !is_closer(c2))
                    break;
                j += m;
            }
            bool cjk = c >= 0x3000;
            bool at_end = j >= d->len;
            size_t k = j;
            if (!at_end && !cjk) {
                size_t m = utf8_decode(s + j, end, &c2);
                if (!is_space_cp(c2)) {
                    i = j > i + n ? j : i + n;
                    (void)m;
                    continue;
                }
                while (k < d->len && is_space_cp((unsigned char)t[k]) && (unsigned char)t[k] < 0x80)
                    k++;
                if (k < d->len) {
                    int32_t nx;
                    utf8_decode(s + k, end, &nx);
                    if (utf8proc_category(nx) == UTF8PROC_CATEGORY_LL)
                        { i = j; continue; }
                }
                if (c == '.' && j == i + 1) {
                    size_t a = word_before(t, sent_start, i);
                    size_t wl = i - a;
                    if (wl == 1 && utf8proc_category((unsigned char)t[a]) == UTF8PROC_CATEGORY_LU)
                        { i = j; continue; }  /* an initial */
                    if (wl > 0 && abbrev && strset_has(abbrev, t + a, wl))
                        { i = j; continue; }
                    if (wl > 0 && t[a] >= '0' && t[a] <= '9' && k < d->len && t[k] >= '0' && t[k] <= '9')
                        { i = j; continue; }
                }
            }
            if ((st = push(d, sent_start, j, para, flags)) != SUMM_OK)
                return st;
            flags = 0;
            sent_start = j;
            i = j;
            continue;
        }
        i += n;
    }
    return push(d, sent_start, d->len, para, flags);
}

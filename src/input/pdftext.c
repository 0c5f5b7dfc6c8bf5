/* pdftext.c - text from a PDF, as pdftotext, ps2ascii or a viewer's copy
 * give it: pages separated by form feeds, lines hard-wrapped, words
 * hyphenated at line ends, a running header and footer on every page.
 *
 *   page furniture   on each page the first and last FURN_LINES lines
 *                    (fewer on a short page) are candidates; one whose shape (digits as '#',
 *                    spaces and case aside) comes back among the
 *                    candidates of another page is a running header or
 *                    footer; a page number ("12", "- 12 -", "Page 3 of
 *                    12", "iv"; the words from stopwords/pdf/) is one
 *                    anywhere at a page's top or bottom. Without form
 *                    feeds, "Page 3 of 12" lines and lines repeating next
 *                    to them are. All are left out, so a sentence that
 *                    runs over a page break is one sentence again.
 *   hyphenation      "renew-" + "able" is rejoined ("renewable") where
 *                    the text shows the whole word elsewhere, or the
 *                    continuation is a word ending of the language
 *                    (suffix: entries) or no word of the text on its own;
 *                    the hyphen stays ("well-known") where the text shows
 *                    the word with it, or both halves are its words, or
 *                    the second starts with a capital. A soft hyphen
 *                    (U+00AD) at a line end always joins.
 *   two columns      are not reordered: a sentence's span is one range of
 *                    the input, in order, and a sentence read down the left
 *                    column of a pdftotext -layout page would cover the right
 *                    column's text; pdftotext without -layout, and viewers,
 *                    give columns in reading order already.
 *   ligatures        U+FB00 .. U+FB06 are written as their letters.
 *
 * Two passes over the lines (the text's words and the furniture's
 * shapes; then writing), each linear. */
#include "input/textfmt.h"
#include "text/chars.h"
#include "text/fold.h"
#include "text/utf8.h"

#define FURN_LINES 3
#define SHAPE_MAX 120

typedef struct pline {
    size_t a, e;      /* the line (without its break), after the column split */
    uint8_t furn;     /* left out: page furniture */
    uint8_t blank;
} pline;

typedef struct pdf {
    tbuild *b;
    const char *s;
    size_t n;
    const strset *list;
    strset words;      /* folded words of the text (not the halves of a hyphenation) */
    strset hyph;       /* folded hyphenated words seen inside a line */
    pline *ln;
    size_t nln, capln;
    size_t *page;      /* first line of each page */
    size_t npage, cappage;
    bool join_lower;
} pdf;

/* ---- shapes and page numbers ------------------------------------------------ */

/* The shape of line [a, e): ASCII lower-cased, digit runs one '#', white
 * space runs one space, trimmed; 0 if too long to be furniture. */
static size_t
shape(const char *s, size_t a, size_t e, char *out)
{
    size_t o = 0;
    a = skip_hsp(s, a, e);
    e = trim_end(s, a, e);
    for (size_t i = a; i < e; i++) {
        char c = s[i];
        if (o >= SHAPE_MAX)
            return 0;
        if (is_digit_c(c)) {
            if (o == 0 || out[o - 1] != '#')
                out[o++] = '#';
        } else if (is_hsp(c) || c == '\f') {
            if (o && out[o - 1] != ' ')
                out[o++] = ' ';
        } else {
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }
    return o;
}

static bool
listed(const pdf *p, const char *tag, const char *w, size_t n)
{
    char key[96];
    size_t t = strlen(tag);
    if (!p->list || t + n > sizeof key)
        return false;
    memcpy(key, tag, t);
    memcpy(key + t, w, n);
    return summ__strset_has(p->list, key, t + n);
}

static bool
roman(const char *w, size_t n)
{
    if (n == 0 || n > 6)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!strchr("ivxlc", w[i]))
            return false;
    return true;
}

/* A page number line: numbers (or a small roman numeral), punctuation, and
 * the words "page" and "of" of the language. */
static bool
page_number(const pdf *p, const char *sh, size_t n)
{
    size_t nums = 0, words = 0;
    for (size_t i = 0; i < n; ) {
        char c = sh[i];
        if (c == '#') {
            nums++;
            i++;
            continue;
        }
        if (c == ' ' || c == '-' || c == '/' || c == '|' || c == '.' || c == '(' || c == ')'
            || c == '[' || c == ']' || c == ':' || c == ',') {
            i++;
            continue;
        }
        size_t k = i;
        while (k < n && sh[k] != ' ' && sh[k] != '#' && sh[k] != '.' && sh[k] != '/'
               && sh[k] != '-' && sh[k] != ':')
            k++;
        if (roman(sh + i, k - i) && nums == 0 && words == 0) {
            nums++;
        } else {
            char f[64];
            size_t fl = summ__fold_word(sh + i, k - i, f, sizeof f);
            if (fl > sizeof f || (!listed(p, "page: ", f, fl) && !listed(p, "of: ", f, fl)))
                return false;
            words++;
        }
        i = k;
    }
    return nums >= 1 && nums <= 2;
}

/* ---- the text's words ----------------------------------------------------------- */

/* Does line [a, e) end in a hyphen after a letter? *w gets the start of
 * the word before it. */
static bool
ends_hyphen(const char *s, size_t a, size_t e, size_t *w, bool *soft)
{
    e = trim_end(s, a, e);
    *soft = false;
    if (e >= a + 3 && (unsigned char)s[e - 2] == 0xC2 && (unsigned char)s[e - 1] == 0xAD) {
        *soft = true;
        e -= 2;
    } else if (e > a && s[e - 1] == '-') {
        e--;
    } else {
        return false;
    }
    size_t k = e;
    while (k > a) {
        size_t m = utf8_prev_len((const unsigned char *)s + a, (const unsigned char *)s + k);
        int32_t c;
        utf8_dec((const unsigned char *)s, k - m, e, &c);
        if (!is_letter_class(cclass(c)))
            break;
        k -= m;
    }
    *w = k;
    return k < e;
}

/* The letters at the start of s[a .. e): their end. */
static size_t
letters(const char *s, size_t a, size_t e)
{
    while (a < e) {
        int32_t c;
        size_t m = utf8_dec((const unsigned char *)s, a, e, &c);
        if (!is_letter_class(cclass(c)) && c != 0xFB01 && c != 0xFB02)
            break;
        a += m;
    }
    return a;
}

static bool
add_folded(strset *set, const char *s, size_t a, size_t e)
{
    char f[200];
    size_t fl = summ__fold_word(s + a, e - a, f, sizeof f);
    return fl > sizeof f || summ__strset_has(set, f, fl) || summ__strset_add(set, f, fl);
}

static bool
has_folded(const strset *set, const char *s, size_t a, size_t e)
{
    char f[200];
    size_t fl = summ__fold_word(s + a, e - a, f, sizeof f);
    return fl <= sizeof f && summ__strset_has(set, f, fl);
}

/* The words of kept line k, but not its first word if the line before
 * ended in a hyphen, nor its last if it does: the halves are evidence of
 * nothing. */
static bool
line_words(pdf *p, size_t k, bool after_hyphen)
{
    const char *s = p->s;
    size_t a = p->ln[k].a, e = p->ln[k].e, w, first = 1;
    bool soft, hy = ends_hyphen(s, a, e, &w, &soft);
    size_t end = hy ? w : e;
    for (size_t i = a; i < end; ) {
        int32_t c;
        size_t m = utf8_dec((const unsigned char *)s, i, end, &c);
        if (!is_letter_class(cclass(c))) {
            i += m;
            continue;
        }
        size_t z = letters(s, i, end);
        bool skip = first && after_hyphen && i == skip_hsp(s, a, e);
        first = 0;
        if (!skip && z - i >= 2 && !add_folded(&p->words, s, i, z))
            return false;
        /* "well-known" inside a line */
        if (z < end && s[z] == '-' && z + 1 < end) {
            size_t z2 = letters(s, z + 1, end);
            if (z2 > z + 1 && !add_folded(&p->hyph, s, i, z2))
                return false;
        }
        i = z;
    }
    return true;
}

/* ---- lines, pages and furniture ------------------------------------------------- */

static bool
add_line(pdf *p, size_t a, size_t e)
{
    if (!summ__grow(p->b->ar->al, (void **)&p->ln, &p->capln, p->nln + 1, sizeof *p->ln))
        return false;
    p->ln[p->nln++] = (pline){ a, e, 0, is_blank(p->s, a, e) };
    return true;
}

static bool
new_page(pdf *p)
{
    if (!summ__grow(p->b->ar->al, (void **)&p->page, &p->cappage, p->npage + 1, sizeof *p->page))
        return false;
    p->page[p->npage++] = p->nln;
    return true;
}

/* The pages and lines of the text. */
static bool
read_lines(pdf *p, size_t start)
{
    const char *s = p->s;
    if (!new_page(p))
        return false;
    for (size_t q = start; q < p->n; ) {
        tline l = tline_at(s, p->n, q);
        size_t a = l.a;
        /* form feeds start pages (pdftotext puts one before a page's first line) */
        while (a < l.e && s[a] == '\f') {
            if (!new_page(p))
                return false;
            a++;
        }
        size_t e = l.e;
        const char *ff = memchr(s + a, '\f', e - a);
        if (ff)
            e = (size_t)(ff - s);  /* the rest after a form feed inside a line is rare: dropped */
        if (!add_line(p, a, e))
            return false;
        q = l.next;
    }
    return true;
}

/* Counted shapes: "<count byte><shape>" keys would need updates; keep two
 * sets instead, seen once and seen on a page before this one. */
static bool
count_shape(strset *once, strset *again, strset *thrice, const char *sh, size_t n)
{
    if (summ__strset_has(thrice, sh, n))
        return true;
    if (summ__strset_has(again, sh, n))
        return summ__strset_add(thrice, sh, n);
    if (summ__strset_has(once, sh, n))
        return summ__strset_add(again, sh, n);
    return summ__strset_add(once, sh, n);
}

/* The candidates of page k: its first and last FURN_LINES non-blank lines,
 * fewer on a short page (a quarter of its lines, at least one), so that a
 * page is never all furniture. */
static size_t
candidates(const pdf *p, size_t k, size_t *out)
{
    size_t f = p->page[k], l = k + 1 < p->npage ? p->page[k + 1] : p->nln, n = 0, lines = 0;
    for (size_t i = f; i < l && lines < 4 * FURN_LINES; i++)
        lines += !p->ln[i].blank;
    size_t want = lines / 4 < FURN_LINES ? lines / 4 : FURN_LINES;
    if (want == 0)
        want = 1;
    for (size_t i = f, got = 0; i < l && got < want; i++)
        if (!p->ln[i].blank) {
            out[n++] = i;
            got++;
        }
    size_t top = n;
    for (size_t i = l, got = 0; i > f && got < want; i--)
        if (!p->ln[i - 1].blank) {
            bool dup = false;
            for (size_t j = 0; j < top; j++)
                dup |= out[j] == i - 1;
            if (!dup)
                out[n++] = i - 1;
            got++;
        }
    return n;
}

static bool
furniture(pdf *p)
{
    const salloc *al = p->b->ar->al;
    strset once, again, thrice;
    summ__strset_init(&once, al);
    summ__strset_init(&again, al);
    summ__strset_init(&thrice, al);
    bool ok = true;
    char sh[SHAPE_MAX];
    size_t cand[2 * FURN_LINES];
    /* shapes seen on 1, 2, 3+ pages (each page counts a shape once) */
    for (size_t k = 0; k < p->npage && ok; k++) {
        size_t nc = candidates(p, k, cand);
        strset page;
        summ__strset_init(&page, al);
        for (size_t j = 0; j < nc && ok; j++) {
            size_t n = shape(p->s, p->ln[cand[j]].a, p->ln[cand[j]].e, sh);
            if (!n || summ__strset_has(&page, sh, n))
                continue;
            ok = summ__strset_add(&page, sh, n) && count_shape(&once, &again, &thrice, sh, n);
        }
        summ__strset_free(&page);
    }
    /* repeated: on two pages or more (a chapter's running header is on
     * that chapter's pages only) */
    for (size_t k = 0; k < p->npage && ok; k++) {
        size_t nc = candidates(p, k, cand);
        for (size_t j = 0; j < nc; j++) {
            pline *l = &p->ln[cand[j]];
            size_t n = shape(p->s, l->a, l->e, sh);
            if (!n)
                continue;
            bool rep = p->npage >= 2 && summ__strset_has(&again, sh, n);
            if (rep || page_number(p, sh, n))
                l->furn = 1;
        }
    }
    if (p->npage <= 1) {
        /* no form feeds: "Page 3 of 12" lines, and lines repeating next to them */
        for (size_t i = 0; i < p->nln && ok; i++) {
            pline *l = &p->ln[i];
            if (l->blank)
                continue;
            size_t n = shape(p->s, l->a, l->e, sh);
            bool words = false;
            for (size_t q = 0; q < n; q++)
                words |= sh[q] >= 'a' && sh[q] <= 'z';
            if (n && words && page_number(p, sh, n)) {
                l->furn = 1;
                /* the non-blank lines right before and after it */
                for (int dir = -1; dir <= 1; dir += 2) {
                    size_t j = i;
                    for (int hop = 0; hop < 3; hop++) {
                        if ((dir < 0 && j == 0) || (dir > 0 && j + 1 >= p->nln))
                            break;
                        j = dir < 0 ? j - 1 : j + 1;
                        if (p->ln[j].blank)
                            continue;
                        size_t m = shape(p->s, p->ln[j].a, p->ln[j].e, sh);
                        if (m && m < 80)
                            ok = count_shape(&once, &again, &thrice, sh, m);
                        break;
                    }
                }
            }
        }
        for (size_t i = 0; i < p->nln && ok; i++) {
            pline *l = &p->ln[i];
            size_t n = l->blank ? 0 : shape(p->s, l->a, l->e, sh);
            if (n && summ__strset_has(&thrice, sh, n))
                l->furn = 1;
        }
    }
    summ__strset_free(&once);
    summ__strset_free(&again);
    summ__strset_free(&thrice);
    return ok;
}

/* ---- writing ------------------------------------------------------------------- */

/* Write s[a .. e) with its ligatures as letters. */
static void
copy_text(pdf *p, size_t a, size_t e)
{
    static const char *const lig[] = { "ff", "fi", "fl", "ffi", "ffl", "st", "st" };
    const char *s = p->s;
    size_t run = a;
    for (size_t i = a; i + 2 < e; i++) {
        const unsigned char *u = (const unsigned char *)s + i;
        if (u[0] == 0xEF && u[1] == 0xAC && u[2] >= 0x80 && u[2] <= 0x86) {
            summ__tb_copy(p->b, run, i - run);
            const char *r = lig[u[2] - 0x80];
            summ__tb_put(p->b, r, strlen(r), i, 3);
            i += 2;
            run = i + 1;
        }
    }
    summ__tb_copy(p->b, run, e - run);
}

/* The kept line after i, skipping furniture (and the blank lines at a
 * page's edge around it); *gap says a blank line is between. */
static size_t
next_kept(const pdf *p, size_t i, bool *gap)
{
    *gap = false;
    size_t j = i + 1;
    bool furn = false;
    while (j < p->nln && (p->ln[j].furn || p->ln[j].blank)) {
        furn |= p->ln[j].furn;
        if (p->ln[j].blank)
            *gap = true;
        j++;
    }
    /* a page break (furniture between) is no paragraph break */
    if (furn) {
        *gap = false;
        return j;
    }
    size_t lo = 0, hi = p->npage;  /* the first page that starts after line i */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->page[mid] <= i)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < p->npage && p->page[lo] <= j)
        *gap = false;
    return j;
}

/* What to do with the hyphen that ends line i before line j: 0 keep the
 * line break, 1 join the word, 2 keep the hyphen, join the lines. */
static int
hyphen(const pdf *p, size_t i, size_t j)
{
    const char *s = p->s;
    size_t w;
    bool soft;
    if (!ends_hyphen(s, p->ln[i].a, p->ln[i].e, &w, &soft))
        return 0;
    size_t b = skip_hsp(s, p->ln[j].a, p->ln[j].e), z = letters(s, b, p->ln[j].e);
    if (z == b)
        return 0;
    if (soft)
        return 1;
    int32_t c;
    utf8_dec((const unsigned char *)s, b, z, &c);
    if (cclass(c) != CL_LOWER)
        return 2;  /* "Franco-" + "German" */
    size_t hy = trim_end(s, p->ln[i].a, p->ln[i].e) - 1;
    /* the whole word, and its halves */
    char both[400];
    size_t l1 = hy - w, l2 = z - b;
    if (l1 + l2 + 1 > sizeof both)
        return 2;
    memcpy(both, s + w, l1);
    memcpy(both + l1, s + b, l2);
    char f[400];
    size_t fl = summ__fold_word(both, l1 + l2, f, sizeof f);
    if (fl <= sizeof f && summ__strset_has(&p->words, f, fl))
        return 1;
    both[l1] = '-';
    memcpy(both + l1 + 1, s + b, l2);
    fl = summ__fold_word(both, l1 + l2 + 1, f, sizeof f);
    if (fl <= sizeof f && summ__strset_has(&p->hyph, f, fl))
        return 2;
    if (w > p->ln[i].a && s[w - 1] == '-')
        return 2;  /* "state-of-" + "the-art" */
    if (p->join_lower)
        return 1;
    fl = summ__fold_word(s + b, l2, f, sizeof f);
    if (z < p->ln[j].e && s[z] == '-')
        return 2;
    if (fl <= sizeof f && listed(p, "suffix: ", f, fl))
        return 1;
    bool w1 = l1 >= 2 && has_folded(&p->words, s, w, hy);
    bool w2 = l2 >= 2 && has_folded(&p->words, s, b, z);
    return w1 && w2 ? 2 : 1;
}

static void
write_text(pdf *p)
{
    const char *s = p->s;
    size_t i = 0;
    while (i < p->nln && (p->ln[i].furn || p->ln[i].blank))
        i++;
    size_t from = i < p->nln ? p->ln[i].a : 0;  /* where the next copy starts */
    while (i < p->nln && !p->b->failed) {
        bool gap;
        size_t j = next_kept(p, i, &gap);
        int h = j < p->nln && !gap ? hyphen(p, i, j) : 0;
        size_t e = trim_end(s, p->ln[i].a, p->ln[i].e);
        if (h == 1) {
            size_t w;
            bool soft;
            ends_hyphen(s, p->ln[i].a, p->ln[i].e, &w, &soft);
            copy_text(p, from, e - (soft ? 2 : 1));
        } else if (h == 2) {
            copy_text(p, from, e);
        } else {
            copy_text(p, from, p->ln[i].e);
            if (j < p->nln)
                summ__tb_put(p->b, gap ? "\n\n" : "\n", gap ? 2 : 1, p->ln[i].e,
                             p->ln[j].a > p->ln[i].e ? p->ln[j].a - p->ln[i].e : 0);
        }
        if (j >= p->nln)
            break;
        from = h ? skip_hsp(s, p->ln[j].a, p->ln[j].e) : p->ln[j].a;
        i = j;
    }
}

summ_status
summ__read_pdftext(doc *d, const input_env *env, summ_err *err)
{
    (void)err;
    tbuild b;
    summ__tb_init(&b, d->ar, d->src, d->srclen);
    const salloc *al = d->ar->al;
    pdf p = { .b = &b, .s = d->src, .n = d->srclen };
    summ__strset_init(&p.words, al);
    summ__strset_init(&p.hyph, al);
    summ_status st = SUMM_OK;
    if (env && env->list) {
        size_t n = d->srclen - d->start;
        st = env->list(env->ud, DATA_PDF, d->src + d->start, n, &p.list);
    }
    bool ok = st == SUMM_OK;
    if (ok && p.list)
        p.join_lower = summ__strset_has(p.list, "join: lower", 11);
    ok = ok && read_lines(&p, d->start) && furniture(&p);
    bool after = false;
    for (size_t k = 0; ok && k < p.nln; k++) {
        if (p.ln[k].furn || p.ln[k].blank)
            continue;
        ok = line_words(&p, k, after);
        size_t w;
        bool soft;
        after = ends_hyphen(p.s, p.ln[k].a, p.ln[k].e, &w, &soft);
    }
    if (ok)
        write_text(&p);
    summ__strset_free(&p.words);
    summ__strset_free(&p.hyph);
    summ__free(al, p.ln);
    summ__free(al, p.page);
    if (st != SUMM_OK)
        return st;
    if (!ok)
        return SUMM_ENOMEM;
    return summ__tb_finish(&b, d);
}

/* ---- sniffing ---------------------------------------------------------------------- */

bool
summ__sniff_pdftext(const char *s, size_t n)
{
    if (n > SNIFF_MAX)
        n = SNIFF_MAX;
    /* a form feed between lines of text (pdftotext ends every page with one) */
    if (!memchr(s, '\f', n))
        return false;  /* most texts: no line to look at */
    size_t ff = 0, text_before = 0, pages = 0;
    for (size_t q = 0; q < n; ) {
        tline l = tline_at(s, n, q);
        if (memchr(s + l.a, '\f', l.e - l.a)) {
            ff++;
            if (text_before)
                pages++;
        } else if (!is_blank(s, l.a, l.e)) {
            text_before++;
        }
        q = l.next;
    }
    return ff >= 1 && pages >= 1 && text_before >= 3;
}

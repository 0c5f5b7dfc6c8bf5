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
    size_t marker = g->marker;  /* "1." "-" "•": kept in the span, verbatim */
    g->marker = NONE;
    if (a == b)
        return SUMM_OK;
    doc *d = g->d;
    if (!summ__grow(d->ar->al, (void **)&d->sent, &d->capsent, d->nsent + 1, sizeof *d->sent))
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
        return c != '.' || summ__seg_abbrev_tag(g, tok, i - tok) == AB_NONE;
    }
    size_t wa, wn;
    int k = summ__seg_next_word(g, j, &wa, &wn);
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
        tag = summ__seg_abbrev_tag(g, tok, wl);
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
        if (g->ordinal_dots && k == CL_UPPER && !summ__seg_in_stop(g, wa, wn)) {
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
            return summ__seg_in_stop(g, wa, wn);  /* "& Co. It closed" vs "U.S. Army" */
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
        default:
            break;
        }
    }
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
    size_t m = summ__seg_list_marker(g, k);
    if (!m)
        return 0;
    if (g->ustart != NONE && (*st = push(g, g->ustart, k, END_LINE, 0)) != SUMM_OK)
        return -1;
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
    if (g->u_line_start && !g->u_multi_line && summ__seg_boiler_line(g, g->ustart, i))
        return true;  /* "Share this", "Read more" end in stopwords */
    if (is_terminal(lc, g->greek) || lc == ',' || lc == ';' || lc == '-' || lc == '('
        || lc == '&' || lc == '/' || lc == 0x2013 || lc == 0x2014 || stopword_end)
        return false;  /* "Mr.", "and", "," cannot end a sentence */
    if (bk == CL_LOWER || bk == CL_DIGIT)
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
typedef struct cluster {
    size_t end;
    int32_t head;    /* the terminal it acts as */
    bool ellipsis;
} cluster;

static cluster
terminal_cluster(const seg *g, size_t i, int32_t c, size_t n, bool greek_q)
{
    const unsigned char *s = g->s;
    size_t len = g->len, j = i + n;
    size_t dots = c == '.', nterm = 1;
    bool ellipsis = c == 0x2026, only_dots = c == '.';
    while (j < len) {
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
    cluster k = { j, greek_q ? '?' : c, ellipsis };
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
    if (!bare && ends_sentence(g, k.head, L->tok, i, k.end, k.ellipsis)) {
        summ_status st = push(g, g->ustart, k.end, END_TERM, 0);
        if (st != SUMM_OK)
            return st;
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

/* The settings of the text's language. */
static void
language_settings(seg *g, const char *code)
{
    g->greek = strcmp(code, "el") == 0;
    static const char *const ordinal_langs[] = {
        "de", "da", "no", "nb", "nn", "fi", "cs", "sk", "pl", "hu", "sl", "hr", "sr", "bs",
        "is", "et", "lv", "lt", "tr", NULL,
    };
    for (const char *const *o = ordinal_langs; *o; o++)
        if (strcmp(code, *o) == 0)
            g->ordinal_dots = true;
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
    language_settings(g, d->lang ? d->lang->code : "und");
    g->ustart = NONE;
    g->marker = NONE;
    g->pending_para = true;

    const unsigned char *s = g->s;
    size_t len = g->len;
    summ_status st;

    summ__seg_line_stats(g, start);
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
            continue;
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
            /* The rest of a word of ASCII letters, up to a glued boundary,
             * changes only the line's state: most of the text, done here
             * without the checks above. */
            while (g->iglue < g->nglue && g->glue[g->iglue] < i)
                g->iglue++;
            size_t stop = g->iglue < g->nglue ? g->glue[g->iglue] : len;
            size_t q = i;
            while (q < stop && ascii_letter(s[q]))
                q++;
            if (q > i) {
                L->cps += q - i;
                L->last_c = L->prev_cp = s[q - 1];
                L->word_e = q;
                i = q;
            }
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

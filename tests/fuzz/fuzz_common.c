/* fuzz_common.c - option decoding and result invariants for the fuzz
 * targets (see fuzz.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "input/input.h"
#include "summarize_experimental.h"
#include "text/chars.h"
#include "text/utf8.h"

void
fuzz_fail(const char *file, int line, const char *what)
{
    fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
    abort();
}

/* Languages to try: the library may not know all of them yet. */
static const char *const langs[] = {
    NULL, "none", "en", "de", "fr", "es", "ru", "zh", "ja", "ar",
    "ko", "el", "hi", "tr", "nl", "ga",
};

/* One setting more. */
static void
put_number(fuzz_input *in, summ_option opt, double v)
{
    FUZZ_CHECK(in->nopt < FUZZ_MAX_OPTS);
    in->opt[in->nopt++] = (fuzz_opt){ opt, v, NULL };
}

static void
put_string(fuzz_input *in, summ_option opt, const char *v)
{
    FUZZ_CHECK(in->nopt < FUZZ_MAX_OPTS);
    in->opt[in->nopt++] = (fuzz_opt){ opt, 0, v };
}

/* The text's first word (up to white space, at most 31 bytes: it may end
 * inside a UTF-8 sequence, which the library must refuse) into buf. */
static const char *
first_word(const uint8_t *text, size_t len, char *buf)
{
    size_t n = 0;
    while (n < len && n < 31 && text[n] != ' ' && text[n] != '\n' && text[n] != '\0')
        n++;
    memcpy(buf, text, n);
    buf[n] = '\0';
    return buf;
}

/*
 * Header layout (8 bytes):
 * Each field becomes a setting, applied by fuzz_ctx() with summ_set_*().
 *   b0: bits 0-3 max_sentences (0 = unset), bits 4-5 redundancy
 *       {0.5, 1.0, 0.2, 0.95}, bit 6 w_title = 1, bit 7 w_centroid = 1
 *   b1: ratio = b1 / 255 (0 = unset)
 *   b2: max_words (0 = unset)
 *   b3: bits 0-3 language (index into langs, modulo), bits 4-6 max_keywords
 *   b4: bits 0-1 w_tfidf, 2-3 w_length, 4-5 w_position (each * 0.5),
 *       bits 6-7 damping {0.85, 0, 0.5, 0.99}
 *   b5: bits 0-1 position_decay {1, 0.1, 5, 1000}, bit 2 w_textrank = 0,
 *       bits 3-4 similarity {default, overlap, cosine, bm25}, bit 5
 *       w_directed = 1, bit 6 lead_ratio = 0, bit 7 lead_adapt = 0
 *   b6: bits 0-1 query {unset, the text's first word, "zzqx" (in no
 *       text), "the of" (stopwords only)}, bits 2-3 stopwords {unset, the
 *       text's first word, "the and of", "#\nthe"}, bit 4 query_bias = 0,
 *       bit 5 query_position = 0, bits 6-7 w_query {default, 0, 1, 100}
 *   b7: not used yet (kept for the next options, so that adding one does
 *       not shift the text of every input of the corpus again)
 */
void
fuzz_decode(const uint8_t *data, size_t size, fuzz_input *in)
{
    in->nopt = 0;
    if (size < FUZZ_HEADER) {
        in->text = (const char *)data;
        in->len = size;
        return;
    }
    static const double redund[4] = { 0.5, 1.0, 0.2, 0.95 };
    static const double damp[4] = { 0.85, 0.0, 0.5, 0.99 };
    static const double decay[4] = { 1.0, 0.1, 5.0, 1000.0 };
    put_number(in, SUMM_OPT_MAX_SENTENCES, data[0] & 15);
    put_number(in, SUMM_OPT_REDUNDANCY, redund[(data[0] >> 4) & 3]);
    put_number(in, SUMM_OPT_W_TITLE, (data[0] & 64) ? 1.0 : 0.0);
    put_number(in, SUMM_OPT_W_CENTROID, (data[0] & 128) ? 1.0 : 0.0);
    put_number(in, SUMM_OPT_RATIO, data[1] / 255.0);
    put_number(in, SUMM_OPT_MAX_WORDS, data[2]);
    put_string(in, SUMM_OPT_LANGUAGE, langs[(data[3] & 15) % (sizeof langs / sizeof *langs)]);
    put_number(in, SUMM_OPT_MAX_KEYWORDS, (data[3] >> 4) & 7);
    put_number(in, SUMM_OPT_W_TFIDF, (data[4] & 3) * 0.5);
    put_number(in, SUMM_OPT_W_LENGTH, ((data[4] >> 2) & 3) * 0.5);
    put_number(in, SUMM_OPT_W_POSITION, ((data[4] >> 4) & 3) * 0.5);
    put_number(in, SUMM_OPT_DAMPING, damp[data[4] >> 6]);
    put_number(in, SUMM_OPT_POSITION_DECAY, decay[data[5] & 3]);
    if (data[5] & 4)
        put_number(in, SUMM_OPT_W_TEXTRANK, 0.0);
    static const int sim[4] = { -1, SUMM_SIM_OVERLAP, SUMM_SIM_COSINE, SUMM_SIM_BM25 };
    if (sim[(data[5] >> 3) & 3] >= 0)
        put_number(in, SUMM_OPT_SIMILARITY, sim[(data[5] >> 3) & 3]);
    if (data[5] & 32)
        put_number(in, SUMM_OPT_W_DIRECTED, 1.0);
    if (data[5] & 64)
        put_number(in, SUMM_OPT_LEAD_RATIO, 0.0);
    if (data[5] & 128)
        put_number(in, SUMM_OPT_LEAD_ADAPT, 0.0);
    const uint8_t *text = data + FUZZ_HEADER;
    size_t tlen = size - FUZZ_HEADER;
    static const char *const queries[4] = { NULL, NULL, "zzqx", "the of" };
    static const char *const stops[4] = { NULL, NULL, "the and of", "#\nthe" };
    static const double wq[4] = { -1, 0, 1, 100 };
    if (data[6] & 3)
        put_string(in, SUMM_OPT_QUERY, (data[6] & 3) == 1 ? first_word(text, tlen, in->words[0])
                                                          : queries[data[6] & 3]);
    if ((data[6] >> 2) & 3)
        put_string(in, SUMM_OPT_STOPWORDS, ((data[6] >> 2) & 3) == 1
                                               ? first_word(text, tlen, in->words[1])
                                               : stops[(data[6] >> 2) & 3]);
    if (data[6] & 16)
        put_number(in, SUMM_OPT_QUERY_BIAS, 0.0);
    if (data[6] & 32)
        put_number(in, SUMM_OPT_QUERY_POSITION, 0.0);
    if (wq[data[6] >> 6] >= 0)
        put_number(in, SUMM_OPT_W_QUERY, wq[data[6] >> 6]);
    in->text = (const char *)text;
    in->len = tlen;
}

summ_ctx *
fuzz_ctx(fuzz_input *in)
{
    summ_ctx *ctx = NULL;
    FUZZ_CHECK(summ_new(NULL, &ctx) == SUMM_OK && ctx);
    for (size_t i = 0; i < in->nopt; i++) {
        const fuzz_opt *o = &in->opt[i];
        const summ_option_info *info = summ_option_info_get(o->option);
        FUZZ_CHECK(info != NULL);
        if (info->type == SUMM_TYPE_STRING) {
            summ_status st = summ_set_string(ctx, o->option, o->string);
            if (st == SUMM_ELANG && o->option == SUMM_OPT_LANGUAGE) {
                /* not known (yet): detect, as without the setting */
                const char *v = "x";
                FUZZ_CHECK(summ_get_string(ctx, o->option, &v) == SUMM_OK && v == NULL);
                memmove(&in->opt[i], &in->opt[i + 1], (in->nopt - i - 1) * sizeof *in->opt);
                in->nopt--;
                i--;
                continue;
            }
            if (st == SUMM_EINVAL && o->string
                && fuzz_first_bad(o->string, strlen(o->string), &(bool){ false }) != (size_t)-1) {
                /* a word cut inside a UTF-8 sequence: refused, nothing set */
                const char *v = "x";
                FUZZ_CHECK(summ_get_string(ctx, o->option, &v) == SUMM_OK && v == NULL);
                memmove(&in->opt[i], &in->opt[i + 1], (in->nopt - i - 1) * sizeof *in->opt);
                in->nopt--;
                i--;
                continue;
            }
            FUZZ_CHECK(st == SUMM_OK);
            const char *v = "x";
            FUZZ_CHECK(summ_get_string(ctx, o->option, &v) == SUMM_OK);
            FUZZ_CHECK(o->string ? v && strcmp(v, o->string) == 0 : v == NULL);
        } else {
            FUZZ_CHECK(summ_set_double(ctx, o->option, o->number) == SUMM_OK);
            double v = -1;
            FUZZ_CHECK(summ_get_double(ctx, o->option, &v) == SUMM_OK && v == o->number);
        }
        FUZZ_CHECK(summ_errmsg(ctx)[0] == '\0');
    }
    return ctx;
}

size_t
fuzz_first_bad(const char *s, size_t n, bool *nul)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    *nul = false;
    while (i < n) {
        unsigned c = p[i];
        size_t len;
        uint32_t lo = 0x80, hi = 0xBF;  /* range of the second byte */
        if (c == 0) {
            *nul = true;
            return i;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) { len = 3; lo = 0xA0; }
        else if (c == 0xED) { len = 3; hi = 0x9F; }
        else if (c >= 0xE1 && c <= 0xEF) len = 3;
        else if (c == 0xF0) { len = 4; lo = 0x90; }
        else if (c == 0xF4) { len = 4; hi = 0x8F; }
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else return i;
        if (i + len > n || p[i + 1] < lo || p[i + 1] > hi)
            return i;
        for (size_t k = 2; k < len; k++)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF)
                return i;
        i += len;
    }
    return (size_t)-1;
}

static bool
is_cont(const char *text, size_t i)
{
    return ((unsigned char)text[i] & 0xC0) == 0x80;
}

static bool
is_ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static size_t
get_size(const summ_ctx *ctx, summ_option opt)
{
    long long v = -1;
    FUZZ_CHECK(summ_get_int(ctx, opt, &v) == SUMM_OK && v >= 0);
    return (size_t)v;
}

/* How many sentences the limits allow, from summarize.h's contract. */
static size_t
limit(const summ_ctx *ctx, size_t n)
{
    size_t max_sentences = get_size(ctx, SUMM_OPT_MAX_SENTENCES);
    size_t max_words = get_size(ctx, SUMM_OPT_MAX_WORDS);
    double ratio = -1;
    FUZZ_CHECK(summ_get_double(ctx, SUMM_OPT_RATIO, &ratio) == SUMM_OK);
    FUZZ_CHECK(ratio >= 0 && ratio <= 1);
    size_t lim = n;
    if (max_sentences && max_sentences < lim)
        lim = max_sentences;
    if (ratio > 0) {
        size_t r = (size_t)ceil(ratio * (double)n);
        if (r < 1)
            r = 1;
        if (r < lim)
            lim = r;
    }
    if (!max_sentences && !(ratio > 0) && !max_words && lim > 3)
        lim = 3;
    return lim;
}

/* Is text[a .. a + n) the same as want with each run of white space one
 * space (as summ_keyword.text is)? */
static bool
collapses_to(const char *text, size_t a, size_t n, const char *want, size_t wlen)
{
    const unsigned char *s = (const unsigned char *)text + a;
    size_t i = 0, o = 0;
    bool gap = false;
    while (i < n) {
        int32_t c;
        size_t m = utf8_dec(s, i, n, &c);
        if (is_space(c)) {
            gap = o > 0;
        } else {
            if (gap && (o >= wlen || want[o++] != ' '))
                return false;
            gap = false;
            if (o + m > wlen || memcmp(want + o, s + i, m) != 0)
                return false;
            o += m;
        }
        i += m;
    }
    return o == wlen;
}

/* Does text[0 .. len) hold lit (ASCII, lower case) in any case? */
static bool
has_ci(const char *text, size_t len, const char *lit)
{
    size_t k = strlen(lit);
    for (size_t i = 0; i + k <= len; i++) {
        size_t j = 0;
        while (j < k && (text[i + j] | 0x20) == lit[j])
            j++;
        if (j == k)
            return true;
    }
    return false;
}

void
fuzz_check_result(const char *text, size_t len, const summ_result *res, const summ_ctx *ctx,
                  fuzz_mode mode)
{
    size_t n = summ_result_count(res), nsent = summ_result_sentences(res);
    size_t prev_end = 0, prev_index = 0, nselected = 0;
    bool nul, plain = summ_result_format(res) == SUMM_FORMAT_TEXT;
    /* A page converted from another charset (or an e-mail with parts in
     * eight-bit charsets) has spans on its own characters' boundaries,
     * not UTF-8 ones; a page's text can come out of source order (its
     * title; text a table pushes before it). */
    bool utf8 = !(summ_result_warnings(res) & SUMM_WARN_CHARSET_CONVERTED);
    bool html = summ_result_format(res) == SUMM_FORMAT_HTML;
    /* an e-mail's HTML part, read as a page is, can be out of order too */
    bool order = !html && !(summ_result_format(res) == SUMM_FORMAT_EMAIL
                            && has_ci(text, len, "text/html"));
    double top = 0;
    FUZZ_CHECK(res != NULL);
    FUZZ_CHECK(summ_result_format(res) != SUMM_FORMAT_AUTO);
    FUZZ_CHECK(summ_format_name(summ_result_format(res)) != NULL);
    FUZZ_CHECK(n <= nsent);
    FUZZ_CHECK(nsent <= len);  /* every sentence has at least one byte */
    if (mode == FUZZ_RUN)
        FUZZ_CHECK(n <= limit(ctx, nsent) && (nsent == 0 || n >= 1));
    else
        FUZZ_CHECK(n == nsent);
    for (size_t i = 0; i < n; i++) {
        const summ_span *s = summ_result_at(res, i);
        FUZZ_CHECK(s != NULL);
        FUZZ_CHECK(s->length > 0);
        FUZZ_CHECK(s->offset < len && s->length <= len - s->offset);
        FUZZ_CHECK(i == 0 || s->offset >= prev_end || !order);
        FUZZ_CHECK(i == 0 || s->index > prev_index);
        FUZZ_CHECK(s->index < nsent);
        if (mode != FUZZ_RUN)
            FUZZ_CHECK(s->index == i);
        if (mode == FUZZ_SPLIT)
            FUZZ_CHECK(s->score == 0);
        FUZZ_CHECK(s->score >= 0 && s->score <= 1);  /* false for NaN */
        if (s->score > top)
            top = s->score;
        if (utf8) {
            FUZZ_CHECK(!is_cont(text, s->offset));
            FUZZ_CHECK(s->offset + s->length == len || !is_cont(text, s->offset + s->length));
            FUZZ_CHECK(fuzz_first_bad(text + s->offset, s->length, &nul) == (size_t)-1);
        }
        if (!html) {
            FUZZ_CHECK(!is_ascii_space(text[s->offset]));
            FUZZ_CHECK(!is_ascii_space(text[s->offset + s->length - 1]));
        }
        /* never inside the BOM */
        FUZZ_CHECK(!(len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0 && s->offset < 3));
        /* the flags: those of a sentence, and selected as summ_run() picks;
         * the query's only with a query that matched */
        FUZZ_CHECK((s->flags & ~(unsigned)(SUMM_FLAG_HEADING | SUMM_FLAG_LIST_ITEM
                                           | SUMM_FLAG_BOILERPLATE | SUMM_FLAG_PARAGRAPH
                                           | SUMM_FLAG_SELECTED | SUMM_FLAG_QUOTED
                                           | SUMM_FLAG_FILLER | SUMM_FLAG_QUERY
                                           | SUMM_FLAG_APPARATUS)) == 0);
        if (s->flags & SUMM_FLAG_QUERY) {
            const char *q = NULL;
            FUZZ_CHECK(summ_get_string(ctx, SUMM_OPT_QUERY, &q) == SUMM_OK && q && *q);
            FUZZ_CHECK(mode != FUZZ_SPLIT);
            FUZZ_CHECK(!(summ_result_warnings(res) & SUMM_WARN_QUERY_UNMATCHED));
        }
        /* only formats that know turns and senders label sentences */
        if (s->label) {
            FUZZ_CHECK(!plain && s->label_length > 0 && strlen(s->label) == s->label_length);
            FUZZ_CHECK(fuzz_first_bad(s->label, s->label_length, &nul) == (size_t)-1);
        } else {
            FUZZ_CHECK(s->label_length == 0);
        }
        /* fillers are told only in speech */
        if (s->flags & SUMM_FLAG_FILLER)
            FUZZ_CHECK(summ_result_format(res) == SUMM_FORMAT_SUBTITLES
                       || summ_result_format(res) == SUMM_FORMAT_TRANSCRIPT);
        if (mode == FUZZ_RUN)
            FUZZ_CHECK(s->flags & SUMM_FLAG_SELECTED);
        if (mode == FUZZ_SPLIT)
            FUZZ_CHECK(!(s->flags & SUMM_FLAG_SELECTED));
        nselected += (s->flags & SUMM_FLAG_SELECTED) != 0;
        /* its text: NUL-terminated, valid; for plain text the span's bytes */
        FUZZ_CHECK(s->text != NULL && s->text[s->text_length] == '\0');
        FUZZ_CHECK(strlen(s->text) == s->text_length && s->text_length > 0);
        FUZZ_CHECK(fuzz_first_bad(s->text, s->text_length, &nul) == (size_t)-1);
        FUZZ_CHECK(!is_ascii_space(s->text[0]) && !is_ascii_space(s->text[s->text_length - 1]));
        if (plain)
            FUZZ_CHECK(s->text_length == s->length
                       && memcmp(s->text, text + s->offset, s->length) == 0);
        prev_end = s->offset + s->length;
        prev_index = s->index;
    }
    FUZZ_CHECK(summ_result_at(res, n) == NULL);
    /* the best sentence scores 1, unless none scores (all headings, say) */
    if (mode == FUZZ_RANK) {
        FUZZ_CHECK(top == 0 || top == 1);
        FUZZ_CHECK(nselected <= limit(ctx, nsent) && (nsent == 0 || nselected >= 1));
    }
    size_t nk = summ_result_keyword_count(res);
    FUZZ_CHECK(nk <= get_size(ctx, SUMM_OPT_MAX_KEYWORDS));
    if (mode == FUZZ_SPLIT)
        FUZZ_CHECK(nk == 0);
    for (size_t i = 0; i < nk; i++) {
        const summ_keyword *k = summ_result_keyword(res, i);
        FUZZ_CHECK(k != NULL && k->text != NULL && k->text[0] != '\0');
        FUZZ_CHECK(strlen(k->text) == k->text_length);
        FUZZ_CHECK(fuzz_first_bad(k->text, k->text_length, &nul) == (size_t)-1);
        FUZZ_CHECK(k->length > 0 && k->offset < len && k->length <= len - k->offset);
        if (utf8) {
            FUZZ_CHECK(!is_cont(text, k->offset));
            FUZZ_CHECK(k->offset + k->length == len || !is_cont(text, k->offset + k->length));
        }
        if (plain)
            FUZZ_CHECK(collapses_to(text, k->offset, k->length, k->text, k->text_length));
        FUZZ_CHECK(k->score > 0 && k->score <= 1);
        FUZZ_CHECK(i == 0 ? k->score == 1 : k->score <= summ_result_keyword(res, i - 1)->score);
        FUZZ_CHECK(k->count >= 1 && k->count <= len);
    }
    FUZZ_CHECK(summ_result_keyword(res, nk) == NULL);
    const char *lang = summ_result_language(res);
    FUZZ_CHECK(lang != NULL && strlen(lang) >= 2 && strlen(lang) <= 3);
}

static bool
same_span(const summ_span *x, const summ_span *y)
{
    return x->offset == y->offset && x->length == y->length && x->index == y->index
           && x->score == y->score && x->flags == y->flags && x->text_length == y->text_length
           && x->document == y->document && strcmp(x->text, y->text) == 0
           && x->label_length == y->label_length && (x->label == NULL) == (y->label == NULL)
           && (!x->label || strcmp(x->label, y->label) == 0);
}

static bool
same_keywords(const summ_result *a, const summ_result *b)
{
    size_t nk = summ_result_keyword_count(a);
    if (nk != summ_result_keyword_count(b))
        return false;
    for (size_t i = 0; i < nk; i++) {
        const summ_keyword *x = summ_result_keyword(a, i), *y = summ_result_keyword(b, i);
        if (strcmp(x->text, y->text) != 0 || x->text_length != y->text_length
            || x->offset != y->offset || x->length != y->length || x->score != y->score
            || x->count != y->count)
            return false;
    }
    return true;
}

bool
fuzz_same(const summ_result *a, const summ_result *b)
{
    size_t n = summ_result_count(a);
    if (n != summ_result_count(b) || summ_result_sentences(a) != summ_result_sentences(b)
        || strcmp(summ_result_language(a), summ_result_language(b)) != 0
        || summ_result_format(a) != summ_result_format(b)
        || summ_result_warnings(a) != summ_result_warnings(b))
        return false;
    for (size_t i = 0; i < n; i++)
        if (!same_span(summ_result_at(a, i), summ_result_at(b, i)))
            return false;
    return same_keywords(a, b);
}

void
fuzz_check_rank_matches(const summ_result *rank, const summ_result *run)
{
    FUZZ_CHECK(summ_result_sentences(rank) == summ_result_sentences(run));
    FUZZ_CHECK(strcmp(summ_result_language(rank), summ_result_language(run)) == 0);
    size_t j = 0;
    for (size_t i = 0; i < summ_result_count(rank); i++) {
        const summ_span *s = summ_result_at(rank, i);
        if (!(s->flags & SUMM_FLAG_SELECTED))
            continue;
        const summ_span *r = summ_result_at(run, j++);
        FUZZ_CHECK(r != NULL && same_span(r, s));
    }
    FUZZ_CHECK(j == summ_result_count(run));
    FUZZ_CHECK(same_keywords(rank, run));
}

/* The status an HTML page must get (summarize.h, SUMM_FORMAT_HTML): a NUL
 * byte anywhere is binary data (unless the page is UTF-16, where its
 * U+0000 is); valid UTF-8 is read; other bytes are read if the page
 * declares a charset it was converted from (the result says so), else
 * they are invalid UTF-8 at the first bad byte. */
static void
check_html_status(summ_ctx *ctx, summ_status st, const char *text, size_t len,
                  const summ_result *res)
{
    const unsigned char *u = (const unsigned char *)text;
    bool utf16 = len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF));
    bool nul;
    size_t bad = fuzz_first_bad(text, len, &nul);
    const char *z = memchr(text, 0, len);
    if (st == SUMM_OK) {
        FUZZ_CHECK(res != NULL);
        FUZZ_CHECK(summ_errmsg(ctx)[0] == '\0');
        FUZZ_CHECK(utf16 || !z);
        if (bad != (size_t)-1)
            FUZZ_CHECK(summ_result_warnings(res) & SUMM_WARN_CHARSET_CONVERTED);
        return;
    }
    FUZZ_CHECK(res == NULL);
    FUZZ_CHECK(summ_errmsg(ctx)[0] != '\0');
    if (st == SUMM_EBINARY) {
        FUZZ_CHECK(utf16 || (z && summ_error_offset(ctx) == (size_t)(z - text)));
        FUZZ_CHECK(summ_error_offset(ctx) < len);
        return;
    }
    FUZZ_CHECK(st == SUMM_EUTF8 && !utf16 && !z && bad != (size_t)-1);
    FUZZ_CHECK(summ_error_offset(ctx) == bad);
    char want[32];
    snprintf(want, sizeof want, "byte %zu", bad);
    FUZZ_CHECK(strstr(summ_errmsg(ctx), want) != NULL);
}

void
fuzz_check_status(summ_ctx *ctx, summ_status st, const char *text, size_t len,
                  const summ_result *res)
{
    long long fmt = SUMM_FORMAT_AUTO;
    FUZZ_CHECK(summ_get_int(ctx, SUMM_OPT_INPUT_FORMAT, &fmt) == SUMM_OK);
    if (fmt == SUMM_FORMAT_HTML
        || (fmt == SUMM_FORMAT_AUTO && summ__input_sniff(text, len) == SUMM_FORMAT_HTML)) {
        FUZZ_CHECK(summ_format_supported(SUMM_FORMAT_HTML) || st == SUMM_EFORMAT);
        if (st != SUMM_EFORMAT)
            check_html_status(ctx, st, text, len, res);
        return;
    }
    bool nul;
    size_t bad = fuzz_first_bad(text, len, &nul);
    /* a BOM is skipped, but it is valid UTF-8 anyway */
    if (bad == (size_t)-1) {
        FUZZ_CHECK(st == SUMM_OK);
        FUZZ_CHECK(summ_errmsg(ctx)[0] == '\0');
        FUZZ_CHECK(summ_error_offset(ctx) == (size_t)-1);
        return;
    }
    /* an e-mail need not be UTF-8 (its parts say their charsets): read
     * if it has no NUL, and the result says its spans are on its own
     * characters' boundaries */
    if (st == SUMM_OK && !nul) {
        FUZZ_CHECK(res != NULL);
        FUZZ_CHECK(summ_result_format(res) == SUMM_FORMAT_EMAIL);
        FUZZ_CHECK(fmt == SUMM_FORMAT_EMAIL || fmt == SUMM_FORMAT_AUTO);
        FUZZ_CHECK(!memchr(text, 0, len));
        FUZZ_CHECK(summ_result_warnings(res) & SUMM_WARN_CHARSET_CONVERTED);
        FUZZ_CHECK(summ_errmsg(ctx)[0] == '\0');
        return;
    }
    FUZZ_CHECK(st == (nul ? SUMM_EBINARY : SUMM_EUTF8));
    FUZZ_CHECK(res == NULL);
    FUZZ_CHECK(summ_error_offset(ctx) == bad);
    char want[32];
    snprintf(want, sizeof want, "byte %zu", bad);
    FUZZ_CHECK(strstr(summ_errmsg(ctx), want) != NULL);
}

/* fuzz_common.c - option decoding and result invariants for the fuzz
 * targets (see fuzz.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

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

/*
 * Header layout (6 bytes):
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
 */
void
fuzz_decode(const uint8_t *data, size_t size, fuzz_input *in)
{
    summ_options *o = &in->opts;
    summ_options_init(o);
    if (size < FUZZ_HEADER) {
        in->text = (const char *)data;
        in->len = size;
        return;
    }
    static const double redund[4] = { 0.5, 1.0, 0.2, 0.95 };
    static const double damp[4] = { 0.85, 0.0, 0.5, 0.99 };
    static const double decay[4] = { 1.0, 0.1, 5.0, 1000.0 };
    o->max_sentences = data[0] & 15;
    o->redundancy = redund[(data[0] >> 4) & 3];
    o->w_title = (data[0] & 64) ? 1.0 : 0.0;
    o->w_centroid = (data[0] & 128) ? 1.0 : 0.0;
    o->ratio = data[1] / 255.0;
    o->max_words = data[2];
    o->language = langs[(data[3] & 15) % (sizeof langs / sizeof *langs)];
    o->max_keywords = (data[3] >> 4) & 7;
    o->w_tfidf = (data[4] & 3) * 0.5;
    o->w_length = ((data[4] >> 2) & 3) * 0.5;
    o->w_position = ((data[4] >> 4) & 3) * 0.5;
    o->damping = damp[data[4] >> 6];
    o->position_decay = decay[data[5] & 3];
    if (data[5] & 4)
        o->w_textrank = 0.0;
    static const int sim[4] = { -1, SUMM_SIM_OVERLAP, SUMM_SIM_COSINE, SUMM_SIM_BM25 };
    if (sim[(data[5] >> 3) & 3] >= 0)
        o->similarity = sim[(data[5] >> 3) & 3];
    if (data[5] & 32)
        o->w_directed = 1.0;
    if (data[5] & 64)
        o->lead_ratio = 0.0;
    if (data[5] & 128)
        o->lead_adapt = 0.0;
    in->text = (const char *)data + FUZZ_HEADER;
    in->len = size - FUZZ_HEADER;
}

summ_ctx *
fuzz_ctx(fuzz_input *in)
{
    summ_ctx *ctx = NULL;
    summ_status st = summ_new(&in->opts, &ctx);
    if (st == SUMM_ELANG) {
        in->opts.language = NULL;
        st = summ_new(&in->opts, &ctx);
    }
    FUZZ_CHECK(st == SUMM_OK && ctx);
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

/* How many sentences the limits allow, from summarize.h's contract. */
static size_t
limit(const summ_options *o, size_t n)
{
    size_t lim = n;
    if (o->max_sentences && o->max_sentences < lim)
        lim = o->max_sentences;
    if (o->ratio > 0) {
        size_t r = (size_t)ceil(o->ratio * (double)n);
        if (r < 1)
            r = 1;
        if (r < lim)
            lim = r;
    }
    if (!o->max_sentences && !(o->ratio > 0) && !o->max_words && lim > 3)
        lim = 3;
    return lim;
}

void
fuzz_check_result(const char *text, size_t len, const summ_result *res,
                  const summ_options *o, bool split)
{
    size_t n = summ_result_count(res), nsent = summ_result_sentences(res);
    size_t prev_end = 0, prev_index = 0;
    bool nul;
    FUZZ_CHECK(res != NULL);
    FUZZ_CHECK(n <= nsent);
    FUZZ_CHECK(nsent <= len);  /* every sentence has at least one byte */
    if (split)
        FUZZ_CHECK(n == nsent);
    else
        FUZZ_CHECK(n <= limit(o, nsent) && (nsent == 0 || n >= 1));
    for (size_t i = 0; i < n; i++) {
        const summ_span *s = summ_result_at(res, i);
        FUZZ_CHECK(s != NULL);
        FUZZ_CHECK(s->length > 0);
        FUZZ_CHECK(s->offset < len && s->length <= len - s->offset);
        FUZZ_CHECK(i == 0 || s->offset >= prev_end);
        FUZZ_CHECK(i == 0 || s->index > prev_index);
        FUZZ_CHECK(s->index < nsent);
        if (split)
            FUZZ_CHECK(s->index == i && s->score == 0);
        FUZZ_CHECK(s->score >= 0 && s->score <= 1);  /* false for NaN */
        FUZZ_CHECK(!is_cont(text, s->offset));
        FUZZ_CHECK(s->offset + s->length == len || !is_cont(text, s->offset + s->length));
        FUZZ_CHECK(!is_ascii_space(text[s->offset]));
        FUZZ_CHECK(!is_ascii_space(text[s->offset + s->length - 1]));
        /* never inside the BOM */
        FUZZ_CHECK(!(len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0 && s->offset < 3));
        FUZZ_CHECK(fuzz_first_bad(text + s->offset, s->length, &nul) == (size_t)-1);
        FUZZ_CHECK(summ_result_flags(res, i) < 16);
        prev_end = s->offset + s->length;
        prev_index = s->index;
    }
    FUZZ_CHECK(summ_result_at(res, n) == NULL);
    size_t nk = summ_result_keyword_count(res);
    FUZZ_CHECK(nk <= o->max_keywords);
    for (size_t i = 0; i < nk; i++) {
        const char *k = summ_result_keyword(res, i);
        FUZZ_CHECK(k != NULL && *k != '\0');
        FUZZ_CHECK(fuzz_first_bad(k, strlen(k), &nul) == (size_t)-1);
    }
    FUZZ_CHECK(summ_result_keyword(res, nk) == NULL);
    const char *lang = summ_result_language(res);
    FUZZ_CHECK(lang != NULL && strlen(lang) >= 2 && strlen(lang) <= 3);
}

bool
fuzz_same(const summ_result *a, const summ_result *b)
{
    size_t n = summ_result_count(a);
    if (n != summ_result_count(b) || summ_result_sentences(a) != summ_result_sentences(b)
        || strcmp(summ_result_language(a), summ_result_language(b)) != 0)
        return false;
    for (size_t i = 0; i < n; i++) {
        const summ_span *x = summ_result_at(a, i), *y = summ_result_at(b, i);
        if (x->offset != y->offset || x->length != y->length || x->index != y->index
            || x->score != y->score || summ_result_flags(a, i) != summ_result_flags(b, i))
            return false;
    }
    size_t nk = summ_result_keyword_count(a);
    if (nk != summ_result_keyword_count(b))
        return false;
    for (size_t i = 0; i < nk; i++)
        if (strcmp(summ_result_keyword(a, i), summ_result_keyword(b, i)) != 0)
            return false;
    return true;
}

void
fuzz_check_status(summ_ctx *ctx, summ_status st, const char *text, size_t len,
                  const summ_result *res)
{
    bool nul;
    size_t bad = fuzz_first_bad(text, len, &nul);
    /* a BOM is skipped, but it is valid UTF-8 anyway */
    if (bad == (size_t)-1) {
        FUZZ_CHECK(st == SUMM_OK);
        FUZZ_CHECK(summ_errmsg(ctx)[0] == '\0');
        FUZZ_CHECK(summ_error_offset(ctx) == (size_t)-1);
        return;
    }
    FUZZ_CHECK(st == (nul ? SUMM_EBINARY : SUMM_EUTF8));
    FUZZ_CHECK(res == NULL);
    FUZZ_CHECK(summ_error_offset(ctx) == bad);
    char want[32];
    snprintf(want, sizeof want, "byte %zu", bad);
    FUZZ_CHECK(strstr(summ_errmsg(ctx), want) != NULL);
}

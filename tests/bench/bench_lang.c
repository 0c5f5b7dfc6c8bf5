/* bench_lang.c FILE... -- for tests/bench/lang.sh: per file, the speed of
 * language detection and of segmenting + tokenizing + stemming, cold (a
 * new context each round, so every distinct word is stemmed) and warm (the
 * context's lexicon already knows the words). Prints one line per file:
 *   FILE LANG BYTES DETECT_US SEG_TOK_COLD_MBS SEG_TOK_WARM_MBS
 * Not a test: timings are only printed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "context.h"

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);  /* CPU time: the machine may be shared */
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap);
    size_t got;
    while (p && (got = fread(p + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            p = realloc(p, cap *= 2);
    }
    fclose(f);
    *len = n;
    return p;
}

/* Segment and tokenize text once in ctx; false on failure. */
static bool
run_once(summ_ctx *ctx, const lang_info *lang, const char *text, size_t len)
{
    arena ar;
    summ__arena_init(&ar, &ctx->al);
    doc d = { .src = text, .srclen = len, .format = SUMM_FORMAT_TEXT, .text = text, .len = len,
              .start = 0, .ar = &ar, .title = SIZE_MAX, .lang = lang };
    bool ok = summ__ctx_langres(ctx, lang, &d.lr) == SUMM_OK && summ__segment(&d) == SUMM_OK
              && summ__tokenize(&d) == SUMM_OK;
    summ__free(&ctx->al, d.sent);
    summ__free(&ctx->al, d.term);
    summ__free(&ctx->al, d.term_stem);
    summ__free(&ctx->al, d.term_first);
    summ__free(&ctx->al, d.word);
    summ__arena_free(&ar);
    return ok;
}

int
main(int argc, char **argv)
{
    const double budget = 0.3;  /* seconds per measurement */
    for (int i = 1; i < argc; i++) {
        size_t len;
        char *text = slurp(argv[i], &len);
        if (!text) {
            fprintf(stderr, "bench_lang: %s: cannot read\n", argv[i]);
            return 1;
        }
        summ_ctx *ctx;
        if (summ_new(NULL, &ctx) != SUMM_OK)
            return 1;

        const lang_info *lang = NULL;
        size_t rounds = 0;
        double t0 = now(), t;
        do {
            lang = summ__lang_detect(&ctx->lang_cache, &ctx->al, text, len);
            rounds++;
        } while ((t = now() - t0) < budget);
        double detect_us = t / (double)rounds * 1e6;

        /* cold: a fresh context (empty lexicon, stopwords loaded) per round */
        rounds = 0;
        t0 = now();
        do {
            summ_ctx *c2;
            if (summ_new(NULL, &c2) != SUMM_OK || !run_once(c2, lang, text, len))
                return 1;
            summ_free(c2);
            rounds++;
        } while ((t = now() - t0) < budget);
        double cold = (double)len * (double)rounds / t / 1e6;

        /* warm: one context, its lexicon filled by the first round */
        if (!run_once(ctx, lang, text, len))
            return 1;
        rounds = 0;
        t0 = now();
        do {
            if (!run_once(ctx, lang, text, len))
                return 1;
            rounds++;
        } while ((t = now() - t0) < budget);
        double warm = (double)len * (double)rounds / t / 1e6;

        printf("%s %s %zu %.1f %.2f %.2f\n", argv[i], lang->code, len, detect_us, cold, warm);
        summ_free(ctx);
        free(text);
    }
    return 0;
}

/* fuzz_run.c - libFuzzer target over summ_run() and summ_rank(): options
 * from the first bytes (fuzz_common.c), invariants on the result, the
 * ranking's selected sentences are the summary's, and determinism: the
 * same text gives the same result from a fresh context, from a clone, and
 * from one that has summarized other text in between (its caches are
 * warm). And summ_run_multi(): the text alone is summ_run(), its two
 * halves as two texts give spans inside their own half. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in;
    fuzz_decode(data, size, &in);
    summ_ctx *ctx = fuzz_ctx(&in);

    summ_result *a = NULL, *b = NULL, *c = NULL, *r = NULL;
    summ_status st = summ_run(ctx, in.text, in.len, &a);
    fuzz_check_status(ctx, st, in.text, in.len, a);
    st = summ_rank(ctx, in.text, in.len, &r);
    fuzz_check_status(ctx, st, in.text, in.len, r);
    if (st == SUMM_OK) {
        FUZZ_CHECK(a != NULL);
        fuzz_check_result(in.text, in.len, a, ctx, FUZZ_RUN);
        fuzz_check_result(in.text, in.len, r, ctx, FUZZ_RANK);
        fuzz_check_rank_matches(r, a);

        /* warm the caches with the second half, then the whole again */
        summ_result *half = NULL;
        size_t h = in.len / 2;
        while (h > 0 && h < in.len && ((unsigned char)in.text[h] & 0xC0) == 0x80)
            h--;
        /* (half a page need not be one: its charset may be in the other half) */
        st = summ_run(ctx, in.text + h, in.len - h, &half);
        fuzz_check_status(ctx, st, in.text + h, in.len - h, half);
        if (st == SUMM_OK)
            fuzz_check_result(in.text + h, in.len - h, half, ctx, FUZZ_RUN);
        summ_result_free(half);
        FUZZ_CHECK(summ_run(ctx, in.text, in.len, &b) == SUMM_OK);
        FUZZ_CHECK(fuzz_same(a, b));

        summ_ctx *fresh = fuzz_ctx(&in);
        FUZZ_CHECK(summ_run(fresh, in.text, in.len, &c) == SUMM_OK);
        FUZZ_CHECK(fuzz_same(a, c));
        summ_free(fresh);
        summ_result_free(c);
        c = NULL;

        /* a clone has the same options: the same result */
        summ_ctx *clone = NULL;
        FUZZ_CHECK(summ_clone(ctx, &clone) == SUMM_OK && clone);
        FUZZ_CHECK(summ_run(clone, in.text, in.len, &c) == SUMM_OK);
        FUZZ_CHECK(fuzz_same(a, c));
        summ_free(clone);
        summ_result_free(c);
        c = NULL;

        FUZZ_CHECK(summ_run_multi(ctx, &in.text, &in.len, 1, &c) == SUMM_OK);
        FUZZ_CHECK(fuzz_same(a, c) && summ_result_documents(c) == 1);
        const char *halves[2] = { in.text, in.text + h };
        size_t lens[2] = { h, in.len - h };
        summ_result *m = NULL, *mr = NULL;
        /* the halves as texts of their own: each may fail on its own (half
         * a page need not be one), and then the two together fail */
        bool halves_ok = true;
        for (int k = 0; k < 2; k++) {
            summ_result *x = NULL;
            st = summ_run(ctx, halves[k], lens[k], &x);
            fuzz_check_status(ctx, st, halves[k], lens[k], x);
            halves_ok &= st == SUMM_OK;
            summ_result_free(x);
        }
        if (!halves_ok) {
            FUZZ_CHECK(summ_run_multi(ctx, halves, lens, 2, &m) != SUMM_OK && m == NULL);
            goto out;
        }
        FUZZ_CHECK(summ_run_multi(ctx, halves, lens, 2, &m) == SUMM_OK);
        FUZZ_CHECK(summ_rank_multi(ctx, halves, lens, 2, &mr) == SUMM_OK);
        FUZZ_CHECK(summ_result_documents(m) == 2);
        for (size_t i = 0; i < summ_result_count(mr); i++) {
            const summ_span *s = summ_result_at(mr, i);
            FUZZ_CHECK(s->document < 2 && s->offset + s->length <= lens[s->document]);
            FUZZ_CHECK(s->score >= 0 && s->score <= 1);
        }
        FUZZ_CHECK(summ_result_count(mr) == summ_result_sentences(mr));
        fuzz_check_rank_matches(mr, m);
        summ_result_free(m);
        summ_result_free(mr);
    }
out:
    summ_result_free(r);
    summ_result_free(a);
    summ_result_free(b);
    summ_result_free(c);
    summ_free(ctx);
    return 0;
}

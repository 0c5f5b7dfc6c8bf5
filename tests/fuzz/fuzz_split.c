/* fuzz_split.c - libFuzzer target over summ_split(), the segmenter behind
 * --split: every sentence is returned, so besides the span invariants the
 * spans must agree with summ_run()'s (same sentence count, and each chosen
 * sentence is the split's sentence of that index). Deterministic too. */
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

    summ_result *a = NULL, *b = NULL, *r = NULL;
    summ_status st = summ_split(ctx, in.text, in.len, &a);
    fuzz_check_status(ctx, st, in.text, in.len, a);
    if (st == SUMM_OK) {
        fuzz_check_result(in.text, in.len, a, ctx, FUZZ_SPLIT);
        FUZZ_CHECK(summ_split(ctx, in.text, in.len, &b) == SUMM_OK);
        FUZZ_CHECK(fuzz_same(a, b));

        FUZZ_CHECK(summ_run(ctx, in.text, in.len, &r) == SUMM_OK);
        fuzz_check_result(in.text, in.len, r, ctx, FUZZ_RUN);
        FUZZ_CHECK(summ_result_sentences(r) == summ_result_count(a));
        FUZZ_CHECK(strcmp(summ_result_language(r), summ_result_language(a)) == 0);
        for (size_t i = 0; i < summ_result_count(r); i++) {
            const summ_span *x = summ_result_at(r, i);
            const summ_span *y = summ_result_at(a, x->index);
            FUZZ_CHECK(y && x->offset == y->offset && x->length == y->length);
            FUZZ_CHECK((x->flags & ~(SUMM_FLAG_SELECTED | SUMM_FLAG_QUERY)) == y->flags);
            FUZZ_CHECK(x->text_length == y->text_length && strcmp(x->text, y->text) == 0);
            FUZZ_CHECK(x->label_length == y->label_length
                       && (x->label ? y->label && strcmp(x->label, y->label) == 0 : !y->label));
        }
    }
    summ_result_free(a);
    summ_result_free(b);
    summ_result_free(r);
    summ_free(ctx);
    return 0;
}

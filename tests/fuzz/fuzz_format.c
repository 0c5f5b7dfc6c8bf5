/* fuzz_format.c - libFuzzer target over one input format's reader, built
 * once per format with FUZZ_FORMAT set (tests/fuzz/meson.build: fuzz-
 * markdown, fuzz-email, fuzz-pdftext, fuzz-subtitles, fuzz-transcript).
 * The input is read as that format whatever it holds (options from the
 * first bytes, as fuzz_run.c), and every result must keep the invariants
 * of fuzz_check_result(): spans inside the input, on UTF-8 boundaries, in
 * order, not overlapping; clean texts and labels valid UTF-8; the
 * summary's sentences are the split's sentences of their index, with the
 * same text, flags and label; and the same input gives the same result
 * again. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

#ifndef FUZZ_FORMAT
#  error "build with -DFUZZ_FORMAT=SUMM_FORMAT_..."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in;
    fuzz_decode(data, size, &in);
    summ_ctx *ctx = fuzz_ctx(&in);
    FUZZ_CHECK(summ_set_int(ctx, SUMM_OPT_INPUT_FORMAT, FUZZ_FORMAT) == SUMM_OK);

    summ_result *a = NULL, *b = NULL, *r = NULL, *k = NULL;
    summ_status st = summ_split(ctx, in.text, in.len, &a);
    fuzz_check_status(ctx, st, in.text, in.len, a);
    if (st == SUMM_OK) {
        FUZZ_CHECK(summ_result_format(a) == FUZZ_FORMAT);
        fuzz_check_result(in.text, in.len, a, ctx, FUZZ_SPLIT);
        FUZZ_CHECK(summ_split(ctx, in.text, in.len, &b) == SUMM_OK);
        FUZZ_CHECK(fuzz_same(a, b));

        FUZZ_CHECK(summ_run(ctx, in.text, in.len, &r) == SUMM_OK);
        fuzz_check_result(in.text, in.len, r, ctx, FUZZ_RUN);
        FUZZ_CHECK(summ_result_sentences(r) == summ_result_count(a));
        for (size_t i = 0; i < summ_result_count(r); i++) {
            const summ_span *x = summ_result_at(r, i);
            const summ_span *y = summ_result_at(a, x->index);
            FUZZ_CHECK(y && x->offset == y->offset && x->length == y->length);
            FUZZ_CHECK((x->flags & ~(SUMM_FLAG_SELECTED | SUMM_FLAG_QUERY)) == y->flags);
            FUZZ_CHECK(strcmp(x->text, y->text) == 0);
            FUZZ_CHECK(x->label ? y->label && strcmp(x->label, y->label) == 0 : !y->label);
        }
        FUZZ_CHECK(summ_rank(ctx, in.text, in.len, &k) == SUMM_OK);
        fuzz_check_result(in.text, in.len, k, ctx, FUZZ_RANK);
        fuzz_check_rank_matches(k, r);
    }
    summ_result_free(a);
    summ_result_free(b);
    summ_result_free(r);
    summ_result_free(k);
    summ_free(ctx);
    return 0;
}

/* fuzz_html.c - libFuzzer target over the HTML format: the input read as
 * HTML whatever it looks like, with the main text (SUMM_OPT_EXTRACT 1)
 * and with every visible block (0). Checks the status (NUL, charsets,
 * invalid UTF-8: fuzz_common.c), the result's invariants, that summ_run()
 * picks sentences of summ_split()'s, that it is the same twice, and that
 * the page's own bytes give the spans (inside the input, each at least
 * one byte). Bounded time is libFuzzer's -timeout. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
one(const fuzz_input *in, int extract)
{
    fuzz_input copy = *in;
    summ_ctx *ctx = fuzz_ctx(&copy);
    FUZZ_CHECK(summ_set_int(ctx, SUMM_OPT_INPUT_FORMAT, SUMM_FORMAT_HTML) == SUMM_OK);
    FUZZ_CHECK(summ_set_int(ctx, SUMM_OPT_EXTRACT, extract) == SUMM_OK);
    summ_result *split = NULL, *again = NULL, *run = NULL;
    summ_status st = summ_split(ctx, in->text, in->len, &split);
    fuzz_check_status(ctx, st, in->text, in->len, split);
    if (st == SUMM_OK) {
        FUZZ_CHECK(summ_result_format(split) == SUMM_FORMAT_HTML);
        fuzz_check_result(in->text, in->len, split, ctx, FUZZ_SPLIT);
        FUZZ_CHECK(summ_split(ctx, in->text, in->len, &again) == SUMM_OK);
        FUZZ_CHECK(fuzz_same(split, again));
        FUZZ_CHECK(summ_run(ctx, in->text, in->len, &run) == SUMM_OK);
        fuzz_check_result(in->text, in->len, run, ctx, FUZZ_RUN);
        FUZZ_CHECK(summ_result_sentences(run) == summ_result_count(split));
        for (size_t i = 0; i < summ_result_count(run); i++) {
            const summ_span *x = summ_result_at(run, i);
            const summ_span *y = summ_result_at(split, x->index);
            FUZZ_CHECK(y && x->offset == y->offset && x->length == y->length);
            FUZZ_CHECK(strcmp(x->text, y->text) == 0);
        }
    }
    summ_result_free(split);
    summ_result_free(again);
    summ_result_free(run);
    summ_free(ctx);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in;
    fuzz_decode(data, size, &in);
    one(&in, 1);
    one(&in, 0);
    return 0;
}

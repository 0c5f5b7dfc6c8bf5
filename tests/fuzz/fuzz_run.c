/* fuzz_run.c - libFuzzer target over summ_run(): options from the first
 * bytes (fuzz_common.c), invariants on the result, and determinism: the
 * same text gives the same result from a fresh context and from one that
 * has summarized other text in between (its caches are warm). */
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

    summ_result *a = NULL, *b = NULL, *c = NULL;
    summ_status st = summ_run(ctx, in.text, in.len, &a);
    fuzz_check_status(ctx, st, in.text, in.len, a);
    if (st == SUMM_OK) {
        fuzz_check_result(in.text, in.len, a, &in.opts, false);

        /* warm the caches with the second half, then the whole again */
        summ_result *half = NULL;
        size_t h = in.len / 2;
        while (h > 0 && h < in.len && ((unsigned char)in.text[h] & 0xC0) == 0x80)
            h--;
        FUZZ_CHECK(summ_run(ctx, in.text + h, in.len - h, &half) == SUMM_OK);
        fuzz_check_result(in.text + h, in.len - h, half, &in.opts, false);
        summ_result_free(half);
        FUZZ_CHECK(summ_run(ctx, in.text, in.len, &b) == SUMM_OK);
        FUZZ_CHECK(fuzz_same(a, b));

        summ_ctx *fresh = fuzz_ctx(&in);
        FUZZ_CHECK(summ_run(fresh, in.text, in.len, &c) == SUMM_OK);
        FUZZ_CHECK(fuzz_same(a, c));
        summ_free(fresh);
    }
    summ_result_free(a);
    summ_result_free(b);
    summ_result_free(c);
    summ_free(ctx);
    return 0;
}

/* fuzz_utf8fix.c - libFuzzer target over the CLI's --invalid=replace
 * (src/cli/utf8fix.c): whatever the bytes, the copy is well-formed UTF-8
 * apart from NUL bytes (kept, so binary data is still refused), valid text
 * is left alone, the count and first offset are right, and the library
 * accepts the copy. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "utf8fix.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* First invalid byte of s, NUL bytes allowed, or (size_t)-1. */
static size_t
first_invalid(const char *s, size_t n)
{
    size_t from = 0;
    for (;;) {
        bool nul;
        size_t bad = fuzz_first_bad(s + from, n - from, &nul);
        if (bad == (size_t)-1)
            return bad;
        if (!nul)
            return from + bad;
        from += bad + 1;
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    size_t outlen = 0, nbad = 0, first = 0;
    char *out = utf8_replace_invalid(in, size, &outlen, &nbad, &first);
    FUZZ_CHECK(out != NULL);
    FUZZ_CHECK(first_invalid(out, outlen) == (size_t)-1);
    FUZZ_CHECK(outlen == size + 2 * nbad);
    FUZZ_CHECK(first == first_invalid(in, size));
    FUZZ_CHECK((nbad == 0) == (first == (size_t)-1));
    if (nbad == 0)
        FUZZ_CHECK(memcmp(out, in, size) == 0);
    else
        FUZZ_CHECK(memcmp(out, in, first) == 0
                   && memcmp(out + first, "\xef\xbf\xbd", 3) == 0);
    /* idempotent */
    size_t outlen2, nbad2, first2;
    char *again = utf8_replace_invalid(out, outlen, &outlen2, &nbad2, &first2);
    FUZZ_CHECK(again && nbad2 == 0 && outlen2 == outlen && memcmp(again, out, outlen) == 0);
    free(again);

    summ_ctx *ctx;
    FUZZ_CHECK(summ_new(NULL, &ctx) == SUMM_OK);
    summ_result *res = NULL;
    summ_status st = summ_split(ctx, out, outlen, &res);
    FUZZ_CHECK(memchr(out, 0, outlen) ? st == SUMM_EBINARY : st == SUMM_OK);
    summ_result_free(res);
    summ_free(ctx);
    free(out);
    return 0;
}

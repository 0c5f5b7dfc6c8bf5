/* utf8.c - the validator every input goes through first. */
#include "text/utf8.h"
#include "text/bits.h"

int
summ__utf8_check(const char *text, size_t len, size_t *bad)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        if (len - i >= 8) {
            uint64_t w = load64(s + i);
            if (!(w & SUMM_HIGHS) && !has_zero(w)) {  /* all ASCII, no NUL */
                i += 8;
                continue;
            }
        }
        if (s[i] == 0) {
            *bad = i;
            return 2;
        }
        size_t n = utf8_seq_len(s + i, len - i);
        if (n == 0) {
            *bad = i;
            return 1;
        }
        i += n;
    }
    return 0;
}

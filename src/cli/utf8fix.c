/* utf8fix.c - replace what is not UTF-8, byte by byte (see utf8fix.h).
 * One U+FFFD per bad byte, not per maximal bad sequence: simpler to state,
 * and a Latin-1 "é" (one byte) becomes exactly one replacement character. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/utf8.h"
#include "utf8fix.h"

char *
utf8_replace_invalid(const char *s, size_t n, size_t *outlen, size_t *nbad, size_t *first)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t bad = 0, i = 0;
    *first = (size_t)-1;
    while (i < n) {
        size_t len = utf8_seq_len(p + i, n - i);
        if (len == 0) {
            if (bad++ == 0)
                *first = i;
            i++;
        } else {
            i += len;
        }
    }
    /* each bad byte grows by 2 */
    if (bad > (SIZE_MAX - n - 1) / 2)
        return NULL;
    size_t size = n + 2 * bad;
    char *out = malloc(size ? size : 1);
    if (!out)
        return NULL;
    size_t o = 0;
    i = 0;
    while (i < n) {
        size_t len = utf8_seq_len(p + i, n - i);
        if (len == 0) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        } else {
            memcpy(out + o, p + i, len);
            o += len;
            i += len;
        }
    }
    *outlen = o;
    *nbad = bad;
    return out;
}

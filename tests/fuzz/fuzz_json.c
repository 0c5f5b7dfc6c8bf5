/* fuzz_json.c - libFuzzer target over the CLI's JSON Lines reader
 * (src/cli/json.c, json_parse_record): any bytes give 0 or -1, never a read
 * outside the line (the fuzzer's buffer is exactly the line, so ASan sees
 * any overrun); on success the id points into the line and the text is
 * NUL-terminated, valid UTF-8 apart from \u0000; on failure there is a
 * message; the same line parses the same way twice; and text
 * written back with json_write_string() parses to the same text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Valid UTF-8, NUL bytes allowed? */
static bool
utf8_ok(const char *s, size_t n)
{
    size_t from = 0;
    for (;;) {
        bool nul;
        size_t bad = fuzz_first_bad(s + from, n - from, &nul);
        if (bad == (size_t)-1)
            return true;
        if (!nul)
            return false;
        from += bad + 1;
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *line = (const char *)data;
    json_record a, b;
    char err[160], err2[160];
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    err[0] = err2[0] = '\0';
    int ra = json_parse_record(line, size, &a, err, sizeof err);
    int rb = json_parse_record(line, size, &b, err2, sizeof err2);
    FUZZ_CHECK(ra == 0 || ra == -1);
    FUZZ_CHECK(ra == rb);
    if (a.id) {
        FUZZ_CHECK(a.id >= line && a.idlen <= size && a.id + a.idlen <= line + size);
        FUZZ_CHECK(b.id == a.id && b.idlen == a.idlen);
    }
    if (ra == 0) {
        FUZZ_CHECK(a.text != NULL);  /* "text" is required */
        {
            FUZZ_CHECK(a.textlen <= size && a.text[a.textlen] == '\0');
            FUZZ_CHECK(utf8_ok(a.text, a.textlen));
            FUZZ_CHECK(b.text && b.textlen == a.textlen
                       && memcmp(a.text, b.text, a.textlen) == 0);

            /* round trip through the writer */
            char *buf = NULL;
            size_t blen = 0;
            FILE *f = open_memstream(&buf, &blen);
            FUZZ_CHECK(f != NULL);
            fputs("{\"text\":", f);
            json_write_string(f, a.text, a.textlen);
            fputs("}", f);
            FUZZ_CHECK(fclose(f) == 0);
            json_record c;
            memset(&c, 0, sizeof c);
            FUZZ_CHECK(json_parse_record(buf, blen, &c, err2, sizeof err2) == 0);
            FUZZ_CHECK(c.text && c.textlen == a.textlen
                       && memcmp(c.text, a.text, a.textlen) == 0);
            json_record_free(&c);
            free(buf);
        }
    } else {
        FUZZ_CHECK(memchr(err, '\0', sizeof err) != NULL);
        FUZZ_CHECK(err[0] != '\0');
        FUZZ_CHECK(strcmp(err, err2) == 0);
    }
    json_record_free(&a);
    json_record_free(&b);
    return 0;
}

/* bench_sniff.c [FILE]... -- for tests/bench/sniff.sh: the format each
 * file is told to be from its content (summ__input_sniff, as
 * SUMM_FORMAT_AUTO does), one line per file: FORMAT FILE. File names are
 * read from standard input, one a line, when none are given. Not a test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/input.h"

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *p = malloc(cap);
    while (p && (got = fread(p + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *q = realloc(p, cap *= 2);
            if (!q) {
                free(p);
                p = NULL;
                break;
            }
            p = q;
        }
    }
    fclose(f);
    *len = n;
    return p;
}

static void
one(const char *path)
{
    size_t len, start = 0;
    char *text = slurp(path, &len);
    if (!text) {
        printf("unreadable %s\n", path);
        return;
    }
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
        start = 3;
    printf("%s %s\n", summ__format_name(summ__input_sniff(text + start, len - start)), path);
    free(text);
}

int
main(int argc, char **argv)
{
    if (argc > 1) {
        for (int i = 1; i < argc; i++)
            one(argv[i]);
        return 0;
    }
    char line[4096];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = '\0';
        if (*line)
            one(line);
    }
    return 0;
}

/* kwtune.c - the tuning harness behind tests/bench/kwtune.py. Not installed.
 *
 *   kwtune K FILE...
 *
 * Reads every FILE once, then for every line of options on stdin
 * ("kw_window=4 kw_position=0.5 ...", names of summ_option_lookup(), so
 * the keyword knobs of summarize_experimental.h), runs each file with
 * those options and K keywords and prints "D <tab> FILE <tab> keyword
 * <tab> keyword ..." per file, then "END". One process for a grid search.
 * Uses the public API only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "summarize.h"

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap);
    size_t got;
    while (p && (got = fread(p + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            p = realloc(p, cap *= 2);
    }
    fclose(f);
    *len = n;
    return p;
}

int
main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: kwtune K FILE...\n");
        return 2;
    }
    long k = atol(argv[1]);
    int nf = argc - 2;
    char **text = calloc((size_t)nf, sizeof *text);
    size_t *len = calloc((size_t)nf, sizeof *len);
    for (int i = 0; i < nf; i++) {
        if (!(text[i] = slurp(argv[i + 2], &len[i]))) {
            fprintf(stderr, "kwtune: %s: cannot read\n", argv[i + 2]);
            return 1;
        }
    }
    char line[4096];
    while (fgets(line, sizeof line, stdin)) {
        summ_ctx *ctx;
        if (summ_new(NULL, &ctx) != SUMM_OK)
            return 1;
        summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, 1);
        summ_set_int(ctx, SUMM_OPT_MAX_KEYWORDS, k);
        for (char *tok = strtok(line, " \t\n"); tok; tok = strtok(NULL, " \t\n")) {
            char *eq = strchr(tok, '=');
            if (!eq)
                continue;
            *eq = '\0';
            summ_option o = summ_option_lookup(tok);
            if (!o || summ_set_double(ctx, o, atof(eq + 1)) != SUMM_OK) {
                if (o && summ_set_string(ctx, o, eq + 1) == SUMM_OK)
                    continue;
                fprintf(stderr, "kwtune: %s=%s: %s\n", tok, eq + 1, summ_errmsg(ctx));
                return 2;
            }
        }
        for (int i = 0; i < nf; i++) {
            summ_result *res;
            printf("D\t%s", argv[i + 2]);
            if (summ_run(ctx, text[i], len[i], &res) == SUMM_OK) {
                for (size_t j = 0; j < summ_result_keyword_count(res); j++)
                    printf("\t%s", summ_result_keyword(res, j)->text);
                summ_result_free(res);
            }
            putchar('\n');
        }
        printf("END\n");
        fflush(stdout);
        summ_free(ctx);
    }
    return 0;
}

/* bench_html.c - helper of tests/bench/html.sh (figures, not a test).
 *
 *   bench_html sniff FILE...   how many of the files the sniffer takes for
 *                              HTML (plain text must give 0)
 *   bench_html time FILE...    CPU time of summ_split() on each page read as
 *                              HTML (main text), and in all: ms per page, ms
 *                              per kB; the parse alone is most of it
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "input/input.h"
#include "summarize.h"

static char *
slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    *n = len;
    return buf;
}

static double
cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
    if (argc < 3 || (strcmp(argv[1], "sniff") != 0 && strcmp(argv[1], "time") != 0)) {
        fprintf(stderr, "usage: bench_html sniff|time FILE...\n");
        return 2;
    }
    bool sniff = strcmp(argv[1], "sniff") == 0;
    size_t files = 0, html = 0, bytes = 0, failed = 0;
    double total = 0;
    summ_ctx *ctx = NULL;
    if (!sniff && (summ_new(NULL, &ctx) != SUMM_OK
                   || summ_set_int(ctx, SUMM_OPT_INPUT_FORMAT, SUMM_FORMAT_HTML) != SUMM_OK)) {
        fprintf(stderr, "bench_html: %s\n", summ_errmsg(ctx));
        return 1;
    }
    for (int i = 2; i < argc; i++) {
        size_t n;
        char *text = slurp(argv[i], &n);
        if (!text) {
            perror(argv[i]);
            failed++;
            continue;
        }
        files++;
        bytes += n;
        if (sniff) {
            if (summ__input_sniff(text, n) == SUMM_FORMAT_HTML) {
                html++;
                printf("html: %s\n", argv[i]);
            }
        } else {
            summ_result *res = NULL;
            double t0 = cpu_seconds();
            summ_status st = summ_split(ctx, text, n, &res);
            double dt = cpu_seconds() - t0;
            total += dt;
            if (st != SUMM_OK) {
                fprintf(stderr, "bench_html: %s: %s\n", argv[i], summ_errmsg(ctx));
                failed++;
            }
            summ_result_free(res);
        }
        free(text);
    }
    if (sniff)
        printf("%zu of %zu files sniffed as HTML\n", html, files);
    else
        printf("%zu pages, %.1f kB: %.2f ms CPU per page, %.4f ms per kB%s\n", files,
               (double)bytes / 1024, files ? total * 1000 / (double)files : 0,
               bytes ? total * 1000 / ((double)bytes / 1024) : 0, failed ? " (some failed)" : "");
    summ_free(ctx);
    return failed ? 1 : 0;
}

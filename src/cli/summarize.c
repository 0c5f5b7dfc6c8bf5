/* summarize - the command-line tool: a thin layer over libsummarize.
 *
 *   summarize [OPTION]... [FILE]...
 *
 * Reads each FILE (or standard input), prints its summary; with --jsonl,
 * each line of JSON Lines input. See summarize(1) and `summarize --help`.
 * Exit status: 0 success, 1 a file or input failed (the others are still
 * done), 2 usage error. This file: options and output formats; batch.c
 * runs the documents. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "summarize.h"
#include "cli.h"
#include "json.h"

const char *progname = "summarize";

/* Long options without a short form. */
enum {
    OPT_SPLIT = 256,
    OPT_JSONL,
    OPT_INVALID,
};

#define MAX_JOBS 256

static void usage_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2), noreturn))
#endif
    ;

static void
usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", progname);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help' for more information.\n", progname);
    exit(2);
}

static void
print_help(void)
{
    printf("Usage: %s [OPTION]... [FILE]...\n"
           "Print the most important sentences of each FILE, verbatim, in their\n"
           "original order. With no FILE, or when FILE is -, read standard input.\n"
           "\n"
           "Length (the smallest limit wins; default: 3 sentences):\n"
           "  -n, --sentences=N     at most N sentences\n"
           "  -r, --ratio=R         at most this fraction of the sentences, 0 < R <= 1\n"
           "  -w, --words=N         at most N words in all\n"
           "\n"
           "Language and output:\n"
           "  -l, --lang=CODE       language: ISO 639-1 code or Snowball name,\n"
           "                        'auto' (default) or 'none'\n"
           "  -f, --format=FORMAT   text (default): one sentence a line, white space\n"
           "                        collapsed; json: one JSON object per document\n"
           "  -k, --keywords=N      also print the top N keywords\n"
           "      --split           print every sentence, one a line, no scoring\n"
           "      --invalid=MODE    bytes that are not UTF-8: error (default: report\n"
           "                        the file and skip it) or replace (each one by\n"
           "                        U+FFFD, with a warning)\n"
           "\n"
           "Batch:\n"
           "      --jsonl           read JSON Lines ({\"id\":..., \"text\":\"...\"}), write\n"
           "                        one JSON line per input line, in order:\n"
           "                        {\"id\":..., \"language\":..., \"sentences\":[...]}, or\n"
           "                        {\"id\":..., \"error\":\"...\"} for a bad line\n"
           "  -j, --jobs=N          summarize on N threads (default 1; 0 = one per CPU);\n"
           "                        the output order stays the input order\n"
           "\n"
           "Scoring (README \"How scoring works\"; defaults in summarize.h):\n"
           "  --w-textrank=X --w-tfidf=X --w-position=X --position-decay=X\n"
           "  --w-title=X --w-centroid=X --w-length=X --damping=X --redundancy=X\n"
           "  --w-directed=X --directed-backward=X --lead-ratio=X --lead-adapt=X\n"
           "  --similarity=overlap|cosine|bm25\n"
           "\n"
           "  -h, --help            print this help and exit\n"
           "  -V, --version         print the version and exit\n"
           "\n"
           "Exit status: 0 success, 1 a file could not be read or summarized,\n"
           "2 usage error.\n"
           "Environment: SUMMARIZE_DATA_DIR, a directory of word lists that\n"
           "override the built-in ones.\n",
           progname);
}

static size_t
parse_count(const char *opt, const char *arg)
{
    char *end;
    errno = 0;
    if (*arg == '-' || *arg == '\0')
        usage_error("invalid number '%s' for %s", arg, opt);
    unsigned long long v = strtoull(arg, &end, 10);
    if (errno || *end || v > SIZE_MAX / 2)
        usage_error("invalid number '%s' for %s", arg, opt);
    return (size_t)v;
}

static double
parse_real(const char *opt, const char *arg)
{
    char *end;
    errno = 0;
    double v = strtod(arg, &end);
    if (errno || *end || end == arg || !isfinite(v))
        usage_error("invalid number '%s' for %s", arg, opt);
    return v;
}

/* ---- Scoring options: --w-position=X and the like, one per weight of
 * summ_options (README "How scoring works"). Long options only. -------- */
#define SCORING_OPT 0x200  /* getopt values SCORING_OPT + index into scoring_opts */
static const struct {
    const char *name;
    size_t off;  /* of a double in summ_options */
} scoring_opts[] = {
    { "w-textrank", offsetof(summ_options, w_textrank) },
    { "w-tfidf", offsetof(summ_options, w_tfidf) },
    { "w-position", offsetof(summ_options, w_position) },
    { "position-decay", offsetof(summ_options, position_decay) },
    { "w-title", offsetof(summ_options, w_title) },
    { "w-centroid", offsetof(summ_options, w_centroid) },
    { "w-length", offsetof(summ_options, w_length) },
    { "damping", offsetof(summ_options, damping) },
    { "redundancy", offsetof(summ_options, redundancy) },
    { "w-directed", offsetof(summ_options, w_directed) },
    { "directed-backward", offsetof(summ_options, directed_backward) },
    { "lead-ratio", offsetof(summ_options, lead_ratio) },
    { "lead-adapt", offsetof(summ_options, lead_adapt) },
    { "similarity", 0 },  /* overlap, cosine or bm25 */
};
#define N_SCORING (sizeof scoring_opts / sizeof *scoring_opts)

static void
set_scoring_opt(summ_options *o, int k, const char *arg)
{
    char name[40];
    snprintf(name, sizeof name, "--%s", scoring_opts[k].name);
    if (strcmp(scoring_opts[k].name, "similarity") == 0) {
        if (strcmp(arg, "overlap") == 0)
            o->similarity = SUMM_SIM_OVERLAP;
        else if (strcmp(arg, "cosine") == 0)
            o->similarity = SUMM_SIM_COSINE;
        else if (strcmp(arg, "bm25") == 0)
            o->similarity = SUMM_SIM_BM25;
        else
            usage_error("unknown similarity '%s' (overlap, cosine or bm25)", arg);
        return;
    }
    *(double *)((char *)o + scoring_opts[k].off) = parse_real(name, arg);
}
/* ---- end of scoring options ---- */

void
check_stdout(void)
{
    if (ferror(stdout)) {
        if (errno == EPIPE) {
            signal(SIGPIPE, SIG_DFL);
            raise(SIGPIPE);
            _exit(141);
        }
        fprintf(stderr, "%s: write error: %s\n", progname, strerror(errno));
        exit(1);
    }
}

/* Flush and close stdout before exiting with status: a write error (a full
 * disk) is reported and makes it 1, a closed pipe is quiet. */
static int
close_stdout(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout))
        check_stdout();
    if (fclose(stdout) != 0) {
        if (errno == EPIPE)
            return status;
        fprintf(stderr, "%s: write error: %s\n", progname, strerror(errno));
        return 1;
    }
    return status;
}

/* Print text[0 .. n) with every run of white space as one space. */
static void
put_collapsed(FILE *f, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' && s[j] != '\r'
               && s[j] != '\f' && s[j] != '\v')
            j++;
        fwrite(s + i, 1, j - i, f);
        if (j == n)
            break;
        while (j < n && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r'
                         || s[j] == '\f' || s[j] == '\v'))
            j++;
        if (j < n)
            putc(' ', f);
        i = j;
    }
}

int
read_all(int fd, char **out, size_t *outlen)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return ENOMEM;
    for (;;) {
        if (n == cap) {
            /* One byte past the limit is enough to know it is too big
             * (an endless /dev/zero must not take 4 GB first). */
            if (n > SUMM_MAX_INPUT) {
                free(buf);
                return EFBIG;
            }
            size_t ncap = cap * 2 > SUMM_MAX_INPUT ? SUMM_MAX_INPUT + 1 : cap * 2;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                free(buf);
                return ENOMEM;
            }
            buf = nb;
            cap = ncap;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(buf);
            return e;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    *out = buf;
    *outlen = n;
    return 0;
}

summ_status
cli_summarize(const cli *c, summ_ctx *ctx, const char *text, size_t len, summ_result **res)
{
    return c->split ? summ_split(ctx, text, len, res) : summ_run(ctx, text, len, res);
}

void
write_json_tail(FILE *f, const cli *c, const char *text, const summ_result *res)
{
    fputs(",\"language\":", f);
    const char *lang = summ_result_language(res);
    json_write_string(f, lang, strlen(lang));
    fputs(",\"sentences\":[", f);
    size_t n = summ_result_count(res);
    for (size_t i = 0; i < n; i++) {
        const summ_span *s = summ_result_at(res, i);
        fprintf(f, "%s{\"index\":%zu,\"offset\":%zu,\"length\":%zu,\"score\":%.4f,\"text\":",
                i ? "," : "", s->index, s->offset, s->length, s->score);
        json_write_string(f, text + s->offset, s->length);
        putc('}', f);
    }
    putc(']', f);
    if (c->opts.max_keywords) {
        fputs(",\"keywords\":[", f);
        size_t nk = summ_result_keyword_count(res);
        for (size_t i = 0; i < nk; i++) {
            const char *k = summ_result_keyword(res, i);
            if (i)
                putc(',', f);
            json_write_string(f, k, strlen(k));
        }
        putc(']', f);
    }
    fputs("}\n", f);
}

void
write_text(FILE *f, const char *text, const summ_result *res)
{
    size_t nk = summ_result_keyword_count(res);
    if (nk) {
        fputs("Keywords: ", f);
        for (size_t i = 0; i < nk; i++)
            fprintf(f, "%s%s", i ? ", " : "", summ_result_keyword(res, i));
        putc('\n', f);
    }
    size_t n = summ_result_count(res);
    for (size_t i = 0; i < n; i++) {
        const summ_span *s = summ_result_at(res, i);
        put_collapsed(f, text + s->offset, s->length);
        putc('\n', f);
    }
}

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "sentences", required_argument, NULL, 'n' },
        { "ratio", required_argument, NULL, 'r' },
        { "words", required_argument, NULL, 'w' },
        { "lang", required_argument, NULL, 'l' },
        { "format", required_argument, NULL, 'f' },
        { "keywords", required_argument, NULL, 'k' },
        { "split", no_argument, NULL, OPT_SPLIT },
        { "jsonl", no_argument, NULL, OPT_JSONL },
        { "invalid", required_argument, NULL, OPT_INVALID },
        { "jobs", required_argument, NULL, 'j' },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
#define S(k) { NULL, required_argument, NULL, SCORING_OPT + (k) }
        S(0), S(1), S(2), S(3), S(4), S(5), S(6), S(7), S(8), S(9), S(10), S(11), S(12), S(13),
#undef S
        { NULL, 0, NULL, 0 },
    };
    _Static_assert(N_SCORING == 14, "one longopts entry per scoring option");
    struct option opts[sizeof longopts / sizeof *longopts];
    memcpy(opts, longopts, sizeof opts);
    for (size_t k = 0; k < N_SCORING; k++)
        opts[sizeof opts / sizeof *opts - 1 - N_SCORING + k].name = scoring_opts[k].name;
    cli c;
    memset(&c, 0, sizeof c);
    summ_options_init(&c.opts);
    c.jobs = 1;
    bool length_set = false;
    size_t n_sent = 0, n_words = 0;
    double ratio = 0;

    int opt;
    opterr = 0;  /* our own messages, under our own name */
    while ((opt = getopt_long(argc, argv, ":n:r:w:l:f:k:j:hV", opts, NULL)) != -1) {
        switch (opt) {
        case 'n':
            n_sent = parse_count("--sentences", optarg);
            if (n_sent == 0)
                usage_error("%s must be at least 1", "--sentences");
            length_set = true;
            break;
        case 'r':
            ratio = parse_real("--ratio", optarg);
            if (!(ratio > 0 && ratio <= 1))
                usage_error("%s must be in (0, 1]", "--ratio");
            length_set = true;
            break;
        case 'w':
            n_words = parse_count("--words", optarg);
            if (n_words == 0)
                usage_error("%s must be at least 1", "--words");
            length_set = true;
            break;
        case 'l':
            c.opts.language = optarg;
            break;
        case 'f':
            if (strcmp(optarg, "text") == 0)
                c.format = FMT_TEXT;
            else if (strcmp(optarg, "json") == 0)
                c.format = FMT_JSON;
            else
                usage_error("unknown format '%s' (text or json)", optarg);
            break;
        case 'k':
            c.opts.max_keywords = parse_count("--keywords", optarg);
            break;
        case OPT_SPLIT:
            c.split = true;
            break;
        case OPT_JSONL:
            c.jsonl = true;
            break;
        case OPT_INVALID:
            if (strcmp(optarg, "error") == 0)
                c.replace_invalid = false;
            else if (strcmp(optarg, "replace") == 0)
                c.replace_invalid = true;
            else
                usage_error("unknown --invalid mode '%s' (error or replace)", optarg);
            break;
        case 'j': {
            size_t j = parse_count("--jobs", optarg);
            if (j > MAX_JOBS)
                usage_error("%s must be at most %d", "--jobs", MAX_JOBS);
            if (j == 0) {
                long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
                j = ncpu < 1 ? 1 : ncpu > MAX_JOBS ? MAX_JOBS : (size_t)ncpu;
            }
            c.jobs = (unsigned)j;
            break;
        }
        case 'h':
            print_help();
            return close_stdout(0);
        case 'V':
            printf("summarize %s\n", summ_version_string());
            return close_stdout(0);
        case ':':
            if (strncmp(argv[optind - 1], "--", 2) == 0)
                usage_error("option '%s' needs a value", argv[optind - 1]);
            usage_error("option '-%c' needs a value", optopt);
        default:
            if (opt >= SCORING_OPT && opt < SCORING_OPT + (int)N_SCORING) {
                set_scoring_opt(&c.opts, opt - SCORING_OPT, optarg);
                break;
            }
            /* a long option: unknown, ambiguous, or given a value it does not take */
            if (optind > 0 && strncmp(argv[optind - 1], "--", 2) == 0)
                usage_error("invalid option '%s'", argv[optind - 1]);
            usage_error("invalid option '-%c'", optopt);
        }
    }
    if (length_set) {
        c.opts.max_sentences = n_sent;
        c.opts.ratio = ratio;
        c.opts.max_words = n_words;
    }

    /* Check the options once here, so a bad one is a usage error. */
    summ_ctx *ctx;
    summ_status st = summ_new(&c.opts, &ctx);
    if (st == SUMM_ELANG)
        usage_error("unknown language '%s'", c.opts.language);
    if (st != SUMM_OK) {
        fprintf(stderr, "%s: %s\n", progname, summ_strerror(st));
        return st == SUMM_EINVAL ? 2 : 1;
    }
    summ_free(ctx);

    size_t nfiles = (size_t)(argc - optind);
    c.many = nfiles > 1 && c.format == FMT_TEXT && !c.split && !c.jsonl;
    int status = batch_run(&c, argv + optind, nfiles);
    return close_stdout(status);
}

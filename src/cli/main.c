/* main.c - summarize, the command-line tool: a thin layer over libsummarize.
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
#include "summarize_experimental.h"
#include "cli.h"


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
           "Scoring (README \"How scoring works\"; summarize_experimental.h):\n"
           "  --w-textrank=X --w-tfidf=X --w-position=X --position-decay=X\n"
           "  --w-title=X --w-centroid=X --w-length=X --damping=X --redundancy=X\n"
           "  --w-directed=X --directed-backward=X --lead-ratio=X --lead-adapt=X\n"
           "  --lead-ratio-power=X --w-cue=X --w-second-person=X --w-question=X\n"
           "  --w-citation=X --w-number=X --w-filler=X --w-long=X --long-words=X\n"
           "  --long-share=X --long-relative=X --first-person-low=X --first-person-high=X\n"
           "  --w-section=X --w-lead-section=X --similarity=overlap|cosine|bm25\n"
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

/* ---- Scoring options: --w-position=X and the like, one per experimental
 * option of the library (summarize_experimental.h; README "How scoring
 * works"), found by name. Long options only. ---------------------------- */
#define SCORING_OPT 0x200  /* getopt values SCORING_OPT + index into scoring_opts */
static const char *const scoring_opts[] = {
    "w-textrank", "w-tfidf", "w-position", "position-decay", "w-title", "w-centroid",
    "w-length", "damping", "redundancy", "w-directed", "directed-backward", "lead-ratio",
    "lead-adapt", "similarity", "w-cue", "w-second-person", "w-question", "w-citation",
    "w-number", "w-filler", "w-long", "long-words", "long-share", "first-person-low",
    "first-person-high", "w-section", "w-lead-section", "lead-ratio-power", "long-relative",
};
#define N_SCORING (sizeof scoring_opts / sizeof *scoring_opts)

static void
set_scoring_opt(summ_ctx *ctx, size_t k, const char *arg)
{
    char name[40];
    snprintf(name, sizeof name, "--%s", scoring_opts[k]);
    summ_option opt = summ_option_lookup(scoring_opts[k]);
    summ_status st;
    if (opt == SUMM_OPT_SIMILARITY) {
        int sim;
        if (strcmp(arg, "overlap") == 0)
            sim = SUMM_SIM_OVERLAP;
        else if (strcmp(arg, "cosine") == 0)
            sim = SUMM_SIM_COSINE;
        else if (strcmp(arg, "bm25") == 0)
            sim = SUMM_SIM_BM25;
        else
            usage_error("unknown similarity '%s' (overlap, cosine or bm25)", arg);
        st = summ_set_int(ctx, opt, sim);
    } else {
        st = summ_set_double(ctx, opt, parse_real(name, arg));
    }
    if (st != SUMM_OK)
        usage_error("%s: %s", name, summ_errmsg(ctx));
}
/* ---- end of scoring options ---- */

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
        S(14), S(15), S(16), S(17), S(18), S(19), S(20), S(21), S(22), S(23), S(24), S(25),
        S(26), S(27), S(28),
#undef S
        { NULL, 0, NULL, 0 },
    };
    _Static_assert(N_SCORING == 29, "one longopts entry per scoring option");
    struct option opts[sizeof longopts / sizeof *longopts];
    memcpy(opts, longopts, sizeof opts);
    for (size_t k = 0; k < N_SCORING; k++)
        opts[sizeof opts / sizeof *opts - 1 - N_SCORING + k].name = scoring_opts[k];
    cli c;
    memset(&c, 0, sizeof c);
    c.jobs = 1;
    if (summ_new(NULL, &c.proto) != SUMM_OK) {
        fprintf(stderr, "%s: out of memory\n", progname);
        return 1;
    }
    const char *lang = NULL;
    size_t keywords = 0;
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
            lang = optarg;
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
            keywords = parse_count("--keywords", optarg);
            c.keywords = true;
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
                set_scoring_opt(c.proto, (size_t)(opt - SCORING_OPT), optarg);
                break;
            }
            /* a long option: unknown, ambiguous, or given a value it does not take */
            if (optind > 0 && strncmp(argv[optind - 1], "--", 2) == 0)
                usage_error("invalid option '%s'", argv[optind - 1]);
            usage_error("invalid option '-%c'", optopt);
        }
    }
    if (length_set) {
        summ_set_int(c.proto, SUMM_OPT_MAX_SENTENCES, (long long)n_sent);
        summ_set_double(c.proto, SUMM_OPT_RATIO, ratio);
        summ_set_int(c.proto, SUMM_OPT_MAX_WORDS, (long long)n_words);
    }
    if (summ_set_int(c.proto, SUMM_OPT_MAX_KEYWORDS, (long long)keywords) != SUMM_OK)
        usage_error("--keywords: %s", summ_errmsg(c.proto));
    if (lang) {
        summ_status st = summ_set_string(c.proto, SUMM_OPT_LANGUAGE, lang);
        if (st == SUMM_ELANG)
            usage_error("unknown language '%s'", lang);
        if (st != SUMM_OK)
            usage_error("--lang: %s", summ_errmsg(c.proto));
    }

    size_t nfiles = (size_t)(argc - optind);
    c.many = nfiles > 1 && c.format == FMT_TEXT && !c.split && !c.jsonl;
    int status = batch_run(&c, argv + optind, nfiles);
    summ_free(c.proto);
    return close_stdout(status);
}

/* main.c - summarize, the command-line tool: a thin layer over libsummarize.
 *
 *   summarize [OPTION]... [FILE]...
 *
 * Reads each FILE (or standard input), prints its summary; with --jsonl,
 * each line of JSON Lines input; with --multi, one summary of them all.
 * See summarize(1) and `summarize --help`. Exit status: 0 success, 1 a
 * file or input failed (the others are still done), 2 usage error. This
 * file: the options, and which of them cannot go together (an option that
 * would be ignored is a usage error naming both); batch.c and multi.c run
 * the documents. */
#include <ctype.h>
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
    OPT_MULTI,
    OPT_STOPWORDS,
    OPT_SCORES,
    OPT_LIST_LANGUAGES,
    OPT_INPUT,
    OPT_NO_EXTRACT,
};

/* The largest count an option of the library takes (2^53, its bound for
 * every int option), as --help and the messages say it. */
#define MAX_COUNT 9007199254740992ull

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

/* The input formats' names, "auto, text, html": from the library, so
 * that a format added there needs nothing here. */
static const char *
format_names(void)
{
    static char names[256];
    size_t o = 0;
    for (int f = 0; f < 64; f++) {
        const char *n = summ_format_name((summ_format)f);
        if (n && o + strlen(n) + 3 < sizeof names)
            o += (size_t)snprintf(names + o, sizeof names - o, "%s%s", o ? ", " : "", n);
    }
    return names;
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
           "  -w, --words=N         at most N words in all, the best set that fits\n"
           "  -c, --chars=N         at most N characters in all (code points of the\n"
           "                        printed sentences), the best set that fits\n"
           "\n"
           "What to summarize:\n"
           "  -q, --query=TEXT      lean toward the sentences about TEXT (words, a\n"
           "                        question); a warning if no sentence has its words\n"
           "      --multi           one summary of all the FILEs together (a news\n"
           "                        story's reports, a thread): no sentence twice,\n"
           "                        each file heard when the length allows\n"
           "      --stopwords=FILE  more stopwords (white-space separated) for this run;\n"
           "                        again for more files\n"
           "  -l, --lang=CODE       language: ISO 639-1 code (en, en-US) or name,\n"
           "                        'auto' (default) or 'none'\n"
           "      --list-languages  print the languages known, and exit\n"
           "\n"
           "Output:\n"
           "  -f, --format=FORMAT   text (default): one sentence a line, white space\n"
           "                        collapsed; json: one JSON object per document;\n"
           "                        html: one page, the whole text with the summary\n"
           "                        marked and every score on hover\n"
           "      --scores          every sentence with its score, the summary's\n"
           "                        marked (text: SCORE TAB * TAB SENTENCE)\n"
           "  -k, --keywords=N      also print the top N keywords\n"
           "      --split           print every sentence, one a line, no scoring\n"
           "      --invalid=MODE    bytes that are not UTF-8: error (default: report\n"
           "                        the file and skip it) or replace (each one by\n"
           "                        U+FFFD, with a warning)\n"
           "\n"
           "Input:\n"
           "      --input=FORMAT    the input's format: %s\n"
           "                        (auto, the default: told from the content)\n"
           "      --no-extract      HTML: every visible block, not only the main text\n"
           "                        (the article without menus, footers, comments)\n"
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
           "  --w-query=X --query-bias=X --query-position=X --multi-redundancy=X\n"
           "\n"
           "  -h, --help            print this help and exit\n"
           "  -V, --version         print the version and exit\n"
           "\n"
           "Input: plain text, Markdown, e-mail (a message or an mbox), text from a\n"
           "PDF, SRT or WebVTT subtitles, or a transcript of labelled turns, told from\n"
           "the content: markup, code, quoted replies, signatures, disclaimers, page\n"
           "furniture and timings are not summarized (summarize(1), INPUT FORMATS).\n"
           "\n"
           "Options that cannot apply together (--split -n 2, --jsonl -f text, ...)\n"
           "are a usage error.\n"
           "Exit status: 0 success, 1 a file could not be read or summarized,\n"
           "2 usage error.\n"
           "Environment: SUMMARIZE_DATA_DIR, a directory of word lists that\n"
           "override the built-in ones.\n",
           progname, format_names());
}

static size_t
parse_count(const char *opt, const char *arg, unsigned long long max)
{
    char *end;
    errno = 0;
    if (*arg == '-' || *arg == '+' || *arg == '\0' || isspace((unsigned char)*arg))
        usage_error("invalid number '%s' for %s", arg, opt);
    unsigned long long v = strtoull(arg, &end, 10);
    if (*end || end == arg)
        usage_error("invalid number '%s' for %s", arg, opt);
    if (errno == ERANGE || v > max || v > SIZE_MAX)
        usage_error("number '%s' for %s is too large (at most %llu)", arg, opt,
                    max < SIZE_MAX ? max : (unsigned long long)SIZE_MAX);
    if (errno)
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
    "w-query", "query-bias", "query-position", "multi-redundancy",
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

/* What the command line asked for, by option name, for the checks of
 * what cannot go together; NULL = not given. */
typedef struct given {
    const char *split, *length, *keywords, *query, *scores, *multi, *jsonl, *format, *jobs;
    const char *invalid_replace, *scoring;
} given;

static void
conflict(const char *a, const char *b, const char *why)
{
    if (a && b)
        usage_error("%s and %s cannot be used together: %s", a, b, why);
}

static void
check_conflicts(const given *g, const cli *c, size_t nfiles)
{
    const char *noscore = "--split prints every sentence, without scoring";
    conflict(g->split, g->length, noscore);
    conflict(g->split, g->keywords, noscore);
    conflict(g->split, g->query, noscore);
    conflict(g->split, g->scores, noscore);
    conflict(g->split, g->scoring, noscore);
    conflict(g->split, g->multi, "--multi summarizes the files as one");
    if (c->format == FMT_HTML)
        conflict(g->split, g->format, "the page shows a summary");
    if (c->format != FMT_JSON)
        conflict(g->jsonl, g->format, "--jsonl writes one JSON line per input line");
    conflict(g->jsonl, g->multi, "--jsonl summarizes each line on its own");
    conflict(g->jsonl, g->invalid_replace, "a JSON line must be valid UTF-8");
    conflict(g->multi, g->jobs, "--multi makes one summary, on one thread");
    if (c->format == FMT_HTML && nfiles > 1 && !c->multi)
        usage_error("%s writes one page: give one FILE, or --multi for one page of all",
                    g->format);
}

/* The languages, for --list-languages and an unknown -l. */
static void
list_languages(FILE *f, const char *sep, bool names)
{
    const char *const *l = summ_languages();
    for (size_t i = 0; l[i]; i++) {
        if (names)
            fprintf(f, "%s\t%s\n", l[i], summ_language_name(l[i]));
        else
            fprintf(f, "%s%s", i ? sep : "", l[i]);
    }
}

static void
set_language(summ_ctx *ctx, const char *lang)
{
    summ_status st = summ_set_string(ctx, SUMM_OPT_LANGUAGE, lang);
    if (st == SUMM_ELANG) {
        fprintf(stderr, "%s: unknown language '%s'; known: ", progname, lang);
        list_languages(stderr, " ", false);
        fprintf(stderr, " (--list-languages names them); -l auto tells it from the text,"
                        " -l none reads it without stemming or stopwords\n"
                        "Try '%s --help' for more information.\n", progname);
        exit(2);
    }
    if (st != SUMM_OK)
        usage_error("--lang: %s", summ_errmsg(ctx));
}

/* The words of --stopwords FILE appended to *all (*len bytes so far, a
 * line between files). */
static void
read_stopwords(const char *path, char **all, size_t *len)
{
    bool is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
    struct stat sb;
    int err = fd < 0 ? errno : fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode) ? EISDIR : 0;
    char *text = NULL;
    size_t n = 0;
    if (!err)
        err = read_all(fd, &text, &n);
    if (fd > STDIN_FILENO)
        close(fd);
    if (err)
        usage_error("--stopwords: %s: %s", path, read_error(err));
    if (memchr(text, '\0', n))
        usage_error("--stopwords: %s: binary data (a NUL byte), not a word list", path);
    char *z = n < SIZE_MAX - 2 - *len ? realloc(*all, *len + n + 2) : NULL;
    if (!z)
        usage_error("--stopwords: %s: %s", path, strerror(ENOMEM));
    memcpy(z + *len, text, n);
    z[*len + n] = '\n';
    z[*len + n + 1] = '\0';
    *len += n + 1;
    *all = z;
    free(text);
}

/* --stopwords FILE, each time it is given: their words together, for
 * SUMM_OPT_STOPWORDS (a second list adds to the first, as the option
 * says "more stopwords", rather than replacing it unseen). */
static void
set_stopwords(summ_ctx *ctx, char *const *paths, size_t npaths)
{
    char *all = NULL;
    size_t len = 0;
    for (size_t k = 0; k < npaths; k++)
        read_stopwords(paths[k], &all, &len);
    if (summ_set_string(ctx, SUMM_OPT_STOPWORDS, all) != SUMM_OK)
        usage_error("--stopwords: %s", summ_errmsg(ctx));
    free(all);
}

/* Does anything besides --stopwords read standard input: no FILE, or "-"? */
static bool
text_on_stdin(char *const *files, size_t nfiles)
{
    if (nfiles == 0)
        return true;
    for (size_t k = 0; k < nfiles; k++)
        if (strcmp(files[k], "-") == 0)
            return true;
    return false;
}

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "sentences", required_argument, NULL, 'n' },
        { "ratio", required_argument, NULL, 'r' },
        { "words", required_argument, NULL, 'w' },
        { "chars", required_argument, NULL, 'c' },
        { "query", required_argument, NULL, 'q' },
        { "multi", no_argument, NULL, OPT_MULTI },
        { "stopwords", required_argument, NULL, OPT_STOPWORDS },
        { "lang", required_argument, NULL, 'l' },
        { "list-languages", no_argument, NULL, OPT_LIST_LANGUAGES },
        { "format", required_argument, NULL, 'f' },
        { "scores", no_argument, NULL, OPT_SCORES },
        { "keywords", required_argument, NULL, 'k' },
        { "split", no_argument, NULL, OPT_SPLIT },
        { "jsonl", no_argument, NULL, OPT_JSONL },
        { "invalid", required_argument, NULL, OPT_INVALID },
        { "input", required_argument, NULL, OPT_INPUT },
        { "no-extract", no_argument, NULL, OPT_NO_EXTRACT },
        { "jobs", required_argument, NULL, 'j' },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
#define S(k) { NULL, required_argument, NULL, SCORING_OPT + (k) }
        S(0), S(1), S(2), S(3), S(4), S(5), S(6), S(7), S(8), S(9), S(10), S(11), S(12), S(13),
        S(14), S(15), S(16), S(17), S(18), S(19), S(20), S(21), S(22), S(23), S(24), S(25),
        S(26), S(27), S(28), S(29), S(30), S(31), S(32),
#undef S
        { NULL, 0, NULL, 0 },
    };
    _Static_assert(N_SCORING == 33, "one longopts entry per scoring option");
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
    /* at most one --stopwords per argument */
    char **stopwords = calloc((size_t)argc, sizeof *stopwords);
    size_t nstop = 0;
    bool stop_stdin = false;
    if (!stopwords) {
        fprintf(stderr, "%s: out of memory\n", progname);
        return 1;
    }
    size_t keywords = 0;
    bool length_set = false;
    size_t n_sent = 0, n_words = 0, n_chars = 0;
    double ratio = 0;
    given g = { 0 };
    static char scoring_name[40], format_name[40];

    int opt;
    opterr = 0;  /* our own messages, under our own name */
    while ((opt = getopt_long(argc, argv, ":n:r:w:c:q:l:f:k:j:hV", opts, NULL)) != -1) {
        switch (opt) {
        case 'n':
            n_sent = parse_count("--sentences", optarg, MAX_COUNT);
            if (n_sent == 0)
                usage_error("%s must be at least 1", "--sentences");
            length_set = true;
            g.length = "--sentences";
            break;
        case 'r':
            ratio = parse_real("--ratio", optarg);
            if (!(ratio > 0 && ratio <= 1))
                usage_error("%s must be in (0, 1]", "--ratio");
            length_set = true;
            g.length = "--ratio";
            break;
        case 'w':
            n_words = parse_count("--words", optarg, MAX_COUNT);
            if (n_words == 0)
                usage_error("%s must be at least 1", "--words");
            length_set = true;
            g.length = "--words";
            break;
        case 'c':
            n_chars = parse_count("--chars", optarg, MAX_COUNT);
            if (n_chars == 0)
                usage_error("%s must be at least 1", "--chars");
            length_set = true;
            g.length = "--chars";
            break;
        case 'q':
            if (!*optarg || strspn(optarg, " \t\n\r\f\v") == strlen(optarg))
                usage_error("%s needs words", "--query");
            if (summ_set_string(c.proto, SUMM_OPT_QUERY, optarg) != SUMM_OK)
                usage_error("--query: %s", summ_errmsg(c.proto));
            c.has_query = true;
            g.query = "--query";
            break;
        case OPT_MULTI:
            c.multi = true;
            g.multi = "--multi";
            break;
        case OPT_STOPWORDS:
            if (strcmp(optarg, "-") == 0) {
                if (stop_stdin)
                    usage_error("--stopwords=- given twice (standard input is read once)");
                stop_stdin = true;
            }
            stopwords[nstop++] = optarg;
            break;
        case 'l':
            lang = optarg;
            break;
        case OPT_LIST_LANGUAGES:
            list_languages(stdout, "", true);
            summ_free(c.proto);
            free(stopwords);
            return close_stdout(0);
        case 'f':
            if (strcmp(optarg, "text") == 0)
                c.format = FMT_TEXT;
            else if (strcmp(optarg, "json") == 0)
                c.format = FMT_JSON;
            else if (strcmp(optarg, "html") == 0)
                c.format = FMT_HTML;
            else
                usage_error("unknown format '%s' (text, json or html)", optarg);
            snprintf(format_name, sizeof format_name, "--format=%s", optarg);
            g.format = format_name;
            break;
        case OPT_SCORES:
            c.scores = true;
            g.scores = "--scores";
            break;
        case 'k':
            keywords = parse_count("--keywords", optarg, MAX_COUNT);
            c.keywords = true;
            g.keywords = "--keywords";
            break;
        case OPT_SPLIT:
            c.split = true;
            g.split = "--split";
            break;
        case OPT_JSONL:
            c.jsonl = true;
            g.jsonl = "--jsonl";
            break;
        case OPT_INVALID:
            if (strcmp(optarg, "error") == 0)
                c.replace_invalid = false;
            else if (strcmp(optarg, "replace") == 0)
                c.replace_invalid = true;
            else
                usage_error("unknown --invalid mode '%s' (error or replace)", optarg);
            g.invalid_replace = c.replace_invalid ? "--invalid=replace" : NULL;
            break;
        case OPT_INPUT: {
            int f = summ_format_lookup(optarg);
            if (f < 0)
                usage_error("unknown input format '%s' (%s)", optarg, format_names());
            if (!summ_format_supported((summ_format)f))
                usage_error("%s input is not supported by this build", optarg);
            summ_set_int(c.proto, SUMM_OPT_INPUT_FORMAT, f);
            break;
        }
        case OPT_NO_EXTRACT:
            summ_set_int(c.proto, SUMM_OPT_EXTRACT, 0);
            break;
        case 'j': {
            /* the bound of --jobs, not of counts, in the message of a huge one */
            size_t j = parse_count("--jobs", optarg, MAX_JOBS);
            if (j == 0) {
                long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
                j = ncpu < 1 ? 1 : ncpu > MAX_JOBS ? MAX_JOBS : (size_t)ncpu;
            }
            c.jobs = (unsigned)j;
            g.jobs = "--jobs";
            break;
        }
        case 'h':
            print_help();
            summ_free(c.proto);
            free(stopwords);
            return close_stdout(0);
        case 'V':
            printf("summarize %s\n", summ_version_string());
            summ_free(c.proto);
            free(stopwords);
            return close_stdout(0);
        case ':':
            if (strncmp(argv[optind - 1], "--", 2) == 0)
                usage_error("option '%s' needs a value", argv[optind - 1]);
            usage_error("option '-%c' needs a value", optopt);
        default:
            if (opt >= SCORING_OPT && opt < SCORING_OPT + (int)N_SCORING) {
                size_t k = (size_t)(opt - SCORING_OPT);
                set_scoring_opt(c.proto, k, optarg);
                snprintf(scoring_name, sizeof scoring_name, "--%s", scoring_opts[k]);
                g.scoring = scoring_name;
                break;
            }
            /* a long option: unknown, ambiguous, or given a value it does not take */
            if (optind > 0 && strncmp(argv[optind - 1], "--", 2) == 0)
                usage_error("invalid option '%s'", argv[optind - 1]);
            usage_error("invalid option '-%c'", optopt);
        }
    }
    size_t nfiles = (size_t)(argc - optind);
    check_conflicts(&g, &c, nfiles);
    if (length_set) {
        summ_set_int(c.proto, SUMM_OPT_MAX_SENTENCES, (long long)n_sent);
        summ_set_double(c.proto, SUMM_OPT_RATIO, ratio);
        summ_set_int(c.proto, SUMM_OPT_MAX_WORDS, (long long)n_words);
        if (n_chars && summ_set_int(c.proto, SUMM_OPT_MAX_CHARS, (long long)n_chars) != SUMM_OK)
            usage_error("--chars: %s", summ_errmsg(c.proto));
    }
    if (summ_set_int(c.proto, SUMM_OPT_MAX_KEYWORDS, (long long)keywords) != SUMM_OK)
        usage_error("--keywords: %s", summ_errmsg(c.proto));
    if (lang)
        set_language(c.proto, lang);
    /* stdin read for the word list would leave the text empty, unseen */
    if (stop_stdin && text_on_stdin(argv + optind, nfiles))
        usage_error("--stopwords=- and the text cannot both be standard input");
    if (nstop)
        set_stopwords(c.proto, stopwords, nstop);
    free(stopwords);

    c.many = nfiles > 1 && c.format == FMT_TEXT && !c.split && !c.jsonl;
    int status = c.multi ? multi_run(&c, argv + optind, nfiles)
                         : batch_run(&c, argv + optind, nfiles);
    summ_free(c.proto);
    return close_stdout(status);
}

/* summarize - the command-line tool: a thin layer over libsummarize.
 *
 *   summarize [OPTION]... [FILE]...
 *
 * Reads each FILE (or standard input), prints its summary. See
 * summarize(1) and `summarize --help`. Exit status: 0 success, 1 a file
 * or input failed (the others are still done), 2 usage error. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "summarize.h"
#include "json.h"
#include "utf8fix.h"

static const char *progname = "summarize";

enum format { FMT_TEXT, FMT_JSON };

typedef struct cli {
    summ_options opts;
    enum format format;
    bool split;
    bool replace_invalid; /* --invalid=replace */
    bool many;        /* more than one file: print headers */
    size_t done;      /* documents printed so far */
} cli;

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
        usage_error("invalid number for %s", opt);
    unsigned long long v = strtoull(arg, &end, 10);
    if (errno || *end || v > SIZE_MAX / 2)
        usage_error("invalid number for %s", opt);
    return (size_t)v;
}

static double
parse_real(const char *opt, const char *arg)
{
    char *end;
    errno = 0;
    double v = strtod(arg, &end);
    if (errno || *end || end == arg || !isfinite(v))
        usage_error("invalid number for %s", opt);
    return v;
}

/* Write, treating a closed pipe like the default SIGPIPE would: quietly. */
static void
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
put_collapsed(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' && s[j] != '\r'
               && s[j] != '\f' && s[j] != '\v')
            j++;
        fwrite(s + i, 1, j - i, stdout);
        if (j == n)
            break;
        while (j < n && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r'
                         || s[j] == '\f' || s[j] == '\v'))
            j++;
        if (j < n)
            putchar(' ');
        i = j;
    }
}

/* Read all of fd into a new buffer. Returns 0 or an errno value. */
static int
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

static void
print_result(cli *c, const char *name, const char *text, const summ_result *res)
{
    size_t n = summ_result_count(res);
    if (c->format == FMT_JSON) {
        fputs("{\"file\":", stdout);
        json_write_string(stdout, name, strlen(name));
        fputs(",\"language\":", stdout);
        const char *lang = summ_result_language(res);
        json_write_string(stdout, lang, strlen(lang));
        fputs(",\"sentences\":[", stdout);
        for (size_t i = 0; i < n; i++) {
            const summ_span *s = summ_result_at(res, i);
            printf("%s{\"index\":%zu,\"offset\":%zu,\"length\":%zu,\"score\":%.4f,\"text\":",
                   i ? "," : "", s->index, s->offset, s->length, s->score);
            json_write_string(stdout, text + s->offset, s->length);
            putchar('}');
        }
        putchar(']');
        size_t nk = summ_result_keyword_count(res);
        if (c->opts.max_keywords) {
            fputs(",\"keywords\":[", stdout);
            for (size_t i = 0; i < nk; i++) {
                const char *k = summ_result_keyword(res, i);
                if (i)
                    putchar(',');
                json_write_string(stdout, k, strlen(k));
            }
            putchar(']');
        }
        fputs("}\n", stdout);
    } else {
        if (c->many) {
            /* a file name is any bytes: print it as UTF-8 all the same */
            const char *shown = strcmp(name, "-") == 0 ? "standard input" : name;
            size_t n_shown, nbad, first;
            char *fixed = utf8_replace_invalid(shown, strlen(shown), &n_shown, &nbad, &first);
            printf("%s==> %.*s <==\n", c->done ? "\n" : "", fixed ? (int)n_shown : 0,
                   fixed ? fixed : "");
            free(fixed);
        }
        size_t nk = summ_result_keyword_count(res);
        if (nk) {
            fputs("Keywords: ", stdout);
            for (size_t i = 0; i < nk; i++)
                printf("%s%s", i ? ", " : "", summ_result_keyword(res, i));
            putchar('\n');
        }
        for (size_t i = 0; i < n; i++) {
            const summ_span *s = summ_result_at(res, i);
            put_collapsed(text + s->offset, s->length);
            putchar('\n');
        }
    }
    c->done++;
    check_stdout();
}

/* Does text look like UTF-16 (a byte order mark, or NUL in every other
 * byte of its start, as in ASCII text so encoded)? */
static bool
looks_utf16(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
        return true;
    size_t n = len < 64 ? len & ~(size_t)1 : 64, zeros[2] = { 0, 0 };
    for (size_t i = 0; i < n; i++)
        zeros[i & 1] += s[i] == 0;
    return n >= 2 && (zeros[0] == n / 2 || zeros[1] == n / 2);
}

/* What to do about a text the library refused. */
static const char *
error_hint(summ_status st, const char *text, size_t len)
{
    if ((st == SUMM_EUTF8 || st == SUMM_EBINARY) && looks_utf16(text, len))
        return " (UTF-16 text? convert it first: iconv -f UTF-16 -t UTF-8)";
    if (st == SUMM_EUTF8)
        return " (Latin-1 or Windows-1252? convert it first: iconv -f WINDOWS-1252"
               " -t UTF-8, or use --invalid=replace)";
    return "";
}

/* Summarize one file ("-" = stdin). Returns false if it failed. */
static bool
do_file(cli *c, summ_ctx *ctx, const char *path)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "standard input" : path;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "%s: %s: %s\n", progname, name, strerror(errno));
        return false;
    }
    struct stat sb;
    if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        fprintf(stderr, "%s: %s: %s\n", progname, name, strerror(EISDIR));
        if (!is_stdin)
            close(fd);
        return false;
    }
    char *text = NULL;
    size_t len = 0;
    int err = read_all(fd, &text, &len);
    if (!is_stdin)
        close(fd);
    if (err == EFBIG) {
        fprintf(stderr, "%s: %s: larger than the limit of %zu bytes\n", progname, name,
                (size_t)SUMM_MAX_INPUT);
        return false;
    }
    if (err) {
        fprintf(stderr, "%s: %s: %s\n", progname, name, strerror(err));
        return false;
    }

    if (c->replace_invalid) {
        size_t fixed_len, nbad, first;
        char *fixed = utf8_replace_invalid(text, len, &fixed_len, &nbad, &first);
        free(text);
        if (!fixed) {
            fprintf(stderr, "%s: %s: %s\n", progname, name, strerror(ENOMEM));
            return false;
        }
        if (nbad)
            fprintf(stderr, "%s: %s: warning: %zu byte%s of invalid UTF-8 replaced by U+FFFD,"
                    " the first at byte %zu\n", progname, name, nbad, nbad == 1 ? "" : "s", first);
        text = fixed;
        len = fixed_len;
    }

    summ_result *res = NULL;
    summ_status st = c->split ? summ_split(ctx, text, len, &res) : summ_run(ctx, text, len, &res);
    if (st != SUMM_OK) {
        const char *msg = summ_errmsg(ctx);
        fprintf(stderr, "%s: %s: %s%s\n", progname, name, *msg ? msg : summ_strerror(st),
                error_hint(st, text, len));
        free(text);
        return false;
    }
    print_result(c, is_stdin ? "-" : path, text, res);
    summ_result_free(res);
    free(text);
    return true;
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
        { "split", no_argument, NULL, 'S' },
        { "invalid", required_argument, NULL, 'I' },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 },
    };
    cli c;
    memset(&c, 0, sizeof c);
    summ_options_init(&c.opts);
    bool length_set = false;
    size_t n_sent = 0, n_words = 0;
    double ratio = 0;

    int opt;
    opterr = 0;  /* our own messages, under our own name */
    while ((opt = getopt_long(argc, argv, ":n:r:w:l:f:k:hV", longopts, NULL)) != -1) {
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
        case 'S':
            c.split = true;
            break;
        case 'I':
            if (strcmp(optarg, "error") == 0)
                c.replace_invalid = false;
            else if (strcmp(optarg, "replace") == 0)
                c.replace_invalid = true;
            else
                usage_error("unknown --invalid mode '%s' (error or replace)", optarg);
            break;
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

    summ_ctx *ctx;
    summ_status st = summ_new(&c.opts, &ctx);
    if (st == SUMM_ELANG)
        usage_error("unknown language '%s'", c.opts.language);
    if (st != SUMM_OK) {
        fprintf(stderr, "%s: %s\n", progname, summ_strerror(st));
        return st == SUMM_EINVAL ? 2 : 1;
    }

    int status = 0;
    int nfiles = argc - optind;
    c.many = nfiles > 1 && c.format == FMT_TEXT && !c.split;
    if (nfiles == 0) {
        if (!do_file(&c, ctx, "-"))
            status = 1;
    }
    for (int i = optind; i < argc; i++) {
        if (!do_file(&c, ctx, argv[i]))
            status = 1;
    }
    summ_free(ctx);
    return close_stdout(status);
}

/* floor.c - the floor under `summarize --jsonl`: the work no summarizer of
 * the same records can skip, done with the library's own pieces, so that
 * tests/bench/speed.sh can print how far above it the tool is.
 *
 *   floor FILE.jsonl
 *
 * Per line: read it, parse the record (the CLI's json.c), check the text
 * as UTF-8 (summ__utf8_check), cut it into words (the library's one rule:
 * runs of letters, marks and digits), fold each (summ__fold_word), hash it
 * (summ__hash) and look it up in a cache of Snowball stems (English;
 * stemmed once per distinct word, as the library's lexicon does); then
 * write one JSON line per record (its id and counts). No segmentation,
 * no language detection, no scoring: a lower bound, not a summarizer. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libstemmer.h>

#include "core/core.h"
#include "json.h"
#include "text/chars.h"
#include "text/fold.h"
#include "text/utf8.h"

/* word -> stem id, open addressing; words and stems in one pool */
typedef struct ent {
    uint32_t off, len, stem;
} ent;

typedef struct cache {
    ent *slot;
    size_t cap, count;
    char *pool;
    size_t npool, cappool;
    uint32_t nstem;
    struct sb_stemmer *stemmer;
} cache;

static void
die(const char *what)
{
    fprintf(stderr, "floor: %s\n", what);
    exit(1);
}

static uint32_t
pool_add(cache *c, const char *s, size_t n)
{
    if (c->npool + n > c->cappool) {
        c->cappool = (c->npool + n) * 2;
        c->pool = realloc(c->pool, c->cappool);
        if (!c->pool)
            die("out of memory");
    }
    memcpy(c->pool + c->npool, s, n);
    c->npool += n;
    return (uint32_t)(c->npool - n);
}

static void
grow(cache *c)
{
    size_t ncap = c->cap ? c->cap * 2 : 1 << 12;
    ent *ns = calloc(ncap, sizeof *ns);
    if (!ns)
        die("out of memory");
    for (size_t i = 0; i < c->cap; i++) {
        if (!c->slot[i].len)
            continue;
        size_t j = summ__hash(c->pool + c->slot[i].off, c->slot[i].len) & (ncap - 1);
        while (ns[j].len)
            j = (j + 1) & (ncap - 1);
        ns[j] = c->slot[i];
    }
    free(c->slot);
    c->slot = ns;
    c->cap = ncap;
}

static uint32_t
stem_of(cache *c, const char *w, size_t n)
{
    if ((c->count + 1) * 2 > c->cap)
        grow(c);
    size_t j = summ__hash(w, n) & (c->cap - 1);
    while (c->slot[j].len) {
        if (c->slot[j].len == n && memcmp(c->pool + c->slot[j].off, w, n) == 0)
            return c->slot[j].stem;
        j = (j + 1) & (c->cap - 1);
    }
    const sb_symbol *st = sb_stemmer_stem(c->stemmer, (const sb_symbol *)w, (int)n);
    if (!st)
        die("out of memory");
    pool_add(c, (const char *)st, (size_t)sb_stemmer_length(c->stemmer));
    c->slot[j] = (ent){ pool_add(c, w, n), (uint32_t)n, c->nstem++ };
    c->count++;
    return c->slot[j].stem;
}

/* The words of text: how many, and the sum of their stem ids (so that
 * nothing can be optimised away). */
static void
words(cache *c, const char *text, size_t len, size_t *nwords, uint64_t *sum)
{
    const unsigned char *s = (const unsigned char *)text, *end = s + len;
    size_t i = 0, start = SIZE_MAX;
    char buf[128];
    while (i <= len) {
        int32_t cp = 0;
        size_t n = 1;
        bool in = false;
        if (i < len) {
            if (ascii_alnum(s[i])) {
                if (start == SIZE_MAX)
                    start = i;
                i++;
                continue;
            }
            n = s[i] < 0x80 ? (cp = s[i], 1) : utf8_decode(s + i, end, &cp);
            in = is_word_cp(cp);
        }
        if (in) {
            if (start == SIZE_MAX)
                start = i;
        } else if (start != SIZE_MAX) {
            size_t m = summ__fold_word(text + start, i - start, buf, sizeof buf);
            if (m <= sizeof buf) {
                *sum += stem_of(c, buf, m);
                (*nwords)++;
            }
            start = SIZE_MAX;
        }
        i += n;
    }
}

int
main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: floor FILE.jsonl\n");
        return 2;
    }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0)
        die("cannot open the input");
    cache c = { .stemmer = sb_stemmer_new("english", "UTF_8") };
    if (!c.stemmer)
        die("no English stemmer");
    static char out[1 << 16];
    setvbuf(stdout, out, _IOFBF, sizeof out);
    size_t cap = 1 << 20, start = 0, end = 0;
    char *buf = malloc(cap);
    bool eof = false;
    while (!eof || start < end) {
        char *nl = start < end ? memchr(buf + start, '\n', end - start) : NULL;
        if (!nl && !eof) {
            memmove(buf, buf + start, end - start);
            end -= start;
            start = 0;
            if (end == cap && !(buf = realloc(buf, cap *= 2)))
                die("out of memory");
            ssize_t got = read(fd, buf + end, cap - end);
            if (got < 0)
                die("read error");
            eof = got == 0;
            end += (size_t)got;
            continue;
        }
        const char *line = buf + start;
        size_t linelen = nl ? (size_t)(nl - line) : end - start;
        json_record rec;
        char err[200];
        size_t nw = 0, bad;
        uint64_t sum = 0;
        int ok = json_parse_record(line, linelen, &rec, err, sizeof err) == 0
                 && summ__utf8_check(rec.text, rec.textlen, &bad) == 0;
        if (ok)
            words(&c, rec.text, rec.textlen, &nw, &sum);
        fputs("{\"id\":", stdout);
        if (rec.id)
            fwrite(rec.id, 1, rec.idlen, stdout);
        else
            fputs("null", stdout);
        printf(",\"words\":%zu,\"sum\":%llu}\n", nw, (unsigned long long)sum);
        json_record_free(&rec);
        start += nl ? linelen + 1 : linelen;
    }
    free(buf);
    free(c.slot);
    free(c.pool);
    sb_stemmer_delete(c.stemmer);
    return fflush(stdout) == 0 ? 0 : 1;
}

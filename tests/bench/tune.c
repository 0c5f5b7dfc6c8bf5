/* tune.c - the tuning harness behind tests/bench/tune.py. Not installed.
 *
 *   tune [--sim-seg] SET [SET ...]
 *
 * where a SET is either FILE.jsonl LENGTHS.tsv|K ({"id": ..., "text": ...}
 * per line; k per document from lengths.tsv, or K for all) or DIR k|w (a
 * set of ../shared/eval/genres: DIR/lengths.tsv and DIR/articles/<id>.txt;
 * the summary is k sentences, or at most w words, per document). Reads
 * every document once, runs the pipeline up to TF-IDF once per document
 * (input check, plain text, language detected) and keeps it, then prints
 *   D <tab> id <tab> k <tab> w <tab> nsent   per document (w 0 for rule k),
 *   S <tab> flags <tab> sentence text        per sentence (newlines -> spaces)
 * and a line "READY". Then, for every line of options on stdin
 * ("w_position=0.5 similarity=1 ..."), it scores and selects with those
 * options (the summary length is each document's k, or its w words) and
 * prints one line "P <tab> i j k" of chosen sentence indices per document,
 * then "END".
 * So a grid search costs one tokenization, not one process per document.
 *
 * The option names are those of summ_option_lookup() (summarize_experimental.h
 * for the scoring weights); max_sentences is each document's k.
 *
 * --sim-seg simulates what segment.c is expected to do (it does not do it
 * yet): a first line that is a paragraph of its own without final
 * punctuation is a heading (and the title), and a leading dateline ending in
 * "(CNN)" or "--" is cut off the first sentence. */
#include <dirent.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "context.h"
#include "input/input.h"

typedef struct bdoc {
    char *id;
    char *text;
    size_t len, k, w;  /* w: a word budget instead of k sentences */
    arena ar;
    doc d;
    tfidf v;
} bdoc;

/* Decode the JSON string that starts after the opening quote at p. */
static char *
json_string(const char *p, size_t *len)
{
    size_t cap = strlen(p) + 1, n = 0;
    char *out = malloc(cap);
    while (*p && *p != '"') {
        unsigned c = (unsigned char)*p++;
        if (c != '\\') {
            out[n++] = (char)c;
            continue;
        }
        c = (unsigned char)*p++;
        switch (c) {
        case 'n': out[n++] = '\n'; break;
        case 't': out[n++] = '\t'; break;
        case 'r': out[n++] = '\r'; break;
        case 'b': out[n++] = '\b'; break;
        case 'f': out[n++] = '\f'; break;
        case 'u': {
            unsigned cp = (unsigned)strtoul((char[5]){ p[0], p[1], p[2], p[3], 0 }, NULL, 16);
            p += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && p[0] == '\\' && p[1] == 'u') {
                unsigned lo = (unsigned)strtoul((char[5]){ p[2], p[3], p[4], p[5], 0 }, NULL, 16);
                p += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            if (cp < 0x80) {
                out[n++] = (char)cp;
            } else if (cp < 0x800) {
                out[n++] = (char)(0xC0 | cp >> 6);
                out[n++] = (char)(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                out[n++] = (char)(0xE0 | cp >> 12);
                out[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                out[n++] = (char)(0x80 | (cp & 0x3F));
            } else {
                out[n++] = (char)(0xF0 | cp >> 18);
                out[n++] = (char)(0x80 | ((cp >> 12) & 0x3F));
                out[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                out[n++] = (char)(0x80 | (cp & 0x3F));
            }
            break;
        }
        default: out[n++] = (char)c; break;
        }
    }
    out[n] = '\0';
    *len = n;
    return out;
}

static char *
json_field(const char *line, const char *key, size_t *len)
{
    char pat[32];
    snprintf(pat, sizeof pat, "\"%s\": \"", key);
    const char *p = strstr(line, pat);
    if (!p)
        return NULL;
    return json_string(p + strlen(pat), len);
}

/* The segmentation helper's expected behaviour, simulated (see top). */
static void
sim_seg(doc *d)
{
    if (d->nsent > 1) {
        sentence *s = &d->sent[0];
        unsigned char last = (unsigned char)d->text[s->end - 1];
        if (s->para != d->sent[1].para && !strchr(".!?\"'", last) && last < 0x80)
            s->flags |= SUMM_FLAG_HEADING;
    }
    if (d->nsent) {
        sentence *s = &d->sent[0];
        for (uint32_t i = s->start; i + 5 <= s->end && i < s->start + 100; i++) {
            if (memcmp(d->text + i, "(CNN)", 5) == 0) {
                uint32_t j = i + 5;
                while (j < s->end && (d->text[j] == ' ' || d->text[j] == '-'))
                    j++;
                s->start = j;
                break;
            }
        }
    }
}

static const strset *
no_stopwords(void *ud, const char *text, size_t len)
{
    (void)ud;
    (void)text;
    (void)len;
    return NULL;
}

/* As pipeline.c prepares a document, up to its TF-IDF vectors. */
static summ_status
prepare(summ_ctx *ctx, bdoc *b, bool sim)
{
    summ_status st;
    summ__arena_init(&b->ar, &ctx->al);
    b->d = (doc){ .src = b->text, .srclen = b->len, .ar = &b->ar, .title = SIZE_MAX };
    input_env env = { no_stopwords, NULL, NULL, false };
    if ((st = summ__input_check(b->text, b->len, &b->d.start, &ctx->err)) != SUMM_OK
        || (st = summ__input_read(&b->d, SUMM_FORMAT_TEXT, &env, &ctx->err)) != SUMM_OK)
        return st;
    b->d.lang = summ__lang_detect(&ctx->lang_cache, &ctx->al, b->d.text + b->d.start,
                                  b->d.len - b->d.start);
    if ((st = summ__ctx_langres(ctx, b->d.lang, &b->d.lr)) != SUMM_OK)
        return st;
    if ((st = summ__segment(&b->d)) != SUMM_OK)
        return st;
    if (sim)
        sim_seg(&b->d);
    /* the words first, then the kinds of sentence from them; the words are
     * not kept (no keywords here) */
    if ((st = summ__tokenize(&b->d)) != SUMM_OK || (st = summ__features(&b->d)) != SUMM_OK)
        return st;
    summ__free(&ctx->al, b->d.word);
    b->d.word = NULL;
    b->d.nword = b->d.capword = 0;
    if (b->d.nsent && (b->d.sent[0].flags & SUMM_FLAG_HEADING))
        b->d.title = 0;
    return summ__tfidf_build(&b->d, &b->v);
}

static char *
read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *len = n;
    return buf;
}

/* A genre set: DIR/lengths.tsv (id, k, w) and DIR/articles/<id>.txt. */
static bool
load_dir(summ_ctx *ctx, const char *dir, bool words, bool sim, bdoc **docs, size_t *ndocs,
         size_t *cap)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/lengths.tsv", dir);
    FILE *l = fopen(path, "r");
    if (!l) {
        perror(path);
        return false;
    }
    char *line = NULL;
    size_t lcap = 0;
    while (getline(&line, &lcap, l) > 0) {
        char id[512];
        size_t k, w;
        if (sscanf(line, "%511s %zu %zu", id, &k, &w) != 3)
            continue;  /* the header */
        if (*ndocs == *cap) {
            *cap = *cap ? 2 * *cap : 1024;
            *docs = realloc(*docs, *cap * sizeof **docs);
        }
        bdoc *b = &(*docs)[*ndocs];
        memset(b, 0, sizeof *b);
        snprintf(path, sizeof path, "%s/articles/%s.txt", dir, id);
        if (!(b->text = read_all(path, &b->len))) {
            perror(path);
            return false;
        }
        b->id = strdup(id);
        b->k = words ? 0 : k;
        b->w = words ? w : 0;
        if (prepare(ctx, b, sim) != SUMM_OK) {
            fprintf(stderr, "tune: %s: %s\n", path, ctx->err.msg);
            return false;
        }
        (*ndocs)++;
    }
    free(line);
    fclose(l);
    return true;
}

/* name=value into the parameters, by the option's name (checked as
 * summ_set_double() checks it); false if the name is unknown or the value
 * out of range. */
static bool
set_option(params *p, const salloc *al, const char *name, double x)
{
#ifdef TUNE_EXTRA_OPTIONS
    /* fields of params that are no option (yet): D(f) a real, Z(f) a count */
#define D(f) if (strcmp(name, #f) == 0) { p->f = x; return true; }
#define Z(f) if (strcmp(name, #f) == 0) { p->f = (size_t)x; return true; }
    TUNE_EXTRA_OPTIONS
#undef D
#undef Z
#endif
    summ_option opt = summ_option_lookup(name);
    const summ_option_info *in = summ_option_info_get(opt);
    if (!in || in->type == SUMM_TYPE_STRING)
        return false;
    summ_err err;
    summ__err_clear(&err);
    if (summ__params_set_double(p, al, (int)opt, x, &err) != SUMM_OK) {
        fprintf(stderr, "tune: %s\n", err.msg);
        return false;
    }
    return true;
}

int
main(int argc, char **argv)
{
    bool sim = false;
    int a = 1;
    if (a < argc && strcmp(argv[a], "--sim-seg") == 0) {
        sim = true;
        a++;
    }
    summ_ctx *ctx;
    if (summ_new(NULL, &ctx) != SUMM_OK)
        return 1;
    bdoc *docs = NULL;
    size_t ndocs = 0, cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    for (; a + 1 < argc; a += 2) {
        DIR *dh = opendir(argv[a]);
        if (dh) {
            closedir(dh);
            if (!load_dir(ctx, argv[a], strcmp(argv[a + 1], "w") == 0, sim, &docs, &ndocs, &cap))
                return 1;
            continue;
        }
        FILE *f = fopen(argv[a], "r");
        if (!f) {
            perror(argv[a]);
            return 1;
        }
        size_t first = ndocs;
        while (getline(&line, &lcap, f) > 0) {
            if (ndocs == cap) {
                cap = cap ? 2 * cap : 1024;
                docs = realloc(docs, cap * sizeof *docs);
            }
            bdoc *b = &docs[ndocs];
            size_t n;
            memset(b, 0, sizeof *b);
            b->id = json_field(line, "id", &n);
            b->text = json_field(line, "text", &b->len);
            if (!b->id || !b->text)
                continue;
            b->k = (size_t)atoi(argv[a + 1]);
            if (prepare(ctx, b, sim) != SUMM_OK) {
                fprintf(stderr, "tune: %s failed\n", b->id);
                return 1;
            }
            ndocs++;
        }
        fclose(f);
        if (atoi(argv[a + 1]) == 0) {  /* k per document from lengths.tsv */
            FILE *l = fopen(argv[a + 1], "r");
            if (!l) {
                perror(argv[a + 1]);
                return 1;
            }
            while (getline(&line, &lcap, l) > 0) {
                char *tab = strchr(line, '\t');
                if (!tab)
                    continue;
                *tab = '\0';
                for (size_t i = first; i < ndocs; i++)
                    if (strcmp(docs[i].id, line) == 0)
                        docs[i].k = (size_t)atoi(tab + 1);
            }
            fclose(l);
        }
    }
    for (size_t i = 0; i < ndocs; i++) {
        doc *d = &docs[i].d;
        printf("D\t%s\t%zu\t%zu\t%zu\n", docs[i].id, docs[i].k, docs[i].w, d->nsent);
        for (size_t s = 0; s < d->nsent; s++) {
            printf("S\t%u\t", d->sent[s].flags);
            for (uint32_t c = d->sent[s].start; c < d->sent[s].end; c++)
                putchar(d->text[c] == '\n' || d->text[c] == '\t' ? ' ' : d->text[c]);
            putchar('\n');
        }
    }
    puts("READY");
    fflush(stdout);

    size_t *pick = NULL, pcap = 0;
    while (getline(&line, &lcap, stdin) > 0) {
        params o;
        summ__params_default(&o);
        for (char *tok = strtok(line, " \t\n"); tok; tok = strtok(NULL, " \t\n")) {
            char *eq = strchr(tok, '=');
            if (!eq || (*eq = '\0', !set_option(&o, &ctx->al, tok, atof(eq + 1))))
                fprintf(stderr, "tune: unknown option %s\n", tok);
        }
        for (size_t i = 0; i < ndocs; i++) {
            bdoc *b = &docs[i];
            arena scratch;
            summ__arena_init(&scratch, &ctx->al);
            b->d.ar = &scratch;  /* what scoring and selection allocate goes away */
            o.max_sentences = b->k;
            o.max_words = b->w;
            if (b->d.nsent > pcap) {
                pcap = b->d.nsent;
                pick = realloc(pick, pcap * sizeof *pick);
            }
            size_t npick = 0;
            if (summ__score(&b->d, &b->v, &o, summ__summary_length(&b->d, &o)) != SUMM_OK
                || summ__select(&b->d, &b->v, &o, pick, &npick) != SUMM_OK)
                fprintf(stderr, "tune: %s failed\n", b->id);
            fputs("P\t", stdout);
            for (size_t k = 0; k < npick; k++)
                printf(k ? " %zu" : "%zu", pick[k]);
            putchar('\n');
            summ__arena_free(&scratch);
            b->d.ar = &b->ar;
        }
        puts("END");
        fflush(stdout);
    }
    return 0;
}

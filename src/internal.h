/*
 * internal.h - what the pipeline's stages share. Not installed.
 *
 * Stages, one file each, in pipeline order:
 *   input.c     read + normalise: UTF-8 check, BOM, NUL bytes
 *   lang.c      language table and detection
 *   data.c      stopword and abbreviation lists (built in, or from a dir)
 *   segment.c   sentence segmentation -> doc.sent[]
 *   tokenize.c  words of each sentence, NFKC + case folding -> doc.term[]
 *   stem.c      stopwords + Snowball stemming, cached per distinct word
 *   tfidf.c     TF-IDF sentence vectors
 *   textrank.c  sentence graph (inverted index) + PageRank
 *   score.c     the features combined into one score per sentence
 *   select.c    top sentences under the length limits, without redundancy
 *   keywords.c  TextRank over words for keywords
 *   summarize.c the public API: contexts, results, errors
 * Helpers: alloc.c (allocator, arena), hash.c (hashing, string sets).
 *
 * All offsets are bytes into the caller's buffer. Nothing here prints.
 */
#ifndef SUMM_INTERNAL_H
#define SUMM_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "summarize.h"

#if defined(__GNUC__)
#  define S_UNUSED __attribute__((unused))
#  define S_LIKELY(x) __builtin_expect(!!(x), 1)
#  define S_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#  define S_UNUSED
#  define S_LIKELY(x) (x)
#  define S_UNLIKELY(x) (x)
#endif

/* ---- alloc.c: the caller's allocator, and a bump arena over it ---------- */

typedef struct salloc {
    summ_allocator a;
} salloc;

void salloc_init(salloc *al, const summ_allocator *user);
void *s_malloc(const salloc *al, size_t n);             /* NULL on failure or n*... overflow */
void *s_calloc(const salloc *al, size_t n, size_t size); /* zeroed; checks n*size */
void *s_realloc(const salloc *al, void *p, size_t n);
void s_free(const salloc *al, void *p);
char *s_strndup(const salloc *al, const char *s, size_t n);

/* Grow *p (an array of elem-sized items with capacity *cap) to hold at
 * least need items. Returns false on overflow or allocation failure, leaving
 * *p and *cap unchanged. */
bool s_grow(const salloc *al, void **p, size_t *cap, size_t need, size_t elem);

/* An arena for everything that lives as long as one summ_run() call. */
typedef struct arena_block arena_block;
typedef struct arena {
    const salloc *al;
    arena_block *head;
} arena;

void arena_init(arena *ar, const salloc *al);
void *arena_alloc(arena *ar, size_t n);                 /* 16-aligned, NULL on failure */
void *arena_calloc(arena *ar, size_t n, size_t size);   /* zeroed; checks n*size */
void arena_free(arena *ar);

/* ---- hash.c ------------------------------------------------------------- */

uint64_t hash_bytes(const void *p, size_t n);

/* A set of byte strings (stopwords, abbreviations). Keys are copied. */
typedef struct strset {
    const salloc *al;
    char **keys;
    uint32_t *lens;
    size_t cap, count;  /* cap is 0 or a power of two */
} strset;

void strset_init(strset *s, const salloc *al);
bool strset_add(strset *s, const char *k, size_t n);   /* false on OOM */
bool strset_has(const strset *s, const char *k, size_t n);
void strset_free(strset *s);

/* Parse a word list ("# comment" lines, one entry a line, white space
 * trimmed) into s. Entries are NFKC-case-folded (tokenize.c's fold_word)
 * unless keep_case is set. Returns false on OOM. */
bool strset_load_list(strset *s, const char *text, size_t len, bool keep_case);

/* ---- lang.c ------------------------------------------------------------- */

typedef enum script {
    SCRIPT_LATIN, SCRIPT_CJK, SCRIPT_OTHER
} script;

typedef struct lang_info {
    const char *code;      /* ISO 639-1, or "und" */
    const char *snowball;  /* libstemmer algorithm name, NULL = no stemmer */
    const char *name;      /* English name */
    script script;         /* how words are made: CJK = character bigrams */
} lang_info;

extern const lang_info lang_table[];    /* terminated by code == NULL */
extern const lang_info lang_und;        /* unknown: no stemming, no stopwords */
extern const char *const lang_codes[];  /* the codes of lang_table, NULL-terminated */

/* Look a language up by ISO code or Snowball name (case-insensitive).
 * NULL if unknown. */
const lang_info *lang_lookup(const char *name);

struct summ_ctx;
/* Guess the language of text (at most the first few kB are read). Never
 * NULL: &lang_und when unsure. */
const lang_info *lang_detect(struct summ_ctx *ctx, const char *text, size_t len);
/* For tests: the detection profiles are folded words and fit their index. */
bool lang_profiles_ok(void);
/* Detection's word indexes, made once per context on first use
 * (summ_ctx.lang_cache); lang_cache_free() accepts NULL. */
typedef struct lang_cache lang_cache;
void lang_cache_free(const salloc *al, lang_cache *c);

/* ---- data.c: word lists, built in or from a directory ------------------- */

typedef enum data_kind { DATA_STOPWORDS, DATA_ABBREV } data_kind;

/* The lists compiled in from stopwords/ (langdata.c, made by embed.py);
 * terminated by code == NULL. */
typedef struct builtin_list {
    const char *code;
    data_kind kind;
    size_t len;
    const char *text;
} builtin_list;
extern const builtin_list builtin_lists[];

/* Load the list of kind for lang into s (the data dir's file if there is
 * one, else the built-in list, else nothing). Returns SUMM_OK, SUMM_ENOMEM or
 * SUMM_EDATA (a file exists but cannot be read). */
summ_status data_load(struct summ_ctx *ctx, const lang_info *lang, data_kind kind,
                      strset *s);

/* ---- stem.c: per-language lexicon --------------------------------------- */

/* Folded word -> stem id, or STEM_STOP for a stopword. Stem ids are dense,
 * per language, and stay valid for the life of the context (the lexicon is
 * cleared when it grows past a bound; see stem.c). */
#define STEM_STOP UINT32_MAX

typedef struct lexicon lexicon;

typedef struct langres {
    const lang_info *info;
    struct sb_stemmer *stemmer;  /* NULL: words are their own stems */
    strset stop;
    strset abbrev;
    lexicon *lex;
} langres;

/* The resources of lang in ctx, made on first use. NULL and *st set on
 * failure. */
langres *langres_get(struct summ_ctx *ctx, const lang_info *lang, summ_status *st);
void langres_free(const salloc *al, langres *lr);

/* Map a folded word to its stem id (STEM_STOP for stopwords); *st is set on
 * failure and STEM_STOP returned. */
uint32_t lex_lookup(langres *lr, const char *word, size_t n, summ_status *st);
/* The stem string of id (not NUL-terminated), for keywords and debugging. */
const char *lex_stem(const langres *lr, uint32_t id, size_t *n);
/* Number of stem ids handed out so far. */
size_t lex_size(const langres *lr);
/* Generation: changes when the lexicon is cleared. */
uint32_t lex_generation(const langres *lr);
/* Between documents: clear the lexicon if it has grown past its bound. */
void lex_trim(langres *lr);

/* ---- the document being processed -------------------------------------- */

typedef struct sentence {
    uint32_t start, end;  /* byte span in the text, trimmed */
    uint32_t para;        /* paragraph number, from 0 */
    uint32_t flags;       /* SUMM_FLAG_* */
    uint32_t tok, ntok;   /* its content terms: doc.term[tok .. tok + ntok) */
    uint32_t nwords;      /* all its words, stopwords included */
    uint32_t word;        /* its words: doc.word[word .. word + nwords), if kept */
} sentence;

/* One word as it stands in the text (kept for keywords). */
#define WORD_NOTERM UINT32_MAX
typedef struct wordpos {
    uint32_t start, end;  /* bytes */
    uint32_t term;        /* local term id, or WORD_NOTERM (stopword, too long) */
} wordpos;

typedef struct doc {
    const char *text;
    size_t len;
    arena *ar;
    const lang_info *lang;
    langres *lr;

    sentence *sent;
    size_t nsent, capsent;

    uint32_t *term;       /* document-local term ids, sentence after sentence */
    size_t nterm, capterm;
    size_t nvocab;        /* number of distinct terms */
    uint32_t *term_stem;  /* local term id -> stem id, nvocab entries */
    uint32_t *term_first; /* local term id -> byte offset of its first occurrence */

    bool keep_words;      /* set before tokenize(): fill word[] */
    wordpos *word;        /* every word of every sentence, in text order */
    size_t nword, capword;

    double *score;        /* per sentence, after score.c */
    size_t title;         /* index of the title sentence, or SIZE_MAX */
} doc;

/* ---- input.c ------------------------------------------------------------ */

/* Check text: SUMM_ETOOBIG, SUMM_EBINARY (NUL byte), SUMM_EUTF8; on error
 * *bad is the byte offset. *start is set past a BOM. */
summ_status input_check(const char *text, size_t len, size_t *start, size_t *bad);

/* Decode one code point at p (< end), which input_check() has validated.
 * Returns its length in bytes. */
static inline size_t
utf8_decode(const unsigned char *p, const unsigned char *end, int32_t *cp)
{
    unsigned c = p[0];
    if (c < 0x80) { *cp = (int32_t)c; return 1; }
    if (c < 0xE0 && p + 1 < end) { *cp = (int32_t)(((c & 0x1F) << 6) | (p[1] & 0x3F)); return 2; }
    if (c < 0xF0 && p + 2 < end) {
        *cp = (int32_t)(((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F));
        return 3;
    }
    if (p + 3 < end) {
        *cp = (int32_t)(((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6)
                        | (p[3] & 0x3F));
        return 4;
    }
    *cp = 0xFFFD;
    return 1;
}

/* Length of the code point that ends right before p (p > start). */
static inline size_t
utf8_prev_len(const unsigned char *start, const unsigned char *p)
{
    size_t n = 1;
    while (p - n > start && n < 4 && (p[-(ptrdiff_t)n] & 0xC0) == 0x80)
        n++;
    return n;
}

/* ---- segment.c ---------------------------------------------------------- */

/* Split d->text[start .. len) into sentences: fills d->sent, d->nsent with
 * trimmed spans, paragraph numbers and flags (heading, list item,
 * boilerplate, paragraph start). abbrev may be NULL. */
summ_status segment(doc *d, size_t start, const strset *abbrev);

/* ---- tokenize.c --------------------------------------------------------- */

/* NFKC + case fold src[0 .. n) into buf (cap bytes). Returns the folded
 * length, which may exceed cap (then buf holds garbage: call again with a
 * bigger buffer). */
size_t fold_word(const char *src, size_t n, char *buf, size_t cap);

/* Is c part of a word: a letter, mark or digit (Unicode categories L*, M*,
 * N*)? The one rule for what a word is, shared by the stages. */
bool is_word_cp(int32_t c);

/* Fill d->term, d->nvocab and each sentence's tok/ntok/nwords. */
summ_status tokenize(doc *d);

/* ---- tfidf.c, textrank.c, score.c, select.c, keywords.c ----------------- */

/* A sparse, L2-normalised TF-IDF vector per sentence. */
typedef struct tfidf {
    uint32_t *off;        /* sentence i: entries off[i] .. off[i + 1) */
    uint32_t *id;         /* term ids, ascending within a sentence */
    float *w;             /* weights, each row of unit length (or empty) */
    double *mass;         /* sum of raw tf*idf per sentence (before normalising) */
    uint32_t *df;         /* document frequency per term (sentences) */
    size_t nsent;
} tfidf;

summ_status tfidf_build(doc *d, tfidf *v);
double tfidf_cosine(const tfidf *v, size_t a, size_t b);

/* PageRank over the sentence similarity graph (Mihalcea & Tarau 2004).
 * rank gets one value per sentence, summing to 1. */
summ_status textrank(doc *d, const tfidf *v, double damping, double *rank);
/* The same with the edge weight sim (SUMM_SIM_*); if fwd and bwd are not
 * NULL (zeroed, n each) they get each sentence's summed edge weight to
 * later and to earlier sentences. */
summ_status sentence_graph(doc *d, const tfidf *v, int sim, double damping, double *rank,
                           double *fwd, double *bwd);

summ_status score(doc *d, const tfidf *v, const summ_options *o);

/* Choose the sentences: writes their indices, ascending, into pick and
 * their count into *npick. */
/* How many sentences the summary of d will have under o's limits (an
 * estimate when a word budget is set): what score.c needs to know how far
 * the lead can go. */
double summary_length(const doc *d, const summ_options *o);

summ_status select_sentences(doc *d, const tfidf *v, const summ_options *o,
                             size_t *pick, size_t *npick);

typedef struct keyword {
    uint32_t offset, length;  /* of the word or phrase's first occurrence */
    double score;
} keyword;

/* The best max keywords; tokenize() must have run with d->keep_words. */
summ_status keywords(doc *d, size_t max, keyword *out, size_t *nout);

/* ---- summarize.c -------------------------------------------------------- */

#define LANGRES_MAX 40

struct summ_ctx {
    salloc al;
    summ_options opts;
    char *language;       /* owned copies of the option strings */
    char *data_dir;
    const lang_info *fixed_lang;   /* NULL = detect */
    langres *res[LANGRES_MAX];     /* per language, index into lang_table; made lazily */
    langres *und;
    lang_cache *lang_cache;        /* lang.c's detection indexes; made lazily */
    char errmsg[160];
    size_t erroff;
};

/* Set ctx's error message (printf-style) and return st. */
summ_status set_error(struct summ_ctx *ctx, summ_status st, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif /* SUMM_INTERNAL_H */

/* stages.h - the stages of the pipeline, in order, each a file of src/:
 *
 *   segment/    sentence boundaries -> doc.sent[]
 *   tokenize.c  words of each sentence, folded, through the lexicon -> doc.term[],
 *               doc.word[]
 *   stem.c      the lexicon: stopwords + Snowball stems (+ cue roles), cached per word
 *   features.c  the kind of each sentence (cues, sections, apparatus) -> doc.feat[]
 *   tfidf.c     TF-IDF sentence vectors
 *   textrank.c  sentence graph (inverted index) + PageRank
 *   score.c     the features combined into one score per sentence
 *   select.c    top sentences under the length limits, without redundancy
 *   keywords.c  key phrases: candidates, scores, the ranking
 *   wordgraph.c the word graph keywords.c ranks words with
 *
 * Below them: src/text (characters, UTF-8, folding), src/core (allocator,
 * sets, errors, word lists, the params struct), src/lang (languages,
 * detection, per-language resources), src/input (formats -> clean text).
 * Above them: pipeline.c runs them on one document, api.c is the public
 * API. All offsets are bytes of doc.text. Nothing here prints. */
#ifndef SUMM_STAGES_H
#define SUMM_STAGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/core.h"
#include "core/params.h"
#include "doc.h"

struct lang_info;
struct sb_stemmer;

/* ---- stem.c: the lexicon ------------------------------------------------ */

/* Folded word -> stem id, or STEM_STOP for a stopword. Stem ids are dense
 * per lexicon; they stay valid for the life of the context, except those
 * of a context's own lexicon, which is cleared between documents when it
 * grows past a bound (see stem.c). */
#define STEM_STOP UINT32_MAX

typedef struct lexicon lexicon;

/* The words of a language's cue list (stopwords/cues/), each with its
 * roles, so that one lookup tells all a word of the text can be. */
enum {
    CUE_WE = 1,        /* a first-person plural word */
    CUE_YOU = 2,       /* a second-person word */
    CUE_ONE = 4,       /* a cue of one word */
    CUE_FILLER = 8,
    CUE_CAPTION = 16,  /* the word of a caption */
    CUE_START = 32,    /* the first word of a cue phrase */
    CUE_REST = 64,     /* a later word of one */
    CUE_ET = 128       /* "et" (of "et al."), in every language, cue list or none: a
                          citation may be near (features.c) */
};
typedef struct cuemap {
    char **key;
    uint32_t *len;
    uint8_t *role;
    size_t cap, count;   /* cap is 0 or a power of two */
} cuemap;

/* What one language needs that never changes once made: its word lists
 * and its lexicon. A context and its clones share one (langres.c makes
 * it; the lexicon is the only part that changes, and is thread-safe). */
typedef struct langdata {
    const salloc *al;
    const struct lang_info *info;
    bool no_stemmer;             /* the language has an algorithm this libstemmer lacks */
    strset stop;
    strset abbrev;               /* tagged: see stopwords/abbrev/en.txt */
    strset boiler;               /* tagged: see stopwords/boiler/en.txt */
    strset cues;                 /* tagged: see stopwords/cues/en.txt */
    cuemap cue_words;            /* every word of the word cues, with its roles */
    unsigned char cue_start[256];  /* 1 for the first byte of a word of cue_words */
    size_t cue_maxlen;           /* the longest word of cue_words, in bytes */
    strset kwstop;               /* tagged: see stopwords/keywords/en.txt */
    strset openers;              /* words that start sentences (stopwords/openers/) */
    strset nonfinal;             /* particles no sentence ends with (stopwords/nonfinal/) */
    lexicon *lex;
} langdata;

/* What one language needs in one context: the shared data (the sets and
 * lex are copies of its handles, not to be freed), and what a
 * thread must have of its own: the stemmer, and a lexicon for the words
 * that no longer fit in the shared one. */
typedef struct langres {
    const salloc *al;
    const struct lang_info *info;
    struct sb_stemmer *stemmer;  /* NULL: words are their own stems */
    bool no_stemmer;
    strset stop;
    strset abbrev;
    strset boiler;
    strset kwstop;
    strset openers;
    strset nonfinal;
    strset cues;
    cuemap cue_words;            /* the langdata's (shared, not to be freed) */
    unsigned char cue_start[256];
    size_t cue_maxlen;
    lexicon *lex;                /* shared */
    lexicon *own;                /* this context's, made when lex is full */
    langdata *data;
    bool owns_data;              /* made by summ__langres_make(): freed with it */
    /* Lists only some formats need, loaded on first use
     * (summ__langres_list), this context's; indexed by data_kind, loaded[]
     * says which. */
    strset list[DATA_KINDS];
    bool loaded[DATA_KINDS];
} langres;

/* A lexicon; shared: safe to use from several threads (adds take a lock,
 * lookups none). */
lexicon *summ__lex_new(const salloc *al, bool shared);
void summ__lex_free(lexicon *lx);  /* accepts NULL */
/* What the lexicon says of a folded word: its stem id (STEM_STOP for
 * stopwords), its class in stopwords/keywords/ (WORD_KW_*; 0 for
 * stopwords) and its CUE_* roles (summ__cue_roles(), kept with the word).
 * Returned by value: it is asked for every word of the text. */
typedef struct lexword {
    uint32_t stem;
    uint8_t kw, roles;
} lexword;

/* The lexword of word[0 .. n). *st must be SUMM_OK before: it is set on
 * failure (and the stem is STEM_STOP), else stays SUMM_OK. */
lexword summ__lex_lookup(langres *lr, const char *word, size_t n, summ_status *st);
/* A word to look up: fold[off .. off + n) of the caller's buffer, h =
 * summ__hash of it; n == 0 for a word not to look up (its answer is
 * STEM_STOP with nothing else). */
typedef struct lexkey {
    uint32_t off, n;
    uint64_t h;
} lexkey;
/* The lexwords of keys[0 .. nk) into out[], in order: one call for a
 * sentence's words, the lookups inline. false (and *st set) on failure. */
bool summ__lex_lookup_all(langres *lr, const char *fold, const lexkey *keys, size_t nk,
                          lexword *out, summ_status *st);
/* Where the shared lexicon's slots are, for summ__lex_prefetch. A view
 * stays safe to use when the table grows (the old one is kept until the
 * lexicon is freed), only less useful. */
typedef struct lexview {
    const char *slots;
    size_t mask, stride;
} lexview;
lexview summ__lex_view(const langres *lr);

/* Start fetching the slot of a word of hash h into the cache: a lookup
 * misses the cache for all but the commonest words, and the misses of a
 * sentence's words overlap when their slots are asked for before the
 * first is looked up (tokenize.c). No effect on any answer. */
static inline void
summ__lex_prefetch(const lexview *v, uint64_t h)
{
#if defined(__GNUC__)
    if (v->slots)
        __builtin_prefetch(v->slots + (h & v->mask) * v->stride);
#else
    (void)v;
    (void)h;
#endif
}
/* The stem string of id (not NUL-terminated). */
const char *summ__lex_stem(const langres *lr, uint32_t id, size_t *n);
/* For tests: make a shared lexicon full at this many words. */
void summ__lex_limit(lexicon *lx, size_t words);
/* Between documents: clear the context's own lexicon if it has grown past
 * its bound. */
void summ__lex_trim(langres *lr);

/* The CUE_* roles of the folded word w[0 .. n), 0 if none (in stem.c, for
 * the lexicon to keep); the slot of w in m (cap > 0), for lang/langres.c
 * that fills it. */
unsigned summ__cue_roles(const langres *lr, const char *w, size_t n);
size_t summ__cue_slot(const cuemap *m, const char *w, size_t n);

/* lang/langres.c: the data of lang, loaded from data_dir (or the built-in
 * lists), with the words of extra_stop (NULL: none; see
 * summ__strset_load_words) added to its stopwords; *out NULL on failure. */
summ_status summ__langdata_make(const salloc *al, const char *data_dir, const char *extra_stop,
                                const struct lang_info *lang, langdata **out, summ_err *err);
void summ__langdata_free(langdata *ld);  /* accepts NULL */
/* A context's resources over ld (which must outlive them, unless owned:
 * then they free it). */
summ_status summ__langres_new(const salloc *al, langdata *ld, bool owned, langres **out);
/* Both at once, the data owned: a language's resources for one context. */
summ_status summ__langres_make(const salloc *al, const char *data_dir, const char *extra_stop,
                               const struct lang_info *lang, langres **out, summ_err *err);
void summ__langres_free(langres *lr);  /* accepts NULL */
/* The list of kind (DATA_EMAIL, DATA_FILLERS, DATA_PDF, DATA_HTML) for lr's language,
 * with English's added (e-mail disclaimers and page furniture are in
 * English in mail and documents of any language), loaded on first use from
 * data_dir or the built-in lists. */
summ_status summ__langres_list(langres *lr, const char *data_dir, data_kind kind,
                               const strset **out, summ_err *err);

/* ---- segment/ ------------------------------------------------------------ */

/* Split d->text[d->start .. d->len) into sentences: fills d->sent, d->nsent
 * with trimmed spans, paragraph numbers and flags (heading, list item,
 * boilerplate, paragraph start), using d->lr's abbreviations, stopwords and
 * boilerplate phrases (d->lr may be NULL) and d->blocks' kinds. */
summ_status summ__segment(doc *d);

/* ---- features.c ----------------------------------------------------------- */

/* The kind of each sentence (d->feat, d->first_person, d->nsections; see
 * doc.h), from d->lr's cue lists: sets SUMM_FLAG_HEADING on lines that
 * name a section and SUMM_FLAG_APPARATUS on captions, equation scraps,
 * table rows and the lines of reference and acknowledgement sections.
 * After summ__tokenize(d) it reads the roles of d->word and, in the
 * sentences that are not wide, what tokenize.c saw (sentence.marks,
 * sentence.nnum) instead of their bytes; without it (a split) it reads
 * the bytes, folds and looks up the words itself, to the same result. */
summ_status summ__features(doc *d);

/* ---- tokenize.c ----------------------------------------------------------- */

/* Fill d->term, d->nvocab, d->word and each sentence's
 * tok/ntok/nwords/word and wide/marks/nnum. */
summ_status summ__tokenize(doc *d);

/* The content words of the query q[0 .. n) (valid UTF-8) that d has, after
 * summ__tokenize(d): their local term ids, distinct, and how often each is
 * in the query (both in d's arena; *nterms 0 when none is in d). */
summ_status summ__tokenize_query(doc *d, const char *q, size_t n, uint32_t **terms,
                                 uint32_t **tf, size_t *nterms);

/* ---- tfidf.c, textrank.c, score.c, select.c, keywords.c ------------------ */

/* A sparse, L2-normalised TF-IDF vector per sentence. */
typedef struct tfidf {
    uint32_t *off;        /* sentence i: entries off[i] .. off[i + 1) */
    uint32_t *id;         /* term ids, ascending within a sentence */
    float *w;             /* weights, each row of unit length (or empty) */
    double *mass;         /* sum of raw tf*idf per sentence (before normalising) */
    uint32_t *df;         /* document frequency per term (sentences) */
    size_t nsent;
} tfidf;

summ_status summ__tfidf_build(doc *d, tfidf *v);
double summ__tfidf_cosine(const tfidf *v, size_t a, size_t b);

/* The query's terms (summ__tokenize_query()) as a TF-IDF vector: sets
 * d->qrel (each sentence's cosine with it) and d->teleport (a share bias of
 * PageRank's jumps in proportion to it, the rest uniform; NULL when bias is
 * 0); both stay NULL when no sentence has a query term. */
summ_status summ__query_relevance(doc *d, const tfidf *v, const uint32_t *terms,
                                  const uint32_t *tf, size_t nterms, double bias);

/* TextRank (Mihalcea & Tarau 2004): PageRank over the sentence graph with
 * the edge weight sim (SUMM_SIM_*); rank gets one value per sentence,
 * summing to 1. The random jumps land by d->teleport (NULL: uniformly), so
 * with a query it is a personalised PageRank. If fwd and bwd are not NULL
 * (zeroed, n each) they get each sentence's summed edge weight to later and
 * to earlier sentences. */
summ_status summ__sentence_graph(doc *d, const tfidf *v, int sim, double damping, double *rank,
                                 double *fwd, double *bwd);

/* One score per sentence into d->score, in [0, 1]. summary_len is the
 * length of the summary in sentences (summ__summary_length()), which the
 * lead bias needs. */
summ_status summ__score(doc *d, const tfidf *v, const params *p, double summary_len);

/* How many sentences the summary of d will have under p's limits (an
 * estimate when a word budget is set). */
double summ__summary_length(const doc *d, const params *p);

/* Choose the sentences: writes their indices, ascending, into pick and
 * their count into *npick. */
summ_status summ__select(doc *d, const tfidf *v, const params *p, size_t *pick, size_t *npick);

typedef struct keyword {
    uint32_t offset, length;  /* of the word or phrase's first occurrence (clean text) */
    double score;             /* in (0, 1], the best 1, never rising down the list */
    uint32_t count;           /* occurrences */
} keyword;

/* The best p->max_keywords keywords, best first, into *out (allocated in
 * d->ar; *nout of them: fewer only when the text has fewer candidates).
 * The list for a smaller max is the beginning of this one. tokenize() must
 * have run with d->keep_words. */
summ_status summ__keywords(doc *d, const params *p, keyword **out, size_t *nout);

/* wordgraph.c: an undirected, weighted graph of n nodes (0 .. n-1) and its
 * PageRank. Edges added twice add their weights; everything lives in ar. */
typedef struct wgraph {
    arena *ar;
    size_t n;
    uint32_t *ea, *eb;        /* the edges as added: ea[i] - eb[i], weight w[i] */
    double *w;
    size_t cap, count;
} wgraph;

/* expect_edges: how many links to make room for at once (more may come). */
summ_status summ__wg_init(wgraph *g, arena *ar, size_t nnode, size_t expect_edges);
summ_status summ__wg_link(wgraph *g, uint32_t a, uint32_t b, double w);  /* a == b or w <= 0: nothing */
/* rank (n values, summing to 1) from PageRank with damping in [0, 1) and
 * the teleport distribution teleport (n values >= 0, any sum; NULL or all
 * 0: uniform). */
summ_status summ__wg_rank(const wgraph *g, const double *teleport, double damping, double *rank);

#endif

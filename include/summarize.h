/*
 * summarize.h - offline extractive text summarization.
 *
 * libsummarize picks the most important sentences of a UTF-8 text and
 * returns them as byte spans into the caller's own buffer, in their original
 * order. Nothing is copied, downloaded or printed.
 *
 * The pipeline: read + normalise (UTF-8 checked) -> segment sentences ->
 * tokenize (NFKC + case folding) -> drop stopwords, stem (Snowball) ->
 * score (TF-IDF, TextRank, position, title) -> select without redundancy.
 *
 * Usage:
 *
 *     summ_options opts;
 *     summ_options_init(&opts);
 *     opts.max_sentences = 3;
 *
 *     summ_ctx *ctx;
 *     if (summ_new(&opts, &ctx) != SUMM_OK) return -1;
 *     summ_result *res;
 *     summ_status st = summ_run(ctx, text, len, &res);
 *     if (st != SUMM_OK) { fprintf(stderr, "%s\n", summ_errmsg(ctx)); ... }
 *     for (size_t i = 0; i < summ_result_count(res); i++) {
 *         const summ_span *s = summ_result_at(res, i);
 *         printf("%.*s\n", (int)s->length, text + s->offset);
 *     }
 *     summ_result_free(res);
 *     summ_free(ctx);
 *
 * Thread safety: the library has no global mutable state. A summ_ctx must
 * not be used by two threads at once; use one context per thread. Results
 * are independent of their context and may be read from any thread.
 *
 * Link with `pkg-config --cflags --libs summarize`.
 */
#ifndef SUMMARIZE_H
#define SUMMARIZE_H

#include <stddef.h>

#include "summarize_version.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && !defined(SUMM_STATIC)
#  ifdef SUMM_BUILDING
#    define SUMM_API __declspec(dllexport)
#  else
#    define SUMM_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__)
#  define SUMM_API __attribute__((visibility("default")))
#else
#  define SUMM_API
#endif

/*
 * Status codes. SUMM_OK is 0, every error is negative; the numbers are fixed
 * and will not change. summ_strerror() names them; summ_errmsg() on the
 * context that failed gives the detail (for example the byte offset of an
 * invalid UTF-8 sequence).
 */
typedef enum summ_status {
    SUMM_OK = 0,
    SUMM_ENOMEM = -1,    /* an allocation failed; nothing leaked, state unchanged */
    SUMM_EINVAL = -2,    /* a NULL pointer or an option out of range */
    SUMM_EUTF8 = -3,     /* the input is not valid UTF-8 */
    SUMM_EBINARY = -4,   /* the input has a NUL byte: binary, not text */
    SUMM_ELANG = -5,     /* unknown language name */
    SUMM_ETOOBIG = -6,   /* the input is larger than SUMM_MAX_INPUT */
    SUMM_EDATA = -7      /* a data file (stopwords, abbreviations) is unreadable */
} summ_status;

/* The largest input summ_run() accepts, in bytes (sentence offsets and term
 * counts are 32-bit inside the library). */
#define SUMM_MAX_INPUT ((size_t)1 << 31)

/*
 * Custom allocator. All memory the library uses goes through it. realloc_fn
 * must behave like realloc(3) and free_fn like free(3) (including NULL).
 * The three functions get `opaque` as their first argument. A NULL allocator
 * in the options means the C library's malloc/realloc/free.
 */
typedef struct summ_allocator {
    void *(*malloc_fn)(void *opaque, size_t size);
    void *(*realloc_fn)(void *opaque, void *ptr, size_t size);
    void (*free_fn)(void *opaque, void *ptr);
    void *opaque;
} summ_allocator;

/* The sentence similarity that weights TextRank's graph (see README "How
 * scoring works"). */
typedef enum summ_similarity {
    SUMM_SIM_COSINE = 0,   /* TF-IDF cosine (LexRank's continuous weighting) */
    SUMM_SIM_OVERLAP = 1,  /* shared content words over log lengths (TextRank's own) */
    SUMM_SIM_BM25 = 2      /* BM25, averaged over both directions (Barrios et al. 2016) */
} summ_similarity;

/*
 * Options. Always fill the struct with summ_options_init() first and then
 * change the fields you need: new fields may be added at the end, and their
 * defaults come from summ_options_init(). summ_new() copies what it needs;
 * the struct (and the strings it points to) may be freed afterwards.
 *
 * Length of the summary: the smallest of the limits that are set wins.
 * A limit of 0 is "not set". If none is set, max_sentences = 3 applies.
 * A non-empty text always gives at least one sentence.
 */
typedef struct summ_options {
    size_t max_sentences;   /* at most this many sentences (default 3) */
    double ratio;           /* at most this fraction of the sentences, in (0, 1] (default 0: unset) */
    size_t max_words;       /* at most this many words in total (default 0: unset);
                               the first sentence is kept even if it is longer */

    const char *language;   /* ISO 639-1 code ("en"), Snowball name ("english") or
                               English name ("English"), any case; see summ_languages();
                               NULL or "auto" = detect per text (default);
                               "none" = no stemming, no stopwords */
    const char *data_dir;   /* directory holding <code>.txt (stopwords) and
                               abbrev/<code>.txt (abbreviations) that override the
                               built-in lists, laid out like the installed
                               share/summarize/stopwords; NULL = $SUMMARIZE_DATA_DIR,
                               then the installed directory, then the lists
                               compiled into the library */

    /* Scoring. A sentence's score is the weighted sum of its normalised
     * features (see README "How scoring works"). Each weight is >= 0. */
    double w_textrank;      /* TextRank centrality (default 1.0) */
    double w_tfidf;         /* TF-IDF weight of the sentence's terms (default 0.0) */
    double w_position;      /* lead bias, exp(-position / position_decay) (default 2.5) */
    double position_decay;  /* in sentences, > 0 (default 3.0) */
    double w_title;         /* similarity to the title line, if any (default 0.0) */
    double w_centroid;      /* similarity to the document centroid (default 2.0) */
    double w_length;        /* penalty for very short sentences (default 1.0) */
    int similarity;         /* a summ_similarity: TextRank's edge weight (default overlap) */
    double w_directed;      /* PacSum's directed centrality: similarity to later
                               sentences minus directed_backward times similarity to
                               earlier ones (default 0.0) */
    double directed_backward; /* >= 0 (default 0.5) */
    double lead_ratio;      /* the share of the text's sentences the lead bias can fill:
                               if the summary is longer than lead_ratio * sentences,
                               w_position is scaled down in proportion; 0 = never
                               (default 0.12) */
    double lead_adapt;      /* w_position is also multiplied by the lead's similarity
                               to the rest of the text, relative to an average
                               sentence's, to this power; 0 = off (default 1.0) */

    double damping;         /* TextRank damping factor, in [0, 1) (default 0.85) */
    double redundancy;      /* a candidate whose cosine similarity to a chosen
                               sentence exceeds this is skipped; in (0, 1],
                               1 = off (default 0.7) */
    size_t max_keywords;    /* keywords to extract (default 0: none) */

    const summ_allocator *allocator; /* NULL = malloc; copied by summ_new() */
} summ_options;

/* Fill *opts with the defaults. Accepts NULL (does nothing). */
SUMM_API void summ_options_init(summ_options *opts);

/* An opaque summarization context: options plus caches (stemmers, stopword
 * lists, stem cache) reused across texts. Not thread safe; one per thread. */
typedef struct summ_ctx summ_ctx;

/*
 * Create a context. opts may be NULL for the defaults.
 * On success *out is a new context (free with summ_free()) and SUMM_OK is
 * returned. On failure *out is set to NULL and the status says why:
 * SUMM_EINVAL (out is NULL or an option is out of range), SUMM_ELANG
 * (unknown language), SUMM_ENOMEM.
 */
SUMM_API summ_status summ_new(const summ_options *opts, summ_ctx **out);

/* Free a context and everything it owns. Accepts NULL. Results made with
 * it stay valid. */
SUMM_API void summ_free(summ_ctx *ctx);

/* One selected sentence: a span of the caller's text. */
typedef struct summ_span {
    size_t offset;   /* byte offset of the sentence in the text given to summ_run() */
    size_t length;   /* its length in bytes; the span starts and ends on UTF-8
                        character boundaries and has no outer white space */
    size_t index;    /* the sentence's number in the text, from 0 */
    double score;    /* its score, in [0, 1]; 0 for summ_split() */
} summ_span;

/* The outcome of summ_run() or summ_split(). Owns no pointer into the text. */
typedef struct summ_result summ_result;

/*
 * Summarize text[0 .. len). text need not be NUL-terminated and may be
 * NULL when len is 0. A UTF-8 byte order mark is skipped, CR LF counts as a
 * newline. Empty or white-space-only text gives an empty result and SUMM_OK.
 *
 * On success *out is a new result (free with summ_result_free()); on failure
 * *out is NULL and the status is one of SUMM_EINVAL (ctx or out NULL, or
 * text NULL with len > 0), SUMM_EUTF8 (summ_errmsg() names the byte offset),
 * SUMM_EBINARY, SUMM_ETOOBIG, SUMM_ENOMEM, SUMM_EDATA. The context stays usable
 * after any error.
 */
SUMM_API summ_status summ_run(summ_ctx *ctx, const char *text, size_t len,
                              summ_result **out);

/*
 * Segment text into sentences without scoring: the result holds every
 * sentence (headings and list items are units of their own), in order, with
 * score 0. Same arguments, errors and ownership as summ_run(). Boilerplate
 * lines ("Advertisement") are included; summ_result_flags() marks them.
 *
 * Each span is trimmed of white space and may cross line breaks: a line
 * break ends a sentence only where the text shows it does (a blank line, a
 * list marker, a heading, a line of a text with one paragraph a line), not
 * in hard-wrapped text. A list item's span starts at its marker ("- ",
 * "1. ", "•"), which is part of the text and is kept. A news dateline or byline at the start ("London (CNN) --",
 * "By ... PUBLISHED: ...") is a boilerplate span of its own. Sentences glued
 * together by a lost period and space ("this yearThe board") are split where
 * the rest of the text gives evidence for it. Abbreviations come from
 * stopwords/abbrev/<code>.txt of the text's language.
 */
SUMM_API summ_status summ_split(summ_ctx *ctx, const char *text, size_t len,
                                summ_result **out);

/* Number of spans in res (0 for NULL). */
SUMM_API size_t summ_result_count(const summ_result *res);

/* The i-th span, in text order, or NULL if res is NULL or i is out of range.
 * The pointer lives as long as res. */
SUMM_API const summ_span *summ_result_at(const summ_result *res, size_t i);

/* Flags of the i-th span (0 if out of range). */
#define SUMM_FLAG_HEADING     1u  /* a title or heading line without final punctuation */
#define SUMM_FLAG_LIST_ITEM   2u  /* a bullet or numbered list item */
#define SUMM_FLAG_BOILERPLATE 4u  /* "Advertisement", "Read more", ...: never selected */
#define SUMM_FLAG_PARAGRAPH   8u  /* first sentence of a paragraph */
SUMM_API unsigned summ_result_flags(const summ_result *res, size_t i);

/* Number of sentences the whole text had (0 for NULL). */
SUMM_API size_t summ_result_sentences(const summ_result *res);

/* The language the text was processed as: an ISO 639-1 code such as "en",
 * or "und" if it could not be told. A static string; never NULL. */
SUMM_API const char *summ_result_language(const summ_result *res);

/* Keywords (summ_options.max_keywords), best first. summ_result_keyword()
 * returns a NUL-terminated UTF-8 string owned by res (a word or phrase as it
 * first appears in the text), or NULL if i is out of range. */
SUMM_API size_t summ_result_keyword_count(const summ_result *res);
SUMM_API const char *summ_result_keyword(const summ_result *res, size_t i);

/* Free a result. Accepts NULL. */
SUMM_API void summ_result_free(summ_result *res);

/* A static, English description of a status code. Never NULL. */
SUMM_API const char *summ_strerror(summ_status st);

/* The detail of the last error on ctx ("invalid UTF-8 at byte 1234"), or ""
 * if the last call succeeded. Valid until the next call on ctx. ctx may be
 * NULL (gives ""). */
SUMM_API const char *summ_errmsg(const summ_ctx *ctx);

/* Byte offset of the last SUMM_EUTF8 or SUMM_EBINARY error on ctx, or
 * (size_t)-1 if the last call did not fail that way. */
SUMM_API size_t summ_error_offset(const summ_ctx *ctx);

/* Language support: the codes the library knows (ISO 639-1, NULL-terminated,
 * static). */
SUMM_API const char *const *summ_languages(void);

/* The library's version: SUMM_VERSION_NUMBER and "MAJOR.MINOR.PATCH" of the
 * library actually linked, which may differ from the header's macros. */
SUMM_API unsigned summ_version(void);
SUMM_API const char *summ_version_string(void);

#ifdef __cplusplus
}
#endif

#endif /* SUMMARIZE_H */

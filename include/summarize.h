/*
 * summarize.h - offline extractive text summarization.
 *
 * libsummarize picks the most important sentences of a text and returns
 * them as byte spans into the caller's own buffer, in their original
 * order, each with its clean text. Nothing is downloaded or printed.
 *
 * The pipeline: read the input format (plain text; HTML, Markdown, ...
 * become clean text with a map back to the input's bytes) -> segment
 * sentences -> tokenize (NFKC + case folding) -> drop stopwords, stem
 * (Snowball) -> score (TF-IDF, TextRank, position, title) -> select
 * without redundancy.
 *
 * Usage:
 *
 *     summ_ctx *ctx;
 *     if (summ_new(NULL, &ctx) != SUMM_OK) return -1;
 *     summ_set_int(ctx, SUMM_OPT_MAX_SENTENCES, 3);
 *     summ_result *res;
 *     if (summ_run(ctx, text, len, &res) != SUMM_OK) {
 *         fprintf(stderr, "%s\n", summ_errmsg(ctx));
 *         ...
 *     }
 *     for (size_t i = 0; i < summ_result_count(res); i++)
 *         puts(summ_result_at(res, i)->text);
 *     summ_result_free(res);
 *     summ_free(ctx);
 *
 * Thread safety: the library has no global mutable state. A summ_ctx must
 * not be used by two threads at once; use one context per thread
 * (summ_clone() makes another with the same options). Clones share their
 * word lists and their cache of stems with the context they were made
 * from (and with its other clones), safely: each may run on its own
 * thread while the others run, and be freed in any order. Results are
 * independent of their context and may be read from any thread.
 *
 * Compatibility: from 1.0 the functions and constants declared here keep
 * their meaning and their binary interface within a major version (the
 * soname is libsummarize.so.1). New options, flags and fields may be
 * added: options are set by number through summ_set_*(), never through a
 * struct the caller allocates, and the structs below are only handed out
 * by pointer (a later version may append members; never allocate one
 * yourself). Tuning knobs without that promise are in
 * summarize_experimental.h.
 *
 * Memory: everything goes through the allocator given to summ_new(),
 * except libstemmer's stemmer objects (one small object per language used
 * by a context, made with malloc(3) and freed with the context: libstemmer
 * has no allocator hook). Clones use the same allocator, so when they run
 * on several threads it must be safe to call from all of them at once
 * (as malloc is).
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
 * context that failed gives the detail (the option that was wrong, the byte
 * offset of an invalid UTF-8 sequence, ...).
 */
typedef enum summ_status {
    SUMM_OK = 0,
    SUMM_ENOMEM = -1,    /* an allocation failed; nothing leaked, state unchanged */
    SUMM_EINVAL = -2,    /* a NULL pointer, an unknown option, or a value out of range */
    SUMM_EUTF8 = -3,     /* the input is not valid UTF-8 */
    SUMM_EBINARY = -4,   /* the input has a NUL byte: binary, not text */
    SUMM_ELANG = -5,     /* unknown language name */
    SUMM_ETOOBIG = -6,   /* the input is larger than SUMM_MAX_INPUT */
    SUMM_EDATA = -7,     /* a data file (stopwords, abbreviations) is unreadable */
    SUMM_EFORMAT = -8    /* the input format cannot be read: not built in (see
                            summ_format_supported()), or the input is not in it */
} summ_status;

/* The largest input summ_run() accepts, in bytes (offsets and counts are
 * 32-bit inside the library). */
#define SUMM_MAX_INPUT ((size_t)1 << 31)

/*
 * Custom allocator. realloc_fn must behave like realloc(3) and free_fn like
 * free(3) (including NULL). The three functions get `opaque` as their first
 * argument. NULL, or a struct with a NULL function, means malloc/realloc/free.
 */
typedef struct summ_allocator {
    void *(*malloc_fn)(void *opaque, size_t size);
    void *(*realloc_fn)(void *opaque, void *ptr, size_t size);
    void (*free_fn)(void *opaque, void *ptr);
    void *opaque;
} summ_allocator;

/* ---- Contexts ---------------------------------------------------------- */

/* A summarization context: options plus caches (stemmers, stopword lists,
 * the stem cache) reused across texts. */
typedef struct summ_ctx summ_ctx;

/*
 * Create a context with the default options. alloc may be NULL (malloc);
 * it is copied. On success *out is a new context (free with summ_free());
 * on failure *out is NULL and the status is SUMM_EINVAL (out is NULL) or
 * SUMM_ENOMEM.
 */
SUMM_API summ_status summ_new(const summ_allocator *alloc, summ_ctx **out);

/* A new context with ctx's allocator and options: what each thread of a
 * pool needs. It has a stemmer of its own, and shares the word lists and
 * the cache of stems of ctx (a word one of them has stemmed, the others
 * find without stemming it again); the shared part lives until the last
 * context that shares it is freed. A context whose SUMM_OPT_DATA_DIR is
 * changed stops sharing (its lists come from elsewhere). Results do not
 * depend on what is shared. SUMM_EINVAL, SUMM_ENOMEM. */
SUMM_API summ_status summ_clone(const summ_ctx *ctx, summ_ctx **out);

/* Free a context and everything it owns. Accepts NULL. Results made with
 * it stay valid. */
SUMM_API void summ_free(summ_ctx *ctx);

/* ---- Options -------------------------------------------------------------
 *
 * Options belong to a context and apply to every call made with it after
 * they are set: change the length between two texts without losing the
 * caches. Each has a type (summ_option_info()); a value of the wrong type
 * or out of range is SUMM_EINVAL and leaves the option unchanged, with a
 * message naming the option (summ_errmsg()). Integer options can be set
 * with summ_set_double() when the value is a whole number, and real ones
 * with summ_set_int().
 */
typedef enum summ_option {
    /* Length of the summary. The smallest of the limits that are set wins;
     * 0 is "not set"; when none is set, 3 sentences. A text with a
     * sentence always gives at least one. A word or character budget is
     * kept: a sentence that does not fit what is left of it is passed over
     * for the next best one that does (the best set that fits, not the
     * best sentence cut); only when no sentence fits at all is it exceeded,
     * by the one shortest sentence. */
    SUMM_OPT_MAX_SENTENCES = 1,  /* int >= 0: at most this many sentences (default 3) */
    SUMM_OPT_RATIO = 2,          /* real in [0, 1]: at most this fraction of the
                                    sentences (rounded up; default 0) */
    SUMM_OPT_MAX_WORDS = 3,      /* int >= 0: at most this many words in all (default 0) */
    SUMM_OPT_MAX_KEYWORDS = 4,   /* int >= 0: keywords to extract (default 0: none) */
    SUMM_OPT_LANGUAGE = 5,       /* string: ISO 639-1 code ("en"), a tag with a region
                                    ("en-US", "pt_BR"), Snowball name ("english") or English
                                    name, any case (see summ_languages()); NULL, "" or
                                    "auto" = detect per text (default); "none" = no stemming, no
                                    stopwords. Unknown: SUMM_ELANG */
    SUMM_OPT_DATA_DIR = 6,       /* string: a directory of word lists laid out like the
                                    installed share/summarize/stopwords, which override the
                                    built-in ones; NULL = $SUMMARIZE_DATA_DIR, then the
                                    installed directory, then the lists compiled in */
    SUMM_OPT_INPUT_FORMAT = 7,   /* int: a summ_format (default SUMM_FORMAT_AUTO) */
    SUMM_OPT_EXTRACT = 8,        /* int 0 or 1: for HTML, 1 (default) keeps the main text
                                    only (the article: navigation, menus, footers, cookie
                                    banners, share bars, related links and comments
                                    dropped); 0 keeps every visible block */
    SUMM_OPT_MAX_CHARS = 9,      /* int >= 0: at most this many characters in all
                                    (default 0): code points of the sentences' texts
                                    with each run of white space counted as one */
    SUMM_OPT_QUERY = 10,         /* string: bias the summary toward sentences about these
                                    words (a question, a topic, a name), still extractive and in
                                    text order: the query's content words, stemmed like the
                                    text's, weigh the sentences that have them in the ranking
                                    (personalised PageRank) and the score. No sentence with
                                    any of them: the plain summary, with
                                    SUMM_WARN_QUERY_UNMATCHED. Valid UTF-8; NULL or "" = none
                                    (default) */
    SUMM_OPT_STOPWORDS = 11,     /* string: extra stopwords for every language this context
                                    reads (also for "none"): words separated by white space or
                                    one a line, "#" starts a comment line; case-folded like the
                                    built-in lists. Valid UTF-8; NULL or "" = none (default) */
    SUMM_OPT_KEYWORD_WORDS = 16  /* int in [1, 8]: at most this many words in a keyword
                                    (default 4); a hyphenated compound ("object-oriented")
                                    is one word; in Chinese and Japanese a keyword has at
                                    most this many characters plus one */
} summ_option;

/* Input formats. Every format gives spans into the input's own bytes and
 * clean text for each sentence. */
typedef enum summ_format {
    SUMM_FORMAT_AUTO = 0,   /* told from the content (never from a file name) */
    SUMM_FORMAT_TEXT = 1,   /* plain text: the sentences are the input's bytes */
    SUMM_FORMAT_HTML = 2,       /* a web page (needs a build with gumbo: see
                                   summ_format_supported()). Told from the content by
                                   a doctype, an <html> tag, or a start with a page's
                                   tag and a page that is mostly tags. Parsed as a
                                   browser does (HTML5); script, style, noscript,
                                   template, svg, math, form controls and hidden
                                   elements give no text; <title> (or the headline
                                   that repeats it) is the title, a heading of its
                                   own; with SUMM_OPT_EXTRACT (default) only the main
                                   text is kept. The charset: a byte order mark, else
                                   <meta charset> or http-equiv Content-Type in the
                                   first 1024 bytes, else an XML declaration; a page in
                                   another charset is converted with iconv(3)
                                   (SUMM_WARN_CHARSET_CONVERTED). Bytes that are valid
                                   UTF-8 are read as UTF-8 whatever the page declares
                                   (a saved page often keeps a stale declaration); a
                                   page that is not UTF-8 and declares no charset
                                   iconv knows is SUMM_EUTF8. Spans are offsets into
                                   the page's own bytes */
    SUMM_FORMAT_MARKDOWN = 3,   /* CommonMark / GitHub Markdown: code, tables, front
                                   matter, HTML blocks and comments are not text;
                                   headings and list items are structure; link, image,
                                   emphasis and code syntax is not in the text */
    SUMM_FORMAT_EMAIL = 4,      /* an RFC 5322 message, an mbox, or a pasted message:
                                   headers are metadata (Subject is the title),
                                   quoted replies SUMM_FLAG_QUOTED, signatures and
                                   disclaimers SUMM_FLAG_BOILERPLATE; MIME text/plain
                                   parts read, quoted-printable and base64 decoded,
                                   each in the charset it declares (the message's
                                   bytes need not be UTF-8: eight-bit parts are read
                                   in theirs, bytes that are no text there U+FFFD);
                                   an HTML body (HTML only, or beside an empty or stub
                                   plain part) read as a page's visible text when the
                                   build has gumbo, else left out (SUMM_WARN_SKIPPED) */
    SUMM_FORMAT_PDFTEXT = 5,    /* text from a PDF (pdftotext, ps2ascii, a viewer's
                                   copy): hyphenation at line ends rejoined, running
                                   headers, footers and page numbers left out */
    SUMM_FORMAT_SUBTITLES = 6,  /* SRT or WebVTT: cue numbers, timings, settings and
                                   markup are not text; a voice (<v Bob>) is a label */
    SUMM_FORMAT_TRANSCRIPT = 7  /* speaker-labelled turns ("ALICE:", "[Bob]", "Q:"):
                                   the label is the turn's summ_span.label */
} summ_format;

SUMM_API summ_status summ_set_int(summ_ctx *ctx, summ_option opt, long long value);
SUMM_API summ_status summ_set_double(summ_ctx *ctx, summ_option opt, double value);
/* value is copied; NULL sets the option's default. */
SUMM_API summ_status summ_set_string(summ_ctx *ctx, summ_option opt, const char *value);

/* The current value of an option: summ_get_int() of an int option,
 * summ_get_double() of an int or real one, summ_get_string() of a string
 * one (which may be NULL; the pointer is valid until the option is set
 * again or ctx is freed). SUMM_EINVAL for an unknown option or one of
 * another type; *value is then unchanged. */
SUMM_API summ_status summ_get_int(const summ_ctx *ctx, summ_option opt, long long *value);
SUMM_API summ_status summ_get_double(const summ_ctx *ctx, summ_option opt, double *value);
SUMM_API summ_status summ_get_string(const summ_ctx *ctx, summ_option opt, const char **value);

/* Set every option back to its default. The caches are kept. */
SUMM_API void summ_reset_options(summ_ctx *ctx);

typedef enum summ_type {
    SUMM_TYPE_INT = 1,
    SUMM_TYPE_REAL = 2,
    SUMM_TYPE_STRING = 3
} summ_type;

/* What an option is: for programs that set options by name (a command
 * line, a binding). Static; never freed. */
typedef struct summ_option_info {
    summ_option option;
    const char *name;        /* "max_sentences": lower case, underscores */
    summ_type type;
    double min, max;         /* bounds of an int or real option */
    int min_excluded;        /* 1: min itself is not allowed (position_decay > 0) */
    int max_excluded;        /* 1: max itself is not allowed (damping < 1) */
    double def;              /* its default (int or real) */
    const char *def_string;  /* a string option's default, or NULL */
    const char *doc;         /* one line of English */
    int experimental;        /* 1: from summarize_experimental.h, no promise */
} summ_option_info;

/* The description of opt, or NULL if there is no such option. */
SUMM_API const summ_option_info *summ_option_info_get(summ_option opt);
/* The i-th option (from 0, stable options first), or NULL past the last:
 * for (i = 0; (o = summ_option_info_at(i)); i++). */
SUMM_API const summ_option_info *summ_option_info_at(size_t i);
/* The option of a name ("max_sentences"; '-' may stand for '_'), or 0. */
SUMM_API summ_option summ_option_lookup(const char *name);

/* ---- Running ----------------------------------------------------------- */

/* One sentence of the input. */
typedef struct summ_span {
    size_t offset;        /* byte offset of the sentence in the input given to
                             summ_run() (for HTML, into the page's own bytes; in
                             a base64 part of an e-mail, the part's bytes in
                             proportion to the sentence's characters) */
    size_t length;        /* its length there, in bytes: from its first character
                             to its last, on UTF-8 character boundaries */
    size_t index;         /* the sentence's number in the text, from 0 */
    double score;         /* its score, in [0, 1]: 1 for the best sentence; 0 for
                             summ_split() and for headings and boilerplate */
    unsigned flags;       /* SUMM_FLAG_* */
    const char *text;     /* its clean text, NUL-terminated, owned by the result:
                             for plain text exactly the input's bytes of the span;
                             for other formats without markup */
    size_t text_length;   /* strlen(text), in bytes */
    size_t document;      /* which text of summ_run_multi() it is from (from 0); offset
                             and index are then within that text. 0 for the others */
    const char *label;    /* metadata of the sentence's turn, not part of its
                             text: the speaker of a transcript or subtitle turn
                             ("ALICE", "Bob"), the sender of an e-mail message
                             ("Karen Liu"). NUL-terminated, owned by the result;
                             NULL when there is none */
    size_t label_length;  /* strlen(label), 0 when label is NULL */
} summ_span;

#define SUMM_FLAG_HEADING     1u  /* a title or heading line without final punctuation */
#define SUMM_FLAG_LIST_ITEM   2u  /* a bullet or numbered list item */
#define SUMM_FLAG_BOILERPLATE 4u  /* "Advertisement", "Read more", a dateline: never
                                     selected while anything else can be */
#define SUMM_FLAG_PARAGRAPH   8u  /* the first sentence of a paragraph */
#define SUMM_FLAG_SELECTED   16u  /* chosen for the summary (summ_run, summ_rank) */
#define SUMM_FLAG_APPARATUS 128u  /* a figure or table caption, an equation or table row,
                                     a line of a references or acknowledgements section,
                                     a web page's code listing (<pre>): never selected
                                     while anything else can be */
#define SUMM_FLAG_QUERY     512u  /* has a content word of SUMM_OPT_QUERY */
#define SUMM_FLAG_QUOTED     32u  /* quoted from another text: an e-mail's quoted reply
                                     ("> ...", "On ... wrote:", an "Original Message");
                                     score 0, never selected while anything else can be */
#define SUMM_FLAG_FILLER     64u  /* a sentence of speech that is only fillers and
                                     acknowledgements ("Okay.", "Um, yeah."); score 0,
                                     never selected while anything else can be */

/* The outcome of a call. Owns no pointer into the input. */
typedef struct summ_result summ_result;

/*
 * Summarize text[0 .. len). text need not be NUL-terminated and may be
 * NULL when len is 0. A UTF-8 byte order mark is skipped, CR LF counts as a
 * newline. Empty or white-space-only text gives an empty result and SUMM_OK.
 * The result holds the chosen sentences, in text order.
 *
 * On success *out is a new result (free with summ_result_free()); on failure
 * *out is NULL and the status is one of SUMM_EINVAL (ctx or out NULL, or
 * text NULL with len > 0), SUMM_EUTF8 (summ_error_offset() gives the byte),
 * SUMM_EBINARY, SUMM_ETOOBIG, SUMM_EFORMAT, SUMM_ENOMEM, SUMM_EDATA. The
 * context stays usable after any error.
 */
SUMM_API summ_status summ_run(summ_ctx *ctx, const char *text, size_t len,
                              summ_result **out);

/*
 * Score every sentence: the result holds all sentences in text order, each
 * with its score, the summary's marked SUMM_FLAG_SELECTED (the same ones
 * summ_run() would choose). Same arguments, errors and ownership.
 */
SUMM_API summ_status summ_rank(summ_ctx *ctx, const char *text, size_t len,
                               summ_result **out);

/*
 * Segment text into sentences without scoring: the result holds every
 * sentence (headings and list items are units of their own), in order, with
 * score 0. Same arguments, errors and ownership as summ_run(). Boilerplate
 * lines ("Advertisement") are included and flagged.
 *
 * A line break ends a sentence only where the text shows it does (a blank
 * line, a list marker, a heading, a line of a text with one paragraph a
 * line), not in hard-wrapped text. A list item's span starts at its marker
 * ("- ", "1. ", "•"), which is kept. A news dateline or byline at the start
 * ("London (CNN) --", "By Jane Doe") is a boilerplate span of its own.
 * Sentences glued together by a lost period and space ("this yearThe
 * board") are split where the rest of the text gives evidence for it.
 * Abbreviations come from stopwords/abbrev/<code>.txt of the text's
 * language.
 */
SUMM_API summ_status summ_split(summ_ctx *ctx, const char *text, size_t len,
                                summ_result **out);

/*
 * One summary of several texts (a news cluster, a thread, the chapters of a
 * report): texts[k][0 .. lengths[k]) for k < n, each checked and read (its
 * format, its segmentation) on its own, then ranked as one graph of all
 * their sentences, so that a sentence many texts agree with ranks high and
 * a sentence repeating one already chosen (from any text) is skipped. Each
 * text's lead counts as a lead. When the length limit allows as many
 * sentences as there are texts with a sentence, each of them gives at least
 * one. The result holds the chosen sentences in document order (the order
 * of texts[]; pass them sorted by date for a chronological summary), then
 * text order; each span's document says which text, and its offset and
 * index are within that text. The language is one for all: the option's,
 * or the one most of the texts' bytes are in.
 *
 * texts[k] may be NULL when lengths[k] is 0; texts and lengths may be NULL
 * when n is 0 (an empty result). An error in one text fails the call, with
 * "text K: " before the message (summ_errmsg()) and summ_error_offset()
 * within that text. Otherwise as summ_run().
 */
SUMM_API summ_status summ_run_multi(summ_ctx *ctx, const char *const *texts,
                                    const size_t *lengths, size_t n, summ_result **out);

/* summ_rank() of several texts: every sentence of every text, in document
 * then text order, scored as by summ_run_multi(), its choice flagged. */
SUMM_API summ_status summ_rank_multi(summ_ctx *ctx, const char *const *texts,
                                     const size_t *lengths, size_t n, summ_result **out);

/* Number of texts the result is made of: 1 for summ_run(), summ_rank()
 * and summ_split(), n for the _multi calls (0 for NULL). */
SUMM_API size_t summ_result_documents(const summ_result *res);

/* Number of spans in res (0 for NULL). */
SUMM_API size_t summ_result_count(const summ_result *res);

/* The i-th span, in text order, or NULL if res is NULL or i is out of
 * range. The pointer lives as long as res. */
SUMM_API const summ_span *summ_result_at(const summ_result *res, size_t i);

/* Number of sentences the whole text had, or all the texts (0 for NULL). */
SUMM_API size_t summ_result_sentences(const summ_result *res);

/* The language the text was processed as: an ISO 639-1 code such as "en",
 * or "und" if it could not be told. A static string; never NULL. */
SUMM_API const char *summ_result_language(const summ_result *res);

/* The input format the text was read as (a summ_format, never AUTO;
 * SUMM_FORMAT_TEXT for NULL). */
SUMM_API summ_format summ_result_format(const summ_result *res);

/* Things worth knowing that did not stop the run. */
#define SUMM_WARN_NO_STEMMER 1u  /* this libstemmer lacks the language's algorithm:
                                    words were not stemmed */
#define SUMM_WARN_QUERY_UNMATCHED 2u  /* SUMM_OPT_QUERY was set but no sentence has any of
                                         its content words: the summary is the plain one */
#define SUMM_WARN_CHARSET_CONVERTED 4u  /* an HTML page in another charset than UTF-8
                                           was converted (or an e-mail whose bytes
                                           are not all UTF-8 was read, each part
                                           in its charset): spans are still offsets
                                           into its own bytes, on its characters'
                                           boundaries (not UTF-8 ones) */
#define SUMM_WARN_UNDECODED  8u  /* part of an e-mail was not valid text in its
                                    charset, or in one neither we nor the C
                                    library's iconv(3) convert: those bytes read
                                    as U+FFFD */
#define SUMM_WARN_SKIPPED   16u  /* parts that are not text were left out: an
                                    e-mail's attachments, or (in a build without
                                    gumbo) a body only in HTML */
SUMM_API unsigned summ_result_warnings(const summ_result *res);

/* A keyword or key phrase (README "How scoring works"): a run of content
 * words between stopwords and punctuation, ranked by its words' PageRank
 * in a word graph, first positions favoured. */
typedef struct summ_keyword {
    const char *text;     /* as it first appears in the text, white space collapsed
                             to single spaces; NUL-terminated, owned by the result */
    size_t text_length;   /* strlen(text) */
    size_t offset;        /* byte span of its first occurrence in the input */
    size_t length;
    double score;         /* in (0, 1]: 1 for the best keyword, never rising down
                             the list */
    size_t count;         /* how many times its words (by stem) occur in a row,
                             also inside longer phrases */
    size_t document;      /* the text of summ_run_multi() its first occurrence is in */
} summ_keyword;

/* Keywords (SUMM_OPT_MAX_KEYWORDS), best first: one ranking, so the first N
 * keywords are those of a run with N; fewer than asked only when the text
 * has no more candidates. summ_result_keyword()
 * returns NULL if i is out of range; the pointer lives as long as res. */
SUMM_API size_t summ_result_keyword_count(const summ_result *res);
SUMM_API const summ_keyword *summ_result_keyword(const summ_result *res, size_t i);

/* Free a result. Accepts NULL. */
SUMM_API void summ_result_free(summ_result *res);

/* ---- Errors, languages, formats, version ------------------------------- */

/* A static, English description of a status code. Never NULL. */
SUMM_API const char *summ_strerror(summ_status st);

/* The detail of the last error on ctx ("ratio: 1.5 is not in [0, 1]",
 * "invalid UTF-8 at byte 1234"), or "" if the last call succeeded. Valid
 * until the next call on ctx. ctx may be NULL (gives ""). */
SUMM_API const char *summ_errmsg(const summ_ctx *ctx);

/* Byte offset of the last SUMM_EUTF8 or SUMM_EBINARY error on ctx, or
 * (size_t)-1 if the last call did not fail that way. */
SUMM_API size_t summ_error_offset(const summ_ctx *ctx);

/* The languages the library knows: ISO 639-1 codes, NULL-terminated,
 * static. */
SUMM_API const char *const *summ_languages(void);

/* The English name of a language code, tag or name ("pt-BR" ->
 * "Portuguese"), or NULL if it is not one we know. */
SUMM_API const char *summ_language_name(const char *lang);

/* A format's name ("text", "html", ...), or NULL if there is none such;
 * and the format of a name, or -1. */
SUMM_API const char *summ_format_name(summ_format fmt);
SUMM_API int summ_format_lookup(const char *name);
/* 1 if this build of the library reads fmt, else 0. */
SUMM_API int summ_format_supported(summ_format fmt);

/* The library's version: SUMM_VERSION_NUMBER and "MAJOR.MINOR.PATCH" of the
 * library actually linked, which may differ from the header's macros. */
SUMM_API unsigned summ_version(void);
SUMM_API const char *summ_version_string(void);

#ifdef __cplusplus
}
#endif

#endif /* SUMMARIZE_H */

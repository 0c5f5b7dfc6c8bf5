/* testutil.h - what the unit tests share: an allocator that fails on
 * request, options given as a list, and a document taken through the
 * first stages. */
#ifndef SUMM_TESTUTIL_H
#define SUMM_TESTUTIL_H

#include "context.h"
#include "input/input.h"
#include "summarize_experimental.h"
#include "text/fold.h"

/* Counts live allocations; the allocation that finds countdown at 0 fails
 * (countdown < 0: none fails). */
typedef struct failing {
    long countdown;
    long live;
} failing;

/* An allocator over f, for summ_new(). */
summ_allocator failing_allocator(failing *f);

/* One option setting: a string option takes .string (NULL: its default),
 * an int or real one .number (through summ_set_double(), which takes any
 * whole number for an int option). A list of them ends with TEST_OPT_END
 * (option 0, which no option is). */
typedef struct test_opt {
    summ_option option;
    double number;
    const char *string;
} test_opt;

#define TEST_OPT_END { (summ_option)0, 0, NULL }

/* Set each option of opts (NULL: none) on ctx; every one must succeed. */
void set_options(summ_ctx *ctx, const test_opt *opts);

/* A short English article of five paragraphs, the fourth off its topic
 * (a bakery among the library budget's sentences). */
extern const char TEST_ARTICLE[];

/* A context with the default allocator and the options opts. */
summ_ctx *new_ctx_opts(const test_opt *opts);

/* res and ref are the same result: every span and keyword, field by field. */
void same_result(const summ_result *res, const summ_result *ref);

/* For every N, the Nth allocation of summ_new(), setting the options opts
 * (summ_set_string() copies its value: that allocation is hindered too),
 * summ_run(), summ_rank() and summ_split() on text fails: each call
 * succeeds with the same result as an unhindered run (spans, their texts,
 * flags, scores, keywords) or returns SUMM_ENOMEM with "out of memory", no
 * result and (for an option) the option unchanged; nothing leaks; and the
 * context still gives the unhindered result once memory is back. */
void fail_every_allocation(const char *text, size_t len, const test_opt *opts);

/* An English text segmented, its kinds of sentence told (features.c), tokenized (words kept, for keywords) and
 * turned into TF-IDF vectors, as summ_run() does before scoring. */
typedef struct fixture {
    summ_ctx *ctx;
    arena ar;
    doc d;
    tfidf v;
} fixture;

void fixture_setup(fixture *f, const char *text);
void fixture_teardown(fixture *f);

/* A plain-text document over text[0 .. len), for the stages: src and text
 * the same buffer, no BOM, no title, lang and lr as given. */
doc plain_doc(arena *ar, const char *text, size_t len, const lang_info *lang, langres *lr);

/* Free what the stages allocated outside the arena, then the arena. */
void doc_release(doc *d);

/* cmocka 1.1.5 (Debian 12's) writes a test that called skip() as
 * "not ok N # SKIP" in TAP, which meson counts as a failure (later cmocka
 * writes "ok N # SKIP"). Called first in main(), this filters stdout so a
 * skip reports as skipped, when the output is TAP (CMOCKA_MESSAGE_OUTPUT). */
void tap_skips_as_skips(void);

#endif

/* testutil.h - what the unit tests share: an allocator that fails on
 * request, and a document taken through the first stages. */
#ifndef SUMM_TESTUTIL_H
#define SUMM_TESTUTIL_H

#include "internal.h"

/* Counts live allocations; the allocation that finds countdown at 0 fails
 * (countdown < 0: none fails). */
typedef struct failing {
    long countdown;
    long live;
} failing;

/* An allocator over f, for summ_options.allocator. */
summ_allocator failing_allocator(failing *f);

/* For every N, the Nth allocation of summ_new() + summ_run() + summ_split()
 * on text with the options base fails: each call succeeds with the same
 * result as an unhindered run (sentence count and offsets) or returns
 * SUMM_ENOMEM with "out of memory" and no result; nothing leaks; and the
 * context still gives the unhindered result once memory is back. */
void fail_every_allocation(const char *text, size_t len, const summ_options *base);

/* An English text segmented, tokenized (words kept, for keywords) and
 * turned into TF-IDF vectors, as summ_run() does before scoring. */
typedef struct fixture {
    summ_ctx *ctx;
    arena ar;
    doc d;
    tfidf v;
} fixture;

void fixture_setup(fixture *f, const char *text);
void fixture_teardown(fixture *f);

#endif

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

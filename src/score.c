/* score.c - one score per sentence from its features:
 *
 *   centrality  TextRank rank (textrank.c), divided by the largest
 *   tfidf       the sentence's TF-IDF mass, divided by the largest
 *   position    exp(-p / position_decay), p = the sentence's position among
 *               the content sentences (headings and boilerplate skipped)
 *   title       cosine similarity to the title line, if the text has one
 *   centroid    cosine similarity to the document's mean TF-IDF vector
 *   length      -1 for sentences under 5 words, scaled up to 0 at 10 words
 *
 * score = sum of weight * feature, then divided by the largest score, so
 * the best sentence has 1. Headings and boilerplate score 0. */
#include <math.h>
#include <string.h>

#include "internal.h"

summ_status
score(doc *d, const tfidf *v, const summ_options *o)
{
    size_t n = d->nsent;
    arena *ar = d->ar;
    d->score = arena_calloc(ar, n ? n : 1, sizeof *d->score);
    double *rank = arena_calloc(ar, n ? n : 1, sizeof *rank);
    if (!d->score || !rank)
        return SUMM_ENOMEM;
    if (n == 0)
        return SUMM_OK;

    summ_status st;
    if (o->w_textrank > 0 && (st = textrank(d, v, o->damping, rank)) != SUMM_OK)
        return st;

    double maxrank = 0, maxmass = 0;
    for (size_t i = 0; i < n; i++) {
        if (rank[i] > maxrank)
            maxrank = rank[i];
        if (v->mass[i] > maxmass)
            maxmass = v->mass[i];
    }

    /* Centroid: the mean of the unit rows, kept dense over the vocabulary. */
    double *centroid = NULL;
    double cnorm = 0;
    if (o->w_centroid > 0) {
        centroid = arena_calloc(ar, d->nvocab ? d->nvocab : 1, sizeof *centroid);
        if (!centroid)
            return SUMM_ENOMEM;
        for (size_t k = 0; k < v->off[n]; k++)
            centroid[v->id[k]] += v->w[k];
        for (size_t t = 0; t < d->nvocab; t++)
            cnorm += centroid[t] * centroid[t];
        cnorm = sqrt(cnorm);
    }

    const uint32_t skip = SUMM_FLAG_HEADING | SUMM_FLAG_BOILERPLATE;
    size_t pos = 0;
    double best = 0;
    for (size_t i = 0; i < n; i++) {
        if (d->sent[i].flags & skip) {
            d->score[i] = 0;
            continue;
        }
        double s = 0;
        if (maxrank > 0)
            s += o->w_textrank * rank[i] / maxrank;
        if (maxmass > 0)
            s += o->w_tfidf * v->mass[i] / maxmass;
        s += o->w_position * exp(-(double)pos / o->position_decay);
        if (o->w_title > 0 && d->title != SIZE_MAX)
            s += o->w_title * tfidf_cosine(v, i, d->title);
        if (centroid && cnorm > 0) {
            double dot = 0;
            for (size_t k = v->off[i]; k < v->off[i + 1]; k++)
                dot += v->w[k] * centroid[v->id[k]];
            s += o->w_centroid * dot / cnorm;
        }
        if (o->w_length > 0 && d->sent[i].nwords < 10)
            s -= o->w_length * (d->sent[i].nwords < 5 ? 1.0 : (10.0 - d->sent[i].nwords) / 5.0);
        d->score[i] = s;
        if (s > best)
            best = s;
        pos++;
    }
    for (size_t i = 0; i < n; i++)
        d->score[i] = best > 0 && d->score[i] > 0 ? d->score[i] / best : 0;
    return SUMM_OK;
}

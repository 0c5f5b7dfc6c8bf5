/* score.c - one score per sentence from its features:
 *
 *   centrality  TextRank rank (textrank.c; edge weight similarity),
 *               divided by the largest
 *   directed    PacSum's directed degree (Zheng & Lapata 2019): summed
 *               similarity to later sentences minus directed_backward times
 *               that to earlier ones, divided by the largest magnitude
 *   tfidf       the sentence's TF-IDF mass, divided by the largest
 *   position    exp(-p / position_decay), p = the sentence's position among
 *               the content sentences (headings, boilerplate, quoted text and
 *               fillers skipped); none in a conversation (transcripts,
 *               subtitles), whose first turns are greetings
 *   title       cosine similarity to the title line, if the text has one
 *   centroid    cosine similarity to the document's mean TF-IDF vector
 *   length      -1 for sentences under 5 words, scaled up to 0 at 10 words
 *
 * The position weight is not fixed: it is scaled down when the summary is
 * longer than the lead can be (lead_ratio of the text), and by how well the
 * lead sums up the rest of this text (lead_adapt, lead_strength() below).
 * score = sum of weight * feature, then divided by the largest score, so
 * the best sentence has 1. Headings and boilerplate score 0. */
#include <math.h>
#include <string.h>

#include "stages.h"

#define LEAD_SENTENCES 3
/* A lead that sums up the text is a feature of articles, not of books: in
 * a text of more content sentences than this, the position weight is scaled
 * by LEAD_TEXT_MAX / sentences. News stories, even long features, stay
 * below it (BBC at most 253 sentences, mostly under 40; CNN at most 130). */
#define LEAD_TEXT_MAX 300

/* How much this text is written as an inverted pyramid: the cosine of the
 * summed TF-IDF vector of its first LEAD_SENTENCES content sentences with
 * that of the rest, over the mean cosine of one content sentence with the
 * rest. Near 1 when the lead is no closer to the rest than any sentence;
 * above 1 when the lead sums up what follows (then position should count
 * more), below when it is a hook or an aside. 1 when it cannot be told. */
static summ_status
lead_strength(doc *d, const tfidf *v, uint32_t skip, double *out)
{
    *out = 1.0;
    size_t n = d->nsent, m = 0, total = 0;
    for (size_t i = 0; i < n; i++)
        total += !(d->sent[i].flags & skip);
    m = total < LEAD_SENTENCES ? total : LEAD_SENTENCES;
    if (total <= m)
        return SUMM_OK;
    double *lead = summ__arena_calloc(d->ar, d->nvocab ? d->nvocab : 1, sizeof *lead);
    double *rest = summ__arena_calloc(d->ar, d->nvocab ? d->nvocab : 1, sizeof *rest);
    if (!lead || !rest)
        return SUMM_ENOMEM;
    size_t seen = 0;
    for (size_t i = 0; i < n; i++) {
        if (d->sent[i].flags & skip)
            continue;
        double *x = seen++ < m ? lead : rest;
        for (size_t k = v->off[i]; k < v->off[i + 1]; k++)
            x[v->id[k]] += v->w[k];
    }
    double lr = 0, ll = 0, rr = 0;
    for (size_t t = 0; t < d->nvocab; t++) {
        lr += lead[t] * rest[t];
        ll += lead[t] * lead[t];
        rr += rest[t] * rest[t];
    }
    if (ll <= 0 || rr <= 0)
        return SUMM_OK;
    double mean = 0;  /* rows are unit vectors: a dot product is a cosine * |rest| */
    for (size_t i = 0; i < n; i++) {
        if (d->sent[i].flags & skip)
            continue;
        for (size_t k = v->off[i]; k < v->off[i + 1]; k++)
            mean += v->w[k] * rest[v->id[k]];
    }
    mean /= (double)total * sqrt(rr);
    if (mean > 0)
        *out = lr / sqrt(ll * rr) / mean;
    return SUMM_OK;
}

summ_status
summ__score(doc *d, const tfidf *v, const params *o, double klen)
{
    size_t n = d->nsent;
    arena *ar = d->ar;
    d->score = summ__arena_calloc(ar, n ? n : 1, sizeof *d->score);
    double *rank = summ__arena_calloc(ar, n ? n : 1, sizeof *rank);
    double *fwd = summ__arena_calloc(ar, n ? n : 1, sizeof *fwd);
    double *bwd = summ__arena_calloc(ar, n ? n : 1, sizeof *bwd);
    if (!d->score || !rank || !fwd || !bwd)
        return SUMM_ENOMEM;
    if (n == 0)
        return SUMM_OK;

    summ_status st;
    if ((o->w_textrank > 0 || o->w_directed > 0)
        && (st = summ__sentence_graph(d, v, o->similarity, o->damping, rank, fwd, bwd)) != SUMM_OK)
        return st;
    /* PacSum's directed centrality: a sentence that later sentences take
     * up is central, one that only echoes earlier ones is not. */
    double maxdir = 0;
    for (size_t i = 0; i < n; i++) {
        fwd[i] -= o->directed_backward * bwd[i];
        if (fabs(fwd[i]) > maxdir)
            maxdir = fabs(fwd[i]);
    }

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
        centroid = summ__arena_calloc(ar, d->nvocab ? d->nvocab : 1, sizeof *centroid);
        if (!centroid)
            return SUMM_ENOMEM;
        for (size_t k = 0; k < v->off[n]; k++)
            centroid[v->id[k]] += v->w[k];
        for (size_t t = 0; t < d->nvocab; t++)
            cnorm += centroid[t] * centroid[t];
        cnorm = sqrt(cnorm);
    }

    /* Headings, boilerplate, quoted text and fillers score 0, unless the
     * text has nothing else ("Hello world", a list of titles, a forward
     * without a word of its own): then they are what select.c chooses
     * from, and the best of them must score 1 too. */
    const uint32_t other = SUMM_FLAG_BOILERPLATE | SUMM_FLAG_QUOTED | SUMM_FLAG_FILLER;
    uint32_t skip = SUMM_FLAG_HEADING | other;
    size_t ncontent = 0;
    for (int pass = 0; pass < 3 && ncontent == 0; pass++) {
        skip = pass == 0 ? skip : pass == 1 ? other : 0;
        for (size_t i = 0; i < n; i++)
            ncontent += !(d->sent[i].flags & skip);
    }
    /* The lead can fill only so much of a summary: the longer the summary
     * asked for, the less its choice is the lead's. */
    /* A conversation's first turns are greetings, not its summary. */
    double wpos = d->conversation ? 0 : o->w_position;
    if (o->lead_ratio > 0 && klen > o->lead_ratio * (double)ncontent)
        wpos *= o->lead_ratio * (double)ncontent / klen;
    if (ncontent > LEAD_TEXT_MAX)
        wpos *= (double)LEAD_TEXT_MAX / (double)ncontent;
    /* A query says what the reader wants: the lead matters less. */
    double maxq = 0;
    for (size_t i = 0; d->qrel && i < n; i++)
        maxq = d->qrel[i] > maxq ? d->qrel[i] : maxq;
    if (maxq > 0)
        wpos *= o->query_position;
    if (o->lead_adapt > 0 && wpos > 0) {
        double strength;
        if ((st = lead_strength(d, v, skip, &strength)) != SUMM_OK)
            return st;
        wpos *= pow(strength, o->lead_adapt);
    }
    size_t pos = 0;
    double best = -HUGE_VAL;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && d->sent[i].docno != d->sent[i - 1].docno)
            pos = 0;  /* several texts in one: each has its lead */
        if (d->sent[i].flags & skip) {
            d->score[i] = 0;
            continue;
        }
        double s = 0;
        if (maxq > 0)
            s += o->w_query * d->qrel[i] / maxq;
        if (maxrank > 0)
            s += o->w_textrank * rank[i] / maxrank;
        if (maxmass > 0)
            s += o->w_tfidf * v->mass[i] / maxmass;
        if (maxdir > 0)
            s += o->w_directed * fwd[i] / maxdir;
        s += wpos * exp(-(double)pos / o->position_decay);
        if (o->w_title > 0 && d->title != SIZE_MAX)
            s += o->w_title * summ__tfidf_cosine(v, i, d->title);
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
    /* When every score is negative (weights set so), exp(s - best) keeps
     * their order and still gives the best 1. */
    for (size_t i = 0; i < n; i++) {
        if (d->sent[i].flags & skip)
            continue;
        if (best > 0)
            d->score[i] = d->score[i] > 0 ? d->score[i] / best : 0;
        else
            d->score[i] = exp(d->score[i] - best);
    }
    return SUMM_OK;
}

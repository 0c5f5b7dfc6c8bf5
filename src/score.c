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
 *   kinds       (features.c) a cue phrase, addressing the reader, a question,
 *               citation markers, numbers, fillers: a bonus or a penalty each
 *   long        when the summary is a few sentences of a longer text, a
 *               sentence pays for each long_words it has over long_words
 *   sections    in a text with named sections, the position within its
 *               section, and a bonus for the start of an abstract or
 *               conclusion
 *
 * The position weight is not fixed: it is scaled down when the summary is
 * longer than the lead can be (lead_ratio of the text), by how well the
 * lead sums up the rest of this text (lead_adapt, lead_strength() below),
 * and by how little news-like the text is (the share of its sentences in
 * the first person plural, first_person_low to first_person_high).
 * score = sum of weight * feature, then divided by the largest score, so
 * the best sentence has 1. Headings, boilerplate and apparatus score 0. */
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

/* News copy is written in the third person; papers, reports and calls
 * say "we" in every few sentences: the lead bias is news's, so it fades
 * with the share of first-person sentences (1 up to first_person_low, 0
 * from first_person_high). */
static double
news_likeness(const doc *d, const params *o)
{
    double lo = o->first_person_low, hi = o->first_person_high;
    if (hi <= 0 || hi <= lo)
        return 1.0;
    double g = (hi - d->first_person) / (hi - lo);
    return g < 0 ? 0 : g > 1 ? 1 : g;
}

/* What the kind of sentence i adds to its score (features.c). */
static double
kind_terms(const doc *d, size_t i, const params *o, double long_gate, double long_words)
{
    const sfeat *f = &d->feat[i];
    double s = 0;
    if (f->bits & FEAT_CUE)
        s += o->w_cue;
    if (f->bits & FEAT_YOU)
        s -= o->w_second_person;
    if (f->bits & FEAT_QUESTION)
        s -= o->w_question;
    if (f->bits & FEAT_FILLER)
        s -= o->w_filler;
    s -= o->w_citation * (f->ncite < 2 ? f->ncite / 2.0 : 1.0);
    s += o->w_number * (f->nnum < 3 ? f->nnum / 3.0 : 1.0);
    double nw = d->sent[i].nwords;
    if (long_gate > 0 && nw > long_words)
        s -= o->w_long * long_gate * (nw - long_words) / long_words;
    return s;
}

summ_status
summ__score(doc *d, const tfidf *v, const params *o, double klen)
{
    size_t n = d->nsent;
    arena *ar = d->ar;
    d->score = summ__arena_calloc(ar, n ? n : 1, sizeof *d->score);
    double *rank = summ__arena_calloc(ar, n ? n : 1, sizeof *rank);
    /* The directed degrees only where they are weighed (not by default):
     * their term would add 0 * x to a score that is no -0, which leaves
     * its bits as they are. */
    bool directed = o->w_directed > 0;
    double *fwd = directed ? summ__arena_calloc(ar, n ? n : 1, sizeof *fwd) : NULL;
    double *bwd = directed ? summ__arena_calloc(ar, n ? n : 1, sizeof *bwd) : NULL;
    if (!d->score || !rank || (directed && (!fwd || !bwd)))
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
    for (size_t i = 0; directed && i < n; i++) {
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

    /* Headings, boilerplate, apparatus, quoted text and fillers score 0,
     * unless the text has nothing else ("Hello world", a list of titles, a
     * forward without a word of its own): then they are what select.c
     * chooses from, and the best of them must score 1 too. */
    const uint32_t furniture = SUMM_FLAG_BOILERPLATE | SUMM_FLAG_APPARATUS | SUMM_FLAG_QUOTED
                               | SUMM_FLAG_FILLER;
    uint32_t skip = SUMM_FLAG_HEADING | furniture;
    size_t ncontent = 0;
    for (int pass = 0; pass < 3 && ncontent == 0; pass++) {
        skip = pass == 0 ? skip : pass == 1 ? furniture : 0;
        for (size_t i = 0; i < n; i++)
            ncontent += !(d->sent[i].flags & skip);
    }
    /* The lead can fill only so much of a summary: the longer the summary
     * asked for, the less its choice is the lead's. */
    /* A conversation's first turns are greetings, not its summary. */
    double wpos = d->conversation ? 0 : o->w_position;
    if (o->lead_ratio > 0 && klen > o->lead_ratio * (double)ncontent)
        wpos *= pow(o->lead_ratio * (double)ncontent / klen, o->lead_ratio_power);
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
    wpos *= news_likeness(d, o);
    /* The long penalty is for a summary in sentences that is a small part
     * of the text: there a long sentence takes the room of two. */
    double long_gate = 0;
    if (!o->max_words && !o->max_chars && o->w_long > 0 && o->long_share > 0 && ncontent)
        long_gate = 1.0 - klen / ((double)ncontent * o->long_share);
    double long_words = o->long_words;
    if (o->long_relative > 0 && ncontent) {
        size_t words = 0;
        for (size_t i = 0; i < n; i++)
            words += (d->sent[i].flags & skip) ? 0 : d->sent[i].nwords;
        long_words = o->long_relative * (double)words / (double)ncontent;
        if (long_words < 1)
            long_words = 1;
    }
    bool sections = d->nsections >= 2;
    size_t pos = 0, secpos = 0;
    double best = -HUGE_VAL;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && d->sent[i].docno != d->sent[i - 1].docno)
            pos = secpos = 0;  /* several texts in one: each has its lead */
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
        if (d->feat) {
            if (d->feat[i].bits & FEAT_SECTION)
                secpos = 0;
            if (sections && d->feat[i].section != SECTION_NONE) {
                double at = exp(-(double)secpos / o->position_decay);
                s += o->w_section * at;
                if (d->feat[i].section == SECTION_LEAD)
                    s += o->w_lead_section * at;
            }
            s += kind_terms(d, i, o, long_gate, long_words);
        }
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
        secpos++;
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

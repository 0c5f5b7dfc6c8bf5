/* params.h - the settings of a context, as the stages read them. The
 * public side (names, types, bounds, defaults; summ_set_int() and the
 * others) is the table in params.c. */
#ifndef SUMM_CORE_PARAMS_H
#define SUMM_CORE_PARAMS_H

#include <stddef.h>

#include "core/core.h"

typedef struct params {
    /* Length of the summary: the smallest of the limits set wins; 0 is
     * "not set"; if none is set, 3 sentences. */
    size_t max_sentences;
    double ratio;
    size_t max_words;
    size_t max_chars;      /* code points of the sentences as printed */
    size_t max_keywords;

    char *language;        /* owned; NULL = detect */
    char *data_dir;        /* owned; NULL = $SUMMARIZE_DATA_DIR, then installed */
    int input_format;      /* a summ_format */
    int extract;           /* HTML: 1 = main text only, 0 = every visible block */
    char *query;           /* owned; NULL = none */
    char *stopwords;       /* owned; NULL = none: extra stopwords, white-space separated */

    /* Scoring (experimental: summarize_experimental.h). */
    double w_textrank, w_tfidf, w_position, position_decay, w_title, w_centroid, w_length;
    int similarity;
    double w_directed, directed_backward, lead_ratio, lead_adapt;
    double damping, redundancy;
    /* The kinds of sentence (features.c) and the genre of the text. */
    double w_cue, w_second_person, w_question, w_citation, w_number, w_filler;
    double w_long, long_words, long_share, long_relative;
    double first_person_low, first_person_high;
    double w_section, w_lead_section, lead_ratio_power;
    double w_query, query_bias, query_position;
    double multi_redundancy;

    /* Keywords (keyword_words is public, the rest experimental). */
    size_t kw_words;
    int kw_window, kw_subphrases, kw_redundancy, kw_cross;
    double kw_position, kw_length, kw_count, kw_damping;
} params;

/* The defaults (strings NULL). */
void summ__params_default(params *p);
/* Free p's strings. */
void summ__params_free(const salloc *al, params *p);
/* Copy src into dst (strings duplicated); false on OOM, dst unchanged. */
bool summ__params_copy(const salloc *al, params *dst, const params *src);

/* Set or get option opt (a summ_option) of p; the errors of summ_set_int()
 * and the others, with a message naming the option in err. */
summ_status summ__params_set_int(params *p, const salloc *al, int opt, long long v, summ_err *err);
summ_status summ__params_set_double(params *p, const salloc *al, int opt, double v, summ_err *err);
summ_status summ__params_set_string(params *p, const salloc *al, int opt, const char *v,
                                    summ_err *err);
summ_status summ__params_get_int(const params *p, int opt, long long *v);
summ_status summ__params_get_double(const params *p, int opt, double *v);
summ_status summ__params_get_string(const params *p, int opt, const char **v);

#endif

/* options.c - the options of a context: one table gives each its name,
 * type, bounds, default and place in struct params, and set, get, lookup
 * and the defaults are all read from it. Adding an option is adding a row
 * (and its field, and its number in summarize.h or
 * summarize_experimental.h). */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "core/params.h"
#include "lang/lang.h"
#include "text/utf8.h"
#include "summarize_experimental.h"

typedef struct optdef {
    summ_option_info info;
    size_t off;            /* of the field in struct params */
    enum { F_SIZE, F_INT, F_REAL, F_STR } field;
} optdef;

#define O(opt, name, type, lo, hi, def, doc, exp, fld, kind) \
    { { opt, name, type, lo, hi, 0, 0, def, NULL, doc, exp }, offsetof(params, fld), kind }
#define BIG 9007199254740992.0  /* 2^53: any count a size_t of ours can hold */

static const optdef table[] = {
    O(SUMM_OPT_MAX_SENTENCES, "max_sentences", SUMM_TYPE_INT, 0, BIG, 3,
      "at most this many sentences; 0 = not set", 0, max_sentences, F_SIZE),
    O(SUMM_OPT_RATIO, "ratio", SUMM_TYPE_REAL, 0, 1, 0,
      "at most this fraction of the sentences; 0 = not set", 0, ratio, F_REAL),
    O(SUMM_OPT_MAX_WORDS, "max_words", SUMM_TYPE_INT, 0, BIG, 0,
      "at most this many words in all; 0 = not set", 0, max_words, F_SIZE),
    O(SUMM_OPT_MAX_CHARS, "max_chars", SUMM_TYPE_INT, 0, BIG, 0,
      "at most this many characters in all; 0 = not set", 0, max_chars, F_SIZE),
    O(SUMM_OPT_MAX_KEYWORDS, "max_keywords", SUMM_TYPE_INT, 0, BIG, 0,
      "keywords to extract", 0, max_keywords, F_SIZE),
    { { SUMM_OPT_LANGUAGE, "language", SUMM_TYPE_STRING, 0, 0, 0, 0, 0, "auto",
        "ISO 639-1 code or language name; auto = detect, none = no stemming", 0 },
      offsetof(params, language), F_STR },
    { { SUMM_OPT_DATA_DIR, "data_dir", SUMM_TYPE_STRING, 0, 0, 0, 0, 0, NULL,
        "a directory of word lists that override the built-in ones", 0 },
      offsetof(params, data_dir), F_STR },
    O(SUMM_OPT_INPUT_FORMAT, "input_format", SUMM_TYPE_INT, 0, SUMM_FORMAT_TRANSCRIPT,
      SUMM_FORMAT_AUTO,
      "a summ_format: 0 auto, 1 text, 2 html, 3 markdown, 4 email, 5 pdftext, 6 subtitles, "
      "7 transcript", 0, input_format, F_INT),
    O(SUMM_OPT_EXTRACT, "extract", SUMM_TYPE_INT, 0, 1, 1,
      "HTML: 1 = the main text only, 0 = every visible block", 0, extract, F_INT),
    { { SUMM_OPT_QUERY, "query", SUMM_TYPE_STRING, 0, 0, 0, 0, 0, NULL,
        "bias the summary toward sentences with these words", 0 },
      offsetof(params, query), F_STR },
    { { SUMM_OPT_STOPWORDS, "stopwords", SUMM_TYPE_STRING, 0, 0, 0, 0, 0, NULL,
        "extra stopwords, separated by white space", 0 },
      offsetof(params, stopwords), F_STR },
    O(SUMM_OPT_KEYWORD_WORDS, "keyword_words", SUMM_TYPE_INT, 1, 8, 4,
      "at most this many words in a keyword", 0, kw_words, F_SIZE),

    O(SUMM_OPT_W_TEXTRANK, "w_textrank", SUMM_TYPE_REAL, 0, 1e6, 1.0,
      "weight of TextRank centrality", 1, w_textrank, F_REAL),
    O(SUMM_OPT_W_TFIDF, "w_tfidf", SUMM_TYPE_REAL, 0, 1e6, 0.0,
      "weight of the sentence's TF-IDF mass", 1, w_tfidf, F_REAL),
    O(SUMM_OPT_W_POSITION, "w_position", SUMM_TYPE_REAL, 0, 1e6, 2.0,
      "weight of the lead bias", 1, w_position, F_REAL),
    { { SUMM_OPT_POSITION_DECAY, "position_decay", SUMM_TYPE_REAL, 0, 1e6, 1, 0, 3.5, NULL,
        "the lead bias's decay, in sentences (> 0)", 1 },
      offsetof(params, position_decay), F_REAL },
    O(SUMM_OPT_W_TITLE, "w_title", SUMM_TYPE_REAL, 0, 1e6, 0.0,
      "weight of the similarity to the title", 1, w_title, F_REAL),
    O(SUMM_OPT_W_CENTROID, "w_centroid", SUMM_TYPE_REAL, 0, 1e6, 3.0,
      "weight of the similarity to the document's centroid", 1, w_centroid, F_REAL),
    O(SUMM_OPT_W_LENGTH, "w_length", SUMM_TYPE_REAL, 0, 1e6, 1.0,
      "weight of the penalty for short sentences", 1, w_length, F_REAL),
    O(SUMM_OPT_SIMILARITY, "similarity", SUMM_TYPE_INT, 0, 2, SUMM_SIM_OVERLAP,
      "TextRank's edge weight: 0 cosine, 1 overlap, 2 bm25", 1, similarity, F_INT),
    O(SUMM_OPT_W_DIRECTED, "w_directed", SUMM_TYPE_REAL, 0, 1e6, 0.0,
      "weight of PacSum's directed centrality", 1, w_directed, F_REAL),
    O(SUMM_OPT_DIRECTED_BACKWARD, "directed_backward", SUMM_TYPE_REAL, 0, 1e6, 0.5,
      "directed centrality's weight of earlier sentences", 1, directed_backward, F_REAL),
    O(SUMM_OPT_LEAD_RATIO, "lead_ratio", SUMM_TYPE_REAL, 0, 1e6, 0.2,
      "the share of the sentences the lead bias can fill; 0 = off", 1, lead_ratio, F_REAL),
    O(SUMM_OPT_LEAD_ADAPT, "lead_adapt", SUMM_TYPE_REAL, 0, 1e6, 1.0,
      "power of the lead's measured strength; 0 = off", 1, lead_adapt, F_REAL),
    { { SUMM_OPT_DAMPING, "damping", SUMM_TYPE_REAL, 0, 1, 0, 1, 0.85, NULL,
        "TextRank's damping factor, in [0, 1)", 1 },
      offsetof(params, damping), F_REAL },
    { { SUMM_OPT_REDUNDANCY, "redundancy", SUMM_TYPE_REAL, 0, 1, 1, 0, 0.7, NULL,
        "skip a sentence whose cosine with a chosen one exceeds this; 1 = off", 1 },
      offsetof(params, redundancy), F_REAL },
    O(SUMM_OPT_W_CUE, "w_cue", SUMM_TYPE_REAL, 0, 1e6, 1.0,
      "bonus for a cue phrase (\"we propose\", \"in this paper\")", 1, w_cue, F_REAL),
    O(SUMM_OPT_W_SECOND_PERSON, "w_second_person", SUMM_TYPE_REAL, 0, 1e6, 0.0,
      "penalty for addressing the reader (\"you\", outside quotes)", 1, w_second_person,
      F_REAL),
    O(SUMM_OPT_W_QUESTION, "w_question", SUMM_TYPE_REAL, 0, 1e6, 0.0,
      "penalty for a question", 1, w_question, F_REAL),
    O(SUMM_OPT_W_CITATION, "w_citation", SUMM_TYPE_REAL, 0, 1e6, 0.25,
      "penalty for citation markers (two or more: all of it)", 1, w_citation, F_REAL),
    O(SUMM_OPT_W_NUMBER, "w_number", SUMM_TYPE_REAL, 0, 1e6, 0.2,
      "bonus for numbers (three or more: all of it)", 1, w_number, F_REAL),
    O(SUMM_OPT_W_FILLER, "w_filler", SUMM_TYPE_REAL, 0, 1e6, 1.0,
      "penalty for a sentence of fillers (\"Okay.\", \"Thank you.\")", 1, w_filler, F_REAL),
    O(SUMM_OPT_W_LONG, "w_long", SUMM_TYPE_REAL, 0, 1e6, 1.0,
      "penalty per long_words over long_words, for a short summary in sentences", 1, w_long,
      F_REAL),
    { { SUMM_OPT_LONG_WORDS, "long_words", SUMM_TYPE_REAL, 0, 1e6, 1, 0, 25.0, NULL,
        "where a long sentence starts, in words (> 0)", 1 },
      offsetof(params, long_words), F_REAL },
    O(SUMM_OPT_LONG_RELATIVE, "long_relative", SUMM_TYPE_REAL, 0, 1e6, 1.0,
      "if > 0: long_words is this many times the text's mean sentence", 1, long_relative,
      F_REAL),
    O(SUMM_OPT_LONG_SHARE, "long_share", SUMM_TYPE_REAL, 0, 1, 0.5,
      "the share of the sentences at which the long penalty is gone", 1, long_share, F_REAL),
    O(SUMM_OPT_FIRST_PERSON_LOW, "first_person_low", SUMM_TYPE_REAL, 0, 1, 0.05,
      "first-person share up to which the lead bias is whole", 1, first_person_low, F_REAL),
    O(SUMM_OPT_FIRST_PERSON_HIGH, "first_person_high", SUMM_TYPE_REAL, 0, 1, 0.35,
      "first-person share from which there is no lead bias; 0 = off", 1, first_person_high,
      F_REAL),
    O(SUMM_OPT_W_SECTION, "w_section", SUMM_TYPE_REAL, 0, 1e6, 0.5,
      "weight of the position in its section, in a text with named sections", 1, w_section,
      F_REAL),
    O(SUMM_OPT_W_LEAD_SECTION, "w_lead_section", SUMM_TYPE_REAL, 0, 1e6, 1.0,
      "bonus for the start of an abstract or conclusion section", 1, w_lead_section, F_REAL),
    O(SUMM_OPT_LEAD_RATIO_POWER, "lead_ratio_power", SUMM_TYPE_REAL, 0, 1e6, 4.0,
      "power of lead_ratio's scaling of the lead bias", 1, lead_ratio_power, F_REAL),
    O(SUMM_OPT_W_QUERY, "w_query", SUMM_TYPE_REAL, 0, 1e6, 3.0,
      "weight of the similarity to the query", 1, w_query, F_REAL),
    O(SUMM_OPT_QUERY_BIAS, "query_bias", SUMM_TYPE_REAL, 0, 1, 0.9,
      "share of PageRank's random jumps to sentences like the query", 1, query_bias, F_REAL),
    O(SUMM_OPT_QUERY_POSITION, "query_position", SUMM_TYPE_REAL, 0, 1, 0.5,
      "the lead bias's factor when a query matches", 1, query_position, F_REAL),
    { { SUMM_OPT_MULTI_REDUNDANCY, "multi_redundancy", SUMM_TYPE_REAL, 0, 1, 1, 0, 0.35, NULL,
        "redundancy's threshold when several texts are summarized as one", 1 },
      offsetof(params, multi_redundancy), F_REAL },

    O(SUMM_OPT_KW_WINDOW, "kw_window", SUMM_TYPE_INT, 2, 32, 2,
      "keywords: link words at most this many words apart", 1, kw_window, F_INT),
    O(SUMM_OPT_KW_POSITION, "kw_position", SUMM_TYPE_REAL, 0, 1, 1.0,
      "keywords: share of the teleport given by first positions", 1, kw_position, F_REAL),
    O(SUMM_OPT_KW_LENGTH, "kw_length", SUMM_TYPE_REAL, 0, 2, 0.0,
      "keywords: a phrase's summed rank is divided by its length to this power", 1,
      kw_length, F_REAL),
    O(SUMM_OPT_KW_COUNT, "kw_count", SUMM_TYPE_REAL, 0, 2, 0.5,
      "keywords: a phrase's score is multiplied by its occurrences to this power", 1,
      kw_count, F_REAL),
    { { SUMM_OPT_KW_DAMPING, "kw_damping", SUMM_TYPE_REAL, 0, 1, 0, 1, 0.85, NULL,
        "keywords: the word graph's damping factor, in [0, 1)", 1 },
      offsetof(params, kw_damping), F_REAL },
    O(SUMM_OPT_KW_SUBPHRASES, "kw_subphrases", SUMM_TYPE_INT, 0, 3, 0,
      "keywords: 0 maximal runs, 1 also parts of long runs, 2 every part, 3 1 and parts "
      "seen twice", 1, kw_subphrases,
      F_INT),
    O(SUMM_OPT_KW_REDUNDANCY, "kw_redundancy", SUMM_TYPE_INT, 0, 3, 1,
      "keywords: demote phrases inside (1) or containing (2) a chosen one", 1, kw_redundancy,
      F_INT),
    O(SUMM_OPT_KW_CROSS, "kw_cross", SUMM_TYPE_INT, 0, 1, 0,
      "keywords: 1 = the co-occurrence window crosses sentence ends", 1, kw_cross, F_INT),
};
#define NOPT (sizeof table / sizeof table[0])

static const optdef *
find(int opt)
{
    for (size_t i = 0; i < NOPT; i++)
        if ((int)table[i].info.option == opt)
            return &table[i];
    return NULL;
}

const summ_option_info *
summ_option_info_get(summ_option opt)
{
    const optdef *d = find((int)opt);
    return d ? &d->info : NULL;
}

const summ_option_info *
summ_option_info_at(size_t i)
{
    return i < NOPT ? &table[i].info : NULL;
}

summ_option
summ_option_lookup(const char *name)
{
    if (!name)
        return (summ_option)0;
    for (size_t i = 0; i < NOPT; i++) {
        const char *a = table[i].info.name, *b = name;
        while (*a && (*a == *b || (*a == '_' && *b == '-'))) {
            a++;
            b++;
        }
        if (!*a && !*b)
            return table[i].info.option;
    }
    return (summ_option)0;
}

void
summ__params_default(params *p)
{
    memset(p, 0, sizeof *p);
    for (size_t i = 0; i < NOPT; i++) {
        const optdef *d = &table[i];
        char *f = (char *)p + d->off;
        switch (d->field) {
        case F_SIZE: *(size_t *)(void *)f = (size_t)d->info.def; break;
        case F_INT: *(int *)(void *)f = (int)d->info.def; break;
        case F_REAL: *(double *)(void *)f = d->info.def; break;
        case F_STR: break;  /* NULL: the default */
        }
    }
}

void
summ__params_free(const salloc *al, params *p)
{
    for (size_t i = 0; i < NOPT; i++) {
        if (table[i].field == F_STR) {
            char **f = (char **)(void *)((char *)p + table[i].off);
            summ__free(al, *f);
            *f = NULL;
        }
    }
}

bool
summ__params_copy(const salloc *al, params *dst, const params *src)
{
    params n = *src;
    for (size_t i = 0; i < NOPT; i++) {
        if (table[i].field != F_STR)
            continue;
        char **f = (char **)(void *)((char *)&n + table[i].off);
        if (*f && !(*f = summ__strndup(al, *f, strlen(*f)))) {
            /* undo the copies made so far */
            for (size_t k = 0; k < i; k++) {
                if (table[k].field == F_STR)
                    summ__free(al, *(char **)(void *)((char *)&n + table[k].off));
            }
            return false;
        }
    }
    *dst = n;
    return true;
}

static summ_status
unknown(summ_err *err, int opt)
{
    return summ__err_set(err, SUMM_EINVAL, "no option %d", opt);
}

/* Store a number, checked against d's bounds. */
static summ_status
set_number(params *p, const optdef *d, double v, summ_err *err)
{
    const summ_option_info *in = &d->info;
    if (in->type == SUMM_TYPE_STRING)
        return summ__err_set(err, SUMM_EINVAL, "%s: a string option, not a number", in->name);
    if (isnan(v) || v < in->min || v > in->max || (in->max_excluded && v >= in->max)
        || (in->min_excluded && v <= in->min)) {
        if (in->type == SUMM_TYPE_INT && v > in->max && in->max == BIG)
            return summ__err_set(err, SUMM_EINVAL, "%s: %.17g is too large", in->name, v);
        return summ__err_set(err, SUMM_EINVAL, "%s: %.17g is not in %c%g, %g%c", in->name, v,
                             in->min_excluded ? '(' : '[', in->min, in->max,
                             in->max_excluded ? ')' : ']');
    }
    if (in->type == SUMM_TYPE_INT && v != floor(v))
        return summ__err_set(err, SUMM_EINVAL, "%s: %.17g is not a whole number", in->name, v);
    char *f = (char *)p + d->off;
    switch (d->field) {
    case F_SIZE: *(size_t *)(void *)f = (size_t)v; break;
    case F_INT: *(int *)(void *)f = (int)v; break;
    case F_REAL: *(double *)(void *)f = v; break;
    case F_STR: break;
    }
    return SUMM_OK;
}

summ_status
summ__params_set_int(params *p, const salloc *al, int opt, long long v, summ_err *err)
{
    (void)al;
    const optdef *d = find(opt);
    if (!d)
        return unknown(err, opt);
    if (d->info.type == SUMM_TYPE_INT && v > 0 && (double)v > d->info.max)
        return summ__err_set(err, SUMM_EINVAL, "%s: %lld is too large (at most %.0f)",
                             d->info.name, v, d->info.max);
    return set_number(p, d, (double)v, err);
}

summ_status
summ__params_set_double(params *p, const salloc *al, int opt, double v, summ_err *err)
{
    (void)al;
    const optdef *d = find(opt);
    if (!d)
        return unknown(err, opt);
    return set_number(p, d, v, err);
}

summ_status
summ__params_set_string(params *p, const salloc *al, int opt, const char *v, summ_err *err)
{
    const optdef *d = find(opt);
    if (!d)
        return unknown(err, opt);
    if (d->field != F_STR)
        return summ__err_set(err, SUMM_EINVAL, "%s: a number option, not a string",
                             d->info.name);
    if (opt == SUMM_OPT_LANGUAGE && v && *v && strcmp(v, "auto") != 0
        && !summ__lang_lookup(v))
        return summ__err_set(err, SUMM_ELANG, "unknown language '%s'", v);
    size_t bad;
    if ((opt == SUMM_OPT_QUERY || opt == SUMM_OPT_STOPWORDS) && v
        && summ__utf8_check(v, strlen(v), &bad) != 0)
        return summ__err_set(err, SUMM_EINVAL, "%s: invalid UTF-8 at byte %zu", d->info.name,
                             bad);
    char *copy = NULL;
    if (v && !(copy = summ__strndup(al, v, strlen(v))))
        return SUMM_ENOMEM;
    char **f = (char **)(void *)((char *)p + d->off);
    summ__free(al, *f);
    *f = copy;
    return SUMM_OK;
}

summ_status
summ__params_get_int(const params *p, int opt, long long *v)
{
    const optdef *d = find(opt);
    if (!d || d->info.type != SUMM_TYPE_INT)
        return SUMM_EINVAL;
    const char *f = (const char *)p + d->off;
    if (d->field == F_SIZE)
        *v = (long long)*(const size_t *)(const void *)f;
    else
        *v = *(const int *)(const void *)f;
    return SUMM_OK;
}

summ_status
summ__params_get_double(const params *p, int opt, double *v)
{
    const optdef *d = find(opt);
    if (!d || d->info.type == SUMM_TYPE_STRING)
        return SUMM_EINVAL;
    const char *f = (const char *)p + d->off;
    switch (d->field) {
    case F_SIZE: *v = (double)*(const size_t *)(const void *)f; break;
    case F_INT: *v = *(const int *)(const void *)f; break;
    case F_REAL: *v = *(const double *)(const void *)f; break;
    case F_STR: break;
    }
    return SUMM_OK;
}

summ_status
summ__params_get_string(const params *p, int opt, const char **v)
{
    const optdef *d = find(opt);
    if (!d || d->field != F_STR)
        return SUMM_EINVAL;
    *v = *(char *const *)(const void *)((const char *)p + d->off);
    return SUMM_OK;
}

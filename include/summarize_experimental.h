/*
 * summarize_experimental.h - the scoring knobs of libsummarize.
 *
 * These options exist for tuning and research (tests/bench/tune.py, the
 * CLI's --w-position=X and the like): each weight of the score of README
 * "How scoring works". Unlike the options of summarize.h they carry no
 * promise: a later version may change their meaning or defaults, or remove
 * them (summ_set_*() then answers SUMM_EINVAL). Set them like any option:
 *
 *     #include <summarize_experimental.h>
 *     summ_set_double(ctx, SUMM_OPT_W_POSITION, 1.5);
 *
 * Each real option is in [min, max] of summ_option_info_get(); the
 * defaults are the ones fitted on the development sets.
 */
#ifndef SUMMARIZE_EXPERIMENTAL_H
#define SUMMARIZE_EXPERIMENTAL_H

#include "summarize.h"

/* Values of summ_option, from 1000 on. */
#define SUMM_OPT_W_TEXTRANK        ((summ_option)1000) /* TextRank centrality (1.0) */
#define SUMM_OPT_W_TFIDF           ((summ_option)1001) /* TF-IDF mass of the sentence (0.0) */
#define SUMM_OPT_W_POSITION        ((summ_option)1002) /* lead bias, exp(-p / decay) (2.0) */
#define SUMM_OPT_POSITION_DECAY    ((summ_option)1003) /* in sentences, > 0 (3.5) */
#define SUMM_OPT_W_TITLE           ((summ_option)1004) /* similarity to the title (0.0) */
#define SUMM_OPT_W_CENTROID        ((summ_option)1005) /* similarity to the centroid (3.0) */
#define SUMM_OPT_W_LENGTH          ((summ_option)1006) /* penalty for short sentences (1.0) */
#define SUMM_OPT_SIMILARITY        ((summ_option)1007) /* int: a summ_similarity (overlap) */
#define SUMM_OPT_W_DIRECTED        ((summ_option)1008) /* PacSum's directed centrality (0.0) */
#define SUMM_OPT_DIRECTED_BACKWARD ((summ_option)1009) /* its weight of earlier sentences (0.5) */
#define SUMM_OPT_LEAD_RATIO        ((summ_option)1010) /* share of the text the lead can
                                                          fill; 0 = off (0.2) */
#define SUMM_OPT_LEAD_ADAPT        ((summ_option)1011) /* power of the lead's strength;
                                                          0 = off (1.0) */
#define SUMM_OPT_DAMPING           ((summ_option)1012) /* TextRank damping, [0, 1) (0.85) */
#define SUMM_OPT_REDUNDANCY        ((summ_option)1013) /* skip a candidate whose cosine with a
                                                          chosen sentence is above this;
                                                          (0, 1], 1 = off (0.7) */
/* The kinds of sentence (src/features.c; README "How scoring works"):
 * bonuses and penalties added to the score, relative to w_textrank. */
#define SUMM_OPT_W_CUE             ((summ_option)1014) /* a cue phrase: "we propose" (1.0) */
#define SUMM_OPT_W_SECOND_PERSON   ((summ_option)1015) /* "you", outside quotes: penalty (0.0) */
#define SUMM_OPT_W_QUESTION        ((summ_option)1016) /* a question: penalty (0.0) */
#define SUMM_OPT_W_CITATION        ((summ_option)1017) /* citation markers: penalty (0.25) */
#define SUMM_OPT_W_NUMBER          ((summ_option)1018) /* numbers: bonus (0.2) */
#define SUMM_OPT_W_FILLER          ((summ_option)1019) /* "Okay.", "Thank you.": penalty (1.0) */
#define SUMM_OPT_W_LONG            ((summ_option)1020) /* per long_words over long_words, when
                                                          the summary is a few sentences (1.0) */
#define SUMM_OPT_LONG_WORDS        ((summ_option)1021) /* where "long" starts, in words, > 0;
                                                          used when long_relative is 0 (25) */
#define SUMM_OPT_LONG_SHARE        ((summ_option)1022) /* the long penalty fades out as the
                                                          summary nears this share of the
                                                          sentences (0.5) */
/* How news-like the text is: the lead bias fades from full strength when
 * at most first_person_low of the sentences speak in the first person
 * plural (outside quotes) to nothing at first_person_high (0 = off). */
#define SUMM_OPT_FIRST_PERSON_LOW  ((summ_option)1023) /* (0.05) */
#define SUMM_OPT_FIRST_PERSON_HIGH ((summ_option)1024) /* (0.35) */
/* Structure: in a text with named sections, the start of each section,
 * and more the start of one that sums up (abstract, conclusion). */
#define SUMM_OPT_W_SECTION         ((summ_option)1025) /* (0.5) */
#define SUMM_OPT_W_LEAD_SECTION    ((summ_option)1026) /* (1.0) */
/* The power of lead_ratio's scaling of the lead bias (4.0). */
#define SUMM_OPT_LEAD_RATIO_POWER  ((summ_option)1027)
/* If > 0, long_words is this many times the text's mean sentence length
 * (1.0). */
#define SUMM_OPT_LONG_RELATIVE     ((summ_option)1028)

/* Keywords (src/keywords.c, src/wordgraph.c). */
#define SUMM_OPT_KW_WINDOW         ((summ_option)1040) /* int: words are linked when at most
                                                          this many words apart (2) */
#define SUMM_OPT_KW_POSITION       ((summ_option)1041) /* share of PositionRank's teleport by
                                                          first positions, [0, 1] (1.0) */
#define SUMM_OPT_KW_LENGTH         ((summ_option)1042) /* a phrase scores the sum of its words'
                                                          ranks over n^this, [0, 2] (0.0) */
#define SUMM_OPT_KW_COUNT          ((summ_option)1043) /* times occurrences^this, [0, 2] (0.5) */
#define SUMM_OPT_KW_DAMPING        ((summ_option)1044) /* the word graph's damping, [0, 1) (0.85) */
#define SUMM_OPT_KW_SUBPHRASES     ((summ_option)1045) /* int: candidates are the maximal runs
                                                          (0), also the parts of runs too long
                                                          (1), or every part of every run (2),
                                                          or 1 and the parts seen twice (3) (0) */
#define SUMM_OPT_KW_REDUNDANCY     ((summ_option)1046) /* int: bits; 1 = a phrase inside a
                                                          chosen one, 2 = one containing a chosen
                                                          one, goes after the others (1) */
#define SUMM_OPT_KW_CROSS          ((summ_option)1047) /* int: 1 = the window crosses sentence
                                                          ends (0) */

/* With SUMM_OPT_QUERY (summarize.h). */
#define SUMM_OPT_W_QUERY           ((summ_option)1060) /* the sentence's TF-IDF cosine with the
                                                          query, over the best one's (3.0) */
#define SUMM_OPT_QUERY_BIAS        ((summ_option)1061) /* share of PageRank's random jumps that
                                                          land on sentences like the query, in
                                                          proportion to that cosine; [0, 1] (0.9) */
#define SUMM_OPT_QUERY_POSITION    ((summ_option)1062) /* the lead bias is multiplied by this
                                                          when a query matches; [0, 1] (0.5) */
/* With summ_run_multi() (summarize.h). */
#define SUMM_OPT_MULTI_REDUNDANCY  ((summ_option)1063) /* the redundancy threshold when several
                                                          texts are summarized as one: the lower
                                                          of it and SUMM_OPT_REDUNDANCY; (0, 1]
                                                          (0.35) */

/* TextRank's edge weight (SUMM_OPT_SIMILARITY). */
typedef enum summ_similarity {
    SUMM_SIM_COSINE = 0,   /* TF-IDF cosine (LexRank's continuous weighting) */
    SUMM_SIM_OVERLAP = 1,  /* shared content words over log lengths (TextRank's own) */
    SUMM_SIM_BM25 = 2      /* BM25, averaged over both directions (Barrios et al. 2016) */
} summ_similarity;

#endif

/* fold.h - the key of a word: NFKC + Unicode case folding (utf8proc), ’
 * as '. Every stage that compares words (stopwords, abbreviations,
 * stems, language profiles) compares folded words. */
#ifndef SUMM_TEXT_FOLD_H
#define SUMM_TEXT_FOLD_H

#include <stddef.h>

/* Fold src[0 .. n) into buf (cap bytes). Returns the folded length, which
 * may exceed cap (then buf holds garbage: call again with a bigger
 * buffer). A word too long to fold in place (over 128 code points) is
 * kept as its bytes: still a stable key. */
size_t summ__fold_word(const char *src, size_t n, char *buf, size_t cap);

#endif

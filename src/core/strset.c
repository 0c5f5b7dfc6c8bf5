/* strset.c - hashing, and a small open-addressing set of byte strings
 * (stopwords, abbreviations, phrase lists). */
#include <string.h>

#include "core/core.h"
#include "text/bits.h"
#include "text/chars.h"
#include "text/fold.h"
#include "text/utf8.h"

/* Eight bytes at a time, a multiply-xorshift round per word (as in
 * wyhash/MurmurHash2A), short tails read with fixed-size, overlapping loads
 * so no byte loop and no memcpy call is left; then one more round so the
 * low bits, which pick the slot, depend on every byte. Words are short:
 * the per-byte loop of FNV-1a used to be most of the cost of a lookup. The
 * value depends on the machine's byte order; it is never stored. */
static inline uint64_t
load32(const unsigned char *s)
{
    uint32_t w;
    memcpy(&w, s, 4);
    return w;
}

#define HASH_K 0xc6a4a7935bd1e995ULL

static inline uint64_t
hash_round(uint64_t h, uint64_t w)
{
    h = (h ^ w) * HASH_K;
    return h ^ (h >> 47);
}

uint64_t
summ__hash(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ n;
    if (n >= 8) {
        size_t k = n;
        while (k > 8) {
            h = hash_round(h, load64(s));
            s += 8;
            k -= 8;
        }
        h = hash_round(h, load64(s + k - 8));  /* the last 8, overlapping */
    } else if (n >= 4) {
        h = hash_round(h, load32(s) | load32(s + n - 4) << 32);
    } else if (n > 0) {
        h = hash_round(h, s[0] | (uint64_t)s[n / 2] << 8 | (uint64_t)s[n - 1] << 16);
    }
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ULL;
    return h ^ (h >> 32);
}

void
summ__strset_init(strset *s, const salloc *al)
{
    memset(s, 0, sizeof *s);
    s->al = al;
}

static bool
rehash(strset *s, size_t ncap)
{
    char **keys = summ__calloc(s->al, ncap, sizeof *keys);
    uint32_t *lens = summ__calloc(s->al, ncap, sizeof *lens);
    if (!keys || !lens) {
        summ__free(s->al, keys);
        summ__free(s->al, lens);
        return false;
    }
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->keys[i])
            continue;
        size_t j = summ__hash(s->keys[i], s->lens[i]) & (ncap - 1);
        while (keys[j])
            j = (j + 1) & (ncap - 1);
        keys[j] = s->keys[i];
        lens[j] = s->lens[i];
    }
    summ__free(s->al, s->keys);
    summ__free(s->al, s->lens);
    s->keys = keys;
    s->lens = lens;
    s->cap = ncap;
    return true;
}

bool
summ__strset_has(const strset *s, const char *k, size_t n)
{
    if (!s || s->cap == 0)
        return false;
    size_t j = summ__hash(k, n) & (s->cap - 1);
    while (s->keys[j]) {
        if (s->lens[j] == n && memcmp(s->keys[j], k, n) == 0)
            return true;
        j = (j + 1) & (s->cap - 1);
    }
    return false;
}

bool
summ__strset_add(strset *s, const char *k, size_t n)
{
    if (n > UINT32_MAX)
        return false;
    if (summ__strset_has(s, k, n))
        return true;
    if ((s->count + 1) * 2 > s->cap && !rehash(s, s->cap ? s->cap * 2 : 64))
        return false;
    char *copy = summ__strndup(s->al, k, n);
    if (!copy)
        return false;
    size_t j = summ__hash(k, n) & (s->cap - 1);
    while (s->keys[j])
        j = (j + 1) & (s->cap - 1);
    s->keys[j] = copy;
    s->lens[j] = (uint32_t)n;
    s->count++;
    return true;
}

void
summ__strset_free(strset *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->cap; i++)
        summ__free(s->al, s->keys[i]);
    summ__free(s->al, s->keys);
    summ__free(s->al, s->lens);
    s->keys = NULL;
    s->lens = NULL;
    s->cap = s->count = 0;
}

bool
summ__strset_load_list(strset *s, const char *text, size_t len, bool keep_case)
{
    char buf[256];
    size_t i = 0;
    while (i < len) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        size_t a = i, b = e;
        while (a < b && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r'))
            a++;
        while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\r'))
            b--;
        i = e + 1;
        if (a == b || text[a] == '#')
            continue;
        if (keep_case) {
            if (!summ__strset_add(s, text + a, b - a))
                return false;
            continue;
        }
        size_t n = summ__fold_word(text + a, b - a, buf, sizeof buf);
        if (n > sizeof buf)
            continue;  /* no real stopword is that long */
        if (!summ__strset_add(s, buf, n))
            return false;
    }
    return true;
}

bool
summ__strset_load_words(strset *s, const char *text, size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    char buf[256];
    size_t i = 0;
    bool line_start = true;
    while (i < len) {
        int32_t c;
        size_t m = utf8_dec(u, i, len, &c);
        if (is_space(c)) {
            line_start = line_start || c == '\n';
            i += m;
            continue;
        }
        if (line_start && c == '#') {  /* a comment, to the end of the line */
            while (i < len && text[i] != '\n')
                i++;
            continue;
        }
        line_start = false;
        size_t a = i;
        while (i < len && (m = utf8_dec(u, i, len, &c), !is_space(c)))
            i += m;
        size_t n = summ__fold_word(text + a, i - a, buf, sizeof buf);
        if (n <= sizeof buf && n > 0 && !summ__strset_add(s, buf, n))
            return false;
    }
    return true;
}

/* strset.c - small open-addressing sets of byte strings (stopwords,
 * abbreviations, phrase lists): the compiled-in tables as they are, and
 * what a data directory adds, parsed at run time. */
#include <string.h>

#include "core/core.h"
#include "text/chars.h"
#include "text/fold.h"
#include "text/utf8.h"

#define MAX_KEY 0xFFFF  /* a compiled-in key's length is two bytes */

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

static bool
table_has(const strtab *t, uint64_t h, const char *k, size_t n)
{
    for (size_t j = h & (t->cap - 1); t->slot[j]; j = (j + 1) & (t->cap - 1)) {
        const unsigned char *e = t->pool + t->slot[j] - 1;
        if ((size_t)(e[0] | e[1] << 8) == n && memcmp(e + 2, k, n) == 0)
            return true;
    }
    return false;
}

static bool
own_has(const strset *s, uint64_t h, const char *k, size_t n)
{
    if (s->cap == 0)
        return false;
    for (size_t j = h & (s->cap - 1); s->keys[j]; j = (j + 1) & (s->cap - 1))
        if (s->lens[j] == n && memcmp(s->keys[j], k, n) == 0)
            return true;
    return false;
}

bool
summ__strset_has(const strset *s, const char *k, size_t n)
{
    if (!s || s->count == 0)
        return false;
    unsigned bit = summ__strset_bit(k, n);
    if (!(s->filter[bit >> 6] >> (bit & 63) & 1))
        return false;
    uint64_t h = summ__hash(k, n);
    for (size_t i = 0; i < 2 && s->fixed[i]; i++)
        if (table_has(s->fixed[i], h, k, n))
            return true;
    return own_has(s, h, k, n);
}

bool
summ__strset_add(strset *s, const char *k, size_t n)
{
    if (n > MAX_KEY)
        return true;  /* no real entry is that long: left out, as embed.py does */
    if (summ__strset_has(s, k, n))
        return true;
    if ((s->nkeys + 1) * 2 > s->cap && !rehash(s, s->cap ? s->cap * 2 : 64))
        return false;
    char *copy = summ__strndup(s->al, k, n);
    if (!copy)
        return false;
    size_t j = summ__hash(k, n) & (s->cap - 1);
    while (s->keys[j])
        j = (j + 1) & (s->cap - 1);
    s->keys[j] = copy;
    s->lens[j] = (uint32_t)n;
    unsigned bit = summ__strset_bit(k, n);
    s->filter[bit >> 6] |= 1ULL << (bit & 63);
    s->nkeys++;
    s->count++;
    return true;
}

bool
summ__strset_add_table(strset *s, const strtab *t)
{
    if (t->count == 0)
        return true;
    for (size_t i = 0; i < 2; i++) {
        if (!s->fixed[i]) {
            s->fixed[i] = t;
            s->count += t->count;
            for (size_t w = 0; w < SUMM_FILTER_WORDS; w++)
                s->filter[w] |= t->filter ? t->filter[w] : ~0ULL;
            return true;
        }
    }
    for (size_t j = 0; j < t->cap; j++) {
        if (!t->slot[j])
            continue;
        const unsigned char *e = t->pool + t->slot[j] - 1;
        if (!summ__strset_add(s, (const char *)e + 2, (size_t)(e[0] | e[1] << 8)))
            return false;
    }
    return true;
}

bool
summ__strset_each(const strset *s, bool (*fn)(const char *k, size_t n, void *arg), void *arg)
{
    for (size_t i = 0; i < 2 && s->fixed[i]; i++) {
        const strtab *t = s->fixed[i];
        for (size_t j = 0; j < t->cap; j++) {
            if (!t->slot[j])
                continue;
            const unsigned char *e = t->pool + t->slot[j] - 1;
            if (!fn((const char *)e + 2, (size_t)(e[0] | e[1] << 8), arg))
                return false;
        }
    }
    for (size_t j = 0; j < s->cap; j++)
        if (s->keys[j] && !fn(s->keys[j], s->lens[j], arg))
            return false;
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
    const salloc *al = s->al;
    summ__strset_init(s, al);
}

bool
summ__list_next(const char *t, size_t len, size_t *pos, size_t *a, size_t *b)
{
    size_t i = *pos;
    while (i < len) {
        size_t e = i;
        while (e < len && t[e] != '\n')
            e++;
        size_t x = i, y = e;
        while (x < y && (t[x] == ' ' || t[x] == '\t' || t[x] == '\r'))
            x++;
        while (y > x && (t[y - 1] == ' ' || t[y - 1] == '\t' || t[y - 1] == '\r'))
            y--;
        i = e < len ? e + 1 : e;
        if (x < y && t[x] != '#') {
            *pos = i;
            *a = x;
            *b = y;
            return true;
        }
    }
    *pos = i;
    return false;
}

bool
summ__strset_load_list(strset *s, const char *text, size_t len, bool keep_case)
{
    char buf[256];
    size_t pos = 0, a, b;
    while (summ__list_next(text, len, &pos, &a, &b)) {
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

/* hash.c - hashing and a small open-addressing string set. */
#include <string.h>

#include "internal.h"

/* FNV-1a with a final avalanche (from MurmurHash3's fmix64): fast on the
 * short keys we hash (words), and good enough spread for linear probing. */
uint64_t
hash_bytes(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

void
strset_init(strset *s, const salloc *al)
{
    memset(s, 0, sizeof *s);
    s->al = al;
}

static bool
strset_rehash(strset *s, size_t ncap)
{
    char **keys = s_calloc(s->al, ncap, sizeof *keys);
    uint32_t *lens = s_calloc(s->al, ncap, sizeof *lens);
    if (!keys || !lens) {
        s_free(s->al, keys);
        s_free(s->al, lens);
        return false;
    }
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->keys[i])
            continue;
        size_t j = hash_bytes(s->keys[i], s->lens[i]) & (ncap - 1);
        while (keys[j])
            j = (j + 1) & (ncap - 1);
        keys[j] = s->keys[i];
        lens[j] = s->lens[i];
    }
    s_free(s->al, s->keys);
    s_free(s->al, s->lens);
    s->keys = keys;
    s->lens = lens;
    s->cap = ncap;
    return true;
}

bool
strset_has(const strset *s, const char *k, size_t n)
{
    if (!s || s->cap == 0)
        return false;
    size_t j = hash_bytes(k, n) & (s->cap - 1);
    while (s->keys[j]) {
        if (s->lens[j] == n && memcmp(s->keys[j], k, n) == 0)
            return true;
        j = (j + 1) & (s->cap - 1);
    }
    return false;
}

bool
strset_add(strset *s, const char *k, size_t n)
{
    if (n > UINT32_MAX)
        return false;
    if (strset_has(s, k, n))
        return true;
    if ((s->count + 1) * 2 > s->cap && !strset_rehash(s, s->cap ? s->cap * 2 : 64))
        return false;
    char *copy = s_strndup(s->al, k, n);
    if (!copy)
        return false;
    size_t j = hash_bytes(k, n) & (s->cap - 1);
    while (s->keys[j])
        j = (j + 1) & (s->cap - 1);
    s->keys[j] = copy;
    s->lens[j] = (uint32_t)n;
    s->count++;
    return true;
}

void
strset_free(strset *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->cap; i++)
        s_free(s->al, s->keys[i]);
    s_free(s->al, s->keys);
    s_free(s->al, s->lens);
    s->keys = NULL;
    s->lens = NULL;
    s->cap = s->count = 0;
}

bool
strset_load_list(strset *s, const char *text, size_t len, bool keep_case)
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
            if (!strset_add(s, text + a, b - a))
                return false;
            continue;
        }
        size_t n = fold_word(text + a, b - a, buf, sizeof buf);
        if (n > sizeof buf)
            continue;  /* no real stopword is that long */
        if (!strset_add(s, buf, n))
            return false;
    }
    return true;
}

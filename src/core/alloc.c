/* alloc.c - every allocation goes through the caller's allocator, so a
 * test can make the Nth one fail and check that nothing leaks. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

static void *
std_malloc(void *opaque, size_t n)
{
    (void)opaque;
    return malloc(n);
}

static void *
std_realloc(void *opaque, void *p, size_t n)
{
    (void)opaque;
    return realloc(p, n);
}

static void
std_free(void *opaque, void *p)
{
    (void)opaque;
    free(p);
}

void
summ__salloc_init(salloc *al, const summ_allocator *user)
{
    if (user && user->malloc_fn && user->realloc_fn && user->free_fn) {
        al->a = *user;
    } else {
        al->a.malloc_fn = std_malloc;
        al->a.realloc_fn = std_realloc;
        al->a.free_fn = std_free;
        al->a.opaque = NULL;
    }
}

void *
summ__malloc(const salloc *al, size_t n)
{
    return al->a.malloc_fn(al->a.opaque, n ? n : 1);
}

void *
summ__calloc(const salloc *al, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = summ__malloc(al, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

void *
summ__realloc(const salloc *al, void *p, size_t n)
{
    return al->a.realloc_fn(al->a.opaque, p, n ? n : 1);
}

void
summ__free(const salloc *al, void *p)
{
    if (p)
        al->a.free_fn(al->a.opaque, p);
}

char *
summ__strndup(const salloc *al, const char *s, size_t n)
{
    char *d = summ__malloc(al, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

bool
summ__grow(const salloc *al, void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return false;
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / elem)
        return false;
    void *np = summ__realloc(al, *p, ncap * elem);
    if (!np)
        return false;
    *p = np;
    *cap = ncap;
    return true;
}

/* ---- arena: blocks of at least ARENA_BLOCK bytes, freed all at once ---- */

#define ARENA_BLOCK (64 * 1024)

struct arena_block {
    arena_block *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
};

void
summ__arena_init(arena *ar, const salloc *al)
{
    ar->al = al;
    ar->head = NULL;
}

void *
summ__arena_alloc(arena *ar, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (n == 0)
        n = 16;
    arena_block *b = ar->head;
    if (!b || b->size - b->used < n) {
        size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        if (size > SIZE_MAX - sizeof(arena_block))
            return NULL;
        arena_block *nb = summ__malloc(ar->al, sizeof(arena_block) + size);
        if (!nb)
            return NULL;
        nb->used = 0;
        nb->size = size;
        if (b && n > ARENA_BLOCK) {
            /* A big one-off: keep the current block in front for small ones. */
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            ar->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}

void *
summ__arena_calloc(arena *ar, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = summ__arena_alloc(ar, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

void
summ__arena_free(arena *ar)
{
    arena_block *b = ar->head;
    while (b) {
        arena_block *next = b->next;
        summ__free(ar->al, b);
        b = next;
    }
    ar->head = NULL;
}

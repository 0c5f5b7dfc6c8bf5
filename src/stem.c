/* stem.c - stopwords and Snowball stemming, behind a lexicon that maps
 * each distinct folded word to its stem id once: stemming is the costliest
 * step per word, and texts repeat their words.
 *
 * A language's lexicon is shared by a context and its clones (see
 * lang/langres.c), which may run on threads of their own: looking a word
 * up takes no lock and writes nothing; a new word is stemmed by the
 * context's own stemmer, then added under the lexicon's mutex. This works
 * because the lexicon only grows: a slot, once its key is published (a
 * release store after the rest of it is written), never changes; a table
 * that grew is copied into a new one, published the same way, and the old
 * one kept until the lexicon is freed (a reader may still be in it; the
 * tables before the last add up to less than it). Word and stem strings
 * live in chunks that never move.
 *
 * The shared lexicon stops growing at LEX_SHARED_WORDS words (it is then
 * read-only for good); words past that go to a lexicon of the context's
 * own, which is cleared between documents when it has grown past
 * LEX_OWN_WORDS: memory stays bounded on endless batches of new words.
 *
 * A slot is 16 bytes, four to a cache line: its key (the word's length,
 * what the keyword list (stopwords/keywords/) and the cue list
 * (stopwords/cues/) say of the word, so that keywords and features.c cost
 * no lookup per word either, and 14 bits of the hash), the stem id, and
 * the word itself when it has at most 8 bytes (nine words of ten in
 * running text), else a pointer to it. Small slots matter more than a
 * longer word inline: on a year of news the table holds some 30,000
 * words, and at 32 bytes a slot it no longer fitted a core's 2 MB cache,
 * so that lookups of the less common words waited on memory (the lookup
 * was 15 % of the CPU time of a BBC batch with 32-byte slots). */
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include <libstemmer.h>

#include "stages.h"

#define LEX_SHARED_WORDS (1u << 19)
#define LEX_OWN_WORDS (1u << 20)
#define LEX_INLINE 8
#define CHUNK_BYTES 65536          /* string storage; a word is at most 255 bytes */
#define STEM_CHUNK 4096            /* stem records per chunk */
#define STEM_CHUNKS (LEX_OWN_WORDS / STEM_CHUNK + 1)
#define OWN_BIT 0x80000000u        /* stem ids of a context's own lexicon */
#define NOT_FOUND (UINT32_MAX - 1)

/* The key: the length in bits 0-7, WORD_KW_* in 8-9, CUE_* in 10-17 and
 * 14 bits of the hash in 18-31; 0 is an empty slot (a word has a length). */
#define KEY_LEN 0xFFu
#define KEY_KW_SHIFT 8
#define KEY_ROLES_SHIFT 10
#define KEY_MATCH 0xFFFC00FFu      /* the bits a lookup compares: length and hash */

typedef struct wslot {
    _Atomic uint32_t key;
    uint32_t stem;           /* stem id, or STEM_STOP */
    char w[LEX_INLINE];      /* the word if it has at most LEX_INLINE bytes, else a
                                pointer to it (memcpy'd: w is not aligned) */
} wslot;

typedef struct wtable {
    struct wtable *older;    /* the table it replaced */
    size_t mask;             /* slots - 1 */
    wslot slot[];
} wtable;

typedef struct strrec {
    const char *s;
    uint32_t len;
} strrec;

struct lexicon {
    const salloc *al;
    bool shared;             /* adds take mu */
    pthread_mutex_t mu;
    _Atomic(wtable *) tab;
    atomic_bool full;        /* the shared lexicon takes no more words */
    size_t nword, max_words;
    /* stem id -> string, in chunks that never move */
    strrec *stem_rec[STEM_CHUNKS];
    size_t nstem;
    /* string -> stem id + 1, for adds only (or once full) */
    uint32_t *stem_slot;
    size_t capslot;
    /* strings: the current chunk; each chunk starts with a pointer to the one before */
    char *chunk;
    size_t chunk_used;
    size_t nbytes;           /* all strings, for the bound */
};

/* memcmp(a, b, n) == 0 for the short words of a lexicon, without a call:
 * eight bytes at a time, the tail by two overlapping loads. */
static inline bool
same_bytes(const char *a, const char *b, size_t n)
{
    if (n >= 8) {
        uint64_t x, y;
        for (size_t k = 0; k + 8 < n; k += 8) {
            memcpy(&x, a + k, 8);
            memcpy(&y, b + k, 8);
            if (x != y)
                return false;
        }
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    if (n >= 4) {
        uint32_t x0, y0, x1, y1;
        memcpy(&x0, a, 4);
        memcpy(&y0, b, 4);
        memcpy(&x1, a + n - 4, 4);
        memcpy(&y1, b + n - 4, 4);
        return x0 == y0 && x1 == y1;
    }
    for (size_t k = 0; k < n; k++)
        if (a[k] != b[k])
            return false;
    return true;
}

static inline uint32_t
key_of(size_t n, uint64_t h)
{
    return (uint32_t)n | (uint32_t)(h >> 50) << 18;
}

static inline unsigned
key_kw(uint32_t k)
{
    return k >> KEY_KW_SHIFT & 3;
}

static inline unsigned
key_roles(uint32_t k)
{
    return k >> KEY_ROLES_SHIFT & 0xFF;
}

static inline const char *
slot_word(const wslot *s, size_t n)
{
    if (n <= LEX_INLINE)
        return s->w;
    const char *far;
    memcpy(&far, s->w, sizeof far);
    return far;
}

/* The slot of word (hash h), or NULL. Takes no lock. */
static inline const wslot *
lex_find(const lexicon *lx, const char *word, size_t n, uint64_t h)
{
    const wtable *t = atomic_load_explicit(&lx->tab, memory_order_acquire);
    if (!t)
        return NULL;
    uint32_t want = key_of(n, h);
    for (size_t j = h & t->mask;; j = (j + 1) & t->mask) {
        const wslot *s = &t->slot[j];
        uint32_t k = atomic_load_explicit(&s->key, memory_order_acquire);
        if ((k & KEY_MATCH) == want && same_bytes(slot_word(s, n), word, n))
            return s;
        if (!k)
            return NULL;
    }
}

/* ---- the cue words and their roles (made by lang/langres.c) ---- */

/* FNV-1a: the words are short, and most of the text's words are looked up */
static size_t
cue_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
}

size_t
summ__cue_slot(const cuemap *m, const char *w, size_t n)
{
    size_t j = cue_hash(w, n) & (m->cap - 1);
    while (m->key[j] && !(m->len[j] == n && memcmp(m->key[j], w, n) == 0))
        j = (j + 1) & (m->cap - 1);
    return j;
}

unsigned
summ__cue_roles(const langres *lr, const char *w, size_t n)
{
    unsigned et = n == 2 && w[0] == 'e' && w[1] == 't' ? CUE_ET : 0;
    const cuemap *m = &lr->cue_words;
    if (!m->cap)
        return et;
    size_t j = summ__cue_slot(m, w, n);
    return et | (m->key[j] ? m->role[j] : 0);
}

/* What stopwords/keywords/ says of a word: WORD_KW_STOP, WORD_KW_WEAK
 * (listed as "word ~") or 0. Kept with the word, so that keywords cost no
 * lookup per word of the text. */
static uint16_t
kw_class(const langres *lr, const char *w, size_t n)
{
    if (!lr->kwstop.count)
        return 0;
    if (summ__strset_has(&lr->kwstop, w, n))
        return WORD_KW_STOP;
    char key[260];
    if (n + 2 > sizeof key)
        return 0;
    memcpy(key, w, n);
    key[n] = ' ';
    key[n + 1] = '~';
    return summ__strset_has(&lr->kwstop, key, n + 2) ? WORD_KW_WEAK : 0;
}

/* A copy of s[0 .. n) (n <= 255) that never moves. */
static const char *
store(lexicon *lx, const char *s, size_t n)
{
    if (!lx->chunk || lx->chunk_used + n > CHUNK_BYTES) {
        char *c = summ__malloc(lx->al, CHUNK_BYTES);
        if (!c)
            return NULL;
        memcpy(c, &lx->chunk, sizeof lx->chunk);
        lx->chunk = c;
        lx->chunk_used = sizeof lx->chunk;
    }
    char *p = lx->chunk + lx->chunk_used;
    memcpy(p, s, n);
    lx->chunk_used += n;
    lx->nbytes += n;
    return p;
}

static bool
slot_rehash(lexicon *lx, size_t ncap)
{
    uint32_t *sl = summ__calloc(lx->al, ncap, sizeof *sl);
    if (!sl)
        return false;
    for (size_t id = 0; id < lx->nstem; id++) {
        const strrec *r = &lx->stem_rec[id / STEM_CHUNK][id % STEM_CHUNK];
        size_t j = summ__hash(r->s, r->len) & (ncap - 1);
        while (sl[j])
            j = (j + 1) & (ncap - 1);
        sl[j] = (uint32_t)id + 1;
    }
    summ__free(lx->al, lx->stem_slot);
    lx->stem_slot = sl;
    lx->capslot = ncap;
    return true;
}

/* The id of stem s (interned here if new, when add is set), or NOT_FOUND. */
static bool
stem_intern(lexicon *lx, const char *s, size_t n, bool add, uint32_t *id)
{
    *id = NOT_FOUND;
    if (add && (lx->nstem + 1) * 2 > lx->capslot
        && !slot_rehash(lx, lx->capslot ? lx->capslot * 2 : 1024))
        return false;
    if (!lx->capslot)
        return true;
    size_t j = summ__hash(s, n) & (lx->capslot - 1);
    while (lx->stem_slot[j]) {
        uint32_t k = lx->stem_slot[j] - 1;
        const strrec *r = &lx->stem_rec[k / STEM_CHUNK][k % STEM_CHUNK];
        if (r->len == n && memcmp(r->s, s, n) == 0) {
            *id = k;
            return true;
        }
        j = (j + 1) & (lx->capslot - 1);
    }
    if (!add)
        return true;
    if (lx->nstem >= (size_t)STEM_CHUNKS * STEM_CHUNK)
        return false;
    strrec **chunk = &lx->stem_rec[lx->nstem / STEM_CHUNK];
    if (!*chunk && !(*chunk = summ__malloc(lx->al, STEM_CHUNK * sizeof **chunk)))
        return false;
    const char *copy = store(lx, s, n);
    if (!copy)
        return false;
    (*chunk)[lx->nstem % STEM_CHUNK] = (strrec){ copy, (uint32_t)n };
    lx->stem_slot[j] = (uint32_t)lx->nstem + 1;
    *id = (uint32_t)lx->nstem++;
    return true;
}

/* A table of ncap slots holding t's words. */
static wtable *
table_grow(lexicon *lx, const wtable *t, size_t ncap)
{
    wtable *nt = summ__calloc(lx->al, 1, sizeof *nt + ncap * sizeof nt->slot[0]);
    if (!nt)
        return NULL;
    nt->mask = ncap - 1;
    for (size_t i = 0; t && i <= t->mask; i++) {
        uint32_t k = atomic_load_explicit(&t->slot[i].key, memory_order_relaxed);
        if (!k)
            continue;
        size_t n = k & KEY_LEN;
        size_t j = summ__hash(slot_word(&t->slot[i], n), n) & nt->mask;
        while (atomic_load_explicit(&nt->slot[j].key, memory_order_relaxed))
            j = (j + 1) & nt->mask;
        nt->slot[j].stem = t->slot[i].stem;
        memcpy(nt->slot[j].w, t->slot[i].w, sizeof nt->slot[j].w);
        atomic_store_explicit(&nt->slot[j].key, k, memory_order_relaxed);
    }
    nt->older = (wtable *)t;
    return nt;
}

/* Add word (hash h, not there yet) with stem id sid, keyword class kw and
 * cue roles. The caller holds the mutex of a shared lexicon. */
static bool
word_add(lexicon *lx, const char *word, size_t n, uint64_t h, uint32_t sid, unsigned kw,
         unsigned roles)
{
    wtable *t = atomic_load_explicit(&lx->tab, memory_order_relaxed);
    if (!t || (lx->nword + 1) * 2 > t->mask + 1) {
        wtable *nt = table_grow(lx, t, t ? (t->mask + 1) * 2 : 1024);
        if (!nt)
            return false;
        atomic_store_explicit(&lx->tab, nt, memory_order_release);
        t = nt;
    }
    const char *far = NULL;
    if (n > LEX_INLINE && !(far = store(lx, word, n)))
        return false;
    size_t j = h & t->mask;
    while (atomic_load_explicit(&t->slot[j].key, memory_order_relaxed))
        j = (j + 1) & t->mask;
    wslot *s = &t->slot[j];
    s->stem = sid;
    if (far)
        memcpy(s->w, &far, sizeof far);
    else
        memcpy(s->w, word, n);
    uint32_t key = key_of(n, h) | (uint32_t)kw << KEY_KW_SHIFT | (uint32_t)roles << KEY_ROLES_SHIFT;
    atomic_store_explicit(&s->key, key, memory_order_release);
    lx->nword++;
    return true;
}

/* A new word, as stem_of() finds it. */
typedef struct newword {
    bool stop;
    const char *stem;
    size_t slen;
    unsigned kw, roles;
} newword;

/* What a new word is: a stopword (nw->stop), or its stem nw->stem[0 ..
 * nw->slen) (the stemmer's buffer, valid until its next call) and what
 * the keyword list says of it (nw->kw); and its cue roles. false if out
 * of memory. */
static bool
stem_of(langres *lr, const char *word, size_t n, newword *nw)
{
    nw->stop = summ__strset_has(&lr->stop, word, n);
    nw->stem = word;
    nw->slen = n;
    nw->kw = 0;
    nw->roles = summ__cue_roles(lr, word, n);
    if (nw->stop)
        return true;
    nw->kw = kw_class(lr, word, n);
    if (!lr->stemmer)
        return true;
    const sb_symbol *r = sb_stemmer_stem(lr->stemmer, (const sb_symbol *)word, (int)n);
    if (!r)
        return false;
    size_t m = (size_t)sb_stemmer_length(lr->stemmer);
    if (m > 0 && m <= 255) {
        nw->stem = (const char *)r;
        nw->slen = m;
    }
    return true;
}

/* Add a new word to the shared lexicon: its stem id and *kw, or NOT_FOUND
 * if it is full. */
static uint32_t
shared_add(lexicon *lx, const char *word, size_t n, uint64_t h, const newword *nw,
           uint32_t *kw, summ_status *st)
{
    pthread_mutex_lock(&lx->mu);
    uint32_t sid = NOT_FOUND;
    const wslot *e = lex_find(lx, word, n, h);  /* another thread may have added it */
    if (e) {
        sid = e->stem;
        /* its roles are nw's: the same word, the same cue list */
        *kw = key_kw(atomic_load_explicit(&e->key, memory_order_relaxed));
    } else if (!atomic_load_explicit(&lx->full, memory_order_relaxed)) {
        if (lx->nword >= lx->max_words || lx->nbytes >= 64u * LEX_SHARED_WORDS) {
            /* release: whoever sees it full sees every add before */
            atomic_store_explicit(&lx->full, true, memory_order_release);
        } else if (nw->stop) {
            if (word_add(lx, word, n, h, STEM_STOP, 0, nw->roles))
                sid = STEM_STOP;
            else
                *st = SUMM_ENOMEM;
        } else {
            uint32_t id;
            if (stem_intern(lx, nw->stem, nw->slen, true, &id)
                && word_add(lx, word, n, h, id, nw->kw, nw->roles)) {
                sid = id;
                *kw = nw->kw;
            } else {
                *st = SUMM_ENOMEM;
            }
        }
    }
    pthread_mutex_unlock(&lx->mu);
    return sid;
}

/* Add a new word to the context's own lexicon (the shared one is full, so
 * its stems are final: a stem it has keeps its id). */
static uint32_t
own_add(langres *lr, const char *word, size_t n, uint64_t h, const newword *nw, uint32_t *kw,
        summ_status *st)
{
    if (!lr->own && !(lr->own = summ__lex_new(lr->al, false))) {
        *st = SUMM_ENOMEM;
        return STEM_STOP;
    }
    uint32_t sid = STEM_STOP;
    if (!nw->stop) {
        uint32_t id;
        if (!stem_intern(lr->lex, nw->stem, nw->slen, false, &id))
            goto nomem;
        if (id == NOT_FOUND) {
            if (!stem_intern(lr->own, nw->stem, nw->slen, true, &id))
                goto nomem;
            id |= OWN_BIT;
        }
        sid = id;
    }
    if (!word_add(lr->own, word, n, h, sid, nw->stop ? 0 : nw->kw, nw->roles))
        goto nomem;
    *kw = nw->stop ? 0 : nw->kw;
    return sid;
nomem:
    *st = SUMM_ENOMEM;
    return STEM_STOP;
}

/* A word neither lexicon has: stopword? else stem it (outside the lock),
 * and add it. Out of line, so that the lookup that finds the word (nearly
 * every one) stays a short function. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static uint32_t
lex_new_word(langres *lr, const char *word, size_t n, uint64_t h, uint32_t *kw,
             unsigned *roles, summ_status *st)
{
    newword nw;
    if (!stem_of(lr, word, n, &nw)) {
        *st = SUMM_ENOMEM;
        return STEM_STOP;
    }
    *roles = nw.roles;
    if (!atomic_load_explicit(&lr->lex->full, memory_order_acquire)) {
        uint32_t sid = shared_add(lr->lex, word, n, h, &nw, kw, st);
        if (*st != SUMM_OK)
            return STEM_STOP;
        if (sid != NOT_FOUND)
            return sid;
        atomic_thread_fence(memory_order_acquire);  /* it is full now */
    }
    return own_add(lr, word, n, h, &nw, kw, st);
}

lexview
summ__lex_view(const langres *lr)
{
    const wtable *t = atomic_load_explicit(&lr->lex->tab, memory_order_acquire);
    if (!t)
        return (lexview){ NULL, 0, 0 };
    return (lexview){ (const char *)t->slot, t->mask, sizeof t->slot[0] };
}

/* summ__lex_lookup with the hash known: inline in summ__lex_lookup_all's
 * loop, which tokenize.c calls a sentence at a time. */
static inline lexword
lookup(langres *lr, const char *word, size_t n, uint64_t h, summ_status *st)
{
    if (n == 0 || n > 255)
        return (lexword){ STEM_STOP, 0, 0 };  /* no word (tokenize.c never asks for these) */
    const wslot *e = lex_find(lr->lex, word, n, h);
    if (!e && lr->own)
        e = lex_find(lr->own, word, n, h);
    if (e) {
        uint32_t k = atomic_load_explicit(&e->key, memory_order_relaxed);
        return (lexword){ e->stem, (uint8_t)key_kw(k), (uint8_t)key_roles(k) };
    }
    uint32_t kw = 0;
    unsigned roles = 0;
    *st = SUMM_OK;
    uint32_t sid = lex_new_word(lr, word, n, h, &kw, &roles, st);
    return (lexword){ sid, (uint8_t)kw, (uint8_t)roles };
}

lexword
summ__lex_lookup(langres *lr, const char *word, size_t n, summ_status *st)
{
    return lookup(lr, word, n, summ__hash(word, n), st);
}

bool
summ__lex_lookup_all(langres *lr, const char *fold, const lexkey *keys, size_t nk, lexword *out,
                     summ_status *st)
{
    for (size_t k = 0; k < nk; k++) {
        if (!keys[k].n) {
            out[k] = (lexword){ STEM_STOP, 0, 0 };
            continue;
        }
        out[k] = lookup(lr, fold + keys[k].off, keys[k].n, keys[k].h, st);
        if (*st != SUMM_OK)
            return false;
    }
    return true;
}

const char *
summ__lex_stem(const langres *lr, uint32_t id, size_t *n)
{
    const lexicon *lx = id & OWN_BIT ? lr->own : lr->lex;
    id &= ~OWN_BIT;
    const strrec *r = &lx->stem_rec[id / STEM_CHUNK][id % STEM_CHUNK];
    *n = r->len;
    return r->s;
}

void
summ__lex_trim(langres *lr)
{
    if (lr->own && (lr->own->nword > LEX_OWN_WORDS || lr->own->nbytes > 64u * LEX_OWN_WORDS)) {
        summ__lex_free(lr->own);
        lr->own = NULL;
    }
}

lexicon *
summ__lex_new(const salloc *al, bool shared)
{
    lexicon *lx = summ__calloc(al, 1, sizeof *lx);
    if (!lx)
        return NULL;
    lx->al = al;
    lx->shared = shared;
    lx->max_words = LEX_SHARED_WORDS;
    atomic_init(&lx->tab, NULL);
    atomic_init(&lx->full, false);
    if (shared && pthread_mutex_init(&lx->mu, NULL) != 0) {
        summ__free(al, lx);
        return NULL;
    }
    return lx;
}

void
summ__lex_limit(lexicon *lx, size_t words)
{
    pthread_mutex_lock(&lx->mu);
    lx->max_words = words;
    pthread_mutex_unlock(&lx->mu);
}

void
summ__lex_free(lexicon *lx)
{
    if (!lx)
        return;
    const salloc *al = lx->al;
    for (wtable *t = atomic_load(&lx->tab), *older; t; t = older) {
        older = t->older;
        summ__free(al, t);
    }
    for (char *c = lx->chunk, *prev; c; c = prev) {
        memcpy(&prev, c, sizeof prev);
        summ__free(al, c);
    }
    for (size_t k = 0; k < STEM_CHUNKS; k++)
        summ__free(al, lx->stem_rec[k]);
    summ__free(al, lx->stem_slot);
    if (lx->shared)
        pthread_mutex_destroy(&lx->mu);
    summ__free(al, lx);
}

/*
 * arena.c - the per-document bump allocator and the growable arrays of a document.
 *
 * Algorithm: memory comes in blocks (at least 64 KiB, or the size of a large request); an
 * allocation bumps a pointer in the current block, moving to the next kept block or a new one when
 * it does not fit. dy_arena_reset rewinds to the first block without freeing, so coding a stream of
 * documents reaches a steady state with no malloc at all.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct dy_arena_block {
    dy_arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

#define DY_ARENA_MIN (64u * 1024u)

void dy_arena_init(dy_arena *a) { memset(a, 0, sizeof *a); }

void *dy_arena_alloc(dy_arena *a, size_t n) {
    n = (n + 15u) & ~(size_t)15u;
    if (n == 0) n = 16;
    dy_arena_block *b = a->head;
    /* skip to the next kept block while the current one is too full */
    while (b && b->size - b->used < n && b->next) {
        b = b->next;
        b->used = 0;
        a->head = b;
    }
    if (!b || b->size - b->used < n) {
        size_t size = n > DY_ARENA_MIN ? n : DY_ARENA_MIN;
        dy_arena_block *nb = malloc(sizeof *nb + size);
        if (!nb) return NULL;
        nb->size = size;
        nb->used = 0;
        nb->next = NULL;
        if (b) b->next = nb;
        else a->first = nb;
        a->head = nb;
        a->total += size;
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}

void *dy_arena_calloc(dy_arena *a, size_t n) {
    void *p = dy_arena_alloc(a, n);
    if (p) memset(p, 0, n);
    return p;
}

char *dy_arena_strndup(dy_arena *a, const char *s, size_t n) {
    char *p = dy_arena_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void dy_arena_reset(dy_arena *a) {
    a->head = a->first;
    if (a->head) a->head->used = 0;
}

void dy_arena_free(dy_arena *a) {
    dy_arena_block *b = a->first;
    while (b) {
        dy_arena_block *n = b->next;
        free(b);
        b = n;
    }
    memset(a, 0, sizeof *a);
}

typedef struct { void *items; size_t len, cap; } dy_vec_any;

void *dy_vec_push(void *vec, size_t size) {
    dy_vec_any *v = vec;
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 64;
        void *p = realloc(v->items, cap * size);
        if (!p) return NULL;
        v->items = p;
        v->cap = cap;
    }
    void *slot = (char *)v->items + v->len * size;
    memset(slot, 0, size);
    v->len++;
    return slot;
}

/* support/arena.c: chunks grow geometrically from 32 KiB so that a big source file costs few
 * mallocs; a request larger than a chunk gets a chunk of its own. */
#include "support/arena.h"

#include <stdlib.h>
#include <string.h>

struct StArenaChunk {
  StArenaChunk *prev;
  size_t size;
  _Alignas(16) char data[];
};

enum { ARENA_ALIGN = 16, ARENA_FIRST_CHUNK = 32 * 1024, ARENA_MAX_CHUNK = 4 * 1024 * 1024 };

void st_arena_init(StArena *a) { memset(a, 0, sizeof *a); }

static void new_chunk(StArena *a, size_t need) {
  size_t size = a->chunk ? a->chunk->size * 2 : ARENA_FIRST_CHUNK;
  if (size > ARENA_MAX_CHUNK) size = ARENA_MAX_CHUNK;
  if (size < need) size = need;
  StArenaChunk *c = st_xmalloc(sizeof(StArenaChunk) + size);
  c->prev = a->chunk;
  c->size = size;
  a->chunk = c;
  a->cur = c->data;
  a->end = c->data + size;
  a->total += size;
}

void *st_arena_alloc(StArena *a, size_t n) {
  n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
  if (ST_UNLIKELY((size_t)(a->end - a->cur) < n)) new_chunk(a, n);
  void *p = a->cur;
  a->cur += n;
  return p;
}

void *st_arena_zalloc(StArena *a, size_t n) {
  void *p = st_arena_alloc(a, n);
  memset(p, 0, n);
  return p;
}

char *st_arena_strndup(StArena *a, const char *s, size_t n) {
  char *p = st_arena_alloc(a, n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

void st_arena_free(StArena *a) {
  StArenaChunk *c = a->chunk;
  while (c) {
    StArenaChunk *prev = c->prev;
    free(c);
    c = prev;
  }
  memset(a, 0, sizeof *a);
}

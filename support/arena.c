/* support/arena.c: chunks grow geometrically from 32 KiB so that a big source file costs few
 * mallocs; a request larger than a chunk gets a chunk of its own. The chunk list runs from the
 * newest to the oldest, so a release (st_arena_release_before) cuts a tail off the list. */
#include "support/arena.h"

#include <stdlib.h>
#include <string.h>

struct StArenaChunk {
  StArenaChunk *prev;
  size_t size;
  uint32_t seq;
  _Alignas(16) char data[];
};

/* Assert builds use tiny chunks, so that every test's tree spans many chunks and the release
 * path (st_arena_release_before) runs on small inputs too: a use of released memory then shows
 * up under ASan in the ordinary test suite, not only on multi-megabyte sources. */
#ifdef STRATA_ASSERT
enum { ARENA_ALIGN = 16, ARENA_FIRST_CHUNK = 1024, ARENA_MAX_CHUNK = 8 * 1024 };
#else
enum { ARENA_ALIGN = 16, ARENA_FIRST_CHUNK = 32 * 1024, ARENA_MAX_CHUNK = 4 * 1024 * 1024 };
#endif

void st_arena_init(StArena *a) { memset(a, 0, sizeof *a); }

static void new_chunk(StArena *a, size_t need) {
  size_t size = a->chunk ? a->chunk->size * 2 : ARENA_FIRST_CHUNK;
  if (size > ARENA_MAX_CHUNK) size = ARENA_MAX_CHUNK;
  if (size < need) size = need;
  StArenaChunk *c = st_xmalloc(sizeof(StArenaChunk) + size);
  c->prev = a->chunk;
  c->size = size;
  c->seq = a->nchunks++;
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

static void free_chunks(StArenaChunk *c) {
  while (c) {
    StArenaChunk *prev = c->prev;
    free(c);
    c = prev;
  }
}

void st_arena_free(StArena *a) {
  free_chunks(a->chunk);
  if (a->side) {
    st_arena_free(a->side);
    free(a->side);
  }
  memset(a, 0, sizeof *a);
}

StArena *st_arena_side(StArena *a) {
  if (!a->side) a->side = st_xcalloc(1, sizeof(StArena));
  return a->side;
}

uint32_t st_arena_mark(const StArena *a) { return a->chunk ? a->chunk->seq : 0; }

uint32_t st_arena_chunk_seq(const StArena *a, const void *p) {
  const char *q = p;
  for (const StArenaChunk *c = a->chunk; c; c = c->prev)
    if (q >= c->data && q < c->data + c->size) return c->seq;
  ST_ASSERT(false, "%p is not memory of this arena", p);
  return 0;
}

size_t st_arena_release_before(StArena *a, uint32_t mark) {
  /* Find the oldest chunk to keep; everything older goes. The current chunk always stays. */
  StArenaChunk *keep = a->chunk;
  if (!keep) return 0;
  while (keep->prev && keep->prev->seq >= mark) keep = keep->prev;
  size_t freed = 0;
  for (StArenaChunk *c = keep->prev; c; c = c->prev) freed += c->size;
  free_chunks(keep->prev);
  keep->prev = NULL;
  a->total -= freed;
  return freed;
}

/* support/arena.c: chunks grow geometrically from 32 KiB so that a big source file costs few
 * mallocs; a request larger than a chunk gets a chunk of its own. The chunk list runs from the
 * newest to the oldest, so a release (st_arena_release_before) cuts a tail off the list. */
#include "support/arena.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#include <unistd.h>
#endif

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
/* The biggest chunk with its header is exactly two huge pages (see alloc_chunk). */
enum { ARENA_ALIGN = 16, ARENA_FIRST_CHUNK = 32 * 1024, ARENA_MAX_CHUNK = 4 * 1024 * 1024 - 64 };
#endif

/* Chunks at least this big give their pages back to the OS when released (purge_chunk). */
enum { PURGE_MIN = 256 * 1024 };

void st_arena_init(StArena *a) { memset(a, 0, sizeof *a); }

/* Huge pages: a big tree is written once, front to back, right after its chunk is made. Where
 * transparent huge pages are opt-in (madvise mode), a big chunk asks for them, and is placed
 * and sized in whole huge pages so that all of it qualifies: it then costs a few page faults
 * instead of a thousand (page faults were a third of --check's time on an 8 MB script, on a
 * virtual machine where each one is a trap to the hypervisor). */
enum { HUGE_PAGE = 2 * 1024 * 1024 };

static StArenaChunk *alloc_chunk(size_t size) {
  size_t total = offsetof(StArenaChunk, data) + size;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (total >= HUGE_PAGE) {
    size_t whole = (total + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
    StArenaChunk *c = aligned_alloc(HUGE_PAGE, whole);
    if (c) { /* else the plain path below, which aborts if memory is really out */
      madvise(c, whole, MADV_HUGEPAGE);
      c->size = whole - offsetof(StArenaChunk, data); /* the rounding is usable space */
      return c;
    }
  }
#endif
  StArenaChunk *c = st_xmalloc(total);
  c->size = size;
  return c;
}

static void new_chunk(StArena *a, size_t need) {
  size_t size = a->chunk ? a->chunk->size * 2 : ARENA_FIRST_CHUNK;
  if (size > ARENA_MAX_CHUNK) size = ARENA_MAX_CHUNK;
  if (size < need) size = need;
  StArenaChunk *c = alloc_chunk(size);
  c->prev = a->chunk;
  c->seq = a->nchunks++;
  a->chunk = c;
  a->cur = c->data;
  a->end = c->data + c->size;
  a->total += c->size;
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

/* A release happens while the program is still growing elsewhere (the compiler frees a
 * statement's tree while its protos fill the GC heap, which maps its own blocks). A freed big
 * chunk would stay resident: jemalloc keeps dirty pages for seconds before it purges them. So
 * its whole pages go back to the OS first (the next user of the memory gets zero pages), so
 * that the peak stays where the whole tree and its scopes are live, not above it. */
static void purge_chunk(StArenaChunk *c) {
#if defined(__linux__) && defined(MADV_DONTNEED)
  if (c->size < PURGE_MIN) return;
  uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
  uintptr_t lo = ((uintptr_t)c->data + page - 1) & ~(page - 1);
  uintptr_t hi = ((uintptr_t)c->data + c->size) & ~(page - 1);
  if (hi > lo) madvise((void *)lo, hi - lo, MADV_DONTNEED);
#else
  (void)c;
#endif
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
  for (StArenaChunk *c = keep->prev; c; c = c->prev) {
    freed += c->size;
    purge_chunk(c);
  }
  free_chunks(keep->prev);
  keep->prev = NULL;
  a->total -= freed;
  return freed;
}

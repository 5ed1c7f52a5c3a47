/* backends/cnp/cnp_mem.c: executable memory for copy-and-patch code (see cnp_mem.h). */
#include "backends/cnp/cnp_mem.h"

#include "support/common.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

enum { CHUNK_SIZE = 1u << 20, BLOCK_ALIGN = 16 };

struct StCnpChunk {
  unsigned char *rw, *rx;
  size_t size, used;
  uint32_t live;     /* blocks not yet released */
  bool current;      /* the arena still allocates from it */
};

struct StCnpArena {
  StCnpChunk *current;
};

static size_t page_size(void) { return (size_t)sysconf(_SC_PAGESIZE); }

/* Both views are populated up front: a page fault per function on first write and another on
 * first execution would cost more than the compile (about 5 us each on this VM). */
static StCnpChunk *chunk_new(size_t size) {
  int fd = memfd_create("strata-baseline-code", MFD_CLOEXEC);
  if (fd < 0) return NULL;
  StCnpChunk *c = NULL;
  if (ftruncate(fd, (off_t)size) == 0) {
    void *rw = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, 0);
    void *rx = rw == MAP_FAILED ? MAP_FAILED : mmap(NULL, size, PROT_READ | PROT_EXEC, MAP_SHARED | MAP_POPULATE, fd, 0);
    if (rx != MAP_FAILED) {
      c = st_xcalloc(1, sizeof *c);
      c->rw = rw;
      c->rx = rx;
      c->size = size;
    } else if (rw != MAP_FAILED) {
      munmap(rw, size);
    }
  }
  close(fd); /* the mappings keep the memory */
  return c;
}

static void chunk_free(StCnpChunk *c) {
  munmap(c->rw, c->size);
  munmap(c->rx, c->size);
  free(c);
}

StCnpArena *st_cnp_mem_arena_new(void) {
  StCnpArena *a = st_xcalloc(1, sizeof *a);
  a->current = chunk_new(CHUNK_SIZE);
  if (!a->current) {
    free(a);
    return NULL;
  }
  a->current->current = true;
  return a;
}

void st_cnp_mem_arena_free(StCnpArena *a) {
  if (!a) return;
  if (a->current) {
    a->current->current = false;
    if (!a->current->live) chunk_free(a->current);
  }
  free(a);
}

bool st_cnp_mem_alloc(StCnpArena *a, size_t size, StCnpBlock *out) {
  memset(out, 0, sizeof *out);
  out->size = size;
  size_t page = page_size();
  if (!a) {
    size_t map = (size + page - 1) / page * page;
    if (!map) map = page;
    void *m = mmap(NULL, map, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) return false;
    out->rw = out->rx = m;
    out->map_size = map;
    return true;
  }
  size_t need = (size + BLOCK_ALIGN - 1) / BLOCK_ALIGN * BLOCK_ALIGN;
  StCnpChunk *c = a->current;
  if (!c || c->used + need > c->size) {
    StCnpChunk *n = chunk_new(need > CHUNK_SIZE ? (need + page - 1) / page * page : CHUNK_SIZE);
    if (!n) return false;
    if (need > CHUNK_SIZE) {
      c = n; /* a chunk of its own; the current chunk stays current */
    } else {
      if (c) {
        c->current = false;
        if (!c->live) chunk_free(c);
      }
      n->current = true;
      a->current = c = n;
    }
  }
  out->rw = c->rw + c->used;
  out->rx = c->rx + c->used;
  out->chunk = c;
  c->used += need;
  c->live++;
  return true;
}

bool st_cnp_mem_seal(StCnpBlock *b) {
  if (b->chunk) return true; /* the execute view is already read-execute */
  return mprotect(b->rw, b->map_size, PROT_READ | PROT_EXEC) == 0;
}

void st_cnp_mem_release(StCnpBlock *b) {
  if (b->chunk) {
    StCnpChunk *c = b->chunk;
    if (--c->live == 0 && !c->current) chunk_free(c);
  } else if (b->rw) {
    munmap(b->rw, b->map_size);
  }
  memset(b, 0, sizeof *b);
}

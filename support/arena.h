/* support/arena.h: bump allocator for data that dies together (an AST, an IR function).
 *
 * Invariants:
 *  - Every pointer returned stays valid until st_arena_free (or until st_arena_release_before
 *    frees its chunk, see below) and is aligned to 16 bytes. There is no per-object free.
 *    Allocation never fails (it aborts on OOM).
 *  - Chunks are numbered in allocation order (StArenaChunk.seq, from 0), so "everything
 *    allocated before mark m" is a prefix of the chunk list: st_arena_release_before(a, m)
 *    frees the chunks numbered below m and nothing else. A caller may release only what no one
 *    will read again; memory allocated at or after st_arena_mark() returned m always survives.
 *  - The side arena (st_arena_side) holds what must outlive such releases (interned names, a
 *    tree's root); it is freed with its arena by st_arena_free and never by a release.
 */
#ifndef ST_SUPPORT_ARENA_H
#define ST_SUPPORT_ARENA_H

#include "support/common.h"

typedef struct StArenaChunk StArenaChunk;

typedef struct StArena {
  StArenaChunk *chunk;  /* current chunk; older chunks hang off its `prev` */
  char *cur, *end;      /* free space in the current chunk */
  size_t total;         /* bytes obtained from malloc and not yet freed, for --stats */
  uint32_t nchunks;     /* chunks ever made: the next chunk's seq */
  struct StArena *side; /* NULL until st_arena_side first asks for it */
} StArena;

void st_arena_init(StArena *a);
void *st_arena_alloc(StArena *a, size_t n);
void *st_arena_zalloc(StArena *a, size_t n);
char *st_arena_strndup(StArena *a, const char *s, size_t n);
void st_arena_free(StArena *a);

/* The arena for data that survives st_arena_release_before on a (created on first use). */
StArena *st_arena_side(StArena *a);
/* A mark: the number of the current chunk. Everything allocated from now on lives in chunks
 * numbered at or above it. (0 for an arena that has no chunk yet.) */
uint32_t st_arena_mark(const StArena *a);
/* The number of the chunk holding p (p must be memory of a, not of its side arena). */
uint32_t st_arena_chunk_seq(const StArena *a, const void *p);
/* Frees every chunk numbered below mark: the caller promises nothing in them is used again.
 * Returns the bytes given back. */
size_t st_arena_release_before(StArena *a, uint32_t mark);

#define ST_ARENA_NEW(a, T) ((T *)st_arena_zalloc((a), sizeof(T)))
#define ST_ARENA_ARRAY(a, T, n) ((T *)st_arena_alloc((a), sizeof(T) * (size_t)(n)))

#endif

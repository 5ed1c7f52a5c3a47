/* support/arena.h: bump allocator for data that dies together (an AST, an IR function).
 *
 * Invariant: every pointer returned stays valid until st_arena_free (or st_arena_reset) and is
 * aligned to 16 bytes. There is no per-object free. Allocation never fails (it aborts on OOM).
 */
#ifndef ST_SUPPORT_ARENA_H
#define ST_SUPPORT_ARENA_H

#include "support/common.h"

typedef struct StArenaChunk StArenaChunk;

typedef struct StArena {
  StArenaChunk *chunk; /* current chunk; older chunks hang off its `prev` */
  char *cur, *end;     /* free space in the current chunk */
  size_t total;        /* bytes obtained from malloc, for --stats */
} StArena;

void st_arena_init(StArena *a);
void *st_arena_alloc(StArena *a, size_t n);
void *st_arena_zalloc(StArena *a, size_t n);
char *st_arena_strndup(StArena *a, const char *s, size_t n);
void st_arena_free(StArena *a);

#define ST_ARENA_NEW(a, T) ((T *)st_arena_zalloc((a), sizeof(T)))
#define ST_ARENA_ARRAY(a, T, n) ((T *)st_arena_alloc((a), sizeof(T) * (size_t)(n)))

#endif

/* backends/cnp/cnp_mem.h: executable memory for copy-and-patch code, W^X.
 *
 * Two ways to get it:
 *  - no arena: a private mapping per function, mapped read-write, filled, then switched to
 *    read-execute by st_cnp_mem_seal (one mprotect per function);
 *  - an arena: chunks of a memfd mapped twice, a read-write view the patcher writes through
 *    and a read-execute view the code runs from. No address is ever writable and executable,
 *    and a compile costs no system call. Measured reason (notes in tiers/baseline.c): on this
 *    VM an mprotect of freshly written code costs a TLB-shootdown IPI round, about 0.5 ms per
 *    function, 100x the copying and patching itself.
 * Arena chunks are bump-allocated and never reused piecemeal; a chunk is unmapped when its last
 * block is released and it is no longer the arena's current chunk (or the arena is gone).
 * Not thread-safe: the baseline compiles on the main thread only.
 */
#ifndef ST_BACKENDS_CNP_CNP_MEM_H
#define ST_BACKENDS_CNP_CNP_MEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct StCnpArena StCnpArena;
typedef struct StCnpChunk StCnpChunk;

typedef struct StCnpBlock {
  unsigned char *rw;   /* where the patcher writes */
  unsigned char *rx;   /* where the code runs (== rw for a private mapping) */
  size_t size;         /* bytes requested */
  StCnpChunk *chunk;   /* arena chunk, or NULL for a private mapping */
  size_t map_size;     /* private mapping: bytes mapped */
} StCnpBlock;

/* NULL when the system offers no memfd (callers then use private mappings). */
StCnpArena *st_cnp_mem_arena_new(void);
/* Forgets the arena; chunks with live blocks stay mapped until their blocks are released. */
void st_cnp_mem_arena_free(StCnpArena *a);

/* A block of size bytes from arena a (NULL: a private mapping). false when out of memory. */
bool st_cnp_mem_alloc(StCnpArena *a, size_t size, StCnpBlock *out);
/* Makes a filled block executable (private mappings: RW -> RX). false on failure. */
bool st_cnp_mem_seal(StCnpBlock *b);
void st_cnp_mem_release(StCnpBlock *b);

#endif

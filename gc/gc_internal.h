/* gc/gc_internal.h: the heap's private layout, shared by gc.c, heap.c and roots.c only.
 *
 * Layout invariants (st_gc_verify checks them):
 *  - A block is ST_GC_BLOCK_SIZE bytes, aligned to its size, so the block of a small cell is
 *    its address with the low bits cleared. It starts with StGcBlock (header + mark bitmap);
 *    cells follow from `first`, all of one size class. Every block that holds cells is in
 *    the class's list and in the block set (the hash set the conservative scan asks).
 *  - Cells [0, ncarved) of a block have been carved: each is live (kind != 0) or free (kind 0
 *    and on its class's free list, exactly once). Cells past ncarved are untouched memory and
 *    never looked at, so a fresh block costs RSS only as it is used.
 *  - Mark bits live in the block's bitmap, one bit per 16-byte granule of the block (bit index
 *    = offset >> 4), so marking needs no division. Why a bitmap and not StCell.gcbits: the
 *    sweep finds live cells without touching them, clearing marks is a 2 KiB memset per
 *    block, and a sticky-mark-bit generational mode can keep old marks in it. Large cells have
 *    no block: their mark is a gcbits bit, next to the bit that says "large".
 *  - Outside a collection every mark bit is clear (the sweep clears what it read).
 *  - Large cells are in `large`, an array sorted by address whenever a lookup needs it
 *    (appends leave it unsorted; the collection sorts it once before the conservative scan),
 *    so "does p point into a large cell" is a binary search.
 *  - Byte accounting: in_use == (sizes of carved small cells with kind != 0) + (sizes of large
 *    cells) + external, at every moment outside a collection once fold() has run; live is
 *    in_use right after the last collection.
 */
#ifndef ST_GC_GC_INTERNAL_H
#define ST_GC_GC_INTERNAL_H

#include "gc/gc.h"
#include "support/vec.h"

/* Tunables, one line each: name, value, why. */
#define ST_GC_TUNABLES(X) \
  X(BLOCK_SHIFT, 18, "blocks of 256 KiB: big enough that headers cost < 1%, small enough to free") \
  X(MIN_BUDGET, 4 << 20, "allocate at least this many bytes between collections (gc.c)") \
  X(GROWTH_PERCENT, 100, "...and at least this percentage of the live heap") \
  X(RESERVE_BLOCKS, 4, "empty blocks kept after a sweep at least (more: see heap.c)") \
  X(EMERGENCY_BYTES, 1 << 20, "room past the limit while exhausted, to raise the RangeError") \
  X(CARVE_BYTES, 4096, "bytes of a block put on a free list at a time, so RSS follows use") \
  X(SCRUB_BYTES, 256 << 10, "dead C stack zeroed after a caught out-of-memory error (roots.c)")

enum {
#define ST_GC_TUNABLE_ENUM(name, value, why) ST_GC_##name = (value),
  ST_GC_TUNABLES(ST_GC_TUNABLE_ENUM)
#undef ST_GC_TUNABLE_ENUM
};

#define ST_GC_BLOCK_SIZE ((size_t)1 << ST_GC_BLOCK_SHIFT)
#define ST_GC_BLOCK_MASK (ST_GC_BLOCK_SIZE - 1)
#define ST_GC_MARK_WORDS (ST_GC_BLOCK_SIZE / 16 / 64)
#define ST_GC_BLOCK_MAGIC 0x5354424Cu /* "STBL" */

/* gcbits of a cell. Small cells keep gcbits 0: their marks are in the block bitmap. */
enum { ST_GC_BIT_LARGE = 1, ST_GC_BIT_MARK = 2 };

typedef struct StGcBlock {
  uint32_t magic;   /* ST_GC_BLOCK_MAGIC while the block holds cells */
  uint16_t cell_size;
  uint8_t cls;      /* size class */
  uint32_t first;   /* offset of cell 0 */
  uint32_t ncells;  /* capacity */
  uint32_t ncarved; /* cells [0, ncarved) are live or on the free list */
  uint32_t nlive;   /* live cells after the last sweep (for heap info) */
  struct StGcBlock *next; /* the class's block list, or the reserve list */
  uint64_t marks[ST_GC_MARK_WORDS];
} StGcBlock;

typedef struct StGcLarge {
  StCell *cell;
  size_t size; /* bytes, a multiple of 16 */
} StGcLarge;

typedef struct StGcKindInfo {
  const char *name;
  StGcTraceFn trace;       /* NULL: the kind has no children (then it is never pushed) */
  StGcFinalizeFn finalize; /* NULL: nothing to free */
  bool registered;
  bool finalize_last;      /* st_gc_set_finalize_last: after every other dead cell */
} StGcKindInfo;

typedef struct StGcRootEntry {
  StGcRootsFn fn;
  void *ud;
} StGcRootEntry;

typedef struct StGcWeakEntry {
  StGcWeakFn fn;
  void *ud;
} StGcWeakEntry;

/* Open-addressing hash set of block addresses (linear probing; deletion shifts back). */
typedef struct StGcBlockSet {
  uintptr_t *slots; /* 0 = empty */
  size_t cap, len;  /* cap a power of two, len <= cap / 2 */
} StGcBlockSet;

/* The conservative scan's memory of the previous collection (roots.c): the C stack's full
 * pages counted from the base (page k covers [base - (k+1) * 4 KiB, base - k * 4 KiB)), their
 * words as they were then, and per page the cells its words hit and the indices of its words
 * that passed the address filters without hitting a live cell ("misses"). A page whose words
 * are unchanged, scanned with unchanged filters, hits the same cells (cells do not move, and a
 * cell hit then was marked, so no sweep freed it) and needs only its misses looked up again. */
typedef struct StGcPageRec {
  uint32_t hits_end, misses_end; /* ends of this page's entries in hits and misses */
} StGcPageRec;

typedef struct StGcStackCache {
  uintptr_t base;                  /* the word-aligned stack base; 0: nothing recorded */
  uintptr_t filter[4];             /* small_lo, small_hi, large_lo, large_hi when recorded */
  size_t npages;                   /* pages recorded */
  uintptr_t *copy;                 /* their words, page k at copy + k * ST_GC_PAGE_WORDS */
  size_t copy_pages;               /* capacity of copy, in pages */
  StVec(StGcPageRec) pages, next_pages;
  StVec(StCell *) hits, next_hits;
  StVec(uint16_t) misses, next_misses;
} StGcStackCache;

enum { ST_GC_PAGE_WORDS = 512 }; /* 4 KiB of stack */

struct StHeap {
  StGcFast fast; /* first: the inline allocator in gc.h casts StHeap * to StGcFast * */

  /* Accounting (bytes). The fast path only lowers fast.budget; fold() moves what it spent
   * (budget_base - budget) into the counters. */
  int64_t budget_base;
  uint64_t allocated_since; /* since the last collection, external growth included */
  uint64_t in_use;
  uint64_t live;            /* in_use right after the last collection */
  uint64_t threshold;       /* collect when allocated_since would pass this */
  uint64_t external;        /* current external bytes */
  uint64_t limit;           /* 0: none */
  uint64_t fail_countdown;  /* failure injection; 0: off */

  int defer;
  bool stress, exhausted, collecting, pending, stack_scan, verify_each;
  bool failed_unseen; /* an allocation failed since st_gc_take_failure last asked */

  StGcKindInfo kinds[ST_GC_MAX_KINDS];
  StVec(StGcRootEntry) roots;
  StVec(StGcWeakEntry) weaks;
  void *stack_base;            /* NULL: the thread's stack top */
  StVec(StCell *) mark_stack;  /* grey cells */
  StGcStackCache stack_cache;  /* roots.c */
  uint64_t marked_bytes;       /* this collection (computed by the sweep) */

  /* Blocks. */
  StGcBlock *blocks[ST_GC_NCLASSES];  /* every block of each class */
  StGcBlock *carving[ST_GC_NCLASSES]; /* the block being carved, or NULL */
  StGcBlock *reserve;                 /* empty blocks kept mapped */
  size_t nblocks, nreserve, nmapped, nunmapped;
  size_t acquired_since_gc; /* blocks taken from the reserve or mapped since the last sweep */
  StGcBlockSet set;
  uintptr_t small_lo, small_hi; /* every block lies in [small_lo, small_hi) */

  /* Dead cells of finalize-last kinds met by the sweep, finalized at its end (heap.c). */
  StVec(StCell *) late;

  /* Large cells. */
  StVec(StGcLarge) large;
  bool large_sorted;
  uintptr_t large_lo, large_hi; /* every large cell lies in [large_lo, large_hi) */

  StGcStats stats;
};

/* ---- heap.c: blocks, size classes, large cells, sweeping ---- */
void st_heap_init(StHeap *h);
void st_heap_destroy(StHeap *h); /* finalizes every cell, unmaps everything */
/* Refills the class's empty free list from the carving block or a new block; false when the
 * OS refuses memory. */
bool st_heap_refill(StHeap *h, unsigned cls);
StCell *st_heap_alloc_large(StHeap *h, size_t size); /* zeroed; NULL when malloc fails */
void st_heap_sort_large(StHeap *h);
/* The live cell that p points to or into, or NULL. Needs the large table sorted. */
StCell *st_heap_find_cell(StHeap *h, uintptr_t p);
bool st_heap_is_block(const StHeap *h, uintptr_t block);
bool st_heap_is_large(StHeap *h, const StCell *c);
size_t st_heap_cell_size(StHeap *h, const StCell *c);
/* Before marking: empties the free lists (the sweep rebuilds them) so that an allocation
 * during the collection cannot use them, and sorts the large table. */
void st_heap_prepare(StHeap *h);
/* Frees every unmarked cell (finalizer first), rebuilds the free lists, clears the marks,
 * returns empty blocks to the reserve or the OS. Sets h->marked_bytes; returns bytes freed. */
uint64_t st_heap_sweep(StHeap *h);
bool st_heap_verify(StHeap *h);
void st_heap_info(StHeap *h, StGcHeapInfo *out);

/* ---- roots.c: root tracers, weak callbacks, the conservative scan ---- */
void st_roots_trace(StHeap *h);
void st_roots_run_weak(StHeap *h);
void st_roots_scan_stack(StHeap *h);
void st_roots_scan_range(StHeap *h, const void *start, const void *end);
void *st_roots_thread_stack_top(void);
void st_roots_free(StHeap *h); /* the stack cache */

/* ---- gc.c ---- */
void st_gc_drain(StHeap *h); /* traces grey cells until the mark stack is empty */

/* Mark bits of small cells. */
static inline StGcBlock *gc_block_of(const void *p) {
  return (StGcBlock *)((uintptr_t)p & ~(uintptr_t)ST_GC_BLOCK_MASK);
}

static inline size_t gc_granule(const void *p) {
  return ((uintptr_t)p & ST_GC_BLOCK_MASK) >> 4;
}

static inline bool gc_bit_test(const StGcBlock *b, size_t g) {
  return (b->marks[g >> 6] >> (g & 63)) & 1;
}

static inline void gc_bit_set(StGcBlock *b, size_t g) {
  b->marks[g >> 6] |= (uint64_t)1 << (g & 63);
}

#endif

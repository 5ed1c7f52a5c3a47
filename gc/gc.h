/* gc/gc.h: the garbage-collected heap.
 *
 * Design (ARCHITECTURE.md, contract 8): non-moving mark-sweep over segregated size classes.
 * Small cells live in aligned blocks, one size class per block, with a mark bitmap per block;
 * large cells come from jemalloc one by one. Roots are traced precisely where the engine knows
 * them (the VM register stack, handles: registered root tracers) and conservatively on the
 * native C stack, so C code and code from external code generators may hold raw cell pointers
 * in locals without handles or stack maps.
 *
 * Colour invariant (stated for the marker): during marking a cell is white (mark bit clear),
 * grey (mark bit set and on the mark stack) or black (mark bit set and traced). Marking ends
 * when the mark stack is empty; then no black cell points to a white cell, and sweeping frees
 * every white cell. There is no incremental marking yet, so the write barrier has nothing to
 * do; it is called at every store of a heap pointer into a cell so that an incremental or
 * generational mode (sticky mark bits) can be added without touching the callers.
 *
 * What the GC does NOT scan: memory from malloc. A GC value stored in malloc'd memory must be
 * reachable through a cell's trace function or a registered root tracer.
 *
 * Every cell starts with StCell. The upper floors register, per cell kind, a trace function
 * (report each child with st_gc_mark_value / st_gc_mark_cell) and optionally a finalizer
 * (free malloc'd side storage; must not allocate or touch other cells, except that it may read
 * a cell of a kind marked st_gc_set_finalize_last; it may call st_gc_external with a negative
 * delta).
 *
 * Allocation invariants: every cell is 16-byte aligned and its size a multiple of 16; a cell
 * handed out is zeroed except for `kind` (and GC-owned `gcbits`); kind 0 marks a free cell, so
 * a conservative pointer to a free cell keeps nothing alive. Cells never move.
 *
 * Scheduling: a collection runs when the bytes allocated since the last one (cells plus
 * positive st_gc_external deltas) pass max(4 MiB, the live heap), i.e. the heap may double
 * between collections; before every allocation in stress mode; and when an allocation would
 * pass the heap limit. The counted size of a cell is its size-class size; the limit is on
 * those bytes plus external bytes, not on the process RSS (block headers and free cells are
 * not counted).
 *
 * Thread safety: none. One mutator thread owns the heap; the JIT's background thread must not
 * allocate cells or mark.
 */
#ifndef ST_GC_GC_H
#define ST_GC_GC_H

#include "support/common.h"
#include "support/nanbox.h"

#include <string.h>

typedef struct StHeap StHeap;

/* 8-byte header at the start of every cell. `kind` 0 means "free" and is reserved by the GC. */
typedef struct StCell {
  uint8_t kind;   /* cell kind, registered with st_gc_register_kind */
  uint8_t gcbits; /* owned by the GC (it says "large cell"): never copy a header between cells */
  uint16_t flags; /* owned by the kind */
  uint32_t aux;   /* owned by the kind (e.g. a length) */
} StCell;

enum { ST_GC_KIND_FREE = 0, ST_GC_MAX_KINDS = 64 };

typedef void (*StGcTraceFn)(StHeap *h, StCell *c);
typedef void (*StGcFinalizeFn)(StHeap *h, StCell *c);
typedef void (*StGcRootsFn)(StHeap *h, void *ud);
/* Called after marking, before sweeping: drop entries of weak tables whose cells are dead
 * (st_gc_is_marked tells). */
typedef void (*StGcWeakFn)(StHeap *h, void *ud);

typedef struct StGcStats {
  uint64_t collections;
  uint64_t bytes_allocated_total; /* cumulative, small + large + external */
  uint64_t bytes_live;            /* after the last collection */
  uint64_t bytes_in_use;          /* now: live after last GC + allocated since */
  uint64_t pause_ns_total, pause_ns_max;
  uint64_t heap_limit;            /* 0 = none */
  /* Extensions (h3): */
  uint64_t bytes_freed_total;     /* by sweeps and negative external deltas */
  uint64_t bytes_marked_total;    /* sum over collections of the live cell bytes found */
  uint64_t mark_ns_total, sweep_ns_total;
  uint64_t failed_allocations;    /* st_gc_alloc calls that returned NULL */
  uint64_t collections_by_reason[4]; /* indexed by StGcReason (ST_GC_NREASONS) */
} StGcStats;

/* Size classes: every multiple of 16 up to 256 bytes (classes 0..15), then 8 classes per
 * doubling (288, 320, ..., 512, 576, ..., 2048), so rounding wastes at most 1/9 of a cell
 * above 256 bytes. Cells larger than ST_GC_SMALL_MAX come from malloc one by one.
 * The mapping is arithmetic rather than a table so that, for a constant size, the compiler
 * folds the class and its size, and the zeroing memset becomes a few stores. */
enum { ST_GC_SMALL_MAX = 2048, ST_GC_NCLASSES = 40 };

/* The class of a small size (16 <= ... : sizes 1..16 share class 0). */
static inline unsigned st_gc_class_of(size_t size) {
  if (size <= 256) return size ? (unsigned)((size - 1) >> 4) : 0;
  unsigned b = 63u - (unsigned)__builtin_clzll((unsigned long long)(size - 1)); /* 8..10 */
  return 16u + (b - 8u) * 8u + (unsigned)(((size - 1) - ((size_t)1 << b)) >> (b - 3u));
}

static inline size_t st_gc_class_size(unsigned cls) {
  if (cls < 16) return (size_t)(cls + 1) * 16;
  unsigned k = cls - 16, b = 8 + k / 8;
  return ((size_t)1 << b) + ((size_t)(k % 8 + 1) << (b - 3));
}

/* A free small cell: kind 0, then the free-list link. */
typedef struct StGcFree {
  StCell hdr;
  struct StGcFree *next;
} StGcFree;

/* The allocator state that the inline fast path of st_gc_alloc reads. StHeap begins with it;
 * nothing outside gc/ may touch it. `budget` is how many bytes the fast path may still hand out
 * before the slow path must run (to collect, to check the heap limit, or to inject a failure):
 * it is 0 in stress mode, so every allocation takes the slow path there. */
typedef struct StGcFast {
  int64_t budget;
  StGcFree *free[ST_GC_NCLASSES]; /* per size class, address order within each block */
} StGcFast;

StHeap *st_gc_new(void);
void st_gc_free(StHeap *h); /* finalizes every cell, returns all memory */

void st_gc_register_kind(StHeap *h, uint8_t kind, const char *name, StGcTraceFn trace,
                         StGcFinalizeFn finalize);
/* Cells of this kind are finalized after every other cell that dies in the same collection
 * (and in st_gc_free), so another kind's finalizer may read (never write) such a dead cell and
 * what its finalizer frees: an object's finalizer reads its shape, which may die with it. Call
 * after st_gc_register_kind. */
void st_gc_set_finalize_last(StHeap *h, uint8_t kind);
void st_gc_add_root_tracer(StHeap *h, StGcRootsFn fn, void *ud);
/* Removes a tracer registered with the same fn and ud (for temporary roots, e.g. a compile). */
void st_gc_remove_root_tracer(StHeap *h, StGcRootsFn fn, void *ud);
void st_gc_add_weak_callback(StHeap *h, StGcWeakFn fn, void *ud);

/* The conservative scan covers the C stack from the caller of st_gc_collect up to this
 * address; set it once near the top of main (the address of a local there). Until it is set
 * (or after setting NULL), the scan runs up to the top of the current thread's stack as the
 * C library reports it. */
void st_gc_set_stack_base(StHeap *h, void *base);
/* Turns the conservative C-stack scan off (on by default). Only for tests and embedders that
 * root every cell precisely: with it off, a cell held only by a C local is freed. */
void st_gc_set_stack_scan(StHeap *h, bool on);

/* Allocates a zeroed cell of `size` bytes (header included, >= 8) with the given kind. Returns
 * NULL only when the heap limit is exceeded even after a full collection (see st_gc_set_limit),
 * when the OS refuses memory, or when a failure was injected (st_gc_fail_after); the exhausted
 * flag is then set. May collect first, so every cell the caller still needs must be reachable
 * from a root: a local on the C stack is (conservative scan).
 *
 * The fast path pops the size class's free list; everything else (collection, limit, a new
 * block, large cells) is in st_gc_alloc_slow. */
void *st_gc_alloc_slow(StHeap *h, uint8_t kind, size_t size);

/* The shared fast path. `zero` is a constant at every call site, so each variant folds. */
ST_INLINE void *st_gc_alloc_fast(StHeap *h, uint8_t kind, size_t size, bool zero) {
  ST_ASSERT(kind != ST_GC_KIND_FREE && size >= sizeof(StCell), "bad cell request");
  StGcFast *f = (StGcFast *)(void *)h; /* StHeap's first member */
  if (ST_LIKELY(size <= ST_GC_SMALL_MAX)) {
    unsigned ci = st_gc_class_of(size);
    size_t csz = st_gc_class_size(ci);
    StGcFree *cell = f->free[ci];
    if (ST_LIKELY(cell != NULL && f->budget >= (int64_t)csz)) {
      f->free[ci] = cell->next;
      f->budget -= (int64_t)csz;
      if (zero) {
        memset(cell, 0, csz);
      } else {
        /* The header only: kind 0 (free) already, gcbits/flags/aux zeroed here. */
        memset(&cell->hdr, 0, sizeof cell->hdr);
      }
      cell->hdr.kind = kind;
      return cell;
    }
  }
  return st_gc_alloc_slow(h, kind, size);
}

ST_MUST_CHECK static inline void *st_gc_alloc(StHeap *h, uint8_t kind, size_t size) {
  return st_gc_alloc_fast(h, kind, size, true);
}

/* As st_gc_alloc, but only the header is initialized (kind set; gcbits, flags and aux zero):
 * the other bytes of the cell hold garbage (the poison pattern in STRATA_ASSERT builds). The
 * caller must store every byte of the `size` it asked for that any trace function, finalizer
 * or reader can see before it allocates again or calls anything that may collect; until then
 * a collection cannot happen, so no tracer meets the garbage. For objects that are filled
 * completely at once (their slots with undefined), this saves zeroing the cell twice. */
ST_MUST_CHECK static inline void *st_gc_alloc_uninit(StHeap *h, uint8_t kind, size_t size) {
  return st_gc_alloc_fast(h, kind, size, false);
}

/* Memory a cell owns outside the heap (from malloc), counted toward GC pressure and the limit.
 * Report growth with a positive delta and release with a negative one. */
void st_gc_external(StHeap *h, int64_t delta);

/* Limit in bytes (0: none). When exceeded, st_gc_alloc collects; if still over, it returns NULL
 * and sets the "exhausted" flag, which the engine turns into a RangeError.
 * Emergency reserve: while the exhausted flag is set, the limit is raised by 1 MiB
 * (ST_GC_EMERGENCY_BYTES), so that the engine can allocate the RangeError and its message;
 * the engine clears the flag (st_gc_clear_exhausted) once the error is raised, which takes the
 * reserve away again. */
void st_gc_set_limit(StHeap *h, uint64_t bytes);
bool st_gc_exhausted(StHeap *h);
void st_gc_clear_exhausted(StHeap *h);

/* Recovering from exhaustion. A program that catches the out-of-memory RangeError and drops
 * what it built must be able to allocate again, but the conservative scan finds stale words
 * in the C stack: locals of the interpreter and of returned frames that last held the garbage.
 * st_gc_take_failure says whether an allocation has failed since the last call (and resets
 * the answer); the interpreter asks when it enters a catch handler and, if so, returns out of
 * its dispatch loop and calls st_gc_scrub_stack before resuming at the handler.
 * st_gc_scrub_stack zeroes the dead stack below its caller's frame: ST_GC_SCRUB_BYTES (256 KiB),
 * but none below `floor` (the lowest address the caller may use; 0: no floor). */
bool st_gc_take_failure(StHeap *h);
void st_gc_scrub_stack(StHeap *h, uintptr_t floor);

/* --gc-stress: collect before every allocation. */
void st_gc_set_stress(StHeap *h, bool on);

/* Failure injection (tests): the nth allocation from now (1 = the next one) returns NULL and
 * sets the exhausted flag, as if the heap limit had been hit; 0 disarms. */
void st_gc_fail_after(StHeap *h, uint64_t nth);

typedef enum StGcReason { ST_GC_REASON_ALLOC, ST_GC_REASON_STRESS, ST_GC_REASON_LIMIT,
                          ST_GC_REASON_REQUEST } StGcReason;
enum { ST_GC_NREASONS = 4 };
const char *st_gc_reason_name(StGcReason why); /* "alloc", "stress", "limit", "request" */
void st_gc_collect(StHeap *h, StGcReason why);
/* Collections are deferred while > 0 (e.g. while a cell is half-built in a way its tracer
 * cannot handle). Keep such windows tiny. A collection asked for while deferred (explicitly or
 * by the allocator) runs at the first allocation after the last st_gc_undefer. */
void st_gc_defer(StHeap *h);
void st_gc_undefer(StHeap *h);

/* For trace functions and root tracers. */
void st_gc_mark_cell(StHeap *h, StCell *c);       /* c may be NULL */
void st_gc_mark_value(StHeap *h, StValue v);      /* ignores non-pointers */
void st_gc_mark_values(StHeap *h, const StValue *v, size_t n);
/* Conservative: every word that looks like a pointer (raw or NaN-boxed) to, or into, a live
 * cell marks that cell. */
void st_gc_mark_conservative(StHeap *h, const void *start, const void *end);
bool st_gc_is_marked(StHeap *h, const StCell *c);  /* valid in weak callbacks */

/* Whether p points to (the start of, or into) a live cell; the cell start or NULL. */
StCell *st_gc_find_cell(StHeap *h, const void *p);

static inline void st_gc_write_barrier(StHeap *h, StCell *obj, StValue v) {
  (void)h; (void)obj; (void)v;
}

const StGcStats *st_gc_stats(StHeap *h);
size_t st_gc_cell_size(StHeap *h, const StCell *c); /* usable size of a live cell */

/* Debugging aids. st_gc_verify checks the heap's invariants (block headers, the block set,
 * free lists: every entry a free cell of the right class, no cycles, as many entries as free
 * cells; no stray mark bits; large-cell table sorted and flagged; byte accounting), and in
 * STRATA_ASSERT builds that free cells still hold the poison pattern (a write after free). It
 * prints the first problems to stderr and returns false if there are any. O(heap). */
bool st_gc_verify(StHeap *h);
/* Verify before and after every collection (slow; for --gc-verify style debugging). */
void st_gc_set_verify(StHeap *h, bool on);

typedef struct StGcHeapInfo {
  size_t blocks;          /* blocks holding cells */
  size_t reserve_blocks;  /* empty blocks kept for reuse */
  size_t blocks_mapped;   /* total blocks mmap'd so far (monotonic) */
  size_t blocks_unmapped; /* total blocks returned to the OS (monotonic) */
  size_t large_cells;
  size_t free_cells;      /* small cells on free lists */
} StGcHeapInfo;
void st_gc_heap_info(StHeap *h, StGcHeapInfo *out);

/* In STRATA_ASSERT builds a swept cell is filled with this byte (except its header kind = 0
 * and the free-list link), so a use after free reads an implausible value. */
enum { ST_GC_POISON = 0xDB };

#endif

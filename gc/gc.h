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
 * (free malloc'd side storage; must not allocate or touch other cells).
 */
#ifndef ST_GC_GC_H
#define ST_GC_GC_H

#include "support/common.h"
#include "support/nanbox.h"

typedef struct StHeap StHeap;

/* 8-byte header at the start of every cell. `kind` 0 means "free" and is reserved by the GC. */
typedef struct StCell {
  uint8_t kind;   /* cell kind, registered with st_gc_register_kind */
  uint8_t gcbits; /* owned by the GC */
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
} StGcStats;

StHeap *st_gc_new(void);
void st_gc_free(StHeap *h); /* finalizes every cell, returns all memory */

void st_gc_register_kind(StHeap *h, uint8_t kind, const char *name, StGcTraceFn trace,
                         StGcFinalizeFn finalize);
void st_gc_add_root_tracer(StHeap *h, StGcRootsFn fn, void *ud);
void st_gc_add_weak_callback(StHeap *h, StGcWeakFn fn, void *ud);

/* The conservative scan covers the C stack from the caller of st_gc_collect up to this
 * address; set it once near the top of main (the address of a local there). */
void st_gc_set_stack_base(StHeap *h, void *base);

/* Allocates a zeroed cell of `size` bytes (header included) with the given kind. Returns NULL
 * only when the heap limit is exceeded even after a full collection; see st_gc_set_limit. */
ST_MUST_CHECK void *st_gc_alloc(StHeap *h, uint8_t kind, size_t size);

/* Memory a cell owns outside the heap (from malloc), counted toward GC pressure and the limit.
 * Report growth with a positive delta and release with a negative one. */
void st_gc_external(StHeap *h, int64_t delta);

/* Limit in bytes (0: none). When exceeded, st_gc_alloc collects; if still over, it returns NULL
 * and sets the "exhausted" flag, which the engine turns into a RangeError. */
void st_gc_set_limit(StHeap *h, uint64_t bytes);
bool st_gc_exhausted(StHeap *h);
void st_gc_clear_exhausted(StHeap *h);

/* --gc-stress: collect before every allocation. */
void st_gc_set_stress(StHeap *h, bool on);

typedef enum StGcReason { ST_GC_REASON_ALLOC, ST_GC_REASON_STRESS, ST_GC_REASON_LIMIT,
                          ST_GC_REASON_REQUEST } StGcReason;
void st_gc_collect(StHeap *h, StGcReason why);
/* Collections are deferred while > 0 (e.g. while a cell is half-built in a way its tracer
 * cannot handle). Keep such windows tiny. */
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

#endif

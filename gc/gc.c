/* gc/gc.c: the collector's policy and the mark phase: when to collect, the heap limit, byte
 * accounting and statistics, marking with an explicit mark stack, and the public API.
 *
 * Colour invariant (gc.h): a cell is white (mark bit clear), grey (mark bit set, on the mark
 * stack) or black (mark bit set, traced). A cell's bit is set at the moment it is pushed, so
 * no cell is pushed twice; a kind without a trace function has no children and goes straight
 * to black. When the mark stack is empty no black cell points to a white one, and the sweep
 * frees exactly the white cells. The mark stack is a growable array, never the C stack, so a
 * 10-million-cell list marks in constant C stack.
 *
 * One collection:
 *
 *   fold accounting -> prepare (free lists emptied, large table sorted)
 *   -> mark: root tracers, conservative C stack, drain the mark stack
 *   -> weak callbacks (each may query st_gc_is_marked; the stack is drained after each)
 *   -> sweep (heap.c): finalize + free white cells, rebuild free lists, release empty blocks
 *   -> live = marked bytes + external; next threshold = max(MIN_BUDGET, live * GROWTH%)
 *
 * Why MIN_BUDGET stays at 4 MiB: fewer, larger collections execute fewer instructions
 * (binarytrees under callgrind, live ~2.6 MiB: 16 MiB instead of 4 cut collections from 30 to
 * 8 and instructions by 4%), but they cost more time: the cells a small budget recycles are
 * still in cache and their pages mapped, a large budget walks through cold memory and new
 * pages. CPU time, min of 4 runs: storage 0.45 -> 0.50 s, await_chain 0.09 -> 0.14 s at
 * 16 MiB (8 MiB: 0.43 s and 0.11 s; binarytrees equal at 4, 8 and 16), and peak RSS doubled.
 *
 * The inline fast path (gc.h) only pops a free list and lowers fast.budget; budget is kept so
 * that it runs out exactly when the slow path has something to do (collect, hit the limit,
 * inject a failure, stress mode), and fold() turns what the fast path spent into the byte
 * counters.
 */
#include "gc/gc_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------ */
/* Accounting */

static void fold(StHeap *h) {
  int64_t spent = h->budget_base - h->fast.budget;
  if (spent) {
    h->allocated_since += (uint64_t)spent;
    h->in_use += (uint64_t)spent;
    h->stats.bytes_allocated_total += (uint64_t)spent;
    h->budget_base = h->fast.budget;
  }
}

static uint64_t effective_limit(const StHeap *h) {
  return h->limit + (h->exhausted ? (uint64_t)ST_GC_EMERGENCY_BYTES : 0);
}

/* The fast path may allocate `budget` bytes before the slow path must look again. The caller
 * has folded. */
static void recompute_budget(StHeap *h) {
  uint64_t b = 0;
  if (!h->stress && !h->pending && !h->fail_countdown && !h->collecting) {
    b = h->threshold > h->allocated_since ? h->threshold - h->allocated_since : 0;
    if (h->limit) {
      uint64_t lim = effective_limit(h);
      uint64_t room = lim > h->in_use ? lim - h->in_use : 0;
      if (room < b) b = room;
    }
  }
  if (b > (uint64_t)INT64_MAX) b = (uint64_t)INT64_MAX;
  h->fast.budget = h->budget_base = (int64_t)b;
}

/* ------------------------------------------------------------------------------------------ */
/* Creation */

StHeap *st_gc_new(void) {
  StHeap *h = st_xcalloc(1, sizeof *h);
  st_heap_init(h);
  h->stack_scan = true;
  h->threshold = ST_GC_MIN_BUDGET;
  recompute_budget(h);
  return h;
}

void st_gc_free(StHeap *h) {
  if (!h) return;
  ST_CHECK(!h->collecting, "st_gc_free during a collection");
  h->collecting = true; /* finalizers must not allocate; this makes the slow path say so */
  st_heap_destroy(h);
  st_vec_free(&h->roots);
  st_vec_free(&h->weaks);
  st_vec_free(&h->mark_stack);
  st_roots_free(h);
  free(h);
}

void st_gc_register_kind(StHeap *h, uint8_t kind, const char *name, StGcTraceFn trace,
                         StGcFinalizeFn finalize) {
  ST_CHECK(kind != ST_GC_KIND_FREE && kind < ST_GC_MAX_KINDS, "bad cell kind %u", kind);
  h->kinds[kind] = (StGcKindInfo){name, trace, finalize, true};
}

void st_gc_add_root_tracer(StHeap *h, StGcRootsFn fn, void *ud) {
  StGcRootEntry e = {fn, ud};
  st_vec_push(&h->roots, e);
}

void st_gc_remove_root_tracer(StHeap *h, StGcRootsFn fn, void *ud) {
  for (size_t i = 0; i < h->roots.len; i++) {
    if (h->roots.data[i].fn == fn && h->roots.data[i].ud == ud) {
      memmove(&h->roots.data[i], &h->roots.data[i + 1], (h->roots.len - i - 1) * sizeof(StGcRootEntry));
      h->roots.len--;
      return;
    }
  }
}

void st_gc_add_weak_callback(StHeap *h, StGcWeakFn fn, void *ud) {
  StGcWeakEntry e = {fn, ud};
  st_vec_push(&h->weaks, e);
}

void st_gc_set_stack_base(StHeap *h, void *base) { h->stack_base = base; }
void st_gc_set_stack_scan(StHeap *h, bool on) { h->stack_scan = on; }
void st_gc_set_verify(StHeap *h, bool on) { h->verify_each = on; }

/* ------------------------------------------------------------------------------------------ */
/* Allocation slow path, limit, external memory */

static void *fail_alloc(StHeap *h) {
  h->exhausted = true;
  h->failed_unseen = true;
  h->stats.failed_allocations++;
  recompute_budget(h);
  return NULL;
}

/* Memory for one cell, not yet accounted; NULL when the OS refuses a block or malloc fails. */
static StCell *take_cell(StHeap *h, bool small, unsigned cls, size_t csz) {
  if (!small) return st_heap_alloc_large(h, csz); /* zeroed, gcbits = large */
  if (!h->fast.free[cls] && !st_heap_refill(h, cls)) return NULL;
  StGcFree *f = h->fast.free[cls];
  h->fast.free[cls] = f->next;
  memset(f, 0, csz);
  return &f->hdr;
}

void *st_gc_alloc_slow(StHeap *h, uint8_t kind, size_t size) {
  ST_CHECK(!h->collecting, "allocation during a collection (from a finalizer or weak callback?)");
  ST_ASSERT(kind < ST_GC_MAX_KINDS && h->kinds[kind].registered,
            "allocating a cell of unregistered kind %u", kind);
  ST_ASSERT(kind != ST_GC_KIND_FREE && size >= sizeof(StCell), "bad cell request");
  fold(h);
  if (size > SIZE_MAX / 2) return fail_alloc(h);
  bool small = size <= ST_GC_SMALL_MAX;
  unsigned cls = small ? st_gc_class_of(size) : 0;
  uint64_t csz = small ? st_gc_class_size(cls) : (size + 15) & ~(size_t)15;

  if (h->fail_countdown && --h->fail_countdown == 0) return fail_alloc(h);
  bool collected = false;
  if (h->defer == 0) {
    if (h->stress) {
      st_gc_collect(h, ST_GC_REASON_STRESS);
      collected = true;
    } else if (h->pending || h->allocated_since + csz > h->threshold) {
      st_gc_collect(h, ST_GC_REASON_ALLOC);
      collected = true;
    }
  }
  if (h->limit && h->in_use + csz > effective_limit(h)) {
    if (!collected && h->defer == 0) st_gc_collect(h, ST_GC_REASON_LIMIT);
    if (h->in_use + csz > effective_limit(h)) return fail_alloc(h);
  }

  StCell *c = take_cell(h, small, cls, csz);
  if (!c && !collected && h->defer == 0) {
    /* Out of OS memory: what a collection frees may be enough. */
    st_gc_collect(h, ST_GC_REASON_LIMIT);
    c = take_cell(h, small, cls, csz);
  }
  if (!c) return fail_alloc(h);
  c->kind = kind;
  h->allocated_since += csz;
  h->in_use += csz;
  h->stats.bytes_allocated_total += csz;
  recompute_budget(h);
  return c;
}

/* Called at every growth and release of an object's slots or elements, so it avoids the full
 * fold and recompute when it can: growth by d lowers both bounds of the budget (threshold -
 * allocated_since, limit - in_use) by exactly d, so the budget drops by d unless that would
 * take it below 0; a release without a limit leaves the budget as it was. */
void st_gc_external(StHeap *h, int64_t delta) {
  if (delta >= 0) {
    uint64_t d = (uint64_t)delta;
    h->external += d;
    h->in_use += d;
    h->allocated_since += d;
    h->stats.bytes_allocated_total += d;
    if (ST_LIKELY(h->fast.budget >= delta)) {
      h->fast.budget -= delta;
      h->budget_base -= delta; /* not spent by the fast path: fold must not count it again */
      return;
    }
    fold(h);
  } else {
    fold(h);
    /* Clamped: an owner that releases more than it reported must not wrap the counters. */
    uint64_t d = (uint64_t)-(delta + 1) + 1;
    if (d > h->external) d = h->external;
    h->external -= d;
    h->in_use -= d;
    h->stats.bytes_freed_total += d;
    if (!h->limit) return;
  }
  recompute_budget(h);
}

void st_gc_set_limit(StHeap *h, uint64_t bytes) {
  fold(h);
  h->limit = bytes;
  h->stats.heap_limit = bytes;
  recompute_budget(h);
}

bool st_gc_exhausted(StHeap *h) { return h->exhausted; }

bool st_gc_take_failure(StHeap *h) {
  bool failed = h->failed_unseen;
  h->failed_unseen = false;
  return failed;
}

void st_gc_clear_exhausted(StHeap *h) {
  fold(h);
  h->exhausted = false;
  recompute_budget(h);
}

void st_gc_set_stress(StHeap *h, bool on) {
  fold(h);
  h->stress = on;
  recompute_budget(h);
}

void st_gc_fail_after(StHeap *h, uint64_t nth) {
  fold(h);
  h->fail_countdown = nth;
  recompute_budget(h);
}

void st_gc_defer(StHeap *h) { h->defer++; }

void st_gc_undefer(StHeap *h) {
  ST_ASSERT(h->defer > 0, "st_gc_undefer without st_gc_defer");
  h->defer--;
}

/* ------------------------------------------------------------------------------------------ */
/* Marking */

/* Grey the cell: set its mark bit and, if it has children, push it. Inlined into the loops
 * below; the mark stack grows through st_vec_reserve only when full. */
static inline void mark_cell_inline(StHeap *h, StCell *c) {
  ST_ASSERT(h->collecting, "marking outside a collection");
  ST_ASSERT(((uintptr_t)c & 15) == 0, "misaligned cell pointer %p", (void *)c);
  ST_ASSERT(c->kind != ST_GC_KIND_FREE, "marking a free cell %p (a use after free?)", (void *)c);
  if (ST_UNLIKELY(c->gcbits & ST_GC_BIT_LARGE)) {
    ST_ASSERT(st_heap_is_large(h, c), "%p is not a heap cell", (void *)c);
    if (c->gcbits & ST_GC_BIT_MARK) return;
    c->gcbits |= ST_GC_BIT_MARK;
  } else {
    StGcBlock *b = gc_block_of(c);
    ST_ASSERT(st_heap_is_block(h, (uintptr_t)b) &&
                  ((uintptr_t)c - (uintptr_t)b - b->first) % b->cell_size == 0,
              "%p is not a heap cell", (void *)c);
    size_t g = gc_granule(c);
    uint64_t bit = (uint64_t)1 << (g & 63), *w = &b->marks[g >> 6];
    if (*w & bit) return;
    *w |= bit;
  }
  if (h->kinds[c->kind].trace) {
    if (ST_UNLIKELY(h->mark_stack.len == h->mark_stack.cap))
      st_vec_reserve(&h->mark_stack, h->mark_stack.len + 1);
    h->mark_stack.data[h->mark_stack.len++] = c;
  }
}

void st_gc_mark_cell(StHeap *h, StCell *c) {
  if (c) mark_cell_inline(h, c);
}

void st_gc_mark_value(StHeap *h, StValue v) {
  if (st_nanbox_is_pointer(v)) mark_cell_inline(h, (StCell *)st_nanbox_pointer(v));
}

/* Two passes: the first asks for every child's header at once, so that the cache misses of a
 * cell's children overlap instead of being taken one after another by the second. */
void st_gc_mark_values(StHeap *h, const StValue *v, size_t n) {
  if (n > 1)
    for (size_t i = 0; i < n; i++)
      if (st_nanbox_is_pointer(v[i])) __builtin_prefetch(st_nanbox_pointer(v[i]), 1);
  for (size_t i = 0; i < n; i++)
    if (st_nanbox_is_pointer(v[i])) mark_cell_inline(h, (StCell *)st_nanbox_pointer(v[i]));
}

void st_gc_mark_conservative(StHeap *h, const void *start, const void *end) {
  ST_ASSERT(h->collecting, "marking outside a collection");
  st_roots_scan_range(h, start, end);
}

void st_gc_drain(StHeap *h) {
  while (h->mark_stack.len) {
    StCell *c = h->mark_stack.data[--h->mark_stack.len];
    h->kinds[c->kind].trace(h, c);
  }
}

bool st_gc_is_marked(StHeap *h, const StCell *c) {
  (void)h;
  if (c->gcbits & ST_GC_BIT_LARGE) return c->gcbits & ST_GC_BIT_MARK;
  return gc_bit_test(gc_block_of(c), gc_granule(c));
}

/* ------------------------------------------------------------------------------------------ */
/* Collection */

const char *st_gc_reason_name(StGcReason why) {
  static const char *const names[ST_GC_NREASONS] = {"alloc", "stress", "limit", "request"};
  return (unsigned)why < ST_GC_NREASONS ? names[why] : "?";
}

void st_gc_collect(StHeap *h, StGcReason why) {
  ST_ASSERT((unsigned)why < ST_GC_NREASONS, "bad collection reason %d", (int)why);
  if (h->defer > 0) {
    /* Runs at the first allocation after the last st_gc_undefer. */
    fold(h);
    h->pending = true;
    recompute_budget(h);
    return;
  }
  ST_CHECK(!h->collecting,
           "st_gc_collect during a collection (from a finalizer or weak callback?)");
  uint64_t t0 = st_common_now_ns();
  fold(h);
  if (h->verify_each) ST_CHECK(st_heap_verify(h), "heap corrupt before a collection");
  h->collecting = true;
  h->pending = false;
  st_heap_prepare(h);

  st_roots_trace(h);
  if (h->stack_scan) st_roots_scan_stack(h);
  st_gc_drain(h);
  st_roots_run_weak(h);
  uint64_t t1 = st_common_now_ns();

  uint64_t freed = st_heap_sweep(h);
  uint64_t t2 = st_common_now_ns();
  h->collecting = false;

  h->live = h->marked_bytes + h->external;
  h->in_use = h->live;
  h->allocated_since = 0;
  uint64_t grown = h->live / 100 * ST_GC_GROWTH_PERCENT;
  h->threshold = grown > (uint64_t)ST_GC_MIN_BUDGET ? grown : (uint64_t)ST_GC_MIN_BUDGET;
  recompute_budget(h);
  /* The mark stack can grow huge for one wide cell; don't keep that memory forever. */
  if (h->mark_stack.cap > 65536) st_vec_free(&h->mark_stack);

  StGcStats *s = &h->stats;
  s->collections++;
  s->collections_by_reason[why]++;
  s->bytes_freed_total += freed;
  s->bytes_marked_total += h->marked_bytes;
  s->mark_ns_total += t1 - t0;
  s->sweep_ns_total += t2 - t1;
  uint64_t pause = t2 - t0;
  s->pause_ns_total += pause;
  if (pause > s->pause_ns_max) s->pause_ns_max = pause;
  if (h->verify_each) ST_CHECK(st_heap_verify(h), "heap corrupt after a collection");
}

/* ------------------------------------------------------------------------------------------ */
/* Queries */

StCell *st_gc_find_cell(StHeap *h, const void *p) {
  st_heap_sort_large(h);
  return st_heap_find_cell(h, (uintptr_t)p);
}

size_t st_gc_cell_size(StHeap *h, const StCell *c) {
  ST_ASSERT(c && c->kind != ST_GC_KIND_FREE, "size of a free cell");
  return st_heap_cell_size(h, c);
}

const StGcStats *st_gc_stats(StHeap *h) {
  fold(h);
  h->stats.bytes_live = h->live;
  h->stats.bytes_in_use = h->in_use;
  return &h->stats;
}

bool st_gc_verify(StHeap *h) {
  fold(h);
  return st_heap_verify(h);
}

void st_gc_heap_info(StHeap *h, StGcHeapInfo *out) { st_heap_info(h, out); }

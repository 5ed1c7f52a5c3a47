/* gc/heap.c: where cells live. Size classes, aligned blocks and their carving, the block set
 * the conservative scan asks, large cells, the sweep, and the heap verifier.
 *
 * The layout invariants are stated in gc/gc_internal.h. The policy (when to collect, the
 * limit, accounting) is gc.c's; this file only hands out and takes back memory.
 *
 * Block life cycle:
 *
 *   mmap (2x, trimmed to alignment) or the reserve
 *     -> acquire_block: header written, in the class list and the block set, carving[cls]
 *     -> refill: CARVE_BYTES of cells at a time onto the free list (pages touched as used)
 *     -> sweep: dead cells finalized, poisoned, back on the free list; marks cleared
 *     -> sweep finds no live cell: release_block: out of the set, into the reserve
 *     -> end of sweep: the reserve is trimmed to max(RESERVE_BLOCKS, blocks acquired since the
 *        previous collection); the rest is unmapped
 *
 * Why the reserve follows the last cycle's demand: a program that makes garbage at a steady
 * rate empties about as many blocks per collection as it fills between collections. Unmapping
 * them and mapping fresh ones costs a page fault per 4 KiB touched (measured with test_gc's
 * perf line, -O2 on the 2-core dev VM: 110 ns per short-lived 32-byte cell with a fixed
 * reserve of 4 blocks, 9 ns with this policy), so they are kept for exactly one more cycle;
 * when the demand stops, the next collection returns them.
 */
#include "gc/gc_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

/* ASan builds (gcc defines __SANITIZE_ADDRESS__, clang has the feature test): see map_block. */
#if defined(__SANITIZE_ADDRESS__)
#define ST_HEAP_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ST_HEAP_LSAN 1
#endif
#endif
#ifdef ST_HEAP_LSAN
#include <sanitizer/lsan_interface.h>
#endif

#define FIRST_CELL_OFFSET ((sizeof(StGcBlock) + 15) & ~(size_t)15)

ST_STATIC_ASSERT(sizeof(StCell) == 8, "StCell is the 8-byte header every cell starts with");
ST_STATIC_ASSERT(ST_GC_NREASONS == ST_ARRAY_LEN(((StGcStats *)0)->collections_by_reason),
                 "one counter per collection reason");
ST_STATIC_ASSERT(sizeof(StGcFree) == 16, "a free cell fits in the smallest class");
ST_STATIC_ASSERT(FIRST_CELL_OFFSET < ST_GC_BLOCK_SIZE / 16, "block header too big");

/* ------------------------------------------------------------------------------------------ */
/* Size classes */

/* The class functions in gc.h must give the rule stated there: checked once per heap. */
static void check_classes(void) {
  size_t prev = 0;
  for (unsigned c = 0; c < ST_GC_NCLASSES; c++) {
    size_t s = st_gc_class_size(c);
    size_t step = s <= 256 ? 16 : ((size_t)1 << (63 - __builtin_clzll(s - 1))) / 8;
    ST_CHECK(s % 16 == 0 && s > prev && s - prev == step && st_gc_class_of(s) == c &&
                 st_gc_class_of(prev + 1) == c,
             "size class %u (%zu bytes) breaks the class rule", c, s);
    prev = s;
  }
  ST_CHECK(prev == ST_GC_SMALL_MAX, "the last size class is not ST_GC_SMALL_MAX");
}

/* ------------------------------------------------------------------------------------------ */
/* The block set: is this aligned address one of our blocks? */

static size_t set_slot(uintptr_t block, size_t cap) {
  uint64_t x = (uint64_t)(block >> ST_GC_BLOCK_SHIFT) * 0x9E3779B97F4A7C15ull;
  return (size_t)(x >> 32) & (cap - 1);
}

static void set_insert_raw(StGcBlockSet *s, uintptr_t block) {
  size_t i = set_slot(block, s->cap);
  while (s->slots[i]) i = (i + 1) & (s->cap - 1);
  s->slots[i] = block;
  s->len++;
}

static void set_insert(StGcBlockSet *s, uintptr_t block) {
  if ((s->len + 1) * 2 > s->cap) {
    StGcBlockSet old = *s;
    s->cap = old.cap ? old.cap * 2 : 64;
    s->slots = st_xcalloc(s->cap, sizeof *s->slots);
    s->len = 0;
    for (size_t i = 0; i < old.cap; i++)
      if (old.slots[i]) set_insert_raw(s, old.slots[i]);
    free(old.slots);
  }
  set_insert_raw(s, block);
}

static bool set_contains(const StGcBlockSet *s, uintptr_t block) {
  if (!s->cap) return false;
  for (size_t i = set_slot(block, s->cap);; i = (i + 1) & (s->cap - 1)) {
    if (s->slots[i] == block) return true;
    if (!s->slots[i]) return false;
  }
}

/* Deletion without tombstones: shift later members of the probe run back into the hole. */
static void set_remove(StGcBlockSet *s, uintptr_t block) {
  size_t mask = s->cap - 1, i = set_slot(block, s->cap);
  while (s->slots[i] != block) {
    ST_ASSERT(s->slots[i], "removing a block that is not in the set");
    i = (i + 1) & mask;
  }
  for (size_t j = (i + 1) & mask; s->slots[j]; j = (j + 1) & mask) {
    size_t home = set_slot(s->slots[j], s->cap);
    /* The entry at j may move to the hole at i unless its home lies cyclically in (i, j]. */
    bool home_in_between = i <= j ? (home > i && home <= j) : (home > i || home <= j);
    if (!home_in_between) {
      s->slots[i] = s->slots[j];
      i = j;
    }
  }
  s->slots[i] = 0;
  s->len--;
}

bool st_heap_is_block(const StHeap *h, uintptr_t block) { return set_contains(&h->set, block); }

/* ------------------------------------------------------------------------------------------ */
/* Blocks */

/* LeakSanitizer scans malloc'ed chunks, globals and stacks for pointers, not our mmap'ed
 * blocks: the malloc'ed parts of cells (property and element stores, bytecode, compiled code's
 * side tables) would all read as leaked whenever the heap is still mapped at exit (process.exit,
 * out of memory, or a run without --free-at-exit). So every mapped block is a root region for
 * LSan while it is mapped; a block's region is dropped before it is unmapped. */

static void *map_block(void) {
  size_t sz = ST_GC_BLOCK_SIZE;
  char *p = mmap(NULL, 2 * sz, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return NULL;
  uintptr_t a = ((uintptr_t)p + sz - 1) & ~(uintptr_t)ST_GC_BLOCK_MASK;
  size_t head = a - (uintptr_t)p;
  if (head) munmap(p, head);
  munmap((char *)a + sz, sz - head);
#ifdef ST_HEAP_LSAN
  __lsan_register_root_region((void *)a, sz);
#endif
  return (void *)a;
}

static void unmap_block(void *b) {
#ifdef ST_HEAP_LSAN
  __lsan_unregister_root_region(b, ST_GC_BLOCK_SIZE);
#endif
  munmap(b, ST_GC_BLOCK_SIZE);
}

static StGcBlock *acquire_block(StHeap *h, unsigned cls) {
  StGcBlock *b = h->reserve;
  if (b) {
    h->reserve = b->next;
    h->nreserve--;
  } else {
    b = map_block();
    if (!b) return NULL;
    h->nmapped++;
  }
  h->acquired_since_gc++;
  size_t size = st_gc_class_size(cls);
  b->magic = ST_GC_BLOCK_MAGIC;
  b->cls = (uint8_t)cls;
  b->cell_size = (uint16_t)size;
  b->first = (uint32_t)FIRST_CELL_OFFSET;
  b->ncells = (uint32_t)((ST_GC_BLOCK_SIZE - FIRST_CELL_OFFSET) / size);
  b->ncarved = 0;
  b->nlive = 0;
  memset(b->marks, 0, sizeof b->marks);
  b->next = h->blocks[cls];
  h->blocks[cls] = b;
  h->nblocks++;
  set_insert(&h->set, (uintptr_t)b);
  uintptr_t lo = (uintptr_t)b, hi = lo + ST_GC_BLOCK_SIZE;
  if (h->small_lo == h->small_hi) {
    h->small_lo = lo;
    h->small_hi = hi;
  } else {
    if (lo < h->small_lo) h->small_lo = lo;
    if (hi > h->small_hi) h->small_hi = hi;
  }
  return b;
}

/* The caller has unlinked b from its class list. */
static void release_block(StHeap *h, StGcBlock *b) {
  set_remove(&h->set, (uintptr_t)b);
  h->nblocks--;
  if (h->carving[b->cls] == b) h->carving[b->cls] = NULL;
  b->magic = 0;
  b->next = h->reserve;
  h->reserve = b;
  h->nreserve++;
}

static void trim_reserve(StHeap *h, size_t keep) {
  while (h->nreserve > keep) {
    StGcBlock *b = h->reserve;
    h->reserve = b->next;
    h->nreserve--;
    unmap_block(b);
    h->nunmapped++;
  }
}

static inline StCell *cell_at(const StGcBlock *b, size_t i) {
  return (StCell *)((char *)b + b->first + i * b->cell_size);
}

/* A cell becomes free: poison (assert builds), header kind 0. The caller links it. */
static inline void make_free(StCell *c, size_t size) {
#ifdef STRATA_ASSERT
  memset(c, ST_GC_POISON, size);
#else
  (void)size;
#endif
  memset(c, 0, sizeof(StCell));
}

bool st_heap_refill(StHeap *h, unsigned cls) {
  ST_ASSERT(!h->fast.free[cls], "refilling a non-empty free list");
  StGcBlock *b = h->carving[cls];
  if (!b || b->ncarved == b->ncells) {
    b = acquire_block(h, cls);
    if (!b) return false;
    h->carving[cls] = b;
  }
  size_t size = b->cell_size;
  size_t n = ST_GC_CARVE_BYTES / size;
  if (n == 0) n = 1;
  if (n > b->ncells - b->ncarved) n = b->ncells - b->ncarved;
  StGcFree *list = NULL;
  for (size_t i = b->ncarved + n; i-- > b->ncarved;) {
    StGcFree *f = (StGcFree *)cell_at(b, i);
    make_free(&f->hdr, size);
    f->next = list;
    list = f;
  }
  b->ncarved += (uint32_t)n;
  h->fast.free[cls] = list;
  return true;
}

/* ------------------------------------------------------------------------------------------ */
/* Large cells */

static int large_cmp(const void *a, const void *b) {
  uintptr_t x = (uintptr_t)((const StGcLarge *)a)->cell;
  uintptr_t y = (uintptr_t)((const StGcLarge *)b)->cell;
  return x < y ? -1 : x > y;
}

void st_heap_sort_large(StHeap *h) {
  if (h->large_sorted) return;
  if (h->large.len > 1)
    qsort(h->large.data, h->large.len, sizeof *h->large.data, large_cmp);
  h->large_sorted = true;
}

StCell *st_heap_alloc_large(StHeap *h, size_t size) {
  ST_ASSERT(size % 16 == 0, "large size not rounded");
  /* calloc, so that big cells get the OS's zero pages instead of a memset. jemalloc and glibc
   * align every allocation of 16 bytes or more to 16; the fallback covers any other malloc. */
  StCell *c = calloc(1, size);
  if (c && ((uintptr_t)c & 15)) {
    free(c);
    c = aligned_alloc(16, size);
    if (c) memset(c, 0, size);
  }
  if (!c) return NULL;
  c->gcbits = ST_GC_BIT_LARGE;
  uintptr_t lo = (uintptr_t)c, hi = lo + size;
  if (h->large.len) {
    if (lo < (uintptr_t)st_vec_last(&h->large).cell) h->large_sorted = false;
    if (lo < h->large_lo) h->large_lo = lo;
    if (hi > h->large_hi) h->large_hi = hi;
  } else {
    h->large_lo = lo;
    h->large_hi = hi;
  }
  StGcLarge e = {c, size};
  st_vec_push(&h->large, e);
  return c;
}

/* Index of the large entry with the greatest address <= p, or -1. Needs the table sorted. */
static ptrdiff_t large_floor(const StHeap *h, uintptr_t p) {
  ST_ASSERT(h->large_sorted, "large table not sorted");
  size_t lo = 0, hi = h->large.len; /* answer in [lo - 1, hi) */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if ((uintptr_t)h->large.data[mid].cell <= p) lo = mid + 1;
    else hi = mid;
  }
  return (ptrdiff_t)lo - 1;
}

bool st_heap_is_large(StHeap *h, const StCell *c) {
  st_heap_sort_large(h);
  ptrdiff_t i = large_floor(h, (uintptr_t)c);
  return i >= 0 && h->large.data[i].cell == c;
}

/* ------------------------------------------------------------------------------------------ */
/* Lookups */

StCell *st_heap_find_cell(StHeap *h, uintptr_t p) {
  if (p - h->small_lo < h->small_hi - h->small_lo) {
    uintptr_t base = p & ~(uintptr_t)ST_GC_BLOCK_MASK;
    if (set_contains(&h->set, base)) {
      const StGcBlock *b = (const StGcBlock *)base;
      size_t off = p - base;
      if (off < b->first) return NULL; /* the header */
      size_t i = (off - b->first) / b->cell_size;
      if (i >= b->ncarved) return NULL;
      StCell *c = cell_at(b, i);
      return c->kind != ST_GC_KIND_FREE ? c : NULL;
    }
  }
  if (p - h->large_lo < h->large_hi - h->large_lo) {
    ptrdiff_t i = large_floor(h, p);
    if (i >= 0 && p - (uintptr_t)h->large.data[i].cell < h->large.data[i].size)
      return h->large.data[i].cell;
  }
  return NULL;
}

size_t st_heap_cell_size(StHeap *h, const StCell *c) {
  if (!(c->gcbits & ST_GC_BIT_LARGE)) return gc_block_of(c)->cell_size;
  st_heap_sort_large(h);
  ptrdiff_t i = large_floor(h, (uintptr_t)c);
  ST_ASSERT(i >= 0 && h->large.data[i].cell == c, "not a large cell: %p", (const void *)c);
  return h->large.data[i].size;
}

/* ------------------------------------------------------------------------------------------ */
/* Collection support */

void st_heap_prepare(StHeap *h) {
  memset(h->fast.free, 0, sizeof h->fast.free);
  st_heap_sort_large(h);
}

/* Sweeps one block from its last carved cell down, so that the rebuilt free list runs in
 * address order. Marked cells are not touched. Returns the number of live cells; the block's
 * free cells are returned as the list head..tail. */
static size_t sweep_block(StHeap *h, StGcBlock *b, StGcFree **head, StGcFree **tail,
                          uint64_t *freed) {
  size_t size = b->cell_size, step = size >> 4, live = 0;
  size_t g = (b->first >> 4) + (size_t)b->ncarved * step;
  StGcFree *list = NULL, *last = NULL;
  char *cell = (char *)cell_at(b, b->ncarved);
  for (size_t i = b->ncarved; i-- > 0;) {
    g -= step;
    cell -= size;
    if (gc_bit_test(b, g)) {
      live++;
      continue;
    }
    StCell *c = (StCell *)cell;
    if (c->kind != ST_GC_KIND_FREE && h->kinds[c->kind].finalize_last) {
      /* Kept whole (and off the free list, counted live so the block stays) until every other
       * finalizer ran: st_heap_sweep frees it at its end. */
      st_vec_push(&h->late, c);
      *freed += size;
      live++;
      continue;
    }
    if (c->kind != ST_GC_KIND_FREE) {
      StGcFinalizeFn fin = h->kinds[c->kind].finalize;
      if (fin) fin(h, c);
      *freed += size;
      make_free(c, size);
    }
    StGcFree *f = (StGcFree *)c;
    f->next = list;
    list = f;
    if (!last) last = f;
  }
  memset(b->marks, 0, sizeof b->marks);
  *head = list;
  *tail = last;
  return live;
}

uint64_t st_heap_sweep(StHeap *h) {
  uint64_t freed = 0, marked = 0;
  h->small_lo = h->small_hi = 0;
  for (unsigned cls = 0; cls < ST_GC_NCLASSES; cls++) {
    StGcFree *free_head = NULL;
    StGcBlock **link = &h->blocks[cls];
    while (*link) {
      StGcBlock *b = *link;
      StGcFree *head, *tail;
      size_t live = sweep_block(h, b, &head, &tail, &freed);
      b->nlive = (uint32_t)live;
      if (live == 0) {
        *link = b->next;
        release_block(h, b);
        continue;
      }
      marked += (uint64_t)live * b->cell_size;
      if (head) {
        tail->next = free_head;
        free_head = head;
      }
      uintptr_t lo = (uintptr_t)b, hi = lo + ST_GC_BLOCK_SIZE;
      if (h->small_lo == h->small_hi) {
        h->small_lo = lo;
        h->small_hi = hi;
      } else {
        if (lo < h->small_lo) h->small_lo = lo;
        if (hi > h->small_hi) h->small_hi = hi;
      }
      link = &b->next;
    }
    h->fast.free[cls] = free_head;
  }

  /* Large cells: compaction keeps the order, so a sorted table stays sorted. Two rounds: the
   * finalize-last kinds after the others. */
  size_t kept = 0;
  for (int round = 0; round < 2; round++) {
    kept = 0;
    for (size_t i = 0; i < h->large.len; i++) {
      StGcLarge e = h->large.data[i];
      if ((e.cell->gcbits & ST_GC_BIT_MARK) || h->kinds[e.cell->kind].finalize_last != round) {
        if (round == 1 && (e.cell->gcbits & ST_GC_BIT_MARK)) {
          e.cell->gcbits &= (uint8_t)~ST_GC_BIT_MARK;
          marked += e.size;
        }
        h->large.data[kept++] = e;
        continue;
      }
      StGcFinalizeFn fin = h->kinds[e.cell->kind].finalize;
      if (fin) fin(h, e.cell);
      freed += e.size;
#ifdef STRATA_ASSERT
      memset(e.cell, ST_GC_POISON, e.size);
#endif
      free(e.cell);
    }
    h->large.len = kept;
  }

  /* The small finalize-last cells: every other finalizer has run. Each goes to the head of its
   * class's free list (so that list is in address order except for these). */
  for (size_t i = 0; i < h->late.len; i++) {
    StCell *c = h->late.data[i];
    StGcBlock *b = gc_block_of(c);
    StGcFinalizeFn fin = h->kinds[c->kind].finalize;
    if (fin) fin(h, c);
    make_free(c, b->cell_size);
    b->nlive--;
    marked -= b->cell_size;
    StGcFree *f = (StGcFree *)c;
    f->next = h->fast.free[b->cls];
    h->fast.free[b->cls] = f;
  }
  h->late.len = 0;
  size_t keep = h->acquired_since_gc > ST_GC_RESERVE_BLOCKS ? h->acquired_since_gc
                                                             : ST_GC_RESERVE_BLOCKS;
  trim_reserve(h, keep);
  h->acquired_since_gc = 0;
  h->large.len = kept;
  if (kept) {
    h->large_lo = (uintptr_t)h->large.data[0].cell;
    h->large_hi = 0;
    for (size_t i = 0; i < kept; i++) {
      uintptr_t lo = (uintptr_t)h->large.data[i].cell, hi = lo + h->large.data[i].size;
      if (lo < h->large_lo) h->large_lo = lo;
      if (hi > h->large_hi) h->large_hi = hi;
    }
  } else {
    h->large_lo = h->large_hi = 0;
  }
  h->marked_bytes = marked;
  return freed;
}

/* ------------------------------------------------------------------------------------------ */
/* Start and end */

void st_heap_init(StHeap *h) {
  (void)h;
  check_classes();
}

void st_gc_set_finalize_last(StHeap *h, uint8_t kind) {
  ST_CHECK(kind < ST_GC_MAX_KINDS && h->kinds[kind].registered, "kind %u not registered", kind);
  h->kinds[kind].finalize_last = true;
}

void st_heap_destroy(StHeap *h) {
  /* Round 0 finalizes every other kind, round 1 the finalize-last kinds (gc.h). */
  for (int round = 0; round < 2; round++) {
    for (unsigned cls = 0; cls < ST_GC_NCLASSES; cls++) {
      for (StGcBlock *b = h->blocks[cls]; b; b = b->next)
        for (size_t i = 0; i < b->ncarved; i++) {
          StCell *c = cell_at(b, i);
          if (c->kind != ST_GC_KIND_FREE && h->kinds[c->kind].finalize &&
              h->kinds[c->kind].finalize_last == round)
            h->kinds[c->kind].finalize(h, c);
        }
    }
    for (size_t i = 0; i < h->large.len; i++) {
      StCell *c = h->large.data[i].cell;
      if (h->kinds[c->kind].finalize && h->kinds[c->kind].finalize_last == round)
        h->kinds[c->kind].finalize(h, c);
    }
  }
  st_vec_free(&h->late);
  /* Memory goes only after every finalizer ran, so no finalizer meets an unmapped block. */
  for (unsigned cls = 0; cls < ST_GC_NCLASSES; cls++) {
    StGcBlock *b = h->blocks[cls];
    while (b) {
      StGcBlock *next = b->next;
      unmap_block(b);
      b = next;
    }
    h->blocks[cls] = h->carving[cls] = NULL;
    h->fast.free[cls] = NULL;
  }
  while (h->reserve) {
    StGcBlock *next = h->reserve->next;
    unmap_block(h->reserve);
    h->reserve = next;
  }
  for (size_t i = 0; i < h->large.len; i++) free(h->large.data[i].cell);
  st_vec_free(&h->large);
  free(h->set.slots);
  h->set.slots = NULL;
  h->set.cap = h->set.len = 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Verification and information */

typedef struct VerifyCtx {
  int problems;
} VerifyCtx;

ST_PRINTF(2, 3) static void problem(VerifyCtx *v, const char *fmt, ...) {
  if (v->problems++ >= 10) return;
  va_list ap;
  va_start(ap, fmt);
  fputs("st_gc_verify: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

static bool poison_intact(const StCell *c, size_t size) {
#ifdef STRATA_ASSERT
  const unsigned char *p = (const unsigned char *)c;
  for (size_t i = sizeof(StGcFree); i < size; i++)
    if (p[i] != ST_GC_POISON) return false;
#else
  (void)c;
  (void)size;
#endif
  return true;
}

static bool marks_clear(const StGcBlock *b) {
  for (size_t i = 0; i < ST_GC_MARK_WORDS; i++)
    if (b->marks[i]) return false;
  return true;
}

/* Counts the free cells of one class and checks each against the blocks. */
static void verify_class(StHeap *h, VerifyCtx *v, unsigned cls, uint64_t *cells_bytes) {
  size_t free_cells = 0, nblocks = 0;
  bool carving_found = h->carving[cls] == NULL;
  for (StGcBlock *b = h->blocks[cls]; b; b = b->next) {
    if (++nblocks > h->nblocks) {
      problem(v, "class %u: block list longer than the block count (cycle?)", cls);
      return;
    }
    if (b == h->carving[cls]) carving_found = true;
    if ((uintptr_t)b & ST_GC_BLOCK_MASK) problem(v, "block %p misaligned", (void *)b);
    if (b->magic != ST_GC_BLOCK_MAGIC) problem(v, "block %p: bad magic %x", (void *)b, b->magic);
    if (b->cls != cls || b->cell_size != st_gc_class_size(cls))
      problem(v, "block %p: class %u size %u in the list of class %u", (void *)b, b->cls,
              b->cell_size, cls);
    if (b->first != FIRST_CELL_OFFSET || b->ncarved > b->ncells ||
        b->first + (size_t)b->ncells * b->cell_size > ST_GC_BLOCK_SIZE)
      problem(v, "block %p: bad geometry", (void *)b);
    if (!set_contains(&h->set, (uintptr_t)b))
      problem(v, "block %p not in the block set", (void *)b);
    if (!h->collecting && !marks_clear(b))
      problem(v, "block %p: mark bits set outside a GC", (void *)b);
    if ((uintptr_t)b < h->small_lo || (uintptr_t)b + ST_GC_BLOCK_SIZE > h->small_hi)
      problem(v, "block %p outside the small range filter", (void *)b);
    for (size_t i = 0; i < b->ncarved && b->ncarved <= b->ncells; i++) {
      const StCell *c = cell_at(b, i);
      if (c->kind == ST_GC_KIND_FREE) {
        free_cells++;
        if (!poison_intact(c, b->cell_size))
          problem(v, "free cell %p (class %u) was written after free", (const void *)c, cls);
      } else {
        if (c->kind >= ST_GC_MAX_KINDS || !h->kinds[c->kind].registered)
          problem(v, "cell %p has unregistered kind %u", (const void *)c, c->kind);
        if (c->gcbits) problem(v, "small cell %p has gcbits %x", (const void *)c, c->gcbits);
        *cells_bytes += b->cell_size;
      }
    }
  }
  if (!carving_found) problem(v, "class %u: carving block not in the class list", cls);

  size_t listed = 0;
  for (const StGcFree *f = h->fast.free[cls]; f; f = f->next) {
    if (++listed > free_cells) {
      problem(v, "class %u: free list longer than the %zu free cells (cycle or stray entry)", cls,
              free_cells);
      return;
    }
    const StGcBlock *b = gc_block_of(f);
    if (!set_contains(&h->set, (uintptr_t)b) || b->cls != cls) {
      problem(v, "class %u: free-list entry %p not in a block of the class", cls, (const void *)f);
      return;
    }
    size_t off = (uintptr_t)f - (uintptr_t)b;
    if (off < b->first || (off - b->first) % b->cell_size ||
        (off - b->first) / b->cell_size >= b->ncarved)
      problem(v, "class %u: free-list entry %p not a carved cell boundary", cls, (const void *)f);
    else if (f->hdr.kind != ST_GC_KIND_FREE)
      problem(v, "class %u: free-list entry %p is live (kind %u)", cls, (const void *)f,
              f->hdr.kind);
  }
  if (listed != free_cells)
    problem(v, "class %u: %zu free cells but %zu on the free list", cls, free_cells, listed);
}

bool st_heap_verify(StHeap *h) {
  VerifyCtx v = {0};
  uint64_t bytes = 0;
  for (unsigned cls = 0; cls < ST_GC_NCLASSES; cls++) verify_class(h, &v, cls, &bytes);
  if (h->set.len != h->nblocks)
    problem(&v, "block set has %zu entries for %zu blocks", h->set.len, h->nblocks);
  size_t nres = 0;
  for (StGcBlock *b = h->reserve; b && nres <= h->nreserve; b = b->next) {
    nres++;
    if (b->magic != 0 || set_contains(&h->set, (uintptr_t)b))
      problem(&v, "reserve block %p still looks in use", (void *)b);
  }
  if (nres != h->nreserve)
    problem(&v, "reserve list has %zu blocks, count says %zu", nres, h->nreserve);

  for (size_t i = 0; i < h->large.len; i++) {
    const StGcLarge *e = &h->large.data[i];
    const StCell *c = e->cell;
    if (((uintptr_t)c & 15) || e->size % 16 || e->size <= ST_GC_SMALL_MAX)
      problem(&v, "large cell %p: bad alignment or size %zu", (const void *)c, e->size);
    if (c->gcbits != ST_GC_BIT_LARGE && !h->collecting)
      problem(&v, "large cell %p has gcbits %x", (const void *)c, c->gcbits);
    if (c->kind == ST_GC_KIND_FREE || c->kind >= ST_GC_MAX_KINDS || !h->kinds[c->kind].registered)
      problem(&v, "large cell %p has bad kind %u", (const void *)c, c->kind);
    if (h->large_sorted && i > 0 && (uintptr_t)h->large.data[i - 1].cell >= (uintptr_t)c)
      problem(&v, "large table marked sorted but is not at %zu", i);
    if ((uintptr_t)c < h->large_lo || (uintptr_t)c + e->size > h->large_hi)
      problem(&v, "large cell %p outside the large range filter", (const void *)c);
    bytes += e->size;
  }
  bytes += h->external;
  if (!h->collecting && bytes != h->in_use)
    problem(&v, "accounting: cells + external = %llu bytes, in_use = %llu",
            (unsigned long long)bytes, (unsigned long long)h->in_use);
  if (v.problems > 10) fprintf(stderr, "st_gc_verify: ... %d problems in all\n", v.problems);
  return v.problems == 0;
}

void st_heap_info(StHeap *h, StGcHeapInfo *out) {
  memset(out, 0, sizeof *out);
  out->blocks = h->nblocks;
  out->reserve_blocks = h->nreserve;
  out->blocks_mapped = h->nmapped;
  out->blocks_unmapped = h->nunmapped;
  out->large_cells = h->large.len;
  for (unsigned cls = 0; cls < ST_GC_NCLASSES; cls++)
    for (const StGcFree *f = h->fast.free[cls]; f; f = f->next) out->free_cells++;
}

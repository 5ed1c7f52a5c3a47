/* tests/unit/test_gc.c: the garbage collector (gc/), on toy cell kinds defined here.
 *
 * Every test makes a fresh heap (new_heap). Liveness is observed through finalizers: every
 * BUF cell carries an id, and its finalizer frees a malloc'd side buffer and counts the id, so
 * "freed" and "freed exactly once" are checkable (a double finalization is also a double free,
 * which valgrind and ASan report). Tests that count exact deaths turn the conservative stack
 * scan off, because stale words in dead stack slots could keep a cell alive; the tests of the
 * scan itself wipe the stack below them (clear_stack) and keep their candidates in volatiles.
 *
 * `test_gc --quick` (and any run under valgrind) scales the big tests down (the 10-million
 * list becomes 200,000 cells). The perf lines ("perf: ...") are informational.
 */
#include "gc/gc.h"
#include "support/vec.h"
#include "tests/unit/check.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define HAVE_VALGRIND 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

/* ------------------------------------------------------------------------------------------ */
/* Toy cell kinds */

enum { KIND_PAIR = 1, KIND_BUF, KIND_LEAF, KIND_LIST, KIND_VEC };

typedef struct Pair { /* two values; 24 bytes -> the 32-byte class */
  StCell hdr;
  StValue a, b;
} Pair;

typedef struct Buf { /* a malloc'd side buffer and a finalizer; id in hdr.aux */
  StCell hdr;
  char *buf;
} Buf;

typedef struct List { /* 16 bytes: the smallest class */
  StCell hdr;
  struct List *next;
} List;

typedef struct Vec { /* hdr.aux values; large when long */
  StCell hdr;
  StValue items[];
} Vec;

enum { MAX_IDS = 1 << 20 };
static uint8_t fin_count[MAX_IDS]; /* finalizations per BUF id */
static uint32_t next_id;
static size_t fin_total;

static void trace_pair(StHeap *h, StCell *c) {
  Pair *p = (Pair *)c;
  st_gc_mark_value(h, p->a);
  st_gc_mark_value(h, p->b);
}

static void finalize_buf(StHeap *h, StCell *c) {
  Buf *b = (Buf *)c;
  ST_EXPECT(b->buf != NULL && b->buf[0] == 'B');
  free(b->buf);
  b->buf = NULL;
  st_gc_external(h, -16);
  if (c->aux < MAX_IDS) fin_count[c->aux]++;
  fin_total++;
}

static void trace_list(StHeap *h, StCell *c) { st_gc_mark_cell(h, (StCell *)((List *)c)->next); }

static void trace_vec(StHeap *h, StCell *c) { st_gc_mark_values(h, ((Vec *)c)->items, c->aux); }

/* Precise roots: a vector of values that the test controls. */
static StVec(StValue) roots;

static void trace_roots(StHeap *h, void *ud) {
  (void)ud;
  st_gc_mark_values(h, roots.data, roots.len);
}

static void *stack_base;
static bool quick;
static StHeap *H;

static void new_heap(bool stack_scan) {
  H = st_gc_new();
  st_gc_register_kind(H, KIND_PAIR, "pair", trace_pair, NULL);
  st_gc_register_kind(H, KIND_BUF, "buf", NULL, finalize_buf);
  st_gc_register_kind(H, KIND_LEAF, "leaf", NULL, NULL);
  st_gc_register_kind(H, KIND_LIST, "list", trace_list, NULL);
  st_gc_register_kind(H, KIND_VEC, "vec", trace_vec, NULL);
  st_gc_add_root_tracer(H, trace_roots, NULL);
  st_gc_set_stack_base(H, stack_base);
  st_gc_set_stack_scan(H, stack_scan);
  st_vec_clear(&roots);
  memset(fin_count, 0, sizeof fin_count);
  next_id = 0;
  fin_total = 0;
}

static void end_heap(void) {
  ST_EXPECT(st_gc_verify(H));
  st_gc_free(H);
  H = NULL;
  st_vec_clear(&roots);
}

static void collect(void) { st_gc_collect(H, ST_GC_REASON_REQUEST); }

static Buf *new_buf_sized(size_t size) {
  Buf *b = st_gc_alloc(H, KIND_BUF, size);
  if (!b) return NULL;
  b->hdr.aux = next_id++;
  b->buf = malloc(16);
  b->buf[0] = 'B';
  st_gc_external(H, 16);
  return b;
}

static Buf *new_buf(void) { return new_buf_sized(sizeof(Buf)); }

static Pair *new_pair(StValue a, StValue b) {
  Pair *p = st_gc_alloc(H, KIND_PAIR, sizeof(Pair));
  if (!p) return NULL;
  p->a = a;
  p->b = b;
  return p;
}

static StValue cell_value(const void *c) { return st_nanbox_box_pointer(ST_TAG_CELL, c); }
static StValue object_value(const void *c) { return st_nanbox_box_pointer(ST_TAG_OBJECT, c); }

static size_t scaled(size_t n, size_t small) { return quick ? small : n; }

/* Overwrites the dead stack below the caller, so that words left by finished calls (pointers
 * to cells the test wants freed) are not found by the conservative scan. Not instrumented by
 * ASan, which would put redzones (never overwritten) around the buffer. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((no_sanitize_address))
#endif
ST_NOINLINE static void clear_stack(void) {
  volatile char buf[64 * 1024];
  for (size_t i = 0; i < sizeof buf; i++) buf[i] = 0;
}

static bool alive(uint32_t id) { return fin_count[id] == 0; }

/* ------------------------------------------------------------------------------------------ */

static void test_size_classes(void) {
  new_heap(false);
  size_t prev = 0;
  for (size_t size = 8; size <= 4200; size += 8) {
    uint8_t *c = st_gc_alloc(H, KIND_LEAF, size);
    ST_EXPECT(c != NULL);
    if (!c) break;
    size_t usable = st_gc_cell_size(H, (StCell *)c);
    ST_EXPECT(((uintptr_t)c & 15) == 0);
    ST_EXPECT(usable >= size && usable % 16 == 0);
    /* Rounding: to 16 up to 256 bytes, then at most 1/8 of the request. */
    ST_EXPECT(usable - size < (size <= 256 ? 16 : size / 8 + 16));
    ST_EXPECT(usable >= prev);
    prev = usable;
    ST_EXPECT_EQ_INT(c[0], KIND_LEAF);
    bool zero = true; /* byte 1 is gcbits, the GC's own */
    for (size_t i = 2; i < usable; i++) zero &= c[i] == 0;
    ST_EXPECT(zero);
    ST_EXPECT(st_gc_find_cell(H, c) == (StCell *)c);
    ST_EXPECT(st_gc_find_cell(H, c + size - 1) == (StCell *)c);
    memset(c + 8, 0xAB, usable - 8); /* dirty it: a reused cell must come back zeroed */
  }
  StGcHeapInfo info;
  st_gc_heap_info(H, &info);
  ST_EXPECT(info.large_cells > 0 && info.blocks >= ST_GC_NCLASSES);
  collect(); /* everything was garbage */
  st_gc_heap_info(H, &info);
  ST_EXPECT_EQ_INT(info.large_cells, 0);
  ST_EXPECT_EQ_INT(info.blocks, 0);
  for (size_t size = 8; size <= 4200; size += 8) {
    uint8_t *c = st_gc_alloc(H, KIND_LEAF, size);
    bool zero = true;
    for (size_t i = 2; c && i < st_gc_cell_size(H, (StCell *)c); i++) zero &= c[i] == 0;
    ST_EXPECT(c && zero);
  }
  end_heap();
}

static void test_unreachable_freed(void) {
  new_heap(false);
  Buf *kept[100];
  for (int i = 0; i < 1000; i++) {
    Buf *b = new_buf();
    if (i % 10 == 0) {
      kept[i / 10] = b;
      st_vec_push(&roots, cell_value(b));
    }
  }
  collect();
  ST_EXPECT_EQ_INT(fin_total, 900);
  for (uint32_t id = 0; id < 1000; id++) ST_EXPECT_EQ_INT(fin_count[id], id % 10 == 0 ? 0 : 1);
  for (int i = 0; i < 100; i++) {
    ST_EXPECT_EQ_INT(kept[i]->hdr.kind, KIND_BUF);
    ST_EXPECT(kept[i]->buf && kept[i]->buf[0] == 'B');
    ST_EXPECT(st_gc_find_cell(H, kept[i]) == &kept[i]->hdr);
  }
  const StGcStats *s = st_gc_stats(H);
  ST_EXPECT_EQ_INT(s->bytes_live, 100 * 16 + 100 * 16); /* 16-byte cells + 16 external each */
  /* Freed cells are reused: the next 900 allocations need no new block. */
  StGcHeapInfo before, after;
  st_gc_heap_info(H, &before);
  ST_EXPECT(before.free_cells >= 900);
  for (int i = 0; i < 900; i++) (void)!st_gc_alloc(H, KIND_LEAF, 16);
  st_gc_heap_info(H, &after);
  ST_EXPECT_EQ_INT(after.blocks, before.blocks);
  ST_EXPECT_EQ_INT(after.blocks_mapped, before.blocks_mapped);
  st_vec_clear(&roots);
  collect();
  ST_EXPECT_EQ_INT(fin_total, 1000);
  end_heap();
}

/* st_gc_alloc_uninit: the header is fresh even when the cell is a reused one whose old
 * contents are still there, the cell counts like any other, and st_gc_alloc after it still
 * hands out zeroed cells. */
static void test_alloc_uninit(void) {
  new_heap(false);
  /* Dirty cells of the 32-byte class, then free them. */
  for (int i = 0; i < 64; i++) {
    Pair *p = new_pair(ST_TAG_BITS(ST_TAG_INT) | 7u, ST_TAG_BITS(ST_TAG_INT) | 9u);
    ST_EXPECT(p != NULL);
    if (p) p->hdr.flags = 0xBEEF, p->hdr.aux = 77;
  }
  collect();
  uint64_t in_use0 = st_gc_stats(H)->bytes_in_use;
  Pair *u = st_gc_alloc_uninit(H, KIND_PAIR, sizeof(Pair));
  ST_EXPECT(u != NULL);
  if (!u) return;
  ST_EXPECT_EQ_INT(u->hdr.kind, KIND_PAIR);
  ST_EXPECT_EQ_INT(u->hdr.gcbits, 0);
  ST_EXPECT_EQ_INT(u->hdr.flags, 0);
  ST_EXPECT_EQ_INT(u->hdr.aux, 0);
  ST_EXPECT_EQ_INT(st_gc_stats(H)->bytes_in_use, in_use0 + 32);
  u->a = ST_NULL;
  u->b = ST_NULL;
  st_vec_push(&roots, cell_value(u));
  ST_EXPECT(st_gc_verify(H));
  Pair *z = st_gc_alloc(H, KIND_PAIR, sizeof(Pair));
  ST_EXPECT(z && z->a == 0 && z->b == 0 && z->hdr.flags == 0 && z->hdr.aux == 0);
  collect();
  ST_EXPECT(st_gc_find_cell(H, u) == &u->hdr);
  ST_EXPECT(z == NULL || st_gc_find_cell(H, z) == NULL); /* unrooted, no stack scan: freed */
  /* Stress mode: the slow path serves uninit requests too (zeroed there). */
  st_gc_set_stress(H, true);
  uint64_t c0 = st_gc_stats(H)->collections;
  Pair *s = st_gc_alloc_uninit(H, KIND_PAIR, sizeof(Pair));
  ST_EXPECT(s && s->hdr.kind == KIND_PAIR && s->a == 0);
  ST_EXPECT_EQ_INT(st_gc_stats(H)->collections, c0 + 1);
  st_gc_set_stress(H, false);
  end_heap();
}

static void test_reachable_through_children(void) {
  new_heap(false);
  /* root -> pair -> pair -> (buf, vec -> [buf, buf, int]) */
  Buf *b0 = new_buf(), *b1 = new_buf(), *b2 = new_buf();
  Vec *v = st_gc_alloc(H, KIND_VEC, sizeof(Vec) + 3 * sizeof(StValue));
  v->hdr.aux = 3;
  v->items[0] = object_value(b1);
  v->items[1] = cell_value(b2);
  v->items[2] = ST_TAG_BITS(ST_TAG_INT) | 7;
  Pair *inner = new_pair(cell_value(b0), cell_value(v));
  Pair *outer = new_pair(cell_value(inner), ST_NULL);
  Buf *dead = new_buf();
  (void)dead;
  st_vec_push(&roots, cell_value(outer));
  collect();
  ST_EXPECT(alive(0) && alive(1) && alive(2));
  ST_EXPECT(!alive(3));
  ST_EXPECT_EQ_INT(v->hdr.kind, KIND_VEC);
  ST_EXPECT_EQ_INT(inner->hdr.kind, KIND_PAIR);
  /* Cut the middle link: everything below it dies. */
  outer->a = ST_UNDEFINED;
  collect();
  ST_EXPECT(!alive(0) && !alive(1) && !alive(2));
  ST_EXPECT_EQ_INT(outer->hdr.kind, KIND_PAIR);
  ST_EXPECT_EQ_INT(fin_total, 4);
  end_heap();
}

static void test_cycles(void) {
  new_heap(false);
  Pair *a = new_pair(ST_NULL, ST_NULL), *b = new_pair(ST_NULL, ST_NULL);
  Buf *ba = new_buf(), *bb = new_buf();
  a->a = cell_value(b);
  a->b = cell_value(ba);
  b->a = cell_value(a);
  b->b = cell_value(bb);
  Pair *self = new_pair(ST_NULL, cell_value(new_buf()));
  self->a = cell_value(self);
  st_vec_push(&roots, cell_value(a));
  st_vec_push(&roots, cell_value(self));
  collect();
  ST_EXPECT_EQ_INT(fin_total, 0);
  st_vec_clear(&roots);
  collect();
  ST_EXPECT_EQ_INT(fin_total, 3);
  ST_EXPECT(st_gc_find_cell(H, a) == NULL && st_gc_find_cell(H, b) == NULL);
  ST_EXPECT(st_gc_find_cell(H, self) == NULL);
  end_heap();
}

/* ---- conservative roots ---- */

ST_NOINLINE static uintptr_t make_hidden_buf(void) {
  Buf *b = new_buf();
  return (uintptr_t)b ^ 0x5a5a5a5a5a5a5a5aull; /* no word on the stack points at it */
}

ST_NOINLINE static StValue make_boxed_buf(void) { return object_value(new_buf()); }

/* A double whose low 48 bits are a cell's address: not a pointer tag, so not a root. */
ST_NOINLINE static StValue make_double_lookalike(void) {
  return (StValue)(uintptr_t)new_buf() | ST_TAG_BITS(0x4001);
}

ST_NOINLINE static void collect_deep(int depth) {
  volatile int pad[16];
  pad[0] = depth;
  if (depth > 0) collect_deep(depth - 1);
  else collect();
  (void)pad[0];
}

/* The holders live in this frame; the test checks what happens once it has returned. */
ST_NOINLINE static void raw_and_interior_phase(void) {
  Buf *volatile raw = new_buf();                      /* id 0 */
  char *volatile interior = (char *)new_buf() + 11;   /* id 1: points into the middle */
  uintptr_t hidden = make_hidden_buf();               /* id 2: held only in disguise */
  Pair *volatile holder = new_pair(ST_NULL, ST_NULL); /* id-less: keeps id 3 via a child */
  holder->a = cell_value(new_buf());
  clear_stack();
  collect();
  ST_EXPECT(alive(0));
  ST_EXPECT(alive(1));
  ST_EXPECT(!alive(2)); /* the control: a disguised pointer is not a root */
  ST_EXPECT(alive(3));
  ST_EXPECT_EQ_INT(raw->hdr.kind, KIND_BUF);
  ST_EXPECT_EQ_INT(((Buf *)(interior - 11))->hdr.kind, KIND_BUF);
  (void)hidden;
  /* Drop the interior pointer: its cell goes too. */
  interior = NULL;
  clear_stack();
  collect();
  ST_EXPECT(alive(0) && !alive(1) && alive(3));
}

static void test_conservative_raw_and_interior(void) {
  new_heap(true);
  raw_and_interior_phase();
  /* Its frame and callee-saved registers are gone (a register of this frame could otherwise
   * still hold `holder`, legitimately keeping it alive). */
  clear_stack();
  collect();
  ST_EXPECT(!alive(0));
  ST_EXPECT(!alive(3));
  end_heap();
}

static void test_conservative_nanboxed(void) {
  new_heap(true);
  volatile StValue boxed = make_boxed_buf(); /* id 0, only NaN-boxed */
  volatile StValue as_string = st_nanbox_box_pointer(ST_TAG_STRING, (char *)new_buf() + 8);
  volatile StValue as_double = make_double_lookalike(); /* id 2 */
  clear_stack();
  collect();
  ST_EXPECT(alive(0));
  ST_EXPECT(alive(1)); /* interior pointer inside a string-tagged value */
  ST_EXPECT(!alive(2));
  boxed = ST_UNDEFINED;
  clear_stack();
  collect();
  ST_EXPECT(!alive(0) && alive(1));
  (void)boxed;
  (void)as_string;
  (void)as_double;
  end_heap();
}

ST_NOINLINE static void hold_and_collect_deep(void) {
  Buf *volatile mine = new_buf(); /* this frame is shallower than the collecting one */
  collect_deep(40);
  ST_EXPECT(alive(mine->hdr.aux));
  ST_EXPECT_EQ_INT(mine->hdr.kind, KIND_BUF);
}

static void test_conservative_deeper_frame(void) {
  new_heap(true);
  hold_and_collect_deep();
  ST_EXPECT_EQ_INT(fin_total, 0);
  clear_stack();
  collect();
  ST_EXPECT_EQ_INT(fin_total, 1);
  end_heap();
}

/* The scan keeps what the stack holds, not everything: garbage made in a finished frame goes. */
ST_NOINLINE static void make_garbage(int n) {
  for (int i = 0; i < n; i++) (void)new_buf();
}

static void test_conservative_not_everything(void) {
  new_heap(true);
  make_garbage(1000);
  clear_stack();
  collect();
  ST_EXPECT(fin_total >= 990); /* a stray word or two in live frames may keep a few */
  end_heap();
}

/* ---- large cells ---- */

static void test_large_cells(void) {
  new_heap(false);
  size_t sizes[] = {2049, 2064, 4096, 10000, 100000, 1 << 20, 3 << 20};
  Buf *cells[ST_ARRAY_LEN(sizes)];
  for (size_t i = 0; i < ST_ARRAY_LEN(sizes); i++) {
    cells[i] = new_buf_sized(sizes[i]);
    ST_EXPECT(cells[i] != NULL);
    if (!cells[i]) return;
    ST_EXPECT(((uintptr_t)cells[i] & 15) == 0);
    size_t usable = st_gc_cell_size(H, &cells[i]->hdr);
    ST_EXPECT(usable >= sizes[i] && usable < sizes[i] + 16);
    unsigned char *p = (unsigned char *)cells[i];
    bool zero = true;
    for (size_t j = sizeof(Buf); j < sizes[i]; j += 61) zero &= p[j] == 0;
    ST_EXPECT(zero);
    ST_EXPECT(st_gc_find_cell(H, p + sizes[i] - 1) == &cells[i]->hdr);
    ST_EXPECT(st_gc_find_cell(H, p + usable) != &cells[i]->hdr);
    st_vec_push(&roots, cell_value(cells[i])); /* enough of them may start a collection */
  }
  StGcHeapInfo info;
  st_gc_heap_info(H, &info);
  ST_EXPECT_EQ_INT(info.large_cells, ST_ARRAY_LEN(sizes));
  ST_EXPECT(st_gc_verify(H));
  st_vec_clear(&roots);
  for (size_t i = 0; i < ST_ARRAY_LEN(sizes); i += 2) st_vec_push(&roots, cell_value(cells[i]));
  collect();
  for (size_t i = 0; i < ST_ARRAY_LEN(sizes); i++) ST_EXPECT(alive((uint32_t)i) == (i % 2 == 0));
  st_gc_heap_info(H, &info);
  ST_EXPECT_EQ_INT(info.large_cells, (ST_ARRAY_LEN(sizes) + 1) / 2);
  /* A large vector whose children are small cells. */
  size_t n = 5000;
  Vec *v = st_gc_alloc(H, KIND_VEC, sizeof(Vec) + n * sizeof(StValue));
  v->hdr.aux = (uint32_t)n;
  st_vec_push(&roots, cell_value(v));
  uint32_t first = next_id;
  for (size_t i = 0; i < n; i++) v->items[i] = cell_value(new_buf());
  collect();
  bool all = true;
  for (size_t i = 0; i < n; i++) all &= alive(first + (uint32_t)i);
  ST_EXPECT(all);
  st_vec_clear(&roots);
  collect();
  ST_EXPECT_EQ_INT(fin_total, ST_ARRAY_LEN(sizes) + n);
  st_gc_heap_info(H, &info);
  ST_EXPECT_EQ_INT(info.large_cells, 0);
  end_heap();
}

/* ---- finalizers ---- */

static void test_finalizers_once(void) {
  new_heap(false);
  for (int round = 0; round < 5; round++) {
    for (int i = 0; i < 2000; i++) {
      Buf *b = new_buf_sized(i % 7 == 0 ? 3000 : sizeof(Buf) + (size_t)(i % 5) * 16);
      if (i % 3 == 0) st_vec_push(&roots, cell_value(b));
    }
    collect();
    collect();
  }
  bool once = true;
  for (uint32_t id = 0; id < next_id; id++) once &= fin_count[id] == (id % 2000 % 3 == 0 ? 0 : 1);
  ST_EXPECT(once);
  size_t before_free = fin_total;
  ST_EXPECT(st_gc_verify(H));
  st_gc_free(H); /* finalizes the rooted rest */
  H = NULL;
  ST_EXPECT_EQ_INT(fin_total, next_id);
  ST_EXPECT(before_free < fin_total);
  once = true;
  for (uint32_t id = 0; id < next_id; id++) once &= fin_count[id] == 1;
  ST_EXPECT(once);
  st_vec_clear(&roots);
}

/* ---- weak callbacks ---- */

static Buf *weak_table[64];
static int weak_marked, weak_dead, weak_calls;

static void weak_sweep(StHeap *h, void *ud) {
  ST_EXPECT(ud == (void *)weak_table);
  weak_calls++;
  for (int i = 0; i < 64; i++) {
    if (!weak_table[i]) continue;
    if (st_gc_is_marked(h, &weak_table[i]->hdr)) {
      weak_marked++;
    } else {
      ST_EXPECT(fin_count[weak_table[i]->hdr.aux] == 0); /* not finalized yet: before sweep */
      weak_dead++;
      weak_table[i] = NULL;
    }
  }
}

static void test_weak_callback(void) {
  new_heap(false);
  st_gc_add_weak_callback(H, weak_sweep, weak_table);
  weak_marked = weak_dead = weak_calls = 0;
  Pair *holder = new_pair(ST_NULL, ST_NULL);
  st_vec_push(&roots, cell_value(holder));
  for (int i = 0; i < 64; i++) {
    weak_table[i] = new_buf_sized(i < 32 ? sizeof(Buf) : 2500);
    if (i % 4 == 0) st_vec_push(&roots, cell_value(weak_table[i]));
  }
  holder->a = cell_value(weak_table[1]); /* reachable only through a child */
  collect();
  ST_EXPECT_EQ_INT(weak_calls, 1);
  ST_EXPECT_EQ_INT(weak_marked, 17);
  ST_EXPECT_EQ_INT(weak_dead, 47);
  ST_EXPECT(weak_table[1] != NULL && weak_table[4] != NULL && weak_table[2] == NULL);
  ST_EXPECT_EQ_INT(fin_total, 47);
  /* Outside a collection nothing is marked. */
  ST_EXPECT(!st_gc_is_marked(H, &weak_table[4]->hdr));
  ST_EXPECT(!st_gc_is_marked(H, &weak_table[36]->hdr));
  end_heap();
}

/* ---- heap limit ---- */

static void test_limit(void) {
  new_heap(false);
  uint64_t limit = 4 << 20;
  st_gc_set_limit(H, limit);
  ST_EXPECT_EQ_INT(st_gc_stats(H)->heap_limit, limit);
  /* Garbage never exhausts the heap: collections reclaim it. */
  for (int i = 0; i < (int)scaled(200000, 20000); i++) {
    if (!new_pair(ST_NULL, ST_NULL) || !st_gc_alloc(H, KIND_LEAF, 3000)) {
      ST_EXPECT(!"allocation failed with only garbage");
      break;
    }
  }
  ST_EXPECT(!st_gc_exhausted(H));
  ST_EXPECT(st_gc_stats(H)->bytes_in_use <= limit);
  /* Live data does. */
  size_t n = 0;
  while (n < 2 * limit / 32) { /* bounded, so that a broken limit fails instead of hanging */
    Pair *p = new_pair(ST_NULL, ST_NULL);
    if (!p) break;
    st_vec_push(&roots, cell_value(p));
    n++;
  }
  ST_EXPECT(st_gc_exhausted(H));
  ST_EXPECT(n > (limit / 32) * 9 / 10 && n <= limit / 32);
  const StGcStats *s = st_gc_stats(H);
  ST_EXPECT(s->bytes_in_use <= limit);
  ST_EXPECT(s->collections_by_reason[ST_GC_REASON_LIMIT] > 0);
  ST_EXPECT_EQ_INT(s->failed_allocations, 1);
  /* The emergency reserve: about 1 MiB more while exhausted, then NULL again. */
  size_t extra = 0;
  for (Pair *p; extra < (2 << 20) / 32 && (p = new_pair(ST_NULL, ST_NULL)) != NULL; extra++)
    st_vec_push(&roots, cell_value(p));
  ST_EXPECT(extra * 32 > (1 << 20) * 9 / 10 && extra * 32 <= (1 << 20));
  ST_EXPECT(st_gc_exhausted(H));
  ST_EXPECT(st_gc_stats(H)->bytes_in_use <= limit + (1 << 20));
  /* Freeing the roots and clearing the flag brings the heap back. */
  st_vec_clear(&roots);
  st_gc_clear_exhausted(H);
  ST_EXPECT(!st_gc_exhausted(H));
  ST_EXPECT(new_pair(ST_NULL, ST_NULL) != NULL);
  ST_EXPECT(st_gc_alloc(H, KIND_LEAF, 1 << 20) != NULL);
  ST_EXPECT(st_gc_stats(H)->bytes_in_use <= limit);
  /* A single cell bigger than the limit fails at once. */
  ST_EXPECT(st_gc_alloc(H, KIND_LEAF, 8 << 20) == NULL);
  ST_EXPECT(st_gc_exhausted(H));
  /* External memory counts toward the limit. */
  st_gc_clear_exhausted(H);
  st_gc_external(H, (int64_t)limit);
  ST_EXPECT(new_pair(ST_NULL, ST_NULL) == NULL);
  st_gc_external(H, -(int64_t)limit);
  st_gc_clear_exhausted(H);
  ST_EXPECT(new_pair(ST_NULL, ST_NULL) != NULL);
  end_heap();
}

static void test_fail_injection(void) {
  new_heap(false);
  st_gc_fail_after(H, 3);
  ST_EXPECT(new_pair(ST_NULL, ST_NULL) != NULL);
  ST_EXPECT(st_gc_alloc(H, KIND_LEAF, 5000) != NULL);
  ST_EXPECT(!st_gc_exhausted(H));
  ST_EXPECT(new_pair(ST_NULL, ST_NULL) == NULL);
  ST_EXPECT(st_gc_exhausted(H));
  st_gc_clear_exhausted(H);
  ST_EXPECT(new_pair(ST_NULL, ST_NULL) != NULL);
  end_heap();
}

/* When the OS refuses memory (here: an address-space limit in a child process), st_gc_alloc
 * returns NULL with the exhausted flag set, for blocks (small cells) and for large cells,
 * instead of aborting. Each cell links to the previous one, so nothing else grows meanwhile. */
static int os_refusal_child(size_t cell_size) {
  FILE *f = fopen("/proc/self/statm", "r");
  long pages = 0;
  if (!f || fscanf(f, "%ld", &pages) != 1) return 2;
  fclose(f);
  struct rlimit rl = {(rlim_t)pages * 4096 + (64u << 20), (rlim_t)pages * 4096 + (64u << 20)};
  if (setrlimit(RLIMIT_AS, &rl) != 0) return 2;
  st_vec_push(&roots, ST_NULL);
  for (size_t i = 0; i < (1u << 24); i++) {
    Pair *p = st_gc_alloc(H, KIND_PAIR, cell_size);
    if (!p) return st_gc_exhausted(H) && i > 0 ? 0 : 3;
    p->a = roots.data[0];
    roots.data[0] = cell_value(p);
  }
  return 4; /* the limit never bit */
}

static void test_os_refuses_memory(void) {
#if defined(UNDER_ASAN)
  return; /* ASan reserves terabytes of shadow: an address-space limit breaks it */
#endif
#ifdef HAVE_VALGRIND
  if (RUNNING_ON_VALGRIND) return;
#endif
  size_t sizes[] = {sizeof(Pair), 1 << 20};
  for (size_t i = 0; i < ST_ARRAY_LEN(sizes); i++) {
    new_heap(false);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) _exit(os_refusal_child(sizes[i]));
    int status = -1;
    ST_EXPECT(pid > 0 && waitpid(pid, &status, 0) == pid);
    ST_EXPECT(WIFEXITED(status));
    ST_EXPECT_EQ_INT(WEXITSTATUS(status), 0);
    end_heap();
  }
}

/* ---- scheduling ---- */

static void test_stress(void) {
  new_heap(true);
  st_gc_set_stress(H, true);
  st_gc_set_verify(H, true); /* the verifier before and after every one of these collections */
  uint64_t c0 = st_gc_stats(H)->collections;
  /* A list held only by a C local while every allocation collects. */
  int n = (int)scaled(3000, 300);
  Pair *volatile head = NULL;
  for (int i = 0; i < n; i++) {
    Pair *p = new_pair(ST_TAG_BITS(ST_TAG_INT) | (uint32_t)i, head ? cell_value(head) : ST_NULL);
    head = p;
  }
  const StGcStats *s = st_gc_stats(H);
  ST_EXPECT_EQ_INT(s->collections - c0, n);
  ST_EXPECT_EQ_INT(s->collections_by_reason[ST_GC_REASON_STRESS], n);
  ST_EXPECT_EQ_STR(st_gc_reason_name(ST_GC_REASON_STRESS), "stress");
  int count = 0;
  bool ok = true;
  for (Pair *p = head; p; p = st_nanbox_is_pointer(p->b) ? st_nanbox_pointer(p->b) : NULL) {
    ok &= p->hdr.kind == KIND_PAIR && (uint32_t)p->a == (uint32_t)(n - 1 - count);
    count++;
  }
  ST_EXPECT(ok);
  ST_EXPECT_EQ_INT(count, n);
  st_gc_set_stress(H, false);
  uint64_t c1 = st_gc_stats(H)->collections;
  for (int i = 0; i < 100; i++) (void)!new_pair(ST_NULL, ST_NULL);
  ST_EXPECT_EQ_INT(st_gc_stats(H)->collections, c1);
  head = NULL;
  end_heap();
}

/* The numbers follow the scheduling rule in gc.h: a collection when the bytes allocated since
 * the last one pass max(4 MiB, the live heap). */
static void test_threshold_and_external(void) {
  new_heap(false);
  /* About 4 MiB of garbage between collections while the live heap is small. */
  size_t cells = (16u << 20) / 32;
  for (size_t i = 0; i < cells; i++) (void)!new_pair(ST_NULL, ST_NULL);
  uint64_t c = st_gc_stats(H)->collections;
  ST_EXPECT(c >= 3 && c <= 4);
  ST_EXPECT_EQ_INT(st_gc_stats(H)->collections_by_reason[ST_GC_REASON_ALLOC], c);
  /* External growth counts as allocation. */
  st_gc_external(H, 8 << 20);
  (void)!new_pair(ST_NULL, ST_NULL);
  ST_EXPECT_EQ_INT(st_gc_stats(H)->collections, c + 1);
  st_gc_external(H, -(8 << 20));
  /* Growth that fits in the budget takes the budget's fast path and still counts: after
   * 3 MiB of external growth, 1 MiB of cells (the live heap is tiny) starts a collection. */
  collect();
  uint64_t c1 = st_gc_stats(H)->collections;
  for (int i = 0; i < 3; i++) st_gc_external(H, 1 << 20);
  ST_EXPECT_EQ_INT(st_gc_stats(H)->collections, c1);
  for (size_t i = 0; i < (1u << 20) / 32 - 16; i++) (void)!new_pair(ST_NULL, ST_NULL);
  ST_EXPECT_EQ_INT(st_gc_stats(H)->collections, c1);
  for (size_t i = 0; i < 32; i++) (void)!new_pair(ST_NULL, ST_NULL);
  ST_EXPECT_EQ_INT(st_gc_stats(H)->collections, c1 + 1);
  st_gc_external(H, -(3 << 20));
  /* The threshold grows with the live heap: with 12 MiB live, 12 MiB more before a GC. */
  size_t n = (12u << 20) / 2048;
  for (size_t i = 0; i < n; i++) st_vec_push(&roots, cell_value(st_gc_alloc(H, KIND_LEAF, 2048)));
  collect();
  uint64_t c2 = st_gc_stats(H)->collections;
  ST_EXPECT(st_gc_stats(H)->bytes_live >= (12u << 20));
  for (size_t i = 0; i < (10u << 20) / 32; i++) (void)!new_pair(ST_NULL, ST_NULL);
  ST_EXPECT_EQ_INT(st_gc_stats(H)->collections, c2);
  for (size_t i = 0; i < (4u << 20) / 32; i++) (void)!new_pair(ST_NULL, ST_NULL);
  ST_EXPECT_EQ_INT(st_gc_stats(H)->collections, c2 + 1);
  end_heap();
}

static void test_defer(void) {
  new_heap(false);
  (void)!new_buf();
  st_gc_defer(H);
  st_gc_collect(H, ST_GC_REASON_REQUEST);
  ST_EXPECT_EQ_INT(st_gc_stats(H)->collections, 0);
  ST_EXPECT_EQ_INT(fin_total, 0);
  st_gc_set_stress(H, true);
  (void)!new_buf(); /* stress, but deferred: no collection */
  ST_EXPECT_EQ_INT(st_gc_stats(H)->collections, 0);
  st_gc_set_stress(H, false);
  st_gc_undefer(H);
  ST_EXPECT_EQ_INT(st_gc_stats(H)->collections, 0);
  (void)!new_pair(ST_NULL, ST_NULL); /* the pending collection runs here */
  ST_EXPECT_EQ_INT(st_gc_stats(H)->collections, 1);
  ST_EXPECT_EQ_INT(fin_total, 2);
  (void)!new_pair(ST_NULL, ST_NULL);
  ST_EXPECT_EQ_INT(st_gc_stats(H)->collections, 1);
  end_heap();
}

/* ---- deep structures ---- */

static void test_deep_list(void) {
  new_heap(false); /* the root vector holds the list; locals would keep it after the clear */
  size_t n = scaled(10000000, 200000);
  List *volatile head = NULL;
  st_vec_push(&roots, ST_UNDEFINED);
  for (size_t i = 0; i < n; i++) {
    List *c = st_gc_alloc(H, KIND_LIST, sizeof(List));
    if (!c) break;
    c->next = head;
    head = c;
    roots.data[0] = cell_value(c);
  }
  head = NULL;
  uint64_t t0 = st_common_now_ns();
  collect();
  uint64_t t1 = st_common_now_ns();
  const StGcStats *s = st_gc_stats(H);
  ST_EXPECT_EQ_INT(s->bytes_live, n * 16);
  printf("  perf: %zu-cell list: full collection %.1f ms (%.0f MB/s over live bytes)\n", n,
         (double)(t1 - t0) / 1e6, (double)(n * 16) / 1e6 / ((double)(t1 - t0) / 1e9));
  st_vec_clear(&roots);
  collect();
  ST_EXPECT_EQ_INT(st_gc_stats(H)->bytes_live, 0);
  StGcHeapInfo info;
  st_gc_heap_info(H, &info);
  ST_EXPECT_EQ_INT(info.blocks, 0);
  ST_EXPECT(info.reserve_blocks <= 4);
  ST_EXPECT_EQ_INT(info.blocks_mapped - info.blocks_unmapped, info.reserve_blocks);
  end_heap();
}

/* ---- statistics ---- */

static void test_stats(void) {
  new_heap(false);
  const StGcStats *s = st_gc_stats(H);
  ST_EXPECT_EQ_INT(s->collections, 0);
  ST_EXPECT_EQ_INT(s->bytes_allocated_total, 0);
  (void)!new_pair(ST_NULL, ST_NULL);                /* 32 */
  (void)!st_gc_alloc(H, KIND_LEAF, 100);            /* 112 */
  (void)!st_gc_alloc(H, KIND_LEAF, 300);            /* 320 */
  Pair *kept = new_pair(ST_NULL, ST_NULL);          /* 32 */
  (void)!st_gc_alloc(H, KIND_LEAF, 5000);           /* 5008 */
  st_gc_external(H, 1000);
  st_vec_push(&roots, cell_value(kept));
  s = st_gc_stats(H);
  ST_EXPECT_EQ_INT(s->bytes_allocated_total, 32 + 112 + 320 + 32 + 5008 + 1000);
  ST_EXPECT_EQ_INT(s->bytes_in_use, s->bytes_allocated_total);
  collect();
  s = st_gc_stats(H);
  ST_EXPECT_EQ_INT(s->collections, 1);
  ST_EXPECT_EQ_INT(s->collections_by_reason[ST_GC_REASON_REQUEST], 1);
  ST_EXPECT_EQ_INT(s->bytes_live, 32 + 1000);
  ST_EXPECT_EQ_INT(s->bytes_in_use, 32 + 1000);
  ST_EXPECT_EQ_INT(s->bytes_freed_total, 112 + 320 + 32 + 5008);
  ST_EXPECT_EQ_INT(s->bytes_marked_total, 32);
  ST_EXPECT(s->pause_ns_total > 0 && s->pause_ns_max == s->pause_ns_total);
  ST_EXPECT(s->mark_ns_total + s->sweep_ns_total <= s->pause_ns_total);
  st_gc_external(H, -1000);
  for (int i = 0; i < 50000; i++) {
    (void)!new_pair(ST_NULL, ST_NULL);
    if (i % 1000 == 0) collect();
  }
  s = st_gc_stats(H);
  ST_EXPECT_EQ_INT(s->bytes_allocated_total - s->bytes_freed_total, s->bytes_in_use);
  uint64_t by_reason = 0;
  for (int r = 0; r < ST_GC_NREASONS; r++) by_reason += s->collections_by_reason[r];
  ST_EXPECT_EQ_INT(by_reason, s->collections);
  ST_EXPECT(s->pause_ns_max <= s->pause_ns_total && s->pause_ns_max > 0);
  end_heap();
}

/* ---- memory goes back ---- */

static long rss_kib(void) {
  FILE *f = fopen("/proc/self/statm", "r");
  long pages = 0, rss = 0;
  if (f) {
    if (fscanf(f, "%ld %ld", &pages, &rss) != 2) rss = 0;
    fclose(f);
  }
  return rss * 4;
}

static void test_memory_returns(void) {
  new_heap(false);
  int cycles = (int)scaled(30, 6);
  StGcHeapInfo info;
  size_t peak_blocks = 0;
  long rss_first = 0;
  for (int cycle = 0; cycle < cycles; cycle++) {
    /* About 16 MiB of cells over many classes, a tenth kept for one cycle. */
    size_t bytes = 0;
    for (int i = 0; bytes < (16u << 20); i++) {
      size_t size = 16 + (size_t)(i * 37 % 2100);
      StCell *c = st_gc_alloc(H, KIND_LEAF, size);
      bytes += size;
      if (i % 10 == 0) st_vec_push(&roots, cell_value(c));
    }
    st_gc_heap_info(H, &info);
    if (info.blocks > peak_blocks) peak_blocks = info.blocks;
    st_vec_clear(&roots);
    collect();
    st_gc_heap_info(H, &info);
    ST_EXPECT_EQ_INT(info.blocks, 0);
    ST_EXPECT_EQ_INT(info.large_cells, 0);
    ST_EXPECT(info.reserve_blocks <= peak_blocks); /* kept for one more cycle */
    ST_EXPECT_EQ_INT(info.blocks_mapped - info.blocks_unmapped, info.reserve_blocks);
    if (cycle % 2) { /* a collection with no demand since the last returns all but 4 */
      collect();
      st_gc_heap_info(H, &info);
      ST_EXPECT(info.reserve_blocks <= 4);
      ST_EXPECT_EQ_INT(info.blocks_mapped - info.blocks_unmapped, info.reserve_blocks);
    }
    if (cycle == 0) rss_first = rss_kib();
  }
  long rss_last = rss_kib();
  printf("  perf: %d cycles of 16 MiB: peak %zu blocks, %zu mapped / %zu unmapped in all; RSS "
         "%ld -> %ld KiB\n",
         cycles, peak_blocks, info.blocks_mapped, info.blocks_unmapped, rss_first, rss_last);
  ST_EXPECT(rss_last < rss_first + 16 * 1024);
  ST_EXPECT(peak_blocks < 200); /* ~16 MiB of cells across 40 classes, never accumulating */
  end_heap();
}

/* ---- the verifier ---- */

static void test_verify_catches_corruption(void) {
  new_heap(false);
  Pair *kept = new_pair(ST_NULL, ST_NULL);
  st_vec_push(&roots, cell_value(kept));
  Pair *dead = new_pair(ST_NULL, ST_NULL);
  uint8_t *dead48 = st_gc_alloc(H, KIND_LEAF, 48);
  st_vec_push(&roots, cell_value(st_gc_alloc(H, KIND_LEAF, 48))); /* keeps the block */
  collect();
  ST_EXPECT(st_gc_verify(H));
  ST_EXPECT_EQ_INT(dead->hdr.kind, ST_GC_KIND_FREE); /* a use after free sees kind 0 */
  ST_EXPECT(st_gc_find_cell(H, dead) == NULL);
#ifdef STRATA_ASSERT
  ST_EXPECT_EQ_INT(dead48[20], ST_GC_POISON);
  dead48[20] = 1; /* a write after free */
  printf("  (the verifier complaints below are expected)\n");
  ST_EXPECT(!st_gc_verify(H));
  dead48[20] = ST_GC_POISON;
  ST_EXPECT(st_gc_verify(H));
#endif
  /* A free-list link into a live cell. */
  StGcFree *f = (StGcFree *)dead;
  StGcFree *saved = f->next;
  f->next = (StGcFree *)kept;
  ST_EXPECT(!st_gc_verify(H));
  f->next = saved;
  /* A live cell of an unregistered kind. */
  kept->hdr.kind = 60;
  ST_EXPECT(!st_gc_verify(H));
  kept->hdr.kind = KIND_PAIR;
  ST_EXPECT(st_gc_verify(H));
  (void)dead48;
  end_heap();
}

/* ---- numbers ---- */

static void test_perf(void) {
  new_heap(false);
  size_t n = scaled(20000000, 200000);
  uint64_t t0 = st_common_now_ns();
  for (size_t i = 0; i < n; i++) {
    Pair *p = st_gc_alloc(H, KIND_PAIR, sizeof(Pair));
    if (!p) break;
    p->a = ST_NULL;
  }
  uint64_t t1 = st_common_now_ns();
  const StGcStats *s = st_gc_stats(H);
  printf("  perf: alloc 32-byte cells: %.1f ns/cell including %llu collections (%.1f ms of "
         "pauses)\n",
         (double)(t1 - t0) / (double)n, (unsigned long long)s->collections,
         (double)s->pause_ns_total / 1e6);

  /* The fast path alone: runs of allocations that fit in one collection's budget (4 MiB). */
  uint64_t fast_ns = 0, c0 = s->collections;
  size_t runs = scaled(100, 5), per_run = 100000;
  for (size_t r = 0; r < runs; r++) {
    collect();
    uint64_t r0 = st_common_now_ns();
    for (size_t i = 0; i < per_run; i++) {
      Pair *p = st_gc_alloc(H, KIND_PAIR, sizeof(Pair));
      if (!p) break;
      p->a = ST_NULL;
    }
    fast_ns += st_common_now_ns() - r0;
  }
  ST_EXPECT_EQ_INT(st_gc_stats(H)->collections - c0, runs); /* none but the explicit ones */
  printf("  perf: alloc 32-byte cells, no collection: %.1f ns/cell\n",
         (double)fast_ns / (double)(runs * per_run));

  /* Marking throughput over a live binary tree of pairs (the tree sits in a root). */
  size_t leaves = scaled(1u << 20, 1u << 14);
  for (size_t i = 0; i < leaves; i++) st_vec_push(&roots, cell_value(new_pair(ST_NULL, ST_NULL)));
  /* Combine each level pairwise; every node stays in the root vector while building. */
  for (size_t start = 0, end = roots.len; end - start > 1; start = end, end = roots.len)
    for (size_t i = start; i + 1 < end; i += 2) {
      Pair *p = new_pair(roots.data[i], roots.data[i + 1]);
      st_vec_push(&roots, cell_value(p));
    }
  StValue top = st_vec_last(&roots);
  st_vec_clear(&roots);
  st_vec_push(&roots, top);
  collect();
  uint64_t marked0 = st_gc_stats(H)->bytes_marked_total, ns0 = st_gc_stats(H)->mark_ns_total;
  uint64_t sweep0 = st_gc_stats(H)->sweep_ns_total;
  for (int i = 0; i < 3; i++) collect();
  s = st_gc_stats(H);
  ST_EXPECT_EQ_INT(s->bytes_live, (2 * leaves - 1) * 32);
  double mb = (double)(s->bytes_marked_total - marked0) / 1e6;
  printf("  perf: mark %.0f MB/s, sweep %.1f ms per collection (%.1f MB live, %zu cells)\n",
         mb / ((double)(s->mark_ns_total - ns0) / 1e9), (double)(s->sweep_ns_total - sweep0) / 3e6,
         (double)s->bytes_live / 1e6, 2 * leaves - 1);
  end_heap();
}

/* Not inlined into main, so that every test frame lies below the stack base set in main. */
ST_NOINLINE static void run_all(void) {
  /* Each test's own frame starts in cleared stack, so that its uninitialized slots hold no
   * stale pointers from earlier tests (a new heap's cells can reuse an old heap's addresses,
   * since blocks are unmapped and mapped again). */
#define RUN(fn) \
  do { \
    clear_stack(); \
    ST_RUN(fn); \
  } while (0)
  RUN(test_size_classes);
  RUN(test_unreachable_freed);
  RUN(test_alloc_uninit);
  RUN(test_reachable_through_children);
  RUN(test_cycles);
  RUN(test_conservative_raw_and_interior);
  RUN(test_conservative_nanboxed);
  RUN(test_conservative_deeper_frame);
  RUN(test_conservative_not_everything);
  RUN(test_large_cells);
  RUN(test_finalizers_once);
  RUN(test_weak_callback);
  RUN(test_limit);
  RUN(test_fail_injection);
  RUN(test_os_refuses_memory);
  RUN(test_stress);
  RUN(test_threshold_and_external);
  RUN(test_defer);
  RUN(test_deep_list);
  RUN(test_stats);
  RUN(test_memory_returns);
  RUN(test_verify_catches_corruption);
  RUN(test_perf);
}

int main(int argc, char **argv) {
  int base;
  stack_base = &base;
  quick = argc > 1 && strcmp(argv[1], "--quick") == 0;
#ifdef HAVE_VALGRIND
  if (RUNNING_ON_VALGRIND) quick = true;
#endif
  setvbuf(stdout, NULL, _IOLBF, 0);
  run_all();
  st_vec_free(&roots);
  return st_check_report();
}

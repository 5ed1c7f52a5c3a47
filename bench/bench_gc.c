/* bench/bench_gc.c: allocation and collection on a bare heap (gc/gc.h), in ns per object.
 *
 *   gc/alloc/N          allocate N 32-byte cells per iteration, none kept; collections happen
 *                       when the allocator schedules them (every 4 MiB), so their cost is
 *                       amortized into the figure as it is for a running program
 *   gc/alloc_collect/N  allocate N cells, then force a full collection that frees them all
 *   gc/collect_live/N   a full collection with N live cells (a linked list from one root):
 *                       marking and sweeping cost, no allocation
 *
 * The heap has no VM around it: one cell kind, no conservative stack scan (every live cell is
 * reachable from the registered root, so a C local cannot keep dead cells alive and skew the
 * figures). The cells are the size of a small JS object (header + three values).
 */
#include "bench/bench.h"
#include "bench/gbench.h"

#include "gc/gc.h"

enum { KIND_NODE = 1, NODE_SIZE = 32 };

typedef struct Node {
  StCell hdr;
  struct Node *next;
  StValue a, b;
} Node;
ST_STATIC_ASSERT(sizeof(Node) == NODE_SIZE, "a node is one 32-byte size class");

static void trace_node(StHeap *h, StCell *c) {
  Node *next = ((Node *)c)->next;
  if (next) st_gc_mark_cell(h, &next->hdr);
}

typedef struct Roots {
  Node *head;
} Roots;

static void trace_roots(StHeap *h, void *ud) {
  Roots *r = ud;
  if (r->head) st_gc_mark_cell(h, &r->head->hdr);
}

static StHeap *bench_heap(Roots *roots) {
  StHeap *h = st_gc_new();
  st_gc_register_kind(h, KIND_NODE, "bench-node", trace_node, NULL);
  st_gc_set_stack_scan(h, false);
  st_gc_add_root_tracer(h, trace_roots, roots);
  return h;
}

/* Allocates n nodes; links them from roots->head when keep. False when the heap refused. */
static bool allocate(StHeap *h, Roots *roots, int64_t n, bool keep) {
  for (int64_t i = 0; i < n; i++) {
    Node *c = st_gc_alloc(h, KIND_NODE, sizeof(Node));
    if (!c) return false;
    c->a = (StValue)i;
    if (keep) {
      c->next = roots->head;
      roots->head = c;
    }
    st_gbench_do_not_optimize(c);
  }
  return true;
}

static void finish(StGbenchState *st, StHeap *h, int64_t n, uint64_t collections0) {
  double items = (double)n * (double)st_gbench_iterations(st);
  st_gbench_set_items_processed(st, (int64_t)items);
  st_gbench_counter(st, "per_object", items, ST_GBENCH_INVERSE_RATE);
  st_gbench_counter(st, "collections", (double)(st_gc_stats(h)->collections - collections0),
                    ST_GBENCH_PER_ITERATION);
}

static void bm_alloc(StGbenchState *st, void *arg) {
  (void)arg;
  int64_t n = st_gbench_range(st, 0);
  Roots roots = {NULL};
  StHeap *h = bench_heap(&roots);
  uint64_t c0 = st_gc_stats(h)->collections;
  bool ok = true;
  while (st_gbench_keep_running(st)) ok &= allocate(h, &roots, n, false);
  if (!ok) st_gbench_skip(st, "st_gc_alloc returned NULL");
  else finish(st, h, n, c0);
  st_gc_free(h);
}

static void bm_alloc_collect(StGbenchState *st, void *arg) {
  (void)arg;
  int64_t n = st_gbench_range(st, 0);
  Roots roots = {NULL};
  StHeap *h = bench_heap(&roots);
  uint64_t c0 = st_gc_stats(h)->collections;
  bool ok = true;
  while (st_gbench_keep_running(st)) {
    ok &= allocate(h, &roots, n, false);
    st_gc_collect(h, ST_GC_REASON_REQUEST);
  }
  /* Validate after the fact: the forced collections freed everything. */
  if (!ok) st_gbench_skip(st, "st_gc_alloc returned NULL");
  else if (st_gc_stats(h)->bytes_live != 0) st_gbench_skip(st, "dead cells survived a collection");
  else finish(st, h, n, c0);
  st_gc_free(h);
}

static void bm_collect_live(StGbenchState *st, void *arg) {
  (void)arg;
  int64_t n = st_gbench_range(st, 0);
  Roots roots = {NULL};
  StHeap *h = bench_heap(&roots);
  if (!allocate(h, &roots, n, true)) {
    st_gbench_skip(st, "st_gc_alloc returned NULL");
    st_gc_free(h);
    return;
  }
  st_gc_collect(h, ST_GC_REASON_REQUEST);
  if (st_gc_stats(h)->bytes_live != (uint64_t)n * NODE_SIZE) {
    st_gbench_skip(st, "live cells were freed (or dead ones kept)");
    st_gc_free(h);
    return;
  }
  uint64_t c0 = st_gc_stats(h)->collections;
  while (st_gbench_keep_running(st)) st_gc_collect(h, ST_GC_REASON_REQUEST);
  finish(st, h, n, c0);
  st_gc_free(h);
}

void st_bench_gc_register(void) {
  StGbench *b = st_gbench_register("gc/alloc", bm_alloc, NULL);
  st_gbench_arg(b, 10000);
  st_gbench_unit(b, ST_GBENCH_US);
  b = st_gbench_register("gc/alloc_collect", bm_alloc_collect, NULL);
  st_gbench_arg(b, 10000);
  st_gbench_unit(b, ST_GBENCH_US);
  b = st_gbench_register("gc/collect_live", bm_collect_live, NULL);
  st_gbench_arg(b, 10000);
  st_gbench_arg(b, 100000);
  st_gbench_unit(b, ST_GBENCH_US);
}

/* bench/bench_ic.c: property-get inline-cache hits in the interpreter, in ns per get.
 *
 * One loop reads `o.x` at four sites per trip from objects taken round-robin from a table of 16.
 * The table holds objects of 1 shape (every site monomorphic), 4 shapes (polymorphic: within
 * the 4 entries a site caches) or 16 shapes (megamorphic). The shapes differ by one property
 * added before x, so x sits at the same slot in all of them and only the cache state differs.
 * The loop, the element load and the additions are the same in all three, so the differences
 * between the rows are the cost of the IC states; the absolute figure includes that overhead.
 */
#include "bench/bench.h"
#include "bench/bench_vm.h"
#include "bench/gbench.h"

#include <stdio.h>

static const char ic_src[] =
    "function make(shapes) {\n"
    "  const t = [];\n"
    "  for (let i = 0; i < 16; i++) {\n"
    "    const o = {};\n"
    "    o['p' + (i % shapes)] = 0;\n"
    "    o.x = i;\n"
    "    t.push(o);\n"
    "  }\n"
    "  return t;\n"
    "}\n"
    "function run(t, n) {\n"
    "  let s = 0;\n"
    "  for (let i = 0; i < n; i++) {\n"
    "    const o = t[i & 15];\n"
    "    s = (s + o.x + o.x + o.x + o.x) | 0;\n"
    "  }\n"
    "  return s;\n"
    "}\n";

enum { IC_TRIPS = 20000, IC_GETS_PER_TRIP = 4 };

typedef struct IcCase {
  const char *name;
  int shapes;
} IcCase;

static const IcCase ic_cases[] = {
    {"ic/get/mono", 1}, {"ic/get/poly4", 4}, {"ic/get/mega16", 16},
};

static int32_t expected(int32_t n) {
  uint32_t s = 0;
  for (int32_t i = 0; i < n; i++) s += 4u * (uint32_t)(i & 15);
  return (int32_t)s;
}

static void bm_ic(StGbenchState *st, void *arg) {
  const IcCase *c = arg;
  char err[512];
  StBenchVm *bv = st_bench_vm_new("interp", false, err, sizeof err);
  if (!bv) {
    st_gbench_skip(st, err);
    return;
  }
  StVM *vm = bv->vm;
  if (!st_bench_vm_run(vm, ic_src, err, sizeof err)) {
    st_gbench_skip(st, err);
    st_bench_vm_free(bv);
    return;
  }
  StValue shapes = st_int(c->shapes);
  StValue table = st_bench_vm_call(vm, st_bench_vm_global(vm, "make"), 1, &shapes, err, sizeof err);
  StValue run = st_bench_vm_global(vm, "run");
  StValue args[2] = {table, st_int(IC_TRIPS)};
  /* The first call warms the caches and checks the answer. */
  StValue r = table == ST_EXCEPTION ? ST_EXCEPTION : st_bench_vm_call(vm, run, 2, args, err, sizeof err);
  if (r != st_int(expected(IC_TRIPS))) {
    st_gbench_skip(st, r == ST_EXCEPTION ? err : "run(t, n) returned a wrong sum");
    st_bench_vm_free(bv);
    return;
  }
  while (st_gbench_keep_running(st)) {
    r = st_bench_vm_call(vm, run, 2, args, err, sizeof err);
    st_gbench_do_not_optimize(&r);
  }
  double gets = (double)IC_TRIPS * IC_GETS_PER_TRIP * (double)st_gbench_iterations(st);
  st_gbench_set_items_processed(st, (int64_t)gets);
  st_gbench_counter(st, "per_get", gets, ST_GBENCH_INVERSE_RATE);
  st_bench_vm_free(bv);
}

void st_bench_ic_register(void) {
  for (size_t i = 0; i < sizeof ic_cases / sizeof ic_cases[0]; i++) {
    StGbench *b = st_gbench_register(ic_cases[i].name, bm_ic, (void *)&ic_cases[i]);
    st_gbench_unit(b, ST_GBENCH_US);
  }
}

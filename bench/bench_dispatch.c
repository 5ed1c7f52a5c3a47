/* bench/bench_dispatch.c: interpreter dispatch cost, in nanoseconds per executed bytecode.
 *
 * A tight JS loop of simple bytecodes (register moves, int32 arithmetic, a compare-and-branch)
 * runs in the interpreter alone (--tiers=interp). The number of bytecodes per loop iteration is
 * read from the function's own bytecode listing (the instructions from the loop header to the
 * backward branch), so the figure stays right when the bytecode compiler changes what it emits.
 */
#include "bench/bench.h"
#include "bench/bench_vm.h"
#include "bench/gbench.h"

#include "frontend/compiler.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char dispatch_src[] =
    "function loop(n) {\n"
    "  let s = 0;\n"
    "  for (let i = 0; i < n; i++) { s = (s + i) | 0; }\n"
    "  return s;\n"
    "}\n";

enum { LOOP_TRIPS = 100000 };

/* The value loop(n) returns, computed in C (int32 wrap-around, as `| 0` does). */
static int32_t expected_sum(int32_t n) {
  uint32_t s = 0;
  for (int32_t i = 0; i < n; i++) s += (uint32_t)i;
  return (int32_t)s;
}

/* Bytecodes per loop trip: the instructions from the backward branch's target (the loop header)
 * to the branch itself, in the --print-bytecode listing of proto p. 0 when there is no single
 * backward branch. Lines look like "  0054  JLT   r3, r1, ->0021, fb5" (decimal offsets). */
static unsigned bytecodes_per_trip(StVM *vm, StProto *p) {
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&text, &len);
  if (!f) return 0;
  st_bcdump_proto(vm, f, p);
  fclose(f);
  long offsets[1024];
  unsigned n = 0;
  long head = -1, tail = -1;
  for (char *line = strtok(text, "\n"); line && n < 1024; line = strtok(NULL, "\n")) {
    char *end;
    long off = strtol(line, &end, 10);
    if (end == line || (*end != ' ' && *end != '\t')) continue; /* the header line */
    offsets[n++] = off;
    const char *arrow = strstr(line, "->");
    if (arrow) {
      long target = strtol(arrow + 2, NULL, 10);
      if (target <= off) {
        if (head >= 0) head = -2; /* more than one loop */
        else head = target, tail = off;
      }
    }
  }
  free(text);
  if (head < 0) return 0;
  unsigned count = 0;
  for (unsigned i = 0; i < n; i++) count += offsets[i] >= head && offsets[i] <= tail;
  return count;
}

static void bm_dispatch(StGbenchState *st, void *arg) {
  (void)arg;
  char err[512];
  StBenchVm *bv = st_bench_vm_new("interp", false, err, sizeof err);
  if (!bv) {
    st_gbench_skip(st, err);
    return;
  }
  StVM *vm = bv->vm;
  StValue loop = ST_UNDEFINED;
  StProto *p = NULL;
  if (!st_bench_vm_run(vm, dispatch_src, err, sizeof err) ||
      !(p = st_bench_vm_proto(loop = st_bench_vm_global(vm, "loop")))) {
    st_gbench_skip(st, err);
    st_bench_vm_free(bv);
    return;
  }
  unsigned per_trip = bytecodes_per_trip(vm, p);
  StValue n = st_int(LOOP_TRIPS);
  StValue r = st_bench_vm_call(vm, loop, 1, &n, err, sizeof err);
  if (per_trip == 0 || r != st_int(expected_sum(LOOP_TRIPS))) {
    st_gbench_skip(st, per_trip == 0 ? "no single loop found in the bytecode listing"
                       : r == ST_EXCEPTION ? err : "loop(n) returned a wrong sum");
    st_bench_vm_free(bv);
    return;
  }
  while (st_gbench_keep_running(st)) {
    r = st_bench_vm_call(vm, loop, 1, &n, err, sizeof err);
    st_gbench_do_not_optimize(&r);
  }
  double bytecodes = (double)per_trip * LOOP_TRIPS * (double)st_gbench_iterations(st);
  st_gbench_set_items_processed(st, (int64_t)bytecodes);
  st_gbench_counter(st, "per_bytecode", bytecodes, ST_GBENCH_INVERSE_RATE);
  st_gbench_counter(st, "bytecodes_per_trip", per_trip, ST_GBENCH_PLAIN);
  st_bench_vm_free(bv);
}

void st_bench_dispatch_register(void) {
  StGbench *b = st_gbench_register("interp/dispatch", bm_dispatch, NULL);
  st_gbench_unit(b, ST_GBENCH_US);
}

/* bench/bench_tiers.c: compile time per tier, and the deopt round trip of optimizing tiers.
 *
 *   compile/interp        source text -> bytecode (lexer, parser, scopes, bytecode compiler)
 *   compile/TIER          bytecode + feedback -> machine code by tier TIER (baseline, llvm,
 *                         gccjit): the tier's compile() called directly on a warmed-up function,
 *                         the code released right away (never installed), so nothing but the
 *                         compile is timed; counters split it into IR build, passes, backend
 *   deopt/roundtrip/TIER  a fresh function warmed up with int32 arguments (not timed), then
 *                         %OptimizeFunctionOnNextCall + a call (compile and run optimized code)
 *                         and a call with a double that fails the int32 guard (deopt exit,
 *                         frames rebuilt, the interpreter finishes the call)
 *   deopt/exit/TIER       only that last call: the deopt alone
 *
 * Each iteration of the deopt benchmarks uses a new function (a new script, compiled while the
 * timer is paused) because the tier manager stops optimizing a function that deopts too often.
 * A tier that is not built in this binary (no plugin next to the executable), or one that
 * aborts on the function, skips its rows with the reason.
 */
#include "bench/bench.h"
#include "bench/bench_vm.h"
#include "bench/gbench.h"

#include "tiers/tier.h"

#include <stdio.h>
#include <string.h>

/* The fixed function whose compile is timed, and its warm-up (so speculative tiers have
 * int32 feedback for every site). */
static const char kernel_src[] =
    "function kernel(a, n) {\n"
    "  let s = 0;\n"
    "  for (let i = 0; i < n; i++) {\n"
    "    const v = a[i];\n"
    "    if (v > 10) s = s + v * 2; else s = s - v;\n"
    "  }\n"
    "  return s;\n"
    "}\n";
static const char kernel_warmup_src[] =
    "var data = [];\n"
    "for (let i = 0; i < 64; i++) data.push(i % 23);\n"
    "var expected = 0;\n"
    "for (let k = 0; k < 50; k++) expected = kernel(data, 64);\n";

typedef struct TierCase {
  const char *name; /* benchmark name */
  const char *tier; /* tier name, NULL for the bytecode compiler */
} TierCase;

static const TierCase compile_cases[] = {
    {"compile/interp", NULL},
    {"compile/baseline", "baseline"},
    {"compile/llvm", "llvm"},
    {"compile/gccjit", "gccjit"},
};
static const TierCase roundtrip_cases[] = {
    {"deopt/roundtrip/llvm", "llvm"},
    {"deopt/roundtrip/gccjit", "gccjit"},
};
static const TierCase exit_cases[] = {
    {"deopt/exit/llvm", "llvm"},
    {"deopt/exit/gccjit", "gccjit"},
};

/* A VM whose chain is interp then `tier` at a threshold never reached by the benchmarks, so
 * only explicit compiles (natives or direct calls) happen. NULL after skipping st. */
static StBenchVm *tier_vm(StGbenchState *st, const char *tier) {
  char spec[64], err[512];
  snprintf(spec, sizeof spec, "interp,%s@100000000", tier);
  StBenchVm *bv = st_bench_vm_new(spec, false, err, sizeof err);
  if (!bv) {
    st_gbench_skip(st, err);
    return NULL;
  }
  if (!st_bench_vm_tier_available(bv->vm, tier, err, sizeof err)) {
    st_gbench_skip(st, err);
    st_bench_vm_free(bv);
    return NULL;
  }
  return bv;
}

static void bm_compile_bytecode(StGbenchState *st) {
  char err[512];
  StBenchVm *bv = st_bench_vm_new("interp", false, err, sizeof err);
  if (!bv) {
    st_gbench_skip(st, err);
    return;
  }
  StVM *vm = bv->vm;
  if (!st_bench_vm_compile(vm, kernel_src, err, sizeof err)) {
    st_gbench_skip(st, err);
    st_bench_vm_free(bv);
    return;
  }
  while (st_gbench_keep_running(st)) {
    StProto *p = st_bench_vm_compile(vm, kernel_src, err, sizeof err);
    st_gbench_do_not_optimize(p);
  }
  st_gbench_counter(st, "source_bytes", (double)strlen(kernel_src), ST_GBENCH_PLAIN);
  st_bench_vm_free(bv);
}

static void bm_compile(StGbenchState *st, void *arg) {
  const TierCase *c = arg;
  if (!c->tier) {
    bm_compile_bytecode(st);
    return;
  }
  StBenchVm *bv = tier_vm(st, c->tier);
  if (!bv) return;
  StVM *vm = bv->vm;
  char err[512];
  StValue kernel = ST_UNDEFINED;
  StProto *p = NULL;
  if (!st_bench_vm_run(vm, kernel_src, err, sizeof err) ||
      !st_bench_vm_run(vm, kernel_warmup_src, err, sizeof err) ||
      !(p = st_bench_vm_proto(kernel = st_bench_vm_global(vm, "kernel")))) {
    st_gbench_skip(st, err);
    st_bench_vm_free(bv);
    return;
  }
  /* Validate through the normal path: the tier compiles kernel and its code computes what the
   * interpreter computed. This also loads the backend plugin, outside the timed loop. */
  StValue expected = st_bench_vm_global(vm, "expected");
  StValue args[2] = {st_bench_vm_global(vm, "data"), st_int(64)};
  st_tier_optimize_next_call(vm, p);
  StValue r = st_bench_vm_call(vm, kernel, 2, args, err, sizeof err);
  const char *now = st_bench_vm_tier_of(vm, kernel);
  if (r != expected || strcmp(now, c->tier) != 0) {
    if (r != ST_EXCEPTION)
      snprintf(err, sizeof err, "validation failed: kernel runs in %s (wanted %s)%s", now,
               c->tier, r != expected ? " and returned a wrong value" : "");
    st_gbench_skip(st, err);
    st_bench_vm_free(bv);
    return;
  }
  const StTier *t = st_tier_find(c->tier);
  StCompileRecord rec, sum;
  memset(&sum, 0, sizeof sum);
  bool failed = false;
  while (st_gbench_keep_running(st)) {
    memset(&rec, 0, sizeof rec);
    rec.function = "kernel (bench)";
    rec.tier = t->name;
    StAbort abort = ST_ABORT_NONE;
    StCode *code = t->compile(vm, p, UINT32_MAX, &abort, &rec);
    if (!code) {
      snprintf(err, sizeof err, "compile aborted: %s", st_tier_abort_message(abort));
      st_gbench_skip(st, err); /* keep_running now returns false */
      failed = true;
      continue;
    }
    sum.ir_build_ns += rec.ir_build_ns;
    sum.passes_ns += rec.passes_ns;
    sum.backend_ns += rec.backend_ns;
    sum.code_size = code->code_size;
    sum.ir_insns = rec.ir_insns;
    sum.bytecodes = rec.bytecodes;
    t->release(vm, code);
  }
  if (failed) {
    st_gbench_skip(st, err);
  } else {
    double iters = (double)st_gbench_iterations(st);
    st_gbench_counter(st, "ir_build_us", (double)sum.ir_build_ns / 1e3 / iters, ST_GBENCH_PLAIN);
    st_gbench_counter(st, "passes_us", (double)sum.passes_ns / 1e3 / iters, ST_GBENCH_PLAIN);
    st_gbench_counter(st, "backend_us", (double)sum.backend_ns / 1e3 / iters, ST_GBENCH_PLAIN);
    st_gbench_counter(st, "code_bytes", (double)sum.code_size, ST_GBENCH_PLAIN);
    st_gbench_counter(st, "ir_insns", (double)sum.ir_insns, ST_GBENCH_PLAIN);
    st_gbench_counter(st, "bytecodes", (double)sum.bytecodes, ST_GBENCH_PLAIN);
  }
  st_bench_vm_free(bv);
}

/* --- deopt round trip --- */

/* A fresh function `f` (new script, so a new proto with no deopt history) with int32 feedback. */
static const char deopt_src[] =
    "var f = function (a, b) { return a * b + a; };\n"
    "for (let i = 0; i < 20; i++) f(i, 3);\n";
static const char deopt_count_src[] = "var deopts = %DeoptCount(f);\n";

/* Fixed iteration counts for the deopt rows: each iteration compiles a script and a function
 * with the timer paused, and Google Benchmark sizes runs by timed time only, so deopt/exit
 * (tens of microseconds timed, a compile untimed) would otherwise run for minutes. */
enum { DEOPT_ITERATIONS = 20 };

/* One round trip on a fresh f: optimize, call with ints, call with a double. Inside the timed
 * loop (in_loop) the new script is compiled with the timer paused, and so is the first call
 * (compile included) unless time_compile. Outside it (the checked trial before the loop, where
 * Google Benchmark forbids pausing), the results are also verified: the tier ran the first
 * call, the values are right, and the second call deopted exactly once. */
static bool round_trip(StGbenchState *st, StVM *vm, const char *tier, bool time_compile,
                       bool in_loop, char *err, size_t errlen) {
  if (in_loop) st_gbench_pause(st);
  if (!st_bench_vm_run(vm, deopt_src, err, errlen)) return false;
  StValue f = st_bench_vm_global(vm, "f");
  StProto *p = st_bench_vm_proto(f);
  if (!p) {
    snprintf(err, errlen, "f is not a function");
    return false;
  }
  StValue ints[2] = {st_int(2), st_int(3)}, mixed[2] = {st_double(2.5), st_int(3)};
  if (in_loop && time_compile) st_gbench_resume(st);
  st_tier_optimize_next_call(vm, p);
  StValue r1 = st_bench_vm_call(vm, f, 2, ints, err, errlen);
  if (!in_loop && strcmp(st_bench_vm_tier_of(vm, f), tier) != 0) {
    snprintf(err, errlen, "f was not compiled by %s (it runs in %s; strata --trace-tier says why)",
             tier, st_bench_vm_tier_of(vm, f));
    return false;
  }
  if (in_loop && !time_compile) st_gbench_resume(st);
  StValue r2 = st_bench_vm_call(vm, f, 2, mixed, err, errlen);
  if (r1 == ST_EXCEPTION || r2 == ST_EXCEPTION) return false;
  if (in_loop) return true;
  if (!st_bench_vm_run(vm, deopt_count_src, err, errlen)) return false;
  StValue deopts = st_bench_vm_global(vm, "deopts");
  if (r1 != st_int(8) || st_get_number(r2) != 10.0) {
    snprintf(err, errlen, "f returned wrong values");
    return false;
  }
  if (deopts != st_int(1)) {
    snprintf(err, errlen, "the double argument did not deopt f exactly once (%%DeoptCount %d)",
             st_is_int(deopts) ? st_get_int(deopts) : -1);
    return false;
  }
  return true;
}

static void bm_deopt(StGbenchState *st, const TierCase *c, bool time_compile) {
  StBenchVm *bv = tier_vm(st, c->tier);
  if (!bv) return;
  StVM *vm = bv->vm;
  char err[512];
  /* A checked trial first: the benchmark times only a path seen to work. */
  if (!round_trip(st, vm, c->tier, time_compile, false, err, sizeof err)) {
    st_gbench_skip(st, err);
    st_bench_vm_free(bv);
    return;
  }
  while (st_gbench_keep_running(st))
    if (!round_trip(st, vm, c->tier, time_compile, true, err, sizeof err)) st_gbench_skip(st, err);
  st_bench_vm_free(bv);
}

static void bm_roundtrip(StGbenchState *st, void *arg) { bm_deopt(st, arg, true); }
static void bm_exit(StGbenchState *st, void *arg) { bm_deopt(st, arg, false); }

void st_bench_tiers_register(void) {
  for (size_t i = 0; i < ST_ARRAY_LEN(compile_cases); i++) {
    StGbench *b = st_gbench_register(compile_cases[i].name, bm_compile, (void *)&compile_cases[i]);
    st_gbench_unit(b, ST_GBENCH_US);
  }
  for (size_t i = 0; i < ST_ARRAY_LEN(roundtrip_cases); i++) {
    StGbench *b = st_gbench_register(roundtrip_cases[i].name, bm_roundtrip,
                                     (void *)&roundtrip_cases[i]);
    st_gbench_unit(b, ST_GBENCH_US);
    st_gbench_iterations_fixed(b, DEOPT_ITERATIONS);
  }
  for (size_t i = 0; i < ST_ARRAY_LEN(exit_cases); i++) {
    StGbench *b = st_gbench_register(exit_cases[i].name, bm_exit, (void *)&exit_cases[i]);
    st_gbench_unit(b, ST_GBENCH_US);
    st_gbench_iterations_fixed(b, DEOPT_ITERATIONS);
  }
}

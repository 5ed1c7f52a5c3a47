/* bench/bench_vm.h: a whole engine (VM, built-ins, host, tier manager) set up the way the CLI
 * sets it up (tools/strata.c), for benchmarks that run JavaScript.
 *
 * Invariants:
 *  - One VM per benchmark run: st_bench_vm_new in the benchmark's setup, st_bench_vm_free
 *    before it returns, so runs never share feedback, shapes or compiled code.
 *  - Test natives (%OptimizeFunctionOnNextCall ...) are always enabled, and background
 *    compilation is off (--no-concurrent), so a compile requested by a native has finished when
 *    the call that triggers it returns and timings do not depend on a compiler thread.
 *  - Values returned to C (functions looked up by name) stay alive because the script keeps
 *    them in globals; the conservative C-stack scan covers the benchmark's locals as well.
 *  - Errors (a bad tier chain, a SyntaxError, an uncaught exception) are reported as a message
 *    in the caller's buffer, never by exiting: a benchmark turns them into st_gbench_skip.
 */
#ifndef ST_BENCH_BENCH_VM_H
#define ST_BENCH_BENCH_VM_H

#include "objects/vm.h"

typedef struct StProto StProto;

/* A VM and what tearing it down needs. The interpreter's proto hooks are kept because the tier
 * manager wraps them and st_tier_free does not put them back: finalizing the heap after it
 * would call into the freed tier state (reported to the lead; until tiers/tier.c restores
 * them, st_bench_vm_free does). */
typedef struct StBenchVm {
  StVM *vm;
  void (*interp_trace_proto)(StVM *vm, StHeap *h, StProto *p);
  void (*interp_free_proto)(StVM *vm, StProto *p);
} StBenchVm;

/* A VM with the tier chain `tiers` (NULL: the default chain) and --eager as given; NULL with a
 * message in err when the chain is invalid. */
StBenchVm *st_bench_vm_new(const char *tiers, bool eager, char *err, size_t errlen);
void st_bench_vm_free(StBenchVm *bv);

/* Whether tier `name` (baseline, mid, llvm, gccjit) can compile in this process; when not,
 * false with the reason in why ("tier llvm not built: ..."). */
bool st_bench_vm_tier_available(StVM *vm, const char *name, char *why, size_t whylen);

/* Compiles src as a script (natives allowed) and runs it, then its microtasks; false with a
 * message when it does not compile or throws. */
bool st_bench_vm_run(StVM *vm, const char *src, char *err, size_t errlen);
/* Only compiles src as a script and returns its proto (NULL on a SyntaxError). */
StProto *st_bench_vm_compile(StVM *vm, const char *src, char *err, size_t errlen);

/* The global called name (undefined when absent). */
StValue st_bench_vm_global(StVM *vm, const char *name);
/* The proto of a JS function value, or NULL for anything else. */
StProto *st_bench_vm_proto(StValue fn);
/* Calls fn(args...) with this undefined; ST_EXCEPTION with a message in err on a throw. */
StValue st_bench_vm_call(StVM *vm, StValue fn, uint32_t argc, const StValue *argv, char *err,
                         size_t errlen);
/* The tier fn's calls run in now ("interp", "llvm" ...). */
const char *st_bench_vm_tier_of(StVM *vm, StValue fn);

#endif

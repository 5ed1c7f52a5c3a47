/* tests/fuzz/fuzz_vm.h: the VM that the JSON, compiler and engine fuzz targets run on.
 *
 * The VM has the interpreter, the built-ins, a microtask queue (fuzz_vm.c's own) and a
 * `print` that prints nothing; no host (no process.exit, require or console, which would leave
 * the fuzzer or touch files) and no tiers. Invariants the targets rely on:
 *  - at most one VM exists at a time: libFuzzer runs inputs one after another on one thread,
 *    and the step budget below lives in this file because the interpreter's `hot` hook carries
 *    no pointer to per-VM user state;
 *  - st_fuzz_vm_enter is called with the address of a local of LLVMFuzzerTestOneInput before
 *    the input touches the VM, so the conservative scan of the C stack covers every frame
 *    that can hold a heap pointer;
 *  - once the step budget is spent, no JavaScript frame can be pushed again (every call throws
 *    RangeError "Maximum call stack size exceeded") and every loop header throws
 *    RangeError "fuzz: step budget exhausted", so any program ends after at most a few more
 *    steps per active frame. The budget is counted in the interpreter's tier-up counts
 *    (calls and loop back-edges), not in instructions: straight-line code is finite anyway.
 */
#ifndef ST_TESTS_FUZZ_VM_H
#define ST_TESTS_FUZZ_VM_H

#include "objects/vm.h"

typedef struct StFuzzVMOptions {
  uint64_t max_heap;  /* --max-heap (bytes; 0: none) */
  uint64_t max_steps; /* calls + loop back-edges per st_fuzz_vm_enter (0: unbounded) */
} StFuzzVMOptions;

StVM *st_fuzz_vm_new(const StFuzzVMOptions *opt, void *stack_base);
/* Starts one input: sets the GC's stack base and refills the step budget. */
void st_fuzz_vm_enter(StVM *vm, void *stack_base);
/* True once the budget of the current input was spent. */
bool st_fuzz_vm_out_of_steps(StVM *vm);
/* Runs a script's top level, then the microtasks it queued. False when it threw (the
 * exception is taken and dropped). */
bool st_fuzz_vm_run(StVM *vm, StProto *script);
/* A global property (ST_UNDEFINED when missing or when the getter throws). */
StValue st_fuzz_vm_global(StVM *vm, const char *name);
void st_fuzz_vm_free(StVM *vm);

#endif

/* tests/fuzz/fuzz_engine.c: libFuzzer target for the whole engine (compiler, interpreter,
 * built-ins, microtasks) on programs.
 *
 * Every input gets a fresh VM (a program may change any built-in, and a finding must replay
 * alone) with a 32 MB heap (--max-heap) and a budget of 200,000 calls + loop back-edges
 * (fuzz_vm.h: once spent, loops and calls throw RangeError), so endless loops and recursion end.
 * With STRATA_FUZZ_REUSE_VM=1 in the environment one VM serves every input instead (and is
 * never freed: run with ASAN_OPTIONS=detect_leaks=0): faster, and a way to keep fuzzing while
 * a bug in VM teardown (regressions/engine-1.js) stops every run; a finding may then depend on
 * the inputs before it.
 * The input is compiled as a script (strict when its first byte is odd) and run, then its
 * microtasks. Uncaught exceptions are a normal outcome; crashes, sanitizer reports, leaks,
 * hangs (loops inside built-ins are not budgeted: -timeout catches them) and these broken
 * contracts are findings:
 *  - a script that compiled runs to an end: a value, or an exception;
 *  - the VM's register stack is back to empty when the script has ended.
 */
#include "frontend/compiler.h"
#include "tests/fuzz/fuzz_vm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void require(bool ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "fuzz_engine: broken contract: %s\n", what);
    abort();
  }
}

static StVM *kept; /* STRATA_FUZZ_REUSE_VM */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int base;
  static int reuse = -1;
  if (reuse < 0) reuse = getenv("STRATA_FUZZ_REUSE_VM") && !strcmp(getenv("STRATA_FUZZ_REUSE_VM"), "1");
  StFuzzVMOptions o = {.max_heap = 32u << 20, .max_steps = 200000};
  StVM *vm = kept;
  if (!vm) vm = st_fuzz_vm_new(&o, &base);
  if (reuse) kept = vm;
  st_fuzz_vm_enter(vm, &base);
  char *src = malloc(size ? size : 1);
  memcpy(src, data, size);

  StDiagList d = {0};
  StCompileOptions copt = {.filename = "fuzz.js", .strict = size && (data[0] & 1)};
  StProto *p = st_compiler_compile_script(vm, src, size, &copt, &d);
  if (p) {
    StValue *top = vm->stack_top;
    st_fuzz_vm_run(vm, p);
    require(vm->stack_top == top && vm->frame == NULL, "register stack not unwound");
  }
  if (st_vm_has_exception(vm)) st_vm_take_exception(vm);
  st_diag_free(&d);
  free(src);
  if (!reuse) st_fuzz_vm_free(vm);
  return 0;
}

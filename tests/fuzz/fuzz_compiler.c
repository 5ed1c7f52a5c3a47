/* tests/fuzz/fuzz_compiler.c: libFuzzer target for scope analysis and the bytecode compiler.
 *
 * Each input is parsed alone (the parser's verdict), then compiled into one VM shared by all
 * inputs, as sloppy code and, when the first byte is odd, as strict code; a compiled script is
 * disassembled (--print-bytecode's path) into /dev/null. Besides crashes, sanitizer reports,
 * leaks and hangs, the target aborts on a broken contract:
 *  - a program that does not parse does not compile, and the compiler reports an error;
 *  - a program that parses compiles, or gives a clean error: a diagnostic (an early error found
 *    by scope analysis) or a pending exception (heap exhausted); never NULL with neither;
 *  - a compiled script comes with no error diagnostic.
 * Nothing is run: fuzz_engine runs programs.
 */
#include "frontend/compiler.h"
#include "frontend/parser.h"
#include "support/arena.h"
#include "tests/fuzz/fuzz_vm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static StVM *vm;
static FILE *devnull;

static void require(bool ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "fuzz_compiler: broken contract: %s\n", what);
    abort();
  }
}

static void compile_once(const char *src, size_t size, bool strict) {
  StArena arena;
  st_arena_init(&arena);
  StDiagList pd = {0};
  StParseOptions popt = {.filename = "fuzz.js", .strict = strict};
  bool parses = st_parser_parse_program(&arena, src, size, &popt, &pd) != NULL;
  st_diag_free(&pd);
  st_arena_free(&arena);

  StDiagList d = {0};
  StCompileOptions copt = {.filename = "fuzz.js", .strict = strict};
  StProto *p = st_compiler_compile_script(vm, src, size, &copt, &d);
  bool pending = st_vm_has_exception(vm);
  if (pending) st_vm_take_exception(vm);
  if (!parses) require(!p && (d.errors > 0 || pending), "a program that does not parse compiled");
  if (!p) require(d.errors > 0 || pending, "compile failed with no diagnostic and no exception");
  if (p) {
    require(d.errors == 0, "a compiled script with an error diagnostic");
    st_bcdump_proto(vm, devnull, p);
  }
  st_diag_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int base;
  if (!vm) {
    StFuzzVMOptions o = {.max_heap = 256u << 20};
    vm = st_fuzz_vm_new(&o, &base);
    devnull = fopen("/dev/null", "w");
  }
  st_fuzz_vm_enter(vm, &base);
  char *src = malloc(size ? size : 1);
  memcpy(src, data, size);
  compile_once(src, size, false);
  if (size && (data[0] & 1)) compile_once(src, size, true);
  free(src);
  return 0;
}

/* tests/fuzz/fuzz_json.c: libFuzzer target for JSON.parse (and JSON.stringify of its result).
 *
 * One VM serves every input (st_fuzz_vm_new at the first one), so an input costs a call, not a
 * realm. The first byte picks how the rest becomes the string: bit 0 clear, decoded as UTF-8
 * (invalid sequences become U+FFFD, as the engine's decoder does); set, taken as UTF-16LE code
 * units, so lone surrogates and two-byte strings are reached. Bit 1 passes a reviver that
 * returns its value unchanged (the walk of internalize without changing the result).
 * The harness script then checks, in JavaScript:
 *  - JSON.parse throws nothing but SyntaxError (or RangeError: nesting or heap limits);
 *  - the result survives a round trip: stringify(parse(stringify(v))) === stringify(v).
 * A broken check throws an Error("fuzz_json: ...") and the target aborts on it. Crashes,
 * sanitizer reports, leaks and hangs are findings too.
 */
#include "builtins/builtins.h"
#include "frontend/compiler.h"
#include "objects/ops.h"
#include "objects/string.h"
#include "tests/fuzz/fuzz_vm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char harness[] =
    "function fuzzJSON(s, revive) {\n"
    "  var v;\n"
    "  try {\n"
    "    v = revive ? JSON.parse(s, function (k, x) { return x; }) : JSON.parse(s);\n"
    "  } catch (e) {\n"
    "    if (e instanceof SyntaxError || e instanceof RangeError) return 0;\n"
    "    throw new Error('fuzz_json: JSON.parse threw ' + e);\n"
    "  }\n"
    "  var t;\n"
    "  try { t = JSON.stringify(v); } catch (e) {\n"
    "    if (e instanceof RangeError) return 1;\n"
    "    throw new Error('fuzz_json: JSON.stringify threw ' + e);\n"
    "  }\n"
    "  if (typeof t !== 'string') throw new Error('fuzz_json: stringify gave ' + typeof t);\n"
    "  var t2 = JSON.stringify(JSON.parse(t));\n"
    "  if (t2 !== t) throw new Error('fuzz_json: round trip ' + t + ' -> ' + t2);\n"
    "  return 1;\n"
    "}\n";

static StVM *vm;

static void die(const char *what) {
  fprintf(stderr, "fuzz_json: %s\n", what);
  abort();
}

static void setup(void *stack_base) {
  StFuzzVMOptions o = {.max_heap = 256u << 20, .max_steps = 0};
  vm = st_fuzz_vm_new(&o, stack_base);
  StDiagList d = {0};
  StCompileOptions copt = {.filename = "fuzz_json.js"};
  StProto *p = st_compiler_compile_script(vm, harness, sizeof harness - 1, &copt, &d);
  if (!p || !st_fuzz_vm_run(vm, p)) die("the harness script does not run");
  st_diag_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int base;
  if (!vm) setup(&base);
  st_fuzz_vm_enter(vm, &base);
  if (size == 0) return 0;
  uint8_t mode = data[0];
  data++, size--;

  StString *s;
  if (mode & 1) {
    size_t n = size / 2;
    uint16_t *u = malloc((n ? n : 1) * sizeof *u);
    for (size_t i = 0; i < n; i++) u[i] = (uint16_t)(data[2 * i] | data[2 * i + 1] << 8);
    s = st_string_from_utf16(vm, u, n);
    free(u);
  } else {
    /* An exact-size copy, so ASan sees a read past the end of the input. */
    char *c = malloc(size ? size : 1);
    memcpy(c, data, size);
    s = st_string_from_utf8(vm, c, size);
    free(c);
  }
  if (!s) die("string creation failed");

  StValue fn = st_fuzz_vm_global(vm, "fuzzJSON");
  StValue argv[2] = {st_string_value(s), (mode & 2) ? ST_TRUE : ST_FALSE};
  StValue r = st_vm_call(vm, fn, ST_UNDEFINED, 2, argv);
  if (r == ST_EXCEPTION) {
    StValue e = st_vm_take_exception(vm);
    StString *msg = st_ops_to_string(vm, e);
    char *u = msg ? st_string_to_utf8(vm, msg, NULL) : NULL;
    fprintf(stderr, "fuzz_json: %s\n", u ? u : "(exception)");
    abort();
  }
  return 0;
}

/* tiers/natives.c: the `%Name(args)` natives, enabled by --allow-natives-syntax, that tests
 * use to drive and observe tiering (in the spirit of V8's runtime functions of the same names):
 *
 *   %OptimizeFunctionOnNextCall(f)  compile f for the next tier of the chain at its next call
 *   %NeverOptimizeFunction(f)       keep f in the interpreter (invalidates its code)
 *   %DeoptimizeNow()                invalidate the code of every frame on the stack (lazy deopt)
 *   %GetTier(f)                     the tier f's calls run in now: "interp", "llvm", ...
 *   %DeoptCount(f)                  deopt exits taken from f's code so far, over all versions
 *   %PrepareFunctionForOptimization(f)  accepted for V8 compatibility; does nothing
 *   %CollectGarbage()               a full collection
 *
 * The bytecode compiler resolves names to indices at compile time (st_tier_native_id); an
 * unknown name or a wrong argument count is a SyntaxError.
 */
#include "tiers/natives.h"

#include "tiers/tier_internal.h"

#include <string.h>

/* The closure behind a function argument, or NULL (a TypeError is pending). */
static StProto *proto_arg(StVM *vm, StValue v, const char *native) {
  if (st_is_object(v) && st_get_object(v)->hdr.kind == ST_KIND_FUNCTION)
    return ((StFunction *)st_get_object(v))->proto;
  st_vm_type_error(vm, "%%%s expects a JavaScript function", native);
  return NULL;
}

static bool tiers_on(StVM *vm) { return vm->tiers != NULL; }

static StValue optimize_on_next_call(StVM *vm, uint32_t argc, StValue *argv) {
  (void)argc;
  StProto *p = proto_arg(vm, argv[0], "OptimizeFunctionOnNextCall");
  if (!p) return ST_EXCEPTION;
  if (tiers_on(vm)) st_tier_optimize_next_call(vm, p);
  return ST_UNDEFINED;
}

static StValue never_optimize(StVM *vm, uint32_t argc, StValue *argv) {
  (void)argc;
  StProto *p = proto_arg(vm, argv[0], "NeverOptimizeFunction");
  if (!p) return ST_EXCEPTION;
  if (tiers_on(vm)) st_tier_never_optimize(vm, p);
  return ST_UNDEFINED;
}

static StValue prepare_for_optimization(StVM *vm, uint32_t argc, StValue *argv) {
  (void)argc;
  return proto_arg(vm, argv[0], "PrepareFunctionForOptimization") ? ST_UNDEFINED : ST_EXCEPTION;
}

static StValue deoptimize_now(StVM *vm, uint32_t argc, StValue *argv) {
  (void)argc, (void)argv;
  if (tiers_on(vm)) st_tier_deoptimize_now(vm);
  return ST_UNDEFINED;
}

static StValue get_tier(StVM *vm, uint32_t argc, StValue *argv) {
  (void)argc;
  StProto *p = proto_arg(vm, argv[0], "GetTier");
  if (!p) return ST_EXCEPTION;
  const char *name = tiers_on(vm) ? st_tier_current_name(vm, p) : "interp";
  StString *s = st_string_from_cstr(vm, name);
  return s ? st_string_value(s) : ST_EXCEPTION;
}

static StValue deopt_count(StVM *vm, uint32_t argc, StValue *argv) {
  (void)argc;
  StProto *p = proto_arg(vm, argv[0], "DeoptCount");
  if (!p) return ST_EXCEPTION;
  StProtoTier *pt = p->tier;
  return st_int(pt ? (int32_t)pt->deopts : 0);
}

static StValue collect_garbage(StVM *vm, uint32_t argc, StValue *argv) {
  (void)argc, (void)argv;
  st_gc_collect(vm->heap, ST_GC_REASON_REQUEST);
  return ST_UNDEFINED;
}

static const StNativeSyntax natives[] = {
    {"OptimizeFunctionOnNextCall", 1, optimize_on_next_call},
    {"NeverOptimizeFunction", 1, never_optimize},
    {"PrepareFunctionForOptimization", 1, prepare_for_optimization},
    {"DeoptimizeNow", 0, deoptimize_now},
    {"GetTier", 1, get_tier},
    {"DeoptCount", 1, deopt_count},
    {"CollectGarbage", 0, collect_garbage},
};

const StNativeSyntax *st_tier_natives(void) { return natives; }

int st_tier_native_id(StVM *vm, const char *name, int argc) {
  (void)vm;
  for (size_t i = 0; i < ST_ARRAY_LEN(natives); i++)
    if (!strcmp(natives[i].name, name)) return natives[i].argc == argc || natives[i].argc < 0 ? (int)i : -1;
  return -1;
}

/* builtins/lib_dynamic.c: code made from strings at run time: the global `eval` (%eval%),
 * the Function and AsyncFunction constructors (CreateDynamicFunction), and
 * %AsyncFunction.prototype%.
 *
 * Calling %eval% as a function value is an indirect eval: global code. A direct eval
 * (`eval(...)` in the source) never calls this native: the CALLEVAL instruction recognizes
 * %eval% and compiles the code in the caller's scope (frontend/compiler_eval.c).
 *
 * The source is assembled as the spec describes, "function anonymous(P\n) {\nbody\n}", and
 * compiled like a module wrapper: the new function's scope is the global scope, whatever the
 * caller's. Known gap: the parameters and the body are parsed together, not separately, so a
 * parameter string that closes the parameter list early is not rejected as it should be.
 */
#include "builtins/builtins.h"
#include "frontend/compiler.h"
#include "interp/slowpath.h"
#include "support/vec.h"

#include <stdlib.h>
#include <string.h>

typedef StVec(char) Text;

static bool add_value(StVM *vm, Text *t, StValue v) {
  StString *s = st_ops_to_string(vm, v);
  if (!s) return false;
  size_t n;
  char *u = st_string_to_utf8(vm, s, &n);
  if (!u) return false;
  for (size_t i = 0; i < n; i++) st_vec_push(t, u[i]);
  free(u);
  return true;
}

static void add_cstr(Text *t, const char *s) {
  for (; *s; s++) st_vec_push(t, *s);
}

static StValue create_dynamic_function(StVM *vm, StCallInfo *ci, bool async) {
  Text t = {0};
  add_cstr(&t, async ? "(async function anonymous(" : "(function anonymous(");
  uint32_t nparams = ci->argc > 0 ? ci->argc - 1 : 0;
  for (uint32_t i = 0; i < nparams; i++) {
    if (i) st_vec_push(&t, ',');
    if (!add_value(vm, &t, ci->argv[i])) goto fail;
  }
  add_cstr(&t, "\n) {\n");
  if (ci->argc > 0 && !add_value(vm, &t, ci->argv[ci->argc - 1])) goto fail;
  add_cstr(&t, "\n})");
  StDiagList diags = {0};
  StProto *p = st_compiler_compile_function(vm, t.data, t.len, "anonymous", &diags);
  st_vec_free(&t);
  if (!p) {
    StValue r = ST_EXCEPTION;
    if (!st_vm_has_exception(vm)) {
      const StDiag *d = diags.items.len ? &diags.items.data[0] : NULL;
      r = st_vm_throw_error(vm, ST_ERROR_SYNTAX, "%s", d ? d->message : "invalid function source");
    }
    st_diag_free(&diags);
    return r;
  }
  st_diag_free(&diags);
  StFunction *fn = st_function_new_closure(vm, p, NULL);
  return fn ? st_object_value(&fn->obj) : ST_EXCEPTION;
fail:
  st_vec_free(&t);
  return ST_EXCEPTION;
}

StValue st_lib_dynamic_function(StVM *vm, StCallInfo *ci) { return create_dynamic_function(vm, ci, false); }

/* Indirect eval: global code (PerformEval with direct = false). */
static StValue global_eval(StVM *vm, StCallInfo *ci) {
  StValue x = st_arg(ci, 0);
  if (!st_is_string(x)) return x;
  return st_slowpath_eval(vm, x, ST_UNDEFINED, NULL);
}

static StValue async_function_ctor(StVM *vm, StCallInfo *ci) { return create_dynamic_function(vm, ci, true); }

void st_lib_dynamic_init(StVM *vm) {
  StNativeFunction *ev = st_builtins_method(vm, vm->global, "eval", global_eval, 1);
  ST_CHECK(ev, "out of memory during realm set-up");
  vm->intrinsics.Eval = &ev->obj;
  /* %AsyncFunction.prototype%: the [[Prototype]] of every async function. */
  StObject *proto = st_object_new(vm, vm->intrinsics.FunctionPrototype, 2);
  ST_CHECK(proto, "out of memory during realm set-up");
  vm->intrinsics.AsyncFunctionPrototype = proto;
  StNativeFunction *ctor = st_function_new_native(vm, async_function_ctor, "AsyncFunction", 1, true);
  ST_CHECK(ctor, "out of memory during realm set-up");
  /* %AsyncFunction% is not a global; it is reached as (async function () {}).constructor. */
  ST_CHECK(st_object_set_proto(vm, &ctor->obj, vm->intrinsics.Function) > 0, "realm");
  st_builtins_value(vm, &ctor->obj, "prototype", st_object_value(proto), 0);
  st_builtins_value(vm, proto, "constructor", st_object_value(&ctor->obj), ST_ATTR_CONFIGURABLE);
}

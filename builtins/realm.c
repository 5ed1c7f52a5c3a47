/* builtins/realm.c: creating the realm (intrinsics and the global object) and the helpers the
 * library files use to define built-ins.
 *
 * Order matters: Object.prototype and Function.prototype first (every native function needs
 * the latter as its [[Prototype]]), then the error prototypes (so that later set-up code and
 * everything after it can throw), then the rest of the library.
 */
#include "builtins/builtins.h"

#include "builtins/promise.h"

#include <stdlib.h>
#include <string.h>

StValue st_builtins_atom(StVM *vm, const char *s) {
  StString *a = st_string_intern_cstr(vm, s);
  ST_CHECK(a, "out of memory during realm set-up");
  return st_string_value(a);
}

StValue st_builtins_string(StVM *vm, const char *s) {
  StString *a = st_string_from_cstr(vm, s);
  return a ? st_string_value(a) : ST_EXCEPTION;
}

StNativeFunction *st_builtins_method(StVM *vm, StObject *target, const char *name,
                                     StNativeFn fn, uint32_t length) {
  StNativeFunction *f = st_function_new_native(vm, fn, name, length, false);
  ST_CHECK(f, "out of memory during realm set-up");
  int r = st_object_define(vm, target, st_builtins_atom(vm, name), st_object_value(&f->obj),
                           ST_ATTR_HIDDEN);
  ST_CHECK(r == 1, "cannot define built-in %s", name);
  return f;
}

StNativeFunction *st_builtins_symbol_method(StVM *vm, StObject *target, StSymbol *sym,
                                            const char *name, StNativeFn fn, uint32_t length) {
  StNativeFunction *f = st_function_new_native(vm, fn, name, length, false);
  ST_CHECK(f, "out of memory during realm set-up");
  int r = st_object_define(vm, target, st_symbol_value(sym), st_object_value(&f->obj),
                           ST_ATTR_HIDDEN);
  ST_CHECK(r == 1, "cannot define built-in %s", name);
  return f;
}

StNativeFunction *st_builtins_ctor(StVM *vm, const char *name, StNativeFn fn, uint32_t length,
                                   StObject *prototype) {
  StNativeFunction *f = st_function_new_native(vm, fn, name, length, true);
  ST_CHECK(f, "out of memory during realm set-up");
  if (prototype) {
    ST_CHECK(st_object_define(vm, &f->obj, st_string_value(vm->atoms.prototype),
                              st_object_value(prototype), 0) == 1, "prototype");
    ST_CHECK(st_object_define(vm, prototype, st_string_value(vm->atoms.constructor),
                              st_object_value(&f->obj), ST_ATTR_HIDDEN) == 1, "constructor");
  }
  ST_CHECK(st_object_define(vm, vm->global, st_builtins_atom(vm, name), st_object_value(&f->obj),
                            ST_ATTR_HIDDEN) == 1, "global %s", name);
  return f;
}

void st_builtins_value(StVM *vm, StObject *target, const char *name, StValue v, uint8_t attrs) {
  ST_CHECK(st_object_define(vm, target, st_builtins_atom(vm, name), v, attrs) == 1, "%s", name);
}

void st_builtins_accessor(StVM *vm, StObject *target, const char *name, StNativeFn getter,
                          StNativeFn setter) {
  char buf[128];
  snprintf(buf, sizeof buf, "get %s", name);
  StNativeFunction *g = st_function_new_native(vm, getter, buf, 0, false);
  ST_CHECK(g, "out of memory during realm set-up");
  StValue sv = ST_UNDEFINED;
  if (setter) {
    snprintf(buf, sizeof buf, "set %s", name);
    StNativeFunction *s = st_function_new_native(vm, setter, buf, 1, false);
    ST_CHECK(s, "out of memory during realm set-up");
    sv = st_object_value(&s->obj);
  }
  ST_CHECK(st_object_define_accessor(vm, target, st_builtins_atom(vm, name),
                                     st_object_value(&g->obj), sv, ST_ATTR_CONFIGURABLE) == 1,
           "%s", name);
}

StObject *st_builtins_namespace(StVM *vm, const char *name) {
  StObject *o = st_object_new(vm, vm->intrinsics.ObjectPrototype, 8);
  ST_CHECK(o, "out of memory during realm set-up");
  st_builtins_value(vm, vm->global, name, st_object_value(o), ST_ATTR_HIDDEN);
  return o;
}

StObject *st_builtins_this_kind(StVM *vm, StCallInfo *ci, StCellKind kind, const char *method) {
  if (st_is_object(ci->this_val) && st_get_object(ci->this_val)->hdr.kind == kind)
    return st_get_object(ci->this_val);
  st_vm_type_error(vm, "Method %s called on incompatible receiver", method);
  return NULL;
}

static StObject *error_prototype_of(StVM *vm, StErrorKind kind) {
  switch (kind) {
  case ST_ERROR_TYPE: return vm->intrinsics.TypeErrorPrototype;
  case ST_ERROR_RANGE: return vm->intrinsics.RangeErrorPrototype;
  case ST_ERROR_REFERENCE: return vm->intrinsics.ReferenceErrorPrototype;
  case ST_ERROR_SYNTAX: return vm->intrinsics.SyntaxErrorPrototype;
  case ST_ERROR_EVAL: return vm->intrinsics.EvalErrorPrototype;
  case ST_ERROR_URI: return vm->intrinsics.URIErrorPrototype;
  case ST_ERROR_AGGREGATE: return vm->intrinsics.AggregateErrorPrototype;
  default: return vm->intrinsics.ErrorPrototype;
  }
}

StObject *st_builtins_make_error(StVM *vm, StErrorKind kind, StValue message) {
  StObject *e = st_object_alloc(vm, ST_KIND_ERROR, sizeof(StObject), error_prototype_of(vm, kind), 4);
  if (!e) return NULL;
  if (st_is_string(message) &&
      !st_object_add(vm, e, st_string_value(vm->atoms.message), message, ST_ATTR_HIDDEN))
    return NULL;
  return e;
}

/* Function.prototype is itself callable (it accepts anything and returns undefined). */
static StValue function_prototype_call(StVM *vm, StCallInfo *ci) {
  (void)vm;
  (void)ci;
  return ST_UNDEFINED;
}

void st_builtins_init(StVM *vm) {
  st_gc_defer(vm->heap); /* intrinsics are rooted only once stored in the VM */
  StObject *op = st_object_new(vm, NULL, 16);
  ST_CHECK(op, "out of memory during realm set-up");
  vm->intrinsics.ObjectPrototype = op;
  st_object_mark_prototype(vm, op);

  StNativeFunction *fp = (StNativeFunction *)st_object_alloc(
      vm, ST_KIND_NATIVE_FUNCTION, sizeof(StNativeFunction), op, 4);
  ST_CHECK(fp, "out of memory during realm set-up");
  fp->fn = function_prototype_call;
  for (int i = 0; i < ST_NATIVE_DATA; i++) fp->data[i] = ST_UNDEFINED;
  fp->obj.hdr.flags |= ST_OBJECT_CALLABLE;
  vm->intrinsics.FunctionPrototype = &fp->obj;
  st_object_mark_prototype(vm, &fp->obj);
  ST_CHECK(st_object_add(vm, &fp->obj, st_string_value(vm->atoms.length), st_int(0),
                         ST_ATTR_CONFIGURABLE) &&
               st_object_add(vm, &fp->obj, st_string_value(vm->atoms.name),
                             st_string_value(vm->atoms.empty), ST_ATTR_CONFIGURABLE),
           "Function.prototype");

  vm->global = st_object_new(vm, op, 8);
  ST_CHECK(vm->global, "out of memory during realm set-up");
  st_builtins_value(vm, vm->global, "globalThis", st_object_value(vm->global), ST_ATTR_HIDDEN);
  st_gc_undefer(vm->heap);

  st_lib_function_init(vm);
  st_lib_dynamic_init(vm);
  st_lib_object_init(vm);
  st_lib_symbol_init(vm);
  st_lib_error_init(vm);
  st_lib_iterator_init(vm);
  st_lib_array_init(vm);
  st_lib_string_init(vm);
  st_lib_number_init(vm);
  st_lib_date_init(vm);
  st_lib_boolean_init(vm);
  st_lib_math_init(vm);
  st_lib_json_init(vm);
  st_lib_map_init(vm);
  st_lib_promise_init(vm);
  st_lib_global_init(vm);
}

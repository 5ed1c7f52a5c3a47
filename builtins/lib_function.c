/* builtins/lib_function.c: the Function constructor, Function.prototype (call, apply, bind,
 * toString, and the restricted `caller`/`arguments` accessors) and %ThrowTypeError%.
 *
 * Function.prototype itself is created by realm.c (every native needs it as [[Prototype]]).
 *
 * The Function constructor compiles source text at run time, which needs the frontend; until
 * the lead provides a compile hook it throws an EvalError, so code that merely mentions it
 * still loads.
 */
#include "builtins/lib_array.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static StValue function_ctor(StVM *vm, StCallInfo *ci) { return st_lib_dynamic_function(vm, ci); }

/* %ThrowTypeError% */
static StValue throw_type_error(StVM *vm, StCallInfo *ci) {
  (void)ci;
  return st_vm_type_error(vm, "'caller', 'callee', and 'arguments' properties may not be accessed "
                              "on strict mode functions or the arguments objects for calls to them");
}

static bool check_this_callable(StVM *vm, StCallInfo *ci, const char *method) {
  if (st_value_is_callable(ci->this_val)) return true;
  st_vm_type_error(vm, "Function.prototype.%s called on a non-function", method);
  return false;
}

/* Function.prototype.call(thisArg, ...args) */
static StValue function_call(StVM *vm, StCallInfo *ci) {
  if (!check_this_callable(vm, ci, "call")) return ST_EXCEPTION;
  uint32_t argc = ci->argc > 0 ? ci->argc - 1 : 0;
  return st_vm_call(vm, ci->this_val, st_arg(ci, 0), argc, argc ? ci->argv + 1 : NULL);
}

/* Arguments beyond this many make apply throw (as V8 does, with a RangeError) rather than
 * exhaust the register stack. */
#define MAX_APPLY_ARGS (1u << 22)

/* CreateListFromArrayLike(v) as a fresh dense array (GC-visible storage for the call). */
static StObject *list_from_array_like(StVM *vm, StValue v) {
  if (!st_is_object(v)) {
    st_vm_type_error(vm, "CreateListFromArrayLike called on non-object");
    return NULL;
  }
  StObject *src = st_get_object(v);
  double len;
  if (!st_lib_array_length_of(vm, src, &len)) return NULL;
  if (len > MAX_APPLY_ARGS) {
    st_vm_range_error(vm, "Maximum call stack size exceeded");
    return NULL;
  }
  uint32_t n = (uint32_t)len;
  StObject *list = st_array_new(vm, n);
  if (!list) return NULL;
  for (uint32_t i = 0; i < n; i++) {
    StValue x = st_object_dense_get(src, i);
    if (x == ST_HOLE || !st_lib_array_is_dense(src)) {
      x = st_lib_array_get(vm, src, i);
      if (x == ST_EXCEPTION) return NULL;
    }
    /* list is private and has capacity n: store directly. */
    list->elements->data[i] = x;
    list->elements->length = i + 1;
    list->hdr.aux = i + 1;
    st_object_note_element(list, x);
  }
  return list;
}

/* Function.prototype.apply(thisArg, argArray) */
static StValue function_apply(StVM *vm, StCallInfo *ci) {
  if (!check_this_callable(vm, ci, "apply")) return ST_EXCEPTION;
  StValue args = st_arg(ci, 1);
  if (st_is_nullish(args)) return st_vm_call(vm, ci->this_val, st_arg(ci, 0), 0, NULL);
  StObject *list = list_from_array_like(vm, args);
  if (!list) return ST_EXCEPTION;
  uint32_t n = st_array_length(list);
  StValue r = st_vm_call(vm, ci->this_val, st_arg(ci, 0), n, n ? list->elements->data : NULL);
  st_lib_array_keep_alive(list);
  return r;
}

/* Function.prototype.bind(thisArg, ...args) */
static StValue function_bind(StVM *vm, StCallInfo *ci) {
  if (!check_this_callable(vm, ci, "bind")) return ST_EXCEPTION;
  StObject *target = st_get_object(ci->this_val);
  uint32_t nargs = ci->argc > 0 ? ci->argc - 1 : 0;
  StBoundFunction *f =
      st_function_new_bound(vm, target, st_arg(ci, 0), nargs, nargs ? ci->argv + 1 : NULL);
  if (!f) return ST_EXCEPTION;

  double len = 0;
  int has = st_object_has_own(vm, target, st_string_value(vm->atoms.length));
  if (has < 0) return ST_EXCEPTION;
  if (has) {
    StValue tl = st_object_get(vm, target, st_string_value(vm->atoms.length), ci->this_val);
    if (tl == ST_EXCEPTION) return ST_EXCEPTION;
    if (st_is_number(tl)) {
      double d = st_get_number(tl);
      if (d == INFINITY) {
        len = INFINITY;
      } else if (d != -INFINITY) {
        double i;
        if (!st_ops_to_integer(vm, tl, &i)) return ST_EXCEPTION;
        len = i - nargs > 0 ? i - nargs : 0;
      }
    }
  }
  if (!st_object_add(vm, &f->obj, st_string_value(vm->atoms.length), st_number(len),
                     ST_ATTR_CONFIGURABLE))
    return ST_EXCEPTION;

  StValue tn = st_object_get(vm, target, st_string_value(vm->atoms.name), ci->this_val);
  if (tn == ST_EXCEPTION) return ST_EXCEPTION;
  StString *name = st_is_string(tn) ? st_get_string(tn) : vm->atoms.empty;
  StString *bound = st_string_concat(vm, vm->atoms.bound_, name);
  if (!bound || !st_object_add(vm, &f->obj, st_string_value(vm->atoms.name),
                               st_string_value(bound), ST_ATTR_CONFIGURABLE))
    return ST_EXCEPTION;
  return st_object_value(&f->obj);
}

/* "function NAME() { [native code] }" with the function's own name when it has one. */
static StValue native_source(StVM *vm, StObject *fn) {
  StStringBuilder b;
  st_string_builder_init(vm, &b);
  st_string_builder_add_latin1(&b, "function ", 9);
  StPropInfo info;
  if (fn->hdr.kind != ST_KIND_BOUND_FUNCTION &&
      st_object_find_own(vm, fn, st_string_value(vm->atoms.name), &info) &&
      !(info.attrs & ST_ATTR_ACCESSOR)) {
    StValue n = *st_object_slot(fn, info.slot);
    if (st_is_string(n)) st_string_builder_add_string(&b, st_get_string(n));
  }
  st_string_builder_add_cstr(&b, "() { [native code] }");
  StString *s = st_string_builder_finish(&b);
  return s ? st_string_value(s) : ST_EXCEPTION;
}

/* Function.prototype.toString: the source text of JS functions, the NativeFunction form for
 * the others. */
static StValue function_to_string(StVM *vm, StCallInfo *ci) {
  StValue t = ci->this_val;
  if (!st_value_is_callable(t))
    return st_vm_type_error(vm, "Function.prototype.toString requires that 'this' be a Function");
  StObject *fn = st_get_object(t);
  if (fn->hdr.kind == ST_KIND_FUNCTION) {
    StProto *p = ((StFunction *)fn)->proto;
    StSource *src = p->source;
    if (src && p->src_end > p->src_start && p->src_end <= src->len) {
      StString *s = st_string_from_utf8(vm, src->text + p->src_start, p->src_end - p->src_start);
      return s ? st_string_value(s) : ST_EXCEPTION;
    }
  }
  return native_source(vm, fn);
}

void st_lib_function_init(StVM *vm) {
  StObject *fp = vm->intrinsics.FunctionPrototype;
  StNativeFunction *ctor = st_builtins_ctor(vm, "Function", function_ctor, 1, fp);
  vm->intrinsics.Function = &ctor->obj;

  StNativeFunction *tte = st_function_new_native(vm, throw_type_error, "", 0, false);
  ST_CHECK(tte, "out of memory during realm set-up");
  vm->intrinsics.ThrowTypeError = &tte->obj;
  ST_CHECK(st_object_freeze(vm, &tte->obj), "out of memory during realm set-up");

  st_builtins_method(vm, fp, "apply", function_apply, 2);
  st_builtins_method(vm, fp, "bind", function_bind, 1);
  st_builtins_method(vm, fp, "call", function_call, 1);
  st_builtins_method(vm, fp, "toString", function_to_string, 0);
  /* AddRestrictedFunctionProperties(%Function.prototype%) */
  StValue thrower = st_object_value(&tte->obj);
  ST_CHECK(st_object_define_accessor(vm, fp, st_string_value(vm->atoms.caller), thrower, thrower,
                                     ST_ATTR_CONFIGURABLE) == 1 &&
               st_object_define_accessor(vm, fp, st_string_value(vm->atoms.arguments), thrower,
                                         thrower, ST_ATTR_CONFIGURABLE) == 1,
           "Function.prototype restricted properties");
}

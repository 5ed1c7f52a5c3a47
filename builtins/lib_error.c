/* builtins/lib_error.c: Error and the native errors (TypeError, RangeError, ReferenceError,
 * SyntaxError, EvalError, URIError), AggregateError, and Error.prototype.toString.
 *
 * Every error gets an own `stack` property when it is created: "Name: message" followed by
 * the JS stack trace ("    at f (file:line:col)" lines), as V8 does.
 */
#include "builtins/builtins.h"

#include <stdlib.h>

/* Error.prototype.toString semantics, for the first line of `stack`. */
static StString *error_header(StVM *vm, StValue err) {
  StValue name = st_value_get(vm, err, st_string_value(vm->atoms.name));
  if (name == ST_EXCEPTION) return NULL;
  StValue msg = st_value_get(vm, err, st_string_value(vm->atoms.message));
  if (msg == ST_EXCEPTION) return NULL;
  StString *n = st_is_undefined(name) ? st_string_from_cstr(vm, "Error") : st_ops_to_string(vm, name);
  if (!n) return NULL;
  StString *m = st_is_undefined(msg) ? vm->atoms.empty : st_ops_to_string(vm, msg);
  if (!m) return NULL;
  if (st_string_length(n) == 0) return m;
  if (st_string_length(m) == 0) return n;
  StString *sep = st_string_from_cstr(vm, ": ");
  if (!sep) return NULL;
  StString *a = st_string_concat(vm, n, sep);
  return a ? st_string_concat(vm, a, m) : NULL;
}

/* Installs `stack` on err (non-enumerable data property, as V8). */
static bool install_stack(StVM *vm, StObject *err) {
  StString *head = error_header(vm, st_object_value(err));
  if (!head) return false;
  StString *frames = vm->hooks.capture_stack ? vm->hooks.capture_stack(vm) : vm->atoms.empty;
  if (!frames) return false;
  StString *s = st_string_concat(vm, head, frames);
  if (!s) return false;
  return st_object_define(vm, err, st_string_value(vm->atoms.stack), st_string_value(s),
                          ST_ATTR_HIDDEN) >= 0;
}

static StObject *prototype_from(StVM *vm, StValue new_target, StObject *fallback) {
  if (!st_is_object(new_target)) return fallback;
  StValue p = st_value_get(vm, new_target, st_string_value(vm->atoms.prototype));
  if (p == ST_EXCEPTION) return NULL;
  return st_is_object(p) ? st_get_object(p) : fallback;
}

/* The shared body of every error constructor. */
static StValue construct_error(StVM *vm, StCallInfo *ci, StObject *default_proto,
                               StValue message, StValue options) {
  StValue nt = st_is_undefined(ci->new_target) ? st_object_value(ci->callee) : ci->new_target;
  StObject *proto = prototype_from(vm, nt, default_proto);
  if (!proto) return ST_EXCEPTION;
  StObject *e = st_object_alloc(vm, ST_KIND_ERROR, sizeof(StObject), proto, 4);
  if (!e) return ST_EXCEPTION;
  if (!st_is_undefined(message)) {
    StString *m = st_ops_to_string(vm, message);
    if (!m) return ST_EXCEPTION;
    if (st_object_define(vm, e, st_string_value(vm->atoms.message), st_string_value(m),
                         ST_ATTR_HIDDEN) < 0)
      return ST_EXCEPTION;
  }
  if (st_is_object(options)) {
    int has = st_object_has(vm, st_get_object(options), st_string_value(vm->atoms.cause));
    if (has < 0) return ST_EXCEPTION;
    if (has) {
      StValue cause = st_value_get(vm, options, st_string_value(vm->atoms.cause));
      if (cause == ST_EXCEPTION) return ST_EXCEPTION;
      if (st_object_define(vm, e, st_string_value(vm->atoms.cause), cause, ST_ATTR_HIDDEN) < 0)
        return ST_EXCEPTION;
    }
  }
  if (!install_stack(vm, e)) return ST_EXCEPTION;
  return st_object_value(e);
}

/* The data slot of each error constructor says which prototype it makes. */
static StValue error_ctor(StVM *vm, StCallInfo *ci) {
  StNativeFunction *self = (StNativeFunction *)ci->callee;
  StObject *proto = st_get_object(self->data[0]);
  return construct_error(vm, ci, proto, st_arg(ci, 0), st_arg(ci, 1));
}

static StValue aggregate_error_ctor(StVM *vm, StCallInfo *ci) {
  StValue r = construct_error(vm, ci, vm->intrinsics.AggregateErrorPrototype, st_arg(ci, 1),
                              st_arg(ci, 2));
  if (r == ST_EXCEPTION) return r;
  /* errors: a new array of the values of the iterable (IterableToList). */
  StObject *list = st_array_new(vm, 0);
  if (!list) return ST_EXCEPTION;
  StValue iterable = st_arg(ci, 0);
  StValue method = st_value_get(vm, iterable, st_symbol_value(vm->sym_iterator));
  if (method == ST_EXCEPTION) return ST_EXCEPTION;
  if (!st_value_is_callable(method)) return st_vm_type_error(vm, "object is not iterable");
  StValue it = st_vm_call(vm, method, iterable, 0, NULL);
  if (it == ST_EXCEPTION) return ST_EXCEPTION;
  StValue next = st_value_get(vm, it, st_string_value(vm->atoms.next));
  if (next == ST_EXCEPTION) return ST_EXCEPTION;
  for (;;) {
    StValue res = st_vm_call(vm, next, it, 0, NULL);
    if (res == ST_EXCEPTION) return ST_EXCEPTION;
    if (!st_is_object(res)) return st_vm_type_error(vm, "Iterator result is not an object");
    StValue done = st_value_get(vm, res, st_string_value(vm->atoms.done));
    if (done == ST_EXCEPTION) return ST_EXCEPTION;
    if (st_value_truthy(done)) break;
    StValue v = st_value_get(vm, res, st_string_value(vm->atoms.value));
    if (v == ST_EXCEPTION || !st_array_push(vm, list, v)) return ST_EXCEPTION;
  }
  if (st_object_define(vm, st_get_object(r), st_string_value(vm->atoms.errors),
                       st_object_value(list), ST_ATTR_HIDDEN) < 0)
    return ST_EXCEPTION;
  return r;
}

static StValue error_to_string(StVM *vm, StCallInfo *ci) {
  if (!st_is_object(ci->this_val))
    return st_vm_type_error(vm, "Error.prototype.toString requires that 'this' be an Object");
  StString *s = error_header(vm, ci->this_val);
  return s ? st_string_value(s) : ST_EXCEPTION;
}

/* Error.captureStackTrace(obj): V8's API, used by node-style code. */
static StValue error_capture_stack_trace(StVM *vm, StCallInfo *ci) {
  StValue o = st_arg(ci, 0);
  if (!st_is_object(o)) return st_vm_type_error(vm, "Invalid argument");
  return install_stack(vm, st_get_object(o)) ? ST_UNDEFINED : ST_EXCEPTION;
}

static StObject *make_error_class(StVM *vm, const char *name, StObject *parent_proto,
                                  StObject *parent_ctor, StNativeFn fn, uint32_t length,
                                  StObject **proto_out) {
  StObject *proto = st_object_new(vm, parent_proto, 4);
  ST_CHECK(proto, "out of memory during realm set-up");
  *proto_out = proto;
  StNativeFunction *ctor = st_builtins_ctor(vm, name, fn, length, proto);
  ctor->data[0] = st_object_value(proto);
  if (parent_ctor) ST_CHECK(st_object_set_proto(vm, &ctor->obj, parent_ctor) == 1, "proto");
  st_builtins_value(vm, proto, "name", st_builtins_atom(vm, name), ST_ATTR_HIDDEN);
  st_builtins_value(vm, proto, "message", st_string_value(vm->atoms.empty), ST_ATTR_HIDDEN);
  return &ctor->obj;
}

void st_lib_error_init(StVM *vm) {
  StObject *op = vm->intrinsics.ObjectPrototype;
  StObject *ep;
  StObject *error = make_error_class(vm, "Error", op, NULL, error_ctor, 1, &ep);
  vm->intrinsics.ErrorPrototype = ep;
  st_builtins_method(vm, ep, "toString", error_to_string, 0);
  st_builtins_method(vm, error, "captureStackTrace", error_capture_stack_trace, 1);
  st_builtins_value(vm, error, "stackTraceLimit", st_int(10), ST_ATTR_DEFAULT);

  make_error_class(vm, "TypeError", ep, error, error_ctor, 1, &vm->intrinsics.TypeErrorPrototype);
  make_error_class(vm, "RangeError", ep, error, error_ctor, 1, &vm->intrinsics.RangeErrorPrototype);
  make_error_class(vm, "ReferenceError", ep, error, error_ctor, 1,
                   &vm->intrinsics.ReferenceErrorPrototype);
  make_error_class(vm, "SyntaxError", ep, error, error_ctor, 1, &vm->intrinsics.SyntaxErrorPrototype);
  make_error_class(vm, "EvalError", ep, error, error_ctor, 1, &vm->intrinsics.EvalErrorPrototype);
  make_error_class(vm, "URIError", ep, error, error_ctor, 1, &vm->intrinsics.URIErrorPrototype);
  make_error_class(vm, "AggregateError", ep, error, aggregate_error_ctor, 2,
                   &vm->intrinsics.AggregateErrorPrototype);
}

/* builtins/lib_boolean.c: Boolean and Boolean.prototype (itself a Boolean wrapper of false). */
#include "builtins/lib_object.h"

static StValue boolean_ctor(StVM *vm, StCallInfo *ci) {
  StValue b = st_bool(st_value_truthy(st_arg(ci, 0)));
  if (st_is_undefined(ci->new_target)) return b;
  StObject *proto = st_lib_object_proto_from_ctor(vm, ci->new_target, vm->intrinsics.BooleanPrototype);
  if (!proto) return ST_EXCEPTION;
  StWrapper *w = (StWrapper *)st_object_alloc(vm, ST_KIND_BOOLEAN_OBJECT, sizeof(StWrapper), proto, 0);
  if (!w) return ST_EXCEPTION;
  w->value = b;
  return st_object_value(&w->obj);
}

/* thisBooleanValue(this) */
static StValue this_boolean(StVM *vm, StCallInfo *ci, const char *method) {
  StValue t = ci->this_val;
  if (st_is_bool(t)) return t;
  if (st_is_object(t) && st_get_object(t)->hdr.kind == ST_KIND_BOOLEAN_OBJECT)
    return ((StWrapper *)st_get_object(t))->value;
  return st_vm_type_error(vm, "%s requires that 'this' be a Boolean", method);
}

static StValue boolean_to_string(StVM *vm, StCallInfo *ci) {
  StValue b = this_boolean(vm, ci, "Boolean.prototype.toString");
  if (b == ST_EXCEPTION) return b;
  return st_string_value(st_get_bool(b) ? vm->atoms.true_ : vm->atoms.false_);
}

static StValue boolean_value_of(StVM *vm, StCallInfo *ci) {
  return this_boolean(vm, ci, "Boolean.prototype.valueOf");
}

void st_lib_boolean_init(StVM *vm) {
  StWrapper *proto = (StWrapper *)st_object_alloc(vm, ST_KIND_BOOLEAN_OBJECT, sizeof(StWrapper),
                                                  vm->intrinsics.ObjectPrototype, 0);
  ST_CHECK(proto, "out of memory during realm set-up");
  proto->value = ST_FALSE;
  vm->intrinsics.BooleanPrototype = &proto->obj;
  st_object_mark_prototype(vm, &proto->obj);
  st_builtins_ctor(vm, "Boolean", boolean_ctor, 1, &proto->obj);
  st_builtins_method(vm, &proto->obj, "toString", boolean_to_string, 0);
  st_builtins_method(vm, &proto->obj, "valueOf", boolean_value_of, 0);
}

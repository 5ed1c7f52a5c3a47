/* builtins/lib_symbol.c: Symbol, the well-known symbols Strata supports (Symbol.iterator and
 * Symbol.asyncIterator; the others are out of scope), the global symbol registry
 * (Symbol.for / Symbol.keyFor) and Symbol.prototype.
 *
 * The registry is one null-prototype object held in data[0] of both Symbol.for and
 * Symbol.keyFor: it maps each key string to its symbol and each registered symbol back to its
 * key string (a symbol is a property key, and the two kinds of keys cannot collide). It is
 * strong: registered symbols live as long as the functions do, which is what the spec
 * implies (a registered symbol can always be looked up again).
 */
#include "builtins/lib_array.h"

#include <stdio.h>

static StValue symbol_ctor(StVM *vm, StCallInfo *ci) {
  if (!st_is_undefined(ci->new_target)) return st_vm_type_error(vm, "Symbol is not a constructor");
  StValue desc = st_arg(ci, 0);
  if (!st_is_undefined(desc)) {
    StString *s = st_ops_to_string(vm, desc);
    if (!s) return ST_EXCEPTION;
    desc = st_string_value(s);
  }
  StSymbol *sym = st_string_new_symbol(vm, desc);
  return sym ? st_symbol_value(sym) : ST_EXCEPTION;
}

static StObject *registry_of(StCallInfo *ci) {
  return st_get_object(((StNativeFunction *)ci->callee)->data[0]);
}

/* Symbol.for(key) */
static StValue symbol_for(StVM *vm, StCallInfo *ci) {
  StString *s = st_ops_to_string(vm, st_arg(ci, 0));
  if (!s) return ST_EXCEPTION;
  StObject *reg = registry_of(ci);
  StValue key = st_string_value(s);
  StPropDesc d;
  int has = st_object_get_own_desc(vm, reg, key, &d);
  if (has < 0) return ST_EXCEPTION;
  if (has) return d.value;
  StSymbol *sym = st_string_new_symbol(vm, key);
  if (!sym) return ST_EXCEPTION;
  StPropDesc fwd = {.value = st_symbol_value(sym), .has_value = true, .has_writable = true,
                    .writable = true, .has_enumerable = true, .has_configurable = true,
                    .configurable = true};
  StPropDesc back = fwd;
  back.value = key;
  if (st_object_define_desc(vm, reg, key, &fwd) < 0 ||
      st_object_define_desc(vm, reg, st_symbol_value(sym), &back) < 0)
    return ST_EXCEPTION;
  return st_symbol_value(sym);
}

/* Symbol.keyFor(sym) */
static StValue symbol_key_for(StVM *vm, StCallInfo *ci) {
  StValue sym = st_arg(ci, 0);
  if (!st_is_symbol(sym)) {
    char buf[160];
    return st_vm_type_error(vm, "%s is not a symbol", st_lib_array_describe(vm, sym, buf, sizeof buf));
  }
  StPropDesc d;
  int has = st_object_get_own_desc(vm, registry_of(ci), sym, &d);
  if (has < 0) return ST_EXCEPTION;
  return has ? d.value : ST_UNDEFINED;
}

/* thisSymbolValue(this) */
static bool this_symbol(StVM *vm, StCallInfo *ci, const char *method, StSymbol **out) {
  StValue t = ci->this_val;
  if (st_is_object(t) && st_get_object(t)->hdr.kind == ST_KIND_SYMBOL_OBJECT)
    t = ((StWrapper *)st_get_object(t))->value;
  if (st_is_symbol(t)) {
    *out = st_get_symbol(t);
    return true;
  }
  st_vm_type_error(vm, "%s requires that 'this' be a Symbol", method);
  return false;
}

/* SymbolDescriptiveString */
static StValue descriptive_string(StVM *vm, StSymbol *sym) {
  StStringBuilder b;
  st_string_builder_init(vm, &b);
  st_string_builder_add_latin1(&b, "Symbol(", 7);
  if (st_is_string(sym->description))
    st_string_builder_add_string(&b, st_get_string(sym->description));
  st_string_builder_add_unit(&b, ')');
  StString *s = st_string_builder_finish(&b);
  return s ? st_string_value(s) : ST_EXCEPTION;
}

static StValue symbol_to_string(StVM *vm, StCallInfo *ci) {
  StSymbol *sym;
  if (!this_symbol(vm, ci, "Symbol.prototype.toString", &sym)) return ST_EXCEPTION;
  return descriptive_string(vm, sym);
}

static StValue symbol_value_of(StVM *vm, StCallInfo *ci) {
  StSymbol *sym;
  if (!this_symbol(vm, ci, "Symbol.prototype.valueOf", &sym)) return ST_EXCEPTION;
  return st_symbol_value(sym);
}

static StValue symbol_description(StVM *vm, StCallInfo *ci) {
  StSymbol *sym;
  if (!this_symbol(vm, ci, "Symbol.prototype.description", &sym)) return ST_EXCEPTION;
  return sym->description;
}

/* A well-known symbol: created once per VM, its description "Symbol.name". */
static StSymbol *well_known(StVM *vm, StObject *ctor, const char *name) {
  char full[64];
  snprintf(full, sizeof full, "Symbol.%s", name);
  StSymbol *sym = st_string_new_symbol(vm, st_builtins_atom(vm, full));
  ST_CHECK(sym, "out of memory during realm set-up");
  st_builtins_value(vm, ctor, name, st_symbol_value(sym), 0);
  return sym;
}

void st_lib_symbol_init(StVM *vm) {
  StObject *proto = st_object_new(vm, vm->intrinsics.ObjectPrototype, 4);
  ST_CHECK(proto, "out of memory during realm set-up");
  vm->intrinsics.SymbolPrototype = proto;
  st_object_mark_prototype(vm, proto);
  StNativeFunction *ctor = st_builtins_ctor(vm, "Symbol", symbol_ctor, 0, proto);

  StObject *registry = st_object_new(vm, NULL, 0);
  ST_CHECK(registry, "out of memory during realm set-up");
  StNativeFunction *f = st_builtins_method(vm, &ctor->obj, "for", symbol_for, 1);
  f->data[0] = st_object_value(registry);
  f = st_builtins_method(vm, &ctor->obj, "keyFor", symbol_key_for, 1);
  f->data[0] = st_object_value(registry);

  st_gc_defer(vm->heap); /* a symbol is rooted once stored in the VM */
  vm->sym_async_iterator = well_known(vm, &ctor->obj, "asyncIterator");
  vm->sym_iterator = well_known(vm, &ctor->obj, "iterator");
  st_gc_undefer(vm->heap);

  st_builtins_method(vm, proto, "toString", symbol_to_string, 0);
  st_builtins_method(vm, proto, "valueOf", symbol_value_of, 0);
  st_builtins_accessor(vm, proto, "description", symbol_description, NULL);
}

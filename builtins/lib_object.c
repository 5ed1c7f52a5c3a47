/* builtins/lib_object.c: the Object constructor, its static functions, and Object.prototype
 * (hasOwnProperty, isPrototypeOf, propertyIsEnumerable, toString, toLocaleString, valueOf and
 * the __proto__ accessor).
 *
 * Every function follows its spec algorithm step by step, because the order of ToObject,
 * ToPropertyKey, getter calls and descriptor reads is observable (test262 checks it); the
 * object layer (objects/object.h) supplies the internal methods. Two deviations, both from
 * features that are out of scope: there are no proxies, so [[OwnPropertyKeys]] and
 * [[GetOwnProperty]] never call JS; and there is no Symbol.toStringTag, so
 * Object.prototype.toString reports the tags that the built-in prototypes would carry (Symbol,
 * Map, Set, Promise, iterators) by looking for those prototypes on the chain.
 */
#include "builtins/lib_object.h"

#include "builtins/lib_array.h"
#include "builtins/lib_iterator.h"
#include "interp/slowpath.h"

#include <stdlib.h>

/* ------------------------------------------------------------------------------------------ */
/* Shared abstract operations                                                                 */

StObject *st_lib_object_proto_from_ctor(StVM *vm, StValue new_target, StObject *fallback) {
  if (!st_is_object(new_target)) return fallback;
  StValue p = st_value_get(vm, new_target, st_string_value(vm->atoms.prototype));
  if (p == ST_EXCEPTION) return NULL;
  return st_is_object(p) ? st_get_object(p) : fallback;
}

/* One field of ToPropertyDescriptor: HasProperty(obj, name), then Get. 1 present (*out), 0
 * absent, -1 exception. */
static int desc_field(StVM *vm, StObject *obj, StString *name, StValue *out) {
  int has = st_object_has(vm, obj, st_string_value(name));
  if (has <= 0) return has;
  *out = st_object_get(vm, obj, st_string_value(name), st_object_value(obj));
  return *out == ST_EXCEPTION ? -1 : 1;
}

bool st_lib_object_to_desc(StVM *vm, StValue v, StPropDesc *d) {
  char buf[160];
  memset(d, 0, sizeof *d);
  d->value = d->get = d->set = ST_UNDEFINED;
  if (!st_is_object(v)) {
    st_vm_type_error(vm, "Property description must be an object: %s",
                     st_lib_array_describe(vm, v, buf, sizeof buf));
    return false;
  }
  StObject *o = st_get_object(v);
  StValue x;
  int r;
  if ((r = desc_field(vm, o, vm->atoms.enumerable, &x)) < 0) return false;
  if (r) d->has_enumerable = true, d->enumerable = st_value_truthy(x);
  if ((r = desc_field(vm, o, vm->atoms.configurable, &x)) < 0) return false;
  if (r) d->has_configurable = true, d->configurable = st_value_truthy(x);
  if ((r = desc_field(vm, o, vm->atoms.value, &x)) < 0) return false;
  if (r) d->has_value = true, d->value = x;
  if ((r = desc_field(vm, o, vm->atoms.writable, &x)) < 0) return false;
  if (r) d->has_writable = true, d->writable = st_value_truthy(x);
  if ((r = desc_field(vm, o, vm->atoms.get, &x)) < 0) return false;
  if (r) {
    if (!st_is_undefined(x) && !st_value_is_callable(x)) {
      st_vm_type_error(vm, "Getter must be a function: %s",
                       st_lib_array_describe(vm, x, buf, sizeof buf));
      return false;
    }
    d->has_get = true, d->get = x;
  }
  if ((r = desc_field(vm, o, vm->atoms.set, &x)) < 0) return false;
  if (r) {
    if (!st_is_undefined(x) && !st_value_is_callable(x)) {
      st_vm_type_error(vm, "Setter must be a function: %s",
                       st_lib_array_describe(vm, x, buf, sizeof buf));
      return false;
    }
    d->has_set = true, d->set = x;
  }
  if ((d->has_get || d->has_set) && (d->has_value || d->has_writable)) {
    st_vm_type_error(vm, "Invalid property descriptor. Cannot both specify accessors and a value "
                         "or writable attribute");
    return false;
  }
  return true;
}

StValue st_lib_object_from_desc(StVM *vm, const StPropDesc *d) {
  StObject *o = st_object_new(vm, vm->intrinsics.ObjectPrototype, ST_OBJECT_DEFAULT_INLINE);
  if (!o) return ST_EXCEPTION;
  bool ok = true;
#define ADD(atom, v) (ok = ok && st_object_add(vm, o, st_string_value(vm->atoms.atom), (v), ST_ATTR_DEFAULT))
  if (d->has_value) ADD(value, d->value);
  if (d->has_writable) ADD(writable, st_bool(d->writable));
  if (d->has_get) ADD(get, d->get);
  if (d->has_set) ADD(set, d->set);
  if (d->has_enumerable) ADD(enumerable, st_bool(d->enumerable));
  if (d->has_configurable) ADD(configurable, st_bool(d->configurable));
#undef ADD
  return ok ? st_object_value(o) : ST_EXCEPTION;
}

/* ToPropertyKey(v) in the form the object layer's any-key functions accept without calling JS
 * again: an interned string, a symbol, or an index as a number. */
static StValue to_key(StVM *vm, StValue v) {
  uint32_t index;
  StValue k = st_object_to_key(vm, v, &index);
  if (k == ST_HOLE) return st_number((double)index);
  return k;
}

/* DefinePropertyOrThrow(o, key, d) (key from to_key). */
static bool define_or_throw(StVM *vm, StObject *o, StValue key, const StPropDesc *d) {
  int r = st_object_define_desc(vm, o, key, d);
  if (r < 0) return false;
  if (r == 0) {
    char buf[160];
    st_vm_type_error(vm, "Cannot redefine property: %s",
                     st_lib_array_describe(vm, key, buf, sizeof buf));
    return false;
  }
  return true;
}

static bool is_proto_value(StValue v) { return st_is_object(v) || st_is_null(v); }

static StValue bad_proto(StVM *vm, StValue v) {
  char buf[160];
  return st_vm_type_error(vm, "Object prototype may only be an Object or null: %s",
                          st_lib_array_describe(vm, v, buf, sizeof buf));
}

/* ------------------------------------------------------------------------------------------ */
/* The constructor                                                                            */

static StValue object_ctor(StVM *vm, StCallInfo *ci) {
  StValue nt = ci->new_target;
  if (!st_is_undefined(nt) && st_get_object(nt) != ci->callee) {
    StObject *proto = st_lib_object_proto_from_ctor(vm, nt, vm->intrinsics.ObjectPrototype);
    if (!proto) return ST_EXCEPTION;
    StObject *o = st_object_new(vm, proto, ST_OBJECT_DEFAULT_INLINE);
    return o ? st_object_value(o) : ST_EXCEPTION;
  }
  StValue v = st_arg(ci, 0);
  if (st_is_nullish(v)) {
    StObject *o = st_object_new(vm, vm->intrinsics.ObjectPrototype, ST_OBJECT_DEFAULT_INLINE);
    return o ? st_object_value(o) : ST_EXCEPTION;
  }
  StObject *o = st_ops_to_object(vm, v);
  return o ? st_object_value(o) : ST_EXCEPTION;
}

/* ------------------------------------------------------------------------------------------ */
/* Creation and definition                                                                    */

/* ObjectDefineProperties(o, props): every descriptor is read (all getters run) before any is
 * applied. Descriptors wait in malloc'd memory; the values they hold are kept reachable by a
 * JS array. */
static bool define_properties(StVM *vm, StObject *o, StValue props_val) {
  StObject *props = st_ops_to_object(vm, props_val);
  if (!props) return false;
  StObject *keys = st_object_own_keys(vm, props, ST_KEYS_STRINGS | ST_KEYS_SYMBOLS);
  if (!keys) return false;
  uint32_t n = st_array_length(keys);
  StObject *keep = st_array_new(vm, 0);
  if (!keep) return false;
  StPropDesc *descs = n ? malloc(n * sizeof *descs) : NULL;
  StValue *dkeys = n ? malloc(n * sizeof *dkeys) : NULL;
  uint32_t count = 0;
  bool ok = true;
  for (uint32_t i = 0; i < n && ok; i++) {
    StValue key = to_key(vm, keys->elements->data[i]);
    StPropDesc own;
    int has = key == ST_EXCEPTION ? -1 : st_object_get_own_desc(vm, props, key, &own);
    if (has < 0) ok = false;
    if (!ok || !has || !own.enumerable) continue;
    /* d is on the C stack (scanned) until its values are in `keep`. */
    StPropDesc d;
    StValue dobj = st_value_get_elem(vm, st_object_value(props), key);
    if (dobj == ST_EXCEPTION || !st_lib_object_to_desc(vm, dobj, &d) ||
        !st_array_push(vm, keep, key) || !st_array_push(vm, keep, d.value) ||
        !st_array_push(vm, keep, d.get) || !st_array_push(vm, keep, d.set)) {
      ok = false;
      continue;
    }
    descs[count] = d;
    dkeys[count++] = key;
  }
  for (uint32_t i = 0; i < count && ok; i++) ok = define_or_throw(vm, o, dkeys[i], &descs[i]);
  free(descs);
  free(dkeys);
  st_lib_array_keep_alive(keep);
  st_lib_array_keep_alive(keys);
  return ok;
}

/* Object.create(O, Properties) */
static StValue object_create(StVM *vm, StCallInfo *ci) {
  StValue proto = st_arg(ci, 0);
  if (!is_proto_value(proto)) return bad_proto(vm, proto);
  StObject *o = st_object_new(vm, st_is_null(proto) ? NULL : st_get_object(proto),
                              ST_OBJECT_DEFAULT_INLINE);
  if (!o) return ST_EXCEPTION;
  StValue props = st_arg(ci, 1);
  if (!st_is_undefined(props) && !define_properties(vm, o, props)) return ST_EXCEPTION;
  return st_object_value(o);
}

/* Object.defineProperty(O, P, Attributes) */
static StValue object_define_property(StVM *vm, StCallInfo *ci) {
  StValue ov = st_arg(ci, 0);
  if (!st_is_object(ov)) return st_vm_type_error(vm, "Object.defineProperty called on non-object");
  StValue key = to_key(vm, st_arg(ci, 1));
  if (key == ST_EXCEPTION) return ST_EXCEPTION;
  StPropDesc d;
  if (!st_lib_object_to_desc(vm, st_arg(ci, 2), &d)) return ST_EXCEPTION;
  if (!define_or_throw(vm, st_get_object(ov), key, &d)) return ST_EXCEPTION;
  return ov;
}

/* Object.defineProperties(O, Properties) */
static StValue object_define_properties(StVM *vm, StCallInfo *ci) {
  StValue ov = st_arg(ci, 0);
  if (!st_is_object(ov)) return st_vm_type_error(vm, "Object.defineProperties called on non-object");
  if (!define_properties(vm, st_get_object(ov), st_arg(ci, 1))) return ST_EXCEPTION;
  return ov;
}

/* Object.assign(target, ...sources) */
static StValue object_assign(StVM *vm, StCallInfo *ci) {
  StObject *to = st_ops_to_object(vm, st_arg(ci, 0));
  if (!to) return ST_EXCEPTION;
  StValue tov = st_object_value(to);
  for (uint32_t s = 1; s < ci->argc; s++) {
    StValue src = ci->argv[s];
    if (st_is_nullish(src)) continue;
    StObject *from = st_ops_to_object(vm, src);
    if (!from) return ST_EXCEPTION;
    StObject *keys = st_object_own_keys(vm, from, ST_KEYS_STRINGS | ST_KEYS_SYMBOLS);
    if (!keys) return ST_EXCEPTION;
    for (uint32_t i = 0; i < st_array_length(keys); i++) {
      StValue key = to_key(vm, keys->elements->data[i]);
      if (key == ST_EXCEPTION) return ST_EXCEPTION;
      StPropDesc d;
      int has = st_object_get_own_desc(vm, from, key, &d);
      if (has < 0) return ST_EXCEPTION;
      if (!has || !d.enumerable) continue;
      StValue v = (d.has_value && !d.has_get) ? d.value
                                              : st_value_get_elem(vm, st_object_value(from), key);
      if (v == ST_EXCEPTION) return ST_EXCEPTION;
      if (st_value_set_elem(vm, tov, key, v, true) < 0) return ST_EXCEPTION;
    }
  }
  return tov;
}

/* ------------------------------------------------------------------------------------------ */
/* Keys, values, entries, descriptors                                                         */

enum { EACH_KEYS, EACH_VALUES, EACH_ENTRIES };

/* EnumerableOwnProperties(O, kind) */
static StValue enumerable_own(StVM *vm, StValue v, int kind) {
  StObject *o = st_ops_to_object(vm, v);
  if (!o) return ST_EXCEPTION;
  if (kind == EACH_KEYS) {
    StObject *keys = st_object_own_keys(vm, o, ST_KEYS_STRINGS | ST_KEYS_ENUMERABLE);
    return keys ? st_object_value(keys) : ST_EXCEPTION;
  }
  StObject *keys = st_object_own_keys(vm, o, ST_KEYS_STRINGS);
  if (!keys) return ST_EXCEPTION;
  StObject *out = st_array_new(vm, st_array_length(keys));
  if (!out) return ST_EXCEPTION;
  for (uint32_t i = 0; i < st_array_length(keys); i++) {
    StValue name = keys->elements->data[i];
    StValue key = to_key(vm, name);
    if (key == ST_EXCEPTION) return ST_EXCEPTION;
    /* A getter run for an earlier key may have removed or hidden this one. */
    StPropDesc d;
    int has = st_object_get_own_desc(vm, o, key, &d);
    if (has < 0) return ST_EXCEPTION;
    if (!has || !d.enumerable) continue;
    StValue x = (d.has_value && !d.has_get) ? d.value
                                            : st_value_get_elem(vm, st_object_value(o), key);
    if (x == ST_EXCEPTION) return ST_EXCEPTION;
    if (kind == EACH_ENTRIES) {
      StValue pair[2] = {name, x};
      StObject *e = st_array_from(vm, 2, pair);
      if (!e) return ST_EXCEPTION;
      x = st_object_value(e);
    }
    if (!st_array_push(vm, out, x)) return ST_EXCEPTION;
  }
  return st_object_value(out);
}

static StValue object_keys(StVM *vm, StCallInfo *ci) {
  return enumerable_own(vm, st_arg(ci, 0), EACH_KEYS);
}
static StValue object_values(StVM *vm, StCallInfo *ci) {
  return enumerable_own(vm, st_arg(ci, 0), EACH_VALUES);
}
static StValue object_entries(StVM *vm, StCallInfo *ci) {
  return enumerable_own(vm, st_arg(ci, 0), EACH_ENTRIES);
}

static StValue own_keys_of(StVM *vm, StValue v, unsigned which) {
  StObject *o = st_ops_to_object(vm, v);
  if (!o) return ST_EXCEPTION;
  StObject *keys = st_object_own_keys(vm, o, which);
  return keys ? st_object_value(keys) : ST_EXCEPTION;
}

static StValue object_get_own_property_names(StVM *vm, StCallInfo *ci) {
  return own_keys_of(vm, st_arg(ci, 0), ST_KEYS_STRINGS);
}

static StValue object_get_own_property_symbols(StVM *vm, StCallInfo *ci) {
  return own_keys_of(vm, st_arg(ci, 0), ST_KEYS_SYMBOLS);
}

/* Object.getOwnPropertyDescriptor(O, P) */
static StValue object_get_own_property_descriptor(StVM *vm, StCallInfo *ci) {
  StObject *o = st_ops_to_object(vm, st_arg(ci, 0));
  if (!o) return ST_EXCEPTION;
  StValue key = to_key(vm, st_arg(ci, 1));
  if (key == ST_EXCEPTION) return ST_EXCEPTION;
  StPropDesc d;
  int has = st_object_get_own_desc(vm, o, key, &d);
  if (has < 0) return ST_EXCEPTION;
  return has ? st_lib_object_from_desc(vm, &d) : ST_UNDEFINED;
}

/* Object.getOwnPropertyDescriptors(O) */
static StValue object_get_own_property_descriptors(StVM *vm, StCallInfo *ci) {
  StObject *o = st_ops_to_object(vm, st_arg(ci, 0));
  if (!o) return ST_EXCEPTION;
  StObject *keys = st_object_own_keys(vm, o, ST_KEYS_STRINGS | ST_KEYS_SYMBOLS);
  if (!keys) return ST_EXCEPTION;
  StObject *out = st_object_new(vm, vm->intrinsics.ObjectPrototype, ST_OBJECT_DEFAULT_INLINE);
  if (!out) return ST_EXCEPTION;
  for (uint32_t i = 0; i < st_array_length(keys); i++) {
    StValue key = to_key(vm, keys->elements->data[i]);
    if (key == ST_EXCEPTION) return ST_EXCEPTION;
    StPropDesc d;
    int has = st_object_get_own_desc(vm, o, key, &d);
    if (has < 0) return ST_EXCEPTION;
    if (!has) continue;
    StValue dv = st_lib_object_from_desc(vm, &d);
    if (dv == ST_EXCEPTION) return ST_EXCEPTION;
    StPropDesc nd = {.value = dv, .has_value = true, .has_writable = true, .writable = true,
                     .has_enumerable = true, .enumerable = true, .has_configurable = true,
                     .configurable = true};
    if (st_object_define_desc(vm, out, key, &nd) < 0) return ST_EXCEPTION;
  }
  return st_object_value(out);
}

/* Object.fromEntries(iterable) */
static StValue object_from_entries(StVM *vm, StCallInfo *ci) {
  StValue iterable = st_arg(ci, 0);
  if (st_is_nullish(iterable))
    return st_vm_type_error(vm, "%s is not iterable",
                            st_is_null(iterable) ? "null" : "undefined");
  StObject *out = st_object_new(vm, vm->intrinsics.ObjectPrototype, ST_OBJECT_DEFAULT_INLINE);
  if (!out) return ST_EXCEPTION;
  StValue method = st_value_get(vm, iterable, st_symbol_value(vm->sym_iterator));
  if (method == ST_EXCEPTION) return ST_EXCEPTION;
  if (!st_value_is_callable(method)) {
    char buf[160];
    return st_vm_type_error(vm, "%s is not iterable",
                            st_lib_array_describe(vm, iterable, buf, sizeof buf));
  }
  StValue rec[2];
  if (!st_lib_iterator_open(vm, iterable, method, rec)) return ST_EXCEPTION;
  for (;;) {
    StValue entry;
    int r = st_slowpath_iter_next(vm, rec, &entry);
    if (r < 0) return ST_EXCEPTION;
    if (r == 0) break;
    if (!st_is_object(entry)) {
      char buf[160];
      st_vm_type_error(vm, "Iterator value %s is not an entry object",
                       st_lib_array_describe(vm, entry, buf, sizeof buf));
      goto fail;
    }
    StValue k = st_value_get_elem(vm, entry, st_int(0));
    if (k == ST_EXCEPTION) goto fail;
    StValue v = st_value_get_elem(vm, entry, st_int(1));
    if (v == ST_EXCEPTION) goto fail;
    StValue key = to_key(vm, k);
    if (key == ST_EXCEPTION) goto fail;
    StPropDesc d = {.value = v, .has_value = true, .has_writable = true, .writable = true,
                    .has_enumerable = true, .enumerable = true, .has_configurable = true,
                    .configurable = true};
    if (st_object_define_desc(vm, out, key, &d) < 0) goto fail;
  }
  return st_object_value(out);
fail:
  (void)st_slowpath_iter_close(vm, rec, true);
  return ST_EXCEPTION;
}

/* Object.hasOwn(O, P) */
static StValue object_has_own(StVM *vm, StCallInfo *ci) {
  StObject *o = st_ops_to_object(vm, st_arg(ci, 0));
  if (!o) return ST_EXCEPTION;
  StValue key = to_key(vm, st_arg(ci, 1));
  if (key == ST_EXCEPTION) return ST_EXCEPTION;
  int has = st_object_has_own(vm, o, key);
  return has < 0 ? ST_EXCEPTION : st_bool(has);
}

/* ------------------------------------------------------------------------------------------ */
/* Prototype and integrity                                                                    */

static StValue object_get_prototype_of(StVM *vm, StCallInfo *ci) {
  StObject *o = st_ops_to_object(vm, st_arg(ci, 0));
  if (!o) return ST_EXCEPTION;
  return st_object_or_null(st_object_proto(o));
}

/* The TypeError of a refused [[SetPrototypeOf]]. */
static StValue set_proto_refused(StVM *vm, StObject *o) {
  if (!(o->hdr.flags & ST_OBJECT_EXTENSIBLE)) {
    char buf[160];
    return st_vm_type_error(vm, "%s is not extensible",
                            st_lib_array_describe(vm, st_object_value(o), buf, sizeof buf));
  }
  if (o == vm->intrinsics.ObjectPrototype)
    return st_vm_type_error(vm, "Immutable prototype object '#<Object>' cannot have their prototype set");
  return st_vm_type_error(vm, "Cyclic __proto__ value");
}

/* Object.setPrototypeOf(O, proto) */
static StValue object_set_prototype_of(StVM *vm, StCallInfo *ci) {
  StValue ov = st_arg(ci, 0), proto = st_arg(ci, 1);
  if (st_is_nullish(ov))
    return st_vm_type_error(vm, "Object.setPrototypeOf called on null or undefined");
  if (!is_proto_value(proto)) return bad_proto(vm, proto);
  if (!st_is_object(ov)) return ov;
  StObject *o = st_get_object(ov);
  int r = st_object_set_proto(vm, o, st_is_null(proto) ? NULL : st_get_object(proto));
  if (r < 0) return ST_EXCEPTION;
  if (r == 0) return set_proto_refused(vm, o);
  return ov;
}

static StValue object_freeze(StVM *vm, StCallInfo *ci) {
  StValue v = st_arg(ci, 0);
  if (st_is_object(v) && !st_object_freeze(vm, st_get_object(v))) return ST_EXCEPTION;
  return v;
}

static StValue object_seal(StVM *vm, StCallInfo *ci) {
  StValue v = st_arg(ci, 0);
  if (st_is_object(v) && !st_object_seal(vm, st_get_object(v))) return ST_EXCEPTION;
  return v;
}

static StValue object_prevent_extensions(StVM *vm, StCallInfo *ci) {
  StValue v = st_arg(ci, 0);
  if (st_is_object(v)) st_object_prevent_extensions(vm, st_get_object(v));
  return v;
}

static StValue object_is_frozen(StVM *vm, StCallInfo *ci) {
  StValue v = st_arg(ci, 0);
  return st_bool(!st_is_object(v) || st_object_is_frozen(vm, st_get_object(v)));
}

static StValue object_is_sealed(StVM *vm, StCallInfo *ci) {
  StValue v = st_arg(ci, 0);
  return st_bool(!st_is_object(v) || st_object_is_sealed(vm, st_get_object(v)));
}

static StValue object_is_extensible(StVM *vm, StCallInfo *ci) {
  (void)vm;
  StValue v = st_arg(ci, 0);
  return st_bool(st_is_object(v) && (st_get_object(v)->hdr.flags & ST_OBJECT_EXTENSIBLE));
}

static StValue object_is(StVM *vm, StCallInfo *ci) {
  return st_bool(st_ops_same_value(vm, st_arg(ci, 0), st_arg(ci, 1)));
}

/* ------------------------------------------------------------------------------------------ */
/* Object.prototype                                                                           */

/* Object.prototype.hasOwnProperty(V): the key first, then ToObject(this). */
static StValue proto_has_own_property(StVM *vm, StCallInfo *ci) {
  StValue key = to_key(vm, st_arg(ci, 0));
  if (key == ST_EXCEPTION) return ST_EXCEPTION;
  StObject *o = st_ops_to_object(vm, ci->this_val);
  if (!o) return ST_EXCEPTION;
  int has = st_object_has_own(vm, o, key);
  return has < 0 ? ST_EXCEPTION : st_bool(has);
}

/* Object.prototype.isPrototypeOf(V) */
static StValue proto_is_prototype_of(StVM *vm, StCallInfo *ci) {
  StValue v = st_arg(ci, 0);
  if (!st_is_object(v)) return ST_FALSE;
  StObject *o = st_ops_to_object(vm, ci->this_val);
  if (!o) return ST_EXCEPTION;
  for (StObject *p = st_object_proto(st_get_object(v)); p; p = st_object_proto(p))
    if (p == o) return ST_TRUE;
  return ST_FALSE;
}

/* Object.prototype.propertyIsEnumerable(V) */
static StValue proto_property_is_enumerable(StVM *vm, StCallInfo *ci) {
  StValue key = to_key(vm, st_arg(ci, 0));
  if (key == ST_EXCEPTION) return ST_EXCEPTION;
  StObject *o = st_ops_to_object(vm, ci->this_val);
  if (!o) return ST_EXCEPTION;
  StPropDesc d;
  int has = st_object_get_own_desc(vm, o, key, &d);
  if (has < 0) return ST_EXCEPTION;
  return st_bool(has && d.enumerable);
}

/* The tag a built-in prototype on o's chain would give through Symbol.toStringTag, or NULL. */
static const char *emulated_tag(StVM *vm, StObject *o) {
  for (StObject *p = o; p; p = st_object_proto(p)) {
    if (p == vm->intrinsics.SymbolPrototype) return "Symbol";
    if (p == vm->intrinsics.MapPrototype) return "Map";
    if (p == vm->intrinsics.SetPrototype) return "Set";
    if (p == vm->intrinsics.PromisePrototype) return "Promise";
    if (p == vm->intrinsics.ArrayIteratorPrototype) return "Array Iterator";
    if (p == vm->intrinsics.StringIteratorPrototype) return "String Iterator";
    if (p == vm->intrinsics.MapIteratorPrototype) return "Map Iterator";
    if (p == vm->intrinsics.SetIteratorPrototype) return "Set Iterator";
    if (p == vm->intrinsics.AsyncFunctionPrototype) return "AsyncFunction";
    if (p == vm->intrinsics.Math) return "Math";
    if (p == vm->intrinsics.JSON) return "JSON";
  }
  return NULL;
}

/* Object.prototype.toString */
static StValue proto_to_string(StVM *vm, StCallInfo *ci) {
  StValue t = ci->this_val;
  if (st_is_undefined(t)) return st_builtins_string(vm, "[object Undefined]");
  if (st_is_null(t)) return st_builtins_string(vm, "[object Null]");
  StObject *o = st_ops_to_object(vm, t);
  if (!o) return ST_EXCEPTION;
  const char *tag;
  switch (o->hdr.kind) {
  case ST_KIND_ARRAY: tag = "Array"; break;
  case ST_KIND_ARGUMENTS: tag = "Arguments"; break;
  case ST_KIND_ERROR: tag = "Error"; break;
  case ST_KIND_BOOLEAN_OBJECT: tag = "Boolean"; break;
  case ST_KIND_NUMBER_OBJECT: tag = "Number"; break;
  case ST_KIND_STRING_OBJECT: tag = "String"; break;
  default: tag = st_object_is_callable(o) ? "Function" : "Object"; break;
  }
  const char *emu = emulated_tag(vm, o);
  if (emu) tag = emu;
  StStringBuilder b;
  st_string_builder_init(vm, &b);
  st_string_builder_add_cstr(&b, "[object ");
  st_string_builder_add_cstr(&b, tag);
  st_string_builder_add_unit(&b, ']');
  StString *s = st_string_builder_finish(&b);
  return s ? st_string_value(s) : ST_EXCEPTION;
}

/* Object.prototype.toLocaleString: Invoke(this, "toString") */
static StValue proto_to_locale_string(StVM *vm, StCallInfo *ci) {
  StValue t = ci->this_val;
  if (st_is_nullish(t))
    return st_vm_type_error(vm, "Object.prototype.toLocaleString called on null or undefined");
  StValue f = st_value_get(vm, t, st_string_value(vm->atoms.toString));
  if (f == ST_EXCEPTION) return ST_EXCEPTION;
  if (!st_value_is_callable(f)) return st_vm_type_error(vm, "toString is not a function");
  return st_vm_call(vm, f, t, 0, NULL);
}

static StValue proto_value_of(StVM *vm, StCallInfo *ci) {
  StObject *o = st_ops_to_object(vm, ci->this_val);
  return o ? st_object_value(o) : ST_EXCEPTION;
}

/* get Object.prototype.__proto__ */
static StValue proto_get_proto(StVM *vm, StCallInfo *ci) {
  StObject *o = st_ops_to_object(vm, ci->this_val);
  if (!o) return ST_EXCEPTION;
  return st_object_or_null(st_object_proto(o));
}

/* set Object.prototype.__proto__ */
static StValue proto_set_proto(StVM *vm, StCallInfo *ci) {
  StValue t = ci->this_val, proto = st_arg(ci, 0);
  if (st_is_nullish(t))
    return st_vm_type_error(vm, "Object.prototype.__proto__ called on null or undefined");
  if (!is_proto_value(proto) || !st_is_object(t)) return ST_UNDEFINED;
  StObject *o = st_get_object(t);
  int r = st_object_set_proto(vm, o, st_is_null(proto) ? NULL : st_get_object(proto));
  if (r < 0) return ST_EXCEPTION;
  if (r == 0) return set_proto_refused(vm, o);
  return ST_UNDEFINED;
}

void st_lib_object_init(StVM *vm) {
  StObject *op = vm->intrinsics.ObjectPrototype;
  StNativeFunction *ctor = st_builtins_ctor(vm, "Object", object_ctor, 1, op);
  vm->intrinsics.Object = &ctor->obj;
  StObject *c = &ctor->obj;
  st_builtins_method(vm, c, "assign", object_assign, 2);
  st_builtins_method(vm, c, "create", object_create, 2);
  st_builtins_method(vm, c, "defineProperties", object_define_properties, 2);
  st_builtins_method(vm, c, "defineProperty", object_define_property, 3);
  st_builtins_method(vm, c, "entries", object_entries, 1);
  st_builtins_method(vm, c, "freeze", object_freeze, 1);
  st_builtins_method(vm, c, "fromEntries", object_from_entries, 1);
  st_builtins_method(vm, c, "getOwnPropertyDescriptor", object_get_own_property_descriptor, 2);
  st_builtins_method(vm, c, "getOwnPropertyDescriptors", object_get_own_property_descriptors, 1);
  st_builtins_method(vm, c, "getOwnPropertyNames", object_get_own_property_names, 1);
  st_builtins_method(vm, c, "getOwnPropertySymbols", object_get_own_property_symbols, 1);
  st_builtins_method(vm, c, "getPrototypeOf", object_get_prototype_of, 1);
  st_builtins_method(vm, c, "hasOwn", object_has_own, 2);
  st_builtins_method(vm, c, "is", object_is, 2);
  st_builtins_method(vm, c, "isExtensible", object_is_extensible, 1);
  st_builtins_method(vm, c, "isFrozen", object_is_frozen, 1);
  st_builtins_method(vm, c, "isSealed", object_is_sealed, 1);
  st_builtins_method(vm, c, "keys", object_keys, 1);
  st_builtins_method(vm, c, "preventExtensions", object_prevent_extensions, 1);
  st_builtins_method(vm, c, "seal", object_seal, 1);
  st_builtins_method(vm, c, "setPrototypeOf", object_set_prototype_of, 2);
  st_builtins_method(vm, c, "values", object_values, 1);

  st_builtins_method(vm, op, "hasOwnProperty", proto_has_own_property, 1);
  st_builtins_method(vm, op, "isPrototypeOf", proto_is_prototype_of, 1);
  st_builtins_method(vm, op, "propertyIsEnumerable", proto_property_is_enumerable, 1);
  st_builtins_method(vm, op, "toLocaleString", proto_to_locale_string, 0);
  st_builtins_method(vm, op, "toString", proto_to_string, 0);
  st_builtins_method(vm, op, "valueOf", proto_value_of, 0);
  st_builtins_accessor(vm, op, "__proto__", proto_get_proto, proto_set_proto);
}

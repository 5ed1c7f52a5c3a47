/* builtins/lib_array.c: the Array constructor, Array.isArray/from/of, the array-like helpers
 * of lib_array.h, and the Array.prototype methods that move elements around (push, pop,
 * shift, unshift, slice, splice, concat, join, toString, toLocaleString, reverse, indexOf,
 * lastIndexOf, includes, fill, copyWithin, at, keys, values, entries).
 * The callback methods are in lib_array_iter.c, sort and the change-by-copy methods in
 * lib_array_sort.c.
 *
 * Every method is written twice where it matters for speed: a dense fast path, taken only
 * when its result is indistinguishable from the spec algorithm (see lib_array.h for when
 * that is: no JS can run in the middle of it, no element is an accessor, holes are not
 * backed by prototype elements), and the generic path, which is the spec algorithm step by
 * step on any array-like. ArraySpeciesCreate is ArrayCreate: Symbol.species is out of scope.
 */
#include "builtins/lib_array.h"

#include "builtins/lib_iterator.h"
#include "builtins/lib_object.h"
#include "interp/slowpath.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Arrays longer than this are not preallocated by `new Array(n)`. */
#define PREALLOC_MAX (1u << 20)
/* The largest index below which a write goes to dense storage from a fast path. */
#define MAX_INDEX 4294967294.0

/* ------------------------------------------------------------------------------------------ */
/* Array-like helpers (lib_array.h)                                                           */

bool st_lib_array_length_of(StVM *vm, StObject *o, double *len) {
  if (o->hdr.kind == ST_KIND_ARRAY) {
    *len = st_array_length(o);
    return true;
  }
  StValue v = st_object_get(vm, o, st_string_value(vm->atoms.length), st_object_value(o));
  if (v == ST_EXCEPTION) return false;
  return st_ops_to_length(vm, v, len);
}

StValue st_lib_array_get(StVM *vm, StObject *o, double k) {
  if (k <= MAX_INDEX) {
    uint32_t i = (uint32_t)k;
    if (st_lib_array_is_dense(o)) {
      StValue v = st_object_dense_get(o, i);
      if (v != ST_HOLE) return v;
    }
    return st_object_get_index(vm, o, i, st_object_value(o));
  }
  return st_value_get_elem(vm, st_object_value(o), st_number(k));
}

int st_lib_array_has(StVM *vm, StObject *o, double k) {
  if (k <= MAX_INDEX) {
    uint32_t i = (uint32_t)k;
    if (st_lib_array_is_dense(o) && st_object_dense_get(o, i) != ST_HOLE) return 1;
    return st_object_has_index(vm, o, i);
  }
  return st_ops_in(vm, st_number(k), st_object_value(o));
}

int st_lib_array_get_if_present(StVM *vm, StObject *o, double k, StValue *out) {
  if (k <= MAX_INDEX && st_lib_array_is_dense(o)) {
    StValue v = st_object_dense_get(o, (uint32_t)k);
    if (v != ST_HOLE) {
      *out = v;
      return 1;
    }
    if (!vm->protos_have_elements) return 0;
  }
  int has = st_lib_array_has(vm, o, k);
  if (has <= 0) return has;
  *out = st_lib_array_get(vm, o, k);
  return *out == ST_EXCEPTION ? -1 : 1;
}

bool st_lib_array_set(StVM *vm, StObject *o, double k, StValue v) {
  if (k <= MAX_INDEX)
    return st_object_set_index(vm, o, (uint32_t)k, v, st_object_value(o), true) >= 0;
  return st_value_set_elem(vm, st_object_value(o), st_number(k), v, true) >= 0;
}

bool st_lib_array_delete(StVM *vm, StObject *o, double k) {
  if (k <= MAX_INDEX) return st_object_delete_index(vm, o, (uint32_t)k, true) >= 0;
  uint32_t idx;
  StValue key = st_object_to_key(vm, st_number(k), &idx);
  if (key == ST_EXCEPTION) return false;
  return st_object_delete(vm, o, key, true) >= 0;
}

/* Writes v at dense index i of a writable-dense array (i may be past the stored elements:
 * the gap becomes holes). false when the write is not a plain dense store. */
static bool dense_store(StVM *vm, StObject *o, uint32_t i, StValue v) {
  StElements *e = o->elements;
  uint32_t n = e ? e->length : 0, cap = e ? e->capacity : 0;
  if (i >= cap) {
    if (i > cap * 2u + ST_OBJECT_MAX_DENSE_GAP) return false;
    uint32_t ncap = cap < 4 ? 8 : cap + cap / 2 + 1;
    if (ncap <= i) ncap = i + 1;
    if (!st_object_reserve_elements(vm, o, ncap) || (o->hdr.flags & ST_OBJECT_SPARSE)) return false;
    e = o->elements;
  }
  if (i >= n) {
    if (i > n || n < o->hdr.aux) o->hdr.flags |= ST_OBJECT_HOLEY;
    for (uint32_t j = n; j < i; j++) e->data[j] = ST_HOLE;
    e->length = i + 1;
    if (i >= o->hdr.aux) o->hdr.aux = i + 1;
  }
  e->data[i] = v;
  st_object_note_element(o, v);
  st_gc_write_barrier(vm->heap, &o->hdr, v);
  return true;
}

bool st_lib_array_create(StVM *vm, StObject *o, double k, StValue v) {
  if (k <= MAX_INDEX && st_lib_array_is_writable_dense(o) && dense_store(vm, o, (uint32_t)k, v))
    return true;
  StPropDesc d = {.value = v, .has_value = true, .has_writable = true, .writable = true,
                  .has_enumerable = true, .enumerable = true, .has_configurable = true,
                  .configurable = true};
  int r = st_object_define_desc(vm, o, st_number(k), &d);
  if (r < 0) return false;
  if (r == 0) {
    st_vm_type_error(vm, "Cannot add property %.0f, object is not extensible", k);
    return false;
  }
  return true;
}

void st_lib_array_mark_packed(StObject *a) {
  if (a->hdr.kind != ST_KIND_ARRAY || !st_lib_array_is_dense(a) || !(a->hdr.flags & ST_OBJECT_HOLEY))
    return;
  StElements *e = a->elements;
  if (!e || e->length != a->hdr.aux) return;
  for (uint32_t i = 0; i < e->length; i++)
    if (e->data[i] == ST_HOLE) return;
  a->hdr.flags &= (uint16_t)~ST_OBJECT_HOLEY;
}

bool st_lib_array_set_length(StVM *vm, StObject *o, double len) {
  if (o->hdr.kind == ST_KIND_ARRAY) {
    /* [[Set]] fails on a read-only length even when the value is unchanged. */
    if (o->hdr.flags & ST_OBJECT_LENGTH_RO) {
      st_vm_type_error(vm, "Cannot assign to read only property 'length' of object '[object Array]'");
      return false;
    }
    return st_array_set_length(vm, o, len, true) >= 0;
  }
  return st_object_set(vm, o, st_string_value(vm->atoms.length), st_number(len),
                       st_object_value(o), true) >= 0;
}

/* ArrayCreate(len, proto). */
static StObject *array_create(StVM *vm, double len, StObject *proto) {
  if (len > 4294967295.0) {
    st_vm_range_error(vm, "Invalid array length");
    return NULL;
  }
  StObject *a = proto == vm->intrinsics.ArrayPrototype
                    ? st_array_new(vm, 0)
                    : st_object_alloc(vm, ST_KIND_ARRAY, sizeof(StObject), proto, 0);
  if (!a) return NULL;
  if (len > 0) {
    a->hdr.aux = (uint32_t)len;
    a->hdr.flags |= ST_OBJECT_HOLEY;
    if (len <= PREALLOC_MAX) st_object_reserve_elements(vm, a, (uint32_t)len);
  }
  return a;
}

StObject *st_lib_array_create_array(StVM *vm, double len) {
  return array_create(vm, len, vm->intrinsics.ArrayPrototype);
}

StObject *st_lib_array_species_create(StVM *vm, StObject *o, double len) {
  if (o->hdr.kind != ST_KIND_ARRAY) return st_lib_array_create_array(vm, len);
  StValue c = st_object_get(vm, o, st_string_value(vm->atoms.constructor), st_object_value(o));
  if (c == ST_EXCEPTION) return NULL;
  if (st_is_object(c)) {
    /* C[@@species]: %Array%'s getter returns `this`, and every constructor that inherits
     * from %Array% inherits it; any other object has no @@species. */
    bool inherits = false;
    for (StObject *p = st_get_object(c); p && !inherits; p = st_object_proto(p))
      inherits = p == vm->intrinsics.Array;
    if (!inherits) c = ST_UNDEFINED;
  }
  if (st_is_undefined(c) || (st_is_object(c) && st_get_object(c) == vm->intrinsics.Array))
    return st_lib_array_create_array(vm, len);
  if (!st_is_object(c) || !(st_get_object(c)->hdr.flags & ST_OBJECT_CONSTRUCTOR)) {
    st_vm_type_error(vm, "object.constructor[Symbol.species] is not a constructor");
    return NULL;
  }
  StValue n = st_number(len);
  StValue r = st_vm_construct(vm, c, 1, &n, c);
  if (r == ST_EXCEPTION) return NULL;
  if (!st_is_object(r)) {
    st_vm_type_error(vm, "object.constructor[Symbol.species] returned a primitive");
    return NULL;
  }
  return st_get_object(r);
}

StObject *st_lib_array_this_object(StVM *vm, StCallInfo *ci, const char *method) {
  if (st_is_nullish(ci->this_val)) {
    st_vm_type_error(vm, "Array.prototype.%s called on null or undefined", method);
    return NULL;
  }
  return st_ops_to_object(vm, ci->this_val);
}

/* A string's text as UTF-8 into buf (truncated). */
static void string_cstr(StVM *vm, StString *s, char *buf, size_t cap) {
  char *u = st_string_to_utf8(vm, s, NULL);
  snprintf(buf, cap, "%s", u ? u : "?");
  free(u);
}

const char *st_lib_array_describe(StVM *vm, StValue v, char *buf, size_t cap) {
  if (st_is_undefined(v)) snprintf(buf, cap, "undefined");
  else if (st_is_null(v)) snprintf(buf, cap, "null");
  else if (st_is_bool(v)) snprintf(buf, cap, "%s", st_get_bool(v) ? "true" : "false");
  else if (st_is_string(v)) string_cstr(vm, st_get_string(v), buf, cap);
  else if (st_is_symbol(v)) {
    StValue d = st_get_symbol(v)->description;
    char inner[120] = "";
    if (st_is_string(d)) string_cstr(vm, st_get_string(d), inner, sizeof inner);
    snprintf(buf, cap, "Symbol(%s)", inner);
  } else if (st_is_number(v)) {
    StString *s = st_ops_to_string(vm, v); /* numbers never throw (short of OOM) */
    if (s) string_cstr(vm, s, buf, cap);
    else snprintf(buf, cap, "%g", st_get_number(v));
  } else if (st_is_object(v)) {
    StObject *o = st_get_object(v);
    if (st_object_is_callable(o)) {
      char n[120];
      snprintf(buf, cap, "function %s", st_function_debug_name(vm, o, n, sizeof n));
    } else if (o->hdr.kind == ST_KIND_ARRAY) {
      snprintf(buf, cap, "[object Array]");
    } else {
      snprintf(buf, cap, "#<%s>", st_ops_builtin_tag(vm, o));
    }
  } else {
    snprintf(buf, cap, "value");
  }
  return buf;
}

bool st_lib_array_check_callable(StVM *vm, StValue fn) {
  if (st_value_is_callable(fn)) return true;
  char buf[160];
  st_vm_type_error(vm, "%s is not a function", st_lib_array_describe(vm, fn, buf, sizeof buf));
  return false;
}

bool st_lib_array_relative_index(StVM *vm, StValue arg, double len, double dflt, double *out) {
  if (st_is_undefined(arg)) {
    *out = dflt;
    return true;
  }
  double rel;
  if (!st_ops_to_integer(vm, arg, &rel)) return false;
  if (rel < 0) *out = len + rel > 0 ? len + rel : 0;
  else *out = rel < len ? rel : len;
  return true;
}

static StValue obj_or_exc(StObject *o) { return o ? st_object_value(o) : ST_EXCEPTION; }

/* Too long a result for an array-like: the TypeError of the spec's 2^53 - 1 checks. */
static StValue too_long(StVM *vm) {
  return st_vm_type_error(vm, "Invalid array length: the result would exceed 2**53-1 elements");
}

/* ------------------------------------------------------------------------------------------ */
/* The constructor and its functions                                                          */

/* Array(...values) */
static StValue array_ctor(StVM *vm, StCallInfo *ci) {
  StValue nt = st_is_undefined(ci->new_target) ? st_object_value(ci->callee) : ci->new_target;
  StObject *proto = st_lib_object_proto_from_ctor(vm, nt, vm->intrinsics.ArrayPrototype);
  if (!proto) return ST_EXCEPTION;
  if (ci->argc == 1) {
    StValue len = ci->argv[0];
    if (!st_is_number(len)) {
      StObject *a = array_create(vm, 0, proto);
      if (!a || !st_lib_array_create(vm, a, 0, len)) return ST_EXCEPTION;
      return st_object_value(a);
    }
    double d = st_get_number(len);
    if (!(d >= 0 && d <= 4294967295.0 && d == floor(d)))
      return st_vm_range_error(vm, "Invalid array length");
    return obj_or_exc(array_create(vm, d, proto));
  }
  StObject *a = array_create(vm, 0, proto);
  if (!a) return ST_EXCEPTION;
  for (uint32_t i = 0; i < ci->argc; i++)
    if (!st_lib_array_create(vm, a, i, ci->argv[i])) return ST_EXCEPTION;
  return st_object_value(a);
}

static StValue array_is_array(StVM *vm, StCallInfo *ci) {
  (void)vm;
  return st_bool(st_lib_array_is_array(st_arg(ci, 0)));
}

/* `new C(...args)` when C (the this of Array.of/from) is a constructor, else ArrayCreate. */
static StObject *construct_this(StVM *vm, StValue c, uint32_t argc, const StValue *argv) {
  if (st_is_object(c) && (st_get_object(c)->hdr.flags & ST_OBJECT_CONSTRUCTOR) &&
      st_get_object(c) != vm->intrinsics.Array) {
    StValue r = st_vm_construct(vm, c, argc, argv, c);
    if (r == ST_EXCEPTION) return NULL;
    if (!st_is_object(r)) {
      st_vm_type_error(vm, "object constructor returned a primitive");
      return NULL;
    }
    return st_get_object(r);
  }
  return array_create(vm, argc ? st_get_number(argv[0]) : 0, vm->intrinsics.ArrayPrototype);
}

/* Array.of(...items) */
static StValue array_of(StVM *vm, StCallInfo *ci) {
  StValue len = st_int((int32_t)ci->argc);
  StObject *a = construct_this(vm, ci->this_val, 1, &len);
  if (!a) return ST_EXCEPTION;
  for (uint32_t k = 0; k < ci->argc; k++)
    if (!st_lib_array_create(vm, a, k, ci->argv[k])) return ST_EXCEPTION;
  if (!st_lib_array_set_length(vm, a, ci->argc)) return ST_EXCEPTION;
  return st_object_value(a);
}

/* Array.from(items, mapfn, thisArg) */
static StValue array_from(StVM *vm, StCallInfo *ci) {
  StValue items = st_arg(ci, 0), mapfn = st_arg(ci, 1), this_arg = st_arg(ci, 2);
  bool mapping = !st_is_undefined(mapfn);
  if (mapping && !st_lib_array_check_callable(vm, mapfn)) return ST_EXCEPTION;
  if (st_is_nullish(items)) {
    return st_vm_type_error(vm, "%s is not iterable (cannot read property Symbol(Symbol.iterator))",
                            st_is_null(items) ? "null" : "undefined");
  }
  StValue using = st_value_get(vm, items, st_symbol_value(vm->sym_iterator));
  if (using == ST_EXCEPTION) return ST_EXCEPTION;
  if (!st_is_nullish(using)) {
    if (!st_lib_array_check_callable(vm, using)) return ST_EXCEPTION;
    StObject *a = construct_this(vm, ci->this_val, 0, NULL);
    if (!a) return ST_EXCEPTION;
    StValue rec[2];
    if (!st_lib_iterator_open(vm, items, using, rec)) return ST_EXCEPTION;
    for (double k = 0;; k++) {
      if (k >= ST_LIB_ARRAY_MAX_LENGTH) {
        too_long(vm);
        goto close;
      }
      StValue v;
      int r = st_slowpath_iter_next(vm, rec, &v);
      if (r < 0) return ST_EXCEPTION;
      if (r == 0) {
        if (!st_lib_array_set_length(vm, a, k)) return ST_EXCEPTION;
        return st_object_value(a);
      }
      if (mapping) {
        StValue args[2] = {v, st_number(k)};
        v = st_vm_call(vm, mapfn, this_arg, 2, args);
        if (v == ST_EXCEPTION) goto close;
      }
      if (!st_lib_array_create(vm, a, k, v)) goto close;
    }
  close:
    (void)st_slowpath_iter_close(vm, rec, true);
    return ST_EXCEPTION;
  }
  /* Not iterable: an array-like. */
  StObject *src = st_ops_to_object(vm, items);
  if (!src) return ST_EXCEPTION;
  double len;
  if (!st_lib_array_length_of(vm, src, &len)) return ST_EXCEPTION;
  StValue lenv = st_number(len);
  StObject *a = construct_this(vm, ci->this_val, 1, &lenv);
  if (!a) return ST_EXCEPTION;
  for (double k = 0; k < len; k++) {
    StValue v = st_lib_array_get(vm, src, k);
    if (v == ST_EXCEPTION) return ST_EXCEPTION;
    if (mapping) {
      StValue args[2] = {v, st_number(k)};
      v = st_vm_call(vm, mapfn, this_arg, 2, args);
      if (v == ST_EXCEPTION) return ST_EXCEPTION;
    }
    if (!st_lib_array_create(vm, a, k, v)) return ST_EXCEPTION;
  }
  if (!st_lib_array_set_length(vm, a, len)) return ST_EXCEPTION;
  return st_object_value(a);
}

/* ------------------------------------------------------------------------------------------ */
/* push, pop, shift, unshift                                                                  */

static StValue array_push(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "push");
  if (!o) return ST_EXCEPTION;
  if (o->hdr.kind == ST_KIND_ARRAY) {
    /* Set(O, len, E, true) per item: the dense fast path, else [[Set]] (a setter on the
     * prototype chain runs); the final Set(O, "length", len) then changes nothing. */
    double len = o->hdr.aux;
    for (uint32_t i = 0; i < ci->argc; i++, len++) {
      if (len >= 4294967295.0) {
        if (!st_lib_array_set(vm, o, len, ci->argv[i])) return ST_EXCEPTION;
        return st_vm_range_error(vm, "Invalid array length");
      }
      if (!(len == o->hdr.aux && st_array_push_fast(vm, o, ci->argv[i])) &&
          !st_lib_array_set(vm, o, len, ci->argv[i]))
        return ST_EXCEPTION;
    }
    if (!st_lib_array_set_length(vm, o, len)) return ST_EXCEPTION;
    return st_number(len);
  }
  double len;
  if (!st_lib_array_length_of(vm, o, &len)) return ST_EXCEPTION;
  if (len + ci->argc > ST_LIB_ARRAY_MAX_LENGTH) return too_long(vm);
  for (uint32_t i = 0; i < ci->argc; i++, len++)
    if (!st_lib_array_set(vm, o, len, ci->argv[i])) return ST_EXCEPTION;
  if (!st_lib_array_set_length(vm, o, len)) return ST_EXCEPTION;
  return st_number(len);
}

static StValue array_pop(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "pop");
  if (!o) return ST_EXCEPTION;
  if (st_lib_array_is_writable_dense(o) && o->elements && o->hdr.aux > 0 &&
      o->elements->length == o->hdr.aux) {
    StElements *e = o->elements;
    StValue v = e->data[e->length - 1];
    if (v != ST_HOLE) {
      e->data[--e->length] = ST_HOLE;
      o->hdr.aux--;
      return v;
    }
  }
  double len;
  if (!st_lib_array_length_of(vm, o, &len)) return ST_EXCEPTION;
  if (len == 0) return st_lib_array_set_length(vm, o, 0) ? ST_UNDEFINED : ST_EXCEPTION;
  StValue v = st_lib_array_get(vm, o, len - 1);
  if (v == ST_EXCEPTION || !st_lib_array_delete(vm, o, len - 1) ||
      !st_lib_array_set_length(vm, o, len - 1))
    return ST_EXCEPTION;
  return v;
}

static StValue array_shift(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "shift");
  if (!o) return ST_EXCEPTION;
  if (st_lib_array_is_writable_dense(o) && !vm->protos_have_elements && o->hdr.aux > 0) {
    /* Moving every element down one is moving holes along with values. */
    StElements *e = o->elements;
    StValue first = ST_UNDEFINED;
    if (e && e->length > 0) {
      first = e->data[0] == ST_HOLE ? ST_UNDEFINED : e->data[0];
      memmove(e->data, e->data + 1, (e->length - 1) * sizeof(StValue));
      e->data[--e->length] = ST_HOLE;
    }
    o->hdr.aux--;
    return first;
  }
  double len;
  if (!st_lib_array_length_of(vm, o, &len)) return ST_EXCEPTION;
  if (len == 0) return st_lib_array_set_length(vm, o, 0) ? ST_UNDEFINED : ST_EXCEPTION;
  StValue first = st_lib_array_get(vm, o, 0);
  if (first == ST_EXCEPTION) return ST_EXCEPTION;
  for (double k = 1; k < len; k++) {
    StValue v;
    int has = st_lib_array_get_if_present(vm, o, k, &v);
    if (has < 0) return ST_EXCEPTION;
    if (has ? !st_lib_array_set(vm, o, k - 1, v) : !st_lib_array_delete(vm, o, k - 1))
      return ST_EXCEPTION;
  }
  if (!st_lib_array_delete(vm, o, len - 1) || !st_lib_array_set_length(vm, o, len - 1))
    return ST_EXCEPTION;
  return first;
}

static StValue array_unshift(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "unshift");
  if (!o) return ST_EXCEPTION;
  uint32_t argc = ci->argc;
  if (argc > 0 && st_lib_array_is_writable_dense(o) && !vm->protos_have_elements &&
      (double)o->hdr.aux + argc <= 4294967295.0) {
    StElements *e = o->elements;
    uint32_t n = e ? e->length : 0;
    if (!st_object_reserve_elements(vm, o, n + argc) || (o->hdr.flags & ST_OBJECT_SPARSE))
      return ST_EXCEPTION;
    e = o->elements;
    memmove(e->data + argc, e->data, n * sizeof(StValue));
    for (uint32_t i = 0; i < argc; i++) {
      e->data[i] = ci->argv[i];
      st_object_note_element(o, ci->argv[i]);
      st_gc_write_barrier(vm->heap, &o->hdr, ci->argv[i]);
    }
    e->length = n + argc;
    o->hdr.aux += argc;
    return st_number(o->hdr.aux);
  }
  double len;
  if (!st_lib_array_length_of(vm, o, &len)) return ST_EXCEPTION;
  if (argc > 0) {
    if (len + argc > ST_LIB_ARRAY_MAX_LENGTH) return too_long(vm);
    for (double k = len; k > 0; k--) {
      StValue v;
      int has = st_lib_array_get_if_present(vm, o, k - 1, &v);
      if (has < 0) return ST_EXCEPTION;
      double to = k + argc - 1;
      if (has ? !st_lib_array_set(vm, o, to, v) : !st_lib_array_delete(vm, o, to))
        return ST_EXCEPTION;
    }
    for (uint32_t j = 0; j < argc; j++)
      if (!st_lib_array_set(vm, o, j, ci->argv[j])) return ST_EXCEPTION;
  }
  if (!st_lib_array_set_length(vm, o, len + argc)) return ST_EXCEPTION;
  return st_number(len + argc);
}

/* ------------------------------------------------------------------------------------------ */
/* slice, splice, concat                                                                      */

/* Copies count elements of o from k into a (just made by ArraySpeciesCreate(o, count)) from
 * index 0, HasProperty/Get per element and holes left as holes, then sets a's length. */
static bool copy_range(StVM *vm, StObject *a, StObject *o, double k, double count) {
  if (st_lib_array_is_dense(o) && !vm->protos_have_elements && st_lib_array_is_writable_dense(a) &&
      (!a->elements || a->elements->length == 0) && a->hdr.aux == count &&
      k + count <= MAX_INDEX + 1) {
    /* No element can run JS (dense elements are plain data), and a is a fresh ArrayCreate(count):
     * copy the storage directly. */
    StElements *src = o->elements;
    uint32_t from = (uint32_t)k, n = (uint32_t)count;
    uint32_t stored = src && src->length > from ? src->length - from : 0;
    if (stored > n) stored = n;
    if (!stored) return true;
    if (st_object_reserve_elements(vm, a, stored) && !(a->hdr.flags & ST_OBJECT_SPARSE)) {
      StElements *dst = a->elements;
      for (uint32_t i = 0; i < stored; i++) {
        StValue v = src->data[from + i];
        dst->data[i] = v;
        if (v != ST_HOLE) st_object_note_element(a, v);
      }
      dst->length = stored;
      st_lib_array_mark_packed(a);
      return true;
    }
  }
  for (double i = 0; i < count; i++) {
    StValue v;
    int has = st_lib_array_get_if_present(vm, o, k + i, &v);
    if (has < 0) return false;
    if (has && !st_lib_array_create(vm, a, i, v)) return false;
  }
  return st_lib_array_set_length(vm, a, count);
}

static StValue array_slice(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "slice");
  if (!o) return ST_EXCEPTION;
  double len, k, fin;
  if (!st_lib_array_length_of(vm, o, &len) ||
      !st_lib_array_relative_index(vm, st_arg(ci, 0), len, 0, &k) ||
      !st_lib_array_relative_index(vm, st_arg(ci, 1), len, len, &fin))
    return ST_EXCEPTION;
  double count = fin - k > 0 ? fin - k : 0;
  StObject *a = st_lib_array_species_create(vm, o, count);
  if (!a) return ST_EXCEPTION;
  if (!copy_range(vm, a, o, k, count)) return ST_EXCEPTION;
  return st_object_value(a);
}

static StValue array_splice(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "splice");
  if (!o) return ST_EXCEPTION;
  double len, start, skip;
  if (!st_lib_array_length_of(vm, o, &len) ||
      !st_lib_array_relative_index(vm, st_arg(ci, 0), len, 0, &start))
    return ST_EXCEPTION;
  uint32_t nitems = ci->argc > 2 ? ci->argc - 2 : 0;
  const StValue *items = ci->argv + (ci->argc > 2 ? 2 : 0);
  if (ci->argc == 0) {
    skip = 0;
  } else if (ci->argc == 1) {
    skip = len - start;
  } else {
    double dc;
    if (!st_ops_to_integer(vm, ci->argv[1], &dc)) return ST_EXCEPTION;
    skip = dc < 0 ? 0 : dc > len - start ? len - start : dc;
  }
  double new_len = len + nitems - skip;
  if (new_len > ST_LIB_ARRAY_MAX_LENGTH) return too_long(vm);
  StObject *a = st_lib_array_species_create(vm, o, skip);
  if (!a) return ST_EXCEPTION;
  if (!copy_range(vm, a, o, start, skip)) return ST_EXCEPTION;

  /* Fast path: the array's own storage, when every index involved is a plain dense slot. */
  StElements *e = o->elements;
  uint32_t n = e ? e->length : 0;
  if (st_lib_array_is_writable_dense(o) && !vm->protos_have_elements && len == o->hdr.aux &&
      start <= n && new_len <= 4294967295.0) {
    uint32_t s = (uint32_t)start, sk = (uint32_t)skip;
    uint32_t tail = n > s + sk ? n - s - sk : 0;
    uint32_t stored = tail ? s + nitems + tail : s + nitems;
    if (stored > n && (!st_object_reserve_elements(vm, o, stored) ||
                       (o->hdr.flags & ST_OBJECT_SPARSE)))
      return ST_EXCEPTION;
    e = o->elements;
    if (e) {
      if (tail) memmove(e->data + s + nitems, e->data + s + sk, tail * sizeof(StValue));
      for (uint32_t i = 0; i < nitems; i++) {
        e->data[s + i] = items[i];
        st_object_note_element(o, items[i]);
        st_gc_write_barrier(vm->heap, &o->hdr, items[i]);
      }
      e->length = stored;
    }
    o->hdr.aux = (uint32_t)new_len;
    return st_object_value(a);
  }

  if (nitems < skip) {
    for (double k = start; k < len - skip; k++) {
      StValue v;
      int has = st_lib_array_get_if_present(vm, o, k + skip, &v);
      if (has < 0) return ST_EXCEPTION;
      if (has ? !st_lib_array_set(vm, o, k + nitems, v) : !st_lib_array_delete(vm, o, k + nitems))
        return ST_EXCEPTION;
    }
    for (double k = len; k > new_len; k--)
      if (!st_lib_array_delete(vm, o, k - 1)) return ST_EXCEPTION;
  } else if (nitems > skip) {
    for (double k = len - skip; k > start; k--) {
      StValue v;
      int has = st_lib_array_get_if_present(vm, o, k + skip - 1, &v);
      if (has < 0) return ST_EXCEPTION;
      double to = k + nitems - 1;
      if (has ? !st_lib_array_set(vm, o, to, v) : !st_lib_array_delete(vm, o, to))
        return ST_EXCEPTION;
    }
  }
  for (uint32_t i = 0; i < nitems; i++)
    if (!st_lib_array_set(vm, o, start + i, items[i])) return ST_EXCEPTION;
  if (!st_lib_array_set_length(vm, o, new_len)) return ST_EXCEPTION;
  return st_object_value(a);
}

/* Appends E's elements (spreadable: an array) or E itself to a at *n. */
static bool concat_one(StVM *vm, StObject *a, StValue e, double *n) {
  if (!st_lib_array_is_array(e)) {
    if (*n >= ST_LIB_ARRAY_MAX_LENGTH) {
      too_long(vm);
      return false;
    }
    if (!st_lib_array_create(vm, a, *n, e)) return false;
    (*n)++;
    return true;
  }
  StObject *src = st_get_object(e);
  double len = st_array_length(src);
  if (*n + len > ST_LIB_ARRAY_MAX_LENGTH) {
    too_long(vm);
    return false;
  }
  for (double k = 0; k < len; k++) {
    StValue v;
    int has = st_lib_array_get_if_present(vm, src, k, &v);
    if (has < 0) return false;
    if (has && !st_lib_array_create(vm, a, *n + k, v)) return false;
  }
  *n += len;
  return true;
}

static StValue array_concat(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "concat");
  if (!o) return ST_EXCEPTION;
  StObject *a = st_lib_array_species_create(vm, o, 0);
  if (!a) return ST_EXCEPTION;
  double n = 0;
  if (!concat_one(vm, a, st_object_value(o), &n)) return ST_EXCEPTION;
  for (uint32_t i = 0; i < ci->argc; i++)
    if (!concat_one(vm, a, ci->argv[i], &n)) return ST_EXCEPTION;
  if (!st_lib_array_set_length(vm, a, n)) return ST_EXCEPTION;
  return st_object_value(a);
}

/* ------------------------------------------------------------------------------------------ */
/* join, toString, toLocaleString                                                             */

/* Arrays being joined right now (innermost last), in data[0] of join, toString and
 * toLocaleString: a cycle joins as "" (as V8 does), instead of recursing until the stack
 * overflows. */
static StObject *join_stack(StCallInfo *ci) {
  return st_get_object(((StNativeFunction *)ci->callee)->data[0]);
}

static bool join_stack_has(StObject *stack, StObject *o) {
  for (uint32_t i = 0; i < st_array_length(stack); i++)
    if (stack->elements->data[i] == st_object_value(o)) return true;
  return false;
}

/* Appends ToString(v) (nothing for undefined and null). */
static bool join_add(StVM *vm, StStringBuilder *b, StValue v) {
  if (st_is_nullish(v)) return true;
  if (st_is_int(v)) {
    char buf[16];
    int m = snprintf(buf, sizeof buf, "%d", st_get_int(v));
    st_string_builder_add_latin1(b, buf, (size_t)m);
    return true;
  }
  StString *s = st_ops_to_string(vm, v);
  if (!s) return false;
  st_string_builder_add_string(b, s);
  return true;
}

/* The length of o.join(sep) when o is a packed dense array of strings, null and undefined
 * (joining it calls no user code, so the sum can be taken first); -1 otherwise. Lets join
 * throw "Invalid string length" before building anything, and allocate once. */
static double join_length_of_strings(StObject *o, StString *sep) {
  if (!st_object_is_array(o) || (o->hdr.flags & ST_OBJECT_SPARSE) || !o->elements) return -1;
  uint32_t n = st_array_length(o);
  if (o->elements->length != n) return -1;
  double total = n > 1 ? (double)(n - 1) * (sep ? st_string_length(sep) : 1) : 0;
  for (uint32_t i = 0; i < n; i++) {
    StValue v = o->elements->data[i];
    if (st_is_nullish(v)) continue;
    if (!st_is_string(v)) return -1; /* ST_HOLE, numbers, objects: the general loop */
    total += st_string_length(st_get_string(v));
  }
  return total;
}

/* The body of join and toLocaleString; locale_key ("toLocaleString" or undefined): each
 * element is passed through that method first. */
static StValue join_with(StVM *vm, StObject *stack, StObject *o, StValue sepv, StValue locale_key) {
  double len;
  if (!st_lib_array_length_of(vm, o, &len)) return ST_EXCEPTION;
  StString *sep = NULL;
  if (!st_is_undefined(sepv)) {
    sep = st_ops_to_string(vm, sepv);
    if (!sep) return ST_EXCEPTION;
  }
  if (join_stack_has(stack, o)) return st_string_value(vm->atoms.empty);
  if (!st_array_push(vm, stack, st_object_value(o))) return ST_EXCEPTION;
  uint32_t depth = st_array_length(stack);
  StStringBuilder b;
  st_string_builder_init(vm, &b);
  bool ok = true;
  if (st_is_undefined(locale_key)) {
    double total = join_length_of_strings(o, sep);
    if (total > ST_STRING_MAX_LENGTH) {
      st_vm_range_error(vm, "Invalid string length");
      ok = false;
    } else if (total > 0) {
      (void)st_string_builder_reserve(&b, (size_t)total);
    }
  }
  for (double k = 0; k < len && ok; k++) {
    if (k > 0) {
      if (sep) st_string_builder_add_string(&b, sep);
      else st_string_builder_add_unit(&b, ',');
    }
    StValue v = st_lib_array_get(vm, o, k);
    if (v == ST_EXCEPTION) {
      ok = false;
      break;
    }
    if (!st_is_undefined(locale_key) && !st_is_nullish(v)) {
      StValue f = st_value_get(vm, v, locale_key);
      if (f == ST_EXCEPTION || !st_lib_array_check_callable(vm, f)) {
        ok = false;
        break;
      }
      v = st_vm_call(vm, f, v, 0, NULL);
      if (v == ST_EXCEPTION) {
        ok = false;
        break;
      }
    }
    ok = join_add(vm, &b, v);
    if (ok && b.failed) {
      st_vm_range_error(vm, "Invalid string length");
      ok = false;
    }
  }
  /* Pop o (the stack may only have grown and shrunk back above it). */
  if (st_array_length(stack) >= depth) (void)st_array_set_length(vm, stack, depth - 1, false);
  if (!ok) {
    st_string_builder_free(&b);
    return ST_EXCEPTION;
  }
  StString *s = st_string_builder_finish(&b);
  return s ? st_string_value(s) : ST_EXCEPTION;
}

static StValue array_join(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "join");
  if (!o) return ST_EXCEPTION;
  return join_with(vm, join_stack(ci), o, st_arg(ci, 0), ST_UNDEFINED);
}

static StValue array_to_locale_string(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "toLocaleString");
  if (!o) return ST_EXCEPTION;
  return join_with(vm, join_stack(ci), o, ST_UNDEFINED, ((StNativeFunction *)ci->callee)->data[1]);
}

/* Array.prototype.toString: this.join(), or %Object.prototype.toString% (data[1]) when join is
 * not callable. */
static StValue array_to_string(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "toString");
  if (!o) return ST_EXCEPTION;
  StValue join = st_object_get(vm, o, st_string_value(vm->atoms.join), st_object_value(o));
  if (join == ST_EXCEPTION) return ST_EXCEPTION;
  if (!st_value_is_callable(join)) join = ((StNativeFunction *)ci->callee)->data[1];
  return st_vm_call(vm, join, st_object_value(o), 0, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* reverse, indexOf, lastIndexOf, includes, fill, copyWithin, at                              */

static StValue array_reverse(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "reverse");
  if (!o) return ST_EXCEPTION;
  if (st_lib_array_is_writable_dense(o) && !vm->protos_have_elements &&
      (o->hdr.aux == 0 || (o->elements && o->elements->length == o->hdr.aux))) {
    StElements *e = o->elements;
    uint32_t n = o->hdr.aux;
    for (uint32_t i = 0; i < n / 2; i++) {
      StValue t = e->data[i];
      e->data[i] = e->data[n - 1 - i];
      e->data[n - 1 - i] = t;
    }
    return st_object_value(o);
  }
  double len;
  if (!st_lib_array_length_of(vm, o, &len)) return ST_EXCEPTION;
  double middle = floor(len / 2);
  for (double lower = 0; lower != middle; lower++) {
    double upper = len - lower - 1;
    StValue lv = ST_UNDEFINED, uv = ST_UNDEFINED;
    int lx = st_lib_array_get_if_present(vm, o, lower, &lv);
    if (lx < 0) return ST_EXCEPTION;
    int ux = st_lib_array_get_if_present(vm, o, upper, &uv);
    if (ux < 0) return ST_EXCEPTION;
    if (lx && ux) {
      if (!st_lib_array_set(vm, o, lower, uv) || !st_lib_array_set(vm, o, upper, lv))
        return ST_EXCEPTION;
    } else if (ux) {
      if (!st_lib_array_set(vm, o, lower, uv) || !st_lib_array_delete(vm, o, upper))
        return ST_EXCEPTION;
    } else if (lx) {
      if (!st_lib_array_delete(vm, o, lower) || !st_lib_array_set(vm, o, upper, lv))
        return ST_EXCEPTION;
    }
  }
  return st_object_value(o);
}

/* Strict equality without the call overhead for the common int32 case. */
ST_INLINE bool strictly_equal(StVM *vm, StValue a, StValue b) {
  if (st_is_int(a) && st_is_int(b)) return a == b;
  return st_ops_strict_equals(vm, a, b);
}

static StValue array_index_of(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "indexOf");
  if (!o) return ST_EXCEPTION;
  double len, k;
  if (!st_lib_array_length_of(vm, o, &len)) return ST_EXCEPTION;
  if (len == 0) return st_int(-1);
  if (!st_ops_to_integer(vm, st_arg(ci, 1), &k)) return ST_EXCEPTION;
  if (k >= len) return st_int(-1);
  if (k < 0) k = len + k > 0 ? len + k : 0;
  StValue x = st_arg(ci, 0);
  if (st_lib_array_is_dense(o) && !vm->protos_have_elements) {
    /* Holes are absent, present elements plain data: nothing here can run JS. */
    StElements *e = o->elements;
    double end = e ? (e->length < len ? e->length : len) : 0;
    for (uint32_t i = (uint32_t)k; i < end; i++) {
      StValue v = e->data[i];
      if (v != ST_HOLE && strictly_equal(vm, v, x)) return st_number(i);
    }
    return st_int(-1);
  }
  for (; k < len; k++) {
    StValue v;
    int has = st_lib_array_get_if_present(vm, o, k, &v);
    if (has < 0) return ST_EXCEPTION;
    if (has && strictly_equal(vm, v, x)) return st_number(k);
  }
  return st_int(-1);
}

static StValue array_last_index_of(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "lastIndexOf");
  if (!o) return ST_EXCEPTION;
  double len, k;
  if (!st_lib_array_length_of(vm, o, &len)) return ST_EXCEPTION;
  if (len == 0) return st_int(-1);
  if (ci->argc > 1) {
    if (!st_ops_to_integer(vm, ci->argv[1], &k)) return ST_EXCEPTION;
    if (k == -INFINITY) return st_int(-1);
    k = k >= 0 ? (k < len - 1 ? k : len - 1) : len + k;
  } else {
    k = len - 1;
  }
  StValue x = st_arg(ci, 0);
  for (; k >= 0; k--) {
    StValue v;
    int has = st_lib_array_get_if_present(vm, o, k, &v);
    if (has < 0) return ST_EXCEPTION;
    if (has && strictly_equal(vm, v, x)) return st_number(k);
  }
  return st_int(-1);
}

static StValue array_includes(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "includes");
  if (!o) return ST_EXCEPTION;
  double len, k;
  if (!st_lib_array_length_of(vm, o, &len)) return ST_EXCEPTION;
  if (len == 0) return ST_FALSE;
  if (!st_ops_to_integer(vm, st_arg(ci, 1), &k)) return ST_EXCEPTION;
  if (k >= len) return ST_FALSE;
  if (k < 0) k = len + k > 0 ? len + k : 0;
  StValue x = st_arg(ci, 0);
  if (st_lib_array_is_dense(o) && !vm->protos_have_elements) {
    /* A hole reads as undefined (includes uses Get, not HasProperty). */
    StElements *e = o->elements;
    double stored = e ? (e->length < len ? e->length : len) : 0;
    for (uint32_t i = (uint32_t)k; i < stored; i++) {
      StValue v = e->data[i] == ST_HOLE ? ST_UNDEFINED : e->data[i];
      if (st_ops_same_value_zero(vm, v, x)) return ST_TRUE;
    }
    return st_bool(st_is_undefined(x) && stored < len && k < len);
  }
  for (; k < len; k++) {
    StValue v = st_lib_array_get(vm, o, k);
    if (v == ST_EXCEPTION) return ST_EXCEPTION;
    if (st_ops_same_value_zero(vm, v, x)) return ST_TRUE;
  }
  return ST_FALSE;
}

static StValue array_fill(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "fill");
  if (!o) return ST_EXCEPTION;
  double len, k, fin;
  if (!st_lib_array_length_of(vm, o, &len) ||
      !st_lib_array_relative_index(vm, st_arg(ci, 1), len, 0, &k) ||
      !st_lib_array_relative_index(vm, st_arg(ci, 2), len, len, &fin))
    return ST_EXCEPTION;
  StValue v = st_arg(ci, 0);
  if (k < fin && st_lib_array_is_writable_dense(o) && !vm->protos_have_elements &&
      fin <= o->hdr.aux) {
    uint32_t from = (uint32_t)k, to = (uint32_t)fin;
    StElements *e = o->elements;
    uint32_t n = e ? e->length : 0;
    if (to <= n || to <= (e ? e->capacity : 0) * 2u + PREALLOC_MAX) {
      if (to > n && (!st_object_reserve_elements(vm, o, to) || (o->hdr.flags & ST_OBJECT_SPARSE)))
        return ST_EXCEPTION;
      e = o->elements;
      for (uint32_t i = n; i < from; i++) e->data[i] = ST_HOLE;
      for (uint32_t i = from; i < to; i++) e->data[i] = v;
      if (to > n) e->length = to;
      st_object_note_element(o, v);
      st_gc_write_barrier(vm->heap, &o->hdr, v);
      return st_object_value(o);
    }
  }
  for (; k < fin; k++)
    if (!st_lib_array_set(vm, o, k, v)) return ST_EXCEPTION;
  return st_object_value(o);
}

static StValue array_copy_within(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "copyWithin");
  if (!o) return ST_EXCEPTION;
  double len, to, from, fin;
  if (!st_lib_array_length_of(vm, o, &len) ||
      !st_lib_array_relative_index(vm, st_arg(ci, 0), len, 0, &to) ||
      !st_lib_array_relative_index(vm, st_arg(ci, 1), len, 0, &from) ||
      !st_lib_array_relative_index(vm, st_arg(ci, 2), len, len, &fin))
    return ST_EXCEPTION;
  double count = fin - from < len - to ? fin - from : len - to;
  if (count <= 0) return st_object_value(o);
  if (st_lib_array_is_writable_dense(o) && !vm->protos_have_elements && len == o->hdr.aux &&
      o->elements && o->elements->length == o->hdr.aux) {
    StElements *e = o->elements;
    memmove(e->data + (uint32_t)to, e->data + (uint32_t)from, (uint32_t)count * sizeof(StValue));
    return st_object_value(o);
  }
  double dir = 1;
  if (from < to && to < from + count) {
    dir = -1;
    from += count - 1;
    to += count - 1;
  }
  for (; count > 0; count--, from += dir, to += dir) {
    StValue v;
    int has = st_lib_array_get_if_present(vm, o, from, &v);
    if (has < 0) return ST_EXCEPTION;
    if (has ? !st_lib_array_set(vm, o, to, v) : !st_lib_array_delete(vm, o, to))
      return ST_EXCEPTION;
  }
  return st_object_value(o);
}

static StValue array_at(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "at");
  if (!o) return ST_EXCEPTION;
  double len, rel;
  if (!st_lib_array_length_of(vm, o, &len) || !st_ops_to_integer(vm, st_arg(ci, 0), &rel))
    return ST_EXCEPTION;
  double k = rel >= 0 ? rel : len + rel;
  if (k < 0 || k >= len) return ST_UNDEFINED;
  return st_lib_array_get(vm, o, k);
}

/* ------------------------------------------------------------------------------------------ */
/* Iterators                                                                                  */

static StValue make_iterator(StVM *vm, StCallInfo *ci, const char *method, uint32_t kind) {
  StObject *o = st_lib_array_this_object(vm, ci, method);
  if (!o) return ST_EXCEPTION;
  return obj_or_exc(st_lib_iterator_new_array(vm, st_object_value(o), kind));
}

static StValue array_keys(StVM *vm, StCallInfo *ci) {
  return make_iterator(vm, ci, "keys", ST_ITERATOR_KEYS);
}
static StValue array_values(StVM *vm, StCallInfo *ci) {
  return make_iterator(vm, ci, "values", ST_ITERATOR_VALUES);
}
static StValue array_entries(StVM *vm, StCallInfo *ci) {
  return make_iterator(vm, ci, "entries", ST_ITERATOR_ENTRIES);
}

/* ------------------------------------------------------------------------------------------ */

void st_lib_array_init(StVM *vm) {
  StObject *ap = st_object_alloc(vm, ST_KIND_ARRAY, sizeof(StObject), vm->intrinsics.ObjectPrototype, 0);
  ST_CHECK(ap, "out of memory during realm set-up");
  vm->intrinsics.ArrayPrototype = ap;
  st_object_mark_prototype(vm, ap);
  StNativeFunction *ctor = st_builtins_ctor(vm, "Array", array_ctor, 1, ap);
  vm->intrinsics.Array = &ctor->obj;
  st_builtins_method(vm, &ctor->obj, "from", array_from, 1);
  st_builtins_method(vm, &ctor->obj, "isArray", array_is_array, 1);
  st_builtins_method(vm, &ctor->obj, "of", array_of, 0);

  StObject *stack = st_array_new(vm, 4);
  ST_CHECK(stack, "out of memory during realm set-up");
  StValue object_to_string = st_object_get(vm, vm->intrinsics.ObjectPrototype,
                                           st_string_value(vm->atoms.toString), ST_UNDEFINED);
  ST_CHECK(st_value_is_callable(object_to_string), "Object.prototype.toString");

  st_builtins_method(vm, ap, "at", array_at, 1);
  st_builtins_method(vm, ap, "concat", array_concat, 1);
  st_builtins_method(vm, ap, "copyWithin", array_copy_within, 2);
  st_builtins_method(vm, ap, "entries", array_entries, 0);
  st_builtins_method(vm, ap, "fill", array_fill, 1);
  st_builtins_method(vm, ap, "includes", array_includes, 1);
  st_builtins_method(vm, ap, "indexOf", array_index_of, 1);
  st_builtins_method(vm, ap, "join", array_join, 1)->data[0] = st_object_value(stack);
  st_builtins_method(vm, ap, "keys", array_keys, 0);
  st_builtins_method(vm, ap, "lastIndexOf", array_last_index_of, 1);
  st_builtins_method(vm, ap, "pop", array_pop, 0);
  st_builtins_method(vm, ap, "push", array_push, 1);
  st_builtins_method(vm, ap, "reverse", array_reverse, 0);
  st_builtins_method(vm, ap, "shift", array_shift, 0);
  st_builtins_method(vm, ap, "slice", array_slice, 2);
  st_builtins_method(vm, ap, "splice", array_splice, 2);
  StNativeFunction *tls = st_builtins_method(vm, ap, "toLocaleString", array_to_locale_string, 0);
  tls->data[0] = st_object_value(stack);
  tls->data[1] = st_builtins_atom(vm, "toLocaleString");
  StNativeFunction *ts = st_builtins_method(vm, ap, "toString", array_to_string, 0);
  ts->data[0] = st_object_value(stack);
  ts->data[1] = object_to_string;
  st_builtins_method(vm, ap, "unshift", array_unshift, 1);
  StNativeFunction *values = st_builtins_method(vm, ap, "values", array_values, 0);
  vm->intrinsics.ArrayValues = &values->obj;
  ST_CHECK(st_object_define(vm, ap, st_symbol_value(vm->sym_iterator), st_object_value(&values->obj),
                            ST_ATTR_HIDDEN) == 1, "Array.prototype[Symbol.iterator]");
  st_lib_array_iter_init(vm, ap);
  st_lib_array_sort_init(vm, ap);
}

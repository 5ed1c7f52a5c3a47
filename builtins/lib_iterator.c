/* builtins/lib_iterator.c: %IteratorPrototype%, %ArrayIteratorPrototype% and
 * %StringIteratorPrototype%, and the iteration helpers of lib_iterator.h.
 *
 * The spec defines the array and string iterators as generator-like closures; here they are
 * StIteratorObject state machines. One observable consequence of the generator definition is
 * kept: when reading the array throws (a getter, a length valueOf), the iterator is finished,
 * as a generator that threw would be.
 *
 * The interpreter runs `for (x of array)` without creating an iterator as long as
 * Array.prototype[Symbol.iterator] is vm->intrinsics.ArrayValues and
 * %ArrayIteratorPrototype%.next is vm->intrinsics.ArrayIteratorNext (interp/slowpath.c), so
 * both identities are set here and in lib_array.c.
 */
#include "builtins/lib_iterator.h"

#include "builtins/lib_array.h"
#include "interp/slowpath.h"

StObject *st_lib_iterator_result(StVM *vm, StValue value, bool done) {
  StObject *r = st_object_new(vm, vm->intrinsics.ObjectPrototype, ST_OBJECT_DEFAULT_INLINE);
  if (!r) return NULL;
  if (!st_object_add(vm, r, st_string_value(vm->atoms.value), value, ST_ATTR_DEFAULT) ||
      !st_object_add(vm, r, st_string_value(vm->atoms.done), st_bool(done), ST_ATTR_DEFAULT))
    return NULL;
  return r;
}

static StValue result_value(StVM *vm, StValue value, bool done) {
  StObject *r = st_lib_iterator_result(vm, value, done);
  return r ? st_object_value(r) : ST_EXCEPTION;
}

static StIteratorObject *new_iterator(StVM *vm, StObject *proto, uint32_t type, StValue target,
                                      uint32_t kind) {
  StIteratorObject *it = (StIteratorObject *)st_object_alloc(
      vm, ST_KIND_ITERATOR, sizeof(StIteratorObject), proto, 0);
  if (!it) return NULL;
  it->obj.hdr.aux = type;
  it->target = target;
  it->index = 0;
  it->kind = kind;
  return it;
}

StObject *st_lib_iterator_new_array(StVM *vm, StValue target, uint32_t kind) {
  StIteratorObject *it =
      new_iterator(vm, vm->intrinsics.ArrayIteratorPrototype, ST_ITERATOR_TYPE_ARRAY, target, kind);
  return it ? &it->obj : NULL;
}

/* The iterator `this` of a next method, or a TypeError. */
static StIteratorObject *this_iterator(StVM *vm, StCallInfo *ci, uint32_t type, const char *what) {
  StValue t = ci->this_val;
  if (st_is_object(t) && st_get_object(t)->hdr.kind == ST_KIND_ITERATOR &&
      st_get_object(t)->hdr.aux == type)
    return (StIteratorObject *)st_get_object(t);
  char buf[160];
  st_vm_type_error(vm, "Method %s.prototype.next called on incompatible receiver %s", what,
                   st_lib_array_describe(vm, t, buf, sizeof buf));
  return NULL;
}

/* %IteratorPrototype%[Symbol.iterator]() { return this } */
static StValue iterator_self(StVM *vm, StCallInfo *ci) {
  (void)vm;
  return ci->this_val;
}

/* %ArrayIteratorPrototype%.next */
static StValue array_iterator_next(StVM *vm, StCallInfo *ci) {
  StIteratorObject *it = this_iterator(vm, ci, ST_ITERATOR_TYPE_ARRAY, "Array Iterator");
  if (!it) return ST_EXCEPTION;
  StValue target = it->target;
  if (st_is_undefined(target)) return result_value(vm, ST_UNDEFINED, true);
  StObject *a = st_get_object(target);
  double len;
  if (a->hdr.kind == ST_KIND_ARRAY) {
    len = st_array_length(a);
  } else if (!st_lib_array_length_of(vm, a, &len)) {
    it->target = ST_UNDEFINED;
    return ST_EXCEPTION;
  }
  uint32_t index = it->index;
  if ((double)index >= len) {
    it->target = ST_UNDEFINED;
    return result_value(vm, ST_UNDEFINED, true);
  }
  it->index = index + 1;
  if (it->kind == ST_ITERATOR_KEYS) return result_value(vm, st_number(index), false);
  StValue v = st_lib_array_get(vm, a, index);
  if (v == ST_EXCEPTION) {
    it->target = ST_UNDEFINED;
    return ST_EXCEPTION;
  }
  if (it->kind == ST_ITERATOR_ENTRIES) {
    StValue pair[2] = {st_number(index), v};
    StObject *e = st_array_from(vm, 2, pair);
    if (!e) return ST_EXCEPTION;
    v = st_object_value(e);
  }
  return result_value(vm, v, false);
}

/* String.prototype[Symbol.iterator] */
StValue st_lib_iterator_string_iterator(StVM *vm, StCallInfo *ci) {
  StValue t = ci->this_val;
  if (st_is_nullish(t))
    return st_vm_type_error(vm, "String.prototype[Symbol.iterator] called on null or undefined");
  StString *s = st_ops_to_string(vm, t);
  if (!s) return ST_EXCEPTION;
  StIteratorObject *it = new_iterator(vm, vm->intrinsics.StringIteratorPrototype,
                                      ST_ITERATOR_TYPE_STRING, st_string_value(s),
                                      ST_ITERATOR_VALUES);
  return it ? st_object_value(&it->obj) : ST_EXCEPTION;
}

/* %StringIteratorPrototype%.next: one code point (a surrogate pair, or a lone unit) per step. */
static StValue string_iterator_next(StVM *vm, StCallInfo *ci) {
  StIteratorObject *it = this_iterator(vm, ci, ST_ITERATOR_TYPE_STRING, "String Iterator");
  if (!it) return ST_EXCEPTION;
  if (st_is_undefined(it->target)) return result_value(vm, ST_UNDEFINED, true);
  StString *s = st_string_flatten(vm, st_get_string(it->target));
  if (!s) return ST_EXCEPTION;
  uint32_t i = it->index, n = st_string_length(s);
  if (i >= n) {
    it->target = ST_UNDEFINED;
    return result_value(vm, ST_UNDEFINED, true);
  }
  uint16_t c = st_string_unit_at(s, i);
  uint32_t size = 1;
  if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n) {
    uint16_t d = st_string_unit_at(s, i + 1);
    if (d >= 0xDC00 && d <= 0xDFFF) size = 2;
  }
  StString *r = size == 1 ? st_string_from_unit(vm, c) : st_string_substring(vm, s, i, i + 2);
  if (!r) return ST_EXCEPTION;
  it->index = i + size;
  return result_value(vm, st_string_value(r), false);
}

bool st_lib_iterator_open(StVM *vm, StValue obj, StValue method, StValue rec[2]) {
  /* The fast record is exact when the method is the built-in values() over an array and the
   * built-in next would be read from the fresh iterator (it reads the array's length and
   * elements afresh on every step, as the interpreter's fast path does). */
  StObject *aip = vm->intrinsics.ArrayIteratorPrototype;
  if (st_lib_array_is_array(obj) && vm->intrinsics.ArrayValues &&
      method == st_object_value(vm->intrinsics.ArrayValues) && aip) {
    StPropInfo info;
    if (st_object_find_own(vm, aip, st_string_value(vm->atoms.next), &info) &&
        !(info.attrs & ST_ATTR_ACCESSOR) &&
        *st_object_slot(aip, info.slot) == st_object_value(vm->intrinsics.ArrayIteratorNext)) {
      rec[0] = obj;
      rec[1] = st_int(0);
      return true;
    }
  }
  StValue it = st_vm_call(vm, method, obj, 0, NULL);
  if (it == ST_EXCEPTION) return false;
  if (!st_is_object(it)) {
    st_vm_type_error(vm, "Result of the Symbol.iterator method is not an object");
    return false;
  }
  StValue next = st_value_get(vm, it, st_string_value(vm->atoms.next));
  if (next == ST_EXCEPTION) return false;
  rec[0] = it;
  rec[1] = next;
  return true;
}

void st_lib_iterator_init(StVM *vm) {
  StObject *op = vm->intrinsics.ObjectPrototype;
  StObject *ip = st_object_new(vm, op, 0);
  ST_CHECK(ip, "out of memory during realm set-up");
  vm->intrinsics.IteratorPrototype = ip;
  st_object_mark_prototype(vm, ip);
  st_builtins_symbol_method(vm, ip, vm->sym_iterator, "[Symbol.iterator]", iterator_self, 0);

  StObject *aip = st_object_new(vm, ip, 0);
  ST_CHECK(aip, "out of memory during realm set-up");
  vm->intrinsics.ArrayIteratorPrototype = aip;
  st_object_mark_prototype(vm, aip);
  StNativeFunction *next = st_builtins_method(vm, aip, "next", array_iterator_next, 0);
  vm->intrinsics.ArrayIteratorNext = &next->obj;

  StObject *sip = st_object_new(vm, ip, 0);
  ST_CHECK(sip, "out of memory during realm set-up");
  vm->intrinsics.StringIteratorPrototype = sip;
  st_object_mark_prototype(vm, sip);
  st_builtins_method(vm, sip, "next", string_iterator_next, 0);
}

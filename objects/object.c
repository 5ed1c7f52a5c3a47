/* objects/object.c: JS objects: allocation, GC hooks, and the ordinary internal methods
 * ([[Get]], [[Set]], [[DefineOwnProperty]], [[Delete]], [[HasProperty]], [[OwnPropertyKeys]],
 * [[SetPrototypeOf]], integrity levels) over shapes and elements.
 *
 * Exotic behaviour lives here too, kept to three cases: arrays (`length`), String wrappers
 * (character indices) and mapped arguments objects (indices aliasing parameters).
 *
 * Shape-change protocol: any change to which own properties an object has, their attributes,
 * or its prototype, must leave the object with a shape it did not have before when the object
 * is a prototype (inline caches validate prototype chains by shape identity) and must notify
 * compiled code that depends on the object (ST_OBJECT_HAS_DEPENDENTS). shape_changed() does
 * both; every such mutation ends with it.
 */
#include "objects/object_internal.h"

#include "objects/function.h"
#include "objects/ops.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------ */
/* GC                                                                                         */

static uint32_t used_slots(const StObject *o) {
  const StShape *s = o->shape;
  if (!s) return 0;
  if (st_shape_is_dict(s)) return s->table ? s->table->next_slot : 0;
  return s->hdr.aux;
}

void st_object_trace_base(StHeap *h, StObject *o) {
  StShape *s = o->shape;
  if (!s) return; /* not fully built: it was zeroed at allocation */
  st_gc_mark_cell(h, (StCell *)s);
  uint32_t n = used_slots(o);
  uint32_t ni = n < s->inline_cap ? n : s->inline_cap;
  st_gc_mark_values(h, (StValue *)o + s->inline_start, ni);
  if (n > s->inline_cap && o->slots) st_gc_mark_values(h, o->slots, n - s->inline_cap);
  st_elements_trace(h, o);
}

static uint32_t overflow_capacity(const StObject *o) {
  const StShape *s = o->shape;
  if (!s) return 0;
  if (st_shape_is_dict(s)) return s->table && s->table->slot_cap > s->inline_cap
                                      ? s->table->slot_cap - s->inline_cap : 0;
  return s->hdr.aux > s->inline_cap ? st_object_overflow_cap(s->hdr.aux - s->inline_cap) : 0;
}

void st_object_finalize_base(StHeap *h, StObject *o) {
  if (o->slots) {
    st_gc_external(h, -(int64_t)(overflow_capacity(o) * sizeof(StValue)));
    free(o->slots);
    o->slots = NULL;
  }
  st_elements_free(h, o);
}

static void trace_object(StHeap *h, StCell *c) { st_object_trace_base(h, (StObject *)c); }
static void finalize_object(StHeap *h, StCell *c) { st_object_finalize_base(h, (StObject *)c); }

static void trace_wrapper(StHeap *h, StCell *c) {
  st_object_trace_base(h, (StObject *)c);
  st_gc_mark_value(h, ((StWrapper *)c)->value);
}

static void trace_arguments(StHeap *h, StCell *c) {
  st_object_trace_base(h, (StObject *)c);
  st_gc_mark_cell(h, (StCell *)((StArguments *)c)->ctx);
}

static void trace_iterator(StHeap *h, StCell *c) {
  st_object_trace_base(h, (StObject *)c);
  st_gc_mark_value(h, ((StIteratorObject *)c)->target);
}

static void trace_accessor(StHeap *h, StCell *c) {
  StAccessor *a = (StAccessor *)c;
  st_gc_mark_value(h, a->getter);
  st_gc_mark_value(h, a->setter);
}

void st_object_init(StVM *vm) {
  StHeap *h = vm->heap;
  st_gc_register_kind(h, ST_KIND_OBJECT, "Object", trace_object, finalize_object);
  st_gc_register_kind(h, ST_KIND_ARRAY, "Array", trace_object, finalize_object);
  st_gc_register_kind(h, ST_KIND_ERROR, "Error", trace_object, finalize_object);
  st_gc_register_kind(h, ST_KIND_FORIN_ENUM, "ForInEnumerator", trace_iterator, finalize_object);
  st_gc_register_kind(h, ST_KIND_ITERATOR, "Iterator", trace_iterator, finalize_object);
  st_gc_register_kind(h, ST_KIND_ARGUMENTS, "Arguments", trace_arguments, finalize_object);
  st_gc_register_kind(h, ST_KIND_BOOLEAN_OBJECT, "Boolean", trace_wrapper, finalize_object);
  st_gc_register_kind(h, ST_KIND_NUMBER_OBJECT, "Number", trace_wrapper, finalize_object);
  st_gc_register_kind(h, ST_KIND_STRING_OBJECT, "String", trace_wrapper, finalize_object);
  st_gc_register_kind(h, ST_KIND_SYMBOL_OBJECT, "Symbol", trace_wrapper, finalize_object);
  st_gc_register_kind(h, ST_KIND_ACCESSOR, "accessor", trace_accessor, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Allocation                                                                                 */

StObject *st_object_alloc(StVM *vm, StCellKind kind, size_t size, StObject *proto,
                          uint32_t inline_cap) {
  ST_ASSERT(size >= sizeof(StObject) && size % 8 == 0, "bad object size %zu", size);
  StShape *shape = st_shape_root(vm, kind, size, inline_cap, proto);
  if (!shape) return NULL;
  StObject *o = st_vm_alloc(vm, kind, size + (size_t)shape->inline_cap * sizeof(StValue));
  if (!o) return NULL;
  o->shape = shape;
  o->hdr.flags = ST_OBJECT_EXTENSIBLE;
  return o;
}

StObject *st_object_new(StVM *vm, StObject *proto, uint32_t inline_cap) {
  if (proto && proto == vm->intrinsics.ObjectPrototype && inline_cap == ST_OBJECT_DEFAULT_INLINE) {
    if (!vm->object_shape || vm->object_shape->proto != proto) {
      vm->object_shape = st_shape_root(vm, ST_KIND_OBJECT, sizeof(StObject), inline_cap, proto);
      if (!vm->object_shape) return NULL;
    }
    StObject *o = st_vm_alloc(vm, ST_KIND_OBJECT,
                              sizeof(StObject) + ST_OBJECT_DEFAULT_INLINE * sizeof(StValue));
    if (!o) return NULL;
    o->shape = vm->object_shape;
    o->hdr.flags = ST_OBJECT_EXTENSIBLE;
    return o;
  }
  return st_object_alloc(vm, ST_KIND_OBJECT, sizeof(StObject), proto, inline_cap);
}

/* The hottest allocation (`new C`, object literals, closures): the cell comes from
 * st_gc_alloc_uninit, so each byte is written once (header fields, then undefined in every
 * slot) instead of being zeroed first. Nothing between the allocation and the last store can
 * collect (st_xmalloc and st_gc_external do not), so no tracer sees a half-built object. */
StObject *st_object_new_with_shape(StVM *vm, StShape *shape, size_t size) {
  ST_ASSERT(!st_shape_is_dict(shape), "sharing a dictionary shape");
  ST_ASSERT(size >= sizeof(StObject) && size % 8 == 0, "bad object size %zu", size);
  uint32_t icap = shape->inline_cap;
  size_t total = size + (size_t)icap * sizeof(StValue);
  StObject *o = st_gc_alloc_uninit(vm->heap, shape->obj_kind, total);
  if (ST_UNLIKELY(!o)) {
    st_vm_throw_oom(vm);
    return NULL;
  }
  o->hdr.flags = ST_OBJECT_EXTENSIBLE;
  o->shape = shape;
  o->slots = NULL;
  o->elements = NULL;
  StValue *in = (StValue *)o + shape->inline_start;
  /* Kind-specific fields (StFunction's...) start zeroed, as st_gc_alloc gives them. */
  if (ST_UNLIKELY((char *)in != (char *)(o + 1)))
    memset(o + 1, 0, total - sizeof(StObject));
  for (uint32_t i = 0; i < icap; i++) in[i] = ST_UNDEFINED;
  uint32_t n = shape->hdr.aux;
  if (n > icap) {
    uint32_t cap = st_object_overflow_cap(n - icap);
    o->slots = st_xmalloc(cap * sizeof(StValue));
    st_gc_external(vm->heap, (int64_t)(cap * sizeof(StValue)));
    for (uint32_t i = 0; i < n - icap; i++) o->slots[i] = ST_UNDEFINED;
  }
  return o;
}

static StShape *array_root(StVM *vm) {
  StObject *proto = vm->intrinsics.ArrayPrototype;
  if (!vm->array_shape || vm->array_shape->proto != proto)
    vm->array_shape = st_shape_root(vm, ST_KIND_ARRAY, sizeof(StObject), 0, proto);
  return vm->array_shape;
}

StObject *st_array_new(StVM *vm, uint32_t capacity) {
  StShape *shape = array_root(vm);
  if (!shape) return NULL;
  StObject *a = st_vm_alloc(vm, ST_KIND_ARRAY, sizeof(StObject));
  if (!a) return NULL;
  a->shape = shape;
  a->hdr.flags = ST_OBJECT_EXTENSIBLE;
  if (capacity) st_elements_reserve(vm, a, capacity);
  return a;
}

StObject *st_array_from(StVM *vm, uint32_t n, const StValue *items) {
  StObject *a = st_array_new(vm, n);
  if (!a) return NULL;
  for (uint32_t i = 0; i < n; i++) {
    a->elements->data[i] = items[i];
    st_object_note_element(a, items[i]);
  }
  if (n) a->elements->length = n;
  a->hdr.aux = n;
  return a;
}

/* ------------------------------------------------------------------------------------------ */
/* Messages                                                                                   */

const char *st_object_key_cstr(StVM *vm, StValue key, char *buf, size_t cap) {
  if (st_is_string(key)) {
    size_t n;
    char *s = st_string_to_utf8(vm, st_get_string(key), &n);
    snprintf(buf, cap, "%s", s ? s : "?");
    free(s);
  } else if (st_is_symbol(key)) {
    StSymbol *sym = st_get_symbol(key);
    char d[200] = "";
    if (st_is_string(sym->description)) st_object_key_cstr(vm, sym->description, d, sizeof d);
    snprintf(buf, cap, "Symbol(%s)", d);
  } else if (st_is_number(key)) {
    snprintf(buf, cap, "%.17g", st_get_number(key));
  } else {
    snprintf(buf, cap, "?");
  }
  return buf;
}

static const char *object_cstr(StVM *vm, StObject *o, char *buf, size_t cap) {
  if (st_object_is_callable(o)) {
    char n[160];
    snprintf(buf, cap, "function %s", st_function_debug_name(vm, o, n, sizeof n));
    return buf;
  }
  snprintf(buf, cap, "#<%s>", o->hdr.kind == ST_KIND_ARRAY ? "Array" : st_ops_builtin_tag(vm, o));
  return buf;
}

/* A refused write: TypeError in strict code, silently ignored otherwise. */
typedef enum Refusal { REFUSE_READONLY, REFUSE_GETTER_ONLY, REFUSE_NOT_EXTENSIBLE } Refusal;

static int refuse(StVM *vm, bool strict, Refusal why, StObject *o, StValue key) {
  if (!strict) return 0;
  char k[200], ob[200];
  st_object_key_cstr(vm, key, k, sizeof k);
  switch (why) {
  case REFUSE_READONLY:
    st_vm_type_error(vm, "Cannot assign to read only property '%s' of object '%s'", k,
                     object_cstr(vm, o, ob, sizeof ob));
    break;
  case REFUSE_GETTER_ONLY:
    st_vm_type_error(vm, "Cannot set property %s of %s which has only a getter", k,
                     object_cstr(vm, o, ob, sizeof ob));
    break;
  case REFUSE_NOT_EXTENSIBLE:
    st_vm_type_error(vm, "Cannot add property %s, object is not extensible", k);
    break;
  }
  return -1;
}

/* ------------------------------------------------------------------------------------------ */
/* Shape changes                                                                              */

/* `added`: the change only added a property. Slots of the global object (a dictionary) stay
 * where they are when properties are added, so global caches survive adds. */
static bool shape_changed_by(StVM *vm, StObject *o, bool added) {
  if (o->hdr.flags & ST_OBJECT_IS_PROTOTYPE) {
    vm->proto_epoch++;
    if (st_shape_is_dict(o->shape)) {
      StShape *n = st_shape_dict_renew(vm, o->shape);
      if (!n) return false;
      o->shape = n;
    }
  }
  if (o == vm->global && !added) vm->global_epoch++;
  if ((o->hdr.flags & ST_OBJECT_HAS_DEPENDENTS) && vm->hooks.dependency_broken)
    vm->hooks.dependency_broken(vm, o);
  return true;
}

static bool shape_changed(StVM *vm, StObject *o) { return shape_changed_by(vm, o, false); }

static bool to_dict(StVM *vm, StObject *o) {
  if (st_shape_is_dict(o->shape)) return true;
  StShape *d = st_shape_to_dict(vm, o->shape);
  if (!d) return false;
  o->shape = d;
  return true;
}

void st_object_mark_prototype(StVM *vm, StObject *o) {
  if (o->hdr.flags & ST_OBJECT_IS_PROTOTYPE) return;
  o->hdr.flags |= ST_OBJECT_IS_PROTOTYPE;
  if (o->elements || (o->hdr.flags & ST_OBJECT_EXOTIC)) vm->protos_have_elements = true;
}

/* Grows o's overflow storage from `old_cap` to `new_cap` slots. */
static void grow_overflow(StVM *vm, StObject *o, uint32_t old_cap, uint32_t new_cap) {
  if (new_cap <= old_cap) return;
  o->slots = st_xrealloc(o->slots, new_cap * sizeof(StValue));
  for (uint32_t i = old_cap; i < new_cap; i++) o->slots[i] = ST_UNDEFINED;
  st_gc_external(vm->heap, (int64_t)(new_cap - old_cap) * (int64_t)sizeof(StValue));
}

/* ------------------------------------------------------------------------------------------ */
/* Own named properties                                                                       */

bool st_object_find_own(StVM *vm, StObject *o, StValue key, StPropInfo *out) {
  return st_shape_find(vm, o->shape, key, out);
}

bool st_object_add(StVM *vm, StObject *o, StValue key, StValue v, uint8_t attrs) {
  ST_ASSERT(st_is_symbol(key) || (st_is_string(key) &&
            (st_get_string(key)->hdr.flags & ST_STRING_INTERNED)), "key not interned");
  StShape *s = o->shape;
  uint32_t slot;
  if (!st_shape_is_dict(s) && s->hdr.aux >= ST_SHAPE_MAX_FAST_PROPS) {
    if (!to_dict(vm, o)) return false;
    s = o->shape;
  }
  if (st_shape_is_dict(s)) {
    uint32_t old_cap = s->table->slot_cap;
    st_shape_dict_add(vm, s, key, attrs, &slot);
    uint32_t new_cap = s->table->slot_cap;
    grow_overflow(vm, o, old_cap > s->inline_cap ? old_cap - s->inline_cap : 0,
                  new_cap > s->inline_cap ? new_cap - s->inline_cap : 0);
  } else {
    StShape *n = st_shape_add(vm, s, key, attrs);
    if (!n) return false;
    slot = n->hdr.aux - 1;
    if (slot >= s->inline_cap) {
      uint32_t j = slot - s->inline_cap; /* overflow slots in use before this one */
      grow_overflow(vm, o, st_object_overflow_cap(j), st_object_overflow_cap(j + 1));
    }
    o->shape = n;
  }
  *st_object_slot(o, slot) = v;
  st_gc_write_barrier(vm->heap, &o->hdr, v);
  return shape_changed_by(vm, o, true);
}

/* Writes the value of an existing own data property. */
ST_INLINE void write_slot(StVM *vm, StObject *o, uint32_t slot, StValue v) {
  *st_object_slot(o, slot) = v;
  st_gc_write_barrier(vm->heap, &o->hdr, v);
}

/* Changes attributes (and value) of an existing own property: dictionary mode. */
static bool reconfigure(StVM *vm, StObject *o, StValue key, StValue v, uint8_t attrs) {
  StPropInfo info;
  if (!st_shape_find(vm, o->shape, key, &info)) return false;
  if (info.attrs != attrs) {
    if (!to_dict(vm, o)) return false;
    st_shape_dict_set_attrs(vm, o->shape, key, attrs);
  }
  write_slot(vm, o, info.slot, v);
  return info.attrs == attrs || shape_changed(vm, o);
}

int st_object_define(StVM *vm, StObject *o, StValue key, StValue v, uint8_t attrs) {
  StPropDesc d = {.value = v, .has_value = true, .has_writable = true,
                  .has_enumerable = true, .has_configurable = true,
                  .writable = attrs & ST_ATTR_WRITABLE, .enumerable = attrs & ST_ATTR_ENUMERABLE,
                  .configurable = attrs & ST_ATTR_CONFIGURABLE};
  /* Fast path: a new property on an ordinary extensible object. */
  StPropInfo info;
  if (!(o->hdr.flags & ST_OBJECT_EXOTIC) && o->hdr.kind != ST_KIND_ARRAY &&
      !st_shape_find(vm, o->shape, key, &info)) {
    if (!(o->hdr.flags & ST_OBJECT_EXTENSIBLE)) return 0;
    return st_object_add(vm, o, key, v, attrs) ? 1 : -1;
  }
  return st_object_define_desc(vm, o, key, &d);
}

int st_object_define_accessor(StVM *vm, StObject *o, StValue key, StValue getter,
                              StValue setter, uint8_t attrs) {
  StPropDesc d = {.get = getter, .set = setter, .has_get = true, .has_set = true,
                  .has_enumerable = true, .has_configurable = true,
                  .enumerable = attrs & ST_ATTR_ENUMERABLE,
                  .configurable = attrs & ST_ATTR_CONFIGURABLE};
  return st_object_define_desc(vm, o, key, &d);
}

/* ------------------------------------------------------------------------------------------ */
/* Keys                                                                                       */

/* ToPropertyKey, canonicalized: an interned string or symbol, or ST_HOLE with *index_out set
 * for a canonical array index. */
StValue st_object_to_key(StVM *vm, StValue v, uint32_t *index_out) {
  for (;;) {
    if (st_is_int(v)) {
      int32_t i = st_get_int(v);
      if (i >= 0) {
        *index_out = (uint32_t)i;
        return ST_HOLE;
      }
      StString *s = st_string_from_int(vm, i);
      return s ? st_string_value(st_string_intern(vm, s)) : ST_EXCEPTION;
    }
    if (st_is_double(v)) {
      double d = st_get_double(v);
      if (d >= 0 && d <= 4294967294.0 && d == floor(d)) {
        *index_out = (uint32_t)d; /* -0 too: ToString(-0) is "0" */
        return ST_HOLE;
      }
      StString *s = st_string_from_double(vm, d);
      return s ? st_string_value(st_string_intern(vm, s)) : ST_EXCEPTION;
    }
    if (st_is_string(v)) {
      StString *s = st_get_string(v);
      if (st_string_as_index(vm, s, index_out)) return ST_HOLE;
      if (s->hdr.flags & ST_STRING_INTERNED) return v;
      StString *i = st_string_intern(vm, s);
      return i ? st_string_value(i) : ST_EXCEPTION;
    }
    if (st_is_symbol(v)) return v;
    if (st_is_object(v)) {
      v = st_ops_to_primitive(vm, v, ST_HINT_STRING);
      if (v == ST_EXCEPTION) return ST_EXCEPTION;
      continue;
    }
    StString *s = st_ops_to_string(vm, v); /* undefined, null, booleans */
    if (!s) return ST_EXCEPTION;
    v = st_string_value(s);
  }
}

/* The property-key form of an array index, for messages and own-keys lists. */
static StValue index_key_string(StVM *vm, uint32_t i) {
  StString *s = i <= INT32_MAX ? st_string_from_int(vm, (int32_t)i)
                               : st_string_from_double(vm, (double)i);
  return s ? st_string_value(s) : ST_EXCEPTION;
}

/* ------------------------------------------------------------------------------------------ */
/* Exotic elements: String wrappers and mapped arguments                                      */

static bool string_wrapper_char(StVM *vm, StObject *o, uint32_t i, StValue *out) {
  if (o->hdr.kind != ST_KIND_STRING_OBJECT) return false;
  StString *s = st_get_string(((StWrapper *)o)->value);
  if (i >= st_string_length(s)) return false;
  StString *f = st_string_flatten(vm, s);
  if (!f) return false;
  StString *c = st_string_from_unit(vm, st_string_unit_at(f, i));
  if (!c) return false;
  *out = st_string_value(c);
  return true;
}

ST_INLINE bool arguments_mapped(StObject *o, uint32_t i) {
  return o->hdr.kind == ST_KIND_ARGUMENTS && i < 64 && (((StArguments *)o)->mapped >> i) & 1;
}

static void arguments_unmap(StObject *o, uint32_t i) {
  if (o->hdr.kind == ST_KIND_ARGUMENTS && i < 64) ((StArguments *)o)->mapped &= ~(1ull << i);
}

/* Own element (exotics included): 1 found, 0 absent. */
static int get_own_element(StVM *vm, StObject *o, uint32_t i, StValue *out, uint8_t *attrs) {
  if (ST_UNLIKELY(o->hdr.flags & ST_OBJECT_EXOTIC)) {
    if (string_wrapper_char(vm, o, i, out)) {
      *attrs = ST_ATTR_ENUMERABLE;
      return 1;
    }
    if (arguments_mapped(o, i)) {
      int r = st_elements_get_own(vm, o, i, out, attrs);
      if (r) *out = ((StArguments *)o)->ctx->slots[i];
      return r;
    }
  }
  return st_elements_get_own(vm, o, i, out, attrs);
}

/* ------------------------------------------------------------------------------------------ */
/* [[Get]]                                                                                    */

static StValue call_getter(StVM *vm, StValue accessor, StValue receiver) {
  StAccessor *a = st_get_cell(accessor);
  if (st_is_undefined(a->getter)) return ST_UNDEFINED;
  return st_vm_call(vm, a->getter, receiver, 0, NULL);
}

StValue st_object_get(StVM *vm, StObject *o, StValue key, StValue receiver) {
  StObject *obj = o;
  do {
    if (ST_UNLIKELY(obj->hdr.kind == ST_KIND_ARRAY) && key == st_string_value(vm->atoms.length))
      return st_number((double)obj->hdr.aux);
    StPropInfo info;
    if (st_shape_find(vm, obj->shape, key, &info)) {
      StValue v = *st_object_slot(obj, info.slot);
      if (ST_LIKELY(!(info.attrs & ST_ATTR_ACCESSOR))) return v;
      return call_getter(vm, v, receiver);
    }
    obj = obj->shape->proto;
  } while (obj);
  return ST_UNDEFINED;
}

StValue st_object_get_index(StVM *vm, StObject *o, uint32_t index, StValue receiver) {
  StObject *obj = o;
  do {
    StValue v;
    uint8_t attrs;
    if (get_own_element(vm, obj, index, &v, &attrs)) {
      if (ST_LIKELY(!(attrs & ST_ATTR_ACCESSOR))) return v;
      return call_getter(vm, v, receiver);
    }
    if (!vm->protos_have_elements) return ST_UNDEFINED;
    obj = obj->shape->proto;
  } while (obj);
  return ST_UNDEFINED;
}

/* ------------------------------------------------------------------------------------------ */
/* [[Set]]                                                                                    */

static int call_setter(StVM *vm, StValue accessor, StValue receiver, StValue v, bool strict,
                       StObject *o, StValue key) {
  StAccessor *a = st_get_cell(accessor);
  if (st_is_undefined(a->setter)) return refuse(vm, strict, REFUSE_GETTER_ONLY, o, key);
  StValue r = st_vm_call(vm, a->setter, receiver, 1, &v);
  return r == ST_EXCEPTION ? -1 : 1;
}

/* OrdinarySet's tail: the property was not found, or found as a writable data property on a
 * prototype: create or update it on the receiver. */
static int set_on_receiver(StVM *vm, StObject *o, StValue key, StValue v, StValue receiver,
                           bool strict) {
  if (!st_is_object(receiver)) {
    if (!strict) return 0;
    char k[200];
    st_vm_type_error(vm, "Cannot create property '%s' on %s", st_object_key_cstr(vm, key, k, sizeof k),
                     st_is_string(receiver) ? "string" : st_is_number(receiver) ? "number"
                     : st_is_bool(receiver) ? "boolean" : "primitive");
    return -1;
  }
  StObject *r = st_get_object(receiver);
  if (r != o) {
    StPropDesc d;
    int has = st_object_get_own_desc(vm, r, key, &d);
    if (has < 0) return -1;
    if (has) {
      if (d.has_get || d.has_set || !d.writable) return refuse(vm, strict, REFUSE_READONLY, r, key);
      StPropDesc w = {.value = v, .has_value = true};
      int ok = st_object_define_desc(vm, r, key, &w);
      return ok < 0 ? -1 : ok ? 1 : refuse(vm, strict, REFUSE_READONLY, r, key);
    }
  }
  if (!(r->hdr.flags & ST_OBJECT_EXTENSIBLE)) return refuse(vm, strict, REFUSE_NOT_EXTENSIBLE, r, key);
  return st_object_add(vm, r, key, v, ST_ATTR_DEFAULT) ? 1 : -1;
}

int st_object_set(StVM *vm, StObject *o, StValue key, StValue v, StValue receiver, bool strict) {
  StObject *obj = o;
  StValue length_key = st_string_value(vm->atoms.length);
  do {
    if (ST_UNLIKELY(obj->hdr.kind == ST_KIND_ARRAY) && key == length_key) {
      if (obj->hdr.flags & ST_OBJECT_LENGTH_RO) return refuse(vm, strict, REFUSE_READONLY, obj, key);
      if (st_is_object(receiver) && st_get_object(receiver) == obj) {
        double len;
        StValue n = st_ops_to_number(vm, v);
        if (n == ST_EXCEPTION) return -1;
        len = st_get_number(n);
        return st_array_set_length(vm, obj, len, strict);
      }
      break;
    }
    StPropInfo info;
    if (st_shape_find(vm, obj->shape, key, &info)) {
      if (info.attrs & ST_ATTR_ACCESSOR)
        return call_setter(vm, *st_object_slot(obj, info.slot), receiver, v, strict, obj, key);
      if (!(info.attrs & ST_ATTR_WRITABLE)) return refuse(vm, strict, REFUSE_READONLY, obj, key);
      if (st_is_object(receiver) && st_get_object(receiver) == obj) {
        write_slot(vm, obj, info.slot, v);
        return 1;
      }
      break;
    }
    obj = obj->shape->proto;
  } while (obj);
  return set_on_receiver(vm, o, key, v, receiver, strict);
}

int st_object_set_index(StVM *vm, StObject *o, uint32_t index, StValue v, StValue receiver,
                        bool strict) {
  bool own = st_is_object(receiver) && st_get_object(receiver) == o;
  /* Fast path: an existing dense element of the receiver itself. */
  if (own && !(o->hdr.flags & (ST_OBJECT_SPARSE | ST_OBJECT_EXOTIC)) && o->elements &&
      index < o->elements->length && o->elements->data[index] != ST_HOLE) {
    o->elements->data[index] = v;
    st_object_note_element(o, v);
    st_gc_write_barrier(vm->heap, &o->hdr, v);
    return 1;
  }
  StObject *obj = o;
  do {
    StValue cur;
    uint8_t attrs;
    if (get_own_element(vm, obj, index, &cur, &attrs)) {
      if (attrs & ST_ATTR_ACCESSOR) {
        StValue key = index_key_string(vm, index);
        if (key == ST_EXCEPTION) return -1;
        return call_setter(vm, cur, receiver, v, strict, obj, key);
      }
      if (!(attrs & ST_ATTR_WRITABLE)) {
        StValue key = index_key_string(vm, index);
        return key == ST_EXCEPTION ? -1 : refuse(vm, strict, REFUSE_READONLY, obj, key);
      }
      break; /* writable data element: the write lands on the receiver */
    }
    if (!vm->protos_have_elements) break;
    obj = obj->shape->proto;
  } while (obj);
  if (!own) {
    StValue key = index_key_string(vm, index);
    if (key == ST_EXCEPTION) return -1;
    if (!st_is_object(receiver)) return set_on_receiver(vm, o, key, v, receiver, strict);
    StPropDesc d = {.value = v, .has_value = true, .has_writable = true, .writable = true,
                    .has_enumerable = true, .enumerable = true, .has_configurable = true,
                    .configurable = true};
    StObject *r = st_get_object(receiver);
    StPropDesc cur;
    int has = st_object_get_own_desc(vm, r, key, &cur);
    if (has < 0) return -1;
    if (has) {
      if (cur.has_get || cur.has_set || !cur.writable) return refuse(vm, strict, REFUSE_READONLY, r, key);
      d = (StPropDesc){.value = v, .has_value = true};
    }
    int ok = st_object_define_desc(vm, r, st_number((double)index), &d);
    return ok < 0 ? -1 : ok ? 1 : refuse(vm, strict, REFUSE_NOT_EXTENSIBLE, r, key);
  }
  /* Own write: an existing writable element, or a new one. */
  StValue cur;
  uint8_t attrs;
  int exists = get_own_element(vm, o, index, &cur, &attrs);
  if (!exists) {
    if (!(o->hdr.flags & ST_OBJECT_EXTENSIBLE) ||
        (o->hdr.kind == ST_KIND_ARRAY && index >= o->hdr.aux &&
         (o->hdr.flags & ST_OBJECT_LENGTH_RO))) {
      StValue key = index_key_string(vm, index);
      return key == ST_EXCEPTION ? -1
             : refuse(vm, strict, (o->hdr.flags & ST_OBJECT_EXTENSIBLE) ? REFUSE_READONLY
                                                                       : REFUSE_NOT_EXTENSIBLE,
                      o, key);
    }
    if (o->hdr.flags & ST_OBJECT_IS_PROTOTYPE) vm->protos_have_elements = true;
  }
  if (arguments_mapped(o, index)) ((StArguments *)o)->ctx->slots[index] = v;
  if (!st_elements_put(vm, o, index, v)) return -1;
  st_gc_write_barrier(vm->heap, &o->hdr, v);
  return 1;
}

/* ------------------------------------------------------------------------------------------ */
/* [[HasProperty]] and [[Delete]]                                                             */

int st_object_has_own(StVM *vm, StObject *o, StValue any_key) {
  uint32_t index;
  StValue key = st_object_to_key(vm, any_key, &index);
  if (key == ST_EXCEPTION) return -1;
  if (key == ST_HOLE) {
    StValue v;
    uint8_t attrs;
    return get_own_element(vm, o, index, &v, &attrs);
  }
  if (o->hdr.kind == ST_KIND_ARRAY && key == st_string_value(vm->atoms.length)) return 1;
  StPropInfo info;
  return st_shape_find(vm, o->shape, key, &info) ? 1 : 0;
}

int st_object_has(StVM *vm, StObject *o, StValue key) {
  StValue length_key = st_string_value(vm->atoms.length);
  for (StObject *obj = o; obj; obj = obj->shape->proto) {
    if (obj->hdr.kind == ST_KIND_ARRAY && key == length_key) return 1;
    StPropInfo info;
    if (st_shape_find(vm, obj->shape, key, &info)) return 1;
  }
  return 0;
}

int st_object_has_index(StVM *vm, StObject *o, uint32_t index) {
  for (StObject *obj = o; obj; obj = obj->shape->proto) {
    StValue v;
    uint8_t attrs;
    if (get_own_element(vm, obj, index, &v, &attrs)) return 1;
    if (!vm->protos_have_elements) return 0;
  }
  return 0;
}

static int refuse_delete(StVM *vm, bool strict, StObject *o, StValue key) {
  if (!strict) return 0;
  char k[200], ob[200];
  st_vm_type_error(vm, "Cannot delete property '%s' of %s", st_object_key_cstr(vm, key, k, sizeof k),
                   object_cstr(vm, o, ob, sizeof ob));
  return -1;
}

int st_object_delete(StVM *vm, StObject *o, StValue key, bool strict) {
  if (o->hdr.kind == ST_KIND_ARRAY && key == st_string_value(vm->atoms.length))
    return refuse_delete(vm, strict, o, key);
  StPropInfo info;
  if (!st_shape_find(vm, o->shape, key, &info)) return 1;
  if (!(info.attrs & ST_ATTR_CONFIGURABLE)) return refuse_delete(vm, strict, o, key);
  if (!to_dict(vm, o)) return -1;
  write_slot(vm, o, info.slot, ST_UNDEFINED); /* don't keep the old value alive */
  st_shape_dict_remove(vm, o->shape, key);
  return shape_changed(vm, o) ? 1 : -1;
}

int st_object_delete_index(StVM *vm, StObject *o, uint32_t index, bool strict) {
  StValue v;
  uint8_t attrs;
  if (!get_own_element(vm, o, index, &v, &attrs)) return 1;
  if (!(attrs & ST_ATTR_CONFIGURABLE)) {
    StValue key = index_key_string(vm, index);
    return key == ST_EXCEPTION ? -1 : refuse_delete(vm, strict, o, key);
  }
  arguments_unmap(o, index);
  st_elements_remove(vm, o, index);
  return 1;
}

/* ------------------------------------------------------------------------------------------ */
/* Property descriptors                                                                       */

int st_object_get_own_desc(StVM *vm, StObject *o, StValue key_any, StPropDesc *out) {
  uint32_t index;
  StValue key = st_object_to_key(vm, key_any, &index);
  if (key == ST_EXCEPTION) return -1;
  memset(out, 0, sizeof *out);
  StValue v;
  uint8_t attrs;
  if (key == ST_HOLE) {
    if (!get_own_element(vm, o, index, &v, &attrs)) return 0;
  } else if (o->hdr.kind == ST_KIND_ARRAY && key == st_string_value(vm->atoms.length)) {
    v = st_number((double)o->hdr.aux);
    attrs = (o->hdr.flags & ST_OBJECT_LENGTH_RO) ? 0 : ST_ATTR_WRITABLE;
  } else {
    StPropInfo info;
    if (!st_shape_find(vm, o->shape, key, &info)) return 0;
    v = *st_object_slot(o, info.slot);
    attrs = info.attrs;
  }
  out->has_enumerable = out->has_configurable = true;
  out->enumerable = (attrs & ST_ATTR_ENUMERABLE) != 0;
  out->configurable = (attrs & ST_ATTR_CONFIGURABLE) != 0;
  if (attrs & ST_ATTR_ACCESSOR) {
    StAccessor *a = st_get_cell(v);
    out->get = a->getter;
    out->set = a->setter;
    out->has_get = out->has_set = true;
  } else {
    out->value = v;
    out->has_value = out->has_writable = true;
    out->writable = (attrs & ST_ATTR_WRITABLE) != 0;
  }
  return 1;
}

static bool is_accessor_desc(const StPropDesc *d) { return d->has_get || d->has_set; }
static bool is_data_desc(const StPropDesc *d) { return d->has_value || d->has_writable; }

/* Array `length` redefinition (ArraySetLength). */
static int define_array_length(StVM *vm, StObject *a, const StPropDesc *d) {
  if (is_accessor_desc(d) || (d->has_configurable && d->configurable) ||
      (d->has_enumerable && d->enumerable))
    return 0;
  bool ro = (a->hdr.flags & ST_OBJECT_LENGTH_RO) != 0;
  if (d->has_value) {
    double len;
    StValue n = st_ops_to_number(vm, d->value);
    if (n == ST_EXCEPTION) return -1;
    len = st_get_number(n);
    uint32_t ilen;
    if (!st_ops_to_uint32(vm, d->value, &ilen)) return -1;
    if ((double)ilen != len) {
      st_vm_range_error(vm, "Invalid array length");
      return -1;
    }
    if (ilen != a->hdr.aux) {
      if (ro) return 0;
      uint32_t res = ilen < a->hdr.aux ? st_elements_truncate(vm, a, ilen) : ilen;
      a->hdr.aux = res;
      if (d->has_writable && !d->writable) a->hdr.flags |= ST_OBJECT_LENGTH_RO;
      if (res != ilen) return 0;
      return 1;
    }
  }
  if (d->has_writable) {
    if (d->writable && ro) return 0;
    if (!d->writable) a->hdr.flags |= ST_OBJECT_LENGTH_RO;
  }
  return 1;
}

int st_object_define_desc(StVM *vm, StObject *o, StValue key_any, const StPropDesc *d) {
  uint32_t index;
  StValue key = st_object_to_key(vm, key_any, &index);
  if (key == ST_EXCEPTION) return -1;
  if (key != ST_HOLE && o->hdr.kind == ST_KIND_ARRAY && key == st_string_value(vm->atoms.length))
    return define_array_length(vm, o, d);
  bool is_index = key == ST_HOLE;

  StPropDesc cur;
  int has;
  if (is_index) {
    if (o->hdr.kind == ST_KIND_ARRAY && index >= o->hdr.aux && (o->hdr.flags & ST_OBJECT_LENGTH_RO))
      return 0;
    StValue v;
    uint8_t attrs;
    has = get_own_element(vm, o, index, &v, &attrs);
    if (has) has = st_object_get_own_desc(vm, o, st_number((double)index), &cur);
  } else {
    has = st_object_get_own_desc(vm, o, key, &cur);
  }
  if (has < 0) return -1;

  if (!has) {
    if (!(o->hdr.flags & ST_OBJECT_EXTENSIBLE)) return 0;
    uint8_t attrs = (d->enumerable && d->has_enumerable ? ST_ATTR_ENUMERABLE : 0) |
                    (d->configurable && d->has_configurable ? ST_ATTR_CONFIGURABLE : 0);
    StValue v;
    if (is_accessor_desc(d)) {
      StAccessor *acc = st_function_new_accessor(vm, d->has_get ? d->get : ST_UNDEFINED,
                                                 d->has_set ? d->set : ST_UNDEFINED);
      if (!acc) return -1;
      v = st_cell_value(acc);
      attrs |= ST_ATTR_ACCESSOR;
    } else {
      v = d->has_value ? d->value : ST_UNDEFINED;
      if (d->has_writable && d->writable) attrs |= ST_ATTR_WRITABLE;
    }
    if (is_index) {
      if (o->hdr.flags & ST_OBJECT_IS_PROTOTYPE) vm->protos_have_elements = true;
      return st_elements_define(vm, o, index, v, attrs) ? 1 : -1;
    }
    return st_object_add(vm, o, key, v, attrs) ? 1 : -1;
  }

  /* ValidateAndApplyPropertyDescriptor against the current property. */
  if (!cur.configurable) {
    if (d->has_configurable && d->configurable) return 0;
    if (d->has_enumerable && d->enumerable != cur.enumerable) return 0;
    bool cur_acc = cur.has_get || cur.has_set;
    if (is_accessor_desc(d) && !cur_acc) return 0;
    if (is_data_desc(d) && cur_acc) return 0;
    if (cur_acc) {
      if (d->has_get && !st_ops_same_value(vm, d->get, cur.get)) return 0;
      if (d->has_set && !st_ops_same_value(vm, d->set, cur.set)) return 0;
    } else if (!cur.writable) {
      if (d->has_writable && d->writable) return 0;
      if (d->has_value && !st_ops_same_value(vm, d->value, cur.value)) return 0;
    }
  }
  /* Apply: the merged descriptor. */
  bool enumerable = d->has_enumerable ? d->enumerable : cur.enumerable;
  bool configurable = d->has_configurable ? d->configurable : cur.configurable;
  uint8_t attrs = (enumerable ? ST_ATTR_ENUMERABLE : 0) | (configurable ? ST_ATTR_CONFIGURABLE : 0);
  StValue v;
  bool cur_acc = cur.has_get || cur.has_set;
  if (is_accessor_desc(d) || (cur_acc && !is_data_desc(d))) {
    StValue g = d->has_get ? d->get : (cur_acc ? cur.get : ST_UNDEFINED);
    StValue s = d->has_set ? d->set : (cur_acc ? cur.set : ST_UNDEFINED);
    StAccessor *acc = st_function_new_accessor(vm, g, s);
    if (!acc) return -1;
    v = st_cell_value(acc);
    attrs |= ST_ATTR_ACCESSOR;
  } else {
    v = d->has_value ? d->value : (cur_acc ? ST_UNDEFINED : cur.value);
    bool writable = d->has_writable ? d->writable : (cur_acc ? false : cur.writable);
    if (writable) attrs |= ST_ATTR_WRITABLE;
  }
  if (is_index) {
    if (arguments_mapped(o, index)) {
      if (is_accessor_desc(d)) {
        arguments_unmap(o, index);
      } else {
        if (d->has_value) ((StArguments *)o)->ctx->slots[index] = d->value;
        else v = ((StArguments *)o)->ctx->slots[index];
        if (d->has_writable && !d->writable) arguments_unmap(o, index);
      }
    }
    if (o->hdr.kind == ST_KIND_STRING_OBJECT) return 1; /* characters: validated above */
    return st_elements_define(vm, o, index, v, attrs) ? 1 : -1;
  }
  return reconfigure(vm, o, key, v, attrs) ? 1 : -1;
}

/* ------------------------------------------------------------------------------------------ */
/* Prototype and integrity                                                                    */

int st_object_set_proto(StVM *vm, StObject *o, StObject *proto) {
  if (o->shape->proto == proto) return 1;
  if (!(o->hdr.flags & ST_OBJECT_EXTENSIBLE)) return 0;
  for (StObject *p = proto; p; p = p->shape->proto)
    if (p == o) return 0;
  if (o == vm->intrinsics.ObjectPrototype) return 0; /* immutable prototype exotic */
  if (!to_dict(vm, o)) return -1;
  o->shape->proto = proto;
  if (proto) st_object_mark_prototype(vm, proto);
  return shape_changed(vm, o) ? 1 : -1;
}

void st_object_prevent_extensions(StVM *vm, StObject *o) {
  if (!(o->hdr.flags & ST_OBJECT_EXTENSIBLE)) return;
  /* Extensibility is not in the shape, so prototype-chain caches are unaffected; every path
   * that adds a property or element (interpreter and compiled code) checks the flag. */
  o->hdr.flags &= (uint16_t)~ST_OBJECT_EXTENSIBLE;
}

static bool restrict_all(StVM *vm, StObject *o, uint8_t clear) {
  st_object_prevent_extensions(vm, o);
  if (!to_dict(vm, o)) return false;
  StPropTable *t = o->shape->table;
  for (uint32_t i = 0; i < t->count; i++) {
    StPropEntry *e = &t->entries[i];
    if (e->key == ST_HOLE) continue;
    uint8_t c = clear;
    if (e->attrs & ST_ATTR_ACCESSOR) c &= (uint8_t)~ST_ATTR_WRITABLE;
    e->attrs &= (uint8_t)~c;
  }
  st_elements_restrict(vm, o, clear);
  if (o->hdr.kind == ST_KIND_ARRAY && (clear & ST_ATTR_WRITABLE)) o->hdr.flags |= ST_OBJECT_LENGTH_RO;
  return shape_changed(vm, o);
}

bool st_object_freeze(StVM *vm, StObject *o) {
  return restrict_all(vm, o, ST_ATTR_WRITABLE | ST_ATTR_CONFIGURABLE);
}

bool st_object_seal(StVM *vm, StObject *o) { return restrict_all(vm, o, ST_ATTR_CONFIGURABLE); }

typedef struct LackCheck {
  uint8_t mask;
  bool ok;
} LackCheck;

static bool check_lack(StVM *vm, StValue key, StPropInfo info, void *ud) {
  (void)vm;
  (void)key;
  LackCheck *c = ud;
  uint8_t m = c->mask;
  if (info.attrs & ST_ATTR_ACCESSOR) m &= (uint8_t)~ST_ATTR_WRITABLE;
  if (info.attrs & m) c->ok = false;
  return c->ok;
}

static bool all_lack(StVM *vm, StObject *o, uint8_t mask) {
  if (o->hdr.flags & ST_OBJECT_EXTENSIBLE) return false;
  LackCheck c = {mask, true};
  st_shape_each(vm, o->shape, check_lack, &c);
  if (!c.ok) return false;
  if (o->hdr.kind == ST_KIND_ARRAY && (mask & ST_ATTR_WRITABLE) &&
      !(o->hdr.flags & ST_OBJECT_LENGTH_RO))
    return false;
  /* String wrapper characters are non-writable and non-configurable already. */
  return st_elements_all_lack(vm, o, mask);
}

bool st_object_is_frozen(StVM *vm, StObject *o) {
  return all_lack(vm, o, ST_ATTR_WRITABLE | ST_ATTR_CONFIGURABLE);
}

bool st_object_is_sealed(StVM *vm, StObject *o) { return all_lack(vm, o, ST_ATTR_CONFIGURABLE); }

/* ------------------------------------------------------------------------------------------ */
/* [[OwnPropertyKeys]]                                                                        */

typedef struct KeyCollect {
  StObject *out;
  unsigned which;
  bool symbols_pass;
  bool failed;
} KeyCollect;

static bool collect_key(StVM *vm, StValue key, StPropInfo info, void *ud) {
  KeyCollect *c = ud;
  if ((c->which & ST_KEYS_ENUMERABLE) && !(info.attrs & ST_ATTR_ENUMERABLE)) return true;
  if (st_is_symbol(key) != c->symbols_pass) return true;
  if (!st_array_push(vm, c->out, key)) {
    c->failed = true;
    return false;
  }
  return true;
}

StObject *st_object_own_keys(StVM *vm, StObject *o, unsigned which) {
  StObject *out = st_array_new(vm, 8);
  if (!out) return NULL;
  if (which & ST_KEYS_STRINGS) {
    StVec(uint32_t) idx = {0};
    if (o->hdr.kind == ST_KIND_STRING_OBJECT) {
      uint32_t n = st_string_length(st_get_string(((StWrapper *)o)->value));
      for (uint32_t i = 0; i < n; i++) st_vec_push(&idx, i);
    }
    st_elements_keys(vm, o, (which & ST_KEYS_ENUMERABLE) != 0, &idx);
    for (size_t i = 0; i < idx.len; i++) {
      StValue k = index_key_string(vm, idx.data[i]);
      if (k == ST_EXCEPTION || !st_array_push(vm, out, k)) {
        st_vec_free(&idx);
        return NULL;
      }
    }
    st_vec_free(&idx);
    if (o->hdr.kind == ST_KIND_ARRAY && !(which & ST_KEYS_ENUMERABLE) &&
        !st_array_push(vm, out, st_string_value(vm->atoms.length)))
      return NULL;
    KeyCollect c = {out, which, false, false};
    st_shape_each(vm, o->shape, collect_key, &c);
    if (c.failed) return NULL;
  }
  if (which & ST_KEYS_SYMBOLS) {
    KeyCollect c = {out, which, true, false};
    st_shape_each(vm, o->shape, collect_key, &c);
    if (c.failed) return NULL;
  }
  return out;
}

/* ------------------------------------------------------------------------------------------ */
/* Arrays                                                                                     */

bool st_array_push_fast(StVM *vm, StObject *a, StValue v) {
  uint32_t n = a->hdr.aux;
  if (ST_LIKELY(!(a->hdr.flags & (ST_OBJECT_SPARSE | ST_OBJECT_EXOTIC | ST_OBJECT_LENGTH_RO)) &&
                (a->hdr.flags & ST_OBJECT_EXTENSIBLE) && n < UINT32_MAX - 1)) {
    StElements *e = a->elements;
    if (e && e->length == n && n < e->capacity) {
      e->data[n] = v;
      e->length = n + 1;
      a->hdr.aux = n + 1;
      st_object_note_element(a, v);
      st_gc_write_barrier(vm->heap, &a->hdr, v);
      return true;
    }
  }
  return false;
}

bool st_array_push(StVM *vm, StObject *a, StValue v) {
  if (st_array_push_fast(vm, a, v)) return true;
  uint32_t n = a->hdr.aux;
  if (n >= UINT32_MAX - 1) {
    st_vm_range_error(vm, "Invalid array length");
    return false;
  }
  int r = st_object_define(vm, a, st_number((double)n), v, ST_ATTR_DEFAULT);
  if (r == 0) st_vm_type_error(vm, "Cannot add property %u, object is not extensible", n);
  return r > 0;
}

int st_array_set_length(StVM *vm, StObject *a, double len, bool strict) {
  /* Range first: converting a negative, huge or NaN double to uint32_t is undefined. */
  uint32_t ilen = len >= 0 && len <= 4294967295.0 ? (uint32_t)len : 0;
  if (!(len >= 0 && len <= 4294967295.0 && (double)ilen == len)) {
    st_vm_range_error(vm, "Invalid array length");
    return -1;
  }
  if (a->hdr.flags & ST_OBJECT_LENGTH_RO) {
    if (ilen == a->hdr.aux) return 1;
    return refuse(vm, strict, REFUSE_READONLY, a, st_string_value(vm->atoms.length));
  }
  if (ilen < a->hdr.aux) {
    uint32_t res = st_elements_truncate(vm, a, ilen);
    a->hdr.aux = res;
    if (res != ilen) {
      char k[32];
      snprintf(k, sizeof k, "%u", res - 1);
      if (!strict) return 0;
      st_vm_type_error(vm, "Cannot delete property '%s' of [object Array]", k);
      return -1;
    }
  } else if (ilen > a->hdr.aux) {
    if (a->elements && !(a->hdr.flags & ST_OBJECT_SPARSE)) a->hdr.flags |= ST_OBJECT_HOLEY;
    a->hdr.aux = ilen;
  }
  return 1;
}

bool st_object_reserve_elements(StVM *vm, StObject *o, uint32_t capacity) {
  return st_elements_reserve(vm, o, capacity);
}

/* ------------------------------------------------------------------------------------------ */
/* Access on any value                                                                        */

StObject *st_value_proto_for(StVM *vm, StValue v) {
  if (st_is_object(v)) return st_get_object(v);
  if (st_is_string(v)) return vm->intrinsics.StringPrototype;
  if (st_is_number(v)) return vm->intrinsics.NumberPrototype;
  if (st_is_bool(v)) return vm->intrinsics.BooleanPrototype;
  if (st_is_symbol(v)) return vm->intrinsics.SymbolPrototype;
  return NULL;
}

static StValue nullish_error(StVM *vm, StValue base, StValue key, const char *verb) {
  char k[200];
  if (key == ST_HOLE) snprintf(k, sizeof k, "?");
  else st_object_key_cstr(vm, key, k, sizeof k);
  return st_vm_type_error(vm, "Cannot %s properties of %s (%s '%s')", verb,
                          st_is_null(base) ? "null" : "undefined",
                          verb[0] == 'r' ? "reading" : "setting", k);
}

StValue st_value_get(StVM *vm, StValue base, StValue key) {
  if (ST_LIKELY(st_is_object(base))) return st_object_get(vm, st_get_object(base), key, base);
  if (st_is_string(base) && key == st_string_value(vm->atoms.length))
    return st_int((int32_t)st_string_length(st_get_string(base)));
  StObject *proto = st_value_proto_for(vm, base);
  if (!proto) return nullish_error(vm, base, key, "read");
  return st_object_get(vm, proto, key, base);
}

static StValue get_index_any(StVM *vm, StValue base, uint32_t index) {
  if (st_is_object(base)) return st_object_get_index(vm, st_get_object(base), index, base);
  if (st_is_string(base)) {
    StString *s = st_get_string(base);
    if (index < st_string_length(s)) {
      StString *f = st_string_flatten(vm, s);
      if (!f) return ST_EXCEPTION;
      StString *c = st_string_from_unit(vm, st_string_unit_at(f, index));
      return c ? st_string_value(c) : ST_EXCEPTION;
    }
  }
  StObject *proto = st_value_proto_for(vm, base);
  if (!proto) {
    StValue k = index_key_string(vm, index);
    return k == ST_EXCEPTION ? k : nullish_error(vm, base, k, "read");
  }
  return st_object_get_index(vm, proto, index, base);
}

StValue st_value_get_elem(StVM *vm, StValue base, StValue keyval) {
  if (st_is_object(base) && st_is_int(keyval) && st_get_int(keyval) >= 0) {
    StValue v = st_object_dense_get(st_get_object(base), (uint32_t)st_get_int(keyval));
    if (v != ST_HOLE && !(st_get_object(base)->hdr.flags & ST_OBJECT_EXOTIC)) return v;
  }
  if (st_is_nullish(base)) {
    /* The key is converted after the base is checked, as V8 reports it. */
    StValue k = st_is_string(keyval) || st_is_symbol(keyval) ? keyval : ST_HOLE;
    return nullish_error(vm, base, k, "read");
  }
  uint32_t index;
  StValue key = st_object_to_key(vm, keyval, &index);
  if (key == ST_EXCEPTION) return ST_EXCEPTION;
  if (key == ST_HOLE) return get_index_any(vm, base, index);
  return st_value_get(vm, base, key);
}

int st_value_set(StVM *vm, StValue base, StValue key, StValue v, bool strict) {
  if (ST_LIKELY(st_is_object(base)))
    return st_object_set(vm, st_get_object(base), key, v, base, strict);
  StObject *proto = st_value_proto_for(vm, base);
  if (!proto) {
    nullish_error(vm, base, key, "set");
    return -1;
  }
  return st_object_set(vm, proto, key, v, base, strict);
}

int st_value_set_elem(StVM *vm, StValue base, StValue keyval, StValue v, bool strict) {
  if (st_is_nullish(base)) {
    StValue k = st_is_string(keyval) || st_is_symbol(keyval) ? keyval : ST_HOLE;
    nullish_error(vm, base, k, "set");
    return -1;
  }
  uint32_t index;
  StValue key = st_object_to_key(vm, keyval, &index);
  if (key == ST_EXCEPTION) return -1;
  if (key != ST_HOLE) return st_value_set(vm, base, key, v, strict);
  if (st_is_object(base)) return st_object_set_index(vm, st_get_object(base), index, v, base, strict);
  if (st_is_string(base) && index < st_string_length(st_get_string(base))) {
    StValue k = index_key_string(vm, index);
    return k == ST_EXCEPTION ? -1
           : refuse(vm, strict, REFUSE_READONLY, st_value_proto_for(vm, base), k);
  }
  return st_object_set_index(vm, st_value_proto_for(vm, base), index, v, base, strict);
}

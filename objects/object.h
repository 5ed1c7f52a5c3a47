/* objects/object.h: JS objects: named properties through shapes, indexed properties through
 * elements, prototype chains, and the [[Get]]/[[Set]]/[[DefineOwnProperty]]/[[Delete]]
 * operations every floor uses.
 *
 * Layout of every JS object cell:
 *
 *   +0   StCell hdr      kind = object class (objects/cell.h), flags = ST_OBJECT_*,
 *                        aux = array length (arrays) / kind-specific
 *   +8   StShape *shape  hidden class: named properties, [[Prototype]], inline-slot layout
 *   +16  StValue *slots  overflow slots (malloc'd), NULL when none
 *   +24  StElements *elements   indexed properties (malloc'd), NULL when none
 *   +32  ...kind-specific fields (e.g. StFunction's)...
 *   +8*shape->inline_start      inline slots [0, shape->inline_cap)
 *
 * Property slot i lives inline when i < inline_cap, else at slots[i - inline_cap]. Overflow
 * capacity is a function of the count (st_object_overflow_cap) for fast shapes, and
 * table->slot_cap for dictionary shapes, so it is not stored.
 *
 * Elements: every property whose key is a canonical array index ("0".."4294967294") is an
 * element, for every object kind (so enumeration order, integer keys first in ascending
 * order, falls out). Dense elements are a StValue array where ST_HOLE marks a missing index;
 * the elements kind flags (INT32 / DOUBLE / GENERIC, PACKED or HOLEY) record what the array
 * has held, for feedback and the JIT. Sparse elements (ST_OBJECT_SPARSE) are an index-keyed
 * hash table with attributes, used for arrays with huge gaps and for elements with
 * non-default attributes or accessors.
 *
 * Invariants:
 *  - dense: elements->length <= elements->capacity; data[i] for i >= elements->length is not
 *    part of the array (reads as a hole); for arrays, elements->length <= hdr.aux (the JS length).
 *  - PACKED (no HOLEY flag) means no ST_HOLE in data[0, elements->length) and, for arrays,
 *    elements->length == hdr.aux.
 *  - INT32 kind: every element is an int32 value; DOUBLE: every element is a number.
 */
#ifndef ST_OBJECTS_OBJECT_H
#define ST_OBJECTS_OBJECT_H

#include "objects/shape.h"

/* hdr.flags of JS objects. */
enum {
  ST_OBJECT_EXTENSIBLE = 1 << 0,
  ST_OBJECT_IS_PROTOTYPE = 1 << 1,  /* some shape has it as proto */
  ST_OBJECT_HAS_DEPENDENTS = 1 << 2,/* compiled code depends on its shape: notify on change */
  ST_OBJECT_CALLABLE = 1 << 3,
  ST_OBJECT_CONSTRUCTOR = 1 << 4,
  ST_OBJECT_CLASS_CTOR = 1 << 5,    /* throws when called without new */
  ST_OBJECT_LENGTH_RO = 1 << 6,     /* arrays: length is not writable */
  ST_OBJECT_SPARSE = 1 << 7,        /* elements are a sparse table */
  ST_OBJECT_ELEMS_KIND_SHIFT = 8,   /* 2 bits: ST_ELEMS_* */
  ST_OBJECT_HOLEY = 1 << 10,
  ST_OBJECT_EXOTIC = 1 << 11,       /* kind-specific [[Get]]/[[Define]] hooks (string wrappers,
                                       mapped arguments): slow paths must ask */
  ST_OBJECT_FROZEN_ELEMS = 1 << 12, /* dense elements are read-only (frozen/sealed arrays) */
};

enum { ST_ELEMS_NONE = 0, ST_ELEMS_INT32 = 1, ST_ELEMS_DOUBLE = 2, ST_ELEMS_GENERIC = 3 };

typedef struct StElements {
  uint32_t length;   /* dense: slots in use */
  uint32_t capacity; /* dense: slots allocated */
  StValue data[];
} StElements;

struct StObject {
  StCell hdr;
  StShape *shape;
  StValue *slots;
  StElements *elements;
};

ST_STATIC_ASSERT(sizeof(StObject) == 32, "StObject header layout is a JIT contract");

/* Boolean, Number, String and Symbol wrapper objects: the primitive in [[...Data]]. A String
 * wrapper exposes its characters as read-only index properties (ST_OBJECT_EXOTIC). */
typedef struct StWrapper {
  StObject obj;
  StValue value;
} StWrapper;

/* An arguments object. In sloppy functions with simple parameters, index i < 64 with bit i of
 * `mapped` set aliases context slot i of `ctx` (the compiler puts such functions' parameters
 * in context slots 0..n-1); deleting or redefining the index removes the mapping. */
typedef struct StArguments {
  StObject obj;
  StContext *ctx;
  uint64_t mapped;
} StArguments;

/* Built-in iterators (array, string, map, set): the iterated value, a position, and which
 * results to produce (keys, values, entries). hdr.aux of the object holds the iterator type. */
typedef struct StIteratorObject {
  StObject obj;
  StValue target; /* undefined once exhausted */
  uint32_t index;
  uint32_t kind;
} StIteratorObject;

/* Default inline capacity of a plain object made by `{}` or `new Object`. */
#define ST_OBJECT_DEFAULT_INLINE 4
/* Largest index kept dense when a write leaves a gap: beyond capacity * 2 + 1024, go sparse. */
#define ST_OBJECT_MAX_DENSE_GAP 1024

ST_INLINE StShape *st_object_shape(const StObject *o) { return o->shape; }
ST_INLINE StObject *st_object_proto(const StObject *o) { return o->shape->proto; }
ST_INLINE bool st_object_is_callable(const StObject *o) {
  return (o->hdr.flags & ST_OBJECT_CALLABLE) != 0;
}
ST_INLINE bool st_object_is_array(const StObject *o) { return o->hdr.kind == ST_KIND_ARRAY; }
ST_INLINE bool st_value_is_callable(StValue v) {
  return st_is_object(v) && st_object_is_callable(st_get_object(v));
}
ST_INLINE uint32_t st_object_elems_kind(const StObject *o) {
  return (o->hdr.flags >> ST_OBJECT_ELEMS_KIND_SHIFT) & 3u;
}
ST_INLINE uint32_t st_array_length(const StObject *a) { return a->hdr.aux; }

ST_INLINE uint32_t st_object_overflow_cap(uint32_t n) {
  if (n == 0) return 0;
  if (n <= 4) return 4;
  uint32_t c = 8;
  while (c < n) c *= 2;
  return c;
}

/* Address of property slot `slot` (precondition: slot is allocated). */
ST_INLINE StValue *st_object_slot(StObject *o, uint32_t slot) {
  StShape *s = o->shape;
  if (slot < s->inline_cap) return (StValue *)o + s->inline_start + slot;
  return &o->slots[slot - s->inline_cap];
}

/* --- creation --- */
/* A plain object with prototype proto (NULL: null prototype) and room for inline_cap inline
 * properties. NULL on OOM (exception pending). */
StObject *st_object_new(StVM *vm, StObject *proto, uint32_t inline_cap);
/* An object of any kind: `size` bytes of struct (>= sizeof(StObject)), zeroed, followed by
 * the root shape's inline slots; flags ST_OBJECT_EXTENSIBLE set. */
StObject *st_object_alloc(StVM *vm, StCellKind kind, size_t size, StObject *proto,
                          uint32_t inline_cap);
/* An object with a known final shape (object literals, `new` with a cached shape); every slot
 * is set to undefined. */
StObject *st_object_new_with_shape(StVM *vm, StShape *shape, size_t size);
StObject *st_array_new(StVM *vm, uint32_t capacity); /* empty array, length 0 */
StObject *st_array_from(StVM *vm, uint32_t n, const StValue *items);

/* --- own properties (named: key is an interned string or a symbol, never an index) --- */
bool st_object_find_own(StVM *vm, StObject *o, StValue key, StPropInfo *out);
/* Adds a new own property (precondition: not present; for fast shapes this transitions).
 * Returns false on OOM. Does not check extensibility. */
bool st_object_add(StVM *vm, StObject *o, StValue key, StValue v, uint8_t attrs);
/* Defines or redefines an own data property (CreateDataProperty semantics when attrs is
 * ST_ATTR_DEFAULT: ignores writability, may fail on non-configurable). Returns 1 ok, 0 refused
 * (non-configurable / non-extensible), -1 exception. */
int st_object_define(StVM *vm, StObject *o, StValue key, StValue v, uint8_t attrs);
int st_object_define_accessor(StVM *vm, StObject *o, StValue key, StValue getter,
                              StValue setter, uint8_t attrs);
/* Full [[DefineOwnProperty]] with a descriptor (for Object.defineProperty):
 * has_* say which fields are present. */
typedef struct StPropDesc {
  StValue value, get, set;
  bool has_value, has_get, has_set, has_writable, has_enumerable, has_configurable;
  bool writable, enumerable, configurable;
} StPropDesc;
int st_object_define_desc(StVM *vm, StObject *o, StValue key_or_index, const StPropDesc *d);
/* Own property descriptor of any key (string/symbol/index form as a value); 1 found, 0 not,
 * -1 exception. */
int st_object_get_own_desc(StVM *vm, StObject *o, StValue key, StPropDesc *out);

/* --- [[Get]] / [[Set]] / [[HasProperty]] / [[Delete]] --- */
/* key: a property key value (interned string or symbol; index strings not allowed) */
ST_MUST_CHECK StValue st_object_get(StVM *vm, StObject *o, StValue key, StValue receiver);
ST_MUST_CHECK StValue st_object_get_index(StVM *vm, StObject *o, uint32_t index, StValue receiver);
/* Returns 1 done, 0 refused (sloppy mode ignores; strict throws: pass strict to do it), -1
 * exception. */
int st_object_set(StVM *vm, StObject *o, StValue key, StValue v, StValue receiver, bool strict);
int st_object_set_index(StVM *vm, StObject *o, uint32_t index, StValue v, StValue receiver,
                        bool strict);
int st_object_has(StVM *vm, StObject *o, StValue key);
int st_object_has_index(StVM *vm, StObject *o, uint32_t index);
int st_object_has_own(StVM *vm, StObject *o, StValue any_key); /* any property-key form */
int st_object_delete(StVM *vm, StObject *o, StValue key, bool strict);
int st_object_delete_index(StVM *vm, StObject *o, uint32_t index, bool strict);

/* Property-key normalization: ToPropertyKey(v) as an interned string, a symbol, or (when it is
 * a canonical array index) *index_out with ST_HOLE returned. ST_EXCEPTION on throw. */
ST_MUST_CHECK StValue st_object_to_key(StVM *vm, StValue v, uint32_t *index_out);

/* Generic access on any value (ToObject semantics for primitives, TypeError on null/undefined):
 * obj.key, obj[key], obj.key = v, obj[key] = v. */
ST_MUST_CHECK StValue st_value_get(StVM *vm, StValue base, StValue key);
ST_MUST_CHECK StValue st_value_get_elem(StVM *vm, StValue base, StValue keyval);
int st_value_set(StVM *vm, StValue base, StValue key, StValue v, bool strict);
int st_value_set_elem(StVM *vm, StValue base, StValue keyval, StValue v, bool strict);
/* The object whose properties a primitive exposes (String.prototype for strings ...), or
 * NULL with a TypeError for null/undefined. */
StObject *st_value_proto_for(StVM *vm, StValue v);

/* --- prototype and integrity --- */
/* Returns 1 ok, 0 refused (cycle, non-extensible), -1 exception. */
int st_object_set_proto(StVM *vm, StObject *o, StObject *proto);
void st_object_prevent_extensions(StVM *vm, StObject *o);
bool st_object_freeze(StVM *vm, StObject *o);
bool st_object_seal(StVM *vm, StObject *o);
bool st_object_is_frozen(StVM *vm, StObject *o);
bool st_object_is_sealed(StVM *vm, StObject *o);
/* Marks o as used as a prototype (its shape identity will track its properties). */
void st_object_mark_prototype(StVM *vm, StObject *o);

/* --- enumeration --- */
enum {
  ST_KEYS_STRINGS = 1 << 0,    /* string keys (indices included, as strings) */
  ST_KEYS_SYMBOLS = 1 << 1,
  ST_KEYS_ENUMERABLE = 1 << 2, /* only enumerable properties */
};
/* Own keys in spec order (indices ascending, then strings in insertion order, then symbols),
 * as a new array of string/symbol values. NULL on OOM. */
StObject *st_object_own_keys(StVM *vm, StObject *o, unsigned which);

/* --- elements (dense fast paths used by the interpreter and built-ins) --- */
/* Element i if o has dense elements and i is present, else ST_HOLE (caller takes the slow
 * path). */
ST_INLINE StValue st_object_dense_get(const StObject *o, uint32_t i) {
  const StElements *e = o->elements;
  if (e && !(o->hdr.flags & ST_OBJECT_SPARSE) && i < e->length) return e->data[i];
  return ST_HOLE;
}
/* Appends v at index length as CreateDataPropertyOrThrow does (never a setter on the
 * prototype chain: what built-ins that create arrays need); false on exception. */
bool st_array_push(StVM *vm, StObject *a, StValue v);
/* The fast path alone: appends v to a's dense elements when nothing observable can happen
 * (no growth needed, extensible, writable length); false, with nothing done, otherwise.
 * Array.prototype.push uses it before falling back to [[Set]]. */
bool st_array_push_fast(StVM *vm, StObject *a, StValue v);
/* Sets the length of an array (truncating or growing with holes); -1 exception, 0 refused. */
int st_array_set_length(StVM *vm, StObject *a, double len, bool strict);
/* Ensures dense capacity (for built-ins that fill arrays). */
bool st_object_reserve_elements(StVM *vm, StObject *o, uint32_t capacity);
/* Notes that value v is stored at a dense index (updates the elements kind flags). */
void st_object_note_element(StObject *o, StValue v);

/* GC: trace/finalize for the object kinds implemented here. */
void st_object_init(StVM *vm);
/* For kinds defined on upper floors: trace the common StObject part (shape, slots, elements). */
void st_object_trace_base(StHeap *h, StObject *o);
void st_object_finalize_base(StHeap *h, StObject *o);

#endif

/* builtins/lib_array.h: the abstract operations on array-likes that the Array library files
 * (lib_array.c, lib_array_iter.c, lib_array_sort.c) and lib_object.c / lib_function.c share.
 *
 * Indices are doubles because array-likes may have any length up to 2^53 - 1 (ToLength);
 * only indices below 2^32 - 1 are elements, the rest are string-keyed properties, and the
 * helpers pick the right form (st_object_to_key does). Each helper takes a dense-elements fast
 * path where it is unobservable, and otherwise follows the spec operation it is named after:
 *
 *   dense fast path: o has no ST_OBJECT_SPARSE/ST_OBJECT_EXOTIC flag, so element i is
 *   o->elements->data[i] (ST_HOLE: absent) and is a plain data property with default
 *   attributes; an absent element is absent on the whole prototype chain unless
 *   vm->protos_have_elements.
 *
 * Return conventions follow objects/object.h: values are ST_EXCEPTION on a throw, ints are
 * 1 yes / 0 no / -1 exception, bools are false on a throw.
 */
#ifndef ST_BUILTINS_LIB_ARRAY_H
#define ST_BUILTINS_LIB_ARRAY_H

#include "builtins/builtins.h"

/* 2^53 - 1: the largest length of an array-like. */
#define ST_LIB_ARRAY_MAX_LENGTH 9007199254740991.0

ST_INLINE bool st_lib_array_is_dense(const StObject *o) {
  return !(o->hdr.flags & (ST_OBJECT_SPARSE | ST_OBJECT_EXOTIC));
}

/* An array whose dense elements this code may write directly, as the object layer would: also
 * not a prototype (a prototype gaining elements must set vm->protos_have_elements), extensible
 * and with a writable length (so every write the spec would make succeeds). */
ST_INLINE bool st_lib_array_is_writable_dense(const StObject *o) {
  return o->hdr.kind == ST_KIND_ARRAY &&
         (o->hdr.flags & (ST_OBJECT_SPARSE | ST_OBJECT_EXOTIC | ST_OBJECT_IS_PROTOTYPE |
                          ST_OBJECT_FROZEN_ELEMS | ST_OBJECT_LENGTH_RO | ST_OBJECT_EXTENSIBLE)) ==
             ST_OBJECT_EXTENSIBLE;
}

/* The property key of index k (a number value; converted to a key by the object layer). */
ST_INLINE StValue st_lib_array_key(double k) { return st_number(k); }

/* LengthOfArrayLike(o). */
ST_MUST_CHECK bool st_lib_array_length_of(StVM *vm, StObject *o, double *len);
/* Get(o, k). */
ST_MUST_CHECK StValue st_lib_array_get(StVM *vm, StObject *o, double k);
/* HasProperty(o, k), then Get(o, k) when present: 1 with *out, 0 absent, -1 exception. */
int st_lib_array_get_if_present(StVM *vm, StObject *o, double k, StValue *out);
/* HasProperty(o, k). */
int st_lib_array_has(StVM *vm, StObject *o, double k);
/* Set(o, k, v, true). */
ST_MUST_CHECK bool st_lib_array_set(StVM *vm, StObject *o, double k, StValue v);
/* DeletePropertyOrThrow(o, k). */
ST_MUST_CHECK bool st_lib_array_delete(StVM *vm, StObject *o, double k);
/* CreateDataPropertyOrThrow(o, k, v); appending to a dense array is O(1). */
ST_MUST_CHECK bool st_lib_array_create(StVM *vm, StObject *o, double k, StValue v);
/* Clears ST_OBJECT_HOLEY on a fresh dense array that turned out to have no holes (arrays made
 * by ArrayCreate(len) start holey and are filled in order). */
void st_lib_array_mark_packed(StObject *a);
/* Set(o, "length", len, true). */
ST_MUST_CHECK bool st_lib_array_set_length(StVM *vm, StObject *o, double len);
/* ArrayCreate(len) (RangeError "Invalid array length" above 2^32 - 1); the array has length
 * len and no elements. */
StObject *st_lib_array_create_array(StVM *vm, double len);
/* ArraySpeciesCreate(o, len). Symbol.species itself is out of scope, so C[@@species] is
 * emulated as the default: C when C inherits from %Array% (the getter returns `this`),
 * undefined for any other constructor; `o.constructor` is read as the spec says. */
StObject *st_lib_array_species_create(StVM *vm, StObject *o, double len);
/* IsArray(v) (no proxies: the Array kind). */
ST_INLINE bool st_lib_array_is_array(StValue v) {
  return st_is_object(v) && st_get_object(v)->hdr.kind == ST_KIND_ARRAY;
}
/* ToObject(this) with V8's "Array.prototype.NAME called on null or undefined" message. */
StObject *st_lib_array_this_object(StVM *vm, StCallInfo *ci, const char *method);
/* The callback argument, or a TypeError "x is not a function". */
ST_MUST_CHECK bool st_lib_array_check_callable(StVM *vm, StValue fn);
/* A printable form of v for messages ("undefined", "#<Object>", "1", "foo" ...). */
const char *st_lib_array_describe(StVM *vm, StValue v, char *buf, size_t cap);
/* Relative index argument (slice, splice, fill, copyWithin, at ...): ToIntegerOrInfinity(arg)
 * clamped to [0, len], counting from the end when negative; `dflt` when arg is undefined. */
ST_MUST_CHECK bool st_lib_array_relative_index(StVM *vm, StValue arg, double len, double dflt,
                                               double *out);

/* Keeps the cell p reachable (in a register or stack slot the conservative scan sees) up to
 * this point: for temporary arrays whose element storage (malloc'd, invisible to the scan)
 * is passed to a call as argv. */
ST_INLINE void st_lib_array_keep_alive(const void *p) { __asm__ volatile("" : : "g"(p) : "memory"); }

/* The parts of Array.prototype defined in the other files (called by st_lib_array_init). */
void st_lib_array_iter_init(StVM *vm, StObject *proto);
void st_lib_array_sort_init(StVM *vm, StObject *proto);

#endif

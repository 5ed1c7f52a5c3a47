/* objects/value.h: the typed API over StValue (bits in support/nanbox.h).
 *
 * Every tier uses this encoding, so a value crosses a tier boundary unchanged (ARCHITECTURE.md
 * contract 1). Numbers have two forms: int32 (tagged) and double (raw bits). The same
 * mathematical number may appear in either form: the int32 form is preferred (st_number()
 * normalizes) but never required, so every numeric comparison goes through the number value.
 * -0 is always a double.
 */
#ifndef ST_OBJECTS_VALUE_H
#define ST_OBJECTS_VALUE_H

#include "support/common.h"
#include "support/nanbox.h"

#include <math.h>
#include <string.h>

typedef struct StString StString;
typedef struct StSymbol StSymbol;
typedef struct StObject StObject;

/* --- predicates --- */
ST_INLINE bool st_is_double(StValue v) { return v < ST_FIRST_NONDOUBLE; }
ST_INLINE bool st_is_int(StValue v) { return (v >> ST_TAG_SHIFT) == ST_TAG_INT; }
ST_INLINE bool st_is_number(StValue v) { return v < ST_TAG_BITS(ST_TAG_MISC); }
ST_INLINE bool st_is_undefined(StValue v) { return v == ST_UNDEFINED; }
ST_INLINE bool st_is_null(StValue v) { return v == ST_NULL; }
ST_INLINE bool st_is_nullish(StValue v) { return v == ST_UNDEFINED || v == ST_NULL; }
ST_INLINE bool st_is_bool(StValue v) { return (v >> ST_TAG_SHIFT) == ST_TAG_BOOL; }
ST_INLINE bool st_is_string(StValue v) { return (v >> ST_TAG_SHIFT) == ST_TAG_STRING; }
ST_INLINE bool st_is_symbol(StValue v) { return (v >> ST_TAG_SHIFT) == ST_TAG_SYMBOL; }
ST_INLINE bool st_is_object(StValue v) { return (v >> ST_TAG_SHIFT) == ST_TAG_OBJECT; }
ST_INLINE bool st_is_cell(StValue v) { return v >= ST_FIRST_POINTER; }
ST_INLINE bool st_is_exception(StValue v) { return v == ST_EXCEPTION; }
ST_INLINE bool st_is_hole(StValue v) { return v == ST_HOLE; }
ST_INLINE bool st_is_uninit(StValue v) { return v == ST_UNINIT; }
/* Primitive in the JS sense: not an object. */
ST_INLINE bool st_is_primitive(StValue v) { return !st_is_object(v); }

/* --- constructors and accessors --- */
ST_INLINE StValue st_int(int32_t i) { return ST_TAG_BITS(ST_TAG_INT) | (uint32_t)i; }
ST_INLINE int32_t st_get_int(StValue v) { return (int32_t)(uint32_t)v; }

ST_INLINE StValue st_double(double d) {
  StValue v;
  memcpy(&v, &d, sizeof v);
  return v;
}
ST_INLINE double st_get_double(StValue v) {
  double d;
  memcpy(&d, &v, sizeof d);
  return d;
}

/* The numeric value of a number in either form. Precondition: st_is_number(v). */
ST_INLINE double st_get_number(StValue v) {
  return st_is_int(v) ? (double)st_get_int(v) : st_get_double(v);
}

/* A number, as int32 when it is one (and not -0), else as a double. */
ST_INLINE StValue st_number(double d) {
  if (d >= -2147483648.0 && d <= 2147483647.0) {
    int32_t i = (int32_t)d;
    if ((double)i == d && (i != 0 || !signbit(d))) return st_int(i);
  }
  return st_double(d);
}

ST_INLINE StValue st_bool(bool b) { return ST_TAG_BITS(ST_TAG_BOOL) | (uint64_t)b; }
ST_INLINE bool st_get_bool(StValue v) { return (v & 1) != 0; }

ST_INLINE StValue st_string_value(const StString *s) { return st_nanbox_box_pointer(ST_TAG_STRING, s); }
ST_INLINE StValue st_symbol_value(const StSymbol *s) { return st_nanbox_box_pointer(ST_TAG_SYMBOL, s); }
ST_INLINE StValue st_object_value(const StObject *o) { return st_nanbox_box_pointer(ST_TAG_OBJECT, o); }
ST_INLINE StValue st_cell_value(const void *c) { return st_nanbox_box_pointer(ST_TAG_CELL, c); }

ST_INLINE StString *st_get_string(StValue v) { return (StString *)st_nanbox_pointer(v); }
ST_INLINE StSymbol *st_get_symbol(StValue v) { return (StSymbol *)st_nanbox_pointer(v); }
ST_INLINE StObject *st_get_object(StValue v) { return (StObject *)st_nanbox_pointer(v); }
ST_INLINE void *st_get_cell(StValue v) { return st_nanbox_pointer(v); }

/* An object pointer or NULL as a value: null for NULL (used for [[Prototype]]). */
ST_INLINE StValue st_object_or_null(const StObject *o) { return o ? st_object_value(o) : ST_NULL; }

/* JS truthiness of primitives and objects (no side effects: ToBoolean never calls JS). */
bool st_value_truthy(StValue v);

#endif

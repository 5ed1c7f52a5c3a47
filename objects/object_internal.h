/* objects/object_internal.h: helpers shared inside objects/ only (elements storage). */
#ifndef ST_OBJECTS_OBJECT_INTERNAL_H
#define ST_OBJECTS_OBJECT_INTERNAL_H

#include "objects/object.h"
#include "support/vec.h"

/* Own element lookup: 1 found (*out = value or accessor cell, *attrs), 0 absent. String
 * wrappers' characters are not elements: callers handle that exotic first. */
int st_elements_get_own(StVM *vm, StObject *o, uint32_t i, StValue *out, uint8_t *attrs);
/* Writes an existing writable data element or adds a new one with default attributes
 * (precondition: extensibility already checked for new ones). false on OOM. */
bool st_elements_put(StVM *vm, StObject *o, uint32_t i, StValue v);
/* Defines element i with attributes (moves to sparse storage for non-default attributes). */
bool st_elements_define(StVM *vm, StObject *o, uint32_t i, StValue v, uint8_t attrs);
/* Removes element i (precondition: configurable). */
void st_elements_remove(StVM *vm, StObject *o, uint32_t i);
/* Sets every own element's attributes with `clear` bits removed (freeze/seal). */
void st_elements_restrict(StVM *vm, StObject *o, uint8_t clear);
/* Whether every own element lacks the bits in `mask` (for isFrozen/isSealed). */
bool st_elements_all_lack(StVM *vm, StObject *o, uint8_t mask);
/* Own indices in ascending order, appended to *out (with enumerable filter). */
void st_elements_keys(StVM *vm, StObject *o, bool enumerable_only, void *uint32_vec);
/* Truncates to new_len (arrays): removes elements >= new_len from the end down; stops at a
 * non-configurable one and returns its index + 1 (the length that results), else new_len. */
uint32_t st_elements_truncate(StVM *vm, StObject *o, uint32_t new_len);
void st_elements_trace(StHeap *h, StObject *o);
void st_elements_free(StHeap *h, StObject *o);
/* Dense capacity (no effect on sparse objects). */
bool st_elements_reserve(StVM *vm, StObject *o, uint32_t capacity);

/* Message helpers: a printable form of a key / object for error messages. */
const char *st_object_key_cstr(StVM *vm, StValue key, char *buf, size_t cap);

#endif

/* builtins/lib_iterator.h: the built-in iterators (array and string) and the iteration helpers
 * that library functions taking iterables use (Array.from, Object.fromEntries ...).
 *
 * Built-in iterator objects are StIteratorObject (objects/object.h), kind ST_KIND_ITERATOR.
 * hdr.aux says which iterator it is (ST_ITERATOR_TYPE_*; lib_map.c uses its own numbers from
 * ST_ITERATOR_TYPE_FIRST_FREE on), `kind` which results it yields, `target` what it iterates
 * (undefined once exhausted, so an exhausted iterator stays exhausted), `index` the position:
 * an element index for arrays, a UTF-16 code-unit offset for strings.
 *
 * An iteration record is the interpreter's: rec[0] the iterator (or, on the fast path, the
 * array itself), rec[1] its next method (or an int32 index); step it with
 * st_slowpath_iter_next and close it with st_slowpath_iter_close (interp/slowpath.h).
 */
#ifndef ST_BUILTINS_LIB_ITERATOR_H
#define ST_BUILTINS_LIB_ITERATOR_H

#include "builtins/builtins.h"

enum {
  ST_ITERATOR_TYPE_ARRAY = 1,
  ST_ITERATOR_TYPE_STRING = 2,
  ST_ITERATOR_TYPE_FIRST_FREE = 8,
};

/* What an array (and Map/Set) iterator yields. */
enum { ST_ITERATOR_KEYS = 0, ST_ITERATOR_VALUES = 1, ST_ITERATOR_ENTRIES = 2 };

/* CreateArrayIterator(target, kind). NULL on OOM. */
StObject *st_lib_iterator_new_array(StVM *vm, StValue target, uint32_t kind);
/* CreateIterResultObject(value, done). NULL on OOM. */
StObject *st_lib_iterator_result(StVM *vm, StValue value, bool done);
/* String.prototype[Symbol.iterator] as a native, for lib_string.c (or lib_global.c, which
 * installs it when String.prototype lacks it). */
StValue st_lib_iterator_string_iterator(StVM *vm, StCallInfo *ci);
/* GetIteratorFromMethod(obj, method): calls method, checks the result is an object, reads
 * `next` once. A built-in array iterator over an array becomes the interpreter's fast record. */
ST_MUST_CHECK bool st_lib_iterator_open(StVM *vm, StValue obj, StValue method, StValue rec[2]);

#endif

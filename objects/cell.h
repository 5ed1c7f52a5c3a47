/* objects/cell.h: the kinds of heap cells, and the small cell types.
 *
 * One numbering for every floor (the GC knows kinds only as numbers; each floor registers the
 * trace/finalize functions of the kinds it implements). Kinds from ST_KIND_FIRST_OBJECT on are
 * JS objects: they start with StObject (objects/object.h) and are boxed with ST_TAG_OBJECT.
 * The others are strings, symbols and engine-internal cells (ST_TAG_CELL when boxed).
 */
#ifndef ST_OBJECTS_CELL_H
#define ST_OBJECTS_CELL_H

#include "gc/gc.h"
#include "objects/value.h"

/* X(NAME, "display name") */
#define ST_CELL_KINDS(X) \
  X(STRING, "string") \
  X(SYMBOL, "symbol") \
  X(SHAPE, "shape") \
  X(PROTO, "proto") \
  X(CONTEXT, "context") \
  X(ACCESSOR, "accessor") \
  X(SOURCE, "source") \
  X(SUSPENDED, "suspended frame") \
  X(INTERNAL, "internal") \
  /* JS objects from here on */ \
  X(OBJECT, "Object") \
  X(ARRAY, "Array") \
  X(FUNCTION, "Function") \
  X(NATIVE_FUNCTION, "Function") \
  X(BOUND_FUNCTION, "Function") \
  X(ARGUMENTS, "Arguments") \
  X(ERROR, "Error") \
  X(BOOLEAN_OBJECT, "Boolean") \
  X(NUMBER_OBJECT, "Number") \
  X(STRING_OBJECT, "String") \
  X(SYMBOL_OBJECT, "Symbol") \
  X(MAP, "Map") \
  X(SET, "Set") \
  X(DATE, "Date") \
  X(PROMISE, "Promise") \
  X(ITERATOR, "Iterator") \
  X(FORIN_ENUM, "ForInEnumerator")

typedef enum StCellKind {
  ST_KIND_FREE_ = 0, /* reserved by the GC */
#define ST_KIND_ENUM(name, display) ST_KIND_##name,
  ST_CELL_KINDS(ST_KIND_ENUM)
#undef ST_KIND_ENUM
  ST_KIND_COUNT
} StCellKind;

#define ST_KIND_FIRST_OBJECT ST_KIND_OBJECT

ST_STATIC_ASSERT((int)ST_KIND_COUNT <= (int)ST_GC_MAX_KINDS, "too many cell kinds for the GC table");

ST_INLINE StCellKind st_cell_kind(const void *c) { return (StCellKind)((const StCell *)c)->kind; }
const char *st_cell_kind_name(StCellKind k);

/* An accessor property's getter/setter pair, stored in the property's slot (boxed as a cell).
 * A missing half is undefined. Immutable once published: redefining allocates a new pair. */
typedef struct StAccessor {
  StCell hdr;
  StValue getter, setter;
} StAccessor;

/* A closure environment: the captured variables of one scope, chained to the enclosing one.
 * hdr.aux holds the slot count. */
typedef struct StContext {
  StCell hdr;
  struct StContext *parent;
  StValue slots[];
} StContext;

/* The text of one script or module, shared by all its functions (for Function.prototype.toString
 * and error source lines). `text` is malloc'd and NUL-terminated. */
typedef struct StSource {
  StCell hdr;
  char *text;
  size_t len;
  char *filename; /* malloc'd */
} StSource;

#endif

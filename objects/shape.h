/* objects/shape.h: hidden classes (shapes) and their transition trees.
 *
 * A shape describes the named properties of an object: their keys, attributes and slot
 * numbers, plus the object's [[Prototype]] and where its inline slots are. Inline caches and
 * the JIT's guards key on shape identity: two objects with the same shape have the same
 * properties in the same slots and the same prototype.
 *
 * Fast shapes form transition trees. A root shape is made per (prototype, inline layout); adding
 * property K with attributes A to an object of shape S moves it to the child S --(K,A)--> S',
 * created once and shared. In a fast shape, the property added i-th lives in slot i.
 *
 * Dictionary shapes (ST_SHAPE_DICT) belong to one object and own a mutable property table.
 * An object goes to dictionary mode when a property is deleted (other than the last added),
 * when an attribute changes, when its prototype changes, when it is made non-extensible, or
 * when it has more than ST_SHAPE_MAX_FAST_PROPS properties. Inline caches never cache a
 * dictionary shape, with one exception: a prototype object in dictionary mode gets a new
 * shape cell (taking over the table) on every change to its properties, so that "the shape is
 * unchanged" still means "the properties are unchanged" for the prototype-chain checks of
 * inline caches and JIT code.
 *
 * Invariants:
 *  - shape->proto is the [[Prototype]] of every object with that shape.
 *  - fast shape: hdr.aux == number of properties == parent's + 1 (0 for roots);
 *    the last-added property has slot hdr.aux - 1.
 *  - the transition tables hold children weakly (dead children are dropped at GC); a child
 *    holds its parent strongly.
 *  - keys are interned strings or symbols, never array indices.
 */
#ifndef ST_OBJECTS_SHAPE_H
#define ST_OBJECTS_SHAPE_H

#include "objects/vm.h"

/* Property attributes. */
enum {
  ST_ATTR_WRITABLE = 1 << 0,
  ST_ATTR_ENUMERABLE = 1 << 1,
  ST_ATTR_CONFIGURABLE = 1 << 2,
  ST_ATTR_ACCESSOR = 1 << 3, /* the slot holds an StAccessor (boxed as a cell) */
  ST_ATTR_DEFAULT = ST_ATTR_WRITABLE | ST_ATTR_ENUMERABLE | ST_ATTR_CONFIGURABLE,
  ST_ATTR_HIDDEN = ST_ATTR_WRITABLE | ST_ATTR_CONFIGURABLE, /* methods, built-ins */
};

enum {
  ST_SHAPE_DICT = 1 << 0,      /* dictionary shape, owned by one object */
  ST_SHAPE_STALE = 1 << 1,     /* a dictionary shape that gave its table to a successor */
  ST_SHAPE_PROTOTYPE = 1 << 2, /* the shape of an object used as a prototype */
};

#define ST_SHAPE_MAX_FAST_PROPS 128

typedef struct StPropEntry {
  StValue key;   /* interned string or symbol; ST_HOLE for a deleted entry (dictionaries) */
  uint32_t slot;
  uint8_t attrs;
} StPropEntry;

/* Properties in insertion order, with an open-addressing index when large. */
typedef struct StPropTable {
  StPropEntry *entries;
  uint32_t count;    /* entries used, deleted ones included */
  uint32_t live;     /* entries not deleted */
  uint32_t cap;      /* capacity of entries */
  uint32_t *index;   /* hash -> entry number + 1 (0 empty); NULL below 9 entries */
  uint32_t index_mask;
  uint32_t slot_cap; /* dictionaries: slots allocated in the object (inline + overflow) */
  uint32_t next_slot;/* dictionaries: next never-used slot */
  uint32_t *free_slots; /* dictionaries: slots of deleted properties, reused first */
  uint32_t nfree, free_cap;
} StPropTable;

typedef struct StTransitions StTransitions;

struct StShape {
  StCell hdr;            /* flags: ST_SHAPE_*; aux: number of properties (fast shapes) */
  uint8_t inline_start;  /* first inline slot, in words from the object's start */
  uint8_t inline_cap;    /* number of inline slots */
  uint8_t attrs;         /* attributes of the last-added property (fast shapes) */
  uint8_t obj_kind;      /* StCellKind of the objects using it */
  uint32_t id;           /* stable small number for dumps and traces */
  StShape *parent;       /* fast shapes: the shape before the last-added property */
  StObject *proto;       /* [[Prototype]], NULL for null */
  StValue key;           /* fast shapes: the last-added key (ST_UNDEFINED for roots) */
  StPropTable *table;    /* fast: lookup cache, built lazily; dict: the properties */
  StShape *child;        /* fast: the most recent transition (weak) */
  StTransitions *more;   /* fast: further transitions (weak) */
};

typedef struct StPropInfo {
  uint32_t slot;
  uint8_t attrs;
} StPropInfo;

/* The root shape for objects of `kind` whose struct is `struct_size` bytes, with `inline_cap`
 * inline slots after it, and prototype `proto`. Shared: returns the same shape for the same
 * arguments while it lives. */
StShape *st_shape_root(StVM *vm, StCellKind kind, size_t struct_size, uint32_t inline_cap,
                       StObject *proto);
/* The fast shape after adding key with attrs to s (s must be fast). NULL on OOM. */
StShape *st_shape_add(StVM *vm, StShape *s, StValue key, uint8_t attrs);
/* Looks key up in s. */
bool st_shape_find(StVM *vm, StShape *s, StValue key, StPropInfo *out);
/* Number of properties (live entries for dictionaries). */
uint32_t st_shape_count(StShape *s);
/* Visits the properties in insertion order; stops early when fn returns false. */
typedef bool (*StShapeVisitFn)(StVM *vm, StValue key, StPropInfo info, void *ud);
void st_shape_each(StVM *vm, StShape *s, StShapeVisitFn fn, void *ud);

/* --- dictionaries --- */
/* A new dictionary shape with the same properties, slots and proto as s. */
StShape *st_shape_to_dict(StVM *vm, StShape *s);
/* Mutations of a dictionary shape's table. The slot for a new property is allocated here;
 * the caller grows the object's slot storage to table->slot_cap. */
bool st_shape_dict_add(StVM *vm, StShape *s, StValue key, uint8_t attrs, uint32_t *slot_out);
bool st_shape_dict_remove(StVM *vm, StShape *s, StValue key);
void st_shape_dict_set_attrs(StVM *vm, StShape *s, StValue key, uint8_t attrs);
/* A successor shape taking over s's table (s becomes stale): for prototype objects, so their
 * shape identity changes with their properties. */
StShape *st_shape_dict_renew(StVM *vm, StShape *s);

ST_INLINE bool st_shape_is_dict(const StShape *s) { return (s->hdr.flags & ST_SHAPE_DICT) != 0; }

void st_shape_init(StVM *vm);
void st_shape_free_all(StVM *vm);

#endif

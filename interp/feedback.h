/* interp/feedback.h: per-function feedback vectors: what the interpreter (and baseline code)
 * observed, for the optimizing tiers to speculate on (ARCHITECTURE.md, contract 3).
 *
 * One StFeedbackSlot per feedback operand in the bytecode (frontend/bytecode.h, F operands),
 * of the kind the opcode table names. The vector is allocated on the function's first run;
 * all-zero is the "nothing seen" state of every kind.
 *
 *  - BINOP / COMPARE: a bit set of operand types seen, read as the lattice
 *    none < int32 < number < string/other < any (st_feedback_lattice).
 *  - PROP: an inline cache. Monomorphic entry inline; up to ST_IC_POLY_MAX entries when
 *    polymorphic; megamorphic after that (no caching). An entry for a property found on a
 *    prototype (or missing, or an accessor) records vm->proto_epoch: it is valid only while no
 *    prototype object has changed shape since.
 *  - GLOBAL: the global object's slot for the name and vm->global_epoch.
 *  - CALL: the target seen (function and its proto), or megamorphic.
 *  - ELEM: bits of the receiver/element kinds seen.
 *  - LOOP: the back-edge count of that loop.
 *  - LITERAL: the root shape an object literal starts from.
 * Invariant: feedback is only a hint: any entry may be stale, and every user re-validates
 * (the interpreter by its IC checks, compiled code by guards).
 */
#ifndef ST_INTERP_FEEDBACK_H
#define ST_INTERP_FEEDBACK_H

#include "frontend/bytecode.h"
#include "objects/function.h"

#include <stdio.h>

/* Type bits for BINOP/COMPARE slots. */
enum {
  ST_TYPE_INT32 = 1 << 0,
  ST_TYPE_DOUBLE = 1 << 1,
  ST_TYPE_STRING = 1 << 2,
  ST_TYPE_BOOL = 1 << 3,
  ST_TYPE_NULLISH = 1 << 4,
  ST_TYPE_OBJECT = 1 << 5,
  ST_TYPE_OTHER = 1 << 6,
  ST_TYPE_OVERFLOW = 1 << 7, /* int32 operands gave a non-int32 result (overflow, -0, fraction) */
};

typedef enum StLattice {
  ST_LATTICE_NONE, ST_LATTICE_INT32, ST_LATTICE_NUMBER, ST_LATTICE_STRING, ST_LATTICE_ANY
} StLattice;

typedef enum StIcState { ST_IC_UNINIT, ST_IC_MONO, ST_IC_POLY, ST_IC_MEGA } StIcState;

typedef enum StIcKind {
  ST_ICE_OWN,          /* own data property: slot */
  ST_ICE_PROTO,        /* data property of `holder`, a prototype */
  ST_ICE_GETTER,       /* accessor on `holder` (own or prototype): call getter */
  ST_ICE_SETTER,       /* accessor on `holder`: call setter */
  ST_ICE_MISSING,      /* not found anywhere: undefined */
  ST_ICE_TRANSITION,   /* store adding a property: shape -> new_shape, slot */
  ST_ICE_ARRAY_LENGTH, /* arr.length */
  ST_ICE_STRING_LENGTH,/* str.length (shape is NULL) */
} StIcKind;

#define ST_IC_POLY_MAX 4

typedef struct StIcEntry {
  StShape *shape;     /* receiver shape */
  StShape *new_shape; /* TRANSITION */
  StObject *holder;   /* PROTO, GETTER, SETTER */
  uint32_t slot;
  uint32_t epoch;     /* vm->proto_epoch when cached (PROTO, GETTER, SETTER, MISSING, TRANSITION) */
  uint8_t kind;       /* StIcKind */
  uint8_t prim;       /* primitive receivers (shape NULL): ST_ICPRIM_* */
} StIcEntry;

/* Primitive receiver classes: their "shape" is the class, their lookups start at the class's
 * prototype object. */
enum { ST_ICPRIM_NONE, ST_ICPRIM_STRING, ST_ICPRIM_NUMBER, ST_ICPRIM_BOOL, ST_ICPRIM_SYMBOL };

/* Bits for ELEM slots. */
enum {
  ST_ELEMFB_INT32 = 1 << 0,     /* dense array of int32 */
  ST_ELEMFB_DOUBLE = 1 << 1,    /* dense array of numbers */
  ST_ELEMFB_GENERIC = 1 << 2,   /* dense array of anything */
  ST_ELEMFB_HOLEY = 1 << 3,     /* holes seen */
  ST_ELEMFB_OOB = 1 << 4,       /* index out of bounds */
  ST_ELEMFB_STRING = 1 << 5,    /* string receiver */
  ST_ELEMFB_NAMED = 1 << 6,     /* non-index key */
  ST_ELEMFB_OTHER = 1 << 7,     /* sparse, exotic, typed, non-array object ... */
  ST_ELEMFB_NONARRAY = 1 << 8,  /* a dense non-array object */
};

typedef struct StFeedbackSlot {
  union {
    struct {
      uint8_t seen; /* ST_TYPE_* of operands */
    } binop;
    struct {
      uint8_t state, count;
      StIcEntry mono;
      StIcEntry *poly; /* malloc'd, ST_IC_POLY_MAX entries, when state == POLY */
    } prop;
    struct {
      uint64_t epoch;
      uint32_t slot;
      uint8_t valid;
    } global;
    struct {
      StObject *target; /* last target; NULL when megamorphic */
      StProto *proto;   /* target's proto (closures of one literal share it) */
      uint32_t count;
      uint8_t mega;     /* targets of different protos seen */
      uint8_t closures; /* several closures of `proto` seen: the target is not a constant */
    } call;
    struct {
      uint16_t seen;
    } elem;
    struct {
      uint32_t count;
    } loop;
    struct {
      StShape *root;
    } literal;
    struct {
      uint8_t array_fast, generic;
    } iter;
    struct {
      StObject *ctor;
      uint8_t mega;
    } instanceof;
  } u;
} StFeedbackSlot;

typedef struct StFeedbackVector {
  uint32_t n;
  StFeedbackSlot slots[];
} StFeedbackVector;

/* The vector of proto, allocated (zeroed) on first use. */
StFeedbackVector *st_feedback_get(StVM *vm, StProto *p);

ST_INLINE uint8_t st_feedback_type_of(StValue v) {
  if (st_is_int(v)) return ST_TYPE_INT32;
  if (st_is_double(v)) return ST_TYPE_DOUBLE;
  if (st_is_string(v)) return ST_TYPE_STRING;
  if (st_is_bool(v)) return ST_TYPE_BOOL;
  if (st_is_nullish(v)) return ST_TYPE_NULLISH;
  if (st_is_object(v)) return ST_TYPE_OBJECT;
  return ST_TYPE_OTHER;
}
StLattice st_feedback_lattice(uint8_t seen);

/* --- property inline caches: full lookups that fill the cache --- */
/* receiver.key through the IC slot (any receiver). */
StValue st_feedback_get_prop(StVM *vm, StFeedbackSlot *s, StValue recv, StValue key);
/* receiver.key = v; 1 ok, 0 refused in sloppy mode, -1 exception. */
int st_feedback_set_prop(StVM *vm, StFeedbackSlot *s, StValue recv, StValue key, StValue v,
                         bool strict);
/* Object-literal definition obj.key = v (own, enumerable): caches transitions. */
int st_feedback_define_prop(StVM *vm, StFeedbackSlot *s, StObject *obj, StValue key, StValue v);
/* Looks for a valid IC entry for shape (NULL when none). */
const StIcEntry *st_feedback_ic_lookup(StVM *vm, const StFeedbackSlot *s, const StShape *shape);

/* --- globals --- */
StValue st_feedback_get_global(StVM *vm, StFeedbackSlot *s, StValue key, bool for_typeof);
int st_feedback_set_global(StVM *vm, StFeedbackSlot *s, StValue key, StValue v, bool strict);

/* --- recording --- */
void st_feedback_record_call(StFeedbackSlot *s, StObject *target);
void st_feedback_record_elem(StFeedbackSlot *s, StValue recv, StValue key);

/* GC: trace and free the feedback of a proto (registered as hooks by interp). */
void st_feedback_trace(StVM *vm, StHeap *h, StProto *p);
void st_feedback_free(StVM *vm, StProto *p);

/* NEWOBJECT: a `{...}` literal's object, with the root shape its site allocated last time (so
 * that the literal's property adds follow one transition chain). hint: inline capacity. */
StObject *st_feedback_new_object(StVM *vm, StFeedbackSlot *s, uint32_t hint);

/* Dump for --print-feedback. */
void st_feedback_dump(StVM *vm, FILE *out, StProto *p);

#endif

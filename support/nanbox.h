/* support/nanbox.h: the bit encoding of StValue, the one value representation of every tier.
 *
 * It lives on the lowest floor because the GC (gc/) must decode values to find heap pointers
 * in the register stack and in objects, and the GC sits below objects/. objects/value.h builds
 * the typed API on top of these bits; code above gc/ should use that API.
 *
 * A value is 64 bits. Doubles are stored as their IEEE-754 bits; everything else lives in the
 * negative quiet-NaN space, identified by the top 16 bits (the "tag"):
 *
 *   0x0000 .. 0xFFF8   double (every double, NaN included: the hardware's default NaN is
 *                      0x7FF8... or 0xFFF8..., both below 0xFFF9; no other NaN is ever made)
 *   0xFFF9             int32            low 32 bits
 *   0xFFFA             misc constant    undefined=0 null=1 hole=2 uninit=3 exception=4 resume=5
 *   0xFFFB             boolean          0 or 1
 *   0xFFFC             StString *       low 48 bits
 *   0xFFFD             StSymbol *       low 48 bits
 *   0xFFFE             StObject *       low 48 bits (every JS object: arrays, functions ...)
 *   0xFFFF             other cell *     low 48 bits (engine-internal cells, never seen by JS)
 *
 * Invariants: a tagged pointer always points at the start of a live GC cell; `hole`, `uninit`,
 * `exception` and `resume` never escape to JavaScript code (they mark array holes, the TDZ, and a
 * pending exception in helper return values).
 */
#ifndef ST_SUPPORT_NANBOX_H
#define ST_SUPPORT_NANBOX_H

#include <stdint.h>

typedef uint64_t StValue;

#define ST_TAG_SHIFT 48
#define ST_TAG_INT 0xFFF9u
#define ST_TAG_MISC 0xFFFAu
#define ST_TAG_BOOL 0xFFFBu
#define ST_TAG_STRING 0xFFFCu
#define ST_TAG_SYMBOL 0xFFFDu
#define ST_TAG_OBJECT 0xFFFEu
#define ST_TAG_CELL 0xFFFFu

#define ST_TAG_BITS(t) ((uint64_t)(t) << ST_TAG_SHIFT)
#define ST_PAYLOAD_MASK 0x0000FFFFFFFFFFFFull

/* The first tag that is not a double, and the first that holds a pointer. */
#define ST_FIRST_NONDOUBLE ST_TAG_BITS(ST_TAG_INT)
#define ST_FIRST_POINTER ST_TAG_BITS(ST_TAG_STRING)

#define ST_UNDEFINED (ST_TAG_BITS(ST_TAG_MISC) | 0u)
#define ST_NULL (ST_TAG_BITS(ST_TAG_MISC) | 1u)
#define ST_HOLE (ST_TAG_BITS(ST_TAG_MISC) | 2u)      /* array hole; never visible to JS */
#define ST_UNINIT (ST_TAG_BITS(ST_TAG_MISC) | 3u)    /* let/const before initialization */
#define ST_EXCEPTION (ST_TAG_BITS(ST_TAG_MISC) | 4u) /* "an exception is pending on the VM" */
#define ST_RESUME (ST_TAG_BITS(ST_TAG_MISC) | 5u)    /* compiled code: "resume this frame in the
                                                        interpreter at frame->pc" (deopt) */
#define ST_FALSE (ST_TAG_BITS(ST_TAG_BOOL) | 0u)
#define ST_TRUE (ST_TAG_BITS(ST_TAG_BOOL) | 1u)

static inline unsigned st_nanbox_tag(StValue v) { return (unsigned)(v >> ST_TAG_SHIFT); }
static inline int st_nanbox_is_pointer(StValue v) { return v >= ST_FIRST_POINTER; }
static inline void *st_nanbox_pointer(StValue v) { return (void *)(uintptr_t)(v & ST_PAYLOAD_MASK); }
static inline StValue st_nanbox_box_pointer(unsigned tag, const void *p) {
  return ST_TAG_BITS(tag) | (uint64_t)(uintptr_t)p;
}

#endif

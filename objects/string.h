/* objects/string.h: JS strings (UTF-16 semantics), ropes, interning, and symbols.
 *
 * A string is a GC cell holding either its characters ("flat") or two halves ("rope").
 *  - Flat strings store their code units inline after the header: one byte per unit when every
 *    unit is < 256 (ST_STRING_ONE_BYTE, Latin-1), else two bytes (UTF-16, lone surrogates
 *    allowed). hdr.aux holds the length in UTF-16 code units.
 *  - Ropes (ST_STRING_ROPE) hold left and right halves; they make repeated `s += x` linear.
 *    A rope is flattened on first access to its characters: the flat copy is stored in
 *    `left` and `right` becomes NULL (ST_STRING_FLATTENED), so later accesses are O(1).
 *    Flattening uses an explicit stack: ropes a million levels deep are fine. concat flattens
 *    a new rope at once when it is much deeper than its length warrants (many tiny pieces);
 *    the copies stay linear in total (objects/string.c states the bound).
 *  - Interned strings (ST_STRING_INTERNED) are unique by content: pointer equality is string
 *    equality among them. Every property key is an interned string or a symbol, and never a
 *    canonical array index ("0".."4294967294"): those are element indices (objects/object.h).
 *    The intern table is weak: unreferenced interned strings are collected.
 * Invariants: length <= ST_STRING_MAX_LENGTH; a one-byte string has no unit >= 256 and a
 * two-byte flat string has at least one (so equal strings have equal representation, and
 * content comparison can start with a representation check); `hash` is valid when
 * ST_STRING_HASHED is set and is the same for equal contents in either representation.
 */
#ifndef ST_OBJECTS_STRING_H
#define ST_OBJECTS_STRING_H

#include "objects/cell.h"

typedef struct StVM StVM;

enum {
  ST_STRING_ONE_BYTE = 1 << 0,
  ST_STRING_ROPE = 1 << 1,
  ST_STRING_FLATTENED = 1 << 2, /* a rope whose flat copy is in `left` */
  ST_STRING_INTERNED = 1 << 3,
  ST_STRING_HASHED = 1 << 4,
  ST_STRING_INDEX_CHECKED = 1 << 5, /* is_index below is valid */
  ST_STRING_IS_INDEX = 1 << 6,      /* canonical array index; value in `index` */
};

/* The longest string, as V8 (2^29 - 24 code units on 64-bit). Longer throws a RangeError
 * "Invalid string length". */
#define ST_STRING_MAX_LENGTH ((1u << 29) - 24)

struct StString {
  StCell hdr; /* flags: ST_STRING_*; aux: length in UTF-16 code units */
  uint32_t hash;
  uint32_t index; /* the array index when ST_STRING_IS_INDEX */
  union {
    struct {
      StString *left, *right;
      uint32_t depth; /* rope depth, to decide when to flatten eagerly */
    } rope;
    uint8_t one[1];  /* flat one-byte: aux bytes follow */
    uint16_t two[1]; /* flat two-byte: aux units follow */
  } u;
};

struct StSymbol {
  StCell hdr;
  uint32_t hash;
  StValue description; /* a string or undefined */
};

ST_INLINE uint32_t st_string_length(const StString *s) { return s->hdr.aux; }
ST_INLINE bool st_string_is_flat(const StString *s) { return !(s->hdr.flags & ST_STRING_ROPE); }
ST_INLINE bool st_string_is_one_byte(const StString *s) {
  return (s->hdr.flags & ST_STRING_ONE_BYTE) != 0;
}

/* --- creation (all return NULL with a pending RangeError/out-of-memory exception on failure) --- */
StString *st_string_from_latin1(StVM *vm, const uint8_t *p, size_t n);
StString *st_string_from_utf16(StVM *vm, const uint16_t *p, size_t n); /* picks one-byte if it can */
/* Decodes UTF-8 (invalid sequences become U+FFFD). */
StString *st_string_from_utf8(StVM *vm, const char *p, size_t n);
StString *st_string_from_cstr(StVM *vm, const char *s); /* UTF-8, NUL-terminated */
/* A fresh flat string of n units, uninitialized; fill its data before it is published. */
StString *st_string_alloc_one_byte(StVM *vm, size_t n);
StString *st_string_alloc_two_byte(StVM *vm, size_t n);
ST_INLINE uint8_t *st_string_one_byte_data(StString *s) { return s->u.one; }
ST_INLINE uint16_t *st_string_two_byte_data(StString *s) { return s->u.two; }

/* a + b: a rope when the result is long, else a flat copy. */
StString *st_string_concat(StVM *vm, StString *a, StString *b);
/* Units [start, end) of s; precondition start <= end <= length. */
StString *st_string_substring(StVM *vm, StString *s, uint32_t start, uint32_t end);
/* The one-unit string for c (cached for c < 256, so it never fails for those). */
StString *st_string_from_unit(StVM *vm, uint16_t c);
StString *st_string_from_int(StVM *vm, int32_t i);      /* decimal */
StString *st_string_from_double(StVM *vm, double d);    /* Number::toString(10) */

/* --- access --- */
/* The flat string with s's characters (s itself, or its flat copy). NULL only on OOM. */
StString *st_string_flatten(StVM *vm, StString *s);
/* Code unit at i of a flat string; precondition i < length. */
ST_INLINE uint16_t st_string_unit_at(const StString *flat, uint32_t i) {
  return (flat->hdr.flags & ST_STRING_ONE_BYTE) ? flat->u.one[i] : flat->u.two[i];
}
/* Code point at i (a surrogate pair read as one code point). */
uint32_t st_string_code_point_at(const StString *flat, uint32_t i);

/* --- comparison and hashing (flatten as needed; never throw: when the heap cannot hold a
 * rope's flat copy they read a malloc'd copy instead; so do to_utf8, append_utf8 and
 * to_number) --- */
bool st_string_equals(StVM *vm, StString *a, StString *b);
int st_string_compare(StVM *vm, StString *a, StString *b); /* <0, 0, >0 by code units */
uint32_t st_string_hash(StVM *vm, StString *s);
/* Equality with a C string (ASCII/Latin-1 bytes). */
bool st_string_equals_cstr(StVM *vm, StString *s, const char *c);

/* --- interning --- */
StString *st_string_intern(StVM *vm, StString *s);            /* the canonical copy */
StString *st_string_intern_cstr(StVM *vm, const char *s);     /* from UTF-8 */
StString *st_string_intern_utf16(StVM *vm, const uint16_t *p, size_t n);
/* The number of strings in the intern table (for tests of its weakness, and --stats). */
size_t st_string_intern_count(StVM *vm);
/* Whether s is a canonical array index ("0".."4294967294", no leading zeros, no sign); the
 * index in *out. Cached in the string's flags. */
bool st_string_as_index(StVM *vm, StString *s, uint32_t *out);

/* --- conversion out --- */
/* UTF-8 (lone surrogates become U+FFFD); malloc'd, NUL-terminated, length in *len if non-NULL. */
char *st_string_to_utf8(StVM *vm, StString *s, size_t *len);
/* Appends UTF-8 to a growable buffer (support/vec.h StVec(char) passed as void *). */
void st_string_append_utf8(StVM *vm, StString *s, void *char_vec);
/* ToNumber of a string (StringToNumber). */
double st_string_to_number(StVM *vm, StString *s);

/* --- string builder (for join, JSON.stringify, templates, replaceAll ...) --- */
typedef struct StStringBuilder {
  StVM *vm;
  uint16_t *two; /* malloc'd; used once a unit >= 256 is appended */
  uint8_t *one;  /* malloc'd; used while every unit is < 256 */
  size_t len, cap;
  bool failed;   /* exceeded ST_STRING_MAX_LENGTH */
} StStringBuilder;

void st_string_builder_init(StVM *vm, StStringBuilder *b);
void st_string_builder_add_unit(StStringBuilder *b, uint16_t c);
void st_string_builder_add_string(StStringBuilder *b, StString *s);
void st_string_builder_add_latin1(StStringBuilder *b, const char *p, size_t n);
void st_string_builder_add_cstr(StStringBuilder *b, const char *s); /* UTF-8 */
/* Makes room for `extra` more units at once (one allocation instead of repeated doubling);
 * false, with b->failed set, if the total would exceed ST_STRING_MAX_LENGTH. */
bool st_string_builder_reserve(StStringBuilder *b, size_t extra);
/* The result (NULL with a pending RangeError if too long); frees the buffer either way. */
StString *st_string_builder_finish(StStringBuilder *b);
void st_string_builder_free(StStringBuilder *b); /* abandon */

/* --- symbols --- */
StSymbol *st_string_new_symbol(StVM *vm, StValue description);
/* SymbolDescriptiveString: "Symbol(description)"; NULL on OOM. */
StString *st_symbol_descriptive_string(StVM *vm, const StSymbol *sym);

/* GC registration for STRING and SYMBOL kinds and the weak intern table. */
void st_string_init(StVM *vm);
void st_string_free_all(StVM *vm);

#endif

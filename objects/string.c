/* objects/string.c: JS strings (flat and rope), hashing, the weak intern table, UTF-8 in and
 * out, the string builder, and symbols. The representation and its invariants are stated in
 * objects/string.h; this file adds three of its own:
 *
 *  - Rope flags are exact: a rope has ST_STRING_ONE_BYTE iff both halves do, so the invariant
 *    "one-byte iff every unit < 256" holds for ropes too and flattening knows the width of its
 *    result without a scan. Ropes exist only with length >= ROPE_MIN_LENGTH.
 *  - concat never makes a flattened rope a child: it takes the flat copy instead, so the old
 *    halves of a flattened rope can die. (A child may still be flattened later, through
 *    another reference; readers treat a flattened child as its flat copy.)
 *  - The intern table holds every ST_STRING_INTERNED string and nothing else; entries whose
 *    string was not marked are dropped by the weak callback before the sweep frees them.
 *
 * GC safety: collections happen only inside st_vm_alloc. The C stack is scanned
 * conservatively, so a StString * held in a local or parameter across an allocation stays
 * alive (and is used after it, so the compiler keeps it). Nothing here stores a cell pointer in
 * malloc'd memory except the intern table, which is weak by design.
 */
#include "objects/string.h"

#include "objects/vm.h"
#include "support/numconv.h"
#include "support/vec.h"

#include <stdlib.h>
#include <string.h>

/* Tunables, with the reason for each value. */
enum {
  /* Below this a concatenation copies: a rope node (48 bytes) is larger than the copy, and
   * short strings are read (hashed, compared) far more often than they are extended. */
  ROPE_MIN_LENGTH = 13,
  /* Eager flattening: a new rope deeper than both of these is flattened at once. Depth above
   * length / EAGER_FLATTEN_RATIO means many tiny pieces (one rope node per few units), where
   * every later traversal and every GC mark pays per node; flattening then resets the depth to
   * 0 and the length must grow by the factor (1 + 1/ratio) before the next one, so the copies
   * form a geometric series: at most (ratio + 1) * final length units copied in total, and
   * building a string by appends stays linear. Appends of >= ratio units never trigger it. */
  EAGER_FLATTEN_MIN_DEPTH = 256,
  EAGER_FLATTEN_RATIO = 16,
  /* Intern table: initial capacity (power of two; holds the 256 single units, the empty
   * string and the atoms without growing) and maximum load (live + tombstones) in percent. */
  INTERN_MIN_CAPACITY = 1024,
  INTERN_MAX_LOAD_PERCENT = 60,
  /* C strings up to this many UTF-16 units are interned through a stack buffer. */
  INTERN_STACK_UNITS = 256,
};

#define STRING_HEADER_SIZE offsetof(StString, u)
#define ROPE_SIZE (STRING_HEADER_SIZE + sizeof(((StString *)0)->u.rope))

ST_INLINE bool is_unflattened_rope(const StString *s) {
  return (s->hdr.flags & (ST_STRING_ROPE | ST_STRING_FLATTENED)) == ST_STRING_ROPE;
}

/* A flat string with s's content if one exists without allocating (s itself or the cached
 * copy of a flattened rope); NULL for an unflattened rope. */
ST_INLINE StString *flat_or_null(StString *s) {
  if (!(s->hdr.flags & ST_STRING_ROPE)) return s;
  if (s->hdr.flags & ST_STRING_FLATTENED) return s->u.rope.left;
  return NULL;
}

static StString *throw_invalid_length(StVM *vm) {
  st_vm_range_error(vm, "Invalid string length");
  return NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* Allocation                                                                                 */

StString *st_string_alloc_one_byte(StVM *vm, size_t n) {
  if (ST_UNLIKELY(n > ST_STRING_MAX_LENGTH)) return throw_invalid_length(vm);
  StString *s = st_vm_alloc(vm, ST_KIND_STRING, STRING_HEADER_SIZE + n);
  if (!s) return NULL;
  s->hdr.flags = ST_STRING_ONE_BYTE;
  s->hdr.aux = (uint32_t)n;
  return s;
}

StString *st_string_alloc_two_byte(StVM *vm, size_t n) {
  if (ST_UNLIKELY(n > ST_STRING_MAX_LENGTH)) return throw_invalid_length(vm);
  StString *s = st_vm_alloc(vm, ST_KIND_STRING, STRING_HEADER_SIZE + 2 * n);
  if (!s) return NULL;
  s->hdr.flags = 0;
  s->hdr.aux = (uint32_t)n;
  return s;
}

/* The empty string is vm->atoms.empty, made (and interned) by st_string_init before any other
 * string, so it exists whenever a string function runs. */
ST_INLINE StString *empty_string(StVM *vm) { return vm->atoms.empty; }

StString *st_string_from_latin1(StVM *vm, const uint8_t *p, size_t n) {
  if (n <= 1) return n ? vm->single_units[p[0]] : empty_string(vm);
  StString *s = st_string_alloc_one_byte(vm, n);
  if (s) memcpy(s->u.one, p, n);
  return s;
}

StString *st_string_from_utf16(StVM *vm, const uint16_t *p, size_t n) {
  if (n == 0) return empty_string(vm);
  uint16_t any = 0;
  for (size_t i = 0; i < n; i++) any |= p[i];
  /* The OR of the units is >= 256 exactly when some unit is. */
  if (any < 256) {
    if (n == 1) return vm->single_units[p[0]];
    StString *s = st_string_alloc_one_byte(vm, n);
    if (!s) return NULL;
    for (size_t i = 0; i < n; i++) s->u.one[i] = (uint8_t)p[i];
    return s;
  }
  StString *s = st_string_alloc_two_byte(vm, n);
  if (s) memcpy(s->u.two, p, 2 * n);
  return s;
}

StString *st_string_from_unit(StVM *vm, uint16_t c) {
  if (c < 256) return vm->single_units[c];
  StString *s = st_string_alloc_two_byte(vm, 1);
  if (s) s->u.two[0] = c;
  return s;
}

StString *st_string_from_int(StVM *vm, int32_t i) {
  if (i >= 0 && i <= 9) return vm->single_units['0' + i];
  char buf[16];
  int n = 0;
  uint32_t u = i < 0 ? 0u - (uint32_t)i : (uint32_t)i;
  do {
    buf[sizeof buf - 1 - n++] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (i < 0) buf[sizeof buf - 1 - n++] = '-';
  StString *s = st_string_from_latin1(vm, (const uint8_t *)buf + sizeof buf - n, (size_t)n);
  if (!s) return NULL;
  /* A non-negative int32 prints as a canonical array index; record it so that using the
   * string as a key (`obj["" + i]`) skips the digit scan. */
  s->hdr.flags |= ST_STRING_INDEX_CHECKED;
  if (i >= 0) {
    s->hdr.flags |= ST_STRING_IS_INDEX;
    s->index = (uint32_t)i;
  }
  return s;
}

StString *st_string_from_double(StVM *vm, double d) {
  if (d >= -2147483648.0 && d <= 2147483647.0) {
    int32_t i = (int32_t)d;
    if ((double)i == d) return st_string_from_int(vm, i); /* -0 too: it prints as "0" */
  }
  char buf[ST_NUMCONV_BUF_SIZE];
  int n = st_numconv_to_string(d, buf);
  return st_string_from_latin1(vm, (const uint8_t *)buf, (size_t)n);
}

/* ------------------------------------------------------------------------------------------ */
/* Flattening                                                                                 */

/* Writes a flat string's units at dst, which is one byte per unit when `two` is false (then
 * the source must be one-byte too) and UTF-16 when it is true. */
static void copy_flat(const StString *f, void *dst, bool two) {
  uint32_t n = st_string_length(f);
  if (!two) {
    ST_ASSERT(st_string_is_one_byte(f), "two-byte units into a one-byte buffer");
    memcpy(dst, f->u.one, n);
  } else if (st_string_is_one_byte(f)) {
    uint16_t *d = dst;
    for (uint32_t i = 0; i < n; i++) d[i] = f->u.one[i];
  } else {
    memcpy(dst, f->u.two, 2 * (size_t)n);
  }
}

/* Writes the units of any string (flat or rope, of any depth) at dst; see copy_flat. Does not
 * allocate on the GC heap, so it cannot fail or move anything.
 *
 * Every node knows its length, so a subtree can be written at its offset in any order. The
 * walk follows one child and defers the other on an explicit stack: a flat child is written
 * at once (so left- or right-deep ropes, the shapes `s += x` and `s = x + s` build, never push
 * anything), and when both children are ropes the longer one is deferred and the walk goes on
 * into the shorter, which keeps the stack shallow for balanced ropes too. */
typedef struct Pending {
  const StString *s;
  size_t at;
} Pending;

static void copy_units(const StString *s, void *dst, bool two) {
  StVec(Pending) stack = {0};
  size_t at = 0;
  size_t unit = two ? 2 : 1;
  for (;;) {
    while (is_unflattened_rope(s)) {
      const StString *l = s->u.rope.left, *r = s->u.rope.right;
      if (l->hdr.flags & ST_STRING_FLATTENED) l = l->u.rope.left;
      if (r->hdr.flags & ST_STRING_FLATTENED) r = r->u.rope.left;
      size_t ll = st_string_length(l);
      if (st_string_is_flat(r)) {
        copy_flat(r, (char *)dst + (at + ll) * unit, two);
        s = l;
      } else if (st_string_is_flat(l)) {
        copy_flat(l, (char *)dst + at * unit, two);
        at += ll;
        s = r;
      } else if (ll >= st_string_length(r)) {
        st_vec_push(&stack, ((Pending){l, at}));
        at += ll;
        s = r;
      } else {
        st_vec_push(&stack, ((Pending){r, at + ll}));
        s = l;
      }
    }
    const StString *f = (s->hdr.flags & ST_STRING_ROPE) ? s->u.rope.left : s;
    copy_flat(f, (char *)dst + at * unit, two);
    if (stack.len == 0) break;
    Pending p = st_vec_pop(&stack);
    s = p.s;
    at = p.at;
  }
  st_vec_free(&stack);
}

StString *st_string_flatten(StVM *vm, StString *s) {
  StString *f = flat_or_null(s);
  if (f) return f;
  uint32_t n = st_string_length(s);
  bool one = st_string_is_one_byte(s);
  f = one ? st_string_alloc_one_byte(vm, n) : st_string_alloc_two_byte(vm, n);
  if (!f) return NULL;
  copy_units(s, one ? (void *)f->u.one : (void *)f->u.two, !one);
  if (s->hdr.flags & ST_STRING_HASHED) {
    f->hash = s->hash;
    f->hdr.flags |= ST_STRING_HASHED;
  }
  /* Cache the copy: from now on s is a handle to f, and its halves may die. */
  s->u.rope.left = f;
  s->u.rope.right = NULL;
  s->u.rope.depth = 0;
  s->hdr.flags |= ST_STRING_FLATTENED;
  st_gc_write_barrier(vm->heap, &s->hdr, st_string_value(f));
  return f;
}

/* A read-only view of a string's units, for operations that must not fail (comparison,
 * hashing, conversion out). A rope is flattened (and the copy cached) when the heap allows;
 * when it does not, the out-of-memory exception is withdrawn and the units are copied to
 * malloc'd memory instead, which the GC heap limit does not cover. */
typedef struct View {
  const uint8_t *one; /* exactly one of one/two is set (both NULL for the empty string) */
  const uint16_t *two;
  uint32_t len;
  void *tmp; /* malloc'd copy, or NULL */
} View;

static void view_open(StVM *vm, StString *s, View *v) {
  v->len = st_string_length(s);
  v->tmp = NULL;
  StString *f = flat_or_null(s);
  if (!f) {
    StValue pending = vm->exception;
    f = st_string_flatten(vm, s);
    if (!f) {
      vm->exception = pending;
      bool one = st_string_is_one_byte(s);
      v->tmp = st_xmalloc(one ? v->len : 2 * (size_t)v->len);
      copy_units(s, v->tmp, !one);
      v->one = one ? v->tmp : NULL;
      v->two = one ? NULL : v->tmp;
      return;
    }
  }
  v->one = st_string_is_one_byte(f) ? f->u.one : NULL;
  v->two = st_string_is_one_byte(f) ? NULL : f->u.two;
}

static void view_close(View *v) { free(v->tmp); }

ST_INLINE uint16_t view_unit(const View *v, uint32_t i) { return v->one ? v->one[i] : v->two[i]; }

/* ------------------------------------------------------------------------------------------ */
/* Concatenation and substrings                                                               */

StString *st_string_concat(StVM *vm, StString *a, StString *b) {
  uint32_t la = st_string_length(a), lb = st_string_length(b);
  if (la == 0) return b;
  if (lb == 0) return a;
  if ((uint64_t)la + lb > ST_STRING_MAX_LENGTH) return throw_invalid_length(vm);
  uint32_t n = la + lb;
  /* Children are flat strings or unflattened ropes (see the invariants at the top). */
  if (a->hdr.flags & ST_STRING_FLATTENED) a = a->u.rope.left;
  if (b->hdr.flags & ST_STRING_FLATTENED) b = b->u.rope.left;
  bool one = st_string_is_one_byte(a) && st_string_is_one_byte(b);
  uint32_t da = is_unflattened_rope(a) ? a->u.rope.depth : 0;
  uint32_t db = is_unflattened_rope(b) ? b->u.rope.depth : 0;
  uint32_t depth = (da > db ? da : db) + 1;
  if (n < ROPE_MIN_LENGTH ||
      (depth > EAGER_FLATTEN_MIN_DEPTH && (uint64_t)depth * EAGER_FLATTEN_RATIO > n)) {
    StString *s = one ? st_string_alloc_one_byte(vm, n) : st_string_alloc_two_byte(vm, n);
    if (!s) return NULL;
    size_t unit = one ? 1 : 2;
    copy_units(a, s->u.one, !one);
    copy_units(b, s->u.one + (size_t)la * unit, !one);
    return s;
  }
  StString *r = st_vm_alloc(vm, ST_KIND_STRING, ROPE_SIZE);
  if (!r) return NULL;
  r->hdr.flags = ST_STRING_ROPE | (one ? ST_STRING_ONE_BYTE : 0);
  r->hdr.aux = n;
  r->u.rope.left = a;
  r->u.rope.right = b;
  r->u.rope.depth = depth;
  st_gc_write_barrier(vm->heap, &r->hdr, st_string_value(a));
  st_gc_write_barrier(vm->heap, &r->hdr, st_string_value(b));
  return r;
}

StString *st_string_substring(StVM *vm, StString *s, uint32_t start, uint32_t end) {
  ST_ASSERT(start <= end && end <= st_string_length(s), "substring [%u, %u) of a %u-unit string",
            start, end, st_string_length(s));
  uint32_t n = end - start;
  if (n == st_string_length(s)) return s;
  if (n == 0) return empty_string(vm);
  /* A range inside one half of a rope needs only that half: descend instead of flattening
   * the whole rope (slicing the tail off a long rope is common: `s.slice(-3)`). */
  while (is_unflattened_rope(s)) {
    uint32_t ll = st_string_length(s->u.rope.left);
    if (end <= ll) {
      s = s->u.rope.left;
    } else if (start >= ll) {
      s = s->u.rope.right;
      start -= ll;
      end -= ll;
    } else {
      break;
    }
  }
  StString *f = st_string_flatten(vm, s);
  if (!f) return NULL;
  if (n == 1) return st_string_from_unit(vm, st_string_unit_at(f, start));
  if (st_string_is_one_byte(f)) {
    StString *r = st_string_alloc_one_byte(vm, n);
    if (r) memcpy(r->u.one, f->u.one + start, n);
    return r;
  }
  /* A slice of a two-byte string may be all Latin-1 (the invariant wants one byte then). */
  bool wide = false;
  for (uint32_t i = start; i < end && !wide; i++) wide = f->u.two[i] >= 256;
  StString *r = wide ? st_string_alloc_two_byte(vm, n) : st_string_alloc_one_byte(vm, n);
  if (!r) return NULL;
  if (wide) {
    memcpy(r->u.two, f->u.two + start, 2 * (size_t)n);
  } else {
    for (uint32_t i = 0; i < n; i++) r->u.one[i] = (uint8_t)f->u.two[start + i];
  }
  return r;
}

uint32_t st_string_code_point_at(const StString *flat, uint32_t i) {
  ST_ASSERT(st_string_is_flat(flat) && i < st_string_length(flat), "code point access");
  uint16_t c = st_string_unit_at(flat, i);
  if (c >= 0xD800 && c <= 0xDBFF && i + 1 < st_string_length(flat)) {
    uint16_t d = st_string_unit_at(flat, i + 1);
    if (d >= 0xDC00 && d <= 0xDFFF) return 0x10000u + (((uint32_t)c - 0xD800) << 10) + (d - 0xDC00);
  }
  return c;
}

/* ------------------------------------------------------------------------------------------ */
/* Hashing                                                                                    */

/* The hash reads the string as 16-bit units in groups of four, each group packed into a
 * 64-bit word (unit k at bits 16k), and folds every word in with a 64x64->128-bit multiply
 * (the "mum" step of wyhash). Both representations build the same words, so equal contents
 * hash alike; a one-byte string only spreads its bytes into the 16-bit lanes. The seed is fixed
 * so that runs are reproducible (hash-flooding resistance is not a goal of this engine). */
#define HASH_SEED 0x2d358dccaa6c78a5ull
#define HASH_K1 0x8bb84b93962eacc9ull
#define HASH_K2 0x4b33a62ed433d4a3ull

ST_INLINE uint64_t hash_mum(uint64_t a, uint64_t b) {
  __uint128_t r = (__uint128_t)a * b;
  return (uint64_t)r ^ (uint64_t)(r >> 64);
}

ST_INLINE uint32_t hash_finish(uint64_t h) {
  h = hash_mum(h, HASH_K2);
  return (uint32_t)h ^ (uint32_t)(h >> 32);
}

static uint32_t hash_one_byte(const uint8_t *p, size_t n) {
  uint64_t h = HASH_SEED ^ (n * HASH_K2);
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    uint64_t w = (uint64_t)p[i] | (uint64_t)p[i + 1] << 16 | (uint64_t)p[i + 2] << 32 |
                 (uint64_t)p[i + 3] << 48;
    h = hash_mum(h ^ w, HASH_K1);
  }
  if (i < n) {
    uint64_t w = 0;
    for (unsigned k = 0; i < n; i++, k += 16) w |= (uint64_t)p[i] << k;
    h = hash_mum(h ^ w, HASH_K1);
  }
  return hash_finish(h);
}

static uint32_t hash_two_byte(const uint16_t *p, size_t n) {
  uint64_t h = HASH_SEED ^ (n * HASH_K2);
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    uint64_t w = (uint64_t)p[i] | (uint64_t)p[i + 1] << 16 | (uint64_t)p[i + 2] << 32 |
                 (uint64_t)p[i + 3] << 48;
    h = hash_mum(h ^ w, HASH_K1);
  }
  if (i < n) {
    uint64_t w = 0;
    for (unsigned k = 0; i < n; i++, k += 16) w |= (uint64_t)p[i] << k;
    h = hash_mum(h ^ w, HASH_K1);
  }
  return hash_finish(h);
}

/* Hash of a flat string, computed once and cached in the cell. */
static uint32_t flat_hash(StString *f) {
  if (!(f->hdr.flags & ST_STRING_HASHED)) {
    uint32_t n = st_string_length(f);
    f->hash = st_string_is_one_byte(f) ? hash_one_byte(f->u.one, n) : hash_two_byte(f->u.two, n);
    f->hdr.flags |= ST_STRING_HASHED;
  }
  return f->hash;
}

uint32_t st_string_hash(StVM *vm, StString *s) {
  if (ST_LIKELY(s->hdr.flags & ST_STRING_HASHED)) return s->hash;
  View v;
  view_open(vm, s, &v);
  uint32_t h = v.one ? hash_one_byte(v.one, v.len) : hash_two_byte(v.two, v.len);
  view_close(&v);
  s->hash = h;
  s->hdr.flags |= ST_STRING_HASHED;
  StString *f = flat_or_null(s);
  if (f && f != s) {
    f->hash = h;
    f->hdr.flags |= ST_STRING_HASHED;
  }
  return h;
}

/* ------------------------------------------------------------------------------------------ */
/* Comparison                                                                                 */

bool st_string_equals(StVM *vm, StString *a, StString *b) {
  if (a == b) return true;
  uint32_t n = st_string_length(a);
  if (n != st_string_length(b)) return false;
  uint16_t fa = a->hdr.flags, fb = b->hdr.flags;
  /* Two canonical strings are equal only if they are the same cell. */
  if (fa & fb & ST_STRING_INTERNED) return false;
  /* Equal contents have equal representations (both for flat strings and ropes). */
  if ((fa ^ fb) & ST_STRING_ONE_BYTE) return false;
  if ((fa & fb & ST_STRING_HASHED) && a->hash != b->hash) return false;
  View va, vb;
  view_open(vm, a, &va);
  view_open(vm, b, &vb);
  bool eq = va.one ? memcmp(va.one, vb.one, n) == 0 : memcmp(va.two, vb.two, 2 * (size_t)n) == 0;
  view_close(&va);
  view_close(&vb);
  return eq;
}

int st_string_compare(StVM *vm, StString *a, StString *b) {
  if (a == b) return 0;
  View va, vb;
  view_open(vm, a, &va);
  view_open(vm, b, &vb);
  uint32_t n = va.len < vb.len ? va.len : vb.len;
  int r = 0;
  if (va.one && vb.one) {
    r = memcmp(va.one, vb.one, n); /* unsigned bytes: the order of the units */
  } else {
    for (uint32_t i = 0; i < n && r == 0; i++) r = (int)view_unit(&va, i) - (int)view_unit(&vb, i);
  }
  if (r == 0) r = va.len < vb.len ? -1 : va.len > vb.len ? 1 : 0;
  view_close(&va);
  view_close(&vb);
  return r < 0 ? -1 : r > 0 ? 1 : 0;
}

bool st_string_equals_cstr(StVM *vm, StString *s, const char *c) {
  size_t n = strlen(c);
  if (n != st_string_length(s)) return false;
  View v;
  view_open(vm, s, &v);
  bool eq = true;
  if (v.one) {
    eq = memcmp(v.one, c, n) == 0;
  } else {
    for (size_t i = 0; i < n && eq; i++) eq = v.two[i] == (uint8_t)c[i];
  }
  view_close(&v);
  return eq;
}

/* ------------------------------------------------------------------------------------------ */
/* The intern table: open addressing with linear probing, weak                               */

typedef struct InternEntry {
  StString *s;   /* NULL: empty; TOMBSTONE: removed */
  uint32_t hash; /* s->hash, kept here so that a probe rejects most entries without a load */
} InternEntry;

#define TOMBSTONE ((StString *)(uintptr_t)1)

struct StInternTable {
  InternEntry *entries;
  uint32_t mask;  /* capacity - 1 */
  uint32_t count; /* live entries */
  uint32_t tombs;
};

ST_INLINE bool entry_live(const InternEntry *e) { return e->s != NULL && e->s != TOMBSTONE; }

static void intern_table_alloc(StInternTable *t, uint32_t cap) {
  t->entries = st_xcalloc(cap, sizeof *t->entries);
  t->mask = cap - 1;
  t->count = t->tombs = 0;
}

/* Rebuilds the table with room for `need` live entries at low load (drops tombstones). */
static void intern_table_resize(StInternTable *t, uint32_t need) {
  uint32_t cap = INTERN_MIN_CAPACITY;
  while ((uint64_t)need * 100 >= (uint64_t)cap * INTERN_MAX_LOAD_PERCENT / 2) cap *= 2;
  InternEntry *old = t->entries;
  uint32_t old_cap = t->mask + 1;
  intern_table_alloc(t, cap);
  for (uint32_t i = 0; i < old_cap; i++) {
    if (!entry_live(&old[i])) continue;
    uint32_t j = old[i].hash & t->mask;
    while (t->entries[j].s) j = (j + 1) & t->mask;
    t->entries[j] = old[i];
    t->count++;
  }
  free(old);
}

/* Adds a flat string known to be absent and marks it canonical. */
static void intern_insert(StInternTable *t, StString *s, uint32_t hash) {
  ST_ASSERT(st_string_is_flat(s) && !(s->hdr.flags & ST_STRING_INTERNED), "interning %p", (void *)s);
  if ((uint64_t)(t->count + t->tombs + 1) * 100 > (uint64_t)(t->mask + 1) * INTERN_MAX_LOAD_PERCENT)
    intern_table_resize(t, t->count + 1);
  uint32_t i = hash & t->mask;
  while (entry_live(&t->entries[i])) i = (i + 1) & t->mask;
  if (t->entries[i].s == TOMBSTONE) t->tombs--;
  t->entries[i].s = s;
  t->entries[i].hash = hash;
  t->count++;
  s->hdr.flags |= ST_STRING_INTERNED;
}

/* Lookups by content; each returns the canonical string or NULL, without allocating. Only
 * one-byte strings can equal content whose units are all < 256, and only two-byte strings
 * other content (the representation invariant), so each lookup checks one representation. */
static StString *intern_find_one_byte(const StInternTable *t, const uint8_t *p, size_t n,
                                      uint32_t hash) {
  for (uint32_t i = hash & t->mask;; i = (i + 1) & t->mask) {
    const InternEntry *e = &t->entries[i];
    if (!e->s) return NULL;
    if (e->hash == hash && e->s != TOMBSTONE && st_string_length(e->s) == n &&
        st_string_is_one_byte(e->s) && memcmp(e->s->u.one, p, n) == 0)
      return e->s;
  }
}

static StString *intern_find_two_byte(const StInternTable *t, const uint16_t *p, size_t n,
                                      uint32_t hash) {
  for (uint32_t i = hash & t->mask;; i = (i + 1) & t->mask) {
    const InternEntry *e = &t->entries[i];
    if (!e->s) return NULL;
    if (e->hash == hash && e->s != TOMBSTONE && st_string_length(e->s) == n &&
        !st_string_is_one_byte(e->s) && memcmp(e->s->u.two, p, 2 * n) == 0)
      return e->s;
  }
}

/* UTF-16 units that are all < 256 against one-byte strings. */
static StString *intern_find_narrow_units(const StInternTable *t, const uint16_t *p, size_t n,
                                          uint32_t hash) {
  for (uint32_t i = hash & t->mask;; i = (i + 1) & t->mask) {
    const InternEntry *e = &t->entries[i];
    if (!e->s) return NULL;
    if (e->hash == hash && e->s != TOMBSTONE && st_string_length(e->s) == n &&
        st_string_is_one_byte(e->s)) {
      size_t k = 0;
      while (k < n && e->s->u.one[k] == p[k]) k++;
      if (k == n) return e->s;
    }
  }
}

/* The weak callback: runs after marking, before the sweep frees the unmarked strings. */
static void intern_drop_dead(StHeap *h, void *ud) {
  StInternTable *t = ((StVM *)ud)->interned;
  for (uint32_t i = 0; i <= t->mask; i++) {
    InternEntry *e = &t->entries[i];
    if (entry_live(e) && !st_gc_is_marked(h, &e->s->hdr)) {
      e->s = TOMBSTONE;
      t->count--;
      t->tombs++;
    }
  }
  /* Long runs of tombstones slow every probe; rebuild when they outnumber the live entries
   * (this also shrinks a table that a burst of temporary keys had grown). */
  if (t->tombs > t->count && t->tombs > (t->mask + 1) / 8) intern_table_resize(t, t->count);
}

size_t st_string_intern_count(StVM *vm) { return vm->interned->count; }

StString *st_string_intern(StVM *vm, StString *s) {
  if (ST_LIKELY(s->hdr.flags & ST_STRING_INTERNED)) return s;
  if (!st_string_is_flat(s)) {
    StString *f = st_string_flatten(vm, s);
    if (!f) return NULL;
    StString *c = st_string_intern(vm, f);
    /* Let the rope share the canonical copy, so the one flatten made can die. */
    if (c != f) {
      s->u.rope.left = c;
      st_gc_write_barrier(vm->heap, &s->hdr, st_string_value(c));
    }
    return c;
  }
  StInternTable *t = vm->interned;
  uint32_t h = flat_hash(s);
  uint32_t n = st_string_length(s);
  StString *c = st_string_is_one_byte(s) ? intern_find_one_byte(t, s->u.one, n, h)
                                         : intern_find_two_byte(t, s->u.two, n, h);
  if (c) return c;
  intern_insert(t, s, h);
  return s;
}

StString *st_string_intern_utf16(StVM *vm, const uint16_t *p, size_t n) {
  uint16_t any = 0;
  for (size_t i = 0; i < n; i++) any |= p[i];
  bool narrow = any < 256; /* exactly when every unit is */
  uint32_t h = hash_two_byte(p, n);
  StString *c = narrow ? intern_find_narrow_units(vm->interned, p, n, h)
                       : intern_find_two_byte(vm->interned, p, n, h);
  if (c) return c;
  StString *s = st_string_from_utf16(vm, p, n);
  if (!s) return NULL;
  s->hash = h;
  s->hdr.flags |= ST_STRING_HASHED;
  intern_insert(vm->interned, s, h);
  return s;
}

static size_t utf8_decode_units(const uint8_t *p, size_t n, uint16_t *out, uint16_t *or_units);

StString *st_string_intern_cstr(StVM *vm, const char *cs) {
  const uint8_t *p = (const uint8_t *)cs;
  size_t n = strlen(cs);
  size_t ascii = 0;
  while (ascii < n && p[ascii] < 0x80) ascii++;
  if (ascii == n) {
    uint32_t h = hash_one_byte(p, n);
    StString *c = intern_find_one_byte(vm->interned, p, n, h);
    if (c) return c;
    StString *s = st_string_from_latin1(vm, p, n);
    if (!s) return NULL;
    s->hash = h;
    s->hdr.flags |= ST_STRING_HASHED;
    intern_insert(vm->interned, s, h);
    return s;
  }
  /* UTF-8 decodes to at most one unit per byte. */
  uint16_t local[INTERN_STACK_UNITS];
  uint16_t *units = n <= INTERN_STACK_UNITS ? local : st_xmalloc(2 * n);
  uint16_t any;
  size_t len = utf8_decode_units(p, n, units, &any);
  StString *s = st_string_intern_utf16(vm, units, len);
  if (units != local) free(units);
  return s;
}

/* ------------------------------------------------------------------------------------------ */
/* Array indices and numbers                                                                  */

bool st_string_as_index(StVM *vm, StString *s, uint32_t *out) {
  uint16_t fl = s->hdr.flags;
  if (ST_LIKELY(fl & ST_STRING_INDEX_CHECKED)) {
    if (fl & ST_STRING_IS_INDEX) *out = s->index;
    return (fl & ST_STRING_IS_INDEX) != 0;
  }
  /* "4294967294" has 10 digits; a rope is never that short, so no flattening is needed. */
  uint32_t n = st_string_length(s);
  StString *f = flat_or_null(s);
  bool ok = n >= 1 && n <= 10 && f != NULL;
  uint64_t v = 0;
  for (uint32_t i = 0; ok && i < n; i++) {
    uint16_t c = st_string_unit_at(f, i);
    ok = c >= '0' && c <= '9' && !(i == 0 && c == '0' && n > 1);
    v = v * 10 + (uint64_t)(c - '0');
  }
  ok = ok && v <= 4294967294u;
  s->hdr.flags |= ST_STRING_INDEX_CHECKED | (ok ? ST_STRING_IS_INDEX : 0);
  if (ok) {
    s->index = (uint32_t)v;
    *out = (uint32_t)v;
  }
  (void)vm;
  return ok;
}

double st_string_to_number(StVM *vm, StString *s) {
  View v;
  view_open(vm, s, &v);
  double d = v.one ? st_numconv_string_to_number8(v.one, v.len)
                   : st_numconv_string_to_number16(v.two, v.len);
  view_close(&v);
  return d;
}

/* ------------------------------------------------------------------------------------------ */
/* UTF-8                                                                                      */

/* Decodes one code point from p[0..n), n >= 1, following the WHATWG UTF-8 decoder: an
 * ill-formed sequence yields one U+FFFD per maximal subpart (the longest prefix of a
 * well-formed sequence), and the byte that broke it is read again as the start of the next.
 * *used is set to the bytes consumed. */
static uint32_t utf8_decode_one(const uint8_t *p, size_t n, size_t *used) {
  uint8_t b = p[0];
  if (b < 0x80) {
    *used = 1;
    return b;
  }
  unsigned need;
  uint32_t cp;
  uint8_t lo = 0x80, hi = 0xBF; /* range of the next continuation byte */
  if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
    cp = b & 0x1F;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 2;
    cp = b & 0x0F;
    if (b == 0xE0) lo = 0xA0;      /* no overlong 3-byte forms */
    else if (b == 0xED) hi = 0x9F; /* no surrogates */
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    cp = b & 0x07;
    if (b == 0xF0) lo = 0x90;      /* no overlong 4-byte forms */
    else if (b == 0xF4) hi = 0x8F; /* nothing above U+10FFFF */
  } else {
    *used = 1; /* a stray continuation byte, C0/C1 (always overlong), or F5..FF */
    return 0xFFFD;
  }
  for (unsigned i = 1; i <= need; i++) {
    if (i >= n || p[i] < lo || p[i] > hi) {
      *used = i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (p[i] & 0x3F);
    lo = 0x80;
    hi = 0xBF;
  }
  *used = need + 1;
  return cp;
}

/* Decodes UTF-8 into UTF-16 units (out needs room for n units: never more units than bytes);
 * returns the unit count and ORs every unit into *or_units. */
static size_t utf8_decode_units(const uint8_t *p, size_t n, uint16_t *out, uint16_t *or_units) {
  size_t k = 0, i = 0;
  uint16_t any = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      any |= out[k++] = p[i++];
      continue;
    }
    size_t used;
    uint32_t cp = utf8_decode_one(p + i, n - i, &used);
    i += used;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      any |= out[k++] = (uint16_t)(0xD800 + (cp >> 10));
      any |= out[k++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
    } else {
      any |= out[k++] = (uint16_t)cp;
    }
  }
  *or_units = any;
  return k;
}

StString *st_string_from_utf8(StVM *vm, const char *cp, size_t n) {
  const uint8_t *p = (const uint8_t *)cp;
  size_t ascii = 0;
  while (ascii < n && p[ascii] < 0x80) ascii++;
  if (ascii == n) return st_string_from_latin1(vm, p, n);
  /* First pass: the length in units and whether one byte per unit suffices. */
  size_t units = ascii;
  bool wide = false;
  for (size_t i = ascii; i < n;) {
    size_t used;
    uint32_t c = utf8_decode_one(p + i, n - i, &used);
    i += used;
    units += c >= 0x10000 ? 2 : 1;
    wide = wide || c >= 256;
  }
  if (units > ST_STRING_MAX_LENGTH) return throw_invalid_length(vm);
  if (!wide) {
    if (units == 1) {
      size_t used;
      return vm->single_units[utf8_decode_one(p, n, &used)];
    }
    StString *s = st_string_alloc_one_byte(vm, units);
    if (!s) return NULL;
    memcpy(s->u.one, p, ascii);
    size_t k = ascii;
    for (size_t i = ascii; i < n;) {
      size_t used;
      s->u.one[k++] = (uint8_t)utf8_decode_one(p + i, n - i, &used);
      i += used;
    }
    return s;
  }
  StString *s = st_string_alloc_two_byte(vm, units);
  if (!s) return NULL;
  uint16_t any;
  size_t k = utf8_decode_units(p, n, s->u.two, &any);
  ST_ASSERT(k == units && any >= 256, "UTF-8 decoding passes disagree");
  (void)k;
  return s;
}

StString *st_string_from_cstr(StVM *vm, const char *s) {
  return st_string_from_utf8(vm, s, strlen(s));
}

/* Encoded size of a view: lone surrogates take 3 bytes (as U+FFFD), pairs 4. */
static size_t utf8_size(const View *v) {
  size_t size = v->len;
  if (v->one) {
    for (uint32_t i = 0; i < v->len; i++) size += v->one[i] >> 7;
    return size;
  }
  for (uint32_t i = 0; i < v->len; i++) {
    uint16_t c = v->two[i];
    if (c < 0x80) continue;
    if (c < 0x800) {
      size += 1;
    } else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < v->len && v->two[i + 1] >= 0xDC00 &&
               v->two[i + 1] <= 0xDFFF) {
      size += 2; /* 4 bytes for 2 units */
      i++;
    } else {
      size += 2;
    }
  }
  return size;
}

/* Writes the UTF-8 form of a view at out (utf8_size bytes); returns the end. */
static char *utf8_encode(const View *v, char *out) {
  uint8_t *o = (uint8_t *)out;
  for (uint32_t i = 0; i < v->len; i++) {
    uint32_t c = view_unit(v, i);
    if (c < 0x80) {
      *o++ = (uint8_t)c;
      continue;
    }
    if (c < 0x800) {
      *o++ = (uint8_t)(0xC0 | (c >> 6));
      *o++ = (uint8_t)(0x80 | (c & 0x3F));
      continue;
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
      uint16_t d = i + 1 < v->len ? view_unit(v, i + 1) : 0;
      if (c <= 0xDBFF && d >= 0xDC00 && d <= 0xDFFF) {
        c = 0x10000u + ((c - 0xD800) << 10) + (d - 0xDC00u);
        i++;
        *o++ = (uint8_t)(0xF0 | (c >> 18));
        *o++ = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
        *o++ = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        *o++ = (uint8_t)(0x80 | (c & 0x3F));
        continue;
      }
      c = 0xFFFD; /* a lone surrogate has no UTF-8 form */
    }
    *o++ = (uint8_t)(0xE0 | (c >> 12));
    *o++ = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
    *o++ = (uint8_t)(0x80 | (c & 0x3F));
  }
  return (char *)o;
}

char *st_string_to_utf8(StVM *vm, StString *s, size_t *len) {
  View v;
  view_open(vm, s, &v);
  size_t size = utf8_size(&v);
  char *out = st_xmalloc(size + 1);
  char *end = utf8_encode(&v, out);
  ST_ASSERT((size_t)(end - out) == size, "UTF-8 size and encoding disagree");
  *end = '\0';
  view_close(&v);
  if (len) *len = size;
  return out;
}

void st_string_append_utf8(StVM *vm, StString *s, void *char_vec) {
  StVec(char) *vec = char_vec;
  View v;
  view_open(vm, s, &v);
  size_t size = utf8_size(&v);
  st_vec_reserve(vec, vec->len + size + 1);
  char *end = utf8_encode(&v, vec->data + vec->len);
  vec->len = (size_t)(end - vec->data);
  view_close(&v);
}

/* ------------------------------------------------------------------------------------------ */
/* String builder                                                                             */

void st_string_builder_init(StVM *vm, StStringBuilder *b) {
  memset(b, 0, sizeof *b);
  b->vm = vm;
}

void st_string_builder_free(StStringBuilder *b) {
  free(b->one);
  free(b->two);
  b->one = NULL;
  b->two = NULL;
  b->len = b->cap = 0;
}

/* Makes room for `extra` more units; false (and `failed` set) past the maximum length. */
static bool builder_reserve(StStringBuilder *b, size_t extra) {
  if (b->failed) return false;
  size_t need = b->len + extra;
  if (ST_UNLIKELY(need > ST_STRING_MAX_LENGTH || need < b->len)) {
    b->failed = true;
    return false;
  }
  if (need <= b->cap) return true;
  size_t cap = b->cap ? b->cap * 2 : 32;
  if (cap < need) cap = need;
  if (b->two) b->two = st_xrealloc(b->two, cap * 2);
  else b->one = st_xrealloc(b->one, cap);
  b->cap = cap;
  return true;
}

bool st_string_builder_reserve(StStringBuilder *b, size_t extra) {
  return builder_reserve(b, extra);
}

/* Switches to two bytes per unit (the first unit >= 256 is about to be added). */
static void builder_widen(StStringBuilder *b) {
  size_t cap = b->cap ? b->cap : 32;
  b->two = st_xmalloc(cap * 2);
  for (size_t i = 0; i < b->len; i++) b->two[i] = b->one[i];
  free(b->one);
  b->one = NULL;
  b->cap = cap;
}

void st_string_builder_add_unit(StStringBuilder *b, uint16_t c) {
  if (ST_UNLIKELY(c >= 256 && !b->two) && !b->failed) builder_widen(b);
  if (!builder_reserve(b, 1)) return;
  if (b->two) b->two[b->len++] = c;
  else b->one[b->len++] = (uint8_t)c;
}

void st_string_builder_add_latin1(StStringBuilder *b, const char *p, size_t n) {
  if (n == 0) return; /* (an empty builder has no buffer: memcpy(NULL, p, 0) is undefined) */
  if (!builder_reserve(b, n)) return;
  if (b->two) {
    for (size_t i = 0; i < n; i++) b->two[b->len + i] = (uint8_t)p[i];
  } else {
    memcpy(b->one + b->len, p, n);
  }
  b->len += n;
}

void st_string_builder_add_string(StStringBuilder *b, StString *s) {
  uint32_t n = st_string_length(s);
  if (n == 0 || b->failed) return;
  if (!st_string_is_one_byte(s) && !b->two) builder_widen(b);
  if (!builder_reserve(b, n)) return;
  /* copy_units walks ropes without allocating: adding a rope never flattens it. */
  if (b->two) copy_units(s, b->two + b->len, true);
  else copy_units(s, b->one + b->len, false);
  b->len += n;
}

void st_string_builder_add_cstr(StStringBuilder *b, const char *cs) {
  const uint8_t *p = (const uint8_t *)cs;
  size_t n = strlen(cs);
  size_t i = 0;
  while (i < n) {
    size_t run = i;
    while (run < n && p[run] < 0x80) run++;
    if (run > i) st_string_builder_add_latin1(b, cs + i, run - i);
    i = run;
    if (i == n) break;
    size_t used;
    uint32_t c = utf8_decode_one(p + i, n - i, &used);
    i += used;
    if (c >= 0x10000) {
      c -= 0x10000;
      st_string_builder_add_unit(b, (uint16_t)(0xD800 + (c >> 10)));
      st_string_builder_add_unit(b, (uint16_t)(0xDC00 + (c & 0x3FF)));
    } else {
      st_string_builder_add_unit(b, (uint16_t)c);
    }
  }
}

StString *st_string_builder_finish(StStringBuilder *b) {
  StVM *vm = b->vm;
  StString *s;
  if (b->failed) {
    s = throw_invalid_length(vm);
  } else if (b->two) {
    /* Widened only on a unit >= 256, so two bytes is the right representation. */
    s = st_string_alloc_two_byte(vm, b->len);
    if (s) memcpy(s->u.two, b->two, 2 * b->len);
  } else {
    s = st_string_from_latin1(vm, b->one, b->len);
  }
  st_string_builder_free(b);
  return s;
}

/* ------------------------------------------------------------------------------------------ */
/* Symbols, GC registration, set-up and teardown                                              */

StSymbol *st_string_new_symbol(StVM *vm, StValue description) {
  StSymbol *sym = st_vm_alloc(vm, ST_KIND_SYMBOL, sizeof(StSymbol));
  if (!sym) return NULL;
  sym->description = description;
  st_gc_write_barrier(vm->heap, &sym->hdr, description);
  /* Symbols are unique, so any well-spread number serves: the counter through a multiply. */
  sym->hash = hash_finish(HASH_SEED ^ ((uint64_t)++vm->symbol_counter * HASH_K1));
  return sym;
}

StString *st_symbol_descriptive_string(StVM *vm, const StSymbol *sym) {
  StStringBuilder b;
  st_string_builder_init(vm, &b);
  st_string_builder_add_latin1(&b, "Symbol(", 7);
  if (st_is_string(sym->description)) st_string_builder_add_string(&b, st_get_string(sym->description));
  st_string_builder_add_unit(&b, ')');
  return st_string_builder_finish(&b);
}

static void trace_string(StHeap *h, StCell *c) {
  StString *s = (StString *)c;
  if (s->hdr.flags & ST_STRING_ROPE) {
    st_gc_mark_cell(h, &s->u.rope.left->hdr);
    if (s->u.rope.right) st_gc_mark_cell(h, &s->u.rope.right->hdr);
  }
}

static void trace_symbol(StHeap *h, StCell *c) {
  st_gc_mark_value(h, ((StSymbol *)c)->description);
}

void st_string_init(StVM *vm) {
  st_gc_register_kind(vm->heap, ST_KIND_STRING, "string", trace_string, NULL);
  st_gc_register_kind(vm->heap, ST_KIND_SYMBOL, "symbol", trace_symbol, NULL);
  StInternTable *t = st_xcalloc(1, sizeof *t);
  intern_table_alloc(t, INTERN_MIN_CAPACITY);
  vm->interned = t;
  st_gc_add_weak_callback(vm->heap, intern_drop_dead, vm);
  /* The VM roots these (atoms.empty, single_units); the caller defers collection until then. */
  StString *e = st_string_alloc_one_byte(vm, 0);
  ST_CHECK(e, "cannot allocate the empty string");
  intern_insert(t, e, flat_hash(e));
  vm->atoms.empty = e;
  for (int c = 0; c < 256; c++) {
    StString *s = st_string_alloc_one_byte(vm, 1);
    ST_CHECK(s, "cannot allocate the one-unit strings");
    s->u.one[0] = (uint8_t)c;
    s->hdr.flags |= ST_STRING_INDEX_CHECKED;
    if (c >= '0' && c <= '9') {
      s->hdr.flags |= ST_STRING_IS_INDEX;
      s->index = (uint32_t)(c - '0');
    }
    intern_insert(t, s, flat_hash(s));
    vm->single_units[c] = s;
  }
}

void st_string_free_all(StVM *vm) {
  if (!vm->interned) return;
  free(vm->interned->entries);
  free(vm->interned);
  vm->interned = NULL;
}

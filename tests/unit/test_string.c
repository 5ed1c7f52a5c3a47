/* tests/unit/test_string.c: strings, ropes, interning, UTF-8, the builder, symbols.
 *
 * Every test makes a fresh VM. main runs the whole list twice: once normally and once with GC
 * stress (a collection before every allocation), with the large sizes scaled down so that the
 * stress pass finishes; `test_string --quick` runs only the normal pass with small sizes (for
 * valgrind). Strings in locals are kept alive by the conservative scan of the C stack.
 */
#include "objects/string.h"
#include "objects/vm.h"
#include "support/vec.h"
#include "tests/unit/check.h"

#include <math.h>
#include <stdlib.h>

static void *stack_base;
static bool stress;     /* second pass: collect before every allocation */
static bool quick;      /* smaller sizes (valgrind, stress) */

static StVM *new_vm(void) {
  StFlags f;
  st_flags_init(&f);
  StVM *vm = st_vm_new(&f);
  st_gc_set_stack_base(vm->heap, stack_base);
  if (stress) st_gc_set_stress(vm->heap, true);
  return vm;
}

static size_t scaled(size_t n, size_t small) { return stress || quick ? small : n; }

/* UTF-8 of s in a rotating static buffer, for ST_EXPECT_EQ_STR. */
static const char *u8(StVM *vm, StString *s) {
  static char bufs[4][512];
  static int next;
  char *b = bufs[next++ & 3];
  size_t n;
  char *t = st_string_to_utf8(vm, s, &n);
  snprintf(b, sizeof bufs[0], "%s", t);
  free(t);
  return b;
}

/* The representation invariant: a flat string is one-byte iff all its units are < 256; a
 * rope's one-byte flag is that of its content. */
static bool rep_ok(StVM *vm, StString *s) {
  StString *f = st_string_flatten(vm, s);
  if (!f || st_string_length(f) != st_string_length(s)) return false;
  if (st_string_is_one_byte(f) != st_string_is_one_byte(s)) return false;
  bool any_wide = false;
  for (uint32_t i = 0; i < st_string_length(f); i++) any_wide |= st_string_unit_at(f, i) >= 256;
  return any_wide == !st_string_is_one_byte(f);
}

static StString *u16(StVM *vm, const uint16_t *p, size_t n) { return st_string_from_utf16(vm, p, n); }

static StString *ascii(StVM *vm, const char *s) { return st_string_from_cstr(vm, s); }

/* ------------------------------------------------------------------------------------------ */

static void test_create(void) {
  StVM *vm = new_vm();
  StString *a = st_string_from_latin1(vm, (const uint8_t *)"h\xe9llo", 5);
  ST_EXPECT(st_string_is_one_byte(a) && st_string_is_flat(a));
  ST_EXPECT_EQ_INT(st_string_length(a), 5);
  ST_EXPECT_EQ_INT(st_string_unit_at(a, 1), 0xE9);
  ST_EXPECT_EQ_STR(u8(vm, a), "h\xc3\xa9llo");

  const uint16_t narrow[] = {'a', 0xFF, 'c'};
  StString *b = u16(vm, narrow, 3);
  ST_EXPECT(st_string_is_one_byte(b)); /* picks one byte when every unit fits */
  ST_EXPECT_EQ_INT(st_string_unit_at(b, 1), 0xFF);
  const uint16_t wide[] = {'a', 0x100, 0xD83D, 0xDE00};
  StString *c = u16(vm, wide, 4);
  ST_EXPECT(!st_string_is_one_byte(c));
  ST_EXPECT_EQ_INT(st_string_length(c), 4);
  ST_EXPECT_EQ_INT(st_string_unit_at(c, 1), 0x100);
  ST_EXPECT_EQ_INT(st_string_unit_at(c, 3), 0xDE00);
  ST_EXPECT(rep_ok(vm, a) && rep_ok(vm, b) && rep_ok(vm, c));

  /* UTF-8 with only Latin-1 characters decodes to one byte per unit. */
  StString *d = ascii(vm, "caf\xc3\xa9");
  ST_EXPECT(st_string_is_one_byte(d));
  ST_EXPECT_EQ_INT(st_string_length(d), 4);
  ST_EXPECT_EQ_INT(st_string_unit_at(d, 3), 0xE9);
  StString *e = ascii(vm, "\xe2\x82\xac"); /* U+20AC */
  ST_EXPECT(!st_string_is_one_byte(e));
  ST_EXPECT_EQ_INT(st_string_unit_at(e, 0), 0x20AC);

  /* Empty and one-unit strings are the shared ones. */
  ST_EXPECT(ascii(vm, "") == vm->atoms.empty);
  ST_EXPECT_EQ_INT(st_string_length(vm->atoms.empty), 0);
  ST_EXPECT(ascii(vm, "x") == vm->single_units['x']);
  ST_EXPECT(st_string_from_unit(vm, 'q') == vm->single_units['q']);
  ST_EXPECT(st_string_from_unit(vm, 0xE9) == vm->single_units[0xE9]);
  StString *w = st_string_from_unit(vm, 0x3A9);
  ST_EXPECT(!st_string_is_one_byte(w) && st_string_unit_at(w, 0) == 0x3A9);
  for (int i = 0; i < 256; i++) {
    StString *s = vm->single_units[i];
    ST_EXPECT(s && st_string_length(s) == 1 && st_string_unit_at(s, 0) == i &&
              (s->hdr.flags & ST_STRING_INTERNED));
  }

  /* Fresh strings to fill. */
  StString *f = st_string_alloc_two_byte(vm, 3);
  uint16_t *fd = st_string_two_byte_data(f);
  fd[0] = 0x41;
  fd[1] = 0x3A9;
  fd[2] = 0x42;
  ST_EXPECT_EQ_STR(u8(vm, f), "A\xce\xa9" "B");
  StString *g = st_string_alloc_one_byte(vm, 2);
  memcpy(st_string_one_byte_data(g), "ok", 2);
  ST_EXPECT(st_string_equals_cstr(vm, g, "ok"));
  st_vm_free(vm);
}

static void test_concat_short_and_long(void) {
  StVM *vm = new_vm();
  StString *a = ascii(vm, "hello"), *b = ascii(vm, " world");
  StString *ab = st_string_concat(vm, a, b); /* 11 units: a flat copy */
  ST_EXPECT(st_string_is_flat(ab));
  ST_EXPECT_EQ_STR(u8(vm, ab), "hello world");
  StString *abc = st_string_concat(vm, ab, ascii(vm, "!!")); /* 13 units: a rope */
  ST_EXPECT(!st_string_is_flat(abc));
  ST_EXPECT(abc->hdr.flags & ST_STRING_ONE_BYTE);
  ST_EXPECT_EQ_INT(st_string_length(abc), 13);
  ST_EXPECT_EQ_INT(abc->u.rope.depth, 1);
  ST_EXPECT(st_string_concat(vm, abc, vm->atoms.empty) == abc);
  ST_EXPECT(st_string_concat(vm, vm->atoms.empty, abc) == abc);

  /* Flattening caches the flat copy in the rope; length and flags stay valid. */
  StString *f = st_string_flatten(vm, abc);
  ST_EXPECT(f && st_string_is_flat(f) && f != abc);
  ST_EXPECT(abc->hdr.flags & ST_STRING_FLATTENED);
  ST_EXPECT(abc->u.rope.left == f && abc->u.rope.right == NULL);
  ST_EXPECT(st_string_flatten(vm, abc) == f);
  ST_EXPECT_EQ_INT(st_string_length(abc), 13);
  ST_EXPECT(st_string_is_one_byte(abc));
  ST_EXPECT_EQ_STR(u8(vm, abc), "hello world!!");

  /* A flattened rope as an operand: the new rope takes its flat copy as the child. */
  StString *r2 = st_string_concat(vm, abc, ascii(vm, "?"));
  ST_EXPECT(!st_string_is_flat(r2) && r2->u.rope.left == f && r2->u.rope.depth == 1);

  /* Mixed widths: a rope is one-byte only if both halves are. */
  const uint16_t om[] = {0x3A9, 'x'};
  StString *w = st_string_concat(vm, abc, u16(vm, om, 2));
  ST_EXPECT(!st_string_is_flat(w) && !st_string_is_one_byte(w));
  ST_EXPECT_EQ_STR(u8(vm, w), "hello world!!\xce\xa9x");
  ST_EXPECT(rep_ok(vm, w));
  StString *sw = st_string_concat(vm, ascii(vm, "ab"), u16(vm, om, 2)); /* short mixed */
  ST_EXPECT(st_string_is_flat(sw) && !st_string_is_one_byte(sw));
  ST_EXPECT_EQ_STR(u8(vm, sw), "ab\xce\xa9x");
  st_vm_free(vm);
}

/* Leaf i of a balanced rope: 13 units, two-byte for every 7th leaf. */
static StString *leaf(StVM *vm, size_t i) {
  uint16_t u[13];
  for (int k = 0; k < 13; k++) u[k] = (uint16_t)(i % 7 == 0 ? 0x400 + k : 'a' + k);
  return u16(vm, u, 13);
}

/* Leaves [lo, hi) as a balanced rope; the left half stays on the C stack (so the
 * conservative scan keeps it) while the right half is built. */
static StString *balanced(StVM *vm, size_t lo, size_t hi) {
  if (hi - lo == 1) return leaf(vm, lo);
  size_t mid = lo + (hi - lo) / 2;
  StString *l = balanced(vm, lo, mid);
  StString *r = balanced(vm, mid, hi);
  return st_string_concat(vm, l, r);
}

/* Builds ropes deep on the left (s += x), on the right (s = x + s) and balanced, and checks
 * their contents unit by unit after flattening (the explicit-stack walk). */
static void test_deep_ropes(void) {
  StVM *vm = new_vm();
  size_t n = scaled(200000, 2000);
  StString *piece = ascii(vm, "0123456789abcdefghij"); /* 20 units: never flattened eagerly */
  StString *left = vm->atoms.empty, *right = vm->atoms.empty;
  for (size_t i = 0; i < n; i++) {
    left = st_string_concat(vm, left, piece);
    right = st_string_concat(vm, piece, right);
  }
  ST_EXPECT_EQ_INT(st_string_length(left), 20 * n);
  ST_EXPECT_EQ_INT(left->u.rope.depth, n - 1); /* first concat returned piece itself */
  ST_EXPECT_EQ_INT(right->u.rope.depth, n - 1);
  StString *fl = st_string_flatten(vm, left), *fr = st_string_flatten(vm, right);
  ST_EXPECT(fl && fr);
  bool ok = true;
  for (size_t i = 0; i < 20 * n && ok; i++)
    ok = st_string_unit_at(fl, (uint32_t)i) == "0123456789abcdefghij"[i % 20] &&
         st_string_unit_at(fr, (uint32_t)i) == st_string_unit_at(fl, (uint32_t)i);
  ST_EXPECT(ok);
  ST_EXPECT(st_string_equals(vm, left, right));

  /* Balanced: pairs of pairs, with two-byte leaves mixed in. */
  size_t leaves = scaled(1 << 14, 256);
  StString *bal = balanced(vm, 0, leaves);
  ST_EXPECT(!st_string_is_one_byte(bal));
  ST_EXPECT_EQ_INT(st_string_length(bal), 13 * leaves);
  StString *fb = st_string_flatten(vm, bal);
  ok = fb != NULL;
  for (size_t i = 0; i < leaves && ok; i++)
    for (int k = 0; k < 13 && ok; k++)
      ok = st_string_unit_at(fb, (uint32_t)(i * 13 + k)) == (i % 7 == 0 ? 0x400 + k : 'a' + k);
  ST_EXPECT(ok);
  ST_EXPECT(rep_ok(vm, bal));
  st_vm_free(vm);
}

/* `s += x` a million times must be linear: time n and n/4 appends. */
static double time_appends(StVM *vm, size_t n, const char *piece, StString **out) {
  StString *x = ascii(vm, piece);
  StString *s = vm->atoms.empty;
  uint64_t t0 = st_common_now_ns();
  for (size_t i = 0; i < n; i++) s = st_string_concat(vm, s, x);
  s = st_string_flatten(vm, s);
  uint64_t t1 = st_common_now_ns();
  *out = s;
  return (double)(t1 - t0) / 1e6;
}

static void test_million_appends(void) {
  StVM *vm = new_vm();
  size_t n = scaled(1000000, 3000);
  StString *s1, *s4;
  double t4 = time_appends(vm, n / 4, "x", &s4);
  double t1 = time_appends(vm, n, "x", &s1);
  ST_EXPECT(s1 && st_string_length(s1) == n && st_string_is_flat(s1));
  bool ok = true;
  for (size_t i = 0; i < n && ok; i++) ok = st_string_unit_at(s1, (uint32_t)i) == 'x';
  ST_EXPECT(ok);
  StString *s3;
  double t3 = time_appends(vm, n, "abc", &s3);
  ST_EXPECT(s3 && st_string_length(s3) == 3 * n);
  ST_EXPECT(st_string_unit_at(s3, (uint32_t)(3 * n - 1)) == 'c');
  printf("  s += 'x': %zu appends %.1f ms, %zu appends %.1f ms (ratio %.2f, linear = 4); "
         "%zu x 'abc' %.1f ms\n",
         n / 4, t4, n, t1, t4 > 0 ? t1 / t4 : 0.0, n, t3);
  if (!stress && !quick) {
    ST_EXPECT(t1 < 3000.0);     /* quadratic would take minutes */
    ST_EXPECT(t1 < 12 * t4 + 50); /* linear is 4x; quadratic 16x */
  }
  /* Eager flattening keeps one-unit appends shallow: depth stays below length / ratio. */
  StString *s = vm->atoms.empty, *x = vm->single_units['y'];
  uint32_t max_depth = 0;
  for (size_t i = 0; i < scaled(100000, 2000); i++) {
    s = st_string_concat(vm, s, x);
    if (!st_string_is_flat(s) && s->u.rope.depth > max_depth) max_depth = s->u.rope.depth;
  }
  ST_EXPECT(max_depth > 0 && (max_depth <= 257 || max_depth * 15 <= st_string_length(s)));
  st_vm_free(vm);
}

static void test_substring(void) {
  StVM *vm = new_vm();
  StString *s = ascii(vm, "hello, world");
  ST_EXPECT_EQ_STR(u8(vm, st_string_substring(vm, s, 7, 12)), "world");
  ST_EXPECT(st_string_substring(vm, s, 0, 12) == s);
  ST_EXPECT(st_string_substring(vm, s, 3, 3) == vm->atoms.empty);
  ST_EXPECT(st_string_substring(vm, s, 4, 5) == vm->single_units['o']);
  /* A Latin-1 slice of a two-byte string is one-byte. */
  const uint16_t u[] = {0x3A9, 'a', 'b', 0xE9, 0x3A9};
  StString *w = u16(vm, u, 5);
  StString *ws = st_string_substring(vm, w, 1, 4);
  ST_EXPECT(st_string_is_one_byte(ws) && st_string_length(ws) == 3);
  ST_EXPECT_EQ_STR(u8(vm, ws), "ab\xc3\xa9");
  StString *ww = st_string_substring(vm, w, 3, 5);
  ST_EXPECT(!st_string_is_one_byte(ww) && st_string_unit_at(ww, 1) == 0x3A9);
  ST_EXPECT(rep_ok(vm, ws) && rep_ok(vm, ww));
  /* Of ropes: inside one half (no flattening of the whole) and across the halves. */
  StString *r = st_string_concat(vm, ascii(vm, "abcdefghij"), ascii(vm, "klmnopqrst"));
  r = st_string_concat(vm, r, ascii(vm, "uvwxyz"));
  ST_EXPECT_EQ_STR(u8(vm, st_string_substring(vm, r, 21, 26)), "vwxyz");
  ST_EXPECT(!(r->hdr.flags & ST_STRING_FLATTENED));
  ST_EXPECT_EQ_STR(u8(vm, st_string_substring(vm, r, 2, 5)), "cde");
  ST_EXPECT(!(r->hdr.flags & ST_STRING_FLATTENED));
  ST_EXPECT_EQ_STR(u8(vm, st_string_substring(vm, r, 8, 22)), "ijklmnopqrstuv");
  st_vm_free(vm);
}

static void test_code_points(void) {
  StVM *vm = new_vm();
  const uint16_t u[] = {'a', 0xD83D, 0xDE00, 0xD800, 'b', 0xDC00, 0xDBFF};
  StString *s = u16(vm, u, 7);
  ST_EXPECT_EQ_INT(st_string_code_point_at(s, 0), 'a');
  ST_EXPECT_EQ_INT(st_string_code_point_at(s, 1), 0x1F600);
  ST_EXPECT_EQ_INT(st_string_code_point_at(s, 2), 0xDE00); /* trailing half read alone */
  ST_EXPECT_EQ_INT(st_string_code_point_at(s, 3), 0xD800); /* lone lead followed by 'b' */
  ST_EXPECT_EQ_INT(st_string_code_point_at(s, 5), 0xDC00);
  ST_EXPECT_EQ_INT(st_string_code_point_at(s, 6), 0xDBFF); /* lone lead at the end */
  ST_EXPECT_EQ_INT(st_string_unit_at(s, 2), 0xDE00);
  /* Lone surrogates become U+FFFD in UTF-8; the pair becomes one 4-byte sequence. */
  ST_EXPECT_EQ_STR(u8(vm, s), "a\xf0\x9f\x98\x80\xef\xbf\xbd" "b\xef\xbf\xbd\xef\xbf\xbd");
  /* A pair split across the halves of a rope is still a pair once flattened. */
  StString *r = st_string_concat(vm, u16(vm, (const uint16_t[]){'x', 'x', 'x', 'x', 'x', 'x', 'x', 0xD83D}, 8),
                                 u16(vm, (const uint16_t[]){0xDE00, 'y', 'y', 'y', 'y', 'y'}, 6));
  ST_EXPECT(!st_string_is_flat(r));
  ST_EXPECT_EQ_STR(u8(vm, r), "xxxxxxx\xf0\x9f\x98\x80yyyyy");
  st_vm_free(vm);
}

static void test_equals_compare_hash(void) {
  StVM *vm = new_vm();
  StString *a = ascii(vm, "property_name_x"), *b = ascii(vm, "property_name_x");
  ST_EXPECT(a != b && st_string_equals(vm, a, b));
  ST_EXPECT_EQ_INT(st_string_hash(vm, a), st_string_hash(vm, b));
  /* The same content as a rope, and from UTF-16 units. */
  StString *r = st_string_concat(vm, ascii(vm, "property_"), ascii(vm, "name_x"));
  ST_EXPECT(!st_string_is_flat(r));
  ST_EXPECT_EQ_INT(st_string_hash(vm, r), st_string_hash(vm, a));
  ST_EXPECT(st_string_equals(vm, r, a) && st_string_equals(vm, a, r));
  uint16_t units[15];
  for (int i = 0; i < 15; i++) units[i] = (uint16_t)"property_name_x"[i];
  StString *i16 = st_string_intern_utf16(vm, units, 15);
  ST_EXPECT_EQ_INT(st_string_hash(vm, i16), st_string_hash(vm, a));
  ST_EXPECT(!st_string_equals(vm, a, ascii(vm, "property_name_y")));
  ST_EXPECT(!st_string_equals(vm, a, ascii(vm, "property_name_")));
  ST_EXPECT(st_string_equals_cstr(vm, r, "property_name_x"));
  ST_EXPECT(!st_string_equals_cstr(vm, r, "property_name_"));
  /* Hashes of two-byte content agree between a flat string and a rope of it. */
  const uint16_t w[] = {0x3A9, 'a', 0x3A9, 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'};
  StString *wf = u16(vm, w, 14);
  StString *wr = st_string_concat(vm, u16(vm, w, 3), u16(vm, w + 3, 11));
  ST_EXPECT_EQ_INT(st_string_hash(vm, wf), st_string_hash(vm, wr));
  ST_EXPECT(st_string_equals(vm, wf, wr));
  ST_EXPECT(st_string_hash(vm, wf) != st_string_hash(vm, a));
  /* Different strings of similar shape hash differently (a weak test of spread). */
  uint32_t hashes[64];
  int collisions = 0;
  for (int i = 0; i < 64; i++) {
    char buf[16];
    snprintf(buf, sizeof buf, "k%d", i);
    hashes[i] = st_string_hash(vm, ascii(vm, buf));
    for (int j = 0; j < i; j++) collisions += hashes[j] == hashes[i];
  }
  ST_EXPECT_EQ_INT(collisions, 0);
  ST_EXPECT(st_string_hash(vm, ascii(vm, "ab")) != st_string_hash(vm, ascii(vm, "ab\x01")));

  /* Relational comparison by code units. */
  ST_EXPECT(st_string_compare(vm, ascii(vm, "abc"), ascii(vm, "abd")) < 0);
  ST_EXPECT(st_string_compare(vm, ascii(vm, "abd"), ascii(vm, "abc")) > 0);
  ST_EXPECT(st_string_compare(vm, ascii(vm, "ab"), ascii(vm, "abc")) < 0);
  ST_EXPECT(st_string_compare(vm, ascii(vm, "abc"), ascii(vm, "ab")) > 0);
  ST_EXPECT(st_string_compare(vm, vm->atoms.empty, ascii(vm, "a")) < 0);
  ST_EXPECT_EQ_INT(st_string_compare(vm, a, r), 0);
  ST_EXPECT(st_string_compare(vm, ascii(vm, "\xc3\xbf"), st_string_from_unit(vm, 0x100)) < 0);
  ST_EXPECT(st_string_compare(vm, ascii(vm, "Z"), ascii(vm, "a")) < 0);
  ST_EXPECT(st_string_compare(vm, ascii(vm, "\xc3\xa9"), ascii(vm, "z")) > 0); /* 0xE9 > 'z' */
  /* U+FF61 sorts after U+1F600 by code units (0xFF61 > 0xD83D), unlike by code points. */
  StString *half = ascii(vm, "\xef\xbd\xa1"), *emoji = ascii(vm, "\xf0\x9f\x98\x80");
  ST_EXPECT(st_string_compare(vm, half, emoji) > 0);
  ST_EXPECT(st_string_compare(vm, emoji, half) < 0);
  st_vm_free(vm);
}

/* Interns `count` strings nobody else keeps, in a frame that is gone when the caller
 * collects. */
static ST_NOINLINE void intern_garbage(StVM *vm, int count) {
  for (int i = 0; i < count; i++) {
    char buf[32];
    snprintf(buf, sizeof buf, "garbage-key-%d", i);
    if (!st_string_intern_cstr(vm, buf)) return;
  }
}

/* Overwrites dead stack below the caller so stale pointers do not look like roots. */
static ST_NOINLINE void clobber_stack(void) {
  volatile char buf[16384];
  memset((char *)buf, 0, sizeof buf);
}

static void test_intern(void) {
  StVM *vm = new_vm();
  StString *a = ascii(vm, "someKey");
  ST_EXPECT(!(a->hdr.flags & ST_STRING_INTERNED));
  StString *ia = st_string_intern(vm, a);
  ST_EXPECT(ia == a && (a->hdr.flags & ST_STRING_INTERNED)); /* made canonical in place */
  StString *b = ascii(vm, "someKey");
  ST_EXPECT(st_string_intern(vm, b) == a);
  ST_EXPECT(!(b->hdr.flags & ST_STRING_INTERNED));
  ST_EXPECT(st_string_intern_cstr(vm, "someKey") == a);
  const uint16_t u[] = {'s', 'o', 'm', 'e', 'K', 'e', 'y'};
  ST_EXPECT(st_string_intern_utf16(vm, u, 7) == a);
  ST_EXPECT(st_string_intern_cstr(vm, "") == vm->atoms.empty);
  ST_EXPECT(st_string_intern_cstr(vm, "q") == vm->single_units['q']);
  ST_EXPECT(st_string_intern_cstr(vm, "length") == vm->atoms.length);

  /* A rope is flattened and its flat copy interned (or replaced by the canonical one). */
  StString *r = st_string_concat(vm, ascii(vm, "abcdefgh"), ascii(vm, "ijklmnop"));
  ST_EXPECT(!st_string_is_flat(r));
  StString *ir = st_string_intern(vm, r);
  ST_EXPECT(ir && st_string_is_flat(ir) && (ir->hdr.flags & ST_STRING_INTERNED));
  ST_EXPECT(ir == r->u.rope.left);
  ST_EXPECT(st_string_intern_cstr(vm, "abcdefghijklmnop") == ir);
  StString *r2 = st_string_concat(vm, ascii(vm, "abcdefghijklmn"), ascii(vm, "op"));
  ST_EXPECT(st_string_intern(vm, r2) == ir);
  ST_EXPECT(r2->u.rope.left == ir); /* the rope now shares the canonical copy */

  /* Two-byte and non-ASCII UTF-8 keys. */
  StString *w = st_string_intern_cstr(vm, "\xce\xa9mega");
  ST_EXPECT(w && !st_string_is_one_byte(w) && st_string_length(w) == 5);
  const uint16_t wu[] = {0x3A9, 'm', 'e', 'g', 'a'};
  ST_EXPECT(st_string_intern_utf16(vm, wu, 5) == w);
  ST_EXPECT(st_string_intern(vm, u16(vm, wu, 5)) == w);
  StString *lat = st_string_intern_cstr(vm, "caf\xc3\xa9"); /* non-ASCII, but Latin-1 */
  ST_EXPECT(lat && st_string_is_one_byte(lat));
  ST_EXPECT(st_string_intern(vm, st_string_from_latin1(vm, (const uint8_t *)"caf\xe9", 4)) == lat);
  const uint16_t lu[] = {'c', 'a', 'f', 0xE9};
  ST_EXPECT(st_string_intern_utf16(vm, lu, 4) == lat);

  /* Canonical array-index strings are interned like any other. */
  StString *i7 = st_string_intern_cstr(vm, "77");
  ST_EXPECT(i7 && st_string_intern(vm, st_string_from_int(vm, 77)) == i7);

  /* Lookups of existing strings do not allocate. */
  uint64_t before = st_gc_stats(vm->heap)->bytes_allocated_total;
  ST_EXPECT(st_string_intern_cstr(vm, "someKey") == a);
  ST_EXPECT(st_string_intern_utf16(vm, wu, 5) == w);
  ST_EXPECT(st_string_intern_cstr(vm, "\xce\xa9mega") == w);
  ST_EXPECT(st_string_intern(vm, b) == a);
  ST_EXPECT_EQ_INT(st_gc_stats(vm->heap)->bytes_allocated_total, before);

  /* Growth: many keys, all still found after the table grew and after a collection. The
   * keys are kept alive as the halves of a rope (they are long enough not to be copied). */
  int many = (int)scaled(20000, 500);
  clobber_stack();
  st_gc_collect(vm->heap, ST_GC_REASON_REQUEST);
  /* Strings interned above that are no longer used may still die in the collections below
   * (the conservative scan decides when): allow for those few. */
  size_t base = st_string_intern_count(vm);
  StString *all = vm->atoms.empty;
  for (int i = 0; i < many; i++) {
    char buf[32];
    snprintf(buf, sizeof buf, "growth-key-%06d", i);
    StString *k = st_string_intern_cstr(vm, buf);
    if (!k) break;
    all = st_string_concat(vm, all, k);
  }
  size_t grown = st_string_intern_count(vm);
  ST_EXPECT(grown <= base + (size_t)many && grown + 10 >= base + (size_t)many);
  clobber_stack();
  st_gc_collect(vm->heap, ST_GC_REASON_REQUEST);
  size_t kept = st_string_intern_count(vm);
  ST_EXPECT(kept <= grown && kept + 10 >= base + (size_t)many);
  before = st_gc_stats(vm->heap)->bytes_allocated_total;
  bool found = true;
  for (int i = 0; i < many && found; i++) {
    char buf[32];
    snprintf(buf, sizeof buf, "growth-key-%06d", i);
    StString *k = st_string_intern_cstr(vm, buf);
    found = k && (k->hdr.flags & ST_STRING_INTERNED) && st_string_equals_cstr(vm, k, buf);
  }
  ST_EXPECT(found);
  ST_EXPECT_EQ_INT(st_gc_stats(vm->heap)->bytes_allocated_total, before);
  ST_EXPECT_EQ_INT(st_string_length(all), 17 * (size_t)many);

  /* Weakness: unreferenced interned strings are removed by a collection; referenced ones
   * stay canonical. */
  StString *keep = st_string_intern_cstr(vm, "keep-me-alive");
  size_t n0 = st_string_intern_count(vm);
  intern_garbage(vm, (int)scaled(5000, 300));
  size_t n1 = st_string_intern_count(vm);
  ST_EXPECT(stress || n1 >= n0 + 300);
  clobber_stack();
  st_gc_collect(vm->heap, ST_GC_REASON_REQUEST);
  size_t n2 = st_string_intern_count(vm);
  ST_EXPECT(n2 + 250 < n1 || (stress && n2 < n0 + 50)); /* the conservative scan may keep a few */
  ST_EXPECT(st_string_intern_cstr(vm, "keep-me-alive") == keep);
  ST_EXPECT(st_string_intern_cstr(vm, "someKey") == a);
  ST_EXPECT(st_string_intern_cstr(vm, "abcdefghijklmnop") == ir);
  StString *again = st_string_intern_cstr(vm, "garbage-key-7");
  ST_EXPECT(again && st_string_equals_cstr(vm, again, "garbage-key-7"));
  ST_EXPECT(st_string_intern_cstr(vm, "garbage-key-7") == again);
  for (int i = 1; i < 128; i++)
    ST_EXPECT(st_string_intern_cstr(vm, (char[]){(char)i, 0}) == vm->single_units[i]);
  printf("  intern table: %zu entries before garbage, %zu with it, %zu after a collection\n", n0,
         n1, n2);
  st_vm_free(vm);
}

static void test_as_index(void) {
  StVM *vm = new_vm();
  static const struct { const char *s; bool ok; uint32_t v; } cases[] = {
      {"0", true, 0},           {"10", true, 10},        {"4294967294", true, 4294967294u},
      {"123456789", true, 123456789}, {"01", false, 0},  {"-1", false, 0},
      {"4294967295", false, 0}, {"1.0", false, 0},       {"", false, 0},
      {"00", false, 0},         {" 1", false, 0},        {"1 ", false, 0},
      {"+1", false, 0},         {"99999999999", false, 0}, {"1e3", false, 0},
      {"9999999999", false, 0}, {"-0", false, 0},        {"x", false, 0},
  };
  for (size_t i = 0; i < ST_ARRAY_LEN(cases); i++) {
    StString *s = ascii(vm, cases[i].s);
    uint32_t v = 12345;
    bool ok = st_string_as_index(vm, s, &v);
    if (ok != cases[i].ok || (ok && v != cases[i].v)) {
      printf("  as_index(\"%s\") = %d, %u\n", cases[i].s, ok, v);
      ST_EXPECT(0);
    }
    ST_EXPECT(s->hdr.flags & ST_STRING_INDEX_CHECKED);
    /* The cached answer is the same. */
    uint32_t v2 = 12345;
    ST_EXPECT(st_string_as_index(vm, s, &v2) == ok && (!ok || v2 == v));
  }
  const uint16_t fw[] = {0xFF11}; /* fullwidth digit one */
  uint32_t v;
  ST_EXPECT(!st_string_as_index(vm, u16(vm, fw, 1), &v));
  StString *r = st_string_concat(vm, ascii(vm, "1234567"), ascii(vm, "891011"));
  ST_EXPECT(!st_string_as_index(vm, r, &v));
  StString *i = st_string_from_int(vm, 4096);
  ST_EXPECT((i->hdr.flags & ST_STRING_IS_INDEX) && i->index == 4096);
  ST_EXPECT(st_string_as_index(vm, i, &v) && v == 4096);
  ST_EXPECT(!st_string_as_index(vm, st_string_from_int(vm, -5), &v));
  ST_EXPECT(st_string_as_index(vm, vm->single_units['7'], &v) && v == 7);
  st_vm_free(vm);
}

/* Decodes bytes and compares the units. */
static bool decodes_to(StVM *vm, const char *bytes, const uint16_t *want, size_t n) {
  StString *s = st_string_from_utf8(vm, bytes, strlen(bytes));
  if (!s || st_string_length(s) != n || !rep_ok(vm, s)) return false;
  for (size_t i = 0; i < n; i++)
    if (st_string_unit_at(s, (uint32_t)i) != want[i]) {
      printf("  unit %zu: %04x, want %04x\n", i, st_string_unit_at(s, (uint32_t)i), want[i]);
      return false;
    }
  return true;
}

#define DECODES(bytes, ...) \
  ST_EXPECT(decodes_to(vm, bytes, (const uint16_t[]){__VA_ARGS__}, \
                       sizeof((const uint16_t[]){__VA_ARGS__}) / 2))

static void test_utf8(void) {
  StVM *vm = new_vm();
  enum { R = 0xFFFD };
  DECODES("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 'a', 0xE9, 0x20AC, 0xD83D, 0xDE00);
  DECODES("\xf4\x8f\xbf\xbf", 0xDBFF, 0xDFFF); /* U+10FFFF */
  DECODES("\xef\xbf\xbf", 0xFFFF);
  /* Ill-formed input, WHATWG maximal subparts: one U+FFFD per maximal subpart. */
  DECODES("\x80", R);
  DECODES("\xbf" "a", R, 'a');
  DECODES("\xc0\x80", R, R);                 /* C0 is never a lead byte */
  DECODES("\xc1\xbf", R, R);
  DECODES("\xe0\x80\x80", R, R, R);          /* overlong: E0 needs A0..BF next */
  DECODES("\xe0\xa0", R);                    /* truncated at the end: one U+FFFD */
  DECODES("\xe1\x80" "b", R, 'b');           /* truncated before an ASCII byte */
  DECODES("\xed\xa0\x80", R, R, R);          /* encoded surrogate */
  DECODES("\xed\x9f\xbf", 0xD7FF);
  DECODES("\xf0\x9f\x98", R);                /* truncated 4-byte sequence */
  DECODES("\xf0\x9f\x98" "x", R, 'x');
  DECODES("\xf0\x80\x80\x80", R, R, R, R);   /* overlong 4-byte */
  DECODES("\xf4\x90\x80\x80", R, R, R, R);   /* above U+10FFFF */
  DECODES("\xf5\x80", R, R);
  DECODES("\xff\xfe", R, R);
  DECODES("\xe2\x28\xa1", R, '(', R);        /* the byte that breaks a sequence starts anew */
  DECODES("\xc3\xc3\xa9", R, 0xE9);
  DECODES("\xe2\x82\xe2\x82\xac", R, 0x20AC);
  DECODES("\xf0\x9f\xf0\x9f\x98\x80", R, 0xD83D, 0xDE00);

  /* Out: UTF-8 with lone surrogates as EF BF BD, through both entry points. */
  const uint16_t u[] = {0xDC00, 'a', 0xD83D, 0xDE00, 0xE9, 0x7FF, 0x800, 0xD800};
  StString *s = u16(vm, u, 8);
  size_t len = 0;
  char *t = st_string_to_utf8(vm, s, &len);
  const char want[] = "\xef\xbf\xbd" "a\xf0\x9f\x98\x80\xc3\xa9\xdf\xbf\xe0\xa0\x80\xef\xbf\xbd";
  ST_EXPECT_EQ_INT(len, sizeof want - 1);
  ST_EXPECT(memcmp(t, want, sizeof want) == 0); /* including the NUL */
  free(t);
  StVec(char) v = {0};
  st_vec_push(&v, '[');
  st_string_append_utf8(vm, s, &v);
  st_string_append_utf8(vm, ascii(vm, "caf\xc3\xa9"), &v);
  ST_EXPECT_EQ_INT(v.len, 1 + (sizeof want - 1) + 5);
  ST_EXPECT(v.data[0] == '[' && memcmp(v.data + 1, want, sizeof want - 1) == 0);
  ST_EXPECT(memcmp(v.data + 1 + sizeof want - 1, "caf\xc3\xa9", 5) == 0);
  st_vec_free(&v);
  /* A NUL unit survives the round trip (the length says where the string ends). */
  StString *z = st_string_from_utf8(vm, "a\0b", 3);
  ST_EXPECT_EQ_INT(st_string_length(z), 3);
  t = st_string_to_utf8(vm, z, &len);
  ST_EXPECT(len == 3 && memcmp(t, "a\0b", 3) == 0);
  free(t);
  /* Round trip of every BMP non-surrogate code point and some astral ones. */
  StStringBuilder b;
  st_string_builder_init(vm, &b);
  for (uint32_t c = 1; c < 0x10000; c += 7)
    if (c < 0xD800 || c > 0xDFFF) st_string_builder_add_unit(&b, (uint16_t)c);
  st_string_builder_add_cstr(&b, "\xf0\x90\x80\x80\xf3\xa0\x80\x81");
  StString *all = st_string_builder_finish(&b);
  t = st_string_to_utf8(vm, all, &len);
  StString *back = st_string_from_utf8(vm, t, len);
  free(t);
  ST_EXPECT(back && st_string_equals(vm, all, back));
  st_vm_free(vm);
}

static void test_builder(void) {
  StVM *vm = new_vm();
  StStringBuilder b;
  st_string_builder_init(vm, &b);
  StString *e = st_string_builder_finish(&b);
  ST_EXPECT(e == vm->atoms.empty);

  st_string_builder_init(vm, &b);
  st_string_builder_add_cstr(&b, "abc");
  st_string_builder_add_latin1(&b, "\xe9!", 2);
  st_string_builder_add_unit(&b, 'z');
  ST_EXPECT(b.one && !b.two);
  StString *s1 = st_string_builder_finish(&b);
  ST_EXPECT(st_string_is_one_byte(s1));
  ST_EXPECT_EQ_STR(u8(vm, s1), "abc\xc3\xa9!z");

  /* Widening on the first unit >= 256 keeps what came before. */
  st_string_builder_init(vm, &b);
  for (int i = 0; i < 100; i++) st_string_builder_add_unit(&b, (uint16_t)('a' + i % 26));
  st_string_builder_add_unit(&b, 0x3A9);
  ST_EXPECT(b.two && !b.one);
  st_string_builder_add_latin1(&b, "\xe9", 1);
  st_string_builder_add_cstr(&b, "\xe2\x82\xac\xf0\x9f\x98\x80");
  StString *s2 = st_string_builder_finish(&b);
  ST_EXPECT(!st_string_is_one_byte(s2));
  ST_EXPECT_EQ_INT(st_string_length(s2), 105);
  ST_EXPECT(st_string_unit_at(s2, 0) == 'a' && st_string_unit_at(s2, 99) == 'a' + 99 % 26);
  ST_EXPECT(st_string_unit_at(s2, 100) == 0x3A9 && st_string_unit_at(s2, 101) == 0xE9);
  ST_EXPECT(st_string_unit_at(s2, 102) == 0x20AC && st_string_unit_at(s2, 103) == 0xD83D);

  /* Adding strings: flat, two-byte (widens), and a rope (added without flattening it). */
  StString *rope = st_string_concat(vm, ascii(vm, "0123456789"), ascii(vm, "abcdefghij"));
  st_string_builder_init(vm, &b);
  st_string_builder_add_string(&b, ascii(vm, "<"));
  st_string_builder_add_string(&b, rope);
  ST_EXPECT(!(rope->hdr.flags & ST_STRING_FLATTENED));
  ST_EXPECT(b.one != NULL);
  st_string_builder_add_string(&b, st_string_from_unit(vm, 0x3A9));
  st_string_builder_add_string(&b, rope);
  StString *s3 = st_string_builder_finish(&b);
  ST_EXPECT_EQ_STR(u8(vm, s3), "<0123456789abcdefghij\xce\xa9" "0123456789abcdefghij");

  /* Growth over many appends. */
  size_t n = scaled(200000, 3000);
  st_string_builder_init(vm, &b);
  for (size_t i = 0; i < n; i++) st_string_builder_add_unit(&b, (uint16_t)('0' + i % 10));
  StString *big = st_string_builder_finish(&b);
  ST_EXPECT_EQ_INT(st_string_length(big), n);
  ST_EXPECT(st_string_unit_at(big, (uint32_t)(n - 1)) == '0' + (n - 1) % 10);
  ST_EXPECT(b.one == NULL && b.two == NULL); /* finish frees */

  /* Past the maximum length: finish throws a RangeError. (The oversized add fails before it
   * reads its argument.) */
  st_string_builder_init(vm, &b);
  st_string_builder_add_cstr(&b, "x");
  st_string_builder_add_latin1(&b, "y", (size_t)ST_STRING_MAX_LENGTH);
  ST_EXPECT(b.failed);
  ST_EXPECT(st_string_builder_finish(&b) == NULL);
  ST_EXPECT(st_vm_has_exception(vm));
  st_vm_take_exception(vm);

  st_string_builder_init(vm, &b); /* abandoned */
  st_string_builder_add_cstr(&b, "abandoned");
  st_string_builder_free(&b);
  st_vm_free(vm);
}

static void test_too_long(void) {
  StVM *vm = new_vm();
  /* Doubling ropes reach the limit without allocating the characters. */
  StString *s = ascii(vm, "abcdefghijklmnop"); /* 2^4 units */
  for (int i = 4; i < 28; i++) s = st_string_concat(vm, s, s);
  ST_EXPECT(s && st_string_length(s) == (1u << 28));
  ST_EXPECT(!st_vm_has_exception(vm));
  StString *t = st_string_concat(vm, s, s); /* 2^29 > 2^29 - 24 */
  ST_EXPECT(t == NULL && st_vm_has_exception(vm));
  st_vm_take_exception(vm);
  ST_EXPECT(st_string_alloc_one_byte(vm, (size_t)ST_STRING_MAX_LENGTH + 1) == NULL);
  ST_EXPECT(st_vm_has_exception(vm));
  st_vm_take_exception(vm);
  StString *u = st_string_concat(vm, s, s->u.rope.left);
  ST_EXPECT(u && st_string_length(u) == 3u << 27);
  st_vm_free(vm);
}

static void test_numbers(void) {
  StVM *vm = new_vm();
  ST_EXPECT_EQ_STR(u8(vm, st_string_from_int(vm, 0)), "0");
  ST_EXPECT_EQ_STR(u8(vm, st_string_from_int(vm, -7)), "-7");
  ST_EXPECT_EQ_STR(u8(vm, st_string_from_int(vm, 2147483647)), "2147483647");
  ST_EXPECT_EQ_STR(u8(vm, st_string_from_int(vm, INT32_MIN)), "-2147483648");
  ST_EXPECT_EQ_STR(u8(vm, st_string_from_double(vm, 0.1)), "0.1");
  ST_EXPECT_EQ_STR(u8(vm, st_string_from_double(vm, -0.0)), "0");
  ST_EXPECT_EQ_STR(u8(vm, st_string_from_double(vm, 1e21)), "1e+21");
  ST_EXPECT_EQ_STR(u8(vm, st_string_from_double(vm, 123456789012.0)), "123456789012");
  ST_EXPECT_EQ_STR(u8(vm, st_string_from_double(vm, 1.5e-7)), "1.5e-7");
  ST_EXPECT_EQ_STR(u8(vm, st_string_from_double(vm, NAN)), "NaN");
  ST_EXPECT_EQ_STR(u8(vm, st_string_from_double(vm, -INFINITY)), "-Infinity");
  ST_EXPECT(st_string_from_double(vm, 5.0) == vm->single_units['5']);
  ST_EXPECT(st_string_to_number(vm, ascii(vm, "42")) == 42.0);
  ST_EXPECT(st_string_to_number(vm, ascii(vm, "  -1.5e3 \n")) == -1500.0);
  ST_EXPECT(st_string_to_number(vm, ascii(vm, "")) == 0.0);
  ST_EXPECT(st_string_to_number(vm, ascii(vm, "0x1F")) == 31.0);
  ST_EXPECT(isnan(st_string_to_number(vm, ascii(vm, "12px"))));
  const uint16_t w[] = {0x3000, '7', 0xFEFF};
  ST_EXPECT(st_string_to_number(vm, u16(vm, w, 3)) == 7.0);
  StString *r = st_string_concat(vm, ascii(vm, "1234567"), ascii(vm, "8901234"));
  ST_EXPECT(st_string_to_number(vm, r) == 12345678901234.0);
  st_vm_free(vm);
}

static void test_symbols(void) {
  StVM *vm = new_vm();
  StSymbol *a = st_string_new_symbol(vm, st_string_value(ascii(vm, "desc-of-a")));
  StSymbol *b = st_string_new_symbol(vm, ST_UNDEFINED);
  ST_EXPECT(a && b && a != b && a->hash != b->hash);
  ST_EXPECT(b->description == ST_UNDEFINED);
  clobber_stack();
  st_gc_collect(vm->heap, ST_GC_REASON_REQUEST); /* the description lives through `a` */
  ST_EXPECT(st_is_string(a->description));
  ST_EXPECT_EQ_STR(u8(vm, st_get_string(a->description)), "desc-of-a");
  st_vm_free(vm);
}

/* Ropes keep their halves alive; a flattened rope keeps its flat copy. */
static ST_NOINLINE StString *make_rope(StVM *vm, int parts) {
  StString *s = vm->atoms.empty;
  for (int i = 0; i < parts; i++) {
    char buf[32];
    snprintf(buf, sizeof buf, "<part %d>", i);
    s = st_string_concat(vm, s, ascii(vm, buf));
  }
  return s;
}

static void test_gc_ropes(void) {
  StVM *vm = new_vm();
  StString *r = make_rope(vm, 500);
  clobber_stack();
  st_gc_collect(vm->heap, ST_GC_REASON_REQUEST);
  StString *again = make_rope(vm, 500); /* reuses any freed memory */
  ST_EXPECT(!st_string_is_flat(r));
  ST_EXPECT(st_string_equals(vm, r, again));
  char *t = st_string_to_utf8(vm, r, NULL);
  ST_EXPECT(strncmp(t, "<part 0><part 1>", 16) == 0 && strstr(t, "<part 499>") != NULL);
  free(t);
  StString *f = st_string_flatten(vm, r);
  (void)f;
  f = NULL;
  clobber_stack();
  st_gc_collect(vm->heap, ST_GC_REASON_REQUEST);
  ST_EXPECT(r->hdr.flags & ST_STRING_FLATTENED);
  ST_EXPECT(st_string_equals(vm, r, again));
  ST_EXPECT(st_string_length(r->u.rope.left) == st_string_length(r));
  st_vm_free(vm);
}

/* With the heap limit reached, flattening fails with a RangeError, but the operations that
 * must not fail (comparison, hashing, UTF-8) read the rope through a malloc'd copy. */
static void test_heap_limit(void) {
  StVM *vm = new_vm();
  StString *a = ascii(vm, "abcdefghijklmnop"), *b = ascii(vm, "abcdefghijklmnop");
  for (int i = 0; i < 18; i++) { /* 4 Mi units each, as ropes of a few KiB */
    a = st_string_concat(vm, a, a);
    b = st_string_concat(vm, b, b);
  }
  ST_EXPECT(a && b && !st_string_is_flat(a) && st_string_length(a) == 1u << 22);
  st_gc_set_limit(vm->heap, st_gc_stats(vm->heap)->bytes_in_use + 64 * 1024);
  ST_EXPECT(st_string_equals(vm, a, b));
  ST_EXPECT_EQ_INT(st_string_compare(vm, a, b), 0);
  ST_EXPECT(!st_vm_has_exception(vm));
  ST_EXPECT(!(a->hdr.flags & ST_STRING_FLATTENED)); /* read through the fallback */
  ST_EXPECT_EQ_INT(st_string_hash(vm, a), st_string_hash(vm, b));
  size_t len = 0;
  char *t = st_string_to_utf8(vm, a, &len);
  ST_EXPECT(len == 1u << 22 && memcmp(t, "abcdefghijklmnopabcd", 20) == 0);
  free(t);
  ST_EXPECT(!st_vm_has_exception(vm));
  ST_EXPECT(st_string_flatten(vm, a) == NULL); /* the throwing entry point does throw */
  ST_EXPECT(st_vm_has_exception(vm));
  st_vm_take_exception(vm);
  st_gc_set_limit(vm->heap, 0);
  st_gc_clear_exhausted(vm->heap);
  ST_EXPECT(st_string_flatten(vm, a) != NULL);
  st_vm_free(vm);
}

/* Speed of the paths the compiler and `obj[k]` take: interning an existing key (hash cached,
 * and from a C string), and hashing. Prints ns per operation; checks only the results. */
static void test_intern_speed(void) {
  StVM *vm = new_vm();
  enum { KEYS = 200 }; /* depth < 256: no eager flattening of the ropes below */
  size_t rounds = scaled(2000, 4);
  /* Keys kept alive as the halves of a rope; copies are fresh flat strings, not interned. */
  StString *keys = vm->atoms.empty, *copies = vm->atoms.empty;
  for (int i = 0; i < KEYS; i++) {
    char buf[32];
    snprintf(buf, sizeof buf, "property%05d", i); /* 13 units: concat makes ropes */
    keys = st_string_concat(vm, keys, st_string_intern_cstr(vm, buf));
    copies = st_string_concat(vm, copies, ascii(vm, buf));
  }
  /* Walk the ropes' right spines to get the leaves back (no GC allocation here). */
  StString *k[KEYS], *c[KEYS];
  StString *rk = keys, *rc = copies;
  for (int i = KEYS - 1; i > 0; i--) {
    k[i] = rk->u.rope.right;
    c[i] = rc->u.rope.right;
    rk = rk->u.rope.left;
    rc = rc->u.rope.left;
  }
  k[0] = rk;
  c[0] = rc;
  bool ok = true;
  uint64_t t0 = st_common_now_ns();
  for (size_t r = 0; r < rounds; r++)
    for (int i = 0; i < KEYS; i++) ok &= st_string_intern(vm, c[i]) == k[i];
  uint64_t t1 = st_common_now_ns();
  for (size_t r = 0; r < rounds / 4 + 1; r++)
    for (int i = 0; i < KEYS; i++) ok &= st_string_intern_cstr(vm, "property00042") == k[42];
  uint64_t t2 = st_common_now_ns();
  uint32_t sink = 0;
  for (size_t r = 0; r < rounds; r++)
    for (int i = 0; i < KEYS; i++) {
      c[i]->hdr.flags &= (uint16_t)~ST_STRING_HASHED;
      sink += st_string_hash(vm, c[i]);
    }
  uint64_t t3 = st_common_now_ns();
  ST_EXPECT(ok);
  ST_EXPECT(sink != 0);
  double n = (double)rounds * KEYS;
  printf("  intern hit (flat copy, hash cached) %.1f ns; intern_cstr hit %.1f ns; "
         "hash of 13 units %.1f ns\n",
         (double)(t1 - t0) / n, (double)(t2 - t1) / ((double)(rounds / 4 + 1) * KEYS),
         (double)(t3 - t2) / n);
  st_vm_free(vm);
}

static void run_all(void) {
  ST_RUN(test_create);
  ST_RUN(test_concat_short_and_long);
  ST_RUN(test_deep_ropes);
  ST_RUN(test_million_appends);
  ST_RUN(test_substring);
  ST_RUN(test_code_points);
  ST_RUN(test_equals_compare_hash);
  ST_RUN(test_intern);
  ST_RUN(test_as_index);
  ST_RUN(test_utf8);
  ST_RUN(test_builder);
  ST_RUN(test_too_long);
  ST_RUN(test_numbers);
  ST_RUN(test_symbols);
  ST_RUN(test_gc_ropes);
  ST_RUN(test_heap_limit);
  ST_RUN(test_intern_speed);
}

int main(int argc, char **argv) {
  int base;
  stack_base = &base;
  quick = argc > 1 && strcmp(argv[1], "--quick") == 0;
  run_all();
  if (!quick) {
    printf("-- gc stress --\n");
    stress = true;
    run_all();
  }
  return st_check_report();
}

/* builtins/lib_string.c: String, String.prototype (a String wrapper of ""), and the string
 * methods that take string arguments.
 *
 * Out of scope, as Strata has no RegExp: match, matchAll, search, and the Symbol.split /
 * Symbol.replace / IsRegExp protocols; split, replace and replaceAll take their patterns as
 * strings (any object is converted with ToString). Without captures, GetSubstitution's `$n`
 * and `$<name>` are literal text; `$$`, `$&`, `` $` `` and `$'` apply.
 *
 * Case mapping is lib_string_case.c (full Unicode), normalization lib_string_norm.c.
 * localeCompare is an approximation of the root collation (see collate() below), not ICU.
 *
 * Every method starts as the spec does: RequireObjectCoercible(this) with V8's message
 * ("String.prototype.trim called on null or undefined"), then ToString(this), then the
 * arguments in order (their conversions may call JS, so the order is observable).
 * Positions are doubles until clamped to the string's length (ToIntegerOrInfinity may give
 * infinities).
 */
#include "builtins/lib_string.h"

#include "builtins/lib_array.h"
#include "builtins/lib_iterator.h"
#include "builtins/lib_object.h"
#include "support/numconv.h"
#include "support/vec.h"

#include <math.h>
#include <stdlib.h>

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */

static StValue str_value(StString *s) { return s ? st_string_value(s) : ST_EXCEPTION; }

/* RequireObjectCoercible(this), then ToString(this). NULL on a throw. */
static StString *this_str(StVM *vm, StCallInfo *ci, const char *method) {
  StValue t = ci->this_val;
  if (st_is_string(t)) return st_get_string(t);
  if (st_is_nullish(t)) {
    st_vm_type_error(vm, "String.prototype.%s called on null or undefined", method);
    return NULL;
  }
  return st_ops_to_string(vm, t);
}

static StString *this_flat(StVM *vm, StCallInfo *ci, const char *method) {
  StString *s = this_str(vm, ci, method);
  return s ? st_string_flatten(vm, s) : NULL;
}

/* ToString(argument i), flattened. */
static StString *arg_flat(StVM *vm, StCallInfo *ci, uint32_t i) {
  StValue v = st_arg(ci, i);
  StString *s = st_is_string(v) ? st_get_string(v) : st_ops_to_string(vm, v);
  return s ? st_string_flatten(vm, s) : NULL;
}

/* ToIntegerOrInfinity(argument i), with undefined as `dflt`. */
static bool arg_integer(StVM *vm, StCallInfo *ci, uint32_t i, double dflt, double *out) {
  StValue v = st_arg(ci, i);
  if (st_is_undefined(v)) {
    *out = dflt;
    return true;
  }
  if (st_is_int(v)) {
    *out = st_get_int(v);
    return true;
  }
  return st_ops_to_integer(vm, v, out);
}

ST_INLINE uint32_t clamp_pos(double d, uint32_t len) {
  return d <= 0 ? 0 : d >= len ? len : (uint32_t)d;
}

/* A relative position (slice, at): from the end when negative, clamped to [0, len]. */
ST_INLINE uint32_t relative_pos(double d, uint32_t len) {
  if (d < 0) return d + len <= 0 ? 0 : (uint32_t)(d + len);
  return d >= len ? len : (uint32_t)d;
}

static bool units_equal(const StString *a, uint32_t ai, const StString *b, uint32_t bi, uint32_t n) {
  if (st_string_is_one_byte(a) && st_string_is_one_byte(b))
    return memcmp(a->u.one + ai, b->u.one + bi, n) == 0;
  if (!st_string_is_one_byte(a) && !st_string_is_one_byte(b))
    return memcmp(a->u.two + ai, b->u.two + bi, 2 * (size_t)n) == 0;
  for (uint32_t k = 0; k < n; k++)
    if (st_string_unit_at(a, ai + k) != st_string_unit_at(b, bi + k)) return false;
  return true;
}

/* StringIndexOf(h, needle, from) on flat strings: the first match at or after from, or -1. */
static int64_t index_of(const StString *h, const StString *needle, uint32_t from) {
  uint32_t n = st_string_length(h), m = st_string_length(needle);
  if (m == 0) return from <= n ? (int64_t)from : -1;
  if (m > n || from > n - m) return -1;
  uint16_t first = st_string_unit_at(needle, 0);
  if (st_string_is_one_byte(h)) {
    if (first >= 256) return -1;
    const uint8_t *d = h->u.one;
    uint32_t last = n - m;
    for (uint32_t i = from; i <= last;) {
      const uint8_t *p = memchr(d + i, first, last - i + 1);
      if (!p) return -1;
      i = (uint32_t)(p - d);
      if (units_equal(h, i + 1, needle, 1, m - 1)) return i;
      i++;
    }
    return -1;
  }
  const uint16_t *d = h->u.two;
  for (uint32_t i = from; i <= n - m; i++)
    if (d[i] == first && units_equal(h, i + 1, needle, 1, m - 1)) return i;
  return -1;
}

/* The last match starting at or before from, or -1. */
static int64_t last_index_of(const StString *h, const StString *needle, uint32_t from) {
  uint32_t n = st_string_length(h), m = st_string_length(needle);
  if (m > n) return -1;
  uint32_t start = from < n - m ? from : n - m;
  for (int64_t i = start; i >= 0; i--)
    if (units_equal(h, (uint32_t)i, needle, 0, m)) return i;
  return -1;
}

/* StringCreate(s, proto): a String wrapper (exotic: its characters are index properties). */
static StObject *string_create(StVM *vm, StString *s, StObject *proto) {
  StWrapper *w =
      (StWrapper *)st_object_alloc(vm, ST_KIND_STRING_OBJECT, sizeof(StWrapper), proto, 1);
  if (!w) return NULL;
  w->value = st_string_value(s);
  w->obj.hdr.flags |= ST_OBJECT_EXOTIC;
  if (!st_object_add(vm, &w->obj, st_string_value(vm->atoms.length),
                     st_int((int32_t)st_string_length(s)), 0))
    return NULL;
  return &w->obj;
}

static bool is_high(uint32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
static bool is_low(uint32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

/* ------------------------------------------------------------------------------------------ */
/* The constructor and its functions                                                          */

static StValue string_ctor(StVM *vm, StCallInfo *ci) {
  StString *s;
  if (ci->argc == 0) {
    s = vm->atoms.empty;
  } else {
    StValue v = ci->argv[0];
    if (st_is_undefined(ci->new_target) && st_is_symbol(v)) {
      /* SymbolDescriptiveString */
      StValue d = st_get_symbol(v)->description;
      StStringBuilder b;
      st_string_builder_init(vm, &b);
      st_string_builder_add_latin1(&b, "Symbol(", 7);
      if (st_is_string(d)) st_string_builder_add_string(&b, st_get_string(d));
      st_string_builder_add_unit(&b, ')');
      return str_value(st_string_builder_finish(&b));
    }
    s = st_is_string(v) ? st_get_string(v) : st_ops_to_string(vm, v);
    if (!s) return ST_EXCEPTION;
  }
  if (st_is_undefined(ci->new_target)) return st_string_value(s);
  StObject *proto =
      st_lib_object_proto_from_ctor(vm, ci->new_target, vm->intrinsics.StringPrototype);
  if (!proto) return ST_EXCEPTION;
  StObject *w = string_create(vm, s, proto);
  return w ? st_object_value(w) : ST_EXCEPTION;
}

static StValue string_from_char_code(StVM *vm, StCallInfo *ci) {
  if (ci->argc == 1 && st_is_int(ci->argv[0]))
    return str_value(st_string_from_unit(vm, (uint16_t)st_get_int(ci->argv[0])));
  StStringBuilder b;
  st_string_builder_init(vm, &b);
  for (uint32_t i = 0; i < ci->argc; i++) {
    double d;
    if (!st_ops_to_double(vm, ci->argv[i], &d)) {
      st_string_builder_free(&b);
      return ST_EXCEPTION;
    }
    st_string_builder_add_unit(&b, st_numconv_to_uint16(d));
  }
  return str_value(st_string_builder_finish(&b));
}

static StValue string_from_code_point(StVM *vm, StCallInfo *ci) {
  StStringBuilder b;
  st_string_builder_init(vm, &b);
  for (uint32_t i = 0; i < ci->argc; i++) {
    StValue n = st_ops_to_number(vm, ci->argv[i]);
    if (n == ST_EXCEPTION) goto fail;
    double d = st_get_number(n);
    if (!(d >= 0 && d <= 0x10FFFF && trunc(d) == d)) {
      StString *ds = st_ops_to_string(vm, n);
      if (!ds) goto fail;
      char *u = st_string_to_utf8(vm, ds, NULL);
      st_vm_range_error(vm, "Invalid code point %s", u);
      free(u);
      goto fail;
    }
    uint32_t c = (uint32_t)d;
    if (c < 0x10000) {
      st_string_builder_add_unit(&b, (uint16_t)c);
    } else {
      c -= 0x10000;
      st_string_builder_add_unit(&b, (uint16_t)(0xD800 + (c >> 10)));
      st_string_builder_add_unit(&b, (uint16_t)(0xDC00 + (c & 0x3FF)));
    }
  }
  return str_value(st_string_builder_finish(&b));
fail:
  st_string_builder_free(&b);
  return ST_EXCEPTION;
}

/* String.raw(template, ...substitutions): what tagged templates call it with, usable by hand. */
static StValue string_raw(StVM *vm, StCallInfo *ci) {
  uint32_t nsubs = ci->argc > 1 ? ci->argc - 1 : 0;
  StObject *cooked = st_ops_to_object(vm, st_arg(ci, 0));
  if (!cooked) return ST_EXCEPTION;
  StValue rawv = st_value_get(vm, st_object_value(cooked), st_builtins_atom(vm, "raw"));
  if (rawv == ST_EXCEPTION) return ST_EXCEPTION;
  StObject *literals = st_ops_to_object(vm, rawv);
  if (!literals) return ST_EXCEPTION;
  double count;
  if (!st_lib_array_length_of(vm, literals, &count)) return ST_EXCEPTION;
  if (count <= 0) return st_string_value(vm->atoms.empty);
  StString *r = vm->atoms.empty;
  for (double i = 0;; i++) {
    StValue lit = st_lib_array_get(vm, literals, i);
    if (lit == ST_EXCEPTION) return ST_EXCEPTION;
    StString *ls = st_ops_to_string(vm, lit);
    if (!ls || !(r = st_string_concat(vm, r, ls))) return ST_EXCEPTION;
    if (i + 1 == count) return st_string_value(r);
    if (i < nsubs) {
      StString *ss = st_ops_to_string(vm, ci->argv[(uint32_t)i + 1]);
      if (!ss || !(r = st_string_concat(vm, r, ss))) return ST_EXCEPTION;
    }
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Character access                                                                           */

static StValue string_at(StVM *vm, StCallInfo *ci) {
  StString *s = this_flat(vm, ci, "at");
  double rel;
  if (!s || !arg_integer(vm, ci, 0, 0, &rel)) return ST_EXCEPTION;
  uint32_t n = st_string_length(s);
  double k = rel >= 0 ? rel : n + rel;
  if (k < 0 || k >= n) return ST_UNDEFINED;
  return str_value(st_string_from_unit(vm, st_string_unit_at(s, (uint32_t)k)));
}

static StValue string_char_at(StVM *vm, StCallInfo *ci) {
  StString *s = this_flat(vm, ci, "charAt");
  double pos;
  if (!s || !arg_integer(vm, ci, 0, 0, &pos)) return ST_EXCEPTION;
  if (pos < 0 || pos >= st_string_length(s)) return st_string_value(vm->atoms.empty);
  return str_value(st_string_from_unit(vm, st_string_unit_at(s, (uint32_t)pos)));
}

static StValue string_char_code_at(StVM *vm, StCallInfo *ci) {
  StString *s = this_flat(vm, ci, "charCodeAt");
  double pos;
  if (!s || !arg_integer(vm, ci, 0, 0, &pos)) return ST_EXCEPTION;
  if (pos < 0 || pos >= st_string_length(s)) return st_double(NAN);
  return st_int(st_string_unit_at(s, (uint32_t)pos));
}

static StValue string_code_point_at(StVM *vm, StCallInfo *ci) {
  StString *s = this_flat(vm, ci, "codePointAt");
  double pos;
  if (!s || !arg_integer(vm, ci, 0, 0, &pos)) return ST_EXCEPTION;
  if (pos < 0 || pos >= st_string_length(s)) return ST_UNDEFINED;
  return st_int((int32_t)st_string_code_point_at(s, (uint32_t)pos));
}

/* ------------------------------------------------------------------------------------------ */
/* Searching                                                                                  */

static StValue string_index_of(StVM *vm, StCallInfo *ci) {
  StString *s = this_flat(vm, ci, "indexOf");
  if (!s) return ST_EXCEPTION;
  StString *needle = arg_flat(vm, ci, 0);
  double pos;
  if (!needle || !arg_integer(vm, ci, 1, 0, &pos)) return ST_EXCEPTION;
  return st_number((double)index_of(s, needle, clamp_pos(pos, st_string_length(s))));
}

static StValue string_last_index_of(StVM *vm, StCallInfo *ci) {
  StString *s = this_flat(vm, ci, "lastIndexOf");
  if (!s) return ST_EXCEPTION;
  StString *needle = arg_flat(vm, ci, 0);
  if (!needle) return ST_EXCEPTION;
  double num, pos;
  if (!st_ops_to_double(vm, st_arg(ci, 1), &num)) return ST_EXCEPTION;
  pos = num != num ? INFINITY : st_numconv_to_integer(num);
  return st_number((double)last_index_of(s, needle, clamp_pos(pos, st_string_length(s))));
}

static StValue string_includes(StVM *vm, StCallInfo *ci) {
  StString *s = this_flat(vm, ci, "includes");
  if (!s) return ST_EXCEPTION;
  StString *needle = arg_flat(vm, ci, 0);
  double pos;
  if (!needle || !arg_integer(vm, ci, 1, 0, &pos)) return ST_EXCEPTION;
  return st_bool(index_of(s, needle, clamp_pos(pos, st_string_length(s))) >= 0);
}

static StValue string_starts_with(StVM *vm, StCallInfo *ci) {
  StString *s = this_flat(vm, ci, "startsWith");
  if (!s) return ST_EXCEPTION;
  StString *needle = arg_flat(vm, ci, 0);
  double pos;
  if (!needle || !arg_integer(vm, ci, 1, 0, &pos)) return ST_EXCEPTION;
  uint32_t n = st_string_length(s), m = st_string_length(needle);
  uint32_t start = clamp_pos(pos, n);
  if (m == 0) return ST_TRUE;
  if ((uint64_t)start + m > n) return ST_FALSE;
  return st_bool(units_equal(s, start, needle, 0, m));
}

static StValue string_ends_with(StVM *vm, StCallInfo *ci) {
  StString *s = this_flat(vm, ci, "endsWith");
  if (!s) return ST_EXCEPTION;
  StString *needle = arg_flat(vm, ci, 0);
  if (!needle) return ST_EXCEPTION;
  uint32_t n = st_string_length(s), m = st_string_length(needle);
  double pos;
  if (!arg_integer(vm, ci, 1, n, &pos)) return ST_EXCEPTION;
  uint32_t end = clamp_pos(pos, n);
  if (m == 0) return ST_TRUE;
  if (m > end) return ST_FALSE;
  return st_bool(units_equal(s, end - m, needle, 0, m));
}

/* ------------------------------------------------------------------------------------------ */
/* Substrings                                                                                 */

static StValue string_slice(StVM *vm, StCallInfo *ci) {
  StString *s = this_str(vm, ci, "slice");
  if (!s) return ST_EXCEPTION;
  uint32_t n = st_string_length(s);
  double a, b;
  if (!arg_integer(vm, ci, 0, 0, &a) || !arg_integer(vm, ci, 1, n, &b)) return ST_EXCEPTION;
  uint32_t from = relative_pos(a, n), to = relative_pos(b, n);
  if (from >= to) return st_string_value(vm->atoms.empty);
  return str_value(st_string_substring(vm, s, from, to));
}

static StValue string_substring(StVM *vm, StCallInfo *ci) {
  StString *s = this_str(vm, ci, "substring");
  if (!s) return ST_EXCEPTION;
  uint32_t n = st_string_length(s);
  double a, b;
  if (!arg_integer(vm, ci, 0, 0, &a) || !arg_integer(vm, ci, 1, n, &b)) return ST_EXCEPTION;
  uint32_t x = clamp_pos(a, n), y = clamp_pos(b, n);
  return str_value(st_string_substring(vm, s, x < y ? x : y, x < y ? y : x));
}

static StValue string_substr(StVM *vm, StCallInfo *ci) {
  StString *s = this_str(vm, ci, "substr");
  if (!s) return ST_EXCEPTION;
  uint32_t n = st_string_length(s);
  double a, len;
  if (!arg_integer(vm, ci, 0, 0, &a) || !arg_integer(vm, ci, 1, n, &len)) return ST_EXCEPTION;
  uint32_t start = relative_pos(a, n);
  uint32_t count = clamp_pos(len, n);
  uint32_t end = (uint64_t)start + count > n ? n : start + count;
  if (start >= end) return st_string_value(vm->atoms.empty);
  return str_value(st_string_substring(vm, s, start, end));
}

static StValue string_concat(StVM *vm, StCallInfo *ci) {
  StString *r = this_str(vm, ci, "concat");
  if (!r) return ST_EXCEPTION;
  for (uint32_t i = 0; i < ci->argc; i++) {
    StValue v = ci->argv[i];
    StString *a = st_is_string(v) ? st_get_string(v) : st_ops_to_string(vm, v);
    if (!a || !(r = st_string_concat(vm, r, a))) return ST_EXCEPTION;
  }
  return st_string_value(r);
}

/* ------------------------------------------------------------------------------------------ */
/* Padding, repeating, trimming                                                               */

static StValue pad(StVM *vm, StCallInfo *ci, bool at_start) {
  StString *s = this_str(vm, ci, at_start ? "padStart" : "padEnd");
  if (!s) return ST_EXCEPTION;
  double max;
  if (!st_ops_to_length(vm, st_arg(ci, 0), &max)) return ST_EXCEPTION;
  uint32_t n = st_string_length(s);
  if (max <= n) return st_string_value(s);
  StString *filler;
  StValue fv = st_arg(ci, 1);
  if (st_is_undefined(fv)) {
    filler = st_string_from_unit(vm, ' ');
  } else {
    filler = st_is_string(fv) ? st_get_string(fv) : st_ops_to_string(vm, fv);
    if (!filler) return ST_EXCEPTION;
  }
  if (!(filler = st_string_flatten(vm, filler))) return ST_EXCEPTION;
  uint32_t fl = st_string_length(filler);
  if (fl == 0) return st_string_value(s);
  if (max > ST_STRING_MAX_LENGTH) return st_vm_range_error(vm, "Invalid string length");
  uint32_t fill = (uint32_t)max - n;
  if (st_string_is_one_byte(filler) && (s = st_string_flatten(vm, s)) && st_string_is_one_byte(s)) {
    /* Both Latin-1: the result is one allocation, filled in place. */
    StString *r = st_string_alloc_one_byte(vm, (size_t)max);
    if (!r) return ST_EXCEPTION;
    uint8_t *d = st_string_one_byte_data(r), *f = d + (at_start ? 0 : n);
    const uint8_t *fd = st_string_one_byte_data(filler);
    memcpy(d + (at_start ? fill : 0), st_string_one_byte_data(s), n);
    for (uint32_t k = 0; k < fill; k += fl) memcpy(f + k, fd, fill - k < fl ? fill - k : fl);
    return st_string_value(r);
  }
  if (!s) return ST_EXCEPTION;
  StStringBuilder b;
  st_string_builder_init(vm, &b);
  if (!at_start) st_string_builder_add_string(&b, s);
  for (uint32_t done = 0; done < fill;) {
    if (fill - done >= fl) {
      st_string_builder_add_string(&b, filler);
      done += fl;
    } else {
      for (; done < fill; done++)
        st_string_builder_add_unit(&b, st_string_unit_at(filler, done % fl));
    }
  }
  if (at_start) st_string_builder_add_string(&b, s);
  return str_value(st_string_builder_finish(&b));
}

static StValue string_pad_start(StVM *vm, StCallInfo *ci) { return pad(vm, ci, true); }
static StValue string_pad_end(StVM *vm, StCallInfo *ci) { return pad(vm, ci, false); }

static StValue string_repeat(StVM *vm, StCallInfo *ci) {
  StString *s = this_str(vm, ci, "repeat");
  if (!s) return ST_EXCEPTION;
  double count;
  if (!arg_integer(vm, ci, 0, 0, &count)) return ST_EXCEPTION;
  if (count < 0 || isinf(count)) {
    char buf[ST_NUMCONV_BUF_SIZE];
    st_numconv_to_string(count, buf);
    return st_vm_range_error(vm, "Invalid count value: %s", buf);
  }
  uint32_t n = st_string_length(s);
  if (count == 0 || n == 0) return st_string_value(vm->atoms.empty);
  if (count * n > ST_STRING_MAX_LENGTH) return st_vm_range_error(vm, "Invalid string length");
  if (count == 1) return st_string_value(s);
  if (!(s = st_string_flatten(vm, s))) return ST_EXCEPTION;
  uint32_t times = (uint32_t)count;
  if (st_string_is_one_byte(s)) {
    /* One allocation, then doubling copies: O(log count) memcpy calls. */
    StString *r = st_string_alloc_one_byte(vm, (size_t)n * times);
    if (!r) return ST_EXCEPTION;
    uint8_t *d = st_string_one_byte_data(r);
    size_t total = (size_t)n * times, done = n;
    memcpy(d, st_string_one_byte_data(s), n);
    while (done < total) {
      size_t k = done < total - done ? done : total - done;
      memcpy(d + done, d, k);
      done += k;
    }
    return st_string_value(r);
  }
  StStringBuilder b;
  st_string_builder_init(vm, &b);
  for (uint32_t i = 0; i < times; i++) st_string_builder_add_string(&b, s);
  return str_value(st_string_builder_finish(&b));
}

static StValue trim(StVM *vm, StCallInfo *ci, bool start, bool end, const char *method) {
  StString *s = this_flat(vm, ci, method);
  if (!s) return ST_EXCEPTION;
  uint32_t a = 0, b = st_string_length(s);
  if (start)
    while (a < b && st_numconv_is_space(st_string_unit_at(s, a))) a++;
  if (end)
    while (b > a && st_numconv_is_space(st_string_unit_at(s, b - 1))) b--;
  return str_value(st_string_substring(vm, s, a, b));
}

static StValue string_trim(StVM *vm, StCallInfo *ci) { return trim(vm, ci, true, true, "trim"); }
static StValue string_trim_start(StVM *vm, StCallInfo *ci) {
  return trim(vm, ci, true, false, "trimStart");
}
static StValue string_trim_end(StVM *vm, StCallInfo *ci) {
  return trim(vm, ci, false, true, "trimEnd");
}

/* ------------------------------------------------------------------------------------------ */
/* split, replace, replaceAll                                                                 */

static StValue string_split(StVM *vm, StCallInfo *ci) {
  StString *s = this_flat(vm, ci, "split");
  if (!s) return ST_EXCEPTION;
  StValue sep = st_arg(ci, 0), limit = st_arg(ci, 1);
  uint32_t lim = UINT32_MAX;
  if (!st_is_undefined(limit) && !st_ops_to_uint32(vm, limit, &lim)) return ST_EXCEPTION;
  StString *r = NULL;
  if (!st_is_undefined(sep)) {
    r = st_is_string(sep) ? st_get_string(sep) : st_ops_to_string(vm, sep);
    if (!r || !(r = st_string_flatten(vm, r))) return ST_EXCEPTION;
  }
  StObject *a = st_array_new(vm, 0);
  if (!a) return ST_EXCEPTION;
  if (lim == 0) return st_object_value(a);
  if (!r) return st_array_push(vm, a, st_string_value(s)) ? st_object_value(a) : ST_EXCEPTION;
  uint32_t n = st_string_length(s), m = st_string_length(r);
  if (m == 0) {
    uint32_t out = n < lim ? n : lim;
    for (uint32_t i = 0; i < out; i++) {
      StString *c = st_string_from_unit(vm, st_string_unit_at(s, i));
      if (!c || !st_array_push(vm, a, st_string_value(c))) return ST_EXCEPTION;
    }
    return st_object_value(a);
  }
  if (n == 0) return st_array_push(vm, a, st_string_value(s)) ? st_object_value(a) : ST_EXCEPTION;
  uint32_t p = 0;
  int64_t q;
  while ((q = index_of(s, r, p)) >= 0) {
    StString *t = st_string_substring(vm, s, p, (uint32_t)q);
    if (!t || !st_array_push(vm, a, st_string_value(t))) return ST_EXCEPTION;
    if (st_array_length(a) == lim) return st_object_value(a);
    p = (uint32_t)q + m;
  }
  StString *t = st_string_substring(vm, s, p, n);
  if (!t || !st_array_push(vm, a, st_string_value(t))) return ST_EXCEPTION;
  return st_object_value(a);
}

/* GetSubstitution without captures: appends replacement `tpl` for the match of `matched` at
 * position in str. */
static void substitute(StStringBuilder *b, StString *str, StString *matched, uint32_t position,
                       StString *tpl) {
  uint32_t n = st_string_length(tpl), len = st_string_length(str);
  uint32_t mlen = st_string_length(matched);
  for (uint32_t i = 0; i < n; i++) {
    uint16_t c = st_string_unit_at(tpl, i);
    if (c != '$' || i + 1 >= n) {
      st_string_builder_add_unit(b, c);
      continue;
    }
    uint16_t d = st_string_unit_at(tpl, i + 1);
    if (d == '$') {
      st_string_builder_add_unit(b, '$');
    } else if (d == '&') {
      st_string_builder_add_string(b, matched);
    } else if (d == '`') {
      for (uint32_t k = 0; k < position; k++) st_string_builder_add_unit(b, st_string_unit_at(str, k));
    } else if (d == '\'') {
      uint32_t tail = position + mlen < len ? position + mlen : len;
      for (uint32_t k = tail; k < len; k++) st_string_builder_add_unit(b, st_string_unit_at(str, k));
    } else {
      st_string_builder_add_unit(b, c); /* "$" then whatever follows, literally */
      continue;
    }
    i++;
  }
}

static void add_range(StStringBuilder *b, StString *s, uint32_t from, uint32_t to) {
  if (st_string_is_one_byte(s)) {
    st_string_builder_add_latin1(b, (const char *)s->u.one + from, to - from);
  } else {
    for (uint32_t k = from; k < to; k++) st_string_builder_add_unit(b, s->u.two[k]);
  }
}

static StValue replace(StVM *vm, StCallInfo *ci, bool all) {
  StString *s = this_flat(vm, ci, all ? "replaceAll" : "replace");
  if (!s) return ST_EXCEPTION;
  StString *search = arg_flat(vm, ci, 0);
  if (!search) return ST_EXCEPTION;
  StValue rv = st_arg(ci, 1);
  bool functional = st_value_is_callable(rv);
  StString *tpl = NULL;
  if (!functional) {
    tpl = st_is_string(rv) ? st_get_string(rv) : st_ops_to_string(vm, rv);
    if (!tpl || !(tpl = st_string_flatten(vm, tpl))) return ST_EXCEPTION;
  }
  uint32_t m = st_string_length(search), n = st_string_length(s);
  StVec(uint32_t) pos = {0};
  int64_t p = index_of(s, search, 0);
  while (p >= 0) {
    st_vec_push(&pos, (uint32_t)p);
    if (!all) break;
    p = index_of(s, search, (uint32_t)p + (m ? m : 1));
  }
  if (pos.len == 0) {
    st_vec_free(&pos);
    return st_string_value(s);
  }
  StStringBuilder b;
  st_string_builder_init(vm, &b);
  uint32_t end = 0;
  for (size_t i = 0; i < pos.len; i++) {
    uint32_t at = pos.data[i];
    add_range(&b, s, end, at);
    if (functional) {
      StValue args[3] = {st_string_value(search), st_int((int32_t)at), st_string_value(s)};
      StValue r = st_vm_call(vm, rv, ST_UNDEFINED, 3, args);
      StString *rs = r == ST_EXCEPTION ? NULL : st_ops_to_string(vm, r);
      if (!rs) {
        st_string_builder_free(&b);
        st_vec_free(&pos);
        return ST_EXCEPTION;
      }
      st_string_builder_add_string(&b, rs);
    } else {
      substitute(&b, s, search, at, tpl);
    }
    end = at + m;
  }
  if (end < n) add_range(&b, s, end, n);
  st_vec_free(&pos);
  return str_value(st_string_builder_finish(&b));
}

static StValue string_replace(StVM *vm, StCallInfo *ci) { return replace(vm, ci, false); }
static StValue string_replace_all(StVM *vm, StCallInfo *ci) { return replace(vm, ci, true); }

/* ------------------------------------------------------------------------------------------ */
/* Case, normalization, comparison, well-formedness                                           */

static StValue case_convert(StVM *vm, StCallInfo *ci, bool upper, const char *method) {
  StString *s = this_flat(vm, ci, method);
  return s ? str_value(st_lib_string_case_convert(vm, s, upper)) : ST_EXCEPTION;
}

static StValue string_to_upper_case(StVM *vm, StCallInfo *ci) {
  return case_convert(vm, ci, true, "toUpperCase");
}
static StValue string_to_lower_case(StVM *vm, StCallInfo *ci) {
  return case_convert(vm, ci, false, "toLowerCase");
}
static StValue string_to_locale_upper_case(StVM *vm, StCallInfo *ci) {
  return case_convert(vm, ci, true, "toLocaleUpperCase");
}
static StValue string_to_locale_lower_case(StVM *vm, StCallInfo *ci) {
  return case_convert(vm, ci, false, "toLocaleLowerCase");
}

static StValue string_normalize(StVM *vm, StCallInfo *ci) {
  StString *s = this_flat(vm, ci, "normalize");
  if (!s) return ST_EXCEPTION;
  StNormForm form = ST_NORM_NFC;
  StValue f = st_arg(ci, 0);
  if (!st_is_undefined(f)) {
    StString *fs = st_is_string(f) ? st_get_string(f) : st_ops_to_string(vm, f);
    if (!fs) return ST_EXCEPTION;
    if (st_string_equals_cstr(vm, fs, "NFC")) form = ST_NORM_NFC;
    else if (st_string_equals_cstr(vm, fs, "NFD")) form = ST_NORM_NFD;
    else if (st_string_equals_cstr(vm, fs, "NFKC")) form = ST_NORM_NFKC;
    else if (st_string_equals_cstr(vm, fs, "NFKD")) form = ST_NORM_NFKD;
    else return st_vm_range_error(vm, "The normalization form should be one of NFC, NFD, NFKC, NFKD.");
  }
  return str_value(st_lib_string_norm_convert(vm, s, form));
}

/* localeCompare: an approximation of the Unicode root collation (what ICU's default locale
 * gives for most text). Both strings are compared in NFD, so canonically equivalent strings
 * are equal, then in three levels, each comparing the sequences of nonzero weights:
 *   1. base characters: whitespace and punctuation < digits < letters; letters by their
 *      lower-case form, other characters by code point; combining marks are ignored;
 *   2. accents: every base character weighs 1 and a combining mark more, so an unaccented
 *      letter sorts before an accented one; the marks of U+0300..U+036F are ranked in the
 *      root collation's order (acute < grave < breve < circumflex < caron < ring <
 *      diaeresis ..., measured once against node/ICU), others by code point;
 *   3. case: lower case before upper case;
 * and last code-unit order of the NFD forms, so only equivalent strings compare equal.
 * Expansions ("ß" as "ss"), contractions and locale tailorings are not modelled. */
static const uint8_t MARK_RANK[0x70] = {
    6,  5,  8,  15, 20, 25, 7,  16, 12, 26, 10, 14, 9,  21, 21, 27, 28, 29, 21, 3,
    4,  21, 22, 22, 22, 22, 21, 30, 22, 22, 22, 22, 22, 31, 32, 33, 34, 35, 36, 18,
    19, 22, 22, 22, 22, 37, 38, 22, 39, 40, 2,  22, 41, 24, 23, 23, 17, 42, 22, 22,
    22, 21, 21, 21, 6,  5,  11, 3,  13, 43, 21, 22, 22, 22, 21, 21, 21, 22, 22, 1,
    21, 21, 21, 22, 22, 22, 22, 21, 44, 22, 22, 21, 22, 21, 21, 22, 45, 46, 22, 47,
    50, 52, 54, 57, 48, 49, 51, 53, 55, 56, 58, 59,
};

static uint32_t coll_weight(uint32_t c, int level) {
  if (st_lib_string_norm_ccc(c) != 0) {
    if (level != 1) return 0;
    return c >= 0x300 && c < 0x370 ? 2u + MARK_RANK[c - 0x300] : 100u + c;
  }
  if (level == 1) return 1;
  uint32_t lower = c;
  if (c >= 'A' && c <= 'Z') {
    lower = c + 32;
  } else if (c >= 0x80) {
    uint32_t l[3];
    if (st_lib_string_case_fold(c, l) == 1) lower = l[0];
  }
  if (level == 2) return lower != c ? 2 : 1;
  if (lower >= '0' && lower <= '9') return 0x200000 + lower;
  if (st_lib_string_case_is_letter(lower)) return 0x400000 + lower;
  return 0x100000 + lower;
}

/* The next nonzero weight at `level` from *i on (0 at the end). */
static uint32_t next_weight(const StString *s, uint32_t *i, int level) {
  uint32_t n = st_string_length(s);
  while (*i < n) {
    uint32_t c = st_string_code_point_at(s, *i);
    *i += c >= 0x10000 ? 2 : 1;
    uint32_t w = coll_weight(c, level);
    if (w) return w;
  }
  return 0;
}

static int collate(StVM *vm, StString *a, StString *b) {
  for (int level = 0; level < 3; level++) {
    uint32_t i = 0, j = 0;
    for (;;) {
      uint32_t x = next_weight(a, &i, level), y = next_weight(b, &j, level);
      if (x != y) return x < y ? -1 : 1;
      if (x == 0) break;
    }
  }
  return st_string_compare(vm, a, b);
}

static StValue string_locale_compare(StVM *vm, StCallInfo *ci) {
  StString *s = this_flat(vm, ci, "localeCompare");
  if (!s) return ST_EXCEPTION;
  StString *t = arg_flat(vm, ci, 0);
  if (!t) return ST_EXCEPTION;
  if (!(s = st_lib_string_norm_convert(vm, s, ST_NORM_NFD)) || !(s = st_string_flatten(vm, s)))
    return ST_EXCEPTION;
  if (!(t = st_lib_string_norm_convert(vm, t, ST_NORM_NFD)) || !(t = st_string_flatten(vm, t)))
    return ST_EXCEPTION;
  return st_int(collate(vm, s, t));
}

static StValue string_is_well_formed(StVM *vm, StCallInfo *ci) {
  StString *s = this_flat(vm, ci, "isWellFormed");
  if (!s) return ST_EXCEPTION;
  if (st_string_is_one_byte(s)) return ST_TRUE;
  uint32_t n = st_string_length(s);
  for (uint32_t i = 0; i < n; i++) {
    uint16_t c = s->u.two[i];
    if (is_high(c) && i + 1 < n && is_low(s->u.two[i + 1])) i++;
    else if (is_high(c) || is_low(c)) return ST_FALSE;
  }
  return ST_TRUE;
}

static StValue string_to_well_formed(StVM *vm, StCallInfo *ci) {
  StString *s = this_flat(vm, ci, "toWellFormed");
  if (!s) return ST_EXCEPTION;
  if (st_string_is_one_byte(s)) return st_string_value(s);
  uint32_t n = st_string_length(s);
  StStringBuilder b;
  st_string_builder_init(vm, &b);
  for (uint32_t i = 0; i < n; i++) {
    uint16_t c = s->u.two[i];
    if (is_high(c) && i + 1 < n && is_low(s->u.two[i + 1])) {
      st_string_builder_add_unit(&b, c);
      st_string_builder_add_unit(&b, s->u.two[++i]);
    } else {
      st_string_builder_add_unit(&b, is_high(c) || is_low(c) ? 0xFFFD : c);
    }
  }
  return str_value(st_string_builder_finish(&b));
}

/* thisStringValue(this). */
static StValue this_string_value(StVM *vm, StCallInfo *ci, const char *method) {
  StValue t = ci->this_val;
  if (st_is_string(t)) return t;
  if (st_is_object(t) && st_get_object(t)->hdr.kind == ST_KIND_STRING_OBJECT)
    return ((StWrapper *)st_get_object(t))->value;
  return st_vm_type_error(vm, "String.prototype.%s requires that 'this' be a String", method);
}

static StValue string_to_string(StVM *vm, StCallInfo *ci) {
  return this_string_value(vm, ci, "toString");
}
static StValue string_value_of(StVM *vm, StCallInfo *ci) {
  return this_string_value(vm, ci, "valueOf");
}

/* ------------------------------------------------------------------------------------------ */

void st_lib_string_init(StVM *vm) {
  StObject *proto = string_create(vm, vm->atoms.empty, vm->intrinsics.ObjectPrototype);
  ST_CHECK(proto, "out of memory during realm set-up");
  vm->intrinsics.StringPrototype = proto;
  st_object_mark_prototype(vm, proto);
  StObject *ctor = &st_builtins_ctor(vm, "String", string_ctor, 1, proto)->obj;
  st_builtins_method(vm, ctor, "fromCharCode", string_from_char_code, 1);
  st_builtins_method(vm, ctor, "fromCodePoint", string_from_code_point, 1);
  st_builtins_method(vm, ctor, "raw", string_raw, 1);

  static const struct { const char *name; StNativeFn fn; uint32_t length; } methods[] = {
      {"at", string_at, 1},
      {"charAt", string_char_at, 1},
      {"charCodeAt", string_char_code_at, 1},
      {"codePointAt", string_code_point_at, 1},
      {"concat", string_concat, 1},
      {"endsWith", string_ends_with, 1},
      {"includes", string_includes, 1},
      {"indexOf", string_index_of, 1},
      {"isWellFormed", string_is_well_formed, 0},
      {"lastIndexOf", string_last_index_of, 1},
      {"localeCompare", string_locale_compare, 1},
      {"normalize", string_normalize, 0},
      {"padEnd", string_pad_end, 1},
      {"padStart", string_pad_start, 1},
      {"repeat", string_repeat, 1},
      {"replace", string_replace, 2},
      {"replaceAll", string_replace_all, 2},
      {"slice", string_slice, 2},
      {"split", string_split, 2},
      {"startsWith", string_starts_with, 1},
      {"substr", string_substr, 2},
      {"substring", string_substring, 2},
      {"toLocaleLowerCase", string_to_locale_lower_case, 0},
      {"toLocaleUpperCase", string_to_locale_upper_case, 0},
      {"toLowerCase", string_to_lower_case, 0},
      {"toString", string_to_string, 0},
      {"toUpperCase", string_to_upper_case, 0},
      {"toWellFormed", string_to_well_formed, 0},
      {"trim", string_trim, 0},
      {"valueOf", string_value_of, 0},
  };
  for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
    st_builtins_method(vm, proto, methods[i].name, methods[i].fn, methods[i].length);
  /* Annex B: trimLeft/trimRight are the same function objects as trimStart/trimEnd. */
  StNativeFunction *ts = st_builtins_method(vm, proto, "trimStart", string_trim_start, 0);
  StNativeFunction *te = st_builtins_method(vm, proto, "trimEnd", string_trim_end, 0);
  st_builtins_value(vm, proto, "trimLeft", st_object_value(&ts->obj), ST_ATTR_HIDDEN);
  st_builtins_value(vm, proto, "trimRight", st_object_value(&te->obj), ST_ATTR_HIDDEN);
  /* The string iterator lives in lib_iterator.c, which is initialized first. */
  if (vm->intrinsics.StringIteratorPrototype)
    st_builtins_symbol_method(vm, proto, vm->sym_iterator, "[Symbol.iterator]",
                              st_lib_iterator_string_iterator, 0);
}

/* builtins/lib_global.c: the value properties of the global object (NaN, Infinity,
 * undefined), isNaN, isFinite, and the URI functions (encodeURIComponent, encodeURI,
 * decodeURIComponent, decodeURI). parseInt and parseFloat come from lib_number.c, globalThis
 * from realm.c.
 *
 * This is the last library initializer, so it also installs String.prototype[Symbol.iterator]
 * (from lib_iterator.c) when lib_string.c has not.
 */
#include "builtins/lib_iterator.h"

#include <math.h>
#include <string.h>

static StValue global_is_nan(StVM *vm, StCallInfo *ci) {
  double d;
  if (!st_ops_to_double(vm, st_arg(ci, 0), &d)) return ST_EXCEPTION;
  return st_bool(d != d);
}

static StValue global_is_finite(StVM *vm, StCallInfo *ci) {
  double d;
  if (!st_ops_to_double(vm, st_arg(ci, 0), &d)) return ST_EXCEPTION;
  return st_bool(isfinite(d));
}

/* ------------------------------------------------------------------------------------------ */
/* URI encoding (ECMA-262 19.2.6): Encode and Decode                                          */

static const char URI_UNRESERVED_MARKS[] = "-_.!~*'()";
static const char URI_RESERVED[] = ";/?:@&=+$,#"; /* with '#', as encodeURI keeps it */

static bool is_alnum_ascii(uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool in_set(uint32_t c, const char *set) {
  return c != 0 && c < 128 && strchr(set, (int)c) != NULL;
}

static StValue uri_error(StVM *vm) { return st_vm_throw_error(vm, ST_ERROR_URI, "URI malformed"); }

/* Encode(string, extraUnescaped): reserved: also leave the URI_RESERVED characters. */
static StValue encode(StVM *vm, StValue arg, bool reserved) {
  StString *s = st_ops_to_string(vm, arg);
  if (!s || !(s = st_string_flatten(vm, s))) return ST_EXCEPTION;
  uint32_t n = st_string_length(s);
  StStringBuilder b;
  st_string_builder_init(vm, &b);
  for (uint32_t k = 0; k < n; k++) {
    uint32_t c = st_string_unit_at(s, k);
    if (is_alnum_ascii(c) || in_set(c, URI_UNRESERVED_MARKS) || (reserved && in_set(c, URI_RESERVED))) {
      st_string_builder_add_unit(&b, (uint16_t)c);
      continue;
    }
    if (c >= 0xDC00 && c <= 0xDFFF) goto malformed;
    if (c >= 0xD800 && c <= 0xDBFF) {
      if (k + 1 >= n) goto malformed;
      uint32_t d = st_string_unit_at(s, k + 1);
      if (d < 0xDC00 || d > 0xDFFF) goto malformed;
      c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
      k++;
    }
    uint8_t bytes[4];
    int nb;
    if (c < 0x80) {
      bytes[0] = (uint8_t)c;
      nb = 1;
    } else if (c < 0x800) {
      bytes[0] = (uint8_t)(0xC0 | (c >> 6));
      bytes[1] = (uint8_t)(0x80 | (c & 0x3F));
      nb = 2;
    } else if (c < 0x10000) {
      bytes[0] = (uint8_t)(0xE0 | (c >> 12));
      bytes[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
      bytes[2] = (uint8_t)(0x80 | (c & 0x3F));
      nb = 3;
    } else {
      bytes[0] = (uint8_t)(0xF0 | (c >> 18));
      bytes[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
      bytes[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
      bytes[3] = (uint8_t)(0x80 | (c & 0x3F));
      nb = 4;
    }
    static const char hex[] = "0123456789ABCDEF";
    for (int i = 0; i < nb; i++) {
      char esc[3] = {'%', hex[bytes[i] >> 4], hex[bytes[i] & 15]};
      st_string_builder_add_latin1(&b, esc, 3);
    }
  }
  {
    StString *r = st_string_builder_finish(&b);
    return r ? st_string_value(r) : ST_EXCEPTION;
  }
malformed:
  st_string_builder_free(&b);
  return uri_error(vm);
}

static int hex_value(uint32_t c) {
  if (c >= '0' && c <= '9') return (int)(c - '0');
  if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
  return -1;
}

/* The byte of "%XY" at s[k] (k at the '%'), or -1. */
static int escaped_byte(StString *s, uint32_t k, uint32_t n) {
  if (k + 2 >= n || st_string_unit_at(s, k) != '%') return -1;
  int hi = hex_value(st_string_unit_at(s, k + 1)), lo = hex_value(st_string_unit_at(s, k + 2));
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

/* Decode(string, preserveEscapeSet): reserved: escapes of URI_RESERVED characters stay. */
static StValue decode(StVM *vm, StValue arg, bool reserved) {
  StString *s = st_ops_to_string(vm, arg);
  if (!s || !(s = st_string_flatten(vm, s))) return ST_EXCEPTION;
  uint32_t n = st_string_length(s);
  StStringBuilder b;
  st_string_builder_init(vm, &b);
  for (uint32_t k = 0; k < n; k++) {
    uint32_t c = st_string_unit_at(s, k);
    if (c != '%') {
      st_string_builder_add_unit(&b, (uint16_t)c);
      continue;
    }
    uint32_t start = k;
    int byte = escaped_byte(s, k, n);
    if (byte < 0) goto malformed;
    k += 2;
    if (byte < 0x80) {
      if (reserved && in_set((uint32_t)byte, URI_RESERVED)) {
        for (uint32_t i = start; i <= k; i++) st_string_builder_add_unit(&b, st_string_unit_at(s, i));
      } else {
        st_string_builder_add_unit(&b, (uint16_t)byte);
      }
      continue;
    }
    /* A multi-byte UTF-8 sequence: its length from the leading byte. */
    int len = (byte & 0xE0) == 0xC0 ? 2 : (byte & 0xF0) == 0xE0 ? 3 : (byte & 0xF8) == 0xF0 ? 4 : 0;
    if (!len) goto malformed;
    uint32_t cp = (uint32_t)byte & (0xFFu >> (len + 1));
    for (int j = 1; j < len; j++) {
      int cont = escaped_byte(s, k + 1, n);
      if (cont < 0 || (cont & 0xC0) != 0x80) goto malformed;
      k += 3;
      cp = (cp << 6) | ((uint32_t)cont & 0x3F);
    }
    static const uint32_t min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_cp[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) goto malformed;
    if (cp < 0x10000) {
      st_string_builder_add_unit(&b, (uint16_t)cp);
    } else {
      cp -= 0x10000;
      st_string_builder_add_unit(&b, (uint16_t)(0xD800 + (cp >> 10)));
      st_string_builder_add_unit(&b, (uint16_t)(0xDC00 + (cp & 0x3FF)));
    }
  }
  {
    StString *r = st_string_builder_finish(&b);
    return r ? st_string_value(r) : ST_EXCEPTION;
  }
malformed:
  st_string_builder_free(&b);
  return uri_error(vm);
}

static StValue global_encode_uri(StVM *vm, StCallInfo *ci) { return encode(vm, st_arg(ci, 0), true); }
static StValue global_encode_uri_component(StVM *vm, StCallInfo *ci) {
  return encode(vm, st_arg(ci, 0), false);
}
static StValue global_decode_uri(StVM *vm, StCallInfo *ci) { return decode(vm, st_arg(ci, 0), true); }
static StValue global_decode_uri_component(StVM *vm, StCallInfo *ci) {
  return decode(vm, st_arg(ci, 0), false);
}

void st_lib_global_init(StVM *vm) {
  StObject *g = vm->global;
  st_builtins_value(vm, g, "NaN", st_double(NAN), 0);
  st_builtins_value(vm, g, "Infinity", st_double(INFINITY), 0);
  st_builtins_value(vm, g, "undefined", ST_UNDEFINED, 0);
  st_builtins_method(vm, g, "isNaN", global_is_nan, 1);
  st_builtins_method(vm, g, "isFinite", global_is_finite, 1);
  st_builtins_method(vm, g, "decodeURI", global_decode_uri, 1);
  st_builtins_method(vm, g, "decodeURIComponent", global_decode_uri_component, 1);
  st_builtins_method(vm, g, "encodeURI", global_encode_uri, 1);
  st_builtins_method(vm, g, "encodeURIComponent", global_encode_uri_component, 1);

  StObject *sp = vm->intrinsics.StringPrototype;
  StPropInfo info;
  if (sp && !st_object_find_own(vm, sp, st_symbol_value(vm->sym_iterator), &info))
    st_builtins_symbol_method(vm, sp, vm->sym_iterator, "[Symbol.iterator]",
                              st_lib_iterator_string_iterator, 0);
}

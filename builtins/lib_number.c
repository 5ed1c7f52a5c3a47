/* builtins/lib_number.c: Number, Number.prototype (a Number wrapper of +0), the Number
 * constants, and parseInt/parseFloat.
 *
 * parseInt and parseFloat are created here once and defined both on the global object and on
 * Number: the spec requires Number.parseInt === parseInt (lib_global.c does not define them).
 *
 * All digit work is support/numconv.h's (bit-exact with V8); this file does the argument
 * checks in the spec's order and the RangeErrors with V8's messages.
 *
 * toLocaleString formats like node's default locale (en-US): grouping commas, at most three
 * fraction digits rounded half away from zero from the shortest decimal form, "∞" for Infinity,
 * "-0" for negative zero. Locales and options arguments are ignored.
 */
#include "builtins/lib_object.h"

#include "support/numconv.h"

#include <math.h>

/* A string value from a NUL-terminated ASCII buffer. */
static StValue ascii_value(StVM *vm, const char *buf, int n) {
  StString *s = st_string_from_latin1(vm, (const uint8_t *)buf, (size_t)n);
  return s ? st_string_value(s) : ST_EXCEPTION;
}

static StValue number_to_string_value(StVM *vm, double d) {
  StString *s = st_string_from_double(vm, d);
  return s ? st_string_value(s) : ST_EXCEPTION;
}

/* ------------------------------------------------------------------------------------------ */
/* Constructor and statics                                                                    */

static StValue number_ctor(StVM *vm, StCallInfo *ci) {
  StValue n = st_int(0);
  if (ci->argc > 0) {
    n = st_ops_to_number(vm, ci->argv[0]); /* ToNumeric: no BigInt in Strata */
    if (n == ST_EXCEPTION) return ST_EXCEPTION;
  }
  if (st_is_undefined(ci->new_target)) return n;
  StObject *proto =
      st_lib_object_proto_from_ctor(vm, ci->new_target, vm->intrinsics.NumberPrototype);
  if (!proto) return ST_EXCEPTION;
  StWrapper *w =
      (StWrapper *)st_object_alloc(vm, ST_KIND_NUMBER_OBJECT, sizeof(StWrapper), proto, 0);
  if (!w) return ST_EXCEPTION;
  w->value = n;
  return st_object_value(&w->obj);
}

/* Number.isFinite and friends do not convert: anything but a number is false. */
static StValue number_is_finite(StVM *vm, StCallInfo *ci) {
  (void)vm;
  StValue v = st_arg(ci, 0);
  return st_bool(st_is_number(v) && isfinite(st_get_number(v)));
}

static StValue number_is_nan(StVM *vm, StCallInfo *ci) {
  (void)vm;
  StValue v = st_arg(ci, 0);
  return st_bool(st_is_number(v) && st_get_number(v) != st_get_number(v));
}

static bool is_integral(StValue v) {
  if (st_is_int(v)) return true;
  if (!st_is_number(v)) return false;
  double d = st_get_number(v);
  return isfinite(d) && trunc(d) == d;
}

static StValue number_is_integer(StVM *vm, StCallInfo *ci) {
  (void)vm;
  return st_bool(is_integral(st_arg(ci, 0)));
}

static StValue number_is_safe_integer(StVM *vm, StCallInfo *ci) {
  (void)vm;
  StValue v = st_arg(ci, 0);
  return st_bool(is_integral(v) && fabs(st_get_number(v)) <= 9007199254740991.0);
}

/* parseInt(string, radix): ToString(string) before ToInt32(radix), as the spec orders them. */
static StValue global_parse_int(StVM *vm, StCallInfo *ci) {
  StValue a = st_arg(ci, 0);
  /* Integers are common arguments (parseInt(n)): the result is the number itself. */
  if (st_is_int(a) && st_is_undefined(st_arg(ci, 1))) return a;
  StString *s = st_ops_to_string(vm, a);
  if (!s) return ST_EXCEPTION;
  int32_t radix;
  if (!st_ops_to_int32(vm, st_arg(ci, 1), &radix)) return ST_EXCEPTION;
  if (!(s = st_string_flatten(vm, s))) return ST_EXCEPTION;
  uint32_t n = st_string_length(s);
  double d = st_string_is_one_byte(s)
                 ? st_numconv_parse_int8(st_string_one_byte_data(s), n, radix)
                 : st_numconv_parse_int16(st_string_two_byte_data(s), n, radix);
  return st_number(d);
}

static StValue global_parse_float(StVM *vm, StCallInfo *ci) {
  StString *s = st_ops_to_string(vm, st_arg(ci, 0));
  if (!s || !(s = st_string_flatten(vm, s))) return ST_EXCEPTION;
  uint32_t n = st_string_length(s);
  double d = st_string_is_one_byte(s) ? st_numconv_parse_float8(st_string_one_byte_data(s), n)
                                      : st_numconv_parse_float16(st_string_two_byte_data(s), n);
  return st_number(d);
}

/* ------------------------------------------------------------------------------------------ */
/* Number.prototype                                                                           */

/* thisNumberValue(this): false with a TypeError naming the method. */
static bool this_number(StVM *vm, StCallInfo *ci, const char *method, double *out) {
  StValue t = ci->this_val;
  if (st_is_object(t) && st_get_object(t)->hdr.kind == ST_KIND_NUMBER_OBJECT)
    t = ((StWrapper *)st_get_object(t))->value;
  if (st_is_number(t)) {
    *out = st_get_number(t);
    return true;
  }
  st_vm_type_error(vm, "%s requires that 'this' be a Number", method);
  return false;
}

static StValue number_value_of(StVM *vm, StCallInfo *ci) {
  double x;
  if (!this_number(vm, ci, "Number.prototype.valueOf", &x)) return ST_EXCEPTION;
  return st_number(x);
}

static StValue number_to_string(StVM *vm, StCallInfo *ci) {
  double x;
  if (!this_number(vm, ci, "Number.prototype.toString", &x)) return ST_EXCEPTION;
  StValue r = st_arg(ci, 0);
  double radix = 10;
  if (!st_is_undefined(r) && !st_ops_to_integer(vm, r, &radix)) return ST_EXCEPTION;
  if (radix < 2 || radix > 36)
    return st_vm_range_error(vm, "toString() radix must be between 2 and 36");
  if (radix == 10) return number_to_string_value(vm, x);
  char buf[ST_NUMCONV_RADIX_BUF_SIZE];
  int n = st_numconv_to_radix(x, (int)radix, buf, sizeof buf);
  ST_ASSERT(n >= 0, "radix buffer too small");
  return ascii_value(vm, buf, n);
}

static StValue number_to_fixed(StVM *vm, StCallInfo *ci) {
  double x, f;
  if (!this_number(vm, ci, "Number.prototype.toFixed", &x)) return ST_EXCEPTION;
  if (!st_ops_to_integer(vm, st_arg(ci, 0), &f)) return ST_EXCEPTION;
  if (!(f >= 0 && f <= 100))
    return st_vm_range_error(vm, "toFixed() digits argument must be between 0 and 100");
  if (!isfinite(x)) return number_to_string_value(vm, x);
  char buf[ST_NUMCONV_FORMAT_BUF_SIZE];
  return ascii_value(vm, buf, st_numconv_to_fixed(x, (int)f, buf));
}

static StValue number_to_exponential(StVM *vm, StCallInfo *ci) {
  double x, f;
  if (!this_number(vm, ci, "Number.prototype.toExponential", &x)) return ST_EXCEPTION;
  StValue fd = st_arg(ci, 0);
  if (!st_ops_to_integer(vm, fd, &f)) return ST_EXCEPTION;
  if (!isfinite(x)) return number_to_string_value(vm, x);
  if (!(f >= 0 && f <= 100))
    return st_vm_range_error(vm, "toExponential() argument must be between 0 and 100");
  char buf[ST_NUMCONV_FORMAT_BUF_SIZE];
  int digits = st_is_undefined(fd) ? -1 : (int)f;
  return ascii_value(vm, buf, st_numconv_to_exponential(x, digits, buf));
}

static StValue number_to_precision(StVM *vm, StCallInfo *ci) {
  double x, p;
  if (!this_number(vm, ci, "Number.prototype.toPrecision", &x)) return ST_EXCEPTION;
  StValue pv = st_arg(ci, 0);
  if (st_is_undefined(pv)) return number_to_string_value(vm, x);
  if (!st_ops_to_integer(vm, pv, &p)) return ST_EXCEPTION;
  if (!isfinite(x)) return number_to_string_value(vm, x);
  if (!(p >= 1 && p <= 100))
    return st_vm_range_error(vm, "toPrecision() argument must be between 1 and 100");
  char buf[ST_NUMCONV_FORMAT_BUF_SIZE];
  return ascii_value(vm, buf, st_numconv_to_precision(x, (int)p, buf));
}

/* en-US formatting of a finite x: see the header comment. */
static StValue format_locale(StVM *vm, double x) {
  enum { FRAC = 3 };
  char out[512];
  size_t o = 0;
  if (signbit(x)) out[o++] = '-';
  x = fabs(x);
  /* num: the digits of x rounded to FRAC fraction digits; the first int_len are the integer
   * part. One spare digit in front takes a carry out of the top. */
  char num[360];
  int int_len = 1;
  memset(num, '0', sizeof num);
  if (x > 0) {
    char d[17];
    int point;
    int n = st_numconv_shortest(x, d, &point);
    int_len = point > 0 ? point : 1;
    /* digit k of x (k = 0 the first integer digit) is d[k - (int_len - point)]. */
    int shift = int_len - point;
    for (int i = 0; i < n; i++) {
      int k = i + shift;
      if (k >= 0 && k < int_len + FRAC) num[1 + k] = d[i];
    }
    /* Round half away from zero (ECMA-402's default "halfExpand") on the shortest decimal
     * form: only the first dropped digit matters. When that digit is before d[0] it is a 0;
     * when it is past the end nothing is dropped. */
    int first = int_len + FRAC; /* position k of the first dropped digit */
    int drop = first - shift;   /* its index in d */
    bool up = drop >= 0 && drop < n && d[drop] >= '5';
    if (up) {
      int k = first; /* num index of the last kept digit */
      while (num[k] == '9') num[k--] = '0';
      num[k]++;
    }
  }
  int start = num[0] != '0' ? 0 : 1;
  if (start == 0) int_len++;
  const char *digits = num + start;
  for (int i = 0; i < int_len; i++) {
    if (i > 0 && (int_len - i) % 3 == 0) out[o++] = ',';
    out[o++] = digits[i];
  }
  int frac_end = int_len + FRAC;
  while (frac_end > int_len && digits[frac_end - 1] == '0') frac_end--;
  if (frac_end > int_len) {
    out[o++] = '.';
    for (int i = int_len; i < frac_end; i++) out[o++] = digits[i];
  }
  return ascii_value(vm, out, (int)o);
}

static StValue number_to_locale_string(StVM *vm, StCallInfo *ci) {
  double x;
  if (!this_number(vm, ci, "Number.prototype.toLocaleString", &x)) return ST_EXCEPTION;
  if (x != x) return st_string_value(vm->atoms.NaN);
  if (isinf(x)) return st_builtins_string(vm, x > 0 ? "\u221e" : "-\u221e");
  return format_locale(vm, x);
}

void st_lib_number_init(StVM *vm) {
  StWrapper *proto = (StWrapper *)st_object_alloc(vm, ST_KIND_NUMBER_OBJECT, sizeof(StWrapper),
                                                  vm->intrinsics.ObjectPrototype, 0);
  ST_CHECK(proto, "out of memory during realm set-up");
  proto->value = st_int(0);
  StObject *p = &proto->obj;
  vm->intrinsics.NumberPrototype = p;
  st_object_mark_prototype(vm, p);
  StObject *ctor = &st_builtins_ctor(vm, "Number", number_ctor, 1, p)->obj;

  st_builtins_value(vm, ctor, "EPSILON", st_double(0x1p-52), 0);
  st_builtins_value(vm, ctor, "MAX_SAFE_INTEGER", st_double(9007199254740991.0), 0);
  st_builtins_value(vm, ctor, "MAX_VALUE", st_double(1.7976931348623157e308), 0);
  st_builtins_value(vm, ctor, "MIN_SAFE_INTEGER", st_double(-9007199254740991.0), 0);
  st_builtins_value(vm, ctor, "MIN_VALUE", st_double(5e-324), 0);
  st_builtins_value(vm, ctor, "NaN", st_double(NAN), 0);
  st_builtins_value(vm, ctor, "NEGATIVE_INFINITY", st_double(-INFINITY), 0);
  st_builtins_value(vm, ctor, "POSITIVE_INFINITY", st_double(INFINITY), 0);
  st_builtins_method(vm, ctor, "isFinite", number_is_finite, 1);
  st_builtins_method(vm, ctor, "isInteger", number_is_integer, 1);
  st_builtins_method(vm, ctor, "isNaN", number_is_nan, 1);
  st_builtins_method(vm, ctor, "isSafeInteger", number_is_safe_integer, 1);
  StNativeFunction *pf = st_builtins_method(vm, vm->global, "parseFloat", global_parse_float, 1);
  StNativeFunction *pi = st_builtins_method(vm, vm->global, "parseInt", global_parse_int, 2);
  st_builtins_value(vm, ctor, "parseFloat", st_object_value(&pf->obj), ST_ATTR_HIDDEN);
  st_builtins_value(vm, ctor, "parseInt", st_object_value(&pi->obj), ST_ATTR_HIDDEN);

  st_builtins_method(vm, p, "toExponential", number_to_exponential, 1);
  st_builtins_method(vm, p, "toFixed", number_to_fixed, 1);
  st_builtins_method(vm, p, "toLocaleString", number_to_locale_string, 0);
  st_builtins_method(vm, p, "toPrecision", number_to_precision, 1);
  st_builtins_method(vm, p, "toString", number_to_string, 1);
  st_builtins_method(vm, p, "valueOf", number_value_of, 0);
}

/* builtins/lib_math.c: the Math namespace: the ES2015 functions and the constants.
 *
 * The transcendental functions come from the C library, which may differ from V8's fdlibm in
 * the last bit for some inputs (the spec allows any implementation-approximated result);
 * everything the spec defines exactly (rounding, min/max/hypot edge cases, signed zeros, NaN
 * propagation, fround, imul, clz32, pow like `**`) is exact.
 *
 * Argument coercion order is observable (valueOf side effects): functions with several
 * arguments convert all of them, left to right, before looking at any result (Math.max(NaN,
 * {valueOf}) still calls valueOf).
 *
 * Math.random is xorshift128+ over vm->random_state, seeded from --random-seed=N when N is not
 * 0 (runs repeat exactly) and from the clock otherwise. Each double takes the top 53 bits of
 * one output, so every value is k * 2^-53 for an integer 0 <= k < 2^53: in [0, 1).
 */
#include "builtins/builtins.h"

#include <math.h>
#include <stdlib.h>
#include <time.h>

/* ToNumber of argument i as a double; false on a throw. */
ST_INLINE bool arg_double(StVM *vm, StCallInfo *ci, uint32_t i, double *out) {
  StValue v = st_arg(ci, i);
  if (st_is_int(v)) {
    *out = st_get_int(v);
    return true;
  }
  if (st_is_double(v)) {
    *out = st_get_double(v);
    return true;
  }
  return st_ops_to_double(vm, v, out);
}

/* The one-argument functions: table of (name, C function). Each converts its argument with
 * ToNumber and returns the C result, which already has the JS edge cases (signed zeros,
 * infinities, NaN) for all of these. */
/* glibc's cbrt is off by an ulp even on perfect cubes (cbrt(27) = 3.0000000000000004); one
 * Newton step in long double puts it on the nearest double, as V8's gives. */
static double js_cbrt(double x) {
  double y = cbrt(x);
  if (!isfinite(y) || y == 0) return y;
  long double l = y;
  l -= (l * l * l - x) / (3 * l * l);
  return (double)l;
}

#define ST_MATH_UNARY(X) \
  X(acos, acos) X(acosh, acosh) X(asin, asin) X(asinh, asinh) X(atan, atan) X(atanh, atanh) \
  X(cbrt, js_cbrt) X(ceil, ceil) X(cos, cos) X(cosh, cosh) X(exp, exp) X(expm1, expm1) \
  X(floor, floor) X(log, log) X(log1p, log1p) X(log10, log10) X(log2, log2) X(sin, sin) \
  X(sinh, sinh) X(sqrt, sqrt) X(tan, tan) X(tanh, tanh) X(trunc, trunc) X(abs, fabs)

#define ST_MATH_UNARY_FN(name, cfn) \
  static StValue math_##name(StVM *vm, StCallInfo *ci) { \
    double x; \
    if (!arg_double(vm, ci, 0, &x)) return ST_EXCEPTION; \
    return st_number(cfn(x)); \
  }
ST_MATH_UNARY(ST_MATH_UNARY_FN)
#undef ST_MATH_UNARY_FN

/* Math.round: the nearest integer, ties toward +Infinity; -0 for x in [-0.5, -0], as the spec
 * says. floor(x + 0.5) would be wrong for 0.49999999999999994 (the sum rounds up to 1) and
 * for odd integers above 2^52. x - floor(x) is exact for |x| < 2^52, the only range where x
 * can have a fraction. */
static double js_round(double x) {
  if (!isfinite(x) || x == 0) return x;
  if (x > 0 && x < 0.5) return 0.0;
  if (x < 0 && x >= -0.5) return -0.0;
  double r = floor(x);
  if (x - r >= 0.5) r += 1;
  return r;
}

static StValue math_round(StVM *vm, StCallInfo *ci) {
  double x;
  if (!arg_double(vm, ci, 0, &x)) return ST_EXCEPTION;
  return st_number(js_round(x));
}

static StValue math_sign(StVM *vm, StCallInfo *ci) {
  double x;
  if (!arg_double(vm, ci, 0, &x)) return ST_EXCEPTION;
  if (x != x || x == 0) return st_number(x); /* NaN, +0 and -0 are their own sign */
  return st_int(x > 0 ? 1 : -1);
}

static StValue math_fround(StVM *vm, StCallInfo *ci) {
  double x;
  if (!arg_double(vm, ci, 0, &x)) return ST_EXCEPTION;
  return st_number((double)(float)x);
}

static StValue math_clz32(StVM *vm, StCallInfo *ci) {
  uint32_t n;
  if (!st_ops_to_uint32(vm, st_arg(ci, 0), &n)) return ST_EXCEPTION;
  return st_int(n == 0 ? 32 : __builtin_clz(n));
}

static StValue math_imul(StVM *vm, StCallInfo *ci) {
  uint32_t a, b;
  if (!st_ops_to_uint32(vm, st_arg(ci, 0), &a) || !st_ops_to_uint32(vm, st_arg(ci, 1), &b))
    return ST_EXCEPTION;
  return st_int((int32_t)(a * b)); /* the product modulo 2^32, as an int32 */
}

static StValue math_atan2(StVM *vm, StCallInfo *ci) {
  double y, x;
  if (!arg_double(vm, ci, 0, &y) || !arg_double(vm, ci, 1, &x)) return ST_EXCEPTION;
  return st_number(atan2(y, x));
}

static StValue math_pow(StVM *vm, StCallInfo *ci) {
  double b, e;
  if (!arg_double(vm, ci, 0, &b) || !arg_double(vm, ci, 1, &e)) return ST_EXCEPTION;
  return st_number(st_ops_pow(b, e));
}

/* max/min: every argument is converted first; NaN anywhere wins; +0 is larger than -0. */
static StValue min_max(StVM *vm, StCallInfo *ci, bool is_max) {
  double r = is_max ? -INFINITY : INFINITY;
  bool nan = false;
  for (uint32_t i = 0; i < ci->argc; i++) {
    double x;
    if (!arg_double(vm, ci, i, &x)) return ST_EXCEPTION;
    if (x != x) {
      nan = true;
    } else if (is_max ? (x > r || (x == 0 && r == 0 && !signbit(x))) :
                        (x < r || (x == 0 && r == 0 && signbit(x)))) {
      r = x;
    }
  }
  return st_number(nan ? NAN : r);
}

static StValue math_max(StVM *vm, StCallInfo *ci) { return min_max(vm, ci, true); }
static StValue math_min(StVM *vm, StCallInfo *ci) { return min_max(vm, ci, false); }

/* Math.hypot: an infinite argument wins over NaN; otherwise the square root of the sum of
 * squares, scaled by the largest magnitude (no overflow or underflow in the squares) and
 * summed with Kahan compensation, so hypot(3, 4) is exactly 5. */
static StValue math_hypot(StVM *vm, StCallInfo *ci) {
  double small[8];
  double *xs = ci->argc <= 8 ? small : st_xmalloc(sizeof(double) * ci->argc);
  bool inf = false, nan = false;
  double max = 0;
  for (uint32_t i = 0; i < ci->argc; i++) {
    double x;
    if (!arg_double(vm, ci, i, &x)) {
      if (xs != small) free(xs);
      return ST_EXCEPTION;
    }
    x = fabs(x);
    xs[i] = x;
    if (isinf(x)) inf = true;
    else if (x != x) nan = true;
    else if (x > max) max = x;
  }
  double r;
  if (inf) {
    r = INFINITY;
  } else if (nan) {
    r = NAN;
  } else if (max == 0) {
    r = 0;
  } else {
    double sum = 0, comp = 0;
    for (uint32_t i = 0; i < ci->argc; i++) {
      double n = xs[i] / max;
      double summand = n * n - comp;
      double next = sum + summand;
      comp = (next - sum) - summand;
      sum = next;
    }
    r = sqrt(sum) * max;
  }
  if (xs != small) free(xs);
  return st_number(r);
}

/* ------------------------------------------------------------------------------------------ */
/* Math.random                                                                                */

/* SplitMix64: spreads a seed (possibly small, like 1) over both state words so the first
 * outputs already look random, and never leaves the all-zero state xorshift cannot leave. */
static uint64_t splitmix64(uint64_t *x) {
  uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

static void seed_random(StVM *vm) {
  uint64_t seed = (uint64_t)vm->flags.random_seed;
  if (seed == 0) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    seed = (uint64_t)ts.tv_sec * 1000000007ull ^ (uint64_t)ts.tv_nsec ^
           (uint64_t)(uintptr_t)vm;
  }
  vm->random_state[0] = splitmix64(&seed);
  vm->random_state[1] = splitmix64(&seed);
  if ((vm->random_state[0] | vm->random_state[1]) == 0) vm->random_state[1] = 1;
}

static StValue math_random(StVM *vm, StCallInfo *ci) {
  (void)ci;
  uint64_t s1 = vm->random_state[0];
  uint64_t s0 = vm->random_state[1];
  vm->random_state[0] = s0;
  s1 ^= s1 << 23;
  s1 ^= s1 >> 17;
  s1 ^= s0;
  s1 ^= s0 >> 26;
  vm->random_state[1] = s1;
  uint64_t r = vm->random_state[0] + vm->random_state[1];
  return st_double((double)(r >> 11) * 0x1.0p-53);
}

void st_lib_math_init(StVM *vm) {
  StObject *m = st_builtins_namespace(vm, "Math");
  vm->intrinsics.Math = m;
  static const struct { const char *name; double value; } constants[] = {
      {"E", 2.718281828459045},       {"LN10", 2.302585092994046},
      {"LN2", 0.6931471805599453},    {"LOG10E", 0.4342944819032518},
      {"LOG2E", 1.4426950408889634},  {"PI", 3.141592653589793},
      {"SQRT1_2", 0.7071067811865476}, {"SQRT2", 1.4142135623730951},
  };
  for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++)
    st_builtins_value(vm, m, constants[i].name, st_double(constants[i].value), 0);

#define ST_MATH_DEFINE_UNARY(name, cfn) st_builtins_method(vm, m, #name, math_##name, 1);
  ST_MATH_UNARY(ST_MATH_DEFINE_UNARY)
#undef ST_MATH_DEFINE_UNARY
  st_builtins_method(vm, m, "atan2", math_atan2, 2);
  st_builtins_method(vm, m, "clz32", math_clz32, 1);
  st_builtins_method(vm, m, "fround", math_fround, 1);
  st_builtins_method(vm, m, "hypot", math_hypot, 2);
  st_builtins_method(vm, m, "imul", math_imul, 2);
  st_builtins_method(vm, m, "max", math_max, 2);
  st_builtins_method(vm, m, "min", math_min, 2);
  st_builtins_method(vm, m, "pow", math_pow, 2);
  st_builtins_method(vm, m, "random", math_random, 0);
  st_builtins_method(vm, m, "round", math_round, 1);
  st_builtins_method(vm, m, "sign", math_sign, 1);
  seed_random(vm);
}

/* support/numconv.c: numbers to strings and strings to numbers, exactly as V8 does them.
 *
 * Formatting:
 *   double --+-- integer, |d| < 2^53 ---------------------> integer digits (digit pairs)
 *            +-- otherwise: shortest digits (Schubfach) --> spec layout    ToString(d)
 *            +-- exact decimal expansion (bignum) --------> round half up  toFixed/Exponential/
 *            |                                                              Precision
 *            +-- V8's DoubleToRadixCString -------------------------------- toString(radix)
 * Parsing:
 *   units --> skip white space --> sign --> literal scanner --------------------> double
 *                                            decimal: significant digits + exponent
 *                                              -> exact double ops (Clinger's fast path)
 *                                              -> else strtod on a normalized "DDDDe-NN"
 *                                            0x/0o/0b, parseInt 2^k: exact bits, round once
 *                                            parseInt other radixes: V8's 32-bit chunks
 *
 * The shortest-digits search implements Raffaello Giulietti's Schubfach algorithm from its
 * paper ("The Schubfach way to render doubles", 2020): scale the rounding interval of d by a
 * power of ten so that it is between 1 and 10 units wide; then the shortest decimals in it are
 * among the multiples of 10 or of 1 next to the scaled d, and one wide multiplication per
 * bound (rounded to odd, so that comparisons with even numbers stay exact) decides which.
 * The powers of ten come from numconv_pow10.c, generated and checked exactly by the tests.
 *
 * toFixed, toExponential and toPrecision round half up on the exact value (the spec's "if
 * there are two such n, pick the larger"). Every finite double is a finite decimal (m * 2^e is
 * m * 5^-e / 10^-e), so these functions expand it exactly with a small bignum and round the
 * digit string; no floating-point arithmetic touches the digits.
 *
 * Decimal parsing is correctly rounded: a decimal that is exact in a double's terms needs
 * at most 767 significant digits to be told from the midpoints between doubles, so digits
 * past DEC_DIGITS_MAX only matter as "some nonzero digit followed", which a single '1' digit
 * appended stands for exactly. glibc's strtod is correctly rounded, and the string handed to
 * it has no decimal point (the one locale-dependent character). The scanners never read past
 * n: every unit access is checked against it.
 */
#include "support/numconv.h"

#include "support/numconv_internal.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------ */
/* Doubles as bits                                                                            */

#define EXP_MASK 0x7ffu
#define FRAC_BITS 52
#define FRAC_MASK ((UINT64_C(1) << FRAC_BITS) - 1)
#define HIDDEN_BIT (UINT64_C(1) << FRAC_BITS)

static uint64_t bits_of(double d) {
  uint64_t b;
  memcpy(&b, &d, sizeof b);
  return b;
}

static double double_of(uint64_t b) {
  double d;
  memcpy(&d, &b, sizeof d);
  return d;
}

/* d == c * 2^q with c the integer significand, for finite d. */
static void decompose(double d, uint64_t *c, int *q) {
  uint64_t b = bits_of(d);
  int be = (int)((b >> FRAC_BITS) & EXP_MASK);
  uint64_t f = b & FRAC_MASK;
  if (be == 0) {
    *c = f;
    *q = -1074;
  } else {
    *c = f | HIDDEN_BIT;
    *q = be - 1075;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Integers                                                                                   */

static const char DIGIT_PAIRS[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/* Writes v's digits ending just before `end`; returns the first digit's address. */
static char *u64_digits_backward(uint64_t v, char *end) {
  while (v >= 100) {
    unsigned r = (unsigned)(v % 100);
    v /= 100;
    end -= 2;
    memcpy(end, DIGIT_PAIRS + 2 * r, 2);
  }
  if (v >= 10) {
    end -= 2;
    memcpy(end, DIGIT_PAIRS + 2 * v, 2);
  } else {
    *--end = (char)('0' + v);
  }
  return end;
}

static int u64_digit_count(uint64_t v) {
  int n = 1;
  for (uint64_t p = 10; n < 20 && v >= p; p *= 10) n++;
  return n;
}

static int u64_to_string(uint64_t v, bool negative, char *buf) {
  char tmp[24];
  char *p = u64_digits_backward(v, tmp + sizeof tmp);
  if (negative) *--p = '-';
  int n = (int)(tmp + sizeof tmp - p);
  memcpy(buf, p, (size_t)n);
  buf[n] = '\0';
  return n;
}

int st_numconv_int32_to_string(int32_t v, char *buf) {
  return u64_to_string(v < 0 ? (uint64_t)0 - (uint64_t)(int64_t)v : (uint64_t)v, v < 0, buf);
}

int st_numconv_uint32_to_string(uint32_t v, char *buf) { return u64_to_string(v, false, buf); }

int st_numconv_int64_to_string(int64_t v, char *buf) {
  return u64_to_string(v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v, v < 0, buf);
}

/* ------------------------------------------------------------------------------------------ */
/* Shortest digits (Schubfach)                                                                */

/* 64 x 64 -> 128-bit product: returns the low half, the high half in *hi. */
static uint64_t mul_64x64(uint64_t a, uint64_t b, uint64_t *hi) {
#if defined(__SIZEOF_INT128__)
  unsigned __int128 p = (unsigned __int128)a * b;
  *hi = (uint64_t)(p >> 64);
  return (uint64_t)p;
#else
  uint64_t a0 = (uint32_t)a, a1 = a >> 32, b0 = (uint32_t)b, b1 = b >> 32;
  uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  uint64_t mid = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;
  *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
  return (mid << 32) | (uint32_t)p00;
#endif
}

/* floor(g * cp / 2^128), with bit 0 set when the fraction is nonzero ("round to odd").
 * The fraction is looked at to 64 bits. That is what makes the result trustworthy: g exceeds
 * the exact scaled power of ten by less than one unit in 2^126, which moves the product by
 * less than 2^-65 (cp < 2^63), so an exact integer keeps a zero fraction; and the paper's
 * analysis bounds the fraction of a non-integer scaled bound away from 0 and 1 by more than
 * Java's 63-bit version of this step can resolve, so neither the floor nor the sticky bit can
 * be fooled. (test_numconv checks the results against node and against an exact oracle.) */
static uint64_t round_to_odd(const uint64_t g[2], uint64_t cp) {
  uint64_t lo_hi;
  (void)mul_64x64(g[1], cp, &lo_hi);
  uint64_t hi_hi, hi_lo = mul_64x64(g[0], cp, &hi_hi);
  uint64_t frac = hi_lo + lo_hi;
  uint64_t top = hi_hi + (frac < hi_lo);
  return top | (frac != 0);
}

/* Finite d > 0: returns the shortest decimal significand in d's rounding interval (the one
 * closest to d if several, the even one on a tie), with d ~ result * 10^*exp10. */
static uint64_t shortest_decimal(double d, int *exp10) {
  uint64_t c;
  int q;
  decompose(d, &c, &q);
  ST_ASSERT(c != 0, "shortest_decimal of zero");
  /* The interval is [d - half gap below, d + half gap above], in units of 2^(q-2); the gap
   * below is half as wide at a power of two (except at the subnormal boundary). Odd c: the
   * bounds round to the neighbours, so they are excluded. */
  bool irregular = c == HIDDEN_BIT && q > -1074;
  uint64_t out = c & 1;
  uint64_t cb = c << 2, cbr = cb + 2, cbl = irregular ? cb - 1 : cb - 2;
  /* k makes the scaled interval (10^-k * width) between 1 and 10 wide. */
  int k = irregular ? st_numconv_floor_log10_three_quarters_pow2(q)
                    : st_numconv_floor_log10_pow2(q);
  int h = q + st_numconv_floor_log2_pow10(-k) + 3;
  ST_ASSERT(h >= 0 && h <= 8 && -k >= ST_NUMCONV_POW10_MIN && -k <= ST_NUMCONV_POW10_MAX,
            "scale out of range (q=%d k=%d h=%d)", q, k, h);
  const uint64_t *g = st_numconv_pow10_table[-k - ST_NUMCONV_POW10_MIN];
  /* Four times the scaled values (two fraction bits), rounded to odd. */
  uint64_t vb = round_to_odd(g, cb << h);
  uint64_t vbl = round_to_odd(g, cbl << h);
  uint64_t vbr = round_to_odd(g, cbr << h);

  /* One digit fewer: at most one multiple of ten fits in an interval narrower than ten. */
  uint64_t s = vb >> 2;
  uint64_t sp10 = s / 10 * 10, tp10 = sp10 + 10;
  bool upin = vbl + out <= sp10 << 2, wpin = (tp10 << 2) + out <= vbr;
  if (upin != wpin) {
    *exp10 = k;
    return upin ? sp10 : tp10;
  }
  /* Else the integers on each side of the scaled d; when both fit, the closer one, and on a
   * tie the even one. */
  uint64_t t = s + 1;
  bool uin = vbl + out <= s << 2, win = (t << 2) + out <= vbr;
  *exp10 = k;
  if (uin != win) return uin ? s : t;
  uint64_t mid = (s << 2) + 2;
  return vb < mid || (vb == mid && (s & 1) == 0) ? s : t;
}

int st_numconv_shortest(double d, char *digits, int *point) {
  ST_ASSERT(d > 0 && d <= 1.7976931348623157e308, "st_numconv_shortest needs a finite d > 0");
  int k;
  uint64_t v = shortest_decimal(d, &k);
  /* Strip trailing zeros four at a time first: short decimals such as 1234.56 arrive as
   * 17-digit significands with a dozen zeros. */
  while (v % 10000 == 0) {
    v /= 10000;
    k += 4;
  }
  while (v % 10 == 0) {
    v /= 10;
    k++;
  }
  int len = u64_digit_count(v);
  ST_ASSERT(len <= 17, "shortest significand of %d digits", len);
  u64_digits_backward(v, digits + len);
  *point = k + len;
  return len;
}

/* ------------------------------------------------------------------------------------------ */
/* Number::toString                                                                           */

static int special_to_string(double d, char *buf) {
  const char *s = d != d ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
  size_t n = strlen(s);
  memcpy(buf, s, n + 1);
  return (int)n;
}

/* Appends "e+N" / "e-N". */
static char *put_exponent(char *p, int e) {
  *p++ = 'e';
  *p++ = e < 0 ? '-' : '+';
  char tmp[8];
  char *q = u64_digits_backward((uint64_t)(e < 0 ? -e : e), tmp + sizeof tmp);
  size_t n = (size_t)(tmp + sizeof tmp - q);
  memcpy(p, q, n);
  return p + n;
}

/* Copies of at most 21 bytes: an inline loop beats a libc call at this size. */
static inline void copy_small(char *dst, const char *src, size_t n) {
  for (size_t i = 0; i < n; i++) dst[i] = src[i];
}

static inline void fill_zeros(char *dst, size_t n) {
  for (size_t i = 0; i < n; i++) dst[i] = '0';
}

/* The spec's layout of 0.D * 10^n (k = len digits), Number::toString steps 6-12. */
static int layout_shortest(bool negative, const char *digits, int k, int n, char *buf) {
  char *p = buf;
  if (negative) *p++ = '-';
  if (k <= n && n <= 21) {
    copy_small(p, digits, (size_t)k);
    p += k;
    fill_zeros(p, (size_t)(n - k));
    p += n - k;
  } else if (0 < n && n <= 21) {
    copy_small(p, digits, (size_t)n);
    p += n;
    *p++ = '.';
    copy_small(p, digits + n, (size_t)(k - n));
    p += k - n;
  } else if (-6 < n && n <= 0) {
    *p++ = '0';
    *p++ = '.';
    fill_zeros(p, (size_t)-n);
    p += -n;
    copy_small(p, digits, (size_t)k);
    p += k;
  } else {
    *p++ = digits[0];
    if (k > 1) {
      *p++ = '.';
      copy_small(p, digits + 1, (size_t)(k - 1));
      p += k - 1;
    }
    p = put_exponent(p, n - 1);
  }
  *p = '\0';
  return (int)(p - buf);
}

int st_numconv_to_string(double d, char *buf) {
  /* Integers below 2^53 are their own shortest digits (and print without exponent). */
  if (d > -9007199254740992.0 && d < 9007199254740992.0) {
    int64_t i = (int64_t)d;
    if ((double)i == d) return st_numconv_int64_to_string(i, buf); /* -0 prints "0" */
  }
  if (!isfinite(d)) return special_to_string(d, buf);
  char digits[20];
  int point;
  int k = st_numconv_shortest(fabs(d), digits, &point);
  return layout_shortest(d < 0, digits, k, point, buf);
}

/* ------------------------------------------------------------------------------------------ */
/* Number.prototype.toString(radix)                                                           */

/* V8's DoubleToRadixCString, redone from its description: the integer part is printed exactly
 * by repeated division, except that digits below the double's precision print as '0'; the
 * fraction gets digits only while they are significant, tracked by `delta`, half the gap to
 * the next double, scaled along with the fraction, and the last digit is rounded (half to
 * even), carrying into earlier digits and the integer part when needed. */
int st_numconv_to_radix(double d, int radix, char *buf, size_t cap) {
  ST_ASSERT(radix >= 2 && radix <= 36, "radix %d", radix);
  static const char chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  char tmp[ST_NUMCONV_RADIX_BUF_SIZE + 8];
  const char *src;
  size_t n;
  if (radix == 10 || !isfinite(d)) {
    n = (size_t)(radix == 10 ? st_numconv_to_string(d, tmp) : special_to_string(d, tmp));
    src = tmp;
  } else {
    /* Integer digits grow leftwards from the middle of `work`, fraction digits rightwards. */
    char work[2 * ST_NUMCONV_RADIX_BUF_SIZE + 8];
    size_t point = sizeof work / 2, ic = point, fc = point;
    bool negative = d < 0;
    double value = negative ? -d : d;
    double integer = floor(value), fraction = value - integer;
    double next = value == HUGE_VAL ? value : double_of(bits_of(value) + 1);
    double delta = 0.5 * (next - value);
    if (!(delta > 5e-324)) delta = 5e-324; /* max(delta, smallest subnormal) */
    if (fraction >= delta) {
      work[fc++] = '.';
      do {
        fraction *= radix;
        delta *= radix;
        int digit = (int)fraction;
        work[fc++] = chars[digit];
        fraction -= digit;
        if (fraction > 0.5 || (fraction == 0.5 && (digit & 1))) {
          if (fraction + delta > 1) {
            /* Round up; a digit that overflows is dropped and the carry moves left. */
            for (;;) {
              fc--;
              if (fc == point) {
                integer += 1;
                break;
              }
              char ch = work[fc];
              int dg = ch > '9' ? ch - 'a' + 10 : ch - '0';
              if (dg + 1 < radix) {
                work[fc++] = chars[dg + 1];
                break;
              }
            }
            break;
          }
        }
      } while (fraction >= delta);
    }
    /* Integer digits below 2^53 are exact; above, each division by radix loses nothing that
     * is printed, and the digits past the precision print as '0'. */
    while (integer / radix >= 9007199254740992.0) {
      integer /= radix;
      work[--ic] = '0';
    }
    do {
      double rem = fmod(integer, radix);
      work[--ic] = chars[(int)rem];
      integer = (integer - rem) / radix;
    } while (integer > 0);
    if (negative) work[--ic] = '-';
    ST_ASSERT(ic > 0 && fc < sizeof work, "radix buffer overrun");
    src = work + ic;
    n = fc - ic;
    if (n + 1 > cap) return -1;
    memcpy(buf, src, n);
    buf[n] = '\0';
    return (int)n;
  }
  if (n + 1 > cap) return -1;
  memcpy(buf, src, n + 1);
  return (int)n;
}

/* ------------------------------------------------------------------------------------------ */
/* Exact decimal expansion                                                                    */

/* A nonnegative integer in 32-bit limbs, least significant first. The largest value needed
 * is the significand times 5^1074 (under 2^2548). */
#define BIG_LIMBS 82

typedef struct {
  uint32_t limb[BIG_LIMBS];
  int len; /* limbs in use; limb[len - 1] != 0 unless len == 0 */
} Big;

static void big_set_u64(Big *b, uint64_t v) {
  b->limb[0] = (uint32_t)v;
  b->limb[1] = (uint32_t)(v >> 32);
  b->len = v >> 32 ? 2 : v ? 1 : 0;
}

static void big_mul_small(Big *b, uint32_t m) {
  uint64_t carry = 0;
  for (int i = 0; i < b->len; i++) {
    uint64_t p = (uint64_t)b->limb[i] * m + carry;
    b->limb[i] = (uint32_t)p;
    carry = p >> 32;
  }
  if (carry) {
    ST_CHECK(b->len < BIG_LIMBS, "numconv bignum overflow");
    b->limb[b->len++] = (uint32_t)carry;
  }
}

static void big_mul_pow5(Big *b, int e) {
  for (; e >= 13; e -= 13) big_mul_small(b, 1220703125u); /* 5^13, the largest in 32 bits */
  static const uint32_t pow5[13] = {1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125,
                                    9765625, 48828125, 244140625};
  if (e > 0) big_mul_small(b, pow5[e]);
}

static void big_shift_left(Big *b, int n) {
  if (b->len == 0) return;
  int words = n / 32, bits = n % 32;
  ST_CHECK(b->len + words + 1 <= BIG_LIMBS, "numconv bignum overflow");
  b->limb[b->len + words] = 0;
  for (int i = b->len - 1; i >= 0; i--) {
    uint32_t v = b->limb[i];
    if (bits) b->limb[i + words + 1] |= v >> (32 - bits);
    b->limb[i + words] = bits ? v << bits : v;
  }
  for (int i = 0; i < words; i++) b->limb[i] = 0;
  b->len += words + 1;
  while (b->len > 0 && b->limb[b->len - 1] == 0) b->len--;
}

/* b /= m; returns the remainder. */
static uint32_t big_divmod_small(Big *b, uint32_t m) {
  uint64_t rem = 0;
  for (int i = b->len - 1; i >= 0; i--) {
    uint64_t cur = rem << 32 | b->limb[i];
    b->limb[i] = (uint32_t)(cur / m);
    rem = cur % m;
  }
  while (b->len > 0 && b->limb[b->len - 1] == 0) b->len--;
  return (uint32_t)rem;
}

/* Decimal digits of b (destroys b); "0"-free: b must be nonzero. Returns the count. */
static int big_to_digits(Big *b, char *out, size_t cap) {
  uint32_t chunks[96];
  int nc = 0;
  while (b->len > 0) {
    ST_CHECK(nc < (int)ST_ARRAY_LEN(chunks), "numconv digit buffer");
    chunks[nc++] = big_divmod_small(b, 1000000000u);
  }
  char *p = out;
  char tmp[12];
  char *q = u64_digits_backward(chunks[nc - 1], tmp + sizeof tmp);
  size_t n = (size_t)(tmp + sizeof tmp - q);
  ST_CHECK(n + (size_t)(nc - 1) * 9 <= cap, "numconv digit buffer");
  memcpy(p, q, n);
  p += n;
  for (int i = nc - 2; i >= 0; i--) {
    uint32_t v = chunks[i];
    for (int j = 8; j >= 0; j--) {
      p[j] = (char)('0' + v % 10);
      v /= 10;
    }
    p += 9;
  }
  return (int)(p - out);
}

/* The most digits an exact expansion has: 2^-1074 * (2^53 - 1) has 767 significant digits. */
#define EXACT_DIGITS_MAX 800

/* Finite x > 0 as x == 0.D * 10^*point exactly, D = out[0..len) without trailing zeros. */
static int exact_decimal(double x, char *out, int *point) {
  uint64_t c;
  int q;
  decompose(x, &c, &q);
  Big b;
  big_set_u64(&b, c);
  int scale = 0; /* x == b * 10^scale */
  if (q >= 0) {
    big_shift_left(&b, q);
  } else {
    big_mul_pow5(&b, -q); /* c * 2^q == c * 5^-q / 10^-q */
    scale = q;
  }
  int len = big_to_digits(&b, out, EXACT_DIGITS_MAX);
  *point = len + scale;
  while (len > 1 && out[len - 1] == '0') len--;
  return len;
}

/* Rounds 0.D * 10^point half up (on the exact value: D is exact) to `keep` significant
 * digits, keep >= 0. Writes exactly `keep` digits to out and returns the point of the result
 * (one more than `point` when rounding carried out of the first digit, as 0.999 -> 1.00).
 * keep == 0 writes nothing and tells by the returned point whether the value rounded to
 * 10^point (point + 1) or to 0 (point). */
static int round_digits(const char *d, int len, int point, int keep, char *out) {
  int n = keep < len ? keep : len;
  memcpy(out, d, (size_t)n);
  memset(out + n, '0', (size_t)(keep - n));
  if (keep >= len || d[keep] < '5') return point;
  int i = keep - 1;
  while (i >= 0 && out[i] == '9') out[i--] = '0';
  if (i >= 0) {
    out[i]++;
    return point;
  }
  /* All nines (or keep == 0): the result is 1000..., one decimal place up. */
  if (keep > 0) out[0] = '1';
  return point + 1;
}

/* ------------------------------------------------------------------------------------------ */
/* toFixed, toExponential, toPrecision                                                        */

int st_numconv_to_fixed(double d, int f, char *buf) {
  ST_ASSERT(f >= 0 && f <= 100, "toFixed digits %d", f);
  if (!isfinite(d) || fabs(d) >= 1e21) return st_numconv_to_string(d, buf);
  char *p = buf;
  if (d < 0) *p++ = '-'; /* -0 is not < 0: "0.00" */
  double x = fabs(d);
  /* n = round_half_up(x * 10^f) as a digit string `m` (no leading zeros, "0" for zero). */
  char m[EXACT_DIGITS_MAX + 128];
  int mlen;
  if (x == 0) {
    m[0] = '0';
    mlen = 1;
  } else {
    char digs[EXACT_DIGITS_MAX];
    int point;
    int len = exact_decimal(x, digs, &point);
    int keep = point + f; /* digits of D left of the rounding position */
    if (keep < 0) {
      m[0] = '0';
      mlen = 1;
    } else {
      int np = round_digits(digs, len, point, keep, m);
      if (np != point) { /* carried: n is 10^(keep) */
        m[0] = '1';
        memset(m + 1, '0', (size_t)keep);
        mlen = keep + 1;
      } else if (keep == 0) {
        m[0] = '0';
        mlen = 1;
      } else {
        mlen = keep;
      }
    }
  }
  /* Spec steps: pad m with zeros to at least f + 1 digits, put the point before the last f. */
  if (f == 0) {
    memcpy(p, m, (size_t)mlen);
    p += mlen;
  } else if (mlen > f) {
    int a = mlen - f;
    memcpy(p, m, (size_t)a);
    p += a;
    *p++ = '.';
    memcpy(p, m + a, (size_t)f);
    p += f;
  } else {
    *p++ = '0';
    *p++ = '.';
    memset(p, '0', (size_t)(f - mlen));
    p += f - mlen;
    memcpy(p, m, (size_t)mlen);
    p += mlen;
  }
  *p = '\0';
  return (int)(p - buf);
}

/* d (as digits D with decimal exponent e) in toExponential's form: "D0.D1..e+E". */
static int layout_exponential(bool negative, const char *digs, int n, int e, char *buf) {
  char *p = buf;
  if (negative) *p++ = '-';
  *p++ = digs[0];
  if (n > 1) {
    *p++ = '.';
    memcpy(p, digs + 1, (size_t)(n - 1));
    p += n - 1;
  }
  p = put_exponent(p, e);
  *p = '\0';
  return (int)(p - buf);
}

int st_numconv_to_exponential(double d, int f, char *buf) {
  ST_ASSERT(f >= -1 && f <= 100, "toExponential digits %d", f);
  if (!isfinite(d)) return st_numconv_to_string(d, buf);
  bool negative = d < 0;
  double x = fabs(d);
  char out[EXACT_DIGITS_MAX];
  int n, e;
  if (x == 0) {
    n = f < 0 ? 1 : f + 1;
    memset(out, '0', (size_t)n);
    e = 0;
  } else if (f < 0) {
    int point;
    n = st_numconv_shortest(x, out, &point);
    e = point - 1;
  } else {
    char digs[EXACT_DIGITS_MAX];
    int point;
    int len = exact_decimal(x, digs, &point);
    n = f + 1;
    e = round_digits(digs, len, point, n, out) - 1;
  }
  return layout_exponential(negative, out, n, e, buf);
}

int st_numconv_to_precision(double d, int prec, char *buf) {
  ST_ASSERT(prec >= 1 && prec <= 100, "toPrecision precision %d", prec);
  if (!isfinite(d)) return st_numconv_to_string(d, buf);
  bool negative = d < 0;
  double x = fabs(d);
  char m[EXACT_DIGITS_MAX];
  int e;
  if (x == 0) {
    memset(m, '0', (size_t)prec);
    e = 0;
  } else {
    char digs[EXACT_DIGITS_MAX];
    int point;
    int len = exact_decimal(x, digs, &point);
    e = round_digits(digs, len, point, prec, m) - 1;
  }
  if (e < -6 || e >= prec) return layout_exponential(negative, m, prec, e, buf);
  char *p = buf;
  if (negative) *p++ = '-';
  if (e >= 0) {
    /* e + 1 integer digits, then the rest after a point (none when e == prec - 1). */
    memcpy(p, m, (size_t)(e + 1));
    p += e + 1;
    if (e + 1 < prec) {
      *p++ = '.';
      memcpy(p, m + e + 1, (size_t)(prec - e - 1));
      p += prec - e - 1;
    }
  } else {
    *p++ = '0';
    *p++ = '.';
    memset(p, '0', (size_t)(-(e + 1)));
    p += -(e + 1);
    memcpy(p, m, (size_t)prec);
    p += prec;
  }
  *p = '\0';
  return (int)(p - buf);
}

/* ------------------------------------------------------------------------------------------ */
/* Parsing: one string, either width                                                          */

/* One string, either width. Branching on the width per unit is cheaper than it looks (the
 * branch is perfectly predicted) and keeps one copy of every scanner. */
typedef struct {
  const uint8_t *one;
  const uint16_t *two;
  size_t n;
} Src;

static inline uint32_t unit_at(const Src *s, size_t i) { return s->one ? s->one[i] : s->two[i]; }

/* The unit at i, or 0 past the end (0 is not part of any literal). */
static inline uint32_t peek(const Src *s, size_t i) { return i < s->n ? unit_at(s, i) : 0; }

static inline bool is_digit(uint32_t c) { return c - '0' < 10; }

/* c's value as a digit in radix (2..36), or -1. */
static inline int digit_value(uint32_t c, int radix) {
  int v;
  if (c - '0' < 10) v = (int)(c - '0');
  else if (c - 'a' < 26) v = (int)(c - 'a') + 10;
  else if (c - 'A' < 26) v = (int)(c - 'A') + 10;
  else return -1;
  return v < radix ? v : -1;
}

static size_t skip_space(const Src *s, size_t i) {
  while (i < s->n && st_numconv_is_space(unit_at(s, i))) i++;
  return i;
}

static bool match_ascii(const Src *s, size_t i, const char *word) {
  for (; *word; word++, i++)
    if (peek(s, i) != (uint8_t)*word) return false;
  return true;
}

/* ------------------------------------------------------------------------------------------ */
/* Decimal literals                                                                           */

#define DEC_DIGITS_MAX 780

/* value == digits (as an integer) * 10^exp10, digits without leading zeros. */
typedef struct {
  char digits[DEC_DIGITS_MAX + 1];
  int nd;
  bool dropped;    /* nonzero digits beyond DEC_DIGITS_MAX were dropped */
  int64_t exp10;
} Decimal;

/* An explicit exponent beyond this (in magnitude) means 0 or Infinity whatever the digits,
 * since no JS string is long enough to hold a billion digits to compensate. */
#define EXPONENT_CAP 1000000000

/* Scans StrUnsignedDecimalLiteral without "Infinity" (digits, optional '.', digits, optional
 * exponent; at least one digit in the mantissa) from i. Returns the end, or i if no literal
 * starts there. With integer_only, stops at the first non-digit (parseInt's radix 10). */
static size_t scan_decimal(const Src *s, size_t i, bool integer_only, Decimal *dec) {
  size_t j = i;
  bool any = false;
  int64_t adj = 0; /* decimal places between the kept digits' end and the point */
  dec->nd = 0;
  dec->dropped = false;
  for (uint32_t c; is_digit(c = peek(s, j)); j++) {
    any = true;
    if (dec->nd == 0 && c == '0') continue;
    if (dec->nd < DEC_DIGITS_MAX) dec->digits[dec->nd++] = (char)c;
    else {
      adj++;
      dec->dropped |= c != '0';
    }
  }
  if (!integer_only && peek(s, j) == '.') {
    size_t k = j + 1;
    for (uint32_t c; is_digit(c = peek(s, k)); k++) {
      any = true;
      if (dec->nd == 0 && c == '0') adj--;
      else if (dec->nd < DEC_DIGITS_MAX) {
        dec->digits[dec->nd++] = (char)c;
        adj--;
      } else {
        dec->dropped |= c != '0';
      }
    }
    /* "1." is a literal; "." alone is not (any stays false). */
    j = k;
  }
  if (!any) return i;
  if (!integer_only && (peek(s, j) | 0x20) == 'e') {
    size_t k = j + 1;
    bool neg = false;
    if (peek(s, k) == '+' || peek(s, k) == '-') neg = peek(s, k++) == '-';
    if (is_digit(peek(s, k))) {
      int64_t e = 0;
      for (uint32_t c; is_digit(c = peek(s, k)); k++)
        if (e < EXPONENT_CAP) e = e * 10 + (c - '0');
      adj += neg ? -e : e;
      j = k;
    }
  }
  dec->exp10 = adj;
  return j;
}

static const double POW10_EXACT[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* w * 10^e correctly rounded, for w != 0 of up to 64 bits, using the power-of-ten table; or
 * false when the table's precision cannot decide (then the caller uses strtod).
 *
 * With W = w normalized to 64 bits and g the table entry, the exact product W * 10^e * 2^s
 * lies in [W * (g - 1), W * g) (g over-approximates by less than 1). P = W * g is computed
 * exactly (about 190 bits); if the bits of P below its round bit exceed W, subtracting less
 * than W can change neither the kept bits, nor the round bit, nor the nonzero sticky bits, so
 * rounding P rounds the exact value. That fails with probability about 2^-70 per input, and
 * always on an exact tie, which is what strtod is kept for. Subnormal results go to strtod
 * too. */
static bool decimal_fast_wide(uint64_t w, int e, double *out) {
  if (e < ST_NUMCONV_POW10_MIN || e > ST_NUMCONV_POW10_MAX) return false;
  const uint64_t *g = st_numconv_pow10_table[e - ST_NUMCONV_POW10_MIN];
  int lz = __builtin_clzll(w);
  uint64_t W = w << lz;
  uint64_t a1, a0 = mul_64x64(W, g[1], &a1); /* W * low half */
  uint64_t b1, b0 = mul_64x64(W, g[0], &b1); /* W * high half */
  uint64_t p0 = a0, p1 = a1 + b0, p2 = b1 + (p1 < a1);
  /* P is in [2^188, 2^190): its top bit is bit 60 or 61 of p2. */
  int shift = 63 - __builtin_clzll(p2) - 52; /* 8 or 9: p2 >> shift is the significand */
  uint64_t below = p2 & ((UINT64_C(1) << (shift - 1)) - 1);
  if (below == 0 && p1 == 0 && p0 <= W) return false;
  uint64_t mant = p2 >> shift;
  if ((p2 >> (shift - 1)) & 1) mant++; /* above the midpoint: the sticky bits are nonzero */
  int e2 = shift + 128 + st_numconv_floor_log2_pow10(e) - 125 - lz;
  if (mant >> 53) {
    mant >>= 1;
    e2++;
  }
  if (e2 > 971) {
    *out = HUGE_VAL;
    return true;
  }
  if (e2 < -1074) return false; /* subnormal */
  *out = double_of((uint64_t)(e2 + 1075) << FRAC_BITS | (mant & FRAC_MASK));
  return true;
}

/* The correctly rounded double nearest dec (nonnegative). */
static double decimal_to_double(Decimal *dec) {
  int nd = dec->nd;
  int64_t e = dec->exp10;
  if (nd == 0) return 0.0;
  if (!dec->dropped) {
    while (nd > 1 && dec->digits[nd - 1] == '0') {
      nd--;
      e++;
    }
  }
  /* 0.D * 10^(nd + e): out of range either way, whatever D is. */
  if (nd + e > 310) return HUGE_VAL;
  if (nd + e < -324) return 0.0;
  if (!dec->dropped && nd <= 19) {
    uint64_t v = 0;
    for (int i = 0; i < nd; i++) v = v * 10 + (uint64_t)(dec->digits[i] - '0');
    /* Clinger's fast path: D and 10^|e| are both exact doubles, so one IEEE operation
     * rounds the exact result correctly. */
    if (nd <= 15 && e >= -22 && e <= 22)
      return e >= 0 ? (double)v * POW10_EXACT[e] : (double)v / POW10_EXACT[-e];
    double r;
    if (decimal_fast_wide(v, (int)e, &r)) return r;
  }
  char buf[DEC_DIGITS_MAX + 24];
  memcpy(buf, dec->digits, (size_t)nd);
  int len = nd;
  if (dec->dropped) {
    buf[len++] = '1';
    e--;
  }
  buf[len++] = 'e';
  len += st_numconv_int64_to_string(e, buf + len);
  return strtod(buf, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Power-of-two radixes                                                                       */

/* Digits of radix 2^log2 from i (at least one, the caller checked), correctly rounded (ties to
 * even): the first 64 significant bits or so are kept exactly, the rest only shift the
 * exponent and count as sticky. *end gets the position after the last digit. */
static double scan_pow2(const Src *s, size_t i, int log2, size_t *end) {
  int radix = 1 << log2;
  uint64_t m = 0;
  int64_t extra = 0; /* binary places dropped */
  bool sticky = false;
  int d;
  for (; (d = digit_value(peek(s, i), radix)) >= 0; i++) {
    if (m >> (64 - log2) == 0) {
      m = m << log2 | (uint64_t)d;
    } else {
      if (extra < 4096) extra += log2; /* past 2^1100 it is Infinity anyway */
      sticky |= d != 0;
    }
  }
  *end = i;
  if (m == 0) return 0.0;
  int bits = 64 - __builtin_clzll(m);
  if (bits > 53) {
    /* m has at least 60 significant bits when anything was dropped, so round bit and sticky
     * are in m's low bits and `sticky`. */
    int shift = bits - 53;
    uint64_t kept = m >> shift, rest = m & ((UINT64_C(1) << shift) - 1);
    uint64_t half = UINT64_C(1) << (shift - 1);
    if (rest > half || (rest == half && (sticky || (kept & 1)))) kept++;
    if (kept >> 53) {
      kept >>= 1;
      shift++;
    }
    return ldexp((double)kept, (int)(shift + extra));
  }
  return ldexp((double)m, (int)extra);
}

/* ------------------------------------------------------------------------------------------ */
/* StringToNumber                                                                             */

static double string_to_number(const Src *s) {
  size_t i = skip_space(s, 0);
  size_t n = s->n;
  while (n > i && st_numconv_is_space(unit_at(s, n - 1))) n--;
  if (i == n) return 0.0;
  Src t = *s;
  t.n = n; /* the literal must end exactly at the trailing white space */
  uint32_t c0 = unit_at(&t, i), c1 = peek(&t, i + 1) | 0x20;
  if (c0 == '0' && (c1 == 'x' || c1 == 'o' || c1 == 'b')) {
    int log2 = c1 == 'x' ? 4 : c1 == 'o' ? 3 : 1;
    if (digit_value(peek(&t, i + 2), 1 << log2) < 0) return NAN;
    size_t end;
    double v = scan_pow2(&t, i + 2, log2, &end);
    return end == n ? v : NAN;
  }
  bool neg = false;
  if (c0 == '+' || c0 == '-') {
    neg = c0 == '-';
    i++;
  }
  double v;
  if (match_ascii(&t, i, "Infinity")) {
    if (i + 8 != n) return NAN;
    v = HUGE_VAL;
  } else {
    Decimal dec;
    size_t end = scan_decimal(&t, i, false, &dec);
    if (end == i || end != n) return NAN;
    v = decimal_to_double(&dec);
  }
  return neg ? -v : v;
}

/* "[-]digits[.digits]" with at most 15 digits, the whole string: the shape of most strings
 * that reach ToNumber or parseFloat ("42", "-3.5", array indexes), which is Clinger's exact
 * case and needs none of the general scanner. */
static bool simple_decimal8(const uint8_t *s, size_t n, double *out) {
  if (n == 0 || n > 17) return false;
  size_t i = s[0] == '-';
  uint64_t v = 0;
  int nd = 0, frac = -1; /* frac: digits after the point, -1 before it */
  for (; i < n; i++) {
    unsigned d = (unsigned)s[i] - '0';
    if (d < 10) {
      v = v * 10 + d;
      nd++;
      frac += frac >= 0;
    } else if (s[i] == '.' && frac < 0) {
      frac = 0;
    } else {
      return false;
    }
  }
  if (nd == 0 || nd > 15) return false;
  double x = frac > 0 ? (double)v / POW10_EXACT[frac] : (double)v;
  *out = s[0] == '-' ? -x : x;
  return true;
}

double st_numconv_string_to_number8(const uint8_t *s, size_t n) {
  double v;
  if (simple_decimal8(s, n, &v)) return v;
  Src src = {s, NULL, n};
  return string_to_number(&src);
}

double st_numconv_string_to_number16(const uint16_t *s, size_t n) {
  Src src = {NULL, s, n};
  return string_to_number(&src);
}

/* ------------------------------------------------------------------------------------------ */
/* parseFloat                                                                                 */

static double parse_float(const Src *s) {
  size_t i = skip_space(s, 0);
  bool neg = false;
  uint32_t c = peek(s, i);
  if (c == '+' || c == '-') {
    neg = c == '-';
    i++;
  }
  double v;
  if (match_ascii(s, i, "Infinity")) {
    v = HUGE_VAL;
  } else {
    Decimal dec;
    if (scan_decimal(s, i, false, &dec) == i) return NAN;
    v = decimal_to_double(&dec);
  }
  return neg ? -v : v;
}

double st_numconv_parse_float8(const uint8_t *s, size_t n) {
  double v;
  if (simple_decimal8(s, n, &v)) return v;
  Src src = {s, NULL, n};
  return parse_float(&src);
}

double st_numconv_parse_float16(const uint16_t *s, size_t n) {
  Src src = {NULL, s, n};
  return parse_float(&src);
}

/* ------------------------------------------------------------------------------------------ */
/* parseInt                                                                                   */

/* Radixes that are not powers of two nor 10: the spec allows an approximation past 2^53, and
 * V8's is this one, which we copy for identical output: digits are gathered into a 32-bit
 * part while radix^count stays below 2^32 / 36, and each part is folded in with one double
 * multiply and one add. */
static double scan_chunked(const Src *s, size_t i, int radix) {
  const uint32_t max_multiplier = 0xffffffffu / 36;
  double result = 0;
  bool done = false;
  while (!done) {
    uint32_t part = 0, multiplier = 1;
    for (;;) {
      int d = digit_value(peek(s, i), radix);
      if (d < 0) {
        done = true;
        break;
      }
      uint32_t m = multiplier * (uint32_t)radix;
      if (m > max_multiplier) break;
      part = part * (uint32_t)radix + (uint32_t)d;
      multiplier = m;
      i++;
    }
    result = result * multiplier + part;
  }
  return result;
}

static double parse_int(const Src *s, int32_t radix) {
  size_t i = skip_space(s, 0);
  bool neg = false;
  uint32_t c = peek(s, i);
  if (c == '+' || c == '-') {
    neg = c == '-';
    i++;
  }
  bool strip_prefix = true;
  if (radix != 0) {
    if (radix < 2 || radix > 36) return NAN;
    if (radix != 16) strip_prefix = false;
  } else {
    radix = 10;
  }
  if (strip_prefix && peek(s, i) == '0' && (peek(s, i + 1) | 0x20) == 'x') {
    i += 2;
    radix = 16;
  }
  if (digit_value(peek(s, i), radix) < 0) return NAN;
  /* Leading zeros do not count: V8 skips them before chunking (it changes where the chunks
   * of scan_chunked fall, hence the rounding). */
  while (peek(s, i) == '0') i++;
  double v;
  switch (radix) {
  case 2: case 4: case 8: case 16: case 32: {
    size_t end;
    v = scan_pow2(s, i, __builtin_ctz((unsigned)radix), &end);
    break;
  }
  case 10: {
    Decimal dec;
    (void)scan_decimal(s, i, true, &dec);
    v = decimal_to_double(&dec);
    break;
  }
  default:
    v = scan_chunked(s, i, radix);
    break;
  }
  return neg ? -v : v;
}

double st_numconv_parse_int8(const uint8_t *s, size_t n, int32_t radix) {
  Src src = {s, NULL, n};
  return parse_int(&src, radix);
}

double st_numconv_parse_int16(const uint16_t *s, size_t n, int32_t radix) {
  Src src = {NULL, s, n};
  return parse_int(&src, radix);
}

/* ------------------------------------------------------------------------------------------ */
/* Array indexes                                                                              */

static bool array_index(const Src *s, uint32_t *out) {
  size_t n = s->n;
  if (n == 0 || n > 10) return false;
  uint32_t c = unit_at(s, 0);
  if (!is_digit(c) || (c == '0' && n > 1)) return false;
  uint64_t v = 0;
  for (size_t i = 0; i < n; i++) {
    c = unit_at(s, i);
    if (!is_digit(c)) return false;
    v = v * 10 + (c - '0');
  }
  if (v > 4294967294u) return false;
  if (out) *out = (uint32_t)v;
  return true;
}

bool st_numconv_array_index8(const uint8_t *s, size_t n, uint32_t *out) {
  Src src = {s, NULL, n};
  return array_index(&src, out);
}

bool st_numconv_array_index16(const uint16_t *s, size_t n, uint32_t *out) {
  Src src = {NULL, s, n};
  return array_index(&src, out);
}

/* ------------------------------------------------------------------------------------------ */
/* ToInt32                                                                                    */

int32_t st_numconv_to_int32_slow(double d) {
  uint64_t c;
  int q;
  if (!isfinite(d)) return 0;
  decompose(d, &c, &q);
  /* |d| >= 2^31 here, so q > -53: the integer part is c shifted; only its low 32 bits matter,
   * and they are all zero once q >= 32. */
  uint32_t low;
  if (q >= 32) low = 0;
  else if (q >= 0) low = (uint32_t)(c << q);
  else low = (uint32_t)(c >> -q);
  if (d < 0) low = 0u - low;
  return (int32_t)low;
}

/* support/numconv.h: JavaScript's number <-> string conversions, bit-exact with V8 (node).
 *
 * Self-contained: works on char buffers and on one-byte (Latin-1) or two-byte (UTF-16)
 * units; no VM, no heap. The module is numconv.c and numconv_pow10.c (a generated table).
 *
 * Invariants and contracts:
 *  - Every formatter writes ASCII plus a terminating NUL and returns the length without the
 *    NUL. Buffers must be at least the size named by the function's comment; with that size a
 *    formatter never fails. Output is exactly what node prints for every double, NaN and
 *    Infinity included. -0 prints without a sign everywhere: ToString(-0) is "0", and
 *    toFixed/toExponential/toPrecision test x < 0, which -0 is not.
 *  - Parsers accept any units (lone surrogates, NUL) and never read past n. Results are
 *    correctly rounded (round to nearest, ties to even) wherever the spec asks for the
 *    mathematical value, which is also what V8 does.
 *  - The formatters take spec-checked digit counts: the caller throws the RangeError first.
 *  - Pure functions: no state, safe from any thread. They assume the default floating-point
 *    environment (round to nearest), which JavaScript requires anyway.
 */
#ifndef ST_SUPPORT_NUMCONV_H
#define ST_SUPPORT_NUMCONV_H

#include "support/common.h"

#include <math.h>

/* Buffer sizes (bytes, NUL included). */
#define ST_NUMCONV_BUF_SIZE 32         /* st_numconv_to_string and the integer formatters */
#define ST_NUMCONV_FORMAT_BUF_SIZE 128 /* toFixed (x < 1e21: 21 + 1 + 100 + sign),
                                          toExponential, toPrecision */
#define ST_NUMCONV_RADIX_BUF_SIZE 1100 /* toString(radix): 2^-1074 in binary is 1076 chars */

/* ---- Number -> string ------------------------------------------------------------------ */

/* Number::toString(d) (radix 10): the shortest digits that round-trip, closest to d on a tie
 * of lengths, laid out by the spec's rules ("123", "0.001", "1e+21", "1.5e-7", "NaN",
 * "-Infinity"). buf: ST_NUMCONV_BUF_SIZE. Small integers take a path without the search. */
int st_numconv_to_string(double d, char *buf);

/* Number.prototype.toString(radix), 2 <= radix <= 36, as V8's DoubleToRadixCString prints it
 * (radix 10 is st_numconv_to_string). cap >= ST_NUMCONV_RADIX_BUF_SIZE always suffices;
 * returns -1 (buf untouched) when cap is too small for this value. */
int st_numconv_to_radix(double d, int radix, char *buf, size_t cap);

/* Number.prototype.toFixed(digits), 0 <= digits <= 100. |d| >= 1e21 gives ToString(d).
 * buf: ST_NUMCONV_FORMAT_BUF_SIZE. */
int st_numconv_to_fixed(double d, int digits, char *buf);

/* Number.prototype.toExponential(digits), 0 <= digits <= 100, or digits = -1 for undefined
 * (as many digits as needed to identify d). buf: ST_NUMCONV_FORMAT_BUF_SIZE. */
int st_numconv_to_exponential(double d, int digits, char *buf);

/* Number.prototype.toPrecision(precision), 1 <= precision <= 100 (undefined precision is
 * ToString: call st_numconv_to_string). buf: ST_NUMCONV_FORMAT_BUF_SIZE. */
int st_numconv_to_precision(double d, int precision, char *buf);

/* Integers in decimal, no search, no printf. buf: ST_NUMCONV_BUF_SIZE. */
int st_numconv_int32_to_string(int32_t v, char *buf);
int st_numconv_uint32_to_string(uint32_t v, char *buf);
int st_numconv_int64_to_string(int64_t v, char *buf);

/* The shortest round-trip digits of a finite d > 0 (what both ToString and toExponential()
 * print): d == 0.D * 10^point where D = digits[0..len), 1 <= len <= 17, no trailing zeros.
 * digits needs 17 bytes and is not NUL-terminated. Returns len. */
int st_numconv_shortest(double d, char *digits, int *point);

/* ---- String -> Number ------------------------------------------------------------------ */

/* ToNumber applied to a string (StringToNumber): trims JS white space and line terminators;
 * "" -> 0; [+-]Infinity; decimal literals with optional sign, '.', exponent; 0x/0o/0b
 * integers without sign; anything else NaN. */
double st_numconv_string_to_number8(const uint8_t *s, size_t n);
double st_numconv_string_to_number16(const uint16_t *s, size_t n);

/* parseFloat(s): leading white space, then the longest prefix that is a StrDecimalLiteral. */
double st_numconv_parse_float8(const uint8_t *s, size_t n);
double st_numconv_parse_float16(const uint16_t *s, size_t n);

/* parseInt(s, radix): radix is ToInt32 of the argument (0 for undefined). NaN when radix is
 * not 0 or 2..36 or when no digit follows; radixes 2, 4, 8, 10, 16, 32 round exactly like V8
 * (correctly), the others accumulate in 32-bit chunks as V8 does. */
double st_numconv_parse_int8(const uint8_t *s, size_t n, int32_t radix);
double st_numconv_parse_int16(const uint16_t *s, size_t n, int32_t radix);

/* Is s a canonical array index, "0".."4294967294" without leading zeros? The value goes to
 * *out (may be NULL). */
bool st_numconv_array_index8(const uint8_t *s, size_t n, uint32_t *out);
bool st_numconv_array_index16(const uint16_t *s, size_t n, uint32_t *out);

/* JS white space or line terminator (StrWhiteSpaceChar: what String.prototype.trim removes). */
ST_INLINE bool st_numconv_is_space(uint32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
         c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000 || c == 0xfeff;
}

/* ---- Double -> integer conversions (abstract operations) ------------------------------- */

int32_t st_numconv_to_int32_slow(double d);

/* ToInt32: modulo 2^32 into [-2^31, 2^31); NaN and infinities give 0. */
ST_INLINE int32_t st_numconv_to_int32(double d) {
  /* NaN fails both comparisons and falls to the slow path, which returns 0. */
  if (ST_LIKELY(d > -2147483649.0 && d < 2147483648.0)) return (int32_t)d;
  return st_numconv_to_int32_slow(d);
}

/* ToUint32: modulo 2^32 into [0, 2^32). */
ST_INLINE uint32_t st_numconv_to_uint32(double d) { return (uint32_t)st_numconv_to_int32(d); }

/* ToUint16 (String.fromCharCode). */
ST_INLINE uint16_t st_numconv_to_uint16(double d) { return (uint16_t)st_numconv_to_int32(d); }

/* ToIntegerOrInfinity: NaN -> 0, truncation toward zero, -0 -> +0, infinities kept. */
ST_INLINE double st_numconv_to_integer(double d) {
  double t = trunc(d);
  return t == t && t != 0 ? t : 0.0; /* NaN and -0 both become +0 */
}

/* Is d an int32 in value, -0 excluded (the test for the tagged int representation)? */
ST_INLINE bool st_numconv_is_int32(double d, int32_t *out) {
  if (!(d > -2147483649.0 && d < 2147483648.0)) return false;
  int32_t i = (int32_t)d;
  if ((double)i != d || (i == 0 && signbit(d))) return false;
  *out = i;
  return true;
}

#endif

/* support/numconv_internal.h: what numconv.c and numconv_pow10.c share; nothing outside
 * the numconv module includes it (the unit test excepted).
 *
 * st_numconv_pow10_table[e - ST_NUMCONV_POW10_MIN] holds g(e) = floor(10^e * 2^(125 - b)) + 1
 * for b = floor(log2(10^e)), as {high, low} halves: the 126-bit over-approximations of the
 * powers of ten that the shortest-digits search (numconv.c) multiplies by. The range covers
 * every scale factor 10^-k that search needs for finite doubles.
 */
#ifndef ST_SUPPORT_NUMCONV_INTERNAL_H
#define ST_SUPPORT_NUMCONV_INTERNAL_H

#include "support/common.h"

#define ST_NUMCONV_POW10_MIN (-292)
#define ST_NUMCONV_POW10_MAX 324
#define ST_NUMCONV_POW10_COUNT (ST_NUMCONV_POW10_MAX - ST_NUMCONV_POW10_MIN + 1)

extern const uint64_t st_numconv_pow10_table[ST_NUMCONV_POW10_COUNT][2];

/* floor(q * log10(2)), floor(q * log10(2) + log10(3/4)) and floor(e * log2(10)): fixed-point
 * forms checked exact (against exact rational arithmetic) for |q|, |e| <= 1200, which covers
 * every use. Right shifts of negative values are arithmetic on every compiler we support. */
ST_INLINE int st_numconv_floor_log10_pow2(int q) {
  return (int)(((int64_t)q * 661971961083LL) >> 41);
}
ST_INLINE int st_numconv_floor_log10_three_quarters_pow2(int q) {
  return (int)(((int64_t)q * 661971961083LL - 274743187321LL) >> 41);
}
ST_INLINE int st_numconv_floor_log2_pow10(int e) {
  return (int)(((int64_t)e * 913124641741LL) >> 38);
}

#endif

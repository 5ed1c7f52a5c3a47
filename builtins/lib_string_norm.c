/* builtins/lib_string_norm.c: Unicode normalization (String.prototype.normalize): NFC, NFD,
 * NFKC and NFKD, per UAX #15, over all of Unicode (tables generated from the Unicode data into
 * lib_string_norm_tables.h; Hangul syllables are decomposed and composed algorithmically).
 *
 * The algorithm: decompose every code point fully (canonical, or compatibility for the K
 * forms), put each run of non-starters in canonical order (a stable sort by combining
 * class), then, for NFC/NFKC, compose: each character combines with the last starter when it
 * is not blocked (no character of the same or a higher class, or a starter, in between).
 *
 * Quick path: a string whose code points are all below NFC_QUICK_BOUND (U+0300, so every
 * one-byte string) is already in NFC, and in NFD too when it has no decomposable character.
 */
#include "builtins/lib_string.h"

#include "support/vec.h"

#include <stdlib.h>

typedef struct StNormCcc {
  uint32_t lo, hi, ccc;
} StNormCcc;

typedef struct StNormDecomp {
  uint32_t cp;
  uint16_t offset;
  uint16_t lengths; /* canonical length | compatibility length << 5 */
} StNormDecomp;

typedef struct StNormComp {
  uint32_t first, second, composite;
} StNormComp;

#include "builtins/lib_string_norm_tables.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Hangul syllable arithmetic (Unicode chapter 3.12). */
enum {
  S_BASE = 0xAC00, L_BASE = 0x1100, V_BASE = 0x1161, T_BASE = 0x11A7,
  L_COUNT = 19, V_COUNT = 21, T_COUNT = 28, N_COUNT = V_COUNT * T_COUNT,
  S_COUNT = L_COUNT * N_COUNT,
};

static uint32_t ccc_of(uint32_t c) {
  if (c < 0x300) return 0;
  size_t lo = 0, hi = COUNT(ccc_spans);
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (ccc_spans[mid].hi < c) lo = mid + 1;
    else hi = mid;
  }
  return lo < COUNT(ccc_spans) && ccc_spans[lo].lo <= c ? ccc_spans[lo].ccc : 0;
}

static const StNormDecomp *find_decomp(uint32_t c) {
  if (c < 0xA0) return NULL;
  size_t lo = 0, hi = COUNT(decomps);
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (decomps[mid].cp < c) lo = mid + 1;
    else hi = mid;
  }
  return lo < COUNT(decomps) && decomps[lo].cp == c ? &decomps[lo] : NULL;
}

uint32_t st_lib_string_norm_ccc(uint32_t c) { return ccc_of(c); }

uint32_t st_lib_string_norm_base(uint32_t c) {
  const StNormDecomp *d = find_decomp(c);
  if (d && (d->lengths & 31)) return decomp_data[d->offset];
  return c;
}

static uint32_t compose_pair(uint32_t a, uint32_t b) {
  if (a >= L_BASE && a < L_BASE + L_COUNT && b >= V_BASE && b < V_BASE + V_COUNT)
    return S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT;
  if (a >= S_BASE && a < S_BASE + S_COUNT && (a - S_BASE) % T_COUNT == 0 && b > T_BASE &&
      b < T_BASE + T_COUNT)
    return a + (b - T_BASE);
  size_t lo = 0, hi = COUNT(comps);
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (comps[mid].first < a || (comps[mid].first == a && comps[mid].second < b)) lo = mid + 1;
    else hi = mid;
  }
  if (lo < COUNT(comps) && comps[lo].first == a && comps[lo].second == b) return comps[lo].composite;
  return 0;
}

typedef StVec(uint32_t) CpVec;

static void decompose_cp(CpVec *out, uint32_t c, bool compat) {
  if (c >= S_BASE && c < S_BASE + S_COUNT) {
    uint32_t s = c - S_BASE;
    st_vec_push(out, L_BASE + s / N_COUNT);
    st_vec_push(out, V_BASE + (s % N_COUNT) / T_COUNT);
    if (s % T_COUNT) st_vec_push(out, T_BASE + s % T_COUNT);
    return;
  }
  const StNormDecomp *d = find_decomp(c);
  uint32_t canon = d ? d->lengths & 31 : 0, kl = d ? d->lengths >> 5 : 0;
  if (compat && kl) {
    for (uint32_t i = 0; i < kl; i++) st_vec_push(out, decomp_data[d->offset + canon + i]);
  } else if (canon) {
    for (uint32_t i = 0; i < canon; i++) st_vec_push(out, decomp_data[d->offset + i]);
  } else {
    st_vec_push(out, c);
  }
}

/* Canonical ordering: a stable insertion sort of each run of non-starters by class. */
static void reorder(CpVec *v) {
  for (size_t i = 1; i < v->len; i++) {
    uint32_t c = v->data[i], k = ccc_of(c);
    if (k == 0) continue;
    size_t j = i;
    while (j > 0) {
      uint32_t pk = ccc_of(v->data[j - 1]);
      if (pk <= k) break; /* a starter (0) or a class not above stops the move */
      v->data[j] = v->data[j - 1];
      j--;
    }
    v->data[j] = c;
  }
}

static void compose(CpVec *v) {
  if (v->len == 0) return;
  size_t starter = 0, out = 1;
  uint32_t last = ccc_of(v->data[0]);
  if (last != 0) last = 256; /* no starter yet: nothing may compose */
  for (size_t i = 1; i < v->len; i++) {
    uint32_t c = v->data[i], k = ccc_of(c);
    /* Not blocked: the last character kept since the starter has a lower class, or it is
     * the starter itself (class 0: the two are adjacent). */
    if (last < k || last == 0) {
      uint32_t comp = compose_pair(v->data[starter], c);
      if (comp) {
        v->data[starter] = comp;
        continue;
      }
    }
    if (k == 0) starter = out;
    last = k;
    v->data[out++] = c;
  }
  v->len = out;
}

StString *st_lib_string_norm_convert(StVM *vm, StString *s, StNormForm form) {
  uint32_t n = st_string_length(s);
  bool compat = form == ST_NORM_NFKC || form == ST_NORM_NFKD;
  bool composed = form == ST_NORM_NFC || form == ST_NORM_NFKC;
  /* Quick path: below NFC_QUICK_BOUND nothing composes or reorders; only decompositions
   * (NFD: accented letters; K forms: compatibility characters) change anything. */
  bool quick = true, decomposable = false;
  for (uint32_t i = 0; i < n && quick; i++) {
    uint32_t c = st_string_unit_at(s, i);
    if (c >= NFC_QUICK_BOUND) quick = false;
    else if (c >= 0xA0) {
      const StNormDecomp *d = find_decomp(c);
      uint32_t canon = d ? d->lengths & 31 : 0, kl = d ? d->lengths >> 5 : 0;
      if ((canon && !composed) || (kl && compat)) decomposable = true;
    }
  }
  if (quick && !decomposable) return s;

  CpVec v = {0};
  st_vec_reserve(&v, n + 8);
  for (uint32_t i = 0; i < n;) {
    uint32_t c = st_string_code_point_at(s, i);
    i += c >= 0x10000 ? 2 : 1;
    decompose_cp(&v, c, compat);
  }
  reorder(&v);
  if (composed) compose(&v);

  StStringBuilder b;
  st_string_builder_init(vm, &b);
  for (size_t i = 0; i < v.len; i++) {
    uint32_t c = v.data[i];
    if (c < 0x10000) {
      st_string_builder_add_unit(&b, (uint16_t)c);
    } else {
      c -= 0x10000;
      st_string_builder_add_unit(&b, (uint16_t)(0xD800 + (c >> 10)));
      st_string_builder_add_unit(&b, (uint16_t)(0xDC00 + (c & 0x3FF)));
    }
  }
  st_vec_free(&v);
  return st_string_builder_finish(&b);
}

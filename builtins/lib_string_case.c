/* builtins/lib_string_case.c: Unicode case mapping for toUpperCase / toLowerCase (and the
 * toLocale* variants, which ignore the locale).
 *
 * Full mappings over all of Unicode (the generated tables in lib_string_case_tables.h, from
 * UnicodeData.txt + SpecialCasing.txt as Python's str.upper/str.lower apply them): one code
 * point may map to two or three ("ß" -> "SS", "ŉ" -> "ʼN", "İ" -> "i̇"). The one
 * context-dependent rule of the root locale, Final_Sigma, is applied: "Σ" lowercases to "ς"
 * at the end of a word (preceded by a cased letter, not followed by one, ignoring
 * case-ignorable characters in between), else to "σ". Locale-specific rules (Turkish dotless
 * i, Lithuanian) are not: V8 applies them only for toLocale*Case with those locales.
 *
 * One-byte strings take a Latin-1 path: lowercasing stays in Latin-1 and one unit per unit;
 * uppercasing does too unless the string holds "µ", "ß" or "ÿ" (which leave Latin-1 or grow).
 */
#include "builtins/lib_string.h"

typedef struct StCaseRange {
  uint32_t lo, hi;
  int32_t delta;
  uint32_t stride;
} StCaseRange;

typedef struct StCaseSpecial {
  uint32_t cp;
  uint32_t map[3]; /* 0-terminated when shorter */
} StCaseSpecial;

typedef struct StCaseSpan {
  uint32_t lo, hi;
} StCaseSpan;

#include "builtins/lib_string_case_tables.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const StCaseSpecial *find_special(const StCaseSpecial *t, size_t n, uint32_t c) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (t[mid].cp < c) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && t[lo].cp == c ? &t[lo] : NULL;
}

static uint32_t map_simple(const StCaseRange *t, size_t n, uint32_t c) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (t[mid].hi < c) lo = mid + 1;
    else hi = mid;
  }
  if (lo < n && t[lo].lo <= c && (c - t[lo].lo) % t[lo].stride == 0)
    return (uint32_t)((int32_t)c + t[lo].delta);
  return c;
}

static bool in_spans(const StCaseSpan *t, size_t n, uint32_t c) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (t[mid].hi < c) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && t[lo].lo <= c;
}

/* The full mapping of c, without context: the count of code points written to out. */
static int map_cp(uint32_t c, bool upper, uint32_t out[3]) {
  const StCaseSpecial *sp = upper ? find_special(upper_special, COUNT(upper_special), c)
                                  : find_special(lower_special, COUNT(lower_special), c);
  if (sp) {
    int n = 0;
    while (n < 3 && sp->map[n]) {
      out[n] = sp->map[n];
      n++;
    }
    return n;
  }
  out[0] = upper ? map_simple(upper_ranges, COUNT(upper_ranges), c)
                 : map_simple(lower_ranges, COUNT(lower_ranges), c);
  return 1;
}

/* The code point starting at i, and its length in units. */
static uint32_t cp_at(const StString *s, uint32_t i, uint32_t n, uint32_t *size) {
  uint32_t c = st_string_unit_at(s, i);
  *size = 1;
  if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n) {
    uint32_t d = st_string_unit_at(s, i + 1);
    if (d >= 0xDC00 && d <= 0xDFFF) {
      *size = 2;
      return 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
    }
  }
  return c;
}

/* The code point ending just before i (i > 0). */
static uint32_t cp_before(const StString *s, uint32_t i, uint32_t *size) {
  uint32_t d = st_string_unit_at(s, i - 1);
  *size = 1;
  if (d >= 0xDC00 && d <= 0xDFFF && i >= 2) {
    uint32_t c = st_string_unit_at(s, i - 2);
    if (c >= 0xD800 && c <= 0xDBFF) {
      *size = 2;
      return 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
    }
  }
  return d;
}

int st_lib_string_case_fold(uint32_t c, uint32_t out[3]) { return map_cp(c, false, out); }

bool st_lib_string_case_is_letter(uint32_t c) {
  return in_spans(letter_spans, COUNT(letter_spans), c);
}

static bool is_cased(uint32_t c) { return in_spans(cased_spans, COUNT(cased_spans), c); }
static bool is_ignorable(uint32_t c) { return in_spans(ignorable_spans, COUNT(ignorable_spans), c); }

/* Final_Sigma for the "Σ" at [i, i + 1). */
static bool final_sigma(const StString *s, uint32_t i, uint32_t n) {
  uint32_t k = i, size, c;
  bool before = false;
  while (k > 0) {
    c = cp_before(s, k, &size);
    k -= size;
    if (is_ignorable(c)) continue;
    before = is_cased(c);
    break;
  }
  if (!before) return false;
  for (k = i + 1; k < n; k += size) {
    c = cp_at(s, k, n, &size);
    if (is_ignorable(c)) continue;
    return !is_cased(c);
  }
  return true;
}

static void add_cp(StStringBuilder *b, uint32_t c) {
  if (c < 0x10000) {
    st_string_builder_add_unit(b, (uint16_t)c);
  } else {
    c -= 0x10000;
    st_string_builder_add_unit(b, (uint16_t)(0xD800 + (c >> 10)));
    st_string_builder_add_unit(b, (uint16_t)(0xDC00 + (c & 0x3FF)));
  }
}

ST_INLINE uint8_t latin1_lower(uint8_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ? c + 32 : c;
}

ST_INLINE uint8_t latin1_upper(uint8_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7) ? c - 32 : c;
}

/* One-byte strings: NULL (no exception) when the generic path must run. *same: unchanged. */
static StString *convert_latin1(StVM *vm, StString *s, bool upper, bool *fallback) {
  uint32_t n = st_string_length(s);
  const uint8_t *d = st_string_one_byte_data(s);
  uint32_t i = 0;
  *fallback = false;
  if (upper) {
    for (; i < n; i++) {
      uint8_t c = d[i];
      if (c == 0xB5 || c == 0xDF || c == 0xFF) {
        *fallback = true;
        return NULL;
      }
      if (latin1_upper(c) != c) break;
    }
    for (uint32_t k = i; k < n; k++) {
      if (d[k] == 0xB5 || d[k] == 0xDF || d[k] == 0xFF) {
        *fallback = true;
        return NULL;
      }
    }
  } else {
    while (i < n && latin1_lower(d[i]) == d[i]) i++;
  }
  if (i == n) return s;
  StString *r = st_string_alloc_one_byte(vm, n);
  if (!r) return NULL;
  uint8_t *o = st_string_one_byte_data(r);
  d = st_string_one_byte_data(s);
  memcpy(o, d, i);
  for (uint32_t k = i; k < n; k++) o[k] = upper ? latin1_upper(d[k]) : latin1_lower(d[k]);
  return r;
}

StString *st_lib_string_case_convert(StVM *vm, StString *s, bool upper) {
  uint32_t n = st_string_length(s);
  if (st_string_is_one_byte(s)) {
    bool fallback;
    StString *r = convert_latin1(vm, s, upper, &fallback);
    if (!fallback) return r;
  }
  StStringBuilder b;
  st_string_builder_init(vm, &b);
  uint32_t size;
  for (uint32_t i = 0; i < n; i += size) {
    uint32_t c = cp_at(s, i, n, &size);
    if (c < 0x80) {
      if (upper && c >= 'a' && c <= 'z') c -= 32;
      else if (!upper && c >= 'A' && c <= 'Z') c += 32;
      st_string_builder_add_unit(&b, (uint16_t)c);
      continue;
    }
    if (!upper && c == 0x3A3) {
      add_cp(&b, final_sigma(s, i, n) ? 0x3C2 : 0x3C3);
      continue;
    }
    uint32_t out[3];
    int k = map_cp(c, upper, out);
    for (int j = 0; j < k; j++) add_cp(&b, out[j]);
  }
  return st_string_builder_finish(&b);
}

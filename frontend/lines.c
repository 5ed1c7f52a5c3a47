/* frontend/lines.c: the line-start table and its lookups (see lines.h for the invariants). */
#include "frontend/lines.h"

#include <stdlib.h>
#include <string.h>

void st_lines_init(StLineTable *t, const char *src, size_t len) {
  memset(t, 0, sizeof *t);
  t->src = (const uint8_t *)src;
  t->len = (uint32_t)len;
  t->cap_lines = 1024;
  t->starts = st_xmalloc(t->cap_lines * sizeof *t->starts);
  t->starts[0] = 0;
  t->nlines = 1;
}

void st_lines_free(StLineTable *t) {
  if (t->cap_lines) free(t->starts);
  if (t->cap_wide) free(t->wide);
  t->starts = NULL;
  t->wide = NULL;
  t->nlines = t->nwide = t->cap_lines = t->cap_wide = 0;
}

void st_lines_grow_(StLineTable *t) {
  t->cap_lines *= 2;
  t->starts = st_xrealloc(t->starts, t->cap_lines * sizeof *t->starts);
}

void st_lines_grow_wide_(StLineTable *t) {
  t->cap_wide = t->cap_wide ? t->cap_wide * 2 : 64;
  t->wide = st_xrealloc(t->wide, t->cap_wide * sizeof *t->wide);
}

StLineTable *st_lines_freeze(StLineTable *t, StArena *arena) {
  StLineTable *f = ST_ARENA_NEW(arena, StLineTable);
  f->src = t->src;
  f->len = t->len;
  f->nlines = t->nlines;
  f->starts = ST_ARENA_ARRAY(arena, uint32_t, t->nlines);
  memcpy(f->starts, t->starts, t->nlines * sizeof *t->starts);
  f->nwide = t->nwide;
  if (t->nwide) {
    f->wide = ST_ARENA_ARRAY(arena, StLineWide, t->nwide);
    memcpy(f->wide, t->wide, t->nwide * sizeof *t->wide);
  }
  /* bucket[k]: the line holding byte k << ST_LINES_BUCKET_SHIFT (k up to and including the bucket
   * of offset len, which a node at the very end may have). */
  uint32_t nb = (t->len >> ST_LINES_BUCKET_SHIFT) + 1;
  f->bucket = ST_ARENA_ARRAY(arena, uint32_t, nb);
  for (uint32_t k = 0, li = 0; k < nb; k++) {
    uint32_t at = k << ST_LINES_BUCKET_SHIFT;
    while (li + 1 < t->nlines && t->starts[li + 1] <= at) li++;
    f->bucket[k] = li;
  }
  st_lines_free(t);
  return f;
}

/* The last i < n with key_at(i) <= key, given key_at(0) <= key: a galloping search from the cursor
 * c, since successive lookups (the compiler's, the parser's) are mostly near each other. The keys
 * are the first uint32 of elements `stride` uint32s apart. */
static uint32_t gallop(const uint32_t *base, uint32_t stride, uint32_t n, uint32_t c,
                       uint32_t key) {
#define KEY(i) base[(size_t)(i)*stride]
  uint32_t lo, hi; /* KEY(lo) <= key < KEY(hi) (hi == n: past the end) */
  if (c >= n) c = 0;
  if (KEY(c) <= key) {
    lo = c;
    uint32_t step = 1;
    for (;;) {
      hi = lo + step < n ? lo + step : n;
      if (hi == n || key < KEY(hi)) break;
      lo = hi;
      step *= 2;
    }
  } else {
    hi = c;
    uint32_t step = 1;
    for (;;) {
      lo = hi > step ? hi - step : 0;
      if (KEY(lo) <= key) break;
      hi = lo;
      step *= 2;
    }
  }
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (KEY(mid) <= key)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
#undef KEY
}

StPos st_lines_pos(StLineTable *t, uint32_t offset) {
  uint32_t li;
  if (t->bucket) {
    /* Frozen: the bucket gives the line of the bucket's first byte, then a short scan. */
    li = t->bucket[offset >> ST_LINES_BUCKET_SHIFT];
    const uint32_t *next = t->starts + li + 1, *end = t->starts + t->nlines;
    while (next < end && *next <= offset) next++;
    li = (uint32_t)(next - t->starts) - 1;
  } else {
    li = t->cursor = gallop(t->starts, 1, t->nlines, t->cursor, offset);
  }
  uint32_t start = t->starts[li];
  StPos pos = {li + 1, offset - start + 1, offset};
  if (!t->nwide || t->wide[0].offset > offset) return pos;
  /* The last checkpoint at or before offset; it counts only if it is on this line. */
  ST_STATIC_ASSERT(sizeof(StLineWide) == 2 * sizeof(uint32_t), "StLineWide is two uint32");
  uint32_t wi = t->wcursor = gallop(&t->wide[0].offset, 2, t->nwide, t->wcursor, offset);
  const StLineWide *w = &t->wide[wi];
  if (w->offset <= start) return pos; /* no non-ASCII character before offset on this line */
  uint32_t adjust = w->adjust;
  const uint8_t *p = t->src + w->offset, *stop = t->src + offset;
  const uint8_t *limit = t->src + w->offset + ST_LINES_STEP + 4; /* ASCII from there on */
  if (limit < stop) stop = limit;
  while (p < stop) {
    if (*p < 0x80) {
      p++;
      continue;
    }
    uint32_t cp;
    bool bad;
    size_t got = st_lines_decode(p, (size_t)(t->src + t->len - p), &cp, &bad);
    adjust += (uint32_t)got - (cp >= 0x10000 ? 2u : 1u);
    p += got;
  }
  pos.col -= adjust;
  return pos;
}

/* frontend/lines.h: line:column from a byte offset, so that AST nodes need keep only the offset
 * (4 bytes instead of 12 of position per node; a big script makes millions of nodes).
 *
 * The lexer fills the table as it scans (st_lines_newline at every line terminator,
 * st_lines_wide after every non-ASCII character); the parser then freezes it into the tree's
 * arena (st_lines_freeze) and later passes ask st_lines_pos for the positions they print.
 *
 * Invariants:
 *  - Positions are the lexer's (frontend/lexer.h): line 1-based; col 1-based in UTF-16 code
 *    units from the start of the line (a non-BMP character counts 2, an invalid UTF-8 subpart
 *    1); offset in bytes. st_lines_pos(t, tok.offset) equals the token's own line and col for
 *    every token the lexer produced (checked on every node in assert builds).
 *  - starts[i] is the offset where line i + 1 begins; starts[0] == 0; strictly increasing.
 *  - Column checkpoints: wide[] holds (offset just past a non-ASCII character, UTF-8 bytes
 *    minus UTF-16 units from the start of its line up to that offset), increasing in offset.
 *    One is recorded for the first non-ASCII character of a line and then for the first one at
 *    least ST_LINES_STEP bytes past the previous checkpoint. So between the last checkpoint at
 *    or before an offset (on the same line) and the offset, non-ASCII characters occur only in
 *    the first ST_LINES_STEP + 3 bytes: a column costs a search plus at most that much
 *    decoding, and an ASCII line costs no decoding at all (minified one-line scripts included).
 *  - A checkpoint at exactly a line start belongs to the line before (it follows U+2028/9).
 *  - Lookups in a frozen table cost O(1) (a bucket per 256 bytes of source, then a scan of the
 *    few lines that start in that bucket); while the lexer fills it, a galloping search from
 *    the last answer (the parser asks about recent tokens).
 */
#ifndef ST_FRONTEND_LINES_H
#define ST_FRONTEND_LINES_H

#include "support/arena.h"
#include "support/common.h"

typedef struct StPos {
  uint32_t line, col, offset;
} StPos;

typedef struct StLineWide {
  uint32_t offset, adjust;
} StLineWide;

enum { ST_LINES_STEP = 256, ST_LINES_BUCKET_SHIFT = 8 };

typedef struct StLineTable {
  const uint8_t *src;
  uint32_t len;
  uint32_t *starts;
  uint32_t nlines, cap_lines; /* cap: while the lexer fills it (malloc); 0 once frozen */
  StLineWide *wide;
  uint32_t nwide, cap_wide;
  /* Frozen tables: bucket[offset >> ST_LINES_BUCKET_SHIFT] is the line (index into starts) holding
   * the bucket's first byte, so a lookup scans a few lines at most (4 bytes per 256 of source);
   * NULL while the lexer fills the table, which is searched from the cursor. */
  uint32_t *bucket;
  uint32_t cursor; /* index into starts of the last lookup's line */
  uint32_t wcursor; /* index into wide of the last lookup's checkpoint */
} StLineTable;

void st_lines_init(StLineTable *t, const char *src, size_t len);
/* Frees the lexer-time arrays (nothing after st_lines_freeze). */
void st_lines_free(StLineTable *t);
/* A copy in arena (exact-size arrays) that lives as long as the arena; t is freed. */
StLineTable *st_lines_freeze(StLineTable *t, StArena *arena);

void st_lines_grow_(StLineTable *t);
void st_lines_grow_wide_(StLineTable *t);

/* A line starts at offset (just past a line terminator). Repeats are ignored. */
ST_INLINE void st_lines_newline(StLineTable *t, uint32_t offset) {
  if (offset <= t->starts[t->nlines - 1]) return;
  if (ST_UNLIKELY(t->nlines == t->cap_lines)) st_lines_grow_(t);
  t->starts[t->nlines++] = offset;
}

/* A non-ASCII character ends at offset; adjust is the line's UTF-8 bytes minus UTF-16 units up to
 * there; line_start the offset of its line. */
ST_INLINE void st_lines_wide(StLineTable *t, uint32_t offset, uint32_t adjust,
                             uint32_t line_start) {
  uint32_t last = t->nwide ? t->wide[t->nwide - 1].offset : 0;
  if (t->nwide && offset <= last) return;
  if (t->nwide && last > line_start && offset - last < ST_LINES_STEP) return;
  if (ST_UNLIKELY(t->nwide == t->cap_wide)) st_lines_grow_wide_(t);
  t->wide[t->nwide].offset = offset;
  t->wide[t->nwide].adjust = adjust;
  t->nwide++;
}

/* UTF-8 decoding shared with the lexer: the character at p (p[0] >= 0x80, avail >= 1 bytes), U+FFFD
 * for a maximal invalid subpart (*invalid set). Returns the bytes it takes. */
ST_INLINE size_t st_lines_decode(const uint8_t *p, size_t avail, uint32_t *cp_out, bool *invalid) {
  uint32_t b0 = p[0], cp;
  size_t need;
  uint8_t lo = 0x80, hi = 0xBF; /* valid range of the second byte */
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 3;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F; /* no surrogates in UTF-8 */
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 4;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    need = 0;
    cp = 0;
  }
  size_t got = 1;
  if (need) {
    for (; got < need; got++) {
      if (got >= avail) break;
      uint8_t b = p[got];
      if (got == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) break;
      cp = (cp << 6) | (b & 0x3F);
    }
  }
  *invalid = !need || got < need;
  *cp_out = *invalid ? 0xFFFD : cp;
  return got;
}

/* The position of a byte offset (a character boundary the lexer passed). */
StPos st_lines_pos(StLineTable *t, uint32_t offset);

#endif

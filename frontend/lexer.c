/* frontend/lexer.c: the scanner behind frontend/lexer.h.
 *
 * Structure: skip_trivia (white space, comments, line terminators) and then one switch on the
 * first byte. ASCII takes table-driven fast paths; anything >= 0x80 goes through decode_utf8,
 * which also keeps col_adjust up to date so that columns count UTF-16 units. Every read checks
 * against `end` (the source is not NUL-terminated and may contain NULs).
 */
#include "frontend/lexer.h"

#include "frontend/unicode.h"
#include "support/numconv.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *const token_names[] = {
#define ST_LEXER_TOKEN_NAME(name, text, cls) #name,
    ST_TOKENS(ST_LEXER_TOKEN_NAME)
#undef ST_LEXER_TOKEN_NAME
};

static const char *const token_texts[] = {
#define ST_LEXER_TOKEN_TEXT(name, text, cls) text,
    ST_TOKENS(ST_LEXER_TOKEN_TEXT)
#undef ST_LEXER_TOKEN_TEXT
};

const char *st_lexer_token_name(int kind) {
  return kind >= 0 && kind < ST_TOK__COUNT ? token_names[kind] : "?";
}

const char *st_lexer_token_text(int kind) {
  return kind >= 0 && kind < ST_TOK__COUNT ? token_texts[kind] : "?";
}

/* ---- Character classes ----------------------------------------------------------------- */

enum { C_ID_START = 1, C_ID_PART = 2, C_DIGIT = 4, C_HEX = 8 };

static const uint8_t ascii_class[128] = {
    ['$'] = C_ID_START | C_ID_PART,
    ['_'] = C_ID_START | C_ID_PART,
#define R10(c0) [c0] = C_ID_PART | C_DIGIT | C_HEX
    R10('0'), R10('1'), R10('2'), R10('3'), R10('4'),
    R10('5'), R10('6'), R10('7'), R10('8'), R10('9'),
#undef R10
#define HX(c) [c] = C_ID_START | C_ID_PART | C_HEX
    HX('a'), HX('b'), HX('c'), HX('d'), HX('e'), HX('f'),
    HX('A'), HX('B'), HX('C'), HX('D'), HX('E'), HX('F'),
#undef HX
#define L(c) [c] = C_ID_START | C_ID_PART
    L('g'), L('h'), L('i'), L('j'), L('k'), L('l'), L('m'), L('n'), L('o'), L('p'), L('q'),
    L('r'), L('s'), L('t'), L('u'), L('v'), L('w'), L('x'), L('y'), L('z'),
    L('G'), L('H'), L('I'), L('J'), L('K'), L('L'), L('M'), L('N'), L('O'), L('P'), L('Q'),
    L('R'), L('S'), L('T'), L('U'), L('V'), L('W'), L('X'), L('Y'), L('Z'),
#undef L
};

ST_INLINE bool is_ascii_class(int c, int cls) { return c >= 0 && c < 128 && (ascii_class[c] & cls); }
ST_INLINE bool is_digit(int c) { return c >= '0' && c <= '9'; }

static int hex_value(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  c |= 0x20;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

/* The byte at cur + i, or -1 past the end. */
ST_INLINE int peek(const StLexer *lx, size_t i) {
  return (size_t)(lx->end - lx->cur) > i ? lx->cur[i] : -1;
}

/* ---- Positions and errors -------------------------------------------------------------- */

static StPos pos_at(const StLexer *lx, const uint8_t *p) {
  StPos pos;
  pos.line = lx->line;
  pos.col = (uint32_t)(p - lx->line_start) - lx->col_adjust + 1;
  pos.offset = (uint32_t)(p - lx->src);
  return pos;
}

static void newline(StLexer *lx, const uint8_t *after) {
  st_lines_newline(&lx->lines, (uint32_t)(after - lx->src));
  lx->line++;
  lx->line_start = after;
  lx->col_adjust = 0;
}

void st_lexer_fail(StLexer *lx, StDiagKind kind, StPos pos, const char *fmt, ...) {
  if (lx->failed) return;
  lx->failed = true;
  char msg[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  st_diag_add(lx->diags, kind, pos.line, pos.col, pos.offset, "%s", msg);
  lx->cur = lx->end; /* the token stream ends here */
}

#define LEX_ERROR(lx, p, ...) st_lexer_fail((lx), ST_DIAG_SYNTAX_ERROR, pos_at((lx), (p)), __VA_ARGS__)
static const char INVALID_TOKEN[] = "Invalid or unexpected token";

/* ---- UTF-8 ----------------------------------------------------------------------------- */

/* Decodes the character at lx->cur (which is >= 0x80), advances past it and accounts its
 * width in col_adjust. Invalid input yields U+FFFD for its maximal subpart, *invalid set. */
static uint32_t decode_utf8(StLexer *lx, bool *invalid) {
  const uint8_t *p = lx->cur;
  uint32_t cp;
  size_t got = st_lines_decode(p, (size_t)(lx->end - p), &cp, invalid);
  lx->cur = p + got;
  lx->col_adjust += (uint32_t)got - (cp >= 0x10000 ? 2u : 1u);
  st_lines_wide(&lx->lines, (uint32_t)(lx->cur - lx->src), lx->col_adjust,
                (uint32_t)(lx->line_start - lx->src));
  return cp;
}

static void put_utf8(StLexer *lx, uint32_t cp) {
  char b[4];
  size_t n;
  if (cp < 0x80) {
    b[0] = (char)cp;
    n = 1;
  } else if (cp < 0x800) {
    b[0] = (char)(0xC0 | (cp >> 6));
    b[1] = (char)(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    b[0] = (char)(0xE0 | (cp >> 12));
    b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    b[2] = (char)(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    b[0] = (char)(0xF0 | (cp >> 18));
    b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    b[3] = (char)(0x80 | (cp & 0x3F));
    n = 4;
  }
  for (size_t i = 0; i < n; i++) st_vec_push(&lx->chars, b[i]);
}

static void put_unit(StLexer *lx, uint32_t cp) {
  if (cp < 0x10000) {
    st_vec_push(&lx->cooked, (uint16_t)cp);
  } else {
    cp -= 0x10000;
    st_vec_push(&lx->cooked, (uint16_t)(0xD800 | (cp >> 10)));
    st_vec_push(&lx->cooked, (uint16_t)(0xDC00 | (cp & 0x3FF)));
  }
}

static void put_raw(StLexer *lx, uint32_t cp) {
  if (cp < 0x10000) {
    st_vec_push(&lx->raw, (uint16_t)cp);
  } else {
    cp -= 0x10000;
    st_vec_push(&lx->raw, (uint16_t)(0xD800 | (cp >> 10)));
    st_vec_push(&lx->raw, (uint16_t)(0xDC00 | (cp & 0x3FF)));
  }
}

static StStr make_str(StLexer *lx, const uint16_t *units, size_t len) {
  StStr s;
  uint16_t *copy = len ? ST_ARENA_ARRAY(lx->arena, uint16_t, len) : NULL;
  bool one_byte = true;
  for (size_t i = 0; i < len; i++) {
    copy[i] = units[i];
    one_byte &= units[i] < 256;
  }
  s.units = copy;
  s.len = (uint32_t)len;
  s.one_byte = one_byte;
  return s;
}

/* ---- Init ------------------------------------------------------------------------------ */

void st_lexer_init(StLexer *lx, const char *src, size_t len, StArena *arena, StNameTable *names,
                   StDiagList *diags) {
  memset(lx, 0, sizeof *lx);
  ST_CHECK(len < UINT32_MAX, "source too large for 32-bit offsets");
  lx->src = (const uint8_t *)src;
  lx->cur = lx->src;
  lx->end = lx->src + len;
  lx->line_start = lx->src;
  lx->line = 1;
  st_lines_init(&lx->lines, src, len);
  lx->arena = arena;
  lx->names = names;
  lx->diags = diags;
  /* A hashbang line is a comment; the line terminator stays to count the line. */
  if (len >= 2 && src[0] == '#' && src[1] == '!') {
    lx->cur += 2;
    while (lx->cur < lx->end) {
      uint8_t c = *lx->cur;
      if (c == '\n' || c == '\r') break;
      if (c == 0xE2 && peek(lx, 1) == 0x80 && (peek(lx, 2) == 0xA8 || peek(lx, 2) == 0xA9))
        break;
      if (c >= 0x80) {
        bool bad;
        decode_utf8(lx, &bad);
      } else {
        lx->cur++;
      }
    }
  }
}

void st_lexer_free(StLexer *lx) {
  st_lines_free(&lx->lines);
  st_vec_free(&lx->cooked);
  st_vec_free(&lx->raw);
  st_vec_free(&lx->chars);
}

/* ---- Trivia ---------------------------------------------------------------------------- */

/* Is the character at cur (>= 0x80) U+2028 or U+2029? */
ST_INLINE bool at_ls_ps(const StLexer *lx) {
  return lx->cur[0] == 0xE2 && peek(lx, 1) == 0x80 && (peek(lx, 2) == 0xA8 || peek(lx, 2) == 0xA9);
}

/* Skips one non-ASCII character inside a comment: a line terminator counts as a newline. */
static bool skip_comment_char(StLexer *lx) {
  if (at_ls_ps(lx)) {
    lx->cur += 3;
    newline(lx, lx->cur);
    return true;
  }
  bool bad;
  decode_utf8(lx, &bad);
  return false;
}

/* Skips white space, line terminators and comments. Returns whether a line terminator was
 * seen (a multi-line comment with one counts), false after an error. */
static bool skip_trivia(StLexer *lx, bool *ok) {
  bool nl = false;
  *ok = true;
  while (lx->cur < lx->end) {
    uint8_t c = *lx->cur;
    switch (c) {
    case ' ':
    case '\t':
    case '\v':
    case '\f': lx->cur++; continue;
    case '\n':
      lx->cur++;
      newline(lx, lx->cur);
      nl = true;
      continue;
    case '\r':
      lx->cur++;
      if (lx->cur < lx->end && *lx->cur == '\n') lx->cur++;
      newline(lx, lx->cur);
      nl = true;
      continue;
    case '/': {
      int c1 = peek(lx, 1);
      if (c1 == '/') {
        lx->cur += 2;
        while (lx->cur < lx->end) {
          uint8_t d = *lx->cur;
          if (d == '\n' || d == '\r') break;
          if (d < 0x80) {
            lx->cur++;
          } else if (at_ls_ps(lx)) {
            break;
          } else {
            bool bad;
            decode_utf8(lx, &bad);
          }
        }
        continue;
      }
      if (c1 == '*') {
        StPos start = pos_at(lx, lx->cur); /* before the comment's newlines move line_start */
        lx->cur += 2;
        for (;;) {
          if (lx->cur >= lx->end) {
            st_lexer_fail(lx, ST_DIAG_SYNTAX_ERROR, start, INVALID_TOKEN);
            *ok = false;
            return false;
          }
          uint8_t d = *lx->cur;
          if (d == '*' && peek(lx, 1) == '/') {
            lx->cur += 2;
            break;
          }
          if (d == '\n' || d == '\r') {
            lx->cur += (d == '\r' && peek(lx, 1) == '\n') ? 2 : 1;
            newline(lx, lx->cur);
            nl = true;
          } else if (d < 0x80) {
            lx->cur++;
          } else if (skip_comment_char(lx)) {
            nl = true;
          }
        }
        continue;
      }
      return nl;
    }
    default:
      if (c < 0x80) return nl;
      if (at_ls_ps(lx)) {
        lx->cur += 3;
        newline(lx, lx->cur);
        nl = true;
        continue;
      }
      {
        /* Non-ASCII white space is skipped; anything else starts a token. */
        const uint8_t *save = lx->cur;
        uint32_t adj = lx->col_adjust;
        bool bad;
        uint32_t cp = decode_utf8(lx, &bad);
        if (!bad && st_unicode_is_space(cp)) continue;
        lx->cur = save;
        lx->col_adjust = adj;
        return nl;
      }
    }
  }
  return nl;
}

/* ---- Escapes shared by identifiers, strings and templates ------------------------------- */

/* At cur: the character after "\u". Parses XXXX or {X...}; returns the code point, or -1 with
 * an error recorded (message depends on the failure). */
static int32_t scan_unicode_escape(StLexer *lx, const uint8_t *esc_start) {
  if (peek(lx, 0) == '{') {
    lx->cur++;
    uint32_t v = 0;
    int digits = 0;
    int d;
    while ((d = hex_value(peek(lx, 0))) >= 0) {
      v = v * 16 + (uint32_t)d;
      if (v > 0x10FFFF) {
        LEX_ERROR(lx, esc_start, "Undefined Unicode code-point");
        return -1;
      }
      lx->cur++;
      digits++;
    }
    if (!digits || peek(lx, 0) != '}') {
      LEX_ERROR(lx, esc_start, "Invalid Unicode escape sequence");
      return -1;
    }
    lx->cur++;
    return (int32_t)v;
  }
  uint32_t v = 0;
  for (int i = 0; i < 4; i++) {
    int d = hex_value(peek(lx, 0));
    if (d < 0) {
      LEX_ERROR(lx, esc_start, "Invalid Unicode escape sequence");
      return -1;
    }
    v = v * 16 + (uint32_t)d;
    lx->cur++;
  }
  return (int32_t)v;
}

/* ---- Identifiers ----------------------------------------------------------------------- */

/* Continues an identifier whose plain prefix [start, cur) is already scanned, through escapes
 * and non-ASCII characters. Returns false after an error. */
static bool scan_ident_slow(StLexer *lx, const uint8_t *start, bool *escaped) {
  st_vec_clear(&lx->chars);
  for (const uint8_t *p = start; p < lx->cur; p++) st_vec_push(&lx->chars, (char)*p);
  bool first = lx->cur == start;
  for (;;) {
    int c = peek(lx, 0);
    if (c < 0) break;
    if (c < 0x80 && c != '\\') {
      if (!(ascii_class[c] & (first ? C_ID_START : C_ID_PART))) break;
      st_vec_push(&lx->chars, (char)c);
      lx->cur++;
    } else if (c == '\\') {
      const uint8_t *esc = lx->cur;
      if (peek(lx, 1) != 'u') {
        LEX_ERROR(lx, esc, "Invalid Unicode escape sequence");
        return false;
      }
      lx->cur += 2;
      int32_t cp = scan_unicode_escape(lx, esc);
      if (cp < 0) return false;
      bool ok = cp < 0x80 ? (ascii_class[cp] & (first ? C_ID_START : C_ID_PART)) != 0
                          : (first ? st_unicode_is_id_start((uint32_t)cp)
                                   : st_unicode_is_id_continue((uint32_t)cp));
      if (!ok) {
        LEX_ERROR(lx, esc, "Invalid Unicode escape sequence");
        return false;
      }
      put_utf8(lx, (uint32_t)cp);
      *escaped = true;
    } else {
      const uint8_t *save = lx->cur;
      uint32_t adj = lx->col_adjust;
      bool bad;
      uint32_t cp = decode_utf8(lx, &bad);
      if (bad || !(first ? st_unicode_is_id_start(cp) : st_unicode_is_id_continue(cp))) {
        lx->cur = save;
        lx->col_adjust = adj;
        break;
      }
      put_utf8(lx, cp);
    }
    first = false;
  }
  return true;
}

/* Scans an identifier or reserved word at cur (an identifier start: checked by the caller for
 * ASCII; for `\` and non-ASCII, checked here). */
static void scan_ident(StLexer *lx, StToken *t, uint16_t kind_if_plain) {
  const uint8_t *start = lx->cur;
  uint32_t h = 2166136261u;
  while (lx->cur < lx->end) {
    uint8_t c = *lx->cur;
    if (c >= 0x80 || !(ascii_class[c] & C_ID_PART)) break;
    h = (h ^ c) * 16777619u;
    lx->cur++;
  }
  const StName *name;
  bool escaped = false;
  if (lx->cur < lx->end && (*lx->cur == '\\' || *lx->cur >= 0x80)) {
    if (!scan_ident_slow(lx, start, &escaped)) {
      t->kind = ST_TOK_EOF;
      return;
    }
    if (lx->chars.len == 0) {
      LEX_ERROR(lx, start, INVALID_TOKEN);
      t->kind = ST_TOK_EOF;
      return;
    }
    name = st_ast_name(lx->names, lx->chars.data, lx->chars.len);
  } else {
    name = st_ast_name_hashed(lx->names, (const char *)start, (size_t)(lx->cur - start), h);
  }
  t->v.name = name;
  if (escaped) t->flags |= ST_TOKEN_ESCAPED;
  if (kind_if_plain == ST_TOK_IDENT && !escaped && name->token != ST_TOK_IDENT)
    t->kind = name->token;
  else
    t->kind = kind_if_plain;
}

/* ---- Numbers --------------------------------------------------------------------------- */

/* The value of digits in base 2^bits (separators skipped), correctly rounded: collect up to
 * 64 significant bits, remember whether anything non-zero fell off (sticky), and round to 53
 * bits, ties to even. */
static double pow2_radix_value(const uint8_t *s, const uint8_t *e, int bits) {
  uint64_t m = 0;
  int exp = 0;
  bool sticky = false;
  for (; s < e; s++) {
    if (*s == '_') continue;
    uint64_t d = (uint64_t)hex_value(*s);
    if ((m >> (64 - bits)) == 0) {
      m = (m << bits) | d;
    } else {
      exp += bits;
      sticky |= d != 0;
    }
  }
  if (m == 0) return 0;
  int sig = 64 - __builtin_clzll(m);
  if (sig <= 53) return ldexp((double)m, exp);
  int shift = sig - 53;
  uint64_t kept = m >> shift;
  uint64_t rem = m & ((UINT64_C(1) << shift) - 1);
  uint64_t half = UINT64_C(1) << (shift - 1);
  if (rem > half || (rem == half && (sticky || (kept & 1)))) kept++;
  return ldexp((double)kept, exp + shift);
}

/* Digits of `cls` with numeric separators: each `_` between two digits. */
static bool scan_digits(StLexer *lx, int cls, bool allow_sep) {
  for (;;) {
    int c = peek(lx, 0);
    if (is_ascii_class(c, cls)) {
      lx->cur++;
      continue;
    }
    if (c == '_' && allow_sep) {
      const uint8_t *u = lx->cur;
      int next = peek(lx, 1);
      if (next == '_') {
        LEX_ERROR(lx, u + 1, "Only one underscore is allowed as numeric separator");
        return false;
      }
      if (!is_ascii_class(next, cls)) {
        LEX_ERROR(lx, u, "Numeric separators are not allowed at the end of numeric literals");
        return false;
      }
      lx->cur++;
      continue;
    }
    return true;
  }
}

/* After a numeric literal: BigInt suffix, or an identifier start or digit directly after it
 * ("3in"), are errors. */
static bool check_number_end(StLexer *lx, bool integer) {
  int c = peek(lx, 0);
  if (c < 0) return true;
  if (c == 'n' && integer) {
    LEX_ERROR(lx, lx->cur, "BigInt literals are not supported");
    return false;
  }
  bool bad = is_ascii_class(c, C_ID_START | C_DIGIT) || c == '\\';
  if (!bad && c >= 0x80) {
    const uint8_t *save = lx->cur;
    uint32_t adj = lx->col_adjust;
    bool inv;
    uint32_t cp = decode_utf8(lx, &inv);
    bad = !inv && st_unicode_is_id_start(cp);
    lx->cur = save;
    lx->col_adjust = adj;
  }
  if (bad) {
    LEX_ERROR(lx, lx->cur, INVALID_TOKEN);
    return false;
  }
  return true;
}

static void scan_number(StLexer *lx, StToken *t) {
  const uint8_t *start = lx->cur;
  t->kind = ST_TOK_EOF; /* until it succeeds */
  if (*lx->cur == '0') {
    int c1 = peek(lx, 1) | 0x20;
    int bits = c1 == 'x' ? 4 : c1 == 'o' ? 3 : c1 == 'b' ? 1 : 0;
    if (bits) {
      lx->cur += 2;
      const uint8_t *digits = lx->cur;
      int cls = bits == 4 ? C_HEX : C_DIGIT;
      int maxd = bits == 3 ? '7' : bits == 1 ? '1' : '9';
      for (;;) {
        int c = peek(lx, 0);
        if (is_ascii_class(c, cls) && (bits == 4 || c <= maxd)) {
          lx->cur++;
        } else if (c == '_') {
          int next = peek(lx, 1);
          if (lx->cur == digits) {
            LEX_ERROR(lx, lx->cur, "Numeric separators are not allowed here");
            return;
          }
          if (next == '_') {
            LEX_ERROR(lx, lx->cur + 1, "Only one underscore is allowed as numeric separator");
            return;
          }
          if (!(is_ascii_class(next, cls) && (bits == 4 || next <= maxd))) {
            LEX_ERROR(lx, lx->cur,
                      "Numeric separators are not allowed at the end of numeric literals");
            return;
          }
          lx->cur++;
        } else {
          break;
        }
      }
      if (lx->cur == digits) {
        LEX_ERROR(lx, start, INVALID_TOKEN);
        return;
      }
      if (!check_number_end(lx, true)) return;
      t->v.num = pow2_radix_value(digits, lx->cur, bits);
      t->kind = ST_TOK_NUMBER;
      return;
    }
    int c = peek(lx, 1);
    if (c == '_') {
      LEX_ERROR(lx, lx->cur + 1, "Numeric separator can not be used after leading 0.");
      return;
    }
    if (is_digit(c)) {
      /* 017 (legacy octal) or 08/09 (decimal with a leading zero): sloppy mode only, which
       * the parser checks. Neither admits separators. */
      lx->cur++;
      bool octal = true;
      while (is_digit(peek(lx, 0))) {
        if (*lx->cur >= '8') octal = false;
        lx->cur++;
      }
      if (peek(lx, 0) == '_') {
        LEX_ERROR(lx, lx->cur, "Numeric separator can not be used after leading 0.");
        return;
      }
      if (octal) {
        if (!check_number_end(lx, false)) return;
        t->v.num = pow2_radix_value(start, lx->cur, 3);
        t->flags |= ST_TOKEN_LEGACY_OCTAL;
        t->kind = ST_TOK_NUMBER;
        return;
      }
      t->flags |= ST_TOKEN_LEADING_ZERO;
      goto fraction;
    }
  }
  /* Decimal: digits [. digits] [e [+-] digits], or . digits ... */
  if (*lx->cur != '.' && !scan_digits(lx, C_DIGIT, true)) return;
fraction:;
  bool is_int = true;
  if (peek(lx, 0) == '.') {
    is_int = false;
    lx->cur++;
    if (peek(lx, 0) == '_') {
      LEX_ERROR(lx, lx->cur, "Numeric separators are not allowed here");
      return;
    }
    if (!scan_digits(lx, C_DIGIT, true)) return;
  }
  int e = peek(lx, 0);
  if (e == 'e' || e == 'E') {
    is_int = false;
    lx->cur++;
    int s = peek(lx, 0);
    if (s == '+' || s == '-') lx->cur++;
    if (!is_digit(peek(lx, 0))) {
      LEX_ERROR(lx, peek(lx, 0) == '_' ? lx->cur : start, INVALID_TOKEN);
      return;
    }
    if (!scan_digits(lx, C_DIGIT, true)) return;
  }
  if (!check_number_end(lx, is_int && !(t->flags & ST_TOKEN_LEADING_ZERO))) return;
  size_t n = (size_t)(lx->cur - start);
  if (is_int && n <= 15) {
    /* Fast path: up to 15 digits (separators included) are exact in a double. */
    uint64_t v = 0;
    for (const uint8_t *p = start; p < lx->cur; p++)
      if (*p != '_') v = v * 10 + (uint64_t)(*p - '0');
    t->v.num = (double)v;
  } else {
    st_vec_clear(&lx->chars);
    for (const uint8_t *p = start; p < lx->cur; p++)
      if (*p != '_') st_vec_push(&lx->chars, (char)*p);
    t->v.num = st_numconv_string_to_number8((const uint8_t *)lx->chars.data, lx->chars.len);
  }
  t->kind = ST_TOK_NUMBER;
}

/* ---- Strings and templates ------------------------------------------------------------- */

typedef enum { IN_STRING, IN_TEMPLATE } Context;

/* Scans one escape sequence (cur is just past the backslash) into lx->cooked. Templates
 * reject legacy octal and \8 \9 escapes; strings flag them. Returns false after an error. */
static bool scan_escape(StLexer *lx, StToken *t, Context ctx, const uint8_t *bs) {
  if (lx->cur >= lx->end) return true; /* the caller reports the unterminated literal */
  uint8_t c = *lx->cur;
  switch (c) {
  case '\n':
    lx->cur++;
    newline(lx, lx->cur);
    return true;
  case '\r':
    lx->cur++;
    if (peek(lx, 0) == '\n') lx->cur++;
    newline(lx, lx->cur);
    return true;
  case 'n': put_unit(lx, '\n'); break;
  case 't': put_unit(lx, '\t'); break;
  case 'r': put_unit(lx, '\r'); break;
  case 'b': put_unit(lx, '\b'); break;
  case 'f': put_unit(lx, '\f'); break;
  case 'v': put_unit(lx, '\v'); break;
  case 'x': {
    int h1 = hex_value(peek(lx, 1)), h2 = h1 >= 0 ? hex_value(peek(lx, 2)) : -1;
    if (h1 < 0 || h2 < 0) {
      LEX_ERROR(lx, bs, "Invalid hexadecimal escape sequence");
      return false;
    }
    put_unit(lx, (uint32_t)(h1 * 16 + h2));
    lx->cur += 3;
    return true;
  }
  case 'u': {
    lx->cur++;
    int32_t cp = scan_unicode_escape(lx, bs);
    if (cp < 0) return false;
    put_unit(lx, (uint32_t)cp);
    return true;
  }
  case '0':
  case '1':
  case '2':
  case '3':
  case '4':
  case '5':
  case '6':
  case '7': {
    if (c == '0' && !is_digit(peek(lx, 1))) {
      put_unit(lx, 0);
      break;
    }
    if (ctx == IN_TEMPLATE) {
      LEX_ERROR(lx, bs, "Octal escape sequences are not allowed in template strings.");
      return false;
    }
    if (!(t->flags & (ST_TOKEN_OCTAL_ESCAPE | ST_TOKEN_ESCAPE_89))) t->octal = pos_at(lx, bs);
    t->flags |= ST_TOKEN_OCTAL_ESCAPE;
    /* ZeroToThree OctalDigit OctalDigit, or FourToSeven OctalDigit. */
    uint32_t v = (uint32_t)(c - '0');
    lx->cur++;
    int maxlen = c <= '3' ? 3 : 2;
    for (int i = 1; i < maxlen; i++) {
      int d = peek(lx, 0);
      if (d < '0' || d > '7') break;
      v = v * 8 + (uint32_t)(d - '0');
      lx->cur++;
    }
    put_unit(lx, v);
    return true;
  }
  case '8':
  case '9':
    if (ctx == IN_TEMPLATE) {
      LEX_ERROR(lx, bs, "\\8 and \\9 are not allowed in template strings.");
      return false;
    }
    if (!(t->flags & (ST_TOKEN_OCTAL_ESCAPE | ST_TOKEN_ESCAPE_89))) t->octal = pos_at(lx, bs);
    t->flags |= ST_TOKEN_ESCAPE_89;
    put_unit(lx, c);
    break;
  default:
    if (c >= 0x80) {
      if (at_ls_ps(lx)) { /* line continuation */
        lx->cur += 3;
        newline(lx, lx->cur);
        return true;
      }
      bool bad;
      put_unit(lx, decode_utf8(lx, &bad));
      return true;
    }
    put_unit(lx, c);
    break;
  }
  lx->cur++;
  return true;
}

static void scan_string(StLexer *lx, StToken *t) {
  StPos start = pos_at(lx, lx->cur);
  uint8_t quote = *lx->cur++;
  st_vec_clear(&lx->cooked);
  for (;;) {
    if (lx->cur >= lx->end) {
      st_lexer_fail(lx, ST_DIAG_SYNTAX_ERROR, start, INVALID_TOKEN);
      t->kind = ST_TOK_EOF;
      return;
    }
    uint8_t c = *lx->cur;
    if (c == quote) {
      lx->cur++;
      break;
    }
    if (c == '\\') {
      const uint8_t *bs = lx->cur++;
      t->flags |= ST_TOKEN_ESCAPED;
      if (!scan_escape(lx, t, IN_STRING, bs)) {
        t->kind = ST_TOK_EOF;
        return;
      }
    } else if (c == '\n' || c == '\r') {
      st_lexer_fail(lx, ST_DIAG_SYNTAX_ERROR, start, INVALID_TOKEN);
      t->kind = ST_TOK_EOF;
      return;
    } else if (c < 0x80) {
      st_vec_push(&lx->cooked, c);
      lx->cur++;
    } else {
      /* U+2028 and U+2029 are allowed raw in strings (ES2019); they still end a line. */
      bool lsps = at_ls_ps(lx);
      bool bad;
      put_unit(lx, decode_utf8(lx, &bad));
      if (lsps) newline(lx, lx->cur);
    }
  }
  t->v.str = make_str(lx, lx->cooked.data, lx->cooked.len);
  t->kind = ST_TOK_STRING;
}

/* Scans template characters from cur (just past ` or }, which is at `start`) up to and
 * including ` or ${. */
static void scan_template(StLexer *lx, StToken *t, bool head, StPos start) {
  st_vec_clear(&lx->cooked);
  st_vec_clear(&lx->raw);
  bool ends_with_subst;
  for (;;) {
    if (lx->cur >= lx->end) {
      st_lexer_fail(lx, ST_DIAG_SYNTAX_ERROR, start, "Unterminated template literal");
      t->kind = ST_TOK_EOF;
      return;
    }
    uint8_t c = *lx->cur;
    if (c == '`') {
      lx->cur++;
      ends_with_subst = false;
      break;
    }
    if (c == '$' && peek(lx, 1) == '{') {
      lx->cur += 2;
      ends_with_subst = true;
      break;
    }
    if (c == '\\') {
      const uint8_t *bs = lx->cur++;
      if (!scan_escape(lx, t, IN_TEMPLATE, bs)) {
        t->kind = ST_TOK_EOF;
        return;
      }
      /* raw: the escape's source text, with CR and CRLF normalized to LF */
      for (const uint8_t *p = bs; p < lx->cur;) {
        if (*p == '\r') {
          put_raw(lx, '\n');
          p += (p + 1 < lx->cur && p[1] == '\n') ? 2 : 1;
        } else if (*p < 0x80) {
          put_raw(lx, *p++);
        } else {
          /* re-decode without touching the lexer's column state */
          uint32_t cp;
          bool bad;
          p += st_lines_decode(p, (size_t)(lx->end - p), &cp, &bad);
          put_raw(lx, cp);
        }
      }
    } else if (c == '\r' || c == '\n') {
      lx->cur += (c == '\r' && peek(lx, 1) == '\n') ? 2 : 1;
      newline(lx, lx->cur);
      put_unit(lx, '\n');
      put_raw(lx, '\n');
    } else if (c < 0x80) {
      put_unit(lx, c);
      put_raw(lx, c);
      lx->cur++;
    } else {
      bool lsps = at_ls_ps(lx);
      bool bad;
      uint32_t cp = decode_utf8(lx, &bad);
      put_unit(lx, cp);
      put_raw(lx, cp);
      if (lsps) newline(lx, lx->cur);
    }
  }
  t->v.str = make_str(lx, lx->cooked.data, lx->cooked.len);
  t->raw = make_str(lx, lx->raw.data, lx->raw.len);
  if (head) t->kind = ends_with_subst ? ST_TOK_TEMPLATE_HEAD : ST_TOK_TEMPLATE;
  else t->kind = ends_with_subst ? ST_TOK_TEMPLATE_MIDDLE : ST_TOK_TEMPLATE_TAIL;
}

/* ---- The token switch ------------------------------------------------------------------ */

/* Longest-match punctuators: the first row whose text matches at cur wins, so each start
 * character lists its longer forms first. */
static uint16_t scan_punct(StLexer *lx) {
  const uint8_t *p = lx->cur;
  int c1 = peek(lx, 1), c2 = peek(lx, 2), c3 = peek(lx, 3);
  uint16_t k;
  size_t n = 1;
  switch (p[0]) {
  case '{': k = ST_TOK_LBRACE; break;
  case '}': k = ST_TOK_RBRACE; break;
  case '(': k = ST_TOK_LPAREN; break;
  case ')': k = ST_TOK_RPAREN; break;
  case '[': k = ST_TOK_LBRACKET; break;
  case ']': k = ST_TOK_RBRACKET; break;
  case ';': k = ST_TOK_SEMICOLON; break;
  case ',': k = ST_TOK_COMMA; break;
  case ':': k = ST_TOK_COLON; break;
  case '~': k = ST_TOK_TILDE; break;
  case '.':
    if (c1 == '.' && c2 == '.') k = ST_TOK_ELLIPSIS, n = 3;
    else k = ST_TOK_DOT;
    break;
  case '?':
    if (c1 == '?') {
      if (c2 == '=') k = ST_TOK_NULLISH_ASSIGN, n = 3;
      else k = ST_TOK_NULLISH, n = 2;
    } else if (c1 == '.' && !is_digit(c2)) {
      k = ST_TOK_QUESTION_DOT, n = 2; /* a?.5:b is a conditional */
    } else {
      k = ST_TOK_QUESTION;
    }
    break;
  case '<':
    if (c1 == '<') {
      if (c2 == '=') k = ST_TOK_SHL_ASSIGN, n = 3;
      else k = ST_TOK_SHL, n = 2;
    } else if (c1 == '=') {
      k = ST_TOK_LE, n = 2;
    } else {
      k = ST_TOK_LT;
    }
    break;
  case '>':
    if (c1 == '>') {
      if (c2 == '>') {
        if (c3 == '=') k = ST_TOK_SHR_ASSIGN, n = 4;
        else k = ST_TOK_SHR, n = 3;
      } else if (c2 == '=') {
        k = ST_TOK_SAR_ASSIGN, n = 3;
      } else {
        k = ST_TOK_SAR, n = 2;
      }
    } else if (c1 == '=') {
      k = ST_TOK_GE, n = 2;
    } else {
      k = ST_TOK_GT;
    }
    break;
  case '=':
    if (c1 == '=') {
      if (c2 == '=') k = ST_TOK_EQ_STRICT, n = 3;
      else k = ST_TOK_EQ, n = 2;
    } else if (c1 == '>') {
      k = ST_TOK_ARROW, n = 2;
    } else {
      k = ST_TOK_ASSIGN;
    }
    break;
  case '!':
    if (c1 == '=') {
      if (c2 == '=') k = ST_TOK_NE_STRICT, n = 3;
      else k = ST_TOK_NE, n = 2;
    } else {
      k = ST_TOK_BANG;
    }
    break;
  case '+':
    if (c1 == '+') k = ST_TOK_INC, n = 2;
    else if (c1 == '=') k = ST_TOK_PLUS_ASSIGN, n = 2;
    else k = ST_TOK_PLUS;
    break;
  case '-':
    if (c1 == '-') k = ST_TOK_DEC, n = 2;
    else if (c1 == '=') k = ST_TOK_MINUS_ASSIGN, n = 2;
    else k = ST_TOK_MINUS;
    break;
  case '*':
    if (c1 == '*') {
      if (c2 == '=') k = ST_TOK_STAR_STAR_ASSIGN, n = 3;
      else k = ST_TOK_STAR_STAR, n = 2;
    } else if (c1 == '=') {
      k = ST_TOK_STAR_ASSIGN, n = 2;
    } else {
      k = ST_TOK_STAR;
    }
    break;
  case '/':
    if (c1 == '=') k = ST_TOK_SLASH_ASSIGN, n = 2;
    else k = ST_TOK_SLASH;
    break;
  case '%':
    if (c1 == '=') k = ST_TOK_PERCENT_ASSIGN, n = 2;
    else k = ST_TOK_PERCENT;
    break;
  case '&':
    if (c1 == '&') {
      if (c2 == '=') k = ST_TOK_AND_AND_ASSIGN, n = 3;
      else k = ST_TOK_AND_AND, n = 2;
    } else if (c1 == '=') {
      k = ST_TOK_AMP_ASSIGN, n = 2;
    } else {
      k = ST_TOK_AMP;
    }
    break;
  case '|':
    if (c1 == '|') {
      if (c2 == '=') k = ST_TOK_OR_OR_ASSIGN, n = 3;
      else k = ST_TOK_OR_OR, n = 2;
    } else if (c1 == '=') {
      k = ST_TOK_PIPE_ASSIGN, n = 2;
    } else {
      k = ST_TOK_PIPE;
    }
    break;
  case '^':
    if (c1 == '=') k = ST_TOK_CARET_ASSIGN, n = 2;
    else k = ST_TOK_CARET;
    break;
  default: return ST_TOK_EOF; /* not a punctuator */
  }
  lx->cur += n;
  return k;
}

void st_lexer_next(StLexer *lx, StToken *t) {
  bool ok;
  bool nl = skip_trivia(lx, &ok);
  t->flags = nl ? ST_TOKEN_NL_BEFORE : 0;
  StPos pos = pos_at(lx, lx->cur);
  t->line = pos.line;
  t->col = pos.col;
  t->offset = pos.offset;
  t->kind = ST_TOK_EOF;
  if (!ok || lx->cur >= lx->end) {
    t->end = (uint32_t)(lx->cur - lx->src);
    return;
  }
  uint8_t c = *lx->cur;
  if (c < 0x80 && (ascii_class[c] & C_ID_START)) {
    scan_ident(lx, t, ST_TOK_IDENT);
  } else if (is_digit(c) || (c == '.' && is_digit(peek(lx, 1)))) {
    scan_number(lx, t);
  } else if (c == '"' || c == '\'') {
    scan_string(lx, t);
  } else if (c == '`') {
    lx->cur++;
    scan_template(lx, t, true, pos);
  } else if (c == '\\' || c >= 0x80) {
    scan_ident(lx, t, ST_TOK_IDENT);
  } else if (c == '#' && (is_ascii_class(peek(lx, 1), C_ID_START) || peek(lx, 1) == '\\' ||
                          peek(lx, 1) >= 0x80)) {
    lx->cur++;
    scan_ident(lx, t, ST_TOK_PRIVATE_NAME);
  } else {
    t->kind = scan_punct(lx);
    if (t->kind == ST_TOK_EOF) LEX_ERROR(lx, lx->cur, INVALID_TOKEN);
  }
  if (lx->failed) t->kind = ST_TOK_EOF;
  t->end = (uint32_t)(lx->cur - lx->src);
}

void st_lexer_template_continue(StLexer *lx, StToken *t) {
  ST_ASSERT(t->kind == ST_TOK_RBRACE && lx->src + t->end == lx->cur,
            "template continuation must rescan right after the last token, a `}`");
  t->flags &= ST_TOKEN_NL_BEFORE;
  if (lx->failed) {
    t->kind = ST_TOK_EOF;
    return;
  }
  scan_template(lx, t, false, st_lexer_token_pos(t));
  if (lx->failed) t->kind = ST_TOK_EOF;
  t->end = (uint32_t)(lx->cur - lx->src);
}

/* ---- --print-tokens -------------------------------------------------------------------- */

static void print_quoted(FILE *out, StStr s) {
  fputc('"', out);
  for (uint32_t i = 0; i < s.len; i++) {
    uint16_t u = s.units[i];
    if (u == '"' || u == '\\') fprintf(out, "\\%c", (char)u);
    else if (u >= 0x20 && u < 0x7f) fputc((char)u, out);
    else if (u == '\n') fputs("\\n", out);
    else fprintf(out, "\\u%04x", u);
  }
  fputc('"', out);
}

/* Can a token of this kind end an expression? Then a following `/` is division. */
static bool ends_expression(const StToken *t) {
  switch (t->kind) {
  case ST_TOK_IDENT:
  case ST_TOK_NUMBER:
  case ST_TOK_STRING:
  case ST_TOK_TEMPLATE:
  case ST_TOK_TEMPLATE_TAIL:
  case ST_TOK_RPAREN:
  case ST_TOK_RBRACKET:
  case ST_TOK_RBRACE:
  case ST_TOK_THIS:
  case ST_TOK_SUPER:
  case ST_TOK_NULL:
  case ST_TOK_TRUE:
  case ST_TOK_FALSE:
  case ST_TOK_INC:
  case ST_TOK_DEC: return true;
  default: return false;
  }
}

bool st_lexer_print_tokens(FILE *out, const char *src, size_t len, StDiagList *diags) {
  StArena arena;
  st_arena_init(&arena);
  StNameTable names;
  st_ast_names_init(&names, &arena);
  StLexer lx;
  st_lexer_init(&lx, src, len, &arena, &names, diags);
  /* Brace depth of each open template substitution, to know which `}` resumes a template. */
  StVec(uint32_t) subst = {0};
  uint32_t depth = 0;
  StToken t, prev = {.kind = ST_TOK_EOF};
  for (;;) {
    st_lexer_next(&lx, &t);
    if (t.kind == ST_TOK_RBRACE && subst.len && st_vec_last(&subst) == depth) {
      subst.len--;
      st_lexer_template_continue(&lx, &t);
    } else if (t.kind == ST_TOK_LBRACE) {
      depth++;
    } else if (t.kind == ST_TOK_RBRACE && depth) {
      depth--;
    }
    if ((t.kind == ST_TOK_SLASH || t.kind == ST_TOK_SLASH_ASSIGN) && !ends_expression(&prev)) {
      StPos p = st_lexer_token_pos(&t);
      st_lexer_fail(&lx, ST_DIAG_SYNTAX_ERROR, p, "Regular expression literals are not supported yet");
      break;
    }
    if (t.kind == ST_TOK_TEMPLATE_HEAD || t.kind == ST_TOK_TEMPLATE_MIDDLE)
      st_vec_push(&subst, depth);
    if (lx.failed) break;
    fprintf(out, "%u:%u %s", t.line, t.col, token_names[t.kind]);
    switch (t.kind) {
    case ST_TOK_IDENT:
    case ST_TOK_PRIVATE_NAME: fprintf(out, " %s", t.v.name->str); break;
    case ST_TOK_NUMBER: {
      char buf[ST_NUMCONV_BUF_SIZE];
      st_numconv_to_string(t.v.num, buf);
      fprintf(out, " %s", buf);
      break;
    }
    case ST_TOK_STRING:
      fputc(' ', out);
      print_quoted(out, t.v.str);
      break;
    case ST_TOK_TEMPLATE:
    case ST_TOK_TEMPLATE_HEAD:
    case ST_TOK_TEMPLATE_MIDDLE:
    case ST_TOK_TEMPLATE_TAIL:
      fputc(' ', out);
      print_quoted(out, t.v.str);
      fputs(" raw=", out);
      print_quoted(out, t.raw);
      break;
    default: break;
    }
    if (t.flags & ST_TOKEN_NL_BEFORE) fputs(" [nl]", out);
    if (t.flags & ST_TOKEN_ESCAPED && t.kind == ST_TOK_IDENT) fputs(" [escaped]", out);
    if (t.flags & ST_TOKEN_LEGACY_OCTAL) fputs(" [legacy-octal]", out);
    if (t.flags & ST_TOKEN_LEADING_ZERO) fputs(" [leading-zero]", out);
    if (t.flags & ST_TOKEN_OCTAL_ESCAPE) fputs(" [octal-escape]", out);
    if (t.flags & ST_TOKEN_ESCAPE_89) fputs(" [escape-89]", out);
    fputc('\n', out);
    if (t.kind == ST_TOK_EOF) break;
    prev = t;
  }
  bool ok = !lx.failed;
  st_vec_free(&subst);
  st_lexer_free(&lx);
  st_arena_free(&arena);
  return ok;
}

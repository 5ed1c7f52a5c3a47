/* tests/unit/test_lexer.c: the lexer on its own (frontend/lexer.h): every punctuator and
 * keyword, identifiers with escapes and Unicode, numeric literals and their separator rules,
 * every string and template escape, comments and line terminators, positions in UTF-16
 * columns, and the errors for bad input. */
#include "frontend/lexer.h"
#include "tests/unit/check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- helpers --------------------------------------------------------------------------- */

#define MAX_TOKS 64

typedef struct Lexed {
  StArena arena;
  StNameTable names;
  StLexer lx;
  StDiagList diags;
  StToken t[MAX_TOKS];
  int n;          /* tokens before EOF */
  char err[256];  /* "message @line:col" of the first error, or "" */
} Lexed;

/* Lexes src (len bytes) to EOF, resuming templates after each substitution's `}` as the parser
 * does (tracking brace depth). */
static Lexed *lex_n(const char *src, size_t len) {
  Lexed *L = calloc(1, sizeof *L);
  st_arena_init(&L->arena);
  st_ast_names_init(&L->names, &L->arena);
  st_lexer_init(&L->lx, src, len, &L->arena, &L->names, &L->diags);
  int subst[16], nsubst = 0, depth = 0;
  for (;;) {
    StToken t;
    st_lexer_next(&L->lx, &t);
    if (t.kind == ST_TOK_RBRACE && nsubst && subst[nsubst - 1] == depth) {
      nsubst--;
      st_lexer_template_continue(&L->lx, &t);
    } else if (t.kind == ST_TOK_LBRACE) {
      depth++;
    } else if (t.kind == ST_TOK_RBRACE) {
      depth--;
    }
    if ((t.kind == ST_TOK_TEMPLATE_HEAD || t.kind == ST_TOK_TEMPLATE_MIDDLE) && nsubst < 16)
      subst[nsubst++] = depth;
    if (t.kind == ST_TOK_EOF || L->n == MAX_TOKS) break;
    L->t[L->n++] = t;
  }
  if (L->diags.items.len) {
    StDiag *d = &L->diags.items.data[0];
    snprintf(L->err, sizeof L->err, "%s @%u:%u", d->message, d->line, d->col);
  }
  return L;
}

static Lexed *lex(const char *src) { return lex_n(src, strlen(src)); }

static void done(Lexed *L) {
  st_lexer_free(&L->lx);
  st_diag_free(&L->diags);
  st_arena_free(&L->arena);
  free(L);
}

/* The UTF-16 value of a string token as ASCII (non-ASCII units as \uXXXX). */
static const char *str16(StStr s) {
  static char buf[512];
  size_t o = 0;
  for (uint32_t i = 0; i < s.len && o + 8 < sizeof buf; i++) {
    uint16_t u = s.units[i];
    if (u >= 0x20 && u < 0x7f && u != '\\') buf[o++] = (char)u;
    else o += (size_t)snprintf(buf + o, sizeof buf - o, "\\u%04x", u);
  }
  buf[o] = 0;
  return buf;
}

/* ---- punctuators and keywords ---------------------------------------------------------- */

static void test_every_punctuator(void) {
#define CHECK_PUNCT(tk, text, cls) \
  if (!strcmp(#cls, "PUNCT")) { \
    Lexed *L = lex(text); \
    ST_EXPECT_EQ_INT(L->n, 1); \
    ST_EXPECT_EQ_INT(L->t[0].kind, ST_TOK_##tk); \
    ST_EXPECT_EQ_INT(L->t[0].end, strlen(text)); \
    done(L); \
  }
  ST_TOKENS(CHECK_PUNCT)
#undef CHECK_PUNCT
}

static void test_longest_match(void) {
  Lexed *L = lex(">>>= >>> >>= >> >= > ... . ?.5 ?. ?? ?\?= => == === != !== **= ** &&= ||=");
  int want[] = {ST_TOK_SHR_ASSIGN, ST_TOK_SHR, ST_TOK_SAR_ASSIGN, ST_TOK_SAR, ST_TOK_GE,
                ST_TOK_GT, ST_TOK_ELLIPSIS, ST_TOK_DOT, ST_TOK_QUESTION, ST_TOK_NUMBER,
                ST_TOK_QUESTION_DOT, ST_TOK_NULLISH, ST_TOK_NULLISH_ASSIGN, ST_TOK_ARROW,
                ST_TOK_EQ, ST_TOK_EQ_STRICT, ST_TOK_NE, ST_TOK_NE_STRICT, ST_TOK_STAR_STAR_ASSIGN,
                ST_TOK_STAR_STAR, ST_TOK_AND_AND_ASSIGN, ST_TOK_OR_OR_ASSIGN};
  ST_EXPECT_EQ_INT(L->n, (int)ST_ARRAY_LEN(want));
  for (int i = 0; i < L->n && i < (int)ST_ARRAY_LEN(want); i++) ST_EXPECT_EQ_INT(L->t[i].kind, want[i]);
  done(L);
  /* a?.5:b is a conditional with .5 */
  L = lex("a?.5:b");
  ST_EXPECT_EQ_INT(L->t[1].kind, ST_TOK_QUESTION);
  ST_EXPECT(L->t[2].kind == ST_TOK_NUMBER && L->t[2].v.num == 0.5);
  done(L);
  L = lex("a?.b");
  ST_EXPECT_EQ_INT(L->t[1].kind, ST_TOK_QUESTION_DOT);
  done(L);
}

static void test_every_keyword(void) {
#define CHECK_KW(tk, text, cls) \
  if (!strcmp(#cls, "KEYWORD")) { \
    Lexed *L = lex(text); \
    ST_EXPECT_EQ_INT(L->n, 1); \
    ST_EXPECT_EQ_INT(L->t[0].kind, ST_TOK_##tk); \
    ST_EXPECT(L->t[0].v.name->token == ST_TOK_##tk); \
    done(L); \
  }
  ST_TOKENS(CHECK_KW)
#undef CHECK_KW
  /* contextual keywords are identifiers */
  Lexed *L = lex("let static async await of get set yield target implements");
  ST_EXPECT_EQ_INT(L->n, 10);
  for (int i = 0; i < L->n; i++) ST_EXPECT_EQ_INT(L->t[i].kind, ST_TOK_IDENT);
  ST_EXPECT(L->t[0].v.name == L->names.atom[ST_AST_ATOM_LET]);
  ST_EXPECT(L->t[0].v.name->flags & ST_AST_NAME_STRICT_RESERVED);
  ST_EXPECT(!(L->t[2].v.name->flags & ST_AST_NAME_STRICT_RESERVED)); /* async */
  done(L);
}

/* ---- identifiers ----------------------------------------------------------------------- */

static void test_identifiers(void) {
  Lexed *L = lex("$ _a1 \\u0061b a\\u{62}c caf\xc3\xa9 \xcf\x80 x\xcc\x81 \\u{1D49C}");
  ST_EXPECT_EQ_INT(L->n, 8);
  ST_EXPECT_EQ_STR(L->t[0].v.name->str, "$");
  ST_EXPECT_EQ_STR(L->t[1].v.name->str, "_a1");
  ST_EXPECT_EQ_STR(L->t[2].v.name->str, "ab");
  ST_EXPECT(L->t[2].flags & ST_TOKEN_ESCAPED);
  ST_EXPECT(!(L->t[1].flags & ST_TOKEN_ESCAPED));
  ST_EXPECT_EQ_STR(L->t[3].v.name->str, "abc");
  ST_EXPECT_EQ_STR(L->t[4].v.name->str, "caf\xc3\xa9");
  ST_EXPECT_EQ_STR(L->t[5].v.name->str, "\xcf\x80");
  ST_EXPECT_EQ_STR(L->t[6].v.name->str, "x\xcc\x81"); /* combining mark continues */
  ST_EXPECT_EQ_STR(L->t[7].v.name->str, "\xf0\x9d\x92\x9c"); /* math script A: ID_Start */
  done(L);
  /* the same spelling interns to the same name, escaped or not */
  L = lex("abc \\u0061bc a\\u0062c");
  ST_EXPECT(L->t[0].v.name == L->t[1].v.name && L->t[1].v.name == L->t[2].v.name);
  done(L);
  /* an escaped reserved word is an IDENT token whose name still knows it is reserved */
  L = lex("\\u0069f");
  ST_EXPECT_EQ_INT(L->t[0].kind, ST_TOK_IDENT);
  ST_EXPECT_EQ_INT(L->t[0].v.name->token, ST_TOK_IF);
  done(L);
}

static void test_identifier_errors(void) {
  const char *cases[][2] = {
      {"\\u0030abc", "Invalid Unicode escape sequence @1:1"},  /* digit cannot start */
      {"a\\u002Db", "Invalid Unicode escape sequence @1:2"},   /* '-' is not ID_Continue */
      {"a\\x41", "Invalid Unicode escape sequence @1:2"},
      {"a\\u12", "Invalid Unicode escape sequence @1:2"},
      {"a\\u{}", "Invalid Unicode escape sequence @1:2"},
      {"a\\u{110000}", "Undefined Unicode code-point @1:2"},
      {"\xe2\x82\xac", "Invalid or unexpected token @1:1"},   /* euro sign */
      {"a \xe2\x82\xac", "Invalid or unexpected token @1:3"},
      {"@", "Invalid or unexpected token @1:1"},
      {"a # b", "Invalid or unexpected token @1:3"},
  };
  for (size_t i = 0; i < ST_ARRAY_LEN(cases); i++) {
    Lexed *L = lex(cases[i][0]);
    ST_EXPECT_EQ_STR(L->err, cases[i][1]);
    done(L);
  }
}

/* ---- numbers --------------------------------------------------------------------------- */

static void test_numbers(void) {
  struct {
    const char *src;
    double value;
    int flags;
  } cases[] = {
      {"0", 0, 0}, {"123", 123, 0}, {"1.5", 1.5, 0}, {".5", 0.5, 0}, {"5.", 5, 0},
      {"1e3", 1000, 0}, {"1E-3", 0.001, 0}, {"1e+3", 1000, 0}, {"1.e2", 100, 0},
      {"0x1F", 31, 0}, {"0XfF", 255, 0}, {"0o17", 15, 0}, {"0O17", 15, 0}, {"0b101", 5, 0},
      {"0B11", 3, 0}, {"017", 15, ST_TOKEN_LEGACY_OCTAL}, {"0777", 511, ST_TOKEN_LEGACY_OCTAL},
      {"08", 8, ST_TOKEN_LEADING_ZERO}, {"09.5", 9.5, ST_TOKEN_LEADING_ZERO},
      {"019", 19, ST_TOKEN_LEADING_ZERO}, {"00", 0, ST_TOKEN_LEGACY_OCTAL},
      {"1_000", 1000, 0}, {"1_000.000_1", 1000.0001, 0}, {"1e1_0", 1e10, 0},
      {"0x_F", -1, 0} /* error, checked below */, {"0xF_F", 255, 0}, {"0b1_0", 2, 0},
      {"0o1_7", 15, 0}, {"0.1", 0.1, 0}, {"123456789012345678", 123456789012345678.0, 0},
      /* correct rounding: 2^53 + 1 rounds to even; + 3 rounds up */
      {"9007199254740993", 9007199254740992.0, 0}, {"9007199254740995", 9007199254740996.0, 0},
      {"0x20000000000001", 9007199254740992.0, 0}, {"0x20000000000003", 9007199254740996.0, 0},
      {"0x20000000000001000000001", 0x20000000000002000000000p0, 0},
      {"0b100000000000000000000000000000000000000000000000000001", 9007199254740992.0, 0},
      {"1.7976931348623157e308", 1.7976931348623157e308, 0},
      {"2.2250738585072011e-308", 2.2250738585072011e-308, 0},
      {"4.9e-324", 4.9e-324, 0}, {"2.4703282292062328e-324", 4.9e-324, 0},
      {"0.1e1", 1, 0}, {"1e-7", 1e-7, 0},
  };
  for (size_t i = 0; i < ST_ARRAY_LEN(cases); i++) {
    if (cases[i].value < 0) continue;
    Lexed *L = lex(cases[i].src);
    ST_EXPECT_EQ_STR(L->err, "");
    ST_EXPECT_EQ_INT(L->n, 1);
    ST_EXPECT_EQ_INT(L->t[0].kind, ST_TOK_NUMBER);
    if (L->t[0].v.num != cases[i].value) printf("  number %s: got %.17g\n", cases[i].src, L->t[0].v.num);
    ST_EXPECT(L->t[0].v.num == cases[i].value);
    ST_EXPECT_EQ_INT(L->t[0].flags & (ST_TOKEN_LEGACY_OCTAL | ST_TOKEN_LEADING_ZERO), cases[i].flags);
    done(L);
  }
  Lexed *L = lex("1e400 0x1p");
  ST_EXPECT(isinf(L->t[0].v.num));
  done(L);
  /* legacy octal stops before '.', so 01.toString() is a member access */
  L = lex("01.x");
  ST_EXPECT_EQ_INT(L->n, 3);
  ST_EXPECT_EQ_INT(L->t[1].kind, ST_TOK_DOT);
  done(L);
}

static void test_number_errors(void) {
  const char *cases[][2] = {
      {"1_", "Numeric separators are not allowed at the end of numeric literals @1:2"},
      {"1__0", "Only one underscore is allowed as numeric separator @1:3"},
      {"0_1", "Numeric separator can not be used after leading 0. @1:2"},
      {"08_1", "Numeric separator can not be used after leading 0. @1:3"},
      {"1._5", "Numeric separators are not allowed here @1:3"},
      {"1_.5", "Numeric separators are not allowed at the end of numeric literals @1:2"},
      {"1e_5", "Invalid or unexpected token @1:3"},
      {"0x_1", "Numeric separators are not allowed here @1:3"},
      {"0b1_", "Numeric separators are not allowed at the end of numeric literals @1:4"},
      {"0x", "Invalid or unexpected token @1:1"},
      {"0b2", "Invalid or unexpected token @1:1"},
      {"0o8", "Invalid or unexpected token @1:1"},
      {"0b12", "Invalid or unexpected token @1:4"},
      {"3in", "Invalid or unexpected token @1:2"},
      {"3.14.x", ""}, /* 3.14 then .x : a member access, fine for the lexer */
      {"1n", "BigInt literals are not supported @1:2"},
      {"0x1Fn", "BigInt literals are not supported @1:5"},
      {"1.e", "Invalid or unexpected token @1:1"},
      {".5e+", "Invalid or unexpected token @1:1"},
      {"1\\u0061", "Invalid or unexpected token @1:2"},
      {"1\xcf\x80", "Invalid or unexpected token @1:2"},
  };
  for (size_t i = 0; i < ST_ARRAY_LEN(cases); i++) {
    Lexed *L = lex(cases[i][0]);
    ST_EXPECT_EQ_STR(L->err, cases[i][1]);
    done(L);
  }
}

/* ---- strings --------------------------------------------------------------------------- */

static void test_string_escapes(void) {
  struct {
    const char *src, *value;
    int flags;
  } cases[] = {
      {"'abc'", "abc", 0},
      {"\"a'b\"", "a'b", 0},
      {"'a\\'b'", "a'b", ST_TOKEN_ESCAPED},
      {"'\\n\\t\\r\\b\\f\\v'", "\\u000a\\u0009\\u000d\\u0008\\u000c\\u000b", ST_TOKEN_ESCAPED},
      {"'\\0'", "\\u0000", ST_TOKEN_ESCAPED},
      {"'\\x41\\x7a'", "Az", ST_TOKEN_ESCAPED},
      {"'\\u0041\\u00e9'", "A\\u00e9", ST_TOKEN_ESCAPED},
      {"'\\u{41}\\u{1F600}'", "A\\ud83d\\ude00", ST_TOKEN_ESCAPED},
      {"'\\u{10FFFF}'", "\\udbff\\udfff", ST_TOKEN_ESCAPED},
      {"'\\u{0000000041}'", "A", ST_TOKEN_ESCAPED},
      {"'\\uD800'", "\\ud800", ST_TOKEN_ESCAPED}, /* lone surrogate */
      {"'a\\\nb'", "ab", ST_TOKEN_ESCAPED},         /* line continuations */
      {"'a\\\r\nb'", "ab", ST_TOKEN_ESCAPED},
      {"'a\\\rb'", "ab", ST_TOKEN_ESCAPED},
      {"'a\\\xe2\x80\xa8" "b'", "ab", ST_TOKEN_ESCAPED},
      {"'a\xe2\x80\xa8" "b'", "a\\u2028b", 0}, /* raw LS, PS allowed */
      {"'a\xe2\x80\xa9" "b'", "a\\u2029b", 0},
      {"'\\q\\\"\\\\'", "q\"\\u005c", ST_TOKEN_ESCAPED},
      {"'\\101'", "A", ST_TOKEN_ESCAPED | ST_TOKEN_OCTAL_ESCAPE},
      {"'\\1'", "\\u0001", ST_TOKEN_ESCAPED | ST_TOKEN_OCTAL_ESCAPE},
      {"'\\08'", "\\u00008", ST_TOKEN_ESCAPED | ST_TOKEN_OCTAL_ESCAPE},
      {"'\\377\\400'", "\\u00ff 0", ST_TOKEN_ESCAPED | ST_TOKEN_OCTAL_ESCAPE},
      {"'\\8\\9'", "89", ST_TOKEN_ESCAPED | ST_TOKEN_ESCAPE_89},
      {"'caf\xc3\xa9'", "caf\\u00e9", 0},
      {"'\xf0\x9f\x98\x80'", "\\ud83d\\ude00", 0},
      {"'\xff'", "\\ufffd", 0},              /* invalid UTF-8 in a string: U+FFFD */
      {"'\xe2\x82'", "\\ufffd", 0},          /* truncated sequence */
      {"'\xed\xa0\x80'", "\\ufffd\\ufffd\\ufffd", 0}, /* encoded surrogate: three subparts */
      {"'\\\xc3\xa9'", "\\u00e9", ST_TOKEN_ESCAPED},
  };
  for (size_t i = 0; i < ST_ARRAY_LEN(cases); i++) {
    Lexed *L = lex(cases[i].src);
    ST_EXPECT_EQ_STR(L->err, "");
    ST_EXPECT_EQ_INT(L->n, 1);
    if (L->n == 1) {
      ST_EXPECT_EQ_INT(L->t[0].kind, ST_TOK_STRING);
      ST_EXPECT_EQ_STR(str16(L->t[0].v.str), cases[i].value);
      ST_EXPECT_EQ_INT(L->t[0].flags, cases[i].flags);
    }
    done(L);
  }
  /* '\\377\\400' is \377 then \40 then '0' */
  Lexed *L = lex("'\\0'");
  ST_EXPECT(L->t[0].v.str.one_byte);
  done(L);
  L = lex("'\\u0100'");
  ST_EXPECT(!L->t[0].v.str.one_byte);
  done(L);
  /* NUL bytes are fine inside strings */
  L = lex_n("'a\0b'", 5);
  ST_EXPECT_EQ_STR(str16(L->t[0].v.str), "a\\u0000b");
  done(L);
  /* the position of the first octal escape is kept for strict mode errors */
  L = lex("'ab\\8\\1'");
  ST_EXPECT_EQ_INT(L->t[0].octal.col, 4);
  done(L);
}

static void test_string_errors(void) {
  const char *cases[][2] = {
      {"'abc", "Invalid or unexpected token @1:1"},
      {"'ab\nc'", "Invalid or unexpected token @1:1"},
      {"'ab\rc'", "Invalid or unexpected token @1:1"},
      {"x = \"abc\\", "Invalid or unexpected token @1:5"},
      {"'\\x4'", "Invalid hexadecimal escape sequence @1:2"},
      {"'\\xg0'", "Invalid hexadecimal escape sequence @1:2"},
      {"'\\u12'", "Invalid Unicode escape sequence @1:2"},
      {"'\\u{110000}'", "Undefined Unicode code-point @1:2"},
      {"'\\u{12'", "Invalid Unicode escape sequence @1:2"},
      {"'\\u{}'", "Invalid Unicode escape sequence @1:2"},
      {"'\xc3\xa9\\x'", "Invalid hexadecimal escape sequence @1:3"},
  };
  for (size_t i = 0; i < ST_ARRAY_LEN(cases); i++) {
    Lexed *L = lex(cases[i][0]);
    ST_EXPECT_EQ_STR(L->err, cases[i][1]);
    done(L);
  }
}

/* ---- templates ------------------------------------------------------------------------- */

static void test_templates(void) {
  Lexed *L = lex("`a${x}b${ {y} }c`");
  int want[] = {ST_TOK_TEMPLATE_HEAD, ST_TOK_IDENT, ST_TOK_TEMPLATE_MIDDLE, ST_TOK_LBRACE,
                ST_TOK_IDENT, ST_TOK_RBRACE, ST_TOK_TEMPLATE_TAIL};
  ST_EXPECT_EQ_INT(L->n, 7);
  for (int i = 0; i < 7 && i < L->n; i++) ST_EXPECT_EQ_INT(L->t[i].kind, want[i]);
  ST_EXPECT_EQ_STR(str16(L->t[0].v.str), "a");
  ST_EXPECT_EQ_STR(str16(L->t[2].v.str), "b");
  ST_EXPECT_EQ_STR(str16(L->t[6].v.str), "c");
  done(L);
  /* cooked vs raw; CR and CRLF become LF in both */
  L = lex("`\\n\\x41\\u{42}\r\n\rz\\\nq`");
  ST_EXPECT_EQ_INT(L->t[0].kind, ST_TOK_TEMPLATE);
  ST_EXPECT_EQ_STR(str16(L->t[0].v.str), "\\u000aAB\\u000a\\u000azq");
  ST_EXPECT_EQ_STR(str16(L->t[0].raw), "\\u005cn\\u005cx41\\u005cu{42}\\u000a\\u000az\\u005c\\u000aq");
  done(L);
  /* line numbers advance inside templates */
  L = lex("`a\nb\nc` x");
  ST_EXPECT_EQ_INT(L->t[1].line, 3);
  done(L);
  L = lex("`a\\n\\nb` x"); /* escapes, not line terminators */
  ST_EXPECT_EQ_INT(L->t[1].line, 1);
  done(L);
  L = lex("`a\r\n\rb` x");
  ST_EXPECT_EQ_INT(L->t[1].line, 3);
  ST_EXPECT_EQ_INT(L->t[1].col, 4);
  done(L);
  /* `$` alone and `{` alone are text */
  L = lex("`$ { $}`");
  ST_EXPECT_EQ_INT(L->t[0].kind, ST_TOK_TEMPLATE);
  ST_EXPECT_EQ_STR(str16(L->t[0].v.str), "$ { $}");
  done(L);
  const char *errors[][2] = {
      {"`\\01`", "Octal escape sequences are not allowed in template strings. @1:2"},
      {"`\\1`", "Octal escape sequences are not allowed in template strings. @1:2"},
      {"`\\8`", "\\8 and \\9 are not allowed in template strings. @1:2"},
      {"`\\x4`", "Invalid hexadecimal escape sequence @1:2"},
      {"`abc", "Unterminated template literal @1:1"},
      {"`a${b}c", "Unterminated template literal @1:6"},
      {"x\n`a\n", "Unterminated template literal @2:1"},
  };
  for (size_t i = 0; i < ST_ARRAY_LEN(errors); i++) {
    L = lex(errors[i][0]);
    ST_EXPECT_EQ_STR(L->err, errors[i][1]);
    done(L);
  }
  /* \0 not followed by a digit is fine in templates */
  L = lex("`\\0`");
  ST_EXPECT_EQ_STR(L->err, "");
  ST_EXPECT_EQ_STR(str16(L->t[0].v.str), "\\u0000");
  done(L);
}

/* ---- trivia, line terminators, positions ----------------------------------------------- */

static void test_newlines_and_comments(void) {
  Lexed *L = lex("a // c\nb /* x */ c /* \n */ d\re\r\nf\xe2\x80\xa8g\xe2\x80\xa9h");
  ST_EXPECT_EQ_INT(L->n, 8);
  int nl[] = {0, 1, 0, 1, 1, 1, 1, 1};
  int line[] = {1, 2, 2, 3, 4, 5, 6, 7};
  for (int i = 0; i < 8 && i < L->n; i++) {
    ST_EXPECT_EQ_INT((L->t[i].flags & ST_TOKEN_NL_BEFORE) != 0, nl[i]);
    ST_EXPECT_EQ_INT(L->t[i].line, line[i]);
  }
  ST_EXPECT_EQ_INT(L->t[3].col, 5); /* d follows the comment's end on line 3 */
  done(L);
  /* a comment running to the end, a hashbang line, white space kinds */
  L = lex("#!/usr/bin/env node\n\t\v\f\xc2\xa0\xef\xbb\xbf\xe3\x80\x80x // end");
  ST_EXPECT_EQ_INT(L->n, 1);
  ST_EXPECT_EQ_INT(L->t[0].line, 2);
  ST_EXPECT_EQ_INT(L->t[0].col, 7);
  done(L);
  L = lex("x #!y");
  ST_EXPECT_EQ_STR(L->err, "Invalid or unexpected token @1:3");
  done(L);
  L = lex("a /* never closed");
  ST_EXPECT_EQ_STR(L->err, "Invalid or unexpected token @1:3");
  done(L);
  L = lex("a\n /* \xc3\xa9\n never closed");
  ST_EXPECT_EQ_STR(L->err, "Invalid or unexpected token @2:2");
  done(L);
}

static void test_columns_are_utf16(void) {
  /* e-acute is 2 bytes, 1 unit; the emoji is 4 bytes, 2 units; tabs count 1 */
  Lexed *L = lex("'\xc3\xa9' x '\xf0\x9f\x98\x80' y\t/*\xf0\x9f\x98\x80*/z");
  ST_EXPECT_EQ_INT(L->t[1].col, 5);
  ST_EXPECT_EQ_INT(L->t[1].offset, 5);
  ST_EXPECT_EQ_INT(L->t[3].col, 12);
  ST_EXPECT_EQ_INT(L->t[3].offset, 14);
  ST_EXPECT_EQ_INT(L->t[4].col, 20);
  done(L);
  /* a column resets on each line; invalid bytes count one unit per maximal subpart */
  L = lex("x\n'\xff\xfe' y");
  ST_EXPECT_EQ_INT(L->t[1].line, 2);
  ST_EXPECT_EQ_INT(L->t[2].col, 6);
  done(L);
  L = lex("\xcf\x80 \xcf\x80");
  ST_EXPECT_EQ_INT(L->t[1].col, 3);
  ST_EXPECT_EQ_INT(L->t[1].offset, 3);
  done(L);
}

static void test_bad_bytes(void) {
  Lexed *L = lex_n("a\0b", 3);
  ST_EXPECT_EQ_STR(L->err, "Invalid or unexpected token @1:2");
  done(L);
  L = lex("a \xff");
  ST_EXPECT_EQ_STR(L->err, "Invalid or unexpected token @1:3");
  done(L);
  L = lex("\xc0\x80");
  ST_EXPECT_EQ_STR(L->err, "Invalid or unexpected token @1:1");
  done(L);
  /* in comments invalid UTF-8 and NUL are fine */
  static const char nul_in_comment[] = "a /* \xff\0 */ b // \xfe";
  L = lex_n(nul_in_comment, sizeof nul_in_comment - 1);
  ST_EXPECT_EQ_STR(L->err, "");
  ST_EXPECT_EQ_INT(L->n, 2);
  done(L);
  /* every token after the first error is EOF */
  L = lex("a @ b c");
  ST_EXPECT_EQ_INT(L->n, 1);
  ST_EXPECT(L->lx.failed);
  done(L);
  /* a truncated escape at the very end never reads past the buffer */
  const char *tails[] = {"'\\", "'\\x", "'\\u{", "`\\u", "a\\u", "0x", "1e", "'\\1", "/*"};
  for (size_t i = 0; i < ST_ARRAY_LEN(tails); i++) {
    size_t n = strlen(tails[i]);
    char *heap = malloc(n); /* exact size: ASan catches any overread */
    memcpy(heap, tails[i], n);
    L = lex_n(heap, n);
    ST_EXPECT(L->err[0] != 0);
    done(L);
    free(heap);
  }
}

/* ---- --print-tokens -------------------------------------------------------------------- */

static void test_print_tokens(void) {
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  StDiagList d = {0};
  const char *src = "let x = `a${1}b` ?? 'q'\n  \\u0069f";
  bool ok = st_lexer_print_tokens(out, src, strlen(src), &d);
  fclose(out);
  ST_EXPECT(ok);
  ST_EXPECT_EQ_STR(buf, "1:1 IDENT let\n"
                        "1:5 IDENT x\n"
                        "1:7 ASSIGN\n"
                        "1:9 TEMPLATE_HEAD \"a\" raw=\"a\"\n"
                        "1:13 NUMBER 1\n"
                        "1:14 TEMPLATE_TAIL \"b\" raw=\"b\"\n"
                        "1:18 NULLISH\n"
                        "1:21 STRING \"q\"\n"
                        "2:3 IDENT if [nl] [escaped]\n"
                        "2:10 EOF\n");
  free(buf);
  st_diag_free(&d);
  /* a regular expression where an expression starts */
  buf = NULL;
  out = open_memstream(&buf, &len);
  src = "x = a / b; y = /re/g";
  ok = st_lexer_print_tokens(out, src, strlen(src), &d);
  fclose(out);
  ST_EXPECT(!ok);
  ST_EXPECT(d.items.len == 1 && !strcmp(d.items.data[0].message, "Regular expression literals are not supported yet"));
  ST_EXPECT(d.items.len == 1 && d.items.data[0].col == 16);
  free(buf);
  st_diag_free(&d);
}

/* The line table (frontend/lines.h) the lexer fills gives back every token's line and column from
 * its offset alone: long lines mixing ASCII runs with non-ASCII identifiers, strings, comments,
 * invalid bytes, emoji and U+2028 in strings, CRLF and multi-line templates, asked in source order
 * and backwards. */
static void test_line_table(void) {
  static const char *const frag[] = {
      "a",
      " ",
      "\xc3\xa9",
      "'\xf0\x9f\x98\x80'",
      "/* \xc3\xa9\xe2\x82\xac */",
      "'\xff\xfe\xc3'",
      "xyz_a_long_identifier_name_",
      "+",
      ";",
      "'\xe2\x80\xa8'",
      "`t\n\xc3\xa9${b}\xc3\xa9`",
      "\n",
      "\r\n",
      "/*\xe2\x80\xa9*/",
      "\xf0\x9d\x91\x8e",
      "0x1F",
  };
  enum { NFRAG = sizeof frag / sizeof frag[0] };
  size_t cap = 1 << 17, len = 0;
  char *src = malloc(cap);
  uint32_t rng = 12345;
  while (len + 64 < cap) {
    rng = rng * 1103515245u + 12345u;
    uint32_t k = (rng >> 16) % (NFRAG * 8);
    /* mostly ASCII, newlines rare (long lines), the rest evenly */
    uint32_t f = k < NFRAG * 5 ? (k % 2 ? 0 : 1) : k < NFRAG * 6 ? 6 + k % 3 : k % NFRAG;
    if (f >= 9 && f <= 13 && (rng & 0x1F00)) f = 8;
    size_t n = strlen(frag[f]);
    /* keep tokens apart: a separator after every fragment */
    memcpy(src + len, frag[f], n);
    len += n;
    src[len++] = ' ';
  }
  StArena arena;
  StNameTable names;
  StDiagList diags = {0};
  StLexer lx;
  st_arena_init(&arena);
  st_ast_names_init(&names, &arena);
  st_lexer_init(&lx, src, len, &arena, &names, &diags);
  StVec(StToken) toks = {0};
  int subst[64], nsubst = 0, depth = 0;
  for (;;) {
    StToken t;
    st_lexer_next(&lx, &t);
    if (t.kind == ST_TOK_RBRACE && nsubst && subst[nsubst - 1] == depth) {
      nsubst--;
      st_lexer_template_continue(&lx, &t);
    }
    if (t.kind == ST_TOK_TEMPLATE_HEAD && nsubst < 64) subst[nsubst++] = depth;
    if (t.kind == ST_TOK_EOF) break;
    st_vec_push(&toks, t);
  }
  ST_EXPECT_EQ_INT(diags.items.len, 0);
  ST_EXPECT(toks.len > 10000);
  ST_EXPECT(lx.lines.nwide > 100); /* checkpoints were needed */
  ST_EXPECT(lx.lines.nlines > 20);
  uint32_t bad = 0, max_col = 0;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t j = 0; j < toks.len; j++) {
      const StToken *t = &toks.data[pass ? toks.len - 1 - j : j];
      StPos pos = st_lines_pos(&lx.lines, t->offset);
      if (pos.line != t->line || pos.col != t->col) {
        if (!bad++)
          fprintf(stderr, "offset %u: table %u:%u, lexer %u:%u\n", t->offset, pos.line, pos.col,
                  t->line, t->col);
      }
      if (t->col > max_col) max_col = t->col;
    }
  }
  ST_EXPECT_EQ_INT(bad, 0);
  ST_EXPECT(max_col > 4 * ST_LINES_STEP); /* lines long enough for several checkpoints */
  /* the frozen copy answers the same */
  StLineTable *frozen = st_lines_freeze(&lx.lines, &arena);
  for (size_t j = 0; j < toks.len; j += 7) {
    StPos pos = st_lines_pos(frozen, toks.data[j].offset);
    if (pos.line != toks.data[j].line || pos.col != toks.data[j].col) bad++;
  }
  ST_EXPECT_EQ_INT(bad, 0);
  st_vec_free(&toks);
  st_lexer_free(&lx);
  st_diag_free(&diags);
  st_arena_free(&arena);
  free(src);
}

int main(void) {
  ST_RUN(test_every_punctuator);
  ST_RUN(test_longest_match);
  ST_RUN(test_every_keyword);
  ST_RUN(test_identifiers);
  ST_RUN(test_identifier_errors);
  ST_RUN(test_numbers);
  ST_RUN(test_number_errors);
  ST_RUN(test_string_escapes);
  ST_RUN(test_string_errors);
  ST_RUN(test_templates);
  ST_RUN(test_newlines_and_comments);
  ST_RUN(test_columns_are_utf16);
  ST_RUN(test_bad_bytes);
  ST_RUN(test_print_tokens);
  ST_RUN(test_line_table);
  return st_check_report();
}

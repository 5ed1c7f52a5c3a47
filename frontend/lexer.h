/* frontend/lexer.h: source bytes -> tokens, on demand.
 *
 * The parser asks for one token at a time (st_lexer_next) and never more than one ahead, so
 * the lexer never scans past a point where the parser would need to rescan in another mode:
 * after a `/` where a regular expression could start (reported as unsupported by the parser)
 * and after the `}` that ends a template substitution (st_lexer_template_continue).
 *
 * Invariants:
 *  - The source is bytes decoded as UTF-8; an invalid sequence decodes as U+FFFD (one per
 *    maximal invalid subpart, as the WHATWG decoder and node do). That is allowed in strings,
 *    templates and comments and an error elsewhere. The source need not be NUL-terminated and
 *    may contain NUL bytes: the lexer never reads outside [src, src + len).
 *  - Positions: line is 1-based; col is 1-based in UTF-16 code units from the start of the
 *    line (a non-BMP character counts 2); offset is the byte offset. Line terminators are LF,
 *    CR, CRLF (one terminator), U+2028 and U+2029.
 *  - The first error is recorded in the diagnostics and ends the token stream: from then on
 *    every token is EOF and `failed` is set. The parser records its own errors through
 *    st_lexer_fail, so "first error" means first of either.
 *  - Token values live in the arena: string and template values as UTF-16 (StStr), identifier
 *    names interned in the name table. Scratch buffers are reused, so lexing does no malloc per
 *    token; it allocates in the arena only for string and template values.
 *  - Strictness is the parser's business: the lexer flags legacy octal literals and escapes
 *    (ST_TOKEN_LEGACY_OCTAL, ST_TOKEN_OCTAL_ESCAPE ...) and the parser rejects them in strict
 *    code, which also handles a "use strict" directive that follows such a string.
 */
#ifndef ST_FRONTEND_LEXER_H
#define ST_FRONTEND_LEXER_H

#include "frontend/ast.h"
#include "frontend/lines.h"
#include "frontend/token.h"
#include "support/diag.h"
#include "support/vec.h"

#include <stdio.h>

/* StToken.flags */
enum {
  ST_TOKEN_NL_BEFORE = 1 << 0,    /* a line terminator between the previous token and this one */
  ST_TOKEN_ESCAPED = 1 << 1,      /* identifier with \u escapes; string with any escape or
                                     line continuation (a directive must have none) */
  ST_TOKEN_LEGACY_OCTAL = 1 << 2, /* number 017 */
  ST_TOKEN_LEADING_ZERO = 1 << 3, /* number 08, 09.5: decimal with a leading zero */
  ST_TOKEN_OCTAL_ESCAPE = 1 << 4, /* string with \1..\7 or \0 followed by a digit */
  ST_TOKEN_ESCAPE_89 = 1 << 5,    /* string with \8 or \9 */
};

typedef struct StToken {
  uint16_t kind;     /* StTokenKind */
  uint16_t flags;    /* ST_TOKEN_* */
  uint32_t line, col, offset;
  uint32_t end;      /* byte offset just past the token */
  union {
    double num;         /* NUMBER */
    const StName *name; /* IDENT (also reserved words: name->token), PRIVATE_NAME (without #) */
    StStr str;          /* STRING; cooked value of template pieces */
  } v;
  StStr raw;         /* template pieces: the raw text */
  StPos octal;       /* STRING with OCTAL_ESCAPE or ESCAPE_89: where the first one is */
} StToken;

typedef struct StLexer {
  const uint8_t *src, *cur, *end;
  const uint8_t *line_start;
  uint32_t line;
  uint32_t col_adjust; /* UTF-8 bytes minus UTF-16 units of the characters between line_start
                          and cur, so col = cur - line_start - col_adjust + 1 */
  bool failed;
  StLineTable lines; /* line starts and column checkpoints of what was scanned so far */
  StArena *arena;
  StNameTable *names;
  StDiagList *diags;
  StVec(uint16_t) cooked; /* scratch: string and template values */
  StVec(uint16_t) raw;    /* scratch: template raw text */
  StVec(char) chars;      /* scratch: identifiers with escapes, numbers to convert */
} StLexer;

/* src[0..len) must outlive the lexer and every token. A leading #! line is skipped. */
void st_lexer_init(StLexer *lx, const char *src, size_t len, StArena *arena, StNameTable *names,
                   StDiagList *diags);
void st_lexer_free(StLexer *lx);

/* Scans the next token into *t. */
void st_lexer_next(StLexer *lx, StToken *t);

/* t is the RBRACE that ends a template substitution (and the last token scanned): rescans
 * from just after it as the rest of the template, giving TEMPLATE_MIDDLE or TEMPLATE_TAIL. */
void st_lexer_template_continue(StLexer *lx, StToken *t);

/* Records an error at pos unless one was recorded already, and ends the token stream. */
void st_lexer_fail(StLexer *lx, StDiagKind kind, StPos pos, const char *fmt, ...)
    ST_PRINTF(4, 5);

ST_INLINE StPos st_lexer_token_pos(const StToken *t) {
  StPos p = {t->line, t->col, t->offset};
  return p;
}

/* "LBRACE", "IDENT" ...: the table's names; and the source text "{" or a description. */
const char *st_lexer_token_name(int kind);
const char *st_lexer_token_text(int kind);

/* --print-tokens: one token per line, "line:col KIND value", then a final EOF line. `/` where
 * an expression could start is reported as an unsupported regular expression (judged from the
 * previous token, as the parser would). Returns false after an error (recorded in diags). */
bool st_lexer_print_tokens(FILE *out, const char *src, size_t len, StDiagList *diags);

#endif

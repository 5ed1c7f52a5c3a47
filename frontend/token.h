/* frontend/token.h: token kinds as one table, ST_TOKENS(X).
 *
 * Each row is X(NAME, "text", class): NAME gives ST_TOK_<NAME>; "text" is the source spelling
 * for punctuators and reserved words (what "Unexpected token '...'" shows) or a description for
 * the other kinds; class says which group the row belongs to.
 *
 * Invariants the lexer and parser rely on:
 *  - Reserved words (class KEYWORD) are exactly the ECMAScript ReservedWord set. Contextual
 *    keywords (let, static, async, await, of, get, set, yield, target, implements, ...) are
 *    IDENT tokens; the parser compares their interned StName against the well-known names of
 *    the name table (frontend/ast.h), so a contextual check is one pointer comparison.
 *  - A reserved word written with escapes (`\u0069f`) is lexed as IDENT with `escaped` set: it
 *    is a valid property name but never a keyword or an identifier (the parser reports it).
 *  - There is no regular-expression token: `/` and `/=` are always SLASH and SLASH_ASSIGN; the
 *    parser, which knows where a regular expression could start, reports it as unsupported.
 *  - Template literals come in pieces: TEMPLATE (no substitutions), or TEMPLATE_HEAD, then
 *    (after each substitution's `}`, rescanned on the parser's request) TEMPLATE_MIDDLE ... and
 *    TEMPLATE_TAIL.
 */
#ifndef ST_FRONTEND_TOKEN_H
#define ST_FRONTEND_TOKEN_H

#include "support/common.h"

#define ST_TOKENS(X) \
  /* special and literals */ \
  X(EOF, "end of input", OTHER) \
  X(IDENT, "identifier", OTHER) \
  X(PRIVATE_NAME, "private name", OTHER) \
  X(NUMBER, "number", OTHER) \
  X(STRING, "string", OTHER) \
  X(TEMPLATE, "template string", OTHER) \
  X(TEMPLATE_HEAD, "template string", OTHER) \
  X(TEMPLATE_MIDDLE, "template string", OTHER) \
  X(TEMPLATE_TAIL, "template string", OTHER) \
  /* punctuators */ \
  X(LBRACE, "{", PUNCT) \
  X(RBRACE, "}", PUNCT) \
  X(LPAREN, "(", PUNCT) \
  X(RPAREN, ")", PUNCT) \
  X(LBRACKET, "[", PUNCT) \
  X(RBRACKET, "]", PUNCT) \
  X(DOT, ".", PUNCT) \
  X(ELLIPSIS, "...", PUNCT) \
  X(SEMICOLON, ";", PUNCT) \
  X(COMMA, ",", PUNCT) \
  X(QUESTION, "?", PUNCT) \
  X(QUESTION_DOT, "?.", PUNCT) \
  X(COLON, ":", PUNCT) \
  X(ARROW, "=>", PUNCT) \
  X(LT, "<", PUNCT) \
  X(GT, ">", PUNCT) \
  X(LE, "<=", PUNCT) \
  X(GE, ">=", PUNCT) \
  X(EQ, "==", PUNCT) \
  X(NE, "!=", PUNCT) \
  X(EQ_STRICT, "===", PUNCT) \
  X(NE_STRICT, "!==", PUNCT) \
  X(PLUS, "+", PUNCT) \
  X(MINUS, "-", PUNCT) \
  X(STAR, "*", PUNCT) \
  X(SLASH, "/", PUNCT) \
  X(PERCENT, "%", PUNCT) \
  X(STAR_STAR, "**", PUNCT) \
  X(INC, "++", PUNCT) \
  X(DEC, "--", PUNCT) \
  X(SHL, "<<", PUNCT) \
  X(SAR, ">>", PUNCT) \
  X(SHR, ">>>", PUNCT) \
  X(AMP, "&", PUNCT) \
  X(PIPE, "|", PUNCT) \
  X(CARET, "^", PUNCT) \
  X(BANG, "!", PUNCT) \
  X(TILDE, "~", PUNCT) \
  X(AND_AND, "&&", PUNCT) \
  X(OR_OR, "||", PUNCT) \
  X(NULLISH, "??", PUNCT) \
  X(ASSIGN, "=", PUNCT) \
  X(PLUS_ASSIGN, "+=", PUNCT) \
  X(MINUS_ASSIGN, "-=", PUNCT) \
  X(STAR_ASSIGN, "*=", PUNCT) \
  X(SLASH_ASSIGN, "/=", PUNCT) \
  X(PERCENT_ASSIGN, "%=", PUNCT) \
  X(STAR_STAR_ASSIGN, "**=", PUNCT) \
  X(SHL_ASSIGN, "<<=", PUNCT) \
  X(SAR_ASSIGN, ">>=", PUNCT) \
  X(SHR_ASSIGN, ">>>=", PUNCT) \
  X(AMP_ASSIGN, "&=", PUNCT) \
  X(PIPE_ASSIGN, "|=", PUNCT) \
  X(CARET_ASSIGN, "^=", PUNCT) \
  X(AND_AND_ASSIGN, "&&=", PUNCT) \
  X(OR_OR_ASSIGN, "||=", PUNCT) \
  X(NULLISH_ASSIGN, "?\?=", PUNCT) \
  /* reserved words */ \
  X(BREAK, "break", KEYWORD) \
  X(CASE, "case", KEYWORD) \
  X(CATCH, "catch", KEYWORD) \
  X(CLASS, "class", KEYWORD) \
  X(CONST, "const", KEYWORD) \
  X(CONTINUE, "continue", KEYWORD) \
  X(DEBUGGER, "debugger", KEYWORD) \
  X(DEFAULT, "default", KEYWORD) \
  X(DELETE, "delete", KEYWORD) \
  X(DO, "do", KEYWORD) \
  X(ELSE, "else", KEYWORD) \
  X(ENUM, "enum", KEYWORD) \
  X(EXPORT, "export", KEYWORD) \
  X(EXTENDS, "extends", KEYWORD) \
  X(FALSE, "false", KEYWORD) \
  X(FINALLY, "finally", KEYWORD) \
  X(FOR, "for", KEYWORD) \
  X(FUNCTION, "function", KEYWORD) \
  X(IF, "if", KEYWORD) \
  X(IMPORT, "import", KEYWORD) \
  X(IN, "in", KEYWORD) \
  X(INSTANCEOF, "instanceof", KEYWORD) \
  X(NEW, "new", KEYWORD) \
  X(NULL, "null", KEYWORD) \
  X(RETURN, "return", KEYWORD) \
  X(SUPER, "super", KEYWORD) \
  X(SWITCH, "switch", KEYWORD) \
  X(THIS, "this", KEYWORD) \
  X(THROW, "throw", KEYWORD) \
  X(TRUE, "true", KEYWORD) \
  X(TRY, "try", KEYWORD) \
  X(TYPEOF, "typeof", KEYWORD) \
  X(VAR, "var", KEYWORD) \
  X(VOID, "void", KEYWORD) \
  X(WHILE, "while", KEYWORD) \
  X(WITH, "with", KEYWORD)

typedef enum StTokenKind {
#define ST_TOKEN_ENUM(name, text, cls) ST_TOK_##name,
  ST_TOKENS(ST_TOKEN_ENUM)
#undef ST_TOKEN_ENUM
  ST_TOK__COUNT
} StTokenKind;

/* The first and last reserved word, for range checks (the table keeps them contiguous). */
#define ST_TOK_FIRST_KEYWORD ST_TOK_BREAK
#define ST_TOK_LAST_KEYWORD ST_TOK_WITH

static inline bool st_token_is_keyword(int kind) {
  return kind >= ST_TOK_FIRST_KEYWORD && kind <= ST_TOK_LAST_KEYWORD;
}

/* An assignment operator: ASSIGN .. NULLISH_ASSIGN are contiguous in the table. */
static inline bool st_token_is_assign_op(int kind) {
  return kind >= ST_TOK_ASSIGN && kind <= ST_TOK_NULLISH_ASSIGN;
}

#endif

/* frontend/parser_internal.h: state shared by the parser's files; nothing outside frontend/
 * includes it.
 *
 *   parser.c          driver, statements, directive prologues, redeclaration errors, labels
 *   parser_func.c     functions, arrows, methods, classes
 *   parser_expr.c     expressions (precedence climbing), literals, templates
 *   parser_pattern.c  binding patterns, cover grammar -> pattern conversion, targets
 *
 * Invariants:
 *  - `tok` is the current token; at most one token of lookahead (`ahead`) exists, and only
 *    while the current token is an identifier or keyword, never a `}` or `/`, so the lexer is
 *    never ahead of a template continuation or a regular expression.
 *  - After the first error the lexer is at its end and `tok` is EOF: every loop that reads a
 *    list stops at EOF, so an error unwinds without longjmp, and parse functions still return
 *    a non-NULL node (error_node) wherever a child is required.
 *  - `depth` counts the recursive parse calls that can nest without bound (assignment
 *    expressions, which every bracket, brace, parenthesis, argument and arrow body goes through;
 *    statements; prefix operators; `**`; `new new ...`; binding patterns). It bounds the C
 *    stack: ST_PARSER_MAX_NESTING levels, and a byte budget as a backstop for builds with big
 *    frames. The tree's depth is checked exactly after parsing (left-nested chains like a+b+...
 *    nest without recursion), against ST_AST_MAX_DEPTH.
 *  - Declarations: each name's StName.user points to its innermost StDeclEntry (a stack sorted
 *    by scope index, innermost first); every entry is also on its scope's list and leaves the
 *    name's stack when that scope is popped, so after parsing every user pointer is NULL again.
 *  - `cover` holds the first error that is only an error if the expression does not become a
 *    pattern (`{a = 1}`, duplicate __proto__). Assignment expressions pass it up only from an
 *    unparenthesized object or array literal whose caller can still reinterpret it.
 */
#ifndef ST_FRONTEND_PARSER_INTERNAL_H
#define ST_FRONTEND_PARSER_INTERNAL_H

#include "frontend/lexer.h"
#include "frontend/parser.h"
#include "support/vec.h"

/* Recursion limit: one level is about 500 bytes of C stack in an optimized build (a
 * parenthesized expression goes through 8 frames), so about 500 KB at the limit. V8 gives up
 * between 1,000 and 2,000 nested parentheses. */
#define ST_PARSER_MAX_NESTING 1000
/* C stack budget, a backstop for builds with larger frames (-O0: 1.1 KB a level; sanitizers). */
#define ST_PARSER_STACK_BUDGET (768u * 1024u)

/* Kinds of declarations, for redeclaration errors. */
typedef enum StDeclKindP {
  ST_PDECL_NONE,          /* parse only, declare later (arrow parameters seen as rest) */
  ST_PDECL_VAR,           /* var, and function declarations at function or script top level */
  ST_PDECL_LEXICAL,       /* let, const, class; functions in blocks in strict code */
  ST_PDECL_BLOCK_FUNCTION,/* function in a block, sloppy mode: may repeat (Annex B) */
  ST_PDECL_PARAM,
  ST_PDECL_CATCH_SIMPLE,  /* catch (e): a var e in the block is allowed (Annex B) */
  ST_PDECL_CATCH_PATTERN, /* catch ([e]): it is not */
} StDeclKindP;

typedef enum StScopeKindP { ST_PSCOPE_FUNCTION, ST_PSCOPE_BLOCK } StScopeKindP;

typedef struct StDeclEntry {
  StName *name;
  uint32_t scope;                  /* index in StParser.scopes */
  uint8_t kind;                    /* StDeclKindP */
  struct StDeclEntry *below;       /* next outer declaration of the same name */
  struct StDeclEntry *next_in_scope;
} StDeclEntry;

typedef struct StDeclScope {
  uint8_t kind; /* StScopeKindP */
  StDeclEntry *decls;
} StDeclScope;

typedef struct StLabelEntry {
  const StName *name;
  StNode *stmt;  /* the LABELED node */
  StNode *loop;  /* the loop it labels (directly or through other labels), or NULL */
} StLabelEntry;

/* Uses recorded by offset so that arrow parameters, parsed before the arrow is known, can
 * still give the arrow its USES_* flags. */
enum { ST_PUSE_THIS, ST_PUSE_ARGUMENTS, ST_PUSE_SUPER_PROP, ST_PUSE_SUPER_CALL,
       ST_PUSE_NEW_TARGET, ST_PUSE__COUNT };

/* One per function being parsed (the script has one with fn == NULL). */
typedef struct StFnCtx {
  struct StFnCtx *up;
  StAstFunction *fn;        /* NULL for the script */
  StProgram *program;    /* the script's ctx only */
  bool arrow, async;
  bool in_params;        /* parsing this function's parameter list */
  uint8_t method_kind;   /* StMethodKind */
  uint32_t scope_index;  /* its function scope */
  uint32_t label_base;   /* labels and breakables of enclosing functions are out of reach */
  uint32_t breakable_base;
  const StName **this_names; /* distinct `this.x = ` names (see StAstFunction.this_props) */
  uint32_t this_count, this_cap;
  StIdent *dup_param;    /* first repeated parameter name, if any */
} StFnCtx;

typedef struct StCover {
  bool set;
  StPos pos;
  const char *msg;
} StCover;

typedef struct StParser {
  StLexer lx;
  StToken tok;
  StToken ahead;
  bool has_ahead;
  uint32_t prev_end;     /* byte offset just past the previous token */
  StArena *arena;
  StNameTable *names;
  const StParseOptions *opt;
  bool strict;
  bool no_in;            /* the `in` operator is not allowed here (for-statement heads) */
  uint32_t depth;
  uintptr_t stack_base;
  StFnCtx *fn;
  StVec(StNode *) scratch; /* list items under construction (a stack of lists) */
  StVec(StDeclScope) scopes;
  StDeclEntry *free_decls;
  StVec(StLabelEntry) labels;
  StVec(StNode *) breakables; /* enclosing loops and switches */
  uint32_t label_chain;       /* labels directly in front of the statement being parsed */
  StCover cover;
  uint32_t await_count;       /* await expressions parsed so far */
  uint32_t last_use[ST_PUSE__COUNT]; /* offset + 1 of the latest use, 0 for none */
  char *node_cur, *node_end;  /* node allocation block (8-byte aligned) */
  uint32_t node_seq;          /* the arena chunk (st_arena_mark) that holds that block */
  uint32_t tok_seq, ahead_seq; /* st_arena_mark when tok / ahead were scanned (parser.c) */
  /* Script level: after each statement, the arena mark below which nothing of the
   * statements still to come is allocated (StProgram.stmt_marks). */
  StVec(uint32_t) stmt_marks;
} StParser;

/* ---- parser.c: tokens, errors, nodes, lists, scopes ------------------------------------ */

void st_parser_next(StParser *p);
const StToken *st_parser_peek(StParser *p);
bool st_parser_eat(StParser *p, StTokenKind kind);
bool st_parser_expect(StParser *p, StTokenKind kind);
void st_parser_semicolon(StParser *p);
/* Is the current token the (unescaped) contextual keyword `atom`? */
bool st_parser_is_atom(const StParser *p, StAstAtom atom);
StPos st_parser_pos(const StParser *p);
ST_INLINE StPos st_parser_node_pos(StParser *p, const StNode *n) {
  return st_lines_pos(&p->lx.lines, n->offset);
}

void st_parser_error(StParser *p, StPos pos, const char *fmt, ...) ST_PRINTF(3, 4);
void st_parser_unexpected(StParser *p); /* "Unexpected token '...'" for the current token */
bool st_parser_failed(const StParser *p);
bool st_parser_enter(StParser *p); /* false (RangeError recorded) when too deep */
ST_INLINE void st_parser_leave(StParser *p) { p->depth--; }

void *st_parser_alloc(StParser *p, size_t size);
StNode *st_parser_node(StParser *p, size_t size, StNodeKind kind, StPos pos);
#define ST_PNODE(p, T, KIND, pos) ((T *)st_parser_node((p), sizeof(T), ST_AST_##KIND, (pos)))
StNode *st_parser_error_node(StParser *p);
StNodeList st_parser_list(StParser *p, uint32_t base); /* scratch[base..] -> arena list */
ST_INLINE uint32_t st_parser_mark(const StParser *p) { return (uint32_t)p->scratch.len; }
ST_INLINE void st_parser_push(StParser *p, StNode *n) { st_vec_push(&p->scratch, n); }

void st_parser_scope_push(StParser *p, StScopeKindP kind);
void st_parser_scope_pop(StParser *p);
/* Declares name, written at byte offset, in the current scope; false (error recorded) on a
 * conflict. */
bool st_parser_declare(StParser *p, const StName *name, StDeclKindP kind, uint32_t offset);

StNode *st_parser_statement_list_item(StParser *p);
StNode *st_parser_block(StParser *p); /* `{ ... }` with its own scope */
/* Statements up to `}` (not consumed) or EOF into a list, with a directive prologue when
 * ctx is given (function or script body). */
StNodeList st_parser_body(StParser *p, StFnCtx *ctx, bool until_rbrace);

/* ---- parser_func.c --------------------------------------------------------------------- */

void st_parser_func_push(StParser *p, StFnCtx *ctx, StAstFunction *fn, bool arrow, bool async,
                         uint8_t method_kind);
void st_parser_func_pop(StParser *p, StFnCtx *ctx);
/* At `function` (pos: of `async` when async). */
StAstFunction *st_parser_func_function(StParser *p, StPos pos, bool async, bool declaration);
/* At the `(` of a method's parameters; pos starts its source text. */
StAstFunction *st_parser_func_method(StParser *p, StPos pos, uint8_t method_kind, bool async,
                                  uint32_t extra_flags);
/* At `=>`: an arrow from already-parsed parameter expressions (converted here) and an optional
 * rest pattern; start is the arrow's first token (`(`, `async` or the identifier). */
StNode *st_parser_func_arrow(StParser *p, StPos start, StNode **params, uint32_t nparams,
                             StNode *rest, bool async, bool in, uint32_t await_before);
StClass *st_parser_func_class(StParser *p, bool declaration);
/* Flags a use of this/arguments/super/new.target on the current function and, through
 * arrows, the enclosing one. */
void st_parser_func_mark_use(StParser *p, int use, uint32_t offset);
void st_parser_func_mark_direct_eval(StParser *p);
void st_parser_func_this_prop(StParser *p, const StName *name);
/* The nearest enclosing non-arrow function context. */
StFnCtx *st_parser_func_home(StParser *p);

/* ---- parser_expr.c --------------------------------------------------------------------- */

StNode *st_parser_expr(StParser *p, bool in);
/* inherit: the caller may reinterpret an object/array literal as a pattern, so a cover error
 * inside it is passed up instead of reported. */
StNode *st_parser_expr_assign(StParser *p, bool in, bool inherit);
StNode *st_parser_expr_lhs(StParser *p); /* LeftHandSideExpression (class heritage) */
/* A property key at the current token: PROPERTY_NAME, STRING, NUMBER or (computed) any. */
StNode *st_parser_expr_property_key(StParser *p, bool *computed);
void st_parser_expr_report_cover(StParser *p);
/* Checks an identifier used as a reference (or label) and returns false after an error. */
bool st_parser_expr_check_ref(StParser *p, const StName *name, StPos pos, bool escaped);
bool st_parser_expr_is_arrow(const StNode *n);

/* ---- parser_pattern.c ------------------------------------------------------------------ */

/* A BindingIdentifier or BindingPattern at the current token, declared as `kind`. */
StNode *st_parser_pattern_binding(StParser *p, StDeclKindP kind);
StNode *st_parser_pattern_binding_ident(StParser *p, StDeclKindP kind);
bool st_parser_pattern_check_binding(StParser *p, const StName *name, StPos pos, bool escaped,
                                     StDeclKindP kind);
/* Reinterprets an expression as an assignment pattern (binding == false) or a binding pattern
 * declared as `kind` (binding == true). Returns error_node after an error. */
StNode *st_parser_pattern_from_expr(StParser *p, StNode *e, bool binding, StDeclKindP kind);
/* Is e a valid target of =, op=, ++/-- (IDENT, MEMBER, INDEX, SUPER_*)? Reports msg if not
 * (or the strict eval/arguments error). */
bool st_parser_pattern_check_simple_target(StParser *p, StNode *e, const char *msg);
/* Checks every name bound by a parameter list again under strict mode rules. */
void st_parser_pattern_recheck_strict(StParser *p, StNode *pattern);

#endif

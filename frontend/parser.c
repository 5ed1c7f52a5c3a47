/* frontend/parser.c: the parser's driver and statements, plus the services the other
 * parser files share (tokens, errors, node allocation, lists, declaration scopes).
 *
 * Statement rules worth knowing:
 *  - `let` starts a declaration when followed by an identifier, `[` or `{` (also across a
 *    newline); otherwise it is an identifier (sloppy mode).
 *  - A function declaration as the body of an if (sloppy mode) is wrapped in a BLOCK, as
 *    Annex B says it behaves; as a label's body it stays as is; elsewhere in a single-statement
 *    context it is an error.
 *  - Redeclaration errors follow the spec's LexicallyDeclaredNames / VarDeclaredNames rules:
 *    a var is entered in every scope from its block up to its function scope, so a later
 *    let/const/class in any of them conflicts with it.
 */
#include "frontend/parser_internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- Tokens ---------------------------------------------------------------------------- */

/* tok_seq/ahead_seq: the arena chunk that was current when the token was scanned; its strings
 * live there or in a newer chunk (push_statement must not release them with the statement
 * before: the first token of a statement is scanned while the previous one is parsed). */
void st_parser_next(StParser *p) {
  p->prev_end = p->tok.end;
  if (p->has_ahead) {
    p->tok = p->ahead;
    p->tok_seq = p->ahead_seq;
    p->has_ahead = false;
  } else {
    p->tok_seq = st_arena_mark(p->lx.arena);
    st_lexer_next(&p->lx, &p->tok);
  }
}

const StToken *st_parser_peek(StParser *p) {
  ST_ASSERT(p->tok.kind != ST_TOK_RBRACE && p->tok.kind != ST_TOK_SLASH,
            "lookahead past a token the lexer may have to rescan");
  if (!p->has_ahead) {
    p->ahead_seq = st_arena_mark(p->lx.arena);
    st_lexer_next(&p->lx, &p->ahead);
    p->has_ahead = true;
  }
  return &p->ahead;
}

bool st_parser_eat(StParser *p, StTokenKind kind) {
  if (p->tok.kind != kind) return false;
  st_parser_next(p);
  return true;
}

bool st_parser_expect(StParser *p, StTokenKind kind) {
  if (p->tok.kind == kind) {
    st_parser_next(p);
    return true;
  }
  st_parser_unexpected(p);
  return false;
}

/* Automatic semicolon insertion: a `;`, or before `}`, the end, or a token on a new line. */
void st_parser_semicolon(StParser *p) {
  if (p->tok.kind == ST_TOK_SEMICOLON) {
    st_parser_next(p);
    return;
  }
  if (p->tok.kind == ST_TOK_RBRACE || p->tok.kind == ST_TOK_EOF ||
      (p->tok.flags & ST_TOKEN_NL_BEFORE))
    return;
  st_parser_unexpected(p);
}

bool st_parser_is_atom(const StParser *p, StAstAtom atom) {
  return p->tok.kind == ST_TOK_IDENT && !(p->tok.flags & ST_TOKEN_ESCAPED) &&
         p->tok.v.name == p->names->atom[atom];
}

StPos st_parser_pos(const StParser *p) { return st_lexer_token_pos(&p->tok); }

/* ---- Errors ---------------------------------------------------------------------------- */

static void stop(StParser *p) {
  p->tok.kind = ST_TOK_EOF;
  p->has_ahead = false;
}

void st_parser_error(StParser *p, StPos pos, const char *fmt, ...) {
  if (!p->lx.failed) {
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    st_lexer_fail(&p->lx, ST_DIAG_SYNTAX_ERROR, pos, "%s", msg);
  }
  stop(p);
}

bool st_parser_failed(const StParser *p) { return p->lx.failed; }

void st_parser_unexpected(StParser *p) {
  if (p->lx.failed) {
    stop(p);
    return;
  }
  const StToken *t = &p->tok;
  StPos pos = st_parser_pos(p);
  switch (t->kind) {
  case ST_TOK_EOF: st_parser_error(p, pos, "Unexpected end of input"); return;
  case ST_TOK_NUMBER: st_parser_error(p, pos, "Unexpected number"); return;
  case ST_TOK_STRING: st_parser_error(p, pos, "Unexpected string"); return;
  case ST_TOK_TEMPLATE:
  case ST_TOK_TEMPLATE_HEAD:
  case ST_TOK_TEMPLATE_MIDDLE:
  case ST_TOK_TEMPLATE_TAIL: st_parser_error(p, pos, "Unexpected template string"); return;
  case ST_TOK_PRIVATE_NAME:
    st_parser_error(p, pos, "Private class members (#%s) are not supported", t->v.name->str);
    return;
  case ST_TOK_ENUM: st_parser_error(p, pos, "Unexpected reserved word"); return;
  case ST_TOK_IDENT: {
    const StName *n = t->v.name;
    if (n->token != ST_TOK_IDENT)
      st_parser_error(p, pos, "Keyword must not contain escaped characters");
    else if (p->strict && (n->flags & ST_AST_NAME_STRICT_RESERVED))
      st_parser_error(p, pos, "Unexpected strict mode reserved word");
    else
      st_parser_error(p, pos, "Unexpected identifier '%s'", n->str);
    return;
  }
  default: st_parser_error(p, pos, "Unexpected token '%s'", st_lexer_token_text(t->kind)); return;
  }
}

bool st_parser_enter(StParser *p) {
  p->depth++;
  uintptr_t here = (uintptr_t)__builtin_frame_address(0);
  size_t used = p->stack_base > here ? p->stack_base - here : here - p->stack_base;
  if (ST_LIKELY(p->depth <= ST_PARSER_MAX_NESTING && used <= ST_PARSER_STACK_BUDGET)) return true;
  if (!p->lx.failed)
    st_lexer_fail(&p->lx, ST_DIAG_RANGE_ERROR, st_parser_pos(p), "Maximum nesting depth exceeded");
  stop(p);
  return false;
}

/* ---- Nodes and lists ------------------------------------------------------------------- */

/* Small blocks in assert builds, like the arena's chunks there (support/arena.c): so that the
 * compiler's release of compiled statements (StProgram.stmt_marks) frees memory in small
 * tests too. */
#ifdef STRATA_ASSERT
enum { NODE_BLOCK = 1024 };
#else
enum { NODE_BLOCK = 64 * 1024 };
#endif

/* Nodes are 8-byte aligned in blocks carved from the arena (whose own alignment is 16, too
 * generous for nodes of 24 or 40 bytes). */
void *st_parser_alloc(StParser *p, size_t size) {
  size = (size + 7) & ~(size_t)7;
  if (ST_UNLIKELY((size_t)(p->node_end - p->node_cur) < size)) {
    if (size > NODE_BLOCK / 4) return st_arena_alloc(p->arena, size);
    p->node_cur = st_arena_alloc(p->arena, NODE_BLOCK);
    p->node_end = p->node_cur + NODE_BLOCK;
    p->node_seq = st_arena_mark(p->arena);
  }
  void *r = p->node_cur;
  p->node_cur += size;
  return r;
}

StNode *st_parser_node(StParser *p, size_t size, StNodeKind kind, StPos pos) {
  StNode *n = st_parser_alloc(p, size);
  memset(n, 0, size);
  n->kind = kind;
  n->offset = pos.offset;
#ifdef STRATA_ASSERT
  /* Nodes keep only the offset: the line table must give back the lexer's line and column.
   * Not after an error: the lexer then jumps to the end of the source without decoding the
   * rest, so its end-of-input column counts bytes where the table counts UTF-16 units (and the
   * tree is thrown away with the SyntaxError anyway). */
  StPos back = p->lx.failed ? pos : st_lines_pos(&p->lx.lines, pos.offset);
  ST_ASSERT(back.line == pos.line && back.col == pos.col,
            "line table gives %u:%u for offset %u, the lexer %u:%u", back.line, back.col,
            pos.offset, pos.line, pos.col);
#endif
  return n;
}

StNode *st_parser_error_node(StParser *p) {
  return st_parser_node(p, sizeof(StNode), ST_AST_NULL, st_parser_pos(p));
}

StNodeList st_parser_list(StParser *p, uint32_t base) {
  StNodeList l;
  l.count = (uint32_t)p->scratch.len - base;
  l.items = NULL;
  if (l.count) {
    l.items = st_parser_alloc(p, sizeof(StNode *) * l.count);
    memcpy(l.items, p->scratch.data + base, sizeof(StNode *) * l.count);
  }
  p->scratch.len = base;
  return l;
}

/* ---- Declaration scopes ---------------------------------------------------------------- */

void st_parser_scope_push(StParser *p, StScopeKindP kind) {
  StDeclScope s = {(uint8_t)kind, NULL};
  st_vec_push(&p->scopes, s);
}

void st_parser_scope_pop(StParser *p) {
  StDeclScope *s = &st_vec_last(&p->scopes);
  StDeclEntry *e = s->decls;
  while (e) {
    StDeclEntry *next = e->next_in_scope;
    ST_ASSERT(e->name->user == e, "declaration stack out of order for '%s'", e->name->str);
    e->name->user = e->below;
    e->next_in_scope = p->free_decls;
    p->free_decls = e;
    e = next;
  }
  p->scopes.len--;
}

static StDeclEntry *new_entry(StParser *p, StName *name, uint32_t scope, StDeclKindP kind) {
  StDeclEntry *e = p->free_decls;
  if (e) p->free_decls = e->next_in_scope;
  else e = st_arena_alloc(p->arena, sizeof *e);
  e->name = name;
  e->scope = scope;
  e->kind = (uint8_t)kind;
  StDeclScope *s = &p->scopes.data[scope];
  e->next_in_scope = s->decls;
  s->decls = e;
  return e;
}

static bool redeclared(StParser *p, const StName *name, uint32_t offset) {
  st_parser_error(p, st_lines_pos(&p->lx.lines, offset),
                  "Identifier '%s' has already been declared", name->str);
  return false;
}

bool st_parser_declare(StParser *p, const StName *cname, StDeclKindP kind, uint32_t offset) {
  if (kind == ST_PDECL_NONE) return true;
  StName *name = (StName *)cname; /* `user` is ours while parsing */
  uint32_t s = (uint32_t)p->scopes.len - 1;
  StDeclEntry *top = name->user;
  if (kind == ST_PDECL_VAR) {
    /* A var conflicts with a lexical declaration in any scope it hoists through, and is
     * recorded in each of them for later lexical declarations to see. */
    uint32_t f = p->fn->scope_index;
    for (StDeclEntry *e = top; e && e->scope >= f; e = e->below)
      if (e->kind == ST_PDECL_LEXICAL || e->kind == ST_PDECL_BLOCK_FUNCTION ||
          e->kind == ST_PDECL_CATCH_PATTERN)
        return redeclared(p, name, offset);
    StDeclEntry **link = (StDeclEntry **)&name->user;
    for (uint32_t t = s;; t--) {
      while (*link && (*link)->scope > t) link = &(*link)->below;
      bool have = false;
      for (StDeclEntry *e = *link; e && e->scope == t; e = e->below)
        if (e->kind == ST_PDECL_VAR || e->kind == ST_PDECL_PARAM) have = true;
      if (!have) {
        StDeclEntry *e = new_entry(p, name, t, kind);
        e->below = *link;
        *link = e;
      }
      if (t == f) break;
    }
    return true;
  }
  for (StDeclEntry *e = top; e && e->scope == s; e = e->below) {
    if (kind == ST_PDECL_PARAM && e->kind == ST_PDECL_PARAM) {
      /* Allowed or not is decided once the parameter list is complete. */
      return true;
    }
    if (kind == ST_PDECL_BLOCK_FUNCTION && e->kind == ST_PDECL_BLOCK_FUNCTION && !p->strict)
      continue;
    return redeclared(p, name, offset);
  }
  StDeclEntry *e = new_entry(p, name, s, kind);
  e->below = top;
  name->user = e;
  return true;
}

/* ---- Statements ------------------------------------------------------------------------ */

/* Where a statement appears: a statement list allows declarations; the others are
 * single-statement contexts. */
typedef enum { IN_LIST, IN_IF, IN_LABEL, IN_LOOP } StmtCtx;

static StNode *statement(StParser *p, StmtCtx ctx);

StNode *st_parser_block(StParser *p) {
  StBlock *b = ST_PNODE(p, StBlock, BLOCK, st_parser_pos(p));
  st_parser_expect(p, ST_TOK_LBRACE);
  st_parser_scope_push(p, ST_PSCOPE_BLOCK);
  uint32_t base = st_parser_mark(p);
  while (p->tok.kind != ST_TOK_RBRACE && p->tok.kind != ST_TOK_EOF)
    st_parser_push(p, st_parser_statement_list_item(p));
  b->body = st_parser_list(p, base);
  st_parser_scope_pop(p);
  st_parser_expect(p, ST_TOK_RBRACE);
  return &b->h;
}

/* var / let / const declarations. in_for: the head of a for statement (no `in` operator,
 * initializers checked by the caller, no semicolon). */
static ST_NOINLINE StNode *var_decl(StParser *p, StDeclKind kind, bool in_for) {
  StVarDecl *d = ST_PNODE(p, StVarDecl, VAR_DECL, st_parser_pos(p));
  d->kind = (uint8_t)kind;
  st_parser_next(p);
  StDeclKindP dk = kind == ST_AST_VAR ? ST_PDECL_VAR : ST_PDECL_LEXICAL;
  uint32_t base = st_parser_mark(p);
  do {
    StDeclarator *dc = ST_PNODE(p, StDeclarator, DECLARATOR, st_parser_pos(p));
    dc->target = st_parser_pattern_binding(p, dk);
    if (st_parser_eat(p, ST_TOK_ASSIGN)) {
      dc->init = st_parser_expr_assign(p, !in_for, false);
    } else if (!in_for && !st_parser_failed(p)) {
      if (dc->target->kind != ST_AST_BINDING)
        st_parser_error(p, st_parser_node_pos(p, dc->target),
                        "Missing initializer in destructuring declaration");
      else if (kind == ST_AST_CONST)
        st_parser_error(p, st_parser_node_pos(p, dc->target),
                        "Missing initializer in const declaration");
    }
    st_parser_push(p, &dc->h);
  } while (st_parser_eat(p, ST_TOK_COMMA));
  d->decls = st_parser_list(p, base);
  if (!in_for) st_parser_semicolon(p);
  return &d->h;
}

/* Is the current `let` (sloppy mode identifier) the start of a declaration? */
static bool let_starts_declaration(StParser *p) {
  const StToken *n = st_parser_peek(p);
  return n->kind == ST_TOK_IDENT || n->kind == ST_TOK_LBRACKET || n->kind == ST_TOK_LBRACE;
}

static ST_NOINLINE StNode *expression_statement(StParser *p) {
  StExprStmt *s = ST_PNODE(p, StExprStmt, EXPR_STMT, st_parser_pos(p));
  s->expr = st_parser_expr(p, true);
  st_parser_semicolon(p);
  return &s->h;
}

static void mark_labels_loop(StParser *p, uint32_t chain, StNode *loop) {
  for (uint32_t i = 0; i < chain; i++) p->labels.data[p->labels.len - 1 - i].loop = loop;
}

static StNode *loop_body(StParser *p, StNode *loop) {
  st_vec_push(&p->breakables, loop);
  StNode *body = statement(p, IN_LOOP);
  p->breakables.len--;
  return body;
}

static ST_NOINLINE StNode *if_statement(StParser *p) {
  StIf *s = ST_PNODE(p, StIf, IF, st_parser_pos(p));
  st_parser_next(p);
  st_parser_expect(p, ST_TOK_LPAREN);
  s->test = st_parser_expr(p, true);
  st_parser_expect(p, ST_TOK_RPAREN);
  s->then = statement(p, IN_IF);
  if (st_parser_eat(p, ST_TOK_ELSE)) s->otherwise = statement(p, IN_IF);
  return &s->h;
}

static ST_NOINLINE StNode *while_statement(StParser *p, uint32_t chain) {
  StWhile *s = ST_PNODE(p, StWhile, WHILE, st_parser_pos(p));
  mark_labels_loop(p, chain, &s->h);
  st_parser_next(p);
  st_parser_expect(p, ST_TOK_LPAREN);
  s->test = st_parser_expr(p, true);
  st_parser_expect(p, ST_TOK_RPAREN);
  s->body = loop_body(p, &s->h);
  return &s->h;
}

static ST_NOINLINE StNode *do_statement(StParser *p, uint32_t chain) {
  StWhile *s = ST_PNODE(p, StWhile, DO_WHILE, st_parser_pos(p));
  mark_labels_loop(p, chain, &s->h);
  st_parser_next(p);
  s->body = loop_body(p, &s->h);
  st_parser_expect(p, ST_TOK_WHILE);
  st_parser_expect(p, ST_TOK_LPAREN);
  s->test = st_parser_expr(p, true);
  st_parser_expect(p, ST_TOK_RPAREN);
  /* ES2015+: a semicolon is inserted after do-while's `)` even without a newline. */
  st_parser_eat(p, ST_TOK_SEMICOLON);
  return &s->h;
}

static bool at_of(const StParser *p) { return st_parser_is_atom(p, ST_AST_ATOM_OF); }

/* for (init; test; update), for (left in right), for (left of right). */
static ST_NOINLINE StNode *for_statement(StParser *p, uint32_t chain) {
  StPos pos = st_parser_pos(p);
  st_parser_next(p);
  if (st_parser_is_atom(p, ST_AST_ATOM_AWAIT)) {
    st_parser_error(p, st_parser_pos(p), "for await loops are not supported");
    return st_parser_error_node(p);
  }
  st_parser_expect(p, ST_TOK_LPAREN);
  bool lexical = p->tok.kind == ST_TOK_CONST ||
                 (st_parser_is_atom(p, ST_AST_ATOM_LET) && let_starts_declaration(p));
  if (lexical) st_parser_scope_push(p, ST_PSCOPE_BLOCK);
  StNode *init = NULL;
  StPos init_pos = st_parser_pos(p);
  bool is_of = false, is_in = false;
  if (p->tok.kind == ST_TOK_SEMICOLON) {
    /* no init */
  } else if (p->tok.kind == ST_TOK_VAR || lexical) {
    StDeclKind k = p->tok.kind == ST_TOK_VAR ? ST_AST_VAR : p->tok.kind == ST_TOK_CONST ? ST_AST_CONST : ST_AST_LET;
    init = var_decl(p, k, true);
    StVarDecl *d = (StVarDecl *)init;
    is_of = at_of(p);
    is_in = p->tok.kind == ST_TOK_IN;
    if (is_of || is_in) {
      const char *what = is_of ? "for-of" : "for-in";
      if (d->decls.count != 1) {
        st_parser_error(p, init_pos, "Invalid left-hand side in %s loop: Must have a single binding.", what);
      } else {
        StDeclarator *dc = (StDeclarator *)d->decls.items[0];
        bool annex_b = is_in && k == ST_AST_VAR && !p->strict && dc->target->kind == ST_AST_BINDING;
        if (dc->init && !annex_b)
          st_parser_error(p, st_parser_node_pos(p, dc->target),
                          "%s loop variable declaration may not have an initializer.", what);
      }
    } else if (!st_parser_failed(p)) {
      for (uint32_t i = 0; i < d->decls.count; i++) {
        StDeclarator *dc = (StDeclarator *)d->decls.items[i];
        if (dc->init) continue;
        if (dc->target->kind != ST_AST_BINDING) {
          st_parser_error(p, st_parser_node_pos(p, dc->target),
                          "Missing initializer in destructuring declaration");
          break;
        }
        if (k == ST_AST_CONST) {
          st_parser_error(p, st_parser_node_pos(p, dc->target),
                          "Missing initializer in const declaration");
          break;
        }
      }
    }
  } else {
    bool starts_let = st_parser_is_atom(p, ST_AST_ATOM_LET);
    bool starts_async = st_parser_is_atom(p, ST_AST_ATOM_ASYNC);
    StCover saved = p->cover;
    p->cover.set = false;
    init = st_parser_expr_assign(p, false, true);
    is_of = at_of(p);
    is_in = p->tok.kind == ST_TOK_IN;
    if (is_of && starts_let) {
      st_parser_error(p, init_pos, "The left-hand side of a for-of loop may not be 'let'.");
    } else if (is_of && starts_async && init->kind == ST_AST_IDENT && !init->paren) {
      st_parser_error(p, init_pos, "The left-hand side of a for-of loop may not be 'async'.");
    } else if (is_of || is_in) {
      if ((init->kind == ST_AST_OBJECT || init->kind == ST_AST_ARRAY) && !init->paren) {
        p->cover.set = false;
        init = st_parser_pattern_from_expr(p, init, false, ST_PDECL_NONE);
      } else {
        st_parser_expr_report_cover(p);
        st_parser_pattern_check_simple_target(
            p, init, is_of ? "Invalid left-hand side in for-of loop" : "Invalid left-hand side in for-in loop");
      }
    } else {
      st_parser_expr_report_cover(p);
      if (p->tok.kind == ST_TOK_COMMA) {
        /* for (a, b; ...): the rest of an Expression */
        StSequence *seq = ST_PNODE(p, StSequence, SEQUENCE, st_parser_pos(p));
        uint32_t base = st_parser_mark(p);
        st_parser_push(p, init);
        while (st_parser_eat(p, ST_TOK_COMMA)) st_parser_push(p, st_parser_expr_assign(p, false, false));
        seq->exprs = st_parser_list(p, base);
        init = &seq->h;
      }
    }
    if (!p->cover.set) p->cover = saved;
  }
  StNode *result;
  if (is_of || is_in) {
    StForIn *s = ST_PNODE(p, StForIn, FOR_IN, pos);
    if (is_of) s->h.kind = ST_AST_FOR_OF;
    mark_labels_loop(p, chain, &s->h);
    st_parser_next(p);
    s->left = init;
    s->right = is_of ? st_parser_expr_assign(p, true, false) : st_parser_expr(p, true);
    st_parser_expect(p, ST_TOK_RPAREN);
    s->body = loop_body(p, &s->h);
    result = &s->h;
  } else {
    StFor *s = ST_PNODE(p, StFor, FOR, pos);
    mark_labels_loop(p, chain, &s->h);
    s->init = init;
    st_parser_expect(p, ST_TOK_SEMICOLON);
    if (p->tok.kind != ST_TOK_SEMICOLON) s->test = st_parser_expr(p, true);
    st_parser_expect(p, ST_TOK_SEMICOLON);
    if (p->tok.kind != ST_TOK_RPAREN) s->update = st_parser_expr(p, true);
    st_parser_expect(p, ST_TOK_RPAREN);
    s->body = loop_body(p, &s->h);
    result = &s->h;
  }
  if (lexical) st_parser_scope_pop(p);
  return result;
}

static StLabelEntry *find_label(StParser *p, const StName *name) {
  for (size_t i = p->labels.len; i > p->fn->label_base; i--)
    if (p->labels.data[i - 1].name == name) return &p->labels.data[i - 1];
  return NULL;
}

static ST_NOINLINE StNode *jump_statement(StParser *p) {
  bool is_break = p->tok.kind == ST_TOK_BREAK;
  StPos pos = st_parser_pos(p);
  StJump *j = (StJump *)st_parser_node(p, sizeof(StJump), is_break ? ST_AST_BREAK : ST_AST_CONTINUE, pos);
  st_parser_next(p);
  if (p->tok.kind == ST_TOK_IDENT && !(p->tok.flags & ST_TOKEN_NL_BEFORE)) {
    StPos lpos = st_parser_pos(p);
    j->label = p->tok.v.name;
    st_parser_next(p);
    StLabelEntry *l = find_label(p, j->label);
    if (!l) {
      st_parser_error(p, lpos, "Undefined label '%s'", j->label->str);
    } else if (is_break) {
      j->target = l->stmt;
    } else if (!l->loop) {
      st_parser_error(p, lpos, "Illegal continue statement: '%s' does not denote an iteration statement", j->label->str);
    } else {
      j->target = l->loop;
    }
  } else {
    for (size_t i = p->breakables.len; i > p->fn->breakable_base; i--) {
      StNode *b = p->breakables.data[i - 1];
      if (is_break || b->kind != ST_AST_SWITCH) {
        j->target = b;
        break;
      }
    }
    if (!j->target) {
      if (is_break) st_parser_error(p, pos, "Illegal break statement");
      else st_parser_error(p, pos, "Illegal continue statement: no surrounding iteration statement");
    }
  }
  st_parser_semicolon(p);
  return &j->h;
}

static ST_NOINLINE StNode *return_statement(StParser *p) {
  StReturn *r = ST_PNODE(p, StReturn, RETURN, st_parser_pos(p));
  if (!p->fn->fn) {
    st_parser_error(p, st_parser_pos(p), "Illegal return statement");
    return &r->h;
  }
  st_parser_next(p);
  if (p->tok.kind != ST_TOK_SEMICOLON && p->tok.kind != ST_TOK_RBRACE && p->tok.kind != ST_TOK_EOF &&
      !(p->tok.flags & ST_TOKEN_NL_BEFORE))
    r->arg = st_parser_expr(p, true);
  st_parser_semicolon(p);
  return &r->h;
}

static ST_NOINLINE StNode *throw_statement(StParser *p) {
  StReturn *r = ST_PNODE(p, StReturn, THROW, st_parser_pos(p));
  st_parser_next(p);
  if (p->tok.flags & ST_TOKEN_NL_BEFORE) {
    st_parser_error(p, st_parser_pos(p), "Illegal newline after throw");
    return &r->h;
  }
  r->arg = st_parser_expr(p, true);
  st_parser_semicolon(p);
  return &r->h;
}

static ST_NOINLINE StNode *try_statement(StParser *p) {
  StTry *t = ST_PNODE(p, StTry, TRY, st_parser_pos(p));
  st_parser_next(p);
  if (p->tok.kind != ST_TOK_LBRACE) {
    st_parser_unexpected(p);
    return &t->h;
  }
  t->block = (StBlock *)st_parser_block(p);
  if (p->tok.kind == ST_TOK_CATCH) {
    st_parser_next(p);
    if (st_parser_eat(p, ST_TOK_LPAREN)) {
      /* The parameter shares the block's scope: `catch (e) { let e }` is a redeclaration. */
      st_parser_scope_push(p, ST_PSCOPE_BLOCK);
      StDeclKindP k = p->tok.kind == ST_TOK_IDENT ? ST_PDECL_CATCH_SIMPLE : ST_PDECL_CATCH_PATTERN;
      t->param = st_parser_pattern_binding(p, k);
      st_parser_expect(p, ST_TOK_RPAREN);
      StBlock *b = ST_PNODE(p, StBlock, BLOCK, st_parser_pos(p));
      if (st_parser_expect(p, ST_TOK_LBRACE)) {
        uint32_t base = st_parser_mark(p);
        while (p->tok.kind != ST_TOK_RBRACE && p->tok.kind != ST_TOK_EOF)
          st_parser_push(p, st_parser_statement_list_item(p));
        b->body = st_parser_list(p, base);
        st_parser_expect(p, ST_TOK_RBRACE);
      }
      st_parser_scope_pop(p);
      t->handler = b;
    } else if (p->tok.kind == ST_TOK_LBRACE) {
      t->handler = (StBlock *)st_parser_block(p);
    } else {
      st_parser_unexpected(p);
    }
  }
  if (st_parser_eat(p, ST_TOK_FINALLY)) {
    if (p->tok.kind != ST_TOK_LBRACE) st_parser_unexpected(p);
    else t->finalizer = (StBlock *)st_parser_block(p);
  }
  if (!t->handler && !t->finalizer && !st_parser_failed(p))
    st_parser_error(p, st_parser_pos(p), "Missing catch or finally after try");
  return &t->h;
}

static ST_NOINLINE StNode *switch_statement(StParser *p) {
  StSwitch *s = ST_PNODE(p, StSwitch, SWITCH, st_parser_pos(p));
  st_parser_next(p);
  st_parser_expect(p, ST_TOK_LPAREN);
  s->disc = st_parser_expr(p, true);
  st_parser_expect(p, ST_TOK_RPAREN);
  st_parser_expect(p, ST_TOK_LBRACE);
  st_parser_scope_push(p, ST_PSCOPE_BLOCK);
  st_vec_push(&p->breakables, &s->h);
  uint32_t base = st_parser_mark(p);
  bool has_default = false;
  while (p->tok.kind == ST_TOK_CASE || p->tok.kind == ST_TOK_DEFAULT) {
    StCase *c = ST_PNODE(p, StCase, CASE, st_parser_pos(p));
    if (p->tok.kind == ST_TOK_DEFAULT) {
      if (has_default) {
        st_parser_error(p, st_parser_pos(p), "More than one default clause in switch statement");
        break;
      }
      has_default = true;
      st_parser_next(p);
    } else {
      st_parser_next(p);
      c->test = st_parser_expr(p, true);
    }
    st_parser_expect(p, ST_TOK_COLON);
    uint32_t body = st_parser_mark(p);
    while (p->tok.kind != ST_TOK_CASE && p->tok.kind != ST_TOK_DEFAULT &&
           p->tok.kind != ST_TOK_RBRACE && p->tok.kind != ST_TOK_EOF)
      st_parser_push(p, st_parser_statement_list_item(p));
    c->body = st_parser_list(p, body);
    st_parser_push(p, &c->h);
  }
  s->cases = st_parser_list(p, base);
  p->breakables.len--;
  st_parser_scope_pop(p);
  st_parser_expect(p, ST_TOK_RBRACE);
  return &s->h;
}

static ST_NOINLINE StNode *labeled_statement(StParser *p, uint32_t chain, StmtCtx ctx) {
  StPos pos = st_parser_pos(p);
  const StName *name = p->tok.v.name;
  st_parser_expr_check_ref(p, name, pos, (p->tok.flags & ST_TOKEN_ESCAPED) != 0);
  StLabeled *l = ST_PNODE(p, StLabeled, LABELED, pos);
  l->label = name;
  if (find_label(p, name)) {
    st_parser_error(p, pos, "Label '%s' has already been declared", name->str);
    return &l->h;
  }
  st_parser_next(p); /* the name */
  st_parser_next(p); /* the colon */
  StLabelEntry e = {name, &l->h, NULL};
  st_vec_push(&p->labels, e);
  p->label_chain = chain + 1;
  /* A labelled function is allowed only where a declaration is (IsLabelledFunction: an early
   * error as the body of if and of loops, however many labels deep). */
  l->body = statement(p, ctx == IN_LIST || ctx == IN_LABEL ? IN_LABEL : IN_LOOP);
  p->labels.len--;
  return &l->h;
}

static ST_NOINLINE StNode *function_in_statement(StParser *p, StmtCtx ctx, bool async) {
  StPos pos = st_parser_pos(p);
  if (async) {
    st_parser_error(p, pos, "Async functions can only be declared at the top level or inside a block.");
    return st_parser_error_node(p);
  }
  if (p->strict || ctx == IN_LOOP) {
    if (p->strict)
      st_parser_error(p, pos, "In strict mode code, functions can only be declared at top level or inside a block.");
    else
      st_parser_error(p, pos, "In non-strict mode code, functions can only be declared at top level, inside a block, or as the body of an if statement.");
    return st_parser_error_node(p);
  }
  if (ctx == IN_LABEL) return &st_parser_func_function(p, pos, false, true)->h;
  /* if (x) function f() {}: as if written in a block (Annex B.3.4) */
  StBlock *b = ST_PNODE(p, StBlock, BLOCK, pos);
  st_parser_scope_push(p, ST_PSCOPE_BLOCK);
  uint32_t base = st_parser_mark(p);
  st_parser_push(p, &st_parser_func_function(p, pos, false, true)->h);
  b->body = st_parser_list(p, base);
  st_parser_scope_pop(p);
  return &b->h;
}

static StNode *statement_inner(StParser *p, StmtCtx ctx) {
  uint32_t chain = p->label_chain;
  p->label_chain = 0;
  StPos pos = st_parser_pos(p);
  switch (p->tok.kind) {
  case ST_TOK_LBRACE: return st_parser_block(p);
  case ST_TOK_SEMICOLON: {
    StNode *n = st_parser_node(p, sizeof(StNode), ST_AST_EMPTY, pos);
    st_parser_next(p);
    return n;
  }
  case ST_TOK_VAR: return var_decl(p, ST_AST_VAR, false);
  case ST_TOK_IF: return if_statement(p);
  case ST_TOK_FOR: return for_statement(p, chain);
  case ST_TOK_WHILE: return while_statement(p, chain);
  case ST_TOK_DO: return do_statement(p, chain);
  case ST_TOK_CONTINUE:
  case ST_TOK_BREAK: return jump_statement(p);
  case ST_TOK_RETURN: return return_statement(p);
  case ST_TOK_THROW: return throw_statement(p);
  case ST_TOK_TRY: return try_statement(p);
  case ST_TOK_SWITCH: return switch_statement(p);
  case ST_TOK_DEBUGGER: {
    StNode *n = st_parser_node(p, sizeof(StNode), ST_AST_DEBUGGER, pos);
    st_parser_next(p);
    st_parser_semicolon(p);
    return n;
  }
  case ST_TOK_WITH:
    if (p->strict) st_parser_error(p, pos, "Strict mode code may not include a with statement");
    else st_parser_error(p, pos, "'with' statements are not supported");
    return st_parser_error_node(p);
  case ST_TOK_IMPORT:
    if (st_parser_peek(p)->kind != ST_TOK_LPAREN && st_parser_peek(p)->kind != ST_TOK_DOT) {
      st_parser_error(p, pos, "import declarations are not supported");
      return st_parser_error_node(p);
    }
    return expression_statement(p);
  case ST_TOK_EXPORT:
    st_parser_error(p, pos, "export declarations are not supported");
    return st_parser_error_node(p);
  case ST_TOK_FUNCTION:
    if (ctx == IN_LIST) return &st_parser_func_function(p, pos, false, true)->h;
    return function_in_statement(p, ctx, false);
  case ST_TOK_CLASS:
    if (ctx != IN_LIST) {
      st_parser_unexpected(p);
      return st_parser_error_node(p);
    }
    return &st_parser_func_class(p, true)->h;
  case ST_TOK_CONST:
    if (ctx != IN_LIST) {
      st_parser_error(p, pos, "Lexical declaration cannot appear in a single-statement context");
      return st_parser_error_node(p);
    }
    return var_decl(p, ST_AST_CONST, false);
  case ST_TOK_IDENT: {
    if (p->tok.flags & ST_TOKEN_ESCAPED) break;
    const StName *name = p->tok.v.name;
    if (name == p->names->atom[ST_AST_ATOM_LET]) {
      const StToken *n = st_parser_peek(p);
      if (ctx == IN_LIST && let_starts_declaration(p)) return var_decl(p, ST_AST_LET, false);
      if (n->kind == ST_TOK_LBRACKET ||
          ((n->kind == ST_TOK_IDENT || n->kind == ST_TOK_LBRACE) && !(n->flags & ST_TOKEN_NL_BEFORE))) {
        st_parser_error(p, pos, "Lexical declaration cannot appear in a single-statement context");
        return st_parser_error_node(p);
      }
    } else if (name == p->names->atom[ST_AST_ATOM_ASYNC]) {
      const StToken *n = st_parser_peek(p);
      if (n->kind == ST_TOK_FUNCTION && !(n->flags & ST_TOKEN_NL_BEFORE)) {
        if (ctx != IN_LIST) return function_in_statement(p, ctx, true);
        st_parser_next(p);
        return &st_parser_func_function(p, pos, true, true)->h;
      }
    }
    if (st_parser_peek(p)->kind == ST_TOK_COLON) return labeled_statement(p, chain, ctx);
    break;
  }
  default: break;
  }
  return expression_statement(p);
}

static StNode *statement(StParser *p, StmtCtx ctx) {
  if (!st_parser_enter(p)) {
    st_parser_leave(p);
    return st_parser_error_node(p);
  }
  StNode *n = statement_inner(p, ctx);
  st_parser_leave(p);
  return n;
}

StNode *st_parser_statement_list_item(StParser *p) { return statement(p, IN_LIST); }

/* ---- Bodies and the program ------------------------------------------------------------ */

static bool is_use_strict(const StParser *p, const StToken *t) {
  return t->end - t->offset == 12 && memcmp(p->lx.src + t->offset + 1, "use strict", 10) == 0;
}

/* Called when a "use strict" directive is found in ctx's body. */
static void enter_strict(StParser *p, StFnCtx *ctx, StPos pos, bool had_octal, StPos octal_pos,
                         bool octal_is_89) {
  if (ctx->fn) {
    ctx->fn->flags |= ST_AST_FN_USE_STRICT;
    if (!(ctx->fn->flags & ST_AST_FN_SIMPLE_PARAMS)) {
      st_parser_error(p, pos, "Illegal 'use strict' directive in function with non-simple parameter list");
      return;
    }
  } else {
    ctx->program->flags |= ST_AST_FN_USE_STRICT;
  }
  if (had_octal) {
    if (octal_is_89) st_parser_error(p, octal_pos, "\\8 and \\9 are not allowed in strict mode.");
    else st_parser_error(p, octal_pos, "Octal escape sequences are not allowed in strict mode.");
    return;
  }
  if (!p->strict) {
    p->strict = true;
    /* The function's name and parameters were checked under sloppy rules: again. */
    if (ctx->fn) {
      StAstFunction *f = ctx->fn;
      if (f->name) st_parser_pattern_recheck_strict(p, f->name);
      for (uint32_t i = 0; i < f->params.count; i++) st_parser_pattern_recheck_strict(p, f->params.items[i]);
      if (f->rest) st_parser_pattern_recheck_strict(p, f->rest);
      if (ctx->dup_param)
        st_parser_error(p, st_parser_node_pos(p, &ctx->dup_param->h),
                        "Duplicate parameter name not allowed in this context");
    }
  }
}

/* Appends a statement of a body; at script level also records where the next statement's
 * memory begins: the block nodes are carved from, or the arena's current chunk (node blocks
 * are taken from the arena, so the block's chunk is never newer than the current one). */
static void push_statement(StParser *p, StNode *stmt, bool script_level) {
  st_parser_push(p, stmt);
  if (!script_level) return;
  uint32_t mark = p->node_cur ? p->node_seq : st_arena_mark(p->arena);
  /* The current token (and a peeked one) already belong to the statements to come, and may
   * have been scanned before the last node block was carved from a newer chunk. */
  if (p->tok_seq < mark) mark = p->tok_seq;
  if (p->has_ahead && p->ahead_seq < mark) mark = p->ahead_seq;
  st_vec_push(&p->stmt_marks, mark);
}

StNodeList st_parser_body(StParser *p, StFnCtx *ctx, bool until_rbrace) {
  uint32_t base = st_parser_mark(p);
  bool prologue = ctx != NULL;
  bool had_octal = false, octal_is_89 = false;
  StPos octal_pos = {0, 0, 0};
  StTokenKind stop_kind = until_rbrace ? ST_TOK_RBRACE : ST_TOK_EOF;
  while (p->tok.kind != stop_kind && p->tok.kind != ST_TOK_EOF) {
    if (prologue) {
      if (p->tok.kind != ST_TOK_STRING) {
        prologue = false;
      } else {
        StToken s = p->tok;
        StNode *stmt = st_parser_statement_list_item(p);
        push_statement(p, stmt, !until_rbrace);
        StExprStmt *es = (StExprStmt *)stmt;
        if (stmt->kind != ST_AST_EXPR_STMT || es->expr->kind != ST_AST_STRING || es->expr->paren ||
            es->expr->offset != s.offset || st_parser_failed(p)) {
          prologue = false;
          continue;
        }
        es->directive = true;
        if (is_use_strict(p, &s)) {
          enter_strict(p, ctx, st_lexer_token_pos(&s), had_octal, octal_pos, octal_is_89);
        } else if (!had_octal && (s.flags & (ST_TOKEN_OCTAL_ESCAPE | ST_TOKEN_ESCAPE_89))) {
          had_octal = true;
          octal_pos = s.octal;
          octal_is_89 = !(s.flags & ST_TOKEN_OCTAL_ESCAPE);
        }
        continue;
      }
    }
    push_statement(p, st_parser_statement_list_item(p), !until_rbrace);
  }
  return st_parser_list(p, base);
}

StNode *st_parser_parse_program(StArena *arena, const char *src, size_t len,
                                const StParseOptions *opt, StDiagList *diags) {
  static const StParseOptions defaults = {0};
  StParser *p = st_xcalloc(1, sizeof(StParser));
  p->arena = arena;
  p->opt = opt ? opt : &defaults;
  /* The name table and the program node go to the side arena: they outlive the statements,
   * whose memory the compiler may release one by one (StProgram.stmt_marks). */
  StArena *keep = st_arena_side(arena);
  p->names = ST_ARENA_NEW(keep, StNameTable);
  st_ast_names_init(p->names, keep);
  st_lexer_init(&p->lx, src, len, arena, p->names, diags);
  p->strict = p->opt->strict;
  p->stack_base = (uintptr_t)__builtin_frame_address(0);

  StPos start = {1, 1, 0};
  StProgram *prog = ST_AST_NEW(keep, StProgram, ST_AST_PROGRAM, start.offset);
  prog->names = p->names;
  prog->arena = arena;
  prog->src_len = (uint32_t)len;
  StFnCtx ctx = {0};
  ctx.program = prog;
  ctx.method_kind = p->opt->method_kind;
  p->fn = &ctx;
  st_parser_scope_push(p, ST_PSCOPE_FUNCTION);
  ctx.scope_index = 0;

  st_parser_next(p);
  prog->body = st_parser_body(p, &ctx, false);
  ST_ASSERT(p->lx.failed || p->stmt_marks.len == prog->body.count, "one mark per statement");
  if (p->stmt_marks.len == prog->body.count && prog->body.count) {
    prog->stmt_marks = ST_ARENA_ARRAY(keep, uint32_t, prog->body.count);
    memcpy(prog->stmt_marks, p->stmt_marks.data, sizeof(uint32_t) * prog->body.count);
  }
  if (p->strict) prog->flags |= ST_AST_FN_STRICT;
  if (p->tok.kind != ST_TOK_EOF) st_parser_unexpected(p);
  if (!p->lx.failed) {
    /* Chains nest without recursion here, but walkers recurse over them: bound the tree. */
    const StNode *deep = st_ast_find_too_deep(&prog->h, ST_AST_MAX_DEPTH);
    if (deep)
      st_lexer_fail(&p->lx, ST_DIAG_RANGE_ERROR, st_parser_node_pos(p, deep),
                    "Maximum nesting depth exceeded");
  }

  /* Pop whatever an error left open, so every StName.user is NULL again. */
  while (p->scopes.len) st_parser_scope_pop(p);
  bool failed = p->lx.failed;
  if (!failed) prog->lines = st_lines_freeze(&p->lx.lines, keep);
  st_lexer_free(&p->lx);
  st_vec_free(&p->scratch);
  st_vec_free(&p->scopes);
  st_vec_free(&p->labels);
  st_vec_free(&p->breakables);
  st_vec_free(&p->stmt_marks);
  free(p);
  return failed ? NULL : &prog->h;
}

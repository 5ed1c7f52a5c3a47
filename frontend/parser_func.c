/* frontend/parser_func.c: functions, arrows, methods and classes.
 *
 * Each function gets an StFnCtx (its own declaration scope, label and breakable bases, async
 * and method kind) while its parameters and body are parsed. Strictness is saved and restored
 * around it; a "use strict" directive in the body (parser.c) re-checks the name and parameters
 * already parsed under sloppy rules.
 *
 * Arrows are parsed by the expression parser as ordinary expressions until `=>` shows up; then
 * st_parser_func_arrow reinterprets those expressions as parameters (cover grammar).
 */
#include "frontend/parser_internal.h"

#include <string.h>

void st_parser_func_push(StParser *p, StFnCtx *ctx, StAstFunction *fn, bool arrow, bool async,
                         uint8_t method_kind) {
  memset(ctx, 0, sizeof *ctx);
  ctx->up = p->fn;
  ctx->fn = fn;
  ctx->arrow = arrow;
  ctx->async = async;
  ctx->method_kind = method_kind;
  st_parser_scope_push(p, ST_PSCOPE_FUNCTION);
  ctx->scope_index = (uint32_t)p->scopes.len - 1;
  ctx->label_base = (uint32_t)p->labels.len;
  ctx->breakable_base = (uint32_t)p->breakables.len;
  p->fn = ctx;
}

void st_parser_func_pop(StParser *p, StFnCtx *ctx) {
  if (p->strict) ctx->fn->flags |= ST_AST_FN_STRICT;
  st_parser_scope_pop(p);
  p->fn = ctx->up;
}

StFnCtx *st_parser_func_home(StParser *p) {
  StFnCtx *c = p->fn;
  while (c->arrow) c = c->up;
  return c;
}

static const uint32_t use_flags[ST_PUSE__COUNT] = {
    [ST_PUSE_THIS] = ST_AST_FN_USES_THIS,
    [ST_PUSE_ARGUMENTS] = ST_AST_FN_USES_ARGUMENTS,
    [ST_PUSE_SUPER_PROP] = ST_AST_FN_USES_SUPER_PROPERTY,
    [ST_PUSE_SUPER_CALL] = ST_AST_FN_USES_SUPER_CALL,
    [ST_PUSE_NEW_TARGET] = ST_AST_FN_USES_NEW_TARGET,
};

static void set_flags(StFnCtx *c, uint32_t flags) {
  if (c->fn) c->fn->flags |= flags;
  else c->program->flags |= flags;
}

void st_parser_func_mark_use(StParser *p, int use, uint32_t offset) {
  for (StFnCtx *c = p->fn; c; c = c->up) {
    set_flags(c, use_flags[use]);
    if (!c->arrow) break;
  }
  p->last_use[use] = offset + 1;
}

void st_parser_func_mark_direct_eval(StParser *p) {
  set_flags(p->fn, ST_AST_FN_HAS_DIRECT_EVAL);
  for (StFnCtx *c = p->fn->up; c; c = c->up) set_flags(c, ST_AST_FN_CONTAINS_DIRECT_EVAL);
  /* eval code may use this and arguments of its function: keep them available. */
  st_parser_func_mark_use(p, ST_PUSE_THIS, p->tok.offset);
  st_parser_func_mark_use(p, ST_PUSE_ARGUMENTS, p->tok.offset);
}

void st_parser_func_this_prop(StParser *p, const StName *name) {
  StFnCtx *c = st_parser_func_home(p);
  if (!c->fn) return;
  for (uint32_t i = 0; i < c->this_count; i++)
    if (c->this_names[i] == name) return;
  if (c->this_count == c->this_cap) {
    if (c->this_cap >= 1024) return; /* a pre-sizing hint: enough is enough */
    uint32_t cap = c->this_cap ? c->this_cap * 2 : 8;
    const StName **a = st_parser_alloc(p, sizeof(StName *) * cap);
    if (c->this_count) memcpy(a, c->this_names, sizeof(StName *) * c->this_count);
    c->this_names = a;
    c->this_cap = cap;
  }
  c->this_names[c->this_count++] = name;
  c->fn->this_props++;
}

/* ---- Parameters and bodies ------------------------------------------------------------- */

static void finish_params(StParser *p, StFnCtx *ctx, bool simple, uint32_t length) {
  StAstFunction *fn = ctx->fn;
  fn->length = (uint16_t)(length > UINT16_MAX ? UINT16_MAX : length);
  if (simple) fn->flags |= ST_AST_FN_SIMPLE_PARAMS;
  if (ctx->dup_param) {
    fn->flags |= ST_AST_FN_DUPLICATE_PARAMS;
    if (p->strict || !simple || ctx->arrow || ctx->method_kind != ST_AST_METHOD_NONE)
      st_parser_error(p, st_parser_node_pos(p, &ctx->dup_param->h),
                      "Duplicate parameter name not allowed in this context");
  }
}

/* FormalParameters between parentheses, at `(`. */
static void params(StParser *p, StFnCtx *ctx) {
  StAstFunction *fn = ctx->fn;
  StPos open = st_parser_pos(p);
  if (!st_parser_expect(p, ST_TOK_LPAREN)) return;
  bool simple = true, seen_default = false;
  uint32_t length = 0;
  ctx->in_params = true;
  uint32_t base = st_parser_mark(p);
  while (p->tok.kind != ST_TOK_RPAREN && p->tok.kind != ST_TOK_EOF) {
    if (p->tok.kind == ST_TOK_ELLIPSIS) {
      st_parser_next(p);
      fn->rest = st_parser_pattern_binding(p, ST_PDECL_PARAM);
      simple = false;
      if (p->tok.kind == ST_TOK_ASSIGN)
        st_parser_error(p, st_parser_pos(p), "Rest parameter may not have a default initializer");
      else if (p->tok.kind != ST_TOK_RPAREN)
        st_parser_error(p, st_parser_pos(p), "Rest parameter must be last formal parameter");
      break;
    }
    StNode *t = st_parser_pattern_binding(p, ST_PDECL_PARAM);
    if (t->kind != ST_AST_BINDING) simple = false;
    if (p->tok.kind == ST_TOK_ASSIGN) {
      StAssignPattern *ap = ST_PNODE(p, StAssignPattern, ASSIGN_PATTERN, st_parser_node_pos(p, t));
      st_parser_next(p);
      ap->target = t;
      ap->def = st_parser_expr_assign(p, true, false);
      t = &ap->h;
      simple = false;
      seen_default = true;
    } else if (!seen_default) {
      length++;
    }
    st_parser_push(p, t);
    if (!st_parser_eat(p, ST_TOK_COMMA)) break;
  }
  fn->params = st_parser_list(p, base);
  st_parser_expect(p, ST_TOK_RPAREN);
  ctx->in_params = false;
  finish_params(p, ctx, simple, length);
  if (st_parser_failed(p)) return;
  if (ctx->method_kind == ST_AST_METHOD_GETTER && (fn->params.count || fn->rest))
    st_parser_error(p, open, "Getter must not have any formal parameters.");
  else if (ctx->method_kind == ST_AST_METHOD_SETTER && fn->rest)
    st_parser_error(p, open, "Setter function argument must not be a rest parameter");
  else if (ctx->method_kind == ST_AST_METHOD_SETTER && fn->params.count != 1)
    st_parser_error(p, open, "Setter must have exactly one formal parameter.");
}

/* `{ FunctionBody }` */
static void body(StParser *p, StFnCtx *ctx) {
  if (p->tok.kind != ST_TOK_LBRACE) {
    st_parser_unexpected(p);
    return;
  }
  st_parser_next(p);
  ctx->fn->body = st_parser_body(p, ctx, true);
  ctx->fn->src_end = p->tok.end;
  st_parser_expect(p, ST_TOK_RBRACE);
}

StAstFunction *st_parser_func_function(StParser *p, StPos pos, bool async, bool declaration) {
  StAstFunction *fn = (StAstFunction *)st_parser_node(
      p, sizeof(StAstFunction), declaration ? ST_AST_FUNCTION_DECL : ST_AST_FUNCTION_EXPR, pos);
  fn->src_start = pos.offset;
  if (async) fn->flags |= ST_AST_FN_ASYNC;
  st_parser_next(p); /* function */
  if (p->tok.kind == ST_TOK_STAR) {
    st_parser_error(p, st_parser_pos(p), "Generators are not supported");
    return fn;
  }
  if (declaration) {
    /* The name is bound in the enclosing scope: var-like at the top of a function or script,
     * lexical in a block (sloppy plain functions may repeat there, Annex B). */
    StDeclKindP k = ST_PDECL_VAR;
    if (p->scopes.data[p->scopes.len - 1].kind != ST_PSCOPE_FUNCTION)
      k = p->strict || async ? ST_PDECL_LEXICAL : ST_PDECL_BLOCK_FUNCTION;
    if (p->tok.kind != ST_TOK_IDENT) {
      st_parser_unexpected(p);
      return fn;
    }
    fn->name = st_parser_pattern_binding_ident(p, k);
  }
  bool saved_strict = p->strict;
  StFnCtx ctx;
  st_parser_func_push(p, &ctx, fn, false, async, ST_AST_METHOD_NONE);
  /* A function expression's name is checked in the function's own context (an async function
   * expression cannot be called await). */
  if (!declaration && p->tok.kind == ST_TOK_IDENT)
    fn->name = st_parser_pattern_binding_ident(p, ST_PDECL_NONE);
  params(p, &ctx);
  body(p, &ctx);
  st_parser_func_pop(p, &ctx);
  p->strict = saved_strict;
  return fn;
}

StAstFunction *st_parser_func_method(StParser *p, StPos pos, uint8_t method_kind, bool async,
                                  uint32_t extra_flags) {
  StAstFunction *fn = ST_PNODE(p, StAstFunction, FUNCTION_EXPR, pos);
  fn->src_start = pos.offset;
  fn->method_kind = method_kind;
  fn->flags = extra_flags | (async ? ST_AST_FN_ASYNC : 0);
  bool saved_strict = p->strict;
  StFnCtx ctx;
  st_parser_func_push(p, &ctx, fn, false, async, method_kind);
  params(p, &ctx);
  body(p, &ctx);
  st_parser_func_pop(p, &ctx);
  p->strict = saved_strict;
  return fn;
}

StNode *st_parser_func_arrow(StParser *p, StPos start, StNode **items, uint32_t nparams,
                             StNode *rest, bool async, bool in, uint32_t await_before) {
  StAstFunction *fn = ST_PNODE(p, StAstFunction, ARROW, start);
  fn->src_start = start.offset;
  fn->flags = ST_AST_FN_ARROW | (async ? ST_AST_FN_ASYNC : 0);
  if (p->await_count != await_before) {
    st_parser_error(p, start, "Illegal await-expression in formal parameters of async function");
    return &fn->h;
  }
  bool saved_strict = p->strict;
  StFnCtx ctx;
  st_parser_func_push(p, &ctx, fn, true, async, ST_AST_METHOD_NONE);
  ctx.in_params = true;
  bool simple = true, seen_default = false;
  uint32_t length = 0;
  uint32_t base = st_parser_mark(p);
  for (uint32_t i = 0; i < nparams; i++) {
    StNode *t = st_parser_pattern_from_expr(p, items[i], true, ST_PDECL_PARAM);
    if (t->kind != ST_AST_BINDING) simple = false;
    if (t->kind == ST_AST_ASSIGN_PATTERN) seen_default = true;
    else if (!seen_default) length++;
    st_parser_push(p, t);
  }
  fn->params = st_parser_list(p, base);
  if (rest) {
    simple = false;
    fn->rest = st_parser_pattern_from_expr(p, rest, true, ST_PDECL_PARAM);
    if (fn->rest->kind == ST_AST_ASSIGN_PATTERN)
      st_parser_error(p, st_parser_node_pos(p, rest),
                      "Rest parameter may not have a default initializer");
  }
  ctx.in_params = false;
  finish_params(p, &ctx, simple, length);
  for (int u = 0; u < ST_PUSE__COUNT; u++)
    if (p->last_use[u] > start.offset) fn->flags |= use_flags[u];
  if (p->tok.flags & ST_TOKEN_NL_BEFORE) {
    st_parser_unexpected(p); /* no line terminator before => */
  } else {
    st_parser_next(p); /* => */
  }
  if (p->tok.kind == ST_TOK_LBRACE) {
    body(p, &ctx);
  } else if (!st_parser_failed(p)) {
    fn->flags |= ST_AST_FN_EXPRESSION_BODY;
    StPos epos = st_parser_pos(p);
    StNode *e = st_parser_expr_assign(p, in, false);
    StReturn *r = ST_PNODE(p, StReturn, RETURN, epos);
    r->arg = e;
    uint32_t b = st_parser_mark(p);
    st_parser_push(p, &r->h);
    fn->body = st_parser_list(p, b);
    fn->src_end = p->prev_end;
  }
  st_parser_func_pop(p, &ctx);
  p->strict = saved_strict;
  return &fn->h;
}

/* ---- Classes --------------------------------------------------------------------------- */

static bool str_is(StStr s, const char *ascii) {
  size_t n = strlen(ascii);
  if (s.len != n) return false;
  for (size_t i = 0; i < n; i++)
    if (s.units[i] != (uint8_t)ascii[i]) return false;
  return true;
}

/* Is a non-computed key the name `text` (identifier or string key)? */
static bool key_is(const StParser *p, const StNode *key, StAstAtom atom) {
  if (key->kind == ST_AST_PROPERTY_NAME) return ((const StPropertyName *)key)->name == p->names->atom[atom];
  if (key->kind == ST_AST_STRING) return str_is(((const StAstString *)key)->value, p->names->atom[atom]->str);
  return false;
}

/* Is the token after a `static`, `get`, `set` or `async` word one that makes the word itself
 * the member's name (`static() {}`, `get = 1`, `async;`)? */
static bool word_is_name(const StToken *n) {
  return n->kind == ST_TOK_LPAREN || n->kind == ST_TOK_ASSIGN || n->kind == ST_TOK_SEMICOLON ||
         n->kind == ST_TOK_RBRACE || n->kind == ST_TOK_EOF;
}

typedef enum { MOD_NONE, MOD_GET, MOD_SET, MOD_ASYNC } Modifier;

static void field_initializer(StParser *p, StClassMember *m, bool is_static) {
  StPos vpos = st_parser_pos(p);
  StAstFunction *fn = ST_PNODE(p, StAstFunction, FUNCTION_EXPR, vpos);
  fn->method_kind = ST_AST_METHOD_FIELD_INIT;
  fn->flags = ST_AST_FN_EXPRESSION_BODY | ST_AST_FN_CLASS_MEMBER | ST_AST_FN_SIMPLE_PARAMS |
              (is_static ? ST_AST_FN_STATIC : 0);
  fn->src_start = vpos.offset;
  StFnCtx ctx;
  st_parser_func_push(p, &ctx, fn, false, false, ST_AST_METHOD_FIELD_INIT);
  StNode *e = st_parser_expr_assign(p, true, false);
  StReturn *r = ST_PNODE(p, StReturn, RETURN, vpos);
  r->arg = e;
  uint32_t b = st_parser_mark(p);
  st_parser_push(p, &r->h);
  fn->body = st_parser_list(p, b);
  fn->src_end = p->prev_end;
  st_parser_func_pop(p, &ctx);
  m->value = fn;
}

static void class_member(StParser *p, StClass *cls, uint32_t base) {
  StPos mpos = st_parser_pos(p);
  bool is_static = false;
  if (st_parser_is_atom(p, ST_AST_ATOM_STATIC) && !word_is_name(st_parser_peek(p))) {
    is_static = true;
    st_parser_next(p);
    if (p->tok.kind == ST_TOK_LBRACE) {
      st_parser_error(p, st_parser_pos(p), "Class static blocks are not supported");
      return;
    }
  }
  StPos kpos = st_parser_pos(p);
  Modifier mod = MOD_NONE;
  if (st_parser_is_atom(p, ST_AST_ATOM_GET) || st_parser_is_atom(p, ST_AST_ATOM_SET) ||
      st_parser_is_atom(p, ST_AST_ATOM_ASYNC)) {
    bool is_async = st_parser_is_atom(p, ST_AST_ATOM_ASYNC);
    const StToken *n = st_parser_peek(p);
    if (!word_is_name(n) && !(is_async && (n->flags & ST_TOKEN_NL_BEFORE))) {
      mod = is_async ? MOD_ASYNC : st_parser_is_atom(p, ST_AST_ATOM_GET) ? MOD_GET : MOD_SET;
      st_parser_next(p);
    }
  }
  if (p->tok.kind == ST_TOK_STAR) {
    st_parser_error(p, st_parser_pos(p), "Generators are not supported");
    return;
  }
  StPos key_pos = st_parser_pos(p);
  bool computed = false;
  StNode *key = st_parser_expr_property_key(p, &computed);
  if (st_parser_failed(p)) return;
  if (p->tok.kind == ST_TOK_LPAREN) {
    bool is_ctor = !is_static && !computed && key_is(p, key, ST_AST_ATOM_CONSTRUCTOR);
    uint8_t kind = mod == MOD_GET ? ST_AST_METHOD_GETTER : mod == MOD_SET ? ST_AST_METHOD_SETTER : ST_AST_METHOD_METHOD;
    if (is_ctor) {
      if (mod == MOD_GET || mod == MOD_SET) {
        st_parser_error(p, key_pos, "Class constructor may not be an accessor");
        return;
      }
      if (mod == MOD_ASYNC) {
        st_parser_error(p, key_pos, "Class constructor may not be an async method");
        return;
      }
      if (cls->constructor) {
        st_parser_error(p, key_pos, "A class may only have one constructor");
        return;
      }
      kind = cls->heritage ? ST_AST_METHOD_DERIVED_CONSTRUCTOR : ST_AST_METHOD_CONSTRUCTOR;
    }
    if (is_static && !computed && key_is(p, key, ST_AST_ATOM_PROTOTYPE)) {
      st_parser_error(p, key_pos, "Classes may not have a static property named 'prototype'");
      return;
    }
    uint32_t flags = ST_AST_FN_CLASS_MEMBER | (is_static ? ST_AST_FN_STATIC : 0);
    StAstFunction *fn = st_parser_func_method(p, kpos, kind, mod == MOD_ASYNC, flags);
    if (is_ctor) {
      cls->constructor = fn;
      return;
    }
    StClassMember *m = ST_PNODE(p, StClassMember, CLASS_METHOD, mpos);
    m->key = key;
    m->value = fn;
    m->computed = computed;
    m->is_static = is_static;
    st_parser_push(p, &m->h);
    (void)base;
    return;
  }
  if (mod != MOD_NONE) {
    st_parser_unexpected(p);
    return;
  }
  if (!computed && key_is(p, key, ST_AST_ATOM_CONSTRUCTOR)) {
    st_parser_error(p, key_pos, "Classes may not have a field named 'constructor'");
    return;
  }
  if (is_static && !computed && key_is(p, key, ST_AST_ATOM_PROTOTYPE)) {
    st_parser_error(p, key_pos, "Classes may not have a static property named 'prototype'");
    return;
  }
  StClassMember *m = ST_PNODE(p, StClassMember, CLASS_FIELD, mpos);
  m->key = key;
  m->computed = computed;
  m->is_static = is_static;
  if (st_parser_eat(p, ST_TOK_ASSIGN)) field_initializer(p, m, is_static);
  st_parser_semicolon(p);
  if (is_static) cls->static_fields++;
  else cls->instance_fields++;
  st_parser_push(p, &m->h);
}

StClass *st_parser_func_class(StParser *p, bool declaration) {
  StPos pos = st_parser_pos(p);
  StClass *cls = (StClass *)st_parser_node(p, sizeof(StClass),
                                           declaration ? ST_AST_CLASS_DECL : ST_AST_CLASS_EXPR, pos);
  cls->src_start = pos.offset;
  st_parser_next(p); /* class */
  bool saved_strict = p->strict;
  p->strict = true; /* all parts of a class are strict mode code */
  if (p->tok.kind == ST_TOK_IDENT) {
    cls->name = st_parser_pattern_binding_ident(p, declaration ? ST_PDECL_LEXICAL : ST_PDECL_NONE);
  } else if (declaration) {
    st_parser_unexpected(p);
    p->strict = saved_strict;
    return cls;
  }
  st_parser_scope_push(p, ST_PSCOPE_BLOCK);
  if (st_parser_eat(p, ST_TOK_EXTENDS)) {
    cls->heritage = st_parser_expr_lhs(p);
    if (st_parser_expr_is_arrow(cls->heritage)) st_parser_unexpected(p);
  }
  if (st_parser_expect(p, ST_TOK_LBRACE)) {
    uint32_t base = st_parser_mark(p);
    while (p->tok.kind != ST_TOK_RBRACE && p->tok.kind != ST_TOK_EOF) {
      if (st_parser_eat(p, ST_TOK_SEMICOLON)) continue;
      class_member(p, cls, base);
    }
    cls->members = st_parser_list(p, base);
    cls->src_end = p->tok.end;
    st_parser_expect(p, ST_TOK_RBRACE);
  }
  st_parser_scope_pop(p);
  p->strict = saved_strict;
  return cls;
}

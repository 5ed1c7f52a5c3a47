/* frontend/parser_pattern.c: destructuring patterns and assignment targets.
 *
 * Two ways to get a pattern:
 *  - Binding patterns (var/let/const, parameters, catch) are parsed directly as patterns.
 *  - Assignment patterns and arrow parameters are first parsed as expressions (the cover
 *    grammar) and converted here once `=` or `=>` shows which they are. Conversion mutates
 *    IDENT into BINDING in place and rebuilds literals as pattern nodes; an assignment pattern
 *    that turns out to be arrow parameters (`([a] = x) => a`) is converted again, in place.
 */
#include "frontend/parser_internal.h"

static const char INVALID_TARGET[] = "Invalid destructuring assignment target";

bool st_parser_pattern_check_binding(StParser *p, const StName *name, StPos pos, bool escaped,
                                     StDeclKindP kind) {
  (void)escaped;
  if (name->token != ST_TOK_IDENT) {
    st_parser_error(p, pos, "Keyword must not contain escaped characters");
    return false;
  }
  if (p->strict && (name == p->names->atom[ST_AST_ATOM_EVAL] || name == p->names->atom[ST_AST_ATOM_ARGUMENTS])) {
    st_parser_error(p, pos, "Unexpected eval or arguments in strict mode");
    return false;
  }
  if (p->strict && (name->flags & ST_AST_NAME_STRICT_RESERVED)) {
    st_parser_error(p, pos, "Unexpected strict mode reserved word");
    return false;
  }
  if (kind == ST_PDECL_LEXICAL && name == p->names->atom[ST_AST_ATOM_LET]) {
    st_parser_error(p, pos, "let is disallowed as a lexically bound name");
    return false;
  }
  if (name == p->names->atom[ST_AST_ATOM_AWAIT] && p->fn->async) {
    st_parser_error(p, pos, "Unexpected reserved word");
    return false;
  }
  return true;
}

/* Declares a BINDING, noting a repeated parameter name (whether that is allowed is decided
 * when the parameter list is complete). */
static void declare_binding(StParser *p, StIdent *b, StDeclKindP kind) {
  if (kind == ST_PDECL_PARAM) {
    StDeclEntry *top = ((StName *)st_ast_ident_name(b))->user;
    if (top && top->scope == p->scopes.len - 1 && top->kind == ST_PDECL_PARAM && !p->fn->dup_param)
      p->fn->dup_param = b;
  }
  st_parser_declare(p, st_ast_ident_name(b), kind, b->h.offset);
}

StNode *st_parser_pattern_binding_ident(StParser *p, StDeclKindP kind) {
  if (p->tok.kind != ST_TOK_IDENT) {
    st_parser_unexpected(p);
    return st_parser_error_node(p);
  }
  StPos pos = st_parser_pos(p);
  StIdent *b = ST_PNODE(p, StIdent, BINDING, pos);
  b->u.name = p->tok.v.name;
  if (st_parser_pattern_check_binding(p, st_ast_ident_name(b), pos,
                                      (p->tok.flags & ST_TOKEN_ESCAPED) != 0, kind))
    declare_binding(p, b, kind);
  st_parser_next(p);
  return &b->h;
}

static StNode *with_default(StParser *p, StNode *target) {
  if (p->tok.kind != ST_TOK_ASSIGN) return target;
  StAssignPattern *ap = ST_PNODE(p, StAssignPattern, ASSIGN_PATTERN, st_parser_node_pos(p, target));
  st_parser_next(p);
  ap->target = target;
  ap->def = st_parser_expr_assign(p, true, false);
  return &ap->h;
}

static ST_NOINLINE StNode *array_binding(StParser *p, StDeclKindP kind) {
  StArrayPattern *a = ST_PNODE(p, StArrayPattern, ARRAY_PATTERN, st_parser_pos(p));
  st_parser_next(p);
  uint32_t base = st_parser_mark(p);
  while (p->tok.kind != ST_TOK_RBRACKET && p->tok.kind != ST_TOK_EOF) {
    if (p->tok.kind == ST_TOK_COMMA) {
      st_parser_next(p);
      st_parser_push(p, NULL);
      continue;
    }
    if (p->tok.kind == ST_TOK_ELLIPSIS) {
      st_parser_next(p);
      a->rest = st_parser_pattern_binding(p, kind);
      if (p->tok.kind != ST_TOK_RBRACKET)
        st_parser_error(p, st_parser_pos(p), "Rest element must be last element");
      break;
    }
    st_parser_push(p, with_default(p, st_parser_pattern_binding(p, kind)));
    if (p->tok.kind == ST_TOK_RBRACKET) break;
    if (!st_parser_expect(p, ST_TOK_COMMA)) break;
  }
  a->elems = st_parser_list(p, base);
  st_parser_expect(p, ST_TOK_RBRACKET);
  return &a->h;
}

static ST_NOINLINE StNode *object_binding(StParser *p, StDeclKindP kind) {
  StObjectPattern *o = ST_PNODE(p, StObjectPattern, OBJECT_PATTERN, st_parser_pos(p));
  st_parser_next(p);
  uint32_t base = st_parser_mark(p);
  while (p->tok.kind != ST_TOK_RBRACE && p->tok.kind != ST_TOK_EOF) {
    if (p->tok.kind == ST_TOK_ELLIPSIS) {
      st_parser_next(p);
      if (p->tok.kind != ST_TOK_IDENT) {
        st_parser_error(p, st_parser_pos(p), "`...` must be followed by an identifier in declaration contexts");
        break;
      }
      o->rest = st_parser_pattern_binding_ident(p, kind);
      if (p->tok.kind != ST_TOK_RBRACE)
        st_parser_error(p, st_parser_pos(p), "Rest element must be last element");
      break;
    }
    StProperty *prop = ST_PNODE(p, StProperty, PATTERN_PROPERTY, st_parser_pos(p));
    bool key_is_ident = p->tok.kind == ST_TOK_IDENT;
    StToken key_tok = p->tok;
    bool computed = false;
    prop->key = st_parser_expr_property_key(p, &computed);
    prop->computed = computed;
    if (st_parser_eat(p, ST_TOK_COLON)) {
      prop->kind = ST_AST_PROP_INIT;
      prop->value = st_parser_pattern_binding(p, kind);
    } else if (key_is_ident) {
      StPos pos = st_lexer_token_pos(&key_tok);
      StIdent *b = ST_PNODE(p, StIdent, BINDING, pos);
      b->u.name = key_tok.v.name;
      if (st_parser_pattern_check_binding(p, st_ast_ident_name(b), pos,
                                          (key_tok.flags & ST_TOKEN_ESCAPED) != 0, kind))
        declare_binding(p, b, kind);
      prop->kind = ST_AST_PROP_SHORTHAND;
      prop->value = &b->h;
    } else {
      st_parser_unexpected(p);
      break;
    }
    prop->value = with_default(p, prop->value);
    st_parser_push(p, &prop->h);
    if (p->tok.kind == ST_TOK_RBRACE) break;
    if (!st_parser_expect(p, ST_TOK_COMMA)) break;
  }
  o->props = st_parser_list(p, base);
  st_parser_expect(p, ST_TOK_RBRACE);
  return &o->h;
}

StNode *st_parser_pattern_binding(StParser *p, StDeclKindP kind) {
  if (!st_parser_enter(p)) {
    st_parser_leave(p);
    return st_parser_error_node(p);
  }
  StNode *r;
  switch (p->tok.kind) {
  case ST_TOK_LBRACKET: r = array_binding(p, kind); break;
  case ST_TOK_LBRACE: r = object_binding(p, kind); break;
  default: r = st_parser_pattern_binding_ident(p, kind); break;
  }
  st_parser_leave(p);
  return r;
}

/* ---- Assignment targets ---------------------------------------------------------------- */

/* Where an expression starts: operator nodes carry their operator's position. */
static StPos expr_start(StParser *p, const StNode *n) {
  for (;;) {
    if (n->paren) break;
    switch (n->kind) {
    case ST_AST_BINARY:
    case ST_AST_LOGICAL: n = ((const StBinary *)n)->left; continue;
    case ST_AST_ASSIGN:
    case ST_AST_COMPOUND_ASSIGN:
    case ST_AST_LOGICAL_ASSIGN: n = ((const StAssign *)n)->target; continue;
    case ST_AST_CONDITIONAL: n = ((const StConditional *)n)->test; continue;
    case ST_AST_SEQUENCE: n = ((const StSequence *)n)->exprs.items[0]; continue;
    case ST_AST_MEMBER:
      if (!((const StMember *)n)->object) break;
      n = ((const StMember *)n)->object;
      continue;
    case ST_AST_INDEX:
      if (!((const StIndex *)n)->object) break;
      n = ((const StIndex *)n)->object;
      continue;
    case ST_AST_CALL: n = ((const StCall *)n)->callee; continue;
    case ST_AST_OPTIONAL_CHAIN: n = ((const StOptionalChain *)n)->expr; continue;
    case ST_AST_UPDATE:
      if (((const StUpdate *)n)->prefix) break;
      n = ((const StUpdate *)n)->arg;
      continue;
    default: break;
    }
    break;
  }
  return st_parser_node_pos(p, n);
}

static bool check_eval_arguments(StParser *p, StNode *e) {
  const StName *name = st_ast_ident_name((StIdent *)e);
  if (p->strict && (name == p->names->atom[ST_AST_ATOM_EVAL] || name == p->names->atom[ST_AST_ATOM_ARGUMENTS])) {
    st_parser_error(p, st_parser_node_pos(p, e), "Unexpected eval or arguments in strict mode");
    return false;
  }
  return true;
}

bool st_parser_pattern_check_simple_target(StParser *p, StNode *e, const char *msg) {
  switch (e->kind) {
  case ST_AST_IDENT: return check_eval_arguments(p, e);
  case ST_AST_MEMBER:
  case ST_AST_INDEX:
  case ST_AST_SUPER_MEMBER:
  case ST_AST_SUPER_INDEX: return true;
  default:
    st_parser_error(p, expr_start(p, e), "%s", msg);
    return false;
  }
}

/* ---- Cover grammar: expression -> pattern ---------------------------------------------- */

static StNode *convert(StParser *p, StNode *e, bool binding, StDeclKindP kind, bool top);

static StNode *fail(StParser *p, StNode *e, bool binding, bool top) {
  st_parser_error(p, expr_start(p, e), "%s",
                  binding && top ? "Malformed arrow function parameter list" : INVALID_TARGET);
  return st_parser_error_node(p);
}

/* A rest element's target: no default allowed. */
static StNode *convert_rest(StParser *p, StNode *arg, bool binding, StDeclKindP kind) {
  StNode *r = convert(p, arg, binding, kind, false);
  if (r->kind == ST_AST_ASSIGN_PATTERN) return fail(p, arg, binding, false);
  return r;
}

static ST_NOINLINE StNode *convert_array(StParser *p, StArray *a, bool binding, StDeclKindP kind) {
  StArrayPattern *ap = ST_PNODE(p, StArrayPattern, ARRAY_PATTERN, st_parser_node_pos(p, &a->h));
  uint32_t n = a->elems.count;
  for (uint32_t i = 0; i < n && !st_parser_failed(p); i++) {
    StNode *el = a->elems.items[i];
    if (el && el->kind == ST_AST_SPREAD) {
      if (i + 1 != n || el->spare) {
        st_parser_error(p, st_parser_node_pos(p, el), "Rest element must be last element");
        break;
      }
      ap->rest = convert_rest(p, ((StUnary *)el)->arg, binding, kind);
      n--;
      break;
    }
  }
  uint32_t base = st_parser_mark(p);
  for (uint32_t i = 0; i < n && !st_parser_failed(p); i++) {
    StNode *el = a->elems.items[i];
    st_parser_push(p, el ? convert(p, el, binding, kind, false) : NULL);
  }
  ap->elems = st_parser_list(p, base);
  return &ap->h;
}

static ST_NOINLINE StNode *convert_object(StParser *p, StAstObject *o, bool binding, StDeclKindP kind) {
  StObjectPattern *op = ST_PNODE(p, StObjectPattern, OBJECT_PATTERN, st_parser_node_pos(p, &o->h));
  uint32_t base = st_parser_mark(p);
  for (uint32_t i = 0; i < o->props.count && !st_parser_failed(p); i++) {
    StNode *el = o->props.items[i];
    if (el->kind == ST_AST_SPREAD) {
      StNode *arg = ((StUnary *)el)->arg;
      if (i + 1 != o->props.count || el->spare) {
        st_parser_error(p, st_parser_node_pos(p, el), "Rest element must be last element");
        break;
      }
      if (binding ? arg->kind != ST_AST_IDENT || arg->paren
                  : arg->kind != ST_AST_IDENT && arg->kind != ST_AST_MEMBER && arg->kind != ST_AST_INDEX &&
                        arg->kind != ST_AST_SUPER_MEMBER && arg->kind != ST_AST_SUPER_INDEX) {
        st_parser_error(p, st_parser_node_pos(p, arg), "%s",
                        binding ? "`...` must be followed by an identifier in "
                                  "declaration contexts"
                                : "`...` must be followed by an assignable "
                                  "reference in assignment contexts");
        break;
      }
      op->rest = convert(p, arg, binding, kind, false);
      break;
    }
    StProperty *prop = (StProperty *)el;
    if (prop->kind == ST_AST_PROP_METHOD || prop->kind == ST_AST_PROP_GET || prop->kind == ST_AST_PROP_SET) {
      st_parser_error(p, st_parser_node_pos(p, el), INVALID_TARGET);
      break;
    }
    StProperty *pp = ST_PNODE(p, StProperty, PATTERN_PROPERTY, st_parser_node_pos(p, el));
    pp->key = prop->key;
    pp->computed = prop->computed;
    pp->kind = prop->kind == ST_AST_PROP_SHORTHAND ? ST_AST_PROP_SHORTHAND : ST_AST_PROP_INIT;
    pp->value = convert(p, prop->value, binding, kind, false);
    st_parser_push(p, &pp->h);
  }
  op->props = st_parser_list(p, base);
  return &op->h;
}

/* Converts an assignment pattern (already a pattern node) into a binding pattern, in place. */
static ST_NOINLINE StNode *rebind(StParser *p, StNode *e, StDeclKindP kind) {
  switch (e->kind) {
  case ST_AST_ARRAY_PATTERN: {
    StArrayPattern *a = (StArrayPattern *)e;
    for (uint32_t i = 0; i < a->elems.count && !st_parser_failed(p); i++)
      if (a->elems.items[i]) a->elems.items[i] = convert(p, a->elems.items[i], true, kind, false);
    if (a->rest) a->rest = convert(p, a->rest, true, kind, false);
    return e;
  }
  case ST_AST_OBJECT_PATTERN: {
    StObjectPattern *o = (StObjectPattern *)e;
    for (uint32_t i = 0; i < o->props.count && !st_parser_failed(p); i++) {
      StProperty *pp = (StProperty *)o->props.items[i];
      pp->value = convert(p, pp->value, true, kind, false);
    }
    if (o->rest) {
      if (o->rest->kind != ST_AST_IDENT && o->rest->kind != ST_AST_BINDING) {
        st_parser_error(p, st_parser_node_pos(p, o->rest),
                        "`...` must be followed by an identifier in declaration contexts");
        return st_parser_error_node(p);
      }
      o->rest = convert(p, o->rest, true, kind, false);
    }
    return e;
  }
  case ST_AST_ASSIGN_PATTERN: {
    StAssignPattern *ap = (StAssignPattern *)e;
    ap->target = convert(p, ap->target, true, kind, false);
    return e;
  }
  default: ST_UNREACHABLE();
  }
}

static StNode *convert(StParser *p, StNode *e, bool binding, StDeclKindP kind, bool top) {
  if (st_parser_failed(p)) return e;
  switch (e->kind) {
  case ST_AST_IDENT:
    if (binding) {
      StIdent *id = (StIdent *)e;
      if (e->paren) return fail(p, e, binding, top);
      if (!st_parser_pattern_check_binding(p, st_ast_ident_name(id), st_parser_node_pos(p, e),
                                           false, kind))
        return e;
      e->kind = ST_AST_BINDING;
      declare_binding(p, id, kind);
      return e;
    }
    check_eval_arguments(p, e);
    return e;
  case ST_AST_BINDING: /* parsed as a binding already (a parenthesized rest) */
    declare_binding(p, (StIdent *)e, kind);
    return e;
  case ST_AST_MEMBER:
  case ST_AST_INDEX:
  case ST_AST_SUPER_MEMBER:
  case ST_AST_SUPER_INDEX:
    if (binding) return fail(p, e, binding, top);
    return e;
  case ST_AST_ARRAY:
    if (e->paren) return fail(p, e, binding, top);
    return convert_array(p, (StArray *)e, binding, kind);
  case ST_AST_OBJECT:
    if (e->paren) return fail(p, e, binding, top);
    return convert_object(p, (StAstObject *)e, binding, kind);
  case ST_AST_ASSIGN: {
    StAssign *a = (StAssign *)e;
    if (e->paren || a->op != ST_TOK_ASSIGN) return fail(p, e, binding, top);
    StAssignPattern *ap =
        ST_PNODE(p, StAssignPattern, ASSIGN_PATTERN, st_parser_node_pos(p, a->target));
    ap->target = convert(p, a->target, binding, kind, false);
    ap->def = a->value;
    return &ap->h;
  }
  case ST_AST_ARRAY_PATTERN:
  case ST_AST_OBJECT_PATTERN:
  case ST_AST_ASSIGN_PATTERN:
    /* converted by an inner `=` already: binding patterns from parsed ones */
    return binding ? rebind(p, e, kind) : e;
  default: return fail(p, e, binding, top);
  }
}

StNode *st_parser_pattern_from_expr(StParser *p, StNode *e, bool binding, StDeclKindP kind) {
  StNode *r = convert(p, e, binding, kind, true);
  return st_parser_failed(p) ? st_parser_error_node(p) : r;
}

/* ---- Strict mode re-check -------------------------------------------------------------- */

void st_parser_pattern_recheck_strict(StParser *p, StNode *n) {
  if (!n || st_parser_failed(p)) return;
  switch (n->kind) {
  case ST_AST_BINDING:
    st_parser_pattern_check_binding(p, st_ast_ident_name((StIdent *)n), st_parser_node_pos(p, n),
                                    false, ST_PDECL_NONE);
    return;
  case ST_AST_ASSIGN_PATTERN: st_parser_pattern_recheck_strict(p, ((StAssignPattern *)n)->target); return;
  case ST_AST_ARRAY_PATTERN: {
    StArrayPattern *a = (StArrayPattern *)n;
    for (uint32_t i = 0; i < a->elems.count; i++) st_parser_pattern_recheck_strict(p, a->elems.items[i]);
    st_parser_pattern_recheck_strict(p, a->rest);
    return;
  }
  case ST_AST_OBJECT_PATTERN: {
    StObjectPattern *o = (StObjectPattern *)n;
    for (uint32_t i = 0; i < o->props.count; i++)
      st_parser_pattern_recheck_strict(p, ((StProperty *)o->props.items[i])->value);
    st_parser_pattern_recheck_strict(p, o->rest);
    return;
  }
  default: return;
  }
}

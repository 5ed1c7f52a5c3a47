/* frontend/parser_expr.c: expressions.
 *
 *   expr        assign (, assign)*
 *   assign      arrow | conditional (assignment-operator assign)?
 *   conditional binary(1) (? assign : assign)?
 *   binary(min) unary (op binary(prec+1 | prec for **))*     precedence climbing
 *   unary       (delete void typeof + - ~ ! ++ -- await) unary | postfix
 *   postfix     lhs (++ | --)?                                no line terminator before ++/--
 *   lhs         (new ... | primary) (. name | ?. | [expr] | (args))*
 *
 * Arrows are recognized in primary: an identifier followed by `=>`, `async x =>`, a
 * parenthesized list followed by `=>` (cover grammar), and `async(...)` followed by `=>` in the
 * call loop. An arrow is a whole AssignmentExpression, so the loops above never extend an
 * unparenthesized arrow, and an arrow as an operand is an error.
 *
 * `no_in` (the head of a for statement) is kept in the parser and set by every assign call,
 * so parentheses, brackets and braces, which parse their contents with `in` allowed, reset it.
 */
#include "frontend/parser_internal.h"

#include <string.h>

bool st_parser_expr_is_arrow(const StNode *n) { return n->kind == ST_AST_ARROW && !n->paren; }

void st_parser_expr_report_cover(StParser *p) {
  if (!p->cover.set) return;
  p->cover.set = false;
  st_parser_error(p, p->cover.pos, "%s", p->cover.msg);
}

static void set_cover(StParser *p, StPos pos, const char *msg) {
  if (p->cover.set) return;
  p->cover.set = true;
  p->cover.pos = pos;
  p->cover.msg = msg;
}

static StNode *assign_inner(StParser *p, bool inherit);
static StNode *unary(StParser *p);

/* ---- Identifiers and literals ---------------------------------------------------------- */

bool st_parser_expr_check_ref(StParser *p, const StName *name, StPos pos, bool escaped) {
  (void)escaped;
  if (name->token != ST_TOK_IDENT) {
    st_parser_error(p, pos, "Keyword must not contain escaped characters");
    return false;
  }
  if (p->strict && (name->flags & ST_AST_NAME_STRICT_RESERVED)) {
    st_parser_error(p, pos, "Unexpected strict mode reserved word");
    return false;
  }
  if (name == p->names->atom[ST_AST_ATOM_AWAIT] && p->fn->async) {
    st_parser_error(p, pos, "Unexpected reserved word");
    return false;
  }
  return true;
}

/* An IdentifierReference at the current IDENT token. */
static StNode *identifier_reference(StParser *p) {
  StPos pos = st_parser_pos(p);
  const StName *name = p->tok.v.name;
  st_parser_expr_check_ref(p, name, pos, (p->tok.flags & ST_TOKEN_ESCAPED) != 0);
  if (name == p->names->atom[ST_AST_ATOM_ARGUMENTS]) {
    StFnCtx *home = st_parser_func_home(p);
    if (home->method_kind == ST_AST_METHOD_FIELD_INIT) {
      st_parser_error(p, pos, "'arguments' is not allowed in class field initializer or static initialization block");
    }
    st_parser_func_mark_use(p, ST_PUSE_ARGUMENTS, pos.offset);
  }
  StIdent *id = ST_PNODE(p, StIdent, IDENT, pos);
  id->u.name = name;
  st_parser_next(p);
  return &id->h;
}

static StNode *number_literal(StParser *p) {
  StPos pos = st_parser_pos(p);
  if (p->strict && (p->tok.flags & ST_TOKEN_LEGACY_OCTAL))
    st_parser_error(p, pos, "Octal literals are not allowed in strict mode.");
  else if (p->strict && (p->tok.flags & ST_TOKEN_LEADING_ZERO))
    st_parser_error(p, pos, "Decimals with leading zeros are not allowed in strict mode.");
  StNumber *n = ST_PNODE(p, StNumber, NUMBER, pos);
  n->value = p->tok.v.num;
  st_parser_next(p);
  return &n->h;
}

static StNode *string_literal(StParser *p) {
  StPos pos = st_parser_pos(p);
  if (p->strict && (p->tok.flags & ST_TOKEN_OCTAL_ESCAPE))
    st_parser_error(p, p->tok.octal, "Octal escape sequences are not allowed in strict mode.");
  else if (p->strict && (p->tok.flags & ST_TOKEN_ESCAPE_89))
    st_parser_error(p, p->tok.octal, "\\8 and \\9 are not allowed in strict mode.");
  StAstString *s = ST_PNODE(p, StAstString, STRING, pos);
  s->value = p->tok.v.str;
  st_parser_next(p);
  return &s->h;
}

StNode *st_parser_expr_property_key(StParser *p, bool *computed) {
  *computed = false;
  StPos pos = st_parser_pos(p);
  switch (p->tok.kind) {
  case ST_TOK_STRING: return string_literal(p);
  case ST_TOK_NUMBER: return number_literal(p);
  case ST_TOK_LBRACKET: {
    *computed = true;
    st_parser_next(p);
    StNode *e = st_parser_expr_assign(p, true, false);
    st_parser_expect(p, ST_TOK_RBRACKET);
    return e;
  }
  case ST_TOK_IDENT: break;
  default:
    if (!st_token_is_keyword(p->tok.kind)) {
      st_parser_unexpected(p);
      return st_parser_error_node(p);
    }
    break;
  }
  StPropertyName *k = ST_PNODE(p, StPropertyName, PROPERTY_NAME, pos);
  k->name = p->tok.v.name;
  st_parser_next(p);
  return &k->h;
}

/* ---- Templates ------------------------------------------------------------------------- */

static ST_NOINLINE StNode *template_literal(StParser *p) {
  StTemplate *t = ST_PNODE(p, StTemplate, TEMPLATE, st_parser_pos(p));
  if (p->tok.kind == ST_TOK_TEMPLATE) {
    t->count = 1;
    t->cooked = st_parser_alloc(p, sizeof(StStr));
    t->raw = st_parser_alloc(p, sizeof(StStr));
    t->cooked[0] = p->tok.v.str;
    t->raw[0] = p->tok.raw;
    st_parser_next(p);
    return &t->h;
  }
  /* Quasis are collected as pairs of pseudo-entries on a local growable array in the arena;
   * templates with many substitutions are rare enough for the doubling to cost nothing. */
  uint32_t cap = 4, n = 0;
  StStr *cooked = st_parser_alloc(p, sizeof(StStr) * cap);
  StStr *raw = st_parser_alloc(p, sizeof(StStr) * cap);
  uint32_t base = st_parser_mark(p);
  for (;;) {
    if (n == cap) {
      StStr *c2 = st_parser_alloc(p, sizeof(StStr) * cap * 2);
      StStr *r2 = st_parser_alloc(p, sizeof(StStr) * cap * 2);
      memcpy(c2, cooked, sizeof(StStr) * cap);
      memcpy(r2, raw, sizeof(StStr) * cap);
      cooked = c2;
      raw = r2;
      cap *= 2;
    }
    cooked[n] = p->tok.v.str;
    raw[n] = p->tok.raw;
    n++;
    if (p->tok.kind == ST_TOK_TEMPLATE_TAIL) {
      st_parser_next(p);
      break;
    }
    st_parser_next(p); /* past the head or middle */
    st_parser_push(p, st_parser_expr(p, true));
    if (p->tok.kind != ST_TOK_RBRACE) {
      if (p->tok.kind == ST_TOK_EOF) st_parser_unexpected(p);
      else st_parser_error(p, st_parser_pos(p), "Missing } in template expression");
      break;
    }
    st_lexer_template_continue(&p->lx, &p->tok);
    if (p->tok.kind == ST_TOK_EOF) {
      st_parser_unexpected(p);
      break;
    }
  }
  t->exprs = st_parser_list(p, base);
  t->count = n;
  t->cooked = cooked;
  t->raw = raw;
  if (t->exprs.count + 1 != n) { /* after an error: keep the shape consistent */
    t->count = t->exprs.count + 1 <= n ? t->exprs.count + 1 : n;
    if (t->exprs.count >= t->count) t->exprs.count = t->count - 1;
  }
  return &t->h;
}

/* ---- Array and object literals --------------------------------------------------------- */

static ST_NOINLINE StNode *array_literal(StParser *p) {
  StArray *a = ST_PNODE(p, StArray, ARRAY, st_parser_pos(p));
  st_parser_next(p);
  uint32_t base = st_parser_mark(p);
  while (p->tok.kind != ST_TOK_RBRACKET && p->tok.kind != ST_TOK_EOF) {
    if (p->tok.kind == ST_TOK_COMMA) {
      st_parser_next(p);
      st_parser_push(p, NULL);
      continue;
    }
    StNode *e;
    if (p->tok.kind == ST_TOK_ELLIPSIS) {
      StUnary *s = ST_PNODE(p, StUnary, SPREAD, st_parser_pos(p));
      st_parser_next(p);
      s->arg = st_parser_expr_assign(p, true, true);
      e = &s->h;
    } else {
      e = st_parser_expr_assign(p, true, true);
    }
    st_parser_push(p, e);
    if (p->tok.kind == ST_TOK_RBRACKET) break;
    if (!st_parser_expect(p, ST_TOK_COMMA)) break;
    /* spare = 1: a comma follows this spread, so it cannot be a rest element */
    if (e->kind == ST_AST_SPREAD) e->spare = 1;
  }
  a->elems = st_parser_list(p, base);
  st_parser_expect(p, ST_TOK_RBRACKET);
  return &a->h;
}

static bool is_proto_key(const StParser *p, const StNode *key) {
  if (key->kind == ST_AST_PROPERTY_NAME)
    return ((const StPropertyName *)key)->name == p->names->atom[ST_AST_ATOM_PROTO];
  if (key->kind != ST_AST_STRING) return false;
  StStr s = ((const StAstString *)key)->value;
  static const char proto[] = "__proto__";
  if (s.len != 9) return false;
  for (int i = 0; i < 9; i++)
    if (s.units[i] != (uint8_t)proto[i]) return false;
  return true;
}

static ST_NOINLINE StNode *object_literal(StParser *p) {
  StAstObject *o = ST_PNODE(p, StAstObject, OBJECT, st_parser_pos(p));
  st_parser_next(p);
  uint32_t base = st_parser_mark(p);
  bool has_proto = false;
  while (p->tok.kind != ST_TOK_RBRACE && p->tok.kind != ST_TOK_EOF) {
    StPos ppos = st_parser_pos(p);
    if (p->tok.kind == ST_TOK_ELLIPSIS) {
      StUnary *s = ST_PNODE(p, StUnary, SPREAD, ppos);
      st_parser_next(p);
      s->arg = st_parser_expr_assign(p, true, false);
      st_parser_push(p, &s->h);
    } else {
      StProperty *prop = ST_PNODE(p, StProperty, PROPERTY, ppos);
      uint8_t mkind = ST_AST_METHOD_NONE;
      bool async = false;
      if (st_parser_is_atom(p, ST_AST_ATOM_GET) || st_parser_is_atom(p, ST_AST_ATOM_SET) ||
          st_parser_is_atom(p, ST_AST_ATOM_ASYNC)) {
        bool is_async = st_parser_is_atom(p, ST_AST_ATOM_ASYNC);
        bool is_get = st_parser_is_atom(p, ST_AST_ATOM_GET);
        const StToken *n = st_parser_peek(p);
        bool word_is_key = n->kind == ST_TOK_COMMA || n->kind == ST_TOK_COLON ||
                           n->kind == ST_TOK_LPAREN || n->kind == ST_TOK_RBRACE ||
                           n->kind == ST_TOK_ASSIGN || n->kind == ST_TOK_EOF;
        if (!word_is_key) {
          if (is_async && (n->flags & ST_TOKEN_NL_BEFORE)) {
            st_parser_next(p);
            st_parser_unexpected(p);
            break;
          }
          mkind = is_async ? ST_AST_METHOD_METHOD : is_get ? ST_AST_METHOD_GETTER : ST_AST_METHOD_SETTER;
          async = is_async;
          st_parser_next(p);
        }
      }
      if (p->tok.kind == ST_TOK_STAR) {
        st_parser_error(p, st_parser_pos(p), "Generators are not supported");
        break;
      }
      bool key_is_ident = p->tok.kind == ST_TOK_IDENT;
      StToken key_tok = p->tok;
      bool computed = false;
      prop->key = st_parser_expr_property_key(p, &computed);
      prop->computed = computed;
      if (mkind != ST_AST_METHOD_NONE || p->tok.kind == ST_TOK_LPAREN) {
        if (mkind == ST_AST_METHOD_NONE) mkind = ST_AST_METHOD_METHOD;
        prop->kind = mkind == ST_AST_METHOD_GETTER ? ST_AST_PROP_GET
                     : mkind == ST_AST_METHOD_SETTER ? ST_AST_PROP_SET : ST_AST_PROP_METHOD;
        prop->value = &st_parser_func_method(p, ppos, mkind, async, 0)->h;
      } else if (st_parser_eat(p, ST_TOK_COLON)) {
        prop->value = st_parser_expr_assign(p, true, true);
        if (!prop->computed && is_proto_key(p, prop->key)) {
          if (has_proto) set_cover(p, ppos, "Duplicate __proto__ fields are not allowed in object literals");
          has_proto = true;
          prop->kind = ST_AST_PROP_PROTO;
        }
      } else if (key_is_ident && (p->tok.kind == ST_TOK_COMMA || p->tok.kind == ST_TOK_RBRACE ||
                                  p->tok.kind == ST_TOK_ASSIGN)) {
        /* Shorthand { x } or, only valid as a pattern, { x = default }. */
        StIdent *id = ST_PNODE(p, StIdent, IDENT, st_lexer_token_pos(&key_tok));
        id->u.name = key_tok.v.name;
        st_parser_expr_check_ref(p, st_ast_ident_name(id), st_parser_node_pos(p, &id->h),
                                 (key_tok.flags & ST_TOKEN_ESCAPED) != 0);
        if (st_ast_ident_name(id) == p->names->atom[ST_AST_ATOM_ARGUMENTS])
          st_parser_func_mark_use(p, ST_PUSE_ARGUMENTS, id->h.offset);
        prop->kind = ST_AST_PROP_SHORTHAND;
        prop->value = &id->h;
        if (p->tok.kind == ST_TOK_ASSIGN) {
          StAssign *a = ST_PNODE(p, StAssign, ASSIGN, st_parser_pos(p));
          set_cover(p, st_parser_pos(p), "Invalid shorthand property initializer");
          st_parser_next(p);
          a->op = ST_TOK_ASSIGN;
          a->target = &id->h;
          a->value = st_parser_expr_assign(p, true, false);
          prop->value = &a->h;
        }
      } else {
        st_parser_unexpected(p);
        break;
      }
      st_parser_push(p, &prop->h);
    }
    if (p->tok.kind == ST_TOK_RBRACE) break;
    if (!st_parser_expect(p, ST_TOK_COMMA)) break;
    /* spare = 1: a comma follows this spread, so it cannot be a rest element */
    StNode *last = p->scratch.len > base ? p->scratch.data[p->scratch.len - 1] : NULL;
    if (last && last->kind == ST_AST_SPREAD) last->spare = 1;
  }
  o->props = st_parser_list(p, base);
  st_parser_expect(p, ST_TOK_RBRACE);
  return &o->h;
}

/* ---- Parentheses and arrows ------------------------------------------------------------ */

static ST_NOINLINE StNode *paren_or_arrow(StParser *p) {
  StPos start = st_parser_pos(p);
  st_parser_next(p);
  uint32_t await_before = p->await_count;
  if (p->tok.kind == ST_TOK_RPAREN) {
    StPos close = st_parser_pos(p);
    st_parser_next(p);
    if (p->tok.kind == ST_TOK_ARROW && !(p->tok.flags & ST_TOKEN_NL_BEFORE))
      return st_parser_func_arrow(p, start, NULL, 0, NULL, false, !p->no_in, await_before);
    st_parser_error(p, close, "Unexpected token ')'");
    return st_parser_error_node(p);
  }
  uint32_t base = st_parser_mark(p);
  StNode *rest = NULL;
  bool trailing_comma = false;
  StPos comma = {0, 0, 0};
  for (;;) {
    if (p->tok.kind == ST_TOK_ELLIPSIS) {
      st_parser_next(p);
      rest = st_parser_pattern_binding(p, ST_PDECL_NONE);
      if (p->tok.kind == ST_TOK_COMMA) {
        st_parser_error(p, st_parser_pos(p), "Rest parameter must be last formal parameter");
        break;
      }
      break;
    }
    st_parser_push(p, st_parser_expr_assign(p, true, true));
    if (p->tok.kind != ST_TOK_COMMA) break;
    if (st_parser_mark(p) - base == 1) comma = st_parser_pos(p);
    st_parser_next(p);
    if (p->tok.kind == ST_TOK_RPAREN) {
      trailing_comma = true;
      break;
    }
  }
  StPos close = st_parser_pos(p);
  if (!st_parser_expect(p, ST_TOK_RPAREN)) {
    p->scratch.len = base;
    return st_parser_error_node(p);
  }
  uint32_t n = st_parser_mark(p) - base;
  if (p->tok.kind == ST_TOK_ARROW && !(p->tok.flags & ST_TOKEN_NL_BEFORE)) {
    p->cover.set = false;
    StNode **items = st_parser_alloc(p, sizeof(StNode *) * (n ? n : 1));
    if (n) memcpy(items, p->scratch.data + base, sizeof(StNode *) * n); /* data is NULL until first use */
    p->scratch.len = base;
    return st_parser_func_arrow(p, start, items, n, rest, false, !p->no_in, await_before);
  }
  if (rest || trailing_comma) {
    p->scratch.len = base;
    if (rest) st_parser_unexpected(p);
    else st_parser_error(p, close, "Unexpected token ')'");
    return st_parser_error_node(p);
  }
  st_parser_expr_report_cover(p);
  StNode *e;
  if (n == 1) {
    e = p->scratch.data[base];
    p->scratch.len = base;
  } else {
    StSequence *s = ST_PNODE(p, StSequence, SEQUENCE, comma);
    s->exprs = st_parser_list(p, base);
    e = &s->h;
  }
  e->paren = 1;
  return e;
}

/* ---- Primary --------------------------------------------------------------------------- */

static ST_NOINLINE StNode *super_expression(StParser *p) {
  StPos pos = st_parser_pos(p);
  st_parser_next(p);
  StFnCtx *home = st_parser_func_home(p);
  if (p->tok.kind == ST_TOK_LPAREN) {
    if (home->method_kind != ST_AST_METHOD_DERIVED_CONSTRUCTOR) {
      st_parser_error(p, pos, "'super' keyword unexpected here");
      return st_parser_error_node(p);
    }
    st_parser_func_mark_use(p, ST_PUSE_SUPER_CALL, pos.offset);
    return NULL; /* the caller parses the arguments */
  }
  if ((p->tok.kind != ST_TOK_DOT && p->tok.kind != ST_TOK_LBRACKET) ||
      home->method_kind == ST_AST_METHOD_NONE) {
    st_parser_error(p, pos, "'super' keyword unexpected here");
    return st_parser_error_node(p);
  }
  st_parser_func_mark_use(p, ST_PUSE_SUPER_PROP, pos.offset);
  if (st_parser_eat(p, ST_TOK_DOT)) {
    StMember *m = ST_PNODE(p, StMember, SUPER_MEMBER, st_parser_pos(p));
    if (p->tok.kind == ST_TOK_IDENT || st_token_is_keyword(p->tok.kind)) {
      m->name = p->tok.v.name;
      st_parser_next(p);
    } else {
      st_parser_unexpected(p);
      m->name = p->names->atom[ST_AST_ATOM_UNDEFINED];
    }
    return &m->h;
  }
  StIndex *x = ST_PNODE(p, StIndex, SUPER_INDEX, st_parser_pos(p));
  st_parser_next(p);
  x->index = st_parser_expr(p, true);
  st_parser_expect(p, ST_TOK_RBRACKET);
  return &x->h;
}

static StNodeList arguments(StParser *p, bool inherit);

static StNode *primary(StParser *p) {
  StPos pos = st_parser_pos(p);
  switch (p->tok.kind) {
  case ST_TOK_IDENT: {
    const StName *name = p->tok.v.name;
    bool escaped = (p->tok.flags & ST_TOKEN_ESCAPED) != 0;
    const StToken *n = st_parser_peek(p);
    if (!escaped && name == p->names->atom[ST_AST_ATOM_ASYNC] && !(n->flags & ST_TOKEN_NL_BEFORE)) {
      if (n->kind == ST_TOK_FUNCTION) {
        st_parser_next(p);
        return &st_parser_func_function(p, pos, true, false)->h;
      }
      if (n->kind == ST_TOK_IDENT) { /* async x => ... */
        st_parser_next(p);
        uint32_t await_before = p->await_count;
        StIdent *param = ST_PNODE(p, StIdent, IDENT, st_parser_pos(p));
        param->u.name = p->tok.v.name;
        if (p->tok.flags & ST_TOKEN_ESCAPED && st_ast_ident_name(param)->token != ST_TOK_IDENT) {
          st_parser_error(p, st_parser_pos(p), "Keyword must not contain escaped characters");
          return st_parser_error_node(p);
        }
        st_parser_next(p);
        if (p->tok.kind != ST_TOK_ARROW || (p->tok.flags & ST_TOKEN_NL_BEFORE)) {
          st_parser_unexpected(p);
          return st_parser_error_node(p);
        }
        StNode *item = &param->h;
        return st_parser_func_arrow(p, pos, &item, 1, NULL, true, !p->no_in, await_before);
      }
    }
    if (n->kind == ST_TOK_ARROW && !(n->flags & ST_TOKEN_NL_BEFORE)) {
      StIdent *param = ST_PNODE(p, StIdent, IDENT, pos);
      param->u.name = name;
      if (escaped && name->token != ST_TOK_IDENT) {
        st_parser_error(p, pos, "Keyword must not contain escaped characters");
        return st_parser_error_node(p);
      }
      st_parser_next(p);
      StNode *item = &param->h;
      return st_parser_func_arrow(p, pos, &item, 1, NULL, false, !p->no_in, p->await_count);
    }
    return identifier_reference(p);
  }
  case ST_TOK_NUMBER: return number_literal(p);
  case ST_TOK_STRING: return string_literal(p);
  case ST_TOK_TEMPLATE:
  case ST_TOK_TEMPLATE_HEAD: return template_literal(p);
  case ST_TOK_LBRACKET: return array_literal(p);
  case ST_TOK_LBRACE: return object_literal(p);
  case ST_TOK_LPAREN: return paren_or_arrow(p);
  case ST_TOK_FUNCTION: return &st_parser_func_function(p, pos, false, false)->h;
  case ST_TOK_CLASS: return &st_parser_func_class(p, false)->h;
  case ST_TOK_THIS:
    st_parser_func_mark_use(p, ST_PUSE_THIS, pos.offset);
    st_parser_next(p);
    return st_parser_node(p, sizeof(StNode), ST_AST_THIS, pos);
  case ST_TOK_NULL:
  case ST_TOK_TRUE:
  case ST_TOK_FALSE: {
    StNodeKind k = p->tok.kind == ST_TOK_NULL ? ST_AST_NULL : p->tok.kind == ST_TOK_TRUE ? ST_AST_TRUE : ST_AST_FALSE;
    st_parser_next(p);
    return st_parser_node(p, sizeof(StNode), k, pos);
  }
  case ST_TOK_SLASH:
  case ST_TOK_SLASH_ASSIGN:
    st_parser_error(p, pos, "Regular expression literals are not supported yet");
    return st_parser_error_node(p);
  case ST_TOK_IMPORT:
    st_parser_error(p, pos, "import() and import.meta are not supported");
    return st_parser_error_node(p);
  case ST_TOK_PERCENT:
    if (p->opt->allow_natives_syntax && st_parser_peek(p)->kind == ST_TOK_IDENT) {
      st_parser_next(p);
      StNativeCall *c = ST_PNODE(p, StNativeCall, NATIVE_CALL, pos);
      c->name = p->tok.v.name;
      st_parser_next(p);
      if (p->tok.kind != ST_TOK_LPAREN) {
        st_parser_unexpected(p);
        return &c->h;
      }
      c->args = arguments(p, false);
      return &c->h;
    }
    break;
  default: break;
  }
  st_parser_unexpected(p);
  return st_parser_error_node(p);
}

/* ---- Calls and members ----------------------------------------------------------------- */

/* `( args )` at `(`. inherit: the list may become async arrow parameters. */
static StNodeList arguments(StParser *p, bool inherit) {
  st_parser_next(p);
  uint32_t base = st_parser_mark(p);
  while (p->tok.kind != ST_TOK_RPAREN && p->tok.kind != ST_TOK_EOF) {
    StNode *e;
    if (p->tok.kind == ST_TOK_ELLIPSIS) {
      StUnary *s = ST_PNODE(p, StUnary, SPREAD, st_parser_pos(p));
      st_parser_next(p);
      s->arg = st_parser_expr_assign(p, true, inherit);
      e = &s->h;
    } else {
      e = st_parser_expr_assign(p, true, inherit);
    }
    st_parser_push(p, e);
    if (p->tok.kind != ST_TOK_COMMA) break;
    st_parser_next(p);
    if (e->kind == ST_AST_SPREAD) e->spare = 1;
  }
  StNodeList args = st_parser_list(p, base);
  if (p->tok.kind != ST_TOK_RPAREN) {
    if (!st_parser_failed(p)) st_parser_error(p, st_parser_pos(p), "missing ) after argument list");
  } else {
    st_parser_next(p);
  }
  return args;
}

static const StName *member_name(StParser *p) {
  if (p->tok.kind == ST_TOK_IDENT || st_token_is_keyword(p->tok.kind)) {
    const StName *n = p->tok.v.name;
    st_parser_next(p);
    return n;
  }
  st_parser_unexpected(p);
  return p->names->atom[ST_AST_ATOM_UNDEFINED];
}

/* An async arrow from `async ( args ) =>`: the arguments become parameters. */
static ST_NOINLINE StNode *async_arrow_from_call(StParser *p, StPos start, StNodeList args, uint32_t await_before) {
  StNode *rest = NULL;
  uint32_t n = args.count;
  for (uint32_t i = 0; i < args.count; i++) {
    StNode *a = args.items[i];
    if (a->kind != ST_AST_SPREAD) continue;
    if (i + 1 != args.count || a->spare) {
      st_parser_error(p, st_parser_node_pos(p, a), "Rest parameter must be last formal parameter");
      return st_parser_error_node(p);
    }
    rest = ((StUnary *)a)->arg;
    n--;
  }
  return st_parser_func_arrow(p, start, args.items, n, rest, true, !p->no_in, await_before);
}

/* `async ( args )`: a call, or the head of an async arrow when `=>` follows. */
static ST_NOINLINE StNode *async_call(StParser *p, StNode *e) {
  uint32_t await_before = p->await_count;
  StCover saved = p->cover;
  p->cover.set = false;
  StNodeList args = arguments(p, true);
  if (p->tok.kind == ST_TOK_ARROW && !(p->tok.flags & ST_TOKEN_NL_BEFORE)) {
    p->cover = saved;
    return async_arrow_from_call(p, st_parser_node_pos(p, e), args, await_before);
  }
  st_parser_expr_report_cover(p);
  if (!p->cover.set) p->cover = saved;
  StCall *c = ST_PNODE(p, StCall, CALL, st_parser_node_pos(p, e));
  c->callee = e;
  c->args = args;
  return &c->h;
}

/* The member/call suffixes of e. allow_call: false inside `new` (its arguments are its own). */
static StNode *call_tail(StParser *p, StNode *e, bool allow_call) {
  StPos chain_pos = {0, 0, 0};
  bool in_chain = false;
  StNode *async_callee = NULL;
  if (e->kind == ST_AST_IDENT && !e->paren &&
      st_ast_ident_name((StIdent *)e) == p->names->atom[ST_AST_ATOM_ASYNC] &&
      e->offset + 5 == p->prev_end)
    async_callee = e; /* unescaped `async` just before: async ( ... ) => may follow */
  while (!st_parser_expr_is_arrow(e)) {
    StPos pos = st_parser_pos(p);
    StNode *next = NULL;
    switch (p->tok.kind) {
    case ST_TOK_DOT: {
      st_parser_next(p);
      if (p->tok.kind == ST_TOK_PRIVATE_NAME) {
        st_parser_unexpected(p);
        return e;
      }
      StMember *m = ST_PNODE(p, StMember, MEMBER, st_parser_pos(p));
      m->object = e;
      m->name = member_name(p);
      next = &m->h;
      break;
    }
    case ST_TOK_QUESTION_DOT: {
      if (!allow_call) {
        st_parser_error(p, pos, "Invalid optional chain from new expression");
        return e;
      }
      if (!in_chain) chain_pos = pos;
      in_chain = true;
      st_parser_next(p);
      if (p->tok.kind == ST_TOK_LPAREN) {
        StCall *c = ST_PNODE(p, StCall, CALL, st_parser_node_pos(p, e));
        c->callee = e;
        c->optional = true;
        c->args = arguments(p, false);
        next = &c->h;
      } else if (p->tok.kind == ST_TOK_LBRACKET) {
        StIndex *x = ST_PNODE(p, StIndex, INDEX, st_parser_pos(p));
        st_parser_next(p);
        x->object = e;
        x->index = st_parser_expr(p, true);
        x->optional = true;
        st_parser_expect(p, ST_TOK_RBRACKET);
        next = &x->h;
      } else if (p->tok.kind == ST_TOK_TEMPLATE || p->tok.kind == ST_TOK_TEMPLATE_HEAD) {
        st_parser_error(p, st_parser_pos(p), "Invalid tagged template on optional chain");
        return e;
      } else {
        StMember *m = ST_PNODE(p, StMember, MEMBER, st_parser_pos(p));
        m->object = e;
        m->optional = true;
        m->name = member_name(p);
        next = &m->h;
      }
      break;
    }
    case ST_TOK_LBRACKET: {
      StIndex *x = ST_PNODE(p, StIndex, INDEX, pos);
      st_parser_next(p);
      x->object = e;
      x->index = st_parser_expr(p, true);
      st_parser_expect(p, ST_TOK_RBRACKET);
      next = &x->h;
      break;
    }
    case ST_TOK_LPAREN: {
      if (!allow_call) goto done;
      if (e == async_callee && !(p->tok.flags & ST_TOKEN_NL_BEFORE)) {
        next = async_call(p, e);
        if (next->kind == ST_AST_ARROW) return next;
        break;
      }
      StCall *c = ST_PNODE(p, StCall, CALL, st_parser_node_pos(p, e));
      c->callee = e;
      if (e->kind == ST_AST_IDENT &&
          st_ast_ident_name((StIdent *)e) == p->names->atom[ST_AST_ATOM_EVAL] && !in_chain) {
        c->direct_eval = true;
        st_parser_func_mark_direct_eval(p);
      }
      c->args = arguments(p, false);
      next = &c->h;
      break;
    }
    case ST_TOK_TEMPLATE:
    case ST_TOK_TEMPLATE_HEAD:
      if (in_chain) st_parser_error(p, pos, "Invalid tagged template on optional chain");
      else st_parser_error(p, pos, "Tagged templates are not supported");
      return e;
    default: goto done;
    }
    e = next;
  }
done:
  if (in_chain) {
    StOptionalChain *oc = ST_PNODE(p, StOptionalChain, OPTIONAL_CHAIN, chain_pos);
    oc->expr = e;
    e = &oc->h;
  }
  return e;
}

static ST_NOINLINE StNode *new_expression(StParser *p) {
  if (!st_parser_enter(p)) {
    st_parser_leave(p);
    return st_parser_error_node(p);
  }
  StPos pos = st_parser_pos(p);
  st_parser_next(p); /* new */
  StNode *result;
  if (p->tok.kind == ST_TOK_DOT) {
    st_parser_next(p);
    if (!st_parser_is_atom(p, ST_AST_ATOM_TARGET)) {
      if (p->tok.kind == ST_TOK_IDENT && p->tok.v.name == p->names->atom[ST_AST_ATOM_TARGET])
        st_parser_error(p, st_parser_pos(p), "'new.target' must not contain escaped characters");
      else
        st_parser_unexpected(p);
      st_parser_leave(p);
      return st_parser_error_node(p);
    }
    st_parser_next(p);
    if (!st_parser_func_home(p)->fn && !p->opt->allow_new_target) {
      st_parser_error(p, pos, "new.target expression is not allowed here");
      st_parser_leave(p);
      return st_parser_error_node(p);
    }
    st_parser_func_mark_use(p, ST_PUSE_NEW_TARGET, pos.offset);
    result = st_parser_node(p, sizeof(StNode), ST_AST_NEW_TARGET, pos);
  } else {
    StNode *callee;
    if (p->tok.kind == ST_TOK_NEW) callee = new_expression(p);
    else if (p->tok.kind == ST_TOK_SUPER) {
      callee = super_expression(p);
      if (!callee) { /* new super() */
        st_parser_error(p, pos, "'super' keyword unexpected here");
        st_parser_leave(p);
        return st_parser_error_node(p);
      }
    } else {
      callee = primary(p);
    }
    if (st_parser_expr_is_arrow(callee)) {
      st_parser_error(p, st_parser_node_pos(p, callee), "Malformed arrow function parameter list");
    }
    callee = call_tail(p, callee, false);
    StCall *c = ST_PNODE(p, StCall, NEW, pos);
    c->callee = callee;
    if (p->tok.kind == ST_TOK_LPAREN) c->args = arguments(p, false);
    result = &c->h;
  }
  st_parser_leave(p);
  return result;
}

static StNode *lhs_inner(StParser *p) {
  StNode *e;
  if (p->tok.kind == ST_TOK_NEW) {
    e = new_expression(p);
  } else if (p->tok.kind == ST_TOK_SUPER) {
    StPos pos = st_parser_pos(p);
    e = super_expression(p);
    if (!e) {
      StCall *c = ST_PNODE(p, StCall, SUPER_CALL, pos);
      c->args = arguments(p, false);
      e = &c->h;
    }
  } else {
    e = primary(p);
  }
  return call_tail(p, e, true);
}

StNode *st_parser_expr_lhs(StParser *p) {
  if (!st_parser_enter(p)) {
    st_parser_leave(p);
    return st_parser_error_node(p);
  }
  StNode *e = lhs_inner(p);
  st_parser_leave(p);
  return e;
}

/* ---- Unary, update, binary ------------------------------------------------------------- */

static StNode *postfix(StParser *p) {
  StNode *e = lhs_inner(p);
  if ((p->tok.kind == ST_TOK_INC || p->tok.kind == ST_TOK_DEC) && !(p->tok.flags & ST_TOKEN_NL_BEFORE) &&
      !st_parser_expr_is_arrow(e)) {
    StUpdate *u = ST_PNODE(p, StUpdate, UPDATE, st_parser_pos(p));
    u->op = p->tok.kind;
    u->arg = e;
    st_parser_pattern_check_simple_target(p, e, "Invalid left-hand side expression in postfix operation");
    st_parser_next(p);
    return &u->h;
  }
  return e;
}

/* The operand of a prefix operator: the recursion `- - - x` is counted here. */
static StNode *operand(StParser *p) {
  if (!st_parser_enter(p)) {
    st_parser_leave(p);
    return st_parser_error_node(p);
  }
  StNode *e = unary(p);
  st_parser_leave(p);
  if (st_parser_expr_is_arrow(e))
    st_parser_error(p, st_parser_node_pos(p, e), "Malformed arrow function parameter list");
  return e;
}

static StNode *unary_inner(StParser *p) {
  StPos pos = st_parser_pos(p);
  switch (p->tok.kind) {
  case ST_TOK_DELETE:
  case ST_TOK_VOID:
  case ST_TOK_TYPEOF:
  case ST_TOK_PLUS:
  case ST_TOK_MINUS:
  case ST_TOK_TILDE:
  case ST_TOK_BANG: {
    StUnary *u = ST_PNODE(p, StUnary, UNARY, pos);
    u->op = p->tok.kind;
    st_parser_next(p);
    u->arg = operand(p);
    if (u->op == ST_TOK_DELETE && p->strict && u->arg->kind == ST_AST_IDENT)
      st_parser_error(p, pos, "Delete of an unqualified identifier in strict mode.");
    return &u->h;
  }
  case ST_TOK_INC:
  case ST_TOK_DEC: {
    StUpdate *u = ST_PNODE(p, StUpdate, UPDATE, pos);
    u->op = p->tok.kind;
    u->prefix = true;
    st_parser_next(p);
    u->arg = operand(p);
    st_parser_pattern_check_simple_target(p, u->arg, "Invalid left-hand side expression in prefix operation");
    return &u->h;
  }
  case ST_TOK_IDENT:
    if (p->fn->async && st_parser_is_atom(p, ST_AST_ATOM_AWAIT)) {
      if (p->fn->in_params) {
        st_parser_error(p, pos, "Illegal await-expression in formal parameters of async function");
        return st_parser_error_node(p);
      }
      StUnary *u = ST_PNODE(p, StUnary, AWAIT, pos);
      st_parser_next(p);
      u->arg = operand(p);
      p->await_count++;
      return &u->h;
    }
    break;
  default: break;
  }
  return postfix(p);
}

static StNode *unary(StParser *p) { return unary_inner(p); }

/* Binding power of a binary operator token (0: not one). `??` binds loosest; mixing it with
 * && or || without parentheses is an error checked when the node is built. */
static int binary_prec(const StParser *p, int kind) {
  switch (kind) {
  case ST_TOK_NULLISH: return 1;
  case ST_TOK_OR_OR: return 2;
  case ST_TOK_AND_AND: return 3;
  case ST_TOK_PIPE: return 4;
  case ST_TOK_CARET: return 5;
  case ST_TOK_AMP: return 6;
  case ST_TOK_EQ:
  case ST_TOK_NE:
  case ST_TOK_EQ_STRICT:
  case ST_TOK_NE_STRICT: return 7;
  case ST_TOK_IN: return p->no_in ? 0 : 8;
  case ST_TOK_LT:
  case ST_TOK_GT:
  case ST_TOK_LE:
  case ST_TOK_GE:
  case ST_TOK_INSTANCEOF: return 8;
  case ST_TOK_SHL:
  case ST_TOK_SAR:
  case ST_TOK_SHR: return 9;
  case ST_TOK_PLUS:
  case ST_TOK_MINUS: return 10;
  case ST_TOK_STAR:
  case ST_TOK_SLASH:
  case ST_TOK_PERCENT: return 11;
  case ST_TOK_STAR_STAR: return 12;
  default: return 0;
  }
}

static bool is_and_or(const StNode *n) {
  return n->kind == ST_AST_LOGICAL && !n->paren && ((const StBinary *)n)->op != ST_TOK_NULLISH;
}

/* Right operands recurse with a higher minimum precedence, so that recursion is bounded by the
 * number of levels, except for right-associative `**`, which is counted. */
static StNode *binary(StParser *p, int min_prec) {
  StNode *left = unary(p);
  while (!st_parser_expr_is_arrow(left)) {
    int op = p->tok.kind;
    int prec = binary_prec(p, op);
    if (!prec || prec < min_prec) break;
    StPos pos = st_parser_pos(p);
    if (op == ST_TOK_STAR_STAR && !left->paren && (left->kind == ST_AST_UNARY || left->kind == ST_AST_AWAIT)) {
      st_parser_error(p, pos, "Unary operator used immediately before exponentiation expression. "
                              "Parenthesis must be used to disambiguate operator precedence");
      break;
    }
    if (op == ST_TOK_NULLISH && is_and_or(left)) {
      st_parser_error(p, pos, "Unexpected token '?\?'");
      break;
    }
    st_parser_next(p);
    StNode *right;
    if (op == ST_TOK_STAR_STAR) {
      if (!st_parser_enter(p)) {
        st_parser_leave(p);
        break;
      }
      right = binary(p, prec);
      st_parser_leave(p);
    } else {
      right = binary(p, prec + 1);
    }
    if (st_parser_expr_is_arrow(right))
      st_parser_error(p, st_parser_node_pos(p, right), "Malformed arrow function parameter list");
    if (op == ST_TOK_NULLISH && is_and_or(right)) {
      st_parser_error(p, st_parser_node_pos(p, right), "Unexpected token '%s'",
                      st_lexer_token_text(((StBinary *)right)->op));
      break;
    }
    bool logical = op == ST_TOK_AND_AND || op == ST_TOK_OR_OR || op == ST_TOK_NULLISH;
    StBinary *b = (StBinary *)st_parser_node(p, sizeof(StBinary), logical ? ST_AST_LOGICAL : ST_AST_BINARY, pos);
    b->op = (uint16_t)op;
    b->left = left;
    b->right = right;
    left = &b->h;
  }
  return left;
}

static StNode *conditional(StParser *p) {
  StNode *test = binary(p, 1);
  if (p->tok.kind != ST_TOK_QUESTION || st_parser_expr_is_arrow(test)) return test;
  StConditional *c = ST_PNODE(p, StConditional, CONDITIONAL, st_parser_pos(p));
  st_parser_next(p);
  c->test = test;
  c->then = st_parser_expr_assign(p, true, false);
  st_parser_expect(p, ST_TOK_COLON);
  c->otherwise = assign_inner(p, false);
  return &c->h;
}

/* ---- Assignment and sequences ---------------------------------------------------------- */

/* Maps an assignment operator to the node kind and the stored operator. */
static StNodeKind assign_kind(int tok, uint16_t *op) {
  switch (tok) {
  case ST_TOK_ASSIGN: *op = ST_TOK_ASSIGN; return ST_AST_ASSIGN;
  case ST_TOK_AND_AND_ASSIGN: *op = ST_TOK_AND_AND; return ST_AST_LOGICAL_ASSIGN;
  case ST_TOK_OR_OR_ASSIGN: *op = ST_TOK_OR_OR; return ST_AST_LOGICAL_ASSIGN;
  case ST_TOK_NULLISH_ASSIGN: *op = ST_TOK_NULLISH; return ST_AST_LOGICAL_ASSIGN;
  case ST_TOK_PLUS_ASSIGN: *op = ST_TOK_PLUS; break;
  case ST_TOK_MINUS_ASSIGN: *op = ST_TOK_MINUS; break;
  case ST_TOK_STAR_ASSIGN: *op = ST_TOK_STAR; break;
  case ST_TOK_SLASH_ASSIGN: *op = ST_TOK_SLASH; break;
  case ST_TOK_PERCENT_ASSIGN: *op = ST_TOK_PERCENT; break;
  case ST_TOK_STAR_STAR_ASSIGN: *op = ST_TOK_STAR_STAR; break;
  case ST_TOK_SHL_ASSIGN: *op = ST_TOK_SHL; break;
  case ST_TOK_SAR_ASSIGN: *op = ST_TOK_SAR; break;
  case ST_TOK_SHR_ASSIGN: *op = ST_TOK_SHR; break;
  case ST_TOK_AMP_ASSIGN: *op = ST_TOK_AMP; break;
  case ST_TOK_PIPE_ASSIGN: *op = ST_TOK_PIPE; break;
  case ST_TOK_CARET_ASSIGN: *op = ST_TOK_CARET; break;
  default: return ST_AST__COUNT;
  }
  return ST_AST_COMPOUND_ASSIGN;
}

static StNode *assign_inner(StParser *p, bool inherit) {
  if (!st_parser_enter(p)) {
    st_parser_leave(p);
    return st_parser_error_node(p);
  }
  StCover saved = p->cover;
  p->cover.set = false;
  StNode *lhs = conditional(p);
  StNode *result = lhs;
  if (!st_parser_expr_is_arrow(lhs) && st_token_is_assign_op(p->tok.kind)) {
    uint16_t op;
    StNodeKind kind = assign_kind(p->tok.kind, &op);
    StPos pos = st_parser_pos(p);
    StNode *target = lhs;
    if (kind == ST_AST_ASSIGN && (lhs->kind == ST_AST_OBJECT || lhs->kind == ST_AST_ARRAY) && !lhs->paren) {
      p->cover.set = false;
      target = st_parser_pattern_from_expr(p, lhs, false, ST_PDECL_NONE);
    } else {
      st_parser_expr_report_cover(p);
      st_parser_pattern_check_simple_target(p, lhs, "Invalid left-hand side in assignment");
    }
    st_parser_next(p);
    StAssign *a = (StAssign *)st_parser_node(p, sizeof(StAssign), kind, pos);
    a->op = op;
    a->target = target;
    a->value = assign_inner(p, false);
    if (kind == ST_AST_ASSIGN && target->kind == ST_AST_MEMBER && ((StMember *)target)->object->kind == ST_AST_THIS)
      st_parser_func_this_prop(p, ((StMember *)target)->name);
    result = &a->h;
  }
  if (p->cover.set) {
    if (inherit && (result->kind == ST_AST_OBJECT || result->kind == ST_AST_ARRAY) && !result->paren) {
      if (saved.set) p->cover = saved; /* keep the earlier one */
    } else {
      st_parser_expr_report_cover(p);
    }
  } else {
    p->cover = saved;
  }
  st_parser_leave(p);
  return result;
}

StNode *st_parser_expr_assign(StParser *p, bool in, bool inherit) {
  bool saved = p->no_in;
  p->no_in = !in;
  StNode *e = assign_inner(p, inherit);
  p->no_in = saved;
  return e;
}

StNode *st_parser_expr(StParser *p, bool in) {
  StNode *e = st_parser_expr_assign(p, in, false);
  if (p->tok.kind != ST_TOK_COMMA) return e;
  StSequence *s = ST_PNODE(p, StSequence, SEQUENCE, st_parser_pos(p));
  uint32_t base = st_parser_mark(p);
  st_parser_push(p, e);
  while (st_parser_eat(p, ST_TOK_COMMA)) st_parser_push(p, st_parser_expr_assign(p, in, false));
  s->exprs = st_parser_list(p, base);
  return &s->h;
}

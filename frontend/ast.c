/* frontend/ast.c: the name table, node constructors, child enumeration and the S-expression
 * dumper.
 *
 * The children of each kind are enumerated in one place (each_child); both the visitor and
 * the dumper are built on it, so a new field shows up in golden dumps as soon as it is walked.
 * The dumper writes through its own buffer: --print-ast of a multi-megabyte file prints tens
 * of megabytes, and stdio's per-call locking would dominate.
 */
#include "frontend/ast.h"

#include "support/numconv.h"
#include "support/vec.h"

#include <stdlib.h>
#include <string.h>

/* ---- Names ----------------------------------------------------------------------------- */

static const char *const reserved_text[] = {
#define ST_AST_KW_TEXT(name, text, cls) [ST_TOK_##name] = text,
    ST_TOKENS(ST_AST_KW_TEXT)
#undef ST_AST_KW_TEXT
};

static const char *const atom_text[] = {
#define ST_AST_ATOM_TEXT(id, s) s,
    ST_AST_ATOMS(ST_AST_ATOM_TEXT)
#undef ST_AST_ATOM_TEXT
};

static const char *const strict_reserved[] = {"implements", "interface", "let",   "package",
                                              "private",    "protected", "public", "static",
                                              "yield"};

uint32_t st_ast_name_hash(const char *s, size_t len) {
  /* FNV-1a: identifiers are short, and this is what the lexer computes while it scans. */
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < len; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
  return h;
}

static void grow(StNameTable *t) {
  uint32_t ncap = (t->mask + 1) * 2;
  StName **nb = ST_ARENA_ARRAY(t->arena, StName *, ncap);
  memset(nb, 0, sizeof(StName *) * ncap);
  for (uint32_t i = 0; i <= t->mask; i++) {
    StName *n = t->buckets[i];
    while (n) {
      StName *next = n->chain;
      uint32_t b = n->hash & (ncap - 1);
      n->chain = nb[b];
      nb[b] = n;
      n = next;
    }
  }
  t->buckets = nb; /* the old array stays in the arena: growth is geometric, so at most as
                      much again is wasted */
  t->mask = ncap - 1;
}

const StName *st_ast_name_hashed(StNameTable *t, const char *s, size_t len, uint32_t hash) {
  StName **slot = &t->buckets[hash & t->mask];
  for (StName *n = *slot; n; n = n->chain)
    if (n->hash == hash && n->len == len && memcmp(n->str, s, len) == 0) return n;
  StName *n = ST_ARENA_NEW(t->arena, StName);
  n->str = st_arena_strndup(t->arena, s, len);
  n->len = (uint32_t)len;
  n->hash = hash;
  n->token = ST_TOK_IDENT;
  n->chain = *slot;
  *slot = n;
  if (++t->count > t->mask) grow(t);
  return n;
}

const StName *st_ast_name(StNameTable *t, const char *s, size_t len) {
  return st_ast_name_hashed(t, s, len, st_ast_name_hash(s, len));
}

void st_ast_names_init(StNameTable *t, StArena *arena) {
  memset(t, 0, sizeof *t);
  t->arena = arena;
  t->mask = 1023;
  t->buckets = ST_ARENA_ARRAY(arena, StName *, t->mask + 1);
  memset(t->buckets, 0, sizeof(StName *) * (t->mask + 1));
  for (int k = ST_TOK_FIRST_KEYWORD; k <= ST_TOK_LAST_KEYWORD; k++) {
    StName *n = (StName *)st_ast_name(t, reserved_text[k], strlen(reserved_text[k]));
    n->token = (uint16_t)k;
  }
  for (size_t i = 0; i < ST_ARRAY_LEN(strict_reserved); i++) {
    StName *n = (StName *)st_ast_name(t, strict_reserved[i], strlen(strict_reserved[i]));
    n->flags |= ST_AST_NAME_STRICT_RESERVED;
  }
  for (int i = 0; i < ST_AST_ATOM__COUNT; i++)
    t->atom[i] = st_ast_name(t, atom_text[i], strlen(atom_text[i]));
}

/* ---- Constructors ---------------------------------------------------------------------- */

ST_STATIC_ASSERT(sizeof(StNode) == 8, "the node header is 8 bytes (see StNode)");
ST_STATIC_ASSERT(ST_AST__COUNT <= 256, "node kinds must fit StNode.kind");
ST_STATIC_ASSERT(ST_TOK__COUNT <= 1 << 16, "token kinds must fit the 16-bit op fields");
ST_STATIC_ASSERT(sizeof(StIdent) == 16 && sizeof(StBinary) == 24 && sizeof(StMember) == 24 &&
                     sizeof(StCall) == 32 && sizeof(StNumber) == 16,
                 "small fields live in the header (ST_AST_HEADER)");

StNode *st_ast_new(StArena *arena, StNodeKind kind, size_t size, uint32_t offset) {
  ST_ASSERT(size >= sizeof(StNode), "node struct smaller than its header");
  StNode *n = st_arena_zalloc(arena, size);
  n->kind = kind;
  n->offset = offset;
  return n;
}

static const char *const kind_names[] = {
#define ST_AST_KIND_NAME(kind, type, name) name,
    ST_AST_NODES(ST_AST_KIND_NAME)
#undef ST_AST_KIND_NAME
};

const char *st_ast_kind_name(StNodeKind kind) {
  return (unsigned)kind < ST_AST__COUNT ? kind_names[kind] : "?";
}

/* ---- Child enumeration ----------------------------------------------------------------- */

/* Events of a walk over one node's children: a child (NULL for an absent optional child in a
 * fixed slot), an array hole, and named groups (a function's params and body, ...). */
typedef enum { EV_CHILD, EV_HOLE, EV_OPEN, EV_CLOSE } EventKind;
typedef void (*EventFn)(void *ctx, EventKind ev, StNode *child, const char *group);

static void each_list(const StNodeList *l, EventFn fn, void *ctx, bool holes) {
  for (uint32_t i = 0; i < l->count; i++) {
    if (l->items[i]) fn(ctx, EV_CHILD, l->items[i], NULL);
    else if (holes) fn(ctx, EV_HOLE, NULL, NULL);
  }
}

static void group(const char *name, const StNodeList *l, EventFn fn, void *ctx) {
  fn(ctx, EV_OPEN, NULL, name);
  each_list(l, fn, ctx, false);
  fn(ctx, EV_CLOSE, NULL, NULL);
}

static void optional_group(const char *name, StNode *n, EventFn fn, void *ctx) {
  if (!n) return;
  fn(ctx, EV_OPEN, NULL, name);
  fn(ctx, EV_CHILD, n, NULL);
  fn(ctx, EV_CLOSE, NULL, NULL);
}

#define SLOT(n) fn(ctx, EV_CHILD, (StNode *)(n), NULL)     /* fixed slot: `-` when NULL */
#define OPT(n) ((n) ? SLOT(n) : (void)0)                   /* trailing optional: omitted */

static void each_child(StNode *n, EventFn fn, void *ctx) {
  switch ((StNodeKind)n->kind) {
  case ST_AST_PROGRAM: each_list(&((StProgram *)n)->body, fn, ctx, false); break;
  case ST_AST_VAR_DECL: each_list(&((StVarDecl *)n)->decls, fn, ctx, false); break;
  case ST_AST_DECLARATOR: {
    StDeclarator *d = (StDeclarator *)n;
    SLOT(d->target);
    OPT(d->init);
    break;
  }
  case ST_AST_FUNCTION_DECL:
  case ST_AST_FUNCTION_EXPR:
  case ST_AST_ARROW: {
    StAstFunction *f = (StAstFunction *)n;
    if (n->kind != ST_AST_ARROW) SLOT(f->name);
    group("params", &f->params, fn, ctx);
    optional_group("rest", f->rest, fn, ctx);
    group("body", &f->body, fn, ctx);
    break;
  }
  case ST_AST_CLASS_DECL:
  case ST_AST_CLASS_EXPR: {
    StClass *c = (StClass *)n;
    SLOT(c->name);
    SLOT(c->heritage);
    SLOT(c->constructor);
    group("members", &c->members, fn, ctx);
    break;
  }
  case ST_AST_CLASS_METHOD:
  case ST_AST_CLASS_FIELD: {
    StClassMember *m = (StClassMember *)n;
    SLOT(m->key);
    OPT(m->value);
    break;
  }
  case ST_AST_EXPR_STMT: SLOT(((StExprStmt *)n)->expr); break;
  case ST_AST_BLOCK: each_list(&((StBlock *)n)->body, fn, ctx, false); break;
  case ST_AST_IF: {
    StIf *s = (StIf *)n;
    SLOT(s->test);
    SLOT(s->then);
    OPT(s->otherwise);
    break;
  }
  case ST_AST_FOR: {
    StFor *s = (StFor *)n;
    SLOT(s->init);
    SLOT(s->test);
    SLOT(s->update);
    SLOT(s->body);
    break;
  }
  case ST_AST_FOR_IN:
  case ST_AST_FOR_OF: {
    StForIn *s = (StForIn *)n;
    SLOT(s->left);
    SLOT(s->right);
    SLOT(s->body);
    break;
  }
  case ST_AST_WHILE: {
    StWhile *s = (StWhile *)n;
    SLOT(s->test);
    SLOT(s->body);
    break;
  }
  case ST_AST_DO_WHILE: {
    StWhile *s = (StWhile *)n;
    SLOT(s->body);
    SLOT(s->test);
    break;
  }
  case ST_AST_RETURN:
  case ST_AST_THROW: OPT(((StReturn *)n)->arg); break;
  case ST_AST_TRY: {
    StTry *s = (StTry *)n;
    SLOT(s->block);
    SLOT(s->param);
    SLOT(s->handler);
    SLOT(s->finalizer);
    break;
  }
  case ST_AST_SWITCH: {
    StSwitch *s = (StSwitch *)n;
    SLOT(s->disc);
    each_list(&s->cases, fn, ctx, false);
    break;
  }
  case ST_AST_CASE: {
    StCase *c = (StCase *)n;
    OPT(c->test);
    group("body", &c->body, fn, ctx);
    break;
  }
  case ST_AST_LABELED: SLOT(((StLabeled *)n)->body); break;
  case ST_AST_TEMPLATE: {
    /* The quasis are printed by the dumper between the expressions; here only the
     * expressions are children. */
    each_list(&((StTemplate *)n)->exprs, fn, ctx, false);
    break;
  }
  case ST_AST_ARRAY: each_list(&((StArray *)n)->elems, fn, ctx, true); break;
  case ST_AST_OBJECT: each_list(&((StAstObject *)n)->props, fn, ctx, false); break;
  case ST_AST_PROPERTY:
  case ST_AST_PATTERN_PROPERTY: {
    StProperty *p = (StProperty *)n;
    SLOT(p->key);
    SLOT(p->value);
    break;
  }
  case ST_AST_UNARY:
  case ST_AST_AWAIT:
  case ST_AST_SPREAD: SLOT(((StUnary *)n)->arg); break;
  case ST_AST_UPDATE: SLOT(((StUpdate *)n)->arg); break;
  case ST_AST_BINARY:
  case ST_AST_LOGICAL: {
    StBinary *b = (StBinary *)n;
    SLOT(b->left);
    SLOT(b->right);
    break;
  }
  case ST_AST_ASSIGN:
  case ST_AST_COMPOUND_ASSIGN:
  case ST_AST_LOGICAL_ASSIGN: {
    StAssign *a = (StAssign *)n;
    SLOT(a->target);
    SLOT(a->value);
    break;
  }
  case ST_AST_CONDITIONAL: {
    StConditional *c = (StConditional *)n;
    SLOT(c->test);
    SLOT(c->then);
    SLOT(c->otherwise);
    break;
  }
  case ST_AST_SEQUENCE: each_list(&((StSequence *)n)->exprs, fn, ctx, false); break;
  case ST_AST_CALL:
  case ST_AST_NEW:
  case ST_AST_SUPER_CALL: {
    StCall *c = (StCall *)n;
    if (n->kind != ST_AST_SUPER_CALL) SLOT(c->callee);
    each_list(&c->args, fn, ctx, false);
    break;
  }
  case ST_AST_NATIVE_CALL: each_list(&((StNativeCall *)n)->args, fn, ctx, false); break;
  case ST_AST_MEMBER: SLOT(((StMember *)n)->object); break;
  case ST_AST_INDEX: {
    StIndex *x = (StIndex *)n;
    SLOT(x->object);
    SLOT(x->index);
    break;
  }
  case ST_AST_SUPER_INDEX: SLOT(((StIndex *)n)->index); break;
  case ST_AST_OPTIONAL_CHAIN: SLOT(((StOptionalChain *)n)->expr); break;
  case ST_AST_OBJECT_PATTERN: {
    StObjectPattern *p = (StObjectPattern *)n;
    each_list(&p->props, fn, ctx, false);
    optional_group("rest", p->rest, fn, ctx);
    break;
  }
  case ST_AST_ARRAY_PATTERN: {
    StArrayPattern *p = (StArrayPattern *)n;
    each_list(&p->elems, fn, ctx, true);
    optional_group("rest", p->rest, fn, ctx);
    break;
  }
  case ST_AST_ASSIGN_PATTERN: {
    StAssignPattern *p = (StAssignPattern *)n;
    SLOT(p->target);
    SLOT(p->def);
    break;
  }
  /* leaves */
  case ST_AST_EMPTY:
  case ST_AST_DEBUGGER:
  case ST_AST_CONTINUE:
  case ST_AST_BREAK:
  case ST_AST_IDENT:
  case ST_AST_BINDING:
  case ST_AST_NUMBER:
  case ST_AST_STRING:
  case ST_AST_TRUE:
  case ST_AST_FALSE:
  case ST_AST_NULL:
  case ST_AST_THIS:
  case ST_AST_SUPER_MEMBER:
  case ST_AST_NEW_TARGET:
  case ST_AST_PROPERTY_NAME: break;
  case ST_AST__COUNT: ST_UNREACHABLE();
  }
}

#undef SLOT
#undef OPT

typedef struct VisitCtx {
  StAstVisitFn fn;
  void *ctx;
} VisitCtx;

static void visit_event(void *ctx, EventKind ev, StNode *child, const char *group_name) {
  (void)group_name;
  VisitCtx *v = ctx;
  if (ev == EV_CHILD && child) v->fn(child, v->ctx);
}

void st_ast_visit_children(StNode *n, StAstVisitFn fn, void *ctx) {
  VisitCtx v = {fn, ctx};
  each_child(n, visit_event, &v);
}

typedef struct DeepItem {
  StNode *n;
  uint32_t depth;
} DeepItem;

typedef struct DeepCtx {
  StVec(DeepItem) stack;
  uint32_t depth; /* of the node whose children are being pushed */
} DeepCtx;

static void deep_event(void *ctx, EventKind ev, StNode *child, const char *group_name) {
  (void)group_name;
  DeepCtx *c = ctx;
  if (ev != EV_CHILD || !child) return;
  DeepItem it = {child, c->depth + 1};
  st_vec_push(&c->stack, it);
}

const StNode *st_ast_find_too_deep(const StNode *root, uint32_t limit) {
  DeepCtx c = {0};
  DeepItem first = {(StNode *)root, 1};
  st_vec_push(&c.stack, first);
  const StNode *found = NULL;
  while (c.stack.len) {
    DeepItem it = st_vec_pop(&c.stack);
    if (it.depth > limit) {
      found = it.n;
      break;
    }
    c.depth = it.depth;
    each_child(it.n, deep_event, &c);
  }
  st_vec_free(&c.stack);
  return found;
}

typedef struct DepthCtx {
  uint32_t max;
} DepthCtx;

static void depth_event(StNode *child, void *ctx) {
  DepthCtx *d = ctx;
  uint32_t h = st_ast_depth(child);
  if (h > d->max) d->max = h;
}

uint32_t st_ast_depth(const StNode *n) {
  DepthCtx d = {0};
  st_ast_visit_children((StNode *)n, depth_event, &d);
  return d.max + 1;
}

/* ---- Dumper ---------------------------------------------------------------------------- */

typedef struct Out {
  FILE *f;
  StLineTable *lines;
  uint32_t len;
  uint32_t indent;
  char buf[1 << 16];
} Out;

static void flush(Out *o) {
  if (o->len) fwrite(o->buf, 1, o->len, o->f);
  o->len = 0;
}

static void put_mem(Out *o, const char *s, size_t n) {
  if (n > sizeof o->buf - o->len) {
    flush(o);
    if (n > sizeof o->buf) {
      fwrite(s, 1, n, o->f);
      return;
    }
  }
  memcpy(o->buf + o->len, s, n);
  o->len += (uint32_t)n;
}

static void put_str(Out *o, const char *s) { put_mem(o, s, strlen(s)); }

static void put_char(Out *o, char c) {
  if (o->len == sizeof o->buf) flush(o);
  o->buf[o->len++] = c;
}

static void put_u32(Out *o, uint32_t v) {
  char tmp[12];
  int i = sizeof tmp;
  do {
    tmp[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  put_mem(o, tmp + i, sizeof tmp - (size_t)i);
}

static void put_line_col(Out *o, const StNode *n) {
  StPos pos = st_ast_pos(o->lines, n);
  put_u32(o, pos.line);
  put_char(o, ':');
  put_u32(o, pos.col);
}

static void put_pos(Out *o, const StNode *n) {
  put_str(o, " @");
  put_line_col(o, n);
}

/* A string value as a double-quoted literal: printable ASCII as is, the rest escaped, so that
 * dumps are plain ASCII whatever the source holds. */
static void put_quoted(Out *o, StStr s) {
  static const char hex[] = "0123456789abcdef";
  put_char(o, '"');
  for (uint32_t i = 0; i < s.len; i++) {
    uint16_t u = s.units[i];
    if (u == '"' || u == '\\') {
      put_char(o, '\\');
      put_char(o, (char)u);
    } else if (u >= 0x20 && u < 0x7f) {
      put_char(o, (char)u);
    } else if (u == '\n') {
      put_str(o, "\\n");
    } else if (u == '\t') {
      put_str(o, "\\t");
    } else if (u == '\r') {
      put_str(o, "\\r");
    } else {
      char esc[6] = {'\\', 'u', hex[u >> 12], hex[(u >> 8) & 15], hex[(u >> 4) & 15], hex[u & 15]};
      put_mem(o, esc, 6);
    }
  }
  put_char(o, '"');
}

static void put_number(Out *o, double v) {
  char buf[ST_NUMCONV_BUF_SIZE];
  if (v == 0 && signbit(v)) {
    put_str(o, "-0"); /* cannot come from a literal, but synthesized nodes may hold it */
    return;
  }
  put_mem(o, buf, (size_t)st_numconv_to_string(v, buf));
}

static void newline_indent(Out *o) {
  put_char(o, '\n');
  for (uint32_t i = 0; i < o->indent; i++) put_mem(o, "  ", 2);
}

static const char *const token_text[] = {
#define ST_AST_TOKEN_TEXT(name, text, cls) [ST_TOK_##name] = text,
    ST_TOKENS(ST_AST_TOKEN_TEXT)
#undef ST_AST_TOKEN_TEXT
};

static const char *const method_kind_names[] = {
    [ST_AST_METHOD_NONE] = NULL,
    [ST_AST_METHOD_METHOD] = "method",
    [ST_AST_METHOD_GETTER] = "getter",
    [ST_AST_METHOD_SETTER] = "setter",
    [ST_AST_METHOD_CONSTRUCTOR] = "constructor",
    [ST_AST_METHOD_DERIVED_CONSTRUCTOR] = "derived_constructor",
    [ST_AST_METHOD_FIELD_INIT] = "field_init",
};

static const struct {
  uint32_t bit;
  const char *name;
} fn_flag_names[] = {
    {ST_AST_FN_ASYNC, "async"},
    {ST_AST_FN_EXPRESSION_BODY, "expr_body"},
    {ST_AST_FN_USE_STRICT, "use_strict"},
    {ST_AST_FN_STRICT, "strict"},
    {ST_AST_FN_SIMPLE_PARAMS, "simple"},
    {ST_AST_FN_DUPLICATE_PARAMS, "dup_params"},
    {ST_AST_FN_USES_THIS, "this"},
    {ST_AST_FN_USES_ARGUMENTS, "arguments"},
    {ST_AST_FN_USES_SUPER_PROPERTY, "super_prop"},
    {ST_AST_FN_USES_SUPER_CALL, "super_call"},
    {ST_AST_FN_USES_NEW_TARGET, "new_target"},
    {ST_AST_FN_HAS_DIRECT_EVAL, "eval"},
    {ST_AST_FN_CONTAINS_DIRECT_EVAL, "contains_eval"},
    {ST_AST_FN_STATIC, "static"},
    {ST_AST_FN_CLASS_MEMBER, "class_member"},
};

static const char *const prop_kind_names[] = {
    [ST_AST_PROP_INIT] = "init",     [ST_AST_PROP_SHORTHAND] = "shorthand",
    [ST_AST_PROP_METHOD] = "method", [ST_AST_PROP_GET] = "get",
    [ST_AST_PROP_SET] = "set",       [ST_AST_PROP_PROTO] = "proto",
};

static void put_word(Out *o, const char *w) {
  put_char(o, ' ');
  put_str(o, w);
}

static void put_fn_flags(Out *o, uint32_t flags) {
  for (size_t i = 0; i < ST_ARRAY_LEN(fn_flag_names); i++)
    if (flags & fn_flag_names[i].bit) put_word(o, fn_flag_names[i].name);
}

/* The attributes written after the kind name, before the position. */
static void put_attrs(Out *o, const StNode *n) {
  switch ((StNodeKind)n->kind) {
  case ST_AST_PROGRAM: put_fn_flags(o, ((const StProgram *)n)->flags); break;
  case ST_AST_VAR_DECL: {
    static const char *const k[] = {"var", "let", "const"};
    put_word(o, k[((const StVarDecl *)n)->kind]);
    break;
  }
  case ST_AST_FUNCTION_DECL:
  case ST_AST_FUNCTION_EXPR:
  case ST_AST_ARROW: {
    const StAstFunction *f = (const StAstFunction *)n;
    if (method_kind_names[f->method_kind]) put_word(o, method_kind_names[f->method_kind]);
    put_fn_flags(o, f->flags);
    put_str(o, " length=");
    put_u32(o, f->length);
    if (f->this_props) {
      put_str(o, " this_props=");
      put_u32(o, f->this_props);
    }
    put_str(o, " src=");
    put_u32(o, f->src_start);
    put_str(o, "..");
    put_u32(o, f->src_end);
    break;
  }
  case ST_AST_CLASS_DECL:
  case ST_AST_CLASS_EXPR: {
    const StClass *c = (const StClass *)n;
    put_str(o, " fields=");
    put_u32(o, c->instance_fields);
    put_char(o, '/');
    put_u32(o, c->static_fields);
    put_str(o, " src=");
    put_u32(o, c->src_start);
    put_str(o, "..");
    put_u32(o, c->src_end);
    break;
  }
  case ST_AST_CLASS_METHOD:
  case ST_AST_CLASS_FIELD: {
    const StClassMember *m = (const StClassMember *)n;
    if (m->is_static) put_word(o, "static");
    if (m->computed) put_word(o, "computed");
    break;
  }
  case ST_AST_EXPR_STMT:
    if (((const StExprStmt *)n)->directive) put_word(o, "directive");
    break;
  case ST_AST_CONTINUE:
  case ST_AST_BREAK: {
    const StJump *j = (const StJump *)n;
    if (j->label) put_word(o, j->label->str);
    if (j->target) {
      put_str(o, " ->");
      put_str(o, kind_names[j->target->kind]);
      put_char(o, '@');
      put_line_col(o, j->target);
    }
    break;
  }
  case ST_AST_CASE:
    if (!((const StCase *)n)->test) put_word(o, "default");
    break;
  case ST_AST_LABELED: put_word(o, ((const StLabeled *)n)->label->str); break;
  case ST_AST_IDENT:
  case ST_AST_BINDING:
    put_word(o, st_ast_ident_name((StIdent *)n)->str);
    break;
  case ST_AST_PROPERTY_NAME: put_word(o, ((const StPropertyName *)n)->name->str); break;
  case ST_AST_NATIVE_CALL: put_word(o, ((const StNativeCall *)n)->name->str); break;
  case ST_AST_NUMBER:
    put_char(o, ' ');
    put_number(o, ((const StNumber *)n)->value);
    break;
  case ST_AST_STRING:
    put_char(o, ' ');
    put_quoted(o, ((const StAstString *)n)->value);
    break;
  case ST_AST_PROPERTY:
  case ST_AST_PATTERN_PROPERTY: {
    const StProperty *p = (const StProperty *)n;
    put_word(o, prop_kind_names[p->kind]);
    if (p->computed) put_word(o, "computed");
    break;
  }
  case ST_AST_UNARY: put_word(o, token_text[((const StUnary *)n)->op]); break;
  case ST_AST_BINARY:
  case ST_AST_LOGICAL: put_word(o, token_text[((const StBinary *)n)->op]); break;
  case ST_AST_UPDATE: {
    const StUpdate *u = (const StUpdate *)n;
    put_word(o, token_text[u->op]);
    put_word(o, u->prefix ? "prefix" : "postfix");
    break;
  }
  case ST_AST_ASSIGN:
  case ST_AST_COMPOUND_ASSIGN:
  case ST_AST_LOGICAL_ASSIGN: {
    const StAssign *a = (const StAssign *)n;
    put_word(o, token_text[a->op]);
    if (n->kind != ST_AST_ASSIGN) put_char(o, '=');
    break;
  }
  case ST_AST_CALL:
  case ST_AST_NEW: {
    const StCall *c = (const StCall *)n;
    if (c->optional) put_word(o, "optional");
    if (c->direct_eval) put_word(o, "direct_eval");
    break;
  }
  case ST_AST_MEMBER:
  case ST_AST_SUPER_MEMBER: {
    const StMember *m = (const StMember *)n;
    put_word(o, m->name->str);
    if (m->optional) put_word(o, "optional");
    break;
  }
  case ST_AST_INDEX:
    if (((const StIndex *)n)->optional) put_word(o, "optional");
    break;
  default: break;
  }
  if (n->paren) put_word(o, "paren");
}

static void dump_node(Out *o, const StNode *n);

static void dump_event(void *ctx, EventKind ev, StNode *child, const char *group_name) {
  Out *o = ctx;
  switch (ev) {
  case EV_CHILD:
    newline_indent(o);
    if (child) dump_node(o, child);
    else put_char(o, '-');
    break;
  case EV_HOLE:
    newline_indent(o);
    put_str(o, "(hole)");
    break;
  case EV_OPEN:
    newline_indent(o);
    put_char(o, '(');
    put_str(o, group_name);
    o->indent++;
    break;
  case EV_CLOSE:
    put_char(o, ')');
    o->indent--;
    break;
  }
}

/* Template quasis interleave with the expressions, so the dumper walks them itself. */
static void dump_template(Out *o, const StTemplate *t) {
  for (uint32_t i = 0; i < t->count; i++) {
    newline_indent(o);
    put_str(o, "(quasi ");
    put_quoted(o, t->cooked[i]);
    put_char(o, ' ');
    put_quoted(o, t->raw[i]);
    put_char(o, ')');
    if (i + 1 < t->count) {
      newline_indent(o);
      dump_node(o, t->exprs.items[i]);
    }
  }
}

static void dump_node(Out *o, const StNode *n) {
  put_char(o, '(');
  put_str(o, kind_names[n->kind]);
  put_attrs(o, n);
  put_pos(o, n);
  o->indent++;
  if (n->kind == ST_AST_TEMPLATE) dump_template(o, (const StTemplate *)n);
  else each_child((StNode *)n, dump_event, o);
  o->indent--;
  put_char(o, ')');
}

void st_ast_dump_node(FILE *out, StLineTable *lines, const StNode *n) {
  Out *o = st_xmalloc(sizeof(Out));
  o->f = out;
  o->lines = lines;
  o->len = 0;
  o->indent = 0;
  if (n) dump_node(o, n);
  put_char(o, '\n');
  flush(o);
  free(o);
}

void st_ast_dump(FILE *out, const StNode *root) {
  ST_ASSERT(!root || root->kind == ST_AST_PROGRAM, "st_ast_dump takes a program");
  st_ast_dump_node(out, root ? ((const StProgram *)root)->lines : NULL, root);
}

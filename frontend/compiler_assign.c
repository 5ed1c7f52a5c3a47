/* frontend/compiler_assign.c: assignment targets, destructuring patterns, compound and logical
 * assignment, ++/--, and property keys. */
#include "frontend/compiler_internal.h"

#include <string.h>

#define E (&c->fn->e)

static uint32_t want(Cc *c, int32_t dst) { return dst >= 0 ? (uint32_t)dst : st_cc_temp(c); }

/* ------------------------------------------------------------------------------------------ */
/* Keys                                                                                       */

/* A literal key as the canonical property key: a named key (interned string) or, for
 * canonical array indices, a number. */
static bool literal_key(Cc *c, StNode *key, StValue *out) {
  StString *s = NULL;
  if (key->kind == ST_AST_PROPERTY_NAME) {
    *out = st_cc_name_value(c, ((StPropertyName *)key)->name);
    s = st_get_string(*out);
  } else if (key->kind == ST_AST_STRING) {
    *out = st_cc_str_value(c, &((StAstString *)key)->value);
    s = st_get_string(*out);
  } else if (key->kind == ST_AST_NUMBER) {
    StString *str = st_string_from_double(c->vm, ((StNumber *)key)->value);
    if (!str) {
      c->failed = true;
      return false;
    }
    s = st_string_intern(c->vm, str);
    *out = st_string_value(s);
  } else {
    return false;
  }
  uint32_t idx;
  if (st_string_as_index(c->vm, s, &idx)) *out = st_number((double)idx);
  return true;
}

CKey st_cc_key(Cc *c, StNode *key, bool computed) {
  CKey k = {0};
  StValue v;
  if (!computed && literal_key(c, key, &v)) {
    if (st_is_string(v)) {
      k.is_const = true;
      k.k = st_cc_const(c, v);
    } else {
      k.reg = st_cc_temp(c);
      if (st_is_int(v)) st_emit_op(E, ST_OP_LOADI, (int32_t)k.reg, st_get_int(v));
      else st_emit_op(E, ST_OP_LOADK, (int32_t)k.reg, (int32_t)st_cc_const(c, v));
    }
    return k;
  }
  k.reg = st_cc_expr_temp(c, key);
  st_cc_pos(c, key);
  st_emit_op(E, ST_OP_TOPROPKEY, (int32_t)k.reg, (int32_t)k.reg);
  return k;
}

uint32_t st_cc_key_reg(Cc *c, CKey k) {
  if (!k.is_const) return k.reg;
  uint32_t r = st_cc_temp(c);
  st_emit_op(E, ST_OP_LOADK, (int32_t)r, (int32_t)k.k);
  return r;
}

/* Loads obj[key] for a key from st_cc_key. */
static void get_key(Cc *c, uint32_t dst, uint32_t obj, CKey k, const StNode *at) {
  st_cc_pos(c, at);
  if (k.is_const)
    st_emit_op(E, ST_OP_GETPROP, (int32_t)dst, (int32_t)obj, (int32_t)k.k, (int32_t)st_cc_fb(c, ST_FB_PROP));
  else
    st_emit_op(E, ST_OP_GETELEM, (int32_t)dst, (int32_t)obj, (int32_t)k.reg, (int32_t)st_cc_fb(c, ST_FB_ELEM));
}

/* ------------------------------------------------------------------------------------------ */
/* Simple targets: identifiers and member expressions                                         */

/* A reference evaluated once (object and key), for compound assignment and updates. */
typedef struct CRef {
  uint8_t kind;  /* 0 variable, 1 member (const key), 2 element, 3 super */
  StBinding *b;
  const StName *name;
  uint32_t obj, key, kconst;
} CRef;

static CRef eval_ref(Cc *c, StNode *t) {
  CRef r = {0};
  switch ((StNodeKind)t->kind) {
  case ST_AST_IDENT:
  case ST_AST_BINDING:
    r.kind = 0;
    r.b = st_ast_ident_binding((StIdent *)t);
    r.name = st_ast_ident_name((StIdent *)t);
    break;
  case ST_AST_MEMBER:
    r.kind = 1;
    r.obj = st_cc_expr_temp(c, ((StMember *)t)->object);
    r.kconst = st_cc_const(c, st_cc_name_value(c, ((StMember *)t)->name));
    break;
  case ST_AST_INDEX:
    r.kind = 2;
    r.obj = st_cc_expr_temp(c, ((StIndex *)t)->object);
    r.key = st_cc_expr_temp(c, ((StIndex *)t)->index);
    break;
  case ST_AST_SUPER_MEMBER:
    r.kind = 3;
    r.key = st_cc_temp(c);
    st_emit_op(E, ST_OP_LOADK, (int32_t)r.key, (int32_t)st_cc_const(c, st_cc_name_value(c, ((StMember *)t)->name)));
    break;
  case ST_AST_SUPER_INDEX:
    r.kind = 3;
    r.key = st_cc_expr_temp(c, ((StIndex *)t)->index);
    st_emit_op(E, ST_OP_TOPROPKEY, (int32_t)r.key, (int32_t)r.key);
    break;
  default: st_cc_error(c, t, "Invalid left-hand side in assignment"); break;
  }
  return r;
}

static uint32_t ref_get(Cc *c, CRef *r, const StNode *at, int32_t dst) {
  if (r->kind == 0) return st_cc_load_var(c, r->b, r->name, at, dst, false);
  uint32_t d = want(c, dst);
  st_cc_pos(c, at);
  if (r->kind == 1)
    st_emit_op(E, ST_OP_GETPROP, (int32_t)d, (int32_t)r->obj, (int32_t)r->kconst, (int32_t)st_cc_fb(c, ST_FB_PROP));
  else if (r->kind == 2)
    st_emit_op(E, ST_OP_GETELEM, (int32_t)d, (int32_t)r->obj, (int32_t)r->key, (int32_t)st_cc_fb(c, ST_FB_ELEM));
  else {
    st_cc_super_receiver(c, at);
    st_emit_op(E, ST_OP_GETSUPER, (int32_t)d, (int32_t)r->key);
  }
  return d;
}

static void ref_set(Cc *c, CRef *r, const StNode *at, uint32_t v) {
  if (r->kind == 0) {
    st_cc_store_var(c, r->b, r->name, at, v, false);
    return;
  }
  st_cc_pos(c, at);
  if (r->kind == 1)
    st_emit_op(E, ST_OP_SETPROP, (int32_t)r->obj, (int32_t)r->kconst, (int32_t)v, (int32_t)st_cc_fb(c, ST_FB_PROP));
  else if (r->kind == 2)
    st_emit_op(E, ST_OP_SETELEM, (int32_t)r->obj, (int32_t)r->key, (int32_t)v, (int32_t)st_cc_fb(c, ST_FB_ELEM));
  else {
    st_cc_super_receiver(c, at);
    st_emit_op(E, ST_OP_SETSUPER, (int32_t)r->key, (int32_t)v);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Patterns                                                                                   */

static void throw_destructure(Cc *c, uint32_t v, const StNode *at) {
  StLabel ok;
  st_emit_label_init(&ok);
  st_emit_jump(E, &ok, ST_OP_JNOTNULLISH, (int32_t)v);
  st_cc_pos(c, at);
  StString *msg = st_string_intern_cstr(c->vm, "Cannot destructure a value that is null or undefined.");
  st_emit_op(E, ST_OP_THROWERR, (int32_t)ST_ERROR_TYPE, (int32_t)st_cc_const(c, st_string_value(msg)));
  st_emit_bind(E, &ok);
  st_emit_label_free(&ok);
}

static void object_pattern(Cc *c, StObjectPattern *p, uint32_t v, bool init) {
  throw_destructure(c, v, &p->h);
  uint32_t mark = st_cc_mark(c);
  /* With a rest element, every key is kept (in consecutive registers) to exclude it. */
  uint32_t nkeys = p->rest ? p->props.count : 0;
  uint32_t keys = nkeys ? st_cc_temps(c, nkeys) : 0;
  for (uint32_t i = 0; i < p->props.count; i++) {
    StProperty *prop = (StProperty *)p->props.items[i];
    uint32_t m2 = st_cc_mark(c);
    CKey k = st_cc_key(c, prop->key, prop->computed);
    if (nkeys) {
      if (k.is_const) st_emit_op(E, ST_OP_LOADK, (int32_t)(keys + i), (int32_t)k.k);
      else st_emit_op(E, ST_OP_MOV, (int32_t)(keys + i), (int32_t)k.reg);
    }
    uint32_t t = st_cc_temp(c);
    get_key(c, t, v, k, prop->key);
    st_cc_assign_pattern(c, prop->value, t, init);
    st_cc_release(c, m2);
  }
  if (p->rest) {
    uint32_t t = st_cc_temp(c);
    st_cc_pos(c, p->rest);
    st_emit_op(E, ST_OP_OBJREST, (int32_t)t, (int32_t)v, (int32_t)keys, (int32_t)nkeys);
    st_cc_assign_pattern(c, p->rest, t, init);
  }
  st_cc_release(c, mark);
}

/* Destructuring assignment to a property (not a binding, not a nested pattern): its reference
 * (object and key) is evaluated before the iterator is stepped (the spec's
 * IteratorDestructuringAssignmentEvaluation), so a throw there closes the iterator. */
static bool is_property_target(const StNode *t) {
  return t && (t->kind == ST_AST_MEMBER || t->kind == ST_AST_INDEX || t->kind == ST_AST_SUPER_MEMBER ||
               t->kind == ST_AST_SUPER_INDEX);
}

/* Assigns t (with el's default, if any, when t is undefined) to the reference ref of el. */
static void assign_early_ref(Cc *c, StNode *el, CRef *ref, StNode *target, uint32_t t) {
  if (el->kind == ST_AST_ASSIGN_PATTERN) {
    StLabel have;
    st_emit_label_init(&have);
    st_emit_jump(E, &have, ST_OP_JNOTUNDEF, (int32_t)t);
    st_cc_named_expr(c, ((StAssignPattern *)el)->def, NULL, (int32_t)t);
    st_emit_bind(E, &have);
    st_emit_label_free(&have);
  }
  ref_set(c, ref, target, t);
}

static void array_pattern(Cc *c, StArrayPattern *p, uint32_t v, bool init) {
  uint32_t mark = st_cc_mark(c);
  uint32_t rec = st_cc_temps(c, 2);
  uint32_t done = st_cc_temp(c);
  uint32_t ctxr = st_cc_temp(c);
  uint32_t exc = st_cc_temp(c);
  st_cc_pos(c, &p->h);
  st_emit_op(E, ST_OP_GETITER, (int32_t)rec, (int32_t)v, (int32_t)st_cc_fb(c, ST_FB_ITER));
  st_emit_op(E, ST_OP_SAVECTX, (int32_t)ctxr);
  st_emit_op(E, ST_OP_LOADFALSE, (int32_t)done);
  uint32_t start = st_emit_pc(E);
  for (uint32_t i = 0; i < p->elems.count; i++) {
    uint32_t m2 = st_cc_mark(c);
    StNode *el = p->elems.items[i];
    StNode *target = el && el->kind == ST_AST_ASSIGN_PATTERN ? ((StAssignPattern *)el)->target : el;
    bool early = !init && is_property_target(target);
    CRef ref = {0};
    if (early) ref = eval_ref(c, target);
    uint32_t t = st_cc_temp(c);
    StLabel have, mark_done;
    st_emit_label_init(&have);
    st_emit_label_init(&mark_done);
    st_emit_op(E, ST_OP_LOADUNDEF, (int32_t)t);
    st_emit_jump(E, &have, ST_OP_JTRUE, (int32_t)done);
    /* While next() runs, count the iterator as done: if next() throws, it is not closed. */
    st_emit_op(E, ST_OP_LOADTRUE, (int32_t)done);
    st_emit_jump(E, &mark_done, ST_OP_ITERNEXT, (int32_t)t, (int32_t)rec);
    st_emit_op(E, ST_OP_LOADFALSE, (int32_t)done);
    st_emit_jump(E, &have, ST_OP_JMP);
    st_emit_bind(E, &mark_done);
    st_emit_op(E, ST_OP_LOADUNDEF, (int32_t)t);
    st_emit_bind(E, &have);
    st_emit_label_free(&have);
    st_emit_label_free(&mark_done);
    if (early) assign_early_ref(c, el, &ref, target, t);
    else if (el) st_cc_assign_pattern(c, el, t, init);
    st_cc_release(c, m2);
  }
  if (p->rest) {
    uint32_t m2 = st_cc_mark(c);
    bool early = !init && is_property_target(p->rest);
    CRef ref = {0};
    if (early) ref = eval_ref(c, p->rest);
    uint32_t arr = st_cc_temp(c), x = st_cc_temp(c);
    st_emit_op(E, ST_OP_NEWARRAY, (int32_t)arr, 0);
    StLabel loop, end;
    st_emit_label_init(&loop);
    st_emit_label_init(&end);
    st_emit_jump(E, &end, ST_OP_JTRUE, (int32_t)done);
    st_emit_op(E, ST_OP_LOADTRUE, (int32_t)done);
    st_emit_loop_head(E, &loop);
    st_emit_jump(E, &end, ST_OP_ITERNEXT, (int32_t)x, (int32_t)rec);
    st_emit_op(E, ST_OP_ARRAYPUSH, (int32_t)arr, (int32_t)x);
    st_emit_jump(E, &loop, ST_OP_JMP);
    st_emit_bind(E, &end);
    st_emit_label_free(&loop);
    st_emit_label_free(&end);
    if (early) ref_set(c, &ref, p->rest, arr);
    else st_cc_assign_pattern(c, p->rest, arr, init);
    st_cc_release(c, m2);
  }
  uint32_t end_pc = st_emit_pc(E);
  StLabel closed, skip;
  st_emit_label_init(&closed);
  st_emit_label_init(&skip);
  st_emit_jump(E, &closed, ST_OP_JTRUE, (int32_t)done);
  st_emit_op(E, ST_OP_ITERCLOSE, (int32_t)rec);
  st_emit_jump(E, &closed, ST_OP_JMP);
  /* An exception while assigning: close the iterator (unless next() threw), rethrow. */
  uint32_t handler = st_emit_pc(E);
  st_emit_jump(E, &skip, ST_OP_JTRUE, (int32_t)done);
  st_emit_op(E, ST_OP_ITERCLOSEQUIET, (int32_t)rec);
  st_emit_bind(E, &skip);
  st_emit_op(E, ST_OP_THROW, (int32_t)exc);
  st_emit_handler(E, start, end_pc, handler, exc, ctxr);
  st_emit_bind(E, &closed);
  st_emit_label_free(&closed);
  st_emit_label_free(&skip);
  st_cc_release(c, mark);
}

/* Anonymous functions and classes take the name of what they are assigned to. */
static bool is_anonymous_function(StNode *n) {
  if (n->kind == ST_AST_FUNCTION_EXPR || n->kind == ST_AST_ARROW) return ((StAstFunction *)n)->name == NULL;
  if (n->kind == ST_AST_CLASS_EXPR) return ((StClass *)n)->name == NULL;
  return false;
}

/* Compiles an initializer, naming an anonymous function after `name`. */
uint32_t st_cc_named_expr(Cc *c, StNode *value, const StName *name, int32_t dst) {
  if (name && is_anonymous_function(value)) {
    const StName *saved = c->infer_name;
    c->infer_name = name;
    uint32_t r = st_cc_expr(c, value, dst);
    c->infer_name = saved;
    return r;
  }
  return st_cc_expr(c, value, dst);
}

void st_cc_assign_pattern(Cc *c, StNode *target, uint32_t v, bool init) {
  switch ((StNodeKind)target->kind) {
  case ST_AST_BINDING:
  case ST_AST_IDENT: {
    StIdent *id = (StIdent *)target;
    st_cc_store_var(c, st_ast_ident_binding(id), st_ast_ident_name(id), target, v, init);
    return;
  }
  case ST_AST_ASSIGN_PATTERN: {
    StAssignPattern *ap = (StAssignPattern *)target;
    uint32_t mark = st_cc_mark(c);
    uint32_t t = st_cc_temp(c);
    st_emit_op(E, ST_OP_MOV, (int32_t)t, (int32_t)v);
    StLabel have;
    st_emit_label_init(&have);
    st_emit_jump(E, &have, ST_OP_JNOTUNDEF, (int32_t)t);
    const StName *nm = (ap->target->kind == ST_AST_BINDING || ap->target->kind == ST_AST_IDENT)
                           ? st_ast_ident_name((StIdent *)ap->target)
                           : NULL;
    st_cc_named_expr(c, ap->def, nm, (int32_t)t);
    st_emit_bind(E, &have);
    st_emit_label_free(&have);
    st_cc_assign_pattern(c, ap->target, t, init);
    st_cc_release(c, mark);
    return;
  }
  case ST_AST_OBJECT_PATTERN: object_pattern(c, (StObjectPattern *)target, v, init); return;
  case ST_AST_ARRAY_PATTERN: array_pattern(c, (StArrayPattern *)target, v, init); return;
  case ST_AST_MEMBER:
  case ST_AST_INDEX:
  case ST_AST_SUPER_MEMBER:
  case ST_AST_SUPER_INDEX: {
    uint32_t mark = st_cc_mark(c);
    CRef r = eval_ref(c, target);
    ref_set(c, &r, target, v);
    st_cc_release(c, mark);
    return;
  }
  default: st_cc_error(c, target, "Invalid destructuring assignment target"); return;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Assignment expressions                                                                     */

uint32_t st_cc_assign_expr(Cc *c, StAssign *a, int32_t dst) {
  StNode *t = a->target;
  if (a->h.kind == ST_AST_ASSIGN) {
    if (t->kind == ST_AST_OBJECT_PATTERN || t->kind == ST_AST_ARRAY_PATTERN) {
      uint32_t v = st_cc_expr(c, a->value, dst >= 0 ? dst : (int32_t)st_cc_temp(c));
      st_cc_assign_pattern(c, t, v, false);
      return v;
    }
    if (t->kind == ST_AST_IDENT) {
      StIdent *id = (StIdent *)t;
      uint32_t v = st_cc_named_expr(c, a->value, st_ast_ident_name(id),
                                    dst >= 0 ? dst : (int32_t)st_cc_temp(c));
      st_cc_store_var(c, st_ast_ident_binding(id), st_ast_ident_name(id), t, v, false);
      return v;
    }
    uint32_t mark = st_cc_mark(c);
    CRef r = eval_ref(c, t);
    uint32_t v = st_cc_expr(c, a->value, ST_ANY);
    ref_set(c, &r, &a->h, v);
    if (dst >= 0) {
      if ((uint32_t)dst != v) st_emit_op(E, ST_OP_MOV, dst, (int32_t)v);
      st_cc_release(c, mark);
      return (uint32_t)dst;
    }
    st_cc_release(c, mark);
    uint32_t out = st_cc_temp(c);
    if (out != v) st_emit_op(E, ST_OP_MOV, (int32_t)out, (int32_t)v);
    return out;
  }
  uint32_t mark = st_cc_mark(c);
  CRef r = eval_ref(c, t);
  uint32_t cur = ref_get(c, &r, t, ST_ANY);
  if (a->h.kind == ST_AST_COMPOUND_ASSIGN) {
    uint32_t cur_copy = cur;
    if (r.kind == 0 && r.b && r.b->loc == ST_LOC_REGISTER && cur == r.b->reg) {
      cur_copy = st_cc_temp(c);
      st_emit_op(E, ST_OP_MOV, (int32_t)cur_copy, (int32_t)cur);
    }
    uint32_t rhs = st_cc_expr(c, a->value, ST_ANY);
    uint32_t res = st_cc_temp(c);
    st_cc_pos(c, &a->h);
    st_emit_op(E, st_cc_binop_of(a->op), (int32_t)res, (int32_t)cur_copy, (int32_t)rhs, (int32_t)st_cc_fb(c, ST_FB_BINOP));
    ref_set(c, &r, &a->h, res);
    st_cc_release(c, mark);
    uint32_t out = want(c, dst);
    if (out != res) st_emit_op(E, ST_OP_MOV, (int32_t)out, (int32_t)res);
    return out;
  }
  /* Logical assignment: only assigns when the short circuit does not happen. */
  uint32_t res = st_cc_temp(c);
  st_emit_op(E, ST_OP_MOV, (int32_t)res, (int32_t)cur);
  StLabel end;
  st_emit_label_init(&end);
  switch ((StTokenKind)a->op) {
  case ST_TOK_AND_AND: st_emit_jump(E, &end, ST_OP_JFALSE, (int32_t)res); break;
  case ST_TOK_OR_OR: st_emit_jump(E, &end, ST_OP_JTRUE, (int32_t)res); break;
  default: st_emit_jump(E, &end, ST_OP_JNOTNULLISH, (int32_t)res); break;
  }
  st_cc_named_expr(c, a->value, r.kind == 0 ? r.name : NULL, (int32_t)res);
  ref_set(c, &r, &a->h, res);
  st_emit_bind(E, &end);
  st_emit_label_free(&end);
  st_cc_release(c, mark);
  uint32_t out = want(c, dst);
  if (out != res) st_emit_op(E, ST_OP_MOV, (int32_t)out, (int32_t)res);
  return out;
}

uint32_t st_cc_update_expr(Cc *c, StUpdate *u, int32_t dst) {
  uint32_t mark = st_cc_mark(c);
  CRef r = eval_ref(c, u->arg);
  uint32_t cur = ref_get(c, &r, u->arg, ST_ANY);
  StOpcode op = u->op == ST_TOK_INC ? ST_OP_INC : ST_OP_DEC;
  uint32_t result;
  st_cc_pos(c, &u->h);
  if (u->prefix) {
    uint32_t n = st_cc_temp(c);
    st_emit_op(E, op, (int32_t)n, (int32_t)cur, (int32_t)st_cc_fb(c, ST_FB_BINOP));
    ref_set(c, &r, &u->h, n);
    result = n;
  } else {
    uint32_t old = st_cc_temp(c), n = st_cc_temp(c);
    st_emit_op(E, ST_OP_TONUMBER, (int32_t)old, (int32_t)cur, (int32_t)st_cc_fb(c, ST_FB_BINOP));
    st_emit_op(E, op, (int32_t)n, (int32_t)old, (int32_t)st_cc_fb(c, ST_FB_BINOP));
    ref_set(c, &r, &u->h, n);
    result = old;
  }
  st_cc_release(c, mark);
  uint32_t out = want(c, dst);
  if (out != result) st_emit_op(E, ST_OP_MOV, (int32_t)out, (int32_t)result);
  return out;
}

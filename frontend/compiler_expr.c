/* frontend/compiler_expr.c: expressions -> bytecode. */
#include "frontend/compiler_internal.h"

#include <math.h>
#include <string.h>

#define E (&c->fn->e)

static uint32_t want(Cc *c, int32_t dst) { return dst >= 0 ? (uint32_t)dst : st_cc_temp(c); }

uint32_t st_cc_expr_temp(Cc *c, StNode *n) {
  uint32_t t = st_cc_temp(c);
  uint32_t r = st_cc_expr(c, n, (int32_t)t);
  (void)r;
  return t;
}

/* ------------------------------------------------------------------------------------------ */
/* Variables                                                                                  */

static uint32_t name_const(Cc *c, const StName *name) { return st_cc_const(c, st_cc_name_value(c, name)); }

uint32_t st_cc_load_var(Cc *c, StBinding *b, const StName *name, const StNode *at, int32_t dst,
                        bool for_typeof) {
  if (!b || b->loc == ST_LOC_GLOBAL) {
    uint32_t r = want(c, dst);
    st_cc_pos(c, at);
    st_emit_op(E, for_typeof ? ST_OP_GETGLOBALTYPEOF : ST_OP_GETGLOBAL, (int32_t)r,
               (int32_t)name_const(c, name), (int32_t)st_cc_fb(c, ST_FB_GLOBAL));
    return r;
  }
  bool check = st_scope_needs_tdz_check(b, c->fn->scope, at ? at->offset : 0);
  if (c->fn->param_tdz_reg && b->kind == ST_BIND_PARAM && b->scope == c->fn->scope &&
      b->reg >= c->fn->param_tdz_reg) {
    /* A default reading its own or a later parameter: always a ReferenceError. */
    uint32_t t = want(c, dst);
    st_cc_pos(c, at);
    st_emit_op(E, ST_OP_LOADUNINIT, (int32_t)t);
    st_emit_op(E, ST_OP_CHECKTDZ, (int32_t)t, (int32_t)name_const(c, b->name ? b->name : name));
    return t;
  }
  if (b->loc == ST_LOC_REGISTER) {
    if (check) {
      st_cc_pos(c, at);
      st_emit_op(E, ST_OP_CHECKTDZ, (int32_t)b->reg, (int32_t)name_const(c, b->name ? b->name : name));
    }
    if (dst >= 0 && (uint32_t)dst != b->reg) {
      st_emit_op(E, ST_OP_MOV, dst, (int32_t)b->reg);
      return (uint32_t)dst;
    }
    return b->reg;
  }
  uint32_t r = want(c, dst);
  uint32_t depth = st_cc_ctx_depth(c, b);
  if (check) {
    st_cc_pos(c, at);
    st_emit_op(E, ST_OP_GETCTXCHK, (int32_t)r, (int32_t)depth, (int32_t)b->slot,
               (int32_t)name_const(c, b->name ? b->name : name));
  } else {
    st_emit_op(E, ST_OP_GETCTX, (int32_t)r, (int32_t)depth, (int32_t)b->slot);
  }
  return r;
}

static void throw_error(Cc *c, StErrorKind kind, const char *msg) {
  StString *s = st_string_from_cstr(c->vm, msg);
  if (!s) {
    c->failed = true;
    return;
  }
  st_emit_op(E, ST_OP_THROWERR, (int32_t)kind, (int32_t)st_cc_const(c, st_string_value(st_string_intern(c->vm, s))));
}

void st_cc_store_var(Cc *c, StBinding *b, const StName *name, const StNode *at, uint32_t src,
                     bool init) {
  if (!b || b->loc == ST_LOC_GLOBAL) {
    st_cc_pos(c, at);
    st_emit_op(E, ST_OP_SETGLOBAL, (int32_t)src, (int32_t)name_const(c, name), (int32_t)st_cc_fb(c, ST_FB_GLOBAL));
    return;
  }
  if (!init) {
    if (b->kind == ST_BIND_CONST || b->kind == ST_BIND_CLASS_INNER) {
      /* Reading first gives the TDZ error when it applies, as the spec orders them. */
      uint32_t mark = st_cc_mark(c);
      st_cc_load_var(c, b, name, at, ST_ANY, false);
      st_cc_release(c, mark);
      st_cc_pos(c, at);
      throw_error(c, ST_ERROR_TYPE, "Assignment to constant variable.");
      return;
    }
    if (b->kind == ST_BIND_CALLEE) {
      if (c->fn->strict) throw_error(c, ST_ERROR_TYPE, "Assignment to constant variable.");
      return; /* sloppy: silently ignored */
    }
  }
  bool check = !init && st_scope_needs_tdz_check(b, c->fn->scope, at ? at->offset : 0);
  if (b->loc == ST_LOC_REGISTER) {
    if (check) {
      st_cc_pos(c, at);
      st_emit_op(E, ST_OP_CHECKTDZ, (int32_t)b->reg, (int32_t)name_const(c, b->name ? b->name : name));
    }
    if (src != b->reg) st_emit_op(E, ST_OP_MOV, (int32_t)b->reg, (int32_t)src);
    return;
  }
  uint32_t depth = st_cc_ctx_depth(c, b);
  if (check) {
    st_cc_pos(c, at);
    st_emit_op(E, ST_OP_SETCTXCHK, (int32_t)src, (int32_t)depth, (int32_t)b->slot,
               (int32_t)name_const(c, b->name ? b->name : name));
  } else {
    st_emit_op(E, ST_OP_SETCTX, (int32_t)src, (int32_t)depth, (int32_t)b->slot);
  }
  /* A parameter in the context also keeps its register current (arguments[i] reads the
   * context; code in this function reads the context too, so the register is only the entry
   * value). */
}

/* ------------------------------------------------------------------------------------------ */
/* this, new.target                                                                           */

static StScope *this_scope_of(Cc *c) {
  StScope *fn = c->fn->scope;
  for (StScope *s = fn; s; s = s->parent ? s->parent->fn : NULL) {
    if (s->kind == ST_SCOPE_SCRIPT || !s->is_arrow) return s;
    if (!s->parent) break;
  }
  return fn;
}

static uint32_t this_value(Cc *c, const StNode *at, int32_t dst) {
  StScope *ts = this_scope_of(c);
  bool derived = ts->function && ts->function->method_kind == ST_AST_METHOD_DERIVED_CONSTRUCTOR;
  if (ts != c->fn->scope || (derived && st_scope_this_binding(ts))) {
    /* An arrow's `this` is its enclosing function's, kept in that function's context. */
    StBinding *b = st_scope_this_binding(ts);
    uint32_t r = want(c, dst);
    uint32_t depth = st_cc_ctx_depth(c, b);
    if (derived) {
      st_cc_pos(c, at);
      StString *nm = st_string_intern_cstr(c->vm, "this");
      st_emit_op(E, ST_OP_GETCTXCHK, (int32_t)r, (int32_t)depth, (int32_t)b->slot,
                 (int32_t)st_cc_const(c, st_string_value(nm)));
      /* A TDZ error here must read like V8's super() message: CHECKTHIS semantics. */
    } else {
      st_emit_op(E, ST_OP_GETCTX, (int32_t)r, (int32_t)depth, (int32_t)b->slot);
    }
    return r;
  }
  if (derived) {
    st_cc_pos(c, at);
    st_emit_op(E, ST_OP_CHECKTHIS, 0);
  }
  if (dst >= 0 && dst != 0) {
    st_emit_op(E, ST_OP_MOV, dst, 0);
    return (uint32_t)dst;
  }
  return 0;
}

static uint32_t new_target_value(Cc *c, int32_t dst) {
  StScope *ts = this_scope_of(c);
  uint32_t r = want(c, dst);
  if (ts != c->fn->scope && st_scope_new_target_binding(ts)) {
    StBinding *b = st_scope_new_target_binding(ts);
    st_emit_op(E, ST_OP_GETCTX, (int32_t)r, (int32_t)st_cc_ctx_depth(c, b), (int32_t)b->slot);
    return r;
  }
  if (ts->kind == ST_SCOPE_SCRIPT) st_emit_op(E, ST_OP_LOADUNDEF, (int32_t)r);
  else st_emit_op(E, ST_OP_NEWTARGET, (int32_t)r);
  return r;
}


void st_cc_super_receiver(Cc *c, const StNode *at) {
  if (this_scope_of(c) != c->fn->scope) this_value(c, at, 0);
}

/* ------------------------------------------------------------------------------------------ */
/* Functions                                                                                  */

uint32_t st_cc_function_value(Cc *c, StAstFunction *f, int32_t dst) {
  StProto *p = st_cc_function(c, f, f->scope);
  uint32_t r = want(c, dst);
  if (!p) return r;
  st_emit_op(E, ST_OP_CLOSURE, (int32_t)r, (int32_t)st_cc_const(c, st_cell_value(p)));
  return r;
}

/* ------------------------------------------------------------------------------------------ */
/* Calls                                                                                      */

static bool has_spread(StNodeList *args) {
  for (uint32_t i = 0; i < args->count; i++)
    if (args->items[i]->kind == ST_AST_SPREAD) return true;
  return false;
}

int32_t st_cc_args(Cc *c, StNodeList *args, uint32_t base) {
  if (has_spread(args)) {
    uint32_t arr = base + 2;
    st_emit_op(E, ST_OP_NEWARRAY, (int32_t)arr, (int32_t)args->count);
    for (uint32_t i = 0; i < args->count; i++) {
      uint32_t mark = st_cc_mark(c);
      StNode *a = args->items[i];
      if (a->kind == ST_AST_SPREAD) {
        uint32_t v = st_cc_expr(c, ((StUnary *)a)->arg, ST_ANY);
        st_emit_op(E, ST_OP_ARRAYSPREAD, (int32_t)arr, (int32_t)v);
      } else {
        uint32_t v = st_cc_expr(c, a, ST_ANY);
        st_emit_op(E, ST_OP_ARRAYPUSH, (int32_t)arr, (int32_t)v);
      }
      st_cc_release(c, mark);
    }
    return -1;
  }
  for (uint32_t i = 0; i < args->count; i++) {
    uint32_t slot = base + 2 + i;
    st_cc_expr(c, args->items[i], (int32_t)slot);
  }
  return (int32_t)args->count;
}

/* A `?.` link: short-circuit the whole chain when obj is null or undefined. */
static void optional_check(Cc *c, uint32_t obj) {
  if (c->fn->opt_nullish) st_emit_jump(E, c->fn->opt_nullish, ST_OP_JNULLISH, (int32_t)obj);
}

static uint32_t native_call(Cc *c, StNativeCall *call, int32_t dst) {
  const char *name = call->name->str;
  int id = c->opt->native_id ? c->opt->native_id(c->vm, name, (int)call->args.count) : -1;
  if (id < 0) {
    st_cc_error(c, &call->h, "Unknown native %%%s with %u argument(s)", name, call->args.count);
    return want(c, dst);
  }
  uint32_t base = st_cc_temps(c, call->args.count ? call->args.count : 1);
  for (uint32_t i = 0; i < call->args.count; i++) st_cc_expr(c, call->args.items[i], (int32_t)(base + i));
  uint32_t r = want(c, dst);
  st_cc_pos(c, &call->h);
  st_emit_op(E, ST_OP_CALLNATIVE, (int32_t)r, id, (int32_t)base, (int32_t)call->args.count);
  return r;
}

/* The property key of a member (`o.name`, `super.name`: the name as a constant in a temp)
 * or of an index expression (`o[e]`, `super[e]`: e evaluated), in a register. */
static uint32_t key_register(Cc *c, StNode *n, bool named) {
  if (!named) return st_cc_expr(c, ((StIndex *)n)->index, ST_ANY);
  uint32_t k = st_cc_temp(c);
  st_emit_op(E, ST_OP_LOADK, (int32_t)k, (int32_t)st_cc_const(c, st_cc_name_value(c, ((StMember *)n)->name)));
  return k;
}

/* A call's callee into r[base] and its `this` into r[base+1]. */
static void callee_and_this(Cc *c, StNode *callee, uint32_t base) {
  switch ((StNodeKind)callee->kind) {
  case ST_AST_MEMBER: {
    StMember *m = (StMember *)callee;
    st_cc_expr(c, m->object, (int32_t)base + 1);
    if (m->optional) optional_check(c, base + 1);
    st_cc_pos(c, callee);
    st_emit_op(E, ST_OP_GETPROP, (int32_t)base, (int32_t)base + 1,
               (int32_t)st_cc_const(c, st_cc_name_value(c, m->name)), (int32_t)st_cc_fb(c, ST_FB_PROP));
    break;
  }
  case ST_AST_INDEX: {
    StIndex *ix = (StIndex *)callee;
    st_cc_expr(c, ix->object, (int32_t)base + 1);
    if (ix->optional) optional_check(c, base + 1);
    uint32_t m2 = st_cc_mark(c);
    uint32_t k = st_cc_expr(c, ix->index, ST_ANY);
    st_cc_pos(c, callee);
    st_emit_op(E, ST_OP_GETELEM, (int32_t)base, (int32_t)base + 1, (int32_t)k, (int32_t)st_cc_fb(c, ST_FB_ELEM));
    st_cc_release(c, m2);
    break;
  }
  case ST_AST_SUPER_MEMBER:
  case ST_AST_SUPER_INDEX: {
    this_value(c, callee, (int32_t)base + 1);
    uint32_t m2 = st_cc_mark(c);
    uint32_t k = key_register(c, callee, callee->kind == ST_AST_SUPER_MEMBER);
    st_cc_pos(c, callee);
    st_cc_super_receiver(c, callee);
    st_emit_op(E, ST_OP_GETSUPER, (int32_t)base, (int32_t)k);
    st_cc_release(c, m2);
    break;
  }
  case ST_AST_OPTIONAL_CHAIN: {
    /* (a?.b)(): the parenthesized chain is still a reference, so `this` is a; when the chain
     * short-circuits the callee is undefined. */
    StNode *inner = ((StOptionalChain *)callee)->expr;
    if (inner->kind != ST_AST_MEMBER && inner->kind != ST_AST_INDEX) goto plain;
    StLabel nullish, end;
    st_emit_label_init(&nullish);
    st_emit_label_init(&end);
    StLabel *saved = c->fn->opt_nullish;
    c->fn->opt_nullish = &nullish;
    callee_and_this(c, inner, base);
    c->fn->opt_nullish = saved;
    st_emit_jump(E, &end, ST_OP_JMP);
    st_emit_bind(E, &nullish);
    st_emit_op(E, ST_OP_LOADUNDEF, (int32_t)base);
    st_emit_bind(E, &end);
    st_emit_label_free(&nullish);
    st_emit_label_free(&end);
    break;
  }
  default:
  plain:
    st_cc_expr(c, callee, (int32_t)base);
    st_emit_op(E, ST_OP_LOADUNDEF, (int32_t)base + 1);
    break;
  }
}

static uint32_t call_expr(Cc *c, StCall *call, int32_t dst) {
  StNode *callee = call->callee;
  uint32_t mark = st_cc_mark(c);
  uint32_t nargs_max = call->args.count > 0 ? call->args.count : 1;
  uint32_t base = st_cc_temps(c, 2 + nargs_max);
  callee_and_this(c, callee, base);
  if (call->optional) optional_check(c, base);
  int32_t argc = st_cc_args(c, &call->args, base);
  uint32_t r = dst >= 0 ? (uint32_t)dst : base;
  st_cc_pos(c, &call->h);
  if (argc < 0) {
    st_emit_op(E, ST_OP_CALLSPREAD, (int32_t)r, (int32_t)base, (int32_t)st_cc_fb(c, ST_FB_CALL));
  } else if (call->direct_eval) {
    c->fn->proto->flags |= ST_PROTO_HAS_EVAL;
    st_emit_op(E, ST_OP_CALLEVAL, (int32_t)r, (int32_t)base, argc, (int32_t)st_cc_eval_descriptor(c),
               (int32_t)st_cc_fb(c, ST_FB_CALL));
  } else {
    st_emit_op(E, ST_OP_CALL, (int32_t)r, (int32_t)base, argc, (int32_t)st_cc_fb(c, ST_FB_CALL));
  }
  st_cc_release(c, r == base ? base + 1 : mark);
  return r;
}

static uint32_t new_expr(Cc *c, StCall *call, int32_t dst) {
  uint32_t mark = st_cc_mark(c);
  uint32_t base = st_cc_temps(c, 2 + (call->args.count > 0 ? call->args.count : 1));
  st_cc_expr(c, call->callee, (int32_t)base);
  st_emit_op(E, ST_OP_MOV, (int32_t)base + 1, (int32_t)base);
  int32_t argc = st_cc_args(c, &call->args, base);
  uint32_t r = dst >= 0 ? (uint32_t)dst : base;
  st_cc_pos(c, &call->h);
  if (argc < 0) st_emit_op(E, ST_OP_NEWSPREAD, (int32_t)r, (int32_t)base, (int32_t)st_cc_fb(c, ST_FB_CALL));
  else st_emit_op(E, ST_OP_NEW, (int32_t)r, (int32_t)base, argc, (int32_t)st_cc_fb(c, ST_FB_CALL));
  st_cc_release(c, r == base ? base + 1 : mark);
  return r;
}

void st_cc_sync_this(Cc *c) {
  StBinding *b = st_scope_this_binding(c->fn->scope);
  if (b) st_emit_op(E, ST_OP_GETCTX, 0, (int32_t)st_cc_ctx_depth(c, b), (int32_t)b->slot);
}

/* super(...args): r[base] = the active constructor, r[base+1] = new.target, then the
 * arguments; SUPERCALL constructs, BINDTHIS binds `this` (once) and runs field initializers.
 * In an arrow, the constructor, new.target and `this` come from the constructor's context. */
static uint32_t super_call(Cc *c, StCall *call, int32_t dst) {
  uint32_t r = want(c, dst);
  uint32_t mark = st_cc_mark(c);
  StScope *ts = this_scope_of(c);
  bool in_arrow = ts != c->fn->scope;
  uint32_t base = st_cc_temps(c, 2 + (call->args.count > 0 ? call->args.count : 1));
  if (in_arrow) {
    StBinding *fb = st_scope_function_binding(ts);
    st_emit_op(E, ST_OP_GETCTX, (int32_t)base, (int32_t)st_cc_ctx_depth(c, fb), (int32_t)fb->slot);
  } else {
    st_emit_op(E, ST_OP_THISFUNC, (int32_t)base);
  }
  new_target_value(c, (int32_t)base + 1);
  int32_t argc = st_cc_args(c, &call->args, base);
  st_cc_pos(c, &call->h);
  if (argc < 0) st_emit_op(E, ST_OP_SUPERCALLSPREAD, (int32_t)r, (int32_t)base);
  else st_emit_op(E, ST_OP_SUPERCALL, (int32_t)r, (int32_t)base, argc);
  StBinding *tb = st_scope_this_binding(ts);
  if (tb) {
    uint32_t t = st_cc_temp(c);
    st_emit_op(E, ST_OP_GETCTX, (int32_t)t, (int32_t)st_cc_ctx_depth(c, tb), (int32_t)tb->slot);
    st_emit_op(E, ST_OP_BINDTHIS, (int32_t)t, (int32_t)r, (int32_t)base);
    st_emit_op(E, ST_OP_SETCTX, (int32_t)r, (int32_t)st_cc_ctx_depth(c, tb), (int32_t)tb->slot);
    if (!in_arrow) st_emit_op(E, ST_OP_MOV, 0, (int32_t)r);
  } else {
    st_emit_op(E, ST_OP_BINDTHIS, 0, (int32_t)r, (int32_t)base);
  }
  st_cc_release(c, mark);
  return r;
}

/* ------------------------------------------------------------------------------------------ */
/* Operators                                                                                  */

StOpcode st_cc_binop_of(uint16_t tok) {
  switch ((StTokenKind)tok) {
  case ST_TOK_PLUS: return ST_OP_ADD;
  case ST_TOK_MINUS: return ST_OP_SUB;
  case ST_TOK_STAR: return ST_OP_MUL;
  case ST_TOK_SLASH: return ST_OP_DIV;
  case ST_TOK_PERCENT: return ST_OP_MOD;
  case ST_TOK_STAR_STAR: return ST_OP_EXP;
  case ST_TOK_AMP: return ST_OP_BITAND;
  case ST_TOK_PIPE: return ST_OP_BITOR;
  case ST_TOK_CARET: return ST_OP_BITXOR;
  case ST_TOK_SHL: return ST_OP_SHL;
  case ST_TOK_SAR: return ST_OP_SAR;
  case ST_TOK_SHR: return ST_OP_SHR;
  case ST_TOK_EQ: return ST_OP_EQ;
  case ST_TOK_NE: return ST_OP_NE;
  case ST_TOK_EQ_STRICT: return ST_OP_SEQ;
  case ST_TOK_NE_STRICT: return ST_OP_SNE;
  case ST_TOK_LT: return ST_OP_LT;
  case ST_TOK_LE: return ST_OP_LE;
  case ST_TOK_GT: return ST_OP_GT;
  case ST_TOK_GE: return ST_OP_GE;
  case ST_TOK_INSTANCEOF: return ST_OP_INSTANCEOF;
  case ST_TOK_IN: return ST_OP_IN;
  default: return ST_OP_NOP;
  }
}

static bool is_compare(StOpcode op) { return op >= ST_OP_EQ && op <= ST_OP_GE; }

/* Whether evaluating n may write binding b (then a register read of b before n must be
 * copied first: `x + (x = 1)`). */
typedef struct WriteCheck {
  StBinding *b;
  bool hit;
} WriteCheck;

static void check_writes(StNode *n, void *ud) {
  WriteCheck *w = ud;
  if (!n || w->hit) return;
  StNode *target = NULL;
  if (n->kind == ST_AST_ASSIGN || n->kind == ST_AST_COMPOUND_ASSIGN || n->kind == ST_AST_LOGICAL_ASSIGN)
    target = ((StAssign *)n)->target;
  else if (n->kind == ST_AST_UPDATE)
    target = ((StUpdate *)n)->arg;
  if (target && (target->kind == ST_AST_IDENT) && st_ast_ident_binding((StIdent *)target) == w->b) {
    w->hit = true;
    return;
  }
  if (target && target->kind != ST_AST_IDENT) {
    /* Destructuring assignment: conservatively, any pattern may write it. */
    if (target->kind == ST_AST_ARRAY_PATTERN || target->kind == ST_AST_OBJECT_PATTERN) w->hit = true;
  }
  if (n->kind == ST_AST_FUNCTION_EXPR || n->kind == ST_AST_ARROW || n->kind == ST_AST_CLASS_EXPR) return;
  st_ast_visit_children(n, check_writes, w);
}

static bool writes_binding(StNode *n, StBinding *b) {
  WriteCheck w = {b, false};
  check_writes(n, &w);
  return w.hit;
}

/* The left operand, kept stable while the right one is evaluated. */
static uint32_t stable_operand(Cc *c, StNode *left, StNode *right) {
  uint32_t l = st_cc_expr(c, left, ST_ANY);
  if (left->kind == ST_AST_IDENT) {
    StBinding *b = st_ast_ident_binding((StIdent *)left);
    if (b && b->loc == ST_LOC_REGISTER && l == b->reg && writes_binding(right, b)) {
      uint32_t t = st_cc_temp(c);
      st_emit_op(E, ST_OP_MOV, (int32_t)t, (int32_t)l);
      return t;
    }
  }
  return l;
}

static bool small_int(StNode *n, int32_t *out) {
  if (n->kind != ST_AST_NUMBER) return false;
  double d = ((StNumber *)n)->value;
  if (d >= -32768 && d <= 32767 && d == (double)(int32_t)d && !(d == 0 && signbit(d))) {
    *out = (int32_t)d;
    return true;
  }
  return false;
}

static uint32_t binary(Cc *c, StBinary *b, int32_t dst) {
  StOpcode op = st_cc_binop_of(b->op);
  uint32_t mark = st_cc_mark(c);
  int32_t imm;
  if (op == ST_OP_ADD && small_int(b->right, &imm)) {
    uint32_t l = st_cc_expr(c, b->left, ST_ANY);
    st_cc_release(c, mark);
    uint32_t r = want(c, dst);
    st_cc_pos(c, &b->h);
    st_emit_op(E, ST_OP_ADDI, (int32_t)r, (int32_t)l, imm, (int32_t)st_cc_fb(c, ST_FB_BINOP));
    return r;
  }
  uint32_t l = stable_operand(c, b->left, b->right);
  uint32_t rr = st_cc_expr(c, b->right, ST_ANY);
  st_cc_release(c, mark);
  uint32_t r = want(c, dst);
  st_cc_pos(c, &b->h);
  if (op == ST_OP_IN) {
    st_emit_op(E, ST_OP_IN, (int32_t)r, (int32_t)l, (int32_t)rr);
  } else if (op == ST_OP_INSTANCEOF) {
    st_emit_op(E, ST_OP_INSTANCEOF, (int32_t)r, (int32_t)l, (int32_t)rr, (int32_t)st_cc_fb(c, ST_FB_INSTANCEOF));
  } else {
    st_emit_op(E, op, (int32_t)r, (int32_t)l, (int32_t)rr,
               (int32_t)st_cc_fb(c, is_compare(op) ? ST_FB_COMPARE : ST_FB_BINOP));
  }
  return r;
}

static uint32_t logical(Cc *c, StBinary *b, int32_t dst) {
  uint32_t r = want(c, dst);
  StLabel end;
  st_emit_label_init(&end);
  st_cc_expr(c, b->left, (int32_t)r);
  switch ((StTokenKind)b->op) {
  case ST_TOK_AND_AND: st_emit_jump(E, &end, ST_OP_JFALSE, (int32_t)r); break;
  case ST_TOK_OR_OR: st_emit_jump(E, &end, ST_OP_JTRUE, (int32_t)r); break;
  default: st_emit_jump(E, &end, ST_OP_JNOTNULLISH, (int32_t)r); break;
  }
  st_cc_expr(c, b->right, (int32_t)r);
  st_emit_bind(E, &end);
  st_emit_label_free(&end);
  return r;
}

static uint32_t delete_expr(Cc *c, StUnary *u, StNode *a, int32_t dst);

/* delete a?.b.c: true when the chain short-circuits. */
static uint32_t delete_chain(Cc *c, StUnary *u, StOptionalChain *oc, int32_t dst) {
  uint32_t r = want(c, dst);
  StLabel nullish, end;
  st_emit_label_init(&nullish);
  st_emit_label_init(&end);
  StLabel *saved = c->fn->opt_nullish;
  c->fn->opt_nullish = &nullish;
  delete_expr(c, u, oc->expr, (int32_t)r);
  c->fn->opt_nullish = saved;
  st_emit_jump(E, &end, ST_OP_JMP);
  st_emit_bind(E, &nullish);
  st_emit_op(E, ST_OP_LOADTRUE, (int32_t)r);
  st_emit_bind(E, &end);
  st_emit_label_free(&nullish);
  st_emit_label_free(&end);
  return r;
}

static uint32_t delete_expr(Cc *c, StUnary *u, StNode *a, int32_t dst) {
  uint32_t mark = st_cc_mark(c);
  uint32_t r;
  if (a->kind == ST_AST_OPTIONAL_CHAIN) return delete_chain(c, u, (StOptionalChain *)a, dst);
  if (a->kind == ST_AST_MEMBER || a->kind == ST_AST_INDEX) {
    StNode *objn = a->kind == ST_AST_MEMBER ? ((StMember *)a)->object : ((StIndex *)a)->object;
    bool optional = a->kind == ST_AST_MEMBER ? ((StMember *)a)->optional : ((StIndex *)a)->optional;
    uint32_t o = st_cc_expr(c, objn, ST_ANY);
    if (optional) optional_check(c, o);
    uint32_t k = key_register(c, a, a->kind == ST_AST_MEMBER);
    st_cc_release(c, mark);
    r = want(c, dst);
    st_cc_pos(c, &u->h);
    st_emit_op(E, ST_OP_DELPROP, (int32_t)r, (int32_t)o, (int32_t)k);
    return r;
  }
  if (a->kind == ST_AST_IDENT) {
    StIdent *id = (StIdent *)a;
    r = want(c, dst);
    if (!st_ast_ident_binding(id) || st_ast_ident_binding(id)->loc == ST_LOC_GLOBAL)
      st_emit_op(E, ST_OP_DELGLOBAL, (int32_t)r,
                 (int32_t)st_cc_const(c, st_cc_name_value(c, st_ast_ident_name(id))));
    else
      st_emit_op(E, ST_OP_LOADFALSE, (int32_t)r);
    return r;
  }
  if (a->kind == ST_AST_SUPER_MEMBER || a->kind == ST_AST_SUPER_INDEX) {
    this_value(c, a, ST_ANY);
    st_cc_release(c, mark);
    r = want(c, dst);
    throw_error(c, ST_ERROR_REFERENCE, "Unsupported reference to 'super'");
    return r;
  }
  st_cc_expr(c, a, ST_ANY);
  st_cc_release(c, mark);
  r = want(c, dst);
  st_emit_op(E, ST_OP_LOADTRUE, (int32_t)r);
  return r;
}

static uint32_t unary(Cc *c, StUnary *u, int32_t dst) {
  uint32_t mark = st_cc_mark(c);
  if (u->op == ST_TOK_DELETE) return delete_expr(c, u, u->arg, dst);
  if (u->op == ST_TOK_TYPEOF && u->arg->kind == ST_AST_IDENT) {
    StIdent *id = (StIdent *)u->arg;
    uint32_t v =
        st_cc_load_var(c, st_ast_ident_binding(id), st_ast_ident_name(id), u->arg, ST_ANY, true);
    st_cc_release(c, mark);
    uint32_t r = want(c, dst);
    st_emit_op(E, ST_OP_TYPEOF, (int32_t)r, (int32_t)v);
    return r;
  }
  uint32_t v = st_cc_expr(c, u->arg, ST_ANY);
  st_cc_release(c, mark);
  uint32_t r = want(c, dst);
  st_cc_pos(c, &u->h);
  switch ((StTokenKind)u->op) {
  case ST_TOK_MINUS: st_emit_op(E, ST_OP_NEG, (int32_t)r, (int32_t)v, (int32_t)st_cc_fb(c, ST_FB_BINOP)); break;
  case ST_TOK_PLUS: st_emit_op(E, ST_OP_TONUMBER, (int32_t)r, (int32_t)v, (int32_t)st_cc_fb(c, ST_FB_BINOP)); break;
  case ST_TOK_BANG: st_emit_op(E, ST_OP_NOT, (int32_t)r, (int32_t)v); break;
  case ST_TOK_TILDE: st_emit_op(E, ST_OP_BITNOT, (int32_t)r, (int32_t)v, (int32_t)st_cc_fb(c, ST_FB_BINOP)); break;
  case ST_TOK_TYPEOF: st_emit_op(E, ST_OP_TYPEOF, (int32_t)r, (int32_t)v); break;
  case ST_TOK_VOID: st_emit_op(E, ST_OP_LOADUNDEF, (int32_t)r); break;
  default: st_cc_error(c, &u->h, "unexpected unary operator"); break;
  }
  return r;
}

static uint32_t template_expr(Cc *c, StTemplate *t, int32_t dst) {
  if (t->count == 1) {
    uint32_t r = want(c, dst);
    st_emit_op(E, ST_OP_LOADK, (int32_t)r, (int32_t)st_cc_const(c, st_cc_str_value(c, &t->cooked[0])));
    return r;
  }
  uint32_t mark = st_cc_mark(c);
  uint32_t n = 0;
  uint32_t base = st_cc_temps(c, 2 * t->count);
  for (uint32_t i = 0; i < t->count; i++) {
    if (t->cooked[i].len) {
      st_emit_op(E, ST_OP_LOADK, (int32_t)(base + n), (int32_t)st_cc_const(c, st_cc_str_value(c, &t->cooked[i])));
      n++;
    }
    if (i + 1 < t->count) {
      StNode *e = t->exprs.items[i];
      uint32_t v = st_cc_expr(c, e, (int32_t)(base + n));
      st_cc_pos(c, e);
      st_emit_op(E, ST_OP_TOSTRING, (int32_t)(base + n), (int32_t)v);
      n++;
    }
  }
  st_cc_release(c, mark);
  uint32_t r = want(c, dst);
  if (n == 0) st_emit_op(E, ST_OP_LOADK, (int32_t)r, (int32_t)st_cc_const(c, st_string_value(c->vm->atoms.empty)));
  else st_emit_op(E, ST_OP_CONCAT, (int32_t)r, (int32_t)base, (int32_t)n);
  return r;
}

static uint32_t array_expr(Cc *c, StArray *a, int32_t dst) {
  bool simple = a->elems.count <= 64;
  for (uint32_t i = 0; i < a->elems.count && simple; i++)
    if (!a->elems.items[i] || a->elems.items[i]->kind == ST_AST_SPREAD) simple = false;
  if (simple && a->elems.count > 0) {
    uint32_t mark = st_cc_mark(c);
    uint32_t base = st_cc_temps(c, a->elems.count);
    for (uint32_t i = 0; i < a->elems.count; i++) st_cc_expr(c, a->elems.items[i], (int32_t)(base + i));
    st_cc_release(c, mark);
    uint32_t r = want(c, dst);
    st_emit_op(E, ST_OP_ARRAYFROM, (int32_t)r, (int32_t)base, (int32_t)a->elems.count);
    return r;
  }
  uint32_t r = dst >= 0 ? st_cc_temp(c) : want(c, dst);
  st_emit_op(E, ST_OP_NEWARRAY, (int32_t)r, (int32_t)a->elems.count);
  for (uint32_t i = 0; i < a->elems.count; i++) {
    StNode *e = a->elems.items[i];
    uint32_t mark = st_cc_mark(c);
    if (!e) {
      st_emit_op(E, ST_OP_ARRAYHOLE, (int32_t)r);
    } else if (e->kind == ST_AST_SPREAD) {
      uint32_t v = st_cc_expr(c, ((StUnary *)e)->arg, ST_ANY);
      st_cc_pos(c, e);
      st_emit_op(E, ST_OP_ARRAYSPREAD, (int32_t)r, (int32_t)v);
    } else {
      uint32_t v = st_cc_expr(c, e, ST_ANY);
      st_emit_op(E, ST_OP_ARRAYPUSH, (int32_t)r, (int32_t)v);
    }
    st_cc_release(c, mark);
  }
  if (dst >= 0 && (uint32_t)dst != r) {
    st_emit_op(E, ST_OP_MOV, dst, (int32_t)r);
    return (uint32_t)dst;
  }
  return r;
}

/* ------------------------------------------------------------------------------------------ */
/* The expression switch                                                                      */

static uint32_t number(Cc *c, double d, int32_t dst) {
  uint32_t r = want(c, dst);
  if (d >= -2147483648.0 && d <= 2147483647.0 && d == (double)(int32_t)d && !(d == 0 && signbit(d)))
    st_emit_op(E, ST_OP_LOADI, (int32_t)r, (int32_t)d);
  else
    st_emit_op(E, ST_OP_LOADK, (int32_t)r, (int32_t)st_cc_const(c, st_number(d)));
  return r;
}

uint32_t st_cc_expr(Cc *c, StNode *n, int32_t dst) {
  if (c->failed) return dst >= 0 ? (uint32_t)dst : 0;
  switch ((StNodeKind)n->kind) {
  case ST_AST_NUMBER: return number(c, ((StNumber *)n)->value, dst);
  case ST_AST_STRING: {
    uint32_t r = want(c, dst);
    st_emit_op(E, ST_OP_LOADK, (int32_t)r, (int32_t)st_cc_const(c, st_cc_str_value(c, &((StAstString *)n)->value)));
    return r;
  }
  case ST_AST_TEMPLATE: return template_expr(c, (StTemplate *)n, dst);
  case ST_AST_TRUE: {
    uint32_t r = want(c, dst);
    st_emit_op(E, ST_OP_LOADTRUE, (int32_t)r);
    return r;
  }
  case ST_AST_FALSE: {
    uint32_t r = want(c, dst);
    st_emit_op(E, ST_OP_LOADFALSE, (int32_t)r);
    return r;
  }
  case ST_AST_NULL: {
    uint32_t r = want(c, dst);
    st_emit_op(E, ST_OP_LOADNULL, (int32_t)r);
    return r;
  }
  case ST_AST_THIS: return this_value(c, n, dst);
  case ST_AST_NEW_TARGET: return new_target_value(c, dst);
  case ST_AST_IDENT: {
    StIdent *id = (StIdent *)n;
    if (st_ast_ident_binding(id) == NULL &&
        st_ast_ident_name(id) == c->names->atom[ST_AST_ATOM_UNDEFINED]) {
      /* `undefined` is a non-writable global: a constant load is exact. */
      uint32_t r = want(c, dst);
      st_emit_op(E, ST_OP_LOADUNDEF, (int32_t)r);
      return r;
    }
    return st_cc_load_var(c, st_ast_ident_binding(id), st_ast_ident_name(id), n, dst, false);
  }
  case ST_AST_ARRAY: return array_expr(c, (StArray *)n, dst);
  case ST_AST_OBJECT: return st_cc_object(c, (StAstObject *)n, dst);
  case ST_AST_FUNCTION_EXPR:
  case ST_AST_ARROW: return st_cc_function_value(c, (StAstFunction *)n, dst);
  case ST_AST_CLASS_EXPR: return st_cc_class(c, (StClass *)n, dst);
  case ST_AST_UNARY: return unary(c, (StUnary *)n, dst);
  case ST_AST_UPDATE: return st_cc_update_expr(c, (StUpdate *)n, dst);
  case ST_AST_BINARY: return binary(c, (StBinary *)n, dst);
  case ST_AST_LOGICAL: return logical(c, (StBinary *)n, dst);
  case ST_AST_ASSIGN:
  case ST_AST_COMPOUND_ASSIGN:
  case ST_AST_LOGICAL_ASSIGN: return st_cc_assign_expr(c, (StAssign *)n, dst);
  case ST_AST_CONDITIONAL: {
    StConditional *k = (StConditional *)n;
    uint32_t r = want(c, dst);
    StLabel other, end;
    st_emit_label_init(&other);
    st_emit_label_init(&end);
    st_cc_cond_jump(c, k->test, false, &other);
    st_cc_expr(c, k->then, (int32_t)r);
    st_emit_jump(E, &end, ST_OP_JMP);
    st_emit_bind(E, &other);
    st_cc_expr(c, k->otherwise, (int32_t)r);
    st_emit_bind(E, &end);
    st_emit_label_free(&other);
    st_emit_label_free(&end);
    return r;
  }
  case ST_AST_SEQUENCE: {
    StSequence *s = (StSequence *)n;
    for (uint32_t i = 0; i + 1 < s->exprs.count; i++) {
      uint32_t mark = st_cc_mark(c);
      st_cc_expr(c, s->exprs.items[i], ST_ANY);
      st_cc_release(c, mark);
    }
    return st_cc_expr(c, s->exprs.items[s->exprs.count - 1], dst);
  }
  case ST_AST_CALL: return call_expr(c, (StCall *)n, dst);
  case ST_AST_NATIVE_CALL: return native_call(c, (StNativeCall *)n, dst);
  case ST_AST_NEW: return new_expr(c, (StCall *)n, dst);
  case ST_AST_SUPER_CALL: return super_call(c, (StCall *)n, dst);
  case ST_AST_MEMBER: {
    StMember *m = (StMember *)n;
    uint32_t mark = st_cc_mark(c);
    uint32_t o = st_cc_expr(c, m->object, ST_ANY);
    if (m->optional) optional_check(c, o);
    st_cc_release(c, mark);
    uint32_t r = want(c, dst);
    st_cc_pos(c, n);
    st_emit_op(E, ST_OP_GETPROP, (int32_t)r, (int32_t)o, (int32_t)st_cc_const(c, st_cc_name_value(c, m->name)),
               (int32_t)st_cc_fb(c, ST_FB_PROP));
    return r;
  }
  case ST_AST_INDEX: {
    StIndex *ix = (StIndex *)n;
    uint32_t mark = st_cc_mark(c);
    uint32_t o = stable_operand(c, ix->object, ix->index);
    if (ix->optional) optional_check(c, o);
    uint32_t k = st_cc_expr(c, ix->index, ST_ANY);
    st_cc_release(c, mark);
    uint32_t r = want(c, dst);
    st_cc_pos(c, n);
    st_emit_op(E, ST_OP_GETELEM, (int32_t)r, (int32_t)o, (int32_t)k, (int32_t)st_cc_fb(c, ST_FB_ELEM));
    return r;
  }
  case ST_AST_SUPER_MEMBER:
  case ST_AST_SUPER_INDEX: {
    uint32_t mark = st_cc_mark(c);
    this_value(c, n, ST_ANY); /* checks `this` is initialized in derived constructors */
    uint32_t k = key_register(c, n, n->kind == ST_AST_SUPER_MEMBER);
    st_cc_release(c, mark);
    uint32_t r = want(c, dst);
    st_cc_pos(c, n);
    st_cc_super_receiver(c, n);
    st_emit_op(E, ST_OP_GETSUPER, (int32_t)r, (int32_t)k);
    return r;
  }
  case ST_AST_OPTIONAL_CHAIN: {
    StOptionalChain *oc = (StOptionalChain *)n;
    uint32_t r = want(c, dst);
    StLabel nullish, end;
    st_emit_label_init(&nullish);
    st_emit_label_init(&end);
    StLabel *saved = c->fn->opt_nullish;
    c->fn->opt_nullish = &nullish;
    st_cc_expr(c, oc->expr, (int32_t)r);
    c->fn->opt_nullish = saved;
    st_emit_jump(E, &end, ST_OP_JMP);
    st_emit_bind(E, &nullish);
    st_emit_op(E, ST_OP_LOADUNDEF, (int32_t)r);
    st_emit_bind(E, &end);
    st_emit_label_free(&nullish);
    st_emit_label_free(&end);
    return r;
  }
  case ST_AST_AWAIT: {
    uint32_t mark = st_cc_mark(c);
    uint32_t v = st_cc_expr(c, ((StUnary *)n)->arg, ST_ANY);
    st_cc_release(c, mark);
    uint32_t r = want(c, dst);
    st_cc_pos(c, n);
    st_emit_op(E, ST_OP_AWAIT, (int32_t)r, (int32_t)v);
    return r;
  }
  default:
    st_cc_error(c, n, "unexpected expression (%s)", st_ast_kind_name((StNodeKind)n->kind));
    return want(c, dst);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Conditions                                                                                 */

static StOpcode fused_jump(StOpcode cmp, bool when) {
  switch (cmp) {
  case ST_OP_LT: return when ? ST_OP_JLT : ST_OP_JNLT;
  case ST_OP_LE: return when ? ST_OP_JLE : ST_OP_JNLE;
  case ST_OP_GT: return when ? ST_OP_JGT : ST_OP_JNGT;
  case ST_OP_GE: return when ? ST_OP_JGE : ST_OP_JNGE;
  case ST_OP_SEQ: return when ? ST_OP_JSEQ : ST_OP_JSNE;
  case ST_OP_SNE: return when ? ST_OP_JSNE : ST_OP_JSEQ;
  case ST_OP_EQ: return when ? ST_OP_JEQ : ST_OP_JNE;
  case ST_OP_NE: return when ? ST_OP_JNE : ST_OP_JEQ;
  default: return ST_OP_NOP;
  }
}

void st_cc_cond_jump(Cc *c, StNode *n, bool when, StLabel *l) {
  if (n->kind == ST_AST_UNARY && ((StUnary *)n)->op == ST_TOK_BANG) {
    st_cc_cond_jump(c, ((StUnary *)n)->arg, !when, l);
    return;
  }
  if (n->kind == ST_AST_LOGICAL && ((StBinary *)n)->op != ST_TOK_NULLISH) {
    StBinary *b = (StBinary *)n;
    bool is_and = b->op == ST_TOK_AND_AND;
    if (is_and != when) {
      /* (a && b) false -> jump if a false or b false; (a || b) true -> a true or b true. */
      st_cc_cond_jump(c, b->left, when, l);
      st_cc_cond_jump(c, b->right, when, l);
    } else {
      StLabel skip;
      st_emit_label_init(&skip);
      st_cc_cond_jump(c, b->left, !when, &skip);
      st_cc_cond_jump(c, b->right, when, l);
      st_emit_bind(E, &skip);
      st_emit_label_free(&skip);
    }
    return;
  }
  if (n->kind == ST_AST_BINARY) {
    StBinary *b = (StBinary *)n;
    StOpcode op = st_cc_binop_of(b->op);
    StOpcode j = fused_jump(op, when);
    if (j != ST_OP_NOP) {
      uint32_t mark = st_cc_mark(c);
      uint32_t x = stable_operand(c, b->left, b->right);
      uint32_t y = st_cc_expr(c, b->right, ST_ANY);
      st_cc_pos(c, n);
      st_emit_jump(E, l, j, (int32_t)x, (int32_t)y, (int32_t)st_cc_fb(c, ST_FB_COMPARE));
      st_cc_release(c, mark);
      return;
    }
  }
  if (n->kind == ST_AST_TRUE || n->kind == ST_AST_FALSE) {
    if ((n->kind == ST_AST_TRUE) == when) st_emit_jump(E, l, ST_OP_JMP);
    return;
  }
  uint32_t mark = st_cc_mark(c);
  uint32_t v = st_cc_expr(c, n, ST_ANY);
  st_emit_jump(E, l, when ? ST_OP_JTRUE : ST_OP_JFALSE, (int32_t)v);
  st_cc_release(c, mark);
}

/* frontend/compiler.c: AST -> bytecode: entry points, functions (prologues), lexical scopes
 * and statements. Expressions are in compiler_expr.c, patterns and assignments in
 * compiler_assign.c, classes and object literals in compiler_class.c.
 */
#include "frontend/compiler_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------ */
/* Small helpers                                                                              */

void st_cc_error(Cc *c, const StNode *at, const char *fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  StPos pos = at ? st_ast_pos(c->lines, at) : (StPos){0, 0, 0};
  st_diag_add(c->diags, ST_DIAG_SYNTAX_ERROR, pos.line, pos.col, pos.offset, "%s", buf);
  c->failed = true;
}

StValue st_cc_name_value(Cc *c, const StName *name) {
  StString *s = st_string_intern_cstr(c->vm, name->str);
  if (!s) {
    c->failed = true;
    return st_string_value(c->vm->atoms.empty);
  }
  return st_string_value(s);
}

StValue st_cc_str_value(Cc *c, const StStr *s) {
  StString *str = st_string_intern_utf16(c->vm, s->units, s->len);
  if (!str) {
    c->failed = true;
    return st_string_value(c->vm->atoms.empty);
  }
  return st_string_value(str);
}

void st_cc_pos(Cc *c, const StNode *n) {
  if (n) st_emit_position_at(&c->fn->e, c->lines, n->offset);
}

uint32_t st_cc_temp(Cc *c) { return st_emit_temp(&c->fn->e); }
uint32_t st_cc_temps(Cc *c, uint32_t n) { return st_emit_temps(&c->fn->e, n); }
uint32_t st_cc_mark(Cc *c) { return c->fn->e.next_reg; }
void st_cc_release(Cc *c, uint32_t mark) { st_emit_free_to(&c->fn->e, mark); }
uint32_t st_cc_fb(Cc *c, StFeedbackKind k) { return st_emit_feedback(&c->fn->e, k); }
uint32_t st_cc_const(Cc *c, StValue v) { return st_emit_const(&c->fn->e, v); }

#define E (&c->fn->e)

/* The source object every proto of this compilation points to. */
static StSource *new_source(StVM *vm, const StCompileOptions *opt, const char *src, size_t len) {
  if (opt->source_outlives_vm) return st_function_new_source_shared(vm, opt->filename, src, len);
  return st_function_new_source(vm, opt->filename, src, len);
}

/* ------------------------------------------------------------------------------------------ */
/* Scopes at run time                                                                         */

uint32_t st_cc_ctx_depth(Cc *c, const StBinding *b) {
  uint32_t depth = 0;
  for (StScope *s = c->fn->cur_scope; s && s != b->scope; s = s->parent)
    if (s->has_context) depth++;
  return depth;
}

/* TDZ: lexical bindings start uninitialized. */
static void init_tdz(Cc *c, StScope *s) {
  for (StBinding *b = s->bindings; b; b = b->next) {
    if (!b->lexical || b->kind == ST_BIND_CLASS_INNER) continue;
    if (b->loc == ST_LOC_REGISTER) {
      st_emit_op(E, ST_OP_LOADUNINIT, (int32_t)b->reg);
    } else if (b->loc == ST_LOC_CONTEXT) {
      uint32_t t = st_cc_temp(c);
      st_emit_op(E, ST_OP_LOADUNINIT, (int32_t)t);
      st_emit_op(E, ST_OP_SETCTX, (int32_t)t, 0, (int32_t)b->slot);
      st_cc_release(c, t);
    }
  }
}

/* Widens the range of binding registers that the innermost try statement's handlers clear. */
static void note_try_regs(CFunc *fs, StScope *s) {
  for (StBinding *b = s->bindings; b; b = b->next) {
    if (b->loc != ST_LOC_REGISTER) continue;
    if (fs->try_regs_lo >= fs->try_regs_hi) {
      fs->try_regs_lo = b->reg;
      fs->try_regs_hi = b->reg + 1;
    } else {
      if (b->reg < fs->try_regs_lo) fs->try_regs_lo = b->reg;
      if (b->reg >= fs->try_regs_hi) fs->try_regs_hi = b->reg + 1;
    }
  }
}

void st_cc_push_scope(Cc *c, StScope *s) {
  if (!s) return;
  note_try_regs(c->fn, s);
  if (s->has_context) {
    st_emit_op(E, ST_OP_PUSHCTX, (int32_t)s->ctx_slots);
    c->fn->ctx_depth++;
  }
  c->fn->cur_scope = s;
  init_tdz(c, s);
}

void st_cc_pop_scope(Cc *c, StScope *s) {
  if (!s) return;
  if (s->has_context) {
    st_emit_op(E, ST_OP_POPCTX);
    c->fn->ctx_depth--;
  }
  c->fn->cur_scope = s->parent;
}

/* Function declarations of a statement list are created when their scope is entered. */
void st_cc_hoist_functions(Cc *c, StNodeList *body) {
  for (uint32_t i = 0; i < body->count; i++) {
    StNode *n = body->items[i];
    if (n->kind != ST_AST_FUNCTION_DECL) continue;
    StAstFunction *f = (StAstFunction *)n;
    if (!f->name) continue;
    StIdent *id = (StIdent *)f->name;
    uint32_t mark = st_cc_mark(c);
    uint32_t r;
    if (c->release_prog && body == &c->release_prog->body) {
      /* The same code as st_cc_function_value's; the proto comes later (script_stmts). */
      r = st_cc_temp(c);
      struct CDeferred d = {f, st_emit_const_reserve(E)};
      st_vec_push(&c->deferred, d);
      st_emit_op(E, ST_OP_CLOSURE, (int32_t)r, (int32_t)d.k);
    } else {
      r = st_cc_function_value(c, f, ST_ANY);
    }
    if (c->fn->scope->kind == ST_SCOPE_SCRIPT && st_ast_ident_binding(id) &&
        st_ast_ident_binding(id)->scope == c->fn->scope &&
        st_ast_ident_binding(id)->loc == ST_LOC_GLOBAL) {
      st_emit_op(E, ST_OP_DECLFUNC, (int32_t)r,
                 (int32_t)st_cc_const(c, st_cc_name_value(c, st_ast_ident_name(id))));
    } else {
      StBinding *b = st_ast_ident_binding(id);
      if (!b || b->loc == ST_LOC_GLOBAL)
        st_emit_op(E, ST_OP_DECLFUNC, (int32_t)r,
                   (int32_t)st_cc_const(c, st_cc_name_value(c, st_ast_ident_name(id))));
      else
        st_cc_store_var(c, b, st_ast_ident_name(id), n, r, true);
    }
    st_cc_release(c, mark);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Jumps out of regions (break, continue, return)                                             */

static void emit_pop_ctx_to(Cc *c, uint32_t depth) {
  for (uint32_t d = c->fn->ctx_depth; d > depth; d--) st_emit_op(E, ST_OP_POPCTX);
}

/* Leaves every region from the innermost down to `keep` (exclusive) and then jumps to label
 * (or returns the value in ret_reg when label is NULL). */
static void jump_out(Cc *c, uint32_t keep, StLabel *label, uint32_t target_depth, int32_t ret_reg) {
  CFunc *fs = c->fn;
  uint32_t saved_depth = fs->ctx_depth;
  for (uint32_t i = (uint32_t)fs->regions.len; i-- > keep;) {
    CRegion *r = &fs->regions.data[i];
    if (r->kind == CR_ITER) {
      st_emit_op(E, ST_OP_ITERCLOSE, (int32_t)r->iter_reg);
      continue;
    }
    /* Through a finally: record the continuation, run the finally block first. */
    emit_pop_ctx_to(c, r->ctx_depth);
    fs->ctx_depth = r->ctx_depth;
    CFinallyExit x = {r->next_code++, label, target_depth};
    if (ret_reg >= 0) st_emit_op(E, ST_OP_MOV, (int32_t)r->value_reg, ret_reg);
    st_emit_op(E, ST_OP_LOADI, (int32_t)r->completion_reg, x.code);
    st_vec_push(&r->exits, x);
    st_emit_jump(E, r->finally_label, ST_OP_JMP);
    fs->ctx_depth = saved_depth;
    return;
  }
  if (!label) {
    /* Derived constructors: `this` is read after iterators were closed and finally blocks
     * ran (either may have called super() through an arrow). */
    if (fs->derived_ctor) st_cc_sync_this(c);
    st_emit_op(E, ST_OP_RET, ret_reg);
    return;
  }
  emit_pop_ctx_to(c, target_depth);
  st_emit_jump(E, label, ST_OP_JMP);
}

static CTarget *find_target(Cc *c, StNode *node) {
  for (size_t i = c->fn->targets.len; i-- > 0;)
    if (c->fn->targets.data[i].node == node) return &c->fn->targets.data[i];
  return NULL;
}

static void push_target(Cc *c, StNode *node, StLabel *brk, StLabel *cont) {
  CTarget t = {node, brk, cont, c->fn->ctx_depth, (uint32_t)c->fn->regions.len};
  st_vec_push(&c->fn->targets, t);
}

static void pop_target(Cc *c) { c->fn->targets.len--; }

/* ------------------------------------------------------------------------------------------ */
/* Statements                                                                                 */

static void stmt_list(Cc *c, StNodeList *list) {
  for (uint32_t i = 0; i < list->count && !c->failed; i++) st_cc_stmt(c, list->items[i]);
}

/* The script's statements, each one's tree memory freed once it is compiled: so a big
 * script never holds its whole tree and its whole bytecode at once. That is safe because the
 * script's function declarations were compiled before (hoisting), a statement's code reads
 * only its own nodes, the scope data (allocated after the parse) and names (side arena), and
 * nothing reads the nodes after the compiler is done with them. */
static void script_stmts(Cc *c, StProgram *prog) {
  for (uint32_t i = 0; i < prog->body.count && !c->failed; i++) {
    StNode *n = prog->body.items[i];
    if (c->next_deferred < c->deferred.len && c->deferred.data[c->next_deferred].f == (StAstFunction *)n) {
      struct CDeferred d = c->deferred.data[c->next_deferred++];
      StProto *p = st_cc_function(c, d.f, d.f->scope);
      if (p) st_emit_const_set(E, d.k, st_cell_value(p));
    }
    st_cc_stmt(c, n);
    if (prog->stmt_marks) st_arena_release_before(prog->arena, prog->stmt_marks[i]);
  }
}

static void var_decl(Cc *c, StVarDecl *vd) {
  for (uint32_t i = 0; i < vd->decls.count; i++) {
    StDeclarator *d = (StDeclarator *)vd->decls.items[i];
    uint32_t mark = st_cc_mark(c);
    st_cc_pos(c, &d->h);
    if (!d->init) {
      if (vd->kind == ST_AST_VAR) continue; /* hoisted: already undefined */
      uint32_t u = st_cc_temp(c);
      st_emit_op(E, ST_OP_LOADUNDEF, (int32_t)u);
      st_cc_assign_pattern(c, d->target, u, true);
    } else if (d->target->kind == ST_AST_BINDING && st_ast_ident_binding((StIdent *)d->target) &&
               st_ast_ident_binding((StIdent *)d->target)->loc == ST_LOC_REGISTER) {
      /* Straight into the variable's register. */
      StBinding *b = st_ast_ident_binding((StIdent *)d->target);
      uint32_t r = st_cc_named_expr(c, d->init, b->name, ST_ANY);
      if (r != b->reg) st_emit_op(E, ST_OP_MOV, (int32_t)b->reg, (int32_t)r);
    } else {
      const StName *name =
          d->target->kind == ST_AST_BINDING ? st_ast_ident_name((StIdent *)d->target) : NULL;
      uint32_t r = st_cc_named_expr(c, d->init, name, ST_ANY);
      st_cc_assign_pattern(c, d->target, r, vd->kind != ST_AST_VAR);
    }
    st_cc_release(c, mark);
  }
}

static void if_stmt(Cc *c, StIf *s) {
  StLabel other, end;
  st_emit_label_init(&other);
  st_emit_label_init(&end);
  st_cc_cond_jump(c, s->test, false, &other);
  st_cc_stmt(c, s->then);
  if (s->otherwise) {
    st_emit_jump(E, &end, ST_OP_JMP);
    st_emit_bind(E, &other);
    st_cc_stmt(c, s->otherwise);
  } else {
    st_emit_bind(E, &other);
  }
  st_emit_bind(E, &end);
  st_emit_label_free(&other);
  st_emit_label_free(&end);
}

static void while_stmt(Cc *c, StWhile *w, bool do_while) {
  StLabel top, cond, brk;
  st_emit_label_init(&top);
  st_emit_label_init(&cond);
  st_emit_label_init(&brk);
  push_target(c, &w->h, &brk, &cond);
  if (!do_while) st_emit_jump(E, &cond, ST_OP_JMP);
  st_emit_loop_head(E, &top);
  st_cc_stmt(c, w->body);
  st_emit_bind(E, &cond);
  st_cc_pos(c, w->test);
  st_cc_cond_jump(c, w->test, true, &top);
  st_emit_bind(E, &brk);
  pop_target(c);
  st_emit_label_free(&top);
  st_emit_label_free(&cond);
  st_emit_label_free(&brk);
}

static void for_stmt(Cc *c, StFor *f) {
  StLabel top, cont, cond, brk;
  st_emit_label_init(&top);
  st_emit_label_init(&cont);
  st_emit_label_init(&cond);
  st_emit_label_init(&brk);
  st_cc_push_scope(c, f->scope);
  if (f->init) {
    if (f->init->kind == ST_AST_VAR_DECL) var_decl(c, (StVarDecl *)f->init);
    else {
      uint32_t mark = st_cc_mark(c);
      st_cc_expr(c, f->init, ST_ANY);
      st_cc_release(c, mark);
    }
  }
  /* Each iteration gets its own copy of the head's captured let bindings. */
  bool per_iteration = f->scope && f->scope->has_context;
  push_target(c, &f->h, &brk, &cont);
  st_emit_jump(E, &cond, ST_OP_JMP);
  st_emit_loop_head(E, &top);
  st_cc_stmt(c, f->body);
  st_emit_bind(E, &cont);
  if (per_iteration) st_emit_op(E, ST_OP_COPYCTX);
  if (f->update) {
    uint32_t mark = st_cc_mark(c);
    st_cc_expr(c, f->update, ST_ANY);
    st_cc_release(c, mark);
  }
  st_emit_bind(E, &cond);
  if (f->test) {
    st_cc_pos(c, f->test);
    st_cc_cond_jump(c, f->test, true, &top);
  } else {
    st_emit_jump(E, &top, ST_OP_JMP);
  }
  st_emit_bind(E, &brk);
  pop_target(c);
  st_cc_pop_scope(c, f->scope);
  st_emit_label_free(&top);
  st_emit_label_free(&cont);
  st_emit_label_free(&cond);
  st_emit_label_free(&brk);
}

/* The left side of for-in/of receives each value. */
static void for_each_assign(Cc *c, StNode *left, uint32_t v) {
  if (left->kind == ST_AST_VAR_DECL) {
    StVarDecl *vd = (StVarDecl *)left;
    StDeclarator *d = (StDeclarator *)vd->decls.items[0];
    st_cc_assign_pattern(c, d->target, v, vd->kind != ST_AST_VAR);
  } else {
    st_cc_assign_pattern(c, left, v, false);
  }
}

static void for_in_of(Cc *c, StForIn *f, bool of) {
  StLabel top, brk, cont;
  st_emit_label_init(&top);
  st_emit_label_init(&brk);
  st_emit_label_init(&cont);
  uint32_t mark = st_cc_mark(c);
  /* The right side sees the head's bindings in TDZ (the FOR scope), with its own context. */
  st_cc_push_scope(c, f->scope);
  /* Annex B: for (var x = e in o) evaluates e first. */
  if (f->left->kind == ST_AST_VAR_DECL) {
    StDeclarator *d0 = (StDeclarator *)((StVarDecl *)f->left)->decls.items[0];
    if (d0->init) {
      uint32_t iv = st_cc_expr(c, d0->init, ST_ANY);
      st_cc_assign_pattern(c, d0->target, iv, false);
    }
  }
  uint32_t obj = st_cc_expr_temp(c, f->right);
  st_cc_pop_scope(c, f->scope);
  uint32_t rec = st_cc_temps(c, 2);
  uint32_t ctxr = st_cc_temp(c);
  uint32_t exc = st_cc_temp(c);
  uint32_t v = st_cc_temp(c);
  st_cc_pos(c, f->right);
  if (of) st_emit_op(E, ST_OP_GETITER, (int32_t)rec, (int32_t)obj, (int32_t)st_cc_fb(c, ST_FB_ITER));
  else st_emit_op(E, ST_OP_FORINPREP, (int32_t)rec, (int32_t)obj);
  if (of) st_emit_op(E, ST_OP_SAVECTX, (int32_t)ctxr);
  push_target(c, &f->h, &brk, &cont);
  st_emit_loop_head(E, &top);
  if (of) st_emit_jump(E, &brk, ST_OP_ITERNEXT, (int32_t)v, (int32_t)rec);
  else st_emit_jump(E, &brk, ST_OP_FORINNEXT, (int32_t)v, (int32_t)rec);
  uint32_t body_start = st_emit_pc(E);
  if (of) {
    CRegion r = {.kind = CR_ITER, .ctx_depth = c->fn->ctx_depth, .iter_reg = rec};
    st_vec_push(&c->fn->regions, r);
    c->fn->targets.data[c->fn->targets.len - 1].nregions = (uint32_t)c->fn->regions.len;
  }
  st_cc_push_scope(c, f->scope); /* a fresh context per iteration */
  for_each_assign(c, f->left, v);
  st_cc_stmt(c, f->body);
  st_emit_bind(E, &cont);
  st_cc_pop_scope(c, f->scope);
  st_emit_jump(E, &top, ST_OP_JMP);
  uint32_t body_end = st_emit_pc(E);
  if (of) {
    c->fn->regions.len--;
    /* An exception in the body (not in next()) closes the iterator, then propagates. */
    StLabel skip;
    st_emit_label_init(&skip);
    uint32_t handler = st_emit_pc(E);
    st_emit_op(E, ST_OP_ITERCLOSEQUIET, (int32_t)rec);
    st_emit_op(E, ST_OP_THROW, (int32_t)exc);
    st_emit_handler(E, body_start, body_end, handler, exc, ctxr);
    st_emit_label_free(&skip);
  }
  st_emit_bind(E, &brk);
  pop_target(c);
  st_cc_release(c, mark);
  st_emit_label_free(&top);
  st_emit_label_free(&brk);
  st_emit_label_free(&cont);
}

static void jump_stmt(Cc *c, StJump *j, bool is_break) {
  CTarget *t = find_target(c, j->target);
  if (!t) {
    st_cc_error(c, &j->h, "Illegal %s statement", is_break ? "break" : "continue");
    return;
  }
  /* Breaking out of a for-of leaves its iterator region too (closing the iterator);
   * continuing stays inside it. */
  uint32_t keep = t->nregions;
  if (is_break && t->node->kind == ST_AST_FOR_OF) keep--;
  jump_out(c, keep, is_break ? t->break_label : t->continue_label, t->ctx_depth, -1);
}

static void return_stmt(Cc *c, StReturn *r) {
  uint32_t mark = st_cc_mark(c);
  uint32_t v;
  if (r->arg) {
    v = st_cc_expr(c, r->arg, ST_ANY);
  } else {
    v = st_cc_temp(c);
    st_emit_op(E, ST_OP_LOADUNDEF, (int32_t)v);
  }
  st_cc_pos(c, &r->h);
  jump_out(c, 0, NULL, 0, (int32_t)v);
  st_cc_release(c, mark);
}

/* A handler entry of try statement t: besides the exception and context registers, the
 * registers dead when it runs (StHandler): the locals of the scopes entered since the try began
 * (fs->try_regs_lo/hi) and every temporary allocated inside it (from `temps`, the first free
 * register at its start). */
static void try_handler(CFunc *fs, uint32_t start, uint32_t end, uint32_t handler,
                        uint32_t exc, uint32_t ctxr, uint32_t temps) {
  bool locals = fs->try_regs_lo < fs->try_regs_hi;
  st_emit_add_handler(&fs->e, (StHandler){
      .start = start, .end = end, .handler = handler, .exc_reg = (uint16_t)exc,
      .ctx_reg = (uint16_t)ctxr, .dead_lo = (uint16_t)(locals ? fs->try_regs_lo : 0),
      .dead_hi = (uint16_t)(locals ? fs->try_regs_hi : 0), .temps_lo = (uint16_t)temps});
}

static void try_stmt(Cc *c, StTry *t) {
  CFunc *fs = c->fn;
  uint32_t mark = st_cc_mark(c);
  uint32_t outer_lo = fs->try_regs_lo, outer_hi = fs->try_regs_hi;
  fs->try_regs_lo = fs->try_regs_hi = 0;
  uint32_t ctxr = st_cc_temp(c);
  st_emit_op(E, ST_OP_SAVECTX, (int32_t)ctxr);
  StLabel after, finally_label;
  st_emit_label_init(&after);
  st_emit_label_init(&finally_label);
  uint32_t completion = 0, value = 0;
  if (t->finalizer) {
    completion = st_cc_temp(c);
    value = st_cc_temp(c);
    CRegion r = {.kind = CR_FINALLY, .ctx_depth = fs->ctx_depth, .completion_reg = completion,
                 .value_reg = value, .finally_label = &finally_label, .next_code = 2};
    st_vec_push(&fs->regions, r);
  }
  uint32_t try_start = st_emit_pc(E);
  uint32_t temps = st_cc_mark(c);
  st_cc_stmt(c, &t->block->h);
  if (t->handler) {
    StLabel done;
    st_emit_label_init(&done);
    st_emit_jump(E, &done, ST_OP_JMP);
    uint32_t try_end = st_emit_pc(E);
    uint32_t exc = st_cc_temp(c);
    uint32_t handler = st_emit_pc(E);
    try_handler(fs, try_start, try_end, handler, exc, ctxr, temps);
    StScope *saved_scope = fs->cur_scope;
    uint32_t saved_depth = fs->ctx_depth;
    st_cc_push_scope(c, t->handler->scope);
    if (t->param) st_cc_assign_pattern(c, t->param, exc, true);
    st_cc_hoist_functions(c, &t->handler->body);
    stmt_list(c, &t->handler->body);
    st_cc_pop_scope(c, t->handler->scope);
    fs->cur_scope = saved_scope;
    fs->ctx_depth = saved_depth;
    st_emit_bind(E, &done);
    st_emit_label_free(&done);
  }
  if (t->finalizer) {
    uint32_t body_end = st_emit_pc(E);
    st_emit_op(E, ST_OP_LOADI, (int32_t)completion, 0); /* normal completion */
    st_emit_jump(E, &finally_label, ST_OP_JMP);
    /* Exceptions from the try block and the catch block: completion 1 with the value. */
    uint32_t handler = st_emit_pc(E);
    try_handler(fs, try_start, body_end, handler, value, ctxr, temps);
    st_emit_op(E, ST_OP_LOADI, (int32_t)completion, 1);
    CRegion region = st_vec_pop(&fs->regions);
    st_emit_bind(E, &finally_label);
    /* Eval code: a finally block does not change the statement's completion value. */
    uint32_t creg = fs->completion_reg, saved_completion = 0;
    if (creg) {
      saved_completion = st_cc_temp(c);
      st_emit_op(E, ST_OP_MOV, (int32_t)saved_completion, (int32_t)creg);
    }
    st_cc_stmt(c, &t->finalizer->h);
    if (creg) st_emit_op(E, ST_OP_MOV, (int32_t)creg, (int32_t)saved_completion);
    /* Dispatch on how the protected code ended. */
    StLabel not_throw;
    st_emit_label_init(&not_throw);
    uint32_t k = st_cc_temp(c);
    st_emit_op(E, ST_OP_LOADI, (int32_t)k, 1);
    st_emit_jump(E, &not_throw, ST_OP_JSNE, (int32_t)completion, (int32_t)k, (int32_t)st_cc_fb(c, ST_FB_COMPARE));
    st_emit_op(E, ST_OP_THROW, (int32_t)value);
    st_emit_bind(E, &not_throw);
    st_emit_label_free(&not_throw);
    for (size_t i = 0; i < region.exits.len; i++) {
      CFinallyExit *x = &region.exits.data[i];
      StLabel next;
      st_emit_label_init(&next);
      st_emit_op(E, ST_OP_LOADI, (int32_t)k, x->code);
      st_emit_jump(E, &next, ST_OP_JSNE, (int32_t)completion, (int32_t)k, (int32_t)st_cc_fb(c, ST_FB_COMPARE));
      /* Continue the jump through the regions outside this finally. */
      uint32_t keep = 0;
      if (x->label) {
        for (size_t ti = fs->targets.len; ti-- > 0;)
          if (fs->targets.data[ti].break_label == x->label || fs->targets.data[ti].continue_label == x->label) {
            keep = fs->targets.data[ti].nregions;
            break;
          }
      }
      jump_out(c, keep, x->label, x->ctx_depth, x->label ? -1 : (int32_t)value);
      st_emit_bind(E, &next);
      st_emit_label_free(&next);
    }
    st_vec_free(&region.exits);
  }
  st_emit_bind(E, &after);
  st_emit_label_free(&after);
  st_emit_label_free(&finally_label);
  st_cc_release(c, mark);
  /* This statement's scopes lie inside any enclosing try statement's range. */
  if (outer_lo < outer_hi) {
    if (fs->try_regs_lo >= fs->try_regs_hi || outer_lo < fs->try_regs_lo) fs->try_regs_lo = outer_lo;
    if (outer_hi > fs->try_regs_hi) fs->try_regs_hi = outer_hi;
  }
}

static void switch_stmt(Cc *c, StSwitch *sw) {
  uint32_t mark = st_cc_mark(c);
  uint32_t d = st_cc_expr_temp(c, sw->disc);
  st_cc_push_scope(c, sw->scope);
  StLabel brk, dflt;
  st_emit_label_init(&brk);
  st_emit_label_init(&dflt);
  StLabel *labels = st_xcalloc(sw->cases.count ? sw->cases.count : 1, sizeof(StLabel));
  bool has_default = false;
  for (uint32_t i = 0; i < sw->cases.count; i++) {
    st_emit_label_init(&labels[i]);
    StCase *cs = (StCase *)sw->cases.items[i];
    if (!cs->test) {
      has_default = true;
      continue;
    }
    uint32_t m2 = st_cc_mark(c);
    uint32_t v = st_cc_expr(c, cs->test, ST_ANY);
    st_emit_jump(E, &labels[i], ST_OP_JSEQ, (int32_t)d, (int32_t)v, (int32_t)st_cc_fb(c, ST_FB_COMPARE));
    st_cc_release(c, m2);
  }
  st_emit_jump(E, has_default ? &dflt : &brk, ST_OP_JMP);
  push_target(c, &sw->h, &brk, NULL);
  for (uint32_t i = 0; i < sw->cases.count; i++) {
    StCase *cs = (StCase *)sw->cases.items[i];
    st_emit_bind(E, &labels[i]);
    if (!cs->test) st_emit_bind(E, &dflt);
    st_cc_hoist_functions(c, &cs->body);
    stmt_list(c, &cs->body);
  }
  pop_target(c);
  st_emit_bind(E, &brk);
  if (!has_default && dflt.pos < 0) st_emit_bind(E, &dflt);
  st_cc_pop_scope(c, sw->scope);
  for (uint32_t i = 0; i < sw->cases.count; i++) st_emit_label_free(&labels[i]);
  free(labels);
  st_emit_label_free(&brk);
  st_emit_label_free(&dflt);
  st_cc_release(c, mark);
}

/* Eval code: statements that complete with undefined when their body gives no value
 * (UpdateEmpty(stmt, undefined)) reset the completion value first. */
static void reset_completion(Cc *c, StNode *n) {
  if (!c->fn->completion_reg) return;
  switch ((StNodeKind)n->kind) {
  case ST_AST_IF: case ST_AST_WHILE: case ST_AST_DO_WHILE: case ST_AST_FOR: case ST_AST_FOR_IN:
  case ST_AST_FOR_OF: case ST_AST_TRY: case ST_AST_SWITCH:
    st_emit_op(E, ST_OP_LOADUNDEF, (int32_t)c->fn->completion_reg);
    break;
  default: break;
  }
}

void st_cc_stmt(Cc *c, StNode *n) {
  if (!n || c->failed) return;
  st_cc_pos(c, n);
  reset_completion(c, n);
  switch ((StNodeKind)n->kind) {
  case ST_AST_EMPTY:
  case ST_AST_DEBUGGER: return;
  case ST_AST_EXPR_STMT: {
    uint32_t mark = st_cc_mark(c);
    uint32_t creg = c->fn->completion_reg;
    st_cc_expr(c, ((StExprStmt *)n)->expr, creg ? (int32_t)creg : ST_ANY);
    st_cc_release(c, mark);
    return;
  }
  case ST_AST_VAR_DECL: var_decl(c, (StVarDecl *)n); return;
  case ST_AST_FUNCTION_DECL: {
    /* Created when its scope was entered. Annex B: a sloppy block-level function is also
     * assigned to the function's var of the same name when the declaration is evaluated. */
    StAstFunction *f = (StAstFunction *)n;
    if (!f->name || c->fn->strict || !(f->flags & ST_AST_FN_ANNEX_B)) return;
    StIdent *id = (StIdent *)f->name;
    StBinding *inner = st_ast_ident_binding(id);
    if (!inner || inner->scope == c->fn->scope || inner->scope->kind == ST_SCOPE_SCRIPT) return;
    StScope *vs = st_scope_body(c->fn->scope) ? st_scope_body(c->fn->scope) : c->fn->scope;
    StBinding *outer = NULL;
    for (StBinding *b = vs->bindings; b; b = b->next)
      if (b->name == st_ast_ident_name(id) &&
          (b->kind == ST_BIND_VAR || b->kind == ST_BIND_FUNCTION))
        outer = b;
    if (!outer && c->fn->scope->kind != ST_SCOPE_SCRIPT) return;
    uint32_t mark = st_cc_mark(c);
    uint32_t r = st_cc_load_var(c, inner, st_ast_ident_name(id), n, ST_ANY, false);
    st_cc_store_var(c, outer, st_ast_ident_name(id), n, r, false);
    st_cc_release(c, mark);
    return;
  }
  case ST_AST_CLASS_DECL: {
    StClass *cls = (StClass *)n;
    uint32_t mark = st_cc_mark(c);
    uint32_t r = st_cc_class(c, cls, ST_ANY);
    StIdent *id = (StIdent *)cls->name;
    st_cc_store_var(c, st_ast_ident_binding(id), st_ast_ident_name(id), n, r, true);
    st_cc_release(c, mark);
    return;
  }
  case ST_AST_RETURN: return_stmt(c, (StReturn *)n); return;
  case ST_AST_THROW: {
    uint32_t mark = st_cc_mark(c);
    uint32_t r = st_cc_expr(c, ((StReturn *)n)->arg, ST_ANY);
    st_cc_pos(c, n);
    st_emit_op(E, ST_OP_THROW, (int32_t)r);
    st_cc_release(c, mark);
    return;
  }
  case ST_AST_BLOCK: {
    StBlock *b = (StBlock *)n;
    st_cc_push_scope(c, b->scope);
    st_cc_hoist_functions(c, &b->body);
    stmt_list(c, &b->body);
    st_cc_pop_scope(c, b->scope);
    return;
  }
  case ST_AST_IF: if_stmt(c, (StIf *)n); return;
  case ST_AST_WHILE: while_stmt(c, (StWhile *)n, false); return;
  case ST_AST_DO_WHILE: while_stmt(c, (StWhile *)n, true); return;
  case ST_AST_FOR: for_stmt(c, (StFor *)n); return;
  case ST_AST_FOR_IN: for_in_of(c, (StForIn *)n, false); return;
  case ST_AST_FOR_OF: for_in_of(c, (StForIn *)n, true); return;
  case ST_AST_BREAK: jump_stmt(c, (StJump *)n, true); return;
  case ST_AST_CONTINUE: jump_stmt(c, (StJump *)n, false); return;
  case ST_AST_TRY: try_stmt(c, (StTry *)n); return;
  case ST_AST_SWITCH: switch_stmt(c, (StSwitch *)n); return;
  case ST_AST_LABELED: {
    StLabeled *l = (StLabeled *)n;
    StLabel brk;
    st_emit_label_init(&brk);
    push_target(c, n, &brk, NULL);
    st_cc_stmt(c, l->body);
    pop_target(c);
    st_emit_bind(E, &brk);
    st_emit_label_free(&brk);
    return;
  }
  default: st_cc_error(c, n, "unexpected statement (%s)", st_ast_kind_name((StNodeKind)n->kind)); return;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Functions                                                                                  */

static void trace_compiler(StHeap *h, void *ud) {
  Cc *c = ud;
  for (CFunc *f = c->fn; f; f = f->outer) {
    st_emit_trace(h, &f->e);
    st_gc_mark_cell(h, (StCell *)f->proto);
  }
  st_gc_mark_cell(h, (StCell *)c->source);
}

static uint32_t proto_flags(StAstFunction *f, StScope *scope) {
  uint32_t fl = 0;
  if (!f) return ST_PROTO_SCRIPT | (scope->strict ? ST_PROTO_STRICT : 0);
  if (f->flags & ST_AST_FN_STRICT) fl |= ST_PROTO_STRICT;
  if (f->h.kind == ST_AST_ARROW) fl |= ST_PROTO_ARROW;
  if (f->flags & ST_AST_FN_ASYNC) fl |= ST_PROTO_ASYNC;
  if (f->flags & ST_AST_FN_SIMPLE_PARAMS) fl |= ST_PROTO_HAS_SIMPLE_PARAMS;
  switch ((StMethodKind)f->method_kind) {
  case ST_AST_METHOD_METHOD: fl |= ST_PROTO_METHOD; break;
  case ST_AST_METHOD_GETTER: fl |= ST_PROTO_METHOD | ST_PROTO_GETTER; break;
  case ST_AST_METHOD_SETTER: fl |= ST_PROTO_METHOD | ST_PROTO_SETTER; break;
  case ST_AST_METHOD_CONSTRUCTOR: fl |= ST_PROTO_CLASS_CTOR; break;
  case ST_AST_METHOD_DERIVED_CONSTRUCTOR: fl |= ST_PROTO_CLASS_CTOR | ST_PROTO_DERIVED; break;
  case ST_AST_METHOD_FIELD_INIT: fl |= ST_PROTO_METHOD | ST_PROTO_FIELD_INIT; break;
  default: break;
  }
  if (scope->uses_arguments || f->rest) fl |= ST_PROTO_NEEDS_ARGS;
  if (scope->mapped_arguments) fl |= ST_PROTO_MAPPED_ARGS;
  if (f->name && f->h.kind == ST_AST_FUNCTION_EXPR) fl |= ST_PROTO_EXPRESSION_NAME;
  return fl;
}

/* The prologue: the function context, parameters into it, this/new.target/arguments, defaults
 * and destructured parameters, rest, TDZ of the body's lexical bindings, hoisted functions. */
static void prologue(Cc *c, StAstFunction *f, StScope *s) {
  if (s->has_context) {
    st_emit_op(E, ST_OP_PUSHCTX, (int32_t)s->ctx_slots);
    c->fn->ctx_depth = 0; /* the function context is the base of this function's depth count */
  }
  c->fn->cur_scope = s;
  for (StBinding *b = s->bindings; b; b = b->next) {
    if (b->kind == ST_BIND_PARAM && b->param_in_ctx)
      st_emit_op(E, ST_OP_SETCTX, (int32_t)b->reg, 0, (int32_t)b->slot);
  }
  if (st_scope_this_binding(s)) {
    StBinding *tb = st_scope_this_binding(s);
    tb->loc = ST_LOC_CONTEXT;
    st_emit_op(E, ST_OP_SETCTX, 0, 0, (int32_t)tb->slot);
  }
  if (st_scope_new_target_binding(s)) {
    uint32_t t = st_cc_temp(c);
    st_emit_op(E, ST_OP_NEWTARGET, (int32_t)t);
    st_emit_op(E, ST_OP_SETCTX, (int32_t)t, 0, (int32_t)st_scope_new_target_binding(s)->slot);
    st_cc_release(c, t);
  }
  if (st_scope_function_binding(s)) {
    uint32_t t = st_cc_temp(c);
    st_emit_op(E, ST_OP_THISFUNC, (int32_t)t);
    st_emit_op(E, ST_OP_SETCTX, (int32_t)t, 0, (int32_t)st_scope_function_binding(s)->slot);
    st_cc_release(c, t);
  }
  if (st_scope_arguments_binding(s) && s->uses_arguments && f) {
    uint32_t t = st_cc_temp(c);
    st_emit_op(E, ST_OP_ARGUMENTS, (int32_t)t);
    st_cc_store_var(c, st_scope_arguments_binding(s), st_scope_arguments_binding(s)->name, &f->h, t,
                    true);
    st_cc_release(c, t);
  }
  init_tdz(c, s);
  if (f) {
    for (uint32_t i = 0; i < f->params.count; i++) {
      StNode *p = f->params.items[i];
      uint32_t reg = 1 + i;
      StNode *target = p;
      if (p->kind == ST_AST_ASSIGN_PATTERN) {
        StAssignPattern *ap = (StAssignPattern *)p;
        StLabel have;
        st_emit_label_init(&have);
        st_emit_jump(E, &have, ST_OP_JNOTUNDEF, (int32_t)reg);
        c->fn->param_tdz_reg = reg;
        st_cc_expr(c, ap->def, (int32_t)reg);
        c->fn->param_tdz_reg = 0;
        st_emit_bind(E, &have);
        st_emit_label_free(&have);
        target = ap->target;
      }
      if (target->kind == ST_AST_BINDING) {
        StBinding *b = st_ast_ident_binding((StIdent *)target);
        if (b && b->reg == reg && b->param_in_ctx && p->kind == ST_AST_ASSIGN_PATTERN)
          st_emit_op(E, ST_OP_SETCTX, (int32_t)reg, 0, (int32_t)b->slot);
        else if (b && b->reg != reg)
          st_cc_store_var(c, b, b->name, target, reg, true);
      } else {
        st_cc_assign_pattern(c, target, reg, true);
      }
    }
    if (f->rest) {
      uint32_t t = st_cc_temp(c);
      st_emit_op(E, ST_OP_REST, (int32_t)t, (int32_t)f->params.count);
      st_cc_assign_pattern(c, f->rest, t, true);
      st_cc_release(c, t);
    }
    /* A named function expression's own name. */
    if (f->name && f->h.kind == ST_AST_FUNCTION_EXPR) {
      StBinding *b = st_ast_ident_binding((StIdent *)f->name);
      if (b && b->kind == ST_BIND_CALLEE) {
        uint32_t t = st_cc_temp(c);
        st_emit_op(E, ST_OP_THISFUNC, (int32_t)t);
        st_cc_store_var(c, b, b->name, f->name, t, true);
        st_cc_release(c, t);
      }
    }
  }
}

/* Functions with parameter expressions: enter the body's own var scope; a body var named like
 * a parameter starts with the parameter's value. */
static void body_scope(Cc *c, StScope *s) {
  if (!st_scope_body(s)) return;
  st_cc_push_scope(c, st_scope_body(s));
  for (StBinding *b = st_scope_body(s)->bindings; b; b = b->next) {
    if (b->kind != ST_BIND_VAR) continue;
    StBinding *param = NULL;
    for (StBinding *q = s->bindings; q; q = q->next)
      if (q->name == b->name && q->kind == ST_BIND_PARAM) param = q;
    if (!param) continue;
    uint32_t mark = st_cc_mark(c);
    uint32_t r = st_cc_load_var(c, param, param->name, b->decl, ST_ANY, false);
    st_cc_store_var(c, b, b->name, b->decl, r, true);
    st_cc_release(c, mark);
  }
}

static bool finish_proto(Cc *c, CFunc *fs, StProto *p, StAstFunction *f) {
  if (!st_emit_finish(&fs->e, p)) {
    st_cc_error(c, f ? &f->h : NULL, "%s", fs->e.error);
    return false;
  }
  return true;
}

/* Compiles one function (or the script when f is NULL) into a new proto. */
static StProto *compile_function(Cc *c, StAstFunction *f, StScope *scope, StNodeList *body,
                                 const StNode *pos) {
  CFunc fs;
  memset(&fs, 0, sizeof fs);
  /* Eval code's top level: one more register, after the locals, for the completion value. */
  bool eval_top = !f && c->eval && !c->fn;
  st_emit_init(&fs.e, c->vm, 1 + scope->nparams + scope->nlocals + (eval_top ? 1 : 0));
  st_emit_use_pool(&fs.e, &c->emit_pool);
  if (eval_top) fs.completion_reg = 1 + scope->nparams + scope->nlocals;
  fs.outer = c->fn;
  fs.e.outer = c->fn ? &c->fn->e : NULL;
  fs.scope = scope;
  fs.fn = f;
  fs.strict = scope->strict || (f && (f->flags & ST_AST_FN_STRICT));
  fs.derived_ctor = f && f->method_kind == ST_AST_METHOD_DERIVED_CONSTRUCTOR;
  StProto *p = st_function_new_proto(c->vm);
  if (!p) {
    st_emit_free(&fs.e);
    c->failed = true;
    return NULL;
  }
  fs.proto = p;
  c->fn = &fs;
  p->flags = proto_flags(f, scope);
  p->nparams = (uint16_t)scope->nparams;
  p->length = f ? f->length : 0;
  p->source = c->source;
  StPos at = pos ? st_ast_pos(c->lines, pos) : (StPos){1, 1, 0};
  p->line = at.line;
  p->col = at.col;
  p->src_start = f ? f->src_start : 0;
  p->src_end = f ? f->src_end : (uint32_t)c->source->len;
  p->this_props = f ? f->this_props : 0;
  p->ctx_slots = scope->has_context ? scope->ctx_slots : 0;
  const StName *inferred = c->infer_name;
  c->infer_name = NULL; /* consumed here, not by nested functions */
  if (f && f->name)
    p->name = st_get_string(st_cc_name_value(c, st_ast_ident_name((StIdent *)f->name)));
  else if (f && inferred) p->name = st_get_string(st_cc_name_value(c, inferred));
  else p->name = c->vm->atoms.empty;
  st_emit_position(&fs.e, p->line, p->col);
  if (!f) {
    /* Global declarations exist before any code runs. */
    for (StBinding *b = scope->bindings; b; b = b->next)
      if (b->loc == ST_LOC_GLOBAL && b->kind == ST_BIND_VAR)
        st_emit_op(&fs.e, ST_OP_DECLVAR, (int32_t)st_cc_const(c, st_cc_name_value(c, b->name)));
  }
  prologue(c, f, scope);
  body_scope(c, scope);
  st_cc_hoist_functions(c, body);
  if (!f && c->release_prog && body == &c->release_prog->body) script_stmts(c, c->release_prog);
  else stmt_list(c, body);
  if (st_scope_body(scope)) st_cc_pop_scope(c, st_scope_body(scope));
  if (fs.derived_ctor) {
    st_cc_sync_this(c);
    st_emit_op(&fs.e, ST_OP_CHECKTHIS, 0);
    st_emit_op(&fs.e, ST_OP_RET, 0);
  } else if (fs.completion_reg) {
    st_emit_op(&fs.e, ST_OP_RET, (int32_t)fs.completion_reg);
  } else {
    st_emit_op(&fs.e, ST_OP_RETUNDEF);
  }
  bool ok = !c->failed && finish_proto(c, &fs, p, f);
  st_emit_free(&fs.e);
  st_vec_free(&fs.targets);
  st_vec_free(&fs.regions);
  c->fn = fs.outer;
  return ok ? p : NULL;
}

StProto *st_cc_function(Cc *c, StAstFunction *f, StScope *scope) {
  return compile_function(c, f, scope, &f->body, &f->h);
}

/* ------------------------------------------------------------------------------------------ */
/* Entry points                                                                               */

StProto *st_cc_program(StVM *vm, StProgram *prog, const StCompileOptions *opt, const char *src,
                       size_t len, bool eval, StDiagList *diags) {
  Cc c;
  memset(&c, 0, sizeof c);
  c.vm = vm;
  c.diags = diags;
  c.opt = opt;
  c.names = prog->names;
  c.lines = prog->lines;
  c.eval = eval;
  c.release_prog = eval ? NULL : prog;
  c.source = new_source(vm, opt, src, len);
  if (!c.source) return NULL;
  st_gc_add_root_tracer(vm->heap, trace_compiler, &c);
  StProto *result = compile_function(&c, NULL, prog->scope, &prog->body, &prog->h);
  st_gc_remove_root_tracer(vm->heap, trace_compiler, &c);
  st_emit_pool_free(&c.emit_pool);
  ST_ASSERT(c.failed || c.next_deferred == c.deferred.len, "a hoisted function was not compiled");
  st_vec_free(&c.deferred);
  return result;
}

/* GlobalDeclarationInstantiation: a script's let/const/class may not shadow a non-configurable
 * property of the global object (undefined, NaN, Infinity ...): a SyntaxError before any of
 * the script runs. (Scripts are compiled right before they run, so the check sees the global
 * object as it is then.) */
static bool check_restricted_globals(StVM *vm, StProgram *prog, StDiagList *diags) {
  for (StBinding *b = prog->scope->bindings; b; b = b->next) {
    if (!b->lexical || !b->name) continue;
    StString *s = st_string_intern_cstr(vm, b->name->str);
    if (!s) return false;
    StPropInfo info;
    if (st_object_find_own(vm, vm->global, st_string_value(s), &info) &&
        !(info.attrs & ST_ATTR_CONFIGURABLE)) {
      StPos at = b->decl ? st_ast_pos(prog->lines, b->decl) : (StPos){0, 0, 0};
      st_diag_add(diags, ST_DIAG_SYNTAX_ERROR, at.line, at.col, at.offset,
                  "Identifier '%s' has already been declared", b->name->str);
      return false;
    }
  }
  return true;
}

static StProto *compile_source(StVM *vm, const char *src, size_t len, const StCompileOptions *opt,
                               StDiagList *diags, bool want_function) {
  StArena arena;
  st_arena_init(&arena);
  StParseOptions popt = {.filename = opt->filename, .strict = opt->strict,
                         .allow_natives_syntax = opt->allow_natives_syntax};
  StNode *root = st_parser_parse_program(&arena, src, len, &popt, diags);
  StProto *result = NULL;
  if (!root || diags->errors) goto done;
  StProgram *prog = (StProgram *)root;
  if (!st_scope_analyze(&arena, prog, diags)) goto done;
  if (!want_function && !check_restricted_globals(vm, prog, diags)) goto done;
  if (!want_function) {
    result = st_cc_program(vm, prog, opt, src, len, false, diags);
    goto done;
  }
  Cc c;
  memset(&c, 0, sizeof c);
  c.vm = vm;
  c.diags = diags;
  c.opt = opt;
  c.names = prog->names;
  c.lines = prog->lines;
  c.source = new_source(vm, opt, src, len);
  if (!c.source) goto done;
  st_gc_add_root_tracer(vm->heap, trace_compiler, &c);
  StNode *only = prog->body.count == 1 ? prog->body.items[0] : NULL;
  StNode *e = only && only->kind == ST_AST_EXPR_STMT ? ((StExprStmt *)only)->expr : NULL;
  if (!e || e->kind != ST_AST_FUNCTION_EXPR) {
    st_diag_add(diags, ST_DIAG_SYNTAX_ERROR, 1, 1, 0, "expected a single function expression");
  } else {
    /* Compile the function as the script's only closure, with the script scope around it. */
    CFunc outer;
    memset(&outer, 0, sizeof outer);
    st_emit_init(&outer.e, vm, 1);
    outer.scope = prog->scope;
    outer.cur_scope = prog->scope;
    c.fn = &outer;
    result = st_cc_function(&c, (StAstFunction *)e, ((StAstFunction *)e)->scope);
    c.fn = NULL;
    st_emit_free(&outer.e);
  }
  st_gc_remove_root_tracer(vm->heap, trace_compiler, &c);
  st_emit_pool_free(&c.emit_pool);
done:
  st_arena_free(&arena);
  return result;
}

StProto *st_compiler_compile_script(StVM *vm, const char *src, size_t len,
                                    const StCompileOptions *opt, StDiagList *diags) {
  return compile_source(vm, src, len, opt, diags, false);
}

StProto *st_compiler_compile_function(StVM *vm, const char *src, size_t len,
                                      const char *filename, StDiagList *diags) {
  StCompileOptions opt = {.filename = filename};
  return compile_source(vm, src, len, &opt, diags, true);
}

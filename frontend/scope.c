/* frontend/scope.c: scope analysis (see scope.h) in three passes over the AST:
 *
 *   1. declare:  build the scopes, attach them to their nodes, declare every binding (vars and
 *                function declarations hoisted to their function, lexical ones to their block);
 *   2. resolve:  point each identifier at its binding, mark captures across functions, create
 *                the implicit `arguments`, `this` and new.target bindings arrows need;
 *   3. allocate: give each binding a register or a context slot.
 */
#include "frontend/scope.h"

#include <string.h>

typedef struct Sa {
  StArena *arena;
  StNameTable *names;
  StDiagList *diags;
  StScope *cur;
  /* Sloppy direct eval: its top scope, and the caller's variable scope (rebuilt), which
   * receives the eval's var and function declarations it already has a binding for. */
  StScope *eval_top;
  StScope *eval_var_scope;
  bool eval_in_params;
  /* No direct eval anywhere: a block that declares nothing gets no scope (NULL), as nothing
   * can tell it apart from its parent (no bindings, no context). With direct eval it keeps
   * one, since eval scope descriptors (compiler_eval.c) list every scope. */
  bool lean_blocks;
  StLineTable *lines;
} Sa;

/* "Identifier 'name' has already been declared" at decl (NULL: no position). */
static void redeclared(Sa *sa, const StNode *decl, const char *name) {
  StPos pos = decl ? st_ast_pos(sa->lines, decl) : (StPos){0, 0, 0};
  st_diag_add(sa->diags, ST_DIAG_SYNTAX_ERROR, pos.line, pos.col, pos.offset,
              "Identifier '%s' has already been declared", name);
}

/* ------------------------------------------------------------------------------------------ */
/* Scopes and bindings                                                                        */

static StScope *new_scope(Sa *sa, StScopeKind kind, StNode *node) {
  StScope *s = ST_ARENA_NEW(sa->arena, StScope);
  s->kind = (uint8_t)kind;
  s->parent = sa->cur;
  s->node = node;
  s->fn = (kind == ST_SCOPE_FUNCTION || kind == ST_SCOPE_SCRIPT || !sa->cur) ? s : sa->cur->fn;
  s->strict = sa->cur ? sa->cur->strict : false;
  return s;
}

/* The scope a `var` declared in s belongs to. */
static StScope *var_target(StScope *s) {
  while (s->kind != ST_SCOPE_FUNCTION && s->kind != ST_SCOPE_SCRIPT && !s->var_scope) s = s->parent;
  return s;
}

enum { INDEX_FROM = 12 }; /* bindings in a scope before it gets an index by name */

StScopeRare *st_scope_rare(StArena *arena, StScope *s) {
  if (!s->rare) s->rare = ST_ARENA_NEW(arena, StScopeRare);
  return s->rare;
}

static StBinding *find_in(StScope *s, const StName *name) {
  if (s->rare && s->rare->index_mask && name) {
    const StScopeRare *r = s->rare;
    for (uint32_t i = name->hash & r->index_mask;; i = (i + 1) & r->index_mask) {
      StBinding *b = r->index[i];
      if (!b || b->name == name) return b;
    }
  }
  for (StBinding *b = s->bindings; b; b = b->next)
    if (b->name == name) return b;
  return NULL;
}

static void index_insert(StScopeRare *r, StBinding *b) {
  uint32_t i = b->name->hash & r->index_mask;
  while (r->index[i])
    i = (i + 1) & r->index_mask;
  r->index[i] = b;
}

/* Appends b to s's bindings (declaration order) and to its index. Names are unique within a
 * scope (declare() reuses an existing binding), so the index never holds two of one name. */
static void link_binding(Sa *sa, StScope *s, StBinding *b) {
  if (s->last) s->last->next = b;
  else s->bindings = b;
  s->last = b;
  s->nbindings++;
  if (s->nbindings < INDEX_FROM) return;
  StScopeRare *r = st_scope_rare(sa->arena, s);
  if (s->nbindings * 2 > r->index_mask) {
    uint32_t cap = r->index_mask ? (r->index_mask + 1) * 2 : 64;
    r->index = st_arena_alloc(sa->arena, cap * sizeof(StBinding *));
    memset(r->index, 0, cap * sizeof(StBinding *));
    r->index_mask = cap - 1;
    for (StBinding *o = s->bindings; o; o = o->next)
      if (o->name) index_insert(r, o);
  } else if (b->name) {
    index_insert(r, b);
  }
}

static StBinding *declare_eval_var(Sa *sa, const StName *name, StNode *decl);

static StBinding *declare(Sa *sa, StScope *s, const StName *name, StBindingKind kind,
                          StNode *decl, uint32_t decl_end) {
  if (s == sa->eval_top && (kind == ST_BIND_VAR || kind == ST_BIND_FUNCTION)) {
    StBinding *ob = declare_eval_var(sa, name, decl);
    if (ob) return ob;
  }
  StBinding *b = find_in(s, name);
  if (b) {
    /* var/function redeclarations share one binding; a function declaration replaces a var;
     * lexical conflicts are early errors the parser reports. */
    if (kind == ST_BIND_FUNCTION && b->kind == ST_BIND_VAR) b->kind = ST_BIND_FUNCTION;
    return b;
  }
  b = ST_ARENA_NEW(sa->arena, StBinding);
  b->name = name;
  b->kind = (uint8_t)kind;
  b->scope = s;
  b->decl = decl;
  b->decl_end = decl_end;
  b->lexical = kind == ST_BIND_LET || kind == ST_BIND_CONST || kind == ST_BIND_CLASS ||
               kind == ST_BIND_CLASS_INNER;
  link_binding(sa, s, b);
  return b;
}

/* A var or function declaration of sloppy eval code: an early error when a lexical binding of
 * the same name lies between the call and the caller's variable scope; the caller's binding
 * when its variable scope has one (NULL: declare it in the eval's own scope). */
static StBinding *declare_eval_var(Sa *sa, const StName *name, StNode *decl) {
  StScope *var_scope = sa->eval_var_scope;
  if (sa->eval_in_params && name == sa->names->atom[ST_AST_ATOM_ARGUMENTS]) {
    redeclared(sa, decl, "arguments");
    return NULL;
  }
  for (StScope *q = sa->eval_top->parent; q; q = q->parent) {
    StBinding *b = find_in(q, name);
    if (b && b->lexical) {
      redeclared(sa, decl, name->str);
      return NULL;
    }
    if (q == var_scope) break;
  }
  if (var_scope->kind == ST_SCOPE_SCRIPT) return NULL; /* a global: declared as usual */
  StBinding *ob = find_in(var_scope, name);
  return ob && !ob->lexical && ob->loc == ST_LOC_CONTEXT ? ob : NULL;
}

StBinding *st_scope_lookup(StScope *s, const StName *name) {
  for (; s; s = s->parent) {
    StBinding *b = find_in(s, name);
    if (b) return b;
  }
  return NULL;
}

bool st_scope_needs_tdz_check(const StBinding *b, const StScope *from_fn, uint32_t at) {
  if (!b->lexical && b->kind != ST_BIND_THIS) return false;
  if (b->kind == ST_BIND_THIS) return true; /* derived constructors' `this` before super() */
  if (b->scope->fn != from_fn) return true;  /* a closure may run at any time */
  if (b->scope->kind == ST_SCOPE_SWITCH) return true;
  return at < b->decl_end;
}

/* ------------------------------------------------------------------------------------------ */
/* Pass 1: declare                                                                            */

static void declare_node(Sa *sa, StNode *n, uint32_t next_offset);

/* Every BINDING inside a binding pattern. */
static void declare_pattern(Sa *sa, StScope *s, StNode *p, StBindingKind kind, uint32_t end) {
  if (!p) return;
  switch ((StNodeKind)p->kind) {
  case ST_AST_BINDING: {
    StIdent *id = (StIdent *)p;
    st_ast_ident_bind(id, declare(sa, s, st_ast_ident_name(id), kind, p, end));
    break;
  }
  case ST_AST_ASSIGN_PATTERN: declare_pattern(sa, s, ((StAssignPattern *)p)->target, kind, end); break;
  case ST_AST_OBJECT_PATTERN: {
    StObjectPattern *op = (StObjectPattern *)p;
    for (uint32_t i = 0; i < op->props.count; i++)
      declare_pattern(sa, s, ((StProperty *)op->props.items[i])->value, kind, end);
    declare_pattern(sa, s, op->rest, kind, end);
    break;
  }
  case ST_AST_ARRAY_PATTERN: {
    StArrayPattern *ap = (StArrayPattern *)p;
    for (uint32_t i = 0; i < ap->elems.count; i++) declare_pattern(sa, s, ap->elems.items[i], kind, end);
    declare_pattern(sa, s, ap->rest, kind, end);
    break;
  }
  default: break;
  }
}

/* Whether a block's statement list declares anything in the block's own scope (what
 * declare_list puts there: let, const, class and function declarations). */
static bool declares_in_block(const StNodeList *list) {
  for (uint32_t i = 0; i < list->count; i++) {
    const StNode *st = list->items[i];
    if ((st->kind == ST_AST_VAR_DECL && ((const StVarDecl *)st)->kind != ST_AST_VAR) ||
        st->kind == ST_AST_CLASS_DECL || st->kind == ST_AST_FUNCTION_DECL)
      return true;
  }
  return false;
}

/* Declarations in a statement list: lexical ones and function declarations belong to scope s
 * (hoisted: visible from the start of the list). */
static void declare_list(Sa *sa, StScope *s, StNodeList *list, bool function_top) {
  for (uint32_t i = 0; i < list->count; i++) {
    StNode *st = list->items[i];
    uint32_t next = i + 1 < list->count ? list->items[i + 1]->offset : UINT32_MAX;
    if (st->kind == ST_AST_VAR_DECL && ((StVarDecl *)st)->kind != ST_AST_VAR) {
      StVarDecl *vd = (StVarDecl *)st;
      for (uint32_t k = 0; k < vd->decls.count; k++)
        declare_pattern(sa, s, ((StDeclarator *)vd->decls.items[k])->target,
                        vd->kind == ST_AST_LET ? ST_BIND_LET : ST_BIND_CONST, next);
    } else if (st->kind == ST_AST_CLASS_DECL) {
      StClass *c = (StClass *)st;
      if (c->name)
        st_ast_ident_bind((StIdent *)c->name, declare(sa, s, st_ast_ident_name((StIdent *)c->name),
                                                      ST_BIND_CLASS, c->name, next));
    } else if (st->kind == ST_AST_FUNCTION_DECL) {
      StAstFunction *f = (StAstFunction *)st;
      if (!f->name) continue;
      const StName *name = st_ast_ident_name((StIdent *)f->name);
      st_ast_ident_bind((StIdent *)f->name, declare(sa, s, name, ST_BIND_FUNCTION, f->name, 0));
      /* Annex B: a sloppy-mode function in a block is also a var of the function. */
      if (!function_top && !s->strict && !(f->flags & ST_AST_FN_ASYNC)) {
        StScope *fn = var_target(s);
        bool conflict = false;
        for (StScope *q = s->parent; q && q != fn->parent; q = q->parent) {
          StBinding *ob = find_in(q, name);
          if (ob && (ob->lexical || (q != fn && ob->kind == ST_BIND_FUNCTION))) conflict = true;
          if (q == fn) break;
        }
        StBinding *fb = find_in(fn, name);
        if (fb && fb->kind == ST_BIND_PARAM) conflict = true;
        if (!conflict) {
          declare(sa, fn, name, ST_BIND_VAR, f->name, 0);
          f->flags |= ST_AST_FN_ANNEX_B;
        }
      }
    }
  }
  for (uint32_t i = 0; i < list->count; i++)
    declare_node(sa, list->items[i], i + 1 < list->count ? list->items[i + 1]->offset : UINT32_MAX);
}

static void declare_child(StNode *child, void *ctx);

static void declare_function(Sa *sa, StAstFunction *f) {
  StScope *fs = new_scope(sa, ST_SCOPE_FUNCTION, &f->h);
  fs->function = f;
  fs->is_arrow = f->h.kind == ST_AST_ARROW;
  fs->strict = (f->flags & ST_AST_FN_STRICT) != 0;
  f->scope = fs;
  StScope *saved = sa->cur;
  sa->cur = fs;
  fs->nparams = f->params.count;
  for (uint32_t i = 0; i < f->params.count; i++) {
    StNode *p = f->params.items[i];
    StNode *target = p->kind == ST_AST_ASSIGN_PATTERN ? ((StAssignPattern *)p)->target : p;
    if (target->kind == ST_AST_BINDING) {
      StIdent *id = (StIdent *)target;
      StBinding *b = declare(sa, fs, st_ast_ident_name(id), ST_BIND_PARAM, target, 0);
      b->kind = ST_BIND_PARAM;
      b->reg = 1 + i; /* duplicates: the last occurrence wins */
      st_ast_ident_bind(id, b);
    } else {
      declare_pattern(sa, fs, target, ST_BIND_PARAM, 0);
    }
  }
  if (f->rest) declare_pattern(sa, fs, f->rest, ST_BIND_PARAM, 0);
  /* Defaults and computed keys of parameters may hold functions and classes. */
  for (uint32_t i = 0; i < f->params.count; i++) st_ast_visit_children(f->params.items[i], declare_child, sa);
  if (f->rest) st_ast_visit_children(f->rest, declare_child, sa);
  /* A named function expression sees its own name, unless a parameter or var shadows it. */
  if (f->name && f->h.kind == ST_AST_FUNCTION_EXPR) {
    StIdent *id = (StIdent *)f->name;
    if (!find_in(fs, st_ast_ident_name(id)))
      st_ast_ident_bind(id, declare(sa, fs, st_ast_ident_name(id), ST_BIND_CALLEE, f->name, 0));
  }
  StScope *body = fs;
  if (!(f->flags & ST_AST_FN_SIMPLE_PARAMS)) {
    body = new_scope(sa, ST_SCOPE_BLOCK, &f->h);
    body->var_scope = true;
    st_scope_rare(sa->arena, fs)->body = body;
    sa->cur = body;
  }
  declare_list(sa, body, &f->body, true);
  sa->cur = saved;
}

static void declare_class(Sa *sa, StClass *c) {
  StScope *cs = new_scope(sa, ST_SCOPE_CLASS, &c->h);
  cs->strict = true;
  c->scope = cs;
  StScope *saved = sa->cur;
  sa->cur = cs;
  if (c->name) {
    StBinding *inner =
        declare(sa, cs, st_ast_ident_name((StIdent *)c->name), ST_BIND_CLASS_INNER, c->name, 0);
    /* Initialized once the class is defined: until then (heritage, computed keys) TDZ. */
    inner->decl_end = UINT32_MAX;
  }
  if (c->heritage) declare_node(sa, c->heritage, 0);
  if (c->constructor) declare_function(sa, c->constructor);
  for (uint32_t i = 0; i < c->members.count; i++) {
    StClassMember *m = (StClassMember *)c->members.items[i];
    if (m->computed) declare_node(sa, m->key, 0);
    if (m->value) declare_function(sa, m->value);
  }
  sa->cur = saved;
}

static void declare_child(StNode *child, void *ctx) { declare_node(ctx, child, 0); }

static void declare_node(Sa *sa, StNode *n, uint32_t next_offset) {
  if (!n) return;
  switch ((StNodeKind)n->kind) {
  case ST_AST_FUNCTION_DECL:
  case ST_AST_FUNCTION_EXPR:
  case ST_AST_ARROW: declare_function(sa, (StAstFunction *)n); return;
  case ST_AST_CLASS_DECL:
  case ST_AST_CLASS_EXPR: declare_class(sa, (StClass *)n); return;
  case ST_AST_VAR_DECL: {
    StVarDecl *vd = (StVarDecl *)n;
    for (uint32_t k = 0; k < vd->decls.count; k++) {
      StDeclarator *d = (StDeclarator *)vd->decls.items[k];
      if (vd->kind == ST_AST_VAR) declare_pattern(sa, var_target(sa->cur), d->target, ST_BIND_VAR, 0);
      declare_node(sa, d->init, 0);
      /* Patterns' defaults and computed keys may hold functions. */
      st_ast_visit_children(d->target, declare_child, sa);
    }
    (void)next_offset;
    return;
  }
  case ST_AST_BLOCK: {
    StBlock *blk = (StBlock *)n;
    if (sa->lean_blocks && !declares_in_block(&blk->body)) {
      StNodeList *l = &blk->body; /* as declare_list does, with nothing to declare here */
      for (uint32_t i = 0; i < l->count; i++)
        declare_node(sa, l->items[i], i + 1 < l->count ? l->items[i + 1]->offset : UINT32_MAX);
      return;
    }
    StScope *s = new_scope(sa, ST_SCOPE_BLOCK, n);
    blk->scope = s;
    StScope *saved = sa->cur;
    sa->cur = s;
    declare_list(sa, s, &blk->body, false);
    sa->cur = saved;
    return;
  }
  case ST_AST_FOR: {
    StFor *f = (StFor *)n;
    StScope *s = new_scope(sa, ST_SCOPE_FOR, n);
    f->scope = s;
    StScope *saved = sa->cur;
    sa->cur = s;
    if (f->init && f->init->kind == ST_AST_VAR_DECL && ((StVarDecl *)f->init)->kind != ST_AST_VAR) {
      StVarDecl *vd = (StVarDecl *)f->init;
      uint32_t end = f->test ? f->test->offset : f->update ? f->update->offset : f->body->offset;
      for (uint32_t k = 0; k < vd->decls.count; k++)
        declare_pattern(sa, s, ((StDeclarator *)vd->decls.items[k])->target,
                        vd->kind == ST_AST_LET ? ST_BIND_LET : ST_BIND_CONST, end);
    }
    declare_node(sa, f->init, 0);
    declare_node(sa, f->test, 0);
    declare_node(sa, f->update, 0);
    declare_node(sa, f->body, 0);
    sa->cur = saved;
    return;
  }
  case ST_AST_FOR_IN:
  case ST_AST_FOR_OF: {
    StForIn *f = (StForIn *)n;
    StScope *s = new_scope(sa, ST_SCOPE_FOR, n);
    f->scope = s;
    StScope *saved = sa->cur;
    /* The right side is evaluated in a scope where the head's bindings are in TDZ. */
    sa->cur = s;
    if (f->left->kind == ST_AST_VAR_DECL && ((StVarDecl *)f->left)->kind != ST_AST_VAR) {
      StVarDecl *vd = (StVarDecl *)f->left;
      for (uint32_t k = 0; k < vd->decls.count; k++)
        declare_pattern(sa, s, ((StDeclarator *)vd->decls.items[k])->target,
                        vd->kind == ST_AST_LET ? ST_BIND_LET : ST_BIND_CONST, f->body->offset);
    }
    declare_node(sa, f->left, 0);
    declare_node(sa, f->right, 0);
    declare_node(sa, f->body, 0);
    sa->cur = saved;
    return;
  }
  case ST_AST_TRY: {
    StTry *t = (StTry *)n;
    declare_node(sa, &t->block->h, 0);
    if (t->handler) {
      StScope *s = new_scope(sa, ST_SCOPE_CATCH, &t->handler->h);
      t->handler->scope = s;
      StScope *saved = sa->cur;
      sa->cur = s;
      if (t->param) {
        declare_pattern(sa, s, t->param, ST_BIND_CATCH, 0);
        st_ast_visit_children(t->param, declare_child, sa);
      }
      declare_list(sa, s, &t->handler->body, false);
      sa->cur = saved;
    }
    if (t->finalizer) declare_node(sa, &t->finalizer->h, 0);
    return;
  }
  case ST_AST_SWITCH: {
    StSwitch *sw = (StSwitch *)n;
    declare_node(sa, sw->disc, 0);
    StScope *s = new_scope(sa, ST_SCOPE_SWITCH, n);
    sw->scope = s;
    StScope *saved = sa->cur;
    sa->cur = s;
    /* One scope for every case: lexical declarations of all cases, in order. */
    for (uint32_t i = 0; i < sw->cases.count; i++) {
      StCase *c = (StCase *)sw->cases.items[i];
      declare_node(sa, c->test, 0);
      declare_list(sa, s, &c->body, false);
    }
    sa->cur = saved;
    return;
  }
  default: st_ast_visit_children(n, declare_child, sa); return;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Pass 2: resolve                                                                            */

typedef struct Rs {
  Sa *sa;
  StScope *cur;
} Rs;

/* The non-arrow function (or the script) whose `this`, arguments and new.target apply. */
static StScope *this_scope(StScope *s) {
  StScope *fn = s->fn;
  while (fn->kind == ST_SCOPE_FUNCTION && fn->is_arrow) fn = fn->parent->fn;
  return fn;
}

StScope *st_scope_this_scope(StScope *s) { return this_scope(s); }

static void note_capture(StBinding *b, StScope *from) {
  if (b->scope->fn != from->fn) b->captured = true;
}

static StBinding *implicit(Sa *sa, StScope *fn, StBindingKind kind, StBinding **slot) {
  if (*slot) return *slot;
  StBinding *b = ST_ARENA_NEW(sa->arena, StBinding);
  b->kind = (uint8_t)kind;
  b->scope = fn;
  b->name = kind == ST_BIND_ARGUMENTS ? sa->names->atom[ST_AST_ATOM_ARGUMENTS] : NULL;
  link_binding(sa, fn, b);
  *slot = b;
  return b;
}

static StBinding *resolve_name(Rs *rs, const StName *name) {
  Sa *sa = rs->sa;
  for (StScope *s = rs->cur; s; s = s->parent) {
    StBinding *b = find_in(s, name);
    if (b) {
      if (b->loc == ST_LOC_GLOBAL) return NULL;
      note_capture(b, rs->cur);
      return b;
    }
    /* `arguments` in a non-arrow function that declares nothing by that name. (A scope
     * rebuilt for eval code has all its bindings already.) */
    if (s->kind == ST_SCOPE_FUNCTION && !s->is_arrow && !s->outer_eval &&
        name == sa->names->atom[ST_AST_ATOM_ARGUMENTS]) {
      StBinding *ab =
          implicit(sa, s, ST_BIND_ARGUMENTS, &st_scope_rare(sa->arena, s)->arguments_binding);
      s->uses_arguments = true;
      note_capture(ab, rs->cur);
      return ab;
    }
    if (s->kind == ST_SCOPE_SCRIPT && !s->parent) return NULL;
  }
  return NULL;
}

/* A direct eval call at rs->cur may name any binding it can see (see scope.h). */
static void force_eval_site(Rs *rs) {
  Sa *sa = rs->sa;
  StScope *ts = this_scope(rs->cur);
  if (!ts->outer_eval) {
    implicit(sa, ts, ST_BIND_THIS, &st_scope_rare(sa->arena, ts)->this_binding)->captured = true;
    if (ts->kind == ST_SCOPE_FUNCTION)
      implicit(sa, ts, ST_BIND_NEW_TARGET, &st_scope_rare(sa->arena, ts)->new_target_binding)
          ->captured = true;
  }
  if (ts->kind == ST_SCOPE_FUNCTION) resolve_name(rs, sa->names->atom[ST_AST_ATOM_ARGUMENTS]);
  for (StScope *s = rs->cur; s; s = s->parent) {
    if (s->outer_eval) continue;
    for (StBinding *b = s->bindings; b; b = b->next) {
      if (b->loc == ST_LOC_GLOBAL) continue;
      b->captured = true;
      b->assigned = true;
    }
  }
}

static void resolve_node(Rs *rs, StNode *n);
static void resolve_child(StNode *child, void *ctx) { resolve_node(ctx, child); }

static void mark_assigned_target(StNode *t) {
  if (t && (t->kind == ST_AST_IDENT || t->kind == ST_AST_BINDING) &&
      st_ast_ident_binding((StIdent *)t))
    st_ast_ident_binding((StIdent *)t)->assigned = true;
}

static void resolve_node(Rs *rs, StNode *n) {
  if (!n) return;
  switch ((StNodeKind)n->kind) {
  case ST_AST_IDENT: {
    StIdent *id = (StIdent *)n;
    st_ast_ident_bind(id, resolve_name(rs, st_ast_ident_name(id)));
    return;
  }
  case ST_AST_BINDING: {
    StIdent *id = (StIdent *)n;
    if (!st_ast_ident_binding(id))
      st_ast_ident_bind(id, resolve_name(rs, st_ast_ident_name(id)));
    else
      note_capture(st_ast_ident_binding(id), rs->cur);
    return;
  }
  case ST_AST_THIS:
  case ST_AST_SUPER_MEMBER:
  case ST_AST_SUPER_INDEX: {
    /* super.x reads `this` too (the receiver). */
    StScope *ts = this_scope(rs->cur);
    if (ts != rs->cur->fn) {
      StBinding *b =
          implicit(rs->sa, ts, ST_BIND_THIS, &st_scope_rare(rs->sa->arena, ts)->this_binding);
      b->captured = true;
    }
    if (n->kind != ST_AST_THIS) st_ast_visit_children(n, resolve_child, rs);
    return;
  }
  case ST_AST_NEW_TARGET: {
    StScope *ts = this_scope(rs->cur);
    if (ts != rs->cur->fn) {
      StBinding *b = implicit(rs->sa, ts, ST_BIND_NEW_TARGET,
                              &st_scope_rare(rs->sa->arena, ts)->new_target_binding);
      b->captured = true;
    }
    return;
  }
  case ST_AST_SUPER_CALL: {
    /* super() in an arrow writes the enclosing constructor's `this`. */
    StScope *ts = this_scope(rs->cur);
    if (ts != rs->cur->fn) {
      implicit(rs->sa, ts, ST_BIND_THIS, &st_scope_rare(rs->sa->arena, ts)->this_binding)
          ->captured = true;
      implicit(rs->sa, ts, ST_BIND_NEW_TARGET,
               &st_scope_rare(rs->sa->arena, ts)->new_target_binding)
          ->captured = true;
      implicit(rs->sa, ts, ST_BIND_ACTIVE_FUNCTION,
               &st_scope_rare(rs->sa->arena, ts)->function_binding)
          ->captured = true;
    }
    st_ast_visit_children(n, resolve_child, rs);
    return;
  }
  case ST_AST_FUNCTION_DECL:
  case ST_AST_FUNCTION_EXPR:
  case ST_AST_ARROW: {
    StAstFunction *f = (StAstFunction *)n;
    if (f->name && n->kind == ST_AST_FUNCTION_DECL) resolve_node(rs, f->name);
    StScope *saved = rs->cur;
    rs->cur = f->scope;
    for (uint32_t i = 0; i < f->params.count; i++) resolve_node(rs, f->params.items[i]);
    resolve_node(rs, f->rest);
    if (f->name && n->kind == ST_AST_FUNCTION_EXPR) resolve_node(rs, f->name);
    if (st_scope_body(f->scope)) rs->cur = st_scope_body(f->scope);
    for (uint32_t i = 0; i < f->body.count; i++) resolve_node(rs, f->body.items[i]);
    rs->cur = saved;
    return;
  }
  case ST_AST_CLASS_DECL:
  case ST_AST_CLASS_EXPR: {
    StClass *c = (StClass *)n;
    StScope *saved = rs->cur;
    rs->cur = c->scope;
    resolve_node(rs, c->heritage);
    if (c->constructor) resolve_node(rs, &c->constructor->h);
    for (uint32_t i = 0; i < c->members.count; i++) {
      StClassMember *m = (StClassMember *)c->members.items[i];
      if (m->computed) resolve_node(rs, m->key);
      if (m->value) resolve_node(rs, &m->value->h);
    }
    rs->cur = saved;
    return;
  }
  case ST_AST_BLOCK: {
    StBlock *blk = (StBlock *)n;
    StScope *saved = rs->cur;
    rs->cur = blk->scope ? blk->scope : rs->cur;
    for (uint32_t i = 0; i < blk->body.count; i++) resolve_node(rs, blk->body.items[i]);
    rs->cur = saved;
    return;
  }
  case ST_AST_FOR: {
    StFor *f = (StFor *)n;
    StScope *saved = rs->cur;
    rs->cur = f->scope;
    resolve_node(rs, f->init);
    resolve_node(rs, f->test);
    resolve_node(rs, f->update);
    resolve_node(rs, f->body);
    rs->cur = saved;
    return;
  }
  case ST_AST_FOR_IN:
  case ST_AST_FOR_OF: {
    StForIn *f = (StForIn *)n;
    StScope *saved = rs->cur;
    rs->cur = f->scope;
    resolve_node(rs, f->left);
    resolve_node(rs, f->right);
    resolve_node(rs, f->body);
    rs->cur = saved;
    if (f->left->kind != ST_AST_VAR_DECL) mark_assigned_target(f->left);
    return;
  }
  case ST_AST_TRY: {
    StTry *t = (StTry *)n;
    resolve_node(rs, &t->block->h);
    if (t->handler) {
      StScope *saved = rs->cur;
      rs->cur = t->handler->scope;
      resolve_node(rs, t->param);
      for (uint32_t i = 0; i < t->handler->body.count; i++) resolve_node(rs, t->handler->body.items[i]);
      rs->cur = saved;
    }
    if (t->finalizer) resolve_node(rs, &t->finalizer->h);
    return;
  }
  case ST_AST_SWITCH: {
    StSwitch *sw = (StSwitch *)n;
    resolve_node(rs, sw->disc);
    StScope *saved = rs->cur;
    rs->cur = sw->scope;
    for (uint32_t i = 0; i < sw->cases.count; i++) resolve_node(rs, sw->cases.items[i]);
    rs->cur = saved;
    return;
  }
  case ST_AST_ASSIGN:
  case ST_AST_COMPOUND_ASSIGN:
  case ST_AST_LOGICAL_ASSIGN: {
    StAssign *a = (StAssign *)n;
    resolve_node(rs, a->target);
    resolve_node(rs, a->value);
    mark_assigned_target(a->target);
    return;
  }
  case ST_AST_UPDATE: {
    StUpdate *u = (StUpdate *)n;
    resolve_node(rs, u->arg);
    mark_assigned_target(u->arg);
    return;
  }
  case ST_AST_CALL:
    if (((StCall *)n)->direct_eval) force_eval_site(rs);
    st_ast_visit_children(n, resolve_child, rs);
    return;
  case ST_AST_PROPERTY_NAME: return; /* keys are not references */
  case ST_AST_MEMBER: resolve_node(rs, ((StMember *)n)->object); return;
  case ST_AST_PROPERTY:
  case ST_AST_PATTERN_PROPERTY: {
    StProperty *p = (StProperty *)n;
    if (p->computed || (p->key->kind != ST_AST_PROPERTY_NAME)) resolve_node(rs, p->key);
    resolve_node(rs, p->value);
    return;
  }
  default: st_ast_visit_children(n, resolve_child, rs); return;
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Pass 3: allocate                                                                           */

static void alloc_in_scope(StScope *s, StScope *fn, bool is_fn_scope) {
  for (StBinding *b = s->bindings; b; b = b->next) {
    if (b->loc == ST_LOC_GLOBAL) continue;
    if (b->kind == ST_BIND_PARAM && is_fn_scope && b->reg) {
      /* A simple parameter: its register is fixed by the calling convention. */
      if (b->captured || fn->mapped_arguments) {
        b->loc = ST_LOC_CONTEXT;
        b->param_in_ctx = true;
        if (!fn->mapped_arguments) b->slot = s->ctx_slots++;
        s->has_context = true;
      }
      continue;
    }
    if (b->captured || b->kind == ST_BIND_HIDDEN) {
      b->loc = ST_LOC_CONTEXT;
      b->slot = s->ctx_slots++;
      s->has_context = true;
    } else {
      b->loc = ST_LOC_REGISTER;
      b->reg = 1 + fn->nparams + fn->nlocals++;
    }
  }
}

/* Allocates every scope of function (or script) fs, and recurses into nested functions. */
static void alloc_function(StScope *fs) {
  StAstFunction *f = fs->function;
  if (f && fs->uses_arguments && !(f->flags & ST_AST_FN_STRICT) &&
      (f->flags & ST_AST_FN_SIMPLE_PARAMS) && st_scope_arguments_binding(fs)) {
    /* Mapped arguments: parameters are slots 0..n-1 of the function context, in order. */
    fs->mapped_arguments = true;
    fs->has_context = true;
    fs->ctx_slots = fs->nparams;
    for (StBinding *b = fs->bindings; b; b = b->next)
      if (b->kind == ST_BIND_PARAM && b->reg) b->slot = b->reg - 1;
  }
  alloc_in_scope(fs, fs, true);
}

static void alloc_node(StScope *fn, StNode *n);

static void alloc_child(StNode *child, void *ctx) { alloc_node(ctx, child); }

static void alloc_node(StScope *fn, StNode *n) {
  if (!n) return;
  StScope *s = NULL;
  switch ((StNodeKind)n->kind) {
  case ST_AST_FUNCTION_DECL:
  case ST_AST_FUNCTION_EXPR:
  case ST_AST_ARROW: {
    StAstFunction *f = (StAstFunction *)n;
    alloc_function(f->scope);
    for (uint32_t i = 0; i < f->params.count; i++) alloc_node(f->scope, f->params.items[i]);
    alloc_node(f->scope, f->rest);
    if (st_scope_body(f->scope)) alloc_in_scope(st_scope_body(f->scope), f->scope, false);
    for (uint32_t i = 0; i < f->body.count; i++) alloc_node(f->scope, f->body.items[i]);
    return;
  }
  case ST_AST_CLASS_DECL:
  case ST_AST_CLASS_EXPR: s = ((StClass *)n)->scope; break;
  case ST_AST_BLOCK: s = ((StBlock *)n)->scope; break;
  case ST_AST_FOR: s = ((StFor *)n)->scope; break;
  case ST_AST_FOR_IN:
  case ST_AST_FOR_OF: s = ((StForIn *)n)->scope; break;
  case ST_AST_SWITCH: s = ((StSwitch *)n)->scope; break;
  default: break;
  }
  if (s) alloc_in_scope(s, fn, false);
  if (n->kind == ST_AST_TRY) {
    StTry *t = (StTry *)n;
    alloc_node(fn, &t->block->h);
    if (t->handler) {
      alloc_in_scope(t->handler->scope, fn, false);
      alloc_node(fn, t->param);
      for (uint32_t i = 0; i < t->handler->body.count; i++) alloc_node(fn, t->handler->body.items[i]);
    }
    if (t->finalizer) alloc_node(fn, &t->finalizer->h);
    return;
  }
  st_ast_visit_children(n, alloc_child, fn);
}

/* ------------------------------------------------------------------------------------------ */

bool st_scope_analyze(StArena *arena, StProgram *program, StDiagList *diags) {
  Sa sa = {arena,
           program->names,
           diags,
           NULL,
           NULL,
           NULL,
           false,
           !(program->flags & (ST_AST_FN_HAS_DIRECT_EVAL | ST_AST_FN_CONTAINS_DIRECT_EVAL)),
           program->lines};
  StScope *script = new_scope(&sa, ST_SCOPE_SCRIPT, &program->h);
  script->strict = (program->flags & ST_AST_FN_STRICT) != 0;
  program->scope = script;
  sa.cur = script;
  /* Script-level var and function declarations are properties of the global object. */
  declare_list(&sa, script, &program->body, true);
  for (StBinding *b = script->bindings; b; b = b->next)
    if (b->kind == ST_BIND_VAR || b->kind == ST_BIND_FUNCTION) b->loc = ST_LOC_GLOBAL;
  /* vars hoisted from nested blocks of the script were declared in it by declare_node: */
  Rs rs = {&sa, script};
  for (uint32_t i = 0; i < program->body.count; i++) resolve_node(&rs, program->body.items[i]);
  for (StBinding *b = script->bindings; b; b = b->next)
    if (b->kind == ST_BIND_VAR || b->kind == ST_BIND_FUNCTION) b->loc = ST_LOC_GLOBAL;
  alloc_in_scope(script, script, true);
  for (uint32_t i = 0; i < program->body.count; i++) alloc_node(script, program->body.items[i]);
  return diags->errors == 0;
}

bool st_scope_analyze_eval(StArena *arena, StProgram *program, StScope *outer, bool script_kind,
                           bool global_vars, bool in_params, StDiagList *diags) {
  Sa sa = {arena, program->names, diags, outer, NULL, NULL, in_params, false, program->lines};
  StScope *top = new_scope(&sa, script_kind ? ST_SCOPE_SCRIPT : ST_SCOPE_FUNCTION, &program->h);
  top->strict = (program->flags & ST_AST_FN_STRICT) != 0;
  top->is_arrow = !script_kind; /* `this`, arguments, new.target: the caller's */
  program->scope = top;
  if (outer && !top->strict) {
    StScope *vs = outer;
    while (vs->kind != ST_SCOPE_FUNCTION && vs->kind != ST_SCOPE_SCRIPT && !vs->var_scope) vs = vs->parent;
    sa.eval_top = top;
    sa.eval_var_scope = vs;
  }
  sa.cur = top;
  declare_list(&sa, top, &program->body, true);
  if (diags->errors) return false;
  if (global_vars) {
    for (StBinding *b = top->bindings; b; b = b->next)
      if (b->kind == ST_BIND_VAR || b->kind == ST_BIND_FUNCTION) b->loc = ST_LOC_GLOBAL;
  }
  Rs rs = {&sa, top};
  for (uint32_t i = 0; i < program->body.count; i++) resolve_node(&rs, program->body.items[i]);
  if (global_vars) {
    for (StBinding *b = top->bindings; b; b = b->next)
      if (b->kind == ST_BIND_VAR || b->kind == ST_BIND_FUNCTION) b->loc = ST_LOC_GLOBAL;
  }
  alloc_in_scope(top, top, true);
  for (uint32_t i = 0; i < program->body.count; i++) alloc_node(top, program->body.items[i]);
  return diags->errors == 0;
}

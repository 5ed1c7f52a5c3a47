/* frontend/compiler_eval.c: eval code: compiled at run time, in the scope of its caller.
 *
 * Design. Strata resolves every name at compile time to a register, a (depth, slot) pair in
 * the chain of heap contexts, or the global object. Eval code keeps that model instead of
 * adding dynamic name lookup:
 *
 *  1. Scope analysis (scope.c) treats a direct eval call `eval(...)` as a reference to every
 *     binding it can see: all bindings of all scopes from the call up to the script become
 *     captured (context slots), and the call's `this` scope gets its implicit this,
 *     new.target and arguments bindings, in context slots too.
 *  2. The compiler emits CALLEVAL for the call, with a constant string, the *descriptor*,
 *     that records the scopes from the call site up to the script: per scope its kind and
 *     flags, and the name, kind and context slot of each of its bindings (below).
 *  3. At run time CALLEVAL checks that the callee is %eval% and the argument a string
 *     (otherwise it is an ordinary call, or eval returns its argument), then compiles the
 *     code here: the descriptor is turned back into a chain of StScopes (outer_eval: no code
 *     is compiled for them), the eval code is analyzed as a function nested in that chain
 *     (st_scope_analyze_eval) and compiled as usual, so its references to the caller's
 *     variables become GETCTX/SETCTX with the right depth. The resulting closure gets the
 *     caller's current context as its context and is called at once.
 *
 * Shape of the eval code's top scope: a SCRIPT scope when the call's `this` scope is the
 * script (then `this` is register 0 and the caller passes the global object), else an
 * arrow-like FUNCTION scope whose `this`, new.target and arguments are the caller's, read from
 * the context. Sloppy eval code whose caller's variable scope is the script declares its vars
 * and functions on the global object (DECLVAR/DECLFUNC); sloppy eval code in a function
 * assigns to the caller's binding when the caller's variable scope has one. Strict eval code
 * keeps its declarations to itself. Indirect eval is the same with no descriptor. In a
 * method, the eval closure gets the caller's home object, so super.x works in eval code.
 *
 * The value of eval is the completion value of the code: the compiler keeps it in a register
 * of the top level (CFunc.completion_reg), set by expression statements and reset to
 * undefined by statements whose own completion may be empty (if, loops, switch, try).
 *
 * Descriptor format (UTF-8), one line per scope, innermost first, lines joined by '\n':
 *     <kind><flags>[ <binding>]*
 *   kind:    S script, F function, A arrow function, B any other scope (block, for, catch,
 *            switch, class)
 *   flags:   x has a context, s strict, v a function body's var scope, m<digit> method kind
 *            of a function (StMethodKind); p (innermost scope only) the call is in the
 *            parameter list of a non-arrow function
 *   binding: <letter><slot>=<name>, letter = 'a' + StBindingKind; the implicit this,
 *            new.target and active-function bindings have an empty name.
 * Only bindings that live in a context are listed; the others (script-level var and function
 * declarations) are global properties, which eval code reaches as globals anyway.
 *
 * Known gaps: sloppy eval code in a function that declares a var its caller does not have
 * keeps it to itself (the spec adds it to the caller's variable environment); super() inside
 * eval code is a SyntaxError.
 */
#include "frontend/compiler_internal.h"

#include <stdlib.h>
#include <string.h>

typedef StVec(char) Text;

static void put_str(Text *t, const char *s) {
  for (; *s; s++) st_vec_push(t, *s);
}

static void put_uint(Text *t, uint32_t v) {
  char buf[16];
  snprintf(buf, sizeof buf, "%u", v);
  put_str(t, buf);
}

static char scope_letter(const StScope *s) {
  if (s->kind == ST_SCOPE_SCRIPT) return 'S';
  if (s->kind == ST_SCOPE_FUNCTION) return s->is_arrow ? 'A' : 'F';
  return 'B';
}

static void put_binding(Text *t, const StBinding *b) {
  if (!b || b->loc != ST_LOC_CONTEXT) return;
  st_vec_push(t, ' ');
  st_vec_push(t, (char)('a' + b->kind));
  put_uint(t, b->slot);
  st_vec_push(t, '=');
  if (b->name) put_str(t, b->name->str);
}

uint32_t st_cc_eval_descriptor(Cc *c) {
  Text t = {0};
  for (StScope *s = c->fn->cur_scope; s; s = s->parent) {
    if (t.len) st_vec_push(&t, '\n');
    st_vec_push(&t, scope_letter(s));
    if (s->has_context) st_vec_push(&t, 'x');
    if (s->strict) st_vec_push(&t, 's');
    if (s->var_scope) st_vec_push(&t, 'v');
    if (s == c->fn->cur_scope && c->fn->param_tdz_reg && c->fn->fn && c->fn->fn->h.kind != ST_AST_ARROW)
      st_vec_push(&t, 'p');
    if (s->kind == ST_SCOPE_FUNCTION && s->function && s->function->method_kind) {
      st_vec_push(&t, 'm');
      st_vec_push(&t, (char)('0' + s->function->method_kind));
    }
    for (StBinding *b = s->bindings; b; b = b->next)
      if (b->name && b->kind != ST_BIND_HIDDEN) put_binding(&t, b);
    put_binding(&t, st_scope_this_binding(s));
    put_binding(&t, st_scope_new_target_binding(s));
    put_binding(&t, st_scope_function_binding(s));
  }
  StString *str = st_string_from_utf8(c->vm, t.data ? t.data : "", t.len);
  st_vec_free(&t);
  if (!str) {
    c->failed = true;
    return st_cc_const(c, st_string_value(c->vm->atoms.empty));
  }
  return st_cc_const(c, st_string_value(str));
}

/* ------------------------------------------------------------------------------------------ */
/* Decoding                                                                                   */

typedef struct DBind {
  uint8_t kind;
  uint32_t slot;
  const char *name;
  uint32_t len;
} DBind;

typedef struct DScope {
  char kind;
  bool ctx, strict, var_scope, in_params;
  uint8_t method_kind;
  uint32_t first, count; /* bindings */
} DScope;

typedef struct Desc {
  StVec(DScope) scopes; /* innermost first */
  StVec(DBind) binds;
} Desc;

static bool decode(Desc *d, const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    DScope sc = {0};
    sc.kind = s[i++];
    if (sc.kind != 'S' && sc.kind != 'F' && sc.kind != 'A' && sc.kind != 'B') return false;
    sc.first = (uint32_t)d->binds.len;
    while (i < len && s[i] != ' ' && s[i] != '\n') {
      char f = s[i++];
      if (f == 'x') sc.ctx = true;
      else if (f == 's') sc.strict = true;
      else if (f == 'v') sc.var_scope = true;
      else if (f == 'p') sc.in_params = true;
      else if (f == 'm' && i < len) sc.method_kind = (uint8_t)(s[i++] - '0');
      else return false;
    }
    while (i < len && s[i] == ' ') {
      i++;
      if (i >= len) return false;
      DBind b = {0};
      b.kind = (uint8_t)(s[i++] - 'a');
      if (b.kind > ST_BIND_HIDDEN) return false;
      while (i < len && s[i] >= '0' && s[i] <= '9') b.slot = b.slot * 10 + (uint32_t)(s[i++] - '0');
      if (i >= len || s[i] != '=') return false;
      i++;
      b.name = s + i;
      while (i < len && s[i] != ' ' && s[i] != '\n') i++;
      b.len = (uint32_t)(s + i - b.name);
      st_vec_push(&d->binds, b);
    }
    sc.count = (uint32_t)d->binds.len - sc.first;
    st_vec_push(&d->scopes, sc);
    if (i < len) {
      if (s[i] != '\n') return false;
      i++;
    }
  }
  return d->scopes.len > 0;
}

/* Rebuilds the call site's scopes, outermost first; returns the innermost. */
static StScope *rebuild(StArena *arena, StNameTable *names, const Desc *d) {
  StScope *parent = NULL, *fn = NULL;
  for (size_t i = d->scopes.len; i-- > 0;) {
    const DScope *ds = &d->scopes.data[i];
    StScope *s = ST_ARENA_NEW(arena, StScope);
    s->kind = (uint8_t)(ds->kind == 'S' ? ST_SCOPE_SCRIPT
                        : ds->kind == 'B' ? ST_SCOPE_BLOCK : ST_SCOPE_FUNCTION);
    s->parent = parent;
    s->has_context = ds->ctx;
    s->strict = ds->strict;
    s->var_scope = ds->var_scope;
    s->outer_eval = true;
    s->is_arrow = ds->kind == 'A';
    s->fn = s->kind == ST_SCOPE_BLOCK && fn ? fn : s;
    if (ds->kind == 'F' && ds->method_kind) {
      /* this_value() asks whether `this` is a derived constructor's (TDZ until super()). */
      StAstFunction *f = ST_ARENA_NEW(arena, StAstFunction);
      f->method_kind = ds->method_kind;
      s->function = f;
    }
    for (uint32_t k = 0; k < ds->count; k++) {
      const DBind *db = &d->binds.data[ds->first + k];
      StBinding *b = ST_ARENA_NEW(arena, StBinding);
      b->kind = db->kind;
      b->loc = ST_LOC_CONTEXT;
      b->captured = true;
      b->assigned = true;
      b->slot = db->slot;
      b->scope = s;
      b->lexical = db->kind == ST_BIND_LET || db->kind == ST_BIND_CONST ||
                   db->kind == ST_BIND_CLASS || db->kind == ST_BIND_CLASS_INNER;
      if (db->kind == ST_BIND_THIS) {
        st_scope_rare(arena, s)->this_binding = b;
        continue;
      }
      if (db->kind == ST_BIND_NEW_TARGET) {
        st_scope_rare(arena, s)->new_target_binding = b;
        continue;
      }
      if (db->kind == ST_BIND_ACTIVE_FUNCTION) {
        st_scope_rare(arena, s)->function_binding = b;
        continue;
      }
      b->name = st_ast_name(names, db->name, db->len);
      if (db->kind == ST_BIND_ARGUMENTS) {
        st_scope_rare(arena, s)->arguments_binding = b;
        s->uses_arguments = true;
      }
      if (s->last) s->last->next = b;
      else s->bindings = b;
      s->last = b;
    }
    parent = s;
    if (s->kind != ST_SCOPE_BLOCK) fn = s;
  }
  return parent;
}

/* The call site's `this` scope: the first non-arrow function or the script. */
static const DScope *this_scope_of(const Desc *d) {
  for (size_t i = 0; i < d->scopes.len; i++)
    if (d->scopes.data[i].kind == 'F' || d->scopes.data[i].kind == 'S') return &d->scopes.data[i];
  return &d->scopes.data[d->scopes.len - 1];
}

/* The caller's variable scope. */
static const DScope *var_scope_of(const Desc *d) {
  for (size_t i = 0; i < d->scopes.len; i++) {
    const DScope *s = &d->scopes.data[i];
    if (s->kind != 'B' || s->var_scope) return s;
  }
  return &d->scopes.data[d->scopes.len - 1];
}

StProto *st_compiler_compile_eval(StVM *vm, const char *src, size_t len, const char *desc,
                                  size_t desc_len, StDiagList *diags) {
  Desc d = {0};
  StProto *result = NULL;
  StArena arena;
  st_arena_init(&arena);
  if (desc && !decode(&d, desc, desc_len)) {
    st_diag_add(diags, ST_DIAG_SYNTAX_ERROR, 1, 1, 0, "invalid eval scope descriptor");
    goto done;
  }
  bool direct = desc != NULL;
  const DScope *ts = direct ? this_scope_of(&d) : NULL;
  StParseOptions popt = {.filename = "eval",
                         .strict = direct && d.scopes.data[0].strict,
                         .allow_new_target = ts && ts->kind == 'F',
                         /* super() in eval code is not supported: only super.x */
                         .method_kind = !ts || ts->kind != 'F' ? 0
                                        : ts->method_kind == ST_AST_METHOD_DERIVED_CONSTRUCTOR
                                            ? (uint8_t)ST_AST_METHOD_METHOD : ts->method_kind};
  StNode *root = st_parser_parse_program(&arena, src, len, &popt, diags);
  if (!root || diags->errors) goto done;
  StProgram *prog = (StProgram *)root;
  bool strict = (prog->flags & ST_AST_FN_STRICT) != 0;
  bool script_kind = !direct || ts->kind == 'S';
  bool global_vars = !strict && (!direct || var_scope_of(&d)->kind == 'S');
  StScope *outer = direct ? rebuild(&arena, prog->names, &d) : NULL;
  bool in_params = direct && d.scopes.data[0].in_params;
  if (!st_scope_analyze_eval(&arena, prog, outer, script_kind, global_vars, in_params, diags))
    goto done;
  StCompileOptions opt = {.filename = "eval"};
  result = st_cc_program(vm, prog, &opt, src, len, true, diags);
  if (result) result->flags |= ST_PROTO_EVAL | (script_kind ? 0 : ST_PROTO_ARROW);
done:
  st_vec_free(&d.scopes);
  st_vec_free(&d.binds);
  st_arena_free(&arena);
  return result;
}

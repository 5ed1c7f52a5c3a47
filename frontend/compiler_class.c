/* frontend/compiler_class.c: classes and object literals.
 *
 * A class definition evaluates, in order: the heritage; CLASS (constructor and prototype);
 * each element in source order: methods and accessors defined on the prototype or the
 * constructor, field keys computed (ToPropertyKey, once) and their initializers made into
 * closures; then the list of instance fields is attached to the constructor (SETFIELDS), the
 * inner class binding initialized, and static field initializers run with `this` the class.
 */
#include "frontend/compiler_internal.h"

#include <stdlib.h>
#include <string.h>

#define E (&c->fn->e)

static uint32_t want(Cc *c, int32_t dst) { return dst >= 0 ? (uint32_t)dst : st_cc_temp(c); }

/* The static name of a key (for naming methods), or NULL when computed/numeric. */
static const StName *key_name(Cc *c, StNode *key, bool computed) {
  if (computed) return NULL;
  if (key->kind == ST_AST_PROPERTY_NAME) return ((StPropertyName *)key)->name;
  if (key->kind == ST_AST_STRING) {
    const StStr *s = &((StAstString *)key)->value;
    /* Only plain ASCII strings become names here; others are named at run time. */
    char buf[256];
    if (s->len >= sizeof buf) return NULL;
    for (uint32_t i = 0; i < s->len; i++) {
      if (s->units[i] >= 128) return NULL;
      buf[i] = (char)s->units[i];
    }
    return st_ast_name(c->names, buf, s->len);
  }
  if (key->kind == ST_AST_NUMBER) {
    StString *str = st_string_from_double(c->vm, ((StNumber *)key)->value);
    char *u = str ? st_string_to_utf8(c->vm, str, NULL) : NULL;
    const StName *n = u ? st_ast_name(c->names, u, strlen(u)) : NULL;
    free(u);
    return n;
  }
  return NULL;
}

static uint32_t closure_named(Cc *c, StAstFunction *f, const StName *name, int32_t dst) {
  const StName *saved = c->infer_name;
  c->infer_name = name;
  uint32_t r = st_cc_function_value(c, f, dst);
  c->infer_name = saved;
  return r;
}

/* ------------------------------------------------------------------------------------------ */
/* Object literals                                                                            */

uint32_t st_cc_object(Cc *c, StAstObject *o, int32_t dst) {
  uint32_t r = dst >= 0 ? st_cc_temp(c) : want(c, dst);
  uint32_t cap = o->props.count < 64 ? o->props.count : 64;
  st_cc_pos(c, &o->h);
  st_emit_op(E, ST_OP_NEWOBJECT, (int32_t)r, (int32_t)cap, (int32_t)st_cc_fb(c, ST_FB_LITERAL));
  for (uint32_t i = 0; i < o->props.count; i++) {
    StNode *pn = o->props.items[i];
    uint32_t mark = st_cc_mark(c);
    if (pn->kind == ST_AST_SPREAD) {
      uint32_t v = st_cc_expr(c, ((StUnary *)pn)->arg, ST_ANY);
      st_cc_pos(c, pn);
      st_emit_op(E, ST_OP_COPYPROPS, (int32_t)r, (int32_t)v);
      st_cc_release(c, mark);
      continue;
    }
    StProperty *p = (StProperty *)pn;
    if (p->kind == ST_AST_PROP_PROTO) {
      uint32_t v = st_cc_expr(c, p->value, ST_ANY);
      st_emit_op(E, ST_OP_SETPROTO, (int32_t)r, (int32_t)v);
      st_cc_release(c, mark);
      continue;
    }
    const StName *kn = key_name(c, p->key, p->computed);
    CKey k = st_cc_key(c, p->key, p->computed);
    switch ((StPropKind)p->kind) {
    case ST_AST_PROP_METHOD:
    case ST_AST_PROP_GET:
    case ST_AST_PROP_SET: {
      uint32_t f = closure_named(c, (StAstFunction *)p->value, kn, ST_ANY);
      uint32_t kr = st_cc_key_reg(c, k);
      st_cc_pos(c, pn);
      if (p->kind == ST_AST_PROP_METHOD)
        st_emit_op(E, ST_OP_DEFMETHOD, (int32_t)r, (int32_t)kr, (int32_t)f, 0);
      else
        st_emit_op(E, ST_OP_DEFACCESSOR, (int32_t)r, (int32_t)kr, (int32_t)f, p->kind == ST_AST_PROP_SET ? 2 : 0);
      break;
    }
    default: {
      bool anon_fn = (p->value->kind == ST_AST_FUNCTION_EXPR || p->value->kind == ST_AST_ARROW) &&
                     !((StAstFunction *)p->value)->name;
      bool anon_class = p->value->kind == ST_AST_CLASS_EXPR && !((StClass *)p->value)->name;
      const StName *saved = c->infer_name;
      if ((anon_fn || anon_class) && kn) c->infer_name = kn;
      uint32_t v = st_cc_expr(c, p->value, ST_ANY);
      c->infer_name = saved;
      st_cc_pos(c, pn);
      if (k.is_const) {
        st_emit_op(E, ST_OP_DEFPROP, (int32_t)r, (int32_t)k.k, (int32_t)v, (int32_t)st_cc_fb(c, ST_FB_PROP));
      } else if ((anon_fn || anon_class) && !kn) {
        /* A computed key names an anonymous function at run time. */
        st_emit_op(E, ST_OP_DEFMETHOD, (int32_t)r, (int32_t)k.reg, (int32_t)v, 0);
      } else {
        st_emit_op(E, ST_OP_DEFELEM, (int32_t)r, (int32_t)k.reg, (int32_t)v);
      }
      break;
    }
    }
    st_cc_release(c, mark);
  }
  if (dst >= 0) {
    st_emit_op(E, ST_OP_MOV, dst, (int32_t)r);
    return (uint32_t)dst;
  }
  return r;
}

/* ------------------------------------------------------------------------------------------ */
/* Classes                                                                                    */

/* constructor() {} or constructor(...args) { super(...args); } */
static StProto *default_ctor(Cc *c, StClass *cls, bool derived, const StName *name) {
  CFunc fs;
  memset(&fs, 0, sizeof fs);
  st_emit_init(&fs.e, c->vm, 1);
  st_emit_use_pool(&fs.e, &c->emit_pool);
  fs.outer = c->fn;
  fs.e.outer = &c->fn->e;
  fs.scope = cls->scope;
  fs.cur_scope = cls->scope;
  fs.strict = true;
  StProto *p = st_function_new_proto(c->vm);
  if (!p) {
    st_emit_free(&fs.e);
    c->failed = true;
    return NULL;
  }
  fs.proto = p;
  CFunc *outer = c->fn;
  c->fn = &fs;
  p->flags = ST_PROTO_STRICT | ST_PROTO_CLASS_CTOR | (derived ? ST_PROTO_DERIVED | ST_PROTO_NEEDS_ARGS : 0);
  p->source = c->source;
  StPos at = st_ast_pos(c->lines, &cls->h);
  p->line = at.line;
  p->col = at.col;
  p->src_start = cls->src_start;
  p->src_end = cls->src_end;
  p->name = name ? st_get_string(st_cc_name_value(c, name)) : c->vm->atoms.empty;
  st_emit_position(&fs.e, p->line, p->col);
  if (derived) {
    uint32_t base = st_emit_temps(&fs.e, 3);
    uint32_t t = st_emit_temp(&fs.e);
    st_emit_op(&fs.e, ST_OP_THISFUNC, (int32_t)base);
    st_emit_op(&fs.e, ST_OP_NEWTARGET, (int32_t)base + 1);
    st_emit_op(&fs.e, ST_OP_REST, (int32_t)base + 2, 0);
    st_emit_op(&fs.e, ST_OP_SUPERCALLSPREAD, (int32_t)t, (int32_t)base);
    st_emit_op(&fs.e, ST_OP_BINDTHIS, 0, (int32_t)t, (int32_t)base);
    st_emit_op(&fs.e, ST_OP_RET, 0);
  } else {
    st_emit_op(&fs.e, ST_OP_RETUNDEF);
  }
  bool ok = st_emit_finish(&fs.e, p);
  st_emit_free(&fs.e);
  c->fn = outer;
  return ok ? p : NULL;
}

uint32_t st_cc_class(Cc *c, StClass *cls, int32_t dst) {
  const StName *name = cls->name ? st_ast_ident_name((StIdent *)cls->name) : c->infer_name;
  c->infer_name = NULL;
  uint32_t mark = st_cc_mark(c);
  StScope *saved_scope = c->fn->cur_scope;
  st_cc_push_scope(c, cls->scope);
  /* The inner name stays uninitialized (TDZ) until the class exists. */
  if (cls->name) {
    StBinding *inner = NULL;
    for (StBinding *b = cls->scope->bindings; b; b = b->next)
      if (b->kind == ST_BIND_CLASS_INNER) inner = b;
    if (inner && inner->loc == ST_LOC_REGISTER) st_emit_op(E, ST_OP_LOADUNINIT, (int32_t)inner->reg);
    else if (inner && inner->loc == ST_LOC_CONTEXT) {
      uint32_t t = st_cc_temp(c);
      st_emit_op(E, ST_OP_LOADUNINIT, (int32_t)t);
      st_emit_op(E, ST_OP_SETCTX, (int32_t)t, 0, (int32_t)inner->slot);
      st_cc_release(c, t);
    }
  }
  uint32_t heritage = ST_REG_NONE;
  if (cls->heritage) heritage = st_cc_expr_temp(c, cls->heritage);
  bool derived = cls->heritage != NULL;
  StProto *ctor;
  if (cls->constructor) {
    const StName *saved = c->infer_name;
    c->infer_name = name;
    ctor = st_cc_function(c, cls->constructor, cls->constructor->scope);
    c->infer_name = saved;
    if (ctor) {
      ctor->src_start = cls->src_start;
      ctor->src_end = cls->src_end;
    }
  } else {
    ctor = default_ctor(c, cls, derived, name);
  }
  if (!ctor) {
    st_cc_pop_scope(c, cls->scope);
    c->fn->cur_scope = saved_scope;
    return want(c, dst);
  }
  if (cls->instance_fields) ctor->flags |= ST_PROTO_HAS_FIELDS;
  uint32_t rc = st_cc_temps(c, 2), rp = rc + 1;
  st_cc_pos(c, &cls->h);
  st_emit_op(E, ST_OP_CLASS, (int32_t)rc, (int32_t)rp, (int32_t)st_cc_const(c, st_cell_value(ctor)),
             (int32_t)heritage);
  uint32_t fields = 0;
  if (cls->instance_fields) {
    fields = st_cc_temp(c);
    st_emit_op(E, ST_OP_NEWARRAY, (int32_t)fields, (int32_t)(2 * cls->instance_fields));
  }
  /* Static fields run after every element is defined: keep their key and initializer. */
  uint32_t nstatic = cls->static_fields;
  uint32_t statics = nstatic ? st_cc_temps(c, 2 * nstatic) : 0;
  uint32_t si = 0;
  for (uint32_t i = 0; i < cls->members.count; i++) {
    StClassMember *m = (StClassMember *)cls->members.items[i];
    uint32_t target = m->is_static ? rc : rp;
    uint32_t m2 = st_cc_mark(c);
    const StName *kn = key_name(c, m->key, m->computed);
    CKey k = st_cc_key(c, m->key, m->computed);
    uint32_t kr = st_cc_key_reg(c, k);
    if (m->h.kind == ST_AST_CLASS_METHOD) {
      StAstFunction *f = m->value;
      uint32_t fr = closure_named(c, f, kn, ST_ANY);
      st_cc_pos(c, &m->h);
      if (f->method_kind == ST_AST_METHOD_GETTER || f->method_kind == ST_AST_METHOD_SETTER)
        st_emit_op(E, ST_OP_DEFACCESSOR, (int32_t)target, (int32_t)kr, (int32_t)fr,
                   1 | (f->method_kind == ST_AST_METHOD_SETTER ? 2 : 0));
      else
        st_emit_op(E, ST_OP_DEFMETHOD, (int32_t)target, (int32_t)kr, (int32_t)fr, 1);
      st_cc_release(c, m2);
      continue;
    }
    /* A field: its initializer (if any) is a closure run later with the right `this`. */
    uint32_t init = st_cc_temp(c);
    if (m->value) {
      closure_named(c, m->value, kn, (int32_t)init);
      st_emit_op(E, ST_OP_SETHOME, (int32_t)init, (int32_t)target);
    } else {
      st_emit_op(E, ST_OP_LOADUNDEF, (int32_t)init);
    }
    if (m->is_static) {
      st_emit_op(E, ST_OP_MOV, (int32_t)(statics + 2 * si), (int32_t)kr);
      st_emit_op(E, ST_OP_MOV, (int32_t)(statics + 2 * si + 1), (int32_t)init);
      si++;
    } else {
      st_emit_op(E, ST_OP_ARRAYPUSH, (int32_t)fields, (int32_t)kr);
      st_emit_op(E, ST_OP_ARRAYPUSH, (int32_t)fields, (int32_t)init);
    }
    st_cc_release(c, m2);
  }
  if (cls->instance_fields) st_emit_op(E, ST_OP_SETFIELDS, (int32_t)rc, (int32_t)fields);
  /* The class's own name, seen from inside its body. */
  if (cls->name) {
    for (StBinding *b = cls->scope->bindings; b; b = b->next)
      if (b->kind == ST_BIND_CLASS_INNER) st_cc_store_var(c, b, b->name, &cls->h, rc, true);
  }
  for (uint32_t i = 0; i < nstatic; i++) {
    uint32_t m2 = st_cc_mark(c);
    uint32_t base = st_cc_temps(c, 2), v = st_cc_temp(c);
    StLabel none, done;
    st_emit_label_init(&none);
    st_emit_label_init(&done);
    st_emit_op(E, ST_OP_LOADUNDEF, (int32_t)v);
    st_emit_jump(E, &none, ST_OP_JUNDEF, (int32_t)(statics + 2 * i + 1));
    st_emit_op(E, ST_OP_MOV, (int32_t)base, (int32_t)(statics + 2 * i + 1));
    st_emit_op(E, ST_OP_MOV, (int32_t)base + 1, (int32_t)rc);
    st_emit_op(E, ST_OP_CALL, (int32_t)v, (int32_t)base, 0, (int32_t)st_cc_fb(c, ST_FB_CALL));
    st_emit_bind(E, &none);
    st_emit_op(E, ST_OP_DEFFIELD, (int32_t)rc, (int32_t)(statics + 2 * i), (int32_t)v);
    st_emit_label_free(&none);
    st_emit_label_free(&done);
    st_cc_release(c, m2);
  }
  st_cc_pop_scope(c, cls->scope);
  c->fn->cur_scope = saved_scope;
  uint32_t r;
  if (dst >= 0) {
    st_emit_op(E, ST_OP_MOV, dst, (int32_t)rc);
    r = (uint32_t)dst;
    st_cc_release(c, mark);
  } else {
    st_cc_release(c, mark);
    r = st_cc_temp(c);
    if (r != rc) st_emit_op(E, ST_OP_MOV, (int32_t)r, (int32_t)rc);
  }
  return r;
}

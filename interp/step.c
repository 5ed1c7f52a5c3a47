/* interp/step.c: bytecode instructions executed out of line (see step.h). Each case is the
 * instruction's whole semantics; the interpreter's loop calls this file for the instructions
 * it does not keep inline, and compiled code calls it for the ones its tier does not
 * translate. */
#include "interp/step.h"

#include "interp/feedback.h"
#include "interp/interp.h"
#include "interp/slowpath.h"
#include "objects/ops.h"

#include <string.h>

bool st_interp_step_supports(uint16_t op) {
  switch ((StOpcode)op) {
  case ST_OP_DECLVAR: case ST_OP_DECLFUNC: case ST_OP_DELGLOBAL: case ST_OP_GETGLOBALTYPEOF:
  case ST_OP_PUSHCTX: case ST_OP_POPCTX: case ST_OP_COPYCTX: case ST_OP_SAVECTX:
  case ST_OP_RESTORECTX: case ST_OP_SETCTXCHK: case ST_OP_DELPROP: case ST_OP_IN:
  case ST_OP_INSTANCEOF: case ST_OP_DEFPROP: case ST_OP_DEFELEM: case ST_OP_DEFMETHOD:
  case ST_OP_DEFACCESSOR: case ST_OP_DEFFIELD: case ST_OP_COPYPROPS: case ST_OP_OBJREST:
  case ST_OP_GETSUPER: case ST_OP_SETSUPER: case ST_OP_SETPROTO: case ST_OP_TOSTRING:
  case ST_OP_TOPROPKEY: case ST_OP_CONCAT: case ST_OP_CLOSURE: case ST_OP_CLASS:
  case ST_OP_SETFIELDS: case ST_OP_SETHOME: case ST_OP_NEWOBJECT: case ST_OP_NEWARRAY:
  case ST_OP_ARRAYFROM: case ST_OP_ARRAYPUSH: case ST_OP_ARRAYHOLE: case ST_OP_ARRAYSPREAD:
  case ST_OP_ARGUMENTS: case ST_OP_REST: case ST_OP_NEWTARGET: case ST_OP_THISFUNC:
  case ST_OP_GETITER: case ST_OP_ITERCLOSE: case ST_OP_ITERCLOSEQUIET: case ST_OP_FORINPREP:
  case ST_OP_BINDTHIS: case ST_OP_TYPEOF: case ST_OP_CALLSPREAD: case ST_OP_NEWSPREAD:
  case ST_OP_SUPERCALL: case ST_OP_SUPERCALLSPREAD: case ST_OP_CALLNATIVE:
    return true;
  default: return false;
  }
}

#define U(k) (pc[k])

bool st_interp_step(StVM *vm, StFrame *f, const uint16_t *pc) {
  StProto *proto = st_frame_proto(f);
  StValue *r = st_frame_regs(f);
  const StValue *K = proto->consts;
  f->pc = pc;
  switch ((StOpcode)pc[0]) {
  case ST_OP_DECLVAR: return st_slowpath_decl_var(vm, K[U(1)], proto->flags & ST_PROTO_EVAL);
  case ST_OP_DECLFUNC:
    return st_slowpath_decl_func(vm, K[U(2)], r[U(1)], proto->flags & ST_PROTO_EVAL);
  case ST_OP_DELGLOBAL: {
    StValue v = st_slowpath_delete_global(vm, K[U(2)]);
    if (v == ST_EXCEPTION) return false;
    r[U(1)] = v;
    return true;
  }
  case ST_OP_GETGLOBALTYPEOF: {
    StFeedbackVector *fbv = st_feedback_get(vm, proto);
    StValue v = st_feedback_get_global(vm, &fbv->slots[U(3)], K[U(2)], true);
    if (v == ST_EXCEPTION) return false;
    r[U(1)] = v;
    return true;
  }
  case ST_OP_PUSHCTX: {
    StContext *c = st_function_new_context(vm, st_frame_ctx(f), U(1));
    if (!c) return false;
    f->ctx = st_cell_value(c);
    return true;
  }
  case ST_OP_POPCTX: {
    StContext *c = st_frame_ctx(f)->parent;
    f->ctx = c ? st_cell_value(c) : ST_UNDEFINED;
    return true;
  }
  case ST_OP_COPYCTX: {
    /* A fresh copy of the innermost context (per-iteration bindings of a for loop). */
    StContext *old = st_frame_ctx(f);
    StContext *c = st_function_new_context(vm, old->parent, old->hdr.aux);
    if (!c) return false;
    memcpy(c->slots, old->slots, old->hdr.aux * sizeof(StValue));
    f->ctx = st_cell_value(c);
    return true;
  }
  case ST_OP_SAVECTX: r[U(1)] = f->ctx; return true;
  case ST_OP_RESTORECTX: f->ctx = r[U(1)]; return true;
  case ST_OP_SETCTXCHK: {
    StContext *c = st_frame_ctx(f);
    for (uint32_t d = U(2); d; d--) c = c->parent;
    if (c->slots[U(3)] == ST_UNINIT) {
      st_slowpath_throw_tdz(vm, K[U(4)]);
      return false;
    }
    c->slots[U(3)] = r[U(1)];
    st_gc_write_barrier(vm->heap, &c->hdr, r[U(1)]);
    return true;
  }
  case ST_OP_DELPROP: {
    StValue o = r[U(2)], k = r[U(3)];
    bool strict = proto->flags & ST_PROTO_STRICT;
    if (st_is_nullish(o)) {
      st_vm_type_error(vm, "Cannot convert undefined or null to object");
      return false;
    }
    StObject *obj = st_ops_to_object(vm, o);
    if (!obj) return false;
    uint32_t idx;
    StValue key = st_object_to_key(vm, k, &idx);
    if (key == ST_EXCEPTION) return false;
    int res = key == ST_HOLE ? st_object_delete_index(vm, obj, idx, strict) : st_object_delete(vm, obj, key, strict);
    if (res < 0) return false;
    r[U(1)] = st_bool(res == 1);
    return true;
  }
  case ST_OP_IN: {
    int res = st_ops_in(vm, r[U(2)], r[U(3)]);
    if (res < 0) return false;
    r[U(1)] = st_bool(res);
    return true;
  }
  case ST_OP_INSTANCEOF: {
    StFeedbackVector *fbv = st_feedback_get(vm, proto);
    StFeedbackSlot *s = &fbv->slots[U(4)];
    StValue c = r[U(3)];
    if (st_is_object(c)) {
      if (!s->u.instanceof.ctor) s->u.instanceof.ctor = st_get_object(c);
      else if (s->u.instanceof.ctor != st_get_object(c)) s->u.instanceof.mega = 1;
    }
    int res = st_ops_instance_of(vm, r[U(2)], c);
    if (res < 0) return false;
    r[U(1)] = st_bool(res);
    return true;
  }
  case ST_OP_DEFPROP: {
    StFeedbackVector *fbv = st_feedback_get(vm, proto);
    return st_feedback_define_prop(vm, &fbv->slots[U(4)], st_get_object(r[U(1)]), K[U(2)], r[U(3)]) >= 0;
  }
  case ST_OP_DEFELEM: {
    StPropDesc d = {.value = r[U(3)], .has_value = true, .has_writable = true, .writable = true,
                    .has_enumerable = true, .enumerable = true, .has_configurable = true,
                    .configurable = true};
    return st_object_define_desc(vm, st_get_object(r[U(1)]), r[U(2)], &d) >= 0;
  }
  case ST_OP_DEFMETHOD: return st_slowpath_def_method(vm, r[U(1)], r[U(2)], r[U(3)], U(4));
  case ST_OP_DEFACCESSOR: return st_slowpath_def_accessor(vm, r[U(1)], r[U(2)], r[U(3)], U(4));
  case ST_OP_DEFFIELD: return st_slowpath_def_field(vm, r[U(1)], r[U(2)], r[U(3)]);
  case ST_OP_COPYPROPS: return st_slowpath_copy_props(vm, r[U(1)], r[U(2)]);
  case ST_OP_OBJREST: {
    StValue v = st_slowpath_object_rest(vm, r[U(2)], &r[U(3)], U(4));
    if (v == ST_EXCEPTION) return false;
    r[U(1)] = v;
    return true;
  }
  case ST_OP_GETSUPER: {
    StValue v = st_slowpath_get_super(vm, f, r[U(2)]);
    if (v == ST_EXCEPTION) return false;
    r[U(1)] = v;
    return true;
  }
  case ST_OP_SETSUPER: return st_slowpath_set_super(vm, f, r[U(1)], r[U(2)]);
  case ST_OP_SETPROTO: {
    /* __proto__: value in an object literal: only objects and null take effect. */
    StValue p = r[U(2)];
    if (st_is_object(p) || st_is_null(p))
      st_object_set_proto(vm, st_get_object(r[U(1)]), st_is_null(p) ? NULL : st_get_object(p));
    return true;
  }
  case ST_OP_TOSTRING: {
    StValue a = r[U(2)];
    if (!st_is_string(a)) {
      StString *s = st_ops_to_string(vm, a);
      if (!s) return false;
      a = st_string_value(s);
    }
    r[U(1)] = a;
    return true;
  }
  case ST_OP_TOPROPKEY: {
    StValue k = st_ops_to_property_key(vm, r[U(2)]);
    if (k == ST_EXCEPTION) return false;
    r[U(1)] = k;
    return true;
  }
  case ST_OP_CONCAT: {
    StValue v = st_slowpath_concat(vm, &r[U(2)], U(3));
    if (v == ST_EXCEPTION) return false;
    r[U(1)] = v;
    return true;
  }
  case ST_OP_CLOSURE: {
    StProto *cp = st_get_cell(K[U(2)]);
    StFunction *fn = st_function_new_closure(vm, cp, st_frame_ctx(f));
    if (!fn) return false;
    if (cp->flags & ST_PROTO_ARROW) fn->home_object = st_frame_function(f)->home_object;
    r[U(1)] = st_object_value(&fn->obj);
    return true;
  }
  case ST_OP_CLASS: {
    StValue out[2];
    uint16_t h = U(4);
    if (!st_slowpath_class(vm, f, st_get_cell(K[U(3)]), h == ST_REG_NONE ? ST_UNDEFINED : r[h],
                           h != ST_REG_NONE, out))
      return false;
    r[U(1)] = out[0];
    r[U(2)] = out[1];
    return true;
  }
  case ST_OP_SETFIELDS: ((StFunction *)st_get_object(r[U(1)]))->fields = r[U(2)]; return true;
  case ST_OP_SETHOME: {
    StObject *fo = st_get_object(r[U(1)]);
    if (fo->hdr.kind == ST_KIND_FUNCTION) ((StFunction *)fo)->home_object = r[U(2)];
    return true;
  }
  case ST_OP_NEWOBJECT: {
    StFeedbackVector *fbv = st_feedback_get(vm, proto);
    StObject *o = st_feedback_new_object(vm, &fbv->slots[U(3)], U(2));
    if (!o) return false;
    r[U(1)] = st_object_value(o);
    return true;
  }
  case ST_OP_NEWARRAY: {
    StObject *a = st_array_new(vm, U(2));
    if (!a) return false;
    r[U(1)] = st_object_value(a);
    return true;
  }
  case ST_OP_ARRAYFROM: {
    StObject *a = st_array_from(vm, U(3), &r[U(2)]);
    if (!a) return false;
    r[U(1)] = st_object_value(a);
    return true;
  }
  case ST_OP_ARRAYPUSH: return st_array_push(vm, st_get_object(r[U(1)]), r[U(2)]);
  case ST_OP_ARRAYHOLE: {
    StObject *a = st_get_object(r[U(1)]);
    return st_array_set_length(vm, a, (double)st_array_length(a) + 1, true) >= 0;
  }
  case ST_OP_ARRAYSPREAD: return st_slowpath_array_append_spread(vm, r[U(1)], r[U(2)]);
  case ST_OP_ARGUMENTS: {
    StValue v = st_slowpath_arguments(vm, f);
    if (v == ST_EXCEPTION) return false;
    r[U(1)] = v;
    return true;
  }
  case ST_OP_REST: {
    StValue v = st_slowpath_rest(vm, f, U(2));
    if (v == ST_EXCEPTION) return false;
    r[U(1)] = v;
    return true;
  }
  case ST_OP_NEWTARGET: r[U(1)] = f->new_target; return true;
  case ST_OP_THISFUNC: r[U(1)] = f->callee; return true;
  case ST_OP_GETITER: {
    StFeedbackVector *fbv = st_feedback_get(vm, proto);
    return st_slowpath_get_iterator(vm, &fbv->slots[U(3)], r[U(2)], &r[U(1)]);
  }
  case ST_OP_ITERCLOSE: return st_slowpath_iter_close(vm, &r[U(1)], false);
  case ST_OP_ITERCLOSEQUIET:
    (void)st_slowpath_iter_close(vm, &r[U(1)], true);
    return true;
  case ST_OP_FORINPREP: {
    StValue e = st_slowpath_forin_prep(vm, r[U(2)]);
    if (e == ST_EXCEPTION) return false;
    r[U(1)] = e;
    return true;
  }
  case ST_OP_BINDTHIS: {
    if (r[U(1)] != ST_UNINIT) {
      st_vm_reference_error(vm, "Super constructor may only be called once");
      return false;
    }
    r[U(1)] = r[U(2)];
    return st_slowpath_init_fields(vm, (StFunction *)st_get_object(r[U(3)]), r[U(2)]);
  }
  case ST_OP_TYPEOF: r[U(1)] = st_string_value(st_ops_typeof(vm, r[U(2)])); return true;
  /* Calls with a nested interpreter run (compiled code only: the interpreter pushes frames). */
  case ST_OP_CALLSPREAD:
  case ST_OP_NEWSPREAD: {
    uint32_t base = U(2);
    StObject *args = st_get_object(r[base + 2]);
    bool ctor = pc[0] == ST_OP_NEWSPREAD;
    StValue v = st_interp_call(vm, r[base], ctor ? ST_UNDEFINED : r[base + 1], st_array_length(args),
                               args->elements ? args->elements->data : NULL, ctor ? r[base + 1] : ST_UNDEFINED);
    if (v == ST_EXCEPTION) return false;
    r[U(1)] = v;
    return true;
  }
  case ST_OP_SUPERCALL:
  case ST_OP_SUPERCALLSPREAD: {
    uint32_t base = U(2);
    StValue v;
    if (pc[0] == ST_OP_SUPERCALL) {
      v = st_slowpath_super_call(vm, r[base], r[base + 1], U(3), &r[base + 2]);
    } else {
      StObject *args = st_get_object(r[base + 2]);
      v = st_slowpath_super_call(vm, r[base], r[base + 1], st_array_length(args),
                                 args->elements ? args->elements->data : NULL);
    }
    if (v == ST_EXCEPTION) return false;
    r[U(1)] = v;
    return true;
  }
  case ST_OP_CALLNATIVE: {
    const StNativeSyntax *table = vm->hooks.natives;
    StValue v = table[U(2)].fn(vm, U(4), &r[U(3)]);
    if (v == ST_EXCEPTION) return false;
    r[U(1)] = v;
    return true;
  }
  default: break;
  }
  st_vm_throw_error(vm, ST_ERROR_ERROR, "internal: %s cannot run out of line", st_bytecode_info[pc[0]].name);
  return false;
}

bool st_interp_step_jump_supports(uint16_t op) { return op == ST_OP_ITERNEXT || op == ST_OP_FORINNEXT; }

int st_interp_step_jump(StVM *vm, StFrame *f, const uint16_t *pc) {
  StValue *r = st_frame_regs(f);
  f->pc = pc;
  StValue v;
  int res;
  if (pc[0] == ST_OP_FORINNEXT) {
    res = st_slowpath_forin_next(vm, r[U(2)], &v);
  } else {
    StValue *rec = &r[U(2)];
    if (st_is_int(rec[1])) {
      /* A plain array iterated by index (see st_slowpath_get_iterator). */
      StObject *a = st_get_object(rec[0]);
      uint32_t i = (uint32_t)st_get_int(rec[1]);
      if (i >= st_array_length(a)) {
        rec[1] = st_int(INT32_MAX); /* exhausted: stays done if resumed */
        return 1;
      }
      v = st_object_dense_get(a, i);
      if (v == ST_HOLE) {
        v = st_object_get_index(vm, a, i, rec[0]);
        if (v == ST_EXCEPTION) return -1;
      }
      rec[1] = st_int((int32_t)i + 1);
      res = 1;
    } else {
      res = st_slowpath_iter_next(vm, rec, &v);
    }
  }
  if (res < 0) return -1;
  if (!res) return 1;
  r[U(1)] = v;
  return 0;
}

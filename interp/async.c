/* interp/async.c: suspension and resumption of async function frames (see async.h). */
#include "interp/async.h"

#include "frontend/bytecode.h"
#include "interp/interp.h"

#include <string.h>

typedef struct StSuspended {
  StCell hdr;       /* aux: number of registers */
  StValue callee, ctx, new_target, args, aux;
  const uint16_t *pc; /* the AWAIT instruction */
  uint32_t argc;
  uint16_t flags;
  StValue regs[];
} StSuspended;

static void trace_suspended(StHeap *h, StCell *c) {
  StSuspended *s = (StSuspended *)c;
  st_gc_mark_value(h, s->callee);
  st_gc_mark_value(h, s->ctx);
  st_gc_mark_value(h, s->new_target);
  st_gc_mark_value(h, s->args);
  st_gc_mark_value(h, s->aux);
  st_gc_mark_values(h, s->regs, s->hdr.aux);
}

/* The reactions: data[0] = the suspended cell, data[1] = 0 fulfilled / 1 rejected. */
static StValue resume(StVM *vm, StCallInfo *ci) {
  StNativeFunction *self = (StNativeFunction *)ci->callee;
  StSuspended *s = st_get_cell(self->data[0]);
  bool rejected = st_get_int(self->data[1]) != 0;
  StValue value = st_arg(ci, 0);
  uint32_t n = s->hdr.aux;
  StValue *base = vm->stack_top;
  if (base + ST_FRAME_WORDS + n > vm->stack_limit)
    return st_vm_range_error(vm, "Maximum call stack size exceeded");
  StFrame *f = (StFrame *)base;
  f->callee = s->callee;
  f->ctx = s->ctx;
  f->new_target = s->new_target;
  f->args = s->args;
  f->aux = s->aux;
  f->caller = vm->frame;
  f->pc = s->pc;
  f->flags = (uint16_t)(s->flags | ST_FRAME_ENTRY | ST_FRAME_RESUMED);
  f->ret_reg = 0;
  f->argc = s->argc;
  memcpy(st_frame_regs(f), s->regs, n * sizeof(StValue));
  vm->stack_top = base + ST_FRAME_WORDS + n;
  if (rejected) return st_interp_resume_throw(vm, f, value);
  /* AWAIT dst, src: the value goes to dst, and execution continues after the AWAIT. */
  st_frame_regs(f)[f->pc[1]] = value;
  f->pc += st_bytecode_info[ST_OP_AWAIT].size;
  return st_interp_resume(vm, f);
}

bool st_async_suspend(StVM *vm, StFrame *f, StValue value) {
  uint32_t n = st_frame_proto(f)->nregs;
  StSuspended *s = st_vm_alloc(vm, ST_KIND_SUSPENDED, sizeof(StSuspended) + n * sizeof(StValue));
  if (!s) return false;
  s->hdr.aux = n;
  s->callee = f->callee;
  s->ctx = f->ctx;
  s->new_target = f->new_target;
  s->args = f->args;
  s->aux = f->aux;
  s->pc = f->pc;
  s->argc = f->argc;
  s->flags = f->flags & (ST_FRAME_ASYNC | ST_FRAME_CONSTRUCT);
  memcpy(s->regs, st_frame_regs(f), n * sizeof(StValue));
  StNativeFunction *on_ful = st_function_new_native(vm, resume, "", 1, false);
  if (!on_ful) return false;
  on_ful->data[0] = st_cell_value(s);
  on_ful->data[1] = st_int(0);
  StNativeFunction *on_rej = st_function_new_native(vm, resume, "", 1, false);
  if (!on_rej) return false;
  on_rej->data[0] = st_cell_value(s);
  on_rej->data[1] = st_int(1);
  return vm->hooks.await_value(vm, value, st_object_value(&on_ful->obj), st_object_value(&on_rej->obj));
}

void st_async_init(StVM *vm) {
  st_gc_register_kind(vm->heap, ST_KIND_SUSPENDED, "suspended frame", trace_suspended, NULL);
}

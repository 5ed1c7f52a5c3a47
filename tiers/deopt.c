/* tiers/deopt.c: the deoptimization runtime (see deopt.h): rebuilding interpreter frames from a
 * compiled exit's snapshot, counting exits, invalidating code. */
#include "tiers/deopt.h"

#include "tiers/tier_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const reason_names[] = {
#define ST_DEOPT_NAME(name, desc) desc,
    ST_DEOPT_REASONS(ST_DEOPT_NAME)
#undef ST_DEOPT_NAME
};

const char *st_deopt_reason_name(StDeoptReason r) {
  return (unsigned)r < ST_DEOPT_COUNT ? reason_names[r] : "?";
}

StValue *st_deopt_buffer(StVM *vm, uint32_t n) {
  if (n > vm->deopt_buffer_cap) {
    uint32_t cap = vm->deopt_buffer_cap ? vm->deopt_buffer_cap : 64;
    while (cap < n) cap *= 2;
    vm->deopt_buffer = st_xrealloc(vm->deopt_buffer, cap * sizeof(StValue));
    for (uint32_t i = vm->deopt_buffer_cap; i < cap; i++) vm->deopt_buffer[i] = ST_UNDEFINED;
    vm->deopt_buffer_cap = cap;
  }
  return vm->deopt_buffer;
}

void st_deopt_info_free(StDeoptInfo *d) {
  if (!d) return;
  free(d->exits);
  free(d->frames);
  free(d->entries);
  free(d);
}

void st_deopt_info_trace(StHeap *h, const StDeoptInfo *d) {
  if (!d) return;
  for (uint32_t i = 0; i < d->nframes; i++) {
    st_gc_mark_cell(h, (StCell *)d->frames[i].proto);
    st_gc_mark_value(h, d->frames[i].callee);
  }
}

/* Pushes an interpreter frame for an inlined level, as if the interpreter had made the call. */
static StFrame *push_inlined(StVM *vm, StFrame *caller, const StDeoptFrame *df, const StValue *buf) {
  StProto *p = df->proto;
  StValue *base = vm->stack_top;
  size_t need = ST_FRAME_WORDS + p->nregs;
  ST_ASSERT(base + need <= vm->stack_limit, "room for inlined frames is checked before");
  StFrame *f = (StFrame *)base;
  (void)buf;
  StValue callee = df->callee;
  StFunction *fn = (StFunction *)st_get_object(callee);
  f->callee = callee;
  f->ctx = fn->ctx ? st_cell_value(fn->ctx) : ST_UNDEFINED;
  f->new_target = ST_UNDEFINED;
  f->args = ST_UNDEFINED;
  f->aux = ST_UNDEFINED;
  f->caller = caller;
  f->pc = p->code + df->pc;
  f->flags = 0;
  f->ret_reg = df->ret_reg;
  f->argc = df->argc;
  StValue *r = st_frame_regs(f);
  for (uint32_t i = 0; i < p->nregs; i++) r[i] = ST_UNDEFINED; /* entries fill the rest */
  vm->stack_top = base + need;
  return f;
}

/* Whether the VM stack has room for the frames of exit x's inlined levels. */
static bool inlined_frames_fit(StVM *vm, const StDeoptInfo *info, const StDeoptExit *x) {
  size_t need = 0;
  for (uint32_t k = 1; k < x->nframes; k++)
    need += ST_FRAME_WORDS + info->frames[x->first_frame + k].proto->nregs;
  return need <= (size_t)(vm->stack_limit - vm->stack_top);
}

StValue st_deopt_exit(StVM *vm, StFrame *frame, StCode *code, uint32_t exit_id) {
  StDeoptInfo *info = code->deopt_info;
  ST_CHECK(info && exit_id < info->nexits, "deopt exit %u out of range", exit_id);
  StDeoptExit *x = &info->exits[exit_id];
  const StValue *buf = vm->deopt_buffer;
  StFrame *f = frame;
  /* Inlined code that calls can exit with the VM stack nearly full (a deep recursion through
   * calls made by inlined frames, ending in a RangeError): when the inlined levels' frames do
   * not fit, the outermost frame alone is rebuilt and resumes at the call that entered the
   * inlined chain, throwing the RangeError the interpreter's call would have thrown. */
  uint32_t nframes = x->nframes;
  bool overflow = nframes > 1 && !inlined_frames_fit(vm, info, x);
  if (overflow) nframes = 1;
  for (uint32_t k = 0; k < nframes; k++) {
    const StDeoptFrame *df = &info->frames[x->first_frame + k];
    if (k > 0) f = push_inlined(vm, f, df, buf);
    else f->pc = df->proto->code + df->pc;
    StValue *r = st_frame_regs(f);
    for (uint32_t e = 0; e < df->nentries; e++) {
      const StDeoptEntry *en = &info->entries[df->first_entry + e];
      r[en->reg] = buf[en->slot];
    }
  }
  vm->frame = f;
  frame->flags &= (uint16_t)~ST_FRAME_COMPILED;
  if (!(frame->flags & ST_FRAME_ASYNC)) frame->aux = ST_UNDEFINED; /* no site word survives */
  if (overflow) {
    if (st_vm_has_exception(vm)) (void)st_vm_take_exception(vm);
    (void)st_vm_range_error(vm, "Maximum call stack size exceeded");
  }
  x->count++;
  if (!x->exception) {
    code->deopts++;
    st_tier_note_deopt(vm, code, x, (uint32_t)(x->nframes > 0 ? x->nframes - 1 : 0),
                       info->frames[x->first_frame + x->nframes - 1].pc);
  }
  return ST_RESUME;
}

void st_deopt_invalidate(StVM *vm, StCode *code, const char *why) {
  if (code->invalid) return;
  code->invalid = true;
  st_tier_code_invalidated(vm, code, why);
}

/* --- stack traces through inlined frames --- */

/* The exit that site word (snap, tag) names in code c, if c is the code it was made for and
 * the exit is a call inside an inlined chain entered at f's current pc. */
static const StDeoptExit *site_exit(const StCode *c, const StFrame *f, uint32_t snap,
                                    uint32_t tag) {
  const StDeoptInfo *info = c ? c->deopt_info : NULL;
  if (!info || st_frame_site_tag(c) != tag || snap > info->nexits) return NULL;
  const StDeoptExit *x = &info->exits[snap - 1];
  if (x->nframes < 2) return NULL;
  const StDeoptFrame *outer = &info->frames[x->first_frame];
  if (outer->proto != st_frame_proto(f) || outer->pc != st_frame_pc_offset(f)) return NULL;
  return x;
}

uint32_t st_deopt_inlined_frames(StVM *vm, const StFrame *f, StVMInlinedLevel *out, uint32_t max) {
  uint32_t snap, tag;
  if (!st_frame_site_decode(f, &snap, &tag)) return 0;
  /* Which code the frame runs is not recorded: the word's tag picks it among the function's
   * installed, OSR and retired codes (retired code lives until exit, so none is stale). */
  StProto *p = st_frame_proto(f);
  StProtoTier *pt = p->tier;
  const StDeoptExit *x = NULL;
  const StDeoptInfo *info = NULL;
  if (pt) {
    x = site_exit(pt->code, f, snap, tag);
    if (x) info = pt->code->deopt_info;
    for (size_t i = 0; !x && i < pt->osr.len; i++)
      if ((x = site_exit(pt->osr.data[i], f, snap, tag))) info = pt->osr.data[i]->deopt_info;
  }
  StTierState *ts = st_tier_state(vm);
  for (StCode *c = ts ? ts->dead : NULL; !x && c; c = c->next_dead)
    if (c->proto == p && (x = site_exit(c, f, snap, tag))) info = c->deopt_info;
  if (!x) return 0;
  uint32_t n = 0;
  for (uint32_t k = x->nframes; k-- > 1 && n < max; n++) {
    const StDeoptFrame *df = &info->frames[x->first_frame + k];
    out[n].callee = df->callee;
    out[n].pc = df->pc;
  }
  return n;
}

/* backends/ir_build.c: bytecode plus feedback -> SSA IR (see ir_build.h).
 *
 * The builder walks the bytecode blocks of the function (and of inlined callees) in reverse
 * postorder and translates instruction by instruction. This file holds the builder state, SSA
 * construction, snapshots and the value conversions; ir_build_ops.c translates the opcodes.
 */
#include "backends/ir_build_internal.h"

#include "interp/frame.h"
#include "interp/step.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------ */
/* Emission helpers                                                                           */

StIrRef st_irb_emit(IrB *b, StIrOp op, StIrType type, StIrRef a, StIrRef c2, StIrRef c3) {
  StIrRef r = st_ir_emit(b->f, b->cur, op, type, a, c2, c3);
  st_ir_insn(b->f, r)->bc_pc = b->pc;
  return r;
}

StIrRef st_irb_imm(IrB *b, StIrOp op, StIrType type, StIrRef a, StIrRef c2, int64_t imm) {
  StIrRef r = st_irb_emit(b, op, type, a, c2, 0);
  st_ir_insn(b->f, r)->imm.i = imm;
  return r;
}

/* Emits into block blk just before its terminator (blk must be terminated). */
static StIrRef emit_before_terminator(IrB *b, uint32_t blk, StIrOp op, StIrType type, StIrRef a) {
  StIrRef r = st_ir_emit(b->f, blk, op, type, a, 0, 0);
  StIrBlock *bl = &b->f->blocks.data[blk];
  size_t n = bl->insns.len;
  if (n >= 2) {
    StIrInsn *last = st_ir_insn(b->f, bl->insns.data[n - 2]);
    if (st_ir_op_info[last->op].flags & ST_IRF_TERM) {
      bl->insns.data[n - 1] = bl->insns.data[n - 2];
      bl->insns.data[n - 2] = r;
    }
  }
  st_ir_insn(b->f, r)->bc_pc = UINT32_MAX;
  return r;
}

StIrRef st_irb_const_value(IrB *b, StValue v) {
  StIrRef r = st_ir_const_value(b->f, b->cur, v);
  st_ir_insn(b->f, r)->bc_pc = b->pc;
  return r;
}
StIrRef st_irb_const_i32(IrB *b, int32_t i) { return st_ir_const_i32(b->f, b->cur, i); }
StIrRef st_irb_const_f64(IrB *b, double d) { return st_ir_const_f64(b->f, b->cur, d); }
StIrRef st_irb_const_ptr(IrB *b, const void *p) { return st_ir_const_ptr(b->f, b->cur, p); }
StIrRef st_irb_const_cell(IrB *b, const void *cell) {
  if (cell) st_vec_push(&b->f->cells, (void *)cell);
  return st_ir_const_ptr(b->f, b->cur, cell);
}

/* ------------------------------------------------------------------------------------------ */
/* SSA construction (Braun et al. 2013)                                                       */

static StIrRef *defs_of(IrB *b, uint32_t blk) {
  while (blk >= b->ndefs_blocks) {
    uint32_t n = b->ndefs_blocks ? b->ndefs_blocks * 2 : 64;
    b->defs = st_xrealloc(b->defs, (size_t)n * sizeof(StIrRef *));
    b->sealed = st_xrealloc(b->sealed, n);
    for (uint32_t i = b->ndefs_blocks; i < n; i++) {
      b->defs[i] = NULL;
      b->sealed[i] = 0;
    }
    b->ndefs_blocks = n;
  }
  if (!b->defs[blk]) b->defs[blk] = st_xcalloc(b->nvars, sizeof(StIrRef));
  return b->defs[blk];
}

void st_irb_write(IrB *b, uint32_t var, StIrRef v) {
  defs_of(b, b->cur)[var] = v;
  b->generation++;
}

static void write_var_in(IrB *b, uint32_t blk, uint32_t var, StIrRef v) { defs_of(b, blk)[var] = v; }

static StIrRef read_var_in(IrB *b, uint32_t blk, uint32_t var);

/* Boxes v at the end of predecessor blk, for a phi input. */
static StIrRef boxed_in(IrB *b, uint32_t blk, StIrRef v) {
  StIrInsn *i = st_ir_insn(b->f, v);
  switch ((StIrType)i->type) {
  case ST_IRT_VALUE: return v;
  case ST_IRT_I32: return emit_before_terminator(b, blk, ST_IR_BOX_I32, ST_IRT_VALUE, v);
  case ST_IRT_F64: return emit_before_terminator(b, blk, ST_IR_BOX_F64, ST_IRT_VALUE, v);
  case ST_IRT_BOOL: return emit_before_terminator(b, blk, ST_IR_BOX_BOOL, ST_IRT_VALUE, v);
  default:
    snprintf(b->f->error, sizeof b->f->error, "phi input v%u of type %u cannot be boxed", v, i->type);
    b->failed = ST_ABORT_VERIFY_FAILED;
    return v;
  }
}

static void add_phi_operands(IrB *b, uint32_t blk, uint32_t var, StIrRef phi) {
  StIrBlock *bl = &b->f->blocks.data[blk];
  uint32_t n = (uint32_t)bl->preds.len;
  StIrRef *args = st_arena_alloc(&b->f->arena, (n ? n : 1) * sizeof(StIrRef));
  for (uint32_t k = 0; k < n; k++) {
    uint32_t pred = b->f->blocks.data[blk].preds.data[k];
    args[k] = boxed_in(b, pred, read_var_in(b, pred, var));
  }
  StIrInsn *p = st_ir_insn(b->f, phi);
  p->nargs = n;
  p->args = args;
}

/* Braun et al.'s trivial-phi removal, for the phis made in sealed join blocks: when every input
 * of phi (ignoring itself) is one value x, x is the variable's value and the phi goes. The
 * builder then sees what the value is: a `this` that is the constant undefined on every path
 * must reach inline_call as that constant (sloppy callees get the global object), not as a phi
 * that only folding later reveals, by which time an object-tag guard on it always fails.
 * Kept simple: only a phi nothing refers to yet (filling its inputs may have created phis or
 * boxes that use it, through a loop); references in the blocks' definition caches are
 * redirected to x. */
static StIrRef drop_trivial_phi(IrB *b, uint32_t blk, uint32_t var, StIrRef phi) {
  StIrFunc *f = b->f;
  StIrInsn *pi = st_ir_insn(f, phi);
  StIrRef x = ST_IR_NONE;
  for (uint32_t k = 0; k < pi->nargs; k++) {
    StIrRef a = pi->args[k];
    if (a == phi) continue;
    if (x && a != x) return phi;
    x = a;
  }
  if (!x) return phi;
  for (size_t r = phi + 1; r < f->insns.len; r++) {
    StIrInsn *i = &f->insns.data[r];
    if (i->a == phi || i->b == phi || i->c == phi) return phi;
    for (uint32_t k = 0; k < i->nargs; k++)
      if (i->args && i->args[k] == phi) return phi;
  }
  StIrBlock *bl = &f->blocks.data[blk];
  for (size_t k = 0; k < bl->insns.len; k++)
    if (bl->insns.data[k] == phi) {
      memmove(&bl->insns.data[k], &bl->insns.data[k + 1], (bl->insns.len - k - 1) * sizeof(StIrRef));
      bl->insns.len--;
      break;
    }
  st_ir_insn(f, phi)->flags |= ST_IRI_DEAD;
  for (uint32_t k = 0; k < b->ndefs_blocks; k++)
    if (b->defs[k] && b->defs[k][var] == phi) b->defs[k][var] = x;
  return x;
}

static StIrRef read_var_in(IrB *b, uint32_t blk, uint32_t var) {
  StIrRef v = defs_of(b, blk)[var];
  if (v) return v;
  StIrBlock *bl = &b->f->blocks.data[blk];
  if (!b->sealed[blk]) {
    v = st_ir_phi(b->f, blk, ST_IRT_VALUE, 0);
    st_ir_insn(b->f, v)->bc_pc = UINT32_MAX;
    IrIncomplete inc = {blk, var, v};
    st_vec_push(&b->incomplete, inc);
  } else if (bl->preds.len == 0) {
    v = b->entry_value[var];
    if (!v) {
      /* Registers of inlined frames are always written at the inline entry; reaching here
       * means a register read before any write in the outermost frame: undefined. */
      v = b->undefined_at_entry;
    }
  } else if (bl->preds.len == 1) {
    v = read_var_in(b, bl->preds.data[0], var);
  } else {
    v = st_ir_phi(b->f, blk, ST_IRT_VALUE, (uint32_t)bl->preds.len);
    st_ir_insn(b->f, v)->bc_pc = UINT32_MAX;
    write_var_in(b, blk, var, v); /* breaks cycles through loops */
    add_phi_operands(b, blk, var, v);
    v = drop_trivial_phi(b, blk, var, v);
  }
  write_var_in(b, blk, var, v);
  return v;
}

StIrRef st_irb_read(IrB *b, uint32_t var) { return read_var_in(b, b->cur, var); }

void st_irb_seal(IrB *b, uint32_t blk) {
  defs_of(b, blk);
  if (b->sealed[blk]) return;
  b->sealed[blk] = 1;
  for (size_t i = 0; i < b->incomplete.len; i++) {
    IrIncomplete inc = b->incomplete.data[i];
    if (inc.block != blk) continue;
    add_phi_operands(b, blk, inc.var, inc.phi);
    b->incomplete.data[i] = b->incomplete.data[--b->incomplete.len];
    i--;
  }
}

uint32_t st_irb_new_block(IrB *b) {
  uint32_t blk = st_ir_new_block(b->f);
  defs_of(b, blk);
  return blk;
}

void st_irb_jump(IrB *b, uint32_t to) {
  st_irb_emit(b, ST_IR_JUMP, ST_IRT_VOID, 0, 0, 0);
  st_ir_add_edge(b->f, b->cur, to);
}

void st_irb_branch(IrB *b, StIrRef cond, uint32_t if_true, uint32_t if_false) {
  st_irb_emit(b, ST_IR_BRANCH, ST_IRT_VOID, cond, 0, 0);
  st_ir_add_edge(b->f, b->cur, if_true);
  st_ir_add_edge(b->f, b->cur, if_false);
}

/* ------------------------------------------------------------------------------------------ */
/* Frames (the outermost function and inlined callees)                                        */

/* Variable number of register r of the current frame. */
uint32_t st_irb_var(IrB *b, uint32_t r) { return b->frame->var_base + r; }

/* ------------------------------------------------------------------------------------------ */
/* Snapshots                                                                                  */

/* Whether v is the value register var held when compiled code was entered (so the frame in
 * memory still holds it and the snapshot need not restore it). */
static bool unchanged(IrB *b, uint32_t var, StIrRef v) {
  return b->entry_value[var] && v == b->entry_value[var] && !b->stored[var];
}

/* Adds one frame's entries: the live registers whose value differs from the frame's memory. */
static void snap_frame_entries(IrB *b, IrFrame *fr, uint32_t live_pc, int32_t skip_reg,
                               int32_t set_reg, StIrRef set_val, StIrSnapFrame *sf) {
  StProto *p = fr->proto;
  uint64_t *live = live_pc < p->code_len ? st_bcinfo_live_at(&fr->bi, live_pc) : NULL;
  sf->first = (uint32_t)b->f->snap_entries.len;
  for (uint32_t r = 0; r < p->nregs; r++) {
    bool is_set = (int32_t)r == set_reg;
    if (!is_set && (!live || !st_bcinfo_bit(live, r))) continue;
    if ((int32_t)r == skip_reg) continue;
    uint32_t var = fr->var_base + r;
    StIrRef v = is_set ? set_val : read_var_in(b, b->cur, var);
    if (!is_set && fr->depth == 0 && unchanged(b, var, v)) continue;
    if (fr->depth > 0 && !is_set && v == b->undefined_at_entry) continue; /* fresh frames start undefined */
    StIrSnapEntry e = {(uint16_t)r, v};
    st_vec_push(&b->f->snap_entries, e);
  }
  sf->count = (uint32_t)b->f->snap_entries.len - sf->first;
  free(live);
}

/* A snapshot of the current state. Innermost frame: resumes at resume_pc (re-executing it),
 * or after it when set_reg >= 0 (set_reg then holds set_val). Outer frames resume after their
 * call instruction, with its result register written by the return. */
uint32_t st_irb_snapshot(IrB *b, uint32_t resume_pc, StDeoptReason reason, bool exception,
                         int32_t set_reg, StIrRef set_val) {
  /* Reuse the previous snapshot when nothing changed since. */
  if (set_reg < 0 && b->last_snap && b->last_snap_pc == resume_pc && b->last_snap_gen == b->generation &&
      b->last_snap_block == b->cur && b->last_snap_reason == (int)reason &&
      b->last_snap_exception == exception)
    return b->last_snap;
  StIrSnap s = {(uint32_t)b->f->snap_frames.len, 0, (uint32_t)reason, exception};
  IrFrame *chain[ST_IRB_MAX_FRAMES];
  uint32_t n = 0;
  for (IrFrame *fr = b->frame; fr && n < ST_IRB_MAX_FRAMES; fr = fr->parent) chain[n++] = fr;
  for (uint32_t k = n; k-- > 0;) {
    IrFrame *fr = chain[k];
    StIrSnapFrame sf;
    memset(&sf, 0, sizeof sf);
    sf.proto = fr->proto;
    sf.callee = fr->callee_const;
    sf.this_ref = fr->this_ref;
    sf.callee_ref = fr->callee_ref;
    sf.ret_reg = (uint16_t)fr->ret_reg;
    sf.argc = (uint16_t)fr->argc;
    if (k == 0) {
      sf.pc = resume_pc;
      snap_frame_entries(b, fr, sf.pc, -1, set_reg, set_val, &sf);
    } else {
      /* An outer frame stopped at its call instruction. */
      uint32_t call_pc = chain[k - 1]->call_pc;
      uint32_t next = call_pc + st_bytecode_size(fr->proto->code[call_pc]);
      sf.pc = call_pc;
      snap_frame_entries(b, fr, next, (int32_t)chain[k - 1]->ret_reg, -1, 0, &sf);
    }
    st_vec_push(&b->f->snap_frames, sf);
    s.nframes++;
  }
  st_vec_push(&b->f->snaps, s);
  uint32_t id = (uint32_t)b->f->snaps.len;
  if (set_reg < 0) {
    b->last_snap = id;
    b->last_snap_pc = resume_pc;
    b->last_snap_gen = b->generation;
    b->last_snap_block = b->cur;
    b->last_snap_reason = (int)reason;
    b->last_snap_exception = exception;
  }
  return id;
}

/* The entry snapshot of a loop header (StIrBlock.entry_snap), for guards that licm hoists out
 * of the loop: it resumes the interpreter at the header's first instruction with every live
 * register as it is on entry to the loop, that is as read at the end of the header's single
 * forward predecessor (the values its phis take on that edge). Called when the walk reaches
 * a block some of whose predecessors are still untranslated (a loop header: in reverse
 * postorder only back-edges come later) and only when exactly one predecessor is known, so
 * the snapshot's values dominate that predecessor and any preheader licm splits off its
 * edge. Reading there may create phis in unsealed outer loop headers, as any read would. */
void st_irb_loop_entry_snapshot(IrB *b, uint32_t header) {
  StIrBlock *hb = &b->f->blocks.data[header];
  if (hb->preds.len != 1 || hb->bc_start == UINT32_MAX) return;
  uint32_t cur = b->cur, pc = b->pc;
  b->cur = hb->preds.data[0];
  b->last_snap = 0;
  uint32_t snap = st_irb_snapshot(b, hb->bc_start, ST_DEOPT_NONE, false, -1, 0);
  b->last_snap = 0; /* taken out of the walk's order: never reuse it */
  b->cur = cur;
  b->pc = pc;
  b->f->blocks.data[header].entry_snap = snap;
}

/* A guard at the current instruction, resuming there when it fails. */
StIrRef st_irb_guard(IrB *b, StIrOp op, StIrRef a, StIrRef c2, int64_t imm, StDeoptReason reason) {
  uint32_t snap = st_irb_snapshot(b, b->pc, reason, false, -1, 0);
  if (b->opts->deopt_every) {
    /* --deopt-every=N: every Nth guard check fails (the helper counts). */
    StIrRef fire = st_irb_call(b, ST_HELPER_DEOPT_EVERY, ST_IRT_I32, 0, 2, b->vmptr,
                               st_irb_const_ptr(b, b->opts->code));
    StIrRef cond = st_irb_imm(b, ST_IR_CMP_I32, ST_IRT_BOOL, fire, st_irb_const_i32(b, 0), ST_IRC_NE);
    StIrRef g = st_irb_emit(b, ST_IR_GUARD_FALSE, ST_IRT_VOID, cond, 0, 0);
    st_ir_insn(b->f, g)->snap = st_irb_snapshot(b, b->pc, ST_DEOPT_FORCED, false, -1, 0);
  }
  StIrRef g = st_irb_emit(b, op, ST_IRT_VOID, a, c2, 0);
  StIrInsn *gi = st_ir_insn(b->f, g);
  gi->imm.i = imm;
  gi->snap = snap;
  return g;
}

/* A runtime call. nargs IR values follow. When `throws`, the call carries an exception
 * snapshot at the current instruction. */
StIrRef st_irb_call(IrB *b, StIrHelper h, StIrType type, bool throws, uint32_t nargs, ...) {
  StIrRef args[8];
  va_list ap;
  va_start(ap, nargs);
  for (uint32_t i = 0; i < nargs && i < 8; i++) args[i] = va_arg(ap, StIrRef);
  va_end(ap);
  uint32_t snap = throws ? st_irb_snapshot(b, b->pc, ST_DEOPT_EXCEPTION, true, -1, 0) : 0;
  if (throws) {
    /* The frame's pc names the current instruction while the runtime runs: error positions,
     * stack traces and `arguments.callee.caller`-style walks read it. Inside inlined code the
     * physical frame is the outermost one, which is at the call that entered the inlined
     * chain (the inlined levels themselves have no frame to show). */
    IrFrame *fr = b->frame;
    uint32_t pc = b->pc;
    for (; fr->parent; fr = fr->parent) pc = fr->call_pc;
    StIrRef pcv = st_irb_const_ptr(b, fr->proto->code + pc);
    StIrRef st = st_irb_emit(b, ST_IR_STORE, ST_IRT_VOID, b->frameptr, pcv, 0);
    st_ir_insn(b->f, st)->imm.i = (int64_t)offsetof(StFrame, pc);
    if (b->frame->parent && b->opts->code && snap <= ST_FRAME_SITE_MAX_SNAP) {
      /* Which snapshot describes the inlined levels too (stack traces list them: the site
       * word of interp/frame.h). One store, on calls from inlined code only. */
      StValue word = st_frame_site_encode(b->opts->code, snap);
      StIrRef w = st_irb_const_ptr(b, (const void *)(uintptr_t)word);
      StIrRef sw = st_irb_emit(b, ST_IR_STORE, ST_IRT_VOID, b->frameptr, w, 0);
      st_ir_insn(b->f, sw)->imm.i = (int64_t)offsetof(StFrame, aux);
    }
  }
  StIrRef r = st_irb_emit(b, throws ? ST_IR_CALL : ST_IR_CALL, type, 0, 0, 0);
  StIrInsn *i = st_ir_insn(b->f, r);
  i->imm.i = h;
  i->snap = snap;
  st_ir_set_args(b->f, r, nargs, args);
  if (!throws) {
    /* Calls without a snapshot must not throw: mark it as an effect only. */
    i->snap = 0;
  }
  return r;
}

/* Inlined frames have no registers in memory, so a call they make cannot pass its arguments
 * in its own registers as the interpreter's CALL does. Its window goes to the top n registers
 * of the outermost frame instead: that frame is pushed (its size checked against the VM
 * stack's limit) and lies below vm->stack_top, so the callee's frame is pushed past it, and
 * the GC sees the arguments. Those registers' memory is scratch for compiled code (their values
 * live in SSA), as with the outermost frame's own call windows, except that a snapshot trusts
 * the slot of a register still holding its entry value: they are marked stored, and snapshots
 * built before the marking are patched once translation is done (patch_late_stored). */
uint32_t st_irb_window(IrB *b, uint32_t n) {
  IrFrame *top = b->frame;
  while (top->parent) top = top->parent;
  uint32_t nregs = top->proto->nregs;
  ST_ASSERT(n <= nregs, "inlined call window of %u registers in a frame of %u (inline_refusal checks)",
            n, nregs);
  uint32_t w = nregs - n;
  for (uint32_t r = w; r < nregs; r++) {
    if (b->stored[r]) continue;
    b->stored[r] = 1;
    b->late_stored[r] = 1;
    b->any_late_stored = true;
  }
  return w;
}

/* After a call that may run JS: if the code was invalidated meanwhile, leave to the
 * interpreter after the current instruction (with its result in dst, when it has one: the
 * instruction has completed, so it must not run again). */
void st_irb_lazy_deopt_check(IrB *b, int32_t dst_reg, StIrRef result) {
  if (!b->opts->code) return;
  uint32_t next = b->pc + st_bytecode_size(b->frame->proto->code[b->pc]);
  StIrRef code = st_irb_const_ptr(b, b->opts->code);
  StIrRef flag = st_irb_imm(b, ST_IR_LOAD, ST_IRT_I32, code, 0, b->opts->code_invalid_offset);
  StIrRef byte = st_irb_emit(b, ST_IR_AND_I32, ST_IRT_I32, flag, st_irb_const_i32(b, 0xFF), 0);
  StIrRef is_invalid = st_irb_imm(b, ST_IR_CMP_I32, ST_IRT_BOOL, byte, st_irb_const_i32(b, 0), ST_IRC_NE);
  StIrRef g = st_irb_emit(b, ST_IR_GUARD_FALSE, ST_IRT_VOID, is_invalid, 0, 0);
  st_ir_insn(b->f, g)->snap = st_irb_snapshot(b, next, ST_DEOPT_INVALIDATED, false, dst_reg, result);
}

/* ------------------------------------------------------------------------------------------ */
/* Value conversions                                                                          */

StIrType st_irb_type(IrB *b, StIrRef v) { return (StIrType)st_ir_insn(b->f, v)->type; }

StIrRef st_irb_as_value(IrB *b, StIrRef v) {
  StIrInsn *i = st_ir_insn(b->f, v);
  switch ((StIrType)i->type) {
  case ST_IRT_VALUE: return v;
  case ST_IRT_I32:
    if (i->op == ST_IR_CONST_I32) return st_irb_const_value(b, ST_TAG_BITS(ST_TAG_INT) | (uint32_t)(int32_t)i->imm.i);
    return st_irb_emit(b, ST_IR_BOX_I32, ST_IRT_VALUE, v, 0, 0);
  case ST_IRT_F64: return st_irb_emit(b, ST_IR_BOX_F64, ST_IRT_VALUE, v, 0, 0);
  case ST_IRT_BOOL: return st_irb_emit(b, ST_IR_BOX_BOOL, ST_IRT_VALUE, v, 0, 0);
  default: return v;
  }
}

/* The value as an int32, guarding that it is one (reason names the speculation). */
StIrRef st_irb_as_i32(IrB *b, StIrRef v) {
  StIrInsn *i = st_ir_insn(b->f, v);
  if (i->type == ST_IRT_I32) return v;
  if (i->type == ST_IRT_VALUE) {
    if (i->op == ST_IR_CONST_VALUE && (i->imm.v >> ST_TAG_SHIFT) == ST_TAG_INT)
      return st_irb_const_i32(b, (int32_t)(uint32_t)i->imm.v);
    if (i->op == ST_IR_BOX_I32) return i->a;
    st_irb_guard(b, ST_IR_GUARD_INT32, v, 0, 0, ST_DEOPT_NOT_INT32);
    return st_irb_emit(b, ST_IR_UNBOX_I32, ST_IRT_I32, v, 0, 0);
  }
  if (i->type == ST_IRT_F64) {
    /* A double that must be an int32 here: convert exactly or leave. */
    StIrRef t = st_irb_emit(b, ST_IR_F64_TO_I32, ST_IRT_I32, v, 0, 0);
    StIrRef back = st_irb_emit(b, ST_IR_I32_TO_F64, ST_IRT_F64, t, 0, 0);
    StIrRef same = st_irb_imm(b, ST_IR_CMP_F64, ST_IRT_BOOL, back, v, ST_IRC_EQ);
    st_irb_guard(b, ST_IR_GUARD_TRUE, same, 0, 0, ST_DEOPT_NOT_INT32);
    return t;
  }
  st_irb_guard(b, ST_IR_DEOPT, 0, 0, 0, ST_DEOPT_WRONG_TYPE);
  return st_irb_const_i32(b, 0);
}

StIrRef st_irb_as_f64(IrB *b, StIrRef v) {
  StIrInsn *i = st_ir_insn(b->f, v);
  if (i->type == ST_IRT_F64) return v;
  if (i->type == ST_IRT_I32) {
    if (i->op == ST_IR_CONST_I32) return st_irb_const_f64(b, (double)(int32_t)i->imm.i);
    return st_irb_emit(b, ST_IR_I32_TO_F64, ST_IRT_F64, v, 0, 0);
  }
  if (i->type == ST_IRT_VALUE) {
    if (i->op == ST_IR_CONST_VALUE) {
      StValue c = i->imm.v;
      if ((c >> ST_TAG_SHIFT) == ST_TAG_INT) return st_irb_const_f64(b, (double)(int32_t)(uint32_t)c);
      if (c < ST_FIRST_NONDOUBLE) {
        double d;
        memcpy(&d, &c, sizeof d);
        return st_irb_const_f64(b, d);
      }
    }
    if (i->op == ST_IR_BOX_F64) return i->a;
    if (i->op == ST_IR_BOX_I32) return st_irb_emit(b, ST_IR_I32_TO_F64, ST_IRT_F64, i->a, 0, 0);
    st_irb_guard(b, ST_IR_GUARD_NUMBER, v, 0, 0, ST_DEOPT_NOT_NUMBER);
    return st_irb_emit(b, ST_IR_UNBOX_F64, ST_IRT_F64, v, 0, 0);
  }
  st_irb_guard(b, ST_IR_DEOPT, 0, 0, 0, ST_DEOPT_WRONG_TYPE);
  return st_irb_const_f64(b, 0);
}

/* A raw pointer to the object v, guarding that v is an object. */
StIrRef st_irb_as_object_ptr(IrB *b, StIrRef v) {
  StIrInsn *i = st_ir_insn(b->f, v);
  if (i->op == ST_IR_PTR_TO_VALUE && i->imm.i == ST_TAG_OBJECT) return i->a;
  st_irb_guard(b, ST_IR_GUARD_TAG, v, 0, ST_TAG_OBJECT, ST_DEOPT_WRONG_TYPE);
  return st_irb_emit(b, ST_IR_VALUE_TO_PTR, ST_IRT_PTR, v, 0, 0);
}

StIrRef st_irb_truthy(IrB *b, StIrRef v) {
  StIrInsn *i = st_ir_insn(b->f, v);
  switch ((StIrType)i->type) {
  case ST_IRT_BOOL: return v;
  case ST_IRT_I32: return st_irb_imm(b, ST_IR_CMP_I32, ST_IRT_BOOL, v, st_irb_const_i32(b, 0), ST_IRC_NE);
  case ST_IRT_F64:
    /* 0, -0 and NaN are false: TRUTHY on the boxed double, which the backends inline. */
    return st_irb_emit(b, ST_IR_TRUTHY, ST_IRT_BOOL, st_irb_as_value(b, v), 0, 0);
  default: return st_irb_emit(b, ST_IR_TRUTHY, ST_IRT_BOOL, v, 0, 0);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Driver                                                                                     */

/* Marks the registers compiled code may store into the frame (call windows, operands of
 * out-of-line steps), before translation: a snapshot taken anywhere, loops included, must then
 * restore them explicitly rather than trust the frame slot. Conservative: every register
 * operand of every instruction that calls out. */
static void mark_stored(IrB *b, StProto *p) {
  for (uint32_t pc = 0; pc < p->code_len; pc += st_bytecode_size(p->code[pc])) {
    uint16_t op = p->code[pc];
    if (!(st_bytecode_info[op].flags & ST_BC_CALL) && !st_interp_step_supports(op)) continue;
    StBcRegs o;
    st_bcinfo_regs(&p->code[pc], &o);
    for (uint32_t i = 0; i < o.nreads; i++) b->stored[o.reads[i]] = 1;
    for (uint32_t i = 0; i < o.nwrites; i++) b->stored[o.writes[i]] = 1;
    for (uint32_t i = 0; i < o.read_range_len; i++) b->stored[o.read_range_start + i] = 1;
    if (op == ST_OP_ARGUMENTS || op == ST_OP_REST)
      for (uint32_t r = 1; r <= p->nparams && r < p->nregs; r++) b->stored[r] = 1;
  }
}

/* Registers marked stored by st_irb_window after snapshots were taken: a snapshot of the
 * outermost frame omits a register whose value is still its entry value, trusting the slot,
 * which the code now overwrites. Every snapshot's outermost frame gets an entry restoring the
 * entry value of each such register it has no entry for: exact where the register held its
 * entry value, harmless where it is dead. Entry values are defined in the entry block, so they
 * dominate every guard. */
static void patch_late_stored(IrB *b, uint32_t nregs) {
  if (!b->any_late_stored) return;
  StIrFunc *f = b->f;
  uint8_t *outermost = st_xcalloc(f->snap_frames.len ? f->snap_frames.len : 1, 1);
  for (size_t i = 0; i < f->snaps.len; i++)
    if (f->snaps.data[i].nframes) outermost[f->snaps.data[i].first_frame] = 1;
  uint8_t *has = st_xmalloc(nregs ? nregs : 1);
  StVec(StIrSnapEntry) out = {0};
  for (size_t i = 0; i < f->snap_frames.len; i++) {
    StIrSnapFrame *sf = &f->snap_frames.data[i];
    uint32_t first = (uint32_t)out.len;
    memset(has, 0, nregs ? nregs : 1);
    for (uint32_t e = 0; e < sf->count; e++) {
      StIrSnapEntry en = f->snap_entries.data[sf->first + e];
      if (en.reg < nregs) has[en.reg] = 1;
      st_vec_push(&out, en);
    }
    if (outermost[i]) {
      for (uint32_t r = 0; r < nregs; r++) {
        if (!b->late_stored[r] || has[r]) continue;
        StIrSnapEntry en = {(uint16_t)r, b->entry_value[r]};
        st_vec_push(&out, en);
      }
    }
    sf->first = first;
    sf->count = (uint32_t)out.len - first;
  }
  st_vec_free(&f->snap_entries);
  f->snap_entries.data = out.data;
  f->snap_entries.len = out.len;
  f->snap_entries.cap = out.cap;
  free(has);
  free(outermost);
}

static StIrRef entry_param(IrB *b, uint32_t r) {
  StIrRef v = st_ir_emit(b->f, 0, ST_IR_PARAM, ST_IRT_VALUE, 0, 0, 0);
  st_ir_insn(b->f, v)->imm.i = r;
  st_ir_insn(b->f, v)->bc_pc = UINT32_MAX;
  return v;
}

StAbort st_ir_build(StVM *vm, StProto *p, const StIrBuildOptions *opts, StIrFunc *f, char *why,
                    size_t whylen) {
  IrB b;
  memset(&b, 0, sizeof b);
  b.vm = vm;
  b.f = f;
  b.opts = opts;
  b.why = why;
  b.whylen = whylen;
  if (why && whylen) why[0] = 0;
  f->proto = p;
  f->code = opts->code;
  f->osr_pc = opts->osr_pc;
  f->name = opts->name;
  f->proto_epoch = vm->proto_epoch;
  if (p->flags & ST_PROTO_ASYNC) return ST_ABORT_ASYNC;
  b.nvars = p->nregs + (opts->max_inline_depth ? ST_IRB_INLINE_VARS : 0);
  b.entry_value = st_xcalloc(b.nvars, sizeof(StIrRef));
  b.stored = st_xcalloc(b.nvars, 1);
  b.late_stored = st_xcalloc(p->nregs ? p->nregs : 1, 1);
  IrFrame *top = st_xcalloc(1, sizeof(IrFrame));
  if (!st_bcinfo_build(&top->bi, p)) {
    free(top);
    free(b.late_stored);
    free(b.stored);
    free(b.entry_value);
    return ST_ABORT_UNSUPPORTED_OP;
  }
  top->proto = p;
  top->fb = st_feedback_get(vm, p);
  top->var_base = 0;
  top->ret_reg = 0;
  b.frame = top;
  b.next_var = p->nregs;
  mark_stored(&b, p);

  /* Entry block: the VM and frame pointers, the entry values of registers. */
  uint32_t entry = st_irb_new_block(&b);
  b.cur = entry;
  b.pc = UINT32_MAX;
  b.vmptr = st_ir_emit(f, entry, ST_IR_VMPTR, ST_IRT_PTR, 0, 0, 0);
  b.frameptr = st_ir_emit(f, entry, ST_IR_FRAME, ST_IRT_PTR, 0, 0, 0);
  b.undefined_at_entry = st_ir_const_value(f, entry, ST_UNDEFINED);
  uint32_t nparams_regs = opts->osr_pc != UINT32_MAX ? p->nregs : 1u + p->nparams;
  if (nparams_regs > p->nregs) nparams_regs = p->nregs;
  for (uint32_t r = 0; r < nparams_regs; r++) b.entry_value[r] = entry_param(&b, r);
  for (uint32_t r = nparams_regs; r < p->nregs; r++) b.entry_value[r] = b.undefined_at_entry;
  for (uint32_t r = 0; r < p->nregs; r++) write_var_in(&b, entry, r, b.entry_value[r]);
  st_irb_seal(&b, entry);

  StAbort a = st_irb_translate_frame(&b, top, entry, opts->osr_pc);
  if (a == ST_ABORT_NONE && b.failed) a = (StAbort)b.failed;
  if (a == ST_ABORT_NONE) {
    /* Seal anything left (unreachable join points). */
    for (uint32_t blk = 0; blk < f->blocks.len; blk++) st_irb_seal(&b, blk);
    patch_late_stored(&b, p->nregs);
    if (opts->max_insns && f->insns.len > opts->max_insns) a = ST_ABORT_TOO_LARGE;
  }
  for (uint32_t i = 0; i < b.ndefs_blocks; i++) free(b.defs[i]);
  free(b.defs);
  free(b.sealed);
  st_vec_free(&b.incomplete);
  free(b.entry_value);
  free(b.stored);
  free(b.late_stored);
  st_irb_free_frame(top);
  return a;
}

void st_irb_free_frame(IrFrame *fr) {
  st_bcinfo_free(&fr->bi);
  free(fr->block_map);
  free(fr);
}

void st_irb_abort_detail(IrB *b, const char *fmt, ...) {
  if (!b->why || !b->whylen || b->why[0]) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(b->why, b->whylen, fmt, ap);
  va_end(ap);
}

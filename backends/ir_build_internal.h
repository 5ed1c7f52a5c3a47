/* backends/ir_build_internal.h: the IR builder's state, shared by ir_build.c (SSA, snapshots,
 * conversions) and ir_build_ops.c (opcode translation). Private to backends/. */
#ifndef ST_BACKENDS_IR_BUILD_INTERNAL_H
#define ST_BACKENDS_IR_BUILD_INTERNAL_H

#include "backends/bcinfo.h"
#include "backends/helpers.h"
#include "backends/ir_build.h"
#include "interp/feedback.h"
#include "objects/object.h"

#include <stdarg.h>

#define ST_IRB_MAX_FRAMES 8
#define ST_IRB_INLINE_VARS 4096 /* variables reserved for inlined frames' registers */

/* One function being translated: the outermost one, or an inlined callee. */
typedef struct IrFrame {
  StProto *proto;
  StFeedbackVector *fb;
  StBcInfo bi;
  uint32_t var_base;      /* its register r is SSA variable var_base + r */
  uint32_t depth;         /* 0 outermost */
  struct IrFrame *parent;
  uint32_t call_pc;       /* in the parent: the call instruction */
  uint32_t ret_reg;       /* in the parent: the call's destination register */
  uint32_t argc;
  void *callee_const;     /* inlined: the StFunction (a constant) */
  StIrRef this_ref, callee_ref;
  uint32_t *block_map;    /* bytecode block -> IR block (UINT32_MAX: not translated) */
  uint32_t exit_block;    /* inlined: where its returns go */
  void *ctx_const;        /* inlined: the callee closure's context (StContext *), which an
                             inlined frame never replaces (callees that push contexts are not
                             inlined) */
} IrFrame;

typedef struct IrIncomplete {
  uint32_t block, var;
  StIrRef phi;
} IrIncomplete;

typedef struct IrB {
  StVM *vm;
  StIrFunc *f;
  const StIrBuildOptions *opts;
  IrFrame *frame;         /* innermost frame being translated */
  uint32_t cur;           /* current IR block */
  uint32_t pc;            /* current bytecode offset (in frame->proto) */
  bool terminated;        /* the current block has its terminator */
  bool spec;              /* speculate on this instruction's feedback */
  uint32_t nvars, next_var;
  StIrRef *entry_value;   /* per variable: its value on entry (outermost frame) */
  uint8_t *stored;        /* per variable: compiled code stored into its frame slot somewhere
                             (call windows, out-of-line steps), so the slot no longer
                             necessarily holds the entry value */
  uint8_t *late_stored;   /* per outermost register: marked stored during translation (an
                             inlined frame's call window, st_irb_window), after snapshots may
                             have trusted its slot; the driver patches those snapshots */
  bool any_late_stored;
  StIrRef undefined_at_entry;
  StIrRef vmptr, frameptr;
  StIrRef **defs;         /* per IR block: per variable: current definition */
  uint8_t *sealed;
  uint32_t ndefs_blocks;
  StVec(IrIncomplete) incomplete;
  uint64_t generation;    /* bumped by every variable write (snapshot reuse) */
  uint32_t last_snap, last_snap_pc, last_snap_block;
  uint64_t last_snap_gen;
  int last_snap_reason;
  bool last_snap_exception;
  int failed;             /* StAbort of an internal failure */
  char *why;
  size_t whylen;
} IrB;

/* ir_build.c */
StIrRef st_irb_emit(IrB *b, StIrOp op, StIrType type, StIrRef a, StIrRef c2, StIrRef c3);
StIrRef st_irb_imm(IrB *b, StIrOp op, StIrType type, StIrRef a, StIrRef c2, int64_t imm);
StIrRef st_irb_const_value(IrB *b, StValue v);
StIrRef st_irb_const_i32(IrB *b, int32_t i);
StIrRef st_irb_const_f64(IrB *b, double d);
StIrRef st_irb_const_ptr(IrB *b, const void *p);
/* A pointer to a heap cell (shape, object, context) the code must keep alive. */
StIrRef st_irb_const_cell(IrB *b, const void *cell);
void st_irb_write(IrB *b, uint32_t var, StIrRef v);
StIrRef st_irb_read(IrB *b, uint32_t var);
void st_irb_seal(IrB *b, uint32_t blk);
uint32_t st_irb_new_block(IrB *b);
void st_irb_jump(IrB *b, uint32_t to);
void st_irb_branch(IrB *b, StIrRef cond, uint32_t if_true, uint32_t if_false);
uint32_t st_irb_var(IrB *b, uint32_t r);
uint32_t st_irb_snapshot(IrB *b, uint32_t resume_pc, StDeoptReason reason, bool exception,
                         int32_t set_reg, StIrRef set_val);
StIrRef st_irb_guard(IrB *b, StIrOp op, StIrRef a, StIrRef c2, int64_t imm, StDeoptReason reason);
/* Records the entry snapshot of loop header `header` (see ir_build.c). */
void st_irb_loop_entry_snapshot(IrB *b, uint32_t header);
StIrRef st_irb_call(IrB *b, StIrHelper h, StIrType type, bool throws, uint32_t nargs, ...);
/* The first register, in the outermost (physical) frame, of the n-register window through which
 * a call made by an inlined frame passes `this` (or new.target) and its arguments. */
uint32_t st_irb_window(IrB *b, uint32_t n);
/* An arithmetic op that exits through a snapshot at the current instruction (the _OV ops). */
StIrRef st_irb_guard_op(IrB *b, StIrOp op, StIrRef x, StIrRef y, StDeoptReason reason);
void st_irb_lazy_deopt_check(IrB *b, int32_t dst_reg, StIrRef result);
StIrType st_irb_type(IrB *b, StIrRef v);
StIrRef st_irb_as_value(IrB *b, StIrRef v);
StIrRef st_irb_as_i32(IrB *b, StIrRef v);
StIrRef st_irb_as_f64(IrB *b, StIrRef v);
StIrRef st_irb_as_object_ptr(IrB *b, StIrRef v);
StIrRef st_irb_truthy(IrB *b, StIrRef v);
void st_irb_free_frame(IrFrame *fr);
void st_irb_abort_detail(IrB *b, const char *fmt, ...) ST_PRINTF(2, 3);

/* ir_build_ops.c: translates frame fr's bytecode, starting from IR block `from` (which jumps
 * to the frame's first block, or to the OSR loop header when osr_pc is set). */
StAbort st_irb_translate_frame(IrB *b, IrFrame *fr, uint32_t from, uint32_t osr_pc);

#endif

/* backends/ir.h: Strata's shared SSA IR, the contract between the IR builder (bytecode plus
 * feedback -> IR), the passes, and the backends (LLVM, libgccjit).
 *
 * Shape: a function is a CFG of blocks; each block is a list of instructions; instructions are
 * values in SSA form referenced by index (StIrRef; 0 is "none"). Block 0 is the entry. Phis
 * come first in their block and have one input per predecessor, in predecessor order.
 *
 * Types: VALUE (a boxed StValue, the interpreter's encoding), I32, F64, BOOL, PTR (a raw
 * pointer or integer the width of one), VOID. Representation selection decides where numbers
 * stay unboxed (I32/F64) across phis; boxing and unboxing are explicit instructions.
 *
 * Speculation: a guard checks an assumption and, when it fails, leaves the compiled code
 * through its snapshot (backends/snap.h): the bytecode position to resume at and where each
 * interpreter register of each (inlined) frame lives. A guard without a snapshot is a verifier
 * error. Instructions that call into the runtime and may throw also carry a snapshot: an
 * exception leaves through it to the interpreter, which unwinds (handlers included).
 *
 * Invariants (checked by backends/ir_verify.c after every pass in assert builds):
 *  - every operand is defined in a block that dominates the use (phi inputs: dominates the
 *    end of the corresponding predecessor);
 *  - operand types match the op table;
 *  - each block ends with exactly one terminator; no instruction follows it;
 *  - every guard and every throwing call names a valid snapshot, whose entries reference
 *    values that dominate the guard.
 */
#ifndef ST_BACKENDS_IR_H
#define ST_BACKENDS_IR_H

#include "support/arena.h"
#include "support/nanbox.h"
#include "support/vec.h"

#include <stdio.h>

typedef uint32_t StIrRef;
#define ST_IR_NONE 0u

typedef enum StIrType {
  ST_IRT_VOID,
  ST_IRT_VALUE,
  ST_IRT_I32,
  ST_IRT_F64,
  ST_IRT_BOOL,
  ST_IRT_PTR,
} StIrType;

/* Operand signature letters in the op table: v VALUE, i I32, d F64, b BOOL, p PTR, * any. */

/* Op flags. */
enum {
  ST_IRF_GUARD = 1 << 0,   /* may leave through its snapshot */
  ST_IRF_EFFECT = 1 << 1,  /* writes memory or calls: never removed, never reordered */
  ST_IRF_LOAD = 1 << 2,    /* reads memory: not moved across effects */
  ST_IRF_TERM = 1 << 3,    /* block terminator */
  ST_IRF_PURE = 1 << 4,    /* no effects, result depends only on operands (GVN-able) */
  ST_IRF_THROWS = 1 << 5,  /* may throw: carries a snapshot */
};

/* X(NAME, result type, "operand signature", flags)
 * imm (the instruction's immediate) meaning is given in the comment. */
#define ST_IR_OPS(X) \
  /* constants (imm: the constant) */ \
  X(CONST_VALUE, VALUE, "", ST_IRF_PURE) \
  X(CONST_I32, I32, "", ST_IRF_PURE) \
  X(CONST_F64, F64, "", ST_IRF_PURE) \
  X(CONST_BOOL, BOOL, "", ST_IRF_PURE) \
  X(CONST_PTR, PTR, "", ST_IRF_PURE) \
  /* entry values: the frame pointer, VM pointer, a frame register at entry (imm: reg) */ \
  X(FRAME, PTR, "", ST_IRF_PURE) \
  X(VMPTR, PTR, "", ST_IRF_PURE) \
  X(PARAM, VALUE, "", ST_IRF_LOAD) \
  X(PHI, VOID, "", 0) /* type set per instance; inputs in args */ \
  /* boxing */ \
  X(BOX_I32, VALUE, "i", ST_IRF_PURE) \
  X(BOX_F64, VALUE, "d", ST_IRF_PURE) \
  X(BOX_BOOL, VALUE, "b", ST_IRF_PURE) \
  X(UNBOX_I32, I32, "v", ST_IRF_PURE)  /* precondition: value is an int32 */ \
  X(UNBOX_F64, F64, "v", ST_IRF_PURE)  /* precondition: value is a number (int32 or double) */ \
  X(I32_TO_F64, F64, "i", ST_IRF_PURE) \
  X(F64_TO_I32, I32, "d", ST_IRF_PURE) /* ToInt32 */ \
  X(U32_TO_F64, F64, "i", ST_IRF_PURE) /* the i32's bits read as uint32 */ \
  X(PTR_TO_VALUE, VALUE, "p", ST_IRF_PURE) /* imm: tag */ \
  X(VALUE_TO_PTR, PTR, "v", ST_IRF_PURE) /* payload of a pointer value */ \
  /* type tests (no exits) */ \
  X(IS_INT32, BOOL, "v", ST_IRF_PURE) \
  X(IS_NUMBER, BOOL, "v", ST_IRF_PURE) \
  X(IS_TAG, BOOL, "v", ST_IRF_PURE) /* imm: tag (string, object ...) */ \
  X(TRUTHY, BOOL, "v", ST_IRF_PURE) \
  /* guards (exit through the snapshot when the condition does not hold) */ \
  X(GUARD_INT32, VOID, "v", ST_IRF_GUARD) \
  X(GUARD_NUMBER, VOID, "v", ST_IRF_GUARD) \
  X(GUARD_TAG, VOID, "v", ST_IRF_GUARD) /* imm: tag */ \
  X(GUARD_TRUE, VOID, "b", ST_IRF_GUARD) \
  X(GUARD_FALSE, VOID, "b", ST_IRF_GUARD) \
  X(GUARD_EQ_PTR, VOID, "pp", ST_IRF_GUARD) \
  X(GUARD_EQ_VALUE, VOID, "v", ST_IRF_GUARD) /* imm: expected value (call targets) */ \
  X(GUARD_SHAPE, VOID, "p", ST_IRF_GUARD | ST_IRF_LOAD) /* object ptr; imm: StShape * */ \
  X(GUARD_BOUNDS, VOID, "ii", ST_IRF_GUARD) /* 0 <= a < b (unsigned) */ \
  X(GUARD_NOT_HOLE, VOID, "v", ST_IRF_GUARD) \
  X(GUARD_FLAGS, VOID, "p", ST_IRF_GUARD | ST_IRF_LOAD) /* (hdr.flags & imm.u[0]) == imm.u[1] */ \
  X(GUARD_EPOCH, VOID, "", ST_IRF_GUARD | ST_IRF_LOAD) /* vm->proto_epoch == imm */ \
  X(DEOPT, VOID, "", ST_IRF_GUARD | ST_IRF_TERM) /* unconditional exit */ \
  /* int32 arithmetic (_OV: exit on overflow; MUL_OV also on a -0 result) */ \
  X(ADD_I32_OV, I32, "ii", ST_IRF_GUARD) \
  X(SUB_I32_OV, I32, "ii", ST_IRF_GUARD) \
  X(MUL_I32_OV, I32, "ii", ST_IRF_GUARD) \
  X(NEG_I32_OV, I32, "i", ST_IRF_GUARD) \
  X(DIV_I32_EXACT, I32, "ii", ST_IRF_GUARD) /* exits unless the quotient is an int32 */ \
  X(MOD_I32, I32, "ii", ST_IRF_GUARD) /* exits on a zero divisor or a -0 result */ \
  X(ADD_I32, I32, "ii", ST_IRF_PURE) /* wrapping */ \
  X(SUB_I32, I32, "ii", ST_IRF_PURE) \
  X(AND_I32, I32, "ii", ST_IRF_PURE) \
  X(OR_I32, I32, "ii", ST_IRF_PURE) \
  X(XOR_I32, I32, "ii", ST_IRF_PURE) \
  X(SHL_I32, I32, "ii", ST_IRF_PURE) \
  X(SAR_I32, I32, "ii", ST_IRF_PURE) \
  X(SHR_I32, I32, "ii", ST_IRF_PURE) /* logical; the result is a uint32 bit pattern */ \
  X(NOT_I32, I32, "i", ST_IRF_PURE) \
  X(CMP_I32, BOOL, "ii", ST_IRF_PURE) /* imm: StIrCond */ \
  /* float64 arithmetic */ \
  X(ADD_F64, F64, "dd", ST_IRF_PURE) \
  X(SUB_F64, F64, "dd", ST_IRF_PURE) \
  X(MUL_F64, F64, "dd", ST_IRF_PURE) \
  X(DIV_F64, F64, "dd", ST_IRF_PURE) \
  X(MOD_F64, F64, "dd", ST_IRF_PURE) \
  X(POW_F64, F64, "dd", ST_IRF_PURE) \
  X(NEG_F64, F64, "d", ST_IRF_PURE) \
  X(MATH_F64, F64, "d", ST_IRF_PURE) /* imm: StIrMath (sqrt floor ceil abs ...) */ \
  X(CMP_F64, BOOL, "dd", ST_IRF_PURE) /* imm: StIrCond (false for NaN except NE) */ \
  X(NOT_BOOL, BOOL, "b", ST_IRF_PURE) \
  X(EQ_VALUE, BOOL, "vv", ST_IRF_PURE) /* identical bits */ \
  X(EQ_PTR, BOOL, "pp", ST_IRF_PURE) \
  /* memory: base pointer + imm byte offset (LOADX/STOREX: + index * 8) */ \
  X(LOAD, VOID, "p", ST_IRF_LOAD) /* type per instance */ \
  X(LOADX, VOID, "pi", ST_IRF_LOAD) \
  X(STORE, VOID, "p*", ST_IRF_EFFECT) \
  X(STOREX, VOID, "pi*", ST_IRF_EFFECT) \
  /* calls into the runtime (imm: StIrHelper id; operands in args) */ \
  /* CALL: type per instance; snap 0 means the helper cannot throw (no exception check) */ \
  X(CALL, VOID, "", ST_IRF_EFFECT | ST_IRF_THROWS) \
  X(CALL_PURE, VOID, "", ST_IRF_PURE) /* helpers without effects (Math.sin ...) */ \
  /* control */ \
  X(JUMP, VOID, "", ST_IRF_TERM) /* succ 0 */ \
  X(BRANCH, VOID, "b", ST_IRF_TERM) /* succ 0 if true, succ 1 if false */ \
  X(RETURN, VOID, "v", ST_IRF_TERM) \
  X(UNREACHABLE, VOID, "", ST_IRF_TERM) \
  X(NOP, VOID, "", 0)

typedef enum StIrOp {
#define ST_IR_OP_ENUM(name, type, sig, flags) ST_IR_##name,
  ST_IR_OPS(ST_IR_OP_ENUM)
#undef ST_IR_OP_ENUM
  ST_IR_OP_COUNT
} StIrOp;

typedef struct StIrOpInfo {
  const char *name;
  uint8_t type;       /* default result type (VOID where per instance) */
  const char *sig;
  uint16_t flags;
} StIrOpInfo;

extern const StIrOpInfo st_ir_op_info[ST_IR_OP_COUNT];

typedef enum StIrCond { ST_IRC_EQ, ST_IRC_NE, ST_IRC_LT, ST_IRC_LE, ST_IRC_GT, ST_IRC_GE } StIrCond;

typedef enum StIrMath {
  ST_IRM_SQRT, ST_IRM_FLOOR, ST_IRM_CEIL, ST_IRM_ABS, ST_IRM_TRUNC, ST_IRM_ROUND
} StIrMath;

typedef struct StIrInsn {
  uint8_t op;       /* StIrOp */
  uint8_t type;     /* StIrType of the result */
  uint8_t flags;    /* ST_IRI_* */
  uint8_t unused;
  uint32_t block;   /* owning block */
  StIrRef a, b, c;  /* fixed operands */
  uint32_t snap;    /* snapshot index + 1, or 0 */
  uint32_t nargs;   /* variable operands (phi inputs, call arguments) */
  StIrRef *args;    /* in the function's arena */
  uint32_t bc_pc;   /* bytecode offset it came from (for dumps and traces) */
  union {
    int64_t i;
    double d;
    StValue v;
    void *p;
    uint32_t u[2];
  } imm;
} StIrInsn;

enum {
  ST_IRI_DEAD = 1 << 0,  /* removed by a pass; skipped by everyone */
  ST_IRI_LIKELY_FALSE = 1 << 1, /* BRANCH: the true side is cold */
};

typedef struct StIrBlock {
  StVec(StIrRef) insns;
  StVec(uint32_t) preds;
  uint32_t succ[2];
  uint32_t nsucc;
  uint32_t bc_start;     /* bytecode offset of its first instruction (or UINT32_MAX) */
  uint32_t loop_depth;
  uint32_t idom;         /* immediate dominator (computed by st_ir_dominators) */
  uint32_t entry_snap;   /* loop headers: snapshot index + 1 valid on entry to the loop from
                            its preheader (phis read as their preheader inputs), for hoisting
                            guards out of the loop; 0 when none */
  uint32_t preheader;    /* loop headers: the single non-back-edge predecessor, or UINT32_MAX */
  bool is_loop_header;
  bool dead;
} StIrBlock;

/* A snapshot: where to resume and what every (inlined) frame's registers hold.
 * Frames are listed outermost first; each has the bytecode pc to resume at (for outer frames:
 * the call instruction) and a run of entries. An entry maps an interpreter register to an IR
 * value; registers without an entry still hold what the frame held when compiled code was
 * entered (the outermost frame) or are undefined (inlined frames). backends/snap.h defines
 * the compact tables the backends and the deopt runtime read. */
typedef struct StIrSnapEntry {
  uint16_t reg;
  StIrRef ref;
} StIrSnapEntry;

typedef struct StIrSnapFrame {
  void *proto;        /* StProto * of this frame's function */
  void *callee;       /* the closure for inlined frames (a constant value), NULL outermost */
  uint32_t pc;        /* resume at (outer frames: the call instruction) */
  uint32_t first, count; /* entries */
  StIrRef this_ref, callee_ref; /* inlined frames: this and the function value */
  uint16_t ret_reg;   /* register of the caller receiving the result (inlined frames) */
  uint16_t argc;
} StIrSnapFrame;

typedef struct StIrSnap {
  uint32_t first_frame, nframes;
  uint32_t reason;    /* StDeoptReason of the guard (tiers/deopt.h) */
  bool exception;     /* taken for a thrown exception, not a failed speculation */
} StIrSnap;

typedef struct StIrFunc {
  StArena arena;
  StVec(StIrInsn) insns;     /* insns.data[0] is a placeholder for ST_IR_NONE */
  StVec(StIrBlock) blocks;
  StVec(StIrSnap) snaps;
  StVec(StIrSnapFrame) snap_frames;
  StVec(StIrSnapEntry) snap_entries;
  void *proto;               /* the StProto compiled */
  void *code;                /* the StCode being built (passed to the DEOPT helper) */
  uint32_t osr_pc;           /* UINT32_MAX: normal entry; else the loop header entered */
  const char *name;          /* for dumps */
  char error[160];           /* an internal error (builder/verifier) */
  /* Heap cells the code refers to by address (CONST_PTR of shapes, holders, contexts): the
   * compiled code keeps them alive, or a freed shape's address could be reused and pass a
   * shape guard. Cells in CONST_VALUE, GUARD_EQ_VALUE and GUARD_SHAPE immediates need no
   * entry here (tiers/jit.c finds those). */
  StVec(void *) cells;
  /* Objects (StObject *) the code depends on: speculation on prototype chains checks nothing
   * at run time; a shape change of any of these invalidates the code (tiers/deps.c). */
  StVec(void *) deps;
  uint32_t proto_epoch;      /* vm->proto_epoch when the deps were recorded */
} StIrFunc;

/* --- building --- */
void st_ir_init(StIrFunc *f);
void st_ir_free(StIrFunc *f);
uint32_t st_ir_new_block(StIrFunc *f);
/* Appends an instruction to block b; returns its ref. */
StIrRef st_ir_emit(StIrFunc *f, uint32_t b, StIrOp op, StIrType type, StIrRef a, StIrRef c2,
                   StIrRef c3);
/* Inserts a phi at the start of block b. */
StIrRef st_ir_phi(StIrFunc *f, uint32_t b, StIrType type, uint32_t ninputs);
void st_ir_set_args(StIrFunc *f, StIrRef r, uint32_t n, const StIrRef *args);
void st_ir_add_edge(StIrFunc *f, uint32_t from, uint32_t to);
StIrRef st_ir_const_value(StIrFunc *f, uint32_t b, StValue v);
StIrRef st_ir_const_i32(StIrFunc *f, uint32_t b, int32_t i);
StIrRef st_ir_const_f64(StIrFunc *f, uint32_t b, double d);
StIrRef st_ir_const_ptr(StIrFunc *f, uint32_t b, const void *p);
StIrRef st_ir_const_bool(StIrFunc *f, uint32_t b, bool v);

ST_INLINE StIrInsn *st_ir_insn(StIrFunc *f, StIrRef r) { return &f->insns.data[r]; }
ST_INLINE bool st_ir_is_guard(const StIrInsn *i) {
  return (st_ir_op_info[i->op].flags & (ST_IRF_GUARD | ST_IRF_THROWS)) != 0;
}

/* --- analyses --- */
/* Reverse postorder of reachable blocks (into f's arena). */
uint32_t *st_ir_rpo(StIrFunc *f, uint32_t *n);
void st_ir_dominators(StIrFunc *f);
bool st_ir_dominates(StIrFunc *f, uint32_t a, uint32_t b);

/* --- text form (stable; golden tests and --print-ir) --- */
void st_ir_print(FILE *out, StIrFunc *f);

/* --- verifier (ir_verify.c): false with f->error set --- */
bool st_ir_verify(StIrFunc *f);

#endif

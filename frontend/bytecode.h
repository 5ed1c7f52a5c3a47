/* frontend/bytecode.h: Strata's bytecode, defined once as a table.
 *
 * Register-based, three-address. Code is an array of 16-bit units. An instruction is its
 * opcode unit followed by its operands, each one unit except I and J (two units, low half
 * first):
 *
 *     +--------+--------+--------+--------+--------+
 *     | opcode |  A     |  B     |  C     |  F     |     e.g. ADD dst, lhs, rhs, feedback
 *     +--------+--------+--------+--------+--------+
 *
 * Operand kinds (the format string of each opcode, in order):
 *   R  register (u16): an interpreter register of the current frame (interp/frame.h)
 *   K  constant-pool index (u16)
 *   N  count (u16)
 *   i  small unsigned immediate (u16)
 *   s  small signed immediate (i16)
 *   I  32-bit signed immediate (2 units)
 *   J  jump offset (i32, 2 units), relative to the start of this instruction
 *   F  feedback-slot index (u16) into the function's feedback vector
 *
 * Conventions:
 *  - Register 0 holds `this`; registers 1..nparams the parameters; then locals; then
 *    temporaries. 0xFFFF in an R operand means "none" where the opcode says so.
 *  - Calls take a register window: r[base] = callee, r[base+1] = this (for NEW: new.target),
 *    r[base+2 ..] = the arguments.
 *  - Every instruction that learns from execution names a feedback slot of the kind in the
 *    table's third column. Only the interpreter and baseline code write feedback.
 *  - Every backward jump targets a LOOPHEAD (hotness counting and OSR entry happen there).
 *
 * X(NAME, "operand format", feedback kind, flags)
 */
#ifndef ST_FRONTEND_BYTECODE_H
#define ST_FRONTEND_BYTECODE_H

#include "support/common.h"

/* Flags of an opcode. */
enum {
  ST_BC_JUMP = 1 << 0,       /* has a J operand */
  ST_BC_COND = 1 << 1,       /* conditional: falls through when not taken */
  ST_BC_END = 1 << 2,        /* control does not fall through (JMP, RET, THROW) */
  ST_BC_THROWS = 1 << 3,     /* can throw */
  ST_BC_CALL = 1 << 4,       /* can run arbitrary JS (calls, getters, valueOf ...) */
};

#define ST_BYTECODES(X) \
  /* moves and constants */ \
  X(NOP, "", NONE, 0) \
  X(MOV, "RR", NONE, 0) \
  X(LOADK, "RK", NONE, 0) \
  X(LOADI, "RI", NONE, 0) \
  X(LOADUNDEF, "R", NONE, 0) \
  X(LOADNULL, "R", NONE, 0) \
  X(LOADTRUE, "R", NONE, 0) \
  X(LOADFALSE, "R", NONE, 0) \
  X(LOADUNINIT, "R", NONE, 0) \
  X(CHECKTDZ, "RK", NONE, ST_BC_THROWS) /* ReferenceError if r is uninit; K: the name */ \
  X(CHECKTHIS, "R", NONE, ST_BC_THROWS) /* derived ctor: `this` before super() */ \
  X(THROWERR, "iK", NONE, ST_BC_END | ST_BC_THROWS) /* throw StErrorKind i, message K */ \
  /* global object and script scope */ \
  X(GETGLOBAL, "RKF", GLOBAL, ST_BC_THROWS | ST_BC_CALL) \
  X(GETGLOBALTYPEOF, "RKF", GLOBAL, ST_BC_CALL) /* undefined for a missing name */ \
  X(SETGLOBAL, "RKF", GLOBAL, ST_BC_THROWS | ST_BC_CALL) \
  X(DECLVAR, "K", NONE, ST_BC_THROWS) /* var x at script top level */ \
  X(DECLFUNC, "RK", NONE, ST_BC_THROWS) /* function x(){} at script top level: value r */ \
  X(DELGLOBAL, "RK", NONE, ST_BC_THROWS) /* r = delete x (sloppy) */ \
  /* context (closure) variables: depth = number of parents to walk */ \
  X(GETCTX, "Rii", NONE, 0) \
  X(SETCTX, "Rii", NONE, 0) \
  X(GETCTXCHK, "RiiK", NONE, ST_BC_THROWS) /* with the TDZ check */ \
  X(SETCTXCHK, "RiiK", NONE, ST_BC_THROWS) \
  X(PUSHCTX, "N", NONE, ST_BC_THROWS) /* new context of N slots, child of the current */ \
  X(POPCTX, "", NONE, 0) \
  X(COPYCTX, "", NONE, ST_BC_THROWS) /* fresh copy of the current context (let in loops) */ \
  X(SAVECTX, "R", NONE, 0) /* r = the current context */ \
  X(RESTORECTX, "R", NONE, 0) \
  /* properties */ \
  X(GETPROP, "RRKF", PROP, ST_BC_THROWS | ST_BC_CALL) /* dst = obj.K */ \
  X(SETPROP, "RKRF", PROP, ST_BC_THROWS | ST_BC_CALL) /* obj.K = src */ \
  X(GETELEM, "RRRF", ELEM, ST_BC_THROWS | ST_BC_CALL) /* dst = obj[key] */ \
  X(SETELEM, "RRRF", ELEM, ST_BC_THROWS | ST_BC_CALL) /* obj[key] = src */ \
  X(DELPROP, "RRR", NONE, ST_BC_THROWS | ST_BC_CALL) /* dst = delete obj[key] */ \
  X(IN, "RRR", NONE, ST_BC_THROWS | ST_BC_CALL) /* dst = key in obj */ \
  X(INSTANCEOF, "RRRF", INSTANCEOF, ST_BC_THROWS | ST_BC_CALL) /* dst = obj instanceof ctor */ \
  X(DEFPROP, "RKRF", PROP, ST_BC_THROWS) /* literal: define obj.K = src */ \
  X(DEFELEM, "RRR", NONE, ST_BC_THROWS | ST_BC_CALL) /* literal: define obj[key] = src */ \
  X(DEFMETHOD, "RRRi", NONE, ST_BC_THROWS | ST_BC_CALL) /* obj, key, fn, i: 1=hidden */ \
  X(DEFACCESSOR, "RRRi", NONE, ST_BC_THROWS | ST_BC_CALL) /* i: 1=hidden, 2=setter */ \
  X(DEFFIELD, "RRR", NONE, ST_BC_THROWS | ST_BC_CALL) /* class field: CreateDataProperty */ \
  X(COPYPROPS, "RR", NONE, ST_BC_THROWS | ST_BC_CALL) /* {...src}: copy own enumerable */ \
  X(OBJREST, "RRRN", NONE, ST_BC_THROWS | ST_BC_CALL) /* dst, src, first excluded key, n */ \
  X(GETSUPER, "RR", NONE, ST_BC_THROWS | ST_BC_CALL) /* dst = super[key] */ \
  X(SETSUPER, "RR", NONE, ST_BC_THROWS | ST_BC_CALL) /* super[key] = src */ \
  X(SETPROTO, "RR", NONE, ST_BC_THROWS) /* literal __proto__: obj, proto */ \
  /* arithmetic and logic: dst, lhs, rhs, feedback */ \
  X(ADD, "RRRF", BINOP, ST_BC_THROWS | ST_BC_CALL) \
  X(SUB, "RRRF", BINOP, ST_BC_THROWS | ST_BC_CALL) \
  X(MUL, "RRRF", BINOP, ST_BC_THROWS | ST_BC_CALL) \
  X(DIV, "RRRF", BINOP, ST_BC_THROWS | ST_BC_CALL) \
  X(MOD, "RRRF", BINOP, ST_BC_THROWS | ST_BC_CALL) \
  X(EXP, "RRRF", BINOP, ST_BC_THROWS | ST_BC_CALL) \
  X(BITAND, "RRRF", BINOP, ST_BC_THROWS | ST_BC_CALL) \
  X(BITOR, "RRRF", BINOP, ST_BC_THROWS | ST_BC_CALL) \
  X(BITXOR, "RRRF", BINOP, ST_BC_THROWS | ST_BC_CALL) \
  X(SHL, "RRRF", BINOP, ST_BC_THROWS | ST_BC_CALL) \
  X(SAR, "RRRF", BINOP, ST_BC_THROWS | ST_BC_CALL) \
  X(SHR, "RRRF", BINOP, ST_BC_THROWS | ST_BC_CALL) \
  X(ADDI, "RRsF", BINOP, ST_BC_THROWS | ST_BC_CALL) /* dst = src + imm */ \
  X(INC, "RRF", BINOP, ST_BC_THROWS | ST_BC_CALL) /* dst = ToNumeric(src) + 1 */ \
  X(DEC, "RRF", BINOP, ST_BC_THROWS | ST_BC_CALL) \
  X(NEG, "RRF", BINOP, ST_BC_THROWS | ST_BC_CALL) \
  X(BITNOT, "RRF", BINOP, ST_BC_THROWS | ST_BC_CALL) \
  X(TONUMBER, "RRF", BINOP, ST_BC_THROWS | ST_BC_CALL) /* unary +, and old value of x++ */ \
  X(NOT, "RR", NONE, 0) \
  X(TYPEOF, "RR", NONE, 0) \
  X(TOSTRING, "RR", NONE, ST_BC_THROWS | ST_BC_CALL) /* template substitutions */ \
  X(TOPROPKEY, "RR", NONE, ST_BC_THROWS | ST_BC_CALL) /* computed keys, evaluated once */ \
  X(CONCAT, "RRN", NONE, ST_BC_THROWS) /* dst = strings r[base..base+n) joined */ \
  /* comparisons: dst, lhs, rhs, feedback */ \
  X(EQ, "RRRF", COMPARE, ST_BC_THROWS | ST_BC_CALL) \
  X(NE, "RRRF", COMPARE, ST_BC_THROWS | ST_BC_CALL) \
  X(SEQ, "RRRF", COMPARE, 0) \
  X(SNE, "RRRF", COMPARE, 0) \
  X(LT, "RRRF", COMPARE, ST_BC_THROWS | ST_BC_CALL) \
  X(LE, "RRRF", COMPARE, ST_BC_THROWS | ST_BC_CALL) \
  X(GT, "RRRF", COMPARE, ST_BC_THROWS | ST_BC_CALL) \
  X(GE, "RRRF", COMPARE, ST_BC_THROWS | ST_BC_CALL) \
  /* jumps */ \
  X(JMP, "J", NONE, ST_BC_JUMP | ST_BC_END) \
  X(JTRUE, "RJ", NONE, ST_BC_JUMP | ST_BC_COND) \
  X(JFALSE, "RJ", NONE, ST_BC_JUMP | ST_BC_COND) \
  X(JNULLISH, "RJ", NONE, ST_BC_JUMP | ST_BC_COND) \
  X(JNOTNULLISH, "RJ", NONE, ST_BC_JUMP | ST_BC_COND) \
  X(JUNDEF, "RJ", NONE, ST_BC_JUMP | ST_BC_COND) \
  X(JNOTUNDEF, "RJ", NONE, ST_BC_JUMP | ST_BC_COND) \
  /* fused compare-and-branch: jump when (lhs OP rhs) is true, or for JN* when it is not */ \
  X(JLT, "RRJF", COMPARE, ST_BC_JUMP | ST_BC_COND | ST_BC_THROWS | ST_BC_CALL) \
  X(JLE, "RRJF", COMPARE, ST_BC_JUMP | ST_BC_COND | ST_BC_THROWS | ST_BC_CALL) \
  X(JGT, "RRJF", COMPARE, ST_BC_JUMP | ST_BC_COND | ST_BC_THROWS | ST_BC_CALL) \
  X(JGE, "RRJF", COMPARE, ST_BC_JUMP | ST_BC_COND | ST_BC_THROWS | ST_BC_CALL) \
  X(JNLT, "RRJF", COMPARE, ST_BC_JUMP | ST_BC_COND | ST_BC_THROWS | ST_BC_CALL) \
  X(JNLE, "RRJF", COMPARE, ST_BC_JUMP | ST_BC_COND | ST_BC_THROWS | ST_BC_CALL) \
  X(JNGT, "RRJF", COMPARE, ST_BC_JUMP | ST_BC_COND | ST_BC_THROWS | ST_BC_CALL) \
  X(JNGE, "RRJF", COMPARE, ST_BC_JUMP | ST_BC_COND | ST_BC_THROWS | ST_BC_CALL) \
  X(JSEQ, "RRJF", COMPARE, ST_BC_JUMP | ST_BC_COND) \
  X(JSNE, "RRJF", COMPARE, ST_BC_JUMP | ST_BC_COND) \
  X(JEQ, "RRJF", COMPARE, ST_BC_JUMP | ST_BC_COND | ST_BC_THROWS | ST_BC_CALL) \
  X(JNE, "RRJF", COMPARE, ST_BC_JUMP | ST_BC_COND | ST_BC_THROWS | ST_BC_CALL) \
  X(LOOPHEAD, "F", LOOP, ST_BC_THROWS) /* loop header: back-edge count, OSR entry point */ \
  /* calls */ \
  X(CALL, "RRNF", CALL, ST_BC_THROWS | ST_BC_CALL) /* dst, base, argc */ \
  X(CALLSPREAD, "RRF", CALL, ST_BC_THROWS | ST_BC_CALL) /* r[base+2]: array of arguments */ \
  /* `eval(...)`: like CALL, but a direct eval when r[base] is %eval% (K: the scope descriptor \
   * of the call site, frontend/compiler_eval.c) */ \
  X(CALLEVAL, "RRNKF", CALL, ST_BC_THROWS | ST_BC_CALL) \
  X(NEW, "RRNF", CALL, ST_BC_THROWS | ST_BC_CALL) /* r[base+1] = new.target */ \
  X(NEWSPREAD, "RRF", CALL, ST_BC_THROWS | ST_BC_CALL) \
  /* super(...): r[base] the active constructor, r[base+1] new.target, args from r[base+2] */ \
  X(SUPERCALL, "RRN", NONE, ST_BC_THROWS | ST_BC_CALL) \
  X(SUPERCALLSPREAD, "RR", NONE, ST_BC_THROWS | ST_BC_CALL) /* r[base+2]: the args array */ \
  /* r[A] must be uninitialized (else ReferenceError); r[A] = r[B]; runs the field initializers \
   * of constructor r[C] on it */ \
  X(BINDTHIS, "RRR", NONE, ST_BC_THROWS | ST_BC_CALL) \
  X(CALLNATIVE, "RiRN", NONE, ST_BC_THROWS | ST_BC_CALL) /* %Name(...): dst, id, base, argc */ \
  X(RET, "R", NONE, ST_BC_END) \
  X(RETUNDEF, "", NONE, ST_BC_END) \
  /* functions, classes, objects, arrays */ \
  X(CLOSURE, "RK", NONE, ST_BC_THROWS) /* dst = closure of the proto in constant K */ \
  X(CLASS, "RRKR", NONE, ST_BC_THROWS | ST_BC_CALL) /* ctor dst, prototype dst, K, heritage */ \
  X(SETFIELDS, "RR", NONE, 0) /* ctor, instance fields: array [key, init fn or undefined, ...] */ \
  X(SETHOME, "RR", NONE, 0) /* function, home object (for super.x) */ \
  X(NEWOBJECT, "RNF", LITERAL, ST_BC_THROWS) /* dst, inline capacity hint */ \
  X(NEWARRAY, "RN", NONE, ST_BC_THROWS) /* dst, capacity */ \
  X(ARRAYFROM, "RRN", NONE, ST_BC_THROWS) /* dst = [r[base] .. r[base+n-1]] */ \
  X(ARRAYPUSH, "RR", NONE, ST_BC_THROWS) \
  X(ARRAYHOLE, "R", NONE, ST_BC_THROWS) \
  X(ARRAYSPREAD, "RR", NONE, ST_BC_THROWS | ST_BC_CALL) /* append every iterated value */ \
  X(ARGUMENTS, "R", NONE, ST_BC_THROWS) \
  X(REST, "Ri", NONE, ST_BC_THROWS) /* dst = array of the arguments from index i */ \
  X(NEWTARGET, "R", NONE, 0) \
  X(THISFUNC, "R", NONE, 0) /* the running closure (named function expressions) */ \
  /* iteration: an iterator record occupies two registers: object, next method */ \
  X(GETITER, "RRF", ITER, ST_BC_THROWS | ST_BC_CALL) /* rec, iterable */ \
  X(ITERNEXT, "RRJ", NONE, ST_BC_JUMP | ST_BC_COND | ST_BC_THROWS | ST_BC_CALL) /* value, rec, done */ \
  X(ITERCLOSE, "R", NONE, ST_BC_THROWS | ST_BC_CALL) /* rec: call return() (normal exits) */ \
  X(ITERCLOSEQUIET, "R", NONE, ST_BC_CALL) /* rec: call return(), ignore its errors (throws) */ \
  X(FORINPREP, "RR", NONE, ST_BC_THROWS | ST_BC_CALL) /* enumerator, object */ \
  X(FORINNEXT, "RRJ", NONE, ST_BC_JUMP | ST_BC_COND | ST_BC_THROWS) /* key, enumerator, done */ \
  /* exceptions and async */ \
  X(THROW, "R", NONE, ST_BC_END | ST_BC_THROWS) \
  X(AWAIT, "RR", NONE, ST_BC_THROWS | ST_BC_CALL) /* dst = await src (suspends the frame) */ \
  X(DEBUGGER, "", NONE, 0)

typedef enum StOpcode {
#define ST_OP_ENUM(name, fmt, fb, flags) ST_OP_##name,
  ST_BYTECODES(ST_OP_ENUM)
#undef ST_OP_ENUM
  ST_OP_COUNT
} StOpcode;

/* What a feedback slot records (interp/feedback.h defines the slot layouts). */
#define ST_FEEDBACK_KINDS(X) \
  X(NONE) X(BINOP) X(COMPARE) X(PROP) X(ELEM) X(GLOBAL) X(CALL) X(LOOP) X(LITERAL) X(ITER) \
  X(INSTANCEOF)

typedef enum StFeedbackKind {
#define ST_FB_ENUM(name) ST_FB_##name,
  ST_FEEDBACK_KINDS(ST_FB_ENUM)
#undef ST_FB_ENUM
  ST_FB_COUNT
} StFeedbackKind;

typedef struct StOpInfo {
  const char *name;
  const char *format;
  uint8_t feedback; /* StFeedbackKind */
  uint8_t flags;
  uint8_t size;     /* instruction size in units, opcode included */
} StOpInfo;

extern const StOpInfo st_bytecode_info[ST_OP_COUNT];

#define ST_REG_NONE 0xFFFFu

/* Instruction size in units. */
ST_INLINE uint32_t st_bytecode_size(uint16_t op) { return st_bytecode_info[op].size; }

/* Operand decoding: the n-th operand's value (I, J and s sign-extended). */
int32_t st_bytecode_operand(const uint16_t *insn, int n);
/* Offset in units of the n-th operand from the opcode. */
int st_bytecode_operand_offset(uint16_t op, int n);
/* The jump target (absolute pc in units) of a jump instruction at pc. */
uint32_t st_bytecode_jump_target(const uint16_t *code, uint32_t pc);

ST_INLINE int32_t st_bytecode_i32(const uint16_t *p) {
  return (int32_t)((uint32_t)p[0] | ((uint32_t)p[1] << 16));
}

#endif

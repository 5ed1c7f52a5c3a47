/* frontend/emit.h: building one function's bytecode: code buffer, registers, constants,
 * feedback slots, jump labels, the line table and the exception handler table. The compiler
 * (compiler*.c) drives it; it knows nothing of the AST.
 *
 * Invariants:
 *  - Temporaries are allocated and freed in stack order (st_emit_temp / st_emit_free_to);
 *    `nregs` is the high-water mark and becomes the proto's register count.
 *  - A label is bound once; jumps to it emitted before binding are patched when it is bound.
 *  - Every backward jump's target is a LOOPHEAD (st_emit_loop_head binds the loop label and
 *    emits it).
 */
#ifndef ST_FRONTEND_EMIT_H
#define ST_FRONTEND_EMIT_H

#include "frontend/bytecode.h"
#include "frontend/lines.h"
#include "objects/function.h"
#include "support/vec.h"

typedef struct StLabel {
  int32_t pos;              /* bound position, or -1 */
  StVec(uint32_t) patches;  /* positions of J operands waiting for it */
} StLabel;

/* Spare buffers of finished emitters (st_emit_use_pool): a big script compiles tens of
 * thousands of functions, and growing five vectors from nothing for each, then trimming them
 * for the proto, was a tenth of --check's instructions. A pooled emitter copies its finished
 * arrays out at their exact size and gives its buffers back for the next function. */
typedef struct StEmitBufs {
  uint16_t *code;
  StValue *consts;
  uint8_t *fb_kinds;
  StLineEntry *lines;
  StHandler *handlers;
  size_t code_cap, consts_cap, fb_cap, lines_cap, handlers_cap;
} StEmitBufs;

typedef struct StEmitPool {
  StVec(StEmitBufs) spare;
} StEmitPool;

void st_emit_pool_free(StEmitPool *pool);

typedef struct StEmitter {
  StVM *vm;
  StEmitPool *pool;          /* NULL: the vectors are the emitter's own (st_emit_use_pool) */
  StVec(uint16_t) code;
  StVec(StValue) consts;     /* kept alive: the compiler's emitters are GC roots */
  uint32_t *const_index;     /* open addressing over consts (entry + 1; 0 empty) */
  uint32_t const_index_mask;
  StVec(uint8_t) fb_kinds;
  StVec(StLineEntry) lines;
  StVec(StHandler) handlers;
  uint32_t nregs;            /* high-water mark */
  uint32_t next_reg;         /* first free register */
  uint32_t cur_line, cur_col;
  /* A position given as a source offset (st_emit_position_at) is looked up only when an instruction
   * records it: pos_lines is non-NULL until then. */
  StLineTable *pos_lines;
  uint32_t pos_offset;
  StLineTable *noted_lines; /* the last offset looked up, and its line:col */
  uint32_t noted_offset, noted_line, noted_col;
  bool failed;               /* a limit was exceeded (registers, constants): see error */
  char error[160];
  struct StEmitter *outer;   /* enclosing function's emitter (GC rooting chain) */
} StEmitter;

void st_emit_init(StEmitter *e, StVM *vm, uint32_t first_free_reg);
/* Right after st_emit_init: take buffers from pool, and give them back at st_emit_free. */
void st_emit_use_pool(StEmitter *e, StEmitPool *pool);
void st_emit_free(StEmitter *e);

/* Registers. */
uint32_t st_emit_temp(StEmitter *e);             /* one fresh temporary */
uint32_t st_emit_temps(StEmitter *e, uint32_t n);/* n consecutive; returns the first */
void st_emit_free_to(StEmitter *e, uint32_t reg);/* frees every register >= reg */
/* Reserves a register permanently (a local variable). */
uint32_t st_emit_local(StEmitter *e);

/* Constants (deduplicated: numbers by bits, strings by identity of interned strings). */
uint32_t st_emit_const(StEmitter *e, StValue v);
/* A constant slot to be filled later by st_emit_const_set (a function compiled after the
 * code that refers to it): never shared with another constant. Until then it holds
 * ST_EXCEPTION, which is no constant's value and which the GC skips. */
uint32_t st_emit_const_reserve(StEmitter *e);
void st_emit_const_set(StEmitter *e, uint32_t k, StValue v);
uint32_t st_emit_feedback(StEmitter *e, StFeedbackKind kind);

/* Source position for the instructions that follow (recorded lazily in the line table). */
void st_emit_position(StEmitter *e, uint32_t line, uint32_t col);
/* The same for the position of a byte offset of the source that lines describes. */
void st_emit_position_at(StEmitter *e, StLineTable *lines, uint32_t offset);

/* Emits an instruction: op followed by its operands given as int32 values in format order
 * (I and J take one int32 each; the emitter splits them into two units). Returns its pc. */
uint32_t st_emit_op(StEmitter *e, StOpcode op, ...);
ST_INLINE uint32_t st_emit_pc(const StEmitter *e) { return (uint32_t)e->code.len; }

/* Labels and jumps. */
void st_emit_label_init(StLabel *l);
void st_emit_label_free(StLabel *l);
void st_emit_bind(StEmitter *e, StLabel *l);
/* A jump instruction whose J operand (the last J in its format) targets label l. The other
 * operands come first, as for st_emit_op, without the J. */
uint32_t st_emit_jump(StEmitter *e, StLabel *l, StOpcode op, ...);
/* Binds l here and emits LOOPHEAD. */
void st_emit_loop_head(StEmitter *e, StLabel *l);

/* Exception handler entries, innermost first: call when a try region's end is known. */
void st_emit_handler(StEmitter *e, uint32_t start, uint32_t end, uint32_t handler,
                     uint32_t exc_reg, uint32_t ctx_reg);
/* The same with every field of the entry given, including the registers dead at the handler
 * (StHandler: the unwinder clears them). st_emit_handler declares none dead. */
void st_emit_add_handler(StEmitter *e, StHandler h);

/* Moves the finished code into proto p (code, consts, lines, handlers, feedback kinds,
 * register count). */
bool st_emit_finish(StEmitter *e, StProto *p);

/* GC: the constants of every emitter in the chain are roots while compiling. */
void st_emit_trace(StHeap *h, StEmitter *e);

#endif

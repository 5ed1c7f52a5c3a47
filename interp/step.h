/* interp/step.h: one bytecode instruction executed out of line.
 *
 * The interpreter's rare instructions (declarations, deletes, class and object-literal
 * plumbing, spreads, iterator closing ...) live here rather than in the dispatch loop, and
 * compiled code runs the same function for instructions its tier does not translate itself
 * (ST_HELPER_STEP): one implementation of each instruction's semantics, shared by both.
 *
 * Contract: the instruction at `pc` (an instruction start in f's proto) is straight-line: it
 * neither jumps nor calls with a new interpreter frame nor returns (st_interp_step_supports
 * says which are). Its register operands are read from and written to f's registers, and
 * f->pc is set to pc first (error positions and stack traces). Returns false with the
 * exception pending.
 */
#ifndef ST_INTERP_STEP_H
#define ST_INTERP_STEP_H

#include "interp/frame.h"

bool st_interp_step_supports(uint16_t op);
ST_MUST_CHECK bool st_interp_step(StVM *vm, StFrame *f, const uint16_t *pc);

/* The conditional jumps with effects (ITERNEXT, FORINNEXT): 1 when the jump is taken, 0 when
 * execution falls through, -1 when it threw. */
bool st_interp_step_jump_supports(uint16_t op);
ST_MUST_CHECK int st_interp_step_jump(StVM *vm, StFrame *f, const uint16_t *pc);

#endif

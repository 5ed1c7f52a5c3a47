/* backends/opt_internal.h: what the passes (backends/opt_*.c) share, implemented in opt.c.
 * Private to backends/.
 *
 * Replacing values: a pass that finds instruction r equal to an existing value x records
 * r -> x in an StOptRepl and kills r. Operands read later in the same pass go through
 * st_opt_resolve (so chains of rewrites settle in one sweep); st_opt_apply then rewrites every
 * remaining reference (operands, phi inputs, call arguments, snapshot entries) in one pass over
 * the function. x must dominate every use of r: the caller's obligation.
 *
 * Pointer stability: StIrInsn and StIrBlock pointers are invalidated by anything that adds an
 * instruction or a block (st_opt_insert_*, st_opt_const_*, st_ir_new_block). Re-fetch them.
 */
#ifndef ST_BACKENDS_OPT_INTERNAL_H
#define ST_BACKENDS_OPT_INTERNAL_H

#include "backends/opt.h"

typedef struct StOptRepl {
  StIrRef *map; /* map[r]: what r was replaced by, or 0 */
  size_t cap;
} StOptRepl;

void st_opt_repl_init(StOptRepl *r);
void st_opt_repl_free(StOptRepl *r);
/* Records old -> with and kills old. */
void st_opt_replace(StIrFunc *f, StOptRepl *r, StIrRef old, StIrRef with);
StIrRef st_opt_resolve(const StOptRepl *r, StIrRef x);
/* Rewrites one instruction's operands and arguments through r. */
void st_opt_resolve_operands(const StOptRepl *r, StIrInsn *i);
/* Rewrites every reference in f through r (live instructions and all snapshots). */
void st_opt_apply(StIrFunc *f, const StOptRepl *r);

ST_INLINE bool st_opt_live(StIrFunc *f, StIrRef r) {
  return r != ST_IR_NONE && !(st_ir_insn(f, r)->flags & ST_IRI_DEAD);
}
ST_INLINE uint16_t st_opt_flags(const StIrInsn *i) { return st_ir_op_info[i->op].flags; }
void st_opt_kill(StIrFunc *f, StIrRef r);
/* Turns r into a constant in place (its users keep referring to it; a snapshot it had is
 * dropped). */
void st_opt_make_const_i32(StIrFunc *f, StIrRef r, int32_t v);
void st_opt_make_const_f64(StIrFunc *f, StIrRef r, double v);
void st_opt_make_const_bool(StIrFunc *f, StIrRef r, bool v);
void st_opt_make_const_value(StIrFunc *f, StIrRef r, StValue v);

/* Index in block b's list of its (live) terminator. */
size_t st_opt_term_index(StIrFunc *f, uint32_t b);
/* A new instruction in block b, placed before list index pos (the block's list shifts). */
StIrRef st_opt_insert_at(StIrFunc *f, uint32_t b, size_t pos, StIrOp op, StIrType type, StIrRef a,
                         StIrRef c2, StIrRef c3);
StIrRef st_opt_insert_before_term(StIrFunc *f, uint32_t b, StIrOp op, StIrType type, StIrRef a,
                                  StIrRef c2, StIrRef c3);
/* Moves live instruction r to the end of block `to`, before its terminator. */
void st_opt_move_before_term(StIrFunc *f, StIrRef r, uint32_t to);
/* Constants placed in the entry block (which dominates every use). */
StIrRef st_opt_const_i32(StIrFunc *f, int32_t v);
StIrRef st_opt_const_f64(StIrFunc *f, double v);
StIrRef st_opt_const_bool(StIrFunc *f, bool v);
StIrRef st_opt_const_value(StIrFunc *f, StValue v);

/* Removes one edge from -> to: from's successor entry and the matching predecessor entry of
 * `to` with its phi inputs. The caller fixes from's terminator. */
void st_opt_remove_edge(StIrFunc *f, uint32_t from, uint32_t to);
/* Removes the blocks the entry cannot reach: their edges into reachable blocks (with the phi
 * inputs) and their instructions. Returns the number of blocks removed. */
uint32_t st_opt_prune_unreachable(StIrFunc *f);
/* The input every input of phi r agrees on (ignoring r itself), or ST_IR_NONE. */
StIrRef st_opt_trivial_phi(StIrFunc *f, const StOptRepl *repl, StIrRef r);
/* Removes dead references from every block's instruction list. */
void st_opt_compact(StIrFunc *f);

/* Operand slots of an instruction, for generic walks: slots 0..2 are a, b, c and slot 3 + k is
 * args[k]. A slot holding ST_IR_NONE is unused. */
ST_INLINE uint32_t st_opt_nslots(const StIrInsn *i) { return 3 + i->nargs; }
ST_INLINE StIrRef *st_opt_slot(StIrInsn *i, uint32_t k) {
  return k == 0 ? &i->a : k == 1 ? &i->b : k == 2 ? &i->c : &i->args[k - 3];
}

/* The defining instruction of r when it is a live constant of op `op`, else NULL. */
ST_INLINE StIrInsn *st_opt_const_of(StIrFunc *f, StIrRef r, StIrOp op) {
  StIrInsn *i = st_ir_insn(f, r);
  return r != ST_IR_NONE && i->op == op && !(i->flags & ST_IRI_DEAD) ? i : NULL;
}

#endif

/* backends/ir.c: building IR functions, CFG analyses (reverse postorder, dominators) and the
 * stable text form behind --print-ir. */
#include "backends/ir.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

const StIrOpInfo st_ir_op_info[ST_IR_OP_COUNT] = {
#define ST_IR_OP_INFO(name, type, sig, flags) {#name, ST_IRT_##type, sig, flags},
    ST_IR_OPS(ST_IR_OP_INFO)
#undef ST_IR_OP_INFO
};

void st_ir_init(StIrFunc *f) {
  memset(f, 0, sizeof *f);
  st_arena_init(&f->arena);
  StIrInsn none = {0};
  st_vec_push(&f->insns, none); /* ref 0 is ST_IR_NONE */
  f->osr_pc = UINT32_MAX;
}

void st_ir_free(StIrFunc *f) {
  for (size_t i = 0; i < f->blocks.len; i++) {
    st_vec_free(&f->blocks.data[i].insns);
    st_vec_free(&f->blocks.data[i].preds);
  }
  st_vec_free(&f->blocks);
  st_vec_free(&f->insns);
  st_vec_free(&f->snaps);
  st_vec_free(&f->snap_frames);
  st_vec_free(&f->snap_entries);
  st_vec_free(&f->cells);
  st_vec_free(&f->deps);
  st_arena_free(&f->arena);
}

uint32_t st_ir_new_block(StIrFunc *f) {
  StIrBlock b;
  memset(&b, 0, sizeof b);
  b.bc_start = UINT32_MAX;
  b.idom = UINT32_MAX;
  st_vec_push(&f->blocks, b);
  return (uint32_t)f->blocks.len - 1;
}

StIrRef st_ir_emit(StIrFunc *f, uint32_t b, StIrOp op, StIrType type, StIrRef a, StIrRef c2,
                   StIrRef c3) {
  StIrInsn i;
  memset(&i, 0, sizeof i);
  i.op = (uint8_t)op;
  i.type = (uint8_t)(st_ir_op_info[op].type != ST_IRT_VOID ? st_ir_op_info[op].type : type);
  i.block = b;
  i.a = a;
  i.b = c2;
  i.c = c3;
  st_vec_push(&f->insns, i);
  StIrRef r = (StIrRef)f->insns.len - 1;
  st_vec_push(&f->blocks.data[b].insns, r);
  return r;
}

StIrRef st_ir_phi(StIrFunc *f, uint32_t b, StIrType type, uint32_t ninputs) {
  StIrInsn i;
  memset(&i, 0, sizeof i);
  i.op = ST_IR_PHI;
  i.type = (uint8_t)type;
  i.block = b;
  i.nargs = ninputs;
  i.args = ninputs ? st_arena_zalloc(&f->arena, ninputs * sizeof(StIrRef)) : NULL;
  st_vec_push(&f->insns, i);
  StIrRef r = (StIrRef)f->insns.len - 1;
  /* Phis go before every non-phi instruction of the block. */
  StIrBlock *blk = &f->blocks.data[b];
  size_t at = 0;
  while (at < blk->insns.len && f->insns.data[blk->insns.data[at]].op == ST_IR_PHI) at++;
  st_vec_push(&blk->insns, 0);
  memmove(&blk->insns.data[at + 1], &blk->insns.data[at], (blk->insns.len - 1 - at) * sizeof(StIrRef));
  blk->insns.data[at] = r;
  return r;
}

void st_ir_set_args(StIrFunc *f, StIrRef r, uint32_t n, const StIrRef *args) {
  StIrInsn *i = st_ir_insn(f, r);
  i->nargs = n;
  i->args = n ? st_arena_alloc(&f->arena, n * sizeof(StIrRef)) : NULL;
  if (n) memcpy(i->args, args, n * sizeof(StIrRef));
}

void st_ir_add_edge(StIrFunc *f, uint32_t from, uint32_t to) {
  StIrBlock *b = &f->blocks.data[from];
  ST_ASSERT(b->nsucc < 2, "block %u has two successors already", from);
  b->succ[b->nsucc++] = to;
  st_vec_push(&f->blocks.data[to].preds, from);
}

StIrRef st_ir_const_value(StIrFunc *f, uint32_t b, StValue v) {
  StIrRef r = st_ir_emit(f, b, ST_IR_CONST_VALUE, ST_IRT_VALUE, 0, 0, 0);
  st_ir_insn(f, r)->imm.v = v;
  return r;
}

StIrRef st_ir_const_i32(StIrFunc *f, uint32_t b, int32_t i) {
  StIrRef r = st_ir_emit(f, b, ST_IR_CONST_I32, ST_IRT_I32, 0, 0, 0);
  st_ir_insn(f, r)->imm.i = i;
  return r;
}

StIrRef st_ir_const_f64(StIrFunc *f, uint32_t b, double d) {
  StIrRef r = st_ir_emit(f, b, ST_IR_CONST_F64, ST_IRT_F64, 0, 0, 0);
  st_ir_insn(f, r)->imm.d = d;
  return r;
}

StIrRef st_ir_const_ptr(StIrFunc *f, uint32_t b, const void *p) {
  StIrRef r = st_ir_emit(f, b, ST_IR_CONST_PTR, ST_IRT_PTR, 0, 0, 0);
  st_ir_insn(f, r)->imm.p = (void *)p;
  return r;
}

StIrRef st_ir_const_bool(StIrFunc *f, uint32_t b, bool v) {
  StIrRef r = st_ir_emit(f, b, ST_IR_CONST_BOOL, ST_IRT_BOOL, 0, 0, 0);
  st_ir_insn(f, r)->imm.i = v;
  return r;
}

/* --- analyses --- */

uint32_t *st_ir_rpo(StIrFunc *f, uint32_t *n) {
  uint32_t nb = (uint32_t)f->blocks.len;
  uint32_t *order = st_arena_alloc(&f->arena, (nb ? nb : 1) * sizeof(uint32_t));
  uint8_t *state = st_xcalloc(nb ? nb : 1, 1);
  /* Iterative DFS: a stack of (block, next successor index). */
  uint32_t *stack = st_xmalloc((nb ? nb : 1) * 2 * sizeof(uint32_t));
  uint32_t sp = 0, count = 0;
  if (nb) {
    stack[sp++] = 0;
    stack[sp++] = 0;
    state[0] = 1;
  }
  uint32_t *post = st_xmalloc((nb ? nb : 1) * sizeof(uint32_t));
  while (sp) {
    uint32_t b = stack[sp - 2], k = stack[sp - 1];
    StIrBlock *blk = &f->blocks.data[b];
    if (k < blk->nsucc) {
      stack[sp - 1] = k + 1;
      uint32_t s = blk->succ[k];
      if (!state[s]) {
        state[s] = 1;
        stack[sp++] = s;
        stack[sp++] = 0;
      }
    } else {
      post[count++] = b;
      sp -= 2;
    }
  }
  for (uint32_t i = 0; i < count; i++) order[i] = post[count - 1 - i];
  free(post);
  free(stack);
  free(state);
  *n = count;
  return order;
}

/* Cooper, Harvey and Kennedy, "A Simple, Fast Dominance Algorithm" (2001). */
void st_ir_dominators(StIrFunc *f) {
  uint32_t n;
  uint32_t *rpo = st_ir_rpo(f, &n);
  uint32_t nb = (uint32_t)f->blocks.len;
  uint32_t *index = st_xmalloc((nb ? nb : 1) * sizeof(uint32_t));
  for (uint32_t i = 0; i < nb; i++) {
    index[i] = UINT32_MAX;
    f->blocks.data[i].idom = UINT32_MAX;
  }
  for (uint32_t i = 0; i < n; i++) index[rpo[i]] = i;
  if (n) f->blocks.data[rpo[0]].idom = rpo[0];
  bool changed = true;
  while (changed) {
    changed = false;
    for (uint32_t i = 1; i < n; i++) {
      uint32_t b = rpo[i];
      StIrBlock *blk = &f->blocks.data[b];
      uint32_t nd = UINT32_MAX;
      for (size_t k = 0; k < blk->preds.len; k++) {
        uint32_t p = blk->preds.data[k];
        if (index[p] == UINT32_MAX || f->blocks.data[p].idom == UINT32_MAX) continue;
        if (nd == UINT32_MAX) {
          nd = p;
          continue;
        }
        uint32_t x = p, y = nd;
        while (x != y) {
          while (index[x] > index[y]) x = f->blocks.data[x].idom;
          while (index[y] > index[x]) y = f->blocks.data[y].idom;
        }
        nd = x;
      }
      if (nd != UINT32_MAX && blk->idom != nd) {
        blk->idom = nd;
        changed = true;
      }
    }
  }
  for (uint32_t i = 0; i < nb; i++)
    if (index[i] == UINT32_MAX) f->blocks.data[i].dead = true;
  free(index);
}

bool st_ir_dominates(StIrFunc *f, uint32_t a, uint32_t b) {
  for (;;) {
    if (a == b) return true;
    uint32_t d = f->blocks.data[b].idom;
    if (d == UINT32_MAX || d == b) return false;
    b = d;
  }
}

/* --- printing --- */

static const char *const type_names[] = {"void", "value", "i32", "f64", "bool", "ptr"};
static const char *const cond_names[] = {"eq", "ne", "lt", "le", "gt", "ge"};

static void print_value_const(FILE *out, StValue v) {
  if (v >> ST_TAG_SHIFT == ST_TAG_INT) fprintf(out, "%d", (int32_t)(uint32_t)v);
  else if (v < ST_FIRST_NONDOUBLE) {
    double d;
    memcpy(&d, &v, sizeof d);
    fprintf(out, "%.17g", d);
  } else if (v == ST_UNDEFINED) fputs("undefined", out);
  else if (v == ST_NULL) fputs("null", out);
  else if (v == ST_TRUE) fputs("true", out);
  else if (v == ST_FALSE) fputs("false", out);
  else if (v == ST_HOLE) fputs("hole", out);
  else if (v == ST_UNINIT) fputs("uninit", out);
  else fprintf(out, "cell(tag %x)", (unsigned)(v >> ST_TAG_SHIFT)); /* addresses are not stable */
}

static void print_insn(FILE *out, StIrFunc *f, StIrRef r) {
  StIrInsn *i = st_ir_insn(f, r);
  const StIrOpInfo *info = &st_ir_op_info[i->op];
  if (i->type != ST_IRT_VOID) fprintf(out, "    v%u:%s = ", r, type_names[i->type]);
  else fputs("    ", out);
  fputs(info->name, out);
  StIrRef ops[3] = {i->a, i->b, i->c};
  for (int k = 0; k < 3; k++)
    if (ops[k]) fprintf(out, " v%u", ops[k]);
  for (uint32_t k = 0; k < i->nargs; k++) fprintf(out, "%sv%u", k ? ", " : " (", i->args[k]);
  if (i->nargs) fputc(')', out);
  switch ((StIrOp)i->op) {
  case ST_IR_CONST_VALUE:
  case ST_IR_GUARD_EQ_VALUE:
    fputc(' ', out);
    print_value_const(out, i->imm.v);
    break;
  case ST_IR_CONST_I32:
  case ST_IR_PARAM: fprintf(out, " %" PRId64, i->imm.i); break;
  case ST_IR_CONST_F64: fprintf(out, " %.17g", i->imm.d); break;
  case ST_IR_CONST_BOOL: fputs(i->imm.i ? " true" : " false", out); break;
  case ST_IR_CONST_PTR: fputs(" ptr", out); break; /* addresses are not stable */
  case ST_IR_CMP_I32:
  case ST_IR_CMP_F64: fprintf(out, " %s", cond_names[i->imm.i]); break;
  case ST_IR_LOAD:
  case ST_IR_LOADX:
  case ST_IR_STORE:
  case ST_IR_STOREX: fprintf(out, " +%" PRId64, i->imm.i); break;
  case ST_IR_GUARD_SHAPE: fputs(" shape", out); break;
  case ST_IR_IS_TAG:
  case ST_IR_GUARD_TAG: fprintf(out, " tag %" PRIx64, i->imm.i); break;
  case ST_IR_GUARD_FLAGS: fprintf(out, " mask %x == %x", i->imm.u[0], i->imm.u[1]); break;
  case ST_IR_CALL:
  case ST_IR_CALL_PURE: fprintf(out, " helper %" PRId64, i->imm.i); break;
  case ST_IR_MATH_F64: fprintf(out, " fn %" PRId64, i->imm.i); break;
  default: break;
  }
  if (i->snap) fprintf(out, " [snap %u]", i->snap - 1);
  if (i->bc_pc != UINT32_MAX) fprintf(out, "  @%u", i->bc_pc);
  fputc('\n', out);
}

void st_ir_print(FILE *out, StIrFunc *f) {
  fprintf(out, "ir %s%s\n", f->name ? f->name : "?", f->osr_pc != UINT32_MAX ? " (osr)" : "");
  for (uint32_t b = 0; b < f->blocks.len; b++) {
    StIrBlock *blk = &f->blocks.data[b];
    if (blk->dead) continue;
    fprintf(out, "  b%u", b);
    if (blk->preds.len) {
      fputs(" <-", out);
      for (size_t k = 0; k < blk->preds.len; k++) fprintf(out, " b%u", blk->preds.data[k]);
    }
    if (blk->is_loop_header) fputs(" loop", out);
    fputs(":\n", out);
    for (size_t k = 0; k < blk->insns.len; k++) {
      StIrRef r = blk->insns.data[k];
      if (!(st_ir_insn(f, r)->flags & ST_IRI_DEAD)) print_insn(out, f, r);
    }
    if (blk->nsucc) {
      fputs("    ->", out);
      for (uint32_t k = 0; k < blk->nsucc; k++) fprintf(out, " b%u", blk->succ[k]);
      fputc('\n', out);
    }
  }
  for (uint32_t s = 0; s < f->snaps.len; s++) {
    StIrSnap *sn = &f->snaps.data[s];
    fprintf(out, "  snap %u:", s);
    for (uint32_t k = 0; k < sn->nframes; k++) {
      StIrSnapFrame *fr = &f->snap_frames.data[sn->first_frame + k];
      fprintf(out, " [pc %u", fr->pc);
      for (uint32_t e = 0; e < fr->count; e++) {
        StIrSnapEntry *en = &f->snap_entries.data[fr->first + e];
        fprintf(out, " r%u=v%u", en->reg, en->ref);
      }
      fputc(']', out);
    }
    fputc('\n', out);
  }
}

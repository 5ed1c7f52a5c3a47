/* backends/opt.c: the pass driver and the utilities every pass shares (backends/opt_internal.h).
 *
 *   st_opt_run:  for each pass of ST_OPT_PIPELINE that o->enabled allows
 *                  run it -> compact block lists -> verify (assert builds or o->verify)
 *                  -> print when o->print_after names it -> add its time and changes to o
 *
 * The pipeline itself (the diagram and the reasons) is at the top of backends/opt.h.
 */
#include "backends/opt_internal.h"

#include <string.h>

const char *const st_opt_pass_names[ST_OPT_COUNT] = {
#define ST_OPT_PASS_NAME(name, fn, full, cheap) #name,
    ST_IR_PASSES(ST_OPT_PASS_NAME)
#undef ST_OPT_PASS_NAME
};

static uint32_t (*const pass_fns[ST_OPT_COUNT])(StIrFunc *) = {
#define ST_OPT_PASS_FN(name, fn, full, cheap) fn,
    ST_IR_PASSES(ST_OPT_PASS_FN)
#undef ST_OPT_PASS_FN
};

static const bool pass_full[ST_OPT_COUNT] = {
#define ST_OPT_PASS_FULL(name, fn, full, cheap) full,
    ST_IR_PASSES(ST_OPT_PASS_FULL)
#undef ST_OPT_PASS_FULL
};

static const bool pass_cheap[ST_OPT_COUNT] = {
#define ST_OPT_PASS_CHEAP(name, fn, full, cheap) cheap,
    ST_IR_PASSES(ST_OPT_PASS_CHEAP)
#undef ST_OPT_PASS_CHEAP
};

void st_opt_defaults(StOptOptions *o, bool full) {
  memset(o, 0, sizeof *o);
  for (int k = 0; k < ST_OPT_COUNT; k++) o->enabled[k] = full ? pass_full[k] : pass_cheap[k];
}

int st_opt_find(const char *name) {
  for (int k = 0; k < ST_OPT_COUNT; k++)
    if (!strcmp(name, st_opt_pass_names[k])) return k;
  return -1;
}

bool st_opt_set_enabled(StOptOptions *o, const char *list, char *err, size_t errlen) {
  bool en[ST_OPT_COUNT];
  memcpy(en, o->enabled, sizeof en);
  const char *p = list;
  while (*p) {
    const char *end = strchr(p, ',');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    char word[32];
    if (n >= sizeof word) n = sizeof word - 1;
    memcpy(word, p, n);
    word[n] = 0;
    const char *name = word;
    bool on = true;
    if (name[0] == '-') name++, on = false;
    else if (!strncmp(name, "no-", 3)) name += 3, on = false;
    if (!strcmp(name, "all") || !strcmp(name, "none")) {
      for (int k = 0; k < ST_OPT_COUNT; k++) en[k] = on && !strcmp(name, "all");
    } else if (name[0]) {
      int k = st_opt_find(name);
      if (k < 0) {
        size_t at = (size_t)snprintf(err, errlen, "unknown pass '%s' (passes:", name);
        for (int j = 0; j < ST_OPT_COUNT && at < errlen; j++)
          at += (size_t)snprintf(err + at, errlen - at, " %s", st_opt_pass_names[j]);
        if (at < errlen) snprintf(err + at, errlen - at, ")");
        return false;
      }
      en[k] = on;
    }
    if (!end) break;
    p = end + 1;
  }
  memcpy(o->enabled, en, sizeof en);
  return true;
}

bool st_opt_run(StIrFunc *f, StOptOptions *o) {
  static const StOptPass pipeline[] = ST_OPT_PIPELINE;
  bool verify = o->verify;
#ifdef STRATA_ASSERT
  verify = true;
#endif
  FILE *out = o->print_out ? o->print_out : stderr;
  for (size_t k = 0; k < ST_ARRAY_LEN(pipeline); k++) {
    StOptPass p = pipeline[k];
    if (!o->enabled[p]) continue;
    uint64_t t0 = st_common_now_ns();
    uint32_t changes = pass_fns[p](f);
    st_opt_compact(f);
    o->pass_ns[p] += st_common_now_ns() - t0;
    o->pass_changes[p] += changes;
    o->pass_runs[p]++;
    if (verify && !st_ir_verify(f)) {
      char msg[sizeof f->error + 32];
      snprintf(msg, sizeof msg, "%s: %s", st_opt_pass_names[p], f->error);
      memcpy(f->error, msg, sizeof f->error - 1);
      f->error[sizeof f->error - 1] = 0;
      return false;
    }
    if (o->print_after && (!strcmp(o->print_after, "all") || !strcmp(o->print_after, st_opt_pass_names[p]))) {
      fprintf(out, "; after %s (%u changes)\n", st_opt_pass_names[p], changes);
      st_ir_print(out, f);
    }
  }
  return true;
}

/* --- replacing values --- */

void st_opt_repl_init(StOptRepl *r) {
  r->map = NULL;
  r->cap = 0;
}

void st_opt_repl_free(StOptRepl *r) {
  free(r->map);
  st_opt_repl_init(r);
}

void st_opt_replace(StIrFunc *f, StOptRepl *r, StIrRef old, StIrRef with) {
  ST_ASSERT(old != with, "v%u replaced by itself", old);
  if (old >= r->cap) {
    size_t cap = f->insns.len > old + 1 ? f->insns.len : old + 1;
    cap += cap / 2;
    r->map = st_xrealloc(r->map, cap * sizeof(StIrRef));
    memset(r->map + r->cap, 0, (cap - r->cap) * sizeof(StIrRef));
    r->cap = cap;
  }
  r->map[old] = with;
  st_opt_kill(f, old);
}

StIrRef st_opt_resolve(const StOptRepl *r, StIrRef x) {
  while (x < r->cap && r->map[x]) x = r->map[x];
  return x;
}

void st_opt_resolve_operands(const StOptRepl *r, StIrInsn *i) {
  i->a = st_opt_resolve(r, i->a);
  i->b = st_opt_resolve(r, i->b);
  i->c = st_opt_resolve(r, i->c);
  for (uint32_t k = 0; k < i->nargs; k++) i->args[k] = st_opt_resolve(r, i->args[k]);
}

void st_opt_apply(StIrFunc *f, const StOptRepl *r) {
  if (!r->cap) return;
  for (size_t x = 1; x < f->insns.len; x++) {
    StIrInsn *i = &f->insns.data[x];
    if (!(i->flags & ST_IRI_DEAD)) st_opt_resolve_operands(r, i);
  }
  for (size_t e = 0; e < f->snap_entries.len; e++)
    f->snap_entries.data[e].ref = st_opt_resolve(r, f->snap_entries.data[e].ref);
  for (size_t k = 0; k < f->snap_frames.len; k++) {
    StIrSnapFrame *sf = &f->snap_frames.data[k];
    sf->this_ref = st_opt_resolve(r, sf->this_ref);
    sf->callee_ref = st_opt_resolve(r, sf->callee_ref);
  }
}

void st_opt_kill(StIrFunc *f, StIrRef r) {
  StIrInsn *i = st_ir_insn(f, r);
  i->flags |= ST_IRI_DEAD;
}

static void make_const(StIrFunc *f, StIrRef r, StIrOp op, StIrType type) {
  StIrInsn *i = st_ir_insn(f, r);
  i->op = (uint8_t)op;
  i->type = (uint8_t)type;
  i->a = i->b = i->c = ST_IR_NONE;
  i->nargs = 0;
  i->args = NULL;
  i->snap = 0;
  i->imm.i = 0;
}

void st_opt_make_const_i32(StIrFunc *f, StIrRef r, int32_t v) {
  make_const(f, r, ST_IR_CONST_I32, ST_IRT_I32);
  st_ir_insn(f, r)->imm.i = v;
}

void st_opt_make_const_f64(StIrFunc *f, StIrRef r, double v) {
  make_const(f, r, ST_IR_CONST_F64, ST_IRT_F64);
  st_ir_insn(f, r)->imm.d = v;
}

void st_opt_make_const_bool(StIrFunc *f, StIrRef r, bool v) {
  make_const(f, r, ST_IR_CONST_BOOL, ST_IRT_BOOL);
  st_ir_insn(f, r)->imm.i = v;
}

void st_opt_make_const_value(StIrFunc *f, StIrRef r, StValue v) {
  make_const(f, r, ST_IR_CONST_VALUE, ST_IRT_VALUE);
  st_ir_insn(f, r)->imm.v = v;
}

/* --- placing instructions --- */

size_t st_opt_term_index(StIrFunc *f, uint32_t b) {
  StIrBlock *blk = &f->blocks.data[b];
  for (size_t k = blk->insns.len; k-- > 0;) {
    StIrInsn *i = st_ir_insn(f, blk->insns.data[k]);
    if (!(i->flags & ST_IRI_DEAD) && (st_opt_flags(i) & ST_IRF_TERM)) return k;
  }
  ST_ASSERT(false, "b%u has no terminator", b);
  return blk->insns.len;
}

StIrRef st_opt_insert_at(StIrFunc *f, uint32_t b, size_t pos, StIrOp op, StIrType type, StIrRef a,
                         StIrRef c2, StIrRef c3) {
  /* st_ir_emit appends; move the new ref to pos. */
  StIrRef r = st_ir_emit(f, b, op, type, a, c2, c3);
  st_ir_insn(f, r)->bc_pc = UINT32_MAX;
  StIrBlock *blk = &f->blocks.data[b];
  ST_ASSERT(pos < blk->insns.len, "insert position %zu out of b%u", pos, b);
  memmove(&blk->insns.data[pos + 1], &blk->insns.data[pos], (blk->insns.len - 1 - pos) * sizeof(StIrRef));
  blk->insns.data[pos] = r;
  return r;
}

StIrRef st_opt_insert_before_term(StIrFunc *f, uint32_t b, StIrOp op, StIrType type, StIrRef a,
                                  StIrRef c2, StIrRef c3) {
  return st_opt_insert_at(f, b, st_opt_term_index(f, b), op, type, a, c2, c3);
}

static void list_remove(StIrBlock *blk, StIrRef r) {
  for (size_t k = 0; k < blk->insns.len; k++)
    if (blk->insns.data[k] == r) {
      memmove(&blk->insns.data[k], &blk->insns.data[k + 1], (blk->insns.len - k - 1) * sizeof(StIrRef));
      blk->insns.len--;
      return;
    }
}

void st_opt_move_before_term(StIrFunc *f, StIrRef r, uint32_t to) {
  StIrInsn *i = st_ir_insn(f, r);
  list_remove(&f->blocks.data[i->block], r);
  i->block = to;
  size_t pos = st_opt_term_index(f, to);
  StIrBlock *blk = &f->blocks.data[to];
  st_vec_push(&blk->insns, 0);
  memmove(&blk->insns.data[pos + 1], &blk->insns.data[pos], (blk->insns.len - 1 - pos) * sizeof(StIrRef));
  blk->insns.data[pos] = r;
}

StIrRef st_opt_const_i32(StIrFunc *f, int32_t v) {
  StIrRef r = st_opt_insert_before_term(f, 0, ST_IR_CONST_I32, ST_IRT_I32, 0, 0, 0);
  st_ir_insn(f, r)->imm.i = v;
  return r;
}

StIrRef st_opt_const_f64(StIrFunc *f, double v) {
  StIrRef r = st_opt_insert_before_term(f, 0, ST_IR_CONST_F64, ST_IRT_F64, 0, 0, 0);
  st_ir_insn(f, r)->imm.d = v;
  return r;
}

StIrRef st_opt_const_bool(StIrFunc *f, bool v) {
  StIrRef r = st_opt_insert_before_term(f, 0, ST_IR_CONST_BOOL, ST_IRT_BOOL, 0, 0, 0);
  st_ir_insn(f, r)->imm.i = v;
  return r;
}

StIrRef st_opt_const_value(StIrFunc *f, StValue v) {
  StIrRef r = st_opt_insert_before_term(f, 0, ST_IR_CONST_VALUE, ST_IRT_VALUE, 0, 0, 0);
  st_ir_insn(f, r)->imm.v = v;
  return r;
}

/* --- CFG edits --- */

/* Removes predecessor entry k of block `to` and the matching input of each of its phis. */
static void remove_pred_at(StIrFunc *f, uint32_t to, size_t k) {
  StIrBlock *blk = &f->blocks.data[to];
  for (size_t x = 0; x < blk->insns.len; x++) {
    StIrInsn *i = st_ir_insn(f, blk->insns.data[x]);
    if (i->flags & ST_IRI_DEAD) continue;
    if (i->op != ST_IR_PHI) break;
    ST_ASSERT(i->nargs == blk->preds.len, "phi v%u out of step with b%u", blk->insns.data[x], to);
    memmove(&i->args[k], &i->args[k + 1], (i->nargs - k - 1) * sizeof(StIrRef));
    i->nargs--;
  }
  memmove(&blk->preds.data[k], &blk->preds.data[k + 1], (blk->preds.len - k - 1) * sizeof(uint32_t));
  blk->preds.len--;
}

void st_opt_remove_edge(StIrFunc *f, uint32_t from, uint32_t to) {
  StIrBlock *fb = &f->blocks.data[from];
  for (uint32_t k = 0; k < fb->nsucc; k++)
    if (fb->succ[k] == to) {
      for (uint32_t j = k; j + 1 < fb->nsucc; j++) fb->succ[j] = fb->succ[j + 1];
      fb->nsucc--;
      break;
    }
  StIrBlock *tb = &f->blocks.data[to];
  for (size_t k = tb->preds.len; k-- > 0;)
    if (tb->preds.data[k] == from) {
      remove_pred_at(f, to, k);
      return;
    }
  ST_ASSERT(false, "no edge b%u -> b%u", from, to);
}

uint32_t st_opt_prune_unreachable(StIrFunc *f) {
  uint32_t nb = (uint32_t)f->blocks.len;
  if (!nb) return 0;
  uint8_t *seen = st_xcalloc(nb, 1);
  uint32_t *stack = st_xmalloc(nb * sizeof(uint32_t));
  uint32_t sp = 0, removed = 0;
  stack[sp++] = 0;
  seen[0] = 1;
  while (sp) {
    StIrBlock *blk = &f->blocks.data[stack[--sp]];
    for (uint32_t k = 0; k < blk->nsucc; k++)
      if (!seen[blk->succ[k]]) {
        seen[blk->succ[k]] = 1;
        stack[sp++] = blk->succ[k];
      }
  }
  for (uint32_t b = 0; b < nb; b++) {
    if (seen[b]) continue;
    StIrBlock *blk = &f->blocks.data[b];
    if (!blk->dead || blk->nsucc || blk->preds.len || blk->insns.len) removed++;
    /* Edges into reachable blocks take their phi inputs with them; edges between unreachable
     * blocks just go (those blocks' lists are cleared wholesale). */
    for (uint32_t k = 0; k < blk->nsucc; k++) {
      uint32_t s = blk->succ[k];
      StIrBlock *sb = &f->blocks.data[s];
      if (!seen[s]) continue;
      for (size_t j = sb->preds.len; j-- > 0;)
        if (sb->preds.data[j] == b) remove_pred_at(f, s, j);
    }
    blk->nsucc = 0;
    for (size_t k = 0; k < blk->insns.len; k++) st_opt_kill(f, blk->insns.data[k]);
    blk->insns.len = 0;
    blk->preds.len = 0;
    blk->dead = true;
    blk->entry_snap = 0;
  }
  free(stack);
  free(seen);
  return removed;
}

StIrRef st_opt_trivial_phi(StIrFunc *f, const StOptRepl *repl, StIrRef r) {
  StIrInsn *i = st_ir_insn(f, r);
  StIrRef x = ST_IR_NONE;
  for (uint32_t k = 0; k < i->nargs; k++) {
    StIrRef a = st_opt_resolve(repl, i->args[k]);
    if (a == r) continue;
    if (x == ST_IR_NONE) x = a;
    else if (a != x) return ST_IR_NONE;
  }
  return x;
}

void st_opt_compact(StIrFunc *f) {
  for (uint32_t b = 0; b < f->blocks.len; b++) {
    StIrBlock *blk = &f->blocks.data[b];
    size_t n = 0;
    for (size_t k = 0; k < blk->insns.len; k++) {
      StIrRef r = blk->insns.data[k];
      StIrInsn *i = st_ir_insn(f, r);
      if (!(i->flags & ST_IRI_DEAD) && i->block == b) blk->insns.data[n++] = r;
    }
    blk->insns.len = n;
  }
}

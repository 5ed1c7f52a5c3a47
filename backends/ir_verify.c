/* backends/ir_verify.c: the IR verifier, run after every pass in assert builds (and on demand
 * with --verify-ir). It checks the invariants stated in backends/ir.h and reports the first
 * violation in f->error. */
#include "backends/ir.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static bool failf(StIrFunc *f, const char *fmt, ...) ST_PRINTF(2, 3);
static bool failf(StIrFunc *f, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(f->error, sizeof f->error, fmt, ap);
  va_end(ap);
  return false;
}

static bool type_matches(char sig, uint8_t type) {
  switch (sig) {
  case 'v': return type == ST_IRT_VALUE;
  case 'i': return type == ST_IRT_I32;
  case 'd': return type == ST_IRT_F64;
  case 'b': return type == ST_IRT_BOOL;
  case 'p': return type == ST_IRT_PTR;
  case '*': return type != ST_IRT_VOID;
  default: return false;
  }
}

/* Whether def (an instruction) is available at position `pos` of block `b`. */
static bool available(StIrFunc *f, StIrRef def, uint32_t b, size_t pos, size_t *index_in_block) {
  StIrInsn *d = st_ir_insn(f, def);
  if (d->flags & ST_IRI_DEAD) return false;
  if (d->block != b) return st_ir_dominates(f, d->block, b);
  /* Same block: it must come earlier. */
  return index_in_block[def] < pos;
}

bool st_ir_verify(StIrFunc *f) {
  st_ir_dominators(f);
  size_t *pos = st_xcalloc(f->insns.len, sizeof(size_t));
  for (uint32_t b = 0; b < f->blocks.len; b++) {
    StIrBlock *blk = &f->blocks.data[b];
    for (size_t k = 0; k < blk->insns.len; k++) pos[blk->insns.data[k]] = k;
  }
  bool ok = true;
  for (uint32_t b = 0; b < f->blocks.len && ok; b++) {
    StIrBlock *blk = &f->blocks.data[b];
    if (blk->dead) continue;
    size_t n = blk->insns.len;
    size_t live = 0;
    bool seen_non_phi = false, terminated = false;
    for (size_t k = 0; k < n && ok; k++) {
      StIrRef r = blk->insns.data[k];
      StIrInsn *i = st_ir_insn(f, r);
      if (i->flags & ST_IRI_DEAD) continue;
      live++;
      const StIrOpInfo *info = &st_ir_op_info[i->op];
      if (i->block != b) { ok = failf(f, "v%u is listed in b%u but belongs to b%u", r, b, i->block); break; }
      if (terminated) { ok = failf(f, "v%u follows the terminator of b%u", r, b); break; }
      if (info->flags & ST_IRF_TERM) terminated = true;
      if (i->op == ST_IR_PHI) {
        if (seen_non_phi) { ok = failf(f, "phi v%u after a non-phi in b%u", r, b); break; }
        if (i->nargs != blk->preds.len) {
          ok = failf(f, "phi v%u has %u inputs, b%u has %zu predecessors", r, i->nargs, b, blk->preds.len);
          break;
        }
        for (uint32_t a = 0; a < i->nargs; a++) {
          StIrRef in = i->args[a];
          uint32_t pred = blk->preds.data[a];
          StIrInsn *d = st_ir_insn(f, in);
          if (!in || (d->flags & ST_IRI_DEAD) || !st_ir_dominates(f, d->block, pred)) {
            ok = failf(f, "phi v%u input %u (v%u) does not dominate b%u", r, a, in, pred);
            break;
          }
          if (d->type != i->type) {
            ok = failf(f, "phi v%u input v%u has another type", r, in);
            break;
          }
        }
        continue;
      }
      seen_non_phi = true;
      StIrRef ops[3] = {i->a, i->b, i->c};
      for (int o = 0; o < 3 && info->sig[o] && ok; o++) {
        if (!ops[o]) { ok = failf(f, "v%u (%s) is missing operand %d", r, info->name, o); break; }
        StIrInsn *d = st_ir_insn(f, ops[o]);
        if (!type_matches(info->sig[o], d->type)) {
          ok = failf(f, "v%u (%s) operand %d v%u has the wrong type", r, info->name, o, ops[o]);
          break;
        }
        if (!available(f, ops[o], b, k, pos)) {
          ok = failf(f, "v%u (%s) uses v%u, which does not dominate it", r, info->name, ops[o]);
          break;
        }
      }
      for (uint32_t a = 0; a < i->nargs && ok; a++) {
        if (!i->args[a] || !available(f, i->args[a], b, k, pos))
          ok = failf(f, "v%u (%s) argument %u v%u does not dominate it", r, info->name, a, i->args[a]);
      }
      if (!ok) break;
      if (info->flags & (ST_IRF_GUARD | ST_IRF_THROWS)) {
        /* A CALL without a snapshot calls a helper that cannot throw. */
        bool optional = i->op == ST_IR_CALL && i->snap == 0;
        if (!optional && (!i->snap || i->snap > f->snaps.len)) {
          ok = failf(f, "v%u (%s) has no valid snapshot", r, info->name);
          break;
        }
        if (optional) continue;
        StIrSnap *s = &f->snaps.data[i->snap - 1];
        for (uint32_t fr = 0; fr < s->nframes && ok; fr++) {
          StIrSnapFrame *sf = &f->snap_frames.data[s->first_frame + fr];
          for (uint32_t e = 0; e < sf->count; e++) {
            StIrRef v = f->snap_entries.data[sf->first + e].ref;
            if (!v || !available(f, v, b, k, pos)) {
              ok = failf(f, "snapshot %u of v%u references v%u, which does not dominate it",
                         i->snap - 1, r, v);
              break;
            }
          }
        }
      }
    }
    if (ok && !terminated) ok = failf(f, "b%u has no terminator", b);
    if (ok) {
      StIrInsn *t = NULL;
      for (size_t k = n; k-- > 0;) {
        StIrInsn *i = st_ir_insn(f, blk->insns.data[k]);
        if (!(i->flags & ST_IRI_DEAD)) {
          t = i;
          break;
        }
      }
      uint32_t want = t->op == ST_IR_JUMP ? 1 : t->op == ST_IR_BRANCH ? 2 : 0;
      if (blk->nsucc != want)
        ok = failf(f, "b%u ends with %s but has %u successors", b, st_ir_op_info[t->op].name, blk->nsucc);
    }
    (void)live;
  }
  free(pos);
  return ok;
}

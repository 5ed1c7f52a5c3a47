/* backends/opt_gvn.c: dominator-tree value numbering; also the redundant-guard and redundant-
 * load elimination (there is no separate guard pass).
 *
 * A walk of the dominator tree keeps a scoped table of the instructions seen on the path from
 * the entry: an instruction equal to one in the table (same op, type, operands after
 * replacement, immediate, call arguments; operands sorted for commuting ops) is replaced by it,
 * which dominates it. Three kinds of entries:
 *  - pure instructions (constants included): valid in the whole dominated subtree;
 *  - guards that read no memory (GUARD_INT32 ... GUARD_BOUNDS, and the exiting arithmetic
 *    ADD_I32_OV ... MOD_I32): a dominated identical guard cannot fail once the first passed
 *    (and an exiting op gives the same result), so it is removed; valid in the subtree;
 *  - memory readers (LOAD, LOADX, GUARD_SHAPE, GUARD_FLAGS, GUARD_EPOCH): valid only while no
 *    ST_IRF_EFFECT instruction (stores, calls: a call may run any JS, which may write any field,
 *    change any shape, bump the epoch) has run since. Each entry records the memory epoch it
 *    was made in; an effect starts a new epoch, and so does entering a block that has another
 *    predecessor than its dominator-tree parent (an effect could be on that other path). A
 *    block whose single predecessor is its parent continues the parent's final epoch.
 * PARAM (the frame at entry) and phis are not numbered.
 */
#include "backends/opt_internal.h"

#include <string.h>

typedef struct Entry {
  StIrRef ref;     /* the representative */
  uint32_t epoch;  /* memory readers: the epoch it is valid in; 0 for the others */
  uint32_t next;   /* hash chain (index + 1) */
} Entry;

typedef struct Gvn {
  StIrFunc *f;
  StOptRepl repl;
  Entry *entries;  /* a stack: entries of the current dominator-tree path */
  uint32_t nentries, cap;
  uint32_t *heads; /* hash bucket -> entry index + 1 */
  uint32_t mask;
  uint32_t epoch, next_epoch;
  uint32_t changes;
} Gvn;

static bool commutes(StIrInsn *i) {
  switch ((StIrOp)i->op) {
  case ST_IR_ADD_I32_OV:
  case ST_IR_MUL_I32_OV:
  case ST_IR_ADD_I32:
  case ST_IR_AND_I32:
  case ST_IR_OR_I32:
  case ST_IR_XOR_I32:
  case ST_IR_ADD_F64:
  case ST_IR_MUL_F64:
  case ST_IR_EQ_VALUE:
  case ST_IR_EQ_PTR:
  case ST_IR_GUARD_EQ_PTR: return true;
  default: return false;
  }
}

typedef enum Kind { KIND_NONE, KIND_PURE, KIND_GUARD, KIND_MEMORY } Kind;

static Kind kind_of(StIrInsn *i) {
  uint16_t fl = st_opt_flags(i);
  if (i->op == ST_IR_PHI || i->op == ST_IR_PARAM || (fl & (ST_IRF_EFFECT | ST_IRF_TERM | ST_IRF_THROWS)))
    return KIND_NONE;
  if (fl & ST_IRF_LOAD) return KIND_MEMORY;
  if (fl & ST_IRF_GUARD) return KIND_GUARD;
  if (fl & ST_IRF_PURE) return KIND_PURE;
  return KIND_NONE;
}

static uint32_t hash_insn(StIrInsn *i) {
  uint64_t h = (uint64_t)i->op * 0x9E3779B97F4A7C15ull ^ i->type;
  StIrRef a = i->a, b = i->b;
  if (commutes(i) && a > b) a = i->b, b = i->a;
  h = (h ^ a) * 0x100000001B3ull;
  h = (h ^ b) * 0x100000001B3ull;
  h = (h ^ i->c) * 0x100000001B3ull;
  h = (h ^ (uint64_t)i->imm.i) * 0x100000001B3ull;
  for (uint32_t k = 0; k < i->nargs; k++) h = (h ^ i->args[k]) * 0x100000001B3ull;
  return (uint32_t)(h ^ (h >> 32));
}

static bool same(StIrInsn *x, StIrInsn *y) {
  if (x->op != y->op || x->type != y->type || x->c != y->c || x->imm.i != y->imm.i || x->nargs != y->nargs)
    return false;
  bool ops = (x->a == y->a && x->b == y->b) || (commutes(x) && x->a == y->b && x->b == y->a);
  if (!ops) return false;
  for (uint32_t k = 0; k < x->nargs; k++)
    if (x->args[k] != y->args[k]) return false;
  return true;
}

static StIrRef lookup(Gvn *G, StIrInsn *i, uint32_t h) {
  for (uint32_t e = G->heads[h & G->mask]; e; e = G->entries[e - 1].next) {
    Entry *en = &G->entries[e - 1];
    if (en->epoch && en->epoch != G->epoch) continue;
    if (same(st_ir_insn(G->f, en->ref), i)) return en->ref;
  }
  return ST_IR_NONE;
}

static void push(Gvn *G, StIrRef r, uint32_t h, uint32_t epoch) {
  if (G->nentries == G->cap) {
    G->cap = G->cap ? G->cap * 2 : 64;
    G->entries = st_xrealloc(G->entries, G->cap * sizeof(Entry));
  }
  uint32_t b = h & G->mask;
  G->entries[G->nentries] = (Entry){.ref = r, .epoch = epoch, .next = G->heads[b]};
  G->heads[b] = ++G->nentries;
}

/* Pops entries back to `mark` (their buckets' heads are the popped entries, newest first). */
static void pop_to(Gvn *G, uint32_t mark) {
  while (G->nentries > mark) {
    Entry *en = &G->entries[G->nentries - 1];
    uint32_t h = hash_insn(st_ir_insn(G->f, en->ref));
    G->heads[h & G->mask] = en->next;
    G->nentries--;
  }
}

static void number_block(Gvn *G, uint32_t b) {
  StIrFunc *f = G->f;
  StIrBlock *blk = &f->blocks.data[b];
  for (size_t k = 0; k < blk->insns.len; k++) {
    StIrRef r = blk->insns.data[k];
    StIrInsn *i = st_ir_insn(f, r);
    if (i->flags & ST_IRI_DEAD) continue;
    st_opt_resolve_operands(&G->repl, i);
    if (st_opt_flags(i) & ST_IRF_EFFECT) {
      G->epoch = ++G->next_epoch;
      continue;
    }
    Kind kind = kind_of(i);
    if (kind == KIND_NONE) continue;
    uint32_t h = hash_insn(i);
    StIrRef prev = lookup(G, i, h);
    if (prev) {
      if (i->type == ST_IRT_VOID) st_opt_kill(f, r); /* a guard without a value */
      else st_opt_replace(f, &G->repl, r, prev);
      G->changes++;
      continue;
    }
    push(G, r, h, kind == KIND_MEMORY ? G->epoch : 0);
  }
}

uint32_t st_opt_gvn_run(StIrFunc *f) {
  st_ir_dominators(f);
  uint32_t nb = (uint32_t)f->blocks.len;
  if (!nb) return 0;
  Gvn G = {.f = f};
  st_opt_repl_init(&G.repl);
  uint32_t size = 64;
  while (size < f->insns.len) size *= 2;
  G.heads = st_xcalloc(size, sizeof(uint32_t));
  G.mask = size - 1;
  /* Dominator-tree children, as linked lists. */
  uint32_t *first = st_xmalloc(nb * sizeof(uint32_t)), *sibling = st_xmalloc(nb * sizeof(uint32_t));
  for (uint32_t b = 0; b < nb; b++) first[b] = sibling[b] = UINT32_MAX;
  for (uint32_t b = nb; b-- > 0;) {
    StIrBlock *blk = &f->blocks.data[b];
    if (blk->dead || blk->idom == UINT32_MAX || blk->idom == b) continue;
    sibling[b] = first[blk->idom];
    first[blk->idom] = b;
  }
  /* Iterative preorder walk: a stack of (block, entries mark, epoch at the block's end). */
  typedef struct Frame { uint32_t block, mark, end_epoch, child; } Frame;
  Frame *stack = st_xmalloc(nb * sizeof(Frame));
  uint32_t sp = 0;
  G.epoch = G.next_epoch = 1;
  number_block(&G, 0);
  stack[sp++] = (Frame){0, 0, G.epoch, first[0]};
  while (sp) {
    Frame *top = &stack[sp - 1];
    uint32_t c = top->child;
    if (c == UINT32_MAX) {
      pop_to(&G, top->mark);
      sp--;
      continue;
    }
    top->child = sibling[c];
    StIrBlock *cb = &f->blocks.data[c];
    bool continues = cb->preds.len == 1 && cb->preds.data[0] == top->block;
    G.epoch = continues ? top->end_epoch : ++G.next_epoch;
    uint32_t mark = G.nentries;
    number_block(&G, c);
    stack[sp++] = (Frame){c, mark, G.epoch, first[c]};
  }
  free(stack);
  free(first);
  free(sibling);
  free(G.heads);
  free(G.entries);
  st_opt_apply(f, &G.repl);
  st_opt_repl_free(&G.repl);
  return G.changes;
}

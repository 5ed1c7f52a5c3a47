/* backends/bcinfo.c: basic blocks, register reads/writes and liveness of bytecode.
 *
 * Liveness is the usual backward dataflow over blocks, iterated to a fixed point. Exceptional
 * control flow is folded in conservatively: a register live at the entry of a handler is live
 * at every instruction the handler covers (a throw there resumes the interpreter, which
 * unwinds to the handler).
 */
#include "backends/bcinfo.h"

#include <stdlib.h>
#include <string.h>


/* The unwinder itself reads a register on the way into a handler: the context saved at the
 * try's entry (SAVECTX), restored before the handler runs. It is live wherever the handler
 * covers, although no instruction of the handler reads it. */
static void add_unwind_reads(uint64_t *live, const StHandler *hd) {
  if (hd->ctx_reg != ST_REG_NONE) live[hd->ctx_reg / 64] |= (uint64_t)1 << (hd->ctx_reg % 64);
}

/* Opcodes whose first R operand is written (the others' R operands are all reads). */
static bool first_is_dest(uint16_t op) {
  switch (op) {
  case ST_OP_SETGLOBAL: case ST_OP_DECLFUNC: case ST_OP_SETCTX: case ST_OP_SETCTXCHK:
  case ST_OP_RESTORECTX: case ST_OP_SETPROP: case ST_OP_SETELEM: case ST_OP_DEFPROP:
  case ST_OP_DEFELEM: case ST_OP_DEFMETHOD: case ST_OP_DEFACCESSOR: case ST_OP_DEFFIELD:
  case ST_OP_COPYPROPS: case ST_OP_SETSUPER: case ST_OP_SETPROTO: case ST_OP_CHECKTDZ:
  case ST_OP_CHECKTHIS: case ST_OP_JTRUE: case ST_OP_JFALSE: case ST_OP_JNULLISH:
  case ST_OP_JNOTNULLISH: case ST_OP_JUNDEF: case ST_OP_JNOTUNDEF: case ST_OP_JLT:
  case ST_OP_JLE: case ST_OP_JGT: case ST_OP_JGE: case ST_OP_JNLT: case ST_OP_JNLE:
  case ST_OP_JNGT: case ST_OP_JNGE: case ST_OP_JSEQ: case ST_OP_JSNE: case ST_OP_JEQ:
  case ST_OP_JNE: case ST_OP_RET: case ST_OP_THROW: case ST_OP_ARRAYPUSH:
  case ST_OP_ARRAYHOLE: case ST_OP_ARRAYSPREAD: case ST_OP_SETFIELDS: case ST_OP_SETHOME: case ST_OP_ITERCLOSE:
  case ST_OP_ITERCLOSEQUIET:
    return false;
  default: return true;
  }
}

static void add_read(StBcRegs *o, uint32_t r) {
  if (r != ST_REG_NONE && o->nreads < 8) o->reads[o->nreads++] = r;
}
static void add_write(StBcRegs *o, uint32_t r) {
  if (r != ST_REG_NONE && o->nwrites < 4) o->writes[o->nwrites++] = r;
}

void st_bcinfo_regs(const uint16_t *insn, StBcRegs *o) {
  memset(o, 0, sizeof *o);
  uint16_t op = insn[0];
  const char *fmt = st_bytecode_info[op].format;
  int32_t v[6] = {0};
  for (int i = 0; fmt[i] && i < 6; i++) v[i] = st_bytecode_operand(insn, i);
  switch (op) {
  case ST_OP_CALL:
  case ST_OP_NEW:
    add_write(o, (uint32_t)v[0]);
    o->read_range_start = (uint32_t)v[1];
    o->read_range_len = (uint32_t)v[2] + 2;
    return;
  case ST_OP_CALLSPREAD:
  case ST_OP_NEWSPREAD:
    add_write(o, (uint32_t)v[0]);
    o->read_range_start = (uint32_t)v[1];
    o->read_range_len = 3;
    return;
  case ST_OP_SUPERCALL:
    add_write(o, (uint32_t)v[0]);
    o->read_range_start = (uint32_t)v[1];
    o->read_range_len = (uint32_t)v[2] + 2;
    return;
  case ST_OP_SUPERCALLSPREAD:
    add_write(o, (uint32_t)v[0]);
    o->read_range_start = (uint32_t)v[1];
    o->read_range_len = 3;
    return;
  case ST_OP_BINDTHIS:
    add_write(o, (uint32_t)v[0]);
    add_read(o, (uint32_t)v[0]);
    add_read(o, (uint32_t)v[1]);
    add_read(o, (uint32_t)v[2]);
    return;
  case ST_OP_CALLNATIVE:
    add_write(o, (uint32_t)v[0]);
    o->read_range_start = (uint32_t)v[2];
    o->read_range_len = (uint32_t)v[3];
    return;
  case ST_OP_CONCAT:
  case ST_OP_ARRAYFROM:
    add_write(o, (uint32_t)v[0]);
    o->read_range_start = (uint32_t)v[1];
    o->read_range_len = (uint32_t)v[2];
    return;
  case ST_OP_OBJREST:
    add_write(o, (uint32_t)v[0]);
    add_read(o, (uint32_t)v[1]);
    o->read_range_start = (uint32_t)v[2];
    o->read_range_len = (uint32_t)v[3];
    return;
  case ST_OP_GETITER:
    add_write(o, (uint32_t)v[0]);
    add_write(o, (uint32_t)v[0] + 1);
    add_read(o, (uint32_t)v[1]);
    return;
  case ST_OP_ITERNEXT:
    add_write(o, (uint32_t)v[0]);
    add_write(o, (uint32_t)v[1] + 1);
    add_read(o, (uint32_t)v[1]);
    add_read(o, (uint32_t)v[1] + 1);
    return;
  case ST_OP_ITERCLOSE:
  case ST_OP_ITERCLOSEQUIET:
    add_read(o, (uint32_t)v[0]);
    add_read(o, (uint32_t)v[0] + 1);
    return;
  case ST_OP_CLASS:
    add_write(o, (uint32_t)v[0]);
    add_write(o, (uint32_t)v[1]);
    add_read(o, (uint32_t)v[3]);
    return;
  case ST_OP_GETSUPER:
    add_write(o, (uint32_t)v[0]);
    add_read(o, (uint32_t)v[1]);
    add_read(o, 0);
    return;
  case ST_OP_SETSUPER:
    add_read(o, (uint32_t)v[0]);
    add_read(o, (uint32_t)v[1]);
    add_read(o, 0);
    return;
  default: break;
  }
  bool dest = first_is_dest(op);
  bool first = true;
  for (int i = 0; fmt[i]; i++) {
    if (fmt[i] != 'R') continue;
    if (first && dest) add_write(o, (uint32_t)v[i]);
    else add_read(o, (uint32_t)v[i]);
    first = false;
  }
}

static void set_bit(uint64_t *s, uint32_t r) { s[r >> 6] |= 1ull << (r & 63); }
static void clear_bit(uint64_t *s, uint32_t r) { s[r >> 6] &= ~(1ull << (r & 63)); }

/* Applies one instruction backward: live = (live - writes) + reads. */
static void transfer(const uint16_t *insn, uint64_t *live, uint32_t nregs) {
  StBcRegs o;
  st_bcinfo_regs(insn, &o);
  for (uint32_t i = 0; i < o.nwrites; i++)
    if (o.writes[i] < nregs) clear_bit(live, o.writes[i]);
  for (uint32_t i = 0; i < o.nreads; i++)
    if (o.reads[i] < nregs) set_bit(live, o.reads[i]);
  for (uint32_t i = 0; i < o.read_range_len; i++)
    if (o.read_range_start + i < nregs) set_bit(live, o.read_range_start + i);
}

bool st_bcinfo_build(StBcInfo *bi, StProto *p) {
  memset(bi, 0, sizeof *bi);
  bi->proto = p;
  uint32_t n = p->code_len;
  bi->words = (p->nregs + 63) / 64 + 1;
  /* Leaders. */
  uint8_t *leader = st_xcalloc(n + 1, 1);
  leader[0] = 1;
  for (uint32_t pc = 0; pc < n;) {
    uint16_t op = p->code[pc];
    const StOpInfo *info = &st_bytecode_info[op];
    uint32_t next = pc + info->size;
    if (info->flags & ST_BC_JUMP) {
      uint32_t t = st_bytecode_jump_target(p->code, pc);
      if (t > n) {
        free(leader);
        return false;
      }
      leader[t] = 1;
    }
    if ((info->flags & (ST_BC_JUMP | ST_BC_END)) && next <= n) leader[next] = 1;
    if (op == ST_OP_LOOPHEAD) leader[pc] = 1;
    pc = next;
  }
  for (uint32_t i = 0; i < p->nhandlers; i++)
    if (p->handlers[i].handler < n) leader[p->handlers[i].handler] = 1;
  uint32_t nb = 0;
  for (uint32_t pc = 0; pc < n; pc++) nb += leader[pc];
  bi->nblocks = nb;
  bi->blocks = st_xcalloc(nb ? nb : 1, sizeof(StBcBlock));
  bi->block_of = st_xmalloc((n + 1) * sizeof(uint32_t));
  uint32_t b = UINT32_MAX;
  for (uint32_t pc = 0; pc < n;) {
    if (leader[pc]) {
      b = b == UINT32_MAX ? 0 : b + 1;
      bi->blocks[b].start = pc;
      if (b > 0) bi->blocks[b - 1].end = pc;
    }
    bi->block_of[pc] = b;
    pc += st_bytecode_info[p->code[pc]].size;
  }
  if (nb) bi->blocks[nb - 1].end = n;
  bi->block_of[n] = UINT32_MAX;
  for (uint32_t i = 0; i < p->nhandlers; i++)
    if (p->handlers[i].handler < n) bi->blocks[bi->block_of[p->handlers[i].handler]].is_handler = true;
  /* Successors. */
  for (uint32_t i = 0; i < nb; i++) {
    StBcBlock *blk = &bi->blocks[i];
    blk->succ[0] = blk->succ[1] = UINT32_MAX;
    blk->is_loop_header = p->code[blk->start] == ST_OP_LOOPHEAD;
    uint32_t last = blk->start;
    for (uint32_t pc = blk->start; pc < blk->end; pc += st_bytecode_info[p->code[pc]].size) last = pc;
    const StOpInfo *info = &st_bytecode_info[p->code[last]];
    if (info->flags & ST_BC_JUMP) blk->succ[blk->nsucc++] = bi->block_of[st_bytecode_jump_target(p->code, last)];
    if (!(info->flags & ST_BC_END) && blk->end < n) {
      /* Conditional jumps fall through; so does every non-jump at a block end. */
      uint32_t ft = bi->block_of[blk->end];
      if (blk->nsucc == 0 || blk->succ[0] != ft) blk->succ[blk->nsucc++] = ft;
    }
  }
  free(leader);
  /* Liveness. */
  uint32_t w = bi->words;
  for (uint32_t i = 0; i < nb; i++) bi->blocks[i].live_in = st_xcalloc(w, sizeof(uint64_t));
  uint64_t *live = st_xmalloc(w * sizeof(uint64_t));
  bool changed = true;
  while (changed) {
    changed = false;
    for (uint32_t i = nb; i-- > 0;) {
      StBcBlock *blk = &bi->blocks[i];
      memset(live, 0, w * sizeof(uint64_t));
      for (uint32_t s = 0; s < blk->nsucc; s++)
        for (uint32_t k = 0; k < w; k++) live[k] |= bi->blocks[blk->succ[s]].live_in[k];
      /* Exceptional edges: handlers covering this block. */
      for (uint32_t h = 0; h < p->nhandlers; h++) {
        const StHandler *hd = &p->handlers[h];
        if (hd->start < blk->end && hd->end > blk->start && hd->handler < n) {
          const uint64_t *hl = bi->blocks[bi->block_of[hd->handler]].live_in;
          for (uint32_t k = 0; k < w; k++) live[k] |= hl[k];
          add_unwind_reads(live, hd);
        }
      }
      /* Walk the block backward: collect instruction starts first. */
      uint32_t starts[4096];
      uint32_t ns = 0;
      bool big = false;
      for (uint32_t pc = blk->start; pc < blk->end; pc += st_bytecode_info[p->code[pc]].size) {
        if (ns == 4096) {
          big = true;
          break;
        }
        starts[ns++] = pc;
      }
      if (big) {
        /* A huge block: everything live (correct, if not compact). */
        for (uint32_t r = 0; r < p->nregs; r++) set_bit(live, r);
      } else {
        for (uint32_t k = ns; k-- > 0;) transfer(p->code + starts[k], live, p->nregs);
      }
      if (memcmp(live, blk->live_in, w * sizeof(uint64_t)) != 0) {
        memcpy(blk->live_in, live, w * sizeof(uint64_t));
        changed = true;
      }
    }
  }
  free(live);
  return true;
}

uint64_t *st_bcinfo_live_at(StBcInfo *bi, uint32_t pc) {
  StProto *p = bi->proto;
  uint32_t w = bi->words;
  uint64_t *live = st_xcalloc(w, sizeof(uint64_t));
  uint32_t b = bi->block_of[pc];
  StBcBlock *blk = &bi->blocks[b];
  for (uint32_t s = 0; s < blk->nsucc; s++)
    for (uint32_t k = 0; k < w; k++) live[k] |= bi->blocks[blk->succ[s]].live_in[k];
  for (uint32_t h = 0; h < p->nhandlers; h++) {
    const StHandler *hd = &p->handlers[h];
    if (hd->start < blk->end && hd->end > blk->start && hd->handler < p->code_len) {
      const uint64_t *hl = bi->blocks[bi->block_of[hd->handler]].live_in;
      for (uint32_t k = 0; k < w; k++) live[k] |= hl[k];
      add_unwind_reads(live, hd);
    }
  }
  /* Backward from the block end to pc (inclusive). */
  uint32_t starts[4096];
  uint32_t ns = 0;
  for (uint32_t q = pc; q < blk->end && ns < 4096; q += st_bytecode_info[p->code[q]].size) starts[ns++] = q;
  if (ns == 4096) {
    for (uint32_t r = 0; r < p->nregs; r++) set_bit(live, r);
    return live;
  }
  for (uint32_t k = ns; k-- > 0;) transfer(p->code + starts[k], live, p->nregs);
  return live;
}

void st_bcinfo_free(StBcInfo *bi) {
  for (uint32_t i = 0; i < bi->nblocks; i++) free(bi->blocks[i].live_in);
  free(bi->blocks);
  free(bi->block_of);
  memset(bi, 0, sizeof *bi);
}

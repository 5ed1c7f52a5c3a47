/* backends/cnp/cnp.c: the run-time half of copy-and-patch: stencil selection, layout, copying,
 * patching, executable memory (see cnp.h).
 *
 * Layout of one function's code:
 *
 *     +---------------------------+ <- entry (instruction 0)
 *     | main stencil of insn 0    |   a final `jmp CONT` is dropped: insn 1 follows
 *     | main stencil of insn 1    |
 *     | ...                       |
 *     | TRAP                      |   CONT of the last instruction (never reached: the last
 *     +---------------------------+   instruction of a function does not fall through)
 *     | slow stencils (cold)      |   the generic version of each instruction whose main
 *     +---------------------------+   stencil is an inline fast path, reached by its SLOW jump
 *
 * Choice per instruction: an inline stencil named after the opcode when stencils.c has one
 * (cnp_stencils.h, generated), else the generic stencil of its class: EXEC (straight-line,
 * through st_cnp_rt_exec), CALL (st_cnp_rt_call), JUMPC (conditional, st_cnp_rt_jump), JMP, RET, RETUNDEF, and for
 * LOOPHEAD its counter stencil with LOOPCHECK as the slow path.
 */
#include "backends/cnp/cnp.h"

#include "frontend/bytecode.h"
#include "interp/feedback.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef ST_CNP_HAVE_STENCILS
/* Not x86-64 Linux: the tier reports itself not built. */
bool st_cnp_supported(const char **why) {
  *why = "copy-and-patch stencils exist for x86-64 Linux only";
  return false;
}
uint32_t st_cnp_stencil_count(void) { return 0; }
size_t st_cnp_stencil_bytes(void) { return 0; }
bool st_cnp_patch(unsigned char *copy, uintptr_t run, const StCnpPatch *patch, uint64_t value) {
  (void)copy, (void)run, (void)patch, (void)value;
  return false;
}
StAbort st_cnp_compile(StVM *vm, StProto *p, const StCnpOptions *opts, StCnpResult *out, char *why,
                       size_t whylen) {
  (void)vm, (void)p, (void)opts, (void)why, (void)whylen;
  memset(out, 0, sizeof *out);
  return ST_ABORT_NOT_BUILT;
}
void st_cnp_free(StCnpResult *res) { (void)res; }
StCompiledEntry st_cnp_entry_at(const StCnpResult *res, uint32_t pc) {
  (void)res, (void)pc;
  return NULL;
}
#else

#include "cnp_stencils.h" /* generated in the build directory by cnp_extract */

bool st_cnp_supported(const char **why) {
  (void)why;
  return true;
}

uint32_t st_cnp_stencil_count(void) { return ST_CNP_STENCIL_COUNT; }

size_t st_cnp_stencil_bytes(void) {
  size_t n = 0;
  for (int i = 0; i < ST_CNP_STENCIL_COUNT; i++) n += st_cnp_stencils[i].size;
  return n;
}

bool st_cnp_patch(unsigned char *copy, uintptr_t run, const StCnpPatch *patch, uint64_t value) {
  unsigned char *at = copy + patch->offset;
  uint64_t v = value + (uint64_t)(int64_t)patch->addend;
  switch ((StCnpPatchKind)patch->kind) {
  case ST_CNP_PATCH_ABS64: memcpy(at, &v, 8); return true;
  case ST_CNP_PATCH_ABS32: {
    if (v > UINT32_MAX) return false;
    uint32_t w = (uint32_t)v;
    memcpy(at, &w, 4);
    return true;
  }
  case ST_CNP_PATCH_ABS32S: {
    int64_t s = (int64_t)v;
    if (s < INT32_MIN || s > INT32_MAX) return false;
    int32_t w = (int32_t)s;
    memcpy(at, &w, 4);
    return true;
  }
  case ST_CNP_PATCH_REL32: {
    int64_t d = (int64_t)(v - (uint64_t)(run + patch->offset));
    if (d < INT32_MIN || d > INT32_MAX) return false;
    int32_t w = (int32_t)d;
    memcpy(at, &w, 4);
    return true;
  }
  }
  return false;
}

/* The inline stencil of an opcode, or -1. */
static int inline_stencil(StOpcode op) {
  switch (op) {
#define INLINE(name) case ST_OP_##name: return ST_CNP_STENCIL_##name;
    INLINE(NOP) INLINE(MOV) INLINE(LOADK) INLINE(LOADI) INLINE(LOADUNDEF) INLINE(LOADNULL)
    INLINE(LOADTRUE) INLINE(LOADFALSE) INLINE(LOADUNINIT)
    INLINE(ADD) INLINE(SUB) INLINE(MUL) INLINE(ADDI) INLINE(INC) INLINE(DEC)
    INLINE(LT) INLINE(LE) INLINE(GT) INLINE(GE)
    INLINE(JLT) INLINE(JLE) INLINE(JGT) INLINE(JGE) INLINE(JNLT) INLINE(JNLE) INLINE(JNGT) INLINE(JNGE)
    INLINE(JTRUE) INLINE(JFALSE) INLINE(JUNDEF) INLINE(JNOTUNDEF) INLINE(JNULLISH) INLINE(JNOTNULLISH)
    INLINE(JMP) INLINE(RET) INLINE(RETUNDEF) INLINE(LOOPHEAD)
    INLINE(GETPROP) INLINE(SETPROP) INLINE(GETELEM) INLINE(SETELEM) INLINE(NOT) INLINE(TONUMBER)
    INLINE(CHECKTDZ) INLINE(GETCTXCHK) INLINE(GETGLOBAL) INLINE(SETGLOBAL) INLINE(GETCTX) INLINE(SETCTX)
#undef INLINE
  default: return -1;
  }
}

/* The generic stencil of an opcode's class. */
static int generic_stencil(StOpcode op) {
  if (op == ST_OP_LOOPHEAD) return ST_CNP_STENCIL_LOOPCHECK;
  if (st_bytecode_info[op].flags & ST_BC_COND) return ST_CNP_STENCIL_JUMPC;
  if (op == ST_OP_CALL || op == ST_OP_CALLEVAL || op == ST_OP_NEW || op == ST_OP_CALLSPREAD ||
      op == ST_OP_NEWSPREAD)
    return ST_CNP_STENCIL_CALL;
  return ST_CNP_STENCIL_EXEC;
}

static bool has_hole(const StCnpStencil *s, StCnpHole h) {
  for (uint32_t i = 0; i < s->npatches; i++)
    if (s->patches[i].hole == h) return true;
  return false;
}

typedef struct Insn {
  uint32_t pc;
  int main, slow;           /* stencil ids (slow: -1 when none) */
  uint32_t main_off, slow_off;
  uint32_t main_size;       /* bytes copied (tail jump dropped when possible) */
} Insn;

typedef struct Ctx {
  StVM *vm;
  StProto *p;
  const StCnpOptions *opts;
  StFeedbackVector *fbv;
  unsigned char *rw;        /* where the code is written */
  unsigned char *base;      /* where it runs */
  Insn *insns;
  uint32_t ninsns;
  int32_t *index_of_pc;     /* bytecode offset -> instruction index, -1 inside instructions */
  uint32_t trap_off;
} Ctx;

/* The hole values of instruction i. */
static void hole_values(Ctx *c, uint32_t i, uint64_t *hv) {
  const Insn *in = &c->insns[i];
  const uint16_t *insn = c->p->code + in->pc;
  StOpcode op = (StOpcode)insn[0];
  const char *fmt = st_bytecode_info[op].format;
  memset(hv, 0, ST_CNP_HOLE_COUNT * sizeof *hv);
  bool have_k = false;
  for (int n = 0; fmt[n]; n++) {
    int32_t v = st_bytecode_operand(insn, n);
    if (n < 4) hv[ST_CNP_HOLE_R1 + n] = sizeof(StFrame) + (uint64_t)(uint16_t)v * sizeof(StValue);
    if (n < 3) hv[ST_CNP_HOLE_U1 + n] = (uint32_t)v;
    if (fmt[n] == 'K' && !have_k) {
      hv[ST_CNP_HOLE_K] = c->p->consts[(uint16_t)v];
      have_k = true;
    }
    if (fmt[n] == 'F') hv[ST_CNP_HOLE_FB] = (uint64_t)(uintptr_t)&c->fbv->slots[(uint16_t)v];
  }
  hv[ST_CNP_HOLE_PC] = in->pc;
  hv[ST_CNP_HOLE_EXIT] = i;
  hv[ST_CNP_HOLE_CODE] = (uint64_t)(uintptr_t)c->opts->code;
  hv[ST_CNP_HOLE_PROTO] = (uint64_t)(uintptr_t)c->p;
  hv[ST_CNP_HOLE_FN_EXEC] = (uint64_t)(uintptr_t)st_cnp_rt_exec;
  hv[ST_CNP_HOLE_FN_CALL] = (uint64_t)(uintptr_t)st_cnp_rt_call;
  hv[ST_CNP_HOLE_FN_JUMP] = (uint64_t)(uintptr_t)st_cnp_rt_jump;
  hv[ST_CNP_HOLE_FN_LOOP] = (uint64_t)(uintptr_t)(c->opts->loop_fn ? c->opts->loop_fn : (void *)st_cnp_rt_loop);
  hv[ST_CNP_HOLE_FN_EXIT] = (uint64_t)(uintptr_t)c->opts->exit_fn;
  uint32_t next = i + 1 < c->ninsns ? c->insns[i + 1].main_off : c->trap_off;
  hv[ST_CNP_HOLE_CONT] = (uint64_t)(uintptr_t)(c->base + next);
  if (st_bytecode_info[op].flags & ST_BC_JUMP) {
    uint32_t t = st_bytecode_jump_target(c->p->code, in->pc);
    hv[ST_CNP_HOLE_TARGET] = (uint64_t)(uintptr_t)(c->base + c->insns[c->index_of_pc[t]].main_off);
  }
  if (in->slow >= 0) hv[ST_CNP_HOLE_SLOW] = (uint64_t)(uintptr_t)(c->base + in->slow_off);
}

/* Copies stencil s to offset off, keeping `size` bytes, and patches it. */
static bool emit(Ctx *c, int s, uint32_t off, uint32_t size, const uint64_t *hv) {
  const StCnpStencil *st = &st_cnp_stencils[s];
  unsigned char *dst = c->rw + off;
  memcpy(dst, st->bytes, size);
  for (uint32_t k = 0; k < st->npatches; k++) {
    const StCnpPatch *pt = &st->patches[k];
    if (pt->offset >= size) continue; /* the dropped tail jump */
    if (!st_cnp_patch(dst, (uintptr_t)(c->base + off), pt, hv[pt->hole])) return false;
  }
  return true;
}

StAbort st_cnp_compile(StVM *vm, StProto *p, const StCnpOptions *opts, StCnpResult *out, char *why,
                       size_t whylen) {
  memset(out, 0, sizeof *out);
  if (p->flags & ST_PROTO_ASYNC) return ST_ABORT_ASYNC;
  Ctx c = {.vm = vm, .p = p, .opts = opts, .fbv = st_feedback_get(vm, p)};
  c.index_of_pc = st_xmalloc((p->code_len + 1) * sizeof(int32_t));
  for (uint32_t i = 0; i <= p->code_len; i++) c.index_of_pc[i] = -1;
  for (uint32_t pc = 0; pc < p->code_len; pc += st_bytecode_size(p->code[pc])) c.ninsns++;
  c.insns = st_xcalloc(c.ninsns ? c.ninsns : 1, sizeof(Insn));
  StAbort abort = ST_ABORT_NONE;
  uint32_t n = 0;
  for (uint32_t pc = 0; pc < p->code_len; pc += st_bytecode_size(p->code[pc])) {
    StOpcode op = (StOpcode)p->code[pc];
    if (!st_cnp_rt_supports(op)) {
      snprintf(why, whylen, "%s at pc %u", st_bytecode_info[op].name, pc);
      abort = op == ST_OP_AWAIT ? ST_ABORT_GENERATOR_LIKE : ST_ABORT_UNSUPPORTED_OP;
      goto done;
    }
    Insn *in = &c.insns[n];
    c.index_of_pc[pc] = (int32_t)n++;
    in->pc = pc;
    int fast = inline_stencil(op);
    in->main = fast >= 0 ? fast : generic_stencil(op);
    in->slow = fast >= 0 && has_hole(&st_cnp_stencils[fast], ST_CNP_HOLE_SLOW) ? generic_stencil(op) : -1;
    if (fast >= 0) out->inline_insns++;
  }
  /* Layout: main stencils in order (dropping tail jumps to the next one), the trap, then the
   * slow paths. */
  uint32_t off = 0;
  for (uint32_t i = 0; i < c.ninsns; i++) {
    const StCnpStencil *st = &st_cnp_stencils[c.insns[i].main];
    c.insns[i].main_off = off;
    c.insns[i].main_size = st->size - (st->tail_cont && i + 1 < c.ninsns ? 5u : 0u);
    off += c.insns[i].main_size;
  }
  c.trap_off = off;
  off += st_cnp_stencils[ST_CNP_STENCIL_TRAP].size;
  for (uint32_t i = 0; i < c.ninsns; i++) {
    if (c.insns[i].slow < 0) continue;
    c.insns[i].slow_off = off;
    off += st_cnp_stencils[c.insns[i].slow].size;
  }
  for (uint32_t i = 0; i < c.ninsns; i++) {
    const uint16_t *insn = p->code + c.insns[i].pc;
    if ((st_bytecode_info[insn[0]].flags & ST_BC_JUMP)) {
      uint32_t t = st_bytecode_jump_target(p->code, c.insns[i].pc);
      if (t >= p->code_len || c.index_of_pc[t] < 0) {
        snprintf(why, whylen, "jump at pc %u to %u is not an instruction start", c.insns[i].pc, t);
        abort = ST_ABORT_UNSUPPORTED_OP;
        goto done;
      }
    }
  }
  if (!st_cnp_mem_alloc(opts->arena, off, &out->block)) {
    snprintf(why, whylen, "no executable memory for %u bytes", off);
    abort = ST_ABORT_OUT_OF_MEMORY;
    goto done;
  }
  c.rw = out->block.rw;
  c.base = out->block.rx;
  uint64_t hv[ST_CNP_HOLE_COUNT];
  for (uint32_t i = 0; i < c.ninsns && abort == ST_ABORT_NONE; i++) {
    Insn *in = &c.insns[i];
    hole_values(&c, i, hv);
    if (!emit(&c, in->main, in->main_off, in->main_size, hv) ||
        (in->slow >= 0 && !emit(&c, in->slow, in->slow_off, st_cnp_stencils[in->slow].size, hv))) {
      snprintf(why, whylen, "a hole value does not fit its field at pc %u", in->pc);
      abort = ST_ABORT_BACKEND_ERROR;
    }
  }
  memset(hv, 0, sizeof hv);
  if (abort == ST_ABORT_NONE)
    emit(&c, ST_CNP_STENCIL_TRAP, c.trap_off, st_cnp_stencils[ST_CNP_STENCIL_TRAP].size, hv);
  /* W^X: the code becomes executable only once it is no longer writable (arena chunks: it
   * runs from a view that never was). */
  if (abort != ST_ABORT_NONE || !st_cnp_mem_seal(&out->block)) {
    if (abort == ST_ABORT_NONE) {
      snprintf(why, whylen, "mprotect failed");
      abort = ST_ABORT_BACKEND_ERROR;
    }
    st_cnp_mem_release(&out->block);
    goto done;
  }
  out->entry = (StCompiledEntry)c.base;
  out->mem = c.base;
  out->code_size = off;
  out->ninsns = c.ninsns;
  out->insn_pcs = st_xmalloc((c.ninsns ? c.ninsns : 1) * sizeof(uint32_t));
  out->insn_offs = st_xmalloc((c.ninsns ? c.ninsns : 1) * sizeof(uint32_t));
  for (uint32_t i = 0; i < c.ninsns; i++) {
    out->insn_pcs[i] = c.insns[i].pc;
    out->insn_offs[i] = c.insns[i].main_off;
  }
done:
  free(c.insns);
  free(c.index_of_pc);
  return abort;
}

StCompiledEntry st_cnp_entry_at(const StCnpResult *res, uint32_t pc) {
  /* insn_pcs is increasing: binary search. */
  uint32_t lo = 0, hi = res->ninsns;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (res->insn_pcs[mid] < pc) lo = mid + 1;
    else hi = mid;
  }
  if (lo == res->ninsns || res->insn_pcs[lo] != pc) return NULL;
  return (StCompiledEntry)((unsigned char *)res->mem + res->insn_offs[lo]);
}

void st_cnp_free(StCnpResult *res) {
  st_cnp_mem_release(&res->block);
  free(res->insn_pcs);
  free(res->insn_offs);
  memset(res, 0, sizeof *res);
}

#endif /* ST_CNP_HAVE_STENCILS */

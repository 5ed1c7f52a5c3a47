/* tests/unit/test_cnp.c: the copy-and-patch code generator (backends/cnp) on hand-assembled
 * bytecode, without the tier manager: patch arithmetic and range checks, the extracted stencil
 * library's invariants, W^X of the code mapping, a compiled loop with its int32 fast paths,
 * overflow slow paths and feedback, calls, and an exception leaving to the interpreter. */
#include "backends/cnp/cnp.h"
#include "builtins/builtins.h"
#include "frontend/emit.h"
#include "interp/feedback.h"
#include "tests/unit/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static StVM *vm;

/* The exit function the code calls instead of st_deopt_exit: records the exit and resumes the
 * interpreter at its instruction, as st_deopt_exit does for an exit without entries. */
static StCnpResult *exit_res;
static uint32_t exits_taken, last_exit;
static StValue test_exit(StVM *v, StFrame *f, void *code, uint32_t id) {
  (void)code;
  exits_taken++;
  last_exit = id;
  f->pc = st_frame_proto(f)->code + exit_res->insn_pcs[id];
  v->frame = f;
  return ST_RESUME;
}

static StProto *make_proto(StEmitter *e, uint16_t nparams, const char *name) {
  StProto *p = st_function_new_proto(vm);
  ST_EXPECT(p != NULL);
  p->nparams = nparams;
  p->length = nparams;
  p->flags = ST_PROTO_STRICT;
  p->name = st_string_intern_cstr(vm, name);
  ST_EXPECT(st_emit_finish(e, p));
  st_emit_free(e);
  return p;
}

/* Compiles p and installs the code as its entry. */
static StCnpArena *arena; /* NULL: private mappings */

static bool compile(StProto *p, StCnpResult *res) {
  char why[200] = "";
  StCnpOptions o = {.exit_fn = (void *)test_exit, .code = NULL, .arena = arena};
  StAbort a = st_cnp_compile(vm, p, &o, res, why, sizeof why);
  if (a != ST_ABORT_NONE) {
    printf("  compile failed: %s\n", why);
    return false;
  }
  p->entry = (void *)res->entry;
  exit_res = res;
  return true;
}

static StValue run(StProto *p, uint32_t argc, StValue *argv) {
  StFunction *f = st_function_new_closure(vm, p, NULL);
  return st_interp_call(vm, st_object_value(&f->obj), ST_UNDEFINED, argc, argv, ST_UNDEFINED);
}

static void test_patch(void) {
  unsigned char buf[16];
  memset(buf, 0xAA, sizeof buf);
  StCnpPatch p64 = {2, ST_CNP_HOLE_K, ST_CNP_PATCH_ABS64, 8};
  ST_EXPECT(st_cnp_patch(buf, (uintptr_t)buf, &p64, 0x1122334455667700ull));
  uint64_t v64;
  memcpy(&v64, buf + 2, 8);
  ST_EXPECT(v64 == 0x1122334455667708ull);
  ST_EXPECT(buf[1] == 0xAA && buf[10] == 0xAA); /* nothing outside the field */
  StCnpPatch p32 = {0, ST_CNP_HOLE_R1, ST_CNP_PATCH_ABS32, 0};
  ST_EXPECT(st_cnp_patch(buf, (uintptr_t)buf, &p32, 0xFFFFFFFFu));
  ST_EXPECT(!st_cnp_patch(buf, (uintptr_t)buf, &p32, 0x100000000ull)); /* does not fit */
  StCnpPatch p32s = {0, ST_CNP_HOLE_R1, ST_CNP_PATCH_ABS32S, -8};
  ST_EXPECT(st_cnp_patch(buf, (uintptr_t)buf, &p32s, 0));
  int32_t v32;
  memcpy(&v32, buf, 4);
  ST_EXPECT(v32 == -8);
  ST_EXPECT(!st_cnp_patch(buf, (uintptr_t)buf, &p32s, 0x80000008ull));
  /* rel32: S + A - P, with P the address of the field itself. */
  StCnpPatch rel = {4, ST_CNP_HOLE_CONT, ST_CNP_PATCH_REL32, -4};
  ST_EXPECT(st_cnp_patch(buf, (uintptr_t)buf, &rel, (uint64_t)(uintptr_t)(buf + 8)));
  memcpy(&v32, buf + 4, 4);
  ST_EXPECT(v32 == 0); /* a jmp to the next instruction */
  ST_EXPECT(!st_cnp_patch(buf, (uintptr_t)buf, &rel, (uint64_t)(uintptr_t)buf + (1ull << 40)));
  /* Written in one view, run from another: P is the run address. */
  ST_EXPECT(st_cnp_patch(buf, 0x10000, &rel, 0x10000 + 8 + 100));
  memcpy(&v32, buf + 4, 4);
  ST_EXPECT(v32 == 100);
}

static void test_library(void) {
  ST_EXPECT(st_cnp_stencil_count() > 30);
  ST_EXPECT(st_cnp_stencil_bytes() > 0);
}

/* sum(n): s = 0; for (i = 0; i < n; i++) s += i; return s  (as in test_interp.c) */
static StProto *sum_proto(void) {
  StEmitter e;
  st_emit_init(&e, vm, 2);
  uint32_t s = st_emit_local(&e), i = st_emit_local(&e);
  st_emit_op(&e, ST_OP_LOADI, (int32_t)s, 0);
  st_emit_op(&e, ST_OP_LOADI, (int32_t)i, 0);
  StLabel top, cond;
  st_emit_label_init(&top);
  st_emit_label_init(&cond);
  st_emit_jump(&e, &cond, ST_OP_JMP);
  st_emit_loop_head(&e, &top);
  st_emit_op(&e, ST_OP_ADD, (int32_t)s, (int32_t)s, (int32_t)i, (int32_t)st_emit_feedback(&e, ST_FB_BINOP));
  st_emit_op(&e, ST_OP_INC, (int32_t)i, (int32_t)i, (int32_t)st_emit_feedback(&e, ST_FB_BINOP));
  st_emit_bind(&e, &cond);
  st_emit_jump(&e, &top, ST_OP_JLT, (int32_t)i, 1, (int32_t)st_emit_feedback(&e, ST_FB_COMPARE));
  st_emit_op(&e, ST_OP_RET, (int32_t)s);
  st_emit_label_free(&top);
  st_emit_label_free(&cond);
  return make_proto(&e, 1, "sum");
}

/* Permissions of the mapping holding addr, from /proc/self/maps ("r-xp" ...). */
static bool mapping_perms(const void *addr, char perms[5]) {
  FILE *m = fopen("/proc/self/maps", "r");
  if (!m) return false;
  char line[512];
  bool found = false;
  while (fgets(line, sizeof line, m)) {
    unsigned long lo, hi;
    char pr[5];
    if (sscanf(line, "%lx-%lx %4s", &lo, &hi, pr) == 3 && (uintptr_t)addr >= lo && (uintptr_t)addr < hi) {
      memcpy(perms, pr, 5);
      found = true;
      break;
    }
  }
  fclose(m);
  return found;
}

static void test_loop(void) {
  StProto *p = sum_proto();
  StCnpResult res;
  if (!compile(p, &res)) {
    ST_EXPECT(false);
    return;
  }
  ST_EXPECT(res.ninsns == 8);
  ST_EXPECT(res.inline_insns == 8); /* every instruction of this loop has an inline stencil */
  ST_EXPECT(res.code_size > 0 && res.block.size == res.code_size);
  char perms[5] = "";
  ST_EXPECT(mapping_perms((void *)res.entry, perms));
  ST_EXPECT(perms[0] == 'r' && perms[1] == '-' && perms[2] == 'x'); /* W^X: never writable */
  if (arena) {
    /* The view the patcher wrote through is not executable. */
    ST_EXPECT(res.block.rw != res.block.rx);
    ST_EXPECT(mapping_perms(res.block.rw, perms));
    ST_EXPECT(perms[1] == 'w' && perms[2] == '-');
    ST_EXPECT(memcmp(res.block.rw, res.block.rx, res.code_size) == 0);
  }
  /* Every instruction start is an entry (OSR); anything else is not. */
  ST_EXPECT(st_cnp_entry_at(&res, 0) == res.entry);
  ST_EXPECT(st_cnp_entry_at(&res, 1) == NULL); /* inside LOADI */
  ST_EXPECT(st_cnp_entry_at(&res, res.insn_pcs[3]) == (StCompiledEntry)((char *)res.mem + res.insn_offs[3]));
  ST_EXPECT(res.insn_offs[3] > res.insn_offs[2]);
  ST_EXPECT(st_cnp_entry_at(&res, p->code_len) == NULL);
  exits_taken = 0;
  StValue n = st_int(100);
  ST_EXPECT(run(p, 1, &n) == st_int(4950));
  StFeedbackVector *fb = p->feedback;
  ST_EXPECT(fb->slots[1].u.binop.seen == ST_TYPE_INT32);
  ST_EXPECT(fb->slots[0].u.loop.count == 100);
  ST_EXPECT(p->backedges == 100);
  /* Overflow: the ADD's slow path produces doubles and records it, as the interpreter does. */
  n = st_int(100000);
  StValue r = run(p, 1, &n);
  ST_EXPECT(st_is_double(r) && st_get_double(r) == 4999950000.0);
  ST_EXPECT(fb->slots[1].u.binop.seen & ST_TYPE_OVERFLOW);
  ST_EXPECT(fb->slots[1].u.binop.seen & ST_TYPE_DOUBLE);
  /* A non-number operand: generic ADD (string concatenation) through the slow path. */
  n = st_string_value(st_string_intern_cstr(vm, "x"));
  r = run(p, 1, &n);
  ST_EXPECT(r == st_int(0)); /* 0 < "x" is false: the loop does not run */
  ST_EXPECT(exits_taken == 0);
  p->entry = NULL;
  st_cnp_free(&res);
  ST_EXPECT(res.mem == NULL);
}

/* thrower(x): if (x < 10) return x; throw x  -- wrapped by a handler in the interpreter. */
static void test_exception_exit(void) {
  StEmitter e;
  st_emit_init(&e, vm, 2);
  uint32_t t = st_emit_temp(&e);
  StLabel big;
  st_emit_label_init(&big);
  st_emit_op(&e, ST_OP_LOADI, (int32_t)t, 10);
  st_emit_jump(&e, &big, ST_OP_JNLT, 1, (int32_t)t, (int32_t)st_emit_feedback(&e, ST_FB_COMPARE));
  st_emit_op(&e, ST_OP_RET, 1);
  st_emit_bind(&e, &big);
  uint32_t throw_pc = e.code.len;
  st_emit_op(&e, ST_OP_THROW, 1);
  st_emit_label_free(&big);
  StProto *p = make_proto(&e, 1, "thrower");
  StCnpResult res;
  if (!compile(p, &res)) {
    ST_EXPECT(false);
    return;
  }
  exits_taken = 0;
  StValue x = st_int(3);
  ST_EXPECT(run(p, 1, &x) == st_int(3));
  ST_EXPECT(exits_taken == 0);
  x = st_int(42);
  ST_EXPECT(run(p, 1, &x) == ST_EXCEPTION);
  ST_EXPECT(exits_taken == 1);
  ST_EXPECT(res.insn_pcs[last_exit] == throw_pc); /* left at the THROW, exception pending */
  ST_EXPECT(st_vm_take_exception(vm) == st_int(42));
  p->entry = NULL;
  st_cnp_free(&res);
}

static void test_refuses_async(void) {
  StEmitter e;
  st_emit_init(&e, vm, 1);
  st_emit_op(&e, ST_OP_RETUNDEF);
  StProto *p = make_proto(&e, 0, "asyncfn");
  p->flags |= ST_PROTO_ASYNC;
  StCnpResult res;
  char why[100];
  StCnpOptions o = {.exit_fn = (void *)test_exit};
  ST_EXPECT(st_cnp_compile(vm, p, &o, &res, why, sizeof why) == ST_ABORT_ASYNC);
  ST_EXPECT(res.entry == NULL);
}

/* Blocks share a chunk; a full chunk is replaced; a huge block gets a chunk of its own. */
static void test_arena_chunks(void) {
  StCnpArena *a = st_cnp_mem_arena_new();
  StCnpBlock b1, b2, big;
  ST_EXPECT(st_cnp_mem_alloc(a, 100, &b1) && st_cnp_mem_alloc(a, 100, &b2));
  ST_EXPECT(b1.chunk == b2.chunk && b2.rx == b1.rx + 112); /* 16-byte aligned bump */
  ST_EXPECT(st_cnp_mem_alloc(a, 3u << 20, &big));
  ST_EXPECT(big.chunk != b1.chunk);
  memset(big.rw, 0xC3, big.size);
  ST_EXPECT(big.rx[big.size - 1] == 0xC3); /* the two views share the pages */
  st_cnp_mem_release(&big);
  st_cnp_mem_release(&b1);
  st_cnp_mem_release(&b2);
  StCnpBlock b3;
  ST_EXPECT(st_cnp_mem_alloc(a, 16, &b3)); /* the current chunk survives being emptied */
  st_cnp_mem_arena_free(a);
  st_cnp_mem_release(&b3); /* after the arena: unmaps the orphaned chunk */
  ST_EXPECT(b3.chunk == NULL);
}

int main(void) {
  const char *why = NULL;
  if (!st_cnp_supported(&why)) {
    printf("skipped: %s\n0 passed, 0 failed\n", why);
    return 0;
  }
  int base;
  StFlags flags;
  st_flags_init(&flags);
  vm = st_vm_new(&flags);
  st_gc_set_stack_base(vm->heap, &base);
  st_interp_init(vm);
  st_builtins_init(vm);
  ST_RUN(test_patch);
  ST_RUN(test_library);
  ST_RUN(test_loop);
  ST_RUN(test_exception_exit);
  ST_RUN(test_refuses_async);
  /* The same with code in a dual-mapped arena. */
  arena = st_cnp_mem_arena_new();
  ST_EXPECT(arena != NULL);
  ST_RUN(test_loop);
  ST_RUN(test_exception_exit);
  ST_RUN(test_arena_chunks);
  st_cnp_mem_arena_free(arena);
  return st_check_report();
}

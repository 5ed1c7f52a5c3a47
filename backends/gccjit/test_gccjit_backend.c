/* backends/gccjit/test_gccjit_backend.c: the libgccjit plugin on hand-built IR, loaded the way
 * the engine loads it (dlopen of the module by path), against a fake host: a fake VM and frame
 * (offsets through offsetof) and fake helpers that record what compiled code passed them.
 *
 * Covered: constants and boxing of every type, NaN canonicalization, int32 overflow exits with
 * the deopt buffer's contents (two frames flattened), phis in loops incl. swaps (parallel
 * copy), F64 arithmetic and math, loads and stores, helper calls and an exception exit, every
 * guard kind passing and failing, shape guards on a fake object, releasing 200 functions with
 * bounded RSS, nothing left in /tmp, the missing-`as` error, and compile times (printed).
 */
#include "backends/backend.h"
#include "backends/gccjit/gccjit.h"
#include "backends/helpers.h"
#include "support/common.h"
#include "tests/unit/check.h"

#include <dirent.h>
#include <dlfcn.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef ST_GCCJIT_PLUGIN_PATH
#error "the build passes the plugin's path"
#endif

/* ------------------------------------------------------------------------------------------ */
/* The fake host                                                                              */

typedef struct FakeVM {
  uint64_t pad[3];
  uint64_t *deopt_buffer;
  uint32_t proto_epoch;
} FakeVM;

typedef struct FakeFrame {
  uint64_t header[5];
  uint64_t regs[16];
} FakeFrame;

/* A fake object: the 8-byte cell header (flags at offset 2), then the shape pointer. */
typedef struct FakeObject {
  uint16_t kind;
  uint16_t flags;
  uint32_t pad;
  void *shape;
} FakeObject;

#define DEOPT_RESULT (ST_TAG_BITS(ST_TAG_INT) | 0xDE0Full)

static uint64_t g_buffer[64];
static int g_deopts;
static uint32_t g_exit;
static void *g_code;
static uint64_t g_buffer_copy[64];

static uint64_t h_deopt(void *vm, void *frame, void *code, uint32_t exit) {
  (void)vm;
  (void)frame;
  g_deopts++;
  g_exit = exit;
  g_code = code;
  memcpy(g_buffer_copy, g_buffer, sizeof g_buffer);
  return DEOPT_RESULT;
}

/* ADD: int32 + int32, undefined throws. */
static uint64_t h_add(void *vm, uint64_t a, uint64_t b) {
  (void)vm;
  if (a == ST_UNDEFINED || b == ST_UNDEFINED) return ST_EXCEPTION;
  return ST_TAG_BITS(ST_TAG_INT) | (uint32_t)((int32_t)a + (int32_t)b);
}
/* IN: -1 for "threw" when the key is null. */
static int32_t h_in(void *vm, uint64_t key, uint64_t obj) {
  (void)vm;
  (void)obj;
  return key == ST_NULL ? -1 : 1;
}
/* TRUTHY for the helper-only cases (strings here: the payload is the length). */
static int32_t h_truthy(uint64_t v) { return (v & ST_PAYLOAD_MASK) != 0; }
static double h_fmod(double a, double b) { return fmod(a, b); }
static double h_pow(double a, double b) { return pow(a, b); }
static double h_math1(int32_t fn, double x) {
  switch (fn) {
  case ST_IRM_SQRT: return sqrt(x);
  case ST_IRM_FLOOR: return floor(x);
  case ST_IRM_CEIL: return ceil(x);
  case ST_IRM_ABS: return fabs(x);
  case ST_IRM_TRUNC: return trunc(x);
  case ST_IRM_ROUND: return floor(x + 0.5);
  }
  return NAN;
}

#define SIG(name, sig) sig,
#define NAME(name, sig) #name,
static const char *const g_sigs[] = {ST_HELPERS(SIG)};
static const char *const g_names[] = {ST_HELPERS(NAME)};
static void *g_helpers[ST_HELPER_COUNT];

static const StBackend *g_be;
static StGccjitCompileBatchFn g_batch;
static void *g_state;
static StBackendHost g_host;
static char g_tmp[64];
static FakeVM g_vm;
static FakeFrame g_frame;

/* Handles of compiled functions, released at the end of each test. */
static void *g_handles[512];
static int g_nhandles;

/* ------------------------------------------------------------------------------------------ */
/* IR building helpers                                                                        */

static StIrRef emit(StIrFunc *f, uint32_t b, StIrOp op, StIrType t, StIrRef a, StIrRef c2) {
  return st_ir_emit(f, b, op, t, a, c2, 0);
}

/* A snapshot of one frame per `nframes`, entries split evenly, refs in order. */
static uint32_t snap_frames(StIrFunc *f, uint32_t nframes, uint32_t n, const StIrRef *refs) {
  StIrSnap s = {.first_frame = (uint32_t)f->snap_frames.len, .nframes = nframes};
  uint32_t per = nframes ? n / nframes : 0, at = 0;
  for (uint32_t k = 0; k < nframes; k++) {
    uint32_t cnt = k + 1 == nframes ? n - at : per;
    StIrSnapFrame fr = {.first = (uint32_t)f->snap_entries.len, .count = cnt, .pc = 7 * k};
    for (uint32_t e = 0; e < cnt; e++) {
      StIrSnapEntry en = {.reg = (uint16_t)e, .ref = refs[at + e]};
      st_vec_push(&f->snap_entries, en);
    }
    at += cnt;
    st_vec_push(&f->snap_frames, fr);
  }
  st_vec_push(&f->snaps, s);
  return (uint32_t)f->snaps.len;
}
static uint32_t snap(StIrFunc *f, uint32_t n, const StIrRef *refs) { return snap_frames(f, 1, n, refs); }
static uint32_t snap0(StIrFunc *f) { return snap(f, 0, NULL); }

static StIrRef guard(StIrFunc *f, uint32_t b, StIrOp op, StIrRef a, StIrRef c2, uint32_t s) {
  StIrRef r = emit(f, b, op, ST_IRT_VOID, a, c2);
  st_ir_insn(f, r)->snap = s;
  return r;
}

static StIrRef param(StIrFunc *f, uint32_t b, int reg) {
  StIrRef r = emit(f, b, ST_IR_PARAM, ST_IRT_VALUE, 0, 0);
  st_ir_insn(f, r)->imm.i = reg;
  return r;
}

static void ret(StIrFunc *f, uint32_t b, StIrRef v) { emit(f, b, ST_IR_RETURN, ST_IRT_VOID, v, 0); }

static StIrRef call(StIrFunc *f, uint32_t b, StIrOp op, StIrType t, int helper, uint32_t n,
                    const StIrRef *args, uint32_t s) {
  StIrRef r = emit(f, b, op, t, 0, 0);
  st_ir_insn(f, r)->imm.i = helper;
  st_ir_set_args(f, r, n, args);
  st_ir_insn(f, r)->snap = s;
  return r;
}

typedef uint64_t (*Entry)(void *vm, void *frame);

static uint64_t i32v(int32_t x) { return ST_TAG_BITS(ST_TAG_INT) | (uint32_t)x; }
static uint64_t dbits(double d) {
  uint64_t u;
  memcpy(&u, &d, 8);
  return u;
}

/* Verifies and compiles f at opt level O; NULL (and a failed expectation) on error. */
static Entry compile_o(StIrFunc *f, const char *name, int O, StBackendResult *res_out) {
  static char code_marker;
  f->code = &code_marker;
  if (!st_ir_verify(f)) {
    printf("  IR of %s does not verify: %s\n", name, f->error);
    ST_EXPECT(!"IR verifies");
    return NULL;
  }
  StBackendOptions opt = {.opt_level = O};
  StBackendResult res;
  bool ok = g_be->compile(g_state, f, name, &opt, &res);
  if (!ok) printf("  compile %s: %s\n", name, res.error);
  ST_EXPECT(ok);
  if (res_out) *res_out = res;
  if (!ok) return NULL;
  ST_EXPECT(res.code_size > 0);
  if (g_nhandles < (int)ST_ARRAY_LEN(g_handles)) g_handles[g_nhandles++] = res.handle;
  return (Entry)res.entry;
}

static void release_all(void) {
  for (int k = 0; k < g_nhandles; k++) g_be->release(g_state, g_handles[k]);
  g_nhandles = 0;
}

static uint64_t run2(Entry e, uint64_t r0, uint64_t r1) {
  g_frame.regs[0] = r0;
  g_frame.regs[1] = r1;
  g_deopts = 0;
  memset(g_buffer, 0xAB, sizeof g_buffer);
  return e(&g_vm, &g_frame);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests                                                                                      */

static void test_constants_and_boxing(void) {
  for (int O = 0; O <= 2; O += 2) {
    struct { int kind; uint64_t want; } cases[] = {
        {0, ST_NULL}, {1, i32v(-5)}, {2, dbits(1.5)}, {3, 0x7FF8000000000000ull},
        {4, ST_TRUE}, {5, 0x7FF8000000000000ull}, {6, dbits(-0.0)}, {7, ST_FALSE},
    };
    for (size_t k = 0; k < ST_ARRAY_LEN(cases); k++) {
      StIrFunc f;
      st_ir_init(&f);
      uint32_t b = st_ir_new_block(&f);
      StIrRef v = 0;
      switch (cases[k].kind) {
      case 0: v = st_ir_const_value(&f, b, ST_NULL); break;
      case 1: v = emit(&f, b, ST_IR_BOX_I32, ST_IRT_VALUE, st_ir_const_i32(&f, b, -5), 0); break;
      case 2: v = emit(&f, b, ST_IR_BOX_F64, ST_IRT_VALUE, st_ir_const_f64(&f, b, 1.5), 0); break;
      case 3: {
        /* A NaN with sign and payload bits must box as the canonical NaN. */
        double odd;
        uint64_t bits = 0xFFF4000000000123ull;
        memcpy(&odd, &bits, 8);
        v = emit(&f, b, ST_IR_BOX_F64, ST_IRT_VALUE, st_ir_const_f64(&f, b, odd), 0);
        break;
      }
      case 4: v = emit(&f, b, ST_IR_BOX_BOOL, ST_IRT_VALUE, st_ir_const_bool(&f, b, true), 0); break;
      case 5: {
        /* 0/0 computed at run time from a parameter, then negated (sign bit set). */
        StIrRef z = emit(&f, b, ST_IR_UNBOX_F64, ST_IRT_F64, param(&f, b, 0), 0);
        StIrRef q = emit(&f, b, ST_IR_DIV_F64, ST_IRT_F64, z, z);
        v = emit(&f, b, ST_IR_BOX_F64, ST_IRT_VALUE, emit(&f, b, ST_IR_NEG_F64, ST_IRT_F64, q, 0), 0);
        break;
      }
      case 6: v = emit(&f, b, ST_IR_BOX_F64, ST_IRT_VALUE, st_ir_const_f64(&f, b, -0.0), 0); break;
      case 7: {
        StIrRef p = emit(&f, b, ST_IR_IS_INT32, ST_IRT_BOOL, param(&f, b, 0), 0);
        v = emit(&f, b, ST_IR_BOX_BOOL, ST_IRT_VALUE, emit(&f, b, ST_IR_NOT_BOOL, ST_IRT_BOOL, p, 0), 0);
        break;
      }
      }
      ret(&f, b, v);
      Entry e = compile_o(&f, "consts", O, NULL);
      if (e) ST_EXPECT_EQ_INT(run2(e, i32v(0), 0), cases[k].want);
      st_ir_free(&f);
    }
  }
  release_all();
}

/* r0 + r1 as int32 with an overflow exit whose snapshot holds a VALUE, an I32, an F64 and a
 * BOOL across two frames. */
static void test_add_overflow_exit(void) {
  for (int O = 0; O <= 2; O += 2) {
    StIrFunc f;
    st_ir_init(&f);
    uint32_t b = st_ir_new_block(&f);
    StIrRef p0 = param(&f, b, 0), p1 = param(&f, b, 1);
    StIrRef pre[2] = {p0, p1};
    uint32_t s0 = snap(&f, 2, pre);
    guard(&f, b, ST_IR_GUARD_INT32, p0, 0, s0);
    guard(&f, b, ST_IR_GUARD_INT32, p1, 0, s0);
    StIrRef a = emit(&f, b, ST_IR_UNBOX_I32, ST_IRT_I32, p0, 0);
    StIrRef c = emit(&f, b, ST_IR_UNBOX_I32, ST_IRT_I32, p1, 0);
    StIrRef half = st_ir_const_f64(&f, b, 2.5);
    StIrRef yes = st_ir_const_bool(&f, b, true);
    StIrRef ents[5] = {p0, a, half, yes, c};
    uint32_t s1 = snap_frames(&f, 2, 5, ents);
    StIrRef sum = emit(&f, b, ST_IR_ADD_I32_OV, ST_IRT_I32, a, c);
    st_ir_insn(&f, sum)->snap = s1;
    ret(&f, b, emit(&f, b, ST_IR_BOX_I32, ST_IRT_VALUE, sum, 0));
    Entry e = compile_o(&f, "add_ov", O, NULL);
    if (e) {
      ST_EXPECT_EQ_INT(run2(e, i32v(40), i32v(2)), i32v(42));
      ST_EXPECT_EQ_INT(g_deopts, 0);
      ST_EXPECT_EQ_INT(run2(e, i32v(-7), i32v(-9)), i32v(-16));
      ST_EXPECT_EQ_INT(run2(e, i32v(INT32_MAX), i32v(1)), DEOPT_RESULT);
      ST_EXPECT_EQ_INT(g_deopts, 1);
      ST_EXPECT_EQ_INT(g_exit, s1 - 1);
      ST_EXPECT(g_code == f.code);
      ST_EXPECT_EQ_INT(g_buffer_copy[0], i32v(INT32_MAX));
      ST_EXPECT_EQ_INT(g_buffer_copy[1], i32v(INT32_MAX));
      ST_EXPECT_EQ_INT(g_buffer_copy[2], dbits(2.5));
      ST_EXPECT_EQ_INT(g_buffer_copy[3], ST_TRUE);
      ST_EXPECT_EQ_INT(g_buffer_copy[4], i32v(1));
      ST_EXPECT_EQ_INT(g_buffer_copy[5], 0xABABABABABABABABull); /* nothing past the entries */
      ST_EXPECT_EQ_INT(run2(e, dbits(1.5), i32v(1)), DEOPT_RESULT);
      ST_EXPECT_EQ_INT(g_exit, s0 - 1);
      ST_EXPECT_EQ_INT(g_buffer_copy[0], dbits(1.5));
      ST_EXPECT_EQ_INT(g_buffer_copy[1], i32v(1));
    }
    st_ir_free(&f);
  }
  release_all();
}

/* Loop: i from 0 to r0; (a, b) = (b, a + b) [fib] and (x, y) = (y, x) [swap of phis].
 * Returns fib * 100 + x * 10 + y. */
static void test_loop_phis_swap(void) {
  for (int O = 0; O <= 2; O += 2) {
    StIrFunc f;
    st_ir_init(&f);
    uint32_t b0 = st_ir_new_block(&f), hd = st_ir_new_block(&f), body = st_ir_new_block(&f),
             out = st_ir_new_block(&f);
    StIrRef n = emit(&f, b0, ST_IR_UNBOX_I32, ST_IRT_I32, param(&f, b0, 0), 0);
    StIrRef zero = st_ir_const_i32(&f, b0, 0), one = st_ir_const_i32(&f, b0, 1), two = st_ir_const_i32(&f, b0, 2);
    emit(&f, b0, ST_IR_JUMP, ST_IRT_VOID, 0, 0);
    st_ir_add_edge(&f, b0, hd);
    StIrRef i = st_ir_phi(&f, hd, ST_IRT_I32, 2), a = st_ir_phi(&f, hd, ST_IRT_I32, 2),
            bb = st_ir_phi(&f, hd, ST_IRT_I32, 2), x = st_ir_phi(&f, hd, ST_IRT_I32, 2),
            y = st_ir_phi(&f, hd, ST_IRT_I32, 2);
    StIrRef lt = emit(&f, hd, ST_IR_CMP_I32, ST_IRT_BOOL, i, n);
    st_ir_insn(&f, lt)->imm.i = ST_IRC_LT;
    emit(&f, hd, ST_IR_BRANCH, ST_IRT_VOID, lt, 0);
    st_ir_add_edge(&f, hd, body);
    st_ir_add_edge(&f, hd, out);
    StIrRef i2 = emit(&f, body, ST_IR_ADD_I32, ST_IRT_I32, i, one);
    StIrRef ab = emit(&f, body, ST_IR_ADD_I32, ST_IRT_I32, a, bb);
    emit(&f, body, ST_IR_JUMP, ST_IRT_VOID, 0, 0);
    st_ir_add_edge(&f, body, hd);
    st_ir_set_args(&f, i, 2, (StIrRef[]){zero, i2});
    st_ir_set_args(&f, a, 2, (StIrRef[]){zero, bb});
    st_ir_set_args(&f, bb, 2, (StIrRef[]){one, ab});
    st_ir_set_args(&f, x, 2, (StIrRef[]){one, y});
    st_ir_set_args(&f, y, 2, (StIrRef[]){two, x});
    StIrRef hundred = st_ir_const_i32(&f, out, 100), ten = st_ir_const_i32(&f, out, 10);
    StIrRef r = emit(&f, out, ST_IR_ADD_I32, ST_IRT_I32, emit(&f, out, ST_IR_SUB_I32, ST_IRT_I32, zero, zero),
                     emit(&f, out, ST_IR_ADD_I32, ST_IRT_I32,
                          emit(&f, out, ST_IR_ADD_I32, ST_IRT_I32,
                               emit(&f, out, ST_IR_MUL_I32_OV, ST_IRT_I32, a, hundred),
                               emit(&f, out, ST_IR_MUL_I32_OV, ST_IRT_I32, x, ten)),
                          y));
    /* the MUL_OVs need snapshots */
    for (size_t k = 0; k < f.insns.len; k++)
      if (f.insns.data[k].op == ST_IR_MUL_I32_OV) f.insns.data[k].snap = snap0(&f);
    ret(&f, out, emit(&f, out, ST_IR_BOX_I32, ST_IRT_VALUE, r, 0));
    Entry e = compile_o(&f, "loop", O, NULL);
    if (e) {
      ST_EXPECT_EQ_INT(run2(e, i32v(10), 0), i32v(55 * 100 + 12));
      ST_EXPECT_EQ_INT(run2(e, i32v(11), 0), i32v(89 * 100 + 21));
      ST_EXPECT_EQ_INT(run2(e, i32v(0), 0), i32v(0 * 100 + 12));
    }
    st_ir_free(&f);
  }
  release_all();
}

/* ((r0 * 4 - 1) / 2) % 1.75, sqrt, floor, pow, round, ToInt32 on doubles. */
static void test_f64(void) {
  for (int O = 0; O <= 2; O += 2) {
    StIrFunc f;
    st_ir_init(&f);
    uint32_t b = st_ir_new_block(&f);
    StIrRef x = emit(&f, b, ST_IR_UNBOX_F64, ST_IRT_F64, param(&f, b, 0), 0);
    StIrRef m = emit(&f, b, ST_IR_MUL_F64, ST_IRT_F64, x, st_ir_const_f64(&f, b, 4));
    StIrRef s = emit(&f, b, ST_IR_SUB_F64, ST_IRT_F64, m, st_ir_const_f64(&f, b, 1));
    StIrRef d = emit(&f, b, ST_IR_DIV_F64, ST_IRT_F64, s, st_ir_const_f64(&f, b, 2));
    StIrRef md = emit(&f, b, ST_IR_MOD_F64, ST_IRT_F64, d, st_ir_const_f64(&f, b, 1.75));
    StIrRef sq = emit(&f, b, ST_IR_MATH_F64, ST_IRT_F64, md, 0);
    st_ir_insn(&f, sq)->imm.i = ST_IRM_SQRT;
    StIrRef fl = emit(&f, b, ST_IR_MATH_F64, ST_IRT_F64, emit(&f, b, ST_IR_MUL_F64, ST_IRT_F64, sq, st_ir_const_f64(&f, b, 100)), 0);
    st_ir_insn(&f, fl)->imm.i = ST_IRM_FLOOR;
    StIrRef pw = emit(&f, b, ST_IR_POW_F64, ST_IRT_F64, fl, st_ir_const_f64(&f, b, 2));
    StIrRef ab = emit(&f, b, ST_IR_MATH_F64, ST_IRT_F64, emit(&f, b, ST_IR_NEG_F64, ST_IRT_F64, pw, 0), 0);
    st_ir_insn(&f, ab)->imm.i = ST_IRM_ABS;
    StIrRef ti = emit(&f, b, ST_IR_F64_TO_I32, ST_IRT_I32, ab, 0);
    ret(&f, b, emit(&f, b, ST_IR_BOX_I32, ST_IRT_VALUE, ti, 0));
    Entry e = compile_o(&f, "f64", O, NULL);
    if (e) {
      /* x = 3.25: 13 - 1 = 12, / 2 = 6, % 1.75 = 0.75, sqrt = 0.866.., *100 floor = 86, ^2 = 7396 */
      ST_EXPECT_EQ_INT(run2(e, dbits(3.25), i32v(0)), i32v(7396));
      /* an int32-boxed input goes through UNBOX_F64's int path: 2 -> 7/2 = 3.5 % 1.75 = 0 */
      ST_EXPECT_EQ_INT(run2(e, i32v(2), i32v(0)), i32v(0));
    }
    st_ir_free(&f);
  }
  /* ToInt32 of large, negative and non-finite doubles; comparisons with NaN. */
  for (int O = 0; O <= 2; O += 2) {
    StIrFunc f;
    st_ir_init(&f);
    uint32_t b = st_ir_new_block(&f);
    StIrRef x = emit(&f, b, ST_IR_UNBOX_F64, ST_IRT_F64, param(&f, b, 0), 0);
    ret(&f, b, emit(&f, b, ST_IR_BOX_I32, ST_IRT_VALUE, emit(&f, b, ST_IR_F64_TO_I32, ST_IRT_I32, x, 0), 0));
    Entry e = compile_o(&f, "toint32", O, NULL);
    if (e) {
      ST_EXPECT_EQ_INT(run2(e, dbits(4294967296.0 + 5), 0), i32v(5));
      ST_EXPECT_EQ_INT(run2(e, dbits(-1.9), 0), i32v(-1));
      ST_EXPECT_EQ_INT(run2(e, dbits(2147483648.0), 0), i32v(INT32_MIN));
      ST_EXPECT_EQ_INT(run2(e, dbits(1e20), 0), i32v((int32_t)(uint32_t)(uint64_t)fmod(1e20, 4294967296.0)));
      ST_EXPECT_EQ_INT(run2(e, dbits(-1e20), 0), i32v((int32_t)(0u - (uint32_t)(uint64_t)fmod(1e20, 4294967296.0))));
      ST_EXPECT_EQ_INT(run2(e, dbits(NAN), 0), i32v(0));
      ST_EXPECT_EQ_INT(run2(e, dbits(INFINITY), 0), i32v(0));
    }
    st_ir_free(&f);
  }
  for (int c = ST_IRC_EQ; c <= ST_IRC_GE; c++) {
    StIrFunc f;
    st_ir_init(&f);
    uint32_t b = st_ir_new_block(&f);
    StIrRef x = emit(&f, b, ST_IR_UNBOX_F64, ST_IRT_F64, param(&f, b, 0), 0);
    StIrRef y = emit(&f, b, ST_IR_UNBOX_F64, ST_IRT_F64, param(&f, b, 1), 0);
    StIrRef r = emit(&f, b, ST_IR_CMP_F64, ST_IRT_BOOL, x, y);
    st_ir_insn(&f, r)->imm.i = c;
    ret(&f, b, emit(&f, b, ST_IR_BOX_BOOL, ST_IRT_VALUE, r, 0));
    Entry e = compile_o(&f, "cmpf", 2, NULL);
    if (e) {
      ST_EXPECT_EQ_INT(run2(e, dbits(NAN), dbits(1)), c == ST_IRC_NE ? ST_TRUE : ST_FALSE);
      bool lt12[] = {false, true, true, true, false, false};
      ST_EXPECT_EQ_INT(run2(e, dbits(1), dbits(2)), lt12[c] ? ST_TRUE : ST_FALSE);
    }
    st_ir_free(&f);
  }
  release_all();
}

static void test_loads_stores(void) {
  struct { uint64_t v[4]; int32_t i; uint8_t flag; double d; void *p; } mem = {{1, 2, 3, 4}, 41, 1, 0.5, NULL};
  for (int O = 0; O <= 2; O += 2) {
    mem.i = 41;
    mem.p = NULL;
    StIrFunc f;
    st_ir_init(&f);
    uint32_t b = st_ir_new_block(&f);
    StIrRef base = st_ir_const_ptr(&f, b, &mem);
    StIrRef idx = emit(&f, b, ST_IR_UNBOX_I32, ST_IRT_I32, param(&f, b, 0), 0);
    StIrRef lv = emit(&f, b, ST_IR_LOADX, ST_IRT_VALUE, base, idx); /* v[idx] */
    StIrRef li = emit(&f, b, ST_IR_LOAD, ST_IRT_I32, base, 0);
    st_ir_insn(&f, li)->imm.i = offsetof(__typeof__(mem), i);
    StIrRef lb = emit(&f, b, ST_IR_LOAD, ST_IRT_BOOL, base, 0);
    st_ir_insn(&f, lb)->imm.i = offsetof(__typeof__(mem), flag);
    StIrRef ld = emit(&f, b, ST_IR_LOAD, ST_IRT_F64, base, 0);
    st_ir_insn(&f, ld)->imm.i = offsetof(__typeof__(mem), d);
    StIrRef one = st_ir_const_i32(&f, b, 1);
    StIrRef st = emit(&f, b, ST_IR_STORE, ST_IRT_VOID, base, emit(&f, b, ST_IR_ADD_I32, ST_IRT_I32, li, one));
    st_ir_insn(&f, st)->imm.i = offsetof(__typeof__(mem), i);
    StIrRef sx = st_ir_emit(&f, b, ST_IR_STOREX, ST_IRT_VOID, base, one, lv); /* v[1] = v[idx] */
    (void)sx;
    StIrRef sp = emit(&f, b, ST_IR_STORE, ST_IRT_VOID, base, base);
    st_ir_insn(&f, sp)->imm.i = offsetof(__typeof__(mem), p);
    /* result: idx-th value + int + bool + d*2 as int */
    StIrRef dd = emit(&f, b, ST_IR_F64_TO_I32, ST_IRT_I32, emit(&f, b, ST_IR_ADD_F64, ST_IRT_F64, ld, ld), 0);
    StIrRef bi = emit(&f, b, ST_IR_UNBOX_I32, ST_IRT_I32,
                      emit(&f, b, ST_IR_BOX_BOOL, ST_IRT_VALUE, lb, 0), 0); /* low bits: 1 */
    StIrRef sum = emit(&f, b, ST_IR_ADD_I32, ST_IRT_I32, emit(&f, b, ST_IR_UNBOX_I32, ST_IRT_I32, lv, 0),
                       emit(&f, b, ST_IR_ADD_I32, ST_IRT_I32, li, emit(&f, b, ST_IR_ADD_I32, ST_IRT_I32, bi, dd)));
    ret(&f, b, emit(&f, b, ST_IR_BOX_I32, ST_IRT_VALUE, sum, 0));
    Entry e = compile_o(&f, "mem", O, NULL);
    if (e) {
      mem.v[1] = 2;
      ST_EXPECT_EQ_INT(run2(e, i32v(3), 0), i32v(4 + 41 + 1 + 1));
      ST_EXPECT_EQ_INT(mem.i, 42);
      ST_EXPECT_EQ_INT(mem.v[1], 4);
      ST_EXPECT(mem.p == &mem);
    }
    st_ir_free(&f);
  }
  release_all();
}

/* CALL ADD(vm, r0, r1) with a snapshot: ST_EXCEPTION leaves through it; CALL IN (an I-result)
 * returning -1 likewise; TRUTHY on a "string" goes to the helper. */
static void test_calls(void) {
  for (int O = 0; O <= 2; O += 2) {
    StIrFunc f;
    st_ir_init(&f);
    uint32_t b = st_ir_new_block(&f);
    StIrRef vm = emit(&f, b, ST_IR_VMPTR, ST_IRT_PTR, 0, 0);
    StIrRef p0 = param(&f, b, 0), p1 = param(&f, b, 1);
    StIrRef ents[2] = {p0, p1};
    uint32_t s = snap(&f, 2, ents);
    StIrRef sum = call(&f, b, ST_IR_CALL, ST_IRT_VALUE, ST_HELPER_ADD, 3, (StIrRef[]){vm, p0, p1}, s);
    StIrRef ents2[1] = {sum};
    uint32_t s2 = snap(&f, 1, ents2);
    StIrRef in = call(&f, b, ST_IR_CALL, ST_IRT_BOOL, ST_HELPER_IN, 3, (StIrRef[]){vm, p1, p0}, s2);
    StIrRef tr = emit(&f, b, ST_IR_TRUTHY, ST_IRT_BOOL, p1, 0);
    /* sum + (in ? 100 : 0) + (truthy(p1) ? 1000 : 0), through boxes and branches-free math */
    StIrRef inb = emit(&f, b, ST_IR_UNBOX_I32, ST_IRT_I32, emit(&f, b, ST_IR_BOX_BOOL, ST_IRT_VALUE, in, 0), 0);
    StIrRef trb = emit(&f, b, ST_IR_UNBOX_I32, ST_IRT_I32, emit(&f, b, ST_IR_BOX_BOOL, ST_IRT_VALUE, tr, 0), 0);
    StIrRef r = emit(&f, b, ST_IR_ADD_I32, ST_IRT_I32, emit(&f, b, ST_IR_UNBOX_I32, ST_IRT_I32, sum, 0),
                     emit(&f, b, ST_IR_ADD_I32, ST_IRT_I32,
                          emit(&f, b, ST_IR_MUL_I32_OV, ST_IRT_I32, inb, st_ir_const_i32(&f, b, 100)),
                          emit(&f, b, ST_IR_MUL_I32_OV, ST_IRT_I32, trb, st_ir_const_i32(&f, b, 1000))));
    for (size_t k = 0; k < f.insns.len; k++)
      if (f.insns.data[k].op == ST_IR_MUL_I32_OV) f.insns.data[k].snap = snap0(&f);
    ret(&f, b, emit(&f, b, ST_IR_BOX_I32, ST_IRT_VALUE, r, 0));
    Entry e = compile_o(&f, "calls", O, NULL);
    if (e) {
      ST_EXPECT_EQ_INT(run2(e, i32v(3), i32v(4)), i32v(7 + 100 + 1000));
      ST_EXPECT_EQ_INT(run2(e, i32v(3), i32v(0)), i32v(3 + 100));
      ST_EXPECT_EQ_INT(g_deopts, 0);
      ST_EXPECT_EQ_INT(run2(e, ST_UNDEFINED, i32v(4)), DEOPT_RESULT);
      ST_EXPECT_EQ_INT(g_exit, s - 1);
      ST_EXPECT_EQ_INT(g_buffer_copy[0], ST_UNDEFINED);
      ST_EXPECT_EQ_INT(g_buffer_copy[1], i32v(4));
      /* ADD(null, 0) "works" (fake), IN(null) throws: exits through s2 with sum boxed */
      ST_EXPECT_EQ_INT(run2(e, i32v(5), ST_NULL), DEOPT_RESULT);
      ST_EXPECT_EQ_INT(g_exit, s2 - 1);
      ST_EXPECT_EQ_INT(g_buffer_copy[0], i32v(6));
      /* TRUTHY: a fake string of length 3 (helper), the empty string, a double, null */
      ST_EXPECT_EQ_INT(run2(e, i32v(1), ST_TAG_BITS(ST_TAG_STRING) | 3), i32v((int32_t)(1 + 3) + 100 + 1000));
      ST_EXPECT_EQ_INT(run2(e, i32v(1), ST_TAG_BITS(ST_TAG_STRING)), i32v(1 + 100));
      ST_EXPECT_EQ_INT(run2(e, i32v(0), dbits(0.0)), i32v(0 + 100));
      ST_EXPECT_EQ_INT(run2(e, i32v(0), dbits(-0.5)), i32v((int32_t)dbits(-0.5) + 100 + 1000));
    }
    st_ir_free(&f);
  }
  release_all();
}

/* Every guard kind: a function that checks one guard on its parameters and returns 1, run
 * once where the guard holds and once where it fails (the DEOPT helper's result then). */
typedef struct GuardCase {
  const char *name;
  StIrOp op;
  uint64_t pass0, pass1, fail0, fail1;
} GuardCase;

static FakeObject g_obj = {.kind = 1, .flags = 0x0005, .shape = (void *)0x1000};
static FakeObject g_obj2 = {.kind = 1, .flags = 0x0004, .shape = (void *)0x2000};

static uint64_t objv(FakeObject *o) { return ST_TAG_BITS(ST_TAG_OBJECT) | (uint64_t)(uintptr_t)o; }

static void build_guard(StIrFunc *f, const GuardCase *gc, uint32_t *snap_out) {
  uint32_t b = st_ir_new_block(f);
  StIrRef p0 = param(f, b, 0), p1 = param(f, b, 1);
  StIrRef ents[2] = {p0, p1};
  uint32_t s = snap(f, 2, ents);
  *snap_out = s;
  StIrRef r1 = 0;
  switch (gc->op) {
  case ST_IR_GUARD_INT32:
  case ST_IR_GUARD_NUMBER:
  case ST_IR_GUARD_NOT_HOLE: guard(f, b, gc->op, p0, 0, s); break;
  case ST_IR_GUARD_TAG: st_ir_insn(f, guard(f, b, gc->op, p0, 0, s))->imm.i = ST_TAG_STRING; break;
  case ST_IR_GUARD_EQ_VALUE: st_ir_insn(f, guard(f, b, gc->op, p0, 0, s))->imm.v = ST_NULL; break;
  case ST_IR_GUARD_TRUE:
  case ST_IR_GUARD_FALSE: guard(f, b, gc->op, emit(f, b, ST_IR_EQ_VALUE, ST_IRT_BOOL, p0, p1), 0, s); break;
  case ST_IR_GUARD_EQ_PTR:
    guard(f, b, gc->op, emit(f, b, ST_IR_VALUE_TO_PTR, ST_IRT_PTR, p0, 0),
          emit(f, b, ST_IR_VALUE_TO_PTR, ST_IRT_PTR, p1, 0), s);
    break;
  case ST_IR_GUARD_SHAPE:
    st_ir_insn(f, guard(f, b, gc->op, emit(f, b, ST_IR_VALUE_TO_PTR, ST_IRT_PTR, p0, 0), 0, s))->imm.p = g_obj.shape;
    break;
  case ST_IR_GUARD_FLAGS: {
    StIrRef g = guard(f, b, gc->op, emit(f, b, ST_IR_VALUE_TO_PTR, ST_IRT_PTR, p0, 0), 0, s);
    st_ir_insn(f, g)->imm.u[0] = 0x1;
    st_ir_insn(f, g)->imm.u[1] = 0x1;
    break;
  }
  case ST_IR_GUARD_BOUNDS:
    guard(f, b, gc->op, emit(f, b, ST_IR_UNBOX_I32, ST_IRT_I32, p0, 0), emit(f, b, ST_IR_UNBOX_I32, ST_IRT_I32, p1, 0), s);
    break;
  case ST_IR_GUARD_EPOCH: st_ir_insn(f, guard(f, b, gc->op, 0, 0, s))->imm.i = 77; break;
  case ST_IR_ADD_I32_OV:
  case ST_IR_SUB_I32_OV:
  case ST_IR_MUL_I32_OV:
  case ST_IR_DIV_I32_EXACT:
  case ST_IR_MOD_I32:
    r1 = emit(f, b, gc->op, ST_IRT_I32, emit(f, b, ST_IR_UNBOX_I32, ST_IRT_I32, p0, 0),
              emit(f, b, ST_IR_UNBOX_I32, ST_IRT_I32, p1, 0));
    st_ir_insn(f, r1)->snap = s;
    break;
  case ST_IR_NEG_I32_OV:
    r1 = emit(f, b, gc->op, ST_IRT_I32, emit(f, b, ST_IR_UNBOX_I32, ST_IRT_I32, p0, 0), 0);
    st_ir_insn(f, r1)->snap = s;
    break;
  case ST_IR_DEOPT: {
    /* Branch on r0 == r1: the true side deopts. */
    uint32_t yes = st_ir_new_block(f), no = st_ir_new_block(f);
    emit(f, b, ST_IR_BRANCH, ST_IRT_VOID, emit(f, b, ST_IR_EQ_VALUE, ST_IRT_BOOL, p0, p1), 0);
    st_ir_add_edge(f, b, yes);
    st_ir_add_edge(f, b, no);
    guard(f, yes, ST_IR_DEOPT, 0, 0, s);
    ret(f, no, st_ir_const_value(f, no, i32v(1)));
    return;
  }
  default: break;
  }
  ret(f, b, r1 ? emit(f, b, ST_IR_BOX_I32, ST_IRT_VALUE, r1, 0) : st_ir_const_value(f, b, i32v(1)));
}

static void test_guards(void) {
  GuardCase cases[] = {
      {"int32", ST_IR_GUARD_INT32, i32v(3), 0, dbits(3.0), 0},
      {"number", ST_IR_GUARD_NUMBER, dbits(-2.5), 0, ST_UNDEFINED, 0},
      {"number2", ST_IR_GUARD_NUMBER, i32v(-1), 0, ST_TRUE, 0},
      {"tag", ST_IR_GUARD_TAG, ST_TAG_BITS(ST_TAG_STRING) | 8, 0, objv(&g_obj), 0},
      {"true", ST_IR_GUARD_TRUE, ST_NULL, ST_NULL, ST_NULL, ST_UNDEFINED},
      {"false", ST_IR_GUARD_FALSE, ST_NULL, ST_UNDEFINED, ST_NULL, ST_NULL},
      {"eq_ptr", ST_IR_GUARD_EQ_PTR, objv(&g_obj), objv(&g_obj), objv(&g_obj), objv(&g_obj2)},
      {"eq_value", ST_IR_GUARD_EQ_VALUE, ST_NULL, 0, ST_UNDEFINED, 0},
      {"shape", ST_IR_GUARD_SHAPE, objv(&g_obj), 0, objv(&g_obj2), 0},
      {"flags", ST_IR_GUARD_FLAGS, objv(&g_obj), 0, objv(&g_obj2), 0},
      {"bounds", ST_IR_GUARD_BOUNDS, i32v(2), i32v(3), i32v(3), i32v(3)},
      {"bounds_neg", ST_IR_GUARD_BOUNDS, i32v(0), i32v(1), i32v(-1), i32v(3)},
      {"not_hole", ST_IR_GUARD_NOT_HOLE, ST_UNDEFINED, 0, ST_HOLE, 0},
      {"epoch", ST_IR_GUARD_EPOCH, 0, 0, 1, 0}, /* 0: epoch 77, 1: epoch 78 (set below) */
      {"deopt", ST_IR_DEOPT, ST_NULL, ST_UNDEFINED, ST_NULL, ST_NULL},
      {"add_ov", ST_IR_ADD_I32_OV, i32v(INT32_MAX - 1), i32v(1), i32v(INT32_MIN), i32v(-1)},
      {"sub_ov", ST_IR_SUB_I32_OV, i32v(INT32_MIN + 1), i32v(1), i32v(INT32_MIN), i32v(1)},
      {"mul_ov", ST_IR_MUL_I32_OV, i32v(-46340), i32v(46340), i32v(65536), i32v(65536)},
      {"mul_negzero", ST_IR_MUL_I32_OV, i32v(0), i32v(5), i32v(0), i32v(-5)},
      {"neg_ov", ST_IR_NEG_I32_OV, i32v(INT32_MAX), 0, i32v(INT32_MIN), 0},
      {"neg_zero", ST_IR_NEG_I32_OV, i32v(-4), 0, i32v(0), 0},
      {"div_exact", ST_IR_DIV_I32_EXACT, i32v(-12), i32v(4), i32v(7), i32v(2)},
      {"div_zero", ST_IR_DIV_I32_EXACT, i32v(0), i32v(4), i32v(7), i32v(0)},
      {"div_min", ST_IR_DIV_I32_EXACT, i32v(INT32_MIN), i32v(1), i32v(INT32_MIN), i32v(-1)},
      {"div_negzero", ST_IR_DIV_I32_EXACT, i32v(0), i32v(1), i32v(0), i32v(-3)},
      {"mod", ST_IR_MOD_I32, i32v(-7), i32v(2), i32v(7), i32v(0)},
      {"mod_negzero", ST_IR_MOD_I32, i32v(6), i32v(-4), i32v(-8), i32v(4)},
      {"mod_min", ST_IR_MOD_I32, i32v(INT32_MIN), i32v(3), i32v(INT32_MIN), i32v(-1)},
  };
  int64_t expect_pass[ST_ARRAY_LEN(cases)];
  for (size_t k = 0; k < ST_ARRAY_LEN(cases); k++) {
    expect_pass[k] = 1;
    int32_t a = (int32_t)cases[k].pass0, c = (int32_t)cases[k].pass1;
    switch (cases[k].op) {
    case ST_IR_ADD_I32_OV: expect_pass[k] = a + c; break;
    case ST_IR_SUB_I32_OV: expect_pass[k] = a - c; break;
    case ST_IR_MUL_I32_OV: expect_pass[k] = a * c; break;
    case ST_IR_NEG_I32_OV: expect_pass[k] = -a; break;
    case ST_IR_DIV_I32_EXACT: expect_pass[k] = a / c; break;
    case ST_IR_MOD_I32: expect_pass[k] = a % c; break;
    default: break;
    }
  }
  for (int O = 0; O <= 2; O += 2) {
    for (size_t k = 0; k < ST_ARRAY_LEN(cases); k++) {
      const GuardCase *gc = &cases[k];
      StIrFunc f;
      st_ir_init(&f);
      uint32_t s = 0;
      build_guard(&f, gc, &s);
      Entry e = compile_o(&f, gc->name, O, NULL);
      if (!e) {
        printf("  guard case %s failed to compile\n", gc->name);
        st_ir_free(&f);
        continue;
      }
      g_vm.proto_epoch = 77;
      uint64_t got = run2(e, gc->pass0, gc->pass1);
      if (got != i32v((int32_t)expect_pass[k]) || g_deopts) printf("  guard %s (O%d): pass case\n", gc->name, O);
      ST_EXPECT_EQ_INT(got, i32v((int32_t)expect_pass[k]));
      ST_EXPECT_EQ_INT(g_deopts, 0);
      if (gc->op == ST_IR_GUARD_EPOCH) g_vm.proto_epoch = 78;
      got = run2(e, gc->fail0, gc->fail1);
      if (got != DEOPT_RESULT) printf("  guard %s (O%d): fail case\n", gc->name, O);
      ST_EXPECT_EQ_INT(got, DEOPT_RESULT);
      ST_EXPECT_EQ_INT(g_deopts, 1);
      ST_EXPECT_EQ_INT(g_exit, s - 1);
      ST_EXPECT_EQ_INT(g_buffer_copy[0], gc->fail0);
      ST_EXPECT_EQ_INT(g_buffer_copy[1], gc->fail1);
      st_ir_free(&f);
    }
    release_all();
  }
}

/* A function of about n instructions: a chain of checked int32 adds with guards. */
static void build_chain(StIrFunc *f, int n) {
  uint32_t b = st_ir_new_block(f);
  StIrRef p0 = param(f, b, 0);
  uint32_t s = snap(f, 1, &p0);
  guard(f, b, ST_IR_GUARD_INT32, p0, 0, s);
  StIrRef x = emit(f, b, ST_IR_UNBOX_I32, ST_IRT_I32, p0, 0);
  for (int k = 0; k < n / 2; k++) {
    StIrRef c = st_ir_const_i32(f, b, k + 1);
    x = emit(f, b, k % 3 == 2 ? ST_IR_XOR_I32 : ST_IR_ADD_I32_OV, ST_IRT_I32, x, c);
    if (k % 3 != 2) st_ir_insn(f, x)->snap = s;
  }
  ret(f, b, emit(f, b, ST_IR_BOX_I32, ST_IRT_VALUE, x, 0));
}

static long rss_kb(void) {
  FILE *fp = fopen("/proc/self/status", "r");
  if (!fp) return 0;
  char line[256];
  long kb = 0;
  while (fgets(line, sizeof line, fp))
    if (!strncmp(line, "VmRSS:", 6)) kb = strtol(line + 6, NULL, 10);
  fclose(fp);
  return kb;
}

/* Entries of dir whose name starts with prefix; a missing dir has none. */
static int count_entries(const char *dir, const char *prefix) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)))
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && !strncmp(e->d_name, prefix, strlen(prefix))) n++;
  closedir(d);
  return n;
}

static void test_release_200(void) {
  long rss50 = 0;
  for (int k = 0; k < 200; k++) {
    StIrFunc f;
    st_ir_init(&f);
    build_chain(&f, 40);
    StBackendResult res;
    Entry e = compile_o(&f, "chain", k % 2 ? 2 : 0, &res);
    if (e) ST_EXPECT_EQ_INT(run2(e, i32v(0), 0) & 0xFFFF000000000000ull, ST_TAG_BITS(ST_TAG_INT));
    release_all();
    st_ir_free(&f);
    if (k == 49) rss50 = rss_kb();
  }
  long rss200 = rss_kb();
  printf("  RSS after 50 compiles %ld KB, after 200 %ld KB\n", rss50, rss200);
  ST_EXPECT(rss200 - rss50 < 40 * 1024);
  ST_EXPECT_EQ_INT(count_entries(g_tmp, ""), 0);
  /* Between compiles the temp dir does not even exist (nothing to leave behind in a crash). */
  struct stat st;
  ST_EXPECT(stat(g_tmp, &st) != 0);
}

/* Eight functions in one context: each runs with its own exits (its own f->code), the batch
 * costs about one compile, and every handle is released separately. */
static void test_batch(void) {
  ST_EXPECT(g_batch != NULL);
  if (!g_batch) return;
  enum { N = 8 };
  StIrFunc fs[N];
  StIrFunc *fp[N];
  const char *names[N];
  char codes[N];
  char nb[N][16];
  for (int k = 0; k < N; k++) {
    st_ir_init(&fs[k]);
    build_chain(&fs[k], 20 + 2 * k);
    fs[k].code = &codes[k];
    fp[k] = &fs[k];
    snprintf(nb[k], sizeof nb[k], "batch%d", k);
    names[k] = nb[k];
    ST_EXPECT(st_ir_verify(&fs[k]));
  }
  StBackendOptions opt = {.opt_level = 2};
  StBackendResult res[N];
  uint64_t t0 = st_common_now_ns();
  bool ok = g_batch(g_state, fp, names, N, &opt, res);
  uint64_t t1 = st_common_now_ns();
  ST_EXPECT(ok);
  if (!ok) printf("  batch: %s\n", res[0].error);
  if (ok) {
    for (int k = 0; k < N; k++) {
      Entry e = (Entry)res[k].entry;
      ST_EXPECT(e != NULL && res[k].code_size > 0);
      /* chain(n) of INT32_MAX overflows at its first add: exit through snapshot 0 of f_k */
      ST_EXPECT_EQ_INT(run2(e, i32v(INT32_MAX), 0), DEOPT_RESULT);
      ST_EXPECT(g_code == &codes[k]);
      ST_EXPECT_EQ_INT(g_buffer_copy[0], i32v(INT32_MAX));
      ST_EXPECT_EQ_INT(run2(e, i32v(0), 0) >> 48, ST_TAG_INT);
    }
    printf("  batch of %d functions at O2: %.2f ms (%.2f ms per function)\n", N, (t1 - t0) / 1e6,
           (t1 - t0) / 1e6 / N);
    for (int k = 0; k < N; k++) g_be->release(g_state, res[k].handle);
  }
  for (int k = 0; k < N; k++) st_ir_free(&fs[k]);
  ST_EXPECT_EQ_INT(count_entries(g_tmp, ""), 0);
}

static void test_version_and_perf_map(void) {
  const char *v = g_be->version(g_state);
  ST_EXPECT(v && !strncmp(v, "libgccjit ", 10));
  ST_EXPECT_EQ_STR(g_be->name, "gccjit");
  /* perf map: a second state with perf_map on. */
  StBackendHost h = g_host;
  h.perf_map = true;
  char err[256];
  void *st = g_be->init(&h, err, sizeof err);
  ST_EXPECT(st != NULL);
  if (!st) return;
  StIrFunc f;
  st_ir_init(&f);
  build_chain(&f, 10);
  static char marker;
  f.code = &marker;
  StBackendOptions opt = {.opt_level = 0};
  StBackendResult res;
  ST_EXPECT(g_be->compile(st, &f, "perf_named_fn", &opt, &res));
  char path[64], line[256];
  snprintf(path, sizeof path, "/tmp/perf-%d.map", (int)getpid());
  FILE *fp = fopen(path, "r");
  bool found = false;
  while (fp && fgets(line, sizeof line, fp)) {
    unsigned long addr = 0, size = 0;
    char name[128];
    if (sscanf(line, "%lx %lx %127s", &addr, &size, name) == 3 && strstr(name, "perf_named_fn")) {
      found = addr == (unsigned long)(uintptr_t)res.entry && size == res.code_size;
    }
  }
  if (fp) fclose(fp);
  ST_EXPECT(found);
  unlink(path);
  g_be->release(st, res.handle);
  g_be->shutdown(st);
  st_ir_free(&f);
}

static void test_missing_as(void) {
  char empty[] = "/tmp/strata-gjempty-XXXXXX";
  ST_EXPECT(mkdtemp(empty) != NULL);
  const char *old = getenv("PATH");
  char *saved = old ? strdup(old) : NULL;
  setenv("PATH", empty, 1);
  char err[256] = "";
  void *st = g_be->init(&g_host, err, sizeof err);
  ST_EXPECT(st == NULL);
  ST_EXPECT_EQ_STR(err, "libgccjit needs 'as' and 'ld' from binutils: not found on PATH");
  /* A compile on a state made before PATH changed must fail cleanly, not crash. */
  StIrFunc f;
  st_ir_init(&f);
  build_chain(&f, 10);
  static char marker;
  f.code = &marker;
  StBackendOptions opt = {.opt_level = 0};
  StBackendResult res;
  bool ok = g_be->compile(g_state, &f, "no_as", &opt, &res);
  ST_EXPECT(!ok);
  if (ok) g_be->release(g_state, res.handle);
  else ST_EXPECT_EQ_STR(res.error, "libgccjit needs 'as' and 'ld' from binutils: not found on PATH");
  st_ir_free(&f);
  if (saved) setenv("PATH", saved, 1);
  else unsetenv("PATH");
  free(saved);
  rmdir(empty);
  ST_EXPECT_EQ_INT(count_entries(g_tmp, ""), 0);
}

/* CPU time of this process and its waited-for children (as, collect2, ld), in ns: less
 * sensitive than wall time to other load on a shared machine. */
static uint64_t cpu_ns(void) {
  struct rusage a, c;
  getrusage(RUSAGE_SELF, &a);
  getrusage(RUSAGE_CHILDREN, &c);
  uint64_t us = (uint64_t)(a.ru_utime.tv_sec + a.ru_stime.tv_sec + c.ru_utime.tv_sec + c.ru_stime.tv_sec) * 1000000u +
                (uint64_t)(a.ru_utime.tv_usec + a.ru_stime.tv_usec + c.ru_utime.tv_usec + c.ru_stime.tv_usec);
  return us * 1000u;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static void test_compile_times(void) {
  int sizes[2] = {4, 200};
  for (int si = 0; si < 2; si++) {
    for (int O = 0; O <= 2; O += 2) {
      uint64_t t[10], cpu[10];
      size_t ninsns = 0, code = 0;
      for (int k = 0; k < 10; k++) {
        StIrFunc f;
        st_ir_init(&f);
        build_chain(&f, sizes[si]);
        ninsns = f.insns.len - 1;
        StBackendResult res;
        uint64_t t0 = st_common_now_ns(), c0 = cpu_ns();
        Entry e = compile_o(&f, "timed", O, &res);
        t[k] = st_common_now_ns() - t0;
        cpu[k] = cpu_ns() - c0;
        if (e) code = res.code_size;
        release_all();
        st_ir_free(&f);
      }
      qsort(t, 10, sizeof t[0], cmp_u64);
      qsort(cpu, 10, sizeof cpu[0], cmp_u64);
      printf("  compile time, %zu IR insns at O%d: median %.2f ms wall (min %.2f), %.2f ms CPU incl. as/ld; code %zu bytes\n",
             ninsns, O, (t[4] + t[5]) / 2e6, t[0] / 1e6, (cpu[4] + cpu[5]) / 2e6, code);
    }
  }
}

static bool g_tmp_clean;
/* Run after shutdown: the temp dir was empty and no /tmp/libgccjit-* dir appeared. */
static void test_tmp_clean(void) { ST_EXPECT(g_tmp_clean); }

int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0); /* lines survive a crash */
  int libgccjit_dirs_before = count_entries("/tmp", "libgccjit-");
  void *dl = dlopen(ST_GCCJIT_PLUGIN_PATH, RTLD_NOW | RTLD_LOCAL);
  if (!dl) {
    printf("cannot load %s: %s\n0 passed, 1 failed\n", ST_GCCJIT_PLUGIN_PATH, dlerror());
    return 1;
  }
  StBackendPluginFn fn = (StBackendPluginFn)dlsym(dl, ST_BACKEND_PLUGIN_SYMBOL);
  g_be = fn ? fn() : NULL;
  g_batch = (StGccjitCompileBatchFn)dlsym(dl, ST_GCCJIT_BATCH_SYMBOL);
  if (!g_be || g_be->abi_version != ST_BACKEND_ABI_VERSION) {
    printf("bad plugin\n0 passed, 1 failed\n");
    return 1;
  }
  snprintf(g_tmp, sizeof g_tmp, "/tmp/strata-gjtest-XXXXXX");
  if (!mkdtemp(g_tmp)) {
    printf("mkdtemp failed\n0 passed, 1 failed\n");
    return 1;
  }
  g_helpers[ST_HELPER_DEOPT] = (void *)h_deopt;
  g_helpers[ST_HELPER_ADD] = (void *)h_add;
  g_helpers[ST_HELPER_IN] = (void *)h_in;
  g_helpers[ST_HELPER_TRUTHY] = (void *)h_truthy;
  g_helpers[ST_HELPER_FMOD] = (void *)h_fmod;
  g_helpers[ST_HELPER_POW] = (void *)h_pow;
  g_helpers[ST_HELPER_MATH1] = (void *)h_math1;
  g_host = (StBackendHost){
      .abi_version = ST_BACKEND_ABI_VERSION,
      .helpers = g_helpers,
      .helper_sigs = g_sigs,
      .helper_names = g_names,
      .nhelpers = ST_HELPER_COUNT,
      .vm_deopt_buffer_offset = offsetof(FakeVM, deopt_buffer),
      .vm_proto_epoch_offset = offsetof(FakeVM, proto_epoch),
      .frame_regs_offset = offsetof(FakeFrame, regs),
      .temp_dir = g_tmp,
  };
  g_vm.deopt_buffer = g_buffer;
  char err[256] = "";
  g_state = g_be->init(&g_host, err, sizeof err);
  if (!g_state) {
    printf("init failed: %s\n0 passed, 1 failed\n", err);
    rmdir(g_tmp);
    return 1;
  }
  ST_RUN(test_constants_and_boxing);
  ST_RUN(test_add_overflow_exit);
  ST_RUN(test_loop_phis_swap);
  ST_RUN(test_f64);
  ST_RUN(test_loads_stores);
  ST_RUN(test_calls);
  ST_RUN(test_guards);
  ST_RUN(test_batch);
  ST_RUN(test_version_and_perf_map);
  ST_RUN(test_missing_as);
  ST_RUN(test_compile_times);
  ST_RUN(test_release_200);
  g_be->shutdown(g_state);
  /* Nothing of libgccjit's in /tmp, nothing left in our dir. */
  int left = count_entries(g_tmp, "");
  rmdir(g_tmp);
  int libgccjit_dirs_after = count_entries("/tmp", "libgccjit-");
  printf("  /tmp/libgccjit-* before %d after %d; files left in the temp dir: %d\n", libgccjit_dirs_before,
         libgccjit_dirs_after, left);
  g_tmp_clean = left == 0 && libgccjit_dirs_after <= libgccjit_dirs_before;
  ST_RUN(test_tmp_clean);
  return st_check_report();
}

/* backends/llvm/test_llvm_backend.c: unit test of the LLVM plugin, without the engine.
 *
 * Loads libstrata_llvm.so with dlopen (ST_LLVM_PLUGIN_PATH), builds StIrFuncs by hand with the
 * ir.h API, compiles them and calls the entries with a fake VM (a deopt-buffer pointer and a
 * proto epoch at the offsets passed in the host) and a fake frame (registers at
 * frame_regs_offset). The helper table holds this file's own functions; the DEOPT helper
 * records its arguments and the deopt buffer and returns a marker, so every exit can be
 * checked slot by slot.
 *
 * ST_LLVM_TEST_QUICK=1 (for valgrind) shrinks the release/RSS loop and the timing runs.
 * The last line is "N passed, N failed" (tests/unit/check.h).
 */
#include "backends/backend.h"
#include "backends/helpers.h"
#include "gc/gc.h"
#include "tests/unit/check.h"

#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* --- the fake engine --- */

typedef struct FakeVM {
  uint64_t pad[5];
  StValue *deopt_buffer;
  uint32_t proto_epoch;
} FakeVM;

typedef struct FakeFrame {
  uint64_t hdr[3];
  StValue regs[32];
} FakeFrame;

/* An object as far as GUARD_SHAPE/GUARD_FLAGS look: a cell header, then the shape. */
typedef struct FakeObject {
  StCell hdr;
  void *shape;
} FakeObject;

typedef StValue (*Entry)(void *vm, void *frame);

#define MARKER ST_RESUME

static StValue deopt_buffer[64];
static FakeVM vm = {.deopt_buffer = deopt_buffer};
static FakeFrame frame;

static struct {
  int calls;
  void *vm, *frame, *code;
  uint32_t exit;
  StValue slots[8];
} dlog;

static StValue t_deopt(void *v, void *fr, void *code, uint32_t exit) {
  dlog.calls++;
  dlog.vm = v;
  dlog.frame = fr;
  dlog.code = code;
  dlog.exit = exit;
  memcpy(dlog.slots, deopt_buffer, sizeof dlog.slots);
  for (int i = 0; i < 8; i++) deopt_buffer[i] = 0; /* stale slots must not pass the next check */
  return MARKER;
}

static int32_t t_truthy(StValue v) { return (v & ST_PAYLOAD_MASK) == 0x1234 ? 0 : 1; }
static double t_fmod(double a, double b) { return fmod(a, b); }
static double t_pow(double a, double b) { return pow(a, b); }
static double t_math1(int32_t fn, double x) { return fn == 5 ? floor(x + 0.5) : -1000.0 - fn; }
/* GET_PROP stand-in: throws (ST_EXCEPTION) when the key is int 13, else returns obj+key. */
static StValue t_get_prop(void *v, StValue o, StValue k) {
  (void)v;
  if (k == (ST_TAG_BITS(ST_TAG_INT) | 13u)) return ST_EXCEPTION;
  return ST_TAG_BITS(ST_TAG_INT) | (uint32_t)((int32_t)o + (int32_t)k);
}
/* COMPARE stand-in: -1 (threw) when op is 99, else a < b on the int payloads. */
static int32_t t_compare(void *v, int32_t op, StValue a, StValue b) {
  (void)v;
  if (op == 99) return -1;
  return (int32_t)a < (int32_t)b;
}

static void *helpers[ST_HELPER_COUNT];
static const char *const sigs[ST_HELPER_COUNT] = {
#define SIG(name, sig) sig,
    ST_HELPERS(SIG)
#undef SIG
};
static const char *const names[ST_HELPER_COUNT] = {
#define NAME(name, sig) #name,
    ST_HELPERS(NAME)
#undef NAME
};

static StBackendHost host = {
    .abi_version = ST_BACKEND_ABI_VERSION,
    .helpers = helpers,
    .helper_sigs = sigs,
    .helper_names = names,
    .nhelpers = ST_HELPER_COUNT,
    .vm_deopt_buffer_offset = offsetof(FakeVM, deopt_buffer),
    .vm_proto_epoch_offset = offsetof(FakeVM, proto_epoch),
    .frame_regs_offset = offsetof(FakeFrame, regs),
};

static const StBackend *be;
static void *state;
static bool quick;
static int fake_code; /* its address is f->code, which exits pass to DEOPT */

/* --- building IR --- */

static StIrFunc F;
static uint32_t cur;

static void fn_begin(void) {
  st_ir_init(&F);
  F.code = &fake_code;
  F.name = "test";
  cur = st_ir_new_block(&F);
}

static StIrRef E(StIrOp op, StIrType t, StIrRef a, StIrRef b, StIrRef c) {
  return st_ir_emit(&F, cur, op, t, a, b, c);
}
static StIrRef EI(StIrOp op, StIrType t, StIrRef a, StIrRef b, int64_t imm) {
  StIrRef r = E(op, t, a, b, 0);
  st_ir_insn(&F, r)->imm.i = imm;
  return r;
}
static StIrRef param(int reg) { return EI(ST_IR_PARAM, ST_IRT_VALUE, 0, 0, reg); }
static StIrRef ci32(int32_t v) { return st_ir_const_i32(&F, cur, v); }
static StIrRef cf64(double d) { return st_ir_const_f64(&F, cur, d); }
static void ret(StIrRef v) { E(ST_IR_RETURN, ST_IRT_VOID, v, 0, 0); }

/* A one-frame snapshot resuming at pc 7 with entries (regs[k] <- refs[k]); returns index+1. */
static uint32_t snap(uint32_t n, const StIrRef *refs) {
  StIrSnap s = {.first_frame = (uint32_t)F.snap_frames.len, .nframes = 1};
  StIrSnapFrame fr = {.pc = 7, .first = (uint32_t)F.snap_entries.len, .count = n};
  for (uint32_t k = 0; k < n; k++) {
    StIrSnapEntry e = {.reg = (uint16_t)k, .ref = refs[k]};
    st_vec_push(&F.snap_entries, e);
  }
  st_vec_push(&F.snap_frames, fr);
  st_vec_push(&F.snaps, s);
  return (uint32_t)F.snaps.len;
}
static void with_snap(StIrRef r, uint32_t s) { st_ir_insn(&F, r)->snap = s; }

static void *handles[4096];
static int nhandles;

/* Compiles F at opt level; NULL (and a printed error) on failure. Frees F. */
static Entry compile_opt(int opt) {
  StBackendOptions o = {.opt_level = opt, .fast_isel = opt == 0};
  StBackendResult res;
  bool ok = be->compile(state, &F, "test", &o, &res);
  st_ir_free(&F);
  if (!ok) {
    printf("  compile failed: %s\n", res.error);
    return NULL;
  }
  ST_EXPECT(res.code_size > 0);
  if (nhandles < (int)ST_ARRAY_LEN(handles)) handles[nhandles++] = res.handle;
  return (Entry)res.entry;
}

static StValue run(Entry e) {
  dlog.calls = 0;
  return e(&vm, &frame);
}

static StValue vint(int32_t i) { return ST_TAG_BITS(ST_TAG_INT) | (uint32_t)i; }
static StValue vdbl(double d) {
  StValue v;
  memcpy(&v, &d, 8);
  return v;
}

/* --- tests --- */

static void test_constants(void) {
  for (int opt = 0; opt <= 2; opt += 2) {
    struct { StIrType t; int64_t bits; StValue want; } cases[] = {
        {ST_IRT_I32, -5, vint(-5)},
        {ST_IRT_BOOL, 1, ST_TRUE},
        {ST_IRT_BOOL, 0, ST_FALSE},
        {ST_IRT_F64, 0, vdbl(1.5)},
        {ST_IRT_F64, 1, 0x7FF8000000000000ull},  /* a NaN with payload: canonicalized */
        {ST_IRT_F64, 2, 0x7FF8000000000000ull},  /* a negative NaN: canonicalized */
        {ST_IRT_VALUE, 0, ST_NULL},
    };
    uint64_t nan1 = 0x7FF4000000000001ull, nan2 = 0xFFF8000000000000ull;
    for (size_t k = 0; k < ST_ARRAY_LEN(cases); k++) {
      fn_begin();
      StIrRef v;
      switch (cases[k].t) {
      case ST_IRT_I32: v = E(ST_IR_BOX_I32, ST_IRT_VALUE, ci32((int32_t)cases[k].bits), 0, 0); break;
      case ST_IRT_BOOL: v = E(ST_IR_BOX_BOOL, ST_IRT_VALUE, st_ir_const_bool(&F, cur, cases[k].bits), 0, 0); break;
      case ST_IRT_F64: {
        double d = 1.5;
        if (cases[k].bits == 1) memcpy(&d, &nan1, 8);
        if (cases[k].bits == 2) memcpy(&d, &nan2, 8);
        /* Through a parameter too, so O2 cannot fold the canonicalization away. */
        StIrRef p = E(ST_IR_UNBOX_F64, ST_IRT_F64, param(0), 0, 0);
        v = E(ST_IR_BOX_F64, ST_IRT_VALUE, E(ST_IR_ADD_F64, ST_IRT_F64, cf64(d), p, 0), 0, 0);
        break;
      }
      default: v = st_ir_const_value(&F, cur, ST_NULL); break;
      }
      ret(v);
      Entry e = compile_opt(opt);
      if (!e) {
        ST_EXPECT(0);
        continue;
      }
      frame.regs[0] = vint(0);
      ST_EXPECT_EQ_INT(run(e), cases[k].want);
    }
    /* A parameter read back. */
    fn_begin();
    ret(param(3));
    Entry e = compile_opt(opt);
    frame.regs[3] = 0x123456789ull;
    ST_EXPECT(e && run(e) == 0x123456789ull);
  }
}

/* (r0 + r1) as int32 with an overflow exit whose snapshot holds a VALUE, an I32, an F64 and
 * a BOOL: the buffer must hold them boxed. */
static void test_add_overflow(void) {
  for (int opt = 0; opt <= 2; opt += 2) {
    fn_begin();
    StIrRef a = param(0);
    StIrRef x = E(ST_IR_UNBOX_I32, ST_IRT_I32, a, 0, 0);
    StIrRef y = E(ST_IR_UNBOX_I32, ST_IRT_I32, param(1), 0, 0);
    StIrRef d = cf64(2.5);
    StIrRef t = st_ir_const_bool(&F, cur, true);
    StIrRef refs[4] = {a, y, d, t};
    StIrRef s = E(ST_IR_ADD_I32_OV, ST_IRT_I32, x, y, 0);
    with_snap(s, snap(4, refs));
    ret(E(ST_IR_BOX_I32, ST_IRT_VALUE, s, 0, 0));
    Entry e = compile_opt(opt);
    if (!e) {
      ST_EXPECT(0);
      continue;
    }
    frame.regs[0] = vint(40), frame.regs[1] = vint(2);
    ST_EXPECT_EQ_INT(run(e), vint(42));
    ST_EXPECT_EQ_INT(dlog.calls, 0);
    frame.regs[0] = vint(INT32_MAX), frame.regs[1] = vint(1);
    ST_EXPECT_EQ_INT(run(e), MARKER);
    ST_EXPECT_EQ_INT(dlog.calls, 1);
    ST_EXPECT_EQ_INT(dlog.exit, 0);
    ST_EXPECT(dlog.vm == &vm && dlog.frame == &frame && dlog.code == &fake_code);
    ST_EXPECT_EQ_INT(dlog.slots[0], vint(INT32_MAX));
    ST_EXPECT_EQ_INT(dlog.slots[1], vint(1));
    ST_EXPECT_EQ_INT(dlog.slots[2], vdbl(2.5));
    ST_EXPECT_EQ_INT(dlog.slots[3], ST_TRUE);
    frame.regs[0] = vint(INT32_MIN), frame.regs[1] = vint(-1);
    ST_EXPECT_EQ_INT(run(e), MARKER);
  }
}

/* sum = 1 + ... + n with i32 phis; an overflowing sum exits. */
static Entry build_sum_loop(int opt) {
  fn_begin();
  uint32_t b0 = cur, b1 = st_ir_new_block(&F), b2 = st_ir_new_block(&F), b3 = st_ir_new_block(&F);
  st_ir_add_edge(&F, b0, b1);
  st_ir_add_edge(&F, b1, b2);
  st_ir_add_edge(&F, b1, b3);
  st_ir_add_edge(&F, b2, b1);
  StIrRef pn = param(0);
  StIrRef n = E(ST_IR_UNBOX_I32, ST_IRT_I32, pn, 0, 0);
  StIrRef one = ci32(1), zero = ci32(0);
  E(ST_IR_JUMP, ST_IRT_VOID, 0, 0, 0);
  cur = b1;
  StIrRef i = st_ir_phi(&F, b1, ST_IRT_I32, 2);
  StIrRef s = st_ir_phi(&F, b1, ST_IRT_I32, 2);
  StIrRef le = EI(ST_IR_CMP_I32, ST_IRT_BOOL, i, n, ST_IRC_LE);
  E(ST_IR_BRANCH, ST_IRT_VOID, le, 0, 0);
  cur = b2;
  StIrRef refs[2] = {pn, s};
  StIrRef s2 = E(ST_IR_ADD_I32_OV, ST_IRT_I32, s, i, 0);
  with_snap(s2, snap(2, refs));
  StIrRef i2 = E(ST_IR_ADD_I32, ST_IRT_I32, i, one, 0);
  E(ST_IR_JUMP, ST_IRT_VOID, 0, 0, 0);
  cur = b3;
  ret(E(ST_IR_BOX_I32, ST_IRT_VALUE, s, 0, 0));
  StIrRef iin[2] = {one, i2}, sin_[2] = {zero, s2};
  st_ir_set_args(&F, i, 2, iin);
  st_ir_set_args(&F, s, 2, sin_);
  return compile_opt(opt);
}

static void test_loop_phis(void) {
  for (int opt = 0; opt <= 2; opt++) {
    Entry e = build_sum_loop(opt);
    if (!e) {
      ST_EXPECT(0);
      continue;
    }
    int32_t ns[] = {0, 1, 10, 100, 65535};
    for (size_t k = 0; k < ST_ARRAY_LEN(ns); k++) {
      frame.regs[0] = vint(ns[k]);
      int64_t want = (int64_t)ns[k] * (ns[k] + 1) / 2;
      ST_EXPECT_EQ_INT(run(e), vint((int32_t)want));
    }
    frame.regs[0] = vint(100000); /* the sum passes INT32_MAX near i = 65536 */
    ST_EXPECT_EQ_INT(run(e), MARKER);
    ST_EXPECT_EQ_INT(dlog.slots[0], vint(100000));
    ST_EXPECT_EQ_INT(dlog.slots[1], vint((int32_t)(65535ll * 65536 / 2)));
  }
}

static int32_t ref_toint32(double d) {
  if (!isfinite(d)) return 0;
  double t = trunc(d);
  double m = fmod(t, 4294967296.0);
  if (m < 0) m += 4294967296.0;
  uint32_t u = (uint32_t)m;
  return (int32_t)u;
}

static void test_f64(void) {
  for (int opt = 0; opt <= 2; opt += 2) {
    /* (a * b + a / b - b) with a, b unboxed from int32 or double values. */
    fn_begin();
    StIrRef a = E(ST_IR_UNBOX_F64, ST_IRT_F64, param(0), 0, 0);
    StIrRef b = E(ST_IR_UNBOX_F64, ST_IRT_F64, param(1), 0, 0);
    StIrRef r = E(ST_IR_SUB_F64, ST_IRT_F64,
                  E(ST_IR_ADD_F64, ST_IRT_F64, E(ST_IR_MUL_F64, ST_IRT_F64, a, b, 0),
                    E(ST_IR_DIV_F64, ST_IRT_F64, a, b, 0), 0),
                  b, 0);
    ret(E(ST_IR_BOX_F64, ST_IRT_VALUE, r, 0, 0));
    Entry e = compile_opt(opt);
    if (!e) {
      ST_EXPECT(0);
      continue;
    }
    frame.regs[0] = vint(6), frame.regs[1] = vdbl(1.5);
    ST_EXPECT_EQ_INT(run(e), vdbl(6 * 1.5 + 6 / 1.5 - 1.5));
    frame.regs[0] = vint(0), frame.regs[1] = vint(0); /* 0/0: NaN, boxed canonically */
    ST_EXPECT_EQ_INT(run(e), 0x7FF8000000000000ull);

    /* Each unary/binary F64 op against C, one function per op. */
    double xs[] = {2.5, -2.5, 0.49999999999999994, -0.0, 1e300, NAN, -7.25};
    for (int op = 0; op < 11; op++) {
      fn_begin();
      StIrRef x = E(ST_IR_UNBOX_F64, ST_IRT_F64, param(0), 0, 0);
      StIrRef y = cf64(0.75);
      StIrRef v = 0;
      switch (op) {
      case 0: v = E(ST_IR_MOD_F64, ST_IRT_F64, x, y, 0); break;
      case 1: v = E(ST_IR_POW_F64, ST_IRT_F64, x, y, 0); break;
      case 2: v = E(ST_IR_NEG_F64, ST_IRT_F64, x, 0, 0); break;
      default: v = EI(ST_IR_MATH_F64, ST_IRT_F64, x, 0, op - 3); break; /* 3..8 */
      case 9: v = E(ST_IR_I32_TO_F64, ST_IRT_F64, E(ST_IR_F64_TO_I32, ST_IRT_I32, x, 0, 0), 0, 0); break;
      case 10:
        v = E(ST_IR_U32_TO_F64, ST_IRT_F64, E(ST_IR_F64_TO_I32, ST_IRT_I32, x, 0, 0), 0, 0);
        break;
      }
      ret(E(ST_IR_BOX_F64, ST_IRT_VALUE, v, 0, 0));
      Entry g = compile_opt(opt);
      if (!g) {
        ST_EXPECT(0);
        continue;
      }
      for (size_t k = 0; k < ST_ARRAY_LEN(xs); k++) {
        double x0 = xs[k], want;
        switch (op) {
        case 0: want = fmod(x0, 0.75); break;
        case 1: want = pow(x0, 0.75); break;
        case 2: want = -x0; break;
        case 3: want = sqrt(x0); break;
        case 4: want = floor(x0); break;
        case 5: want = ceil(x0); break;
        case 6: want = fabs(x0); break;
        case 7: want = trunc(x0); break;
        case 8: want = floor(x0 + 0.5); break; /* t_math1's ROUND */
        case 9: want = ref_toint32(x0); break;
        default: want = (uint32_t)ref_toint32(x0); break;
        }
        frame.regs[0] = vdbl(x0);
        StValue got = run(g);
        StValue w = isnan(want) ? 0x7FF8000000000000ull : vdbl(want);
        if (got != w) printf("  f64 op %d x=%g: got %#llx want %#llx\n", op, x0, (unsigned long long)got, (unsigned long long)w);
        ST_EXPECT_EQ_INT(got, w);
      }
    }

    /* ToInt32 edge cases. */
    fn_begin();
    ret(E(ST_IR_BOX_I32, ST_IRT_VALUE, E(ST_IR_F64_TO_I32, ST_IRT_I32, E(ST_IR_UNBOX_F64, ST_IRT_F64, param(0), 0, 0), 0, 0), 0, 0));
    Entry g = compile_opt(opt);
    double ds[] = {0, -0.0, 1.9, -1.9, 2147483647.0, 2147483648.0, -2147483648.0, -2147483649.0,
                   4294967295.0, 4294967301.0, 1e20, -1e20, 9223372036854775807.0,
                   18446744073709551616.0 + 4096.0 * 1048576.0, 4503599627370497.0 * 2048.0,
                   1.7976931348623157e308, INFINITY, -INFINITY, NAN, 6442450943.0, -6442450943.5};
    for (size_t k = 0; g && k < ST_ARRAY_LEN(ds); k++) {
      frame.regs[0] = vdbl(ds[k]);
      ST_EXPECT_EQ_INT(run(g), vint(ref_toint32(ds[k])));
    }

    /* CMP_F64: ordered except NE. */
    for (int c = ST_IRC_EQ; c <= ST_IRC_GE; c++) {
      fn_begin();
      StIrRef x = E(ST_IR_UNBOX_F64, ST_IRT_F64, param(0), 0, 0);
      StIrRef y = E(ST_IR_UNBOX_F64, ST_IRT_F64, param(1), 0, 0);
      ret(E(ST_IR_BOX_BOOL, ST_IRT_VALUE, EI(ST_IR_CMP_F64, ST_IRT_BOOL, x, y, c), 0, 0));
      Entry h = compile_opt(opt);
      double pairs[][2] = {{1, 2}, {2, 1}, {2, 2}, {NAN, 1}, {NAN, NAN}};
      for (size_t k = 0; h && k < ST_ARRAY_LEN(pairs); k++) {
        double p = pairs[k][0], q = pairs[k][1];
        bool want = c == ST_IRC_EQ ? p == q : c == ST_IRC_NE ? p != q : c == ST_IRC_LT ? p < q
                  : c == ST_IRC_LE ? p <= q : c == ST_IRC_GT ? p > q : p >= q;
        frame.regs[0] = vdbl(p), frame.regs[1] = vdbl(q);
        ST_EXPECT_EQ_INT(run(h), want ? ST_TRUE : ST_FALSE);
      }
    }
  }
}

typedef struct Mem {
  StValue v;
  int32_t i;
  int32_t pad;
  double d;
  void *p;
  StValue arr[8];
} Mem;

static void test_memory(void) {
  for (int opt = 0; opt <= 2; opt += 2) {
    static Mem m;
    memset(&m, 0, sizeof m);
    m.v = vint(7), m.i = -3, m.d = 2.25, m.p = &m;
    for (int k = 0; k < 8; k++) m.arr[k] = vint(100 + k);
    fn_begin();
    StIrRef base = st_ir_const_ptr(&F, cur, &m);
    /* v' = arr[idx] ; store i*2 into i, d+1 into d, v into arr[idx+1], the pointer loaded through p. */
    StIrRef idx = E(ST_IR_UNBOX_I32, ST_IRT_I32, param(0), 0, 0);
    StIrRef ld = EI(ST_IR_LOADX, ST_IRT_VALUE, base, idx, offsetof(Mem, arr));
    StIrRef li = EI(ST_IR_LOAD, ST_IRT_I32, base, 0, offsetof(Mem, i));
    EI(ST_IR_STORE, ST_IRT_VOID, base, E(ST_IR_ADD_I32, ST_IRT_I32, li, li, 0), offsetof(Mem, i));
    StIrRef lp = EI(ST_IR_LOAD, ST_IRT_PTR, base, 0, offsetof(Mem, p));
    StIrRef ldd = EI(ST_IR_LOAD, ST_IRT_F64, lp, 0, offsetof(Mem, d));
    EI(ST_IR_STORE, ST_IRT_VOID, lp, E(ST_IR_ADD_F64, ST_IRT_F64, ldd, cf64(1), 0), offsetof(Mem, d));
    StIrRef lv = EI(ST_IR_LOAD, ST_IRT_VALUE, base, 0, offsetof(Mem, v));
    StIrRef st = E(ST_IR_STOREX, ST_IRT_VOID, base, E(ST_IR_ADD_I32, ST_IRT_I32, idx, ci32(1), 0), lv);
    st_ir_insn(&F, st)->imm.i = offsetof(Mem, arr);
    ret(ld);
    Entry e = compile_opt(opt);
    if (!e) {
      ST_EXPECT(0);
      continue;
    }
    frame.regs[0] = vint(3);
    ST_EXPECT_EQ_INT(run(e), vint(103));
    ST_EXPECT_EQ_INT(m.i, -6);
    ST_EXPECT(m.d == 3.25);
    ST_EXPECT_EQ_INT(m.arr[4], vint(7));
    ST_EXPECT_EQ_INT(m.arr[3], vint(103));
  }
}

static void test_calls(void) {
  for (int opt = 0; opt <= 2; opt += 2) {
    /* GET_PROP (V result) with an exception exit; COMPARE (I result, -1 threw). */
    fn_begin();
    StIrRef a = param(0), b = param(1);
    StIrRef vmp = E(ST_IR_VMPTR, ST_IRT_PTR, 0, 0, 0);
    StIrRef refs[2] = {a, b};
    StIrRef c = EI(ST_IR_CALL, ST_IRT_VALUE, 0, 0, ST_HELPER_GET_PROP);
    StIrRef args[3] = {vmp, a, b};
    st_ir_set_args(&F, c, 3, args);
    with_snap(c, snap(2, refs));
    StIrRef op = E(ST_IR_UNBOX_I32, ST_IRT_I32, param(2), 0, 0);
    StIrRef cmp = EI(ST_IR_CALL, ST_IRT_BOOL, 0, 0, ST_HELPER_COMPARE);
    StIrRef args2[4] = {vmp, op, a, c};
    st_ir_set_args(&F, cmp, 4, args2);
    StIrRef refs2[1] = {c};
    with_snap(cmp, snap(1, refs2));
    /* A pure call: MATH1(5, 2.5) = 3. */
    StIrRef args3[2] = {ci32(5), cf64(2.5)};
    StIrRef m = EI(ST_IR_CALL_PURE, ST_IRT_F64, 0, 0, ST_HELPER_MATH1);
    st_ir_set_args(&F, m, 2, args3);
    StIrRef sum = E(ST_IR_ADD_F64, ST_IRT_F64, m, E(ST_IR_UNBOX_F64, ST_IRT_F64, c, 0, 0), 0);
    StIrRef res = E(ST_IR_BOX_F64, ST_IRT_VALUE, sum, 0, 0);
    /* Return res when cmp holds, else the call result c. */
    uint32_t b0 = cur, bt = st_ir_new_block(&F), bf = st_ir_new_block(&F);
    st_ir_add_edge(&F, b0, bt);
    st_ir_add_edge(&F, b0, bf);
    E(ST_IR_BRANCH, ST_IRT_VOID, cmp, 0, 0);
    cur = bt;
    ret(res);
    cur = bf;
    ret(c);
    Entry e = compile_opt(opt);
    if (!e) {
      ST_EXPECT(0);
      continue;
    }
    frame.regs[0] = vint(1), frame.regs[1] = vint(2), frame.regs[2] = vint(0);
    ST_EXPECT_EQ_INT(run(e), vdbl(3.0 + 3.0)); /* c = 3; 1 < 3 */
    frame.regs[0] = vint(5), frame.regs[1] = vint(-4);
    ST_EXPECT_EQ_INT(run(e), vint(1)); /* c = 1; 5 < 1 false */
    frame.regs[1] = vint(13);           /* GET_PROP throws */
    ST_EXPECT_EQ_INT(run(e), MARKER);
    ST_EXPECT_EQ_INT(dlog.exit, 0);
    ST_EXPECT_EQ_INT(dlog.slots[0], vint(5));
    ST_EXPECT_EQ_INT(dlog.slots[1], vint(13));
    frame.regs[1] = vint(2), frame.regs[2] = vint(99); /* COMPARE throws */
    ST_EXPECT_EQ_INT(run(e), MARKER);
    ST_EXPECT_EQ_INT(dlog.exit, 1);
    ST_EXPECT_EQ_INT(dlog.slots[0], vint(7));

    /* TRUTHY: inline for numbers, booleans, undefined/null; the helper for cells. */
    fn_begin();
    ret(E(ST_IR_BOX_BOOL, ST_IRT_VALUE, E(ST_IR_TRUTHY, ST_IRT_BOOL, param(0), 0, 0), 0, 0));
    Entry t = compile_opt(opt);
    struct { StValue v; bool want; } tc[] = {
        {vint(0), false}, {vint(-1), true}, {vdbl(0.0), false}, {vdbl(-0.0), false},
        {0x7FF8000000000000ull, false}, {vdbl(0.5), true}, {ST_TRUE, true}, {ST_FALSE, false},
        {ST_UNDEFINED, false}, {ST_NULL, false}, {ST_TAG_BITS(ST_TAG_STRING) | 0x1234, false},
        {ST_TAG_BITS(ST_TAG_STRING) | 0x5678, true}, {ST_TAG_BITS(ST_TAG_OBJECT) | 0x9990, true},
    };
    for (size_t k = 0; t && k < ST_ARRAY_LEN(tc); k++) {
      frame.regs[0] = tc[k].v;
      ST_EXPECT_EQ_INT(run(t), tc[k].want ? ST_TRUE : ST_FALSE);
    }
  }
}

/* One function per guard kind: the guard on r0 (and r1), returning int 1, or the marker. */
enum { G_INT32, G_NUMBER, G_TAG, G_TRUE, G_FALSE, G_EQ_PTR, G_EQ_VALUE, G_SHAPE, G_BOUNDS,
       G_NOT_HOLE, G_FLAGS, G_EPOCH, G_MUL_NEGZERO, G_MUL_OV, G_NEG, G_DIV, G_MOD, G_MOD_MIN,
       G_COUNT };

static Entry build_guard(int kind, int opt, void *shape) {
  fn_begin();
  StIrRef v = param(0), w = param(1);
  uint32_t s = snap(1, &v);
  StIrRef g = 0;
  StIrRef x = E(ST_IR_UNBOX_I32, ST_IRT_I32, v, 0, 0), y = E(ST_IR_UNBOX_I32, ST_IRT_I32, w, 0, 0);
  StIrRef obj = E(ST_IR_VALUE_TO_PTR, ST_IRT_PTR, v, 0, 0);
  StIrRef result = 0;
  switch (kind) {
  case G_INT32: g = E(ST_IR_GUARD_INT32, ST_IRT_VOID, v, 0, 0); break;
  case G_NUMBER: g = E(ST_IR_GUARD_NUMBER, ST_IRT_VOID, v, 0, 0); break;
  case G_TAG: g = EI(ST_IR_GUARD_TAG, ST_IRT_VOID, v, 0, ST_TAG_STRING); break;
  case G_TRUE: g = E(ST_IR_GUARD_TRUE, ST_IRT_VOID, E(ST_IR_IS_INT32, ST_IRT_BOOL, v, 0, 0), 0, 0); break;
  case G_FALSE: g = E(ST_IR_GUARD_FALSE, ST_IRT_VOID, E(ST_IR_IS_NUMBER, ST_IRT_BOOL, v, 0, 0), 0, 0); break;
  case G_EQ_PTR: g = E(ST_IR_GUARD_EQ_PTR, ST_IRT_VOID, obj, E(ST_IR_VALUE_TO_PTR, ST_IRT_PTR, w, 0, 0), 0); break;
  case G_EQ_VALUE: g = E(ST_IR_GUARD_EQ_VALUE, ST_IRT_VOID, v, 0, 0), st_ir_insn(&F, g)->imm.v = vint(77); break;
  case G_SHAPE: g = E(ST_IR_GUARD_SHAPE, ST_IRT_VOID, obj, 0, 0), st_ir_insn(&F, g)->imm.p = shape; break;
  case G_BOUNDS: g = E(ST_IR_GUARD_BOUNDS, ST_IRT_VOID, x, y, 0); break;
  case G_NOT_HOLE: g = E(ST_IR_GUARD_NOT_HOLE, ST_IRT_VOID, v, 0, 0); break;
  case G_FLAGS:
    g = E(ST_IR_GUARD_FLAGS, ST_IRT_VOID, obj, 0, 0);
    st_ir_insn(&F, g)->imm.u[0] = 0x00F0, st_ir_insn(&F, g)->imm.u[1] = 0x0030;
    break;
  case G_EPOCH: g = EI(ST_IR_GUARD_EPOCH, ST_IRT_VOID, 0, 0, 5); break;
  case G_MUL_NEGZERO:
  case G_MUL_OV: g = result = E(ST_IR_MUL_I32_OV, ST_IRT_I32, x, y, 0); break;
  case G_NEG: g = result = E(ST_IR_NEG_I32_OV, ST_IRT_I32, x, 0, 0); break;
  case G_DIV: g = result = E(ST_IR_DIV_I32_EXACT, ST_IRT_I32, x, y, 0); break;
  case G_MOD:
  case G_MOD_MIN: g = result = E(ST_IR_MOD_I32, ST_IRT_I32, x, y, 0); break;
  }
  with_snap(g, s);
  ret(E(ST_IR_BOX_I32, ST_IRT_VALUE, result ? result : ci32(1), 0, 0));
  return compile_opt(opt);
}

static void test_guards(void) {
  static int shape_a, shape_b;
  static FakeObject o1, o2;
  o1.shape = &shape_a, o1.hdr.flags = 0x1234; /* (0x1234 & 0xF0) == 0x30 */
  o2.shape = &shape_b, o2.hdr.flags = 0x1244;
  StValue ov1 = ST_TAG_BITS(ST_TAG_OBJECT) | (uintptr_t)&o1, ov2 = ST_TAG_BITS(ST_TAG_OBJECT) | (uintptr_t)&o2;
  /* {kind, passing r0, r1, result, failing r0, r1} */
  struct { int kind; StValue p0, p1, pres, f0, f1; } gc[] = {
      {G_INT32, vint(3), 0, vint(1), vdbl(3), 0},
      {G_NUMBER, vdbl(3), 0, vint(1), ST_UNDEFINED, 0},
      {G_TAG, ST_TAG_BITS(ST_TAG_STRING) | 8, 0, vint(1), ST_TAG_BITS(ST_TAG_OBJECT) | 8, 0},
      {G_TRUE, vint(3), 0, vint(1), vdbl(3), 0},
      {G_FALSE, ST_NULL, 0, vint(1), vint(3), 0},
      {G_EQ_PTR, ov1, ov1, vint(1), ov1, ov2},
      {G_EQ_VALUE, vint(77), 0, vint(1), vint(78), 0},
      {G_SHAPE, ov1, 0, vint(1), ov2, 0},
      {G_BOUNDS, vint(2), vint(3), vint(1), vint(-1), vint(3)},
      {G_NOT_HOLE, ST_UNDEFINED, 0, vint(1), ST_HOLE, 0},
      {G_FLAGS, ov1, 0, vint(1), ov2, 0},
      {G_EPOCH, 0, 0, vint(1), 0, 0},
      {G_MUL_NEGZERO, vint(-3), vint(5), vint(-15), vint(-3), vint(0)},
      {G_MUL_OV, vint(0), vint(5), vint(0), vint(65536), vint(65536)},
      {G_NEG, vint(5), 0, vint(-5), vint(0), 0},
      {G_DIV, vint(-12), vint(4), vint(-3), vint(7), vint(2)},
      {G_MOD, vint(7), vint(-3), vint(1), vint(-6), vint(3)},
      {G_MOD_MIN, vint(INT32_MIN), vint(3), vint(-2), vint(INT32_MIN), vint(-1)},
  };
  ST_STATIC_ASSERT(ST_ARRAY_LEN(gc) == G_COUNT, "one case per guard kind");
  /* More failing inputs: NEG of INT32_MIN, DIV by 0, DIV of INT32_MIN by -1, 0 / -5, MOD by 0. */
  struct { int kind; StValue f0, f1; } more[] = {
      {G_NEG, vint(INT32_MIN), 0}, {G_DIV, vint(1), vint(0)}, {G_DIV, vint(INT32_MIN), vint(-1)},
      {G_DIV, vint(0), vint(-5)}, {G_MOD, vint(1), vint(0)}, {G_MUL_NEGZERO, vint(0), vint(-1)},
  };
  for (int opt = 0; opt <= 2; opt += 2) {
    for (size_t k = 0; k < ST_ARRAY_LEN(gc); k++) {
      Entry e = build_guard(gc[k].kind, opt, &shape_a);
      if (!e) {
        ST_EXPECT(0);
        continue;
      }
      vm.proto_epoch = 5;
      frame.regs[0] = gc[k].p0, frame.regs[1] = gc[k].p1;
      StValue got = run(e);
      if (got != gc[k].pres) printf("  guard kind %d: pass case gave %#llx\n", gc[k].kind, (unsigned long long)got);
      ST_EXPECT_EQ_INT(got, gc[k].pres);
      ST_EXPECT_EQ_INT(dlog.calls, 0);
      vm.proto_epoch = 6;
      frame.regs[0] = gc[k].f0, frame.regs[1] = gc[k].f1;
      got = run(e);
      if (got != MARKER) printf("  guard kind %d: fail case gave %#llx\n", gc[k].kind, (unsigned long long)got);
      ST_EXPECT_EQ_INT(got, MARKER);
      ST_EXPECT_EQ_INT(dlog.slots[0], gc[k].f0);
      for (size_t j = 0; j < ST_ARRAY_LEN(more); j++) {
        if (more[j].kind != gc[k].kind) continue;
        frame.regs[0] = more[j].f0, frame.regs[1] = more[j].f1;
        ST_EXPECT_EQ_INT(run(e), MARKER);
      }
    }
    /* DEOPT: an unconditional exit. */
    fn_begin();
    StIrRef v = param(0);
    StIrRef d = E(ST_IR_DEOPT, ST_IRT_VOID, 0, 0, 0);
    with_snap(d, snap(1, &v));
    Entry e = compile_opt(opt);
    frame.regs[0] = vint(9);
    ST_EXPECT(e && run(e) == MARKER && dlog.slots[0] == vint(9));
  }
}

/* Shifts and bit ops, with counts >= 32 (JS masks them). */
static void test_int_ops(void) {
  for (int opt = 0; opt <= 2; opt += 2) {
    static const StIrOp ops[] = {ST_IR_SHL_I32, ST_IR_SAR_I32, ST_IR_SHR_I32, ST_IR_AND_I32,
                                 ST_IR_OR_I32, ST_IR_XOR_I32, ST_IR_ADD_I32, ST_IR_SUB_I32};
    for (size_t k = 0; k < ST_ARRAY_LEN(ops); k++) {
      fn_begin();
      StIrRef x = E(ST_IR_UNBOX_I32, ST_IRT_I32, param(0), 0, 0), y = E(ST_IR_UNBOX_I32, ST_IRT_I32, param(1), 0, 0);
      ret(E(ST_IR_BOX_I32, ST_IRT_VALUE, E(ops[k], ST_IRT_I32, x, y, 0), 0, 0));
      Entry e = compile_opt(opt);
      int32_t xs[][2] = {{-8, 1}, {-8, 33}, {0x40000000, 31}, {123456, -1}, {INT32_MAX, 1}};
      for (size_t j = 0; e && j < ST_ARRAY_LEN(xs); j++) {
        int32_t a = xs[j][0], b = xs[j][1];
        uint32_t sh = (uint32_t)b & 31, ua = (uint32_t)a;
        int32_t want = 0;
        switch (ops[k]) {
        case ST_IR_SHL_I32: want = (int32_t)(ua << sh); break;
        case ST_IR_SAR_I32: want = a >> sh; break;
        case ST_IR_SHR_I32: want = (int32_t)(ua >> sh); break;
        case ST_IR_AND_I32: want = a & b; break;
        case ST_IR_OR_I32: want = a | b; break;
        case ST_IR_XOR_I32: want = a ^ b; break;
        case ST_IR_ADD_I32: want = (int32_t)(ua + (uint32_t)b); break;
        default: want = (int32_t)(ua - (uint32_t)b); break;
        }
        frame.regs[0] = vint(a), frame.regs[1] = vint(b);
        ST_EXPECT_EQ_INT(run(e), vint(want));
      }
    }
    /* PTR_TO_VALUE / VALUE_TO_PTR round trip, EQ_VALUE, NOT_BOOL, IS_TAG. */
    fn_begin();
    StIrRef p = E(ST_IR_VALUE_TO_PTR, ST_IRT_PTR, param(0), 0, 0);
    StIrRef back = EI(ST_IR_PTR_TO_VALUE, ST_IRT_VALUE, p, 0, ST_TAG_OBJECT);
    StIrRef same = E(ST_IR_EQ_VALUE, ST_IRT_BOOL, back, param(0), 0);
    StIrRef isobj = EI(ST_IR_IS_TAG, ST_IRT_BOOL, param(0), 0, ST_TAG_OBJECT);
    StIrRef both = E(ST_IR_NOT_BOOL, ST_IRT_BOOL, E(ST_IR_EQ_PTR, ST_IRT_BOOL, p, st_ir_const_ptr(&F, cur, NULL), 0), 0, 0);
    /* A dead instruction the lowering must skip (lowered, it would be an error: a helper
     * called with no arguments). */
    StIrRef dead = EI(ST_IR_CALL_PURE, ST_IRT_VALUE, 0, 0, ST_HELPER_DEOPT);
    F.insns.data[dead].flags |= ST_IRI_DEAD;
    /* 4*same + 2*isobj + both */
    StIrRef r = E(ST_IR_ADD_I32, ST_IRT_I32,
                  E(ST_IR_SHL_I32, ST_IRT_I32, E(ST_IR_UNBOX_I32, ST_IRT_I32, E(ST_IR_BOX_BOOL, ST_IRT_VALUE, same, 0, 0), 0, 0), ci32(2), 0),
                  E(ST_IR_ADD_I32, ST_IRT_I32,
                    E(ST_IR_SHL_I32, ST_IRT_I32, E(ST_IR_UNBOX_I32, ST_IRT_I32, E(ST_IR_BOX_BOOL, ST_IRT_VALUE, isobj, 0, 0), 0, 0), ci32(1), 0),
                    E(ST_IR_UNBOX_I32, ST_IRT_I32, E(ST_IR_BOX_BOOL, ST_IRT_VALUE, both, 0, 0), 0, 0), 0),
                  0);
    ret(E(ST_IR_BOX_I32, ST_IRT_VALUE, r, 0, 0));
    Entry e = compile_opt(opt);
    frame.regs[0] = ST_TAG_BITS(ST_TAG_OBJECT) | 0x7f0000001000ull;
    ST_EXPECT(e && run(e) == vint(7));
    frame.regs[0] = ST_TAG_BITS(ST_TAG_STRING) | 0x1000ull;
    ST_EXPECT(e && run(e) == vint(1));
  }
}

/* A loop storing one value into arr[0..n): at O2 LLVM turns it into a call to memset, a
 * symbol the JIT must resolve from the process. */
static void test_memset_idiom(void) {
  static StValue arr[64];
  for (int opt = 0; opt <= 2; opt += 2) {
    fn_begin();
    uint32_t b0 = cur, b1 = st_ir_new_block(&F), b2 = st_ir_new_block(&F), b3 = st_ir_new_block(&F);
    st_ir_add_edge(&F, b0, b1);
    st_ir_add_edge(&F, b1, b2);
    st_ir_add_edge(&F, b1, b3);
    st_ir_add_edge(&F, b2, b1);
    StIrRef n = E(ST_IR_UNBOX_I32, ST_IRT_I32, param(0), 0, 0);
    StIrRef base = st_ir_const_ptr(&F, cur, arr);
    StIrRef zero = ci32(0), one = ci32(1);
    StIrRef val = st_ir_const_value(&F, cur, 0);
    E(ST_IR_JUMP, ST_IRT_VOID, 0, 0, 0);
    cur = b1;
    StIrRef i = st_ir_phi(&F, b1, ST_IRT_I32, 2);
    E(ST_IR_BRANCH, ST_IRT_VOID, EI(ST_IR_CMP_I32, ST_IRT_BOOL, i, n, ST_IRC_LT), 0, 0);
    cur = b2;
    E(ST_IR_STOREX, ST_IRT_VOID, base, i, val);
    StIrRef i2 = E(ST_IR_ADD_I32, ST_IRT_I32, i, one, 0);
    E(ST_IR_JUMP, ST_IRT_VOID, 0, 0, 0);
    cur = b3;
    ret(st_ir_const_value(&F, cur, ST_TRUE));
    StIrRef in[2] = {zero, i2};
    st_ir_set_args(&F, i, 2, in);
    Entry e = compile_opt(opt);
    if (!e) {
      ST_EXPECT(0);
      continue;
    }
    for (int k = 0; k < 64; k++) arr[k] = vint(k);
    frame.regs[0] = vint(40);
    ST_EXPECT_EQ_INT(run(e), ST_TRUE);
    ST_EXPECT_EQ_INT(arr[39], 0);
    ST_EXPECT_EQ_INT(arr[40], vint(40));
  }
}

/* Malformed IR is a compile error, never an abort. */
static void test_errors(void) {
  fn_begin();
  StIrRef v = param(0);
  E(ST_IR_GUARD_INT32, ST_IRT_VOID, v, 0, 0); /* no snapshot */
  ret(v);
  StBackendOptions o = {.opt_level = 2};
  StBackendResult res;
  ST_EXPECT(!be->compile(state, &F, "bad", &o, &res));
  ST_EXPECT(strstr(res.error, "snapshot") != NULL);
  st_ir_free(&F);
  fn_begin();
  E(ST_IR_UNBOX_I32, ST_IRT_I32, param(0), 0, 0); /* no terminator */
  ST_EXPECT(!be->compile(state, &F, "bad", &o, &res));
  st_ir_free(&F);
  fn_begin();
  ret(param(0));
  o.pipeline = "no-such-pass";
  ST_EXPECT(!be->compile(state, &F, "bad", &o, &res));
  ST_EXPECT(strstr(res.error, "no-such-pass") != NULL);
  st_ir_free(&F);
}

static long rss_kb(void) {
  FILE *fp = fopen("/proc/self/statm", "r");
  long pages = 0, res = 0;
  if (fp) {
    if (fscanf(fp, "%ld %ld", &pages, &res) != 2) res = 0;
    fclose(fp);
  }
  return res * 4;
}

static void test_release(void) {
  int n = quick ? 60 : 1000;
  long rss_mid = 0;
  for (int k = 0; k < n; k++) {
    Entry e = build_sum_loop(k % 2 ? 0 : 2);
    void *h = handles[--nhandles];
    if (!e) {
      ST_EXPECT(0);
      break;
    }
    frame.regs[0] = vint(k % 100);
    ST_EXPECT_EQ_INT(run(e), vint((k % 100) * (k % 100 + 1) / 2));
    be->release(state, h);
    if (k == n / 5) rss_mid = rss_kb();
  }
  long rss_end = rss_kb();
  printf("  release: RSS after %d compiles %ld KB, after %d %ld KB\n", n / 5, rss_mid, n, rss_end);
  /* Code that is released must not accumulate: allow a few MB of allocator noise. */
  ST_EXPECT(rss_end - rss_mid < 6 * 1024);
}

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* ~200 instructions: a chain of unbox/add-with-overflow/compare/box over 8 parameters. */
static void build_big(void) {
  fn_begin();
  StIrRef acc = E(ST_IR_UNBOX_I32, ST_IRT_I32, param(0), 0, 0);
  for (int k = 0; k < 40; k++) {
    StIrRef p = param(k % 8);
    StIrRef x = E(ST_IR_UNBOX_I32, ST_IRT_I32, p, 0, 0);
    StIrRef refs[2] = {p, acc};
    StIrRef s = E(ST_IR_ADD_I32_OV, ST_IRT_I32, acc, x, 0);
    with_snap(s, snap(2, refs));
    acc = E(ST_IR_XOR_I32, ST_IRT_I32, s, ci32(k), 0);
  }
  ret(E(ST_IR_BOX_I32, ST_IRT_VALUE, acc, 0, 0));
}

static void test_compile_time(void) {
  int reps = quick ? 3 : 20;
  for (int big = 0; big <= 1; big++) {
    for (int opt = 0; opt <= 2; opt += 2) {
      uint64_t t[32];
      size_t ninsns = 0, size = 0;
      for (int r = 0; r < reps; r++) {
        if (big) build_big();
        else {
          fn_begin();
          StIrRef x = E(ST_IR_UNBOX_I32, ST_IRT_I32, param(0), 0, 0), y = E(ST_IR_UNBOX_I32, ST_IRT_I32, param(1), 0, 0);
          StIrRef refs[2] = {param(0), param(1)};
          StIrRef s = E(ST_IR_ADD_I32_OV, ST_IRT_I32, x, y, 0);
          with_snap(s, snap(2, refs));
          ret(E(ST_IR_BOX_I32, ST_IRT_VALUE, s, 0, 0));
        }
        ninsns = F.insns.len - 1;
        StBackendOptions o = {.opt_level = opt, .fast_isel = opt == 0};
        StBackendResult res;
        uint64_t t0 = now_ns();
        bool ok = be->compile(state, &F, "timed", &o, &res);
        t[r] = now_ns() - t0;
        st_ir_free(&F);
        ST_EXPECT(ok);
        if (!ok) return;
        size = res.code_size;
        frame.regs[0] = vint(1), frame.regs[1] = vint(2);
        if (!big) ST_EXPECT_EQ_INT(((Entry)res.entry)(&vm, &frame), vint(3));
        be->release(state, res.handle);
      }
      qsort(t, (size_t)reps, sizeof t[0], cmp_u64);
      printf("  compile time %s (%zu IR insns) at O%d: median %.3f ms (min %.3f), %zu bytes\n",
             big ? "big" : "small", ninsns, opt, t[reps / 2] / 1e6, t[0] / 1e6, size);
    }
  }
}

/* compile() on a second thread while this one calls release() (the tiers' compiler thread and
 * main thread): the handles pass through a small mailbox. Functions are built on the compiling
 * thread (F is that thread's only while it runs). */
static struct {
  pthread_mutex_t mu;
  void *box[64];
  Entry entries[64];
  int n, produced;
  bool failed;
} mail = {.mu = PTHREAD_MUTEX_INITIALIZER};

static void *compiler_thread(void *arg) {
  int n = *(int *)arg;
  for (int k = 0; k < n; k++) {
    Entry e = build_sum_loop(2);
    pthread_mutex_lock(&mail.mu);
    if (!e) mail.failed = true;
    else {
      mail.entries[mail.n] = e;
      mail.box[mail.n++] = handles[--nhandles];
    }
    mail.produced++;
    pthread_mutex_unlock(&mail.mu);
  }
  return NULL;
}

static void test_concurrent_release(void) {
  int n = quick ? 6 : 40, released = 0;
  pthread_t th;
  pthread_create(&th, NULL, compiler_thread, &n);
  for (;;) {
    pthread_mutex_lock(&mail.mu);
    int produced = mail.produced;
    void *h = mail.n ? mail.box[--mail.n] : NULL;
    Entry e = h ? mail.entries[mail.n] : NULL;
    pthread_mutex_unlock(&mail.mu);
    if (h) {
      FakeFrame fr = {0};
      fr.regs[0] = vint(20);
      ST_EXPECT_EQ_INT(e(&vm, &fr), vint(210));
      be->release(state, h);
      released++;
    } else if (produced == n) {
      break;
    }
  }
  pthread_join(th, NULL);
  ST_EXPECT(!mail.failed);
  ST_EXPECT_EQ_INT(released, n);
}

static void test_print_options(void) {
  /* print_backend_ir and print_code write to stderr; here they must simply not break the
   * compile (their text is checked by eye: run with 2>&1). */
  fn_begin();
  ret(E(ST_IR_BOX_I32, ST_IRT_VALUE, ci32(5), 0, 0));
  StBackendOptions o = {.opt_level = 2, .print_backend_ir = true, .print_code = true};
  StBackendResult res;
  FILE *saved = stderr;
  stderr = fopen("/dev/null", "w");
  bool ok = be->compile(state, &F, "printed", &o, &res);
  fclose(stderr);
  stderr = saved;
  st_ir_free(&F);
  ST_EXPECT(ok);
  if (ok) {
    ST_EXPECT_EQ_INT(((Entry)res.entry)(&vm, &frame), vint(5));
    be->release(state, res.handle);
  }
}

int main(void) {
  quick = getenv("ST_LLVM_TEST_QUICK") != NULL;
  host.trace = getenv("ST_LLVM_TEST_TRACE") != NULL; /* per-stage compile times on stderr */
  helpers[ST_HELPER_DEOPT] = (void *)t_deopt;
  helpers[ST_HELPER_TRUTHY] = (void *)t_truthy;
  helpers[ST_HELPER_FMOD] = (void *)t_fmod;
  helpers[ST_HELPER_POW] = (void *)t_pow;
  helpers[ST_HELPER_MATH1] = (void *)t_math1;
  helpers[ST_HELPER_GET_PROP] = (void *)t_get_prop;
  helpers[ST_HELPER_COMPARE] = (void *)t_compare;
  void *dl = dlopen(ST_LLVM_PLUGIN_PATH, RTLD_NOW | RTLD_LOCAL);
  if (!dl) {
    printf("cannot load %s: %s\n0 passed, 1 failed\n", ST_LLVM_PLUGIN_PATH, dlerror());
    return 1;
  }
  StBackendPluginFn entry = (StBackendPluginFn)dlsym(dl, ST_BACKEND_PLUGIN_SYMBOL);
  be = entry ? entry() : NULL;
  char err[256] = "";
  state = be ? be->init(&host, err, sizeof err) : NULL;
  if (!state) {
    printf("plugin init failed: %s\n0 passed, 1 failed\n", err);
    return 1;
  }
  printf("backend %s, %s\n", be->name, be->version(state));
  ST_RUN(test_constants);
  ST_RUN(test_add_overflow);
  ST_RUN(test_loop_phis);
  ST_RUN(test_f64);
  ST_RUN(test_memory);
  ST_RUN(test_calls);
  ST_RUN(test_guards);
  ST_RUN(test_int_ops);
  ST_RUN(test_memset_idiom);
  ST_RUN(test_errors);
  ST_RUN(test_print_options);
  ST_RUN(test_release);
  ST_RUN(test_concurrent_release);
  ST_RUN(test_compile_time);
  for (int k = 0; k < nhandles; k++) be->release(state, handles[k]);
  be->shutdown(state);
  return st_check_report();
}

/* tests/fuzz/fuzz_jit.c: libFuzzer target for the IR builder, the passes and one backend (the
 * LLVM tier, through its plugin) on small generated functions, checked against the interpreter.
 *
 *   input bytes --gen--> JS source: K, mk, g, f, show, run + a driver
 *      |--> VM 1 (--tiers=interp):              run, output captured   (the oracle)
 *      '--> VM 2 (--tiers=interp,llvm@100000):  run, output captured   (warm-up in the
 *           interpreter, then %OptimizeFunctionOnNextCall(f) and g, then compiled runs with the
 *           warm-up arguments, with arguments of other types (deopts), and the first again)
 *   outputs differ --> abort() (a finding), after printing both outputs and the source
 *
 * The input is a choice sequence, not source text: every byte picks one alternative of the
 * generator (byte % n), and an exhausted input picks 0, which always means the simplest
 * alternative (a leaf, the end of a block). So every input gives a valid program, the fuzzer's
 * mutations stay meaningful, and what coverage feedback steers is the IR builder and passes
 * (both instrumented; the plugin and libLLVM are not).
 *
 * Invariants of the generated programs (the comparison is only meaningful because of them):
 *  - they end: no recursion (f calls g, mk and K; g calls K; nothing calls f but run), loops
 *    have literal bounds <= 12 and nest at most two deep, so no step budget is needed;
 *  - they are deterministic: no Math.random, Date, timers or host objects;
 *  - their memory is bounded: every value stored into a variable, property or element that a
 *    `+` may have made a string goes through K, which cuts strings longer than 40 characters, so
 *    strings cannot double their way to the heap limit. Both VMs get a 32 MB heap anyway; a run
 *    that reports "Out of memory" on either side is not compared (the limit is reached at points
 *    that legitimately differ: compiled code allocates less).
 * The header byte (the input's first) picks the configuration of VM 2: --deopt-every (off, 1
 * or 7) and the threshold (only the natives compile, or 300 so that every function, the driver
 * included, tiers up and loops OSR). STRATA_FUZZ_JIT_TIER=mid|gccjit replaces llvm (the plugin
 * must sit next to the executable); STRATA_FUZZ_JIT_PRINT=1 prints each input's program to stdout
 * (how a crash file becomes regressions/jit-N.js). At exit it prints totals: inputs, compiles,
 * aborts by reason, deopts, inputs whose f ran compiled.
 */
#include "builtins/builtins.h"
#include "frontend/compiler.h"
#include "objects/ops.h"
#include "objects/string.h"
#include "tests/fuzz/fuzz_vm.h"
#include "tiers/natives.h"
#include "tiers/tier.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- text buffer --- */

typedef struct Buf {
  char *p;
  size_t len, cap;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    b->cap = (b->len + n + 1) * 2;
    b->p = st_xrealloc(b->p, b->cap);
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = 0;
}

static void put(Buf *b, const char *fmt, ...) ST_PRINTF(2, 3);
static void put(Buf *b, const char *fmt, ...) {
  char tmp[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  ST_ASSERT(n >= 0 && (size_t)n < sizeof tmp, "generator line too long");
  buf_add(b, tmp, (size_t)n);
}

/* --- the generator --- */

/* Leaves. The first GEN_INT_LITS are int32 (the warm-up arguments come from them, so feedback
 * says int32 and the later arguments break that speculation). */
enum { GEN_INT_LITS = 8 };
static const char *const lits[] = {
    "0", "1", "2", "-1", "7", "31", "255", "0x3fffffff",
    "0x7fffffff", "-0x80000000", "0x80000000", "4294967295", "0.5", "-0", "1.5", "-2.25",
    "1e300", "NaN", "Infinity", "\"\"", "\"a\"", "\"10\"", "\"-0\"", "true",
    "false", "null", "undefined",
};
static const char *const arith[] = {"+", "-", "*", "/", "%", "|", "&", "^", "<<", ">>", ">>>", "+"};
static const char *const compare[] = {"<", "<=", ">", ">=", "==", "===", "!=", "!=="};
static const char *const unary[] = {"-", "~", "!", "+", "typeof "};
static const char *const compound[] = {"-=", "*=", "|=", "&=", "^=", "<<=", ">>=", ">>>=", "/=", "%="};
static const char *const math1[] = {"Math.floor", "Math.abs", "Math.ceil", "Math.sqrt", "Math.round", "Math.sign"};
static const char *const math2[] = {"Math.max", "Math.min", "Math.imul", "Math.pow"};
static const char *const arrays[] = {
    "[1, 2, 3]", "[1.5, -0, 3]", "[\"a\", \"b\"]", "[1, , 3]", "[]", "[0x7fffffff, -1, 2, 3, 4, 5, 6, 7]",
    "[null, true, \"x\"]", "[0.5]",
};

enum { GEN_MAX_LOOP_NEST = 2, GEN_MAX_EXPR_DEPTH = 3, GEN_MAX_STMTS = 40 };

typedef struct Gen {
  const uint8_t *in;
  size_t n, pos;
  Buf *out;
  bool in_f;     /* generating f (params a b o arr, locals x y z s, calls g) or g (p q, u v) */
  bool params_only; /* an initializer of the locals: only the parameters are initialized (TDZ) */
  int loops;     /* enclosing loops: loop variables i0 .. i<loops-1> are in scope */
  int stmts;     /* statements left in this function (keeps programs small) */
  int indent;
} Gen;

static unsigned pick(Gen *g, unsigned n) {
  if (g->pos >= g->n) return 0;
  return g->in[g->pos++] % n;
}

#define GEN_PICK(g, table) (table)[pick((g), ST_ARRAY_LEN(table))]

static void newline(Gen *g) {
  buf_add(g->out, "\n", 1);
  for (int i = 0; i < g->indent; i++) buf_add(g->out, "  ", 2);
}

/* A variable that statements may assign. */
static const char *target(Gen *g) {
  static const char *const f_vars[] = {"x", "y", "z", "s"}, *const g_vars[] = {"u", "v"};
  return g->in_f ? GEN_PICK(g, f_vars) : GEN_PICK(g, g_vars);
}

static void leaf(Gen *g) {
  static const char *const f_vars[] = {"x", "y", "a", "b", "z", "s"}, *const g_vars[] = {"u", "p", "q", "v"};
  static const char *const f_params[] = {"a", "b"}, *const g_params[] = {"p", "q"};
  unsigned c = pick(g, 4);
  if (g->params_only && c != 1) {
    put(g->out, "%s", g->in_f ? GEN_PICK(g, f_params) : GEN_PICK(g, g_params));
  } else if (c == 1) {
    put(g->out, "(%s)", GEN_PICK(g, lits));
  } else if (c == 2 && g->loops) {
    put(g->out, "i%u", pick(g, (unsigned)g->loops));
  } else {
    put(g->out, "%s", g->in_f ? GEN_PICK(g, f_vars) : GEN_PICK(g, g_vars));
  }
}

static void expr(Gen *g, int depth) {
  if (depth <= 0) {
    leaf(g);
    return;
  }
  depth--;
  switch (pick(g, 16)) {
  case 1:
  case 2:
    put(g->out, "(");
    expr(g, depth);
    put(g->out, " %s ", GEN_PICK(g, arith));
    expr(g, depth);
    put(g->out, ")");
    return;
  case 3:
    put(g->out, "(");
    expr(g, depth);
    put(g->out, " %s ", GEN_PICK(g, compare));
    expr(g, depth);
    put(g->out, ")");
    return;
  case 4:
    put(g->out, "(%s", GEN_PICK(g, unary));
    expr(g, depth);
    put(g->out, ")");
    return;
  case 5:
    put(g->out, "(");
    expr(g, depth);
    put(g->out, " ? ");
    expr(g, depth);
    put(g->out, " : ");
    expr(g, depth);
    put(g->out, ")");
    return;
  case 6:
    put(g->out, "(");
    expr(g, depth);
    put(g->out, " | 0)");
    return;
  case 7:
    if (!g->in_f) break;
    put(g->out, "g(");
    expr(g, depth);
    put(g->out, ", ");
    expr(g, depth);
    put(g->out, ")");
    return;
  case 8:
    if (!g->in_f) break;
    put(g->out, "o.%c", "abc"[pick(g, 3)]);
    return;
  case 9:
    if (!g->in_f) break;
    switch (pick(g, 3)) {
    case 0: put(g->out, "arr.length"); return;
    case 1:
      if (g->loops) {
        put(g->out, "arr[i%u]", pick(g, (unsigned)g->loops));
        return;
      }
      break;
    default: break;
    }
    put(g->out, "arr[");
    expr(g, depth);
    put(g->out, "]");
    return;
  case 10:
    put(g->out, "%s(", GEN_PICK(g, math1));
    expr(g, depth);
    put(g->out, ")");
    return;
  case 11:
    put(g->out, "%s(", GEN_PICK(g, math2));
    expr(g, depth);
    put(g->out, ", ");
    expr(g, depth);
    put(g->out, ")");
    return;
  case 12:
    switch (pick(g, 3)) {
    case 0:
      put(g->out, "(\"\" + ");
      expr(g, depth);
      put(g->out, ")");
      return;
    case 1:
      put(g->out, "String(");
      expr(g, depth);
      put(g->out, ").length");
      return;
    default:
      put(g->out, "(\"ab\" + ");
      expr(g, depth);
      put(g->out, ").charCodeAt(");
      expr(g, depth);
      put(g->out, ")");
      return;
    }
  case 13:
    put(g->out, "(");
    expr(g, depth);
    put(g->out, " + ");
    expr(g, depth);
    put(g->out, ")");
    return;
  default:
    break;
  }
  leaf(g);
}

static void block(Gen *g, int depth);

static void stmt(Gen *g, int depth) {
  g->stmts--;
  newline(g);
  unsigned c = pick(g, 16);
  if (!g->in_f && (c == 5 || c == 6 || c == 7 || c == 9 || c == 11)) c = 0;
  switch (c) {
  case 1: {
    const char *t = target(g);
    if (pick(g, 2)) {
      put(g->out, "%s %s ", t, GEN_PICK(g, compound));
      expr(g, GEN_MAX_EXPR_DEPTH);
      put(g->out, ";");
    } else {
      put(g->out, "%s = K(%s + ", t, t);
      expr(g, GEN_MAX_EXPR_DEPTH);
      put(g->out, ");");
    }
    return;
  }
  case 2:
    put(g->out, "%s%s;", target(g), pick(g, 2) ? "++" : "--");
    return;
  case 3:
    if (depth <= 0) break;
    put(g->out, "if (");
    expr(g, GEN_MAX_EXPR_DEPTH);
    put(g->out, ") ");
    block(g, depth - 1);
    if (pick(g, 2)) {
      put(g->out, " else ");
      block(g, depth - 1);
    }
    return;
  case 4:
  case 14: {
    if (depth <= 0 || g->loops >= GEN_MAX_LOOP_NEST) break;
    unsigned bound = pick(g, 13), i = (unsigned)g->loops;
    switch (pick(g, 3)) {
    case 0: put(g->out, "for (let i%u = 0; i%u < %u; i%u++) ", i, i, bound, i); break;
    case 1: put(g->out, "for (let i%u = %u; i%u > 0; i%u--) ", i, bound, i, i); break;
    default: put(g->out, "for (let i%u = 0; i%u < %u; i%u += 2) ", i, i, bound * 2, i); break;
    }
    g->loops++;
    block(g, depth - 1);
    g->loops--;
    return;
  }
  case 5:
    put(g->out, "o.%c = K(", "abc"[pick(g, 3)]);
    expr(g, GEN_MAX_EXPR_DEPTH);
    put(g->out, ");");
    return;
  case 6:
    put(g->out, "arr[(");
    expr(g, GEN_MAX_EXPR_DEPTH - 1);
    put(g->out, ") & 15] = K(");
    expr(g, GEN_MAX_EXPR_DEPTH);
    put(g->out, ");");
    return;
  case 7:
    put(g->out, "arr.push(K(");
    expr(g, GEN_MAX_EXPR_DEPTH);
    put(g->out, "));");
    return;
  case 8:
    put(g->out, "print(");
    expr(g, GEN_MAX_EXPR_DEPTH);
    put(g->out, ");");
    return;
  case 9:
    put(g->out, "%s = K(g(", target(g));
    expr(g, GEN_MAX_EXPR_DEPTH - 1);
    put(g->out, ", ");
    expr(g, GEN_MAX_EXPR_DEPTH - 1);
    put(g->out, "));");
    return;
  case 10:
    if (!g->loops) break;
    put(g->out, "if (");
    expr(g, GEN_MAX_EXPR_DEPTH);
    put(g->out, ") %s;", pick(g, 2) ? "continue" : "break");
    return;
  case 11:
    put(g->out, "o = mk(");
    expr(g, GEN_MAX_EXPR_DEPTH - 1);
    put(g->out, ", ");
    expr(g, GEN_MAX_EXPR_DEPTH - 1);
    put(g->out, ");");
    return;
  case 12:
    if (pick(g, 4)) break; /* rarer than the others: a throw ends the call */
    put(g->out, "if (");
    expr(g, GEN_MAX_EXPR_DEPTH);
    put(g->out, ") throw new RangeError(\"t\" + ");
    expr(g, 1);
    put(g->out, ");");
    return;
  case 13:
    if (depth <= 0) break;
    put(g->out, "try ");
    block(g, depth - 1);
    put(g->out, " catch (e) { %s = String(e); }", target(g));
    return;
  default:
    break;
  }
  put(g->out, "%s = K(", target(g));
  expr(g, GEN_MAX_EXPR_DEPTH);
  put(g->out, ");");
}

static void block(Gen *g, int depth) {
  put(g->out, "{");
  g->indent++;
  unsigned n = 1 + pick(g, 3);
  for (unsigned i = 0; i < n && g->stmts > 0; i++) stmt(g, depth);
  g->indent--;
  newline(g);
  put(g->out, "}");
}

/* The statements of a function body: at least one, at most max (or the budget). */
static void body(Gen *g, unsigned max) {
  unsigned n = 1 + pick(g, max);
  for (unsigned i = 0; i < n && g->stmts > 0; i++) stmt(g, 3);
}

static void arg_tuple(Gen *g, bool warm) {
  unsigned nl = warm ? GEN_INT_LITS : ST_ARRAY_LEN(lits);
  put(g->out, "[%s, %s, mk(%u, %s), %s]", lits[pick(g, nl)], lits[pick(g, nl)], pick(g, 4),
      lits[pick(g, nl)], GEN_PICK(g, arrays));
}

/* The fixed part: K bounds strings (see the header), mk makes objects of four shapes (two
 * property orders, an extra double property, a transition after creation), show prints a value
 * so that -0 and the type are visible, run calls f on each argument tuple and prints results
 * and exceptions alike. */
static const char prelude[] =
    "function K(v) { return typeof v === \"string\" && v.length > 40 ? v.slice(0, 9) : v; }\n"
    "function mk(k, v) {\n"
    "  switch (k & 3) {\n"
    "    case 0: return {a: v, b: 1};\n"
    "    case 1: return {b: v, a: 2};\n"
    "    case 2: return {a: v, b: \"s\", c: 3.5};\n"
    "    default: { let o = {a: v}; o.b = K(v + 1); return o; }\n"
    "  }\n"
    "}\n"
    "function show(v) {\n"
    "  if (Array.isArray(v)) { for (let k = 0; k < v.length; k++) show(v[k]); return; }\n"
    "  print(typeof v + \":\" + (v === 0 && 1 / v < 0 ? \"-0\" : String(v)));\n"
    "}\n"
    "function run(A) {\n"
    "  for (let k = 0; k < A.length; k++) {\n"
    "    const t = A[k];\n"
    "    try { show(f(t[0], t[1], t[2], t[3])); } catch (e) { print(\"threw \" + e); }\n"
    "  }\n"
    "}\n";

static void generate(Gen *g) {
  Buf *b = g->out;
  buf_add(b, prelude, sizeof prelude - 1);

  put(b, "function g(p, q) {\n  let u = K(");
  g->in_f = false;
  g->indent = 1;
  g->stmts = GEN_MAX_STMTS / 4;
  g->params_only = true;
  expr(g, 2);
  g->params_only = false;
  put(b, "), v = 1;");
  body(g, 3);
  put(b, "\n  return K(");
  expr(g, GEN_MAX_EXPR_DEPTH);
  put(b, ");\n}\n");

  put(b, "function f(a, b, o, arr) {\n  let x = K(");
  g->in_f = true;
  g->stmts = GEN_MAX_STMTS;
  g->params_only = true;
  expr(g, 2);
  put(b, "), y = K(");
  expr(g, 2);
  g->params_only = false;
  put(b, "), z = 0, s = \"\";");
  body(g, 8);
  put(b, "\n  return [x, y, z, s, K(");
  expr(g, GEN_MAX_EXPR_DEPTH);
  put(b, ")];\n}\n");

  /* Warm-up tuples hold int32 arguments; the others any literal (type changes: deopts). */
  put(b, "const W = [");
  for (unsigned i = 0, n = 1 + pick(g, 3); i < n; i++) {
    if (i) put(b, ", ");
    arg_tuple(g, true);
  }
  put(b, "];\nconst D = [");
  for (unsigned i = 0, n = 1 + pick(g, 3); i < n; i++) {
    if (i) put(b, ", ");
    arg_tuple(g, false);
  }
  put(b, "];\nfor (let r = 0; r < %u; r++) run(W);\n", 2 + pick(g, 5));
  put(b, "%%OptimizeFunctionOnNextCall(f);\n");
  if (pick(g, 2)) put(b, "%%OptimizeFunctionOnNextCall(g);\n");
  if (pick(g, 4) == 1) put(b, "%%OptimizeFunctionOnNextCall(run);\n");
  put(b, "run(W);\nrun(D);\nrun(W);\n");
}

/* --- running a program --- */

/* Where print writes: the VM that runs now (one at a time, see fuzz_vm.h). */
static Buf *printed;

static StValue capture_print(StVM *vm, StCallInfo *ci) {
  for (uint32_t i = 0; i < ci->argc; i++) {
    if (i) buf_add(printed, " ", 1);
    StString *s = st_is_symbol(ci->argv[i]) ? NULL : st_ops_to_string(vm, ci->argv[i]);
    if (!s) return st_vm_has_exception(vm) ? ST_EXCEPTION : st_vm_type_error(vm, "print: symbol");
    size_t n;
    char *u = st_string_to_utf8(vm, s, &n);
    buf_add(printed, u, n);
    free(u);
  }
  buf_add(printed, "\n", 1);
  return ST_UNDEFINED;
}

typedef struct RunConfig {
  const char *tiers; /* --tiers */
  int64_t deopt_every;
} RunConfig;

/* Totals over the run, printed at exit. */
static struct {
  uint64_t inputs, compared, skipped_oom, compiles, aborts, deopts, f_compiled, compile_ns;
  struct {
    const char *reason;
    uint64_t n;
  } abort_reasons[32];
} totals;

static void count_abort(const char *reason) {
  for (size_t i = 0; i < ST_ARRAY_LEN(totals.abort_reasons); i++) {
    if (!totals.abort_reasons[i].reason) totals.abort_reasons[i].reason = reason;
    if (!strcmp(totals.abort_reasons[i].reason, reason)) {
      totals.abort_reasons[i].n++;
      return;
    }
  }
}

static void print_totals(void) {
  fprintf(stderr,
          "fuzz_jit: %llu inputs, %llu compared, %llu skipped (heap limit); %llu compiles, %llu "
          "aborts (%.0f ms compiling), %llu deopts; f ran compiled in %llu inputs\n",
          (unsigned long long)totals.inputs, (unsigned long long)totals.compared,
          (unsigned long long)totals.skipped_oom, (unsigned long long)totals.compiles,
          (unsigned long long)totals.aborts, totals.compile_ns / 1e6, (unsigned long long)totals.deopts,
          (unsigned long long)totals.f_compiled);
  for (size_t i = 0; i < ST_ARRAY_LEN(totals.abort_reasons) && totals.abort_reasons[i].reason; i++)
    fprintf(stderr, "fuzz_jit:   abort %s: %llu\n", totals.abort_reasons[i].reason,
            (unsigned long long)totals.abort_reasons[i].n);
}

static bool starts_with(const char *s, const char *prefix) { return !strncmp(s, prefix, strlen(prefix)); }

/* Runs src in a fresh VM with the given tier chain; what it printed goes to out, then an
 * uncaught exception as "uncaught <String(e)>". */
static void run_program(const RunConfig *rc, const char *src, size_t len, Buf *out, void *stack_base) {
  StFuzzVMOptions o = {.max_heap = 32u << 20, .max_steps = 0};
  StVM *vm = st_fuzz_vm_new(&o, stack_base);
  st_fuzz_vm_enter(vm, stack_base);
  /* Deterministic compiles (on this thread, when asked) and the stress setting; st_tier_init
   * reads both from vm->flags. */
  vm->flags.concurrent = false;
  vm->flags.deopt_every = rc->deopt_every;
  char err[256];
  ST_CHECK(st_tier_init(vm, rc->tiers, false, err, sizeof err), "fuzz_jit: --tiers=%s: %s", rc->tiers, err);
  vm->hooks.natives = (void *)st_tier_natives();
  st_builtins_method(vm, vm->global, "print", capture_print, 0);
  printed = out;

  StDiagList d = {0};
  StCompileOptions copt = {.filename = "fuzz_jit.js", .allow_natives_syntax = true, .native_id = st_tier_native_id};
  StProto *script = st_compiler_compile_script(vm, src, len, &copt, &d);
  if (!script) {
    fprintf(stderr, "fuzz_jit: the generator made a program that does not compile:\n%s\n", src);
    for (size_t i = 0; i < d.items.len; i++)
      fprintf(stderr, "  %u:%u %s\n", d.items.data[i].line, d.items.data[i].col, d.items.data[i].message);
    abort();
  }
  StValue r = st_interp_run_script(vm, script);
  if (r == ST_EXCEPTION) {
    StValue e = st_vm_take_exception(vm);
    StString *s = st_is_symbol(e) ? NULL : st_ops_to_string(vm, e);
    if (s) {
      char *u = st_string_to_utf8(vm, s, NULL);
      put(out, "uncaught ");
      buf_add(out, u, strlen(u));
      free(u);
    } else {
      if (st_vm_has_exception(vm)) st_vm_take_exception(vm);
      put(out, "uncaught (not printable)");
    }
    buf_add(out, "\n", 1);
  }
  printed = NULL;

  StProf *prof = st_tier_prof(vm);
  if (prof) {
    for (size_t i = 0; i < prof->compiles.len; i++) {
      const StCompileRecord *cr = &prof->compiles.data[i];
      totals.compile_ns += cr->total_ns;
      if (cr->abort_reason) {
        totals.aborts++;
        count_abort(cr->abort_reason);
      } else {
        totals.compiles++;
        if (starts_with(cr->function, "f ")) totals.f_compiled++;
      }
    }
    totals.deopts += prof->ndeopts;
  }
  st_diag_free(&d);
  st_tier_free(vm);
  st_fuzz_vm_free(vm);
}

static const char *jit_tier(void) {
  const char *t = getenv("STRATA_FUZZ_JIT_TIER");
  return t && *t ? t : "llvm";
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int base;
  static bool started;
  if (!started) {
    started = true;
    atexit(print_totals);
  }
  totals.inputs++;
  uint8_t head = size ? data[0] : 0;
  Buf src = {0}, want = {0}, got = {0};
  Gen g = {.in = data + (size ? 1 : 0), .n = size ? size - 1 : 0, .out = &src};
  generate(&g);
  if (getenv("STRATA_FUZZ_JIT_PRINT")) fputs(src.p, stdout);

  static const int64_t deopt_every[4] = {0, 0, 1, 7};
  char chain[64];
  snprintf(chain, sizeof chain, "interp,%s@%u", jit_tier(), (head >> 2) % 4 == 3 ? 300u : 100000u);
  RunConfig oracle = {.tiers = "interp"};
  RunConfig jit = {.tiers = chain, .deopt_every = deopt_every[head & 3]};
  run_program(&oracle, src.p, src.len, &want, &base);
  run_program(&jit, src.p, src.len, &got, &base);

  if (strstr(want.p ? want.p : "", "Out of memory") || strstr(got.p ? got.p : "", "Out of memory")) {
    totals.skipped_oom++;
  } else {
    totals.compared++;
    if (want.len != got.len || (want.len && memcmp(want.p, got.p, want.len))) {
      fprintf(stderr, "fuzz_jit: --tiers=%s --deopt-every=%lld differs from --tiers=interp\n", chain,
              (long long)jit.deopt_every);
      fprintf(stderr, "--- program ---\n%s--- interp ---\n%s--- %s ---\n%s", src.p, want.p ? want.p : "",
              chain, got.p ? got.p : "");
      abort();
    }
  }
  free(src.p);
  free(want.p);
  free(got.p);
  return 0;
}

/* support/flags.h: every engine flag, as one table (LuaJIT's JIT_PARAMDEF model).
 *
 * Each row: X(type, field, "cli-name", default, "help"). Types: BOOL (--name / --no-name),
 * INT (--name=N), SIZE (--name=N[k|K|m|M|g|G]), STR (--name=TEXT; NULL default means unset),
 * OPT (a string with an optional value: unset is NULL, a bare --name means `default`).
 * StFlags holds the parsed values; the VM keeps one copy (vm->flags) that every floor reads.
 * Adding a flag is adding a row: parsing, --help and the env.json record come from the table.
 * Flags handled by the CLI itself (-e, --help, --version) are not in this table.
 */
#ifndef ST_SUPPORT_FLAGS_H
#define ST_SUPPORT_FLAGS_H

#include "support/common.h"

#include <stdio.h>

/* Sanitizer builds free everything at exit by default: LeakSanitizer then reports any block
 * the teardown misses (a leak), instead of everything the heap still holds. */
#ifdef STRATA_SANITIZE
#define ST_FLAGS_FREE_AT_EXIT_DEFAULT true
#else
#define ST_FLAGS_FREE_AT_EXIT_DEFAULT false
#endif

#define ST_FLAGS(X) \
  /* frontend dumps */ \
  X(BOOL, print_tokens, "print-tokens", false, "print the token stream and exit") \
  X(BOOL, print_ast, "print-ast", false, "print the AST as S-expressions and exit") \
  X(BOOL, print_bytecode, "print-bytecode", false, "print the bytecode of every function and exit") \
  X(BOOL, check, "check", false, "parse and compile to bytecode, report syntax errors, and exit (as node --check)") \
  /* execution */ \
  X(BOOL, strict, "strict", false, "run the script as strict-mode code") \
  X(INT, random_seed, "random-seed", 0, "seed for Math.random (0: seed from the clock)") \
  X(OPT, print_feedback, "print-feedback", "*", "at exit, dump the feedback vectors of functions named VALUE (bare: all)") \
  X(OPT, stats, "stats", "-", "write statistics as JSON to file VALUE at exit (bare or '-': stderr)") \
  X(STR, unhandled_rejections, "unhandled-rejections", "throw", "throw | warn | none (as node)") \
  X(BOOL, allow_natives_syntax, "allow-natives-syntax", false, "enable %Name(...) test natives") \
  /* tiers */ \
  X(STR, tiers, "tiers", NULL, "tier chain: NAME[@THRESHOLD],... e.g. interp | llvm | interp,llvm@5000") \
  X(BOOL, eager, "eager", false, "compile every function for the top tier at its first call") \
  X(BOOL, concurrent, "concurrent", true, "run backends on a compiler thread (--no-concurrent: on the main thread, deterministic)") \
  X(BOOL, trace_tier, "trace-tier", false, "one line per compile, abort, tier-up, OSR, invalidation") \
  X(BOOL, trace_deopt, "trace-deopt", false, "one line per deopt: function, pc, reason, tier, depth") \
  X(INT, deopt_every, "deopt-every", 0, "stress: every Nth guard check fails (0: off)") \
  X(STR, passes, "passes", NULL, "IR passes for ablation: all | none | NAME | -NAME, comma-separated (fold repr gvn licm dce)") \
  X(OPT, print_ir, "print-ir", "all", "print the IR of compiled functions: all (bare) | build | final | after:PASS") \
  X(BOOL, perf_map, "perf-map", false, "write /tmp/perf-PID.map naming compiled functions") \
  X(BOOL, verify_ir, "verify-ir", false, "run the IR verifier after the builder and every pass (always on in debug builds)") \
  X(BOOL, ir_check, "ir-check", false, "testing: at exit, build and optimize the IR of every function that ran; report failures") \
  /* memory */ \
  X(SIZE, max_heap, "max-heap", 0, "JavaScript heap limit in bytes, e.g. 64M (0: none)") \
  X(BOOL, gc_stress, "gc-stress", false, "collect garbage at every allocation (slow; for testing)") \
  X(INT, stack_size, "stack-size", 0, "VM register stack size in values (0: default)") \
  X(BOOL, free_at_exit, "free-at-exit", ST_FLAGS_FREE_AT_EXIT_DEFAULT, "at exit, free the VM and all its memory (default on in sanitizer builds, so LeakSanitizer sees the teardown)")

typedef enum StFlagType { ST_FLAG_BOOL, ST_FLAG_INT, ST_FLAG_SIZE, ST_FLAG_STR, ST_FLAG_OPT } StFlagType;

typedef struct StFlags {
#define ST_FLAG_FIELD_BOOL(f) bool f;
#define ST_FLAG_FIELD_INT(f) int64_t f;
#define ST_FLAG_FIELD_SIZE(f) uint64_t f;
#define ST_FLAG_FIELD_STR(f) const char *f;
#define ST_FLAG_FIELD_OPT(f) const char *f;
#define ST_FLAG_FIELD(type, field, name, def, help) ST_FLAG_FIELD_##type(field)
  ST_FLAGS(ST_FLAG_FIELD)
#undef ST_FLAG_FIELD
} StFlags;

void st_flags_init(StFlags *f); /* defaults */

typedef enum StFlagParse {
  ST_FLAG_OK,        /* consumed */
  ST_FLAG_UNKNOWN,   /* not a flag of the table */
  ST_FLAG_BAD_VALUE, /* known flag, bad value: *err says why */
} StFlagParse;

/* Parses one "--name", "--no-name" or "--name=value" argument. */
StFlagParse st_flags_parse(StFlags *f, const char *arg, char *err, size_t errlen);
void st_flags_print_help(FILE *out);
/* Writes the flags as a JSON object (for --stats and result provenance). */
void st_flags_print_json(FILE *out, const StFlags *f);

#endif

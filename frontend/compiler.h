/* frontend/compiler.h: source text -> StProto (scope analysis + bytecode generation).
 *
 * Compilation parses, resolves scopes and emits bytecode for every function literal of the
 * source. Errors (syntax and early errors) go to diags; the result is then NULL and nothing of
 * the source runs. Allocation failures (heap limit) return NULL with the exception pending.
 */
#ifndef ST_FRONTEND_COMPILER_H
#define ST_FRONTEND_COMPILER_H

#include "objects/function.h"
#include "support/diag.h"

#include <stdio.h>

typedef struct StCompileOptions {
  const char *filename;
  bool strict;               /* whole script is strict mode code */
  bool allow_natives_syntax; /* %Name(...) calls */
  /* src (NUL-terminated at src[len]) stays unchanged until the VM is freed: the functions'
   * source object then shares it instead of copying it (the CLI's script file). */
  bool source_outlives_vm;
  /* Resolves a %Name to an id in vm->hooks.natives, or -1. */
  int (*native_id)(StVM *vm, const char *name, int argc);
} StCompileOptions;

/* A script: top-level code run with st_interp_run_script. */
StProto *st_compiler_compile_script(StVM *vm, const char *src, size_t len,
                                    const StCompileOptions *opt, StDiagList *diags);
/* A source whose only statement is a function expression, "(function (a, b) { ... })":
 * returns that function's proto (used by require's module wrapper and `new Function`). */
StProto *st_compiler_compile_function(StVM *vm, const char *src, size_t len,
                                      const char *filename, StDiagList *diags);

/* Eval code (frontend/compiler_eval.c explains the design). desc: the call site's scope
 * descriptor (UTF-8 text of CALLEVAL's constant) for direct eval, NULL for indirect eval.
 * The proto is run as a closure over the caller's current context (direct eval) or none,
 * with the global object as `this`; it returns the code's completion value. */
StProto *st_compiler_compile_eval(StVM *vm, const char *src, size_t len, const char *desc,
                                  size_t desc_len, StDiagList *diags);

/* --print-bytecode: the proto and, recursively, every nested function. Stable text. */
void st_bcdump_proto(StVM *vm, FILE *out, StProto *p);

#endif

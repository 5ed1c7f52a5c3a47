/* interp/interp.h: the interpreter: the dispatch loop, calls, and the C entry points.
 *
 * JS-to-JS calls made by interpreted code push a frame on the VM register stack and continue
 * in the same dispatch loop (no C recursion). A call from C (a built-in calling a callback,
 * the host running a job) enters through st_interp_call, which runs a nested dispatch loop
 * until the frame it pushed returns. Compiled code is entered through the proto's `entry`
 * with a fully built frame; it returns a value, ST_EXCEPTION, or ST_RESUME (deoptimized: the
 * frame now holds the interpreter state, resume it at frame->pc).
 */
#ifndef ST_INTERP_INTERP_H
#define ST_INTERP_INTERP_H

#include "interp/frame.h"

#include <stdio.h>

/* Compiled code's entry point: runs the function whose frame f is (registers filled). */
typedef StValue (*StCompiledEntry)(StVM *vm, StFrame *f);

/* Registers the interpreter's hooks (call, stack capture, feedback tracing) and allocates the
 * register stack. */
void st_interp_init(StVM *vm);
void st_interp_free(StVM *vm);

/* Calls fn (any callable) with this and arguments; new_target undefined for a call, the
 * constructor for [[Construct]]. ST_EXCEPTION on a throw. */
ST_MUST_CHECK StValue st_interp_call(StVM *vm, StValue fn, StValue this_val, uint32_t argc,
                                     const StValue *argv, StValue new_target);
/* Runs the top-level code of a script (a proto compiled with ST_PROTO_SCRIPT). */
ST_MUST_CHECK StValue st_interp_run_script(StVM *vm, StProto *script);
/* Continues an interpreter frame at f->pc (after a deopt, or to resume an async function):
 * runs until f returns. f must be the innermost frame on the stack. */
ST_MUST_CHECK StValue st_interp_resume(StVM *vm, StFrame *f);

/* The same, but resumes by throwing `exc` at f->pc (a rejected await). */
ST_MUST_CHECK StValue st_interp_resume_throw(StVM *vm, StFrame *f, StValue exc);

/* The JS stack trace as "    at name (file:line:col)" lines (newline-separated). */
StString *st_interp_capture_stack(StVM *vm);
/* The same, printed to a C stream (for uncaught errors without a stack property). */
void st_interp_print_stack(StVM *vm, FILE *out);

/* Test natives table entry: %Name(...) -> id; filled by builtins/. */
typedef StValue (*StNativeSyntaxFn)(StVM *vm, uint32_t argc, StValue *argv);
typedef struct StNativeSyntax {
  const char *name;
  int argc; /* -1: any */
  StNativeSyntaxFn fn;
} StNativeSyntax;

#endif

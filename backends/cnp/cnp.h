/* backends/cnp/cnp.h: the copy-and-patch code generator of the baseline tier (x86-64 only).
 *
 * st_cnp_compile turns one function's bytecode into machine code by copying a pre-compiled
 * stencil per instruction (backends/cnp/stencils.c, extracted at build time) into fresh
 * executable memory and patching its holes. The result's entry has the StCompiledEntry
 * signature (interp/interp.h) and runs the function on its interpreter frame as is:
 *
 *  - no frame translation: registers are read and written in the frame (interp/frame.h), so
 *    the interpreter can take over at any instruction boundary;
 *  - no speculation, so no deopt for speculation: the only exits leave to the interpreter with
 *    an exception pending, through opts->exit_fn (st_deopt_exit) with exit id = instruction
 *    index (the caller builds an exit table whose exit i resumes at insn_pcs[i], flagged
 *    `exception`, so it is not counted as a deopt);
 *  - feedback is written as the interpreter writes it (cnp_rt.c, and the inline stencils).
 *
 * Memory (backends/cnp/cnp_mem.h) is never writable and executable at once: an arena's
 * dual-mapped chunks, or a private mapping switched from read-write to read-execute. Compiling touches the proto and its feedback vector (allocating it), so it
 * runs on the main thread.
 */
#ifndef ST_BACKENDS_CNP_CNP_H
#define ST_BACKENDS_CNP_CNP_H

#include "backends/cnp/cnp_holes.h"
#include "backends/cnp/cnp_mem.h"
#include "backends/abort.h"
#include "interp/interp.h"

typedef struct StCnpOptions {
  /* StValue exit(StVM *vm, StFrame *f, void *code, uint32_t exit_id): tiers/deopt.h's
   * st_deopt_exit, passed down because backends/ cannot include tiers/. */
  void *exit_fn;
  void *code;              /* the StCode the exits name */
  /* StValue loop(StVM *, StFrame *, uint32_t pc): the tier check of loop headers (NULL:
   * st_cnp_rt_loop). A tier passes its own to filter OSR entries it must not take. */
  void *loop_fn;
  StCnpArena *arena;       /* NULL: a private mapping per function */
} StCnpOptions;

typedef struct StCnpResult {
  StCompiledEntry entry;
  void *mem;               /* first byte of the code (== entry) */
  StCnpBlock block;        /* its memory (st_cnp_free releases it) */
  size_t code_size;        /* bytes of machine code */
  uint32_t ninsns;         /* bytecode instructions compiled */
  uint32_t *insn_pcs;      /* exit id -> bytecode offset (malloc'd, ninsns entries) */
  uint32_t *insn_offs;     /* instruction index -> offset of its code from entry (malloc'd) */
  uint32_t inline_insns;   /* instructions whose main stencil is an inline fast path */
} StCnpResult;

/* Whether this machine can run copy-and-patch code; *why when not. */
bool st_cnp_supported(const char **why);

/* Compiles p. ST_ABORT_NONE and *out filled, or an abort reason (why: details). */
StAbort st_cnp_compile(StVM *vm, StProto *p, const StCnpOptions *opts, StCnpResult *out, char *why,
                       size_t whylen);
void st_cnp_free(StCnpResult *res);

/* The code of the instruction at bytecode offset pc, or NULL when pc is not an instruction
 * start. Any instruction boundary is a valid entry point, with the frame as the interpreter
 * left it there: this is how OSR enters baseline code (after the loop header the interpreter
 * has just counted). */
StCompiledEntry st_cnp_entry_at(const StCnpResult *res, uint32_t pc);

/* The stencils' run-time functions (cnp_rt.c): one instruction at bytecode offset pc of f,
 * with the interpreter's semantics. exec: false when it threw. jump: 1 taken, 0 not, -1
 * threw. loop: the tier check of a loop header (its counters already bumped): ST_HOLE to go
 * on, or the function's result when a higher tier's OSR code finished the frame (ST_RESUME,
 * ST_EXCEPTION included). */
bool st_cnp_rt_exec(StVM *vm, StFrame *f, uint32_t pc);
bool st_cnp_rt_call(StVM *vm, StFrame *f, uint32_t pc); /* CALL, NEW, CALLSPREAD, NEWSPREAD */
/* Whether the three above implement opcode op (else the function is not compiled). */
bool st_cnp_rt_supports(uint16_t op);
int st_cnp_rt_jump(StVM *vm, StFrame *f, uint32_t pc);
StValue st_cnp_rt_loop(StVM *vm, StFrame *f, uint32_t pc);

/* Applies one patch of a stencil copied to `copy` (its first byte, where the patcher writes),
 * which will run at address `run` (another view of the same memory, or copy itself), for a
 * hole whose value is `value`: S + A for absolute patches, S + A - P for rel32 (P: the run
 * address of the patched field). false when the result does not fit the field. */
bool st_cnp_patch(unsigned char *copy, uintptr_t run, const StCnpPatch *patch, uint64_t value);

/* Statistics of the stencil library (for tests and reports). */
uint32_t st_cnp_stencil_count(void);
size_t st_cnp_stencil_bytes(void);

#endif

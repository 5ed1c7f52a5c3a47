/* tiers/deopt.h: deoptimization (ARCHITECTURE.md, contract 6).
 *
 * When compiled code leaves through an exit, it has stored the exit snapshot's live values
 * (boxed StValues) into vm->deopt_buffer in entry order, and calls st_deopt_exit. That
 * function rebuilds the interpreter state from the code's compact deopt table:
 *
 *  - the outermost frame is the compiled function's own frame (it has the interpreter layout
 *    already): the snapshot's entries are written into its registers and its pc set;
 *  - each inlined level gets a new interpreter frame pushed on the VM stack, linked to the
 *    frame below as if the call had happened in the interpreter (the caller's pc is the call
 *    instruction, the callee's ret_reg its destination);
 *    They are pushed at vm->stack_top, past the outermost frame (calls made by inlined code
 *    pass their arguments in that frame's top registers: backends/ir_build.c, st_irb_window);
 *    when the VM stack has no room for them, only the outermost frame is rebuilt, at the call
 *    that entered the inlined chain, with a RangeError pending as the call would have thrown;
 *  - vm->frame becomes the innermost frame; the exit is counted (per exit, per code, with its
 *    reason in --trace-deopt and --stats), and st_deopt_exit returns ST_RESUME. Whoever entered
 *    the compiled code then continues in the interpreter at vm->frame.
 *
 * An exit taken because a runtime call threw (the snapshot's `exception` flag) leaves the
 * exception pending: the interpreter resumes by unwinding from the rebuilt state, so handlers
 * in any inlined frame run. Such exits are not counted against the code.
 *
 * Lazy deopt: invalidating code (a broken dependency: a prototype or global changed) sets
 * code->invalid; compiled code checks the flag after every call that can run JS and leaves
 * through an exit there. The code is released once no frame can be running it.
 */
#ifndef ST_TIERS_DEOPT_H
#define ST_TIERS_DEOPT_H

#include "backends/abort.h"
#include "tiers/tier.h"

const char *st_deopt_reason_name(StDeoptReason r);

/* The compact tables (in the spirit of LuaJIT's snapshots): per exit, a run of frames; per
 * frame, a run of entries; an entry says which register receives which buffer slot. */
typedef struct StDeoptEntry {
  uint16_t reg;
  uint16_t slot;  /* index into the deopt buffer */
} StDeoptEntry;

typedef struct StDeoptFrame {
  StProto *proto;
  StValue callee;      /* inlined frames: the closure (inlining is of constant targets only);
                          `this` and the arguments are ordinary entries (registers 0..n) */
  uint32_t pc;         /* bytecode offset to resume at (outer frames: the call instruction) */
  uint32_t first_entry, nentries;
  uint16_t ret_reg, argc;
} StDeoptFrame;

typedef struct StDeoptExit {
  uint32_t first_frame, nframes;
  uint16_t reason;     /* StDeoptReason */
  bool exception;
  uint32_t count;      /* times taken */
} StDeoptExit;

typedef struct StDeoptInfo {
  StDeoptExit *exits;
  uint32_t nexits;
  StDeoptFrame *frames;
  uint32_t nframes;
  StDeoptEntry *entries;
  uint32_t nentries;
  uint32_t max_slots;  /* deopt buffer size needed */
} StDeoptInfo;

/* Called by compiled code at an exit (helper ST_HELPER_DEOPT). */
StValue st_deopt_exit(StVM *vm, StFrame *frame, StCode *code, uint32_t exit_id);
/* Marks code invalid (lazy deopt) and unhooks it from its proto. */
void st_deopt_invalidate(StVM *vm, StCode *code, const char *why);
/* The VM's deopt buffer, grown to at least n slots. */
StValue *st_deopt_buffer(StVM *vm, uint32_t n);

/* vm->hooks.inlined_frames: the inlined levels of the call compiled frame f is stopped at,
 * from the exit its site word names (interp/frame.h), innermost first; 0 when none. */
uint32_t st_deopt_inlined_frames(StVM *vm, const StFrame *f, StVMInlinedLevel *out, uint32_t max);

void st_deopt_info_free(StDeoptInfo *d);
/* GC: constants held by the deopt tables (callee closures). */
void st_deopt_info_trace(StHeap *h, const StDeoptInfo *d);

#endif

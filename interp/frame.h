/* interp/frame.h: the interpreter frame, the contract between the interpreter, compiled code
 * and deoptimization (ARCHITECTURE.md, contract 2).
 *
 * Every call has a frame in one contiguous VM register stack (vm->stack_base ..
 * vm->stack_limit): a header (StFrame) followed by the function's registers:
 *
 *     +----------------------+ <- (StValue *)frame
 *     | StFrame header       |    8 words
 *     +----------------------+ <- st_frame_regs(frame)
 *     | r0: this             |
 *     | r1..rP: parameters   |    proto->nparams
 *     | locals, temporaries  |    up to proto->nregs
 *     +----------------------+ <- next frame (vm->stack_top when innermost)
 *
 * Invariants:
 *  - Every word of the stack below vm->stack_top is either a valid StValue or a raw pointer or
 *    integer whose top 16 bits are zero (so the GC, which traces the stack as values, sees it
 *    as a double and skips it). That is why the header's GC references are boxed values.
 *  - All registers of a pushed frame are initialized (to undefined) before anything can
 *    allocate.
 *  - `caller` links frames of nested calls; an ENTRY frame was pushed by a C caller
 *    (st_interp_call): returning from it returns to C.
 *  - A deoptimized optimized frame is rebuilt into exactly this layout (tiers/deopt.c), and
 *    baseline code keeps it live, so any frame can be resumed by the interpreter at `pc`.
 *  - A frame running optimized code (never ASYNC: the speculative tiers refuse async
 *    functions) has no use for `aux`, so compiled code stores there, before each runtime call
 *    it makes from inside an inlined callee, a site word (st_frame_site_encode): which exit of
 *    its code describes every frame of that call. Stack traces expand the frame through it
 *    (vm->hooks.inlined_frames). The word is not cleared after the call: a reader trusts it only
 *    while `pc` still names the call that entered the inlined chain (every runtime call that
 *    stores that pc comes from inside the chain, and stores the word too). Deopt resets it.
 */
#ifndef ST_INTERP_FRAME_H
#define ST_INTERP_FRAME_H

#include "objects/function.h"

enum {
  ST_FRAME_ENTRY = 1 << 0,     /* pushed by st_interp_call: RET returns to C */
  ST_FRAME_CONSTRUCT = 1 << 1, /* [[Construct]]: a non-object result means `this` */
  ST_FRAME_ASYNC = 1 << 2,     /* an async function's frame (aux holds its promise) */
  ST_FRAME_COMPILED = 1 << 3,  /* running in compiled code (registers may be stale) */
  ST_FRAME_RESUMED = 1 << 4,   /* an async frame resumed after await */
};

typedef struct StFrame {
  StValue callee;        /* the running function (boxed object) */
  StValue ctx;           /* current context (boxed cell) or undefined */
  StValue new_target;    /* undefined for calls */
  StValue args;          /* NEEDS_ARGS functions: array of all arguments; else undefined */
  StValue aux;           /* async functions: the result promise; else undefined */
  struct StFrame *caller;
  const uint16_t *pc;    /* where this frame resumes (valid while it is not running) */
  uint16_t flags;        /* ST_FRAME_* */
  uint16_t ret_reg;      /* caller register that receives the result */
  uint32_t argc;         /* actual argument count (< 2^31) */
} StFrame;

ST_STATIC_ASSERT(sizeof(StFrame) == 64, "frame header is 8 words");

#define ST_FRAME_WORDS (sizeof(StFrame) / sizeof(StValue))

ST_INLINE StValue *st_frame_regs(StFrame *f) { return (StValue *)(f + 1); }
ST_INLINE StFunction *st_frame_function(const StFrame *f) {
  return (StFunction *)st_get_object(f->callee);
}
ST_INLINE StProto *st_frame_proto(const StFrame *f) { return st_frame_function(f)->proto; }
ST_INLINE StContext *st_frame_ctx(const StFrame *f) {
  return st_is_cell(f->ctx) ? (StContext *)st_get_cell(f->ctx) : NULL;
}
/* The bytecode offset the frame is at. */
ST_INLINE uint32_t st_frame_pc_offset(const StFrame *f) {
  return (uint32_t)(f->pc - st_frame_proto(f)->code);
}

/* The site word: a raw integer with the top 16 bits zero (a double to the GC, which skips
 * it): the exit's snapshot number (1-based, < 2^24) and 24 bits of the StCode's address, so
 * that a stale word from another code of the same function is not mistaken for one of this
 * code. */
#define ST_FRAME_SITE_MAX_SNAP 0xFFFFFFu
ST_INLINE uint32_t st_frame_site_tag(const void *code) {
  return (uint32_t)(((uintptr_t)code >> 4) & 0xFFFFFFu);
}
ST_INLINE StValue st_frame_site_encode(const void *code, uint32_t snap) {
  return ((StValue)st_frame_site_tag(code) << 24) | (StValue)snap;
}
/* Whether f->aux holds a site word; its snapshot number and code tag. (Frames are not marked
 * ST_FRAME_COMPILED while they run compiled code; the word itself tells: a non-async frame's
 * aux is undefined unless compiled code stored a site word, and deopt clears it.) */
ST_INLINE bool st_frame_site_decode(const StFrame *f, uint32_t *snap, uint32_t *tag) {
  if (f->flags & ST_FRAME_ASYNC) return false;
  StValue w = f->aux;
  if ((w >> 48) != 0 || (w & ST_FRAME_SITE_MAX_SNAP) == 0) return false;
  *snap = (uint32_t)(w & ST_FRAME_SITE_MAX_SNAP);
  *tag = (uint32_t)(w >> 24);
  return true;
}

#endif

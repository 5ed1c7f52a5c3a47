/* interp/async.h: async functions: suspending a frame at `await` and resuming it from a
 * promise job.
 *
 * An async function's frame has ST_FRAME_ASYNC and its result promise in frame->aux. At
 * `await v` the frame's header and registers are copied into an StSuspended cell (one frame,
 * not the stack), the frame is popped and the caller receives the result promise; two native
 * closures over the cell are registered as v's fulfill/reject reactions. When one runs, it
 * rebuilds the frame on top of the VM stack and continues the interpreter after the AWAIT
 * (with the value in the AWAIT's destination register) or at it (throwing the reason).
 * Everything the frame held lives in the cell meanwhile, so a GC during the await keeps it.
 */
#ifndef ST_INTERP_ASYNC_H
#define ST_INTERP_ASYNC_H

#include "interp/frame.h"

/* Saves frame f (stopped at its AWAIT instruction, f->pc) and subscribes to `value`.
 * false on OOM (exception pending). */
bool st_async_suspend(StVM *vm, StFrame *f, StValue value);
void st_async_init(StVM *vm);

#endif

/* backends/llvm/llvm_lower.h: Strata IR -> one LLVM function (private to backends/llvm/).
 *
 * The function is `i64 sym(ptr vm, ptr frame)` (StCompiledEntry). Type mapping: VALUE i64,
 * I32 i32, F64 double, BOOL i1, PTR ptr. Every guard and every throwing call branches (cold)
 * to an exit block, which stores the snapshot's values boxed into the VM's deopt buffer
 * (slot k = k-th entry of the snapshot, flattened over its frames, as tiers/jit.c numbers
 * them) and returns helpers[ST_HELPER_DEOPT](vm, frame, f->code, snapshot index).
 *
 * Invariants the lowering relies on (the IR verifier's, restated): block 0 has no
 * predecessors; operands dominate their uses, snapshot entries dominate every guard naming
 * the snapshot. That makes one exit block per snapshot enough (share_exits): a value that
 * dominates every predecessor of a block dominates the block. With share_exits false every
 * guard gets its own exit block, which needs only that entries dominate their own guard (the
 * fallback when LLVM's verifier rejects the shared form of an IR that broke the invariant).
 * Blocks are lowered in reverse postorder, so definitions precede uses; phis are created
 * first and given their incomings (in blocks[b].preds order) once every block is lowered.
 * Broken invariants become a compile error, never an abort.
 */
#ifndef ST_BACKENDS_LLVM_LLVM_LOWER_H
#define ST_BACKENDS_LLVM_LLVM_LOWER_H

#include "backends/backend.h"

#include <llvm-c/Core.h>

/* Adds function `sym` lowered from f to m (whose context is ctx). false with err set. */
bool st_llvm_lower_func(LLVMContextRef ctx, LLVMModuleRef m, const StBackendHost *host,
                        StIrFunc *f, const char *sym, bool share_exits, char *err,
                        size_t errlen);

#endif

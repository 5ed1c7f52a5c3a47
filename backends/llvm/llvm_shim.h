/* backends/llvm/llvm_shim.h: every difference between LLVM versions the plugin cares about,
 * behind one small API (notes/toolchain.md lists the drift: the ThreadSafeContext change in
 * 21+, FastISel and target-machine options from 18 on). Nothing else in backends/llvm/ may
 * test LLVM_VERSION_MAJOR.
 *
 * Invariants: a StLlvmShimCtx owns its LLVMContext until st_llvm_shim_context_hand_over gives
 * a module built in it to ORC (ORC then owns both); st_llvm_shim_context_dispose frees a
 * context nothing was handed over from. Functions here never abort; failures come back as
 * NULL plus a message.
 */
#ifndef ST_BACKENDS_LLVM_LLVM_SHIM_H
#define ST_BACKENDS_LLVM_LLVM_SHIM_H

#include <llvm-c/Core.h>
#include <llvm-c/Orc.h>
#include <llvm-c/TargetMachine.h>

#include <stdbool.h>
#include <stddef.h>

/* One compile's context, shareable with ORC. */
typedef struct StLlvmShimCtx {
  LLVMOrcThreadSafeContextRef tsc;
  LLVMContextRef ctx;
} StLlvmShimCtx;

/* Initializes the native target and asm printer (idempotent; call before anything else). */
bool st_llvm_shim_init_native(char *err, size_t errlen);

/* A target machine for the host CPU and features, small code model, codegen level from
 * opt_level (0 none, 1 less, 2+ default); fast_isel asks for FastISel where the API allows. */
LLVMTargetMachineRef st_llvm_shim_target_machine(int opt_level, bool fast_isel, char *err,
                                                 size_t errlen);

void st_llvm_shim_context_new(StLlvmShimCtx *c);
/* Wraps m (built in c->ctx) for ORC and releases our reference to the context. */
LLVMOrcThreadSafeModuleRef st_llvm_shim_context_hand_over(StLlvmShimCtx *c, LLVMModuleRef m);
void st_llvm_shim_context_dispose(StLlvmShimCtx *c);

/* "19.1.7" */
const char *st_llvm_shim_version(void);

#endif

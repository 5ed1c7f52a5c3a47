/* backends/llvm/llvm_shim.h: every difference between LLVM versions the plugin cares about,
 * behind one small API (notes/toolchain.md lists the drift: the ThreadSafeContext change in
 * 21+, FastISel and target-machine options from 18 on). Nothing else in backends/llvm/ may
 * test LLVM_VERSION_MAJOR.
 *
 * The plugin generates object code itself (a target machine per opt level, see
 * llvm_backend.c) and gives ORC finished objects, so it needs no ThreadSafeContext at all:
 * that removes the one API change of 21+ from the hot path.
 *
 * Invariants: functions here never abort; failures come back as NULL/false plus a message.
 */
#ifndef ST_BACKENDS_LLVM_LLVM_SHIM_H
#define ST_BACKENDS_LLVM_LLVM_SHIM_H

#include <llvm-c/Core.h>
#include <llvm-c/TargetMachine.h>

#include <stdbool.h>
#include <stddef.h>

/* Initializes the native target, its asm printer and asm parser (idempotent; call before
 * anything else). */
bool st_llvm_shim_init_native(char *err, size_t errlen);

/* A target machine for the host CPU and features, small code model, codegen level from
 * opt_level (0 none, 1 less, 2+ default); fast_isel asks for FastISel where the API allows. */
LLVMTargetMachineRef st_llvm_shim_target_machine(int opt_level, bool fast_isel, char *err,
                                                 size_t errlen);

/* "19.1.7" */
const char *st_llvm_shim_version(void);
/* "LLVM 19.1.7" (StBackend.version) */
const char *st_llvm_shim_version_name(void);

#endif

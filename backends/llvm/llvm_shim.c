/* backends/llvm/llvm_shim.c: the LLVM-version differences (see llvm_shim.h). Built and run
 * against LLVM 19; the other branches follow notes/toolchain.md, where the probe built them on
 * 16 and 22. */
#include "backends/llvm/llvm_shim.h"

#include <llvm-c/Support.h>
#include <llvm-c/Target.h>
#include <llvm/Config/llvm-config.h> /* LLVM_VERSION_MAJOR, LLVM_VERSION_STRING: plain C */

#include <pthread.h>
#include <stdio.h>

/* Process-wide codegen options, set once before the first target machine exists.
 *
 * -optimize-regalloc: at CodeGenLevelNone, allocate registers with the optimizing path (live
 * intervals, coalescing, the greedy allocator) instead of the fast local allocator, which
 * spills every value that lives across a block boundary; every guard ends a block, so
 * speculative code at None was mostly stack traffic. Measured with llc-19 on the mid tier's
 * modules (callgrind instructions above an empty module; x86 instructions; stack references):
 *   richards run()   None 18M 1110/400   None+this 33M 801/26    O1 71M 833/112
 *   nbody advance()  None 49M 3427/1038  None+this 108M 2713/342 O1 188M 2062/317
 * so None with this option gives about O1's register allocation for less than half of O1's
 * codegen time (no machine scheduler, LICM, CSE or block placement). At O1 and above the
 * option is already the default, so it changes nothing for the llvm tier. */
static void set_codegen_options(void) {
  const char *argv[] = {"strata", "-optimize-regalloc"};
  LLVMParseCommandLineOptions((int)(sizeof argv / sizeof argv[0]), argv, NULL);
}

bool st_llvm_shim_init_native(char *err, size_t errlen) {
  if (LLVMInitializeNativeTarget() || LLVMInitializeNativeAsmPrinter() ||
      LLVMInitializeNativeAsmParser()) {
    snprintf(err, errlen, "LLVM has no native target for this host");
    return false;
  }
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, set_codegen_options);
  return true;
}

/* Level 0 is FastISel with the optimizing register allocator (set_codegen_options). */
static LLVMCodeGenOptLevel codegen_level(int opt_level) {
  if (opt_level <= 0) return LLVMCodeGenLevelNone;
  if (opt_level == 1) return LLVMCodeGenLevelLess;
  return LLVMCodeGenLevelDefault;
}

LLVMTargetMachineRef st_llvm_shim_target_machine(int opt_level, bool fast_isel, char *err,
                                                 size_t errlen) {
  char *triple = LLVMGetDefaultTargetTriple();
  LLVMTargetRef target;
  char *msg = NULL;
  if (LLVMGetTargetFromTriple(triple, &target, &msg)) {
    snprintf(err, errlen, "no target for %s: %s", triple, msg ? msg : "?");
    LLVMDisposeMessage(msg);
    LLVMDisposeMessage(triple);
    return NULL;
  }
  char *cpu = LLVMGetHostCPUName();
  char *features = LLVMGetHostCPUFeatures();
  /* The small code model keeps code in .text; the JIT default is the large model on x86-64
   * (toolchain.md, pitfall 4). Helpers are called through absolute addresses in registers,
   * so their distance from the code does not matter. Position-independent code: the static
   * model addresses .rodata (jump tables, FP constants) with 32-bit absolute fixups, which
   * JITLink cannot satisfy at the 0x7f... addresses it maps sections at; PIC uses
   * RIP-relative ones, which only need .text and .rodata within 2 GiB of each other. */
  LLVMTargetMachineRef tm = LLVMCreateTargetMachine(target, triple, cpu, features,
                                                    codegen_level(opt_level), LLVMRelocPIC,
                                                    LLVMCodeModelSmall);
  LLVMDisposeMessage(cpu);
  LLVMDisposeMessage(features);
  LLVMDisposeMessage(triple);
  if (!tm) {
    snprintf(err, errlen, "LLVMCreateTargetMachine failed");
    return NULL;
  }
#if LLVM_VERSION_MAJOR >= 18
  /* At CodeGenLevelNone x86 picks FastISel by itself; say it explicitly where we can. */
  if (fast_isel) LLVMSetTargetMachineFastISel(tm, 1);
#else
  (void)fast_isel;
#endif
  return tm;
}

const char *st_llvm_shim_version(void) { return LLVM_VERSION_STRING; }

const char *st_llvm_shim_version_name(void) { return "LLVM " LLVM_VERSION_STRING; }

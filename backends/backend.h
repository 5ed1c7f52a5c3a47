/* backends/backend.h: the interface between the tiers and a code generator (LLVM, libgccjit).
 *
 * A backend turns an StIrFunc into machine code with one entry point of type StCompiledEntry
 * (interp/interp.h): StValue entry(StVM *vm, StFrame *frame). Backends live in plugins
 * (shared modules) loaded with dlopen the first time their tier compiles, so a process that
 * never compiles never pays for loading LLVM. A plugin exports one symbol,
 * ST_BACKEND_PLUGIN_SYMBOL, returning its StBackend table.
 *
 * Compiled code reaches the engine only through the helper table (backends/helpers.h) passed
 * in StBackendHost: runtime functions are bound by address, never looked up by name (no
 * -rdynamic). Everything a backend needs to know about the engine's data layout is in the IR
 * (offsets are immediates) and in StBackendHost.
 *
 * Deopt exits: a guard that fails, or a helper call that returns ST_EXCEPTION, makes the code
 * store the snapshot's live values (boxed) into host->deopt_buffer(vm) in snapshot-entry order
 * and return the result of helpers[ST_HELPER_DEOPT](vm, frame, exit_id). The exit id is the
 * snapshot index. That is all a backend has to do for deoptimization: no stack maps.
 */
#ifndef ST_BACKENDS_BACKEND_H
#define ST_BACKENDS_BACKEND_H

#include "backends/ir.h"

/* The plugin and the host must agree on the IR's layout and op numbering, not only on this
 * interface's revision: a plugin built from an older tree next to a newer strata binary would
 * read the IR wrongly and crash. So the version folds in the IR's struct sizes and op count
 * (a stale plugin is then refused with "backend ABI mismatch"). Bump the revision (first term)
 * for changes the sizes do not show. */
#define ST_BACKEND_ABI_VERSION \
  ((uint32_t)(2u * 1000003u + (uint32_t)sizeof(StIrInsn) * 7919u + (uint32_t)sizeof(StIrBlock) * 104729u + \
              (uint32_t)sizeof(StIrFunc) * 15485863u + (uint32_t)ST_IR_OP_COUNT * 179424673u))
#define ST_BACKEND_PLUGIN_SYMBOL "st_backend_plugin"

typedef struct StBackendHost {
  uint32_t abi_version;
  void *const *helpers;             /* indexed by StIrHelper */
  const char *const *helper_sigs;   /* signature strings (helpers.h) */
  const char *const *helper_names;
  uint32_t nhelpers;
  /* Offsets and constants the generated code needs. */
  uint32_t vm_deopt_buffer_offset;  /* StValue * field in StVM */
  uint32_t vm_proto_epoch_offset;
  uint32_t frame_regs_offset;       /* bytes from StFrame * to register 0 */
  const char *temp_dir;             /* a Strata-owned directory for backends that need files */
  bool perf_map;                    /* write /tmp/perf-PID.map lines for compiled code */
  bool trace;                       /* verbose backend diagnostics on stderr */
} StBackendHost;

typedef struct StBackendOptions {
  int opt_level;          /* 0 (fast compile) .. 2 (optimizing) */
  bool fast_isel;         /* LLVM: FastISel / no optimization at codegen */
  const char *pipeline;   /* LLVM pass pipeline override, e.g. "default<O2>" */
  bool print_backend_ir;  /* dump the backend's IR (LLVM IR, gccjit dump) to stderr */
  bool print_code;        /* dump machine code / assembly */
} StBackendOptions;

typedef struct StBackendResult {
  void *entry;            /* StCompiledEntry */
  void *handle;           /* for release() */
  size_t code_size;
  uint64_t backend_ns;    /* time in the backend */
  char error[256];        /* when compile fails */
} StBackendResult;

typedef struct StBackend {
  const char *name;
  uint32_t abi_version;
  /* Creates the backend's state; NULL with err set when it cannot run here. */
  void *(*init)(const StBackendHost *host, char *err, size_t errlen);
  /* Compiles f (name used for symbols and the perf map). false with out->error set. */
  bool (*compile)(void *state, StIrFunc *f, const char *name, const StBackendOptions *opt,
                  StBackendResult *out);
  /* Frees one function's code (after invalidation). */
  void (*release)(void *state, void *handle);
  void (*shutdown)(void *state);
  /* Version string of the code generator (for env.json). */
  const char *(*version)(void *state);
} StBackend;

typedef const StBackend *(*StBackendPluginFn)(void);

#endif

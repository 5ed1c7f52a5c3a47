/* backends/gccjit/gccjit.h: what the libgccjit plugin offers beyond the StBackend table.
 *
 * Batching: every libgccjit compile pays a fixed 13-20 ms (one driver run: `as`, collect2,
 * `ld`), so compiling several functions in one context amortizes it. The plugin exports
 * ST_GCCJIT_BATCH_SYMBOL next to st_backend_plugin; a caller finds it with dlsym on the
 * plugin's handle. Semantics: as StBackend.compile for each fs[k] (named names[k]), all in
 * one context, one .so; either every out[k] succeeds or all fail with the same error. Each
 * out[k].handle must be released once with StBackend.release (the .so is unloaded with the
 * last one). out[k].backend_ns is the batch's time divided by n.
 */
#ifndef ST_BACKENDS_GCCJIT_GCCJIT_H
#define ST_BACKENDS_GCCJIT_GCCJIT_H

#include "backends/backend.h"

#define ST_GCCJIT_BATCH_SYMBOL "st_gccjit_backend_compile_batch"

typedef bool (*StGccjitCompileBatchFn)(void *state, StIrFunc **fs, const char *const *names,
                                       uint32_t n, const StBackendOptions *opt,
                                       StBackendResult *out);

#endif

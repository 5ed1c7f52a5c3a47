/* bench/gbench.h: a C API over Google Benchmark (implemented by bench/gbench_shim.cc, the only
 * C++ file in the project).
 *
 * A benchmark is a C function that takes a state handle and an opaque argument. It does its
 * setup, then loops while st_gbench_keep_running(state) is true, timing only the loop body:
 *
 *     static void bm_thing(StGbenchState *st, void *arg) {
 *       Thing *t = thing_new();                      // setup: not timed
 *       while (st_gbench_keep_running(st)) thing_step(t);
 *       st_gbench_set_items_processed(st, st_gbench_iterations(st));
 *       thing_free(t);
 *     }
 *     ... st_gbench_register("thing/step", bm_thing, NULL); ... st_gbench_main(argc, argv);
 *
 * Invariants the library imposes (and that the shim does not hide):
 *  - The function may be called several times per registration (Google Benchmark first runs a
 *    few iterations to size the measured run), so setup must be repeatable and must free what
 *    it made.
 *  - st_gbench_skip marks the run as failed with a message ("tier llvm not built"); once it is
 *    called, st_gbench_keep_running returns false and the function should return. Calling it
 *    before the loop is the way to skip a benchmark that cannot run here.
 *  - st_gbench_pause/st_gbench_resume bracket untimed work inside the loop; they cost about a
 *    microsecond each (two clock reads), so use them only around work much longer than that.
 *  - Registration must happen before st_gbench_main; names are copied.
 */
#ifndef ST_BENCH_GBENCH_H
#define ST_BENCH_GBENCH_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct StGbenchState StGbenchState; /* a benchmark::State, opaque to C */
typedef struct StGbench StGbench;           /* a registered benchmark::Benchmark */
typedef void (*StGbenchFn)(StGbenchState *st, void *arg);

typedef enum StGbenchUnit { ST_GBENCH_NS, ST_GBENCH_US, ST_GBENCH_MS } StGbenchUnit;

/* How a counter is reported (a subset of benchmark::Counter::Flags):
 *   PLAIN          the value as given
 *   RATE           value per second of measured time
 *   PER_ITERATION  value divided by the number of iterations
 *   INVERSE_RATE   measured seconds per unit of value: with value = work items per iteration
 *                  summed over iterations, this is "seconds per item" (shown in s, e.g. 2.1n) */
typedef enum StGbenchCounter {
  ST_GBENCH_PLAIN,
  ST_GBENCH_RATE,
  ST_GBENCH_PER_ITERATION,
  ST_GBENCH_INVERSE_RATE,
} StGbenchCounter;

/* --- registration --- */
StGbench *st_gbench_register(const char *name, StGbenchFn fn, void *arg);
/* Adds a run with argument v (st_gbench_range(st, 0) inside the function); several calls add
 * several runs, named "name/v". */
void st_gbench_arg(StGbench *b, int64_t v);
void st_gbench_unit(StGbench *b, StGbenchUnit unit);
/* Fixed iteration count instead of the library's time-based sizing (for expensive bodies). */
void st_gbench_iterations_fixed(StGbench *b, int64_t n);

/* --- inside a benchmark --- */
bool st_gbench_keep_running(StGbenchState *st);
int64_t st_gbench_range(StGbenchState *st, int index);
int64_t st_gbench_iterations(StGbenchState *st);
void st_gbench_pause(StGbenchState *st);
void st_gbench_resume(StGbenchState *st);
void st_gbench_set_items_processed(StGbenchState *st, int64_t items);
void st_gbench_counter(StGbenchState *st, const char *name, double value, StGbenchCounter kind);
void st_gbench_label(StGbenchState *st, const char *label);
void st_gbench_skip(StGbenchState *st, const char *message);
/* Keeps the compiler from deleting the computation that produced *p. */
void st_gbench_do_not_optimize(const void *p);

/* --- running --- */
/* Parses --benchmark_* options (removing them from argv), runs the benchmarks they select and
 * returns the exit status: 0 when at least one ran, 1 when none matched or an argument is
 * unknown. A skipped benchmark (st_gbench_skip) is reported in the output but is not a failure
 * of the run. */
int st_gbench_main(int argc, char **argv);

#ifdef __cplusplus
}
#endif

#endif

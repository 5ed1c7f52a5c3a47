/* bench/bench.h: the micro-benchmark groups of strata_bench (one file each) and what they share.
 *
 * Every group validates before it times (STYLE.md, the Wren model): it runs its workload once,
 * checks the result against a value computed in C, and skips with a message instead of timing
 * a wrong answer. A benchmark that cannot run in this build (an optimizing tier whose plugin
 * is missing) skips with "tier NAME not built: ...", which Google Benchmark prints as an
 * error row without failing the run.
 */
#ifndef ST_BENCH_BENCH_H
#define ST_BENCH_BENCH_H

/* Each registers its group's benchmarks with bench/gbench.h. */
void st_bench_dispatch_register(void); /* interp/dispatch: ns per bytecode */
void st_bench_ic_register(void);       /* ic/get/{mono,poly4,mega16}: ns per property get */
void st_bench_gc_register(void);       /* gc/...: allocation and collection */
void st_bench_tiers_register(void);    /* deopt/roundtrip/TIER, compile/TIER */

#endif

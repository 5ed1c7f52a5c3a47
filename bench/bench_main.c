/* bench/bench_main.c: strata_bench, the component micro-benchmarks (bench/README.md).
 *
 *   strata_bench [--benchmark_filter=REGEX] [--benchmark_min_time=SECONDS] [--benchmark_format=json] ...
 *
 * Every --benchmark_* option of Google Benchmark applies. Exit status 0 when at least one
 * benchmark ran (skipped ones count as run), 1 on an unknown option or when the filter matched
 * nothing.
 */
#include "bench/bench.h"
#include "bench/gbench.h"

int main(int argc, char **argv) {
  st_bench_dispatch_register();
  st_bench_ic_register();
  st_bench_gc_register();
  st_bench_tiers_register();
  return st_gbench_main(argc, argv);
}

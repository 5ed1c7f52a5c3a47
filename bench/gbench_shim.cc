// bench/gbench_shim.cc: the C API of bench/gbench.h over Google Benchmark. The only C++ file
// in the project; it holds no logic beyond translating handles, so the benchmarks themselves
// stay in C and link the engine's static libraries directly.
#include "bench/gbench.h"

#include <benchmark/benchmark.h>

namespace {

benchmark::State &S(StGbenchState *st) { return *reinterpret_cast<benchmark::State *>(st); }
benchmark::internal::Benchmark *B(StGbench *b) {
  return reinterpret_cast<benchmark::internal::Benchmark *>(b);
}

}  // namespace

extern "C" {

StGbench *st_gbench_register(const char *name, StGbenchFn fn, void *arg) {
  benchmark::internal::Benchmark *b = benchmark::RegisterBenchmark(
      name, [fn, arg](benchmark::State &st) { fn(reinterpret_cast<StGbenchState *>(&st), arg); });
  return reinterpret_cast<StGbench *>(b);
}

void st_gbench_arg(StGbench *b, int64_t v) { B(b)->Arg(v); }

void st_gbench_unit(StGbench *b, StGbenchUnit unit) {
  static const benchmark::TimeUnit units[] = {benchmark::kNanosecond, benchmark::kMicrosecond,
                                              benchmark::kMillisecond};
  B(b)->Unit(units[unit]);
}

void st_gbench_iterations_fixed(StGbench *b, int64_t n) { B(b)->Iterations(n); }

bool st_gbench_keep_running(StGbenchState *st) { return S(st).KeepRunning(); }
int64_t st_gbench_range(StGbenchState *st, int index) { return S(st).range(index); }
int64_t st_gbench_iterations(StGbenchState *st) { return (int64_t)S(st).iterations(); }
void st_gbench_pause(StGbenchState *st) { S(st).PauseTiming(); }
void st_gbench_resume(StGbenchState *st) { S(st).ResumeTiming(); }
void st_gbench_set_items_processed(StGbenchState *st, int64_t items) {
  S(st).SetItemsProcessed(items);
}

void st_gbench_counter(StGbenchState *st, const char *name, double value, StGbenchCounter kind) {
  static const benchmark::Counter::Flags flags[] = {
      benchmark::Counter::kDefaults,
      benchmark::Counter::kIsRate,
      benchmark::Counter::kAvgIterations,
      benchmark::Counter::Flags(benchmark::Counter::kIsRate | benchmark::Counter::kInvert),
  };
  S(st).counters[name] = benchmark::Counter(value, flags[kind]);
}

void st_gbench_label(StGbenchState *st, const char *label) { S(st).SetLabel(label); }
void st_gbench_skip(StGbenchState *st, const char *message) { S(st).SkipWithError(message); }

void st_gbench_do_not_optimize(const void *p) {
  benchmark::DoNotOptimize(p);
  benchmark::ClobberMemory();
}

int st_gbench_main(int argc, char **argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  size_t ran = benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return ran > 0 ? 0 : 1;
}

}  // extern "C"

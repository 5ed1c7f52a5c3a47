# Micro-benchmarks (bench/): smoke runs of strata_bench that test the build, the C wrapper over
# Google Benchmark and each benchmark's self-check, not the speed (a moment per benchmark).
# bench/check_smoke.py reads the JSON output; a tier that is not built must show up as a
# skip with "tier X not built", anything else that fails is a test failure.
if(TARGET strata_bench)
  set(_bench_check ${CMAKE_SOURCE_DIR}/bench/check_smoke.py)
  add_test(NAME bench/smoke-engine
           COMMAND ${Python3_EXECUTABLE} ${_bench_check} $<TARGET_FILE:strata_bench>
                   "^(interp/dispatch|ic/get/mono|ic/get/mega16|gc/alloc/|gc/collect_live/10000|compile/interp)"
                   interp/dispatch,ic/get/mono,ic/get/mega16,gc/alloc/10000,gc/collect_live/10000,compile/interp)
  add_test(NAME bench/smoke-tiers
           COMMAND ${Python3_EXECUTABLE} ${_bench_check} $<TARGET_FILE:strata_bench>
                   "^(compile/llvm|deopt/roundtrip/llvm|deopt/exit/llvm)"
                   compile/llvm,deopt/roundtrip/llvm,deopt/exit/llvm)
  set_tests_properties(bench/smoke-engine bench/smoke-tiers PROPERTIES TIMEOUT 300 LABELS bench)
endif()

# Experiments (experiments/): statistics, changepoint detection, config validation, the
# benchmark programs, and end-to-end sweeps through experiments/sweep with a fake engine
# (so neither node nor strata is needed; the node cases are skipped without node). Python
# unittest under Debian's python3 (numpy, scipy, matplotlib); every module or test class is
# its own ctest test so each stays well under a minute. Each prints "N passed, N failed".
set(_strata_exp_runner ${CMAKE_SOURCE_DIR}/experiments/tests/run_tests.py)
foreach(_case
    stats=test_stats
    compiles=test_compiles
    changepoint=test_changepoint
    config=test_config
    benchmarks=test_benchmarks
    e2e-tiny=test_sweep_e2e.TinySweepTest
    e2e-failures=test_sweep_e2e.FailureTest
    e2e-resume=test_sweep_e2e.ResumeTest
    e2e-slurm=test_sweep_e2e.SlurmBackendTest
    e2e-instructions=test_sweep_e2e.InstructionsTest
    e2e-skipped-engines=test_sweep_e2e.SkippedEngineTest)
  string(REPLACE "=" ";" _pair ${_case})
  list(GET _pair 0 _name)
  list(GET _pair 1 _what)
  add_test(NAME experiments/${_name} COMMAND ${Python3_EXECUTABLE} ${_strata_exp_runner} ${_what})
  set_tests_properties(experiments/${_name} PROPERTIES TIMEOUT 600 LABELS experiments)
endforeach()

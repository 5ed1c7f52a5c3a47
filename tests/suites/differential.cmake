# The differential matrix (tests/tools/differential.py; full matrix and commands in
# tests/README.md): tests/js and experiments/benchmarks under every tier configuration the
# binary has, each output equal to the interpreter's. CI runs the smaller `ci` matrix; tiers
# that are not built are listed and skipped, so this needs no change when a tier lands.
add_test(NAME js/differential
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/tools/differential.py
                 --strata $<TARGET_FILE:strata> --matrix ci -j 2)
set_tests_properties(js/differential PROPERTIES TIMEOUT 1200 LABELS differential)
# The fuzzer's own parts (generator determinism and coverage, shrinker, classifier), plus a
# few generated programs that must run identically in node and the interpreter.
add_test(NAME tools/difffuzz
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/difffuzz_test.py
                 --strata $<TARGET_FILE:strata> --programs 3)
set_tests_properties(tools/difffuzz PROPERTIES TIMEOUT 300 LABELS differential)

# Bad input that corpus files cannot express (tests/tools/bad_input.py; table in
# docs/bad-input.md): missing/binary/invalid-UTF-8 files, NUL bytes, generated 100,000-deep
# nesting, heap exhaustion, stack overflow in every tier the binary has, every CLI flag with a
# bad value. The corpus-file part lives in tests/js/bad_input/ and runs in js/interp.
add_test(NAME bad_input/cli
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/tools/bad_input.py
                 --strata $<TARGET_FILE:strata>)
set_tests_properties(bad_input/cli PROPERTIES TIMEOUT 900 LABELS bad-input)

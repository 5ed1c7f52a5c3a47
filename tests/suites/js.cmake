# The JavaScript corpus (tests/js, format in tests/js/README.md) run by tests/run_tests.py.
# js/interp runs it in the interpreter, the oracle. Tier configurations are added as their own
# tests, e.g. js/differential with --differential --config interp --config <tier>, so that a
# difference from the interpreter fails.
add_test(NAME js/interp
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/run_tests.py
                 --strata $<TARGET_FILE:strata> --config interp)
set_tests_properties(js/interp PROPERTIES TIMEOUT 1800)

# The syntax-error corpus (tests/syntax/*.js, each announcing its error on its first line) and
# generated bad input (100,000-deep nesting), by tests/syntax/run_syntax.py. node --check must
# reject every file too; the cross-check is skipped where node is not installed.
add_test(NAME syntax/errors
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/syntax/run_syntax.py
                 --strata $<TARGET_FILE:strata>)
set_tests_properties(syntax/errors PROPERTIES TIMEOUT 600 LABELS frontend)

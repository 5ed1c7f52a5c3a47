# Repository checks that run with the tests.
add_test(NAME check/include-rule COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/scripts/check_includes.py)

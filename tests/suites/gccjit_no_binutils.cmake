# Issue 6, bad input: a machine without `as`/`ld` (libgccjit runs them as subprocesses; a
# driver that cannot exec them ends the whole process in fatal_error). The gccjit tier must be
# disabled with one clear message and the program must still run and print the right result:
# once as the only compiled tier, once eagerly, once in a chain whose baseline still compiles.
# PATH names no directory with binutils; strata itself is started by absolute path.
if(STRATA_WITH_GCCJIT)
  set(_js ${CMAKE_SOURCE_DIR}/tests/js/jit/gccjit_no_binutils.js)
  foreach(_case "gccjit" "gccjit --eager" "interp,baseline@5,gccjit@20")
    string(REPLACE " " ";" _flags "--tiers=${_case}")
    string(REGEX REPLACE "[^a-z0-9]+" "_" _name "${_case}")
    add_test(NAME bad_input/gccjit_no_binutils_${_name}
             COMMAND /bin/sh -c
                     "out=$(/usr/bin/env PATH=/nonexistent-strata-bin \"$0\" \"$@\" 2>/tmp/st-nobin-$$.err); rc=$?; err=$(cat /tmp/st-nobin-$$.err); rm -f /tmp/st-nobin-$$.err; echo \"exit $rc\"; echo \"$out\"; echo \"$err\"; n=$(printf '%s\\n' \"$err\" | grep -c 'gccjit backend could not start: libgccjit needs .as. and .ld.'); [ \"$rc\" = 0 ] && [ \"$out\" = '10000000000' ] && [ \"$n\" = 1 ]"
                     $<TARGET_FILE:strata> ${_flags} ${_js})
    set_tests_properties(bad_input/gccjit_no_binutils_${_name} PROPERTIES TIMEOUT 120 LABELS bad-input)
  endforeach()
endif()

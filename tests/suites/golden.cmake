# Golden dumps (tests/golden/<kind>/*.js against *.<kind>), by tests/golden/run_golden.py.
# Refresh after an intended change: run_golden.py --strata build/strata --kind ast --update
add_test(NAME golden/ast
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/golden/run_golden.py
                 --strata $<TARGET_FILE:strata> --kind ast)
set_tests_properties(golden/ast PROPERTIES TIMEOUT 300 LABELS frontend)
add_test(NAME golden/bytecode
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/golden/run_golden.py
                 --strata $<TARGET_FILE:strata> --kind bytecode)
set_tests_properties(golden/bytecode PROPERTIES TIMEOUT 300 LABELS frontend)

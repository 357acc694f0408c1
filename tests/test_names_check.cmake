# Fails when a Catch2 test case name holds ';': ctest splits test names at ';', so such a
# test would be registered as fragments that match no test case and never run.
# Usage: cmake -DTEST_EXECUTABLE=path/to/diverge_tests -P test_names_check.cmake
execute_process(COMMAND "${TEST_EXECUTABLE}" --list-test-names-only
  OUTPUT_VARIABLE names RESULT_VARIABLE rc)
if(rc LESS 1)
  message(FATAL_ERROR "listing the test names failed (exit ${rc})")
endif()
string(REPLACE "\n" "|" lines "${names}")
string(REPLACE ";" "<SEMICOLON>" lines "${lines}")
string(REPLACE "|" ";" lines "${lines}")
set(bad 0)
foreach(line IN LISTS lines)
  if(line MATCHES "<SEMICOLON>")
    string(REPLACE "<SEMICOLON>" ";" shown "${line}")
    message(SEND_ERROR "test name holds ';' (ctest would never run it): ${shown}")
    set(bad 1)
  endif()
endforeach()
if(bad)
  message(FATAL_ERROR "rename the test cases above")
endif()
list(LENGTH lines n)
message(STATUS "${n} test names checked")

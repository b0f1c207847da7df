# ctest driver (tests/fuzz/CMakeLists.txt): runs FUZZER once over every file of CORPUS (the seed
# corpus) and REGRESSIONS (inputs that once failed). A libFuzzer binary and a replay program both
# run file arguments once each; the files are listed here so libFuzzer never starts fuzzing.
file(GLOB_RECURSE inputs LIST_DIRECTORIES false "${CORPUS}/*" "${REGRESSIONS}/*")
if(NOT inputs)
  message(FATAL_ERROR "no seed inputs under ${CORPUS}")
endif()
list(SORT inputs)
execute_process(COMMAND "${FUZZER}" ${inputs} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${FUZZER} failed on an input above (${status})")
endif()

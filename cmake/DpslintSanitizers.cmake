# Sanitized and fuzzing builds (scripts/sanitize.sh, scripts/fuzz.sh). The flags apply to every
# target, so the library that the tests and fuzz targets exercise is instrumented as well.
set(DPSLINT_SANITIZE "" CACHE STRING "Sanitizers for every target, e.g. address,undefined")
option(DPSLINT_FUZZ "Build tests/fuzz/ as libFuzzer binaries (clang); else as replay programs" OFF)

if(DPSLINT_SANITIZE)
  # Any report fails the run: UBSan would otherwise print and carry on.
  add_compile_options(-fsanitize=${DPSLINT_SANITIZE} -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${DPSLINT_SANITIZE})
endif()

if(DPSLINT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "DPSLINT_FUZZ=ON needs clang (libFuzzer): configure with "
                        "-DCMAKE_CXX_COMPILER=clang++")
  endif()
  # Coverage feedback from all code; only the fuzz executables link libFuzzer's main.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# Every dpslint target compiles warning-clean; a new warning fails the build.
add_library(dpslint_warnings INTERFACE)
target_compile_options(dpslint_warnings INTERFACE -Wall -Wextra -Werror -Wpedantic -Wshadow
                                                  -Wnon-virtual-dtor -Wold-style-cast)
# g++ 12 at -O2 reports false -Warray-bounds and -Wstringop-overflow in inlined std::string
# copies (GCC bug 105329).
# Which translation unit trips it depends on what a unity batch inlines, so a target that sets
# DPSLINT_NO_ARRAY_BOUNDS (the tests) turns both off; they must come after -Wall to stick.
target_compile_options(dpslint_warnings INTERFACE
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<BOOL:$<TARGET_PROPERTY:DPSLINT_NO_ARRAY_BOUNDS>>>:-Wno-array-bounds;-Wno-stringop-overflow>)

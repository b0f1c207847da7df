# Every dpslint target compiles warning-clean; a new warning fails the build.
add_library(dpslint_warnings INTERFACE)
target_compile_options(dpslint_warnings INTERFACE -Wall -Wextra -Werror -Wpedantic -Wshadow
                                                  -Wnon-virtual-dtor -Wold-style-cast)

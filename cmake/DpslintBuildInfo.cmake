# What `dpslint --version` and library users can ask about the build: the project version
# (dpslint/version.hpp, generated at configure time) and the git commit (lint/build_commit.cpp,
# refreshed on every build but rewritten only when the commit changes, so an unchanged tree
# recompiles nothing).

# A source tree without git (a release tarball) may state the commit itself.
set(DPSLINT_GIT_COMMIT "" CACHE STRING "Commit reported by --version when the source is not a git checkout")

configure_file("${PROJECT_SOURCE_DIR}/cmake/version.hpp.in"
               "${PROJECT_BINARY_DIR}/generated/include/dpslint/version.hpp" @ONLY)

set(DPSLINT_BUILD_COMMIT_SOURCE "${PROJECT_BINARY_DIR}/generated/build_commit.cpp")
find_package(Git QUIET)
add_custom_target(dpslint_build_commit
  COMMAND "${CMAKE_COMMAND}" "-DGIT=${GIT_EXECUTABLE}" "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}"
          "-DFALLBACK=${DPSLINT_GIT_COMMIT}" "-DOUTPUT=${DPSLINT_BUILD_COMMIT_SOURCE}"
          -P "${PROJECT_SOURCE_DIR}/cmake/write-build-commit.cmake"
  BYPRODUCTS "${DPSLINT_BUILD_COMMIT_SOURCE}"
  COMMENT "" VERBATIM)

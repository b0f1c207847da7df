# How the two installed libraries (dpslint_core, dpslint_rules) are built. Static by default;
# -DBUILD_SHARED_LIBS=ON makes them shared libraries with a SONAME that exports only the public
# API: every declaration of the installed headers (dpslint/export.hpp), nothing from lib/src or
# the rule implementations.
option(BUILD_SHARED_LIBS "Build libdpslint_core and libdpslint_rules as shared libraries" OFF)

# An 0.x release may break the ABI with every minor version, so the SONAME carries the minor
# version until 1.0 (libdpslint_core.so.0.2); from 1.0 on, the major version alone.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(DPSLINT_SOVERSION "0.${PROJECT_VERSION_MINOR}")
else()
  set(DPSLINT_SOVERSION "${PROJECT_VERSION_MAJOR}")
endif()

# `export_name` is the target's name in the installed CMake package (dpslint::core, dpslint::rules).
function(dpslint_library_properties target export_name)
  target_compile_features(${target} PUBLIC cxx_std_20)
  set_target_properties(${target} PROPERTIES
    EXPORT_NAME ${export_name}
    CXX_VISIBILITY_PRESET hidden
    # Inline functions of the headers the library uses (Botan's among them) stay out of its ABI.
    VISIBILITY_INLINES_HIDDEN ON
    VERSION "${PROJECT_VERSION}"
    SOVERSION "${DPSLINT_SOVERSION}")
endfunction()

# `cmake --install`: the dpslint tool (component "runtime": executable, shared libraries, man page,
# completions, README and rules reference) and the library for other programs (component "dev":
# headers, static libraries, CMake package, pkg-config file, example). Every path is a
# GNUInstallDirs one, relative to the prefix, so `cmake --install build --prefix P` and the Debian
# package (cmake/DpslintPackage.cmake) put the same tree under different prefixes.
include(CMakePackageConfigHelpers)

set(DPSLINT_CMAKE_PACKAGE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/dpslint")
get_target_property(DPSLINT_LIBRARY_TYPE dpslint_core TYPE)

# dpslint::dpslint: the core and the rule catalogue, what a program that lints needs.
add_library(dpslint_library INTERFACE)
add_library(dpslint::dpslint ALIAS dpslint_library)
target_link_libraries(dpslint_library INTERFACE dpslint_core dpslint_rules)
set_target_properties(dpslint_library PROPERTIES EXPORT_NAME dpslint)

if(DPSLINT_LIBRARY_TYPE STREQUAL "SHARED_LIBRARY")
  # Found next to the executable under any prefix, without LD_LIBRARY_PATH.
  set_target_properties(dpslint PROPERTIES INSTALL_RPATH "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}")
endif()

install(TARGETS dpslint RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT runtime)
install(TARGETS dpslint_core dpslint_rules dpslint_library
  EXPORT dpslintTargets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT dev
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT runtime NAMELINK_COMPONENT dev
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/lib/include/dpslint"
                  "${PROJECT_SOURCE_DIR}/rules/include/dpslint_rules"
                  "${PROJECT_BINARY_DIR}/generated/include/dpslint"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT dev
  FILES_MATCHING PATTERN "*.hpp")

install(EXPORT dpslintTargets NAMESPACE dpslint::
  DESTINATION "${DPSLINT_CMAKE_PACKAGE_DIR}" COMPONENT dev)
if(DPSLINT_LIBRARY_TYPE STREQUAL "STATIC_LIBRARY")
  set(DPSLINT_STATIC_LIBRARIES ON)
else()
  set(DPSLINT_STATIC_LIBRARIES OFF)
endif()
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/dpslintConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/generated/dpslintConfig.cmake"
  INSTALL_DESTINATION "${DPSLINT_CMAKE_PACKAGE_DIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/generated/dpslintConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/generated/dpslintConfig.cmake"
              "${PROJECT_BINARY_DIR}/generated/dpslintConfigVersion.cmake"
  DESTINATION "${DPSLINT_CMAKE_PACKAGE_DIR}" COMPONENT dev)

# dpslint.pc names its prefix, which is only known at install time (--prefix, the package's
# /usr): the template is configured now and its prefix filled in by the install step.
if(DPSLINT_STATIC_LIBRARIES)
  # `pkg-config --libs dpslint` must be enough to link the static libraries.
  set(DPSLINT_PC_REQUIRES "nlohmann_json >= 3.10, libcrypto >= 3.0, botan-2, re2")
  set(DPSLINT_PC_LIBS " -pthread")
  set(DPSLINT_PC_PRIVATE "")
else()
  set(DPSLINT_PC_REQUIRES "nlohmann_json >= 3.10")
  set(DPSLINT_PC_LIBS "")
  set(DPSLINT_PC_PRIVATE "Requires.private: libcrypto >= 3.0, botan-2, re2\nLibs.private: -pthread\n")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(DPSLINT_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  set(DPSLINT_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(DPSLINT_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(DPSLINT_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/dpslint.pc.in"
               "${PROJECT_BINARY_DIR}/generated/dpslint.pc.in" @ONLY)
install(CODE "
  file(READ \"${PROJECT_BINARY_DIR}/generated/dpslint.pc.in\" pc)
  string(REPLACE \"%PREFIX%\" \"\${CMAKE_INSTALL_PREFIX}\" pc \"\${pc}\")
  file(WRITE \"${PROJECT_BINARY_DIR}/generated/install/dpslint.pc\" \"\${pc}\")"
  COMPONENT dev)
install(FILES "${PROJECT_BINARY_DIR}/generated/install/dpslint.pc"
  DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig" COMPONENT dev)

install(FILES "${DPSLINT_MAN_PAGE}.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1" COMPONENT runtime)
install(FILES "${DPSLINT_BASH_COMPLETION}"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions" COMPONENT runtime)
# Debian's zsh looks here for packaged completions (upstream zsh: site-functions).
set(DPSLINT_ZSH_COMPLETION_DIR "${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions"
    CACHE STRING "Where the zsh completion is installed, relative to the prefix")
install(FILES "${DPSLINT_ZSH_COMPLETION}" DESTINATION "${DPSLINT_ZSH_COMPLETION_DIR}"
  COMPONENT runtime)

# The README links docs/…, so the documents keep that layout under share/doc/dpslint.
install(FILES "${PROJECT_SOURCE_DIR}/README.md" DESTINATION "${CMAKE_INSTALL_DOCDIR}"
  COMPONENT runtime)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/" DESTINATION "${CMAKE_INSTALL_DOCDIR}/docs"
  COMPONENT runtime)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/examples/" DESTINATION "${CMAKE_INSTALL_DOCDIR}/examples"
  COMPONENT dev PATTERN "build*" EXCLUDE)

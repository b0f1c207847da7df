# `cpack -G DEB` in the build directory: dpslint_<version>_amd64.deb (component "runtime": the
# tool, its man page, completions and documentation) and libdpslint-dev_<version>_amd64.deb
# (component "dev": headers, libraries, CMake package, dpslint.pc, the example). CPack installs
# from this build tree; nothing is rebuilt. scripts/test-package.sh installs, exercises and
# removes them.
set(CPACK_PACKAGE_NAME dpslint)
set(CPACK_PACKAGE_VENDOR "dpslint developers")
set(CPACK_PACKAGE_CONTACT "dpslint developers <dev@dpslint.invalid>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)

set(CPACK_DEB_COMPONENT_INSTALL ON)
# Each package's description: its first line is the Debian synopsis (CPACK_PACKAGE_DESCRIPTION_SUMMARY
# is left unset, or CPack would put that one line above both).
set(CPACK_COMPONENTS_ALL runtime dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Depends: from the ELF files (dpkg-shlibdeps, package dpkg-dev): libc6, libssl3, libbotan-2-19,
# libstdc++6, libgcc-s1.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME dpslint)
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
    "offline checks of X.509 device certificates and Azure IoT Hub DPS enrollments
dpslint checks device-certificate chains (RFC 5280 path validation with OpenSSL 3 or Botan 2)
and Azure IoT Hub Device Provisioning Service enrollment exports offline: what DPS would decide
for each device, documented lint rules for exported enrollments, and validation of factory
batches of millions of certificates.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libdpslint-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_COMPONENT_DEV_DESCRIPTION
    "C++20 library of dpslint: X.509 chains and Azure IoT Hub DPS decisions
The dpslint library behind the dpslint tool: certificate parsing, chain building and RFC 5280
path validation, the DPS snapshot model and provisioning decision, the lint engine and rule
catalogue. Headers, libraries, a CMake package (find_package(dpslint)) and dpslint.pc.")
# The headers include nlohmann/json; static libraries link OpenSSL and Botan into the program.
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "nlohmann-json3-dev (>= 3.10)")
if(DPSLINT_STATIC_LIBRARIES)
  string(APPEND CPACK_DEBIAN_DEV_PACKAGE_DEPENDS ", libssl-dev (>= 3.0), libbotan-2-dev, libre2-dev")
else()
  set(CPACK_COMPONENT_DEV_DEPENDS runtime)  # the shared libraries are in dpslint
endif()

include(CPack)

# All dependencies come from Debian 12 packages (scripts/setup.sh installs them); nothing is
# downloaded at build time.
find_package(OpenSSL 3.0 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 2.1 REQUIRED)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(BOTAN2 REQUIRED IMPORTED_TARGET botan-2)
# RE2 (libre2-dev): linear-time matching of user patterns against certificate fields.
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)

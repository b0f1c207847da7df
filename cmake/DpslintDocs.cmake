# dpslint(1) and the bash and zsh completions, generated at build time by dpslint-docgen from the
# CLI::App `dpslint` parses its command line with, the rule registry and the validator's checks.
# Not help2man: it reads only the top-level --help text, so every command's options, the rule ids
# the completions offer and the exit statuses would have to be scraped or written by hand; walking
# the App the parser uses documents a new option or rule with no further step, and needs no extra
# package. tests/cli/docs_cli_test.cpp cross-checks the output against the built binary's --help.
file(GLOB DPSLINT_DOCGEN_SOURCES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/lint/docgen/*.cpp")
add_executable(dpslint-docgen ${DPSLINT_DOCGEN_SOURCES})
target_link_libraries(dpslint-docgen PRIVATE dpslint_cli dpslint_warnings)
# A build tool run once per build: optimising its own two files cost more (31 s of a release
# build's CPU) than it could ever save. The CLI code it links stays as built.
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(dpslint-docgen PRIVATE -O0)
endif()

find_program(DPSLINT_GZIP gzip REQUIRED)
set(DPSLINT_GENERATED_DOCS "${PROJECT_BINARY_DIR}/generated/docs")
set(DPSLINT_MAN_PAGE "${DPSLINT_GENERATED_DOCS}/dpslint.1")
set(DPSLINT_BASH_COMPLETION "${DPSLINT_GENERATED_DOCS}/bash-completion/dpslint")
set(DPSLINT_ZSH_COMPLETION "${DPSLINT_GENERATED_DOCS}/zsh/_dpslint")

add_custom_command(
  OUTPUT "${DPSLINT_MAN_PAGE}" "${DPSLINT_MAN_PAGE}.gz"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${DPSLINT_GENERATED_DOCS}"
  COMMAND dpslint-docgen man "${CMAKE_INSTALL_DOCDIR}" "${DPSLINT_MAN_PAGE}"
  # Installed compressed, as Debian policy wants man pages; -n: no name or time in the header.
  COMMAND "${DPSLINT_GZIP}" -9nkf "${DPSLINT_MAN_PAGE}"
  DEPENDS dpslint-docgen
  COMMENT "Generating dpslint.1" VERBATIM)
add_custom_command(
  OUTPUT "${DPSLINT_BASH_COMPLETION}" "${DPSLINT_ZSH_COMPLETION}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${DPSLINT_GENERATED_DOCS}/bash-completion"
          "${DPSLINT_GENERATED_DOCS}/zsh"
  COMMAND dpslint-docgen bash "${DPSLINT_BASH_COMPLETION}"
  COMMAND dpslint-docgen zsh "${DPSLINT_ZSH_COMPLETION}"
  DEPENDS dpslint-docgen
  COMMENT "Generating bash and zsh completions for dpslint" VERBATIM)
add_custom_target(dpslint_docs ALL
  DEPENDS "${DPSLINT_MAN_PAGE}.gz" "${DPSLINT_BASH_COMPLETION}" "${DPSLINT_ZSH_COMPLETION}")

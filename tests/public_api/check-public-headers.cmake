cmake_minimum_required(VERSION 3.25)
# cmake -P: every public header in HEADERS (absolute paths) declares its API between
# DPSLINT_API_BEGIN and DPSLINT_API_END, so a shared libdpslint exports it, and names nothing of
# OpenSSL or Botan: no include, no type, no forward declaration.
set(problems "")
foreach(path IN LISTS HEADERS)
  get_filename_component(name "${path}" NAME)
  file(READ "${path}" text)
  if(NOT name STREQUAL "export.hpp" AND NOT text MATCHES "DPSLINT_API_BEGIN")
    string(APPEND problems "${path}: declares nothing between DPSLINT_API_BEGIN and "
                           "DPSLINT_API_END (dpslint/export.hpp)\n")
  endif()
  # Comments may name them ("an OpenSSL X509*"); code may not.
  string(REGEX REPLACE "//[^\n]*" "" code "${text}")
  if(code MATCHES "(openssl/|botan/|Botan::|X509 *\\*|X509_[A-Za-z]|EVP_[A-Z]|ASN1_[A-Z]|BIO_|OSSL_|SSL_CTX|[a-z0-9]+_st\\b)")
    string(APPEND problems "${path}: names OpenSSL or Botan ('${CMAKE_MATCH_1}')\n")
  endif()
endforeach()
list(LENGTH HEADERS count)
if(count LESS 20)
  string(APPEND problems "only ${count} public headers found\n")
endif()
if(problems)
  message(FATAL_ERROR "${problems}")
endif()
message(STATUS "${count} public headers: API declared for export, nothing of OpenSSL or Botan")

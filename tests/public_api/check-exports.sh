#!/usr/bin/env bash
# The libraries export their public API and nothing else: of the symbols that LIB (a static
# archive, whose symbols a shared library built from the same objects would export, or a shared
# library) defines with default visibility, none belongs to dpslint's internals (the crypto
# backends, detail namespaces, anonymous namespaces, the rule implementations) or is OpenSSL's or
# Botan's own; and the public API is there. Template instantiations of the standard library and
# nlohmann::json are vague-linkage copies every user of them carries and are not counted.
#
#   check-exports.sh core|rules LIB
set -euo pipefail
kind="$1"
lib="$2"

if [[ $lib == *.a ]]; then
  table=(readelf -sW -C "$lib")
else
  table=(readelf --dyn-syms -W -C "$lib")
fi
# Defined GLOBAL or WEAK symbols of DEFAULT visibility, demangled.
mapfile -t exported < <("${table[@]}" 2>/dev/null | awk '
  ($5 == "GLOBAL" || $5 == "WEAK") && $6 == "DEFAULT" && $7 != "UND" && $1 ~ /:$/ {
    name = ""; for (i = 8; i <= NF; i++) name = name (i > 8 ? " " : "") $i; print name
  }' | sort -u)
[ "${#exported[@]}" -gt 0 ] || { echo "$lib: exports nothing" >&2; exit 1; }

ours=()
for symbol in "${exported[@]}"; do
  # Strip what says what kind of symbol it is, keep the entity it belongs to.
  entity="${symbol#typeinfo name for }"
  entity="${entity#typeinfo for }"
  entity="${entity#vtable for }"
  entity="${entity#guard variable for }"
  entity="${entity#VTT for }"
  case "$entity" in
  std::* | __gnu_cxx::* | nlohmann::* | "void std::"* | "bool std::"*) continue ;;
  esac
  ours+=("$entity")
done

bad=()
for entity in "${ours[@]}"; do
  # Anything not dpslint's (Botan's inline functions, OpenSSL, globals) or in its internals.
  if [[ ! $entity =~ ^dpslint:: ]] ||
     [[ $entity =~ dpslint::(openssl|botan|detail|snapshot_detail):: ]] ||
     [[ $entity == *"(anonymous namespace)"* ]]; then
    bad+=("$entity")
  elif [ "$kind" = rules ] && [[ $entity =~ ^dpslint::rules:: ]] &&
       [[ ! $entity =~ ^dpslint::rules::(registry|find_rule)\( ]]; then
    bad+=("$entity")
  fi
done
if [ "${#bad[@]}" -gt 0 ]; then
  echo "$lib exports what is not public API:" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi

if [ "$kind" = core ]; then
  expected=('dpslint::Verifier::verify(' 'dpslint::load_snapshot(' 'dpslint::AttestationSimulator::decide('
            'dpslint::read_certificate_file(' 'dpslint::make_backend(' 'typeinfo for dpslint::InputError')
else
  expected=('dpslint::rules::registry()' 'dpslint::rules::find_rule(')
fi
all="$(printf '%s\n' "${exported[@]}")"
for api in "${expected[@]}"; do
  grep -qF "$api" <<<"$all" || {
    echo "$lib does not export $api" >&2
    exit 1
  }
done
echo "$lib: ${#ours[@]} dpslint symbols exported, all public API"

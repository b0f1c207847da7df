#!/usr/bin/env bash
# Prints, one per line and relative to the prefix, every file `cmake --install` of the build
# directory BUILD must put in place (and the Debian packages must hold), LIBDIR being the
# prefix-relative library directory. Used by scripts/test-install.sh and scripts/test-package.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$1"
libdir="$2"

echo bin/dpslint
if grep -q '^BUILD_SHARED_LIBS:BOOL=ON$' "$build/CMakeCache.txt"; then
  version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")"
  for lib in dpslint_core dpslint_rules; do
    echo "$libdir/lib$lib.so"
    echo "$libdir/lib$lib.so.$version"
  done
else
  echo "$libdir/libdpslint_core.a"
  echo "$libdir/libdpslint_rules.a"
fi
(cd "$root/lib/include" && find dpslint -name '*.hpp' | sed 's|^|include/|')
(cd "$root/rules/include" && find dpslint_rules -name '*.hpp' | sed 's|^|include/|')
echo include/dpslint/version.hpp
for file in dpslintConfig.cmake dpslintConfigVersion.cmake dpslintTargets.cmake; do
  echo "$libdir/cmake/dpslint/$file"
done
echo "$libdir/pkgconfig/dpslint.pc"
echo share/man/man1/dpslint.1.gz
echo share/bash-completion/completions/dpslint
echo share/zsh/vendor-completions/_dpslint
echo share/doc/dpslint/README.md
echo share/doc/dpslint/docs/rules.md
echo share/doc/dpslint/examples/CMakeLists.txt
echo share/doc/dpslint/examples/check_device.cpp

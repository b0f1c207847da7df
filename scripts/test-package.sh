#!/usr/bin/env bash
# The Debian packages, from the already built tree: `cpack -G DEB` makes dpslint_<version>_amd64.deb
# and libdpslint-dev_<version>_amd64.deb; they are installed into this machine with apt-get,
# `dpslint --version`, `man dpslint` and the demo run through the installed /usr/bin/dpslint (the
# demo's output must equal the build tree's), `dpkg -L` must list every file
# scripts/installed-files.sh names, and the installed CMake package and dpslint.pc must resolve.
# Then both are purged and the machine is checked to be as it was: the same packages at the same
# versions and states, no file of the packages left. Needs root (or sudo).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${DPSLINT_BUILD_DIR:-$root/build}"
start=$SECONDS

step() { echo "test-package: $*"; }
fail() {
  echo "test-package: FAILED: $*" >&2
  exit 1
}

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || fail "needs root (or sudo) to install the package"
  as_root=(sudo)
fi
apt_get=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -y -qq)
packages=(dpslint libdpslint-dev)

for package in "${packages[@]}"; do
  if dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null | grep -qv '^not-installed$'; then
    fail "$package is already installed; not touching an existing installation"
  fi
done
[ ! -e /usr/bin/dpslint ] || fail "/usr/bin/dpslint exists; not touching an existing installation"

# Minimal Debian images tell dpkg to leave out man pages and documentation (path-exclude in
# /etc/dpkg/dpkg.cfg.d); such files cannot be on disk, whatever the package holds.
excluded_by_dpkg() {
  local excluded=1 config key pattern
  for config in /etc/dpkg/dpkg.cfg /etc/dpkg/dpkg.cfg.d/*; do
    [ -f "$config" ] || continue
    while read -r key pattern; do
      # shellcheck disable=SC2053  # the pattern is a glob on purpose
      case "$key" in
      path-exclude) [[ $1 == $pattern ]] && excluded=0 ;;
      path-include) [[ $1 == $pattern ]] && excluded=1 ;;
      esac
    done < <(sed 's/^\(path-[a-z]*\)=/\1 /' "$config")
  done
  return "$excluded"
}

work="$(mktemp -d "${TMPDIR:-/tmp}/dpslint-package.XXXXXX")"
chmod 755 "$work"  # apt's unprivileged downloader reads the .deb files from here
snapshot() { dpkg-query -W -f='${Package}:${Architecture} ${Version} ${db:Status-Abbrev}\n' | sort; }
snapshot >"$work/before.txt"
cleanup() {
  "${apt_get[@]}" purge "${packages[@]}" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# From the build tree: CPack installs what is built (nothing is compiled) into its staging dir.
(cd "$build" && cpack -G DEB >"$work/cpack.log" 2>&1) || fail "cpack: $(cat "$work/cpack.log")"
version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")"
arch="$(dpkg --print-architecture)"
deb="$build/packages/dpslint_${version}_${arch}.deb"
dev="$build/packages/libdpslint-dev_${version}_${arch}.deb"
for file in "$deb" "$dev"; do
  [ -f "$file" ] || fail "cpack made no $(basename "$file"): $(ls "$build/packages")"
  cp "$file" "$work/"
done
step "built $(basename "$deb") and $(basename "$dev")"

# Depends computed by dpkg-shlibdeps from the binary, and a description.
depends="$(dpkg-deb -f "$deb" Depends)"
for library in libc6 libssl3 'libbotan-2-[0-9]' 'libstdc\+\+6'; do
  grep -Eq "(^|, )$library" <<<"$depends" || fail "Depends lacks $library: $depends"
done
[ -n "$(dpkg-deb -f "$deb" Description | sed -n 2p)" ] || fail "no long description"
step "Depends: $depends"

"${apt_get[@]}" install --no-install-recommends "$work/$(basename "$deb")" \
    "$work/$(basename "$dev")" >"$work/apt.log" 2>&1 || fail "apt-get install: $(cat "$work/apt.log")"
step "installed with apt-get"

[ "$(command -v dpslint)" = /usr/bin/dpslint ] || fail "dpslint is not /usr/bin/dpslint"
/usr/bin/dpslint --version >"$work/version.txt"
grep -q "^dpslint $version\$" "$work/version.txt" || fail "--version: $(cat "$work/version.txt")"
step "$(tr '\n' ' ' <"$work/version.txt")"

if excluded_by_dpkg /usr/share/man/man1/dpslint.1.gz; then
  step "dpkg is configured to leave out man pages: not running man dpslint"
else
  MANPAGER=cat PAGER=cat MANWIDTH=100 man dpslint >"$work/man.txt" 2>"$work/man.err" ||
    fail "man dpslint: $(cat "$work/man.err")"
  grep -q "EXIT STATUS" "$work/man.txt" || fail "man dpslint shows no EXIT STATUS section"
fi

DPSLINT=/usr/bin/dpslint "$root/scripts/demo.sh" >"$work/demo-installed.txt" 2>&1 ||
  fail "demo with the installed dpslint: $(cat "$work/demo-installed.txt")"
DPSLINT="$build/lint/dpslint" "$root/scripts/demo.sh" >"$work/demo-built.txt" 2>&1 ||
  fail "demo with the built dpslint: $(cat "$work/demo-built.txt")"
diff -u "$work/demo-built.txt" "$work/demo-installed.txt" >&2 ||
  fail "the installed dpslint's demo output differs from the build tree's"
grep -q "PROVISIONED" "$work/demo-installed.txt" || fail "the demo provisioned nothing"
step "demo through /usr/bin/dpslint: same output as the build tree's"

libdir="$(dirname "$(dpkg -L libdpslint-dev | grep '/pkgconfig/dpslint.pc$')")"
libdir="${libdir%/pkgconfig}"
dpkg -L "${packages[@]}" | sort -u >"$work/listed.txt"
"$root/scripts/installed-files.sh" "$build" "${libdir#/usr/}" >"$work/expected.txt"
missing=0
while read -r file; do
  if excluded_by_dpkg "/usr/$file"; then
    continue  # dpkg drops it on install and may or may not list it
  fi
  if ! grep -qxF "/usr/$file" "$work/listed.txt" || [ ! -e "/usr/$file" ]; then
    echo "test-package: not in the packages: /usr/$file" >&2
    missing=1
  fi
done <"$work/expected.txt"
# Whatever dpkg leaves out must still be in the packages themselves.
dpkg-deb -c "$deb" | awk '{print substr($6, 2)}' >"$work/contents.txt"
dpkg-deb -c "$dev" | awk '{print substr($6, 2)}' >>"$work/contents.txt"
while read -r file; do
  grep -qxF "/usr/$file" "$work/contents.txt" || {
    echo "test-package: not in the .deb files: /usr/$file" >&2
    missing=1
  }
done <"$work/expected.txt"
[ "$missing" -eq 0 ] || fail "dpkg -L lacks files"
step "dpkg -L lists all $(wc -l <"$work/expected.txt") expected files, each in place"

# The development package resolves as installed: pkg-config and the CMake package (configure only).
[ "$(pkg-config --variable=prefix dpslint)" = /usr ] || fail "dpslint.pc prefix is not /usr"
pkg-config --exact-version="$version" dpslint || fail "pkg-config dpslint $version"
cmake -S "$root/examples" -B "$work/example" >"$work/example.log" 2>&1 ||
  fail "find_package(dpslint) against /usr: $(cat "$work/example.log")"
grep -q "^dpslint_DIR:PATH=$libdir/cmake/dpslint\$" "$work/example/CMakeCache.txt" ||
  fail "find_package(dpslint) did not use the package's $libdir/cmake/dpslint"
step "pkg-config and find_package(dpslint) resolve under /usr"

"${apt_get[@]}" purge "${packages[@]}" >"$work/apt.log" 2>&1 || fail "apt-get purge: $(cat "$work/apt.log")"
snapshot >"$work/after.txt"
diff -u "$work/before.txt" "$work/after.txt" >&2 || fail "the installed packages differ from before"
left=0
while read -r path; do
  if [ -f "$path" ] || [ -L "$path" ]; then
    echo "test-package: left behind: $path" >&2
    left=1
  fi
done <"$work/listed.txt"
if [ "$left" -ne 0 ] || [ -e /usr/bin/dpslint ]; then
  fail "files of the packages are left"
fi
step "purged; the machine's packages are as before; done in $((SECONDS - start)) s"

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The Debian packages as a distribution would take them: `cpack -G DEB` from the build into a
# temporary folder, then their names, control fields, contents, manual pages, changelog and
# copyright, that the CLI package needs no Qt, and lintian (errors and warnings of its default
# profile) when it is installed.
# Usage: test_packages.sh BUILD_DIR CPACK SPARSENAS GUI(ON|OFF)
# Exit 77 (skipped) where the packages cannot be made (no dpkg-deb or dpkg-shlibdeps).
set -uo pipefail
build=$1
cpack=$2
sparsenas=$3
gui=$4

for tool in dpkg-deb dpkg-shlibdeps file; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is not installed: no Debian packages to check"
        exit 77
    fi
done

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# The version the packages must carry, from the configuration CPack reads.
config_value() {
    sed -n "s/^set($1 \"\\(.*\\)\")\$/\\1/p" "$build/CPackConfig.cmake"
}
version="$(config_value CPACK_PACKAGE_VERSION)-$(config_value CPACK_DEBIAN_PACKAGE_RELEASE)"
arch=$(dpkg --print-architecture)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
started=$SECONDS
if ! (cd "$build" && "$cpack" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1); then
    cat "$work/cpack.log"
    echo "FAIL: cpack -G DEB failed"
    exit 1
fi
echo "cpack: $((SECONDS - started)) s"

# --- file names: name_version-revision_arch.deb -------------------------------------------------
cli="$work/out/sparsenas_${version}_${arch}.deb"
studio="$work/out/sparsenas-studio_${version}_${arch}.deb"
expected=("$cli")
[ "$gui" = ON ] && expected+=("$studio")
actual=$(basename -a "$work"/out/*.deb | sort | tr '\n' ' ')
wanted=$(basename -a "${expected[@]}" | sort | tr '\n' ' ')
[ "$actual" = "$wanted" ] || fail "packages $actual instead of $wanted"
[ -f "$cli" ] || {
    echo "FAIL: no $cli"
    exit 1
}
stat -c '%s %n' "$work"/out/*.deb | sed "s:$work/out/::"

field() { dpkg-deb -f "$1" "$2"; }
has_file() { grep -qE "^$2\$" <<<"${contents[$1]}" || fail "$(basename "$1") lacks $2"; }
lacks_file() { grep -qE "^$2\$" <<<"${contents[$1]}" && fail "$(basename "$1") holds $2"; }
declare -A contents

check_common() { # deb package
    local deb=$1 package=$2
    contents[$deb]=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's:^\./:/:')
    [ "$(field "$deb" Package)" = "$package" ] || fail "$package: Package is $(field "$deb" Package)"
    [ "$(field "$deb" Version)" = "$version" ] || fail "$package: Version is $(field "$deb" Version)"
    [ "$(field "$deb" Architecture)" = "$arch" ] || fail "$package: Architecture is not $arch"
    [ "$(field "$deb" Section)" = science ] || fail "$package: Section is not science"
    field "$deb" Maintainer | grep -qE '^[^<>]+ <[^@<> ]+@[^@<> ]+\.[^@<> ]+>$' ||
        fail "$package: Maintainer '$(field "$deb" Maintainer)' is not 'Name <email>'"
    # The description: a summary, then an extended description of several lines.
    [ "$(field "$deb" Description | wc -l)" -ge 4 ] || fail "$package: no extended description"
    has_file "$deb" "/usr/share/doc/$package/copyright"
    has_file "$deb" "/usr/share/doc/$package/changelog.Debian.gz"
    has_file "$deb" "/usr/share/man/man1/$package.1.gz"
    dpkg-deb -x "$deb" "$work/root"
    local doc="$work/root/usr/share/doc/$package"
    head -n1 "$doc/copyright" | grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/$' ||
        fail "$package: copyright is not machine-readable (DEP-5)"
    grep -q '^License: MIT$' "$doc/copyright" || fail "$package: copyright names no MIT licence"
    grep -q '^Files: resources/data/digits.csv.gz$' "$doc/copyright" ||
        fail "$package: copyright does not cover the embedded digits data"
    zcat "$doc/changelog.Debian.gz" | head -n1 | grep -q "^sparsenas ($version) " ||
        fail "$package: changelog's newest entry is not $version (packaging/debian/changelog)"
    # gzip -9n: no file name (flag bit 3) and no time stamp (bytes 4-7).
    local gz
    for gz in "$doc/changelog.Debian.gz" "$work/root/usr/share/man/man1/$package.1.gz"; do
        [ "$(od -An -tx1 -j3 -N5 "$gz" | tr -d ' ')" = 0000000000 ] ||
            fail "$package: $(basename "$gz") carries a name or a time stamp (not gzip -9n)"
    done
    # Every program is stripped.
    local binary
    for binary in "$work"/root/usr/bin/*; do
        file -b "$binary" | grep -q ', stripped' || fail "$package: $(basename "$binary") is not stripped"
    done
    # The manual page renders without a warning of man (lintian's check too).
    if command -v man >/dev/null; then
        local warnings
        warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 \
            man --warnings -E UTF-8 -l -Tutf8 -Z "$work/root/usr/share/man/man1/$package.1.gz" 2>&1 >/dev/null)
        [ -z "$warnings" ] || fail "$package: man reports: $warnings"
    fi
}

# --- sparsenas: the CLI, no Qt ------------------------------------------------------------------
check_common "$cli" sparsenas
has_file "$cli" /usr/bin/sparsenas
lacks_file "$cli" /usr/bin/sparsenas-studio
has_file "$cli" /usr/share/bash-completion/completions/sparsenas
has_file "$cli" /usr/share/zsh/vendor-completions/_sparsenas
has_file "$cli" /usr/share/sparsenas/presets/digits-quick.json
has_file "$cli" /usr/share/doc/sparsenas/DIGITS-ATTRIBUTION.md
grep -qiE 'qt|\.desktop|metainfo' <<<"${contents[$cli]}" && fail "sparsenas holds Qt or desktop files"
depends=$(field "$cli" Depends)
grep -q 'libopenblas0-openmp | libopenblas0' <<<"$depends" || fail "sparsenas: no optimised BLAS in Depends: $depends"
grep -q 'libc6' <<<"$depends" || fail "sparsenas: Depends has no shared-library dependencies: $depends"
grep -qi 'qt' <<<"$depends" && fail "sparsenas depends on Qt: $depends"
field "$cli" Recommends | grep -q openblas && fail "sparsenas: the BLAS is a Recommends"
rm -rf "$work/root"
dpkg-deb -x "$cli" "$work/root"
needed=$(readelf -d "$work/root/usr/bin/sparsenas" | grep NEEDED)
grep -qi 'libQt' <<<"$needed" && fail "sparsenas links Qt: $needed"
readelf -d "$work/root/usr/bin/sparsenas" | grep -qE 'RPATH|RUNPATH' && fail "sparsenas has an RPATH"
# The manual page and the zsh completion name every command of the program.
commands=$("$sparsenas" --help | awk '/^Subcommands:/{s=1; next} s && /^  [a-z]/{print $1}')
[ -n "$commands" ] || fail "no commands in \`$sparsenas --help\`"
page=$(zcat "$work/root/usr/share/man/man1/sparsenas.1.gz")
for command in $commands; do
    grep -q "^\.SS $command\$" <<<"$page" || fail "sparsenas.1 does not describe '$command'"
    grep -q "'$command:" "$work/root/usr/share/zsh/vendor-completions/_sparsenas" ||
        fail "_sparsenas does not complete '$command'"
    grep -q "^        $command) echo" "$work/root/usr/share/bash-completion/completions/sparsenas" ||
        fail "the bash completion does not complete '$command'"
done
bash -n "$work/root/usr/share/bash-completion/completions/sparsenas" || fail "bash completion: syntax"
if command -v zsh >/dev/null; then
    zsh -n "$work/root/usr/share/zsh/vendor-completions/_sparsenas" || fail "zsh completion: syntax"
fi
rm -rf "$work/root"

# --- sparsenas-studio ---------------------------------------------------------------------------
if [ "$gui" = ON ] && [ -f "$studio" ]; then
    check_common "$studio" sparsenas-studio
    has_file "$studio" /usr/bin/sparsenas-studio
    lacks_file "$studio" /usr/bin/sparsenas
    lacks_file "$studio" /usr/share/man/man1/sparsenas.1.gz
    has_file "$studio" /usr/share/applications/sparsenas-studio.desktop
    has_file "$studio" /usr/share/metainfo/io.github.sparsenas.Studio.metainfo.xml
    has_file "$studio" /usr/share/icons/hicolor/scalable/apps/sparsenas-studio.svg
    depends=$(field "$studio" Depends)
    grep -qE "(^|, )sparsenas \(= $version\)" <<<"$depends" ||
        fail "sparsenas-studio does not depend on sparsenas (= $version): $depends"
    grep -q 'libqt6widgets6' <<<"$depends" || fail "sparsenas-studio: no Qt in Depends: $depends"
    grep -q 'qt6-qpa-plugins' <<<"$depends" || fail "sparsenas-studio: no Qt platform plugins: $depends"
    rm -rf "$work/root"
fi

# --- lintian ------------------------------------------------------------------------------------
if command -v lintian >/dev/null; then
    started=$SECONDS
    # Errors and warnings of the default profile fail; info and pedantic tags are shown only.
    if ! lintian --fail-on error,warning --display-info "$work"/out/*.deb >"$work/lintian.log" 2>&1; then
        fail "lintian:"
    fi
    sed 's/^/  lintian: /' "$work/lintian.log"
    echo "lintian: $((SECONDS - started)) s"
else
    echo "SKIP lintian: not installed (apt-get install lintian); the other checks ran"
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "PASS: $(basename -a "${expected[@]}" | tr '\n' ' ')"

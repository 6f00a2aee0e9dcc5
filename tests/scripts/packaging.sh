#!/usr/bin/env bash
# Install the build tree into a staging directory, then build and run a
# consumer twice: with pkg-config and with find_package(kgrights).
#   packaging.sh BUILD_DIR SOURCE_DIR C_COMPILER
set -euo pipefail
build=$1 src=$2 cc=$3
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

DESTDIR="$stage" cmake --install "$build" --component Unspecified >/dev/null
prefix=$(find "$stage" -name kgrights.pc -path '*pkgconfig*' | head -1)
prefix=${prefix%/lib*/pkgconfig/kgrights.pc}
[[ -n "$prefix" ]] || { echo "kgrights.pc was not installed"; exit 1; }
libdir=$(dirname "$(find "$prefix" -name 'libkgrights.*' | head -1)")

# pkg-config: the .pc file names the final prefix; the sysroot points it at the stage.
export PKG_CONFIG_PATH="$libdir/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$stage"
flags=$(pkg-config --cflags --libs --static kgrights)
echo "pkg-config: $flags"
# shellcheck disable=SC2086
"$cc" -std=c11 -Wall -Wextra -Werror "$src/tests/packaging/consumer.c" $flags -o "$stage/consumer-pc"
LD_LIBRARY_PATH="$libdir" "$stage/consumer-pc"

# find_package(kgrights) from the staged prefix.
cmake -S "$src/tests/packaging" -B "$stage/consumer-build" -DCMAKE_C_COMPILER="$cc" \
  -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$stage/consumer-build" >/dev/null
LD_LIBRARY_PATH="$libdir" "$stage/consumer-build/consumer"
echo "packaging: pkg-config and find_package both work"

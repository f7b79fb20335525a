#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .deb from the given build tree and checks what a user installs.
set -euo pipefail
build=$1
src=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

cmake --build "$build" --target wirebench wirebench-cli wb_icons >/dev/null
(cd "$build" && cpack -G DEB -B "$out" >/dev/null)
deb=$(ls "$out"/*.deb)
echo "package: $(basename "$deb")"

fail=0
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for path in ./usr/bin/wirebench ./usr/bin/wirebench-cli \
    ./usr/share/applications/wirebench.desktop \
    ./usr/share/metainfo/io.github.wirebench.Wirebench.metainfo.xml \
    ./usr/share/icons/hicolor/scalable/apps/wirebench.svg \
    ./usr/share/icons/hicolor/48x48/apps/wirebench.png \
    ./usr/share/icons/hicolor/256x256/apps/wirebench.png \
    ./usr/share/man/man1/wirebench-cli.1.gz \
    ./usr/share/doc/wirebench/copyright; do
    if grep -qxF "$path" <<<"$contents"; then echo "ok   $path"; else echo "MISSING $path"; fail=1; fi
done

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libqt6core6 libqt6widgets6 libqt6network6 libqt6sql6 libqt6httpserver6 \
    libqcustomplot2.1-qt6 libqt6keychain1 libssl3 libsodium23; do
    if grep -q "$lib" <<<"$depends"; then echo "ok   depends on $lib"; else echo "MISSING dependency $lib"; fail=1; fi
done
# The SQLite driver is a plugin: shlibdeps cannot see it, so it must be listed by hand.
grep -q libqt6sql6-sqlite <<<"$depends" || { echo "MISSING dependency libqt6sql6-sqlite"; fail=1; }

dpkg-deb -x "$deb" "$out/root"
desktop-file-validate "$out/root/usr/share/applications/wirebench.desktop" || fail=1
appstreamcli validate --no-net --explain \
    "$out/root/usr/share/metainfo/io.github.wirebench.Wirebench.metainfo.xml" || fail=1
file "$out/root/usr/share/icons/hicolor/48x48/apps/wirebench.png" | grep -q '48 x 48' \
    || { echo "48x48 icon has the wrong size"; fail=1; }

if [ "$fail" -ne 0 ]; then echo "package check FAILED"; exit 1; fi
echo "package check passed"

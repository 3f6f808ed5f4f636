#!/usr/bin/env bash
# Re-creates cpu-maps/libvirt-<version>/ from Debian's libvirt0 package.
# Usage: cpu-maps/fetch-libvirt-cpu-map.sh [PACKAGE_VERSION]
# Needs apt-get (Debian/Ubuntu with the bookworm archive) and dpkg-deb.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pkgver=${1:-9.0.0-4+deb12u2}
upstream=${pkgver%%-*}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download "libvirt0=$pkgver"
dpkg-deb -x libvirt0_*.deb root
src=root/usr/share/libvirt/cpu_map
[ -f "$src/index.xml" ] || { echo "no cpu_map in the package" >&2; exit 1; }
dest="$here/libvirt-$upstream"
rm -rf "$dest"
mkdir -p "$dest"
cp "$src"/*.xml "$dest"/
printf 'libvirt=%s\npackage=libvirt0 %s (Debian)\n' "$upstream" "$pkgver" > "$dest/VERSION"
echo "wrote $(ls "$dest"/*.xml | wc -l) files to $dest"

#!/usr/bin/env bash
# Re-creates cpu-maps/libvirt-<version>/ from the Debian package that ships libvirt's cpu_map.
# Usage: cpu-maps/fetch-libvirt-cpu-map.sh [VERSION...]   (default: every bundled version)
# Needs apt-get and dpkg-deb; the packages are fetched with a private source list, so the
# machine's own apt sources (and its Debian release) do not matter.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

# libvirt version | Debian suite | package=version that holds usr/share/libvirt/cpu_map
declare -A pkgs=(
  [7.0.0]="bullseye|libvirt0=7.0.0-3+deb11u3"
  [9.0.0]="bookworm|libvirt0=9.0.0-4+deb12u2"
  [11.3.0]="bookworm-backports|libvirt-common=11.3.0-2~bpo12+1"
  [12.8.0]="sid|libvirt-common=12.8.0-1"
)
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(7.0.0 9.0.0 11.3.0 12.8.0)

for version in "${versions[@]}"; do
  [ -n "${pkgs[$version]:-}" ] || { echo "no package known for libvirt $version" >&2; exit 2; }
  IFS='|' read -r suite pkg <<<"${pkgs[$version]}"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
  printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian %s main\n' \
    "$suite" >"$work/sources.list"
  apt_opts=(-o "Dir::Etc::sourcelist=$work/sources.list" -o Dir::Etc::sourceparts=-
    -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o APT::Sandbox::User=root)
  apt-get "${apt_opts[@]}" -qq update
  (cd "$work" && apt-get "${apt_opts[@]}" -qq download "$pkg")
  dpkg-deb -x "$work"/*.deb "$work/root"
  src=$work/root/usr/share/libvirt/cpu_map
  [ -f "$src/index.xml" ] || { echo "no cpu_map in $pkg" >&2; exit 1; }
  dest="$here/libvirt-$version"
  rm -rf "$dest"
  mkdir -p "$dest"
  cp "$src"/*.xml "$dest"/
  printf 'libvirt=%s\npackage=%s %s (Debian %s)\n' "$version" "${pkg%%=*}" "${pkg#*=}" "$suite" >"$dest/VERSION"
  echo "wrote $(ls "$dest"/*.xml | wc -l) files to $dest"
  rm -rf "$work"
  trap - EXIT
done

#!/usr/bin/env bash
# Fetches the virsh binaries the differential tests compare migcheck with, besides the system
# virsh: libvirt 7.0.0 (Debian 11) and 11.3.0 (Debian 12 backports). Each is downloaded with a
# private apt source list (the machine's own sources stay untouched), unpacked with dpkg-deb into
# $MIGCHECK_ORACLES (default /opt/migcheck-oracles)/libvirt-VERSION, and run by the wrapper
# .ci/virsh-oracle, which binds the version's own cpu_map over /usr/share/libvirt/cpu_map in a
# private mount namespace. Rerunnable: a version already unpacked is kept.
#
# Usage: .ci/oracles.sh      (as root; needs apt-get, dpkg-deb, unshare, mount)
set -euo pipefail
root=${MIGCHECK_ORACLES:-/opt/migcheck-oracles}
here=$(cd "$(dirname "$0")" && pwd)

# version | suite | packages (exact Debian versions)
oracles=(
  "7.0.0|bullseye|libvirt0=7.0.0-3+deb11u3 libvirt-clients=7.0.0-3+deb11u3"
  "11.3.0|bookworm-backports|libvirt0=11.3.0-2~bpo12+1 libvirt-clients=11.3.0-2~bpo12+1 libvirt-common=11.3.0-2~bpo12+1"
)

fetch() { # version suite packages...
  local version=$1 suite=$2
  shift 2
  local dest="$root/libvirt-$version"
  if [ -x "$dest/usr/bin/virsh" ] && [ -f "$dest/usr/share/libvirt/cpu_map/index.xml" ]; then
    echo "oracle libvirt $version: present in $dest"
    return
  fi
  local work
  work=$(mktemp -d)
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
  printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian %s main\n' \
    "$suite" >"$work/sources.list"
  local apt_opts=(-o "Dir::Etc::sourcelist=$work/sources.list" -o Dir::Etc::sourceparts=-
    -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o APT::Get::List-Cleanup=0 -o APT::Sandbox::User=root)
  apt-get "${apt_opts[@]}" -qq update
  (cd "$work" && apt-get "${apt_opts[@]}" -qq download "$@")
  rm -rf "$dest.tmp"
  mkdir -p "$dest.tmp"
  for deb in "$work"/*.deb; do
    dpkg-deb -x "$deb" "$dest.tmp"
  done
  rm -rf "$dest"
  mv "$dest.tmp" "$dest"
  rm -rf "$work"
  echo "oracle libvirt $version: unpacked into $dest"
}

for o in "${oracles[@]}"; do
  IFS='|' read -r version suite pkgs <<<"$o"
  # shellcheck disable=SC2086
  fetch "$version" "$suite" $pkgs
done

# the bind mount needs a mount point: the system cpu_map directory (libvirt-clients provides it)
[ -d /usr/share/libvirt/cpu_map ] || { echo "no /usr/share/libvirt/cpu_map (install libvirt-clients)" >&2; exit 1; }
for o in "${oracles[@]}"; do
  version=${o%%|*}
  "$here/virsh-oracle" "$version" --version
done

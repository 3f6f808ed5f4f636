#!/usr/bin/env bash
# Live-host test services (collect): libvirtd with the QEMU driver answering qemu:///system, the
# OpenSSH server the loopback ssh test runs (the test starts its own sshd on 127.0.0.1 with its own
# keys and config), and Debian's cpuid. Idempotent; runs as root.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

need=()
command -v libvirtd >/dev/null 2>&1 || need+=(libvirt-daemon-system)
command -v qemu-system-x86_64 >/dev/null 2>&1 || need+=(qemu-system-x86)
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v ssh-keygen >/dev/null 2>&1 || need+=(openssh-client)
command -v cpuid >/dev/null 2>&1 || need+=(cpuid)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# KVM for the daemon's domcapabilities (a machine without /dev/kvm skips the KVM tests)
[ -e /dev/kvm ] && chmod 666 /dev/kvm
# no systemd on a CI container: start the daemons directly, once
pgrep -x virtlogd >/dev/null || virtlogd -d
pgrep -x libvirtd >/dev/null || libvirtd -d
for _ in $(seq 1 50); do
  [ -S /run/libvirt/libvirt-sock ] && break
  sleep 0.2
done
virsh -c qemu:///system version

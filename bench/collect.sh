#!/usr/bin/env bash
# Collection throughput: `migcheck collect` of HOSTS libvirt test-driver URIs (default 200; each
# its own node file with three guests, so each is a separate connection and host), RUNS times
# (default 5), with --parallel 16. Prints the median wall time, hosts/s at the median, and the
# peak RSS. Needs libvirt0 (libvirt.so.0) and GNU time (apt-get install time).
#
# Usage: bench/collect.sh [HOSTS] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
hosts=${1:-200}
runs=${2:-5}
[ -x /usr/bin/time ] || { echo "GNU time is needed (apt-get install time)" >&2; exit 2; }
"$here/migcheck" --version >/dev/null # builds the jar if needed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for ((i = 0; i < hosts; i++)); do
  cp "$here/src/test/resources/live/node.xml" "$work/node-$i.xml"
  echo "test://$work/node-$i.xml" >>"$work/uris.txt"
done
for ((r = 0; r < runs; r++)); do
  rm -rf "$work/snap"
  /usr/bin/time -q -f "%e %M" -a -o "$work/times" \
    "$here/migcheck" collect --from "$work/uris.txt" --guests all -o "$work/snap" >/dev/null
done
sort -n "$work/times" | awk -v hosts="$hosts" '{ a[NR] = $1; if ($2 > m) m = $2 }
  END { med = a[int((NR + 1) / 2)];
        printf "| hosts | runs | median | fastest | slowest | hosts/s (median) | peak RSS |\n|---:|---:|---:|---:|---:|---:|---:|\n";
        printf "| %d | %d | %.2f s | %.2f s | %.2f s | %.0f | %d MB |\n", hosts, NR, med, a[1], a[NR], hosts / med, m / 1024 }'

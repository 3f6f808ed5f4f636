#!/usr/bin/env bash
# Times `migcheck fleet` on generated fleets: wall time, throughput (MB/s, hosts/s), peak RSS and
# CPU time (user + system; cpu% below 200 means other processes shared the two cores), with a
# 1 GB heap. Each size is run on one concatenated file (plus its domcapabilities file)
# and on a directory of per-host files. Fleets are generated once into target/bench (or
# $BENCH_DIR) with the fleet generator (bench/fleetgen.sh) and never committed.
#
#   bench/fleet.sh [HOSTS...]        default: 1000 10000 100000
#   BENCH_HEAP=-Xmx1g BENCH_SEED=1 BENCH_DIR=/tmp/fleets bench/fleet.sh 1000
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${BENCH_DIR:-$repo/target/bench}
heap=${BENCH_HEAP:--Xmx1g}
seed=${BENCH_SEED:-1}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)

"$repo/migcheck" --version >/dev/null # builds the jar when needed
jar="$repo/target/migcheck-all.jar"
mkdir -p "$out"

generate() { # HOSTS: the single file and the directory, unless already there
  local n=$1
  if [ ! -s "$out/fleet-$n-domcaps.xml" ]; then
    "$repo/bench/fleetgen.sh" --hosts "$n" --seed "$seed" \
      --single-file "$out/fleet-$n.xml" --domcaps
  fi
  if [ ! -d "$out/fleet-$n" ] || [ "$(ls "$out/fleet-$n" | wc -l)" -ne $((2 * n)) ]; then
    rm -rf "$out/fleet-$n"
    "$repo/bench/fleetgen.sh" --hosts "$n" --seed "$seed" \
      --out "$out/fleet-$n" --domcaps
  fi
}

seconds() { # "m:ss.cc" or "h:mm:ss" from time -v
  awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }' <<<"$1"
}

printf '%-8s %-6s %9s %8s %8s %9s %9s %8s %5s\n' hosts input MB wall_s MB/s hosts/s rss_MB cpu_s cpu%
for n in "${sizes[@]}"; do
  generate "$n"
  for layout in file dir; do
    if [ "$layout" = file ]; then
      inputs=("$out/fleet-$n.xml" "$out/fleet-$n-domcaps.xml")
    else
      inputs=("$out/fleet-$n")
    fi
    bytes=$(du -cb "${inputs[@]}" | tail -1 | cut -f1)
    log="$out/time-$n-$layout.log"
    JAVA_OPTS="$heap" /usr/bin/time -v "$repo/migcheck" fleet "${inputs[@]}" \
      >"$out/report-$n-$layout.txt" 2>"$log" || { cat "$log" >&2; exit 1; }
    wall=$(seconds "$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')")
    rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
    cpu=$(awk '/User time|System time/ {s += $NF} END {print s}' "$log")
    awk -v n="$n" -v l="$layout" -v b="$bytes" -v w="$wall" -v r="$rss" -v c="$cpu" 'BEGIN {
      printf "%-8d %-6s %9.0f %8.2f %8.1f %9.0f %9.0f %8.1f %5.0f\n", n, l, b / 1e6, w, b / 1e6 / w, n / w, r / 1024, c, 100 * c / w }'
  done
done

#!/usr/bin/env bash
# `migcheck fleet` on generated fleets (one concatenated capabilities file plus its
# domcapabilities file per size) with a 1 GB heap, next to the limits of this machine on the same
# bytes: reading them (`cat > /dev/null`) and the bare read path, framer and tokenizer without any
# fleet work (org.migcheck.read.TokenizeOnly, test sources). The three alternate RUNS times
# (default 3); the table gives medians of wall and CPU time (cpu% = CPU over wall: 200 is both
# cores busy), MB/s and hosts/s at the median, and the peak RSS. Fleets are generated once into
# target/bench (or $BENCH_DIR) with the fleet generator (bench/fleetgen.sh) and never committed.
#
#   bench/fleet.sh [HOSTS...]        default: 10000 100000 (100,000 hosts are 2.9 GB)
#   BENCH_RUNS=5 BENCH_HEAP=-Xmx1g BENCH_SEED=1 BENCH_DIR=/tmp/fleets bench/fleet.sh 1000
#   BENCH_LAYOUT=dir bench/fleet.sh 10000   (a directory of per-host files instead of one file)
#   MIGCHECK_A=../old/migcheck bench/fleet.sh (also time another launcher, alternately)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$repo/bench/lib.sh"
# shellcheck source=src/release/lib/jvm.sh
. "$repo/src/release/lib/jvm.sh"
out=${BENCH_DIR:-$repo/target/bench}
heap=${BENCH_HEAP:--Xmx1g}
seed=${BENCH_SEED:-1}
runs=${BENCH_RUNS:-3}
layout=${BENCH_LAYOUT:-file}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
bench_init

"$repo/bench/fleetgen.sh" --help >/dev/null # builds the jar and the test classes when needed
[ -z "${MIGCHECK_A:-}" ] || "$MIGCHECK_A" --version >/dev/null
mkdir -p "$out"

inputs_for() { # HOSTS: sets the array inputs, generating the fleet unless already there
  local n=$1
  if [ "$layout" = dir ]; then
    if [ ! -d "$out/fleet-$n" ] || [ "$(ls "$out/fleet-$n" | wc -l)" -ne $((2 * n)) ]; then
      rm -rf "$out/fleet-$n"
      "$repo/bench/fleetgen.sh" --hosts "$n" --seed "$seed" --out "$out/fleet-$n" --domcaps >&2
    fi
    inputs=("$out/fleet-$n")
  else
    if [ ! -s "$out/fleet-$n-domcaps.xml" ]; then
      "$repo/bench/fleetgen.sh" --hosts "$n" --seed "$seed" \
        --single-file "$out/fleet-$n.xml" --domcaps >&2
    fi
    inputs=("$out/fleet-$n.xml" "$out/fleet-$n-domcaps.xml")
  fi
}

bench_machine
echo "java: $(java -version 2>&1 | head -1); heap $heap; layout: $layout; $runs runs"
echo
printf '| hosts | what | MB | median wall | MB/s | hosts/s | median CPU | cpu%% | peak RSS |\n'
printf '|---:|---|---:|---:|---:|---:|---:|---:|---:|\n'
for n in "${sizes[@]}"; do
  inputs_for "$n"
  bytes=$(du -cbL "${inputs[@]}" | tail -1 | cut -f1)
  # the tokenizer runs with the JVM options the launcher picks for this fleet (no class data)
  MIGCHECK_CDS=off jvm_options java "$repo/target/migcheck-all.jar" "$repo/target" "$repo/samples" \
    fleet "${inputs[@]}"
  for ((i = 0; i < runs; i++)); do
    if [ "$layout" = dir ]; then
      bench_run "cat$n" find "${inputs[@]}" -type f -exec cat {} +
    else
      bench_run "cat$n" cat "${inputs[@]}"
    fi
    bench_run "tok$n" java "${jvm_opts[@]}" "$heap" \
      -cp "$repo/target/test-classes:$repo/target/migcheck-all.jar" org.migcheck.read.TokenizeOnly \
      "${inputs[@]}"
    JAVA_OPTS="$heap" bench_run "fleet$n" "$repo/migcheck" fleet "${inputs[@]}"
    [ -z "${MIGCHECK_A:-}" ] || JAVA_OPTS="$heap" bench_run "A$n" "$MIGCHECK_A" fleet "${inputs[@]}"
  done
  for what in cat tok A fleet; do
    [ -s "$bench_tmp/samples.$what$n" ] || continue
    case $what in
      cat) label='`cat > /dev/null`' ;;
      tok) label='read path alone (framer + tokenizer)' ;;
      A) label='A: `migcheck fleet`' ;;
      fleet) label='`migcheck fleet`' ;;
    esac
    awk -v n="$n" -v l="$label" -v b="$bytes" -v w="$(bench_median "$what$n" 1)" \
      -v c="$(bench_median "$what$n" 2)" -v r="$(bench_max "$what$n" 3)" 'BEGIN {
        printf "| %d | %s | %.0f | %.2f s | %.0f | %.0f | %.1f s | %.0f | %.0f MB |\n",
          n, l, b / 1e6, w, b / 1e6 / w, n / w, c, 100 * c / w, r / 1024 }'
  done
done

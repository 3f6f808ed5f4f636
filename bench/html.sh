#!/usr/bin/env bash
# The HTML fleet report on the samples and on generated fleets: file size, the time to write it,
# and the time headless Chromium takes to load it (the page's own Navigation Timing, to
# DOMContentLoaded and to the end of the load event, median of 5 loads; see
# src/test/java/org/migcheck/testing/RenderTiming.java). Needs chromium and chromium-driver.
# Generated fleets (one concatenated file plus its domcapabilities) are made once into
# target/bench (or $BENCH_DIR) with FleetGenerator and never committed.
#
#   bench/html.sh [HOSTS...]        default: 1000 (100000 takes minutes and ~3 GB of disk)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${BENCH_DIR:-$repo/target/bench}
seed=${BENCH_SEED:-1}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000)

mkdir -p "$out"
"$repo/migcheck" --version >/dev/null # builds the jar when needed
(cd "$repo" && mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$out/test.classpath")
# the generator and the timing live with the tests
cp="$repo/target/test-classes:$repo/target/classes:$(cat "$out/test.classpath")"

printf '%-14s %8s %10s\n' fleet classes write_s
report() { # NAME INPUTS...
  local name=$1 t0 t1
  shift
  t0=$(date +%s%N)
  "$repo/migcheck" fleet --format html -o "$out/$name.html" "$@"
  t1=$(date +%s%N)
  local classes
  classes=$(grep -o '[0-9]* compatibility classes' "$out/$name.html" | head -1 | cut -d' ' -f1)
  printf '%-14s %8s %10.1f\n' "$name" "$classes" "$(((t1 - t0) / 1000000))e-3"
  pages+=("$out/$name.html")
}
pages=()

report samples $(ls "$repo"/samples/*.xml | grep -v '/guest-')
for n in "${sizes[@]}"; do
  if [ ! -s "$out/fleet-$n-domcaps.xml" ]; then
    java -cp "$cp" org.migcheck.fleet.gen.FleetGenerator --hosts "$n" --seed "$seed" \
      --single-file "$out/fleet-$n.xml" --domcaps >&2
  fi
  report "fleet-$n" "$out/fleet-$n.xml" "$out/fleet-$n-domcaps.xml"
done
echo
java -cp "$cp" org.migcheck.testing.RenderTiming "${pages[@]}" 2>/dev/null

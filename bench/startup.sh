#!/usr/bin/env bash
# Start-up: short migcheck runs, the cost a CI loop pays per call, against the floor of this
# machine: a bare `java -version` with the launcher's own JVM flags. Runs alternate (floor,
# --version, check, inspect, compare, floor, ...) RUNS times (default 15); the table gives medians
# of wall and CPU time, the ratio to the floor and the peak RSS.
#
#   bench/startup.sh [RUNS]
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/startup.sh   (another runtime: AOT cache)
#   MIGCHECK_A=../old/migcheck bench/startup.sh                   (also time another launcher,
#                                                                   alternately: before/after)
#   MIGCHECK=path/to/bin/migcheck bench/startup.sh                (the release archive's launcher)
#
# Needs GNU time (apt-get install time). The check is the issue's: two hosts with domcapabilities.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"
runs=${1:-15}
launcher=${MIGCHECK:-$here/migcheck}
java_bin=java
[ -n "${JAVA_HOME:-}" ] && java_bin="$JAVA_HOME/bin/java"
bench_init
"$launcher" --version >/dev/null # builds the jar if needed (or records the class data)
[ -z "${MIGCHECK_A:-}" ] || "$MIGCHECK_A" --version >/dev/null
bench_machine
echo "java: $("$java_bin" -version 2>&1 | head -1); launcher: ${MIGCHECK:-./migcheck}; $runs runs"
echo

s="$here/samples"
declare -A cmd=(
  [version]="--version"
  [check]="check $s/skylake-a.xml,$s/skylake-a-domcaps.xml $s/cascadelake.xml,$s/cascadelake-domcaps.xml"
  [inspect]="inspect $s/skylake-a.xml"
  [compare]="compare $s/skylake-a.xml $s/cascadelake.xml"
)
order=(version check inspect compare)
floor=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss4m -Xshare:auto)
for ((i = 0; i < runs; i++)); do
  bench_run floor "$java_bin" "${floor[@]}" -version
  for c in "${order[@]}"; do
    # shellcheck disable=SC2086
    bench_run "B-$c" "$launcher" ${cmd[$c]}
    # shellcheck disable=SC2086
    [ -z "${MIGCHECK_A:-}" ] || bench_run "A-$c" "$MIGCHECK_A" ${cmd[$c]}
  done
done

row() { # LABEL TEXT
  local w
  w=$(bench_median "$1" 1)
  awk -v t="$2" -v w="$w" -v f="$(bench_median floor 1)" -v c="$(bench_median "$1" 2)" \
    -v m="$(bench_max "$1" 3)" 'BEGIN {
      printf "| %s | %.0f ms | %.2f× | %.0f ms | %.0f MB |\n", t, w * 1000, w / f, c * 1000, m / 1024 }'
}
printf '| command | median wall | × floor | median CPU | peak RSS |\n|---|---:|---:|---:|---:|\n'
row floor "\`java -version\` (the floor: ${floor[*]})"
for c in "${order[@]}"; do
  [ -z "${MIGCHECK_A:-}" ] || row "A-$c" "A: \`migcheck ${cmd[$c]//$s\//samples/}\`"
  row "B-$c" "\`migcheck ${cmd[$c]//$s\//samples/}\`"
done

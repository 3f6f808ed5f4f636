#!/usr/bin/env bash
# Where picocli's start-up time goes: a trivial two-subcommand program (bench/picocli/
# TrivialCli.java, compiled here against migcheck's jar, whose picocli is built from its sources
# for release 17) run as `hello --loud you` in variants, alternately, RUNS times (default 15):
# no picocli at all; picocli's programmatic API; annotations (what migcheck uses); each with
# picocli's java.sql/java.time converters excluded (-Dpicocli.converters.excludes, as migcheck
# sets it), and each with an AppCDS archive of its own. Medians of wall and CPU time, peak RSS,
# and the difference to the bare program.
#
#   bench/picocli.sh [RUNS]        (needs GNU time and a JDK: javac)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"
runs=${1:-15}
java_bin=java
[ -n "${JAVA_HOME:-}" ] && java_bin="$JAVA_HOME/bin/java"
bench_init
"$here/migcheck" --version >/dev/null # builds the jar if needed
jar="$here/target/migcheck-all.jar"
javac -d "$bench_tmp/classes" -cp "$jar" "$here/bench/picocli/TrivialCli.java"
jar cf "$bench_tmp/trivial.jar" -C "$bench_tmp/classes" . # CDS archives jars, not directories
cp="$jar:$bench_tmp/trivial.jar"
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss4m -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
excl='-Dpicocli.converters.excludes=java\.(sql|time)\..*'
bench_machine
echo "java: $("$java_bin" -version 2>&1 | head -1); $runs runs; flags: ${flags[*]}"
echo

variants=(bare programmatic programmatic+excl annotated annotated+excl)
run_variant() { # LABEL VARIANT [CDS-ARCHIVE]
  local v=${2%+excl} extra=()
  [ "$2" = "$v" ] || extra+=("$excl")
  [ -z "${3:-}" ] || extra+=(-XX:SharedArchiveFile="$3")
  bench_run "$1" "$java_bin" "${flags[@]}" "${extra[@]}" -cp "$cp" TrivialCli "$v" hello --loud you
}
# one AppCDS archive per variant, from one training run
for v in "${variants[@]}"; do
  w=${v%+excl} extra=()
  [ "$v" = "$w" ] || extra+=("$excl")
  "$java_bin" "${flags[@]}" "${extra[@]}" -XX:ArchiveClassesAtExit="$bench_tmp/$v.jsa" \
    -cp "$cp" TrivialCli "$w" hello >/dev/null 2>&1
done
for ((i = 0; i < runs; i++)); do
  bench_run floor "$java_bin" "${flags[@]}" -version
  for v in "${variants[@]}"; do
    run_variant "$v" "$v"
    run_variant "$v+cds" "$v" "$bench_tmp/$v.jsa"
  done
done
row() { # LABEL TEXT
  awk -v t="$2" -v w="$(bench_median "$1" 1)" -v c="$(bench_median "$1" 2)" \
    -v m="$(bench_max "$1" 3)" -v b="$(bench_median "$3" 1)" 'BEGIN {
      printf "| %s | %.0f ms | %+.0f ms | %.0f ms | %.0f MB |\n", t, w * 1000, (w - b) * 1000, c * 1000, m / 1024 }'
}
printf '| program | median wall | vs. no picocli | median CPU | peak RSS |\n|---|---:|---:|---:|---:|\n'
row floor "\`java -version\`" bare
for v in "${variants[@]}"; do
  row "$v" "$v" bare
  row "$v+cds" "$v, AppCDS" bare+cds
done

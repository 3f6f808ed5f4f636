#!/usr/bin/env bash
# Wall time of short migcheck runs, the cost a CI loop pays per call: the median, fastest and
# slowest of RUNS runs (default 15) and the peak RSS, for `--version`, `inspect` on one sample
# and `compare` of two samples. Runs the launcher as a user would (its AppCDS archive included).
#
# MIGCHECK=path/to/bin/migcheck times another launcher (e.g. the unpacked release archive's).
# The first lines describe the machine, which the figures belong to.
#
# Usage: bench/startup.sh [RUNS]   (needs GNU time: apt-get install time)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-15}
[ -x /usr/bin/time ] || { echo "GNU time is needed (apt-get install time)" >&2; exit 2; }
launcher=${MIGCHECK:-$here/migcheck}
"$launcher" --version >/dev/null # builds the jar if needed (or makes the archive's class data)
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)," \
  "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
  "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1); launcher: ${MIGCHECK:-./migcheck}; $runs runs"
echo
t=$(mktemp)
trap 'rm -f "$t"' EXIT

stats() { # command...: "median min max peak_MB"
  : >"$t"
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -q -f "%e %M" -a -o "$t" "$@" >/dev/null 2>&1 || true
  done
  sort -n "$t" | awk '{ a[NR] = $1; if ($2 > m) m = $2 }
    END { printf "%.2f s | %.2f s | %.2f s | %d MB", a[int((NR + 1) / 2)], a[1], a[NR], m / 1024 }'
}

printf '| command | median | fastest | slowest | peak RSS |\n|---|---:|---:|---:|---:|\n'
s="$here/samples"
printf '| `migcheck --version` | %s |\n' "$(stats "$launcher" --version)"
printf '| `migcheck inspect samples/skylake-a.xml` | %s |\n' "$(stats "$launcher" inspect "$s/skylake-a.xml")"
printf '| `migcheck compare samples/skylake-a.xml samples/cascadelake.xml` | %s |\n' \
  "$(stats "$launcher" compare "$s/skylake-a.xml" "$s/cascadelake.xml")"

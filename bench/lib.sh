# shellcheck shell=bash
# Shared by the bench/ scripts: timing one command with GNU time, and medians of alternating runs.
#
#   bench_init                      a scratch directory in $bench_tmp (removed on exit)
#   bench_run LABEL CMD...          runs CMD once (stdout to $bench_tmp/out.LABEL, stderr dropped)
#                                   and appends "wall_s cpu_s rss_kb" to LABEL's samples
#   bench_median LABEL FIELD        the median of a field: 1 wall, 2 cpu (user+sys), 3 peak RSS
#   bench_max LABEL FIELD           the largest sample of a field
#
# Medians over runs that alternate between the compared commands (A B A B ...), so that a busy
# machine slows both alike and the ratios stay meaningful even when the absolute times do not.
bench_init() {
  [ -x /usr/bin/time ] || { echo "GNU time is needed (apt-get install time)" >&2; exit 2; }
  bench_tmp=$(mktemp -d)
  trap 'rm -rf "$bench_tmp"' EXIT
}

bench_run() {
  local label=$1 start end rc=0
  shift
  start=$(date +%s%N)
  /usr/bin/time -f "%U %S %M" -o "$bench_tmp/time" "$@" >"$bench_tmp/out.$label" \
    2>"$bench_tmp/err.$label" || rc=$?
  end=$(date +%s%N)
  # exit 1 is a result (incompatible, UNSAFE); anything else is a failed benchmark
  if [ "$rc" -gt 1 ]; then
    echo "bench: failed (exit $rc): $*" >&2
    cat "$bench_tmp/err.$label" >&2
    exit 1
  fi
  tail -n 1 "$bench_tmp/time" | awk -v w="$(((end - start) / 1000))" \
    '{ printf "%.6f %.2f %d\n", w / 1e6, $1 + $2, $3 }' >>"$bench_tmp/samples.$label"
}

bench_median() {
  cut -d' ' -f"$2" "$bench_tmp/samples.$1" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

bench_max() {
  cut -d' ' -f"$2" "$bench_tmp/samples.$1" | sort -g | tail -n 1
}

# One line about the machine and its load, which the figures belong to.
bench_machine() {
  echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)," \
    "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
    "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
}

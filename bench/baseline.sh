#!/usr/bin/env bash
# migcheck baseline against virsh cpu-baseline on the same files: 2, 100 and 1,000 hosts (1,000
# is about 8.5 MB, near virsh's 10 MiB input limit, VSH_MAX_XML_FILE), alternating virsh and
# migcheck RUNS times (default 7); then 10,000 hosts, beyond virsh's limit, migcheck alone. The
# table gives medians of wall and CPU time, virsh/migcheck, peak RSS, and whether the two outputs
# are identical (diffed).
#
# The hosts come from migcheck's fleet generator (bench/fleetgen.sh; Intel only: one baseline
# must cover them all), at most 4 cores per socket, without the i686 <guest> block: that keeps
# 1,000 realistic capabilities documents under virsh's limit. migcheck runs with --libvirt set to
# virsh's own version, so both use the same cpu_map and rules.
#
#   bench/baseline.sh [RUNS]        (needs virsh: apt-get install libvirt-clients; GNU time)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"
runs=${1:-7}
command -v virsh >/dev/null || { echo "virsh is needed (apt-get install libvirt-clients)" >&2; exit 2; }
bench_init
work=$bench_tmp

"$here/migcheck" --version >/dev/null # builds the jar if needed
"$here/bench/fleetgen.sh" \
  --hosts 10000 --seed 7 --intel-only --max-cores-per-socket 4 --single-file "$work/all.xml" 2>/dev/null
# drop the i686 guest blocks
awk '
  /^  <guest>$/ { buf = $0 "\n"; inguest = 1; next }
  inguest { buf = buf $0 "\n"; if ($0 == "  </guest>") { if (buf !~ /<arch name=.i686.>/) printf "%s", buf; inguest = 0 } ; next }
  { print }
' "$work/all.xml" >"$work/trimmed.xml"
rm -f "$work/all.xml"

first() { # first N documents
  awk -v n="$1" '{ print } /^<\/capabilities>$/ { if (++k == n) exit }' "$work/trimmed.xml"
}

# migcheck emulates the libvirt that virsh runs (its cpu_map and rules)
libvirt=$(virsh --version)
bench_machine
echo "virsh: $libvirt (test:///default), migcheck --libvirt $libvirt; java: $(java -version 2>&1 | head -1); $runs runs"
echo
printf '| hosts | file size | virsh median | migcheck median | virsh/migcheck | migcheck CPU | virsh peak RSS | migcheck peak RSS | same output |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|:---:|\n'
for n in 2 100 1000 10000; do
  f="$work/hosts-$n.xml"
  first "$n" >"$f"
  size=$(stat -c %s "$f")
  withvirsh=yes
  [ "$size" -le $((10 * 1024 * 1024)) ] || withvirsh=no
  for ((i = 0; i < runs; i++)); do
    [ "$withvirsh" = no ] || bench_run "virsh$n" virsh -q -c test:///default cpu-baseline "$f"
    bench_run "migcheck$n" "$here/migcheck" baseline --libvirt "$libvirt" "$f"
  done
  vt=- vm=- ratio=- same="- (over virsh's limit)"
  mt=$(bench_median "migcheck$n" 1)
  if [ "$withvirsh" = yes ]; then
    vt=$(bench_median "virsh$n" 1)
    vm=$(($(bench_max "virsh$n" 3) / 1024))
    ratio=$(awk -v a="$vt" -v b="$mt" 'BEGIN { printf "%.2f", a / b }')
    vt=$(awk -v t="$vt" 'BEGIN { printf "%.3f s", t }')
    # virsh ends its output with an empty line
    sed '${/^$/d}' "$work/out.virsh$n" >"$work/v.xml"
    same=no
    diff -u "$work/v.xml" "$work/out.migcheck$n" >"$work/diff" && same=yes
  fi
  printf '| %d | %.1f MB | %s | %.3f s | %s | %.2f s | %s MB | %d MB | %s |\n' \
    "$n" "$(awk -v s="$size" 'BEGIN{print s/1e6}')" "$vt" "$mt" "$ratio" \
    "$(bench_median "migcheck$n" 2)" "$vm" $(($(bench_max "migcheck$n" 3) / 1024)) "$same"
  if [ "$same" = no ]; then
    echo "outputs differ at $n hosts:" >&2
    head -20 "$work/diff" >&2
  fi
done

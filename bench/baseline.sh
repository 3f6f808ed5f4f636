#!/usr/bin/env bash
# migcheck baseline against virsh cpu-baseline on the same files, at 2, 100 and 1,000 hosts.
#
# The hosts come from migcheck's fleet generator (bench/fleetgen.sh; Intel only: one baseline must cover them all),
# at most 4 cores per socket, without the i686 <guest> block: that keeps 1,000 realistic
# capabilities documents under virsh's 10 MiB input limit (VSH_MAX_XML_FILE). Both tools read the
# same files; the outputs must be identical. Reports the median wall time of RUNS runs and the
# peak RSS of each tool.
#
# Usage: bench/baseline.sh [RUNS]   (needs virsh: apt-get install libvirt-clients; GNU time)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v virsh >/dev/null || { echo "virsh is needed (apt-get install libvirt-clients)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is needed (apt-get install time)" >&2; exit 2; }

"$here/migcheck" --version >/dev/null   # builds the jar if needed
"$here/bench/fleetgen.sh" \
  --hosts 1000 --seed 7 --intel-only --max-cores-per-socket 4 --single-file "$work/all.xml" 2>/dev/null
# drop the i686 guest blocks
awk '
  /^  <guest>$/ { buf = $0 "\n"; inguest = 1; next }
  inguest { buf = buf $0 "\n"; if ($0 == "  </guest>") { if (buf !~ /<arch name=.i686.>/) printf "%s", buf; inguest = 0 } ; next }
  { print }
' "$work/all.xml" > "$work/trimmed.xml"

first() { # first N documents
  awk -v n="$1" '{ print } /^<\/capabilities>$/ { if (++k == n) exit }' "$work/trimmed.xml"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

measure() { # command...: prints "median_seconds peak_kb"
  local times=() peak=0
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2>/dev/null \
      || { echo "failed: $*" >&2; exit 1; }
    read -r t m < "$work/time"
    times+=("$t")
    (( m > peak )) && peak=$m
  done
  printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | median)" "$peak"
}

printf '| hosts | file size | virsh median | migcheck median | virsh/migcheck | virsh peak RSS | migcheck peak RSS | same output |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|:---:|\n'
for n in 2 100 1000; do
  f="$work/hosts-$n.xml"
  first "$n" > "$f"
  size=$(stat -c %s "$f")
  read -r vt vm < <(measure virsh -q -c test:///default cpu-baseline "$f")
  read -r mt mm < <(measure "$here/migcheck" baseline "$f")
  virsh -q -c test:///default cpu-baseline "$f" | sed '${/^$/d}' > "$work/v.xml"
  "$here/migcheck" baseline "$f" > "$work/m.xml" 2>/dev/null
  same=no
  cmp -s "$work/v.xml" "$work/m.xml" && same=yes
  ratio=$(awk -v a="$vt" -v b="$mt" 'BEGIN { printf "%.2f", a / b }')
  printf '| %d | %.1f MB | %.3f s | %.3f s | %s | %d MB | %d MB | %s |\n' \
    "$n" "$(awk -v s="$size" 'BEGIN{print s/1e6}')" "$vt" "$mt" "$ratio" $((vm / 1024)) $((mm / 1024)) "$same"
done

# shellcheck shell=bash
# The JVM options of one migcheck run, shared by both launchers (./migcheck in a checkout,
# bin/migcheck of the release archive), which source this file and call
#
#   jvm_options JAVA JAR CLASS_DATA_DIR SAMPLES_DIR ARGS...
#
# It sets the array jvm_opts, and jvm_record when class data is missing or older than the jar but
# SAMPLES_DIR is not a directory, so none was recorded (./migcheck asks so while it checks whether
# the jar must be rebuilt first, then again with its samples). Two choices are made per run (and
# fleet, gate and baseline get a smaller young generation, see jvm_many_hosts):
#
# * JIT: C1 alone (-XX:TieredStopAtLevel=1) starts fastest and is all a few documents need; fleet,
#   gate and baseline over more than MIGCHECK_C2_BYTES of input (default 1 GiB, about 35,000
#   hosts with their domcapabilities) get C2, whose code reads 100,000 hosts with a third less
#   CPU, and C2 alone (-XX:-TieredCompilation): without the tiers' C1 compilations and profiled
#   code such a run takes another tenth less CPU. Short commands (not fleet, gate or baseline)
#   get one C1 compiler thread, which leaves both cores to their own two threads.
# * Class data, recorded once per Java runtime by a training run on the samples
#   (org.migcheck.cli.Training) and kept in CLASS_DATA_DIR when it is writable: an AOT cache
#   (-XX:AOTCache) on JDK 25 and later, an AppCDS archive (-XX:SharedArchiveFile) before. Either
#   only works for the runtime that made it and for the jar at this very path; a stale one is
#   remade. MIGCHECK_CDS=off turns class data off. baseline and compare, which read only CPUs,
#   have their own (named ...-cpu.jsa or .aot, trained on them alone, Training's "cpu"): about
#   1,500 classes instead of 2,500, 14 MB instead of 20, which each run maps and relocates (a
#   1,000-host baseline some 3% sooner, 5 MB less RSS). Their help and version use the whole one.

# The runtime's version from its release file (no JVM started), e.g. 17.0.15+6-Debian-1deb12u1.
jvm_runtime_version() {
  local java_path line
  java_path=$(command -v "$1") || return 1
  java_path=$(readlink -f "$java_path" 2>/dev/null) || return 1
  java_path="${java_path%/bin/java}/release"
  [ -f "$java_path" ] || return 1
  while IFS= read -r line; do
    case "$line" in
      JAVA_RUNTIME_VERSION=*)
        line=${line#*=}
        line=${line//\"/}
        printf '%s\n' "${line//[^A-Za-z0-9.+_-]/_}"
        return 0
        ;;
    esac
  done <"$java_path"
  return 1
}

# Whether the existing path arguments of a big-input command add up to more than the C2 limit.
jvm_big_input() {
  case "${1:-}" in fleet | gate | baseline) ;; *) return 1 ;; esac
  shift
  local paths=() a total
  for a in "$@"; do
    a=${a#--*=}
    [ -e "$a" ] && paths+=("$a")
  done
  [ ${#paths[@]} -gt 0 ] || return 1
  # quietly nothing (C1) where du is missing: a launcher must not add lines to stderr. Its last
  # line, "BYTES<tab>total", is taken apart here: tail and cut cost each run ~2 ms more.
  total=$(du -scbL -- "${paths[@]}" 2>/dev/null) || return 1
  total=${total##*$'\n'}
  total=${total%%[[:space:]]*}
  [ "${total:-0}" -gt "${MIGCHECK_C2_BYTES:-1073741824}" ]
}

# Whether the run is a CPU command's (baseline, compare) that its own class data covers: not
# when it asks for help or the version, or reads an argument file.
jvm_cpu_command() {
  case "${1:-}" in baseline | compare) ;; *) return 1 ;; esac
  local a
  for a in "$@"; do
    case "$a" in -h | --help | -V | --version | @*) return 1 ;; esac
  done
  return 0
}

# Whether the command reads whole fleets (fleet, gate, baseline). Their young generation is kept
# to a seventh of the heap instead of a third: what survives a young collection is a few documents
# in flight and each host's small record, so a larger one only adds to the peak RSS (100,000
# hosts: 334 MB with the default, 279 MB with this, no more CPU time).
jvm_many_hosts() {
  case "${1:-}" in fleet | gate | baseline) return 0 ;; *) return 1 ;; esac
}

jvm_options() {
  local java_bin=$1 jar=$2 dir=$3 samples=$4
  shift 4
  jvm_opts=(-XX:+UseSerialGC -Xss4m)
  jvm_record=''
  if jvm_big_input "$@"; then
    jvm_opts+=(-XX:-TieredCompilation)
  else
    jvm_opts+=(-XX:TieredStopAtLevel=1)
    # a short command runs two threads of its own on a 2-core machine: one C1 thread instead of
    # two leaves them the cores (a check 7% quicker); a thousand hosts want both. Not when
    # JAVA_OPTS picks the JIT: a tiered JIT refuses fewer than two threads.
    if ! jvm_many_hosts "$@"; then
      case " ${JAVA_OPTS:-} " in
        *Tiered* | *CICompilerCount* | *-Xint* | *-Xcomp*) ;;
        *) jvm_opts+=(-XX:CICompilerCount=1) ;;
      esac
    fi
  fi
  jvm_many_hosts "$@" && jvm_opts+=(-XX:NewRatio=6)
  [ "${MIGCHECK_CDS:-on}" != off ] || return 0
  local version feature data record use training=() name
  version=$(jvm_runtime_version "$java_bin") && [ -n "$version" ] || return 0
  feature=${version%%[!0-9]*}
  name="migcheck-java-$version"
  if jvm_cpu_command "$@"; then
    name="$name-cpu"
    training=(cpu)
  fi
  if [ "${feature:-0}" -ge 25 ]; then
    data="$dir/$name.aot"
    record=(-XX:AOTCacheOutput="$data.$$.tmp")
    use=(-XX:AOTCache="$data" -Xlog:aot=off -Xlog:cds=off)
  else
    # a static archive (the training run's class list, then one dump): it starts sooner than a
    # dynamic archive on top of the JDK's
    data="$dir/$name.jsa"
    record=(-XX:DumpLoadedClassList="$data.$$.classlist")
    use=(-XX:SharedArchiveFile="$data" -Xshare:auto -Xlog:cds=off)
  fi
  local stale=''
  { [ ! -f "$data" ] || [ "$jar" -nt "$data" ]; } && [ -d "$dir" ] && [ -w "$dir" ] && stale=yes
  if [ -n "$stale" ] && [ ! -d "$samples" ]; then
    jvm_record=wanted # no samples to train on: the caller calls again with them
  elif [ -n "$stale" ]; then
    # recorded under a temporary name and moved in place: a concurrent run never sees half of it
    "$java_bin" -XX:+UseSerialGC -Xss4m -XX:TieredStopAtLevel=1 "${record[@]}" -Xlog:disable \
      -cp "$jar" org.migcheck.cli.Training "$samples" ${training[@]+"${training[@]}"} >/dev/null 2>&1 || true
    if [ -s "$data.$$.classlist" ]; then
      "$java_bin" -XX:+UseSerialGC -Xss4m -Xshare:dump -XX:SharedClassListFile="$data.$$.classlist" \
        -XX:SharedArchiveFile="$data.$$.tmp" -Xlog:disable -cp "$jar" >/dev/null 2>&1 || true
      rm -f "$data.$$.classlist"
    fi
    if [ -s "$data.$$.tmp" ]; then
      mv -f "$data.$$.tmp" "$data" 2>/dev/null || rm -f "$data.$$.tmp"
    else
      rm -f "$data.$$.tmp"
    fi
    rm -f "$data.$$.tmp.config"
  fi
  if [ -f "$data" ] && [ ! "$jar" -nt "$data" ]; then
    jvm_opts+=("${use[@]}")
  fi
}

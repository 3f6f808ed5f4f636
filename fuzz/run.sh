#!/usr/bin/env bash
# Fuzzes migcheck's Jazzer targets one after another, MINUTES each (default 10), never two at once
# (each fuzzer keeps a core busy). Logs go to fuzz/logs/; crashing inputs land in the target's
# src/test/resources/.../<Class>Inputs/<method>/ directory, where `mvn verify` replays them.
#   fuzz/run.sh [MINUTES] [Class#method ...]
set -uo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(
    DocumentFuzzTest#capabilities
    DocumentFuzzTest#domainCapabilities
    DocumentFuzzTest#domainAndCpu
    DocumentFuzzTest#gatePolicy
    InputFuzzTest#concatenated
    ProfileFuzzTest#agreement
    BinderFuzzTest#agreement
    CpuMapFuzzTest#loader
    FastXmlReaderFuzzTest#agreement
    EngineFuzzTest#invariants
  )
fi
mkdir -p fuzz/logs
mvn -B -ntp -q test-compile
for t in "${targets[@]}"; do
  log="fuzz/logs/${t/\#/-}.log"
  echo "$(date -u +%H:%M:%S) fuzzing $t for ${minutes} min -> $log"
  # jazzer.internal.arg.N are libFuzzer arguments; the later -max_total_time wins over
  # @FuzzTest(maxDuration); keep_going records up to 100 distinct crashes instead of stopping
  JAZZER_FUZZ=1 mvn -B -ntp -o test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time=$((minutes * 60)) \
    -Djazzer.internal.arg.2=-print_final_stats=1 -Djazzer.keep_going=100 >"$log" 2>&1
  grep -aE '^#[0-9]+[[:space:]]+DONE|^Done [0-9]+ runs' "$log" | tail -2
  grep -acE '^== Java Exception' "$log" | sed 's/^/crashes: /'
done

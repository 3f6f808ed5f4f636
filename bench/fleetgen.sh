#!/usr/bin/env bash
# Runs the synthetic fleet generator (org.migcheck.fleet.gen.FleetGenerator). It lives in the test
# sources, not in the product jar, so this builds the jar and the test classes when needed and runs
# it from both.
#
#   bench/fleetgen.sh --hosts 1000 --seed 1 --out DIR [--single-file F] [--domcaps] [--intel-only]
#   bench/fleetgen.sh --help
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$repo/migcheck" --version >/dev/null # builds the jar when needed
cls="$repo/target/test-classes/org/migcheck/fleet/gen/FleetGenerator.class"
if [ ! -f "$cls" ] || [ -n "$(find "$repo/src/main/java" "$repo/src/test/java/org/migcheck/fleet/gen" \
    -name '*.java' -newer "$cls" -print -quit)" ]; then
  (cd "$repo" && mvn -B -ntp -q test-compile) >&2
fi
exec java -cp "$repo/target/test-classes:$repo/target/migcheck-all.jar" \
  org.migcheck.fleet.gen.FleetGenerator "$@"

#!/usr/bin/env bash
# Regenerates docs/fleet-report.png, the README's picture of `migcheck fleet --format html` on the
# sample fleet, with one cell's reasons open (the page's #cell= address), in headless Chromium.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
chromium=${CHROMIUM:-chromium}
command -v "$chromium" >/dev/null || { echo "needs chromium (apt-get install chromium)" >&2; exit 2; }
mkdir -p "$repo/target"
page="$repo/target/fleet-samples.html"
# shellcheck disable=SC2046
"$repo/migcheck" fleet --format html -o "$page" $(ls "$repo"/samples/*.xml | grep -v '/guest-')
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size=1280,1900 \
  --screenshot="$repo/docs/fleet-report.png" "file://$page#cell=host-model:C2:C3" 2>/dev/null
echo "wrote docs/fleet-report.png"

#!/usr/bin/env bash
# Starts the whole product: installs what is missing, builds the app, then runs rtpengine, Kamailio and the
# companion (which serves the app and seeds the demo organisation). Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
printf '\033[1m[start]\033[0m building the app\n'
npx vite build --logLevel warn
exec npx tsx scripts/start.ts

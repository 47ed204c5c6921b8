#!/usr/bin/env bash
# Runs every test: lint (with the layers' fences), type check, unit and component tests, then integration and
# end-to-end tests against the real Kamailio, rtpengine, companion and Chromium, inside a private network namespace.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m[test]\033[0m %s\n' "$*"; }

bash scripts/ensure-deps.sh --test
say "lint: ESLint with the layers' fences, and Prettier's format check (npm run lint)"
npm run --silent lint
say "type check"
npx tsc --noEmit -p tsconfig.json
say "building the app for the end-to-end tests"
npx vite build --logLevel warn
say "unit, component, integration and end-to-end tests (private network namespace)"
mkdir -p .run
status=0
bash scripts/in-netns.sh npx vitest run --no-file-parallelism --reporter=default --reporter=json --outputFile.json=.run/vitest.json || status=$?
# One plain closing line with the totals.
node -e 'const r = require("./.run/vitest.json"); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`)' || true
exit "$status"

#!/usr/bin/env bash
# Installs what Switchboard needs when it is missing: Debian packages (through apt-get) and npm packages.
# Usage: scripts/ensure-deps.sh [--test]   (--test adds what only the tests need: chromium, sipp)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# sox (+ its MP3 reader) converts voicemail greetings to 8 kHz PCMU; espeak-ng speaks typed greetings and prompts.
packages=(kamailio kamailio-websocket-modules kamailio-autheph-modules kamailio-utils-modules kamailio-json-modules rtpengine-daemon iproute2 util-linux sox libsox-fmt-mp3 espeak-ng)
if [[ "${1:-}" == "--test" ]]; then packages+=(chromium sip-tester); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "Debian packages present: ${packages[*]}"
fi
# rtpengine's Debian package starts a system daemon on install; we run our own instances, so keep it off.
if systemctl is-active --quiet rtpengine-daemon 2>/dev/null; then systemctl stop rtpengine-daemon || true; fi

if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  # npm install, not npm ci: npm 11 leaves other platforms' optional packages (rollup, esbuild) out of the
  # lock file, and npm ci then refuses the lock as out of sync. The lock still pins every version used here.
  say "installing npm packages (npm install from package-lock.json)"
  npm install --no-audit --no-fund
else
  say "npm packages up to date"
fi
# better-sqlite3 is a native addon: make sure it is built for this Node.
if ! node -e "new (require('better-sqlite3'))(':memory:')" 2>/dev/null; then
  say "building better-sqlite3 from source"
  npm rebuild better-sqlite3
fi

#!/usr/bin/env bash
# Runs a command inside a private network namespace with only loopback up, so no test packet can leave
# this machine. Needs root (unshare -n). Usage: scripts/in-netns.sh <command> [args...]
set -euo pipefail
if [[ "${SWITCHBOARD_NETNS:-}" == "1" ]]; then exec "$@"; fi
exec unshare -n -- env SWITCHBOARD_NETNS=1 bash -c 'ip link set lo up && exec "$@"' netns "$@"

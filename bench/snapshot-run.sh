#!/usr/bin/env bash
# Runs `pnpm bench` on an exported snapshot of a commit (default HEAD) instead of the working tree,
# so a measurement is of committed code only, while others keep editing. Results land in this
# checkout's bench/results/ and the README table is refreshed.
#   bench/snapshot-run.sh [commit] [bench flags...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
commit="$(git -C "$repo" rev-parse "${1:-HEAD}")"
shift || true
snap="$(mktemp -d /tmp/greenlight-snapshot-XXXXXX)"
trap 'rm -rf "$snap"' EXIT
git -C "$repo" archive "$commit" | tar -x -C "$snap"
# Dependencies are the checkout's (same lockfile): link every installed node_modules.
ln -s "$repo/node_modules" "$snap/node_modules"
for pkg in bench client embedded-mongo schema server tests; do
  if [ -d "$repo/$pkg/node_modules" ] && [ -d "$snap/$pkg" ] && [ ! -L "$snap/$pkg" ]; then
    ln -s "$repo/$pkg/node_modules" "$snap/$pkg/node_modules"
  fi
done
cd "$snap/bench"
BENCH_COMMIT="$commit" node --import tsx src/run.ts --out "$here/results" "$@"
node --import tsx "$here/src/tools/update-readme.ts" "$here/results/latest.json"

#!/usr/bin/env bash
# npm run bench [-- options]: installs the servers Tafel is compared with (bench/others, its own
# lockfile, never part of the app's install), then runs the benchmarks. Options: see bench/main.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d bench/others/node_modules ] || [ bench/others/package-lock.json -nt bench/others/node_modules/.package-lock.json ]; then
  npm ci --prefix bench/others --no-audit --no-fund
fi
if [ ! -x /usr/bin/redis-server ]; then echo "redis-server is needed for the scale-out figures (apt-get install redis-server)"; fi
exec node --import tsx --expose-gc bench/main.ts "$@"

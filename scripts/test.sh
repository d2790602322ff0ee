#!/usr/bin/env bash
# Runs every check and test: lint, types, schema drift (inside Vitest), unit and integration tests,
# and end-to-end tests in Chromium. Uses PGlite unless DATABASE_URL is set. Runs every step even
# when one fails, then exits non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Chromium for the browser tests…"
    apt-get update && apt-get install -y chromium || { echo "Could not install chromium"; exit 1; }
  else
    echo "Chromium is needed for the browser tests. Install it with:"
    echo "  sudo apt-get update && sudo apt-get install -y chromium"
    exit 1
  fi
fi

mode=$([ -n "${DATABASE_URL:-}" ] && echo postgresql || echo pglite)
out=test-results/$mode
rm -rf "$out" && mkdir -p "$out"
failed_steps=()
step() {
  local name=$1; shift
  echo "── $name ($mode)"
  if "$@"; then echo "ok $name" >> "$out/checks.txt"; else echo "FAILED $name" >> "$out/checks.txt"; failed_steps+=("$name"); fi
}

step lint node_modules/.bin/biome ci .
step types node_modules/.bin/tsc --noEmit -p .
if node_modules/.bin/tsx -e 'import("./scripts/build-state.ts").then(m => process.exit(m.buildIsStale(process.cwd()) ? 0 : 1))'; then
  step build node_modules/.bin/next build
fi
step unit node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json"
step e2e env PLAYWRIGHT_JSON_OUTPUT_NAME="$out/playwright.json" node_modules/.bin/playwright test --reporter=list,json

node_modules/.bin/tsx scripts/test-summary.ts "$out"
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "Failed ($mode): ${failed_steps[*]}"
  exit 1
fi

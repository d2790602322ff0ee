#!/usr/bin/env bash
# Writes a new SQL migration from the difference between the last migrated schema and prisma/schema.prisma.
# Usage: scripts/migration-new.sh <name>   (the first migration diffs from empty)
set -euo pipefail
name=${1:?usage: scripts/migration-new.sh <name>}
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
with_url() { sed 's|^\(\s*provider\s*=\s*"postgresql"\)|\1\n  url = "postgresql://unused"|' "$1"; }
with_url prisma/schema.prisma > "$tmp/new.prisma"
if [ -f prisma/migrated.prisma ]; then
  with_url prisma/migrated.prisma > "$tmp/old.prisma"
  from=(--from-schema-datamodel "$tmp/old.prisma")
else
  from=(--from-empty)
fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
node node_modules/prisma6/build/index.js migrate diff --config prisma6.config.ts \
  "${from[@]}" --to-schema-datamodel "$tmp/new.prisma" --script > "$dir/migration.sql"
# The schema the migrations now produce, the base of the next diff.
cp prisma/schema.prisma prisma/migrated.prisma
echo "wrote $dir/migration.sql"

#!/usr/bin/env bash
# Sets up and starts the portal on the embedded SQLite database with realistic demo data:
# migrate, seed (only if the database is empty), build, start on http://localhost:${PORT:-3000}.
# Works the same on PostgreSQL when DATABASE_URL=postgresql://… is set.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${DATABASE_URL:-file:./data/portal.db}"
# the origin printed into certificate QR codes and checked when they are scanned
export PORTAL_ORIGIN="${PORTAL_ORIGIN:-http://localhost:${PORT:-3000}}"
# the seed's demo staff accounts (README "For staff") may sign in: a production start refuses them otherwise
export ALLOW_DEMO_ACCOUNTS=true
# a demo signing key for certificates, generated once into the git-ignored keys/ folder; the
# seed signs every certificate with it and the portal publishes it at /.well-known/jwks.json
npx tsx scripts/keys/generate-demo-keys.ts
# demo keys for the ID numbers, phones and objection contacts stored encrypted (docs/personal-data.md)
npx tsx scripts/personal-data/generate-demo-keys.ts
# the transparency log's own key (its checkpoints' signatures; /log/vkey publishes the public part)
npx tsx scripts/log/generate-key.ts
npx tsx scripts/db/migrate.ts deploy
# a database made before encryption: its plain values are encrypted (nothing to do on later runs)
npx tsx scripts/personal-data/pii.ts encrypt
if npx tsx scripts/db/has-data.ts; then
  echo "database already holds demo data (npm run db:seed -- --reset to make it anew)"
else
  npx tsx scripts/seed/main.ts --scale "${DEMO_SCALE:-1}"
fi
npx next build web
echo "portal: http://localhost:${PORT:-3000}"
# the production server (request ids, JSON access logs, graceful shutdown): scripts/serve/portal.ts
exec npx tsx scripts/serve/portal.ts -p "${PORT:-3000}"

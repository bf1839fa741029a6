#!/usr/bin/env bash
# The whole test suite: what `npm test` and CI run. Each stage runs even if an earlier one failed,
# so one run shows every problem; the last line sums the test cases (a failed non-test stage, such
# as a build, counts as one failure).
set -uo pipefail
cd "$(dirname "$0")/.."

RESULTS=.cache/test-results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
failed_stages=()

stage() {
  local name=$1; shift
  printf '\n\033[1m=== %s\033[0m\n' "$name"
  local start=$SECONDS
  if "$@"; then
    printf '=== %s: ok (%ss)\n' "$name" $((SECONDS - start))
  else
    printf '=== %s: FAILED (%ss)\n' "$name" $((SECONDS - start))
    failed_stages+=("$name")
  fi
}

export NODE_OPTIONS="${NODE_OPTIONS:-} --no-warnings=ExperimentalWarning"

stage "install: lockfiles complete for every platform" bash scripts/check-lockfile.sh
stage "dependencies: no high or critical advisory in production dependencies (npm audit --omit=dev)" node scripts/check-advisories.mjs
stage "services: PostgreSQL for the database tests" bash scripts/ensure-postgres.sh
stage "services: Redis for the rate-limit tests" bash scripts/ensure-redis.sh
stage "schema: PostgreSQL schema derived from the source schema" npx tsx scripts/db/generate.ts --check
stage "schema: committed migrations carry every schema change" npx tsx scripts/db/migrate.ts check
stage "typecheck: shared, prisma, scripts" npx tsc --noEmit -p tsconfig.json
stage "typecheck: web" bash -c "npx next typegen web >/dev/null && npx tsc --noEmit -p web/tsconfig.json"
stage "unit tests (vitest)" npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$RESULTS/unit.json"
stage "database tests on SQLite and PostgreSQL (vitest)" npx vitest run --project db --reporter=verbose --reporter=json --outputFile.json="$RESULTS/db.json"
stage "web: next build" npx next build web
stage "browser: Debian chromium and CJK fonts" bash scripts/ensure-chromium.sh
stage "end-to-end on SQLite: HTTP API and headless Chromium against next start" npx vitest run --project e2e --reporter=verbose --reporter=json --outputFile.json="$RESULTS/e2e.json"
# production's database: every file that reads or writes data through the portal (the layout and
# mini-program files exercise the same data paths and are left to the SQLite run)
stage "end-to-end on PostgreSQL: the API, certificates, credit, lists, exports, statistics, search, publication rule, staff journeys, back-office 404s, transparency log, two instances" env E2E_DATABASE=postgresql \
  npx vitest run --project e2e tests/e2e/openapi-conformance.e2e.test.ts tests/e2e/certificates.e2e.test.ts tests/e2e/credit.e2e.test.ts \
  tests/e2e/exposure-filter.e2e.test.ts tests/e2e/permit-export.e2e.test.ts tests/e2e/statistics.e2e.test.ts tests/e2e/search-journey.e2e.test.ts \
  tests/e2e/publication.e2e.test.ts tests/e2e/csv-injection.e2e.test.ts tests/e2e/staff-journey.e2e.test.ts tests/e2e/import-journey.e2e.test.ts tests/e2e/exchange-api.e2e.test.ts \
  tests/e2e/admin-not-found.e2e.test.ts tests/e2e/transparency-log.e2e.test.ts tests/e2e/two-instances.e2e.test.ts \
  --reporter=verbose --reporter=json --outputFile.json="$RESULTS/e2e-postgresql.json"
if [ -f miniprogram/package.json ]; then
  stage "mini-program: typecheck" npm --prefix miniprogram run typecheck
  stage "mini-program: unit tests (vitest)" npm --prefix miniprogram run test -- --reporter=default --reporter=json --outputFile.json="../$RESULTS/miniprogram.json"
  stage "mini-program: build weapp" npm --prefix miniprogram run build:weapp
  stage "mini-program: check weapp output and size" npm --prefix miniprogram run check:weapp
  stage "mini-program: build h5" npm --prefix miniprogram run build:h5
fi

node scripts/test-summary.mjs "$RESULTS" "${#failed_stages[@]}" "${failed_stages[@]+"${failed_stages[@]}"}"

// Starts the built portal (`next build web` must have run) on a fresh database seeded with a small,
// fixed demo data set, for the browser tests; stops it afterwards. E2E_DATABASE picks the database:
// sqlite (default) or postgresql (production; a new database on POSTGRES_ADMIN_URL's server, dropped
// afterwards). The rate limits count in Redis, as in production; in CI a missing Redis fails the run.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import type { TestProject } from 'vitest/node'
import { applyMigrations } from '../../prisma/migrator.ts'
import { createDb } from '../../prisma/client.ts'
import { seedDatabase } from '../../scripts/seed/seed-database.ts'
import { signerFromEnvironment } from '../../scripts/seed/certificate-signer.ts'
import { freePort, isListening } from '../../scripts/lib/ports.ts'
import { createEmptyDatabase } from '../../prisma/testing/test-database.ts'
import { personalDataKeysFromEnvironment } from '../../scripts/personal-data/keys-from-environment.ts'
import { logKeyFromEnvironment } from '../../scripts/log/log-key-from-environment.ts'
import { refreshStatusList } from '../../web/server/status-list/refresh-status-list.ts'

export const E2E_AS_OF = '2026-11-20'
/** verifications per client per window on the server under test: room for every test's own calls (the browser tests share one client, and the /v/ page counts against the same budget) */
const E2E_VERIFY_RATE_LIMIT = 600
/**
 * The verification window in seconds: windows are aligned to multiples of their length since
 * 1970, so one that ends a day after set-up is the first one and holds the whole run; no count
 * can reset between a test's requests, whatever the wall clock says.
 */
const E2E_VERIFY_RATE_LIMIT_WINDOW_SECONDS = Math.ceil(Date.now() / 1000) + 86_400

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    databaseUrl: string
    keysFile: string
    /** the personal-data key file the seed encrypted with and the portal opens with */
    personalDataKeysFile: string
    verifyRateLimit: number
    verifyRateLimitWindowSeconds: number
    /** the environment the portal under test was started with */
    serverEnv: NodeJS.ProcessEnv
  }
}

async function waitForHealth(baseUrl: string, server: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the portal exited with code ${server.exitCode}`)
    try {
      const res = await fetch(`${baseUrl}/api/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`the portal did not answer ${baseUrl}/api/health within ${timeoutMs} ms`)
}

export default async function setup(project: TestProject) {
  if (!fs.existsSync('web/.next/BUILD_ID')) throw new Error('run `npx next build web` before the browser tests')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'))
  const provider = process.env.E2E_DATABASE ?? 'sqlite'
  if (provider !== 'sqlite' && provider !== 'postgresql') throw new Error(`E2E_DATABASE must be sqlite or postgresql, not ${provider}`)
  const database =
    provider === 'postgresql' ? await createEmptyDatabase('postgresql') : { url: `file:${path.join(dir, 'e2e.db')}`, drop: async () => {} }
  const databaseUrl = database.url
  // the platform's signing keys for this run: the seed signs the certificates with them, the
  // portal publishes them (JWKS) and verifies with them
  const keysFile = path.join(dir, 'certificate-keys.json')
  const keys = spawnSync('npx', ['tsx', 'scripts/keys/generate-demo-keys.ts'], { env: { ...process.env, CERTIFICATE_KEYS_FILE: keysFile }, encoding: 'utf8' })
  if (keys.status !== 0) throw new Error(`generating the test signing keys failed: ${keys.stderr}`)
  // the personal-data keys of this run: the seed encrypts ID numbers and phones, the portal opens them
  const personalDataKeysFile = path.join(dir, 'personal-data-keys.json')
  const piiKeys = spawnSync('npx', ['tsx', 'scripts/personal-data/generate-demo-keys.ts'], { env: { ...process.env, PERSONAL_DATA_KEYS_FILE: personalDataKeysFile }, encoding: 'utf8' })
  if (piiKeys.status !== 0) throw new Error(`generating the test personal-data keys failed: ${piiKeys.stderr}`)
  personalDataKeysFromEnvironment({ PERSONAL_DATA_KEYS_FILE: personalDataKeysFile })
  // the transparency log's key of this run: the seed's events are logged and signed with it
  const logKeyFile = path.join(dir, 'log-key.json')
  const logKeys = spawnSync('npx', ['tsx', 'scripts/log/generate-key.ts'], { env: { ...process.env, LOG_KEY_FILE: logKeyFile, LOG_ORIGIN: 'portal.e2e.test/log' }, encoding: 'utf8' })
  if (logKeys.status !== 0) throw new Error(`generating the test log key failed: ${logKeys.stderr}`)
  logKeyFromEnvironment({ LOG_KEY_FILE: logKeyFile })
  await applyMigrations(databaseUrl)
  const db = createDb(databaseUrl)
  try {
    const signer = signerFromEnvironment({ CERTIFICATE_KEYS_FILE: keysFile })
    await seedDatabase(db, { signer, scale: Number(process.env.E2E_SCALE ?? 0.05), seed: 20140101, asOf: E2E_AS_OF })
    // the seed signs the revocation status list as of its as-of day; re-signed now, as the staff
    // instance does on start-up, so that a phone under test gets a current (not stale) list
    await refreshStatusList(db)
  } finally {
    await db.$disconnect()
  }
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  // the rate limit counts in Redis when it runs (as in production), under a prefix of this run's own
  const redisUp = await isListening('127.0.0.1', 6379)
  if (!redisUp && process.env.CI === 'true') throw new Error('Redis is not listening on 127.0.0.1:6379; CI tests the rate limits as production runs them')
  if (!redisUp) console.warn('[e2e] Redis not listening on 127.0.0.1:6379: rate limits count in memory for this run')
  const redis = redisUp ? { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: `e2e-${process.pid}-${Date.now()}:` } : {}
  // kept for tests that start a server of their own on this run's database (graceful shutdown)
  const serverEnv = {} as NodeJS.ProcessEnv
  // the production server entry (scripts/serve/portal.ts), as `npm run web:start` runs it
  const server = spawn('npx', ['tsx', 'scripts/serve/portal.ts', '-p', String(port), '-H', '127.0.0.1'], {
    env: Object.assign(serverEnv, {
      ...process.env,
      ...redis,
      DATABASE_URL: databaseUrl,
      PORTAL_ORIGIN: baseUrl,
      CERTIFICATE_KEYS_FILE: keysFile,
      PERSONAL_DATA_KEYS_FILE: personalDataKeysFile,
      LOG_KEY_FILE: logKeyFile,
      VERIFY_RATE_LIMIT_PER_MINUTE: String(E2E_VERIFY_RATE_LIMIT),
      VERIFY_RATE_LIMIT_WINDOW_SECONDS: String(E2E_VERIFY_RATE_LIMIT_WINDOW_SECONDS),
      // as in production, behind one reverse proxy: a test that names a client in
      // X-Forwarded-For plays that proxy (requests without the header are 127.0.0.1, as before)
      TRUSTED_PROXY_COUNT: '1',
      NODE_ENV: 'production',
      // the seed's documented demo staff accounts sign in (production refuses them otherwise)
      ALLOW_DEMO_ACCOUNTS: 'true',
      // the tests write their fixtures straight into the database, past the write path that ends
      // cached pages (docs/caching.md), and look at them at once: no cache on this portal;
      // two-instances.e2e.test.ts runs its portals with it
      CACHE_TTL_SECONDS: '0',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const log: string[] = []
  server.stdout?.on('data', (d) => log.push(String(d)))
  server.stderr?.on('data', (d) => log.push(String(d)))
  try {
    await waitForHealth(baseUrl, server)
  } catch (error) {
    console.error(log.join(''))
    throw error
  }
  project.provide('baseUrl', baseUrl)
  project.provide('databaseUrl', databaseUrl)
  console.log(`[e2e] portal on ${baseUrl}, ${provider} database, rate limits in ${redisUp ? 'Redis' : 'memory'}`)
  project.provide('keysFile', keysFile)
  project.provide('personalDataKeysFile', personalDataKeysFile)
  project.provide('verifyRateLimit', E2E_VERIFY_RATE_LIMIT)
  project.provide('verifyRateLimitWindowSeconds', E2E_VERIFY_RATE_LIMIT_WINDOW_SECONDS)
  project.provide('serverEnv', serverEnv)
  return async () => {
    if (server.pid) process.kill(-server.pid, 'SIGTERM')
    await database.drop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

// The portal in production: the built Next.js app (`npx next build web` first) behind our own
// node:http server instead of `next start`, so that every request gets a request id and a client
// address the client cannot choose, one JSON access-log line, and a graceful shutdown.
//
//   npx tsx scripts/serve/portal.ts [-p|--port <port>] [-H|--hostname <address>]
//
// Port: --port, else PORT (3000); address: --hostname, else every interface. Settings are the
// portal's own (web/lib/env.ts), validated before anything starts; LOG_LEVEL, SLOW_QUERY_MS,
// SHUTDOWN_TIMEOUT_SECONDS and TRUSTED_PROXY_COUNT concern this server.
//
// Standard output carries JSON lines only (pino): the access log, application lines, slow database
// operations, and Next's own console output (console-log.ts), each with the request id when known.
//
// SIGTERM or SIGINT: stop accepting connections, finish the requests in flight (at most
// SHUTDOWN_TIMEOUT_SECONDS, then the rest are cut and the exit code is 1), run Next's pending
// after() work, close the database client and the rate limiters' Redis connections, exit 0.
// A second signal during the shutdown exits at once (code 1).
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'

// Next's production server expects it, as `next start` sets it; set before the settings are read
;(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production'

const { env } = await import('../../web/lib/env.ts')
const { configureLogger, getLogger } = await import('../../web/server/lib/logger.ts')
const { createPortalServer } = await import('./portal-server.ts')
const { routeConsoleToLogger } = await import('./console-log.ts')
const { default: next } = await import('next')

const { values } = parseArgs({
  options: {
    port: { type: 'string', short: 'p' },
    hostname: { type: 'string', short: 'H' },
  },
})
const port = Number(values.port ?? env.PORT)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not ${values.port}`)
  process.exit(2)
}
const hostname = values.hostname

configureLogger({ level: env.LOG_LEVEL })
const log = getLogger()
// Next's own errors and warnings: JSON lines with the request id, like ours
routeConsoleToLogger(getLogger)

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web')
// Next builds the URL the proxy (middleware) sees from 'localhost' whatever it is told here, and
// takes a rewrite whose origin differs from the one built from this hostname for an external one:
// with the listening address here (-H 127.0.0.1), every proxy rewrite (the 404 and 429 pages) went
// out as an HTTP request to localhost and back in (or failed). This name only builds URLs; the
// server listens where --hostname says.
const app = next({ dev: false, dir: WEB_DIR, hostname: 'localhost', port })
let handle: ReturnType<typeof app.getRequestHandler> | null = null

const portal = createPortalServer({
  trustedProxyCount: env.TRUSTED_PROXY_COUNT,
  logger: getLogger,
  handle: async (req, res) => {
    if (!handle) throw new Error('the server answered before Next was ready')
    await handle(req, res)
  },
})

await app.prepare()
handle = app.getRequestHandler()
await new Promise<void>((resolve, reject) => {
  portal.server.once('error', reject)
  if (hostname) portal.server.listen(port, hostname, resolve)
  else portal.server.listen(port, resolve)
})
const address = portal.server.address()
log.info({ address: typeof address === 'object' && address ? `${address.address}:${address.port}` : address, trustedProxyCount: env.TRUSTED_PROXY_COUNT }, 'portal listening')

/**
 * The process's long-lived clients, which the app keeps on globalThis (web/lib/db.ts's client,
 * web/server/rate-limit's limiters with their Redis connections): the app's modules are Next's
 * bundles, so the handles are reached through the same global the app uses.
 */
async function closeProcessResources(): Promise<void> {
  const g = globalThis as typeof globalThis & {
    __portalDb?: { $disconnect(): Promise<void> }
    __rateLimiters?: Map<string, { close(): Promise<void> }>
  }
  const closing: Promise<unknown>[] = []
  if (g.__portalDb) closing.push(g.__portalDb.$disconnect())
  for (const limiter of g.__rateLimiters?.values() ?? []) closing.push(limiter.close())
  const results = await Promise.allSettled(closing)
  for (const r of results) if (r.status === 'rejected') log.warn({ err: r.reason }, 'closing a client failed')
}

let stopping = false
async function stop(signal: NodeJS.Signals) {
  if (stopping) {
    log.warn({ signal }, 'second signal during shutdown: exiting at once')
    process.exit(1)
  }
  stopping = true
  const timeoutMs = env.SHUTDOWN_TIMEOUT_SECONDS * 1000
  log.info({ signal, inFlight: portal.inFlight(), timeoutMs }, 'shutting down: no new connections, finishing requests in flight')
  const drained = await portal.shutdown(timeoutMs)
  if (!drained) log.error({ timeoutMs }, 'requests still in flight at the shutdown timeout were cut')
  // pending after() callbacks (e.g. an import job started by a request) run to their end
  await app.close()
  await closeProcessResources()
  log.info({ drained }, 'stopped')
  process.exit(drained ? 0 : 1)
}
process.on('SIGTERM', (s) => void stop(s))
process.on('SIGINT', (s) => void stop(s))

// The portal's HTTP server around a request handler (Next's, in portal.ts): what must hold for
// every request before the application sees it, one access-log line after it, and a graceful
// shutdown. Kept apart from Next so that it is tested with a plain handler.
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import { clientAddressOf } from '../../web/server/rate-limit/client-address.ts'
import { withRequestContext } from '../../web/server/lib/logger.ts'
import { loggableUrl, safeClientRequestId } from './access-log.ts'

export const REQUEST_ID_HEADER = 'x-request-id'
/** the client address as this server computed it: the only one the application trusts (rate limits, health details) */
export const CLIENT_IP_HEADER = 'x-portal-client-ip'

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

export interface PortalServerOptions {
  handle: RequestHandler
  trustedProxyCount: number
  logger: () => Logger
}

export interface PortalServer {
  server: http.Server
  /** requests being served now */
  inFlight(): number
  /**
   * Stops accepting connections, lets the requests in flight finish (new requests on open
   * keep-alive connections are still answered, with `Connection: close`), then closes every
   * connection. Resolves true when all finished within timeoutMs, false when the rest were cut.
   */
  shutdown(timeoutMs: number): Promise<boolean>
}

function headerText(value: string | string[] | undefined): string | null {
  if (value === undefined) return null
  return Array.isArray(value) ? value.join(',') : value
}

export function createPortalServer(options: PortalServerOptions): PortalServer {
  let draining = false
  let inFlight = 0
  let onIdle: (() => void) | null = null

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint()
    const requestId = randomUUID()
    const clientRequestId = safeClientRequestId(req.headers[REQUEST_ID_HEADER])
    // ours replaces whatever the client sent, for the application and in the answer
    req.headers[REQUEST_ID_HEADER] = requestId
    res.setHeader(REQUEST_ID_HEADER, requestId)
    delete req.headers[CLIENT_IP_HEADER]
    const client = clientAddressOf(req.socket.remoteAddress, headerText(req.headers['x-forwarded-for']), options.trustedProxyCount)
    if (client) req.headers[CLIENT_IP_HEADER] = client
    if (draining) res.setHeader('connection', 'close')
    inFlight++

    let logged = false
    const done = () => {
      if (logged) return
      logged = true
      inFlight--
      // no status when the client left before the answer began
      const status = res.headersSent ? res.statusCode : null
      const line = {
        requestId,
        ...(clientRequestId ? { clientRequestId } : {}),
        method: req.method,
        ...loggableUrl(req.url),
        status,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        // the client went away before the whole answer was sent
        ...(res.writableFinished ? {} : { aborted: true }),
      }
      const logger = options.logger()
      if (status !== null && status >= 500) logger.error(line, 'request')
      else logger.info(line, 'request')
      if (inFlight === 0 && onIdle) onIdle()
    }
    res.once('finish', done)
    res.once('close', done)

    withRequestContext({ requestId }, () => options.handle(req, res)).catch((error: unknown) => {
      withRequestContext({ requestId }, () => options.logger().error({ err: error }, 'request handler failed'))
      if (!res.headersSent) {
        res.statusCode = 500
        res.setHeader('content-type', 'application/json; charset=utf-8')
        res.end(JSON.stringify({ error: { code: 'INTERNAL', message: '服务器内部错误', requestId } }))
      } else {
        res.destroy()
      }
    })
  })

  async function shutdown(timeoutMs: number): Promise<boolean> {
    draining = true
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    // keep-alive connections with no request in progress would otherwise hold close() open
    server.closeIdleConnections()
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs)
    })
    const idle = new Promise<void>((resolve) => {
      if (inFlight === 0) resolve()
      else onIdle = resolve
    })
    const drained = await Promise.race([
      idle.then(async () => {
        // every request is answered: the connections left are idle (a request that arrived
        // since would have counted in flight)
        server.closeIdleConnections()
        await closed
        return true as const
      }),
      timeout,
    ])
    clearTimeout(timer)
    if (!drained) {
      server.closeAllConnections()
      await closed
    }
    return drained
  }

  return { server, inFlight: () => inFlight, shutdown }
}

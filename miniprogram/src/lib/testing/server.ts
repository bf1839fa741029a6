// A real node:http server on 127.0.0.1 for the API client tests: routes answer as scripted,
// including stalling (never answering, or answering the headers and then never the body).

import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Recorded {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  /** the client closed the exchange before the response was complete (it gave up: an abort) */
  abandoned: boolean
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void

export interface TestServer {
  origin: string
  requests: Recorded[]
  /** replaces the handler for a path (query ignored) */
  route(path: string, handler: Handler): void
  close(): Promise<void>
}

export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers })
    res.end(typeof body === 'string' ? body : JSON.stringify(body))
  }

/** Accepts the request and never answers. */
export const stall: Handler = () => {}

/** Sends the status and headers and part of the body, then never finishes. */
export const stallBody: Handler = (_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' })
  res.write('{"genuine": tr')
}

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>()
  const requests: Recorded[] = []
  const sockets = new Set<import('node:net').Socket>()
  // the server's own shutdown ends stalled exchanges too: that is not the client giving up
  let closing = false
  const server = http.createServer((req, res) => {
    const recorded: Recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, abandoned: false }
    requests.push(recorded)
    res.on('close', () => {
      if (!res.writableFinished && !closing) recorded.abandoned = true
    })
    const path = (req.url ?? '').split('?')[0]
    const handler = routes.get(path)
    if (handler) handler(req, res)
    else json(404, { error: { code: 'not_found', message: '未找到该资源' } })(req, res)
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    route: (path, handler) => {
      routes.set(path, handler)
    },
    close: () =>
      new Promise<void>((resolve) => {
        // stalled exchanges keep their sockets open: end them so close() returns
        closing = true
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

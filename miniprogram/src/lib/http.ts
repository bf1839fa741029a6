// The one HTTP operation the app needs (GET, text body) behind an interface, so that the API
// client runs unchanged on WeChat (Taro.request, see src/services/taro-adapters.ts), in the H5
// build (window.fetch) and in tests (Node's fetch against a real local server).
//
// Every request has a deadline that this module enforces itself, whatever the platform does:
// an inspector on a building site must get an answer in seconds, and a request that never
// settles (a stalled server, a captive portal, a half-open connection) must turn into a
// TIMEOUT instead of a spinner.

export interface HttpResponse {
  status: number
  /** a response header, case-insensitive; null when absent or not readable (CORS) */
  header(name: string): string | null
  /** the body as text */
  text: string
}

export type TransportFailureKind = 'TIMEOUT' | 'NETWORK'

/** A request that got no HTTP response at all. */
export class TransportError extends Error {
  constructor(
    readonly kind: TransportFailureKind,
    message: string,
  ) {
    super(message)
    this.name = 'TransportError'
  }
}

export interface HttpGetOptions {
  /** request headers; keep them CORS-safelisted (Accept) so the H5 build needs no preflight */
  headers?: Record<string, string>
  /** hard deadline for the whole exchange, headers and body */
  timeoutMs: number
}

export interface HttpClient {
  /** Resolves with any HTTP status; rejects only with a TransportError. */
  get(url: string, options: HttpGetOptions): Promise<HttpResponse>
}

/**
 * Arms a deadline: calls `expire` after `ms` unless the returned cancel is called first. Injected
 * by tests, which fire deadlines when they choose instead of waiting and measuring milliseconds.
 */
export type DeadlineTimer = (ms: number, expire: () => void) => () => void

export const realDeadlineTimer: DeadlineTimer = (ms, expire) => {
  const timer = setTimeout(expire, ms)
  return () => clearTimeout(timer)
}

/**
 * Races `start` against a timer. `start` receives an abort callback registrar: whatever it
 * registers is called when the deadline passes, so the platform request is cancelled rather
 * than left running.
 */
export function withDeadline<T>(
  timeoutMs: number,
  start: (onAbort: (abort: () => void) => void) => Promise<T>,
  deadlineTimer: DeadlineTimer = realDeadlineTimer,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false
    const aborts: (() => void)[] = []
    const cancelDeadline = deadlineTimer(timeoutMs, () => {
      if (settled) return
      settled = true
      for (const abort of aborts) {
        try {
          abort()
        } catch {
          // the platform may throw when aborting a finished request; the answer is TIMEOUT anyway
        }
      }
      reject(new TransportError('TIMEOUT', `no complete response within ${timeoutMs} ms`))
    })
    let promise: Promise<T>
    try {
      promise = start((abort) => aborts.push(abort))
    } catch (e) {
      promise = Promise.reject(e)
    }
    promise.then(
      (value) => {
        if (settled) return
        settled = true
        cancelDeadline()
        resolve(value)
      },
      (error: unknown) => {
        if (settled) return
        settled = true
        cancelDeadline()
        reject(error instanceof TransportError ? error : new TransportError('NETWORK', errorText(error)))
      },
    )
  })
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message
  if (error && typeof error === 'object' && 'errMsg' in error) return String((error as { errMsg: unknown }).errMsg)
  return String(error)
}

type FetchLike = (input: string, init?: Record<string, unknown>) => Promise<{
  status: number
  headers: { get(name: string): string | null }
  text(): Promise<string>
}>

/**
 * HttpClient over a WHATWG fetch (browsers for the H5 build, Node in tests). Sends no cookies
 * and no headers besides the given ones, so a cross-origin GET stays a CORS "simple request".
 */
export function fetchHttpClient(fetchImpl: FetchLike, deadlineTimer: DeadlineTimer = realDeadlineTimer): HttpClient {
  return {
    get(url, options) {
      return withDeadline(options.timeoutMs, async (onAbort) => {
        const controller = typeof AbortController === 'function' ? new AbortController() : null
        if (controller) onAbort(() => controller.abort())
        const response = await fetchImpl(url, {
          method: 'GET',
          headers: options.headers ?? {},
          credentials: 'omit',
          cache: 'no-store',
          redirect: 'follow',
          ...(controller ? { signal: controller.signal } : {}),
        })
        // the body may stall after the headers: the deadline covers reading it too
        const text = await response.text()
        return { status: response.status, header: (name: string) => response.headers.get(name), text }
      }, deadlineTimer)
    },
  }
}

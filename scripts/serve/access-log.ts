// What an access-log line may say about a request's URL without carrying personal data. Query
// values are never logged (a search for an ID number, a phone, a tracking number or a name would
// land in the log): only the parameter names. In the path, a tracking number (the key to an
// objection's status page) and a certificate code are replaced by a placeholder, and any segment
// that looks like an ID number or a mobile phone number is too.

import { hasPersonalNumber } from '../../web/server/lib/logger.ts'

const MAX_PATH_CHARS = 256
const MAX_QUERY_NAMES = 20
const MAX_NAME_CHARS = 40

/** Path segments after which the next segment is a key, not a route name (except the route names listed). */
const KEYED_SEGMENTS: readonly { after: string; placeholder: string; routes: readonly string[] }[] = [
  { after: 'objections', placeholder: ':trackingNumber', routes: ['new'] },
  { after: 'v', placeholder: ':code', routes: [] },
]

export interface LoggableUrl {
  path: string
  /** the query parameters' names, in order, each once */
  query?: string[]
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

export function loggableUrl(rawUrl: string | undefined): LoggableUrl {
  const url = rawUrl ?? '/'
  const q = url.indexOf('?')
  const rawPath = q >= 0 ? url.slice(0, q) : url
  const segments = rawPath.split('/')
  const out = segments.map((segment, i) => {
    const keyed = i > 0 ? KEYED_SEGMENTS.find((k) => k.after === segments[i - 1]) : undefined
    if (keyed && segment && !keyed.routes.includes(segment)) return keyed.placeholder
    return hasPersonalNumber(decoded(segment)) ? ':redacted' : segment
  })
  let path = out.join('/')
  if (path.length > MAX_PATH_CHARS) path = `${path.slice(0, MAX_PATH_CHARS)}…`
  if (q < 0) return { path }
  const names: string[] = []
  for (const pair of url.slice(q + 1).split('&')) {
    if (!pair) continue
    const eq = pair.indexOf('=')
    let name = decoded((eq >= 0 ? pair.slice(0, eq) : pair).replace(/\+/g, ' ')).slice(0, MAX_NAME_CHARS)
    if (hasPersonalNumber(name)) name = ':redacted'
    if (!names.includes(name)) names.push(name)
    if (names.length === MAX_QUERY_NAMES) break
  }
  return { path, query: names }
}

const SAFE_TOKEN = /^[A-Za-z0-9._:-]{1,64}$/

/**
 * A client's own request id (from a proxy or a caller), kept only as a separate log field to
 * correlate with their logs: never trusted as ours, and only when it is a short plain token with
 * no long run of digits (a phone or ID number someone put there).
 */
export function safeClientRequestId(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value
  if (!text || !SAFE_TOKEN.test(text) || /\d{11}/.test(text)) return undefined
  return text
}

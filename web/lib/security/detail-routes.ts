// The public detail pages whose record the proxy looks up before rendering, so that an unknown one
// answers HTTP 404 (a page streamed under cacheComponents has sent 200 before notFound() runs).
// Keep in step with the dynamic segments under web/app.
import type { PublicDetailKind } from '@web/server/detail-pages/detail-kinds'

export interface DetailRouteMatch {
  kind: PublicDetailKind
  /** the path segment as sent (still percent-encoded); the use case decodes it like the page does */
  rawParam: string
}

const ROUTES: ReadonlyArray<{ prefix: string; kind: PublicDetailKind; reserved?: readonly string[] }> = [
  { prefix: '/permits/', kind: 'permit' },
  { prefix: '/completion-filings/', kind: 'completion-filing' },
  { prefix: '/projects/', kind: 'project' },
  { prefix: '/enterprises/', kind: 'enterprise' },
  { prefix: '/practitioners/', kind: 'practitioner' },
  { prefix: '/certificates/', kind: 'certificate' },
  // /credit/objections/new is the form, a static route next to the dynamic one
  { prefix: '/credit/objections/', kind: 'objection', reserved: ['new'] },
]

/** The detail route a path is, or null; only one segment after the prefix (an optional trailing slash). */
export function matchDetailRoute(pathname: string): DetailRouteMatch | null {
  for (const route of ROUTES) {
    if (!pathname.startsWith(route.prefix)) continue
    const rest = pathname.slice(route.prefix.length).replace(/\/$/, '')
    if (rest === '' || rest.includes('/') || route.reserved?.includes(rest)) return null
    return { kind: route.kind, rawParam: rest }
  }
  return null
}

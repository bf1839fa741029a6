// The stage forms' pickers: GET ?kind=enterprises&q=…[&type=…] or
// ?kind=practitioners&uscc=…&role=manager|chief. Signed-in staff only (401 otherwise), same-site
// requests only, no CORS headers, never cached.
import { NextResponse } from 'next/server'
import { chinaDateOf } from '@shared/dates/calendar-date'
import { getDb } from '@web/lib/db'
import { env } from '@web/lib/env'
import { currentActor } from '@web/lib/staff/session'
import { expectedOrigins, isSameOriginRequest } from '@web/server/auth/csrf'
import { ForbiddenError, InputError } from '@web/server/lib/errors'
import { lookupEnterprises, lookupRegisteredPractitioners } from '@web/server/projects/lookup-parties'

const noStore = { 'Cache-Control': 'no-store' }

export async function GET(request: Request) {
  if (!isSameOriginRequest(request.headers, expectedOrigins(request.headers, env.PORTAL_ORIGIN))) {
    return NextResponse.json({ error: '请求来源不是本站' }, { status: 403, headers: noStore })
  }
  const actor = await currentActor()
  if (!actor) return NextResponse.json({ error: '请先登录' }, { status: 401, headers: noStore })
  const url = new URL(request.url)
  const kind = url.searchParams.get('kind')
  try {
    if (kind === 'enterprises') {
      const items = await lookupEnterprises(getDb(), actor, url.searchParams.get('q') ?? '', url.searchParams.get('type') ?? undefined)
      return NextResponse.json({ items }, { headers: noStore })
    }
    if (kind === 'practitioners') {
      const role = url.searchParams.get('role') === 'chief' ? 'chief' : 'manager'
      const items = await lookupRegisteredPractitioners(getDb(), actor, (url.searchParams.get('uscc') ?? '').slice(0, 18), role, new Date(`${chinaDateOf(new Date())}T00:00:00Z`))
      return NextResponse.json({ items }, { headers: noStore })
    }
  } catch (error) {
    if (error instanceof ForbiddenError) return NextResponse.json({ error: error.message }, { status: 403, headers: noStore })
    if (error instanceof InputError) return NextResponse.json({ error: error.message, fields: error.fields }, { status: 400, headers: noStore })
    throw error
  }
  return NextResponse.json({ error: 'kind 应为 enterprises 或 practitioners' }, { status: 400, headers: noStore })
}

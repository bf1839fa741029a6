// The audit export route: signed out 401, any role but the auditor 403 (before any read), the
// auditor gets the filtered entries as CSV with a BOM. The session and the database are stubbed.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Actor } from '@shared/staff/actor'

const state: { actor: Actor | null; findMany: ReturnType<typeof vi.fn> } = { actor: null, findMany: vi.fn() }

vi.mock('@web/lib/staff/session', () => ({ currentActor: async () => state.actor }))
vi.mock('@web/lib/db', () => ({ getDb: () => ({ auditLog: { findMany: state.findMany } }) }))

const { GET } = await import('./route')

const actor = (role: Actor['role']): Actor => ({
  userId: 'u1',
  username: 'u1',
  displayName: '某人',
  role,
  authorityId: null,
  regionCode: '460100',
  regions: role === 'REGION_OFFICER' || role === 'REVIEWER' ? ['460100'] : 'ALL',
  clientIp: null,
})

const request = (query = '') => new Request(`http://localhost:3000/admin/audit/export${query}`)

describe('GET /admin/audit/export', () => {
  beforeEach(() => {
    state.findMany = vi.fn(async () => [
      {
        seq: 7,
        at: new Date('2026-06-01T01:00:00Z'),
        userId: 'u9',
        clientIp: '10.0.0.1',
        action: 'permit.issue',
        entity: 'ConstructionPermit',
        entityId: 'c1',
        changes: '{"before":null}',
        hash: 'ab',
        user: { username: 'officer1', displayName: '=王五' },
      },
    ])
  })

  it('answers 401 when signed out', async () => {
    state.actor = null
    expect((await GET(request())).status).toBe(401)
  })

  it('answers 403 to every role but the auditor, reading nothing', async () => {
    for (const role of ['REGION_OFFICER', 'REVIEWER', 'PROVINCE_ADMIN'] as const) {
      state.actor = actor(role)
      const response = await GET(request())
      expect(response.status).toBe(403)
      expect(response.headers.get('access-control-allow-origin')).toBeNull()
    }
    expect(state.findMany).not.toHaveBeenCalled()
  })

  it('answers 400 to a bad filter', async () => {
    state.actor = actor('AUDITOR')
    expect((await GET(request('?from=2026-13-01'))).status).toBe(400)
  })

  it("gives the auditor the filtered entries as CSV", async () => {
    state.actor = actor('AUDITOR')
    const response = await GET(request('?action=permit.issue&user=officer1'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text.startsWith('序号,时间（UTC）,用户名,姓名')).toBe(true)
    // formula-like cells neutralised
    expect(text).toContain("7,2026-06-01T01:00:00.000Z,officer1,'=王五,u9,10.0.0.1,permit.issue,ConstructionPermit,c1")
    expect(state.findMany.mock.calls[0][0].where).toMatchObject({ action: 'permit.issue', user: { username: 'officer1' } })
  })
})

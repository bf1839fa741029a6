// The proxy's question for back-office detail pages on both databases: hidden (→ 404) exactly when
// the signed-in officer's page would be 未找到, i.e. the object is missing or of another region,
// and never when the page answers otherwise (no live session: the sign-in; a role without the
// permission: the forbidden page). Which objects an officer of 海口 may see is taken from the data
// (their region's), not from the code under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@db/client'
import type { SessionStage } from '@shared/domain/enums'
import { seedDatabase } from '../../../scripts/seed/seed-database'
import { createTestSigningKeys } from '../../../scripts/seed/test-signing-keys'
import { DEFAULT_SESSION_SETTINGS, openSession } from '@web/server/auth/staff-sessions'
import { staffDetailHidden } from './staff-detail-hidden'

const providers = await testProviders()
const HAIKOU = '460100'
const SANYA = '460200'
const SETTINGS = { objectionAnswerDays: 15 }

describe.each(providers)('staffDetailHidden on %s', (provider) => {
  let t: TestDatabase
  let db: Db
  let keys: (regionCode: string) => Promise<Record<'project' | 'enterprise' | 'practitioner' | 'record', string>>

  async function session(username: string, stage: SessionStage = 'ACTIVE') {
    const user = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true } })
    const { token } = await db.$transaction((tx) =>
      openSession(tx, user.id, stage, { now: new Date(), settings: DEFAULT_SESSION_SETTINGS, clientIp: '127.0.0.1', userAgent: null }),
    )
    return { token, settings: DEFAULT_SESSION_SETTINGS, clientIp: '127.0.0.1' }
  }

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = t.db
    await seedDatabase(db, { signer: createTestSigningKeys().signer, scale: 0.02, seed: 'staff-detail-hidden', asOf: '2026-06-30' })
    keys = async (regionCode) => ({
      project: (await db.project.findFirstOrThrow({ where: { regionCode }, orderBy: { id: 'asc' } })).projectCode,
      enterprise: (await db.enterprise.findFirstOrThrow({ where: { regionCode }, orderBy: { id: 'asc' } })).id,
      practitioner: (await db.person.findFirstOrThrow({ where: { employer: { regionCode } }, orderBy: { id: 'asc' } })).id,
      record: (await db.integrityRecord.findFirstOrThrow({ where: { enterprise: { regionCode } }, orderBy: { id: 'asc' } })).id,
    })
  }, 180_000)

  afterAll(async () => {
    await t?.drop()
  })

  it('shows an officer the objects of their region and hides another region’s and missing ones alike', async () => {
    const officer = await session('haikou')
    const own = await keys(HAIKOU)
    const other = await keys(SANYA)
    for (const kind of Object.keys(own) as (keyof typeof own)[]) {
      expect(await staffDetailHidden(db, officer, kind, own[kind], SETTINGS), `own ${kind}`).toBe(false)
      expect(await staffDetailHidden(db, officer, kind, other[kind], SETTINGS), `other ${kind}`).toBe(true)
      expect(await staffDetailHidden(db, officer, kind, `${own[kind]}9`, SETTINGS), `missing ${kind}`).toBe(true)
    }
    expect(await staffDetailHidden(db, officer, 'import-job', 'NO-SUCH-JOB-000', SETTINGS)).toBe(true)
    // objections are the reviewers' pages
    const reviewer = await session('haikou-reviewer')
    expect(await staffDetailHidden(db, reviewer, 'objection', 'NO-SUCH-TRACKING-NUMBER', SETTINGS)).toBe(true)
    expect(await staffDetailHidden(db, reviewer, 'project', other.project, SETTINGS)).toBe(true)
  })

  it('lets the province see every region', async () => {
    const province = await session('province')
    const other = await keys(SANYA)
    expect(await staffDetailHidden(db, province, 'project', other.project, SETTINGS)).toBe(false)
  })

  it('leaves the answer to the page without a live session or without the permission', async () => {
    const other = await keys(SANYA)
    for (const s of [
      { token: null, settings: DEFAULT_SESSION_SETTINGS, clientIp: null },
      { token: 'not-a-session-token', settings: DEFAULT_SESSION_SETTINGS, clientIp: null },
      await session('haikou', 'TOTP'),
    ]) {
      expect(await staffDetailHidden(db, s, 'project', other.project, SETTINGS)).toBe(false)
    }
    // a reviewer may not import, an officer may not review: the page sends them to 无权访问, not to 未找到
    const reviewer = await session('haikou-reviewer')
    expect(await staffDetailHidden(db, reviewer, 'import-job', 'NO-SUCH-JOB', SETTINGS)).toBe(false)
    expect(await staffDetailHidden(db, await session('haikou'), 'objection', 'NO-SUCH-TRACKING-NUMBER', SETTINGS)).toBe(false)
  })
})

// 修改密码 on both databases: a signed-in staff member's own password change ends the account's
// other sessions and keeps the current one under a new token, writes one audit entry without any
// password or hash, and writes nothing at all when it is refused (a wrong current password, the
// policy, the sign-in throttle, a session that ended meanwhile).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { SessionStage } from '@shared/domain/enums'
import type { Actor } from '@shared/staff/actor'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { ConflictError, InputError } from '@web/server/lib/errors'
import { resetRateLimitersForTesting } from '@web/server/rate-limit/configured-limiter'
import { changeOwnPassword, WRONG_CURRENT_PASSWORD } from './change-own-password'
import { hashPassword } from './passwords'
import { signIn } from './sign-in'
import { SignInRefusedError, WRONG_CREDENTIALS, type SignInThrottleSettings } from './sign-in-throttle'
import { signOut } from './sign-out'
import { actorOf, openSession, resolveSession, type SessionSettings } from './staff-sessions'

const providers = await testProviders()
const T0 = new Date('2026-07-01T02:00:00Z')
const at = (ms: number) => new Date(T0.getTime() + ms)
const MIN = 60_000
const SESSION: SessionSettings = { idleMinutes: 30, maxHours: 12 }
const PASSWORD = 'Hainan-coast-walk-2026'
const NEW_PASSWORD = '椰风海韵 骑楼老街 2026'
const IP = '203.0.113.7'

let prefixCounter = 0
function freshThrottle(limits: Partial<SignInThrottleSettings> = {}): SignInThrottleSettings {
  return { redisUrl: null, redisKeyPrefix: `p${prefixCounter++}:`, perAccount: 50, perAddress: 200, totpPerAccount: 50, windowMs: 15 * MIN, ...limits }
}

describe.each(providers)('a staff member changing their own password on %s', (provider) => {
  let t: TestDatabase
  let authorityId: string
  let throttle: SignInThrottleSettings

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    await t.db.region.create({ data: { code: '460000', name: '海南省', shortName: '海南', level: 'PROVINCE', sortOrder: 0 } })
    await t.db.region.create({ data: { code: '460100', name: '海口市', shortName: '海口', level: 'CITY', parentCode: '460000', sortOrder: 1 } })
    authorityId = (await t.db.authority.create({ data: { regionCode: '460100', name: '海口市住房和城乡建设局', address: '海口', phone: '0898-2' } })).id
  })
  afterAll(async () => t?.drop())
  beforeEach(async () => {
    await resetRateLimitersForTesting()
    throttle = freshThrottle()
  })

  let userCounter = 0
  async function makeUser(role: Actor['role'] = 'REGION_OFFICER') {
    const username = `staff${userCounter++}`
    const user = await t.db.user.create({
      data: { username, displayName: '海口经办人', role, authorityId, passwordHash: await hashPassword(PASSWORD), mustChangePassword: false, totpSecret: 'JBSWY3DPEHPK3PXP', totpEnrolledAt: T0 },
    })
    return { id: user.id, username }
  }

  /** A session of the user at `stage`, opened the way the sign-in opens one; its cookie token. */
  async function sessionOf(userId: string, stage: SessionStage = 'ACTIVE', now = T0): Promise<string> {
    const { token } = await t.db.$transaction((tx) => openSession(tx, userId, stage, { now, settings: SESSION, clientIp: IP, userAgent: 'vitest' }))
    return token
  }

  async function signedIn(userId: string, now = T0) {
    const token = await sessionOf(userId, 'ACTIVE', now)
    const session = await resolveSession(t.db, token, SESSION, now)
    const actor = actorOf(session, IP)
    if (!session || !actor) throw new Error('session did not resolve')
    return { token, session, actor }
  }

  /** Everything a refused change must leave as it was. */
  async function snapshot(userId: string) {
    return {
      user: await t.db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, passwordChangedAt: true, mustChangePassword: true } }),
      sessions: await t.db.staffSession.findMany({ where: { userId }, orderBy: { id: 'asc' }, select: { id: true, tokenHash: true, stage: true, endedAt: true, endReason: true } }),
      auditEntries: await t.db.auditLog.count(),
    }
  }

  it('changes the password, ends every other session of the account, keeps this one under a new token and audits it', async () => {
    const { id, username } = await makeUser()
    const other = await makeUser()
    const me = await signedIn(id)
    const elsewhere = await sessionOf(id, 'ACTIVE')
    const halfSignedIn = await sessionOf(id, 'TOTP')
    const someoneElse = await sessionOf(other.id, 'ACTIVE')
    const now = at(5 * MIN)

    const { token, sessionsEnded } = await changeOwnPassword(t.db, me.actor, { currentPassword: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, { sessionId: me.session.sessionId, throttle }, now)

    expect(sessionsEnded).toBe(2)
    expect(token).not.toBe(me.token)
    expect(await resolveSession(t.db, me.token, SESSION, now)).toBeNull()
    expect(await resolveSession(t.db, token, SESSION, now)).toMatchObject({ sessionId: me.session.sessionId, stage: 'ACTIVE', user: { id } })
    expect(await resolveSession(t.db, elsewhere, SESSION, now)).toBeNull()
    expect(await resolveSession(t.db, halfSignedIn, SESSION, now)).toBeNull()
    expect(await resolveSession(t.db, someoneElse, SESSION, now)).not.toBeNull()
    const ended = await t.db.staffSession.findMany({ where: { userId: id, endedAt: { not: null } } })
    expect(ended.map((s) => [s.endReason, s.endedAt?.getTime()])).toEqual([
      ['PASSWORD_CHANGED', now.getTime()],
      ['PASSWORD_CHANGED', now.getTime()],
    ])

    const user = await t.db.user.findUniqueOrThrow({ where: { id } })
    expect(user.passwordChangedAt?.getTime()).toBe(now.getTime())
    await expect(signIn(t.db, { username, password: PASSWORD }, { clientIp: IP, userAgent: null, session: SESSION, throttle, refuseDemoAccounts: false, now })).rejects.toThrow(WRONG_CREDENTIALS)
    await expect(signIn(t.db, { username, password: NEW_PASSWORD }, { clientIp: IP, userAgent: null, session: SESSION, throttle, refuseDemoAccounts: false, now })).resolves.toMatchObject({ stage: 'TOTP' })

    const entries = await t.db.auditLog.findMany({ where: { entityId: id, action: 'account.password-change' } })
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ userId: id, clientIp: IP, entity: 'User' })
    expect(entries[0].at.getTime()).toBe(now.getTime())
    expect(JSON.parse(entries[0].changes)).toEqual({ after: { passwordChangedAt: now.toISOString(), sessionsEnded: 2 } })
    for (const secret of [PASSWORD, NEW_PASSWORD, user.passwordHash, '$argon2']) expect(entries[0].changes).not.toContain(secret)
    expect(await verifyAuditChain(t.db)).toBeNull()

    // the session goes on under its new token: a second change from it keeps it again
    const again = await resolveSession(t.db, token, SESSION, at(6 * MIN))
    const next = await changeOwnPassword(t.db, actorOf(again, IP)!, { currentPassword: NEW_PASSWORD, password: PASSWORD, confirm: PASSWORD }, { sessionId: again!.sessionId, throttle }, at(6 * MIN))
    expect(await resolveSession(t.db, next.token, SESSION, at(6 * MIN))).toMatchObject({ sessionId: me.session.sessionId })
  })

  it('lets every role change its own password', async () => {
    for (const role of ['PROVINCE_ADMIN', 'REVIEWER', 'AUDITOR'] as const) {
      const { id } = await makeUser(role)
      const me = await signedIn(id)
      await changeOwnPassword(t.db, me.actor, { currentPassword: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, { sessionId: me.session.sessionId, throttle }, at(MIN))
      expect(await t.db.auditLog.count({ where: { userId: id, action: 'account.password-change' } })).toBe(1)
    }
  })

  it('refuses a wrong current password as a field error and writes nothing', async () => {
    const { id } = await makeUser()
    const me = await signedIn(id)
    await sessionOf(id, 'ACTIVE')
    const before = await snapshot(id)
    const error = await changeOwnPassword(t.db, me.actor, { currentPassword: 'not-my-password-at-all', password: NEW_PASSWORD, confirm: NEW_PASSWORD }, { sessionId: me.session.sessionId, throttle }, at(MIN)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).fields).toEqual({ currentPassword: WRONG_CURRENT_PASSWORD })
    expect(await snapshot(id)).toEqual(before)
    expect(await resolveSession(t.db, me.token, SESSION, at(MIN))).not.toBeNull()
  })

  it('holds the new password to the policy of the first sign-in and writes nothing when it fails', async () => {
    const { id, username } = await makeUser()
    const me = await signedIn(id)
    const before = await snapshot(id)
    const attempt = (password: string, confirm = password, currentPassword = PASSWORD) =>
      changeOwnPassword(t.db, me.actor, { currentPassword, password, confirm }, { sessionId: me.session.sessionId, throttle }, at(MIN)).catch((e: unknown) => e)
    const fieldsOf = (error: unknown) => {
      expect(error).toBeInstanceOf(ZodError)
      return Object.fromEntries((error as ZodError).issues.map((i) => [i.path.join('.'), i.message]))
    }
    expect(fieldsOf(await attempt('short-one'))).toEqual({ password: '密码至少 12 个字符' })
    expect(fieldsOf(await attempt(`my-${username}-password`))).toEqual({ password: '密码不能是用户名，也不能包含用户名' })
    expect(fieldsOf(await attempt('qwertyuiopqwer'))).toEqual({ password: '密码不能是连续的数字、字母或键盘上的连续按键' })
    expect(fieldsOf(await attempt(NEW_PASSWORD, `${NEW_PASSWORD}!`))).toEqual({ confirm: '两次输入的密码不一致' })
    expect(fieldsOf(await attempt(NEW_PASSWORD, NEW_PASSWORD, ''))).toEqual({ currentPassword: '请输入当前密码' })
    const same = await attempt(PASSWORD)
    expect(same).toBeInstanceOf(InputError)
    expect((same as InputError).fields).toEqual({ password: '新密码不能与当前密码相同' })
    expect(await snapshot(id)).toEqual(before)
  })

  it('counts the current password with the account’s sign-in attempts', async () => {
    throttle = freshThrottle({ perAccount: 3 })
    const { id, username } = await makeUser()
    const me = await signedIn(id)
    const change = (currentPassword: string, now = at(MIN)) =>
      changeOwnPassword(t.db, me.actor, { currentPassword, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, { sessionId: me.session.sessionId, throttle }, now)
    await expect(change('wrong-password-one')).rejects.toBeInstanceOf(InputError)
    await expect(change('wrong-password-two')).rejects.toBeInstanceOf(InputError)
    // the third attempt of the window is a sign-in's
    await expect(signIn(t.db, { username, password: 'wrong-password-three' }, { clientIp: '192.0.2.1', userAgent: null, session: SESSION, throttle, refuseDemoAccounts: false, now: at(MIN) })).rejects.toThrow(WRONG_CREDENTIALS)
    const before = await snapshot(id)
    const refused = await change(PASSWORD).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(SignInRefusedError)
    expect((refused as SignInRefusedError).message).toMatch(/^请稍后再试/)
    expect(await snapshot(id)).toEqual(before)
    await expect(signIn(t.db, { username, password: PASSWORD }, { clientIp: '192.0.2.1', userAgent: null, session: SESSION, throttle, refuseDemoAccounts: false, now: at(MIN) })).rejects.toThrow(/请稍后再试/)
    // the next window lets the right password through
    await expect(change(PASSWORD, at(16 * MIN))).resolves.toMatchObject({ sessionsEnded: 0 })
  })

  it('refuses, and rolls everything back, when the current session ended meanwhile', async () => {
    const { id, username } = await makeUser()
    const me = await signedIn(id)
    await sessionOf(id, 'ACTIVE')
    await signOut(t.db, me.session, IP, at(MIN))
    const before = await snapshot(id)
    await expect(changeOwnPassword(t.db, me.actor, { currentPassword: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, { sessionId: me.session.sessionId, throttle }, at(2 * MIN))).rejects.toBeInstanceOf(ConflictError)
    expect(await snapshot(id)).toEqual(before)
    await expect(signIn(t.db, { username, password: PASSWORD }, { clientIp: IP, userAgent: null, session: SESSION, throttle, refuseDemoAccounts: false, now: at(2 * MIN) })).resolves.toMatchObject({ stage: 'TOTP' })
  })
})

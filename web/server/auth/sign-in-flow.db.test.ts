// The staff sign-in end to end on both databases: every step, the answers that must not tell
// whether a username exists, throttling, expiry with an injected clock, sign-out, an
// administrator ending sessions and disabling an account, recovery codes, and the audit entries
// written with each change.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Actor } from '@shared/staff/actor'
import { decodeTotpSecret, totpCode, totpStep } from '@shared/staff/totp'
import { createAccount } from '@web/server/accounts/create-account'
import { createFirstAdmin } from '@web/server/accounts/create-first-admin'
import { endAccountSessions } from '@web/server/accounts/end-account-sessions'
import { resetAccountPassword } from '@web/server/accounts/reset-account-password'
import { setAccountActive } from '@web/server/accounts/set-account-active'
import { verifyAuditChain } from '@web/server/audit/audit-log-repository'
import { ConflictError, ForbiddenError, InputError } from '@web/server/lib/errors'
import { resetRateLimitersForTesting } from '@web/server/rate-limit/configured-limiter'
import { changeInitialPassword } from './change-initial-password'
import { hashPassword } from './passwords'
import { DEMO_ACCOUNTS_REFUSED, signIn, type SignInContext } from './sign-in'
import { SignInRefusedError, WRONG_CREDENTIALS, type SignInThrottleSettings } from './sign-in-throttle'
import { signOut } from './sign-out'
import { actorOf, resolveSession, type ResolvedSession, type SessionSettings } from './staff-sessions'
import { confirmTotpEnrolment, startTotpEnrolment } from './totp-enrolment'
import { verifySecondFactor } from './verify-second-factor'

const providers = await testProviders()
const T0 = new Date('2026-07-01T02:00:00Z')
const at = (ms: number) => new Date(T0.getTime() + ms)
const MIN = 60_000
const SESSION: SessionSettings = { idleMinutes: 30, maxHours: 12 }
const PASSWORD = 'Hainan-coast-walk-2026'
const NEW_PASSWORD = '椰风海韵 骑楼老街 2026'
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

let throttle: SignInThrottleSettings
let prefixCounter = 0
function freshThrottle(limits: Partial<SignInThrottleSettings> = {}): SignInThrottleSettings {
  return { redisUrl: null, redisKeyPrefix: `t${prefixCounter++}:`, perAccount: 50, perAddress: 200, totpPerAccount: 50, windowMs: 15 * MIN, ...limits }
}
const ctx = (now: Date, more: Partial<SignInContext> = {}): SignInContext => ({
  clientIp: '203.0.113.7',
  userAgent: 'vitest',
  session: SESSION,
  throttle,
  refuseDemoAccounts: false,
  now,
  ...more,
})
const codeAt = (now: Date, secret = SECRET) => totpCode(decodeTotpSecret(secret), totpStep(now))

describe.each(providers)('staff sign-in on %s', (provider) => {
  let t: TestDatabase
  let cityAuthority: string
  let provinceAuthority: string
  let admin: Actor

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    await t.db.region.create({ data: { code: '460000', name: '海南省', shortName: '海南', level: 'PROVINCE', sortOrder: 0 } })
    await t.db.region.create({ data: { code: '460100', name: '海口市', shortName: '海口', level: 'CITY', parentCode: '460000', sortOrder: 1 } })
    provinceAuthority = (await t.db.authority.create({ data: { regionCode: '460000', name: '海南省住房和城乡建设厅', address: '海口', phone: '0898-1' } })).id
    cityAuthority = (await t.db.authority.create({ data: { regionCode: '460100', name: '海口市住房和城乡建设局', address: '海口', phone: '0898-2' } })).id
    const first = await createFirstAdmin(t.db, { username: 'root.admin', displayName: '管理员' }, T0)
    admin = { userId: first.userId, username: 'root.admin', displayName: '管理员', role: 'PROVINCE_ADMIN', authorityId: provinceAuthority, regionCode: '460000', regions: 'ALL', clientIp: '198.51.100.1' }
  })
  afterAll(async () => t?.drop())
  beforeEach(async () => {
    await resetRateLimitersForTesting()
    throttle = freshThrottle()
  })

  let userCounter = 0
  async function makeUser(options: { enrolled?: boolean; mustChange?: boolean; isDemo?: boolean } = {}) {
    const username = `officer${userCounter++}`
    const user = await t.db.user.create({
      data: {
        username,
        displayName: '海口经办人',
        role: 'REGION_OFFICER',
        authorityId: cityAuthority,
        passwordHash: await hashPassword(PASSWORD),
        mustChangePassword: options.mustChange ?? false,
        isDemo: options.isDemo ?? false,
        ...(options.enrolled === false ? {} : { totpSecret: SECRET, totpEnrolledAt: T0 }),
      },
    })
    return { id: user.id, username }
  }
  const resolve = (token: string, now: Date) => resolveSession(t.db, token, SESSION, now)
  const mustResolve = async (token: string, now: Date): Promise<ResolvedSession> => {
    const s = await resolve(token, now)
    if (!s) throw new Error('session did not resolve')
    return s
  }
  const auditActions = async (userId: string) => (await t.db.auditLog.findMany({ where: { userId }, orderBy: { seq: 'asc' } })).map((e) => e.action)

  it('goes through every step of a first sign-in, with a new token at each', async () => {
    const { id, username } = await makeUser({ mustChange: true, enrolled: false })
    const first = await signIn(t.db, { username: ` ${username.toUpperCase()} `, password: PASSWORD }, ctx(T0))
    expect(first.stage).toBe('PASSWORD_CHANGE')
    const s1 = await mustResolve(first.token, T0)
    expect(actorOf(s1, null)).toBeNull()

    await expect(changeInitialPassword(t.db, s1, { password: `${username}-long-enough`, confirm: `${username}-long-enough` }, { clientIp: null, now: T0 })).rejects.toThrow(/用户名/)
    await expect(changeInitialPassword(t.db, s1, { password: PASSWORD, confirm: PASSWORD }, { clientIp: null, now: T0 })).rejects.toBeInstanceOf(InputError)
    const changed = await changeInitialPassword(t.db, s1, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }, { clientIp: '203.0.113.7', now: at(MIN) })
    expect(changed.stage).toBe('TOTP_ENROLMENT')
    expect(await resolve(first.token, at(MIN))).toBeNull()
    const s2 = await mustResolve(changed.token, at(MIN))

    const { secret, uri } = await startTotpEnrolment(t.db, s2)
    expect(uri).toContain(`secret=${secret}`)
    expect((await startTotpEnrolment(t.db, s2)).secret).toBe(secret)
    await expect(confirmTotpEnrolment(t.db, s2, '000000', { clientIp: null, throttle, now: at(2 * MIN) })).rejects.toBeInstanceOf(InputError)
    const enrolled = await confirmTotpEnrolment(t.db, s2, codeAt(at(2 * MIN), secret), { clientIp: '203.0.113.7', throttle, now: at(2 * MIN) })
    expect(enrolled.recoveryCodes).toHaveLength(10)
    expect(await resolve(changed.token, at(2 * MIN))).toBeNull()
    const active = await mustResolve(enrolled.token, at(2 * MIN))
    expect(actorOf(active, '203.0.113.7')).toEqual({
      userId: id,
      username,
      displayName: '海口经办人',
      role: 'REGION_OFFICER',
      authorityId: cityAuthority,
      regionCode: '460100',
      regions: ['460100'],
      clientIp: '203.0.113.7',
    })
    const stored = await t.db.recoveryCode.findMany({ where: { userId: id } })
    expect(stored.map((c) => c.codeHash)).not.toContain(enrolled.recoveryCodes[0])

    // a later sign-in: password, then TOTP; the enrolment's code cannot be used again
    await signOut(t.db, active, '203.0.113.7', at(3 * MIN))
    expect(await resolve(enrolled.token, at(3 * MIN))).toBeNull()
    const again = await signIn(t.db, { username, password: NEW_PASSWORD }, ctx(at(3 * MIN)))
    expect(again.stage).toBe('TOTP')
    const s3 = await mustResolve(again.token, at(3 * MIN))
    const verified = await verifySecondFactor(t.db, s3, codeAt(at(3 * MIN), secret), { clientIp: null, throttle, now: at(3 * MIN) })
    expect((await mustResolve(verified.token, at(3 * MIN))).stage).toBe('ACTIVE')

    expect(await auditActions(id)).toEqual([
      'staff.sign-in.password',
      'staff.password-change',
      'staff.sign-in.failure',
      'staff.totp-enrol',
      'staff.sign-in',
      'staff.sign-out',
      'staff.sign-in.password',
      'staff.sign-in',
    ])
    const signOutEntry = await t.db.auditLog.findFirstOrThrow({ where: { userId: id, action: 'staff.sign-out' } })
    expect(signOutEntry.clientIp).toBe('203.0.113.7')
    expect(await verifyAuditChain(t.db)).toBeNull()
  })

  it('refuses a TOTP code already used, and one far from now', async () => {
    const { username } = await makeUser()
    const now = at(10 * MIN)
    const s = await mustResolve((await signIn(t.db, { username, password: PASSWORD }, ctx(now))).token, now)
    await verifySecondFactor(t.db, s, codeAt(now), { clientIp: null, throttle, now })
    const s2 = await mustResolve((await signIn(t.db, { username, password: PASSWORD }, ctx(now))).token, now)
    await expect(verifySecondFactor(t.db, s2, codeAt(now), { clientIp: null, throttle, now })).rejects.toBeInstanceOf(InputError)
    await expect(verifySecondFactor(t.db, s2, codeAt(at(20 * MIN)), { clientIp: null, throttle, now })).rejects.toBeInstanceOf(InputError)
    const later = at(10 * MIN + 30_000)
    await expect(verifySecondFactor(t.db, s2, codeAt(later), { clientIp: null, throttle, now: later })).resolves.toMatchObject({ usedRecoveryCode: false })
  })

  it('accepts each recovery code once', async () => {
    const { id, username } = await makeUser({ enrolled: false })
    const s = await mustResolve((await signIn(t.db, { username, password: PASSWORD }, ctx(T0))).token, T0)
    await startTotpEnrolment(t.db, s)
    const secret = (await t.db.user.findUniqueOrThrow({ where: { id } })).totpSecret!
    const { recoveryCodes } = await confirmTotpEnrolment(t.db, s, codeAt(T0, secret), { clientIp: null, throttle, now: T0 })
    const code = recoveryCodes[3].toLowerCase().replaceAll('-', ' ')
    const s2 = await mustResolve((await signIn(t.db, { username, password: PASSWORD }, ctx(T0))).token, T0)
    expect(await verifySecondFactor(t.db, s2, code, { clientIp: '203.0.113.7', throttle, now: T0 })).toMatchObject({ usedRecoveryCode: true, recoveryCodesLeft: 9 })
    const s3 = await mustResolve((await signIn(t.db, { username, password: PASSWORD }, ctx(T0))).token, T0)
    await expect(verifySecondFactor(t.db, s3, code, { clientIp: null, throttle, now: T0 })).rejects.toThrow(InputError)
    expect(await auditActions(id)).toContain('staff.recovery-code-use')
    expect(await t.db.recoveryCode.count({ where: { userId: id, usedAt: { not: null } } })).toBe(1)
  })

  it('answers a wrong password and an unknown username alike, and audits both without the password', async () => {
    const { id, username } = await makeUser()
    const wrong = await signIn(t.db, { username, password: 'not-the-password-at-all' }, ctx(T0)).catch((e: unknown) => e)
    const unknown = await signIn(t.db, { username: 'Nobody.Here', password: PASSWORD }, ctx(T0)).catch((e: unknown) => e)
    expect(wrong).toBeInstanceOf(SignInRefusedError)
    expect(unknown).toBeInstanceOf(SignInRefusedError)
    expect((wrong as Error).message).toBe(WRONG_CREDENTIALS)
    expect((unknown as Error).message).toBe(WRONG_CREDENTIALS)
    const failures = await t.db.auditLog.findMany({ where: { action: 'staff.sign-in.failure', entityId: { in: [username, 'Nobody.Here'] } }, orderBy: { seq: 'asc' } })
    expect(failures.map((f) => [f.userId, f.entityId, f.clientIp])).toEqual([
      [id, username, '203.0.113.7'],
      [null, 'Nobody.Here', '203.0.113.7'],
    ])
    for (const f of failures) {
      expect(f.changes).not.toContain('not-the-password-at-all')
      expect(f.changes).not.toContain(PASSWORD)
    }
    // a disabled account with the right password: the same answer
    await t.db.user.update({ where: { id }, data: { active: false } })
    await expect(signIn(t.db, { username, password: PASSWORD }, ctx(T0))).rejects.toThrow(WRONG_CREDENTIALS)
  })

  it('throttles password attempts per account and per address, even the right password', async () => {
    throttle = freshThrottle({ perAccount: 3, perAddress: 5, windowMs: 15 * MIN })
    const { username } = await makeUser()
    for (let i = 0; i < 3; i++) await expect(signIn(t.db, { username, password: 'wrong-password-xyz' }, ctx(T0))).rejects.toThrow(WRONG_CREDENTIALS)
    const refused = await signIn(t.db, { username, password: PASSWORD }, ctx(T0)).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(SignInRefusedError)
    expect((refused as SignInRefusedError).message).toMatch(/^请稍后再试/)
    expect((refused as SignInRefusedError).retryAfterSeconds).toBeGreaterThan(0)
    // from another address too: the count is the account's
    await expect(signIn(t.db, { username, password: PASSWORD }, ctx(T0, { clientIp: '192.0.2.1' }))).rejects.toThrow(/请稍后再试/)
    // the next window lets it in
    await expect(signIn(t.db, { username, password: PASSWORD }, ctx(at(15 * MIN)))).resolves.toMatchObject({ stage: 'TOTP' })

    await resetRateLimitersForTesting()
    throttle = freshThrottle({ perAccount: 3, perAddress: 5, windowMs: 15 * MIN })
    for (let i = 0; i < 5; i++) await expect(signIn(t.db, { username: `guess${i}`, password: 'x' }, ctx(T0))).rejects.toThrow(WRONG_CREDENTIALS)
    await expect(signIn(t.db, { username, password: PASSWORD }, ctx(T0))).rejects.toThrow(/请稍后再试/)
    await expect(signIn(t.db, { username, password: PASSWORD }, ctx(T0, { clientIp: '192.0.2.1' }))).resolves.toMatchObject({ stage: 'TOTP' })
  })

  it('throttles second-factor attempts per account', async () => {
    throttle = freshThrottle({ totpPerAccount: 2 })
    const { username } = await makeUser()
    const s = await mustResolve((await signIn(t.db, { username, password: PASSWORD }, ctx(T0))).token, T0)
    for (let i = 0; i < 2; i++) await expect(verifySecondFactor(t.db, s, '000000', { clientIp: null, throttle, now: T0 })).rejects.toBeInstanceOf(InputError)
    await expect(verifySecondFactor(t.db, s, codeAt(T0), { clientIp: null, throttle, now: T0 })).rejects.toThrow(/请稍后再试/)
  })

  it('ends a session after 30 idle minutes, and after 12 hours whatever the activity', async () => {
    const { username } = await makeUser()
    const idle = (await signIn(t.db, { username, password: PASSWORD }, ctx(T0))).token
    expect(await resolve(idle, at(29 * MIN))).not.toBeNull()
    expect(await resolve(idle, at(58 * MIN))).not.toBeNull()
    expect(await resolve(idle, at(88 * MIN))).toBeNull()
    expect(await resolve(idle, at(89 * MIN))).toBeNull()
    expect(await t.db.staffSession.findFirst({ where: { userId: (await t.db.user.findUniqueOrThrow({ where: { username } })).id, endReason: 'IDLE' } })).not.toBeNull()

    const busy = (await signIn(t.db, { username, password: PASSWORD }, ctx(T0))).token
    for (let m = 20; m < 12 * 60; m += 20) expect(await resolve(busy, at(m * MIN))).not.toBeNull()
    expect(await resolve(busy, at(12 * 60 * MIN))).toBeNull()
    expect(await t.db.staffSession.count({ where: { endReason: 'EXPIRED' } })).toBeGreaterThan(0)
  })

  it('lets an administrator end a user’s sessions and disable the account: the next resolve fails', async () => {
    const { id, username } = await makeUser()
    const a = (await signIn(t.db, { username, password: PASSWORD }, ctx(T0))).token
    const b = (await signIn(t.db, { username, password: PASSWORD }, ctx(T0))).token
    expect(await endAccountSessions(t.db, admin, id, at(MIN))).toBe(2)
    expect(await resolve(a, at(MIN))).toBeNull()
    expect(await resolve(b, at(MIN))).toBeNull()

    const c = (await signIn(t.db, { username, password: PASSWORD }, ctx(at(2 * MIN)))).token
    await setAccountActive(t.db, admin, id, false, at(3 * MIN))
    expect(await resolve(c, at(3 * MIN))).toBeNull()
    await expect(signIn(t.db, { username, password: PASSWORD }, ctx(at(4 * MIN)))).rejects.toThrow(WRONG_CREDENTIALS)
    await setAccountActive(t.db, admin, id, true, at(5 * MIN))
    await expect(signIn(t.db, { username, password: PASSWORD }, ctx(at(6 * MIN)))).resolves.toMatchObject({ stage: 'TOTP' })

    const entries = await t.db.auditLog.findMany({ where: { userId: admin.userId, entityId: id }, orderBy: { seq: 'asc' } })
    expect(entries.map((e) => e.action)).toEqual(['account.end-sessions', 'account.disable', 'account.enable'])
    expect(entries.every((e) => e.clientIp === '198.51.100.1')).toBe(true)
    await expect(setAccountActive(t.db, admin, admin.userId, false)).rejects.toBeInstanceOf(ConflictError)
  })

  it('creates and resets accounts for an administrator only; a reset forces a change and ends sessions', async () => {
    const officer: Actor = { ...admin, userId: 'x', role: 'REGION_OFFICER', regions: ['460100'] }
    await expect(createAccount(t.db, officer, { username: 'new.user', displayName: '新用户', role: 'REVIEWER', authorityId: cityAuthority })).rejects.toBeInstanceOf(ForbiddenError)
    await expect(createAccount(t.db, admin, { username: 'root.admin', displayName: '重名', role: 'REVIEWER', authorityId: cityAuthority })).rejects.toThrow(InputError)
    const created = await createAccount(t.db, admin, { username: 'New.Reviewer', displayName: '新审核人', role: 'REVIEWER', authorityId: cityAuthority }, T0)
    const first = await signIn(t.db, { username: 'new.reviewer', password: created.oneTimePassword }, ctx(T0))
    expect(first.stage).toBe('PASSWORD_CHANGE')
    const { oneTimePassword } = await resetAccountPassword(t.db, admin, { userId: created.userId, resetTotp: true }, at(MIN))
    expect(await resolve(first.token, at(MIN))).toBeNull()
    await expect(signIn(t.db, { username: 'new.reviewer', password: created.oneTimePassword }, ctx(at(MIN)))).rejects.toThrow(WRONG_CREDENTIALS)
    await expect(signIn(t.db, { username: 'new.reviewer', password: oneTimePassword }, ctx(at(MIN)))).resolves.toMatchObject({ stage: 'PASSWORD_CHANGE' })
    const entries = await t.db.auditLog.findMany({ where: { entityId: created.userId, userId: admin.userId }, orderBy: { seq: 'asc' } })
    expect(entries.map((e) => e.action)).toEqual(['account.create', 'account.reset-password'])
    expect(entries[0].changes).not.toContain(created.oneTimePassword)
  })

  it('creates the first administrator only once', async () => {
    await expect(createFirstAdmin(t.db, { username: 'second.admin', displayName: '第二个' })).rejects.toBeInstanceOf(ConflictError)
  })

  it('refuses every sign-in in production while an active demo account exists', async () => {
    const { username } = await makeUser()
    const demo = await makeUser({ isDemo: true })
    await expect(signIn(t.db, { username, password: PASSWORD }, ctx(T0, { refuseDemoAccounts: true }))).rejects.toThrow(DEMO_ACCOUNTS_REFUSED)
    await t.db.user.update({ where: { id: demo.id }, data: { active: false } })
    await expect(signIn(t.db, { username, password: PASSWORD }, ctx(T0, { refuseDemoAccounts: true }))).resolves.toMatchObject({ stage: 'TOTP' })
  })
})

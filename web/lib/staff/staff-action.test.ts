// The action wrapper's refusals, driven with a fake request: another site's POST, a missing or
// wrong CSRF token, no ACTIVE session, a role without the permission; and the mapping of the
// application layer's errors to the form.
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import type { Db } from '@web/lib/db'
import { csrfTokenOf, newSessionToken } from '@web/server/auth/session-tokens'
import type { ResolvedSession } from '@web/server/auth/staff-sessions'
import { ConflictError, InputError, NotFoundError } from '@web/server/lib/errors'
import { CSRF_FIELD, INITIAL_STAFF_FORM_STATE } from './form-state'
import { createStaffAction, CROSS_SITE_MESSAGE, CSRF_MESSAGE } from './staff-action'

const ORIGIN = 'https://jzsc.example.gov.cn'
const TOKEN = newSessionToken()

function session(role: ResolvedSession['user']['role'], stage: ResolvedSession['stage'] = 'ACTIVE'): ResolvedSession {
  return {
    sessionId: 's1',
    stage,
    user: { id: 'u1', username: 'haikou', displayName: '海口经办人', role, authorityId: 'a1', authorityName: '海口市住房和城乡建设局', regionCode: '460100', mustChangePassword: false, totpEnrolled: true },
  }
}

function setUp(headers: Record<string, string>, resolved: ResolvedSession | null = session('PROVINCE_ADMIN'), token: string | null = TOKEN) {
  const handler = vi.fn(async () => '已保存')
  const staffAction = createStaffAction({
    headers: async () => new Headers({ host: 'jzsc.example.gov.cn', 'x-forwarded-proto': 'https', ...headers }),
    sessionToken: async () => token,
    db: () => ({}) as Db,
    resolve: async () => resolved,
    portalOrigin: ORIGIN,
    clientIp: () => '203.0.113.9',
  })
  const action = staffAction('accounts.manage', z.object({ name: z.string().min(2, '名称至少 2 个字') }), handler)
  return { action, handler }
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData()
  for (const [k, v] of Object.entries(fields)) data.set(k, v)
  return data
}

const good = { name: '演示', [CSRF_FIELD]: csrfTokenOf(TOKEN) }

describe('staffAction', () => {
  it('runs the handler for a same-origin POST with the session CSRF token, with the Actor from the session', async () => {
    const { action, handler } = setUp({ origin: ORIGIN })
    expect(await action(INITIAL_STAFF_FORM_STATE, form(good))).toEqual({ status: 'ok', message: '已保存' })
    expect(handler).toHaveBeenCalledWith({}, expect.objectContaining({ userId: 'u1', role: 'PROVINCE_ADMIN', regions: 'ALL', clientIp: '203.0.113.9' }), { name: '演示' })
  })

  it('refuses another Origin before anything else', async () => {
    const { action, handler } = setUp({ origin: 'https://evil.example.com' })
    expect(await action(INITIAL_STAFF_FORM_STATE, form(good))).toMatchObject({ status: 'error', message: CROSS_SITE_MESSAGE })
    expect(handler).not.toHaveBeenCalled()
  })

  it('refuses Origin "null" (sandboxed frames, data: pages)', async () => {
    const { action, handler } = setUp({ origin: 'null' })
    expect((await action(INITIAL_STAFF_FORM_STATE, form(good))).message).toBe(CROSS_SITE_MESSAGE)
    expect(handler).not.toHaveBeenCalled()
  })

  it('without Origin, wants Sec-Fetch-Site: same-origin', async () => {
    const crossSite = setUp({ 'sec-fetch-site': 'cross-site' })
    expect((await crossSite.action(INITIAL_STAFF_FORM_STATE, form(good))).message).toBe(CROSS_SITE_MESSAGE)
    const neither = setUp({})
    expect((await neither.action(INITIAL_STAFF_FORM_STATE, form(good))).message).toBe(CROSS_SITE_MESSAGE)
    const sameOrigin = setUp({ 'sec-fetch-site': 'same-origin' })
    expect((await sameOrigin.action(INITIAL_STAFF_FORM_STATE, form(good))).status).toBe('ok')
    expect(crossSite.handler).not.toHaveBeenCalled()
    expect(neither.handler).not.toHaveBeenCalled()
  })

  it('refuses a missing or wrong CSRF token, or another session’s', async () => {
    for (const csrf of [undefined, '', 'x', csrfTokenOf(newSessionToken())]) {
      const { action, handler } = setUp({ origin: ORIGIN })
      const fields: Record<string, string> = { name: '演示' }
      if (csrf !== undefined) fields[CSRF_FIELD] = csrf
      expect(await action(INITIAL_STAFF_FORM_STATE, form(fields))).toMatchObject({ status: 'error', message: CSRF_MESSAGE, values: { name: '演示' } })
      expect(handler).not.toHaveBeenCalled()
    }
  })

  it('sends a request without an ACTIVE session to the sign-in page', async () => {
    for (const resolved of [null, session('PROVINCE_ADMIN', 'TOTP')]) {
      const { action, handler } = setUp({ origin: ORIGIN }, resolved)
      await expect(action(INITIAL_STAFF_FORM_STATE, form(good))).rejects.toMatchObject({ digest: expect.stringContaining('/admin/sign-in') })
      expect(handler).not.toHaveBeenCalled()
    }
  })

  it('refuses a role without the permission', async () => {
    const { action, handler } = setUp({ origin: ORIGIN }, session('REGION_OFFICER'))
    expect(await action(INITIAL_STAFF_FORM_STATE, form(good))).toMatchObject({ status: 'error', message: '您的账号没有进行此操作的权限' })
    expect(handler).not.toHaveBeenCalled()
  })

  it('answers schema errors at the field, and keeps no secret in the values', async () => {
    const { action } = setUp({ origin: ORIGIN })
    const state = await action(INITIAL_STAFF_FORM_STATE, form({ ...good, name: 'x', password: 'hunter2hunter2' }))
    expect(state).toMatchObject({ status: 'error', fieldErrors: { name: '名称至少 2 个字' } })
    expect(state.values).toEqual({ name: 'x' })
  })

  it('maps the application layer’s refusals', async () => {
    const cases: [Error, object][] = [
      [new InputError({ name: '该名称已被使用' }), { fieldErrors: { name: '该名称已被使用' } }],
      [new NotFoundError('该账号'), { message: '未找到该账号' }],
      [new ConflictError('该账号已是停用状态'), { message: '该账号已是停用状态' }],
    ]
    for (const [error, expected] of cases) {
      const staffAction = createStaffAction({
        headers: async () => new Headers({ origin: ORIGIN }),
        sessionToken: async () => TOKEN,
        db: () => ({}) as Db,
        resolve: async () => session('PROVINCE_ADMIN'),
        portalOrigin: ORIGIN,
        clientIp: () => null,
      })
      const action = staffAction('accounts.manage', z.object({ name: z.string() }), async () => {
        throw error
      })
      expect(await action(INITIAL_STAFF_FORM_STATE, form(good))).toMatchObject({ status: 'error', ...expected })
    }
  })
})

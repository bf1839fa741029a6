import { describe, expect, it } from 'vitest'
import { encodeVerifyBudget, isVerifyPagePath, tooManyVerificationsHtml, VERIFY_BUDGET_HEADER, verifyBudgetOf } from './verify-page-budget'

const refused = { allowed: false, limit: 60, remaining: 0, retryAfterSeconds: 17, store: 'redis' }

describe('the /v/ page budget handed from the proxy to the page', () => {
  it('reads back what the proxy wrote', () => {
    const headers = new Headers({ [VERIFY_BUDGET_HEADER]: encodeVerifyBudget(refused) })
    expect(verifyBudgetOf(headers)).toEqual(refused)
  })

  it('is absent, not guessed, when the header is missing or malformed', () => {
    expect(verifyBudgetOf(new Headers())).toBeNull()
    for (const bad of ['yes', '{}', '{"allowed":"true"}', JSON.stringify({ ...refused, retryAfterSeconds: 0 })]) {
      expect(verifyBudgetOf(new Headers({ [VERIFY_BUDGET_HEADER]: bad })), bad).toBeNull()
    }
  })

  it('knows the page’s paths', () => {
    expect(isVerifyPagePath('/v/abc')).toBe(true)
    expect(isVerifyPagePath('/v/abc/')).toBe(true)
    for (const p of ['/v', '/v/', '/v/a/b', '/verify', '/api/v1/verify']) expect(isVerifyPagePath(p), p).toBe(false)
  })

  it('refuses in Chinese with the wait in seconds', () => {
    const html = tooManyVerificationsHtml(refused)
    expect(html).toContain('请求过于频繁')
    expect(html).toContain('17 秒后再试')
    expect(html).toContain('lang="zh-CN"')
  })
})

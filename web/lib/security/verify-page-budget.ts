// The /v/<payload> page counts against the verify API's per-client budget. The request proxy
// counts it (web/proxy.ts), so that a client over the budget gets HTTP 429 with Retry-After
// before the page streams a 200 (a small page of its own, as for the 400s: a rewrite cannot set
// the status of a streamed page), and hands the decision to the page in a request header, which
// the proxy first removes from whatever the client sent: the page neither counts twice nor
// believes a client that claims to be within its budget.
import { z } from 'zod'
import { verifyRateLimitedMessage } from '@web/server/certificates/verify-rate-limit'
import type { RateLimitDecision } from '@web/server/rate-limit/rate-limiter'

export const VERIFY_BUDGET_HEADER = 'x-portal-verify-budget'

const decisionSchema = z.object({
  allowed: z.boolean(),
  limit: z.number().int(),
  remaining: z.number().int(),
  retryAfterSeconds: z.number().int().min(1),
  store: z.string().max(20),
})

/** One segment under /v/ (an optional trailing slash): the verification page's path. */
export function isVerifyPagePath(pathname: string): boolean {
  return /^\/v\/[^/]+\/?$/.test(pathname)
}

export function encodeVerifyBudget(decision: RateLimitDecision): string {
  return JSON.stringify(decisionSchema.parse(decision))
}

/** The proxy's decision for this request, or null when the proxy did not count it (a prefetch). */
export function verifyBudgetOf(headers: Headers): RateLimitDecision | null {
  const raw = headers.get(VERIFY_BUDGET_HEADER)
  if (raw === null) return null
  try {
    const parsed = decisionSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** The 429 page of /v/ (inline styles only: its CSP is the 400 page's). */
export function tooManyVerificationsHtml(decision: RateLimitDecision): string {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>请求过于频繁</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1a1a1a">
<p style="color: #b3261e; font-weight: bold">429</p>
<h1 style="color: #0b3d91">证书核验结果</h1>
<p role="alert"><strong>请求过于频繁</strong>：${verifyRateLimitedMessage(decision)}。</p>
<p><a href="/verify">证书核验</a> · <a href="/">返回首页</a></p>
</body>
</html>
`
}

// The first check of every request (web/proxy.ts): a URL the app cannot read is refused with 400
// before any page or route sees it, instead of failing inside Next.js with a 500.

/** Longer URLs are refused: the longest real URL (a /v/ link with a 152-character payload, a list
 * with every filter set) is well under 1,000 characters, and browsers and proxies cap near 2 KB. */
export const MAX_URL_LENGTH = 2048

export type RequestPathProblem = 'URL_TOO_LONG' | 'MALFORMED_ENCODING'

export interface BadRequestAnswer {
  code: RequestPathProblem
  message: string
}

const MESSAGES: Record<RequestPathProblem, string> = {
  URL_TOO_LONG: `网址过长（超过 ${MAX_URL_LENGTH} 个字符），请检查后重试`,
  MALFORMED_ENCODING: '网址中含有无法识别的字符编码，请检查后重试',
}

/** decodeURIComponent rejects bad escapes, truncated escapes and invalid UTF-8 (lone surrogates included). */
function decodes(part: string): boolean {
  try {
    decodeURIComponent(part)
    return true
  } catch {
    return false
  }
}

/**
 * Checks the URL as the client sent it (the path still percent-encoded): its whole length, and
 * every path segment's escapes. The query is not checked for escapes: Next hands it on through
 * URLSearchParams, which reads a bad escape as U+FFFD and never throws (a search for it finds
 * nothing), while a path segment goes through decodeURIComponent, which throws.
 */
export function checkRequestPath(pathAndQuery: string): BadRequestAnswer | null {
  if (pathAndQuery.length > MAX_URL_LENGTH) return { code: 'URL_TOO_LONG', message: MESSAGES.URL_TOO_LONG }
  const q = pathAndQuery.indexOf('?')
  const path = q === -1 ? pathAndQuery : pathAndQuery.slice(0, q)
  if (!path.split('/').every(decodes)) return { code: 'MALFORMED_ENCODING', message: MESSAGES.MALFORMED_ENCODING }
  return null
}

/** The JSON body under /api, in the API's published error shape (web/lib/api/api-error.ts). */
export function badRequestJson(answer: BadRequestAnswer): string {
  const parameter = answer.code === 'URL_TOO_LONG' ? 'url' : 'path'
  return JSON.stringify({ error: { code: 'bad_request', message: answer.message, issues: [{ parameter, message: answer.message }] } })
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** A small self-contained Chinese page (no script, no external style) for everything but /api. */
export function badRequestHtml(answer: BadRequestAnswer): string {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>网址有误</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1a1a1a">
<p style="color: #b3261e; font-weight: bold">400</p>
<h1 style="color: #0b3d91">网址有误</h1>
<p>${escapeHtml(answer.message)}</p>
<p><a href="/">返回首页</a></p>
</body>
</html>
`
}

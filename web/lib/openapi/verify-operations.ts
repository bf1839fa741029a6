// The verification endpoint's schemas and its OpenAPI operations. The route parses its input with
// verifyInputSchema; `verifyOperations` is meant to be spread into apiOperations
// (web/lib/openapi/operations.ts), which the "document every route handler" test requires.
import { z } from 'zod'
import { verifyAnswerSchema } from '@web/server/certificates/verify-schemas'
import type { ApiOperation } from './operation'

export const MAX_CODE_LENGTH = 2048
export const MAX_VERIFY_BODY_BYTES = 4096

export const verifyInputSchema = z.object({
  code: z
    .string({ error: '缺少核验码 code' })
    .min(1, '核验码 code 不能为空')
    .max(MAX_CODE_LENGTH, `核验码 code 过长（最多 ${MAX_CODE_LENGTH} 个字符）`),
})

export { verifyAnswerSchema } from '@web/server/certificates/verify-schemas'

const DESCRIPTION =
  'code 为扫描得到的文本（本平台核验网址或 152 位核验码）。先离线核验数字签名，再查询证书记录：' +
  'valid 表示证书真实且当前有效（genuine=true 且 status=VALID），判断能否采信证书时只需读 valid；' +
  'genuine 表示由本平台签发且未被篡改、且与平台记录一致（已撤销、已替换、已过期的证书 genuine 仍为 true）；status 为证书当前状态（无法确认时为 UNKNOWN）；' +
  'reason 为机器可读原因（NOT_A_URL、FOREIGN_HOST、MALFORMED、TRUNCATED、UNSUPPORTED_VERSION、UNKNOWN_KEY、BAD_SIGNATURE、' +
  'KEY_NOT_VALID_AT_ISSUE、KEY_COMPROMISED、NOT_ISSUED、SUPERSEDED_CODE、FACTS_CHANGED，或 REVOKED、SUPERSEDED、EXPIRED）。' +
  '真实证书的回答附 log：透明日志（/log/，C2SP tlog-tiles）当前的签名检查点，以及证书签发条目（和其后的撤销或替换条目）的 RFC 9162 包含证明，可用 /log/vkey 的日志公钥离线核验；撤销状态列表 /log/status-list 按证书流水号定位（前 11 位为分组，其后 6 位序号为位序号），扫码即可离线查撤销。缺少或过长的 code 返回 400，其他任何内容均返回 200 与 valid=false、genuine=false。每个客户端每分钟可核验的次数有限，超出返回 429 并附 Retry-After（秒）。验证公钥见 /.well-known/jwks.json。'

export const verifyOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/verify',
    operationId: 'verifyCertificate',
    summary: '核验证书二维码',
    description: DESCRIPTION,
    tag: '证书核验',
    query: verifyInputSchema,
    queryDescriptions: { code: '扫描得到的二维码文本（网址或核验码），1–2048 个字符' },
    response: verifyAnswerSchema,
    errors: [400, 429, 503],
    examples: { ok: '/api/v1/verify?code=hello', badRequest: '/api/v1/verify' },
  },
  {
    method: 'post',
    path: '/api/v1/verify',
    operationId: 'verifyCertificatePost',
    summary: '核验证书二维码（POST）',
    description: `${DESCRIPTION} 请求体为 JSON {"code": "…"}（Content-Type: application/json，否则返回 415），不超过 ${MAX_VERIFY_BODY_BYTES} 字节，否则返回 413；来自其他网站的浏览器请求返回 403（跨域请用 GET）。`,
    tag: '证书核验',
    requestBody: verifyInputSchema,
    response: verifyAnswerSchema,
    errors: [400, 403, 413, 415, 429, 503],
    // the conformance test fetches with GET; GET and POST share the path and the answer
    examples: { ok: '/api/v1/verify?code=hello' },
  },
]

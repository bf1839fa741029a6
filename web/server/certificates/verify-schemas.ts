// The verification answer (GET/POST /api/v1/verify): the one schema the OpenAPI document is built
// from and the TypeScript type the verifier, the portal's verdict and its tests are written against.
import { z } from 'zod'
import type { VerifyFailureReason } from '@shared/certificates'
import { CERTIFICATE_STATUSES, CERTIFICATE_TYPES, LOG_EVENTS } from '@shared/domain/enums'

/** Why an answer is not "genuine and valid": a failed offline check, a record check, or the status. */
export const VERIFY_ANSWER_REASONS = [
  'NOT_A_URL',
  'FOREIGN_HOST',
  'MALFORMED',
  'TRUNCATED',
  'UNSUPPORTED_VERSION',
  'UNKNOWN_KEY',
  'BAD_SIGNATURE',
  'KEY_NOT_VALID_AT_ISSUE',
  'KEY_COMPROMISED',
  'NOT_ISSUED',
  'SUPERSEDED_CODE',
  'FACTS_CHANGED',
  'REVOKED',
  'SUPERSEDED',
  'EXPIRED',
] as const
export type VerifyAnswerReason = (typeof VERIFY_ANSWER_REASONS)[number]
// every reason the shared codec can give is a documented answer reason
const failureReasonsAreListed: VerifyFailureReason extends VerifyAnswerReason ? true : never = true
void failureReasonsAreListed

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)

/**
 * Where the certificate's events stand in the public transparency log (/log/, C2SP tlog-tiles):
 * an RFC 9162 inclusion proof of each entry against the checkpoint, so that a client can check
 * for itself that the issuance (and a later revocation or replacement) was published.
 */
export const verifyLogSchema = z
  .object({
    checkpoint: z.string().describe('当前签名检查点（C2SP signed note，含日志名称、树大小、根哈希与 Ed25519 签名），与 /log/checkpoint 相同格式；用 /log/vkey 的验证公钥核验'),
    treeSize: z.number().int().nonnegative().describe('检查点中的日志条目数'),
    rootHash: base64.describe('检查点中的根哈希（base64）'),
    entries: z
      .array(
        z.object({
          event: z.enum(LOG_EVENTS).describe('ISSUED 签发、SUPERSEDED 被替换、REVOKED 撤销'),
          index: z.number().int().nonnegative().describe('条目在日志中的序号（从 0 开始）'),
          entry: base64.describe('条目原始字节（base64，编码见 docs/transparency-log.md）；叶哈希为 SHA-256(0x00 ‖ 条目)'),
          proof: z.array(base64).describe('RFC 9162 §2.1.3 包含证明：从叶的兄弟节点到根的子节点的哈希（base64）'),
        }),
      )
      .describe('证书的签发条目，以及其后的撤销或替换条目（如有）'),
  })
  .describe('证书事件已收录于公开透明日志的证明')

export const verifyAnswerSchema = z.object({
  valid: z
    .boolean()
    .describe('证书真实且当前有效（genuine 为 true 且 status 为 VALID）。只读一个字段的客户端应读此字段：已撤销、已替换、已过期的证书 genuine 仍为 true，但 valid 为 false'),
  genuine: z.boolean().describe('由本平台签发、未被篡改且与平台记录一致；不表示当前有效，见 valid'),
  status: z.enum([...CERTIFICATE_STATUSES, 'UNKNOWN']),
  reason: z.enum(VERIFY_ANSWER_REASONS).optional().describe('机器可读原因；真实有效时没有'),
  message: z.string().describe('给用户看的中文说明'),
  certificate: z
    .object({
      type: z.enum(CERTIFICATE_TYPES),
      serial: z.string(),
      projectCode: z.string(),
      projectName: z.string(),
      holderUscc: z.string(),
      holderName: z.string(),
      issuedOn: z.string(),
      statusChangedAt: z.string().nullable(),
      statusReason: z.string().nullable(),
      documentNumber: z.string().nullable().describe('施工许可证编号或竣工验收备案编号；证书与之脱离时为 null'),
      contractorName: z.string().nullable().describe('施工单位'),
      supervisorName: z.string().nullable().describe('监理单位'),
    })
    .optional(),
  log: verifyLogSchema.optional().describe('真实证书的透明日志包含证明；日志尚无该证书的条目时没有'),
})

export type VerifyAnswer = z.infer<typeof verifyAnswerSchema>
export type VerifyLog = z.infer<typeof verifyLogSchema>

// The verification answer (GET/POST /api/v1/verify): the one schema the OpenAPI document is built
// from and the TypeScript type the verifier, the portal's verdict and its tests are written against.
import { z } from 'zod'
import type { VerifyFailureReason } from '@shared/certificates'
import { CERTIFICATE_STATUSES, CERTIFICATE_TYPES } from '@shared/domain/enums'

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
})

export type VerifyAnswer = z.infer<typeof verifyAnswerSchema>

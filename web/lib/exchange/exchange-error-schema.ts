// The body of every error answer of the exchange API, with its one list of codes: the route wrapper
// (exchange-route.ts) writes them, the exchange OpenAPI document publishes this schema, and the
// conformance test checks real answers against it.
import { z } from 'zod'

export const EXCHANGE_ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal_error',
  'service_unavailable',
] as const

export type ExchangeErrorCode = (typeof EXCHANGE_ERROR_CODES)[number]

export const exchangeErrorSchema = z.object({
  error: z.object({
    code: z.enum(EXCHANGE_ERROR_CODES),
    message: z.string().describe('what went wrong, in Chinese'),
    issues: z
      .array(z.object({ field: z.string().describe('the parameter, header or body field at fault'), message: z.string() }))
      .optional()
      .describe('each field at fault (400; the Authorization header on 401)'),
  }),
})

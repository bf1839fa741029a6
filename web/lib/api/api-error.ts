// The one error type of the public API. Every failure leaves as JSON with a stable machine code,
// a Chinese message for people, and — for bad input — the parameter at fault.
import { z, ZodError } from 'zod'
import { RateLimitedError } from '@web/server/rate-limit/configured-limiter'
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '@web/server/lib/errors'

/**
 * Every machine code an error body can carry: the one list the OpenAPI document publishes
 * (apiErrorSchema) and the only values ApiError accepts.
 */
export const API_ERROR_CODES = [
  'bad_request',
  'not_found',
  'forbidden',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'service_unavailable',
  'internal_error',
] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

/** The body of every error answer of the API. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: z.string(),
    issues: z.array(z.object({ parameter: z.string(), message: z.string() })).optional(),
  }),
})

export interface ApiErrorIssue {
  parameter: string
  message: string
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly status: number,
    message: string,
    readonly issues: ApiErrorIssue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }

  static notFound(what: string) {
    return new ApiError('not_found', 404, `未找到${what}`)
  }

  static badRequest(message: string, issues: ApiErrorIssue[] = []) {
    return new ApiError('bad_request', 400, message, issues)
  }

  /** A part the answer needs (signing keys, the database) is not configured or not reachable. */
  static serviceUnavailable(message: string, headers: Record<string, string> = {}) {
    return new ApiError('service_unavailable', 503, message, [], headers)
  }
}

export function issuesFromZod(error: ZodError): ApiErrorIssue[] {
  return error.issues.map((issue) => ({
    parameter: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }))
}

export function errorBody(error: ApiError): z.infer<typeof apiErrorSchema> {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.issues.length ? { issues: error.issues } : {}),
    },
  }
}

/** The application layer's refusals (web/server/lib/errors.ts) as API errors. */
function fromApplicationError(error: unknown): ApiError | null {
  if (error instanceof NotFoundError) return new ApiError('not_found', 404, error.message)
  if (error instanceof ForbiddenError) return new ApiError('forbidden', 403, error.message)
  if (error instanceof ConflictError) return new ApiError('conflict', 409, error.message)
  if (error instanceof InputError) {
    return ApiError.badRequest(error.message, Object.entries(error.fields).map(([parameter, message]) => ({ parameter, message })))
  }
  return null
}

/** Turns anything thrown inside a route handler into a JSON response; only the unexpected is a 500. */
export function toErrorResponse(error: unknown): Response {
  const apiError =
    error instanceof ApiError
      ? error
      : error instanceof ZodError
        ? ApiError.badRequest('请求参数有误', issuesFromZod(error))
        : error instanceof RateLimitedError
          ? new ApiError('rate_limited', 429, error.message, [], error.headers)
          : fromApplicationError(error)
  if (apiError) {
    return Response.json(errorBody(apiError), { status: apiError.status, headers: apiError.headers })
  }
  console.error('[api] unexpected error', error)
  return Response.json(errorBody(new ApiError('internal_error', 500, '服务器内部错误')), { status: 500 })
}

// The one error type of the public API. Every failure leaves as JSON with a stable machine code,
// a Chinese message for people, and — for bad input — the parameter at fault.
import { ZodError } from 'zod'

export type ApiErrorCode = 'bad_request' | 'not_found' | 'payload_too_large' | 'rate_limited' | 'internal_error'

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
}

export function issuesFromZod(error: ZodError): ApiErrorIssue[] {
  return error.issues.map((issue) => ({
    parameter: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }))
}

export function errorBody(error: ApiError) {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.issues.length ? { issues: error.issues } : {}),
    },
  }
}

/** Turns anything thrown inside a route handler into a JSON response; only the unexpected is a 500. */
export function toErrorResponse(error: unknown): Response {
  const apiError =
    error instanceof ApiError
      ? error
      : error instanceof ZodError
        ? ApiError.badRequest('请求参数有误', issuesFromZod(error))
        : null
  if (apiError) {
    return Response.json(errorBody(apiError), { status: apiError.status, headers: apiError.headers })
  }
  console.error('[api] unexpected error', error)
  return Response.json(errorBody(new ApiError('internal_error', 500, '服务器内部错误')), { status: 500 })
}

// The portal's public API as the app uses it. Every call resolves (never rejects) with either
// the parsed data or a failure the pages can put into words: an inspector with one bar of
// signal gets "平台响应超时" within seconds, never an exception or an endless wait.

import type { z } from 'zod/mini'
import {
  apiErrorSchema,
  enterprisePageSchema,
  enterpriseProfileSchema,
  practitionerPageSchema,
  practitionerProfileSchema,
  projectDetailSchema,
  recordPageSchema,
  verifyAnswerSchema,
  type EnterpriseListItem,
  type EnterpriseProfile,
  type Page,
  type PractitionerListItem,
  type PractitionerProfile,
  type ProjectDetail,
  type SubjectRecord,
  type VerifyAnswer,
} from './api-schemas'
import { TransportError, type HttpClient, type HttpResponse } from './http'

export type ApiFailureKind =
  /** no complete answer before the deadline */
  | 'TIMEOUT'
  /** no HTTP answer at all: no signal, DNS, TLS, refused, blocked */
  | 'NETWORK'
  /** 429 */
  | 'RATE_LIMITED'
  /** 5xx other than 503 */
  | 'SERVER_ERROR'
  /** 503: the portal is up but the service is not (e.g. keys not configured) */
  | 'UNAVAILABLE'
  /** a 2xx whose body is not JSON or not the expected shape, or an unexpected status */
  | 'BAD_RESPONSE'
  /** 404 */
  | 'NOT_FOUND'
  /** 400 (and other 4xx): the portal refused the question */
  | 'REJECTED'

export interface ApiFailure {
  kind: ApiFailureKind
  /** HTTP status when there was one */
  status?: number
  /** from Retry-After on a 429, when readable */
  retryAfterSeconds?: number
  /** Chinese, for the inspector */
  message: string
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; failure: ApiFailure }

/** Deadlines in ms. Verification is what an inspector waits for on site, so it is the shortest. */
export const DEFAULT_TIMEOUTS = { verify: 4000, jwks: 6000, read: 8000 }
export type ApiTimeouts = typeof DEFAULT_TIMEOUTS

/** The only request header sent: CORS-safelisted, so the H5 build's GETs need no preflight. */
export const ACCEPT_JSON = { Accept: 'application/json' }
/** For the log's plain-text documents (signed notes, the verifier key); also CORS-safelisted. */
export const ACCEPT_TEXT = { Accept: 'text/plain' }

export const FAILURE_MESSAGES: Record<ApiFailureKind, string> = {
  TIMEOUT: '平台响应超时',
  NETWORK: '无法连接平台（无网络或信号弱）',
  RATE_LIMITED: '查询过于频繁，平台暂时拒绝了请求',
  SERVER_ERROR: '平台服务器出错',
  UNAVAILABLE: '平台服务暂不可用',
  BAD_RESPONSE: '平台答复无法识别',
  NOT_FOUND: '平台上没有找到',
  REJECTED: '平台拒绝了该查询',
}

/** Retry-After as seconds (delta-seconds or an HTTP date); undefined when absent or odd. */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null) return undefined
  const v = value.trim()
  if (/^\d+$/.test(v)) return Number(v)
  const at = Date.parse(v)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000))
}

function failure(kind: ApiFailureKind, extra: Partial<ApiFailure> = {}): { ok: false; failure: ApiFailure } {
  return { ok: false, failure: { kind, message: FAILURE_MESSAGES[kind], ...extra } }
}

function serverMessage(response: HttpResponse): string | undefined {
  try {
    const parsed = apiErrorSchema.safeParse(JSON.parse(response.text))
    return parsed.success ? parsed.data.error.message : undefined
  } catch {
    return undefined
  }
}

export interface PortalApiOptions {
  http: HttpClient
  /** canonical origin, e.g. https://portal.example.cn */
  origin: string
  clock?: () => Date
  timeouts?: Partial<ApiTimeouts>
}

export class PortalApi {
  readonly origin: string
  private readonly http: HttpClient
  private readonly clock: () => Date
  private readonly timeouts: ApiTimeouts

  constructor(options: PortalApiOptions) {
    this.origin = options.origin.replace(/\/+$/, '')
    this.http = options.http
    this.clock = options.clock ?? (() => new Date())
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts }
  }

  /** GET /api/v1/verify?code=… : the portal's answer for a scanned text. */
  verify(code: string): Promise<ApiResult<VerifyAnswer>> {
    return this.getJson(`/api/v1/verify?code=${encodeURIComponent(code)}`, verifyAnswerSchema, this.timeouts.verify)
  }

  /** GET /.well-known/jwks.json, unparsed: the key store validates it with the shared fromJwks. */
  jwks(): Promise<ApiResult<unknown>> {
    return this.getJson('/.well-known/jwks.json', null, this.timeouts.jwks)
  }

  project(projectCode: string): Promise<ApiResult<ProjectDetail>> {
    return this.getJson(`/api/v1/projects/${encodeURIComponent(projectCode)}`, projectDetailSchema, this.timeouts.read)
  }

  searchEnterprises(q: string, pageSize = 10): Promise<ApiResult<Page<EnterpriseListItem>>> {
    return this.getJson(`/api/v1/enterprises?q=${encodeURIComponent(q)}&pageSize=${pageSize}`, enterprisePageSchema, this.timeouts.read)
  }

  enterprise(uscc: string): Promise<ApiResult<EnterpriseProfile>> {
    return this.getJson(`/api/v1/enterprises/${encodeURIComponent(uscc)}`, enterpriseProfileSchema, this.timeouts.read)
  }

  enterpriseRecords(uscc: string, pageSize = 5): Promise<ApiResult<Page<SubjectRecord>>> {
    return this.getJson(`/api/v1/enterprises/${encodeURIComponent(uscc)}/records?pageSize=${pageSize}`, recordPageSchema, this.timeouts.read)
  }

  searchPractitioners(q: string, pageSize = 10): Promise<ApiResult<Page<PractitionerListItem>>> {
    return this.getJson(`/api/v1/practitioners?q=${encodeURIComponent(q)}&pageSize=${pageSize}`, practitionerPageSchema, this.timeouts.read)
  }

  practitioner(id: string): Promise<ApiResult<PractitionerProfile>> {
    return this.getJson(`/api/v1/practitioners/${encodeURIComponent(id)}`, practitionerProfileSchema, this.timeouts.read)
  }

  practitionerRecords(id: string, pageSize = 5): Promise<ApiResult<Page<SubjectRecord>>> {
    return this.getJson(`/api/v1/practitioners/${encodeURIComponent(id)}/records?pageSize=${pageSize}`, recordPageSchema, this.timeouts.read)
  }

  /** GET /log/status-list: the signed revocation status list (a signed note, text). */
  statusList(): Promise<ApiResult<string>> {
    return this.getText('/log/status-list', this.timeouts.read)
  }

  /** GET /log/vkey: the log's verifier key (one line). */
  logVerifierKey(): Promise<ApiResult<string>> {
    return this.getText('/log/vkey', this.timeouts.jwks)
  }

  /** GET /log/checkpoint: the log's newest signed checkpoint (a signed note, text). */
  checkpoint(): Promise<ApiResult<string>> {
    return this.getText('/log/checkpoint', this.timeouts.read)
  }

  private async getJson<T>(pathAndQuery: string, schema: z.ZodMiniType<T> | null, timeoutMs: number): Promise<ApiResult<T>> {
    const answer = await this.get(pathAndQuery, ACCEPT_JSON, timeoutMs)
    if (!answer.ok) return answer
    let body: unknown
    try {
      body = JSON.parse(answer.data.text)
    } catch {
      return failure('BAD_RESPONSE', { status: answer.data.status })
    }
    if (schema === null) return { ok: true, data: body as T }
    const parsed = schema.safeParse(body)
    return parsed.success ? { ok: true, data: parsed.data } : failure('BAD_RESPONSE', { status: answer.data.status })
  }

  private async getText(pathAndQuery: string, timeoutMs: number): Promise<ApiResult<string>> {
    const answer = await this.get(pathAndQuery, ACCEPT_TEXT, timeoutMs)
    return answer.ok ? { ok: true, data: answer.data.text } : answer
  }

  /** A 2xx answer, or the failure its status (or the transport) stands for. */
  private async get(pathAndQuery: string, headers: Record<string, string>, timeoutMs: number): Promise<ApiResult<HttpResponse>> {
    let response: HttpResponse
    try {
      response = await this.http.get(this.origin + pathAndQuery, { headers, timeoutMs })
    } catch (error) {
      return failure(error instanceof TransportError ? error.kind : 'NETWORK')
    }
    const status = response.status
    if (status === 429) {
      return failure('RATE_LIMITED', { status, retryAfterSeconds: parseRetryAfter(response.header('Retry-After'), this.clock()) })
    }
    if (status === 503) return failure('UNAVAILABLE', { status, message: serverMessage(response) ?? FAILURE_MESSAGES.UNAVAILABLE })
    if (status >= 500) return failure('SERVER_ERROR', { status })
    if (status === 404) return failure('NOT_FOUND', { status, message: serverMessage(response) ?? FAILURE_MESSAGES.NOT_FOUND })
    if (status >= 400) return failure('REJECTED', { status, message: serverMessage(response) ?? FAILURE_MESSAGES.REJECTED })
    if (status < 200 || status >= 300) return failure('BAD_RESPONSE', { status })
    return { ok: true, data: response }
  }
}

/** "平台响应超时" / "查询过于频繁…（约 30 秒后可再试）" … for a status line. */
export function describeFailure(f: ApiFailure): string {
  if (f.kind === 'RATE_LIMITED' && f.retryAfterSeconds !== undefined) {
    return `${f.message}（约 ${f.retryAfterSeconds} 秒后可再试）`
  }
  if ((f.kind === 'SERVER_ERROR' || f.kind === 'BAD_RESPONSE') && f.status !== undefined) {
    return `${f.message}（HTTP ${f.status}）`
  }
  return f.message
}

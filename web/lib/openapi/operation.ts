// One documented API operation. The same zod schemas parse the requests, describe them in the
// OpenAPI document, and check real responses in the conformance test, so the document cannot
// drift from the endpoints without a test failing.
import type { z } from 'zod'

export interface ApiOperation {
  method: 'get' | 'post'
  /** OpenAPI path template, e.g. /api/v1/permits/{permitNumber} */
  path: string
  operationId: string
  summary: string
  description?: string
  tag: string
  pathParams?: Record<string, { description: string; example: string }>
  query?: z.ZodObject
  /** descriptions of query parameters (the schema gives types, enums, bounds) */
  queryDescriptions?: Record<string, string>
  requestBody?: z.ZodType
  /** JSON body schema of the 200 answer; for non-JSON answers use `produces` */
  response?: z.ZodType
  produces?: 'text/csv' | 'application/json' | 'application/rss+xml' | 'application/atom+xml'
  /** the status of a successful answer (default 200; 201 for a POST that creates something) */
  successStatus?: 200 | 201
  /** error statuses this operation can answer besides the success status */
  errors: number[]
  /**
   * concrete requests the conformance test makes; `{…}` placeholders are filled from list answers.
   * With okBody (and badRequestBody) the test POSTs that JSON to `ok` (`badRequest`); without, it GETs.
   */
  examples: { ok: string; badRequest?: string; notFound?: string; okBody?: Record<string, string>; badRequestBody?: Record<string, string> }
}

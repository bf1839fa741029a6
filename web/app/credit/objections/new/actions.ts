'use server'
// The form's server action: count the submission against the client's hourly limit, validate
// every field (a Chinese message per field; nothing is written on any error), store the request
// with its audit entry, then go to its status page. Works without JavaScript too (the form posts).
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import type { Route } from 'next'
import { fieldErrorsOf, objectionInputSchema, OBJECTION_FIELDS } from '@shared/objections/input'
import { getDb } from '@web/lib/db'
import { env } from '@web/lib/env'
import { countObjectionSubmission, rateLimitedMessage } from '@web/server/objections/objection-rate-limit'
import { ObjectionRefusedError, submitObjection } from '@web/server/objections/submit-objection'
import { rateLimitSettingsFrom } from '@web/server/rate-limit/configured-limiter'
import type { ObjectionFormState } from './form-state'

export async function submitObjectionAction(_previous: ObjectionFormState, formData: FormData): Promise<ObjectionFormState> {
  const values = Object.fromEntries(OBJECTION_FIELDS.map((f) => [f, typeof formData.get(f) === 'string' ? String(formData.get(f)) : ''])) as Record<
    (typeof OBJECTION_FIELDS)[number],
    string
  >
  const decision = await countObjectionSubmission(await headers(), { ...rateLimitSettingsFrom(env), perHour: env.OBJECTION_RATE_LIMIT_PER_HOUR })
  if (!decision.allowed) return { status: 'error', message: rateLimitedMessage(decision), fieldErrors: {}, values }
  const parsed = objectionInputSchema.safeParse(values)
  if (!parsed.success) return { status: 'error', message: '提交未成功，请按提示修改后重新提交。', fieldErrors: fieldErrorsOf(parsed.error), values }
  let trackingNumber: string
  try {
    trackingNumber = await submitObjection(getDb(), parsed.data)
  } catch (error) {
    if (error instanceof ObjectionRefusedError) return { status: 'error', message: error.message, fieldErrors: { [error.field]: error.message }, values }
    throw error
  }
  redirect(`/credit/objections/${trackingNumber}?submitted=1` as Route)
}

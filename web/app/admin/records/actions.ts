'use server'
// The integrity-record forms' server actions. The use cases parse the record's fields with the
// shared schemas (field errors as InputError) and recompute the subject's grade after the commit;
// the wrapper checks the ids and, for a correction or a withdrawal, the confirmation.
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { Route } from 'next'
import { z } from 'zod'
import { staffAction } from '@web/lib/staff/staff-action'
import { correctRecord } from '@web/server/records/correct-record'
import { recordIntegrity } from '@web/server/records/record-integrity'
import { withdrawRecord } from '@web/server/records/withdraw-record'

const page = (id: string) => `/admin/records/${id}`
const confirmed = z.looseObject({
  id: z.string().min(1, { error: '缺少记录' }),
  confirm: z.literal('yes', { error: '请勾选确认' }),
})

export const recordIntegrityAction = staffAction('records.write', z.looseObject({}), async (db, actor, input) => {
  const { id } = await recordIntegrity(db, actor, input)
  redirect(`${page(id)}?saved=1` as Route)
})

export const correctRecordAction = staffAction('records.write', confirmed, async (db, actor, { id, confirm: _confirm, ...input }) => {
  await correctRecord(db, actor, id, input)
  revalidatePath(page(id))
  return '记录已更正，该主体的信用等级已重算'
})

export const withdrawRecordAction = staffAction('records.write', confirmed, async (db, actor, { id, confirm: _confirm, ...input }) => {
  await withdrawRecord(db, actor, id, input)
  revalidatePath(page(id))
  return '记录已撤销，不再公示，该主体的信用等级已重算'
})

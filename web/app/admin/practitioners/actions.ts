'use server'
// The practitioner forms' server actions. As for enterprises, the use case parses the fields with
// the shared schema (field errors come back as InputError); the wrapper checks only the ids.
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { Route } from 'next'
import { z } from 'zod'
import { staffAction } from '@web/lib/staff/staff-action'
import { addRegistration } from '@web/server/practitioners/add-registration'
import { createPractitioner } from '@web/server/practitioners/create-practitioner'
import { revealPersonalData } from '@web/server/practitioners/reveal-personal-data'
import { updatePractitioner } from '@web/server/practitioners/update-practitioner'
import { updateRegistration } from '@web/server/practitioners/update-registration'

const page = (id: string) => `/admin/practitioners/${id}`
const withId = z.looseObject({ id: z.string().min(1, { error: '缺少从业人员' }) })

export const createPractitionerAction = staffAction('subjects.write', z.looseObject({}), async (db, actor, input) => {
  const { id } = await createPractitioner(db, actor, input)
  redirect(page(id) as Route)
})

export const updatePractitionerAction = staffAction('subjects.write', withId, async (db, actor, { id, ...input }) => {
  await updatePractitioner(db, actor, id, input)
  revalidatePath(page(id))
  return '从业人员信息已保存'
})

export const addRegistrationAction = staffAction('subjects.write', withId, async (db, actor, { id, ...input }) => {
  await addRegistration(db, actor, id, input)
  revalidatePath(page(id))
  return '执业注册已添加'
})

export const updateRegistrationAction = staffAction(
  'subjects.write',
  z.looseObject({ id: z.string().min(1, { error: '缺少从业人员' }), registrationId: z.string().min(1, { error: '缺少执业注册' }) }),
  async (db, actor, { id, registrationId, ...input }) => {
    await updateRegistration(db, actor, registrationId, input)
    revalidatePath(page(id))
    return '执业注册已保存'
  },
)

/**
 * 查看完整信息: the full ID number and phone, audited by the use case. They travel back in the
 * form state's values (to this one response, never stored in the page), so they show on this view
 * of the page only.
 */
export const revealPersonalDataAction = staffAction('personal-data.view', z.object({ id: z.string().min(1, { error: '缺少从业人员' }) }), async (db, actor, { id }) => {
  const data = await revealPersonalData(db, actor, id)
  return { status: 'ok', message: '本次查看已记入审计日志', values: { idNumber: data.idNumber, phone: data.phone ?? '' } }
})

'use server'
// The enterprise forms' server actions: the use case parses the form with the shared schema and
// reports its field errors (InputError), so the wrapper only needs the ids here — parsing the
// fields twice would parse the schema's output as input.
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { Route } from 'next'
import { z } from 'zod'
import { staffAction } from '@web/lib/staff/staff-action'
import { addQualification } from '@web/server/enterprises/add-qualification'
import { createEnterprise } from '@web/server/enterprises/create-enterprise'
import { updateEnterprise } from '@web/server/enterprises/update-enterprise'
import { updateQualification } from '@web/server/enterprises/update-qualification'

const page = (id: string) => `/admin/enterprises/${id}`
const anyFields = z.looseObject({})
const withId = z.looseObject({ id: z.string().min(1, { error: '缺少企业' }) })
const withQualification = z.looseObject({ id: z.string().min(1, { error: '缺少企业' }), qualificationId: z.string().min(1, { error: '缺少资质' }) })

export const createEnterpriseAction = staffAction('subjects.write', anyFields, async (db, actor, input) => {
  const { id } = await createEnterprise(db, actor, input)
  redirect(page(id) as Route)
})

export const updateEnterpriseAction = staffAction('subjects.write', withId, async (db, actor, { id, ...input }) => {
  await updateEnterprise(db, actor, id, input)
  revalidatePath(page(id))
  return '企业信息已保存'
})

export const addQualificationAction = staffAction('subjects.write', withId, async (db, actor, { id, ...input }) => {
  await addQualification(db, actor, id, input)
  revalidatePath(page(id))
  return '资质已添加'
})

export const updateQualificationAction = staffAction('subjects.write', withQualification, async (db, actor, { id, qualificationId, ...input }) => {
  await updateQualification(db, actor, qualificationId, input)
  revalidatePath(page(id))
  return '资质信息已保存'
})

'use server'
// The project forms' server actions: parse → one use case → the form's answer. The actor comes
// from the session (staffAction), the certificate keys from the portal's settings.
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { Route } from 'next'
import { z } from 'zod'
import {
  certificateActionSchema,
  correctCompletionSchema,
  correctPermitSchema,
  fileCompletionSchema,
  fileContractSchema,
  fileSupervisionSchema,
  issuePermitSchema,
  recordDrawingReviewSchema,
  registerProjectSchema,
  updateContractSchema,
  updateDrawingReviewSchema,
  updateSupervisionSchema,
} from '@shared/staff-forms/projects'
import { portalKeyRing } from '@web/lib/certificates/portal-certificates'
import { staffAction } from '@web/lib/staff/staff-action'
import { reissueProjectCertificate, revokeProjectCertificate } from '@web/server/projects/change-project-certificate'
import { correctCompletionFiling } from '@web/server/projects/correct-completion-filing'
import { correctPermit } from '@web/server/projects/correct-permit'
import { fileCompletion } from '@web/server/projects/file-completion'
import { fileContract } from '@web/server/projects/file-contract'
import { fileSupervision } from '@web/server/projects/file-supervision'
import { issuePermit } from '@web/server/projects/issue-permit'
import { recordDrawingReview } from '@web/server/projects/record-drawing-review'
import { registerProject } from '@web/server/projects/register-project'
import { updateContract } from '@web/server/projects/update-contract'
import { updateDrawingReview } from '@web/server/projects/update-drawing-review'
import { updateSupervision } from '@web/server/projects/update-supervision'

const page = (code: string) => `/admin/projects/${code}`
const withCode = z.object({ returnTo: z.string().regex(/^\d{17}$/, { error: '缺少项目编码' }) })

export const registerProjectAction = staffAction('projects.write', registerProjectSchema, async (db, actor, input) => {
  const { projectCode } = await registerProject(db, actor, input)
  redirect(page(projectCode) as Route)
})

export const fileContractAction = staffAction('projects.write', fileContractSchema, async (db, actor, input) => {
  const { filingNumber } = await fileContract(db, actor, input)
  revalidatePath(page(input.projectCode))
  return `合同备案已登记，备案编号 ${filingNumber}`
})

export const recordDrawingReviewAction = staffAction('projects.write', recordDrawingReviewSchema, async (db, actor, input) => {
  await recordDrawingReview(db, actor, input)
  revalidatePath(page(input.projectCode))
  return '施工图审查结果已登记'
})

export const fileSupervisionAction = staffAction('projects.write', fileSupervisionSchema, async (db, actor, input) => {
  const { filingNumber } = await fileSupervision(db, actor, input)
  revalidatePath(page(input.projectCode))
  return `质量安全报监已登记，监督登记编号 ${filingNumber}`
})

export const issuePermitAction = staffAction('projects.write', issuePermitSchema, async (db, actor, input) => {
  const { permitNumber } = await issuePermit(db, actor, portalKeyRing(), input)
  revalidatePath(page(input.projectCode))
  return `施工许可证已核发并签章，编号 ${permitNumber}`
})

export const fileCompletionAction = staffAction('projects.write', fileCompletionSchema, async (db, actor, input) => {
  const { filingNumber } = await fileCompletion(db, actor, portalKeyRing(), input)
  revalidatePath(page(input.projectCode))
  return `竣工验收备案已办理，备案编号 ${filingNumber}`
})

export const updateContractAction = staffAction('projects.write', updateContractSchema.and(withCode), async (db, actor, { returnTo, ...input }) => {
  await updateContract(db, actor, input)
  revalidatePath(page(returnTo))
  return '合同备案记录已修改'
})

export const updateDrawingReviewAction = staffAction('projects.write', updateDrawingReviewSchema.and(withCode), async (db, actor, { returnTo, ...input }) => {
  await updateDrawingReview(db, actor, input)
  revalidatePath(page(returnTo))
  return '施工图审查记录已修改'
})

export const updateSupervisionAction = staffAction('projects.write', updateSupervisionSchema.and(withCode), async (db, actor, { returnTo, ...input }) => {
  await updateSupervision(db, actor, input)
  revalidatePath(page(returnTo))
  return '质量安全报监记录已修改'
})

const confirmed = z.object({ confirm: z.literal('yes', { error: '请勾选确认' }) })

export const revokeCertificateAction = staffAction('certificates.write', certificateActionSchema.and(withCode).and(confirmed), async (db, actor, { returnTo, serial, reason }) => {
  await revokeProjectCertificate(db, actor, { serial, reason })
  revalidatePath(page(returnTo))
  return `证书 ${serial} 已撤销`
})

export const reissueCertificateAction = staffAction('certificates.write', certificateActionSchema.and(withCode).and(confirmed), async (db, actor, { returnTo, serial, reason }) => {
  const replacement = await reissueProjectCertificate(db, actor, portalKeyRing(), { serial, reason })
  revalidatePath(page(returnTo))
  return `已换发新证书 ${replacement}，原证书 ${serial} 已作废`
})

export const correctPermitAction = staffAction('projects.write', correctPermitSchema.and(withCode).and(confirmed), async (db, actor, { returnTo, ...input }) => {
  const replacement = await correctPermit(db, actor, portalKeyRing(), input)
  revalidatePath(page(returnTo))
  return `施工许可证已更正，已换发新证书 ${replacement}，原证书已作废`
})

export const correctCompletionAction = staffAction('projects.write', correctCompletionSchema.and(withCode).and(confirmed), async (db, actor, { returnTo, ...input }) => {
  const replacement = await correctCompletionFiling(db, actor, portalKeyRing(), input)
  revalidatePath(page(returnTo))
  return `竣工验收备案已更正，已换发新证书 ${replacement}，原证书已作废`
})

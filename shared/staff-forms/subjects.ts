// Input schemas of the back office's enterprise and practitioner forms (issue 12). The staff forms,
// the bulk import and the exchange API parse with these same schemas, so a USCC, an ID number or
// a registration number is checked one way whatever the entry point. Rules that need the database
// (the USCC already taken, the employer unknown, the region outside the actor's) are the use
// cases' (web/server/enterprises, web/server/practitioners).
import { z } from 'zod'
import { enterpriseTypeSchema, registrationTypeSchema } from '../domain/enums'
import { isIsoDay } from '../scoring/days'
import { idNumberSchema } from '../validators/id-number'
import { practiceRegistrationNumberSchema } from '../validators/codes'
import { usccSchema } from '../validators/uscc'
import { plainString } from '../validators/text'

/** A required trimmed text of at most `max` characters, with the field's own message. */
export function requiredText(label: string, max = 200) {
  return plainString(label)
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过${max}个字` })
}

/** An optional text: empty input becomes null. */
export function optionalText(label: string, max = 200) {
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v ?? null),
    plainString(label).trim().max(max, { error: `${label}不能超过${max}个字` }).nullable(),
  )
}

/** A calendar day 'YYYY-MM-DD' (what <input type="date"> sends). */
export function isoDay(label: string) {
  return plainString(label)
    .trim()
    .min(1, { error: `请填写${label}` })
    .refine(isIsoDay, { error: `${label}应为有效日期（年-月-日）` })
}

/** An optional calendar day: empty input becomes null. */
export function optionalIsoDay(label: string) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v ?? null), isoDay(label).nullable())
}

const regionCode = z
  .string({ error: '请选择所在地区' })
  .trim()
  .regex(/^\d{6}$/, { error: '请选择所在地区' })

/** 企业基本信息. Whether the enterprise is in the province follows from its region. */
export const enterpriseFormSchema = z.object({
  uscc: usccSchema,
  name: requiredText('企业名称', 100),
  type: enterpriseTypeSchema,
  regionCode,
  legalRepresentative: requiredText('法定代表人', 50),
  registeredAddress: requiredText('注册地址', 200),
  registeredCapital: z.coerce
    .number({ error: '注册资本应为数字（万元）' })
    .finite({ error: '注册资本应为数字（万元）' })
    .min(0, { error: '注册资本不能为负数' })
    .max(100_000_000, { error: '注册资本过大，请以万元为单位填写' }),
  establishedOn: isoDay('成立日期'),
})
export type EnterpriseFormInput = z.input<typeof enterpriseFormSchema>
export type EnterpriseForm = z.output<typeof enterpriseFormSchema>

/** 企业资质. */
export const qualificationFormSchema = z
  .object({
    category: requiredText('资质类别', 60),
    grade: requiredText('资质等级', 20),
    certificateNumber: requiredText('资质证书编号', 60).transform((s) => s.toUpperCase()),
    issuedBy: requiredText('发证机关', 100),
    issuedOn: isoDay('发证日期'),
    validUntil: isoDay('有效期至'),
  })
  .refine((q) => q.validUntil > q.issuedOn, { path: ['validUntil'], error: '有效期至应晚于发证日期' })
export type QualificationForm = z.output<typeof qualificationFormSchema>

export const GENDERS = ['男', '女'] as const

/** 从业人员基本信息: the employer is named by its USCC. */
export const practitionerFormSchema = z.object({
  idNumber: idNumberSchema,
  name: requiredText('姓名', 30),
  gender: z.enum(GENDERS, { error: '请选择性别' }),
  phone: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/[\s-]/g, '') : v),
    z
      .string()
      .transform((s) => (s === '' ? null : s))
      .nullable()
      .refine((s) => s === null || /^(\+?86)?1[3-9]\d{9}$|^0\d{9,11}$/.test(s), { error: '联系电话应为手机号码或带区号的固定电话' }),
  ),
  employerUscc: usccSchema,
})
export type PractitionerForm = z.output<typeof practitionerFormSchema>

/**
 * Editing a practitioner: the ID number is the person's key and is not re-entered (staff see it
 * masked); an empty phone keeps the stored one, so a masked value never has to be typed back.
 */
export const practitionerEditSchema = practitionerFormSchema.omit({ idNumber: true }).extend({
  phone: practitionerFormSchema.shape.phone.transform((s) => s ?? undefined),
})
export type PractitionerEdit = z.output<typeof practitionerEditSchema>

/** 执业注册. The registering enterprise defaults to the practitioner's employer. */
export const registrationFormSchema = z
  .object({
    type: registrationTypeSchema,
    number: practiceRegistrationNumberSchema,
    specialty: requiredText('注册专业', 60),
    issuedOn: isoDay('注册日期'),
    validUntil: isoDay('有效期至'),
  })
  .refine((r) => r.validUntil > r.issuedOn, { path: ['validUntil'], error: '有效期至应晚于注册日期' })
export type RegistrationForm = z.output<typeof registrationFormSchema>

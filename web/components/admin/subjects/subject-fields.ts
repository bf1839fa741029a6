// The fields of the enterprise and practitioner forms (labels, hints, choices), for the create and
// edit pages alike; the values are checked by the schemas in shared/staff-forms/subjects.ts.
import { ENTERPRISE_TYPE_LABELS, ENTERPRISE_TYPES, REGISTRATION_TYPE_LABELS, REGISTRATION_TYPES } from '@shared/domain/enums'
import { HAINAN_REGIONS, OUT_OF_PROVINCE_REGION_CODES } from '@shared/regions/hainan'
import { actsFor, type Actor } from '@shared/staff/actor'
import { GENDERS } from '@shared/staff-forms/subjects'
import type { FieldSpec } from '@web/components/admin/projects/staff-form'
import type { StaffEnterprise } from '@web/server/enterprises/get-staff-enterprise'
import type { StaffPractitioner } from '@web/server/practitioners/get-staff-practitioner'

/** The regions an actor may register enterprises in: its own; the province also out-of-province cities. */
export function enterpriseRegionOptions(actor: Actor): { value: string; label: string }[] {
  const own = HAINAN_REGIONS.filter((r) => r.level !== 'PROVINCE' && actsFor(actor, r.code)).map((r) => ({ value: r.code, label: r.name }))
  const outside = actor.regions === 'ALL' ? OUT_OF_PROVINCE_REGION_CODES.map((r) => ({ value: r.code, label: `省外：${r.name}` })) : []
  return [...own, ...outside]
}

export function enterpriseFields(actor: Actor, e?: StaffEnterprise): FieldSpec[] {
  const regions = enterpriseRegionOptions(actor)
  return [
    ...(e ? [{ kind: 'hidden', name: 'id', value: e.id } as FieldSpec] : []),
    { kind: 'text', name: 'uscc', label: '统一社会信用代码', required: true, defaultValue: e?.uscc, hint: '18位，字母大写' },
    { kind: 'text', name: 'name', label: '企业名称', required: true, defaultValue: e?.name },
    { kind: 'select', name: 'type', label: '企业类型', required: true, defaultValue: e?.type, options: ENTERPRISE_TYPES.map((t) => ({ value: t, label: ENTERPRISE_TYPE_LABELS[t] })) },
    {
      kind: 'select',
      name: 'regionCode',
      label: '所在地区',
      required: true,
      defaultValue: e?.regionCode ?? (regions.length === 1 ? regions[0].value : undefined),
      options: regions,
      hint: actor.regions === 'ALL' ? '省外企业由省级主管部门登记' : undefined,
    },
    { kind: 'text', name: 'legalRepresentative', label: '法定代表人', required: true, defaultValue: e?.legalRepresentative },
    { kind: 'number', name: 'registeredCapital', label: '注册资本（万元）', required: true, defaultValue: e ? String(e.registeredCapital) : undefined },
    { kind: 'date', name: 'establishedOn', label: '成立日期', required: true, defaultValue: e?.establishedOn ?? undefined },
    { kind: 'textarea', name: 'registeredAddress', label: '注册地址', required: true, defaultValue: e?.registeredAddress },
  ]
}

type Qualification = StaffEnterprise['qualifications'][number]

export function qualificationFields(enterpriseId: string, q?: Qualification): FieldSpec[] {
  return [
    { kind: 'hidden', name: 'id', value: enterpriseId },
    ...(q ? [{ kind: 'hidden', name: 'qualificationId', value: q.id } as FieldSpec] : []),
    { kind: 'text', name: 'category', label: '资质类别', required: true, defaultValue: q?.category, hint: '如：建筑工程施工总承包' },
    { kind: 'text', name: 'grade', label: '资质等级', required: true, defaultValue: q?.grade, hint: '如：一级' },
    { kind: 'text', name: 'certificateNumber', label: '资质证书编号', required: true, defaultValue: q?.certificateNumber },
    { kind: 'text', name: 'issuedBy', label: '发证机关', required: true, defaultValue: q?.issuedBy },
    { kind: 'date', name: 'issuedOn', label: '发证日期', required: true, defaultValue: q?.issuedOn ?? undefined },
    { kind: 'date', name: 'validUntil', label: '有效期至', required: true, defaultValue: q?.validUntil ?? undefined },
  ]
}

const genderOptions = GENDERS.map((g) => ({ value: g, label: g }))

export function practitionerCreateFields(): FieldSpec[] {
  return [
    { kind: 'text', name: 'name', label: '姓名', required: true },
    { kind: 'select', name: 'gender', label: '性别', required: true, options: genderOptions },
    { kind: 'text', name: 'idNumber', label: '身份证号', required: true, hint: '18位居民身份证号码' },
    { kind: 'text', name: 'phone', label: '联系电话', hint: '手机号码或带区号的固定电话，可不填' },
    { kind: 'enterprise', name: 'employerUscc', label: '聘用单位', required: true, hint: '输入统一社会信用代码或名称查找' },
  ]
}

export function practitionerEditFields(p: StaffPractitioner): FieldSpec[] {
  return [
    { kind: 'hidden', name: 'id', value: p.id },
    { kind: 'text', name: 'name', label: '姓名', required: true, defaultValue: p.name },
    { kind: 'select', name: 'gender', label: '性别', required: true, defaultValue: p.gender, options: genderOptions },
    {
      kind: 'text',
      name: 'phone',
      label: '联系电话',
      hint: p.hasPhone ? `现为 ${p.phoneMasked}；留空则不变，填写则替换` : '手机号码或带区号的固定电话，可不填',
    },
    { kind: 'enterprise', name: 'employerUscc', label: '聘用单位', required: true, defaultValue: p.employer?.uscc, hint: '输入统一社会信用代码或名称查找' },
  ]
}

type Registration = StaffPractitioner['registrations'][number]

export function registrationFields(personId: string, r?: Registration): FieldSpec[] {
  return [
    { kind: 'hidden', name: 'id', value: personId },
    ...(r ? [{ kind: 'hidden', name: 'registrationId', value: r.id } as FieldSpec] : []),
    { kind: 'select', name: 'type', label: '注册类别', required: true, defaultValue: r?.type, options: REGISTRATION_TYPES.map((t) => ({ value: t, label: REGISTRATION_TYPE_LABELS[t] })) },
    { kind: 'text', name: 'number', label: '注册编号', required: true, defaultValue: r?.number },
    { kind: 'text', name: 'specialty', label: '注册专业', required: true, defaultValue: r?.specialty, hint: '如：建筑工程' },
    { kind: 'date', name: 'issuedOn', label: '注册日期', required: true, defaultValue: r?.issuedOn ?? undefined },
    { kind: 'date', name: 'validUntil', label: '有效期至', required: true, defaultValue: r?.validUntil ?? undefined },
  ]
}

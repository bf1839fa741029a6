// Look-up of enterprises and practitioners: what the inspector typed → the portal's searches →
// a profile with the credit grade and the most recent integrity records.
//
// One box takes a name, a USCC or a practice registration number: the portal's enterprise
// search matches part of a name or a whole USCC, its practitioner search part of a name, a whole
// registration number or part of the employer's name, so both are asked at once. A USCC is
// checked on the phone first (the same check as the portal's), so a mistyped code is explained
// at once instead of merely finding nothing.

import {
  ENTERPRISE_TYPE_LABELS,
  RECORD_KIND_LABELS,
  REGISTRATION_TYPE_LABELS,
} from '@shared/domain/enums'
import type { ApiFailure, ApiResult, PortalApi } from './api-client'
import type {
  EnterpriseListItem,
  EnterpriseProfile,
  Page,
  PractitionerListItem,
  PractitionerProfile,
  SubjectRecord,
} from './api-schemas'
import { gradeView, type GradeView } from './details'
import { formatNumber } from './format'
import { checkUsccInput, compactUsccInput, type UsccCheck } from './uscc-check'

export const MIN_QUERY_LENGTH = 2
export const MAX_QUERY_LENGTH = 100
export const RECENT_RECORDS = 5

export type LookupQuery =
  | { ok: false; message: string }
  | {
      ok: true
      q: string
      /** 18 letters and digits: searched as a USCC, among enterprises only */
      looksLikeUscc: boolean
      /** the phone's own check of that USCC */
      uscc: UsccCheck | null
    }

export function parseLookupQuery(raw: string): LookupQuery {
  const q = raw.replace(/[\s\u3000]+/g, ' ').trim()
  if (q === '') return { ok: false, message: '请输入企业名称、统一社会信用代码、人员姓名或注册编号' }
  if (Array.from(q).length < MIN_QUERY_LENGTH) return { ok: false, message: `请至少输入 ${MIN_QUERY_LENGTH} 个字` }
  if (q.length > MAX_QUERY_LENGTH) return { ok: false, message: `搜索词不能超过 ${MAX_QUERY_LENGTH} 个字符` }
  const compact = compactUsccInput(q)
  if (/^[0-9A-Z]{18}$/.test(compact)) {
    return { ok: true, q: compact, looksLikeUscc: true, uscc: checkUsccInput(compact, { final: true }) }
  }
  return { ok: true, q, looksLikeUscc: false, uscc: null }
}

export interface EnterpriseItemView {
  uscc: string
  name: string
  type: string
  region: string
}

export interface PractitionerItemView {
  id: string
  name: string
  idNumberMasked: string
  employer: string
  registrations: string[]
}

export interface LookupResults {
  enterprises: ApiResult<EnterpriseItemView[]> & { total?: number }
  /** null when not searched (a USCC names an enterprise) */
  practitioners: (ApiResult<PractitionerItemView[]> & { total?: number }) | null
}

function registrationLabel(r: { type: string; number: string; expired: boolean }): string {
  const name = REGISTRATION_TYPE_LABELS[r.type as keyof typeof REGISTRATION_TYPE_LABELS] ?? r.type
  return `${name} ${r.number}${r.expired ? '（已过期）' : ''}`
}

export function enterpriseItemView(e: EnterpriseListItem): EnterpriseItemView {
  return {
    uscc: e.uscc,
    name: e.name,
    type: ENTERPRISE_TYPE_LABELS[e.type as keyof typeof ENTERPRISE_TYPE_LABELS] ?? e.type,
    region: e.inProvince ? e.regionName : `${e.regionName}（省外）`,
  }
}

export function practitionerItemView(p: PractitionerListItem): PractitionerItemView {
  return {
    id: p.id,
    name: p.name,
    idNumberMasked: p.idNumberMasked,
    employer: p.employer?.name ?? '（无聘用单位记录）',
    registrations: p.registrations.map(registrationLabel),
  }
}

function mapPage<T, V>(r: ApiResult<Page<T>>, view: (item: T) => V): ApiResult<V[]> & { total?: number } {
  return r.ok ? { ok: true, data: r.data.items.map(view), total: r.data.total } : r
}

export async function searchSubjects(
  api: Pick<PortalApi, 'searchEnterprises' | 'searchPractitioners'>,
  query: Extract<LookupQuery, { ok: true }>,
): Promise<LookupResults> {
  const [enterprises, practitioners] = await Promise.all([
    api.searchEnterprises(query.q),
    query.looksLikeUscc ? Promise.resolve(null) : api.searchPractitioners(query.q),
  ])
  return {
    enterprises: mapPage(enterprises, enterpriseItemView),
    practitioners: practitioners === null ? null : mapPage(practitioners, practitionerItemView),
  }
}

// ---------------------------------------------------------------- profiles

export type SubjectRef = { kind: 'enterprise'; uscc: string } | { kind: 'practitioner'; id: string }

export interface RecordView {
  id: string
  good: boolean
  kind: string
  category: string
  title: string
  decidedOn: string
  issuedBy: string
  decisionNumber: string
  /** "+3" / "−5" */
  points: string
  /** "公示中（至 2026-03-01）": only public records are shown (isPublicRecord) */
  publication: string
  project: string | null
}

export interface Fact {
  label: string
  value: string
}

export interface SubjectView {
  kind: SubjectRef['kind']
  name: string
  /** the USCC, or the masked ID number */
  code: string
  facts: Fact[]
  grade: GradeView | null
  /** qualifications (enterprise) or practice registrations (practitioner) */
  credentials: string[]
  recordCounts: { total: number; good: number; bad: number; public: number }
  records: RecordView[]
  recordsFailure?: ApiFailure
  recordsTotal: number
}

export type SubjectResult = { ok: true; view: SubjectView } | { ok: false; failure: ApiFailure }

/**
 * The portal lists only records public today (建市〔2017〕241号: outside its publication period a
 * record is not public). An answer from an older portal may still carry ended, withdrawn or
 * not-yet-public records; the app never shows them.
 */
export function isPublicRecord(r: SubjectRecord): boolean {
  return r.isPublic && r.publication === 'PUBLIC'
}

export function recordView(r: SubjectRecord): RecordView {
  const good = r.kind === 'GOOD'
  const points = r.points === 0 ? '0' : r.points > 0 ? `+${formatNumber(r.points, 1)}` : `−${formatNumber(-r.points, 1)}`
  const publication = `公示中（至 ${r.lastPublicDay}）`
  return {
    id: r.id,
    good,
    kind: RECORD_KIND_LABELS[r.kind as keyof typeof RECORD_KIND_LABELS] ?? r.kind,
    category: r.categoryLabel,
    title: r.title,
    decidedOn: r.decidedOn,
    issuedBy: r.issuedBy,
    decisionNumber: r.decisionNumber,
    points,
    publication,
    project: r.project ? `${r.project.name}（${r.project.projectCode}）` : null,
  }
}

function enterpriseView(p: EnterpriseProfile): Omit<SubjectView, 'records' | 'recordsFailure' | 'recordsTotal'> {
  return {
    kind: 'enterprise',
    name: p.name,
    code: p.uscc,
    facts: [
      { label: '统一社会信用代码', value: p.uscc },
      { label: '企业类型', value: ENTERPRISE_TYPE_LABELS[p.type as keyof typeof ENTERPRISE_TYPE_LABELS] ?? p.type },
      { label: '所在地', value: p.inProvince ? p.regionName : `${p.regionName}（省外）` },
      { label: '法定代表人', value: p.legalRepresentative },
      { label: '成立日期', value: p.establishedOn },
      { label: '数据截至', value: p.asOf },
    ],
    grade: gradeView(p.creditGrade),
    credentials: p.qualifications.map(
      (q) => `${q.category} ${q.grade}（${q.certificateNumber}，有效期至 ${q.validUntil}${q.expired ? '，已过期' : ''}）`,
    ),
    recordCounts: p.counts.records,
  }
}

function practitionerView(p: PractitionerProfile): Omit<SubjectView, 'records' | 'recordsFailure' | 'recordsTotal'> {
  return {
    kind: 'practitioner',
    name: p.name,
    code: p.idNumberMasked,
    facts: [
      { label: '身份证号', value: p.idNumberMasked },
      { label: '性别', value: p.gender },
      { label: '聘用单位', value: p.employer ? p.employer.name : '（无记录）' },
      { label: '数据截至', value: p.asOf },
    ],
    grade: gradeView(p.creditGrade),
    credentials: p.registrations.map(
      (r) => `${registrationLabel(r)}，${r.specialty}，有效期至 ${r.validUntil}${r.employer ? `，注册于${r.employer.name}` : ''}`,
    ),
    recordCounts: p.counts.records,
  }
}

/** The profile and its most recent records, fetched in parallel. */
export async function loadSubject(
  api: Pick<PortalApi, 'enterprise' | 'enterpriseRecords' | 'practitioner' | 'practitionerRecords'>,
  ref: SubjectRef,
): Promise<SubjectResult> {
  const [profile, records] =
    ref.kind === 'enterprise'
      ? await Promise.all([api.enterprise(ref.uscc), api.enterpriseRecords(ref.uscc, RECENT_RECORDS)])
      : await Promise.all([api.practitioner(ref.id), api.practitionerRecords(ref.id, RECENT_RECORDS)])
  if (!profile.ok) return { ok: false, failure: profile.failure }
  const base = ref.kind === 'enterprise' ? enterpriseView(profile.data as EnterpriseProfile) : practitionerView(profile.data as PractitionerProfile)
  return {
    ok: true,
    view: {
      ...base,
      records: records.ok ? records.data.items.filter(isPublicRecord).map(recordView) : [],
      recordsTotal: records.ok ? records.data.total - records.data.items.filter((r) => !isPublicRecord(r)).length : 0,
      ...(records.ok ? {} : { recordsFailure: records.failure }),
    },
  }
}

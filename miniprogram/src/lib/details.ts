// The project behind a certificate, as the result page shows it after the verdict: the
// project's facts, the participating enterprises by role with their key people, and the credit
// grade of each contractor (施工单位). Fetched only for a genuine certificate and only with
// signal; every part that fails says why instead of failing the page.

import { KEY_PERSON_ROLE_LABELS, PARTICIPANT_ROLE_LABELS, PARTICIPANT_ROLES, PROJECT_CATEGORY_LABELS } from '@shared/domain/enums'
import type { ApiFailure, ApiResult, PortalApi } from './api-client'
import type { CreditGrade, ProjectDetail } from './api-schemas'
import { chinaDate, formatNumber } from './format'

/** At most this many contractors' grades are fetched (a joint venture has two or three). */
export const MAX_CONTRACTOR_GRADES = 3

export interface ParticipantView {
  role: string
  roleLabel: string
  enterprises: { name: string; uscc: string }[]
  keyPeople: { role: string; roleLabel: string; id: string; name: string }[]
}

export interface ProjectView {
  projectCode: string
  name: string
  category: string
  region: string
  address: string
  owner: string
  registeredOn: string
  participants: ParticipantView[]
}

export interface GradeView {
  grade: string
  score: string
  asOf: string
  standardVersion: string
  blacklisted: boolean
  /** e.g. "A 级（92 分），2025-03-01 评定" */
  summary: string
}

export interface ContractorGrade {
  name: string
  uscc: string
  grade: GradeView | null
  /** why the grade could not be loaded */
  failure?: ApiFailure
}

export interface CertificateDetails {
  project: ProjectView | null
  projectFailure?: ApiFailure
  contractors: ContractorGrade[]
}

function label(map: Record<string, string>, code: string): string {
  return map[code] ?? code
}

export function projectView(p: ProjectDetail): ProjectView {
  const order = (role: string) => {
    const i = (PARTICIPANT_ROLES as readonly string[]).indexOf(role)
    return i < 0 ? PARTICIPANT_ROLES.length : i
  }
  return {
    projectCode: p.projectCode,
    name: p.name,
    category: label(PROJECT_CATEGORY_LABELS, p.category),
    region: p.regionName,
    address: p.address,
    owner: p.ownerName,
    registeredOn: p.registeredOn,
    participants: [...p.participants]
      .filter((part) => part.enterprises.length > 0 || part.keyPeople.length > 0)
      .sort((a, b) => order(a.role) - order(b.role))
      .map((part) => ({
        role: part.role,
        roleLabel: label(PARTICIPANT_ROLE_LABELS, part.role),
        enterprises: part.enterprises,
        keyPeople: part.keyPeople.map((k) => ({ ...k, roleLabel: label(KEY_PERSON_ROLE_LABELS, k.role) })),
      })),
  }
}

export function gradeView(g: CreditGrade): GradeView | null {
  if (!g) return null
  const score = formatNumber(g.score, 1)
  const asOf = g.asOf || chinaDate(g.computedAt)
  return {
    grade: g.grade,
    score,
    asOf,
    standardVersion: g.standardVersion,
    blacklisted: g.blacklisted,
    summary: `${g.grade} 级（${score} 分），${asOf} 评定${g.blacklisted ? '，已列入黑名单' : ''}`,
  }
}

/** Contractors (施工单位) of a project, in the portal's order, without duplicates. */
export function contractorsOf(p: ProjectDetail): { name: string; uscc: string }[] {
  const seen = new Set<string>()
  const out: { name: string; uscc: string }[] = []
  for (const part of p.participants) {
    if (part.role !== 'CONTRACTOR') continue
    for (const e of part.enterprises) {
      if (!seen.has(e.uscc)) {
        seen.add(e.uscc)
        out.push(e)
      }
    }
  }
  return out
}

export async function loadCertificateDetails(
  api: Pick<PortalApi, 'project' | 'enterprise'>,
  projectCode: string,
): Promise<CertificateDetails> {
  const project: ApiResult<ProjectDetail> = await api.project(projectCode)
  if (!project.ok) return { project: null, projectFailure: project.failure, contractors: [] }
  const contractors = contractorsOf(project.data).slice(0, MAX_CONTRACTOR_GRADES)
  const grades = await Promise.all(
    contractors.map(async (c): Promise<ContractorGrade> => {
      const r = await api.enterprise(c.uscc)
      return r.ok ? { ...c, grade: gradeView(r.data.creditGrade) } : { ...c, grade: null, failure: r.failure }
    }),
  )
  return { project: projectView(project.data), contractors: grades }
}

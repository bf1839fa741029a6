// The selects and row mappings the credit repositories share: who a stored grade belongs to, a
// ranking line, and a record named as the ground of a grade or a listing. Practitioners appear by
// name and portal id only: never an ID number or a phone.
import type { Prisma } from '@db/generated/sqlite/client'
import { CURRENT_STANDARD, isKnownStandardVersion, standardFor, type Grade, type ScoringStandard, type SubjectClass } from '@shared/scoring'
import { normalizeUscc } from '@shared/validators/uscc'
import { isoDate } from '@web/server/lib/values'
import { indexedContains, type TokenFilter } from '@web/server/search-index/indexed-contains'
import { byIds, type SearchMatches } from '@web/server/search-index/search-matches-repository'
import { lastPublicDay } from '@web/server/records/publication-where'
import { recordCategoryLabel } from '@web/server/subjects/subject-profile'
import type { CreditGradeListItem, CreditSubject, RecordRef } from './credit-schemas'

/** The standard a stored row names (an unknown version falls back to the current one for labels only). */
export function standardOf(version: string): ScoringStandard {
  return isKnownStandardVersion(version) ? standardFor(version) : CURRENT_STANDARD
}

function classRules(standard: ScoringStandard, subjectClass: string) {
  return standard.classes.find((c) => c.subjectClass === subjectClass) ?? null
}

/** 施工企业 … 注册执业人员 */
function subjectClassLabel(subjectClass: string, standard: ScoringStandard): string {
  return classRules(standard, subjectClass)?.label ?? subjectClass
}

/** 信用很好 … 信用较差 */
function gradeLabel(grade: string, subjectClass: string, standard: ScoringStandard): string {
  return classRules(standard, subjectClass)?.bands.find((b) => b.grade === grade)?.label ?? grade
}

const subjectSelect = {
  enterprise: { select: { name: true, uscc: true, type: true, regionCode: true, region: { select: { name: true } } } },
  // never idNumber or phone
  person: { select: { id: true, name: true, employer: { select: { name: true, regionCode: true, region: { select: { name: true } } } } } },
} satisfies Prisma.CreditGradeSelect

type SubjectRow = Prisma.CreditGradeGetPayload<{ select: typeof subjectSelect }>

function toSubject(row: SubjectRow): { subject: CreditSubject; regionCode: string | null; regionName: string | null } {
  if (row.enterprise) {
    const e = row.enterprise
    return { subject: { type: 'ENTERPRISE', name: e.name, uscc: e.uscc, enterpriseType: e.type }, regionCode: e.regionCode, regionName: e.region.name }
  }
  const p = row.person!
  return {
    subject: { type: 'PERSON', id: p.id, name: p.name, employerName: p.employer?.name ?? null },
    regionCode: p.employer?.regionCode ?? null,
    regionName: p.employer?.region.name ?? null,
  }
}

const enterpriseTokens = (t: TokenFilter) => ({ enterprise: { searchTokens: t } })
const personTokens = (t: TokenFilter) => ({ person: { searchTokens: t } })

/**
 * Part of a name, or a whole USCC. `matches`: the term's subjects from the search index
 * (findSearchMatches); without them the where reads the index itself.
 */
export function subjectSearchWhere(q: string | undefined, matches?: SearchMatches): Prisma.CreditGradeWhereInput[] {
  return q
    ? [
        {
          OR: [
            byIds(
              matches?.enterpriseNames,
              (f) => ({ enterpriseId: f }),
              () => indexedContains<Prisma.CreditGradeWhereInput>([{ term: q, tokens: enterpriseTokens, text: (f) => ({ enterprise: { name: f } }) }]),
            ),
            byIds<Prisma.CreditGradeWhereInput>(
              matches?.usccEnterprise,
              (f) => ({ enterpriseId: f }),
              () => ({ enterprise: { uscc: normalizeUscc(q) } }),
            ),
            byIds(
              matches?.personNames,
              (f) => ({ personId: f }),
              () => indexedContains<Prisma.CreditGradeWhereInput>([{ term: q, tokens: personTokens, text: (f) => ({ person: { name: f } }) }]),
            ),
          ],
        },
      ]
    : []
}

/** A stored grade as the ranking shows it. */
export const gradeListSelect = {
  id: true,
  subjectClass: true,
  score: true,
  grade: true,
  blacklisted: true,
  asOf: true,
  standardVersion: true,
  ...subjectSelect,
} satisfies Prisma.CreditGradeSelect

export type GradeListRow = Prisma.CreditGradeGetPayload<{ select: typeof gradeListSelect }>

export function toListItem(row: GradeListRow): CreditGradeListItem {
  const standard = standardOf(row.standardVersion)
  return {
    ...toSubject(row),
    subjectClass: row.subjectClass as SubjectClass,
    subjectClassLabel: subjectClassLabel(row.subjectClass, standard),
    score: row.score,
    grade: row.grade as Grade,
    gradeLabel: gradeLabel(row.grade, row.subjectClass, standard),
    blacklisted: row.blacklisted,
    asOf: isoDate(row.asOf),
    standardVersion: row.standardVersion,
  }
}

/** A record named as the ground of a grade or a listing. */
export const recordRefSelect = {
  id: true,
  title: true,
  categoryCode: true,
  decisionNumber: true,
  issuedBy: true,
  decidedOn: true,
  publishFrom: true,
  publishUntil: true,
} satisfies Prisma.IntegrityRecordSelect

export function toRecordRef(r: Prisma.IntegrityRecordGetPayload<{ select: typeof recordRefSelect }>): RecordRef {
  return {
    id: r.id,
    title: r.title,
    categoryCode: r.categoryCode,
    categoryLabel: recordCategoryLabel(r.categoryCode),
    decisionNumber: r.decisionNumber,
    issuedBy: r.issuedBy,
    decidedOn: isoDate(r.decidedOn),
    publishFrom: isoDate(r.publishFrom),
    lastPublicDay: lastPublicDay(r.publishUntil),
  }
}

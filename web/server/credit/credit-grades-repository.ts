// Credit grades (信用等级) as the public sees them:
// - the ranking and the blacklist read the stored snapshots (CreditGrade rows marked isLatest,
//   written by web/server/credit/recompute-grades.ts);
// - a subject's explanation is computed live by the engine (scoreSubject) from its records public
//   on today's China date, every point traced to a record, with the stored history beside it and a
//   check that the latest stored snapshot is still what the engine says for its own day. A record
//   that is not public today (period over or not begun, withdrawn) is never named: the engine does
//   not count it today either, and the page may only say how many such records no longer count.
// Practitioners appear by name and portal id only: never an ID number or a phone.
import { ENTERPRISE_TYPE_LABELS, type EnterpriseType, type RecordKind, type RecordStatus } from '@shared/domain/enums'
import {
  CURRENT_STANDARD,
  isKnownStandardVersion,
  scoreMany,
  scoreSubject,
  scoringRecordFromRow,
  standardFor,
  type CapKind,
  type ExclusionReason,
  type Grade,
  type ScoringStandard,
  type ScoringSubject,
  type SubjectClass,
  type ChangeCauseType,
} from '@shared/scoring'
import { normalizeUscc } from '@shared/validators/uscc'
import type { Db } from '@web/lib/db'
import { getDb } from '@web/lib/db'
import { isoDate } from '@web/server/lib/values'
import { mapBatches } from '@web/server/lib/keyset-batches'
import { skipTake, toPage, type Page } from '@web/server/lib/pagination'
import { containsText } from '@web/server/lib/text-search'
import type { BlacklistFilters, BlacklistListQuery, CreditGradeFilters, CreditGradeListQuery, CreditLookup } from './credit-queries'
import type { SnapshotGround } from './snapshots'
import { dayDate } from './grade-snapshots-repository'
import { isPublicOn, publicationState } from '@shared/records/publication'
import { lastPublicDay, publicOnWhere } from '@web/server/records/publication-where'
import { chinaToday, recordCategoryLabel } from '@web/server/subjects/subject-profile'

// ---------------------------------------------------------------- shared pieces

export type CreditSubject =
  | { type: 'ENTERPRISE'; name: string; uscc: string; enterpriseType: EnterpriseType }
  /** a practitioner: name and portal id only */
  | { type: 'PERSON'; id: string; name: string; employerName: string | null }

/** The standard a stored row names (an unknown version falls back to the current one for labels only). */
function standardOf(version: string): ScoringStandard {
  return isKnownStandardVersion(version) ? standardFor(version) : CURRENT_STANDARD
}

function classRules(standard: ScoringStandard, subjectClass: string) {
  return standard.classes.find((c) => c.subjectClass === subjectClass) ?? null
}

/** 施工企业 … 注册执业人员 */
export function subjectClassLabel(subjectClass: string, standard: ScoringStandard = CURRENT_STANDARD): string {
  return classRules(standard, subjectClass)?.label ?? subjectClass
}

/** 信用很好 … 信用较差 */
export function gradeLabel(grade: string, subjectClass: string, standard: ScoringStandard = CURRENT_STANDARD): string {
  return classRules(standard, subjectClass)?.bands.find((b) => b.grade === grade)?.label ?? grade
}

const subjectSelect = {
  enterprise: { select: { name: true, uscc: true, type: true, regionCode: true, region: { select: { name: true } } } },
  // never idNumber or phone
  person: { select: { id: true, name: true, employer: { select: { name: true, regionCode: true, region: { select: { name: true } } } } } },
} as const

type SubjectRow = {
  enterprise: { name: string; uscc: string; type: EnterpriseType; regionCode: string; region: { name: string } } | null
  person: { id: string; name: string; employer: { name: string; regionCode: string; region: { name: string } } | null } | null
}

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

function regionWhere(region: string | undefined) {
  return region ? [{ OR: [{ enterprise: { regionCode: region } }, { person: { employer: { regionCode: region } } }] }] : []
}

function subjectSearchWhere(q: string | undefined) {
  return q
    ? [
        {
          OR: [
            { enterprise: containsText(q, (f) => ({ name: f })) },
            { enterprise: { uscc: normalizeUscc(q) } },
            { person: containsText(q, (f) => ({ name: f })) },
          ],
        },
      ]
    : []
}

// ---------------------------------------------------------------- ranking (信用等级排行)

export interface CreditGradeListItem {
  subject: CreditSubject
  subjectClass: SubjectClass
  subjectClassLabel: string
  regionCode: string | null
  regionName: string | null
  score: number
  grade: Grade
  gradeLabel: string
  blacklisted: boolean
  /** the day the stored grade describes */
  asOf: string
  standardVersion: string
}

const listSelect = {
  id: true,
  subjectClass: true,
  score: true,
  grade: true,
  blacklisted: true,
  asOf: true,
  standardVersion: true,
  ...subjectSelect,
} as const

type ListRow = SubjectRow & { id: string; subjectClass: string; score: number; grade: string; blacklisted: boolean; asOf: Date; standardVersion: string }

function toListItem(row: ListRow): CreditGradeListItem {
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

export function creditGradeWhere(filters: CreditGradeFilters) {
  return {
    isLatest: true,
    ...(filters.subjectType ? { subjectType: filters.subjectType } : {}),
    ...(filters.subjectClass ? { subjectClass: filters.subjectClass } : {}),
    ...(filters.grade ? { grade: filters.grade } : {}),
    ...(filters.blacklisted ? { blacklisted: filters.blacklisted === 'YES' } : {}),
    AND: [...regionWhere(filters.region), ...subjectSearchWhere(filters.q)],
  }
}

/** Score high to low, then the snapshot id (subject id and day): a total order. */
const rankingOrder = [{ score: 'desc' as const }, { id: 'asc' as const }]

function afterRankingCursor(cursor: { score: number; id: string } | undefined) {
  return cursor ? { OR: [{ score: { lt: cursor.score } }, { score: cursor.score, id: { gt: cursor.id } }] } : {}
}

// ---------------------------------------------------------------- blacklist (黑名单)

export interface RecordRef {
  id: string
  title: string
  categoryCode: string
  categoryLabel: string
  decisionNumber: string
  issuedBy: string
  decidedOn: string
  publishFrom: string
  /** 公示截止 */
  lastPublicDay: string
}

export interface BlacklistEntry {
  subject: CreditSubject
  regionCode: string | null
  regionName: string | null
  /** first day of the listing in force */
  listedOn: string
  /** first day off the list, if no new ground arises */
  removableOn: string
  grounds: { code: string; label: string; since: string; until: string; records: RecordRef[] }[]
  score: number
  grade: Grade
  /** the day of the stored snapshot the entry comes from */
  asOf: string
  standardVersion: string
}

const recordRefSelect = {
  id: true,
  title: true,
  categoryCode: true,
  decisionNumber: true,
  issuedBy: true,
  decidedOn: true,
  publishFrom: true,
  publishUntil: true,
} as const

type RecordRefRow = { id: string; title: string; categoryCode: string; decisionNumber: string; issuedBy: string; decidedOn: Date; publishFrom: Date; publishUntil: Date }

function toRecordRef(r: RecordRefRow): RecordRef {
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

const blacklistSelect = { ...listSelect, listedOn: true, removableOn: true, blacklistGrounds: true } as const
type BlacklistRow = ListRow & { listedOn: Date | null; removableOn: Date | null; blacklistGrounds: string | null }

/**
 * Listings in force on `today`: the latest snapshot lists the subject and its listing has not
 * ended by today. A listing that began after the snapshot shows from the next recompute.
 */
export function blacklistWhere(filters: BlacklistFilters, today: string) {
  return {
    isLatest: true,
    blacklisted: true,
    removableOn: { gt: dayDate(today) },
    ...(filters.subjectType ? { subjectType: filters.subjectType } : {}),
    AND: [...regionWhere(filters.region), ...subjectSearchWhere(filters.q)],
  }
}

/** Latest listing first, then the snapshot id. */
const blacklistOrder = [{ listedOn: 'desc' as const }, { id: 'asc' as const }]

function afterBlacklistCursor(cursor: { listedOn: Date; id: string } | undefined) {
  return cursor ? { OR: [{ listedOn: { lt: cursor.listedOn } }, { listedOn: cursor.listedOn, id: { gt: cursor.id } }] } : {}
}

// ---------------------------------------------------------------- one subject, explained

export interface CreditContribution {
  record: RecordRef
  kind: RecordKind
  rule: { code: string; label: string }
  /** the category's points */
  rawPoints: number
  /** the points that count, after caps */
  points: number
  capped: boolean
  cappedBy: CapKind | null
  countsFrom: string
  /** last counting day = 公示截止 */
  lastCountingDay: string
  /** the first day it no longer counts */
  countsUntil: string
}

export interface CreditExcluded {
  record: RecordRef
  status: RecordStatus
  reason: ExclusionReason
  reasonLabel: string
}

export interface CreditChange {
  date: string
  score: number
  grade: Grade
  gradeLabel: string
  blacklisted: boolean
  causes: { type: ChangeCauseType; label: string; record: RecordRef | null }[]
}

export interface CreditHistoryPoint {
  asOf: string
  score: number
  grade: Grade
  blacklisted: boolean
  standardVersion: string
}

export interface SubjectCredit {
  subject: CreditSubject
  regionName: string | null
  /** today in China: the day the live explanation is computed for */
  asOf: string
  standardVersion: string
  subjectClass: SubjectClass
  subjectClassLabel: string
  score: number
  grade: Grade
  gradeLabel: string
  gradeMeaning: string
  /** differentiated supervision for the grade */
  supervision: { inspectionsPerQuarter: number; inspection: string; bidding: string; qualification: string; awards: string }
  breakdown: { baseScore: number; goodRaw: number; good: number; bad: number; floorAdjustment: number }
  blacklist: {
    listed: boolean
    listedOn: string | null
    removableOn: string | null
    grounds: { code: string; label: string; description: string; since: string; until: string; records: RecordRef[] }[]
    /** what listing bars, empty when not listed */
    bars: string[]
  }
  /** records counting today, oldest first (the order caps are applied in) */
  contributions: CreditContribution[]
  /** public records not counting today (category not applicable, unknown or of the other kind), with the reason */
  excluded: CreditExcluded[]
  /** how many records no longer count because their publication ended or they were withdrawn; never which */
  noLongerPublic: number
  /** future days on which score, grade or listing change, assuming no new records */
  nextChanges: CreditChange[]
  /** stored snapshots, oldest first (at most HISTORY_POINTS, the latest ones) */
  history: CreditHistoryPoint[]
  /**
   * The latest stored snapshot (what the ranking shows) and whether the engine, run now on the
   * subject's records for that snapshot's day, still gives the same score, grade and listing
   * (false after a record changed since it was computed); null before the first recompute.
   */
  stored: (CreditHistoryPoint & { computedAt: string; agrees: boolean }) | null
}

/** Stored snapshots shown in a profile's history (quarterly for 30 years, or daily for four months). */
export const HISTORY_POINTS = 120

const fullRecordSelect = { ...recordRefSelect, kind: true, status: true } as const
type FullRecordRow = RecordRefRow & { kind: RecordKind; status: RecordStatus }

const historySelect = { asOf: true, score: true, grade: true, blacklisted: true, standardVersion: true, computedAt: true } as const
type HistoryRow = { asOf: Date; score: number; grade: string; blacklisted: boolean; standardVersion: string; computedAt: Date }
const historyArgs = { orderBy: [{ asOf: 'desc' as const }], take: HISTORY_POINTS, select: historySelect }

function explain(
  scoring: ScoringSubject,
  rows: FullRecordRow[],
  history: HistoryRow[],
  subject: CreditSubject,
  regionName: string | null,
  today: string,
): SubjectCredit {
  const standard = CURRENT_STANDARD
  // Scored from the public records only: today's answer is the same (the engine counts exactly the
  // public records), and the schedule of changes then cannot name, or hint at, a record that is not
  // public yet. The stored-grade check below needs every record, for another day, and shows none.
  const publicScoring: ScoringSubject = { ...scoring, records: scoring.records.filter((r) => isPublicOn(r, today)) }
  const result = scoreSubject(publicScoring, standard, today)
  const noLongerPublic = scoring.records.filter((r) => ['ENDED', 'WITHDRAWN'].includes(publicationState(r, today))).length
  const refs = new Map(rows.map((r) => [r.id, toRecordRef(r)]))
  const statusOf = new Map(rows.map((r) => [r.id, r.status]))
  const ref = (id: string) => refs.get(id)!
  const points: CreditHistoryPoint[] = history
    .map((h) => ({ asOf: isoDate(h.asOf), score: h.score, grade: h.grade as Grade, blacklisted: h.blacklisted, standardVersion: h.standardVersion }))
    .reverse()
  const latest = history[0]
  let stored: SubjectCredit['stored'] = null
  if (latest) {
    const day = isoDate(latest.asOf)
    const [again] = scoreMany([scoring], standardOf(latest.standardVersion), day)
    stored = {
      asOf: day,
      score: latest.score,
      grade: latest.grade as Grade,
      blacklisted: latest.blacklisted,
      standardVersion: latest.standardVersion,
      computedAt: latest.computedAt.toISOString(),
      agrees: again.score === latest.score && again.grade === latest.grade && again.blacklisted === latest.blacklisted,
    }
  }
  const s = result.supervision
  return {
    subject,
    regionName,
    asOf: today,
    standardVersion: result.standardVersion,
    subjectClass: result.subjectClass,
    subjectClassLabel: result.subjectClassLabel,
    score: result.score,
    grade: result.grade,
    gradeLabel: result.gradeLabel,
    gradeMeaning: result.gradeMeaning,
    supervision: { inspectionsPerQuarter: s.inspectionsPerQuarter, inspection: s.inspection, bidding: s.bidding, qualification: s.qualification, awards: s.awards },
    breakdown: result.breakdown,
    blacklist: {
      listed: result.blacklist.listed,
      listedOn: result.blacklist.listedOn,
      removableOn: result.blacklist.removableOn,
      grounds: result.blacklist.grounds.map((g) => ({ code: g.code, label: g.label, description: g.description, since: g.since, until: g.until, records: g.recordIds.map(ref) })),
      bars: result.blacklist.bars,
    },
    contributions: result.contributions.map((c) => ({
      record: ref(c.recordId),
      kind: c.kind,
      rule: c.rule,
      rawPoints: c.rawPoints,
      points: c.points,
      capped: c.capped,
      cappedBy: c.cappedBy,
      countsFrom: c.countsFrom,
      lastCountingDay: c.lastCountingDay,
      countsUntil: c.countsUntil,
    })),
    excluded: result.excluded.map((e) => ({ record: ref(e.recordId), status: statusOf.get(e.recordId)!, reason: e.reason, reasonLabel: e.reasonLabel })),
    noLongerPublic,
    nextChanges: result.nextChanges.map((c) => ({
      date: c.date,
      score: c.score,
      grade: c.grade,
      gradeLabel: c.gradeLabel,
      blacklisted: c.blacklisted,
      causes: c.causes.map((cause) => ({ type: cause.type, label: cause.label, record: cause.recordId ? ref(cause.recordId) : null })),
    })),
    history: points,
    stored,
  }
}

// ---------------------------------------------------------------- 查询我的信用等级

export type CreditCheckMatch =
  | { type: 'ENTERPRISE'; uscc: string; name: string; enterpriseType: EnterpriseType; enterpriseTypeLabel: string; regionName: string }
  | { type: 'PERSON'; id: string; name: string; employerName: string | null; registrationNumber: string }

/** Names shown for a name search; more are counted but not listed. */
export const CHECK_MATCHES_SHOWN = 10

// ---------------------------------------------------------------- the repository

export function createCreditGradesRepository(db: Db) {
  return {
    /** The latest grade of every subject that matches, score high to low, then id. */
    async listCreditGrades(query: CreditGradeListQuery): Promise<Page<CreditGradeListItem>> {
      const where = creditGradeWhere(query)
      const [rows, total] = await Promise.all([
        db.creditGrade.findMany({ where, orderBy: rankingOrder, select: listSelect, ...skipTake(query) }),
        db.creditGrade.count({ where }),
      ])
      return toPage(rows.map(toListItem), total, query)
    },

    /** The filtered ranking in display order, in keyset batches. */
    exportCreditGrades(filters: CreditGradeFilters, batchSize = 1000): AsyncGenerator<CreditGradeListItem[]> {
      const where = creditGradeWhere(filters)
      return mapBatches(
        (async function* () {
          let after: { score: number; id: string } | undefined
          for (;;) {
            const batch = await db.creditGrade.findMany({ where: { AND: [where, afterRankingCursor(after)] }, orderBy: rankingOrder, select: listSelect, take: batchSize })
            if (batch.length) yield batch
            if (batch.length < batchSize) return
            const last = batch[batch.length - 1]
            after = { score: last.score, id: last.id }
          }
        })(),
        toListItem,
      )
    },

    /** The day (or the range of days) of the latest stored grades, for the pages' "评价基准日". */
    async latestGradeDays(): Promise<{ from: string; to: string } | null> {
      const agg = await db.creditGrade.aggregate({ where: { isLatest: true }, _min: { asOf: true }, _max: { asOf: true } })
      return agg._min.asOf && agg._max.asOf ? { from: isoDate(agg._min.asOf), to: isoDate(agg._max.asOf) } : null
    },

    /** Subjects on the blacklist today (China), latest listing first. */
    async listBlacklist(query: BlacklistListQuery, asOf: Date = new Date()): Promise<Page<BlacklistEntry>> {
      const where = blacklistWhere(query, chinaToday(asOf))
      const [rows, total] = await Promise.all([
        db.creditGrade.findMany({ where, orderBy: blacklistOrder, select: blacklistSelect, ...skipTake(query) }),
        db.creditGrade.count({ where }),
      ])
      return toPage(await toBlacklistEntries(db, rows, chinaToday(asOf)), total, query)
    },

    exportBlacklist(filters: BlacklistFilters, asOf: Date = new Date(), batchSize = 500): AsyncGenerator<BlacklistEntry[]> {
      const today = chinaToday(asOf)
      const where = blacklistWhere(filters, today)
      return (async function* () {
        let after: { listedOn: Date; id: string } | undefined
        for (;;) {
          const batch = await db.creditGrade.findMany({ where: { AND: [where, afterBlacklistCursor(after)] }, orderBy: blacklistOrder, select: blacklistSelect, take: batchSize })
          if (batch.length) yield await toBlacklistEntries(db, batch, today)
          if (batch.length < batchSize) return
          const last = batch[batch.length - 1]
          after = { listedOn: last.listedOn!, id: last.id }
        }
      })()
    },

    /** An enterprise's grade explained on today's China date; null for an unknown USCC. */
    async getEnterpriseCredit(uscc: string, asOf: Date = new Date()): Promise<SubjectCredit | null> {
      const row = await db.enterprise.findUnique({
        where: { uscc },
        select: {
          id: true,
          name: true,
          uscc: true,
          type: true,
          region: { select: { name: true } },
          records: { select: fullRecordSelect },
          grades: historyArgs,
        },
      })
      if (!row) return null
      const scoring: ScoringSubject = { id: row.id, subjectType: 'ENTERPRISE', enterpriseType: row.type, records: row.records.map(scoringRecordFromRow) }
      return explain(scoring, row.records, row.grades, { type: 'ENTERPRISE', name: row.name, uscc: row.uscc, enterpriseType: row.type }, row.region.name, chinaToday(asOf))
    },

    /** A practitioner's grade explained on today's China date; null for an unknown id. */
    async getPractitionerCredit(id: string, asOf: Date = new Date()): Promise<SubjectCredit | null> {
      const row = await db.person.findUnique({
        where: { id },
        // never idNumber or phone
        select: {
          id: true,
          name: true,
          employer: { select: { name: true, region: { select: { name: true } } } },
          records: { select: fullRecordSelect },
          grades: historyArgs,
        },
      })
      if (!row) return null
      const scoring: ScoringSubject = { id: row.id, subjectType: 'PERSON', records: row.records.map(scoringRecordFromRow) }
      return explain(
        scoring,
        row.records,
        row.grades,
        { type: 'PERSON', id: row.id, name: row.name, employerName: row.employer?.name ?? null },
        row.employer?.region.name ?? null,
        chinaToday(asOf),
      )
    },

    /**
     * Who a check-my-grade query names: the enterprise of a USCC, the holder of a practice
     * registration number, or enterprises whose name contains the text (by name, then id).
     */
    async findCreditSubjects(lookup: CreditLookup): Promise<{ matches: CreditCheckMatch[]; total: number }> {
      const enterpriseMatch = (e: { uscc: string; name: string; type: EnterpriseType; region: { name: string } }): CreditCheckMatch => ({
        type: 'ENTERPRISE',
        uscc: e.uscc,
        name: e.name,
        enterpriseType: e.type,
        enterpriseTypeLabel: ENTERPRISE_TYPE_LABELS[e.type],
        regionName: e.region.name,
      })
      const enterpriseFields = { uscc: true, name: true, type: true, region: { select: { name: true } } } as const
      if (lookup.by === 'USCC') {
        const e = await db.enterprise.findUnique({ where: { uscc: lookup.uscc }, select: enterpriseFields })
        return e ? { matches: [enterpriseMatch(e)], total: 1 } : { matches: [], total: 0 }
      }
      if (lookup.by === 'REGISTRATION') {
        const r = await db.registration.findUnique({
          where: { number: lookup.number },
          select: { number: true, person: { select: { id: true, name: true, employer: { select: { name: true } } } } },
        })
        return r
          ? { matches: [{ type: 'PERSON', id: r.person.id, name: r.person.name, employerName: r.person.employer?.name ?? null, registrationNumber: r.number }], total: 1 }
          : { matches: [], total: 0 }
      }
      const where = containsText(lookup.name, (f) => ({ name: f }))
      const [rows, total] = await Promise.all([
        db.enterprise.findMany({ where, orderBy: [{ name: 'asc' }, { id: 'asc' }], select: enterpriseFields, take: CHECK_MATCHES_SHOWN }),
        db.enterprise.count({ where }),
      ])
      return { matches: rows.map(enterpriseMatch), total }
    },
  }
}

/** Blacklist rows with their grounds' records public on `today`, read in one query for the whole batch. */
async function toBlacklistEntries(db: Db, rows: BlacklistRow[], today: string): Promise<BlacklistEntry[]> {
  const grounds = new Map(rows.map((r) => [r.id, (r.blacklistGrounds ? JSON.parse(r.blacklistGrounds) : []) as SnapshotGround[]]))
  const ids = [...new Set([...grounds.values()].flatMap((gs) => gs.flatMap((g) => g.recordIds)))]
  const records = new Map(
    (ids.length ? await db.integrityRecord.findMany({ where: { id: { in: ids }, ...publicOnWhere(today) }, select: recordRefSelect }) : []).map((r) => [r.id, toRecordRef(r)]),
  )
  return rows.map((row) => {
    const item = toListItem(row)
    return {
      subject: item.subject,
      regionCode: item.regionCode,
      regionName: item.regionName,
      listedOn: isoDate(row.listedOn!),
      removableOn: isoDate(row.removableOn!),
      grounds: grounds.get(row.id)!.map((g) => ({
        code: g.code,
        label: g.label,
        since: g.since,
        until: g.until,
        // a record deleted, withdrawn or ended since the snapshot is left out: it is no longer public
        records: g.recordIds.flatMap((id) => (records.has(id) ? [records.get(id)!] : [])),
      })),
      score: item.score,
      grade: item.grade,
      asOf: item.asOf,
      standardVersion: item.standardVersion,
    }
  })
}

export type CreditGradesRepository = ReturnType<typeof createCreditGradesRepository>

export const listCreditGrades = (query: CreditGradeListQuery) => createCreditGradesRepository(getDb()).listCreditGrades(query)
export const exportCreditGrades = (filters: CreditGradeFilters) => createCreditGradesRepository(getDb()).exportCreditGrades(filters)
export const latestGradeDays = () => createCreditGradesRepository(getDb()).latestGradeDays()
export const listBlacklist = (query: BlacklistListQuery) => createCreditGradesRepository(getDb()).listBlacklist(query)
export const exportBlacklist = (filters: BlacklistFilters) => createCreditGradesRepository(getDb()).exportBlacklist(filters)
export const getEnterpriseCredit = (uscc: string) => createCreditGradesRepository(getDb()).getEnterpriseCredit(uscc)
export const getPractitionerCredit = (id: string) => createCreditGradesRepository(getDb()).getPractitionerCredit(id)
export const findCreditSubjects = (lookup: CreditLookup) => createCreditGradesRepository(getDb()).findCreditSubjects(lookup)

// A subject's credit grade explained (the engine's answer for today, every point traced to a
// record) with its stored history beside it and a check that the latest stored snapshot is still
// what the engine says for its own day. A record that is not public today (period over or not
// begun, withdrawn) is never named: the engine does not count it today either, and the page may
// only say how many such records no longer count. Pure: the rows come from the repository.
import { CURRENT_STANDARD, scoreMany, scoreSubject, scoringRecordFromRow, type Grade, type ScoringSubject } from '@shared/scoring'
import { isPublicOn, publicationState } from '@shared/records/publication'
import { isoDate } from '@web/server/lib/values'
import type { ExplainedRecordRow, HistoryRow } from './credit-explanation-repository'
import { standardOf, toRecordRef } from './credit-rows'
import type { CreditHistoryPoint, CreditSubject, SubjectCredit } from './credit-schemas'

export interface ExplainedSubject {
  /** who the engine scores: the rule set follows from subjectType (and enterpriseType) */
  scoring: { id: string; subjectType: 'PERSON' } | { id: string; subjectType: 'ENTERPRISE'; enterpriseType: Extract<ScoringSubject, { subjectType: 'ENTERPRISE' }>['enterpriseType'] }
  subject: CreditSubject
  regionName: string | null
  records: ExplainedRecordRow[]
  /** newest first */
  history: HistoryRow[]
}

export function explainCredit({ scoring: who, subject, regionName, records: rows, history }: ExplainedSubject, today: string): SubjectCredit {
  const standard = CURRENT_STANDARD
  const scoring: ScoringSubject = { ...who, records: rows.map(scoringRecordFromRow) }
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

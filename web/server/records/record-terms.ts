// The stored values of a record that follow from the current scoring standard rather than from
// the form: recording and correcting apply the same rules.
import { compileStandard, CURRENT_STANDARD, publicationUntil } from '@shared/scoring'
import { InputError } from '@web/server/lib/errors'
import { dayDate } from './staff-input'

const compiled = compileStandard(CURRENT_STANDARD)

export interface RecordTerms {
  kind: 'GOOD' | 'BAD'
  categoryCode: string
  decidedOn: string
  penaltyLastDay: string | null
  publishFrom: string | null
}

/** What the standard's rules need to know of a record's subject. */
export type RecordSubjectClass = { type: 'ENTERPRISE'; enterpriseType: string } | { type: 'PERSON' }

/**
 * The category's points and the publication period (publishFrom defaults to the decision date,
 * publishUntil by publicationUntil()). Throws InputError when the category does not apply to the
 * subject's class.
 */
export function recordTermsData(terms: RecordTerms, subject: RecordSubjectClass) {
  const category = compiled.categories.get(terms.categoryCode)
  if (!category || category.kind !== terms.kind) throw new InputError({ categoryCode: '不是现行评分标准中该类型的记录类别' })
  const subjectClass = subject.type === 'PERSON' ? 'PRACTITIONER' : compiled.enterpriseClasses[subject.enterpriseType as keyof typeof compiled.enterpriseClasses]
  if (!subjectClass || !compiled.classes[subjectClass].rules.has(terms.categoryCode)) {
    throw new InputError({ categoryCode: '该记录类别不适用于此类主体' })
  }
  const publishFrom = terms.publishFrom ?? terms.decidedOn
  const publishUntil = publicationUntil(compiled, terms.categoryCode, publishFrom, terms.kind === 'BAD' ? terms.penaltyLastDay : null)
  return {
    kind: terms.kind,
    categoryCode: terms.categoryCode,
    decidedOn: dayDate(terms.decidedOn),
    publishFrom: dayDate(publishFrom),
    publishUntil: dayDate(publishUntil),
    penaltyLastDay: terms.kind === 'BAD' && terms.penaltyLastDay ? dayDate(terms.penaltyLastDay) : null,
    points: category.points,
  }
}

export interface RecordContent extends RecordTerms {
  title: string
  description: string
  decisionNumber: string
  issuedBy: string
}

/**
 * Every column a record's form content is stored in, as recording and correcting store them (the
 * import compares a row with a stored record by this, too). Throws as recordTermsData.
 */
export function recordContentData(content: RecordContent, subject: RecordSubjectClass) {
  return {
    ...recordTermsData(content, subject),
    title: content.title,
    description: content.description,
    decisionNumber: content.decisionNumber,
    issuedBy: content.issuedBy,
  }
}

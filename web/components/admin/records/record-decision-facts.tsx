// The facts of a decision on an integrity record as staff read them — content, 文号, issuing body,
// dates, penalty end, publication period — inside the caller's <dl>: the record page and the
// objection decision page show the same rows.
import { addDays } from '@shared/scoring/days'

export interface RecordDecisionFactsProps {
  record: {
    description: string
    decisionNumber: string
    issuedBy: string
    decidedOn: string
    penaltyLastDay: string | null
    publishFrom: string
    /** exclusive end; the last public day is the day before */
    publishUntil: string
  }
}

export function RecordDecisionFacts({ record: r }: RecordDecisionFactsProps) {
  return (
    <>
      <dt className="text-slate-600">记录内容</dt>
      <dd className="whitespace-pre-line">{r.description}</dd>
      <dt className="text-slate-600">决定文号</dt>
      <dd>{r.decisionNumber}</dd>
      <dt className="text-slate-600">实施机关</dt>
      <dd>{r.issuedBy}</dd>
      <dt className="text-slate-600">决定日期</dt>
      <dd>{r.decidedOn}</dd>
      {r.penaltyLastDay && (
        <>
          <dt className="text-slate-600">处罚期限截止日</dt>
          <dd>{r.penaltyLastDay}</dd>
        </>
      )}
      <dt className="text-slate-600">公示期限</dt>
      <dd>
        {r.publishFrom} 至 {addDays(r.publishUntil, -1)}（含）
      </dd>
    </>
  )
}

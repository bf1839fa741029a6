// The latest stored credit grade (信用等级) of an enterprise or a practitioner, or a line saying it is
// not yet assessed. Grades are computed by the scoring engine; this only shows what is stored.
import { FactTable } from '@web/components/fact-table'
import type { CreditGradeSummary as Grade } from '@web/lib/repositories/subject-profile'

export function CreditGradeSummary({ grade, headingId }: { grade: Grade | null; headingId: string }) {
  return (
    <>
      {grade ? (
        <FactTable
          rows={[
            { label: '信用等级', value: <strong className="text-xl text-brand-900">{grade.grade}</strong> },
            { label: '信用分', value: <span className="tabular-nums">{grade.score}</span> },
            { label: '评价基准日', value: grade.asOf },
            { label: '评分标准版本', value: grade.standardVersion },
            ...(grade.blacklisted ? [{ label: '黑名单', value: <strong className="text-seal-dark">已列入黑名单</strong> }] : []),
          ]}
        />
      ) : (
        <p className="mt-3">尚未评定信用等级。</p>
      )}
      {/* Reserved for the scoring engine (a later issue): the points of every record and when each stops counting. */}
      <section aria-labelledby={`${headingId}-explanation`} data-slot="grade-explanation" className="mt-4 rounded border border-dashed border-line px-4 py-3">
        <h3 id={`${headingId}-explanation`} className="font-bold">
          等级说明
        </h3>
        <p className="mt-1 text-sm text-muted">
          信用等级依据统一的诚信评分标准计算。评分明细（每条记录的计分及其停止计分的日期）将在评分标准发布后在此显示。
        </p>
      </section>
    </>
  )
}

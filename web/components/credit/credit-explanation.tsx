// A subject's credit grade explained point by point: the grade and what it means for supervision,
// the blacklist, every record that counts with its points and the day it stops counting, what
// changes when records expire, and the stored history as a chart and a table. Only public records
// are named; of those no longer public the page says only how many there are. The live part is
// the engine's answer for today (SubjectCredit); the history is what the recompute stored.
import Link from 'next/link'
import type { Route } from 'next'
import { RECORD_KIND_LABELS } from '@shared/domain/enums'
import { StatusBadge } from '@web/components/status-badge'
import { formatCount } from '@web/lib/format'
import type { CreditSubject, RecordRef, SubjectCredit } from '@web/server/credit/credit-schemas'
import { formatPoints, GradeBadge, inspectionFrequency } from './grade-badge'
import { GradeHistoryChart } from './grade-history-chart'
import { RecordRequestLinks } from './record-request-links'

export function profilePath(subject: CreditSubject): string {
  return subject.type === 'ENTERPRISE' ? `/enterprises/${subject.uscc}` : `/practitioners/${subject.id}`
}

function RecordTitle({ record, subject }: { record: RecordRef; subject: CreditSubject }) {
  return <Link href={`${profilePath(subject)}#record-${record.id}` as Route}>{record.title}</Link>
}

const CAP_NOTES = { CATEGORY: '已达该类别封顶分', GOOD_TOTAL: '已达良好行为合计封顶分' } as const

export function CreditExplanation({ credit, idPrefix = 'credit' }: { credit: SubjectCredit; idPrefix?: string }) {
  const { subject, breakdown, blacklist } = credit
  const heading = (suffix: string) => `${idPrefix}-${suffix}`
  return (
    <div data-testid="credit-explanation">
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <GradeBadge grade={credit.grade} size="lg" />
        <div>
          <p className="text-xl font-bold text-brand-900">
            {credit.grade} 级 · {credit.gradeLabel}
          </p>
          <p>
            信用分 <strong className="tabular-nums" data-testid="credit-score">{credit.score}</strong> 分（{credit.subjectClassLabel}，基础分 {breakdown.baseScore} 分）
          </p>
        </div>
      </div>
      <p className="mt-3">{credit.gradeMeaning}</p>
      <p className="mt-1 text-sm text-muted">
        依据 <Link href="/credit/standard">诚信评分标准 {credit.standardVersion}</Link>，按截至 {credit.asOf}（北京时间）的诚信行为记录实时计算；记录自公示之日起计分，公示期满次日起不再计分。
      </p>

      <h3 id={heading('supervision')} className="mt-6 text-lg font-bold text-brand-900">
        对监管的影响（差别化监管）
      </h3>
      <dl className="mt-2 space-y-2">
        <Supervision label="日常检查">
          {inspectionFrequency(credit.supervision.inspectionsPerQuarter)}。{credit.supervision.inspection}
        </Supervision>
        <Supervision label="招标投标">{credit.supervision.bidding}</Supervision>
        <Supervision label={subject.type === 'PERSON' ? '执业注册' : '资质审批'}>{credit.supervision.qualification}</Supervision>
        <Supervision label="评优评先">{credit.supervision.awards}</Supervision>
      </dl>

      <h3 id={heading('blacklist')} className="mt-6 text-lg font-bold text-brand-900">
        建筑市场主体“黑名单”
      </h3>
      {blacklist.listed ? (
        <div role="note" className="mt-2 border-l-4 border-seal bg-red-50 px-4 py-3">
          <p className="font-bold text-seal-dark">已列入“黑名单”</p>
          <p className="mt-1">
            列入日期 {blacklist.listedOn}；如期间无新的列入情形，{blacklist.removableOn} 起移出。列入期间信用等级为 C 级。
          </p>
          <ul className="mt-2 list-disc space-y-2 pl-5">
            {blacklist.grounds.map((g) => (
              <li key={`${g.code}-${g.since}`}>
                <strong>{g.label}</strong>（{g.since} 至 {g.until} 前）：{g.description}
                <br />
                依据记录：
                {g.records.map((r, i) => (
                  <span key={r.id}>
                    {i > 0 && '；'}
                    <RecordTitle record={r} subject={subject} />（{r.decisionNumber}）
                  </span>
                ))}
              </li>
            ))}
          </ul>
          <p className="mt-2 font-medium">列入期间：</p>
          <ul className="list-disc pl-5">
            {blacklist.bars.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="mt-2">未列入建筑市场主体“黑名单”。</p>
      )}

      <h3 id={heading('points')} className="mt-6 text-lg font-bold text-brand-900">
        计分明细
      </h3>
      <p className="mt-2 tabular-nums" data-testid="credit-breakdown">
        基础分 {breakdown.baseScore} ＋ 良好行为 {breakdown.good}
        {breakdown.goodRaw !== breakdown.good && `（封顶前 ${breakdown.goodRaw}）`} − 不良行为 {Math.abs(breakdown.bad)}
        {breakdown.floorAdjustment > 0 && ` ＋ 保底 ${breakdown.floorAdjustment}`} ＝ <strong>{credit.score}</strong> 分
      </p>
      {credit.contributions.length === 0 ? (
        <p className="mt-2 text-muted">目前没有计入信用评价的记录，按基础分计。</p>
      ) : (
        <ol aria-label="计分记录" className="mt-3 divide-y divide-line border-y border-line">
          {credit.contributions.map((c) => (
            <li key={c.record.id} className="py-3">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <p className="font-bold">
                  <RecordTitle record={c.record} subject={subject} />
                </p>
                <span className="flex flex-wrap items-center gap-2">
                  <StatusBadge tone={c.kind === 'GOOD' ? 'good' : 'bad'}>{RECORD_KIND_LABELS[c.kind]}</StatusBadge>
                  <strong className={`tabular-nums ${c.points < 0 ? 'text-seal-dark' : 'text-green-800'}`}>{formatPoints(c.points)} 分</strong>
                </span>
              </div>
              <dl className="mt-1 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                <Fact label="计分规则">
                  {c.rule.label}（{formatPoints(c.rawPoints)} 分）{c.capped && c.cappedBy && `，${CAP_NOTES[c.cappedBy]}，实计 ${formatPoints(c.points)} 分`}
                </Fact>
                <Fact label="文号">{c.record.decisionNumber}</Fact>
                <Fact label="计分期间">
                  {c.countsFrom} 至 {c.lastCountingDay}
                </Fact>
                <Fact label="停止计分">{c.countsUntil} 起不再计分</Fact>
              </dl>
              <RecordRequestLinks recordId={c.record.id} kind={c.kind} />
            </li>
          ))}
        </ol>
      )}
      {credit.excluded.length > 0 && (
        <p className="mt-2 text-sm text-muted">另有 {formatCount(credit.excluded.length)} 条公示中的记录不计分（{excludedSummary(credit)}）。</p>
      )}
      {credit.noLongerPublic > 0 && (
        <p className="mt-2 text-sm text-muted">另有 {formatCount(credit.noLongerPublic)} 条记录公示期已满或已撤回，不再公示，也不再计分。</p>
      )}

      <h3 id={heading('changes')} className="mt-6 text-lg font-bold text-brand-900">
        记录到期后的变化
      </h3>
      {credit.nextChanges.length === 0 ? (
        <p className="mt-2">如无新的记录，现有记录公示期内信用分和等级不会变化。</p>
      ) : (
        <>
          <p className="mt-2 text-sm text-muted">假定此后没有新的记录，信用分、等级或“黑名单”状态将在以下日期变化：</p>
          <ol aria-label="今后的变化" className="mt-2 space-y-2">
            {credit.nextChanges.map((change) => (
              <li key={change.date} className="rounded border border-line px-3 py-2">
                <p>
                  <strong className="tabular-nums">{change.date}</strong> 起：信用分 <span className="tabular-nums">{change.score}</span>，等级 <GradeBadge grade={change.grade} />（{change.gradeLabel}）
                  {change.blacklisted && '，仍在“黑名单”中'}
                </p>
                <ul className="mt-1 list-disc pl-5 text-sm">
                  {change.causes.map((cause, i) => (
                    <li key={`${cause.type}-${cause.record?.id ?? i}`}>
                      {cause.record ? (
                        <>
                          <RecordTitle record={cause.record} subject={subject} />：{cause.label}
                        </>
                      ) : (
                        cause.label
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}

      <h3 id={heading('history')} className="mt-6 text-lg font-bold text-brand-900">
        信用等级历史
      </h3>
      <GradeHistory credit={credit} />
    </div>
  )
}

function GradeHistory({ credit }: { credit: SubjectCredit }) {
  const { history, stored } = credit
  if (history.length === 0) return <p className="mt-2 text-muted">尚无存储的历史评价（每次全省统一重新计算信用等级后在此显示）。</p>
  return (
    <>
      {history.length > 1 && (
        <figure className="mt-3 rounded border border-line p-2 sm:p-4">
          <GradeHistoryChart points={history} />
          <figcaption className="mt-2 text-sm text-muted">图：历次评价的信用分，等级变化处标注等级。数据见下表。</figcaption>
        </figure>
      )}
      <table className="mt-3 w-full border-collapse text-left text-sm tabular-nums">
        <caption className="mb-1 text-left text-muted">历次存储的评价</caption>
        <thead>
          <tr className="border-b-2 border-line">
            <th scope="col" className="px-2 py-1">评价基准日</th>
            <th scope="col" className="px-2 py-1 text-right">信用分</th>
            <th scope="col" className="px-2 py-1">等级</th>
            <th scope="col" className="px-2 py-1">黑名单</th>
          </tr>
        </thead>
        <tbody>
          {[...history].reverse().map((h) => (
            <tr key={h.asOf} className="border-b border-line">
              <td className="px-2 py-1">{h.asOf}</td>
              <td className="px-2 py-1 text-right">{h.score}</td>
              <td className="px-2 py-1">{h.grade}</td>
              <td className="px-2 py-1">{h.blacklisted ? '列入' : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {stored && (
        <p className="mt-2 text-sm text-muted">
          信用等级排行采用最近一次存储的评价：{stored.asOf}，{stored.grade} 级，{stored.score} 分。
          {!stored.agrees && '此后相关记录有变动，上方实时结果已反映变动，排行将在下次重新计算后更新。'}
        </p>
      )}
    </>
  )
}

function excludedSummary(credit: SubjectCredit): string {
  const counts = new Map<string, number>()
  for (const e of credit.excluded) counts.set(e.reasonLabel, (counts.get(e.reasonLabel) ?? 0) + 1)
  return [...counts].map(([label, n]) => `${label} ${n} 条`).join('；')
}

function Supervision({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="sm:flex sm:gap-3">
      <dt className="shrink-0 font-medium sm:w-20">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  )
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="shrink-0 text-muted">{label}</dt>
      <dd className="min-w-0 break-all">{children}</dd>
    </div>
  )
}

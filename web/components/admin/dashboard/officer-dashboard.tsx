// The officer's (and reviewer's) work queue and the month's counts, on the back office's home.
import Link from 'next/link'
import type { OfficerDashboard } from '@web/server/dashboard/dashboard-schemas'
import { describeChange, formatInteger } from '@web/components/statistics/figures-format'

const CARD = 'rounded border border-line bg-white p-4'
const TH = 'border-b border-line px-2 py-1 text-left font-medium whitespace-nowrap'
const TD = 'border-b border-line px-2 py-1 whitespace-nowrap'

export function OfficerDashboardView({ dashboard, regionLabel }: { dashboard: OfficerDashboard; regionLabel: string }) {
  const { waiting, permitsDue, objections, counts } = dashboard
  const waitingTotal = waiting.byStage.reduce((s, x) => s + x.count, 0)
  return (
    <div className="mt-6 space-y-6">
      <section aria-labelledby="counts-heading" className={CARD}>
        <h2 id="counts-heading" className="text-lg font-bold text-brand-900">
          {regionLabel}网上办理情况
        </h2>
        <dl className="mt-3 grid gap-4 sm:grid-cols-2">
          {(
            [
              ['施工许可', counts.permits],
              ['竣工验收备案', counts.completionFilings],
            ] as const
          ).map(([label, c]) => (
            <div key={label}>
              <dt className="font-medium">{label}</dt>
              <dd className="mt-1 text-sm">
                本月（{counts.monthLabel}）<strong className="tabular-nums">{formatInteger(c.month)}</strong> 件，比上年同期
                {describeChange(c.monthChange, c.monthChangePercent, '件')}；本年（{counts.yearLabel}）
                <strong className="tabular-nums">{formatInteger(c.year)}</strong> 件，比上年同期
                {describeChange(c.yearChange, c.yearChangePercent, '件')}。
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="queue-heading" className={CARD}>
        <h2 id="queue-heading" className="text-lg font-bold text-brand-900">
          待办理的下一环节（{formatInteger(waitingTotal)} 个项目）
        </h2>
        <p className="mt-1 text-sm text-muted">已登记、上一环节已办结而下一环节尚未办理的项目；“等待自”为上一环节首次办结之日（合同备案为项目登记日）。</p>
        <ul className="mt-3 flex flex-wrap gap-3 text-sm">
          {waiting.byStage.map((s) => (
            <li key={s.stage} className="rounded bg-surface px-3 py-1">
              待{s.stageLabel} <strong className="tabular-nums">{formatInteger(s.count)}</strong>
            </li>
          ))}
        </ul>
        {waiting.oldest.length === 0 ? (
          <p className="mt-3 text-muted">暂无等待办理的项目。</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">等待时间最长的项目</caption>
              <thead>
                <tr>
                  <th scope="col" className={TH}>项目编码</th>
                  <th scope="col" className={TH}>项目名称</th>
                  <th scope="col" className={TH}>待办环节</th>
                  <th scope="col" className={TH}>等待自</th>
                  <th scope="col" className={`${TH} text-right`}>天数</th>
                </tr>
              </thead>
              <tbody>
                {waiting.oldest.map((w) => (
                  <tr key={`${w.projectCode}-${w.stage}`}>
                    <td className={`${TD} font-mono`}>
                      <Link href={`/projects/${w.projectCode}`}>{w.projectCode}</Link>
                    </td>
                    <td className={TD}>{w.name}</td>
                    <td className={TD}>{w.stageLabel}</td>
                    <td className={`${TD} tabular-nums`}>{w.since}</td>
                    <td className={`${TD} text-right tabular-nums`}>{w.days}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="due-heading" className={CARD}>
        <h2 id="due-heading" className="text-lg font-bold text-brand-900">
          应办理竣工验收备案的施工许可（{formatInteger(permitsDue.count)} 件）
        </h2>
        <p className="mt-1 text-sm text-muted">合同竣工日期已过、尚无竣工验收备案的有效施工许可。</p>
        {permitsDue.oldest.length === 0 ? (
          <p className="mt-3 text-muted">暂无。</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">逾期最久的施工许可</caption>
              <thead>
                <tr>
                  <th scope="col" className={TH}>施工许可证编号</th>
                  <th scope="col" className={TH}>项目</th>
                  <th scope="col" className={TH}>合同竣工日期</th>
                  <th scope="col" className={`${TH} text-right`}>已过天数</th>
                </tr>
              </thead>
              <tbody>
                {permitsDue.oldest.map((p) => (
                  <tr key={p.permitNumber}>
                    <td className={`${TD} font-mono`}>
                      <Link href={`/permits/${p.permitNumber}`}>{p.permitNumber}</Link>
                    </td>
                    <td className={TD}>
                      {p.projectName}（<span className="font-mono">{p.projectCode}</span>）
                    </td>
                    <td className={`${TD} tabular-nums`}>{p.plannedEndOn}</td>
                    <td className={`${TD} text-right tabular-nums`}>{p.daysOverdue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="objections-heading" className={CARD}>
        <h2 id="objections-heading" className="text-lg font-bold text-brand-900">
          待审核的异议和信用修复申请
        </h2>
        <p className="mt-2">
          <strong className="tabular-nums">{formatInteger(objections.count)}</strong> 件
          {objections.oldestSubmittedOn && (
            <>
              ，最早一件提交于 {objections.oldestSubmittedOn}（已 {objections.oldestDays} 天）
            </>
          )}
          。
        </p>
      </section>
    </div>
  )
}

import { connection } from 'next/server'
import { isUninitializedDatabaseError } from '@web/server/db/database-errors'
import { formatChinaDate, formatCount } from '@web/lib/format'
import { getDb } from '@web/lib/db'
import { getHeadlineCounts, type HeadlineCounts } from '@web/server/statistics/get-headline-counts'
import { getLogger } from '@web/server/lib/logger'

const FIGURES: readonly { key: keyof HeadlineCounts; label: string }[] = [
  { key: 'enterprises', label: '企业' },
  { key: 'practitioners', label: '从业人员' },
  { key: 'projects', label: '项目' },
  { key: 'permitsThisYear', label: '本年施工许可' },
  { key: 'completionFilingsThisYear', label: '本年竣工验收备案' },
  { key: 'activeExposureRecords', label: '曝光台在期记录' },
]

const GRID = 'mt-4 grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3'
const CARD = 'flex flex-col-reverse rounded border border-line bg-surface px-4 py-4 sm:px-5'

/** The headline counts as of this request. */
export async function HeadlineFigures() {
  await connection()
  const asOf = new Date()
  let counts: HeadlineCounts
  try {
    counts = await getHeadlineCounts(getDb(), asOf)
  } catch (error) {
    getLogger().error({ err: error }, 'home: reading the headline counts failed')
    return <DatabaseProblem uninitialized={isUninitializedDatabaseError(error)} />
  }
  return (
    <>
      <dl className={GRID}>
        {FIGURES.map(({ key, label }) => (
          <div key={key} className={CARD}>
            <dt className="mt-1 text-sm text-muted sm:text-base">{label}</dt>
            <dd className="text-2xl font-bold text-brand-700 tabular-nums sm:text-4xl">{formatCount(counts[key])}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-muted">统计截至{formatChinaDate(asOf)}。“本年”按北京时间自然年计。</p>
    </>
  )
}

/** Same layout while the counts load, so the page does not jump when they arrive. */
export function HeadlineFiguresPlaceholder() {
  return (
    <dl className={GRID} aria-busy="true">
      {FIGURES.map(({ key, label }) => (
        <div key={key} className={CARD}>
          <dt className="mt-1 text-sm text-muted sm:text-base">{label}</dt>
          <dd className="text-2xl font-bold text-muted sm:text-4xl">
            <span aria-hidden="true">—</span>
            <span className="sr-only">正在读取</span>
          </dd>
        </div>
      ))}
    </dl>
  )
}

function DatabaseProblem({ uninitialized }: { uninitialized: boolean }) {
  return (
    <div role="alert" className="mt-4 border-l-4 border-notice-line bg-notice-bg px-4 py-3">
      {uninitialized ? (
        <>
          <p className="font-bold">数据库尚未初始化：请运行 npm run demo</p>
          <p className="mt-1 text-sm">该命令会建立数据库表结构并写入演示数据，完成后刷新本页即可。</p>
        </>
      ) : (
        <>
          <p className="font-bold">统计数据暂时无法读取</p>
          <p className="mt-1 text-sm">数据库暂时无法连接，请稍后刷新重试。</p>
        </>
      )}
    </div>
  )
}

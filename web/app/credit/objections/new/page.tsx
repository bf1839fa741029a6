// 对此记录提出异议 / 申请信用修复: the form, started from a record on the exposure board or a profile.
import { Suspense } from 'react'
import Link from 'next/link'
import type { Metadata, Route } from 'next'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { OBJECTION_KIND_LABELS } from '@shared/domain/enums'
import { REPAIR_MINIMUM_MONTHS } from '@shared/objections/eligibility'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { ObjectionForm } from '@web/components/credit/objection-form'
import { ObjectionRecordFacts } from '@web/components/credit/objection-record-summary'
import { ListLoading } from '@web/components/list/list-summary'
import { flattenSearchParams } from '@web/lib/listing/search-params'
import { newObjectionQuerySchema } from '@web/server/objections/objection-queries'
import { getDb } from '@web/lib/db'
import { getRecordForRequest } from '@web/server/objections/get-record-for-request'

export const metadata: Metadata = {
  title: '异议与信用修复申请',
  description: '对诚信行为记录提出异议，或在整改后申请信用修复。',
  robots: { index: false },
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default function NewObjectionPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <>
      <Breadcrumbs items={[{ label: '信用等级', href: '/credit' }, { label: '异议与信用修复申请' }]} />
      <Suspense fallback={<ListLoading />}>
        <NewObjection searchParams={searchParams} />
      </Suspense>
    </>
  )
}

async function NewObjection({ searchParams }: { searchParams: SearchParams }) {
  await connection()
  const parsed = newObjectionQuerySchema.safeParse(flattenSearchParams(await searchParams))
  if (!parsed.success) {
    return <Problem title="异议与信用修复申请" message={parsed.error.issues[0]?.message ?? '参数有误'} />
  }
  const { record: recordId, kind } = parsed.data
  const found = await getRecordForRequest(getDb(), recordId, kind)
  // a record that is not public today is, to the public, no record at all
  if (!found || (!found.eligibility.ok && found.eligibility.reason === 'NOT_PUBLIC')) notFound()
  const title = OBJECTION_KIND_LABELS[kind]
  const { record, eligibility } = found
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{title}</h1>
      <p className="mt-2 text-muted">
        {kind === 'REPAIR'
          ? `已纠正失信行为、履行相关义务的，可申请信用修复，提前结束不良行为记录的公示。公示期不超过 12 个月的记录须公示满 ${REPAIR_MINIMUM_MONTHS.general} 个月、其他记录须公示满 ${REPAIR_MINIMUM_MONTHS.serious} 个月后方可申请。`
          : '认为下列记录有误（如主体、事实、文号或日期不符）的，可提出异议。'}
        提交后将得到受理编号，凭编号查询办理进度；主管部门审核后在进度页面公布结果。
      </p>
      <h2 className="mt-6 text-xl font-bold text-brand-900">申请所涉记录</h2>
      <ObjectionRecordFacts record={record} />
      {eligibility.ok ? (
        <>
          <h2 className="mt-8 text-xl font-bold text-brand-900">申请信息</h2>
          <p className="mt-1 text-sm text-muted">带 * 的为必填项。联系电话和电子邮箱仅供主管部门联系，不予公开。</p>
          <ObjectionForm recordId={record.id} kind={kind} />
        </>
      ) : (
        <div role="alert" className="mt-6 border-l-4 border-notice-line bg-notice-bg px-4 py-3">
          <p className="font-bold">暂不能提交此申请</p>
          <p className="mt-1">{eligibility.message}</p>
          {kind === 'REPAIR' && eligibility.reason === 'REPAIR_TOO_EARLY' && (
            <p className="mt-1">
              如认为记录有误，可 <Link href={`/credit/objections/new?record=${encodeURIComponent(record.id)}&kind=OBJECTION` as Route}>提出异议</Link>。
            </p>
          )}
        </div>
      )}
    </>
  )
}

function Problem({ title, message }: { title: string; message: string }) {
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{title}</h1>
      <div role="alert" className="mt-6 border-l-4 border-notice-line bg-notice-bg px-4 py-3">
        <p>{message}</p>
        <p className="mt-1">
          <Link href="/exposure">前往诚信曝光台</Link>
        </p>
      </div>
    </>
  )
}

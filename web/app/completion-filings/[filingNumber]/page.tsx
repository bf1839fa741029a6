import { Suspense } from 'react'
import Link from 'next/link'
import type { Metadata, Route } from 'next'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { CERTIFICATE_STATUS_LABELS, PROJECT_CATEGORY_LABELS } from '@shared/domain/enums'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { PermitLinks } from '@web/components/completion-filings/permit-links'
import { EnterpriseLink, EnterpriseLinks, ProjectLink } from '@web/components/entity-links'
import { FactTable } from '@web/components/fact-table'
import { ListLoading } from '@web/components/list/list-summary'
import { StageStatusBadge } from '@web/components/list/stage-status-badge'
import { formatAmount, formatArea } from '@web/lib/format'
import { filingNumberParam } from '@web/server/completion-filings/completion-filing-queries'
import { getDb } from '@web/lib/db'
import { getCompletionFiling } from '@web/server/completion-filings/get-completion-filing'

type Params = Promise<{ filingNumber: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { filingNumber } = await params
  return { title: `竣工验收备案 ${filingNumberParam(filingNumber)}`, description: '房屋建筑和市政基础设施工程竣工验收备案公开信息及其状态。' }
}

export default function CompletionFilingPage({ params }: { params: Params }) {
  return (
    <Suspense fallback={<ListLoading />}>
      <CompletionFilingDetails params={params} />
    </Suspense>
  )
}

async function CompletionFilingDetails({ params }: { params: Params }) {
  await connection()
  const filing = await getCompletionFiling(getDb(), filingNumberParam((await params).filingNumber))
  if (!filing) notFound()
  const project = { projectCode: filing.projectCode, name: filing.projectName }
  const certificateStatus = filing.certificate?.status
  return (
    <>
      <Breadcrumbs items={[{ label: '竣工验收备案', href: '/completion-filings' }, { label: filing.filingNumber }]} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold text-brand-900">竣工验收备案证明</h1>
        <StageStatusBadge status={filing.status} />
      </div>
      {filing.status === 'REVOKED' && (
        <div role="alert" className="mt-4 border-l-4 border-seal bg-red-50 px-4 py-3">
          <p className="font-bold text-seal-dark">本竣工验收备案已于 {filing.revokedOn ?? '—'} 撤销</p>
          {filing.revocationReason && <p className="mt-1">撤销原因：{filing.revocationReason}</p>}
        </div>
      )}
      <FactTable
        rows={[
          { label: '备案编号', value: <span className="tabular-nums">{filing.filingNumber}</span> },
          { label: '工程名称', value: <ProjectLink project={project} /> },
          { label: '项目编码', value: <Link href={`/projects/${filing.projectCode}` as Route}>{filing.projectCode}</Link> },
          { label: '建设地址', value: filing.address },
          { label: '工程类别', value: PROJECT_CATEGORY_LABELS[filing.category] },
          { label: '建设单位', value: <EnterpriseLink enterprise={{ name: filing.ownerName, uscc: filing.ownerUscc }} /> },
          { label: '勘察单位', value: <EnterpriseLinks enterprises={filing.survey} /> },
          { label: '设计单位', value: <EnterpriseLinks enterprises={filing.design} /> },
          { label: '施工单位', value: <EnterpriseLinks enterprises={filing.contractors} /> },
          { label: '监理单位', value: <EnterpriseLinks enterprises={filing.supervisors} /> },
          { label: '竣工验收日期', value: filing.acceptedOn },
          { label: '备案日期', value: filing.filedOn },
          { label: '实际造价', value: formatAmount(filing.actualCost) },
          { label: '实际建筑面积', value: filing.actualArea !== null ? formatArea(filing.actualArea) : '—' },
          { label: '施工许可证编号', value: <PermitLinks permits={filing.permits} /> },
          { label: '备案机关', value: filing.authorityName },
          ...(filing.certificate
            ? [
                {
                  label: '证书流水号',
                  value: (
                    <>
                      <span className="tabular-nums">{filing.certificate.serial}</span>
                      {certificateStatus && certificateStatus !== 'VALID' && (
                        <span className="ml-2 text-seal-dark">
                          （证书{CERTIFICATE_STATUS_LABELS[certificateStatus]}
                          {filing.certificate.statusChangedAt ? `，${filing.certificate.statusChangedAt}` : ''}）
                        </span>
                      )}{' '}
                      <Link href={`/certificates/${filing.certificate.serial}` as Route} data-print="hide">
                        打印证书（含核验二维码）
                      </Link>
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      <p className="mt-6">
        <Link href={`/projects/${filing.projectCode}` as Route}>查看该项目五个环节的办理情况</Link>
      </p>
    </>
  )
}

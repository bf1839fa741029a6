import { Suspense } from 'react'
import Link from 'next/link'
import type { Metadata, Route } from 'next'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { PROJECT_CATEGORY_LABELS } from '@shared/domain/enums'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { EnterpriseLink, EnterpriseLinks, PersonLink, ProjectLink } from '@web/components/entity-links'
import { FactTable } from '@web/components/fact-table'
import { ListLoading } from '@web/components/list/list-summary'
import { StageStatusBadge } from '@web/components/list/stage-status-badge'
import { formatAmount, formatArea } from '@web/lib/format'
import { getDb } from '@web/lib/db'
import { getPermit } from '@web/server/permits/get-permit'
import { safeDecode } from '@web/server/lib/safe-decode'

type Params = Promise<{ permitNumber: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { permitNumber } = await params
  return { title: `施工许可证 ${safeDecode(permitNumber)}`, description: '建筑工程施工许可证公开信息及其状态。' }
}

export default function PermitPage({ params }: { params: Params }) {
  return (
    <Suspense fallback={<ListLoading />}>
      <PermitDetails params={params} />
    </Suspense>
  )
}

async function PermitDetails({ params }: { params: Params }) {
  await connection()
  const permitNumber = safeDecode((await params).permitNumber)
  const permit = await getPermit(getDb(), permitNumber)
  if (!permit) notFound()
  return (
    <>
      <Breadcrumbs items={[{ label: '施工许可', href: '/permits' }, { label: permit.permitNumber }]} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold text-brand-900">建筑工程施工许可证</h1>
        <StageStatusBadge status={permit.status} />
      </div>
      {permit.status === 'REVOKED' && (
        <div role="alert" className="mt-4 border-l-4 border-seal bg-red-50 px-4 py-3">
          <p className="font-bold text-seal-dark">本许可证已于 {permit.revokedOn ?? '—'} 撤销</p>
          {permit.revocationReason && <p className="mt-1">撤销原因：{permit.revocationReason}</p>}
        </div>
      )}
      <FactTable
        rows={[
          { label: '编号', value: <span className="tabular-nums">{permit.permitNumber}</span> },
          { label: '建设单位', value: <EnterpriseLink enterprise={permit.owner} /> },
          { label: '工程名称', value: <ProjectLink project={{ projectCode: permit.projectCode, name: permit.projectName }} /> },
          { label: '项目编码', value: <Link href={`/projects/${permit.projectCode}` as Route}>{permit.projectCode}</Link> },
          { label: '建设地址', value: permit.address },
          { label: '工程类别', value: PROJECT_CATEGORY_LABELS[permit.category] },
          { label: '建设规模', value: [permit.scale, permit.floorArea !== null ? formatArea(permit.floorArea) : null].filter(Boolean).join('，') },
          { label: '合同价格', value: formatAmount(permit.contractPrice) },
          { label: '勘察单位', value: <EnterpriseLinks enterprises={permit.survey} /> },
          { label: '设计单位', value: <EnterpriseLinks enterprises={permit.design} /> },
          { label: '施工单位', value: <EnterpriseLink enterprise={{ name: permit.contractorName, uscc: permit.contractorUscc }} /> },
          { label: '监理单位', value: permit.supervisor ? <EnterpriseLink enterprise={permit.supervisor} /> : '—' },
          { label: '项目经理', value: <PersonLink person={permit.projectManager} /> },
          { label: '总监理工程师', value: permit.chiefSupervisor ? <PersonLink person={permit.chiefSupervisor} /> : '—' },
          { label: '合同工期', value: `${permit.plannedStartOn} 至 ${permit.plannedEndOn}` },
          { label: '发证机关', value: permit.authorityName },
          { label: '发证日期', value: permit.issuedOn },
          ...(permit.certificate
            ? [
                {
                  label: '证书流水号',
                  value: (
                    <>
                      <span className="tabular-nums">{permit.certificate.serial}</span>{' '}
                      <Link href={`/certificates/${permit.certificate.serial}` as Route} data-print="hide">
                        打印证书（含核验二维码）
                      </Link>
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  )
}

// One project in the back office: the five stages in order, each with its records, the form of the
// next stage (and edit forms for records the permit does not yet certify), the correction of an
// issued permit or completion filing (its facts prefilled, a reason, a confirmation; a new
// certificate replaces the old), and the certificates with print, revoke (reason + confirmation)
// and re-issue.
import { Suspense } from 'react'
import type { Metadata, Route } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PARTICIPANT_ROLE_LABELS, PROJECT_CATEGORY_LABELS } from '@shared/domain/enums'
import { STAGES, type Stage } from '@shared/domain/stages'
import { CONTRACT_PARTY_LABELS, CONTRACT_PARTY_ROLES, DRAWING_REVIEW_RESULTS } from '@shared/staff-forms/projects'
import { can } from '@shared/staff/permissions'
import { StaffForm, type FieldSpec } from '@web/components/admin/projects/staff-form'
import { getDb } from '@web/lib/db'
import { currentCsrfToken, requireActor } from '@web/lib/staff/session'
import { NotFoundError } from '@web/server/lib/errors'
import { getStaffProject, type StaffProject } from '@web/server/projects/get-staff-project'
import {
  correctCompletionAction,
  correctPermitAction,
  fileCompletionAction,
  fileContractAction,
  fileSupervisionAction,
  issuePermitAction,
  recordDrawingReviewAction,
  reissueCertificateAction,
  revokeCertificateAction,
  updateContractAction,
  updateDrawingReviewAction,
  updateSupervisionAction,
} from '../actions'

export const metadata: Metadata = { title: '项目办理', robots: { index: false } }

const STATUS_WORDS: Record<string, string> = { ACTIVE: '有效', REVOKED: '已撤销', SUPERSEDED: '已替换', VALID: '有效', EXPIRED: '已过期' }

function contractFields(code: string, values?: StaffProject['contracts'][number]): FieldSpec[] {
  return [
    values ? { kind: 'hidden', name: 'id', value: values.id } : { kind: 'hidden', name: 'projectCode', value: code },
    ...(values ? [{ kind: 'hidden', name: 'returnTo', value: code } as FieldSpec] : []),
    { kind: 'select', name: 'partyRole', label: '合同类型', required: true, defaultValue: values?.partyRole, options: CONTRACT_PARTY_ROLES.map((r) => ({ value: r, label: `${CONTRACT_PARTY_LABELS[r]}合同` })) },
    { kind: 'enterprise', name: 'partyUscc', label: '合同当事单位', required: true, defaultValue: values?.party.uscc, hint: '输入统一社会信用代码或名称查找' },
    { kind: 'number', name: 'contractPrice', label: '合同价格（万元）', required: true, defaultValue: values ? String(values.contractPrice) : undefined },
    { kind: 'date', name: 'signedOn', label: '合同签订日期', required: true, defaultValue: values?.signedOn ?? undefined },
    { kind: 'date', name: 'filedOn', label: '备案日期', required: true, defaultValue: values?.filedOn ?? undefined },
  ]
}

function reviewFields(code: string, values?: StaffProject['reviews'][number]): FieldSpec[] {
  return [
    values ? { kind: 'hidden', name: 'id', value: values.id } : { kind: 'hidden', name: 'projectCode', value: code },
    ...(values ? [{ kind: 'hidden', name: 'returnTo', value: code } as FieldSpec] : []),
    { kind: 'text', name: 'reviewAgency', label: '审图机构', required: true, defaultValue: values?.reviewAgency },
    { kind: 'select', name: 'result', label: '审查结论', required: true, defaultValue: values?.result ?? '合格', options: DRAWING_REVIEW_RESULTS.map((r) => ({ value: r, label: r })) },
    { kind: 'number', name: 'issueCount', label: '发现问题数', required: true, defaultValue: values ? String(values.issueCount) : undefined },
    { kind: 'text', name: 'certificateNumber', label: '审查合格书编号', required: true, defaultValue: values?.certificateNumber },
    { kind: 'date', name: 'passedOn', label: '审查通过日期', required: true, defaultValue: values?.passedOn ?? undefined },
  ]
}

function supervisionFields(code: string, values?: StaffProject['supervisions'][number]): FieldSpec[] {
  return [
    values ? { kind: 'hidden', name: 'id', value: values.id } : { kind: 'hidden', name: 'projectCode', value: code },
    ...(values ? [{ kind: 'hidden', name: 'returnTo', value: code } as FieldSpec] : []),
    { kind: 'text', name: 'supervisionStation', label: '质量安全监督机构', required: true, defaultValue: values?.supervisionStation },
    { kind: 'date', name: 'filedOn', label: '报监日期', required: true, defaultValue: values?.filedOn ?? undefined },
  ]
}

/** The permit's fields: empty to issue one, or prefilled with an issued permit to correct it. */
function permitFields(code: string, values?: StaffProject['permits'][number]): FieldSpec[] {
  return [
    values ? { kind: 'hidden', name: 'permitId', value: values.id } : { kind: 'hidden', name: 'projectCode', value: code },
    ...(values ? [{ kind: 'hidden', name: 'returnTo', value: code } as FieldSpec] : []),
    { kind: 'text', name: 'scale', label: '建设规模', required: true, hint: '如：地上18层 地下2层', defaultValue: values?.scale },
    { kind: 'number', name: 'floorArea', label: '建筑面积（平方米）', defaultValue: values?.floorArea == null ? undefined : String(values.floorArea) },
    { kind: 'number', name: 'contractPrice', label: '合同价格（万元）', required: true, defaultValue: values ? String(values.contractPrice) : undefined },
    { kind: 'date', name: 'plannedStartOn', label: '计划开工日期', required: true, defaultValue: values?.plannedStartOn },
    { kind: 'date', name: 'plannedEndOn', label: '计划竣工日期', required: true, defaultValue: values?.plannedEndOn },
    { kind: 'enterprise', name: 'contractorUscc', label: '施工单位', required: true, enterpriseType: 'CONTRACTOR', hint: '须为已备案施工合同的单位', defaultValue: values?.contractor.uscc },
    { kind: 'practitioner', name: 'projectManagerId', label: '项目经理', required: true, enterpriseField: 'contractorUscc', registrationKind: 'manager', hint: '在该施工单位有效注册的建造师', defaultValue: values?.projectManager.id },
    { kind: 'enterprise', name: 'supervisorUscc', label: '监理单位', enterpriseType: 'SUPERVISOR', hint: '须为已备案监理合同的单位', defaultValue: values?.supervisor?.uscc },
    { kind: 'practitioner', name: 'chiefSupervisorId', label: '总监理工程师', enterpriseField: 'supervisorUscc', registrationKind: 'chief', hint: '在该监理单位有效注册的监理工程师', defaultValue: values?.chiefSupervisor?.id },
  ]
}

/** The completion filing's fields: empty to file, or prefilled with an issued filing to correct it. */
function completionFields(code: string, values?: StaffProject['completions'][number]): FieldSpec[] {
  return [
    values ? { kind: 'hidden', name: 'completionFilingId', value: values.id } : { kind: 'hidden', name: 'projectCode', value: code },
    ...(values ? [{ kind: 'hidden', name: 'returnTo', value: code } as FieldSpec] : []),
    { kind: 'date', name: 'acceptedOn', label: '竣工验收日期', required: true, defaultValue: values?.acceptedOn },
    { kind: 'number', name: 'actualCost', label: '实际造价（万元）', required: true, defaultValue: values ? String(values.actualCost) : undefined },
    { kind: 'number', name: 'actualArea', label: '实际建筑面积（平方米）', defaultValue: values?.actualArea == null ? undefined : String(values.actualArea) },
  ]
}

/** The reason and the confirmation that end a correction form: the reason becomes the old certificate's. */
const correctionEnd = (what: string, serial: string): FieldSpec[] => [
  { kind: 'textarea', name: 'reason', label: '更正原因', required: true, hint: '将记录为原证书的作废原因，2 至 200 字' },
  { kind: 'checkbox', name: 'confirm', label: `我确认更正${what}，并以新证书替换证书 ${serial}`, required: true },
]

/** 更正并换发: the record's facts to correct; saved, a new certificate replaces the old one. */
function Correction({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <details className="mt-2 rounded border border-amber-200 p-3">
      <summary className="cursor-pointer font-medium text-brand-800">{title}</summary>
      <p className="my-2 text-sm text-slate-700">
        保存后记录按更正后的内容修改，并立即签发新证书；原证书作废（扫码核验显示“已被替换”），请重新打印新证书。
      </p>
      {children}
    </details>
  )
}

function CertificateActions({ serial, code, csrfToken }: { serial: string; code: string; csrfToken: string }) {
  const base: FieldSpec[] = [
    { kind: 'hidden', name: 'serial', value: serial },
    { kind: 'hidden', name: 'returnTo', value: code },
    { kind: 'textarea', name: 'reason', label: '原因', required: true },
  ]
  return (
    <div className="mt-3 grid gap-4 lg:grid-cols-2">
      <details className="rounded border border-red-200 p-3">
        <summary className="cursor-pointer font-medium text-red-800">撤销证书</summary>
        <p className="my-2 text-sm text-slate-700">撤销后扫码核验立即显示“证书已撤销”，不能恢复。</p>
        <StaffForm title="撤销证书" action={revokeCertificateAction} csrfToken={csrfToken} submitLabel="确认撤销"
          fields={[...base, { kind: 'checkbox', name: 'confirm', label: `我确认撤销证书 ${serial}`, required: true }]} />
      </details>
      <details className="rounded border border-slate-200 p-3">
        <summary className="cursor-pointer font-medium text-brand-800">换发证书</summary>
        <p className="my-2 text-sm text-slate-700">按记录现状签发新证书，原证书作废（核验显示“已被替换”）。</p>
        <StaffForm title="换发证书" action={reissueCertificateAction} csrfToken={csrfToken} submitLabel="确认换发"
          fields={[...base, { kind: 'checkbox', name: 'confirm', label: `我确认换发证书 ${serial}`, required: true }]} />
      </details>
    </div>
  )
}

function Facts({ items }: { items: [string, React.ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
      {items.map(([k, v]) => (
        <div key={k} className="flex gap-2">
          <dt className="shrink-0 text-slate-500">{k}</dt>
          <dd className="text-slate-900">{v ?? '—'}</dd>
        </div>
      ))}
    </dl>
  )
}

async function ProjectStages({ params }: { params: Promise<{ code: string }> }) {
  const actor = await requireActor('workspace.read')
  const { code } = await params
  let p: StaffProject
  try {
    p = await getStaffProject(getDb(), actor, code)
  } catch (error) {
    if (error instanceof NotFoundError) notFound()
    throw error
  }
  const csrfToken = await currentCsrfToken()
  const writes = can(actor.role, 'projects.write')
  const certs = can(actor.role, 'certificates.write')
  const active = <T extends { status: string }>(rows: T[]) => rows.filter((r) => r.status === 'ACTIVE')
  const permitCertified = active(p.permits).some((x) => x.certificate)
  const done: Record<Stage, boolean> = {
    CONTRACT_FILING: active(p.contracts).length > 0,
    DRAWING_REVIEW: active(p.reviews).length > 0,
    SUPERVISION_FILING: active(p.supervisions).length > 0,
    CONSTRUCTION_PERMIT: active(p.permits).length > 0,
    COMPLETION_FILING: active(p.completions).length > 0,
  }
  const next = STAGES.find((s) => !done[s.stage])?.stage ?? null
  const editable = writes && !permitCertified

  const certificateBlock = (c: { serial: string; status: string; issuedOn: string | null; statusReason: string | null } | null) =>
    c && (
      <div className="mt-2 rounded bg-slate-50 p-3 text-sm">
        证书 <span className="font-mono">{c.serial}</span>（{STATUS_WORDS[c.status] ?? c.status}{c.statusReason ? `：${c.statusReason}` : ''}）
        <Link href={`/certificates/${c.serial}` as Route} className="ml-3 text-brand-800 underline" target="_blank">打印证书</Link>
        {certs && c.status === 'VALID' && <CertificateActions serial={c.serial} code={p.projectCode} csrfToken={csrfToken} />}
      </div>
    )

  const sections: Record<Stage, React.ReactNode> = {
    CONTRACT_FILING: (
      <>
        {p.contracts.map((c) => (
          <article key={c.id} className="border-t border-slate-100 py-2">
            <Facts items={[['备案编号', c.filingNumber], ['合同类型', `${CONTRACT_PARTY_LABELS[c.partyRole as keyof typeof CONTRACT_PARTY_LABELS] ?? c.partyRole}合同`], ['当事单位', c.party.name], ['合同价格', `${c.contractPrice} 万元`], ['签订日期', c.signedOn], ['备案日期', c.filedOn], ['状态', STATUS_WORDS[c.status]]]} />
            {editable && (
              <details className="mt-2"><summary className="cursor-pointer text-brand-800">修改</summary>
                <StaffForm title="修改合同备案" action={updateContractAction} csrfToken={csrfToken} submitLabel="保存修改" fields={contractFields(p.projectCode, c)} />
              </details>
            )}
          </article>
        ))}
        {writes && (
          <details className="mt-2" open={next === 'CONTRACT_FILING'}><summary className="cursor-pointer font-medium text-brand-800">登记合同备案</summary>
            <StaffForm title="登记合同备案" action={fileContractAction} csrfToken={csrfToken} submitLabel="登记合同备案" fields={contractFields(p.projectCode)} />
          </details>
        )}
      </>
    ),
    DRAWING_REVIEW: (
      <>
        {p.reviews.map((r) => (
          <article key={r.id} className="border-t border-slate-100 py-2">
            <Facts items={[['合格书编号', r.certificateNumber], ['审图机构', r.reviewAgency], ['审查结论', r.result], ['发现问题数', r.issueCount], ['通过日期', r.passedOn], ['状态', STATUS_WORDS[r.status]]]} />
            {editable && (
              <details className="mt-2"><summary className="cursor-pointer text-brand-800">修改</summary>
                <StaffForm title="修改施工图审查" action={updateDrawingReviewAction} csrfToken={csrfToken} submitLabel="保存修改" fields={reviewFields(p.projectCode, r)} />
              </details>
            )}
          </article>
        ))}
        {writes && next === 'DRAWING_REVIEW' && <StaffForm title="登记施工图审查" action={recordDrawingReviewAction} csrfToken={csrfToken} submitLabel="登记施工图审查" fields={reviewFields(p.projectCode)} />}
      </>
    ),
    SUPERVISION_FILING: (
      <>
        {p.supervisions.map((s) => (
          <article key={s.id} className="border-t border-slate-100 py-2">
            <Facts items={[['监督登记编号', s.filingNumber], ['监督机构', s.supervisionStation], ['报监日期', s.filedOn], ['状态', STATUS_WORDS[s.status]]]} />
            {editable && (
              <details className="mt-2"><summary className="cursor-pointer text-brand-800">修改</summary>
                <StaffForm title="修改质量安全报监" action={updateSupervisionAction} csrfToken={csrfToken} submitLabel="保存修改" fields={supervisionFields(p.projectCode, s)} />
              </details>
            )}
          </article>
        ))}
        {writes && next === 'SUPERVISION_FILING' && <StaffForm title="登记质量安全报监" action={fileSupervisionAction} csrfToken={csrfToken} submitLabel="登记质量安全报监" fields={supervisionFields(p.projectCode)} />}
      </>
    ),
    CONSTRUCTION_PERMIT: (
      <>
        {p.permits.map((x) => (
          <article key={x.id} className="border-t border-slate-100 py-2">
            <Facts items={[['许可证编号', x.permitNumber], ['发证日期', x.issuedOn], ['建设规模', x.scale], ['建筑面积', x.floorArea === null ? null : `${x.floorArea} 平方米`], ['合同价格', `${x.contractPrice} 万元`], ['施工单位', x.contractor.name], ['项目经理', x.projectManager.name], ['监理单位', x.supervisor?.name], ['总监理工程师', x.chiefSupervisor?.name], ['计划工期', `${x.plannedStartOn} 至 ${x.plannedEndOn}`], ['状态', STATUS_WORDS[x.status]]]} />
            {writes && certs && x.status === 'ACTIVE' && x.certificate?.status === 'VALID' && (
              <Correction title="更正施工许可证并换发">
                <StaffForm title="更正施工许可证并换发" action={correctPermitAction} csrfToken={csrfToken} submitLabel="确认更正并换发"
                  fields={[...permitFields(p.projectCode, x), ...correctionEnd(`施工许可证 ${x.permitNumber}`, x.certificate.serial)]} />
              </Correction>
            )}
            {certificateBlock(x.certificate)}
          </article>
        ))}
        {writes && certs && next === 'CONSTRUCTION_PERMIT' && (
          <>
            <p className="text-sm text-slate-600">核发后立即签发带二维码的施工许可证；此后前序环节不能再修改，更正须换发证书。</p>
            <StaffForm title="核发施工许可证" action={issuePermitAction} csrfToken={csrfToken} submitLabel="核发施工许可证" fields={permitFields(p.projectCode)} />
          </>
        )}
      </>
    ),
    COMPLETION_FILING: (
      <>
        {p.completions.map((c) => (
          <article key={c.id} className="border-t border-slate-100 py-2">
            <Facts items={[['备案编号', c.filingNumber], ['竣工验收日期', c.acceptedOn], ['备案日期', c.filedOn], ['实际造价', `${c.actualCost} 万元`], ['实际建筑面积', c.actualArea === null ? null : `${c.actualArea} 平方米`], ['状态', STATUS_WORDS[c.status]]]} />
            {writes && certs && c.status === 'ACTIVE' && c.certificate?.status === 'VALID' && (
              <Correction title="更正竣工验收备案并换发">
                <StaffForm title="更正竣工验收备案并换发" action={correctCompletionAction} csrfToken={csrfToken} submitLabel="确认更正并换发"
                  fields={[...completionFields(p.projectCode, c), ...correctionEnd(`竣工验收备案 ${c.filingNumber}`, c.certificate.serial)]} />
              </Correction>
            )}
            {certificateBlock(c.certificate)}
          </article>
        ))}
        {writes && certs && next === 'COMPLETION_FILING' && <StaffForm title="办理竣工验收备案" action={fileCompletionAction} csrfToken={csrfToken} submitLabel="办理竣工验收备案" fields={completionFields(p.projectCode)} />}
      </>
    ),
  }

  return (
    <div className="space-y-6">
      <nav aria-label="面包屑" className="text-sm"><Link href="/admin/projects" className="text-brand-800 underline">项目管理</Link> / {p.projectCode}</nav>
      <header>
        <h1 className="text-2xl font-bold text-brand-900">{p.name}</h1>
        <Facts items={[['项目编码', <span key="c" className="font-mono">{p.projectCode}</span>], ['所在地', p.regionName], ['工程类别', PROJECT_CATEGORY_LABELS[p.category]], ['项目地址', p.address], ['建设单位', p.owner.name], ['总投资', `${p.investment} 万元`], ['登记日期', p.registeredOn]]} />
        <p className="mt-2 text-sm"><Link href={`/projects/${p.projectCode}` as Route} className="text-brand-800 underline">查看公开页面</Link></p>
      </header>
      <section aria-labelledby="parties" className="rounded border border-slate-200 p-4">
        <h2 id="parties" className="text-lg font-semibold">参建单位和关键岗位人员</h2>
        <ul className="mt-2 text-sm">
          {p.participants.map((x) => <li key={`${x.role}-${x.uscc}`}>{PARTICIPANT_ROLE_LABELS[x.role]}：{x.name}（{x.uscc}）</li>)}
          {p.keyPeople.map((k) => <li key={`${k.role}-${k.name}`}>{k.role === 'PROJECT_MANAGER' ? '项目经理' : k.role === 'CHIEF_SUPERVISOR' ? '总监理工程师' : k.role}：{k.name}</li>)}
        </ul>
      </section>
      <ol className="space-y-4">
        {STAGES.map((s) => (
          <li key={s.stage}>
            <section aria-labelledby={`stage-${s.stage}`} className={`rounded border p-4 ${s.stage === next ? 'border-brand-600' : 'border-slate-200'}`}>
              <h2 id={`stage-${s.stage}`} className="text-lg font-semibold">
                {s.number}. {s.label}
                <span className="ml-2 text-sm font-normal text-slate-600">{done[s.stage] ? '已办理' : s.stage === next ? '待办理' : '未到此环节'}</span>
              </h2>
              {sections[s.stage]}
            </section>
          </li>
        ))}
      </ol>
    </div>
  )
}

// the session is read at request time: inside a Suspense boundary, as cacheComponents requires
export default function AdminProjectPage({ params }: { params: Promise<{ code: string }> }) {
  return (
    <Suspense fallback={<p className="text-slate-600">正在加载…</p>}>
      <ProjectStages params={params} />
    </Suspense>
  )
}

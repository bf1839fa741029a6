// The five-stage timeline of a project (合同备案 → 施工图审查 → 质量安全报监 → 施工许可 → 竣工验收备案)
// as an ordered list: each stage says in words whether it is done and when, so nothing depends on
// colour or the check mark alone; every document shows its number, date, authority and status.
import Link from 'next/link'
import type { Route } from 'next'
import { PARTICIPANT_ROLE_LABELS, type ParticipantRole } from '@shared/domain/enums'
import { STAGE_LABELS, type Stage } from '@shared/domain/stages'
import { EnterpriseLink } from '@web/components/entity-links'
import { StageStatusBadge } from '@web/components/list/stage-status-badge'
import { StatusBadge } from '@web/components/status-badge'
import { formatAmount } from '@web/lib/format'
import type { StageDocument, TimelineStage } from '@shared/projects/project-timeline'

/** The words of each stage's documents, as printed on its paper form. */
const DOCUMENT_WORDS: Record<Stage, { number: string; date: string; authority: string; agency?: string }> = {
  CONTRACT_FILING: { number: '合同备案编号', date: '备案日期', authority: '备案机关' },
  DRAWING_REVIEW: { number: '审查合格书编号', date: '审查通过日期', authority: '主管部门', agency: '审图机构' },
  SUPERVISION_FILING: { number: '监督登记编号', date: '报监日期', authority: '主管部门', agency: '监督机构' },
  CONSTRUCTION_PERMIT: { number: '施工许可证编号', date: '发证日期', authority: '发证机关' },
  COMPLETION_FILING: { number: '竣工验收备案编号', date: '备案日期', authority: '备案机关' },
}

const CONTRACT_KINDS: Record<ParticipantRole, string> = {
  OWNER: '合同',
  SURVEY: '勘察合同',
  DESIGN: '设计合同',
  CONTRACTOR: '施工合同',
  SUPERVISOR: '监理合同',
}

/** Where a document has its own public page. */
function documentHref(stage: Stage, number: string): Route | null {
  if (stage === 'CONSTRUCTION_PERMIT') return `/permits/${encodeURIComponent(number)}` as Route
  if (stage === 'COMPLETION_FILING') return `/completion-filings/${encodeURIComponent(number)}` as Route
  return null
}

export function StageTimeline({ stages, headingId }: { stages: readonly TimelineStage[]; headingId: string }) {
  return (
    <ol aria-labelledby={headingId} className="mt-4">
      {stages.map((s, i) => {
        const revokedOnly = !s.done && s.documents.length > 0
        const last = i === stages.length - 1
        return (
          <li key={s.stage} className="relative flex gap-3 pb-6 sm:gap-4">
            {/* the rail between markers */}
            {!last && <span aria-hidden="true" className={`absolute top-9 bottom-0 left-[1.0625rem] w-0.5 ${s.done ? 'bg-brand-700' : 'bg-line'}`} />}
            <span
              aria-hidden="true"
              className={`relative z-10 flex h-9 w-9 shrink-0 items-center justify-center rounded-full border-2 font-bold ${
                s.done ? 'border-brand-700 bg-brand-700 text-white' : revokedOnly ? 'border-seal bg-white text-seal-dark' : 'border-line bg-white text-muted'
              }`}
            >
              {s.done ? '✓' : revokedOnly ? '✕' : s.number}
            </span>
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <h3 className="text-lg font-bold text-brand-900">
                  <span className="sr-only">第 {s.number} 环节：</span>
                  <span aria-hidden="true">{s.number}. </span>
                  {STAGE_LABELS[s.stage]}
                </h3>
                {s.done ? (
                  <StatusBadge tone="good">已办理</StatusBadge>
                ) : revokedOnly ? (
                  <StatusBadge tone="bad">已撤销</StatusBadge>
                ) : (
                  <StatusBadge tone="neutral">未办理</StatusBadge>
                )}
              </div>
              <p className="mt-1 text-sm text-muted">
                {s.done
                  ? `办理日期：${s.doneOn}${s.documents.length > 1 ? `（共 ${s.documents.length} 份）` : ''}`
                  : revokedOnly
                    ? '本环节的证照已全部撤销'
                    : '尚无本环节的办理记录'}
              </p>
              {s.documents.length > 0 && (
                <ul className="mt-2 space-y-2">
                  {s.documents.map((d) => (
                    <StageDocumentItem key={d.number} stage={s.stage} document={d} />
                  ))}
                </ul>
              )}
            </div>
          </li>
        )
      })}
    </ol>
  )
}

function StageDocumentItem({ stage, document: d }: { stage: Stage; document: StageDocument }) {
  const words = DOCUMENT_WORDS[stage]
  const href = documentHref(stage, d.number)
  const facts: { label: string; value: React.ReactNode }[] = [
    ...(d.party ? [{ label: PARTICIPANT_ROLE_LABELS[d.party.role], value: <EnterpriseLink enterprise={d.party} /> }] : []),
    ...(d.contractPrice !== null ? [{ label: '合同价格', value: formatAmount(d.contractPrice) }] : []),
    { label: words.date, value: d.date },
    ...(words.agency && d.agency ? [{ label: words.agency, value: d.agency }] : []),
    { label: words.authority, value: d.authorityName },
    ...(d.status === 'REVOKED' && d.revokedOn ? [{ label: '撤销日期', value: d.revokedOn }] : []),
    ...(d.status === 'REVOKED' && d.revocationReason ? [{ label: '撤销原因', value: d.revocationReason }] : []),
  ]
  return (
    <li className={`rounded border px-3 py-2 ${d.status === 'REVOKED' ? 'border-seal bg-red-50' : 'border-line bg-surface'}`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <p className="min-w-0">
          <span className="text-sm text-muted">{d.party ? `${CONTRACT_KINDS[d.party.role]} · ` : ''}{words.number}：</span>
          {/* a code wraps as a whole, never in the middle */}
          {href ? (
            <Link href={href} className="tabular-nums whitespace-nowrap">
              {d.number}
            </Link>
          ) : (
            <span className="tabular-nums whitespace-nowrap">{d.number}</span>
          )}
        </p>
        <StageStatusBadge status={d.status} />
      </div>
      <dl className="mt-1 grid grid-cols-1 gap-x-6 gap-y-0.5 text-sm sm:grid-cols-2">
        {facts.map((f) => (
          <div key={f.label} className="flex gap-2">
            <dt className="shrink-0 text-muted">{f.label}</dt>
            <dd className="min-w-0 break-all">{f.value}</dd>
          </div>
        ))}
      </dl>
    </li>
  )
}

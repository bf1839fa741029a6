// The printable certificate (A4): 建筑工程施工许可证 or 竣工验收备案证明, with the QR code that
// anyone can scan to check it. Revoked and superseded certificates print with a void mark.
import { Suspense } from 'react'
import Link from 'next/link'
import type { Metadata, Route } from 'next'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { CertificateSheet, type CertificateSheetProps } from '@web/components/certificates/certificate-sheet'
import { PrintButton } from '@web/components/certificates/print-button'
import { ListLoading } from '@web/components/list/list-summary'
import { printedCode, type PrintedCode } from '@web/server/certificates/printed-code'
import { certificateQrSvg } from '@web/lib/certificates/qr/certificate-qr'
import { findCertificate, findLogProofs, portalKeyRing } from '@web/lib/certificates/portal-certificates'
import { env } from '@web/lib/env'
import { formatAmount, formatArea } from '@web/lib/format'
import { safeDecode } from '@web/server/lib/safe-decode'
import type { CertificateRecord } from '@web/server/certificates/certificates-repository'
import { getCompletionFiling } from '@web/server/completion-filings/get-completion-filing'
import { getPermit } from '@web/server/permits/get-permit'
import { getDb } from '@web/lib/db'

type Params = Promise<{ serial: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { serial } = await params
  return { title: `打印证书 ${safeDecode(serial)}`, description: '可打印的证书（A4），附核验二维码。', robots: { index: false } }
}

export default function CertificatePage({ params }: { params: Params }) {
  return (
    <Suspense fallback={<ListLoading />}>
      <Certificate params={params} />
    </Suspense>
  )
}

const PROBLEMS: Record<Exclude<PrintedCode, { ok: true }>['problem'] | 'NO_KEYS', string> = {
  UNSIGNED: '该证书尚未签名，无法生成核验二维码，请联系发证机关。',
  NO_FACTS: '该证书已不再对应有效的许可或备案记录，不能打印核验二维码。',
  FACTS_CHANGED: '证书签发后记录已被修改，原二维码已失效，须由发证机关重新签发后再打印。',
  NO_KEYS: '证书核验服务尚未配置，暂时无法生成核验二维码。',
}

const VOID_MARKS: Partial<Record<CertificateRecord['status'], string>> = { REVOKED: '已撤销', SUPERSEDED: '已替换', EXPIRED: '已过期' }

function qrFor(record: CertificateRecord): Pick<CertificateSheetProps, 'qrSvg' | 'qrProblem' | 'verifyUrl'> {
  let publicKeys
  try {
    publicKeys = portalKeyRing().publicKeys
  } catch {
    return { qrSvg: null, qrProblem: PROBLEMS.NO_KEYS, verifyUrl: null }
  }
  const code = printedCode(record, env.PORTAL_ORIGIN, publicKeys)
  if (!code.ok) return { qrSvg: null, qrProblem: PROBLEMS[code.problem], verifyUrl: null }
  return { qrSvg: certificateQrSvg(code.url), verifyUrl: code.url }
}

async function sheetFor(record: CertificateRecord): Promise<{ props: CertificateSheetProps; backHref: Route; backLabel: string } | null> {
  const facts = record.facts
  const qr = qrFor(record)
  const voidMark = VOID_MARKS[record.status]
  if (facts?.type === 'CONSTRUCTION_PERMIT') {
    const permit = await getPermit(getDb(), facts.permitNumber)
    if (!permit) return null
    return {
      backHref: `/permits/${permit.permitNumber}` as Route,
      backLabel: `施工许可证 ${permit.permitNumber}`,
      props: {
        title: '建筑工程施工许可证',
        numberLabel: '编号',
        number: permit.permitNumber,
        serial: record.serial,
        issuer: permit.authorityName,
        issuedOn: permit.issuedOn,
        voidMark,
        ...qr,
        rows: [
          { label: '建设单位', value: permit.owner.name },
          { label: '工程名称', value: permit.projectName },
          { label: '建设地址', value: permit.address },
          { label: '建设规模', value: [permit.scale, permit.floorArea !== null ? formatArea(permit.floorArea) : null].filter(Boolean).join('，') },
          { label: '合同价格', value: formatAmount(permit.contractPrice) },
          { label: '勘察单位', value: permit.survey.map((e) => e.name).join('、') || '—' },
          { label: '设计单位', value: permit.design.map((e) => e.name).join('、') || '—' },
          { label: '施工单位', value: permit.contractorName },
          { label: '监理单位', value: permit.supervisor?.name ?? '—' },
          { label: '项目经理', value: permit.projectManager.name },
          { label: '总监理工程师', value: permit.chiefSupervisor?.name ?? '—' },
          { label: '合同工期', value: `${permit.plannedStartOn} 至 ${permit.plannedEndOn}` },
          { label: '项目编码', value: <span className="tabular-nums">{permit.projectCode}</span> },
        ],
      },
    }
  }
  if (facts?.type === 'COMPLETION_FILING') {
    const filing = await getCompletionFiling(getDb(), facts.filingNumber)
    if (!filing) return null
    return {
      backHref: `/completion-filings/${filing.filingNumber}` as Route,
      backLabel: `竣工验收备案 ${filing.filingNumber}`,
      props: {
        title: '竣工验收备案证明',
        numberLabel: '备案编号',
        number: filing.filingNumber,
        serial: record.serial,
        issuer: filing.authorityName,
        issuedOn: filing.filedOn,
        voidMark,
        ...qr,
        rows: [
          { label: '建设单位', value: filing.ownerName },
          { label: '工程名称', value: filing.projectName },
          { label: '建设地址', value: filing.address },
          { label: '勘察单位', value: filing.survey.map((e) => e.name).join('、') || '—' },
          { label: '设计单位', value: filing.design.map((e) => e.name).join('、') || '—' },
          { label: '施工单位', value: filing.contractors.map((e) => e.name).join('、') || '—' },
          { label: '监理单位', value: filing.supervisors.map((e) => e.name).join('、') || '—' },
          { label: '竣工验收日期', value: filing.acceptedOn },
          { label: '实际造价', value: formatAmount(filing.actualCost) },
          { label: '建筑面积', value: filing.actualArea !== null ? formatArea(filing.actualArea) : '—' },
          { label: '项目编码', value: <span className="tabular-nums">{filing.projectCode}</span> },
        ],
      },
    }
  }
  return null
}

async function Certificate({ params }: { params: Params }) {
  await connection()
  const serial = safeDecode((await params).serial)
  const record = await findCertificate(serial)
  if (!record) notFound()
  const sheet = await sheetFor(record)
  if (!sheet) {
    // a superseded certificate detached from its permit or filing: nothing to print any more
    return (
      <>
        <Breadcrumbs items={[{ label: '证书核验', href: '/verify' }, { label: serial }]} />
        <h1 className="text-2xl font-bold text-brand-900">证书 {serial}</h1>
        <p role="alert" className="mt-4 border-l-4 border-seal bg-red-50 px-4 py-3">
          该证书{VOID_MARKS[record.status] ?? '已失效'}，不能再打印。
          {record.statusReason && <>原因：{record.statusReason}。</>}
          请查看项目 <Link href={`/projects/${record.projectCode}` as Route}>{record.projectCode}</Link> 的最新证书。
        </p>
      </>
    )
  }
  return (
    <>
      <div data-print="hide">
        <Breadcrumbs items={[{ label: sheet.backLabel, href: sheet.backHref }, { label: '打印证书' }]} />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p>
            证书以 A4 纸打印；二维码边长约 10 厘米，约 1 米外可用手机扫描核验。
            {record.status !== 'VALID' && <strong className="text-seal-dark"> 此证书当前{VOID_MARKS[record.status]}，打印件无效。</strong>}
          </p>
          <PrintButton />
        </div>
        <LogProofLinks serial={record.serial} />
      </div>
      <CertificateSheet {...sheet.props} />
    </>
  )
}

const LOG_EVENT_WORDS = { ISSUED: '签发', SUPERSEDED: '替换', REVOKED: '撤销' } as const

/** Downloads of the C2SP tlog-proof files of the certificate's entries in the public log. */
async function LogProofLinks({ serial }: { serial: string }) {
  const proofs = await findLogProofs(serial)
  if (!proofs) return null
  return (
    <p data-testid="tlog-proof-links" className="mt-2">
      本证书已收录于公开透明日志（
      {proofs.inclusions.map((i) => `${LOG_EVENT_WORDS[i.event]}记录条目序号 ${i.index}`).join('，')}）。下载包含证明文件（C2SP tlog-proof，可离线核验）：
      {proofs.inclusions.map((i) => (
        <a key={i.event} className="ml-3" href={`/certificates/${serial}/tlog-proof${i.event === 'ISSUED' ? '' : `?event=${i.event}`}`} download>
          {LOG_EVENT_WORDS[i.event]}记录
        </a>
      ))}
    </p>
  )
}

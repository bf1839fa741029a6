// The answer to a certificate check, verdict first: a large coloured block with one word a person
// at a site gate cannot misread (真实有效 / 已撤销 / 已替换 / 已过期 / 不是真证书), then the facts
// and a link to the project. Pure markup: the /v/<payload> page renders it on the server, the
// /verify page in the browser.
import Link from 'next/link'
import type { Route } from 'next'
import type { VerifyAnswer } from '@web/server/certificates/verify-certificate'

/** The API's answer (GET/POST /api/v1/verify); a type-only import, nothing server-side ships. */
export type VerdictAnswer = VerifyAnswer

const TYPE_LABELS = { CONSTRUCTION_PERMIT: '建筑工程施工许可证', COMPLETION_FILING: '竣工验收备案证明' } as const

type Tone = 'good' | 'warn' | 'bad'

function headline(a: VerdictAnswer): { tone: Tone; mark: string; title: string } {
  // only `valid` earns the green verdict: genuine alone is also true of a revoked certificate
  if (a.valid) return { tone: 'good', mark: '✓', title: '真实有效' }
  if (!a.genuine) return { tone: 'bad', mark: '✗', title: '不是真证书' }
  switch (a.status) {
    case 'REVOKED':
      return { tone: 'bad', mark: '!', title: '证书已撤销' }
    case 'SUPERSEDED':
      return { tone: 'warn', mark: '!', title: '证书已被替换' }
    case 'EXPIRED':
      return { tone: 'warn', mark: '!', title: '证书已过期' }
    default:
      return { tone: 'bad', mark: '?', title: '无法确认' }
  }
}

const TONE_CLASSES: Record<Tone, string> = {
  good: 'border-green-800 bg-green-700 text-white',
  warn: 'border-amber-700 bg-amber-300 text-ink',
  bad: 'border-seal-dark bg-seal text-white',
}

export function VerifyVerdict({ answer }: { answer: VerdictAnswer }) {
  const h = headline(answer)
  const c = answer.certificate
  const documentHref =
    c?.documentNumber && (c.type === 'CONSTRUCTION_PERMIT' ? `/permits/${c.documentNumber}` : `/completion-filings/${c.documentNumber}`)
  return (
    <section
      aria-labelledby="verdict-title"
      data-testid="verify-verdict"
      data-valid={answer.valid}
      data-genuine={answer.genuine}
      data-status={answer.status}
    >
      <div role="status" className={`rounded border-4 px-5 py-6 ${TONE_CLASSES[h.tone]}`}>
        <h2 id="verdict-title" className="flex items-center gap-4 text-4xl font-bold sm:text-5xl">
          <span aria-hidden="true" className="inline-flex h-14 w-14 shrink-0 items-center justify-center rounded-full border-4 border-current text-4xl">
            {h.mark}
          </span>
          {h.title}
        </h2>
        <p className="mt-3 text-lg">{answer.message}</p>
        {answer.genuine && !answer.valid && c?.statusChangedAt && (
          <p className="mt-1 text-lg">
            状态变更日期：{c.statusChangedAt}
            {c.statusReason ? `；原因：${c.statusReason}` : ''}
          </p>
        )}
      </div>
      {c && (
        <table className="mt-4 w-full border-collapse text-left">
          <caption className="mb-2 text-left text-lg font-bold text-brand-900">{answer.genuine ? '证书信息（平台记录）' : '平台记录（与所扫二维码不一致）'}</caption>
          <tbody>
            {[
              ['证书类型', TYPE_LABELS[c.type]],
              ['证书流水号', c.serial],
              [c.type === 'CONSTRUCTION_PERMIT' ? '施工许可证编号' : '备案编号', c.documentNumber],
              ['工程名称', c.projectName],
              ['项目编码', c.projectCode],
              ['建设单位', `${c.holderName}（${c.holderUscc}）`],
              ['施工单位', c.contractorName],
              ['监理单位', c.supervisorName],
              ['发证日期', c.issuedOn],
            ].map(([label, value]) => (
              <tr key={label} className="border-t border-line align-top">
                <th scope="row" className="w-32 bg-surface px-3 py-2 font-medium whitespace-nowrap sm:w-44">
                  {label}
                </th>
                <td className="px-3 py-2 break-words">{value || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {c && answer.log && <LogInclusion log={answer.log} serial={c.serial} />}
      {c && (
        <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
          <Link href={`/projects/${c.projectCode}` as Route}>查看项目 {c.projectCode} 的五个环节</Link>
          {documentHref && <Link href={documentHref as Route}>查看{c.type === 'CONSTRUCTION_PERMIT' ? '施工许可' : '竣工验收备案'}公开信息</Link>}
        </p>
      )}
    </section>
  )
}

const EVENT_WORDS = { ISSUED: '签发', SUPERSEDED: '替换', REVOKED: '撤销' } as const

/**
 * Where the certificate's events stand in the public transparency log. The answer's proofs are
 * what a client checks against the signed checkpoint; the page says what they prove and offers
 * the C2SP tlog-proof file of the issuance.
 */
function LogInclusion({ log, serial }: { log: NonNullable<VerdictAnswer['log']>; serial: string }) {
  return (
    <div data-testid="log-inclusion" className="mt-4 border-l-4 border-brand-700 bg-surface px-4 py-3">
      <p className="font-bold">已收录于公开日志</p>
      <ul className="mt-1 list-none">
        {log.entries.map((e) => (
          <li key={e.index} data-event={e.event} data-index={e.index}>
            {EVENT_WORDS[e.event]}记录：条目序号 <span className="tabular-nums">{e.index}</span>
          </li>
        ))}
      </ul>
      <p className="mt-1 text-sm">
        包含证明对应日志检查点（共 <span className="tabular-nums">{log.treeSize}</span> 条），任何人都可用 <a href="/log/vkey">日志公钥</a> 核验：
        <a href={`/certificates/${serial}/tlog-proof`} download>
          下载签发记录的包含证明（.tlog-proof）
        </a>
      </p>
    </div>
  )
}

// The two ways to contest a public record: an objection (异议, any record) and a credit-repair
// request (信用修复, bad records only). Both open the form with the record filled in; whether the
// request may be filed today (e.g. the minimum publication time of a repair) is checked there.
import Link from 'next/link'
import type { Route } from 'next'

export function RecordRequestLinks({ recordId, kind }: { recordId: string; kind: 'GOOD' | 'BAD' }) {
  const href = (k: 'OBJECTION' | 'REPAIR') => `/credit/objections/new?record=${encodeURIComponent(recordId)}&kind=${k}` as Route
  return (
    <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm print:hidden">
      <Link href={href('OBJECTION')} rel="nofollow">
        对此记录提出异议
      </Link>
      {kind === 'BAD' && (
        <Link href={href('REPAIR')} rel="nofollow">
          申请信用修复
        </Link>
      )}
    </p>
  )
}

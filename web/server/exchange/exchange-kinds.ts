// The kinds the exchange API writes in batches (POST /api/exchange/v1/<kind>) and the token scope
// each needs. Each is written by the kind's import handler, the staff forms' own code.
import type { ImportKindId } from '@shared/import/import-kind-ids'
import type { ApiTokenScope } from '@shared/staff-forms/api-tokens'

export const EXCHANGE_BATCH_KINDS = [
  'enterprises',
  'qualifications',
  'practitioners',
  'registrations',
  'projects',
  'contract-filings',
  'drawing-reviews',
  'supervision-filings',
  'construction-permits',
  'completion-filings',
  'integrity-records',
] as const satisfies readonly ImportKindId[]
export type ExchangeBatchKind = (typeof EXCHANGE_BATCH_KINDS)[number]

export const EXCHANGE_BATCH_SCOPES: Readonly<Record<ExchangeBatchKind, ApiTokenScope>> = {
  enterprises: 'write-subjects',
  qualifications: 'write-subjects',
  practitioners: 'write-subjects',
  registrations: 'write-subjects',
  projects: 'write-stages',
  'contract-filings': 'write-stages',
  'drawing-reviews': 'write-stages',
  'supervision-filings': 'write-stages',
  'construction-permits': 'write-stages',
  'completion-filings': 'write-stages',
  'integrity-records': 'write-records',
}

/** Items one request may carry. */
export const EXCHANGE_BATCH_MAX_ITEMS = 500

import type { Db } from '@db/client'
import { filingNumberParam } from '@web/server/completion-filings/completion-filing-queries'
import { usccParam } from '@web/server/enterprises/enterprise-queries'
import { safeDecode } from '@web/server/lib/safe-decode'
import { trackingNumberParam } from '@web/server/objections/objection-queries'
import { personIdParam } from '@web/server/practitioners/practitioner-queries'
import { projectCodeParam } from '@web/server/projects/project-queries'
import type { PublicDetailKind } from './detail-kinds'
import { createDetailPagesRepository } from './detail-pages-repository'

/** The key a page looks its record up by, read from the raw path segment exactly as the page reads it; null: the page calls notFound() without a look-up. */
export function detailKeyOf(kind: PublicDetailKind, rawParam: string): string | null {
  switch (kind) {
    case 'permit':
    case 'certificate':
      return safeDecode(rawParam)
    case 'completion-filing':
      return filingNumberParam(rawParam)
    case 'project':
      return projectCodeParam(rawParam)
    case 'enterprise': {
      const parsed = usccParam(rawParam)
      return parsed.ok ? parsed.uscc : null
    }
    case 'practitioner': {
      const parsed = personIdParam(rawParam)
      return parsed.ok ? parsed.id : null
    }
    case 'objection': {
      const parsed = trackingNumberParam(rawParam)
      return parsed.ok ? parsed.trackingNumber : null
    }
  }
}

/**
 * Whether the public detail page at this path segment shows a record (false: its page is the
 * not-found page). Public, so no actor: these pages are open to everyone. One indexed query.
 */
export async function publicDetailExists(db: Db, kind: PublicDetailKind, rawParam: string): Promise<boolean> {
  const key = detailKeyOf(kind, rawParam)
  if (key === null || key === '') return false
  return createDetailPagesRepository(db).exists(kind, key)
}

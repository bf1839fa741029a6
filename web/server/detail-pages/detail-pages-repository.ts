// One indexed look-up per detail page: does the row its page would show exist? Each `where` is the
// one the page's own query uses (a unique key), so this answers exactly when the page would render
// and never when it would call notFound(). None of these pages has a publication rule of its own:
// records inside a profile or project are filtered on the page, the subject or permit stays public.
import type { Db } from '@db/client'
import type { PublicDetailKind } from './detail-kinds'

const found = (row: { id: string } | null): boolean => row !== null

export function createDetailPagesRepository(db: Db) {
  const select = { id: true } as const
  const lookups: Record<PublicDetailKind, (key: string) => Promise<boolean>> = {
    permit: (permitNumber) => db.constructionPermit.findUnique({ where: { permitNumber }, select }).then(found),
    'completion-filing': (filingNumber) => db.completionFiling.findUnique({ where: { filingNumber }, select }).then(found),
    project: (projectCode) => db.project.findUnique({ where: { projectCode }, select }).then(found),
    enterprise: (uscc) => db.enterprise.findUnique({ where: { uscc }, select }).then(found),
    practitioner: (id) => db.person.findUnique({ where: { id }, select }).then(found),
    certificate: (serial) => db.certificate.findUnique({ where: { serial }, select }).then(found),
    objection: (trackingNumber) => db.objection.findUnique({ where: { trackingNumber }, select }).then(found),
  }
  return {
    exists(kind: PublicDetailKind, key: string): Promise<boolean> {
      return lookups[kind](key)
    },
  }
}

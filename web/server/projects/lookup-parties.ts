// The pickers of the stage forms: enterprises by USCC or name (any region: parties come from the
// whole province and beyond), and the practitioners holding a valid registration with one
// enterprise on a day (the people a permit may name). Staff only; no personal data beyond names.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { normalizeUscc } from '@shared/validators/uscc'
import { authorize } from '@web/server/staff/authorize'
import { containsText, startsWithText } from '@web/server/lib/text-search'

const LIMIT = 10

export async function lookupEnterprises(db: Db, actor: Actor, q: string, type?: string) {
  authorize(actor, 'workspace.read')
  const text = q.trim()
  if (text.length < 2) return []
  const uscc = normalizeUscc(text)
  return db.enterprise.findMany({
    where: {
      ...(type ? { type: type as never } : {}),
      OR: [startsWithText(uscc, (f) => ({ uscc: f })), containsText(text, (f) => ({ name: f }))],
    },
    select: { uscc: true, name: true, type: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: LIMIT,
  })
}

export async function lookupRegisteredPractitioners(db: Db, actor: Actor, enterpriseUscc: string, types: readonly string[], on: Date) {
  authorize(actor, 'workspace.read')
  const rows = await db.registration.findMany({
    where: { employer: { uscc: normalizeUscc(enterpriseUscc) }, type: { in: types as never }, issuedOn: { lte: on }, validUntil: { gte: on } },
    select: { number: true, type: true, person: { select: { id: true, name: true } } },
    orderBy: [{ person: { name: 'asc' } }, { id: 'asc' }],
    take: 100,
  })
  return rows.map((r) => ({ personId: r.person.id, name: r.person.name, registrationNumber: r.number, type: r.type }))
}

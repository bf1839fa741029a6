// The one place a back-office use case checks its actor: the permission (by role, from the policy
// table in shared/staff/permissions.ts) and the region. An object of another region answers as if
// it did not exist (NotFoundError, 404), so an officer cannot even learn that it exists.
import { actsFor, type Actor } from '@shared/staff/actor'
import { can, type Permission } from '@shared/staff/permissions'
import { ForbiddenError, NotFoundError } from '@web/server/lib/errors'

/** Throws ForbiddenError unless the actor's role has the permission. */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new ForbiddenError()
}

/** Throws NotFoundError (not 403) when `regionCode` is outside the actor's regions. */
export function assertRegion(actor: Actor, regionCode: string | null | undefined, what: string): void {
  if (regionCode === null || regionCode === undefined || !actsFor(actor, regionCode)) throw new NotFoundError(what)
}

/**
 * Prisma `where` on a model's region column limiting reads to the actor's regions: nothing for
 * the province, `{ [field]: { in: regions } }` otherwise.
 */
export function regionWhere<F extends string>(actor: Actor, field: F): Partial<Record<F, { in: string[] }>> {
  if (actor.regions === 'ALL') return {}
  return { [field]: { in: [...actor.regions] } } as Record<F, { in: string[] }>
}

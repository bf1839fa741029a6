// What a committed write makes stale. The public pages cross-link nearly everything (a permit
// shows on the home page, the statistics, its project, its enterprises' track records; a rename
// shows on every record of the enterprise), so the public data is one namespace: a staff write
// is rare next to public reads, and one bump is cheaper than a dependency map that can be wrong.
// Writes to staff-only data (accounts, sessions, tokens, exports) do not touch it.

/** Everything the public pages and the open-data API show. */
export const PUBLIC_DATA = 'public'

/** Audit entities whose writes change nothing a public page or the open-data API shows. */
const STAFF_ONLY_ENTITIES: ReadonlySet<string> = new Set(['User', 'StaffSession', 'StaffSignIn', 'ApiToken', 'RecoveryCode', 'PersonalData', 'DataExport'])

/** The namespaces written by a transaction that wrote audit entries of these entities; an unknown entity counts as public. */
export function namespacesOfEntities(entities: Iterable<string>): string[] {
  for (const entity of entities) if (!STAFF_ONLY_ENTITIES.has(entity)) return [PUBLIC_DATA]
  return []
}

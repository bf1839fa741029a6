// What a run of enterprise writes has already read in its transaction, handed to the write bodies
// so that they need not read it again: the bulk import reads it once per batch of rows instead of
// once per row. A map answers only for the keys it holds and the body reads any other key from the
// database, so a partial map is never wrong, only slower. The bodies keep the maps true as they
// write (a USCC they register is held from then on), so a later row of the same batch sees it.

export interface EnterpriseLookups {
  /** region codes known to be in the Region table */
  registeredRegions?: ReadonlySet<string>
  /** USCC → the id of the enterprise holding it, or null when none does */
  usccHolders?: Map<string, string | null>
  /** qualification certificate number → the id of the qualification holding it, or null */
  certificateNumberHolders?: Map<string, string | null>
}

/** The map's answer for `key` when it holds one, else the database's. */
export async function lookedUp<K, V>(map: ReadonlyMap<K, V> | undefined, key: K, read: () => Promise<V>): Promise<V> {
  return map?.has(key) ? (map.get(key) as V) : read()
}

/** Each key → the id found for it, or null: a holder map that answers for every key asked about. */
export function holders(keys: readonly string[], found: readonly (readonly [string, string])[]): Map<string, string | null> {
  const map = new Map<string, string | null>(keys.map((k) => [k, null]))
  for (const [key, id] of found) map.set(key, id)
  return map
}

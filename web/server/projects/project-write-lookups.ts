// What a run of project writes has already read in its transaction, handed to the write bodies so
// that they need not read it again: the bulk import reads it once per batch of rows instead of once
// per row. A map answers only for the keys it holds and the body reads any other key from the
// database, so a partial map is never wrong, only slower. The bodies keep the maps true as they
// write — a project's new stage record joins the project held for its code, a number they take is
// held as taken — so a later row of the same batch sees what an earlier one wrote.
import type { EnterpriseRow, ProjectForWrite, ProjectStagesRepository } from './project-stages-repository'

export interface ProjectWriteLookups {
  /** project code → the project with its stage records as this transaction holds it, or null when there is none */
  projects?: Map<string, ProjectForWrite | null>
  /** USCC → the enterprise holding it, or null when none does */
  enterprises?: Map<string, EnterpriseRow | null>
  /** 审查合格书 number → whether a drawing review holds it */
  reviewNumbers?: Map<string, boolean>
  /** permit or completion filing number → whether a permit or filing holds it */
  datedNumbers?: Map<string, boolean>
  /** HT/JD number prefix → the last sequence taken in this transaction */
  yearlySequences?: Map<string, number>
}

/** The map's answer for `key` when it holds one, else the database's. */
export async function lookedUp<K, V>(map: ReadonlyMap<K, V> | undefined, key: K, read: () => Promise<V>): Promise<V> {
  return map?.has(key) ? (map.get(key) as V) : read()
}

export function enterpriseByUscc(stages: ProjectStagesRepository, uscc: string, lookups: ProjectWriteLookups): Promise<EnterpriseRow | null> {
  return lookedUp(lookups.enterprises, uscc, () => stages.findEnterpriseByUscc(uscc))
}

/**
 * After a write the body does not mirror in the held project (an edit, a correction): the next
 * read of the project goes to the database.
 */
export function forgetProject(lookups: ProjectWriteLookups, projectCode: string): void {
  lookups.projects?.delete(projectCode)
}

/** Each key → what was found for it, or null: a map that answers for every key asked about. */
export function byKey<V>(keys: readonly string[], found: readonly V[], keyOf: (v: V) => string): Map<string, V | null> {
  const map = new Map<string, V | null>(keys.map((k) => [k, null]))
  for (const v of found) map.set(keyOf(v), v)
  return map
}

/**
 * The lookups of a batch of rows naming these projects and enterprises, read in two queries: every
 * code and USCC asked about is answered (null for none), so the bodies read neither again.
 */
export async function readBatchLookups(
  stages: ProjectStagesRepository,
  projectCodes: readonly string[],
  usccs: readonly string[],
): Promise<ProjectWriteLookups & Required<Pick<ProjectWriteLookups, 'projects' | 'enterprises' | 'yearlySequences'>>> {
  const codes = [...new Set(projectCodes)]
  const holders = [...new Set(usccs)]
  return {
    projects: byKey(codes, await stages.findProjectsForWrite(codes), (p) => p.projectCode),
    enterprises: byKey(holders, await stages.findEnterprisesByUscc(holders), (e) => e.uscc),
    yearlySequences: new Map(),
  }
}

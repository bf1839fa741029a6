// Published standards by version. A stored grade names the version it was computed under
// (CreditGrade.standardVersion), so old versions stay here when new ones are added.

import type { ScoringStandard } from './schema'
import { HN_2026_1 } from './standard-2026'

export const STANDARDS: Readonly<Record<string, ScoringStandard>> = Object.freeze({
  [HN_2026_1.version]: HN_2026_1,
})

/** The standard new grades are computed under. */
export const CURRENT_STANDARD: ScoringStandard = HN_2026_1

export function isKnownStandardVersion(version: string): boolean {
  return Object.prototype.hasOwnProperty.call(STANDARDS, version)
}

/** The standard of a version; throws a RangeError for an unknown one. */
export function standardFor(version: string): ScoringStandard {
  if (!isKnownStandardVersion(version)) throw new RangeError(`unknown scoring standard version ${JSON.stringify(version)}`)
  return STANDARDS[version]
}

import { CURRENT_STANDARD, standardFor, type ScoringStandard } from '@shared/scoring'

/** The scoring standard as published: a known version (checked by scoringStandardQuerySchema), default the current one. */
export function getScoringStandard(version?: string): ScoringStandard {
  return version ? standardFor(version) : CURRENT_STANDARD
}

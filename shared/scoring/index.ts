// Integrity scoring (诚信评分): the versioned standard as data and the pure engine that turns a
// subject's records into a score, a credit grade and a blacklist status, explained record by record.

export {
  GRADES,
  SUBJECT_CLASSES,
  CATEGORY_CODE_PATTERN,
  gradeSchema,
  subjectClassSchema,
  scoringStandardSchema,
  type Grade,
  type SubjectClass,
  type ScoringStandard,
  type Category,
  type CategoryRule,
  type Band,
  type Supervision,
  type ClassRules,
  type BlacklistPolicy,
  type BlacklistGround,
  type BlacklistTrigger,
  type Basis,
} from './schema'
export { HN_2026_1, SEED_CATEGORY_CODES } from './standard-2026'
export { STANDARDS, CURRENT_STANDARD, standardFor, isKnownStandardVersion } from './standards'
export { compileStandard, validateStandard, isCompiledStandard, ScoringStandardError, type CompiledStandard } from './compile'
export { scoringRecordFromRow, type ScoringRecord, type ScoringSubject, type IntegrityRecordRow } from './record-input'
export { publicationUntil } from './publication'
export {
  scoreSubject,
  countsOn,
  lastCountingDay,
  EXCLUSION_REASONS,
  EXCLUSION_REASON_LABELS,
  CHANGE_CAUSES,
  CHANGE_CAUSE_LABELS,
  CAP_KINDS,
  type SubjectScore,
  type Contribution,
  type ExcludedRecord,
  type ExclusionReason,
  type BlacklistStatus,
  type BlacklistGroundStatus,
  type ScheduledChange,
  type ChangeCause,
  type ChangeCauseType,
  type CapKind,
  type ScoreBreakdown,
} from './engine'
export { scoreMany, type BatchScore } from './batch'
export { renderStandardMarkdown } from './markdown'

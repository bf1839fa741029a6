// The kinds of file the bulk import reads, in the order the import page lists them: subjects first,
// then projects and their five stages in stage order, then integrity records (a record names a
// subject that must exist, a stage names a project that must exist).
import { z } from 'zod'

export const IMPORT_KIND_IDS = [
  'enterprises',
  'qualifications',
  'practitioners',
  'registrations',
  'projects',
  'contract-filings',
  'drawing-reviews',
  'supervision-filings',
  'construction-permits',
  'completion-filings',
  'integrity-records',
] as const

export const importKindSchema = z.enum(IMPORT_KIND_IDS, { error: '导入数据类型无效' })
export type ImportKindId = z.infer<typeof importKindSchema>
